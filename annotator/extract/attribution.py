"""Attribution in one sentence: who is reported as saying it (subject of a reporting verb, "according to", "by")."""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from annotator.extract import lexicon as lx
from annotator.extract.speaker_mentions import NAME, Attribution, describe, entity_of

_SUBJECT_HOPS = 3
_MAX_NAME_WORDS = 4
_HYPOTHETICAL = frozenset({"if", "unless", "whether"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
"""Where the reported statement stands under a reporting verb."""
_INTERVIEW_NOUNS = frozenset({"interview", "conversation"})
_BODY_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "WORK_OF_ART"})
"""Entity labels of a speaker that may be an outlet relaying an interview rather than a person speaking; a clausal
subject ("Using an interview with X, the Herald reported") relays one too."""


def find_attribution(sent: Span, is_quoted: Callable[[int], bool]) -> Optional[Attribution]:
    """The attribution of a sentence, preferring "according to", then the main reporting verb, then the subject of
    a clause that introduces a quote with a colon."""
    cues: list[tuple[int, Attribution]] = []
    for token in sent:
        if is_quoted(token.idx):
            continue
        if token.lower_ == "according":
            source = _according_to_source(token)
            if source is not None:
                medium = source.lemma_.lower() in lx.DOCUMENT_NOUNS or source.lower_ in lx.DOCUMENT_NOUNS
                cues.append((3 if medium else 0, describe(source, "according", "according_to")))
        elif _is_cue(token):
            named = _name_after(token, is_quoted)
            found = (named, "inverted") if named is not None else _speaker_of(token, is_quoted)
            if found is not None:
                speaker, method = found
                author = _document_author(token)
                if author is not None and speaker.ent_type_ != "PERSON":
                    speaker, method = author, "author"
                relaying = speaker.ent_type_ in _BODY_LABELS or speaker.pos_ == "VERB"  # an outlet, or a clause
                interviewed = _interviewed(token, is_quoted) if relaying else None
                if interviewed is not None:
                    speaker, method = interviewed, "interview"
                rank = 1 if token.dep_ == "ROOT" else 2
                if speaker.lemma_.lower() in lx.DOCUMENT_NOUNS:  # "X told Y ..., the indictment said": X speaks
                    rank = 3
                cues.append((rank, describe(speaker, token.lemma_.lower(), method)))
    if not cues:
        return _inverted_frame(sent, is_quoted) or _colon_attribution(sent, is_quoted)
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
    if any(child.dep_ == "mark" and child.lower_ in _HYPOTHETICAL for child in token.children):
        return False  # "if Roe were to reject the plan": nobody has said anything
    if _judged_infinitive(token):
        return False  # "it was impossible to say what ...": nobody says it
    if lemma in lx.NEEDS_CLAUSE:
        return any(
            child.dep_ in ("ccomp", "oprd") or child.is_quote or (lemma == "call" and child.lower_ == "on")
            for child in token.children
        ) or _quote_next_to(token) or _before_colon(token) or any(
            child.dep_ in ("dobj", "oprd", "attr", "dative") and any(t.is_quote for t in child.subtree)
            for child in token.children
        )
    return True


def _judged_infinitive(token: Token) -> bool:
    """True for "to say" under an adjective ("hard to say", "it was too early to say"): a judgment, not a report."""
    if token.tag_ != "VB" or token.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    return head.pos_ == "ADJ" or any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)


def _quote_next_to(token: Token) -> bool:
    """True when a quote mark stands right before or after the verb's clause ("'...,' he added")."""
    doc = token.doc
    left, right = token.left_edge.i - 1, token.right_edge.i + 1
    marks = [i for i in (left, right, token.i - 1, token.i - 2) if 0 <= i < len(doc)]
    return any(doc[i].is_quote or (doc[i].is_punct and i > 0 and doc[i - 1].is_quote) for i in marks)


def _before_colon(token: Token) -> bool:
    """True when the verb's clause ends with a colon that opens a quote ("he added:")."""
    doc = token.doc
    end = token.right_edge.i + 1
    return end < len(doc) and doc[end].text == ":" or token.right_edge.text == ":"


def _speaker_of(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[tuple[Token, str]]:
    """The subject (or passive agent) of a cue, looking up through coordinated or subordinate verbs.

    A subject the parser found inside the quote itself is a parse error; then the proper noun right next to
    the cue ("...," Lavrov told reporters / said Blinken) is the speaker. The subject of "who said" is the noun
    the relative clause belongs to; the subject of "was quoted as saying" is the person quoted.
    """
    token = cue
    for _ in range(_SUBJECT_HOPS):
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and token.lemma_ == "quote"):
                if is_quoted(child.idx):
                    return _adjacent_name(cue, is_quoted)
                if child.lower_ in ("who", "that") and token.dep_ == "relcl":
                    return token.head, "subject"
                return child, "subject"
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0], "agent"
        if token.dep_ in ("conj", "advcl", "xcomp") and token.head.i != token.i:
            token = token.head
        elif token.dep_ in ("acl", "relcl") and token.tag_ in ("VBG", "VBN") and token.head.pos_ in ("NOUN", "PROPN"):
            head = token.head  # "a statement saying ...", "Smith, saying ..."
            interview = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "with" else None
            if interview is not None and interview.lemma_.lower() in _INTERVIEW_NOUNS and interview.head.pos_ == "VERB":
                return _speaker_of(interview.head, is_quoted)  # "Roe, using an interview with the Post ... to claim"
            owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
            if owner is not None and owner.ent_type_ == "PERSON":  # "Roe of Valdremo warning ...": Roe warns
                return owner, "subject"
            return head, "subject"
        else:
            break
    for child in token.lefts:  # "the aide, ..., was a spokeswoman ..., wrote": a subject the parser gave the clause before
        if child.dep_ == "ccomp":
            subjects = [c for c in child.children if c.dep_ == "nsubj" and not is_quoted(c.idx)]
            if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0], "subject"
    return _adjacent_name(cue, is_quoted)


