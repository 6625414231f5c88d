"""Numbered notes of a genogram: what a case file writes in words about a relationship, a union or a
person, drawn as a small number at its line or symbol and written out under the figure.

Nothing the family accepts is silently dropped: a relationship's ``label`` ("hostile since 2015"),
a union's ``notes`` and a person's ``notes`` (when not already written under the person) all
become notes. A relationship that had ended by the drawing's year is not drawn as current; it is
named in one line under the notes (:func:`ended_line`), with its years and label.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}],
...     "relationships": [{"between": ["A", "B"], "kind": "hostile", "label": "sejak 2015"}]})
>>> [(n.number, n.target, n.text) for n in figure_notes(f, "id", ("name",))]
[(1, ('relationship', '0'), 'A – B (Bermusuhan): sejak 2015')]
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from socialtools.draw.geometry import Box, Point, segment_hits_box
from socialtools.draw.lines import point_at, polyline_length
from socialtools.genogram.labels import TEXT
from socialtools.genogram.model import Family, Person, Relationship
from socialtools.genogram.placements import GenogramLayout
from socialtools.i18n import translate

MARK_SIZE = 9.0  # font size of a note's number on the drawing


@dataclass(frozen=True)
class FigureNote:
    """One numbered note: ``target`` is (``relationship``, index), (``union``, id) or (``person``, id)."""

    number: int
    target: tuple[str, str]
    text: str


def _who(family: Family, person: Person, initials: bool) -> str:
    return family.initials_of(person.id) if initials or not person.name else person.name


def figure_notes(family: Family, lang: str, label_fields: tuple[str, ...], initials: bool = False,
                 union_dates: dict[str, str] | None = None) -> list[FigureNote]:
    """The notes of ``family`` in drawing order: relationships, unions, then people.

    ``union_dates`` holds the date labels of unions that found no room on their line (partners
    who do not stand side by side): they become notes too.
    """
    raw: list[tuple[tuple[str, str], str]] = []
    for i, r in enumerate(family.relationships):
        if r.label:
            a, b = (_who(family, family.person(p), initials) for p in r.between)
            raw.append((("relationship", str(i)), f"{a} – {b} ({translate(TEXT, r.kind, lang)}): {r.label}"))
    for u in family.unions:
        texts = [t for t in ((union_dates or {}).get(u.id or ""), u.notes) if t]
        if texts and u.id:
            names = " – ".join(_who(family, family.person(p), initials) for p in u.partners)
            raw.append((("union", u.id), f"{names}: {'; '.join(texts)}"))
    if "notes" not in label_fields:
        for p in family.people:
            if p.notes:
                raw.append((("person", p.id), f"{_who(family, p, initials)}: {p.notes}"))
    return [FigureNote(i + 1, target, text) for i, (target, text) in enumerate(raw)]


def ended_line(family: Family, ended: list[Relationship], lang: str, initials: bool = False) -> str | None:
    """One line under the notes naming the relationships of ``family`` that had ended by the drawing's
    year (not drawn, issue 13: nothing silently dropped): pair, kind, years and label.

    >>> f = Family.model_validate({"people": [{"id": "A", "name": "Ani"}, {"id": "B", "name": "Budi"}],
    ...     "relationships": [{"between": ["A", "B"], "kind": "conflict", "start": 1998, "end": 2012,
    ...                        "label": "soal warisan"}]})
    >>> ended_line(f, f.relationships, "id")
    'Hubungan yang telah berakhir (tidak digambar): Ani – Budi (Konflik, 1998–2012): soal warisan'
    >>> ended_line(f, f.relationships, "en", initials=True)
    'Relationships that had ended (not drawn): A – B (Conflict, 1998–2012): soal warisan'
    """
    if not ended:
        return None
    parts = []
    for r in ended:
        a, b = (_who(family, family.person(p), initials) for p in r.between)
        years = "–".join(str(d) for d in (r.start, r.end) if d is not None)
        part = f"{a} – {b} ({translate(TEXT, r.kind, lang)}, {years})"
        parts.append(f"{part}: {r.label}" if r.label else part)
    return f"{translate(TEXT, 'ended_relationships', lang)}: {'; '.join(parts)}"


def mark_box(centre: Point, number: int, size: float = MARK_SIZE) -> Box:
    """The box of a note's number (a small white pill, its text ``size`` units) centred on ``centre``."""
    w = size * (0.7 * len(str(number)) + 0.6)
    h = size * 1.3
    return Box(centre[0] - w / 2, centre[1] - h / 2, w, h)


