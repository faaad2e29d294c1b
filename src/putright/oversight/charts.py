"""Server-side charts: geometry for SVG drawn by templates, readable without JavaScript. Each
chart carries its own data table for screen readers and print (the template shows both)."""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 640
BAR_AREA_HEIGHT = 180
TOP = 10
LEFT = 40
BOTTOM = 40


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    href: str = ""


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
            )
        )
    if maximum:
        for step in (0.5, 1):
            chart.gridlines.append(
                (round(TOP + BAR_AREA_HEIGHT - BAR_AREA_HEIGHT * step, 1), round(maximum * step, 1))
            )
    return chart
