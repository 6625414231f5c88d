"""The ecomap model: a focal circle, the systems around it and the ties between them.

The focal circle holds the client or a household; its ``members`` are person ids of the
family model (:class:`socialtools.genogram.model.Family`) of the same case document, so a
household is typed once and drawn both in the genogram and inside the ecomap.

A tie joins a ``system`` to the whole focal circle (``to`` left out), to one focal member
(``to: PK``) or to another system (``to: <system id>``). ``flow`` says where energy and
resources go: ``to_focal`` means towards the ``to`` end (the focal circle, the member, or
the second system), ``from_focal`` towards ``system``.

>>> eco = Ecomap.model_validate({
...     "focal": {"label": "PK"},
...     "systems": [{"id": "peers", "name": "Teman", "category": "friends"}],
...     "ties": [{"system": "peers", "strength": "strong", "level": 2, "flow": "both"}],
... })
>>> tie = eco.ties[0]
>>> tie.strength, tie.level, tie.quality, tie.target
('strong', 2, ('positive',), 'focal')
>>> eco.system("peers").colour
'#2e86c1'
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, WithJsonSchema, model_validator

from socialtools.draw.colours import Colour
from socialtools.errors import InputError
from socialtools.genogram.model import Family, Id, unknown_person
from socialtools.records import Record

FOCAL = "focal"

# key: (default colour, Indonesian name, English name)
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "family": ("#c0392b", "Keluarga", "Family"),
    "extended_family": ("#e67e22", "Keluarga besar", "Extended family"),
    "friends": ("#2e86c1", "Teman/sebaya", "Friends/peers"),
    "education": ("#8e44ad", "Pendidikan", "Education"),
    "work": ("#7f6000", "Pekerjaan/pelatihan", "Work/training"),
    "health": ("#16a085", "Kesehatan", "Health"),
    "religion": ("#1e8449", "Agama", "Religion"),
    "social_services": ("#2874a6", "Layanan sosial", "Social services"),
    "institution": ("#6c3483", "Lembaga/panti", "Residential institution"),
    "recreation": ("#d4ac0d", "Rekreasi", "Recreation"),
    "community": ("#a04000", "Masyarakat", "Community"),
    "government": ("#566573", "Pemerintah/hukum", "Government/legal"),
    "other": ("#b03a6f", "Lainnya", "Other"),
}
CUSTOM_COLOUR = "#7b7d7d"

_CATEGORY_ALIASES = {
    "extended": "extended_family",
    "keluarga": "family",
    "keluarga_besar": "extended_family",
    "friend": "friends",
    "peers": "friends",
    "peer": "friends",
    "teman": "friends",
    "sebaya": "friends",
    "school": "education",
    "pendidikan": "education",
    "sekolah": "education",
    "job": "work",
    "pekerjaan": "work",
    "pelatihan": "work",
    "vocational": "work",
    "health_care": "health",
    "kesehatan": "health",
    "faith": "religion",
    "agama": "religion",
    "social_service": "social_services",
    "services": "social_services",
    "layanan_sosial": "social_services",
    "residential": "institution",
    "residential_institution": "institution",
    "panti": "institution",
    "lembaga": "institution",
    "rekreasi": "recreation",
    "leisure": "recreation",
    "community_groups": "community",
    "masyarakat": "community",
    "legal": "government",
    "government_legal": "government",
    "pemerintah": "government",
    "hukum": "government",
    "lainnya": "other",
    "lain": "other",
    "lain_lain": "other",
    "others": "other",
    # what students write for a category: the name of a typical system of it
    "keluarga_inti": "family",
    "kerabat": "extended_family",
    "saudara": "extended_family",
    "teman_sebaya": "friends",
    "sahabat": "friends",
    "kerja": "work",
    "tempat_kerja": "work",
    "puskesmas": "health",
    "rumah_sakit": "health",
    "klinik": "health",
    "posyandu": "health",
    "masjid": "religion",
    "gereja": "religion",
    "ibadah": "religion",
    "keagamaan": "religion",
    "dinas_sosial": "social_services",
    "dinsos": "social_services",
    "bansos": "social_services",
    "pelayanan_sosial": "social_services",
    "hobi": "recreation",
    "olahraga": "recreation",
    "tetangga": "community",
    "lingkungan": "community",
    "organisasi": "community",
    "komunitas": "community",
    "kelompok": "community",
    "kelompok_masyarakat": "community",
    "arisan": "community",
    "pkk": "community",
    "karang_taruna": "community",
    "pemerintahan": "government",
    "desa": "government",
    "kelurahan": "government",
    "polisi": "government",
}

Strength = Literal["strong", "moderate", "weak", "tenuous"]
Quality = Literal["positive", "stressful", "conflictual", "broken"]
Flow = Literal["none", "to_focal", "from_focal", "both"]

_STRENGTH_ALIASES = {
    "strong": "strong",
    "kuat": "strong",
    "moderate": "moderate",
    "normal": "moderate",
    "sedang": "moderate",
    "cukup": "moderate",
    "weak": "weak",
    "tenuous": "tenuous",
    "lemah": "weak",
    "renggang": "tenuous",
    "rapuh": "tenuous",
    "sangat_kuat": "strong",  # with level 3 (see Tie)
    "very_strong": "strong",
    "erat": "strong",
    "cukup_kuat": "moderate",
    "biasa": "moderate",
    "sangat_lemah": "tenuous",
    "very_weak": "tenuous",
    "agak_lemah": "weak",
    "kurang": "weak",
}
_VERY_STRONG = ("sangat_kuat", "very_strong")
_QUALITY_ALIASES = {
    "positive": "positive",
    "positif": "positive",
    "neutral": "positive",
    "stressful": "stressful",
    "stress": "stressful",
    "stres": "stressful",
    "conflictual": "conflictual",
    "conflict": "conflictual",
    "konflik": "conflictual",
    "broken": "broken",
    "cutoff": "broken",
    "cut-off": "broken",
    "cut_off": "broken",
    "terputus": "broken",
    "putus": "broken",
    "penuh_tekanan": "stressful",
    "tertekan": "stressful",
    "tegang": "stressful",
    "bertentangan": "conflictual",
    "baik": "positive",
}
_FLOW_ALIASES = {
    "none": "none",
    "": "none",
    "to_focal": "to_focal",
    "in": "to_focal",
    "to": "to_focal",
    "from_focal": "from_focal",
    "out": "from_focal",
    "from": "from_focal",
    "both": "both",
    "two_way": "both",
    "mutual": "both",
    "<->": "both",
    "dua_arah": "both",
    "timbal_balik": "both",
    "ke_klien": "to_focal",
    "ke_fokal": "to_focal",
    "dari_klien": "from_focal",
    "dari_fokal": "from_focal",
}


def _words_schema(aliases: dict[str, str]) -> WithJsonSchema:
    """A JSON Schema listing every word the validator accepts (editors check YAML with it)."""
    words = sorted({w for w in aliases if w} | {w.capitalize() for w in aliases if w})
    return WithJsonSchema({"enum": words})


def _word(aliases: dict[str, str], what: str) -> Any:
    def check(value: Any) -> Any:
        if value is None:
            return value
        key = str(value).strip().lower().replace(" ", "_")
        if key in aliases:
            return aliases[key]
        if key.replace("_", "-") in aliases:
            return aliases[key.replace("_", "-")]
        order = list(_INDONESIAN)
        names = sorted(set(aliases.values()), key=lambda n: (order.index(n) if n in order else len(order), n))
        close = difflib.get_close_matches(key, [a for a in aliases if a], n=1, cutoff=0.7)
        hint = f" (did you mean '{close[0].replace('_', ' ')}'?)" if close else ""
        choices = ", ".join(f"{_INDONESIAN[n]} ({n})" if n in _INDONESIAN else n for n in names)
        raise ValueError(f"'{value}' is not a {what}{hint}: use one of {choices}")

    return BeforeValidator(check)


#: the Indonesian word an error message names beside each English one ("kuat (strong)")
_INDONESIAN = {"strong": "kuat", "moderate": "sedang", "weak": "lemah", "tenuous": "renggang",
               "positive": "positif", "stressful": "stres", "conflictual": "konflik", "broken": "terputus",
               "to_focal": "ke klien", "from_focal": "dari klien", "both": "dua arah"}


QUALITY_ORDER: tuple[str, ...] = ("positive", "stressful", "conflictual", "broken")


def _qualities(value: Any) -> Any:
    """One quality or several (``[stressful, conflictual]``, ``stressful, conflictual``,
    ``stres dan konflik``) as a tuple in a fixed order; ``positive`` only when alone.

    >>> _qualities("stres dan konflik"), _qualities(["broken", "positive"]), _qualities(None)
    (('stressful', 'conflictual'), ('broken',), None)
    """
    if value is None:
        return None
    items = list(value) if isinstance(value, list | tuple) else [value]
    words: list[str] = []
    for item in items:
        text = str(item).strip().lower()
        for sep in (",", "+", ";", "/", " and ", " dan ", " & "):
            text = text.replace(sep, "|")
        words += [w for w in (part.strip() for part in text.split("|")) if w]
    if not words:
        return ("positive",)
    check = _word(_QUALITY_ALIASES, "quality").func
    found = {check(w) for w in words}
    if len(found) > 1:
        found.discard("positive")
    return tuple(q for q in QUALITY_ORDER if q in found)


QUALITY_SCHEMA = WithJsonSchema(
    {
        "description": "one quality or a list of them, e.g. [stressful, conflictual]",
        "anyOf": [
            {"enum": sorted(set(_QUALITY_ALIASES) | {w.capitalize() for w in _QUALITY_ALIASES})},
            {
                "type": "array",
                "items": {"enum": sorted(set(_QUALITY_ALIASES) | {w.capitalize() for w in _QUALITY_ALIASES})},
            },
            {"type": "string"},
        ],
    }
)
Qualities = Annotated[tuple[Quality, ...], BeforeValidator(_qualities), QUALITY_SCHEMA]


def _very_strong(data: Any) -> Any:
    """``strength: sangat kuat`` (very strong) is a strong tie of level 3 unless a level is given."""
    if isinstance(data, dict) and "level" not in data:
        word = str(data.get("strength", "")).strip().lower().replace(" ", "_").replace("-", "_")
        if word in _VERY_STRONG:
            return {**data, "level": 3}
    return data


def _sign(value: Any) -> Any:
    if value is None:
        return None
    text = str(value).strip().replace("\u2212", "-")
    if text in ("+", "-", "+/-"):
        return text
    raise ValueError(f"'{value}' is not a sign: use '+', '-' or '+/-'")


def _text(value: Any) -> Any:
    """Dates and numbers as written (YAML reads ``2024-09-27`` as a date)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ValueError("expected text, e.g. a date like 2024-09-27")
    return str(value)


