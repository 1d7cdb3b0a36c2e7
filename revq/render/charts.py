"""Report charts as inline SVG, drawn with matplotlib.

matplotlib is the well-kept library that writes SVG with no browser or server: text stays text
(svg.fonttype none, so it is searchable and read by screen readers), and a fixed hash salt and
no date make the output byte-identical from run to run. Colours are the Okabe-Ito palette, which
stays distinguishable with the common colour-vision deficiencies; series also differ by marker
and line style, so no chart relies on colour alone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from html import escape
from typing import Any

from revq.render.bidi import bidi_shown

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
MARKERS = ("o", "s", "^", "D")
STYLES = ("-", "--", "-.", ":")

_RC: Any = {
    "svg.hashsalt": "revq",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def _svg(fig: Any, title: str, description: str, ident: str) -> str:
    """Serialise a figure and give the <svg> a title, a description and an image role."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "revq"})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    # Metadata and comments are noise in an inline chart; ids must be unique on the page.
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = text.replace(' id="', f' id="{ident}-').replace("url(#", f"url(#{ident}-")
    text = text.replace('xlink:href="#', f'xlink:href="#{ident}-')
    head = f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" class="chart"'
    text = head + text[len("<svg") :]
    close = text.index(">") + 1
    accessible = (
        f'\n<title id="{ident}-title">{escape(title)}</title>'
        # the description joins the data's labels in one sentence: a bidirectional control
        # in one would reorder the others
        f'\n<desc id="{ident}-desc">{escape(bidi_shown(description))}</desc>'
    )
    return text[:close] + accessible + text[close:].rstrip() + "\n"


def funnel_chart(
    stages: Sequence[str], current: Sequence[int], prior: Sequence[int], labels: tuple[str, str]
) -> str:
    """Leads entering each stage in the period and the prior one, as paired horizontal bars."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.4, 0.45 * len(stages) + 1.0)
        ax = fig.subplots()
        ys = range(len(stages))
        height = 0.38
        ax.barh([y - height / 2 for y in ys], current, height, color=OKABE_ITO[0], label=labels[0])
        ax.barh(
            [y + height / 2 for y in ys],
            prior,
            height,
            color=OKABE_ITO[1],
            label=labels[1],
            hatch="//",
        )
        for y, value in zip(ys, current, strict=True):
            ax.annotate(
                f"{value:,}",
                (value, y - height / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_yticks(list(ys), list(stages))
        ax.invert_yaxis()
        ax.set_xlabel("leads entering the stage")
        ax.set_title("Funnel by stage")
        ax.legend(frameon=False, loc="lower right")
    pairs = ", ".join(
        f"{s} {c:,} (prior {p:,})" for s, c, p in zip(stages, current, prior, strict=True)
    )
    return _svg(
        fig, "Funnel by stage", f"Leads entering each stage, {labels[0]}: {pairs}.", "funnel"
    )


def trend_chart(periods: Sequence[str], series: dict[str, Sequence[int | None]], ident: str) -> str:
    """Counts per period, one line per series."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.4, 2.6)
        ax = fig.subplots()
        xs = list(range(len(periods)))
        for i, (name, values) in enumerate(series.items()):
            ax.plot(
                xs,
                [float("nan") if v is None else v for v in values],
                color=OKABE_ITO[i % len(OKABE_ITO)],
                marker=MARKERS[i % len(MARKERS)],
                linestyle=STYLES[i % len(STYLES)],
                label=name,
            )
        ax.set_xticks(xs, list(periods), rotation=45, ha="right")
        ax.set_ylim(bottom=0)
        ax.set_title("Trend by period")
        ax.legend(frameon=False, ncols=len(series), loc="upper left", bbox_to_anchor=(0, -0.35))
    last = ", ".join(f"{k} {v[-1]}" for k, v in series.items() if v)
    return _svg(
        fig,
        "Trend of " + ", ".join(series),
        f"{len(periods)} periods from {periods[0]} to {periods[-1]}; latest: {last}."
        if periods
        else "No periods.",
        ident,
    )


def bar_chart(
    labels: Sequence[str], values: Sequence[float], title: str, unit: str, ident: str
) -> str:
    """One horizontal bar per label, largest first as given."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.4, 0.32 * max(len(labels), 1) + 1.0)
        ax = fig.subplots()
        ys = list(range(len(labels)))
        ax.barh(ys, values, 0.6, color=OKABE_ITO[5])
        for y, value in zip(ys, values, strict=True):
            ax.annotate(
                f"{value:,.0f}",
                (value, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_yticks(ys, list(labels))
        ax.invert_yaxis()
        ax.set_xlabel(unit)
        ax.set_title(title)
    pairs = ", ".join(f"{k} {v:,.0f}" for k, v in zip(labels, values, strict=True))
    return _svg(fig, title, f"{unit} by category: {pairs}." if labels else "None.", ident)


def rate_chart(
    periods: Sequence[str],
    rates: Sequence[float | None],
    target: float | None,
    title: str,
    ident: str,
) -> str:
    """A rate per period (0-100%) with the target as a dashed line."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(6.4, 2.4)
        ax = fig.subplots()
        xs = list(range(len(periods)))
        ax.plot(
            xs,
            [float("nan") if r is None else r * 100 for r in rates],
            color=OKABE_ITO[0],
            marker="o",
            label="compliance",
        )
        if target is not None:
            ax.axhline(
                target * 100, color=OKABE_ITO[5], linestyle="--", label=f"target {target:.0%}"
            )
        ax.set_xticks(xs, list(periods), rotation=45, ha="right")
        ax.set_ylim(0, 100)
        ax.set_ylabel("%")
        ax.set_title(title)
        ax.legend(frameon=False, loc="lower left")
    shown = ", ".join(
        f"{p} {'n/a' if r is None else format(r, '.0%')}"
        for p, r in zip(periods, rates, strict=True)
    )
    return _svg(fig, title, f"{title} by period: {shown}.", ident)
