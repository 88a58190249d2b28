"""The ground the G (names) family stands on: the word tokens of a text with what every pass asks of
them (:class:`_Tokens`), the word lists and patterns more than one pass reads, and the small helpers
they share (the ``names_config`` rule pack, the known names of a run, name keys, the plain-context
test, tables derived once per gazetteer).

It exists so that the family's modules (:mod:`cleaner.checks.names`, :mod:`cleaner.checks.acronyms`,
:mod:`cleaner.checks.casing`, :mod:`cleaner.checks.name_slips`) build on one base and import none of
each other's passes: ``names`` runs them all and nothing imports ``names`` back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count
from operator import itemgetter
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..gazetteer import norm
from ..rulepacks import load_builtin

SOURCE = "names"

# possessive (++, *+): the same tokens (a \w run ends where no \w follows), found a tenth faster
_NEWLINE = re.compile("\n")
_TOKEN = re.compile(r"\w++(?:['’&.-]\w++)*+")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
# two to six capitals standing alone; the first capital is matched before the look-behind (the same
# matches as "(?<![\w.&/-])[A-Z]{2,6}...", a third of the time: most positions fail at once)
_ACRONYM = re.compile(r"[A-Z](?<![\w.&/-][A-Z])[A-Z]{1,5}(?![\w&/]|\.[A-Za-z])")
# gazetteer kinds whose names are also ordinary phrases ("Sun City", "Garden City"): casing is unsafe
_GUESSABLE_KINDS = {"city", "county"}
_POSSESSIVE_ENDS = ("'s", "’s")  # what a possessive ends with
_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "to", "in", "on", "at", "by", "with", "from", "as",
                   "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
                   "said", "says", "told", "tells", "vs", "versus", "via", "than", "into", "onto", "after", "before",
                   "while", "when", "where", "who", "which", "that", "this", "these", "those", "if", "so", "not",
                   "under", "over", "through", "since", "during", "against", "about", "above", "below", "between",
                   "among", "across", "behind", "beyond", "despite", "inside", "outside", "toward", "towards",
                   "upon", "within", "without", "near", "like", "unlike", "per", "plus", "amid", "until", "for",
                   "of", "off", "out", "up", "down", "also", "now", "then", "just", "only", "even", "still"}
_CONNECTORS = {"of", "for", "and", "the", "de", "del", "la", "al", "on", "du", "von", "van", "&"}
# quotes and brackets between a sentence's end and its first word; what ends a sentence
_OPENERS = " \t\"“”‘’'("
_SENTENCE_ENDS = ".!?:…\n"
_CAP_HEAD = re.compile(r"([A-Z][a-z]+)(?:['’]s|-[\w.-]+)")  # "Volkswagen’s", "Jordanian-U.S."
_LEADING_SKIP = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "if", "for", "from", "by", "to",
                 "with", "when", "while", "after", "before", "since", "this", "that", "these", "those", "his",
                 "her", "their", "our", "its", "my", "your", "last", "next", "every", "each", "according"}


@lru_cache(maxsize=1)
def _pack() -> dict:
    return load_builtin("names_config")


@lru_cache(maxsize=None)
def _words(section: str, key: str) -> frozenset:
    """A word list of ``rules/names_config.toml`` as a set, made once (the passes ask for them per article)."""
    return frozenset(_pack()[section][key])


def _unpossessed(text: str) -> str:
    """``text`` without a final possessive (``Fame’s`` -> ``Fame``, ``fort worth's`` -> ``fort worth``)."""
    return text[:-2] if text[-2:] in _POSSESSIVE_ENDS else text


def _known_names(ctx) -> tuple:
    """The ``known-names`` setting and the names learned across the batch, sorted (the gazetteer's key);
    kept on the context, as every pass of one article asks."""
    known = getattr(ctx, "_known_names", None)
    if known is None:
        names = set(getattr(ctx.settings, "known_names", []) or [])
        names.update(((ctx.batch or {}).get("G") or {}).get("names", ()))
        known = tuple(sorted(names))
        try:
            ctx._known_names = known
        except AttributeError:  # a context that takes no new attributes: computed each time
            pass
    return known


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    return frozenset(_pack()["abbreviations"]["not_sentence_end"])


class _Tokens:
    """Word tokens of a text with spans, and what every pass asks of them, computed once per document:
    the text between two tokens, sentence starts, and which paragraphs are headlines."""

    def __init__(self, text: str):
        self.text = text
        pieces = _TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap: one scan of the text
        self.words = pieces[1::2]
        #: gaps[i]: the text between token i - 1 and token i (before the first token for i = 0)
        self.gaps = pieces[0:-1:2]
        offsets = list(accumulate(map(len, pieces)))
        self.spans = list(zip(offsets[0:-1:2], offsets[1::2]))
        words = self.words
        lower = list(map(str.islower, words))
        #: capitalised[i]: does word i start with a capital?
        self.capitalised = capitalised = list(map(str.isupper, map(itemgetter(0), words)))
        #: indexes of the lower-case words, and of those all letters: the candidates of most casing passes
        self.lower = list(compress(count(), lower))
        self.lower_alpha = list(compress(self.lower, map(str.isalpha, map(words.__getitem__, self.lower))))
        #: indexes of the words that start with a capital
        self.caps = list(compress(count(), capitalised))
        #: every word lower-cased
        self.low_words = list(map(str.lower, words))
        # the words one plain space after a capitalised word, found from the capitalised words (a
        # fifth of them) rather than from flags of every word
        after_caps = list(map((1).__add__, self.caps))
        if after_caps and after_caps[-1] == len(words):
            after_caps.pop()
        after_caps = list(compress(after_caps, map(" ".__eq__, map(self.gaps.__getitem__, after_caps))))
        #: indexes of the lower-case words one plain space after a capitalised word ("Associated press"):
        #: where most casing slips are, and of those all letters
        self.joined = list(compress(after_caps, map(lower.__getitem__, after_caps)))
        self.joined_alpha = list(compress(self.joined, map(str.isalpha, map(words.__getitem__, self.joined))))
        #: indexes of the capitalised words one plain space after a capitalised word ("Palm Bay")
        self.cap_pairs = list(compress(after_caps, map(capitalised.__getitem__, after_caps)))
        self._initial: dict = {}
        self._headlines: Optional[tuple] = None
        self._acronyms: Optional[list] = None
        self._lowered: Optional[str] = None
        self._token_starts: Optional[list] = None
        self._positions: Optional[dict] = None

    def among(self, keys) -> list:
        """Indexes of the words whose lower-cased form is in ``keys``, ascending.

        Few keys (a word or two): looked up in an index of the article's distinct words, built on the
        first such call; many keys (a gazetteer's first words): one membership test per word, in C."""
        if len(keys) > 8:
            return list(compress(count(), map(keys.__contains__, self.low_words)))
        positions = self._positions
        if positions is None:
            positions = self._positions = {}
            for i, w in enumerate(self.low_words):
                at = positions.get(w)
                if at is None:
                    positions[w] = [i]
                else:
                    at.append(i)
        hits = [positions[k] for k in keys if k in positions]
        if len(hits) == 1:
            return list(hits[0])
        return sorted(i for at in hits for i in at)

    @property
    def acronyms(self) -> list:
        """The ``_ACRONYM`` matches of the text."""
        if self._acronyms is None:
            self._acronyms = list(_ACRONYM.finditer(self.text))
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

    def paragraph_words(self, doc: Document, offset: int) -> int:
        """How many words the paragraph at ``offset`` has (0 outside paragraphs)."""
        paragraph = doc.paragraph_at(offset)
        if paragraph is None:
            return 0
        starts = self._starts()
        return bisect_left(starts, paragraph.end) - bisect_left(starts, paragraph.start)

    def _starts(self) -> list:
        if self._token_starts is None:
            self._token_starts = [s for s, _ in self.spans]
        return self._token_starts

    def headlines(self, doc: Document) -> tuple:
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


def _within(spans: list, offset: int) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _norm(found: str) -> str:
    """``norm`` of words, without its regex when the only space is single plain spaces (no ’ either)."""
    if found.isprintable() and "  " not in found and "’" not in found and found.strip() == found:
        return found.lower()
    return norm(found)


def _key(found: str) -> str:
    """``norm`` without the regex for the common case of single spaces."""
    low = found.lower()
    if "  " in low or "\t" in low or "’" in low or "\xa0" in low:
        return norm(found)
    return low


def _plain_context(text: str, start: int, end: int) -> bool:
    """Running text, not a handle, hashtag, address, shortcode or an all-lower-case line (tags, URLs).

    >>> _plain_context("The mayor met obama.", 14, 19), _plain_context("tags: obama, news", 6, 11)
    (True, False)
    >>> _plain_context("Watch it. [youtube=http://x.test/v]", 11, 18)
    False
    """
    if start and text[start - 1] in "@#/\\._":
        return False
    if text[end:end + 1] in ("@", "/", "_") or (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()):
        return False
    if start and text[start - 1] == "[" and text[end:end + 1] in ("=", "]"):
        return False  # a shortcode's name ([youtube=...], [[youtube]]), markup, not prose
    starts, cased = _line_casing(text)
    return cased[bisect_right(starts, start) - 1]


_LINE_CASING: dict = {}  # id(text) -> (text, _line_casing(text)), for the last few texts


def _line_casing(text: str) -> tuple:
    """``(line starts, whether each line has an upper-case letter)``, once per text object (the checks
    ask per candidate: lower-casing the whole line each time was quadratic on a one-line article; keyed
    by identity, as comparing two equal megabyte strings per candidate would be quadratic too)."""
    slot = _LINE_CASING.get(id(text))
    if slot is not None and slot[0] is text:
        return slot[1]
    if len(_LINE_CASING) >= 4:
        _LINE_CASING.clear()
    starts = [0]
    starts.extend(match.end() for match in _NEWLINE.finditer(text))
    cased = []
    for i, begin in enumerate(starts):
        line = text[begin:starts[i + 1] - 1] if i + 1 < len(starts) else text[begin:]
        cased.append(line.lower() != line)
    _LINE_CASING[id(text)] = (text, (starts, cased))
    return starts, cased


_DERIVED: dict = {}  # id(gazetteer) -> (gazetteer, what a pass derives from it once)


def _derived(gaz, what: str, build):
    slot = _DERIVED.get((id(gaz), what))
    if slot is None:
        if len(_DERIVED) > 64:
            _DERIVED.clear()
        slot = _DERIVED[id(gaz), what] = (gaz, build(gaz))
    return slot[1]
