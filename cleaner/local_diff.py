"""Where a text and its repair differ, when the repair changed short, separate places (ftfy's mojibake fixes).

``difflib.SequenceMatcher`` finds the same places, but its longest-match search is quadratic in a line's
length per difference, and worse on repetitive text: one 5 KB paragraph of ``The cafÃ© was open.``
sentences took 15 s, a 1 MB line would never end. Here both texts are walked side by side; at each
difference the nearest point where they agree again for :data:`RESYNC` characters (fewer where the
differences are denser) ends it, looked for at most :data:`REACH` characters ahead in each, and ``difflib`` lays out the edits inside that short stretch
only. Linear in the texts' length for local repairs; a difference that does not end within reach is one
edit to the end of both texts.
"""

from __future__ import annotations

from typing import Iterator

RESYNC = 8  # characters both texts must share after a difference for it to end there
REACH = 48  # how far a difference may run in either text before the rest is taken as one edit
NEAR = 3  # where differences are denser than RESYNC: a shorter agreement that ends one
SLACK = 6  # how much further a RESYNC agreement is looked for once a NEAR one was found
_BLOCK = 64  # equal text is skipped a block at a time


def opcodes(old: str, new: str) -> Iterator[tuple]:
    """``difflib``-style ``(tag, i1, i2, j1, j2)`` for each place ``new`` differs from ``old`` (no
    ``equal`` runs): applying them to ``old`` gives ``new``. Inside each place (bounded by text both
    share), ``difflib`` lays out the edits, so they are the ones it gives on the whole line.

    >>> list(opcodes("The cafÃ© is open.", "The café is open."))
    [('replace', 7, 9, 7, 8)]
    >>> list(opcodes("abc", "abXc")), list(opcodes("abc", "ac")), list(opcodes("same", "same"))
    ([('insert', 2, 2, 2, 3)], [('delete', 1, 2, 1, 1)], [])
    """
    from difflib import SequenceMatcher  # (imported when a text first differs: most articles never do)

    for i1, i2, j1, j2 in places(old, new):
        if i2 - i1 > 2 * REACH or j2 - j1 > 2 * REACH:  # the rest of both: one edit, not a quadratic search
            yield "replace", i1, i2, j1, j2
            continue
        for tag, a1, a2, b1, b2 in SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False).get_opcodes():
            if tag != "equal":
                yield tag, i1 + a1, i1 + a2, j1 + b1, j1 + b2


def places(old: str, new: str) -> Iterator[tuple]:
    """``(i1, i2, j1, j2)``: each stretch where the texts differ, ended where they agree again.

    >>> list(places("The cafÃ© is open.", "The café is open."))
    [(7, 9, 7, 8)]

    The text both end with is left out of the walk first, so that a repair before a run of a repeated
    character is one place where it stands, not a shorter one there and the rest taken from the run's
    far end (``Ã“`` → ``Ó``, not ``Ã`` → ``Ó”`` and a ``“”`` deleted further on):

    >>> list(places("Ã“”“”“”“”“” ", "Ó”“”“”“”“” "))
    [(0, 2, 0, 1)]
    """
    i, j = _skip_equal(old, new, 0, 0)
    tail = _common_end(old, new, min(len(old), len(new)) - min(i, j))
    if tail:
        old, new = old[:len(old) - tail], new[:len(new) - tail]
    n, m = len(old), len(new)
    while True:
        i, j = _skip_equal(old, new, i, j)
        if i == n and j == m:
            return
        a, b = _resync(old, new, i, j)
        yield i, i + a, j, j + b
        i, j = i + a, j + b


def _common_end(old: str, new: str, most: int) -> int:
    """How many characters (at most ``most``) both texts end with.

    >>> _common_end("cafÃ© open", "café open", 9)
    5
    """
    k = 0
    while k + _BLOCK <= most and old[len(old) - k - _BLOCK:len(old) - k] == new[len(new) - k - _BLOCK:len(new) - k]:
        k += _BLOCK
    while k < most and old[len(old) - k - 1] == new[len(new) - k - 1]:
        k += 1
    return k


def _skip_equal(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    while old[i:i + _BLOCK] == new[j:j + _BLOCK] and i + _BLOCK <= len(old) and j + _BLOCK <= len(new):
        i, j = i + _BLOCK, j + _BLOCK
    while i < len(old) and j < len(new) and old[i] == new[j]:
        i, j = i + 1, j + 1
    return i, j


def _resync(old: str, new: str, i: int, j: int) -> tuple[int, int]:
    """The shortest ``(a, b)`` (fewest characters in all, then fewest of ``old``) after which the texts
    agree again from ``old[i + a]`` and ``new[j + b]`` for RESYNC characters; where the differences are
    denser than that (a paragraph of mojibake), the first after which they agree for NEAR characters,
    or else for one, once no longer agreement came within :data:`SLACK` more; the rest of both when
    none is in reach."""
    found: dict = {}  # agreement length -> the first (a, b) agreeing for that long
    n, m = len(old), len(new)
    stop = 2 * REACH  # the last total tried: SLACK more than the first that agreed at all
    lengths = (RESYNC, NEAR, 1)
    for total in range(1, 2 * REACH + 1):
        if total > stop:
            break
        for a in range(max(0, total - REACH), min(total, REACH) + 1):
            x, y = i + a, j + total - a
            if x < n and y < m and old[x] != new[y]:
                continue  # most candidates: told apart by their first character, without a slice
            for length in lengths:
                if _agree(old, new, x, y, length):
                    if length == RESYNC:
                        return a, total - a
                    if not found:
                        stop = total + SLACK
                    found.setdefault(length, (a, total - a))
                    if length == NEAR:  # a shorter agreement later changes nothing: only RESYNC is looked for
                        lengths = (RESYNC,)
                    break
    return found.get(NEAR) or found.get(1) or (n - i, m - j)


def _agree(old: str, new: str, x: int, y: int, length: int) -> bool:
    """Whether the texts agree from ``old[x]`` and ``new[y]``: on ``length`` characters, or on all that is
    left of both when less is left."""
    if x > len(old) or y > len(new):
        return False
    if old[x:x + length] != new[y:y + length]:
        return False
    return min(len(old) - x, len(new) - y) >= length or len(old) - x == len(new) - y
