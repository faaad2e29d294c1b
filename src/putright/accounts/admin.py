from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from putright.accounts.models import User


@admin.register(User)
class PutrightUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Putright", {"fields": ("role",)}))
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
