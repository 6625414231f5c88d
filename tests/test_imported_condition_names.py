"""A condition named in English by a genetics file's reader (CanRisk's 'breast cancer') is named in
the legend's language: an Indonesian legend said 'breast cancer' among Indonesian words (review 9 C5)."""

from __future__ import annotations

import pytest

from socialtools.genogram import Genogram
from socialtools.genogram.labels import IMPORTED_CONDITIONS_ID
from socialtools.io.canrisk import CANCERS, EXAMPLE, read_canrisk_text


def test_every_canrisk_cancer_has_an_indonesian_name() -> None:
    assert set(CANCERS.values()) <= set(IMPORTED_CONDITIONS_ID)


@pytest.mark.parametrize(("lang", "shown", "not_shown"), [("id", "kanker payudara", "breast cancer"),
                                                          ("en", "breast cancer", "kanker payudara")])
def test_the_legend_names_a_canrisk_cancer_in_its_language(lang: str, shown: str, not_shown: str) -> None:
    family = read_canrisk_text(EXAMPLE)["XX"]
    labels = [e.label for e in Genogram(family, lang=lang).renderer().legend_entries()]
    assert shown in labels and not_shown not in labels
