"""Schema truth (security review, findings 1 and 19): a field that can answer null says so. Every
output serializer's field is followed to the model field it reads; where any step of the way
can be null, the published schema must say `nullable`."""

import importlib
import pkgutil

from django.db import models
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers

import putright


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _can_be_null(model, source: str) -> bool:
    for attr in source.split("."):
        try:
            field = model._meta.get_field(attr)
        except Exception:  # a property or method: not a column
            return False
        if not field.concrete:  # a reverse relation: a list, never null
            return False
        if getattr(field, "null", False):
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


def _model_serializers():
    for module in pkgutil.walk_packages(putright.__path__, "putright."):
        if module.name.endswith((".api", ".serializers")):
            importlib.import_module(module.name)
    return [
        cls
        for cls in _subclasses(serializers.ModelSerializer)
        if cls.__module__.startswith("putright.") and hasattr(cls, "Meta")
    ]


def test_every_field_that_can_be_null_is_declared_nullable():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    checked, undeclared = 0, []
    for cls in _model_serializers():
        component = components.get(cls.__name__.removesuffix("Serializer"))
        if component is None:
            continue  # not in the API (a nested helper under another name, say)
        model = cls.Meta.model
        for name, field in cls().fields.items():
            if field.write_only or not field.source or field.source == "*":
                continue
            if not _can_be_null(model, field.source):
                continue
            checked += 1
            declared = components[cls.__name__.removesuffix("Serializer")]["properties"][name]
            if not declared.get("nullable"):
                undeclared.append(f"{cls.__name__}.{name}")
    assert checked > 20  # the walk found the nullable columns
    assert undeclared == [], "\n".join(undeclared)


def test_the_walk_sees_a_nullable_foreign_key():
    from putright.complaints.models import Remedy

    assert _can_be_null(Remedy, "completed_by.username")
    assert not _can_be_null(Remedy, "description")
    assert isinstance(Remedy._meta.get_field("completed_by"), models.ForeignKey)
