"""The strengths quadrant diagram object, from Python or from a ``strengths:`` section.

>>> q = QuadrantDiagram.from_document({"strengths": {"client": "PK", "kekuatan_personal": ["jujur"]}})
>>> q.to_svg().count("<rect") >= 6
True
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from socialtools.draw.diagram import Diagram
from socialtools.draw.theme import Theme
from socialtools.i18n import check_language
from socialtools.io.loading import parse_model
from socialtools.io.sections import section
from socialtools.quadrant.layout import QuadrantLayout, QuadrantQuality, layout_quadrant
from socialtools.quadrant.model import StrengthsQuadrant
from socialtools.quadrant.render import render_quadrant


def quadrant_from_document(document: dict[str, Any], source: str | None = None) -> StrengthsQuadrant:
    """The ``strengths:`` section of a case document (or a file that is one) as a model.

    >>> q = quadrant_from_document({"strengths": {"client": "PK", "kekuatan_personal": ["jujur", "rajin"]}})
    >>> q.personal_strengths
    ['jujur', 'rajin']"""
    data = section(document, "strengths", marker="personal_strengths", source=source) \
        if "kekuatan_personal" not in document else document
    data = dict(data)
    case = document.get("case")
    if isinstance(case, dict) and not data.get("client") and case.get("client"):
        data["client"] = str(case["client"])
    return parse_model(StrengthsQuadrant, data, source, record="strengths")


class QuadrantDiagram(Diagram):
    """A strengths quadrant ready to draw: ``to_svg()``, ``save(path)``, inline in Jupyter.

    >>> q = StrengthsQuadrant(client="PK", personal_strengths=["jujur"], environmental_obstacles=["jauh dari keluarga"])
    >>> svg = QuadrantDiagram(q, lang="en").to_svg()
    >>> "Personal strengths" in svg and "jauh dari keluarga" in svg
    True"""

    def __init__(self, model: StrengthsQuadrant, *, lang: str = "id", theme: Theme | None = None,
                 width: float = 760.0, header: bool = True) -> None:
        self.model = model
        self.lang = check_language(lang)
        self.theme = theme or Theme()
        self.width = width
        self.header = header  # False: the grid alone (a report's caption is its title)

    @classmethod
    def from_document(
        cls, document: dict[str, Any], *, source: str | None = None, **options: Any
    ) -> QuadrantDiagram:
        """The strengths quadrant of a case document (see :func:`quadrant_from_document`)."""
        return cls(quadrant_from_document(document, source), **options)

    @cached_property
    def layout(self) -> QuadrantLayout:
        """The grid's boxes and text lines (with its ``quality``)."""
        return layout_quadrant(self.model, self.width, self.lang)

    def quality(self) -> QuadrantQuality:
        """Lines of text that leave their cell (none: every count 0)."""
        return self.layout.quality

    def to_svg(self) -> str:
        return render_quadrant(self.model, self.layout, lang=self.lang, theme=self.theme, header=self.header)
