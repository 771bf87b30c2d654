import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """The date in the office's time zone (Asia/Jakarta by default)."""
    return timezone.localdate()
