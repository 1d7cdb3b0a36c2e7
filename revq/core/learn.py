"""Points learned from a team's own history: which leads converted, and what their columns held.

Each column becomes indicators, one per level or band (revq.core.levels), fitted together by an
L2-regularised logistic regression (scikit-learn, the optional `revq[calibrate]` extra) on a
stratified, seeded training share of the leads. A coefficient less that of its column's leads at
0 points (its most common value, and the values too rare for a rule) is what the level adds to
a lead's log-odds; scaled so the leads' scores span about 100 points, and rounded, it becomes
the level's whole points. A level worth fewer than a few points, or whose points would go
against its own lift, is scored 0 and the rest fitted again, so that no rule reads backwards.
The held-out leads then measure the points as `revq score` will add them, beside a plain
logistic regression (one-hot values, scaled numbers) fitted on the same training leads: the
price of readable points is that gap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from revq.core.event_counts import EventRule, EventType, event_rule
from revq.core.lead_columns import ColumnKind, level_key, number_expr
from revq.core.levels import Feature, build_feature, fires
from revq.core.outcome import reached_expr

# Outcome columns by canonical name, the likeliest first: a converted or won flag, then the
# date a lead reached a stage past the hand-off.
OUTCOME_COLUMNS = (
    "is_converted",
    "is_won",
    "opportunity_at",
    "sql_at",
    "customer_at",
    "converted_at",
)
# An export's own header for an outcome flag: Converted, IsConverted, Won, Is Won, Closed Won.
OUTCOME_HEADER = re.compile(r"^(is[ _]?)?(converted|won|closed[ _]?won)$", re.IGNORECASE)
# Fewer leads than this in either class leave nothing to learn from or to hold out.
MIN_CLASS = 10
HOLDOUT = 0.3
SEED = 7
# The leads' scores span about this many points, the lowest to the highest but the outer 1%.
SPREAD = 100
MAX_BANDS = 6
BAND_SHARE = 0.05  # a band holds at least this share of the leads with a number
# A level that moves a lead's odds less than this many points do gets no rule of its own.
MIN_POINTS = 3
MAX_ROUNDS = 10
# A level's own conversion must differ from all leads' by this many standard errors for its
# points to go its way; a level whose own evidence is weaker gets no rule.
CLEAR = 1.0
# scikit-learn's default strength: a level held by few leads is pulled towards zero points.
REGULARISATION = 1.0
# Past these, the regression is fitted on a sample of the training leads, and checked on one of
# the held-out leads: a million leads' rules as a matrix would not fit in memory, and a sample
# this size gives the same points and AUC to the second decimal.
FIT_ROWS = 200_000
CHECK_ROWS = 100_000
# The caps tried for an activity type's events, at most: its counts' quantiles past this many.
MAX_CAPS = 20
# An activity type's capped count must go with conversion by this many standard errors for its
# events to get points: stricter than a level's CLEAR, as an export holds many types that are
# noise for conversion (emails sent, records changed, pages every lead sees), and a type's rule
# is fed by every one of its events.
TREND_CLEAR = 2.0


class MissingExtra(RuntimeError):
    """scikit-learn is not installed."""


def _sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise MissingExtra("pip install 'revq[calibrate]'") from exc


@contextmanager
def _one_thread() -> Iterator[None]:
    """BLAS on one thread: at these sizes its threads cost more than they bring (ten times
    slower on a busy two-core machine)."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    with threadpool_limits(1):
        yield


def find_outcome(frame: pl.DataFrame) -> str | None:
    """The leads' outcome column, when one is there: a canonical converted or won flag, a
    stage date, an export header such as IsConverted or Won, or the lifecycle stage."""
    for name in OUTCOME_COLUMNS:
        if name in frame.columns and frame[name].null_count() < frame.height:
            return name
    for name in frame.columns:
        if OUTCOME_HEADER.match(name.strip()):
            return name
    if "lifecycle_stage" in frame.columns and reached(frame, "lifecycle_stage").any():
        return "lifecycle_stage"
    return None


def reached(frame: pl.DataFrame, column: str) -> pl.Series:
    """The outcome as yes/no, one value a lead (see `reached_expr`)."""
    return frame.select(reached_expr(frame.schema, column).alias("outcome"))["outcome"]


