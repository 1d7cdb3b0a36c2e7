"""The DuckDB engine on the edges of the contract: each lead scored as of its own time, an
export's own columns named like scoring's, no leads, activities keyed by email; and the
parts of a config it refuses (naming the rule) rather than score differently."""

from __future__ import annotations

from datetime import timedelta

import polars as pl
import pytest

ibis = pytest.importorskip("ibis")

from revq.core.scoring.model import (  # noqa: E402
    Always,
    Compare,
    Fixed,
    Gate,
    Rule,
)
from revq.engines.errors import MissingColumn, NotCompiled  # noqa: E402
from revq.engines.ibis_scoring import score_table  # noqa: E402
from tests.engine_cases import AS_OF, leads, model  # noqa: E402
from tests.engine_equality import (  # noqa: E402
    assert_same_rows,
    polars_scored,
    sample_project,
)

CON = ibis.duckdb.connect()


def engine_scored(
    scoring: object,
    frame: pl.DataFrame,
    *,
    activities: pl.DataFrame | None = None,
    signals: pl.DataFrame | None = None,
    as_of: object = AS_OF,
) -> pl.DataFrame:
    expr = score_table(
        scoring,  # type: ignore[arg-type]
        ibis.memtable(frame),
        activities=ibis.memtable(activities) if activities is not None else None,
        signals=ibis.memtable(signals) if signals is not None else None,
        as_of=as_of,  # type: ignore[arg-type]
    )
    return CON.to_polars(expr)


def test_each_lead_scored_as_of_its_own_time() -> None:
    """A backtest scores each lead as of its MQL date: later events and signals count for
    nothing, a lead without the date gets no decayed points."""
    sample = sample_project()
    expected = polars_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of="mql_at",
    )
    got = engine_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of="mql_at",
    )
    assert_same_rows(expected, got)
    assert (expected["intent_score"] > 0).sum() > 100


def test_an_exports_own_scoring_columns_are_replaced_but_read_by_rules() -> None:
    """A CRM export with its own total_score, stage and fit_grade: a rule reads the
    export's total_score (scoring's is not made yet); the output holds scoring's."""
    rules = (Rule("crm_hot", "fit", Compare("total_score", "gte", 50.0), Fixed(30)),)
    frame = leads(title=["a", "b", "c"]).with_columns(
        pl.Series("total_score", [90.0, 10.0, None]),
        pl.Series("stage", ["won", "lost", None]),
        pl.Series("fit_grade", ["A", "A", "A"]),
    )
    gated = model(rules)
    gated = type(gated)(
        rules=gated.rules,
        bounds=gated.bounds,
        decision=gated.decision,
        gates=(Gate("crm_lost", Compare("stage", "eq", "LOST"), "lost in the CRM"),),
    )
    expected = polars_scored(gated, frame, activities=None, signals=None, as_of=AS_OF)
    assert expected.sort("lead_id")["total_score"].to_list() == [30.0, 0.0, 0.0]
    assert expected.sort("lead_id")["gate"].to_list() == [None, "crm_lost", None]
    assert_same_rows(expected, engine_scored(gated, frame))


def test_no_leads_gives_no_rows_and_the_same_columns() -> None:
    sample = sample_project()
    empty = sample.leads.head(0)
    expected = polars_scored(sample.model, empty, activities=None, signals=None, as_of=AS_OF)
    got = engine_scored(sample.model, empty)
    assert got.height == 0
    assert got.columns == expected.columns


