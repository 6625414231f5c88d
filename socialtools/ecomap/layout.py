"""Radial ecomap layout: plain coordinates and their quality measures (no drawing here).

The result types (:class:`EcomapLayout` and its parts) live in :mod:`socialtools.ecomap.placements`,
shared with the routing. The focal circle sits at the origin; systems stand on one ring (two staggered rings from
15 systems on) whose radius grows until no circle, label, tie or arrowhead collides. The
ties are routed by :mod:`socialtools.ecomap.routing`; when ties to household members find
no clear way in, the focal circle grows (more lanes round the household), then the
members stand further apart.

>>> from socialtools.ecomap.model import Ecomap
>>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": s} for s in "abc"],
...     "ties": [{"system": "a"}, {"system": "b", "to": "c"}]})
>>> lay = layout_ecomap(eco)
>>> lay.quality.defects, len(lay.systems), len(lay.ties)
(0, 3, 2)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import combinations, pairwise, permutations
from typing import NamedTuple

from socialtools.draw.geometry import (
    Box,
    Circle,
    Point,
    bounding_box,
    box_hits_circle,
    polygons_apart,
    segment_circle_distance,
    segment_hits_box,
    segment_polygon_distance,
)
from socialtools.draw.lines import unit
from socialtools.draw.placer import Obstacles, first_clear
from socialtools.draw.text import LINE_HEIGHT, TextBlock, text_width, wrap
from socialtools.ecomap.model import FOCAL, Ecomap, Tie
from socialtools.ecomap.placements import EcomapLayout, Label, MemberPlace, Quality, SystemPlace, TieRoute
from socialtools.ecomap.routing import (
    CLEAR,
    LANE,
    Router,
    approaches,
    arrowheads,
    end_room,
    reach_pieces,
    tie_reach,
)
from socialtools.genogram.model import Family, Union, distinct_initials, union_date_key
from socialtools.genogram.placements import UNION_SLASHES, UnionPlacement, identical_bar, twin_attach
from socialtools.genogram.render import union_mark_strokes
from socialtools.genogram.symbols import (
    BRACKET_GAP,
    INDEX_GAP,
    end_on_outline,
    outer_outline,
    symbol_shape,
    symbol_size,
)
from socialtools.io.limits import MAX_LINE_CHARS, shorten

SYSTEM_FONT = 10.0
SYSTEM_LABEL_WIDTH = 80.0
SYSTEM_FONT_FLOOR = 8.0  # a long word shrinks its label down to this size, then widens the circle
PERSON_SYMBOL = 24.0  # the genogram symbol of a family member drawn as a system
SYMBOL_GAP = 4.0  # between that symbol and the name under it
MIN_SYSTEM_R = 28.0
SYSTEM_PAD = 6.0  # between a system label and its circle
#: and in a ``narrow`` layout (for print, where every unit of width counts): the label's lines are
#: measured with their leading, so the letters keep more room than this from the outline
NARROW_PAD = 2.0
FOCAL_FONT = 12.0
FOCAL_PAD = 6.0
MEMBER_SIZE = 26.0
MEMBER_FONT = 9.0
TIE_FONT = 9.0
TIE_LABEL_WIDTH = 150.0  # a longer tie label wraps
GAP = 14.0  # between neighbouring system circles
MIN_TIE = 80.0  # shortest focal tie (room for arrows, stress marks and a label)
#: the shortest focal tie of a ``narrow`` layout (for print): the ring grows further when a tie's
#: label, arrows or marks find no room
NARROW_MIN_TIE = 56.0
#: the ring of a ``narrow`` layout is an upright ellipse (a printed page has height to spare where its
#: text width is scarce): of these heights over widths, and turned by these fractions of a slot, the
#: one whose circles fit the smallest frame :data:`NARROW_FRAME` times as tall as it is wide
NARROW_ASPECTS = (1.0, 1.15, 1.3, 1.45, 1.6)
NARROW_TURNS = (0.0, -0.25, 0.25, -0.5, 0.5)
NARROW_FRAME = 1.0
#: a narrow layout's ellipse grows (to make room for a tie or its label) in both directions alike up to
#: this width, that of a portrait A4 page's 14 cm text width printed at 8 pt for :data:`SYSTEM_FONT`
#: (about 496 units; times the text scale); beyond it, grown ``g`` times, it grows ``g`` to the power
#: :data:`NARROW_WIDEN` in width and ``2 - NARROW_WIDEN`` in height
NARROW_PRINT_WIDTH = 14.0 / 2.54 * 96 * SYSTEM_FONT * 0.75 / 8.0
NARROW_WIDEN = 0.5
NARROW_TRIES = 3  # of the shapes that fit the smallest frame, this many are laid out; the smallest wins
TWO_RINGS_FROM = 15
#: from :data:`TWO_RINGS_FROM` systems a narrow layout stands them on two concentric upright ellipses,
#: alternately inner and outer, the outer this many times (2 r + GAP) further out (r: the largest circle)
NARROW_STEPS = (0.6, 0.8, 1.0)
#: and this fraction of that further out in width (0: the two rings meet at the sides, where the width
#: of a portrait page is scarce, and the systems there stand on one ring)
NARROW_SIDES = (0.0, 0.5, 1.0)
NARROW_TWO_TURNS = (0.0, 0.5)
#: and of those shapes, the one whose drawing fits the smallest frame this many times as tall as wide (a
#: portrait page's text area is 14 x 20.7 cm; the legend flows under the drawing; the smallest frames
#: of the 15, 18 and 24 long names of tests/data/cases/many-systems-*.yaml)
NARROW_TWO_FRAME = 1.2
#: the frame of a narrow drawing printed with its legend apart (a picture of its own under the caption): a
#: portrait page's readable figure height over its text width (20.7 / 14 cm)
NARROW_ALONE_FRAME = 1.48

# where along a tie its label may sit (fraction from the system end), best first; the outer
# half of a tie has more room than the crowded middle
SIGN_APART = 4.0  # a lone sign stands at least this many times as far from any other tie as from its own
LABEL_STOPS = tuple(sorted((k / 20 for k in range(2, 19)), key=lambda t: (abs(t - 0.45), t)))
ARROW_ROOM = 16.0  # room per tie end along the focal circle


def _pieces(text: str, at_slash: bool) -> list[tuple[str, str]]:
    """The unbreakable pieces of ``text``, each with what joins it to the one before."""
    out: list[tuple[str, str]] = []
    for word in text.split():
        parts = [p for p in word.replace("/", "/\0").split("\0") if p] if at_slash else [word]
        out += [(p, " " if i == 0 else "") for i, p in enumerate(parts)]
    return out


def wrap_words(text: str, max_width: float, size: float, *, at_slash: bool = False) -> list[str]:
    """Lines no wider than ``max_width`` where possible, broken only at spaces (and after a
    slash with ``at_slash``): a word wider than ``max_width`` stands alone on its line, whole.

    >>> wrap_words("Rumah sakit (dipertimbangkan)", 70, 10)
    ['Rumah sakit', '(dipertimbangkan)']
    """
    lines: list[str] = []
    current = ""
    for piece, joiner in _pieces(text, at_slash):
        candidate = f"{current}{joiner}{piece}" if current else piece
        if current and text_width(candidate, size) > max_width:
            lines.append(current)
            current = piece
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def system_label(text: str, scale: float = 1.0, *, narrow: bool = False) -> TextBlock:
    """The wrapped label of a system circle; no word is ever split.

    The label wraps at spaces (after a slash when that helps); a word too long for the
    circle first shrinks the text, down to :data:`SYSTEM_FONT_FLOOR`, then widens the label
    (and so the circle). ``narrow`` (for print): the text keeps its size and wraps at the
    spaces that give the smallest circle (:func:`narrow_label`).

    >>> system_label("Psikolog/terapis").lines
    ('Psikolog/', 'terapis')
    >>> block = system_label("Rumah sakit jiwa (dipertimbangkan)")
    >>> block.lines, block.size
    (('Rumah sakit jiwa', '(dipertimbangkan)'), 8.5)
    """
    # a hostile or mistaken label is cut: 300 characters, no word over 80 (see socialtools.io.limits)
    text = " ".join(shorten(word, MAX_LINE_CHARS) for word in shorten(text).split(" "))
    if narrow:
        return narrow_label(text, SYSTEM_FONT * scale)
    width = SYSTEM_LABEL_WIDTH * scale
    slash = "/" in text and text_width(text, SYSTEM_FONT * scale) > width * 0.8
    if slash:
        width *= 0.8
    size, floor = SYSTEM_FONT * scale, SYSTEM_FONT_FLOOR * scale
    widest = max((text_width(p, 1.0) for p, _ in _pieces(text, slash)), default=0.0)
    while widest * size > width and size > floor:
        size = max(floor, size - 0.5)
    width = max(width, widest * size)
    return TextBlock(tuple(wrap_words(text, width, size, at_slash=slash)), size)


def label_radius(block: TextBlock) -> float:
    """The radius of the smallest circle round the centre of ``block`` that holds each of its
    lines (centred, one :data:`LINE_HEIGHT` each): the short first and last lines of a wrapped
    label fit where the circle narrows.

    >>> round(label_radius(TextBlock(("Lembaga", "Kesejahteraan", "Sosial"), 10.0)), 1)
    36.6
    """
    lh = block.size * LINE_HEIGHT
    top = -block.height / 2
    return max((math.hypot(text_width(line, block.size, bold=block.bold) / 2,
                           max(abs(top + i * lh), abs(top + (i + 1) * lh)))
                for i, line in enumerate(block.lines)), default=0.0)


def narrow_label(text: str, size: float) -> TextBlock:
    """``text`` at ``size``, wrapped at the spaces (and after slashes) that give the smallest circle
    round it (:func:`label_radius`); of wraps within 5 % of that circle, the one with the fewest lines.

    >>> narrow_label("Lembaga Kesejahteraan Sosial Anak Harapan", 10.0).lines
    ('Lembaga', 'Kesejahteraan', 'Sosial Anak', 'Harapan')
    >>> narrow_label("Psikolog/terapis", 10.0).lines
    ('Psikolog/', 'terapis')
    >>> narrow_label("Puskesmas", 10.0).lines
    ('Puskesmas',)
    """
    slash = "/" in text
    pieces = _pieces(text, slash)
    widest = max((text_width(p, size) for p, _ in pieces), default=0.0)
    whole = text_width(text, size)
    candidates: dict[tuple[str, ...], float] = {}
    width = widest
    while True:
        block = TextBlock(tuple(wrap_words(text, width, size, at_slash=slash)), size)
        candidates.setdefault(block.lines, label_radius(block))
        if width >= whole:
            break
        width = min(whole, width + size / 2)
    smallest = min(candidates.values(), default=0.0)
    lines = min((c for c, r in candidates.items() if r <= smallest * 1.05 + 1e-9),
                key=lambda c: (len(c), candidates[c], c), default=())
    return TextBlock(lines, size)


# -- the focal circle --------------------------------------------------------------------


def _label_at(texts: list[str], cx: float, cy: float, size: float, max_width: float) -> Label:
    block = TextBlock.wrapped(texts, max_width, size)
    w, h = block.width, block.height
    return Label(block.lines, size, Box(cx - w / 2, cy - h / 2, w, h))


def _generations(members: list[str], family: Family) -> dict[str, int]:
    """The row of each household member: a child one row below its lowest parent in the household,
    partners on one row (relaxed until stable: a partner moved down takes their children along)."""
    inside = set(members)
    gen = dict.fromkeys(members, 0)
    pairs = [[p for p in u.partners if p in inside] for u in family.unions]
    for _ in range(2 * len(members) + 1):
        changed = False
        for u, both in zip(family.unions, pairs, strict=True):
            for c in u.children:
                parents = [gen[p] for p in both if p != c.id]
                if c.id in inside and parents and gen[c.id] <= max(parents):
                    gen[c.id] = 1 + max(parents)
                    changed = True
            if len(both) == 2 and gen[both[0]] != gen[both[1]]:
                gen[both[0]] = gen[both[1]] = max(gen[both[0]], gen[both[1]])
                changed = True
        if not changed:
            break
    return gen


class _Sibship(NamedTuple):
    """A union's children on one row of the household and the household parents they hang from:
    both partners (a drop from the middle of their union line) or the one partner living there."""

    union: Union
    at: int  # the union's place in the family's list
    parents: tuple[str, ...]
    children: tuple[str, ...]


def _blocks(people: list[str], couples: list[Union], family: Family, alone: dict[str, list[int]]) -> list[list[str]]:
    """The people of one row in blocks of partners standing side by side, every block in input order: a
    man left of his wife, unless one of them has children by an absent partner (``alone``: their
    unions), who then stands on the side where the genogram draws that union (earlier unions on the
    left: a widow remarried stands left of her second husband, her first children under her on the
    left); a person with two partners in the household between them."""
    pairs = [tuple(u.partners) for u in couples if all(p in people for p in u.partners)]
    blocks: list[list[str]] = []
    placed: set[str] = set()
    for pid in people:
        if pid in placed:
            continue
        block = [pid]
        placed.add(pid)
        grew = True
        while grew:  # walk the chain of partners both ways
            grew = False
            for a, b in pairs:
                for end, other in ((a, b), (b, a)):
                    if other in placed:
                        continue
                    if end == block[-1]:
                        block.append(other)
                    elif end == block[0]:
                        block.insert(0, other)
                    else:
                        continue
                    placed.add(other)
                    grew = True
        if len(block) == 2 and family.person(block[0]).sex == "female" != family.person(block[1]).sex:
            block.reverse()
        if len(block) == 2:
            couple = next(u for u in couples if set(u.partners) == set(block))

            def outward(pid: str, couple: Union = couple) -> int:
                keys = {union_date_key(family.unions[i]) < union_date_key(couple) for i in alone.get(pid, [])}
                return 0 if len(keys) != 1 else (-1 if keys.pop() else 1)

            ends = (outward(block[0]), outward(block[1]))
            if ends in ((1, 0), (0, -1), (1, -1)):
                block.reverse()
        blocks.append(block)
    return blocks


def _isotonic(targets: list[float], gaps: list[float]) -> list[float]:
    """Positions as near ``targets`` as they can be (least squares) in their order, each at least
    ``gaps[i]`` right of the one before (pool adjacent violators).

    >>> _isotonic([0.0, 0.0, 10.0], [4.0, 4.0])
    [-2.0, 2.0, 10.0]
    """
    offsets = [0.0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    pools: list[list[float]] = []  # [sum, count]
    for t, o in zip(targets, offsets, strict=True):
        pools.append([t - o, 1.0])
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] > pools[-1][0] / pools[-1][1]:
            s, n = pools.pop()
            pools[-1][0] += s
            pools[-1][1] += n
    out: list[float] = []
    for s, n in pools:
        out += [s / n] * int(n)
    return [y + o for y, o in zip(out, offsets, strict=True)]


MARK_ROOM = 20.0  # more room between a separated or divorced couple, for the slashes on their line
SIBSHIP_GAP = 10.0  # more room between the children of two different unions on one row
TWIN_RISE = 12.0  # a row with twins has its sibship bars this much higher: room for the twins' slanting lines
BAR_STEP = 8.0  # between the bars of two sibships on one row (and from the first one to the children)


def _segments_meet(p: tuple[Point, Point], q: tuple[Point, Point], tol: float = 2.0) -> bool:
    """True when two axis-parallel segments cross, touch or run along each other (within ``tol``)."""
    (ax0, ay0), (ax1, ay1) = p
    (bx0, by0), (bx1, by1) = q

    def apart(a0: float, a1: float, b0: float, b1: float) -> bool:
        return max(a0, a1) + tol < min(b0, b1) or max(b0, b1) + tol < min(a0, a1)

    return not (apart(ax0, ax1, bx0, bx1) or apart(ay0, ay1, by0, by1))


def _row_lines(row: list[_Sibship], where: dict[str, MemberPlace], anchors: list[float], tops: list[float],
               child_top: float) -> tuple[list[tuple[Point, ...]], list[str]]:
    """The lines of the sibships of one row (drops at ``anchors`` from ``tops``), their bars
    :data:`BAR_STEP` apart above ``child_top`` at the heights where the lines of two sibships
    meet least (a drop through another sibship's bar, a child line across it, one running along
    another)."""
    rise = TWIN_RISE if any(_twin_groups(s) for s in row) else 0.0  # twins' slanting lines need room
    heights = [child_top - BAR_STEP * (j + 1) - rise for j in range(len(row))]

    def drawn(perm: tuple[int, ...]) -> list[tuple[list[tuple[Point, ...]], list[str]]]:
        return [_sibship_lines(s, heights[j], where, anchors[i], tops[i])
                for i, (s, j) in enumerate(zip(row, perm, strict=True))]

    def clashes(perm: tuple[int, ...]) -> int:
        segs = [[seg for line in ls for seg in pairwise(line)] for ls, _ in drawn(perm)]
        return sum(_segments_meet(p, q) for a, b in combinations(segs, 2) for p in a for q in b)

    perms = list(permutations(range(len(row)))) if len(row) <= 6 else [tuple(range(len(row)))]
    lines: list[tuple[Point, ...]] = []
    dashes: list[str] = []
    for ls, ds in drawn(min(perms, key=clashes)):
        lines += ls
        dashes += ds
    return lines, dashes


def _sibship_lines(sib: _Sibship, bar: float, where: dict[str, MemberPlace], anchor: float,
                   top: float) -> tuple[list[tuple[Point, ...]], list[str]]:
    """A sibship's drop (from ``top`` at ``anchor`` down to its bar), its bar and a line from the
    bar to each child, with the relation of each (a sibship all adopted or fostered: its drop and bar too)."""
    relation: dict[str, str] = {c.id: c.relation for c in sib.union.children}
    kinds = {relation[c] for c in sib.children}
    whole = next(iter(kinds)) if len(kinds) == 1 else "biological"
    if len(sib.children) == 1 and abs(where[sib.children[0]].cx - anchor) < 1e-6:  # one line straight down
        k = where[sib.children[0]]
        return [((anchor, top), (anchor, k.cy - k.size / 2))], [whole]
    # twins' lines start from one point on the bar, as in the genogram (and its bar joins identical twins')
    groups = _twin_groups(sib)
    attach = twin_attach({c: where[c].cx for c in sib.children}, {c: g for g, ids in groups.items() for c in ids})
    lines: list[tuple[Point, ...]] = [((anchor, top), (anchor, bar))]
    dashes = [whole]
    xs = [attach.get(c, where[c].cx) for c in sib.children] + [anchor]
    if max(xs) - min(xs) > 1e-6:
        lines.append(((min(xs), bar), (max(xs), bar)))
        dashes.append(whole)
    own: dict[str, tuple[Point, ...]] = {}
    for c in sib.children:
        k = where[c]
        own[c] = ((attach.get(c, k.cx), bar), (k.cx, k.cy - k.size / 2))
        lines.append(own[c])
        dashes.append(relation[c])
    identical = {c.twin for c in sib.union.children if c.identical and c.twin in groups}
    for g in sorted(identical, key=str):
        lines.append(tuple(identical_bar([list(own[c]) for c in groups[g]])))
        dashes.append("mark")
    return lines, dashes


def _twin_groups(sib: _Sibship) -> dict[str, list[str]]:
    """The twins of a sibship living in the household, by their twin label (two of them at least)."""
    groups: dict[str, list[str]] = {}
    for c in sib.union.children:
        if c.twin and c.id in sib.children:
            groups.setdefault(c.twin, []).append(c.id)
    return {g: ids for g, ids in groups.items() if len(ids) > 1}


def _household(
    eco: Ecomap, family: Family | None, spread: float = 0.0, k: float = 1.0, narrow: bool = False
) -> tuple[list[MemberPlace], list[tuple[Point, ...]], list[str], Box]:
    """Members as a small genogram centred on the origin, its lines, the child relation each line
    is drawn in, and its bounding box.

    Every child hangs from its own parents' union (a drop from the middle of the union line), or
    from the one parent living in the household; the children of one union stand together in birth
    order under their parents, a parent's children by an absent partner on that parent's outer side,
    and the bars of two unions' sibships on one row at different heights. ``spread`` widens the gaps
    between members (room for more ties to come in between).
    """
    if not eco.focal.members or family is None:
        return [], [], [], Box(0, 0, 0, 0)
    members = list(eco.focal.members)
    inside = set(members)
    gen = _generations(members, family)
    couples = [u for u in family.unions if len(u.partners) == 2 and all(p in inside for p in u.partners)
               and gen[u.partners[0]] == gen[u.partners[1]]]
    couple_ids = {id(u) for u in couples}
    # adopted and foster children get the NSGC brackets, as in the genogram
    bracketed = {c.id for u in family.unions for c in u.children if c.relation in ("adopted", "foster")}
    # initials, made distinct where two members share them (two "D"s cannot be told apart)
    labels = distinct_initials(family.person(p) for p in members)
    font = (SYSTEM_FONT if narrow else MEMBER_FONT) * k
    widest = max(text_width(t, font, bold=True) for t in labels.values())
    # bold initials inside the symbol, and room round it for the ends of its ties
    # round its outline (a part of it faces other members), the tie ends side by side
    most = max((sum(end_room(t) for t in eco.ties if t.target == p) for p in members), default=0.0)
    base = max(MEMBER_SIZE, widest + 12, most / (math.pi * 0.7))

    def outer(pid: str) -> float:
        person = family.person(pid)
        extra = 2 * INDEX_GAP if person.index and symbol_shape(person) not in ("dot", "cross") else 0.0
        return symbol_size(person, base) + extra

    size = max(outer(p) for p in members)
    pitch = size + 18 + spread
    # the unions a parent's children hang from that parent alone (the other parent not in the household
    # or on another row): two of them drop from either side of the parent's symbol
    alone: dict[str, list[int]] = {}
    for i, u in enumerate(family.unions):
        parents = [p for p in u.partners if p in inside]
        below = any(c.id in inside and gen[c.id] > gen[parents[-1]] for c in u.children) if parents else False
        if id(u) not in couple_ids and below:
            alone.setdefault(parents[-1], []).append(i)
    x: dict[str, float] = {}
    y: dict[str, float] = {}
    side: dict[str, int] = {}  # -1: the left end of a row of partners, 1: its right end, 0: alone or between
    rows: list[tuple[float, list[_Sibship]]] = []
    level_y = 0.0
    for g in sorted(set(gen.values())):
        people = [p for p in members if gen[p] == g]
        blocks = _blocks(people, couples, family, alone)
        sibships: list[tuple[float, int, _Sibship, list[list[str]]]] = []
        taken: set[int] = set()
        for i, u in enumerate(family.unions):
            if id(u) in couple_ids:
                parents = tuple(p for p in u.partners if p in x)
            else:
                parents = tuple(p for p in u.partners if p in inside)[-1:]
                parents = parents if parents and parents[0] in x else ()
            kids = [c.id for c in u.children if c.id in people]
            if not parents or not kids:
                continue
            own = [b for j, b in enumerate(blocks) if j not in taken and any(p in kids for p in b)]
            taken |= {j for j, b in enumerate(blocks) if any(p in kids for p in b)}
            twin_at: dict[str, int] = {}  # twins side by side, where the first of them stands
            rank = {c.id: (twin_at.setdefault(c.twin, kids.index(c.id)) if c.twin else kids.index(c.id),
                           kids.index(c.id)) for c in u.children if c.id in kids}
            own.sort(key=lambda b: min(rank[p] for p in b if p in kids))
            n = sum(len(b) for b in own)
            if len(parents) == 2:
                centre = (x[parents[0]] + x[parents[1]]) / 2
            else:
                centre = x[parents[0]] + side[parents[0]] * (n * pitch / 2 + SIBSHIP_GAP)
            sibships.append((centre, i, _Sibship(u, i, parents, tuple(kids)), own))
        sibships.sort(key=lambda s: (s[0], s[1]))
        targets: list[float] = []
        gaps: list[float] = []
        order: list[list[str]] = []
        for centre, _, _, own in sibships:
            n = sum(len(b) for b in own)
            if targets:
                gaps.append(pitch + SIBSHIP_GAP)
            targets += [centre + (j - (n - 1) / 2) * pitch for j in range(n)]
            gaps += [pitch] * (n - 1)
            order += own
        free = [b for j, b in enumerate(blocks) if j not in taken]
        n = sum(len(b) for b in free)
        start = targets[-1] + pitch + SIBSHIP_GAP if targets else -(n - 1) / 2 * pitch
        if targets and free:
            gaps.append(pitch + SIBSHIP_GAP)
        targets += [start + j * pitch for j in range(n)]
        gaps += [pitch] * (n - 1)
        order += free
        flat = [p for b in order for p in b]
        for j, (a, b) in enumerate(pairwise(flat)):  # room on a separated or divorced couple's line for its slashes
            gaps[j] += max((MARK_ROOM for u in couples if set(u.partners) == {a, b} and UNION_SLASHES.get(u.kind)),
                           default=0.0)
        if rows:
            rise = TWIN_RISE if any(_twin_groups(s) for _, _, s, _ in sibships) else 0.0
            level_y += size + max(24.0, BAR_STEP * (len(sibships) + 1) + rise) + spread
        for pid, at in zip(flat, _isotonic(targets, gaps), strict=True):
            x[pid], y[pid] = at, level_y
        for b in order:
            for j, pid in enumerate(b):
                side[pid] = 0 if len(b) == 1 or 0 < j < len(b) - 1 else (-1 if j == 0 else 1)
        rows.append((level_y, [s for _, _, s, _ in sibships]))
    # centred on the origin
    dx = -(min(x.values()) + max(x.values())) / 2
    dy = -(min(y.values()) + max(y.values())) / 2
    places: dict[str, MemberPlace] = {}
    for pid in members:
        person = family.person(pid)
        cx, cy = x[pid] + dx, y[pid] + dy
        text = labels[pid]
        w = text_width(text, font, bold=True)
        h = font * LINE_HEIGHT
        label = Label((text,), font, Box(cx - w / 2, cy - h / 2, w, h))
        places[pid] = MemberPlace(pid, cx, cy, outer(pid), symbol_shape(person), person.deceased, person.index,
                                  label, base, pid in bracketed)
    lines: list[tuple[Point, ...]] = []
    dashes: list[str] = []
    for u in couples:
        a, b = sorted((places[p] for p in u.partners), key=lambda m: m.cx)
        start, end = (a.cx + a.size / 2, a.cy), (b.cx - b.size / 2, b.cy)
        lines.append((start, end))
        dashes.append(f"union-{u.kind}")
        # its slashes by the genogram's rule: beside the line down to the children (or in the middle)
        mid = (a.cx + b.cx) / 2 + (0.0 if any(c.id in inside for c in u.children) else 9.0)
        marks = union_mark_strokes(UnionPlacement("", u.kind, [start, start, end, end], (mid, a.cy), "", None))
        lines += [tuple(m) for m in marks]
        dashes += ["mark"] * len(marks)
    for row_y, row in rows:
        tops, anchors = [], []
        for s in row:
            first = places[s.parents[0]]
            if len(s.parents) == 2:
                anchors.append((first.cx + places[s.parents[1]].cx) / 2)
                tops.append(first.cy)
                continue
            mine = alone[first.id]
            step = size / 2 / (len(mine) - 1) if len(mine) > 1 else 0.0
            at = first.cx + (mine.index(s.at) - (len(mine) - 1) / 2) * step
            anchors.append(at)
            person = family.person(first.id)
            bottom = end_on_outline([(at, first.cy + size), (at, first.cy)],
                                    outer_outline(person, first.cx, first.cy, base))
            tops.append(bottom[-1][1] if step else first.cy + first.size / 2)
        child_top = row_y + dy - size / 2
        ls, ds = _row_lines(row, places, anchors, tops, child_top)
        lines += ls
        dashes += ds
    ordered = sorted(places.values(), key=lambda m: (m.cy, m.cx))
    boxes = [Box(m.cx - h, m.cy - h, 2 * h, 2 * h)
             for m in ordered for h in [size / 2 + (BRACKET_GAP if m.bracketed else 0.0)]]
    return ordered, lines, dashes, bounding_box(boxes)


def _label_below(eco: Ecomap, members: list[MemberPlace], box: Box, w: float, h: float) -> bool:
    """True when the focal label (``w`` by ``h``) stands under the household (``box``), False when over it.

    Systems tied to a member stand on that member's side of the ring (:func:`_toward_members`): the
    label goes where it stands in the way of fewer such ties (review-4 D8: a label under the middle
    member of a two-row household made its ties from below go round and come back), else where
    fewer ties come in (more ties to the top row: under it).
    """
    def blocked(below: bool) -> int:
        top = box.bottom + 6 if below else box.y - 6 - h
        label = Box(-w / 2, top, w, h).grown(CLEAR + 4)
        whole = box.union(label)
        cy = whole.y + whole.h / 2  # the household is centred on the focal circle with its label
        count = 0
        for t in eco.ties:
            m = next((m for m in members if m.id == t.target), None)
            if m is None or math.hypot(m.cx, m.cy - cy) <= 1.0:
                continue
            ux, uy = unit((0.0, cy), (m.cx, m.cy))
            far = (m.cx + ux * 4 * (w + h + box.w + box.h), m.cy + uy * 4 * (w + h + box.w + box.h))
            count += segment_hits_box((m.cx, m.cy), far, label)
        return count

    under, over = blocked(True), blocked(False)
    if under != over:
        return under < over
    row = {m.id: m.cy for m in members}
    top, bottom = min(row.values()), max(row.values())
    ties = [row[t.target] for t in eco.ties if t.target in row]
    return sum(1 for y in ties if y == top) > sum(1 for y in ties if y == bottom)


def _content_points(members: list[MemberPlace], label: Label | None) -> list[Point]:
    """The corners of the household members' symbols (their outer size) and of each line of the
    focal label (centred): what the focal circle must hold."""
    points: list[Point] = []
    for m in members:
        h = m.size / 2
        points += [(m.cx - h, m.cy - h), (m.cx + h, m.cy - h), (m.cx - h, m.cy + h), (m.cx + h, m.cy + h)]
    if label is not None:
        lh = label.size * LINE_HEIGHT
        for i, line in enumerate(label.lines):
            w = text_width(line, label.size, bold=True) / 2
            top = label.box.y + i * lh
            points += [(-w, top), (w, top), (-w, top + lh), (w, top + lh)]
    return points


def _focal(
    eco: Ecomap, family: Family | None, spread: float = 0.0, k: float = 1.0, narrow: bool = False
) -> tuple[Circle, Label | None, list[MemberPlace], list[tuple[Point, ...]], list[str]]:
    """The focal circle, its label, the household members, their family lines and the kind of each line
    ("union-" and the union's kind, "mark" for a slash across a union line or the bar between identical
    twins' lines, or the child relation it is drawn in)."""
    members, lines, dashes, box = _household(eco, family, spread, k, narrow)
    text = eco.focal.label
    if not members:
        label = _label_at([text or "Klien"], 0, 0, FOCAL_FONT * k, 100 * k)
        r = max(42.0, math.hypot(label.box.w / 2, label.box.h / 2) + 10)
        return Circle(0, 0, r), label, [], [], []
    label = None
    if text:
        block = TextBlock.wrapped([text], max(box.w, 90 * k), FOCAL_FONT * k, bold=True)  # drawn in bold
        top = box.bottom + 6 if _label_below(eco, members, box, block.width, block.height) else box.y - 6 - block.height
        w = block.width
        label = Label(block.lines, FOCAL_FONT * k, Box(-w / 2, top, w, block.height))
        box = box.union(label.box)
    # centre the whole content on the origin (narrow: the centre that needs the smallest circle)
    dy = -(box.y + box.h / 2)
    if narrow:
        points = _content_points(members, label)
        dy = min((dy + step * 0.5 for step in range(-80, 81)),
                 key=lambda d: (round(max(math.hypot(x, y + d) for x, y in points), 6), abs(d)))
    members = [
        replace(m, cy=m.cy + dy, label=replace(m.label, box=replace(m.label.box, y=m.label.box.y + dy)))
        for m in members
    ]
    lines = [tuple((x, y + dy) for x, y in line) for line in lines]
    if label is not None:
        label = Label(label.lines, label.size, Box(label.box.x, label.box.y + dy, label.box.w, label.box.h))
    corners = [
        (box.x, box.y + dy),
        (box.right, box.y + dy),
        (box.x, box.bottom + dy),
        (box.right, box.bottom + dy),
    ]
    if narrow:  # the corners of each symbol and each line of the label, not of the box round them all
        corners = _content_points(members, label)
    # room for a whole arrowhead between a member and the edge of the focal circle
    r = max(48.0, max(math.hypot(x, y) for x, y in corners) + ARROW_ROOM + FOCAL_PAD)
    return Circle(0, 0, r), label, members, lines, dashes


# -- systems -----------------------------------------------------------------------------


def _system_order(eco: Ecomap) -> list[list[str]]:
    """Systems in drawing order, in groups (one group unless grouped by category)."""
    if not eco.group_by_category:
        return [[s.id for s in eco.systems]]
    order = eco.categories_used()
    return [[s.id for s in eco.systems if s.category == c] for c in order]


def _slots(groups: list[list[str]]) -> list[str | None]:
    if len(groups) <= 1:
        return [sid for g in groups for sid in g]
    slots: list[str | None] = []
    for g in groups:
        slots += [*g, None]  # an empty slot between categories
    return slots


def _toward_members(eco: Ecomap, slots: list[str | None], members: list[MemberPlace],
                    label: Label | None = None) -> list[str | None]:
    """Move systems tied to one household member to the slots nearest that member's side (turned off
    the household's ``label`` where it stands on that side: a tie straight from there would meet it).

    Systems tied to the whole focal circle keep their order in the remaining slots, so a
    tie to a member runs straight to its symbol instead of across the household.
    """
    if not members:
        return slots
    where = {m.id: m for m in members}
    n = len(slots)
    slot_angle = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
    wish: dict[str, tuple[float, float]] = {}
    for t in eco.ties:
        m = where.get(t.target)
        if m is not None and t.system not in wish and math.hypot(m.cx, m.cy) > 1.0:
            wish[t.system] = (_clear_of_label(m, label), math.hypot(m.cx, m.cy))
    if not wish:
        return slots

    def miss(i: int, angle: float) -> float:
        return abs((slot_angle[i] - angle + math.pi) % (2 * math.pi) - math.pi)

    if eco.group_by_category:
        # categories stay together: only turn the whole ring so that it fits best
        def cost(shift: int) -> float:
            return sum(miss((i + shift) % n, wish[sid][0]) for i, sid in enumerate(slots) if sid in wish)

        best = min(range(n), key=lambda k: (round(cost(k), 6), k))
        turned: list[str | None] = [None] * n
        for i, sid in enumerate(slots):
            turned[(i + best) % n] = sid
        return turned
    out: list[str | None] = [None] * n
    free = set(range(n))
    # the farthest from the centre choose first; ties of distance by input order
    for sid in sorted(wish, key=lambda k: (-round(wish[k][1], 3), slots.index(k))):
        angle = wish[sid][0]
        best = min(free, key=lambda i: (miss(i, angle), i))
        out[best] = sid
        free.remove(best)
    # then two of them trade places while that takes them nearer their members' sides in all (two systems
    # tied to two members side by side stand in the members' order: their ties do not cross)
    at = {sid: i for i, sid in enumerate(out) if sid is not None}

    def far(sid: str, i: int) -> float:  # (squared a little: of two equal sums, the uncrossed order)
        # a member far from the centre has a side; one in the middle of the household hardly any
        return wish[sid][1] * (miss(i, wish[sid][0]) + 0.1 * miss(i, wish[sid][0]) ** 2)

    for _ in range(len(wish)):
        swaps = [(round(far(a, at[b]) + far(b, at[a]) - far(a, at[a]) - far(b, at[b]), 9), at[a], at[b])
                 for a, b in combinations(wish, 2)]
        gain, i, j = min(swaps, default=(0.0, 0, 0))
        if gain >= -1e-6:
            break
        out[i], out[j] = out[j], out[i]
        at[out[i]], at[out[j]] = i, j  # type: ignore[index]
    rest = iter([sid for sid in slots if sid is not None and sid not in wish])
    for i in sorted(free):
        out[i] = next(rest, None)
    return out


def _clear_of_label(m: MemberPlace, label: Label | None) -> float:
    """The angle of member ``m`` from the centre, or where a ray from it that way meets the household's
    ``label``, the nearest angle (by steps of 5 degrees) whose ray from ``m`` keeps clear of it."""
    angle = math.atan2(m.cy, m.cx)
    if label is None:
        return angle
    box = label.box.grown(CLEAR + 2)
    reach = 4 * (box.w + box.h + math.hypot(m.cx, m.cy))
    for step in range(37):
        for a in (angle + math.radians(5 * step), angle - math.radians(5 * step)):
            if not segment_hits_box((m.cx, m.cy), (m.cx + reach * math.cos(a), m.cy + reach * math.sin(a)), box):
                return a
    return angle


def _two_ring_slots(eco: Ecomap, slots: list[str | None], members: list[MemberPlace]) -> list[str | None]:
    """Slots for two rings (odd slots on the outer one): two systems tied to each other side by side
    (one on each ring, so that their tie is short and goes round nothing), then each system whose tie
    to the household has a label on the outer ring (its tie is longer: room for the label), by
    swapping with a neighbour; of the swaps that do it, the one that moves the systems tied to
    household members least away from their member's side.

    >>> eco = Ecomap.model_validate({"focal": "F", "systems": [{"id": s} for s in "abcdef"],
    ...     "ties": [{"system": "a", "to": "d"}, {"system": "c", "label": "x"}]})
    >>> _two_ring_slots(eco, list("abcdef"), [])
    ['c', 'b', 'a', 'd', 'e', 'f']
    """
    out = list(slots)
    n = len(out)
    where = {m.id: math.atan2(m.cy, m.cx) for m in members if math.hypot(m.cx, m.cy) > 1.0}
    wish: dict[str, float] = {}
    for t in eco.ties:
        if t.target in where and t.system not in wish:
            wish[t.system] = where[t.target]

    def miss(sid: str | None, i: int) -> float:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return abs((angle - wish[sid] + math.pi) % (2 * math.pi) - math.pi) if sid in wish else 0.0

    def swap_cost(i: int, j: int) -> float:  # how much further from their members' sides a swap takes them
        return miss(out[i], j) + miss(out[j], i) - miss(out[i], i) - miss(out[j], j)

    paired: set[str] = set()
    for tie in eco.ties:
        a, b = tie.system, tie.target
        if a not in out or b not in out or a in paired or b in paired:
            continue
        i, j = out.index(a), out.index(b)
        if (i - j) % n not in (1, n - 1):
            moves = [(swap_cost(j, k), j, k) for k in ((i + 1) % n, (i - 1) % n) if out[k] not in paired]
            moves += [(swap_cost(i, k), i, k) for k in ((j + 1) % n, (j - 1) % n) if out[k] not in paired]
            if not moves:
                continue
            _, x, y = min(moves)
            out[x], out[y] = out[y], out[x]
        paired |= {a, b}
    labelled = {t.system for t in eco.ties if t.target not in out and _tie_text(t)} - paired

    def room(k: int) -> float:  # an outer slot near the top or bottom has the longest tie
        return abs(math.cos(2 * math.pi * k / n)) + (0.5 if k % 2 else 0.0)

    for sid in [sid for sid in out if sid in labelled]:
        i = out.index(sid)
        swaps = [(round(swap_cost(i, k) - room(k) + room(i), 9), k) for k in (
            (i + d) % n for d in range(-3, 4) if d) if out[k] not in labelled and out[k] not in paired]
        if swaps and min(swaps)[0] < 0:
            k = min(swaps)[1]
            out[i], out[k] = out[k], out[i]
    return out


def _label_rooms(eco: Ecomap, slots: list[str | None], k: float) -> tuple[float, ...]:
    """The room beside its tie each slot's system needs for the label of its tie to the household (on
    two rings): the label wrapped at every space, beside the tie with its margins; 0 without one.

    >>> eco = Ecomap.model_validate({"focal": "F", "systems": [{"id": "a"}, {"id": "b"}],
    ...     "ties": [{"system": "a", "label": "kartu tidak aktif"}, {"system": "b"}]})
    >>> [round(r) for r in _label_rooms(eco, ["a", "b", None], 1.0)]
    [32, 0, 0]
    """
    texts = {t.system: _tie_text(t) for t in eco.ties if t.target not in slots and _tie_text(t)}
    out = []
    for sid in slots:
        text = texts.get(sid) if sid else None
        width = max((text_width(w, SYSTEM_FONT * k) for w in text.split()), default=0.0) if text else 0.0
        out.append(width + 3.5 + 2.0 if text else 0.0)
    return tuple(out)


def _ring_radii(n: int, r: float, focal_r: float) -> tuple[float, float]:
    """Radii of the inner and outer ring for ``n`` slots of circles of radius ``r``."""
    base = focal_r + r + MIN_TIE
    if n < TWO_RINGS_FROM:
        need = (r + GAP / 2) / math.sin(math.pi / n) if n > 1 else 0.0
        inner = max(base, need)
        return inner, inner
    # staggered: a tie to an outer circle passes between two inner neighbours
    need = (r + CLEAR + 2) / math.sin(2 * math.pi / n)
    inner = max(base, need)
    return inner, inner + 2 * r + GAP


@lru_cache(maxsize=64)
def _ellipse_arc(aspect: float) -> tuple[list[float], list[float]]:
    """Parameters ``t`` round the ellipse ``(cos t, aspect sin t)`` from the top, and the arc length
    from the top to each."""
    steps = 1440
    ts = [-math.pi / 2 + 2 * math.pi * k / steps for k in range(steps + 1)]
    lengths = [0.0]
    for t0, t1 in pairwise(ts):
        lengths.append(lengths[-1] + math.dist((math.cos(t0), aspect * math.sin(t0)),
                                               (math.cos(t1), aspect * math.sin(t1))))
    return ts, lengths


def _ellipse_params(weights: list[float], aspect: float, turn: float = 0.0) -> list[float]:
    """The parameter ``t`` of each slot on the ellipse ``(cos t, aspect sin t)``, spaced by arc
    length: slot ``i`` and the next ``weights[i] + weights[i + 1]`` apart, the first at the top (or
    ``turn`` times its own share of the arc further on).

    >>> [round(t, 3) for t in _ellipse_params([1.0, 1.0, 1.0, 1.0], 1.0)]
    [-1.571, 0.0, 1.571, 3.142]
    """
    ts, lengths = _ellipse_arc(aspect)
    total = 2 * sum(weights)
    out: list[float] = []
    at = turn * 2 * weights[0] if weights else 0.0
    for i, w in enumerate(weights):
        goal = lengths[-1] * ((at / total) % 1.0 if total else 0.0)
        k = min(len(ts) - 2, max(0, bisect_left(lengths, goal) - 1))
        piece = lengths[k + 1] - lengths[k]
        out.append(ts[k] + (ts[k + 1] - ts[k]) * ((goal - lengths[k]) / piece if piece else 0.0))
        at += w + weights[(i + 1) % len(weights)]
    return out


def _narrow_weights(radii: list[float]) -> list[float]:
    """Half the arc each slot takes on a narrow ring: its circle and half a :data:`GAP` (an empty
    slot, between categories: as much as the mean circle)."""
    full = [r + GAP / 2 for r in radii if r]
    mean = sum(full) / len(full) if full else GAP
    return [r + GAP / 2 if r else mean for r in radii]


class Oval(NamedTuple):
    """The shape of a narrow layout's ring: its height over its width, how far round (a fraction
    of the first slot's share of the arc) its first slot stands from the top, and how much further
    out a second, outer ring stands in height (0: one ring), on which every other slot stands, and
    in width (``side``, at most ``step``), and whether the slots keep room for their ties' labels."""

    aspect: float = 1.0
    turn: float = 0.0
    step: float = 0.0
    side: float = 0.0
    label_room: bool = False


CIRCLE = Oval()  # the round ring

def narrow_centres(radii: list[float], r_max: float, ring: float, oval: Oval = CIRCLE,
                   rooms: tuple[float, ...] = ()) -> list[Point]:
    """The centres of circles of ``radii`` (0 for an empty slot) on the upright ellipse whose narrow
    half-width is ``ring`` and whose height is ``oval.aspect`` times its width, spaced by arc length
    (a large circle takes more of it); each circle moved toward the origin by what it lacks of
    ``r_max``, so that the inner edges stand on the ellipse.

    With ``oval.step`` (two rings), every other slot (the second, fourth, ...) stands on the outer
    ellipse, ``oval.side`` further out in width and ``oval.step`` in height, and the slots are spaced
    as :func:`_staggered` finds: each as near the one before as it can stand (``rooms``: the room
    each slot's tie needs beside it for its label).

    >>> [tuple(round(v) for v in c) for c in narrow_centres([30.0, 30.0, 30.0, 30.0], 30.0, 100.0, Oval(1.5))]
    [(0, -150), (100, 0), (0, 150), (-100, 0)]
    >>> oval = Oval(1.3, 0.0, 74.0, 37.0)
    >>> two = narrow_centres([30.0] * 16, 30.0, _narrow_apart([30.0] * 16, 30.0, 100.0, oval), oval)
    >>> [tuple(round(v) for v in c) for c in two[:2]], round(min(math.dist(p, q) for p, q in pairwise(two)))
    ([(0, -137), (56, -194)], 74)
    """
    if oval.step > 0:
        ts, span = _staggered(tuple(radii), r_max, ring, oval, rooms if oval.label_room else ())
        stretch = 2 * math.pi / span if span > 0 else 1.0
        params = [ts[0] + (t - ts[0]) * stretch for t in ts]
    else:
        params = _ellipse_params(_narrow_weights(radii), oval.aspect, oval.turn)
    return [_slot_centre(i, t, r, r_max, ring, oval) for i, (r, t) in enumerate(zip(radii, params, strict=True))]


def _slot_centre(i: int, t: float, r: float, r_max: float, ring: float, oval: Oval) -> Point:
    """The centre of the circle of radius ``r`` in slot ``i`` at parameter ``t`` of its ellipse (the
    outer one for an odd slot on two rings), its inner edge where the largest circle's is."""
    outer = i % 2 == 1 and oval.step > 0
    x = (ring + (oval.side if outer else 0.0)) * math.cos(t)
    y = (ring * oval.aspect + (oval.step if outer else 0.0)) * math.sin(t)
    d = math.hypot(x, y)
    k = (d - (r_max - r)) / d if d else 0.0
    return (x * k, y * k)


def _stand_clear(k: int, c: Point, r: float, placed: list[tuple[int, Point, float]],
                 room: Callable[[int], float] = lambda k: 0.0) -> bool:
    """Does a circle of radius ``r`` at ``c`` in slot ``k`` keep :data:`GAP` from the circles placed
    before it (and on its own ring the ``room`` each one's tie needs for its label), and the straight
    ways from the centre to the outer ones (odd slots) :data:`CLEAR` and their ``room`` off the inner
    ones?"""
    for j, cj, rj in placed:
        if math.dist(c, cj) < r + rj + GAP:
            return False
        if (k - j) % 2:
            if k % 2 and segment_circle_distance((0.0, 0.0), c, cj) < rj + CLEAR + 2 + room(k):
                return False
            if j % 2 and segment_circle_distance((0.0, 0.0), cj, c) < r + CLEAR + 2 + room(j):
                return False
    return True


@lru_cache(maxsize=4096)
def _staggered(radii: tuple[float, ...], r_max: float, ring: float, oval: Oval,
               rooms: tuple[float, ...] = ()) -> tuple[list[float], float]:
    """Parameters of the slots on two rings (:func:`_slot_centre`), each slot as near the one before
    as it can stand clear of the three before it (:func:`_stand_clear`, with the ``rooms`` their ties
    need for their labels; found by halving), from the
    top (turned by ``oval.turn`` of a slot's share), and the length of parameter they take round
    the whole ring (the first slots placed once more at the end): more than 2 pi when they do
    not fit.

    >>> ts, span = _staggered((30.0,) * 16, 30.0, 200.0, Oval(1.3, 0.0, 74.0, 74.0))
    >>> round(ts[0], 3), span < 2 * math.pi
    (-1.571, True)
    """
    n = len(radii)

    def room(k: int) -> float:
        return rooms[k % n] if rooms else 0.0

    t = -math.pi / 2 + oval.turn * 2 * math.pi / max(n, 1)
    ts: list[float] = []
    placed: list[tuple[int, Point, float]] = []
    first: dict[int, float] = {}
    span = 0.0
    for k in range(n + 3):
        i = k % n
        r = radii[i]
        if r and placed:
            def fits(u: float, k: int = k, i: int = i, r: float = r) -> bool:
                return _stand_clear(k, _slot_centre(i, u, r, r_max, ring, oval), r, placed[-3:], room)

            if not fits(t):
                low, high = t, t + math.pi
                for _ in range(16):
                    mid = (low + high) / 2
                    low, high = (low, mid) if fits(mid) else (mid, high)
                t = high
        if r:
            placed.append((k, _slot_centre(i, t, r, r_max, ring, oval), r))
            if i in first and k >= n:
                span = max(span, t - first[i])
            elif k < n:
                first[i] = t
        if k < n:
            ts.append(t)
    return ts, span


def _narrow_apart(radii: list[float], r_max: float, base: float, oval: Oval, rooms: tuple[float, ...] = ()) -> float:
    """The smallest ring half-width, at least ``base``, on which neighbours keep :data:`GAP` apart
    (found by halving); on two rings (``oval.step``) also the neighbours on each ring, and the
    straight way from the centre to each outer circle keeps :data:`CLEAR` (and a line's width) off
    the inner circles beside it."""
    n = len(radii)
    two = oval.step > 0

    def apart(ring: float) -> bool:
        if two:  # each slot as near the one before as it can stand: do they go round?
            return _staggered(tuple(radii), r_max, ring, oval, rooms if oval.label_room else ())[1] <= 2 * math.pi
        centres = narrow_centres(radii, r_max, ring, oval)
        for i, r in enumerate(radii):
            q = radii[(i + 1) % n]
            if n < 2 or not r or not q:
                continue
            if math.dist(centres[i], centres[(i + 1) % n]) < r + q + GAP:
                return False
        return True

    if apart(base):
        return base
    low, high = base, base * 2
    while not apart(high):
        high *= 2
    for _ in range(20 if two else 40):
        mid = (low + high) / 2
        low, high = (low, mid) if apart(mid) else (mid, high)
    return high


def _stretched(inner: float, radius: float, oval: Oval, cap: float = 0.0) -> tuple[float, Oval]:
    """The half-width and shape of the ellipse of half-width ``inner`` and shape ``oval`` grown
    ``radius / inner`` times: alike in both directions up to the half-width ``cap``, beyond it
    mostly in height (:data:`NARROW_WIDEN`).

    >>> half, oval = _stretched(100.0, 121.0, Oval(1.0, 0.5))
    >>> round(half, 1), round(oval.aspect, 2), oval.turn
    (110.0, 1.21, 0.5)
    >>> half, oval = _stretched(100.0, 121.0, Oval(1.0, 0.5), cap=200.0)
    >>> round(half, 1), round(oval.aspect, 2)
    (121.0, 1.0)
    """
    base = max(inner, min(radius, cap))
    g = radius / base if base else 1.0
    return base * g**NARROW_WIDEN, oval._replace(aspect=oval.aspect * g ** (2 - 2 * NARROW_WIDEN))


@lru_cache(maxsize=64)
def _narrow_rings(radii: tuple[float, ...], r_max: float, focal_r: float,
                  rooms: tuple[float, ...] = (), tall: float | None = None) -> list[tuple[float, Oval]]:
    """Ring half-widths (the centres of the largest circles) and shapes for circles of ``radii`` (0
    for an empty slot) standing with their inner edges on an upright ellipse (:func:`narrow_centres`),
    at least :data:`NARROW_MIN_TIE` outside the focal circle: each of the shapes :data:`NARROW_ASPECTS`
    x :data:`NARROW_TURNS` as small as its neighbours keep :data:`GAP` apart, the one whose circles fit
    the smallest frame :data:`NARROW_FRAME` times as tall as wide first. From :data:`TWO_RINGS_FROM`
    slots on two rings, the outer :data:`NARROW_STEPS` further out (:data:`NARROW_SIDES` of that in
    width), in a frame :data:`NARROW_TWO_FRAME`
    times as tall as wide; ``tall``: in a frame that many times as tall as wide instead.

    >>> [(round(ring), oval[:2]) for ring, oval in _narrow_rings((30.0, 30.0, 60.0, 30.0), 60.0, 40.0)[:2]]
    [(156, (1.0, -0.5)), (156, (1.0, 0.5))]
    >>> min(oval.step for _, oval in _narrow_rings((30.0,) * 16, 30.0, 40.0)) > 0
    True
    """
    base = focal_r + r_max + NARROW_MIN_TIE
    two = len(radii) >= TWO_RINGS_FROM
    steps = [k * (2 * r_max + GAP) for k in NARROW_STEPS] if two else [0.0]
    frame = tall or (NARROW_TWO_FRAME if two else NARROW_FRAME)
    found: list[tuple[float, float, Oval]] = []
    turns = NARROW_TWO_TURNS if two else NARROW_TURNS
    for oval in (Oval(a, t, step, side * step, bool(rooms)) for a in NARROW_ASPECTS for t in turns for step in steps
                 for side in (NARROW_SIDES if two else (0.0,))):
        ring = _narrow_apart(list(radii), r_max, base, oval, rooms)
        centres = narrow_centres(list(radii), r_max, ring, oval, rooms)
        w = max([focal_r] + [abs(x) + r for (x, _), r in zip(centres, radii, strict=True) if r])
        h = max([focal_r] + [abs(y) + r for (_, y), r in zip(centres, radii, strict=True) if r])
        found.append((round(max(w, h / frame), 6), ring, oval))
    found.sort(key=lambda f: f[0])  # stable: of equal frames, the first shape tried
    return [(ring, oval) for _, ring, oval in found]


# -- tie labels --------------------------------------------------------------------------


def _tie_text(tie: Tie) -> str | None:
    sign = tie.sign.replace("-", "\u2212") if tie.sign else None
    text = " ".join(t for t in (sign, tie.label) if t)
    return text or None


class _Spot(NamedTuple):
    """A place tried for a tie label: its box, its centre, and how near no other tie may come."""

    box: Box
    centre: Point
    reach: float


def _label_spots(points: list[Point], w: float, h: float, own_reach: float, sign: bool = False) -> Iterator[_Spot]:
    """Where a ``w`` x ``h`` label may stand beside a tie along ``points``, best first: the
    longest segment first (a bent tie's short pieces come last), at :data:`LABEL_STOPS`, on
    either side. ``sign``: a lone sign (``+``, ``−``) stands closer to its tie."""
    for seg in sorted(pairwise(points), key=lambda pq: -math.dist(*pq)):
        if math.dist(*seg) < 20:
            continue
        (x0, y0), (x1, y1) = seg
        ux, uy = unit(seg[0], seg[1])
        nx, ny = -uy, ux
        off = abs(nx) * w / 2 + abs(ny) * h / 2 + own_reach + (2.0 if sign else 3.5)
        reach = off + 12  # no other tie this near: the label must read as this tie's
        for t in LABEL_STOPS:
            for side in (1, -1):
                cx = x0 + (x1 - x0) * t + nx * off * side
                cy = y0 + (y1 - y0) * t + ny * off * side
                yield _Spot(Box(cx - w / 2, cy - h / 2, w, h), (cx, cy), reach)


def _most_apart(spots: Iterable[_Spot], tests: tuple[Callable[[_Spot], bool], ...],
                own: set[tuple[Point, Point]], obstacles: Obstacles) -> _Spot | None:
    """Of the clear ``spots`` of a lone sign, the first whose nearest other tie is at least
    :data:`SIGN_APART` times as far as its own, else the one whose nearest other tie is farthest
    (review-5 R22: a ``+`` half-way between two converging ties read as belonging to either)."""
    best: tuple[float, _Spot] | None = None
    for spot in spots:
        if any(test(spot) for test in tests):
            continue
        centre = spot.centre
        mine = min(segment_circle_distance(p, q, centre) for p, q in own)
        others = [segment_circle_distance(p, q, centre) - r
                  for p, q, r in obstacles.segments_near(Box(*centre, 0, 0), SIGN_APART * spot.reach)
                  if (p, q) not in own]
        apart = min(others, default=math.inf) / max(mine, 1e-6)
        if apart >= SIGN_APART:
            return spot
        if best is None or apart > best[0]:
            best = (apart, spot)
    return best[1] if best else None


def _place_label(
    text: str, points: list[Point], own_reach: float, obstacles: Obstacles, k: float = 1.0, narrow: bool = False
) -> Label | None:
    """A box beside the tie for its label, clear of every circle, line and label in ``obstacles``
    (or None); the label placed becomes an obstacle for the next.

    A long label wraps to :data:`TIE_LABEL_WIDTH` so it stays close to its own tie; ``narrow``: when
    that finds no room, the label wraps at every space (a narrower, taller box), words kept whole.
    """
    font = (SYSTEM_FONT if narrow else TIE_FONT) * k
    shapes = [tuple(wrap(text, TIE_LABEL_WIDTH * k, font))]
    if narrow and len(text.split()) > 1:
        shapes.append(tuple(wrap_words(text, 0.0, font)))
    own = set(pairwise(points))
    sign = text in ("+", "\u2212", "+/\u2212")

    def on_a_line(spot: _Spot) -> bool:
        box = spot.box
        return any(segment_hits_box(p, q, box.grown(1 if (p, q) in own else 2 + r))
                   for p, q, r in obstacles.segments_near(box, 2))

    def near_another_tie(spot: _Spot) -> bool:
        (cx, cy), reach = spot.centre, spot.reach
        return any((p, q) not in own and segment_circle_distance(p, q, (cx, cy)) < reach + r
                   for p, q, r in obstacles.segments_near(Box(cx, cy, 0, 0), reach))

    for lines in shapes:
        w = max(text_width(line, font) for line in lines)
        h = len(lines) * font * LINE_HEIGHT
        tests = (lambda s: obstacles.box_hits_circle(s.box, 2.0), on_a_line,
                 lambda s: obstacles.box_hits_box(s.box, 2.0), near_another_tie)
        spots = _label_spots(points, w, h, own_reach, sign)
        spot = _most_apart(spots, tests, own, obstacles) if sign else first_clear(spots, *tests)
        if spot is not None:
            obstacles.add("tie label", spot.box)
            return Label(lines, font, spot.box)
    return None


# -- the whole layout --------------------------------------------------------------------


def _attempt(
    eco: Ecomap,
    focal: Circle,
    focal_label: Label | None,
    members: list[MemberPlace],
    lines: list[tuple[Point, ...]],
    blocks: dict[str, TextBlock],
    symbols: dict[str, float],
    radii: dict[str, float],
    slots: list[str | None],
    inner: float,
    outer: float,
    k: float = 1.0,
    narrow: bool = False,
    oval: Oval = CIRCLE,
    stretch: tuple[float, float] = (1.0, 1.0),
    rooms: tuple[float, ...] = (),
) -> tuple[EcomapLayout, int]:
    """One layout with the ring at ``inner``/``outer``, and how many member ties found no clear route
    (``narrow``: each circle's inner edge where the largest circle's is, on an upright ellipse of
    shape ``oval``, or two of them from :data:`TWO_RINGS_FROM` slots: ``outer`` is then the outer
    one's half-width, and the centres are moved out ``stretch`` times in width and in height; ``rooms``:
    see :func:`_staggered`)."""
    n = len(slots)
    systems: dict[str, SystemPlace] = {}
    two = inner != outer
    r_max = max(radii.values(), default=MIN_SYSTEM_R)
    centres = narrow_centres([radii[sid] if sid else 0.0 for sid in slots], r_max, inner, oval, rooms) if narrow else []
    centres = [(x * stretch[0], y * stretch[1]) for x, y in centres]  # on upright ellipses (narrow_centres)
    for i, sid in enumerate(slots):
        if sid is None:
            continue
        ring = i % 2 if two else 0
        if narrow:
            cx, cy = centres[i]
            angle = math.atan2(cy, cx)
        else:
            angle = -math.pi / 2 + 2 * math.pi * i / n
            radius = outer if ring else inner
            cx, cy = radius * math.cos(angle), radius * math.sin(angle)
        block = blocks[sid]
        sym = symbols.get(sid, 0.0)
        shift = (sym + SYMBOL_GAP) / 2 if sym else 0.0
        box = Box(cx - block.width / 2, cy - block.height / 2 + shift, block.width, block.height)
        symbol = Circle(cx, box.y - SYMBOL_GAP - sym / 2, sym / 2) if sym else None
        label = Label(block.lines, block.size, box)
        systems[sid] = SystemPlace(sid, Circle(cx, cy, radii[sid]), angle, ring, label, symbol)
    aspect = oval.aspect * stretch[1] / stretch[0] if narrow else 1.0

    def laid(hug: bool) -> tuple[EcomapLayout, int, int]:
        router = Router(focal, focal_label, members, lines, systems, outer, r_max, aspect, hug)
        routes = [(t, *route) for t, route in zip(eco.ties, router.route_all(eco.ties), strict=True)]
        segments = [(p, q, tie_reach(t)) for t, pts, _ in routes for p, q in pairwise(pts)]
        circles = [focal, *(s.circle for s in systems.values())]
        # arrowheads are wider than their line: keep labels off both ends of every tie
        arrow_room = [Circle(x, y, ARROW_ROOM) for _, pts, _ in routes for x, y in (pts[0], pts[-1])]
        label_boxes: list[Box] = [Box(m.cx - m.size / 2, m.cy - m.size / 2, m.size, m.size) for m in members]
        if focal_label is not None:
            label_boxes.append(focal_label.box)
        obstacles = Obstacles(circles + arrow_room, segments, label_boxes)  # each tie label placed joins them
        ties: list[TieRoute] = []
        for tie, pts, bent in routes:
            text = _tie_text(tie)
            label = _place_label(text, pts, tie_reach(tie), obstacles, k, narrow) if text else None
            ties.append(TieRoute(tie, tuple(pts), label, bent))
        ordered = [systems[sid] for sid in slots if sid is not None]
        boxes = [Box(c.cx - c.r, c.cy - c.r, 2 * c.r, 2 * c.r) for c in circles]
        boxes += [
            Box(
                min(x for x, _ in t.points),
                min(y for _, y in t.points),
                max(x for x, _ in t.points) - min(x for x, _ in t.points),
                max(y for _, y in t.points) - min(y for _, y in t.points),
            )
            for t in ties
        ]
        boxes += [t.label.box for t in ties if t.label]
        lay = EcomapLayout(focal, focal_label, members, lines, ordered, ties, inner, bounding_box(boxes), Quality())
        lay.quality = measure(lay, eco)
        return lay, router.short, router.bent_out

    lay, short, around = laid(False)
    if around:  # a tie between two systems ran round the outside of the ring: round the focal circle instead,
        # when that is clean at this ring (never a larger ring for it; issue 13 F4)
        hugged, hug_short, _ = laid(True)
        if hugged.quality.defects == 0 and (lay.quality.defects or _length(hugged) < _length(lay)):
            return hugged, hug_short
    return lay, short


def _length(lay: EcomapLayout) -> float:
    """The length of all the ties between two systems of a layout."""
    return sum(math.dist(p, q) for t in lay.ties if t.tie.target in {s.id for s in lay.systems}
               for p, q in pairwise(t.points))


def layout_ecomap(
    eco: Ecomap,
    family: Family | None = None,
    *,
    min_radius: float = 0.0,
    min_focal: float = 0.0,
    min_spread: float = 0.0,
    placed_by: Ecomap | None = None,
    text: float = 1.0,
    narrow: bool = False,
    shape: tuple[float, ...] | None = None,
    tall: float | None = None,
) -> EcomapLayout:
    """Place the focal circle, the systems and the ties of ``eco``.

    ``narrow`` (for print, where the width is scarce): each system circle is as small as its own
    label, wrapped at the spaces that make it smallest and never shrunk, and the circles stand
    with their inner edges on one ring, so one long name widens one circle instead of every circle
    and the ring; tie labels and the members' initials are as large as the system labels (the
    smallest text sets the print scale) and the ring widens by finer steps. Below
    :data:`TWO_RINGS_FROM` systems that ring is an upright ellipse (:func:`_narrow_rings`): of a few
    shapes, the one whose drawing fits the smallest frame :data:`NARROW_FRAME` times as tall as wide
    (a printed page has height to spare), growing mostly in height once wider than
    :data:`NARROW_PRINT_WIDTH` (:func:`_stretched`); ``tall``: of a frame that many times as tall as
    wide instead (a drawing printed with its legend apart has the page's whole height); ``shape``
    (a before/after pair: the first one's :attr:`EcomapLayout.shape`) fixes that shape.

    ``family`` supplies the focal members (see :meth:`Ecomap.bind`); ``min_radius`` keeps
    the ring at least that large, ``min_focal`` the focal circle and ``min_spread`` the
    gaps between the household members (a before/after pair uses the larger of the two);
    ``placed_by`` is the ecomap whose ties choose the systems' places and size the household
    (a before/after pair passes both states' ties, so that a tie removed or added at the
    evaluation moves nothing).
    """
    blocks = {s.id: system_label(s.label_for(family), text, narrow=narrow) for s in eco.systems}
    # a family member as a system: its genogram symbol (age inside) above its name
    symbols = {s.id: PERSON_SYMBOL * text for s in eco.systems if s.person is not None and family is not None}

    def content(sid: str) -> tuple[float, float]:
        b, sym = blocks[sid], symbols.get(sid, 0.0)
        return (max(b.width, sym + 8), b.height + (sym + SYMBOL_GAP + 3 if sym else 0.0))

    def own_radius(sid: str) -> float:
        if sid in symbols:
            return max(MIN_SYSTEM_R * text, math.hypot(*content(sid)) / 2 + 6)
        return max(MIN_SYSTEM_R * text, label_radius(blocks[sid]) + (NARROW_PAD if narrow else SYSTEM_PAD))

    if narrow:  # each circle as small as its own label
        radii = {sid: own_radius(sid) for sid in blocks}
    else:  # one size for every system circle: the one the widest label needs
        r_all = max([MIN_SYSTEM_R] + [math.hypot(*content(sid)) / 2 + 6 for sid in blocks])
        radii = {sid: r_all for sid in blocks}
    slots = _slots(_system_order(eco))
    if len(slots) >= TWO_RINGS_FROM and len(slots) % 2:
        slots.append(None)  # staggered rings need an even number of places
    placing = placed_by or eco  # its ties size the household and choose the systems' places
    household = _focal(placing, family, 0.0, text, narrow)  # focal circle, its label, members, family lines
    slots = _toward_members(placing, slots, household[2], household[1])  # before any spread: the same for a pair
    if narrow and len(slots) >= TWO_RINGS_FROM:
        slots = _two_ring_slots(placing, slots, household[2])
    if min_spread:
        household = _focal(placing, family, min_spread, text, narrow)
    r_max = max(radii.values(), default=MIN_SYSTEM_R)
    # room on the focal circle for every tie end (arrowheads side by side)
    ends = sum(1 for t in placing.ties if t.target == FOCAL)
    sizes = tuple(radii[sid] if sid else 0.0 for sid in slots)
    rooms = _label_rooms(placing, slots, text) if narrow and len(slots) >= TWO_RINGS_FROM else ()
    rooms = rooms if any(rooms) else ()
    start = household

    def grown(pick: int, rooms: tuple[float, ...] = (), wider: float = 0.0) -> EcomapLayout:
        """The layout whose ring grows until it is clean, on the ``pick``-th best narrow shape (``wider``:
        the household members that much further apart to start with)."""
        household = _focal(placing, family, min_spread + wider, text, narrow) if wider else start
        # the ring widens by steps of 8 % (2 % when narrow): doubling the number of steps until the layout is
        # clean, then halving the gap to the last failure (a few attempts, not dozens)
        steps, failed = 0, -1
        clean: tuple[int, EcomapLayout] | None = None
        grow, spread = 0.0, min_spread + wider
        best: EcomapLayout | None = None
        for _ in range(60):
            focal, focal_label, members, lines, kinds = household
            ring = Circle(0, 0, max(max(focal.r, ends * ARROW_ROOM / (2 * math.pi)) + grow, min_focal))
            oval = CIRCLE
            if narrow:
                rings = _narrow_rings(sizes, r_max, ring.r, rooms, tall)
                inner, oval = next((c for c in rings if c[1] == shape), rings[min(pick, len(rings) - 1)])
                outer = inner
            else:
                inner, outer = _ring_radii(max(1, len(slots)), r_max, ring.r)
            radius = max(inner * (1.02 if narrow else 1.08) ** steps, min_radius)
            far = radius if outer == inner else radius + 2 * r_max + GAP  # exactly so for a before/after pair
            cap = NARROW_PRINT_WIDTH * text / 2 - r_max - oval.side  # the largest circles' centres at that width
            half, stretched = (_stretched(inner, radius, oval, cap) if narrow else (radius, oval))
            if oval.step:  # two rings: the slots found on the smallest ellipses, moved out as these grow
                scale = (half / inner, half * stretched.aspect / (inner * oval.aspect))
                lay, short = _attempt(eco, ring, focal_label, members, lines, blocks, symbols, radii, slots,
                                      inner, (inner + oval.step) * max(scale), text, narrow, oval, scale, rooms)
            else:
                lay, short = _attempt(eco, ring, focal_label, members, lines, blocks, symbols, radii, slots,
                                      half, half if narrow else far, text, narrow, stretched)
            lay.radius = radius  # what a before/after pair shares
            lay.family_kinds = kinds
            lay.spread = spread
            lay.shape = tuple(oval)
            q = lay.quality
            if q.defects == 0:
                clean = (steps, lay)
            else:
                if best is None or q.defects < best.quality.defects:
                    best = lay
                if clean is None and (short or q.ties_through_arrows or q.arrow_overlaps):
                    # ties to members short of room, or arrowheads crowding: a larger focal
                    # circle (more lanes), then wider gaps between the members
                    grow += 2 * LANE * max(1, short)
                    if short and grow > 8 * LANE:
                        spread += 2 * LANE
                        household = _focal(placing, family, spread, text, narrow)
                    if q.defects == q.ties_through_arrows + q.arrow_overlaps:
                        continue  # the ring itself was wide enough
                failed = max(failed, steps)
            if clean is None:
                steps = 1 if steps == 0 else 2 * steps
            elif clean[0] - failed <= 1:
                return clean[1]
            else:
                steps = (failed + clean[0]) // 2
        if clean is not None:
            return clean[1]
        assert best is not None
        return best

    if not narrow or shape is not None:
        lay = grown(0, rooms if shape is not None and len(shape) > 4 and shape[4] else ())
        # review-4 D8: where a tie to a member still turns back (its member's side toward the system
        # full), the members a little further apart, at most twice, when that is clean and better
        for wider in (2 * LANE, 4 * LANE)[: 2 if _turning_back(lay) and shape is None else 0]:
            wide = grown(0, (), wider)
            if wide.quality.defects == 0 and _turning_back(wide) < _turning_back(lay):
                lay = wide
            if not _turning_back(lay):
                break
        return lay

    tall_frame = tall or (NARROW_TWO_FRAME if len(slots) >= TWO_RINGS_FROM else NARROW_FRAME)

    def frame(lay: EcomapLayout) -> tuple[int, float]:
        return lay.quality.defects, round(max(lay.bounds.w, lay.bounds.h / tall_frame), 6)

    # on two rings: the shapes with room for the tie labels kept between the systems, and those that
    # make room for them by growing
    variants = [rooms, ()] if rooms else [()]
    return min((grown(pick, room) for room in variants for pick in range(NARROW_TRIES)), key=frame)


def narrow_reach(eco: Ecomap, family: Family | None = None, text: float = 1.0) -> float:
    """A cheap estimate, without laying anything out, of how far from the focal centre a ``narrow``
    layout of ``eco`` reaches (SVG units): the smallest ring round the focal circle whose circumference
    holds every system circle with its :data:`GAP` (from :data:`TWO_RINGS_FROM` slots: the inner ring
    holds every other circle with a tie's way past it, the outer ring stands :data:`NARROW_STEPS`\\[0]
    further out), plus the largest circle. A report decides from it, before any layout, whether an
    ecomap of many systems can print whole; the real layouts (upright ellipses, which fit a page
    better) have reached at most 0.85 times as far for the same printed text.

    >>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": s} for s in "abcdefgh"]})
    >>> few, many = narrow_reach(eco), narrow_reach(eco.model_copy(update={"systems": eco.systems * 3}))
    >>> 100 < few < many
    True
    """
    radius = {s.id: max(MIN_SYSTEM_R * text, label_radius(system_label(s.label_for(family), text, narrow=True))
                        + NARROW_PAD) for s in eco.systems}
    slots = _slots(_system_order(eco))
    two = len(slots) >= TWO_RINGS_FROM
    if two and len(slots) % 2:
        slots.append(None)
    radii = [radius[sid] if sid else 0.0 for sid in slots]
    if not any(radii):
        return _focal(eco, family, 0.0, text, True)[0].r
    r_max = max(radii)
    step = NARROW_STEPS[0] * (2 * r_max + GAP) if two else 0.0
    focal = _focal(eco, family, 0.0, text, True)[0].r

    def fits(d: float) -> bool:  # the angles the circles take seen from the centre, round the ring
        if two:
            need = sum(2 * math.asin(min(1.0, (r + CLEAR + 2) / d)) for r in radii[0::2] if r)
            need = max(need, sum(2 * math.asin(min(1.0, (r + CLEAR + 2) / (d + step))) for r in radii[1::2] if r))
        else:
            need = sum(2 * math.asin(min(1.0, (r + GAP / 2) / d)) for r in radii if r)
        return need <= 2 * math.pi

    low = high = focal + r_max + NARROW_MIN_TIE
    while not fits(high):
        low, high = high, high * 2
    for _ in range(30):
        mid = (low + high) / 2
        low, high = (low, mid) if fits(mid) else (mid, high)
    return high + step + r_max


def _turning_back(lay: EcomapLayout) -> int:
    """How many ties to household members turn back on their way in (:func:`routing.approaches`)."""
    members = {m.id: m for m in lay.members}
    return sum(1 for t in lay.ties if t.tie.target in members
               and not approaches(list(t.points), members[t.tie.target].circle.center))


def measure(lay: EcomapLayout, eco: Ecomap) -> Quality:
    """Count the defects of a layout (independently of how it was made)."""
    q = Quality()
    named: list[tuple[str, Circle]] = [(FOCAL, lay.focal), *((s.id, s.circle) for s in lay.systems)]
    members = [(m.id, m.hull) for m in lay.members]

    note = q.note

    for i, (a, ca) in enumerate(named):
        for b, cb in named[i + 1 :]:
            if math.dist(ca.center, cb.center) < ca.r + cb.r - 1e-6:
                q.circle_overlaps += 1
                note(f"circles {a} and {b} overlap")
    labels: list[tuple[str, Box]] = [("focal", lay.focal_label.box)] if lay.focal_label and lay.members else []
    labels += [(f"tie {t.tie.describe()}", t.label.box) for t in lay.ties if t.label]
    for i, (a, ba) in enumerate(labels):
        for b, bb in labels[i + 1 :]:
            if ba.overlaps(bb):
                q.label_overlaps += 1
                note(f"labels of {a} and {b} overlap")
    for name, box in labels:
        if not name.startswith("tie"):
            continue
        for cname, c in named + members:
            if box_hits_circle(box, c.center, c.r):
                q.label_on_circle += 1
                note(f"label of {name} on circle {cname}")
    for s in lay.systems:  # a system label stays inside its own circle, each line whole
        b = s.label.box
        if any(math.dist(p, s.circle.center) > s.circle.r + 1e-6 for p in _line_corners(s.label)):
            q.label_on_circle += 1
            note(f"label of system {s.id} sticks out of its circle")
        if s.symbol is not None and (
            math.dist(s.symbol.center, s.circle.center) + s.symbol.r * math.sqrt(2) > s.circle.r + 1e-6
            or s.symbol.cy + s.symbol.r > b.y
        ):
            q.label_on_circle += 1
            note(f"the symbol of system {s.id} sticks out of its circle or sits on its label")
    member_ids = {m.id for m in lay.members}
    for t in lay.ties:
        ends = {t.tie.system, t.tie.target}
        if t.tie.target in member_ids:
            ends.add(FOCAL)
            m = lay.member(t.tie.target)
            if not m.on_outline(t.points[-1]):
                q.member_ties_off_member += 1
                note(f"tie {t.tie.describe()} does not end on member {m.id}")
            if any(segment_circle_distance(p, r, (m.cx, m.cy)) < m.hull.r for p, r in pairwise(t.points[:-1])):
                q.ties_through_circles += 1
                note(f"tie {t.tie.describe()} crosses member {m.id} before it ends there")
        text = _tie_text(t.tie)
        if text and t.label is None:
            q.unplaced_labels += 1
            note(f"no room for the label of tie {t.tie.describe()}")
        for p, r in pairwise(t.points):
            for cname, c in named + members:
                if cname in ends:
                    continue
                if segment_circle_distance(p, r, c.center) < c.r - 0.5:
                    q.ties_through_circles += 1
                    note(f"tie {t.tie.describe()} passes through {cname}")
            for name, box in labels:
                if name == f"tie {t.tie.describe()}":
                    continue
                if segment_hits_box(p, r, box):
                    q.label_on_line += 1
                    note(f"tie {t.tie.describe()} runs through the label of {name}")
    _measure_arrows(lay, q, note)
    return q


def _line_corners(label: Label) -> Iterator[Point]:
    """The corners of each line of a label (centred in its box, one :data:`LINE_HEIGHT` each)."""
    lh = label.size * LINE_HEIGHT
    mid = label.box.x + label.box.w / 2
    for i, line in enumerate(label.lines):
        half = text_width(line, label.size) / 2
        top = label.box.y + i * lh
        yield from ((mid - half, top), (mid + half, top), (mid - half, top + lh), (mid + half, top + lh))


def _measure_arrows(lay: EcomapLayout, q: Quality, note: Callable[[str], None]) -> None:
    """Count ties through other ties' arrowheads and arrowheads on each other or on symbols."""
    heads = [(t, h) for t in lay.ties for h in arrowheads(t.tie, t.points)]
    boxed = [(t, h, bounding_box([Box(x, y, 0, 0) for x, y in h])) for t, h in heads]
    pieces: list[tuple[TieRoute | None, Point, Point, float]] = [
        (t, p, r, w) for t in lay.ties for p, r, w in reach_pieces(t.tie, t.points)
    ]
    pieces += [(None, p, r, 1.0) for line in lay.family_lines for p, r in pairwise(line)]
    shapes = [(FOCAL, lay.focal), *((s.id, s.circle) for s in lay.systems), *((m.id, m.hull) for m in lay.members)]
    for i, (t, h, hb) in enumerate(boxed):
        near = hb.grown(12)
        for u, p, r, w in pieces:
            if u is not t and segment_hits_box(p, r, near) and segment_polygon_distance(p, r, h) < w:
                q.ties_through_arrows += 1
                what = "a family line" if u is None else f"tie {u.tie.describe()}"
                note(f"{what} runs through an arrowhead of tie {t.tie.describe()}")
        for u, g, gb in boxed[i + 1 :]:
            if hb.overlaps(gb, margin=1) and polygons_apart(h, g) < 0.5:
                q.arrow_overlaps += 1
                note(f"arrowheads of ties {t.tie.describe()} and {u.tie.describe()} touch")
        own = {t.tie.system, t.tie.target, FOCAL}
        for name, c in shapes:
            if name not in own and min(segment_circle_distance(a, b, c.center) for a, b in pairwise(h + h[:1])) < c.r:
                q.arrow_overlaps += 1
                note(f"an arrowhead of tie {t.tie.describe()} lies on {name}")
