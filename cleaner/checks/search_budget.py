"""How many unknown words one article may have searched for a correction: a linear bound on S and G's
dearest per-word work.

A news article holds a few unknown words per 1,000 (the tune part of the clean corpus: median 3 for S,
at most 124 in a 970-word article); a text of random words or thousands of made-up names holds
hundreds, and searching each for a correction cost several times an article's CPU per MB (issue 17).
Past the budget, words are not judged and the check says how many in a notice.
"""

from __future__ import annotations


def search_budget(words: int, base: int, per_1000: int) -> int:
    """``base`` searches plus ``per_1000`` for each 1,000 of an article's ``words``.

    >>> search_budget(800, 100, 100), search_budget(30_000, 100, 100)
    (180, 3100)
    """
    return base + per_1000 * words // 1000


class SearchBudget:
    """The words an article may still have searched, kept across its fix rounds (in ``ctx.memo``): a
    word admitted once stays admitted, so every round judges the same words, in text order.

    >>> budget = SearchBudget(2)
    >>> [budget.admits(w) for w in ("teh", "majr", "teh", "wrold")], budget.skipped
    ([True, True, True, False], 1)
    """

    __slots__ = ("size", "left", "admitted", "skipped")

    def __init__(self, size: int) -> None:
        self.size = self.left = size
        self.admitted: set = set()
        self.skipped = 0  # words turned away, this round

    @classmethod
    def of(cls, ctx, key: str, words: int, base: int, per_1000: int) -> "SearchBudget":
        """The article's budget under ``key`` in ``ctx.memo`` (made on the first round), its count of
        words turned away set back to zero for this round."""
        budget = ctx.memo.get(key)
        if budget is None:
            budget = ctx.memo[key] = cls(search_budget(words, base, per_1000))
        budget.skipped = 0
        return budget

    def count_skipped(self, noun: str) -> str:
        """``1 unknown word``, ``3 unknown words``: the words turned away this round, for a notice."""
        return f"{self.skipped} {noun}{'' if self.skipped == 1 else 's'}"

    @property
    def were(self) -> str:
        return "was" if self.skipped == 1 else "were"

    def admits(self, word: str) -> bool:
        if word in self.admitted:
            return True
        if self.left <= 0:
            self.skipped += 1
            return False
        self.left -= 1
        self.admitted.add(word)
        return True
