"""The optional Graphviz engine: the ``dot`` program orders each generation's row.

``Genogram(family, engine="graphviz")`` lets Graphviz's crossing minimisation decide the
left-to-right order of people (useful for very tangled pedigrees); positions, spacing of
symbols and labels, and every line are still ours, so the hard layout rules hold either way.
Needs the system program ``dot``; without it the error says how to install it.

>>> from socialtools.genogram.model import Family
>>> f = Family.model_validate({"people": [{"id": "A"}, {"id": "B"}],
...                            "unions": [{"partners": ["A", "B"]}]})
>>> sorted(graphviz_positions(f)) if dot_program() else ["A", "B"]
['A', 'B']
"""

from __future__ import annotations

import json
import shutil
import subprocess

from socialtools.errors import MissingDependencyError, SocialToolsError
from socialtools.genogram.dot import family_to_dot
from socialtools.genogram.model import Family

INSTALL_HINT = (
    "engine='graphviz' needs the Graphviz program 'dot': install Graphviz "
    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: "
    "winget install graphviz or the installer from graphviz.org) — or use the default engine"
)


def dot_program() -> str | None:
    """Path of the ``dot`` program, or ``None``."""
    return shutil.which("dot")


def graphviz_positions(family: Family, timeout: float = 300.0) -> dict[str, float]:
    """x position (points) of every person in Graphviz's layout of ``family``."""
    exe = dot_program()
    if exe is None:
        raise MissingDependencyError(INSTALL_HINT)
    try:
        result = subprocess.run([exe, "-Tjson0"], input=family_to_dot(family, relationships=False),
                                capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise SocialToolsError(f"Graphviz did not finish within {timeout:.0f} s; use the default engine") from None
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise SocialToolsError(f"Graphviz failed: {first}")
    people = {p.id for p in family.people}
    positions: dict[str, float] = {}
    for obj in json.loads(result.stdout).get("objects", []):
        name = obj.get("name")
        if name in people and "pos" in obj:
            positions[name] = float(obj["pos"].split(",")[0])
    return positions
