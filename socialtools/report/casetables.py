"""The tables of a case report, built from a :class:`~socialtools.report.case.Case`.

Every builder returns a :class:`~socialtools.report.tables.Table` (or ``None`` when the case
has no data for it). Columns are chosen by key (see :data:`socialtools.report.model.COLUMNS`); phone numbers, addresses
and exact dates of birth are left out unless ``include_private`` is set, and ``initials``
renders every person by initials.

>>> from socialtools.report.case import Case
>>> from socialtools.report.model import ReportOptions
>>> case = Case.from_document({"case": {"client": "PK"},
...     "family": {"as_of": 2024, "people": [{"id": "PK", "name": "Putri Kirana", "sex": "P",
...                                        "birth": "1998-03-04"}]}})
>>> t = family_table(case, ReportOptions(initials=True))
>>> t.rows
[['1', 'PK', '', 'Perempuan', '1998', '26', '', '']]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from socialtools.assessment.bpss import DOMAIN_LABELS, DOMAINS, BpssItem
from socialtools.dates import PartialDate, long_date
from socialtools.genogram.kinship import relations_to_client, role_word
from socialtools.genogram.model import Family, Person
from socialtools.report.case import Case, PlanItem, Session
from socialtools.report.labels import word
from socialtools.report.model import COLUMNS, ReportOptions
from socialtools.report.tables import Row, SectionRow, Table


def client_label(case: Case, opts: ReportOptions) -> str | None:
    """``Klien "PK"`` / ``Client "PK"``; ``None`` when the case names no client (no ``case``
    section, no index person in the family)."""
    who = client_initials(case, opts)
    return None if who is None else f'{word("client_label", opts.lang)} "{who}"'


def captioned(key: str, case: Case, opts: ReportOptions) -> str:
    """A caption of the client's table or figure: ``Genogram Klien "PK"`` / ``Genogram of Client
    "PK"``, or the caption alone when the case names no client (``Genogram``, never ``Klien "…"``).

    >>> captioned("cap_genogram", Case.from_document({"family": {"people": [{"id": "A"}]}}),
    ...           ReportOptions(lang="en"))
    'Genogram'
    """
    text = word(key, opts.lang)
    label = client_label(case, opts)
    if label is None:
        return re.sub(r" (of|for)$", "", text)
    return f"{text} {label}"


def client_initials(case: Case, opts: ReportOptions) -> str | None:
    """The client's initials (captions always use initials), as the case file gives them:
    ``case.initials``, the client's own ``initials`` in the family, then ``case.client`` when it
    reads as initials (``client: RT`` → ``RT``, even for a person named Ratna), then initials
    made from the name; ``None`` when the case names no client at all.

    >>> case = Case.from_document({"case": {"client": "RT"}, "family": {"people": [
    ...     {"id": "RT", "name": "Ratna", "sex": "female"}]}})
    >>> client_initials(case, ReportOptions()), client_label(case, ReportOptions())
    ('RT', 'Klien "RT"')
    """
    info = case.info
    person = case.client_person()
    if info.initials:
        return info.initials
    if person is not None and person.initials:
        return person.initials
    if info.client and _reads_as_initials(info.client):
        return info.client
    if info.name:
        return Person(id="x", name=info.name).display_initials
    if person is not None and case.family is not None:
        return case.family.initials_of(person.id)
    return info.client or info.id or None


def _reads_as_initials(text: str) -> bool:
    """``RT``, ``P.K.``: one to five capital letters (dots allowed); not ``p12`` or ``I1``."""
    letters = text.replace(".", "")
    return 0 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _person_name(p: Person, family: Family, opts: ReportOptions) -> str:
    """The name (or the initials ``family`` gives, distinct in it); a deceased person is marked as
    Indonesian reports do: ``Alm. K (wafat 2015)`` for a man, ``Almh. S`` for a woman
    (``the late K (d. 2015)`` in English)."""
    name = family.initials_of(p.id) if opts.initials or not p.name else p.name
    if not p.deceased:
        return name
    year = f" ({word('died', opts.lang)} {p.death.display(full=False)})" if p.death is not None else ""
    if opts.lang == "id":
        return f"{'Almh.' if p.sex == 'female' else 'Alm.'} {name}{year}"
    return f"the late {name}{year}"


def _age_text(p: Person, when: PartialDate, opts: ReportOptions) -> str:
    """The age at the case's date, or at death (``45 (saat wafat)``)."""
    age = p.age_at(when)
    if age is None:
        return ""
    return f"{age} ({word('at_death', opts.lang)})" if p.deceased else str(age)


def _birth_text(place: str | None, date: PartialDate | None, opts: ReportOptions) -> str:
    when = ""
    if date is not None:
        when = long_date(date, opts.lang, weekday=False) if opts.include_private else date.display(full=False)
    return ", ".join(x for x in (place, when) if x)


