"""Layout of the institutional Venn diagram: pure geometry from the model, with quality measures.

The community (or client) is a circle at the origin. Each institution gets

* a radius from its importance, in graded steps (:data:`RADII`);
* a distance from the centre from its closeness: very close circles overlap the centre
  circle, "dekat" ones touch it, farther ones leave a gap that widens by :data:`GAP_STEP` per
  quarter of closeness (:func:`target_distance`);
* an angle, searched so that circles overlap *only* where cooperation is declared, and then by
  the depth its level asks for (:func:`target_pair_distance`).

When a circle finds no room at its distance it moves outward step by step; a cooperating
circle may move toward its partner. Every such move is reported in :class:`Quality`.

>>> from socialtools.venn.institutional.model import InstitutionalVenn
>>> venn = InstitutionalVenn(institutions=[
...     {"name": "Puskesmas", "importance": 3, "closeness": 0.75},
...     {"name": "Posyandu", "importance": 2, "closeness": 1.0}],
...     cooperation=[{"between": ["Puskesmas", "Posyandu"], "level": 2}])
>>> lay = layout_institutional(venn)
>>> lay.quality.unintended_overlaps, lay.quality.missed_cooperation, lay.quality.label_collisions
([], [], 0)
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from socialtools.draw.geometry import (
    Box,
    Circle,
    Label,
    Point,
    bounding_box,
    box_hits_circle,
    box_inside_circle,
    segment_hits_box,
    segment_hits_circle,
)
from socialtools.draw.placer import Obstacles, first_clear
from socialtools.draw.quality import Quality as BaseQuality
from socialtools.draw.text import LINE_HEIGHT, TextBlock, text_width, wrap
from socialtools.venn.institutional.model import Institution, InstitutionalVenn

CENTRE_RADIUS = 72.0
RADII = {1: 28.0, 2: 38.0, 3: 50.0, 4: 64.0}
"""Circle radius by importance level (1 = kecil ... 4 = sangat besar)."""
GAP_STEP = 48.0
"""Extra gap between a circle and the centre circle per 0.25 less closeness below 'dekat' (0.75)."""
CENTRE_OVERLAP = 0.45
"""A closeness-1 circle reaches this fraction of its radius into the centre circle."""
COOPERATION_DEPTH = {1: 0.22, 2: 0.38, 3: 0.55}
"""Overlap depth of a cooperating pair, as a fraction of the smaller radius, by level."""
CLEARANCE = 8.0
"""Minimum gap between circles that must not overlap."""
DISTANCE_TOLERANCE = 6.0
"""A circle counts as 'at its distance' when within this many units of the target."""
DEPTH_TOLERANCE = 0.12
"""A declared overlap counts as right when its depth is within this fraction of the smaller radius."""
LABEL_SIZE = 10.0
LABEL_SIZE_SMALL = 9.0
LABEL_PAD = 3.0
STEP = 6.0
ANGLES = 120


@dataclass(frozen=True, kw_only=True)
class InstitutionCircle(Circle):
    """One drawn circle: centre, radius and the institution's index (-1 for the centre)."""

    index: int
    name: str
    target_distance: float

    @property
    def distance(self) -> float:
        return math.hypot(self.cx, self.cy)


@dataclass(frozen=True, kw_only=True)
class InstitutionLabel(Label):
    """An institution's label (``index`` -1 for the centre): inside its circle, or outside with a
    ``leader`` line from the circle to the box."""

    index: int
    inside: bool
    leader: tuple[Point, Point] | None = None


@dataclass
class Quality(BaseQuality):
    """How well the drawing follows the data: the pairs that touch or miss, and label collisions
    are defects; distances moved off their closeness and labels set outside are measures."""

    DEFECTS = ("unintended_overlaps", "missed_cooperation", "label_collisions")

    unintended_overlaps: list[tuple[str, str]] = field(default_factory=list)
    missed_cooperation: list[tuple[str, str]] = field(default_factory=list)
    distance_errors: dict[str, float] = field(default_factory=dict)
    label_collisions: int = 0
    labels_outside: int = 0
    intended_overlaps: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class InstitutionalLayout:
    """Plain coordinates of the whole diagram, centred on the origin."""

    centre: InstitutionCircle
    circles: list[InstitutionCircle]
    labels: list[InstitutionLabel]
    centre_label: InstitutionLabel
    bounds: Box
    quality: Quality


