"""Text measurement with the metrics of the bundled DejaVu Sans fonts (regular and bold).

Layouts reserve room for every label before anything is drawn, so "no label overlaps
anything" is a property of the coordinates. Text drawn in bold is measured in bold.

>>> round(text_width("Genogram", 10), 1), round(text_width("Genogram", 10, bold=True), 1)
(52.7, 58.2)
>>> wrap("ibu rumah tangga", 60, 10)
['ibu rumah', 'tangga']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from socialtools.draw.font_metrics import BOLD_WIDTHS, WIDTHS
from socialtools.io.limits import shorten

FALLBACK_WIDTH = 1000  # per mille: a wide glyph for characters outside the table (CJK, emoji)
LINE_HEIGHT = 1.25  # line pitch as a multiple of the font size


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool = False) -> int:
    widths = BOLD_WIDTHS if bold else WIDTHS
    return sum(widths.get(ord(ch), FALLBACK_WIDTH) for ch in text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` set in DejaVu Sans (``bold``: DejaVu Sans Bold) at ``size`` user units.

    >>> round(text_width("Keluarga", 10), 2), round(text_width("Keluarga", 10, bold=True), 2)
    (44.55, 50.67)
    """
    return _units(text, bold) * size / 1000.0


def _fitting(word: str, max_width: float, size: float, bold: bool = False) -> int:
    """How many leading characters of ``word`` fit in ``max_width`` (at least one): linear, not quadratic."""
    limit = max_width * 1000.0 / size
    total, n = 0, 0
    for n, ch in enumerate(word):
        total += (BOLD_WIDTHS if bold else WIDTHS).get(ord(ch), FALLBACK_WIDTH)
        if total > limit:
            return max(1, n)
    return len(word)


def wrap(text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` (a long word is cut hard).

    A text longer than :data:`~socialtools.io.limits.MAX_LABEL_CHARS` is first cut with an ellipsis:
    a label is not the place for a page of text (and a 10,000-character name must not make a
    drawing of thousands of lines).

    >>> len(wrap("x" * 5000, 100, 10)) < 50
    True
    """
    lines: list[str] = []
    for paragraph in shorten(str(text)).splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, size, bold=bold) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while len(word) > 1 and text_width(word, size, bold=bold) > max_width:
                cut = _fitting(word, max_width, size, bold)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


@dataclass(frozen=True)
class TextBlock:
    """Lines of text at one size (``bold`` or not), with the box they need.

    ``width`` is the widest line; ``height`` covers every line at :data:`LINE_HEIGHT`.

    >>> block = TextBlock.wrapped(["Puskesmas Kecamatan Wonosobo"], 80, 10)
    >>> block.lines, round(block.width, 1), round(block.height, 1)
    (('Puskesmas', 'Kecamatan', 'Wonosobo'), 56.6, 37.5)
    """

    lines: tuple[str, ...]
    size: float
    bold: bool = False

    @property
    def width(self) -> float:
        return _widest(self.lines, self.size, self.bold)

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LINE_HEIGHT

    @classmethod
    def wrapped(cls, texts: list[str], max_width: float, size: float, *, bold: bool = False) -> TextBlock:
        """A block of several texts, each wrapped to ``max_width``."""
        if cls is TextBlock:  # the labels of a table's families repeat (ids, years): each block made once
            return _wrapped(tuple(texts), max_width, size, bold)
        return cls._wrap(texts, max_width, size, bold)

    @classmethod
    def _wrap(cls, texts: list[str] | tuple[str, ...], max_width: float, size: float, bold: bool) -> TextBlock:
        lines: list[str] = []
        for text in texts:
            lines.extend(wrap(text, max_width, size, bold=bold))
        return cls(tuple(line for line in lines if line), size, bold)


@lru_cache(maxsize=1 << 14)
def _wrapped(texts: tuple[str, ...], max_width: float, size: float, bold: bool) -> TextBlock:
    return TextBlock._wrap(texts, max_width, size, bold)


@lru_cache(maxsize=1 << 14)
def _widest(lines: tuple[str, ...], size: float, bold: bool) -> float:
    return max((text_width(line, size, bold=bold) for line in lines), default=0.0)
