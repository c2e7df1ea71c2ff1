"""Reading inputs: files and folders of .txt, .jsonl/.json article records and (optionally) .html into Articles."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlparse

from annotator.errors import InputFileError
from annotator.extract.dates import parse_published
from annotator.extract.decode import decode_bytes
from annotator.extract.ids import article_id
from annotator.extract.parse import ParsedArticle, parse_article
from annotator.models import Article

TEXT_SUFFIXES = {".txt", ".text"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES
_RECORD_TEXT_FIELDS = ("text", "body", "content")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class ReadWarning:
    """Something the user should know about a file that was still read (a few bytes that are not UTF-8)."""

    message: str


def read_inputs(
    paths: list[Path], *, event: Optional[str] = None
) -> Iterator[Article | InputFileError | ReadWarning]:
    """Yield an Article per readable article, an InputFileError per bad file or record, in path order, and a
    ReadWarning before the articles of a file that was read with a repair.

    Folders are searched recursively for readable suffixes; a file named explicitly is read whatever its
    suffix (as text unless it is a record or HTML file). One bad file never stops the others.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            for file in files:
                yield from read_file(file, event=event)
        elif path.exists():
            yield from read_file(path, event=event)
        else:
            yield InputFileError(f"{path}: no such file or directory")


def read_file(path: Path, *, event: Optional[str] = None) -> Iterator[Article | InputFileError | ReadWarning]:
    """Articles from one file (several for JSONL), or the error that explains why it cannot be read."""
    if _LONE_SURROGATE.search(str(path)):
        yield InputFileError(f"{_printable_path(path)}: the file name is not valid UTF-8; rename the file")
        return
    warnings: list[str] = []
    try:
        data = path.read_bytes()
        text = decode_bytes(data, path, warnings)
    except OSError as exc:
        yield InputFileError(f"{path}: cannot read ({exc.strerror or exc})")
        return
    except InputFileError as exc:
        yield exc
        return
    for warning in warnings:
        yield ReadWarning(warning)
    folder_event = event if event is not None else _folder_name(path)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        yield from _records(path, text, event, _folder_name(path))
    elif suffix in HTML_SUFFIXES:
        yield _html_article(path, text, data, folder_event)
    else:
        parsed = parse_article(text)
        yield _article(parsed, source=str(path), content_hash=_hash_bytes(data), event=folder_event)


def article_from_text(text: str, *, source: str, event: Optional[str] = None) -> Article:
    """An Article from plain article text held in memory (tests, benchmarks, other front ends)."""
    parsed = parse_article(text)
    return _article(parsed, source=source, content_hash=_hash_bytes(text.encode("utf-8")), event=event)


