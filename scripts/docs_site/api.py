"""The API reference page: every public name of socialtools, one section each, from its docstring.

The public names are the ``__all__`` of the package and of each sub-package, so a name exported
tomorrow gets its section without anyone editing the docs. mkdocstrings renders each section
from the docstring, doctest example included.

    PYTHONPATH=. python scripts/docs_site/api.py    # prints the page
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import socialtools


def public_packages() -> list[str]:
    """``socialtools`` and each sub-package that declares ``__all__``."""
    names = ["socialtools"]
    for info in sorted(pkgutil.iter_modules(socialtools.__path__), key=lambda i: i.name):
        if info.ispkg and not info.name.startswith("_"):
            module = importlib.import_module(f"socialtools.{info.name}")
            if getattr(module, "__all__", None):
                names.append(module.__name__)
    return names


def public_objects() -> list[tuple[str, str, Any]]:
    """(package, exported name, object) of every public class and function, each object once."""
    seen: set[int] = set()
    out: list[tuple[str, str, Any]] = []
    for package in public_packages():
        module = importlib.import_module(package)
        for name in sorted(module.__all__):
            obj = getattr(module, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)) or id(obj) in seen:
                continue
            seen.add(id(obj))
            out.append((package, name, obj))
    return out


def reference_markdown() -> str:
    """The page: a section per package, a section per public class or function."""
    lines = [
        "# API reference",
        "",
        "Every public class and function of socialtools: what `from socialtools import ...` and "
        "`from socialtools.<kind> import ...` give you. Each section is generated from the docstring "
        "when the site is built; its example is a doctest that the test suite runs.",
        "",
    ]
    current = None
    for package, _name, obj in public_objects():
        if package != current:
            current = package
            lines += [f"## `{package}`", ""]
        lines += [f"::: {obj.__module__}.{obj.__qualname__}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(reference_markdown())
