from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """Role home pages and the office and national overviews (interface only)."""

    name = "bimkemas.dashboards"
