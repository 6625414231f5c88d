"""Every picture of the documentation, drawn by socialtools when the site is built.

A page shows a picture as ``![...](img/NAME.png)`` (or links a generated report,
``img/NAME.html``/``.docx``); :data:`PICTURES` maps ``NAME`` to the function that draws it.
The build (``hooks.py``) draws each picture a page uses and fails when a page asks for one
that nothing here draws — so no picture is committed by hand and none can drift from the code.
To add a picture to a page, add one line to :data:`PICTURES`.

    PYTHONPATH=. python scripts/docs_site/pictures.py OUT_DIR [NAME.png ...]
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from socialtools.draw.theme import Theme
from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.samples import generated_ecomap, tie_gallery
from socialtools.examples import example_path, load_example
from socialtools.genogram import Genogram, GenogramComparison
from socialtools.genogram.dot import family_to_dot
from socialtools.io.gedcom import read_gedcom
from socialtools.io.loading import load_document
from socialtools.quadrant.diagram import QuadrantDiagram
from socialtools.venn import SetVenn, VennDiagram

ROOT = Path(__file__).resolve().parents[2]
DPI = 100

Draw = Callable[[Path], object]


def _save(diagram_factory: Callable[[], object]) -> Draw:
    def draw(path: Path) -> object:
        return diagram_factory().save(path, dpi=DPI)  # type: ignore[attr-defined]
    return draw


def _pk() -> dict:
    return load_example("pk.yaml")


def _household() -> dict:
    return load_document(ROOT / "docs" / "examples" / "ecomap-household.yaml")


def _member_ties() -> EcomapDiagram:
    """25 systems grouped by category, many ties to single members (``--group``)."""
    diagram = EcomapDiagram.from_document(
        load_document(ROOT / "tests" / "data" / "realworld" / "ecomap-grouped-member-ties.yaml"))
    diagram.ecomap.group_by_category = True
    return diagram


def _gedcom_edited() -> Genogram:
    """The three generations round @I6@ with roles and relationships added (the GEDCOM tutorial)."""
    from socialtools.genogram import Family

    data = read_gedcom(example_path("keluarga.ged"), focus="@I6@", generations=1).model_dump(exclude_none=True)
    roles = {"I6": "klien", "I3": "ayah", "I4": "ibu", "I14": "suami"}
    for person in data["people"]:
        if person["id"] in roles:
            person["role"] = roles[person["id"]]
    data["relationships"] = [{"between": ["I3", "I6"], "kind": "cutoff"}, {"between": ["I6", "I9"], "kind": "close"}]
    return Genogram(Family.model_validate(data), lang="en", initials=True)


def _case_system(path: Path) -> None:
    """The genogram the case-system tutorial draws: its own code, run from the page."""
    page = (ROOT / "docs" / "tutorials" / "case-system.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", page, re.S | re.M)
    namespace: dict[str, object] = {}
    for block in blocks[:2]:  # the request and the function that draws it
        exec(compile(block.split("status, content_type, body")[0], "case-system.md", "exec"), namespace)
    status, _, png = namespace["genogram_for"](namespace["request"], fmt="png", lang="en")  # type: ignore[operator]
    assert status == 200
    path.write_bytes(png)


def _report(lang: str, fmt: str) -> Draw:
    """The PK case report (the whole chapter) as a web page or a Word file."""
    def draw(path: Path) -> None:
        from socialtools.report.case import Case
        from socialtools.report.document import ReportOptions, build_report, write_report

        write_report(build_report(Case.load(example_path("pk.yaml")), ReportOptions(lang=lang)), path)
    return draw


def _report_genogram_legend(path_of_case: Path) -> Draw:
    """The legend of a genogram as the report prints it apart from the drawing (a strip on the landscape
    page under a drawing that fills it)."""
    def draw(path: Path) -> None:
        from socialtools.io.convert import svg_to_png
        from socialtools.report.case import Case
        from socialtools.report.document import genogram_drawing
        from socialtools.report.model import ReportOptions

        drawing = genogram_drawing(Case.load(path_of_case), ReportOptions())
        assert drawing is not None and drawing.legend_svg is not None
        path.write_bytes(svg_to_png(drawing.legend_svg, dpi=DPI))
    return draw


def _report_genogram(path_of_case: Path) -> Draw:
    """A genogram as the report prints it (one print-size text, no title, its legend beside the drawing or
    in a compact grid, notes under the caption)."""
    def draw(path: Path) -> None:
        from socialtools.io.convert import svg_to_png
        from socialtools.report.case import Case
        from socialtools.report.document import genogram_svg
        from socialtools.report.model import ReportOptions

        svg = genogram_svg(Case.load(path_of_case), ReportOptions())
        assert svg is not None
        path.write_bytes(svg_to_png(svg, dpi=DPI))
    return draw


def _report_ecomap(panel: str | None, case: Path | None = None) -> Draw:
    """An ecomap as the report draws it (print-size text, flowing legend, no title; the PK case unless
    ``case`` names another); ``panel``: one side of the before/after comparison."""
    def draw(path: Path) -> None:
        from socialtools.io.convert import svg_to_png
        from socialtools.report.case import Case
        from socialtools.report.document import ecomap_svg
        from socialtools.report.model import ReportOptions

        svg = ecomap_svg(Case.load(case or example_path("pk.yaml")), ReportOptions(), panel=panel)
        assert svg is not None
        path.write_bytes(svg_to_png(svg, dpi=DPI))
    return draw


@functools.cache
def _ecomap_drawings(path_of_case: Path) -> tuple[tuple[str, str | None], ...]:
    """The report's ecomap drawings of a case (two for an ecomap printed as two figures): each drawing's SVG
    and its legend's, drawn once for both pictures."""
    from socialtools.report.case import Case
    from socialtools.report.document import ecomap_drawings
    from socialtools.report.model import ReportOptions

    return tuple((d.svg, d.legend_svg) for d in ecomap_drawings(Case.load(path_of_case), ReportOptions()))


