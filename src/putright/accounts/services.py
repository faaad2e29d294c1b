from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from putright.accounts.models import Role, User
from putright.errors import InvalidInput


@transaction.atomic
def user_create(
    *, username: str, role: str, password: str | None = None, email: str = "", **names
) -> User:
    if role not in Role.values:
        raise InvalidInput({"role": f"Choose one of: {', '.join(Role.values)}."})
    if User.objects.filter(username=username).exists():
        raise InvalidInput({"username": f"A user called {username!r} already exists."})
    user = User(username=username, role=role, email=email, **names)
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    if password:
        # The same policy as every other way a password is set (AUTH_PASSWORD_VALIDATORS).
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise InvalidInput({"password": " ".join(error.messages)}) from error
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def user_api_token(*, user: User, name: str = "") -> str:
    """A new API token for the user (putright.accounts.tokens); returns the secret, once."""
    from putright.accounts.tokens import api_token_issue

    _, secret = api_token_issue(user=user, name=name)
    return secret
