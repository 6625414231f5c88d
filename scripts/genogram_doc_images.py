"""Regenerate the pictures of the case conventions and the family through time in docs/genogram.md.

    PYTHONPATH=. python scripts/genogram_doc_images.py

Every family drawn here is invented; the YAML shown in the docs is the same data.
"""

from __future__ import annotations

from pathlib import Path

from socialtools.examples import load_example
from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison

OUT = Path(__file__).resolve().parent.parent / "docs" / "img"
DPI = 100

UNIONS = {"title": "Union histories", "people": [
    {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"}, {"id": "C", "sex": "male"},
    {"id": "D", "sex": "female"}, {"id": "E", "sex": "male"}, {"id": "F", "sex": "female"},
    {"id": "G", "sex": "male", "death": 2019}, {"id": "H", "sex": "female"}],
    "unions": [
        {"partners": ["A", "B"], "events": ["married 1995", "separated 2004"]},
        {"partners": ["C", "D"], "kind": "divorced", "start": 1970, "end": 1983},
        {"partners": ["E", "F"], "events": ["married 1978", "separated 2004", "reconciled 2010"]},
        {"partners": ["G", "H"], "events": ["married 1986", "widowed 2019"]}]}

CHILDREN = {"title": "Adopted and foster children, a miscarriage", "as_of": 2024, "people": [
    {"id": "A", "sex": "male", "birth": 1960}, {"id": "B", "sex": "female", "birth": 1962},
    {"id": "C", "sex": "female", "birth": 1985}, {"id": "M", "kind": "miscarriage", "death": 1987},
    {"id": "D", "sex": "male", "birth": 1990}, {"id": "E", "sex": "female", "birth": 2008}],
    "unions": [{"partners": ["A", "B"], "start": 1984, "children": [
        "C", "M", {"id": "D", "relation": "adopted"}, {"id": "E", "relation": "foster"}]}]}

CONDITIONS = {"title": "One quadrant per condition", "as_of": 2024, "people": [
    {"id": "A", "sex": "male", "birth": 1950, "conditions": ["diabetes"]},
    {"id": "B", "sex": "female", "birth": 1952, "conditions": ["diabetes", "depression"]},
    {"id": "C", "sex": "male", "birth": 1975,
     "conditions": ["diabetes", "depression", {"name": "alcohol", "kind": "substance", "status": "recovery"}]},
    {"id": "D", "sex": "female", "birth": 1978,
     "conditions": ["diabetes", "depression", "hypertension", {"name": "asthma", "status": "suspected"}]}],
    "unions": [{"partners": ["A", "B"], "start": 1973, "children": ["C", "D"]}]}

PARTNERS = {"title": "Partners by the dates of their unions", "people": [
    {"id": "W", "sex": "female", "index": True}, {"id": "H3", "sex": "male"}, {"id": "H1", "sex": "male"},
    {"id": "H2", "sex": "male"}],
    "unions": [{"partners": ["H3", "W"], "start": 2001}, {"partners": ["H1", "W"], "kind": "divorced",
                                                         "start": 1970, "end": 1983},
               {"partners": ["H2", "W"], "events": ["married 1986", "divorced 1999"]}]}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("unions", UNIONS), ("children", CHILDREN), ("conditions", CONDITIONS),
                       ("partner-order", PARTNERS)):
        Genogram(Family.model_validate(data), lang="en").save(OUT / f"genogram-{name}.png", dpi=DPI)
    history = load_example("family-history.yaml")
    Genogram.from_document(history).save(OUT / "genogram-family-history.png", dpi=DPI)
    Genogram.from_document(history, as_of=2000).save(OUT / "genogram-family-history-2000.png", dpi=DPI)
    GenogramComparison.from_document(history, 2000, 2024).save(OUT / "genogram-family-history-compare.png",
                                                               dpi=DPI)


if __name__ == "__main__":
    main()
