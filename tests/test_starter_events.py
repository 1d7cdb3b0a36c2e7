"""Event rules in the scoring config `revq init --exports` writes: each activity type a rule,
its points for every event up to a cap. On the generated relational export with its history
planted (demo requests raise a lead's chance of converting up to three, page views and webinars
do not, onboarding calls only follow conversion), expected figures come from DuckDB SQL over
the same files, and the held-out AUC from scikit-learn on `revq score`'s own totals."""

from __future__ import annotations

import io
import re
from pathlib import Path

import polars as pl
import pytest
import yaml

from tests.conftest import REALDATA, run_cli
from tests.relational_export import DEMO_CAP, write_relational_export

pytest.importorskip("sklearn")
duckdb = pytest.importorskip("duckdb")
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

AS_OF = "2027-01-01"  # after every event of the export


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history")
    write_relational_export(root / "exports", history=True)
    return root


@pytest.fixture(scope="module")
def learned(history: Path) -> tuple[Path, str]:
    """The project init learned from the history, and what init said."""
    run = run_cli(["init", "learned", "--exports", "exports"], cwd=history)
    assert run.exit_code == 0, run.stderr
    return history / "learned", run.stderr


def said(text: str) -> str:
    """A config's comments, or what a run said, as one line: wrapping undone."""
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


def _sql(root: Path, query: str) -> list[tuple]:
    """A query over the leads and their events as revq gives a lead its events: a touch is
    its lead's, a session or an email event its contact's, given to each lead of the contact;
    `before` says the event comes before the lead converted (or the lead never did)."""
    con = duckdb.connect()
    for name in ("leads", "touches", "web_sessions", "email_events"):
        path = (root / "exports" / f"{name}.csv").as_posix()
        con.execute(f"create view {name} as select * from read_csv('{path}', all_varchar=true)")
    con.execute(
        """create view events as
           with raw as (
             select lead_id key, touch_type kind, touched_at t, true by_lead from touches
             union all select contact_id, 'web_sessions', started_at, false from web_sessions
             union all select contact_id, event_type, event_time, false from email_events)
           select l.lead_id, r.kind, cast(r.t as timestamp) t, l.converted_at is null
                  or cast(r.t as timestamp) < cast(l.converted_at as timestamp) before
           from raw r join leads l
             on (r.by_lead and l.lead_id = r.key) or (not r.by_lead and l.contact_id = r.key)"""
    )
    return con.execute(query).fetchall()


def _rules(project: Path) -> list[dict]:
    model = yaml.safe_load((project / "configs/scoring.yaml").read_text())
    return (model["intent"].get("events") or {}).get("rules") or []


def _holds(leads: int, converted: int, total: int, base: float) -> str:
    rate = converted / leads
    return f"{leads:,} leads ({leads / total:.1%}), {rate:.1%} converted, lift {rate / base:.2f}"


def test_demo_requests_get_points_up_to_where_conversion_stops_rising(
    learned: tuple[Path, str], history: Path
) -> None:
    project, _ = learned
    rules = _rules(project)
    # the planted lift gets a rule; page views and webinars, which carry none, do not
    assert [r["when"] for r in rules] == [{"column": "activity_type", "equals": "demo_request"}]
    (demo,) = rules
    assert demo["points"] > 0 and demo["cap"] == DEMO_CAP * demo["points"]
    text = (project / "configs/scoring.yaml").read_text()
    comments = said(text)
    for kind in ("page_view", "webinar_attended", "email_open", "web_sessions"):
        assert kind in comments.split("At 0 points, no rule: ")[1].split(".")[0], kind
    # what only follows conversion is never counted: not a rule, not even a leak to leave out
    assert "onboarding_call" not in text
    # the rule's comment, by SQL over the events before each lead converted
    total, converted = _sql(history, "select count(*), count(converted_at) from leads")[0]
    base = converted / total
    some, some_y, top, top_y = _sql(
        history,
        f"""select count(*) filter (where n >= 1), count(*) filter (where n >= 1 and y),
                   count(*) filter (where n >= {DEMO_CAP}),
                   count(*) filter (where n >= {DEMO_CAP} and y)
            from (select l.lead_id, l.converted_at is not null y,
                         count(e.kind) filter (where e.kind = 'demo_request' and e.before) n
                  from leads l left join events e using (lead_id) group by all)""",
    )[0]
    assert (
        f"demo_request, one or more: {_holds(some, some_y, total, base)}; "
        f"{DEMO_CAP} or more: {_holds(top, top_y, total, base)}"
    ) in comments
    assert f"{demo['points']} points an event, up to {DEMO_CAP} events" in comments
    (later,) = _sql(history, "select count(*) from events where not before")[0]
    assert f"the {later:,} events at or after it are not" in comments, comments


