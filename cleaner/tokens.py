r"""The token model every check reads: the words of a text with their spans and what the passes ask of
them (case, the gaps between words, sentence starts, headline paragraphs), built once per document and
served as :attr:`cleaner.document.Document.tokens`.

Two tokenisations live here, both found in one scan each:

- :data:`WORD_TOKEN`: letter runs joined by apostrophes (``don't``, ``O’Brien``): what spelling and the
  language test count (``Document.word_tokens``);
- :data:`NAME_TOKEN`: ``\w`` runs joined by ``' ’ & . -`` (``AT&T``, ``U.S``, ``NASA-funded``): what the
  names (G) family walks, so that a name's parts stay one token.

Read a :class:`Tokens`, never change it: every check of a document shares the same one. Its
per-word sequences are tuples, not lists: a tuple of strings, numbers or such tuples drops out of the
garbage collector's walks after its first collection, while every full collection walks each element
of a list again (on a 1M-word text, 0.09 s per collection for the lists of one Tokens, 0.004 s for
the tuples), and a long text's passes trigger more collections the longer it is.

>>> toks = Tokens("The Associated press said.")
>>> toks.words, toks.spans[1], toks.joined
(('The', 'Associated', 'press', 'said'), (4, 14), (2,))
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, count
from operator import and_, eq, itemgetter, not_
from typing import Optional

#: a word: letters, possibly joined by apostrophes ("don't", "O’Brien")
#: (possessive ++ and *+: the same tokens, a tenth faster, since a letter run only ends before a non-letter)
WORD_TOKEN = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)*+")
#: a name token: word characters joined by ' ’ & . - (possessive: a \w run ends where no \w follows)
NAME_TOKEN = re.compile(r"\w++(?:['’&.-]\w++)*+")
_NAME_TOKEN_SPLIT = re.compile("(" + NAME_TOKEN.pattern + ")")
# two to six capitals standing alone; the first capital is matched before the look-behind (the same
# matches as "(?<![\w.&/-])[A-Z]{2,6}...", a third of the time: most positions fail at once)
ACRONYM = re.compile(r"[A-Z](?<![\w.&/-][A-Z])[A-Z]{1,5}(?![\w&/]|\.[A-Za-z])")
# quotes and brackets between a sentence's end and its first word; what ends a sentence
_OPENERS = " \t\"“”‘’'("
_SENTENCE_ENDS = ".!?:…\n"
PAIR_SCAN_MAX = 64  # a word pair whose rarer word has more mentions is read from that word's neighbours counted
MERGE_PER_WORD = 3  # among(): merge the index's positions while that takes under this many comparisons a word
WHOLE_WORD_SETS_FROM = 65536  # characters: a text this long answers whole_word() from its tokens
_WORD_CHARS = re.compile(r"\w+")
_JOINERS = re.compile(r"['’&.-]")
_FIRST_RUN, _LAST_RUN = re.compile(r"\w+"), re.compile(r"\w+$")  # of a name token: its first and last \w run


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    """Abbreviations whose full stop ends no sentence (``Mr.``), from ``rules/names_config.toml``."""
    from .rulepacks import load_builtin

    return frozenset(load_builtin("names_config")["abbreviations"]["not_sentence_end"])


def _lower_cased(distinct: dict) -> dict:
    """{word: its lower-cased form} for the distinct words of a text (``distinct`` maps each to
    itself), each form one shared string: the word itself where it is lower case already.

    Sharing matters on long texts: a 1M-word text's per-word copies are scattered over ~60 MB, and a
    pass that reads the words at a joining word's mentions paid a cache miss per read (place-after-of:
    0.27 ms at 100k words, 13 ms at 1M; 3.6 ms with shared strings).

    >>> words = {"The": "The", "the": "the", "THE": "THE"}
    >>> lowered = _lower_cased(words)
    >>> lowered["The"] is lowered["THE"] is words["the"]
    True
    """
    return {word: distinct.setdefault(low, low) for word, low in zip(list(distinct), map(str.lower, list(distinct)))}


class Tokens:
    """Word tokens of a text with spans, and what every pass asks of them, computed once per document:
    the text between two tokens, sentence starts, and which paragraphs are headlines."""

    def __init__(self, text: str):
        self.text = text
        pieces = _NAME_TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap: one scan of the text
        # one string object per distinct word, gap and lower-cased word: a long text's
        # passes then read a few thousand strings, not a million scattered copies, and their cost per
        # mention stays flat as the text grows (see _lower_cased)
        distinct: dict = {}
        self.words = tuple(map(distinct.setdefault, pieces[1::2], pieces[1::2]))
        #: gaps[i]: the text between token i - 1 and token i (before the first token for i = 0)
        self.gaps = tuple(map(distinct.setdefault, pieces[0:-1:2], pieces[0:-1:2]))
        offsets = list(accumulate(map(len, pieces)))
        self.spans = tuple(zip(offsets[0:-1:2], offsets[1::2]))
        words = self.words
        #: capitalised[i]: does word i start with a capital?
        self.capitalised = tuple(map(str.isupper, map(itemgetter(0), words)))
        #: indexes of the words that start with a capital
        self.caps = tuple(compress(count(), self.capitalised))
        #: every word lower-cased
        self.low_words = tuple(map(_lower_cased(distinct).__getitem__, words))
        self._initial: dict = {}
        self._headlines: Optional[tuple] = None
        self._acronyms: Optional[list] = None
        self._lowered: Optional[str] = None
        self._token_starts: Optional[list] = None
        self._positions: Optional[dict] = None
        self._neighbours: dict = {}  # (word, 1): its followers counted, (word, -1): the words before it
        self._pair_counts: dict = {}
        self._runs: dict = {}  # lowered? -> the \w runs of the text (or None: see whole_word)

    # the index sequences below are built on first use: the batch learning pass reads none of them,
    # and building them was a fifth of its Tokens' cost (bench/batch.py's learning pass)

    @cached_property
    def lower(self) -> tuple:
        """Indexes of the lower-case words: the candidates of most casing passes."""
        return tuple(compress(count(), map(str.islower, self.words)))

    @cached_property
    def lower_alpha(self) -> tuple:
        """Indexes of the lower-case words that are all letters."""
        return tuple(compress(self.lower, map(str.isalpha, map(self.words.__getitem__, self.lower))))

    @cached_property
    def not_alpha(self) -> tuple:
        """Indexes of the words that are not all letters (``U.S``, ``NASA-funded``, ``Trump's``, ``2024``):
        where the passes that read possessives, compounds and initials look, found once.

        >>> Tokens("Trump's NASA-funded plan, 2024").not_alpha
        (0, 1, 3)
        """
        return tuple(compress(count(), map(not_, map(str.isalpha, self.words))))

    @cached_property
    def _after_caps(self) -> tuple:
        """Indexes of the words one plain space after a capitalised word, found from the capitalised
        words (a fifth of them) rather than from flags of every word."""
        after_caps = list(map((1).__add__, self.caps))
        if after_caps and after_caps[-1] == len(self.words):
            after_caps.pop()
        return tuple(compress(after_caps, map(" ".__eq__, map(self.gaps.__getitem__, after_caps))))

    @cached_property
    def joined(self) -> tuple:
        """Indexes of the lower-case words one plain space after a capitalised word ("Associated
        press"): where most casing slips are."""
        after_caps = self._after_caps
        return tuple(compress(after_caps, map(str.islower, map(self.words.__getitem__, after_caps))))

    @cached_property
    def joined_alpha(self) -> tuple:
        """``joined``'s words that are all letters."""
        return tuple(compress(self.joined, map(str.isalpha, map(self.words.__getitem__, self.joined))))

    @cached_property
    def cap_pairs(self) -> tuple:
        """Indexes of the capitalised words one plain space after a capitalised word ("Palm Bay")."""
        after_caps = self._after_caps
        return tuple(compress(after_caps, map(self.capitalised.__getitem__, after_caps)))

    def may_repeat(self) -> bool:
        r"""Can a letter run stand twice in a row, a space or tab apart, case ignored, in the text (what
        ``([^\W\d_]++)([ 	]++)()`` with ``re.IGNORECASE`` matches)? False only when it cannot:
        a whole-text search for that pattern (its Unicode classes cost ~50 ns a character, as much as
        building the tokens) is then skipped.

        Such a match is two ``\w`` runs with only spaces or tabs between them, so the last run of a
        token and the first of the next: for two plain tokens (ASCII letters and digits) their
        lower-cased forms are equal; for the others, their runs have the same length and are equal
        lower-cased or hold a non-ASCII letter (which the pattern may match by case folding).

        >>> Tokens("at the The station").may_repeat(), Tokens("at the station").may_repeat()
        (True, False)
        >>> Tokens("it’s s.a. A rock").may_repeat(), Tokens("Ǆemal ǆemal").may_repeat(), Tokens("the\nthe").may_repeat()
        (True, True, False)
        """
        words, low, gaps = self.words, self.low_words, self.gaps
        for i in compress(count(1), map(eq, low[:-1], low[1:])):  # (i: the second of the pair)
            if gaps[i] and not gaps[i].strip(" \t"):
                return True
        # the other tokens: those with a joiner or an underscore, and those with a non-ASCII letter,
        # found among the distinct words lower-cased (a third as many; lower-casing adds no ASCII
        # letter a pattern's case folding could match otherwise than lower-cased: the Kelvin sign
        # becomes "k", which the pairs above compare)
        distinct = list(self._word_positions())
        positions = self._positions
        odd = set(chain.from_iterable(map(positions.__getitem__, compress(distinct, map(
            not_, map(and_, map(str.isascii, distinct), map(str.isalnum, distinct)))))))
        last = len(words) - 1
        for i in odd.union([k - 1 for k in odd]):  # (i: the first of a pair one of them is in)
            if i < 0 or i >= last:
                continue
            gap = gaps[i + 1]
            if gap != " " and (not gap or gap.strip(" \t")):
                continue
            a, b = words[i], words[i + 1]
            if not a.isalnum():
                a = _LAST_RUN.search(a).group()
            if not b.isalnum():
                b = _FIRST_RUN.match(b).group()
            if len(a) == len(b) and (a.lower() == b.lower() or not (a + b).isascii()):
                return True
        return False

    def among(self, keys) -> list:
        """Indexes of the words whose lower-cased form is in ``keys`` (a set, dict or short tuple),
        ascending: read from the index of the article's words (:meth:`where`), by one membership test
        per distinct word, in C, or one look-up per key when there are fewer keys (a pass asks this
        about ten times an article: a membership test per word each time cost more).

        >>> Tokens("Of mice and of men").among({"of"}), Tokens("Of mice and of men").among(("men", "mice", "cat", "men"))
        ([0, 3], [1, 4])
        """
        positions = self._word_positions()
        if len(keys) < len(positions):
            found = [at for at in map(positions.get, set(keys)) if at is not None]
        else:
            found = list(compress(positions.values(), map(keys.__contains__, positions)))
        if len(found) == 1:
            return list(found[0])
        if sum(map(len, found)) * len(found).bit_length() > MERGE_PER_WORD * len(self.low_words):
            # merging many mentions of many words (a long text's "the", "new", ...) costs a few
            # comparisons each, more than one membership test per word of the text
            return list(compress(count(), map(keys.__contains__, self.low_words)))
        return sorted(chain.from_iterable(found))

    def where(self, word: str) -> tuple:
        """Indexes of the words whose lower-cased form is ``word``, ascending, from an index of the
        article's words built on the first call: for a test repeated per candidate, where a scan of
        the words each time would make the pass quadratic.

        >>> Tokens("Of mice and of men").where("of")
        (0, 3)
        """
        return self._word_positions().get(word, ())

    def distinct_lowered(self):
        """The distinct lower-cased words of the text (a view of :meth:`where`'s index).

        >>> sorted(Tokens("Of mice and of men").distinct_lowered())
        ['and', 'men', 'mice', 'of']
        """
        return self._word_positions().keys()

    def _word_positions(self) -> dict:
        """{lower-cased word: the indexes of its tokens, ascending}, built once, in C: each word's list
        (made on its first mention) takes its index (a Python loop over the words was a quarter of
        the first pass to ask, on a 1 MB line).

        >>> Tokens("Of mice and of men")._word_positions()
        {'of': (0, 3), 'mice': (1,), 'and': (2,), 'men': (4,)}
        """
        positions = self._positions
        if positions is None:
            positions = defaultdict(list)
            deque(map(list.append, map(positions.__getitem__, self.low_words), count()), maxlen=0)
            # (tuples: out of the garbage collector's walks, as the token sequences are)
            positions = self._positions = dict(zip(positions, map(tuple, positions.values())))
        return positions

    def pair_count(self, first: str, second: str) -> int:
        """How often word ``first`` is followed by word ``second`` (exact words): counted at the
        mentions of the rarer of the two (:meth:`where`) when it is rare, else read from a count of
        the words after (or before) the rarer one, made once per word. The count of every pair of a
        long text grew faster than the text (13.7x the CPU for 10x the words; G004 asking about two
        common words made it 1.7 s of 1M words), a scan of a word's mentions per question too (G004's
        questions about one word with each of its neighbours); a word's neighbours counted once cost
        its mentions, so all of them together at most twice the text's length.

        >>> toks = Tokens("South Yorkshire police, South Yorkshire Police and south Yorkshire")
        >>> toks.pair_count("Yorkshire", "police"), toks.pair_count("South", "Yorkshire")
        (1, 2)
        """
        known = self._pair_counts.get((first, second))
        if known is not None:
            return known
        at_first, at_second = self.where(first.lower()), self.where(second.lower())
        words = self.words
        if min(len(at_first), len(at_second)) > PAIR_SCAN_MAX:
            if len(at_first) <= len(at_second):
                known = self._neighbours_of(first, at_first, 1).get(second, 0)
            else:
                known = self._neighbours_of(second, at_second, -1).get(first, 0)
        elif len(at_first) <= len(at_second):
            last = len(words) - 1
            known = sum(1 for j in at_first if j < last and words[j] == first and words[j + 1] == second)
        else:
            known = sum(1 for j in at_second if j and words[j] == second and words[j - 1] == first)
        self._pair_counts[first, second] = known
        return known

    def _neighbours_of(self, word: str, mentions: tuple, step: int) -> Counter:
        """The words right after (``step`` 1) or before (-1) the tokens that are exactly ``word``, counted
        over its ``mentions`` (the indexes of its lower-cased form), once per word and side."""
        counted = self._neighbours.get((word, step))
        if counted is None:
            words = self.words
            inside = range(len(words) - 1) if step == 1 else range(1, len(words))
            counted = self._neighbours[word, step] = Counter(
                words[j + step] for j in mentions if j in inside and words[j] == word)
        return counted

    def whole_word(self, word: str, lowered: bool = False) -> Optional[bool]:
        """Does ``word`` stand whole in a long text (``lowered``: in the text lower-cased)? A word of
        word characters (``\\w``) does exactly where it is a whole run of them, and every such run is
        a token or a part of a joined one (``ISIS-held``): answered from those runs, collected once,
        where a search of a long text for each word asked grew with its vocabulary. A phrase does not
        when one of its runs is missing. None when the runs cannot tell: a phrase whose runs are all
        there, a short text (a search is cheaper), or a text whose tokens lower-cased are not its
        lower-cased runs (``İ`` lower-cases to two characters, ``Σ`` after its neighbours).

        >>> toks = Tokens("ISIS-held towns, crisis talks. " * 3000)
        >>> toks.whole_word("ISIS"), toks.whole_word("held"), toks.whole_word("isis"), toks.whole_word("isis", True)
        (True, True, False, True)
        >>> toks.whole_word("sis"), toks.whole_word("isis-held", True), toks.whole_word("sis-held"), Tokens("ISIS").whole_word("ISIS")
        (False, None, False, None)
        """
        if len(self.text) < WHOLE_WORD_SETS_FROM:
            return None
        runs = self.word_runs(lowered)
        if runs is None:
            return None
        if _WORD_CHARS.fullmatch(word):
            return word in runs
        # a phrase: each of its runs is a whole run where it stands, so one missing rules it out
        return False if any(run not in runs for run in _WORD_CHARS.findall(word)) else None

    def word_runs(self, lowered: bool = False) -> Optional[frozenset]:
        """The distinct runs of word characters (``\\w+``) of the text, or of the text lower-cased
        (``lowered``), with the joined tokens they make (``isis-held``: no run, since a joiner is no word
        character), made once per text; None when the tokens cannot tell the lower-cased text's (see
        :meth:`whole_word`).

        >>> sorted(Tokens("ISIS-held towns, ISIS").word_runs(lowered=True))
        ['held', 'isis', 'isis-held', 'towns']
        """
        if lowered not in self._runs:
            self._runs[lowered] = self._word_runs(lowered)
        return self._runs[lowered]

    def _word_runs(self, lowered: bool) -> Optional[frozenset]:
        """The distinct runs of word characters of the text (or of its lower-cased form): the tokens
        and the parts of the joined ones."""
        if lowered and ("İ" in self.text or "Σ" in self.text):
            return None
        # (the distinct lower-cased words: the keys of where()'s index, made once per text anyway)
        runs = set(self._word_positions() if lowered else self.words)
        # the words with a joiner (or an underscore: split, harmless), among those not all letters
        others = set(map((self.low_words if lowered else self.words).__getitem__, self.not_alpha))
        joined = list(compress(others, map(not_, map(str.isalnum, others))))
        runs.update(chain.from_iterable(map(_JOINERS.split, joined)))
        runs.discard("")  # (a piece before or after a joiner at a token's end: none, a token ends in \w)
        return frozenset(runs)

    @property
    def acronyms(self) -> list:
        """The ``ACRONYM`` matches of the text."""
        if self._acronyms is None:
            self._acronyms = list(ACRONYM.finditer(self.text))
        return self._acronyms

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def spaced(self, i: int) -> bool:
        """Is token ``i`` one plain space after token ``i - 1``?"""
        return self.gaps[i] == " "

    def slice(self, i: int, n: int) -> Optional[str]:
        if i + n > len(self.spans):
            return None
        start, end = self.spans[i][0], self.spans[i + n - 1][1]
        chunk = self.text[start:end]
        if "\n" in chunk:
            return None
        return chunk

    def sentence_initial(self, i: int) -> bool:
        """Does token ``i`` start a sentence? Not after a title or an initial (``Mr.``, ``W.``)."""
        known = self._initial.get(i)
        if known is None:
            known = self._initial[i] = self._sentence_initial(i)
        return known

    def _sentence_initial(self, i: int) -> bool:
        start = self.spans[i][0]
        window = max(0, start - 3)
        before = self.text[window:start].rstrip(_OPENERS)
        if not before:
            return True
        if before[-1] not in _SENTENCE_ENDS:
            return False
        if before[-1] == "." and i and self.spans[i - 1][1] == window + len(before) - 1:
            prev = self.words[i - 1]
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in _abbreviations():
                return False
        return True

    def paragraph_words(self, doc, offset: int) -> int:
        """How many words the paragraph at ``offset`` has (0 outside paragraphs)."""
        paragraph = doc.paragraph_at(offset)
        if paragraph is None:
            return 0
        starts = self._starts()
        return bisect_left(starts, paragraph.end) - bisect_left(starts, paragraph.start)

    def _starts(self) -> list:
        if self._token_starts is None:
            self._token_starts = tuple(map(itemgetter(0), self.spans))
        return self._token_starts

    def headlines(self, doc) -> tuple:
        """(headline paragraph spans, the title-case ones among them: no lower-case word over 3 letters).

        A headline (or a caption, a table row) is a paragraph of fewer than three words that start with
        a letter, or one where at least 60% of them start with a capital, or one in capitals."""
        if self._headlines is None:
            starts = self._starts()
            heads, title_case = [], []
            # running counts of the words that start with a letter and with a capital: each paragraph's
            # test from two subtractions, not a pass over its words
            letters = [0, *accumulate(map(str.isalpha, map(itemgetter(0), self.words)))]
            capitals = [0, *accumulate(self.capitalised)]
            for p in doc.paragraphs:
                lo, hi = bisect_left(starts, p.start), bisect_left(starts, p.end)
                n = letters[hi] - letters[lo]  # (a capital is a letter: the capitals are among them)
                if n < 3 or (capitals[hi] - capitals[lo]) / n >= 0.6 or p.text.isupper():
                    tokens = self.words[lo:hi]
                    heads.append((p.start, p.end))
                    if not any(len(w) > 3 and w.islower() for w in tokens):
                        title_case.append((p.start, p.end))
            self._headlines = (heads, title_case)
        return self._headlines
