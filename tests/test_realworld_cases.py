"""Regression tests from a review with messy, student-written case files (ecomap, Venn,
quadrant, report): each test is one problem that was found and fixed."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from socialtools.draw.text import text_width
from socialtools.venn import SetVenn, VennDiagram
from socialtools.venn.sets.layout import layout_sets

LONG_SETS = {
    "Kebutuhan keluarga Bapak AS yang sangat mendesak": ["biaya sekolah anak pertama di SMA",
                                                        "obat untuk ibu", "perbaikan atap rumah"],
    "Sumber daya yang tersedia di desa": ["Puskesmas pembantu", "PKH", "obat untuk ibu"],
    "Program pemerintah": ["PKH", "BPNT", "biaya sekolah anak pertama di SMA"],
}


def test_long_set_names_wrap_inside_their_box_and_the_picture() -> None:
    venn = SetVenn(sets=LONG_SETS, show="members")
    lay = layout_sets(venn)
    for name in lay.names:
        lines = name.lines or (name.name,)
        assert " ".join(lines) == name.name
        assert all(text_width(line, name.size) <= name.box.w for line in lines)
    svg = VennDiagram(venn).to_svg()
    width = float(re.search(r'<svg[^>]* width="([\d.]+)', svg).group(1))
    xs = [float(x) for x in re.findall(r'<text[^>]* x="([-\d.]+)"', svg)]
    assert min(xs) >= 0 and max(xs) <= width
    assert "Bapak AS yang sangat mendesak" not in svg  # wrapped, not one long line


def test_leader_lines_touch_their_labels() -> None:
    lay = layout_sets(SetVenn(sets=LONG_SETS, show="members"))
    leaders = [(lab.leader, lab.box) for lab in [*lay.regions, *lay.names] if lab.leader]
    assert leaders
    for (_, end), box in leaders:
        # the end lies on the box outline (within a rounding error)
        dx = max(box.x - end[0], 0.0, end[0] - box.right)
        dy = max(box.y - end[1], 0.0, end[1] - box.bottom)
        assert math.hypot(dx, dy) < 0.5


def test_venn_cli_warns_when_a_declared_cooperation_is_not_drawn(tmp_path, capsys) -> None:
    import yaml

    from socialtools.cli import main

    names = [f"Lembaga {k}" for k in range(8)]
    doc = {"venn": {"kind": "institutional", "centre": "Warga",
                    "institutions": [{"name": n, "importance": 4, "closeness": "dekat"} for n in names],
                    # a hub with seven big partners cannot overlap all of them at depth 3
                    "cooperation": [{"between": [names[0], n], "level": 3} for n in names[1:]]}}
    src = tmp_path / "venn.yaml"
    src.write_text(yaml.safe_dump(doc), encoding="utf-8")
    out = tmp_path / "venn.svg"
    assert main(["venn", str(src), "-o", str(out)]) == 0
    assert out.exists()
    from socialtools.venn import VennDiagram

    diagram = VennDiagram.from_document(doc)
    missed = diagram.layout.quality.missed_cooperation
    err = capsys.readouterr().err
    assert len(diagram.warnings()) == err.count("warning:")
    for a, b in missed:
        assert f"cooperation {a} – {b}" in err
    assert missed  # the case really is crowded: the warning is not vacuous


def test_ecomap_words_students_write() -> None:
    from socialtools.ecomap.model import Ecomap

    eco = Ecomap.model_validate({
        "focal": "Keluarga SM",
        "systems": ["Tetangga",
                    {"id": "pkm", "name": "Puskesmas Kecamatan", "category": "Puskesmas"},
                    {"id": "dinsos", "category": "Dinas Sosial"},
                    {"id": "masjid", "category": "masjid"}],
        "ties": [{"system": "pkm", "strength": "Sangat Kuat", "flow": "timbal balik"},
                 {"system": "dinsos", "strength": "sangat lemah", "quality": "putus"},
                 {"system": "masjid", "strength": "sangat kuat", "level": 2},
                 {"system": "Tetangga", "quality": "penuh tekanan"}]})
    assert [s.category for s in eco.systems] == ["community", "health", "social_services", "religion"]
    assert eco.systems[0].id == eco.systems[0].label == "Tetangga"
    pkm, dinsos, masjid, tetangga = eco.ties
    assert (pkm.strength, pkm.level, pkm.flow) == ("strong", 3, "both")
    assert (dinsos.strength, dinsos.quality) == ("tenuous", ("broken",))  # very weak
    assert masjid.level == 2  # a level given stays
    assert tetangga.quality == ("stressful",)


def test_venn_words_and_pairs_students_write() -> None:

    from socialtools.errors import InputError
    from socialtools.io.loading import parse_model
    from socialtools.venn.institutional.model import InstitutionalVenn

    venn = InstitutionalVenn.model_validate({
        "centre": "Keluarga Ibu S",
        "institutions": [{"name": "Puskesmas", "importance": "Sangat Penting", "closeness": "Sangat  Dekat"},
                         {"name": "RT", "importance": "penting", "closeness": "cukup dekat"},
                         {"name": "Bank", "closeness": "0,3"}],
        "cooperation": [{"between": ["puskesmas", "rt"], "level": "erat"}]})
    pkm, rt, bank = venn.institutions
    assert (pkm.importance, pkm.closeness, rt.importance, rt.closeness) == (4, 1.0, 3, 0.5)
    assert bank.closeness == 0.3
    assert venn.cooperation[0].between == ("Puskesmas", "RT") and venn.cooperation[0].level == 3
    with pytest.raises(InputError, match=r"institutions\[1\].*'name'.*duplicate.*'Puskesmas'"):
        parse_model(InstitutionalVenn, {"institutions": [{"name": "Puskesmas"}, {"name": "puskesmas "}]})
    with pytest.raises(InputError, match=r"cooperation\[0\].*'between'.*two institutions, 3"):
        parse_model(InstitutionalVenn, {"institutions": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
                                        "cooperation": [{"between": ["A", "B", "C"]}]})


def test_quadrant_keys_as_students_type_them() -> None:

    from socialtools.errors import InputError
    from socialtools.quadrant.diagram import quadrant_from_document

    q = quadrant_from_document({"strengths": {"Kekuatan Personal": ["jujur"], "Hambatan-Lingkungan": "jauh"}})
    assert q.personal_strengths == ["jujur"] and q.environmental_obstacles == ["jauh"]
    with pytest.raises(InputError, match=r"strengths, field 'kekuatan_personal': given twice"):
        quadrant_from_document({"strengths": {"personal_strengths": ["a"], "kekuatan_personal": ["b"]}})
    with pytest.raises(InputError, match=r"strengths, field 'personal_strengths': item 2 is a mapping"):
        quadrant_from_document({"strengths": {"personal_strengths": ["a", {"item": "b"}]}})
    with pytest.raises(InputError, match=r"environmental_obstacles\[1\].*empty statement"):
        quadrant_from_document({"strengths": {"environmental_obstacles": ["a", None]}})
    with pytest.raises(InputError, match=r"strengths, field 'Kekuatan Pribadi': is not a known field"):
        quadrant_from_document({"strengths": {"Kekuatan Pribadi": ["a"], "client": "X"}})


def test_quadrant_long_client_line_wraps_inside_the_picture() -> None:
    from socialtools.quadrant.diagram import QuadrantDiagram
    from socialtools.quadrant.model import StrengthsQuadrant

    client = "Ibu SN (perempuan, 45 tahun, janda, tiga anak, buruh cuci di tiga rumah tetangga)"
    svg = QuadrantDiagram(StrengthsQuadrant(client=client, personal_strengths=["jujur"]), width=360).to_svg()
    width = float(re.search(r'<svg[^>]* width="([\d.]+)', svg).group(1))
    header = svg.split('<g id="header">')[1].split("</g>")[0]
    texts = re.findall(r'<text[^>]*font-size="([\d.]+)"[^>]*text-anchor="middle" x="([-\d.]+)"[^>]*>([^<]*)<',
                       header)
    assert len(texts) >= 3  # the title and the client on two lines or more
    for size, x, text in texts:
        half = text_width(text, float(size)) / 2
        assert float(x) - half >= 0 and float(x) + half <= width, text


STUDENT_CASE = """\
case:
  client: AN
