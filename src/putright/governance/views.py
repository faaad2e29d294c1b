"""Governance pages: accountability (9.4, 9.5), exceptional circumstances (8.5), organisational
change (8.3), and the governing body's meetings with the reports each received (9.3, 9.7).
Officers, managers and administrators record; governance users read; the incident notice is
public. Thin: every write is a governance.services call shown on the same form on error."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from putright import dates
from putright.governance import forms, selectors, services
from putright.governance.models import Incident, Meeting
from putright.oversight import permissions
from putright.oversight.editing import _data, _form_page, oversight_editor


def oversight_reader(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_read_oversight(request.user):
            raise PermissionDenied(
                "Only the complaints officer, managers and governance read this."
            )
        return view(request, *args, **kwargs)

    return wrapped


BACK = "governance:index"


@oversight_reader
def index(request):
    today = dates.today()
    return render(
        request,
        "governance/index.html",
        {
            "accountability": selectors.accountability(),
            "incidents": selectors.incident_rows(today),
            "changes": selectors.organisational_changes(),
            "due_change": selectors.reassessment_due(),
            "next_meeting": selectors.next_meeting(today),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


@oversight_editor
def accountability_edit(request):
    record = selectors.accountability()
    initial = {
        "mrc_user": record.mrc_user.username if record.mrc_user else "",
        "mrc_name": record.mrc_name,
        "mrc_appointed_on": record.mrc_appointed_on,
        "senior_lead_user": record.senior_lead_user.username if record.senior_lead_user else "",
        "senior_lead_name": record.senior_lead_name,
        "senior_lead_job_title": record.senior_lead_job_title,
        "senior_lead_appointed_on": record.senior_lead_appointed_on,
    }
    form = forms.AccountabilityForm(_data(request), initial=initial)

    def record_it(form):
        data = dict(form.cleaned_data)
        data["mrc_user"] = forms.user_from(data["mrc_user"])
        data["senior_lead_user"] = forms.user_from(data["senior_lead_user"])
        services.accountability_set(user=request.user, **data)

    return _form_page(
        request,
        form,
        record_it,
        context={"title": "Who is accountable for complaints (9.4, 9.5)"},
        back=reverse(BACK),
        success="Saved.",
    )


@oversight_editor
def incident_add(request):
    form = forms.IncidentForm(_data(request))
    return _form_page(
        request,
        form,
        lambda form: services.incident_record(user=request.user, **form.cleaned_data),
        context={"title": "Record exceptional circumstances (8.5)"},
        back=reverse(BACK),
        success="The incident is recorded.",
    )


@oversight_editor
def incident_edit(request, pk: int):
    incident = get_object_or_404(Incident, pk=pk)
    initial = {name: getattr(incident, name) for name in services.INCIDENT_FIELDS}
    form = forms.IncidentForm(_data(request), initial=initial)
    return _form_page(
        request,
        form,
        lambda form: services.incident_update(
            user=request.user, incident=incident, **form.cleaned_data
        ),
        context={"title": "Update the incident", "caption": incident.title},
        back=reverse(BACK),
        success="The incident is updated.",
    )


def notice(request, pk: int):
    """The incident's public notice (no sign-in): only once published."""
    incident = selectors.published_incident(pk)
    if incident is None:
        raise Http404("No published notice.")
    return render(request, "governance/notice.html", {"incident": incident, "today": dates.today()})


@oversight_editor
def change_add(request):
    form = forms.OrganisationalChangeForm(_data(request))
    return _form_page(
        request,
        form,
        lambda form: services.organisational_change_record(user=request.user, **form.cleaned_data),
        context={"title": "Record an organisational change (8.3)"},
        back=reverse(BACK),
        success="The change is recorded.",
    )


@oversight_reader
def meeting_list(request):
    return render(
        request,
        "governance/meetings.html",
        {
            "meetings": selectors.meetings(),
            "today": dates.today(),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


@oversight_editor
def meeting_add(request):
    form = forms.MeetingForm(_data(request))
    return _form_page(
        request,
        form,
        lambda form: services.meeting_record(user=request.user, **form.cleaned_data),
        context={"title": "Add a governing body meeting"},
        back=reverse("governance:meetings"),
        success="The meeting is added.",
    )


@oversight_reader
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    return render(
        request,
        "governance/meeting.html",
        {
            **selectors.meeting_agenda(meeting),
            "today": dates.today(),
            "can_edit": permissions.can_edit_oversight(request.user),
        },
    )


@oversight_editor
def report_add(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    initial = {}
    if request.GET.get("case"):
        initial = {"kind": "determination", "ombudsman_case": request.GET["case"]}
    form = forms.ReportForm(_data(request), initial=initial, meeting=meeting)
    return _form_page(
        request,
        form,
        lambda form: services.report_presented_record(
            user=request.user,
            meeting=meeting,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            ombudsman_case=form.case(),
        ),
        context={"title": "Record a report that went to the meeting", "caption": str(meeting)},
        back=reverse("governance:meeting", args=[meeting.pk]),
        success="The report is recorded.",
    )
