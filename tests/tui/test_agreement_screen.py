"""The agreement screen: the numbers shown are build_report's over the database, opened from both screens."""

from __future__ import annotations

import pytest

from annotator.agreement import build_report
from annotator.models import DEFAULT_LABELS, Adjudication, Annotation
from annotator.tui import make_review_app
from annotator.tui.agreement_tables import number
from tests.tui.helpers import press, screen_text, settle
from tests.tui.sample_data import sample_settings

SIZE = (120, 80)
pytestmark = pytest.mark.anyio


async def open_agreement(pilot) -> str:
    await press(pilot, "percent_sign")
    await settle(pilot)
    return screen_text(pilot.app)


async def test_numbers_shown_match_build_report_with_adjudications_as_gold(app, store, disputed):
    store.adjudications.save(Adjudication(claim_id="c02", adjudicator="lead", label="corrected", correction="1,500"))
    report = build_report(store.annotations.all(), labels=list(DEFAULT_LABELS), gold={"c02": "corrected"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await open_agreement(pilot)
        assert f"{report.n_items} / {report.n_annotators} / {report.n_annotations}" in text
        for value in (report.percent_agreement, report.krippendorff_alpha, report.fleiss_kappa, report.gwet_ac1):
            assert f"│ {number(value)}" in text
        for label, value in report.per_label.items():
            assert any(label in line and number(value) in line for line in text.splitlines()), label
        lines = text.splitlines()
        heat_map = lines[next(i for i, line in enumerate(lines) if "Cohen's kappa by pair" in line):]
        for pair in report.pairwise:
            first, second = pair.annotators
            cell = f"n/a ({pair.n})" if pair.cohen_kappa is None else f"{number(pair.cohen_kappa)} ({pair.n})"
            for row_name in (first, second):
                row = next(line for line in heat_map[:12] if f"│ {row_name} " in line)
                assert cell in row, (pair, row)
        assert "almost perfect" in text and "worse than chance" in text
        assert report.most_disagreement, "the sample has disputed claims"
        for item in report.most_disagreement:
            assert f"│ {item.claim_id}" not in text, "an annotator is not shown the most disputed claims"
        assert "Most disputed claims: shown to the lead in `annotator review`" in text
        assert "contested 1" not in text, "an annotator must not see how the labels split"
        await press(pilot, "escape")
        assert "NO LABEL YET" in screen_text(app)


async def test_from_the_review_screen_the_lead_sees_how_labels_split(store, disputed):
    app = make_review_app(store, sample_settings(), adjudicator="lead")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await open_agreement(pilot)
        assert "contested 1 · unverifiable 1" in text
        assert "Most disputed claims" in text
        for item in build_report(store.annotations.all(), labels=list(DEFAULT_LABELS)).most_disagreement:
            assert f"│ {item.claim_id}" in text


async def test_a_flag_without_a_verdict_is_no_vote_and_the_report_still_opens(app, store, disputed):
    store.annotations.save(Annotation(claim_id="c04", annotator="carol", label=None, flagged=True, note="date?"))
    report = build_report(store.annotations.votes(), labels=list(DEFAULT_LABELS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = await open_agreement(pilot)
        assert "Could not compute agreement" not in text
        assert f"{report.n_items} / {report.n_annotators} / {report.n_annotations}" in text
