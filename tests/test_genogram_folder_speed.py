"""Issue 10's race against kinship2 (a 400-family table into a folder): the work each family's
drawing no longer repeats. Each test fails on the code before the change it covers; the
drawings themselves are unchanged (the race's 400 files compared byte for byte)."""

from __future__ import annotations

from socialtools.draw import svg
from socialtools.genogram.model import Family
from socialtools.genogram.structure import FamilyStructure


def test_the_components_of_a_family_are_found_once_and_handed_out_as_copies(monkeypatch) -> None:
    f = Family.model_validate({"people": [{"id": i} for i in "ABCDE"], "unions": [
        {"partners": ["A", "B"], "children": ["C"]}]})
    s = FamilyStructure(f)
    calls: list[int] = []
    monkeypatch.setattr(FamilyStructure, "_components", lambda self: calls.append(1) or [["A", "B", "C"], ["D"]])
    s.__dict__.pop("_components", None)
    first = s.components()
    first[0].append("X")
    assert s.components() == [["A", "B", "C"], ["D"]] and len(calls) == 1


def test_an_element_s_attributes_are_sorted_once_per_set_of_names() -> None:
    svg._ORDERS.clear()
    a = svg._leaf("rect", {"y": "2", "x": "1", "fill": "#fff"})
    b = svg._leaf("rect", {"y": "5", "x": "4", "fill": None})
    assert a == '<rect fill="#fff" x="1" y="2" />' and b == '<rect x="4" y="5" />'
    assert svg._ORDERS == {("y", "x", "fill"): ("fill", "x", "y")}


def test_a_dateless_family_s_warnings_are_those_of_its_dated_people_only() -> None:
    """The date checks name a person only where a date is found (the 28,000 people of the race's
    table have none): the warnings are the same, with no text made for the others."""
    f = Family.model_validate({"as_of": 2020, "people": [{"id": "A"}, {"id": "B", "birth": 2050},
                                                         {"id": "C", "age": 140}, {"id": "D"}],
                               "unions": [{"partners": ["A", "D"], "children": ["B"]}]})
    said = f.warnings()
    assert any("people[1] (id 'B'), field 'birth': 2050 is after the family's as_of" in w for w in said)
    assert any("people[2] (id 'C'), field 'age': 140" in w for w in said)
    assert not any("'A'" in w or "'D'" in w for w in said)


def test_a_label_block_is_wrapped_once_for_the_same_texts_and_measured_once() -> None:
    """A table's labels repeat from family to family (ids, years): the same block, made once."""
    from socialtools.draw.text import TextBlock

    a = TextBlock.wrapped(["Puskesmas Kecamatan Wonosobo", "17"], 80, 10)
    b = TextBlock.wrapped(["Puskesmas Kecamatan Wonosobo", "17"], 80, 10)
    assert a is b and a.lines == ("Puskesmas", "Kecamatan", "Wonosobo", "17") and round(a.width, 1) == 56.6
    assert TextBlock.wrapped(["17"], 80, 10, bold=True).bold


def test_each_family_has_its_own_origins() -> None:
    a = Family.model_validate({"people": [{"id": "A"}]})
    b = Family.model_validate({"people": [{"id": "B"}]})
    a.with_origins({"A": "line 2 (id 'A')"})
    assert b.origins == {} and a.origins == {"A": "line 2 (id 'A')"}


def test_the_ordering_and_the_coordinate_step_of_a_component_read_one_graph(monkeypatch) -> None:
    """The union-node graph of a component is made once: the ordering made it, and the
    coordinate step made it again."""
    import socialtools.genogram.ordering as ordering
    from socialtools.genogram.layout import layout_family

    made: list[frozenset[str]] = []
    init = ordering._Graph.__init__

    def counted(self, s, people) -> None:  # type: ignore[no-untyped-def]
        made.append(frozenset(people))
        init(self, s, people)

    monkeypatch.setattr(ordering._Graph, "__init__", counted)
    f = Family.model_validate({"people": [{"id": i} for i in "ABCDEFG"], "unions": [
        {"partners": ["A", "B"], "children": ["C", "D"]}, {"partners": ["C", "E"], "children": ["F", "G"]}]})
    layout_family(f, {}, {}, {})
    assert made.count(frozenset("ABCDEFG")) == 1


