"""Hostile input and safe output (issue 12): every command × every output format × hostile data.

Accepted input must give valid, inert output (parsed back with real parsers: XML, HTML,
CommonMark, CSV, PDF, DOCX, GEDCOM lines, Graphviz); refused input must give exit status 2,
one line on stderr, no traceback and no file. Commands run in-process through
:func:`socialtools.cli.main` to keep the matrix fast.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import os
import re
import shutil
import stat
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from socialtools.cli import main
from socialtools.examples import load_example

# -- the catalogue of hostile strings ---------------------------------------------------------------
CONTROL = "Bu\x00di\x01\x08\x1b[31m\x7f\x85\ufffe\uffff\ud800\udfff"
MARKUP = ("[x](javascript:alert(1)) ![i](http://e.invalid/x.png) <script>alert(1)</script> "
          "<img src=x onerror=alert(1)> <svg onload=alert(1)> *em* _em_ `code` &lt;b&gt; | pipe | "
          "<https://e.invalid>\n# heading\n===\n1. list\n> quote\n    code block")
FORMULA = '=HYPERLINK("http://e.invalid","x")'
HOSTILE = f"{CONTROL} {MARKUP} {FORMULA}"
LONG = "X" * 10_000
MARKERS = ("javascript", "<script", "onerror", "onload")


def _named(doc: dict[str, Any], text: str) -> dict[str, Any]:
    """The PK example with ``text`` in every free-text field a writer shows."""
    doc = copy.deepcopy(doc)
    doc["case"]["title"] = "Klien " + text
    doc["case"]["problem"] = text
    for person in doc["family"]["people"]:
        person.update(name=f"{person['id']} {text}", occupation=text, notes=text)
    for household in doc["family"]["households"]:
        household["label"] = text
    for key in ("personal_strengths", "environmental_obstacles"):
        doc["strengths"][key][0] = text
    for system in doc["ecomap"]["systems"]:
        system["name"] = f"{system.get('id', system.get('person'))} {text}"
    doc["bpss"]["biological"][0]["finding"] = text
    doc["plan"]["case_work"][0]["activity"] = text
    return doc


def _village(text: str) -> dict[str, Any]:
    doc = load_example("village.yaml")
    venn = doc["venn"]
    renamed = {inst["name"]: f"{inst['name']} {text}" for inst in venn["institutions"]}
    for inst in venn["institutions"]:
        inst["name"] = renamed[inst["name"]]
        inst["notes"] = f"{FORMULA} {text}"
    for coop in venn.get("cooperation", []):
        coop["between"] = [renamed[n] for n in coop["between"]]
    venn["topic"] = venn["centre"] = text
    venn["participants"] = [text]
    return doc


def _sets(text: str) -> dict[str, Any]:
    return {"venn": {"kind": "sets", "title": text, "show": "members",
                     "sets": {"A": [f"a {text}", "b"], "B": ["b", f"c {text}"]}}}


def _write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=True, default=str), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit status and stderr of one in-process command line (any exception fails the test); the
    output's folder is made first, as a user writes into a folder that exists (a missing one is
    refused: tests/test_input_validation.py)."""
    if "-o" in argv and isinstance(out := argv[argv.index("-o") + 1], Path):
        out.parent.mkdir(parents=True, exist_ok=True)
    try:
        status = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse
        status = int(exc.code or 0)
    return status, capsys.readouterr().err


# -- validity and inertness, one checker per format -------------------------------------------------
_DATA_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "a", "use"}


def check_svg(data: bytes) -> None:
    root = ElementTree.fromstring(data)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        assert tag not in _DATA_TAGS, f"<{tag}> in the SVG"
        for name, value in element.attrib.items():
            assert not name.rsplit("}", 1)[-1].lower().startswith("on"), name
            assert "javascript" not in value.lower() and "url(http" not in value.lower(), value


def check_png(data: bytes) -> None:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[-8:-4] == b"IEND"


def check_pdf(data: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    reader.pages[0].extract_text()


def check_dot(data: bytes) -> None:
    text = data.decode("utf-8")
    outside_quotes = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text, flags=re.S)
    for marker in (*MARKERS, "HYPERLINK", "heading"):
        assert marker not in outside_quotes, f"{marker!r} outside a quoted DOT string"
    if shutil.which("dot"):
        result = subprocess.run(["dot", "-Tsvg"], input=data, capture_output=True, timeout=60)
        assert result.returncode == 0, result.stderr.decode()[:300]
        check_svg(result.stdout)


