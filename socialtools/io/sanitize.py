"""Data from outside made safe at the model boundary (:func:`socialtools.io.loading.parse_model`).

Every reader (YAML, JSON, pedigree tables, GEDCOM) hands its data to ``parse_model``, which
passes it through :func:`clean_data` first. The rule, the same for every field:

- characters that XML 1.0, a DOCX file or a terminal cannot carry are **removed**: the C0
  controls except tab and line feed (NUL, U+0001, backspace, ESC, ...), DEL, the C1 controls
  U+0080–U+009F and the non-characters U+FFFE, U+FFFF and U+FDD0–U+FDEF;
- a carriage return (``\\r\\n`` or a lone ``\\r``) becomes a line feed;
- a lone surrogate (``\\ud800``, from a JSON escape) becomes U+FFFD, the replacement character;
- a float that is not finite (NaN, ∞) or any number beyond ±10^15 is an input error;
- a text longer than :data:`~socialtools.io.limits.MAX_FIELD_CHARS` or data nested deeper than
  :data:`~socialtools.io.limits.MAX_DEPTH` is an input error.

So every output (SVG, PNG, PDF, DOT, DOCX, HTML, Markdown, CSV, GEDCOM) is valid whatever
the input held. Each writer still escapes the text for its own syntax.

>>> clean_text("Bu\\x00di\\x1b[31m\\r\\nS\\ud800")
'Budi[31m\\nS�'
>>> clean_data({"people": [{"id": "A\\x08", "age": 3}]})
{'people': [{'id': 'A', 'age': 3}]}
"""

from __future__ import annotations

import math
import re
from typing import Any

import socialtools.io.limits as limits
from socialtools.errors import InputError

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_RETURNS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` without the characters no output can carry (see the module's rule)."""
    if text.isprintable() and "\r" not in text:  # the common case costs one C-level scan
        return text
    text = _RETURNS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def _where(path: list[Any]) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "document"


def _check_number(value: float, path: list[Any], source: str | None) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{value} is not a number that can be used here", record=_where(path), source=source)
    if abs(value) > limits.MAX_NUMBER:
        raise InputError(f"the number {str(value)[:20]}{'…' if len(str(value)) > 20 else ''} is too large "
                         f"(at most {limits.MAX_NUMBER:.0e})", record=_where(path), source=source)


def clean_data(data: Any, source: str | None = None) -> Any:
    """A copy of ``data`` (dicts, lists, texts, numbers) with every text cleaned and every limit checked.

    Iterative, so data nested a million deep is an :class:`InputError`, not a ``RecursionError``.
    """
    max_depth = limits.limit("SOCIALTOOLS_MAX_DEPTH", limits.MAX_DEPTH)
    max_chars = limits.limit("SOCIALTOOLS_MAX_FIELD_CHARS", limits.MAX_FIELD_CHARS)

    def text(value: str, path: list[Any]) -> str:
        if len(value) > max_chars:
            raise InputError(f"text of {len(value):,} characters is too long (at most {max_chars:,}; "
                             "SOCIALTOOLS_MAX_FIELD_CHARS raises the limit)", record=_where(path), source=source)
        return clean_text(value)

    def leaf(value: Any, path: list[Any]) -> Any:
        if isinstance(value, str):
            return text(value, path)
        if isinstance(value, int | float) and not isinstance(value, bool):
            _check_number(value, path, source)
        return value

    def plain(value: Any) -> bool:  # a short printable text: nothing to check, no path needed
        return type(value) is str and len(value) <= max_chars and value.isprintable()

    if not isinstance(data, dict | list):
        return leaf(data, [])
    root: Any = {} if isinstance(data, dict) else []
    stack: list[tuple[Any, Any, list[Any]]] = [(data, root, [])]
    while stack:
        node, copy, path = stack.pop()
        if len(path) >= max_depth:
            raise InputError(f"nested more than {max_depth} levels deep (SOCIALTOOLS_MAX_DEPTH raises the limit)",
                             record=_where(path[:3]) + (" …" if len(path) > 3 else ""), source=source)
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(node, dict) and not plain(key):
                key = leaf(key, path)
            if isinstance(value, dict | list):
                child: Any = {} if isinstance(value, dict) else []
                stack.append((value, child, [*path, key]))
            elif plain(value):
                child = value
            else:
                child = leaf(value, [*path, key])
            if isinstance(copy, dict):
                copy[key] = child
            else:
                copy.append(child)
    return root
