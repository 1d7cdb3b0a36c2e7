"""One scoring case per place where SQL dialects differ in meaning from polars: each a tiny
model and frame with the result worked out by hand, which the polars engine gives and every
other engine must give too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from revq.core.derive import derive_lead_fields
from revq.core.scoring.model import (
    Always,
    Bounds,
    Compare,
    Decay,
    Decision,
    EventRule,
    EventScoring,
    Fixed,
    Lookup,
    PerUnit,
    Routing,
    Rule,
    ScoringModel,
    Segment,
)

AS_OF = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # the hour Europe's clocks go forward
ALWAYS = Always()


@dataclass(frozen=True)
class Case:
    model: ScoringModel
    leads: pl.DataFrame
    activities: pl.DataFrame | None
    as_of: datetime
    check: Callable[[pl.DataFrame], None]  # hand-worked expectations on the scored leads


# Emails and the domain revq takes from each, worked out by hand: letters of several bytes
# before and after the @, capitals that lowercase to other letters, several @ or no dot (not
# an address: no domain), Unicode spaces around. (Not a capital sigma ending a word: polars
# writes it as a final sigma, DuckDB does not, and no SQL replacement could spell the rule
# out portably.)
EMAIL_DOMAINS: dict[str, str | None] = {
    "zoë@beta.io": "beta.io",
    "日本@例え.jp": "例え.jp",
    " ÅSA@BÜCHER.DE ": "bücher.de",
    "\u00a0Ann@Acme.com\u3000": "acme.com",
    "ñ@gmail.com": "gmail.com",
    "\u0130NFO@X.IO": "x.io",
    "Σοφία@ΕΛΛΆΔΑ.GR": "ελλάδα.gr",
    "a@b@c.io": None,
    "x@y": None,
    "@beta.io": None,
    "": None,
}


def write_float_export(path: Path) -> None:
    """A Parquet leads export with NaN (pandas' missing number), infinities and -0.0 in its
    float columns: lead 3's infinite revenue is no value (the row is left out), NaN is empty,
    -0.0 stays."""
    nan, inf = float("nan"), float("inf")
    pl.DataFrame(
        {
            "lead_id": ["1", "2", "3", "4"],
            "email": ["a@x.io", "b@x.io", "c@x.io", "d@x.io"],
            "annual_revenue": [nan, -0.0, inf, 5.0],
            "employees": [1.0, nan, 3.0, -0.0],
            "notes": [nan, 1.5, 2.0, -inf],
        }
    ).write_parquet(path)


def decision(**kw: object) -> Decision:
    values: dict[str, object] = {
        "fit_high": 25.0,
        "intent_high": 20.0,
        "sales_ready": 70.0,
        "nurture": 40.0,
        "mql_threshold": None,
        "grades": (("A", 35.0), ("B", 25.0)),
        "signal_within_days": 30.0,
        "signal_min_fit": 25.0,
        "signal_context": (),
    }
    values.update(kw)
    return Decision(**values)  # type: ignore[arg-type]


def model(rules: tuple[Rule, ...], **kw: object) -> ScoringModel:
    open_bounds = {g: Bounds(None, None) for g in ("fit", "intent", "signal", "negative")}
    return ScoringModel(rules=rules, bounds=open_bounds, decision=decision(), **kw)  # type: ignore[arg-type]


def leads(**columns: list[object]) -> pl.DataFrame:
    n = len(next(iter(columns.values())))
    frame = pl.DataFrame(
        {"lead_id": [f"L{i}" for i in range(n)], "email": [None] * n, **columns},
        schema_overrides={"email": pl.String},
    )
    for name in ("title", "industry", "owner"):
        if name in frame.columns:
            frame = frame.with_columns(pl.col(name).cast(pl.String))
    return derive_lead_fields(frame.lazy()).collect()


def by_id(scored: pl.DataFrame, column: str) -> list[object]:
    return scored.sort("lead_id", nulls_last=False)[column].to_list()


def regex_search() -> Case:
    """A regex matches part of the value (polars searches; Snowflake's REGEXP_LIKE and
    Postgres' SIMILAR TO match the whole value)."""
    rules = (
        Rule("any_manager", "fit", Compare("title", "regex", "manager"), Fixed(5)),
        Rule("just_manager", "fit", Compare("title", "regex", "^manager$"), Fixed(3)),
    )

    def check(scored: pl.DataFrame) -> None:
        assert by_id(scored, "fit_score") == [5.0, 8.0, 5.0, 0.0]

    titles = ["Sales Manager", "MANAGER", "Managerin", "Mgr"]
    return Case(model(rules), leads(title=titles), None, AS_OF, check)


def fractional_days() -> Case:
    """Ages in fractional days, to the microsecond (DATEDIFF('day') counts midnights), on the
    day clocks change: decay by a one-day half-life, a window of a day and a half."""
    events = EventScoring(
        (EventRule("visit", Compare("activity_type", "eq", "visit"), 8.0),),
        Decay(half_life_days=1.0, window_days=1.5),
    )
    ages = [timedelta(hours=12), timedelta(hours=36), timedelta(hours=36, microseconds=1)]
    acts = pl.DataFrame(
        {
            "lead_id": ["L0", "L0", "L1"],
            "activity_type": ["visit"] * 3,
            "occurred_at": [AS_OF - a for a in ages],
        },
        schema_overrides={"occurred_at": pl.Datetime("us", "UTC")},
    )

    def check(scored: pl.DataFrame) -> None:
        expected = round(8 * 0.5**0.5 + 8 * 0.5**1.5, 2)  # 5.657 + 2.828; L1 is outside
        assert by_id(scored, "intent_score") == [expected, 0.0]

    return Case(model((), events=events), leads(title=["a", "b"]), acts, AS_OF, check)


def integer_division() -> Case:
    """Points per unit of an integer column, and texts written from whole micro-points (SQL
    divides integers to an integer in Postgres, to a double in DuckDB)."""
    rules = (Rule("per_employee", "fit", ALWAYS, PerUnit("employees", 0.5)),)

    def check(scored: pl.DataFrame) -> None:
        assert by_id(scored, "fit_score") == [1.5, 0.5, 3333.5]
        assert by_id(scored, "top_reasons") == [
            "+1.5 per_employee",
            "+0.5 per_employee",
            "+3333.5 per_employee",
        ]

    return Case(model(rules), leads(employees=[3, 1, 6667]), None, AS_OF, check)


def null_order() -> Case:
    """Missing values sort first where polars puts them first: the lead id among equal
    scores, the creation time in round-robin turns (DuckDB puts NULL last, Spark first)."""
    routing = Routing(False, (), ("Xavi", "Yara", "Zoe"))
    rules = (Rule("everyone", "fit", ALWAYS, Fixed(80)),)
    frame = leads(
        created_at=[AS_OF - timedelta(days=1), None, AS_OF - timedelta(days=2)],
    ).with_columns(
        pl.Series("lead_id", ["b", None, "a"], dtype=pl.String),
        pl.col("created_at").cast(pl.Datetime("us", "UTC")),
    )

    def check(scored: pl.DataFrame) -> None:
        assert scored["lead_id"].to_list() == [None, "a", "b"]
        assert scored["owner"].to_list() == ["Xavi", "Yara", "Zoe"]  # by creation, None first

    return Case(model(rules, routing=routing), frame, None, AS_OF, check)


def rounding_halves() -> Case:
    """Halves round to even, as polars' round() does (SQL's ROUND rounds them away from zero
    in DuckDB, Spark and Snowflake): 0.125 -> 0.12, 0.375 -> 0.38, top reasons to one decimal
    0.25 -> 0.2, and half a micro-point to none."""
    rules = (
        Rule("eighth", "fit", Compare("title", "eq", "a"), Fixed(0.125)),
        Rule("three_eighths", "fit", Compare("title", "eq", "b"), Fixed(0.375)),
        Rule("quarter", "fit", Compare("title", "eq", "c"), Fixed(0.25)),
        Rule("half_micro", "fit", Compare("title", "eq", "d"), Fixed(5e-7)),
        Rule("tiny_minus", "negative", Compare("title", "eq", "e"), Fixed(-0.04)),
    )

    def check(scored: pl.DataFrame) -> None:
        assert by_id(scored, "fit_score") == [0.12, 0.38, 0.25, 0.0, 0.0]
        reasons = by_id(scored, "top_reasons")
        assert reasons[2] == "+0.2 quarter"
        assert reasons[3] is None  # half a micro-point rounds to no points at all
        assert reasons[4] == "-0.0 tiny_minus"  # as polars writes -0.04 to one decimal

    return Case(model(rules), leads(title=["a", "b", "c", "d", "e"]), None, AS_OF, check)


def signed_zeros() -> Case:
    """A negative that rounds to nothing is -0.0, and polars writes it so: -0.004 points to
    two decimals, no employees times -0.5 points each, a total of -0.004, and a rule of -0.0
    points (a SQL literal -0.0 is a decimal, without sign). SQL's integer micro-points have
    no negative zero."""
    rules = (
        Rule("per_employee", "fit", ALWAYS, PerUnit("employees", -0.5)),
        Rule("tiny_minus", "negative", Compare("title", "eq", "a"), Fixed(-0.004)),
        Rule("minus_nothing", "intent", ALWAYS, Fixed(-0.0), cap=5.0),
    )

    def check(scored: pl.DataFrame) -> None:
        # L0: 0 * -0.5 = -0.0 fit, -0.004 negative; L1: no employees, not 'a'; L2: -0.5
        assert [repr(x) for x in by_id(scored, "fit_score")] == ["-0.0", "0.0", "-0.5"]
        assert [repr(x) for x in by_id(scored, "negative_score")] == ["-0.0", "0.0", "-0.0"]
        assert [repr(x) for x in by_id(scored, "total_score")] == ["-0.0", "0.0", "-0.5"]
        assert [repr(x) for x in by_id(scored, "intent_score")] == ["-0.0"] * 3  # -0.0 points
        assert by_id(scored, "top_reasons") == [
            "-0.0 tiny_minus",
            None,
            "-0.5 per_employee, -0.0 tiny_minus",
        ]
        assert by_id(scored, "next_action") == [
            "fit -0.0, negative -0.0, total -0.0",
            "fit 0.0, negative 0.0, total 0.0",
            "fit -0.5, negative -0.0, total -0.5",
        ]

    frame = leads(title=["a", "b", "a"], employees=[0, None, 1])
    shown = "fit {fit_score}, negative {negative_score}, total {total_score}"
    actions = {"nurture": shown, "disqualified": shown}
    return Case(model(rules, actions=actions), frame, None, AS_OF, check)


def decayed_to_nothing() -> Case:
    """Negative intent points decayed by the last activity, outside a window without a
    half-life: -5 x 0 is -0.0 in polars. In SQL the factor's 1.0 and 0.0 are decimals (DuckDB,
    Spark, Snowflake), and a decimal product has no negative zero."""
    rules = (Rule("old_interest", "intent", ALWAYS, Fixed(-5.0)),)
    last = [AS_OF - timedelta(days=10), AS_OF - timedelta(hours=12), None]

    def check(scored: pl.DataFrame) -> None:
        # L0: ten days ago, outside the day's window; L1: inside it; L2: no date, no decay
        assert [repr(x) for x in by_id(scored, "intent_score")] == ["-0.0", "-5.0", "-5.0"]

    frame = leads(last_activity_at=last).with_columns(
        pl.col("last_activity_at").cast(pl.Datetime("us", "UTC"))
    )
    decay = Decay(half_life_days=None, window_days=1.0)
    return Case(model(rules, intent_decay_by_last_activity=decay), frame, None, AS_OF, check)


def nan_is_a_value() -> Case:
    """NaN in a float column is a value, not a missing one (Ibis's Spark SQL tests IS NULL
    and isnan together), and no number: it meets no bound and earns no points per unit."""
    rules = (
        Rule("known", "fit", Compare("annual_revenue", "not_null"), Fixed(1)),
        Rule("unknown", "fit", Compare("annual_revenue", "is_null"), Fixed(2)),
        Rule("large", "fit", Compare("annual_revenue", "gte", 1.0), Fixed(4)),
        Rule("not_five", "fit", Compare("annual_revenue", "ne", 5.0), Fixed(8)),
        Rule("per_unit", "fit", ALWAYS, PerUnit("annual_revenue", 0.5)),
    )

    def check(scored: pl.DataFrame) -> None:
        # L0 NaN: known, not five; L1 null: unknown; L2 5.0: known, large, 2.5 per unit
        assert by_id(scored, "fit_score") == [9.0, 2.0, 7.5]

    frame = leads(title=["a", "b", "c"]).with_columns(
        pl.Series("annual_revenue", [float("nan"), None, 5.0], dtype=pl.Float64)
    )
    return Case(model(rules), frame, None, AS_OF, check)


def huge_and_tiny() -> Case:
    """Points per unit of a huge value are at most a million (more is no score: a revenue in
    a currency's smallest unit, a misplaced column), within the rule's own cap first; a tiny
    value's points round to nothing. (Whole micro-points of 10^300 points would overflow
    every engine's integers.)"""
    rules = (
        Rule("per_employee", "fit", ALWAYS, PerUnit("employees", 0.5)),
        Rule("revenue", "intent", ALWAYS, PerUnit("annual_revenue", 1e-6), cap=20.0),
        Rule("revenue_uncapped", "negative", ALWAYS, PerUnit("annual_revenue", -1.0)),
    )

    def check(scored: pl.DataFrame) -> None:
        # L0: 2^62 employees -> 2.3e18 points, a million; 1e300 revenue -> the cap's 20, and
        # -1e300 points, minus a million. L1: 5e-324 revenue -> nothing (-0.0 negative).
        assert by_id(scored, "fit_score") == [1e6, 5.0]
        assert by_id(scored, "intent_score") == [20.0, 0.0]
        assert [repr(x) for x in by_id(scored, "negative_score")] == ["-1000000.0", "-0.0"]
        assert by_id(scored, "top_reasons") == [
            # equal sizes: the negative first (a key packs the sign below the size)
            "-1000000.0 revenue_uncapped, +1000000.0 per_employee, +20.0 revenue",
            "+5.0 per_employee",  # -5e-324 points are no micro-point: no reason
        ]

    frame = leads(title=["a", "b"], employees=[2**62, 10]).with_columns(
        pl.Series("annual_revenue", [1e300, 5e-324])
    )
    return Case(model(rules), frame, None, AS_OF, check)


def case_insensitive_lookups() -> Case:
    """Lookups and lists ignore case as polars does: Unicode case folding (a long s is an s,
    the Kelvin sign a k; Java's (?i) alone knows ASCII), whitespace stripped."""
    lookup = Lookup("title", ((r"^student$", -5.0), (r"\bk", 2.0), ("straße", 1.0)))
    rules = (
        Rule("seniority", "fit", ALWAYS, lookup),
        Rule("software", "fit", Compare("industry", "in", ("software",)), Fixed(10)),
    )
    titles = ["STUDENT", "ſtudent", "\u212aey account", "Straße", "STRASSE"]
    industries = [" SOFTWARE ", "Software\u00a0", "soft ware", None, "SOFTWARE"]

    def check(scored: pl.DataFrame) -> None:
        # student (either s) -5, software (stripped of a no-break space too) +10, the Kelvin
        # sign's k +2, straße +1 (simple case folding: not STRASSE)
        assert by_id(scored, "fit_score") == [5.0, 5.0, 2.0, 1.0, 10.0]
        assert by_id(scored, "negative_score") == [0.0] * 5  # the lookup is fit

    frame = leads(title=titles, industry=industries)
    bounds = {g: Bounds(None, None) for g in ("fit", "intent", "signal", "negative")}
    bounds["fit"] = Bounds(0.0, None)
    scoring = ScoringModel(rules=rules, bounds=bounds, decision=decision())
    return Case(scoring, frame, None, AS_OF, check)


def shared_lookup() -> Case:
    """A lookup that a base rule and a segment's rule both read, the segment's within a cap
    (the SQL looks it up once per lead, then caps it for the segment's rule): the cap cuts a
    positive and a negative match, and no match stays no points."""
    lookup = Lookup("title", ((r"\bvp\b", 15.0), ("manager", -5.0)))
    big = Compare("employees", "gte", 1000)
    segment = Segment("big", big, (Rule("seniority", "fit", ALWAYS, lookup, cap=3.0),))
    rules = (Rule("seniority", "fit", ALWAYS, lookup),)
    titles = ["VP Sales", "Manager", "VP", "Sales manager", "Intern"]
    frame = leads(title=titles, employees=[10, 10, 5000, 5000, 5000])

    def check(scored: pl.DataFrame) -> None:
        assert by_id(scored, "segment") == ["default", "default", "big", "big", "big"]
        assert by_id(scored, "fit_score") == [15.0, -5.0, 3.0, -3.0, 0.0]

    return Case(model(rules, segments=(segment,)), frame, None, AS_OF, check)


CASES: dict[str, Callable[[], Case]] = {
    "regex-search": regex_search,
    "fractional-days": fractional_days,
    "integer-division": integer_division,
    "null-order": null_order,
    "rounding-halves": rounding_halves,
    "case-insensitive-lookups": case_insensitive_lookups,
    "signed-zeros": signed_zeros,
    "decayed-to-nothing": decayed_to_nothing,
    "nan-is-a-value": nan_is_a_value,
    "huge-and-tiny": huge_and_tiny,
    "shared-lookup": shared_lookup,
}
