"""Short quoted phrases a claim credits to its speaker ("rigged from the start", "we'll see them in court"), told apart from titles in
quotation marks ("Morning With the Mayor"), which name a show, a book or a nickname rather than repeat what was said."""

from __future__ import annotations

import re
from functools import lru_cache

from annotator.link.normalise import STOPWORDS, content_keys

_QUOTE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
MIN_PHRASE_WORDS = 2
"""A quoted phrase needs this many content words to say which words were said."""


def is_title(quoted: str) -> bool:
    """Whether quoted words are written as a title, each word capitalised but the small ones ("Morning With the Mayor")."""
    words = [w for w in _WORD.findall(quoted) if w.lower() not in STOPWORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=65536)
def said_words(text: str) -> tuple[str, ...]:
    """The content words (normalised, joined) of each quotation of `text` that is not a title."""
    found = []
    for match in _QUOTE.finditer(text):
        keys = content_keys(match.group(1))
        if keys and not is_title(match.group(1)):
            found.append(" ".join(keys))
    return tuple(found)


def short_phrases(text: str, max_words: int) -> list[str]:
    """The quotations of `text` from MIN_PHRASE_WORDS up to `max_words` content words (fewer), titles left out."""
    return [q for q in said_words(text) if MIN_PHRASE_WORDS <= len(q.split()) < max_words]
