"""Cross-source linking: groups claims that state the same thing in different articles of one event and
flags the details (durations, counts, dates, speakers) on which they disagree. Pure Python over models."""

from annotator.link.counts import find_counts, parse_count
from annotator.link.dates import DateSpan, find_dates, parse_date
from annotator.link.durations import find_durations, parse_duration
from annotator.link.linker import link_claims
from annotator.link.aliases import DEFAULT_ALIASES
from annotator.link.normalise import concept, name_key, stem
from annotator.link.ranges import Range

__all__ = [
    "DEFAULT_ALIASES",
    "DateSpan",
    "Range",
    "concept",
    "find_counts",
    "find_dates",
    "find_durations",
    "link_claims",
    "name_key",
    "parse_count",
    "parse_date",
    "parse_duration",
    "stem",
]
