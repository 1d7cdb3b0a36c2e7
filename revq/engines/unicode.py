"""The Unicode the polars engine's text operations mean, spelt so SQL engines mean the same.

polars strips and lowercases text with Rust's Unicode tables and matches regular expressions
with Rust's `regex` crate; DuckDB (RE2), Spark (Java) and the warehouses each have their own.
Where they differ revq spells the meaning out: whitespace and word characters as explicit
classes, case-insensitivity as the set of characters each letter matches (taken from polars
itself), and the few characters engines lowercase differently refused in comparisons.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import polars as pl

# Unicode White_Space: what polars' strip_chars() and Rust's \s take as whitespace.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

# Rust's \w (Unicode "word": Alphabetic, marks, decimal digits, connector punctuation and
# join controls) as classes RE2 and Java both know; the ranges are the Other_Alphabetic
# symbols (circled and squared letters) that no general category covers.
WORD_ITEMS = (
    r"\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}"
    r"\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}"
)
DIGIT_ITEMS = r"\p{Nd}"

# Characters that Rust (polars), DuckDB and Java lowercase differently, as they come out of
# lowercasing: Greek sigma (Rust and Java write a word's last capital sigma as a final
# sigma, DuckDB does not) and letters of recent Unicode versions that an engine's tables do
# not have yet. A text comparison whose lowercased value holds one of them is not compiled.
# (Capital I with dot above is handled: it is spelt out before lowercasing.)
UNSTABLE_LOWER = (
    (0x019B, 0x019B),
    (0x0264, 0x0264),
    (0x03C2, 0x03C3),
    (0x1C89, 0x1C8A),
    (0x2C2F, 0x2C2F),
    (0x2C5F, 0x2C5F),
    (0xA7C0, 0xA7C1),
    (0xA7CB, 0xA7DC),
    (0x10570, 0x105BC),
    (0x10D50, 0x10D85),
    (0x16EA0, 0x16ED3),
)
DOTTED_CAPITAL_I = "\u0130"
DOTTED_CAPITAL_I_LOWER = "i\u0307"  # what Rust's and Java's lowercasing make of it


def unstable_lower(text: str) -> str | None:
    """The first character of `text` that engines lowercase differently, or None."""
    for ch in text:
        cp = ord(ch)
        if any(low <= cp <= high for low, high in UNSTABLE_LOWER):
            return ch
    return None


_META = set("\\.+*?()|[]{}^$#")
_CLASS_META = set("\\[]^-&~")


def escape_char(ch: str, *, in_class: bool = False) -> str:
    """One character as a regex atom (or class member) RE2 and Java read the same way:
    printable characters as themselves, metacharacters escaped, the rest as \\x{HEX}."""
    if ch in (_CLASS_META if in_class else _META):
        return "\\" + ch
    if ch.isascii():
        return ch if ch.isprintable() else f"\\x{{{ord(ch):X}}}"
    if unicodedata.category(ch)[0] in "LNPS":
        return ch
    return f"\\x{{{ord(ch):X}}}"


def class_items(ranges: list[tuple[int, int]]) -> str:
    """Code point ranges as the inside of a character class."""
    out = []
    for low, high in ranges:
        out.append(escape_char(chr(low), in_class=True))
        if high > low:
            out.append("-" + escape_char(chr(high), in_class=True))
    return "".join(out)


def merge_ranges(points: set[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for cp in sorted(points):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


@cache
def case_orbits() -> dict[int, frozenset[int]]:
    """For each character with case variants, the characters polars' `(?i)` matches it with.

    Candidates are the characters Python's case mappings link; polars (Rust's simple case
    folding) decides which of them match, so that the SQL spelling means what polars does
    (Rust does not match i with a dotless i, Python's re does)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        parent[x] = root
        return root

    for cp in range(0x20000):  # every cased character lies in the first two planes
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        for mapped in (ch.lower(), ch.upper(), ch.casefold(), ch.title()):
            if len(mapped) == 1 and mapped != ch:
                a, b = find(cp), find(ord(mapped))
                if a != b:
                    parent[a] = b
    groups: dict[int, set[int]] = {}
    for cp in list(parent):
        groups.setdefault(find(cp), set()).add(cp)
    pairs = [(a, b) for g in groups.values() if len(g) > 1 for a in g for b in g]
    frame = pl.DataFrame(
        {
            "pattern": [f"(?i)^{re.escape(chr(a))}$" for a, _ in pairs],
            "text": [chr(b) for _, b in pairs],
            "a": [a for a, _ in pairs],
            "b": [b for _, b in pairs],
        }
    )
    matched = frame.filter(pl.col("text").str.contains(pl.col("pattern")))
    orbits: dict[int, set[int]] = {}
    for a, b in zip(matched["a"].to_list(), matched["b"].to_list(), strict=True):
        orbits.setdefault(a, {a}).add(b)
    return {a: frozenset(o) for a, o in orbits.items() if len(o) > 1}


def orbit(cp: int) -> frozenset[int]:
    """The characters a case-insensitive match of `cp` accepts (itself at least)."""
    return case_orbits().get(cp, frozenset((cp,)))


@cache
def is_word(cp: int) -> bool:
    """Whether polars' \\w matches the character."""
    ch = chr(cp)
    if ch.isascii():
        return ch.isalnum() or ch == "_"
    return bool(pl.Series([ch]).str.contains(r"^\w$")[0])
