"""Numbers as SVG text (:func:`socialtools.draw.lines.num`): the texts it keeps for numbers it
has seen are the texts it would write afresh."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.draw import lines
from socialtools.draw.lines import num


def _fresh(v: float) -> str:
    """The text written without the kept texts: two decimals, trailing zeros and a minus on zero gone."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.floats(-1e6, 1e6), st.integers(-10_000, 10_000),
                          st.sampled_from([0.0, -0.0, 0.004, -0.004, 0.005, 1.0, 1, True, 2.5, -2.5])),
                min_size=1, max_size=30))
def test_kept_number_texts_are_the_texts_written_afresh(values: list[float]) -> None:
    """Equal numbers (1, 1.0 and True; 0.0 and -0.0) share one kept text: it is the one each
    of them would get written afresh, whichever came first."""
    lines._NUMS.clear()
    first = [num(v) for v in values]
    again = [num(v) for v in values]
    assert first == again == [_fresh(v) for v in values]


def test_number_texts_kept_are_bounded() -> None:
    """No more texts are kept than :data:`~socialtools.draw.lines._NUMS_KEPT`."""
    lines._NUMS.clear()
    for i in range(lines._NUMS_KEPT + 10):
        num(i / 100)
    assert len(lines._NUMS) <= lines._NUMS_KEPT
    assert num(12.5) == "12.5"
