"""Regression tests for the defects review 4 of issue 13 found in the genogram and the case file
(D1, D4, D5, D6, D9, D10, D12, D14, D16): each named after its defect."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from socialtools.genogram import Family, Genogram
from socialtools.genogram.compare import GenogramComparison
from socialtools.io.loading import parse_model

NS = "{http://www.w3.org/2000/svg}"


def _fills(svg: str, panel: str | None, pid: str) -> list[str]:
    """The fills of the condition paths inside person ``pid``'s symbol (in ``panel``, if given)."""
    root = ET.fromstring(svg)
    scope = root if panel is None else next(g for g in root.iter(f"{NS}g") if g.get("id") == panel)
    symbol = next(g for g in scope.iter(f"{NS}g") if g.get("id") == f"p-{pid}")
    return [p.get("fill", "") for p in symbol.iter(f"{NS}path") if p.get("fill") not in (None, "none", "#ffffff")]


QUAD = {"as_of": 2024, "people": [{"id": "A", "sex": "P", "birth": 1962, "index": True, "conditions": [
    {"name": "depresi", "kind": "mental", "start": 2019}, {"name": "diabetes", "kind": "medical"}]}]}


def test_d1_compare_panels_share_one_quadrant_and_fill_per_condition() -> None:
    family = parse_model(Family, QUAD)
    svg = GenogramComparison(family, 2005, 2024).to_svg()
    whole = Genogram(family).condition_styles
    assert whole["depresi"].shade != whole["diabetes"].shade
    # 2005: only diabetes, in diabetes's own grey (not depresi's, nor the whole symbol)
    assert _fills(svg, "panel-2005", "A") == [whole["diabetes"].shade]
    assert sorted(_fills(svg, "panel-2024", "A")) == sorted([whole["depresi"].shade, whole["diabetes"].shade])


def test_d1_as_of_keeps_the_whole_familys_quadrants_and_legend_lists_only_what_is_drawn() -> None:
    family = parse_model(Family, QUAD)
    g = Genogram(family, as_of=2005)
    whole = Genogram(family).condition_styles
    assert _fills(g.to_svg(), None, "A") == [whole["diabetes"].shade]
    assert g.renderer().styles["diabetes"].region == whole["diabetes"].region != "whole"
    labels = [e.label for e in g.renderer().legend_entries()]
    assert "diabetes" in labels and "depresi" not in labels


def _family(people: list[dict[str, object]], unions: list[dict[str, object]], **more: object) -> Family:
    return parse_model(Family, {"people": people, "unions": unions, **more})


COUPLE = [{"id": "A", "sex": "L", "birth": 1958}, {"id": "B", "sex": "P", "birth": 1962}]


def test_d4_a_divorce_dated_before_the_marriage_is_refused_naming_the_event() -> None:
    from socialtools.errors import InputError
    from socialtools.io.sections import parse_section

    doc = {"family": {"people": COUPLE, "unions": [{"partners": ["A", "B"], "events": [
        {"kind": "married", "year": 1982}, {"kind": "divorced", "year": 1979}]}]}}
    with pytest.raises(InputError) as caught:
        parse_section(Family, doc, "family", marker="people")
    assert str(caught.value).startswith("family.unions[0].events[1], field 'year': divorced (1979) is before "
                                        "married (1982)")
    # listed out of order but possible: read in time order; an approximate year is not held to it
    ok = _family(COUPLE, [{"partners": ["A", "B"], "events": ["cerai 1990", "nikah 1982"]}])
    assert [e.kind for e in ok.unions[0].history] == ["married", "divorced"]
    _family(COUPLE, [{"partners": ["A", "B"], "events": ["nikah sekitar 1982", "cerai 1981"]}])
    with pytest.raises(InputError, match=r"events\[0\].*reconciled \(1975\) is before"):
        _family(COUPLE, [{"partners": ["A", "B"], "start": 1980, "events": ["rujuk 1975"]}])


