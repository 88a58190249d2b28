"""The score stage: a quality score in [0, 1] and a verdict from the density and kind of findings."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Iterable

from .finding import Finding
from .rulepacks import load_builtin

VERDICTS = ("clean", "fixable", "garbled")


@lru_cache(maxsize=1)
def _weights():
    pack = load_builtin("scoring")
    weights = dict(pack["weights"])
    return weights, float(pack["fixed-factor"]), int(pack["min-words"])


def _weight(code: str, weights: dict) -> float:
    if code.startswith("LT"):
        return weights.get("LT", 0.3)
    for length in range(len(code), 0, -1):
        if code[:length] in weights:
            return weights[code[:length]]
    return 1.0


def score(findings: Iterable[Finding], word_count: int, fixed_ids: set[int]) -> float:
    """1 / (1 + weighted findings per 100 words); findings that ``fix`` repairs weigh less.

    >>> score([], 300, set())
    1.0
    """
    weights, fixed_factor, min_words = _weights()
    per_code: dict = {}
    for finding in findings:
        factor = fixed_factor if id(finding) in fixed_ids else 1.0
        total, count = per_code.get(finding.code, (0.0, 0))
        per_code[finding.code] = (total + _weight(finding.code, weights) * finding.confidence * factor, count + 1)
    # One defect repeated n times is one systematic habit of the copy (a house style, a template), not n
    # independent damages: a code's total counts divided by sqrt(n).
    penalty = sum(total / math.sqrt(count) for total, count in per_code.values())
    density = penalty * 100.0 / max(word_count, min_words)
    return round(1.0 / (1.0 + density), 4)


def verdict(value: float, remaining: int, garbled_below: float, clean_above: float) -> str:
    """``garbled`` under the garbled threshold; ``clean`` when nothing is left to fix and the score is high."""
    if value < garbled_below:
        return "garbled"
    if remaining == 0 and value >= clean_above:
        return "clean"
    return "fixable"
