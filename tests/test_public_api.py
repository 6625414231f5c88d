"""Every public package says what it exports: an explicit ``__all__`` whose every name resolves."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import socialtools


def public_packages() -> list[str]:
    """``socialtools`` and every package below it whose name has no leading underscore."""
    found = ["socialtools"]
    for info in pkgutil.walk_packages(socialtools.__path__, "socialtools."):
        if info.ispkg and not any(part.startswith("_") for part in info.name.split(".")):
            found.append(info.name)
    return found


def test_the_packages_are_found() -> None:
    assert {"socialtools.io", "socialtools.draw", "socialtools.venn.sets"} <= set(public_packages())


@pytest.mark.parametrize("name", public_packages())
def test_every_public_package_declares_all_and_each_name_resolves(name: str) -> None:
    package = importlib.import_module(name)
    exported = getattr(package, "__all__", None)
    assert exported, f"{name} has no __all__"
    assert len(set(exported)) == len(exported)
    missing = [n for n in exported if not hasattr(package, n)]
    assert missing == [], f"{name}.__all__ names what it does not have"
