"""Lazy public names for packages: ``import socialtools`` (or a sub-package) loads nothing heavy
until a name is used, so the command line starts quickly.

>>> getattr_ = lazy_exports("demo", {"dumps": "json"})
>>> getattr_("dumps").__name__
'dumps'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each name from its module on first use."""

    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
