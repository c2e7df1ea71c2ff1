"""A real browser (Debian's headless chromium through chromedriver) and a real `annotator serve` process."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import IN_CI, require_module

ANNOTATOR = Path(sys.executable).with_name("annotator")
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1400,900")


def require_chromium() -> None:
    """Skip on a laptop without Debian's chromium and chromium-driver; in CI (make test installs them) fail."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        message = f"{', '.join(missing)} not found (apt-get install chromium chromium-driver; make test does)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def wait_until(condition: Callable[[], object], what: str, timeout: float = 90.0, every: float = 0.2):
    """Poll `condition` until it returns something truthy; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedDatabase:
    """`annotator serve` running on a free local port over one SQLite file, stopped with its app processes."""

    def __init__(self, db_path: Path, log_path: Path, *args: str) -> None:
        assert ANNOTATOR.exists(), f"console script not found at {ANNOTATOR}"
        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [str(ANNOTATOR), "serve", "--db", f"sqlite:///{db_path}", "--port", str(self.port), *args],
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        wait_until(self._listening, f"annotator serve to listen on {self.url}", timeout=120)

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"annotator serve exited with {self.process.returncode}: {self.log_path.read_text()}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def rows(self, sql: str, *params) -> list[tuple]:
        """Rows of a query on the served database file, read as another process would."""
        with sqlite3.connect(self.db_path, timeout=10) as connection:
            return connection.execute(sql, params).fetchall()

    def signed(self, annotator: str) -> list[tuple[str, str]]:
        """(claim id, label) of every annotation signed by `annotator`, in the order they were saved."""
        return self.rows("SELECT claim_id, label FROM annotations WHERE annotator = ? ORDER BY id", annotator)

    def held(self, annotator: str) -> set[str]:
        """Claims reserved for `annotator`: the one on their screen."""
        return {row[0] for row in self.rows("SELECT claim_id FROM leases WHERE annotator = ?", annotator)}

    def stop(self) -> None:
        """End the server's process group (it and the app processes it started)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()


def open_browser(profile: Path):
    """A fresh headless chromium with its own profile folder (its own cookies: a separate browser context)."""
    webdriver = require_module("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile.mkdir(parents=True, exist_ok=True)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def log_in(browser, url: str, name: str, password: str, screen: str = "annotate") -> None:
    """Fill and send the login form, asking for the annotate or the review screen."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(url)
    wait_until(lambda: browser.find_elements(By.ID, "password"), "the login form", timeout=30)
    field = browser.find_element(By.ID, "name")
    field.clear()
    field.send_keys(name)
    browser.find_element(By.ID, "password").send_keys(password)
    Select(browser.find_element(By.ID, "screen")).select_by_value(screen)
    browser.find_element(By.ID, "login").click()


def press(browser, key: str) -> None:
    """Type `key` into the terminal in the page, as a reviewer would."""
    from selenium.webdriver.common.action_chains import ActionChains

    browser.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
    ActionChains(browser).send_keys(key).perform()
