"""The family model: people, unions with their children, emotional relationships, households.

One family feeds the genogram, the centre of the ecomap and the family-identity table.
Cross-references are checked when the family is built; errors name the record and field.

>>> family = Family.model_validate({
...     "people": [{"id": "K", "sex": "L"}, {"id": "S", "sex": "P"}, {"id": "PK", "sex": "P"}],
...     "unions": [{"partners": ["K", "S"], "kind": "married", "start": 1996, "children": ["PK"]}],
... })
>>> family.person("K").sex, [c.id for c in family.unions[0].children]
('male', ['PK'])
>>> family.parents_of("PK")
['K', 'S']
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, Field, PrivateAttr, ValidationError, WithJsonSchema, model_validator

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

from socialtools.dates import Date, DeathDate, PartialDate
from socialtools.errors import InputError
from socialtools.records import Record

SEX_WORDS = {
    "male": ("male", "m", "l", "1", "man", "boy", "laki-laki", "laki", "lk", "pria", "cowok", "son", "father",
             "laki laki", "laki2", "lelaki", "l/k", "cowo", "lk.", "♂", "男", "雄"),
    "female": ("female", "f", "p", "2", "woman", "girl", "perempuan", "pr", "wanita", "cewek", "w", "cewe", "pr.",
               "prp", "♀", "女", "雌"),
    "unknown": ("unknown", "u", "0", "?", "", "none", "na", "tidak diketahui", "other", "-9", "9", "3", "x",
                "tidak tahu", "n/a"),
}
_SEX_LOOKUP = {word: sex for sex, words in SEX_WORDS.items() for word in words}

MAX_LIVING_AGE = 110
"""Above this age (birth known, no death date) no age is shown: the person is not plausibly alive."""


def _blank_is_none(value: Any) -> Any:
    """A text of white space only is no text: a name of spaces is drawn as a missing name (the id).

    >>> _blank_is_none("  "), _blank_is_none(" Budi ")
    (None, ' Budi ')
    """
    return None if isinstance(value, str) and not value.strip() else value


def _sex(value: Any) -> str:
    if value is None:
        return "unknown"
    key = str(value).strip().lower()
    if key in _SEX_LOOKUP:
        return _SEX_LOOKUP[key]
    key = re.sub(r"\s*-\s*", "-", key).rstrip(".").strip()  # 'laki - laki', 'L.', 'Perempuan.'
    if key in _SEX_LOOKUP:
        return _SEX_LOOKUP[key]
    raise ValueError(f"'{value}' is not a sex: use male/female/unknown (also L/P, M/F, 1/2)")


YES_NO = {
    True: ("ya", "y", "yes", "true", "benar", "iya", "sudah", "1", "meninggal", "almarhum", "almarhumah", "alm",
           "alm.", "almh", "almh.", "sudah meninggal", "telah meninggal", "meninggal dunia", "wafat", "sudah wafat",
           "telah wafat"),
    False: ("tidak", "tdk", "no", "n", "false", "bukan", "belum", "0", "hidup", "masih hidup", "", "belum meninggal"),
}
_YES_NO_LOOKUP = {word: flag for flag, words in YES_NO.items() for word in words}


def _yes_no(value: Any) -> Any:
    """``ya``/``tidak`` (and yes/no, true/false, 1/0) → a boolean; anything else is left to pydantic."""
    if isinstance(value, str) and value.strip().lower() in _YES_NO_LOOKUP:
        return _YES_NO_LOOKUP[value.strip().lower()]
    return value


UNION_WORDS = {
    "married": ("menikah", "nikah", "kawin", "married", "marriage", "suami istri", "suami-istri", "sudah menikah",
                "nikah resmi", "menikah resmi", "menikah lagi", "sudah nikah"),
    # nikah siri: a religious marriage not registered with the state (common in Indonesia)
    "unregistered": ("nikah siri", "kawin siri", "siri", "nikah bawah tangan", "nikah agama", "nikah sirri",
                     "unregistered marriage", "religious marriage"),
    "divorced": ("cerai", "bercerai", "cerai hidup", "divorce"),
    "widowed": ("cerai mati", "widow", "widower", "ditinggal meninggal", "ditinggal mati"),
    "separated": ("pisah", "berpisah", "pisah ranjang", "pisah rumah", "separation"),
    "reconciled": ("rujuk", "berbaikan", "kembali bersama", "reconciliation", "reunited"),
    "engaged": ("tunangan", "bertunangan", "engagement"),
    "cohabiting": ("tinggal bersama", "kumpul kebo", "living together", "cohabitation", "hidup bersama"),
    "affair": ("selingkuh", "perselingkuhan"),
    "unknown": ("tidak diketahui", ""),
}


def _word_kind(kinds: Any, words: dict[str, tuple[str, ...]], what: str) -> Any:
    """A before-validator reading a value as one of the Literal ``kinds``, through the Indonesian and
    other ``words`` for them (``menikah``, ``nikah siri``, ``konflik``, ``cut off`` ...; looked up in
    one dict built once); a kind not known is refused with a hint (``'divorsed'``: did you mean
    'divorced'?) and the kinds in English and Indonesian."""
    names = typing.get_args(kinds)
    lookup = {word: kind for kind, ws in words.items() for word in ws}
    written = ", ".join(f"{k} ({words[k][0]})" if words.get(k, ("",))[0] else k for k in names)

    def read(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        key = value.strip().lower()
        kind = lookup.get(key, key.replace(" ", "_").replace("-", "_"))
        if kind not in names:
            close = difflib.get_close_matches(key, [*names, *lookup], n=1, cutoff=0.7)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"'{value}' is not a {what}{hint}; write one of: {written}")
        return kind

    return BeforeValidator(read)


RELATIONSHIP_WORDS = {
    "close": ("dekat", "akrab", "harmonis"), "fused": ("menyatu", "sangat dekat", "lekat"),
    "distant": ("jauh", "renggang", "berjarak"),
    "cutoff": ("putus", "terputus", "putus hubungan", "cut off", "cut-off", "cut_off"),
    "conflict": ("konflik", "bertengkar", "cekcok"), "hostile": ("bermusuhan", "permusuhan", "benci"),
    "close_hostile": ("dekat bermusuhan", "dekat tapi konflik"), "physical_abuse": ("kekerasan fisik",),
    "emotional_abuse": ("kekerasan emosional", "kekerasan psikis"), "sexual_abuse": ("kekerasan seksual",),
    "neglect": ("penelantaran", "ditelantarkan"), "caretaker": ("pengasuh", "merawat"),
    "focused_on": ("fokus pada", "terfokus"),
}


YesNo = Annotated[bool, BeforeValidator(_yes_no)]


def _id(value: Any) -> str:
    if type(value) is str and (text := value.strip()):  # (the common case first: every person, partner, child)
        return text
    if isinstance(value, bool) or value is None or not isinstance(value, str | int | float):
        raise ValueError("an id must be text or a number")
    text = str(value).strip()
    if not text:
        raise ValueError("an id must not be empty")
    return text


_AGE_WORDS = re.compile(r"^\s*(?:(?:usia|umur|aged?)\s*)?(?:(\d{1,3})\s*(?:tahun|thn|th|years?|yrs?|y)?\.?)?"
                        r"\s*(?:(\d{1,3})\s*(?:bulan|bln|months?|mos?|minggu|mgg|weeks?|hari|days?)\.?)?\s*$", re.I)


#: an age said to be about right: "~45", "± 45", "+/- 45", "sekitar 45", "kira-kira 45", "45?", "45-an"
_ABOUT_AGE = re.compile(r"^\s*(?:~|±|\+\s*/?\s*-|sekitar|kira-kira|kira2|kurang lebih|kurleb|kl\.?|perkiraan|"
                        r"diperkirakan|ca\.?|c\.|circa|about|approx\.?|abt\.?)\s*(?P<rest>.*?)\s*$"
                        r"|^\s*(?P<last>\d{1,3}\s*(?:tahun|thn|th|years?|yrs?)?\.?)\s*(?:\?|-?an)\s*$", re.I)


#: a person's fields whose empty text (``birth: ""``) is read as not written
_BLANKABLE = ("birth", "death", "age")


def about_age(value: Any) -> tuple[Any, bool]:
    """An age written as approximate, without its mark, and whether it had one.

    >>> about_age("± 45"), about_age("sekitar 45 tahun"), about_age("45?"), about_age(45), about_age("~x")
    (('45', True), ('45 tahun', True), ('45', True), (45, False), ('~x', False))
    """
    if isinstance(value, str):
        m = _ABOUT_AGE.match(value)
        if m:
            rest = m.group("rest") if m.group("rest") is not None else m.group("last")
            if rest and _AGE_WORDS.match(rest) and any(ch.isdigit() for ch in rest):
                return rest, True
    return value, False


def _age(value: Any) -> Any:
    """``45``, ``"45"``, ``"45 tahun"``, ``"usia 45"``, ``"45 years"`` → 45; an age in months, weeks
    or days is the whole years of it: ``"6 bulan"`` → 0, ``"1 tahun 6 bulan"`` → 1.

    >>> _age("umur 45 th"), _age("6 bulan"), _age("1 tahun 6 bulan"), _age("18 bulan"), _age("3 minggu")
    (45, 0, 1, 1, 0)
    """
    if isinstance(value, str):
        match = _AGE_WORDS.match(value)
        if not match or not (match.group(1) or match.group(2)):
            raise ValueError(f"'{value}' is not an age: write a number of years (45; 0 for a baby)")
        years, part = match.group(1), match.group(2)
        if part and re.search(r"bulan|bln|month|mo", value, re.I):
            return int(years or 0) + int(part) // 12
        return int(years or 0)
    return value


#: an age in years, as people write it: ``45``, ``"45 tahun"``, ``"6 bulan"``; ``"~45"`` and
#: ``"sekitar 45"`` are read by the record, which also notes that the age is approximate
Age = Annotated[int, BeforeValidator(_age), Field(ge=0, le=150), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 150},
               {"type": "string", "description": "45 tahun, 6 bulan, ~45, sekitar 45"}]})]


def _gender(value: Any) -> Any:
    """A sex written under ``gender`` (``gender: L``, as many forms ask it) is named as the slip it is."""
    if isinstance(value, str) and value.strip().lower() in _SEX_LOOKUP:
        raise ValueError(f"'{value}' is a sex, not a gender identity: write sex: {value} (gender is for "
                         "non_binary, trans_man, trans_woman or cis, where it differs from sex)")
    return value


Sex = Annotated[Literal["male", "female", "unknown"], BeforeValidator(_sex)]
Id = Annotated[str, BeforeValidator(_id)]
Gender = Literal["non_binary", "trans_man", "trans_woman", "cis"]
PersonKind = Literal["person", "pregnancy", "miscarriage", "abortion", "stillbirth", "pet"]
UnionKind = Literal[
    "married", "unregistered", "cohabiting", "engaged", "separated", "divorced", "widowed", "reconciled",
    "committed", "affair", "annulled", "unknown",
]
#: kinds of union that are (or were) a marriage: two of one person at the same time are warned about
_MARRIAGES = frozenset({"married", "unregistered", "separated", "divorced", "widowed", "reconciled"})
#: kinds that end a union (the union line then carries slashes or the partner's death)
ENDING_KINDS: frozenset[str] = frozenset({"separated", "divorced", "widowed", "annulled"})
#: the kinds after which a union has ended for good (a separation may be followed by a divorce)
_FINAL_KINDS: frozenset[str] = frozenset({"divorced", "widowed", "annulled"})
#: kinds that start a union: an event of one of these opens the history
STARTING_KINDS: frozenset[str] = frozenset({"married", "unregistered", "cohabiting", "engaged", "committed", "affair"})
ChildRelation = Literal["biological", "adopted", "foster", "step"]
ConditionKind = Literal["medical", "mental", "disability", "substance", "other"]
ConditionStatus = Literal["confirmed", "suspected", "recovery"]
RelationshipKind = Literal[
    "close", "fused", "distant", "cutoff", "cutoff_repaired", "conflict", "hostile",
    "close_hostile", "fused_hostile", "focused_on", "physical_abuse", "emotional_abuse",
    "sexual_abuse", "neglect", "caretaker", "spiritual", "indifferent", "harmony",
]
#: Indonesian (and other) words for the kinds of a condition, a person and a child's relation, and a
#: condition's status: read as the kind, and named in the message when a kind is misspelt
CONDITION_WORDS = {
    "medical": ("medis", "fisik", "penyakit", "kesehatan"), "mental": ("kejiwaan", "jiwa", "psikologis",
                                                                     "gangguan jiwa", "mental health"),
    "disability": ("disabilitas", "difabel", "penyandang disabilitas"),
    "substance": ("napza", "zat", "adiksi", "kecanduan", "ketergantungan"), "other": ("lainnya", "lain"),
}
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "confirmed": ("pasti", "terdiagnosis", "terkonfirmasi"), "suspected": ("dugaan", "diduga", "suspek"),
    "recovery": ("pemulihan", "dalam pemulihan", "pulih"),
}
PERSON_KIND_WORDS = {
    "person": ("orang",), "pregnancy": ("kehamilan", "hamil"), "miscarriage": ("keguguran",),
    "abortion": ("aborsi",), "stillbirth": ("lahir mati",), "pet": ("hewan peliharaan", "peliharaan"),
}
CHILD_WORDS = {
    "biological": ("kandung", "anak kandung"), "adopted": ("angkat", "anak angkat", "adopsi"),
    "foster": ("asuh", "anak asuh"), "step": ("tiri", "anak tiri"),
}


DIRECTIONAL: frozenset[str] = frozenset(
    {"focused_on", "physical_abuse", "emotional_abuse", "sexual_abuse", "neglect", "caretaker"}
)


class Condition(Record):
    """A medical, mental-health, disability or substance condition, drawn as a symbol fill.

    ``status``: confirmed (solid fill), suspected (hatched), recovery (hatched, outlined).
    ``start``: the year it began (also written ``sejak``, ``since`` or ``onset``), like the
    ``start`` of a relationship or household: ``--as-of`` leaves it out before then.

    >>> Condition.model_validate({"name": "ketergantungan alkohol", "sejak": "sekitar 2008"}).start
    PartialDate(year=2008, month=None, day=None, approximate=True)
    >>> c = Condition.model_validate({"name": "diabetes", "age": "sekitar 50 tahun"})
    >>> c.age, c.age_approximate
    (50, True)
    """

    name: str
    kind: Annotated[ConditionKind, _word_kind(ConditionKind, CONDITION_WORDS, "condition kind")] = "medical"
    status: Annotated[ConditionStatus, _word_kind(ConditionStatus, STATUS_WORDS, "condition status")] = "confirmed"
    age: Age | None = Field(None, description="age at diagnosis (pedigree files carry it); also 50 tahun, ~50, "
                            "sekitar 50")
    age_approximate: YesNo = Field(False, description="the age at diagnosis is about right (written ~50, sekitar 50)")
    start: Date | None = Field(None, validation_alias=AliasChoices("start", "sejak", "since", "onset", "mulai"),
                               description="year the condition began (for --as-of); also sejak, since, onset")

    def began_by(self, year: int, birth: PartialDate | None = None) -> bool:
        """Whether the condition had begun by ``year``: by its ``start``, else by the age at
        diagnosis and the person's ``birth``; a condition with neither is there in every year.

        >>> c = Condition(name="diabetes", age=50)
        >>> c.began_by(1999, PartialDate(1950)), c.began_by(2000, PartialDate(1950)), c.began_by(1999)
        (False, True, True)
        """
        if self.start is not None:
            return self.start.year <= year
        if self.age is not None and birth is not None:
            return birth.year + self.age <= year
        return True

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"name": value}
        if isinstance(value, dict) and isinstance(value.get("age"), str):  # "~50", "sekitar 50": about 50
            age, about = about_age(value["age"])
            if about:
                return {**value, "age": age, "age_approximate": True}
        return value


class Person(Record):
    """One person (or a pregnancy, miscarriage, abortion, stillbirth, pet) of the family.

    >>> p = Person(id="PK", name="Putri Kartika", sex="perempuan", birth=1998, deceased="tidak")
    >>> p.sex, p.deceased, p.display_initials
    ('female', False, 'PK')"""

    id: Id
    name: Annotated[str | None, BeforeValidator(_blank_is_none)] = None
    initials: str | None = None
    sex: Sex = "unknown"
    gender: Annotated[Gender, BeforeValidator(_gender)] | None = Field(
        None, description="gender identity where it differs from sex")
    kind: Annotated[PersonKind, _word_kind(PersonKind, PERSON_KIND_WORDS, "person kind")] = "person"
    birth: Date | None = None
    death: DeathDate | None = None
    deceased: YesNo = False
    age: Age | None = Field(None, description="age when no birth date is known")
    age_approximate: YesNo = Field(False, description="the age is about right (written ~45, ± 45, sekitar 45, "
                                                      "45?): shown ~45")
    index: YesNo = Field(False, description="the index person (client, klien)")
    role: str | None = Field(None, description="role in the family, e.g. ayah, ibu, klien")
    occupation: str | None = None
    education: str | None = None
    religion: str | None = None
    birthplace: str | None = None
    ethnicity: str | None = None
    place: str | None = Field(None, description="where the person lives now")
    address: str | None = Field(None, description="identifying: left out of outputs by default")
    phone: str | None = Field(None, description="identifying: left out of outputs by default")
    notes: str | None = None
    conditions: Annotated[list[Condition], BeforeValidator(lambda v: [v] if isinstance(v, str | dict) else v)] = \
        Field(default_factory=list)
    gestation_weeks: int | None = Field(None, ge=1, le=45)
    count: int | None = Field(None, ge=2, description="several people of one kind in one symbol")
    father: Id | None = Field(None, description="shorthand for a union of father and mother")
    mother: Id | None = None

    @model_validator(mode="before")
    @classmethod
    def _place_and_date(cls, value: Any) -> Any:
        """``birth: "Wonosobo, 12 Agustus 1998"`` (tempat, tanggal lahir) → birthplace and birth."""
        if not isinstance(value, dict) or not (isinstance(value.get("birth"), str) or isinstance(value.get("age"), str)
                                               or isinstance(value.get("death"), str)):
            return value  # no date or age written as text (a pedigree table's people): nothing to read here
        if any(type(value.get(k)) is str and not value[k].strip() for k in _BLANKABLE):
            # birth: "", age: " " (a spreadsheet's empty cell, a form's blank): not written, as a missing key is
            value = {k: v for k, v in value.items() if not (k in _BLANKABLE and type(v) is str and not v.strip())}
        if isinstance(value.get("age"), str):  # "~45", "sekitar 45": about 45
            age, about = about_age(value["age"])
            if about:
                value = {**value, "age": age, "age_approximate": True}
        birth = value.get("birth")
        if isinstance(birth, str) and "," in birth:
            place, _, date = birth.rpartition(",")
            if place.strip() and not any(ch.isdigit() for ch in place):
                try:
                    PartialDate.parse(date.strip())
                except ValueError:
                    return value
                value = {**value, "birth": date.strip()}
                value.setdefault("birthplace", place.strip())
        return value

    @model_validator(mode="after")
    def _dates(self) -> Person:
        if self.death is not None:
            self.deceased = True
        if self.birth and self.death and self.death.certainly_before(self.birth):
            raise InputError(
                f"death ({self.death}) is before birth ({self.birth})",
                record=f"person '{self.id}'", field="death",
            )
        return self

    @property
    def display_initials(self) -> str:
        """Initials given, or made from the name (``Siti Aminah`` → ``SA``), or the id."""
        if self.initials:
            return self.initials
        return "".join(w[0].upper() for w in _name_words(self.name)) or self.id

    def age_at(self, when: PartialDate) -> int | None:
        """Age at ``when``, or at death for the deceased (``None`` when unknown).

        No age is computed for someone who could not plausibly be alive at ``when``: born more
        than :data:`MAX_LIVING_AGE` years before it with no death date; nor from a birth and a death
        more than :data:`MAX_LIVING_AGE` years apart (a genealogy's estimated ``~1130``–``~1275``: no
        one's age, a slip or a guess in one of the dates; the years stay in the label).

        >>> from socialtools.dates import PartialDate
        >>> Person(id="A", birth=1871).age_at(PartialDate(2026)) is None
        True
        >>> Person(id="B", birth=1871, death=1950).age_at(PartialDate(2026))
        79
        >>> Person(id="C", birth=1130, death=1275).age_at(PartialDate(2026)) is None
        True
        """
        if self.birth is None:
            return self.age
        if self.deceased and self.death is None:
            return self.age  # died, but when is not known: no computed age
        end = self.death if self.death is not None else when
        years = self.birth.years_until(end)
        if years > MAX_LIVING_AGE:
            return None  # not plausibly alive, or the dates are not one lifetime's
        return years if years >= 0 else None


class ChildLink(Record):
    """A child of a union; ``twin`` groups twins (same label), ``identical`` for monozygotic."""

    id: Id
    relation: Annotated[ChildRelation, _word_kind(ChildRelation, CHILD_WORDS, "child relation")] = "biological"
    twin: str | None = None
    identical: YesNo = False

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str | int) and not isinstance(value, bool) else value


class UnionEvent(Record):
    """One dated event of a union's history: married, separated, divorced, reconciled, widowed, ...

    Written ``{kind: separated, year: 2004}`` or shortly ``{separated: 2004}`` or ``"pisah 2004"``.

    >>> UnionEvent.model_validate("rujuk 2010")
    UnionEvent(kind='reconciled', year=PartialDate(year=2010, month=None, day=None))
    """

    kind: Annotated[UnionKind, _word_kind(UnionKind, UNION_WORDS, "union kind")]
    year: Date = Field(validation_alias=AliasChoices("year", "date", "tahun", "tanggal"))

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _EVENT_TEXT.match(value)  # "rujuk 2010", "nikah siri sekitar 2005"
            if not match:
                raise ValueError(f"'{value}' is not a union event: write a kind and a year ('divorced 2012')")
            return {"kind": match.group(1), "year": match.group(2)}
        if isinstance(value, dict) and len(value) == 1:
            (key, year), = value.items()
            if str(key).strip().lower() not in ("kind", "year", "date", "tahun", "tanggal"):
                return {"kind": key, "year": year}
        return value


#: the ids a family gives its unions when the input gives none (``u1``, ``u2``, ...)
_NUMBERED_UNION = re.compile(r"u\d+")
_EVENT_TEXT = re.compile(r"^\s*(.*?)[\s,:]+((?:(?:~|±|\+/?-|sekitar|kira-kira|kurang lebih|circa|ca\.?|c\.|abt\.?|"
                         r"about|approx\.?)\s*)?(?:(?:tahun|thn\.?|th\.?)\s*)?\S+)\s*$", re.I)
_YEAR_SCHEMA: dict[str, Any] = {"anyOf": [{"type": "integer"}, {"type": "string"}]}
_EVENT_SCHEMA: dict[str, Any] = {
    "description": "a union event: {kind: divorced, year: 2012}, {divorced: 2012} or 'cerai 2012'",
    "anyOf": [
        {"type": "object", "required": ["kind"], "additionalProperties": False,
         "properties": {"kind": {"type": "string"}, "year": _YEAR_SCHEMA, "date": _YEAR_SCHEMA,
                        "tahun": _YEAR_SCHEMA, "tanggal": _YEAR_SCHEMA}},
        {"type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": _YEAR_SCHEMA},
        {"type": "string"},
    ],
}


def _state_after(events: list[UnionEvent]) -> str:
    """The union kind after a sequence of events (a reconciliation after a separation)."""
    state = "unknown"
    for e in events:
        state = e.kind
    return state


class Union(Record):
    """A couple (or one known parent) with their children in birth order.

    ``kind`` is a shorthand for a simple history (``divorced`` with ``start`` and ``end``);
    ``events`` tells the whole history in time order, and then ``kind``, ``start`` and ``end``
    follow from it.

    >>> u = Union.model_validate({"partners": ["A", "B"], "events": [
    ...     {"married": 1995}, {"separated": 2004}, {"reconciled": 2010}]})
    >>> u.kind, u.start.year, u.end, [e.kind for e in u.history]
    ('reconciled', 1995, None, ['married', 'separated', 'reconciled'])
    """

    id: str | None = None
    partners: list[Id] = Field(min_length=1, max_length=2)
    kind: Annotated[UnionKind, _word_kind(UnionKind, UNION_WORDS, "union kind")] = "married"
    start: Date | None = None
    end: Date | None = None
    events: list[Annotated[UnionEvent, WithJsonSchema(_EVENT_SCHEMA)]] = Field(default_factory=list,
                                     description="the union's history in time order (married, separated, ...)")
    children: list[ChildLink] = Field(default_factory=list)
    consanguineous: YesNo = False
    notes: str | None = None
    #: the place in the file of each event of :attr:`events` (sorted by year), for messages (a plain
    #: default: pydantic inspects a default factory's signature for every union made, 2 s of the
    #: 400-family table's 10)
    _listed_at: tuple[int, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _history(self) -> Union:
        if not self.events:
            return self
        self._check_event_order()
        order = sorted(range(len(self.events)), key=lambda i: self.events[i].year)  # stable: one year keeps order
        self._listed_at = tuple(order)
        self.events = [self.events[i] for i in order]
        state = _state_after(self.events)
        if "kind" in self.model_fields_set and self.kind != state and not (
                self.kind == "married" and state == "reconciled"):
            raise InputError(f"kind '{self.kind}' disagrees with the last event ('{state}' in "
                             f"{self.events[-1].year.year}): leave kind out or correct it",
                             record=f"union '{self.id or '/'.join(self.partners)}'", field="kind")
        self.kind = state  # type: ignore[assignment]
        if self.start is None:
            self.start = self.events[0].year
        if self.end is None and state in ENDING_KINDS:
            self.end = self.events[-1].year
        return self

    def _check_event_order(self) -> None:
        """Refuse a history that ends before it begins: an event that ends the union (or a
        reconciliation) dated before its first marriage, cohabitation, ... (or its ``start``).
        Approximate dates are not held to it."""
        starts = [(e.year, e.kind) for e in self.events if e.kind in STARTING_KINDS]
        begin = min(starts, key=lambda s: s[0]) if starts else (self.start, "start") if self.start else None
        if begin is None or begin[0].approximate:
            return
        for i, e in enumerate(self.events):
            if e.kind not in STARTING_KINDS and not e.year.approximate and e.year.certainly_before(begin[0]):
                raise InputError(f"{e.kind} ({e.year}) is before {begin[1]} ({begin[0]}): a union cannot end or be "
                                 "taken up again before it begins; correct the year", record=f"events[{i}]",
                                 field="year")

    def listed_at(self, i: int) -> int:
        """The place in the file of the ``i``-th event of :attr:`events` (which are sorted by year)."""
        return self._listed_at[i] if i < len(self._listed_at) else i

    @property
    def history(self) -> list[UnionEvent]:
        """The union's events in time order: those given, or the ones ``kind``/``start``/``end`` imply.

        >>> [f"{e.kind} {e.year}" for e in Union(partners=["A"], kind="divorced", start=1990, end=2001).history]
        ['married 1990', 'divorced 2001']
        """
        if self.events:
            return list(self.events)
        out: list[UnionEvent] = []
        if self.start is not None:
            first = self.kind if self.kind in STARTING_KINDS else "married"
            out.append(UnionEvent(kind=first, year=self.start))
        if self.end is not None and self.kind in ENDING_KINDS | {"reconciled"}:
            out.append(UnionEvent(kind=self.kind, year=self.end))
        return out

    def kind_at(self, year: int) -> str | None:
        """The union's kind in ``year``, or ``None`` when it had not begun (by the dates given).

        >>> Union(partners=["A"], kind="divorced", start=1990, end=2001).kind_at(1995)
        'married'
        """
        if self.start is not None and self.start.year > year:
            return None
        if not self.events and self.end is not None and self.end.year > year and self.kind in ENDING_KINDS:
            return "married" if self.kind not in STARTING_KINDS else self.kind
        known = [e for e in self.history if e.year.year <= year]
        return _state_after(known) if known else self.kind


#: The kinds of a pregnancy loss: dated by its one date (its death), drawn small, labelled by the year alone.
LOSSES = frozenset({"miscarriage", "abortion", "stillbirth"})


_ORIGIN_PERSON = re.compile(r"family\.people\[\d+\] \(id '([^']*)'\)")
_ORIGIN_UNION = re.compile(r"(?:family\.)?unions\[(\d+)\](?: \(id '[^']*'\))?(\.children(?=[:,])|\.\w+\[\d+\])?")
_ORIGIN_LEAD = re.compile(r"^person '([^']*)'")
_ORIGIN_OTHER = re.compile(r"(?<=at the birth of )'([^']*)'")


def distinct_initials(people: Iterable[Person]) -> dict[str, str]:
    """Each person's initials, made distinct among ``people`` where two share them: initials the case
    gives (``initials``) stay as given; initials made from a name take more letters of the first name
    (``Dinda``, ``Dewi`` → ``Di``, ``De``), else a number (``D1``, ``D2``) — never the id, which may be
    a name that the privacy option hid. One pass over ``people`` and its shared initials (a family of
    10,000 people takes milliseconds); the same people in the same order give the same initials.

    >>> people = [Person(id="a", name="Dinda"), Person(id="b", name="Dewi"), Person(id="c", name="Sri")]
    >>> distinct_initials(people)
    {'a': 'Di', 'b': 'De', 'c': 'S'}
    >>> distinct_initials([Person(id="k", initials="D"), Person(id="d", name="Dewi"), Person(id="m", name="Dimas")])
    {'k': 'D', 'd': 'De', 'm': 'Di'}
    >>> distinct_initials([Person(id="a", initials="D"), Person(id="b", initials="D")])
    {'a': 'D1', 'b': 'D2'}
    """
    words: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    groups: dict[str, list[Person]] = {}
    for p in people:  # as Person.display_initials, keeping the words of the name
        words[p.id] = [] if p.initials else _name_words(p.name)
        out[p.id] = p.initials or "".join(w[0].upper() for w in words[p.id]) or p.id
        groups.setdefault(out[p.id], []).append(p)
    taken = set(groups)
    for text in sorted(t for t, group in groups.items() if len(group) > 1):
        group = groups[text]
        given = [p for p in group if p.initials]
        # the one person whose initials the case gives keeps them; the others are told apart from them
        left = [p for p in group if p is not given[0]] if len(given) == 1 else group
        taken.discard(text)
        if len(given) == 1:
            taken.add(text)
        for letters in range(2, 6):
            tried = {p.id: _longer_initials(words[p.id], letters) or text for p in left}
            counts: dict[str, int] = {}
            for value in tried.values():
                counts[value] = counts.get(value, 0) + 1
            rest = []
            for p in left:
                if counts[tried[p.id]] == 1 and tried[p.id] not in taken:
                    out[p.id] = tried[p.id]
                    taken.add(tried[p.id])
                else:
                    rest.append(p)
            left = rest
            if all(len(words[p.id][0] if words[p.id] else "") <= letters for p in left):
                break  # no longer first name left to take letters from
        n = 0
        for p in left:  # the same first name (or initials given twice): numbered
            n += 1
            while f"{text}{n}" in taken:
                n += 1
            out[p.id] = f"{text}{n}"
            taken.add(out[p.id])
    return out


def _name_words(name: str | None) -> list[str]:
    """The words of a name that give initials (``Siti A. Aminah`` → ``Siti``, ``A``, ``Aminah``)."""
    return [w for w in (name or "").replace(".", " ").split() if w[:1].isalpha()]


def _longer_initials(words: list[str], letters: int) -> str:
    """The initials with the first name's first ``letters`` letters (``Dinda Sari``, 2 → ``DiS``);
    empty without a name to take them from."""
    if not words:
        return ""
    return words[0][0].upper() + words[0][1:letters].lower() + "".join(w[0].upper() for w in words[1:])


_UNDATED = (1, PartialDate(1))


def union_date_key(union: Union) -> tuple[int, PartialDate]:
    """Sort key of a union by its date: start, first event or end; undated last (a stable sort keeps
    the input order among equals)."""
    date = union.start or (union.history[0].year if union.history else None) or union.end
    return (0, date) if date is not None else _UNDATED


class Relationship(Record):
    """An emotional relationship between two people; directional kinds point from the first."""

    between: list[Id] = Field(min_length=2, max_length=2)
    kind: Annotated[RelationshipKind, _word_kind(RelationshipKind, RELATIONSHIP_WORDS, "relationship kind")]
    label: str | None = Field(None, description="a short note, drawn as a numbered note under the genogram")
    start: Date | None = Field(None, description="year the relationship began (for --as-of)")
    end: Date | None = Field(None, description="year it ended (for --as-of)")

    def active_in(self, year: int) -> bool:
        """Did the relationship hold in ``year`` (by its start and end, where given)?"""
        return (self.start is None or self.start.year <= year) and (self.end is None or self.end.year > year)

    @property
    def directional(self) -> bool:
        return self.kind in DIRECTIONAL


def _overlap(a: Relationship, b: Relationship) -> bool:
    """Do two relationships hold in some year together (by their start and end years; open when not given)?

    >>> close = lambda start, end: Relationship(between=["A", "B"], kind="close", start=start, end=end)
    >>> _overlap(close(1990, None), close(None, None)), _overlap(close(1990, 2000), close(2000, None))
    (True, False)
    """
    first = max(a.start.year if a.start else -10**6, b.start.year if b.start else -10**6)
    last = min(a.end.year if a.end else 10**6, b.end.year if b.end else 10**6)
    return first < last


class Household(Record):
    """People who live together, drawn inside one dashed boundary."""

    id: str | None = None
    label: str | None = None
    members: list[Id] = Field(min_length=1)
    start: Date | None = Field(None, description="year they began to live together (for --as-of)")
    end: Date | None = Field(None, description="year the household ended (for --as-of)")

    def active_in(self, year: int) -> bool:
        """Did the household exist in ``year`` (by its start and end, where given)?"""
        return (self.start is None or self.start.year <= year) and (self.end is None or self.end.year > year)


def unknown_person(pid: str, people: list[Person], where: str = "") -> str:
    """The message for a reference to a person the family does not have: people are referred to
    by their ``id``, so a name written instead is pointed to its id, and a near miss gets a hint;
    ``where`` follows the id (the ecomap says " (not in the family section)").

    >>> people = [Person(id="AR", name="Arif"), Person(id="SR", name="Siti")]
    >>> unknown_person("arif", people)
    "unknown person 'arif': that is the name of 'AR'; refer to people by their id"
    >>> unknown_person("S", people)
    "unknown person 'S'; did you mean 'SR'?"
    """
    key = str(pid).strip().casefold()
    named = [p.id for p in people if p.name and p.name.strip().casefold() == key]
    if len(named) == 1:
        return f"unknown person '{pid}'{where}: that is the name of '{named[0]}'; refer to people by their id"
    near = difflib.get_close_matches(str(pid), [p.id for p in people], n=1, cutoff=0.5)
    return f"unknown person '{pid}'{where}" + (f"; did you mean '{near[0]}'?" if near else "")


#: what :class:`Family` works out once from its people and unions (``cached_property``): not copied
_CACHED = ("_index", "parent_graph", "_initials")


class Family(Record):
    """A whole family: the input of a genogram.

    >>> family = Family.model_validate({"people": [{"id": "K", "sex": "L"}, {"id": "S", "sex": "P"},
    ...     {"id": "PK", "sex": "P", "index": True}], "unions": [{"partners": ["K", "S"], "children": ["PK"]}]})
    >>> family.parents_of("PK"), family.person("S").sex
    (['K', 'S'], 'female')"""

    title: str | None = None
    as_of: Date | None = Field(None, description="date the genogram describes; ages are computed for it")
    birth_order: Literal["listed", "unknown"] = Field(
        "listed", description="listed: each union's children are listed oldest first and drawn so; unknown: "
        "the list tells no birth order (a pedigree table's rows), so a sibship without a birth date may be "
        "drawn in the order that crosses fewest lines (twins still side by side)")
    people: list[Person] = Field(default_factory=list)
    unions: list[Union] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    households: list[Household] = Field(default_factory=list)
    #: where each person stands in the file it was read from (``line 7`` of a pedigree table, ``entry 3``
    #: of a pedigreejs list), for warnings: set by the reader, empty for a case file
    _origins: dict[str, str] = PrivateAttr(default={})  # (each family its own copy; a factory cost pydantic a
    # signature look-up per family made)
    #: a father:/mother: shorthand naming a parent of the other sex, for :meth:`warnings`
    _shorthand_said: tuple[str, ...] = PrivateAttr(default=())

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Family:
        """Pydantic's ``model_validate`` (the README's entry point), whose errors are one
        :class:`~socialtools.errors.InputError` naming the record and field, as the readers' are,
        so that a caller catches one class.

        >>> Family.model_validate({"people": [{"id": "K", "birth": "1990-13-01"}]})
        Traceback (most recent call last):
        ...
        socialtools.errors.InputError: people[0] (id 'K'), field 'birth': month 13 is out of range
        """
        try:
            return super().model_validate(obj, **options)
        except ValidationError:
            from socialtools.io.loading import parse_model  # the readers' wording of the first problem

            parse_model(cls, obj)
            raise  # parse_model found no problem in what pydantic refused: pydantic's own error

    @model_validator(mode="after")
    def _check(self) -> Family:
        self._check_people()
        given = self._add_parent_shorthand()
        self._check_unions()
        self._check_other_references()
        self._check_ancestry(given)
        return self

    # -- validation -----------------------------------------------------------------
    def _check_people(self) -> None:
        seen: dict[str, int] = {}
        for i, p in enumerate(self.people):
            if p.id in seen:
                first = self.people[seen[p.id]]
                named = f" ({first.name})" if first.name else ""
                raise InputError(f"duplicate id '{p.id}': people[{seen[p.id]}]{named} has it too; give each "
                                 "person their own id", record=f"people[{i}]", field="id")
            seen[p.id] = i

    def _require(self, pid: str, record: str, field: str) -> None:
        if pid not in self._index:
            raise InputError(unknown_person(pid, self.people), record=record, field=field)

    def _add_parent_shorthand(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Each person's ``father``/``mother`` made a union with the child: the (parent, child)
        links so given, each with the record and field that gave it (for :meth:`_check_ancestry`)."""
        given: dict[tuple[str, str], tuple[str, str]] = {}
        # unions by their partners and the children each has, so that a sibship of 50,000 takes
        # linear time (a scan of every union's children per child was quadratic)
        by_partners: dict[tuple[str, ...], Union] = {}
        for u in self.unions:
            by_partners.setdefault(tuple(sorted(u.partners)), u)
        children: dict[int, set[str]] = {}
        people: dict[str, Person] | None = None  # (made when a shorthand is first met)
        said: list[str] = []
        for i, p in enumerate(self.people):
            if p.father is None and p.mother is None:
                continue
            record = f"people[{i}] (id '{p.id}')"
            for field, parent in (("father", p.father), ("mother", p.mother)):
                if parent is not None:
                    self._require(parent, record, field)
                    if parent == p.id:
                        raise InputError("is their own parent", record=record, field=field)
                    given[(parent, p.id)] = (record, field)
                    people = people if people is not None else {q.id: q for q in self.people}
                    other = "female" if field == "father" else "male"
                    if people[parent].sex == other and people[parent].gender is None:
                        said.append(f"family.{record}, field '{field}': '{parent}' is the {field}, but their sex "
                                    f"is {other} (a slip of father for mother? gender: says a trans parent)")
            partners = [x for x in (p.father, p.mother) if x is not None]
            union = by_partners.get(tuple(sorted(partners)))
            if union is None:
                union = Union(partners=partners, kind="unknown", children=[ChildLink(id=p.id)])
                self.unions.append(union)
                by_partners[tuple(sorted(partners))] = union
            else:
                known = children.get(id(union))
                if known is None:
                    known = children[id(union)] = {c.id for c in union.children}
                if p.id not in known:
                    union.children.append(ChildLink(id=p.id))
                    known.add(p.id)
            p.father = p.mother = None
        self._shorthand_said = tuple(said)
        return given

    def _check_unions(self) -> None:
        used: set[str] = set()
        bio_parents: dict[str, str] = {}  # child -> the record of the union that first gave its parents
        for i, u in enumerate(self.unions):
            named = u.id is not None
            if u.id is None:
                n = i + 1
                while f"u{n}" in used:
                    n += 1
                u.id = f"u{n}"
            if u.id in used:
                raise InputError(f"duplicate union id '{u.id}'", record=f"unions[{i}]", field="id")
            used.add(u.id)
            record = f"unions[{i}]" + (f" (id '{u.id}')" if named else "")
            for pid in u.partners:
                self._require(pid, record, "partners")
            if len(u.partners) == 2 and u.partners[0] == u.partners[1]:
                raise InputError(f"'{u.partners[0]}' cannot be in a union with themself",
                                 record=record, field="partners")
            if u.start and u.end and u.end.certainly_before(u.start):
                raise InputError(f"ends ({u.end}) before it starts ({u.start})", record=record, field="end")
            seen_children: set[str] = set()
            for c in u.children:
                self._require(c.id, record, "children")
                if c.id in u.partners:
                    raise InputError(f"'{c.id}' is a partner and a child of the same union",
                                     record=record, field="children")
                if c.id in seen_children:
                    raise InputError(f"child '{c.id}' is listed twice", record=record, field="children")
                seen_children.add(c.id)
                if c.relation == "biological":
                    if c.id in bio_parents:
                        raise InputError(
                            f"'{c.id}' has more than two biological parents ({bio_parents[c.id]} and "
                            f"{record}): mark one as adopted, foster or step",
                            record=record, field="children",
                        )
                    bio_parents[c.id] = record

    def _check_other_references(self) -> None:
        seen: dict[tuple[tuple[str, ...], str], list[int]] = {}
        for i, r in enumerate(self.relationships):
            record = f"relationships[{i}] ({r.kind})"
            for pid in r.between:
                self._require(pid, record, "between")
            if r.between[0] == r.between[1]:
                raise InputError("a relationship needs two different people", record=record, field="between")
            if r.start and r.end and r.end.certainly_before(r.start):
                raise InputError(f"ends ({r.end}) before it starts ({r.start})", record=record, field="end")
            pair = tuple(r.between) if r.directional else tuple(sorted(r.between))
            for j in seen.get((pair, r.kind), []):
                if _overlap(self.relationships[j], r):
                    raise InputError(
                        f"repeats relationships[{j}] ({r.kind} between {' and '.join(r.between)} at the same time): "
                        "remove one, or give each its start and end", record=record, field="between")
            seen.setdefault((pair, r.kind), []).append(i)
        for i, h in enumerate(self.households):
            if h.id is None:
                h.id = f"h{i + 1}"
            record = f"households[{i}]" + (f" ('{h.label}')" if h.label else "")
            listed: set[str] = set()
            for pid in h.members:
                self._require(pid, record, "members")
                if pid in listed:  # as a union's child listed twice: refused, not silently drawn once
                    raise InputError(f"member '{pid}' is listed twice", record=record, field="members")
                listed.add(pid)
            if h.start and h.end and h.end.certainly_before(h.start):
                raise InputError(f"ends ({h.end}) before it starts ({h.start})", record=record, field="end")

    def _check_ancestry(self, given: dict[tuple[str, str], tuple[str, str]]) -> None:
        """A person who is their own ancestor refused, the chain named, on the ``father``/``mother``
        field that made a link of it where one did (``given``), else on the person's ``children``."""
        if not self._has_cycle():
            return
        import networkx as nx  # imported here: it is heavy, and only the message about a cycle needs it

        graph = self.parent_graph
        cycle = nx.find_cycle(graph)
        who = cycle[0][0]
        chain = " → ".join([a for a, _ in cycle] + [who])
        for a, b in cycle:  # parent a → child b
            if (a, b) in given:
                record, field = given[(a, b)]
                raise InputError(f"makes {b} their own ancestor ({chain})", record=record, field=field)
        raise InputError(f"is their own ancestor ({chain})", record=f"person '{who}'", field="children")

    def _has_cycle(self) -> bool:
        """Does anyone descend from themself? (Kahn's topological sort over the unions, in linear time;
        the graph of :attr:`parent_graph` is only built to name the cycle.)"""
        children: dict[str, list[str]] = {}
        parents_left: dict[str, int] = {}
        for u in self.unions:
            kids = [c.id for c in u.children]
            for parent in u.partners:
                children.setdefault(parent, []).extend(kids)
                for kid in kids:
                    parents_left[kid] = parents_left.get(kid, 0) + 1
        ready = [pid for pid in children if pid not in parents_left]
        done = 0
        while ready:
            pid = ready.pop()
            done += 1
            for kid in children.get(pid, ()):
                parents_left[kid] -= 1
                if not parents_left[kid]:
                    ready.append(kid)
        return done < len(children.keys() | parents_left.keys())

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Family:
        """A copy (pydantic's), with what was worked out from this family's people left behind: a copy
        with other people (names hidden, a part of the family) would keep this family's initials.

        >>> f = Family.model_validate({"people": [{"id": "A", "name": "Dewi"}, {"id": "B", "name": "Dimas"}]})
        >>> f.initials_of("A"), f.model_copy(update={"people": [Person(id="A", name="Sri")]}).initials_of("A")
        ('De', 'S')
        """
        copy = super().model_copy(update=update, deep=deep)
        for name in _CACHED:
            copy.__dict__.pop(name, None)
        return copy

    # -- queries ----------------------------------------------------------------------
    @cached_property
    def _index(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def parent_graph(self) -> nx.DiGraph:
        """Directed graph parent → child over every union's children (all relations)."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(p.id for p in self.people)
        for u in self.unions:
            for parent in u.partners:
                for c in u.children:
                    graph.add_edge(parent, c.id)
        return graph

    def person(self, pid: str) -> Person:
        """The person with id ``pid`` (``KeyError`` when unknown)."""
        return self._index[pid]

    @cached_property
    def _initials(self) -> dict[str, str]:
        if not any(p.name or p.initials for p in self.people):  # nobody named (a pedigree table): each one's id
            return {p.id: p.id for p in self.people}
        return distinct_initials(self.people)

    def initials_of(self, pid: str) -> str:
        """The initials of the person ``pid`` as every output shows them when names are hidden: distinct
        in the whole family (see :func:`distinct_initials`; made once per family).

        >>> f = Family.model_validate({"people": [{"id": "A", "name": "Dewi"}, {"id": "B", "name": "Dimas"}]})
        >>> f.initials_of("A"), f.initials_of("B"), f.person("A").display_initials
        ('De', 'Di', 'D')
        """
        return self._initials[pid]

    def with_initials(self) -> Family:
        """This family with everyone's :meth:`initials_of` as their given ``initials`` (the same family
        when everyone's are so already), so that a part of it — the family in an earlier year — shows the
        same initials as the whole.

        >>> f = Family.model_validate({"people": [{"id": "A", "name": "Dewi"}, {"id": "B", "name": "Dimas"}]})
        >>> [p.initials for p in f.with_initials().people]
        ['De', 'Di']
        """
        if all(p.display_initials == self._initials[p.id] for p in self.people):
            return self
        data = self.model_dump()
        for row in data["people"]:
            row["initials"] = self._initials[row["id"]]
        return Family.model_validate(data).with_origins(self._origins)

    def parents_of(self, pid: str) -> list[str]:
        """Partners of every union that lists ``pid`` as a child."""
        return [p for u in self.unions if any(c.id == pid for c in u.children) for p in u.partners]

    def partners_in_union_order(self, pid: str) -> list[str]:
        """The partners of ``pid`` in the order of their unions, earliest first.

        The rule (McGoldrick/NSGC): a union is dated by its start, else its first event, else
        its end; undated unions follow the dated ones in input order. The layout places the
        first partner nearest to the person and the later ones further out.

        >>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
        ...     "unions": [{"partners": ["A", "C"], "start": 1986}, {"partners": ["A", "B"], "start": 1970}]})
        >>> f.partners_in_union_order("A")
        ['B', 'C']
        """
        out: list[str] = []
        for u in sorted((u for u in self.unions if pid in u.partners), key=union_date_key):
            for other in u.partners:
                if other != pid and other not in out:
                    out.append(other)
        return out

    def reference_date(self) -> PartialDate:
        """``as_of``, or today's year when the family does not say."""
        return self.as_of or PartialDate(dt.date.today().year)

    def _overlapping_marriages(self) -> list[str]:
        """A dated marriage of one person that begins within another of theirs that has a known end
        (its own end, or a partner's death): almost always a slip in a year (and it changes the
        family table: a 'stepfather' while the client's parents were married). A marriage whose end
        is not known is no evidence: an export often leaves out a divorce or a death."""
        spans: dict[str, list[tuple[int, int, int | None]]] = {}  # person → (union index, start, end)
        for i, u in enumerate(self.unions):
            if len(u.partners) != 2 or u.start is None or u.kind not in _MARRIAGES:
                continue
            ends = [d.year for d in (u.end, *(self._index[pid].death for pid in u.partners)) if d is not None]
            for pid in u.partners:
                spans.setdefault(pid, []).append((i, u.start.year, min(ends) if ends else None))
        out = []
        for pid, mine in spans.items():
            for i, start, _ in mine:
                for j, s2, e2 in mine:
                    if j != i and e2 is not None and (s2, j) < (start, i) and start < e2:
                        other = next(p for p in self.unions[j].partners if p != pid)
                        out.append(f"family.{self._union_at(i)}, field 'start': {start} is within the marriage "
                                   f"{self._union_at(j)} "
                                   f"of '{pid}' ({s2}–{e2}, with '{other}'): check the years")
        return out

    def _union_at(self, i: int) -> str:
        """``unions[3]``, with the union's id where the input gave one of its own (a GEDCOM family's
        ``F12``: the reader finds ``@F12@``), not one numbered ``u4`` for it."""
        uid = self.unions[i].id
        return f"unions[{i}]" + (f" (id '{uid}')" if uid and not _NUMBERED_UNION.fullmatch(uid) else "")

    def _repeated_couples(self) -> list[str]:
        """A couple written as two unions (a marriage, then its divorce as a second record): two
        lines drawn on top of each other, the second's kind written over the first's dates."""
        first: dict[tuple[str, ...], int] = {}
        out = []
        for i, u in enumerate(self.unions):
            couple = tuple(sorted(u.partners))
            if len(couple) == 2 and couple in first:
                out.append(f"family.{self._union_at(i)}, field 'partners': repeats the couple "
                           f"{' and '.join(u.partners)} of {self._union_at(first[couple])}, drawn as two lines on "
                           "top of each other: write one union with its history, e.g. events: "
                           "[menikah 1980, cerai 1990]")
            first.setdefault(couple, i)
        return out

    def _lone_twins(self) -> list[str]:
        """A twin group with one child in its union (a typo in ``twin``: 'a' and 'b' for one pair):
        drawn as an ordinary sibling, so it is said."""
        out = []
        for i, u in enumerate(self.unions):
            groups = [c.twin for c in u.children if c.twin]
            for j, c in enumerate(u.children):
                if c.twin and groups.count(c.twin) == 1:
                    out.append(f"family.{self._union_at(i)}.children[{j}] (id '{c.id}'), field 'twin': twin group "
                               f"'{c.twin}' has only one child: give both twins the same label")
        return out

    def _out_of_birth_order(self) -> list[str]:
        """A union's children listed against their birth years (every child has one): drawn by the
        years (eldest left), so it is said; twins listed apart are drawn side by side."""
        out = []
        born = {p.id: p.birth.year for p in self.people if p.birth is not None}
        for i, u in enumerate(self.unions):
            years = [born.get(c.id) for c in u.children]
            if len(years) > 1 and None not in years and years != sorted(years):  # type: ignore[type-var]
                out.append(f"family.{self._union_at(i)}.children: listed out of birth order "
                           f"({', '.join(f'{c.id} {y}' for c, y in zip(u.children, years, strict=True))}); "
                           "drawn eldest first, by the years")
        return out

    def _impossible_ages(self) -> list[str]:
        """Someone alive (no death, not ``deceased``) older than anyone lives: born more than
        :data:`MAX_LIVING_AGE` years before the family's ``as_of`` (no age is drawn) or given such an
        ``age`` (drawn as given) — a death left out, or a slip in the year. Without ``as_of`` (a
        genealogy's family, its old generations' deaths often left out) a birth year is not warned.

        >>> Family.model_validate({"as_of": 2024, "people": [{"id": "A", "birth": 1890}]})._impossible_ages()
        ["family.people[0] (id 'A'), field 'birth': 1890 makes 'A' 134 at the family's as_of (2024), alive: \
no age is drawn; give the death (or deceased: yes), or correct the year"]
        """
        when = self.reference_date()
        out = []
        for i, p in enumerate(self.people):
            if p.deceased or p.death is not None or p.kind != "person" or (p.birth is None and p.age is None):
                continue
            where = f"family.people[{i}] (id '{p.id}')"
            years = p.birth.years_until(when) if p.birth is not None and self.as_of is not None else 0
            if years > MAX_LIVING_AGE:
                out.append(f"{where}, field 'birth': {p.birth} makes '{p.id}' {years} at the family's as_of "
                           f"({when.year}), alive: no age is drawn; give the death (or deceased: yes), or correct "
                           "the year")
            elif p.birth is None and p.age is not None and p.age > MAX_LIVING_AGE:
                out.append(f"{where}, field 'age': {p.age} for someone alive is older than anyone lives (at most "
                           f"{MAX_LIVING_AGE}): correct the age, or give the death (or deceased: yes)")
            elif p.birth is not None and p.age is not None and self.as_of is not None \
                    and abs(years - p.age) > (3 if p.birth.approximate or p.age_approximate else 1):
                # both written, and they disagree (the age is only read where no birth is known)
                out.append(f"{where}, field 'age': {p.age} does not fit the birth {p.birth.display()} (which makes "
                           f"'{p.id}' {years} at the family's as_of, {when.year}): the age from the birth is drawn; "
                           "correct one of them, or leave the age out")
        return out

    def _future_dates(self) -> list[str]:
        """Dates after the family's ``as_of`` (a typo like 2208 for 2008; without ``as_of``, after this
        year): a person born then, a union, an event, a relationship, a household or a condition
        that began then. The genogram of the family at its date leaves them out, so it says so."""
        limit = self.as_of.year if self.as_of is not None else dt.date.today().year
        said = "the family's as_of" if self.as_of is not None else "this year"
        gone = " is not drawn" if self.as_of is not None else ""
        out = []

        def late(where: str, date: PartialDate | None, what: str, slack: int = 0) -> None:
            if date is not None and date.year > limit + slack:
                out.append(f"family.{where}: {date} is after {said} ({limit})" + (f": {what}{gone}" if gone else ""))

        for i, p in enumerate(self.people):
            field, born = ("birth", p.birth) if p.birth is not None or p.kind not in LOSSES else ("death", p.death)
            if born is not None:  # (the place named only for a date: most of a pedigree table's people have none)
                late(f"people[{i}] (id '{p.id}'), field '{field}'", born, f"'{p.id}'",
                     slack=p.kind == "pregnancy")  # a birth expected next year
            if field == "birth" and p.death is not None and p.death.year > limit:  # (a loss is dated by its death)
                out.append(f"family.people[{i}] (id '{p.id}'), field 'death': {p.death} is after {said} ({limit})"
                           + (f": '{p.id}' is drawn alive" if gone else ""))
            for j, c in enumerate(p.conditions):
                late(f"people[{i}] (id '{p.id}').conditions[{j}], field 'start'", c.start, f"'{c.name}'")
        for i, u in enumerate(self.unions):
            if u.events:
                for j, e in enumerate(u.events):
                    late(f"{self._union_at(i)}.events[{u.listed_at(j)}], field 'year'", e.year, f"'{e.kind}'")
            elif u.start is not None:
                late(f"{self._union_at(i)}, field 'start'", u.start, "the union's start")
        for i, r in enumerate(self.relationships):
            late(f"relationships[{i}] ({r.kind}), field 'start'", r.start, "the relationship")
        for i, h in enumerate(self.households):
            late(f"households[{i}], field 'start'", h.start, "the household")
        return out

    def _history_warnings(self) -> list[str]:
        """Union histories that contradict the people: a widowhood in another year than a partner's
        death (or with both partners alive), a reconciliation with no separation or divorce before it."""
        out = []
        for i, u in enumerate(self.unions):
            if len(u.partners) < 2 or not (u.events or u.kind == "widowed"):  # cheap for a 30,000-person table
                continue
            people = [self._index[pid] for pid in u.partners]
            history = u.history
            for j, e in enumerate(history):
                where = (f"family.{self._union_at(i)}.events[{u.listed_at(j)}], field 'year'" if u.events
                         else f"family.{self._union_at(i)}, field 'end'")
                if e.kind == "widowed" and not e.year.approximate:
                    deaths = [(p.id, p.death) for p in people if p.death is not None]
                    if deaths and not any(d.year == e.year.year or d.approximate for _, d in deaths):
                        died = " and ".join(f"'{pid}' died in {d}" for pid, d in deaths)
                        out.append(f"{where}: widowed in {e.year}, but {died}")
                    elif not any(p.deceased for p in people):
                        out.append(f"{where}: widowed in {e.year}, but neither '{people[0].id}' nor "
                                   f"'{people[1].id}' has died (give the death of one)")
                    elif not deaths and sum(p.deceased for p in people) == 1:  # the year is known: say it
                        dead = next(p for p in people if p.deceased)
                        out.append(f"family.people[{self.people.index(dead)}] (id '{dead.id}'), field 'death': "
                                   f"deceased without a year, but unions[{i}] says widowed in {e.year}: "
                                   f"write death: {e.year} to show it")
                elif e.kind == "reconciled" and u.events and not any(
                        x.kind in ("separated", "divorced") for x in history[:j]):
                    out.append(f"{where}: reconciled in {e.year} with no separation or divorce before it")
                if j and e.kind in ENDING_KINDS and history[j - 1].kind in _FINAL_KINDS:
                    before = history[j - 1]
                    out.append(f"{where}: {e.kind} in {e.year} after {before.kind} in {before.year}: a union that "
                               f"has ended cannot end again (drawn as {u.kind}); check the years")
        return out

    def contradictions(self) -> list[InputError]:
        """Dates that cannot all be true, each an :class:`~socialtools.errors.InputError` naming the
        record and field: a union event (or start, end) before a partner's birth; an emotional
        relationship or a condition dated before the person's birth or beginning after their death;
        twins born two or more years apart. Approximate dates are not held to it. A case file is
        refused for the first (read leniently, each is a warning); an imported genealogy file (GEDCOM,
        a pedigree table) is never refused for them: :meth:`warnings` names each.

        >>> family = Family.model_validate({"people": [{"id": "A", "birth": 1990}, {"id": "B", "birth": 1960}],
        ...     "unions": [{"partners": ["A", "B"], "events": [{"married": 1985}]}]})
        >>> [str(e) for e in family.contradictions()]
        ["unions[0].events[0], field 'year': married (1985) is before the birth of 'A' (1990)"]
        """
        out: list[InputError] = []
        index = self._index

        def certain(date: PartialDate | None) -> PartialDate | None:
            return date if date is not None and not date.approximate else None

        def unborn(pids: Iterable[str], date: PartialDate) -> list[str]:
            return [f"'{pid}' ({index[pid].birth})" for pid in pids
                    if (born := certain(index[pid].birth)) is not None and date.certainly_before(born)]

        for i, u in enumerate(self.unions):
            if not any(index[pid].birth for pid in u.partners):
                continue  # (most unions of a large pedigree table)
            dated = ([(j, e.kind, e.year) for j, e in enumerate(u.events)] if u.events else
                     [(-1, name, date) for name, date in (("start", u.start), ("end", u.end)) if date is not None])
            for j, what, date in dated:
                before = [] if date.approximate else unborn(u.partners, date)
                if before:
                    record, field, what = ((f"{self._union_at(i)}.events[{u.listed_at(j)}]", "year", what) if j >= 0
                                           else (self._union_at(i), what, f"the union's {what}"))
                    out.append(InputError(f"{what} ({date}) is before the birth of {' and '.join(before)}",
                                          record=record, field=field))
        for i, r in enumerate(self.relationships):
            for field, date in (("start", certain(r.start)), ("end", certain(r.end))):
                if date is None:
                    continue
                before = unborn(r.between, date)
                if before:
                    out.append(InputError(f"{date} is before the birth of {' and '.join(before)}",
                                          record=f"relationships[{i}] ({r.kind})", field=field))
                    break
                dead = [f"'{pid}' ({index[pid].death})" for pid in r.between if field == "start"
                        and index[pid].kind not in LOSSES and (death := certain(index[pid].death)) is not None
                        and death.certainly_before(date)]
                if dead:
                    out.append(InputError(f"{date} is after the death of {' and '.join(dead)}",
                                          record=f"relationships[{i}] ({r.kind})", field=field))
        for i, p in enumerate(self.people):
            born, died = certain(p.birth), certain(p.death)
            for j, c in enumerate(p.conditions):
                start = certain(c.start)
                if start is None:
                    continue
                record = f"people[{i}] (id '{p.id}').conditions[{j}]"
                if born is not None and start.certainly_before(born):
                    out.append(InputError(f"'{c.name}' began in {start}, before the birth of '{p.id}' ({born})",
                                          record=record, field="start"))
                elif died is not None and died.certainly_before(start):
                    out.append(InputError(f"'{c.name}' began in {start}, after the death of '{p.id}' ({died})",
                                          record=record, field="start"))
        for i, u in enumerate(self.unions):
            for j, c, other in self._twin_pairs(u):
                first, second = certain(index[other.id].birth), certain(index[c.id].birth)
                if first is not None and second is not None and abs(first.year - second.year) >= 2:
                    out.append(InputError(f"twin of '{other.id}' (born {first}), but born in {second}",
                                          record=f"{self._union_at(i)}.children[{j}] (id '{c.id}')", field="twin"))
        return out

    def _twin_pairs(self, union: Union) -> list[tuple[int, ChildLink, ChildLink]]:
        """Each child of a twin group after its first (its place in ``union.children``), with that first twin."""
        first: dict[str, ChildLink] = {}
        out = []
        for j, c in enumerate(union.children):
            if c.twin:
                if c.twin in first:
                    out.append((j, c, first[c.twin]))
                first.setdefault(c.twin, c)
        return out

    def _plausibility_warnings(self) -> list[str]:
        """Possible but doubtful: a partner aged under 14 at the start of a union, twins born in two
        (neighbouring) years, identical twins of different sex, a union of full siblings or of a
        parent and their child that is not marked consanguineous."""
        out = []
        index = self._index
        bio: dict[str, tuple[str, ...]] = {}  # a child's biological parents
        for u in self.unions:
            for c in u.children:
                if c.relation == "biological":
                    bio[c.id] = tuple(sorted(u.partners))
        for i, u in enumerate(self.unions):
            start = u.start if u.start is not None and not u.start.approximate else None
            young = [(pid, start.year - born.year) for pid in u.partners if start is not None and
                     (born := index[pid].birth) is not None and not born.approximate
                     and 0 <= start.year - born.year < 14]
            for pid, age in young:
                field = (f"family.{self._union_at(i)}.events[{u.listed_at(0)}], field 'year'" if u.events
                         else f"family.{self._union_at(i)}, field 'start'")
                out.append(f"{field}: '{pid}' would be {age} at the start of the union ({start}): check the years")
            if len(u.partners) == 2 and not u.consanguineous:
                a, b = u.partners
                kin = ("sibling" if len(bio.get(a, ())) == 2 and bio.get(a) == bio.get(b) else
                       "parent–child" if a in bio.get(b, ()) or b in bio.get(a, ()) else None)
                if kin:
                    out.append(f"family.{self._union_at(i)}, field 'partners': {kin} union of '{a}' and '{b}': check "
                               "the case file (write consanguineous: true if it is right)")
            for j, c, other in self._twin_pairs(u):
                me, twin = index[c.id], index[other.id]
                child = f"family.{self._union_at(i)}.children[{j}] (id '{c.id}'), field 'twin'"
                if (c.identical or other.identical) and "unknown" not in (me.sex, twin.sex) and me.sex != twin.sex:
                    out.append(f"{child}: identical twins '{other.id}' ({twin.sex}) and '{c.id}' ({me.sex}) "
                               "of different sex: check the sex or the identical mark")
                if (me.birth and twin.birth and not (me.birth.approximate or twin.birth.approximate)
                        and abs(me.birth.year - twin.birth.year) == 1):
                    out.append(f"{child}: twins '{other.id}' ({twin.birth}) and '{c.id}' ({me.birth}) "
                               "born in different years: check the years")
        return out

    def warnings(self) -> list[str]:
        """Doubtful but possible facts: a child born before a parent, a parent aged under 12,
        several index persons, a union history that contradicts a death (see :meth:`_history_warnings`),
        a partner under 14, a sibling union (see :meth:`_plausibility_warnings`), anything dated after
        ``as_of``; and each of :meth:`contradictions` (a case file read leniently, an imported file)."""
        out = []
        for i, p in enumerate(self.people):
            if len(p.conditions) > 4:
                extra = ", ".join(c.name for c in p.conditions[4:])
                out.append(f"family.people[{i}] (id '{p.id}'), field 'conditions': {len(p.conditions)} conditions: "
                           "a symbol has four quadrants, "
                           f"so {extra} {'is' if len(p.conditions) == 5 else 'are'} written under the person "
                           "only with --labels ...,conditions")
        out += self._shorthand_said
        out += self._history_warnings()
        out += [f"family.{e}" for e in self.contradictions()]
        out += self._plausibility_warnings()
        out += self._repeated_couples()
        out += self._overlapping_marriages()
        out += self._future_dates()
        out += self._lone_twins()
        out += self._out_of_birth_order()
        index = [p.id for p in self.people if p.index]
        if len(index) > 1:
            more = f" and {len(index) - 10} more" if len(index) > 10 else ""  # a studbook's 'target' column
            out.append(f"{len(index)} people are marked as the index person (client): {', '.join(index[:10])}{more}")
        out += self._impossible_ages()
        place = {p.id: i for i, p in enumerate(self.people)}
        for u in self.unions:
            for c in u.children:
                child = self._index[c.id]
                if not child.birth or c.relation != "biological":
                    continue  # (most children of a large pedigree table: no birth to compare)
                for pid in u.partners:
                    parent = self._index[pid]
                    if parent.birth:
                        gap = child.birth.year - parent.birth.year
                        if gap < 0:
                            out.append(f"family.people[{place[child.id]}] (id '{child.id}'), field 'birth': born "
                                       f"({child.birth}) before their parent '{parent.id}' ({parent.birth})")
                        elif gap < 12:
                            out.append(f"family.people[{place[pid]}] (id '{pid}'), field 'birth': would be {gap} "
                                       f"at the birth of '{child.id}'")
        return [self._at_origin(w) for w in out] if self._origins else out

    def with_origins(self, origins: dict[str, str]) -> Family:
        """This family, its warnings naming people and unions as the file read names them
        (``origins``: a person's id → ``line 5 (id '3')`` of a table, ``entry 2 (name 'c')`` of a
        list, ``person @I4@ (line 30)`` of GEDCOM; ``union:<id>`` → ``family @F5@ (line 262)``)
        rather than by their place in the model (``family.people[2]``, ``family.unions[4]``).

        >>> family = Family.model_validate({"people": [{"id": "A", "birth": 1990}, {"id": "B", "birth": 1995}],
        ...     "unions": [{"partners": ["A"], "children": ["B"]}]})
        >>> family.with_origins({"A": "line 2 (id 'A')", "B": "line 3 (id 'B')"}).warnings()
        ["line 2 (id 'A'), field 'birth': would be 5 at the birth of 'B' (line 3)"]
        """
        self._origins = dict(origins)
        return self

    def __eq__(self, other: object) -> bool:
        """Families are equal when what they say is equal; where they were read from (:attr:`origins`)
        is no part of it (a family written to GEDCOM and read back is the same family)."""
        if not isinstance(other, Family):
            return NotImplemented
        return self.__dict__ == other.__dict__ and self.__pydantic_extra__ == other.__pydantic_extra__

    __hash__ = None  # type: ignore[assignment]  # (mutable, as every model)

    @property
    def origins(self) -> dict[str, str]:
        """Where each person and union stands in the file read (see :meth:`with_origins`)."""
        return self._origins

    def _at_origin(self, warning: str) -> str:
        """``warning`` with the people and unions it names by their place in the model named by
        their place in the file read (see :meth:`with_origins`)."""
        origins = self._origins

        def person(match: re.Match[str]) -> str:
            return origins.get(match.group(1), match.group(0))

        def union(match: re.Match[str]) -> str:
            u = self.unions[int(match.group(1))] if int(match.group(1)) < len(self.unions) else None
            if u is None:
                return match.group(0)
            own = origins.get(f"union:{u.id}")
            if own is not None:  # (a GEDCOM family record)
                return own + (match.group(2) or "")
            lines = [origins[c.id].split(" (")[0] for c in u.children if c.id in origins]
            if not lines or not match.group(0).startswith("family."):
                return match.group(0)
            rows = lines[0] if len(lines) == 1 else "lines " + ", ".join(x.split()[-1] for x in lines) \
                if all(x.startswith("line ") for x in lines) else ", ".join(lines)
            return f"{rows} (the children of {' and '.join(repr(p) for p in u.partners)})"

        def other(match: re.Match[str]) -> str:
            place = origins.get(match.group(1))
            if place is None:
                return match.group(0)
            return place.removeprefix("person ") if place.startswith("person @") else \
                f"{match.group(0)} ({place.split(' (')[0]})"

        warning = _ORIGIN_PERSON.sub(person, warning)
        warning = _ORIGIN_UNION.sub(union, warning)
        warning = _ORIGIN_LEAD.sub(person, warning, count=1)
        return _ORIGIN_OTHER.sub(other, warning)