def test_d4_a_widowhood_that_contradicts_the_partners_death_is_warned_about() -> None:
    dead = [{**COUPLE[0], "death": 2019}, COUPLE[1]]
    f = _family(dead, [{"partners": ["A", "B"], "events": ["nikah 1993", "cerai mati 2021"]}])
    assert "family.unions[0].events[1], field 'year': widowed in 2021, but 'A' died in 2019" in f.warnings()
    # listed last but earlier in time: the message names its place in the file
    f = _family(dead, [{"partners": ["A", "B"], "events": ["cerai mati 2021", "nikah 1993"]}])
    assert any(w.startswith("family.unions[0].events[0]") for w in f.warnings())
    assert not _family(dead, [{"partners": ["A", "B"], "events": ["nikah 1993", "cerai mati 2019"]}]).warnings()
    alive = _family(COUPLE, [{"partners": ["A", "B"], "kind": "widowed", "start": 1990, "end": 2001}])
    assert alive.warnings() == ["family.unions[0], field 'end': widowed in 2001, but neither 'A' nor 'B' has died "
                                "(give the death of one)"]
    rec = _family(COUPLE, [{"partners": ["A", "B"], "events": ["nikah 1980", "rujuk 1990"]}])
    assert rec.warnings() == ["family.unions[0].events[1], field 'year': reconciled in 1990 with no separation "
                              "or divorce before it"]


def test_d5_a_birth_after_the_familys_as_of_is_warned_about_and_counted_missing() -> None:
    people = [*COUPLE, {"id": "C", "sex": "P", "birth": 2208}]
    f = _family(people, [{"partners": ["A", "B"], "children": ["C"]}], as_of=2024)
    assert f.warnings() == ["family.people[2] (id 'C'), field 'birth': 2208 is after the family's as_of (2024): "
                            "'C' is not drawn"]
    q = Genogram(f).quality()
    assert q.missing == ["C"] and q.people == 3 and q.drawn == 2 and not q.ok
    assert Genogram(f, as_of=2000).quality().missing == []  # left out on purpose


def test_d5_a_pregnancy_expected_next_year_is_drawn_not_dropped() -> None:
    people = [*COUPLE, {"id": "P", "kind": "pregnancy", "birth": 2025}]
    f = _family(people, [{"partners": ["A", "B"], "children": ["P"]}], as_of=2024)
    assert not f.warnings()
    assert "P" in Genogram(f).layout.nodes


IN_LAWS = {"people": [
    {"id": "F", "sex": "L", "birth": 1930}, {"id": "M", "sex": "P", "birth": 1932},
    {"id": "C", "sex": "P", "birth": 1960, "index": True}, {"id": "H", "sex": "L", "birth": 1958},
    {"id": "K", "sex": "L", "birth": 1990}, {"id": "HF", "sex": "L", "birth": 1931},
    {"id": "HM", "sex": "P", "birth": 1933}, {"id": "S", "sex": "L", "birth": 1962},
    {"id": "X", "sex": "L", "birth": 1940}],
    "unions": [{"partners": ["F", "M"], "start": 1955, "children": ["C", "S"]},
               {"partners": ["HF", "HM"], "start": 1956, "children": ["H"]},
               {"partners": ["H", "C"], "start": 1985, "children": ["K"]}],
    "households": [{"label": "Rumah C", "members": ["C", "H", "K"]}]}


def test_d6_as_of_leaves_out_the_in_laws_who_joined_later() -> None:
    from socialtools.genogram.history import family_as_of, family_changes

    family = parse_model(Family, IN_LAWS)
    # H married in only in 1985: he and his parents are no part of the family in 1975; X, linked
    # to nobody ever (a second family in the file), stays
    assert sorted(p.id for p in family_as_of(family, 1975).people) == ["C", "F", "M", "S", "X"]
    assert sorted(p.id for p in family_as_of(family, 1986).people) == ["C", "F", "H", "HF", "HM", "M", "S", "X"]
    changes = {(c.what, c.ids) for c in family_changes(family, 1975, 1995)}
    assert ("born", ("K",)) in changes and ("born", ("H",)) not in changes  # H joined: no birth
    assert ("union", ("H", "C")) in changes
    # a relationship in that year links him already
    linked = parse_model(Family, {**IN_LAWS, "relationships": [{"between": ["C", "H"], "kind": "close",
                                                                 "start": 1974}]})
    assert "H" in {p.id for p in family_as_of(linked, 1975).people}


