"""Result types of the genogram layout: plain coordinates, no drawing library.

The layout (:mod:`socialtools.genogram.layout`) produces them, routing
(:mod:`socialtools.genogram.routing`) adds lines to them, quality measures and the renderer
read them; none of those modules imports another to get at these types.

>>> from socialtools.draw.text import TextBlock
>>> n = PersonNode("A", x=50, y=40, size=36, outer=36, row=0, label=TextBlock((), 10), label_top=70)
>>> n.symbol_box.x, n.bottom
(32.0, (50, 58.0))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from socialtools.draw.geometry import Box, Point
from socialtools.draw.lines import parallel_lines
from socialtools.draw.text import TextBlock
from socialtools.errors import UsageError

# -- configuration -----------------------------------------------------------------------

#: The layout engines: our own, or the Graphviz dot program ordering the rows.
ENGINES = ("own", "graphviz")


@dataclass(frozen=True)
class LayoutConfig:
    """Sizes of a genogram layout, in SVG units."""

    symbol: float = 36.0
    label_size: float = 10.0
    union_label_size: float = 9.0
    gap_block: float = 14.0  # between partners (beyond what labels need)
    gap_siblings: float = 18.0
    gap_families: float = 34.0
    gap_components: float = 56.0
    union_drop: float = 9.0  # symbol bottom → first union line
    level_step: float = 7.0  # between staggered union lines / bars / lanes
    label_gap: float = 5.0
    bar_gap: float = 12.0
    row_gap: float = 14.0
    margin: float = 24.0
    sweeps: int = 60  # passes of the x assignment at most (it stops when settled)
    engine: str = "own"  # "own", or "graphviz" to let the dot program order the rows
    #: a crowded sibship's labels on two heights, every second child's lower (a printed report; see
    #: :func:`~socialtools.genogram.layout.staggered_labels`)
    stagger_labels: bool = False

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise UsageError(f"unknown layout engine '{self.engine}': choose one of {', '.join(ENGINES)}")


# -- results ------------------------------------------------------------------------------


@dataclass
class PersonNode:
    """A person placed: symbol centre, symbol box (outer outline) and label box."""

    id: str
    x: float
    y: float
    size: float
    outer: float
    row: int
    label: TextBlock
    label_top: float
    #: how far the arms of a deceased person's X reach beyond :attr:`symbol_box` (0: no X beyond it)
    cross: float = 0.0

    @property
    def symbol_box(self) -> Box:
        h = self.outer / 2
        return Box(self.x - h, self.y - h, self.outer, self.outer)

    @property
    def arm_boxes(self) -> list[Box]:
        """The ends of a deceased person's X beyond the corners of :attr:`symbol_box`: a small box
        at each corner, as far out as the arms reach (none without an X beyond the box)."""
        if self.cross <= 0:
            return []
        b, c = self.symbol_box, self.cross
        return [Box(x - c if x == b.x else x, y - c if y == b.y else y, c, c)
                for x in (b.x, b.right) for y in (b.y, b.bottom)]

    @property
    def label_box(self) -> Box:
        w = self.label.width
        return Box(self.x - w / 2, self.label_top, w, self.label.height)

    @property
    def top(self) -> Point:
        return (self.x, self.y - self.outer / 2)

    @property
    def bottom(self) -> Point:
        return (self.x, self.y + self.outer / 2)


UNION_SLASHES = {"separated": 1, "divorced": 2, "annulled": 2, "reconciled": 1}  # strokes across a union line
MARK_HALF = 6.0  # half the width of a union's slashes (two bars 4 apart, slanted), with their stroke
DOUBLE_GAP = 4.0  # the two lines of a consanguineous union's double line stand this far apart


def double_line(points: list[Point]) -> list[list[Point]]:
    """The two lines, :data:`DOUBLE_GAP` apart, that a consanguineous union's line is drawn as."""
    return parallel_lines(points, 2, DOUBLE_GAP)


def doubled_pieces(points: list[Point], doubled: bool) -> list[list[Point]]:
    """A line with legs as drawn: its first leg, the double line of its second stretch and the rest
    when ``doubled`` (a consanguineous union's), else the line itself.

    >>> len(doubled_pieces([(0, 0), (0, 9), (60, 9), (60, 0)], True)), len(doubled_pieces([(0, 0), (0, 9)], False))
    (4, 1)
    """
    return [points[:2], *double_line(points[1:3]), points[2:]] if doubled else [points]


