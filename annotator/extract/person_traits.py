"""What the words around a name say of a person: gender from a given name or an honorific, roles from titles ("Sen.",
"first lady") and from role nouns ("the Florida senator", "Grimm's attorney")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Span, Token

from annotator.extract import lexicon as lx

_TITLE_LOOKBACK = 6
_TITLE_STOP_POS = frozenset({"DET", "VERB", "AUX", "ADP", "PRON", "PUNCT", "CCONJ", "SCONJ", "PART", "NUM"})


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name -> "f" or "m" (see annotator/data/given_names/LICENSE), read once per process."""
    text = resources.files("annotator").joinpath("data/given_names/given_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def given_name_gender(word: str) -> Optional[str]:
    """The gender a given name is most often recorded with, or None."""
    return given_name_genders().get(word.lower().strip(".")) if len(word) > 2 else None


def title_words(ent: Span) -> list[str]:
    """The words written right before a name that say who the person is ("Missouri Rep.", "first lady")."""
    doc = ent.doc
    words = [t.lower_.rstrip(".") for t in ent if t.lower_.rstrip(".") in lx.ROLE_TITLES or t.lower_ in lx.MALE_WORDS
             or t.lower_ in lx.FEMALE_WORDS]
    index = ent.start - 1
    while index >= 0 and ent.start - index <= _TITLE_LOOKBACK:
        token = doc[index]
        if token.is_sent_start and token.pos_ in _TITLE_STOP_POS:
            break
        if token.pos_ in _TITLE_STOP_POS and not token.text.endswith(".") or token.ent_type_ == "PERSON":
            break
        words.append(token.lower_.rstrip("."))
        if token.is_sent_start:
            break
        index -= 1
    return words


def roles_of_titles(titles: list[str]) -> set[str]:
    """The roles that title words give ("vice", "president" -> vice president; "first", "lady" -> first lady)."""
    roles = {lx.ROLE_TITLES[w] for w in titles if w in lx.ROLE_TITLES}
    if "vice" in titles and "president" in roles:
        roles = (roles - {"president"}) | {"vice president"}
    if "first" in titles and "first lady" not in roles and "lady" in titles:
        roles.add("first lady")
    if "lady" in titles and "first" not in titles:
        roles.discard("first lady")
    return roles


def gender_of_name(name: str, titles: list[str]) -> Optional[str]:
    """A gender from gendered title words ("Mrs.", "first lady"), else from the given name of a full name."""
    if any(w in lx.FEMALE_WORDS or w + "." in lx.FEMALE_WORDS for w in titles):
        return "f"
    if any(w in lx.MALE_WORDS or w + "." in lx.MALE_WORDS for w in titles):
        return "m"
    words = name.split()
    return given_name_gender(words[0]) if len(words) > 1 else None


def role_of(head: Token) -> Optional[str]:
    """The role a noun names ("the Florida senator" -> senator, "the former vice president" -> vice president)."""
    word = head.lower_.rstrip(".")
    role = lx.ROLE_TITLES.get(word) or lx.ROLE_TITLES.get(head.lemma_.lower())
    if role is None:
        return None
    modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if role == "president" and "vice" in modifiers:
        return "vice president"
    if role == "first lady" and "first" not in modifiers:
        return None
    return role


def gender_of_noun(head: Token) -> Optional[str]:
    """The gender a noun itself names ("spokeswoman", "father"), or None."""
    word = head.lower_
    if word in lx.FEMALE_WORDS:
        return "f"
    if word in lx.MALE_WORDS:
        return "m"
    return None


def possessor_key(head: Token) -> str:
    """The surname of whoever a role noun belongs to ("Grimm's attorney" -> "grimm"), "" when none is written."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child.text.lower().removesuffix("'s").removesuffix("’s")
    return ""


def describes_a_person(noun: Token) -> bool:
    """True for a common noun in the singular that can say what one person is ("surgeon", not "documents")."""
    lemma = noun.lemma_.lower()
    return (noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.is_lower and lemma not in lx.DOCUMENT_NOUNS
            and lemma not in lx.ORGANISATION_HEADS)
