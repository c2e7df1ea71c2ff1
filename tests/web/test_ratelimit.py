"""Failed logins are limited per address and per name in a sliding window."""

from __future__ import annotations

from annotator.web.ratelimit import LoginLimiter


class Clock:
    """A clock the test moves by hand, so the window is checked without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_sixth_failure_within_a_minute_waits_until_the_first_leaves_the_window():
    clock = Clock()
    limiter = LoginLimiter(max_failures=5, window_seconds=60, clock=clock)
    for _ in range(4):
        limiter.failed(["address:1", "name:alice"])
        clock.now += 1
    assert limiter.wait_seconds(["address:1", "name:alice"]) == 0
    limiter.failed(["address:1", "name:alice"])
    assert limiter.wait_seconds(["name:alice"]) == 60 - 4
    clock.now += 56
    assert limiter.wait_seconds(["name:alice"]) == 0


def test_a_name_is_limited_across_addresses_and_other_names_are_not():
    clock = Clock()
    limiter = LoginLimiter(max_failures=3, window_seconds=60, clock=clock)
    for address in range(3):
        limiter.failed([f"address:{address}", "name:alice"])
    assert limiter.wait_seconds(["address:9", "name:alice"]) > 0
    assert limiter.wait_seconds(["address:9", "name:bob"]) == 0


def test_success_clears_the_name():
    clock = Clock()
    limiter = LoginLimiter(max_failures=2, window_seconds=60, clock=clock)
    limiter.failed(["name:alice"])
    limiter.succeeded(["name:alice"])
    limiter.failed(["name:alice"])
    assert limiter.wait_seconds(["name:alice"]) == 0
