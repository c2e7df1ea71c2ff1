"""Starting the web server: the checks that must pass before anything listens, then textual-serve's loop."""

from __future__ import annotations

from annotator.config import Settings
from annotator.errors import UsageError
from annotator.store import Store
from annotator.web.access import check_can_serve, is_local_host, public_url_problem


def serve(store: Store, settings: Settings, *, host: str, port: int, public_url: str | None = None) -> None:
    """Serve the annotate and review screens until Ctrl+C; refuses a public address without logins."""
    if public_url is not None and (problem := public_url_problem(public_url)):
        raise UsageError(problem)
    user_count = store.users.count()
    check_can_serve(host, user_count)
    from annotator.web.server import AnnotatorServer

    server = AnnotatorServer(store, database_url=settings.database_url, host=host, port=port,
                             overlap=settings.overlap, public_url=public_url)
    if user_count == 0:
        server.console.print("no users yet, so nobody can log in: add one with `annotator users add NAME --lead`",
                             highlight=False, markup=False, soft_wrap=True)
    elif not is_local_host(host) and not (public_url or "").startswith("https://"):
        server.console.print(f"serving on {host} without TLS: put it behind a reverse proxy with --public-url"
                             " https://... (see the README)", highlight=False, markup=False, soft_wrap=True)
    try:
        server.serve()
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
