"""What the linker needs to know about one claim, computed once: keys, entities, speaker, quotes, slots."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.link.acronyms import acronym_keys, spelled_out
from annotator.link.dates import MONTHS, WEEKDAYS, find_dates
from annotator.link.aliases import AliasTable, is_affiliation
from annotator.link.normalise import STOPWORDS, TITLES, content_keys
from annotator.link.passages import Passage, split_passages
from annotator.link.people import is_media, looks_like_person
from annotator.link.polarity import Clauses, clauses, is_negated
from annotator.link.slots import Slot, extract_slots
from annotator.models import Claim

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
OWNER_LABELS = frozenset({"GPE", "NORP", "ORG"})
MIN_QUOTE_WORDS = 4

_YEAR = re.compile(r"(?<![\d$.,])(1[89]\d\d|20\d\d)(?![\d,%])")
_CLAUSE_BREAKS = (",", "\u201d", "\"", "\u2014", ";")
MAX_ATTRIBUTION_WORDS = 14
"""Words from the speaker's name to the end for the tail to be read as an attribution clause."""
MAX_ATTRIBUTION_LEAD = 60
"""Characters from the clause break to the speaker's name ("the acting White House chief of staff")."""
_QUOTE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)*")
_NAME_BREAK = re.compile(r"[\s\-]")
_NOT_NAMES = STOPWORDS | TITLES | set(MONTHS) | set(WEEKDAYS)


@dataclass
class ClaimFeatures:
    """The normalised view of one claim that blocking, scoring and conflict checks read."""

    index: int
    claim: Claim
    keys: list[str]
    """Normalised content words of the claim text, in order."""
    entities: frozenset[str]
    """Canonical keys of the named things the claim mentions."""
    participants: frozenset[str]
    """Canonical keys of the people, bodies and places involved other than countries, and the speaker.

    Any entity label counts, because a small model often labels a surname as a place or an organisation.
    """
    speaker: str
    """Canonical key of the speaker, "" when unknown."""
    quotes: list[str] = field(default_factory=list)
    """Normalised text of each quotation of several words in the claim."""
    slots: list[Slot] = field(default_factory=list)
    names: frozenset[str] = frozenset()
    """The participants named in the claim itself (the speaker left out): people, places, bodies."""
    countries: frozenset[str] = frozenset()
    """Canonical keys of the countries (aliases and nationality adjectives) the claim names."""
    person_names: frozenset[str] = frozenset()
    """The names the extractor labelled as people (every capitalised name when it gave no entities)."""
    quoted: list[str] = field(default_factory=list)
    """Normalised text of every quotation, however short ("frank and useful")."""
    actors: frozenset[str] = frozenset()
    """The names that stand for people anywhere in the event; set by `assign_actors`."""
    outlets: frozenset[str] = frozenset()
    """Squashed names of the event's outlets ("foxnews"), so citing one is not taken for a speaker."""
    negated: bool = False
    """Whether the claim's own words deny something ("cannot", "never", "did not"): an odd number of
    negations, so "can" and "cannot" are opposite statements while "not saying he will not" is no denial."""
    clauses: Clauses = ()
    """The keys and negation count of each clause, so a denial is weighed only where two claims speak alike."""
    named_speaker: str = ""
    """The speaker as written when it reads as a person's name, "" for a body, a document or an outlet."""
    years: frozenset[int] = frozenset()
    """The years the claim names ("in 2008", "Jan. 3, 2012"): claims naming only other years are another time."""
    passages: list[Passage] = field(default_factory=list)
    """The sentences of its quotations, or of its own text when it quotes nothing (a post printed as a block)."""
    article: str = field(init=False)
    """Id of the article the claim comes from."""
    norm_text: str = field(init=False)
    """The normalised keys joined, for fuzzy comparison."""
    sorted_text: str = field(init=False)
    """The normalised keys sorted and joined, so a token-sort comparison is one plain string ratio."""
    count_things: frozenset[str] = field(init=False)
    """What the claim's counts count ("troop", "ship")."""
    search_keys: frozenset[str] = field(init=False)
    """The block keys plus each pair of neighbouring words ("grain loan"): candidates are looked up
    under these, since a shared pair of words is much rarer than either word."""
    block_keys: frozenset[str] = field(init=False)
    """The keys under which the claim is indexed and compared: words, entities and stated figures.

    A figure ("duration:talk:90 min") is as telling as a rare word that two reports say the same thing.
    """

    def __post_init__(self) -> None:
        self.article = self.claim.article.id
        self.norm_text = " ".join(self.keys)
        self.sorted_text = " ".join(sorted(self.keys))
        self.count_things = frozenset(s.subject for s in self.slots if s.kind == "count" and s.subject)
        figures = {f"{s.kind}:{s.subject}:{s.describe()}" for s in self.slots if s.kind != "date"}
        self.block_keys = frozenset(self.keys) | self.entities | figures
        self.search_keys = self.block_keys | {f"{a} {b}" for a, b in zip(self.keys, self.keys[1:])}


