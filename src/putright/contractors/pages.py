"""The form page shared by the registers' staff pages (contractors, training): validate, call
the service, redirect; or show the errors on the same form, 400 for bad input, 409 for a broken
rule, 403 when the service refuses the user."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.web.views import forbidden


def apply_errors(form, error: InvalidInput) -> None:
    for key, found in error.errors.items():
        field = key if key in form.fields else None
        for message in found if isinstance(found, list | tuple) else [found]:
            form.add_error(field, message)


def form_page(request, form, record, *, title: str, back: str, success: str, caption: str = ""):
    rule, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                record(form.cleaned_data)
            except InvalidInput as error:
                apply_errors(form, error)
            except RuleBroken as error:
                rule = error
            except NotPermitted as error:
                return forbidden(request, str(error))
            else:
                messages.success(request, success)
                return redirect(back)
        status = 409 if rule else 400
    return render(
        request,
        "contractors/form.html",
        {"form": form, "rule": rule, "back": back, "title": title, "caption": caption},
        status=status,
    )
