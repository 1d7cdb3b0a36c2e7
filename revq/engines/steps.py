"""Named steps: each becomes a CTE of the compiled SQL, named after the config's part."""

from __future__ import annotations

from ibis.expr import types as ir

PREFIX = "revq_"  # never the name of a table the query reads (a CTE would hide it)
POINTS = "pts_"  # a rule's points column is this and the rule's name
LOOKUP = "_lookup_"  # a lookup several rules read is held in this and its column's name


def step(table: ir.Table, name: str) -> ir.Table:
    """`table` as the named step `name` (a CTE `revq_<name>`); a step also keeps the query
    from nesting one expression inside the next, which multiplies its size."""
    return table.alias(PREFIX + name)


def without(table: ir.Table, *names: str) -> ir.Table:
    """The table less the working columns `names`, as an explicit list of the columns kept:
    Ibis's drop compiles to an EXCLUDE whose order follows a set's, which would make the
    compiled SQL differ from one run to the next."""
    gone = set(names)
    return table.select([c for c in table.columns if c not in gone])