def check_docx(data: bytes) -> None:
    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(archive.read(name))
    docx.Document(io.BytesIO(data))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


_HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "table", "caption",
              "colgroup", "col", "thead", "tbody", "tr", "th", "td", "b", "br", "figure", "img", "figcaption",
              "div"}  # the notes and a legend printed apart under a figure


def check_html(data: bytes) -> None:
    parser = _Tags()
    parser.feed(data.decode("utf-8"))
    for tag, attrs in parser.tags:
        assert tag in _HTML_TAGS, f"<{tag}> from data"
        for name, value in attrs:
            assert not name.startswith("on"), name
            if name == "src":
                assert (value or "").startswith("data:image/png;base64,"), value


def _markdown_shape(text: str) -> tuple[list[str], dict[str, int]]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(text)
    blocks = [t.type for t in tokens if t.block and t.type != "inline"]
    inline: dict[str, int] = {}
    for token in tokens:
        for child in token.children or []:
            if child.type in ("link_open", "image", "html_inline", "em_open", "strong_open", "code_inline",
                              "s_open"):
                inline[child.type] = inline.get(child.type, 0) + 1
    return blocks, inline


def check_markdown(data: bytes, clean: bytes) -> None:
    """The hostile Markdown has the blocks and the inline markup of the clean one: data added none."""
    blocks, inline = _markdown_shape(data.decode("utf-8"))
    clean_blocks, clean_inline = _markdown_shape(clean.decode("utf-8"))
    assert blocks == clean_blocks
    inline.pop("html_inline", None)  # the <br> of a line break in a table cell: checked below
    clean_inline.pop("html_inline", None)
    assert inline == clean_inline
    from markdown_it import MarkdownIt

    for token in MarkdownIt("commonmark").parse(data.decode("utf-8")):
        assert token.type not in ("html_block",)
        for child in token.children or []:
            assert child.type != "html_inline" or child.content == "<br>", child.content
            if child.type == "image":
                assert re.fullmatch(r"[\w.-]+\.png", child.attrs["src"]), child.attrs["src"]


def test_pandoc_makes_no_link_image_or_markup_from_data(inputs: dict[str, Path], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The report's Markdown converted by pandoc (whose Markdown has more syntax than CommonMark)."""
    if not shutil.which("pandoc"):
        pytest.skip("pandoc is not installed")
    tags: dict[str, dict[str, int]] = {}
    for name in ("case", "clean"):
        md = tmp_path / name / "r.md"
        md.parent.mkdir()  # an output file goes into a folder that exists (review 5 R21)
        assert run(["report", inputs[name], "-o", md, "--no-figures"], capsys)[0] == 0
        html = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", str(md)], capture_output=True,
                              check=True, timeout=120).stdout
        parser = _Tags()
        parser.feed(html.decode("utf-8"))
        counts: dict[str, int] = {}
        for tag, _ in parser.tags:
            counts[tag] = counts.get(tag, 0) + 1
        tags[name] = counts
    for tag in ("a", "img", "script", "em", "strong", "code", "sup", "sub", "del", "span", "h1", "h2", "h3", "h4",
                "blockquote", "ol", "ul", "li", "pre", "math", "cite", "div"):
        assert tags["case"].get(tag, 0) == tags["clean"].get(tag, 0), tag


def check_csv(data: bytes) -> None:
    for row in csv.reader(io.StringIO(data.decode("utf-8"))):
        for cell in row:
            assert cell[:1] not in ("=", "+", "@") and not re.match(r"-[^\d]", cell), cell


_GED_LINE = re.compile(r"(0|[1-9]\d?) (@[^@\s]+@ )?[A-Za-z0-9_]+( [^\x00-\x08\x0a-\x1f\x7f]*)?")


def check_gedcom(data: bytes) -> None:
    text = data.decode("utf-8-sig")
    for line in text.splitlines():
        assert _GED_LINE.fullmatch(line), repr(line[:120])


def check_yaml(data: bytes) -> None:
    from socialtools.io.loading import load_yaml

    assert isinstance(load_yaml(data.decode("utf-8")), dict)


def check_json(data: bytes) -> None:
    assert isinstance(json.loads(data.decode("utf-8")), dict)


CHECKS = {".svg": check_svg, ".png": check_png, ".pdf": check_pdf, ".dot": check_dot, ".docx": check_docx,
          ".html": check_html, ".csv": check_csv, ".ged": check_gedcom, ".yaml": check_yaml, ".json": check_json}

