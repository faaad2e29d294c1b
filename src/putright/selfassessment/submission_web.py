"""The annual submission pack on the web: the page, its CSV download, and recording that the
submission was made. What the pack holds is submission.pack's; the write is the service's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from putright import dates
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.selfassessment import services, submission
from putright.web.views import forbidden


@login_required
def submission_page(request):
    pack = submission.pack()
    if request.method == "POST" and pack.self_assessment is not None:
        try:
            services.submission_record(user=request.user, self_assessment=pack.self_assessment)
        except NotPermitted as error:
            return forbidden(request, str(error))
        except (InvalidInput, RuleBroken) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The annual submission to the Ombudsman is recorded.")
        return redirect("selfassessment:submission")
    may_record = request.user.is_superuser or request.user.role in services.EDITORS
    return render(
        request,
        "selfassessment/submission.html",
        {"pack": pack, "today": dates.today(), "may_record": may_record},
    )


@login_required
def submission_csv(request):
    pack = submission.pack()
    response = HttpResponse(submission.pack_csv(pack), content_type="text/csv; charset=utf-8")
    name = f"ombudsman-submission-{pack.financial_year_end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
