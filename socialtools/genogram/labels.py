"""The words of a genogram: label lines under each person, union dates, legend names.

Everything here is text in Indonesian (``id``) or English (``en``); the layout measures it.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "K", "sex": "male", "birth": 1972, "role": "ayah"}]})
>>> person_lines(f.people[0], f, LabelOptions(fields=("name", "years")))
['K', 'l. 1972']
>>> union_text(Union(partners=["K"], kind="divorced", start=1990, end=2001), "en")
'm. 1990 d. 2001'

An approximate date (``sekitar 1950``, ``~1950``, GEDCOM ``ABT 1950``, ``BEF``, ``BET … AND``) is
``~1950`` in both languages:

>>> p = Family.model_validate({"people": [{"id": "B", "birth": "sekitar 1950", "death": 1990}]}).people[0]
>>> person_lines(p, f, LabelOptions(fields=("years",), lang="en"))
['~1950–1990']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from socialtools.dates import PartialDate
from socialtools.draw.text import TextBlock, text_width
from socialtools.genogram.label_fields import LABEL_FIELDS
from socialtools.genogram.model import LOSSES, Family, Person, Union
from socialtools.i18n import Catalogue, translate

TEXT: Catalogue = {
    # people
    "male": {"id": "Laki-laki", "en": "Male"},
    "female": {"id": "Perempuan", "en": "Female"},
    "unknown": {"id": "Jenis kelamin tidak diketahui", "en": "Sex unknown"},
    "non_binary": {"id": "Non-biner", "en": "Non-binary"},
    "index": {"id": "Klien (orang indeks)", "en": "Client (index person)"},
    "deceased": {"id": "Meninggal", "en": "Deceased"},
    "pregnancy": {"id": "Kehamilan", "en": "Pregnancy"},
    "miscarriage": {"id": "Keguguran", "en": "Miscarriage"},
    "abortion": {"id": "Aborsi", "en": "Induced abortion"},
    "stillbirth": {"id": "Lahir mati", "en": "Stillbirth"},
    "pet": {"id": "Hewan peliharaan", "en": "Pet"},
    "born": {"id": "l.", "en": "b."},
    "due": {"id": "HPL", "en": "due"},  # an ongoing pregnancy: hari perkiraan lahir, the due date
    "died": {"id": "w.", "en": "d."},
    "age_unit": {"id": "th", "en": "y"},
    "weeks": {"id": "mgg", "en": "wk"},
    "AFAB": {"id": "AFAB", "en": "AFAB"},
    "AMAB": {"id": "AMAB", "en": "AMAB"},
    # unions
    "married": {"id": "Menikah", "en": "Married"},
    "unregistered": {"id": "Nikah siri (tidak tercatat)", "en": "Unregistered (religious) marriage"},
    "cohabiting": {"id": "Tinggal bersama", "en": "Living together"},
    "engaged": {"id": "Bertunangan", "en": "Engaged"},
    "separated": {"id": "Berpisah", "en": "Separated"},
    "divorced": {"id": "Bercerai", "en": "Divorced"},
    "widowed": {"id": "Cerai mati (janda/duda)", "en": "Widowed"},
    "reconciled": {"id": "Rujuk setelah berpisah", "en": "Reconciled after a separation"},
    "committed": {"id": "Hubungan berkomitmen", "en": "Committed relationship"},
    "affair": {"id": "Perselingkuhan", "en": "Affair"},
    "annulled": {"id": "Pembatalan nikah", "en": "Annulled"},
    "union_unknown": {"id": "Pasangan (jenis tidak disebut)", "en": "Partners (kind not stated)"},
    "married_or_unknown": {"id": "Menikah, atau pasangan yang jenisnya tidak disebut",
                           "en": "Married, or partners of a kind not stated"},
    "consanguineous": {"id": "Pernikahan sedarah", "en": "Consanguineous union"},
    "duplicate": {"id": "Orang yang sama (digambar dua kali)", "en": "Same person (drawn twice)"},
    "m": {"id": "n.", "en": "m."},
    "ns": {"id": "n.s.", "en": "u.m."},
    "lt": {"id": "TB", "en": "LT"},
    "e": {"id": "t.", "en": "e."},
    "s": {"id": "p.", "en": "s."},
    "d": {"id": "c.", "en": "d."},
    "w": {"id": "cm.", "en": "w."},
    "r": {"id": "rj.", "en": "rec."},
    # children
    "biological": {"id": "Anak kandung", "en": "Biological child"},
    "adopted": {"id": "Anak angkat (adopsi)", "en": "Adopted child"},
    "foster": {"id": "Anak asuh", "en": "Foster child"},
    "step": {"id": "Anak tiri", "en": "Stepchild"},
    "twins": {"id": "Kembar", "en": "Twins"},
    "identical_twins": {"id": "Kembar identik", "en": "Identical twins"},
    # relationships
    "close": {"id": "Dekat", "en": "Close"},
    "fused": {"id": "Sangat dekat (menyatu)", "en": "Fused / very close"},
    "distant": {"id": "Jauh", "en": "Distant"},
    "cutoff": {"id": "Putus hubungan", "en": "Cut-off"},
    "cutoff_repaired": {"id": "Putus lalu pulih", "en": "Cut-off repaired"},
    "conflict": {"id": "Konflik", "en": "Conflict"},
    "hostile": {"id": "Bermusuhan", "en": "Hostile"},
    "close_hostile": {"id": "Dekat tetapi bermusuhan", "en": "Close–hostile"},
    "fused_hostile": {"id": "Menyatu tetapi bermusuhan", "en": "Fused–hostile"},
    "focused_on": {"id": "Terfokus pada (panah: ke siapa)", "en": "Focused on (arrow: on whom)"},
    "physical_abuse": {"id": "Kekerasan fisik (panah: ke korban)", "en": "Physical abuse (arrow: to victim)"},
    "emotional_abuse": {"id": "Kekerasan emosional (panah: ke korban)", "en": "Emotional abuse (arrow: to victim)"},
    "sexual_abuse": {"id": "Kekerasan seksual (panah: ke korban)", "en": "Sexual abuse (arrow: to victim)"},
    "neglect": {"id": "Penelantaran (panah: ke yang ditelantarkan)", "en": "Neglect (arrow: to the neglected)"},
    "caretaker": {"id": "Pengasuh (panah: ke yang diasuh)", "en": "Caretaker (arrow: to the one cared for)"},
    "spiritual": {"id": "Hubungan spiritual", "en": "Spiritual connection"},
    "indifferent": {"id": "Acuh tak acuh", "en": "Indifferent"},
    "harmony": {"id": "Harmonis", "en": "Harmony"},
    # other
    "household": {"id": "Tinggal serumah", "en": "Household"},
    "affected": {"id": "Memiliki kondisi (terdampak)", "en": "Affected"},
    "suspected": {"id": "dugaan", "en": "suspected"},
    "recovery": {"id": "dalam pemulihan", "en": "in recovery"},
    "genogram": {"id": "Genogram", "en": "Genogram"},
    "notes": {"id": "Catatan", "en": "Notes"},
    "ended_relationships": {"id": "Hubungan yang telah berakhir (tidak digambar)",
                            "en": "Relationships that had ended (not drawn)"},
    "as_of": {"id": "keadaan tahun", "en": "as of"},
}


#: Condition names that only say "affected": a pedigree table's affection column is named so
#: (PLINK, kinship2, ...), and the reader names the condition after the column.
GENERIC_CONDITIONS = frozenset({"affected", "affection", "phenotype", "pheno", "disease", "condition", "trait"})


#: the English names the readers of genetics files give conditions (CanRisk's five cancers), in Indonesian
IMPORTED_CONDITIONS_ID = {"breast cancer": "kanker payudara",
                          "contralateral breast cancer": "kanker payudara kontralateral",
                          "ovarian cancer": "kanker ovarium", "prostate cancer": "kanker prostat",
                          "pancreatic cancer": "kanker pankreas"}


def condition_name(name: str, lang: str) -> str:
    """A condition as the legend names it: its own name, "affected" in the legend's language for
    the generic name a pedigree table gives, or in Indonesian the name a genetics file's reader
    gave in English (a CanRisk file's ``breast cancer``).

    >>> condition_name("Affected", "id"), condition_name("diabetes", "id"), condition_name("breast cancer", "id")
    ('Memiliki kondisi (terdampak)', 'diabetes', 'kanker payudara')
    """
    key = name.strip().lower()
    if key in GENERIC_CONDITIONS:
        return translate(TEXT, "affected", lang)
    return IMPORTED_CONDITIONS_ID.get(key, name) if lang == "id" else name


@dataclass(frozen=True)
class LabelOptions:
    """What is written under each person.

    ``fields``: any of :data:`LABEL_FIELDS` in order; ``initials``: names shown as initials;
    ``full_dates``: show full birth/death dates (default: years only, for privacy).
    """

    fields: tuple[str, ...] = ("name", "role", "years", "occupation")
    initials: bool = False
    full_dates: bool = False
    lang: str = "id"


def _date(value: PartialDate, full: bool) -> str:
    """A date of a label: the year alone unless ``full``; ``~1950`` when it is approximate."""
    return value.display(full)


def person_lines(person: Person, family: Family, options: LabelOptions) -> list[str]:
    """Label lines of one person, in the order of ``options.fields``."""
    lang = options.lang
    out: list[str] = []
    for name in options.fields:
        if name == "name":
            out.append(family.initials_of(person.id) if options.initials or not person.name else person.name)
        elif name == "years":
            if person.kind in LOSSES:  # a pregnancy loss has one date: the year alone
                when = person.death or person.birth
                if when:
                    out.append(_date(when, options.full_dates))
            elif person.kind == "pregnancy":  # not born: its date is the due date
                if person.birth:
                    out.append(f"{translate(TEXT, 'due', lang)} {_date(person.birth, options.full_dates)}")
            elif person.birth and person.death:
                born, died = _date(person.birth, options.full_dates), _date(person.death, options.full_dates)
                if born == died:  # died in the year of birth: the year once ('l./w. 1983', 'b./d. 1983')
                    out.append(f"{translate(TEXT, 'born', lang)}/{translate(TEXT, 'died', lang)} {born}")
                else:
                    out.append(f"{born}–{died}")
            elif person.birth:
                out.append(f"{translate(TEXT, 'born', lang)} {_date(person.birth, options.full_dates)}")
            elif person.death:
                out.append(f"{translate(TEXT, 'died', lang)} {_date(person.death, options.full_dates)}")
        elif name == "age":
            age = person.age_at(family.reference_date())
            if age is not None:
                out.append(f"{age_text(age, about=person.age_approximate and person.birth is None)} "
                           f"{translate(TEXT, 'age_unit', lang)}")
        elif name == "conditions":
            out.extend(c.name for c in person.conditions)
        elif name in LABEL_FIELDS:
            value = getattr(person, name)
            if value:
                out.append(str(value))
    if person.kind == "pregnancy" and person.gestation_weeks:
        out.append(f"{person.gestation_weeks} {translate(TEXT, 'weeks', lang)}")
    if person.gender in ("trans_man", "trans_woman", "non_binary") and person.sex != "unknown":
        out.append(translate(TEXT, "AFAB" if person.sex == "female" else "AMAB", lang))
    return [line for line in out if line]


def age_text(age: int, about: bool = False) -> str:
    """An age as a genogram writes it: whole years, and ``<1`` for a baby under one year (an infant
    who died in the year of birth, a newborn) rather than an age of ``0``; ``about``: an age given
    as approximate (``age: ~45``), ``~45``.

    >>> age_text(0), age_text(7), age_text(45, about=True)
    ('<1', '7', '~45')
    """
    return ("~" if about else "") + ("<1" if age == 0 else str(age))


def inner_text(person: Person, family: Family, when: PartialDate | None = None) -> str | None:
    """Text inside the symbol: the count of several people, else the age (at ``when``, by default
    the family's :meth:`~Family.reference_date`: give it once for a whole family)."""
    if person.count:
        return str(person.count)
    if person.kind != "person":
        return None
    age = person.age_at(when or family.reference_date())
    return None if age is None else age_text(age, about=person.age_approximate and person.birth is None)


EVENT_PREFIX = {"married": "m", "unregistered": "ns", "cohabiting": "lt", "engaged": "e", "committed": "lt",
                "affair": "lt", "separated": "s", "divorced": "d", "annulled": "d", "widowed": "w", "reconciled": "r"}


def union_text(union: Union, lang: str, short: bool = False) -> str:
    """Date label of a union, one abbreviation and year per event of its history.

    ``n. 1995``; ``n. 1990 c. 2001`` (``m. 1990 d. 2001`` in English); a widowhood ends
    ``n. 1986 cm. 2019`` (``m. 1986 w. 2019``); a reconciliation ``n. 1995 p. 2004 rj. 2010``.
    ``short``: the years by their last two digits, as genograms often write them (``n.'95 p.'04
    rj.'10``; a printed report's compact genogram, see :func:`short_years_readable`).

    >>> union_text(Union(partners=["A", "B"], events=["married 1986", "widowed 2019"]), "en")
    'm. 1986 w. 2019'
    >>> union_text(Union(partners=["A", "B"], events=["married ~1986", "widowed 2019"]), "id", short=True)
    "n.~'86 cm.'19"
    """
    space = "" if short else " "
    parts = [f"{translate(TEXT, EVENT_PREFIX[e.kind], lang)}{space}{_year(e.year, short)}"
             for e in union.history if e.kind in EVENT_PREFIX]
    return " ".join(parts)


def _year(date: PartialDate, short: bool) -> str:
    shown = date.display(full=False)
    return shown.replace(str(date.year), f"'{date.year % 100:02d}") if short and date.year >= 1000 else shown


def short_years_readable(family: Family) -> bool:
    """Whether the family's union years read unambiguously by their last two digits: all of them
    within less than a century of each other.

    >>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
    ...     "unions": [{"partners": ["A", "B"], "start": 1920}, {"partners": ["B", "C"], "start": 2021}]})
    >>> short_years_readable(f)
    False
    """
    years = [e.year.year for u in family.unions for e in u.history if e.kind in EVENT_PREFIX]
    return not years or max(years) - min(years) < 100


_DIGIT = re.compile(r"\d")


def _is_words(line: str) -> bool:
    """Whether a label line is words that may wrap (a name, a role: ``Anak Nomor 10``), not dates kept
    whole (``l. 1968``, ``1940–1999``, ``n.'88 c.'95``): it has a space to break at (:func:`_words`), and a
    digit only after a first word that has none and is no abbreviation.

    >>> [_is_words(t) for t in ("Rina Astuti", "Anak Nomor 10", "Kembar 1", "l. 1968", "KG 1967", "Sri")]
    [True, True, False, False, False, False]
    """
    if len(_words(line)) < 2:
        return False
    if not _DIGIT.search(line):
        return True
    first = line.split()[0]
    return not _DIGIT.search(first) and not first.endswith(".") and len(first) > 2 and not first.isupper()


def _words(line: str) -> list[str]:
    """The pieces a label line may break between: its words, a number kept with the word before it.

    >>> _words("Anak Nomor 10"), _words("Kembar 1")
    (['Anak', 'Nomor 10'], ['Kembar 1'])
    """
    pieces: list[str] = []
    for word in line.split():
        if pieces and _DIGIT.search(word):
            pieces[-1] = f"{pieces[-1]} {word}"
        else:
            pieces.append(word)
    return pieces


def narrowed(block: TextBlock, max_lines: int) -> TextBlock:
    """``block`` made as narrow as it can be in at most ``max_lines`` lines: its lines of words
    (a name, a role, an occupation: no digit in them) wrapped at their spaces, its lines of dates
    (``l. 1968``, ``1940–1999``) kept whole; ``block`` itself when that makes it no narrower (a
    report's compact genogram: a label wraps where its row is taller anyway, so the row does not grow).

    >>> narrowed(TextBlock(("Rina Astuti", "l. 1968"), 13.0), 3).lines
    ('Rina', 'Astuti', 'l. 1968')
    >>> narrowed(TextBlock(("Rina Astuti", "l. 1968"), 13.0), 2).lines
    ('Rina Astuti', 'l. 1968')
    """
    words = [line for line in block.lines if _is_words(line)]
    if not words or len(block.lines) >= max_lines:
        return block
    size, bold = block.size, block.bold
    floor = max((text_width(line, size, bold=bold) for line in block.lines if line not in words), default=0.0)
    runs = {text_width(" ".join(w[i:j]), size, bold=bold)
            for line in words for w in [_words(line)] for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
    for cap in sorted(w for w in runs | {floor} if w >= floor):
        lines = [part for line in block.lines
                 for part in (_wrap_words(line, cap, size, bold) if line in words else [line])]
        if len(lines) <= max_lines:
            narrow = TextBlock(tuple(lines), size, bold)
            return narrow if narrow.width < block.width - 0.5 else block
    return block


def _wrap_words(text: str, width: float, size: float, bold: bool) -> list[str]:
    """``text`` broken at its spaces into lines no wider than ``width`` where its words allow (a number
    stays with the word before it)."""
    lines: list[str] = []
    for word in _words(text):
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
