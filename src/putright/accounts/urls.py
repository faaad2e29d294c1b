"""The account pages and the second sign-in step (the password step is web:login)."""

from django.urls import path

from putright.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/code/", views.sign_in_code, name="sign-in-code"),
    path("", views.account, name="account"),
    path("password/", views.password_change, name="password-change"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("two-factor/off/", views.two_factor_off, name="two-factor-off"),
]
