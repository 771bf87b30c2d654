from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "bimkemas.core"
    label = "core"

    def ready(self) -> None:
        # Each app's work_items.py, panels.py, facts.py and due.py register their providers
        # (bimkemas.core.workitems, bimkemas.core.panels, bimkemas.core.facts,
        # bimkemas.core.due).
        autodiscover_modules("due")
        autodiscover_modules("work_items")
        autodiscover_modules("panels")
        autodiscover_modules("facts")
