"""Family shapes that broke other pedigree and genogram tools (shared/specs/hard-cases.md), one
named regression family each in ``tests/data/hardcases``: every one is drawn with 0 defects of the
independent checker and with every person drawn exactly once.

A case the current layout still gets wrong is marked ``xfail(strict=True)`` with the defect it
shows, so that it turns into a failure (to be unmarked) the moment the layout fixes it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from socialtools.genogram import Genogram

CASES = Path(__file__).parent / "data" / "hardcases"
# the defect categories of the layout yardstick (shared/specs/layout-yardstick.md)
DEFECTS = ("text_text", "text_shape", "shape_shape", "line_through_shape", "text_line", "line_overlaps",
           "out_of_canvas")
STILL_FAILING: dict[str, str] = {}


def _case(name: str) -> object:
    if name not in STILL_FAILING:
        return pytest.param(name, id=name)
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=STILL_FAILING[name])]
    return pytest.param(name, marks=marks, id=name)


NAMES = sorted(p.stem for p in CASES.glob("*.yaml"))


def test_every_hard_case_of_the_spec_has_a_file() -> None:
    assert len(NAMES) >= 12
    assert set(STILL_FAILING) <= set(NAMES)


@pytest.mark.parametrize("name", [_case(n) for n in NAMES])
def test_hard_case_is_drawn_without_defects(svgcheck: ModuleType, name: str) -> None:
    genogram = Genogram.from_file(CASES / f"{name}.yaml")
    result = svgcheck.check(genogram.to_svg(), is_text=True, max_examples=3)
    assert result["ok"], result
    defects = {k: result["counts"][k] for k in DEFECTS if result["counts"][k]}
    assert not defects, (defects, result["examples"])
    # every person drawn exactly once: each id is a label of its own (these files have no names)
    texts = Counter(result["texts"] if "texts" in result else result["_texts"])
    ids = [p.id for p in genogram.family.people]
    assert {i: texts[i] for i in ids if texts[i] != 1} == {}
