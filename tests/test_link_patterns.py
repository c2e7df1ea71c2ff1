"""False-conflict patterns never fire, real disagreements do, on small fictional events.

Each test links a few claims from different made-up outlets, with entities as an extractor marks them,
plus filler claims so the names in question are not the event's only actors.
"""

from __future__ import annotations

from annotator.link import find_counts, find_dates
from annotator.models import Claim
from tests.link_events import link_event

GAZETTEER = {
    "Anja Brel": "PERSON", "Anna Brel": "PERSON", "Piet Osk": "PERSON", "Ilse Marrow": "PERSON",
    "Jonas Tell": "PERSON", "Piet": "PERSON", "Brel": "PERSON", "Osk": "PERSON", "Marrow": "PERSON",
    "Tell": "PERSON", "Edvard Sorn": "PERSON", "Sorn": "PERSON", "Tarsk": "GPE", "Ostmark": "GPE",
    "Kestrel Wire": "ORG", "Sarn Water Authority": "ORG", "SWA": "ORG", "Ostmark Senate": "ORG",
}
FILLER = [
    "A ferry service between the islands resumed after the winter storms.",
    "Grain prices rose for a third week in the northern markets.",
    "The harbour authority opened two new berths for container ships.",
    "Farmers in the valley reported a poor harvest after the dry summer.",
]
OUTLETS = ("northbay.example", "kestrelwire.example", "valdrispost.example")


def _event(statements: list[tuple[str, str | None]]) -> dict[str, Claim]:
    return link_event(GAZETTEER, statements, FILLER, OUTLETS)


def _details(linked: dict[str, Claim]) -> list[str]:
    return [x.detail for c in linked.values() for x in c.conflicts]


def test_a_date_inside_a_name_is_never_a_count():
    linked = _event([
        ("Eleven of the 16 Oct. 4 attackers came from Tarsk, Ilse Marrow said.", None),
        ("Eleven of the 16 attackers on 10/4 came from Tarsk, Ilse Marrow said.", None),
        ("The Tarsk hotline runs 24/7 for 30 callers at a time, Ilse Marrow said.", None),
    ])
    assert _details(linked) == []
    assert [c.value.nominal for c in find_counts("Eleven of the 16 Oct. 4 attackers")] == [16]
    assert find_counts("the 10/4 attackers") == [] and find_dates("after the Oct. 4 attacks", "2024-05-10") == []


def test_n_other_people_agree_with_the_whole():
    linked = _event([
        ("Anja Brel and three other women accused Piet Osk of fraud in Tarsk.", None),
        ("Four women accused Piet Osk of fraud in Tarsk.", None),
    ])
    assert _details(linked) == []


def test_dozens_are_multiplied_and_the_wording_is_kept():
    found = find_counts("at least four dozen lawmakers")
    assert [(c.value.low, c.noun) for c in found] == [(48, "lawmakers")]
    linked = _event([
        ("At least four dozen lawmakers in Tarsk signed the letter against Piet Osk.", None),
        ("Almost four dozen lawmakers in Tarsk signed the letter against Piet Osk.", None),
    ])
    assert _details(linked)[0] == (
        "count: At least four dozen lawmakers (at least 48) vs Almost four dozen lawmakers (nearly 48)"
    )


def test_money_in_different_statements_is_not_compared():
    linked = _event([
        ("An Ostmark ad said Piet Osk had cut $716 billion from the pension fund.", None),
        ("In an earlier ad Piet Osk was said to cut the pension fund by $800 billion.", None),
    ])
    assert _details(linked) == []


def test_outlets_documents_and_aliases_are_no_speaker_conflict():
    quote = '"We will not let a single drop of the Sarn be used as a weapon," '
    for left, right in (("Kestrel Wire", "Ilse Marrow"), ("Piet", "Piet Osk"),
                        ("Tarsk ministry", "Tarsk ministry statement"), ("the indictment", "Piet Osk")):
        linked = _event([(quote + f"{left} said.", left), (quote + f"{right} said.", right)])
        assert not any(d.startswith("speaker") for d in _details(linked)), (left, right)


