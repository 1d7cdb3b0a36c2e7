"""Every rule kind, decay, caps, gates, the matrix and the stage logic, on tiny frames whose
expected numbers are worked out by hand in the comments."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from revq.config.scoring import load_scoring
from revq.core.scoring.engine import build_ledger, score_leads
from tests.conftest import FIXTURES

AS_OF = datetime(2026, 3, 1, tzinfo=UTC)


def model(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "scoring.yaml"
    path.write_text(textwrap.dedent(text))
    return load_scoring(path).model


def run(m: Any, leads: dict[str, list[Any]], **kw: Any) -> pl.DataFrame:
    return score_leads(pl.LazyFrame(leads), m, as_of=AS_OF, **kw).collect().sort("lead_id")


def days_ago(n: float) -> datetime:
    return AS_OF - timedelta(days=n)


# --- the worked example from the literature --------------------------------------------------


def test_worked_example(tmp_path: Path) -> None:
    from revq.config.scoring import load_scoring as load

    m = load(FIXTURES / "scoring" / "worked_example.yaml").model
    leads = pl.LazyFrame(
        {
            "lead_id": ["intern", "director", "director_demo"],
            "title": ["Marketing Intern", "Marketing Director", "Marketing Director"],
            "employees": [20, 500, 500],
            "industry": ["Startup", "SaaS", "SaaS"],
            "country": [None, "United Kingdom", "United Kingdom"],
        }
    )
    acts = pl.LazyFrame(
        {
            "lead_id": ["intern", "director", "director"] + ["director_demo"] * 3,
            "activity_type": [
                "blog_post",
                "case_study",
                "pricing_page",
                "case_study",
                "pricing_page",
                "demo_request",
            ],
            "occurred_at": [AS_OF] * 6,
        }
    )
    out = score_leads(leads, m, activities=acts, as_of=AS_OF).collect()
    got = {r["lead_id"]: r for r in out.iter_rows(named=True)}
    # intern: -10 (intern) + 2 (blog) = -8
    assert got["intern"]["total_score"] == -8
    # director: 10 seniority + 10 size + 10 SaaS + 5 UK = 35 fit; 5 + 10 intent = 50
    assert got["director"]["fit_score"] == 35
    assert got["director"]["total_score"] == 50
    assert got["director"]["stage"] == "nurture"  # interesting, not an MQL
    # after a demo request: 50 + 25 = 75, at the MQL threshold
    assert got["director_demo"]["total_score"] == 75
    assert got["director_demo"]["stage"] == "mql"


# --- conditions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "fires"),
    [
        ("{column: industry, equals: ' software '}", [True, False, False]),
        ("{column: industry, not_equals: software}", [False, True, False]),
        ("{column: industry, in: [SOFTWARE, retail]}", [True, True, False]),
        ("{column: industry, in: $inds}", [True, False, False]),
        ("{column: industry, not_in: [software]}", [False, True, False]),
        ("{column: title, regex: '^vp'}", [True, False, False]),
        ("{column: employees, between: [10, 100]}", [True, True, False]),
        ("{column: employees, gt: 10}", [True, False, False]),
        ("{column: employees, gte: 10}", [True, True, False]),
        ("{column: employees, lt: 50}", [False, True, False]),
        ("{column: employees, lte: 50}", [True, True, False]),
        ("{column: industry, is_null: true}", [False, False, True]),
        ("{column: industry, not_null: true}", [True, True, False]),
        ("{column: title, contains: SALES}", [True, False, False]),
        ("{column: title, starts_with: 'vp'}", [True, False, False]),
        ("{column: title, ends_with: 'intern'}", [False, True, False]),
        ("{column: email, domain_in: [gmail.com]}", [False, True, False]),
        ("{column: email, domain_in: $free}", [False, True, True]),
        (
            "{all: [{column: employees, gte: 10}, {column: industry, equals: retail}]}",
            [False, True, False],
        ),
        (
            "{any: [{column: employees, gt: 10}, {column: industry, equals: retail}]}",
            [True, True, False],
        ),
        ("{not: {column: industry, equals: software}}", [False, True, True]),
    ],
)
def test_conditions(tmp_path: Path, when: str, fires: list[bool]) -> None:
    m = model(
        tmp_path,
        f"""
        lists: {{inds: [Software], free: [gmail.com, yahoo.com]}}
        fit:
          rules:
            - {{name: r, when: {when}, points: 1}}
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c"],
            "industry": ["Software", "Retail", None],
            "title": ["VP Sales", "Marketing Intern", None],
            "employees": [50, 10, None],
            "email": ["x@acme.com", "y@GMAIL.com", "z@yahoo.com"],
        },
    )
    assert out["fit_score"].to_list() == [1.0 if f else 0.0 for f in fires]


