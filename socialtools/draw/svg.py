"""SVG documents on svgwrite, and the export mixin every diagram object shares.

>>> canvas = SvgCanvas(100, 50, title="Demo")
>>> _ = canvas.text(canvas.root, 50, 25, "Halo")
>>> "<svg" in canvas.to_string() and "Halo" in canvas.to_string()
True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]

import svgwrite
from svgwrite.container import Group
from svgwrite.path import Path as SvgPath
from svgwrite.text import TSpan
from svgwrite.utils import strlist

from socialtools.draw.geometry import Point
from socialtools.draw.lines import DASHES, num, path_d
from socialtools.draw.theme import Theme
from socialtools.io.sanitize import clean_text

_NAMES: dict[str, str] = {}


def _attrs(attrs: dict[str, Any]) -> dict[str, str]:
    """SVG attributes from Python names (``stroke_width`` → ``stroke-width``, ``class_`` → ``class``)."""
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        name = _NAMES.get(key)
        if name is None:
            name = _NAMES[key] = key.rstrip("_").replace("_", "-")
        kind = type(value)
        out[name] = value if kind is str else num(value) if kind is float or kind is int else str(value)
    return out


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
            self.dwg.set_desc(title=clean_text(title))
        self.dwg.add(self.dwg.rect((0, 0), (num(width), num(height)), fill="#ffffff", id="background"))
        self.root = self.dwg.add(Group(id="content"))
        self._patterns: set[str] = set()

    def group(self, parent: Group | None = None, **attrs: Any) -> Group:
        """A new ``<g>`` inside ``parent`` (the drawing's content group by default)."""
        g = self._group(_attrs(attrs))
        (parent if parent is not None else self.root).elements.append(g)
        return g

    def _group(self, attribs: dict[str, str]) -> Group:
        """An svgwrite group with ``attribs``, made without svgwrite's per-element set-up: its
        checks are off in this drawing (``debug=False``), and the drawings are made of thousands
        of groups (the elements without children are written as text at once: see :func:`_leaf`)."""
        element = object.__new__(Group)
        element._parameter = self.dwg._parameter
        element.attribs = attribs
        element.elements = []
        return element

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
        attribs = {"x": num(x), "y": num(y), "font-size": num(size or self.theme.font_size), "text-anchor": anchor,
                   "fill": self.theme.stroke}
        if attrs:
            attribs.update(_attrs(attrs))
        element = _leaf("text", attribs, text)
        parent.elements.append(element)
        return element

    def path(self, parent: Group, d: str, **attrs: Any) -> Any:
        """A ``<path>`` with ready path data (the fast way: no per-attribute checks)."""
        attribs = _attrs(attrs)
        attribs["d"] = d
        element = _leaf("path", attribs)
        parent.elements.append(element)
        return element

    def circle(self, parent: Group, cx: float, cy: float, r: float, **attrs: Any) -> Any:
        """A ``<circle>`` (what ``dwg.circle`` makes, without svgwrite's per-element set-up)."""
        element = _leaf("circle", {"cx": num(cx), "cy": num(cy), "r": num(r), **_attrs(attrs)})
        parent.elements.append(element)
        return element

    def rect(self, parent: Group, x: float, y: float, width: float, height: float, **attrs: Any) -> Any:
        """A ``<rect>`` (what ``dwg.rect`` makes, without svgwrite's per-element set-up)."""
        element = _leaf("rect", {"x": num(x), "y": num(y), "width": num(width), "height": num(height),
                                 **_attrs(attrs)})
        parent.elements.append(element)
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
        attribs = {"fill": fill, "stroke": colour or self.theme.stroke,
                   "stroke-width": num(width if width is not None else self.theme.stroke_width)}
        pattern = DASHES.get(dash)
        if pattern:
            attribs["stroke-dasharray"] = pattern
        if attrs:
            attribs.update(_attrs(attrs))
        attribs["d"] = path_d(points, closed)
        element = _leaf("path", attribs)
        parent.elements.append(element)
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
        pattern = DASHES.get(dash)
        extra = {"stroke_dasharray": pattern} if pattern else {}
        return self.path(parent, "".join(path_d(line) for line in lines if len(line) >= 2), fill="none",
                         stroke=colour or self.theme.stroke,
                         stroke_width=width if width is not None else self.theme.stroke_width, **extra)

    def polygon(self, parent: Group, points: list[Point], *, fill: str, stroke: str = "none", **attrs: Any) -> Any:
        return self.path(parent, path_d(points, closed=True), fill=fill, stroke=stroke, **attrs)

    def to_string(self) -> str:
        """The whole document as text (the same bytes svgwrite writes, several times faster)."""
        dwg = self.dwg
        dwg.attribs.update({"xmlns": "http://www.w3.org/2000/svg", "xmlns:xlink": "http://www.w3.org/1999/xlink",
                            "xmlns:ev": "http://www.w3.org/2001/xml-events", "baseProfile": dwg.profile,
                            "version": dwg.version})
        out: list[str] = ['<?xml version="1.0" encoding="utf-8" ?>\n']
        _serialize(dwg, out)
        out.append("\n")
        return "".join(out)


#: attribute texts cleaned and escaped, by their text (colours, widths, classes and coordinates
#: repeat through a drawing: looked up, not escaped again)
_TEXTS: dict[str, str] = {}
_TEXTS_KEPT = 1 << 16


def _attribute_text(text: str) -> str:
    """An attribute's text cleaned and escaped (kept in :data:`_TEXTS`)."""
    out = _TEXTS.get(text)
    if out is None:
        out = _escape_attrib(clean_text(text))
        if len(_TEXTS) >= _TEXTS_KEPT:
            _TEXTS.clear()
        _TEXTS[text] = out
    return out


def _serialize(element: Any, out: list[str]) -> None:
    """Append the XML of an svgwrite element tree to ``out`` (ElementTree's escaping and layout)."""
    content = None
    if type(element) is Group:  # (most of a drawing's elements written here: no other kind's checks)
        name = "g"
    elif not hasattr(element, "attribs"):  # title/desc keep a ready ElementTree element
        out.append(ElementTree.tostring(element.get_xml(), encoding="unicode"))
        return
    else:
        if isinstance(element, SvgPath):
            commands = element.commands
            element.attribs["d"] = (commands[0] if len(commands) == 1 and type(commands[0]) is str
                                    else strlist(commands, " "))
        name = element.elementname
        content = element.text if isinstance(element, TSpan) else None
    out += _open_tag(name, element.attribs, element.value_to_string)
    if content is None and not element.elements:
        out.append(" />")
        return
    out.append(">")
    if content:
        out.append(_escape_cdata(clean_text(str(content))))  # valid XML even from the Python API
    for child in element.elements:
        if type(child) is str:  # an element without children, written when it was drawn (see _leaf)
            out.append(child)
        else:
            _serialize(child, out)
    out.append(f"</{name}>")


#: the attribute names of an element in the order they are written, by the order they were given in
#: (a drawing's elements take a few dozen sets of attributes: sorted once each)
_ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _open_tag(name: str, attribs: dict[str, Any], text_of: Callable[[Any], str]) -> list[str]:
    """The pieces of an element's start tag up to its closing ``>`` or `` />``: its attributes sorted by
    name, those that are None or empty left out (``text_of``: the text of a value that is not a string).

    >>> "".join(_open_tag("rect", {"y": 2, "x": "1", "id": None}, str))
    '<rect x="1" y="2"'
    """
    parts = ["<" + name]
    keys = tuple(attribs)
    order = _ORDERS.get(keys)
    if order is None:
        order = _ORDERS[keys] = tuple(sorted(keys))
    known = _TEXTS.get  # (most texts are known: the look-up inline, one piece per attribute)
    add = parts.append
    for key in order:
        value = attribs[key]
        if value is None:
            continue
        text = value if type(value) is str else text_of(value)
        if text:
            add(f' {key}="{known(text) or _attribute_text(text)}"')
    return parts


def _leaf(name: str, attribs: dict[str, Any], text: str | None = None) -> str:
    """The XML of an element without children (``text``: a ``<text>`` element's content), as
    :func:`_serialize` writes it: the shapes and texts of a drawing, many thousands of them, are
    written when they are drawn, not kept as svgwrite elements to be written at the end.

    >>> _leaf("text", {"y": "2", "x": "1", "fill": None}, "a < b")
    '<text x="1" y="2">a &lt; b</text>'
    """
    parts = _open_tag(name, attribs, str)
    if text is None:
        parts.append(" />")
    else:
        parts += (">", _escape_cdata(clean_text(str(text))) if text else "", "</", name, ">")
    return "".join(parts)


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
