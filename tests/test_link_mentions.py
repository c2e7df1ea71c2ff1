"""A denial counts only in the clause where two claims speak alike, and a name counts as named by a claim that
writes it, tagged or not, in full or shortened.

Fictional events built as in tests/test_link_scoring.py: claims with a gazetteer's entities plus filler claims.
"""

from __future__ import annotations

from annotator.link import link_claims
from tests.link_events import FILLER, link_event, make_claim

GAZETTEER = {
    "Anja Brel": "PERSON", "Piet Osk": "PERSON", "Brel": "PERSON", "Osk": "PERSON", "Tarsk": "GPE",
    "Tars.": "GPE", "Veloria Rising": "ORG", "Kelm": "GPE", "Lindor": "GPE",
}


def _grouped(statements: list[tuple[str, str | None]], a: int = 0, b: int = 1, gazetteer: dict | None = None) -> bool:
    linked = link_event(gazetteer or GAZETTEER, statements)
    first, second = linked[f"c-{a}-00"], linked[f"c-{b}-00"]
    return first.group is not None and first.group == second.group


def test_a_denial_in_another_clause_does_not_keep_the_same_fact_apart():
    assert _grouped([
        ("Anja Brel apologised to the dock workers of Tarsk for her remarks on Tuesday, but she did not resign.", None),
        ("On Tuesday Brel apologised to the Tarsk dock workers for her remarks.", None),
    ])


def test_a_denial_of_the_words_both_share_still_keeps_them_apart():
    assert not _grouped([
        ("Anja Brel said the harbour of Tarsk can be closed by a single order of the council.", None),
        ("Anja Brel said the harbour of Tarsk cannot be closed by a single order of the council.", None),
    ])


def test_a_place_written_short_by_one_outlet_is_the_same_place():
    assert _grouped([
        ("Brel's ferry company was fined for its late sailings by the harbour court in Tarsk on Tuesday.", None),
        ("On Tuesday the harbour court of Tars. fined the ferry firm run by Brel, saying it sailed late.", None),
    ])


def test_a_name_the_tagger_missed_in_one_claim_is_no_differing_name():
    gazetteer = {**GAZETTEER, "Veloria Rising": "ORG"}
    statements = [
        ("Brel's remarks were released on Tuesday by Veloria Rising, a conservative group that digs into rivals.", None),
        ("Veloria Rising, a conservative group that digs into rivals, posted the footage of Brel online on Tuesday.",
         None),
    ]
    claims = [make_claim(gazetteer, 0, 0, statements[0][0])]
    tagged_once = {k: v for k, v in gazetteer.items() if k != "Veloria Rising"} | {"Online": "ORG"}
    claims.append(make_claim(tagged_once, 1, 0, statements[1][0].replace("online", "Online")))
    claims += [make_claim(gazetteer, i % 2, 1 + i, text) for i, text in enumerate(FILLER)]
    linked = {c.id: c for c in link_claims(claims)}
    assert linked["c-0-00"].group is not None and linked["c-0-00"].group == linked["c-1-00"].group


def test_two_people_whose_names_begin_alike_are_still_two_people():
    assert not _grouped([
        ("Anja Brel met Jonas Tellmann in Tarsk for two hours on Tuesday.", None),
        ("Anja Brel met Jonas Tellmarsh in Tarsk for two hours on Tuesday.", None),
    ], gazetteer={**GAZETTEER, "Jonas Tellmann": "PERSON", "Jonas Tellmarsh": "PERSON"})


def test_a_denial_later_in_the_clause_says_nothing_of_what_came_before_it():
    assert _grouped([
        ("Anja Brel apologised to the dock workers of Tarsk for her remarks on Tuesday and said she has not resigned.",
         None),
        ("On Tuesday Brel apologised to the Tarsk dock workers for her remarks.", None),
    ])


def test_a_denial_before_the_words_both_share_still_keeps_them_apart():
    assert not _grouped([
        ("Anja Brel has not apologised to the dock workers of Tarsk for her remarks on Tuesday.", None),
        ("On Tuesday Brel apologised to the Tarsk dock workers for her remarks.", None),
    ])


def test_a_party_or_a_faith_is_not_a_country_against_a_nation():
    gazetteer = {**GAZETTEER, "Lindorian": "NORP", "Republicans": "NORP", "Jewish": "NORP"}
    for group in ("Republicans", "Jewish"):
        assert _grouped([
            (f"The ferry advert paid for by Veloria Rising will air in Kelm from Monday, {group} organisers said.",
             None),
            ("From Monday the Veloria Rising ferry advert will air in Kelm, its Lindorian organisers said.", None),
        ], gazetteer=gazetteer), group


def test_two_nations_still_keep_the_same_words_apart():
    gazetteer = {**GAZETTEER, "Lindorian": "NORP", "Kelmish": "NORP"}
    assert not _grouped([
        ("The ferry advert paid for by Veloria Rising will air in Tarsk from Monday, Kelmish organisers said.", None),
        ("From Monday the Veloria Rising ferry advert will air in Tarsk, its Lindorian organisers said.", None),
    ], gazetteer=gazetteer)