# every command × every output format it writes
MATRIX = [("genogram", "case", s) for s in (".svg", ".png", ".pdf", ".dot")] + \
         [("ecomap", "case", s) for s in (".svg", ".png", ".pdf", ".dot")] + \
         [("quadrant", "case", s) for s in (".svg", ".png", ".pdf")] + \
         [("venn", "village", s) for s in (".svg", ".png", ".pdf")] + \
         [("venn", "sets", ".svg")] + \
         [("report", "case", s) for s in (".docx", ".html", ".md")] + \
         [("gedcom", "case", s) for s in (".ged", ".yaml", ".json", ".dot")]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-inputs")
    pk = load_example("pk.yaml")
    return {
        "case": _write_json(folder / "case.json", _named(pk, HOSTILE)),
        # the clean twin has the hostile text's shape (its words as long, its line breaks), so the report
        # makes the same layout choices (e.g. an ecomap's legend printed apart) and only markup can differ
        "clean": _write_json(folder / "clean.json", _named(pk, re.sub(r"\S", "m", HOSTILE))),
        "village": _write_json(folder / "village.json", _village(HOSTILE)),
        "sets": _write_json(folder / "sets.json", _sets(HOSTILE)),
        "long": _write_json(folder / "long.json", _named(pk, LONG)),
        "village-long": _write_json(folder / "village-long.json", _village(LONG)),
    }


@pytest.mark.parametrize(("command", "source", "suffix"), MATRIX, ids=[f"{c}-{s}{x}" for c, s, x in MATRIX])
def test_hostile_text_gives_valid_inert_output(command: str, source: str, suffix: str, inputs: dict[str, Path],
                                                tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out{suffix}"
    status, err = run([command, inputs[source], "-o", out], capsys)
    assert status == 0, err
    data = out.read_bytes()
    if suffix == ".md":
        clean = tmp_path / "clean" / f"out{suffix}"
        clean.parent.mkdir()
        assert run([command, inputs["clean"], "-o", clean], capsys)[0] == 0
        check_markdown(data, clean.read_bytes())
    else:
        CHECKS[suffix](data)
    if suffix in (".svg", ".dot", ".html", ".md", ".ged", ".yaml", ".json"):
        text = data.decode("utf-8-sig")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]", text), "control character written"


def test_yaml_escapes_and_command_line_title_are_cleaned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "c.yaml"
    source.write_text('people:\n  - {id: A, name: "Bu\\x01di\\0\\e[31m\\uFFFE \\x08x", sex: male}\n')
    out = tmp_path / "c.svg"
    status, err = run(["genogram", source, "-o", out, "--title", "Judul\x1b[2J\x00"], capsys)
    assert status == 0, err
    check_svg(out.read_bytes())
    text = out.read_text(encoding="utf-8")
    assert "Budi" in text and "Judul[2J" in text


def test_initials_hide_names_in_dot_from_gedcom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "f.ged"
    source.write_text("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Sukarmanto /Hadi/\n1 SEX M\n1 BIRT\n"
                      "2 DATE 2 MAY 1972\n"
                      "0 @I2@ INDI\n1 NAME Putri /Aminahwati/\n1 SEX F\n1 FAMC @F1@\n0 @F1@ FAM\n1 HUSB @I1@\n"
                      "1 CHIL @I2@\n0 TRLR\n")
    for out in (tmp_path / "g.dot", tmp_path / "g.svg", tmp_path / "g.json"):
        command = "gedcom" if out.suffix == ".json" else "genogram"
        status, err = run([command, source, "-o", out, "--initials"], capsys)
        assert status == 0, err
        data = out.read_bytes()
        assert b"Sukarmanto" not in data and b"Aminahwati" not in data and b"MAY" not in data
        assert b"SH" in data and b"1972" in data


