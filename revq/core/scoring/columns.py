"""The columns a scoring run adds to each lead, named once."""

from __future__ import annotations

SCORES = ("fit_score", "intent_score", "signal_score", "negative_score", "total_score")
DECISIONS = (
    "fit_grade",
    "quadrant",
    "stage",
    "gate",
    "gate_reason",
    "why_now",
    "next_action",
    "owner",
    "top_reasons",
)
# `revq score` output, in its documented order.
OUTPUT = (
    "lead_id",
    "email",
    "first_name",
    "last_name",
    "title",
    "company",
    "lead_source",
    "campaign",
    "segment",
    *SCORES,
    *DECISIONS,
)
# The stages a scoring run recommends, from the furthest along.
STAGES = (
    "converted",
    "sales_ready",
    "mql",
    "signal_qualified",
    "pql",
    "nurture",
    "recycled",
    "disqualified",
)
# What scoring computes, which templates and conditions may also use.
COMPUTED = frozenset({*SCORES, *DECISIONS, "segment"})
