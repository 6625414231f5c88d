"""``socialtools genogram`` and ``socialtools demo`` as a user meets them."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from socialtools.cli import main
from socialtools.examples import example_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "socialtools", *args], capture_output=True, text=True)


def test_svg_png_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["genogram", str(example_path("pk.yaml")), "-o", str(tmp_path / "g.svg"), "--lang", "en"]) == 0
    svg = (tmp_path / "g.svg").read_text()
    assert "Legend" in svg and "Female" in svg
    assert main(["genogram", str(example_path("pk.yaml")), "-o", str(tmp_path / "g.png")]) == 0
    assert (tmp_path / "g.png").read_bytes()[:4] == b"\x89PNG"
    capsys.readouterr()
    assert main(["genogram", str(example_path("pk.yaml")), "-o", str(tmp_path / "s.svg"), "--stats"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["ok"] is True and stats["people"] == stats["drawn"] == 5


def test_bad_input_one_line_exit_2_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("family:\n  people:\n    - {id: A}\n  unions:\n    - {partners: [A, Z]}\n")
    out = tmp_path / "out.svg"
    result = run("genogram", str(bad), "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown person 'Z'" in lines[0] and "family.unions[0]" in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content, words", [("family: [1, 2", "invalid YAML"), ("- a\n- b\n", "mapping"),
                                            ("other: {}\n", "no 'family' section")])
def test_unreadable_files(tmp_path: Path, content: str, words: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    result = run("genogram", str(bad), "-o", str(tmp_path / "o.svg"))
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_usage_errors(tmp_path: Path) -> None:
    assert run("genogram", str(example_path("pk.yaml")), "-o", str(tmp_path / "o.gif")).returncode == 2
    assert run("genogram", str(example_path("pk.yaml"))).returncode == 2
    assert run("genogram", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "o.svg")).returncode == 2
    result = run("genogram", "--help")
    assert result.returncode == 0 and "--initials" in result.stdout


def test_pedigree_table_to_folder(tmp_path: Path) -> None:
    table = tmp_path / "fam.ped"
    table.write_text("1 a 0 0 1 1\n1 b 0 0 2 1\n1 c a b 1 2\n2 x 0 0 2 1\n2 y 0 x 1 1\n")
    out = tmp_path / "out"
    assert run("genogram", str(table), "-o", f"{out}/").returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["1-genogram.svg", "2-genogram.svg"]
    assert run("genogram", str(table), "-o", str(tmp_path / "one.svg"), "--family", "2").returncode == 0
    assert run("genogram", str(table), "-o", str(tmp_path / "all.svg")).returncode == 2  # two families, one file
    assert run("genogram", str(table), "-o", str(tmp_path / "n.svg"), "--family", "9").returncode == 2


def test_demo_writes_the_pk_figures(tmp_path: Path) -> None:
    result = run("demo", "-o", str(tmp_path))
    assert result.returncode == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"pk-genogram.svg", "three-generations-genogram.svg"} <= names


def test_pdf_and_dot_outputs(tmp_path: Path) -> None:
    pk = str(example_path("pk.yaml"))
    assert main(["genogram", pk, "-o", str(tmp_path / "g.pdf")]) == 0
    assert (tmp_path / "g.pdf").read_bytes()[:5] == b"%PDF-"
    assert main(["genogram", pk, "-o", str(tmp_path / "g.dot")]) == 0
    dot = (tmp_path / "g.dot").read_text()
    assert dot.startswith("digraph") and '"PK"' in dot


def test_many_families_drawn_in_parallel_match_one_by_one(tmp_path: Path) -> None:
    """From PARALLEL_FROM families on, the workers make and draw the families (the largest first):
    the files, their order, the initials and the warnings are those of drawing each family on its own."""
    rows = ["famid,id,father,mother,sex,name,birth"]
    for f in range(1, 21):
        rows += [f"{f},a,0,0,1,Adi Putra {f},1950", f"{f},b,0,0,2,Bunga Sari,1952",
                 f"{f},c,a,b,{1 + f % 2},Citra {f},{1940 if f == 7 else 1980}", f"{f},d,a,b,2,Dewi,1982"]
        rows += [f"{f},e{k},a,b,{1 + k % 2},Eka {k},{1984 + k}" for k in range(f % 5)]  # sizes differ
    table = tmp_path / "many.csv"
    table.write_text("\n".join(rows) + "\n")
    out = tmp_path / "all"
    result = run("genogram", str(table), "-o", f"{out}/", "--lenient", "--initials")
    assert result.returncode == 0, result.stderr
    assert len(list(out.iterdir())) == 20
    warnings = [ln for ln in result.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 2 and all("(id 'c'), field 'birth': born (1940) before their parent" in w
                                      and "family.people" not in w for w in warnings)
    for f in (1, 4, 7, 20):
        one = tmp_path / f"{f}.svg"
        alone = run("genogram", str(table), "-o", str(one), "--family", str(f), "--lenient", "--initials")
        assert alone.returncode == 0
        assert (out / f"{f}-genogram.svg").read_bytes() == one.read_bytes()
        assert "Adi Putra" not in one.read_text() and "AP" in one.read_text()


def test_r22_labels_take_indonesian_words_and_hint_at_a_typo(tmp_path, capsys) -> None:
    """Review 5 R22: '--labels nama,umur' was 'unknown label field' with no hint, though case files
    accept Indonesian everywhere else."""
    from socialtools.cli import main
    from socialtools.examples import example_path

    src = str(example_path("family-history.yaml"))
    assert main(["genogram", src, "--labels", "nama,umur", "-o", str(tmp_path / "a.svg")]) == 0
    assert main(["genogram", src, "--labels", "name,age", "-o", str(tmp_path / "b.svg")]) == 0
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    capsys.readouterr()
    assert main(["genogram", src, "--labels", "nama,umr", "-o", str(tmp_path / "c.svg")]) == 2
    err = capsys.readouterr().err
    assert "unknown label field 'umr' (did you mean 'umur'?)" in err and not (tmp_path / "c.svg").exists()


def test_command_line_naming_a_command_builds_only_its_parser() -> None:
    """A command line naming a sub-command imports only its module (:data:`COMMAND_OF`); every
    sub-command the full parser has is in that table, with the module that registers it."""
    import importlib

    from socialtools.cli import COMMAND_MODULES, COMMAND_OF, build_parser

    def choices(parser: argparse.ArgumentParser) -> set[str]:
        return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]

    assert choices(build_parser()) == set(COMMAND_OF)
    assert set(COMMAND_OF.values()) == set(COMMAND_MODULES)
    for command, module in COMMAND_OF.items():
        assert command in choices(build_parser(command))
        registered = argparse.ArgumentParser()
        importlib.import_module(module).register(registered.add_subparsers())
        assert choices(build_parser(command)) == choices(registered)


def test_the_help_lists_the_commands_in_their_order() -> None:
    """The modules are listed once (:data:`COMMAND_OF`, its modules in order): the help keeps its order."""
    from socialtools.cli import build_parser

    order = list(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert order == ["genogram", "demo", "convert", "gedcom", "schema", "venn", "quadrant", "ecomap", "report"]


def _forty_families(tmp_path: Path, long_name_in: int | None = None) -> Path:
    rows = ["famid,id,father,mother,sex,name"]
    for f in range(1, 41):
        name = "Citra" * 8 if f == long_name_in else "Citra"
        rows += [f"{f},a,0,0,1,Adi", f"{f},b,0,0,2,Bunga", f"{f},c,a,b,1,{name}"]
    table = tmp_path / "forty.csv"
    table.write_text("\n".join(rows) + "\n")
    return table


def test_the_workers_write_the_files_and_the_command_only_moves_them_into_place(tmp_path, monkeypatch) -> None:
    """Issue 10's race: a worker writes each family's file beside its target while the other
    draws (the command wrote all 400 files of the race's table itself, after the drawing)."""
    import socialtools.genogram.cli as genogram_cli
    from socialtools.io.output import Written, write_files

    given: list[object] = []

    def recorded(files):
        given.extend(files.values())
        return write_files(files)

    monkeypatch.setattr(genogram_cli, "write_files", recorded)
    out = tmp_path / "new" / "folder"
    assert main(["genogram", str(_forty_families(tmp_path)), "-o", f"{out}/"]) == 0
    assert len(given) == 40 and all(isinstance(data, Written) for data in given)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{f}-genogram.svg" for f in range(1, 41))
    one = tmp_path / "one.svg"
    assert main(["genogram", str(tmp_path / "forty.csv"), "-o", str(one), "--family", "7"]) == 0
    assert (out / "7-genogram.svg").read_bytes() == one.read_bytes()


def test_a_family_refused_by_a_worker_leaves_no_file_and_no_new_folder(tmp_path, monkeypatch) -> None:
    """What the workers wrote before one of them met bad input is removed, and the folder the
    command made for the files too; a folder that was there stays, empty."""
    monkeypatch.setenv("SOCIALTOOLS_MAX_FIELD_CHARS", "20")  # family 33's name is too long: met in a worker
    table = _forty_families(tmp_path, long_name_in=33)
    made = tmp_path / "made" / "here"
    result = run("genogram", str(table), "-o", f"{made}/")
    assert result.returncode == 2 and "family '33'" in result.stderr
    assert not (tmp_path / "made").exists()
    there = tmp_path / "there"
    there.mkdir()
    result = run("genogram", str(table), "-o", f"{there}/")
    assert result.returncode == 2 and list(there.iterdir()) == []


@pytest.mark.parametrize("extra", [["-o", "g.dot"], ["-o", "g.svg", "--compare", "2000", "2010"]])
def test_stats_where_nothing_is_measured_is_a_usage_error(tmp_path: Path, extra: list[str],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """--stats with a .dot file or --compare printed nothing at all, not even the 'wrote' line
    (review10 gap 4): now one line says what --stats measures, exit 2, no file written."""
    args = ["genogram", str(example_path("pk.yaml")), *extra, "--stats"]
    args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--stats measures one drawn genogram" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_stats_count_a_copy_drawn_by_duplicate_loops_once(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    """--duplicate-loops draws a partner of a cousin marriage twice; --stats said 'people': 11 for a
    10-person family (review10 gap 5): the copy is counted as a copy, not as a person."""
    case = Path(__file__).parent / "data" / "cases" / "cousin-marriage.yaml"
    stats = []
    for extra in ([], ["--duplicate-loops"]):
        assert main(["genogram", str(case), "-o", str(tmp_path / "g.svg"), "--stats", *extra]) == 0
        stats.append(json.loads(capsys.readouterr().out))
    once, twice = stats
    assert once["people"] == twice["people"] == once["drawn"] == twice["drawn"] == 10
    assert (once["copies"], twice["copies"]) == (0, 1) and twice["ok"] is True
