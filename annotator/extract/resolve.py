"""Speaker mentions resolved to names: people, organisations, role-holders, documents' authors, pronouns.

A speaker is a name or nothing. "He" is the nearest person of the same gender who was the subject or speaker of
a clause; "the senator" is the article's senator; "the lawsuit states" is said by the lawsuit's named author, if
the text names one. Whatever cannot be named is left unresolved (None) and needs context.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from annotator.extract import lexicon as lx
from annotator.extract.speaker_mentions import appositive_person, entity_of
from annotator.extract.people import Mention, People, Person, mention_at
from annotator.extract.person_traits import gender_of_noun, possessor_key, role_of, title_words
from annotator.extract.speakers import capitalised, clean_name

_PRONOUN_WINDOW = 6
"""Sentences looked back over for a pronoun's antecedent."""
_MAX_DEPTH = 3
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_ARTICLES = ("the ", "The ")
_PARTNER_POS = frozenset({"NOUN", "PROPN", "PRON"})
_DEFINITE = ("the", "this", "that")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the name (or None) and whether a reviewer must read around the claim."""

    name: Optional[str]
    needs_context: bool
    person: Optional[Person] = None


UNKNOWN = Speaker(None, True)


class SpeakerResolver:
    """Resolves speaker mentions in article order, so resolved pronouns extend the chain of mentions."""

    def __init__(self, people: People) -> None:
        self.people = people

    def resolve(self, head: Token, sentence: int, depth: int = 0) -> Speaker:
        """The speaker a mention's head word names."""
        if depth > _MAX_DEPTH or _coordinated(head):
            return UNKNOWN
        lower = head.lower_
        if lower in lx.PRONOUN_GENDER and head.pos_ == "PRON":
            return self.follow(head, sentence)
        if head.pos_ == "PRON":
            return UNKNOWN
        entity = entity_of(head)
        if entity is not None and entity.label_ == "PERSON":
            return self.person_named(entity.text, title_words(entity), entity.start_char)
        named = appositive_person(head)
        if named is not None:
            return self.person_named(named.text, title_words(named), named.start_char)
        if entity is not None and entity.label_ in _ORG_LABELS:
            name = _organisation(entity.text)
            if self.people.named(clean_name(name))[0] is not None:  # the model took a person's surname for a body
                return self.person_named(name, title_words(entity), entity.start_char)
            if _bare_plural(head, entity) or not capitalised(name):  # "Republicans said": members, nobody named;
                return UNKNOWN  # "the Valdremo harbour committee": a body described, not named
            return Speaker(name, False)
        if head.pos_ == "NOUN" and head.is_title and self.people.named(clean_name(head.text))[0] is not None:
            return self.person_named(head.text, [], head.idx)  # "...," Summers replied: the tagger read "summers"
        if head.pos_ == "PROPN" and head.is_title:
            parts = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [head]
            return self.person_named(" ".join(t.text for t in parts), [], parts[0].idx)
        if lower in lx.DOCUMENT_NOUNS or head.lemma_.lower() in lx.DOCUMENT_NOUNS:
            return self.author(head, sentence, depth)
        role = role_of(head)
        if role is not None:
            return self.role(head, role, sentence, depth)
        if head.lemma_.lower() in lx.ORGANISATION_HEADS:
            owners = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if owners:
                return Speaker(f"{head.doc[owners[0].i : head.i].text} {head.text}", False)
        named_body = _named_organisation(head)
        if named_body is not None:
            return Speaker(named_body, False)
        if _definite(head):  # "the surgeon said" after "Ann Roe, a retired surgeon": the one person so described
            person = self.people.described_as(head.lemma_.lower(), head.idx)
            noun_gender = gender_of_noun(head)
            if person is not None and not (noun_gender and person.gender and noun_gender != person.gender):
                return Speaker(person.name, False, person)
        return UNKNOWN

    def person_named(self, text: str, titles: list[str], offset: int) -> Speaker:
        """A written name resolved to the person of the article it names (a shared surname may stay open)."""
        name = clean_name(text)
        if not name:
            return UNKNOWN
        gender = "f" if any(w in lx.FEMALE_WORDS for w in titles) else "m" if any(w in lx.MALE_WORDS for w in titles) else None
        roles = frozenset(lx.ROLE_TITLES[w] for w in titles if w in lx.ROLE_TITLES)
        person, ambiguous = self.people.named(name, gender, roles, near=offset)
        if person is not None:
            return Speaker(person.name, False, person)
        return Speaker(name, ambiguous)

    def pronoun(self, gender: Optional[str], offset: int, sentence: int, role: Optional[str] = None) -> Speaker:
        """The nearest earlier person of that gender (any, when None; holding no other role than `role`, when
        given) who was a subject or speaker, sentence by sentence back."""
        by_sentence: dict[int, list[Mention]] = {}
        for mention in self.people.mentions:
            if mention.offset >= offset:
                break
            person = mention.person
            if role is not None and person.roles and role not in person.roles:
                continue
            if sentence - _PRONOUN_WINDOW <= mention.sentence and (gender is None or person.gender in (gender, None)):
                by_sentence.setdefault(mention.sentence, []).append(mention)
        for index in sorted(by_sentence, reverse=True):
            return _most_salient(by_sentence[index], gender)
        return UNKNOWN

    def follow(self, pronoun: Token, sentence: int) -> Speaker:
        """Resolve "he" or "she" and record whom it means; one that stays open hides the people before it, so a
        later pronoun is not resolved past it."""
        gender = lx.PRONOUN_GENDER[pronoun.lower_]
        found = self.pronoun(gender, pronoun.idx, sentence)
        self.note(found.person or Person("", gender), pronoun, sentence)
        return found

    def note(self, person: Person, head: Token, sentence: int) -> None:
        """Record that a person speaks through `head`, so later pronouns can refer back to them."""
        insort(self.people.mentions, mention_at(head, head.idx, person, sentence), key=lambda m: m.offset)

    def author(self, head: Token, sentence: int, depth: int) -> Speaker:
        """Whoever wrote or made a document: its possessor, "from"/"by" X, a named modifier, or "X's remarks"."""
        for child in head.children:
            if child.dep_ == "poss":
                return self.resolve(child, sentence, depth + 1)
        for child in head.children:
            if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                entity = entity_of(child)
                if entity is not None:
                    if entity.label_ == "PERSON":
                        return self.person_named(entity.text, [], entity.start_char)
                    return Speaker(_organisation(entity.text), False)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in lx.AUTHOR_PREPOSITIONS | {"of"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (child.lower_ != "of" or obj.lemma_.lower() in lx.DOCUMENT_NOUNS):
                        return self.resolve(obj, sentence, depth + 1)
            if child.dep_ in ("acl", "relcl"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return self.resolve(obj, sentence, depth + 1)
        if head.dep_ == "nsubj":  # "The report, by Counsel Roe, concluded": the parser gives "by" to the verb
            for prep in head.head.children:
                if prep.dep_ == "prep" and prep.lower_ in lx.AUTHOR_PREPOSITIONS and head.i < prep.i < head.head.i:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.resolve(obj, sentence, depth + 1)
        if head.dep_ == "dobj":  # "Roe issued a statement saying ...": whoever issued it
            for subject in head.head.children:
                if subject.dep_ == "nsubj":
                    return self.resolve(subject, sentence, depth + 1)
        return UNKNOWN

    def role(self, head: Token, role: str, sentence: int, depth: int) -> Speaker:
        """The holder of a role: "Roe's lawyer" as the article introduced them, "the senator" as titled."""
        possessor = possessor_key(head)
        if not possessor:
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ in lx.PRONOUN_GENDER:
                    owner = self.resolve(child, sentence, depth + 1)
                    if owner.person is None:
                        return UNKNOWN
                    possessor = owner.person.surname
        if possessor:
            person = self.people.role_holder(role, possessor)
        elif _definite(head):
            person = self.people.role_holder(role, near=head.idx)
        else:
            person = None
        if person is None and not possessor and _definite(head):
            found = self.pronoun(gender_of_noun(head), head.idx, sentence, role)
            person = found.person
        if person is None:
            return UNKNOWN
        if gender_of_noun(head) and person.gender and gender_of_noun(head) != person.gender:
            return UNKNOWN
        return Speaker(person.name, False, person)


def _most_salient(candidates: list[Mention], gender: Optional[str]) -> Speaker:
    """Of the people one sentence mentions, the one a pronoun most likely means, or UNKNOWN when two are as likely.

    The subject of the main clause beats subjects of clauses inside it, and a subject beats any other mention.
    When that person's gender is unknown, a person of the pronoun's gender named in the same sentence is preferred.
    """
    known = _distinct(m.person for m in candidates if gender and m.person.gender == gender)
    subjects = [m for m in candidates if m.subject]
    if subjects:
        best = min(m.salience for m in subjects)
        chosen = _distinct(m.person for m in subjects if m.salience == best)
    else:
        chosen = _distinct(m.person for m in candidates)
    if len(chosen) > 1:
        chosen = [p for p in chosen if gender and p.gender == gender]
    if len(chosen) != 1 or not chosen[0].name:
        return UNKNOWN
    person = chosen[0]
    if gender and person.gender is None and len(known) == 1:
        person = known[0]
    return Speaker(person.name, False, person)


def _coordinated(head: Token) -> bool:
    """True when the mention is one of several joined by "and" or "or" ("Ann Roe and Tom Berg said"): a claim has one
    speaker, and crediting one of them would be wrong, so nobody is named and a reviewer reads the sentence."""
    entity = entity_of(head)
    inside = range(entity.start, entity.end) if entity is not None else range(head.i, head.i + 1)
    partners = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj" and head.head.i != head.i:
        partners.append(head.head)
    joined = any(t.dep_ in ("cc", "preconj") for p in partners + [head] for t in p.children if t.i not in inside)
    return joined and any(p.pos_ in _PARTNER_POS and p.i not in inside for p in partners)


def _bare_plural(head: Token, entity) -> bool:
    """One plural word with no article or modifier names members of a party or creed, not an organisation."""
    return len(entity) == 1 and head.tag_ in ("NNPS", "NNS") and not any(
        child.dep_ in ("det", "amod", "compound", "poss", "nummod") for child in head.children
    )


def _definite(head: Token) -> bool:
    """"the senator", "the former vice president": one person, named elsewhere in the article."""
    first = head.left_edge  # "the ex-congressman": the parser may hang the article on the prefix
    return head.tag_ == "NN" and (
        any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
        or first.dep_ == "det" and first.lower_ in _DEFINITE and first.head.i < head.i and first.head.head.i == head.i
    )


def _named_organisation(head: Token) -> Optional[str]:
    """The organisation a definite noun stands for ("The department said" after "the Department of Quay Works"):
    the one organisation named earlier whose name has that noun as a word; None when none or several do."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not definite:
        return None
    names = {
        _organisation(entity.text) for entity in head.doc.ents
        if entity.label_ in _ORG_LABELS and entity.end <= head.i and len(entity) > 1
        and any(token.lower_ == head.lower_ and token.is_title for token in entity)
    }
    return names.pop() if len(names) == 1 else None


def _organisation(text: str) -> str:
    """An organisation's name without a leading article or a possessive ending."""
    name = text.strip()
    for article in _ARTICLES:
        if name.startswith(article):
            name = name[len(article):]
    for ending in ("'s", "’s"):
        name = name.removesuffix(ending)
    return name


def _distinct(persons) -> list[Person]:
    seen: list[Person] = []
    for person in persons:
        if not any(person is p for p in seen):
            seen.append(person)
    return seen
