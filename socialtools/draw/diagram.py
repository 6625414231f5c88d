"""The one contract every diagram class keeps (``Genogram``, ``EcomapDiagram``, ``VennDiagram``,
``QuadrantDiagram``): built from a model with typed keyword-only options, or from a case document;
a ``layout`` property (plain coordinates), ``quality()``, ``warnings()``, ``to_svg()``,
``save(path)`` in every format it can write, and inline display in Jupyter.

A misspelt option is a :class:`~socialtools.errors.UsageError` (a ``TypeError``) that names the
options there are:

>>> class Demo(Diagram):
...     def __init__(self, model: str, *, lang: str = "id") -> None:
...         self.model, self.lang = model, lang
>>> Demo("x", lagn="en")
Traceback (most recent call last):
...
socialtools.errors.UsageError: Demo has no option 'lagn' (did you mean 'lang'?): its options are lang
"""

from __future__ import annotations

import difflib
import functools
import inspect
from pathlib import Path
from typing import Any, ClassVar

from socialtools.draw.quality import Quality
from socialtools.draw.svg import Exportable
from socialtools.errors import UsageError


def _checked_init(cls: type, init: Any) -> Any:
    """``init`` that turns an unknown keyword into a :class:`UsageError` naming the known ones."""
    parameters = inspect.signature(init).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return init
    options = [name for name, p in parameters.items() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    names = set(parameters) - {"self"}

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        unknown = [key for key in kwargs if key not in names]
        if unknown:
            raise unknown_option(cls.__name__, unknown[0], options)
        init(self, *args, **kwargs)

    return __init__


def unknown_option(owner: str, name: str, options: list[str]) -> UsageError:
    """The error for an option ``owner`` does not have, with the nearest known name."""
    near = difflib.get_close_matches(name, options, n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return UsageError(f"{owner} has no option '{name}'{hint}: its options are {', '.join(options)}")


class Diagram(Exportable):
    """Base of every diagram class; a subclass provides ``from_document``, ``layout``, ``to_svg``
    and, when its layout has no ``quality``, :meth:`quality`.

    >>> from socialtools import EcomapDiagram, Genogram, GenogramComparison, QuadrantDiagram, VennDiagram
    >>> all(issubclass(kind, Diagram) for kind in (Genogram, GenogramComparison, EcomapDiagram, VennDiagram,
    ...                                            QuadrantDiagram))
    True
    """

    #: Formats :meth:`save` writes besides .svg, .png and .pdf, with the method giving their text.
    TEXT_FORMATS: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            cls.__init__ = _checked_init(cls, cls.__dict__["__init__"])  # type: ignore[method-assign]

    @classmethod
    def from_document(cls, document: dict[str, Any], *, source: str | None = None, **options: Any) -> Diagram:
        """The diagram of a case document (its section for this kind), ``source`` naming the file."""
        raise NotImplementedError  # pragma: no cover - every subclass overrides it

    @property
    def layout(self) -> Any:
        """Plain coordinates of everything drawn, with their quality."""
        raise NotImplementedError  # pragma: no cover - every subclass overrides it

    def quality(self) -> Quality:
        """Defect counts and examples of the layout (see :class:`~socialtools.draw.quality.Quality`)."""
        quality: Quality = self.layout.quality
        return quality

    def warnings(self) -> list[str]:
        """What the picture could not show as the data asks, one sentence each (empty when all is well)."""
        q = self.quality()
        if q.ok:
            return []
        return [f"{q.defects} layout defect(s) remain, for example: {'; '.join(q.examples[:3])}"]

    def to_bytes(self, suffix: str, *, dpi: float = 150) -> bytes:
        """The diagram in the format ``suffix`` names (.svg, .png, .pdf and the kind's text formats,
        e.g. .dot)."""
        from socialtools.io.output import FIGURE_FORMATS, figure_bytes

        method = self.TEXT_FORMATS.get(suffix.lower())
        if method is not None:
            text: str = getattr(self, method)()
            return text.encode("utf-8")
        if suffix.lower() not in FIGURE_FORMATS:
            raise UsageError(f"cannot write '{suffix or 'no extension'}': use one of "
                             f"{', '.join([*FIGURE_FORMATS, *self.TEXT_FORMATS])}")
        return figure_bytes(self.to_svg(), suffix, dpi=dpi)

    def save(self, path: str | Path, *, dpi: float = 150) -> Path:
        """Write the diagram to ``path`` in the format its extension names (.svg, .png, .pdf and
        the kind's text formats, e.g. .dot); the file is written whole or not at all."""
        from socialtools.io.output import write_atomic

        path = Path(path)
        return write_atomic(path, self.to_bytes(path.suffix, dpi=dpi))
