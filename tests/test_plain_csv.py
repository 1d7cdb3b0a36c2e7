"""The plain reader (io/plain_csv.py) reads a clean export straight with polars, and declines
any file whose line accounting is not trivial. Whatever it accepts, the careful reader
(io/text.py) must read to the same table; what it declines is listed here by kind."""

from __future__ import annotations

import codecs
import contextlib
import mmap
import re
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revq.core.schema import LINE
from revq.errors import InputError
from revq.io import plain_csv, text
from revq.io.plain_csv import read_plain
from revq.io.text import read_delimited

PATH = Path("export.csv")


def plain(data: bytes, **options: object) -> object:
    kwargs = {"encoding": None, "delimiter": None, "null_values": [], **options}
    return read_plain(PATH, data, **kwargs)  # type: ignore[arg-type]


def plain_from_file(data: bytes) -> object:
    """The plain reader on the file holding `data`, mapped and parsed by polars from its path,
    as the loader reads an export on disk."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "export.csv"
        file.write_bytes(data)
        with plain_csv.mapped(file) as view:
            if view is None:
                return None
            return read_plain(PATH, view, file=file, encoding=None, delimiter=None, null_values=[])


def careful(data: bytes) -> object:
    return read_delimited(PATH, data, encoding=None, delimiter=None, null_values=[])


def assert_same(data: bytes) -> bool:
    """The plain reader's table is the careful reader's; True when it read the file."""
    try:
        fast = plain(data)
    except InputError as exc:  # the same complaint either way (a duplicate header)
        with pytest.raises(InputError) as slow:
            careful(data)
        assert str(slow.value) == str(exc)
        return False
    mapped = plain_from_file(data)
    if fast is None:
        assert mapped is None
        return False
    assert mapped is not None
    assert mapped.frame.equals(fast.frame)  # type: ignore[attr-defined]
    assert mapped.warnings == fast.warnings  # type: ignore[attr-defined]
    slow = careful(data)
    for name in ("headers", "encoding", "delimiter", "rows_read", "footer_rows", "warnings"):
        assert getattr(fast, name) == getattr(slow, name), name
    assert fast.blank_lines == slow.blank_lines == 0  # type: ignore[attr-defined]
    assert fast.rejects.height == slow.rejects.height == 0  # type: ignore[attr-defined]
    assert fast.frame.equals(slow.frame), (fast.frame, slow.frame)  # type: ignore[attr-defined]
    return True


def test_a_clean_export_is_read_with_its_line_numbers() -> None:
    data = b'id,name,note\n1,Ada,"hello, world"\n2,Bob,\n3,"Cy ""C""",x\n'
    table = plain(data)
    assert table is not None
    assert table.headers == ["id", "name", "note"]  # type: ignore[attr-defined]
    frame = table.frame  # type: ignore[attr-defined]
    assert frame[LINE].to_list() == [2, 3, 4]
    assert frame["note"].to_list() == ["hello, world", None, "x"]
    assert frame["name"].to_list() == ["Ada", "Bob", 'Cy "C"']
    assert assert_same(data)


