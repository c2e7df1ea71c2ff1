"""textual-serve with a login in front: each browser session runs the app process as the user who logged in.

`AnnotatorServer` subclasses textual-serve's `Server`, adding the login routes, a middleware that turns away
requests without a session, and a websocket handler that starts `annotator annotate` (or `review`, for leads)
with the session's name as `--annotator`. The name comes from the server, never from the browser.
"""

from __future__ import annotations

import asyncio
import shlex
import sys
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from annotator.store import Store
from annotator.web.access import origin_of
from annotator.web.logins import authenticate
from annotator.web.ratelimit import LoginLimiter
from annotator.web.sessions import SESSION_COOKIE, SessionBook, WebSession

TEMPLATES = Path(__file__).with_name("templates")
OPEN_PATHS = ("/login", "/static/")
SCREENS = {"/ws": "annotate", "/ws/review": "review"}
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def redirect(location: str) -> web.Response:
    """A 303 to `location`, so a POSTed form becomes a GET of the next page."""
    return web.Response(status=303, headers={"Location": location})


class AppProcess(AppService):
    """One app process per browser connection, with the database passed in its environment (not on `ps`)."""

    def __init__(self, command: str, *, environment: dict[str, str], **kwargs) -> None:
        super().__init__(command, **kwargs)
        self.extra_environment = environment

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.extra_environment)
        return environment


