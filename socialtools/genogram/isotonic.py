"""Weighted isotonic regression with minimum gaps (pool adjacent violators), shared by the
ordering's estimate of where drops land and by the coordinate step that places each row."""

from __future__ import annotations

__all__ = ["isotonic", "isotonic_sparse"]

INF = float("inf")


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
    if lower is None or upper is None:
        return _unbounded(targets, weights, offsets)
    # bounds on the positions less their offsets, made monotone: a later one can be no lower
    lo = [b - c for b, c in zip(lower, offsets, strict=True)]
    hi = [b - c for b, c in zip(upper, offsets, strict=True)]
    _monotone(lo, hi, 1, len(targets) - 2)
    return _pooled(targets, weights, offsets, lo, hi)


def isotonic_sparse(targets: list[float], weights: list[float], offsets: list[float],
                    lower: list[tuple[int, float]], upper: list[tuple[int, float]]) -> list[float]:
    """:func:`isotonic` where only a few positions have bounds: ``lower`` and ``upper`` are
    (index, bound) pairs in increasing index order, every other position is unbounded (the
    coordinate step's rows: the same floats as the dense bounds, less work).

    >>> isotonic_sparse([10.0, 0.0], [1.0, 1.0], [0.0, 0.0], [(1, 8.0)], [])
    [8.0, 8.0]
    """
    n = len(targets)
    lo = [-INF] * n
    hi = [INF] * n
    for i, b in lower:
        lo[i] = b - offsets[i]
    for i, b in upper:
        hi[i] = b - offsets[i]
    _monotone(lo, hi, lower[0][0] + 1 if lower else n, upper[-1][0] - 1 if upper else -1)
    return _pooled(targets, weights, offsets, lo, hi)


def _monotone(lo: list[float], hi: list[float], lo_from: int, hi_from: int) -> None:
    """``lo`` made non-decreasing from index ``lo_from`` on (each no lower than the one before),
    ``hi`` made non-decreasing from ``hi_from`` down (each no higher than the one after)."""
    for i in range(lo_from, len(lo)):
        if lo[i] < lo[i - 1]:
            lo[i] = lo[i - 1]
    for i in range(hi_from, -1, -1):
        if hi[i] > hi[i + 1]:
            hi[i] = hi[i + 1]


def _pooled(targets: list[float], weights: list[float], offsets: list[float], lo: list[float],
            hi: list[float]) -> list[float]:
    """The pool-adjacent-violators pass of :func:`isotonic`, given its bounds less the offsets,
    already monotone."""
    # pooled blocks, left to right: value, weighted sum, weight, first index (its highest value
    # allowed is that index's: ``hi`` is monotone)
    vs: list[float] = []
    sums: list[float] = []
    wts: list[float] = []
    firsts: list[int] = []
    top = -INF
    i = 0
    for t, w, c, low, ceil in zip(targets, weights, offsets, lo, hi, strict=True):
        ws = w * (t - c)
        v = ws / w
        if v < low:
            v = low
        if v > ceil:
            v = ceil
        if v >= top:
            vs.append(v)
            sums.append(ws)
            wts.append(w)
            firsts.append(i)
            top = v
            i += 1
            continue
        wt, first = w, i
        while vs and vs[-1] > v:  # the block before lies further right: pool
            vs.pop()
            ws += sums.pop()
            wt += wts.pop()
            first = firsts.pop()
            ceil = hi[first]
            v = ws / wt
            if v < low:
                v = low
            if v > ceil:
                v = ceil
        vs.append(v)
        sums.append(ws)
        wts.append(wt)
        firsts.append(first)
        top = v
        i += 1
    if len(vs) == len(offsets):
        return [v + c for v, c in zip(vs, offsets, strict=True)]
    out: list[float] = []
    firsts.append(len(offsets))
    for b, v in enumerate(vs):
        out += [v + c for c in offsets[firsts[b]:firsts[b + 1]]]
    return out


def _unbounded(targets: list[float], weights: list[float], offsets: list[float]) -> list[float]:
    """:func:`isotonic` without bounds (the same arithmetic, less of it)."""
    blocks: list[tuple[float, float, float, int]] = []  # (value, weighted sum, weight, count)
    for t, w, c in zip(targets, weights, offsets, strict=True):
        ws, wt, k = w * (t - c), w, 1
        v = ws / wt
        while blocks and blocks[-1][0] > v:  # the block before lies further right: pool
            _, before_ws, before_wt, before_k = blocks.pop()
            ws += before_ws
            wt += before_wt
            k += before_k
            v = ws / wt
        blocks.append((v, ws, wt, k))
    out: list[float] = []
    i = 0
    for v, _, _, k in blocks:
        out += [v + c for c in offsets[i:i + k]]
        i += k
    return out
