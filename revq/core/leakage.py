"""The leakage guard: columns filled in after a lead's outcome was decided must not feed a
score learned from that outcome, or the score looks prescient in the history and is useless on
new leads. Nobody has to name them: a column is left out

- when its name is one sales fills in after contact (status, stage, tags, quality, reason,
  disposition, owner...) or one that holds the latest state at export time (Last Activity),
- when it is filled only for one outcome class (a lost reason, a close date),
- when it predicts the outcome almost perfectly on its own, on leads it was not fitted on,
- for a date, when it comes after the decision time (the lead's creation).

An activity type's events are guarded the same way (its name, had by leads of one outcome
class only, telling the outcome alone); the events after a lead's outcome are not counted at
all (revq.core.event_counts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from revq.core.event_counts import EventType
from revq.core.lead_columns import ColumnKind, date_expr, level_key, number_expr

# Words of a column name that sales (or the CRM, once sales acts) fills in after contact.
SALES_FILLED = frozenset(
    {
        "stage",
        "status",
        "tag",
        "tags",
        "quality",
        "reason",
        "disposition",
        "lifecycle",
        "outcome",
        "result",
        "won",
        "lost",
        "closed",
        "close",
        "converted",
        "conversion",
        "owner",
        "rep",
        "sdr",
        "bdr",
        "accepted",
        "rejected",
        "recycled",
        "qualified",
        "disqualified",
        "unqualified",
        "opportunity",
        "deal",
        "customer",
    }
)
# First words of a name that holds the latest value at export time, whatever happened after
# the outcome included.
LATEST = frozenset({"last", "latest", "recent"})
# A single column whose held-out AUC reaches this tells the outcome, it does not predict it.
NEAR_PERFECT = 0.95
# A column filled for leads of one outcome class this purely (and for enough of them that
# chance cannot explain it) was filled because of the outcome.
ONE_CLASS_SHARE = 0.99
MIN_FILLED = 10
# A date after the decision time by more than this, for this share of the leads that have
# both, is filled in after the decision.
LATE_DAYS = 1
LATE_SHARE = 0.05


@dataclass(frozen=True)
class LeftOut:
    """A column left out of the learned score, and why, in words for a config comment."""

    column: str
    reason: str


def words(name: str) -> list[str]:
    """The words of a column name: 'LeadStatus', 'lead_status' and 'Lead Status' alike."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def name_reason(column: str) -> str | None:
    """Why a column's name alone says it is filled in after the outcome, if it does."""
    found = words(column)
    sales = [w for w in found if w in SALES_FILLED]
    if sales:
        return f"'{sales[0]}' in its name: sales fills it in after contact"
    if found and found[0] in LATEST:
        return "the latest value at export time, after the outcome"
    return None


def one_class_reason(
    frame: pl.DataFrame, column: str, outcome: pl.Series, names: tuple[str, str]
) -> str | None:
    """Why a column is filled only for one outcome class, if it is: `names` are the words for
    the two classes (converted, not converted)."""
    filled = frame[column].is_not_null()
    if frame[column].dtype == pl.String:
        filled = filled & (frame[column].str.strip_chars() != "").fill_null(False)
    which = one_class(filled, outcome)
    return None if which is None else f"filled only for {names[which]} leads"


def one_class(marked: pl.Series, outcome: pl.Series) -> int | None:
    """The outcome class (0 converted, 1 not) the `marked` leads all but all belong to, when
    they are enough of them that chance cannot explain it; None when they are not."""
    counts = pl.DataFrame({"marked": marked, "y": outcome}).filter(pl.col("marked"))
    n = counts.height
    if n < MIN_FILLED:
        return None
    positives = int(counts["y"].sum())
    base = float(outcome.mean() or 0.0)  # type: ignore[arg-type]
    for which, (share, chance) in enumerate(((positives / n, base), (1 - positives / n, 1 - base))):
        # Marked for n leads, as good as all of one class, where chance would give that class
        # a share of `chance` of them: p = chance ** n is then vanishingly small.
        if share >= ONE_CLASS_SHARE and chance < ONE_CLASS_SHARE and chance**n < 1e-3:
            return which
    return None