def _name_after(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[Token]:
    """The last word of the name right after a reporting verb set off by a comma ("Her remarks, said Tom Roe, the
    chairman, were ..."; "..., said Tom Roe."): that name speaks, whatever subject the parser gave the verb."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    end = cue.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON") and not is_quoted(doc[end].idx):
        end += 1
    name = doc[cue.i + 1 : end]
    if not any(t.ent_type_ == "PERSON" for t in name) or end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return None
    if name[-1].dep_ in ("dobj", "dative") or any(  # "..., Roe told Berg.": Berg only listens
        c.dep_ == "nsubj" and c.i < cue.i and c.ent_type_ == "PERSON" for c in cue.children
    ):
        return None
    return name[-1]


def _document_author(cue: Token) -> Optional[Token]:
    """The person who wrote the document a statement was made in ("In a letter from Rep. Roe, Democrats asked")."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via"):
            continue
        for document in prep.children:
            if document.dep_ != "pobj" or document.lemma_.lower() not in lx.DOCUMENT_NOUNS:
                continue
            for by in document.children:
                if by.dep_ == "prep" and by.lower_ in lx.AUTHOR_PREPOSITIONS:
                    people = [c for c in by.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
                    if people:
                        return people[0]
    return None


def _interviewed(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[Token]:
    """The person a report draws on ("The Gazette, using an interview with Tom Roe, reported that ..."): whoever an
    interview outside the reported clause was with, since the outlet only carries what that person said."""
    content = [child for child in cue.children if child.dep_ in _CONTENT_DEPS]
    inside = {t.i for child in content for t in child.subtree}
    for token in cue.subtree:
        if token.i in inside or is_quoted(token.idx) or token.lemma_.lower() not in _INTERVIEW_NOUNS:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                people = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
                if people:
                    return people[0]
    return None


def _inverted_frame(sent: Span, is_quoted: Callable[[int], bool]) -> Optional[Attribution]:
    """"Added Roe: '...'" or "Said Roe, '...'": a reporting verb opens the sentence and the name after it speaks.

    The parser often reads the verb as part of the name, so the frame is read from the words themselves.
    """
    words = [t for t in sent if not t.is_space]
    if len(words) < 4 or is_quoted(words[0].idx) or not words[0].is_title:
        return None
    verb = words[0]
    lower = verb.lower_
    if not {verb.lemma_.lower(), lower[:-2], lower[:-1]} & lx.REPORTING_VERBS or not lower.endswith("ed") and lower != "said":
        return None
    name = []
    for token in words[1:_MAX_NAME_WORDS + 2]:
        if token.text in (":", ","):
            break
        if not (token.is_title or token.is_upper) or is_quoted(token.idx):
            return None
        name.append(token)
    else:
        return None
    after = token.i + 1
    if not name or after >= len(token.doc) or not (token.doc[after].is_quote or is_quoted(token.doc[after].idx)):
        return None
    head = max(name, key=lambda t: (t.ent_type_ == "PERSON", t.i))
    entity = entity_of(head)
    if entity is not None and entity.label_ == "PERSON":
        return Attribution(entity.text, NAME, verb.lemma_.lower(), "inverted", head)
    return Attribution(" ".join(t.text for t in name), NAME, verb.lemma_.lower(), "inverted", name[-1])


def _colon_attribution(sent: Span, is_quoted: Callable[[int], bool]) -> Optional[Attribution]:
    """"Roe was blunt: '...'" or "Roe's response: '...'": the clause before a colon that opens a quote speaks."""
    doc = sent.doc
    for token in sent:
        if token.text != ":" or is_quoted(token.idx):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and following.sent == token.sent and not following.is_quote and not following.is_space:
            continue
        before = [t for t in sent if t.i < token.i and not t.is_punct and not is_quoted(t.idx)]
        tops = [t for t in before if t.head.i >= token.i or t.head.i == t.i or t.head.i < sent.start]
        if not tops:
            return None
        head = max(tops, key=lambda t: t.right_edge.i - t.left_edge.i)
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        if subjects:
            return describe(subjects[0], head.lemma_.lower(), "colon")
        if head.pos_ in ("NOUN", "PROPN") and head.lower_ in lx.DOCUMENT_NOUNS:
            return describe(head, head.lemma_.lower(), "colon")
        return None
    return None
def _adjacent_name(cue: Token, is_quoted: Callable[[int], bool]) -> Optional[tuple[Token, str]]:
    doc = cue.doc
    for index in (cue.i - 1, cue.i + 1):
        if 0 <= index < len(doc) and doc[index].pos_ == "PROPN" and not is_quoted(doc[index].idx):
            name = doc[index]
            while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.i < name.head.i <= name.i + 3:
                name = name.head  # "said Mr. Roe": the name, not its title
            return name, "subject"
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


