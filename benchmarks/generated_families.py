"""Seeded pedigree tables that stress a genogram layout, for ``layout_quality.py`` and the kinship2 race.

    python3 benchmarks/generated_families.py --stress DIR/     # the stress families, one CSV each
    python3 benchmarks/generated_families.py --big TABLE.csv   # 400 families, ~28,000 people

Every table has the columns ``famid,id,father,mother,sex`` (sex 1 male, 2 female; 0 an unknown
parent), so it reads with ``socialtools genogram``, ``ped2dot.py`` and kinship2 alike. The same
seed gives the same bytes.

The stress shapes (see :data:`SHAPES`): marriages between the branches of two or three founder
lines, cousin marriages, remarriage chains, half-siblings, one person with children by two
partners who are sisters, and large sibships.

>>> rows = grow(__import__("random").Random(1), Shape("demo", generations=3))
>>> rows[0]
('1', '0', '0', '1')
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

Row = tuple[str, str, str, str]  # id, father, mother, sex


@dataclass(frozen=True)
class Shape:
    """Knobs of one kind of family: how it grows, and how often each hard shape appears."""

    name: str
    founders: int = 1  # founder couples, each the root of a branch
    generations: int = 4
    children: tuple[int, int] = (1, 4)  # sibship size range
    large_sibship: float = 0.0  # chance of a sibship of 8-14
    inside: float = 0.0  # chance a partner is a relative (cousin / another branch)
    remarry: float = 0.0  # chance of a further union after each union
    sisters: float = 0.0  # chance the second partner is the first partner's sister
    max_people: int = 400


SHAPES = (
    Shape("branches-intermarry", founders=3, generations=5, inside=0.35, children=(1, 4)),
    Shape("cousin-marriage", founders=1, generations=5, inside=0.3, children=(2, 4)),
    Shape("remarriage-chains", founders=1, generations=4, remarry=0.55, children=(1, 3)),
    Shape("half-siblings", founders=2, generations=4, remarry=0.4, inside=0.1, children=(1, 4)),
    Shape("partners-from-one-family", founders=1, generations=4, remarry=0.5, sisters=0.8, children=(1, 3)),
    Shape("large-sibships", founders=1, generations=4, large_sibship=0.35, children=(1, 5)),
    Shape("everything", founders=2, generations=5, inside=0.2, remarry=0.3, sisters=0.4, large_sibship=0.1),
)


def grow(rng: random.Random, shape: Shape) -> list[Row]:
    """One pedigree of ``shape`` as rows (id, father, mother, sex), parents before children."""
    rows: list[Row] = []
    sex: dict[str, str] = {}
    parents: dict[str, tuple[str, str]] = {}
    partnered: set[str] = set()

    def person(s: str, father: str = "0", mother: str = "0") -> str:
        pid = str(len(rows) + 1)
        rows.append((pid, father, mother, s))
        sex[pid] = s
        if father != "0":
            parents[pid] = (father, mother)
        return pid

    def siblings(a: str, b: str) -> bool:
        return a in parents and parents.get(a) == parents.get(b)

    generation: list[str] = []
    for _ in range(shape.founders):
        father, mother = person("1"), person("2")
        generation += [person(rng.choice("12"), father, mother) for _ in range(rng.randint(2, 4))]
    for _ in range(shape.generations - 1):
        following: list[str] = []
        for pid in generation:
            if len(rows) >= shape.max_people or pid in partnered or rng.random() < 0.2:
                continue
            unions = 1
            while unions < 3 and rng.random() < shape.remarry:
                unions += 1
            first_partner_family: tuple[str, str] | None = None
            for u in range(unions):
                want = "2" if sex[pid] == "1" else "1"
                partner = None
                if rng.random() < shape.inside:  # a relative of the same generation: cousin or other branch
                    pool = [q for q in generation if sex[q] == want and q not in partnered and not siblings(pid, q)]
                    partner = rng.choice(pool) if pool else None
                if partner is None and u > 0 and first_partner_family and rng.random() < shape.sisters:
                    partner = person(want, *first_partner_family)  # the first partner's sister (or brother)
                if partner is None:
                    if rng.random() < shape.sisters:  # a partner who comes with parents, for a later sister
                        pf, pm = person("1"), person("2")
                        partner = person(want, pf, pm)
                        first_partner_family = (pf, pm)
                    else:
                        partner = person(want)
                partnered.add(partner)
                father, mother = (pid, partner) if sex[pid] == "1" else (partner, pid)
                size = rng.randint(8, 14) if rng.random() < shape.large_sibship else rng.randint(*shape.children)
                following += [person(rng.choice("12"), father, mother) for _ in range(size)]
            partnered.add(pid)
        generation = following
    return rows


def stress_tables(seeds: tuple[int, ...] = (1, 2, 3)) -> dict[str, str]:
    """The stress families as CSV texts by name (``<shape>-<seed>``)."""
    return {f"{shape.name}-{seed}": table({"1": grow(random.Random(f"{shape.name}:{seed}"), shape)})
            for shape in SHAPES for seed in seeds}


def big_table(families: int = 400, people: int = 28_000, seed: int = 400) -> str:
    """A pedigree table of ``families`` families with about ``people`` people in all."""
    rng = random.Random(seed)
    each = people // families
    out: dict[str, list[Row]] = {}
    for fam in range(1, families + 1):
        shape = Shape("big", founders=rng.randint(1, 2), generations=rng.randint(5, 6), children=(1, 5),
                      inside=0.05, remarry=0.15, max_people=rng.randint(each - 10, each + 10))
        rows = grow(rng, shape)
        while len(rows) < each // 2:  # a line that died out early: grow it again
            rows = grow(rng, shape)
        out[str(fam)] = rows
    return table(out)


def table(families: dict[str, list[Row]]) -> str:
    """CSV text with the columns famid,id,father,mother,sex."""
    lines = ["famid,id,father,mother,sex"]
    lines += [f"{fam},{pid},{father},{mother},{sex}" for fam, rows in families.items()
              for pid, father, mother, sex in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stress", metavar="DIR", help="write the stress families, one CSV each, into DIR")
    ap.add_argument("--big", metavar="TABLE", help="write the 400-family table to TABLE")
    args = ap.parse_args(argv)
    if args.stress:
        Path(args.stress).mkdir(parents=True, exist_ok=True)
        for name, text in stress_tables().items():
            (Path(args.stress) / f"{name}.csv").write_text(text, encoding="utf-8")
    if args.big:
        Path(args.big).write_text(big_table(), encoding="utf-8")
    if not (args.stress or args.big):
        ap.print_help(sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
