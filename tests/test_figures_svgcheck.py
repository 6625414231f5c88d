"""Every genogram, ecomap and quadrant figure of the demo passes the independent checker with 0 defects."""

from __future__ import annotations

from types import ModuleType

import pytest

from socialtools.demo import demo_files
from socialtools.genogram import Genogram
from socialtools.genogram.synthetic import synthetic_family

NO_OVERLAPS_BY_DESIGN = ("-genogram.svg", "-ecomap.svg", "-ecomap-before-after.svg", "-quadrant.svg")


def defects(svgcheck: ModuleType, svg: str) -> tuple[int, dict]:
    result = svgcheck.check(svg, is_text=True)
    assert result["ok"], result
    return result["defects_total"], result["counts"]


@pytest.mark.parametrize("name", sorted(n for n in demo_files() if n.endswith(NO_OVERLAPS_BY_DESIGN)))
def test_demo_figure_has_no_defects(svgcheck: ModuleType, name: str) -> None:
    total, counts = defects(svgcheck, str(demo_files()[name]))
    assert total == 0, counts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_genograms_have_no_defects(svgcheck: ModuleType, seed: int) -> None:
    svg = Genogram(synthetic_family(60, seed=seed, relationships=3)).to_svg()
    total, counts = defects(svgcheck, svg)
    assert total == 0, counts
