"""`revq score` and `revq explain` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
import yaml

from revq.config.scoring import load_scoring
from revq.io.writers import csv_text
from tests.conftest import FIXTURES, ROOT, SAMPLE, realdata, run_cli

BAD = FIXTURES / "scoring" / "bad"
CASES: list[dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text())
AS_OF = ["--as-of", "2026-10-31"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_config_errors_before_scoring(case: dict[str, Any], tmp_path: Path) -> None:
    shutil.copy(BAD / case["file"], tmp_path / case["file"])
    shutil.copy(FIXTURES / "ingest" / "crlf.csv", tmp_path / "leads.csv")
    result = run_cli(["score", "leads.csv", "--config", case["file"]], cwd=tmp_path)
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"revq: error: {case['message']}"), last
    assert result.stdout == ""


def test_config_errors_come_before_reading_data(tmp_path: Path) -> None:
    shutil.copy(BAD / "between_text.yaml", tmp_path / "s.yaml")
    result = run_cli(["score", "no_such_file.csv", "--config", "s.yaml"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "between" in result.stderr and "no_such_file" not in result.stderr


def test_validate_knows_scoring_configs() -> None:
    result = run_cli(["validate", str(ROOT / "configs" / "scoring.yaml")])
    assert result.exit_code == 0, result.stderr
    assert "valid scoring config" in result.stderr
    schema = json.loads(run_cli(["config", "schema", "scoring"]).stdout)
    assert "fit" in schema["properties"]


def test_score_outputs_are_deterministic(tmp_path: Path) -> None:
    outs = []
    for name in ("a.csv", "b.csv"):
        result = run_cli(
            [
                "score",
                *AS_OF,
                "--out",
                str(tmp_path / name),
                "--explain-out",
                str(tmp_path / f"ledger-{name}"),
            ],
            cwd=SAMPLE,
        )
        assert result.exit_code == 0, result.stderr
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert (tmp_path / "ledger-a.csv").read_bytes() == (tmp_path / "ledger-b.csv").read_bytes()
    frame = pl.read_csv(tmp_path / "a.csv")
    assert frame.columns[:2] == ["lead_id", "email"]
    for col in (
        "fit_score",
        "intent_score",
        "signal_score",
        "negative_score",
        "total_score",
        "fit_grade",
        "quadrant",
        "stage",
        "why_now",
        "next_action",
        "owner",
        "top_reasons",
    ):
        assert col in frame.columns
    # documented order: total score descending, then lead id
    keys = list(zip(frame["total_score"], frame["lead_id"].cast(pl.String), strict=True))
    assert keys == sorted(keys, key=lambda k: (-k[0], k[1]))


def test_a_pandas_style_parquet_export_scores_like_the_csv(tmp_path: Path) -> None:
    """The same contacts as pandas would write them: numbers with gaps as floats with NaN,
    picklists as categoricals, ids as integers. The scored output is byte-identical."""
    contacts = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema_length=None)
    gaps = pl.int_range(pl.len()) % 7 == 0
    contacts = contacts.with_columns(
        pl.when(~gaps).then(pl.col("Number of Employees")).alias("Number of Employees")
    )
    contacts.write_csv(tmp_path / "contacts.csv")
    contacts.with_columns(
        pl.col("Number of Employees").cast(pl.Float64).fill_null(float("nan")),
        pl.col("Industry", "Country/Region", "Original Source", "Lifecycle Stage").cast(
            pl.Categorical
        ),
    ).write_parquet(tmp_path / "contacts.parquet")
    outs = []
    for name in ("contacts.csv", "contacts.parquet"):
        leads = str(tmp_path / name)
        result = run_cli(["-q", "score", leads, *AS_OF, "--format", "csv"], cwd=SAMPLE)
        assert result.exit_code == 0, result.stderr
        outs.append(result.stdout)
    assert outs[0] == outs[1]


def test_ledger_sums_to_the_scores(tmp_path: Path) -> None:
    run_cli(
        [
            "score",
            *AS_OF,
            "-o",
            str(tmp_path / "s.parquet"),
            "--explain-out",
            str(tmp_path / "l.parquet"),
        ],
        cwd=SAMPLE,
    )
    got = duckdb.execute(
        f"""select max(abs(s.total_score - l.total)) from '{tmp_path}/s.parquet' s
            join (select lead_id, sum(points) total from '{tmp_path}/l.parquet' group by 1) l
            using (lead_id)"""
    ).fetchone()
    assert got is not None and got[0] < 0.006


def test_score_table_and_summary() -> None:
    result = run_cli(["score", *AS_OF, "--top", "5"], cwd=SAMPLE)
    assert result.exit_code == 0
    assert "top 5 of 5,000 leads by score, as of 2026-10-31" in result.stdout
    assert "scored 5,000 leads" in result.stderr
    assert "by stage:" in result.stderr and "gates hit:" in result.stderr
    assert "scored" not in result.stdout


def test_score_by_account() -> None:
    result = run_cli(["score", *AS_OF, "--by", "account", "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"account_key", "contacts", "engaged_contacts", "engaged_roles", "mqa"} <= set(rows[0])
    assert sum(r["contacts"] for r in rows) <= 5000
    assert any(r["mqa"] for r in rows)
    # MQA follows its definition: enough engaged contacts and enough summed intent
    for r in rows:
        assert r["mqa"] == (r["engaged_contacts"] >= 2 and r["account_intent"] >= 20)


def test_explain_shows_ledger_and_decision_path() -> None:
    scored = json.loads(run_cli(["score", *AS_OF, "-f", "json"], cwd=SAMPLE).stdout)
    top = scored[0]
    result = run_cli(["explain", str(top["lead_id"]), *AS_OF], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    assert f"total {top['total_score']:g}" in result.stdout
    assert "quadrant" in result.stdout and f"stage {top['stage']}" in result.stdout
    ledger = json.loads(run_cli(["explain", str(top["lead_id"]), *AS_OF, "-f", "json"],
                                cwd=SAMPLE).stdout)  # fmt: skip
    assert abs(sum(r["points"] for r in ledger) - top["total_score"]) < 0.006
    missing = run_cli(["explain", "nope", *AS_OF], cwd=SAMPLE)
    assert missing.exit_code == 2 and "no lead with id 'nope'" in missing.stderr


def test_bad_as_of_is_a_usage_error() -> None:
    result = run_cli(["score", "--as-of", "31/10/2026"], cwd=SAMPLE)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_x_education_scores_without_leaking_the_outcome(tmp_path: Path) -> None:
    leads = realdata("x-education-leads", "Leads.csv")
    config = ROOT / "configs" / "x-education-scoring.yaml"
    compiled = load_scoring(config)
    assert not {"Tags", "Lead Quality", "Converted", "is_converted"} & set(compiled.lead_refs)
    out = tmp_path / "x.csv"
    result = run_cli(["score", str(leads), "--load-config",
                      str(ROOT / "configs" / "x-education.yaml"), "--config", str(config),
                      "--as-of", "2026-11-01", "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rates = dict(
        duckdb.execute(
            f"""select s.stage, avg(l."Converted") from '{out}' s
                join read_csv('{leads}') l on l."Prospect ID" = s.lead_id group by 1"""
        ).fetchall()
    )
    # the outcome was never an input, yet the stages separate it
    assert rates["sales_ready"] > 0.7 > rates["nurture"] > 0.3 > rates["disqualified"]


def test_score_writes_a_workbook_and_tsv(tmp_path: Path) -> None:
    for target in ("a/leads.xlsx", "b/leads.xlsx", "leads.csv", "leads.tsv"):
        result = run_cli(["-q", "score", *AS_OF, "--out", str(tmp_path / target)], cwd=SAMPLE)
        assert result.exit_code == 0, result.stderr
    workbook = tmp_path / "a" / "leads.xlsx"
    # same rows, same bytes (the workbook's creation time is fixed)
    assert workbook.read_bytes() == (tmp_path / "b" / "leads.xlsx").read_bytes()
    from_csv = pl.read_csv(tmp_path / "leads.csv", infer_schema_length=None)
    from_tsv = pl.read_csv(tmp_path / "leads.tsv", separator="\t", infer_schema_length=None)
    from_xlsx = pl.read_excel(workbook, sheet_name="leads")
    assert from_tsv.equals(from_csv)
    assert from_xlsx.columns == from_csv.columns
    # the workbook reader types whole-number scores as integers: compare the numbers
    scores = [c for c, t in from_csv.schema.items() if t == pl.Float64]
    assert (
        from_xlsx.with_columns(pl.col(scores).cast(pl.Float64))
        .cast(pl.String)
        .equals(from_csv.cast(pl.String))
    )


def test_an_output_type_revq_cannot_write_is_refused_before_work(tmp_path: Path) -> None:
    result = run_cli(["-q", "score", *AS_OF, "--out", str(tmp_path / "leads.xls")], cwd=SAMPLE)
    assert result.exit_code == 2
    assert "cannot write a '.xls' file; name it .csv, .tsv, .json, .jsonl, .parquet or .xlsx" in (
        result.stderr
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_a_workbook_refuses_more_rows_than_a_sheet_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revq.errors import RevqError
    from revq.io import writers

    monkeypatch.setattr(writers, "EXCEL_MAX_ROWS", 3)  # header + 2 rows
    writers.write_frame_atomic(tmp_path / "ok.xlsx", pl.DataFrame({"a": [1, 2]}))
    with pytest.raises(RevqError, match="3 rows do not fit in a worksheet"):
        writers.write_frame_atomic(tmp_path / "big.xlsx", pl.DataFrame({"a": [1, 2, 3]}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.xlsx"]  # no temp file left


def test_parquet_bytes_do_not_depend_on_how_the_frame_is_chunked(tmp_path: Path) -> None:
    """A large result arrives in chunks whose boundaries vary with thread timing; the file
    written must depend only on the values, or re-runs would not be byte-identical."""
    from revq.io.writers import write_frame_atomic

    n = 300_000
    frame = pl.DataFrame(
        {
            "lead_id": [f"L{i}" for i in range(n)],
            "next_action": [f"Route to team {i % 7} now" for i in range(n)],
            "total_score": [float(i % 101) for i in range(n)],
        }
    )
    pieces = [frame.slice(0, 1_000), frame.slice(1_000, 150_000), frame.slice(151_000)]
    chunked = pl.concat(pieces, rechunk=False)
    assert chunked.n_chunks() == 3 and chunked.equals(frame)
    write_frame_atomic(tmp_path / "one.parquet", frame)
    write_frame_atomic(tmp_path / "three.parquet", chunked)
    assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "three.parquet").read_bytes()


def test_summary_lists_stages_and_quadrants_in_order_gates_most_frequent_first() -> None:
    from revq.core.scoring.metrics import lead_counts
    from revq.render.score_view import lead_summary

    result = pl.DataFrame(
        {
            "stage": ["nurture", "mql", "disqualified", "disqualified", "disqualified", "pql"],
            "quadrant": ["ignore", "ignore", "ignore", "qualify_carefully", "ignore", "ignore"],
            "gate": [None, None, "student", "competitor", "competitor", None],
            "owner": [None, "Kim", None, None, None, None],
        }
    )
    # Stages from the furthest along, however many each holds; gates by count, then name.
    assert lead_summary(lead_counts(result)) == [
        "scored 6 leads",
        "  by stage: mql 1, pql 1, nurture 1, disqualified 3",
        "  by quadrant: qualify_carefully 1, ignore 5",
        "  gates hit: competitor 2, student 1",
    ]
    assert "gates hit" not in "".join(
        lead_summary(lead_counts(result.filter(pl.col("gate").is_null())))
    )


def test_scoring_metrics_on_a_tiny_run() -> None:
    from revq.core.scoring.metrics import lead_counts, scoring_metrics

    result = pl.DataFrame(
        {
            "stage": ["sales_ready", "mql", "signal_qualified", "nurture", "disqualified"],
            "quadrant": ["prioritise_now"] * 3 + ["ignore"] * 2,
            "gate": [None, None, None, None, "competitor"],
            "owner": ["Kim", None, None, "Kim", None],
        }
    )
    got = scoring_metrics(lead_counts(result), rows_read=8, rows_rejected=2)
    assert got["leads"] == 5 and got["sales_ready"] == 1 and got["pql"] == 0
    assert got["handoffs"] == 3 and got["handoff_rate"] == 3 / 5
    assert got["unowned_handoffs"] == 2  # the mql and the signal-qualified lead
    assert got["gated"] == 1 and got["gated_rate"] == 1 / 5
    assert got["rows_rejected"] == 2 and got["rejected_rate"] == 2 / 8
    empty = scoring_metrics(lead_counts(result.clear()), rows_read=0, rows_rejected=0)
    assert empty["leads"] == 0 and empty["handoff_rate"] is None


def test_score_fail_on(tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    ran = run_cli(["score", *AS_OF, "--out", str(out)], cwd=SAMPLE)
    assert ran.exit_code == 0, ran.stderr
    scored = pl.read_csv(out, infer_schema=False)
    handoff = pl.col("stage").is_in(["sales_ready", "mql", "signal_qualified", "pql"])
    handoffs = scored.filter(handoff).height
    rate = handoffs / scored.height
    assert 0 < handoffs < scored.height

    def exit_code(condition: str, *extra: str) -> tuple[int, str, str]:
        result = run_cli(["score", *AS_OF, *extra, "--fail-on", condition], cwd=SAMPLE)
        return result.exit_code, result.stdout, result.stderr

    code, stdout, stderr = exit_code(f"handoffs>={handoffs}")
    assert code == 1 and "top 20 of" in stdout  # the output comes first
    assert f"--fail-on met: handoffs>={handoffs} (is {handoffs})" in stderr
    assert exit_code(f"handoffs>{handoffs}")[0] == 0
    assert exit_code(f"handoff_rate>={rate:.6f}", "--format", "csv")[0] == 1
    assert exit_code(f"handoff_rate>{rate + 1e-6:.6f}", "--format", "csv")[0] == 0
    # the sample routes every hand-off to a rep, and its export loads without rejects
    assert exit_code("unowned_handoffs>0,rejected_rate>0", "--out", str(out))[0] == 0
    assert exit_code(f"leads<{scored.height + 1}", "--by", "account")[0] == 1
    code, stdout, stderr = exit_code("owners>0")
    assert code == 2 and stdout == "" and "unknown metric 'owners'" in stderr


def test_score_fail_on_unowned_handoffs(tmp_path: Path) -> None:
    # Without routing a hand-off keeps the export's owner: blank those, and it has none.
    config = yaml.safe_load((ROOT / "configs" / "scoring.yaml").read_text())
    del config["routing"]
    (tmp_path / "scoring.yaml").write_text(yaml.safe_dump(config))
    leads = pl.read_csv(SAMPLE / "hubspot_contacts.csv", infer_schema=False)
    owners = pl.when(pl.col("Record ID").str.ends_with("7")).then(pl.col("Contact owner"))
    leads.with_columns(owners).write_csv(tmp_path / "leads.csv")
    args = [
        "score",
        str(tmp_path / "leads.csv"),
        *AS_OF,
        "--config",
        str(tmp_path / "scoring.yaml"),
    ]
    out = tmp_path / "scored.parquet"
    result = run_cli([*args, "--out", str(out)], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    scored = pl.read_parquet(out)
    handoff = pl.col("stage").is_in(["sales_ready", "mql", "signal_qualified", "pql"])
    unowned = scored.filter(handoff & pl.col("owner").is_null()).height
    assert 0 < unowned < scored.filter(handoff).height
    result = run_cli([*args, "--fail-on", f"unowned_handoffs=={unowned}"], cwd=SAMPLE)
    assert result.exit_code == 1
    assert f"unowned_handoffs=={unowned} (is {unowned})" in result.stderr


def test_streamed_writes_are_the_bytes_of_collected_ones(tmp_path: Path) -> None:
    """--out .parquet/.csv/.tsv streams the result to the file; it must be the file the
    collected frame gives, awkward values (quotes, commas, newlines, nulls, times) included."""
    from datetime import UTC, datetime, timedelta

    from revq.io.writers import sink_frame_atomic, write_frame_atomic

    n = 300_000  # more than one row group and one morsel
    frame = pl.DataFrame(
        {
            "text": [
                f'x "{i}", y\n' if i % 97 == 0 else (None if i % 13 == 0 else f"L{i}")
                for i in range(n)
            ],
            "number": [i / 7 if i % 5 else None for i in range(n)],
            "at": [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=i) for i in range(n)],
            "flag": [i % 3 == 0 for i in range(n)],
        }
    )
    for suffix in (".parquet", ".csv", ".tsv"):
        written, streamed = tmp_path / f"w{suffix}", tmp_path / f"s{suffix}"
        write_frame_atomic(written, frame)
        sink_frame_atomic(streamed, frame.lazy())
        assert written.read_bytes() == streamed.read_bytes(), suffix


def test_score_out_file_equals_stdout_and_summary(tmp_path: Path) -> None:
    shown = run_cli(["score", *AS_OF, "--format", "csv"], cwd=SAMPLE)
    assert shown.exit_code == 0, shown.stderr
    for name in ("leads.csv", "leads.parquet"):
        target = tmp_path / name
        result = run_cli(["score", *AS_OF, "--out", str(target)], cwd=SAMPLE)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        if name.endswith("parquet"):
            assert csv_text(pl.read_parquet(target)) == shown.stdout
        else:
            assert target.read_text() == shown.stdout
        summary = [x for x in result.stderr.splitlines() if x.startswith(("scored", "  "))]
        assert summary == [x for x in shown.stderr.splitlines() if x.startswith(("scored", "  "))]
        assert summary[0] == f"scored {pl.read_csv(shown.stdout.encode()).height:,} leads"


def test_terminal_table_is_the_head_of_the_full_ranking() -> None:
    """The table path scores the top rows and counts the rest without collecting them: it
    must show what the full output starts with, less the leads converted already (the call
    list is of leads to work), and the same summary."""
    full = run_cli(["score", *AS_OF, "--format", "csv"], cwd=SAMPLE)
    table = run_cli(["score", *AS_OF, "--top", "7"], cwd=SAMPLE)
    assert full.exit_code == 0 and table.exit_code == 0, table.stderr
    ranked = pl.read_csv(full.stdout.encode(), infer_schema=False)
    expected = ranked.filter(pl.col("stage") != "converted").head(7)
    assert ranked.head(7)["stage"].to_list() != expected["stage"].to_list()  # one is left out
    first_cells = [line.split(" ")[0] for line in table.stdout.splitlines()]
    shown = [cell for cell in first_cells if cell.isdigit()]
    assert shown == expected["lead_id"].to_list()
    assert "top 7 of 5,000 leads" in table.stdout

    def summary(err: str) -> list[str]:
        return [x for x in err.splitlines() if x.startswith(("scored", "  "))]

    assert summary(table.stderr) == summary(full.stderr)
    assert len(summary(table.stderr)) >= 3


def test_explain_names_the_owner_score_routes_to(tmp_path: Path) -> None:
    """Round-robin gives a lead its turn among all its team's leads: explaining a few leads
    must not route them as if they were the only ones."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(ROOT / "configs", tmp_path / "configs")
    contacts = project / "hubspot_contacts.csv"
    frame = pl.read_csv(contacts, infer_schema=False)
    frame.with_columns(pl.lit(None, dtype=pl.String).alias("Contact owner")).write_csv(contacts)
    scored = run_cli(["score", *AS_OF, "--format", "csv"], cwd=project)
    assert scored.exit_code == 0, scored.stderr
    routed = pl.read_csv(scored.stdout.encode(), infer_schema=False).filter(
        pl.col("owner").is_not_null()
    )
    picks = routed.head(6)
    assert picks["owner"].n_unique() > 2  # the teams' turns are in play
    result = run_cli(["explain", *picks["lead_id"].to_list(), *AS_OF], cwd=project)
    assert result.exit_code == 0, result.stderr
    shown = [line.split() for line in result.stdout.splitlines()]
    owners = [" ".join(words[1:]) for words in shown if words[:1] == ["owner"]]
    assert owners == picks["owner"].to_list()


