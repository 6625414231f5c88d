"""Genogram figures of the bundled cases for ``socialtools demo``."""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.genogram.diagram import Genogram


def demo_files() -> dict[str, str | bytes]:
    """``pk-genogram.svg`` (Gambar 4.1) and the larger invented family."""
    return {
        "pk-genogram.svg": Genogram.from_document(load_example("pk.yaml")).to_svg(),
        "three-generations-genogram.svg": Genogram.from_document(load_example("three-generations.yaml")).to_svg(),
    }
