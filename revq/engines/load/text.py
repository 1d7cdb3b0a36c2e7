"""Text in an engine as polars reads it: trimmed of Unicode white space (not only spaces), an
empty value absent, a label found whatever its case and spacing."""

from __future__ import annotations

from collections.abc import Mapping

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from revq.engines.builtins import builtin
from revq.engines.dialects import Dialect, white_space
from revq.engines.text import lower
from revq.engines.unicode import WHITE_SPACE

# The dialects whose TRIM of a set of characters strips white space as polars does (whole
# Unicode characters, checked for every code point by the Spark tests) and costs less than a
# pattern. DuckDB's strips the same, but costs more than the pattern.
TRIM_DIALECTS = frozenset({"spark"})
_trim = builtin("trim", dt.string, dt.string, dt.string)
# DuckDB: the code point of a value's first character (-1 for an empty value), and its last
# character.
_first_code = builtin("unicode", dt.string, dt.int32)
_last_char = builtin("substring", dt.string, dt.int64, dt.string)
# The code points between these are none of them white space (the ASCII white space comes
# before, the other white space after): a value that starts and ends with one has none to
# strip.
_PLAIN_FROM = max(ord(c) for c in WHITE_SPACE if ord(c) < 0x80) + 1
_PLAIN_TO = min(ord(c) for c in WHITE_SPACE if ord(c) >= 0x80) - 1


class Text:
    """The text expressions of one dialect (they differ in how a pattern writes white space)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.ws = white_space(dialect)

    def strip(self, value: ir.StringValue) -> ir.StringValue:
        """Leading and trailing white space removed, as polars' strip_chars()."""
        if self.dialect in TRIM_DIALECTS:
            return _trim(value, WHITE_SPACE)
        stripped = value.re_replace(f"^[{self.ws}]+|[{self.ws}]+$", "")
        if self.dialect != "duckdb":
            return stripped
        # In DuckDB, reading the code points at the two ends costs less than a pattern, and
        # most values start and end with a character that is not white space: those are as
        # they are, the others go through the pattern.
        plain = _first_code(value).between(_PLAIN_FROM, _PLAIN_TO) & _first_code(
            _last_char(value, -1)
        ).between(_PLAIN_FROM, _PLAIN_TO)
        return ibis.ifelse(plain, value, stripped)

    def lower(self, value: ir.StringValue) -> ir.StringValue:
        """Lower case as polars' to_lowercase() writes it (revq.engines.text.lower)."""
        return lower(value)

    def blank_to_null(self, value: ir.StringValue) -> ir.StringValue:
        return value.nullif("")

    def text(self, value: ir.Value) -> ir.StringValue:
        """A value as text, stripped."""
        return self.strip(as_string(value))

    def present(self, value: ir.Value) -> ir.BooleanValue:
        """A value is given: not null, and not blank text."""
        if not value.type().is_string():
            return value.notnull()
        return (value.notnull() & (self.strip(value.cast("string")) != "")).fill_null(False)

    def label_key(self, value: ir.Value) -> ir.StringValue:
        """A label as compared with a picklist's: lower case, spaces single, trimmed."""
        lowered = self.lower(self.strip(as_string(value)))
        return lowered.re_replace(f"[{self.ws}]+", " ")

    def map_labels(self, value: ir.Value, mapping: Mapping[str, str]) -> ir.StringValue:
        """Picklist label -> canonical value, ignoring case and surrounding/double spaces;
        null for a label not listed."""
        normalised: dict[str, str] = {}
        for label, canonical in mapping.items():
            normalised[" ".join(label.lower().split())] = canonical
        if not normalised:
            return ibis.null("string")
        key = self.label_key(value)
        cases = [(key == label, ibis.literal(canonical)) for label, canonical in normalised.items()]
        return ibis.cases(*cases, else_=ibis.null("string"))


def as_string(value: ir.Value) -> ir.StringValue:
    return value if value.type().is_string() else value.cast("string")
