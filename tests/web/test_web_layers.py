"""`annotator users` manages logins without loading the web server, the UI or spaCy."""

from __future__ import annotations

import subprocess
import sys

RUNNER = """
import sys
from annotator.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    heavy = ("textual", "textual_serve", "aiohttp", "spacy")
    print("LOADED:" + ",".join(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def test_users_commands_load_no_server_ui_or_spacy(tmp_path):
    db = f"sqlite:///{tmp_path / 'users.db'}"
    for args, stdin in ((["users", "add", "alice", "--password-stdin"], "harbour-1200\n"), (["users", "list"], "")):
        result = subprocess.run([sys.executable, "-c", RUNNER, *args, "--db", db], input=stdin, capture_output=True,
                                text=True, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stderr
        loaded = result.stderr.rsplit("LOADED:", 1)[1].strip()
        assert loaded == "", f"annotator {' '.join(args)} loaded {loaded}"
