"""Render the report context through Jinja templates: the package's own, or a team's."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.filters import do_join, make_attrgetter
from markupsafe import Markup, escape

from revq.errors import InputError, RevqError
from revq.render import charts
from revq.render.bidi import has_bidi_control
from revq.render.markdown import md_code, md_text

FORMATS = ("md", "html")

# The words a person reads for revq's codes; a team sets its own under labels: in revq.yaml.
# A code without a label reads as its words ("bad_timing" -> "Bad timing").
LABELS = {
    "lead": "Lead",
    "mql": "MQL",
    "sal": "SAL",
    "sql": "SQL",
    "pql": "PQL",
    "opportunity": "Opportunity",
    "won": "Won",
    "sales_ready": "Sales ready",
    "signal_qualified": "Signal-qualified",
    "nurture": "Nurture",
    "recycled": "Recycled",
    "disqualified": "Disqualified",
    "prioritise_now": "Prioritise now",
    "nurture_patiently": "Nurture patiently",
    "qualify_carefully": "Qualify carefully",
    "ignore": "Ignore",
    "student_or_competitor_or_spam": "Student, competitor or spam",
    "not_decision_maker": "Not a decision-maker",
    "no_budget": "No budget",
    "unresponsive": "Unresponsive",
    "competitor_chosen": "Chose a competitor",
    "bad_timing": "Bad timing",
    "bad_fit_industry": "Bad fit: industry",
    "bad_fit_size": "Bad fit: size",
    "bad_fit_geography": "Bad fit: geography",
    "duplicate": "Duplicate",
    "(missing)": "No reason given",
    "(unmapped)": "Reason not in the taxonomy",
    "(none)": "None",
}


@jinja2.pass_context
def label(context: Any, code: Any) -> str:
    """The label of a code: the project's, else revq's, else its words."""
    if code is None:
        return "n/a"
    text = str(code)
    labels = context.get("labels") or LABELS
    if text in labels:
        return str(labels[text])
    words = text.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def amount(value: float | None) -> str:
    """A sum of money, as an amount without a currency (exports seldom say which)."""
    return "n/a" if value is None else f"{value:,.0f}"


def pct(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{digits}f}%"


def num(value: float | None, digits: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def hours(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.1f} h"


def metric_value(metric: dict[str, Any]) -> str:
    return _formatted(metric["value"], metric["unit"])


def _formatted(value: Any, unit: str) -> str:
    if unit == "rate":
        return pct(value)
    if unit == "hours":
        return hours(value)
    if unit == "amount":
        return amount(value)
    return num(value)


def metric_prior(metric: dict[str, Any]) -> str:
    return _formatted(metric["prior"], metric["unit"])


def metric_delta(metric: dict[str, Any]) -> str:
    delta, unit = metric["delta"], metric["unit"]
    if delta is None:
        return "n/a"
    if unit == "rate":
        return f"{delta * 100:+.1f} pts"
    if unit == "hours":
        return f"{delta:+,.1f} h"
    return f"{delta:+,.0f}"


def band_text(band: list[float | None] | None) -> str:
    if band is None:
        return "none set"
    low, high = band
    if low is not None and high is not None:
        return f"{pct(low, 0)}-{pct(high, 0)}"
    return f">= {pct(low, 0)}" if low is not None else f"<= {pct(high, 0)}"


def metric_reading(metric: dict[str, Any], prior_label: str) -> str:
    """One line in plain words: the movement, and where the value sits against its band."""
    if metric["value"] is None:
        return "no data in the period"
    parts = []
    delta = metric["delta"]
    if delta is None:
        parts.append(f"no figure for {prior_label}")
    elif delta == 0:
        parts.append(f"unchanged on {prior_label}")
    else:
        direction = "up" if delta > 0 else "down"
        size = metric_delta(metric).lstrip("+-")
        parts.append(f"{direction} {size} on {prior_label}")
    if metric.get("band_position"):
        parts.append(f"{metric['band_position']} the {band_text(metric['band'])} band")
    if metric.get("maturing"):
        parts.append("cohort still maturing, expect it to rise")
    return "; ".join(parts)


def report_summary(context: dict[str, Any]) -> list[str]:
    """The report in a few lines for stderr, once it is written: its reading, then each
    headline metric, its value and what it did."""
    rep = context["report"]
    reading = context["reading"] or "no reading of the movement (no figure to compare)"
    lines = [f"{rep['label']} ({rep['start']} to {rep['end']}): {reading}"]
    for m in context["headline"]:
        reading = metric_reading(m, rep["prior_label"])
        lines.append(f"  {metric_value(m):>7}  {m['name']}: {reading}")
    return lines


def _charts(context: dict[str, Any]) -> dict[str, str]:
    rep = context["report"]
    names = {**LABELS, **context.get("labels", {})}

    def word(code: str) -> str:
        return label({"labels": names}, code)

    stages = context["funnel"]["stages"]
    trend = context["funnel"]["trend"]
    labels = [row["period"] for row in trend]
    out = {
        "funnel": charts.funnel_chart(
            [word(s["stage"]) for s in stages],
            [s["current"] for s in stages],
            [s["prior"] for s in stages],
            (rep["label"], rep["prior_label"]),
        ),
        "trend": charts.trend_chart(
            labels,
            {
                "MQLs": [row.get("mql") for row in trend],
                "SQLs": [row.get("sql") for row in trend],
                "accepted": [row["accepted"] for row in trend],
            },
            "trend",
        ),
    }
    if context["rejections"]["available"]:
        reasons = context["rejections"]["trailing_by_reason"][:10]
        out["reasons"] = charts.bar_chart(
            [word(r["reason_code"]) for r in reasons],
            [r["rejected"] for r in reasons],
            f"Rejection reasons, last {rep['trailing_periods']} {rep['noun']}s",
            "rejected leads",
            "reasons",
        )
    if context["sla"]["available"]:
        out["sla"] = charts.rate_chart(
            labels,
            [row["sla_compliance"] for row in trend],
            context["sla"]["target"],
            "SLA compliance",
            "sla",
        )
    return out


class _TemplateFolder(jinja2.FileSystemLoader):
    """A folder of a team's templates. A file there not in UTF-8 is an error naming it and
    its line, not a decoding error from inside jinja2."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            # jinja2 decodes the file in chunks: decoded whole, the error's offset is the file's
            path = Path(self.searchpath[0], template)
            data = path.read_bytes()
            try:
                data.decode(self.encoding)
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                raise InputError(path, "not UTF-8 text; save it as UTF-8", line=line) from None
            raise


