"""Grouping keeps apart claims worded alike whose distinctive content differs (people, countries, quotes).

Each test builds a small fictional event: claims from several outlets, with entities as an extractor
would mark them, plus unrelated filler claims so the names in question are not the event's main actors.
"""

from __future__ import annotations

from annotator.link import link_claims
from annotator.models import Claim
from tests.link_events import FILLER, link_event, make_claim

GAZETTEER = {
    "Anja Brel": "PERSON", "Piet Osk": "PERSON", "Ilse Marrow": "PERSON", "Jonas Tell": "PERSON",
    "Brel": "PERSON", "Osk": "PERSON", "Tell": "PERSON", "Tarsk": "GPE", "Lindor": "GPE", "Ostmark": "GPE",
    "Veloria": "GPE", "Sarnia": "GPE", "Kelm": "GPE", "Republicans": "NORP", "Republican": "NORP",
}


def _event(statements: list[tuple[str, str | None]]) -> dict[str, Claim]:
    """The statements, one per outlet, plus the filler claims spread over the outlets, linked."""
    return link_event(GAZETTEER, statements)


def _grouped(linked: dict[str, Claim], a: int, b: int) -> bool:
    first, second = linked[f"c-{a}-00"], linked[f"c-{b}-00"]
    return first.group is not None and first.group == second.group


def test_the_same_meeting_in_other_words_is_grouped():
    linked = _event([
        ("Anja Brel met Piet Osk in Tarsk for two hours on Tuesday.", None),
        ("Brel held two hours of talks with Osk in Tarsk on Tuesday.", None),
    ])
    assert _grouped(linked, 0, 1)


def test_meetings_with_different_people_are_not_grouped():
    linked = _event([
        ("Anja Brel met Piet Osk in Tarsk for two hours on Tuesday.", None),
        ("Anja Brel met Jonas Tell in Tarsk for two hours on Tuesday.", None),
    ])
    assert not _grouped(linked, 0, 1)


def test_troop_build_ups_by_different_countries_are_not_grouped():
    linked = _event([
        ("Lindor has massed 5,000 troops near the Sarnia border.", None),
        ("Kelm has massed 5,000 troops near the Sarnia border.", None),
        ("Lindor has deployed 5,000 soldiers close to the frontier with Sarnia.", None),
    ])
    assert _grouped(linked, 0, 2)
    assert not _grouped(linked, 0, 1) and not _grouped(linked, 1, 2)


def test_different_quotes_of_one_speaker_are_not_grouped_but_the_same_quote_is():
    linked = _event([
        ('"We will defend every field and every well in the valley," Ilse Marrow said.', "Ilse Marrow"),
        ('"The talks were frank and useful," Ilse Marrow said.', "Ilse Marrow"),
        ('Marrow said: "We will defend every field and every well in the valley."', "Ilse Marrow"),
    ])
    assert _grouped(linked, 0, 2)
    assert not _grouped(linked, 0, 1)


def test_the_same_words_attributed_to_different_speakers_are_grouped_and_flagged():
    linked = _event([
        ('"We will defend every field and every well in the valley," Ilse Marrow said.', "Ilse Marrow"),
        ('"We will defend every field and every well in the valley," Anja Brel said.', "Anja Brel"),
    ])
    assert _grouped(linked, 0, 1)
    assert [x.detail for x in linked["c-0-00"].conflicts] == ["speaker: Ilse Marrow vs Anja Brel"]


def test_a_statement_printed_without_quotation_marks_is_grouped_with_its_quotation():
    linked = _event([
        ("Dear neighbours, the orchard gates stay shut until the frost has passed and the ground is firm again.", None),
        ('"The orchard gates stay shut until the frost has passed and the ground is firm again," Ilse Marrow wrote.',
         "Ilse Marrow"),
    ])
    assert _grouped(linked, 0, 1)


def test_a_denial_of_the_quoted_words_is_not_grouped_with_them():
    linked = _event([
        ("The orchard gates will not stay shut until the frost has passed and the ground is firm again.", None),
        ('"The orchard gates will stay shut until the frost has passed and the ground is firm again," Ilse Marrow wrote.',
         "Ilse Marrow"),
    ])
    assert not _grouped(linked, 0, 1)



