"""The family through time: ``--as-of`` and ``--compare`` (issue 13)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from socialtools.cli import main
from socialtools.errors import InputError
from socialtools.examples import example_path, load_example
from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.genogram.history import family_as_of, family_changes
from socialtools.io.loading import parse_model

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def family() -> Family:
    return Genogram.from_document(load_example("family-history.yaml")).full_family


def test_as_of_keeps_people_born_by_then_with_their_state_then(family: Family) -> None:
    then = family_as_of(family, 2000)
    ids = {p.id for p in then.people}
    assert "HR" not in ids and {"FA", "DI", "KG", "TW"} <= ids  # HR born 2005
    assert then.person("TW").deceased is False and then.person("TW").death is None  # died 2019
    assert then.person("DI").deceased is True  # died 1979
    assert then.person("RA").age_at(then.reference_date()) == 50
    kinds = {tuple(u.partners): u.kind for u in then.unions}
    assert kinds[("TW", "RA")] == "married" and kinds[("JS", "LN")] == "married"
    assert kinds[("BS", "RA")] == "divorced"
    assert family_as_of(family, 2005).unions[3].kind == "separated"


def test_as_of_relationships_and_households_by_their_years(family: Family) -> None:
    then = family_as_of(family, 2000)
    rel = {(tuple(r.between), r.kind) for r in then.relationships}
    assert (("EK", "TW"), "conflict") in rel  # 1995–2010
    assert (("RA", "FA"), "fused") not in rel  # from 2019
    assert [h.label for h in then.households] == ["Rumah Ratna"]  # Rumah Joko from 2010
    now = family_as_of(family, 2024)
    assert (("EK", "TW"), "conflict") not in {(tuple(r.between), r.kind) for r in now.relationships}
    assert {h.label for h in now.households} == {"Rumah Ratna", "Rumah Joko"}


def test_as_of_does_not_change_the_family(family: Family) -> None:
    before = family.model_dump()
    family_as_of(family, 1960)
    assert family.model_dump() == before


def test_a_child_of_a_later_union_without_a_birth_year_is_left_out() -> None:
    f = parse_model(Family, {"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
                             "unions": [{"partners": ["A", "B"], "start": 2010, "children": ["C"]}]})
    then = family_as_of(f, 2005)
    assert [p.id for p in then.people] == ["A", "B"] and then.unions == []


def test_changes_between_two_years(family: Family) -> None:
    changes = family_changes(family, 2000, 2024)
    what = {(c.what, c.ids) for c in changes}
    assert ("born", ("HR",)) in what
    assert ("died", ("TW",)) in what and ("died", ("MS",)) in what
    assert ("union", ("JS", "LN")) in what and ("union", ("TW", "RA")) in what
    assert ("relationship_ended", ("EK", "TW")) in what
    assert not any(c.ids == ("BS", "RA") and c.what == "union" for c in changes)  # divorced already


def test_as_of_drawing_shows_the_year_and_ages_then(svgcheck: ModuleType) -> None:
    g = Genogram.from_document(load_example("family-history.yaml"), as_of=2000)
    svg = g.to_svg()
    assert "keadaan tahun 2000" in svg
    root = ET.fromstring(svg)
    ratna = next(e for e in root.iter(f"{NS}g") if e.get("id") == "p-RA")
    assert [t.text for t in ratna.iter(f"{NS}text")] == ["50"]
    assert not any(e.get("id") == "p-HR" for e in root.iter(f"{NS}g"))
    assert svgcheck.check(svg, is_text=True)["defects_total"] == 0


def test_compare_keeps_everyone_in_the_same_place(family: Family, svgcheck: ModuleType) -> None:
    c = GenogramComparison(family, 2000, 2024)
    early, late = c.panel_layout(2000), c.panel_layout(2024)
    assert set(early.nodes) < set(late.nodes)
    for pid, node in early.nodes.items():
        assert (node.x, node.y) == (late.nodes[pid].x, late.nodes[pid].y)
    svg = c.to_svg()
    root = ET.fromstring(svg)
    panels = [g for g in root.iter(f"{NS}g") if (g.get("id") or "").startswith("panel-")]
    assert [p.get("id") for p in panels] == ["panel-2000", "panel-2024"]
    # the changes are highlighted in the later panel only
    changed = [g for g in root.iter(f"{NS}g") if g.get("class") == "changed"]
    assert sum(len(list(g)) for g in changed) >= 5
    assert all(any(g is c for g in panels[1].iter(f"{NS}g")) for c in changed)
    assert "lahir: Hari" in svg and "meninggal: Teguh" in svg
    assert svgcheck.check(svg, is_text=True)["defects_total"] == 0


def test_compare_panels_draw_their_own_union_state(family: Family) -> None:
    c = GenogramComparison(family, 2000, 2024)
    assert c.panel_layout(2000).unions["u4"].label == "n. 1978"
    assert c.panel_layout(2024).unions["u4"].label == "n. 1978 p. 2004 rj. 2010"
    assert c.panel_layout(2000).unions["u4"].kind == "married"


def test_cli_as_of_and_compare(tmp_path: Path) -> None:
    src = str(example_path("family-history.yaml"))
    assert main(["genogram", src, "--as-of", "2000", "-o", str(tmp_path / "a.svg")]) == 0
    assert "p-HR" not in (tmp_path / "a.svg").read_text()
    assert main(["genogram", src, "--compare", "2000", "2024", "-o", str(tmp_path / "c.svg"), "--lang", "en"]) == 0
    assert "born: Hari" in (tmp_path / "c.svg").read_text()


@pytest.mark.parametrize("args, words", [
    (["--as-of", "1900"], "field '--as-of': nobody in the family was born by 1900; the earliest birth is 1925"),
    # a panel year before every birth drew an empty panel
    (["--compare", "1900", "2024"], "field '--compare': nobody in the family was born by 1900; the earliest birth"),
    (["--as-of", "20x5"], "is not a year"),
    (["--compare", "2024", "2000"], "earlier and a later year"),
    (["--as-of", "2000", "--compare", "2000", "2024"], "either --as-of or --compare"),
    # review 5 R10: a year after the family's as_of drew an invented future (everyone alive, aged on)
    (["--as-of", "2099"], "field '--as-of': 2099 is after the family's date (as_of 2024)"),
    (["--compare", "2000", "2099"], "field '--compare': 2099 is after the family's date (as_of 2024)"),
])
def test_cli_time_errors_one_line_exit_2_no_file(tmp_path: Path, args: list[str], words: str) -> None:
    out = tmp_path / "g.svg"
    result = subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(example_path("family-history.yaml")),
                             *args, "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()


def test_compare_earlier_household_holds_only_the_people_of_that_year() -> None:
    from tests.test_genogram_conventions import _inside

    fam = Genogram.from_document(load_example("three-generations.yaml")).full_family
    c = GenogramComparison(fam, 2006, 2024)  # Gita (C5) born 2010 lives in "Rumah Budi"
    early, late = c.panel_layout(2006), c.panel_layout(2024)
    gita = late.nodes["C5"]
    assert any(_inside((gita.x, gita.y), poly) for h in late.households for poly in h.polygons)
    assert not any(_inside((gita.x, gita.y), poly) for h in early.households for poly in h.polygons)
    assert any(_inside((early.nodes["C3"].x, early.nodes["C3"].y), poly)
               for h in early.households for poly in h.polygons)


def test_as_of_warns_about_people_it_cannot_date(tmp_path: Path) -> None:
    case = tmp_path / "f.yaml"
    case.write_text("family:\n  people:\n    - {id: A, birth: 1950}\n    - {id: B}\n    - {id: C, birth: 2010}\n")
    result = subprocess.run([sys.executable, "-m", "socialtools", "genogram", str(case), "--as-of", "2000",
                             "-o", str(tmp_path / "g.svg")], capture_output=True, text=True)
    assert result.returncode == 0
    assert "warning: 1 person without a birth year (B) is drawn as if born by 2000" in result.stderr


def test_an_age_without_a_birth_year_is_an_age_then() -> None:
    f = parse_model(Family, {"as_of": 2024, "people": [{"id": "A", "age": 45}, {"id": "B", "age": "10 tahun"}]})
    then = family_as_of(f, 2004)
    assert [(p.id, p.age) for p in then.people] == [("A", 25)]  # B, 10 in 2024, was not born in 2004


def test_regression_long_change_list_was_cut_with_an_ellipsis(family: Family) -> None:
    c = GenogramComparison(family, 1960, 2024, lang="en")
    block = c.change_lines(800, 9)
    text = " ".join(block.lines)
    assert "…" not in text and "born: Hari" in text and "household: Joko – Lina – Hari" in text


def test_comparison_draws_with_the_theme_it_is_given(family: Family) -> None:
    """Regression: the comparison took a ``theme`` option and drew its panels without it."""
    from socialtools.draw.theme import Theme

    plain = GenogramComparison(family, 2000, 2024).to_svg()
    large = GenogramComparison(family, 2000, 2024, theme=Theme(font_size=15.5, stroke="#123456")).to_svg()
    assert "#123456" not in plain and "#123456" in large


def _classes(panel: ET.Element) -> list[str]:
    return [g.get("class") or "" for g in panel if g.tag == f"{NS}g"]


def test_regression_compare_household_outlines_were_drawn_over_the_emotional_lines(family: Family) -> None:
    """In each panel the household outlines lie beneath every line of the family (unions,
    children, emotional lines) and beneath the highlights of the other changes; only a changed
    household's own highlight lies beneath its outline."""
    root = ET.fromstring(GenogramComparison(family, 2000, 2024).to_svg())
    for panel in (g for g in root.iter(f"{NS}g") if (g.get("id") or "").startswith("panel-")):
        classes = _classes(panel)
        outlines = [i for i, c in enumerate(classes) if c == "household"]
        lines = [i for i, c in enumerate(classes) if c.split(" ")[0] in ("union", "sibship", "relationship")]
        assert outlines and lines and max(outlines) < min(lines), classes
    late = next(g for g in root.iter(f"{NS}g") if g.get("id") == "panel-2024")
    changed = [g for g in late if g.get("class") == "changed"]
    # the household highlight first (under the outlines), the others after them
    assert len(changed) == 2
    classes = _classes(late)
    assert classes.index("changed") < classes.index("household") < len(classes) - 1 - classes[::-1].index("changed")
    widths = [{e.get("stroke-width") for e in g} for g in changed]
    assert widths[0] == {"6"} and "6" not in widths[1], widths