def held_out(lead_ids: pl.Series, outcome: pl.Series, share: float, seed: int) -> pl.Series:
    """True for the held-out leads: a share of each outcome class, chosen by scikit-learn's
    stratified split of the leads in lead id order (so the export's row order does not move a
    lead from one side to the other), seeded."""
    _sklearn()
    from sklearn.model_selection import train_test_split

    order = pl.DataFrame({"id": lead_ids, "y": outcome}).sort("id")
    _, test = train_test_split(
        order["id"].to_list(), test_size=share, random_state=seed, stratify=order["y"].to_list()
    )
    return lead_ids.is_in(test)


def band_cuts(
    frame: pl.DataFrame, column: str, outcome: pl.Series, training: pl.Series, min_leads: int
) -> list[float]:
    """Where a number's bands change, learned: the split points of a small decision tree of the
    outcome on the number (training leads, at most MAX_BANDS bands, each of at least
    `min_leads` and BAND_SHARE of the leads with a number), each the shortest number between
    the training values either side of it, so a band reads as a person would write it."""
    _sklearn()
    from sklearn.tree import DecisionTreeClassifier

    number = number_expr(column, frame.schema[column])
    pairs = (
        frame.select(number.alias("x"), outcome.alias("y"))
        .filter(training)
        .filter(pl.col("x").is_finite())
    )
    smallest = max(min_leads, int(BAND_SHARE * pairs.height))
    if pairs.height < 2 * smallest:
        return []
    tree = DecisionTreeClassifier(
        max_leaf_nodes=MAX_BANDS, min_samples_leaf=smallest, random_state=SEED
    )
    tree.fit(pairs["x"].to_numpy().reshape(-1, 1), pairs["y"].to_numpy())
    values = pairs["x"].unique().sort()
    cuts = []
    for t in sorted(
        float(t) for t, f in zip(tree.tree_.threshold, tree.tree_.feature, strict=True) if f >= 0
    ):
        below, above = values.filter(values <= t), values.filter(values > t)
        if below.len() and above.len():
            cuts.append(shortest_between(float(below[-1]), float(above[0])))
    return sorted(set(cuts))


def shortest_between(low: float, high: float) -> float:
    """The number with the fewest decimals above `low` and at most `high`: a band of page views
    per visit starts at 2.4, not at 2.4166666666666665, and splits the leads the same way."""
    for places in range(16):
        step = 10.0**-places
        candidate = round((math.floor(low / step) + 1) * step, places)
        if low < candidate <= high:
            return candidate
    return high


def quantile_cuts(frame: pl.DataFrame, column: str, parts: int = 4) -> list[float]:
    """Where a number's bands change without an outcome to learn from: its quantiles among the
    leads with more than zero (zero, or nothing, is its own band)."""
    number = number_expr(column, frame.schema[column])
    values = frame.select(number.alias("x"))["x"].drop_nulls()
    above = values.filter(values > 0)
    if above.len() == 0:
        return []
    cuts = {float(above.quantile(q / parts, "lower") or 0.0) for q in range(1, parts)}
    cuts.add(float(above.min()))  # type: ignore[arg-type]
    return sorted(c for c in cuts if c > 0)


def min_leads_for(training_leads: int) -> int:
    """The fewest training leads a level needs for a rule of its own: 30, or one in 200."""
    return max(30, training_leads // 200)


@dataclass(frozen=True)
class Learned:
    """A scoring model learned from history.

    Attributes:
        features: the columns scored, each level with its whole points.
        events: the activity types scored, each with its points an event and its cap.
        counted: the activity types offered (held by enough training leads), with the cap
            each would have, scored or not.
        points_per_doubling: points that double a lead's odds of converting.
        auc: the held-out AUC of the points, as `revq score` adds them.
        plain_auc: the held-out AUC of a plain logistic regression on the same columns.
        train_auc: the AUC of the points on the training leads.
        checked: the held-out leads the AUCs are measured on (a sample, past CHECK_ROWS).
    """

    features: tuple[Feature, ...]
    events: tuple[EventRule, ...]
    counted: tuple[EventRule, ...]
    points_per_doubling: float
    auc: float
    plain_auc: float
    train_auc: float
    checked: int


def _auc(y: np.ndarray, score: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, score))


def learn_points(
    frame: pl.DataFrame,
    kinds: Sequence[ColumnKind],
    outcome: pl.Series,
    held: pl.Series,
    events: Sequence[EventType] = (),
) -> Learned:
    """Fit whole points for each level of the columns in `kinds` (levels, bands and dates),
    and for each event of the activity types in `events` (their counts columns of `frame`),
    on the leads not `held`, and measure them on the held ones.

    Raises:
        MissingExtra: scikit-learn is not installed.
    """
    _sklearn()
    with _one_thread():
        return _learn_points(frame, kinds, outcome, held, events)


