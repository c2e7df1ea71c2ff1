"""Linking the bundled demo sample (annotator/data/sample) as the real extractor gives it to the linker.

Four fictional outlets report one made-up meeting; the texts plant disagreements on the meeting's length,
the number of stranded ships and the day the blockade began, and repeat two quotations across outlets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.link import link_claims
from annotator.models import Claim

SAMPLE = Path(__file__).resolve().parents[1] / "annotator" / "data" / "sample"


@pytest.fixture(scope="module")
def linked() -> list[Claim]:
    from annotator import extract
    from annotator.models import Article

    nlp = extract.load_pipeline()
    articles = [a for a in extract.read_inputs([SAMPLE], event="valdremo") if isinstance(a, Article)]
    assert len(articles) == 4
    claims = [claim for article in articles for claim in extract.extract_claims(nlp, article)]
    return link_claims(claims)


def _claim(linked: list[Claim], marker: str, outlet: str | None = None) -> Claim:
    found = [c for c in linked if marker in c.source_text and (outlet is None or outlet in (c.article.url or ""))]
    assert len(found) == 1, f"{marker!r} ({outlet}): {[c.source_text for c in found]}"
    return found[0]


def _details(a: Claim, b: Claim) -> list[str]:
    return [x.detail for x in a.conflicts if x.claim_id == b.id]


def _assert_conflict(a: Claim, b: Claim, slot: str) -> None:
    forward, backward = _details(a, b), _details(b, a)
    assert any(d.startswith(slot + ":") for d in forward), (a.source_text, b.source_text, a.conflicts)
    assert any(d.startswith(slot + ":") for d in backward), (b.source_text, a.source_text, b.conflicts)


def _assert_no_conflict(a: Claim, b: Claim) -> None:
    assert not _details(a, b) and not _details(b, a), (a.source_text, b.source_text, _details(a, b))


@pytest.mark.parametrize(
    "marker",
    ["met in Valdremo for two and a half hours", "The meeting lasted two and a half hours",
     "met for two hours and a half"],
)
def test_meeting_length_disagrees_with_nearly_four_hours(linked, marker):
    four_hours = _claim(linked, "spoke for nearly four hours")
    _assert_conflict(_claim(linked, marker), four_hours, "duration")
    assert any("(nearly 240 min)" in d for d in _details(_claim(linked, marker), four_hours))


def test_equal_meeting_lengths_in_other_words_do_not_conflict(linked):
    _assert_no_conflict(_claim(linked, "two and a half hours to discuss"), _claim(linked, "two hours and a half"))
    _assert_no_conflict(_claim(linked, "The meeting lasted"), _claim(linked, "two hours and a half"))


@pytest.mark.parametrize("marker", ["about 1,200 cargo ships", "around 1,200 cargo ships"])
def test_stranded_ships_disagree_with_more_than_1500(linked, marker):
    more = _claim(linked, "more than 1,500 cargo ships")
    _assert_conflict(_claim(linked, marker), more, "count")


def test_about_and_around_1200_ships_agree(linked):
    _assert_no_conflict(_claim(linked, "about 1,200 cargo ships"), _claim(linked, "around 1,200 cargo ships"))


@pytest.mark.parametrize("marker", ["since the blockade began on February 2", "which started on February 2"])
def test_blockade_start_disagrees_with_february_12(linked, marker):
    later = _claim(linked, "since the closure began on February 12")
    _assert_conflict(_claim(linked, marker), later, "date")
    assert any("(2025-02-02) vs " in d and "(2025-02-12)" in d for d in _details(_claim(linked, marker), later))


def test_same_blockade_start_in_other_words_does_not_conflict(linked):
    _assert_no_conflict(_claim(linked, "since the blockade began on February 2"), _claim(linked, "which started on"))


def test_patrol_boat_estimates_are_compatible(linked):
    some_40 = _claim(linked, "some 40 patrol boats")
    roughly_40 = _claim(linked, "roughly 40 patrol boats")
    dozens = _claim(linked, "dozens of patrol boats")
    for a, b in ((some_40, roughly_40), (some_40, dozens), (roughly_40, dozens)):
        _assert_no_conflict(a, b)


def _quote_group(linked: list[Claim], words: str) -> list[Claim]:
    quoting = [c for c in linked if words in c.source_text]
    groups = {c.group for c in quoting}
    assert len(groups) == 1 and None not in groups, [(c.source_text, c.group) for c in quoting]
    (group,) = groups
    return [c for c in linked if c.group == group]


def test_marquardt_quote_is_grouped_across_the_three_outlets_that_print_it(linked):
    members = _quote_group(linked, "We came here to find a way out")
    assert len({c.article.id for c in members}) == 3
    assert all("We came here to find a way out" in c.source_text for c in members)
    assert all(len(c.corroborated_by) == 2 for c in members)


def test_revka_quote_is_grouped_across_three_outlets(linked):
    members = _quote_group(linked, "Nobody wants a confrontation at sea")
    assert len({c.article.id for c in members}) == 3
    assert all("Nobody wants a confrontation at sea" in c.source_text for c in members)


def test_other_quotes_of_the_same_speaker_stay_out_of_the_group(linked):
    frank = _claim(linked, "frank and useful")
    repeated = _claim(linked, "We came here to find a way out", "northernledger")
    assert frank.group is None or frank.group != repeated.group