def test_regression_two_households_gave_two_identical_legend_entries(family: Family) -> None:
    """Two households drawn in one style were two legend entries with the same sample; now one
    entry per style, the households named on their outlines."""
    for entries in (Genogram(family).renderer().legend_entries(),
                    GenogramComparison(family, 2000, 2024).legend_entries()):
        labels = [e.label for e in entries]
        assert len(labels) == len(set(labels)), labels
        assert sum(label.startswith("Tinggal serumah") for label in labels) == 1, labels
    lay = Genogram(family).layout
    assert {h.label for h in lay.households if h.label_boxes} == {"Rumah Ratna", "Rumah Joko"}


def _enclosed(lay: object, pid: str) -> bool:
    from tests.test_genogram_conventions import _inside

    node = lay.nodes[pid]  # type: ignore[attr-defined]
    return any(_inside((node.x, node.y), poly) for h in lay.households for poly in h.polygons)  # type: ignore[attr-defined]


def test_regression_a_household_kept_a_member_after_his_death(family: Family) -> None:
    # review-5 R16: "Rumah Ratna" (from 1986, no end) still enclosed Teguh, who died in 2019, in the
    # plain drawing and with --as-of 2024; he is in it until his death, out of it from that year on
    members = {y: {h.label: h.members for h in family_as_of(family, y).households} for y in (2018, 2019, 2024)}
    assert "TW" in members[2018]["Rumah Ratna"]
    assert "TW" not in members[2019]["Rumah Ratna"] and "TW" not in members[2024]["Rumah Ratna"]
    assert members[2024]["Rumah Ratna"] == ["RA", "FA"]
    plain = Genogram(family)
    assert plain.family.households[0].members == ["RA", "FA"]
    assert not _enclosed(plain.layout, "TW") and _enclosed(plain.layout, "RA")
    assert _enclosed(Genogram(family, as_of=2018).layout, "TW")
    assert not _enclosed(Genogram(family, as_of=2024).layout, "TW")
    c = GenogramComparison(family, 2010, 2024)
    assert _enclosed(c.panel_layout(2010), "TW") and not _enclosed(c.panel_layout(2024), "TW")


