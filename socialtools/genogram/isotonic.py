"""Weighted isotonic regression with minimum gaps (pool adjacent violators), shared by the
ordering's estimate of where drops land and by the coordinate step that places each row."""

from __future__ import annotations

__all__ = ["isotonic"]


def isotonic(targets: list[float], weights: list[float], offsets: list[float],
             lower: list[float] | None = None, upper: list[float] | None = None) -> list[float]:
    """Positions closest to ``targets`` (weighted least squares) keeping each position ``i`` at
    least ``offsets[i] - offsets[i - 1]`` right of the one before (``offsets``: the cumulative gaps
    from 0), and — when given — inside ``lower[i] <= position <= upper[i]`` (the bounds must
    allow some positions: the coordinate step passes bounds its current positions meet).

    >>> isotonic([0.0, 0.0], [1.0, 1.0], [0.0, 10.0])
    [-5.0, 5.0]
    >>> isotonic([1.0, 3.0, 2.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0])
    [1.0, 2.5, 2.5]
    >>> isotonic([10.0, 0.0], [1.0, 1.0], [0.0, 0.0], [-100.0, 8.0], [100.0, 100.0])
    [8.0, 8.0]
    """
    n = len(targets)
    if lower is None or upper is None:
        lo = [float("-inf")] * n
        hi = [float("inf")] * n
    else:
        # bounds on the positions less their offsets, made monotone: a later one can be no lower
        lo = [b - c for b, c in zip(lower, offsets, strict=True)]
        hi = [b - c for b, c in zip(upper, offsets, strict=True)]
        for i in range(1, n):
            if lo[i] < lo[i - 1]:
                lo[i] = lo[i - 1]
        for i in range(n - 2, -1, -1):
            if hi[i] > hi[i + 1]:
                hi[i] = hi[i + 1]
    # pooled blocks: weighted sum, weight, count, lowest and highest value allowed, value
    sums: list[float] = []
    wts: list[float] = []
    counts: list[int] = []
    ceils: list[float] = []
    values: list[float] = []
    for t, w, c, low, high in zip(targets, weights, offsets, lo, hi, strict=True):
        ws, wt, k, ceil = w * (t - c), w, 1, high
        v = min(max(ws / wt, low), ceil)
        while values and values[-1] > v:  # the block before lies further right: pool
            ws += sums.pop()
            wt += wts.pop()
            k += counts.pop()
            ceil = ceils.pop()
            values.pop()
            v = min(max(ws / wt, low), ceil)
        sums.append(ws)
        wts.append(wt)
        counts.append(k)
        ceils.append(ceil)
        values.append(v)
    out: list[float] = []
    for v, k in zip(values, counts, strict=True):
        out.extend([v] * k)
    return [y + c for y, c in zip(out, offsets, strict=True)]
