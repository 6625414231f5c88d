"""Invented families of any size, for benchmarks, tests and demonstrations.

Deterministic: the same ``size`` and ``seed`` give the same family.

>>> f = synthetic_family(50, seed=1)
>>> len(f.people)
50
"""

from __future__ import annotations

import random

from socialtools.genogram.model import Family


def synthetic_family(size: int, seed: int = 0, *, remarriage: float = 0.12, relationships: int = 0) -> Family:
    """A pedigree of about ``size`` people grown generation by generation from one couple.

    Each person of the newest generation marries with some probability (a new partner
    from outside the family), sometimes a second time, and has 0–4 children; twins,
    adoptions and deaths are sprinkled in.
    """
    rng = random.Random(seed)
    people: list[dict[str, object]] = []
    unions: list[dict[str, object]] = []
    counter = 0

    def person(sex: str, birth: int) -> str:
        nonlocal counter
        counter += 1
        pid = f"P{counter}"
        people.append({"id": pid, "sex": sex, "birth": birth, "name": f"Orang {counter}",
                       **({"death": birth + rng.randint(40, 80)} if birth < 1950 and rng.random() < 0.5 else {})})
        return pid

    sex_of: dict[str, str] = {}

    def add(sex: str, birth: int) -> str:
        pid = person(sex, birth)
        sex_of[pid] = sex
        return pid

    founders = [add("male", 1900), add("female", 1902)]
    couples = [(founders[0], founders[1], 1900)]
    while counter < size and couples:
        nxt: list[tuple[str, int]] = []
        for a, b, year in couples:
            kids = []
            for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
                if counter >= size:
                    break
                kid_year = year + rng.randint(20, 35)
                kid = add(rng.choice(("male", "female")), kid_year)
                link: dict[str, object] = {"id": kid}
                if rng.random() < 0.05:
                    link["relation"] = "adopted"
                kids.append(link)
                nxt.append((kid, kid_year))
            if len(kids) >= 2 and rng.random() < 0.1:
                kids[0]["twin"] = kids[1]["twin"] = "t"
            unions.append({"partners": [a, b], "kind": "married", "start": year + 22, "children": kids})
        couples = []
        for i, (pid, year) in enumerate(nxt):
            if counter >= size:
                break
            if rng.random() < 0.6 or (i == len(nxt) - 1 and not couples):
                other = "female" if sex_of[pid] == "male" else "male"
                couples.append((pid, add(other, year + rng.randint(-3, 3)), year))
                if rng.random() < remarriage and counter < size:
                    couples.append((pid, add(other, year + rng.randint(-3, 6)), year + 10))
    for a, b, year in couples:  # the youngest couples, still without children
        unions.append({"partners": [a, b], "kind": "married", "start": year + 22})
    rels = []
    ids = [p["id"] for p in people]
    drawn: set[tuple[str, str, str]] = set()
    for _ in range(relationships):
        a, b = (str(x) for x in rng.sample(ids, 2))
        kind = rng.choice(("close", "conflict", "distant", "cutoff"))
        if (key := (min(a, b), max(a, b), kind)) not in drawn:  # a repeated relationship is an input error
            drawn.add(key)
            rels.append({"between": [a, b], "kind": kind})
    as_of = max(int(p["birth"]) for p in people) + 5  # type: ignore[call-overload]
    return Family.model_validate({"as_of": as_of, "people": people, "unions": unions, "relationships": rels})
