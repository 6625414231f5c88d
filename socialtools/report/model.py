"""The model of a case report: the chapter's blocks (headings, paragraphs, numbered tables and
figures) and the options it is written with. Builders (:mod:`.document`, :mod:`.casetables`) make
it; writers (:mod:`.docx_writer`, :mod:`.html_writer`, :mod:`.markdown_writer`) read it and never
each other.

>>> report = Report("Klien", "id", [Heading(1, "BAB 4"), Paragraph("Teks.")])
>>> [type(b).__name__ for b in report.blocks], report.tables()
(['Heading', 'Paragraph'], [])
>>> ReportOptions(only=("bpss", "keuangan"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
socialtools.errors.UsageError: only: no report part 'keuangan' ... choose from client (or identity), ...
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from socialtools.errors import UsageError
from socialtools.report.tables import Table

#: Columns each table offers (key → relative width); the defaults are marked in DEFAULT_COLUMNS.
COLUMNS: dict[str, dict[str, float]] = {
    "bpss": {"no": 0.5, "domain": 1.2, "aspect": 2.0, "finding": 4.0, "analysis": 3.0,
             "finding_analysis": 5.0, "source": 1.8, "date": 1.6},
    "family": {"no": 0.5, "name": 1.4, "role": 1.5, "sex": 1.4, "birth": 2.0, "age": 0.8,
               "education": 1.3, "occupation": 1.8, "religion": 1.1, "place": 1.8,
               "address": 2.2, "phone": 1.6},
    "plan": {"no": 0.5, "activity": 2.0, "method": 3.0, "techniques": 2.0, "aims": 3.0},
    "schedule": {"session": 0.7, "day_date": 2.4, "time": 1.4, "kind": 1.3, "activity": 2.5,
                 "techniques": 2.2},
    "process": {"session": 0.7, "day_date": 2.0, "techniques": 1.8, "process": 3.5, "result": 3.0},
    "behaviour": {"no": 0.5, "target": 2.0, "before": 2.5, "during": 2.5, "after": 2.5},
    "systems": {"no": 0.5, "system": 2.0, "members": 3.0, "system_role": 3.5},
}
DEFAULT_COLUMNS: dict[str, list[str]] = {
    "bpss": ["no", "aspect", "finding_analysis"],
    "family": ["no", "name", "role", "sex", "birth", "age", "occupation", "religion"],
    "plan": ["no", "activity", "method", "aims"],
    "schedule": ["session", "day_date", "time", "kind", "activity", "techniques"],
    "process": ["session", "day_date", "techniques", "process", "result"],
    "behaviour": ["no", "target", "before", "during", "after"],
    "systems": ["no", "system", "members", "system_role"],
}
PRIVATE_COLUMNS = frozenset({"address", "phone"})
#: Parts of the report that ``only`` can pick (their tables and figures keep the full report's numbers).
PARTS = ("client", "family", "bpss", "genogram", "ecomap", "strengths", "plan", "systems", "schedule", "process",
         "evaluation", "behaviour", "termination")
#: Other names of the parts: the case file's ``narrative``/``source`` keys (``identity``, ``comparison``,
#: ``intervention_systems``, ``behaviour_change``) and Indonesian words.
PART_ALIASES = {
    "identity": "client", "identitas": "client", "klien": "client", "keluarga": "family", "ekomap": "ecomap",
    "comparison": "ecomap", "perbandingan": "ecomap", "kekuatan": "strengths", "kuadran": "strengths",
    "rencana": "plan", "sistem": "systems", "intervention_systems": "systems", "jadwal": "schedule",
    "proses": "process", "evaluasi": "evaluation", "behaviour_change": "behaviour", "behavior": "behaviour",
    "perubahan": "behaviour", "terminasi": "termination",
}


def report_part(name: str) -> str:
    """The ``only`` part a name stands for (``identity``, ``Identitas`` → ``client``); an unknown name
    is refused with the nearest part or alias as a hint.

    >>> report_part("Identitas"), report_part("comparison"), report_part("bpss")
    ('client', 'ecomap', 'bpss')
    >>> report_part("genogrm")
    Traceback (most recent call last):
    ...
    socialtools.errors.UsageError: only: no report part 'genogrm' (did you mean 'genogram'?): choose from client \
