"""Ibis's SQL compilers as revq's queries use them: DuckDB's writes the microseconds between
two timestamps as the difference of their epoch microseconds."""

from __future__ import annotations

from typing import Any

import ibis.expr.operations as ops
import sqlglot.expressions as sge
from ibis.backends.sql.compilers.duckdb import DuckDBCompiler


class RevqDuckDBCompiler(DuckDBCompiler):  # type: ignore[misc]
    """DuckDB's DATE_DIFF of two timestamps with a time zone goes through its ICU calendar,
    many times the cost of subtracting epoch microseconds, which give the same count of
    microseconds between two instants (and between two naive times)."""

    def visit_TimestampDelta(
        self, op: ops.TimestampDelta, *, part: Any, left: Any, right: Any
    ) -> sge.Expression:
        unit = op.part.value if isinstance(op.part, ops.Literal) else None
        if unit != "microsecond":
            compiled: sge.Expression = super().visit_TimestampDelta(
                op, part=part, left=left, right=right
            )
            return compiled
        return sge.Sub(this=self.f.epoch_us(left), expression=self.f.epoch_us(right))


DUCKDB = RevqDuckDBCompiler()
