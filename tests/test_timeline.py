"""Time in stage through packed integer keys: every path (packed, hashed again after a
collision, plain sort when nothing packs) against one DuckDB computation of the definition."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revq.core import funnel, timeline
from tests.histories import AS_OF, duckdb_entries, random_history


def assert_entries_match(got: pl.DataFrame, want: pl.DataFrame) -> None:
    key = ["lead_id", "stage"]
    joined = want.join(got, on=key, how="full", nulls_equal=True, suffix="_revq")
    assert joined.height == want.height == got.height
    for col in ("first_entered_at", "latest_entered_at", "entries"):
        assert (joined[col].cast(pl.Int64) == joined[f"{col}_revq"].cast(pl.Int64)).all(), col
    assert ((joined["days"] - joined["days_in_stage"]).abs() <= 0.00005 + 1e-12).all()


def assert_durations_match(got: pl.DataFrame, want: pl.DataFrame) -> None:
    """Without lead ids: the same multiset of (stage, entries, days) rows."""
    order = ["stage", "entries", "days_in_stage"]
    mine = got.select(order).sort(order, nulls_last=True)
    theirs = (
        want.select("stage", pl.col("entries").cast(pl.UInt32), pl.col("days").alias("d"))
        .with_columns(pl.col("d").round(4).alias("days_in_stage"))
        .select(order)
        .sort(order, nulls_last=True)
    )
    assert mine.height == theirs.height
    assert mine["stage"].to_list() == theirs["stage"].to_list()
    assert mine["entries"].to_list() == theirs["entries"].to_list()
    assert ((mine["days_in_stage"] - theirs["days_in_stage"]).abs() <= 0.00011).all()


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_packed_timelines_against_duckdb(seed: int, tmp_path: Path) -> None:
    history = random_history(seed)
    history.write_parquet(tmp_path / "h.parquet")
    want = duckdb_entries(tmp_path / "h.parquet")
    assert timeline.packing(timeline.entries_until(history.lazy(), AS_OF), AS_OF) is not None
    assert_entries_match(funnel.stage_entries(history.lazy(), AS_OF).collect(), want)
    assert_durations_match(funnel.stage_durations(history.lazy(), AS_OF).collect(), want)


def test_without_exit_times(tmp_path: Path) -> None:
    history = random_history(21).drop("exited_at")
    history.write_parquet(tmp_path / "h.parquet")
    want = duckdb_entries(tmp_path / "h.parquet", exits=False)
    assert_entries_match(funnel.stage_entries(history.lazy(), AS_OF).collect(), want)
    leads = history.filter(pl.col("entered_at") <= AS_OF)["lead_id"].drop_nulls().n_unique()
    durations = funnel.stage_durations(history.lazy(), AS_OF, leads=leads).collect()
    assert_durations_match(durations, want)


def test_entries_come_ordered_by_lead_then_stage() -> None:
    got = funnel.stage_entries(random_history(5).lazy(), AS_OF).collect()
    assert got.select("lead_id", "stage").equals(
        got.select("lead_id", "stage").sort("lead_id", "stage")
    )


def colliding_hash(always: bool) -> Any:
    real = timeline.lead_hash

    def lead_hash(seed: int) -> pl.Expr:
        if always or seed == timeline.SEEDS[0]:
            # the id's length: L1..L9 share one value, L10..L29 another
            return pl.col("lead_id").str.len_bytes().cast(pl.Int64)
        return real(seed)

    return lead_hash


@pytest.mark.parametrize("always", [False, True])
def test_colliding_lead_hashes_never_merge_timelines(
    always: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = random_history(31)
    history.write_parquet(tmp_path / "h.parquet")
    want = duckdb_entries(tmp_path / "h.parquet")
    seeds: list[int] = []
    real_durations = timeline._durations

    def durations(rows: pl.LazyFrame, pack: timeline.Packing, seed: int) -> Any:
        seeds.append(seed)
        return real_durations(rows, pack, seed)

    monkeypatch.setattr(timeline, "lead_hash", colliding_hash(always))
    monkeypatch.setattr(timeline, "_durations", durations)
    assert_entries_match(funnel.stage_entries(history.lazy(), AS_OF).collect(), want)
    # a collision under the first seed hashes again; under every seed, the plain sort
    assert seeds == (list(timeline.SEEDS) if always else list(timeline.SEEDS[:2]))
    assert_durations_match(funnel.stage_durations(history.lazy(), AS_OF).collect(), want)


def test_times_too_far_apart_to_pack_take_the_plain_sort(tmp_path: Path) -> None:
    # 300 stage names leave 53 bits for a duration: 150 years of microseconds; this history
    # spans two centuries
    n = 300
    history = pl.DataFrame(
        {
            "lead_id": [f"L{i % 7}" for i in range(n)],
            "stage": [f"stage {i:03d}" for i in range(n)],
            "entered_at": [
                datetime(1820, 1, 1, tzinfo=UTC) + timedelta(days=240 * i) for i in range(n)
            ],
        }
    )
    rows = timeline.entries_until(history.lazy(), AS_OF)
    assert timeline.packing(rows, AS_OF) is None
    history.write_parquet(tmp_path / "h.parquet")
    want = duckdb_entries(tmp_path / "h.parquet", exits=False)
    assert_entries_match(funnel.stage_entries(history.lazy(), AS_OF).collect(), want)
    assert_durations_match(funnel.stage_durations(history.lazy(), AS_OF).collect(), want)
    # a short span packs with the same 300 names
    recent = history.with_columns(pl.col("entered_at").dt.offset_by("190y"))
    assert timeline.packing(timeline.entries_until(recent.lazy(), AS_OF), AS_OF) is not None


def test_entry_times_keep_their_type() -> None:
    history = pl.LazyFrame(
        {
            "lead_id": ["a", "a", "b"],
            "stage": ["mql", "sql", "mql"],
            "entered_at": [datetime(2026, 1, 1, 9, 30), datetime(2026, 1, 2), datetime(2026, 1, 3)],
        },
        schema_overrides={"entered_at": pl.Datetime("ms", "UTC")},
    )
    got = funnel.stage_entries(history, AS_OF).collect()
    assert got.schema["first_entered_at"] == pl.Datetime("ms", "UTC")
    a_mql = got.filter((pl.col("lead_id") == "a") & (pl.col("stage") == "mql")).row(0, named=True)
    entered = history.collect()["entered_at"]
    assert a_mql["first_entered_at"] == a_mql["latest_entered_at"] == entered[0]
    # a's MQL lasted until its SQL entry: 14.5 hours
    assert a_mql["days_in_stage"] == round(14.5 / 24, 4)


def test_an_empty_history() -> None:
    history = pl.LazyFrame(
        schema={"lead_id": pl.String, "stage": pl.String, "entered_at": pl.Datetime("us", "UTC")}
    )
    assert funnel.stage_entries(history, AS_OF).collect().height == 0
    assert funnel.stage_durations(history, AS_OF).collect().height == 0


def test_first_entries_count_every_lead() -> None:
    # b has only a stage outside the ladder: not reached, but one of the leads
    history = pl.LazyFrame(
        {
            "lead_id": ["a", "a", "b", None],
            "stage": ["mql", "sql", "nurture", "mql"],
            "entered_at": [datetime(2026, 1, d, tzinfo=UTC) for d in (1, 2, 3, 4)],
        }
    )
    first = funnel.first_entries(history, ("mql", "sql"), AS_OF).collect()
    assert sorted(first["lead_id"]) == ["a", "b"]
    reached = funnel.reached_from(first.lazy(), funnel.Ladder(("mql", "sql"))).collect()
    assert reached["lead_id"].to_list() == ["a"]


@pytest.mark.parametrize("first_exit_day", [3, 9])
def test_each_entry_once_counts_the_first_of_a_repeat(first_exit_day: int) -> None:
    def day(d: int) -> datetime:
        return datetime(2026, 1, d, tzinfo=UTC)

    other = 12 - first_exit_day  # the repeat's other exit: 9 or 3
    history = pl.LazyFrame(
        {
            # a entered MQL twice on Jan 1 (two exports); the first row's exit time stands
            "lead_id": ["a", "a", "b", "b"],
            "stage": ["mql", "mql", "mql", "sql"],
            "entered_at": [day(1), day(1), day(1), day(2)],
            "exited_at": [day(first_exit_day), day(other), None, None],
        },
        schema_overrides={"exited_at": pl.Datetime("us", "UTC")},
    )

    def mql_of_a(once: bool) -> tuple[int, float]:
        got = funnel.stage_durations(history, AS_OF, each_entry_once=once).collect()
        # b's MQL lasted one day, until its SQL entry
        rows = sorted(
            got.filter(pl.col("stage") == "mql").select("entries", "days_in_stage").rows()
        )
        assert (1, 1.0) in rows
        rows.remove((1, 1.0))
        return rows[0]

    assert mql_of_a(once=True) == (1, first_exit_day - 1)
    # counted as the data has it: two entries, each until its own exit
    assert mql_of_a(once=False) == (2, first_exit_day - 1 + other - 1)


@pytest.mark.parametrize("packed", [True, False])
def test_an_entry_twice_at_one_time_once_closed(
    packed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not packed:
        monkeypatch.setattr(timeline, "packing", lambda rows, as_of: None)

    def day(d: int) -> datetime:
        return datetime(2026, 1, d, tzinfo=UTC)

    history = pl.LazyFrame(
        {
            # a entered MQL on Jan 1 in two records, the first closed on Jan 4, the second open;
            # a's SQL entry on Jan 10 is its next entry
            "lead_id": ["a", "a", "a"],
            "stage": ["mql", "mql", "sql"],
            "entered_at": [day(1), day(1), day(10)],
            "exited_at": [day(4), None, None],
        },
        schema_overrides={"exited_at": pl.Datetime("us", "UTC")},
    )
    got = funnel.stage_entries(history, AS_OF).collect().filter(pl.col("stage") == "mql")
    # the open record comes first and ends where the closed one begins (0 days); the closed
    # one lasts its 3 days; Jan 4 to Jan 10 belongs to no record
    assert got.select("entries", "days_in_stage").row(0) == (2, 3.0)


MINUTES = [0, 1, 90, 1440, 20000, 90000]  # few distinct times: ties and repeats are common


@st.composite
def histories(draw: st.DrawFn) -> pl.DataFrame:
    """Small stage histories with ties, repeats, missing ids and stages, and exit times that
    fall before the entry, within the window, or after the as-of time."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    n = draw(st.integers(1, 25))
    out: dict[str, list[Any]] = {"lead_id": [], "stage": [], "entered_at": [], "exited_at": []}
    for _ in range(n):
        entered = start + timedelta(minutes=draw(st.sampled_from(MINUTES)))
        out["lead_id"].append(draw(st.sampled_from([None, "a", "b", "c"])))
        out["stage"].append(draw(st.sampled_from([None, "lead", "mql", "sql", "recycled"])))
        out["entered_at"].append(entered)
        hours = draw(st.sampled_from([None, None, -5, 0, 3, 2000]))
        out["exited_at"].append(None if hours is None else entered + timedelta(hours=hours))
    types = {"lead_id": pl.String, "stage": pl.String, "exited_at": pl.Datetime("us", "UTC")}
    frame = pl.DataFrame(out, schema_overrides=types)
    return frame if draw(st.booleans()) else frame.drop("exited_at")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=histories(), packed=st.booleans())
def test_any_history_against_duckdb(
    history: pl.DataFrame, packed: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.parquet"
    history.write_parquet(path)
    want = duckdb_entries(path, exits="exited_at" in history.columns)
    with monkeypatch.context() as patch:
        if not packed:
            patch.setattr(timeline, "packing", lambda rows, as_of: None)
        assert_entries_match(funnel.stage_entries(history.lazy(), AS_OF).collect(), want)
        assert_durations_match(funnel.stage_durations(history.lazy(), AS_OF).collect(), want)
