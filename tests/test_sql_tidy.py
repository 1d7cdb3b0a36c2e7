"""The compiled query made for reading without changing what it computes: a step keeps only
the columns a later step reads, steps come in reading order, each opens with a comment. Small
hand-written queries show each pass; an Ibis query run by DuckDB before and after the passes
shows the rows do not change."""

from __future__ import annotations

import pytest

sqlglot = pytest.importorskip("sqlglot")
ibis = pytest.importorskip("ibis")
duckdb = pytest.importorskip("duckdb")

from revq.engines.contents import describe, table_of_contents  # noqa: E402
from revq.engines.sql import UNDESCRIBED, compile_sql_steps  # noqa: E402
from revq.engines.sql_tidy import (  # noqa: E402
    annotate_steps,
    ctes_of,
    fold_constants,
    order_steps,
    prune_columns,
)

exp = sqlglot.exp


def tidy(sql: str) -> sqlglot.exp.Expression:
    tree = sqlglot.parse_one(sql, read="duckdb")
    prune_columns(tree)
    return tree


def columns_of(tree: sqlglot.exp.Expression, cte: str) -> list[str]:
    (found,) = [c for c in ctes_of(tree) if c.alias == cte]
    return [p.alias_or_name for p in found.this.selects]


def test_a_column_no_later_step_reads_is_left_out() -> None:
    tree = tidy(
        "WITH a AS (SELECT t.x AS x, t.y AS y, t.z AS z FROM t AS t), "
        "b AS (SELECT a1.x AS x, a1.y + 1 AS y1 FROM a AS a1) "
        "SELECT b1.x AS x FROM b AS b1"
    )
    # b's y1 is unread, and with it a's y; z was never read; the result keeps its column
    assert columns_of(tree, "b") == ["x"]
    assert columns_of(tree, "a") == ["x"]
    assert [p.alias_or_name for p in tree.selects] == ["x"]


def test_columns_read_in_a_where_a_join_or_a_window_are_kept() -> None:
    tree = tidy(
        "WITH a AS (SELECT t.k AS k, t.w AS w, t.o AS o, t.j AS j, t.gone AS gone FROM t AS t) "
        "SELECT a1.k AS k, ROW_NUMBER() OVER (ORDER BY a1.o) AS n "
        "FROM a AS a1 JOIN u AS u1 ON a1.j = u1.j WHERE a1.w > 0"
    )
    assert columns_of(tree, "a") == ["k", "w", "o", "j"]


def test_a_step_read_by_a_star_a_grouped_or_a_distinct_one_keeps_every_column() -> None:
    starred = tidy("WITH a AS (SELECT t.x AS x, t.y AS y FROM t AS t) SELECT * FROM a")
    assert columns_of(starred, "a") == ["x", "y"]
    grouped = tidy(
        "WITH a AS (SELECT t.k AS k, COUNT(*) AS n FROM t AS t GROUP BY 1) "
        "SELECT a1.n AS n FROM a AS a1"
    )
    assert columns_of(grouped, "a") == ["k", "n"]  # GROUP BY 1 names k by its place
    distinct = tidy(
        "WITH a AS (SELECT DISTINCT t.k AS k, t.v AS v FROM t AS t) SELECT a1.k AS k FROM a AS a1"
    )
    assert columns_of(distinct, "a") == ["k", "v"]  # v less would merge rows


def test_derived_tables_are_pruned_inside_a_step() -> None:
    tree = tidy(
        "WITH a AS (SELECT s.x AS x FROM (SELECT t.x AS x, t.y AS y FROM t AS t) AS s) "
        "SELECT a1.x AS x FROM a AS a1"
    )
    (inner,) = [s for s in tree.find_all(exp.Subquery) if s.alias == "s"]
    assert [p.alias_or_name for p in inner.this.selects] == ["x"]


def test_steps_come_after_what_they_read_each_chain_together() -> None:
    tree = sqlglot.parse_one(
        "WITH l1 AS (SELECT 1 AS x), a1 AS (SELECT 1 AS x), l2 AS (SELECT l1.x FROM l1), "
        "a2 AS (SELECT a1.x FROM a1), s AS (SELECT l2.x FROM l2 JOIN a2 ON l2.x = a2.x) "
        "SELECT s.x FROM s"
    )
    order_steps(tree)
    assert [c.alias for c in ctes_of(tree)] == ["l1", "l2", "a1", "a2", "s"]


