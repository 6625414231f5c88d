"""The case file and the case tables: validation errors, one source for the family, columns."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from socialtools.errors import InputError, UsageError
from socialtools.examples import load_example
from socialtools.report.case import Case
from socialtools.report.casetables import (
    behaviour_table,
    bpss_table,
    client_table,
    family_table,
    plan_tables,
    process_table,
    schedule_table,
    systems_table,
)
from socialtools.report.model import ReportOptions
from socialtools.report.tables import SectionRow, Table


@pytest.fixture
def pk() -> dict[str, Any]:
    return load_example("pk.yaml")


def test_pk_case_loads_every_section(pk: dict[str, Any]) -> None:
    case = Case.from_document(pk)
    assert case.client_person() is not None and case.client_person().id == "PK"  # type: ignore[union-attr]
    assert case.bpss is not None and case.plan is not None
    assert len(case.sessions) == 5 and case.termination is not None
    for build in (client_table, family_table, bpss_table, schedule_table, process_table, behaviour_table,
                  systems_table):
        assert build(case) is not None, build.__name__
    assert [t.key for t in plan_tables(case)] == ["plan_case_work", "plan_group_work"]


def test_other_kinds_sections_are_passed_on(pk: dict[str, Any]) -> None:
    doc = {**pk, "ecomap": {"systems": [{"id": "a"}]}, "strengths": {"items": []}, "venn": {"sets": []}}
    case = Case.from_document(doc)
    assert case.raw("ecomap") == {"systems": [{"id": "a"}]}
    assert case.raw("venn") == {"sets": []}


def test_unknown_section_is_named() -> None:
    with pytest.raises(InputError) as err:
        Case.from_document({"case": {}, "bpps": {}, "sesions": []}, source="x.yaml")
    text = str(err.value)
    assert text.startswith("x.yaml, case file, field 'bpps': unknown section 'bpps', 'sesions'")
    assert "bpss" in text


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("sessions", 2, "date"), "kemarin", "sessions[2], field 'date'"),
    (("sessions", 0, "kind"), "telepathy", "sessions[0], field 'kind'"),
    (("bpss", "social", 1, "source"), "mimpi", "bpss.social[1].source, field 'kind'"),
    (("bpss", "measurements", "iq"), "tinggi", "bpss.measurements, field 'iq'"),
    (("plan", "case_work", 0, "activity"), "", "plan.case_work[0], field 'activity'"),
    (("behaviour_change", 0, "sebelum"), "x", "behaviour_change[0], field 'sebelum'"),
    (("intervention_systems", 1, "system"), "moon", "intervention_systems[1], field 'system'"),
    (("termination", "date"), "2024-13-01", "termination, field 'date'"),
    (("case", "chapter"), 0, "case, field 'chapter'"),
    (("family", "unions", 0, "children"), ["PK", "XX"], "family.unions[0], field 'children'"),
])
def test_errors_name_section_record_and_field(pk: dict[str, Any], path: tuple[Any, ...], value: Any,
                                              expected: str) -> None:
    doc = copy.deepcopy(pk)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(InputError) as err:
        Case.from_document(doc, source="pk.yaml")
    assert str(err.value).startswith(f"pk.yaml, {expected}: "), str(err.value)


def test_family_table_comes_from_the_family(pk: dict[str, Any]) -> None:
    doc = copy.deepcopy(pk)
    doc["family"]["people"].append({"id": "NN", "sex": "P", "role": "nenek", "birth": 1950,
                                    "birthplace": "Magelang", "religion": "Islam"})
    table = family_table(Case.from_document(doc))
    assert table is not None
    assert table.rows[-1] == ["6", "NN", "nenek", "Perempuan", "Magelang, 1950", "74", "", "Islam"]
    assert [r[1] for r in table.rows] == [p["id"] for p in doc["family"]["people"]]  # type: ignore[index]


def test_english_headings_and_captions(pk: dict[str, Any]) -> None:
    case = Case.from_document(pk)
    t = family_table(case, ReportOptions(lang="en"))
    assert t is not None
    assert t.headings == ["No", "Name", "Relation to the client", "Sex", "Place, year of birth", "Age",
                          "Occupation", "Religion"]
    assert t.caption == 'Family of Client "PK"'
    assert t.rows[0][3] == "Male"


def test_configurable_columns(pk: dict[str, Any]) -> None:
    case = Case.from_document(pk)
    opts = ReportOptions(columns={"bpss": ["domain", "aspect", "finding", "source"],
                                  "family": ["name", "age", "religion"]})
    bpss = bpss_table(case, opts)
    assert bpss is not None
    assert not any(isinstance(r, SectionRow) for r in bpss.rows)
    assert bpss.headings == ["Domain", "Aspek", "Hasil Observasi", "Sumber"]
    row = ["Sosial", "kepercayaan diri", "Rendah ketika berhadapan dengan PM lain.", "wawancara"]
    assert row in bpss.rows
    fam = family_table(case, opts)
    assert fam is not None and fam.rows[0] == ["K", "52", "Islam"]
    with pytest.raises(UsageError, match="no column 'colour'"):
        ReportOptions(columns={"bpss": ["colour"]})
    with pytest.raises(UsageError, match="no table 'bps'"):
        ReportOptions(columns={"bps": ["no"]})


def test_bpss_table_measurements_and_sections(pk: dict[str, Any]) -> None:
    t = bpss_table(Case.from_document(pk))
    assert t is not None
    sections = [r.label for r in t.rows if isinstance(r, SectionRow)]
    assert sections == ["A. Biologis", "B. Psikologis", "C. Sosial", "D. Spiritual"]
    cells = t.cells()
    assert ["1", "tinggi badan", "152 cm"] in cells
    assert any("14,5 kg/m² (kurus berat" in c[2] for c in cells)
    assert ["1", "kecerdasan (IQ)", "50–55 (debil bawah)"] in cells
    assert ["2", "usia kematangan sosial", "15 tahun 8 bulan"] in cells


def test_sessions_schedule_dates_in_both_languages(pk: dict[str, Any]) -> None:
    case = Case.from_document(pk)
    t = schedule_table(case)
    assert t is not None and t.rows[0][:4] == ["1", "Selasa, 10 September 2024", "15.00–15.30", "Case work"]
    en = schedule_table(case, ReportOptions(lang="en"))
    assert en is not None and en.rows[4][1] == "Saturday, 21 September 2024"


def test_table_outputs_agree() -> None:
    t = Table("Contoh <b>", ["A", "B|C"], [SectionRow("Bagian"), ["x\ny", "1 | 2"]], number="4.9")
    md = t.to_markdown()
    assert "**Tabel 4.9** Contoh \\<b\\>" in md and "x<br>y" in md and "1 \\| 2" in md  # <b> escaped as text
    html = t.to_html()
    assert ">B|C</th>" in html and 'colspan="2"' in html and "&lt;b&gt;" in html
    with pytest.raises(ValueError, match="row 0 has 1 cells"):
        Table("t", ["a", "b"], [["x"]])


def test_dataframes(pk: dict[str, Any]) -> None:
    pytest.importorskip("pandas")
    t = Table("Contoh", ["A", "B|C"], [SectionRow("Bagian"), ["x\ny", "1 | 2"]], number="4.9")
    df = t.to_dataframe()
    assert list(df.columns) == ["", "A", "B|C"] and df.iloc[0].tolist() == ["Bagian", "x\ny", "1 | 2"]
    fam = family_table(Case.from_document(pk))
    assert fam is not None
    frame = fam.to_dataframe()
    assert frame.shape == (5, 8) and frame["Nama"].tolist() == ["K", "S", "PK", "RP", "BNP"]


def test_case_schema_accepts_the_shorthands_the_loader_accepts() -> None:
    import jsonschema

    from socialtools.schema import schema_for

    validator = jsonschema.Draft202012Validator(schema_for("case"))
    doc = {
        "case": {"client": "PK", "sex": "P"},
        "bpss": {"measurements": {"iq": "50-55", "social_maturity": "15;8"},
                 "sosial": {"kerjasama": "baik"},
                 "spiritual": [{"aspek": "ibadah", "hasil": "taat", "sumber": "triangulasi dengan psikolog"}]},
        "plan": {"case_work": [{"activity": "konseling", "aims": "percaya diri"}]},
        "sessions": [{"date": "2024-09-10", "kind": "case work", "techniques": "dukungan"}],
        "intervention_systems": {"klien": "PK", "pelaksana perubahan": ["praktikan"]},
    }
    Case.from_document(doc)  # the loader accepts it ...
    assert list(validator.iter_errors(doc)) == []  # ... and so does the schema
    for bad in ({"bpss": {"social": [{"aspect": "a", "findng": "b"}]}},
                {"sessions": [{"date": "2024-09-10", "minutes": 30}]},
                {"plan": {"casework": []}}):
        with pytest.raises(InputError):
            Case.from_document(bad)
        assert list(validator.iter_errors(bad)), bad


def test_add_table_appends_to_a_document(pk: dict[str, Any]) -> None:
    from socialtools.report.docx_writer import add_table, new_document

    document = new_document("en")
    document.add_paragraph("My own report text.")
    table = bpss_table(Case.from_document(pk), ReportOptions(lang="en"))
    assert table is not None
    table.number = "3.2"
    out = add_table(document, table)
    assert len(document.tables) == 1
    assert out.rows[0].cells[1].text == "Aspect"
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ['Table 3.2 BPSS Assessment of Client "PK"']


def test_family_table_reads_the_relation_to_the_client_from_the_unions() -> None:
    """A supervisor's remark: 'Hubungan dengan Klien' was empty wherever the case file gave no
    ``role``, though the genogram knows mother, brother, former husband, adopted and foster child."""
    from pathlib import Path

    import yaml

    doc = yaml.safe_load((Path(__file__).parent / "data" / "cases" / "bracketed-household.yaml").read_text())
    doc["family"]["people"][0]["role"] = "kakek dari pihak ibu"  # a role written in the file wins
    case = Case.from_document(doc)
    for lang, expected in (("id", {"PT": "kakek dari pihak ibu", "LS": "ibu", "RW": "klien", "JK": "adik",
                                   "AG": "mantan suami", "WH": "suami", "DW": "ipar", "FJ": "anak",
                                   "PU": "anak angkat", "DM": "anak asuh", "EK": "keponakan", "HD": ""}),
                           ("en", {"LS": "mother", "JK": "brother", "AG": "former husband", "DW": "sister-in-law",
                                   "PU": "adopted daughter", "DM": "foster son", "LI": "niece"})):
        table = family_table(case, ReportOptions(lang=lang))
        assert table is not None
        people = [p["id"] for p in doc["family"]["people"] if p.get("kind", "person") == "person"]
        by_id = {pid: row[2] for pid, row in zip(people, table.rows, strict=True) if isinstance(row, list)}
        for pid, word in expected.items():
            assert by_id[pid] == word, (lang, pid, by_id[pid])


@pytest.mark.parametrize(("case", "person", "expected"), [
    ({"client": "RT"}, {"id": "RT", "name": "Ratna"}, "RT"),  # the id the file gives, not 'R' from the name
    ({"client": "RT", "initials": "R.T."}, {"id": "RT", "name": "Ratna"}, "R.T."),
    ({"client": "p12"}, {"id": "p12", "name": "Siti Aminah"}, "SA"),  # a machine id: initials from the name
    ({"client": "p12"}, {"id": "p12", "name": "Siti Aminah", "initials": "SiA"}, "SiA"),
    ({}, {"id": "x1", "name": "Putri Kirana", "index": True}, "PK"),
])
def test_captions_use_the_client_initials_the_case_file_gives(case: dict[str, Any], person: dict[str, Any],
                                                               expected: str) -> None:
    """Regression (review of ac7d268, defect 6): with ``client: RT`` for a client named Ratna the
    captions said 'Klien "R"' while the narrative, the quadrant and the genogram title said RT."""
    doc = {"case": case, "family": {"people": [{"sex": "female", **person}]},
           "bpss": {"biological": [{"aspect": "kesehatan", "finding": "baik"}]}}
    parsed = Case.from_document(doc)
    for lang, word in (("id", "Klien"), ("en", "Client")):
        opts = ReportOptions(lang=lang)
        captions = [t.caption for t in (client_table(parsed, opts), bpss_table(parsed, opts)) if t is not None]
        assert len(captions) == 2
        assert all(c.endswith(f'{word} "{expected}"') for c in captions), captions


def test_review13_a_siblings_foster_child_is_a_foster_nephew_not_blank() -> None:
    """Review 13: the client's brother fosters a boy; 'Hubungan dengan Klien' was left empty."""
    from pathlib import Path

    from socialtools.genogram.kinship import relations_to_client

    case = Case.load(Path(__file__).parent / "data" / "cases" / "review13-case.yaml")
    assert case.family is not None
    assert relations_to_client(case.family)["DN"] == "keponakan asuh"
    assert relations_to_client(case.family, "en")["DN"] == "foster nephew"
    assert relations_to_client(case.family)["LS"] == "keponakan"  # the brother's own daughter