def test_d6_an_undated_household_is_drawn_once_its_members_born_by_then_are_in_the_family() -> None:
    from socialtools.genogram.history import family_as_of

    family = parse_model(Family, IN_LAWS)
    assert family_as_of(family, 1975).households == []  # H (born 1958) had not married in
    assert [h.members for h in family_as_of(family, 1986).households] == [["C", "H"]]  # K not born yet
    assert [h.members for h in family_as_of(family, 1995).households] == [["C", "H", "K"]]
    linked = parse_model(Family, {**IN_LAWS, "households": [{"members": ["C", "H"]}], "relationships": [
        {"between": ["C", "H"], "kind": "close", "start": 1974}]})
    assert [h.members for h in family_as_of(linked, 1975).households] == [["C", "H"]]


def test_d6_as_of_draws_no_unconnected_stranger() -> None:
    g = Genogram(parse_model(Family, IN_LAWS), as_of=1975)
    assert set(g.layout.nodes) == {"C", "F", "M", "S", "X"}


def test_d9_the_compare_highlight_ring_keeps_off_the_union_date_labels() -> None:
    import re

    from socialtools.genogram.compare import RING_WIDTH

    family = parse_model(Family, {"as_of": 2024, "people": [
        {"id": "B", "sex": "L", "birth": 1958}, {"id": "A", "sex": "P", "birth": 1962, "index": True,
                                                   "conditions": [{"name": "depresi", "start": 2019}]},
        {"id": "H", "sex": "L", "birth": 1960, "death": 2019}],
        "unions": [{"partners": ["B", "A"], "events": ["nikah 1982", "cerai 1990"]},
                   {"partners": ["A", "H"], "events": ["nikah 1993", "cerai mati 2019"]}]})
    comparison = GenogramComparison(family, 2005, 2024)
    svg = comparison.to_svg()
    panel = svg[svg.index('id="panel-2024"'):]
    changed = panel[panel.index('class="changed"'):panel.index("</g>", panel.index('class="changed"'))]
    labels = [u.label_box for u in comparison.panel_layout(2024).unions.values() if u.label_box is not None]
    assert len(labels) == 2
    rings = re.findall(rf' d="([^"]+)"[^>]*stroke-width="{RING_WIDTH:g}"', changed)  # not the union's highlight
    pieces = [[float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)] for d in rings]
    assert pieces
    half = RING_WIDTH / 2
    for coords in pieces:
        points = list(zip(coords[::2], coords[1::2], strict=True))
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            # the band the stroke paints (butt ends), against every union label
            band = (min(x0, x1) - half * (y0 != y1), min(y0, y1) - half * (x0 != x1),
                    max(x0, x1) + half * (y0 != y1), max(y0, y1) + half * (x0 != x1))
            for box in labels:
                overlap_x = min(band[2], box.right) - max(band[0], box.x)
                overlap_y = min(band[3], box.bottom) - max(band[1], box.y)
                assert min(overlap_x, overlap_y) <= 0.01, ((x0, y0, x1, y1), box)


ACCEPTED_DATES = ["1998", "1998-03", "1998-03-04", "1998/03/04", "04-03-1998", "4 Maret 1998", "March 1998",
                  "12 agustus 2001", "Selasa, 10 September 2024", "hari Jum'at tanggal 13/09/2024",
                  "tgl. 3 Mei 2020", "1954年07月19日", "~1950", "sekitar 1935", "Sekitar 1935", "kira-kira 1950",
                  "kurang lebih 1950", "± 1950", "+-1950", "abt 1950", "Abt. 1950", "about 1950", "circa 1950",
                  "ca. 1950", "c. 1950", "approx. 1950", "1950-an", "1970s", "1970's", "1970?"]