def radius_for(inst: Institution) -> float:
    """Radius of an institution's circle from its importance level."""
    return RADII[inst.importance]


def target_distance(inst: Institution, centre_radius: float = CENTRE_RADIUS) -> float:
    """Distance of the circle's centre from the diagram's centre, from closeness.

    >>> target_distance(Institution(name="x", importance=2, closeness=0.75))
    110.0
    """
    r = radius_for(inst)
    c = inst.closeness
    gap = -CENTRE_OVERLAP * r * (c - 0.75) / 0.25 if c > 0.75 else GAP_STEP * (0.75 - c) / 0.25
    return centre_radius + r + gap


def target_pair_distance(r1: float, r2: float, level: int) -> float:
    """Centre distance of two cooperating circles: they overlap by a depth set by ``level``."""
    return r1 + r2 - COOPERATION_DEPTH[level] * min(r1, r2)


ORDERINGS = ("importance", "degree", "closeness")


def _order(venn: InstitutionalVenn, ordering: str = "importance") -> list[int]:
    """Placement order: cooperation groups first (largest, breadth-first), then the rest.

    Within a group the first circle (the anchor, placed exactly) is the most important one,
    the best connected one or the closest one, by ``ordering``.
    """
    n = len(venn.institutions)
    index = {inst.name: i for i, inst in enumerate(venn.institutions)}
    nbrs: dict[int, list[int]] = {i: [] for i in range(n)}
    for pair in venn.cooperation:
        a, b = index[pair.between[0]], index[pair.between[1]]
        nbrs[a].append(b)
        nbrs[b].append(a)

    def weight(i: int) -> tuple[float, float, int]:
        inst = venn.institutions[i]
        if ordering == "degree":
            return (-len(nbrs[i]), -inst.importance, i)
        if ordering == "closeness":
            return (-inst.closeness, -inst.importance, i)
        return (-inst.importance, -len(nbrs[i]), i)

    seen: set[int] = set()
    groups: list[list[int]] = []
    for start in sorted(range(n), key=weight):
        if start in seen:
            continue
        group, queue = [], [start]
        seen.add(start)
        while queue:
            i = queue.pop(0)
            group.append(i)
            for j in sorted(nbrs[i], key=weight):
                if j not in seen:
                    seen.add(j)
                    queue.append(j)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g), weight(g[0])))
    return [i for g in groups for i in g]


