"""A form uploaded through the API and on the web: a draft of its answers, or 400 with every row
that could not be read named, and nothing imported."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from putright.selfassessment.models import SelfAssessment
from tests.selfassessment.test_import_2020_forms import BROKEN, write_docx, write_xlsx

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type=DOCX)


def _api(user):
    api = APIClient()
    api.force_authenticate(user=user)
    return api


def _date(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


PERIOD = {"period_start": "2021-04-01", "period_end": "2022-03-31"}


def test_the_api_imports_a_2020_form(olivia, tmp_path):
    path = write_docx(tmp_path / "form.docx")
    response = _api(olivia).post(
        reverse("selfassessment-import"), {"file": _upload(path), **PERIOD}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    assert SelfAssessment.objects.get().code_version.key == "2020"
    assert SelfAssessment.objects.get().answers.get(ref="1.3").comply == "no"


def test_the_api_refuses_an_unreadable_form_naming_the_rows(olivia, tmp_path):
    path = write_xlsx(tmp_path / "broken.xlsx", BROKEN)
    response = _api(olivia).post(
        reverse("selfassessment-import"), {"file": _upload(path), **PERIOD}, format="multipart"
    )
    assert response.status_code == 400
    said = " ".join(str(v) for v in response.json().values())
    assert "sheet Self-assessment, row 4" in said
    assert "nothing was imported" in said
    assert not SelfAssessment.objects.exists()


def test_the_api_refuses_a_file_that_is_not_a_form(olivia):
    upload = SimpleUploadedFile("form.docx", b"not a zip", content_type=DOCX)
    response = _api(olivia).post(
        reverse("selfassessment-import"), {"file": upload, **PERIOD}, format="multipart"
    )
    assert response.status_code == 400
    assert "form.docx: not a DOCX or XLSX file that can be opened" in str(response.json())


def test_a_handler_cannot_import(hannah, tmp_path):
    path = write_docx(tmp_path / "form.docx")
    response = _api(hannah).post(
        reverse("selfassessment-import"), {"file": _upload(path), **PERIOD}, format="multipart"
    )
    assert response.status_code == 403
    assert not SelfAssessment.objects.exists()


def _web_post(client, path):
    return client.post(
        reverse("selfassessment:import"),
        {
            "file": _upload(path),
            "code": "",
            **_date("period_start", dt.date(2021, 4, 1)),
            **_date("period_end", dt.date(2022, 3, 31)),
        },
    )


def test_the_web_upload_imports_a_form(client, olivia, tmp_path):
    client.force_login(olivia)
    assert client.get(reverse("selfassessment:import")).status_code == 200
    response = _web_post(client, write_xlsx(tmp_path / "form.xlsx"))
    assert response.status_code == 302
    assessment = SelfAssessment.objects.get()
    assert response["Location"] == reverse("selfassessment:detail", args=[assessment.pk])
    assert assessment.code_version.key == "2020"
    assert assessment.source == "form.xlsx"


def test_the_web_upload_lists_the_rows_it_could_not_read(client, olivia, tmp_path):
    client.force_login(olivia)
    response = _web_post(client, write_docx(tmp_path / "broken.docx", BROKEN))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Rows that could not be read" in page
    assert "table 1, row 2" in page
    assert "both Yes and No are marked" in page
    assert "nothing was imported" in page
    assert not SelfAssessment.objects.exists()
