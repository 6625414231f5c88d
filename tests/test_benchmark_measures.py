"""The measuring side of the layout benchmark (benchmarks/): the brute-force crossing counter,
the crossing counts it cross-checks, the corpus MANIFEST, the yardstick DOT and the stress families."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from socialtools.genogram import Genogram
from tests.benchmark_modules import bench_module

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


crossings = bench_module("crossings")
generated = bench_module("generated_families")
lq = bench_module("layout_quality")  # the same module object as the corpus regression tests use


def test_three_lines_through_one_bar_are_three_crossings() -> None:
    bar = [(0.0, 50.0), (300.0, 50.0)]
    verticals = [[(x, 0.0), (x, 100.0)] for x in (50.0, 150.0, 250.0)]
    assert crossings.brute_force_crossings([bar, *verticals]) == 3


def test_junctions_and_shared_ends_are_no_crossings() -> None:
    bar = [(0.0, 50.0), (300.0, 50.0)]
    t_junction = [(100.0, 50.0), (100.0, 100.0)]
    end_to_end = [(300.0, 50.0), (300.0, 0.0)]
    parallel = [(0.0, 40.0), (250.0, 40.0)]
    assert crossings.brute_force_crossings([bar, t_junction, end_to_end, parallel]) == 0


def test_polyline_segments_each_count_and_skip_excludes_pairs() -> None:
    zigzag = [(0.0, 0.0), (10.0, 100.0), (20.0, 0.0), (30.0, 100.0)]
    bar = [(-5.0, 50.0), (40.0, 50.0)]
    assert crossings.brute_force_crossings([zigzag, bar]) == 3
    assert crossings.brute_force_crossings([zigzag, bar], skip=lambda i, j: True) == 0


def test_brute_force_agrees_with_a_random_check() -> None:
    rng = random.Random(7)
    lines = [[(rng.uniform(0, 100), rng.uniform(0, 100)), (rng.uniform(0, 100), rng.uniform(0, 100))]
             for _ in range(30)]
    expected = 0
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            (a, b), (c, d) = lines[i], lines[j]

            def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
                return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

            expected += side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0
    # random segments meet near an end point with negligible probability: tol 0 matches the orientation test
    assert crossings.brute_force_crossings(lines, tol=0.0) == expected


@pytest.mark.parametrize("shape", ["cousin-marriage", "half-siblings", "branches-intermarry"])
def test_svgcheck_crossings_equal_the_brute_force_count(svgcheck: ModuleType, shape: str) -> None:
    text = generated.stress_tables((1,))[f"{shape}-1"]
    family = lq.read_table(text, shape)["1"]
    svg = Genogram(family, lq.OPTIONS).to_svg()
    counted = svgcheck.check(svg, is_text=True, max_examples=0)["counts"]["line_crossings"]
    assert counted == crossings.svg_brute_force(svgcheck, svg)
    assert counted > 0  # these families do cross: the comparison is not 0 == 0


def test_every_corpus_file_is_in_the_manifest_with_its_checksum() -> None:
    rows = lq.manifest()
    listed = {r["file"] for r in rows}
    files = {str(p.relative_to(lq.CORPUS)) for p in lq.CORPUS.rglob("*")
             if p.is_file() and p.parent.name != "licences" and p.name != "MANIFEST.tsv"}
    assert files == listed
    for r in rows:
        assert r["repository"].count("/") == 1 and r["licence"] and len(r["commit"]) == 40
        assert hashlib.sha256((lq.CORPUS / r["file"]).read_bytes()).hexdigest() == r["sha256"], r["file"]
    assert lq.verify_manifest() == []


def test_madeline_flat_file_becomes_a_plain_table() -> None:
    text = "FamilyId\nIndividualId\nGender\nFather\nMother\n\nf1 a M . .\nf1 b F . .\nf1 c F a b\n"
    families = lq.read_table(lq.madeline_table(text), "madeline")
    union = families["f1"].unions[0]
    assert sorted(union.partners) == ["a", "b"] and [c.id for c in union.children] == ["c"]


def test_yardstick_dot_has_one_point_per_union_and_no_constraints() -> None:
    family = Genogram.from_file(lq.HARD_CASES / "several-partners.yaml").family
    dot = lq.yardstick_dot(family)
    assert dot.count("shape=point") == len(family.unions)
    edges = sum(len(u.partners) + len(u.children) for u in family.unions)
    assert dot.count("->") == edges
    assert "rank" not in dot.replace("rankdir", "")


def _parents(rows: list[tuple[str, str, str, str]]) -> dict[str, tuple[str, str]]:
    return {pid: (f, m) for pid, f, m, _ in rows if f != "0"}


def _ancestors(pid: str, parents: dict[str, tuple[str, str]]) -> set[str]:
    out, todo = set(), [pid]
    while todo:
        for p in parents.get(todo.pop(), ()):
            if p not in out:
                out.add(p)
                todo.append(p)
    return out


def _rows(name: str) -> list[tuple[str, str, str, str]]:
    shape = next(s for s in generated.SHAPES if s.name == name)
    return generated.grow(random.Random(f"{name}:1"), shape)


def test_stress_families_are_seeded() -> None:
    assert generated.stress_tables((2,)) == generated.stress_tables((2,))
    assert generated.big_table(families=5, people=300) == generated.big_table(families=5, people=300)


def test_stress_families_have_their_shapes() -> None:
    big = Counter((f, m) for _, f, m, _ in _rows("large-sibships") if f != "0")
    assert max(big.values()) >= 8
    rows = _rows("cousin-marriage")
    parents = _parents(rows)
    related = [(f, m) for f, m in set(parents.values()) if _ancestors(f, parents) & _ancestors(m, parents)]
    assert related, "no union between relatives"
    rows = _rows("partners-from-one-family")
    parents = _parents(rows)
    families_of_partners = [[parents[q] for q in ps if q in parents] for ps in _partner_sets(rows).values()]
    assert any(len(set(fs)) < len(fs) for fs in families_of_partners), "nobody has two partners who are siblings"
    rows = _rows("remarriage-chains")
    assert any(len(ps) >= 2 for ps in _partner_sets(rows).values())


def _partner_sets(rows: list[tuple[str, str, str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f, m in set(_parents(rows).values()):
        out.setdefault(f, set()).add(m)
        out.setdefault(m, set()).add(f)
    return out


def test_big_table_is_400_families_of_about_28000_people() -> None:
    lines = generated.big_table().splitlines()[1:]
    assert len({ln.split(",")[0] for ln in lines}) == 400
    assert 26_000 <= len(lines) <= 30_000


def test_svgcheck_over_the_time_limit_is_not_judged_and_is_listed() -> None:
    """bourbon took svgcheck more than 85 s: a drawing over the limit is reported, not waited for."""
    import time
    import types

    def slow_check(svg: str, is_text: bool, max_examples: int) -> dict[str, object]:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # busy, as svgcheck is (a sleep would be interrupted too)
            pass
        return {"ok": True, "counts": {"line_crossings": 0}, "canvas": [0, 0, 10, 10]}

    slow = types.SimpleNamespace(check=slow_check)
    before = lq.CHECK_LIMIT
    lq.set_check_limit(0.2)
    try:
        assert lq.check_within(slow, "<svg/>", 0.2) is None
        drawing = lq.Drawing()
        lq.judge(slow, "<svg/>", drawing)
    finally:
        lq.set_check_limit(before)
    assert drawing.timed_out and drawing.crossings is None and "time limit" in drawing.error
    result = lq.Result("slow", "real", 3, drawing, lq.Drawing(crossings=0, width=10.0, defects=0, time=0.1))
    text, figures = lq.summary([result], [], {}, {})
    assert figures["svgcheck_time_limit"] == ["slow"] and figures["failed"] == 0
    assert "not judged" in text and "| unknown |" in text
    assert "not judged: svgcheck time limit on socialtools" in lq.family_table([result])


def test_r22_only_measures_the_named_families_not_the_speed_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 5 R22: '--only hardcase/twins --no-race' still ran the 10,001-person speed layout."""
    import argparse

    def never(*_: object) -> dict[str, object]:
        raise AssertionError("a speed target was measured")

    monkeypatch.setattr(lq, "speed", never)
    monkeypatch.setattr(lq, "kinship2_race", never)
    speeds, race = lq.speed_and_race(argparse.Namespace(only="hardcase/twins", quick=False, no_race=False,
                                                        race_runs=1))
    assert speeds == {} and race == {"kinship2": "skipped (--only)"}
    assert all(verdict == "n/a" for _, _, verdict in lq.speed_targets(speeds, race))  # reported as not measured
    with pytest.raises(AssertionError, match="speed target"):  # without --only they are measured
        lq.speed_and_race(argparse.Namespace(only=None, quick=False, no_race=True, race_runs=1))