@pytest.mark.parametrize(
    "data",
    [
        b"a,b\r\n1,2\r\n3,4\r\n",  # CRLF
        b"a,b\n1,2\n3,4",  # no final line end
        b"\xef\xbb\xbfa;b\n1;2\n",  # a byte-order mark, semicolons
        b"\xef\xbb\xbf\xef\xbb\xbfa;b\n1;2\n",  # two marks (a file saved twice with one)
        b"a\tb\n1\t2\n",
        b"a|b\n1|\xef\xbf\xbd\n",  # a replacement character: warned of
        b"a,b\n,2\n1,\n",  # empty first and last values
        b'"a,x",b\n"1,2",3\n',  # quoted delimiters in the header and a value
        b"a\n1\n2\n",  # one column
    ],
)
def test_plain_files_are_read_and_agree(data: bytes) -> None:
    assert assert_same(data)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"a,b\n1,2\n3\n", "a short row"),
        (b"a,b\n1\n3,4,5\n", "a short row and a long one"),
        (b"a,b\n1\n3,4,", "a short row and a last line with an extra empty value"),
        (b"a,b\n1,2\n3,4,\n\n", "a long row and a blank line"),
        (b"a,b\n1,2\n3,4,5\n", "a long row"),
        (b"a,b\n1,2\n\n3,4\n", "a blank line"),
        (b"a,b\n1,2\n,\n3,4\n", "a line of delimiters"),
        (b'a,b\n1,2\n"",""\n', "a line of empty quotes"),
        (b"a\n1\n \n2\n", "a line of white space in one column"),
        (b"a,b\n1,2\n3,4\n\n", "a blank line at the end"),
        (b'a,b\n1,"x\ny"\n', "a value over two lines"),
        (b'a,b\n1,5"10\n', "a stray quote"),
        (b'a,b\n1",1"\n', "quotes inside values, which the careful reader counts as one field"),
        (b"Report: leads\na,b\n1,2\n", "a title above the header"),
        (b"a,b,\n1,2,\n", "an empty last header"),
        (b"a,b\n1,2\nGrand Totals (1 records)\n", "a report footer"),
        (b'a,b\n1,2\n"Copyright (c) 2026 Acme",\n', "a footer as wide as a row"),
        (b"a,b\n1,\xe9\n", "Latin-1 bytes"),
        (b"a,b\r1,2\r", "classic Mac line ends"),
        (b"a,b\n", "no rows"),
        (codecs.BOM_UTF8 * 2 + b"\n1\n", "two byte-order marks, then a blank line"),
        (b"", "nothing"),
    ],
)
def test_what_is_not_plain_is_left_to_the_careful_reader(data: bytes, why: str) -> None:
    assert plain(data) is None, why
    assert plain_from_file(data) is None, why


def test_short_rows_after_blank_lines_are_quarantined_by_the_careful_reader() -> None:
    """Found by the property test below: polars panicked while writing these rows' reasons
    (pl.format), and revq stopped with a traceback. Lines 1-3 come before the header (line 4);
    lines 5 and 6 are rows, 7 and 8 hold one field of two."""
    table = careful(b'\n\n""\n,a\nZ,""\n,Z\n""e\n"x"')
    assert table.frame.height == 2  # type: ignore[attr-defined]
    rejects = table.rejects  # type: ignore[attr-defined]
    assert rejects["line"].to_list() == [7, 8]
    assert rejects["rule"].to_list() == ["short_row: 1 fields, expected 2"] * 2
    assert rejects["raw_value"].to_list() == ['""e', '"x"']


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\r\n", codecs.BOM_UTF16_LE * 2, codecs.BOM_UTF16_BE],
)
def test_a_byte_order_mark_alone_is_an_empty_file(data: bytes) -> None:
    """Found by generated files: a UTF-8 mark alone stopped the plain reader with a Python
    error, a UTF-16 file holding only marks stopped polars; both are files with no header."""
    assert plain(data) is None
    with pytest.raises(InputError, match="the file is empty"):
        careful(data)


def test_a_second_byte_order_mark_is_no_part_of_the_first_header() -> None:
    table = careful(codecs.BOM_UTF8 * 2 + b"Email,Company\na@b.com,X\n")
    assert table.headers == ["Email", "Company"]  # type: ignore[attr-defined]
    assert assert_same(codecs.BOM_UTF8 * 2 + b"Email,Company\na@b.com,X\n")


def test_a_value_polars_cannot_parse_is_named_whole_in_the_error() -> None:
    """polars' message is cut to its first sentence, not at a full stop inside the value."""
    with pytest.raises(InputError) as caught:
        careful(b'a,b\n"Acme. Inc"x,1\n')
    assert '`"Acme. Inc"x`' in str(caught.value)
    assert str(caught.value).endswith("): is it really a CSV export?")