def _fallback_names(text: str, aliases: AliasTable) -> list[tuple[int, int, str]]:
    """Capitalised name sequences, for claims that came without entities: aliases or surname keys."""
    names = []
    for m in _CAPITALISED.finditer(text):
        words = [w for w in _NAME_BREAK.split(m.group()) if w.lower() not in _NOT_NAMES]
        if not words:
            continue
        key = aliases.lookup(m.group()) or aliases.lookup(" ".join(words))
        if key is None and not all(aliases.lookup(w) for w in words):
            key = aliases.canonical(" ".join(w for w in words if not aliases.lookup(w)), "PERSON")
        if key:
            names.append((m.start(), m.end(), key))
    return names


def _unlabelled_names(source: str, claim: Claim, aliases: AliasTable) -> set[str]:
    """Keys of capitalised names inside the sentence that the extractor's entities do not cover.

    A small model misses transliterated surnames ("Ansengry said"); without them two claims quoting
    different people look alike. The sentence's first word is left out (any word is capitalised there).
    """
    if not claim.entities:
        return set()
    covered = [(e.start - claim.start, e.end - claim.start) for e in claim.entities]
    found = set()
    for start, end, key in _fallback_names(source, aliases):
        if source[:start].strip(" \"'\u201c\u2018(") == "" or aliases.lookup(source[start:end]):
            continue
        if not any(s < end and start < e for s, e in covered):
            found.add(key)
    return found


def _inside_org_name(hit: tuple[int, int, str], claim: Claim, source: str) -> bool:
    """Whether a country word lies inside an organisation's longer name ("Ostmark First", "the Ostmark Civil Union"):
    a name, not a mention of the country. "the Ostmark's" or "the Ostmark." labelled as an organisation still is one."""
    start, end, _ = hit
    for entity in claim.entities:
        if entity.label != "ORG":
            continue
        left, right = entity.start - claim.start, entity.end - claim.start
        if left <= start and end <= right and content_keys(source[left:start] + " " + source[end:right]):
            return True
    return False


def date_key(first: str, last: str) -> str:
    """A single word standing for a resolved date, so "Friday" and "March 10" read the same."""
    compact = first.replace("-", "")
    return f"d{compact}" if first == last else f"d{compact}to{last.replace('-', '')}"


def _replace_names(text: str, names: dict[str, str]) -> str:
    """Each whole-word mention of a name replaced by its key, longer names first, mentions not overlapping."""
    spans: list[tuple[int, int, str]] = []
    for name in sorted(names, key=lambda n: (-len(n), n)):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            whole = (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end]))
            if whole and not any(s < end and at < e for s, e, _ in spans):
                spans.append((at, end, names[name]))
            at = text.find(name, at + 1)
    out, last = [], 0
    for start, end, key in sorted(spans):
        out += [text[last:start], f" {key} "]
        last = end
    out.append(text[last:])
    return "".join(out)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def without_attribution(text: str, speaker: str | None) -> str:
    """The text without a closing attribution clause (", Mick Mulvaney, the acting chief of staff, told
    reporters."), so two statements of one person do not look alike for the words that introduce him."""
    if not speaker:
        return text
    surname = speaker.split()[-1]
    at = text.rfind(surname)
    if at < 0 or len(text[at:].split()) > MAX_ATTRIBUTION_WORDS:
        return text
    cut = max(text.rfind(mark, 0, at) for mark in _CLAUSE_BREAKS)
    if cut <= 0 or at - cut > MAX_ATTRIBUTION_LEAD:
        return text
    return text[:cut + 1]


def canonical_text(text: str, published: str | None, names: dict[str, str], aliases: AliasTable) -> str:
    """The text with dates resolved, people named by their surname key and aliases replaced.

    "Teodor Vasylenko met the Kremlin on Friday" and "Vasilenko met Russia on March 10" then share words.
    """
    parts, last = [], 0
    for found in find_dates(text, published):
        parts += [text[last:found.start], " ", date_key(found.span.first.isoformat(), found.span.last.isoformat()), " "]
        last = found.end
    parts.append(text[last:])
    resolved = "".join(parts)
    if names:
        resolved = _replace_names(resolved, names)
    return aliases.replace(resolved)


