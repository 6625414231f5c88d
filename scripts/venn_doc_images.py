"""Regenerate the pictures of docs/venn-institutional.md, docs/venn-sets.md and docs/strengths-quadrant.md.

    PYTHONPATH=. python scripts/venn_doc_images.py
"""

from __future__ import annotations

from pathlib import Path

from socialtools.draw.theme import Theme
from socialtools.examples import load_example
from socialtools.quadrant.diagram import QuadrantDiagram
from socialtools.venn import SetVenn, VennDiagram

OUT = Path(__file__).resolve().parent.parent / "docs" / "img"
DPI = 100


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    village = load_example("village.yaml")
    VennDiagram.from_document(village).save(OUT / "village-venn.png", dpi=DPI)
    VennDiagram.from_document(village, lang="en", theme=Theme(monochrome=True)).save(
        OUT / "village-venn-bw-en.png", dpi=DPI)
    bansos = VennDiagram.from_document(load_example("village-bansos.yaml"))
    bansos.save(OUT / "village-bansos-venn.png", dpi=DPI)
    members = SetVenn(
        title="Kebutuhan keluarga dan sumber yang ada",
        sets={"Kebutuhan": ["makan", "sekolah anak", "obat", "rumah layak", "pekerjaan"],
              "Sumber tersedia": ["obat", "sekolah anak", "PKH", "BPNT", "Posyandu"],
              "Sudah diakses": ["PKH", "obat", "Posyandu"]},
        show="members",
    )
    VennDiagram(members).save(OUT / "venn-sets-members.png", dpi=DPI)
    skewed = SetVenn(title="Skewed data: no region vanishes", counts={"A": 5000, "B": 2, "A&B": 1})
    VennDiagram(skewed, lang="en").save(OUT / "venn-sets-skewed.png", dpi=DPI)
    impossible = SetVenn(title="Fallback: equal circles", counts={"A": 10, "A&B&C": 40, "B": 0, "C": 0})
    VennDiagram(impossible, lang="en").save(OUT / "venn-sets-fallback.png", dpi=DPI)
    QuadrantDiagram.from_document(load_example("pk.yaml")).save(OUT / "pk-strengths-quadrant.png", dpi=DPI)
    for path in [*sorted(OUT.glob("*venn*.png")), OUT / "pk-strengths-quadrant.png"]:
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
