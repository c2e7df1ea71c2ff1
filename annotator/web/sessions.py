"""Browser sessions held in the server's memory: a random token in a cookie maps to who logged in.

A restart logs everyone out, which is the safe side: nothing about a session lives in the browser but the token.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

SESSION_COOKIE = "annotator_session"
SESSION_SECONDS = 12 * 60 * 60


@dataclass(frozen=True)
class WebSession:
    """Who a browser logged in as, fixed on the server for as long as the session lasts."""

    annotator: str
    lead: bool
    expires_at: float


class SessionBook:
    """Tokens to sessions; a token is unguessable (256 random bits) and ends at logout or after `lifetime`."""

    def __init__(self, *, lifetime: float = SESSION_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.lifetime = lifetime
        self._clock = clock
        self._sessions: dict[str, WebSession] = {}

    def open(self, annotator: str, *, lead: bool) -> str:
        """Start a session and return its token."""
        self._drop_expired()
        token = secrets.token_urlsafe(32)
        self._sessions[token] = WebSession(annotator, lead, self._clock() + self.lifetime)
        return token

    def get(self, token: str | None) -> WebSession | None:
        """The live session for `token`, or None for a missing, unknown or expired one."""
        if not token:
            return None
        session = self._sessions.get(token)
        if session is None:
            return None
        if session.expires_at <= self._clock():
            del self._sessions[token]
            return None
        return session

    def close(self, token: str | None) -> None:
        """End the session of `token` (logout)."""
        if token:
            self._sessions.pop(token, None)

    def close_annotator(self, annotator: str) -> None:
        """End every session of `annotator` (their login was removed)."""
        for token in [token for token, session in self._sessions.items() if session.annotator == annotator]:
            del self._sessions[token]

    def _drop_expired(self) -> None:
        now = self._clock()
        for token in [token for token, session in self._sessions.items() if session.expires_at <= now]:
            del self._sessions[token]