def test_the_auc_init_prints_is_the_auc_of_revq_scores_totals(
    learned: tuple[Path, str], history: Path
) -> None:
    """revq score counts every event up to --as-of; the demo requests of the history all come
    before their lead converted (what follows conversion is of types with no rule), so its
    totals are what init learned and measured."""
    project, stderr = learned
    run = run_cli(["-q", "score", "--as-of", AS_OF, "-f", "csv"], cwd=project)
    assert run.exit_code == 0, run.stderr
    scored = pl.read_csv(io.StringIO(run.stdout), schema_overrides={"lead_id": pl.String})
    (demo,) = _rules(project)
    # each lead's intent is the rule's points an event, up to the cap, by SQL
    expected = dict(
        _sql(
            history,
            f"""select l.lead_id, {demo["points"]}
                         * least(count(e.kind) filter (where e.kind = 'demo_request'), {DEMO_CAP})
                from leads l left join events e using (lead_id) group by all""",
        )
    )
    got = dict(zip(scored["lead_id"], scored["intent_score"], strict=True))
    assert got == {k: float(v) for k, v in expected.items()}
    # the held-out leads as the documented split makes them: ids in order, 30%, stratified
    won = {r[0] for r in _sql(history, "select lead_id from leads where converted_at is not null")}
    ids = sorted(scored["lead_id"].to_list())
    _, test = train_test_split(ids, test_size=0.3, random_state=7, stratify=[i in won for i in ids])
    held = scored.filter(pl.col("lead_id").is_in(test))
    auc = roc_auc_score([i in won for i in held["lead_id"]], held["total_score"])
    printed = re.search(r"as revq score adds them\s+(0\.\d{3})", stderr)
    plain = re.search(r"same columns\s+(0\.\d{3})", stderr)
    assert printed and plain, stderr
    assert float(printed[1]) == pytest.approx(auc, abs=5e-4)
    assert auc >= float(plain[1]) - 0.01
    assert (
        "event rules: 1 of 6 activity types, a converted lead's events counted before converted_at"
        in said(stderr)
    )


def test_the_profile_starter_guesses_points_by_the_types_names(history: Path) -> None:
    run = run_cli(["init", "profile", "--exports", "exports", "--no-learn"], cwd=history)
    assert run.exit_code == 0, run.stderr
    project = history / "profile"
    text = (project / "configs/scoring.yaml").read_text()
    live = {r["when"]["equals"]: (r["points"], r["cap"]) for r in _rules(project)}
    # points an event and the most events that count, by the type's name
    guessed = {
        "demo_request": (20, 1),
        "page_view": (2, 5),
        "web_sessions": (2, 5),
        "email_click": (2, 3),
        "email_open": (1, 5),
        "webinar_attended": (6, 2),
    }
    assert live == {k: (p, p * n) for k, (p, n) in guessed.items()}
    # a type of what the team does is a rule to set, commented out
    assert "# - name: events_onboarding_call" in text
    comments = said(text)
    (total,) = _sql(history, "select count(*) from leads")[0]
    for kind, leads, events, most in _sql(
        history,
        """select kind, count(*), sum(n), max(n)
           from (select lead_id, kind, count(*) n from events group by all) group by kind""",
    ):
        assert (
            f"{kind}, one or more: {leads:,} leads ({leads / total:.1%}); {events:,} events, "
            f"at most {most:,} a lead"
        ) in comments, kind
    # revq score adds each rule's points an event up to its cap, every event counted
    scores = run_cli(["-q", "score", "--as-of", AS_OF, "-f", "csv"], cwd=project)
    assert scores.exit_code == 0, scores.stderr
    scored = pl.read_csv(io.StringIO(scores.stdout), schema_overrides={"lead_id": pl.String})
    terms = " + ".join(
        f"{p} * least(count(e.kind) filter (where e.kind = '{k}'), {n})"
        for k, (p, n) in guessed.items()
    )
    expected = dict(
        _sql(
            history,
            f"select l.lead_id, {terms} "
            "from leads l left join events e using (lead_id) group by all",
        )
    )
    assert dict(zip(scored["lead_id"], scored["intent_score"], strict=True)) == {
        k: float(v) for k, v in expected.items()
    }