# --- points ----------------------------------------------------------------------------------


def test_per_unit_with_cap_and_lookup(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        lookups:
          seniority:
            - {match: "\\\\b(vp|chief)\\\\b", points: 15}
            - {match: director, points: 10}
            - {match: manager, points: 5}
        fit:
          rules:
            - {name: seniority, points: {lookup: seniority, column: title}}
        intent:
          rules:
            - {name: pricing_views, points: {per: pricing_views, each: 5}, cap: 15}
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c", "d"],
            "title": ["VP, Director of Sales", "Sales Director", "Manager", "Analyst"],
            "pricing_views": [1, 2, 7, None],
        },
    )
    # first matching pattern wins: "VP, Director" is 15, not 10
    assert out["fit_score"].to_list() == [15, 10, 5, 0]
    # 5 per view, capped at 15: 1 -> 5, 2 -> 10, 7 -> 35 capped to 15
    assert out["intent_score"].to_list() == [5, 10, 15, 0]
    ledger = build_ledger(
        pl.LazyFrame({"lead_id": ["c"], "title": ["x"], "pricing_views": [7]}), m, as_of=AS_OF
    ).collect()
    row = ledger.filter(pl.col("rule") == "pricing_views").row(0, named=True)
    assert (row["raw_points"], row["cap_applied"], row["points"]) == (35, True, 15)


# --- events: decay, window, weights, caps ---------------------------------------------------


def test_event_decay_window_weights_and_caps(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        intent:
          events:
            half_life_days: 30
            window_days: 90
            channel_weights: {G2: 2.0}
            rules:
              - {name: demo, when: {column: activity_type, equals: demo_request}, points: 20}
              - {name: visit, when: {column: activity_type, equals: visit}, points: 4, cap: 6}
        """,
    )
    leads = {"lead_id": ["a", "b", "c"]}
    acts = pl.LazyFrame(
        {
            "lead_id": ["a", "a", "b", "b", "b", "c", "c"],
            "activity_type": [
                "demo_request",
                "demo_request",
                "visit",
                "visit",
                "visit",
                "demo_request",
                "visit",
            ],
            "channel": ["web", "web", "g2", "web", "web", "web", "web"],
            "occurred_at": [
                days_ago(0),
                days_ago(30),
                days_ago(0),
                days_ago(0),
                days_ago(0),
                days_ago(91),
                days_ago(-1),
            ],
        }
    )
    out = score_leads(pl.LazyFrame(leads), m, activities=acts, as_of=AS_OF).collect()
    out = out.sort("lead_id")
    # a: 20 today + 20 * 0.5 (one half-life ago) = 30
    # b: g2 visit 4 * 2 = 8, plus two visits 4 + 4 = 16, capped at 6
    # c: 91 days is outside the 90-day window; an event after the as-of date does not count
    assert out["intent_score"].to_list() == [30, 6, 0]


def test_as_of_in_a_time_zone_is_that_moment(tmp_path: Path) -> None:
    """A time zone aware as-of is the moment it names, whatever its zone: 03:00 in Berlin on
    the day its clocks go forward is 01:00 UTC, one day after the demo request."""
    m = model(
        tmp_path,
        """
        intent:
          events:
            half_life_days: 1
            rules:
              - {name: demo, when: {column: activity_type, equals: demo_request}, points: 20}
        """,
    )
    acts = pl.LazyFrame(
        {
            "lead_id": ["a"],
            "activity_type": ["demo_request"],
            "occurred_at": [datetime(2026, 3, 28, 1, 0, tzinfo=UTC)],
        }
    )
    berlin = datetime(2026, 3, 29, 3, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    out = score_leads(pl.LazyFrame({"lead_id": ["a"]}), m, activities=acts, as_of=berlin)
    assert out.collect()["intent_score"].to_list() == [10.0]  # 20 points, one half-life old


def test_intent_decay_by_last_activity_for_aggregate_columns(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        intent:
          decay_by_last_activity: {half_life_days: 10, window_days: 60}
          rules:
            - {name: visits, points: {per: visits, each: 2}}
        fit:
          rules:
            - {name: always, points: 3}
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c", "d"],
            "visits": [5, 5, 5, 5],
            "last_activity_at": [days_ago(0), days_ago(20), days_ago(61), None],
        },
    )
    # 10 points; 20 days = two half-lives -> 2.5; past the window -> 0; no date -> no decay
    assert out["intent_score"].to_list() == [10, 2.5, 0, 10]
    assert out["fit_score"].to_list() == [3, 3, 3, 3]  # fit never decays


# --- signals ---------------------------------------------------------------------------------


def test_signals_weighted_decayed_capped_and_why_now(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        signals:
          half_life_days: 45
          window_days: 90
          weights: {executive_hire: 20, funding: 15}
          cap: 30
        """,
    )
    leads = {"lead_id": ["a", "b", "c"], "account_key": ["acme.com", "beta.io", None]}
    sig = pl.LazyFrame(
        {
            "account_key": ["acme.com", "acme.com", "beta.io", "beta.io"],
            "signal_type": ["executive_hire", "funding", "funding", "expansion"],
            "occurred_at": [days_ago(0), days_ago(45), days_ago(100), days_ago(1)],
            "detail": ["New CRO", "Series B", "Seed", "New office"],
        }
    )
    out = run(m, leads, signals=sig)
    # a: 20 + 15 * 0.5 = 27.5; b: funding is outside the window, expansion has no weight
    assert out["signal_score"].to_list() == [27.5, 0, 0]
    assert out["why_now"][0] == "executive_hire on 2026-03-01 (New CRO)"
    sig2 = sig.with_columns(pl.col("occurred_at").fill_null(days_ago(0)))
    out2 = run(m, {"lead_id": ["a"], "account_key": ["acme.com"]}, signals=pl.concat([sig2, sig2]))
    assert out2["signal_score"].to_list() == [30]  # 55 capped at 30


