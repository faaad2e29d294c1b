"""Signing in and out, the home page, and the pages shared by the workspace and the public side."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.forms.utils import ErrorDict
from django.shortcuts import render

from putright import dates
from putright.accounts.models import Role
from putright.web.forms import SignInForm
from putright.web.queries import home_groups
from putright.web.throttle import LOGIN_FAILURES, client_ip


class LoginView(auth_views.LoginView):
    """Django's sign-in, locked for a while after repeated failures for one username from one
    address (the lock is checked before the password, so it cannot be probed)."""

    template_name = "web/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = (request.POST.get("username") or "").strip().lower()
        key = (username, client_ip(request))
        if LOGIN_FAILURES.exceeded(*key):
            form = self.get_form()
            # Mark the form checked without checking the password.
            form._errors, form.cleaned_data = ErrorDict(), {}
            form.add_error(None, SignInForm.error_messages["locked"])
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            LOGIN_FAILURES.reset(*key)
        else:
            LOGIN_FAILURES.hit(*key)
            response.status_code = 400
        return response


login_view = LoginView.as_view()
logout_view = auth_views.LogoutView.as_view(next_page="web:login")


def forbidden(request, message: str = ""):
    return render(request, "403.html", {"message": message}, status=403)


def home(request):
    if not request.user.is_authenticated:
        # The front door: residents complain from here; staff sign in.
        return render(request, "web/public/start.html")
    default = "mine" if request.user.role == Role.HANDLER else "team"
    scope = request.GET.get("scope", default)
    scope = scope if scope in ("mine", "team") else default
    today = dates.today()
    groups = home_groups(user=request.user, mine=scope == "mine", today=today)
    return render(
        request,
        "web/home.html",
        {
            "groups": groups,
            "scope": scope,
            "today": today,
            "late_count": len(groups["remedies"]) + len(groups["actions"]),
        },
    )
