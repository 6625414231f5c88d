"""The model of the set Venn/Euler diagram: 2 or 3 sets, given as members or as region counts.

>>> SetVenn(sets={"A": [1, 2, 3], "B": [3, 4]}).region_counts()["A&B"]
1
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from socialtools.errors import InputError
from socialtools.venn.base import StrictModel, word_key

MAX_SETS = 3


def region_key(names: tuple[str, ...] | list[str]) -> str:
    """The key of a region: set names joined by ``&`` (``"A&B"`` = in A and B, not in the others)."""
    return "&".join(names)


class SetVenn(StrictModel):
    """A set Venn/Euler diagram of 2 or 3 sets, given as members or as region counts.

    >>> venn = SetVenn(sets={"Kebutuhan": ["makan", "obat"], "Sumber": ["obat", "PKH"]})
    >>> venn.region_counts()
    {'Kebutuhan': 1, 'Sumber': 1, 'Kebutuhan&Sumber': 1}

    ``sets`` maps a set name to its members; or ``counts`` maps region keys (``"A"``,
    ``"A&B"``, ``"A&B&C"`` — the part in exactly those sets) to a number. ``radii``
    (optional) fixes the circle radii by hand (then the diagram is not area-proportional).
    """

    kind: Literal["sets"] = "sets"
    title: str = ""
    sets: dict[str, list[Any]] | None = None
    names: list[str] | None = None
    counts: dict[str, float] | None = None
    radii: dict[str, float] | None = None
    show: Literal["counts", "members", "none"] = "counts"

    @field_validator("show", mode="before")
    @classmethod
    def _show(cls, value: Any) -> Any:
        words = {"jumlah": "counts", "angka": "counts", "count": "counts", "anggota": "members",
                 "isi": "members", "member": "members", "tidak": "none", "kosong": "none"}
        return words.get(word_key(value), word_key(value)) if isinstance(value, str) else value
    tolerance: float = Field(default=0.05, gt=0, le=1)

    @field_validator("sets", mode="before")
    @classmethod
    def _sets(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): sorted(v, key=str) if isinstance(v, set | frozenset) else v
                    for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _check(self) -> SetVenn:
        if self.sets is None and self.counts is None:
            raise InputError("give either 'sets' (members) or 'counts' (region sizes)", record="venn",
                             field="sets")
        if self.sets is not None and self.counts is not None:
            raise InputError("give 'sets' or 'counts', not both", record="venn", field="counts")
        if self.sets is not None:
            names = list(self.sets)
            if self.names is not None and list(self.names) != names:
                raise InputError("'names' must match the keys of 'sets'", record="venn", field="names")
            self.names = names
        elif self.names is None:
            found: list[str] = []
            for key in self.counts or {}:
                for part in key.split("&"):
                    if part.strip() and part.strip() not in found:
                        found.append(part.strip())
            self.names = found
        names = self.names
        if len(names) < 2:
            raise InputError(f"a set Venn needs 2 or 3 sets, got {len(names)}", record="venn", field="sets")
        if len(names) > MAX_SETS:
            raise InputError(f"{len(names)} sets cannot be drawn with circles: a set Venn takes 2 or 3 "
                             "sets (split the data into several diagrams)", record="venn", field="sets")
        if any("&" in n or not n.strip() for n in names):
            raise InputError("set names must be non-empty and must not contain '&'", record="venn",
                             field="sets")
        if self.sets is not None and all(len(members) == 0 for members in self.sets.values()):
            raise InputError("every set is empty: nothing to draw", record="venn", field="sets")
        if self.counts is not None:
            for key, value in self.counts.items():
                parts = [p.strip() for p in key.split("&")]
                if any(p not in names for p in parts) or len(set(parts)) != len(parts):
                    raise InputError(f"region '{key}' names an unknown set (sets: {', '.join(names)})",
                                     record=f"counts['{key}']", field="counts")
                if value < 0:
                    raise InputError(f"count {value} is negative", record=f"counts['{key}']", field="counts")
            if sum(self.counts.values()) <= 0:
                raise InputError("every count is zero: nothing to draw", record="venn", field="counts")
        if self.radii is not None:
            for name, r in self.radii.items():
                if name not in names:
                    raise InputError(f"unknown set '{name}'", record=f"radii['{name}']", field="radii")
                if r <= 0:
                    raise InputError(f"radius {r} must be positive", record=f"radii['{name}']", field="radii")
            missing = [n for n in names if n not in self.radii]
            if missing:
                raise InputError(f"no radius for {', '.join(missing)}", record="venn", field="radii")
        return self

    def regions(self) -> list[tuple[str, ...]]:
        """Every region as the tuple of set names it lies in (in name order)."""
        names = self.names or []
        return [combo for k in range(1, len(names) + 1) for combo in combinations(names, k)]

    def counts_by_region(self) -> dict[tuple[str, ...], float]:
        """Size of each exclusive region (in exactly those sets)."""
        out: dict[tuple[str, ...], float] = {}
        for region in self.regions():
            if self.sets is not None:
                out[region] = float(len(self.members(region)))
            else:
                total = 0.0
                for key, value in (self.counts or {}).items():
                    parts = {p.strip() for p in key.split("&")}
                    if parts == set(region):
                        total += value
                out[region] = total
        return out

    def region_counts(self) -> dict[str, float | int]:
        """Region sizes by region key (``"A&B"``); whole numbers when they are whole."""
        return {region_key(r): int(v) if float(v).is_integer() else v
                for r, v in self.counts_by_region().items()}

    def members(self, region: tuple[str, ...]) -> list[Any]:
        """Members in exactly the sets of ``region`` (sets given by members only)."""
        if self.sets is None:
            return []
        inside = [set(map(_hashable, self.sets[n])) for n in region]
        outside = [set(map(_hashable, self.sets[n])) for n in (self.names or []) if n not in region]
        first = self.sets[region[0]]
        seen: set[Any] = set()
        out = []
        for m in first:
            h = _hashable(m)
            if h in seen:
                continue
            if all(h in s for s in inside) and not any(h in s for s in outside):
                out.append(m)
                seen.add(h)
        return out


def _hashable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | tuple) else str(value)