def test_the_program_s_own_command_line_leaves_its_objects_to_the_exit_unscanned(monkeypatch, tmp_path) -> None:
    """After a 400-family table, the cycle collector's last pass at the exit took a fifth of a
    second with nothing to collect: the program's command line freezes what it made; a call
    with its own arguments (a test, a script) does not."""
    import gc
    import sys

    from socialtools import cli

    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    table = tmp_path / "t.csv"
    table.write_text("id,father,mother,sex\na,0,0,1\nb,0,0,2\nc,a,b,1\n")
    args = ["genogram", str(table), "-o", str(tmp_path / "t.svg")]
    assert cli.main(args) == 0 and frozen == []
    monkeypatch.setattr(sys, "argv", ["socialtools", *args])
    assert cli.main() == 0 and frozen == [1]


def test_a_drawing_is_written_as_svgwrite_writes_it() -> None:
    """The canvas's own writer (groups written without the checks other elements take) gives
    svgwrite's bytes: attributes sorted and escaped, texts escaped, empty elements closed."""
    canvas = svg.SvgCanvas(100, 50, title="T & <t>")
    g = canvas.group(class_='a&b"c', id="g1")
    inner = canvas.group(g, class_="person", stroke_width=1.5)
    canvas.group(g)
    inner.add(canvas.dwg.rect((1, 2), (3, 4), fill="#fff", stroke_width=0.6))
    g.add(canvas.dwg.text("x < y & z", insert=(1, 2), class_="t"))
    g.add(canvas.dwg.path(d="M0 0L1 1", fill="none"))
    written = canvas.to_string()
    assert written == '<?xml version="1.0" encoding="utf-8" ?>\n' + canvas.dwg.tostring() + "\n"
    assert '<g class="a&amp;b&quot;c" id="g1"><g class="person" stroke-width="1.5"><rect ' in written


def test_an_attribute_s_text_is_escaped_once(monkeypatch) -> None:
    """Colours, widths and coordinates repeat through a drawing: each text is escaped once."""
    escaped: list[str] = []
    escape = svg._escape_attrib
    monkeypatch.setattr(svg, "_escape_attrib", lambda text: escaped.append(text) or escape(text))
    svg._TEXTS.clear()
    first = svg._leaf("path", {"d": "M0 0", "fill": "a&b", "stroke": "a&b"})
    again = svg._leaf("path", {"d": "M0 0", "fill": "a&b", "stroke": "a&b"})
    assert first == again == '<path d="M0 0" fill="a&amp;b" stroke="a&amp;b" />'
    assert sorted(escaped) == ["M0 0", "a&b"]


def test_a_person_without_a_date_written_as_text_is_read_as_given_and_a_blank_date_alone_is_dropped() -> None:
    """A person's dates and age are looked at as texts only where one is a text (a pedigree
    table's people have none): a blank death alone is still no death."""
    from socialtools.genogram.model import Person

    assert Person.model_validate({"id": "A", "sex": "male"}).death is None
    blank = Person.model_validate({"id": "A", "death": " "})
    assert blank.death is None and not blank.deceased
    assert Person.model_validate({"id": "A", "age": "~45"}).age_approximate


def test_the_clusters_of_a_family_are_looked_up_by_their_roots() -> None:
    """The rows' loops over every person read each one's cluster from one dict of roots."""
    from socialtools.genogram.structure import _Clusters

    clusters = _Clusters(["A", "B", "C", "D"])
    clusters.join("A", "B")
    clusters.join("C", "B")
    assert clusters.roots() == {"A": "C", "B": "C", "C": "C", "D": "D"}
    assert clusters.roots() == {x: clusters.find(x) for x in "ABCD"}


def test_a_family_without_names_has_its_ids_as_initials_without_telling_initials_apart(monkeypatch) -> None:
    """A pedigree table names nobody: each one's initials are their id (what distinct_initials gives)."""
    import socialtools.genogram.model as model

    people = [{"id": "A"}, {"id": "B", "name": ""}, {"id": "C"}]
    expected = model.distinct_initials(Family.model_validate({"people": people}).people)
    monkeypatch.setattr(model, "distinct_initials", lambda people: [][0])  # (not asked)
    family = Family.model_validate({"people": people})
    assert {p: family.initials_of(p) for p in "ABC"} == expected == {"A": "A", "B": "B", "C": "C"}
    named = Family.model_validate({"people": [{"id": "A", "name": "Dewi"}, {"id": "B", "name": "Dimas"}]})
    monkeypatch.undo()
    assert named.initials_of("A") == "De"