def test_signals_reach_every_lead_of_their_account_and_no_other(tmp_path: Path) -> None:
    """Signals are weighed once per account: each of an account's leads gets all of them, a
    lead without an account key and a signal without one meet nothing."""
    m = model(tmp_path, "signals: {half_life_days: 10, weights: {funding: 10, expansion: 4}}")
    leads = {
        "lead_id": ["a1", "a2", "b", "none"],
        "account_key": ["acme.com", "acme.com", "beta.io", None],
    }
    sig = pl.LazyFrame(
        {
            "account_key": ["acme.com", "acme.com", "beta.io", None],
            "signal_type": ["funding", "expansion", "expansion", "funding"],
            "occurred_at": [days_ago(10), days_ago(0), days_ago(20), days_ago(0)],
            "detail": [None, "Berlin office", None, "orphan"],
        }
    )
    out = run(m, leads, signals=sig)
    # acme: 10 * 0.5 + 4 = 9 for both of its leads; beta: 4 * 0.25 = 1
    assert out["signal_score"].to_list() == [9, 9, 1, 0]
    # why-now is the strongest signal after decay: acme's funding (5 points) over its expansion (4)
    assert out["why_now"].to_list()[:3] == [
        f"funding on {days_ago(10):%Y-%m-%d}",
        f"funding on {days_ago(10):%Y-%m-%d}",
        f"expansion on {days_ago(20):%Y-%m-%d}",
    ]
    assert out["why_now"][3] is None


def test_why_now_does_not_depend_on_the_order_of_signals(tmp_path: Path) -> None:
    """Two signals of one type on one day differ only in their detail: the strongest is the
    first by label, whichever row comes first."""
    m = model(tmp_path, "signals: {half_life_days: 45, weights: {funding: 15}}")
    sig = pl.LazyFrame(
        {
            "account_key": ["acme.com"] * 3,
            "signal_type": ["funding"] * 3,
            "occurred_at": [days_ago(3)] * 3,
            "detail": ["Series B", "Round led by Zeta", None],
        }
    )
    leads = {"lead_id": ["a"], "account_key": ["acme.com"]}
    for order in ([0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]):
        shuffled = pl.concat([sig.slice(i, 1) for i in order])
        out = run(m, leads, signals=shuffled)
        assert out["why_now"].to_list() == [f"funding on {days_ago(3):%Y-%m-%d}"]


