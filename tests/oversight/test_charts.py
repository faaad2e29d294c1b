"""Chart labels are readable (UX review M4): side by side only when each fits under its bar,
turned otherwise with room made below so that none is cut; never the old 12-character stub."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from putright.oversight import charts

CATEGORIES = [
    "Repairs",
    "Damp and mould",
    "Antisocial behaviour",
    "Communication",
    "Complaint handling",
    "Staff conduct",
    "Other",
]


def _fits_side_by_side(chart: charts.Chart) -> bool:
    bars = chart.bars
    return all(
        right.label_x - left.label_x
        >= (charts.label_width(left.short_label) + charts.label_width(right.short_label)) / 2
        for left, right in itertools.pairwise(bars)
    )


def test_long_category_labels_are_turned_and_given_room():
    chart = charts.bar_chart("By category", [(label, 3, "") for label in CATEGORIES])
    assert chart.rotate_labels
    assert [bar.short_label for bar in chart.bars] == CATEGORIES  # whole, not "Damp and m"
    widest = max(charts.label_width(label) for label in CATEGORIES)
    assert chart.height - chart.baseline >= widest * 0.64


def test_short_labels_stay_side_by_side():
    months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    chart = charts.bar_chart("By month", [(m, 1, "") for m in months])
    assert not chart.rotate_labels and _fits_side_by_side(chart)
    assert chart.height == charts.TOP + charts.BAR_AREA_HEIGHT + charts.BOTTOM


@given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=14))
def test_labels_never_overlap_unturned(labels):
    chart = charts.bar_chart("Any", [(label, 1, "") for label in labels])
    assert chart.rotate_labels or _fits_side_by_side(chart)
    assert all(len(bar.short_label) <= charts.LABEL_CHARS for bar in chart.bars)
