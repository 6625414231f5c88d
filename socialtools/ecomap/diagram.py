"""The ecomap diagram object: one ecomap (or a before/after pair) ready to save or display.

>>> from socialtools.ecomap.model import Ecomap
>>> eco = Ecomap.model_validate({"focal": "RS", "systems": [{"id": "sekolah", "category": "education"}],
...     "ties": [{"system": "sekolah", "strength": "strong"}]})
>>> diagram = EcomapDiagram(eco, lang="en")
>>> diagram.layout.quality.defects, diagram.warnings()
(0, [])
>>> diagram.to_svg() == EcomapDiagram(eco, lang="en").to_svg()
True
"""

from __future__ import annotations

import copy
from functools import cached_property
from typing import Any, ClassVar

from socialtools.draw.diagram import Diagram
from socialtools.ecomap.layout import NARROW_ALONE_FRAME, layout_ecomap
from socialtools.ecomap.model import Ecomap, load_ecomap
from socialtools.ecomap.placements import EcomapLayout, Quality
from socialtools.ecomap.render import (
    Style,
    compare_layouts,
    render_comparison,
    render_ecomap,
    render_legend,
    scaled_theme,
)
from socialtools.errors import UsageError
from socialtools.genogram.model import Family
from socialtools.i18n import check_language


