"""The people one article names: each with the fullest name given, a gender when the text or the given name tells
it, and the roles written beside the name ("Sen.", "the president", "his lawyer, ..."), for resolving speakers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from annotator.extract import lexicon as lx
from annotator.extract.person_traits import (
    gender_of_name,
    describes_a_person,
    gender_of_noun,
    given_name_gender,
    possessor_key,
    role_of,
    roles_of_titles,
    title_words,
)
from annotator.extract.name_fit import offices_agree, suffix_allows
from annotator.extract.speakers import HONORIFICS, NOT_GIVEN_NAMES, clean_name, has_suffix, surname, words_in_order

_CONTENT_CLAUSES = frozenset({"ccomp", "xcomp", "pcomp"})


@dataclass(eq=False)
class Person:
    """One person of the article."""

    name: str
    gender: Optional[str] = None
    roles: set[str] = field(default_factory=set)
    descriptions: dict[str, int] = field(default_factory=dict)
    """Other nouns the article describes the person with ("Ann Roe, a retired surgeon", "surgeon Ann Roe"), each
    with where it first does."""
    answers_to_surname: bool = True
    """False for a name with a suffix ("Tom Roe Jr.") whose surname the article wrote earlier for someone else (the
    father): a bare "Mr. Roe" then means that other person."""

    @property
    def surname(self) -> str:
        return surname(self.name)


@dataclass(frozen=True)
class Mention:
    """Where a person is named, and whether as the subject or the speaker of a clause."""

    offset: int
    person: Person
    sentence: int
    subject: bool
    salience: tuple[int, int] = (0, 0)
    """(content clauses the mention sits in, heads between it and the root): smaller is more prominent."""


@dataclass
class People:
    """Who the article names, and where."""

    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    by_role: dict[tuple[str, str], Person] = field(default_factory=dict)
    """(role, possessor surname or "") -> the person the article introduced with that role."""

    def named(self, name: str, gender: Optional[str] = None, roles: frozenset[str] = frozenset(),
              near: Optional[int] = None) -> tuple[Optional[Person], bool]:
        """The person a written name refers to, and whether that was ambiguous.

        A name refers to the people whose name contains its words and whose gender and roles agree with the
        mention's ("President Roe" is not "first lady Ann Roe"); among several, the one its title names, else the one
        the article has named most often so far (the person it is about); a tie stays ambiguous.
        """
        fitting = self._fitting(name.split(), gender, roles)
        if len(fitting) <= 1:
            return (fitting[0] if fitting else None), False
        titled = [p for p in fitting if roles & p.roles]
        if len(titled) == 1:
            return titled[0], False
        if near is not None:
            counts: dict[int, int] = {}
            for mention in self.mentions:
                if mention.offset < near and any(mention.person is p for p in fitting):
                    counts[id(mention.person)] = counts.get(id(mention.person), 0) + 1
            ranked = sorted(counts.items(), key=lambda item: -item[1])
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                return next(p for p in fitting if id(p) == ranked[0][0]), False
        return None, True

    def _fitting(self, words: list[str], gender: Optional[str], roles: frozenset[str]) -> list[Person]:
        if not words:
            return []
        written = surname(" ".join(words))
        return [
            p for p in self.persons
            if p.surname == written and words_in_order(words, p.name.split())
            and offices_agree(p.gender, p.roles, gender, roles)
            and suffix_allows(words, p.name.split(), p.answers_to_surname)
        ]

    def described_as(self, noun: str, before: int) -> Optional[Person]:
        """The one person the article described with this noun before `before` ("the surgeon"), or None when none
        or several were."""
        holders = [p for p in self.persons if p.descriptions.get(noun, before) < before]
        return holders[0] if len(holders) == 1 else None

    def role_holder(self, role: str, possessor: str = "", near: Optional[int] = None) -> Optional[Person]:
        """The person holding a role ("the senator", "Grimm's attorney"): introduced so, or titled so."""
        introduced = self.by_role.get((role, possessor))
        if introduced is not None or possessor:
            return introduced
        holders = [p for p in self.persons if role in p.roles]
        if len(holders) == 1:
            return holders[0]
        if holders and near is not None:
            recent = [m for m in self.mentions if m.person in holders and m.offset < near]
            if recent:
                return recent[-1].person
        return None


def find_people(doc: Doc, sentence_of: Callable[[int], int], is_quoted: Callable[[int], bool]) -> People:
    """The people of a processed article, with a mention for each time one is named outside a quote."""
    people = People()
    entities = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    described = []
    for ent in entities:
        name = clean_name(ent.text)
        if not name or not name[0].isupper():
            continue
        titles = title_words(ent)
        described.append((ent, name, titles, gender_of_name(name, titles), roles_of_titles(titles)))
    first_plain = {}  # surname -> where the article first wrote it without a suffix
    for ent, name, *_ in described:
        if not has_suffix(name.split()):
            first_plain.setdefault(surname(name), ent.start_char)
    for ent, name, _, gender, roles in sorted(described, key=lambda item: -len(item[1].split())):
        fitting = people._fitting(name.split(), gender, frozenset(roles))
        if len(fitting) > 1:
            continue
        person = fitting[0] if fitting else Person(name)
        if not fitting and has_suffix(name.split()):
            person.answers_to_surname = first_plain.get(surname(name), ent.start_char) >= ent.start_char
        if not fitting:
            people.persons.append(person)
        person.gender = person.gender or gender
        person.roles |= roles
    _complete_first_names(people, doc)
    covered: set[int] = set()
    for ent, name, _, gender, roles in described:
        person, _ = people.named(name, gender, frozenset(roles), near=ent.start_char)
        covered.update(range(ent.start, ent.end))
        if person is None:
            continue
        _add_apposition_roles(people, ent, person)
        if not is_quoted(ent.start_char) and not _modifies_a_noun(ent.root):
            people.mentions.append(_mention(ent.root, ent.start_char, person, sentence_of))
    surnames = {p.surname for p in people.persons}
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.is_title or is_quoted(token.idx):
            continue
        if token.lower_ in surnames and not _inside_longer_entity(token) and not _modifies_a_noun(token):
            person, _ = people.named(token.text, near=token.idx)
            if person is not None:
                people.mentions.append(_mention(token, token.idx, person, sentence_of))
    people.mentions.sort(key=lambda m: m.offset)
    _genders_from_pronouns(people, doc, is_quoted)
    return people


def _genders_from_pronouns(people: People, doc: Doc, is_quoted: Callable[[int], bool]) -> None:
    """Learn unknown genders from "Roe said he ...": a pronoun subject of the clause a person's verb governs."""
    votes: dict[int, dict[str, int]] = {}
    by_offset = {m.offset: m.person for m in people.mentions if m.subject and m.person.gender is None}
    if not by_offset:
        return
    for token in doc:
        if token.lower_ not in ("he", "she") or token.dep_ != "nsubj" or is_quoted(token.idx):
            continue
        clause = token.head
        if clause.dep_ != "ccomp":
            continue
        governor = clause.head
        subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1:
            continue
        subject = subjects[0]
        person = by_offset.get(doc[subject.left_edge.i].idx) or by_offset.get(subject.idx)
        if person is None:
            person = next((p for o, p in by_offset.items() if subject.left_edge.idx <= o <= subject.idx), None)
        if person is not None:
            tally = votes.setdefault(id(person), {})
            tally[lx.PRONOUN_GENDER[token.lower_]] = tally.get(lx.PRONOUN_GENDER[token.lower_], 0) + 1
    for person in people.persons:
        tally = votes.get(id(person))
        if tally and len(tally) == 1:
            person.gender = next(iter(tally))


