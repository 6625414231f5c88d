"""The bundled example cases (the PK case and invented ones), shipped inside the package.

>>> "pk.yaml" in [p.name for p in example_files()]
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["example_files", "example_path", "load_example"]

HERE = Path(__file__).resolve().parent


def example_files() -> list[Path]:
    """Every bundled example document.

    >>> [p.name for p in example_files()][:2]
    ['ecomap-intervention.yaml', 'family-history.yaml']
    """
    return sorted(p for p in HERE.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


def example_path(name: str) -> Path:
    """Path of a bundled example.

    >>> example_path("pk.yaml").name, example_path("pk.yaml").is_file()
    ('pk.yaml', True)
    """
    return HERE / name


def load_example(name: str) -> dict[str, Any]:
    """A bundled example document as a dict.

    >>> load_example("pk.yaml")["case"]["client"]
    'PK'
    """
    from socialtools.io.loading import load_document

    return load_document(example_path(name))
