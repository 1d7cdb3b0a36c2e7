"""The Spark engine (revq.engines.ibis_scoring on Ibis's PySpark backend, Spark local[2])
against the polars engine: the sample project, the dialect cases, the regex corpus and
lowercasing. One Spark session for the module; skipped, saying why, where pyspark or Java is
missing (REVQ_REQUIRE_SPARK=1 makes that a failure, for CI)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revq.config.models import LoadOptions
from revq.core.derive import derive_lead_fields
from revq.core.parse import parse_datetime
from revq.io.load import load_table
from tests.engine_cases import CASES, EMAIL_DOMAINS, write_float_export
from tests.engine_date_cases import ISO_DATES
from tests.engine_equality import SAMPLE_AS_OF, assert_same_rows, polars_scored, sample_project
from tests.engine_regex_cases import PATTERNS, TEXTS
from tests.engine_strategies import inputs, models

pytestmark = [
    pytest.mark.spark,
    # pyspark's pandas conversions and py4j's sockets, not revq's
    pytest.mark.filterwarnings("ignore:.*copy keyword is deprecated"),
    pytest.mark.filterwarnings("ignore:.*future.infer_string"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]


def _missing() -> str | None:
    try:
        import ibis  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"pyspark or ibis is not installed ({exc.name})"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java: Spark needs a JRE (apt-get install openjdk-17-jre-headless)"
    return None


WHY_NOT = _missing()
if WHY_NOT is not None:
    if os.environ.get("REVQ_REQUIRE_SPARK"):
        raise RuntimeError(f"REVQ_REQUIRE_SPARK is set but Spark cannot run: {WHY_NOT}")
    pytest.skip(WHY_NOT, allow_module_level=True)

import ibis  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

from revq.engines.connect import Engine  # noqa: E402
from revq.engines.ibis_scoring import score_table  # noqa: E402
from revq.engines.inputs import RawInput, canonical_inputs  # noqa: E402
from revq.engines.load.lead_fields import derive_lead_fields as engine_lead_fields  # noqa: E402
from revq.engines.load.text import Text  # noqa: E402
from revq.engines.load.timestamps import Timestamps  # noqa: E402
from revq.engines.reading import read_export  # noqa: E402
from revq.engines.regex import search_pattern  # noqa: E402
from revq.engines.sql import compile_sql  # noqa: E402
from revq.engines.unicode import unstable_lower  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = (
        SparkSession.builder.master("local[2]")
        .appName("revq-engine-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def con(spark: SparkSession) -> object:
    return ibis.pyspark.connect(spark)  # sets the session's time zone to UTC


SPARK_TYPES = {
    pl.String: "string",
    pl.Int64: "bigint",
    pl.Int32: "int",
    pl.Float64: "double",
    pl.Boolean: "boolean",
    pl.Datetime: "timestamp",
}


def _view(spark: SparkSession, name: str, frame: pl.DataFrame) -> None:
    """The frame as a temporary view with its own types (not ones guessed from its values: an
    integer column of nulls would come out double), from Arrow (through pandas, a float's
    NaN and null would both arrive as null)."""
    ddl = ", ".join(f"`{c}` {SPARK_TYPES[t.base_type()]}" for c, t in frame.schema.items())
    spark.createDataFrame(frame.to_arrow(), schema=ddl).createOrReplaceTempView(name)


def _table(con: object, spark: SparkSession, name: str, frame: pl.DataFrame | None) -> object:
    """The frame as a Spark view, read through Ibis (as a Spark table is; an Ibis memtable
    would be planned as an inline relation, which Spark's optimizer is slow to work on)."""
    if frame is None:
        return None
    _view(spark, name, frame)
    return con.table(name)  # type: ignore[attr-defined]


def test_sample_project_scores_equal_polars(con: object, spark: SparkSession) -> None:
    sample = sample_project()
    expected = polars_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of=SAMPLE_AS_OF,
    )
    expr = score_table(
        sample.model,
        _table(con, spark, "sample_leads", sample.leads),
        activities=_table(con, spark, "sample_activities", sample.activities),
        signals=_table(con, spark, "sample_signals", sample.signals),
        as_of=SAMPLE_AS_OF,
    )
    assert_same_rows(expected, con.to_polars(expr))  # type: ignore[attr-defined]