def test_activities_keyed_by_email() -> None:
    """An activities export without lead ids is matched by email, stripped and lowercased
    (an unknown email matches nothing)."""
    sample = sample_project()
    emails = sample.leads.select("lead_id", "email")
    acts = (
        sample.activities.join(emails, on="lead_id", how="left")
        .drop("lead_id")
        .with_columns(pl.format(" {} ", pl.col("email").str.to_uppercase()).alias("email"))
    )
    acts = pl.concat([acts, acts.head(3).with_columns(pl.lit("nobody@x.y").alias("email"))])
    expected = polars_scored(sample.model, sample.leads, activities=acts, signals=None, as_of=AS_OF)
    assert_same_rows(expected, engine_scored(sample.model, sample.leads, activities=acts))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            Rule("rich", "fit", Compare("annual_revenue", "contains", "1"), Fixed(5)),
            r"rule 'rich': a text test on the float64 column 'annual_revenue'",
        ),
        (
            Rule("greek", "fit", Compare("title", "eq", "Διευθυντής"), Fixed(5)),
            r"rule 'greek': the value 'διευθυντής' holds 'ς' \(U\+03C2\)",
        ),
        (
            Rule("edge", "fit", Compare("title", "regex", r"vp\b."), Fixed(5)),
            r"rule 'edge': regex 'vp\\b\.': a word boundary",
        ),
        (
            Rule("recent", "fit", Compare("created_at", "gt", 5.0), Fixed(5)),
            r"rule 'recent': a number test on the time column 'created_at'",
        ),
    ],
)
def test_what_cannot_be_compiled_is_refused_naming_the_rule(rule: Rule, message: str) -> None:
    frame = leads(title=["x"]).with_columns(
        pl.Series("annual_revenue", [1.0]),
        pl.Series("created_at", [AS_OF - timedelta(days=1)]).cast(pl.Datetime("us", "UTC")),
    )
    with pytest.raises(NotCompiled, match=message):
        score_table(model((rule,)), ibis.memtable(frame), as_of=AS_OF)


def test_a_template_showing_a_float_column_is_refused_naming_the_action() -> None:
    scoring = model((Rule("all", "fit", Always(), Fixed(1)),))
    scoring = type(scoring)(
        rules=scoring.rules,
        bounds=scoring.bounds,
        decision=scoring.decision,
        actions={"nurture": "Revenue {annual_revenue}"},
    )
    frame = leads(title=["x"]).with_columns(pl.Series("annual_revenue", [1.0]))
    with pytest.raises(NotCompiled, match=r"actions.nurture: a text test on the float64"):
        score_table(scoring, ibis.memtable(frame), as_of=AS_OF)


@pytest.mark.parametrize(
    ("table", "column", "message"),
    [
        ("leads", "lead_id", r"^leads: no 'lead_id' column \(each lead is scored by its id\)$"),
        ("leads", "account_key", r"^leads: no 'account_key' column \(signals are matched"),
        ("activities", "occurred_at", r"^activities: no 'occurred_at' column \(events"),
        (
            "activities",
            "lead_id",
            r"^activities: no 'lead_id' column \(nor 'email': events are matched",
        ),
        ("signals", "account_key", r"^signals: no 'account_key' column \(signals are matched"),
        ("signals", "signal_type", r"^signals: no 'signal_type' column \(signals are weighed"),
        ("signals", "occurred_at", r"^signals: no 'occurred_at' column \(signals decay"),
    ],
)
def test_a_canonical_column_an_input_lacks_is_named(table: str, column: str, message: str) -> None:
    """One error naming the table and the column, before any query: not the engine's own
    error about an expression (Ibis: "Column 'account_key' is not found in table")."""
    sample = sample_project()
    frames = {"leads": sample.leads, "activities": sample.activities, "signals": sample.signals}
    frames[table] = frames[table].drop(column)
    if (table, column) == ("activities", "lead_id"):
        assert "email" not in frames["activities"].columns  # keyed by neither
    with pytest.raises(MissingColumn, match=message):
        engine_scored(
            sample.model,
            frames["leads"],
            activities=frames["activities"],
            signals=frames["signals"],
        )


@pytest.mark.parametrize("rows", [1, 3, 1001])
def test_points_on_a_rounding_boundary_round_alike_with_or_without_a_condition(rows: int) -> None:
    """2.035 points are 2,035,000 micro-points, which times 1e-6 is 2.0349999999999997: its
    score rounds to 2.03 (Python's float arithmetic, by hand below). polars divides a scalar
    (a rule without a condition) exactly, to 2.035 and a score of 2.04, and a column by the
    reciprocal: the points must be turned back the one way in both."""
    micro = round(2.035 * 1_000_000)
    expected = round(micro * (1 / 1_000_000) * 100) / 100  # 203.49999999999997: not a half
    assert expected == 2.03
    everyone = Compare("lead_id", "not_null", None)
    frame = leads(title=["x"] * rows)
    for when in (Always(), everyone):
        scoring = model((Rule("r0", "fit", when, Fixed(2.035)),))
        expected_rows = polars_scored(scoring, frame, activities=None, signals=None, as_of=AS_OF)
        assert expected_rows["fit_score"].to_list() == [expected] * rows
        assert_same_rows(expected_rows, engine_scored(scoring, frame))