class EcomapDiagram(Diagram):
    """An ecomap drawn as SVG (``to_svg``, ``save('x.svg'|'x.png')``, inline in Jupyter).

    >>> from socialtools.ecomap import Ecomap
    >>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "sekolah"}], "ties": [{"system": "sekolah"}]})
    >>> diagram = EcomapDiagram(eco, lang="en")
    >>> diagram.layout.quality.defects, "Legend" in diagram.to_svg()
    (0, True)

    ``family`` is the family model whose people ``ecomap.focal.members`` names; ``compare``
    draws the ecomap before and after its ``after`` changes side by side; ``initials`` shows
    the family's people by their initials (:func:`socialtools.privacy.hide_identifying`).
    For print: ``header=False`` leaves out the title, date and author (a report's caption says
    them), ``compact_legend`` packs the legend to the drawing's width, and ``panel`` (``"before"``
    or ``"after"``, with ``compare``) draws one side of the comparison alone; ``narrow`` makes each
    system circle as small as its own label (long names wrapped, never shrunk), for a page's width;
    ``legend=False`` draws no legend (a report prints it apart: :meth:`legend_svg`), and a ``narrow``
    drawing then fits a frame as tall as a printed page's figure room allows
    (:data:`~socialtools.ecomap.layout.NARROW_ALONE_FRAME`).
    """

    TEXT_FORMATS: ClassVar[dict[str, str]] = {".dot": "to_dot"}

    def __init__(
        self,
        ecomap: Ecomap,
        family: Family | None = None,
        *,
        lang: str = "id",
        monochrome: bool = False,
        compare: bool = False,
        text: float = 1.0,
        initials: bool = False,
        header: bool = True,
        compact_legend: bool = False,
        panel: str | None = None,
        narrow: bool = False,
        legend: bool = True,
    ) -> None:
        self.ecomap = ecomap.bind(family)
        if initials and family is not None:  # the privacy switch: see socialtools.privacy
            from socialtools.privacy import hide_ecomap, hide_identifying

            self.ecomap = hide_ecomap(self.ecomap, family)
            family = hide_identifying(family)
        self.family = family
        self.lang = check_language(lang)
        self.monochrome = monochrome
        if compare and ecomap.after is None:
            raise UsageError("a before/after comparison needs an 'after' block in the ecomap")
        self.compare = compare
        self.text = text  # font scale: a report prints its figures with larger text
        if panel is not None and not compare:
            raise UsageError("a comparison panel (before/after) needs compare")
        self.header = header
        self.compact_legend = compact_legend
        self.panel = panel
        self.narrow = narrow
        self.legend = legend
        self.tall = NARROW_ALONE_FRAME if narrow and not legend else None
        self._shared: dict[str, Any] = {}  # the comparison's layouts, shared with its views (with_panel)

    @classmethod
    def from_document(cls, document: dict[str, Any], *, source: str | None = None, **options: Any) -> EcomapDiagram:
        """The ecomap of a case document (``ecomap`` section, focal members from ``family``)."""
        eco, family = load_ecomap(document, source)
        return cls(eco, family, **options)

    @cached_property
    def layout(self) -> EcomapLayout:
        """Plain coordinates of the (before) ecomap, with its quality measures."""
        return layout_ecomap(self.ecomap, self.family, text=self.text, narrow=self.narrow, tall=self.tall)

    @property
    def pair(self) -> tuple[EcomapLayout, EcomapLayout, Ecomap, set[tuple[str, str]]]:
        """The layouts before and after (with ``compare``), the later ecomap and its changed ties
        (:func:`~socialtools.ecomap.render.compare_layouts`), laid out once, when first drawn, for this
        diagram and every view of it (:meth:`with_panel`)."""
        if "pair" not in self._shared:
            self._shared["pair"] = compare_layouts(self.ecomap, self.family, self.text, self.narrow, self.tall)
        return self._shared["pair"]

    def with_panel(self, panel: str | None) -> EcomapDiagram:
        """This comparison drawn as its ``panel`` (``"before"``, ``"after"`` or ``None`` for both side by
        side), sharing its layouts (:attr:`pair`, laid out when one of them is first drawn): a report
        prints each side as a figure of its own.

        >>> from socialtools.ecomap import Ecomap
        >>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "s"}], "ties": [{"system": "s"}],
        ...                              "after": {"ties": [{"system": "s", "strength": "strong"}]}})
        >>> both = EcomapDiagram(eco, compare=True)
        >>> before, after = both.with_panel("before"), both.with_panel("after")
        >>> before.to_svg() != after.to_svg(), before.pair is after.pair is both.pair
        (True, True)
        """
        if panel is not None and not self.compare:
            raise UsageError("a comparison panel (before/after) needs compare")
        view = copy.copy(self)  # shares _shared: the layouts laid out by one view serve all
        view.panel = panel
        return view

    def quality(self) -> Quality:
        """Defect counts and examples of the (before) layout."""
        return self.layout.quality

    def to_dot(self) -> str:
        """The ecomap as Graphviz DOT text (see :func:`socialtools.ecomap.dot.ecomap_to_dot`)."""
        from socialtools.ecomap.dot import ecomap_to_dot

        return ecomap_to_dot(self.ecomap)

    def to_svg(self) -> str:
        if self.compare:
            return render_comparison(
                self.ecomap, self.family, lang=self.lang, monochrome=self.monochrome, text=self.text,
                header=self.header, compact_legend=self.compact_legend, panel=self.panel,
                narrow=self.narrow, legend=self.legend, tall=self.tall, layouts=self.pair,
            )
        return render_ecomap(
            self.ecomap, self.family, lang=self.lang, monochrome=self.monochrome, layout=self.layout, text=self.text,
            header=self.header, compact_legend=self.compact_legend, narrow=self.narrow, legend=self.legend,
        )

    def legend_svg(self, width: float) -> str:
        """The legend alone as SVG, packed to ``width`` (SVG units): what the drawing (or its
        comparison ``panel``) uses.

        >>> from socialtools.ecomap import Ecomap
        >>> eco = Ecomap.model_validate({"focal": "PK", "systems": [{"id": "s", "category": "lainnya"}],
        ...     "ties": [{"system": "s", "strength": "weak"}]})
        >>> svg = EcomapDiagram(eco, lang="en").legend_svg(300)
        >>> "Weak" in svg and "Other" in svg and "<circle" in svg
        True
        """
        style = Style(scaled_theme(self.monochrome, self.text, self.narrow), self.lang)
        if not self.compare:
            return render_legend([self.ecomap], style, width)
        later, changed = self.ecomap.after_state()
        ecos = {"before": [self.ecomap], "after": [later]}.get(self.panel or "", [self.ecomap, later])
        return render_legend(ecos, style, width, changed=bool(changed))