@dataclass
class UnionPlacement:
    """A union's bracket (polyline), its date label and the point children hang from."""

    id: str
    kind: str
    points: list[Point]
    drop: Point
    label: str
    label_box: Box | None
    consanguineous: bool = False
    partners: tuple[str, ...] = ()

    @property
    def stem_top(self) -> Point:
        """Where a line down from the union (to its children) leaves it: the drop, or on a double
        line the drop's point on the lower of the two lines, so that the line down crosses neither.

        >>> UnionPlacement("u", "married", [(0, 0), (0, 9), (60, 9), (60, 0)], (30, 9), "", None, True).stem_top
        (30, 11.0)
        """
        dx, dy = self.drop
        return (dx, dy + DOUBLE_GAP / 2) if self.consanguineous else self.drop

    def drawn_pieces(self) -> list[list[Point]]:
        """The polylines the union is drawn with: its line, or for a consanguineous union the legs
        and the double line (two lines :data:`DOUBLE_GAP` apart) between them."""
        return doubled_pieces(self.points, self.consanguineous and len(self.points) >= 3)

    def mark_segment(self) -> list[Point] | None:
        """The stretch of the union line that carries its slashes (see :data:`UNION_SLASHES`):
        beside the line down to the children, 20 units long; ``None`` for a union without them.
        Never under the date label: where the drop's side is under it, the slashes go to the
        free part of the line left or right of the label, the side nearer the drop ("19//86"
        and "p.X 2004" in the reviewer's report).

        >>> u = UnionPlacement("u", "divorced", [(0, 0), (0, 9), (100, 9), (100, 0)], (50, 9), "", None)
        >>> u.mark_segment()
        [(31, 9), (51, 9)]
        >>> u.label_box = Box(30, -5, 40, 13)
        >>> u.mark_segment()
        [(12.5, 9), (32.5, 9)]
        """
        if not UNION_SLASHES.get(self.kind) or len(self.points) < 3:
            return None
        (ax, y), (bx, _) = self.points[1], self.points[2]
        lo, hi = min(ax, bx), max(ax, bx)
        at_x = self.drop[0] - 9 if self.drop[0] - 9 - 6 > lo else self.drop[0] + 9
        at_x = min(max(at_x, lo + 6), hi - 6)
        box = self.label_box
        if box is not None and box.x - MARK_HALF - 1 < at_x < box.right + MARK_HALF + 1:
            left, right = box.x - MARK_HALF - 1.5, box.right + MARK_HALF + 1.5
            room = [x for x in (left, right) if lo + MARK_HALF + 1 <= x <= hi - MARK_HALF - 1]
            if room:
                at_x = min(room, key=lambda x: abs(x - self.drop[0]))
        return [(at_x - 10, y), (at_x + 10, y)]


TWIN_JOIN = 0.45  # identical twins' bar joins their lines this far down from the sibship bar


def twin_attach(xs: dict[str, float], twins: dict[str, str | None]) -> dict[str, float]:
    """Where the lines of twins start on their sibship bar: one point for each twin group, the middle
    of its children's ``xs`` (``twins``: each child's twin label, or ``None``); children who are not
    twins are left out.

    >>> twin_attach({"a": 0.0, "b": 20.0, "c": 40.0}, {"a": "t", "b": "t", "c": None})
    {'a': 10.0, 'b': 10.0}
    """
    groups: dict[str, list[str]] = {}
    for c in xs:
        if (label := twins.get(c)) is not None:
            groups.setdefault(label, []).append(c)
    return {c: sum(xs[k] for k in group) / len(group) for group in groups.values() for c in group}


def identical_bar(lines: list[list[Point]]) -> list[Point]:
    """The bar between identical twins' lines (each from the sibship bar down to a twin), across them
    :data:`TWIN_JOIN` of the way down, from the leftmost line to the rightmost.

    >>> identical_bar([[(10.0, 0.0), (0.0, 20.0)], [(10.0, 0.0), (20.0, 20.0)]])
    [(5.5, 9.0), (14.5, 9.0)]
    """
    pts = sorted((x0 + (x1 - x0) * TWIN_JOIN, y0 + (y1 - y0) * TWIN_JOIN) for (x0, y0), (x1, y1) in
                 (line[:2] for line in lines))
    return [pts[0], pts[-1]]


