"""A self-assessment in the Ombudsman's layout (Appendix A of the Code): a table per section
with the provision, the requirement, comply, evidence and commentary. DOCX, HTML, CSV and PDF;
what is exported can be imported again with the same answers."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from putright import spreadsheets
from putright.selfassessment.models import Answer, SelfAssessment

COLUMNS = (
    "Code provision",
    "Code requirement",
    "Comply: Yes / No",
    "Evidence",
    "Commentary / explanation",
)
COMPLY_LABELS = {"yes": "Yes", "no": "No", "partly": "Partly", "na": "N/A", "": ""}
INTRODUCTION = (
    "This self-assessment was completed by the complaints officer and reviewed and approved by "
    "the landlord's governing body. It is published as part of the annual complaints "
    "performance and service improvement report."
)
# The Ombudsman's own form (Appendix A of the 2024 Code): its title and the four instructions
# that open it, before the table for section 1. The DOCX export carries them as the form does.
FORM_TITLE = "Appendix A: Self-assessment form"
FORM_INSTRUCTIONS = (
    "This self-assessment form should be completed by the complaints officer and it must be "
    "reviewed and approved by the landlord's governing body at least annually.",
    "Once approved, landlords must publish the self-assessment as part of the annual complaints "
    "performance and service improvement report on their website. The governing body's "
    "response to the report must be published alongside this.",
    "Landlords are required to complete the self-assessment in full and support all statements "
    "with evidence, with additional commentary as necessary.",
    "We recognise that there may be a small number of circumstances where landlords are unable "
    "to meet the requirements, for example, if they do not have a website. In these "
    "circumstances, we expect landlords to deliver the intentions of the Code in an alternative "
    "way, for example by publishing information in a public area so that it is easily "
    "accessible.",
)
DRAFT_INTRODUCTION = (
    "Draft: this self-assessment has not yet been approved by the landlord's governing body."
)


def _introduction(self_assessment: SelfAssessment) -> str:
    return DRAFT_INTRODUCTION if self_assessment.status == "draft" else INTRODUCTION


@dataclass
class SectionRows:
    title: str
    answers: list[Answer] = field(default_factory=list)


def sections(self_assessment: SelfAssessment) -> list[SectionRows]:
    """Answers grouped under their section headings, in the Code's order."""
    grouped: list[SectionRows] = []
    for answer in sorted(self_assessment.answers.all(), key=lambda a: a.position):
        if answer.provision_id is not None:
            title = f"Section {answer.provision.section.number}: {answer.section_title}"
        else:
            title = answer.section_title or "Questions"
        if not grouped or grouped[-1].title != title:
            grouped.append(SectionRows(title))
        grouped[-1].answers.append(answer)
    return grouped


def _prefetched(self_assessment: SelfAssessment) -> SelfAssessment:
    from putright.selfassessment.selectors import selfassessment_detail

    return selfassessment_detail(self_assessment.pk)


def _heading_lines(self_assessment: SelfAssessment) -> list[str]:
    start, end = self_assessment.period_start, self_assessment.period_end
    lines = [
        f"Complaint Handling Code: {self_assessment.code_version.title}",
        f"Period: {start:%-d %B %Y} to {end:%-d %B %Y}",
        f"Status: {self_assessment.get_status_display()}",
    ]
    if self_assessment.governing_body_approved_on:
        lines.append(
            "Approved by the governing body on "
            f"{self_assessment.governing_body_approved_on:%-d %B %Y}"
        )
    return lines


def export_csv(self_assessment: SelfAssessment) -> str:
    self_assessment = _prefetched(self_assessment)
    rows = [
        [
            answer.ref,
            answer.requirement,
            COMPLY_LABELS[answer.comply],
            answer.evidence,
            answer.commentary,
        ]
        for section in sections(self_assessment)
        for answer in section.answers
    ]
    return spreadsheets.csv_text([COLUMNS, *rows])


def export_docx(self_assessment: SelfAssessment) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    self_assessment = _prefetched(self_assessment)
    document = docx.Document()
    page = document.sections[0]
    # The Ombudsman's form is a landscape table.
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(9)
    if self_assessment.code_version.key == "2024":
        document.add_heading(FORM_TITLE, level=1)
        for instruction in FORM_INSTRUCTIONS:
            document.add_paragraph(instruction)
    else:
        # An older Code's form had other words: name the Code rather than borrow the 2024 form's.
        document.add_heading(f"Self-assessment: {self_assessment.code_version.title}", level=1)
    # Whose self-assessment this is, and how far it has gone, after the form's own opening.
    document.add_paragraph(str(self_assessment), style="Subtitle")
    for line in _heading_lines(self_assessment):
        document.add_paragraph(line)
    if self_assessment.status == "draft":
        document.add_paragraph(DRAFT_INTRODUCTION)
    widths = (Cm(2.0), Cm(9.5), Cm(2.2), Cm(6.5), Cm(6.5))
    for section in sections(self_assessment):
        document.add_heading(section.title, level=2)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, name, width in zip(table.rows[0].cells, COLUMNS, widths, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(name)
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade(cell, "1F4E79")
            cell.width = width
        _repeat_as_header(table.rows[0])
        for answer in section.answers:
            values = (
                answer.ref,
                answer.requirement,
                COMPLY_LABELS[answer.comply],
                answer.evidence,
                answer.commentary,
            )
            cells = table.add_row().cells
            for cell, value, width in zip(cells, values, widths, strict=True):
                cell.width = width
                lines = value.split("\n") if value else [""]
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    actions = [
        (answer.ref, action)
        for section in sections(self_assessment)
        for answer in section.answers
        for action in answer.actions.all()
    ]
    if actions:
        document.add_heading("Improvement actions", level=2)
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, name in zip(
            table.rows[0].cells, ("Provision", "Action", "Owner", "Due", "Completed"), strict=True
        ):
            cell.text = name
        for ref, action in actions:
            cells = table.add_row().cells
            cells[0].text = ref
            cells[1].text = action.description
            cells[2].text = action.owner_label
            cells[3].text = f"{action.due_on:%-d %B %Y}"
            cells[4].text = f"{action.completed_on:%-d %B %Y}" if action.completed_on else ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repeat_as_header(row) -> None:
    """The column headings repeat at the top of each page a section's table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def export_html(self_assessment: SelfAssessment, *, standalone: bool = True) -> str:
    self_assessment = _prefetched(self_assessment)
    return render_to_string(
        "selfassessment/export.html",
        {
            "self_assessment": self_assessment,
            "sections": sections(self_assessment),
            "columns": COLUMNS,
            "heading_lines": _heading_lines(self_assessment),
            "introduction": _introduction(self_assessment),
            "comply_labels": COMPLY_LABELS,
            "standalone": standalone,
        },
    )


def export_pdf(self_assessment: SelfAssessment) -> bytes:
    """Rendered by WeasyPrint from the HTML, with the fonts installed on this machine only."""
    from weasyprint import HTML

    def no_fetching(url, *args, **kwargs):
        raise ValueError(f"not fetching {url}: exports use local resources only")

    return HTML(string=export_html(self_assessment), url_fetcher=no_fetching).write_pdf()


EXPORTERS = {
    "csv": (export_csv, "text/csv; charset=utf-8"),
    "docx": (
        export_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "html": (export_html, "text/html; charset=utf-8"),
    "pdf": (export_pdf, "application/pdf"),
}
