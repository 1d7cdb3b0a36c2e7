"""Text as the polars engine means it, in DuckDB: regexes (search, Unicode word boundaries and
classes, case folding), stripping, lowercasing and the case variants taken from polars."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

pytest.importorskip("ibis")

from revq.engines.errors import NotCompiled
from revq.engines.regex import search_pattern
from revq.engines.text import STRIP_PATTERN
from revq.engines.unicode import (
    DOTTED_CAPITAL_I,
    DOTTED_CAPITAL_I_LOWER,
    case_orbits,
    unstable_lower,
)
from tests.engine_regex_cases import PATTERNS, TEXTS


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def polars_matches(pattern: str) -> list[bool]:
    return pl.Series(TEXTS).str.contains(f"(?i){pattern}").to_list()


@pytest.mark.parametrize("pattern", PATTERNS)
def test_regex_spelt_for_sql_matches_what_polars_matches(
    con: duckdb.DuckDBPyConnection, pattern: str
) -> None:
    spelt = search_pattern(pattern, "rule 'r'")
    got = [
        row[0]
        for row in con.execute(
            "select regexp_matches(t, ?) from unnest(?::varchar[]) as u(t)",
            [spelt, list(TEXTS)],
        ).fetchall()
    ]
    assert got == polars_matches(pattern), spelt


def test_the_corpus_has_teeth(con: duckdb.DuckDBPyConnection) -> None:
    """RE2 given the patterns as they are (with polars' (?i)) disagrees with polars on these
    texts: the spelling is what makes them agree."""
    differing = []
    for pattern in PATTERNS:
        rows = con.execute(
            "select regexp_matches(t, ?) from unnest(?::varchar[]) as u(t)",
            [f"(?i){pattern}", list(TEXTS)],
        ).fetchall()
        if [r[0] for r in rows] != polars_matches(pattern):
            differing.append(pattern)
    assert PATTERNS[0] in differing  # "vpä": RE2's \b takes ä for a non-word character
    assert r"\d+" in differing  # Arabic-Indic digits
    assert r"^\s*vp" in differing  # an ideographic space
    assert len(differing) >= 4


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        (r"a\b.", "word boundary"),
        (r"(a)\1", "not valid for polars"),
        (r"(?=a)", "not valid for polars"),
        (r"\<vp", "start-of-word"),
        (r"[[:alpha:]]", "POSIX class"),
        (r"(?m)^a", "multi-line"),
        (r"a{1001}", "over 1000"),
    ],
)
def test_a_regex_that_cannot_be_spelt_is_refused_naming_the_rule(pattern: str, why: str) -> None:
    with pytest.raises(NotCompiled, match=rf"rule 'r':.*{why}"):
        search_pattern(pattern, "rule 'r'")


def test_strip_takes_the_whitespace_polars_strips(con: duckdb.DuckDBPyConnection) -> None:
    texts = [f"{c}x{c}" for c in map(chr, range(0x3001))] + ["\u00a0\u2003 x \t\n"]
    want = pl.Series(texts).str.strip_chars().to_list()
    got = [
        row[0]
        for row in con.execute(
            "select regexp_replace(t, ?, '', 'g') from unnest(?::varchar[]) as u(t)",
            [STRIP_PATTERN, texts],
        ).fetchall()
    ]
    assert got == want
    assert sum(g == "x" for g in got) == 25 + 1  # Unicode's 25 white-space characters, and x


def test_duckdb_lowercases_as_polars_but_for_the_characters_refused(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Every character DuckDB lowercases differently from polars (Rust) lowercases into
    one that text comparisons refuse, or is the dotted capital I the engine spells out."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    want = pl.Series(chars).str.to_lowercase().to_list()
    rel = con.execute(
        "select lower(replace(c, ?, ?)) from unnest(?::varchar[]) with ordinality as u(c, i) "
        "order by i",
        [DOTTED_CAPITAL_I, DOTTED_CAPITAL_I_LOWER, chars],
    )
    got = [row[0] for row in rel.fetchall()]
    differing = [(c, w, g) for c, w, g in zip(chars, want, got, strict=True) if w != g]
    assert differing  # DuckDB's Unicode tables are not polars'
    for char, polars_lower, duckdb_lower in differing:
        assert unstable_lower(polars_lower) or unstable_lower(duckdb_lower), hex(ord(char))
    # Greek final sigma: polars writes a word's last capital sigma as ς, DuckDB as σ
    assert pl.Series(["ΟΔΟΣ"]).str.to_lowercase()[0].endswith("ς")
    assert unstable_lower("ς") and unstable_lower("σ")


def test_case_variants_are_the_ones_polars_matches() -> None:
    orbits = case_orbits()
    assert orbits[ord("k")] == {ord("k"), ord("K"), 0x212A}  # Kelvin sign
    assert orbits[ord("s")] == {ord("s"), ord("S"), 0x17F}  # long s
    assert ord("ı") not in orbits.get(ord("i"), {ord("i")})  # Rust: i is not dotless i
    sample = sorted(orbits)[::7]
    texts = [chr(b) for a in sample for b in orbits[a]]
    patterns = [f"(?i)^{chr(a)}$" for a in sample for _ in orbits[a]]
    frame = pl.DataFrame({"t": texts, "p": patterns})
    assert frame.select(pl.col("t").str.contains(pl.col("p")).all()).item()


def test_the_loaders_trim_takes_the_whitespace_polars_strips() -> None:
    """The loader's strip in DuckDB (a pattern, where a value's first or last character may
    be white space): for every code point, at both ends and at either end alone, what
    polars' strip_chars() takes."""
    import ibis

    from revq.engines.load.text import Text

    chars = [chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    texts = [f"{c}x{c}" for c in chars] + [f"{c}{c}" for c in chars[:0x3001]]
    texts += [f"{c}x" for c in chars[:0x3001]] + [f"x{c}" for c in chars[:0x3001]]
    texts += ["\u00a0\u2003 x \t\n", "", "\u3000", "x", "xé", "éx", "\x7fx\x84"]
    frame = pl.DataFrame({"i": range(len(texts)), "t": texts})
    table = ibis.memtable(frame)
    stripped = table.select("i", s=Text("duckdb").strip(table.t)).order_by("i")
    got = ibis.duckdb.connect().to_polars(stripped)
    want = frame.select("i", s=pl.col("t").str.strip_chars())
    assert got["s"].equals(want["s"])
    # Unicode's 25 white-space characters at both ends, at the start, at the end; a padded x
    # and x itself
    assert (want["s"] == "x").sum() == 3 * 25 + 2
