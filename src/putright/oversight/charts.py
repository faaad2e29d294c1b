"""Server-side charts: geometry for SVG drawn by templates, readable without JavaScript. Each
chart carries its own data table for screen readers and print (the template shows both)."""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 640
BAR_AREA_HEIGHT = 180
TOP = 10
LEFT = 40
BOTTOM = 40
# Axis labels: large enough to read in print (UX review M3, M4), at most this many characters.
LABEL_FONT = 11
LABEL_CHARS = 28
CHAR_WIDTH = LABEL_FONT * 0.6  # a generous average for DejaVu Sans and system sans fonts
ROTATION = 40  # degrees, when labels would not fit under their bars side by side


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    href: str = ""
    label_x: float = 0
    short_label: str = ""


@dataclass
class Chart:
    title: str
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    height: int = TOP + BAR_AREA_HEIGHT + BOTTOM
    maximum: float = 0
    baseline: float = TOP + BAR_AREA_HEIGHT
    unit: str = ""
    gridlines: list[tuple[float, float]] = field(default_factory=list)
    rotate_labels: bool = False
    label_font: int = LABEL_FONT
    rotation: int = ROTATION


def label_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(title: str, items: list[tuple[str, float, str]], unit: str = "") -> Chart:
    """items: (label, value, drill-down href)."""
    chart = Chart(title=title, unit=unit)
    maximum = max([value or 0 for _, value, _ in items] + [0])
    chart.maximum = maximum
    scale = BAR_AREA_HEIGHT / maximum if maximum else 0
    count = max(len(items), 1)
    slot = (WIDTH - LEFT - 10) / count
    width = max(slot * 0.7, 2)
    for index, (label, value, href) in enumerate(items):
        height = (value or 0) * scale
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=round(LEFT + index * slot + (slot - width) / 2, 1),
                y=round(TOP + BAR_AREA_HEIGHT - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                href=href,
                label_x=round(LEFT + index * slot + slot / 2, 1),
                short_label=_short(str(label)),
            )
        )
    # Labels side by side when each fits its slot; turned when not, with room made below so
    # that none is cut (the pack PDF printed "Damp and mOther" before).
    widest = max((label_width(bar.short_label) for bar in chart.bars), default=0)
    if widest > slot * 0.95:
        chart.rotate_labels = True
        drop = widest * 0.643 + LABEL_FONT  # sin 40° of the widest label, and its own height
        chart.height = round(TOP + BAR_AREA_HEIGHT + max(BOTTOM, drop + 14))
    if maximum:
        for step in (0.5, 1):
            chart.gridlines.append(
                (round(TOP + BAR_AREA_HEIGHT - BAR_AREA_HEIGHT * step, 1), round(maximum * step, 1))
            )
    return chart
