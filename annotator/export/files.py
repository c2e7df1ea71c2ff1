"""Atomic, streaming output files: written under a temporary name in the target folder, renamed when complete.

An export interrupted by an error or a signal therefore never leaves a partial data file under its final name,
and an earlier export of the same names stays intact until the new one is whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Optional

from annotator.errors import OutputFileError, UsageError

LINES_PER_WRITE = 2048
PARTIAL_SUFFIX = ".partial"
_PARTIAL_NAME = re.compile(r"^\..+\.(?:(\d+)-)?[^.]+\.partial$")
_ORPHAN_AGE_SECONDS = 3600
"""A temporary file without its writer's process id is left alone while this young (another export may own it)."""


class AtomicJsonlFile:
    """One JSON Lines file being written: counts records and bytes and hashes the content as it goes."""

    def __init__(self, directory: Path, name: str) -> None:
        self.path = directory / name
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.{os.getpid()}-",
                                                 suffix=PARTIAL_SUFFIX)
        self.temporary_path = Path(temporary)
        os.fchmod(descriptor, 0o666 & ~current_umask())
        self._file = os.fdopen(descriptor, "wb")
        self._pending: list[str] = []
        self._sha256 = hashlib.sha256()
        self.records = 0
        self.size = 0
        self.finished = False

    def write_line(self, line: str) -> None:
        """Append one record (a JSON text without its newline)."""
        self._pending.append(line)
        self.records += 1
        if len(self._pending) >= LINES_PER_WRITE:
            self._drain()

    def write_text(self, text: str) -> None:
        """Append raw text (for single-document files such as the manifest)."""
        self._drain()
        self._write_bytes(text.encode("utf-8"))

    @property
    def sha256(self) -> str:
        """Hex digest of everything written so far (final once `finish` has run)."""
        return self._sha256.hexdigest()

    def finish(self) -> None:
        """Flush everything to disk under the temporary name (once; later calls do nothing)."""
        if self.finished:
            return
        self.finished = True
        self._drain()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def publish(self) -> None:
        """Give the finished file its final name, replacing any file of that name in one step."""
        os.replace(self.temporary_path, self.path)

    def discard(self) -> None:
        """Drop the temporary file, leaving the final name as it was."""
        if not self._file.closed:
            try:
                self._file.close()
            except OSError:  # a full disk refuses the last buffered bytes too; the file goes anyway
                pass
        self.temporary_path.unlink(missing_ok=True)

    def _drain(self) -> None:
        if self._pending:
            self._write_bytes(("\n".join(self._pending) + "\n").encode("utf-8"))
            self._pending.clear()

    def _write_bytes(self, data: bytes) -> None:
        self._file.write(data)
        self._sha256.update(data)
        self.size += len(data)


class AtomicFileSet:
    """Several files published together: all renamed after all are complete, or none when the block raises."""

    def __init__(self, directory: Path) -> None:
        self.directory = prepare_directory(directory)
        self.files: dict[str, AtomicJsonlFile] = {}

    def open(self, name: str) -> AtomicJsonlFile:
        """A new file in the set (names are unique within the set)."""
        if name in self.files:
            raise ValueError(f"{name} is already part of this export")
        handle = AtomicJsonlFile(self.directory, name)
        self.files[name] = handle
        return handle

    def publish(self) -> None:
        """Finish every file, then rename them all and make the renames durable.

        OutputFileError when the disk refuses (full, read-only): the earlier export keeps its names.
        """
        for handle in self.files.values():
            handle.finish()
        for handle in self.files.values():
            handle.publish()
        _sync_directory(self.directory)

    def discard(self) -> None:
        """Remove every temporary file of the set."""
        for handle in self.files.values():
            handle.discard()

    def __enter__(self) -> "AtomicFileSet":
        return self

    def __exit__(
        self, kind: Optional[type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        if kind is not None:
            self.discard()
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise OutputFileError(
                f"{self.directory}: cannot write the export ({reason}); nothing was replaced"
            ) from None


def current_umask() -> int:
    """The process's file-creation mask (read by setting it, then putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_orphaned_partials(directory: Path) -> None:
    """Delete temporary files left by exports that were killed (their process is gone) in `directory`."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        match = _PARTIAL_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        pid = match.group(1)
        try:
            orphaned = (not _process_alive(int(pid))) if pid else (
                time.time() - entry.stat().st_mtime > _ORPHAN_AGE_SECONDS)
            if orphaned:
                os.unlink(entry.path)
        except OSError:
            continue


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prepare_directory(directory: Path) -> Path:
    """Create the output folder if needed; a usage error naming it when that is impossible."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: exists and is not a folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{directory}: cannot create the output folder ({error.strerror})") from None
    if not os.access(directory, os.W_OK):
        raise UsageError(f"{directory}: output folder is not writable")
    try:
        descriptor, probe = tempfile.mkstemp(dir=directory, prefix=f".probe.{os.getpid()}-", suffix=PARTIAL_SUFFIX)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as error:
        raise UsageError(f"{directory}: cannot write files in the output folder ({error.strerror})") from None
    remove_orphaned_partials(directory)
    return directory


def _sync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
