"""Who a speaker is: a named person, a news outlet, or something else (a document, a body, a role).

Only two different named people can be a speaker conflict; "the White House" and "a White House statement"
are one source, "according to CNN" is the outlet that carried the report, not a speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from annotator.link.normalise import name_key

MEDIA_WORDS = frozenset([
    "news", "times", "post", "journal", "tribune", "herald", "gazette", "press", "agency", "network",
    "broadcasting", "radio", "television", "tv", "magazine", "daily", "newspaper", "wire", "media", "reports",
    "report", "reporters", "channel", "telegraph", "chronicle", "observer", "standard", "review",
])
"""Words that make a name an outlet ("Fox News", "Yonhap news agency", "media reports")."""
PARTICLES = frozenset(["de", "da", "del", "van", "von", "der", "bin", "al", "la", "le", "di", "du", "st", "jr", "sr", "ii", "iii"])
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'\u2019\-]+(?:[A-Z][a-z]+)?|[A-Z]\.?|O'[A-Z][a-z]+|Mc[A-Z][a-z]+)$")


def name_words(name: str) -> list[str]:
    """The words of a name, without punctuation."""
    return [w for w in re.split(r"[\s,]+", name.strip()) if w]


@lru_cache(maxsize=8192)
def looks_like_person(name: str) -> bool:
    """Whether a speaker string is written like a person's name: one to four capitalised words.

    "Brad Parscale", "John A. Boehner" pass; "White House report", "47-page indictment", "campaign's
    manager, Brad", "the agency" do not (a lowercase word, a digit, a media word or a comma).
    """
    words = name_words(name)
    if not 1 <= len(words) <= 5 or "," in name or any(c.isdigit() for c in name):
        return False
    core = [w for w in words if w.lower().strip(".") not in PARTICLES]
    if not core or any(w.lower().strip(".") in MEDIA_WORDS for w in core):
        return False
    return all(_NAME_WORD.match(w) for w in core)


def outlet_keys(outlets: list[str | None]) -> frozenset[str]:
    """Squashed names of the outlets an event's articles come from ("foxnews" from foxnews.com)."""
    keys = set()
    for outlet in outlets:
        if not outlet:
            continue
        host = urlparse(outlet).netloc or outlet
        parts = [p for p in host.lower().split(".") if p not in ("www", "com", "org", "net", "co", "uk", "blogs")]
        keys.update(p for p in parts if len(p) > 2)
    return frozenset(keys)


@lru_cache(maxsize=8192)
def is_media(name: str, outlets: frozenset[str]) -> bool:
    """Whether a name stands for a news outlet: it carries a media word, or it is one of the event's outlets."""
    words = [w.lower().strip(".'\u2019s") for w in name_words(name)]
    if any(w in MEDIA_WORDS for w in words):
        return True
    squashed = re.sub(r"[^a-z]", "", name.lower().removeprefix("the "))
    return bool(squashed) and squashed in outlets


def same_person(left: str, right: str) -> bool:
    """Whether two names can be one person: the words of one are among the other's ("Brad" and "Brad
    Parscale", "Mr. Boehner" and "John A. Boehner"), spelling variants allowed."""
    a = {name_key(w.strip(".")) for w in name_words(left) if len(w.strip(".")) > 1}
    b = {name_key(w.strip(".")) for w in name_words(right) if len(w.strip(".")) > 1}
    titles = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator"}
    a, b = a - titles, b - titles
    return bool(a and b) and (a <= b or b <= a)
