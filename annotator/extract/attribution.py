"""Attribution in one sentence: who is reported as saying it (subject of a reporting verb, "according to", "by")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Span, Token

from annotator.extract import lexicon as lx

NAME = "name"
"""The speaker is a named person."""
PRONOUN = "pronoun"
""""he" or "she": to be resolved against the last named speaker."""
DESCRIPTION = "description"
"""A definite role description ("the foreign minister"), resolved like a pronoun."""
GROUP = "group"
"""An organisation, country or group ("U.S. officials", "the Kremlin"), kept as written."""
UNRESOLVED = "unresolved"
"""A speaker that cannot be named from the text ("they", "both")."""

_MAX_GROUP_TOKENS = 8
_SUBJECT_HOPS = 3


@dataclass(frozen=True)
class Attribution:
    """The speaker mention found in a sentence and how it was found."""

    mention: Optional[str]
    kind: str
    cue: str
    method: str
    """`subject`, `according_to` or `agent`."""


def find_attribution(sent: Span, is_quoted: Callable[[int], bool]) -> Optional[Attribution]:
    """The attribution of a sentence, preferring "according to", then the main reporting verb."""
    cues: list[tuple[int, Attribution]] = []
    for token in sent:
        if is_quoted(token.idx):
            continue
        if token.lower_ == "according":
            source = _according_to_source(token)
            if source is not None:
                cues.append((0, _describe(source, "according", "according_to")))
        elif _is_cue(token):
            found = _speaker_of(token, is_quoted)
            if found is not None:
                speaker, method = found
                rank = 1 if token.dep_ == "ROOT" else 2
                cues.append((rank, _describe(speaker, token.lemma_.lower(), method)))
    if not cues:
        return None
    return min(cues, key=lambda item: item[0])[1]


def has_reporting_cue(sent: Span) -> bool:
    """True when the sentence has a reporting verb with a speaker or an "according to" source."""
    return find_attribution(sent, lambda _offset: False) is not None


def _is_cue(token: Token) -> bool:
    if token.pos_ != "VERB" or token.dep_ not in lx.CUE_DEPS:
        return False
    lemma = token.lemma_.lower()
    if lemma not in lx.REPORTING_VERBS:
        return False
    if lemma in lx.NEEDS_CLAUSE:
        return any(
            child.dep_ in ("ccomp", "oprd") or child.is_quote or (lemma == "call" and child.lower_ == "on")
            for child in token.children
        ) or any(t.is_quote for t in token.subtree)
    return True


def _speaker_of(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[tuple[Token, str]]:
    """The subject (or passive agent) of a cue, looking up through coordinated or subordinate verbs.

    A subject the parser found inside the quote itself is a parse error; then the proper noun right next to
    the cue ("...," Lavrov told reporters / said Blinken) is the speaker.
    """
    token = cue
    for _ in range(_SUBJECT_HOPS):
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                if is_quoted(child.idx):
                    return _adjacent_name(cue, is_quoted)
                return child, "subject"
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0], "agent"
        if token.dep_ in ("conj", "advcl", "xcomp") and token.head is not token:
            token = token.head
        else:
            break
    return _adjacent_name(cue, is_quoted)


def _adjacent_name(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[tuple[Token, str]]:
    doc = cue.doc
    for index in (cue.i - 1, cue.i + 1):
        if 0 <= index < len(doc) and doc[index].pos_ == "PROPN" and not is_quoted(doc[index].idx):
            return doc[index], "subject"
    return None


def _according_to_source(token: Token) -> Optional[Token]:
    for prep in token.children:
        if prep.lower_ == "to":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(token.doc):
        return token.doc[nxt.i + 1]
    return None


def _describe(head: Token, cue: str, method: str) -> Attribution:
    """Classify the speaker mention and take its text."""
    lower = head.lower_
    if head.pos_ == "PRON" or lower in lx.UNRESOLVABLE_PRONOUNS or lower in lx.RESOLVABLE_PRONOUNS:
        kind = PRONOUN if lower in lx.RESOLVABLE_PRONOUNS else UNRESOLVED
        return Attribution(head.text, kind, cue, method)
    entity = _entity_of(head)
    if entity is not None and entity.label_ == "PERSON":
        return Attribution(entity.text, NAME, cue, method)
    named = _appositive_person(head)
    if named is not None:
        return Attribution(named.text, NAME, cue, method)
    if head.pos_ == "PROPN" and (entity is None or entity.end - entity.start <= 3):
        parts = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [head]
        text = " ".join(t.text for t in parts)
        kind = NAME if entity is None else GROUP
        if entity is not None and entity.label_ in lx.GROUP_LABELS:
            return Attribution(entity.text if head.i == entity.end - 1 else text, GROUP, cue, method)
        return Attribution(text, kind, cue, method)
    if entity is not None:
        return Attribution(_group_text(head), GROUP, cue, method)
    if _is_definite_role(head):
        return Attribution(_group_text(head), DESCRIPTION, cue, method)
    return Attribution(_group_text(head), GROUP, cue, method)


def _appositive_person(head: Token) -> Optional[Span]:
    """The person a description names in apposition ("The opposition leader, Tom Roe, said ...")."""
    for child in head.children:
        if child.dep_ == "appos":
            entity = _entity_of(child)
            if entity is not None and entity.label_ == "PERSON":
                return entity
    return None


def _entity_of(token: Token) -> Optional[Span]:
    """The entity a token belongs to, found from the token's IOB tags (cheaper than scanning `doc.ents`)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _is_definite_role(head: Token) -> bool:
    if head.lemma_.lower() not in lx.ROLE_NOUNS or head.tag_ in ("NNS", "NNPS"):
        return False
    return any(child.dep_ == "det" and child.lower_ == "the" for child in head.children)


def _group_text(head: Token) -> str:
    """The noun phrase of a speaker, cut before relative clauses and long modifiers."""
    tokens = [t for t in head.subtree if not t.is_punct or t.i < head.i]
    cut = [t for t in tokens if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound", "amod", "det")]
    words = cut[:_MAX_GROUP_TOKENS]
    while len(words) > 1 and words[0].dep_ == "det" and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return head.text
    return head.doc[words[0].i : words[-1].i + 1].text