Text = Annotated[str | None, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number", "integer", "null"]})]
FOCAL_SCHEMA: dict[str, Any] = {
    "description": "the client or household in the centre: a label (a bare text is short for it) "
    "and/or members, person ids of the family section",
    "anyOf": [
        {
            "type": "object",
            "properties": {
                "label": {"type": ["string", "null"]},
                "members": {"type": "array", "items": {"type": ["string", "integer"]}},
            },
            "additionalProperties": False,
        },
        {"type": ["string", "integer"]},
    ],
}
SIGN_SCHEMA = WithJsonSchema({"anyOf": [{"enum": ["+", "-", "+/-", "\u2212"]}, {"type": "null"}]})


def normal_category(value: str) -> str:
    """The vocabulary key of ``value`` (aliases and Indonesian names accepted), else ``value``.

    >>> normal_category("Sekolah"), normal_category("my club")
    ('education', 'my club')
    """
    key = value.strip().lower().replace(" ", "_").replace("/", "_").replace("-", "_")
    if key in CATEGORIES:
        return key
    return _CATEGORY_ALIASES.get(key, value.strip())


class Focal(Record):
    """The centre: a label (the client) and/or household members drawn as a small genogram."""

    label: str | None = None
    members: list[Id] = Field(default_factory=list, description="person ids of the family section")


class System(Record):
    """One system around the focal circle.

    A system can be a family member outside the household (``person: E``, a person id of
    the family section): its name, sex and age come from the family, its id defaults to
    the person id and its category to ``extended_family`` (``family`` for a parent, child
    or sibling of the client in the household: see :meth:`Ecomap.bind`).

    >>> System(id="puskesmas", category="kesehatan").category, System(person="E").category
    ('health', 'extended_family')
    """

    id: Id = Field("", description="defaults to 'person' for a family member")
    person: Id | None = Field(None, description="person id of the family section: a family member as a system")
    name: str | None = Field(None, description="label drawn in the circle (defaults to the id or the person's name)")
    category: str = ""
    colour: Colour | None = Field(None, description="overrides the category colour: a colour name or "
                                                    "#rgb/#rrggbb, e.g. '#2e86c1'")
    notes: str | None = None
    _defaults: tuple[bool, bool] = PrivateAttr((False, False))  # category, colour: not written

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        """A bare name (``- Puskesmas``) is a system whose id is that name."""
        return {"id": data} if isinstance(data, str | int) and not isinstance(data, bool) else data

    @model_validator(mode="after")
    def _normal(self) -> System:
        if not self.id:
            if self.person is None:
                raise InputError("a system needs an id (or a person of the family)", record="system", field="id")
            self.id = self.person
        self._defaults = (not self.category, self.colour is None)
        if not self.category:
            self.category = "extended_family" if self.person is not None else "community"
        self.category = normal_category(self.category)
        if not self.category:
            raise InputError("must not be empty", record=f"system '{self.id}'", field="category")
        if self.colour is None:
            self.colour = CATEGORIES.get(self.category, (CUSTOM_COLOUR,))[0]
        return self

    def close_family(self) -> None:
        """A member system with no category written that is a parent, child or sibling of the
        client (see :meth:`Ecomap.bind`): category ``family`` (its colour with it, unless one was written)."""
        category, colour = self._defaults
        if category:
            self.category = "family"
            if colour:
                self.colour = CATEGORIES["family"][0]

    @property
    def label(self) -> str:
        return self.name or self.id

    def label_for(self, family: Family | None) -> str:
        """The label drawn in the circle: the name given, else the person's name, else the
        role and initials (``Ibu S``)."""
        if self.name or self.person is None or family is None:
            return self.label
        person = family.person(self.person)
        if person.name:
            return person.name
        role = (person.role or "").strip()
        return f"{role[:1].upper()}{role[1:]} {person.display_initials}" if role else person.display_initials


class Tie(Record):
    """A tie of ``system`` to the focal circle, to one focal member, or to another system.

    ``strength``: strong (``level`` 1–3), moderate, weak or tenuous. ``quality``: positive,
    or one or more of stressful (laid over the strength), conflictual and broken (cut off),
    e.g. ``quality: [stressful, conflictual]``.

    >>> tie = Tie(system="rentenir", quality="stres", flow="from_focal", sign="−")
    >>> tie.quality, tie.sign, tie.key
    (('stressful',), '-', ('rentenir', 'focal'))
    """

    system: Id
    to: Id | None = Field(None, description="focal member id or system id; left out: the focal circle")
    strength: Annotated[Strength, _word(_STRENGTH_ALIASES, "strength"), _words_schema(_STRENGTH_ALIASES)] = "moderate"
    level: int = Field(1, ge=1, le=3, description="1–3 for strong ties")
    quality: Qualities = ("positive",)
    flow: Annotated[Flow, _word(_FLOW_ALIASES, "flow"), _words_schema(_FLOW_ALIASES)] = "none"
    label: str | None = None
    sign: Annotated[str | None, BeforeValidator(_sign), SIGN_SCHEMA] = None

    _level_of_very_strong = model_validator(mode="before")(_very_strong)

    def has(self, quality: str) -> bool:
        """True when the tie carries ``quality`` (a tie may carry several).

        >>> Tie(system="a", quality=["stressful", "conflictual"]).has("conflictual")
        True
        """
        return quality in self.quality

    @property
    def target(self) -> str:
        """``'focal'``, a member id or a system id: the other end of the tie."""
        return self.to if self.to is not None else FOCAL

    @property
    def key(self) -> tuple[str, str]:
        """The pair of ends that identifies the tie (the same in before and after)."""
        return (self.system, self.target)

    @property
    def stress(self) -> bool:
        return self.has("stressful")

    def describe(self) -> str:
        return f"{self.system} – {self.target}"


class TieChange(Record):
    """A change of one tie for the ``after`` state: the fields given replace the old ones.

    ``remove: true`` drops the tie; a change of a tie that does not exist adds it.
    """

    system: Id
    to: Id | None = None
    strength: Annotated[Strength | None, _word(_STRENGTH_ALIASES, "strength"), _words_schema(_STRENGTH_ALIASES)] = None
    level: int | None = Field(None, ge=1, le=3)
    quality: Qualities | None = None
    flow: Annotated[Flow | None, _word(_FLOW_ALIASES, "flow"), _words_schema(_FLOW_ALIASES)] = None
    label: str | None = None
    sign: Annotated[str | None, BeforeValidator(_sign), SIGN_SCHEMA] = None
    remove: bool = False

    _level_of_very_strong = model_validator(mode="before")(_very_strong)

    @property
    def key(self) -> tuple[str, str]:
        return (self.system, self.to if self.to is not None else FOCAL)


class After(Record):
    """The state at a later date (evaluation): changed, added or removed ties."""

    date: Text = None
    title: Text = None
    ties: list[TieChange] = Field(default_factory=list)


class Ecomap(Record):
    """A whole ecomap: the input of :class:`socialtools.ecomap.EcomapDiagram`.

    >>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "sekolah", "category": "pendidikan"}],
    ...     "ties": [{"system": "sekolah", "strength": "kuat", "flow": "dua arah"}]})
    >>> eco.systems[0].category, eco.ties[0].strength, eco.ties[0].flow
    ('education', 'strong', 'both')"""

    title: Text = None
    date: Text = Field(None, description="date the ecomap describes (free text, e.g. 2024-09-02)")
    drawn_by: Text = None
    focal: Annotated[Focal, WithJsonSchema(FOCAL_SCHEMA)] = Field(default_factory=Focal)
    systems: list[System] = Field(default_factory=list)
    ties: list[Tie] = Field(default_factory=list)
    group_by_category: bool = False
    after: After | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("focal"), str | int):
            value = {**value, "focal": {"label": str(value["focal"])}}
        return value

    @model_validator(mode="after")
    def _check(self) -> Ecomap:
        seen: set[str] = set()
        members = set(self.focal.members)
        if len(members) != len(self.focal.members):
            dup = next(m for m in self.focal.members if self.focal.members.count(m) > 1)
            raise InputError(f"member '{dup}' is listed twice", record="focal", field="members")
        for i, s in enumerate(self.systems):
            if s.id in seen:
                raise InputError(f"duplicate system id '{s.id}'", record=f"systems[{i}]", field="id")
            if s.person is not None and s.person in members:
                raise InputError(_listed_twice(s.person), record=f"systems[{i}] ({s.id})", field="person")
            if s.id == FOCAL or s.id in members:
                raise InputError(f"system id '{s.id}' is taken by the focal circle", record=f"systems[{i}]", field="id")
            seen.add(s.id)
        self._check_ties(self.ties, "ties")
        if self.after is not None:
            self._check_ties(self.after.ties, "after.ties")
        return self

    def _check_ties(self, ties: list[Any], where: str) -> None:
        systems = {s.id for s in self.systems}
        members = set(self.focal.members)
        keys: set[frozenset[str]] = set()
        for i, t in enumerate(ties):
            record = f"{where}[{i}] ({t.system} – {t.to or FOCAL})"
            if t.system not in systems:
                named = [s.id for s in self.systems if " ".join((s.name or "").split()).casefold()
                         == " ".join(str(t.system).split()).casefold()]
                hint = (
                    " (a focal member: put the system in 'system' and the member in 'to')"
                    if t.system in members
                    else f": a tie names its system by id: did you mean '{named[0]}' (named '{t.system}')?"
                    if named
                    else f" (the systems' ids: {', '.join(sorted(systems)[:10])}{', ...' if len(systems) > 10 else ''})"
                    if systems
                    else ""
                )
                raise InputError(f"unknown system '{t.system}'{hint}", record=record, field="system")
            if t.to is not None and t.to != FOCAL and t.to not in systems and t.to not in members:
                raise InputError(f"unknown system or focal member '{t.to}'", record=record, field="to")
            if t.to == t.system:
                raise InputError("a tie needs two different ends", record=record, field="to")
            if t.to == FOCAL:
                t.to = None
            pair = frozenset(t.key)
            if pair in keys and where == "ties":
                raise InputError(
                    "this tie is listed twice (a tie with several qualities takes a list: "
                    "quality: [stressful, conflictual])",
                    record=record,
                    field="to",
                )
            keys.add(pair)

    # -- queries ----------------------------------------------------------------------
    def system(self, sid: str) -> System:
        """The system with id ``sid`` (``KeyError`` when unknown)."""
        for s in self.systems:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def is_member(self, end: str) -> bool:
        return end in self.focal.members

    def categories_used(self) -> list[str]:
        """Categories of the systems, in vocabulary order then first use."""
        used = {s.category for s in self.systems}
        ordered = [c for c in CATEGORIES if c in used]
        return ordered + [c for c in dict.fromkeys(s.category for s in self.systems) if c not in CATEGORIES]

    def bind(self, family: Family | None) -> Ecomap:
        """Check the focal members against ``family``; return ``self``.

        >>> Ecomap.model_validate({"focal": {"members": ["X"]}}).bind(None)
        Traceback (most recent call last):
        ...
        socialtools.errors.InputError: focal, field 'members': member 'X' needs a family section ...
        """
        # the client's parents, children and siblings are close family (the other members' only
        # when no member is the index person): a grandmother is extended family
        clients = {m for m in self.focal.members if family is not None and m in family._index
                   and family.person(m).index} or set(self.focal.members)
        for i, s in enumerate(self.systems):
            if s.person is None:
                continue
            record = f"systems[{i}] ({s.id})"
            if family is None:
                raise InputError(
                    f"person '{s.person}' needs a family section to know who it is", record=record, field="person"
                )
            try:
                family.person(s.person)
            except KeyError:
                raise InputError(_unknown_person(s.person, family), record=record, field="person") from None
            if _close_kin(family, s.person, clients):
                s.close_family()
        for pid in self.focal.members:
            if family is None:
                raise InputError(
                    f"member '{pid}' needs a family section (or leave out 'members') to know who it is",
                    record="focal",
                    field="members",
                )
            try:
                family.person(pid)
            except KeyError:
                raise InputError(_unknown_person(pid, family), record="focal", field="members") from None
        return self

    def after_state(self) -> tuple[Ecomap, set[tuple[str, str]]]:
        """The ecomap at the ``after`` date and the keys of the ties that changed.

        >>> eco = Ecomap.model_validate({"systems": [{"id": "a"}], "ties": [{"system": "a",
        ...     "strength": "weak"}], "after": {"date": "2024", "ties": [{"system": "a",
        ...     "strength": "moderate"}]}})
        >>> later, changed = eco.after_state()
        >>> later.ties[0].strength, sorted(changed), later.date
        ('moderate', [('a', 'focal')], '2024')
        """
        if self.after is None:
            return self, set()
        ties = {t.key: t.model_copy() for t in self.ties}
        order = [t.key for t in self.ties]
        changed: set[tuple[str, str]] = set()
        for change in self.after.ties:
            key = change.key
            if key not in ties and (key[1], key[0]) in ties:
                key = (key[1], key[0])
            if change.remove:
                if key in ties:
                    del ties[key]
                    order.remove(key)
                    changed.add(key)
                continue
            fields = change.model_dump(exclude={"system", "to", "remove"}, exclude_none=True)
            if key in ties:
                old = ties[key]
                new = old.model_copy(update=fields)
                if new != old:
                    changed.add(key)
                ties[key] = new
            else:
                ties[key] = Tie(system=change.system, to=change.to, **fields)
                order.append(key)
                changed.add(key)
        later = self.model_copy(
            update={
                "ties": [ties[k] for k in order],
                "after": None,
                "date": self.after.date or self.date,
                "title": self.after.title or self.title,
            }
        )
        return later, changed