def test_an_export_written_while_polars_parses_it_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The census counts the mapped bytes and polars parses the file: if the file changes in
    between, what polars read is not what was counted."""
    file = tmp_path / "export.csv"
    file.write_bytes(b"a,b\n1,2\n")
    parse = pl.read_csv

    def parse_after_a_write(*args: object, **kwargs: object) -> pl.DataFrame:
        with file.open("ab") as handle:
            handle.write(b"3\n")
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pl, "read_csv", parse_after_a_write)
    with plain_csv.mapped(file) as view, pytest.raises(InputError, match="changed while revq"):
        assert view is not None
        read_plain(PATH, view, file=file, encoding=None, delimiter=None, null_values=[])


def test_a_file_that_cannot_be_mapped_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems refuse a memory map: the bytes are then read, and the table is
    the same."""
    file = tmp_path / "export.csv"
    file.write_bytes(b"a,b\n1,2\n")

    class Refused(mmap.mmap):
        def __new__(cls, *args: object, **kwargs: object) -> Refused:
            raise OSError("no mapping here")

    monkeypatch.setattr(mmap, "mmap", Refused)
    with plain_csv.mapped(file) as view:
        assert view == b"a,b\n1,2\n"
        table = read_plain(PATH, view, file=file, encoding=None, delimiter=None, null_values=[])
    assert table is not None
    assert table.frame.equals(plain(b"a,b\n1,2\n").frame)  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(
    st.binary(min_size=1, max_size=40).map(lambda b: bytes(x % 4 + 10 for x in b)),
    st.sampled_from([1, 2, 3, 5, 1 << 20]),
)
def test_a_lone_cr_is_found_in_slices_of_any_size(data: bytes, chunk: int) -> None:
    """Bytes of LF, CR and two others: the lone-CR search over slices agrees with a pattern
    for a CR that no LF follows, wherever a slice ends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "SLICE", chunk)
        assert text.has_lone_cr(data) == (re.search(rb"\r(?!\n)", data) is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=40).map(lambda b: bytes(x % 3 + 0xBD for x in b)),
    st.sampled_from([b"", b"\xbd", b"\xbf\xbd", b"\xbd\xbe\xbf"]),
    st.sampled_from([1, 2, 3, 5, 1 << 22]),
)
def test_a_search_a_slice_at_a_time_finds_what_one_search_finds(
    data: bytes, needle: bytes, size: int
) -> None:
    """Three byte values, needles of none to three bytes: the first place found is the same
    wherever the slices end, a needle across two slices included."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "_FIND_SLICE", size)
        assert text.find(data, needle) == data.find(needle)


def test_options_the_plain_reader_does_not_apply_send_the_file_the_careful_way() -> None:
    data = b"a,b\n1,NULL\n"
    assert plain(data) is not None
    assert plain(data, null_values=["NULL"]) is None
    assert plain(data, encoding="utf-8") is None


def test_a_duplicate_header_is_the_same_error_either_way() -> None:
    data = b"a,a\n1,2\n"
    with pytest.raises(InputError, match="duplicate header"):
        plain(data)
    assert not assert_same(data)


# Generated files: values from an alphabet rich in what breaks readers.
_value = st.text(alphabet=["a", "Z", "1", " ", ",", ";", '"', "\n", "é", "\t", "|"], max_size=5)