def build_features(
    index: int, claim: Claim, aliases: AliasTable, outlets: frozenset[str] = frozenset(),
    acronyms: frozenset[str] = frozenset(),
) -> ClaimFeatures:
    """Compute the normalised view of a claim; entity offsets are taken relative to `source_text`.

    `outlets` are the event's outlets (see `people.outlet_keys`): names of news media are neither
    participants nor speakers, since "according to CNN" says who carried a report, not who made it.
    `acronyms` are those written in the event's claims (`acronyms.written_acronyms`): a name spelling
    one out ("Central Intelligence Agency" for "CIA") then shares its key.
    """
    source = claim.source_text or claim.text
    alias_hits = [hit for hit in aliases.find(source) if not _inside_org_name(hit, claim, source)]
    alias_keys = {key for _, _, key in alias_hits}
    entities: set[str] = set(alias_keys)
    people: set[str] = set()
    persons: set[str] = set()
    countries: set[str] = set(alias_keys)
    owners = list(alias_hits)
    names: dict[str, str] = {}
    named = [e for e in claim.entities if e.label in NAME_LABELS and not is_media(e.text, outlets)]
    for entity in named:
        key = spelled_out(entity.text, acronyms) or aliases.canonical(entity.text, entity.label)
        if not key:
            continue
        entities.add(key)
        if key not in alias_keys and entity.label != "NORP" and aliases.lookup(entity.text) is None:
            people.add(key)
        if entity.label == "PERSON":
            names[entity.text] = key
            persons.add(key)
        elif (entity.label == "NORP" and not is_affiliation(entity.text)) or key in alias_keys:
            countries.add(key)
        if entity.label in OWNER_LABELS:
            start = entity.start - claim.start
            owners.append((start, start + len(entity.text), key))
    if not claim.entities:
        for start, end, key in _fallback_names(source, aliases):
            entities.add(key)
            if key not in alias_keys:
                people.add(key)
                persons.add(key)
                names[source[start:end]] = key
    named_people = frozenset(p for p in people | _unlabelled_names(source, claim, aliases) if p)
    media_speaker = bool(claim.speaker) and is_media(claim.speaker, outlets)
    speaker = aliases.canonical(claim.speaker, "PERSON") if claim.speaker and not media_speaker else ""
    if speaker:
        people.add(speaker)
    quotes, quoted_all, passages = [], [], []
    for m in _QUOTE.finditer(source):
        passages += split_passages(m.group(1), lambda piece: content_keys(aliases.replace(piece)))
        quoted = content_keys(aliases.replace(m.group(1)))
        if quoted:
            quoted_all.append(" ".join(quoted))
        if len(quoted) >= MIN_QUOTE_WORDS:
            quotes.append(" ".join(quoted))
    return ClaimFeatures(
        index=index,
        claim=claim,
        keys=content_keys(canonical_text(without_attribution(claim.text, claim.speaker), claim.article.published, names, aliases)),
        entities=frozenset(e for e in entities | acronym_keys(source, acronyms) if e),
        participants=frozenset(p for p in people if p),
        speaker=speaker,
        quotes=quotes,
        slots=extract_slots(source, claim.article.published, sorted(owners)),
        names=named_people,
        countries=frozenset(c for c in countries if c),
        person_names=frozenset(p for p in persons if p),
        quoted=quoted_all,
        outlets=outlets,
        negated=is_negated(claim.text),
        clauses=clauses(claim.text, lambda piece: content_keys(canonical_text(piece, claim.article.published, names, aliases))),
        named_speaker=claim.speaker if speaker and looks_like_person(claim.speaker or "") else "",
        years=frozenset(int(y) for y in _YEAR.findall(source)),
        passages=passages or split_passages(claim.text, lambda piece: content_keys(aliases.replace(piece))),
    )


def assign_actors(features: list[ClaimFeatures]) -> None:
    """Set each claim's actors: its named participants that stand for a person somewhere in the event.

    A small model labels "Marquardt" a place in one sentence and a person in the next; a name labelled
    a person once, or quoted as a speaker, is a person throughout the event, while a country labelled
    as an organisation ("a Varnholt official") stays out.
    """
    people: set[str] = set()
    for feature in features:
        people |= feature.person_names
        if feature.speaker:
            people.add(feature.speaker)
    for feature in features:
        feature.actors = feature.names & people
