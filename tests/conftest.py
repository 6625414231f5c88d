"""Shared fixtures: the independent SVG defect checker from ``shared/tools`` (next to the checkout)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

# CI runs the same generated examples every time (a submission's result must not depend on
# luck); a developer's run keeps exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# a report word missing in Indonesian or English fails the test that prints it (socialtools/report/labels.py);
# set here so that the CLI run in a subprocess sees it too
os.environ.setdefault("SOCIALTOOLS_STRICT_WORDS", "1")

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = [Path(os.environ["SVGCHECK"])] if os.environ.get("SVGCHECK") else []
CANDIDATES += [ROOT.parent / "shared" / "tools" / "svgcheck.py", Path("/work/shared/tools/svgcheck.py")]


@pytest.fixture(scope="session")
def svgcheck() -> ModuleType:
    """The ``svgcheck`` module (the test is skipped where the checker is not present)."""
    checker = next((c for c in CANDIDATES if c.is_file()), None)
    if checker is None:
        pytest.skip("svgcheck.py is not available here")
    spec = importlib.util.spec_from_file_location("svgcheck", checker)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
