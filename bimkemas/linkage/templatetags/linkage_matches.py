"""`{% record_matches_for record as matches %}`: a record's matches with the clients the
signed-in user may see (the record page's matches section)."""

from django import template

from bimkemas.linkage import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def record_matches_for(context, record) -> dict:
    user = context["request"].user
    return {
        "shown": list(selectors.record_matches(user, record)),
        "hidden": selectors.record_match_count_hidden(user, record),
    }
