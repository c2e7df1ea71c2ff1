"""Who a later "he" or "she" can mean: names that only describe a thing are not people in the story."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from annotator.extract.people import find_people
from annotator.extract.resolve import SpeakerResolver


def parsed(words, pos, deps, heads, people, starts):
    """A parsed Doc as the tagger and parser give it: heads are absolute token indices."""
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads,
              sent_starts=[i in starts for i in range(len(words))])
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in people]
    return doc


def he_in_second_sentence(owner_noun: str) -> str | None:
    # "Officials seized a Rolex <noun> . He said nothing ." with the tagger's mistake: "Rolex" read as a PERSON.
    words = ["Officials", "seized", "a", "Rolex", owner_noun, ".", "He", "said", "nothing", "."]
    pos = ["NOUN", "VERB", "DET", "PROPN", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]
    deps = ["nsubj", "ROOT", "det", "compound", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    heads = [1, 1, 4, 4, 1, 1, 7, 7, 7, 7]
    doc = parsed(words, pos, deps, heads, [(3, 4)], {0, 6})
    for token, lemma in zip(doc, [w.lower() for w in words]):
        token.lemma_ = lemma
    sentence_of = lambda offset: 0 if offset < doc[6].idx else 1  # noqa: E731
    resolver = SpeakerResolver(find_people(doc, sentence_of, lambda offset: False))
    return resolver.pronoun("m", doc[6].idx, 1).name


def test_a_name_that_only_describes_a_thing_is_not_who_he_means():
    assert he_in_second_sentence("watch") is None


def test_a_body_named_by_its_owner_still_leads_back_to_the_owner():
    assert he_in_second_sentence("campaign") == "Rolex"