def _close_kin(family: Family, pid: str, members: set[str]) -> bool:
    """True when ``pid`` is a parent, child or sibling (any shared parent) of one of ``members``.

    >>> family = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
    ...                                 "unions": [{"partners": ["A"], "children": ["B"]}]})
    >>> _close_kin(family, "A", {"B"}), _close_kin(family, "C", {"B"})
    (True, False)
    """
    parents = set(family.parents_of(pid))
    return any(m in parents or pid in family.parents_of(m) or parents & set(family.parents_of(m))
               for m in members if m != pid)


def _unknown_person(pid: str, family: Family) -> str:
    """The message for a person id the family does not have, with the nearest id as a hint."""
    return unknown_person(pid, family.people, " (not in the family section)")


def _listed_twice(pid: str) -> str:
    return f"person '{pid}' is already in the focal circle: tie systems to the member with 'to: {pid}' " \
        "instead of listing it twice"


def _check_member_systems(data: Any, family: Family | None) -> None:
    """A member system (``person: YM``) whose person the family does not have, or who already stands
    in the focal circle, is reported at its own place, ``systems[8], field 'person'`` — before the
    ties, which would otherwise report the tie to it (``ties[8]: unknown system 'YN'``) or a bad word
    in a tie and hide the person's error (docs/ecomap.md: person errors come before the ties)."""
    if family is None or not isinstance(data, dict) or not isinstance(data.get("systems"), list):
        return
    ids = {p.id for p in family.people}
    focal = data.get("focal")
    listed = focal.get("members") if isinstance(focal, dict) else None
    members = {str(m).strip() for m in listed if isinstance(m, str | int)} if isinstance(listed, list) else set()
    for i, system in enumerate(data["systems"]):
        if isinstance(system, dict) and isinstance(system.get("person"), str | int) \
                and not isinstance(system.get("person"), bool):
            pid = str(system["person"]).strip()
            if pid not in ids or pid in members:
                raise InputError(_unknown_person(pid, family) if pid not in ids else _listed_twice(pid),
                                 record=f"systems[{i}] ({system.get('id') or pid})", field="person")


