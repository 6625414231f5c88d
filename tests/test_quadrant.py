"""Strengths quadrant: model, text kept inside its cells (hypothesis), rendering, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.errors import InputError, UsageError
from socialtools.examples import load_example
from socialtools.quadrant.diagram import QuadrantDiagram, quadrant_from_document
from socialtools.quadrant.layout import layout_quadrant
from socialtools.quadrant.model import CELLS, StrengthsQuadrant

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáé ", min_size=1, max_size=14).map(str.strip).filter(bool)
statements = st.lists(words, min_size=1, max_size=25).map(" ".join)
cells = st.lists(statements, max_size=7)


def check_inside(layout) -> None:
    for cell in [*layout.cells, *layout.headers]:
        previous = None
        for line in cell.lines:
            box = line.box()
            assert cell.box.x <= box.x and box.right <= cell.box.right + 1e-6, (line.text, cell.key)
            assert cell.box.y <= box.y and box.bottom <= cell.box.bottom + 1e-6, (line.text, cell.key)
            if previous is not None:
                assert box.y >= previous.bottom - 1e-6  # lines do not overlap
            previous = box
    assert layout.overflow == 0


@settings(max_examples=60, deadline=None)
@given(cells, cells, cells, cells, st.sampled_from([360.0, 500.0, 760.0, 1000.0]),
       st.sampled_from(["id", "en"]))
def test_text_stays_inside_cells(a, b, c, d, width, lang):
    if not (a or b or c or d):
        return
    model = StrengthsQuadrant(personal_strengths=a, personal_limitations=b, environmental_resources=c,
                              environmental_obstacles=d)
    layout = layout_quadrant(model, width, lang)
    check_inside(layout)
    # the grid: two columns side by side, two rows stacked, same row heights
    boxes = {cell.key: cell.box for cell in layout.cells}
    assert boxes["personal_strengths"].h == boxes["personal_limitations"].h
    assert boxes["personal_strengths"].bottom == boxes["environmental_resources"].y
    assert layout.width == width


def test_pk_quadrant():
    q = QuadrantDiagram.from_document(load_example("pk.yaml"))
    assert q.model.client.startswith("PK")
    assert all(q.model.cell(name) for name in CELLS)
    check_inside(q.layout())
    svg = q.to_svg()
    assert "Kekuatan personal" in svg and "Hambatan lingkungan" in svg
    assert svg == QuadrantDiagram.from_document(load_example("pk.yaml")).to_svg()
    assert "Environmental obstacles" in QuadrantDiagram(q.model, lang="en").to_svg()


def test_indonesian_keys_and_client_from_case():
    strengths = {"kekuatan_personal": "jujur", "hambatan_lingkungan": ["jauh"]}
    model = quadrant_from_document({"case": {"client": "PK"}, "strengths": strengths})
    assert model.client == "PK" and model.personal_strengths == ["jujur"]


def test_errors():
    with pytest.raises(InputError, match="all four cells are empty"):
        StrengthsQuadrant(client="PK")
    with pytest.raises(InputError, match="no 'strengths' section"):
        quadrant_from_document({"case": {}})
    with pytest.raises(InputError) as err:
        quadrant_from_document({"strengths": {"personal_strengths": ["ok", ""]}})
    assert "personal_strengths[1]" in str(err.value)
    with pytest.raises(UsageError, match="too narrow"):
        layout_quadrant(StrengthsQuadrant(personal_strengths=["x"]), 100)