@pytest.mark.parametrize("form", ACCEPTED_DATES)
def test_d10_every_date_form_the_loader_accepts_validates_against_the_schema(form: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.schema import schema_for

    family = {"people": [{"id": "A", "birth": form, "conditions": [{"name": "x", "sejak": form}]}],
              "unions": [{"partners": ["A"], "start": form, "events": [{"kind": "married", "tahun": form}]}]}
    parse_model(Family, family)  # the loader reads it
    validator = jsonschema.Draft202012Validator(schema_for("genogram"))
    assert [e.message for e in validator.iter_errors(family)] == []


@pytest.mark.parametrize("form", ["201O", "kemarin", "duaribu", "sekitar", "1998-03-04-05"])
def test_d10_the_schema_still_rejects_what_the_loader_refuses(form: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.errors import InputError
    from socialtools.schema import schema_for

    family = {"people": [{"id": "A", "birth": form}]}
    with pytest.raises((InputError, ValueError)):
        parse_model(Family, family)
    assert list(jsonschema.Draft202012Validator(schema_for("genogram")).iter_errors(family))


def test_d10_the_review_case_and_every_alias_validate_against_the_case_schema() -> None:
    import json
    from pathlib import Path

    jsonschema = pytest.importorskip("jsonschema")
    from socialtools.io.loading import load_document
    from socialtools.schema import schema_for

    # as an editor sees YAML: unquoted dates are text
    case = json.loads(json.dumps(load_document(Path(__file__).parent / "data/cases/review4-case.yaml"),
                                 default=str))
    assert [e.message for e in jsonschema.Draft202012Validator(schema_for("case")).iter_errors(case)] == []
    place = {"people": [{"id": "A", "birth": "Wonosobo, 12 Agustus 1998"}]}
    assert parse_model(Family, place).people[0].birthplace == "Wonosobo"
    assert not list(jsonschema.Draft202012Validator(schema_for("genogram")).iter_errors(place))
    conditions = schema_for("genogram")["$defs"]["Condition"]["properties"]
    assert {"start", "sejak", "since", "onset", "mulai"} <= set(conditions)


def test_d12_a_twin_group_of_one_is_warned_about_and_not_in_the_legend() -> None:
    people = [*COUPLE, {"id": "T1", "sex": "L", "birth": 1985}, {"id": "T2", "sex": "L", "birth": 1985}]
    lone = _family(people, [{"partners": ["A", "B"], "children": [
        {"id": "T1", "twin": "a", "identical": True}, {"id": "T2", "twin": "b", "identical": True}]}])
    assert "family.unions[0].children[1] (id 'T2'), field 'twin': twin group 'b' has only one child: give both " \
           "twins the same label" in lone.warnings()
    g = Genogram(lone)
    assert not g.layout.sibships[0].identical_bars
    assert "Kembar identik" not in [e.label for e in g.renderer().legend_entries()]
    pair = _family(people, [{"partners": ["A", "B"], "children": [
        {"id": "T1", "twin": "a", "identical": True}, {"id": "T2", "twin": "a", "identical": True}]}])
    assert not pair.warnings()
    assert "Kembar identik" in [e.label for e in Genogram(pair).renderer().legend_entries()]


def test_d14_a_sibling_by_adoption_or_fostering_is_named_so_in_the_family_table() -> None:
    from socialtools.genogram.kinship import relations_to_client

    f = _family([{"id": "F", "sex": "L"}, {"id": "M", "sex": "P"}, {"id": "K", "sex": "P", "birth": 1990,
                                                                   "index": True},
                 {"id": "R", "sex": "L", "birth": 1995}, {"id": "O", "sex": "P", "birth": 1985},
                 {"id": "L", "sex": "P", "birth": 2000}, {"id": "S", "sex": "L", "birth": 1992}],
                [{"partners": ["F", "M"], "children": ["O", "K", {"id": "R", "relation": "adopted"},
                                                       {"id": "L", "relation": "foster"}, "S"]}])
    words = relations_to_client(f)
    assert (words["O"], words["R"], words["L"], words["S"]) == ("kakak", "adik angkat", "adik asuh", "adik")
    assert relations_to_client(f, "en")["R"] == "adopted brother"
    assert relations_to_client(f, "en")["L"] == "foster sister"


def test_d16_initials_drop_every_free_text_note_about_people(tmp_path) -> None:
    from socialtools.cli import main

    case = tmp_path / "k.yaml"
    case.write_text("""family:
  people:
    - {id: A, name: Bambang Wijaya, sex: L, birth: 1958, notes: pernah dipenjara}
    - {id: B, name: Sri Lestari, sex: P, birth: 1962, index: true}
  unions:
    - {partners: [A, B], events: [nikah 1982, cerai 1990], notes: Bercerai karena KDRT}
  relationships:
    - {between: [B, A], kind: hostile, label: bermusuhan sejak perceraian}
  households:
    - {label: Rumah Sri Lestari, members: [B]}
""", encoding="utf-8")
    secret = ("pernah dipenjara", "KDRT", "bermusuhan sejak", "Sri Lestari", "Bambang")
    plain, hidden = tmp_path / "g.svg", tmp_path / "gi.svg"
    assert main(["genogram", str(case), "-o", str(plain)]) == 0
    assert main(["genogram", str(case), "--initials", "-o", str(hidden)]) == 0
    assert all(s in plain.read_text(encoding="utf-8") for s in ("KDRT", "bermusuhan sejak", "Sri Lestari"))
    text = hidden.read_text(encoding="utf-8")
    assert not [s for s in secret if s in text]
    assert "Rumah SL" in text
    report = tmp_path / "r.md"
    assert main(["report", str(case), "--initials", "-o", str(report)]) == 0
    assert not [s for s in secret if s in report.read_text(encoding="utf-8")]


def test_d17_condition_person_and_child_kinds_read_indonesian_and_hint_a_misspelling() -> None:
    from socialtools.errors import InputError

    f = parse_model(Family, {"people": [
        {"id": "A", "conditions": [{"name": "x", "kind": "kejiwaan", "status": "dugaan"}]},
        {"id": "B", "kind": "keguguran", "death": 1990}, {"id": "C"}],
        "unions": [{"partners": ["A"], "children": [{"id": "C", "relation": "angkat"}]}]})
    assert (f.people[0].conditions[0].kind, f.people[0].conditions[0].status) == ("mental", "suspected")
    assert f.person("B").kind == "miscarriage" and f.unions[0].children[0].relation == "adopted"
    with pytest.raises(InputError, match=r"'mentl' is not a condition kind \(did you mean 'mental'\?\); "
                                         r"write one of: medical \(medis\), mental \(kejiwaan\)"):
        parse_model(Family, {"people": [{"id": "A", "conditions": [{"name": "x", "kind": "mentl"}]}]})
    with pytest.raises(InputError, match=r"'asu' is not a child relation \(did you mean 'asuh'\?\)"):
        parse_model(Family, {"people": [{"id": "A"}, {"id": "C"}],
                             "unions": [{"partners": ["A"], "children": [{"id": "C", "relation": "asu"}]}]})


def test_d17_a_case_files_error_names_the_section_without_how_it_was_read(tmp_path, capsys) -> None:
    from socialtools.cli import main

    case = tmp_path / "k.yaml"
    case.write_text("family:\n  people:\n    - {id: A}\n  unions:\n    - {partners: [A, Z]}\n", encoding="utf-8")
    assert main(["genogram", str(case), "-o", str(tmp_path / "g.svg")]) == 2
    err = capsys.readouterr().err
    assert "family.unions[0], field 'partners': unknown person 'Z'" in err and "read as" not in err


def test_d15_the_adopted_and_foster_legend_samples_run_their_line_into_the_bracket() -> None:
    import re

    from socialtools.draw.geometry import Box
    from socialtools.draw.svg import SvgCanvas
    from socialtools.draw.theme import Theme

    f = _family([*COUPLE, {"id": "R"}, {"id": "L"}], [{"partners": ["A", "B"], "children": [
        {"id": "R", "relation": "adopted"}, {"id": "L", "relation": "foster"}]}])
    entries = {e.label: e for e in Genogram(f).renderer().legend_entries()}
    for label in ("Anak angkat (adopsi)", "Anak asuh"):
        canvas = SvgCanvas(100, 40, Theme(), title="t")
        entries[label].draw(canvas, canvas.root, Box(0, 0, 40, 18))
        svg = canvas.to_string()
        line = re.search(r'<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*stroke-dasharray', svg)
        assert line is not None, label
        x0, y0, x1, y1 = map(float, line.groups())
        bracket = re.search(r'<path d="M[\d.]+ ([-\d.]+)L([\d.]+) [-\d.]+L[\d.]+ ([-\d.]+)L[^"]*M', svg)
        assert bracket is not None, label
        top, left, bottom = map(float, bracket.groups())
        assert y0 == y1 == 9 and top < y0 < bottom  # level with the symbol's centre
        assert top >= 0 and bottom <= 18  # the brackets stay in the sample's box
        assert x1 - x0 >= 15  # long enough to show the pattern
        assert abs(left - x1) <= 1  # it ends on the bracket, not detached


def test_d15_a_hatched_legend_sample_shows_several_strokes_and_the_drawing_keeps_its_hatching() -> None:
    import re

    from socialtools.draw.geometry import Box
    from socialtools.draw.svg import SvgCanvas
    from socialtools.draw.theme import Theme

    f = parse_model(Family, {"people": [{"id": "A", "conditions": [
        {"name": "hipertensi", "status": "suspected"}, {"name": "diabetes"}]}]})
    g = Genogram(f)
    entry = next(e for e in g.renderer().legend_entries() if e.label.startswith("hipertensi"))
    canvas = SvgCanvas(100, 40, Theme(), title="t")
    box = Box(0, 0, 40, 18)
    entry.draw(canvas, canvas.root, box)
    spacing = float(re.search(r'fill="url\(#hatch-([\d_]+)\)"', canvas.to_string())[1].replace("_", "."))
    quadrant = box.h * 0.85 / 2  # the sample's symbol is 85 % of the box high
    assert quadrant / spacing >= 3
    assert 'fill="url(#hatch-4)"' in g.to_svg()  # the drawing's full-size symbols: as before


def test_d6_a_union_dated_after_the_family_s_own_as_of_drops_nobody() -> None:
    """D6 leaves out, at ``--as-of`` a year, someone who joined only through a later union; the
    family's own ``as_of`` does not: a union the file dates after it is a slip in the file, and the
    partner it joins is still drawn (the synthetic pedigrees lost two people to it)."""
    from socialtools.genogram.history import family_as_of

    family = Family.model_validate({"as_of": 2000, "people": [
        {"id": "A", "sex": "male", "birth": 1950}, {"id": "B", "sex": "female", "birth": 1952}],
        "unions": [{"partners": ["A", "B"], "start": 2005}]})
    assert Genogram(family).quality().missing == []
    assert [p.id for p in family_as_of(family, 2000).people] == ["A"]


def test_d1_a_comparison_styles_conditions_over_the_whole_family_yet_misses_nobody() -> None:
    """The comparison's genogram takes its condition styles from the family as given; someone born
    after the later year is not in the comparison, and is not counted as missing from it."""
    family = Family.model_validate({"people": [
        {"id": "A", "sex": "male", "birth": 1950},
        {"id": "B", "sex": "female", "birth": 1952, "conditions": [{"name": "diabetes", "kind": "medical"}]},
        {"id": "C", "birth": 1980}, {"id": "D", "birth": 2015, "conditions": [{"name": "asma", "kind": "medical"}]}],
        "unions": [{"partners": ["A", "B"], "children": ["C", "D"]}]})
    comparison = GenogramComparison(family, 1990, 2000)
    assert comparison.quality().missing == []
    assert set(comparison.genogram.condition_styles) == {"diabetes", "asma"}
