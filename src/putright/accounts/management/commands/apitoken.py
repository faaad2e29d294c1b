from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from putright.accounts import tokens
from putright.accounts.models import User
from putright.errors import InvalidInput


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "-"


class Command(BaseCommand):
    help = (
        "Issue an API token for a user and print it once (send it as 'Authorization: Token ...'); "
        "or list, rotate or revoke the user's tokens."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--list", action="store_true", help="List the user's tokens.")
        action.add_argument(
            "--rotate", action="store_true", help="Issue a new token and revoke all the others."
        )
        action.add_argument("--revoke", type=int, metavar="ID", help="Revoke one token.")
        action.add_argument("--revoke-all", action="store_true", help="Revoke every token.")
        parser.add_argument("--name", default="", help="A label for the new token.")
        parser.add_argument(
            "--expires-in-days",
            type=int,
            default=None,
            help="Days until the new token expires (default PUTRIGHT_API_TOKEN_DAYS; 0: never).",
        )

    def handle(self, *args, **options):
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {options['username']!r}.") from error
        try:
            if options["list"]:
                return self._list(user)
            if options["revoke"] is not None:
                tokens.api_token_revoke(user=user, token_id=options["revoke"])
                self.stdout.write(f"Revoked token {options['revoke']} of {user.username}.")
                return
            if options["revoke_all"]:
                count = tokens.api_tokens_revoke_all(user=user)
                self.stdout.write(f"Revoked {count} token(s) of {user.username}.")
                return
            issue = tokens.api_token_rotate if options["rotate"] else tokens.api_token_issue
            token, secret = issue(
                user=user, name=options["name"], expires_in_days=options["expires_in_days"]
            )
        except InvalidInput as error:
            raise CommandError(str(error)) from error
        self.stderr.write(
            f"Token {token.pk} for {user.username}, expires {_when(token.expiry)}. "
            "It is shown only now: store it safely."
        )
        self.stdout.write(secret)

    def _list(self, user):
        rows = tokens.api_tokens_of(user=user)
        self.stdout.write(f"{'id':>6}  {'created':16}  {'expires':16}  {'last used':16}  name")
        for token in rows:
            self.stdout.write(
                f"{token.pk:>6}  {_when(token.created):16}  {_when(token.expiry):16}  "
                f"{_when(token.last_used_at):16}  {token.name}"
            )
