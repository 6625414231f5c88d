"""benchmarks/sibship_placement.py: the measures of where sibships stand against their parents."""

from __future__ import annotations

from types import SimpleNamespace

from tests.benchmark_modules import bench_module


def _layout(children: dict[str, list[float]], drops: dict[str, float], bars: dict[str, tuple[float, float]]
            ) -> SimpleNamespace:
    nodes = {f"{u}{i}": SimpleNamespace(x=x, row=1) for u, xs in children.items() for i, x in enumerate(xs)}
    sibships = [SimpleNamespace(union=u, children={f"{u}{i}": [] for i in range(len(xs))},
                                stem=[(drops[u], 0.0), (drops[u], 10.0)],
                                bar=[(bars[u][0], 10.0), (bars[u][1], 10.0)]) for u, xs in children.items()]
    return SimpleNamespace(nodes=nodes, sibships=sibships)


def test_a_drop_beside_its_sibship_and_a_bar_over_another_sibships_child_are_counted() -> None:
    measure = bench_module("sibship_placement").measure
    # u's children under its drop; v's drop far right of its children, its bar over w's child
    lay = _layout({"u": [0.0, 60.0], "v": [120.0, 180.0], "w": [300.0]},
                  {"u": 30.0, "v": 400.0, "w": 300.0},
                  {"u": (0.0, 60.0), "v": (120.0, 400.0), "w": (300.0, 300.0)})
    m = measure(lay, "f")
    assert (m.sibships, m.drop_outside, m.over_other, m.families_over_other) == (3, 1, 1, 1)
    assert m.far == [(220, "f", "v")]
    assert m.offsets == 0.0 + 250.0 + 0.0


def test_sibships_under_their_drops_count_nothing() -> None:
    measure = bench_module("sibship_placement").measure
    lay = _layout({"u": [0.0, 60.0], "v": [120.0, 180.0]}, {"u": 30.0, "v": 150.0},
                  {"u": (0.0, 60.0), "v": (120.0, 180.0)})
    m = measure(lay)
    assert (m.drop_outside, m.over_other, m.families_over_other, m.offsets, m.far) == (0, 0, 0, 0.0, [])
