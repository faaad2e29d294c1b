"""Writes of the workspace's own rows: saved views of the complaints list. Each view belongs to
the user who saved it; nobody else can see or delete it."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from putright.errors import InvalidInput
from putright.web.models import SavedView

MAX_SAVED_VIEWS = 30


def saved_view_save(*, user, name: str, query: str) -> SavedView:
    """Save the list's current filter (its query string) under `name`. Saving again under the
    same name replaces that view's filter."""
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput({"name": "Enter a name for the view."})
    if len(name) > 80:
        raise InvalidInput({"name": "Name the view in 80 characters or fewer."})
    if len(query or "") > 1000:
        raise InvalidInput({"query": "That filter is too long to save."})
    with transaction.atomic():
        existing = SavedView.objects.select_for_update().filter(user=user, name=name).first()
        if existing is not None:
            existing.query = query or ""
            existing.save(update_fields=["query"])
            return existing
        if SavedView.objects.filter(user=user).count() >= MAX_SAVED_VIEWS:
            raise InvalidInput(
                {"name": f"You have {MAX_SAVED_VIEWS} saved views. Delete one to save another."}
            )
        try:
            with transaction.atomic():
                return SavedView.objects.create(user=user, name=name, query=query or "")
        except IntegrityError:  # saved at the same moment in another tab
            raise InvalidInput({"name": "You already have a view with that name."}) from None


def saved_view_delete(*, user, view_id: int) -> None:
    """Delete one of the user's own views; another user's view is as good as missing."""
    deleted, _ = SavedView.objects.filter(user=user, pk=view_id).delete()
    if not deleted:
        raise InvalidInput({"view": "You have no saved view with that number."})