def test_python_api_svg_is_valid_xml_with_control_characters() -> None:
    """Models built in Python skip the file readers; the SVG writer still writes valid XML."""
    from socialtools.genogram import Family, Genogram

    family = Family.model_validate({"people": [{"id": "A", "name": CONTROL, "sex": "male", "index": True}],
                                    "title": "Judul\x01\x1b"})
    svg = Genogram(family).to_svg()
    check_svg(svg.encode("utf-8"))
    assert "\x1b" not in svg and "\x01" not in svg


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv"])
def test_venn_table_escapes_data(suffix: str, inputs: dict[str, Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / f"table{suffix}"
    status, err = run(["venn", inputs["village"], "-o", tmp_path / "v.svg", "--table", table], capsys)
    assert status == 0, err
    data = table.read_bytes()
    if suffix == ".md":
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").enable("table").parse(data.decode("utf-8"))
        assert [t.type for t in tokens if t.type.startswith("table_open")] == ["table_open"]
        assert not [c for t in tokens for c in t.children or []
                    if c.type in ("link_open", "image") or (c.type == "html_inline" and c.content != "<br>")]
    elif suffix == ".html":
        check_html(b"<html><body>" + data + b"</body></html>")
    else:
        check_csv(data)
        assert any(cell.startswith("'=HYPERLINK") for row in csv.reader(io.StringIO(data.decode())) for cell in row)


@pytest.mark.parametrize(("command", "source", "suffix"), [
    ("genogram", "long", ".png"), ("ecomap", "long", ".png"), ("quadrant", "long", ".svg"),
    ("venn", "village-long", ".svg"), ("report", "long", ".docx")])
def test_ten_thousand_character_name_is_cut_not_fatal(command: str, source: str, suffix: str,
                                                     inputs: dict[str, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out{suffix}"
    status, err = run([command, inputs[source], "-o", out], capsys)
    assert status == 0, err
    CHECKS[suffix](out.read_bytes())
    if suffix == ".svg":
        width = float(ElementTree.fromstring(out.read_bytes()).get("width", "0"))
        assert width < 5000, "a long name must be cut, not drawn 60,000 units wide"
        assert "…" in out.read_text(encoding="utf-8")


# -- refused input: exit 2, one line, no traceback, no file ------------------------------------------
def _deep_yaml(depth: int) -> str:
    return "people:\n  - id: A\n    notes: " + "[" * depth + "]" * depth + "\n"


BAD_INPUTS: dict[str, tuple[str, str]] = {
    "duplicate-key-yaml": (".yaml", "people:\n  - id: A\npeople:\n  - id: B\n"),
    "duplicate-key-json": (".json", '{"people": [{"id": "A"}], "people": [{"id": "B"}]}'),
    "yaml-900-deep": (".yaml", _deep_yaml(900)),
    "json-100000-deep": (".json", '{"people": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    "integer-5000-digits-json": (".json", '{"people": [{"id": "A", "age": ' + "9" * 5000 + "}]}"),
    "integer-5000-digits-yaml": (".yaml", "people:\n  - id: A\n    age: " + "9" * 5000 + "\n"),
    "nan-json": (".json", '{"people": [{"id": "A", "age": NaN}], "venn": {"counts": {"A": NaN, "B": 1}}}'),
    "infinity-yaml": (".yaml", "people:\n  - {id: A, age: .inf}\nvenn: {counts: {A: .inf, B: 1}}\n"),
    "absurd-number": (".yaml", "people:\n  - {id: A, age: 1.0e+308}\nvenn: {counts: {A: 1.0e+308, B: 1}}\n"),
    "field-too-long": (".yaml", "people:\n  - id: A\n    notes: " + "x" * 100_001 + "\n"),
    "not-utf8": (".yaml", "people:\n  - id: \udcff\n"),
    "not-a-mapping": (".yaml", "- just\n- a list\n"),
}
COMMANDS = [("genogram", ".svg"), ("ecomap", ".svg"), ("venn", ".svg"), ("quadrant", ".svg"), ("report", ".docx"),
            ("gedcom", ".ged")]


def assert_refused(status: int, err: str, out: Path) -> None:
    assert status == 2, err
    assert err.count("\n") == 1 and err.startswith("socialtools"), err
    assert "Traceback" not in err and f"{os.sep}." not in err, "a temporary file named"
    assert not out.exists() and not list(out.parent.glob(".*")), "a file was left behind"


@pytest.mark.parametrize("bad", sorted(BAD_INPUTS))
@pytest.mark.parametrize(("command", "suffix"), COMMANDS, ids=[c for c, _ in COMMANDS])
def test_hostile_structure_is_refused_in_one_line(bad: str, command: str, suffix: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ext, text = BAD_INPUTS[bad]
    source = tmp_path / f"in{ext}"
    source.write_bytes(text.encode("utf-8", "surrogateescape"))
    out = tmp_path / "out" / f"x{suffix}"
    status, err = run([command, source, "-o", out], capsys)
    if bad == "not-utf8" and command in ("genogram", "gedcom") and status == 0:
        CHECKS[suffix](out.read_bytes())  # the family readers fall back to Latin-1 (issue 11): valid output
        return
    assert_refused(status, err, out)


def _case_with(tmp_path: Path, edit: Any) -> Path:
    doc = load_example("pk.yaml")
    edit(doc)
    return _write_json(tmp_path / "case.json", doc)


@pytest.mark.parametrize(("name", "command", "edit"), [
    ("id-as-list", "genogram", lambda d: d["family"]["people"][0].update(id=[1, 2])),
    ("colour-url", "ecomap", lambda d: d["ecomap"]["systems"][0].update(colour="url(https://e.invalid/x)")),
    ("colour-expression", "ecomap", lambda d: d["ecomap"]["systems"][0].update(colour="expression(alert(1))")),
    ("bpss-dict-finding", "report", lambda d: d["bpss"].update(social={"kerjasama": {"a": 1}})),
    ("nan-set-count", "venn", lambda d: d.update(venn={"kind": "sets", "counts": {"A": float("nan"), "B": 1}})),
    ("huge-set-count", "venn", lambda d: d.update(venn={"kind": "sets", "counts": {"A": 1e308, "B": 1}})),
])
def test_wrong_values_are_refused(name: str, command: str, edit: Any, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = _case_with(tmp_path, edit)
    out = tmp_path / "out" / ("x.docx" if command == "report" else "x.svg")
    status, err = run([command, source, "-o", out], capsys)
    assert_refused(status, err, out)


@pytest.mark.parametrize("dpi", ["0", "-5", "nan", "inf", "5000", "abc"])
@pytest.mark.parametrize("command", ["genogram", "ecomap", "quadrant", "report"])
def test_dpi_out_of_range_is_refused(dpi: str, command: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.examples import example_path

    out = tmp_path / ("r.docx" if command == "report" else "g.png")
    status, err = run([command, example_path("pk.yaml"), "-o", out, f"--dpi={dpi}"], capsys)
    assert_refused(status, err, out)
    assert "dpi" in err


def test_png_over_the_pixel_budget_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from socialtools.examples import example_path

    monkeypatch.setenv("SOCIALTOOLS_MAX_PIXELS", "10000")
    out = tmp_path / "g.png"
    status, err = run(["genogram", example_path("pk.yaml"), "-o", out], capsys)
    assert_refused(status, err, out)
    assert "SOCIALTOOLS_MAX_PIXELS" in err


def test_family_too_big_to_draw_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = _write_json(tmp_path / "many.json", {"people": [{"id": f"P{i}"} for i in range(30)]})
    monkeypatch.setenv("SOCIALTOOLS_MAX_PEOPLE", "20")
    out = tmp_path / "g.png"
    status, err = run(["genogram", source, "-o", out], capsys)
    assert_refused(status, err, out)
    assert "--focus" in err and "30 people" in err


def test_file_over_the_size_limit_is_refused_and_can_be_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "big.yaml"
    source.write_text("people:\n" + "".join(f"  - {{id: P{i}, notes: '{'x' * 60}'}}\n" for i in range(20_000)))
    monkeypatch.setenv("SOCIALTOOLS_MAX_INPUT_MB", "1")
    out = tmp_path / "g.dot"
    assert_refused(*run(["genogram", source, "-o", out], capsys), out)
    monkeypatch.setenv("SOCIALTOOLS_MAX_INPUT_MB", "5")
    assert run(["gedcom", source, "-o", tmp_path / "g.json"], capsys)[0] == 0


@pytest.mark.parametrize(("command", "name"), [("genogram", "kasus.yaml"), ("genogram", "pohon.ged"),
                                               ("genogram", "tabel.csv"), ("gedcom", "pohon.ged"),
                                               ("report", "kasus.json")])
def test_directory_as_input_names_the_path(command: str, name: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / name
    folder.mkdir()
    out = tmp_path / ("g.docx" if command == "report" else "g.json" if command == "gedcom" else "g.svg")
    status, err = run([command, folder, "-o", out], capsys)
    assert_refused(status, err, out)
    assert str(folder) in err and "folder" in err


def test_csv_field_over_the_csv_module_limit_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "tabel.csv"
    source.write_text('id,father,mother,sex\nA,0,0,1\nB,0,0,2\nC,A,B,"' + "x" * 140_000 + '"\n')
    out = tmp_path / "g.svg"
    status, err = run(["genogram", source, "-o", out], capsys)
    assert_refused(status, err, out)
    assert str(source) in err


# -- output hygiene -----------------------------------------------------------------------------------
def test_replaced_file_keeps_its_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.examples import example_path

    out = tmp_path / "g.svg"
    out.write_text("old")
    out.chmod(0o600)
    assert run(["genogram", example_path("pk.yaml"), "-o", out], capsys)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("<?xml")


def test_failed_report_leaves_no_figure_and_names_the_users_path(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from socialtools.examples import example_path

    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "r.md").mkdir()  # a folder where the report should go
    status, err = run(["report", example_path("pk.yaml"), "-o", folder / "r.md", "--dpi", "30"], capsys)
    assert status == 2 and err.count("\n") == 1
    assert str(folder / "r.md") in err and "/." not in err
    assert sorted(p.name for p in folder.iterdir()) == ["r.md"], "figures or temporary files left behind"


def test_full_disk_names_the_path_and_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from socialtools.examples import example_path
    from socialtools.io import output

    real_fdopen = os.fdopen

    class Full(io.BufferedWriter):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    out = tmp_path / "g.svg"
    status, err = run(["genogram", example_path("pk.yaml"), "-o", out], capsys)
    assert status == 2 and err.count("\n") == 1
    assert "No space left on device" in err and str(out) in err
    assert list(tmp_path.iterdir()) == []


# -- one privacy switch, every format ----------------------------------------------------------------
SECRETS = {"name": "Sukarmanto", "name2": "Aminahwati", "address": "Kenanga", "phone": "0812987654",
           "phone-grouped": "0812-9876-5432", "birth": "1998-03-14", "birth-id": "14 Maret 1998",
           "birth-en": "14 March 1998", "birth-dmy": "14-03-1998", "notes": "Rahasiaku"}


def _private_case() -> dict[str, Any]:
    doc = load_example("pk.yaml")
    people = doc["family"]["people"]
    people[0].update(name="Sukarmanto Hadi", address="Jl. Kenanga 7", phone="0812-9876-5432", birth="1972-05-02",
                     notes="Rahasiaku")
    people[2].update(name="Putri Aminahwati", birth="1998-03-14", phone="0812987654", address="Jl. Kenanga 7",
                     notes="Rahasiaku")
    doc["case"]["client"] = "PK"
    doc["strengths"]["client"] = "Putri Aminahwati, lahir 14 Maret 1998"
    doc["venn"] = {"kind": "sets", "show": "members", "title": "Anggota",
                   "sets": {"PKH": ["Sukarmanto Hadi", "Putri Aminahwati"], "BPNT": ["Putri Aminahwati"]}}
    return doc


def _all_bytes(path: Path) -> list[bytes]:
    import zlib

    data = path.read_bytes()
    blobs = [data]
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            blobs += [archive.read(n) for n in archive.namelist()]
    if path.suffix == ".pdf":
        for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
            with contextlib.suppress(zlib.error):
                blobs.append(zlib.decompress(match.group(1)))
    if path.suffix == ".png":  # text chunks would be the only place text could hide
        at = 8
        while at + 8 <= len(data):
            size, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
            chunk = data[at + 8:at + 8 + size]
            if kind in (b"tEXt", b"iTXt"):
                blobs.append(chunk)
            elif kind == b"zTXt":
                blobs.append(zlib.decompress(chunk.split(b"\x00", 1)[1][1:]))
            at += 12 + size
    return blobs


PRIVACY_RUNS = [(c, s) for c, _, s in MATRIX if c != "venn"] + [("venn", ".svg"), ("venn", ".png"), ("venn", ".pdf")]


def test_privacy_switch_hides_identifying_fields_in_every_output(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = _write_json(tmp_path / "private.json", _private_case())
    written: list[Path] = []
    (tmp_path / "out").mkdir()
    for command, suffix in PRIVACY_RUNS:
        out = tmp_path / "out" / f"{command}{suffix}"
        status, err = run([command, source, "-o", out, "--initials"], capsys)
        assert status == 0, f"{command} {suffix}: {err}"
        written.append(out)
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) >= len(PRIVACY_RUNS) + 4  # the report's Markdown figures too
    leaks = [(f.name, key) for f in files for key, secret in SECRETS.items()
             if any(secret.encode() in blob for blob in _all_bytes(f))]
    assert leaks == []
    # and without the switch the names are there (the search can find what it looks for)
    out = tmp_path / "open.dot"
    assert run(["genogram", source, "-o", out], capsys)[0] == 0
    assert b"Sukarmanto" in out.read_bytes()