def _build(key: str, caption_key: str, case: Case, opts: ReportOptions,
           values: list[dict[str, str]], heading: Callable[[str], str] | None = None) -> Table:
    cols = opts.columns_of(key)
    headings = [heading(c) if heading else word(c, opts.lang) for c in cols]
    rows: list[Row] = [[v.get(c, "") for c in cols] for v in values]
    return Table(captioned(caption_key, case, opts), headings, rows, label=word("table", opts.lang),
                 widths=[COLUMNS[key][c] for c in cols], key=key)


# -- client and family ------------------------------------------------------------------------
def client_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Client identity: two columns, aspect and details (Tabel 4.1)."""
    opts = opts or ReportOptions()
    info, person = case.info, case.client_person()
    if person is None and not any((info.name, info.initials, info.client)):
        return None

    def pick(name: str) -> Any:
        value = getattr(info, name, None)
        if value is None and person is not None:
            value = getattr(person, name, None)
        return value

    rows: list[Row] = []

    def add(key: str, value: Any) -> None:
        if value not in (None, ""):
            rows.append([word(key, opts.lang), str(value)])

    name = "name_initials" if opts.initials else "name"  # "Nama (Inisial)" only over initials
    if person is not None and case.family is not None and not info.name:
        add(name, _person_name(person, case.family, opts))
    else:
        add(name, client_initials(case, opts) if opts.initials or not info.name else info.name)
    sex = pick("sex")
    add("sex", word(sex, opts.lang) if sex and sex != "unknown" else None)
    add("birth_full" if opts.include_private else "birth",
        _birth_text(pick("birthplace"), pick("birth"), opts))
    birth = pick("birth")
    if birth is not None and case.family is not None:
        years = birth.years_until(case.family.reference_date())
        add("age", f"{years} {word('years_old', opts.lang)}" if years >= 0 else None)
    add("education", pick("education"))
    add("religion", pick("religion"))
    add("ethnicity", pick("ethnicity"))
    add("status", info.status)
    add("residence", info.residence or (person.place if person is not None else None))
    add("programme", info.programme)
    if info.admission is not None:
        add("admission", long_date(info.admission, opts.lang, weekday=False))
    disability = info.disability
    if disability is None and person is not None:
        disability = "; ".join(c.name for c in person.conditions if c.kind == "disability") or None
    add("disability", disability)
    add("problem", info.problem)
    add("institution", info.institution)
    if opts.include_private:
        add("address", pick("address"))
        add("phone", pick("phone"))
    return Table(captioned("cap_client", case, opts), [word("aspect", opts.lang), word("value", opts.lang)],
                 rows, label=word("table", opts.lang), widths=[1.0, 2.4], key="client")


def _relation(p: Person, computed: str, lang: str) -> str:
    """The relation column of the family table: in an Indonesian report the case file's own
    ``role`` (a kinship word of the English list put into Indonesian), else the relation read from
    the unions; in an English report the relation read from the unions, else the ``role``
    translated when it is a kinship word (``ayah`` → *father*), else as written.

    >>> p = Person(id="B", sex="male", role="paman")
    >>> _relation(p, "uncle", "en"), _relation(p, "paman", "id"), _relation(p, "", "en")
    ('uncle', 'paman', 'uncle')
    """
    role = role_word(p.role, p.sex, lang) if p.role else ""
    return (role or computed) if lang != "en" else (computed or role)


def family_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Family identity from the genogram's people (Tabel 4.2): not typed twice. A person's
    relation to the client is read from the unions (:mod:`socialtools.genogram.kinship`), or is their
    ``role`` (:func:`_relation`)."""
    opts = opts or ReportOptions()
    family = case.family
    if family is None or not family.people:
        return None
    when = family.reference_date()
    relations = relations_to_client(family, opts.lang)
    values = []
    for i, p in enumerate(q for q in family.people if q.kind == "person"):
        values.append({
            "no": str(i + 1), "name": _person_name(p, family, opts),
            "role": _relation(p, relations[p.id], opts.lang),
            "sex": word(p.sex, opts.lang) if p.sex != "unknown" else "",
            "birth": _birth_text(p.birthplace, p.birth, opts),
            "age": _age_text(p, when, opts),
            "education": p.education or "", "occupation": p.occupation or "", "religion": p.religion or "",
            "place": p.place or "", "address": p.address or "", "phone": p.phone or "",
        })

    def heading(col: str) -> str:
        if col == "birth" and opts.include_private:
            return word("birth_full", opts.lang)
        if col == "name" and opts.initials:
            return word("name_initials", opts.lang)
        return word(col, opts.lang)

    return _build("family", "cap_family", case, opts, values, heading)


# -- BPSS --------------------------------------------------------------------------------------
def _item_cells(item: BpssItem, opts: ReportOptions) -> dict[str, str]:
    finding = item.finding or ""
    both = finding if not item.analysis else (f"{finding}\n{item.analysis}" if finding else item.analysis)
    return {"aspect": item.label(opts.lang), "finding": finding, "analysis": item.analysis or "",
            "finding_analysis": both, "source": item.source.text(opts.lang) if item.source else "",
            "date": long_date(item.date, opts.lang, weekday=False) if item.date else ""}


