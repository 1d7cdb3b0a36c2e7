"""What every result shares: the run's messages, and `--fail-on` conditions tested on its
metrics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from revq.app.run import Message, Run
from revq.core.fail_on import Condition, FailOnError, conditions_met, parse_fail_on, unmeasured
from revq.errors import RevqError
from revq.io.load import Accounting


def conditions(fail_on: str | None, known: Iterable[str]) -> list[Condition]:
    """`--fail-on` conditions ('rejected_rate>0.02,unowned_handoffs>0') on known metrics, or
    a usage error naming what is wrong."""
    if not fail_on:
        return []
    try:
        return parse_fail_on(fail_on, set(known))
    except FailOnError as exc:
        raise RevqError(str(exc)) from None


class Verdict:
    """The conditions of a `--fail-on` a result met, and those it could not measure: a
    condition on a metric without a value (no data in the period: a stale export, a wrong
    as-of) is not a gate that passed."""

    def __init__(self, tested: list[Condition], metrics: Mapping[str, Any]) -> None:
        self.unmeasured = unmeasured(tested, metrics)
        self.met = conditions_met(tested, metrics)

    def __bool__(self) -> bool:
        return bool(self.met)


class Outcome:
    """A result's messages and `--fail-on` test. A subclass gives its run and its metrics."""

    _run: Run

    @property
    def messages(self) -> tuple[Message, ...]:
        """Everything the run said: each load's row accounting, warnings, counts."""
        return tuple(self._run.messages)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The run's warnings, each a line of text."""
        return self._run.warnings()

    @property
    def loads(self) -> dict[Path, Accounting]:
        """Every export the run read, by path, with its row accounting: rows read = loaded +
        rejected + footer + duplicates merged (+ deleted in the source, + ...)."""
        return {load.path: load.accounting for load in self._run.loaded.values()}

    def metrics(self) -> dict[str, Any]:
        """The figures a `--fail-on` condition can test."""
        raise NotImplementedError

    def _summary(self) -> dict[str, Any]:
        """What the result's repr shows: its figures, never its frames."""
        return self.metrics()

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={_short(v)}" for k, v in list(self._summary().items())[:8])
        return f"{type(self).__name__}({shown})"

    def check(self, fail_on: str) -> Verdict:
        """The `--fail-on` conditions this result meets.

        Args:
            fail_on: conditions as the command line takes them, e.g. 'rejected_rate>0.02'.

        Returns:
            A Verdict: true when a condition is met; `met` and `unmeasured` say which.

        Raises:
            RevqError: a condition that does not parse or names an unknown metric.

        Examples:
            >>> if project.score(as_of="2026-10-31").check("unowned_handoffs>0"): ...
        """
        values = self.metrics()
        return Verdict(conditions(fail_on, values), values)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    return repr(value)
