"""Pictures: agreement heatmap, ideal points over time, yes-share by issue (PNG or SVG).

Figures are drawn with matplotlib's object API (no pyplot, no global state, no display),
so they render the same from the CLI, the HTTP API and tests.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from concord.errors import ConcordError
from concord.votes.agreement import Agreement, Variant
from concord.votes.codes import ISSUES

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
VARIANT_LABEL = {"identical": "identical votes", "half": "abstention as half agreement"}


def heatmap(result: Agreement, variant: Variant = "identical", title: str = "") -> Figure:
    """State × State agreement, 0 (never alike) to 1 (always alike)."""
    values = result.values(variant)
    n = len(result.states)
    size = min(4 + 0.28 * n, 40)
    fig = Figure(figsize=(size + 1.5, size), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(values, vmin=0, vmax=1, cmap="viridis")
    font = max(3.0, min(10.0, 300 / max(n, 1)))
    ax.set_xticks(range(n), result.states, rotation=90, fontsize=font)
    ax.set_yticks(range(n), result.states, fontsize=font)
    if n <= 20:
        for (i, j), value in np.ndenumerate(values):
            if np.isfinite(value):
                colour = "white" if value < 0.6 else "black"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8, color=colour)
    fig.colorbar(image, ax=ax, label=f"agreement ({VARIANT_LABEL[variant]})", shrink=0.8)
    ax.set_title(title or "Pairwise voting agreement")
    return fig


def ideal_points_chart(frame: pd.DataFrame, states: Sequence[str], title: str = "") -> Figure:
    """Ideal points of ``states`` over the years, against the spread of all States."""
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    ax = fig.add_subplot()
    by_year = frame.groupby("year")["ideal_point"]
    low, high = by_year.quantile(0.1), by_year.quantile(0.9)
    if not low.empty:
        ax.fill_between(low.index, low, high, color="0.88", label="10–90 % of States")
    for state in states:
        own = frame[frame["state"] == state.upper()].sort_values("year")
        ax.plot(own["year"], own["ideal_point"], marker=".", label=state.upper())
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.set_xlabel("year")
    ax.set_ylabel("ideal point (standardised per year; + votes with the United States)")
    ax.legend(loc="best", fontsize=8)
    ax.set_title(title or "Ideal points over time")
    return fig


def yes_share_chart(frame: pd.DataFrame, state: str, issues: Sequence[str] = ()) -> Figure:
    """A State's share of yes votes per year, one line per issue."""
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    ax = fig.add_subplot()
    chosen = list(issues) or ["all", *sorted(set(frame["issue"]) - {"all"})]
    for issue in chosen:
        own = frame[frame["issue"] == issue].sort_values("year")
        if own.empty:
            continue
        label = "all roll calls" if issue == "all" else ISSUES.get(issue, issue)
        width = 2.5 if issue == "all" else 1.2
        ax.plot(own["year"], own["yes_share"], label=label, linewidth=width)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("year")
    ax.set_ylabel("yes votes / votes cast")
    ax.legend(loc="best", fontsize=8)
    ax.set_title(f"{state.upper()}: share of yes votes by issue")
    return fig


def over_time_chart(frame: pd.DataFrame, variant: Variant = "identical") -> Figure:
    """Agreement of each pair per period (from :func:`concord.votes.agreement.over_time`)."""
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    ax = fig.add_subplot()
    for (a, b), own in frame.groupby(["state_a", "state_b"]):
        ax.plot(own["period"], own[variant], marker=".", label=f"{a}–{b}")
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("period")
    ax.set_ylabel(f"agreement ({VARIANT_LABEL[variant]})")
    ax.legend(loc="best", fontsize=8)
    ax.set_title("Voting agreement over time")
    return fig


def render(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ConcordError(f"unknown picture format {fmt!r}; use png or svg")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=120)
    return buffer.getvalue()


def save(fig: Figure, path: Path) -> Path:
    """Write the figure; the suffix (.png or .svg) chooses the format."""
    data = render(fig, path.suffix)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ConcordError(f"cannot write: {exc.strerror}", source=str(path)) from exc
    return path
