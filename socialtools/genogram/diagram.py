"""The genogram as one object: family + options → layout → SVG/PNG/PDF.

>>> from socialtools.examples import load_example
>>> g = Genogram.from_document(load_example("pk.yaml"))
>>> g.layout.nodes["PK"].row
1
>>> g.quality().overlaps
0
>>> g.to_dot().startswith("digraph")
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

from socialtools.draw.diagram import Diagram
from socialtools.draw.text import TextBlock
from socialtools.draw.theme import Theme
from socialtools.errors import InputError, UsageError
from socialtools.genogram.history import family_as_of, family_at_its_date
from socialtools.genogram.label_fields import label_fields
from socialtools.genogram.labels import (
    TEXT,
    LabelOptions,
    inner_text,
    narrowed,
    person_lines,
    short_years_readable,
    union_text,
)
from socialtools.genogram.layout import layout_family, staggered_labels
from socialtools.genogram.loops import with_loop_copies
from socialtools.genogram.model import LOSSES, Family, Union
from socialtools.genogram.notes import FigureNote, ended_line, figure_notes
from socialtools.genogram.placements import GenogramLayout, LayoutConfig
from socialtools.genogram.quality import LayoutQuality, layout_quality
from socialtools.genogram.render import GenogramRenderer, condition_styles
from socialtools.genogram.symbols import ConditionStyle
from socialtools.i18n import check_language, translate
from socialtools.io.limits import MAX_LINE_CHARS, shorten
from socialtools.io.loading import load_document
from socialtools.io.sections import parse_section

LABEL_WIDTH = 110.0


@dataclass(frozen=True)
class GenogramOptions:
    """How a genogram is drawn.

    >>> from socialtools import Family
    >>> options = GenogramOptions(lang="en", initials=True, labels=("name", "years"))
    >>> family = Family.model_validate({"people": [{"id": "A", "name": "Ani Rahma", "sex": "female"}]})
    >>> svg = Genogram(family, options).to_svg()
    >>> "AR" in svg, "Ani" in svg
    (True, False)

    - ``lang``: ``"id"`` (default) or ``"en"`` for labels and legend;
    - ``labels``: fields written under each person (see :data:`~socialtools.genogram.labels.LABEL_FIELDS`);
    - ``initials``: show initials instead of names (privacy);
    - ``full_dates``: show full dates (default: years only);
    - ``show_age``: age inside the symbol;
    - ``title``: a title above the drawing (``None``: the family's title; ``""``: none);
    - ``legend``, ``monochrome``: a legend of what is used; black and white only;
    - ``layout``: sizes and the engine (``Genogram(family, engine="graphviz")`` lets the
      Graphviz program order the rows of a tangled pedigree);
    - ``as_of``: a year: draw the family as it was then (see :mod:`~socialtools.genogram.history`);
      without it the family is drawn as of its own ``as_of`` (the date the genogram describes),
      the same way: a relationship or household that had ended by then is left out;
    - ``duplicate_loops``: draw one partner of a union of blood relatives (cousin marriage,
      pedigree collapse) a second time beside the other partner, joined to the original by a
      dashed line, as Madeline and the NSGC do (see :mod:`~socialtools.genogram.loops`); by
      default everyone is drawn once;
    - ``short_years``: union dates by the last two digits of their years (``n.'88 c.'95``) when
      all of them lie within a century (a printed report's compact genogram);
    - ``narrow_labels``: each label's names and roles wrapped at their spaces where the tallest
      label of its row leaves room for more lines (:func:`~socialtools.genogram.labels.narrowed`):
      the people stand closer, the rows no taller (a printed report's tightest genogram).
    """

    lang: str = "id"
    labels: tuple[str, ...] = ("name", "role", "years", "occupation")
    initials: bool = False
    full_dates: bool = False
    show_age: bool = True
    title: str | None = None
    legend: bool = True
    monochrome: bool = False
    layout: LayoutConfig = field(default_factory=LayoutConfig)
    theme: Theme | None = None  # fonts and colours (a report passes larger fonts for print)
    as_of: int | None = None
    duplicate_loops: bool = False
    short_years: bool = False
    narrow_labels: bool = False

    def __post_init__(self) -> None:
        # the API takes what --labels takes: fields, Indonesian words, or one comma-separated string
        object.__setattr__(self, "labels", label_fields(self.labels))


def with_options(options: GenogramOptions | None, *, engine: str | None = None, **given: Any) -> GenogramOptions:
    """``options`` (the defaults when None) with each field ``given`` that is not None put in, and
    the layout ``engine`` when it is given.

    >>> with_options(GenogramOptions(lang="en"), initials=True, lang=None, engine="own").lang
    'en'
    """
    chosen = {name: value for name, value in given.items() if value is not None}
    out = replace(options or GenogramOptions(), **chosen)
    if engine is not None:
        out = replace(out, layout=replace(out.layout, engine=engine))
    check_language(out.lang)
    return out


def earliest_birth(family: Family) -> int | None:
    """The earliest year anyone of ``family`` was born (a pregnancy loss dated by its one date, an
    age without a birth year counted back from the family's date), or ``None`` when none is known.

    >>> earliest_birth(Family.model_validate({"people": [{"id": "A", "birth": 1950}, {"id": "B", "age": 80}],
    ...                                      "as_of": 2024}))
    1944
    """
    today = family.reference_date().year
    years = [p.birth.year if p.birth is not None else p.death.year if p.death is not None and p.kind in LOSSES
             else today - p.age if p.age is not None and not p.deceased else None for p in family.people]
    return min((y for y in years if y is not None), default=None)


def nobody_born_by(family: Family, year: int, field: str = "as_of") -> InputError:
    """The error for drawing ``family`` in a ``year`` before anyone of it was born (an empty drawing);
    ``field`` names the option that gave the year.

    >>> f = Family.model_validate({"people": [{"id": "A", "birth": 1932}]})
    >>> str(nobody_born_by(f, 1900))
    "family, field 'as_of': nobody in the family was born by 1900; the earliest birth is 1932"
    """
    earliest = earliest_birth(family)
    after = f"; the earliest birth is {earliest}" if earliest is not None and earliest > year else ""
    return InputError(f"nobody in the family was born by {year}{after}", record="family", field=field)


class Genogram(Diagram):
    """A genogram of ``family``.

    >>> from socialtools import Family
    >>> f = Family.model_validate({"people": [{"id": "A", "sex": "male"}]})
    >>> Genogram(f, lang="en").to_svg().count("Male")
    1
    >>> Genogram(f, GenogramOptions(lang="en", legend=False), legend=True).options.legend  # a keyword wins
    True

    Every field of :class:`GenogramOptions` is a keyword option. ``Genogram(family, as_of=2015)``
    draws the family as it was in 2015: the people born by then, their ages then, unions, deaths,
    households and relationships in their state then. Without ``as_of`` the family is drawn the
    same way as of its own ``as_of`` (the date the genogram describes): a relationship that had
    ended by then is not drawn as current. :attr:`full_family` is the family as given.
    """

    TEXT_FORMATS: ClassVar[dict[str, str]] = {".dot": "to_dot"}
    #: Draw the family as of its own ``as_of`` when no year is asked (a comparison's shared
    #: layout draws every record of the family it is given instead).
    at_its_date: ClassVar[bool] = True

    def __init__(
        self,
        family: Family,
        options: GenogramOptions | None = None,
        *,
        lang: str | None = None,
        labels: Sequence[str] | None = None,
        initials: bool | None = None,
        full_dates: bool | None = None,
        show_age: bool | None = None,
        title: str | None = None,
        legend: bool | None = None,
        monochrome: bool | None = None,
        layout: LayoutConfig | None = None,
        theme: Theme | None = None,
        as_of: int | None = None,
        duplicate_loops: bool | None = None,
        short_years: bool | None = None,
        narrow_labels: bool | None = None,
        engine: str | None = None,
    ) -> None:
        """Each keyword given replaces that field of ``options`` (:class:`GenogramOptions`, the
        defaults when None); ``engine`` names the layout engine of ``layout``."""
        if not isinstance(family, Family):
            raise UsageError(f"Genogram takes a Family, got {type(family).__name__}: Family.model_validate(data) "
                             "makes one, or Genogram.from_document(data) reads a case document")
        self.family = family
        self.options = with_options(options, lang=lang, labels=labels, initials=initials, full_dates=full_dates,
                                    show_age=show_age, title=title, legend=legend, monochrome=monochrome,
                                    layout=layout, theme=theme, as_of=as_of, duplicate_loops=duplicate_loops,
                                    short_years=short_years, narrow_labels=narrow_labels, engine=engine)
        self.full_family = family
        # names as initials: the initials the whole family gives, also in a year when fewer were born
        drawn = family.with_initials() if self.options.initials else family
        if self.options.as_of is not None:
            self.family = family_as_of(drawn, self.options.as_of)
            if family.people and not self.family.people:
                raise nobody_born_by(family, self.options.as_of)
        elif self.at_its_date:  # the date the family gives: drawn as --as-of that year draws it
            self.family = family_at_its_date(drawn)
        else:
            self.family = drawn
        self.copies: dict[str, str] = {}  # people drawn a second time: copy id -> original id
        if self.options.duplicate_loops:
            self.family, self.copies = with_loop_copies(self.family)

    @classmethod
    def from_document(cls, document: dict[str, Any], *, source: str | None = None, **options: Any) -> Genogram:
        """A genogram of the ``family`` section of a case document (or a bare family); ``options``
        as for :class:`Genogram` (``options=GenogramOptions(...)`` too)."""
        family = parse_section(Family, document, "family", marker="people", source=source)
        return cls(family, **options)

    @classmethod
    def from_file(cls, path: str | Path, options: GenogramOptions | None = None, **keywords: Any) -> Genogram:
        """A genogram of a YAML/JSON family or case file."""
        return cls.from_document(load_document(path), source=str(path), options=options, **keywords)

    @cached_property
    def layout(self) -> GenogramLayout:
        """Plain coordinates of everything drawn."""
        o, f = self.options, self.family
        label_options = LabelOptions(fields=o.labels, initials=o.initials, full_dates=o.full_dates, lang=o.lang)
        size = o.layout.label_size
        labels = {p.id: TextBlock.wrapped(person_lines(p, f, label_options), LABEL_WIDTH, size) for p in f.people}
        unions = {u.id: self.union_label(u) for u in f.unions if u.id}
        households = {h.id: shorten(h.label or "", MAX_LINE_CHARS) for h in f.households if h.id}
        laid = layout_family(f, labels, unions, households, o.layout, self.copies)
        if not o.narrow_labels:
            return laid
        # the rows as first laid out: each label as narrow as the tallest label of its row allows
        narrow = dict(labels)
        # labels standing on two heights (LayoutConfig.stagger_labels) may take a line more
        staggered = staggered_labels(f, labels, o.layout)[0]
        for people in laid.rows.values():
            tallest = max((len(labels[p].lines) for p in people if p in labels), default=0)
            narrow.update({p: narrowed(labels[p], tallest + (p in staggered)) for p in people if p in labels})
        if narrow == labels:
            return laid
        return layout_family(f, narrow, unions, households, o.layout, self.copies)

    def to_dot(self) -> str:
        """The family as Graphviz DOT text (see :func:`socialtools.genogram.dot.family_to_dot`)."""
        from socialtools.genogram.dot import family_to_dot

        if self.options.initials:
            from socialtools.privacy import hide_identifying

            return family_to_dot(hide_identifying(self.family))
        return family_to_dot(self.family)

    def quality(self) -> LayoutQuality:
        """Measures of the layout: overlaps, lines through symbols or labels, crossings, width.
        People drawn a second time (``duplicate_loops``) are counted as ``copies``, not as people.
        Drawn as of the family's own date, someone it leaves out (born after ``as_of``: a typo) is
        counted as missing; with an ``as_of`` option, people born later are left out on purpose."""
        quality = layout_quality(self.layout, self.family)
        if self.copies:  # a copy is one of the family drawn again (duplicate_loops): counted once
            quality.people -= len(self.copies)
            quality.drawn -= sum(1 for copy in self.copies if copy in self.layout.nodes)
            quality.copies = len(self.copies)
        if self.options.as_of is None and self.family is not self.full_family:
            kept = {p.id for p in self.family.people}
            left_out = [p.id for p in self.full_family.people if p.id not in kept]
            quality.people += len(left_out)
            quality.missing += left_out
        return quality

    def notes(self) -> list[FigureNote]:
        """The numbered notes under the figure: relationship labels, union and person notes."""
        o = self.options
        unplaced = {uid: text for uid, u in self.layout.unions.items() if u.label_box is None and len(u.partners) == 2
                    and (text := self.union_label(self.family_union(uid)))}
        return figure_notes(self.family, o.lang, o.labels, o.initials, unplaced)

    def ended_note(self) -> str | None:
        """The line under the notes naming the relationships that had ended by the drawing's year
        (``None``: none): they are not drawn as current, and never left out in silence.

        >>> from socialtools import Family
        >>> f = Family.model_validate({"as_of": 2024, "people": [{"id": "A"}, {"id": "B"}],
        ...     "relationships": [{"between": ["A", "B"], "kind": "cutoff", "start": 1990, "end": 2011}]})
        >>> Genogram(f, lang="en").ended_note()
        'Relationships that had ended (not drawn): A – B (Cut-off, 1990–2011)'
        """
        if self.family is self.full_family:
            return None
        year = self.family.reference_date().year
        drawn = {(tuple(r.between), r.kind) for r in self.family.relationships}
        kept = {p.id for p in self.family.people}
        ended = [r for r in self.full_family.relationships if r.end is not None and r.end.year <= year
                 and (tuple(r.between), r.kind) not in drawn and set(r.between) <= kept]
        return ended_line(self.full_family, ended, self.options.lang, self.options.initials)

    def union_label(self, union: Union) -> str:
        """The date label of ``union`` as drawn (its years shortened with ``short_years``)."""
        return union_text(union, self.options.lang, short=self._short_years)

    @cached_property
    def _short_years(self) -> bool:
        return self.options.short_years and short_years_readable(self.family)

    def family_union(self, uid: str) -> Union:
        """The union with id ``uid``."""
        return self._unions[uid]

    @cached_property
    def _unions(self) -> dict[str, Union]:
        return {u.id: u for u in self.family.unions if u.id is not None}

    @cached_property
    def condition_styles(self) -> dict[str, ConditionStyle]:
        """The quadrant and fill of each condition, assigned over the family as given
        (:attr:`full_family`): a drawing of the family in an earlier year (``as_of``) gives a condition
        the same place and grey as the whole family's drawing, and leaves out one that had not begun."""
        return condition_styles(self.full_family)

    def title(self) -> str | None:
        """The title drawn above the genogram (with the year of ``as_of``)."""
        o = self.options
        title = self.family.title if o.title is None else o.title
        if title and o.as_of is not None and o.title is None:
            title = f"{title} — {translate(TEXT, 'as_of', o.lang)} {o.as_of}"
        if title and o.initials:
            from socialtools.privacy import mask_names

            title = mask_names(title, self.family)
        return title or None

    def renderer(self, legend_at: str = "below", legend_columns: int | None = None,
                 notes_text: bool = True, wrap_legend: bool = False, legend_height: float | None = None,
                 tight_legend: bool = False) -> GenogramRenderer:
        """The painter of this genogram (used by :meth:`to_svg` and by comparisons). A printed report
        asks for its legend ``legend_at`` ``"grid"`` (under the drawing in compact columns) or
        ``"beside"`` it, in ``legend_columns`` columns, and writes the numbered notes under its caption
        itself (``notes_text=False``: only their numbers are drawn); ``wrap_legend``: a legend beside
        the drawing in columns as tall as it, its long labels wrapped where that makes it narrower (a
        wide drawing on a landscape page), no taller than ``legend_height`` when that is more than the
        drawing's height, its lines closer together with ``tight_legend``; the layout is the same."""
        o = self.options
        when = self.family.reference_date()
        inner = {p.id: inner_text(p, self.family, when) if o.show_age or p.count else None for p in self.family.people}
        return GenogramRenderer(self.family, self.layout, lang=o.lang, title=self.title(), inner=inner,
                                theme=o.theme or Theme(monochrome=o.monochrome), legend=o.legend,
                                notes=self.notes(), ended_note=self.ended_note(), legend_at=legend_at,
                                notes_text=notes_text,
                                legend_columns=legend_columns, wrap_legend=wrap_legend,
                                legend_height=legend_height, tight_legend=tight_legend,
                                styles=self.condition_styles)

    def to_svg(self) -> str:
        return self.renderer().render()
