"""What both Venn models share: strict pydantic records and how words are compared.

>>> word_key("  Sangat   Dekat ")
'sangat dekat'
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A record that refuses unknown fields (a misspelt key is an error, not silently dropped)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def word_key(value: Any) -> str:
    """A word as looked up in a vocabulary: lower case, single spaces."""
    return " ".join(str(value).lower().split())
