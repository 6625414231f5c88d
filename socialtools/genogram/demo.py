"""Genogram figures of the bundled cases for ``socialtools demo``."""

from __future__ import annotations

from socialtools.examples import load_example
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.diagram import Genogram


def demo_files() -> dict[str, str | bytes]:
    """``pk-genogram.svg`` (Gambar 4.1), the larger invented family, and the family told as a
    history: today, as it was in 2000, and both years side by side."""
    history = load_example("family-history.yaml")
    return {
        "pk-genogram.svg": Genogram.from_document(load_example("pk.yaml")).to_svg(),
        "three-generations-genogram.svg": Genogram.from_document(load_example("three-generations.yaml")).to_svg(),
        "family-history-genogram.svg": Genogram.from_document(history).to_svg(),
        "family-history-2000-genogram.svg": Genogram.from_document(history, as_of=2000).to_svg(),
        "family-history-compare-genogram.svg": GenogramComparison.from_document(history, 2000, 2024).to_svg(),
    }
