"""Top reasons and the strongest behaviour, ranked as the polars engine ranks them.

Each item (a rule's points, or a bound's cut) gets one integer key packing its size in
micro-points, its sign and its name's order: ((size * 2 + negative) * base + tie), the
earlier name having the larger tie. A row's largest key is its top item, the largest key
below that the next, and so on: the same packing as revq.core.scoring.wide, so ties fall the
same way. A slot is read back by finding the item whose key it holds (keys differ in their
tie), not by dividing it.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
from ibis.expr import types as ir

from revq.engines.numbers import clip, decimal_text, from_micro, lit, round_half_even, to_micro
from revq.engines.steps import POINTS, step
from revq.engines.text import null_text

Item = tuple[str, str]  # (the column holding the item's points, its name)


@dataclass(frozen=True)
class Slot:
    """One ranked place: the columns holding its item's signed micro-points (0: no item)
    and its name."""

    micro: str
    name: str


@dataclass(frozen=True)
class Ranked:
    """The working columns of a ranking (to drop once read) and its slots."""

    columns: list[str]
    slots: list[Slot]


def rank_items(
    table: ir.Table, items: list[Item], label: str, n: int, *, positive: bool = False
) -> tuple[ir.Table, Ranked]:
    """Add the `n` largest non-zero items of each row (of their positive parts, when
    `positive`), each as its signed micro-points and its name. A step for the keys and one
    per slot (`label`_1, ...): each slot is read from the one before it."""
    tag = label[:2]
    by_name = sorted(range(len(items)), key=lambda i: items[i][1])
    tie = {i: len(items) - by_name.index(i) for i in range(len(items))}
    base = len(items) + 1
    values = [clip(table[c], 0.0, None) if positive else table[c] for c, _ in items]
    stems = _stems([c for c, _ in items])
    micros = [f"_{tag}_m_{stem}" for stem in stems]
    keys = [f"_{tag}_k_{stem}" for stem in stems]
    table = table.mutate(
        **{m: to_micro(value.fill_null(lit(0.0))) for m, value in zip(micros, values, strict=True)},
        **{
            f"{m}_neg": (value < lit(0.0)).fill_null(False)
            for m, value in zip(micros, values, strict=True)
        },
    )
    table = step(table, f"{label}_items")
    table = table.mutate(
        **{
            key: (table[m].abs() * 2 + ibis.ifelse(table[f"{m}_neg"], 1, 0)) * base + tie[i]
            for i, (key, m) in enumerate(zip(keys, micros, strict=True))
        }
    )
    table = step(table, f"{label}_keys")
    slots = []
    for k in range(n):
        held = f"_{tag}_s{k}"
        if k == 0:
            parts = [table[key] for key in keys]
        else:
            below = table[f"_{tag}_s{k - 1}"]
            parts = [ibis.ifelse(table[key] < below, table[key], 0) for key in keys]
        table = table.mutate(**{held: ibis.greatest(*parts) if len(parts) > 1 else parts[0]})
        picks = [
            (table[key] == table[held], m, item)
            for key, m, item in zip(keys, micros, items, strict=True)
        ]
        # an item's micro-points carry its sign (a negative rounded to 0 is no item)
        signed = [(hit, table[m]) for hit, m, _ in picks]
        slot = Slot(f"_{tag}_v{k}", f"_{tag}_n{k}")
        table = table.mutate(
            **{
                slot.micro: ibis.cases(*signed, else_=ibis.literal(0, type="int64")),
                slot.name: ibis.cases(
                    *[(hit, ibis.literal(item[1])) for hit, _, item in picks], else_=null_text()
                ),
            }
        )
        table = step(table, f"{label}_{k + 1}")
        slots.append(slot)
    columns = micros + [f"{m}_neg" for m in micros] + keys
    columns += [f"_{tag}_s{k}" for k in range(n)] + [c for s in slots for c in (s.micro, s.name)]
    return table, Ranked(columns, slots)


def _stems(columns: list[str]) -> list[str]:
    """Each item's working columns named after its column, for the query's readers: the
    rule's name (pts_seniority: seniority), cap_fit; distinct."""
    out: list[str] = []
    for column in columns:
        stem = column.removeprefix(POINTS).lstrip("_")
        name, n = stem, 1
        while name in out:
            n += 1
            name = f"{stem}_{n}"
        out.append(name)
    return out


def reason_text(table: ir.Table, slot: Slot) -> ir.StringValue:
    """'+25.0 demo_request', '-20.0 personal_email': the value to one decimal as polars
    writes it (rounded half to even, as `round(1)`)."""
    value = from_micro(table[slot.micro])
    tenths = round_half_even(value * lit(10.0))
    negative = value < lit(0.0)
    sign = ibis.ifelse(negative, "", "+")
    return sign.concat(decimal_text(tenths, 1, negative), " ", table[slot.name])


def top_reasons_text(table: ir.Table, ranked: Ranked) -> ir.StringValue:
    """top_reasons: '+25.0 demo_request, +15.0 seniority, -20.0 personal_email' (slots fill
    in order: a slot holds an item only when the one before it does)."""
    first, *rest = ranked.slots
    tail: ir.StringValue = ibis.literal("")
    for slot in reversed(rest):
        shown = ibis.literal(", ").concat(reason_text(table, slot), tail)
        tail = ibis.ifelse(table[slot.micro] != 0, shown, "")
    return ibis.ifelse(table[first.micro] != 0, reason_text(table, first).concat(tail), null_text())


def strongest_name(table: ir.Table, ranked: Ranked | None) -> ir.StringValue:
    """The name of the strongest item, or null."""
    if ranked is None:
        return null_text()
    slot = ranked.slots[0]
    return ibis.ifelse(table[slot.micro] != 0, table[slot.name], null_text())