def _learn_points(
    frame: pl.DataFrame,
    kinds: Sequence[ColumnKind],
    outcome: pl.Series,
    held: pl.Series,
    events: Sequence[EventType],
) -> Learned:
    training = ~held
    min_leads = min_leads_for(int(training.sum()))
    features: list[Feature] = []
    for kind in kinds:
        cuts: list[float] = []
        if kind.kind == "bands":
            cuts = band_cuts(frame, kind.column, outcome, training, min_leads)
        feature = build_feature(frame, kind, training, outcome, min_leads=min_leads, cuts=cuts)
        if feature is not None:
            features.append(feature)
    y_all = outcome.cast(pl.Int8).to_numpy()
    fitted_on = training.to_numpy()
    offered: list[EventRule] = []
    for event in events:
        n = frame[event.column].to_numpy()
        if int((n[fitted_on] >= 1).sum()) >= min_leads:
            cap = cap_of(n[fitted_on], y_all[fitted_on], min_leads)
            offered.append(event_rule(frame, event, 0, cap, outcome))
    # The regression and the check read a matrix of every rule for every lead: on a large
    # export, a seeded sample of each side, in the same shares of each outcome class.
    rows = np.concatenate(
        [
            _sample(fitted_on, y_all, FIT_ROWS),
            _sample(held.to_numpy(), y_all, CHECK_ROWS),
        ]
    )
    frame, outcome, held = frame[rows], outcome.gather(rows), held.gather(rows)
    y = y_all[rows]
    train, test = (~held).to_numpy(), held.to_numpy()
    x = fires(frame, [lv.when for f in features for lv in f.levels if lv.when is not None])
    counts = _capped_counts(frame, offered)
    caps = np.array([r.cap for r in offered], dtype=np.int64)
    owner = np.array([i for i, f in enumerate(features) for _ in f.levels], dtype=np.int64)
    active = np.ones(x.shape[1], dtype=bool)
    counted = np.ones(counts.shape[1], dtype=bool)
    points = np.zeros(x.shape[1], dtype=np.int64)
    each = np.zeros(counts.shape[1], dtype=np.int64)
    direction = _direction(x[train], y[train])
    trend = _trend(counts[train], y[train])
    scale = 1.0
    # Fitted; then the levels worth fewer than MIN_POINTS, and those whose points go against
    # their lift (a value that converts better than most getting points off, because another
    # column says it too), are scored 0 and the rest fitted again, until none is: fewer rules,
    # none that reads backwards. An activity type likewise, by the points of its cap and the
    # way its conversion goes with its count.
    for _ in range(MAX_ROUNDS):
        points[:] = 0
        each[:] = 0
        if active.any() or counted.any():
            levels, per_event = _relative_to_zero(x, y, train, owner, active, counts[:, counted])
            linear = x[:, active] @ levels + counts[:, counted] @ per_event
            spread = float(np.quantile(linear[train], 0.99) - np.quantile(linear[train], 0.01))
            scale = SPREAD / spread if spread > 0 else 1.0
            points[active] = np.rint(levels * scale).astype(np.int64)
            each[counted] = np.rint(per_event * scale).astype(np.int64)
        drop = active & ((np.abs(points) < MIN_POINTS) | (np.sign(points) != np.sign(direction)))
        drop_counts = counted & (
            (np.abs(each * caps) < MIN_POINTS) | (np.sign(each) != np.sign(trend))
        )
        if not drop.any() and not drop_counts.any():
            break
        active &= ~drop
        counted &= ~drop_counts
    points[~active] = 0
    each[~counted] = 0
    total = x @ points + counts @ each
    scored: list[Feature] = []
    at = 0
    for f in features:
        scored.append(f.with_points(points[at : at + len(f.levels)].tolist()))
        at += len(f.levels)
    rules = tuple(replace(r, points=int(p)) for r, p in zip(offered, each, strict=True) if p)
    plain_kinds = [*kinds, *(ColumnKind(r.type.column, "bands") for r in offered)]
    return Learned(
        features=tuple(f for f in scored if f.levels),
        events=rules,
        counted=tuple(offered),
        points_per_doubling=round(scale * math.log(2), 1),
        auc=_auc(y[test], total[test]),
        plain_auc=plain_auc(frame, plain_kinds, outcome, held),
        train_auc=_auc(y[train], total[train]),
        checked=int(test.sum()),
    )


