"""Scored leads in the documented order without sorting them all at once.

A sort holds every column it carries: on 10M leads that is 1.5 GB on top of the leads. Here the
scored rows are written once, unordered, to a temporary Parquet file; then bands of adjacent
total scores (about `band_rows` leads each) are read back one at a time, each put in order on
its own, and handed on as they are done, so a sink downstream holds one band at most. The order
is `by_score`'s exactly: a band holds every lead of its scores, and within a band the rows keep
the order they were written in, which is the order they came in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl
from polars.io.plugins import register_io_source

from revq.core.scoring.engine import by_score

BAND_ROWS = 1_000_000
TOTAL = "total_score"


def band_edges(totals: pl.LazyFrame, band_rows: int) -> pl.DataFrame:
    """(high, low) total scores of each band, highest band first: adjacent scores taken whole,
    a new band starting once the leads before a score fill `band_rows`."""
    counts = totals.group_by(TOTAL).len().sort(TOTAL, descending=True)
    before = pl.col("len").cum_sum() - pl.col("len")
    return (
        counts.with_columns((before // band_rows).alias("band"))
        .group_by("band")
        .agg(pl.col(TOTAL).max().alias("high"), pl.col(TOTAL).min().alias("low"))
        .sort("band")
        .select("high", "low")
        .collect()
    )


def in_score_bands(
    workdir: Path, band_rows: int = BAND_ROWS
) -> Callable[[pl.LazyFrame], pl.LazyFrame]:
    """An `order` for score_leads. The scoring runs into `workdir` when the frame it returns is
    first read, so `workdir` must outlive that."""

    def order(scored: pl.LazyFrame) -> pl.LazyFrame:
        schema = scored.collect_schema()
        path = workdir / "scored.parquet"

        def bands(
            columns: list[str] | None,
            predicate: pl.Expr | None,
            n_rows: int | None,
            _batch_size: int | None,
        ) -> Iterator[pl.DataFrame]:
            # Only the columns the rest of the plan reads go through the scratch file (on the
            # bench's leads, half of them: the inputs the rules read are not output).
            needed = list(schema) if columns is None else [TOTAL, "lead_id", *columns]
            written = _scratch(scored.select(list(dict.fromkeys(needed))), path)
            for band in _sorted_bands(written, band_rows):
                if predicate is not None:
                    band = band.filter(predicate)
                if columns is not None:
                    band = band.select(columns)
                if n_rows is not None:
                    band = band.head(n_rows)
                # Handed on in slices: what follows (the texts) then holds a slice at a time.
                for frame in band.collect(engine="streaming").iter_slices(SLICE_ROWS):
                    yield frame
                    if n_rows is not None:
                        n_rows -= frame.height
                        if n_rows <= 0:
                            return

        return register_io_source(bands, schema=schema, explain_name="score bands")

    return order


SLICE_ROWS = 100_000


def _scratch(scored: pl.LazyFrame, path: Path) -> pl.LazyFrame:
    # lz4: the file is read back at once; zstd's smaller file is not worth its time here.
    scored.sink_parquet(path, compression="lz4", statistics=False)
    return pl.scan_parquet(path, glob=False)


def _sorted_bands(written: pl.LazyFrame, band_rows: int) -> Iterator[pl.LazyFrame]:
    """The scored rows in `by_score`'s order, as plans of a band each."""
    unusual = written.select((pl.col(TOTAL).is_null() | pl.col(TOTAL).is_nan()).any()).collect()
    if unusual.item():  # no band holds a missing score: order them all the plain way
        yield by_score(written)
        return
    for high, low in band_edges(written.select(TOTAL), band_rows).iter_rows():
        yield by_score(written.filter(pl.col(TOTAL).is_between(low, high)))
