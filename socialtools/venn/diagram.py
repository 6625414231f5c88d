"""The Venn diagram object: a model plus options, exportable as SVG/PNG and shown inline in Jupyter.

>>> from socialtools.venn.sets.model import SetVenn
>>> d = VennDiagram(SetVenn(counts={"A": 3, "B": 2, "A&B": 1}), lang="en")
>>> d.to_svg().startswith("<?xml")
True
>>> d.layout.mode
'proportional'
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from socialtools.draw.diagram import Diagram
from socialtools.draw.quality import Quality
from socialtools.draw.theme import Theme
from socialtools.errors import InputError, UsageError
from socialtools.i18n import check_language
from socialtools.io.loading import parse_model
from socialtools.io.sections import in_section
from socialtools.venn.institutional.layout import GAP_STEP, InstitutionalLayout, layout_institutional
from socialtools.venn.institutional.model import InstitutionalVenn
from socialtools.venn.institutional.table import CompanionTable, companion_table
from socialtools.venn.sets.layout import SetLayout, layout_sets
from socialtools.venn.sets.model import SetVenn

VennModel = InstitutionalVenn | SetVenn
"""Either Venn model (the ``kind`` field tells them apart)."""

_KIND_WORDS = {"kelembagaan": "institutional", "lembaga": "institutional", "institusional": "institutional",
               "institution": "institutional", "institutions": "institutional", "pra": "institutional",
               "himpunan": "sets", "set": "sets", "euler": "sets"}


def venn_from_document(document: dict[str, Any], source: str | None = None) -> VennModel:
    """The Venn model of a document: a ``venn:`` section of a case file, or a file that is one.

    The kind comes from ``kind: institutional`` or ``kind: sets`` (guessed from
    ``institutions`` / ``sets`` / ``counts`` when absent).

    >>> venn_from_document({"venn": {"kind": "sets", "counts": {"A": 1, "B": 1}}}).kind
    'sets'
    """
    data = document.get("venn", document)
    if not isinstance(data, dict):
        raise InputError("expected a mapping (key: value)", record="venn", source=source)
    kind = data.get("kind")
    if kind is None:
        if "institutions" in data:
            kind = "institutional"
        elif "sets" in data or "counts" in data:
            kind = "sets"
        else:
            raise InputError("no 'venn' section, and no 'institutions', 'sets' or 'counts' to draw",
                             record="venn", field="kind", source=source)
    kind = _KIND_WORDS.get(str(kind).strip().lower(), kind)
    model: type[InstitutionalVenn] | type[SetVenn] | None = (
        InstitutionalVenn if kind == "institutional" else SetVenn if kind == "sets" else None)
    if model is not None:
        data = {**data, "kind": kind}
        try:
            return parse_model(model, data, record="venn")
        except InputError as exc:
            if "venn" in document:  # a case file's section: venn.institutions[0], as family.unions[2]
                raise in_section(exc, "venn", data, source) from None
            raise exc.located(source) if source else exc from None
    raise InputError(f"unknown kind '{kind}': use 'institutional' or 'sets'", record="venn", field="kind",
                     source=source)


class VennDiagram(Diagram):
    """A Venn diagram (institutional or set) ready to draw: ``to_svg()``, ``save(path)``, ``table()``.

    >>> from socialtools.venn import InstitutionalVenn
    >>> venn = InstitutionalVenn(centre="Keluarga S", institutions=[{"name": "Puskesmas", "kind": "pemerintah"}])
    >>> diagram = VennDiagram(venn, lang="en")
    >>> diagram.table().to_records()[0]["Institution"], "Government" in diagram.to_svg()
    ('Puskesmas', True)"""

    def __init__(self, model: VennModel, *, lang: str = "id", theme: Theme | None = None,
                 colour_by: str = "kind", legend: bool = True) -> None:
        self.model = model
        self.lang = check_language(lang)
        self.theme = theme or Theme()
        if colour_by not in ("kind", "valence"):
            raise UsageError(f"unknown colour_by '{colour_by}': use kind or valence")
        self.colour_by = colour_by
        self.legend = legend

    @classmethod
    def from_document(
        cls, document: dict[str, Any], *, source: str | None = None, **options: Any
    ) -> VennDiagram:
        """A diagram from a YAML/JSON document (see :func:`venn_from_document`)."""
        return cls(venn_from_document(document, source), **options)

    @cached_property
    def layout(self) -> InstitutionalLayout | SetLayout:
        """The computed layout (plain coordinates and quality measures)."""
        if isinstance(self.model, InstitutionalVenn):
            return layout_institutional(self.model)
        return layout_sets(self.model, self.lang)

    def quality(self) -> Quality:
        """Defect counts of the layout (pairs that touch or miss, lost regions, label collisions)."""
        return self.layout.quality

    def warnings(self) -> list[str]:
        """What the picture could not show as the data asks (empty when it shows everything).

        >>> VennDiagram(InstitutionalVenn(centre="Warga", institutions=[{"name": "RT"}])).warnings()
        []
        """
        layout = self.layout
        notes: list[str] = []
        if isinstance(layout, InstitutionalLayout):
            q = layout.quality
            notes += [f"cooperation {a} – {b}: the circles could not overlap at the asked depth "
                      "(too many partners around them); check the figure" for a, b in q.missed_cooperation]
            notes += [f"{a} and {b} touch although no cooperation between them is declared"
                      for a, b in q.unintended_overlaps]
            notes += [f"{name} is drawn about {err:.0f} units (more than one closeness step) off the "
                      "distance its closeness asks, to make room" for name, err in q.distance_errors.items()
                      if err > GAP_STEP]
        if layout.quality.label_collisions:
            notes.append(f"{layout.quality.label_collisions} label(s) could not be placed clear of the rest")
        return notes

    def to_svg(self) -> str:
        from socialtools.venn.institutional.render import render_institutional
        from socialtools.venn.sets.render import render_sets

        layout = self.layout
        if isinstance(self.model, InstitutionalVenn):
            assert isinstance(layout, InstitutionalLayout)
            return render_institutional(self.model, layout, lang=self.lang, theme=self.theme,
                                        colour_by=self.colour_by, legend=self.legend)
        assert isinstance(layout, SetLayout)
        return render_sets(self.model, layout, lang=self.lang, theme=self.theme)

    def table(self) -> CompanionTable:
        """The companion table (institution | kind | size | distance | cooperation | note)."""
        if not isinstance(self.model, InstitutionalVenn):
            raise UsageError("a companion table belongs to an institutional Venn, not to a set Venn")
        return companion_table(self.model, self.lang)