def _complete_first_names(people: People, doc: Doc) -> None:
    """A person the model only found by surname gets the given name written right before it elsewhere ("Reince
    Roe" where only "Roe" was marked), when the text gives one given name only."""
    short = {p.surname: p for p in people.persons if len(p.name.split()) == 1}
    if not short:
        return
    found: dict[str, set[str]] = {}
    for token in doc[1:]:
        person = short.get(token.lower_)
        if person is None or not token.is_title:
            continue
        given = doc[token.i - 1]
        word = given.lower_.rstrip(".")
        if (
            given.pos_ == "PROPN" and given.is_alpha and given.is_title and given.whitespace_ == " "
            and given.ent_type_ in ("", "PERSON") and word not in HONORIFICS and word not in NOT_GIVEN_NAMES
            and word not in lx.ROLE_TITLES
            and not (given.is_sent_start and not _after_dash(given))
        ):
            found.setdefault(person.surname, set()).add(given.text)
    for surname, givens in found.items():
        if len(givens) == 1 and not any(p.surname == surname and len(p.name.split()) > 1 for p in people.persons):
            person = short[surname]
            person.name = f"{next(iter(givens))} {person.name}"
            person.gender = person.gender or given_name_gender(person.name.split()[0])


def _after_dash(token: Token) -> bool:
    """True for the first word after a dateline ("OSLO -- Ann Roe"): a sentence start that opens no sentence."""
    return token.i > 0 and token.nbor(-1).is_punct and not token.nbor(-1).text.strip("-–—―")


def mention_at(root: Token, offset: int, person: Person, sentence: int) -> Mention:
    """A mention of `person` whose head word is `root`."""
    while root.dep_ == "conj" and root.head.i != root.i:  # "Anna Roe and Tom Berg visited": both are subjects
        root = root.head
    subject = root.dep_ in ("nsubj", "nsubjpass")
    depth, content, token = 0, 0, root
    while token.head.i != token.i and depth < 12:
        if token.dep_ in _CONTENT_CLAUSES:
            content += 1
        token = token.head
        depth += 1
    return Mention(offset, person, sentence, subject, (content, depth))


def _mention(root: Token, offset: int, person: Person, sentence_of: Callable[[int], int]) -> Mention:
    return mention_at(root, offset, person, sentence_of(offset))


def _modifies_a_noun(root: Token) -> bool:
    """True when a name only describes a thing ("a Rolex watch", "a Roe fedora"): the tagger often takes a brand for
    a person, and a later "he" does not mean either. A body named by its owner ("the Roe campaign") still counts."""
    head = root.head
    return root.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in lx.ORGANISATION_HEADS


def _inside_longer_entity(token: Token) -> bool:
    """True when the token is part of a multi-word entity ("Ryan" in "the Ryan Budget Plan Act")."""
    doc = token.doc
    if not token.ent_type_:
        return False
    before = token.i > 0 and doc[token.i - 1].ent_iob_ in ("B", "I") and token.ent_iob_ == "I"
    after = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    return before or after


def _add_apposition_roles(people: People, ent: Span, person: Person) -> None:
    """Roles said of a person in apposition: "Brad Roe, the campaign's manager" or "its manager, Brad Roe"."""
    root = ent.root
    phrases = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        phrases.append(root.head)
    for title in root.children:  # "retired surgeon Ann Roe"
        if title.dep_ == "compound" and title.i < ent.start and describes_a_person(title):
            person.descriptions.setdefault(title.lemma_.lower(), title.idx)
    for head in phrases:
        role = role_of(head)
        if role is None:
            if describes_a_person(head):
                person.descriptions.setdefault(head.lemma_.lower(), head.idx)
            continue
        person.roles.add(role)
        gender = gender_of_noun(head)
        person.gender = person.gender or gender
        people.by_role.setdefault((role, possessor_key(head)), person)
