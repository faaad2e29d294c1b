from django.contrib import admin

from putright.landlord.models import ClosureDay, HomesOwned, LandlordSettings

admin.site.register(LandlordSettings)
admin.site.register(ClosureDay)
admin.site.register(HomesOwned)
