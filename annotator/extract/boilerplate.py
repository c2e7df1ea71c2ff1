"""Recognise the non-article lines that news pages leave in copied text, so spaCy never sees them."""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”][.!?,]?$")
_QUOTE_OR_DASH_EDGES = "\"'“”‘’«»–—-* "

_BOILERPLATE = re.compile(
    r"""^(?:
        read\s+more\b | more\s+on\s+this\s+story | related\s+(?:topics|articles|stories|coverage|content|links?)\b
      | (?:tags?|topics?|filed\s+under|keywords)\s*: 
      | access\s+(?:premium|to\s+the\s+top\s+content) | subscribe\b | sign\s+(?:up|in)\b | log\s+in\b
      | already\s+a\s+(?:subscriber|member) | become\s+a\s+(?:member|subscriber) | support\s+(?:our|independent)\s+journalism
      | get\s+(?:our|the)\s+(?:free\s+)?newsletter | download\s+(?:our|the)\s+app | newsletter\b
      | this\s+video\s+(?:is\s+no\s+longer\s+available|can\s*not\s+be\s+played) | video\s+unavailable | play\s+video\b
      | watch\s*: | video\s+ad\s+feedback | now\s+playing\b | media\s+playback\s+is\s+unsupported
      | share\s+(?:this|on)\b | follow\s+us\b | click\s+here\b | advertisement\b | story\s+continues\s+below
      | continue\s+reading\b | listen\s+to\s+this\s+article | all\s+rights\s+reserved | copyright\b | ©
      | (?:additional\s+)?(?:reporting|writing|editing)\s+by\b | image\s+source\s*,
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_MAX_WORDS = 25

_TAG_SECTION = re.compile(
    r"^(?:read\s+more\s+on\s+these\s+topics|related\s+topics|more\s+on\s+this\s+story|tags?|topics|filed\s+under)\s*:?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written\s+by)\s+[A-Z][\w.'’-]*(?:[\s,|&-]+[\w.'’@-]+){0,9}$")
_CREDIT_WORDS = re.compile(
    r"\b(?:via|getty|reuters|afp|ap\s+photo|epa|shutterstock|alamy|photo(?:graph)?|image|credit|courtesy|file\s+photo|pool)\b"
    r"|\w/\w",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(r"^(?:photo|image\s+caption|caption|pictured)\s*[:,]\s*", re.IGNORECASE)

_DATELINE = re.compile(
    r"""^(?:
        [A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,2}                      # GENEVA / NEW YORK
          (?:\s*,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s*\d{4})?)?          # , Jan 21
          \s*(?:\([A-Za-z .]{2,30}\))?\s*[-–—:]\s+                      # (Reuters) -
      | [A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*\[[^\]]{2,40}\]                 # Geneva [Switzerland]
          (?:\s*,\s*[A-Z][a-z]+\.?\s\d{1,2}(?:,\s*\d{4})?)?\s*[-–—:]\s+
      | [A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*[A-Z][a-z]+\.?\s\d{1,2}\s*
          \((?:ANI|Reuters|AP|AFP|IANS|PTI|Xinhua|Sputnik|UNI|TASS)\)\s*[-–—:]\s+
    )""",
    re.VERBOSE,
)
_DATELINE_LEAD = re.compile(
    r"""^[A-Z]{2,}\.?(?:\s[A-Z][A-Z'’-]+\.?){0,3}                            # WASHINGTON / ST. LOUIS
        (?:\s*,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?                     # , Norway / , Mo.
        \s*(?:\([^()\n]{1,30}\)\s*)?(?:--|[-–—―]-?)\s+(?=[A-Z0-9"“‘'])             # (AP) -- / — / ― / –-
    """,
    re.VERBOSE,
)
_GLUED_CREDIT = re.compile(r"^(?:Sputnik|Reuters|AFP|Getty Images|EPA|TASS|Xinhua|AP Photo)(?=[A-Z][a-z])")

_HEADING_MAX_WORDS = 12
_CREDIT_MAX_WORDS = 12


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation (possibly inside a closing quote)."""
    return bool(_TERMINAL.search(text.rstrip()))


def is_boilerplate(text: str) -> bool:
    """Subscription prompts, video notices, "Read more", share buttons, credits sections, bylines."""
    stripped = text.strip()
    if _BOILERPLATE.match(stripped) and word_count(stripped) <= _BOILERPLATE_MAX_WORDS:
        return True
    return is_byline(stripped)


def is_byline(text: str) -> bool:
    """"By Jane Doe" or "By Jane Doe and John Roe, Reuters"."""
    return bool(_BYLINE.match(text)) and word_count(text) <= 10 and not text.rstrip().endswith(".")


def starts_tag_section(text: str) -> bool:
    """A marker ("Related Topics", "Read more on these topics") after which short lines are tags."""
    return bool(_TAG_SECTION.match(text.strip()))


def is_tag_line(text: str) -> bool:
    """A short line of topic names that follows a tag-section marker."""
    return word_count(text) <= 8 and not ends_like_sentence(text)


def is_heading(text: str) -> bool:
    """A section heading: short, not a sentence, wrapped in dashes or mostly capitalised words."""
    stripped = text.strip()
    if not stripped or word_count(stripped) > _HEADING_MAX_WORDS:
        return False
    if stripped[0] in "–—-" and stripped[-1] in "–—-":
        return True
    core = stripped.strip(_QUOTE_OR_DASH_EDGES)
    if not core or ends_like_sentence(core) or core.endswith(","):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", core) if len(w) > 3 or w[0].isupper()]
    if not words:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


def is_credit_line(text: str) -> bool:
    """A photo credit such as "Jane Doe/AFP via Getty Images"."""
    stripped = text.strip()
    return (
        0 < word_count(stripped) <= _CREDIT_MAX_WORDS
        and not ends_like_sentence(stripped)
        and bool(_CREDIT_WORDS.search(stripped))
    )


def caption_text(text: str) -> str | None:
    """The caption without its "PHOTO:" label, or None when the line is not labelled as a caption."""
    match = _CAPTION_PREFIX.match(text)
    if not match:
        return None
    rest = text[match.end():].strip()
    return rest or None


def strip_dateline(text: str) -> str:
    """The paragraph without a leading dateline ("GENEVA (Reuters) -") or a credit glued to its first word."""
    text = _GLUED_CREDIT.sub("", text, count=1)
    match = _DATELINE.match(text)
    if match and match.end() < len(text):
        return text[match.end():]
    return text


def dateline_length(text: str) -> int:
    """How many characters of a paragraph a leading dateline takes ("WASHINGTON -- ", "BOSTON (AP) ― "), 0 if none.

    The reader strips the common forms; the rest stay in the body (claim offsets depend on it) and are only kept
    out of the parse of the sentence behind them.
    """
    match = _DATELINE_LEAD.match(text)
    return match.end() if match else 0
