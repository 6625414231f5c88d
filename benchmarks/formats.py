"""Reading speed of family files: pedigree tables of up to 200,000 rows and GEDCOM files of up to
20,000 people, at several sizes to show how the cost grows.

    PYTHONPATH=. python benchmarks/formats.py [--rows 25000,50000,100000,200000] [--people 5000,10000,20000]

For a table: ``read`` is the whole file read and every row checked (columns, ids, sexes of
parents, births, cycles) — families are made into validated models when asked for; ``models``
is making every family's model as well; ``--family`` reads one family of the file as
``socialtools genogram --family X`` does. For GEDCOM: ``load`` is the whole file to one
validated family. Times are wall-clock and CPU seconds (the CPU time is the fairer figure on
a shared machine); µs/row shows whether the growth is linear.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def synthetic_table(rows: int, seed: int = 1) -> tuple[str, list[str]]:
    """A kinship2-style table of about ``rows`` rows in families of 4-15 people (three generations)."""
    rng = random.Random(seed)
    lines = ["famid\tid\tfather\tmother\tsex\taffected\tbirth"]
    names: list[str] = []
    while len(lines) - 1 < rows:
        fam = f"F{len(names) + 1}"
        names.append(fam)
        year = 1930 + rng.randrange(20)
        lines += [f"{fam}\t1\t0\t0\t1\t0\t{year}", f"{fam}\t2\t0\t0\t2\t{rng.choice('01')}\t{year + 2}"]
        for k in range(rng.randrange(1, 5)):
            sex = rng.choice("12")
            child = f"{3 + k}"
            lines.append(f"{fam}\t{child}\t1\t2\t{sex}\t{rng.choice('001')}\t{year + 25 + k}")
            if rng.random() < 0.5:
                spouse = f"s{k}"
                lines.append(f"{fam}\t{spouse}\t0\t0\t{'2' if sex == '1' else '1'}\t0\t{year + 24}")
                father, mother = (child, spouse) if sex == "1" else (spouse, child)
                for g in range(rng.randrange(1, 3)):
                    lines.append(f"{fam}\tg{k}{g}\t{father}\t{mother}\t{rng.choice('12')}\t0\t{year + 50 + g}")
    return "\n".join(lines) + "\n", names


def timed(call):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="25000,50000,100000,200000")
    parser.add_argument("--people", default="5000,10000,20000")
    args = parser.parse_args(argv)
    _, import_wall, import_cpu = timed(lambda: __import__("socialtools.io.families", fromlist=["x"]))
    from socialtools.genogram.model import Family
    from socialtools.io.families import read_families
    from socialtools.io.gedcom import parse_gedcom

    Family.model_validate({"people": [{"id": "a"}, {"id": "b", "father": "a"}]})  # warm networkx and pydantic
    print(f"imports: {import_wall:.2f} s wall, {import_cpu:.2f} s CPU (once per command)")
    print(f"{'rows':>8} {'families':>9} {'read s':>7} {'cpu s':>6} {'us/row':>7} {'models s':>9} "
          f"{'--family s':>11} {'cpu s':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in (int(x) for x in args.rows.split(",") if x):
            text, names = synthetic_table(rows)
            path = Path(folder) / f"table-{rows}.tab"
            path.write_text(text)
            found, wall, cpu = timed(lambda path=path: read_families(path))
            _, models, _ = timed(lambda found=found: [f.people for f in found.families.values()])
            middle = names[len(names) // 2]
            one, fwall, fcpu = timed(lambda path=path, middle=middle: read_families(path, family=middle))
            assert list(one.families) == [middle] and len(found.families) == len(names)
            print(f"{rows:>8} {len(names):>9} {wall:>7.2f} {cpu:>6.2f} {1e6 * cpu / rows:>7.1f} {models:>9.2f} "
                  f"{fwall:>11.2f} {fcpu:>6.2f}")
    from gedcom import synthetic_gedcom

    print(f"{'people':>8} {'load s':>7} {'cpu s':>6} {'us/person':>10}")
    for n in (int(x) for x in args.people.split(",") if x):
        data = synthetic_gedcom(n).encode("utf-8")
        family, wall, cpu = timed(lambda data=data: parse_gedcom(data))
        print(f"{len(family.people):>8} {wall:>7.2f} {cpu:>6.2f} {1e6 * cpu / len(family.people):>10.1f}")


if __name__ == "__main__":
    main()