class AnnotatorServer(Server):
    """The annotate screen (and review, for leads) in the browser, behind a login."""

    def __init__(self, store: Store, *, database_url: str, host: str = "127.0.0.1", port: int = 8000,
                 overlap: int | None = None, public_url: str | None = None,
                 limiter: LoginLimiter | None = None, sessions: SessionBook | None = None) -> None:
        super().__init__("annotator", host=host, port=port, title="annotator", public_url=public_url)
        self.store = store
        self.database_url = database_url
        self.overlap = overlap
        self.fixed_public_url = public_url.rstrip("/") if public_url else None
        self.secure_cookie = bool(self.fixed_public_url and self.fixed_public_url.startswith("https://"))
        self.limiter = limiter or LoginLimiter()
        self.sessions = sessions or SessionBook()

    # -- the aiohttp application -------------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(TEMPLATES),
                                                              jinja2.FileSystemLoader(self.templates_path)]),
                             autoescape=True)
        app.middlewares.append(self.require_session)
        app.add_routes([
            web.get("/login", self.handle_login_page, name="login"),
            web.post("/login", self.handle_login, name="login_post"),
            web.post("/logout", self.handle_logout, name="logout"),
            web.get("/logout", self.handle_logout, name="logout_link"),
            web.get("/review", self.handle_index, name="review"),
            web.get("/ws/review", self.handle_websocket, name="review_websocket"),
        ])
        return app

    def make_app(self) -> "asyncio.Future[web.Application]":
        """The aiohttp application, for a runner or a test client."""
        return self._make_app()

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"annotator serve: open {self.fixed_public_url or self.public_url} in a browser"
                           f" (database {self.store.db.url}); Ctrl+C stops", highlight=False, markup=False, soft_wrap=True)

    # -- who is asking ------------------------------------------------------------------------------------------

    def session_of(self, request: web.Request) -> WebSession | None:
        """The live session the request's cookie names, if any."""
        return self.sessions.get(request.cookies.get(SESSION_COOKIE))

    def same_site(self, request: web.Request) -> bool:
        """Whether a browser request comes from our own pages (no Origin header: not a cross-site browser request)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        allowed = {origin_of(str(request.url.origin()))}
        if self.fixed_public_url:
            allowed.add(origin_of(self.fixed_public_url))
        return origin.lower() in allowed

    @web.middleware
    async def require_session(self, request: web.Request, handler) -> web.StreamResponse:
        """Everything but the login page and static files needs a session; review needs a lead."""
        response = self.refusal(request) or await handler(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def refusal(self, request: web.Request) -> web.StreamResponse | None:
        """The answer to a request that may not go on (a redirect to the login page, or 403), else None."""
        if request.path.startswith(OPEN_PATHS):
            return None
        session = self.session_of(request)
        if session is None:
            if request.method == "GET" and request.path in ("/", "/review"):
                return redirect("/login")
            return web.Response(status=403, text="log in first\n")
        if request.path.endswith("/review") and not session.lead:
            return web.Response(status=403, text="only leads can open the review screen\n")
        return None

    # -- login and logout ---------------------------------------------------------------------------------------

    def login_page(self, request: web.Request, *, message: str = "", name: str = "",
                   status: int = 200) -> web.Response:
        response = aiohttp_jinja2.render_template(
            "login.html", request,
            {"message": message, "name": name, "action": "/login"},
            status=status,
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_login_page(self, request: web.Request) -> web.StreamResponse:
        if self.session_of(request) is not None:
            return redirect("/")
        return self.login_page(request)

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        if not self.same_site(request):
            raise web.HTTPForbidden(text="login from another site refused\n")
        form = await request.post()
        name = str(form.get("name", "")).strip()
        password = str(form.get("password", ""))
        screen = "review" if form.get("screen") == "review" else "annotate"
        keys = [f"address:{request.remote}", f"name:{name.lower()}"]
        wait = self.limiter.wait_seconds(keys)
        if wait > 0:
            return self.login_page(request, name=name, status=429,
                                   message=f"Too many failed logins: try again in {int(wait) + 1} seconds.")
        loop = asyncio.get_running_loop()
        user = await loop.run_in_executor(None, authenticate, self.store, name, password)
        if user is None:
            self.limiter.failed(keys)
            return self.login_page(request, name=name, status=401, message="Wrong name or password.")
        self.limiter.succeeded([f"name:{name.lower()}"])
        token = self.sessions.open(user.name, lead=user.lead)
        target = "/review" if screen == "review" else "/"
        response = redirect(target)
        response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Strict", secure=self.secure_cookie,
                            path="/", max_age=int(self.sessions.lifetime))
        return response

    async def handle_logout(self, request: web.Request) -> web.StreamResponse:
        if not self.same_site(request):
            raise web.HTTPForbidden(text="logout from another site refused\n")
        self.sessions.close(request.cookies.get(SESSION_COOKIE))
        response = redirect("/login")
        response.del_cookie(SESSION_COOKIE, path="/")
        return response

    # -- the app pages and their websockets ----------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The textual-serve page, pointing at the websocket of the requested screen."""
        review = request.path.endswith("/review")
        base = self.fixed_public_url or str(request.url.origin())
        scheme, rest = base.split(":", 1)
        websocket = ("wss:" if scheme == "https" else "ws:") + rest + ("/ws/review" if review else "/ws")
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": "annotator review" if review else "annotator"},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    def app_command(self, session: WebSession, screen: str) -> str:
        """The shell command of one app process: the screen, with the session's name as the annotator."""
        words = [sys.executable, "-m", "annotator", screen, "--annotator", session.annotator]
        if screen == "annotate" and self.overlap:
            words += ["--overlap", str(self.overlap)]
        return shlex.join(words)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start the session's app process and relay the browser to it; refused without a session or login."""
        session = self.session_of(request)
        screen = SCREENS.get(request.path, "annotate")
        if session is None or not self.same_site(request):
            raise web.HTTPForbidden(text="log in first\n")
        loop = asyncio.get_running_loop()
        user = await loop.run_in_executor(None, self.store.users.get, session.annotator)
        if user is None or (screen == "review" and not user.lead):
            self.sessions.close(request.cookies.get(SESSION_COOKIE))
            raise web.HTTPForbidden(text="this login no longer allows that\n")

        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        app_process = AppProcess(
            self.app_command(session, screen),
            environment={"ANNOTATOR_DB": self.database_url},
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await app_process.start(width, height)
            await self._process_messages(websocket, app_process)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            await app_process.stop()
        return websocket
