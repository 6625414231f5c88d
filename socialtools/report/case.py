"""The case file: one YAML/JSON document for a whole case, every section optional.

Sections: ``case`` (identity), ``family`` (the genogram's people: one source for the family
table), ``ecomap``, ``strengths``, ``venn`` (passed on to their diagram kinds), ``bpss``,
``plan``, ``sessions``, ``behaviour_change``, ``intervention_systems``, ``evaluation``,
``termination``, ``narrative`` (the interpretation under each table and figure). Errors name
the section, the record and the field.

>>> case = Case.from_document({"case": {"client": "PK"}, "sessions": [{"date": "2024-09-10"}]})
>>> case.info.client, str(case.sessions[0].date)
('PK', '2024-09-10')
>>> Case.from_document({"sesions": []})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
socialtools.errors.InputError: case file, field 'sesions': unknown section ...
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, WithJsonSchema, model_validator

from socialtools.assessment.bpss import Bpss
from socialtools.dates import Date, PartialDate
from socialtools.errors import InputError
from socialtools.genogram.model import Family, Person, Sex
from socialtools.io.loading import load_document, parse_model
from socialtools.io.sections import in_section, refuse_contradictions
from socialtools.records import Record

#: Sections read by other diagram kinds; the case keeps them as they are.
PASSED_ON = ("ecomap", "strengths", "venn")
SECTIONS = ("case", "family", *PASSED_ON, "bpss", "plan", "sessions", "behaviour_change",
            "intervention_systems", "evaluation", "termination", "narrative")
#: Parts of the report that take an interpretation (``narrative``) and a source line, with the
#: words a case file may use for them.
NARRATIVE_PARTS = ("identity", "family", "bpss", "genogram", "ecomap", "strengths", "plan", "systems",
                   "schedule", "process", "behaviour", "comparison")
#: Report parts drawn from the same section of the case file share its source line.
SAME_SECTION = {"genogram": "family", "family": "genogram", "comparison": "ecomap"}
_PART_ALIASES = {
    "client": "identity", "identitas": "identity", "klien": "identity", "keluarga": "family",
    "ekomap": "ecomap", "kekuatan": "strengths", "kuadran": "strengths", "rencana": "plan",
    "sistem": "systems", "intervention_systems": "systems", "jadwal": "schedule", "proses": "process",
    "behaviour_change": "behaviour", "perubahan": "behaviour", "perbandingan": "comparison",
    "ecomap_comparison": "comparison", "ecomap_before": "comparison", "ecomap_after": "comparison",
}


def part_name(key: str) -> str:
    """The narrative part a case file names (``Identitas`` → ``identity``), or ``key`` itself.

    >>> part_name("Identitas"), part_name("ecomap")
    ('identity', 'ecomap')
    """
    word = str(key).strip().lower().replace(" ", "_")
    return _PART_ALIASES.get(word, word)


def _text_list(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    return value


TextList = Annotated[list[str], BeforeValidator(_text_list),
                     WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]


class CaseInfo(Record):
    """The ``case`` section: who the client is and the identity facts not in the family.

    Identity fields given here win over the client's entry in ``family``; ``address``,
    ``phone`` and full dates of birth are left out of reports unless asked for.
    """

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        """``case: PK`` is short for ``case: {client: PK}``."""
        return {"client": str(data)} if isinstance(data, str | int) and not isinstance(data, bool) else data


    id: str | None = None
    client: str | None = Field(None, description="id (or initials) of the client in the family")
    title: str | None = None
    chapter: int = Field(4, ge=1, le=99, description="chapter number used in captions (Tabel 4.1)")
    chapter_title: str | None = Field(None, description="heading of the chapter (default: PELAKSANAAN PRAKTIKUM)")
    institution: str | None = None
    name: str | None = None
    initials: str | None = None
    sex: Annotated[Sex, WithJsonSchema({"type": ["string", "integer"],
                                        "description": "male/female/unknown; also L/P, M/F, 1/2"})] | None = None
    birth: Date | None = None
    birthplace: str | None = None
    education: str | None = None
    religion: str | None = None
    ethnicity: str | None = None
    address: str | None = Field(None, description="identifying: left out of reports by default")
    phone: str | None = Field(None, description="identifying: left out of reports by default")
    status: str | None = Field(None, description="e.g. penerima manfaat (PM)")
    residence: str | None = Field(None, description="where the client lives now, e.g. asrama putri")
    programme: str | None = Field(None, description="class or programme attended")
    admission: Date | None = None
    disability: str | None = None
    problem: str | None = Field(None, description="the focus problem (masalah fokus)")
    source: Annotated[str | dict[str, str] | None, BeforeValidator(lambda v: _sources(v))] = Field(
        None, description="the 'Sumber:' line under every table and figure, e.g. 'Hasil asesmen praktikan, "
        "2024'; or one per part: {default: ..., genogram: ..., ecomap: ...}")

    def source_for(self, part: str) -> str | None:
        """The source text of one report part: its own, else that of the part drawn from the same
        section (the genogram and the family table both come from ``family``; the before/after
        figures from ``ecomap``), else the default.

        >>> info = CaseInfo(source={"default": "Asesmen, 2024", "family": "Wawancara keluarga, 2024"})
        >>> info.source_for("genogram"), info.source_for("bpss")
        ('Wawancara keluarga, 2024', 'Asesmen, 2024')
        """
        if isinstance(self.source, dict):
            related = SAME_SECTION.get(part)
            return (self.source.get(part) or (self.source.get(related) if related else None)
                    or self.source.get("default"))
        return self.source


def _sources(value: Any) -> Any:
    """A source text, or a mapping of report parts to source texts (keys checked)."""
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, dict):
        raise ValueError("write a text, or a mapping of report parts to texts (default, genogram, ...)")
    out = {}
    for key, text in value.items():
        part = part_name(key)
        if part != "default" and part not in NARRATIVE_PARTS:
            raise ValueError(f"no report part '{key}': use default or one of {', '.join(NARRATIVE_PARTS)}")
        out[part] = str(text)
    return out


NARRATIVE_SCHEMA = WithJsonSchema({
    "type": "object",
    "description": "report part (identity, family, bpss, genogram, ecomap, strengths, plan, ...) -> "
                   "the interpretation under its table or figure: a text or a list of paragraphs",
    "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
})


class Narrative(RootModel[Annotated[dict[str, list[str]], NARRATIVE_SCHEMA]]):
    """The ``narrative`` section: the interpretation written under each table or figure.

    Keys are report parts (:data:`NARRATIVE_PARTS`, Indonesian words too); a value is a text or a
    list of paragraphs. ``{gambar}``/``{figure}`` and ``{tabel}``/``{table}`` stand for the number
    of the table or figure the text follows (``Berdasarkan {gambar}, ...`` → ``Berdasarkan Gambar
    4.2, ...``).

    >>> Narrative.model_validate({"Ekomap": "Berdasarkan {gambar}, ..."}).root
    {'ecomap': ['Berdasarkan {gambar}, ...']}
    """

    @model_validator(mode="before")
    @classmethod
    def _parts(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError("expected a mapping of report parts to texts (identity, family, bpss, ...)")
        out: dict[str, list[str]] = {}
        for key, value in data.items():
            part = part_name(key)
            if part not in NARRATIVE_PARTS:
                raise ValueError(f"no report part '{key}': use one of {', '.join(NARRATIVE_PARTS)}")
            texts = value if isinstance(value, list) else [value]
            out[part] = [str(t).strip() for t in texts if t is not None and str(t).strip()]
        return out


class PlanItem(Record):
    """One planned activity: what, how it is carried out, with which techniques, to what end."""

    activity: str = Field(min_length=1)
    method: str | None = Field(None, description="how it is carried out (pelaksanaan)")
    techniques: TextList = Field(default_factory=list)
    aims: TextList = Field(default_factory=list)


class Plan(Record):
    """The intervention plan: case work (individual) and group work."""

    case_work: list[PlanItem] = Field(default_factory=list)
    group_work: list[PlanItem] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        """A plain list of activities is the case-work plan."""
        return {"case_work": data} if isinstance(data, list) else data


SessionKind = Literal["case_work", "group_work", "family", "community", "other"]
_KIND_ALIASES = {
    "case work": "case_work", "casework": "case_work", "individual": "case_work", "individu": "case_work",
    "bimbingan individu": "case_work", "group work": "group_work", "groupwork": "group_work",
    "group": "group_work", "kelompok": "group_work", "bimbingan kelompok": "group_work",
    "keluarga": "family", "komunitas": "community", "masyarakat": "community", "lainnya": "other",
    # what process notes call their sessions
    "konseling": "case_work", "konseling individu": "case_work", "terapi individu": "case_work",
    "pendampingan": "case_work", "pendampingan individu": "case_work", "bimbingan sosial": "case_work",
    "wawancara": "case_work", "konseling kelompok": "group_work", "terapi kelompok": "group_work",
    "diskusi kelompok": "group_work", "home visit": "family", "kunjungan rumah": "family",
    "konseling keluarga": "family", "terapi keluarga": "family", "penyuluhan": "community",
}


def _session_kind(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        return _KIND_ALIASES.get(key, key.replace(" ", "_").replace("-", "_"))
    return value


class Session(Record):
    """One intervention session (schedule and process log)."""

    number: int | None = Field(None, ge=0)
    date: Date | None = None
    time: str | None = Field(None, description="e.g. 15.00-15.30")
    kind: Annotated[SessionKind, BeforeValidator(_session_kind), WithJsonSchema(
        {"type": "string", "description": "case_work, group_work, family, community, other "
                                          "(also 'case work', 'group work', kelompok, keluarga, ...)"})] | None = None
    activity: str | None = None
    techniques: TextList = Field(default_factory=list)
    process: str | None = None
    result: str | None = None


class Sessions(RootModel[list[Session]]):
    pass


class BehaviourChange(Record):
    """A target behaviour before, during and after the intervention."""

    target: str = Field(min_length=1)
    before: str | None = None
    during: str | None = None
    after: str | None = None


class BehaviourChanges(RootModel[list[BehaviourChange]]):
    pass


SystemKind = Literal["client", "target", "action", "change_agent"]
_SYSTEM_ALIASES = {"klien": "client", "sasaran": "target", "aksi": "action", "tindakan": "action",
                   "change agent": "change_agent", "change-agent": "change_agent", "pelaksana_perubahan":
                   "change_agent", "agen perubahan": "change_agent", "pelaksana perubahan": "change_agent"}


def _system_kind(value: Any) -> Any:
    if isinstance(value, str):
        key = value.strip().lower()
        return _SYSTEM_ALIASES.get(key, key.replace(" ", "_").replace("-", "_"))
    return value


class InterventionSystem(Record):
    """One of Pincus and Minahan's systems: client, target, action, change agent."""

    system: Annotated[SystemKind, BeforeValidator(_system_kind), WithJsonSchema(
        {"type": "string", "description": "client, target, action, change_agent (also klien, sasaran, aksi, "
                                          "'pelaksana perubahan')"})]
    members: TextList = Field(min_length=1)
    role: str | None = None


