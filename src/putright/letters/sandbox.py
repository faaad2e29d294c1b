"""The landlord's letter wording is rendered in a sandbox.

A template sees one plain dict built from the case (strings, lists and dicts; see
`putright.letters.context`), never a model object, so it cannot reach the database. It is rendered
by its own Django template Engine that has no loaders (no {% include %} or {% extends %} of files),
no {% load %}-able libraries, and only the tags and filters listed here ({% debug %}, {% url %},
{% csrf_token %} and the like are absent). Output is plain text: the letter frame escapes it.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from django.template import (
    Context,
    Engine,
    Library,
    TemplateSyntaxError,
    defaultfilters,
    defaulttags,
)

from putright.errors import InvalidInput

ALLOWED_TAGS = ("if", "for", "with", "firstof", "cycle", "comment", "spaceless", "ifchanged")
ALLOWED_FILTERS = (
    "default",
    "default_if_none",
    "upper",
    "lower",
    "title",
    "capfirst",
    "join",
    "length",
    "pluralize",
    "first",
    "last",
    "yesno",
    "linebreaksbr",
    "striptags",
    "wordwrap",
    "add",
    "cut",
)

register = Library()
for _name in ALLOWED_TAGS:
    register.tag(_name, defaulttags.register.tags[_name])
for _name in ALLOWED_FILTERS:
    register.filters[_name] = defaultfilters.register.filters[_name]


class SandboxEngine(Engine):
    # Django's own builtins include {% debug %} (which prints the context) and {% include %}.
    default_builtins: list[str] = []


_engine = SandboxEngine(
    dirs=[],
    app_dirs=False,
    loaders=[("django.template.loaders.locmem.Loader", {})],
    builtins=["putright.letters.sandbox"],
    libraries={},
    autoescape=False,
    string_if_invalid="",
    debug=False,
)


def compile_template(source: str, *, field: str = "body"):
    """Compile the landlord's wording, naming the field when it is not a valid template."""
    try:
        return _engine.from_string(source)
    except TemplateSyntaxError as error:
        raise InvalidInput({field: plain_error(str(error))}) from None


def plain_error(message: str) -> str:
    """Django's template error, said in words a letter writer follows (review finding M8)."""
    tags = ", ".join(ALLOWED_TAGS[:3])
    if match := re.search(r"Invalid block tag on line (\d+): '(\w+)'", message):
        line, tag = match.groups()
        if tag.startswith("end") or tag in ("else", "elif", "empty"):
            return (
                f"Line {line}: {{% {tag} %}} has no matching opening {{% if %}}, {{% for %}} or "
                "{% with %} before it."
            )
        return f"Line {line}: {{% {tag} %}} cannot be used in a letter. You can use {tags}."
    if match := re.search(r"Unclosed tag on line (\d+): '(\w+)'", message):
        line, tag = match.groups()
        return f"Line {line}: {{% {tag} %}} is never closed. Add {{% end{tag} %}} where it ends."
    if match := re.search(r"Invalid filter: '(\w+)'", message):
        return f"The filter |{match[1]} cannot be used. You can use: {', '.join(ALLOWED_FILTERS)}."
    if "Could not parse" in message or "Could not find" in message or "Empty variable" in message:
        return (
            "A placeholder is not written right. Write it as {{ resident.name }}: two curly "
            "brackets each side, the name from the list of placeholders."
        )
    return f"The wording has a mistake in its placeholders or tags: {message}"


def freeze(value):
    """Read-only copies: a template cannot even change its own data ({{ list.pop }} is no
    method of a tuple, {{ dict.clear }} none of a mapping proxy)."""
    if isinstance(value, dict):
        return MappingProxyType({str(k): freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"Letter templates see only plain data, not {type(value).__name__}.")


def render(source: str, data: dict, *, field: str = "body") -> str:
    template = compile_template(source, field=field)
    return template.render(Context(dict(freeze(data)), autoescape=False))