def place_on_line(points: list[Point], number: int, obstacles: list[Box],
                  lines: list[list[Point]], size: float = MARK_SIZE, *, clear: float = 0.0,
                  patterned: list[list[Point]] = (), pattern: float = 0.0) -> Point | None:  # type: ignore[assignment]
    """A point on the polyline, nearest its middle, where the number's box meets no obstacle and
    no other line (``None`` when there is none); ``clear``: with this much room round the box
    more, ``pattern`` more again from the ``patterned`` lines (drawn wide: a zigzag, two lines).

    >>> line, across = [(0.0, 0.0), (100.0, 0.0)], [(50.0, -20.0), (50.0, 20.0)]
    >>> place_on_line(line, 1, [], [across])[0], place_on_line(line, 1, [], [across], clear=4.0)[0]
    (42.5, 40.0)
    """
    length = polyline_length(points)
    if length <= 0:
        return None
    steps = 40
    for k in sorted(range(1, steps), key=lambda k: abs(k - steps / 2)):
        centre, _ = point_at(points, length * k / steps)
        box = mark_box(centre, number, size)
        if any(box.overlaps(o, 1.0 + clear) for o in obstacles):
            continue
        if any(segment_hits_box(p, q, box.grown(clear), shrink=0.0)
               for line in lines for p, q in itertools.pairwise(line)):
            continue
        if any(segment_hits_box(p, q, box.grown(clear + pattern), shrink=0.0)
               for line in patterned for p, q in itertools.pairwise(line)):
            continue
        return centre
    return None


def place_beside(box: Box, number: int, obstacles: list[Box], lines: list[list[Point]],
                 size: float = MARK_SIZE, *, further: bool = False) -> Point | None:
    """A point just right of, left of, above or below ``box`` where the number fits (``further``: a
    little further off, under or over its middle or beyond its neighbours' lines)."""
    probe = mark_box((0, 0), number, size)
    cy = box.y + box.h / 2
    cx = box.x + box.w / 2
    near = ((box.right + probe.w / 2 + 2, cy), (box.x - probe.w / 2 - 2, cy),
            (box.right + probe.w / 2, box.y - probe.h / 2 - 1), (box.x - probe.w / 2, box.y - probe.h / 2 - 1),
            (box.right + probe.w / 2, box.bottom + probe.h / 2 + 1))
    far = ((cx, box.bottom + probe.h / 2 + 2), (cx, box.y - probe.h / 2 - 2),
           (box.x - probe.w / 2, box.bottom + probe.h / 2 + 1),
           (box.right + probe.w * 1.5 + 4, cy), (box.x - probe.w * 1.5 - 4, cy))
    for centre in far if further else near:
        mark = mark_box(centre, number, size)
        if mark.x < 0 or mark.y < 0 or any(mark.overlaps(o, 1.0) for o in obstacles):
            continue
        if any(segment_hits_box(p, q, mark, shrink=0.0) for line in lines for p, q in itertools.pairwise(line)):
            continue
        return centre
    return None


def note_target(layout: GenogramLayout, target: tuple[str, str]) -> Box | None:
    """The box a note's number stands near: a person's symbol, a union's date label (or its drop
    point), the middle of a relationship's line (``None``: the target is not in this drawing)."""
    kind, key = target
    if kind == "person" and key in layout.nodes:
        return layout.nodes[key].symbol_box
    if kind == "union" and key in layout.unions:
        u = layout.unions[key]
        return u.label_box or Box(u.drop[0] - 1, u.drop[1] - 1, 2, 2)
    if kind == "relationship" and int(key) < len(layout.relationships):
        points = layout.relationships[int(key)].points
        (x, y), _ = point_at(points, polyline_length(points) / 2)
        return Box(x - 1, y - 1, 2, 2)
    return None


def place_around(box: Box, number: int, obstacles: list[Box], lines: list[list[Point]],
                 size: float = MARK_SIZE) -> Point:
    """A point round ``box`` for a number that found no room beside it: the nearest spot, on rings
    ever further out, that meets no obstacle and no line — or, on a drawing too crowded for
    that, the nearest that meets no obstacle (its white pill then covers a line). Every listed
    note gets its number on the drawing.

    >>> place_around(Box(0, 0, 20, 20), 4, [Box(20, 0, 60, 60)], [], 9.0)[0] < 0
    True
    """
    probe = mark_box((0, 0), number, size)
    cx, cy = box.center
    spots = []
    for ring in range(1, 13):
        dx, dy = box.w / 2 + probe.w / 2 + 2 * ring, box.h / 2 + probe.h / 2 + 2 * ring
        steps = 8 + 4 * ring
        for k in range(steps):
            angle = 2 * math.pi * k / steps
            x, y = cx + dx * math.cos(angle), cy - dy * math.sin(angle)
            spots.append((math.hypot(x - cx, y - cy), round(x, 2), round(y, 2)))
    spots.sort()
    fallback: Point | None = None
    for _, x, y in spots:
        mark = mark_box((x, y), number, size)
        if any(mark.overlaps(o, 1.0) for o in obstacles):
            continue
        if not any(segment_hits_box(p, q, mark, shrink=0.0) for line in lines for p, q in itertools.pairwise(line)):
            return (x, y)
        fallback = fallback or (x, y)
    return fallback or (box.right + probe.w / 2 + 2, cy)