def _capped_counts(frame: pl.DataFrame, rules: Sequence[EventRule]) -> np.ndarray:
    """A lead per row, an activity type per column: its events, at most the type's cap."""
    if not rules:
        return np.zeros((frame.height, 0), dtype=np.float64)
    return (
        frame.select(
            pl.min_horizontal(pl.col(r.type.column), pl.lit(r.cap)).cast(pl.Float64).alias(f"e{i}")
            for i, r in enumerate(rules)
        )
        .to_numpy()
        .astype(np.float64)
    )


def cap_of(counts: np.ndarray, y: np.ndarray, min_leads: int) -> int:
    """Where an activity type's conversion stops rising (or falling) with its count: the cap
    k whose capped count min(n, k) fits the outcome best (a logistic regression's likelihood
    on the training leads `counts`, `y`), among the counts at least `min_leads` of the leads
    reach; the smallest on a tie. A count of 1 is the type's being there at all."""
    from sklearn.linear_model import LogisticRegression

    some = counts[counts >= 1]
    values = np.unique(some)
    reached = np.array([(some >= v).sum() for v in values])
    candidates = values[reached >= min_leads]
    if candidates.size > MAX_CAPS:
        picks = np.quantile(some, np.linspace(0, 1, MAX_CAPS), method="lower")
        candidates = np.unique(picks[np.isin(picks, candidates)])
    if candidates.size <= 1:
        return 1
    # The leads as (capped count, outcome) pairs with their numbers: a fit per cap over a
    # few dozen rows rather than every lead.
    top = int(candidates.max())
    pairs, weights = np.unique(
        np.column_stack([np.minimum(counts, top), y]), axis=0, return_counts=True
    )
    fits = []
    for k in candidates.tolist():
        x = np.minimum(pairs[:, :1], k)
        model = LogisticRegression(max_iter=1000).fit(x, pairs[:, 1], sample_weight=weights)
        p = model.predict_proba(x)[:, 1].clip(1e-12, 1 - 1e-12)
        fits.append(float(weights @ np.where(pairs[:, 1] == 1, np.log(p), np.log(1 - p))))
    # The smallest cap within a rounding error of the best fit.
    best = max(fits)
    return int(
        next(
            k
            for k, f in zip(candidates.tolist(), fits, strict=True)
            if f >= best - 1e-9 * abs(best)
        )
    )


def _sample(rows: np.ndarray, y: np.ndarray, limit: int) -> np.ndarray:
    """The indices of the `rows` marked, at most `limit` of them: the same share of each
    outcome class, seeded, in row order."""
    marked = np.flatnonzero(rows)
    if marked.size <= limit:
        return marked
    rng = np.random.default_rng(SEED)
    kept = [
        rng.choice(of, round(limit * of.size / marked.size), replace=False)
        for of in (marked[y[marked] == 0], marked[y[marked] == 1])
    ]
    return np.sort(np.concatenate(kept))


