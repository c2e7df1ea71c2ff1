"""A throwaway PostgreSQL server for the test suite, started from Debian's binaries as an unprivileged user."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine, or the server would not start."""


@dataclass
class PostgresServer:
    """A running server: its port, data folder, and the OS user it runs as."""

    port: int
    data_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for one database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its data."""
        _run_as(self.run_as, [_binary("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"], check=False)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise PostgresUnavailable(f"{name} not found (install Debian's postgresql package)")


def _run_as(user: str | None, command: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise PostgresUnavailable(f"{' '.join(command)} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server() -> PostgresServer:
    """initdb a fresh cluster in a temporary folder and start it on a free loopback port."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    run_as = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    data_dir = root / "data"
    if run_as is not None:
        shutil.chown(root, user=run_as)
        root.chmod(0o700)
    _run_as(run_as, [initdb, "-D", str(data_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
    port = _free_port()
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    _run_as(run_as, [pg_ctl, "-D", str(data_dir), "-o", options, "-l", str(root / "server.log"), "-w", "start"])
    server = PostgresServer(port=port, data_dir=data_dir, run_as=run_as)
    deadline = time.monotonic() + 20
    while True:
        try:
            server.create_database("annotator_probe")
            return server
        except Exception as exc:  # server still starting
            if time.monotonic() > deadline:
                server.stop()
                raise PostgresUnavailable(f"PostgreSQL did not accept connections: {exc}") from None
            time.sleep(0.2)
