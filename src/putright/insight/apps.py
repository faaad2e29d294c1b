from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "putright.insight"
    label = "insight"
    verbose_name = "Insight: hearing dissatisfaction"
