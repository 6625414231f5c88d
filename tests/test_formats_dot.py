"""DOT export of a family: structure, quoting, and what Graphviz's dot makes of it."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.cli import main
from socialtools.examples import example_path
from socialtools.genogram.dot import family_to_dot, quote
from socialtools.genogram.model import Family
from socialtools.io.convert_family import load_family
from socialtools.io.gedcom import read_gedcom

DATA = Path(__file__).parent / "data" / "gedcom"
DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="Graphviz 'dot' is not installed")


def plain_layout(dot_text: str) -> dict[str, tuple[float, float]]:
    """Node centres from ``dot -Tplain`` (y grows upwards)."""
    result = subprocess.run([DOT, "-Tplain"], input=dot_text.encode("utf-8"), capture_output=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Warning" not in result.stderr and b"Error" not in result.stderr, result.stderr.decode()
    nodes = {}
    for line in result.stdout.decode("utf-8").splitlines():
        if line.startswith("node "):
            parts = shlex.split(line)
            nodes[parts[1]] = (float(parts[2]), float(parts[3]))
    return nodes


def test_every_person_and_union_is_a_node():
    family = read_gedcom(DATA / "family-utf8.ged")
    dot = family_to_dot(family)
    for person in family.people:
        assert f"\n  {quote(person.id)} [" in dot
    for union in family.unions:
        assert f'"union:{union.id}" [shape="point"' in dot
        assert "{ rank=same; " + "; ".join(quote(p) for p in
                                          [union.partners[0], f"union:{union.id}", union.partners[1]]) in dot
    assert 'shape="box", label="Budi Santoso\\n1968"' in dot
    assert '"union:F2" -> "I7" [style="dashed"]' in dot  # adopted
    assert '"union:F3" -> "I9" [style="dotted"]' in dot  # foster


def test_deterministic():
    family = load_family(example_path("pk.yaml"))
    assert family_to_dot(family) == family_to_dot(family)


def test_quoting_of_awkward_ids_and_names():
    family = Family.model_validate({
        "people": [{"id": 'A "x"', "name": 'Ibu "Siti"\\ baru\nbaris'}, {"id": "union:u1"},
                   {"id": "Ñ-é ü"}],
        "unions": [{"partners": ['A "x"', "union:u1"], "children": ["Ñ-é ü"]}]})
    dot = family_to_dot(family)
    assert '"A \\"x\\""' in dot
    assert 'Ibu \\"Siti\\"\\\\ baru\\nbaris' in dot
    if DOT:
        nodes = plain_layout(dot)
        assert set(nodes) == {'A "x"', "union:u1", "Ñ-é ü", "_union:u1"}  # no clash with the union node


@needs_dot
def test_dot_layout_puts_partners_on_one_row_and_children_below():
    family = read_gedcom(DATA / "family-utf8.ged")
    nodes = plain_layout(family_to_dot(family))
    assert {p.id for p in family.people} <= set(nodes)
    for union in family.unions:
        point = nodes[f"union:{union.id}"]
        for partner in union.partners:
            assert nodes[partner][1] == pytest.approx(point[1])
        for child in union.children:
            assert nodes[child.id][1] < point[1] - 0.1
        if len(union.partners) == 2:
            left, right = (nodes[p][0] for p in union.partners)
            assert min(left, right) < point[0] < max(left, right)


@st.composite
def families(draw):
    ids = draw(st.lists(st.text("abcXYZ\"\\ é-:", min_size=1, max_size=5).filter(str.strip),
                        min_size=1, max_size=8, unique_by=str.strip))
    ids = [i.strip() for i in ids]
    people = [{"id": i, "sex": draw(st.sampled_from(["male", "female", "unknown"])),
               "kind": draw(st.sampled_from(["person", "person", "pregnancy", "miscarriage", "pet"])),
               "index": draw(st.booleans())} for i in ids]
    unions, bio = [], set()
    for _ in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(ids) - 1))
        partners = [ids[a]] + ([ids[a + 1]] if a + 1 < len(ids) and draw(st.booleans()) else [])
        later = ids[a + 2:]
        children = []
        for child in draw(st.lists(st.sampled_from(later), unique=True, max_size=3)) if later else []:
            relation = draw(st.sampled_from(["biological", "adopted", "foster", "step"]))
            if relation == "biological":
                relation = "step" if child in bio else relation
                bio.add(child)
            children.append({"id": child, "relation": relation})
        unions.append({"partners": partners, "children": children,
                       "kind": draw(st.sampled_from(["married", "divorced", "affair", "cohabiting"]))})
    relationships = []
    if len(ids) > 1 and draw(st.booleans()):
        relationships.append({"between": ids[:2], "kind": draw(st.sampled_from(["conflict", "focused_on"]))})
    return Family.model_validate({"people": people, "unions": unions, "relationships": relationships})


@needs_dot
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families())
def test_any_family_is_valid_dot(family):
    nodes = plain_layout(family_to_dot(family))
    assert {p.id for p in family.people} <= set(nodes)
    assert len(nodes) == len(family.people) + len(family.unions)


def test_cli_writes_dot(tmp_path):
    out = tmp_path / "pk.dot"
    assert main(["gedcom", str(example_path("pk.yaml")), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("digraph genogram {") and '"PK"' in text
