"""Where the CPU time of the folder job goes (issue 10's race against kinship2): the steps of
``socialtools genogram TABLE -o DIR/`` on the seeded 400-family table, one process, CPU seconds.

    python benchmarks/folder_profile.py                 # the first 100 families of the table
    python benchmarks/folder_profile.py --families 400  # all of them
    python benchmarks/folder_profile.py --table my.csv  # another table

The folder job reads the table in one process (the *serial* part: every second of it is a second
of wall clock) and draws the families in one process per core (the *parallel* part: on 2 cores a
second of it is half a second of wall clock, on a quiet machine). Printed: the parent's steps
(imports, reading the table), then each step of drawing a family (validating it, its structure,
ordering, coordinates, the rest of the layout, the drawing, writing the SVG text) with its
share, and the work the two searching steps did (row placements of the coordinate step per
component, components the ordering searched, union-node graphs made: a component's one graph is
read by the ordering, the coordinate step and the geometry). The drawing steps are timed as in a worker: the
cycle collector off, the youngest objects collected after each family. The load average before and
after is printed too: on a busy machine the CPU seconds come out higher as well (a core shared with
other programs runs each of them slower), so compare runs made at about the same load.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generated_families import big_table  # noqa: E402

import socialtools.draw.svg as svg  # noqa: E402
import socialtools.genogram.coordinates as coordinates  # noqa: E402
import socialtools.genogram.diagram as diagram  # noqa: E402
import socialtools.genogram.layout as layout  # noqa: E402
import socialtools.genogram.ordering as ordering  # noqa: E402
import socialtools.genogram.render as render  # noqa: E402
import socialtools.genogram.structure as structure  # noqa: E402
import socialtools.io.pedigree as pedigree  # noqa: E402
from socialtools.cli import build_parser  # noqa: E402
from socialtools.genogram import cli  # noqa: E402

SPENT: Counter[str] = Counter()
WORK: Counter[str] = Counter()


def timed(step: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` adding its CPU seconds to ``SPENT[step]``."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[step] += time.process_time() - start
    return wrapper


def instrument() -> None:
    """Every step of drawing a family timed (and the searches' work counted)."""
    pedigree.Pedigree.__getitem__ = timed("validate", pedigree.Pedigree.__getitem__)  # type: ignore[method-assign]
    structure.FamilyStructure.__init__ = timed("structure", structure.FamilyStructure.__init__)  # type: ignore[method-assign]
    layout.order_component = timed("ordering", layout.order_component)
    layout.place = timed("coordinates", layout.place)
    diagram.layout_family = timed("layout", diagram.layout_family)
    render.GenogramRenderer.draw_body = timed("drawing", render.GenogramRenderer.draw_body)  # type: ignore[method-assign]
    svg.SvgCanvas.to_string = timed("SVG text", svg.SvgCanvas.to_string)  # type: ignore[method-assign]
    place_row = coordinates._Placer._place_row

    def counted_row(plan: Any, xs: list[float]) -> bool:
        WORK["row placements"] += 1
        return place_row(plan, xs)

    coordinates._Placer._place_row = staticmethod(counted_row)  # type: ignore[assignment]
    run = coordinates._Placer.run

    def counted_run(self: Any, passes: int) -> Any:
        WORK["components placed"] += 1
        WORK["rows of them"] += len(self.chains)
        return run(self, passes)

    coordinates._Placer.run = counted_run  # type: ignore[method-assign]
    improve = ordering._Orderer.improve

    def counted_improve(self: Any, *args: Any, **kwargs: Any) -> Any:
        WORK["restarts of the ordering search"] += 1
        return improve(self, *args, **kwargs)

    ordering._Orderer.improve = counted_improve  # type: ignore[method-assign]
    graph = ordering._Graph.__init__

    def counted_graph(self: Any, *args: Any, **kwargs: Any) -> None:
        WORK["union-node graphs made"] += 1
        graph(self, *args, **kwargs)

    ordering._Graph.__init__ = counted_graph  # type: ignore[method-assign]


def import_seconds() -> float:
    """CPU seconds of the parent's imports (the command line and the drawing), best of 3."""
    code = ("import time; t = time.process_time(); import socialtools.cli, socialtools.genogram.cli; "
            "socialtools.cli.build_parser('genogram'); import socialtools.genogram.diagram; "
            "print(time.process_time() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", type=int, default=100, help="families drawn (default 100)")
    parser.add_argument("--table", type=Path, help="a pedigree table (default: the seeded 400-family table)")
    parser.add_argument("--write-docs", metavar="FILE.md", help="also put the printed figures into the "
                        "folder_profile block of FILE.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="folder-profile-") as tmp:
        table = args.table or Path(tmp) / "big.csv"
        if args.table is None:
            table.write_text(big_table(), encoding="utf-8")
        imports = import_seconds()
        reads = []
        for _ in range(3):
            start = time.process_time()
            families = cli.load_families(table, None)
            reads.append(time.process_time() - start)
        options = build_parser().parse_args(["genogram", str(table), "-o", f"{tmp}/out/"])
        settings = (cli._options(options), ".svg", options.dpi, False, None, False)
        names = list(families)[:args.families]
        instrument()
        gc.disable()
        start = time.process_time()
        for name in names:
            cli._draw(families[name], settings)
            gc.collect(0)
        total = time.process_time() - start
        gc.enable()
    people = sum(len(families[name].people) for name in names)
    text = [f"load average (1 minute) {load:.1f} before, {os.getloadavg()[0]:.1f} after\n",
            f"parent (serial): imports {imports:.3f} s, reading the table of {len(families)} families "
            f"{min(reads):.3f} s (best of 3)",
            f"\ndrawing {len(names)} families ({people:,} people) in one process: {total:.2f} s CPU, "
            f"{1000 * total / len(names):.1f} ms a family\n"]
    layout_rest = SPENT["layout"] - SPENT["structure"] - SPENT["ordering"] - SPENT["coordinates"]
    steps = [("validating the family (pydantic)", SPENT["validate"]),
             ("structure (rows)", SPENT["structure"]),
             ("ordering", SPENT["ordering"]),
             ("coordinates", SPENT["coordinates"]),
             ("rest of the layout (geometry, routing)", layout_rest),
             ("drawing (symbols, lines, labels as SVG elements)", SPENT["drawing"]),
             ("the SVG document written out", SPENT["SVG text"])]
    steps.append(("other (labels, legend, notes, warnings)", total - sum(s for _, s in steps)))
    text.append("| step | CPU s | share |\n|---|---:|---:|")
    text += [f"| {step} | {seconds:.3f} | {seconds / total:.0%} |" for step, seconds in steps]
    text.append("")
    text += [f"- {what}: {count:,}" for what, count in sorted(WORK.items())]
    rows = WORK["rows of them"]
    if rows:
        text.append(f"- coordinate passes per component: {WORK['row placements'] / rows:.1f} on average")
    print("\n".join(text))
    if args.write_docs:
        from docs_block import replace_block

        command = "python3 benchmarks/folder_profile.py" + (f" --families {args.families}" if args.families != 100
                                                            else "") + f" --write-docs {args.write_docs}"
        replace_block(args.write_docs, "folder_profile", f"Measured by `{command}`:\n\n" + "\n".join(text))

if __name__ == "__main__":
    main()
