"""Where an export's bytes are: a file, a gzip-compressed file (`leads.csv.gz`, as a warehouse
unloads), or a member of a zip archive (Salesforce's weekly Data Export, an export a CRM sends
as a zip): `export.zip` when it holds one export, `export.zip/Lead.csv` to name one of several.

Messages name the export as the user did (`export.zip/Lead.csv:12: ...`)."""

from __future__ import annotations

import errno
import fnmatch
import glob
import gzip
import hashlib
import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from revq.errors import InputError

DATA_SUFFIXES = (
    ".csv",
    ".tsv",
    ".txt",
    ".tab",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".xlsb",
    ".ods",
    ".parquet",
    ".pq",
    ".json",
    ".ndjson",
    ".jsonl",
)


@dataclass(frozen=True)
class Source:
    """An export: the path as named, the type of the data it holds, and how to get at it."""

    path: Path
    suffix: str  # of the data: ".csv" for leads.csv.gz and for export.zip/Lead.csv
    file: Path  # the file on disk
    member: str | None = None  # in the zip archive `file`
    gzipped: bool = False

    @property
    def plain(self) -> bool:
        return self.member is None and not self.gzipped

    def read(self) -> bytes:
        if self.member is not None:
            try:
                with zipfile.ZipFile(self.file) as archive:
                    return archive.read(self.member)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
                # RuntimeError: an encrypted member; NotImplementedError: an unknown method
                raise InputError(self.path, f"cannot read from the zip archive: {exc}") from None
        data = self.file.read_bytes()
        if self.gzipped:
            try:
                return gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(self.path, f"cannot decompress as gzip: {exc}") from None
        return data

    def head(self, size: int) -> bytes:
        """The first bytes of the export, without reading (or decompressing) the rest."""
        if self.plain:
            with self.file.open("rb") as handle:
                return handle.read(size)
        if self.gzipped:
            try:
                with gzip.open(self.file) as handle:
                    return handle.read(size)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(self.path, f"cannot decompress as gzip: {exc}") from None
        try:
            with zipfile.ZipFile(self.file) as archive, archive.open(str(self.member)) as handle:
                return handle.read(size)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
            raise InputError(self.path, f"cannot read from the zip archive: {exc}") from None

    def readable(self) -> Path | io.BytesIO:
        """What a reader that takes a file or its bytes (Parquet, workbooks) is given: the
        file itself when it is plain, so that it can be read without a copy."""
        return self.file if self.plain else io.BytesIO(self.read())

    def sha256(self) -> str:
        """Of the export's own bytes (a zip member's, once decompressed)."""
        digest = hashlib.sha256()
        if not self.plain:
            digest.update(self.read())
            return digest.hexdigest()
        with self.file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def locate(path: Path) -> Source:
    """The export a path names; an error naming what is there when it names none."""
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix == ".gz":
            return Source(path, Path(path.stem).suffix.lower() or ".csv", path, gzipped=True)
        if suffix == ".zip":
            return _only_member(path)
        return Source(path, suffix, path)
    if path.is_dir():
        raise InputError(path, "is a folder, expected a file")
    archive = next((p for p in path.parents if p.is_file()), None)
    if archive is None or archive.suffix.lower() != ".zip":
        raise not_found(path)
    member = path.relative_to(archive).as_posix()
    names = _data_members(archive)
    if member not in names:
        raise InputError(path, f"not in {archive.name}, which holds {_listing(names)}")
    return Source(path, PurePosixPath(member).suffix.lower(), archive, member=member)


