"""The staff pages for sign-off, findings for comment and a representative's consent."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.letters import services, sign_off
from tests.letters import factories

pytestmark = pytest.mark.django_db
SAM = {"name": "Sam Patel", "relationship": "Son", "email": "sam@example.org"}


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_reviewer_signs_off_on_the_letter_page(client, olivia, hannah):
    sign_off.sign_off_configure(user=olivia, stage=1, required=True, roles=["officer"])
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="stage1_response")
    page = f"/letters/{complaint.reference}/{letter.pk}/"
    hannahs = signed_in(client, hannah)
    assert b"must be signed off before it is issued" in hannahs.get(page).content
    refused = hannahs.post(page, {"action": "issue", "delivery": "post"})
    assert refused.status_code == 409 and b"6.7" in refused.content
    own = hannahs.post(page, {"action": "sign_off"})
    assert own.status_code == 409
    signed_in(client, olivia).post(page, {"action": "sign_off", "note": "Clear reasons."})
    shown = client.get(page).content.decode()
    assert "Signed off by" in shown and "Clear reasons." in shown
    case_page = client.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "Response letter signed off (6.7)" in case_page


def test_findings_are_shared_and_answered_on_the_page_and_shown_on_the_case(client, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    page = f"/letters/{complaint.reference}/findings/"
    hannahs = signed_in(client, hannah)
    empty = hannahs.post(page, {"action": "share"})
    assert empty.status_code == 400 and b"pr-error-summary" in empty.content
    made = hannahs.post(
        page,
        {
            "action": "share",
            "summary": "The repair was booked late.",
            "shared_on": "2025-11-24",
            "method": "phone",
            "comment_by": "2025-12-01",
        },
    )
    assert made.status_code == 302
    shared = complaint.findings_shared.get()
    done = hannahs.post(
        page,
        {
            "action": "comment",
            "findings": shared.pk,
            "comment": "Booked twice, cancelled twice.",
            "received_on": "2025-11-24",
        },
    )
    assert done.status_code == 302
    case_page = hannahs.get(f"/complaints/{complaint.reference}/").content.decode()
    assert "Booked twice, cancelled twice." in case_page
    assert "Resident commented on the findings" in case_page


def test_consent_is_recorded_on_the_representative_page(client, olivia, hannah, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    complaint = factories.acknowledged(officer=olivia, handler=hannah, representative=dict(SAM))
    case_page = f"/complaints/{complaint.reference}/"
    hannahs = signed_in(client, hannah)
    assert "Consent not recorded" in hannahs.get(case_page).content.decode()
    page = f"/people/complaints/{complaint.reference}/representative/"
    bad = hannahs.post(page, {"action": "consent", "method": "verbal", "given_on": "2025-11-03"})
    assert bad.status_code == 400 and b"pr-error-summary" in bad.content
    made = hannahs.post(
        page,
        {
            "action": "consent",
            "method": "form",
            "given_on": "2025-11-03",
            "evidence": SimpleUploadedFile("form.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        },
    )
    assert made.status_code == 302, made.content
    shown = hannahs.get(page).content.decode()
    assert "form.png" in shown
    assert hannahs.get(page + "evidence/").status_code == 200
    hannahs.post(page, {"action": "copies", "wants_copies": "yes"})
    assert "copies of letters go to them" in hannahs.get(case_page).content.decode()


def test_the_officer_sets_sign_off_on_the_settings_page(client, olivia, hannah):
    page = "/letters/templates/sign-off/"
    assert signed_in(client, hannah).post(page, {"required-1": "on"}).status_code == 403
    officer = signed_in(client, olivia)
    assert officer.post(page, {"required-1": "on"}).status_code == 400  # no role chosen
    saved = officer.post(page, {"required-2": "on", "roles-2": ["manager", "officer"]})
    assert saved.status_code == 302
    assert [(s.stage, s.required, s.roles) for s in sign_off.settings_all()] == [
        (1, False, []),
        (2, True, ["manager", "officer"]),
    ]
    assert b"Must be signed off before issue" in officer.get(page).content
