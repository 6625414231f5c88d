"""The genogram legend and the symbols it explains (review of ac7d268, defect 11): every legend
entry in the legend's language, one fill per condition, pregnancy losses drawn as the legend shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import get_args

import pytest

from socialtools.genogram import Family, Genogram
from socialtools.genogram.model import ChildRelation, PersonKind, RelationshipKind, UnionKind
from socialtools.genogram.render import condition_styles
from socialtools.io.loading import parse_model
from socialtools.io.pedigree import read_pedigree_text

NS = "{http://www.w3.org/2000/svg}"
#: legend words that are the same in Indonesian and English
SAME_IN_BOTH = {"AFAB", "AMAB"}


def everything() -> Family:
    """A family with every person kind, union kind, child relation, twin, relationship kind, condition
    status and a household, its only condition the generic one a pedigree table gives ("affected")."""
    people: list[dict[str, object]] = [
        {"id": "A", "sex": "male", "index": True, "conditions": [{"name": "affected"}]},
        {"id": "B", "sex": "female", "death": 2001, "conditions": [{"name": "affected", "status": "suspected"}]},
        {"id": "N", "gender": "non_binary"}, {"id": "U", "sex": "unknown"},
    ]
    people += [{"id": f"K{i}", "kind": kind, "sex": "male"} for i, kind in enumerate(get_args(PersonKind))
               if kind != "person"]
    unions: list[dict[str, object]] = []
    for i, kind in enumerate(get_args(UnionKind)):
        people += [{"id": f"M{i}", "sex": "male", **({"death": 2000} if kind == "widowed" else {})},
                   {"id": f"F{i}", "sex": "female"}]
        unions.append({"partners": [f"M{i}", f"F{i}"], "kind": kind})
    unions[0]["children"] = [{"id": f"C{r}", "relation": r} for r in get_args(ChildRelation)]
    unions[0]["children"] += [{"id": "T1", "twin": "a", "identical": True},
                              {"id": "T2", "twin": "a", "identical": True},
                              {"id": "T3", "twin": "b"}, {"id": "T4", "twin": "b"}]
    people += [{"id": f"C{r}", "sex": "female"} for r in get_args(ChildRelation)]
    people += [{"id": f"T{i}", "sex": "male"} for i in range(1, 5)]
    others = [p["id"] for p in people if str(p["id"])[0] in "MF"]
    relationships = [{"between": ["A", pid], "kind": kind}
                     for pid, kind in zip(others, get_args(RelationshipKind), strict=False)]
    return parse_model(Family, {"people": people, "unions": unions, "relationships": relationships,
                                "households": [{"members": ["A", "B"]}]})


def labels(family: Family, lang: str) -> list[str]:
    return [e.label for e in Genogram(family, lang=lang).renderer().legend_entries()]


@pytest.mark.parametrize("family", [everything(), read_pedigree_text(
    "ped,id,father,mother,sex,affected\n1,a,0,0,1,2\n1,b,0,0,2,1\n1,c,a,b,1,2\n", "ped.csv")["1"]],
    ids=["every-entry", "pedigree-table"])
def test_every_legend_entry_is_translated(family: Family) -> None:
    """Regression: a pedigree table's condition ("affected") stood in English in the Indonesian legend.
    The Indonesian and the English legend of one family list the same entries; no Indonesian label
    is the English one."""
    ind, eng = labels(family, "id"), labels(family, "en")
    assert len(ind) == len(eng) >= (40 if len(family.people) > 10 else 3)
    untranslated = [(i, e) for i, e in zip(ind, eng, strict=True) if i == e and i not in SAME_IN_BOTH]
    assert not untranslated
    assert not any(re.search(r"\b(affected|suspected|deceased|household)\b", label, re.I) for label in ind), ind
    assert any("Affected" in label for label in eng)


def test_conditions_of_one_family_never_share_a_fill() -> None:
    """Regression: depression and diabetes both took #555555 (told apart only by the quadrant)."""
    names = ["depresi", "diabetes", "hipertensi", "alkohol", "asma", "stroke"]
    family = parse_model(Family, {"people": [
        {"id": "R", "sex": "female", "conditions": [{"name": "depresi"}, {"name": "diabetes"},
                                                     {"name": "hipertensi", "status": "suspected"}]},
        {"id": "B", "sex": "male", "conditions": [{"name": "alkohol", "kind": "substance"}]},
        {"id": "C", "sex": "male", "conditions": ["asma", "stroke"]}]})
    styles = condition_styles(family)
    assert sorted(styles) == sorted(names)
    shades = [styles[n].shade for n in names]
    assert len(set(shades)) == len(shades), shades
    assert styles["alkohol"].region == "lower-left"  # McGoldrick's lower half for a substance
    # the drawing, in black and white, fills each confirmed condition with its own grey
    svg = Genogram(family, monochrome=True, legend=False).to_svg()
    root = ET.fromstring(svg)
    fills = {}
    for pid, conditions in (("R", ["depresi", "diabetes"]), ("C", ["asma", "stroke"])):
        group = next(g for g in root.iter(f"{NS}g") if g.get("id") == f"p-{pid}")
        greys = [e.get("fill") for e in group if e.tag == f"{NS}path" and (e.get("fill") or "").startswith("#")
                 and e.get("fill") != "#ffffff"]
        assert len(greys) == len(set(greys)) == len(conditions), greys
        fills.update(zip(conditions, greys, strict=True))
    assert len(set(fills.values())) == 4


def test_a_miscarriage_with_a_death_year_is_drawn_as_its_legend_shows() -> None:
    """Regression: a miscarriage given ``death: 1999`` got the X of a deceased person; the legend
    shows a plain filled dot. A stillbirth keeps its X, a deceased person too."""
    family = parse_model(Family, {"people": [
        {"id": "A", "sex": "male"}, {"id": "B", "sex": "female"},
        {"id": "MK", "kind": "miscarriage", "death": 1999}, {"id": "SB", "kind": "stillbirth", "sex": "male",
                                                             "death": 2001},
        {"id": "D", "sex": "female", "birth": 1990, "death": 1996}],
        "unions": [{"partners": ["A", "B"], "children": ["MK", "SB", "D"]}]})
    root = ET.fromstring(Genogram(family).to_svg())
    groups = {g.get("id"): g for g in root.iter(f"{NS}g") if g.get("id")}

    def crossed(pid: str) -> bool:
        return any(e.tag == f"{NS}path" and e.get("fill") == "none" and e.get("d", "").count("M") == 2
                   for e in groups[f"p-{pid}"])

    assert [e.tag for e in groups["p-MK"]] == [f"{NS}circle"]  # the filled dot alone
    assert not crossed("MK") and crossed("SB") and crossed("D")
