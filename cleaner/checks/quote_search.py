"""The fewest-edit readings of one paragraph's double marks: the search over mark roles that issue 12 asks for.

The quotation model decides most marks from their surroundings and a few evidence rules. Where those rules
leave a paragraph's marks unbalanced and say nothing (a closing mark after a bare word, a quotation opened
and never closed with no place for its closing mark), this search reads the paragraph as a whole: every mark
is kept in a role its surroundings allow (open, close) or deleted, and a lost mark may be inserted where a
quotation can open or close. A reading is consistent when the quotations alternate open/close and none is
left open at the paragraph's end (unless the next paragraph re-opens it, the run-on convention). Its cost is
``(edits, doubts)``: every insertion or deletion is an edit, and one made where nothing speaks for it (a
sentence start, a comma, the deletion of a mark its surroundings call opening or closing) is also a doubt;
an insertion after an introduction (``said:``), before an attribution (``, he said``) or at the paragraph's
end is not. The search is a dynamic programme over the paragraph's marks and places in text order, with two
states (inside a quotation or not): linear in the paragraph. When two different sets of edits share the
lowest cost, the repair is a tie: reported, never guessed.

>>> t = 'He said: We will win." Then he left.'
>>> s = search(t, 0, len(t), [Slot(21, "mark", "close", 1)], opens=[Slot(9, "open", "", 0)], closes=[])
>>> s.cost, s.tied, [(e.kind, e.pos) for e in s.edits]
((1, 0), False, [('open', 9)])
"""

from __future__ import annotations

from typing import NamedTuple, Optional

#: a state no reading has reached
_NONE = None


class Slot(NamedTuple):
    """A place the search reads: a mark (``kind`` ``mark``, ``role`` the one its surroundings allow, ``""`` for
    either) or a place where an opening or closing mark may be inserted (``open`` / ``close``), with the doubt
    an edit there carries (0: something in the text speaks for it; 1: nothing does)."""

    pos: int
    kind: str
    role: str
    doubt: int


class SearchEdit(NamedTuple):
    """One edit of a reading: insert an opening or closing mark before ``pos`` (``open`` / ``close``), or delete
    the mark at ``pos`` (``delete``)."""

    kind: str
    pos: int


class Search(NamedTuple):
    """The cheapest reading: its cost, whether another set of edits costs the same, and its edits in text order."""

    cost: tuple
    tied: bool
    edits: list


def _order(slot: Slot) -> tuple:
    # at one offset a closing mark goes in before a mark is read, and an opening one after it
    return slot.pos, {"close": 0, "mark": 1, "open": 2}[slot.kind]


def search(text: str, start: int, end: int, marks: list, opens: list, closes: list, *, run_on: bool = False) -> Optional[Search]:
    """The fewest-edit consistent reading of the paragraph ``text[start:end]`` whose double marks are ``marks``
    (``Slot``s of kind ``mark``), given the places ``opens`` and ``closes`` where a lost mark may go. ``run_on``:
    the next paragraph re-opens a quotation, so this one may end inside it. None when no reading is consistent.

    Each state keeps its cost and up to two readings with different edits (a chain of edits, hashed as it
    grows), so telling a tie from a single answer costs nothing more than finding the answer.

    >>> t = 'It was "a deal," she said "and a fair one'
    >>> marks = [Slot(7, "mark", "open", 1), Slot(15, "mark", "close", 1), Slot(26, "mark", "open", 1)]
    >>> s = search(t, 0, len(t), marks, opens=[], closes=[Slot(len(t), "close", "", 0)])
    >>> s.cost, s.tied, [(e.kind, e.pos) for e in s.edits]
    ((1, 0), False, [('close', 41)])
    >>> s = search(t, 0, len(t), marks, opens=[], closes=[Slot(16, "close", "", 1), Slot(len(t), "close", "", 1)])
    >>> s.cost, s.tied
    ((1, 1), True)
    """
    # a state: (cost, readings) with readings a list of at most two (hash, chain) of distinct edits
    states: list = [((0, 0), [(0, None)]), _NONE]
    for slot in sorted([*marks, *opens, *closes], key=_order):
        if not start <= slot.pos <= end:
            continue
        nxt: list = [_NONE, _NONE]
        for depth in (0, 1):
            state = states[depth]
            if state is _NONE:
                continue
            cost, readings = state
            if slot.kind == "mark":
                if depth == 0 and slot.role in ("open", ""):
                    _offer(nxt, 1, cost, readings, None)
                if depth == 1 and slot.role in ("close", ""):
                    _offer(nxt, 0, cost, readings, None)
                _offer(nxt, depth, (cost[0] + 1, cost[1] + slot.doubt), readings, SearchEdit("delete", slot.pos))
            else:
                _offer(nxt, depth, cost, readings, None)  # no mark goes here
                if slot.kind == "open" and depth == 0:
                    _offer(nxt, 1, (cost[0] + 1, cost[1] + slot.doubt), readings, SearchEdit("open", slot.pos))
                if slot.kind == "close" and depth == 1:
                    _offer(nxt, 0, (cost[0] + 1, cost[1] + slot.doubt), readings, SearchEdit("close", slot.pos))
        states = nxt
    finals = [s for s in (states[0], states[1] if run_on else _NONE) if s is not _NONE]
    if not finals:
        return None
    cost = min(s[0] for s in finals)
    readings = {h: chain for s in finals if s[0] == cost for h, chain in s[1]}
    chain = next(iter(readings.values()))
    edits = []
    while chain is not None:
        edits.append(chain[0])
        chain = chain[1]
    return Search(cost, len(readings) > 1, edits[::-1])


def _offer(states: list, depth: int, cost: tuple, readings: list, edit: Optional[SearchEdit]) -> None:
    """Offer the readings ``readings`` extended by ``edit`` (None: no edit) to ``states[depth]`` at ``cost``: a
    cheaper cost replaces what is there, an equal one adds readings whose edits differ (two are enough to tell
    a tie)."""
    if edit is not None:
        readings = [(hash((h, edit)), (edit, chain)) for h, chain in readings]
    current = states[depth]
    if current is _NONE or cost < current[0]:
        states[depth] = (cost, readings[:2])
    elif cost == current[0] and len(current[1]) < 2:
        known = {h for h, _ in current[1]}
        merged = current[1] + [r for r in readings if r[0] not in known]
        states[depth] = (cost, merged[:2])
