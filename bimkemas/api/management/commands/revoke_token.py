from django.core.management.base import BaseCommand, CommandError, CommandParser

from bimkemas.accounts.models import ApiToken
from bimkemas.api.tokens import token_revoke


class Command(BaseCommand):
    help = "Revoke a user's API token, named by its prefix (the first 8 characters of the key)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("prefix")

    def handle(self, *args, **options) -> None:
        found = ApiToken.objects.filter(
            user__username=options["username"], prefix=options["prefix"], revoked_at__isnull=True
        )
        if len(found) != 1:
            raise CommandError(f"{len(found)} unrevoked tokens match; give the exact prefix.")
        token_revoke(actor=None, token=found[0])
        self.stdout.write(f"Revoked {found[0]}.")