def test_two_named_people_credited_with_one_quote_conflict():
    quote = '"We will not let a single drop of the Sarn be used as a weapon," '
    linked = _event([(quote + "Ilse Marrow said.", "Ilse Marrow"), (quote + "Jonas Tell said.", "Jonas Tell")])
    assert "speaker: Ilse Marrow vs Jonas Tell" in _details(linked)


def test_a_planned_date_is_not_compared_with_the_day_it_was_announced():
    linked = _event([
        ("Piet Osk and Ilse Marrow announced on Wednesday the vote on the Sarn dam.", None),
        ("Piet Osk and Ilse Marrow said the vote on the Sarn dam is set for June 25.", None),
    ])
    assert _details(linked) == []


def test_a_different_name_in_the_same_quote_is_flagged_with_both_words():
    linked = _event([
        ('Piet Osk wrote: "Anja Brel should resign from the water committee today."', "Piet Osk"),
        ('Piet Osk wrote: "Anna Brel should resign from the water committee today."', "Piet Osk"),
    ])
    conflict = linked["c-0-00"].conflicts[0]
    assert conflict.detail == "quote wording: Anja vs Anna" and conflict.kind == "quote"
    assert linked["c-0-00"].source_text[conflict.start:conflict.end] == "Anja"
    assert linked["c-1-00"].source_text[conflict.other_start:conflict.other_end] == "Anna"


def test_the_same_quote_with_a_title_abbreviated_is_no_conflict():
    linked = _event([
        ('"Sen. Sorn respects that but thinks the dam should be built elsewhere," Ilse Marrow said.', "Ilse Marrow"),
        ('"Senator Sorn respects that but thinks the dam should be built elsewhere," Ilse Marrow said.', "Ilse Marrow"),
    ])
    assert linked["c-0-00"].group and linked["c-0-00"].group == linked["c-1-00"].group
    assert _details(linked) == []


def test_the_same_quote_with_a_name_written_as_its_acronym_is_no_conflict():
    linked = _event([
        ('"Any breach of the treaty will be met with a firm answer from the Ostmark Senate and its allies," '
         'Ilse Marrow said.', "Ilse Marrow"),
        ('"Any breach of the treaty will be met with a firm answer from the OS and its allies," Ilse Marrow said.',
         "Ilse Marrow"),
    ])
    assert linked["c-0-00"].group and linked["c-0-00"].group == linked["c-1-00"].group
    assert _details(linked) == []


def test_different_years_for_one_term_in_office_conflict():
    linked = _event([
        ("Jonas Tell will be the second senator from Tarsk after Edvard Sorn, who served from 1967 to 1979.", None),
        ("Jonas Tell will be the first Tarsk senator since Edvard Sorn held the seat from 1966 to 1978.", None),
    ])
    assert "years: from 1967 to 1979 (1967-1979) vs from 1966 to 1978 (1966-1978)" in _details(linked)


def test_an_assertion_and_its_denial_by_two_people_are_not_grouped():
    linked = _event([
        ("Piet Osk said the dam cannot be closed with a decree from Tarsk.", "Piet Osk"),
        ("Ilse Marrow said the dam can be closed with a decree from Tarsk.", "Ilse Marrow"),
    ])
    assert linked["c-0-00"].group is None or linked["c-0-00"].group != linked["c-1-00"].group


def test_an_acronym_and_the_name_it_stands_for_are_grouped():
    linked = _event([
        ("The Sarn Water Authority will close the northern sluice gates for repairs in June.", None),
        ("The SWA will close the northern sluice gates for repairs in June.", None),
    ])
    assert linked["c-0-00"].group is not None and linked["c-0-00"].group == linked["c-1-00"].group
