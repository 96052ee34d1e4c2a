"""Building blocks shared by the SOP and archive models."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ACTOR_ID = r"^[a-z0-9]+([_-][a-z0-9]+)*$"  # a pelaksana's id: like SLUG, and '_' too
# An https address with nothing that could end a link or an attribute (spaces, quotes, brackets, braces).
# `$` is the end of the text for pydantic (Rust regex) and JSON Schema; Python's `re` also lets it match before a
# final line break, so Python code checks this pattern with `re.fullmatch`.
HTTPS_URL = r"^https://[^\s<>\"'{}|\\^`()]+$"
# Shown by Pagefind's filter panel, which renders values as HTML: a facet label carries no markup characters.
PLAIN_LABEL = r"^[^<>&\"]+$"


def _as_list(value: Any) -> Any:
    """Let editors write a single item without list syntax: `pelaksana: kasubag`."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise PydanticCustomError("text_or_list_type", "not text or a list of text")


def _date_as_written(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would read `tanggal: 0` or `"86400"` as seconds since 1970, silently wrong."""
    if isinstance(value, datetime.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_type", "not a YYYY-MM-DD date")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
Date = Annotated[datetime.date, BeforeValidator(_date_as_written)]
Text = Annotated[str, Field(min_length=1)]


def _text_or_list_schema(min_items: int) -> dict[str, Any]:
    array: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
    if min_items:
        array["minItems"] = min_items
    return {"anyOf": [{"type": "string", "minLength": 1}, array]}


TextList = Annotated[list[Text], BeforeValidator(_as_list), WithJsonSchema(_text_or_list_schema(0))]
# At least one item: `kegiatan: []` is a step that does nothing, and the schema says so to the editor too.
NonEmptyTextList = Annotated[
    list[Text], BeforeValidator(_as_list), Field(min_length=1), WithJsonSchema(_text_or_list_schema(1))
]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo'd field is reported instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