(or identity), family, bpss, genogram, ecomap (or comparison), strengths, plan, systems, schedule, process, \
evaluation, behaviour, termination
    """
    word = name.strip().lower().replace(" ", "_").replace("-", "_")
    part = PART_ALIASES.get(word, word)
    if part in PARTS:
        return part
    close = difflib.get_close_matches(word, [*PARTS, *PART_ALIASES], n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    shown = [f"{p} (or {' or '.join(a for a in ('identity', 'comparison') if PART_ALIASES[a] == p)})"
             if p in ("client", "ecomap") else p for p in PARTS]
    raise UsageError(f"only: no report part '{name}'{hint}: choose from {', '.join(shown)}")


@dataclass
class ReportOptions:
    """How the report is written.

    ``columns`` maps a table key (``bpss``, ``family``, ``plan``, ``schedule``, ``process``,
    ``behaviour``, ``systems``) to the column keys to show, in order; ``only`` keeps just the named
    parts (:data:`PARTS`, or their :data:`PART_ALIASES` such as the ``narrative`` key ``identity``)
    without headings, numbered as in the whole report.

    >>> opts = ReportOptions(lang="en", initials=True)
    >>> opts.lang, opts.initials, opts.include_private
    ('en', True, False)
    """

    lang: str = "id"
    include_private: bool = False
    initials: bool = False
    columns: dict[str, list[str]] = field(default_factory=dict)
    figures: bool = True
    dpi: float = 200
    only: tuple[str, ...] = ()
    source: str | None = None  # the 'Sumber:' line under every table and figure (wins over the case file's)

    def __post_init__(self) -> None:
        if self.lang not in ("id", "en"):
            raise UsageError(f"unknown language '{self.lang}': choose id or en")
        if self.dpi <= 0:
            raise UsageError(f"dpi must be positive, not {self.dpi:g}")
        self.only = tuple(dict.fromkeys(report_part(k) for k in self.only))
        for key, cols in self.columns.items():
            if key not in COLUMNS:
                raise UsageError(f"no table '{key}': tables are {', '.join(COLUMNS)}")
            bad = [c for c in cols if c not in COLUMNS[key]]
            if bad:
                raise UsageError(f"table '{key}' has no column '{bad[0]}': choose from "
                                 f"{', '.join(COLUMNS[key])}")

    def columns_of(self, key: str) -> list[str]:
        cols = self.columns.get(key) or DEFAULT_COLUMNS[key]
        if not self.include_private:
            cols = [c for c in cols if c not in PRIVATE_COLUMNS]
        return cols


@dataclass
class Heading:
    """A numbered heading; level 1 is the chapter."""

    level: int
    text: str


@dataclass
class Paragraph:
    text: str
    key: str = ""


@dataclass
class Figure:
    """A picture (PNG) with its numbered caption; ``key`` names the kind (``genogram``)."""

    key: str
    caption: str
    png: bytes
    number: str | None = None
    label: str = "Gambar"
    dpi: float = 200
    source: str | None = None  # the whole line under the caption, e.g. 'Sumber: Hasil asesmen praktikan, 2024'
    min_font: float | None = None  # the smallest font of the drawing, in SVG units (1/96 inch at natural size)
    #: numbered notes written as text under the caption (a genogram's relationship labels, union notes)
    notes: tuple[str, ...] = ()
    #: the legend as a picture of its own, under the caption, when the drawing alone fills the page
    legend: Figure | None = None

    @property
    def title(self) -> str:
        return f"{self.label} {self.number} {self.caption}" if self.number else self.caption

    @property
    def size_px(self) -> tuple[int, int]:
        """Width and height from the PNG header."""
        return int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")


Block = Heading | Paragraph | Table | Figure


@dataclass
class Report:
    """A report chapter: title, language and blocks in reading order."""

    title: str
    lang: str
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a figure whose text prints under 8 pt

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]
