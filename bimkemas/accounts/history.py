"""Edit history of configuration records (django-simple-history): who changed a role, an
office's rules, an absence or a programme's weight in the admin, and what it was before.

The acting user comes from simple_history's HistoryRequestMiddleware.
"""

from simple_history.models import HistoricalRecords


class EditHistory(HistoricalRecords):
    """HistoricalRecords that skips saves touching only untracked fields, so that a login
    (Django saves `last_login` alone) is not recorded as an edit of the account."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not created:
            tracked = {field.attname for field in self.fields_included(instance)}
            tracked |= {field.name for field in self.fields_included(instance)}
            if not tracked & set(update_fields):
                return
        super().post_save(instance, created, using=using, **kwargs)