@pytest.mark.parametrize(
    ("folder", "pattern"),
    [
        ("fivetran-dbt_marketo_source", "marketo_activity_*_data.csv"),
        ("fivetran-dbt_salesforce_source", "sf_[et][va][es][nk]*_data.csv"),
    ],
)
def test_real_activities_that_name_no_lead_are_said_so(
    folder: str, pattern: str, tmp_path: Path
) -> None:
    """The Fivetran seeds' activities name lead ids their leads do not hold: no event rule,
    and the config says why."""
    path = REALDATA / folder
    if not path.is_dir():
        pytest.skip(f"real data not present ({folder}): ../shared is absent")
    run = run_cli(["init", "proj", "--exports", str(path)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    events = sum(pl.read_csv(f, infer_schema=False).height for f in sorted(path.glob(pattern)))
    text = said((tmp_path / "proj/configs/scoring.yaml").read_text())
    assert (
        f"No event rule: none of the {events:,} events of the activities is one of these leads'"
        in text
    )
    assert _rules(tmp_path / "proj") == []
    assert run_cli(["-q", "score"], cwd=tmp_path / "proj").exit_code == 0


def test_without_an_outcome_time_a_type_only_converted_leads_have_is_left_out() -> None:
    """A converted flag with no date: every event counts, whatever its date, so the leakage
    guard is what keeps a type only converted leads have out, until --keep-column names it."""
    from datetime import datetime, timedelta

    from revq.app.run import Run
    from revq.app.starter import StarterOptions, starter_config
    from revq.errors import RevqError

    n = 600
    ids = [f"L{i:04d}" for i in range(n)]
    converted = [i % 3 == 0 for i in range(n)]
    leads = pl.DataFrame({"lead_id": ids, "is_converted": converted})
    at = datetime(2026, 3, 1)
    rows = [(lead, "Contract Signed") for lead, c in zip(ids, converted, strict=True) if c]
    rows += [(lead, "Webinar") for i, lead in enumerate(ids) if i % 5 == 0]
    activities = pl.DataFrame(
        {
            "lead_id": [r[0] for r in rows],
            "activity_type": [r[1] for r in rows],
            "occurred_at": [at + timedelta(hours=i) for i in range(len(rows))],
        },
        schema_overrides={"occurred_at": pl.Datetime("us", "UTC")},
    )
    starter = starter_config(Run(), leads, activities=activities)
    left = {lo.column: lo.reason for lo in starter.left_out}
    assert left == {"Contract Signed events": "only converted leads have them"}
    assert "The outcome has no time, so each lead's events are counted whatever their date" in (
        said(starter.text)
    )
    kept = starter_config(
        Run(), leads, StarterOptions(keep=("contract signed",)), activities=activities
    )
    assert kept.left_out == ()
    rules = (yaml.safe_load(kept.text)["intent"].get("events") or {}).get("rules", [])
    assert [r["when"]["equals"] for r in rules] == ["Contract Signed"]
    with pytest.raises(RevqError, match="--keep-column Contract Sent: no such column"):
        starter_config(Run(), leads, StarterOptions(keep=("Contract Sent",)), activities=activities)


def test_a_blank_checkbox_is_not_an_unanswered_question() -> None:
    """Without an outcome, a blank where most leads answer counts against the lead (-5); a
    blank in a column of TRUE and FALSE (a Salesforce checkbox such as Email_Bounced__c) is
    an unticked box, and counts nothing."""
    from revq.core.levels import EMPTY, Feature, Level
    from revq.core.scoring.model import Compare
    from revq.core.starter_guess import BLANK_POINTS, guess_points

    def feature(values: dict[str, int]) -> Feature:
        levels = tuple(
            Level(
                label,
                Compare("c", "is_null") if label == EMPTY else Compare("c", "equals", label),
                n,
            )
            for label, n in values.items()
        )
        return Feature("c", "levels", "fit", levels, ())

    def blank_points(values: dict[str, int]) -> int:
        guessed = guess_points(feature(values), sum(values.values()))
        return next(lv.points for lv in (*guessed.levels, *guessed.rest) if lv.label == EMPTY)

    assert blank_points({"Manager": 6, "Director": 2, EMPTY: 2}) == BLANK_POINTS
    assert blank_points({"FALSE": 6, "TRUE": 2, EMPTY: 2}) == 0
    assert blank_points({"yes": 8, EMPTY: 2}) == 0
