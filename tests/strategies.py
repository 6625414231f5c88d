"""Hypothesis strategies shared by the tests: random families of many shapes."""

from __future__ import annotations

from hypothesis import strategies as st

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
        data["relationships"] = [{"between": [a, b], "kind": draw(st.sampled_from(REL_KINDS))}
                                 for a, b in pairs if a != b]
    if draw(st.booleans()):
        data["households"] = [{"label": "Rumah", "members": draw(st.lists(st.sampled_from(ids), min_size=1,
                                                                          max_size=5, unique=True))}]
    return Family.model_validate(data)
