"""Texts put together from columns, row by row."""

from __future__ import annotations

import polars as pl


def joined(*parts: pl.Expr | str) -> pl.Expr:
    """The parts end to end (a `str` is literal text, an expression is cast to text), null
    where any part is null: what pl.format gives. pl.format is not used because polars'
    streaming engine panics in it when an input arrives as one value for a whole batch (a
    when/then whose branches are literals, in a batch where one branch is taken)."""
    return pl.concat_str([pl.lit(p) if isinstance(p, str) else p.cast(pl.String) for p in parts])
