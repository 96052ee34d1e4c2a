"""Building blocks shared by the SOP and archive models."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# An https address with nothing that could end a link or an attribute (spaces, quotes, brackets, braces).
HTTPS_URL = r"^https://[^\s<>\"'{}|\\^`()]+$"
# Shown by Pagefind's filter panel, which renders values as HTML: a facet label carries no markup characters.
PLAIN_LABEL = r"^[^<>&\"]+$"


def _as_list(value: Any) -> Any:
    """Let editors write a single item without list syntax: `pelaksana: kasubag`."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, Field(min_length=1)]
TextList = Annotated[
    list[Text],
    BeforeValidator(_as_list),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string", "minLength": 1}}]}
    ),
]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo'd field is reported instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
