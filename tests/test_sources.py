"""Exports inside zip archives and gzip files load as the plain file does."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from revq.cli.app import app
from revq.errors import InputError
from revq.io.load import load_table
from revq.io.sources import exists, locate
from revq.io.stdin import stdin_suffix
from tests.conftest import ROOT, SAMPLE, run_cli

LEADS = SAMPLE / "hubspot_contacts.csv"


def zipped(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def same_load(a: Path, b: Path) -> None:
    x, y = load_table(a), load_table(b)
    assert (x.vendor, x.table, x.accounting) == (y.vendor, y.table, y.accounting)
    assert_frame_equal(x.frame, y.frame)


def test_a_named_member_of_an_archive_loads_as_the_file(tmp_path: Path) -> None:
    archive = zipped(
        tmp_path / "WE_00D_1.ZIP",
        {
            "Lead.csv": LEADS.read_bytes(),
            "exports/Signals.csv": (SAMPLE / "signals.csv").read_bytes(),
            "__MACOSX/._Lead.csv": b"\x00\x05",
            ".DS_Store": b"\x00",
            "README.pdf": b"%PDF",
        },
    )
    same_load(archive / "Lead.csv", LEADS)
    same_load(archive / "exports" / "Signals.csv", SAMPLE / "signals.csv")
    assert exists(archive / "Lead.csv") and not exists(archive / "Contact.csv")
    with pytest.raises(InputError) as several:
        load_table(archive)
    # Mac metadata, hidden files and other documents are not exports
    assert str(several.value) == (
        f"{archive}: the zip archive holds 2 exports (Lead.csv, exports/Signals.csv): "
        f"name one as {archive}/Lead.csv"
    )
    with pytest.raises(InputError, match=r"Contact.csv: not in WE_00D_1.ZIP, which holds Lead"):
        load_table(archive / "Contact.csv")


def test_an_archive_of_one_export_and_gzip_files_load_as_the_file(tmp_path: Path) -> None:
    same_load(zipped(tmp_path / "one.zip", {"contacts.csv": LEADS.read_bytes()}), LEADS)
    (tmp_path / "contacts.csv.gz").write_bytes(gzip.compress(LEADS.read_bytes()))
    same_load(tmp_path / "contacts.csv.gz", LEADS)
    # JSON Lines is told by the name under the .gz
    records = [{"Id": "1", "Email": "a@acme.com"}, {"Id": "2", "Email": "b@beta.io"}]
    text = "\n".join(json.dumps(r) for r in records).encode()
    (tmp_path / "leads.jsonl.gz").write_bytes(gzip.compress(text))
    got = load_table(tmp_path / "leads.jsonl.gz", require_table=False)
    assert got.accounting.rows_loaded == 2 and got.encoding == "json"


def test_parquet_and_workbooks_in_an_archive(tmp_path: Path) -> None:
    frame = pl.read_csv(SAMPLE / "signals.csv", infer_schema=False)
    frame.write_parquet(tmp_path / "signals.parquet")
    frame.write_excel(tmp_path / "signals.xlsx")
    archive = zipped(
        tmp_path / "both.zip",
        {n: (tmp_path / n).read_bytes() for n in ("signals.parquet", "signals.xlsx")},
    )
    for name in ("signals.parquet", "signals.xlsx"):
        same_load(archive / name, tmp_path / name)


def test_broken_archives_and_gzip_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "bad.csv.gz").write_bytes(b"\x1f\x8b\x08 truncated")
    zipped(tmp_path / "empty.zip", {"notes.txt.bak": b""})
    for name, message in (
        ("bad.zip", "is not a zip archive (or a damaged one)"),
        ("bad.csv.gz", "cannot decompress as gzip"),
        ("empty.zip", "the zip archive holds no export"),
        ("missing.zip/Lead.csv", "file not found"),
    ):
        run = run_cli(["inspect", str(tmp_path / name)])
        assert run.exit_code == 2, (name, run.stderr)
        assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr


def test_a_bad_value_in_an_archive_names_the_member_and_line(tmp_path: Path) -> None:
    text = "Record ID,Email,Create Date\n1,a@acme.com,2026-01-05\n2,b@beta.io,not a date\n"
    archive = zipped(tmp_path / "export.zip", {"contacts.csv": text.encode()})
    got = load_table(archive / "contacts.csv")
    assert got.rejects.select("source_file", "line").rows() == [(str(archive / "contacts.csv"), 3)]


def test_a_project_reads_its_leads_from_an_archive(tmp_path: Path) -> None:
    zipped(tmp_path / "export.zip", {"Contacts.csv": LEADS.read_bytes()})
    project = (SAMPLE / "revq.yaml").read_text().replace("../configs", str(ROOT / "configs"))
    for name in ("activities", "signals", "dispositions", "stage_history", "opportunities"):
        project = project.replace(f"{name}.csv", str(SAMPLE / f"{name}.csv"))
    (tmp_path / "revq.yaml").write_text(
        project.replace("hubspot_contacts.csv", "export.zip/Contacts.csv")
    )
    args = ["-q", "score", "--as-of", "2026-10-31", "-f", "csv"]
    from_archive, from_file = run_cli(args, cwd=tmp_path), run_cli(args, cwd=SAMPLE)
    assert from_archive.exit_code == 0, from_archive.stderr
    assert from_archive.stdout == from_file.stdout
    report = run_cli(["report", "--weekly", "--as-of", "2026-10-31", "-o", "-"], cwd=tmp_path)
    assert report.exit_code == 0, report.stderr
    # provenance hashes the export itself, not the archive around it
    assert hashlib.sha256(LEADS.read_bytes()).hexdigest() in report.stdout


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", ".xlsx"),
        (b"PK\x03\x04\x14\x00\x00\x00Lead.csv", ".zip"),
        (gzip.compress(b"Lead ID,Email\n1,a@x.com\n", mtime=0), ".csv.gz"),
        (gzip.compress(b'{"Id": "1"}\n{"Id": "2"}\n', mtime=0), ".jsonl.gz"),
    ],
)
def test_stdin_archives_and_gzip_are_named_for_what_they_hold(data: bytes, suffix: str) -> None:
    assert stdin_suffix(data) == suffix


def test_locate_keeps_plain_files_plain(tmp_path: Path) -> None:
    source = locate(LEADS)
    assert source.plain and source.readable() == LEADS and source.suffix == ".csv"
    gz = tmp_path / "x.csv.gz"
    gz.write_bytes(gzip.compress(b"a,b\n1,2\n"))
    assert isinstance(locate(gz).readable(), io.BytesIO) and locate(gz).read() == b"a,b\n1,2\n"


def test_inspect_lists_what_an_archive_of_several_exports_holds(tmp_path: Path) -> None:
    members = {
        "Contacts.csv": LEADS.read_bytes(),
        "Activities.csv": (SAMPLE / "activities.csv").read_bytes(),
        "Notes.csv": b"Note ID,Body\n1,hello\n",
        "Broken.json": b'{"records": [',
    }
    archive = zipped(tmp_path / "export.zip", members)
    run = run_cli(["inspect", str(archive), "-f", "json"])
    assert run.exit_code == 0, run.stderr
    got = {r["member"]: r for r in json.loads(run.stdout)["exports"]}
    assert list(got) == ["Activities.csv", "Broken.json", "Contacts.csv", "Notes.csv"]
    assert (got["Contacts.csv"]["vendor"], got["Contacts.csv"]["table"]) == ("hubspot", "leads")
    assert got["Activities.csv"]["table"] == "activities"
    assert got["Contacts.csv"]["bytes"] == len(members["Contacts.csv"])
    assert got["Notes.csv"]["table"] is None and got["Notes.csv"]["note"]
    assert got["Broken.json"]["note"].startswith("invalid JSON")
    assert f"inspect one as {archive}/Activities.csv" in run.stderr


def test_a_piped_archive_of_several_exports_says_to_save_it(tmp_path: Path) -> None:
    archive = zipped(
        tmp_path / "two.zip", {"a.csv": LEADS.read_bytes(), "b.csv": LEADS.read_bytes()}
    )
    run = CliRunner().invoke(app, ["inspect", "-"], input=archive.read_bytes())
    assert run.exit_code == 2
    said = " ".join(re.sub("[│╭╮╰╯─]", " ", run.stderr).split())  # the usage error's panel
    assert "is a zip archive of 2 exports (a.csv, b.csv): save it" in said
    one = zipped(tmp_path / "one.zip", {"contacts.csv": LEADS.read_bytes()})
    run = CliRunner().invoke(app, ["-q", "inspect", "-", "-f", "json"], input=one.read_bytes())
    assert run.exit_code == 0 and json.loads(run.stdout)["rows_loaded"] == 5_000
