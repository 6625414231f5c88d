"""A griffe extension: doctest examples in docstrings are shown as Python code, not quotes.

Markdown reads ``>>>`` as a nested quote. This extension fences each doctest block (the
``>>>``/``...`` lines and the expected output after them, up to a blank line) as ``pycon``
before mkdocstrings renders the docstring. Listed under ``extensions`` in ``mkdocs.yml``.

>>> fence_doctests("Text.\\n\\n>>> 1 + 1\\n2\\n").splitlines()[2:]
['```pycon', '>>> 1 + 1', '2', '```']
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """``text`` with every doctest block wrapped in a ```` ```pycon ```` fence."""
    out: list[str] = []
    in_block = False
    fenced = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_block = True
        elif in_block and not stripped:
            out.append(f"{indent}```")
            in_block = False
        out.append(line)
    if in_block:
        out.append(f"{indent}```")
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


class DoctestBlocks(griffe.Extension):
    """Fence the doctest blocks of every docstring griffe loads."""

    def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
