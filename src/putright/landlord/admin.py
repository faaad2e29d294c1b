from django.contrib import admin

from putright.landlord.models import ClosureDay, HomesOwned, LandlordSettings

admin.site.register(LandlordSettings)
admin.site.register(HomesOwned)


@admin.register(ClosureDay)
class ClosureDayAdmin(admin.ModelAdmin):
    """A closure day changes the working days: open stages' deadlines follow at once."""

    list_display = ("date", "reason")

    def _recalculate(self, request, reason):
        from putright.complaints.services import deadlines_recalculate

        deadlines_recalculate(user=request.user, reason=reason)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._recalculate(request, f"Closure day saved: {obj.date.isoformat()} ({obj.reason})")

    def delete_model(self, request, obj):
        day = obj.date
        super().delete_model(request, obj)
        self._recalculate(request, f"Closure day removed: {day.isoformat()}")

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self._recalculate(request, "Closure days removed")
