"""The temporaries revq makes beside its outputs, and the sweep of those a dead run left.

An output is written to a temporary file in its folder and renamed over the target, so that
it is never seen half-written; a large score is ordered through a scratch folder beside it.
A run killed mid-write (kill -9, out of memory, a cron timeout) leaves them behind, and under
cron they pile up. So each is locked (`flock`) for as long as it is written: the kernel drops
the lock when the process dies, however it dies. A run sweeps the folders it writes to and
removes the temporaries it can lock, those of dead runs, and never one a live run holds. An
age limit alone could not tell the two apart: it would keep a fresh leftover for an hour, or
remove a long write's file under it.

Where `fcntl` is missing (Windows), nothing is locked and nothing is swept.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# The names revq gives its temporaries (tempfile's random part: 8 of [a-z0-9_]), distinct from
# any other program's so that a sweep touches only revq's.
TEMP_SUFFIX = ".revq.tmp"
SCRATCH_PREFIX = ".revq-bands-"  # a large score ordered a band at a time, beside --out
SPOOL_PREFIX = "revq-stdin-"  # standard input kept whole, in the system's temporary folder
_TEMP_FILE = re.compile(r"^\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
_FOLDER = re.compile(
    f"^(?:{re.escape(SCRATCH_PREFIX)}|{re.escape(SPOOL_PREFIX)})" + r"[a-z0-9_]{8}$"
)


def _lock(fd: int) -> bool:
    """Lock an open temporary for this process; False when another process holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_named(fd: int, path: str) -> bool:
    """Whether `path` is still the file `fd` is open on (a sweep may have removed it between
    its making and its lock)."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


@contextlib.contextmanager
def held_temp_file(folder: Path, name: str) -> Iterator[Path]:
    """A new, empty temporary file for the output `name` in `folder`, locked until the block
    ends: write it by its path, and rename it over the output inside the block."""
    while True:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
        if _lock(fd) and _still_named(fd, tmp):
            break
        os.close(fd)  # swept before it was locked: make another
    try:
        yield Path(tmp)
    finally:
        os.close(fd)  # the lock goes with it


def _held_folder(prefix: str, folder: Path | None) -> tuple[str, int]:
    """A new folder (in the system's temporary folder when `folder` is None) and the open,
    locked descriptor that holds it."""
    while True:
        made = tempfile.mkdtemp(prefix=prefix, dir=folder)
        fd = os.open(made, os.O_RDONLY)
        if _lock(fd) and _still_named(fd, made):
            return made, fd
        os.close(fd)


@contextlib.contextmanager
def held_scratch_folder(folder: Path) -> Iterator[Path]:
    """A new scratch folder in `folder`, locked until the block ends, then removed."""
    made, fd = _held_folder(SCRATCH_PREFIX, folder)
    try:
        yield Path(made)
    finally:
        shutil.rmtree(made, ignore_errors=True)
        os.close(fd)


def spool_folder() -> Path:
    """A new folder in the system's temporary folder for standard input, locked and then
    removed when the process exits (a sweep removes it if the process is killed)."""
    made, fd = _held_folder(SPOOL_PREFIX, None)
    atexit.register(os.close, fd)
    atexit.register(shutil.rmtree, made, ignore_errors=True)  # runs first: last registered
    return Path(made)


def system_temp() -> Path:
    return Path(tempfile.gettempdir())


def sweep(folder: Path) -> int:
    """Remove the temporaries in `folder` that dead revq runs left; returns how many. A
    temporary a live run holds is left alone, and so is anything that cannot be removed."""
    if fcntl is None:  # pragma: no cover - Windows: nothing tells a live run from a dead one
        return 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        is_file = _TEMP_FILE.match(entry.name) is not None
        if not (is_file or _FOLDER.match(entry.name)):
            continue
        with contextlib.suppress(OSError):
            removed += _remove_if_dead(entry.path, is_file)
    return removed


def swept_message(removed: int, folder: Path) -> str:
    """What a run says of a sweep that removed something."""
    what = "temporary file" if removed == 1 else "temporary files"
    return f"removed {removed} {what} that an earlier revq run left in {folder}"


def _remove_if_dead(path: str, is_file: bool) -> int:
    flags = os.O_RDONLY | os.O_NOFOLLOW | (0 if is_file else os.O_DIRECTORY)
    fd = os.open(path, flags)
    try:
        if not (_lock(fd) and _still_named(fd, path)):
            return 0  # a live run's
        if is_file:
            os.unlink(path)
        else:
            shutil.rmtree(path)
        return 1
    finally:
        os.close(fd)
