"""How good a layout is, in one shape for every diagram kind: defect counts and examples.

Each kind's layout returns a :class:`Quality` (a subclass naming its own defects in
:attr:`Quality.DEFECTS`): a count — or a list of the things found, counted by its length — per
kind of defect, every one 0 for a good picture, and the first few defects in words
(:attr:`Quality.examples`) to say where to look. Soft measures (crossings, width, area errors)
may sit beside the defects; they are not counted.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class BoxQuality(Quality):
...     DEFECTS = ("overlaps", "off_page")
...     overlaps: int = 0
...     off_page: list[str] = field(default_factory=list)
>>> q = BoxQuality()
>>> q.ok
True
>>> q.overlaps += 1
>>> q.note("label PK overlaps symbol AY")
>>> q.off_page.append("AY")
>>> q.counts(), q.defects, q.ok, q.examples
({'overlaps': 1, 'off_page': 1}, 2, False, ['label PK overlaps symbol AY'])
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


@dataclass
class Quality:
    """Defect counts of a layout (all 0 for a good picture) and the first defects, in words.

    >>> q = Quality()
    >>> q.note("label PK overlaps symbol AY")
    >>> q.ok, q.examples  # no DEFECTS named here: nothing is counted
    (True, ['label PK overlaps symbol AY'])
    """

    #: The names of the fields that count defects (an int, or a list/dict counted by its length).
    DEFECTS: ClassVar[tuple[str, ...]] = ()
    #: How many examples are kept.
    MAX_EXAMPLES: ClassVar[int] = 20

    examples: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Every kind of defect with its count, in the order of :attr:`DEFECTS`."""
        out: dict[str, int] = {}
        for name in self.DEFECTS:
            value = getattr(self, name)
            out[name] = len(value) if isinstance(value, list | dict | set | tuple) else int(value)
        return out

    @property
    def defects(self) -> int:
        """All defects together: 0 for a good picture."""
        return sum(self.counts().values())

    @property
    def ok(self) -> bool:
        """True when the layout has no defect."""
        return self.defects == 0

    def note(self, example: str) -> None:
        """Keep ``example`` (a defect in words) unless :attr:`MAX_EXAMPLES` are kept already."""
        if len(self.examples) < self.MAX_EXAMPLES:
            self.examples.append(example)

    def as_dict(self) -> dict[str, Any]:
        """Every field, the counts and ``ok`` — for benchmarks and JSON."""
        return {**asdict(self), "counts": self.counts(), "defects": self.defects, "ok": self.ok}