# --- negatives, group caps, gates -------------------------------------------------------------


def test_negative_scores_group_bounds_and_floor(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        scale: {fit: [0, 20], intent: [0, 50], negative: [-25, 0]}
        fit:
          rules:
            - {name: big, when: {column: employees, gte: 100}, points: 15}
            - {name: rich, when: {column: revenue, gte: 1000}, points: 15}
        negative:
          rules:
            - {name: personal, when: {column: email, domain_in: [gmail.com]}, points: -20}
            - {name: student, when: {column: title, regex: student}, points: -10}
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b"],
            "employees": [500, 5],
            "revenue": [5000, 0],
            "email": ["a@gmail.com", "b@acme.com"],
            "title": ["Student", "CEO"],
        },
    )
    # a: fit 30 capped to 20; negative -30 floored at -25; total -5
    assert out["fit_score"].to_list() == [20, 0]
    assert out["negative_score"].to_list() == [-25, 0]
    assert out["total_score"].to_list() == [-5, 0]
    ledger = build_ledger(
        pl.LazyFrame(
            {
                "lead_id": ["a"],
                "employees": [500],
                "revenue": [5000],
                "email": ["a@gmail.com"],
                "title": ["Student"],
            }
        ),
        m,
        as_of=AS_OF,
    ).collect()
    caps = dict(
        ledger.filter(pl.col("rule").str.starts_with("cap:")).select("rule", "points").iter_rows()
    )
    assert caps == {"cap:fit": -10.0, "cap:negative": 5.0}
    assert ledger["points"].sum() == -5  # the ledger sums to the score


def test_gates_override_points(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: fit_all, points: 50}
        intent:
          rules:
            - {name: intent_all, points: 50}
        gates:
          - {name: competitor, when: {column: email, domain_in: [rival.com]}, reason: competitor}
          - {name: timing, when: {column: status, equals: later}, reason: bad_timing,
             outcome: recycle}
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c"],
            "email": ["x@rival.com", "y@acme.com", "z@acme.com"],
            "status": [None, "later", None],
        },
    )
    assert out["stage"].to_list() == ["disqualified", "recycled", "sales_ready"]
    assert out["gate_reason"].to_list() == ["competitor", "bad_timing", None]
    assert out["total_score"].to_list() == [100, 100, 100]


