"""The login in front of textual-serve, driven over real HTTP on a local port (no browser needed)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from annotator.web.ratelimit import LoginLimiter
from annotator.web.server import AnnotatorServer
from annotator.web.sessions import SESSION_COOKIE
from tests.web.conftest import PASSWORDS

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@asynccontextmanager
async def started(store, **kwargs) -> AsyncIterator[TestClient]:
    """The server's aiohttp app on a free local port, and a client with its own cookie jar."""
    server = AnnotatorServer(store, database_url=str(store.db.engine.url), **kwargs)
    client = TestClient(TestServer(await server.make_app()))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


async def log_in(client: TestClient, name: str, password: str | None = None, screen: str = "annotate"):
    return await client.post("/login", data={"name": name, "password": password or PASSWORDS[name], "screen": screen},
                             allow_redirects=False)


async def test_pages_need_a_login_and_a_wrong_password_is_refused(web_store):
    async with started(web_store) as client:
        response = await client.get("/", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/login"
        response = await log_in(client, "alice", "not-her-password")
        assert response.status == 401
        assert "Wrong name or password." in await response.text()
        assert SESSION_COOKIE not in response.cookies
        assert (await client.get("/", allow_redirects=False)).status == 303


async def test_the_session_cookie_is_httponly_and_samesite(web_store):
    async with started(web_store) as client:
        response = await log_in(client, "alice")
        assert response.status == 303 and response.headers["Location"] == "/"
        set_cookie = response.headers["Set-Cookie"]
        assert set_cookie.startswith(f"{SESSION_COOKIE}=")
        assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and "Path=/" in set_cookie
        page = await client.get("/", allow_redirects=False)
        assert page.status == 200
        assert 'data-session-websocket-url="ws://127.0.0.1:' in await page.text()
        assert page.headers["X-Frame-Options"] == "DENY"


async def test_the_cookie_is_secure_behind_https(web_store):
    async with started(web_store, public_url="https://annotate.example.org") as client:
        response = await log_in(client, "alice")
        assert "Secure" in response.headers["Set-Cookie"]
        cookie = f"{SESSION_COOKIE}={response.cookies[SESSION_COOKIE].value}"
        page = await client.get("/", headers={"Cookie": cookie}, allow_redirects=False)
        assert 'data-session-websocket-url="wss://annotate.example.org/ws"' in await page.text()


async def test_logins_are_rate_limited_then_allowed_again(web_store):
    clock = Clock()
    async with started(web_store, limiter=LoginLimiter(max_failures=5, window_seconds=60, clock=clock)) as client:
        for _ in range(5):
            assert (await log_in(client, "bob", "guess-guess")).status == 401
        refused = await log_in(client, "bob")
        assert refused.status == 429
        assert "Too many failed logins" in await refused.text()
        assert SESSION_COOKIE not in refused.cookies
        clock.now += 61
        assert (await log_in(client, "bob")).status == 303


async def test_only_leads_open_the_review_screen(web_store):
    async with started(web_store) as client:
        response = await log_in(client, "bob", screen="review")
        assert response.headers["Location"] == "/review"
        refused = await client.get("/review", allow_redirects=False)
        assert refused.status == 403 and "only leads" in await refused.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as error:
            await client.ws_connect("/ws/review")
        assert error.value.status == 403
        assert (await client.get("/", allow_redirects=False)).status == 200
    async with started(web_store) as client:
        await log_in(client, "alice", screen="review")
        page = await client.get("/review", allow_redirects=False)
        assert page.status == 200 and "/ws/review" in await page.text()


async def test_a_websocket_without_a_session_is_refused(web_store):
    async with started(web_store) as client:
        for path in ("/ws", "/ws/review", "/ws?width=80&height=24"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as error:
                await client.ws_connect(path)
            assert error.value.status == 403
        client.session.cookie_jar.update_cookies({SESSION_COOKIE: "made-up-token"})
        with pytest.raises(aiohttp.WSServerHandshakeError) as error:
            await client.ws_connect("/ws")
        assert error.value.status == 403


async def test_a_websocket_from_another_site_is_refused_even_with_a_session(web_store):
    async with started(web_store) as client:
        await log_in(client, "alice")
        with pytest.raises(aiohttp.WSServerHandshakeError) as error:
            await client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
        assert error.value.status == 403
        refused = await client.post("/login", data={"name": "alice", "password": PASSWORDS["alice"]},
                                    headers={"Origin": "http://evil.example"}, allow_redirects=False)
        assert refused.status == 403


async def test_a_removed_login_cannot_start_a_screen(web_store):
    async with started(web_store) as client:
        await log_in(client, "bob")
        web_store.users.remove("bob")
        with pytest.raises(aiohttp.WSServerHandshakeError) as error:
            await client.ws_connect("/ws")
        assert error.value.status == 403
        assert (await client.get("/", allow_redirects=False)).status == 303


async def test_logout_ends_the_session(web_store):
    async with started(web_store) as client:
        await log_in(client, "alice")
        assert (await client.post("/logout", allow_redirects=False)).status == 303
        assert (await client.get("/", allow_redirects=False)).status == 303
        await log_in(client, "alice")
        assert (await client.get("/logout", allow_redirects=False)).headers["Location"] == "/login"
        assert (await client.get("/", allow_redirects=False)).status == 303


def test_the_app_command_names_the_session_annotator_and_quotes_it(web_store):
    from annotator.web.sessions import WebSession

    server = AnnotatorServer(web_store, database_url="sqlite:///x.db", overlap=2)
    command = server.app_command(WebSession("o'brien", False, 0.0), "annotate")
    assert command.endswith("-m annotator annotate --annotator 'o'\"'\"'brien' --overlap 2")
    assert "x.db" not in command
