"""BPSS assessment: biological, psychological, social and spiritual domains of open items.

Each item has an aspect (a known key such as ``hygiene``, its Indonesian or English label, or
any text), a finding, an optional analysis, the source of the information and a date.
Structured measurements (height and weight → BMI, IQ, social maturity age) sit beside them.

>>> b = Bpss.model_validate({
...     "measurements": {"height_cm": 152, "weight_kg": 33.5, "iq": "50-55"},
...     "social": [{"aspect": "kepercayaan diri", "finding": "rendah"}],
...     "spiritual": {"kejujuran": "selalu jujur"},
... })
>>> [(i.label("en"), i.finding) for i in b.items("social")]
[('self-confidence', 'rendah')]
>>> b.measurement_rows(age=26, lang="en")[2]
('body-mass index (BMI)', '14.5 kg/m² (severe thinness; WHO adult classification)')
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator

from socialtools.assessment.measures import (
    CHILD_NOTE,
    IQ,
    BmiScale,
    SocialAge,
    bmi,
    bmi_category,
    number,
)
from socialtools.dates import Date
from socialtools.records import Record

Domain = Literal["biological", "psychological", "social", "spiritual"]
DOMAINS: tuple[Domain, ...] = ("biological", "psychological", "social", "spiritual")

#: Names of the domains, and the words accepted for them in a case file.
DOMAIN_LABELS: dict[str, dict[str, str]] = {
    "biological": {"id": "Biologis", "en": "Biological"},
    "psychological": {"id": "Psikologis", "en": "Psychological"},
    "social": {"id": "Sosial", "en": "Social"},
    "spiritual": {"id": "Spiritual", "en": "Spiritual"},
}
DOMAIN_ALIASES = {
    "biologis": "biological", "bio": "biological", "fisik": "biological",
    "psikologis": "psychological", "psiko": "psychological", "psychology": "psychological",
    "sosial": "social", "spiritualitas": "spiritual", "mental_spiritual": "spiritual",
}

#: The default items per domain (from the spec): key → (Indonesian, English).
DEFAULT_ITEMS: dict[str, dict[str, tuple[str, str]]] = {
    "biological": {
        "height": ("tinggi badan", "height"),
        "weight": ("berat badan", "weight"),
        "appearance": ("penampilan", "appearance"),
        "clothing": ("pakaian", "clothing"),
        "hair": ("rambut", "hair"),
        "hygiene": ("kebersihan diri", "personal hygiene"),
        "disability": ("kondisi fisik / kecacatan", "physical condition / disability"),
        "tattoos": ("tato", "tattoos"),
        "health": ("kondisi kesehatan / riwayat penyakit", "health and illness history"),
        "medication": ("obat", "medication"),
        "eating_sleeping": ("pola makan dan tidur", "eating and sleeping"),
        "physical_activity": ("aktivitas fisik", "physical activity"),
    },
    "psychological": {
        "intelligence": ("kecerdasan (IQ)", "intelligence (IQ)"),
        "social_maturity": ("kematangan sosial", "social maturity"),
        "emotion": ("emosi", "emotion"),
        "motivation": ("motivasi", "motivation"),
        "self_concept": ("konsep diri / harga diri", "self-concept / self-esteem"),
        "coping": ("mekanisme koping", "coping"),
        "trauma": ("riwayat trauma", "trauma history"),
        "mental_status": ("status mental", "mental status"),
        "behaviour_problem": ("masalah perilaku", "behaviour problem"),
    },
    "social": {
        "caring": ("kepedulian", "caring"),
        "cooperation": ("kerjasama", "cooperation"),
        "adjustment": ("penyesuaian diri", "adjustment"),
        "socialisation": ("sosialisasi / interaksi", "socialisation / interaction"),
        "self_confidence": ("kepercayaan diri", "self-confidence"),
        "relations": ("relasi keluarga dan teman sebaya", "family and peer relations"),
        "participation": ("partisipasi komunitas / rekreasi", "community participation / recreation"),
    },
    "spiritual": {
        "honesty": ("kejujuran", "honesty"),
        "worship": ("pelaksanaan ibadah", "worship practice"),
        "tolerance": ("toleransi", "tolerance"),
        "beliefs": ("keyakinan dan makna hidup", "beliefs and meaning"),
        "strength_sources": ("sumber kekuatan", "sources of strength"),
        "faith_community": ("dukungan komunitas keagamaan", "faith-community support"),
    },
}

# every key, Indonesian and English label (and the words before a "/" or "(") → key
_ASPECT_LOOKUP: dict[str, str] = {}
for _table in DEFAULT_ITEMS.values():
    for _key, (_id, _en) in _table.items():
        for _word in (_key, _key.replace("_", " "), _id, _en, _id.split(" (")[0], _en.split(" (")[0],
                      _id.split(" / ")[0], _en.split(" / ")[0]):
            _ASPECT_LOOKUP.setdefault(_word.lower(), _key)
_ASPECT_LOOKUP.update({"iq": "intelligence", "kecerdasan": "intelligence", "sosialisasi": "socialisation",
                       "interaksi": "socialisation", "ibadah": "worship", "kebersihan": "hygiene",
                       "kecacatan": "disability", "kesehatan": "health", "pola makan": "eating_sleeping",
                       "socialization": "socialisation", "behavior problem": "behaviour_problem"})

SOURCE_KINDS = ("observation", "interview", "document", "test", "triangulation")
SOURCE_LABELS = {
    "observation": {"id": "observasi", "en": "observation"},
    "interview": {"id": "wawancara", "en": "interview"},
    "document": {"id": "studi dokumentasi", "en": "document"},
    "test": {"id": "tes", "en": "test"},
    "triangulation": {"id": "triangulasi", "en": "triangulation"},
}
_SOURCE_ALIASES = {
    "observasi": "observation", "pengamatan": "observation", "wawancara": "interview",
    "dokumen": "document", "studi dokumentasi": "document", "dokumentasi": "document",
    "documents": "document", "tes": "test", "psikotes": "test", "triangulasi": "triangulation",
}


def _source_kind(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        key = _SOURCE_ALIASES.get(key, key)
        if key not in SOURCE_KINDS:
            raise ValueError(f"'{value}' is not a source: use one of {', '.join(SOURCE_KINDS)} "
                             "(or observasi, wawancara, dokumen, tes, triangulasi)")
        return key
    return value


class Source(Record):
    """Where a finding comes from; ``with_`` names the professional of a triangulation."""

    kind: Annotated[Literal["observation", "interview", "document", "test", "triangulation"],
                    BeforeValidator(_source_kind)]
    with_: str | None = Field(None, alias="with", description="e.g. psikolog, pengasuh asrama")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            for sep in (" with ", " dengan ", ":"):
                if sep in text:
                    kind, who = text.split(sep, 1)
                    return {"kind": kind.strip(), "with": who.strip()}
            return {"kind": text}
        return value

    def text(self, lang: str = "id") -> str:
        word = SOURCE_LABELS[self.kind][lang if lang in ("id", "en") else "en"]
        if self.with_:
            return f"{word} {'dengan' if lang == 'id' else 'with'} {self.with_}"
        return word


_ITEM_FIELDS = {"aspek": "aspect", "hasil": "finding", "hasil_observasi": "finding", "temuan": "finding",
                "analisa": "analysis", "analisis": "analysis", "sumber": "source", "tanggal": "date"}


def _item_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema accepts the Indonesian field names too (``aspek``, ``hasil``, ...)."""
    props = schema.setdefault("properties", {})
    for alias, name in _ITEM_FIELDS.items():
        if name in props:
            props[alias] = props[name]
    schema.pop("required", None)
    schema["anyOf"] = [{"required": ["aspect"]}, {"required": ["aspek"]}]


