"""Staff pages: the list of self-assessments and one self-assessment with Putright's figures
beside each answer. Changes go through the API and the services."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from putright.selfassessment import selectors
from putright.selfassessment.exporters import sections
from putright.selfassessment.live_evidence import live_evidence_for
from putright.selfassessment.models import SelfAssessment


@login_required
def selfassessment_list(request):
    return render(
        request,
        "selfassessment/list.html",
        {"self_assessments": selectors.selfassessment_list()},
    )


@login_required
def selfassessment_detail(request, pk: int):
    try:
        self_assessment = selectors.selfassessment_detail(pk)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None
    figures = live_evidence_for(self_assessment)
    grouped = [
        (section.title, [(answer, figures.get(answer.ref, [])) for answer in section.answers])
        for section in sections(self_assessment)
    ]
    return render(
        request,
        "selfassessment/detail.html",
        {"self_assessment": self_assessment, "sections": grouped},
    )
