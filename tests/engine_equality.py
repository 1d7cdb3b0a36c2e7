"""What the engine tests share: the sample project's canonical frames, and the comparison of
another engine's scored leads with the polars engine's, row for row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import numpy as np
import polars as pl

from revq.app.inputs import open_project
from revq.app.run import Run
from revq.app.scoring import ScoringInputs
from revq.core.scoring.columns import OUTPUT
from revq.core.scoring.conditions import NO_CODES, Codes
from revq.core.scoring.engine import AsOf, score_leads
from revq.core.scoring.model import ScoringModel
from revq.core.scoring.wide import LeadIds
from tests.conftest import SAMPLE

SAMPLE_AS_OF = datetime(2026, 11, 1, tzinfo=UTC)  # the end of 2026-10-31, as revq score takes it


@dataclass(frozen=True)
class Canonical:
    model: ScoringModel
    leads: pl.DataFrame
    activities: pl.DataFrame
    signals: pl.DataFrame


@cache
def sample_project() -> Canonical:
    """The sample project's leads, activities and signals as revq's own loader gives them."""
    project = open_project(SAMPLE / "revq.yaml")
    inputs = ScoringInputs(Run(), project)
    assert inputs.activities is not None and inputs.signals is not None
    return Canonical(inputs.compiled.model, inputs.leads.frame, inputs.activities, inputs.signals)


def polars_scored(
    model: ScoringModel,
    leads: pl.DataFrame,
    *,
    activities: pl.DataFrame | None,
    signals: pl.DataFrame | None,
    as_of: AsOf,
) -> pl.DataFrame:
    """The polars engine's output: the columns and rows `revq score` writes, by the paths it
    takes for those leads' ids and texts."""
    scored = score_leads(
        leads,
        model,
        activities=activities.lazy() if activities is not None else None,
        signals=signals.lazy() if signals is not None else None,
        as_of=as_of,
        ids=LeadIds.of(leads),
        lead_codes=Codes.of(leads, model.lead_columns()),
        event_codes=NO_CODES if activities is None else Codes.of(activities, model.event_columns()),
    )
    columns = [c for c in OUTPUT if c in scored.collect_schema()]
    return scored.select(columns).collect()


def same_values(expected: pl.Series, got: pl.Series) -> pl.Series:
    """Row by row, whether two columns hold the same value: floats bit for bit but for a NaN's
    payload (-0.0 is not 0.0: polars writes them differently), nulls alike, other types
    equal."""
    if not expected.dtype.is_float():
        return expected.eq_missing(got)
    want, have = expected.to_numpy(), got.cast(expected.dtype).to_numpy()
    nulls = expected.is_null().to_numpy(), got.is_null().to_numpy()
    both_nan = np.isnan(want) & np.isnan(have)
    equal = (want == have) & (np.signbit(want) == np.signbit(have))
    same = (nulls[0] & nulls[1]) | (~nulls[0] & ~nulls[1] & (both_nan | equal))
    return pl.Series(same)


def assert_same_rows(expected: pl.DataFrame, got: pl.DataFrame) -> None:
    """Same columns in the same order, same rows in the same order; floats bit for bit (the
    sign of a zero too), texts to the character. A failure names the first row and column
    that differ."""
    assert got.columns == expected.columns, (got.columns, expected.columns)
    assert got.height == expected.height, (got.height, expected.height)
    have = got.cast(expected.schema)  # type: ignore[arg-type]
    for column in expected.columns:
        differs = ~same_values(expected[column], have[column])
        if differs.any():
            i = int(differs.arg_true()[0])
            raise AssertionError(
                f"{int(differs.sum())} rows differ in {column!r}; first at row {i} "
                f"(lead {expected['lead_id'][i]!r}): polars {expected[column][i]!r}, "
                f"engine {got[column][i]!r}"
            )
