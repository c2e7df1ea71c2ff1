"""What a speaker mention is: a named person, a pronoun or role to resolve, or a group kept as written, and the
words that name it ("The opposition leader, Tom Roe," gives Tom Roe)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

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


@dataclass(frozen=True)
class Attribution:
    """The speaker mention found in a sentence and how it was found."""

    mention: Optional[str]
    kind: str
    cue: str
    method: str
    """`subject`, `according_to`, `agent` or `colon`."""
    head: Optional[Token] = None
    """The head word of the speaker mention, for resolving it against the article."""


def describe(head: Token, cue: str, method: str) -> Attribution:
    """Classify the speaker mention and take its text."""
    found = classify(head, cue, method)
    return Attribution(found.mention, found.kind, found.cue, found.method, head)


def classify(head: Token, cue: str, method: str) -> Attribution:
    """The kind and text of the mention whose head word is `head` (the head itself not kept)."""
    lower = head.lower_
    if head.pos_ == "PRON" or lower in lx.UNRESOLVABLE_PRONOUNS or lower in lx.RESOLVABLE_PRONOUNS:
        kind = PRONOUN if lower in lx.RESOLVABLE_PRONOUNS else UNRESOLVED
        return Attribution(head.text, kind, cue, method)
    entity = entity_of(head)
    if entity is not None and entity.label_ == "PERSON":
        return Attribution(entity.text, NAME, cue, method)
    named = appositive_person(head)
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


def appositive_person(head: Token) -> Optional[Span]:
    """The person a description names in apposition ("The opposition leader, Tom Roe, said ...")."""
    unjoined = not any(child.dep_ == "cc" for child in head.children)
    for child in head.children:  # "The chairman, Rep. Tom Roe, said", which the parser may join without an "and"
        if child.dep_ == "appos" or child.dep_ == "conj" and unjoined and child.i > head.i:
            entity = entity_of(child)
            if entity is not None and entity.label_ == "PERSON":
                return entity
    for prep in head.children:  # "A spokesman for Mr. Roe, Ann Berg, said": Roe is named, so Ann Berg is the spokesman
        if prep.dep_ != "prep":
            continue
        for owner in prep.children:
            if owner.dep_ == "pobj" and owner.ent_type_ == "PERSON":
                for child in owner.children:
                    entity = entity_of(child) if child.dep_ == "appos" else None
                    if entity is not None and entity.label_ == "PERSON":
                        return entity
    return None


def entity_of(token: Token) -> Optional[Span]:
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
