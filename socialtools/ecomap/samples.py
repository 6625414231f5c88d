"""Generated ecomaps of any size, for tests, benchmarks and the docs gallery.

>>> eco, family = generated_ecomap(12, seed=3)
>>> len(eco.systems), family is not None
(12, True)
>>> generated_ecomap(12, seed=3)[0] == eco  # the same seed gives the same ecomap
True
"""

from __future__ import annotations

import random
from typing import Any

from socialtools.ecomap.model import CATEGORIES, Ecomap
from socialtools.genogram.model import Family

NAMES = [
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
    "Pekerja sosial",
    "Bidan desa",
]
TIE_LABELS = ["uang", "dukungan harian", "+ antar-jemput"]

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
HOUSEHOLDS = [[], ["C"], ["A", "B", "C", "D"], ["A", "B", "C", "D", "E"], ["G", "C"]]


def generated_ecomap(
    n_systems: int,
    *,
    seed: int = 0,
    household: int | None = None,
    labels: bool = True,
    system_ties: int = 2,
    group_by_category: bool = False,
) -> tuple[Ecomap, Family | None]:
    """A random but reproducible ecomap of ``n_systems`` systems (every tie kind occurs).

    ``household`` picks the focal members (an index into :data:`HOUSEHOLDS`, random when
    ``None``); ``system_ties`` ties between two systems are added.
    """
    rnd = random.Random(seed)
    # the catch-all ``other`` is left out: its place is taken by a custom category, and the samples
    # (and the benchmarks' figures drawn from them) stay what they were before it was added
    cats = [*(c for c in CATEGORIES if c != "other"), "klub hobi"]
    members = HOUSEHOLDS[rnd.randrange(len(HOUSEHOLDS)) if household is None else household]
    systems: list[dict[str, object]] = [
        {
            "id": f"s{i}",
            "name": NAMES[i % len(NAMES)] + (f" {i // len(NAMES) + 1}" if i >= len(NAMES) else ""),
            "category": rnd.choice(cats),
        }
        for i in range(n_systems)
    ]
    if members and "G" not in members:  # the grandmother outside the household: a family member as a system
        systems[0] = {"id": "s0", "person": "G"}
    ends = ["focal", *members]
    ties = []
    pairs: set[frozenset[str]] = set()
    for i in range(n_systems):
        if rnd.random() < 0.1:
            continue
        to = rnd.choice(ends)
        pairs.add(frozenset((f"s{i}", to)))
        ties.append(
            {
                "system": f"s{i}",
                "to": to,
                "strength": rnd.choice(["strong", "moderate", "weak", "tenuous"]),
                "level": rnd.randint(1, 3),
                "quality": rnd.choice(
                    ["positive", "positive", "stressful", "conflictual", "broken", ["stressful", "conflictual"]]
                ),
                "flow": rnd.choice(["none", "to_focal", "from_focal", "both"]),
                "label": rnd.choice([None, None, *TIE_LABELS]) if labels else None,
                "sign": rnd.choice([None, None, "+", "-"]),
            }
        )
    for _ in range(system_ties if n_systems > 1 else 0):
        a, b = rnd.sample(range(n_systems), 2)
        if frozenset((f"s{a}", f"s{b}")) not in pairs:
            pairs.add(frozenset((f"s{a}", f"s{b}")))
            ties.append({"system": f"s{a}", "to": f"s{b}", "strength": rnd.choice(["moderate", "weak"])})
    eco = Ecomap.model_validate(
        {
            "title": f"Ekomap uji ({n_systems} sistem)",
            "focal": {"label": rnd.choice([None, "Keluarga R"]) if members else "R", "members": members},
            "systems": systems,
            "ties": ties,
            "group_by_category": group_by_category,
        }
    )
    return eco, Family.model_validate(HOUSEHOLD) if members else None


def tie_gallery(lang: str = "id") -> Ecomap:
    """An ecomap with one system per tie kind, each named after its kind (for the docs).

    >>> len(tie_gallery().ties)
    15
    """
    en = lang == "en"
    kinds: list[tuple[str, str, dict[str, Any]]] = [
        ("Kuat 1", "Strong 1", {"strength": "strong", "level": 1}),
        ("Kuat 2", "Strong 2", {"strength": "strong", "level": 2}),
        ("Kuat 3", "Strong 3", {"strength": "strong", "level": 3}),
        ("Sedang", "Moderate", {"strength": "moderate"}),
        ("Lemah", "Weak", {"strength": "weak"}),
        ("Renggang", "Tenuous", {"strength": "tenuous"}),
        ("Stres", "Stressful", {"quality": "stressful"}),
        ("Kuat + stres", "Strong + stress", {"strength": "strong", "level": 2, "quality": "stressful"}),
        ("Konflik", "Conflictual", {"quality": "conflictual"}),
        ("Stres + konflik", "Stress + conflict", {"quality": ["stressful", "conflictual"]}),
        ("Terputus", "Cut off", {"quality": "broken"}),
        ("Ke fokus", "To focal", {"flow": "to_focal"}),
        ("Dari fokus", "From focal", {"flow": "from_focal"}),
        ("Dua arah", "Both ways", {"flow": "both"}),
        ("Dengan tanda", "With sign", {"sign": "+", "label": "uang saku" if not en else "pocket money"}),
    ]
    cats = list(CATEGORIES)
    return Ecomap.model_validate(
        {
            "title": "Galeri jenis ikatan" if not en else "Gallery of tie kinds",
            "focal": {"label": "Klien" if not en else "Client"},
            "systems": [
                {"id": f"k{i}", "name": en_name if en else id_name, "category": cats[i % len(cats)]}
                for i, (id_name, en_name, _) in enumerate(kinds)
            ],
            "ties": [{"system": f"k{i}", **tie} for i, (_, _, tie) in enumerate(kinds)],
        }
    )