def test_each_step_opens_with_its_note_in_every_dialect() -> None:
    tree = sqlglot.parse_one("WITH a AS (SELECT 1 AS x) SELECT a.x FROM a")
    annotate_steps(tree, lambda cte: f"the step {cte.alias} */ ends here")
    for dialect in ("snowflake", "bigquery", "databricks", "postgres", "duckdb", "spark"):
        sql = tree.sql(dialect=dialect, pretty=True)
        assert "/* the step a * / ends here */" in sql
        back = sqlglot.parse_one(sql, read=dialect)
        comments = [c for node in back.walk() for c in node.comments or []]
        assert " the step a * / ends here " in comments


def test_the_passes_leave_the_rows_of_an_ibis_query_as_they_were() -> None:
    """A window ordered by a column nothing else reads, over a chain of steps: DuckDB runs the
    query before the passes (Ibis's own SQL) and after, and gets the same rows."""
    con = ibis.duckdb.connect()
    rows = {
        "k": [1, 1, 2, 2, 3],
        "o": [5, 4, 3, 2, 1],
        "v": [10, 20, 30, 40, 50],
        "z": list("abcde"),
    }
    t = con.create_table("t", ibis.memtable(rows))
    first = t.mutate(w=t.v * 2).alias("revq_segments")
    second = first.mutate(n=ibis.row_number().over(group_by=first.k, order_by=first.o))
    second = second.alias("revq_scores")
    expr = second.select("k", "n", "w").order_by(["k", "n"])
    plain = con.compile(expr)
    query = compile_sql_steps(expr, "duckdb")
    assert con.raw_sql(plain).fetchall() == con.raw_sql(query.sql).fetchall()
    assert [s.name for s in query.steps] == ["revq_segments", "revq_scores"]
    segments = sqlglot.parse_one(query.sql, read="duckdb").find(exp.CTE)
    assert "z" not in [p.alias_or_name for p in segments.this.selects]
    assert "o" in [p.alias_or_name for p in segments.this.selects]  # read by the window only


def test_every_name_a_step_of_revq_has_is_described() -> None:
    for name in (
        "revq_leads_trimmed",
        "revq_signals_dates_checked",
        "revq_activities_date_parts_2",
        "revq_leads_ranked_by_email",
        "revq_fit",
        "revq_intent",
        "revq_reason_3",
        "revq_strongest_keys",
        "revq_routing",
    ):
        assert describe(name), name
    assert describe("revq_unknown") is None and describe("leads") is None
    assert UNDESCRIBED


def test_the_table_of_contents_lists_a_step_a_line_and_its_rules_below_it() -> None:
    from revq.engines.contents import Entry

    lines = table_of_contents(
        (Entry("revq_segments", "segments"), Entry("revq_fit", "fit", ("pts_a", "pts_b")))
    )
    assert lines == [
        "  revq_segments  segments",
        "  revq_fit       fit",
        "                   pts_a, pts_b",
        "  (the SELECT)   the scored leads as `revq score` writes them, best first",
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("IF(1 = 0, REGEXP_EXTRACT(a, 'x'), REGEXP_EXTRACT(a, '(x)'))", "REGEXP_EXTRACT(a, '(x)')"),
        ("IF(2 = 2, a, b)", "a"),
        ("IF((0 + 1) >= 1, 0 + 1, 0 + 1 + LENGTH(c))", "1"),
        ("IF(0 + 1 < 1, a, b)", "b"),
        ("IF(1 = 0, a)", "NULL"),
        ("c - (0 + 1)", "c - 1"),
        ("IF(a = 0, 1, 2)", "IF(a = 0, 1, 2)"),  # not a constant test
        ("IF(1.5 = 1.5, a, b)", "IF(1.5 = 1.5, a, b)"),  # whole numbers only
        ("IF('1' = '1', a, b)", "IF('1' = '1', a, b)"),
    ],
)
def test_constant_branches_and_whole_number_arithmetic_are_folded(before: str, after: str) -> None:
    folded = fold_constants(sqlglot.parse_one(f"SELECT {before} FROM t", read="bigquery"))
    assert folded.sql(dialect="bigquery") == f"SELECT {after} FROM t"
