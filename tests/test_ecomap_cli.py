"""``socialtools ecomap`` and the demo: outputs, errors (exit 2, one line, no file)."""

from __future__ import annotations

import yaml

from socialtools.cli import main
from socialtools.demo import demo_files
from socialtools.examples import example_path, load_example


def write_case(tmp_path, ecomap):
    doc = load_example("pk.yaml")
    doc["ecomap"] = ecomap
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def test_cli_writes_svg_and_png(tmp_path):
    out = tmp_path / "eco.svg"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "PM lain" in text and "Keterangan" in text
    png = tmp_path / "eco.png"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(png), "--lang", "en", "--bw"]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_cli_compare(tmp_path):
    out = tmp_path / "ba.svg"
    assert main(["ecomap", str(example_path("pk.yaml")), "--compare", "-o", str(out)]) == 0
    assert "Sesudah intervensi" in out.read_text(encoding="utf-8")


def test_bare_ecomap_file(tmp_path):
    path = tmp_path / "eco.json"
    path.write_text('{"focal": "R", "systems": [{"id": "a"}], "ties": [{"system": "a"}]}', encoding="utf-8")
    out = tmp_path / "eco.svg"
    assert main(["ecomap", str(path), "-o", str(out)]) == 0 and out.exists()


def check_error(tmp_path, capsys, ecomap, *words, extra=()):
    case = write_case(tmp_path, ecomap)
    out = tmp_path / "out.svg"
    assert main(["ecomap", str(case), "-o", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    for word in words:
        assert word in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]


def test_unknown_system(tmp_path, capsys):
    check_error(
        tmp_path,
        capsys,
        {"systems": [{"id": "a"}], "ties": [{"system": "zz"}]},
        "unknown system 'zz'",
        "ties[0]",
        "field 'system'",
    )


def test_unknown_member(tmp_path, capsys):
    check_error(
        tmp_path,
        capsys,
        {"focal": {"members": ["PK", "Q"]}, "systems": [{"id": "a"}]},
        "unknown person 'Q'",
        "focal",
        "field 'members'",
    )


def test_unknown_tie_end(tmp_path, capsys):
    check_error(
        tmp_path,
        capsys,
        {"focal": {"members": ["PK"]}, "systems": [{"id": "a"}], "ties": [{"system": "a", "to": "RP"}]},
        "unknown system or focal member 'RP'",
        "field 'to'",
    )


def test_strength_out_of_range(tmp_path, capsys):
    check_error(
        tmp_path,
        capsys,
        {"systems": [{"id": "a"}], "ties": [{"system": "a", "strength": "strong", "level": 5}]},
        "ties[0]",
        "field 'level'",
    )


def test_compare_without_after(tmp_path, capsys):
    check_error(tmp_path, capsys, {"systems": [{"id": "a"}]}, "after", extra=("--compare",))


def test_unknown_extension(tmp_path, capsys):
    out = tmp_path / "eco.gif"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(out)]) == 2
    assert ".gif" in capsys.readouterr().err and not out.exists()


def test_help(capsys):
    try:
        main(["ecomap", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    assert "--compare" in capsys.readouterr().out


def test_demo_has_the_pk_ecomaps():
    files = demo_files()
    assert "pk-ecomap.svg" in files and "pk-ecomap-before-after.svg" in files
    assert "Ekomap" in files["pk-ecomap.svg"]


def test_group_option_groups_categories(tmp_path):
    import re

    out = tmp_path / "g.svg"
    assert main(["ecomap", str(example_path("pk.yaml")), "--group", "-o", str(out)]) == 0
    plain = tmp_path / "p.svg"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(plain)]) == 0
    circles = re.compile(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"')
    assert circles.findall(out.read_text(encoding="utf-8")) != circles.findall(plain.read_text(encoding="utf-8"))


def test_dot_export_is_read_by_graphviz(tmp_path) -> None:
    import shutil
    import subprocess

    from socialtools.cli import main
    from socialtools.examples import example_path

    out = tmp_path / "eco.dot"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    text = out.read_text()
    assert text.startswith("graph ecomap {") and '"focal"' in text
    if shutil.which("dot"):
        result = subprocess.run(["dot", "-Kneato", "-Tplain", str(out)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "Ibadah" in result.stdout


def test_cli_warns_about_defects_the_layout_could_not_avoid(tmp_path, monkeypatch, capsys) -> None:
    from socialtools.ecomap.diagram import EcomapDiagram
    from socialtools.ecomap.layout import layout_ecomap

    def crowded(*args, **kwargs):
        lay = layout_ecomap(*args, **kwargs)
        lay.quality.unplaced_labels = 1
        lay.quality.examples.append("no room for the label of tie x – focal")
        return lay

    monkeypatch.setattr("socialtools.ecomap.diagram.layout_ecomap", crowded)
    out = tmp_path / "pk.svg"
    assert main(["ecomap", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert out.exists() and "warning: 1 layout defect(s) remain" in err and "tie x" in err
    assert EcomapDiagram.from_document(load_example("pk.yaml")).warnings()