def _systems_schema(schema: dict[str, Any]) -> None:
    """A list of systems, or the mapping ``system: members``."""
    listed = dict(schema)
    schema.clear()
    schema["anyOf"] = [listed, {"type": "object", "additionalProperties": {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}]


class InterventionSystems(RootModel[list[InterventionSystem]]):
    model_config = ConfigDict(json_schema_extra=_systems_schema)

    @model_validator(mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return [{"system": k, "members": v} for k, v in value.items()]
        return value


class Evaluation(Record):
    """The evaluation: a summary and the method used."""

    date: Date | None = None
    method: str | None = None
    summary: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        """``evaluation: text`` is short for ``evaluation: {summary: text}``."""
        return {"summary": data} if isinstance(data, str) else data


class Termination(Record):
    """Termination and referral."""

    date: Date | None = None
    reason: str | None = None
    referral: str | None = Field(None, description="to whom the client is referred back")
    notes: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        """``termination: text`` is short for ``termination: {reason: text}``."""
        return {"reason": data} if isinstance(data, str) else data


_MODELS: dict[str, type[BaseModel]] = {
    "case": CaseInfo, "family": Family, "bpss": Bpss, "plan": Plan, "sessions": Sessions,
    "behaviour_change": BehaviourChanges, "intervention_systems": InterventionSystems,
    "evaluation": Evaluation, "termination": Termination, "narrative": Narrative,
}


def _venn_warnings(document: dict[str, Any], source: str | None) -> list[str]:
    """The problem of a case file's ``venn`` section, as a warning: the report draws no Venn
    diagram, so it is made without it, but the section is checked all the same (``socialtools
    venn`` would refuse it).

    >>> _venn_warnings({"venn": {"institutions": [{"name": "A", "importance": "huge"}]}}, "k.yaml")[0][:56]
    "k.yaml, venn.institutions[0] ('A'), field 'importance': "
    """
    if document.get("venn") is None:
        return []
    from socialtools.venn.diagram import venn_from_document

    try:
        venn_from_document(document, source)
    except InputError as exc:
        return [f"{exc} (the report has no Venn diagram; correct this before drawing it with socialtools venn)"]
    return []


class Case:
    """A whole case: validated sections (``None`` when absent) plus the passed-on raw sections.

    >>> case = Case.from_document({"case": {"client": "PK"}, "family": {"people": [{"id": "PK", "sex": "P"}]}})
    >>> case.info.client, [p.id for p in case.family.people], case.bpss is None
    ('PK', ['PK'], True)
    """

    def __init__(self, *, info: CaseInfo | None = None, family: Family | None = None,
                 bpss: Bpss | None = None, plan: Plan | None = None,
                 sessions: list[Session] | None = None,
                 behaviour_change: list[BehaviourChange] | None = None,
                 intervention_systems: list[InterventionSystem] | None = None,
                 evaluation: Evaluation | None = None, termination: Termination | None = None,
                 narrative: dict[str, list[str]] | None = None,
                 document: dict[str, Any] | None = None, source: str | None = None) -> None:
        self.info = info or CaseInfo()
        self.family = family
        self.bpss = bpss
        self.plan = plan
        self.sessions = sessions or []
        self.behaviour_change = behaviour_change or []
        self.intervention_systems = intervention_systems or []
        self.evaluation = evaluation
        self.termination = termination
        self.narrative = narrative or {}
        self.document = document or {}
        self.source = source
        #: problems with sections the report does not draw (a broken ``venn``), one line each
        self.warnings: list[str] = []
        when = self.case_date()
        if family is not None and family.as_of is None and when is not None:
            # ages (tables and genogram) at the time of the case, not at the day the report is made
            self.family = family.model_copy(update={"as_of": when})

    def case_date(self) -> PartialDate | None:
        """The earliest date the case gives (assessment, sessions, evaluation, termination).

        >>> Case(sessions=[Session(date="Selasa, 10 September 2024")]).case_date()
        PartialDate(year=2024, month=9, day=10)
        """
        dates = [d for d in (self.bpss.date if self.bpss else None, *(s.date for s in self.sessions),
                             self.evaluation.date if self.evaluation else None,
                             self.termination.date if self.termination else None) if d is not None]
        return min(dates, key=lambda d: (d.year, d.month or 0, d.day or 0)) if dates else None

    @classmethod
    def from_document(cls, document: dict[str, Any], source: str | None = None, *, lenient: bool = False) -> Case:
        """Validate every section of a case document (a dict read from YAML/JSON). Dates that cannot
        all be true (a marriage before a partner's birth, a session after the termination) are refused,
        or with ``lenient`` kept, one warning each.

        >>> Case.from_document({"sessions": [{"date": 2025}], "termination": {"date": 2024}})
        Traceback (most recent call last):
        ...
        socialtools.errors.InputError: sessions[0], field 'date': 2025 is after the termination of the case (2024)...
        >>> Case.from_document({"sessions": [{"date": 2025}], "termination": {"date": 2024}}, lenient=True).warnings
        ["sessions[0], field 'date': 2025 is after the termination of the case (2024): correct the date"]
        """
        if not isinstance(document, dict):
            raise InputError("expected a mapping of sections (case, family, bpss, ...)", source=source)
        unknown = [str(k) for k in document if k not in SECTIONS]
        if unknown:
            names = ", ".join(f"'{k}'" for k in unknown)
            raise InputError(f"unknown section {names}: known sections are {', '.join(SECTIONS)}",
                             record="case file", field=unknown[0], source=source)
        parsed: dict[str, Any] = {}
        for name, model in _MODELS.items():
            if name not in document or document[name] is None:
                continue
            data = document[name]
            try:
                value = parse_model(model, data, record=name)
            except InputError as exc:
                raise in_section(exc, name, data, source) from None
            parsed[name] = value.root if isinstance(value, RootModel) else value
        for name in PASSED_ON:
            if name in document and not isinstance(document[name], dict | list):
                raise InputError("expected a mapping (key: value)", record=name, source=source)
        case = cls(info=parsed.get("case"), family=parsed.get("family"), bpss=parsed.get("bpss"),
                   plan=parsed.get("plan"), sessions=parsed.get("sessions"),
                   behaviour_change=parsed.get("behaviour_change"),
                   intervention_systems=parsed.get("intervention_systems"),
                   evaluation=parsed.get("evaluation"), termination=parsed.get("termination"),
                   narrative=parsed.get("narrative"),
                   document=document, source=source)
        case.warnings = _venn_warnings(document, source)
        late = case.late_sessions()
        if not lenient:
            if late:
                raise InputError(late[0].message + " (read the file leniently to report it anyway)",
                                 record=late[0].record, field=late[0].field, source=source)
            if case.family is not None:
                refuse_contradictions(case.family, document, source)
        case.warnings += [str(e) for e in late]  # (the family's contradictions are among its warnings())
        return case

    def late_sessions(self) -> list[InputError]:
        """Sessions dated after the termination of the case, one error each (naming ``sessions[i]``).

        >>> Case(sessions=[Session(date="2024-09-10")], termination=Termination(date="2024-09")).late_sessions()
        []
        """
        end = self.termination.date if self.termination is not None else None
        if end is None or end.approximate:
            return []
        return [InputError(f"{s.date} is after the termination of the case ({end}): correct the date",
                           record=f"sessions[{i}]", field="date")
                for i, s in enumerate(self.sessions)
                if s.date is not None and not s.date.approximate and end.certainly_before(s.date)]

    @classmethod
    def load(cls, path: str | Path, *, lenient: bool = False) -> Case:
        """Read and validate a case file (``.yaml``, ``.yml`` or ``.json``); ``lenient`` as for
        :meth:`from_document`."""
        said: list[str] = []  # (a file indented with tabs is read, and said)
        case = cls.from_document(load_document(path, warnings=said), source=str(path), lenient=lenient)
        case.warnings[:0] = said
        return case

    def raw(self, section: str) -> Any:
        """A passed-on section (``ecomap``, ``strengths``, ``venn``) as written, or ``None``."""
        return self.document.get(section)

    def client_person(self) -> Person | None:
        """The client's entry in the family: by ``case.client`` (id or initials), else the index person."""
        if self.family is None:
            return None
        wanted = self.info.client
        if wanted is not None:
            for p in self.family.people:
                if wanted in (p.id, p.initials):
                    return p
        return next((p for p in self.family.people if p.index), None)
