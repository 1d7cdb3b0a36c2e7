"""A column of the leads as the rules a starter scoring config gives it: one rule per common
value (levels), per range of a number (bands), or for a date being filled. Each rule's
condition is the scoring engine's own (revq.core.scoring.model), so what a level counts here is
what its rule fires for in `revq score`."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

import numpy as np
import polars as pl

from revq.core.lead_columns import ColumnKind, level_key, number_expr
from revq.core.scoring.conditions import condition_expr
from revq.core.scoring.model import AllOf, Compare, Condition, Scalar

EMPTY = "(empty)"
# Columns added for a count, named so no export's column is taken for them.
_TRAINING, _CONVERTED = "__revq_training", "__revq_converted"
Group = Literal["fit", "intent", "negative"]


@dataclass(frozen=True)
class Level:
    """One value (or range, or the empty value) of a column.

    Attributes:
        label: what the config's comment calls it ('Lead Add Form', '3 to 4', '(empty)').
        when: the rule's condition; None for the values scored 0 with no rule (the most
            common one, and those too rare to learn from).
        leads: leads of the history at this level.
        converted: of them, those that converted; None without an outcome.
        points: the rule's points.
    """

    label: str
    when: Condition | None
    leads: int
    converted: int | None = None
    points: int = 0


@dataclass(frozen=True)
class Feature:
    """A column and its levels: `levels` have a rule each, `rest` are scored 0 (the most
    common level first)."""

    column: str
    kind: Literal["levels", "bands", "date"]
    group: Literal["fit", "intent"]
    levels: tuple[Level, ...]
    rest: tuple[Level, ...]
    rare: int = 0  # levels too rare for a rule of their own, scored 0

    def with_points(self, points: Sequence[int]) -> Feature:
        """The feature with these points for its levels; a level at 0 points joins `rest`."""
        scored = [replace(lv, points=int(p)) for lv, p in zip(self.levels, points, strict=True)]
        kept = tuple(lv for lv in scored if lv.points != 0)
        zero = tuple(replace(lv, points=0) for lv in scored if lv.points == 0)
        return replace(self, levels=kept, rest=self.rest + zero)


def number_text(value: float) -> str:
    """A number as a config and its reader write it, exactly: 3, not 3.0; 2.5; 1200; the
    shortest decimals that read back as the same number, so a rule's band is the one learned."""
    if value == int(value):
        return str(int(value))
    # repr is the shortest exact text; written without an exponent, which YAML reads as text
    return format(Decimal(repr(float(value))), "f")


def _scalar(value: float) -> Scalar:
    return int(value) if value == int(value) else float(value)


def band_levels(column: str, cuts: Sequence[float], whole: bool) -> list[tuple[str, Condition]]:
    """(label, condition) for each band between `cuts` (ascending), the first open below and
    the last open above. A column of whole numbers gets closed ranges (3 to 4), others
    half-open ones (2.5 up to 4)."""
    out: list[tuple[str, Condition]] = []
    edges = [None, *cuts, None]
    for low, high in itertools.pairwise(edges):
        if low is None and high is None:
            break
        if low is None:
            assert high is not None
            label = f"{number_text(high - 1)} or less" if whole else f"under {number_text(high)}"
            out.append((label, Compare(column, "lt", _scalar(high))))
        elif high is None:
            out.append((f"{number_text(low)} or more", Compare(column, "gte", _scalar(low))))
        elif whole and high - 1 >= low:
            top = high - 1
            label = number_text(low) if top == low else f"{number_text(low)} to {number_text(top)}"
            out.append((label, Compare(column, "between", (_scalar(low), _scalar(top)))))
        else:
            out.append(
                (
                    f"{number_text(low)} up to {number_text(high)}",
                    AllOf(
                        (Compare(column, "gte", _scalar(low)), Compare(column, "lt", _scalar(high)))
                    ),
                )
            )
    return out


def value_levels(frame: pl.DataFrame, column: str) -> list[tuple[str, str, Condition]]:
    """(key, label, condition) for each distinct value of a levels column, null excepted: the
    label is the value's most common spelling (the engine's `equals` ignores case and spaces)."""
    dtype = frame.schema[column]
    spelled = (
        frame.select(level_key(column, dtype).alias("k"), pl.col(column).alias("v"))
        .drop_nulls("k")
        .filter(pl.col("k") != "")
        .group_by("k", "v")
        .len()
        .sort(["k", "len", "v"], descending=[False, True, False])
        .unique("k", keep="first", maintain_order=True)
    )
    out: list[tuple[str, str, Condition]] = []
    for key, value in spelled.select("k", "v").iter_rows():  # a loop over distinct values
        if dtype == pl.String:
            label = str(value).strip()
            out.append((key, label, Compare(column, "eq", label)))
        elif dtype == pl.Boolean:
            out.append((key, "yes" if value else "no", Compare(column, "eq", bool(value))))
        else:
            out.append(
                (key, number_text(float(value)), Compare(column, "eq", _scalar(float(value))))
            )
    return out


