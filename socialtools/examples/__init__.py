"""The bundled example cases (the PK case and invented ones), shipped inside the package.

>>> "pk.yaml" in [p.name for p in example_files()]
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def example_files() -> list[Path]:
    """Every bundled example document."""
    return sorted(p for p in HERE.iterdir() if p.suffix in (".yaml", ".yml", ".json"))


def example_path(name: str) -> Path:
    """Path of a bundled example, e.g. ``example_path("pk.yaml")``."""
    return HERE / name


def load_example(name: str) -> dict[str, Any]:
    """A bundled example document as a dict."""
    from socialtools.io.loading import load_document

    return load_document(example_path(name))
