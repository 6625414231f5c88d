"""SVG ``<pattern>`` fills (hatch, dots, cross, lines) with fixed ids, for black-and-white print.

>>> pattern_id("hatch", "#222222")
'pat-hatch-222222'
>>> pattern_id("dots", "#222222", "#FFFFFF")
'pat-dots-222222-on-ffffff'
"""

from __future__ import annotations

from typing import Any

PATTERN_NAMES = ("hatch", "dots", "cross", "lines")


def pattern_id(name: str, colour: str, background: str | None = None) -> str:
    """The fixed id of a pattern in one ink colour (on one background colour)."""
    tail = f"-on-{background.lstrip('#').lower()}" if background else ""
    return f"pat-{name}-{colour.lstrip('#').lower()}{tail}"


def add_pattern(dwg: Any, name: str, colour: str = "#222222", size: float = 8.0,
                background: str | None = None) -> str:
    """Add pattern ``name`` to the drawing's ``<defs>`` once; return the ``url(#...)`` fill.

    With ``background`` the pattern paints that colour under its ink, so one shape carries both.
    """
    pid = pattern_id(name, colour, background)
    known: set[str] = getattr(dwg, "_socialtools_patterns", set())
    if pid not in known:
        pat = dwg.pattern(id=pid, size=(size, size), patternUnits="userSpaceOnUse")
        if background:
            pat.add(dwg.rect((0, 0), (size, size), fill=background))
        if name == "hatch":
            pat.add(dwg.path(d=f"M0 {size}L{size} 0M{-size / 2} {size / 2}L{size / 2} {-size / 2}"
                             f"M{size / 2} {size * 1.5}L{size * 1.5} {size / 2}",
                             stroke=colour, stroke_width=0.8, stroke_opacity=0.75, fill="none"))
        elif name == "cross":
            pat.add(dwg.path(d=f"M0 {size}L{size} 0M0 0L{size} {size}", stroke=colour,
                             stroke_width=0.7, stroke_opacity=0.5, fill="none"))
        elif name == "dots":
            pat.add(dwg.circle(center=(size / 2, size / 2), r=1.1, fill=colour, fill_opacity=0.75))
        elif name == "lines":
            pat.add(dwg.path(d=f"M0 {size / 2}L{size} {size / 2}", stroke=colour, stroke_width=0.8,
                             stroke_opacity=0.75, fill="none"))
        else:  # pragma: no cover - callers pass known names
            raise ValueError(f"unknown pattern {name}")
        dwg.defs.add(pat)
        known.add(pid)
        dwg._socialtools_patterns = known
    return f"url(#{pid})"