def test_the_speed_tables_of_a_docs_page_agree() -> None:
    """A page with a layout_speed block also carries the speed targets in its layout_quality block;
    a whole run with --write-docs writes both, so each speed row must read the same in both (review-5 R11)."""
    def rows(text: str, name: str) -> dict[str, str]:
        block = text.split(f"<!-- {name}:begin -->")[1].split(f"<!-- {name}:end -->")[0]
        return {line.split("|")[1].strip(): line for line in block.splitlines()
                if line.startswith("| ") and ("kinship2" in line or "10,001 people" in line or "400-person" in line)}

    for page in (BENCH.parent / "docs" / "genogram.md", BENCH / "README.md"):
        text = page.read_text(encoding="utf-8")
        speed, quality = rows(text, "layout_speed"), rows(text, "layout_quality")
        assert len(speed) == 3, page
        assert speed == {key: quality.get(key) for key in speed}, page


emotional_routes = bench_module("emotional_routes")


def test_the_emotional_routes_block_of_the_genogram_page_is_the_scripts() -> None:
    """docs/genogram.md quotes no hand-typed detour: its figures sit in the emotional_routes block that
    ``benchmarks/emotional_routes.py --write-docs docs/genogram.md`` writes, one row per variant drawn."""
    text = (BENCH.parent / "docs" / "genogram.md").read_text(encoding="utf-8")
    block = text.split("<!-- emotional_routes:begin -->")[1].split("<!-- emotional_routes:end -->")[0]
    assert "`python3 benchmarks/emotional_routes.py --write-docs docs/genogram.md`" in block
    summary = block.split("\n\n")[1].splitlines()
    assert summary[0].startswith("| variant | lines | median | p90 | worst | over 1.5× |")
    assert [row.split("|")[1].strip() for row in summary[2:]] == [
        emotional_routes.DOCS_NAMES[v] for v in emotional_routes.VARIANTS] == ["screen", "`--initials`", "report",
                                                                              "`--compare`"]
    outside = text.replace(block, "")
    assert "| variant | median |" not in outside  # the table once pasted by hand is gone