@pytest.mark.parametrize("case", [c for c in CASES if "unknown column" not in c["message"]])
def test_validate_finds_what_scoring_would(case: dict[str, Any], tmp_path: Path) -> None:
    # every mistake but a column the leads lack can be told from the config alone
    shutil.copy(BAD / case["file"], tmp_path / case["file"])
    result = run_cli(["validate", case["file"]], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"revq: error: {case['message']}"), result.stderr


def test_a_duplicates_activities_count_for_the_record_kept(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,last_activity_at\n"
        "L1,ann@acme.com,2026-01-01\nL2,Ann@Acme.com ,2026-02-01\nL3,bo@acme.com,2026-01-05\n"
    )
    (tmp_path / "activities.csv").write_text(
        "lead_id,activity_type,occurred_at\nL1,demo_request,2026-03-01\nL3,demo_request,2026-03-02\n"
    )
    (tmp_path / "s.yaml").write_text(
        "intent:\n  events:\n    rules:\n"
        "      - {name: demo, when: {column: activity_type, equals: demo_request}, points: 25}\n"
    )
    args = ["--config", "s.yaml", "--activities", "activities.csv", "--as-of", "2026-03-31"]
    run = run_cli(["score", "leads.csv", *args, "-f", "json"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    # L1 was merged into L2 (same email, later activity): its demo request is L2's now
    got = {r["lead_id"]: r["intent_score"] for r in json.loads(run.stdout)}
    assert got == {"L2": 25.0, "L3": 25.0}
    assert "1 activity counts for the record kept, of leads merged as duplicates" in run.stderr
    explain = run_cli(["explain", "L1", "--leads", "leads.csv", *args], cwd=tmp_path)
    assert explain.exit_code == 2
    assert "lead 'L1' was merged into 'L2', the record kept for it" in explain.stderr


def test_merges_the_crm_recorded_are_followed(tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(
        "Record ID,Email,Job Title,Last Activity Date,Merged record IDs\n"
        "K,kim@acme.com,,2026-01-01,A;B:1661707291575\n"
        "A,kim.old@acme.com,VP Sales,2026-02-01,\n"
        "Z,zed@acme.com,CTO,,\n"
    )
    (tmp_path / "activities.csv").write_text(
        "lead_id,activity_type,occurred_at\n"
        "A,demo_request,2026-03-01\nB,demo_request,2026-03-02\nZ,demo_request,2026-03-03\n"
    )
    (tmp_path / "s.yaml").write_text(
        "fit:\n  rules:\n"
        "    - {name: vp, when: {column: title, contains: VP}, points: 10}\n"
        "intent:\n  events:\n    rules:\n"
        "      - {name: demo, when: {column: activity_type, equals: demo_request}, points: 25}\n"
    )
    args = ["--config", "s.yaml", "--activities", "activities.csv", "--as-of", "2026-03-31"]
    run = run_cli(["score", "contacts.csv", *args, "-f", "json"], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    # HubSpot merged A and B into K: A's stale row folds into K (K wins though A's activity is
    # later; the title K lacks comes from A), and the demos under A and B are K's
    got = {r["lead_id"]: (r["fit_score"], r["intent_score"]) for r in json.loads(run.stdout)}
    assert got == {"K": (10.0, 50.0), "Z": (0.0, 25.0)}
    assert "read 3 rows = 2 loaded + 1 duplicates merged" in run.stderr
    assert "2 activities count for the record kept" in run.stderr
    explain = run_cli(["explain", "B", "--leads", "contacts.csv", *args], cwd=tmp_path)
    assert explain.exit_code == 2 and "lead 'B' was merged into 'K'" in explain.stderr


def test_a_merge_loop_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,master_record_id\nA,a@acme.com,B\nB,b@acme.com,A\n"
    )
    run = run_cli(["inspect", "leads.csv"], cwd=tmp_path)
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.startswith("revq: error: leads.csv:2: column 'master_record_id':"), run.stderr
    assert "merged into a record that was merged back into it" in run.stderr


def test_explain_out_without_a_format_writes_the_file_by_its_suffix(tmp_path: Path) -> None:
    """`revq explain ID --out e.csv` wrote nothing and printed the table (exit 0)."""
    lead = json.loads(run_cli(["score", *AS_OF, "-f", "json"], cwd=SAMPLE).stdout)[0]["lead_id"]
    as_json = json.loads(run_cli(["explain", str(lead), *AS_OF, "-f", "json"], cwd=SAMPLE).stdout)
    for name in ("e.csv", "e.json"):
        result = run_cli(["explain", str(lead), *AS_OF, "--out", str(tmp_path / name)], cwd=SAMPLE)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        path = tmp_path / name
        rows = json.loads(path.read_text()) if name.endswith(".json") else pl.read_csv(path)
        assert len(rows) == len(as_json)


def test_regexes_are_checked_as_polars_reads_them(tmp_path: Path) -> None:
    """A POSIX class and a Unicode class are valid in polars' (Rust's) regexes: the config
    validates without Python's warning about them; a bad repetition is named."""
    shutil.copy(FIXTURES / "ingest" / "crlf.csv", tmp_path / "leads.csv")
    for pattern, problem in [
        ("[[:upper:]]{3}", None),
        ("\\\\p{Lu}", None),
        ("a{2,1}", "invalid repetition count range"),
    ]:
        (tmp_path / "s.yaml").write_text(
            "version: 1\nfit:\n  rules:\n"
            f'    - {{name: caps, when: {{column: title, regex: "{pattern}"}}, points: 5}}\n'
        )
        result = run_cli(["validate", "s.yaml"], cwd=tmp_path)
        if problem is None:
            assert result.exit_code == 0, result.stderr
            assert "Warning" not in result.stderr, result.stderr
        else:
            assert result.exit_code == 2
            assert problem in result.stderr and len(result.stderr.strip().splitlines()) == 1