def _template_error(exc: Exception, name: str) -> InputError:
    """A mistake in a template as one line: the template file, its line, what is wrong."""
    if isinstance(exc, jinja2.TemplateSyntaxError):  # found compiling: jinja2 says where
        return InputError(exc.filename or name, exc.message or str(exc), line=exc.lineno)
    # Found rendering: jinja2 rewrites the traceback so that a template's frames carry its
    # file and line; the innermost is where the template went wrong.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith(".py")]
    where, line = (frames[-1].filename, frames[-1].lineno) if frames else (name, None)
    if isinstance(exc, jinja2.TemplateNotFound):
        what = f"no template {exc.name!r}"
    elif isinstance(exc, jinja2.TemplateError):
        what = exc.message or str(exc)
    else:  # {{ 1 / 0 }}, a filter given what it cannot read
        what = f"{type(exc).__name__}: {exc}"
    return InputError(where, what, line=line)


def isolated(value: Any) -> Any:
    """A text holding a bidirectional control, escaped inside a <bdi> element: whatever it
    holds reorders only itself, never the words of revq's around it (a company named with a
    U+202E would reverse the rest of its cell). HTML's finalize: every {{ }} of a template
    goes through it. Other values are left as they are, so that an ordinary export's report
    is unchanged and a link's target or a class name is never wrapped."""
    if isinstance(value, str) and not hasattr(value, "__html__") and has_bidi_control(value):
        return Markup(f"<bdi>{escape(value)}</bdi>")
    return value


@jinja2.pass_eval_context
def join_isolated(
    eval_ctx: jinja2.nodes.EvalContext, value: Any, d: str = "", attribute: str | None = None
) -> str:
    """Jinja's join, each item isolated on its own: isolated as one text, a value's control
    would still reorder the items after it."""
    if attribute is not None:
        value = map(make_attrgetter(eval_ctx.environment, attribute), value)
    joined: str = do_join(eval_ctx, [isolated(item) for item in value], d)  # Markup when any is
    return joined


def environment(
    team_dir: Path | None = None, own: Path | None = None, html: bool = False
) -> jinja2.Environment:
    """The package's templates, behind a team's folder so a team can override or add one, and
    behind the folder of a template file named on the command line (`own`). In HTML every
    value is escaped (a company named <script>...</script> shows as that text), whatever the
    template file is called: a team's `exec.html` would not match an extension list; and a
    value holding a bidirectional control is isolated (`isolated`)."""
    loaders: list[jinja2.BaseLoader] = []
    if own is not None:
        loaders.append(_TemplateFolder(own.parent))
    if team_dir is not None:
        if not team_dir.is_dir():
            raise RevqError(f"{team_dir}: templates_dir in revq.yaml is not a folder")
        loaders.append(_TemplateFolder(team_dir))
    loaders.append(jinja2.PackageLoader("revq.render", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html or jinja2.select_autoescape(enabled_extensions=("html.j2", "html")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=isolated if html else None,
    )
    if html:
        env.filters["join"] = join_isolated
    env.filters.update(
        pct=pct,
        num=num,
        hours=hours,
        md=md_text,
        code=md_code,
        metric_value=metric_value,
        metric_prior=metric_prior,
        label=label,
        amount=amount,
        metric_delta=metric_delta,
        metric_reading=metric_reading,
        band=band_text,
    )
    return env


def render_report(
    name: str | Path, fmt: str, context: dict[str, Any], team_dir: Path | None = None
) -> str:
    """Render the template `name` (weekly, monthly, or a team's) in `fmt`, or the template
    file `name` when it is a path."""
    own = name if isinstance(name, Path) else None
    env = environment(team_dir, own, html=fmt == "html")
    template_name = own.name if own is not None else f"{name}.{fmt}.j2"
    try:
        template = env.get_template(template_name)
    except jinja2.TemplateNotFound:
        known = sorted(
            {t.rsplit(".", 2)[0] for t in env.list_templates() if t.endswith(f".{fmt}.j2")}
            - {"base"}
        )
        raise RevqError(
            f"no template {template_name!r}; available for {fmt}: {', '.join(known)}"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise _template_error(exc, template_name) from None
    full = {**context, "charts": _charts(context) if fmt == "html" else {}}
    try:
        return template.render(full)
    except RevqError:
        raise
    except Exception as exc:  # whatever a team's template gets wrong is said, not a traceback
        raise _template_error(exc, template_name) from None
