"""Writing a family as a pedigree table in LINKAGE/kinship2 columns (``.ped``).

One tab-separated row per person under the header ``ped id father mother sex affected
status``: the family id, the person, the biological father and mother (``0`` when unknown),
sex (1 male, 2 female, 0 unknown), affected (1 when the person has any condition, else 0)
and status (1 deceased, 0 alive) — the columns of R's kinship2 ``pedigree()``. Everything
else of a genogram is left out, and listed (:func:`socialtools.io.fidelity.left_out`).

>>> from socialtools.genogram.model import Family
>>> family = Family.model_validate({"people": [{"id": "A", "sex": "L"}, {"id": "B", "sex": "P", "deceased": True},
...     {"id": "C", "father": "A", "mother": "B", "conditions": ["asma"]}]})
>>> print(family_to_ped(family)[0].replace("\\t", " "), end="")
ped id father mother sex affected status
1 A 0 0 1 0 0
1 B 0 0 2 0 1
1 C A B 0 1 0
"""

from __future__ import annotations

from socialtools.genogram.model import Family
from socialtools.io.fidelity import biological_parents, left_out
from socialtools.io.pedigree import UNKNOWN

SEX_CODES = {"male": "1", "female": "2", "unknown": "0"}


def family_to_ped(family: Family, famid: str = "1") -> tuple[str, list[str]]:
    """The family as a kinship2/LINKAGE table, and what the table could not hold."""
    ids, renamed = {}, 0
    taken = {p.id for p in family.people}
    for person in family.people:
        pid = person.id
        if pid.lower() in UNKNOWN or any(ch.isspace() for ch in pid) or pid.startswith("#"):
            n = len(ids) + 1
            while f"P{n}" in taken:
                n += 1
            taken.add(f"P{n}")
            pid, renamed = f"P{n}", renamed + 1
        ids[person.id] = pid
    parents = biological_parents(family)
    lines = ["\t".join(("ped", "id", "father", "mother", "sex", "affected", "status"))]
    for person in family.people:
        father, mother = parents.get(person.id, (None, None))
        lines.append("\t".join((famid, ids[person.id], ids[father] if father else "0", ids[mother] if mother else "0",
                                SEX_CODES[person.sex], "1" if person.conditions else "0",
                                "1" if person.deceased else "0")))
    extra = [f"{renamed} ids a table cannot hold (numbered P1, P2, ...)"] if renamed else []
    return "\n".join(lines) + "\n", left_out(family, "ped") + extra
