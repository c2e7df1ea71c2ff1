"""The sources panel's content, built without Textual: one entry per outlet, each conflict once, spans to mark."""

from __future__ import annotations

from annotator.models import ArticleRef, Claim, Conflict
from annotator.session.sources import sources_of


def claim(claim_id: str, article_id: str, text: str, **links) -> Claim:
    ref = ArticleRef(id=article_id, source=f"{article_id}.txt", outlet=f"Outlet {article_id[-1]}")
    return Claim(id=claim_id, article=ref, text=text, source_text=text, start=0, end=len(text), **links)


def conflict(other: Claim, kind: str, mine: str, theirs: str, me: Claim) -> Conflict:
    start, other_start = me.text.index(mine), other.text.index(theirs)
    return Conflict(claim_id=other.id, detail=f"{kind}: {mine} vs {theirs}", kind=kind, wording=mine, start=start,
                    end=start + len(mine), other_wording=theirs, other_start=other_start,
                    other_end=other_start + len(theirs))


TEXT = "Three other women said the senator, who served from 1967 to 1979, touched them."
OTHER = "Four women said the senator, who held the seat from 1966 to 1978, touched them."
LATER = "The senator served twelve years, four women said."


def test_an_outlet_that_agrees_and_disagrees_appears_once_and_names_the_details():
    other, later = claim("b1", "a-b", OTHER, group="g"), claim("b2", "a-b", LATER, group="g")
    me = claim("a1", "a-a", TEXT, group="g", corroborated_by=["a-b", "a-c"])
    me.conflicts = [conflict(other, "years", "1967 to 1979", "1966 to 1978", me)] * 2
    third = claim("c1", "a-c", "The senator touched three women, they said.", group="g")
    outlets = {"a-a": "Outlet A", "a-b": "Outlet B", "a-c": "Outlet C"}
    sources = sources_of(me, {"b1": other, "b2": later, "c1": third}, [me, other, later, third], outlets)
    assert [entry.outlet for entry in sources.corroborating] == ["Outlet B", "Outlet C"]
    outlet_b = sources.corroborating[0]
    assert outlet_b.said == (OTHER, LATER) and outlet_b.differs_on == ("years",)
    assert sources.corroborating[1].differs_on == ()
    assert len(sources.conflicts) == 1, "the same conflict stored twice shows once"
    entry = sources.conflicts[0]
    assert entry.this.text[slice(*entry.this.span)] == "1967 to 1979"
    assert [TEXT[s:e] for s, e in entry.this.differing] == ["1967", "1979"], "'to' is shared"
    assert [OTHER[s:e] for s, e in entry.other.differing] == ["1966", "1978"]


def test_a_conflict_with_a_deleted_claim_and_an_edited_text_still_shows_what_it_can():
    me = claim("a1", "a-a", "Four women said so.")
    me.text = "Four women said so, according to the report."
    me.conflicts = [Conflict(claim_id="gone", detail="count: Four women vs three other women", kind="count",
                             wording="Four women", start=0, end=10, other_wording="three other women")]
    sources = sources_of(me, {"gone": None}, [], {"a-a": "Outlet A"})
    assert not sources.corroborating and sources.conflicts[0].other is None
    assert sources.conflicts[0].outlet == "another article"
    assert sources.conflicts[0].this.span == (0, 10), "found again in the edited text"


def test_a_claim_standing_alone_has_nothing_to_show():
    assert not sources_of(claim("a1", "a-a", TEXT), {}, [], {})
