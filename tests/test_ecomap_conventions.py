"""Issue 13, ecomap part: every tie kind distinct in black and white, several qualities on one
tie, a family member as a system, and no word split inside a system circle."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw.svg import SvgCanvas
from socialtools.draw.text import text_width
from socialtools.draw.theme import Theme
from socialtools.ecomap import EcomapDiagram
from socialtools.ecomap.layout import SYSTEM_FONT_FLOOR, layout_ecomap, system_label
from socialtools.ecomap.model import Ecomap, Tie, load_ecomap
from socialtools.ecomap.render import Style, draw_tie, legend_entries, render_ecomap
from socialtools.errors import InputError
from socialtools.examples import load_example

NS = "{http://www.w3.org/2000/svg}"

KINDS = {
    "strong 1": {"strength": "strong"},
    "strong 2": {"strength": "strong", "level": 2},
    "strong 3": {"strength": "strong", "level": 3},
    "moderate": {"strength": "moderate"},
    "weak": {"strength": "weak"},
    "tenuous": {"strength": "tenuous"},
    "stressful": {"quality": "stressful"},
    "conflictual": {"quality": "conflictual"},
    "broken": {"quality": "broken"},
    "stressful + conflictual": {"quality": ["stressful", "conflictual"]},
    "stressful + broken": {"quality": ["stressful", "broken"]},
}


def mono_signature(tie: dict) -> tuple:
    """What a black-and-white print shows of one tie: the pattern, width and shape of each stroke."""
    canvas = SvgCanvas(200, 40, Theme(monochrome=True))
    g = canvas.group(id="t")
    draw_tie(canvas, g, Tie(system="x", **tie), [(10.0, 20.0), (190.0, 20.0)], Style(Theme(monochrome=True), "id"))
    root = ET.fromstring(canvas.to_string().split("\n", 1)[1])
    strokes = []
    for p in root.iter(f"{NS}path"):
        colour = p.get("stroke") or ""
        assert colour == "none" or colour[1:3] == colour[3:5] == colour[5:7], colour  # grey only
        strokes.append((p.get("stroke-dasharray"), p.get("stroke-width"), p.get("d").count("L")))
    return tuple(sorted(strokes, key=str))


def test_every_tie_kind_differs_in_black_and_white():
    signatures = {name: mono_signature(tie) for name, tie in KINDS.items()}
    seen: dict[tuple, str] = {}
    for name, sig in signatures.items():
        assert sig not in seen, f"{name} looks like {seen.get(sig)} in black and white"
        seen[sig] = name


def test_weak_and_tenuous_are_two_legend_entries():
    eco = Ecomap.model_validate({"systems": ["a", "b"], "ties": [{"system": "a", "strength": "lemah"},
                                                                 {"system": "b", "strength": "renggang"}]})
    assert [t.strength for t in eco.ties] == ["weak", "tenuous"]
    texts = [e.label for e in legend_entries([eco], Style(Theme(monochrome=True), "en"))]
    assert "Weak" in texts and "Tenuous" in texts


@pytest.mark.parametrize("written", [["stressful", "conflictual"], "stres dan konflik", "conflictual, stressful"])
def test_a_tie_carries_several_qualities(written):
    eco = Ecomap.model_validate({"systems": ["a"], "ties": [{"system": "a", "quality": written}]})
    tie = eco.ties[0]
    assert tie.quality == ("stressful", "conflictual") and tie.has("stressful") and tie.has("conflictual")
    svg = render_ecomap(eco, lang="en")
    root = ET.fromstring(svg.split("\n", 1)[1])
    ties = next(g for g in root.iter(f"{NS}g") if g.get("id") == "panel1-ties")
    paths = [p.get("d") for p in ties.iter(f"{NS}path")]
    assert max(d.count("L") for d in paths) > 6  # the zigzag of the conflict
    assert sum(1 for d in paths if d.count("L") == 1) >= 4  # and the hatch marks of the stress
    legend = " | ".join(t.text or "" for t in root.iter(f"{NS}text"))
    assert "Stressful + Conflictual" in legend


def test_positive_is_dropped_beside_another_quality_and_unknown_words_fail():
    eco = Ecomap.model_validate({"systems": ["a"], "ties": [{"system": "a", "quality": ["positive", "broken"]}]})
    assert eco.ties[0].quality == ("broken",)
    with pytest.raises(InputError, match="not a quality"):
        load_ecomap({"ecomap": {"systems": ["a"], "ties": [{"system": "a", "quality": ["stressful", "meh"]}]}})


def test_a_tie_listed_twice_points_to_the_list_of_qualities():
    with pytest.raises(InputError, match=r"quality: \[stressful, conflictual\]"):
        Ecomap.model_validate({"systems": ["a"], "ties": [{"system": "a", "quality": "stressful"},
                                                          {"system": "a", "quality": "conflictual"}]})


FAMILY = {
    "as_of": 2024,
    "people": [
        {"id": "E", "name": "Nenek E", "sex": "female", "birth": 1950},
        {"id": "K", "sex": "male", "birth": 1972},
        {"id": "S", "sex": "female", "birth": 1975, "mother": "E"},
        {"id": "PK", "sex": "female", "birth": 1998, "index": True},
    ],
    "unions": [{"partners": ["K", "S"], "children": ["PK"]}],
}


def member_case(**system) -> dict:
    return {
        "family": FAMILY,
        "ecomap": {
            "focal": {"members": ["K", "S", "PK"]},
            "systems": [{"person": "E", **system}, {"id": "sekolah", "category": "education"}],
            "ties": [{"system": "E", "to": "S", "strength": "strong", "flow": "to_focal"}, {"system": "sekolah"}],
        },
    }


def test_a_family_member_as_a_system_takes_name_sex_and_age_from_the_family():
    eco, family = load_ecomap(member_case())
    system = eco.system("E")
    assert system.category == "extended_family" and system.label_for(family) == "Nenek E"
    lay = layout_ecomap(eco, family)
    place = lay.system("E")
    assert place.label.lines == ("Nenek E",) and place.symbol is not None
    assert lay.quality.defects == 0
    # the tie goes to the member S inside the household drawn in the centre
    route = next(t for t in lay.ties if t.tie.system == "E")
    assert lay.member("S").on_outline(route.points[-1])
    svg = EcomapDiagram(eco, family).to_svg()
    root = ET.fromstring(svg.split("\n", 1)[1])
    systems = next(g for g in root.iter(f"{NS}g") if g.get("id") == "panel1-systems")
    texts = [t.text for t in systems.iter(f"{NS}text")]
    assert "74" in texts  # her age in 2024, inside her genogram symbol (a circle: female)
    person = next(g for g in systems.iter(f"{NS}g") if g.get("class") == "person")
    assert any(True for _ in person.iter(f"{NS}circle"))


def test_a_given_name_wins_over_the_family_name():
    eco, family = load_ecomap(member_case(name="Nenek (ibu S)"))
    assert eco.system("E").label_for(family) == "Nenek (ibu S)"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"person": "ZZ"}, "unknown person 'ZZ'"),
        ({"person": "PK"}, "already in the focal circle"),
    ],
)
def test_bad_member_systems_name_the_record(change, message):
    doc = member_case()
    doc["ecomap"]["systems"][0] = change
    doc["ecomap"]["ties"] = [{"system": "sekolah"}]
    with pytest.raises(InputError, match=message) as info:
        load_ecomap(doc)
    assert info.value.record.startswith("ecomap.systems[0]") and info.value.field == "person"


def test_a_member_system_needs_the_family():
    with pytest.raises(InputError, match="needs a family section"):
        load_ecomap({"ecomap": {"systems": [{"person": "E"}]}})


def words_kept(text: str, lines: tuple[str, ...]) -> bool:
    """True when every line break of ``lines`` falls on a space of ``text`` or right after a slash."""
    whole = " ".join(text.split())
    pos = 0
    for line in lines:
        if not whole.startswith(line, pos):
            return False
        pos += len(line)
        if pos < len(whole):
            if whole[pos] == " ":
                pos += 1
            elif whole[pos - 1] != "/":
                return False  # a break inside a word
    return pos == len(whole)


def test_no_word_split_inside_a_circle_dipertimbangkan():
    block = system_label("Rumah sakit jiwa (dipertimbangkan)")
    assert "(dipertimbangkan)" in block.lines and block.size >= SYSTEM_FONT_FLOOR
    eco = Ecomap.model_validate({"systems": [{"id": "rs", "name": "Rumah sakit jiwa (dipertimbangkan)"}],
                                 "ties": [{"system": "rs"}]})
    lay = layout_ecomap(eco)
    assert lay.quality.defects == 0  # the label stays inside its circle
    assert "(dipertimbangkan)" in lay.system("rs").label.lines


def test_a_very_long_word_widens_the_circle_at_the_font_floor():
    word = "Kesejahteraansosialmasyarakatterpadu"
    block = system_label(word)
    assert block.lines == (word,) and block.size == SYSTEM_FONT_FLOOR
    eco = Ecomap.model_validate({"systems": [{"id": "a", "name": word}, "b"], "ties": [{"system": "a"}]})
    lay = layout_ecomap(eco)
    assert lay.quality.defects == 0
    assert lay.system("a").circle.r * 2 > text_width(word, SYSTEM_FONT_FLOOR)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz()-/", min_size=1, max_size=24).filter(lambda w: w.strip("/"))


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=6))
def test_system_labels_never_cut_a_word(words):
    text = " ".join(words)
    block = system_label(text)
    assert words_kept(text, block.lines), block.lines
    assert block.size >= SYSTEM_FONT_FLOOR


def test_pk_example_has_a_member_system():
    eco, family = load_ecomap(load_example("pk.yaml"))
    mother = next(s for s in eco.systems if s.person)
    assert mother.label_for(family) == "Ibu S"  # role and initials from the family
    assert EcomapDiagram(eco, family).warnings() == []


def test_household_members_who_share_an_initial_are_told_apart():
    """Review 6 D7: Dinda and Dewi in the centre were both "D"; their ties could not be read."""
    case = {"family": {"people": [{"id": "DN", "name": "Dinda", "sex": "P", "index": True},
                                  {"id": "KK", "name": "Dewi", "sex": "P"},
                                  {"id": "WS", "name": "Warsini", "sex": "P"}]},
            "ecomap": {"focal": {"members": ["DN", "KK", "WS"]},
                       "systems": [{"id": "sekolah", "category": "education"}],
                       "ties": [{"system": "sekolah", "to": "KK"}]}}
    eco, family = load_ecomap(case)
    labels = {m.id: m.label.lines for m in layout_ecomap(eco, family).members}
    assert labels == {"DN": ("Di",), "KK": ("De",), "WS": ("W",)}
    masked, family = load_ecomap({**case, "family": {"people": [
        {"id": "DN", "initials": "D", "sex": "P", "index": True}, {"id": "KK", "initials": "D", "sex": "P"}]},
        "ecomap": {**case["ecomap"], "focal": {"members": ["DN", "KK"]}}})
    assert sorted(m.label.lines[0] for m in layout_ecomap(masked, family).members) == ["D1", "D2"]
