"""Texts put together from columns (core/texts.py) read as pl.format would write them, which
revq no longer calls: polars panicked in it, in the streaming engine on a 1M-lead export and
in the careful CSV reader on a file of short rows (tests/test_plain_csv.py)."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from revq.core.texts import joined

ROOT = Path(__file__).resolve().parent.parent


def test_parts_are_joined_as_text_and_a_null_part_makes_the_text_null() -> None:
    frame = pl.DataFrame(
        {"name": ["demo", None, "blog"], "points": [25.0, 2.0, -2.5], "n": [3, 4, None]}
    )
    out = frame.select(joined("+", pl.col("points"), " ", pl.col("name"), " x", pl.col("n")))
    assert out.to_series().to_list() == ["+25.0 demo x3", None, None]


def test_revq_does_not_call_pl_format() -> None:
    calls = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "revq").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "pl.format(" in line and not line.lstrip().startswith("#")
    ]
    assert calls == []
