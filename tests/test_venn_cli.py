"""Command line of the Venn and quadrant commands: outputs, errors (exit 2, no file), demo files."""

from __future__ import annotations

import pytest

from socialtools import cli, demo
from socialtools.examples import example_path


@pytest.fixture(autouse=True)
def only_our_demos(monkeypatch):
    """The demo test checks this package's figures; the other kinds' demos are theirs to test."""
    monkeypatch.setattr(demo, "DEMO_SOURCES",
                        ("socialtools.venn.demo", "socialtools.quadrant.demo"))


def test_venn_institutional_svg_png_and_table(tmp_path):
    out = tmp_path / "village.svg"
    table = tmp_path / "village.md"
    assert cli.main(["venn", str(example_path("village.yaml")), "-o", str(out), "--table", str(table)]) == 0
    assert out.read_text().startswith("<?xml") and "Posyandu" in out.read_text()
    assert table.read_text().startswith("| Lembaga |")
    png = tmp_path / "village.png"
    assert cli.main(["venn", str(example_path("village.yaml")), "-o", str(png), "--lang", "en"]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_venn_sets_kind_from_file(tmp_path):
    src = tmp_path / "sets.json"
    src.write_text('{"kind": "sets", "title": "T", "sets": {"A": [1, 2], "B": [2, 3]}}')
    out = tmp_path / "sets.svg"
    assert cli.main(["venn", str(src), "-o", str(out)]) == 0
    assert ">T<" in out.read_text()


def test_quadrant_from_case_document(tmp_path):
    out = tmp_path / "q.svg"
    assert cli.main(["quadrant", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    assert "Kekuatan personal" in out.read_text()


@pytest.mark.parametrize(("command", "text", "words"), [
    ("venn", "kind: institutional\ninstitutions:\n  - {name: A}\ncooperation:\n  - {between: [A, B]}\n",
     "cooperation[0], field 'between': unknown institution 'B'"),
    ("venn", "kind: institutional\ninstitutions:\n  - {name: A, importance: 7}\n",
     "importance 7 is out of range"),
    ("venn", "kind: sets\nsets: {}\n", "needs 2 or 3 sets"),
    ("venn", "kind: sets\nsets: {A: [1], B: [2], C: [3], D: [4]}\n", "4 sets cannot be drawn"),
    ("venn", "kind: pie\n", "unknown kind 'pie'"),
    ("venn", "title: nothing\n", "no 'venn' section"),
    ("quadrant", "case: {id: x}\n", "no 'strengths' section"),
    ("quadrant", "strengths: {client: PK}\n", "all four cells are empty"),
])
def test_bad_input_exit_2_and_no_output(tmp_path, capsys, command, text, words):
    src = tmp_path / "in.yaml"
    src.write_text(text)
    out = tmp_path / "out.svg"
    assert cli.main([command, str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_bad_table_extension_writes_nothing(tmp_path, capsys):
    out = tmp_path / "v.svg"
    assert cli.main(["venn", str(example_path("village.yaml")), "-o", str(out), "--table",
                     str(tmp_path / "t.docx")]) == 2
    assert not out.exists() and ".docx" in capsys.readouterr().err


def test_demo_writes_our_figures(tmp_path):
    assert cli.main(["demo", "-o", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    expected = {"pk-strengths-quadrant.svg", "village-venn.svg", "village-bansos-venn.svg", "village-venn.md"}
    assert expected <= names


def test_help_mentions_commands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["venn", "--help"])
    assert "institutional" in capsys.readouterr().out


def test_json_schemas_accept_the_words_the_models_accept():
    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.schema import schema_for

    venn = jsonschema.Draft202012Validator(schema_for("venn"))
    good = {"kind": "institutional", "facilitators": "Tim KKN",
            "institutions": [{"name": "A", "importance": "sangat besar", "closeness": "dekat"}]}
    assert list(venn.iter_errors(good)) == []
    assert list(venn.iter_errors({"kind": "institutional", "institutions": [{"name": "A", "importance": 7}]}))
    assert list(venn.iter_errors({"kind": "sets", "counts": {"A": 1, "B": 2, "A&B": 1}})) == []
    strengths = jsonschema.Draft202012Validator(schema_for("strengths"))
    assert list(strengths.iter_errors({"kekuatan_personal": "jujur", "client": "PK"})) == []
    assert list(strengths.iter_errors({"kekuatan": ["typo in the key"]}))


@pytest.mark.parametrize("command, example", [("ecomap", "pk.yaml"), ("venn", "village.yaml"),
                                              ("quadrant", "pk.yaml")])
def test_every_drawing_command_says_what_it_wrote(tmp_path, capsys, command, example):
    # as genogram, report and demo do: one line on stderr naming the file (review-5 R22)
    out = tmp_path / "figure.svg"
    assert cli.main([command, str(example_path(example)), "-o", str(out)]) == 0 and out.exists()
    assert capsys.readouterr().err == f"socialtools {command}: wrote {out}\n"
