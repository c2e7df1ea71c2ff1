"""A real full disk for tests: a tiny tmpfs where root may mount one, else a file-size limit the kernel enforces."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def mount_tiny_disk(folder: Path, size_kb: int) -> bool:
    """Mount a tmpfs of `size_kb` on `folder`; False where this machine does not allow it."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                            capture_output=True)
    return result.returncode == 0


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def full_disk(folder: Path, size_kb: int = 64) -> Iterator[Path]:
    """`folder` where writing more than about `size_kb` fails: ENOSPC on a tmpfs, else EFBIG from RLIMIT_FSIZE
    (set for this process only while the block runs; Python ignores SIGXFSZ, so the write just fails)."""
    if mount_tiny_disk(folder, size_kb):
        try:
            yield folder
        finally:
            unmount(folder)
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size_kb * 1024, hard))
    try:
        yield folder
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder`, filled before the block, cannot be written inside it, not even by root: a read-only bind mount
    where root may mount, else permissions 0555 (which bind every other user)."""
    if os.geteuid() == 0 and shutil.which("mount"):
        bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
        if bound and subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)],
                                    capture_output=True).returncode == 0:
            try:
                yield folder
            finally:
                unmount(folder)
            return
        if bound:
            unmount(folder)
    mode = folder.stat().st_mode
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, mode)