def test_the_spark_query_gives_the_rows_in_any_session_time_zone(
    con: object, spark: SparkSession
) -> None:
    """The query `revq compile --dialect spark` prints, run by Spark SQL in a session in Los
    Angeles: ages are differences of instants (Spark's DATEDIFF(MICROSECOND) would count
    local times, an hour out across a DST change)."""
    sample = sample_project()
    tables = {
        "leads": sample.leads,
        "activities": sample.activities,
        "signals": sample.signals,
    }
    for name, frame in tables.items():
        _view(spark, name, frame)
    unbound = {
        name: ibis.table(ibis.memtable(frame).schema(), name=name) for name, frame in tables.items()
    }
    expr = score_table(
        sample.model,
        unbound["leads"],
        activities=unbound["activities"],
        signals=unbound["signals"],
        as_of=SAMPLE_AS_OF,
    )
    sql = compile_sql(expr, "spark")
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        got = pl.from_pandas(spark.sql(sql).toPandas())
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")
    expected = polars_scored(
        sample.model,
        sample.leads,
        activities=sample.activities,
        signals=sample.signals,
        as_of=SAMPLE_AS_OF,
    )
    assert_same_rows(expected, got)


@pytest.mark.parametrize("name", sorted(CASES))
def test_spark_gives_what_polars_gives(con: object, spark: SparkSession, name: str) -> None:
    case = CASES[name]()
    expected = polars_scored(
        case.model, case.leads, activities=case.activities, signals=None, as_of=case.as_of
    )
    case.check(expected)
    expr = score_table(
        case.model,
        _table(con, spark, "case_leads", case.leads),
        activities=_table(con, spark, "case_activities", case.activities),
        as_of=case.as_of,
    )
    assert_same_rows(expected, con.to_polars(expr))  # type: ignore[attr-defined]


def test_lead_fields_of_unicode_emails_on_spark(con: object, spark: SparkSession) -> None:
    """Spark takes the domain after the @ in characters too, and lowercases as polars."""
    emails = pl.DataFrame({"i": range(len(EMAIL_DOMAINS)), "email": list(EMAIL_DOMAINS)})
    expected = derive_lead_fields(emails.lazy()).collect()
    derived = engine_lead_fields(_table(con, spark, "emails", emails), Text("spark"))
    got = con.to_polars(derived.select(*expected.columns).order_by("i"))  # type: ignore[attr-defined]
    for column in expected.columns:
        assert got[column].to_list() == expected[column].to_list(), column


def test_a_parquet_exports_nan_is_empty_on_spark(
    con: object, spark: SparkSession, tmp_path: Path
) -> None:
    """Spark reads a Parquet export's NaN as an empty value and leaves out the row of an
    infinity, as revq's loader does."""
    path = tmp_path / "leads.parquet"
    write_float_export(path)
    options = LoadOptions(table="leads", source="generic")
    engine = Engine("spark", con, "spark", reads_files=True)  # the module's session, kept open
    raw = {
        "leads": RawInput(
            read_export(engine, [path], options, "nan_leads"), path, options, "parquet"
        )
    }
    inputs = canonical_inputs(raw, timezone="UTC", dialect="spark", collect=engine.collect)
    got = engine.collect(inputs.leads).sort("lead_id")
    expected = load_table(path, options, table="leads").frame.drop("_line").sort("lead_id")
    assert got["lead_id"].to_list() == ["1", "2", "4"]
    assert_same_rows(expected, got.select(expected.columns))


def test_regexes_spelt_for_sql_match_in_java_what_polars_matches(spark: SparkSession) -> None:
    texts = pl.DataFrame({"i": range(len(TEXTS)), "t": list(TEXTS)})
    _view(spark, "texts", texts)
    spelt = [search_pattern(p, "rule 'r'") for p in PATTERNS]
    columns = ", ".join(f"t RLIKE ? AS m{i}" for i in range(len(spelt)))
    rows = spark.sql(f"SELECT i, {columns} FROM texts ORDER BY i", args=spelt).collect()
    for k, pattern in enumerate(PATTERNS):
        want = pl.Series(TEXTS).str.contains(f"(?i){pattern}").to_list()
        assert [row[f"m{k}"] for row in rows] == want, (pattern, spelt[k])


def test_spark_lowercases_as_polars_but_for_the_characters_refused(spark: SparkSession) -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    frame = pl.DataFrame({"i": range(len(chars)), "c": chars})
    _view(spark, "chars", frame)
    got = pl.from_pandas(spark.sql("SELECT i, lower(c) AS l FROM chars ORDER BY i").toPandas())
    want = frame.select(pl.col("c").str.to_lowercase())["c"]
    differing = got.filter(pl.Series(want.to_list()) != got["l"])
    for i, lowered in differing.iter_rows():
        polars_lower = want[i]
        assert unstable_lower(polars_lower) or unstable_lower(lowered) or chars[i] == "\u0130", hex(
            ord(chars[i])
        )


