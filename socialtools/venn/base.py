"""What both Venn models share: how words are looked up in their vocabularies.

>>> word_key("  Sangat   Dekat ")
'sangat dekat'
"""

from __future__ import annotations

from typing import Any


def word_key(value: Any) -> str:
    """A word as looked up in a vocabulary: lower case, single spaces."""
    return " ".join(str(value).lower().split())
