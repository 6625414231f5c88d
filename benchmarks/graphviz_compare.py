"""Our genogram layout against Graphviz ``dot`` on the same synthetic families.

    PYTHONPATH=. python benchmarks/graphviz_compare.py [SIZE ...]

For each family: our layout's time, width and line crossings (from its quality measures),
and the same for ``dot`` laying out :func:`socialtools.genogram.dot.family_to_dot`
(time of the ``dot -Tplain`` process, width of the graph, crossings between the control
polygons of edges that share no node). Widths are in CSS pixels (96 per inch). Prints a
Markdown table. Needs Graphviz's ``dot`` on the PATH.
"""

from __future__ import annotations

import itertools
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from socialtools.draw.geometry import segments_cross
from socialtools.genogram import Genogram
from socialtools.genogram.dot import family_to_dot
from socialtools.genogram.synthetic import synthetic_family

PX_PER_INCH = 96.0
TIMEOUT = 300


def dot_measures(dot_text: str) -> dict[str, object]:
    """Time, width and crossings of Graphviz's layout of ``dot_text``."""
    start = time.perf_counter()
    try:
        result = subprocess.run([shutil.which("dot") or "dot", "-Tplain"], input=dot_text.encode("utf-8"),
                                capture_output=True, check=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"time": f">{TIMEOUT}", "width": "-", "crossings": "-"}
    elapsed = time.perf_counter() - start
    width = 0.0
    edges: list[tuple[str, str, list[tuple[float, float]]]] = []
    for line in result.stdout.decode("utf-8").splitlines():
        parts = shlex.split(line)
        if parts[:1] == ["graph"]:
            width = float(parts[2]) * PX_PER_INCH
        elif parts[:1] == ["edge"]:
            n = int(parts[3])
            coords = [float(v) for v in parts[4:4 + 2 * n]]
            edges.append((parts[1], parts[2], list(zip(coords[::2], coords[1::2], strict=True))))
    return {"time": round(elapsed, 2), "width": round(width), "crossings": _crossings(edges)}


def _crossings(edges: list[tuple[str, str, list[tuple[float, float]]]]) -> int:
    cell = 1.5
    grid: dict[tuple[int, int], list[int]] = {}
    segments: list[tuple[int, tuple[float, float], tuple[float, float]]] = []
    count = 0
    for index, (_, _, pts) in enumerate(edges):
        for p, r in itertools.pairwise(pts):
            segments.append((index, p, r))
    for number, (index, p, r) in enumerate(segments):
        keys = [(i, j) for i in range(int(min(p[0], r[0]) // cell), int(max(p[0], r[0]) // cell) + 1)
                for j in range(int(min(p[1], r[1]) // cell), int(max(p[1], r[1]) // cell) + 1)]
        candidates = {other for k in keys for other in grid.get(k, ())}
        for other in candidates:
            o_index, a, b = segments[other]
            if o_index == index or {edges[o_index][0], edges[o_index][1]} & {edges[index][0], edges[index][1]}:
                continue
            if segments_cross(p, r, a, b):
                count += 1
        for k in keys:
            grid.setdefault(k, []).append(number)
    return count


def main(sizes: list[int]) -> None:
    if shutil.which("dot") is None:
        sys.exit("Graphviz 'dot' is not installed (apt-get install graphviz / brew install graphviz)")
    print("| people | ours: time s | ours: width px | ours: crossings | dot: time s | dot: width px "
          "| dot: crossings |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        family = synthetic_family(size, seed=1)
        start = time.perf_counter()
        genogram = Genogram(family)
        _ = genogram.layout
        ours_time = time.perf_counter() - start
        quality = genogram.quality()
        theirs = dot_measures(family_to_dot(family, relationships=False))
        print(f"| {len(family.people)} | {ours_time:.2f} | {quality.width:.0f} | {quality.crossings} "
              f"| {theirs['time']} | {theirs['width']} | {theirs['crossings']} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20, 50, 100, 200, 500, 1000])
