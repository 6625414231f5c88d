"""The model of the institutional (PRA "chapati") Venn: institutions around a centre, their
importance (size), closeness (distance) and cooperation (overlap).

A pydantic model, validated on construction; errors name the record and field.

>>> venn = InstitutionalVenn(
...     topic="Lembaga di Desa Sukamaju", centre="Warga desa",
...     institutions=[{"name": "Puskesmas", "kind": "government", "importance": 3, "closeness": "dekat"},
...                   {"name": "Posyandu", "kind": "local", "importance": 2, "closeness": 1.0}],
...     cooperation=[{"between": ["Puskesmas", "Posyandu"], "level": 2}])
>>> venn.institutions[0].closeness
0.75
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema, field_validator, model_validator

from socialtools.errors import InputError
from socialtools.venn.base import StrictModel, word_key

IMPORTANCE_LEVELS = 4
"""Importance (size) is graded 1..4: kecil, sedang, besar, sangat besar."""

IMPORTANCE_NAMES: dict[str, int] = {
    "kecil": 1, "small": 1, "rendah": 1, "low": 1,
    "sedang": 2, "medium": 2,
    "besar": 3, "large": 3, "big": 3, "tinggi": 3, "high": 3,
    "sangat besar": 4, "very large": 4, "sangat tinggi": 4, "very high": 4,
    # the words of a Likert-style "how important?" question
    "tidak penting": 1, "kurang penting": 1, "cukup penting": 2, "penting": 3,
    "sangat penting": 4, "penting sekali": 4,
}

CLOSENESS_NAMES: dict[str, float] = {
    "sangat dekat": 1.0, "very close": 1.0,
    "dekat": 0.75, "close": 0.75,
    "sedang": 0.5, "medium": 0.5, "agak jauh": 0.5, "fairly far": 0.5,
    "jauh": 0.25, "far": 0.25,
    "sangat jauh": 0.0, "very far": 0.0,
    "cukup dekat": 0.5, "kurang dekat": 0.25, "tidak dekat": 0.25, "dekat sekali": 1.0,
}

KINDS = ("government", "private", "local", "outside")
KIND_NAMES: dict[str, str] = {
    "government": "government", "pemerintah": "government", "formal": "government",
    "private": "private", "swasta": "private",
    "local": "local", "lokal": "local", "masyarakat": "local", "community": "local",
    "tradisional": "local", "traditional": "local", "non-formal": "local", "nonformal": "local",
    "outside": "outside", "luar": "outside", "luar desa": "outside", "external": "outside",
}
VALENCES = ("positive", "negative", "mixed")
VALENCE_NAMES: dict[str, str] = {
    "positive": "positive", "positif": "positive", "+": "positive",
    "negative": "negative", "negatif": "negative", "-": "negative",
    "mixed": "mixed", "campuran": "mixed", "netral": "mixed", "neutral": "mixed", "±": "mixed",
}
COOPERATION_LEVELS = 3
"""Cooperation (overlap depth) is graded 1..3: sedikit, cukup, erat."""
COOPERATION_NAMES: dict[str, int] = {
    "sedikit": 1, "rendah": 1, "lemah": 1, "kurang": 1, "low": 1, "weak": 1, "little": 1,
    "cukup": 2, "sedang": 2, "medium": 2, "moderate": 2,
    "erat": 3, "kuat": 3, "tinggi": 3, "sangat erat": 3, "close": 3, "strong": 3, "high": 3,
}


def _words(words: list[str]) -> list[str]:
    return sorted({w for word in words for w in (word, word.capitalize(), word.upper())})


# JSON Schema of the fields whose before-validators accept words as well as numbers
IMPORTANCE_SCHEMA = WithJsonSchema({
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": IMPORTANCE_LEVELS},
              {"type": "string", "enum": _words(list(IMPORTANCE_NAMES))}],
    "description": "circle size: 1-4 or kecil, sedang, besar, sangat besar"})
CLOSENESS_SCHEMA = WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": 0, "maximum": 1},
              {"type": "string", "enum": _words(list(CLOSENESS_NAMES))}],
    "description": "distance from the centre: 0 (very far) to 1 (very close), or sangat dekat ... sangat jauh"})
NAMES_SCHEMA = WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})
DATE_SCHEMA = WithJsonSchema({"type": ["string", "null"]})


def _fold(name: str) -> str:
    """A name as compared: case and runs of spaces do not matter."""
    return " ".join(name.casefold().split())


class Institution(StrictModel):
    """One institution (*lembaga*): its circle size is ``importance``, its distance ``closeness``.

    >>> inst = Institution(name="Puskesmas", kind="pemerintah", importance="besar", closeness="0,75")
    >>> inst.kind, inst.importance, inst.closeness
    ('government', 3, 0.75)"""

    name: str = Field(min_length=1)
    kind: str = "local"
    importance: Annotated[int, IMPORTANCE_SCHEMA] = 2
    closeness: Annotated[float, CLOSENESS_SCHEMA] = 0.5
    valence: str = "positive"
    notes: str = ""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> str:
        kind = KIND_NAMES.get(word_key(value))
        if kind is None:
            raise ValueError(f"unknown kind '{value}': use one of {', '.join(KINDS)} "
                             "(or pemerintah, swasta, lokal, luar desa)")
        return kind

    @field_validator("valence", mode="before")
    @classmethod
    def _valence(cls, value: Any) -> str:
        valence = VALENCE_NAMES.get(word_key(value))
        if valence is None:
            raise ValueError(f"unknown valence '{value}': use positive, negative or mixed")
        return valence

    @field_validator("importance", mode="before")
    @classmethod
    def _importance(cls, value: Any) -> int:
        if isinstance(value, str) and not value.strip().isdigit():
            level = IMPORTANCE_NAMES.get(word_key(value))
            if level is None:
                raise ValueError(f"unknown importance '{value}': use 1-{IMPORTANCE_LEVELS} "
                                 "or kecil, sedang, besar, sangat besar")
            return level
        if isinstance(value, bool) or not isinstance(value, int | str | float):
            raise ValueError(f"importance must be a whole number 1-{IMPORTANCE_LEVELS}")
        number = float(value)
        if number != int(number) or not 1 <= number <= IMPORTANCE_LEVELS:
            raise ValueError(f"importance {value} is out of range: use a whole number 1-{IMPORTANCE_LEVELS}")
        return int(number)

    @field_validator("closeness", mode="before")
    @classmethod
    def _closeness(cls, value: Any) -> float:
        if isinstance(value, str):
            try:
                value = float(value.strip().replace(",", "."))  # 0,5 as Indonesians write it
            except ValueError:
                level = CLOSENESS_NAMES.get(word_key(value))
                if level is None:
                    raise ValueError(f"unknown closeness '{value}': use a number 0-1 (1 = very close) or "
                                     "sangat dekat, dekat, sedang, jauh, sangat jauh") from None
                return level
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("closeness must be a number 0-1 (1 = very close) or a word such as 'dekat'")
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"closeness {value} is out of range: use 0 (very far) to 1 (very close)")
        return float(value)


class Cooperation(StrictModel):
    """Two institutions that work together; their circles overlap, deeper for a higher ``level``.

    >>> Cooperation(between=("Puskesmas", "Posyandu"), level="erat").level
    3"""

    between: tuple[str, str]
    level: int = Field(default=2, ge=1, le=COOPERATION_LEVELS)
    notes: str = ""

    @field_validator("between", mode="before")
    @classmethod
    def _pair(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and len(value) != 2:
            raise ValueError(f"cooperation is between two institutions, {len(value)} are given: "
                             "write one pair per line (A with B, A with C, ...)")
        return value

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip().isdigit():
            level = COOPERATION_NAMES.get(word_key(value))
            if level is None:
                raise ValueError(f"unknown cooperation level '{value}': use 1-{COOPERATION_LEVELS} "
                                 "or sedikit, cukup, erat")
            return level
        return value


class InstitutionalVenn(StrictModel):
    """The institutional Venn diagram of participatory appraisal (PRA).

    >>> venn = InstitutionalVenn(centre="Desa Sukamaju", institutions=[{"name": "Puskesmas"}, {"name": "PKK"}],
    ...                          cooperation=[{"between": ["Puskesmas", "PKK"]}])
    >>> [i.name for i in venn.institutions], venn.cooperation[0].level
    (['Puskesmas', 'PKK'], 2)

    ``centre`` names the community, client or family in the middle.
    """

    kind: Literal["institutional"] = "institutional"
    topic: str = ""
    centre: str = "Masyarakat"
    place: str = ""
    date: Annotated[str, DATE_SCHEMA] = ""
    facilitators: Annotated[list[str], NAMES_SCHEMA] = Field(default_factory=list)
    participants: Annotated[list[str], NAMES_SCHEMA] = Field(default_factory=list)
    institutions: list[Institution]
    cooperation: list[Cooperation] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> str:
        return "" if value is None else str(value)

    @field_validator("facilitators", "participants", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check(self) -> InstitutionalVenn:
        if not self.institutions:
            raise InputError("needs at least one institution", record="venn", field="institutions")
        names: dict[str, int] = {}
        folded: dict[str, str] = {}  # "puskesmas" -> "Puskesmas": spelling of a name may vary in case
        for i, inst in enumerate(self.institutions):
            same = folded.get(_fold(inst.name))
            if same is not None:
                also = "" if same == inst.name else f" (as '{same}', institutions[{names[same]}])"
                raise InputError(f"duplicate institution name '{inst.name}'{also}",
                                 record=f"institutions[{i}]", field="name")
            names[inst.name] = i
            folded[_fold(inst.name)] = inst.name
        seen: set[frozenset[str]] = set()
        for i, pair in enumerate(self.cooperation):
            a, b = (folded.get(_fold(name), name) for name in pair.between)
            pair.between = (a, b)
            for name in (a, b):
                if name not in names:
                    raise InputError(f"unknown institution '{name}' (not in institutions)",
                                     record=f"cooperation[{i}]", field="between")
            if a == b:
                raise InputError(f"'{a}' cannot cooperate with itself", record=f"cooperation[{i}]",
                                 field="between")
            key = frozenset((a, b))
            if key in seen:
                raise InputError(f"the pair '{a}' – '{b}' is listed twice", record=f"cooperation[{i}]",
                                 field="between")
            seen.add(key)
        return self

    def partners(self, name: str) -> list[str]:
        """Names of the institutions ``name`` cooperates with."""
        out = []
        for pair in self.cooperation:
            if name in pair.between:
                out.append(pair.between[1] if pair.between[0] == name else pair.between[0])
        return out
