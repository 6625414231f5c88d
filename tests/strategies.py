"""Hypothesis strategies shared by the tests: random families of many shapes."""

from __future__ import annotations

from hypothesis import strategies as st

from socialtools.draw.legend import LegendEntry
from socialtools.genogram.model import Family

KINDS = ["married", "cohabiting", "divorced", "separated", "engaged", "widowed", "unknown"]
RELATIONS = ["biological", "biological", "biological", "adopted", "foster", "step"]
REL_KINDS = ["close", "conflict", "distant", "cutoff", "fused", "hostile", "focused_on", "physical_abuse"]


@st.composite
def families(draw: st.DrawFn, max_people: int = 40, relationships: bool = True) -> Family:
    """Families grown generation by generation with several partners, twins, adoptions,
    single parents, loose people and (sometimes) a marriage between cousins."""
    people: list[dict] = []
    unions: list[dict] = []

    def new(sex: str | None = None) -> str:
        pid = f"P{len(people)}"
        name = draw(st.sampled_from(["", "Ani", "Budi Santoso", "Siti Nurhaliza binti Ahmad", "X"]))
        people.append({"id": pid, "sex": sex or draw(st.sampled_from(["male", "female", "unknown"])),
                       **({"name": name} if name else {}),
                       **({"deceased": True} if draw(st.booleans()) and draw(st.booleans()) else {}),
                       **({"index": True} if len(people) == 3 else {})})
        return pid

    generation = [new("male"), new("female")]
    unions.append({"partners": generation[:], "children": []})
    pending = [unions[-1]]
    for _ in range(draw(st.integers(1, 4))):
        nxt: list[str] = []
        for union in pending:
            for _ in range(draw(st.integers(0, 4))):
                if len(people) >= max_people:
                    break
                kid = new()
                link = {"id": kid, "relation": draw(st.sampled_from(RELATIONS))}
                union["children"].append(link)
                nxt.append(kid)
            kids = union["children"]
            if len(kids) >= 2 and draw(st.booleans()):
                kids[0]["twin"] = kids[1]["twin"] = "t"
                kids[0]["identical"] = kids[1]["identical"] = draw(st.booleans())
        pending = []
        for pid in nxt:
            if len(people) >= max_people:
                break
            for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 3]))):
                if len(people) >= max_people:
                    break
                single = draw(st.integers(0, 9)) == 0
                partners = [pid] if single else [pid, new()]
                union = {"partners": partners, "kind": draw(st.sampled_from(KINDS)), "children": []}
                if not single and draw(st.booleans()):
                    union["start"] = draw(st.integers(1950, 2020))
                unions.append(union)
                pending.append(union)
        if len(nxt) >= 4 and draw(st.integers(0, 5)) == 0:
            # a marriage inside the family (cousins or siblings' children)
            a, b = nxt[0], nxt[-1]
            union = {"partners": [a, b], "kind": "married", "consanguineous": True, "children": []}
            unions.append(union)
            pending.append(union)
    if len(people) > 6 and draw(st.integers(0, 3)) == 0:
        # a union across generations (a grandfather or stepfather and a young woman of the family)
        elder = draw(st.sampled_from(["P0", "P1"]))
        younger = f"P{draw(st.integers(3, len(people) - 1))}"
        union = {"partners": [elder, younger], "kind": draw(st.sampled_from(KINDS)), "children": []}
        if len(people) < max_people:
            union["children"].append({"id": new()})
        unions.append(union)
    for _ in range(draw(st.integers(0, 3))):
        new()  # people with no relatives in the data
    data: dict = {"people": people, "unions": unions}
    ids = [p["id"] for p in people]
    if relationships and len(ids) >= 2:
        pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=4))
        rels = {(*sorted((a, b)), draw(st.sampled_from(REL_KINDS))): [a, b] for a, b in pairs if a != b}
        # one relationship of a kind per pair: a repeated one is an input error
        data["relationships"] = [{"between": between, "kind": key[2]} for key, between in rels.items()]
    if draw(st.booleans()):
        data["households"] = [{"label": "Rumah", "members": draw(st.lists(st.sampled_from(ids), min_size=1,
                                                                          max_size=5, unique=True))}]
    return Family.model_validate(data)


