"""Draw a :class:`~socialtools.genogram.layout.GenogramLayout` as SVG.

The renderer only paints: every position comes from the layout. Line meanings
(union kinds, child relations, emotional relationships) are patterns that read in black
and white; colour only helps on screen.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import replace

from svgwrite.container import Group

from socialtools.draw.geometry import Box, Point, segment_distance, segment_hits_box, segment_polygon_distance
from socialtools.draw.legend import (
    LegendEntry,
    draw_legend,
    draw_legend_strip,
    legend_box,
    legend_rows,
    legend_strip_box,
)
from socialtools.draw.lines import DASHES, arrowhead, cross_bars, num, parallel_lines, zigzag
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock, text_width
from socialtools.draw.theme import Theme
from socialtools.genogram.emotional import PATTERN_HALF_WIDTH, symbol_extents
from socialtools.genogram.labels import TEXT, condition_name
from socialtools.genogram.marks import CUTOFF_REACH, MARK_CLEARANCE, Surroundings, mark_place
from socialtools.genogram.model import DIRECTIONAL, Family, Person
from socialtools.genogram.notes import (
    MARK_SIZE,
    FigureNote,
    mark_box,
    note_target,
    place_around,
    place_beside,
    place_on_line,
)
from socialtools.genogram.placements import (
    DOUBLE_GAP,
    UNION_SLASHES,
    GenogramLayout,
    LinkPlacement,
    PersonNode,
    UnionPlacement,
    doubled_pieces,
)
from socialtools.genogram.symbols import (
    BRACKET_GAP,
    INDEX_GAP,
    QUADRANTS,
    ConditionStyle,
    brackets,
    crossed,
    draw_person,
    end_on_outline,
    outer_outline,
    symbol_size,
)
from socialtools.i18n import translate

CHILD_DASH = {"biological": "solid", "adopted": "dashed", "foster": "dotted", "step": "dashdot"}
UNION_DASH = {"cohabiting": "dashed", "engaged": "dotted", "affair": "dashdot", "committed": "longdash",
              "unregistered": "nearsolid"}
DUPLICATE_DASH = "dashed"  # the line joining a person drawn twice (Madeline, NSGC)
TICK_LENGTH = 8.0  # the caretaker's tick across its line
TICK_MARGIN = 12.0  # the tick keeps this far from every label and symbol (never read as a dash)
#: where along the line the tick may stand (a fraction of its length from the carer), best first
TICK_PLACES = (0.3, 0.35, 0.4, 0.25, 0.45, 0.5, 0.2, 0.55, 0.6, 0.65, 0.7)
REL_COLOUR = {
    "conflict": "#c0392b", "hostile": "#c0392b", "close_hostile": "#c0392b", "fused_hostile": "#c0392b",
    "physical_abuse": "#8e1b10", "emotional_abuse": "#8e1b10", "sexual_abuse": "#8e1b10",
    "neglect": "#8e1b10", "close": "#1e6f3f", "fused": "#1e6f3f", "harmony": "#1e6f3f",
    "distant": "#555555", "cutoff": "#555555", "cutoff_repaired": "#555555",
    "focused_on": "#1f4e8c", "caretaker": "#1f4e8c", "spiritual": "#6c3483", "indifferent": "#555555",
}


SHADES = ("#555555", "#9a9a9a", "#222222", "#c2c2c2", "#777777", "#3a3a3a", "#adadad", "#666666")


def condition_styles(family: Family) -> dict[str, ConditionStyle]:
    """One quadrant and one fill per distinct condition (NSGC), so that several conditions of one
    person never stack into a solid symbol (a family with one condition fills the whole symbol):
    each condition of the family has a grey of its own (up to :data:`SHADES`, eight, so two
    conditions never share a fill, in black and white too); conditions that meet in one person
    take different quadrants (a substance condition prefers the lower left, after McGoldrick's
    lower half); when a family has more than four conditions, quadrants are shared by
    conditions that never meet, or told apart by their shade.

    >>> f = Family.model_validate({"people": [{"id": "A", "conditions": ["diabetes", "depresi"]}]})
    >>> sorted((name, s.region, s.shade) for name, s in condition_styles(f).items())
    [('depresi', 'upper-right', '#9a9a9a'), ('diabetes', 'upper-left', '#555555')]
    """
    styles: dict[str, ConditionStyle] = {}
    meets: dict[str, set[str]] = {}
    for person in family.people:
        names = [c.name for c in person.conditions]
        for n in names:
            meets.setdefault(n, set()).update(x for x in names if x != n)
    for person in family.people:
        for c in person.conditions:
            if c.name in styles:
                continue
            taken = {styles[n].region for n in meets[c.name] if n in styles}
            used = {s.region for s in styles.values()}
            substance = c.kind == "substance"
            region = min(QUADRANTS, key=lambda q: (q in taken, substance and q != "lower-left", q in used))
            shades = [x for x in SHADES if x not in {s.shade for s in styles.values()}]
            # more conditions than shades: a shade not yet used in this quadrant
            shade = shades[0] if shades else next(
                (x for x in SHADES if all(s.shade != x for s in styles.values() if s.region == region)), SHADES[0])
            styles[c.name] = ConditionStyle(region, hatched=c.status != "confirmed",
                                            outlined=c.status == "recovery", shade=shade, movable=region in taken)
    if len(styles) == 1:  # one condition in the whole family: the whole symbol, as the NSGC draws "affected"
        (name, style), = styles.items()
        styles[name] = replace(style, region="whole")
    return styles


Stroke = tuple[list[Point], str, float]


def union_marks(kind: str, segment: list[Point]) -> list[list[Point]]:
    """Strokes across a union line by its state: one slash separated, two divorced (or annulled),
    a crossed-out slash reconciled (after a separation).

    >>> len(union_marks("divorced", [(0, 0), (20, 0)])), len(union_marks("reconciled", [(0, 0), (20, 0)]))
    (2, 2)
    """
    slashes = UNION_SLASHES.get(kind, 0)
    if not slashes:
        return []
    bars = cross_bars(segment, 0.5, 11.0, slashes, 4.0)
    if kind == "reconciled":  # the separation's slash, crossed out
        (x0, y0), (x1, y1) = bars[0]
        bars.append([(x0, y1), (x1, y0)])
    return bars


def _polygon_box(polygon: list[Point]) -> Box:
    xs, ys = [x for x, _ in polygon], [y for _, y in polygon]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def union_mark_strokes(u: UnionPlacement) -> list[list[Point]]:
    """The slashes across a union's line (:func:`union_marks`) on its :meth:`~UnionPlacement.mark_segment`,
    beside the date label, never under it.

    >>> u = UnionPlacement("u", "divorced", [(0, 0), (0, 10), (160, 10), (160, 0)], (80, 10), "n. 1986 c. 1995",
    ...                    Box(35, -4, 90, 13))
    >>> max(x for bar in union_mark_strokes(u) for x, _ in bar) < u.label_box.x  # left of "n. 1986"
    True
    """
    seg = u.mark_segment()
    return union_marks(u.kind, seg) if seg is not None else []


def relationship_paths(kind: str, points: list[Point], tick_at: float = 0.3,
                       mark_at: float = 0.5) -> tuple[list[Stroke], list[list[Point]]]:
    """Stroked polylines (points, dash, width factor) and filled arrowheads of one relationship;
    ``tick_at``: where along the line (a fraction of its length) the caretaker's tick stands,
    ``mark_at``: where a cut-off's slashes stand (see :func:`socialtools.genogram.marks.mark_place`)."""
    paths: list[Stroke] = []
    arrows: list[list[Point]] = []
    core = kind.replace("_repaired", "")
    if core in ("close", "fused", "close_hostile", "fused_hostile"):
        count = 3 if core.startswith("fused") else 2
        paths += [(p, "solid", 0.8) for p in parallel_lines(points, count, 3.5)]
    if core in ("conflict", "hostile", "close_hostile", "fused_hostile", "physical_abuse"):
        paths.append((zigzag(points, 4.0, 9.0, margin=6), "solid", 1.6 if core == "hostile" else 1.0))
    if core == "emotional_abuse":
        paths.append((zigzag(points, 4.0, 9.0, margin=6), "dashed", 1.0))
    if core == "sexual_abuse":
        paths += [(zigzag(p, 3.0, 9.0, margin=6), "solid", 0.8) for p in parallel_lines(points, 2, 4.0)]
    if core in ("distant",):
        paths.append((points, "dotted", 1.2))
    if core in ("neglect",):
        paths.append((points, "dashed", 1.0))
    if core in ("cutoff", "focused_on", "caretaker", "harmony"):
        paths.append((points, "solid", 1.0))
    if core == "spiritual":
        paths.append((points, "dashdot", 1.0))
    if core == "indifferent":
        paths.append((points, "longdash", 0.8))
    if kind.startswith("cutoff"):
        paths += [(bar, "solid", 1.2) for bar in cross_bars(points, mark_at, 12.0, 2, 5.0)]
    if kind == "cutoff_repaired":
        paths += [(bar, "solid", 1.2) for bar in cross_bars(points, mark_at, 7.0, 1, 0.0)]
    if kind == "caretaker":
        paths += [(bar, "solid", 1.0) for bar in cross_bars(points, tick_at, TICK_LENGTH, 1, 0.0)]
    if kind in DIRECTIONAL:
        arrows.append(arrowhead(points[-1], points[-2], 9.0))
    return paths, arrows