def test_a_household_whose_members_have_all_died_is_not_drawn() -> None:
    f = Family.model_validate({"people": [{"id": "A", "death": 2001}, {"id": "B", "deceased": True}, {"id": "C"}],
                               "unions": [{"partners": ["A", "B"], "children": ["C"]}],
                               "households": [{"label": "Rumah A", "members": ["A", "B"], "start": 1990}]})
    assert Genogram(f).layout.households == []
    # A until his death; B, deceased in a year not known, is drawn deceased (and out) in every year
    assert [h.members for h in family_as_of(f, 1995).households] == [["A"]]
    assert family_as_of(f, 2005).households == []


def test_a_year_before_every_birth_is_an_input_error_naming_the_option(family: Family) -> None:
    """``as_of`` before anyone was born crashed in the layout (an empty family); a comparison drew an
    empty earlier panel."""
    with pytest.raises(InputError) as caught:
        Genogram(family, as_of=1900)
    assert (caught.value.record, caught.value.field) == ("family", "as_of")
    assert str(caught.value).endswith("nobody in the family was born by 1900; the earliest birth is 1925")
    with pytest.raises(InputError) as caught:
        GenogramComparison(family, 1900, 2024)
    assert caught.value.field == "before" and "the earliest birth is 1925" in str(caught.value)
    assert Genogram(family, as_of=1925).family.people  # the year of the earliest birth draws that person