def load_ecomap(document: dict[str, Any], source: str | None = None) -> tuple[Ecomap, Family | None]:
    """The ecomap of a case document (its ``ecomap`` section) and the family it refers to.

    >>> eco, family = load_ecomap({"ecomap": {"systems": [{"id": "a"}]}})
    >>> [s.id for s in eco.systems], family
    (['a'], None)
    """
    from socialtools.io.loading import parse_model
    from socialtools.io.sections import parse_section, section

    data = section(document, "ecomap", marker="systems", source=source)
    family = None
    if isinstance(document.get("family"), dict):
        family = parse_section(Family, document, "family", marker="people", source=source)
    prefix = "ecomap." if "ecomap" in document else ""
    try:
        _check_member_systems(data, family)
        eco = parse_model(Ecomap, data, record="ecomap")
        if not eco.systems:  # an empty figure titled 'Ekomap' is no ecomap
            raise InputError("an ecomap needs at least one system around the client (school, work, family "
                             "outside the household, ...)", field="systems")
        eco.bind(family)
    except InputError as exc:
        inner = exc.record if exc.record not in ("Ecomap", "ecomap") else None  # (the section itself)
        record = f"{prefix}{inner}" if inner else prefix.rstrip(".") or None
        raise InputError(exc.message, record=record, field=exc.field, source=source) from None
    return eco, family
