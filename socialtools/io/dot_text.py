"""Writing Graphviz DOT text: quoting and attribute lists (shared by genogram and ecomap export).

>>> attrs(shape="box", penwidth=2)
'[shape="box", penwidth=2]'
"""

from __future__ import annotations


def quote(text: str) -> str:
    """A DOT double-quoted string (``"`` and ``\\`` escaped, line breaks as ``\\n``).

    >>> print(quote('Ibu "S"'))
    "Ibu \\"S\\""
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\n", "\\n") + '"'


def attrs(**values: object) -> str:
    """A DOT attribute list; ``None`` and ``False`` values are left out."""
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        parts.append(f"{key}={value if isinstance(value, int | float) else quote(str(value))}")
    return "[" + ", ".join(parts) + "]"
