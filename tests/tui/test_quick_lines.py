"""The status line and history strip are drawn the quick way, and panels keep their lines between frames; both must
look exactly as Textual would draw them."""

from __future__ import annotations

import random

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from annotator.models import Annotation, Article, Claim
from annotator.session.feedback import HistoryEntry
from annotator.tui.widgets import ClaimCard
from annotator.tui.widgets.claim_card import render_claim
from annotator.tui.widgets.history_strip import HistoryStrip, render_history
from annotator.tui.widgets.kept_lines import KeptStatic
from annotator.tui.widgets.prepared import first_line, row_spans, to_strips
from annotator.tui.widgets.review_panels import render_review_status
from annotator.tui.widgets.status_line import render_status
from tests.tui.helpers import screen_text

pytestmark = pytest.mark.anyio


class TwoLines(App[None]):
    CSS = "#a { height: 1; padding: 0 1; background: $primary-background; } #b { height: 1; background: $boost; }"

    def compose(self) -> ComposeResult:
        yield Static(id="a")
        yield Static(id="b")


def cells(strip: Strip) -> list[tuple[str, tuple]]:
    """Each cell's character and the look of its style (colours and attributes; not Textual's selection offsets)."""
    out = []
    for segment in strip:
        style = segment.style
        look = (style.color, style.bgcolor, style.bold, style.dim, style.italic, style.reverse, style.underline)
        out.extend((character, look) for character in segment.text)
    return out


def some_lines(rnd: random.Random):
    """Status lines of both screens and history strips, of every length, with styled and literal parts."""
    for _ in range(150):
        yield render_status(rnd.choice(["ann1", "a" * 30, "Zoë [bold]x[/]"]), rnd.randint(0, 2000),
                            rnd.choice([0, 1500, 100000]), rnd.choice([None, rnd.randint(0, 999)]), 1500,
                            (rnd.randint(0, 9), rnd.randint(0, 99)), rnd.choice([None, "kind: quote"]),
                            overlap=rnd.choice([None, 2]), pace=rnd.choice([None, "120 claims/hour, 10 h left"]))
        yield render_review_status("lead", rnd.randint(0, 50), 50, rnd.choice([None, 3]), rnd.random() < 0.5)
        entries = [HistoryEntry(f"c{j}", rnd.choice(["verified", "not checkable"]),
                                rnd.choice(["", "Officials said the site counted " * rnd.randint(1, 3)]))
                   for j in range(rnd.randint(1, 5))]
        yield render_history(entries, rnd.choice([None, "c0", "c2"]))


async def test_the_quick_first_line_draws_the_same_cells_as_textual():
    app = TwoLines()
    rnd = random.Random(7)
    async with app.run_test(size=(200, 10)):
        widgets = [app.query_one("#a"), app.query_one("#b")]
        checked = 0
        for text in some_lines(rnd):
            widget, width = rnd.choice(widgets), rnd.randint(10, 198)
            assert cells(first_line(widget, text, width)) == cells(to_strips(widget, text, width)[0]), (text.plain,
                                                                                                        width)
            checked += 1
    assert checked == 450


class KeptPanel(App[None]):
    CSS = "#kept { height: 6; border: round $primary; padding: 0 1; } #kept.-on { border: round $success; }"

    def compose(self) -> ComposeResult:
        yield KeptStatic("first", id="kept", markup=False)


def drawn_afresh(widget) -> list[str]:
    """What Textual draws for the widget with nothing kept (its whole region)."""
    region = widget.region
    return [strip.text for strip in Widget.render_lines(widget, Region(0, 0, region.width, region.height))]


async def test_a_panel_keeping_its_lines_still_shows_every_change_of_text_and_style():
    app = KeptPanel()
    async with app.run_test(size=(40, 10)) as pilot:
        panel = app.query_one(KeptStatic)
        for step, text in enumerate(["second line\nand more", "third", "third", "a\nb\nc\nd", "e"]):
            panel.update(text)
            panel.set_class(step % 2 == 1, "-on")
            await pilot.pause()
            kept = [strip.text for strip in panel.render_lines(Region(0, 0, panel.region.width, panel.region.height))]
            assert kept == drawn_afresh(panel), (step, text)
            assert text.splitlines()[0] in screen_text(app)


def test_rows_changed_close_together_are_repainted_as_one_region():
    assert row_spans([0, 1, 2, 4, 7], 40) == [Region(0, 0, 40, 8)]
    assert row_spans([1, 2, 9, 10, 11], 40) == [Region(0, 1, 40, 2), Region(0, 9, 40, 3)]
    assert row_spans([5], 12) == [Region(0, 5, 12, 1)]


class OneCard(App[None]):
    def compose(self) -> ComposeResult:
        yield ClaimCard(id="claim")


def ferry_claim(text: str) -> Claim:
    article = Article(id="a-ferry", source="ferry.txt", outlet="Harbour Post", body=text, content_hash="f" * 64)
    return Claim(id="f01", article=article.ref(), text=text, source_text=text, start=0, end=len(text),
                 kind="attributed", speaker="the harbour master")


async def test_a_card_built_ahead_shows_only_for_the_claim_and_state_it_was_built_for():
    app = OneCard()
    async with app.run_test(size=(80, 12)) as pilot:
        card = app.query_one(ClaimCard)
        claim = ferry_claim("The ferry will run every half hour until dusk, the harbour master said.")
        card.prepare(render_claim(claim, None, None), key=(claim, None))
        card.show_claim(claim, None, None)
        await pilot.pause()
        assert "every half hour" in screen_text(app) and "NO LABEL YET" in screen_text(app)
        card.show_claim(claim, Annotation(claim_id=claim.id, annotator="ann1", label="verified"), None)
        await pilot.pause()
        assert "LABELLED: VERIFIED" in screen_text(app)
        reread = ferry_claim("The ferry will run every hour until dusk, the harbour master said.")
        card.prepare(render_claim(claim, None, None), key=(claim, None))
        card.show_claim(reread, None, None)  # the same id read again with other words: the card built ahead is stale
        await pilot.pause()
        assert "every hour until dusk" in screen_text(app) and "half hour" not in screen_text(app)
        assert "NO LABEL YET" in screen_text(app)


class OneStrip(App[None]):
    def compose(self) -> ComposeResult:
        yield HistoryStrip(id="history")


async def test_the_history_strip_built_ahead_for_each_verdict_shows_the_one_given():
    app = OneStrip()
    async with app.run_test(size=(100, 3)) as pilot:
        strip = app.query_one(HistoryStrip)
        earlier = [HistoryEntry("c1", "verified", "The ferry runs every half hour")]
        after = {label: [*earlier, HistoryEntry("c2", label, "The pier reopens in May")]
                 for label in ("verified", "contested")}
        strip.show_history(earlier, "c2")
        await pilot.pause()
        strip.prepare(list(after.values()), "c3")
        strip.show_history(after["contested"], "c3")
        await pilot.pause()
        shown = screen_text(app)
        assert "1 contested “The pier reopens" in shown and "2 verified" in shown
        strip.show_history([*earlier, HistoryEntry("c2", "needs context", "The pier reopens in May")], "c3")
        await pilot.pause()
        assert "1 needs context" in screen_text(app) and "contested" not in screen_text(app)
