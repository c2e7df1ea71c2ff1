"""The annotation screen with a check-worthiness order and the "why this score" key."""

from __future__ import annotations

import pytest

from annotator.tui import make_app
from tests.tui.helpers import press, screen_text, settle
from tests.tui.sample_data import sample_settings

pytestmark = pytest.mark.anyio


async def test_score_order_shows_the_most_check_worthy_claim_first_and_w_says_why(store):
    claims = list(store.claims.all(include_superseded=False))
    top = max(claims, key=lambda claim: claim.checkworthiness)
    store.scores.update([(top.id, 0.99)], "cw-test-1")
    app = make_app(store, sample_settings(), annotator="alice", order="score")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert top.text in screen_text(app)
        await press(pilot, "w")
        assert "score 0.99 from model cw-test-1" in screen_text(app)
        await press(pilot, "v")
        await press(pilot, "w")
        text = screen_text(app)
    assert "from the formula" in text, "the next claim was scored by the formula"
    assert store.annotations.get(top.id, "alice").label == "verified"


async def test_the_help_overlay_lists_the_why_key(store):
    app = make_app(store, sample_settings(), annotator="alice")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        text = screen_text(app)
    assert " w   why this score: the formula's features, or the trained model and its version" in text


async def test_a_retrain_runs_beside_the_decisions_and_the_screen_says_when_the_new_model_is_in_use(store, tmp_path):
    from annotator.learn.retrain import Retrainer
    from tests.checkworthiness_data import add_labelled_claims, label_claims, labelled_sentences

    sentences = labelled_sentences(30, 30)
    label_claims(store, add_labelled_claims(store, sentences), sentences, annotator="bo")
    url = store.db.engine.url.render_as_string(hide_password=False)
    retrainer = Retrainer(url, tmp_path / "cw", every=1)
    app = make_app(store, sample_settings(), annotator="alice", retrainer=retrainer)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        first = app.screen.session.current_claim().id
        await press(pilot, "v")
        assert store.annotations.get(first, "alice").label == "verified"
        second = app.screen.session.current_claim().id
        await press(pilot, "x")
        assert store.annotations.get(second, "alice").label == "contested", "the next key is not held back"
        for _ in range(600):
            await pilot.pause(0.5)
            if not retrainer.running:
                break
        text = screen_text(app)
    assert "new model cw-" in text and "in use" in text, text
    assert "model cw-" in text.splitlines()[0], "the status line names the model in use"
    rescored = {claim.checkworthiness_model for claim in store.claims.all() if claim.id not in (first, second)
                and store.annotations.get(claim.id, "alice") is None and claim.article.id != "trainer"}
    assert len(rescored) == 1 and None not in rescored, "the unlabelled claims carry the new model's scores"