@st.composite
def loopy_families(draw: st.DrawFn, max_people: int = 70, across: bool = False, spanning: bool = False) -> Family:
    """Families with every loop shape that breaks tree layouts: two founding branches that
    intermarry, cousin marriages, remarriage chains (A–B, B–C, C–D, each with children),
    half-siblings, one person with children by two siblings of another family, and large
    sibships (up to 9 children). With ``across``: also marriages into a younger generation
    (not of one's own descendants), which put a child two or more rows below its parents. With
    ``spanning``: also unions whose partners must stand on two rows (someone's partner marries
    one of that person's descendants, as in royal houses), one to three rows apart."""
    people: list[dict] = []
    unions: list[dict] = []
    gen_of: dict[str, int] = {}
    kids_of: dict[str, list[str]] = {}  # union index -> children
    ancestors: dict[str, set[str]] = {}

    def new(gen: int, sex: str | None = None) -> str:
        pid = f"P{len(people)}"
        people.append({"id": pid, "sex": sex or draw(st.sampled_from(["male", "female"])),
                       "birth": 1900 + 25 * gen + len(people) % 20})
        gen_of[pid] = gen
        return pid

    def union(a: str, b: str, children: int, start: int | None = None, **extra: object) -> str:
        kids = [new(gen_of[a] + 1) for _ in range(children) if len(people) < max_people]
        for k in kids:
            ancestors[k] = {a, b} | ancestors.get(a, set()) | ancestors.get(b, set())
        u = {"partners": [a, b], "children": kids, **extra}
        if start is not None:
            u["start"] = start
        unions.append(u)
        kids_of[str(len(unions) - 1)] = kids
        return str(len(unions) - 1)

    branches = [union(new(0, "male"), new(0, "female"), draw(st.integers(2, 9))) for _ in range(2)]
    pool = [c for b in branches for c in kids_of[b]]
    for _ in range(draw(st.integers(2, 7))):
        if len(people) >= max_people or len(pool) < 2:
            break
        shape = draw(st.sampled_from(["outsider", "intermarriage", "cousins", "chain", "half", "two-siblings"]))
        a = draw(st.sampled_from(pool))
        same_gen = [p for p in pool if p != a and gen_of[p] == gen_of[a]]
        if shape in ("intermarriage", "cousins") and same_gen:
            b = draw(st.sampled_from(same_gen))
            pool += kids_of[union(a, b, draw(st.integers(0, 4)), consanguineous=shape == "cousins")]
        elif shape == "chain":
            x = a
            for k in range(draw(st.integers(2, 4))):
                y = new(gen_of[a])
                pool += kids_of[union(x, y, draw(st.integers(0, 3)), start=1950 + 5 * k)]
                x = y
        elif shape == "half":
            for k in range(2):
                pool += kids_of[union(a, new(gen_of[a]), draw(st.integers(1, 3)), start=1990 - 10 * k)]
        elif shape == "two-siblings":
            sibs = [new(gen_of[a]) for _ in range(2)]
            parents = union(new(gen_of[a] - 1), new(gen_of[a] - 1), 0)
            unions[int(parents)]["children"] = sibs
            for s in sibs:
                pool += kids_of[union(a, s, draw(st.integers(1, 2)))]
        else:
            pool += kids_of[union(a, new(gen_of[a]), draw(st.integers(0, 9)))]
    for _ in range(draw(st.integers(1, 3)) if across else 0):
        # someone marries into a younger generation of a branch they do not descend from
        a = draw(st.sampled_from(pool))
        younger = [p for p in pool if gen_of[p] > gen_of[a] and a not in ancestors.get(p, set())
                   and p not in ancestors.get(a, set())]
        if younger and len(people) < max_people:
            b = draw(st.sampled_from(younger))
            pool += kids_of[union(b, a, draw(st.integers(0, 3)))]
    for k in range(draw(st.integers(1, 3)) if spanning else 0):
        # a partner of an ancestor marries the descendant: their rows cannot be one. The first
        # such union is made even when the family is full, so that every spanning family has one.
        young = [p for p in pool if ancestors.get(p)]
        if not young or (k and len(people) >= max_people):
            break
        b = draw(st.sampled_from(young))
        elder = draw(st.sampled_from(sorted(ancestors[b])))
        z = new(gen_of[elder])
        union(elder, z, 0)
        pool += kids_of[union(b, z, draw(st.integers(0, 3)))]
    return Family.model_validate({"people": people, "unions": unions})


#: Legend labels of a report genogram, short and long (wrapped at their spaces in a tight legend).
LEGEND_LABELS = ["Laki-laki", "Perempuan", "Klien (orang indeks)", "Cerai mati (janda/duda)", "Anak angkat (adopsi)",
                 "Pengasuh (panah: ke yang diasuh)", "ketergantungan alkohol (dalam pemulihan)",
                 "Tinggal serumah: Rumah Jl. Melati, Cibeber", "Rujuk setelah berpisah", "Sangat dekat (menyatu)",
                 "Arah aliran energi/dukungan (ke penerima)", "Dekat", "Jauh"]


def legend_labels(min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[list[str]]:
    """Lists of report legend labels (repeats allowed)."""
    return st.lists(st.sampled_from(LEGEND_LABELS), min_size=min_size, max_size=max_size)


def blank_entries(labels: list[str]) -> list[LegendEntry]:
    """Legend entries of ``labels`` whose samples draw nothing (for measuring a legend's box)."""
    return [LegendEntry(label, lambda canvas, g, box: None) for label in labels]


def slip_lines(draw: st.DrawFn, lines: list, i: int, action: str) -> bool:
    """Make the slip ``action`` at line ``i`` of ``lines`` (str or bytes) in place, when it is one
    of the slips both fuzz tests make: a line deleted, doubled, swapped with another, or the file cut
    off inside it. Returns whether it was one of them.

    >>> lines = ["a", "b"]
    >>> slip_lines(None, lines, 0, "duplicate"), lines  # type: ignore[arg-type]
    (True, ['a', 'a', 'b'])
    """
    if action == "delete":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "cut":
        del lines[i + 1:]
        lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    else:
        return False
    return True