@dataclass
class SibshipPlacement:
    """The bar of one union's children and the line down to each child."""

    union: str
    bar: list[Point]
    stem: list[Point]
    children: dict[str, list[Point]]
    relation: dict[str, str]
    identical_bars: list[list[Point]]


@dataclass
class LinkPlacement:
    """A further child link (e.g. adoptive parents beside birth parents) or an emotional line;
    ``control`` is given for a curve (the arc joining a person drawn twice): the control points of
    the Bézier curve from the first to the last of ``points``, which ``points`` follow in short
    straight pieces."""

    kind: str
    a: str
    b: str
    points: list[Point]
    control: tuple[Point, ...] | None = None


@dataclass
class HouseholdPlacement:
    """A household's boundary polygons and the boxes of its name: one per polygon that found a
    clear place (each separate piece of the outline is named), with the text drawn in each box
    (the name, the name on two lines split at a newline where one line does not fit, or ``key``,
    the household's short key, where the name has no room at the piece)."""

    id: str
    label: str
    polygons: list[list[Point]]
    label_boxes: list[Box] = field(default_factory=list)
    label_texts: list[str] = field(default_factory=list)
    key: str = ""  # the short key drawn at a piece with no room for the name (the legend explains it)


@dataclass
class GenogramLayout:
    """Plain coordinates of a whole genogram; ``width``/``height`` cover everything drawn."""

    nodes: dict[str, PersonNode]
    unions: dict[str, UnionPlacement]
    sibships: list[SibshipPlacement]
    extra_links: list[LinkPlacement]
    relationships: list[LinkPlacement]
    households: list[HouseholdPlacement]
    width: float
    height: float
    rows: dict[int, list[str]] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)  # people drawn a second time: copy id -> original id
    warnings: list[str] = field(default_factory=list)  # what could not be drawn as the conventions ask

    def drawn_lines(self) -> list[tuple[str, list[Point], frozenset[str]]]:
        """:meth:`lines` as they are drawn: a consanguineous union's line as its legs and its two
        lines (:meth:`UnionPlacement.drawn_pieces`; a union across rows doubled where it leaves
        the upper partner, unless the union's own stub is that piece), so that a line across it
        crosses both."""
        doubled = self.doubled_across()
        out: list[tuple[str, list[Point], frozenset[str]]] = []
        for what, pts, allowed in self.lines():
            kind, _, uid = what.partition(" ")
            if kind == "union":
                pieces = self.unions[uid].drawn_pieces()
            else:
                pieces = doubled_pieces(pts, kind.startswith("union-") and doubled(allowed, pts))
            out += [(what, piece, allowed) for piece in pieces]
        return out

    def doubled_across(self) -> Callable[[frozenset[str], list[Point]], bool]:
        """Whether the line of a union across rows between a pair of partners is doubled where it
        leaves the upper partner: for a consanguineous pair, unless the union's own stub is that piece
        (the line starts at a union's drop)."""
        double = {frozenset(u.partners) for u in self.unions.values() if u.consanguineous}
        drops = {u.drop for u in self.unions.values()} if double else set()
        return lambda pair, pts: pair in double and pts[0] not in drops

    def lines(self) -> list[tuple[str, list[Point], frozenset[str]]]:
        """Every line drawn: (what, polyline, ids of the people it may touch)."""
        out: list[tuple[str, list[Point], frozenset[str]]] = []
        for u in self.unions.values():
            out.append((f"union {u.id}", u.points, frozenset(u.partners)))
        for s in self.sibships:
            partners = frozenset(self.unions[s.union].partners)
            out.append((f"sibship {s.union}", s.bar, frozenset()))
            out.append((f"sibship {s.union}", s.stem, partners))
            for cid, pts in s.children.items():
                out.append((f"child {cid}", pts, frozenset({cid})))
        for link in self.extra_links + self.relationships:
            out.append((f"{link.kind} {link.a}-{link.b}", link.points, frozenset({link.a, link.b})))
        return out
