"""GEDCOM benchmark: a synthetic tree of N people (default 5,000) — load, cut out a focus family, write.

    PYTHONPATH=. python benchmarks/gedcom.py [N ...] [--write-docs docs/gedcom.md]

The generator (:func:`synthetic_gedcom`) is also used by the tests; it is deterministic.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

GIVEN = {"M": ["Budi", "Agus", "Wayan", "Yohanes", "Andi", "Hendra", "Rudi", "Made"],
         "F": ["Siti", "Dewi", "Putri", "Maria", "Ayu", "Rina", "Sri", "Lestari"]}
SURNAMES = ["Santoso", "Wijaya", "Pattiradjawane", "Sudarma", "Hasibuan", "Simanjuntak", "Lubis",
            "Nainggolan"]


def synthetic_gedcom(n_people: int = 5000, seed: int = 1) -> str:
    """A GEDCOM 5.5.1 text of about ``n_people`` people in several generations.

    Founding couples marry, have 0–5 children (some adopted), some divorce and remarry;
    children marry people from outside the tree. Same ``seed`` → same text.
    """
    rng = random.Random(seed)
    people: list[dict] = []
    families: list[dict] = []

    def person(sex: str, year: int, surname: str) -> dict:
        p = {"id": f"I{len(people) + 1}", "sex": sex, "year": year,
             "name": f"{rng.choice(GIVEN[sex])} /{surname}/", "famc": [], "fams": []}
        people.append(p)
        return p

    def family(husband: dict, wife: dict, year: int) -> dict:
        f = {"id": f"F{len(families) + 1}", "husb": husband, "wife": wife, "year": year,
             "children": [], "div": None}
        families.append(f)
        husband["fams"].append(f["id"])
        wife["fams"].append(f["id"])
        return f

    generation = []
    for _ in range(max(2, n_people // 60)):
        surname = rng.choice(SURNAMES)
        generation.append(person("M", 1880 + rng.randrange(10), surname))
    while len(people) < n_people and generation:
        next_generation = []
        for p in generation:
            if len(people) >= n_people:
                break
            if rng.random() < 0.15:
                continue  # stays single
            spouse_sex = "F" if p["sex"] == "M" else "M"
            spouse = person(spouse_sex, p["year"] + rng.randrange(-4, 5), rng.choice(SURNAMES))
            husband, wife = (p, spouse) if p["sex"] == "M" else (spouse, p)
            unions = [family(husband, wife, p["year"] + 22 + rng.randrange(6))]
            if rng.random() < 0.12:  # divorce and a second marriage
                unions[0]["div"] = unions[0]["year"] + 3 + rng.randrange(8)
                second = person(spouse_sex, p["year"] + rng.randrange(-3, 8), rng.choice(SURNAMES))
                h2, w2 = (p, second) if p["sex"] == "M" else (second, p)
                unions.append(family(h2, w2, unions[0]["div"] + 1))
            for f in unions:
                for k in range(rng.choice((0, 1, 2, 2, 3, 3, 4, 5))):
                    sex = rng.choice("MF")
                    child = person(sex, f["year"] + 1 + 2 * k, f["husb"]["name"].split("/")[1])
                    pedi = "adopted" if rng.random() < 0.03 else "birth"
                    child["famc"].append((f["id"], pedi))
                    f["children"].append(child)
                    next_generation.append(child)
        generation = next_generation

    lines = ["0 HEAD", "1 SOUR BENCHMARK", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8"]
    for p in people:
        lines += [f"0 @{p['id']}@ INDI", f"1 NAME {p['name']}", f"1 SEX {p['sex']}",
                  "1 BIRT", f"2 DATE {p['year']}"]
        if p["year"] < 1930:
            lines.append("1 DEAT Y")
        for fid, pedi in p["famc"]:
            lines += [f"1 FAMC @{fid}@", f"2 PEDI {pedi}"]
        lines += [f"1 FAMS @{fid}@" for fid in p["fams"]]
    for f in families:
        lines += [f"0 @{f['id']}@ FAM", f"1 HUSB @{f['husb']['id']}@", f"1 WIFE @{f['wife']['id']}@"]
        lines += [f"1 CHIL @{c['id']}@" for c in f["children"]]
        lines += ["1 MARR", f"2 DATE {f['year']}"]
        if f["div"]:
            lines += ["1 DIV", f"2 DATE {f['div']}"]
    lines.append("0 TRLR")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    import argparse

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from docs_block import markdown_table, replace_block

    from socialtools.io.gedcom import family_to_gedcom, focus_family, parse_gedcom

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000], metavar="N")
    parser.add_argument("--write-docs", metavar="FILE.md", help="replace the gedcom-benchmark block of FILE.md")
    args = parser.parse_args(argv)
    sizes = args.sizes
    rows: list[list[object]] = []

    print(f"{'people':>7} {'unions':>7} {'load s':>7} {'focus s':>8} {'kept':>5} {'write s':>8} "
          f"{'reload s':>9}")
    for n in sizes:
        data = synthetic_gedcom(n).encode("utf-8")
        t0 = time.perf_counter()
        family = parse_gedcom(data)
        t1 = time.perf_counter()
        # the person with the most ancestors in the deepest generation
        focus = family.people[-1].id
        small = focus_family(family, focus, generations=2)
        t2 = time.perf_counter()
        text = family_to_gedcom(family)
        t3 = time.perf_counter()
        parse_gedcom(text.encode("utf-8"))
        t4 = time.perf_counter()
        print(f"{len(family.people):>7} {len(family.unions):>7} {t1 - t0:>7.2f} {t2 - t1:>8.3f} "
              f"{len(small.people):>5} {t3 - t2:>8.2f} {t4 - t3:>9.2f}")
        rows.append([len(family.people), len(family.unions), f"{t1 - t0:.2f} s", f"{t2 - t1:.3f} s",
                     len(small.people), f"{t3 - t2:.2f} s", f"{t4 - t3:.2f} s"])
    if args.write_docs:
        replace_block(args.write_docs, "gedcom-benchmark", markdown_table(
            ["people", "unions", "load", "focus (2 gen.)", "people kept", "write", "reload"], rows))


if __name__ == "__main__":
    main()
