"""Numbers and booleans read from text in an engine, as revq.core.parse reads them: a value
that does not parse is null, so the row is set aside rather than given a wrong number.

Each pattern is checked before the cast, so no engine is asked to cast what it would refuse
(Snowflake and PostgreSQL have no cast that gives null on failure). Patterns use only what
every engine's regular expressions share: no `\\d`, no `(?:...)`."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from revq.core.parse import _FALSE, TRUE_TEXT
from revq.engines.load.text import Text, as_string

# What polars' own cast reads as a float ('1.', '.5', '+1', '1e5'); an exponent of more than
# two digits is left to fail rather than overflow an engine's double.
PLAIN_FLOAT = r"^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]{1,2})?$"
# A whole number an engine's 64-bit integer surely holds.
PLAIN_INTEGER = r"^[-+]?[0-9]{1,18}$"
# A number grouped in thousands with a dot for decimals (1,200.50), or with a comma (1.200,50).
GROUPED_DOT = r"^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$"
GROUPED_COMMA = r"^[-+]?([0-9]{1,3}([.][0-9]{3})+|[0-9]+)?(,[0-9]+)?$"
CURRENCY = "[$€£¥₹]"
# Beyond this a double no longer holds every whole number, and an integer cast could overflow.
WHOLE_LIMIT = 9.0e18


class Numbers:
    """The number and boolean parsers of one dialect. Text given to them is already trimmed
    (`Text.strip`); other types are read as polars reads them."""

    def __init__(self, text: Text) -> None:
        self.t = text

    def number(self, value: ir.Value, decimal: str = ".") -> ir.FloatingValue:
        """Text -> float as polars' fast cast then parse_number: '1,200' -> 1200.0;
        'USD 350,000,000.00' -> 3.5e8; '(1,200)' -> -1200.0; '1.234,5' under decimal ','."""
        typed = value.type()
        if typed.is_numeric():
            return self.finite(value.cast("float64"))
        s = as_string(value)
        full = self._grouped(s, decimal)
        if decimal == ",":
            return full
        plain = ibis.cases(
            (s.re_search(PLAIN_FLOAT), s.cast("float64")), else_=ibis.null("float64")
        )
        return ibis.coalesce(plain, full)

    def _grouped(self, s: ir.StringValue, decimal: str) -> ir.FloatingValue:
        ws = self.t.ws
        negative = s.re_search(r"^[(].*[)]$")
        inner = self.t.strip(s.re_replace(r"^[(]|[)]$", ""))
        inner = inner.re_replace(
            f"^([A-Z]{{3}}[{ws}]*|{CURRENCY}[{ws}]*)|([{ws}]*[A-Z]{{3}}|[{ws}]*{CURRENCY})$", ""
        )
        inner = inner.re_replace(f"[{ws}']", "")
        has_digit = inner.re_search("[0-9]")
        if decimal == ",":
            ok = inner.re_search(GROUPED_COMMA) & has_digit
            inner = inner.replace(".", "").replace(",", ".")
        else:
            ok = inner.re_search(GROUPED_DOT) & has_digit
            inner = inner.replace(",", "")
        parsed = ibis.cases((ok, inner.cast("float64")), else_=ibis.null("float64"))
        return ibis.cases((negative, -parsed), else_=parsed)

    @staticmethod
    def finite(value: ir.FloatingValue) -> ir.FloatingValue:
        """The value, or null for NaN and the infinities (not values)."""
        return ibis.cases((value.abs() < float("inf"), value), else_=ibis.null("float64"))

    def integer(self, value: ir.Value, decimal: str = ".") -> ir.IntegerValue:
        """Text -> whole number: '1,200' and '12.0' are 1200 and 12; '12.5' is not one."""
        typed = value.type()
        if typed.is_integer():
            return value.cast("int64")
        s = as_string(value)
        number = (
            self._grouped(s, decimal)
            if not typed.is_numeric()
            else self.finite(value.cast("float64"))
        )
        whole = (number.abs() < WHOLE_LIMIT) & (number.cast("int64").cast("float64") == number)
        full = ibis.cases((whole, number.cast("int64")), else_=ibis.null("int64"))
        if typed.is_numeric():
            return full
        plain = ibis.cases((s.re_search(PLAIN_INTEGER), s.cast("int64")), else_=ibis.null("int64"))
        return ibis.coalesce(plain, full)

    def boolean(self, value: ir.Value) -> ir.BooleanValue:
        """true/yes/1/x/checked... and false/no/0/unchecked..., any case; else null."""
        if value.type().is_boolean():
            return value
        s = as_string(value).lower()
        return ibis.cases(
            (s.isin(list(TRUE_TEXT)), True),
            (s.isin(list(_FALSE)), False),
            else_=ibis.null("boolean"),
        )
