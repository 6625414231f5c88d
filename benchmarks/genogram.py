"""Genogram benchmark: prints layout and SVG times for synthetic pedigrees.

    python benchmarks/genogram.py            # all sizes
    python benchmarks/genogram.py --quick    # up to 1,000 people
    python benchmarks/genogram.py --quick --write-docs docs/genogram.md   # also the engine table into the docs

Figures: import time of ``socialtools``; the PK family end to end (model → SVG);
pedigrees of 10 … 10,000 people (layout, SVG, quality check); and a pedigree table of
400 families / 28,000 people written family by family into a folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docs_block import markdown_table, replace_block  # noqa: E402
from timing import best_of  # noqa: E402

from socialtools.examples import load_example  # noqa: E402
from socialtools.genogram import Family, Genogram  # noqa: E402
from socialtools.genogram.synthetic import synthetic_family  # noqa: E402


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import socialtools; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def pedigree_table(families: int, size: int) -> str:
    rows = ["famid\tid\tfather\tmother\tsex"]
    for f in range(families):
        fam = synthetic_family(size, seed=f)
        parents = {c.id: u.partners for u in fam.unions for c in u.children}
        for p in fam.people:
            dad, mom = ([*parents.get(p.id, []), "0", "0"])[:2]
            rows.append(f"F{f}\t{p.id}\t{dad}\t{mom}\t{ {'male': 1, 'female': 2}.get(p.sex, 0)}")
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--write-docs", metavar="FILE.md", help="replace the genogram-engines block of FILE.md")
    args = parser.parse_args()
    print(f"import socialtools: {import_time() * 1000:.0f} ms")
    doc = load_example("pk.yaml")
    pk = best_of(lambda: Genogram(Family.model_validate(doc["family"])).to_svg(), 20)
    print(f"PK family end to end (model+layout+SVG): {pk * 1000:.1f} ms")
    print(f"{'people':>8} {'layout s':>9} {'svg s':>8} {'quality s':>10} {'crossings':>10} {'width/widest':>13}")
    for size in (10, 100, 1000) + (() if args.quick else (10000,)):
        family = synthetic_family(size, seed=size)
        g = Genogram(family)
        t = time.perf_counter()
        _ = g.layout
        t_layout = time.perf_counter() - t
        t = time.perf_counter()
        g.to_svg()
        t_svg = time.perf_counter() - t
        t = time.perf_counter()
        q = g.quality()
        t_q = time.perf_counter() - t
        ratio = q.width / q.widest_row if q.widest_row else 0
        print(f"{size:>8} {t_layout:>9.3f} {t_svg:>8.3f} {t_q:>10.3f} {q.crossings:>10} {ratio:>13.2f}"
              + ("" if q.ok else "  HARD RULE BROKEN"))
    from socialtools.genogram.graphviz_engine import dot_program

    if dot_program():
        print("\nengine comparison (same drawing rules; only the order of each row differs)")
        print(f"{'people':>8} {'engine':>9} {'layout s':>9} {'crossings':>10} {'width':>10}")
        rows: list[list[object]] = []
        for size in (100, 1000) + (() if args.quick else (3000,)):
            family = synthetic_family(size, seed=size)
            for engine in ("own", "graphviz"):
                g = Genogram(family, engine=engine)
                t = time.perf_counter()
                _ = g.layout
                elapsed = time.perf_counter() - t
                q = g.quality()
                print(f"{size:>8} {engine:>9} {elapsed:>9.3f} {q.crossings:>10} {q.width:>10.0f}")
                rows.append([size, engine, f"{elapsed:.2f}", q.crossings, round(q.width)])
        if args.write_docs:
            replace_block(args.write_docs, "genogram-engines",
                          markdown_table(["people", "engine", "layout s", "crossings", "width"], rows))
    if not args.quick:
        with tempfile.TemporaryDirectory() as tmp:
            table = Path(tmp) / "many.tsv"
            table.write_text(pedigree_table(400, 70))
            out = Path(tmp) / "out"
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(table), "-o", f"{out}/"],
                           check=True, cwd=ROOT, capture_output=True)
            elapsed = time.perf_counter() - t
            print(f"400 families / 28,000 people into a folder (CLI, whole run): {elapsed:.2f} s, "
                  f"{len(list(out.iterdir()))} files")


if __name__ == "__main__":
    main()
