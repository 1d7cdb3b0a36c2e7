"""revq: lead qualification as reviewable config.

    >>> import revq
    >>> project = revq.Project.open("sample_data")
    >>> scored = project.score(as_of="2026-10-31")

The names below load on first use, so that `revq --help` and a cron job's command line do not
pay for the data libraries before they need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from revq.app.api import Project, changes, init, inspect, score
    from revq.app.audit import AuditResult
    from revq.app.backtest import BacktestResult
    from revq.app.changes import ChangesResult
    from revq.app.diff import DiffResult
    from revq.app.funnel import FunnelResult
    from revq.app.init import InitResult
    from revq.app.inspect import ArchiveInspection, InspectResult
    from revq.app.notify import NotifyResult
    from revq.app.report import ReportResult
    from revq.app.results import Verdict
    from revq.app.run import Message, Run
    from revq.app.score import ExplainResult, ScoreResult
    from revq.app.validate import ValidateResult
    from revq.errors import ConfigError, InputError, RevqError

_WHERE = {
    "Project": "revq.app.api",
    "score": "revq.app.api",
    "inspect": "revq.app.api",
    "changes": "revq.app.api",
    "init": "revq.app.api",
    "InspectResult": "revq.app.inspect",
    "ArchiveInspection": "revq.app.inspect",
    "ChangesResult": "revq.app.changes",
    "InitResult": "revq.app.init",
    "NotifyResult": "revq.app.notify",
    "ValidateResult": "revq.app.validate",
    "ScoreResult": "revq.app.score",
    "ExplainResult": "revq.app.score",
    "AuditResult": "revq.app.audit",
    "FunnelResult": "revq.app.funnel",
    "ReportResult": "revq.app.report",
    "BacktestResult": "revq.app.backtest",
    "DiffResult": "revq.app.diff",
    "Verdict": "revq.app.results",
    "Message": "revq.app.run",
    "Run": "revq.app.run",
    "RevqError": "revq.errors",
    "ConfigError": "revq.errors",
    "InputError": "revq.errors",
}

__all__ = [
    "ArchiveInspection",
    "AuditResult",
    "BacktestResult",
    "ChangesResult",
    "ConfigError",
    "DiffResult",
    "ExplainResult",
    "FunnelResult",
    "InitResult",
    "InputError",
    "InspectResult",
    "Message",
    "NotifyResult",
    "Project",
    "ReportResult",
    "RevqError",
    "Run",
    "ScoreResult",
    "ValidateResult",
    "Verdict",
    "__version__",
    "changes",
    "init",
    "inspect",
    "score",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'revq' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
