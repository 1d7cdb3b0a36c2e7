"""What an engine other than polars cannot do, said before any row is scored."""

from __future__ import annotations

import importlib.util

from revq.errors import RevqError


class NotCompiled(RevqError):
    """A part of the scoring model that cannot be compiled to SQL with the polars engine's
    meaning: the message names the rule and says why (never a silently different result)."""

    def __init__(self, where: str, why: str) -> None:
        self.where = where
        self.why = why
        super().__init__(f"{where}: {why}; score with --engine polars")


class MissingColumn(RevqError):
    """A canonical column scoring reads that an input table lacks: the message names the
    table, the column and what it is for (as the polars engine's load would refuse it)."""

    def __init__(self, table: str, column: str, why: str) -> None:
        self.table = table
        self.column = column
        super().__init__(f"{table}: no {column!r} column ({why})")


def require_ibis() -> None:
    """Raise a RevqError saying how to install Ibis when it is not installed."""
    if importlib.util.find_spec("ibis") is None:
        raise RevqError(
            "this engine needs Ibis: pip install 'revq[warehouse]' (and 'revq[spark]' for Spark)"
        )