def _report_ecomap_part(path_of_case: Path, index: int) -> Draw:
    """One of the two figures of an ecomap the report prints as two (the drawing; the legend prints apart
    under the second)."""
    def draw(path: Path) -> None:
        from socialtools.io.convert import svg_to_png

        drawings = _ecomap_drawings(path_of_case)
        assert len(drawings) == 2
        svg = drawings[index][0]
        path.write_bytes(svg_to_png(svg, dpi=DPI))
    return draw


def _dot_family(path: Path) -> None:
    """The three-generation example through Graphviz ``dot`` (the DOT export page)."""
    dot = shutil.which("dot")
    if dot is None:
        raise RuntimeError("the picture dot-family.png needs Graphviz 'dot' (apt-get install graphviz)")
    family = Genogram.from_document(load_example("pk.yaml")).family
    png = subprocess.run([dot, "-Tpng", f"-Gdpi={DPI}"], input=family_to_dot(family).encode("utf-8"),
                         capture_output=True, check=True).stdout
    path.write_bytes(png)


PICTURES: dict[str, Draw] = {
    # genogram.md, index.md, README
    "pk-genogram.png": _save(lambda: Genogram.from_document(_pk())),
    "pk-genogram-en.png": _save(lambda: Genogram.from_document(_pk(), lang="en")),
    "genogram-symbols.png": _save(lambda: Genogram.from_document(load_example("symbol-gallery.yaml"))),
    "three-generations-genogram.png": _save(lambda: Genogram.from_document(load_example("three-generations.yaml"))),
    # genogram.md: a whole case, the family through time (invented families)
    **{f"genogram-{name}.png": _save(lambda name=name: Genogram.from_document(
        load_document(ROOT / "docs" / "examples" / f"genogram-{name}.yaml"), lang="en"))
       for name in ("unions", "children", "conditions", "partner-order", "third-partner", "same-pair",
                    "one-parent")},
    "genogram-loop.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "docs" / "examples" / "genogram-loop.yaml"), lang="en")),
    "genogram-loop-duplicates.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "docs" / "examples" / "genogram-loop.yaml"), lang="en", duplicate_loops=True)),
    "genogram-households.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "tests" / "data" / "cases" / "bracketed-household.yaml"), lang="en")),
    "genogram-crowded.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "tests" / "data" / "cases" / "crowded-three-generations.yaml"), initials=True)),
    "genogram-review13.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "tests" / "data" / "cases" / "review13-case.yaml"))),
    "genogram-twins.png": _save(lambda: Genogram.from_document(
        load_document(ROOT / "tests" / "data" / "hardcases" / "twins.yaml"), lang="en")),
    "report-genogram-same-pair.png": _report_genogram(ROOT / "tests" / "data" / "cases" / "review-rt.yaml"),
    "genogram-family-history.png": _save(lambda: Genogram.from_document(load_example("family-history.yaml"))),
    "genogram-family-history-2000.png": _save(lambda: Genogram.from_document(load_example("family-history.yaml"),
                                                                             as_of=2000)),
    "genogram-family-history-compare.png": _save(lambda: GenogramComparison.from_document(
        load_example("family-history.yaml"), 2000, 2024)),
    # gedcom.md, dot.md
    "gedcom-focus.png": _save(lambda: Genogram(read_gedcom(example_path("keluarga.ged"), focus="@I6@",
                                                           generations=2))),
    "dot-family.png": _dot_family,
    # tutorials/gedcom-genogram.md
    "gedcom-three-generations.png": _save(lambda: Genogram(read_gedcom(example_path("keluarga.ged"), focus="@I6@",
                                                                       generations=1))),
    "gedcom-three-generations-edited.png": _save(_gedcom_edited),
    # ecomap.md
    "ecomap-pk.png": _save(lambda: EcomapDiagram.from_document(_pk())),
    "ecomap-pk-bw-en.png": _save(lambda: EcomapDiagram.from_document(_pk(), lang="en", monochrome=True)),
    "ecomap-pk-before-after.png": _save(lambda: EcomapDiagram.from_document(_pk(), compare=True)),
    "ecomap-gallery.png": _save(lambda: EcomapDiagram(tie_gallery())),
    "ecomap-gallery-bw-en.png": _save(lambda: EcomapDiagram(tie_gallery("en"), lang="en", monochrome=True)),
    "ecomap-household.png": _save(lambda: EcomapDiagram.from_document(_household())),
    "ecomap-household-before-after.png": _save(lambda: EcomapDiagram.from_document(_household(), compare=True)),
    "ecomap-member-ties.png": _save(_member_ties),
    "ecomap-stepfamily.png": _save(lambda: EcomapDiagram.from_document(
        load_document(ROOT / "docs" / "examples" / "ecomap-stepfamily.yaml"))),
    "ecomap-centre-family.png": _save(lambda: EcomapDiagram.from_document(
        load_document(ROOT / "docs" / "examples" / "ecomap-centre-family.yaml"))),
    "ecomap-member-system.png": _save(lambda: EcomapDiagram.from_document(
        load_document(ROOT / "docs" / "examples" / "ecomap-member-system.yaml"))),
    # tutorials/case-system.md
    "case-system-genogram.png": _case_system,
    # tutorials/ecomap-intervention.md
    "ecomap-intervention.png": _save(lambda: EcomapDiagram.from_document(load_example("ecomap-intervention.yaml"))),
    "ecomap-intervention-compare.png": _save(lambda: EcomapDiagram.from_document(
        load_example("ecomap-intervention.yaml"), compare=True)),
    "ecomap-30-systems.png": _save(lambda: EcomapDiagram(*generated_ecomap(30, seed=7))),
    # venn-institutional.md, venn-sets.md
    "village-venn.png": _save(lambda: VennDiagram.from_document(load_example("village.yaml"))),
    "village-venn-bw-en.png": _save(lambda: VennDiagram.from_document(
        load_example("village.yaml"), lang="en", theme=Theme(monochrome=True))),
    "village-bansos-venn.png": _save(lambda: VennDiagram.from_document(load_example("village-bansos.yaml"))),
    "venn-sets-members.png": _save(lambda: VennDiagram(SetVenn(
        title="Kebutuhan keluarga dan sumber yang ada",
        sets={"Kebutuhan": ["makan", "sekolah anak", "obat", "rumah layak", "pekerjaan"],
              "Sumber tersedia": ["obat", "sekolah anak", "PKH", "BPNT", "Posyandu"],
              "Sudah diakses": ["PKH", "obat", "Posyandu"]},
        show="members"))),
    "venn-sets-skewed.png": _save(lambda: VennDiagram(
        SetVenn(title="Skewed data: no region vanishes", counts={"A": 5000, "B": 2, "A&B": 1}), lang="en")),
    "venn-sets-fallback.png": _save(lambda: VennDiagram(
        SetVenn(title="Fallback: equal circles", counts={"A": 10, "A&B&C": 40, "B": 0, "C": 0}), lang="en")),
    # report.md, tutorials/pk-report.md
    "pk-report.html": _report("id", "html"),
    "pk-report-en.html": _report("en", "html"),
    "pk-report.docx": _report("id", "docx"),
    "pk-report-en.docx": _report("en", "docx"),
    "report-genogram.png": _report_genogram(example_path("pk.yaml")),
    "report-genogram-wide.png": _report_genogram(
        Path(__file__).resolve().parents[2] / "tests" / "data" / "cases" / "bracketed-household.yaml"),
    "report-genogram-legend-beside.png": _report_genogram(
        Path(__file__).resolve().parents[2] / "tests" / "data" / "cases" / "review-rt.yaml"),
    "report-genogram-compact.png": _report_genogram(ROOT / "tests" / "data" / "cases" / "review-ra.yaml"),
    "report-genogram-tight.png": _report_genogram(ROOT / "tests" / "data" / "cases" / "kasus-wijaya.yaml"),
    "report-genogram-sibship.png": _report_genogram(ROOT / "tests" / "data" / "cases" / "review4-case.yaml"),
    "report-genogram-legend-strip.png": _report_genogram_legend(
        ROOT / "tests" / "data" / "cases" / "review4-case.yaml"),
    "report-genogram-staggered.png": _report_genogram(ROOT / "tests" / "data" / "cases" / "thirty-children.yaml"),
    "report-ecomap.png": _report_ecomap(None),
    "report-ecomap-after.png": _report_ecomap("after"),
    "report-ecomap-long-names.png": _report_ecomap(
        None, Path(__file__).resolve().parents[2] / "tests" / "data" / "cases" / "review-rt.yaml"),
    "report-ecomap-tall.png": _report_ecomap(
        None, Path(__file__).resolve().parents[2] / "tests" / "data" / "cases" / "review-ra.yaml"),
    "report-ecomap-split-1.png": _report_ecomap_part(ROOT / "tests" / "data" / "cases" / "many-systems-24.yaml", 0),
    "report-ecomap-split-2.png": _report_ecomap_part(ROOT / "tests" / "data" / "cases" / "many-systems-24.yaml", 1),
    # strengths-quadrant.md
    "pk-strengths-quadrant.png": _save(lambda: QuadrantDiagram.from_document(_pk())),
}


def draw(name: str, out_dir: Path) -> Path:
    """Draw picture ``name`` into ``out_dir``; ``KeyError`` names a picture nothing draws."""
    if name not in PICTURES:
        raise KeyError(f"no picture '{name}': add it to PICTURES in scripts/docs_site/pictures.py")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    PICTURES[name](path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for name in sys.argv[2:] or sorted(PICTURES):
        print(draw(name, out))
