"""The shared drawing kit: text measurement, geometry, line patterns, SVG documents, legends.

Layouts use :mod:`~socialtools.draw.text` and :mod:`~socialtools.draw.geometry` (no drawing
library); renderers use :mod:`~socialtools.draw.svg`, :mod:`~socialtools.draw.lines` and
:mod:`~socialtools.draw.legend`.
"""