SOURCE_SCHEMA = {"anyOf": [
    {"type": "string", "description": "observation, interview, document, test, triangulation (also "
                                      "observasi, wawancara, dokumen, tes, triangulasi; 'triangulasi dengan X')"},
    {"type": "object", "properties": {"kind": {"type": "string"}, "with": {"type": "string"}},
     "required": ["kind"], "additionalProperties": False},
]}


class BpssItem(Record):
    """One aspect of a domain with its finding (hasil observasi) and optional analysis."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra=_item_schema)

    aspect: str = Field(min_length=1)
    finding: str | None = None
    analysis: str | None = None
    source: Annotated[Source, WithJsonSchema(SOURCE_SCHEMA)] | None = None
    date: Date | None = None

    @model_validator(mode="before")
    @classmethod
    def _indonesian_fields(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {_ITEM_FIELDS.get(str(k).lower(), k): v for k, v in value.items()}
        return value

    @property
    def key(self) -> str | None:
        """The default-item key the aspect names (``None`` for the user's own aspects)."""
        return _ASPECT_LOOKUP.get(self.aspect.strip().lower())

    def label(self, lang: str = "id") -> str:
        """The aspect in ``lang`` when it is a known item, else as written."""
        key = self.key
        for items in DEFAULT_ITEMS.values():
            if key in items:
                return items[key][0 if lang == "id" else 1]
        return self.aspect


def _finding(aspect: Any, value: Any) -> str | None:
    """The finding of a shorthand item: a text (a number is fine); a list or mapping is an error."""
    if isinstance(value, dict | list):
        raise ValueError(f"the finding of '{aspect}' is a {'list' if isinstance(value, list) else 'mapping'}: "
                         "write it as text, or use the fields aspect, finding, source")
    return None if value is None else str(value)


def _items(value: Any) -> Any:
    """Items as a list, or the shorthand mapping ``aspect: finding``.

    A list of one-key mappings (``- kerjasama: baik``) is the same shorthand, one item a line.
    """
    if isinstance(value, dict):
        return [{"aspect": str(k), "finding": _finding(k, v)} for k, v in value.items()]
    if isinstance(value, str):
        raise ValueError("write the items of a domain one a line, as 'aspect: finding' "
                         "(e.g. kerjasama: baik), not as one text")
    if isinstance(value, list):
        known = {"aspect", "finding", "analysis", "source", "date", *_ITEM_FIELDS}
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict) and len(item) == 1 and str(next(iter(item))).strip().lower() not in known:
                aspect, finding = next(iter(item.items()))
                item = {"aspect": str(aspect), "finding": _finding(aspect, finding)}
            elif isinstance(item, str):
                raise ValueError(f"item {i + 1} '{item}' is a bare text: write 'aspect: finding' "
                                 "(e.g. - kerjasama: baik) or the fields aspect and finding")
            out.append(item)
        return out
    return value


