"""Marks in a lane of their own, nudged apart where they would collide.

Each mark wants to sit at its own position (an event's date on the chart's
axis). Marks closer than `gap` are gathered into a run, laid out `gap` apart
and centred on the mean of the positions they want, so each moves as little
as the others allow; runs that then touch are merged and centred again. The
order of the marks never changes, and the lane's ends hold them in.
"""

from __future__ import annotations

from collections.abc import Sequence


def nudged(wanted: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Positions for marks that want `wanted` (in any order): at least `gap`
    apart, within [low, high] where the lane is long enough, in the same order."""
    if gap <= 0:
        raise ValueError("gap must be positive")
    order = sorted(range(len(wanted)), key=lambda index: wanted[index])
    runs: list[list[float]] = []  # each run: the wanted positions of its marks, in order
    for index in order:
        runs.append([wanted[index]])
        while len(runs) > 1 and _end(runs[-2], gap) + gap > _start(runs[-1], gap):
            last = runs.pop()
            runs[-1].extend(last)
    placed = [_start(run, gap) + step * gap for run in runs for step in range(len(run))]
    # Hold the marks inside the lane: push right from the low end, then left from the high end.
    for index, position in enumerate(placed):
        placed[index] = max(position, low if index == 0 else placed[index - 1] + gap)
    for index in range(len(placed) - 1, -1, -1):
        limit = high if index == len(placed) - 1 else placed[index + 1] - gap
        placed[index] = min(placed[index], limit)
    result = [0.0] * len(wanted)
    for rank, index in enumerate(order):
        result[index] = placed[rank]
    return result


def _start(run: list[float], gap: float) -> float:
    """Where a run's first mark goes: the run centred on the mean of what its marks want."""
    return sum(run) / len(run) - gap * (len(run) - 1) / 2


def _end(run: list[float], gap: float) -> float:
    return _start(run, gap) + gap * (len(run) - 1)
