"""Engines other than polars that run the same compiled scoring model.

`ibis_scoring.score_table` turns a `ScoringModel` into one Ibis expression over tables with
revq's canonical columns, so DuckDB, Spark and the SQL warehouses Ibis compiles to score leads
exactly as the polars engine does. Ibis is an optional dependency (`revq[warehouse]`): nothing
here imports it until an engine is asked for, and `require_ibis` says how to install it.
"""

from __future__ import annotations

from revq.engines.errors import MissingColumn, NotCompiled, require_ibis

__all__ = ["MissingColumn", "NotCompiled", "require_ibis"]
