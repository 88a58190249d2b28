"""Literal anchors of rule patterns: which lines and paragraphs a rule can match, found in one scan.

Running every rule's regexes over every unit of an article costs a Python call per rule and unit,
though almost every unit matches nothing. Most patterns cannot match without some literal text
(``(?:Read more|More):`` needs ``Read more`` or ``More``): those literals are the rule's anchors. One
Aho-Corasick pass over the case-folded text finds every anchor (a case-sensitive one where the text
itself holds it); a rule then runs only on the units that hold one of its anchors, which cannot
change what it finds. A pattern without a usable anchor (``\\w+:``) keeps its rule running on every unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Optional

from .rulepacks import LazyPattern, LinearPattern, parsed

try:  # Python 3.11+
    import re._constants as _sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


def required_literals(pattern) -> Optional[frozenset]:
    """Literals one of which every match of a compiled ``re`` pattern contains, or None if unknown.

    Case-insensitive patterns give their literals case-folded (see ``fold``).

    >>> sorted(required_literals(re.compile(r"(?:Read more|More)\\s?:")))
    ['More', 'Read more']
    >>> sorted(required_literals(re.compile(r"[\\w' ]{1,25}\\s?:\\s?https?://\\S+")))
    ['http']
    >>> required_literals(re.compile(r"\\w+:?")) is None
    True
    >>> sorted(required_literals(re.compile(r"(?:©|ⓒ)\\s?\\d{4}"))), sorted(required_literals(re.compile(r"(?i)x(?-i:Fin)")))
    (['©', 'ⓒ'], ['fin'])
    """
    if hasattr(pattern, "literals"):  # a rule's tokens (``token_sets.TokenSet``): each is an anchor
        return pattern.literals()
    if isinstance(pattern, LinearPattern):
        return _linear_anchors(pattern.pattern, pattern.flags)
    if not isinstance(pattern, (re.Pattern, LazyPattern)):
        return None
    from . import snapshot

    return snapshot.memo("anchors", (pattern.pattern, int(pattern.flags)), lambda: _anchors(pattern))


def _anchors(pattern) -> Optional[frozenset]:
    try:
        tree = pattern.tree() if isinstance(pattern, LazyPattern) else parsed(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - the pattern compiled already
        return None
    found = _required(list(tree))
    if found is not None and pattern.flags & re.IGNORECASE:
        found = frozenset(fold(s) for s in found)
    return found


@lru_cache(maxsize=4096)
def _linear_anchors(source: str, flags: int) -> Optional[frozenset]:
    """``required_literals`` of a user pattern (run on RE2; ``flags`` with those it sets inline): its
    literals as Python's parser reads them, the pattern RE2 runs having the same ones; none when it
    ignores case and one is not ASCII (RE2 folds case by Unicode's simple folding, Python's ``fold``
    agrees with it on the ASCII letters' partners, ``K`` and ``ſ``, not everywhere). Kept apart from
    the snapshot's facts, which are about shipped patterns.

    >>> from cleaner.rulepacks import compile_linear
    >>> sorted(required_literals(compile_linear("(?i)read more|Sponsored by [A-Z]+")))
    ['read more', 'sponsored by ']
    >>> required_literals(compile_linear("(?i)café")) is None, sorted(required_literals(compile_linear("café")))
    (True, ['café'])
    """
    try:
        found = _required(list(parsed(source, flags)))
    except (re.error, RecursionError):  # pragma: no cover - the pattern compiled already
        return None
    if found is None or not flags & re.IGNORECASE:
        return found
    return frozenset(fold(s) for s in found) if all(s.isascii() for s in found) else None


def _better(best: Optional[frozenset], other: Optional[frozenset]) -> Optional[frozenset]:
    """The more selective of two anchor sets: the weightier lightest literal (see ``weight``), then
    fewer literals."""
    if other is None:
        return best
    if best is None:
        return other
    return max(best, other, key=lambda s: (min(map(weight, s)), -len(s)))


_PROSE_MARKS = frozenset(" .,;:!?'\"()-‘’“”–—…/")  # marks running text is full of


def weight(literal: str) -> int:
    """How rarely running text holds ``literal``, as its length with each mark prose seldom uses (a
    separator bar, a bracket, ``©``) counted three times and a space not at all: a navigation bar's
    ``|`` or a shortcode's ``[`` meets fewer lines than a two-letter section name (``us``) or tag
    (``ad``) does. A literal that is a function word (``rules/languages.toml``, the language test's
    English list) with spaces around it counts two letters less (at least one): prose holds ``" the "``
    or ``"to "`` in nearly every line, so ``appeared first on`` anchors ``(?:The|This) post .+ appeared
    first on .+`` (on 400 tune articles of the clean corpus the B rules' anchors hit 97,000 times, not 149,000).

    >>> weight("us"), weight("|"), weight("["), weight("."), weight("Read more"), weight(" the "), weight("More ")
    (2, 3, 3, 1, 8, 1, 2)
    """
    core = literal.strip().lower()
    if core in _common_words():
        return max(1, len(core) - 2)
    return sum(0 if c.isspace() else 1 if c.isalnum() or c in _PROSE_MARKS else 3 for c in literal)


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """English's function words (``rules/languages.toml``, the language test's list)."""
    from .rulepacks import load_builtin

    return frozenset(load_builtin("languages")["en"]["words"].split())


_MAX_CLASS = 8  # a class of at most this many listed characters gives each as an anchor


def _required(items: list) -> Optional[frozenset]:
    """Required literals of a parsed sequence: its best literal run or required part."""
    best: Optional[frozenset] = None
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        found: Optional[frozenset] = None
        if op is _sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            # a scoped case-insensitive part is not followed; a scoped case-sensitive one is (its
            # literals, folded with the rest, are in the folded text wherever they are in the text)
            if not add_flags & re.IGNORECASE:
                found = _required(list(sub))
        elif op is _ATOMIC:
            found = _required(list(av))
        elif op is _sre.IN and 0 < len(av) <= _MAX_CLASS and all(kind is _sre.LITERAL for kind, _ in av):
            found = frozenset(chr(c) for _, c in av)  # (?:©|ⓒ), which the parser makes [©ⓒ]
        elif op is _sre.BRANCH:
            alternatives = [_required(list(alt)) for alt in av[1]]
            if alternatives and all(a is not None for a in alternatives):
                found = frozenset().union(*alternatives)
        elif op in _REPEATS:
            low, _, sub = av
            if low >= 1:
                found = _required(list(sub))
        best = _better(best, found)
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


@lru_cache(maxsize=1)
def _fold_table() -> tuple:
    """Characters ``re.IGNORECASE`` treats as one besides their lower case (``s`` and ``ſ``), mapped
    to one representative each, and a pattern that finds any of them."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

        pairs = [(key, other) for key, others in _EXTRA_CASES.items() for other in others]
    except ImportError:  # pragma: no cover - Python 3.10
        from sre_compile import _equivalences  # type: ignore[attr-defined]

        pairs = [(group[0], other) for group in _equivalences for other in group[1:]]
    classes: dict = {}
    for a, b in pairs:
        merged = classes.get(a, {a}) | classes.get(b, {b})
        for member in merged:
            classes[member] = merged
    table = {member: min(group) for member, group in classes.items() if member != min(group)}
    return table, re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")


def fold(text: str) -> str:
    """Lower case with ``re``'s extra case equivalences merged, same length as ``text`` when possible.

    >>> fold("Read MORE"), fold("Teſt") == fold("TEST")
    ('read more', True)
    """
    return fold_lowered(text.lower())


def fold_lowered(lowered: str) -> str:
    """:func:`fold` of a text from its lower case (``text.lower()``), for a caller that has it already.

    >>> fold_lowered("teſt") == fold_lowered("test")
    True
    """
    if lowered.isascii():
        return lowered
    table, _ = _fold_table()
    # str.translate walks every character in Python-level dict lookups: only when one is there (each
    # found by a substring search, a fifth of the time of one regex pass over the text)
    return lowered.translate(table) if any(map(lowered.__contains__, _fold_chars())) else lowered


@lru_cache(maxsize=1)
def _fold_chars() -> tuple:
    """The characters :func:`fold` maps to another one."""
    return tuple(map(chr, _fold_table()[0]))


class AnchorIndex:
    """The anchors of a sequence of rules, in one Aho-Corasick automaton over the case-folded text.

    A case-sensitive literal whose characters fold one by one (``Copyright ©``; not ``Σ``, whose lower
    case depends on its neighbours, nor ``İ``) sits in the same automaton under its folded form, and
    a hit of it counts only where the text itself holds the literal: the text holds it only where the
    folded text holds its folded form, so one scan finds what a scan of the text would. The few
    others keep a second automaton over the text itself.
    """

    def __init__(self, rules):
        import ahocorasick

        anchored, unanchored, keys, within_lines = _anchor_table(rules)
        self.anchored: list[bool] = list(anchored)
        self.unanchored: set = set(unanchored)  # the numbers of the rules that run on every unit
        self._automata = []
        self._keys: list = []  # an automaton's value: an index here, of (key length, what it is wanted for)
        # whether a hit can run over a line break (a literal holding one): then ``hits_after`` cannot
        # read a text line by line
        self._within_lines = within_lines
        for folded, entries in ((False, keys[0]), (True, keys[1])):
            if not entries:
                continue
            automaton = ahocorasick.Automaton()
            for key, wanted in entries.items():
                automaton.add_word(key, len(self._keys))
                self._keys.append((len(key), tuple(wanted)))
            automaton.make_automaton()
            self._automata.append((folded, automaton))

    def hits(self, text: str, folded_text: Optional[str] = None) -> Optional[dict]:
        """Rule number -> (start, end) spans of its anchors in ``text``; None when folding
        would move offsets (a character whose lower case is longer, ``İ``): then every rule runs
        everywhere. ``folded_text``: ``fold(text)``, when the caller has it.

        >>> from cleaner.rule_engine import load_rules
        >>> rules = load_rules({"rule": [{"code": "X001", "message": "m", "pattern": "Copyright ©"},
        ...                              {"code": "X002", "message": "m", "pattern": "copyright", "ignorecase": True}]})
        >>> AnchorIndex(rules).hits("COPYRIGHT © 2020. Copyright © 2021")
        {1: [(0, 9), (18, 27)], 0: [(18, 29)]}
        """
        folded_text = self._folded(text, folded_text)
        return None if folded_text is None else self._spans(text, folded_text, 0, len(text))

    #: a fix round whose edits leave more stretches than this is read again whole (its hits carried
    #: stretch by stretch would cost rules x stretches steps)
    MAX_STRETCHES = 64

    def hits_after(self, before: Optional[dict], text: str, touched: list, stretches: list,
                   folded_text: Optional[str] = None) -> Optional[dict]:
        """``hits(text)`` of a text a fix round edited, from ``before`` (the hits of the text before the
        edits): the hits in each untouched stretch (``recheck.split_by_edits``) are the old ones there,
        moved, and only the ``touched`` lines are searched. Exact because no literal runs over a line
        break (else, and with ``before`` None or many stretches, the whole text is searched).

        >>> from cleaner.rule_engine import load_rules
        >>> index = AnchorIndex(load_rules({"rule": [{"code": "X001", "message": "m", "pattern": "Read more"}]}))
        >>> old, new = "Read more\\nx\\nRead more", "Read more\\nRead more\\nRead more"
        >>> index.hits_after(index.hits(old), new, [(10, 20)], [(0, 10, 0), (20, 29, 8)])
        {0: [(0, 9), (20, 29), (10, 19)]}
        >>> index.hits(new)  # (the same spans: in another order, which no reader minds)
        {0: [(0, 9), (10, 19), (20, 29)]}
        """
        if before is None or not self._within_lines or len(stretches) > self.MAX_STRETCHES:
            return self.hits(text, folded_text)
        folded_text = self._folded(text, folded_text)
        if folded_text is None:
            return None
        found: dict = {}
        for number, spans in before.items():
            spans = sorted(spans)
            kept = []
            at = 0
            for start, end, shift in stretches:  # (both in text order: one walk)
                old_start, old_end = start - shift, end - shift
                while at < len(spans) and spans[at][0] < old_start:
                    at += 1
                while at < len(spans) and spans[at][1] <= old_end:
                    kept.append((spans[at][0] + shift, spans[at][1] + shift))
                    at += 1
            if kept:
                found[number] = kept
        for start, end in touched:
            for number, spans in self._spans(text, folded_text, start, end).items():
                found.setdefault(number, []).extend(spans)
        return found

    def _folded(self, text: str, folded_text: Optional[str]) -> Optional[str]:
        """The text the folded automaton reads (``text`` itself when there is none); None when folding
        ``text`` changes its length."""
        if not any(folded for folded, _ in self._automata):
            return text
        folded_text = folded_text if folded_text is not None else fold(text)
        return folded_text if len(folded_text) == len(text) else None

    def _spans(self, text: str, folded_text: str, start: int, end: int) -> dict:
        """``hits`` of ``text[start:end]`` (``folded_text`` as long as ``text``), offsets in ``text``."""
        ends: dict = {}  # key index -> the ends of its hits
        for folded, automaton in self._automata:
            for end_at, key in automaton.iter(folded_text if folded else text, start, end):
                found = ends.get(key)
                if found is None:
                    ends[key] = [end_at]
                else:
                    found.append(end_at)
        spans: dict = {}
        for key, found in ends.items():
            length, wanted = self._keys[key]
            for literal, numbers in wanted:
                at = [(end + 1 - length, end + 1) for end in found]
                if literal is not None:
                    at = [(s, e) for s, e in at if text[s:e] == literal]
                    if not at:
                        continue
                for number in numbers:  # (rules may share one list: read it, never change it)
                    before = spans.get(number)
                    spans[number] = at if before is None else before + at
        return spans


def _anchor_table(rules) -> tuple:
    """(whether each rule has anchors, the numbers of those that have none, the keys to search for,
    whether no literal holds a line break) of a sequence of rules: what :class:`AnchorIndex` builds
    its automata from. Kept in the start-up snapshot for the shipped rules (a fact that their
    patterns' text decides): gathering it pattern by pattern cost every start about 7 ms.

    The keys are two maps (in the text itself, in the folded text) of key searched for -> [(the
    literal the text must hold there, or None: any), rule numbers].

    >>> from cleaner.rule_engine import load_rules
    >>> _anchor_table(load_rules({"rule": [{"code": "X001", "message": "m", "pattern": "Read more"},
    ...                                    {"code": "X002", "message": "m", "pattern": "\\\\w+:?"}]}))
    ((True, False), (1,), ({}, {'read more': [('Read more', (0,))]}), True)
    """
    patterns = [pattern for rule in rules for pattern, _ in rule.patterns]
    if not all(isinstance(pattern, LazyPattern) for pattern in patterns):  # a user's (RE2) or token rules
        return _build_anchor_table(rules)
    from hashlib import blake2b

    from . import snapshot

    # the rules' patterns, flags and grouping decide the table: a digest of them is its key
    signature = blake2b("\0".join(f"{len(rule.patterns)}\0" + "\0".join(f"{p.pattern}\0{int(p.flags)}" for p, _ in rule.patterns)
                                   for rule in rules).encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return snapshot.memo("anchor table", signature, lambda: _build_anchor_table(rules))


def _build_anchor_table(rules) -> tuple:
    anchored: list = []
    unanchored: list = []
    by_literal: dict = {}  # (folded?, literal) -> rule numbers
    for number, rule in enumerate(rules):
        literals: Optional[set] = set()
        for pattern, _ in rule.patterns:
            found = required_literals(pattern)
            if found is None:
                literals = None
                break
            folded = bool(pattern.flags & re.IGNORECASE)
            literals.update((folded, s) for s in found)
        anchored.append(literals is not None)
        if literals is None:
            unanchored.append(number)
        for key in sorted(literals or ()):
            by_literal.setdefault(key, []).append(number)
    keys: tuple = ({}, {})  # (in the text itself, in the folded text)
    for (is_folded, literal), numbers in by_literal.items():
        if is_folded:
            keys[1].setdefault(literal, []).append((None, tuple(numbers)))
        elif _folds_alone(literal):
            keys[1].setdefault(fold(literal), []).append((literal, tuple(numbers)))
        else:
            keys[0].setdefault(literal, []).append((None, tuple(numbers)))
    within_lines = not any("\n" in literal for _, literal in by_literal)
    return tuple(anchored), tuple(unanchored), keys, within_lines


def _folds_alone(literal: str) -> bool:
    """Whether each character of ``literal`` folds to one character whatever stands beside it, so
    that the folded text holds ``fold(literal)`` wherever the text holds ``literal``.

    >>> _folds_alone("Copyright ©"), _folds_alone("ΣΑΣ"), _folds_alone("İstanbul")
    (True, False, False)
    """
    return all(len(c.lower()) == 1 and c != "Σ" for c in literal)


def anchors_by_unit(units: list, starts: list, spans: list) -> dict:
    """Unit index -> the anchor spans (sorted) that lie whole inside that unit (``units`` sorted and
    disjoint, ``starts`` theirs).

    >>> from collections import namedtuple
    >>> U = namedtuple("U", "start end")
    >>> anchors_by_unit([U(0, 5), U(7, 12)], [0, 7], [(8, 10), (4, 8), (1, 2)])
    {1: [(8, 10)], 0: [(1, 2)]}
    """
    chosen: dict = {}
    for start, end in spans:
        index = bisect_right(starts, start) - 1
        if index >= 0 and end <= units[index].end:
            chosen.setdefault(index, []).append((start, end))
    for found in chosen.values():
        found.sort()
    return chosen


def read_reach(pattern) -> Optional[int]:
    r"""How far past where a match starts the regex engine can read, at most: the widest match plus
    the widest look-ahead, plus one character (``\b`` and ``$`` look at the next one); None when a
    repeat is unbounded. A search that stops this far past a match's start finds that match exactly
    as a search of the whole text does.

    >>> [read_reach(re.compile(p)) for p in (r"Fin", r"Fin(?= [A-Z]{2})\b", r"(?<=\. )Fin\.?", r"Fin.*")]
    [4, 7, 5, None]
    """
    try:
        tree = pattern.tree() if isinstance(pattern, LazyPattern) else parsed(pattern.pattern, pattern.flags)
    except (re.error, RecursionError, AttributeError):
        return None
    width = tree.getwidth()[1]
    ahead = _assertion_reach(list(tree))
    if width >= 1 << 20 or ahead is None:
        return None
    return width + ahead + 1


def _assertion_reach(items: list) -> Optional[int]:
    """How far past where it stands a look-ahead in a parsed sequence reads, at most (its body's
    width, plus any look-ahead nested in it; a look-behind reads back, but one may hold a look-ahead),
    or None when one is unbounded."""
    widest = 0
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            direction, body = av
            inner = _assertion_reach(list(body))
            high = body.getwidth()[1] if direction == 1 else 0
            if inner is None or high >= 1 << 20:
                return None
            widest = max(widest, high + inner)
            continue
        if op is _sre.SUBPATTERN:
            subs = [av[3]]
        elif op is _sre.BRANCH:
            subs = list(av[1])
        elif op in _REPEATS:
            subs = [av[2]]
        elif op is _ATOMIC:
            subs = [av]
        elif op is _sre.GROUPREF_EXISTS:
            subs = [s for s in av[1:] if s is not None]
        else:
            continue
        for sub in subs:
            inner = _assertion_reach(list(sub))
            if inner is None:
                return None
            widest = max(widest, inner)
    return widest


def match_windows(spans: list, reach: int, start: int = 0) -> list:
    """Merged ``[low, high]`` ranges of where a match that holds one of the anchor ``spans`` (sorted,
    unit-relative) and is at most ``reach`` characters wide can start, none before ``start``.

    >>> match_windows([(10, 14), (12, 16), (100, 104)], 8)
    [(6, 12), (96, 100)]
    """
    out: list = []
    for low_anchor, high_anchor in spans:
        low, high = max(start, high_anchor - reach), low_anchor
        if high < low:
            continue
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def windowed_finditer(pattern, text: str, windows: list, reach: int):
    """The non-empty matches of ``pattern.finditer(text)`` that start inside ``windows`` (see
    :func:`match_windows`), found by searching each window and ``reach`` characters past it, not the
    whole text: the engine reads no further than ``reach`` past a match's start, so each match found
    is the one a whole-text search finds there, and one starting past its window is left to the next.

    >>> p = re.compile(r"(?<=\\. )Read more\\b")
    >>> text = "x. Read more. " * 3 + "y" * 50 + ". Read more"
    >>> windows = match_windows([(m.start(), m.end()) for m in re.finditer("Read more", text)], read_reach(p))
    >>> [m.span() for m in windowed_finditer(p, text, windows, read_reach(p))] == [m.span() for m in p.finditer(text)]
    True
    """
    pos = 0
    length = len(text)
    for low, high in windows:
        at = max(low, pos)
        stop = min(length, high + reach + 1)
        while at <= high:
            match = pattern.search(text, at, stop)
            if match is None or match.start() > high:
                break
            if match.end() > match.start():
                yield match
                pos = at = match.end()
            else:
                at = match.end() + 1