def fires(frame: pl.DataFrame, conditions: Sequence[Condition]) -> np.ndarray:
    """A 0/1 matrix: a row per lead, a column per condition, 1 where the engine fires it."""
    schema = frame.schema
    if not conditions:
        return np.zeros((frame.height, 0), dtype=np.float64)
    return (
        frame.select(
            condition_expr(c, schema).cast(pl.Float64).alias(f"c{i}")
            for i, c in enumerate(conditions)
        )
        .to_numpy()
        .astype(np.float64)
    )


def build_feature(
    frame: pl.DataFrame,
    kind: ColumnKind,
    training: pl.Series,
    outcome: pl.Series | None,
    *,
    min_leads: int,
    cuts: Sequence[float] = (),
    reference: bool = True,
) -> Feature | None:
    """A column's levels: each value, band or filled date that holds at least `min_leads`
    training leads gets a rule, but for the most common one (scored 0, as are the rare ones).
    None when fewer than two levels are left (nothing to tell leads apart by).

    Args:
        frame: the leads.
        kind: what the column is (levels, bands or date).
        training: True for the leads levels are chosen on.
        outcome: the leads' outcome, for the conversion of each level; None without one.
        min_leads: the fewest training leads a level with a rule holds.
        cuts: for bands, the numbers between them, ascending.
        reference: the most common level is scored 0 with no rule, the others against it;
            without, every common level has a rule.
    """
    column = kind.column
    dtype = frame.schema[column]
    options: list[tuple[str, Condition]]
    if kind.kind == "bands":
        numbers = frame.select(number_expr(column, dtype).alias("n"))["n"].drop_nulls()
        whole = bool((numbers == numbers.floor()).all()) and all(c == int(c) for c in cuts)
        options = band_levels(column, cuts, whole)
    elif kind.kind == "date":
        options = [("filled", Compare(column, "not_null"))]
    else:
        options = [(label, cond) for _, label, cond in value_levels(frame, column)]
    if kind.kind != "date":
        options.append((EMPTY, Compare(column, "is_null")))
    counts, in_training, converted = _counts(frame, [c for _, c in options], training, outcome)
    levels = [
        Level(
            label,
            cond,
            int(counts[i]),
            int(converted[i]) if converted is not None else None,
        )
        for i, (label, cond) in enumerate(options)
    ]
    if kind.kind == "date":  # filled or not: the less common of the two is the rule
        filled = levels[0]
        empty = Level(EMPTY, None, frame.height - filled.leads, _rest(outcome, filled))
        if min(filled.leads, empty.leads) < min_leads:
            return None
        return Feature(column, "date", _group(kind), (filled,), (empty,))
    common = [i for i, _ in enumerate(levels) if in_training[i] >= min_leads]
    if len(common) < 2:
        return None
    # The most common level is the zero everyone else is scored against; a band's order is
    # its range's, a value's its count's.
    zero = max(common, key=lambda i: (in_training[i], -i)) if reference else -1
    ruled = [levels[i] for i in common if i != zero]
    if kind.kind == "levels":
        ruled.sort(key=lambda lv: (-lv.leads, lv.label))
    rare = [levels[i] for i in range(len(levels)) if i not in common and levels[i].leads > 0]
    rest = (replace(levels[zero], when=None),) if reference else ()
    assert kind.kind != "skip"
    return Feature(column, kind.kind, _group(kind), tuple(ruled), rest, len(rare))


def _counts(
    frame: pl.DataFrame,
    conditions: Sequence[Condition],
    training: pl.Series,
    outcome: pl.Series | None,
) -> tuple[list[int], list[int], list[int] | None]:
    """Per condition: the leads it fires for, those of them in training, those converted."""
    schema = frame.schema
    fired = [condition_expr(c, schema).cast(pl.Int64) for c in conditions]
    converted = outcome.cast(pl.Int64) if outcome is not None else pl.Series([0] * frame.height)
    row = (
        frame.with_columns(training.alias(_TRAINING), converted.alias(_CONVERTED))
        .select(
            *[f.sum().alias(f"n{i}") for i, f in enumerate(fired)],
            *[f.filter(pl.col(_TRAINING)).sum().alias(f"t{i}") for i, f in enumerate(fired)],
            *[(f * pl.col(_CONVERTED)).sum().alias(f"c{i}") for i, f in enumerate(fired)],
        )
        .row(0)
    )
    k = len(conditions)
    return (
        [int(v) for v in row[:k]],
        [int(v) for v in row[k : 2 * k]],
        [int(v) for v in row[2 * k :]] if outcome is not None else None,
    )


def _rest(outcome: pl.Series | None, filled: Level) -> int | None:
    if outcome is None or filled.converted is None:
        return None
    return int(outcome.sum()) - filled.converted


def _group(kind: ColumnKind) -> Literal["fit", "intent"]:
    return "intent" if kind.engagement else "fit"