Items = Annotated[list[BpssItem], BeforeValidator(_items)]


IQ_SCHEMA = {"anyOf": [
    {"type": "number"}, {"type": "string", "description": "a value (52) or a range (50-55, 50 s.d. 55)"},
    {"type": "object", "properties": {k: {"type": "number"} for k in ("value", "low", "high", "min", "max")}
     | {"category": {"type": "string"}, "test": {"type": "string"}}, "additionalProperties": False},
]}
SOCIAL_AGE_SCHEMA = {"anyOf": [
    {"type": "integer"}, {"type": "string", "description": "15;8 or '15 tahun 8 bulan'"},
    {"type": "object", "properties": {"years": {"type": "integer"}, "months": {"type": "integer"}},
     "additionalProperties": False},
]}


def _bpss_schema(schema: dict[str, Any]) -> None:
    """Domains accept the ``aspect: finding`` mapping, and their Indonesian names."""
    props = schema.setdefault("properties", {})
    for domain in DOMAINS:
        if domain in props:
            props[domain] = {"anyOf": [props[domain], {"type": "object",
                                                       "additionalProperties": {"type": ["string", "null"]}}]}
    for alias, domain in DOMAIN_ALIASES.items():
        props[alias] = props[domain]


def _amount(unit: str) -> Any:
    """A number as written: ``152``, ``"152 cm"``, ``"33,5 kg"``, ``"1,52 m"`` (height in metres)."""

    def read(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return value
        if isinstance(value, str):
            m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(cm|kg|m|meter|kilogram|kilo)?\.?\s*", value, re.I)
            if not m:
                raise ValueError(f"'{value}' is not a number: write e.g. {'152' if unit == 'cm' else '33.5'}")
            number = float(m[1].replace(",", "."))
            written = (m[2] or "").lower()
            if unit == "cm" and written in ("m", "meter"):
                return number * 100
            if written and written[:1] != unit[:1]:
                raise ValueError(f"'{value}': write the value in {unit}")
            value = number
        if unit == "cm" and 0 < value < 3:
            raise ValueError(f"{value} looks like metres: write the height in cm ({value * 100:g})")
        return value

    return BeforeValidator(read)


class Measurements(Record):
    """Structured measurements: height and weight (→ BMI), IQ, social maturity age."""

    height_cm: Annotated[float | None, _amount("cm"), WithJsonSchema(
        {"type": ["number", "string", "null"], "description": "in cm: 152 or '152 cm'"})] = Field(None, gt=30, lt=260)
    weight_kg: Annotated[float | None, _amount("kg"), WithJsonSchema(
        {"type": ["number", "string", "null"], "description": "in kg: 33.5 or '33,5 kg'"})] = Field(None, gt=1, lt=400)
    age: int | None = Field(None, ge=0, le=130,
                            description="age at the assessment (else from the birth year)")
    bmi_scale: BmiScale = Field("who",
                                description="who (default) or kemenkes (Indonesian Ministry of Health)")
    iq: Annotated[IQ, BeforeValidator(IQ.parse), PlainSerializer(lambda v: v.text()),
                  WithJsonSchema(IQ_SCHEMA)] | None = None
    social_maturity: Annotated[SocialAge, BeforeValidator(SocialAge.parse),
                               PlainSerializer(lambda v: f"{v.years};{v.months}"),
                               WithJsonSchema(SOCIAL_AGE_SCHEMA)] | None = None

    @property
    def bmi(self) -> float | None:
        if self.height_cm is None or self.weight_kg is None:
            return None
        return bmi(self.height_cm, self.weight_kg)


_MEASURE_LABELS = {
    "height": {"id": "tinggi badan", "en": "height"},
    "weight": {"id": "berat badan", "en": "weight"},
    "bmi": {"id": "indeks massa tubuh (IMT)", "en": "body-mass index (BMI)"},
    "iq": {"id": "kecerdasan (IQ)", "en": "intelligence (IQ)"},
    "social_maturity": {"id": "usia kematangan sosial", "en": "social maturity age"},
    "who": {"id": "klasifikasi dewasa WHO", "en": "WHO adult classification"},
    "kemenkes": {"id": "klasifikasi dewasa Kemenkes", "en": "Kemenkes adult classification"},
}


class Bpss(Record):
    """A BPSS assessment: measurements and the items of the four domains (each optional).

    >>> bpss = Bpss.model_validate({"biologis": {"kebersihan diri": "baik"}})
    >>> [(i.label("id"), i.finding) for i in bpss.items("biological")]
    [('kebersihan diri', 'baik')]
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra=_bpss_schema)

    date: Date | None = None
    defaults: bool = Field(False, description="list every default item of a domain, filled in where given")
    measurements: Measurements = Field(default_factory=Measurements)
    biological: Items = Field(default_factory=list)
    psychological: Items = Field(default_factory=list)
    social: Items = Field(default_factory=list)
    spiritual: Items = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _domain_words(cls, value: Any) -> Any:
        if isinstance(value, dict):
            value = {DOMAIN_ALIASES.get(str(k).lower(), k): v for k, v in value.items()}
        return value

    def items(self, domain: str) -> list[BpssItem]:
        """The items of one domain (``biological``, ``psychological``, ``social``, ``spiritual``).

        With ``defaults`` the domain's default items come first, in the spec's order, each
        replaced by the case's item for the same aspect; the case's other items follow. Items
        already given as measurements (height, weight, IQ, social maturity) are not repeated.

        >>> b = Bpss.model_validate({"defaults": True, "spiritual": {"toleransi": "tinggi", "doa": "rajin"}})
        >>> [(i.aspect, i.finding) for i in b.items("spiritual")][1:4]
        [('pelaksanaan ibadah', None), ('toleransi', 'tinggi'), ('keyakinan dan makna hidup', None)]
        >>> b.items("spiritual")[-1].aspect
        'doa'
        """
        given = list(getattr(self, domain))
        if not self.defaults:
            return given
        m = self.measurements
        measured = {"height": m.height_cm is not None, "weight": m.weight_kg is not None,
                    "intelligence": m.iq is not None, "social_maturity": m.social_maturity is not None}
        by_key = {item.key: item for item in given if item.key is not None}
        merged: list[BpssItem] = []
        for key, (id_text, _) in DEFAULT_ITEMS[domain].items():
            if key in by_key:
                merged.append(by_key[key])
            elif not measured.get(key, False):
                merged.append(BpssItem(aspect=id_text))
        used = {id(i) for i in merged}
        return merged + [i for i in given if id(i) not in used]

    @classmethod
    def template(cls, domains: tuple[str, ...] = DOMAINS, *, lang: str = "id",
                 extra: dict[str, list[str]] | None = None) -> Bpss:
        """A blank assessment form: the default items of ``domains`` plus ``extra`` ones.

        >>> form = Bpss.template(("spiritual",), extra={"spiritual": ["doa harian"]})
        >>> [i.aspect for i in form.spiritual][-2:]
        ['dukungan komunitas keagamaan', 'doa harian']
        """
        data: dict[str, Any] = {}
        for domain in domains:
            names = [v[0 if lang == "id" else 1] for v in DEFAULT_ITEMS[domain].values()]
            names += list((extra or {}).get(domain, []))
            data[domain] = [{"aspect": n} for n in names]
        return cls.model_validate(data)

    def measurement_rows(self, *, age: int | None = None, lang: str = "id") -> list[tuple[str, str]]:
        """(aspect, value) rows for the measurements that are given, with BMI and IQ categories."""
        m = self.measurements
        lang = "id" if lang == "id" else "en"
        age = m.age if m.age is not None else age
        rows: list[tuple[str, str]] = []
        if m.height_cm is not None:
            rows.append((_MEASURE_LABELS["height"][lang], f"{number(m.height_cm, lang)} cm"))
        if m.weight_kg is not None:
            rows.append((_MEASURE_LABELS["weight"][lang], f"{number(m.weight_kg, lang)} kg"))
        value = m.bmi
        if value is not None:
            category = bmi_category(value, age=age, scale=m.bmi_scale, lang=lang)
            note = (f"{category}; {_MEASURE_LABELS[m.bmi_scale][lang]}" if category is not None
                    else CHILD_NOTE[lang])
            rows.append((_MEASURE_LABELS["bmi"][lang], f"{number(value, lang)} kg/m² ({note})"))
        if m.iq is not None:
            text = m.iq.describe(lang)
            if m.iq.test:
                text += f", {m.iq.test}"
            rows.append((_MEASURE_LABELS["iq"][lang], text))
        if m.social_maturity is not None:
            rows.append((_MEASURE_LABELS["social_maturity"][lang], m.social_maturity.text(lang)))
        return rows
