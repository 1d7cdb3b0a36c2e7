"""Text that fits a terminal: tables of one line a row, paragraphs wrapped, sized to a width.

A view is a list of lines (rich `Text`: styled in a terminal, plain in a file or a pipe), each
no wider than the width it was laid out for. A table that is too wide first cuts its long texts
with an ellipsis, down to each one's narrowest useful width, then leaves out the columns a
reader needs least. An id is never cut: an id cut short cannot be pasted into the next command.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from revq.render.bidi import CONTROLS as BIDI_CONTROLS
from revq.render.bidi import SHOWN as BIDI_SHOWN

GAP = 2  # spaces between columns
FLOOR = 8  # the narrowest a cut text is made, whatever else: "why now" and an ellipsis
Cell = str | Text
Lines = list[Text]


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        header: its heading.
        right: right-aligned (numbers, so their digits line up).
        cut: a long text, cut with an ellipsis to fit; the others keep their whole width.
        min_width: the narrowest a cut column is made before columns are left out.
        drop: 0 for a column always shown; otherwise the columns left out when the rest cannot
            fit, the lowest number first, columns of one number together.
        style: the style of its cells in a terminal.
    """

    header: str
    right: bool = False
    cut: bool = False
    min_width: int = 8
    drop: int = 0
    style: str = ""


# Every C0 control, DEL and C1 control in a value, shown as a character of its own: from an
# export (an owner `Marco\x1b[1A\x1b[2KBianchi`, a company with a link or a screen clear in it)
# it would move the cursor, erase lines or open a link in the reader's terminal. C0 and DEL read
# as their Unicode control pictures (ESC as ␛), C1, which has none, as U+FFFD. One character
# for one keeps the spans of a styled Text in place; the styles themselves are rich's, added
# when the view is printed. A bidirectional control (revq.render.bidi), which would reverse the
# rest of its row, reads as U+FFFD too.
_INERT = {
    **{code: 0x2400 + code for code in range(0x20)},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
    **dict.fromkeys(map(ord, BIDI_CONTROLS), 0xFFFD),
}


# A message on stderr has no spans to keep: besides the controls above (a line break or a tab
# too, so that a quoted value cannot add a line or push the rest aside), the bidirectional
# controls are written as their code points, and so are the line and paragraph separators
# (U+2028, U+2029), which a log reader may take for line ends.
_INERT_MESSAGE = {**_INERT, **BIDI_SHOWN, 0x2028: "<U+2028>", 0x2029: "<U+2029>"}


def shown_controls(text: str) -> str:
    """`text` with each C0, DEL, C1 and bidirectional control shown as a character of its
    own (as `inert` shows a cell's)."""
    return text.translate(_INERT)


def inert_message(text: str) -> str:
    """A message for stderr with its control characters shown, not obeyed: an export's
    header, value or file name quoted in it cannot colour, move or erase the terminal's text,
    add a line, or reorder what is around it."""
    return text.translate(_INERT_MESSAGE)


def inert(cell: Cell) -> Cell:
    """A cell with its control characters shown, not obeyed."""
    if isinstance(cell, str):
        return shown_controls(cell)
    shown = shown_controls(cell.plain)
    if shown == cell.plain:
        return cell
    out = cell.copy()
    out.plain = shown
    return out


