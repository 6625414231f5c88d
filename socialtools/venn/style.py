"""Colours, hatch patterns and line styles of the Venn diagrams, and the label catalogue.

Every kind has a light colour *and* a pattern, every valence a line style, so a black-and-white
print still tells them apart.

>>> KIND_STYLE["government"].pattern
'hatch'
>>> translate(CATALOGUE, "kind_government", "en")
'Government'
"""

from __future__ import annotations

from dataclasses import dataclass

from socialtools.i18n import Catalogue, translate

__all__ = ["CATALOGUE", "KIND_STYLE", "VALENCE_STYLE", "FillStyle", "LineStyle", "translate"]


@dataclass(frozen=True)
class FillStyle:
    colour: str
    pattern: str | None  # hatch, dots, cross, lines or None (plain)


@dataclass(frozen=True)
class LineStyle:
    colour: str
    dash: str  # a name from draw.lines.DASHES
    width: float


KIND_STYLE: dict[str, FillStyle] = {
    "government": FillStyle("#bcd7f2", "hatch"),
    "private": FillStyle("#fbd3a6", "dots"),
    "local": FillStyle("#c9e8c0", None),
    "outside": FillStyle("#ddd0ee", "cross"),
}
VALENCE_FILL: dict[str, FillStyle] = {
    "positive": FillStyle("#c9e8c0", None),
    "negative": FillStyle("#f4c0bb", "hatch"),
    "mixed": FillStyle("#eeeeee", "dots"),
}
VALENCE_STYLE: dict[str, LineStyle] = {
    "positive": LineStyle("#222222", "solid", 1.6),
    "negative": LineStyle("#a61b1b", "dashed", 2.0),
    "mixed": LineStyle("#444444", "dashdot", 1.6),
}
SET_COLOURS = ("#4f86cc", "#e08a4c", "#4fa64a")
SET_PATTERNS = ("hatch", None, "dots")

CATALOGUE: Catalogue = {
    "kind_government": {"id": "Pemerintah", "en": "Government"},
    "kind_private": {"id": "Swasta", "en": "Private"},
    "kind_local": {"id": "Lembaga lokal / masyarakat", "en": "Local / community"},
    "kind_outside": {"id": "Lembaga dari luar desa", "en": "From outside the village"},
    "valence_positive": {"id": "Pengaruh positif (garis utuh)", "en": "Positive influence (solid line)"},
    "valence_negative": {"id": "Pengaruh negatif (garis putus-putus)",
                         "en": "Negative influence (dashed line)"},
    "valence_mixed": {"id": "Pengaruh campuran (garis titik-strip)", "en": "Mixed influence (dash-dot line)"},
    "fill_positive": {"id": "Positif", "en": "Positive"},
    "fill_negative": {"id": "Negatif", "en": "Negative"},
    "fill_mixed": {"id": "Campuran", "en": "Mixed"},
    "size_1": {"id": "Kecil: kurang penting", "en": "Small: of little importance"},
    "size_2": {"id": "Sedang: cukup penting", "en": "Medium: fairly important"},
    "size_3": {"id": "Besar: penting", "en": "Large: important"},
    "size_4": {"id": "Sangat besar: sangat penting", "en": "Very large: very important"},
    "size_short_1": {"id": "kecil", "en": "small"},
    "size_short_2": {"id": "sedang", "en": "medium"},
    "size_short_3": {"id": "besar", "en": "large"},
    "size_short_4": {"id": "sangat besar", "en": "very large"},
    "distance_close": {"id": "Dekat / menempel pusat: mudah dijangkau, akrab",
                       "en": "Close to / touching the centre: accessible, familiar"},
    "distance_far": {"id": "Jauh dari pusat: sulit dijangkau",
                     "en": "Far from the centre: hard to reach"},
    "overlap": {"id": "Tumpang tindih: bekerja sama (makin dalam makin erat)",
                "en": "Overlap: cooperation (deeper = closer)"},
    "distance_1": {"id": "sangat dekat", "en": "very close"},
    "distance_075": {"id": "dekat", "en": "close"},
    "distance_05": {"id": "agak jauh", "en": "fairly far"},
    "distance_025": {"id": "jauh", "en": "far"},
    "distance_0": {"id": "sangat jauh", "en": "very far"},
    "place": {"id": "Tempat", "en": "Place"},
    "date": {"id": "Tanggal", "en": "Date"},
    "facilitators": {"id": "Fasilitator", "en": "Facilitators"},
    "participants": {"id": "Peserta", "en": "Participants"},
    "default_title": {"id": "Diagram Venn Kelembagaan", "en": "Institutional Venn Diagram"},
    "col_institution": {"id": "Lembaga", "en": "Institution"},
    "col_kind": {"id": "Jenis", "en": "Kind"},
    "col_size": {"id": "Ukuran (kepentingan)", "en": "Size (importance)"},
    "col_distance": {"id": "Jarak (kedekatan)", "en": "Distance (closeness)"},
    "col_cooperation": {"id": "Bekerja sama dengan", "en": "Cooperates with"},
    "col_note": {"id": "Keterangan", "en": "Note"},
    "not_to_scale": {"id": "Tidak sesuai skala: luas daerah tidak sebanding dengan jumlah",
                     "en": "Not to scale: areas are not proportional to the counts"},
    "partly_to_scale": {"id": "Daerah kecil diperbesar agar terlihat (tidak sesuai skala)",
                        "en": "Small regions enlarged to stay visible (not to scale)"},
    "to_scale": {"id": "Luas sebanding dengan jumlah (galat {error}%, toleransi {tol}%)",
                 "en": "Areas proportional to the counts (error {error}%, tolerance {tol}%)"},
    "manual_radii": {"id": "Jari-jari ditentukan manual (tidak sesuai skala)",
                     "en": "Radii set by hand (not to scale)"},
    "empty_region": {"id": "kosong", "en": "empty"},
    "more_members": {"id": "+{n} lainnya", "en": "+{n} more"},
}
