"""Importing a 2020-Code question form, built here in the layout landlords used: numbered
sections, a table of questions with Yes / No marked with an `x`, Comments, "Improvement
required" Y/N and "Further action"; as DOCX and as XLSX. And forms that cannot be read."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from putright.codes import catalogue
from putright.errors import InvalidInput
from putright.selfassessment import services
from putright.selfassessment.importers import parse_form

HEADER = ["Question", "Yes", "No", "Comments", "Improvement required Y/N", "Further action"]

# (section heading, rows); a row is the table's six cells.
FORM = [
    (
        "1 Definition of a complaint",
        [
            [
                "Does the complaints process use the following definition of a complaint? An "
                "expression of dissatisfaction, however made, about the standard of service, "
                "actions or lack of action by the organisation, its own staff, or those acting "
                "on its behalf, affecting an individual resident or group of residents.",
                "x",
                "",
                "Complaints policy, section 2",
                "N",
                "",
            ],
            [
                "Does the policy have exclusions where a complaint will not be considered?",
                "X",
                "",
                "Policy section 5",
                "N",
                "",
            ],
            # Over a page break: the question cell stops mid-sentence and carries on.
            ["Are these exclusions reasonable and", "", "x", "Under review", "Y", "Board to"],
            ["fair to residents?", "", "", "", "", "agree new exclusions by June"],
        ],
    ),
    (
        "2 Accessibility",
        [
            [
                "Are multiple accessibility routes available for residents to make a complaint?",
                "x",
                "",
                "Phone, email, web form,",
                "N",
                "",
            ],
            # A continuation row with an empty question cell.
            ["", "", "", "in person at the office", "", ""],
            # "N/A" in the comments and no mark.
            ["Do we have a reasonable adjustments policy?", "", "", "N/A", "", ""],
        ],
    ),
    (
        "3 Complaints team and process",
        [
            ["Is there a complaint officer or equivalent in post?", "x", "", "", "N", ""],
            [
                "Is any third stage optional for residents?",
                "",
                "",
                "We have a two-stage process",
                "",
                "",
            ],
        ],
    ),
]


def write_docx(path, form=FORM, header=HEADER):
    import docx

    document = docx.Document()
    document.add_paragraph("Complaint Handling Code self-assessment, 2021")
    for heading, rows in form:
        document.add_paragraph(heading)
        table = document.add_table(rows=1, cols=len(header))
        for cell, name in zip(table.rows[0].cells, header, strict=True):
            cell.text = name
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    document.save(str(path))
    return path


def write_xlsx(path, form=FORM, header=HEADER):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Self-assessment"
    for heading, rows in form:
        sheet.append([heading])
        sheet.append(header)
        for row in rows:
            sheet.append([value or None for value in row])
    book.save(str(path))
    return path


@pytest.fixture(params=["docx", "xlsx"])
def form_file(request, tmp_path):
    writer = write_docx if request.param == "docx" else write_xlsx
    return writer(tmp_path / f"form-2020.{request.param}")


def by_ref(form):
    return {row.ref: row for row in form.rows}


def test_the_2020_code_has_its_questions_in_numbered_sections():
    code = catalogue.load("2020")
    titles = [section["title"] for section in code["sections"]]
    assert titles[:3] == [
        "Definition of a complaint",
        "Accessibility",
        "Complaints team and process",
    ]
    assert catalogue.provision("2020", "3.1")["text"] == (
        "Is there a complaint officer or equivalent in post?"
    )


@pytest.mark.django_db
def test_the_questions_are_in_the_database():
    from putright.codes.models import Provision

    questions = Provision.objects.filter(code_version__key="2020")
    assert questions.count() == len(catalogue.provision_refs("2020"))
    assert questions.get(ref="2.1").section.title == "Accessibility"


def test_a_2020_form_is_read_and_each_row_maps_to_the_codes_question(form_file):
    form = parse_form(form_file)
    assert form.code == "2020"
    assert form.errors == []
    rows = by_ref(form)
    assert list(rows) == ["1.1", "1.2", "1.3", "2.1", "2.3", "3.1", "3.5"]
    assert rows["1.1"].comply == "yes"
    assert rows["1.1"].evidence == "Complaints policy, section 2"
    assert rows["1.1"].section == "Definition of a complaint"
    assert rows["1.2"].comply == "yes"  # a capital X is a mark too


def test_an_answer_marked_only_by_an_x_in_the_no_column(form_file):
    row = by_ref(parse_form(form_file))["1.3"]
    assert row.comply == "no"
    assert (
        row.commentary
        == "Improvement required.\nFurther action: Board to\nagree new exclusions by June"
    )


def test_a_question_continued_over_a_page_break_is_one_question(form_file):
    row = by_ref(parse_form(form_file))["1.3"]
    assert row.requirement == "Are these exclusions reasonable and fair to residents?"


def test_a_row_with_an_empty_question_cell_continues_the_previous_row(form_file):
    row = by_ref(parse_form(form_file))["2.1"]
    assert row.comply == "yes"
    assert row.evidence == "Phone, email, web form,\nin person at the office"


def test_n_a_in_the_comments_with_no_mark_is_not_applicable(form_file):
    rows = by_ref(parse_form(form_file))
    assert rows["2.3"].comply == "na"
    assert rows["2.3"].evidence == "N/A"
    # Comments with no mark and no "N/A": not answered, the comment kept.
    assert rows["3.5"].comply is None
    assert rows["3.5"].evidence == "We have a two-stage process"
    assert rows["3.1"].commentary == "No improvement required."


@pytest.mark.django_db
def test_the_command_imports_a_2020_form_against_the_2020_questions(olivia, form_file, capsys):
    from putright.selfassessment.models import SelfAssessment

    call_command("selfassessment", "import", str(form_file), "--user", "olivia")
    assessment = SelfAssessment.objects.get()
    assert assessment.code_version.key == "2020"
    # Every question of the Code, the form's answers on the ones it answered.
    assert assessment.answers.count() == len(catalogue.provision_refs("2020"))
    answer = assessment.answers.get(ref="1.3")
    assert answer.provision.text == "Are these exclusions reasonable and fair to residents?"
    assert answer.comply == "no"
    assert assessment.answers.get(ref="2.3").comply == "na"
    assert "Draft self-assessment" in capsys.readouterr().out


# --- forms that cannot be read ---------------------------------------------------------------

BROKEN = [
    (
        "1 Definition of a complaint",
        [
            [
                "Does the policy have exclusions where a complaint will not be considered?",
                "x",
                "x",
                "",
                "",
                "",
            ],
            ["Are these exclusions reasonable and fair to residents?", "maybe", "", "", "", ""],
            [
                "Is the complaints policy and procedure available online?",
                "x",
                "",
                "",
                "Perhaps",
                "",
            ],
        ],
    ),
]


@pytest.mark.parametrize("writer", [write_docx, write_xlsx])
def test_rows_that_cannot_be_read_are_named_with_the_reason(tmp_path, writer):
    path = writer(tmp_path / ("broken." + ("docx" if writer is write_docx else "xlsx")), BROKEN)
    errors = parse_form(path).errors
    assert len(errors) == 3
    # A table's row 2 follows its header; a sheet's row 3 follows the heading and the header.
    first = 2 if writer is write_docx else 3
    assert f"row {first} (" in errors[0]
    assert "both Yes and No are marked" in errors[0]
    assert f"row {first + 1} (" in errors[1]
    assert "'maybe' in the Yes column is not a mark" in errors[1]
    assert "'improvement required' is 'Perhaps'" in errors[2]


@pytest.mark.django_db
def test_the_service_refuses_a_form_it_could_not_read_in_part(olivia, tmp_path):
    import datetime as dt

    from putright.selfassessment.models import SelfAssessment

    form = parse_form(write_docx(tmp_path / "broken.docx", BROKEN))
    with pytest.raises(InvalidInput) as raised:
        services.selfassessment_import(
            user=olivia,
            form=form,
            period_start=dt.date(2021, 4, 1),
            period_end=dt.date(2022, 3, 31),
        )
    said = raised.value.errors["file"]
    assert "could not be read in 3 places; nothing was imported" in said[0]
    assert any("both Yes and No are marked" in line for line in said)
    assert not SelfAssessment.objects.exists()


@pytest.mark.django_db
def test_the_command_fails_naming_the_rows(olivia, tmp_path):
    from putright.selfassessment.models import SelfAssessment

    path = write_xlsx(tmp_path / "broken.xlsx", BROKEN)
    with pytest.raises(CommandError) as raised:
        call_command("selfassessment", "import", str(path), "--user", "olivia")
    assert "sheet Self-assessment, row 4" in str(raised.value)
    assert not SelfAssessment.objects.exists()


def test_with_json_the_errors_are_printed_and_the_command_still_fails(tmp_path, capsys):
    path = write_docx(tmp_path / "broken.docx", BROKEN)
    with pytest.raises(CommandError):
        call_command("selfassessment", "import", str(path), "--json")
    assert len(json.loads(capsys.readouterr().out)["errors"]) == 3


def test_a_file_that_is_not_a_document_is_an_error_not_an_empty_form(tmp_path):
    path = tmp_path / "form.docx"
    path.write_bytes(b"this is not a Word document")
    form = parse_form(path)
    assert form.rows == []
    assert "not a Word document (DOCX) that can be opened" in form.errors[0]


def test_a_document_with_no_table_is_an_error_not_an_empty_form(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Our self-assessment is attached separately.")
    document.save(str(tmp_path / "empty.docx"))
    errors = parse_form(tmp_path / "empty.docx").errors
    assert errors and "no rows could be read" in errors[0]


def test_answers_before_any_header_row_are_named(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Is there a complaint officer or equivalent in post?", "x", ""])
    book.active.append(HEADER)
    book.save(str(tmp_path / "no-header.xlsx"))
    errors = parse_form(tmp_path / "no-header.xlsx").errors
    assert "row 1: a row before any header row naming the Yes and No columns" in errors[0]


def test_an_xlsx_in_the_2024_layout_reads_as_provisions(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Section 1: Definition of a complaint"])
    sheet.append(
        ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary"]
    )
    for ref in catalogue.provision_refs("2024")[:5]:
        text = catalogue.provision("2024", ref)["text"]
        sheet.append([ref, text, "Yes", f"Policy for {ref}", ""])
    book.save(str(tmp_path / "2024.xlsx"))
    form = parse_form(tmp_path / "2024.xlsx")
    assert form.code == "2024"
    assert form.errors == []
    first = form.rows[0]
    assert (first.ref, first.comply, first.evidence) == ("1.2", "yes", "Policy for 1.2")
    assert len(form.rows) == 5


def test_a_form_none_of_whose_rows_is_of_its_code_is_refused(tmp_path, olivia):
    """Review finding: a 2020 form imported as the 2024 Code, or one whose Yes and No columns
    were not understood, became a draft with nothing matched and a success message."""
    from putright.errors import InvalidInput
    from putright.selfassessment import services
    from putright.selfassessment.importers import parse_form
    from putright.selfassessment.models import SelfAssessment

    path = tmp_path / "questions.csv"
    path.write_text("Code provision,Code requirement,Comply,Evidence\nCafé,Our own row,Yes,x\n")
    form = parse_form(path, code="2024")
    with pytest.raises(InvalidInput) as error:
        services.selfassessment_import(
            user=olivia,
            form=form,
            period_start=dt.date(2024, 4, 1),
            period_end=dt.date(2025, 3, 31),
        )
    assert "None of the form's" in error.value.errors["file"][0]
    assert not SelfAssessment.objects.exists()
