"""The compensation guide in the Django admin (7.4). The rest of the complaint record is
written only through the services, so that every change leaves its event (5.12)."""

from django.contrib import admin

from putright.complaints.models import CompensationBand


@admin.register(CompensationBand)
class CompensationBandAdmin(admin.ModelAdmin):
    list_display = ["failure", "impact", "minimum", "maximum", "per", "active"]
    list_filter = ["impact", "active"]
    search_fields = ["failure", "description"]
