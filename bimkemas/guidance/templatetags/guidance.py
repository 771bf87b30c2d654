from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: dict, key: Any) -> Any:
    """A dictionary's value by a variable key: {{ labels|get:status }}."""
    return mapping.get(key, key) if isinstance(mapping, dict) else key


@register.filter
def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"