def test_a_converted_gate_takes_the_lead_off_the_queues_and_routes_it_to_nobody(
    tmp_path: Path,
) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: fit_all, points: 50}
        intent:
          rules:
            - {name: intent_all, points: 50}
        gates:
          - {name: already_converted, when: {column: is_converted, equals: true},
             reason: already_converted, outcome: converted}
        routing:
          routes: []
          default_team: [Alex Kim]
        """,
    )
    out = run(m, {"lead_id": ["a", "b", "c"], "is_converted": [True, False, None]})
    assert out["stage"].to_list() == ["converted", "sales_ready", "sales_ready"]
    assert out["total_score"].to_list() == [100, 100, 100]  # a gate decides, it does not score
    assert out["owner"].to_list() == [None, "Alex Kim", "Alex Kim"]
    assert out["next_action"][0] == "No sales action: already converted (already_converted)."
    # explain names the column the gate read
    from revq.render.score_view import decision_path

    said = decision_path(out.row(0, named=True), m)[1]
    assert said == "gate already_converted (already_converted; on is_converted) -> stage converted"
    # a backtest scores each lead as its decision time knew it: the gate is not applied
    past = run(m.as_decided(), {"lead_id": ["a"], "is_converted": [True]})
    assert past["stage"].to_list() == ["sales_ready"] and len(m.as_decided().gates) == 0


# --- the matrix, grades, stages ---------------------------------------------------------------


def test_matrix_grades_and_stages(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        scale: {fit: [0, 50], intent: [0, 50], signal: [0, 30], negative: [-50, 0]}
        fit:
          rules:
            - {name: fit, points: {per: f, each: 1}}
        intent:
          rules:
            - {name: intent, points: {per: i, each: 1}}
        signals:
          weights: {funding: 10}
          window_days: 90
        decision:
          fit_high: 25
          intent_high: 20
          sales_ready: 70
          nurture: 40
          grades: {A: 40, B: 30, C: 20}
          signal_qualified: {min_fit: 25, within_days: 30, context: [company]}
        """,
    )
    leads = {
        "lead_id": ["a", "b", "c", "d", "e", "f"],
        "f": [45, 35, 10, 10, 30, 30],
        "i": [30, 5, 30, 5, 0, 12],
        "account_key": [None, None, None, None, "acme.com", None],
        "company": ["A", "B", "C", "D", "Acme", "F"],
    }
    sig = pl.LazyFrame(
        {"account_key": ["acme.com"], "signal_type": ["funding"], "occurred_at": [days_ago(3)]}
    )
    out = run(m, leads, signals=sig)
    rows = {r["lead_id"]: r for r in out.iter_rows(named=True)}
    # a: fit 45 (A), intent 30 -> total 75 >= 70: sales-ready, high/high
    assert (rows["a"]["fit_grade"], rows["a"]["quadrant"], rows["a"]["stage"]) == (
        "A",
        "prioritise_now",
        "sales_ready",
    )
    # b: fit 35 (B) intent 5 -> 40: nurture band, high fit / low intent
    assert (rows["b"]["fit_grade"], rows["b"]["quadrant"], rows["b"]["stage"]) == (
        "B",
        "nurture_patiently",
        "nurture",
    )
    # c: fit 10 (D) intent 30 -> 40: low fit / high intent, nurture band
    assert (rows["c"]["fit_grade"], rows["c"]["quadrant"], rows["c"]["stage"]) == (
        "D",
        "qualify_carefully",
        "nurture",
    )
    # d: 15 total, low/low -> disqualified
    assert (rows["d"]["quadrant"], rows["d"]["stage"]) == ("ignore", "disqualified")
    # e: fit 30 + signal 10 (funding 3 days ago) = 40; fit >= 25 and a recent trigger
    assert rows["e"]["signal_score"] == 10
    assert rows["e"]["stage"] == "signal_qualified"
    # f: 42 total, high fit / low intent, no trigger -> nurture
    assert rows["f"]["stage"] == "nurture"


def test_single_threshold_style(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        scale: {fit: [0, 100], intent: [0, 100]}
        fit:
          rules:
            - {name: fit, points: {per: f, each: 1}}
        decision: {mql_threshold: 100, nurture: 40, fit_high: 200}
        """,
    )
    out = run(m, {"lead_id": ["a", "b", "c"], "f": [100, 99, 10]})
    assert out["stage"].to_list() == ["mql", "nurture", "disqualified"]


def test_segments_override_and_add_rules(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: size, when: {column: employees, gte: 100}, points: 10}
            - {name: base_only, points: 1}
        segments:
          - name: enterprise
            when: {column: employees, gte: 1000}
            fit:
              rules:
                - {name: size, when: {column: employees, gte: 1000}, points: 20}
                - {name: extra, points: 3}
        """,
    )
    out = run(m, {"lead_id": ["a", "b"], "employees": [500, 2000]})
    # a (default): 10 + 1; b (enterprise): size replaced by 20, base_only kept, extra added
    assert out["fit_score"].to_list() == [11, 24]
    assert out["segment"].to_list() == ["default", "enterprise"]


def test_routing_round_robin_and_existing_owner(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: f, points: {per: f, each: 1}}
        intent:
          rules:
            - {name: i, points: {per: f, each: 1}}
        routing:
          keep_existing_owner: true
          routes:
            - {when: {column: country, equals: DE}, team: [Lena, Marco]}
          default_team: [Alex, Priya, Sam]
        actions:
          sales_ready: "{owner}: call {first_name} at {company}"
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["l1", "l2", "l3", "l4", "l5", "l6"],
            "f": [40, 40, 40, 40, 40, 1],
            "country": ["DE", "DE", "DE", "US", "US", "US"],
            "owner": [None, None, None, None, "Kim", None],
            "created_at": [
                days_ago(5),
                days_ago(4),
                days_ago(3),
                days_ago(2),
                days_ago(1),
                days_ago(1),
            ],
            "first_name": ["A", "B", "C", "D", "E", None],
            "company": ["X", "X", "X", "Y", "Y", "Z"],
        },
    )
    rows = {r["lead_id"]: r for r in out.iter_rows(named=True)}
    # German sales-ready leads alternate Lena, Marco, Lena in order of creation
    assert [rows[k]["owner"] for k in ("l1", "l2", "l3")] == ["Lena", "Marco", "Lena"]
    assert rows["l4"]["owner"] == "Alex"
    assert rows["l5"]["owner"] == "Kim"  # existing owner kept
    assert rows["l6"]["owner"] is None  # not in a sales stage: not routed
    assert rows["l1"]["next_action"] == "Lena: call A at X"