def outlet_from_url(url: Optional[str]) -> Optional[str]:
    """The publisher's domain of a URL without "www." ("https://www.rte.ie/news" -> "rte.ie")."""
    if not url:
        return None
    host = urlparse(url.strip()).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _records(
    path: Path, text: str, event: Optional[str], folder: Optional[str]
) -> Iterator[Article | InputFileError]:
    """Article records from a JSON list, a JSON object or JSON Lines; a record's own `event` field is used
    unless an event was given, and the folder name when neither is."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            loaded = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            loaded = None
        if loaded is not None:
            items = loaded if isinstance(loaded, list) else [loaded]
            for index, item in enumerate(items, 1):
                yield _guarded_record_article(path, f"record {index}", item, event, folder)
            return
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFileError(f"{path}:{line_number}: not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield InputFileError(f"{path} (line {line_number}): JSON nested too deeply to be an article record")
            continue
        yield _guarded_record_article(path, f"line {line_number}", item, event, folder)


def _guarded_record_article(
    path: Path, where: str, item: Any, event: Optional[str], folder: Optional[str]
) -> Article | InputFileError:
    try:
        return _record_article(path, where, item, event, folder)
    except RecursionError:
        return InputFileError(f"{path} ({where}): JSON nested too deeply to be an article record")


def _record_article(
    path: Path, where: str, item: Any, event: Optional[str], folder: Optional[str]
) -> Article | InputFileError:
    if not isinstance(item, dict):
        return InputFileError(f"{path} ({where}): an article record must be a JSON object")
    broken = _field_with_lone_surrogate(item)
    if broken is not None:
        return InputFileError(
            f"{path} ({where}): field '{broken}' holds a lone surrogate escape (such as \\ud800), which is not text"
        )
    body_text = next((item[key] for key in _RECORD_TEXT_FIELDS if isinstance(item.get(key), str)), None)
    if body_text is None or not body_text.strip():
        return InputFileError(f"{path} ({where}): record has no text (expected a 'text' or 'body' field)")
    title = item.get("title") if isinstance(item.get("title"), str) else None
    parsed = parse_article(body_text, with_header=False)
    if title is not None:
        parsed.title = title.strip()
    url = item.get("url") if isinstance(item.get("url"), str) else None
    parsed.url = url or parsed.url
    if item.get("published") is not None:
        parsed.published = parse_published(str(item["published"])) or parsed.published
    record_id = item.get("id")
    source = str(record_id) if record_id not in (None, "") else f"{path}:{where.split()[-1]}"
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    outlet = item.get("outlet") if isinstance(item.get("outlet"), str) else None
    own_event = item.get("event") if isinstance(item.get("event"), str) and item["event"].strip() else None
    record_event = event or own_event or folder
    return _article(parsed, source=source, content_hash=_hash_bytes(canonical.encode("utf-8")),
                    event=record_event, outlet=outlet)


def _html_article(path: Path, text: str, data: bytes, event: Optional[str]) -> Article | InputFileError:
    try:
        import trafilatura
    except ImportError:
        return InputFileError(f"{path}: reading HTML needs the optional package trafilatura (pip install trafilatura)")
    extracted = trafilatura.extract(text, output_format="json", with_metadata=True)
    if not extracted:
        return InputFileError(f"{path}: no article text found in the HTML")
    meta = json.loads(extracted)
    parsed = parse_article(meta.get("text") or "", with_header=False)
    parsed.title = meta.get("title")
    parsed.url = meta.get("source") or meta.get("url")
    parsed.published = parse_published(meta.get("date"))
    if not parsed.paragraphs:
        return InputFileError(f"{path}: no article text found in the HTML")
    return _article(parsed, source=str(path), content_hash=_hash_bytes(data), event=event,
                    outlet=meta.get("sitename") or None)


def _article(parsed: ParsedArticle, *, source: str, content_hash: str, event: Optional[str],
             outlet: Optional[str] = None) -> Article:
    return Article(
        id=article_id(source, content_hash),
        source=source,
        url=parsed.url,
        title=parsed.title,
        outlet=outlet or outlet_from_url(parsed.url),
        published=parsed.published,
        body=parsed.body,
        event=event,
        content_hash=content_hash,
    )


def _field_with_lone_surrogate(record: dict[str, Any]) -> Optional[str]:
    """The dotted name of the first key or string holding half a UTF-16 pair (JSON allows `\\ud800` alone;
    no text does, and no database or file can store it). Walked without recursion: records nest deeply."""
    pending: list[tuple[str, Any]] = [("", record)]
    while pending:
        name, value = pending.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                return name
        elif isinstance(value, dict):
            for key, child in value.items():
                key_name = f"{name}.{key}" if name else str(key)
                if _LONE_SURROGATE.search(str(key)):
                    return _LONE_SURROGATE.sub("?", key_name)
                pending.append((key_name, child))
        elif isinstance(value, list):
            pending.extend((f"{name}[{index}]", child) for index, child in enumerate(value))
    return None


def _printable_path(path: Path) -> str:
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _folder_name(path: Path) -> Optional[str]:
    name = path.resolve().parent.name
    return name or None


def _hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
