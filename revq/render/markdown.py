"""Markdown that renders cleanly on GitHub, and where an export's values stay text."""

from __future__ import annotations

import html
import re

from revq.render.bidi import bidi_shown
from revq.render.layout import shown_controls

# Backslash-escapable in CommonMark and in Python-Markdown (MkDocs) alike: code spans, emphasis,
# link brackets, table cells. `<`, `>` and `&` are made entities instead: Python-Markdown does
# not read `\<` as an escape, and a value that spells an entity (`&lt;`) must show as typed.
# Parentheses are left: they make a link only after a `]`, which is always escaped.
_PUNCTUATION = re.compile(r"[\\`*\[\]|]")
# `_` only opens or closes emphasis where a letter or digit is not on both sides of it: a code
# such as bad_timing is left as typed.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def _one_line(value: object) -> str:
    """A value on one line with its controls shown, not obeyed: a bidirectional control as its
    code point, any other as in a terminal's table (a report printed to one, -o -, must not
    colour or erase its text)."""
    text = bidi_shown("" if value is None else str(value))
    return shown_controls(text.replace("\n", " ").replace("\r", " ").replace("\t", " "))


def md_text(value: object) -> str:
    """A value as inert Markdown text on one line: no HTML, link, image, code span, emphasis
    or table cell boundary comes from it, whatever a CSV export holds, and no bidirectional
    control to reorder the rest of its line: each is written as its code point, `<U+202E>`
    (Markdown has no isolation that every renderer keeps, and GitHub warns of a file that
    holds one)."""
    text = _PUNCTUATION.sub(r"\\\g<0>", html.escape(_one_line(value), quote=False))
    return _UNDERSCORE.sub(r"\\_", text)


def md_code(value: object) -> str:
    """A value as a Markdown code span (a file's path), shown as typed: inside one
    nothing is read as markup, and the backticks around it outnumber any run within it. A
    bidirectional control is written as its code point, as in md_text: a file named to read
    backwards would show another name."""
    text = _one_line(value)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    # a pipe would still end a table cell, code span or not (GFM reads `\|` as a pipe)
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def md_table(header: list[str], rows: list[list[str]]) -> str:
    """A table of revq's own headings and of cells made inert (they carry export values)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(md_text, row)) + " |" for row in rows]
    return "\n".join(lines)
