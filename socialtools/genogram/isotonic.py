"""Weighted isotonic regression with minimum gaps (pool adjacent violators), shared by the
ordering's estimate of where drops land and by the coordinate step that places each row."""

from __future__ import annotations

__all__ = ["isotonic"]


def isotonic(targets: list[float], weights: list[float], offsets: list[float]) -> list[float]:
    """Positions closest to ``targets`` (weighted least squares) keeping each position ``i`` at
    least ``offsets[i] - offsets[i - 1]`` right of the one before (``offsets``: the cumulative gaps
    from 0).

    >>> isotonic([0.0, 0.0], [1.0, 1.0], [0.0, 10.0])
    [-5.0, 5.0]
    >>> isotonic([1.0, 3.0, 2.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0])
    [1.0, 2.5, 2.5]
    """
    sums: list[float] = []  # pooled blocks: weighted sum, weight, count
    wts: list[float] = []
    counts: list[int] = []
    for t, w, c in zip(targets, weights, offsets, strict=True):
        ws, wt, n = w * (t - c), w, 1
        while sums and sums[-1] * wt > ws * wts[-1]:  # the block before lies further right: pool
            ws += sums.pop()
            wt += wts.pop()
            n += counts.pop()
        sums.append(ws)
        wts.append(wt)
        counts.append(n)
    out: list[float] = []
    for ws, wt, n in zip(sums, wts, counts, strict=True):
        out.extend([ws / wt] * n)
    return [y + c for y, c in zip(out, offsets, strict=True)]