def _field(value: str, quote: bool) -> str:
    if quote:
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def exports(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(1, 4))
    delim = draw(st.sampled_from([",", ";", "\t"]))
    names = [f"h{i}" for i in range(width)]
    rows = draw(st.lists(st.lists(_value, min_size=width, max_size=width), min_size=1, max_size=6))
    quote_all = draw(st.booleans())
    lines = [delim.join(names)]
    for row in rows:
        lines.append(delim.join(_field(v, quote_all or draw(st.booleans())) for v in row))
    # Damage a clean file, sometimes: a ragged row, a blank line, a footer, a stray quote.
    damage = draw(
        st.sampled_from(["none", "none", "short", "long", "blank", "footer", "quote", "even"])
    )
    at = draw(st.integers(1, len(lines)))
    # a long row's values quoted, a delimiter in each: its delimiters outside quotes still
    # number one too many
    long_row = delim.join([_field(f"x{delim}", True) if draw(st.booleans()) else "x"] * (width + 1))
    if damage == "even":  # a long row and a short one: as many delimiters as full rows hold
        lines.insert(at, long_row)
        short = delim.join(["x"] * (width - 1)) if width > 1 else ""
        lines.insert(draw(st.integers(1, len(lines))), short)
    elif damage == "short" and width > 1:
        lines.insert(at, delim.join(["x"] * (width - 1)))
    elif damage == "long":
        lines.insert(at, long_row)
    elif damage == "blank":
        lines.insert(at, draw(st.sampled_from(["", " ", delim * (width - 1), '""'])))
    elif damage == "footer":
        lines.append("Grand Totals (3 records)")
    elif damage == "quote":
        lines.insert(at, delim.join(['x"y'] * width))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    text = end.join(lines) + (end if draw(st.booleans()) else "")
    return text.encode("utf-8")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports())
def test_generated_exports_read_the_same_either_way(data: bytes) -> None:
    try:
        careful(data)
    except InputError:
        # A file the careful reader refuses is one the plain reader declines (or refuses alike).
        with contextlib.suppress(InputError):
            assert plain(data) is None
        return
    assert_same(data)


def test_most_generated_clean_exports_take_the_plain_path() -> None:
    """The property above would pass if the plain reader declined everything: it must not."""
    rows = "\n".join(f'{i},"name {i}, jr",x{i}' for i in range(1000))
    table = plain(f"id,name,x\n{rows}\n".encode())
    assert table is not None
    assert table.frame.height == 1000  # type: ignore[attr-defined]
    assert table.frame[LINE].to_list() == list(range(2, 1002))  # type: ignore[attr-defined]
    assert table.frame.schema["name"] == pl.String  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports(), st.sampled_from([1, 2, 3, 5, 8, 13]))
def test_a_file_scanned_in_slices_of_any_size_is_judged_alike(data: bytes, chunk: int) -> None:
    """The byte census reads a file a slice at a time; a line, a quoted value or the header
    split across slices must be counted as if it were read whole."""
    whole = plain_csv._Census(data, ",", 3)
    original = plain_csv._CHUNK
    plain_csv._CHUNK = chunk
    try:
        sliced = plain_csv._Census(data, ",", 3)
    finally:
        plain_csv._CHUNK = original
    judged = ("line_ends", "quotes_close", "rows_full")
    if whole.quotes_close and whole.rows_full:
        assert [getattr(sliced, n) for n in judged] == [getattr(whole, n) for n in judged]
    else:  # a census stops at the first fault: only the verdict is the same
        assert not (sliced.quotes_close and sliced.rows_full)


@pytest.mark.parametrize("reader", [plain, plain_from_file, careful])
def test_a_header_named_as_the_line_numbers_is_an_error(reader: object) -> None:
    # Either reader would have put the line numbers in its place, or failed on the name twice.
    data = f"lead_id,{LINE}\nL1,x\nL2,y\n".encode()
    with pytest.raises(InputError, match=f"header '{LINE}' in column 2 .* rename the column"):
        reader(data)  # type: ignore[operator]


def test_repeated_and_empty_headers_are_named_by_position() -> None:
    # polars names a repeated or empty header its own way; revq's names come by position.
    data = b"a, ,c\n1,2,3\n4,5,6\n"
    fast, slow = plain_from_file(data), careful(data)
    assert isinstance(fast, text.RawTable) and isinstance(slow, text.RawTable)
    assert fast.headers == slow.headers == ["a", "column_2", "c"]
    assert fast.frame.equals(slow.frame)
    assert fast.frame[LINE].to_list() == [2, 3]
