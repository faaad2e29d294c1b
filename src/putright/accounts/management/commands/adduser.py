from django.core.management.base import BaseCommand, CommandError

from putright.accounts.models import Role
from putright.accounts.services import user_create
from putright.errors import InvalidInput


class Command(BaseCommand):
    help = "Create a Putright user with a role."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Omit to create a user who signs in later.")

    def handle(self, *args, **options):
        try:
            user = user_create(
                username=options["username"],
                role=options["role"],
                email=options["email"],
                password=options["password"],
            )
        except InvalidInput as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Created {user.username} ({user.get_role_display()}).")