def test_the_loaders_trim_takes_the_whitespace_polars_strips(
    con: object, spark: SparkSession
) -> None:
    """The loader strips text with Spark's TRIM of a set of characters: it takes whole
    characters off, for every code point what polars' strip_chars() takes."""
    chars = [chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    texts = [f"{c}x{c}" for c in chars] + ["\u00a0\u2003 x \t\n", "", "\u3000"]
    frame = pl.DataFrame({"i": range(len(texts)), "t": texts})
    table = _table(con, spark, "padded", frame)
    stripped = table.select("i", s=Text("spark").strip(table.t))  # type: ignore[attr-defined]
    got = con.to_polars(stripped).sort("i")  # type: ignore[attr-defined]
    want = frame.select("i", s=pl.col("t").str.strip_chars())
    assert got["s"].equals(want["s"])
    assert (want["s"] == "x").sum() == 25 + 1  # Unicode's 25 white-space characters, a padded x


def test_iso_dates_read_by_position_on_spark_as_polars_reads_them(
    con: object, spark: SparkSession
) -> None:
    """ISO dates read by position (Spark reads those with a zone itself), calendar-invalid
    ones and other zones included: what polars reads."""
    # (years pandas cannot hold, which brings Spark's rows back, left out)
    values = [v for v in ISO_DATES if v.strip() and not v.startswith(("0000", "9999"))]
    frame = pl.DataFrame({"v": values})
    table = _table(con, spark, "iso_dates", frame)
    stamps = Timestamps(Text("spark"), "spark", "UTC")
    table = table.mutate(p_value=Text("spark").strip(table.v))  # type: ignore[attr-defined]
    for _, stage in stamps.stages("mdy", frozenset({"iso"})):
        parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
        table = table.mutate(**{f"p_{k}": v for k, v in stage(parts).items()})
    parts = {c[2:]: table[c] for c in table.columns if c.startswith("p_")}
    expr = table.select("v", read=stamps.assemble(parts, frozenset({"iso"})))
    got = con.to_polars(expr)  # type: ignore[attr-defined]
    want = frame.select("v", read=parse_datetime(pl.col("v"), "mdy", "UTC"))
    joined = want.join(got, on="v", suffix="_spark")
    assert joined.height == len(values)
    differ = joined.filter(~pl.col("read").eq_missing(pl.col("read_spark")))
    assert differ.height == 0, differ.rows()
    assert joined["read"].null_count() >= 10 and joined["read"].drop_nulls().len() >= 15


@st.composite
def _cases(draw: st.DrawFn) -> tuple[object, object]:
    model = draw(models())
    return model, draw(inputs(model))


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(case=_cases())
def test_generated_models_score_alike_on_spark(
    con: object, spark: SparkSession, case: tuple[object, object]
) -> None:
    """A few of the DuckDB property test's generated models and leads, on Spark (each takes
    Spark seconds to plan)."""
    model, data = case
    expected = polars_scored(
        model,  # type: ignore[arg-type]
        data.leads,  # type: ignore[attr-defined]
        activities=data.activities,  # type: ignore[attr-defined]
        signals=data.signals,  # type: ignore[attr-defined]
        as_of=data.as_of,  # type: ignore[attr-defined]
    )
    expr = score_table(
        model,  # type: ignore[arg-type]
        _table(con, spark, "gen_leads", data.leads),  # type: ignore[attr-defined]
        activities=_table(con, spark, "gen_activities", data.activities),  # type: ignore[attr-defined]
        signals=_table(con, spark, "gen_signals", data.signals),  # type: ignore[attr-defined]
        as_of=data.as_of,  # type: ignore[attr-defined]
    )
    assert_same_rows(expected, con.to_polars(expr))  # type: ignore[attr-defined]


def test_spark_reads_one_parquet_export_or_several_as_one(con: object, tmp_path: Path) -> None:
    from revq.config.models import LoadOptions
    from revq.engines.connect import Engine
    from revq.engines.reading import read_export

    engine = Engine(label="spark", backend=con, dialect="spark", reads_files=True)
    first = pl.DataFrame({"lead_id": ["a", "b"], "visits": [1, None]})
    second = pl.DataFrame({"lead_id": ["c"], "visits": [7]})
    paths = [tmp_path / "part-1.parquet", tmp_path / "part-2.parquet"]
    first.write_parquet(paths[0])
    second.write_parquet(paths[1])

    def read(files: list[Path], name: str) -> pl.DataFrame:
        table = read_export(engine, files, LoadOptions(), name)
        return engine.collect(table).sort("lead_id")

    assert read(paths[:1], "one_file").equals(first)
    assert read(paths, "two_files").equals(pl.concat([first, second]))
