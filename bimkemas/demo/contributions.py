"""Find and run the demo generators that capability apps contribute (see core/demo_context.py)."""

import importlib
import importlib.util
from collections.abc import Callable

from django.apps import apps

from bimkemas.core.demo_context import DemoContext

Generator = Callable[[DemoContext], None]


def demo_generators() -> list[tuple[str, Generator]]:
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if not config.name.startswith("bimkemas.") or config.name == "bimkemas.demo":
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        found.append((config.label, module.generate))
    return found


def run_contributions(ctx: DemoContext) -> None:
    for label, generate in demo_generators():
        generate(ctx)
        ctx.log(f"{label}: demo data added")


def run_removals(office_ids: list[int]) -> None:
    """Before the demo offices are deleted, each contributing app removes its own records of
    them (`remove(office_ids)` in its demo.py), the apps higher up first: their records may
    PROTECT those of the apps below."""
    for config in reversed(list(apps.get_app_configs())):
        module_name = f"{config.name}.demo"
        if not config.name.startswith("bimkemas.") or config.name == "bimkemas.demo":
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        remove = getattr(importlib.import_module(module_name), "remove", None)
        if remove is not None:
            remove(office_ids)
