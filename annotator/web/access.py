"""Who may serve where: a public address needs logins, and a request from another site is refused."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from annotator.errors import UsageError

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_local_host(host: str) -> bool:
    """Whether `host` is reachable only from this machine (a loopback address or `localhost`)."""
    host = host.strip().strip("[]").lower()
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_can_serve(host: str, user_count: int) -> None:
    """Refuse, with a one-line reason, to serve a non-local address while no login exists."""
    if user_count == 0 and not is_local_host(host):
        raise UsageError(
            f"refusing to serve on {host}: no users exist, so anyone reaching the port could sign as anyone;"
            " add one first with `annotator users add NAME`"
        )


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower-cased, as a browser sends it in an Origin header."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower()


def public_url_problem(url: str) -> str | None:
    """Why `url` cannot be the address browsers use, or None when it can."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"--public-url must be an http:// or https:// address, got {url!r}"
    if parts.path.strip("/") or parts.query or parts.fragment:
        return f"--public-url must be the root of a site (like https://annotate.example.org), got {url!r}"
    return None
