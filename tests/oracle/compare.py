"""The product's figures side by side with the reference's: live evidence, TSM, the dashboard and
the annual report must each agree with `reference.World`, and so with each other."""

from __future__ import annotations

import datetime as dt

from putright.complaints.models import Stage
from putright.oversight import reports, selectors
from putright.oversight.periods import Period, reporting_year
from putright.selfassessment.live_evidence import live_evidence
from tests.oracle.reference import PROVISIONS, TIMESCALES, Fig, World

HOMES = 1000
YEARS = (2023, 2024, 2025)


def periods():
    """The reporting years, plus a quarter and a month, so that cohort edges are crossed."""
    return [reporting_year(year) for year in YEARS] + [
        Period(dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    ]


def key(figure) -> tuple:
    return (figure.met, figure.total, figure.pending, list(figure.breaches), dict(figure.flags))


def _same(what: str, product, reference: Fig | None) -> None:
    # An empty figure (nothing judged, nothing pending) is left out of the evidence.
    want = reference.key() if reference is not None else None
    got = key(product) if product is not None else None
    want, got = (None if k is not None and not (k[1] or k[2]) else k for k in (want, got))
    assert got == want, f"{what}: product {got} != reference {want}"


def check_deadlines(world: World) -> None:
    """The deadlines on each stage row are the reference's own."""
    for judged, row in zip(world.stages, world.stage_rows, strict=True):
        assert (row.acknowledge_by, row.respond_by) == (judged.acknowledge_by, judged.respond_by), (
            f"{judged.reference} stage {judged.number}: row {row.acknowledge_by}/{row.respond_by}"
            f" != reference {judged.acknowledge_by}/{judged.respond_by}"
        )


def check_live_evidence(world: World, period: Period, version: str) -> dict:
    refs = PROVISIONS[version]
    figures = live_evidence(code_version=version, period_start=period.start, period_end=period.end)
    by = {}
    for figure in figures:
        by.setdefault(figure.ref, []).append(figure)

    def one(ref, measure_start):
        found = [f for f in by.get(ref, []) if f.measure.startswith(measure_start)]
        assert len(found) <= 1, (ref, measure_start, found)
        return found[0] if found else None

    where = f"{version} {period.start}..{period.end}"
    timely = world.timeliness(period.start, period.end, version)
    for number in (1, 2):
        if number in refs["ack"]:
            _same(
                f"{refs['ack'][number]} {where}",
                one(refs["ack"][number], f"Stage {number} complaints acknowledged"),
                timely.get(("acknowledgement", number)),
            )
        _same(
            f"{refs['respond'][number]} {where}",
            one(
                refs["respond"][number],
                f"Stage {number} responses within {TIMESCALES[version][number][1]}",
            ),
            timely.get(("response", number)),
        )
    limits = world.extension_limits(period.start, period.end, version)
    for number in (1, 2):
        _same(
            f"{refs['extend'][number]} limit {where}",
            one(refs["extend"][number], f"Stage {number} extensions within"),
            limits.get(number),
        )
    independent = one(refs["independence"], "Stage 2 complaints considered")
    _same(
        f"{refs['independence']} {where}",
        independent,
        world.independence(period.start, period.end, version),
    )
    refusals = world.refusal_figures(period.start, period.end, version)
    _same(
        f"{refs['reasons']} {where}", one(refs["reasons"], "Refusals with"), refusals.get("reasons")
    )
    _same(
        f"{refs['ombudsman']} {where}",
        one(refs["ombudsman"], "Refusals told"),
        refusals.get("ombudsman"),
    )
    _same(
        f"{refs['escalation']} {where}",
        one(refs["escalation"], "Refusals to escalate"),
        refusals.get("escalation"),
    )
    _same(
        f"{refs['remedies']} {where}",
        one(refs["remedies"], "Remedies completed"),
        world.remedies_figure(period.start, period.end, version),
    )
    product = {}
    for number in (1, 2):
        for kind, refs_kind, start_text in (
            ("acknowledgement", refs["ack"], f"Stage {number} complaints acknowledged"),
            ("response", refs["respond"], f"Stage {number} responses within"),
        ):
            figure = one(refs_kind[number], start_text) if number in refs_kind else None
            if figure is not None:
                product[(kind, number)] = key(figure)
    return product


def check_dashboard(world: World, period: Period, summary: dict | None = None, live=()) -> None:
    """The dashboard's timeliness (every Code version together) against the reference, and
    against the live evidence of each version added up."""
    summary = summary if summary is not None else selectors.summary(period, world.today)
    dashboard = summary["timeliness"]
    timely = world.timeliness(period.start, period.end, None)
    for number in (1, 2):
        row = dashboard[f"stage{number}"]
        ack = timely.get(("acknowledgement", number), Fig())
        response = timely.get(("response", number), Fig())
        got = (
            row["acknowledged_within"],
            row["acknowledged"],
            row["acknowledged_pending"],
            row["acknowledgement_breaches"],
            row["responded_within"],
            row["responded"],
            row["responded_pending"],
            row["response_breaches"],
        )
        want = (
            ack.met,
            ack.total,
            ack.pending,
            ack.breaches,
            response.met,
            response.total,
            response.pending,
            response.breaches,
        )
        assert got == want, f"dashboard stage {number} {period}: {got} != reference {want}"
        # The dashboard is the live evidence of each Code version added up.
        for kind, fig in (("acknowledgement", ack), ("response", response)):
            parts = [p[(kind, number)] for p in live if (kind, number) in p]
            assert (fig.met, fig.total, fig.pending) == (
                sum(p[0] for p in parts),
                sum(p[1] for p in parts),
                sum(p[2] for p in parts),
            ), f"dashboard {kind} {number} {period} != live evidence {parts}"
            assert fig.breaches == sorted({b for p in parts for b in p[3]})
        extended = sum(
            1
            for s in world.cohort(period.start, period.end, None)
            if s.number == number and s.responded_on is not None and s.extended_days > 0
        )
        assert row["extended"] == extended


def check_tsm(world: World, year: int, tsm: dict | None = None) -> None:
    period = reporting_year(year)
    tsm = tsm if tsm is not None else selectors.tsm(year, homes=HOMES)
    received = world.received(period.start, period.end)
    responded = world.responses_in(period.start, period.end)
    for number in (1, 2):
        assert tsm[f"ch01_stage{number}_count"] == received[number], (year, number, tsm)
        assert tsm[f"ch01_stage{number}"] == round(received[number] * 1000 / tsm["homes"], 2)
        within, total = responded[number]
        assert (tsm[f"ch02_stage{number}_numerator"], tsm[f"ch02_stage{number}_denominator"]) == (
            within,
            total,
        ), (year, number, tsm, responded)


def check_annual_report(world: World, year: int) -> None:
    """The annual report shows the same figures as the dashboard and TSM (each checked against
    the reference in `check_all`)."""
    context = reports.annual_report_context(year)
    check_tsm(world, year, context["tsm"])
    assert context["figures"]["timeliness"] == selectors.timeliness(
        reporting_year(year), world.today
    )


def check_all(world: World, *, annual_report: bool = True, quick: bool = False) -> None:
    """Every figure for every period. `quick` (mid-history): the current reporting year only."""
    check_deadlines(world)
    versions = sorted({s.version for s in world.stages} & {"2024", "2022"}) or ["2024"]
    for period in periods()[2:3] if quick else periods():
        live = [check_live_evidence(world, period, version) for version in versions]
        check_dashboard(world, period, None, live)
    for year in YEARS[2:] if quick else YEARS:
        if annual_report:
            check_annual_report(world, year)
        else:
            check_tsm(world, year)
    assert Stage.objects.count() == len(world.stages)
