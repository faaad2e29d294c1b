from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from putright.accounts.models import ApiToken, User


class AdminSignInForm(OTPAdminAuthenticationForm):
    """Password and code on one page; a wrong code counts towards the sign-in lock-out."""

    def clean_otp(self, user):
        try:
            super().clean_otp(user)
        except ValidationError:
            if user is not None:
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": user.get_username()},
                    request=self.request,
                )
            raise


class PutrightAdminSite(OTPAdminSite):
    """The admin asks everyone for a second factor (django-otp): a session signed in with a
    code at /accounts/login/ is let in; otherwise the admin's own sign-in asks for one."""

    login_form = AdminSignInForm

    def __init__(self, name="admin"):
        super().__init__(name)


admin.site.__class__ = PutrightAdminSite


@admin.register(User)
class PutrightUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Putright", {"fields": ("role",)}))
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued with `putright apitoken` (the secret is shown once, there); here they
    can be seen and revoked. Only a digest is stored, and it is not shown either."""

    list_display = ("id", "user", "name", "created", "expiry", "last_used_at")
    list_filter = ("user",)
    fields = ("id", "user", "name", "created", "expiry", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