def single_auc(
    frame: pl.DataFrame, kind: ColumnKind, outcome: pl.Series, held: pl.Series
) -> float | None:
    """The held-out AUC of one column alone: each value (a number, by its decile among the
    training leads) scored by the conversion rate of the training leads that have it."""
    from sklearn.metrics import roc_auc_score

    dtype = frame[kind.column].dtype
    if kind.kind == "bands":
        number = number_expr(kind.column, dtype)
        training = frame.filter(~held).select(number.alias("v"))["v"].drop_nulls()
        if training.len() == 0:
            return None
        cuts = sorted({float(training.quantile(q / 10, "lower") or 0.0) for q in range(1, 10)})
        band = pl.sum_horizontal(*[(number >= c).cast(pl.Int64) for c in cuts], pl.lit(0))
        key = pl.when(number.is_null()).then(pl.lit(-1)).otherwise(band)
    elif kind.kind == "date":
        key = date_expr(kind, dtype).is_null().cast(pl.Int64)
    else:
        key = level_key(kind.column, dtype)
    keyed = frame.select(key.cast(pl.String).fill_null("").alias("k")).with_columns(
        y=outcome.cast(pl.Float64), held=held
    )
    base = float(keyed.filter(~pl.col("held"))["y"].mean() or 0.0)  # type: ignore[arg-type]
    rates = keyed.filter(~pl.col("held")).group_by("k").agg(pl.col("y").mean().alias("rate"))
    test = keyed.filter(pl.col("held")).join(rates, on="k", how="left")
    y = test["y"].to_numpy()
    if y.min() == y.max():
        return None
    return float(roc_auc_score(y, test["rate"].fill_null(base).to_numpy()))


def late_reason(frame: pl.DataFrame, kind: ColumnKind, decision: str | None) -> str | None:
    """Why a date column comes after the decision time, or why that cannot be told."""
    if kind.column == decision:
        return None
    if decision is None:
        return "a date, and no creation date to tell if it comes first"
    date = date_expr(kind, frame.schema[kind.column])
    both = frame.select((date - pl.col(decision)).dt.total_seconds().alias("gap")).drop_nulls()
    if both.height == 0:
        return None
    late = int((both["gap"] > LATE_DAYS * 86_400).sum())
    if late > LATE_SHARE * both.height:
        return f"dated after {decision} for {late:,} of {both.height:,} leads"
    return None


def find_leaks(
    frame: pl.DataFrame,
    kinds: Sequence[ColumnKind],
    outcome: pl.Series,
    held: pl.Series,
    *,
    decision: str | None,
    keep: frozenset[str] = frozenset(),
    names: tuple[str, str] = ("converted", "unconverted"),
) -> list[LeftOut]:
    """The columns among `kinds` to leave out of a score learned from `outcome`, with the
    reason, in the order of `kinds`. The columns in `keep` are never left out. The data checks
    look at the training leads (not `held`) only, but for the single-column AUC, which is
    measured on the held-out ones."""
    training = frame.filter(~held)
    y = outcome.filter(~held)
    out = []
    for kind in kinds:
        if kind.kind == "skip" or kind.column in keep:
            continue
        reason = name_reason(kind.column)
        if reason is None and kind.kind == "date":
            reason = late_reason(frame, kind, decision)
        if reason is None:
            reason = one_class_reason(training, kind.column, y, names)
        if reason is None:
            auc = single_auc(frame, kind, outcome, held)
            if auc is not None and max(auc, 1 - auc) >= NEAR_PERFECT:
                reason = f"tells the outcome alone (held-out AUC {max(auc, 1 - auc):.2f})"
        if reason is not None:
            out.append(LeftOut(kind.column, reason))
    return out


def event_name(kind: EventType) -> str:
    """An activity type as a left-out list names it."""
    return f"{kind.label} events"


def event_leaks(
    frame: pl.DataFrame,
    kinds: Sequence[EventType],
    outcome: pl.Series,
    held: pl.Series,
    *,
    keep: frozenset[str] = frozenset(),
) -> list[LeftOut]:
    """The activity types among `kinds` (their counts columns of `frame`) to leave out of a
    score learned from `outcome`, with the reason: a name sales acts by, events only leads of
    one outcome class have, a count that tells the outcome alone on the held-out leads. The
    types whose label (in lower case) is in `keep` are never left out."""
    training = ~held
    y = outcome.filter(training)
    out = []
    for kind in kinds:
        if kind.label.lower() in keep:
            continue
        reason = name_reason(kind.label)
        if reason is None:
            which = one_class(frame[kind.column].filter(training) > 0, y)
            if which is not None:
                reason = f"only {('converted', 'unconverted')[which]} leads have them"
        if reason is None:
            auc = single_auc(frame, ColumnKind(kind.column, "bands"), outcome, held)
            if auc is not None and max(auc, 1 - auc) >= NEAR_PERFECT:
                reason = f"tell the outcome alone (held-out AUC {max(auc, 1 - auc):.2f})"
        if reason is not None:
            out.append(LeftOut(event_name(kind), reason))
    return out
