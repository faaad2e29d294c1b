from django.apps import AppConfig


class LandlordConfig(AppConfig):
    name = "putright.landlord"
    label = "landlord"
