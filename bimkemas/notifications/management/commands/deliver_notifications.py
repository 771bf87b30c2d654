from django.core.management.base import BaseCommand

from bimkemas.notifications.delivery import deliver_due


class Command(BaseCommand):
    help = "Send the notifications that are due (safe to run while the job worker runs)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=100, help="at most this many")

    def handle(self, *args, limit: int, **options) -> None:
        sent = deliver_due(limit=limit)
        self.stdout.write(f"{sent} sent")
