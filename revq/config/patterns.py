"""Regular expressions in configs, checked by the engine that runs them.

Rules and reason patterns are matched by polars, whose regexes are Rust's: `\\p{Lu}` and
`[[:upper:]]` are valid there, where Python's `re` refuses the one and warns about the other.
"""

from __future__ import annotations

import polars as pl


def regex_error(pattern: str) -> str | None:
    """What is wrong with `pattern` as polars reads it ("invalid repetition count range, the
    start must be <= the end"), or None when it is a valid regex."""
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.ComputeError as exc:
        said = [line.strip() for line in str(exc).splitlines()]
        reason = next((line for line in said if line.startswith("error: ")), said[0])
        return reason.removeprefix("error: ")
    return None
