"""The sifting's crossing costs (:func:`socialtools.genogram.ordering._insertion_costs`) against
a brute-force count of the crossing pairs of ends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from socialtools.genogram.ordering import _Ends, _insertion_costs

ENDS = st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0, 2.5, 3.0, 4.0, 7.0, 9.0]), max_size=5).map(sorted)
UNITS = st.tuples(ENDS, ENDS).map(_Ends)


def _crossings(left: _Ends, right: _Ends) -> int:
    """Pairs of ends, band by band, where the left unit's end lies right of the right unit's."""
    return sum(x > y for x in left.up for y in right.up) + sum(x > y for x in left.down for y in right.down)


@settings(max_examples=300, deadline=None)
@given(UNITS, st.lists(UNITS, max_size=8))
def test_insertion_costs_are_the_crossings_counted_pair_by_pair(unit: _Ends, others: list[_Ends]) -> None:
    """Place ``i`` (before ``others[i]``): the unit right of the first ``i`` others and left of
    the rest; its cost is the crossings of its ends with theirs, whatever the ends' overlap."""
    costs = _insertion_costs(unit, others)
    assert costs == [sum(_crossings(o, unit) for o in others[:i]) + sum(_crossings(unit, o) for o in others[i:])
                     for i in range(len(others) + 1)]