family:
  people:
    - {id: AN, sex: L, birth: 2008, index: true, role: klien}
    - {id: IB, sex: P, birth: 1980, role: ibu}
  unions:
    - {partners: [IB], children: [AN]}
bpss:
  measurements: {height_cm: 152 cm, weight_kg: "33,5 kg", iq: IQ 50-55 (debil bawah)}
sessions:
  - {date: "Selasa, 10 September 2024", kind: konseling, result: baik}
  - {date: "Kamis, 12 Sept 2024", kind: home visit}
  - {date: "hari Jum'at tanggal 13/09/2024", kind: konseling kelompok}
termination:
  date: 27 September 2024
"""


def test_report_reads_a_case_as_students_write_it(tmp_path) -> None:
    from socialtools.report.case import Case

    src = tmp_path / "kasus.yaml"
    src.write_text(STUDENT_CASE, encoding="utf-8")
    case = Case.load(src)
    m = case.bpss.measurements
    assert (m.height_cm, m.weight_kg) == (152, 33.5)
    assert (m.iq.low, m.iq.high, m.iq.category) == (50, 55, "debil bawah")
    assert [str(s.date) for s in case.sessions] == ["2024-09-10", "2024-09-12", "2024-09-13"]
    assert [s.kind for s in case.sessions] == ["case_work", "family", "group_work"]


def test_report_ages_are_those_at_the_time_of_the_case(tmp_path) -> None:
    from socialtools.cli import main

    src = tmp_path / "kasus.yaml"
    src.write_text(STUDENT_CASE, encoding="utf-8")
    out = tmp_path / "laporan.md"
    assert main(["report", str(src), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    # born 2008, sessions in September 2024: 16 years old, whatever year the report is made
    assert "| Usia | 16 tahun |" in text


def test_measurement_errors_say_what_to_write() -> None:

    from socialtools.assessment.bpss import Bpss
    from socialtools.errors import InputError
    from socialtools.io.loading import parse_model

    with pytest.raises(InputError, match=r"height_cm.*1.52 looks like metres: write the height in cm \(152\)"):
        parse_model(Bpss, {"measurements": {"height_cm": 1.52}})
    assert parse_model(Bpss, {"measurements": {"height_cm": "1,52 m"}}).measurements.height_cm == 152
    with pytest.raises(InputError, match=r"weight_kg.*'tiga puluh' is not a number"):
        parse_model(Bpss, {"measurements": {"weight_kg": "tiga puluh"}})


def test_report_section_shorthands() -> None:
    from socialtools.report.case import Case

    case = Case.from_document({"case": "AN", "plan": [{"activity": "konseling"}],
                               "evaluation": "klien mulai percaya diri", "termination": "masa praktikum selesai"})
    assert case.info.client == "AN"
    assert [p.activity for p in case.plan.case_work] == ["konseling"]
    assert case.evaluation.summary == "klien mulai percaya diri"
    assert case.termination.reason == "masa praktikum selesai"


def test_long_ecomap_tie_label_wraps_near_its_tie() -> None:
    from socialtools.ecomap import Ecomap, EcomapDiagram
    from socialtools.ecomap.layout import TIE_LABEL_WIDTH

    text = "label yang sangat panjang sekali untuk sebuah garis hubungan di ekomap ini"
    eco = Ecomap.model_validate({"focal": "Klien", "systems": [{"id": "s", "name": "Sekolah"}, "Puskesmas"],
                                 "ties": [{"system": "s", "label": text}, {"system": "Puskesmas"}]})
    diagram = EcomapDiagram(eco)
    lay = diagram.layout
    label = next(t.label for t in lay.ties if t.label)
    assert len(label.lines) > 1 and " ".join(label.lines) == text
    assert label.box.w <= TIE_LABEL_WIDTH + 1e-6
    assert lay.quality.defects == 0


def test_tab_indented_yaml_says_to_use_spaces(tmp_path) -> None:

    from socialtools.errors import InputError
    from socialtools.io.loading import load_document

    src = tmp_path / "kasus.yaml"
    src.write_bytes(b"\xef\xbb\xbfecomap:\n\tfocal: Klien\n")
    with pytest.raises(InputError, match=r"line 2.*indent with spaces, not tabs"):
        load_document(src)


def test_impossible_calendar_date_is_an_error_not_a_traceback(tmp_path) -> None:
    from socialtools.cli import main

    src = tmp_path / "kasus.yaml"
    src.write_text("case: {client: ZZ}\nsessions:\n  - {date: 2024-09-10}\n  - {date: 2024-09-31}\n",
                   encoding="utf-8")
    out = tmp_path / "laporan.docx"
    assert main(["report", str(src), "-o", str(out)]) == 2
    assert not out.exists()


def test_calendar_date_error_names_the_record_and_field(tmp_path, capsys) -> None:
    """Review 5 R20: '1990-02-31' was 'invalid YAML at line 4' without its record and field."""
    from socialtools.cli import main

    src = tmp_path / "kasus.yaml"
    src.write_text("case: {client: AN}\nsessions:\n  - {date: 2024-09-10}\n  - {date: 2024-02-30}\n",
                   encoding="utf-8")
    assert main(["report", str(src), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err
    assert "sessions[1], field 'date': 2024-02-30 is not a calendar date" in err and "invalid YAML" not in err
    src.write_text("family:\n  people:\n    - {id: A, sex: L, birth: 1960}\n    - {id: B, sex: P, birth: 1990-02-31}\n",
                   encoding="utf-8")
    assert main(["genogram", str(src), "-o", str(tmp_path / "g.svg")]) == 2
    err = capsys.readouterr().err
    assert "family.people[1] (id 'B'), field 'birth': 1990-02-31 is not a calendar date" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "g.svg").exists()


def test_bpss_measurement_not_repeated_when_the_case_writes_the_item() -> None:
    from socialtools.report.case import Case
    from socialtools.report.casetables import bpss_table
    from socialtools.report.model import ReportOptions

    case = Case.from_document({"case": {"client": "AN"}, "bpss": {
        "measurements": {"height_cm": 152, "weight_kg": 40},
        "biologis": [{"aspek": "tinggi badan", "hasil": "152 cm (diukur di puskesmas)"}]}})
    for lang in ("id", "en"):
        md = bpss_table(case, ReportOptions(lang=lang)).to_markdown()
        height = "tinggi badan" if lang == "id" else "height"
        assert md.count(f"| {height} |") == 1, md
        assert "diukur di puskesmas" in md


def test_small_before_after_ecomap_headings_do_not_collide() -> None:
    from socialtools.ecomap import Ecomap, EcomapDiagram

    eco = Ecomap.model_validate({"focal": "Klien", "systems": ["Sekolah", "Puskesmas"],
                                 "ties": [{"system": "Sekolah"}],
                                 "after": {"ties": [{"system": "Sekolah", "strength": "kuat"}]}})
    for lang in ("id", "en"):
        svg = EcomapDiagram(eco, compare=True, lang=lang).to_svg()
        width = float(re.search(r'<svg[^>]* width="([\d.]+)', svg).group(1))
        title = svg.split('<g id="title">')[1].split("</g>")[0]
        heads = re.findall(r'<text[^>]*font-size="([\d.]+)"[^>]*font-weight="bold"[^>]*x="([-\d.]+)"[^>]*>([^<]*)<',
                           title)[1:]  # the first is the figure title
        assert len(heads) == 2, title
        spans = sorted((float(x) - text_width(t, float(size)) * 0.56, float(x) + text_width(t, float(size)) * 0.56)
                       for size, x, t in heads)
        assert spans[0][0] >= 0 and spans[1][1] <= width
        assert spans[0][1] <= spans[1][0]


def test_venn_kind_and_show_in_indonesian_and_errors_name_the_section() -> None:

    from socialtools.errors import InputError
    from socialtools.venn.diagram import venn_from_document

    venn = venn_from_document({"venn": {"kind": "himpunan", "show": "anggota",
                                        "sets": {"Kebutuhan": ["makan", "obat"], "Sumber": ["obat"]}}})
    assert (venn.kind, venn.show) == ("sets", "members")
    assert venn_from_document({"venn": {"kind": "Kelembagaan", "institutions": [{"name": "RT"}]}}).kind \
        == "institutional"
    with pytest.raises(InputError, match=r"^venn, field 'show'"):
        venn_from_document({"venn": {"kind": "sets", "show": "semua", "counts": {"A": 1, "B": 2}}})


def test_long_member_list_is_packed_not_cut_when_there_is_room() -> None:
    members = [f"anggota{k}" for k in range(20)]
    venn = SetVenn(sets={"A": members, "B": ["anggota0", "lain"]}, show="members")
    lay = layout_sets(venn)
    only_a = next(lab for lab in lay.regions if lab.region == ("A",))
    text = " ".join(only_a.lines)
    assert all(m in text for m in members[1:])  # every member of A alone is listed
    assert "lainnya" not in text
    assert len(only_a.lines) <= 7


def test_bpss_items_written_as_one_key_lines() -> None:

    from socialtools.assessment.bpss import Bpss
    from socialtools.errors import InputError
    from socialtools.io.loading import parse_model

    b = parse_model(Bpss, {"sosial": [{"kerjasama": "baik"}, {"kepedulian": "tinggi"},
                                      {"aspek": "toleransi", "hasil": "tinggi"}]})
    assert [(i.aspect, i.finding) for i in b.items("social")] == [
        ("kerjasama", "baik"), ("kepedulian", "tinggi"), ("toleransi", "tinggi")]
    with pytest.raises(InputError, match=r"field 'social'.*item 2 'kerjasama baik' is a bare text"):
        parse_model(Bpss, {"social": [{"aspect": "a"}, "kerjasama baik"]})
    with pytest.raises(InputError, match=r"field 'spiritual'.*not as one text"):
        parse_model(Bpss, {"spiritual": "ibadah rajin"})


def test_grouped_ecomap_with_many_member_ties_has_no_line_through_a_symbol(svgcheck) -> None:
    from socialtools.ecomap import EcomapDiagram
    from socialtools.io.loading import load_document

    document = load_document(Path(__file__).parent / "data" / "realworld" / "ecomap-grouped-member-ties.yaml")
    diagram = EcomapDiagram.from_document(document)
    diagram.ecomap.group_by_category = True
    result = svgcheck.check(diagram.to_svg(), is_text=True)
    assert result["defects_total"] == 0, result["examples"]
