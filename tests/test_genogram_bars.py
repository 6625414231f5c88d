"""Sibship bars between two rows: the levels :func:`stagger` gives them and their crossings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.genogram.bars import Bar, _costs, _crossings, _levels_in, _overlaps, _settle, bar_crossings, stagger


@st.composite
def bands(draw: st.DrawFn) -> list[Bar]:
    """Up to 9 sibship bars on a short row: a drop, one to four children, the bar spanning both."""
    out = []
    for _ in range(draw(st.integers(2, 9))):
        kids = sorted(draw(st.lists(st.integers(0, 30), min_size=1, max_size=4, unique=True)))
        drop = draw(st.integers(0, 60)) / 2 + 0.25
        out.append(Bar(min(kids[0], drop), max(kids[-1], drop), drop, tuple(float(k) for k in kids)))
    return out


@settings(max_examples=200, deadline=None)
@given(bands(), st.randoms(use_true_random=False))
def test_settling_the_order_of_the_bars_never_adds_a_crossing(bars: list[Bar], rnd) -> None:
    near = _overlaps(bars, 0.0)
    costs = _costs(bars, near)
    sequence = list(range(len(bars)))
    rnd.shuffle(sequence)
    settled = _settle(sequence, costs, len(bars))
    assert sorted(settled) == sorted(sequence)
    before = _crossings(costs, _levels_in(sequence, near, len(bars), lowest_free=False))
    after = _crossings(costs, _levels_in(settled, near, len(bars), lowest_free=False))
    assert after <= before
    levels = stagger(bars)
    assert all(levels[i] != levels[j] for i, js in enumerate(near) for j in js)  # overlapping bars apart
    first_fit = _levels_in(sorted(range(len(bars)), key=lambda i: (bars[i].lo, i)), near, len(bars), lowest_free=True)
    assert bar_crossings(bars, levels) <= _crossings(costs, first_fit)


def test_staircase_of_sibships_right_of_their_drops_stands_right_one_on_top() -> None:
    """kinship2 minnbreast#55: a row of couples whose children all stand further right, each
    bar reaching into the next. With each bar below the one on its right nothing crosses but
    the last pair; the ranking by total score alone gave 13 crossings."""
    bars = [Bar(0.0, 4.0, 2.0, (0.0, 1.0, 2.0, 3.0, 4.0)), Bar(5.0, 10.0, 7.5, (5.0, 6.0, 7.0, 8.0, 9.0, 10.0)),
            Bar(11.0, 13.0, 12.0, (11.0, 12.0, 13.0)), Bar(13.66, 17.0, 13.66, (14.0, 16.0, 17.0)),
            Bar(15.03, 22.0, 15.03, (18.0, 19.0, 20.0, 21.0, 22.0)), Bar(17.77, 23.0, 17.77, (23.0,)),
            Bar(19.14, 24.0, 19.14, (24.0,)), Bar(21.2, 25.0, 21.2, (25.0,)), Bar(23.25, 26.0, 23.25, (26.0,)),
            Bar(25.31, 27.0, 25.31, (27.0,)), Bar(28.0, 28.73, 28.73, (28.0,)), Bar(29.0, 30.1, 30.1, (29.0,)),
            Bar(30.0, 31.47, 31.47, (30.0,)), Bar(31.0, 35.59, 35.59, (31.0,)), Bar(32.0, 37.64, 37.64, (32.0,)),
            Bar(33.0, 39.01, 39.01, (33.0,)), Bar(34.0, 43.81, 43.81, (34.0,)),
            Bar(35.0, 45.18, 45.18, (35.0, 36.0))]
    assert bar_crossings(bars, stagger(bars)) <= 2
