"""Sizes, fonts and colours shared by every diagram.

A :class:`Theme` is plain data; ``Theme(monochrome=True)`` gives a black-and-white
drawing for printed reports (patterns still carry every meaning).

>>> Theme().font_family.split(",")[0]
'DejaVu Sans'
"""

from __future__ import annotations

from dataclasses import dataclass

FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"


@dataclass(frozen=True)
class Theme:
    """Drawing defaults; every size is in SVG user units (1 unit = 1 px at 96 dpi).

    >>> Theme(monochrome=True).colour("#c0392b"), Theme(font_size=14).font_size
    ('#222222', 14)
    """

    font_family: str = FONT_FAMILY
    font_size: float = 11.0
    small_font_size: float = 9.0
    title_font_size: float = 16.0
    stroke: str = "#222222"
    stroke_width: float = 1.5
    fill: str = "#ffffff"
    muted: str = "#666666"
    accent: str = "#c0392b"
    monochrome: bool = False
    margin: float = 24.0

    def colour(self, value: str) -> str:
        """``value``, or the stroke colour in monochrome mode."""
        return self.stroke if self.monochrome else value