def width_of(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


def fit(cell: Cell, width: int, *, right: bool = False, style: str = "") -> Text:
    """A cell cut to `width` with an ellipsis, padded to it and aligned."""
    text = cell.copy() if isinstance(cell, Text) else Text(cell, style=style)
    if text.cell_len > width:
        text.truncate(width, overflow="ellipsis")
    text.align("right" if right else "left", width)
    return text


def widths(columns: Sequence[Column], natural: Sequence[int], width: int) -> list[int | None]:
    """Each column's width, or None for a column left out, so that the row fits `width`."""
    shown = list(range(len(columns)))

    def narrowest() -> int:
        fixed = sum(
            min(natural[i], columns[i].min_width) if columns[i].cut else natural[i] for i in shown
        )
        return fixed + GAP * (len(shown) - 1)

    while narrowest() > width:
        ranks = [columns[i].drop for i in shown if columns[i].drop]
        if not ranks:
            break  # nothing more can go: the row is as narrow as it gets
        # The least needed columns go first, together (fit, intent and signal are one idea).
        shown = [i for i in shown if columns[i].drop != min(ranks)]
    out: list[int | None] = [None] * len(columns)
    for i in shown:
        out[i] = min(natural[i], columns[i].min_width) if columns[i].cut else natural[i]
    cut = [i for i in shown if columns[i].cut]
    room = width - GAP * (len(shown) - 1) - sum(out[i] or 0 for i in shown)
    # Nothing left to leave out and still too wide (ids as long as a UUID, which are never
    # cut): the cut texts give up their usual minimum, the widest first, down to a few
    # characters, rather than every row folding onto a second line.
    while room < 0 and cut:
        wide = max(cut, key=lambda i: out[i] or 0)
        take = min(-room, (out[wide] or 0) - FLOOR)
        if take <= 0:
            break
        out[wide] = (out[wide] or 0) - take
        room += take
    # What is left goes to the cut texts, the least cut first: a name a few characters short
    # of whole is made whole before a long text gets longer.
    for i in sorted(cut, key=lambda i: natural[i] - (out[i] or 0)):
        more = max(0, min(natural[i] - (out[i] or 0), room))
        out[i] = (out[i] or 0) + more
        room -= more
    return out


def table(
    columns: Sequence[Column], rows: Iterable[Sequence[Cell]], width: int, indent: int = 0
) -> Lines:
    """A header line and one line a row, fitted to `width` (`indent` spaces included)."""
    rows = [[inert(c) for c in r] for r in rows]
    if not rows:
        return [Text(" " * indent + "(none)", style="dim")]
    natural = [
        max([width_of(c.header), *(width_of(r[i]) for r in rows)]) for i, c in enumerate(columns)
    ]
    sizes = widths(columns, natural, width - indent)
    shown = [(i, w) for i, w in enumerate(sizes) if w is not None]

    def line(cells: Sequence[Cell], header: bool = False) -> Text:
        parts = [
            fit(
                cells[i],
                w,
                right=columns[i].right,
                style="bold" if header else columns[i].style,
            )
            for i, w in shown
        ]
        text = Text(" " * indent)
        text.append_text(Text(" " * GAP).join(parts))
        text.rstrip()
        return text

    return [line([c.header for c in columns], header=True), *(line(r) for r in rows)]


def title(text: str) -> Text:
    return Text(text.translate(_INERT), style="bold")


def wrap(text: str, width: int, indent: int = 0, hanging: int = 2, style: str = "") -> Lines:
    """A paragraph wrapped to `width`, its later lines indented `hanging` more: a finding is
    never cut, since it is what the reader came for."""
    lines = textwrap.wrap(
        text,
        width=max(width, 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hanging),
        break_on_hyphens=False,
    )
    # after the wrap, which has made tabs and line ends spaces: one control, one cell
    return [Text(line.translate(_INERT), style=style) for line in lines] or [Text("")]


def message_lines(text: str, width: int) -> list[str]:
    """A message's lines for a terminal `width` wide: wrapped at spaces, each later line
    indented two more than its line began. A word longer than the room left (an export's path
    far away) is never cut with a line break inside it: it goes on a line of its own, at the
    margin if the indent would push it past the width, and a word wider than the terminal
    itself is left whole for the terminal to fold and a reader to copy."""
    width = max(width, 20)
    out: list[str] = []
    for line in text.split("\n"):
        if cell_len(line) <= width:  # as it is, its spaces lining up columns kept
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip(" "))
        pad = " " * (lead + 2)
        current = line[:lead]
        # split at a space before a word: a run of spaces stays with the word before it
        for word in re.split(r" (?=\S)", line[lead:]):
            if current.strip() and cell_len(current) + 1 + cell_len(word) <= width:
                current += " " + word
                continue
            if current.strip():
                out.append(current.rstrip())
                fits = len(pad) + cell_len(word) <= width or cell_len(word) > width
                current = pad if fits else ""
            current += word
        out.append(current)
    return out


def pairs(items: Sequence[tuple[str, str]], width: int, indent: int = 2) -> Lines:
    """Labels and values, the values lined up."""
    label = max((cell_len(k) for k, _ in items), default=0)
    out: Lines = []
    for key, value in items:
        out += wrap(f"{key.ljust(label)}  {value}", width, indent, hanging=label + GAP)
    return out


def plain(lines: Iterable[Text]) -> str:
    """A view as the text a file or a pipe receives."""
    return "".join(line.plain + "\n" for line in lines)
