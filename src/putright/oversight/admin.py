"""Recording lessons, Ombudsman cases and reports through Django's admin (managers and the
complaints officer with admin access); the figures and reports read them."""

from django.contrib import admin

from putright.oversight import models


class EvidenceRequestInline(admin.TabularInline):
    model = models.EvidenceRequest
    extra = 0


class DeterminationInline(admin.TabularInline):
    model = models.Determination
    extra = 0


class OrderInline(admin.TabularInline):
    model = models.Order
    extra = 0


@admin.register(models.OmbudsmanCase)
class OmbudsmanCaseAdmin(admin.ModelAdmin):
    list_display = ["ombudsman_reference", "complaint", "referred_on", "determined_on"]
    raw_id_fields = ["complaint"]
    inlines = [EvidenceRequestInline, DeterminationInline, OrderInline]


@admin.register(models.Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "owner", "identified_on", "implemented_on"]
    list_filter = ["status"]
    raw_id_fields = ["complaints"]


@admin.register(models.OmbudsmanReport)
class OmbudsmanReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "received_on"]


@admin.register(models.AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["reporting_year", "response_recorded_on", "published_on"]
    readonly_fields = ["published_on", "published_html"]