def test_a_zigzag_whose_teeth_come_near_a_child_line_runs_beside_it_by_the_strict_measure() -> None:
    """benchmarks/emotional_routes.py measures from the pattern's edge, not its middle: a conflict
    zigzag (teeth 4 units, stroke) 9 units off a child line runs beside it; a plain cut-off there does not."""
    child = [((0.0, 0.0), (0.0, 100.0))]
    line = [(9.0, 10.0), (9.0, 90.0)]
    assert emotional_routes.beside(line, "conflict", child) == pytest.approx(80.0)
    assert emotional_routes.beside(line, "cutoff", child) == 0.0
    # crossing the child line at a wide angle is not running beside it
    assert emotional_routes.beside([(-40.0, 20.0), (40.0, 80.0)], "conflict", child) == 0.0


def test_emotional_routes_measures_the_report_drawing_the_report_prints() -> None:
    """The report variant is the layout of the drawing the report chose (review-ra's is its compact or
    tightest form, narrower than the first report drawing), not a drawing the report does not print."""
    from socialtools.genogram.cli import load_families
    from socialtools.report.case import Case
    from socialtools.report.document import genogram_drawing, genogram_options
    from socialtools.report.model import ReportOptions

    family = next(iter(load_families(Path(__file__).parent / "data" / "cases" / "review-ra.yaml", None).values()))
    printed = emotional_routes.layouts(family, "report")
    drawn = genogram_drawing(Case(family=family), ReportOptions())
    assert drawn is not None and drawn.layout is not None
    assert printed.width == drawn.layout.width
    assert printed.width < Genogram(family, genogram_options(ReportOptions())).layout.width


def test_the_kinship2_race_takes_turns_and_prints_each_runs_ratio(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    """The two sides of the race alternate (a machine whose speed drifts slows both alike): ours,
    kinship2, kinship2, ours, ...; the best of each is compared and every run's ratio is printed."""
    import subprocess

    calls: list[str] = []

    def fake_run(argv: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        side = "kinship2" if argv[0] == "Rscript" else "compile" if "compileall" in argv else "ours"
        calls.append(side)
        out = Path(argv[-1].rstrip("/"))
        if side != "compile":
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{len(calls)}.svg").write_text("<svg/>", encoding="utf-8")
        return subprocess.CompletedProcess(argv, 0, stdout="svg\n", stderr="")

    seconds = {"ours": iter([5.0, 4.0, 6.0]), "kinship2": iter([20.0, 22.0, 24.0])}

    def fake_timed(fn: object, repeat: int = 1) -> tuple[float, float]:
        assert repeat == 1 and callable(fn)
        fn()
        wall = next(seconds[calls[-1]])
        return wall, wall * 1.5

    monkeypatch.setattr(lq, "kinship2_available", lambda: True)
    monkeypatch.setattr(lq.subprocess, "run", fake_run)
    monkeypatch.setattr(lq, "timed", fake_timed)
    race = lq.kinship2_race(3)
    assert [c for c in calls if c != "compile"] == ["ours", "kinship2", "kinship2", "ours", "ours", "kinship2"]
    # run 1: 20 / 5; run 2: 22 / 4; run 3: 24 / 6; best of each side: 20 / 4
    assert race["run_speedups"] == [4.0, 5.5, 4.0]
    assert (race["ours_s"], race["kinship2_s"], race["speedup"]) == (4.0, 20.0, 5.0)
    (target,) = [t for t in lq.speed_targets({}, race) if "kinship2" in t[0]]
    assert "run by run 4.0x, 5.5x, 4.0x" in target[1] and target[2] == "PASS"
