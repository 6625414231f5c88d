"""The resource limits every input and output is held to, each with an override.

A case file from another system, a student's mistake or a hostile edit must end in a
clear one-line error, never in an abort, a hang or gigabytes of memory. The limits are
far above any real case file; where a real user could need more (a big GEDCOM tree, a
poster-sized PNG) an environment variable raises them:

========================  ==================  =======================================
limit                     default             override
========================  ==================  =======================================
input file size           8 MB (GEDCOM and   ``SOCIALTOOLS_MAX_INPUT_MB``
                          pedigree: 256 MB)
nesting depth             64 levels           ``SOCIALTOOLS_MAX_DEPTH``
text in one field         100,000 characters  ``SOCIALTOOLS_MAX_FIELD_CHARS``
size of a number          1e15 (15 digits)    (none: no field needs more)
PNG pixels                40 million          ``SOCIALTOOLS_MAX_PIXELS``
people in one genogram    5,000               ``SOCIALTOOLS_MAX_PEOPLE`` (or --focus)
``--dpi``                 10 to 1200          (none)
label on a drawing        300 characters      (cut with an ellipsis …; 80 on one line)
========================  ==================  =======================================

>>> limit("SOCIALTOOLS_MAX_DEPTH", 64)
64
>>> check_dpi(150)
150.0
"""

from __future__ import annotations

import math
import os

from socialtools.errors import UsageError

MAX_INPUT_MB = 8
MAX_TREE_MB = 256  # GEDCOM trees and pedigree tables: whole-country trees are big
MAX_DEPTH = 64
MAX_FIELD_CHARS = 100_000
MAX_NUMBER = 1e15
MAX_PIXELS = 40_000_000
DPI_RANGE = (10.0, 1200.0)
MAX_LABEL_CHARS = 300
MAX_PEOPLE_DRAWN = 5_000  # people in one genogram drawn by the command line (the layout is not linear)
MAX_LINE_CHARS = 80


def limit(variable: str, default: int) -> int:
    """The limit named by environment ``variable`` (a positive whole number), else ``default``."""
    raw = os.environ.get(variable)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"{variable}={raw!r}: give a positive whole number") from None
    if value <= 0:
        raise UsageError(f"{variable}={raw!r}: give a positive whole number")
    return value


def check_dpi(value: float | str) -> float:
    """``value`` as a resolution in dots per inch, refused outside :data:`DPI_RANGE`."""
    try:
        dpi = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"--dpi {value!r} is not a number") from None
    low, high = DPI_RANGE
    if not math.isfinite(dpi) or not low <= dpi <= high:
        raise UsageError(f"--dpi {value}: give a resolution from {low:g} to {high:g}")
    return dpi


def shorten(text: str, max_chars: int = MAX_LABEL_CHARS) -> str:
    """``text`` cut to ``max_chars`` characters with an ellipsis, for a label on a drawing.

    >>> shorten("a" * 500)[-3:], len(shorten("a" * 500))
    ('aa…', 300)
    """
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"