def pattern_half_width(kind: str) -> float:
    """Half the width a relationship's line is drawn with (its pattern and stroke), as a sign on
    another line keeps clear of it.

    >>> pattern_half_width("close"), pattern_half_width("hostile"), pattern_half_width("distant")
    (2.5, 5.2, 1.0)
    """
    core = kind.replace("_repaired", "")
    if core == "sexual_abuse":
        return 5.6
    if core in ("conflict", "hostile", "close_hostile", "fused_hostile", "physical_abuse", "emotional_abuse"):
        return 5.2 if core == "hostile" else 4.8
    if core.startswith("fused"):
        return 4.0
    if core.startswith("close"):
        return 2.5
    return 1.0


#: Where the legend stands: under the drawing in equal columns (the stand-alone figure), under it in a
#: compact grid of columns as wide as their entries, or beside it in compact columns as tall as the drawing.
LEGEND_PLACES = ("below", "grid", "beside")


class GenogramRenderer:
    """Paints one layout; ``texts`` is the catalogue language, ``inner`` the text inside symbols;
    ``legend_at`` one of :data:`LEGEND_PLACES`; ``notes_text``: the numbered notes written under the
    drawing (a report writes them as text under the caption instead: only their numbers are drawn);
    ``legend_height``: the height a wrapped legend beside the drawing may take when that is more than the
    drawing's (its page has room under a wide drawing), ``tight_legend``: its lines closer together."""

    def __init__(self, family: Family, layout: GenogramLayout, *, lang: str, title: str | None,
                 inner: dict[str, str | None], theme: Theme, legend: bool,
                 notes: list[FigureNote] | None = None, ended_note: str | None = None,
                 legend_at: str = "below", notes_text: bool = True,
                 legend_columns: int | None = None, wrap_legend: bool = False, legend_height: float | None = None,
                 tight_legend: bool = False, styles: dict[str, ConditionStyle] | None = None) -> None:
        self.family = family
        self.notes = notes or []
        self.ended_note = ended_note  # the relationships that had ended by then, named under the notes
        self.bracketed = {c.id for u in family.unions for c in u.children if c.relation in ("adopted", "foster")}
        self.layout = layout
        self.lang = lang
        self.title = title
        self.inner = inner
        self.theme = theme
        self.show_legend = legend
        # the quadrant and fill of each condition: of the whole family when a part of it is drawn (--as-of,
        # a comparison's panels), so a condition keeps its place and grey in every year
        self.styles = condition_styles(family) if styles is None else styles
        if legend_at not in LEGEND_PLACES:
            raise ValueError(f"legend_at must be one of {', '.join(LEGEND_PLACES)}, not {legend_at!r}")
        self.legend_at = legend_at
        # a compact legend in this many columns (else: under the drawing as many as its width holds, beside
        # it as few as its height allows)
        self.legend_columns = legend_columns
        # beside the drawing: columns as tall as it, long labels wrapped where that makes the legend narrower
        self.wrap_legend = wrap_legend
        self.legend_height = legend_height
        self.tight_legend = tight_legend
        self.notes_text = notes_text
        # a note's number grows with the theme's small text (the same size as before on screen)
        self.mark_size = MARK_SIZE * theme.small_font_size / Theme().small_font_size
        self._around: Surroundings | None = None

    def t(self, key: str) -> str:
        return translate(TEXT, key, self.lang)

    def render(self) -> str:
        lay, theme = self.layout, self.theme
        title_h = theme.title_font_size * LINE_HEIGHT + 12 if self.title else 0.0
        entries = self.legend_entries() if self.show_legend else []
        width = max(lay.width, 360.0)
        if self.title:  # the title is never cut off
            width = max(width, text_width(self.title, theme.title_font_size) + 2 * theme.margin)
        beside = self.legend_at == "beside" and bool(entries)
        rows = None
        if entries and self.legend_at != "below" and self.legend_columns:
            rows = math.ceil(len(entries) / self.legend_columns)
        elif beside and not self.wrap_legend:
            rows = legend_rows(entries, lay.height - 2 * theme.margin, theme)
        fit = None
        if beside and self.wrap_legend and rows is None:
            fit = max(lay.height, self.legend_height or 0.0) - 2 * theme.margin
        tight = self.tight_legend and fit is not None
        lbox = legend_box(entries, self.t("legend"), width - 2 * theme.margin, theme,
                          compact=self.legend_at != "below", rows=rows, fit_height=fit, tight=tight)
        width = max(width, lay.width + lbox.w + theme.margin if beside else lbox.w + 2 * theme.margin)
        body_h = max(lay.height, lbox.h + 2 * theme.margin) if beside else lay.height
        notes = self.note_lines(width - 2 * theme.margin) if self.notes_text else TextBlock((), theme.small_font_size)
        notes_h = notes.height + theme.margin / 2 if notes.lines else 0.0
        height = title_h + body_h + notes_h + (lbox.h + theme.margin if entries and not beside else 0)
        canvas = SvgCanvas(width, height, theme, title=self.title or self.t("genogram"))
        if self.title:
            canvas.text(canvas.root, width / 2, theme.margin * 0.5 + theme.title_font_size, self.title,
                        theme.title_font_size, font_weight="bold", id="title")
        # a compact legend wider than the drawing: the drawing stands centred over it
        dx = (width - lay.width) / 2 if self.legend_at == "grid" and width > lay.width else 0.0
        shift = {"transform": f"translate({num(dx)},{num(title_h)})"} if title_h or dx else {}
        body = canvas.group(id="genogram", **shift)
        self.draw_body(canvas, body)
        if notes.lines:
            g = canvas.group(id="notes", class_="notes")
            for i, line in enumerate(notes.lines):
                canvas.text(g, theme.margin, title_h + body_h + notes.size * (0.95 + i * LINE_HEIGHT), line,
                            notes.size, anchor="start")
        if beside:
            draw_legend(canvas, entries, self.t("legend"), lay.width, title_h + theme.margin, lbox.w,
                        compact=True, rows=rows, fit_height=fit, tight=tight)
        elif entries:
            draw_legend(canvas, entries, self.t("legend"), theme.margin, title_h + body_h + notes_h,
                        width - 2 * theme.margin, compact=self.legend_at == "grid", rows=rows)
        return canvas.to_string()

    def render_legend(self, max_width: float) -> str:
        """The legend alone, in a compact grid no wider than ``max_width`` (a report prints it under
        the caption when the drawing alone fills its page)."""
        entries = self.legend_entries()
        box = legend_box(entries, self.t("legend"), max_width, self.theme, compact=True)
        canvas = SvgCanvas(box.w + 2, box.h + 2, self.theme, title=self.t("legend"))
        draw_legend(canvas, entries, self.t("legend"), 1, 1, max_width, compact=True)
        return canvas.to_string()

    def render_legend_strip(self, max_width: float) -> str:
        """The legend alone as a strip no wider than ``max_width`` (:func:`draw_legend_strip`: no frame,
        its title at the start of its first line, its entries in lines like words): a report prints it
        under the caption of a drawing that leaves little of its landscape page."""
        entries = self.legend_entries()
        box = legend_strip_box(entries, self.t("legend"), max_width, self.theme)
        canvas = SvgCanvas(box.w + 2, box.h + 2, self.theme, title=self.t("legend"))
        draw_legend_strip(canvas, entries, self.t("legend"), 1, 1, max_width)
        return canvas.to_string()

    def draw_body(self, canvas: SvgCanvas, body: Group,
                  underlay: Callable[[SvgCanvas, Group, bool], None] | None = None) -> None:
        """Everything of the genogram itself (not the title, notes or legend) into ``body``, the
        household outlines beneath every other line; ``underlay(canvas, body, households)`` paints
        under the outlines (``households`` true) and then between them and the other lines."""
        lay = self.layout
        if underlay is not None:
            underlay(canvas, body, True)
        self._households(canvas, body)
        if underlay is not None:
            underlay(canvas, body, False)
        for u in lay.unions.values():
            self._union(canvas, body, u)
        for s in lay.sibships:
            g = canvas.group(body, class_="sibship")
            # children who are all adopted (or all fostered): their whole line from the union is dashed
            kinds = set(s.relation.values())
            whole = CHILD_DASH[kinds.pop()] if len(kinds) == 1 else "solid"
            if s.bar[1][0] - s.bar[0][0] > 0.01:  # (none under a drop straight over its only child)
                canvas.polyline(g, s.bar, dash=whole)
            canvas.polyline(g, s.stem, dash=whole)
            for cid, pts in s.children.items():
                canvas.polyline(g, pts, dash=CHILD_DASH[s.relation[cid]])
            for bar in s.identical_bars:
                canvas.polyline(g, bar)
        doubled = lay.doubled_across()
        for link in lay.extra_links:
            if link.kind.startswith("union-"):  # partners standing on two rows
                dash = UNION_DASH.get(link.kind.removeprefix("union-"), "solid")
                g = canvas.group(body, class_="union")
                for line in doubled_pieces(link.points, doubled(frozenset((link.a, link.b)), link.points)):
                    canvas.polyline(g, line, dash=dash)
            elif link.kind == "duplicate":  # the same person, drawn twice: a dashed arc (a line when no arc was free)
                g = canvas.group(body, class_="duplicate")
                if link.control is None:
                    canvas.polyline(g, link.points, dash=DUPLICATE_DASH)
                else:
                    self._arc(canvas, g, link.points[0], link.control, link.points[-1])
            else:
                canvas.polyline(canvas.group(body, class_="child-link"), link.points, dash=CHILD_DASH[link.kind])
        for rel in lay.relationships:
            self._relationship(canvas, body, rel)
        for node in lay.nodes.values():
            self._person(canvas, body, node)
        self._note_marks(canvas, body)

    def note_lines(self, width: float) -> TextBlock:
        """The numbered notes written under the figure, wrapped to ``width``."""
        if not self.notes and not self.ended_note:
            return TextBlock((), self.theme.small_font_size)
        texts = [f"{self.t('notes')}:"] + [f"{n.number}. {n.text}" for n in self.notes]
        texts += [self.ended_note] if self.ended_note else []
        return TextBlock.wrapped(texts, width, self.theme.small_font_size)

    def note_positions(self) -> dict[int, Point]:
        """Where each note's number stands on the drawing (by note number)."""
        if not self.notes:
            return {}
        lay, size = self.layout, self.mark_size
        obstacles = [n.symbol_box for n in lay.nodes.values()]
        obstacles += [arm for n in lay.nodes.values() for arm in n.arm_boxes]  # a deceased person's X
        obstacles += [n.label_box for n in lay.nodes.values() if n.label_box.w > 0]
        obstacles += [u.label_box for u in lay.unions.values() if u.label_box is not None]
        obstacles += [b for h in lay.households for b in h.label_boxes]
        far = 1e6  # walls round the drawing: a number is never cut off at its edge
        obstacles += [Box(-far, -far, far, 3 * far), Box(lay.width, -far, far, 3 * far),
                      Box(-far, -far, 3 * far, far), Box(-far, lay.height, 3 * far, far)]
        lines = [pts for _, pts, _ in lay.lines()]
        lines += [[*poly, poly[0]] for h in lay.households for poly in h.polygons]
        lines += [bar for u in lay.unions.values() for bar in union_mark_strokes(u)]  # a number off the slashes
        drawn = [(rel, self.relationship_points(rel)) for rel in lay.relationships if rel.kind.startswith("cutoff")]
        lines += [bar for rel, pts in drawn for bar in cross_bars(pts, self.mark_at(rel, pts), 12.0, 2, 5.0)]
        out: dict[int, Point] = {}
        homes = {h.id: set(h.members) for h in self.family.households}
        for note in self.notes:
            kind, key = note.target
            spot: Point | None = None
            target = note_target(lay, note.target)
            # a number never stands inside the outline of a household its people are not all in
            about = self._note_people(note)
            base = obstacles
            obstacles = base + [_polygon_box(poly) for h in lay.households if not about <= homes.get(h.id, set())
                                for poly in h.polygons]
            if kind == "relationship" and int(key) < len(lay.relationships):
                own = lay.relationships[int(key)].points
                others = [ln for ln in lines if ln is not own]
                # on a stretch clear of every other line (a pattern's width more) by MARK_CLEARANCE
                # (review 7 E4), else on any stretch that meets no other line
                spot = (place_on_line(own, note.number, obstacles, others, size, clear=MARK_CLEARANCE,
                                      patterned=[r.points for r in lay.relationships if r.points is not own],
                                      pattern=PATTERN_HALF_WIDTH)
                        or place_on_line(own, note.number, obstacles, others, size))
            elif kind == "union" and key in lay.unions and target is not None:
                u = lay.unions[key]
                box = target  # its date label, or its drop point
                own_lines = [ln for ln in lines if ln is not u.points]
                spot = (place_beside(box, note.number, obstacles, own_lines, size)
                        or place_on_line(u.points, note.number, obstacles, own_lines, size)
                        or place_beside(box, note.number, obstacles, own_lines, size, further=True))
                for stem in (s.stem for s in lay.sibships if s.union == key and spot is None):
                    # a crowded union line: the number on the line down to its children
                    spot = place_on_line(stem, note.number, obstacles, [ln for ln in lines if ln is not stem], size)
            elif kind == "person" and key in lay.nodes:
                spot = place_beside(lay.nodes[key].symbol_box, note.number, obstacles, lines, size)
            if spot is None and target is not None:  # a crowded place: the nearest free spot round it
                spot = place_around(target, note.number, obstacles, lines, size)
            obstacles = base
            if spot is not None:
                out[note.number] = spot
                obstacles.append(mark_box(spot, note.number, size))
        return out

    def _note_people(self, note: FigureNote) -> set[str]:
        """The people a note is about: the person, the union's partners, the relationship's pair."""
        kind, key = note.target
        if kind == "union":
            return set(self.layout.unions[key].partners) if key in self.layout.unions else set()
        if kind == "relationship" and int(key) < len(self.family.relationships):
            return set(self.family.relationships[int(key)].between)
        return {key}

    def _note_marks(self, canvas: SvgCanvas, parent: Group) -> None:
        for number, spot in self.note_positions().items():
            box = mark_box(spot, number, self.mark_size)
            g = canvas.group(parent, class_="note-mark")
            g.add(canvas.dwg.rect((num(box.x), num(box.y)), (num(box.w), num(box.h)), rx=num(box.h / 2),
                                  fill="#ffffff", stroke=self.theme.stroke, stroke_width=0.6))
            canvas.text(g, spot[0], spot[1] + self.mark_size * 0.35, str(number), self.mark_size, font_weight="bold")

    # ---- parts ----
    def _person(self, canvas: SvgCanvas, parent: Group, node: PersonNode) -> None:
        person = self.family.person(node.id)
        draw_person(canvas, parent, person, node.x, node.y, node.size, inner_text=self.inner.get(node.id),
                    condition_styles=self.styles, element_id=f"p-{_safe(node.id)}",
                    bracketed=node.id in self.bracketed)
        if node.label.lines:
            g = canvas.group(parent, class_="label")
            # the client's name in bold where the label, measured in regular type, has room for it
            bold = person.index and text_width(node.label.lines[0], node.label.size, bold=True) <= node.label.width
            self._text_block(canvas, g, node.label, node.x, node.label_top, bold_first=bold)

    def _text_block(self, canvas: SvgCanvas, g: Group, block: TextBlock, x: float, top: float,
                    bold_first: bool = False) -> None:
        for i, line in enumerate(block.lines):
            extra = {"font_weight": "bold"} if bold_first and i == 0 else {}
            canvas.text(g, x, top + block.size * (0.95 + i * LINE_HEIGHT), line, block.size, **extra)

    def _union(self, canvas: SvgCanvas, parent: Group, u: UnionPlacement) -> None:
        g = canvas.group(parent, class_="union")
        dash = UNION_DASH.get(u.kind, "solid")
        for line in u.drawn_pieces():
            canvas.polyline(g, line, dash=dash)
        for bar in union_mark_strokes(u):
            canvas.polyline(g, bar, width=1.3)
        if u.label_box is not None:
            canvas.text(g, u.label_box.x + u.label_box.w / 2, u.label_box.bottom - 3, u.label,
                        self.layout_label_size(), class_="union-label")

    def layout_label_size(self) -> float:
        return self.theme.small_font_size

    def _relationship(self, canvas: SvgCanvas, parent: Group, rel: LinkPlacement) -> None:
        g = canvas.group(parent, class_=f"relationship {rel.kind}")
        colour = self.theme.colour(REL_COLOUR.get(rel.kind, self.theme.stroke))
        points = self.relationship_points(rel)
        paths, arrows = relationship_paths(rel.kind, points, self.tick_at(points) if rel.kind == "caretaker" else 0.3,
                                           self.mark_at(rel, points) if rel.kind.startswith("cutoff") else 0.5)
        for pts, dash, factor in paths:
            canvas.polyline(g, pts, dash=dash, width=self.theme.stroke_width * factor, colour=colour)
        for tri in arrows:
            canvas.polygon(g, tri, fill=colour)

    def surroundings(self) -> Surroundings:
        """What a sign on a relationship's line keeps clear of (:mod:`socialtools.genogram.marks`):
        every line drawn (a relationship's as wide as its pattern), household outlines, union
        slashes; every symbol with its brackets and the arms of its X, every label."""
        if self._around is None:
            lay = self.layout
            width = {id(r.points): pattern_half_width(r.kind) for r in lay.extra_links + lay.relationships}
            lines = [(pts, width.get(id(pts), 1.0)) for _, pts, _ in lay.lines()]
            lines += [([*poly, poly[0]], 1.0) for h in lay.households for poly in h.polygons]
            lines += [(bar, 1.0) for u in lay.unions.values() for bar in union_mark_strokes(u)]
            lines += [(pts, 1.0 + DOUBLE_GAP / 2) for u in lay.unions.values() if u.consanguineous
                      for pts in u.drawn_pieces()]
            boxes = list(symbol_extents(lay).values()) + [arm for n in lay.nodes.values() for arm in n.arm_boxes]
            boxes += [n.label_box for n in lay.nodes.values() if n.label_box.w > 0]
            boxes += [u.label_box for u in lay.unions.values() if u.label_box is not None]
            boxes += [b for h in lay.households for b in h.label_boxes]
            self._around = Surroundings(lines, boxes)
        return self._around

    def mark_at(self, rel: LinkPlacement, points: list[Point]) -> float:
        """Where along ``points`` (the drawn line of ``rel``) a cut-off's slashes stand: on a stretch
        clear of every other line, symbol and label, nearest the middle (review 7 E4)."""
        return mark_place(points, self.surroundings().without(rel.points), CUTOFF_REACH)

    def tick_at(self, points: list[Point]) -> float:
        """Where along a relationship line its tick (a caretaker's) stands: the place nearest a
        third of the way from the carer that keeps a clear margin from every label and symbol,
        so that it never reads as a dash before a name ("-Bambang")."""
        lay = self.layout
        boxes = [n.label_box.grown(TICK_MARGIN) for n in lay.nodes.values() if n.label_box.w > 0]
        boxes += [u.label_box.grown(TICK_MARGIN) for u in lay.unions.values() if u.label_box is not None]
        boxes += [n.symbol_box.grown(TICK_MARGIN + BRACKET_GAP) for n in lay.nodes.values()]
        for at in TICK_PLACES:
            (p, q), = cross_bars(points, at, TICK_LENGTH, 1, 0.0)
            if not any(segment_hits_box(p, q, box, shrink=0.0) for box in boxes):
                return at
        return TICK_PLACES[0]

    def relationship_points(self, rel: LinkPlacement) -> list[Point]:
        """The routed line of a relationship with both ends moved exactly onto the symbols' outlines;
        an arrowhead at an adopted or foster child slides along the outline, towards the middle
        of the side it reaches, until it is clear of the child's brackets."""
        points = rel.points
        for pid in (rel.b, rel.a):
            node = self.layout.nodes.get(pid)
            if node is not None:
                person = self.family.person(pid)
                points = end_on_outline(points, outer_outline(person, node.x, node.y, node.size))
                if pid == rel.b and rel.kind in DIRECTIONAL and pid in self.bracketed and len(points) >= 2:
                    points = self._clear_of_brackets(points, person, node)
            points = points[::-1]
        return points

    def _clear_of_brackets(self, points: list[Point], person: Person, node: PersonNode) -> list[Point]:
        s = symbol_size(person, node.size) + (2 * INDEX_GAP if person.index else 0.0)
        bars = [seg for bar in brackets(node.x, node.y, s) for seg in itertools.pairwise(bar)]
        outline = outer_outline(person, node.x, node.y, node.size)
        (px, py), (tx, ty) = points[-2], points[-1]
        # the middle of the side the tip is on (top or bottom when it is nearer them, else left or right),
        # then the middle of the other side it is near; where none is clear, the clearest place. Every
        # tip tried lies on the outline: a point between the tip and a middle is pushed out along the
        # ray from the centre (a tip inside the symbol would draw the arrowhead over it)
        h = s / 2
        sides = [(node.x, node.y + math.copysign(h, ty - node.y)), (node.x + math.copysign(h, tx - node.x), node.y)]
        if abs(ty - node.y) < abs(tx - node.x):
            sides.reverse()

        def on_outline(x: float, y: float) -> Point:
            dx, dy = x - node.x, y - node.y
            far = 4 * s / max(math.hypot(dx, dy), 1e-9)
            return end_on_outline([(node.x + dx * far, node.y + dy * far), (node.x, node.y)], outline)[-1]

        # the symbol less a unit all round: a head that reaches into it overlaps the symbol
        core = [(node.x + (x - node.x) * (1 - 2 / s), node.y + (y - node.y) * (1 - 2 / s)) for x, y in outline]

        def clearance(tip: Point) -> float:
            head = arrowhead(tip, (px, py), 9.0)
            edges = list(zip(head, [*head[1:], head[0]], strict=True))
            if any(segment_polygon_distance(a, b, core) == 0.0 for a, b in edges):
                return -math.inf
            return min(segment_distance(a, b, c, d) for a, b in edges for c, d in bars)

        best, room = points[-1], clearance(points[-1])
        for mid in sides:
            for k in range(11):
                tip = on_outline(tx + (mid[0] - tx) * k / 10, ty + (mid[1] - ty) * k / 10)
                gap = clearance(tip)
                if gap > 1.5:
                    return [*points[:-1], tip]
                if gap > room + 1e-9:
                    best, room = tip, gap
        return [*points[:-1], best]

    def _households(self, canvas: SvgCanvas, parent: Group) -> None:
        for h in self.layout.households:
            g = canvas.group(parent, class_="household")
            for poly in h.polygons:
                # two open halves: a boundary people's lines may cross, not a closed symbol
                half = len(poly) // 2
                for part in (poly[: half + 1], [*poly[half:], poly[0]]):
                    canvas.polyline(g, part, dash="dashed", width=1.1, colour=self.theme.colour("#2e6da4"))
            size = self.theme.small_font_size
            for box, text in zip(h.label_boxes, h.label_texts, strict=True):
                rows = text.split("\n")
                for i, row in enumerate(rows):
                    canvas.text(g, box.x, box.bottom - 3 - (len(rows) - 1 - i) * size * LINE_HEIGHT, row, size,
                                anchor="start", fill=self.theme.colour("#2e6da4"), font_style="italic")

    # ---- legend ----
    def legend_entries(self) -> list[LegendEntry]:
        f = self.family
        entries: list[LegendEntry] = []
        seen: set[str] = set()

        def add(key: str, label: str, draw: Callable[[SvgCanvas, Group, Box], None]) -> None:
            if key not in seen:
                seen.add(key)
                entries.append(LegendEntry(label, draw))

        def symbol(person: Person) -> Callable[[SvgCanvas, Group, Box], None]:
            def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
                draw_person(canvas, g, person, box.x + box.w / 2, box.y + box.h / 2, box.h * 0.85,
                            condition_styles=self.styles)
            return draw

        def line(dash: str = "solid", decorate: Callable[[list[Point]], list[list[Point]]] | None = None,
                 kind: str | None = None, base: bool = True) -> Callable[[SvgCanvas, Group, Box], None]:
            def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
                pts = [(box.x + 2, box.y + box.h / 2), (box.right - 2, box.y + box.h / 2)]
                if kind is not None:
                    colour = self.theme.colour(REL_COLOUR.get(kind, self.theme.stroke))
                    paths, arrows = relationship_paths(kind, pts)
                    for p, d, factor in paths:
                        canvas.polyline(g, p, dash=d, width=self.theme.stroke_width * factor, colour=colour)
                    for tri in arrows:
                        canvas.polygon(g, tri, fill=colour)
                    return
                if base:
                    canvas.polyline(g, pts, dash=dash)
                for extra in (decorate(pts) if decorate else []):
                    canvas.polyline(g, extra, width=1.3)
            return draw

        for p in f.people:
            if p.kind == "person" and not p.gender:
                if p.sex not in seen:  # the sample person is made once per entry, not once per person
                    add(p.sex, self.t(p.sex), symbol(Person(id="_", sex=p.sex)))
            elif p.kind == "person" and p.gender == "non_binary":
                if "non_binary" not in seen:
                    add("non_binary", self.t("non_binary"), symbol(Person(id="_", gender="non_binary")))
            elif p.kind != "person" and p.kind not in seen:
                add(p.kind, self.t(p.kind), symbol(Person(id="_", kind=p.kind, sex=p.sex)))
        if any(p.index for p in f.people):
            add("index", self.t("index"), symbol(Person(id="_", sex="female", index=True)))
        if any(crossed(p) and p.kind != "stillbirth" for p in f.people):
            add("deceased", self.t("deceased"), symbol(Person(id="_", sex="male", deceased=True)))
        drawn = {c.name for p in f.people for c in p.conditions}
        for name in self.styles:
            if name not in drawn:  # a condition of a later year (--as-of): not in this drawing
                continue
            status = next(c.status for p in f.people for c in p.conditions if c.name == name)
            shown = condition_name(name, self.lang)
            label = shown if status == "confirmed" else f"{shown} ({self.t(status)})"
            demo = Person(id="_", sex="male")
            demo.conditions = [c for p in f.people for c in p.conditions if c.name == name][:1]
            add(f"condition:{name}", label, symbol(demo))
        # a union of unknown kind is drawn as a marriage: one legend entry says so when both are drawn
        both = {"married", "unknown"} <= {u.kind for u in f.unions if len(u.partners) >= 2}
        for u in f.unions:
            if len(u.partners) >= 2:  # a one-parent union has no union line, but its children's lines
                key = "union_unknown" if u.kind == "unknown" else u.kind
                if both and key in ("married", "union_unknown"):
                    key, label = "married", self.t("married_or_unknown")
                else:
                    label = self.t(key)
                if u.kind == "widowed":
                    add(key, label, self._widowed_sample())
                else:
                    bars = (lambda pts, k=u.kind: union_marks(k, pts)) if u.kind in UNION_SLASHES else None
                    add(key, label, line(UNION_DASH.get(u.kind, "solid"), bars))
                placed = self.layout.unions.get(u.id or "")
                if placed is not None and placed.consanguineous:
                    add("consanguineous", self.t("consanguineous"),
                        line(decorate=lambda pts: parallel_lines(pts, 2, 4.0), base=False))
            twins = [c.twin for c in u.children if c.twin]
            for c in u.children:
                if c.relation != "biological":
                    add(c.relation, self.t(c.relation), self._child_sample(c.relation))
                if c.twin and twins.count(c.twin) > 1:  # a twin group of one is drawn as no twin
                    key = "identical_twins" if c.identical else "twins"
                    add(key, self.t(key), self._twin_sample(c.identical))
        for r in f.relationships:
            add(f"rel:{r.kind}", self.t(r.kind), line(kind=r.kind))
        if self.layout.copies:
            add("duplicate", self.t("duplicate"), self._duplicate_sample())
        if self.layout.households:  # one style, one entry: names on the outlines, here the keys drawn for
            # them and the names of a piece that has neither
            unplaced = [f"{h.key} {h.label}" if h.key else h.label for h in self.layout.households
                        if h.label and (h.key or len(h.label_boxes) < len(h.polygons))]
            label = f"{self.t('household')}: {'; '.join(unplaced)}" if unplaced else self.t("household")
            add("household", label, self._household_sample())
        return entries

    def _widowed_sample(self) -> Callable[[SvgCanvas, Group, Box], None]:
        """A marriage line whose partner on the right is deceased (a small crossed square)."""
        def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
            y, h = box.y + box.h / 2, box.h * 0.55
            right = box.right - 2 - h / 2
            canvas.polyline(g, [(box.x + 2, y), (right - h / 2, y)])
            draw_person(canvas, g, Person(id="_", sex="male", deceased=True), right, y, h)
        return draw

    def _child_sample(self, relation: str) -> Callable[[SvgCanvas, Group, Box], None]:
        """A child line in the relation's pattern to a small bracketed symbol (adopted, foster): laid
        on its side, so that the sample is long enough to show the pattern, and ending on the bracket."""
        def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
            size = box.h - 2 * BRACKET_GAP - 2  # the brackets, BRACKET_GAP beyond the symbol, stay in the box
            reach = size / 2 + BRACKET_GAP  # from the symbol's centre to a bracket
            x, y = box.right - reach - 1, box.y + box.h / 2
            canvas.polyline(g, [(box.x + 2, y), (x - reach, y)], dash=CHILD_DASH[relation])
            draw_person(canvas, g, Person(id="_", sex="unknown"), x, y, size,
                        bracketed=relation in ("adopted", "foster"))
        return draw

    def _twin_sample(self, identical: bool) -> Callable[[SvgCanvas, Group, Box], None]:
        def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
            top = (box.x + box.w / 2, box.y)
            left, right = (box.x + 8, box.bottom), (box.right - 8, box.bottom)
            canvas.polyline(g, [left, top, right])
            if identical:
                mid = box.y + box.h / 2
                canvas.polyline(g, [((top[0] + left[0]) / 2, mid), ((top[0] + right[0]) / 2, mid)])
        return draw

    def _arc(self, canvas: SvgCanvas, g: Group, p0: Point, control: tuple[Point, ...], p1: Point) -> None:
        """A dashed Bézier curve from ``p0`` to ``p1`` with one or two control points."""
        command = "Q" if len(control) == 1 else "C"
        d = f"M{num(p0[0])} {num(p0[1])}{command}" + " ".join(f"{num(x)} {num(y)}" for x, y in (*control, p1))
        canvas.path(g, d, fill="none", stroke=self.theme.stroke, stroke_width=self.theme.stroke_width,
                    stroke_dasharray=DASHES[DUPLICATE_DASH])

    def _duplicate_sample(self) -> Callable[[SvgCanvas, Group, Box], None]:
        """Two small symbols of one person joined by the dashed arc: the symbol of the first
        person drawn twice (a diamond would read as a person of unknown sex, whom the drawing
        may not have)."""
        original = self.family.person(next(iter(self.layout.copies.values())))
        sample = Person(id="_", sex=original.sex, gender=original.gender)

        def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
            h = box.h * 0.5
            y = box.bottom - h / 2 - 1
            left, right = box.x + h / 2 + 1, box.right - h / 2 - 1
            for x in (left, right):
                draw_person(canvas, g, sample, x, y, h)
            top = y - h / 2
            self._arc(canvas, g, (left, top), ((left, box.y - 2), (right, box.y - 2)), (right, top))
        return draw

    def _household_sample(self) -> Callable[[SvgCanvas, Group, Box], None]:
        def draw(canvas: SvgCanvas, g: Group, box: Box) -> None:
            canvas.polyline(g, [(box.x + 2, box.y + 2), (box.right - 2, box.y + 2), (box.right - 2, box.bottom - 2),
                                (box.x + 2, box.bottom - 2), (box.x + 2, box.y + 2)], dash="dashed", width=1.1,
                            colour=self.theme.colour("#2e6da4"))
        return draw


def _safe(text: str) -> str:
    """``text`` as an element id: letters, digits, ``-`` and ``_`` kept, anything else ``_``.

    >>> _safe("13"), _safe("@I1@"), _safe("a-b c")
    ('13', '_I1_', 'a-b_c')
    """
    if text.isalnum():  # (most ids: nothing to replace)
        return text
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)