def is_loop(path: Path) -> bool:
    """Whether a path cannot be followed for a symbolic link loop, in it or at its end."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def not_found(path: Path) -> InputError:
    """Why a path names no file: a symbolic link loop, a link to nothing, or nothing at all."""
    if is_loop(path):
        return InputError(path, "is a symbolic link loop")
    if path.is_symlink():
        return InputError(path, f"is a symbolic link to {os.readlink(path)}, which is not there")
    return InputError(path, "file not found")


def resolved(path: Path) -> Path:
    """The absolute path with symbolic links followed, to tell whether two paths name one
    file. Unlike Path.resolve() (a RuntimeError in Python 3.11), a symbolic link loop does
    not raise here: the loop is named where the file is opened or written."""
    return Path(os.path.realpath(path))


def refuse_loop(path: Path) -> None:
    """An output named by a symbolic link loop: a rename over it would replace the link."""
    if is_loop(path):
        raise InputError(path, "is a symbolic link loop")


def is_pattern(path: Path) -> bool:
    """Whether a path is a wildcard pattern (`exports/activity_*.csv`) rather than one export:
    a file named with a wildcard character is the file."""
    return any(c in path.name or c in path.parent.as_posix() for c in "*?[") and not exists(path)


def matches(path: Path) -> list[Path]:
    """The exports a path names: itself, or every export a pattern matches, in name order (the
    order their rows are read in). A pattern may name the members of a zip archive
    (`export.zip/Lead*.csv`). A pattern that matches nothing is an error, not an empty input."""
    if not is_pattern(path):
        return [path]
    found = matching(path)
    if not found:
        raise InputError(path, "no export matches this pattern")
    return found


def present(path: Path) -> bool:
    """Whether a path names at least one export: a file, a zip member, or a pattern's match."""
    return exists(path) or (is_pattern(path) and bool(matching(path)))


def matching(path: Path) -> list[Path]:
    """A pattern's exports in name order; none when it matches none."""
    archive = next((p for p in path.parents if p.is_file()), None)
    if archive is not None and archive.suffix.lower() == ".zip":
        wanted = path.relative_to(archive).as_posix()
        found = [archive / m for m in _data_members(archive) if fnmatch.fnmatchcase(m, wanted)]
    else:
        found = sorted(
            (Path(p) for p in glob.glob(str(path)) if Path(p).is_file() and _is_export(Path(p))),
            key=lambda p: p.as_posix(),
        )
    return found


def _is_export(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(DATA_SUFFIXES) or name.endswith(".zip")


def exists(path: Path) -> bool:
    """Whether a path names an export: a file, or a member of a zip archive."""
    if path.is_file():
        return True
    archive = next((p for p in path.parents if p.is_file()), None)
    if archive is None or archive.suffix.lower() != ".zip":
        return False
    try:
        return path.relative_to(archive).as_posix() in _data_members(archive)
    except InputError:
        return False


def archive_exports(archive: Path) -> list[str]:
    """The exports a zip archive holds, in name order."""
    return _data_members(archive)


def several_exports(path: Path) -> list[tuple[str, int]] | None:
    """The exports of a zip archive holding more than one, with their sizes (uncompressed);
    None for anything else."""
    if not (path.is_file() and path.suffix.lower() == ".zip"):
        return None
    names = _data_members(path)
    if len(names) < 2:
        return None
    with zipfile.ZipFile(path) as z:
        return [(n, z.getinfo(n).file_size) for n in names]


def _only_member(archive: Path) -> Source:
    names = _data_members(archive)
    if len(names) != 1:
        what = "no export" if not names else f"{len(names)} exports ({_listing(names)})"
        hint = f": name one as {archive}/{names[0]}" if names else ""
        raise InputError(archive, f"the zip archive holds {what}{hint}")
    member = names[0]
    return Source(archive, PurePosixPath(member).suffix.lower(), archive, member=member)


def _data_members(archive: Path) -> list[str]:
    """The archive's data files, in name order: not folders, nor the metadata a Mac adds."""
    try:
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
    except zipfile.BadZipFile:
        raise InputError(archive, "is not a zip archive (or a damaged one)") from None
    return sorted(
        n
        for n in names
        if not n.endswith("/")
        and not n.startswith("__MACOSX/")
        and not PurePosixPath(n).name.startswith(".")
        and PurePosixPath(n).suffix.lower() in DATA_SUFFIXES
    )


def _listing(names: list[str], most: int = 8) -> str:
    if not names:
        return "no export"
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
