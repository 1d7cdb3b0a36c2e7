"""The joined columns of the leads that a canonical column was filled from: a contact's title
fills the lead's `title`, an account's industry its `industry`. Both are in the leads, but they
hold one fact: a starter config scores the canonical one only, or a lead would get points (or
lose them) twice for the same empty title."""

from __future__ import annotations

from revq.app.related import input_table
from revq.core.relations import FILLS
from revq.io.joins import default_prefix
from revq.io.project import Project


def filled_from_joins(project: Project, columns: set[str]) -> dict[str, str]:
    """Joined column -> the canonical column filled from it, for the joins revq.yaml gives the
    leads, where the leads (`columns`) hold both."""
    spec = project.config.inputs.get("leads")
    if spec is None or not getattr(spec, "join", None):
        return {}
    out: dict[str, str] = {}
    for join in spec.join:
        table = input_table(join.input)
        prefix = join.prefix if join.prefix is not None else default_prefix(join.input, table)
        for target, source in FILLS.get(("leads", table), {}).items():
            joined = f"{prefix}{source}"
            if joined != target and {joined, target} <= columns:
                out[joined] = target
    return out
