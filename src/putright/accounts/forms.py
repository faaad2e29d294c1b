from django import forms
from django.contrib.auth.forms import AuthenticationForm

from putright.web.forms import GovForm


class SignInForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password.",
    }


class CodeForm(GovForm):
    required_messages = {
        "code": "Enter the 6-digit code from your authenticator app, or a recovery code."
    }
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class ConfirmForm(GovForm):
    required_messages = {"confirm": "Tick the box to confirm."}
    confirm = forms.BooleanField(label="I understand")