class _Placer:
    def __init__(self, venn: InstitutionalVenn, centre_radius: float) -> None:
        self.venn = venn
        self.rc = centre_radius
        self.r = [radius_for(inst) for inst in venn.institutions]
        self.target = [target_distance(inst, centre_radius) for inst in venn.institutions]
        index = {inst.name: i for i, inst in enumerate(venn.institutions)}
        self.pair_d: dict[tuple[int, int], float] = {}
        for pair in venn.cooperation:
            a, b = index[pair.between[0]], index[pair.between[1]]
            d = target_pair_distance(self.r[a], self.r[b], pair.level)
            self.pair_d[(a, b)] = self.pair_d[(b, a)] = d
        self.pos: dict[int, Point] = {}
        self.missed: list[tuple[int, int]] = []

    def _fits(self, i: int, p: Point, require: set[int]) -> float | None:
        """Clearance to the nearest non-partner (None when a rule is broken)."""
        r = self.r[i]
        d0 = math.hypot(*p)
        close = self.venn.institutions[i].closeness > 0.75
        if not close and d0 < self.rc + r - 0.5:
            return None
        if close and d0 < self.rc - r * 0.2:  # would hide most of the centre circle
            return None
        best = math.inf
        for j, q in self.pos.items():
            d = math.dist(p, q)
            want = self.pair_d.get((i, j))
            if want is not None and j in require:
                if abs(d - want) > DEPTH_TOLERANCE * min(r, self.r[j]) * 0.5:
                    return None
            else:
                gap = d - r - self.r[j]
                if gap < CLEARANCE:
                    return None
                best = min(best, gap)
        return best

    def _candidates(self, i: int, dist: float, partners: list[int]) -> list[tuple[float, Point]]:
        out: list[tuple[float, Point]] = []
        if partners:
            for j in partners:
                q = self.pos[j]
                dj = math.hypot(*q)
                want = self.pair_d[(i, j)]
                if dist <= 0 or dj <= 0:
                    continue
                cos = (dist * dist + dj * dj - want * want) / (2 * dist * dj)
                if abs(cos) > 1:
                    continue
                base = math.atan2(q[1], q[0])
                delta = math.acos(cos)
                for sign in (1, -1):
                    a = base + sign * delta
                    out.append((a, (dist * math.cos(a), dist * math.sin(a))))
        else:
            for k in range(ANGLES):
                a = -math.pi / 2 + 2 * math.pi * k / ANGLES
                out.append((a, (dist * math.cos(a), dist * math.sin(a))))
        return out

    def _best(self, i: int, dist: float, partners: list[int], preferred: float) -> Point | None:
        best: tuple[float, float, Point] | None = None
        for a, p in self._candidates(i, dist, partners):
            clear = self._fits(i, p, set(partners))
            if clear is None:
                continue
            turn = abs((a - preferred + math.pi) % (2 * math.pi) - math.pi)
            score = min(clear, 60.0) - 4.0 * turn
            key = (score, -turn)
            if best is None or key > best[:2]:
                best = (score, -turn, p)
        return best[2] if best else None

    def _meet(self, i: int, partners: list[int], target: float) -> Point | None:
        """A spot at the asked overlap with two placed partners at once (closest to the target distance)."""
        found: list[tuple[float, Point]] = []
        for a in range(len(partners)):
            for b in range(a + 1, len(partners)):
                p, q = self.pos[partners[a]], self.pos[partners[b]]
                ra, rb = self.pair_d[(i, partners[a])], self.pair_d[(i, partners[b])]
                d = math.dist(p, q)
                if d == 0 or d > ra + rb or d < abs(ra - rb):
                    continue
                x = (d * d + ra * ra - rb * rb) / (2 * d)
                h = math.sqrt(max(0.0, ra * ra - x * x))
                ux, uy = (q[0] - p[0]) / d, (q[1] - p[1]) / d
                for sign in (1, -1):
                    spot = (p[0] + x * ux - sign * h * uy, p[1] + x * uy + sign * h * ux)
                    if self._fits(i, spot, set(partners)) is not None:
                        found.append((abs(math.hypot(*spot) - target), spot))
        found.sort()
        return found[0][1] if found and found[0][0] <= 10 * STEP else None

    def _spot(self, i: int, partners: list[int], preferred: float) -> Point:
        """Where circle ``i`` goes, given the partners already placed (always finds a spot)."""
        target = self.target[i]
        spot = self._meet(i, partners, target) if len(partners) > 1 else None
        if partners and spot is None:
            # all placed partners at once, then each single partner, at growing detours
            tries = [partners] + [[j] for j in partners] if len(partners) > 1 else [partners]
            for subset in tries:
                for dist in self._reach(i, subset[0], target):
                    spot = self._best(i, dist, subset, preferred)
                    if spot:
                        return spot
        k = 0
        while spot is None:  # no room at its distance: move outward, in growing steps
            spot = self._best(i, target + _outward(k), [], preferred)
            k += 1
        return spot

    def _reach(self, i: int, j: int, target: float) -> list[float]:
        """Distances from the centre at which ``i`` can overlap ``j`` as asked, nearest the target first."""
        dj = math.hypot(*self.pos[j])
        want = self.pair_d[(i, j)]
        lo, hi = max(abs(dj - want), 1.0), dj + want
        steps = int((hi - lo) // STEP) + 1
        ds = [lo + k * STEP for k in range(steps)] + [hi, min(max(target, lo), hi)]
        return sorted(set(ds), key=lambda d: (abs(d - target), d))

    def _met(self, i: int, j: int, p: Point | None = None) -> bool:
        """Whether the pair (i, j) overlaps at its asked depth (with ``i`` at ``p`` when given)."""
        d = math.dist(p or self.pos[i], self.pos[j])
        return abs(d - self.pair_d[(i, j)]) <= DEPTH_TOLERANCE * min(self.r[i], self.r[j]) * 0.5

    def place(self, order: list[int]) -> None:
        n = len(order)
        for rank, i in enumerate(order):
            preferred = -math.pi / 2 + 2 * math.pi * rank / max(n, 1)
            if not self.pos:
                target = self.target[i]
                self.pos[i] = (target * math.cos(preferred), target * math.sin(preferred))
                continue
            self.pos[i] = self._spot(i, [j for j in self.pos if (i, j) in self.pair_d], preferred)
        self._repair(order)

    def _repair(self, order: list[int], rounds: int = 3) -> None:
        """Move one circle of each pair that missed its overlap, when that meets more of its pairs."""
        rank = {i: k for k, i in enumerate(order)}
        for _ in range(rounds):
            missed = sorted({(a, b) for (a, b) in self.pair_d if rank[a] < rank[b] and not self._met(a, b)},
                            key=lambda pair: (rank[pair[1]], rank[pair[0]]))
            improved = False
            for a, b in missed:
                if self._met(a, b):
                    continue
                for k in (b, a):
                    old = self.pos.pop(k)
                    partners = [j for j in self.pos if (k, j) in self.pair_d]
                    before = sum(self._met(k, j, old) for j in partners)
                    new = self._spot(k, partners, math.atan2(old[1], old[0]))
                    if sum(self._met(k, j, new) for j in partners) > before:
                        self.pos[k] = new
                        improved = True
                        break
                    self.pos[k] = old
                else:
                    improved = self._make_room(a, b) or self._make_room(b, a) or improved
            if not improved:
                break

    def _make_room(self, hub: int, other: int) -> bool:
        """Move another partner of ``hub`` along its own possible spots so that ``other`` fits too."""
        for sib in [j for j in self.pos if (hub, j) in self.pair_d and j != other and self._met(hub, j)]:
            old_sib, old_other = self.pos.pop(sib), self.pos.pop(other)
            sib_partners = [j for j in self.pos if (sib, j) in self.pair_d]
            other_partners = [j for j in [*self.pos, sib] if (other, j) in self.pair_d]
            kept = [j for j in sib_partners if self._met(sib, j, old_sib)]
            before = sum(self._met(other, j, old_other) for j in other_partners if j != sib) + \
                ((other, sib) in self.pair_d and abs(math.dist(old_other, old_sib) - self.pair_d[(other, sib)])
                 <= DEPTH_TOLERANCE * min(self.r[other], self.r[sib]) * 0.5)
            for alt in self._alternatives(sib, hub, kept)[:48]:
                self.pos[sib] = alt
                if not all(self._met(sib, j) for j in kept):
                    continue
                for new in self._alternatives(other, hub, [])[:24]:
                    if sum(self._met(other, j, new) for j in other_partners) > before:
                        self.pos[other] = new
                        return True
            self.pos[sib], self.pos[other] = old_sib, old_other
        return False

    def _alternatives(self, k: int, hub: int, partners: list[int]) -> list[Point]:
        """Every spot where ``k`` overlaps ``hub`` as asked and breaks no rule (nearest its target first)."""
        out = []
        for dist in self._reach(k, hub, self.target[k]):
            for _, p in self._candidates(k, dist, [hub]):
                if self._fits(k, p, set(partners) | {hub}) is not None:
                    out.append(p)
        return out


def _outward(k: int) -> float:
    """The k-th outward detour: 0, 6, 12, 18, 24, then 30 % longer each time."""
    return STEP * k if k <= 4 else STEP * 4 * 1.3 ** (k - 4)


def balanced_block(text: str, max_width: float, size: float, *, bold: bool = False) -> TextBlock:
    """``text`` wrapped to ``max_width`` in as many lines as plain wrapping takes, its lines as even
    as they can be: the narrowest width that keeps that many lines (and cuts no word that fits
    whole), so no line is a lone short piece (``Keluarga Bapak`` / ``S`` becomes ``Keluarga`` /
    ``Bapak S``).

    >>> balanced_block("Keluarga Bapak S", 93.6, 11).lines
    ('Keluarga', 'Bapak S')
    >>> balanced_block("Keluarga PK", 93.6, 11).lines
    ('Keluarga PK',)
    """
    lines = [line for line in wrap(text, max_width, size, bold=bold) if line]
    if len(lines) < 2:
        return TextBlock(tuple(lines), size, bold)
    widest_word = max(text_width(w, size, bold=bold) for w in text.split())
    low, high = min(widest_word, max_width), max_width
    for _ in range(20):  # the narrowest width with as many lines: a bisection to a tiny fraction of a unit
        middle = (low + high) / 2
        if len(wrap(text, middle, size, bold=bold)) <= len(lines):
            high = middle
        else:
            low = middle
    return TextBlock(tuple(line for line in wrap(text, high, size, bold=bold) if line), size, bold)


def centre_block_of(text: str, max_width: float) -> TextBlock:
    """The centre's name in balanced lines (:func:`balanced_block`), measured bold as it is drawn, at
    ``LABEL_SIZE + 1``, or a little smaller — down to :data:`LABEL_SIZE_SMALL`, the floor of every
    Venn label — where that keeps a letter or two from standing on a line by themselves, or a long
    word from being cut in two (``Kusumaningru`` / ``m S``); where no size does, the balanced lines
    at the first size. The block's ``size`` is the size to draw it at.

    >>> block = centre_block_of("Pak Kusumaningrum S", 93.6)
    >>> block.lines, block.size, block.bold
    (('Pak', 'Kusumaningrum S'), 9.0, True)
    """
    first = balanced_block(text, max_width, LABEL_SIZE + 1, bold=True)
    size = LABEL_SIZE + 1
    while size >= LABEL_SIZE_SMALL:
        block = balanced_block(text, max_width, size, bold=True)
        whole = " ".join(block.lines).split() == text.split()  # no word cut in two
        if whole and (len(block.lines) < 2 or all(len(line.strip()) > 2 for line in block.lines)):
            return block
        size -= 0.5
    return first


def _inside_label(i: int, name: str, c: InstitutionCircle, others: list[InstitutionCircle]) -> InstitutionLabel | None:
    """The name inside its circle, centred or nudged, clear of the circles overlapping it (or None)."""
    neighbours = Obstacles([o for o in others if o.index != c.index])
    for size in (LABEL_SIZE, LABEL_SIZE_SMALL):
        width = 2 * c.r * 0.82
        block = TextBlock.wrapped([name], width, size)
        if len(block.lines) > 3 or " ".join(block.lines).split() != name.split():
            continue  # too many lines, or a word would be cut in two
        w, h = block.width, block.height
        spots = (Box(cx - w / 2, cy - h / 2, w, h)
                 for t in (0.0, 0.12, 0.24) for k in range(8 if t else 1)
                 for cx, cy in [(c.cx + t * c.r * math.cos(-math.pi / 2 + k * math.pi / 4),
                                 c.cy + t * c.r * math.sin(-math.pi / 2 + k * math.pi / 4))])
        box = first_clear(spots, lambda b: not box_inside_circle(b, c.center, c.r, LABEL_PAD),
                          lambda b: neighbours.box_hits_circle(b, 2.0))
        if box is not None:
            return InstitutionLabel(block.lines, size, box, index=i, inside=True)
    return None


def _outside_label(
    i: int, name: str, c: InstitutionCircle, circles: list[InstitutionCircle], placed: list[InstitutionLabel]
) -> tuple[InstitutionLabel, bool]:
    """The name outside its circle on a leader, round the circle from its outward side; the first
    spot clear of circles, labels and leaders (False with the first spot tried when none is)."""
    block = TextBlock.wrapped([name], max(90.0, text_width(name, LABEL_SIZE) / 2 + 10), LABEL_SIZE)
    w, h = block.width, block.height
    base = math.atan2(c.cy, c.cx) if (c.cx or c.cy) else -math.pi / 2
    obstacles = Obstacles(circles, boxes=[p.box for p in placed])
    others = [o for o in circles if o.index != c.index]

    def spots() -> Iterator[InstitutionLabel]:
        for gap in (10.0, 22.0, 38.0, 58.0, 84.0, 120.0):
            for k in range(37):
                a = base + (k + 1) // 2 * (math.pi / 18) * (1 if k % 2 else -1)
                ux, uy = math.cos(a), math.sin(a)
                ext = abs(ux) * w / 2 + abs(uy) * h / 2
                start = (c.cx + c.r * ux, c.cy + c.r * uy)
                end = (c.cx + (c.r + gap) * ux, c.cy + (c.r + gap) * uy)
                bx, by = c.cx + (c.r + gap + ext) * ux, c.cy + (c.r + gap + ext) * uy
                yield InstitutionLabel(block.lines, LABEL_SIZE, Box(bx - w / 2, by - h / 2, w, h), index=i,
                                       inside=False, leader=(start, end))

    def leader_blocked(label: InstitutionLabel) -> bool:
        assert label.leader is not None
        start, end = label.leader
        return (any(segment_hits_circle(start, end, o.center, o.r) for o in others)
                or any(_segment_hits_box(start, end, p.box) for p in placed)
                or any(p.leader is not None and _segment_hits_box(p.leader[0], p.leader[1], label.box)
                       for p in placed))

    label = first_clear(spots(), lambda lb: obstacles.box_hits_circle(lb.box, 3.0),
                        lambda lb: obstacles.box_hits_box(lb.box, 3.0), leader_blocked)
    return (label, True) if label is not None else (next(spots()), False)


def _segment_hits_box(p: Point, q: Point, box: Box) -> bool:
    return segment_hits_box(p, q, box.grown(2.0), shrink=0.0)


def layout_institutional(venn: InstitutionalVenn, centre_radius: float | None = None) -> InstitutionalLayout:
    """Place every circle and label; the result carries its own :class:`Quality`.

    Without ``centre_radius`` the centre circle grows (from :data:`CENTRE_RADIUS`, in steps)
    until every circle sits at its distance, or the best attempt is kept.
    """
    if centre_radius is not None:
        return _layout(venn, centre_radius)
    best: tuple[tuple[float, ...], InstitutionalLayout] | None = None
    unavoidable = _pair_forced_moves(venn)
    orderings = ORDERINGS if venn.cooperation else ORDERINGS[:1]
    stale = 0
    start = _crowded_centre(venn)
    step = 12.0 * max(1.0, len(venn.institutions) / 10)
    for k in range(8):
        before = best[0] if best else None
        for ordering in orderings:
            lay = _layout(venn, start + step * k, ordering)
            q = lay.quality
            avoidable = sum(err for name, err in q.distance_errors.items() if name not in unavoidable)
            key = (len(q.unintended_overlaps), len(q.missed_cooperation), q.label_collisions, avoidable,
                   sum(q.distance_errors.values()))
            if best is None or key < best[0]:
                best = (key, lay)
            if key[:4] == (0, 0, 0, 0):
                return lay
        stale = stale + 1 if before is not None and best is not None and best[0] >= before else 0
        if stale >= 2:  # a bigger centre no longer helps
            break
    assert best is not None
    return best[1]


def _crowded_centre(venn: InstitutionalVenn) -> float:
    """A first centre radius with room for the circles that touch or overlap the centre."""
    near = [radius_for(inst) for inst in venn.institutions if inst.closeness >= 0.75]
    if not near:
        return CENTRE_RADIUS
    need = sum(2 * r + CLEARANCE for r in near) / (2 * math.pi) - sum(near) / len(near)
    return max(CENTRE_RADIUS, round(need / 6.0) * 6.0)


def _pair_forced_moves(venn: InstitutionalVenn) -> set[str]:
    """Institutions whose cooperation forces a move: their distances differ more than an overlap allows."""
    by_name = {inst.name: inst for inst in venn.institutions}
    out: set[str] = set()
    for pair in venn.cooperation:
        a, b = (by_name[n] for n in pair.between)
        reach = target_pair_distance(radius_for(a), radius_for(b), pair.level)
        if abs(target_distance(a) - target_distance(b)) > reach:
            out.update(pair.between)
    return out


def _layout(
    venn: InstitutionalVenn, centre_radius: float, ordering: str = "importance"
) -> InstitutionalLayout:
    placer = _Placer(venn, centre_radius)
    placer.place(_order(venn, ordering))
    centre = InstitutionCircle(0.0, 0.0, centre_radius, index=-1, name=venn.centre, target_distance=0.0)
    circles = [
        InstitutionCircle(round(placer.pos[i][0], 3), round(placer.pos[i][1], 3), placer.r[i], index=i, name=inst.name,
                          target_distance=placer.target[i])
        for i, inst in enumerate(venn.institutions)
    ]
    everything = [centre, *circles]
    quality = Quality()
    names = [inst.name for inst in venn.institutions]
    for c in circles:
        err = abs(c.distance - c.target_distance)
        if err > DISTANCE_TOLERANCE:
            quality.distance_errors[c.name] = round(err, 1)
        if c.distance < centre_radius + c.r - 1.0:
            quality.intended_overlaps.append((venn.centre, c.name))
    for a in range(len(circles)):
        for b in range(a + 1, len(circles)):
            ca, cb = circles[a], circles[b]
            depth = ca.r + cb.r - math.dist(ca.center, cb.center)
            want = placer.pair_d.get((a, b))
            if want is None:
                if depth > -1.0:
                    quality.unintended_overlaps.append((ca.name, cb.name))
            else:
                want_depth = ca.r + cb.r - want
                if abs(depth - want_depth) > DEPTH_TOLERANCE * min(ca.r, cb.r):
                    quality.missed_cooperation.append((ca.name, cb.name))
                else:
                    quality.intended_overlaps.append((ca.name, cb.name))
    for c in circles:  # far circles must not touch the centre
        close = venn.institutions[c.index].closeness > 0.75
        if not close and c.distance < centre_radius + c.r - 1.0:
            quality.unintended_overlaps.append((venn.centre, c.name))

    centre_block = centre_block_of(venn.centre, centre_radius * 1.3)
    centre_label = InstitutionLabel(centre_block.lines, centre_block.size,
                                    Box(-centre_block.width / 2, -centre_block.height / 2, centre_block.width,
                                        centre_block.height), index=-1, inside=True)
    if any(box_hits_circle(centre_label.box, c.center, c.r, 2.0) for c in circles):
        quality.label_collisions += 1

    labels: list[InstitutionLabel] = []
    pending = []
    for c in circles:
        label = _inside_label(c.index, names[c.index], c, everything)
        if label:
            labels.append(label)
        else:
            pending.append(c)
    pending.sort(key=lambda c: (-c.distance, c.index))
    for c in sorted(pending, key=lambda c: (c.distance, c.index)):
        label, ok = _outside_label(c.index, names[c.index], c, everything, [centre_label, *labels])
        quality.labels_outside += 1
        if not ok:
            quality.label_collisions += 1
        labels.append(label)
    labels.sort(key=lambda label: label.index)
    boxes = [Box(c.cx - c.r, c.cy - c.r, 2 * c.r, 2 * c.r) for c in everything] + [lb.box for lb in labels]
    bounds = bounding_box(boxes)
    quality.unintended_overlaps = sorted(set(quality.unintended_overlaps))
    return InstitutionalLayout(centre, circles, labels, centre_label, bounds, quality)


def line_height(size: float) -> float:
    """Baseline-to-baseline distance of label lines."""
    return size * LINE_HEIGHT
