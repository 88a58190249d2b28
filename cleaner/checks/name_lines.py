"""The G family's article facts as a sum of line facts, kept across the fix rounds of one article.

A G pass reads facts of the whole article (its capitalised names, ...). Here those facts are made
from the facts of each line (``\\n``-ended, as :func:`cleaner.recheck.touched_lines` cuts them): a
line's :class:`LineFacts` depend on its text alone, so they are kept in ``ctx.memo`` under that text,
and a confirming fix round reads again only the lines its edits changed; the article's facts are the
lines' facts merged in text order (dicts keep their first occurrence, positions are ``(line start,
offset)``).

A pass may keep its candidates in a line the same way (:class:`LineResults`), under the article facts
they were found with: a line whose candidates read nothing beyond its text and those facts is not
read again while both stay as they were; a line where the pass asked the rest of the article (a word
pair's count, the mentions of a word) is read again every round.

Why lines: a name token never spans a line break, and every pass that uses these facts stops a name
at a gap that is not one plain space; so what a line contributes does not depend on its neighbours
(tested: ``tests/test_name_lines.py`` compares every line's facts with those of the line alone).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, compress, repeat
from operator import add, itemgetter
from typing import NamedTuple

from ..lexicon import lexicon
from ..tokens import Tokens
from .casing import per_text_memo
from .name_tokens import _CONNECTORS, _LEADING_SKIP, _norm, _POSSESSIVE_ENDS, _within, Candidate

#: ``ctx.memo`` key of the line facts: {line text: LineFacts}
FACTS_KEY = "G line facts"
#: ``ctx.memo`` key of a first round's names, not yet cut into lines: (the tokens, :func:`names_at`'s names)
PENDING_KEY = "G line facts pending"
#: above this share of a text's lines to read, they are read in one walk of the text
WHOLE_TEXT_SHARE = 0.25


class Lines(NamedTuple):
    """The lines of a text (``str.split("\\n")``'s pieces), as parallel tuples: each line's start
    offset, its text (no line break), and its tokens ``lo[k]:hi[k]``."""

    starts: tuple
    texts: tuple
    lo: tuple
    hi: tuple

    def of_token(self, i: int) -> int:
        """The line of token ``i``."""
        return bisect_right(self.hi, i)


class LineFacts(NamedTuple):
    """What the G passes read of one line.

    ``names``: the multiword capitalised names found in it, as ``(offset of the name's first word in
    the line, ((key, form), ...))``, the form itself first and then the names inside it (see
    :func:`cleaner.checks.names.article_names`), in text order; the headline test (a paragraph's) is
    left to the merge.
    """

    names: tuple = ()


NO_FACTS = LineFacts()


def text_lines(toks: Tokens) -> Lines:
    """The :class:`Lines` of ``toks``'s text, built once per text (in C: a text of many short lines has
    as many lines as a tenth of its words).

    >>> text_lines(Tokens("Acme Corp said.\\n\\nIt rose"))
    Lines(starts=(0, 16, 17), texts=('Acme Corp said.', '', 'It rose'), lo=(0, 3, 3), hi=(3, 3, 5))
    >>> text_lines(Tokens("Acme Corp said.\\n\\nIt rose")).of_token(3)
    2
    """
    memo = per_text_memo(toks)
    lines = memo.get("lines")
    if lines is None:
        texts = tuple(toks.text.split("\n"))
        lengths = tuple(map(len, texts))
        starts = (0, *accumulate(map((1).__add__, lengths[:-1])))
        hi = tuple(map(bisect_left, repeat(toks._starts()), map(add, starts, lengths)))  # (no token holds a line break)
        lines = memo["lines"] = Lines(starts, texts, (0, *hi[:-1]), hi)
    return lines


def line_memo(ctx, key: str) -> dict:
    """The dict kept under ``key`` in ``ctx.memo`` (the article's, across its fix rounds), or a new
    one when the context keeps no memo."""
    memo = getattr(ctx, "memo", None)
    if memo is None:
        return {}
    kept = memo.get(key)
    if kept is None:
        kept = memo[key] = {}
    return kept


class LineResults:
    """A pass's candidates in each line, kept under the line's text for one value of the article facts
    the pass reads (``signature``): a new signature starts afresh. A line's candidates are kept with
    the offset of the line they were found in (``()`` when it has none). A first search of the whole
    text is kept as it was found (``pending``: the tokens, the candidates, the tokens read beyond their
    lines) and cut into lines only when a later round asks: most articles need no second round."""

    __slots__ = ("signature", "lines", "pending")

    def __init__(self, signature):
        self.signature = signature
        self.lines: dict = {}
        self.pending = None

    def cut(self) -> None:
        """File the ``pending`` search's candidates by the lines of its text."""
        toks, here, volatile = self.pending
        self.pending = None
        lines = text_lines(toks)
        _file(self.lines, lines, range(len(lines.texts)), [None] * len(lines.texts), _by_line(lines, here), volatile)

    @classmethod
    def of(cls, ctx, key: str, signature) -> "LineResults":
        """The results kept in ``ctx.memo`` under ``key`` for ``signature``, or new ones."""
        memo = getattr(ctx, "memo", None)
        kept = None if memo is None else memo.get(key)
        if kept is None or kept.signature != signature:
            kept = cls(signature)
            if memo is not None:
                memo[key] = kept
        return kept


def kept_by_line(doc, toks: Tokens, ctx, key: str, signature, find, starts, starts_in) -> list:
    """A pass's candidates on ``doc``, each line's kept in ``ctx.memo`` (under ``key``, for the article
    facts ``signature`` stands for) and found again only in the lines not seen before with these facts.

    ``find(starts)`` is the pass's search at ``starts`` (ascending token indexes): it returns ``(token
    index, candidate)`` pairs in text order, and the tokens where it read the article beyond the token's
    line and the facts (those lines are searched again every round); it must find at a start what it
    finds there whatever starts came before the start's line (a name ends at a line's end).
    ``starts()`` gives every start of the text, ``starts_in(lo, hi)`` those among tokens ``lo:hi``
    (both the same starts: many new lines are searched from the first, a few from the second).
    """
    results = LineResults.of(ctx, key, signature)
    if results.pending is not None:
        results.cut()
    kept = results.lines
    if not kept:  # a first search with these facts: of the whole text, cut into lines if a round asks
        here, volatile = find(starts())
        results.pending = (toks, here, volatile)
        return [c for _, c in here]
    lines = text_lines(toks)
    n = len(lines.texts)
    got = list(map(kept.get, lines.texts)) if kept else [None] * n
    missing = [k for k, g in enumerate(got) if g is None] if kept else range(n)
    fresh: dict = {}
    if missing:
        if len(missing) > WHOLE_TEXT_SHARE * n:
            at = starts()
        else:
            lo, hi = lines.lo, lines.hi
            at = list(chain.from_iterable(starts_in(lo[k], hi[k]) for k in missing))
        here, volatile = find(at)
        fresh = _by_line(lines, here)
        _file(kept, lines, missing, got, fresh, volatile)
    out = []
    for k in sorted(chain(fresh, compress(range(n), got))):
        out.extend(fresh[k] if k in fresh else _moved(doc, got[k], lines.starts[k]))
    return out


def _by_line(lines: Lines, here: list) -> dict:
    """{line: its candidates} of ``(token index, candidate)`` pairs."""
    fresh: dict = {}
    of_token = lines.of_token
    for i, c in here:
        fresh.setdefault(of_token(i), []).append(c)
    return fresh


def _file(kept: dict, lines: Lines, missing, got: list, fresh: dict, volatile) -> None:
    """Keep the candidates ``fresh`` found in the ``missing`` lines (by line), under their texts, but
    not those of lines where the search read beyond the line (``volatile``: token indexes). Lines
    kept from before (``got``) are left as they were (and dropped from ``fresh``: a whole-text search
    found them again)."""
    texts = lines.texts
    if len(missing) == len(texts):
        kept.update(zip(texts, repeat(())))
    else:
        kept.update(zip(map(texts.__getitem__, missing), repeat(())))
    for k, found in list(fresh.items()):
        if got[k] is None:
            kept[texts[k]] = (lines.starts[k], tuple(found))
        else:
            del fresh[k]
    for k in set(map(lines.of_token, volatile)):
        if got[k] is None:
            kept.pop(texts[k], None)


def _moved(doc, got: tuple, start: int) -> list:
    """Candidates kept from a line that started at ``got[0]``, remade on ``doc`` for the same line at
    ``start``: new findings (their line and column are ``doc``'s; a round's findings are its own)."""
    at, candidates = got
    d = start - at
    out = []
    for c in candidates:
        f = c.finding
        if f is not None:
            edit = f.edit
            f = doc.finding(f.code, f.message, f.start + d, f.end + d, suggestion=f.suggestion, fix=f.fix,
                            confidence=f.confidence, source=f.source, **f.extra)
            if edit is not None:
                f.edit = [edit[0] + d, edit[1] + d]
        out.append(Candidate(f, None if c.test is None else (c.test[0] + d, c.test[1] + d),
                             None if c.take is None else (c.take[0] + d, c.take[1] + d), c.overlap,
                             tuple(n + d for n in c.needs)))
    return out


def two_word_starts(toks: Tokens) -> list:
    """The capitalised words one plain space before a capitalised word or a joining word, ascending:
    where :func:`names_at` may find a name of two words or more (at any other capitalised word
    it finds none), found in C from the capitalised pairs and the joining words' mentions.

    >>> toks = Tokens("Shares of Acme Corp rose. The Bank of England and Ford said so.")
    >>> [toks.words[i] for i in two_word_starts(toks)]
    ['Shares', 'Acme', 'The', 'Bank', 'England']
    """
    cap = toks.capitalised
    starts = set(map((-1).__add__, toks.cap_pairs))
    joins = [k for k in toks.among(_CONNECTORS) if k]
    joins = list(compress(joins, map(" ".__eq__, map(toks.gaps.__getitem__, joins))))
    starts.update(compress(map((-1).__add__, joins), map(cap.__getitem__, map((-1).__add__, joins))))
    return sorted(starts)


def two_word_starts_in(toks: Tokens, lo: int, hi: int) -> list:
    """:func:`two_word_starts` among the tokens ``lo:hi`` (a line's), read token by token.

    >>> toks = Tokens("Shares of Acme Corp rose. The Bank of England and Ford said so.")
    >>> two_word_starts_in(toks, 0, len(toks.words)) == two_word_starts(toks), two_word_starts_in(toks, 3, 9)
    (True, [5, 6, 8])
    """
    cap, gaps, low = toks.capitalised, toks.gaps, toks.low_words
    return [i for i in range(lo, min(hi, len(low) - 1))
            if cap[i] and gaps[i + 1] == " " and (cap[i + 1] or low[i + 1] in _CONNECTORS)]


def names_at(toks: Tokens, starts) -> list:
    """The multiword capitalised names that start at ``starts`` (ascending, from :func:`two_word_starts`
    or :func:`two_word_starts_in`), as ``(index of the first token, ((key, form), ...))``: the name,
    then the names inside it (after a possessive, or after a joining word that follows a name of its
    own: ``Lancaster University`` of ``Professor Paul Taylor of Lancaster University``, not ``Friends of
    Pine Lake`` of ``Members of Friends of Pine Lake``). A sentence's ordinary first word is no part of
    a name (``Yesterday Syrian Democratic Forces``). A name never reaches past a gap other than one
    plain space, so what a line holds does not depend on the lines around it.

    >>> toks = Tokens("Yesterday Syrian Democratic Forces met Professor Paul Taylor of Lancaster University.")
    >>> names_at(toks, two_word_starts(toks))
    [(0, (('syrian democratic forces', 'Syrian Democratic Forces'),)), (5, (('professor paul taylor of lancaster university', 'Professor Paul Taylor of Lancaster University'), ('lancaster university', 'Lancaster University')))]
    """
    lex = lexicon()
    out = []
    words, spans = toks.words, toks.spans
    n = len(words)
    gaps, cap, low_words = toks.gaps, toks.capitalised, toks.low_words
    after = 0  # the first word not yet inside a name
    for i in starts:
        if i < after or i + 1 >= n or gaps[i + 1] != " " or not (cap[i + 1] or words[i + 1] in _CONNECTORS):
            continue  # a name of one word at most starts here
        if low_words[i] in _LEADING_SKIP:
            continue
        w = words[i]
        j = i + 1
        while j < n and gaps[j] == " " and (cap[j] or (words[j] in _CONNECTORS and j + 1 < n and cap[j + 1])):
            j += 1
        while j > i and words[j - 1] in _CONNECTORS:
            j -= 1
        if j - i >= 2:
            k = i
            if w.lower() in lex.lower and lex.zipf(w) > 4.5 and toks.sentence_initial(i):
                k = i + 1  # "Yesterday Syrian Democratic Forces ..." : drop the sentence's first word
            if j - k >= 2:
                found = toks.text[spans[k][0]:spans[j - 1][1]]
                entries = [(_norm(found), found)]
                for m in range(k + 1, j - 1):
                    if cap[m] and (words[m - 1].endswith(_POSSESSIVE_ENDS) or (
                            words[m - 1] in _CONNECTORS and m - 1 - k >= 2)):
                        inner = toks.text[spans[m][0]:spans[j - 1][1]]
                        entries.append((_norm(inner), inner))
                out.append((i, tuple(entries)))
        after = max(j, i + 1)
    return out



def line_facts(toks: Tokens, ctx) -> list:
    """The :class:`LineFacts` of every line of :func:`text_lines` (in order), each kept in ``ctx.memo``
    under the line's text: a line seen in an earlier fix round is not read again. When most lines
    are new (a first round), their names are found in one walk of the text and cut by line."""
    lines = text_lines(toks)
    kept = line_memo(ctx, FACTS_KEY)
    texts = lines.texts
    facts = list(map(kept.get, texts)) if kept else [None] * len(texts)
    missing = [k for k, f in enumerate(facts) if f is None] if kept else range(len(texts))
    if not missing:
        return facts
    if len(missing) > WHOLE_TEXT_SHARE * len(texts):
        found = _names_by_line(lines, names_at(toks, two_word_starts(toks)))
    else:
        found = {k: names_at(toks, two_word_starts_in(toks, lines.lo[k], lines.hi[k])) for k in missing}
    if len(missing) == len(texts):
        facts = [NO_FACTS] * len(texts)
        kept.update(zip(texts, facts))
    else:
        for k in missing:
            facts[k] = kept[texts[k]] = NO_FACTS
    _file_names(kept, lines, toks, found, facts)  # (a line kept from before keeps its facts)
    return facts


def article_names_by_line(doc, toks: Tokens, ctx) -> dict:
    """The article's names (:func:`merged_names` of :func:`line_facts`), the lines' facts kept in
    ``ctx.memo``. A first round finds them in one walk of the text and keeps that walk as it was (with
    the tokens), to be cut into lines only if a later round asks: most articles need none."""
    memo = getattr(ctx, "memo", None)
    kept = line_memo(ctx, FACTS_KEY)
    pending = None if memo is None else memo.pop(PENDING_KEY, None)
    if pending is not None:
        before, found = pending
        lines = text_lines(before)
        kept.update(zip(lines.texts, repeat(NO_FACTS)))
        _file_names(kept, lines, before, _names_by_line(lines, found), [NO_FACTS] * len(lines.texts))
    if kept:
        return merged_names(doc, toks, line_facts(toks, ctx))
    found = names_at(toks, two_word_starts(toks))
    if memo is not None:
        memo[PENDING_KEY] = (toks, found)
    names: dict = {}
    heads = toks.headlines(doc)[0] if found else ()
    spans = toks.spans
    for i, entries in found:
        if not _within(heads, spans[i][0]):
            for key, form in entries:
                names.setdefault(key, form)
    return names


def _names_by_line(lines: Lines, found: list) -> dict:
    """{line: its names} of :func:`names_at`'s names."""
    by_line: dict = {}
    of_token = lines.of_token
    for i, entries in found:
        by_line.setdefault(of_token(i), []).append((i, entries))
    return by_line


def _file_names(kept: dict, lines: Lines, toks: Tokens, found: dict, facts: list) -> None:
    """Keep the facts of the lines with names (``found``, by line) under their texts, in ``facts`` too
    (a line whose ``facts`` are some already is left as it was)."""
    spans = toks.spans
    for k, names in found.items():
        if names and facts[k] is NO_FACTS:
            at = lines.starts[k]
            facts[k] = kept[lines.texts[k]] = LineFacts(tuple((spans[i][0] - at, entries) for i, entries in names))


def merged_names(doc, toks: Tokens, facts: list) -> dict:
    """The article's names (by key, its first form) from its lines' ``facts``, outside headline-like
    paragraphs (:meth:`Tokens.headlines`): what :func:`cleaner.checks.names.article_names` finds."""
    names: dict = {}
    heads = None
    starts = text_lines(toks).starts
    for k in compress(range(len(facts)), map(itemgetter(0), facts)):
        if heads is None:
            heads = toks.headlines(doc)[0]
        at = starts[k]
        for offset, entries in facts[k].names:
            if not _within(heads, at + offset):
                for key, form in entries:
                    names.setdefault(key, form)
    return names
