from django.core.management.base import BaseCommand, CommandError, CommandParser

from bimkemas.accounts.models import User
from bimkemas.api.tokens import token_create


class Command(BaseCommand):
    help = "Create an API token for a user and print its key (shown only this once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What the token is for.")

    def handle(self, *args, **options) -> None:
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist as error:
            raise CommandError(f"No active user {options['username']!r}.") from error
        _token, key = token_create(actor=None, user=user, name=options["name"][:100])
        self.stdout.write(key)
