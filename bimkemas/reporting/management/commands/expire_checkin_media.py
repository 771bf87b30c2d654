"""`bimkemas expire-checkin-media`: remove selfies and locations past each office's retention."""

from django.core.management.base import BaseCommand

from bimkemas.reporting.retention import checkin_media_expire


class Command(BaseCommand):
    help = "Remove selfies and locations of check-ins older than the office's retention days."

    def handle(self, *args, **options) -> None:
        count = checkin_media_expire()
        self.stdout.write(f"Selfies and locations removed from {count} check-ins.")
