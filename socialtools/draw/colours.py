"""Colours a case file may give: a CSS named colour or ``#rgb``/``#rrggbb``, nothing else.

A colour is written into SVG attributes and style sheets; ``url(https://…)``,
``expression(…)`` or text with quotes must never get there.

>>> check_colour("#2E86C1"), check_colour(" Teal "), check_colour("#abc")
('#2e86c1', 'teal', '#abc')
>>> check_colour("url(https://x/y)")
Traceback (most recent call last):
...
ValueError: 'url(https://x/y)' is not a colour: give a colour name (red, teal, ...) or #rgb / #rrggbb
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

# The 148 colour names of CSS Color Module Level 4 (what SVG renderers understand).
_NAMES = """
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru
pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan
teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
"""
NAMED_COLOURS = frozenset(_NAMES.split())
_HEX = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})")


def check_colour(value: Any) -> str:
    """``value`` as a colour SVG can use safely (lower case), else a ``ValueError`` saying what to write."""
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text is not None and (text in NAMED_COLOURS or _HEX.fullmatch(text)):
        return text
    shown = str(value)[:40]
    raise ValueError(f"'{shown}' is not a colour: give a colour name (red, teal, ...) or #rgb / #rrggbb")


#: A pydantic field type for a colour from a case file.
Colour = Annotated[str, BeforeValidator(check_colour)]
