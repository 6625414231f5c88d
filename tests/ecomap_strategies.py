"""Hypothesis strategies for ecomaps (shared by the ecomap tests)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from socialtools.ecomap.model import CATEGORIES, Ecomap
from socialtools.genogram.model import Family

WORDS = [
    "Sekolah",
    "Puskesmas",
    "Masjid",
    "Teman",
    "Kantor",
    "Dinas Sosial",
    "Posyandu",
    "Karang Taruna",
    "Nenek",
    "Paman",
    "Psikolog/terapis",
    "Rumah sakit jiwa",
    "Pengadilan",
    "Klub sepak bola",
    "Gereja",
    "LSM perempuan",
    "Tetangga",
    "Bank",
    "Kelompok tani",
    "Guru les",
]

HOUSEHOLD = {
    "people": [
        {"id": "A", "sex": "male", "birth": 1970},
        {"id": "B", "sex": "female", "birth": 1972},
        {"id": "C", "sex": "female", "birth": 1995, "index": True},
        {"id": "D", "sex": "male", "birth": 1999},
        {"id": "E", "sex": "unknown", "birth": 2005, "death": 2010},
        {"id": "G", "sex": "female", "birth": 1945},
    ],
    "unions": [{"partners": ["A", "B"], "children": ["C", "D", "E"]}],
}


@st.composite
def ecomaps(draw: Any, min_systems: int = 3, max_systems: int = 40) -> tuple[Ecomap, Family | None]:
    n = draw(st.integers(min_systems, max_systems))
    cats = [*CATEGORIES, "klub hobi"]
    systems = []
    for i in range(n):
        name = draw(st.sampled_from(WORDS)) + ("" if i < len(WORDS) else f" {i}")
        systems.append({"id": f"s{i}", "name": name, "category": draw(st.sampled_from(cats))})
    with_family = draw(st.booleans())
    members = (
        draw(st.sampled_from([["C"], ["A", "B", "C", "D"], ["A", "B", "C", "D", "E"], ["G", "C"]]))
        if with_family
        else []
    )
    ends = ["focal", *members]
    ties = []
    seen: set[frozenset[str]] = set()
    for i in range(n):
        if draw(st.integers(0, 9)) == 0:
            continue
        to = draw(st.sampled_from(ends))
        ties.append(
            {
                "system": f"s{i}",
                "to": to,
                "strength": draw(st.sampled_from(["strong", "moderate", "weak"])),
                "level": draw(st.integers(1, 3)),
                "quality": draw(st.sampled_from(["positive", "stressful", "conflictual", "broken"])),
                "flow": draw(st.sampled_from(["none", "to_focal", "from_focal", "both"])),
                "label": draw(st.sampled_from([None, None, "uang", "dukungan harian"])),
                "sign": draw(st.sampled_from([None, "+", "-"])),
            }
        )
        seen.add(frozenset((f"s{i}", to)))
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if a != b and frozenset((f"s{a}", f"s{b}")) not in seen:
            seen.add(frozenset((f"s{a}", f"s{b}")))
            ties.append({"system": f"s{a}", "to": f"s{b}", "strength": "moderate"})
    eco = Ecomap.model_validate(
        {
            "title": "Uji",
            "focal": {"label": draw(st.sampled_from([None, "Keluarga R"])), "members": members},
            "systems": systems,
            "ties": ties,
            "group_by_category": draw(st.booleans()),
        }
    )
    family = Family.model_validate(HOUSEHOLD) if with_family else None
    return eco, family
