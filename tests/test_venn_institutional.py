"""Institutional (PRA) Venn: model errors, layout geometry (incl. hypothesis properties), render, table."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtools.errors import InputError
from socialtools.examples import load_example
from socialtools.io.loading import parse_model
from socialtools.venn import InstitutionalVenn, VennDiagram
from socialtools.venn.geometry import box_hits_circle, box_inside_circle, segment_hits_circle
from socialtools.venn.institutional.layout import (
    CLEARANCE,
    COOPERATION_DEPTH,
    DEPTH_TOLERANCE,
    DISTANCE_TOLERANCE,
    RADII,
    layout_institutional,
)

NAMES = ["Pemerintah Desa", "Puskesmas", "Posyandu", "PKK", "Karang Taruna", "Kelompok Tani", "Masjid",
         "Sekolah", "Koperasi", "Dinas Sosial", "Bidan Desa", "Gereja", "BUMDes", "Polsek",
         "Lembaga Swadaya Masyarakat Peduli Anak", "RT"]


@st.composite
def institutional_venns(draw, max_institutions: int = 10, max_pairs: int = 5) -> InstitutionalVenn:
    n = draw(st.integers(1, max_institutions))
    names = draw(st.permutations(NAMES))[:n]
    institutions = [
        {
            "name": name,
            "importance": draw(st.integers(1, 4)),
            "closeness": draw(st.sampled_from([0.0, 0.25, 0.5, 0.75, 0.9, 1.0]) | st.floats(0, 1)),
            "kind": draw(st.sampled_from(["government", "private", "local", "outside"])),
            "valence": draw(st.sampled_from(["positive", "negative", "mixed"])),
        }
        for name in names
    ]
    pairs: list[dict] = []
    if n >= 2:
        candidates = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
        chosen = draw(st.lists(st.sampled_from(candidates), max_size=max_pairs, unique=True))
        pairs = [{"between": list(p), "level": draw(st.integers(1, 3))} for p in chosen]
    return InstitutionalVenn(centre=draw(st.sampled_from(["Warga", "Warga Desa Sukamaju", "Klien PK"])),
                             institutions=institutions, cooperation=pairs)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def village() -> InstitutionalVenn:
    return VennDiagram.from_document(load_example("village.yaml")).model  # type: ignore[return-value]


# ---------------------------------------------------------------- model errors

def test_unknown_institution_in_pair_names_record_and_field():
    with pytest.raises(InputError) as err:
        parse_model(InstitutionalVenn, {"institutions": [{"name": "A"}],
                                        "cooperation": [{"between": ["A", "Bidan"]}]})
    text = str(err.value)
    assert "cooperation[0]" in text and "between" in text and "Bidan" in text


@pytest.mark.parametrize("value", [0, 5, 2.5, "enormous", True])
def test_importance_out_of_range(value):
    with pytest.raises(InputError) as err:
        parse_model(InstitutionalVenn, {"institutions": [{"name": "A", "importance": value}]})
    assert "importance" in str(err.value) and "institutions[0]" in str(err.value)


@pytest.mark.parametrize("value", [-0.1, 1.5, "entah"])
def test_closeness_out_of_range(value):
    with pytest.raises(InputError, match="closeness"):
        parse_model(InstitutionalVenn, {"institutions": [{"name": "A", "closeness": value}]})


def test_words_for_levels():
    inst = InstitutionalVenn(institutions=[{"name": "A", "importance": "sangat besar", "closeness": "jauh",
                                            "kind": "pemerintah", "valence": "negatif"}]).institutions[0]
    assert (inst.importance, inst.closeness, inst.kind, inst.valence) == (4, 0.25, "government", "negative")


def test_empty_and_duplicate_institutions():
    with pytest.raises(InputError, match="at least one"):
        InstitutionalVenn(institutions=[])
    with pytest.raises(InputError, match="duplicate"):
        InstitutionalVenn(institutions=[{"name": "A"}, {"name": "A"}])
    with pytest.raises(InputError, match="itself"):
        InstitutionalVenn(institutions=[{"name": "A"}], cooperation=[{"between": ["A", "A"]}])
    with pytest.raises(InputError, match="twice"):
        InstitutionalVenn(institutions=[{"name": "A"}, {"name": "B"}],
                          cooperation=[{"between": ["A", "B"]}, {"between": ["B", "A"]}])


# ---------------------------------------------------------------- layout checks (independent of Quality)

def check_geometry(venn: InstitutionalVenn, lay) -> None:
    by_name = {c.name: c for c in lay.circles}
    pairs = {frozenset(p.between): p.level for p in venn.cooperation}
    missed = {frozenset(p) for p in lay.quality.missed_cooperation}
    # radii from importance, exactly
    for inst in venn.institutions:
        assert by_name[inst.name].r == RADII[inst.importance]
    # distances follow closeness, or the move is reported
    for c in lay.circles:
        err = abs(c.distance - c.target_distance)
        if c.name in lay.quality.distance_errors:
            assert lay.quality.distance_errors[c.name] == pytest.approx(err, abs=0.1)
        else:
            assert err <= DISTANCE_TOLERANCE
    # no unintended overlaps; declared ones overlap at their depth (or are reported)
    circles = lay.circles
    for i, a in enumerate(circles):
        for b in circles[i + 1:]:
            gap = math.dist(a.center, b.center) - a.r - b.r
            key = frozenset((a.name, b.name))
            if key not in pairs:
                assert gap >= CLEARANCE - 1e-6, (a.name, b.name, gap)
            elif key not in missed:
                want = COOPERATION_DEPTH[pairs[key]] * min(a.r, b.r)
                assert abs(-gap - want) <= DEPTH_TOLERANCE * min(a.r, b.r) + 1e-6
    # only 'very close' institutions reach into the centre circle
    for c in circles:
        inst = venn.institutions[c.index]
        if inst.closeness <= 0.75:
            assert c.distance >= lay.centre.r + c.r - 1.0
    # labels: inside their circle clear of others, or outside clear of every circle; never overlapping
    everything = [lay.centre, *circles]
    boxes = [lay.centre_label.box]
    for c in circles:
        assert not box_hits_circle(lay.centre_label.box, c.center, c.r)
    for label in lay.labels:
        own = next(c for c in circles if c.index == label.index)
        if label.inside:
            assert box_inside_circle(label.box, own.center, own.r)
            others = [c for c in everything if c.index != own.index]
        else:
            others = everything
            start, end = label.leader
            assert math.dist(start, own.center) == pytest.approx(own.r, abs=0.01)
            for c in everything:
                if c.index != own.index:
                    assert not segment_hits_circle(start, end, c.center, c.r)
        for c in others:
            assert not box_hits_circle(label.box, c.center, c.r), (label.lines, c.name)
        for other in boxes:
            assert not label.box.overlaps(other)
        boxes.append(label.box)
    assert lay.quality.label_collisions == 0


def test_village_layout():
    venn = village()
    lay = layout_institutional(venn)
    check_geometry(venn, lay)
    assert lay.quality.unintended_overlaps == []
    assert lay.quality.missed_cooperation == []
    # only the pairs that must move (very different closeness) are off their distance
    assert set(lay.quality.distance_errors) <= {"Dinas Sosial", "Koperasi Simpan Pinjam"}


def test_closer_is_nearer_and_more_important_is_bigger():
    venn = InstitutionalVenn(institutions=[{"name": n, "importance": i, "closeness": c} for n, i, c in
                                           [("A", 1, 1.0), ("B", 2, 0.75), ("C", 3, 0.5), ("D", 4, 0.0)]])
    lay = layout_institutional(venn)
    gaps = [c.distance - c.r - lay.centre.r for c in lay.circles]
    assert gaps == sorted(gaps)
    assert [c.r for c in lay.circles] == sorted(c.r for c in lay.circles)
    assert gaps[0] < 0 and abs(gaps[1]) < 1 and gaps[3] > gaps[2] > 0


@SETTINGS
@given(institutional_venns())
def test_layout_properties(venn):
    lay = layout_institutional(venn)
    check_geometry(venn, lay)
    assert lay.quality.unintended_overlaps == []
    # an institution without a partner never leaves its distance
    paired = {n for p in venn.cooperation for n in p.between}
    assert not [n for n in lay.quality.distance_errors if n not in paired]


@SETTINGS
@given(institutional_venns(max_institutions=14, max_pairs=6))
def test_every_cooperation_drawn_when_each_has_one_partner(venn):
    degree = Counter(n for p in venn.cooperation for n in p.between)
    if degree and max(degree.values()) > 1:
        return
    lay = layout_institutional(venn)
    assert lay.quality.missed_cooperation == []
    assert len([p for p in lay.quality.intended_overlaps if venn.centre not in p]) == len(venn.cooperation)


# ---------------------------------------------------------------- rendering, determinism, table

def test_render_has_every_institution_and_legend():
    d = VennDiagram(village(), lang="en")
    svg = d.to_svg()
    for inst in d.model.institutions:
        assert all(word in svg for word in inst.name.split())
    assert 'id="legend"' in svg and "Overlap: cooperation" in svg
    assert "pat-hatch" in svg and 'stroke-dasharray' in svg  # patterns and line styles for B/W print
    assert d.to_svg() == VennDiagram(village(), lang="en").to_svg()  # deterministic


def test_indonesian_legend_and_valence_colouring():
    svg = VennDiagram(village(), colour_by="valence").to_svg()
    assert "Keterangan" in svg and "Pengaruh negatif" in svg and svg.count("Pengaruh positif") == 1


def test_companion_table_formats():
    table = VennDiagram(village(), lang="id").table()
    md = table.to_markdown()
    assert md.splitlines()[0].startswith("| Lembaga | Jenis | Ukuran")
    assert "| Posyandu | Lembaga lokal / masyarakat | besar | sangat dekat | Puskesmas, PKK |" in md
    html = table.to_html()
    assert html.count("<tr>") == len(village().institutions) + 1
    assert table.to_records()[0]["Lembaga"] == "Pemerintah Desa"


def test_companion_table_dataframe():
    pd = pytest.importorskip("pandas")
    frame = VennDiagram(village(), lang="en").table().to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns)[:2] == ["Institution", "Kind"] and len(frame) == 11
