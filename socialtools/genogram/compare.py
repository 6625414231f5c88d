"""Two years of one family side by side: everyone in the same place, the changes highlighted.

The family is laid out once, as it was in the later year (with the relationships and
households of the earlier year added), and each panel draws the part that existed in its
year, in its state then. What changed — births, deaths, union events, relationships that
began — is highlighted in the later panel and listed under the figure.

>>> from socialtools.examples import load_example
>>> c = GenogramComparison.from_document(load_example("family-history.yaml"), before=2000, after=2024)
>>> sorted(c.panel_layout(2000).nodes) == sorted(p.id for p in c.family_at(2000).people)
True
>>> c.panel_layout(2000).nodes["RA"].x == c.panel_layout(2024).nodes["RA"].x
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from svgwrite.container import Group

from socialtools.draw.diagram import Diagram
from socialtools.draw.geometry import Box, Point
from socialtools.draw.legend import LegendEntry, draw_legend, legend_box
from socialtools.draw.lines import num
from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import LINE_HEIGHT, TextBlock, text_width
from socialtools.draw.theme import Theme
from socialtools.errors import UsageError
from socialtools.genogram.diagram import LABEL_WIDTH, Genogram, GenogramOptions, nobody_born_by, with_options
from socialtools.genogram.emotional import symbol_extents
from socialtools.genogram.history import Change, family_as_of, family_changes
from socialtools.genogram.labels import TEXT, LabelOptions, person_lines
from socialtools.genogram.model import Family
from socialtools.genogram.notes import FigureNote
from socialtools.genogram.placements import GenogramLayout, LayoutConfig, UnionPlacement
from socialtools.genogram.quality import LayoutQuality
from socialtools.genogram.render import GenogramRenderer, condition_styles
from socialtools.genogram.routing import label_households, route_households
from socialtools.genogram.symbols import ConditionStyle
from socialtools.i18n import translate
from socialtools.io.loading import load_document
from socialtools.io.sections import parse_section

HIGHLIGHT = "#f7dc6f"
HIGHLIGHT_MONO = "#c8c8c8"
PANEL_GAP = 40.0

WORDS = {
    "changes": {"id": "Perubahan", "en": "Changes"},
    "changed": {"id": "Berubah sejak", "en": "Changed since"},
    "born": {"id": "lahir", "en": "born"},
    "died": {"id": "meninggal", "en": "died"},
    "condition": {"id": "kondisi baru", "en": "new condition"},
    "union": {"id": "pasangan", "en": "union"},
    "relationship": {"id": "hubungan baru", "en": "new relationship"},
    "relationship_ended": {"id": "hubungan berakhir", "en": "relationship ended"},
    "household": {"id": "serumah", "en": "household"},
    "household_ended": {"id": "tidak lagi serumah", "en": "household ended"},
    "ev_married": {"id": "menikah", "en": "married"}, "ev_separated": {"id": "pisah", "en": "separated"},
    "ev_divorced": {"id": "cerai", "en": "divorced"}, "ev_reconciled": {"id": "rujuk", "en": "reconciled"},
    "ev_widowed": {"id": "cerai mati", "en": "widowed"},
    "ev_cohabiting": {"id": "tinggal bersama", "en": "living together"},
    "ev_unregistered": {"id": "nikah siri", "en": "unregistered marriage"},
    "ev_engaged": {"id": "tunangan", "en": "engaged"}, "ev_annulled": {"id": "batal", "en": "annulled"},
}


def _key(rel: Any) -> tuple[tuple[str, ...], str]:
    return tuple(rel.between), rel.kind


class GenogramComparison(Diagram):
    """The family in ``before`` and in ``after``, in two panels with everyone in the same place.

    ``GenogramComparison(family, 2010, 2024).save("g.svg")``; options as for :class:`Genogram`.

    >>> from socialtools.genogram import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "birth": 1990}, {"id": "B", "birth": 2012}]})
    >>> [c.what + " " + c.ids[0] for c in GenogramComparison(f, 2010, 2024).changes()]
    ['born B']
    >>> GenogramComparison(f, 2024, 2010)
    Traceback (most recent call last):
    ...
    socialtools.errors.UsageError: a comparison needs an earlier and a later year (2024 is not before 2010)
    """

    def __init__(
        self,
        family: Family,
        before: int,
        after: int,
        options: GenogramOptions | None = None,
        *,
        lang: str | None = None,
        labels: Sequence[str] | None = None,
        initials: bool | None = None,
        full_dates: bool | None = None,
        show_age: bool | None = None,
        title: str | None = None,
        legend: bool | None = None,
        monochrome: bool | None = None,
        layout: LayoutConfig | None = None,
        theme: Theme | None = None,
        duplicate_loops: bool | None = None,
        short_years: bool | None = None,
        narrow_labels: bool | None = None,
        engine: str | None = None,
    ) -> None:
        """The years ``before`` and ``after``; each keyword given replaces that field of ``options``
        (``duplicate_loops`` is refused: both panels draw everyone once; ``narrow_labels`` too: both
        panels share one layout of their labels)."""
        if before >= after:
            raise UsageError(f"a comparison needs an earlier and a later year ({before} is not before {after})")
        self.before, self.after = before, after
        self.options = replace(with_options(options, lang=lang, labels=labels, initials=initials, full_dates=full_dates,
                                            show_age=show_age, title=title, legend=legend, monochrome=monochrome,
                                            layout=layout, theme=theme, duplicate_loops=duplicate_loops,
                                            short_years=short_years, narrow_labels=narrow_labels,
                                            engine=engine), as_of=None)
        if self.options.duplicate_loops:
            raise UsageError("a comparison draws everyone once: leave out duplicate_loops")
        if self.options.narrow_labels:
            raise UsageError("a comparison lays out both panels' labels as one: leave out narrow_labels")
        # both panels show everyone by the initials the whole family gives them
        self.family = family.with_initials() if self.options.initials else family
        self._at: dict[int, Family] = {}
        if family.people and not self.family_at(before).people:  # an empty earlier panel
            raise nobody_born_by(family, before, "before")

    @classmethod
    def from_document(cls, document: dict[str, Any], before: int | None = None, after: int | None = None, *,
                      source: str | None = None, **options: Any) -> GenogramComparison:
        """A comparison of the ``family`` section of a case document in the years ``before`` and
        ``after`` (both needed); ``options`` as for :class:`Genogram`."""
        if before is None or after is None:
            raise UsageError("a comparison needs the years before and after")
        family = parse_section(Family, document, "family", marker="people", source=source)
        return cls(family, before, after, **options)

    @classmethod
    def from_file(cls, path: str | Path, before: int, after: int, options: GenogramOptions | None = None,
                  **keywords: Any) -> GenogramComparison:
        """A comparison of a YAML/JSON family or case file."""
        return cls.from_document(load_document(path), before, after, source=str(path), options=options, **keywords)

    @property
    def layout(self) -> GenogramLayout:
        """The layout both panels share (the later family, with what had ended before it)."""
        return self.genogram.layout

    def quality(self) -> LayoutQuality:
        """Measures of the shared layout (see :meth:`Genogram.quality`)."""
        return self.genogram.quality()

    def family_at(self, year: int) -> Family:
        """The family as it was in ``year``."""
        if year not in self._at:
            self._at[year] = family_as_of(self.family, year)
        return self._at[year]

    @cached_property
    def _whole(self) -> Family:
        """The later family, with the relationships and households of the earlier year that had ended."""
        early, late = self.family_at(self.before), self.family_at(self.after)
        data = late.model_dump()
        keys = {_key(r) for r in late.relationships}
        data["relationships"] += [r.model_dump() for r in early.relationships if _key(r) not in keys]
        ids = {h.id for h in late.households}
        data["households"] += [h.model_dump() for h in early.households if h.id not in ids]
        return Family.model_validate(data)

    @cached_property
    def genogram(self) -> Genogram:
        """The genogram whose layout both panels share; its conditions take their quadrants and
        fills from the family as given, as the panels and the shared legend do."""
        genogram = _EveryRecord(self._whole, self.options)
        genogram.styles_family = self.family
        return genogram

    def changes(self) -> list[Change]:
        """What changed from ``before`` to ``after``."""
        return family_changes(self.family, self.before, self.after)

    def panel_layout(self, year: int) -> GenogramLayout:
        """The shared layout, keeping what existed in ``year`` with its labels then."""
        lay = self.genogram.layout
        then = self.family_at(year)
        o = self.options
        label_options = LabelOptions(fields=o.labels, initials=o.initials, full_dates=o.full_dates, lang=o.lang)
        people = {p.id for p in then.people}
        nodes = {}
        for p in then.people:
            block = TextBlock.wrapped(person_lines(p, then, label_options), LABEL_WIDTH, o.layout.label_size)
            nodes[p.id] = replace(lay.nodes[p.id], label=block)
        unions: dict[str, UnionPlacement] = {}
        for u in then.unions:
            assert u.id is not None  # every union of a laid-out family has an id
            placed = lay.unions[u.id]
            text = self.genogram.union_label(u) if placed.label_box is not None else ""
            box = None
            if text and placed.label_box is not None:
                w = text_width(text, o.layout.union_label_size)
                cx = placed.label_box.x + placed.label_box.w / 2
                box = Box(cx - w / 2, placed.label_box.y, w, placed.label_box.h)
            unions[u.id] = replace(placed, kind=u.kind, label=text, label_box=box)
        sibships = []
        for s in lay.sibships:
            kids = {c: pts for c, pts in s.children.items() if c in people}
            if not kids or s.union not in unions:
                continue
            xs = [pts[0][0] for pts in kids.values()] + [s.stem[0][0]]
            y = s.bar[0][1]
            sibships.append(replace(s, bar=[(min(xs), y), (max(xs), y)], children=kids,
                                    relation={c: s.relation[c] for c in kids},
                                    identical_bars=s.identical_bars if len(kids) == len(s.children) else []))
        extra = [link for link in lay.extra_links
                 if link.b in people and (link.a in people or link.a in unions)]
        keys = {_key(r) for r in then.relationships}
        relationships = [placed for placed, rel in zip(lay.relationships, self._whole.relationships, strict=True)
                         if _key(rel) in keys]
        rows = {r: [p for p in ps if p in people] for r, ps in lay.rows.items()}
        rows = {r: ps for r, ps in rows.items() if ps}
        out = GenogramLayout(nodes, unions, sibships, extra, [], [], lay.width, lay.height, rows)
        # households round the members of that year (the shared layout's outline may hold people born later),
        # routed as the shared layout's are: before the emotional lines (which paid to pass through them)
        out.households = route_households(out, then, {h.id: h.label or "" for h in then.households if h.id},
                                          self.options.layout, with_labels=False)
        out.relationships = relationships  # then the households' names, clear of every line
        out.households = label_households(out, out.households, self.options.layout)
        return out

    def _notes(self, year: int) -> list[FigureNote]:
        """The notes of the whole family, their targets in the panel of ``year``."""
        then = self.family_at(year)
        keys = [_key(r) for r in self._whole.relationships if _key(r) in {_key(x) for x in then.relationships}]
        present_unions = {u.id for u in then.unions}
        people = {p.id for p in then.people}
        out = []
        for n in self.genogram.notes():
            kind, key = n.target
            if kind == "relationship":
                k = _key(self._whole.relationships[int(key)])
                if k in keys:
                    out.append(replace(n, target=("relationship", str(keys.index(k)))))
            elif (kind == "union" and key in present_unions) or (kind == "person" and key in people):
                out.append(n)
        return out

    def _renderer(self, year: int) -> Any:
        from socialtools.genogram.labels import inner_text

        o = self.options
        then = self.family_at(year)
        inner = {p.id: inner_text(p, then) if o.show_age or p.count else None for p in then.people}
        return GenogramRenderer(then, self.panel_layout(year), lang=o.lang, title=None, inner=inner,
                                theme=o.theme or Theme(monochrome=o.monochrome), legend=False, notes=self._notes(year),
                                styles=self.genogram.condition_styles)

    def _t(self, key: str) -> str:
        return translate(WORDS, key, self.options.lang) if key in WORDS else translate(TEXT, key, self.options.lang)

    def change_lines(self, width: float, size: float) -> TextBlock:
        """The list of changes written under the panels."""
        late = self.family_at(self.after)
        names = {p.id: (late.initials_of(p.id) if self.options.initials or not p.name else p.name)
                 for p in late.people}
        early = self.family_at(self.before)
        names.update({p.id: early.initials_of(p.id) if self.options.initials or not p.name else p.name
                      for p in early.people if p.id not in names})
        parts = []
        for c in self.changes():
            who = " – ".join(names.get(i, i) for i in c.ids)
            detail = c.detail
            if c.what.startswith("relationship"):
                detail = translate(TEXT, detail, self.options.lang)
            elif c.what == "union":
                words = [w.split(" ") for w in detail.split(", ")]
                detail = ", ".join(" ".join([self._t(f"ev_{w[0]}") if f"ev_{w[0]}" in WORDS else w[0], *w[1:]])
                                   for w in words)
            parts.append(f"{self._t(c.what)}: {who}" + (f" ({detail})" if detail else ""))
        if not parts:
            return TextBlock((), size)
        head = f"{self._t('changes')} {self.before} → {self.after}:"
        # several changes to a line, each line short enough never to be cut (draw.text.MAX_LABEL_CHARS)
        lines: list[str] = []
        for part in parts:
            if lines and len(lines[-1]) + len(part) + 2 <= 200:
                lines[-1] += f"; {part}"
            else:
                lines.append(part)
        return TextBlock.wrapped([head, *lines], width, size)

    def _highlights(self, renderer: GenogramRenderer, canvas: SvgCanvas, parent: Group, households: bool) -> None:
        """The changes, highlighted under the lines: those of the households (``households`` true,
        painted under the outlines) or all the others (painted over the outlines)."""
        lay = renderer.layout
        colour = HIGHLIGHT_MONO if self.options.monochrome else HIGHLIGHT
        changes = [c for c in self.changes() if (c.what == "household") == households]
        if not changes:
            return
        g = canvas.group(parent, class_="changed")
        extents = symbol_extents(lay)  # the ring goes round an adopted or foster child's brackets
        labels = [u.label_box for u in lay.unions.values() if u.label_box is not None]
        for c in changes:
            if c.what in ("born", "died", "condition") and c.ids[0] in lay.nodes:
                for side in ring_sides(extents[c.ids[0]].grown(4.0), labels, RING_WIDTH):
                    canvas.polyline(g, side, width=RING_WIDTH, colour=colour)
            elif c.what == "union":
                for u in lay.unions.values():
                    if sorted(u.partners) == sorted(c.ids):
                        canvas.polyline(g, u.points, width=7.0, colour=colour)
            elif c.what == "household":
                for h in lay.households:
                    if h.label == c.detail or not c.detail:
                        for poly in h.polygons:  # two open halves, as the outline itself is drawn
                            half = len(poly) // 2
                            for part in (poly[: half + 1], [*poly[half:], poly[0]]):
                                canvas.polyline(g, part, width=6.0, colour=colour)
            elif c.what == "relationship":
                for placed in lay.relationships:
                    if (placed.a, placed.b) == tuple(c.ids) and placed.kind == c.detail:
                        # under the line as drawn: its ends on the symbols' outlines, not on their boxes
                        canvas.polyline(g, renderer.relationship_points(placed), width=9.0, colour=colour)

    def legend_entries(self) -> list[LegendEntry]:
        """The legend of everything drawn in either panel, and the highlight."""
        entries = self.genogram.renderer().legend_entries()
        colour = HIGHLIGHT_MONO if self.options.monochrome else HIGHLIGHT

        def sample(canvas: SvgCanvas, g: Group, box: Box) -> None:
            y = box.y + box.h / 2
            canvas.polyline(g, [(box.x + 2, y), (box.right - 2, y)], width=7.0, colour=colour)
            canvas.polyline(g, [(box.x + 2, y), (box.right - 2, y)])
        return [*entries, LegendEntry(f"{self._t('changed')} {self.before}", sample)]

    def to_svg(self) -> str:
        o = self.options
        lay = self.genogram.layout
        first, second = self._renderer(self.before), self._renderer(self.after)
        theme = first.theme
        title = self.genogram.title()
        title_h = theme.title_font_size * LINE_HEIGHT + 12 if title else 0.0
        caption_h = theme.font_size * LINE_HEIGHT + 6
        width = 2 * lay.width + PANEL_GAP
        entries = self.legend_entries() if o.legend else []
        lbox = legend_box(entries, first.t("legend"), width - 2 * theme.margin, theme)
        notes = first.note_lines(width - 2 * theme.margin)
        later_notes = second.note_lines(width - 2 * theme.margin)
        if len(later_notes.lines) > len(notes.lines):
            notes = later_notes
        changes = self.change_lines(width - 2 * theme.margin, theme.small_font_size)
        below = lay.height + caption_h + title_h
        notes_h = notes.height + theme.margin / 2 if notes.lines else 0.0
        changes_h = changes.height + theme.margin / 2 if changes.lines else 0.0
        height = below + notes_h + changes_h + (lbox.h + theme.margin if entries else 0)
        canvas = SvgCanvas(width, height, theme, title=title or first.t("genogram"))
        if title:
            canvas.text(canvas.root, width / 2, theme.margin * 0.5 + theme.title_font_size, title,
                        theme.title_font_size, font_weight="bold", id="title")
        for i, (year, renderer) in enumerate(((self.before, first), (self.after, second))):
            dx = i * (lay.width + PANEL_GAP)
            canvas.text(canvas.root, dx + lay.width / 2, title_h + theme.font_size, str(year), theme.font_size,
                        font_weight="bold", class_="panel-caption")
            body = canvas.group(id=f"panel-{year}",
                                transform=f"translate({num(dx)},{num(title_h + caption_h)})")
            renderer.draw_body(canvas, body, partial(self._highlights, renderer) if i == 1 else None)
        y = below
        for block, key in ((notes, "notes"), (changes, "changes")):
            if not block.lines:
                continue
            g = canvas.group(id=key, class_=key)
            for j, line in enumerate(block.lines):
                canvas.text(g, theme.margin, y + block.size * (0.95 + j * LINE_HEIGHT), line, block.size,
                            anchor="start")
            y += block.height + theme.margin / 2
        if entries:
            draw_legend(canvas, entries, first.t("legend"), theme.margin, y, width - 2 * theme.margin)
        return canvas.to_string()


RING_WIDTH = 5.0


def ring_sides(box: Box, avoid: Sequence[Box], width: float) -> list[list[Point]]:
    """The highlight ring round ``box`` as straight pieces, stroked ``width`` wide, leaving out
    where it would run over a box of ``avoid`` (a union's date label beside the person).

    >>> ring_sides(Box(0, 0, 10, 10), [], 2.0)  # one closed ring when nothing is in the way
    [[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0.1)]]
    >>> ring_sides(Box(0, 0, 10, 10), [Box(4, 8, 20, 5)], 2.0)[1:3]  # a label cuts the right and bottom sides
    [[(10, -1.0), (10, 8)], [(-1.0, 10), (4, 10)]]
    """
    half = width / 2
    if not any(o.x < box.right + half and o.right > box.x - half and o.y < box.bottom + half
               and o.bottom > box.y - half for o in avoid):
        return [[(box.x, box.y), (box.right, box.y), (box.right, box.bottom), (box.x, box.bottom),
                 (box.x, box.y + 0.1)]]
    sides = [((box.x, box.y), (box.right, box.y)), ((box.right, box.y), (box.right, box.bottom)),
             ((box.right, box.bottom), (box.x, box.bottom)), ((box.x, box.bottom), (box.x, box.y))]
    out: list[list[Point]] = []
    for (x0, y0), (x1, y1) in sides:
        along = 1 if x0 == x1 else 0  # the axis the side runs along: 0 horizontal, 1 vertical
        a, b = sorted(((x0, y0)[along], (x1, y1)[along]))
        a, b = a - half, b + half  # the pieces overlap at the corners (square joins)
        at = (x0, y0)[1 - along]
        pieces = [(a, b)]
        for o in avoid:
            (lo, hi), cut = ((o.y, o.bottom), (o.x, o.right)) if along == 0 else ((o.x, o.right), (o.y, o.bottom))
            if lo < at + half and hi > at - half:  # the label lies across the stroke's band
                pieces = [p for start, end in pieces
                          for p in ((start, min(end, cut[0])), (max(start, cut[1]), end)) if p[1] - p[0] > width]
        out += [[(start, at), (end, at)] if along == 0 else [(at, start), (at, end)] for start, end in pieces]
    return out


class _EveryRecord(Genogram):
    """The genogram of a comparison's whole family: every record drawn, ended or not; its
    conditions styled over ``styles_family``, the family as given (not :attr:`full_family`, which
    would count those born after the later year as missing)."""

    at_its_date = False
    styles_family: Family | None = None

    @cached_property
    def condition_styles(self) -> dict[str, ConditionStyle]:
        return condition_styles(self.styles_family or self.full_family)
