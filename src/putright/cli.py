"""The `putright` console command: Django's management commands with Putright's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    from django.core.management import execute_from_command_line

    from putright.system.guards import guard_command_line

    guard_command_line(sys.argv)

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
