"""End to end in a real browser: log in, label with the keyboard, and the database says who signed."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from annotator.web.logins import add_login
from tests.conftest import REPO_ROOT
from tests.tui.sample_data import make_sample_store
from tests.web.browser import ServedDatabase, log_in, open_browser, press, require_chromium, wait_until
from tests.web.conftest import PASSWORDS

ARTIFACTS = REPO_ROOT / "test-artifacts" / "web"
CLAIMS_IN_SAMPLE = 7


@pytest.fixture
def served(tmp_path):
    """The sample claims served with --overlap 1, alice (a lead) and bob as logins."""
    require_chromium()
    store = make_sample_store(tmp_path / "served.db")
    add_login(store, "alice", PASSWORDS["alice"], lead=True)
    add_login(store, "bob", PASSWORDS["bob"])
    store.close()
    server = ServedDatabase(tmp_path / "served.db", tmp_path / "serve.log", "--overlap", "1")
    yield server
    server.stop()


@pytest.fixture
def browsers(tmp_path):
    """Opens fresh browsers on demand and closes them all at the end."""
    opened = []

    def make(name: str):
        browser = open_browser(tmp_path / f"profile-{name}")
        opened.append(browser)
        return browser

    yield make
    for browser in opened:
        browser.quit()


def label_shown_claim(browser, served: ServedDatabase, name: str, key: str = "v") -> str:
    """Wait for a claim on `name`'s screen, press `key`, and wait until that claim is saved; return its id."""
    saved_before = len(served.signed(name))
    shown = wait_until(lambda: served.held(name), f"a claim on {name}'s screen")
    assert len(shown) == 1
    press(browser, key)
    wait_until(lambda: len(served.signed(name)) == saved_before + 1, f"{name}'s decision in the database")
    claim_id, _label = served.signed(name)[-1]
    assert {claim_id} == shown, "the saved decision is on the claim that was on screen"
    return claim_id


def test_a_wrong_password_is_refused_then_alice_labels_two_claims_signed_alice(served, browsers):
    from selenium.webdriver.common.by import By

    browser = browsers("alice")
    log_in(browser, served.url, "alice", "not-alices-password")
    message = wait_until(lambda: browser.find_elements(By.ID, "message"), "the login error", timeout=30)
    assert message[0].text == "Wrong name or password."
    assert browser.current_url.endswith("/login")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "login-refused.png"))
    assert served.rows("SELECT count(*) FROM annotations") == [(0,)]

    log_in(browser, served.url, "alice", PASSWORDS["alice"])
    wait_until(lambda: browser.current_url == served.url + "/", "the annotate page")
    wait_until(lambda: served.held("alice"), "the first claim on alice's screen")
    wait_until(lambda: "-first-byte" in browser.find_element(By.TAG_NAME, "body").get_attribute("class"),
               "the terminal to draw")
    browser.execute_script("return new Promise(done => setTimeout(done, 1500))")
    assert browser.save_screenshot(str(ARTIFACTS / "annotate-screen.png"))

    first = label_shown_claim(browser, served, "alice")
    second = label_shown_claim(browser, served, "alice")
    assert first != second
    assert served.rows("SELECT annotator, label FROM annotations ORDER BY id") == [("alice", "verified")] * 2

    browser.close()
    wait_until(lambda: not served.held("alice"), "the closed tab's app process to give its claim back")
    assert [claim for claim, _ in served.signed("alice")] == [first, second]


def test_two_reviewers_with_overlap_one_never_get_the_same_claim(served, browsers):
    alice, bob = browsers("alice"), browsers("bob")
    log_in(alice, served.url, "alice", PASSWORDS["alice"])
    wait_until(lambda: served.held("alice"), "a claim on alice's screen")
    log_in(bob, served.url, "bob", PASSWORDS["bob"])
    wait_until(lambda: served.held("bob"), "a claim on bob's screen")
    labelled = {"alice": [], "bob": []}
    for _ in range(3):
        for name, browser in (("alice", alice), ("bob", bob)):
            assert not served.held("alice") & served.held("bob"), "both screens show the same claim"
            labelled[name].append(label_shown_claim(browser, served, name))
    assert not set(labelled["alice"]) & set(labelled["bob"])
    assert len(set(labelled["alice"]) | set(labelled["bob"])) == 6 <= CLAIMS_IN_SAMPLE
    assert {name for (name,) in served.rows("SELECT DISTINCT annotator FROM annotations")} == {"alice", "bob"}


def test_a_lead_adjudicates_in_the_review_screen_and_an_annotator_is_turned_away(served, browsers):
    from selenium.webdriver.common.by import By

    from annotator.models import Annotation
    from annotator.store import open_store

    with open_store(f"sqlite:///{served.db_path}") as store:
        claim_id = served.rows("SELECT id FROM claims ORDER BY id LIMIT 1")[0][0]
        store.annotations.save(Annotation(claim_id=claim_id, annotator="carol", label="verified"))
        store.annotations.save(Annotation(claim_id=claim_id, annotator="dan", label="unverifiable"))

    bob = browsers("bob")
    log_in(bob, served.url, "bob", PASSWORDS["bob"], screen="review")
    wait_until(lambda: "only leads can open the review screen" in bob.page_source, "bob's refusal", timeout=30)

    alice = browsers("alice")
    log_in(alice, served.url, "alice", PASSWORDS["alice"], screen="review")
    wait_until(lambda: alice.current_url == served.url + "/review", "the review page")
    wait_until(lambda: "-first-byte" in alice.find_element(By.TAG_NAME, "body").get_attribute("class"),
               "the review terminal to draw")

    def adjudicated():
        if not served.rows("SELECT count(*) FROM adjudications")[0][0]:
            press(alice, "x")  # keys sent before the screen has loaded its first claim wait or are dropped
            return False
        return True

    wait_until(adjudicated, "alice's adjudication in the database", every=2.0)
    assert served.rows("SELECT claim_id, adjudicator, label FROM adjudications") == [(claim_id, "alice", "contested")]
    assert served.rows("SELECT count(*) FROM annotations") == [(2,)], "adjudicating leaves the annotations alone"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    alice.execute_script("return new Promise(done => setTimeout(done, 1500))")
    assert alice.save_screenshot(str(ARTIFACTS / "review-screen.png"))


def test_the_served_websocket_refuses_a_connection_without_a_session_cookie(served):
    async def connect(headers: dict[str, str]) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(f"ws://127.0.0.1:{served.port}/ws", headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    assert asyncio.run(connect({})) == 403
    assert asyncio.run(connect({"Cookie": "annotator_session=guessed"})) == 403
    assert served.rows("SELECT count(*) FROM leases") == [(0,)], "no app process started for a refused socket"
