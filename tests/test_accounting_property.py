"""Row accounting holds on generated CSVs, malformed ones included, with every term predicted
independently of the loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revq.config.models import LoadOptions
from revq.errors import InputError
from revq.io.load import load_table

EMAILS = ["ann@acme.com", "ANN@acme.com ", "bo@beta.io", "cy@gamma.org", ""]
TITLES = ["VP Sales", "Director, EMEA", 'He said "hi"', "two\nlines", ""]


@st.composite
def rows(draw: st.DrawFn) -> tuple[str, str, int, bool]:
    """One data record as text, its kind, its email key (or "") and whether its value is bad."""
    kind = draw(st.sampled_from(["good", "good", "good", "short", "long", "bad_number", "blank"]))
    email = draw(st.sampled_from(EMAILS))
    title = draw(st.sampled_from(TITLES))
    quoted = '"' + title.replace('"', '""') + '"'
    employees = draw(st.integers(0, 5000))
    if kind == "blank":
        return ("", kind, 0, False)
    if kind == "short":
        return (f"ID,{email}", kind, 0, False)
    if kind == "long":
        return (f"ID,{email},{quoted},{employees},extra", kind, 0, False)
    value = "12k" if kind == "bad_number" else f'"{employees:,}"'
    return (f"ID,{email},{quoted},{value}", kind, 0, kind == "bad_number")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(rows(), min_size=1, max_size=40),
    footer=st.booleans(),
    end=st.sampled_from(["\n", "\r\n", "\r"]),
    preamble=st.sampled_from([[], ['"Open Leads"'], ["Leads by Owner", "", '"As of 11/23/2026"']]),
)
def test_row_accounting_identity(
    tmp_path: Path,
    body: list[tuple[str, str, int, bool]],
    footer: bool,
    end: str,
    preamble: list[str],
) -> None:
    # A report's title and filter lines above the header are not rows.
    lines = [*preamble, "lead_id,email,title,employees"]
    expected_read = expected_rejected = 0
    good_emails: list[str] = []
    for i, (text, kind, _, bad) in enumerate(body):
        if kind == "blank":
            lines.append(text)
            continue
        lines.append(text.replace("ID", f"L{i}", 1))
        expected_read += 1
        if kind in ("short", "long") or bad:
            expected_rejected += 1
        else:
            email = text.split(",")[1].strip().lower()
            good_emails.append(email)
    n_data = expected_read
    footers = 0
    if footer:
        lines += [
            "",
            f'"Grand Totals ({n_data} records)"',
            "",
            '"Confidential Information - Do Not Distribute"',
        ]
        footers = 2
    if n_data == 0:
        return  # a file with no data rows is an error case, covered by fixtures
    path = tmp_path / "gen.csv"
    path.write_bytes(end.join(lines).encode() + end.encode())
    with_email = [e for e in good_emails if e]
    expected_dupes = len(with_email) - len(set(with_email))

    n_bad = sum(1 for _, kind, _, bad in body if bad)
    n_valued = len(good_emails) + n_bad  # well-formed rows, all with an employees value
    if n_valued >= 5 and n_bad > 0.5 * n_valued:
        # Most values failing is a wrong mapping, and the loader says so instead of
        # quarantining most of the file.
        with pytest.raises(InputError, match="probably not employees"):
            load_table(path, LoadOptions(table="leads"))
        return
    r = load_table(path, LoadOptions(table="leads"))
    a = r.accounting
    assert a.rows_read == expected_read + footers
    assert a.footer_rows == footers
    assert a.rows_rejected == expected_rejected
    assert a.duplicates_merged == expected_dupes
    assert a.rows_loaded == expected_read - expected_rejected - expected_dupes
    assert a.rows_read == a.rows_loaded + a.rows_rejected + a.footer_rows + a.duplicates_merged
    assert any("above the header" in w for w in r.warnings) == bool(preamble)
