"""SVG documents on svgwrite, and the export mixin every diagram object shares.

>>> canvas = SvgCanvas(100, 50, title="Demo")
>>> _ = canvas.text(canvas.root, 50, 25, "Halo")
>>> canvas.to_string().startswith("<svg")
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import svgwrite
from svgwrite.container import Group

from socialtools.draw.geometry import Point
from socialtools.draw.lines import DASHES, num, path_d
from socialtools.draw.theme import Theme


class SvgCanvas:
    """A standalone SVG drawing with a white background, a title and the theme's font.

    Elements get explicit ids only, so the same drawing gives the same bytes.
    """

    def __init__(self, width: float, height: float, theme: Theme | None = None, title: str | None = None) -> None:
        self.theme = theme or Theme()
        self.width, self.height = width, height
        self.dwg = svgwrite.Drawing(
            size=(num(width), num(height)), profile="full", debug=False
        )
        self.dwg.viewbox(0, 0, float(num(width)), float(num(height)))
        self.dwg.attribs["font-family"] = self.theme.font_family
        if title:
            self.dwg.set_desc(title=title)
        self.dwg.add(self.dwg.rect((0, 0), (num(width), num(height)), fill="#ffffff", id="background"))
        self.root = self.dwg.add(Group(id="content"))
        self._patterns: set[str] = set()

    def group(self, parent: Group | None = None, **attrs: Any) -> Group:
        """A new ``<g>`` inside ``parent`` (the drawing's content group by default)."""
        g = Group(**{k.rstrip("_"): v for k, v in attrs.items()})
        (parent if parent is not None else self.root).add(g)
        return g

    def text(
        self,
        parent: Group,
        x: float,
        y: float,
        text: str,
        size: float | None = None,
        anchor: str = "middle",
        **attrs: Any,
    ) -> Any:
        """Text whose *baseline* is at ``y`` (alphabetic), anchored at ``x``."""
        element = self.dwg.text(
            text,
            insert=(num(x), num(y)),
            font_size=num(size or self.theme.font_size),
            text_anchor=anchor,
            **attrs,
        )
        element.attribs.setdefault("fill", self.theme.stroke)
        parent.add(element)
        return element

    def polyline(
        self,
        parent: Group,
        points: list[Point],
        *,
        dash: str = "solid",
        width: float | None = None,
        colour: str | None = None,
        closed: bool = False,
        fill: str = "none",
        **attrs: Any,
    ) -> Any:
        """A path through ``points`` with a named dash pattern from :data:`DASHES`."""
        element = self.dwg.path(
            d=path_d(points, closed),
            fill=fill,
            stroke=colour or self.theme.stroke,
            stroke_width=num(width if width is not None else self.theme.stroke_width),
            **attrs,
        )
        pattern = DASHES.get(dash)
        if pattern:
            element.attribs["stroke-dasharray"] = pattern
        parent.add(element)
        return element

    def hatch(self, spacing: float = 4.0, width: float = 0.9) -> str:
        """Fill reference of a diagonal hatching pattern (added to ``<defs>`` once)."""
        pid = f"hatch-{num(spacing)}".replace(".", "_")
        if pid not in self._patterns:
            self._patterns.add(pid)
            pattern = self.dwg.pattern(id=pid, size=(num(spacing), num(spacing)),
                                       patternUnits="userSpaceOnUse", patternTransform="rotate(45)")
            pattern.add(self.dwg.line((0, 0), (0, num(spacing)), stroke=self.theme.stroke, stroke_width=num(width)))
            self.dwg.defs.add(pattern)
        return f"url(#{pid})"

    def multiline(self, parent: Group, lines: list[list[Point]], *, width: float | None = None,
                  colour: str | None = None, dash: str = "solid") -> Any:
        """Several open polylines as one path element (hatching, crosses)."""
        element = self.dwg.path(
            d="".join(path_d(line) for line in lines if len(line) >= 2),
            fill="none",
            stroke=colour or self.theme.stroke,
            stroke_width=num(width if width is not None else self.theme.stroke_width),
        )
        pattern = DASHES.get(dash)
        if pattern:
            element.attribs["stroke-dasharray"] = pattern
        parent.add(element)
        return element

    def polygon(self, parent: Group, points: list[Point], *, fill: str, stroke: str = "none", **attrs: Any) -> Any:
        element = self.dwg.path(d=path_d(points, closed=True), fill=fill, stroke=stroke, **attrs)
        parent.add(element)
        return element

    def to_string(self) -> str:
        return '<?xml version="1.0" encoding="utf-8" ?>\n' + self.dwg.tostring() + "\n"


class Exportable:
    """Mixin for diagram objects: ``save`` by extension, PNG/PDF, and inline display in Jupyter.

    A subclass provides :meth:`to_svg`.
    """

    def to_svg(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def save(self, path: str | Path, *, dpi: float = 150) -> Path:
        """Write the diagram to ``path``; the format follows the extension (.svg, .png, .pdf).

        The file is written whole or not at all.
        """
        from socialtools.io.output import write_figure

        return write_figure(self.to_svg(), Path(path), dpi=dpi)

    def to_png(self, path: str | Path | None = None, *, dpi: float = 150) -> bytes:
        """PNG bytes of the diagram (also written to ``path`` when given)."""
        from socialtools.io.convert import svg_to_png
        from socialtools.io.output import write_atomic

        data = svg_to_png(self.to_svg(), dpi=dpi)
        if path is not None:
            write_atomic(Path(path), data)
        return data

    def to_pdf(self, path: str | Path | None = None) -> bytes:
        """Vector PDF bytes of the diagram, one page the figure's size (also written to ``path``)."""
        from socialtools.io.convert import svg_to_pdf
        from socialtools.io.output import write_atomic

        data = svg_to_pdf(self.to_svg())
        if path is not None:
            write_atomic(Path(path), data)
        return data

    def _repr_svg_(self) -> str:
        return self.to_svg()