def _relative_to_zero(
    x: np.ndarray,
    y: np.ndarray,
    train: np.ndarray,
    owner: np.ndarray,
    active: np.ndarray,
    counts: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The active levels' coefficients, each less its column's 0-point leads' coefficient, and
    the coefficient of each capped count of events (a number: its own, a point an event).

    Every column is one-hot whole (its 0-point leads one more indicator), so the penalty pulls
    each level towards the average lead rather than towards the column's most common value:
    on a weak signal, the most common value is no better a prior than any other."""
    from sklearn.linear_model import LogisticRegression

    columns = np.unique(owner[active])
    zero = np.column_stack(
        [x[:, (owner == c) & active].sum(axis=1) == 0 for c in columns]
        or [np.zeros((x.shape[0], 0))]
    ).astype(np.float64)
    design = np.hstack([x[:, active], zero, counts])
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    fitted = model.fit(design[train], y[train]).coef_[0]
    n_levels, n_zero = int(active.sum()), zero.shape[1]
    levels, zeros = fitted[:n_levels], fitted[n_levels : n_levels + n_zero]
    base = dict(zip(columns.tolist(), zeros.tolist(), strict=True))
    relative: np.ndarray = levels - np.array([base[c] for c in owner[active].tolist()])
    return relative, fitted[n_levels + n_zero :]


def _direction(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """For each level, its leads' conversion rate less all leads' (0 where the difference is
    within CLEAR standard errors): the way its points should go for its rule to read as its
    lift does, and as `revq backtest` judges a rule (the leads it fires for against all the
    others)."""
    hits = x.sum(axis=0)
    base = float(y.mean())
    rates = np.divide(y @ x, hits, out=np.full(hits.shape, base), where=hits > 0)
    error = np.sqrt(base * (1 - base) / np.maximum(hits, 1))
    direction: np.ndarray = np.where(np.abs(rates - base) >= CLEAR * error, rates - base, 0.0)
    return direction


def _trend(counts: np.ndarray, y: np.ndarray) -> np.ndarray:
    """For each capped count of events, its correlation with conversion (0 where it is within
    TREND_CLEAR standard errors of none): the way an event's points should go for the rule to
    read as the history does."""
    if counts.shape[1] == 0:
        return np.zeros(0)
    spread = counts.std(axis=0)
    centred = (counts - counts.mean(axis=0)) * (y - y.mean()).reshape(-1, 1)
    scale = np.where(spread > 0, spread, 1.0) * max(float(y.std()), 1e-12)
    r = np.where(spread > 0, centred.mean(axis=0) / scale, 0.0)
    trend: np.ndarray = np.where(np.abs(r) * np.sqrt(len(y)) >= TREND_CLEAR, r, 0.0)
    return trend


def plain_auc(
    frame: pl.DataFrame, kinds: Sequence[ColumnKind], outcome: pl.Series, held: pl.Series
) -> float:
    """The held-out AUC of a plain logistic regression on the same columns: every value of a
    levels column (and a date's being filled) one-hot, empty included; numbers scaled to the
    training leads' mean and spread, an empty number at their median."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    training = (~held).to_numpy()
    parts = []
    categorical = []
    for kind in kinds:
        dtype = frame.schema[kind.column]
        if kind.kind == "levels":
            categorical.append(level_key(kind.column, dtype).fill_null("").alias(kind.column))
        elif kind.kind == "date":
            categorical.append(pl.col(kind.column).is_null().cast(pl.String).alias(kind.column))
        elif kind.kind == "bands":
            numbers = frame.select(number_expr(kind.column, dtype))[kind.column].to_numpy()
            numbers = numbers.astype(np.float64)
            numbers[~np.isfinite(numbers)] = np.nan  # an infinite count is as good as unknown
            median = (
                np.nanmedian(numbers[training]) if np.isfinite(numbers[training]).any() else 0.0
            )
            numbers = np.where(np.isnan(numbers), median, numbers)
            parts.append(numbers.reshape(-1, 1))
    if parts:
        numeric = np.hstack(parts)
        scaler = StandardScaler().fit(numeric[training])
        parts = [scaler.transform(numeric)]
    if categorical:
        parts.append(frame.select(categorical).to_dummies().to_numpy().astype(np.float64))
    y = outcome.cast(pl.Int8).to_numpy()
    if not parts:
        return 0.5
    x = np.hstack(parts)
    model = LogisticRegression(max_iter=5000).fit(x[training], y[training])
    return _auc(y[~training], model.predict_proba(x[~training])[:, 1])


def totals(
    frame: pl.DataFrame, features: Sequence[Feature], events: Sequence[EventRule] = ()
) -> pl.DataFrame:
    """Each lead's fit, intent and negative points, as the engine adds them (no caps: the
    scale a learned config writes holds every total); an event rule's points are intent, as
    the engine's are, whatever their sign."""
    # A zero per lead, not a literal: with no rule, a literal would make one row of all.
    zero = pl.repeat(0, pl.len(), dtype=pl.Int64)
    sums: dict[str, pl.Expr] = {"fit": zero, "intent": zero, "negative": zero}
    from revq.core.scoring.conditions import condition_expr

    schema = frame.schema
    for f in features:
        for lv in f.levels:
            if lv.when is None:
                continue
            group = "negative" if lv.points < 0 else f.group
            hit = condition_expr(lv.when, schema)
            sums[group] = sums[group] + pl.when(hit).then(lv.points).otherwise(0)
    for rule in events:
        sums["intent"] = sums["intent"] + rule.expr()
    return frame.select(
        sums["fit"].cast(pl.Int64).alias("fit"),
        sums["intent"].cast(pl.Int64).alias("intent"),
        sums["negative"].cast(pl.Int64).alias("negative"),
    ).with_columns((pl.col("fit") + pl.col("intent") + pl.col("negative")).alias("total"))
