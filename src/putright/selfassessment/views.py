"""Staff pages: the list of self-assessments and one self-assessment with Putright's figures
beside each answer. Changes go through the API and the services. Public pages (no login): the
published self-assessments in the Ombudsman's layout (8.2)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from putright.landlord.selectors import landlord_settings
from putright.selfassessment import selectors, web
from putright.selfassessment.exporters import export_html
from putright.selfassessment.models import SelfAssessment
from putright.selfassessment.services import EDITORS


@login_required
def selfassessment_list(request):
    return render(
        request,
        "selfassessment/list.html",
        {
            "self_assessments": selectors.selfassessment_list(),
            "can_start": request.user.is_superuser or request.user.role in EDITORS,
        },
    )


@login_required
def selfassessment_detail(request, pk: int):
    try:
        self_assessment = selectors.selfassessment_detail(pk)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None
    return web.detail_page(request, self_assessment)


# --- public (8.2): no login; only what the governing body approved and was published ----------


@require_GET
def published_list(request):
    return render(
        request,
        "selfassessment/published_list.html",
        {"self_assessments": selectors.selfassessment_published(), "landlord": landlord_settings()},
    )


@require_GET
def published_detail(request, pk: int):
    self_assessment = get_object_or_404(selectors.selfassessment_published(), pk=pk)
    return HttpResponse(export_html(self_assessment))
