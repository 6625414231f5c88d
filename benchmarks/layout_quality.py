"""Genogram layout quality on real pedigrees, against Graphviz ``dot`` (and kinship2's speed).

    python3 benchmarks/layout_quality.py                 # the whole corpus, table + targets
    python3 benchmarks/layout_quality.py --quick         # a small subset (a minute or two)
    python3 benchmarks/layout_quality.py --json out.json --worst 5 --worst-dir /tmp/worst
    python3 benchmarks/layout_quality.py --write-docs docs/genogram.md

Every family of the corpus (``benchmarks/corpus``: real pedigrees listed in its MANIFEST with
source, licence and sha256; the seeded stress families of ``generated_families.py``; the hard
cases of ``tests/data/hardcases``) is drawn twice:

- with socialtools (``Genogram(family).to_svg()``, no legend and no title, so that the
  width is the layout's), and
- with ``dot -Tsvg`` on the yardstick DOT (shared/specs/layout-yardstick.md): one node per
  person (labelled with the name, else the id), one point per union, edges partner -> point ->
  child, and no rank, order or same-rank constraints.

Both SVGs are judged by the independent checker ``svgcheck.py`` (``$SVGCHECK`` or
``../shared/tools/svgcheck.py``): line crossings, canvas width and the defects of the yardstick
(text_text, text_shape, shape_shape, line_through_shape, text_line, line_overlaps,
out_of_canvas). Times are wall-clock seconds of ``to_svg()`` and of the ``dot`` process.
Then the speed targets (a 400-person family against ``dot``, 10,000 people, and the
400-family / 28,000-person table against kinship2 when ``Rscript`` with kinship2 is installed)
and the cross-check of the crossing counts against a brute-force count. Prints a Markdown table
per family and the targets with PASS/FAIL; ``--worst N`` writes the SVGs (and PNGs, with
``svg2png``) of the N families with most crossings over dot's into ``--worst-dir``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from crossings import brute_force_crossings, svg_brute_force  # noqa: E402
from docs_block import replace_block  # noqa: E402
from generated_families import Shape, big_table, grow, stress_tables, table  # noqa: E402

from socialtools.genogram import Genogram  # noqa: E402
from socialtools.genogram.diagram import GenogramOptions  # noqa: E402
from socialtools.genogram.model import Family  # noqa: E402

CORPUS = HERE / "corpus"
HARD_CASES = ROOT / "tests" / "data" / "hardcases"
TOOLS = [Path(os.environ["SHARED_TOOLS"])] if os.environ.get("SHARED_TOOLS") else []
TOOLS += [ROOT.parent / "shared" / "tools", Path("/work/shared/tools")]
DEFECTS = ("text_text", "text_shape", "shape_shape", "line_through_shape", "text_line", "line_overlaps",
           "out_of_canvas")
MIN_REAL = 100  # issue 10: a corpus of at least this many real pedigrees
BIG = 100  # the crossing targets are over families of at least this many people
TIMEOUT = 300
CHECK_LIMIT = 60.0  # seconds svgcheck may spend on one drawing (it took > 85 s on the 1,000-person bourbon file)
OPTIONS = GenogramOptions(legend=False, title="")


# --------------------------------------------------------------------------- the corpus

@dataclass
class Member:
    """One family of the corpus (``family`` is None when it could not be read)."""

    name: str
    source: str  # real / generated / hard case
    family: Family | None
    error: str = ""
    note: str = ""


def tool(name: str) -> Path | None:
    """A file of shared/tools (svgcheck.py, svg2png), or None."""
    if name == "svgcheck.py" and os.environ.get("SVGCHECK"):
        return Path(os.environ["SVGCHECK"])
    return next((d / name for d in TOOLS if (d / name).is_file()), None)


def load_svgcheck() -> ModuleType:
    path = tool("svgcheck.py")
    if path is None:
        sys.exit("layout_quality: svgcheck.py not found (set SVGCHECK=/path/to/svgcheck.py)")
    spec = importlib.util.spec_from_file_location("svgcheck", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def manifest() -> list[dict[str, str]]:
    """The rows of ``corpus/MANIFEST.tsv`` (file, repository, path, commit, licence, sha256)."""
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t"))


def verify_manifest() -> list[str]:
    """Files whose sha256 is not the one the MANIFEST records (empty: all good)."""
    bad = []
    for row in manifest():
        data = (CORPUS / row["file"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            bad.append(row["file"])
    return bad


def madeline_table(text: str) -> str:
    """A Madeline 2.0 flat file (column names one per line, a blank line, then whitespace rows)
    as a plain famid,id,father,mother,sex table: only for the Madeline files the package's own
    reader refuses, so that the layout can still be measured on them (the output lists them)."""
    head, _, body = text.strip().partition("\n\n")
    names = [h.strip().lower() for h in head.splitlines()]
    col = {k: names.index(k) for k in ("familyid", "individualid", "gender", "father", "mother")}
    out = ["famid,id,father,mother,sex"]
    for line in body.splitlines():
        cells = line.split()
        if len(cells) <= max(col.values()):
            continue
        sex = {"m": "1", "f": "2"}.get(cells[col["gender"]].lower(), "0")
        parents = ["0" if cells[col[k]] == "." else cells[col[k]] for k in ("father", "mother")]
        out.append(",".join([cells[col["familyid"]], cells[col["individualid"]], *parents, sex]))
    return "\n".join(out) + "\n"


def read_table(text: str, source: str) -> dict[str, Family]:
    from socialtools.io.pedigree import read_pedigree_text

    return dict(read_pedigree_text(text, source=source, lenient=True))


def load_file(path: Path) -> tuple[dict[str, Family], str]:
    """Families of one corpus file by name, read as a user would (the package's reader, with
    ``lenient`` for the inconsistencies real files have), and a note ("" or how it was read)."""
    from socialtools.io.families import read_families

    try:
        return dict(read_families(path, lenient=True).families), ""
    except Exception as exc:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() != ".data" or text.lstrip().split("\n", 1)[0].strip().lower() != "familyid":
            raise
        return read_table(madeline_table(text), str(path)), f"converted by the benchmark ({exc})"[:200]


def corpus(quick: bool = False) -> list[Member]:
    """Every family of the benchmark: real ones from the MANIFEST, generated ones, hard cases."""
    members: list[Member] = []
    rows = manifest()
    if quick:
        rows = [r for r in rows if not r["file"].startswith("madeline/") or r["file"].endswith(("1.data",))]
        rows = [r for r in rows if not r["file"].endswith(".ged") or os.path.getsize(CORPUS / r["file"]) < 120_000]
    for row in rows:
        path = CORPUS / row["file"]
        base = row["file"].rsplit(".", 1)[0]
        try:
            families, note = load_file(path)
        except Exception as exc:  # an unread file is reported, not fatal
            members.append(Member(base, "real", None, f"{type(exc).__name__}: {exc}"[:160]))
            continue
        names = sorted(families, key=lambda n: (len(n), n))
        if quick and len(names) > 20:
            names = names[::max(1, len(names) // 15)]
        for name in names:
            label = base if len(families) == 1 else f"{base}#{name}"
            members.append(Member(label, "real", families[name], note=note))
    seeds = (1,) if quick else (1, 2, 3)
    for name, text in stress_tables(seeds).items():
        members.append(Member(f"generated/{name}", "generated", read_table(text, name)["1"]))
    for path in sorted(HARD_CASES.glob("*.yaml")):
        members.append(Member(f"hardcase/{path.stem}", "hard case", Genogram.from_file(path).family))
    return members


# --------------------------------------------------------------------------- drawing and judging

def yardstick_dot(family: Family) -> str:
    """The yardstick DOT of ``family``: person nodes, one point per union, no constraints."""
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    out = ["digraph G {", "rankdir=TB; nodesep=0.3;", "node [fontsize=10];"]
    for p in family.people:
        shape = {"male": "box", "female": "ellipse"}.get(str(p.sex), "diamond")
        out.append(f"{q('p' + p.id)} [label={q(p.name or p.id)}, shape={shape}];")
    for i, u in enumerate(family.unions):
        point = q(f"u{i}")
        out.append(f"{point} [shape=point, width=0.05];")
        out += [f"{q('p' + pid)} -> {point} [dir=none];" for pid in u.partners]
        out += [f"{point} -> {q('p' + c.id)} [dir=none];" for c in u.children]
    return "\n".join([*out, "}"]) + "\n"


@dataclass
class Drawing:
    crossings: int | None = None
    width: float | None = None
    defects: int | None = None
    time: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""
    timed_out: bool = False  # svgcheck hit the per-drawing time limit: drawn and timed, not judged


@dataclass
class Result:
    name: str
    source: str
    people: int
    ours: Drawing
    dot: Drawing
    own_count: int | None = None  # socialtools' own crossing count (Genogram.quality())
    error: str = ""


class CheckTimeLimit(BaseException):
    """svgcheck ran past the time limit (a BaseException: svgcheck's own guard catches Exception)."""


def check_within(svgcheck: ModuleType, svg: str, limit: float) -> dict[str, object] | None:
    """``svgcheck.check`` of ``svg``, or None when it takes longer than ``limit`` seconds."""
    def stop(signum: int, frame: object) -> None:
        raise CheckTimeLimit

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return svgcheck.check(svg, is_text=True, max_examples=0)
    except CheckTimeLimit:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def set_check_limit(seconds: float) -> None:
    """The per-drawing svgcheck limit (module-wide, so that forked workers inherit it)."""
    global CHECK_LIMIT
    CHECK_LIMIT = seconds


def judge(svgcheck: ModuleType, svg: str, drawing: Drawing) -> None:
    result = check_within(svgcheck, svg, CHECK_LIMIT)
    if result is None:
        drawing.timed_out = True
        drawing.error = f"svgcheck time limit ({CHECK_LIMIT:g} s)"
        return
    if not result.get("ok"):
        drawing.error = result.get("error", "svgcheck failed")
        return
    counts = result["counts"]
    drawing.counts = {k: counts[k] for k in DEFECTS if counts.get(k)}
    drawing.crossings = counts["line_crossings"]
    drawing.defects = sum(counts.get(k, 0) for k in DEFECTS)
    drawing.width = round(result["canvas"][2], 1) if result.get("canvas") else None


def draw_ours(family: Family) -> tuple[str, float, Genogram]:
    start = time.perf_counter()
    genogram = Genogram(family, OPTIONS)
    svg = genogram.to_svg()
    return svg, time.perf_counter() - start, genogram


def draw_dot(family: Family) -> tuple[str, float]:
    start = time.perf_counter()
    done = subprocess.run([shutil.which("dot") or "dot", "-Tsvg"], input=yardstick_dot(family).encode("utf-8"),
                          capture_output=True, check=True, timeout=TIMEOUT)
    return done.stdout.decode("utf-8"), time.perf_counter() - start


def measure(svgcheck: ModuleType, member: Member) -> Result:
    family = member.family
    assert family is not None
    res = Result(member.name, member.source, len(family.people), Drawing(), Drawing())
    try:
        svg, seconds, genogram = draw_ours(family)
        res.ours.time = round(seconds, 3)
        judge(svgcheck, svg, res.ours)
        res.own_count = getattr(genogram.quality(), "crossings", None)
    except Exception as exc:  # a failing family is a row, not the end
        res.ours.error = f"{type(exc).__name__}: {exc}"[:160]
    try:
        svg, seconds = draw_dot(family)
        res.dot.time = round(seconds, 3)
        judge(svgcheck, svg, res.dot)
    except Exception as exc:
        res.dot.error = f"{type(exc).__name__}: {exc}"[:160]
    return res


_CHECKER: ModuleType | None = None


def _measure_one(member: Member) -> Result:
    global _CHECKER  # one checker per worker process
    if _CHECKER is None:
        _CHECKER = load_svgcheck()
    return measure(_CHECKER, member)


def measure_all(members: list[Member], jobs: int = 1) -> list[Result]:
    """Results in the order of ``members``; ``jobs`` > 1 measures in that many processes."""
    results: list[Result] = []
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            for result in pool.map(_measure_one, members, chunksize=4):
                results.append(result)
                print(f"\r{len(results)} families measured", end="", file=sys.stderr, flush=True)
    else:
        for member in members:
            results.append(_measure_one(member))
            print(f"\r{len(results)} families measured", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return results


# --------------------------------------------------------------------------- speed targets

def best_of(fn, repeat: int = 3) -> float:
    """The fastest of ``repeat`` wall-clock times of ``fn()``."""
    return timed(fn, repeat)[0]


def timed(fn, repeat: int = 3) -> tuple[float, float]:
    """The fastest wall-clock and the fastest CPU time (this process and its children: ``dot``)
    of ``repeat`` calls of ``fn()``. CPU time shows what the machine's load does to the wall clock."""
    walls, cpus = [], []
    for _ in range(repeat):
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        children = usage.ru_utime + usage.ru_stime
        cpu, start = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - start)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(time.process_time() - cpu + usage.ru_utime + usage.ru_stime - children)
    return min(walls), min(cpus)


def generated_family(people: int, seed: int) -> Family:
    shape = Shape("speed", founders=max(1, people // 400), generations=7, inside=0.05, remarry=0.15,
                  children=(1, 5), max_people=people)
    rows = grow(random.Random(seed), shape)
    return read_table(table({"1": rows}), f"generated-{people}")["1"]


def speed(quick: bool) -> dict[str, object]:
    """Times of a ~400-person family drawn to SVG (socialtools ``to_svg()`` and ``dot -Tsvg``),
    and of 10,000 people: the layout (``Genogram(family).layout``: generations, ordering,
    coordinates, routing — the figure the 10,000-person target is about) and, apart, the
    rendering of that layout to SVG text. Wall-clock and CPU seconds, best of several runs."""
    out: dict[str, object] = {"load_before": round(os.getloadavg()[0], 1)}
    family = generated_family(400, 4)
    out["people_400"] = len(family.people)
    wall, cpu = timed(lambda: Genogram(family, OPTIONS).to_svg(), 5)
    out["ours_400"], out["ours_cpu_400"] = round(wall, 3), round(cpu, 3)
    wall, cpu = timed(lambda: draw_dot(family), 5)
    out["dot_400"], out["dot_cpu_400"] = round(wall, 3), round(cpu, 3)
    if not quick:
        big = generated_family(10_000, 10)
        out["people_10000"] = len(big.people)
        drawn: list[Genogram] = []

        def layout() -> None:
            drawn[:] = [Genogram(big, OPTIONS)]
            _ = drawn[0].layout

        wall, cpu = timed(layout, 2)
        out["layout_10000"], out["layout_cpu_10000"] = round(wall, 2), round(cpu, 2)
        wall, cpu = timed(lambda: drawn[0].to_svg(), 2)  # the layout is made once and kept
        out["render_10000"], out["render_cpu_10000"] = round(wall, 2), round(cpu, 2)
    out["load_after"] = round(os.getloadavg()[0], 1)
    return out


KINSHIP2_SCRIPT = r"""
suppressMessages(library(kinship2))
args <- commandArgs(trailingOnly = TRUE)
ped <- read.csv(args[1], colClasses = "character")
dir.create(args[2], showWarnings = FALSE)
use_svg <- capabilities("cairo")
for (fam in unique(ped$famid)) {
  d <- ped[ped$famid == fam, ]
  p <- pedigree(id = d$id, dadid = d$father, momid = d$mother, sex = as.integer(d$sex), missid = "0")
  if (use_svg) svg(file.path(args[2], paste0(fam, ".svg"))) else pdf(file.path(args[2], paste0(fam, ".pdf")))
  plot(p)
  invisible(dev.off())
}
cat(if (use_svg) "svg" else "pdf", "\n")
"""


def kinship2_available() -> bool:
    rscript = shutil.which("Rscript")
    if not rscript:
        return False
    done = subprocess.run([rscript, "-e", "quit(status = !requireNamespace('kinship2', quietly = TRUE))"],
                          capture_output=True)
    return done.returncode == 0


def kinship2_race(repeat: int = 1) -> dict[str, object]:
    """Seconds to write every family of the 400-family table into a folder: socialtools vs kinship2
    (the fastest of ``repeat`` runs of each, the two sides taking turns)."""
    if not kinship2_available():
        return {"kinship2": "not available (Rscript with kinship2)"}
    with tempfile.TemporaryDirectory(prefix="lq-race-") as tmp:
        tmpdir = Path(tmp)
        tablefile = tmpdir / "big.csv"
        tablefile.write_text(big_table(), encoding="utf-8")
        people = tablefile.read_text(encoding="utf-8").count("\n") - 1
        # the package byte-compiled first (into its __pycache__ folders), as pip installs it: a
        # machine that sets PYTHONDONTWRITEBYTECODE would otherwise compile every module again in
        # every process
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "socialtools")], check=True,
                       env={k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}, capture_output=True)
        load = round(os.getloadavg()[0], 1)
        script = tmpdir / "k2.R"
        script.write_text(KINSHIP2_SCRIPT, encoding="utf-8")
        runs: list[subprocess.CompletedProcess[str]] = []

        def ours_run() -> None:
            subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(tablefile), "-o",
                            f"{tmpdir / 'ours'}/"], check=True, capture_output=True, text=True, env=env, timeout=3600)

        def kinship2_run() -> None:
            runs.append(subprocess.run(["Rscript", str(script), str(tablefile), str(tmpdir / "k2")],
                                       capture_output=True, text=True, timeout=3600))

        # the two sides take turns (ours first in odd runs, kinship2 first in even ones): a machine
        # whose speed drifts during the race then slows both alike, and each run's ratio is printed
        pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
        for i in range(repeat):
            if i % 2 == 0:
                mine = timed(ours_run, 1)
                pairs.append((mine, timed(kinship2_run, 1)))
            else:
                theirs_once = timed(kinship2_run, 1)
                pairs.append((timed(ours_run, 1), theirs_once))
        ours, ours_cpu = min(p[0][0] for p in pairs), min(p[0][1] for p in pairs)
        theirs, theirs_cpu = min(p[1][0] for p in pairs), min(p[1][1] for p in pairs)
        done = runs[0]
        if done.returncode != 0:
            return {"kinship2": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
        return {"families": 400, "people": people, "runs": repeat, "ours_s": round(ours, 2),
                "kinship2_s": round(theirs, 2),
                "ours_cpu_s": round(ours_cpu, 2), "kinship2_cpu_s": round(theirs_cpu, 2), "load": load,
                "kinship2_device": done.stdout.strip(), "speedup": round(theirs / ours, 2),
                "run_speedups": [round(k[0] / o[0], 2) for o, k in pairs],
                "files_ours": len(list((tmpdir / "ours").iterdir())),
                "files_kinship2": len(list((tmpdir / "k2").iterdir()))}


# --------------------------------------------------------------------------- cross-check of counts

def cross_check(svgcheck: ModuleType, members: list[Member], results: list[Result],
                n: int = 4) -> list[dict[str, object]]:
    """Crossing counts of a few drawings: svgcheck, socialtools' own, and brute force over the
    svgcheck polylines and over the layout's lines. The drawings are those of up to 300 people
    with the most crossings (a count that is 0 everywhere would check nothing)."""
    by_name = {m.name: m for m in members}
    ranked = sorted((r for r in results if r.people <= 300 and r.ours.crossings),
                    key=lambda r: (-(r.ours.crossings or 0), r.name))
    picks = [by_name[r.name] for r in ranked[:n]]
    out = []
    for m in picks:
        genogram = Genogram(m.family, OPTIONS)
        svg = genogram.to_svg()
        lines = getattr(genogram.layout, "lines", None)
        out.append({
            "family": m.name, "people": len(m.family.people),
            "svgcheck": svgcheck.check(svg, is_text=True, max_examples=0)["counts"]["line_crossings"],
            "svg_brute_force": svg_brute_force(svgcheck, svg),
            "own": getattr(genogram.quality(), "crossings", None),
            "layout_brute_force": brute_force_crossings([pts for _, pts, _ in lines()]) if callable(lines) else None,
        })
    return out


# --------------------------------------------------------------------------- report

def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "-"
    if b == 0:
        return "0" if a == 0 else "inf"
    return f"{a / b:.2f}"


def family_table(results: list[Result], total: bool = False) -> str:
    lines = ["| family | people | crossings | dot | ratio | width | dot | ratio | defects | dot | s | dot s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        o, d = r.ours, r.dot
        if o.timed_out or d.timed_out:
            sides = " and ".join(n for n, x in (("socialtools", o), ("dot", d)) if x.timed_out)
            times = f"| {o.time:.2f} | {d.time:.2f} |" if o.time is not None and d.time is not None else "|||"
            lines.append(f"| {r.name} | {r.people} | not judged: svgcheck time limit on {sides} |||||||| {times}")
            continue
        if o.error or d.error:
            lines.append(f"| {r.name} | {r.people} | error: {o.error or d.error} |||||||||| ")
            continue
        lines.append(f"| {r.name} | {r.people} | {o.crossings} | {d.crossings} | {ratio(o.crossings, d.crossings)} "
                     f"| {o.width:.0f} | {d.width:.0f} | {ratio(o.width, d.width)} | {o.defects} | {d.defects} "
                     f"| {o.time:.2f} | {d.time:.2f} |")
    ok = [r for r in results if not (r.ours.error or r.dot.error)]
    if total and ok:
        c, dc = sum(r.ours.crossings for r in ok), sum(r.dot.crossings for r in ok)
        w, dw = sum(r.ours.width for r in ok), sum(r.dot.width for r in ok)
        t, dt = sum(r.ours.time for r in ok), sum(r.dot.time for r in ok)
        lines.append(f"| **total ({len(ok)} families)** | {sum(r.people for r in ok):,} | {c:,} | {dc:,} "
                     f"| {ratio(c, dc)} | {w:,.0f} | {dw:,.0f} | {ratio(w, dw)} "
                     f"| {sum(r.ours.defects for r in ok):,} | {sum(r.dot.defects for r in ok):,} "
                     f"| {t:.1f} | {dt:.1f} |")
    return "\n".join(lines)


def summary(results: list[Result], unread: list[Member], speeds: dict[str, object],
            race: dict[str, object]) -> tuple[str, dict[str, object]]:
    ok = [r for r in results if not (r.ours.error or r.dot.error)]
    big = [r for r in ok if r.people >= BIG]

    def total(rs: list[Result], side: str, key: str) -> float:
        return sum(getattr(getattr(r, side), key) or 0 for r in rs)

    timed_out = [r.name for r in results if r.ours.timed_out or r.dot.timed_out]
    figures: dict[str, object] = {
        "families": len(results), "drawn_by_both": len(ok), "unread_files": len(unread),
        "real_pedigrees": sum(1 for r in results if r.source == "real"),
        "check_limit_s": CHECK_LIMIT, "svgcheck_time_limit": timed_out,
        "failed": len(results) - len(ok) - len(timed_out), "families_100_plus": len(big),
        "crossings_100_plus": total(big, "ours", "crossings"), "dot_crossings_100_plus": total(big, "dot", "crossings"),
        "crossings_all": total(ok, "ours", "crossings"), "dot_crossings_all": total(ok, "dot", "crossings"),
        "width": round(total(ok, "ours", "width")), "dot_width": round(total(ok, "dot", "width")),
        "defects": total(ok, "ours", "defects"), "dot_defects": total(ok, "dot", "defects"),
        "families_with_defects": sum(1 for r in ok if r.ours.defects),
        "time": round(total(ok, "ours", "time"), 2), "dot_time": round(total(ok, "dot", "time"), 2),
        **speeds, **{f"race_{k}": v for k, v in race.items()}, "speed": speeds,
    }
    worst_big = max((r for r in big if r.dot.crossings), key=lambda r: r.ours.crossings / r.dot.crossings,
                    default=None)
    figures["worst_ratio_100_plus"] = (round(worst_big.ours.crossings / worst_big.dot.crossings, 2)
                                       if worst_big else None)
    figures["worst_ratio_family"] = worst_big.name if worst_big else None
    zero_dot_worse = [r.name for r in big if r.dot.crossings == 0 and r.ours.crossings]
    c, dc = figures["crossings_100_plus"], figures["dot_crossings_100_plus"]
    unjudged = (f"; not judged (svgcheck over {CHECK_LIMIT:g} s): {len(timed_out)} ({', '.join(timed_out)})"
                if timed_out else "")
    defect_free = figures["families_with_defects"] == 0 and not figures["failed"]
    targets = [
        (f"a corpus of at least {MIN_REAL} real pedigrees", f"{figures['real_pedigrees']} measured, "
         f"{len(unread)} not read", verdict(figures["real_pedigrees"] >= MIN_REAL)),
        ("0 svgcheck defects on every family", f"families with defects: {figures['families_with_defects']} "
         f"({figures['defects']} defects in all); drawings that failed: {figures['failed']}{unjudged}",
         "FAIL" if not defect_free else "unknown" if timed_out else "PASS"),
        (f"total crossings <= 0.8x dot over the {len(big)} families of {BIG}+ people",
         f"{c} vs {dc} ({ratio(c, dc)}x)", verdict(c <= 0.8 * dc if big else None)),
        ("no family of 100+ people worse than 1.5x dot",
         (f"worst {figures['worst_ratio_100_plus']}x ({figures['worst_ratio_family']})" if worst_big else "-")
         + (f"; {len(zero_dot_worse)} with crossings where dot has 0" if zero_dot_worse else ""),
         verdict(None if worst_big is None else figures["worst_ratio_100_plus"] <= 1.5 and not zero_dot_worse)),
        ("total width <= dot's", f"{figures['width']} vs {figures['dot_width']} "
         f"({ratio(figures['width'], figures['dot_width'])}x)", verdict(figures["width"] <= figures["dot_width"])),
    ]
    targets += speed_targets(speeds, race)
    figures["targets"] = [{"target": t, "measured": m, "verdict": v} for t, m, v in targets]
    return target_table(targets, speeds, race), figures


def target_table(targets: list[tuple[str, str, str]], speeds: dict[str, object], race: dict[str, object]) -> str:
    """The targets as a Markdown table, with the machine's load under it when speed was measured."""
    text = ["| target | measured | verdict |", "|---|---|---|"]
    text += [f"| {t} | {m} | {v} |" for t, m, v in targets]
    if "load_before" in speeds:
        text.append(f"\nTimes are wall-clock seconds (the targets' measure), CPU seconds beside them; the machine "
                    f"({os.cpu_count()} cores) had a load average of {speeds['load_before']} before the speed "
                    f"runs and {speeds['load_after']} after them"
                    + (f", {race['load']} before the kinship2 race" if "load" in race else "") + ".")
    return "\n".join(text)


def verdict(good: bool | None) -> str:
    return "n/a" if good is None else "PASS" if good else "FAIL"


def speed_targets(speeds: dict[str, object], race: dict[str, object]) -> list[tuple[str, str, str]]:
    """The speed targets of issue 10 (400 people, 10,000 people, the kinship2 race) with verdicts."""
    targets: list[tuple[str, str, str]] = []
    if "ours_400" in speeds:
        cpu = (f" (CPU {speeds['ours_cpu_400']} s vs {speeds['dot_cpu_400']} s)"
               if "ours_cpu_400" in speeds else "")
        targets.append((f"{speeds['people_400']}-person family drawn no slower than 2x dot",
                        f"{speeds['ours_400']} s vs {speeds['dot_400']} s{cpu}",
                        verdict(speeds["ours_400"] <= 2 * speeds["dot_400"])))
    else:
        targets.append(("400-person family no slower than 2x dot", "not measured in this run", "n/a"))
    if "layout_10000" in speeds:
        targets.append((f"layout of {speeds['people_10000']:,} people <= 5 s",
                        f"{speeds['layout_10000']} s (CPU {speeds['layout_cpu_10000']} s); rendering it to SVG "
                        f"another {speeds['render_10000']} s (CPU {speeds['render_cpu_10000']} s)",
                        verdict(speeds["layout_10000"] <= 5)))
    elif "ours_10000" in speeds:  # a --json run of an earlier version: layout and SVG together
        targets.append((f"{speeds['people_10000']:,} people <= 5 s", f"{speeds['ours_10000']} s",
                        verdict(speeds["ours_10000"] <= 5)))
    if "speedup" in race:
        cpu = (f"; CPU {race['ours_cpu_s']} s (all processes) vs {race['kinship2_cpu_s']} s"
               if "ours_cpu_s" in race else "")
        if race.get("runs", 1) > 1:
            each = race.get("run_speedups")
            cpu += f"; fastest of {race['runs']} runs each, taking turns" + (
                f"; run by run {', '.join(f'{x}x' for x in each)}" if isinstance(each, list) else "")
        targets.append((f"{race['families']} families / {race['people']:,} people into a folder >= 5x faster "
                        "than kinship2", f"{race['ours_s']} s vs {race['kinship2_s']} s ({race['speedup']}x{cpu})",
                        verdict(race["speedup"] >= 5)))
    else:
        targets.append(("400-family table >= 5x faster than kinship2",
                        str(race.get("kinship2", "not measured in this run")), "n/a"))
    return targets


def by_source(results: list[Result]) -> str:
    lines = ["| families | n | people | crossings | dot | width | dot | defects | dot |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups: dict[str, list[Result]] = {}
    for r in results:
        if not (r.ours.error or r.dot.error):
            groups.setdefault(group_of(r), []).append(r)
    for name, rs in groups.items():
        lines.append(f"| {name} | {len(rs)} | {sum(r.people for r in rs):,} "
                     f"| {sum(r.ours.crossings for r in rs):,} | {sum(r.dot.crossings for r in rs):,} "
                     f"| {sum(r.ours.width for r in rs):,.0f} | {sum(r.dot.width for r in rs):,.0f} "
                     f"| {sum(r.ours.defects for r in rs):,} | {sum(r.dot.defects for r in rs):,} |")
    return "\n".join(lines)


def group_of(r: Result) -> str:
    if r.source != "real":
        return r.source if r.source != "generated" else "generated (stress)"
    head = r.name.split("/")[0]
    if "minnbreast" in r.name:
        return "kinship2 minnbreast" + (" (100+ people)" if r.people >= BIG else " (< 100 people)")
    return {"kinship2": "kinship2 samples", "madeline": "Madeline 2.0 tests", "gedcom": "GEDCOM files"}.get(head, head)


def worst(results: list[Result], n: int) -> list[Result]:
    ok = [r for r in results if not (r.ours.error or r.dot.error)]
    return sorted(ok, key=lambda r: (-(r.ours.crossings - r.dot.crossings + 10 * r.ours.defects), r.name))[:n]


def write_worst(members: dict[str, Member], results: list[Result], n: int, folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    svg2png = tool("svg2png")
    for rank, r in enumerate(worst(results, n), 1):
        family = members[r.name].family
        stem = f"{rank:02d}-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in r.name)
        ours, _, _ = draw_ours(family)
        theirs, _ = draw_dot(family)
        for suffix, svg in (("socialtools", ours), ("dot", theirs)):
            path = folder / f"{stem}-{suffix}.svg"
            path.write_text(svg, encoding="utf-8")
            written.append(str(path))
            if svg2png:
                subprocess.run([str(svg2png), str(path)], capture_output=True, timeout=TIMEOUT)
    return written


def against_baseline(results: list[Result], baseline: dict[str, object]) -> str:
    """Crossings, width and defects now and in an earlier ``--json`` run, over the families both
    runs drew (socialtools and dot), with dot's crossings of this run for scale."""
    before = {f["name"]: f for f in baseline["families"] if not (f["ours"]["error"] or f["dot"]["error"])}
    rows = [(r, before[r.name]) for r in results if r.name in before and not (r.ours.error or r.dot.error)]
    lines = ["| families | n | crossings before | now | dot | width before | now | dot | defects before | now |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    big = [x for x in rows if x[0].people >= BIG]
    groups: dict[str, list[tuple[Result, dict]]] = {"all": rows, f"{BIG}+ people": big}
    for r, b in rows:
        groups.setdefault(group_of(r), []).append((r, b))
    for name, rs in groups.items():
        lines.append(f"| {name} | {len(rs)} | {sum(b['ours']['crossings'] for _, b in rs):,} "
                     f"| {sum(r.ours.crossings for r, _ in rs):,} | {sum(r.dot.crossings for r, _ in rs):,} "
                     f"| {sum(b['ours']['width'] for _, b in rs):,.0f} | {sum(r.ours.width for r, _ in rs):,.0f} "
                     f"| {sum(r.dot.width for r, _ in rs):,.0f} | {sum(b['ours']['defects'] for _, b in rs):,} "
                     f"| {sum(r.ours.defects for r, _ in rs):,} |")
    return "\n".join(lines)


def write_json(path: Path, figures: dict[str, object], checks: list[dict[str, object]], unread: list[Member],
               members: list[Member], results: list[Result]) -> None:
    path.write_text(json.dumps({"summary": figures, "cross_check": checks,
                                "unread": [{"name": m.name, "error": m.error} for m in unread],
                                "converted": [{"name": m.name, "note": m.note} for m in members if m.note],
                                "families": [asdict(r) for r in results]}, indent=1), encoding="utf-8")


def from_json(path: Path) -> tuple[list[Member], list[Member], list[Result], dict[str, object],
                                   dict[str, object], list[dict[str, object]]]:
    """Members (unread and converted only), results, speeds, race and cross-check of a --json run."""
    data = json.loads(path.read_text(encoding="utf-8"))
    results = [Result(**{**f, "ours": Drawing(**f["ours"]), "dot": Drawing(**f["dot"])}) for f in data["families"]]
    unread = [Member(u["name"], "real", None, u["error"]) for u in data["unread"]]
    converted = [Member(c["name"], "real", None, note=c["note"]) for c in data.get("converted", [])]
    summary_ = data["summary"]
    speeds = summary_.get("speed") or {k: v for k, v in summary_.items() if k.split("_")[0] in ("people", "ours", "dot")
                                       and k.split("_")[-1] in ("400", "10000")}
    race = {k.removeprefix("race_"): v for k, v in summary_.items() if k.startswith("race_")}
    return unread + converted, unread, results, speeds, race, data["cross_check"]


def speed_and_race(args: argparse.Namespace) -> tuple[dict[str, object], dict[str, object]]:
    """The speed targets and the kinship2 race of a corpus run: none with ``--only`` (a run on the
    named families measures those families, not the 10,000-person layout), no race with ``--quick``."""
    if args.only:
        return {}, {"kinship2": "skipped (--only)"}
    speeds = speed(args.quick)
    race = ({"kinship2": "skipped (--no-race)"} if args.no_race or args.quick else kinship2_race(args.race_runs))
    return speeds, race


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small subset of the corpus; no 10,000-person run")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="draw the N worst families into --worst-dir")
    ap.add_argument("--worst-dir", default="layout-quality-worst", metavar="DIR")
    ap.add_argument("--write-docs", metavar="FILE.md", nargs="+",
                    help="replace the marked block (<!-- layout_quality:begin/end -->) of each FILE.md by the summary")
    ap.add_argument("--no-race", action="store_true", help="skip the kinship2 comparison")
    ap.add_argument("--speed-only", action="store_true",
                    help="only the speed targets (400 and 10,000 people; with --quick the 400-person family only) and "
                    "the kinship2 race: no corpus, no svgcheck")
    ap.add_argument("--race-runs", type=int, default=1, metavar="N",
                    help="run each side of the kinship2 race N times and keep the fastest (default 1)")
    ap.add_argument("--only", metavar="TEXT", help="only families whose name contains TEXT (no speed targets: "
                    "they measure other families)")
    ap.add_argument("--baseline", metavar="FILE.json", help="compare with an earlier --json run")
    ap.add_argument("--from-json", metavar="FILE.json",
                    help="print (and --write-docs) the figures of an earlier --json run instead of measuring")
    ap.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="measure the families in N processes (times are then less comparable)")
    ap.add_argument("--svgcheck-limit", type=float, default=CHECK_LIMIT, metavar="S",
                    help=f"seconds svgcheck may spend on one drawing (default {CHECK_LIMIT:g}); a family over it "
                    "is listed as not judged")
    args = ap.parse_args(argv)
    set_check_limit(args.svgcheck_limit)

    if shutil.which("dot") is None:
        sys.exit("layout_quality: Graphviz 'dot' is not on the PATH")
    bad = verify_manifest()
    if bad:
        sys.exit(f"layout_quality: checksum differs from corpus/MANIFEST.tsv: {', '.join(bad)}")
    if args.speed_only:
        return speed_only(args)
    if args.from_json:
        members, unread, results, speeds, race, checks = from_json(Path(args.from_json))
        stored = json.loads(Path(args.from_json).read_text(encoding="utf-8"))["summary"]
        set_check_limit(stored.get("check_limit_s", CHECK_LIMIT))
        if args.worst:
            members = corpus(args.quick)
    else:
        svgcheck = load_svgcheck()
        members = corpus(args.quick)
        if args.only:
            members = [m for m in members if args.only in m.name]
        unread = [m for m in members if m.family is None]
        results = measure_all([m for m in members if m.family is not None], args.jobs)
        if args.json:  # the families first: a run stopped during the speed targets keeps them
            write_json(Path(args.json), summary(results, unread, {}, {})[1], [], unread, members, results)
        speeds, race = speed_and_race(args)
        checks = cross_check(svgcheck, members, results)
    targets, figures = summary(results, unread, speeds, race)

    out = io.StringIO()
    print("## Layout quality: socialtools against Graphviz dot (yardstick model)\n", file=out)
    print(family_table(results, total=True), file=out)
    if unread:
        print("\nNot read by socialtools (reported, not measured):", file=out)
        for m in unread:
            print(f"- {m.name}: {m.error}", file=out)
    converted = [m for m in members if m.note]
    if converted:
        print("\nMadeline files the package's reader refused, measured through the benchmark's plain-table "
              "conversion:", file=out)
        for m in converted:
            print(f"- {m.name}: {m.note}", file=out)
    print("\n### By source\n", file=out)
    print(by_source(results), file=out)
    print("\n### Targets (issue 10)\n", file=out)
    print(targets, file=out)
    print("\n### Crossing counts cross-checked against brute force\n", file=out)
    print("| family | people | svgcheck | brute force (SVG lines) | socialtools own | brute force (layout lines) |",
          file=out)
    print("|---|---:|---:|---:|---:|---:|", file=out)
    for c in checks:
        print(f"| {c['family']} | {c['people']} | {c['svgcheck']} | {c['svg_brute_force']} | {c['own']} "
              f"| {c['layout_brute_force']} |", file=out)
    if args.baseline:
        print(f"\n### Against the baseline {args.baseline}\n", file=out)
        print(against_baseline(results, json.loads(Path(args.baseline).read_text(encoding="utf-8"))), file=out)
    print("\n### Worst families (crossings over dot's, defects x10)\n", file=out)
    print(family_table(worst(results, max(args.worst, 5))), file=out)
    sys.stdout.write(out.getvalue())

    if args.worst:
        written = write_worst({m.name: m for m in members}, results, args.worst, Path(args.worst_dir))
        print(f"\nwrote {len(written)} SVGs of the {args.worst} worst families into {args.worst_dir}/")
    if args.json:
        write_json(Path(args.json), figures, checks, unread, members, results)
    if args.write_docs:
        shown = []
        for page in args.write_docs:
            target = Path(page).resolve()
            shown.append(str(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target.name))
        script = "python3 benchmarks/layout_quality.py"
        how = (script + (" --quick" if args.quick else "") + (f" --only {args.only}" if args.only else "")
               + (f" --jobs {args.jobs}" if args.jobs > 1 else "") + (" --no-race" if args.no_race else "")
               + (f" --svgcheck-limit {CHECK_LIMIT:g}" if CHECK_LIMIT != 60 else ""))
        if args.from_json:  # the options of the measuring run are not known here
            run = Path(args.from_json).name
            how = f"{script} --json {run}`, then `{script} --from-json {run}"
        block = (f"Measured by `{how} --write-docs {' '.join(shown)}` (all figures of one run on one machine) "
                 f"on {figures['families']} families ({figures['real_pedigrees']} real pedigrees; "
                 f"{figures['drawn_by_both']} drawn and judged on both sides, {figures['unread_files']} file(s) not "
                 f"read" + (f", {len(figures['svgcheck_time_limit'])} not judged: svgcheck over "
                            f"{figures['check_limit_s']:g} s" if figures.get("svgcheck_time_limit") else "")
                 + f").\n\n{by_source(results)}\n\n{targets}\n\nThe worst families (crossings over dot's):\n\n"
                 f"{family_table(worst(results, 5))}\n")
        speed_block = (f"Measured by `{how} --write-docs {' '.join(shown)}` (the speed figures of the same run "
                       f"as the layout_quality block below):\n\n"
                       f"{target_table(speed_targets(speeds, race), speeds, race)}\n")
        for page in args.write_docs:
            replace_block(page, "layout_quality", block)
            if "<!-- layout_speed:begin -->" in Path(page).read_text(encoding="utf-8"):
                replace_block(page, "layout_speed", speed_block)  # one run: the two blocks never disagree
    return 0


def speed_only(args: argparse.Namespace) -> int:
    """``--speed-only``: the speed targets and the kinship2 race, printed (and written into the
    ``layout_speed`` block of each ``--write-docs`` page); with ``--from-json``, those of an
    earlier ``--speed-only --json`` run."""
    if args.from_json:  # the figures of an earlier --speed-only --json run
        saved = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        speeds, race = saved["speed"], saved["race"]
        run = Path(args.from_json).name
        measured = saved.get("how", "python3 benchmarks/layout_quality.py --speed-only"
                             + (f" --race-runs {race['runs']}" if race.get("runs", 1) > 1 else ""))
        how = f"{measured} --json {run}`, then `python3 benchmarks/layout_quality.py --speed-only --from-json {run}"
    else:
        speeds = speed(args.quick)
        race = {"kinship2": "skipped (--no-race)"} if args.no_race else kinship2_race(args.race_runs)
        how = ("python3 benchmarks/layout_quality.py --speed-only" + (" --quick" if args.quick else "")
               + (" --no-race" if args.no_race else "")
               + (f" --race-runs {args.race_runs}" if args.race_runs > 1 else ""))
    table_text = target_table(speed_targets(speeds, race), speeds, race)
    print("## Speed targets (issue 10)\n")
    print(table_text)
    if args.json:
        Path(args.json).write_text(json.dumps({"speed": speeds, "race": race, "how": how}, indent=1) + "\n",
                                   encoding="utf-8")
    if args.write_docs:
        shown = " ".join(str(Path(page).resolve().relative_to(ROOT)) if Path(page).resolve().is_relative_to(ROOT)
                         else Path(page).name for page in args.write_docs)
        for page in args.write_docs:
            replace_block(page, "layout_speed", f"Measured by `{how} --write-docs {shown}`:\n\n{table_text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
