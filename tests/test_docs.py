"""The documentation cannot go stale: its examples run and its site builds from the code.

- every ```python block of README.md and docs/ runs (the blocks of a page in order, in one
  namespace, in a fresh folder holding the files the examples name: ``kasus.yaml``, ``pohon.ged``, ...);
- every ``socialtools ...`` line of their shell blocks runs there too and exits 0 (a command shown
  with the error it gives is an illustration of a bad file and is not run);
- no picture is committed under docs/: each one a page shows is drawn by the build
  (scripts/docs_site/pictures.py), and the gallery shows every choice the models accept;
- the site builds with ``mkdocs build --strict`` (when MkDocs is installed: ``pip install -e ".[docs]"``).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from socialtools.examples import example_path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SITE_TOOLS = ROOT / "scripts" / "docs_site"
SHELL_LANGS = {"", "bash", "sh", "shell", "console"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
                   re.S | re.M)
OUTPUT_LINE = re.compile(r"^socialtools [\w-]+: ")  # what a command prints, not a command
ERROR_LINE = re.compile(r"^socialtools [\w-]+: error:")

# The files the examples name, as the reader would have them.
PEDIGREE = """famid id father mother sex affected
F1 1 0 0 1 0
F1 2 0 0 2 0
F1 3 1 2 2 1
F2 10 0 0 1 0
F2 11 0 0 2 1
F2 12 10 11 1 0
"""
NEEDS = """kind: sets
title: Kebutuhan dan sumber
show: members
sets:
  Kebutuhan: [makan, sekolah, obat]
  Sumber: [obat, PKH]
"""
SEED_COPIES = {
    "kasus.yaml": "pk.yaml", "case.yaml": "pk.yaml", "pk.yaml": "pk.yaml", "village.yaml": "village.yaml",
    "pohon.ged": "keluarga.ged", "family.ged": "keluarga.ged", "family-history.yaml": "family-history.yaml",
}


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def code_blocks(path: Path) -> list[tuple[str, str, int]]:
    """(language, code, line number) of every fenced block of a Markdown file, in order."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        indent = m.group("indent")
        body = "\n".join(line[len(indent):] if line.startswith(indent) else line
                         for line in m.group("body").splitlines())
        out.append((m.group("lang").lower(), body, text.count("\n", 0, m.start()) + 1))
    return out


def shell_commands(code: str) -> list[str]:
    """The ``socialtools`` command lines of a shell block that are meant to succeed."""
    lines = [line.strip() for line in code.splitlines()]
    commands = []
    for i, line in enumerate(lines):
        command = line[2:] if line.startswith("$ ") else line
        if not command.startswith("socialtools") or OUTPUT_LINE.match(command):
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if ERROR_LINE.match(following):
            continue  # shown with the error a bad file gives: an illustration, not runnable here
        commands.append(command)
    return commands


def seed(folder: Path) -> None:
    """The files the docs' examples name, in a fresh folder."""
    for name, source in SEED_COPIES.items():
        shutil.copy(example_path(source), folder / name)
    (folder / "families.ped").write_text(PEDIGREE, encoding="utf-8")
    (folder / "needs.yaml").write_text(NEEDS, encoding="utf-8")
    shutil.copytree(example_path("pk.yaml").parent, folder / "socialtools" / "examples",
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / "tests").mkdir()
    (folder / "tests" / "data").symlink_to(ROOT / "tests" / "data")  # examples run from a clone name these


def run_command(command: str) -> tuple[int, str]:
    """Run one ``socialtools ...`` line in this process; return its exit status and stderr."""
    from socialtools.cli import main

    argv = shlex.split(command, comments=True)[1:]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # --help
            status = int(exc.code or 0)
    return status, err.getvalue()


PAGES_WITH_CODE = [p for p in pages() if any(
    lang == "python" or (lang in SHELL_LANGS and shell_commands(code)) for lang, code, _ in code_blocks(p))]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_code_block_of_the_page_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(tmp_path)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    ran = 0
    for lang, code, line in code_blocks(page):
        where = f"{page.relative_to(ROOT)}:{line}"
        if lang == "python":
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    exec(compile(code, where, "exec"), namespace)
                except Exception as exc:
                    pytest.fail(f"the Python block at {where} fails: {type(exc).__name__}: {exc}")
            ran += 1
        elif lang in SHELL_LANGS:
            for command in shell_commands(code):
                status, err = run_command(command)
                assert status == 0, f"{where}: `{command}` exits {status}: {err.strip()}"
                ran += 1
    assert ran > 0


def test_shell_lines_shown_with_their_error_are_not_run_but_others_are() -> None:
    block = "$ socialtools venn bad.yaml -o bad.svg\nsocialtools venn: error: bad.yaml, x\n" \
            "socialtools genogram case.yaml -o g.svg   # note\nsocialtools genogram: wrote g.svg\ndot -Tsvg g.dot\n"
    assert shell_commands(block) == ["socialtools genogram case.yaml -o g.svg   # note"]


def test_a_failing_command_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, err = run_command("socialtools genogram missing.yaml -o g.svg")
    assert status == 2 and "missing.yaml" in err


# -- pictures ---------------------------------------------------------------------------------------