def test_action_fields_fall_back_to_their_text(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: f, points: {per: f, each: 1}}
        intent:
          rules:
            - {name: i, points: {per: f, each: 1}}
        actions:
          sales_ready: "{owner|Unassigned}: call {first_name|the lead} at {company}"
        """,
    )
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c"],
            "f": [40, 40, 1],
            "owner": ["Kim", None, None],
            "first_name": [None, "Bo", "Cy"],
            "company": [None, "Y", "Z"],
        },
    )
    rows = {r["lead_id"]: r["next_action"] for r in out.iter_rows(named=True)}
    assert rows["a"] == "Kim: call the lead at -"  # no fallback given: '-'
    assert rows["b"] == "Unassigned: call Bo at Y"
    # the default disqualified action names why when no gate did
    assert rows["c"] == "No sales action (low fit and intent)."


def test_default_action_without_owner_or_trigger(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: f, points: {per: f, each: 1}}
        intent:
          rules:
            - {name: i, points: {per: f, each: 1}}
        """,
    )
    out = run(m, {"lead_id": ["a"], "f": [40]})
    assert out["next_action"][0] == (
        "Route to an owner now: first touch within 24 hours (1 hour for a demo request). "
        "Why now: i."
    )


def test_top_reasons_are_the_three_largest_signed(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: a, points: 5}
            - {name: b, points: 15, when: {column: big, equals: true}}
            - {name: c, points: 1}
            - {name: e, points: 1}
        negative:
          rules:
            - {name: d, points: -20, when: {column: big, equals: true}}
        """,
    )
    out = run(m, {"lead_id": ["x", "y"], "big": [True, False]})
    # by size; a rule that did not fire is never a reason; equal sizes go by name
    assert out["top_reasons"].to_list() == ["-20.0 d, +15.0 b, +5.0 a", "+5.0 a, +1.0 c, +1.0 e"]


def test_rows_by_total_then_lead_id(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: size, points: {per: employees, each: 0.01}}
        """,
    )
    ids = ["b2", "c", "b10", "a", "d", "e"]
    leads = pl.LazyFrame({"lead_id": ids, "employees": [100.0, 100.0, 100.0, 2500.0, 0.4, -5.0]})
    out = score_leads(leads, m, as_of=AS_OF).collect()
    # 25 > 1 = 1 = 1 > 0.004 (rounds to 0.0) = 0 (floored): ties by lead id as text
    assert out["lead_id"].to_list() == ["a", "b10", "b2", "c", "d", "e"]
    assert out["total_score"].to_list() == [25.0, 1.0, 1.0, 1.0, 0.0, 0.0]


def test_nan_and_infinity_do_not_score(tmp_path: Path) -> None:
    m = model(
        tmp_path,
        """
        fit:
          rules:
            - {name: big, when: {column: employees, gt: 1000}, points: 10}
            - {name: mid, when: {column: employees, between: [10, 500]}, points: 5}
        intent:
          rules:
            - {name: views, points: {per: views, each: 5}, cap: 15}
        """,
    )
    nan, inf = float("nan"), float("inf")
    out = run(
        m,
        {
            "lead_id": ["a", "b", "c", "d"],
            "employees": [nan, 2000.0, 100.0, inf],
            "views": [2.0, nan, inf, -inf],
        },
    )
    # NaN is unknown: no condition holds; a NaN or infinite count earns no per-unit points
    # (inf employees is still more than 1000)
    assert out["fit_score"].to_list() == [0.0, 10.0, 5.0, 10.0]
    assert out["intent_score"].to_list() == [10.0, 0.0, 0.0, 0.0]
    assert out["top_reasons"].to_list() == ["+10.0 views", "+10.0 big", "+5.0 mid", "+10.0 big"]
