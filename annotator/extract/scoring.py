"""Scoring claims against quotes whose speakers other people marked: coverage, speaker accuracy, non-name speakers.

The marked quotes are JSON lines `{"file", "quote", "speaker", "named_person"}` (the layout of the BASIL dev set in
`../shared/reference/attribution/` and of the project's own fixture). The rules, stated once so the benchmark and
the tests measure the same thing:

- a quote is covered when its text (spacing collapsed) lies inside one claim's `source_text`;
- a named speaker is right when the claim holding the quote (else the claim sharing most of it) names the same
  person: after lower-casing and dropping accents, titles, suffixes and punctuation, the surnames (last words) are
  equal and one name's words appear in order in the other's ("Trump" and "Ruth Ginsburg" match "Donald Trump" and
  "Ruth Bader Ginsburg"; "Melania Trump" does not match "Donald Trump");
- a speaker string is a name as `speakers.is_name` says: one to six words, each with a capital (or a digit, or a
  lower-case particle such as "of" or "de" inside the name; "the" may lead; an organisation may be named by its
  owner, "Roe campaign"), with no comma, pronoun or bare title ("Courier host", "statement", "official who
  attended the", "The Senator" are not names).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from annotator.extract.speakers import is_name
from annotator.models import Claim

_TITLES = frozenset(
    """mr mrs ms miss dr sir dame prof professor president sen senator rep representative gov governor congressman
    congresswoman secretary minister justice judge mayor speaker leader chairman chairwoman chief general gen
    ambassador spokesman spokeswoman spokesperson attorney official officials lawyer director vice deputy former
    first lady house senate state u.s us""".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class MarkedQuote:
    """A quoted span of an article and the speaker the annotators gave it."""

    file: str
    quote: str
    speaker: str
    named_person: bool


@dataclass
class AttributionScore:
    """Coverage of marked quotes, accuracy of named speakers and the share of speakers that are not names."""

    quotes: int = 0
    covered: int = 0
    named: int = 0
    named_right: int = 0
    attributed_claims: int = 0
    non_name_speakers: int = 0
    uncovered: list[MarkedQuote] = field(default_factory=list)
    wrong_speakers: list[tuple[MarkedQuote, Optional[str]]] = field(default_factory=list)
    non_names: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.quotes if self.quotes else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.named_right / self.named if self.named else 0.0

    @property
    def non_name_share(self) -> float:
        return self.non_name_speakers / self.attributed_claims if self.attributed_claims else 0.0

    def summary(self) -> str:
        return (
            f"coverage {self.coverage:.3f} ({self.covered}/{self.quotes}); "
            f"named speakers right {self.speaker_accuracy:.3f} ({self.named_right}/{self.named}); "
            f"non-name speakers {self.non_name_share:.4f} ({self.non_name_speakers}/{self.attributed_claims} "
            "attributed claims)"
        )


def load_marked_quotes(path: Path) -> list[MarkedQuote]:
    """The marked quotes of a JSON-lines file."""
    quotes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            quotes.append(MarkedQuote(row["file"], row["quote"], row["speaker"], bool(row["named_person"])))
    return quotes


def collapsed(text: str) -> str:
    """Text with its spacing collapsed, as compared between a quote and a claim."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_words(name: str) -> list[str]:
    """A name's words, lower-cased, without accents, punctuation, titles, suffixes or a possessive."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.replace("’", "'")) if not unicodedata.combining(ch)
    ).lower()
    words = []
    for raw in plain.replace("-", " ").split():
        word = raw[:-2] if raw.endswith("'s") else raw
        word = "".join(ch for ch in word if ch.isalnum())
        if word and word not in _SUFFIXES:
            words.append(word)
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return words


def same_person(predicted: Optional[str], expected: str) -> bool:
    """True when `predicted` names the person `expected` names (see the module docstring)."""
    if not predicted:
        return False
    mine, theirs = name_words(predicted), name_words(expected)
    if not mine or not theirs or mine[-1] != theirs[-1]:
        return False
    return _in_order(mine, theirs) or _in_order(theirs, mine)


def _in_order(short: Sequence[str], full: Sequence[str]) -> bool:
    position = 0
    for word in short:
        while position < len(full) and not (full[position] == word or (len(word) == 1 and full[position][0] == word)):
            position += 1
        if position == len(full):
            return False
        position += 1
    return True


def score_attribution(marked: Iterable[MarkedQuote], claims_by_file: Mapping[str, list[Claim]]) -> AttributionScore:
    """Score the claims of each file (keyed as in the marked quotes) against its marked quotes."""
    result = AttributionScore()
    for quote in marked:
        claims = claims_by_file.get(quote.file, [])
        result.quotes += 1
        wanted = collapsed(quote.quote)
        holding = next((c for c in claims if wanted in collapsed(c.source_text)), None)
        if holding is not None:
            result.covered += 1
        else:
            result.uncovered.append(quote)
        if not quote.named_person:
            continue
        result.named += 1
        claim = holding or _most_overlapping(claims, wanted)
        predicted = claim.speaker if claim is not None else None
        if same_person(predicted, quote.speaker):
            result.named_right += 1
        else:
            result.wrong_speakers.append((quote, predicted))
    for claims in claims_by_file.values():
        for claim in claims:
            if claim.speaker is None:
                continue
            result.attributed_claims += 1
            if not is_name(claim.speaker):
                result.non_name_speakers += 1
                result.non_names.append(claim.speaker)
    return result


def _most_overlapping(claims: list[Claim], wanted: str) -> Optional[Claim]:
    """The claim sharing the longest run of the quote's words with it (at least four), else None."""
    words = wanted.split()
    best, best_length = None, 3
    for claim in claims:
        text = collapsed(claim.source_text)
        length = _longest_word_run(words, text)
        if length > best_length:
            best, best_length = claim, length
    return best


def _longest_word_run(words: list[str], text: str) -> int:
    """Length of the longest run of consecutive `words` that appears in `text`."""
    best = 0
    for start in range(len(words)):
        end = start + best + 1
        while end <= len(words) and " ".join(words[start:end]) in text:
            best = end - start
            end += 1
    return best
