"""`revq audit rejections`: every figure against DuckDB on the raw files, the planted patterns
of the sample data, --fail-on, and the X Education export."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from revq.core.audit import Code, classify_reasons, wilson_bounds
from tests.conftest import ROOT, SAMPLE, realdata, run_cli

AS_OF = ["--as-of", "2026-10-31"]
DISP = f"read_csv('{SAMPLE}/dispositions.csv', all_varchar = true)"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = run_cli(["audit", "rejections", *AS_OF, "-f", "json"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def one(sql: str) -> tuple[Any, ...]:
    row = duckdb.execute(sql).fetchone()
    assert row is not None
    return row


def test_overall_against_duckdb(report: dict[str, Any]) -> None:
    n, open_, accepted, rejected, recycled, missing = one(
        f"""select count(*), count(*) filter (where disposition = 'open'),
                   count(*) filter (where disposition in ('accepted', 'converted')),
                   count(*) filter (where disposition = 'rejected'),
                   count(*) filter (where disposition = 'recycled'),
                   count(*) filter (where disposition = 'rejected'
                                    and (reason is null or trim(reason) = ''))
            from {DISP}"""
    )
    o = report["overall"]
    decided = n - open_
    assert (o["dispositions"], o["open"], o["decided"]) == (n, open_, decided)
    assert (o["accepted"], o["rejected"], o["recycled"]) == (accepted, rejected, recycled)
    assert o["rejection_rate"] == round(rejected / decided, 4)
    assert o["acceptance_rate"] == round(accepted / decided, 4)
    assert o["missing_reason"] == missing
    assert o["missing_reason_rate"] == round(missing / rejected, 4)
    (median,) = one(
        f"""select median(epoch(cast(disposition_at as timestamptz)
                               - cast(handed_off_at as timestamptz)) / 3600)
            from {DISP} where disposition <> 'open'"""
    )
    assert o["median_hours_to_disposition"] == pytest.approx(median, abs=0.01)


def test_by_reason_against_duckdb(report: dict[str, Any]) -> None:
    # the sample's labels, mapped by hand onto the canonical codes
    rows = duckdb.execute(
        f"""select case
              when reason is null then '(missing)'
              when lower(reason) in ('not a decision maker', 'not the dm', 'wrong person')
                then 'not_decision_maker'
              when lower(reason) in ('no budget', 'budget - none this year') then 'no_budget'
              when lower(reason) in ('unresponsive', 'no response after 3 attempts')
                then 'unresponsive'
              when lower(reason) in ('chose competitor', 'went with competitor')
                then 'competitor_chosen'
              when lower(reason) in ('bad timing', 'bad timing - revisit in 6 months', 'not now')
                then 'bad_timing'
              when lower(reason) = 'bad fit - industry' then 'bad_fit_industry'
              when lower(reason) in ('too small', 'bad fit - company size') then 'bad_fit_size'
              when lower(reason) in ('outside territory', 'country not served')
                then 'bad_fit_geography'
              when lower(reason) in ('student', 'spam', 'competitor')
                then 'student_or_competitor_or_spam'
              when lower(reason) = 'duplicate' then 'duplicate' end as code, count(*)
            from {DISP} where disposition = 'rejected' group by 1"""
    ).fetchall()
    assert {r["reason_code"]: r["rejected"] for r in report["by_reason"]} == dict(rows)
    assert report["overall"]["unmapped_reason"] == 0


def test_by_source_rates_and_wilson_intervals(report: dict[str, Any]) -> None:
    rows = duckdb.execute(
        f"""select h."Original Source", count(*),
                   count(*) filter (where d.disposition = 'rejected')
            from {DISP} d join read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar = true) h
              on h."Record ID" = d.lead_id
            where d.disposition <> 'open' group by 1"""
    ).fetchall()
    total_n = sum(r[1] for r in rows)
    total_k = sum(r[2] for r in rows)
    got = {r["lead_source"]: r for r in report["by_source"]}
    assert set(got) == {r[0] for r in rows}
    for source, n, k in rows:
        r = got[source]
        assert (r["decided"], r["rejected"]) == (n, k)
        # Wilson interval by its textbook formula, z = 1.96
        p, z = k / n, 1.959963984540054
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        assert r["ci_low"] == pytest.approx(centre - half, abs=1e-4)
        assert r["ci_high"] == pytest.approx(centre + half, abs=1e-4)
        rest_high = wilson_bounds(total_k - k, total_n - n)[1]
        assert r["outsized"] == (centre - half > rest_high)


def test_reason_mix_per_group(report: dict[str, Any]) -> None:
    rows = duckdb.execute(
        f"""select reason is null, count(*) from {DISP} d
            join read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar = true) h
              on h."Record ID" = d.lead_id
            where d.disposition = 'rejected' and h."Original Source" = 'Purchased List'
            group by 1"""
    ).fetchall()
    counts = dict(rows)
    share = round(100 * counts[True] / (counts[True] + counts[False]))
    purchased = next(r for r in report["by_source"] if r["lead_source"] == "Purchased List")
    assert f"(missing) {share}%" in purchased["reasons"]


def test_planted_patterns_are_found(report: dict[str, Any]) -> None:
    flags = report["flags"]
    assert flags["outsized_rejection"]["lead_source"] == ["Purchased List"]
    silent = [r["rep"] for r in flags["missing_reasons_by_rep"]]
    assert silent == ["Dana Whitfield"]
    by_month = report["by"]["month"]
    assert len(by_month) >= 9


def test_recycle_list(tmp_path: Path) -> None:
    out = tmp_path / "recycle.csv"
    result = run_cli(
        ["audit", "rejections", *AS_OF, "-f", "json", "--recycle-out", str(out)], cwd=SAMPLE
    )
    assert result.exit_code == 0
    frame = pl.read_csv(out)
    (expected,) = one(
        f"""select count(*) from {DISP} where disposition = 'recycled'
            or (disposition = 'rejected' and (lower(reason) like 'bad timing%'
                or lower(reason) in ('not now', 'no budget', 'budget - none this year',
                                     'unresponsive', 'no response after 3 attempts')))"""
    )
    assert frame.height == expected
    assert frame["recheck_on"].is_not_null().all()
    assert json.loads(result.stdout)["recycle"]["total"] == expected


def test_fail_on_exit_codes() -> None:
    met = run_cli(
        ["audit", "rejections", *AS_OF, "-f", "json", "--fail-on", "missing_reason_rate>0.05"],
        cwd=SAMPLE,
    )
    assert met.exit_code == 1
    assert "missing_reason_rate>0.05" in met.stderr
    assert json.loads(met.stdout)["overall"]["missing_reason"] > 0  # output written first
    fine = run_cli(
        ["audit", "rejections", *AS_OF, "-f", "json", "--fail-on", "rejection_rate>0.9"], cwd=SAMPLE
    )
    assert fine.exit_code == 0
    bad = run_cli(["audit", "rejections", "--fail-on", "nonsense>1"], cwd=SAMPLE)
    assert bad.exit_code == 2 and "unknown metric 'nonsense'" in bad.stderr


def test_markdown_and_since_until() -> None:
    md = run_cli(
        [
            "audit",
            "rejections",
            *AS_OF,
            "-f",
            "md",
            "--by",
            "lead_source",
            "--since",
            "2026-05-01",
            "--until",
            "2026-05-31",
        ],
        cwd=SAMPLE,
    )
    assert md.exit_code == 0, md.stderr
    assert md.stdout.startswith("# Rejection audit")
    assert "| lead_source |" in md.stdout
    (n,) = one(f"""select count(*) from {DISP}
                   where cast(disposition_at as timestamptz) >= timestamptz '2026-05-01 00:00+00'
                     and cast(disposition_at as timestamptz) < timestamptz '2026-06-01 00:00+00'""")
    js = json.loads(
        run_cli(
            [
                "audit",
                "rejections",
                *AS_OF,
                "-f",
                "json",
                "--since",
                "2026-05-01",
                "--until",
                "2026-05-31",
            ],
            cwd=SAMPLE,
        ).stdout
    )
    assert js["overall"]["dispositions"] == n


def test_unmapped_labels_are_reported_not_dropped() -> None:
    codes = (
        Code("other", "disqualify", None, ("Other",), ()),
        Code("bad_timing", "recycle", 90, ("Not now",), ("^later",)),
    )
    d = pl.LazyFrame({"reason": ["not  NOW", "Later this year", "Weird", None, " "]})
    got = classify_reasons(d, codes).collect()["reason_code"].to_list()
    assert got == ["bad_timing", "bad_timing", "(unmapped)", "(missing)", "(missing)"]


def test_x_education_audit() -> None:
    leads = realdata("x-education-leads", "Leads.csv")
    result = run_cli(
        [
            "audit",
            "rejections",
            str(leads),
            "--load-config",
            str(ROOT / "configs" / "x-education-dispositions.yaml"),
            "--reasons",
            str(ROOT / "configs" / "x-education-reasons.yaml"),
            "--by",
            "Lead Source,Lead Origin",
            "-f",
            "json",
        ]
    )
    assert result.exit_code == 0, result.stderr
    o = json.loads(result.stdout)["overall"]
    # SOURCE.md: 3,561 converted, 5,679 not
    assert (o["accepted"], o["rejected"]) == (3561, 5679)
    assert o["unmapped_reason"] == 0
    # "Lead Source" is the header the canonical lead_source comes from: the cut is kept by it
    by_source = json.loads(result.stdout)["by"]["Lead Source"]
    assert sum(r["decided"] for r in by_source) == 9240
    (google,) = one(f"""select count(*) from read_csv('{leads}') where "Lead Source" = 'Google'""")
    assert {r["Lead Source"]: r["decided"] for r in by_source}["Google"] == google
    (missing,) = one(f"""select count(*) from read_csv('{leads}')
                         where "Converted" = 0 and "Tags" is null""")
    assert o["missing_reason"] == missing


@pytest.mark.parametrize(
    ("file", "vendor", "expected"),
    [
        (
            "hubspot_lead_status.csv",
            "hubspot",
            {"accepted": 1, "rejected": 2, "recycled": 1, "open": 1, "missing_reason": 1},
        ),
        (
            "salesforce_lead_status.csv",
            "salesforce",
            {"accepted": 2, "rejected": 1, "recycled": 0, "open": 0, "missing_reason": 0},
        ),
    ],
)
def test_vendor_lead_status_exports(
    file: str, vendor: str, expected: dict[str, int], tmp_path: Path
) -> None:
    from shutil import copy

    from tests.conftest import FIXTURES

    copy(FIXTURES / "dispositions" / file, tmp_path / file)
    copy(ROOT / "configs" / "reasons.yaml", tmp_path / "reasons.yaml")
    result = run_cli(
        ["audit", "rejections", file, "--reasons", "reasons.yaml", "--by", "rep", "-f", "json"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert f"{vendor} dispositions" in result.stderr
    o = json.loads(result.stdout)["overall"]
    assert {k: o[k] for k in expected} == expected


def test_miscalibration_against_duckdb(tmp_path: Path) -> None:
    scored = tmp_path / "scored.csv"
    assert run_cli(["score", *AS_OF, "-o", str(scored)], cwd=SAMPLE).exit_code == 0
    result = run_cli(
        ["audit", "rejections", *AS_OF, "--leads", str(scored), "-f", "json"], cwd=SAMPLE
    )
    assert result.exit_code == 0, result.stderr
    mis = json.loads(result.stdout)["flags"]["miscalibration"]
    ready, low = one(
        f"""select count(*) filter (where d.disposition = 'rejected'
                                    and s.stage in ('sales_ready', 'mql')),
                   count(*) filter (where d.disposition in ('accepted', 'converted')
                                    and s.stage = 'disqualified')
            from {DISP} d join read_csv('{scored}', all_varchar = true) s using (lead_id)"""
    )
    assert (mis["rejected_but_sales_ready"], mis["accepted_but_scored_low"]) == (ready, low)


def test_separation_by_hand() -> None:
    from revq.core.audit import separation

    d = pl.DataFrame(
        {
            "lead_id": ["a", "b", "c", "d"],
            "disposition": ["accepted", "accepted", "rejected", "rejected"],
            "top_reasons": ["+25.0 demo, +10.0 size", "+10.0 size", "+10.0 size", "-20.0 gmail"],
            "why_now": ["funding on 2026-01-01 (x)", None, None, None],
        }
    )
    got = {r["factor"]: r for r in separation(d).to_dicts()}
    # demo: 1 of 2 accepted, 0 of 2 rejected; gmail: 0 vs 1 of 2; size: 2 of 2 vs 1 of 2
    assert got["demo"]["difference"] == 0.5
    assert got["gmail"]["difference"] == -0.5
    assert got["size"]["among_accepted"] == 1.0 and got["size"]["among_rejected"] == 0.5
    assert got["signal:funding"]["among_accepted"] == 0.5


def test_an_audit_without_a_taxonomy_uses_the_built_in_one(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "dispositions.csv", tmp_path / "dispositions.csv")
    args = ["audit", "rejections", "dispositions.csv", "--as-of", "2026-10-31", "-f", "json"]
    result = run_cli(args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "using revq's built-in one" in result.stderr
    given = run_cli([*args, "--reasons", str(ROOT / "configs" / "reasons.yaml")], cwd=tmp_path)
    assert result.stdout == given.stdout  # the built-in taxonomy is the documented one


def test_unmapped_labels_listed_most_frequent_first_ties_by_text(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    shutil.copytree(ROOT / "configs", tmp_path / "configs")
    extra = [
        f"9{i:07d},rejected,{label},Lena Vogel,2026-06-01T10:00:00Z,,2026-06-02T10:00:00Z"
        for i, label in enumerate(["Zz odd label"] * 3 + ["Aa odd label"] * 3 + ["Mm odd"])
    ]
    with (project / "dispositions.csv").open("a") as handle:
        handle.write("\n".join(extra) + "\n")
    result = run_cli(["audit", "rejections", *AS_OF, "-f", "json"], cwd=project)
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)["flags"]["unmapped_reason_labels"]
    assert listed == sorted(listed, key=lambda r: (-r["rejected"], r["reason"]))
    counts = {r["reason"]: r["rejected"] for r in listed}
    assert counts["Aa odd label"] == counts["Zz odd label"] == 3 and counts["Mm odd"] == 1


def test_reps_without_reasons_are_flagged_whatever_the_cuts() -> None:
    args = ["-q", "audit", "rejections", "--as-of", "2026-10-31", "-f", "json"]
    flagged = {
        by: [
            r["rep"]
            for r in json.loads(run_cli([*args, "--by", by], cwd=SAMPLE).stdout)["flags"][
                "missing_reasons_by_rep"
            ]
        ]
        for by in ("rep", "lead_source")
    }
    assert flagged["rep"] == flagged["lead_source"] == ["Dana Whitfield"]


def test_a_cut_named_that_the_data_lacks_is_an_error(tmp_path: Path) -> None:
    # only dispositions: the default cuts from the scored leads are skipped with a word...
    disp = str(SAMPLE / "dispositions.csv")
    alone = run_cli(["audit", "rejections", disp, *AS_OF, "-f", "json"], cwd=tmp_path)
    assert alone.exit_code == 0, alone.stderr
    assert "--by score_band: no such column" in alone.stderr
    # ...but a cut the user names and misspells stops the run, listing the columns there are
    typo = run_cli(["audit", "rejections", *AS_OF, "--by", "lead_sorce"], cwd=SAMPLE)
    assert typo.exit_code == 2 and typo.stdout == ""
    assert "--by lead_sorce: not a column" in typo.stderr and "lead_source" in typo.stderr
    assert "_line" not in typo.stderr


@pytest.mark.parametrize("scored", [True, False])
def test_a_duplicates_disposition_joins_the_record_kept(scored: bool, tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,lead_source,last_activity_at\n"
        "L1,ann@acme.com,Webinar,2026-01-01\n"
        "L2,Ann@Acme.com ,Paid Search,2026-02-01\n"
        "L3,bo@acme.com,Webinar,2026-01-05\n"
    )
    (tmp_path / "dispositions.csv").write_text(
        "lead_id,disposition,reason,rep,handed_off_at,disposition_at\n"
        "L1,rejected,No budget,Sam,2026-02-02,2026-02-03\n"
        "L3,accepted,,Sam,2026-02-02,2026-02-03\n"
    )
    (tmp_path / "s.yaml").write_text(
        "fit:\n  rules:\n"
        "    - {name: paid, when: {column: lead_source, equals: Paid Search}, points: 10}\n"
    )
    config = ["--config", "s.yaml"] if scored else []
    args = ["audit", "rejections", "dispositions.csv", "--leads", "leads.csv", *config]
    result = run_cli([*args, *AS_OF, "--by", "lead_source", "-f", "json"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    # L1 was merged into L2 (same email, later activity): its rejection is the person's, whose
    # record kept came from paid search; under its own id it would join no lead at all
    by_source = {
        r["lead_source"]: r["rejected"] for r in json.loads(result.stdout)["by"]["lead_source"]
    }
    assert by_source == {"Paid Search": 1, "Webinar": 0}
    assert "1 disposition counts for the record kept" in result.stderr


def test_a_salesforce_lead_report_read_as_dispositions(tmp_path: Path) -> None:
    """Its Lead Status is the verdict; the Salesforce preset reads it (Marketo's also knows
    'Lead Status' and 'Lead Owner', and used to win), and its Lead Source is a cut."""
    result = run_cli(
        ["audit", "rejections", str(SAMPLE / "salesforce_leads.csv"), *AS_OF, "-f", "json"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    assert "salesforce_leads.csv: salesforce dispositions" in result.stderr
    raw = pl.read_csv(SAMPLE / "salesforce_leads.csv", infer_schema=False).filter(
        pl.col("Lead ID").is_not_null() & pl.col("Lead Status").is_not_null()
    )
    statuses = dict(raw["Lead Status"].value_counts().iter_rows())
    # Salesforce's default picklist: Working and Qualified are accepted, Closed - Converted is
    # a conversion, Open - Not Contacted still waits.
    o = json.loads(result.stdout)["overall"]
    assert o["open"] == statuses["Open - Not Contacted"]
    assert o["accepted"] == sum(
        statuses.get(s, 0) for s in ("Working - Contacted", "Qualified", "Closed - Converted")
    )
    by_source = {
        r["lead_source"]: r["decided"] for r in json.loads(result.stdout)["by"]["lead_source"]
    }
    decided = raw.filter(pl.col("Lead Status") != "Open - Not Contacted")
    assert by_source == dict(decided["Lead Source"].value_counts().iter_rows())


def test_dispositions_keyed_by_email_give_a_recycle_list(tmp_path: Path) -> None:
    (tmp_path / "disp.csv").write_text(
        "email,disposition,reason,disposition_at\n"
        "b@acme.com,rejected,Bad timing,2026-09-01\n"
        "a@acme.com,recycled,,2026-09-01\n"
        "c@acme.com,accepted,,2026-09-02\n"
    )
    out = tmp_path / "recycle.csv"
    result = run_cli(
        ["audit", "rejections", "disp.csv", *AS_OF, "-f", "json", "--recycle-out", str(out)],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    # Bad timing recycles after 90 days by default: 2026-11-30, not due yet; same for a@
    recycle = pl.read_csv(out)
    assert recycle["email"].to_list() == ["a@acme.com", "b@acme.com"]
    summary = json.loads(result.stdout)["recycle"]
    assert (summary["total"], summary["due"]) == (2, 0)


def test_rates_of_nothing_and_rounded_zeros_read_plainly() -> None:
    from revq.render.audit_view import _fmt, _overall_rows

    assert _fmt(-0.0) == "0.0%" and _fmt(0.25) == "25.0%"
    overall = {
        "dispositions": 3,
        "open": 3,
        "accepted": 0,
        "acceptance_rate": None,
        "rejected": 0,
        "rejection_rate": None,
        "recycled": 0,
        "missing_reason": 0,
        "missing_reason_rate": None,
        "unmapped_reason": 0,
        "median_hours_to_disposition": None,
    }
    rows = dict(_overall_rows({"overall": overall, "recycle": {"total": 0, "due": 0}}))
    assert rows["accepted"] == "0" and rows["rejections with no reason"] == "0"
    # Half an hour is hours, not a rate of 50%.
    overall["median_hours_to_disposition"] = 0.5
    rows = dict(_overall_rows({"overall": overall, "recycle": {"total": 0, "due": 0}}))
    assert rows["median hours to disposition"] == "0.5"


def test_dispositions_keyed_by_email_join_the_leads_by_address(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(
        "lead_id,email,title\nL1,ana@acme.com,VP Sales\nL2,bo@beta.io,Intern\n"
    )
    (tmp_path / "disp.csv").write_text(
        "email,disposition,reason\n"
        " Ana@Acme.com,accepted,\n"  # the same address, as a rep typed it
        "bo@beta.io,rejected,No budget\n"
        "cy@gone.io,rejected,No budget\n"  # no such lead: kept, without a title
    )
    result = run_cli(
        ["audit", "rejections", "disp.csv", "--leads", "leads.csv", "--by", "title", "-f", "json"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0, result.stderr
    rows = {
        r["title"]: (r["accepted"], r["rejected"]) for r in json.loads(result.stdout)["by"]["title"]
    }
    assert rows == {"VP Sales": (1, 0), "Intern": (0, 1), "(missing)": (0, 1)}


def test_one_lead_is_said_in_the_singular() -> None:
    from revq.render.audit_view import _were

    assert _were(1, "accepted lead") == "1 accepted lead was"
    assert _were(1_200, "rejected lead") == "1,200 rejected leads were"


def test_separation_of_a_lead_decided_both_ways_does_not_depend_on_row_order() -> None:
    """Lead a accepted and rejected (two rows): it counts among the accepted and among the
    rejected, in either row order (one of them was kept by chance)."""
    from revq.core.audit import separation

    d = pl.DataFrame(
        {
            "lead_id": ["a", "a", "b", "c"],
            "disposition": ["accepted", "rejected", "accepted", "rejected"],
            "top_reasons": ["+10.0 size", "+10.0 size", "+5.0 web", "-20.0 gmail"],
        }
    )
    for order in ([0, 1, 2, 3], [1, 0, 2, 3], [3, 2, 1, 0]):
        got = {r["factor"]: r for r in separation(d[order]).to_dicts()}
        # size: a of the 2 accepted rows, a of the 2 rejected rows
        assert (got["size"]["among_accepted"], got["size"]["among_rejected"]) == (0.5, 0.5)
