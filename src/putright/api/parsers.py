"""JSON with a depth limit (security review, finding 10): no request body of ours nests more than
a few levels, and Python's decoder recurses once per level, so a body nested 50,000 deep raised
RecursionError (a 500) before any view ran. The depth is counted first, without recursion."""

from __future__ import annotations

import codecs
import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings
from rest_framework.utils import json

MAX_DEPTH = 20
# A JSON string, escapes included: brackets inside one do not nest.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def depth(document: str) -> int:
    """The deepest nesting of arrays and objects in `document` (0 for a scalar)."""
    deepest = level = 0
    for bracket in _BRACKET.findall(_STRING.sub("", document)):
        if bracket in "[{":
            level += 1
            deepest = max(deepest, level)
        else:
            level -= 1
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        try:
            document = codecs.getreader(encoding)(stream).read()
        except UnicodeDecodeError as error:
            raise ParseError(f"JSON parse error - {error}") from None
        if depth(document) > MAX_DEPTH:
            raise ParseError(f"JSON nested more than {MAX_DEPTH} levels deep is not accepted.")
        try:
            constant = json.strict_constant if api_settings.STRICT_JSON else None
            return json.loads(document, parse_constant=constant)
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from None
