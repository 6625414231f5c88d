"""Case documents: one YAML/JSON file holds a whole case in sections (``family``, ``ecomap``, ...).

Each command reads the section it draws; a file that *is* the section (a bare family with
``people`` at the top) works too.

>>> section({"family": {"people": []}}, "family", marker="people")
{'people': []}
>>> section({"people": []}, "family", marker="people")
{'people': []}
"""

from __future__ import annotations

from typing import Any

from socialtools.errors import InputError


def section(document: dict[str, Any], name: str, *, marker: str, source: str | None = None) -> dict[str, Any]:
    """The ``name`` section of a case document, or the document itself when it has ``marker``."""
    if name in document:
        value = document[name]
        if not isinstance(value, dict):
            raise InputError("expected a mapping (key: value)", record=name, source=source)
        return value
    if marker in document:
        return document
    raise InputError(f"no '{name}' section (and no '{marker}' at the top of the file)", source=source)