def _site_module(name: str):
    sys.path.insert(0, str(SITE_TOOLS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(SITE_TOOLS))


def test_no_picture_is_committed_under_docs() -> None:
    committed = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not committed:
        pytest.skip("not a git checkout")
    pictures = [p for p in committed if p.lower().endswith((".png", ".jpg", ".jpeg", ".gif", ".svg"))]
    assert pictures == [], "pictures in docs/ are drawn by the build (scripts/docs_site/pictures.py)"


def test_every_picture_a_page_shows_is_drawn_and_every_drawing_is_shown() -> None:
    pytest.importorskip("mkdocs")
    hooks = _site_module("hooks")
    pictures = _site_module("pictures")
    shown = hooks.referenced_pictures(DOCS)
    assert sorted(set(shown) - set(pictures.PICTURES)) == []
    assert sorted(set(pictures.PICTURES) - set(shown)) == []


def test_readme_shows_one_picture_and_it_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert len(images) == 1
    assert (ROOT / images[0]).is_file()


def test_readme_picture_is_what_the_demo_draws_today() -> None:
    """The README's committed picture cannot drift from the code: it is the demo's pk-genogram.svg,
    byte for byte (write it again with `socialtools demo -o DIR` when the drawing changes)."""
    from socialtools.genogram.demo import demo_files

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (picture,) = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert picture == ".github/pk-genogram.svg"
    assert (ROOT / picture).read_text(encoding="utf-8") == demo_files()["pk-genogram.svg"], (
        "the README picture is stale: copy the pk-genogram.svg of `socialtools demo -o DIR` to .github/")


def test_every_public_class_and_function_has_a_doctest_example() -> None:
    """The API reference gives each public name a section; its docstring carries a runnable example."""
    api = _site_module("api")
    public = api.public_objects()
    assert len(public) >= 10
    missing = [f"{package}.{name}" for package, name, obj in public if ">>>" not in (obj.__doc__ or "")]
    assert missing == [], "public names without a doctest example in their docstring"


# -- the gallery ------------------------------------------------------------------------------------


def test_gallery_shows_every_choice_of_the_models() -> None:
    gallery = _site_module("gallery")
    from socialtools.ecomap.model import CATEGORIES
    from socialtools.genogram.model import ChildLink, Condition, Person, Relationship, Union

    sections = {s.title: s for s in gallery.genogram_sections()}
    # + consanguineous; - the `unknown` kind, drawn as a marriage, shares its entry ("Married, or ...")
    assert len(sections["Unions"].items) == len(gallery.choices(Union, "kind")) + 1 - 1
    assert "Married, or partners of a kind not stated" in [item.key for item in sections["Unions"].items]
    assert len(sections["Emotional relationships"].items) == len(gallery.choices(Relationship, "kind"))
    assert len(sections["Children"].items) == len(gallery.choices(ChildLink, "relation")) + 2  # + twins
    people = len(gallery.choices(Person, "sex")) + len(gallery.choices(Person, "kind")) - 1
    assert len(sections["People"].items) >= people + 2  # + index, deceased (+ genders with their own symbol)
    statuses = len(gallery.choices(Condition, "status"))
    assert len(sections["Condition fills"].items) == len(gallery.choices(Condition, "kind")) + statuses - 1
    ecomap = {s.title: s for s in gallery.ecomap_sections()}
    assert len(ecomap["System categories"].items) == len(CATEGORIES)
    for section in [*sections.values(), *ecomap.values(), *gallery.venn_sections()]:
        assert section.items, section.title
        for item in section.items:
            assert item.names["id"] and item.names["en"], item.key
            assert "<svg" in gallery.sample_svg(item)
    translated = [i for s in sections.values() for i in s.items if s.title != "Condition fills"]
    untranslated = [i.names["en"] for i in translated if i.names["id"] == i.names["en"]]
    assert untranslated == [], "legend names without an Indonesian text"


# -- the site ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``SOCIALTOOLS_SITE`` when .ci/run has just built it, else built here."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings")
    built = os.environ.get("SOCIALTOOLS_SITE")
    if built:
        return Path(built)
    if shutil.which("dot") is None:
        pytest.skip("the site shows one picture drawn by Graphviz 'dot' (apt-get install graphviz)")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"mkdocs build --strict fails:\n{result.stderr[-3000:]}"
    return out


def test_site_shows_only_pictures_it_has(site: Path) -> None:
    missing = []
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for src in re.findall(r'<img[^>]+src="([^"]+)"', text):
            if src.startswith(("http:", "https:", "data:")):
                continue
            if not (page.parent / src.split("#")[0]).resolve().is_file():
                missing.append(f"{page.relative_to(site)}: {src}")
    assert missing == []


def test_site_has_gallery_tutorials_notebook_and_reference(site: Path) -> None:
    gallery = (site / "gallery" / "index.html").read_text(encoding="utf-8")
    assert gallery.count("<img") > 80
    assert "Perselingkuhan" in gallery and "Affair" in gallery
    notebook = (site / "tutorials" / "notebook" / "index.html").read_text(encoding="utf-8")
    assert notebook.count("<img") >= 4  # the genograms and ecomaps the notebook shows
    reference = (site / "reference" / "index.html").read_text(encoding="utf-8")
    for path in ("genogram.diagram.Genogram", "ecomap.diagram.EcomapDiagram", "venn.diagram.VennDiagram"):
        assert f'id="socialtools.{path}"' in reference, path
    assert "&gt;&gt;&gt;" in reference  # doctest examples shown as code
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")
