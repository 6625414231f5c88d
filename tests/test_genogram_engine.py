"""The optional Graphviz engine: same hard rules, clear message without ``dot``."""

from __future__ import annotations

import pytest

from socialtools.errors import MissingDependencyError, UsageError
from socialtools.genogram import Genogram, graphviz_engine
from socialtools.genogram.synthetic import synthetic_family
from tests.test_genogram_layout import assert_hard_rules


@pytest.mark.skipif(graphviz_engine.dot_program() is None, reason="Graphviz 'dot' is not installed")
@pytest.mark.parametrize("size", [30, 150])
def test_graphviz_engine_keeps_every_rule(size: int) -> None:
    g = Genogram(synthetic_family(size, seed=size, relationships=3), engine="graphviz")
    assert_hard_rules(g)
    assert len(g.layout.nodes) == size


def test_missing_dot_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphviz_engine.shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError, match="apt-get install graphviz"):
        _ = Genogram(synthetic_family(10, seed=1), engine="graphviz").layout


def test_unknown_engine() -> None:
    with pytest.raises(UsageError, match="unknown layout engine"):
        Genogram(synthetic_family(10, seed=1), engine="magic")
