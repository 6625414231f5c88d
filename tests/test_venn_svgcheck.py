"""The demo figures through the project's independent checker (skipped when it is not present)."""

from __future__ import annotations

import pytest

from socialtools.examples import load_example
from socialtools.quadrant.diagram import QuadrantDiagram
from socialtools.venn import VennDiagram


def counts(svgcheck, svg: str) -> dict[str, int]:
    result = svgcheck.check(svg, is_text=True)
    assert result["ok"], result
    return result["counts"]


def test_institutional_only_declared_overlaps(svgcheck):
    diagram = VennDiagram.from_document(load_example("village.yaml"))
    found = counts(svgcheck, diagram.to_svg())
    quality = diagram.layout().quality
    assert found["shape_shape"] == len(quality.intended_overlaps)
    for key in ("text_text", "text_shape", "line_through_shape", "text_line", "out_of_canvas"):
        assert found[key] == 0, key


@pytest.mark.parametrize("source", ["village-bansos.yaml"])
def test_set_venn_labels_clear(svgcheck, source):
    diagram = VennDiagram.from_document(load_example(source))
    found = counts(svgcheck, diagram.to_svg())
    for key in ("text_text", "text_shape", "line_through_shape", "text_line", "out_of_canvas"):
        assert found[key] == 0, key


def test_quadrant_has_no_defects(svgcheck):
    found = counts(svgcheck, QuadrantDiagram.from_document(load_example("pk.yaml")).to_svg())
    main = ("text_text", "text_shape", "shape_shape", "line_through_shape", "out_of_canvas")
    assert all(found[key] == 0 for key in main), found
