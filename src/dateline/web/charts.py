"""Small server-rendered SVG charts (bars per month, stacked bars per period and event type).

Hand-written because two bar charts do not justify a charting library in the browser, and
SVG built here works without JavaScript and under a CSP that forbids inline script. Labels
are escaped; colours are presentation attributes (allowed by the CSP, unlike inline styles).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

# Twelve distinguishable colours (Tableau 10 plus two), assigned to types by frequency.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#86bcb6",
    "#d37295",
)


def month_bars(items: Sequence[tuple[str, int]], *, label: str, height: int = 120) -> Markup:
    """One bar per period; each bar carries a <title> so hovering or a screen reader gives the figure."""
    if not items:
        return Markup("")
    width = max(160, 28 * len(items))
    top = max(n for _, n in items) or 1
    bar = min(width / len(items), 48)
    parts = [
        f'<svg class="chart" width="{width}" height="{height + 30}" viewBox="0 0 {width} {height + 30}" role="img" '
        f'aria-label="{escape(label)} per month" preserveAspectRatio="xMinYMin meet">'
    ]
    for i, (period, n) in enumerate(items):
        h = round((height - 10) * n / top, 1)
        x = round(i * bar + 2, 1)
        parts.append(
            f"<g><title>{escape(period)}: {n} {escape(label)}</title>"
            f'<rect x="{x}" y="{height - h}" width="{round(bar - 4, 1)}" height="{h}" fill="{PALETTE[0]}"></rect></g>'
        )
        if len(items) <= 24 or i % max(1, len(items) // 12) == 0:
            parts.append(
                f'<text x="{x}" y="{height + 14}" font-size="10" fill="currentColor">{escape(period[2:] or period)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (labels escaped above)


def stacked_bars(rows: Sequence[dict[str, Any]], *, height: int = 220) -> dict[str, Any]:
    """Rows of ``{period, type, n}`` as stacked bars per period, plus the legend (type → colour)."""
    if not rows:
        return {"svg": Markup(""), "legend": [], "periods": 0}
    totals: dict[str, int] = {}
    by_type: dict[str, int] = {}
    for r in rows:
        totals[r["period"]] = totals.get(r["period"], 0) + int(r["n"])
        by_type[r["type"]] = by_type.get(r["type"], 0) + int(r["n"])
    types = sorted(by_type, key=lambda t: (-by_type[t], t))
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    periods = sorted(totals)
    top = max(totals.values()) or 1
    width = max(160, 24 * len(periods))
    bar = min(width / len(periods), 48)
    stacks: dict[str, list[tuple[str, int]]] = {p: [] for p in periods}
    for r in sorted(rows, key=lambda r: types.index(r["type"])):
        stacks[r["period"]].append((r["type"], int(r["n"])))
    parts = [
        f'<svg class="chart" width="{width}" height="{height + 30}" viewBox="0 0 {width} {height + 30}" role="img" '
        f'aria-label="events per period by type" preserveAspectRatio="xMinYMin meet">'
    ]
    step = max(1, len(periods) // 12)
    for i, period in enumerate(periods):
        x = round(i * bar + 1, 1)
        y = float(height)
        for type_, n in stacks[period]:
            h = (height - 10) * n / top
            y -= h
            parts.append(
                f"<g><title>{escape(period)} · {escape(type_)}: {n}</title>"
                f'<rect x="{x}" y="{round(y, 1)}" width="{round(max(bar - 2, 1), 1)}" height="{round(h, 1)}" '
                f'fill="{colour[type_]}"></rect></g>'
            )
        if i % step == 0:
            parts.append(f'<text x="{x}" y="{height + 14}" font-size="10" fill="currentColor">{escape(period)}</text>')
    parts.append("</svg>")
    legend = [{"type": t, "colour": colour[t], "n": by_type[t]} for t in types]
    return {"svg": Markup("".join(parts)), "legend": legend, "periods": len(periods)}  # noqa: S704