def bpss_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """The BPSS table (Tabel 4.3): a section row per domain, measurements first in their domain.

    Without a ``domain`` column each domain opens with a spanning row (A. Biologis, ...);
    with one, the table is flat.
    """
    opts = opts or ReportOptions()
    bpss = case.bpss
    if bpss is None:
        return None
    cols = opts.columns_of("bpss")
    flat = "domain" in cols
    age = None
    person = case.client_person()
    birth = case.info.birth or (person.birth if person is not None else None)
    when = bpss.date or (case.family.reference_date() if case.family else None)
    if birth is not None and when is not None:
        age = birth.years_until(when)
    rows: list[Row] = []
    letters = "ABCD"
    for d, domain in enumerate(DOMAINS):
        values: list[dict[str, str]] = []
        items = [_item_cells(item, opts) for item in bpss.items(domain)]
        if domain == "biological" or domain == "psychological":
            measures = bpss.measurement_rows(age=age, lang=opts.lang)
            bio_keys = (("tinggi badan", "berat badan", "indeks massa tubuh (IMT)") if opts.lang == "id"
                        else ("height", "weight", "body-mass index (BMI)"))
            written = {v.get("aspect") for v in items}  # an item the case writes itself is not repeated
            for aspect, value in measures:
                if (aspect in bio_keys) == (domain == "biological") and aspect not in written:
                    values.append({"aspect": aspect, "finding": value, "finding_analysis": value})
        values += items
        if not values:
            continue
        label = DOMAIN_LABELS[domain][opts.lang]
        if not flat:
            rows.append(SectionRow(f"{letters[d]}. {label}"))
        for i, v in enumerate(values):
            v = {**v, "no": str(i + 1), "domain": label}
            rows.append([v.get(c, "") for c in cols])
    return Table(captioned("cap_bpss", case, opts), [word(c, opts.lang) for c in cols], rows,
                 label=word("table", opts.lang), widths=[COLUMNS["bpss"][c] for c in cols], key="bpss")


# -- plan, sessions, change, systems ---------------------------------------------------------
def _plan_values(items: list[PlanItem]) -> list[dict[str, str]]:
    return [{"no": str(i + 1), "activity": it.activity, "method": it.method or "",
             "techniques": "\n".join(it.techniques), "aims": "\n".join(it.aims)}
            for i, it in enumerate(items)]


def plan_tables(case: Case, opts: ReportOptions | None = None) -> list[Table]:
    """Intervention plan: one table for case work and one for group work (Tabel 4.4, 4.5)."""
    opts = opts or ReportOptions()
    if case.plan is None:
        return []
    out = []
    for kind in ("case_work", "group_work"):
        items = getattr(case.plan, kind)
        if items:
            table = _build("plan", f"cap_plan_{kind}", case, opts, _plan_values(items))
            table.key = f"plan_{kind}"
            out.append(table)
    return out


def _session_values(sessions: list[Session], opts: ReportOptions) -> list[dict[str, str]]:
    out = []
    for i, s in enumerate(sessions):
        out.append({
            "session": str(s.number if s.number is not None else i + 1),
            "day_date": long_date(s.date, opts.lang) if s.date else "",
            "time": s.time or "", "kind": word(s.kind, opts.lang) if s.kind else "",
            "activity": s.activity or "", "techniques": "\n".join(s.techniques),
            "process": s.process or "", "result": s.result or "",
        })
    return out


def schedule_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Intervention schedule (Tabel 4.6)."""
    opts = opts or ReportOptions()
    if not case.sessions:
        return None
    return _build("schedule", "cap_schedule", case, opts, _session_values(case.sessions, opts))


def process_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Intervention process log (Tabel 4.7): what happened and the result of each session."""
    opts = opts or ReportOptions()
    if not any(s.process or s.result for s in case.sessions):
        return None
    return _build("process", "cap_process", case, opts, _session_values(case.sessions, opts))


def behaviour_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Behaviour change before / during / after the intervention (Tabel 4.8)."""
    opts = opts or ReportOptions()
    if not case.behaviour_change:
        return None
    values = [{"no": str(i + 1), "target": b.target, "before": b.before or "", "during": b.during or "",
               "after": b.after or ""} for i, b in enumerate(case.behaviour_change)]
    return _build("behaviour", "cap_behaviour", case, opts, values)


def systems_table(case: Case, opts: ReportOptions | None = None) -> Table | None:
    """Intervention systems: client, target, action and change-agent systems."""
    opts = opts or ReportOptions()
    if not case.intervention_systems:
        return None
    values = [{"no": str(i + 1), "system": word(f"sys_{s.system}", opts.lang),
               "members": ", ".join(s.members), "system_role": s.role or ""}
              for i, s in enumerate(case.intervention_systems)]
    return _build("systems", "cap_systems", case, opts, values)
