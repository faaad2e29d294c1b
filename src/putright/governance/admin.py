from django.contrib import admin

from putright.governance.models import (
    Accountability,
    Incident,
    Meeting,
    OrganisationalChange,
    ReportPresented,
)

for model in (Accountability, Incident, Meeting, OrganisationalChange, ReportPresented):
    admin.site.register(model)
