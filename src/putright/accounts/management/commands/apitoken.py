from django.core.management.base import BaseCommand, CommandError

from putright.accounts.models import User
from putright.accounts.services import user_api_token


class Command(BaseCommand):
    help = "Print an API token for a user (send it as 'Authorization: Token ...')."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {options['username']!r}.") from error
        self.stdout.write(user_api_token(user=user))