def test_a_party_named_as_a_noun_and_as_an_adjective_is_one_party():
    linked = _event([
        ("Republicans in Tarsk blocked the grain loan for the eastern valley on Tuesday.", None),
        ("Republican members in Tarsk blocked the grain loan for the eastern valley on Tuesday.", None),
    ])
    assert _grouped(linked, 0, 1)


def test_one_sentence_of_a_quoted_post_printed_as_a_block_is_grouped_with_the_quotation():
    linked = _event([
        ('Ilse Marrow wrote: "The river path is not safe after dark. Every family should keep a lantern by the door '
         'until the flood has passed."', "Ilse Marrow"),
        ("Every family should keep a lantern by the door until the flood has passed.", None),
    ])
    assert _grouped(linked, 0, 1)


def test_a_denial_of_one_sentence_of_a_quotation_is_not_grouped_with_it():
    linked = _event([
        ('Ilse Marrow wrote: "The river path is safe after dark. Every family should keep a lantern by the door '
         'until the flood has passed."', "Ilse Marrow"),
        ("The river path is not safe after dark.", None),
    ])
    assert not _grouped(linked, 0, 1)


def test_two_outlets_quoting_overlapping_sentences_of_one_letter_are_grouped():
    linked = _event([
        ('"I misjudged the harbour workers and their families. After many days of talks I can see how unfair my words '
         'were. I will learn from this," Ilse Marrow wrote.', "Ilse Marrow"),
        ('"After many days of talks I can see how unfair my words were. Please know the dockers have my respect. '
         'I will learn from this," Marrow wrote in the letter.', "Ilse Marrow"),
    ])
    assert _grouped(linked, 0, 1)


def test_a_one_word_answer_of_the_same_person_is_grouped_and_of_another_person_is_not():
    linked = _event([
        ('Brel answered the question about a second term with a curt "Absolutely."', "Anja Brel"),
        ('"Absolutely," Brel said quickly.', "Anja Brel"),
        ('"Absolutely," Osk said quickly.', "Piet Osk"),
    ])
    assert _grouped(linked, 0, 1)
    assert not _grouped(linked, 0, 2) and not _grouped(linked, 1, 2)


def test_not_only_but_also_is_no_denial():
    linked = _event([
        ("Anja Brel not only closed the harbour in Tarsk but also cancelled the ferry on Tuesday.", None),
        ("On Tuesday Brel shut the Tarsk harbour and called off the ferry.", None),
    ])
    assert _grouped(linked, 0, 1)


def test_a_country_word_inside_an_organisation_name_is_no_mention_of_the_country():
    gazetteer = {**GAZETTEER, "Ostmark First": "ORG"}
    statements = [
        ("The video of Brel's speech to farmers was posted online on Tuesday by Ostmark First, a campaign group.", None),
        ("A campaign group posted the video of Brel's speech to farmers from Veloria online on Tuesday.", None),
    ]
    claims = [make_claim(gazetteer, i, 0, text, speaker) for i, (text, speaker) in enumerate(statements)]
    claims += [make_claim(gazetteer, i % 2, 1 + i, text) for i, text in enumerate(FILLER)]
    linked = {c.id: c for c in link_claims(claims, aliases={"Ostmark": "ostmark", "Veloria": "veloria"})}
    assert linked["c-0-00"].group is not None and linked["c-0-00"].group == linked["c-1-00"].group


RALLY = 'Ilse Marrow told a rally in Tarsk that the ferry timetable was a "paper harbour" and promised new boats.'
ASKED = ('Marrow, asked on Sunday about the timetable, said the board had "forgotten every ferry crew on the islands" '
         'and built a "paper harbour" for its staff.')


def test_the_same_speaker_credited_with_the_same_short_phrase_beside_a_longer_quote_is_grouped():
    linked = _event([(RALLY, "Ilse Marrow"), (ASKED, "Ilse Marrow")])
    assert _grouped(linked, 0, 1)


def test_a_title_in_quotation_marks_is_not_words_the_speaker_said():
    def titled(text: str) -> str:
        return text.replace('"paper harbour"', '"Paper Harbour"')

    linked = _event([(titled(RALLY), "Ilse Marrow"), (titled(ASKED), "Ilse Marrow")])
    assert not _grouped(linked, 0, 1), "both name a show called Paper Harbour; neither says what the other said"
