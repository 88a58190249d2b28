"""The quotation model the Q checks stand on: which double marks open and close which quotation.

Quote defects cannot be found mark by mark: whether `"` opens or closes, whether a paragraph that
ends inside a quotation is broken or is the multi-paragraph convention, and where a lost closing
mark belonged all depend on the other marks of the paragraph and on the next paragraph. So this
module reads every double mark of a document once, decides its role from its context (the
characters on each side) and from the pairing state, pairs the marks per paragraph, follows
quotations that run on into the next paragraph, and works out where a missing closing mark goes.
It also holds the offsets of the sentence marks (``. , ; : ? !``), each found once per document, which
the punctuation checks visit instead of scanning the text with patterns of their own. The checks in
``quotes.py`` only read this model; it never edits anything.

>>> m = build('Ryan said: "The coalition is acting.\\n\\n"We have seen it," he said.')
>>> [q.runs_on for q in m.quotations]
[True, False]
>>> text = '"Hello," he said. "Bye.'
>>> q = build(text).quotations[-1]
>>> q.missing_close == len(text), q.missing_rule
(True, 'paragraph-end')
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from typing import Optional

from ..rulepacks import load_builtin
from .quote_search import Search, Slot, search

STRAIGHT = '"'
CURLY_OPEN = "“"
CURLY_CLOSE = "”"
DOUBLE_MARKS = STRAIGHT + CURLY_OPEN + CURLY_CLOSE
_QUOTE_CHARS = DOUBLE_MARKS + "'‘’"
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.?!]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_CURLY_APOSTROPHE = re.compile(r"’(?<=[^\W\d_]’)(?=[^\W\d_])")  # the mark first: ``re`` jumps from mark to mark
_STRAIGHT_APOSTROPHE = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
_STRAIGHT_NOT_INCH = re.compile(r'"(?<!\d")')
SINGLE_MARKS = "'‘’"
_OTHER_OPENERS = "'‘«»„‹›「『"
_DOUBLE = re.compile(r'["“”]|‘‘|’’')  # found in C, then read in Python one mark at a time
_SINGLE = re.compile(r"['‘’]")
_RUNS = {ch: re.compile("(?:" + re.escape(ch) + ")+") for ch in (STRAIGHT, CURLY_OPEN, CURLY_CLOSE, "‘‘", "’’")}
RATIO = 2.0  # how much more one style must be used than the other to count as the article's own
#: more unpaired double marks than this in one paragraph (prose has one or two) are noise, not quotations: nothing
#: is placed for them and they are reported once, so a line of 25,000 ``“a’`` costs no placement and no finding each
GARBLED = 12


@lru_cache(maxsize=None)
def rules() -> dict:
    """The Q rule data (``rules/quotes.toml``) with its lists turned into sets."""
    data = load_builtin("quotes")
    return {
        "open_before": data["marks"]["open_before"],
        "close_after": data["marks"]["close_after"],
        "verbs": frozenset(data["attribution"]["verbs"]),
        "pronouns": frozenset(data["attribution"]["pronouns"]),
        "continuations": frozenset(data["attribution"]["continuations"]) | frozenset(data["lone_close"]["function_words"]),
        "speaker_starts": frozenset(data["attribution"]["speaker_starts"]) | frozenset(data["attribution"]["name_particles"]),
        "determiners": frozenset(data["attribution"]["speaker_starts"]),
        "subjects": frozenset(data["attribution"]["subjects"]),
        "clause_words": frozenset(data["attribution"]["clause_words"]),
        "abbreviations": frozenset(data["abbreviations"]["words"]),
        "ends_sentence": frozenset(data["abbreviations"]["ends_sentence"]),
        "sentence_words": frozenset(data["abbreviations"]["sentence_words"]),
        "direct_verbs": frozenset(data["attribution"]["direct_verbs"]),
        "reporting": frozenset(data["attribution"]["verbs"]) - frozenset(data["attribution"]["noun_forms"]),
        "saying_forms": frozenset(data["attribution"]["saying_forms"]),
        "starters": frozenset(data["stray_stop"]["sentence_starters"]),
        "questions": frozenset(data["question"]["starts"]),
        "tlds": frozenset(data["missing_space"]["tlds"]),
        "foreign": [(p["open"], p["close"], p["name"]) for p in data["foreign"]["pairs"]],
        "naming": frozenset(data["lone_close"]["naming_words"]),
        "naming_as": frozenset(data["lone_close"]["naming_as"]),
        "function_words": frozenset(data["lone_close"]["function_words"]),
        "naming_reach": data["lone_close"]["naming_reach"],
        "term_alternatives": frozenset(data["lone_close"]["term_alternatives"]),
        "resuming": frozenset(data["lone_close"]["resuming_words"]),
        "title_joiners": frozenset(data["lone_close"]["title_joiners"]),
        "openers": frozenset(data["punctuation_runs"]["openers"]),
        "subordinators": frozenset(data["punctuation_runs"]["subordinators"]),
        "finite": frozenset(data["punctuation_runs"]["finite"]),
        "open_sites": _open_sites(data["open_sites"]),
        "british": frozenset(b for b, _ in data["dialect"]["spelling_pairs"]),
        "american": frozenset(a for _, a in data["dialect"]["spelling_pairs"]),
    }


def _open_sites(table: dict) -> dict:
    """``[open_sites]`` of ``rules/quotes.toml`` as ``rank_open_site`` reads it (its word list a set)."""
    return {**table, "reporting": frozenset(table["reporting"])}


def is_abbreviation(word: str) -> bool:
    """True for words whose full stop does not end a sentence: ``Co``, ``Nov``, ``U.S``, ``a.m``, initials.

    >>> [is_abbreviation(w) for w in ("Co", "U.S", "J", "Ryan", "said")]
    [True, True, True, False, False]
    """
    word = word.lstrip("([{\"'“‘")
    if not word:
        return False
    if word in rules()["abbreviations"]:
        return True
    if len(word) == 1 and word.isalpha():
        return True
    return bool(_DOTTED.match(word + ".")) or ("." in word and len(word) <= 6)


_FOLLOWING_WORD = re.compile(r"[ \t]{1,3}([A-Z][a-z]{0,11})\b")


def holds_stop(text: str, i: int, word: str) -> bool:
    """True when the full stop at ``text[i]`` after ``word`` belongs to an abbreviation and ends no sentence.

    An abbreviation that stands after what it shortens (``Corp.``, ``Jr.``, ``Calif.``, ``U.S.``) ends
    the sentence when a sentence's first word follows; a title (``Mr.``) never does.

    >>> t = "He works at Acme Corp. But Acme Corp. Chief Mr. Li and the U.S. It"
    >>> [holds_stop(t, i, w) for i, w in ((21, "Corp"), (36, "Corp"), (46, "Mr"), (62, "U.S"))]
    [False, True, True, False]
    """
    if not is_abbreviation(word):
        return False
    word = word.lstrip("([{\"'“‘")
    if word not in rules()["ends_sentence"] and not _DOTTED.match(word + "."):
        return True
    after = _FOLLOWING_WORD.match(text, i + 1)
    return not (after and after.group(1) in rules()["sentence_words"])


@dataclass(slots=True)
class Mark:
    """One double quotation mark: where it is, its glyph, what its surroundings say, its decided role."""

    pos: int
    char: str
    context: str  # "open", "close" or "either" (the surroundings do not decide)
    role: str = ""  # "open", "close", "inch", "extra" (a doubled closing mark)
    quotation: Optional["Quotation"] = None


@dataclass(slots=True)
class Quotation:
    """An opening mark and the closing mark it pairs with (``close`` None when there is none)."""

    open: Optional[Mark]
    close: Optional[Mark]
    paragraph: int
    runs_on: bool = False  # no close here, the next paragraph re-opens it: correct news style
    missing_close: Optional[int] = None  # where the lost closing mark belongs (insert before this offset)
    missing_rule: str = ""  # which rule placed it: "phrase", "attribution", "paragraph-end", "next-open"
    missing_sure: bool = False  # one right answer (safe) or a judgement (unsafe)

    @property
    def unclosed(self) -> bool:
        return self.open is not None and self.close is None and not self.runs_on


@dataclass(slots=True)
class Para:
    """One paragraph (a line, or a blank-line block whose lines are hard-wrapped) and its marks."""

    index: int
    start: int
    end: int
    marks: list = ()
    quotations: list = ()
    stray_closes: list = ()
    doubled: list = ()  # (first, extra) mark pairs such as ``””`` or ``““``
    nested: list = ()  # quotations in double marks inside another one
    singles: list = ()  # SinglePair: quotations in single marks
    unclosed_singles: list = ()  # (offset, Quotation or None): a single open never closed
    apostrophes: list = ()  # offsets of marks read as apostrophes
    nested_closes: list = ()  # a double closing mark that closes a single-quoted quotation
    lone: list = ()  # LoneClose: what a closing mark with no opening one calls for
    unpaired: int = 0  # more marks than GARBLED pair with nothing: the paragraph's marks are noise, reported once
    search: Optional[Search] = None  # the fewest-edit reading, where the evidence rules left the marks unbalanced
    reopen: bool = False  # a quotation runs on into this paragraph, which closes it but lost its opening mark
    carried: bool = False  # its first closing mark ends a quotation opened paragraphs before, none re-opened
    single_closes: list = ()  # offsets of single marks that close a double quotation (``“homes, not excuses.’``)
    double_apostrophes: list = ()  # offsets of straight double marks typed for an apostrophe (``isn"t``)


def _push(para: Para, name: str, item) -> None:
    """Add ``item`` to one of ``para``'s lists. A paragraph's lists start as one shared empty tuple and
    become lists only when something is added: most paragraphs hold no mark, and 27,000 paragraphs
    of ten empty lists each (a 1M-word document) kept the garbage collector walking the heap."""
    items = getattr(para, name)
    if items.__class__ is tuple:
        items = []
        setattr(para, name, items)
    items.append(item)


@dataclass(slots=True)
class LoneClose:
    """A closing mark with no opening one: either its opening mark was lost (``open_at``: where it goes)
    or it is a stray mark to delete (``open_at`` None); ``sure`` when one reading clearly wins."""

    mark: "Mark"
    open_at: Optional[int]
    sure: bool
    rule: str
    ranked: Optional[int] = None  # after a bare word: the likeliest site of a lost opening mark (``rank_open_site``), a guess


@dataclass(slots=True)
class SinglePair:
    """A quotation in single marks: its two marks and the double quotation it stands in (None: top level)."""

    open: int
    close: int
    inside: Optional["Quotation"]


@dataclass
class QuoteModel:
    """Every paragraph with its marks and quotations, and the article's own quote style."""

    text: str
    paragraphs: list
    style: str  # "curly" or "straight": the article's own style for double marks
    starts: list = field(default_factory=list)  # paragraph starts, for paragraph_at
    memo: dict = field(default_factory=dict)  # what the checks derive once per document (their closings)

    @cached_property
    def strong(self) -> bool:
        """Is the article's quote style clear (counted once per document)?"""
        return strong_style(self.text)

    @cached_property
    def dialect(self) -> Optional[str]:
        """The article's house style for quotation marks, read once per document (``house_style``): ``"us"``,
        ``"uk"`` or None (nothing tells)."""
        return house_style(self.text, self.quotations)

    @cached_property
    def apostrophe(self) -> str:
        """The article's own apostrophe: curly ``’`` or straight ``'`` (counted between letters)."""
        curly = len(_CURLY_APOSTROPHE.findall(self.text))
        straight = len(_STRAIGHT_APOSTROPHE.findall(self.text))
        if curly == straight:
            return "’" if self.style == "curly" else "'"
        return "’" if curly > straight else "'"

    def single(self, role: str) -> str:
        """The glyph the article's own style uses for an opening or closing single mark."""
        if self.style == "straight":
            return "'"
        return "‘" if role == "open" else "’"

    @property
    def quotations(self) -> list:
        return [q for p in self.paragraphs for q in p.quotations]

    @property
    def marks(self) -> list:
        return [m for p in self.paragraphs for m in p.marks]

    def expected(self, role: str) -> str:
        """The glyph the article's own style uses for an opening or closing mark."""
        if self.style == "straight":
            return STRAIGHT
        return CURLY_OPEN if role == "open" else CURLY_CLOSE

    def sites(self, marks: str) -> list:
        """Offsets of the sentence marks ``marks`` (``"."``, ``",;:"`` …) or foreign opening quotation marks
        (``«`` ``„`` …) in text order: what the model reads for the Q checks, each mark found once per document
        (in C), so a check visits its marks instead of scanning the whole text with a pattern of its own.

        >>> build("Yes, no. Maybe; so.").sites(".;")
        [7, 14, 18]
        """
        found = self.memo.setdefault("sites", {})
        if marks not in found:
            for mark in marks:
                if mark not in found:
                    found[mark] = [m.start() for m in _literal(mark).finditer(self.text)]
            found[marks] = sorted(p for mark in marks for p in found[mark]) if len(marks) > 1 else found[marks]
        return found[marks]

    def paragraph_at(self, pos: int) -> Optional[Para]:
        index = bisect.bisect_right(self.starts, pos) - 1
        if index >= 0 and pos <= self.paragraphs[index].end:
            return self.paragraphs[index]
        return None


@lru_cache(maxsize=None)
def _literal(mark: str) -> re.Pattern:
    """``re.compile(re.escape(mark))``, compiled once per mark (the model asks for a few marks' sites per document)."""
    return re.compile(re.escape(mark))


# A run of non-blank lines. It starts at a line start (``^``): unanchored, a line of spaces was scanned
# to its end from each of its positions (quadratic: 200,000 spaces took minutes).
_BLOCK = re.compile(r"(?m)^(?:[^\n]*\S[^\n]*(?:\n|$))+")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: every non-blank line, except hard-wrapped blocks kept whole.

    Scraped bodies separate paragraphs with one or two newlines; a block whose lines are all of
    wrapping width (and do not end in sentence punctuation) is one paragraph wrapped by an editor.
    """
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        start, end = block.span()
        if text.find("\n", start, end - 1) < 0:  # one line (most blocks of scraped copy): the block and its break
            lines = [(start, end - 1 if text[end - 1] == "\n" else end)]
        else:
            lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", block.group())]
            lines = [(s, e) for s, e in lines if text[s:e].strip()]
        if len(lines) >= 3 and all(40 <= e - s <= 100 for s, e in lines[:-1]) and sum(
            text[e - 1] in ".?!\"”" for s, e in lines[:-1]
        ) <= len(lines) // 3:
            spans.append((lines[0][0], lines[-1][1]))
        else:
            spans.extend(lines)
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


_KNOCKED_BEHIND = re.compile(r"[.?!] , $")


def _context(text: str, i: int, start: int, end: int, width: int = 1) -> str:
    r = rules()
    prev = text[i - 1] if i > start else None
    nxt = text[i + width] if i + width < end else None
    if i - 4 >= start and _KNOCKED_BEHIND.match(text, i - 4, i):
        return "close"  # ``day. , "Said``: a closing mark knocked behind the punctuation
    left_open = prev is None or prev.isspace() or prev in r["open_before"]
    right_close = nxt is None or nxt.isspace() or nxt in r["close_after"]
    if prev is not None and prev in _QUOTE_CHARS:
        left_open = False
    if nxt is not None and nxt in _QUOTE_CHARS:
        right_close = False
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def style_counts(text: str) -> tuple[int, int]:
    """(curly, straight) double marks in ``text``, inch marks not counted, nor the ``“`` or ``”`` that closes a German or
    Polish ``„`` (one per ``„``): a foreign pair is no sign of the article's English style, which Q009 converts it to.

    >>> style_counts('He said „wir bleiben“ and "we stay" and "go".'), style_counts('“Yes,” he said.')
    ((0, 4), (2, 0))
    """
    curly = text.count(CURLY_OPEN) + text.count(CURLY_CLOSE) - text.count("„")
    return max(0, curly), len(_STRAIGHT_NOT_INCH.findall(text))


def _style(text: str) -> str:
    """Curly or straight: the double marks decide when they clearly agree, else marks and apostrophes."""
    dc, ds = style_counts(text)
    sc = text.count("’") + text.count("‘")
    ss = text.count("'")
    if not (dc or ds or sc or ss) and "„" in text:
        return "curly"  # nothing English to go by but typeset foreign marks: typeset copy
    if dc + ds >= 4 and max(dc, ds) >= 3 * max(1, min(dc, ds)):
        return "curly" if dc > ds else "straight"
    return "curly" if 2 * dc + sc > 2 * ds + ss else "straight"


def strong_style(text: str) -> bool:
    """Is the article's quote style clear: its double marks 2:1 one way, or few doubles and clear apostrophes?"""
    curly, straight = style_counts(text)
    if max(curly, straight) >= RATIO * max(1, min(curly, straight)):
        return True
    if min(curly, straight) > 2:
        return False
    weighted_curly = 2 * curly + text.count("’") + text.count("‘")
    weighted_straight = 2 * straight + text.count("'")
    return max(weighted_curly, weighted_straight) >= RATIO * max(1, min(weighted_curly, weighted_straight))


_FRAGMENT_BEFORE = re.compile(r"([a-z]+)[ \t]{1,3}\Z")  # a quotation set in the writer's sentence, after a lower-case word
_LOWER_WORDS = re.compile(r"[a-z]+")


def placement_votes(text: str, quotations: list) -> tuple[int, int]:
    """(inside, outside): the quoted fragments (opened after a lower-case word of the writer's that is no verb of
    saying, ``was “a disaster”``) with their comma or full stop inside the closing mark (American placement,
    ``“a disaster.”``) or outside it (British, ``“a disaster”.``). A quoted sentence's marks go inside in both styles
    and tell nothing.

    >>> t = 'It was “a disaster.” He called it “a farce”, and said “we won.”'
    >>> placement_votes(t, build(t).quotations)
    (1, 1)
    """
    inside = outside = 0
    verbs = rules()["verbs"]
    for q in quotations:
        if q.open is None or q.close is None or len(q.close.char) != 1:
            continue
        word = _FRAGMENT_BEFORE.search(text, max(0, q.open.pos - 30), q.open.pos)
        if word is None or word.group(1) in verbs:
            continue
        c = q.close.pos
        if text[c - 1:c] in (",", ".") and text[c - 2:c - 1].isalnum():
            inside += 1
        elif text[c + 1:c + 2] in (",", ".") and text[c - 1:c].isalnum() and (c + 2 >= len(text) or text[c + 2].isspace()):
            outside += 1
    return inside, outside


def spelling_votes(text: str) -> tuple[int, int]:
    """(British, American): the words of ``text`` in the spelling pairs of ``rules/quotes.toml`` ``[dialect]``.

    >>> spelling_votes("The organisation's centre is in the theater district, its favourite.")
    (3, 1)
    """
    british, american = rules()["british"], rules()["american"]
    b = a = 0
    for word in _LOWER_WORDS.findall(text):
        if word in british:
            b += 1
        elif word in american:
            a += 1
    return b, a


def house_style(text: str, quotations: list) -> Optional[str]:
    """``"us"`` (American and wire style: double marks, single ones only nested, a fragment's comma and stop inside),
    ``"uk"`` (British: a fragment's stop outside, terms often in single marks) or None, from the article itself.

    The marks' own usage decides first: where its quoted fragments put their comma or full stop (``placement_votes``).
    Only where that ties (most often: no fragment at all) does spelling break the tie (``spelling_votes``): spelling
    and quoting differ (Reuters spells British and places its stops inside). On the tune articles of
    ``bench/corpus_split.py`` this reads 808 of 999 US government blog posts (digitalgov, 18f) as ``us`` and 33 as
    ``uk``, 885 of 2,084 Reuters stories as ``us`` and 265 as ``uk``; of the 1,074 BBC stories of ``bench/bbc_clean.py
    --part tune``, 18 as ``us``, 612 as ``uk``, 444 as neither.

    >>> house_style('He called it “a farce.” We organized it.', build('He called it “a farce.”').quotations)
    'us'
    >>> house_style("It was 'bumping' in the centre.", []), house_style("It was 'bumping'.", [])
    ('uk', None)
    """
    inside, outside = placement_votes(text, quotations)
    if inside != outside:
        return "us" if inside > outside else "uk"
    british, american = spelling_votes(text)
    if british != american:
        return "us" if american > british else "uk"
    return None


def build(text: str) -> QuoteModel:
    """Read, classify and pair every double mark of ``text``; see the module docstring."""
    paragraphs = [Para(i, s, e) for i, (s, e) in enumerate(split_paragraphs(text))]
    for para in paragraphs:
        _pair(text, para)
        _nest(para)
        loose = len(para.stray_closes) + sum(1 for q in para.quotations if q.close is None)
        if loose > GARBLED:
            para.unpaired = loose
    continued = False
    narration: list = []

    def narrator() -> bool:  # read at the first lone closing mark that asks, never for most articles
        if not narration:
            narration.append(_first_person_narration(text, paragraphs))
        return narration[0]

    phrases: list = []

    def quoted() -> frozenset:  # read at the first lone closing mark after a bare word, never for most articles
        if not phrases:
            phrases.append(quoted_phrases(text, paragraphs))
        return phrases[0]

    for i, para in enumerate(paragraphs):
        if para.unpaired:
            continued = False
            continue
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        next_opens = nxt is not None and (
            (bool(nxt.marks) and nxt.marks[0].pos == nxt.start and nxt.marks[0].role == "open")
            or text[nxt.start] in _OTHER_OPENERS  # a run-on re-opened in single or foreign marks
        )
        for q in para.quotations:
            if q.close is None and q.open is not None:
                _close_with_single(text, para, q)
        for mark in list(para.stray_closes):
            if (q := _open_with_single(text, para, mark)) is not None:
                para.stray_closes.remove(mark)
                mark.role = "close"
                para.quotations = list(para.quotations)
                para.quotations.insert(bisect.bisect_left(para.quotations, q.open.pos, key=lambda x: x.open.pos), q)
        for q in para.quotations:
            if q.close is None and q.open is not None:
                last = q is para.quotations[-1]
                if last and next_opens:
                    # run on, unless the paragraph attributes the quotation right after a comma (``Gulf, said
                    # Frank Knuettel``, ``, he said``): a quotation never holds its own attribution
                    _place_missing_close(text, para, q)
                    if q.missing_rule != "attribution" or _attribution_distance(text, q.missing_close, para.end) > 2:
                        q.missing_close, q.missing_rule, q.missing_sure, q.runs_on = None, "", False, True
                elif last and nxt is not None and (_closes_first(nxt) or _closes_after_pairs(nxt)) and not _attributed_here(text, para, q) \
                        and not _closed_here(text, para, q) and not _after_attribution(text, nxt, nxt.stray_closes[0]):
                    q.runs_on = nxt.reopen = True  # one edit (the re-opening mark) makes both paragraphs read
                elif last and (later := _closed_later(text, paragraphs, i)) is not None and _runs_to_end(text, para, q):
                    # ``“We …\n\nIt was …\n\nThen … again.”``: one quotation over paragraphs the publisher did not
                    # re-open; closing it at this paragraph's end and deleting the far mark are two edits where
                    # none makes it read (a quotation that closes before an attribution here is no such one)
                    q.missing_close, q.missing_rule, q.missing_sure = None, "", False
                    q.runs_on = later.carried = True
                elif last and continued and q is para.quotations[0] and (nxt is None or _heading(text, nxt)) \
                        and not _attributed_here(text, para, q):
                    # a multi-paragraph quotation cut off before a heading or the article's end: where it ends is unknowable,
                    # unless the paragraph attributes it right after a comma (``… members, he said.``): it closes there
                    q.missing_close, q.missing_rule, q.missing_sure = None, "", False
                else:
                    _place_missing_close(text, para, q)
        if not (continued or (i > 0 and any(q.unclosed and not _ends_inside(q, paragraphs[i - 1]) for q in paragraphs[i - 1].quotations))):
            for mark in para.stray_closes:
                if para.carried and mark is para.stray_closes[0]:
                    _push(para, "lone", LoneClose(mark, None, False, "run-on"))  # ends the quotation carried from afar
                elif next_opens and mark.pos + len(mark.char) >= para.end and not _opens_own(para) \
                        and not _introduced(text, para, mark):
                    _push(para, "lone", LoneClose(mark, None, False, "run-on"))  # may end a quotation run on from afar
                else:
                    _lone_close(text, para, mark, narrator, quoted)
        if _unresolved(para):
            para.search = _search(text, para, next_opens)
        continued = any(q.runs_on for q in para.quotations)
    for para in paragraphs:
        _singles(text, para)
        _nested_closes(para)
    return QuoteModel(text, paragraphs, _style(text), [p.start for p in paragraphs])


#: the longest paragraph the fewest-edit search reads (news paragraphs run to 2,000 characters; a 1 MB line of
#: sentences with one lone mark is no paragraph to repair, and the search there cost a second)
SEARCH_REACH = 5000


def _close_with_single(text: str, para: Para, q: Quotation) -> None:
    """Pair ``q``, a quotation left open, with a single mark that closes it after a stop or a comma
    where a closing mark belongs: at the paragraph's end (``needed “homes, not excuses.’``) or before
    its attribution (``“We will fight it,’ said Tom Becker``): the closing mark typed or converted as a
    single one. One edit (the mark's kind) makes the paragraph read, where closing it anew and leaving
    the single mark stray takes two. Not when a single quotation opened inside is still open (``“he
    told me ‘go home.’``: a nested quotation whose double mark was lost, a different repair).

    >>> t = 'She said the city needed “homes, not excuses.’'
    >>> para = Para(0, 0, len(t)); _pair(t, para); _close_with_single(t, para, para.quotations[0])
    >>> para.quotations[0].close.pos == len(t) - 1, para.single_closes
    (True, [45])
    """
    later = _next_open(para.marks, q.open.pos)
    hi = later.pos if later else para.end
    inner = 0  # single quotations opened inside and not yet closed (``“the ‘back door’ they built.’`` has none)
    for found in _SINGLE.finditer(text, q.open.pos + 1, hi):
        i = found.start()
        context = _single_context(text, i, para.start, para.end)
        if context == "open":
            inner += 1
        elif context == "close" and inner:
            inner -= 1
        elif context == "close" and i > q.open.pos + 2 and (
                (text[i - 1] in ".?!," and (not text[i + 1:hi].strip() or _attribution_distance(text, i + 1, para.end) is not None
                                            or _NEW_SENTENCE.match(text, i + 1)))
                or (text[i - 1].isalpha() and text[i - 1] not in "sS" and not _ELISION_END.search(text, q.open.pos, i))):
            mark = Mark(i, text[i], "close", "close", q)
            q.close = mark
            _push(para, "single_closes", i)
            return


_NEW_SENTENCE = re.compile(r" [A-Z][a-z]")
#: a word whose last letter an apostrophe replaces (``goin’``, ``o’``): the mark after it is no closing one
_ELISION_END = re.compile(r"(?:in|o|[^a-z]n)\Z")


def _open_with_single(text: str, para: Para, mark: Mark) -> Optional[Quotation]:
    """The quotation a stray closing mark ends when its opening mark was typed single (``needed
    ‘homes, not excuses.”``): the last single mark that opens words since the double mark before it,
    with no single mark closing after it. One edit (the mark's kind) where deleting the closing mark
    loses the quotation.

    >>> t = 'She said the city needed ‘homes, not excuses.”'
    >>> para = Para(0, 0, len(t)); _pair(t, para); q = _open_with_single(t, para, para.stray_closes[0])
    >>> q.open.pos, q.close.pos, para.single_closes
    (25, 45, [25])
    """
    k = bisect.bisect_left(para.marks, mark.pos, key=lambda m: m.pos)
    lo = para.marks[k - 1].pos + 1 if k > 0 else para.start
    opener = None
    for found in _SINGLE.finditer(text, lo, mark.pos):
        i = found.start()
        context = _single_context(text, i, para.start, para.end)
        word = _NEXT_WORD.match(text, i + 1, i + 8)
        if context == "open" and not (word and (word.group().lower() in _ELISIONS or word.group().isdigit())):
            opener = i
        elif context == "close":
            opener = None  # a single quotation closed here: the double mark is no partner of it
    if opener is None or mark.pos - opener < 3:
        return None
    q = Quotation(Mark(opener, text[opener], "open", "open"), mark, para.index)
    q.open.quotation = mark.quotation = q
    _push(para, "single_closes", opener)
    return q


def _unresolved(para: Para) -> bool:
    """Did the evidence rules leave this paragraph's marks unbalanced with nothing to say: a closing mark after a
    bare word or a comma, with no introduction or attribution around it? (A quotation left open with no place for
    its closing mark is the model's own decision: run on, carried over paragraphs, cut off before a heading.)"""
    if para.carried or para.reopen or para.nested or para.unpaired or para.end - para.start > SEARCH_REACH:
        return False
    return any(lone.rule == "after-word" for lone in para.lone) and not any(q.unclosed for q in para.quotations)


_INTRO = re.compile(r"(\w+)?([:,])\s+(?=\S)")


def _search(text: str, para: Para, run_on: bool) -> Optional[Search]:
    """The fewest-edit reading of ``para`` (``quote_search``): its marks in the roles their surroundings give, a
    lost opening mark at the paragraph's start, a sentence's start or after a verb of saying (no doubt there), a
    lost closing mark after a ``, . ? !`` or at the paragraph's end (no doubt before an attribution)."""
    marks = []
    for m in para.marks:
        if m.role in ("inch", "extra", "nested_open", "nested_close"):
            continue
        if text[m.pos - 1:m.pos].isalnum() and text[m.pos + 1:m.pos + 2].isalnum():
            return None  # ``Office"s``: a mark between letters is an apostrophe or a typo, no quotation to read
        # a mark its surroundings leave open to both readings keeps the role the evidence rules gave it (``ease,"thus``:
        # glued to a word's end, it closes), so the search weighs edits, not readings the evidence already settled
        marks.append(Slot(m.pos, "mark", m.context if m.context != "either" else m.role, 1))
    taken = {m.pos for m in para.marks}
    opens = [Slot(para.start, "open", "", 1)] if para.start not in taken else []
    for b in _BOUNDARY.finditer(text, para.start, para.end):
        if b.end() not in taken:
            opens.append(Slot(b.end(), "open", "", 1))
    verbs = rules()["verbs"]
    for m in _INTRO.finditer(text, para.start, para.end):
        at = m.end()
        if at not in taken and (m.group(1) or "").lower() in verbs:
            # only a verb of saying speaks for a quotation here: a colon before a closing mark after a bare word heads a
            # label or a term as often (``(Snow: Light accumulations today” or “Snow: …”)``)
            opens.append(Slot(at, "open", "", 0))
    closes = [Slot(c, "close", "", 0 if c < para.end and text[c - 1] in ",?!" and _attributes(text, c, para.end) else 1)
              for c in _candidates(text, para.start, para.end)]
    if not closes or closes[-1].pos < para.end:
        closes.append(Slot(para.end, "close", "", 1))
    return search(text, para.start, para.end, marks, opens, closes, run_on=run_on)


def _attributed_here(text: str, para: Para, q: Quotation) -> bool:
    """Does the unclosed ``q`` end before an attribution right after a comma in its own paragraph (``balance sheet,
    Keswick said.``)? Then its closing mark goes there, whatever the next paragraph does: a quotation never holds
    its own attribution. (Placed as a side effect; the caller places it again if it does not run on.)"""
    _place_missing_close(text, para, q)
    return q.missing_rule == "attribution" and (_attribution_distance(text, q.missing_close, para.end) or 0) <= 2


def _closed_here(text: str, para: Para, q: Quotation) -> bool:
    """Does the evidence close the unclosed ``q`` surely inside its own paragraph, before its end (``called it “a real
    success, and said``: the writer's sentence resumes)? Then it does not run on into the next paragraph, whose first
    closing mark is its own. (Placed as a side effect; the caller places it again if it does not run on.)"""
    _place_missing_close(text, para, q)
    return _ends_inside(q, para)


def _ends_inside(q: Quotation, para: Para) -> bool:
    """Is the lost closing mark of ``q`` placed, surely, before the end of its paragraph ``para``?"""
    return q.missing_sure and q.missing_close is not None and q.missing_close < para.end and q.missing_rule != "paragraph-end"


def _runs_to_end(text: str, para: Para, q: Quotation) -> bool:
    """Does nothing in the paragraph say where the unclosed ``q`` ends before the paragraph does?"""
    _place_missing_close(text, para, q)
    return q.missing_rule in ("", "paragraph-end")


def _closed_later(text: str, paragraphs: list, i: int, reach: int = 6) -> Optional[Para]:
    """The paragraph, two to ``reach`` after paragraph ``i``, whose first double mark closes with no opening
    one and ends a quotation, when the paragraphs between hold no double mark at all; else None."""
    for para in paragraphs[i + 1:i + 1 + reach]:
        if para.marks:
            return para if para is not paragraphs[i + 1] and _closes_first(para) and _ends_quotation(text, para) else None
    return None


def _ends_quotation(text: str, para: Para) -> bool:
    """Does the paragraph's first (closing) mark end a quotation the way a long one ends: at the paragraph's
    end, before a dash and its speaker (``work.” – Jacob``), or before an attribution, not before the writer's
    next sentence (``sheet." The inspectors``, a stray mark)?"""
    end = para.marks[0].pos + len(para.marks[0].char)
    after = text[end:para.end].lstrip()
    if _after_attribution(text, para, para.marks[0]):
        return False  # ``… sentiment, he said." He added``: a quotation never holds its own attribution
    return not after or after[0] in "–—-" or _attribution_distance(text, end, para.end) is not None


def _closes_after_pairs(para: Para) -> bool:
    """Is the first mark of ``para`` with no partner a closing one, after quotations it opens and closes (``18F's
    "we work in the open" default … at work.” – Jacob``)? Then a quotation left open in the paragraph before runs on
    to it: one edit (the re-opening mark) reads both, where closing the one and deleting the other are two."""
    if not para.stray_closes or not para.quotations:
        return False
    first = para.stray_closes[0].pos
    return all(q.open is not None and q.close is not None and q.close.pos < first for q in para.quotations if q.open is None or q.open.pos < first)


_LAST_COMMA = re.compile(r",\s+(?=[^,]*$)")


def _after_attribution(text: str, para: Para, mark: Mark) -> bool:
    """Does the closing mark ``mark`` stand right after an attribution (``…, he said.”``)? A quotation never holds its
    own attribution, so such a mark ends no quotation run on from the paragraph before: it is stray.

    >>> t = 'Jobs moved abroad, he said." Then'
    >>> _after_attribution(t, Para(0, 0, len(t)), Mark(27, '"', "close")), _after_attribution('We won, we said it."', Para(0, 0, 20), Mark(19, '"', "close"))
    (True, False)
    """
    lo = max(para.start, mark.pos - 80)  # an attribution is short: a bounded look back
    comma = _LAST_COMMA.search(text, lo, mark.pos)
    if comma is None or text[mark.pos - 1:mark.pos] not in ".,":
        return False
    distance = _attribution_distance(text, comma.end(), mark.pos)
    words = _WORD.findall(text, comma.end(), mark.pos)
    # ``, he said.”`` or ``, said Ann Lee.”``: nothing after the verb but the speaker's name
    return distance is not None and distance <= 3 and len(words) <= 5 and all(w[:1].isupper() for w in words[distance + 1:])


def _closes_first(para: Para) -> bool:
    """Is the first double mark of ``para`` a closing mark with no opening one?"""
    return bool(para.stray_closes) and para.marks[0] is para.stray_closes[0]


def _heading(text: str, para: Para) -> bool:
    """A short line without sentence punctuation: a crosshead, a credit, a label."""
    body = text[para.start:para.end]
    words = _HEADING_WORD.findall(body)
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
        return True  # a title-case line: a headline or crosshead
    return len(body.split()) < 8 and not _SENTENCE_MARK_END.search(body)


_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_MARK_END = re.compile(r"[.?!:\"”]$")


def _pair(text: str, para: Para) -> None:
    current: Optional[Quotation] = None
    previous: Optional[Mark] = None
    run_end = -1  # where the run of marks read last ends (``_past_run``)
    for found in _DOUBLE.finditer(text, para.start, para.end):
        i, ch = found.start(), found.group()  # ``‘‘`` / ``’’``: a double mark typed as two singles (publisher typography)
        if ch == STRAIGHT and _typed_apostrophe(text, i, para.start, para.end):
            _push(para, "double_apostrophes", i)  # ``isn"t``: no quotation mark at all
            continue
        mark = Mark(i, ch, _context(text, i, para.start, para.end, len(ch)))
        _push(para, "marks", mark)
        if ch == STRAIGHT and mark.pos > para.start and text[mark.pos - 1].isdigit() and current is None:
            mark.role = "inch"
            continue
        head = _run_head(para, previous)
        if head is not None and head.role == "open" and previous.char == ch and previous.pos + len(ch) == mark.pos \
                and _opens_words(text, mark.pos + len(ch), para.end):
            mark.role = "extra"  # ``““We`` / ``""We``: a doubled opening mark (every extra one of a run)
            _push(para, "doubled", (head, mark))
            previous = mark
            continue
        role = mark.context
        if role == "either" and head is not None and head.role == "close" and previous.char == ch \
                and previous.pos + len(ch) == mark.pos \
                and (previous.role == "extra"
                     or not _opens_words(text, run_end := _past_run(text, mark.pos, ch, para.end, run_end), para.end)):
            # ``"no.""""``: a run of marks after a closing one, before no word, is doubled closing marks (the
            # run's end is read once, at its first extra mark)
            role = "close"
        if role == "either":
            if ch in (CURLY_OPEN, "‘‘"):
                role = "open"
            elif ch in (CURLY_CLOSE, "’’"):
                role = "close"
            elif current is None and text[mark.pos - 1] in ",:.?!" and text[mark.pos + 1:mark.pos + 2].isupper() and _next_closes(text, mark.pos + 1, para) \
                    and not _attributes(text, mark.pos + 1, para.end):
                role = "open"  # ``said,"The report …."`` ``debate."It was …," he said``: read as closing, both marks would be stray
            elif current is None and text[mark.pos + 1:mark.pos + 2].isupper() and _verb_before(text, mark.pos, para.start):
                role = "open"  # ``banker said"It will``: a verb of saying glued to the quotation it introduces
            elif current is None and text[mark.pos - 1:mark.pos].isalpha() and text[mark.pos + 1:mark.pos + 2].isalpha() \
                    and _next_closes(text, mark.pos + 1, para):
                role = "open"  # ``it is"outdated and unjust".``: glued on both sides, and the next mark can only close
            elif current is None and mark.pos > para.start and (text[mark.pos - 1].isalnum() or text[mark.pos - 1] in ",.?!;"):
                role = "close"  # ``else,"said``: a straight mark glued to the end of a word or sentence closes
            else:
                role = "close" if current is not None else "open"
        if role == "open":
            mark.role = "open"
            current = Quotation(mark, None, para.index)
            mark.quotation = current
            _push(para, "quotations", current)
        elif current is not None:
            mark.role = "close"
            current.close = mark
            mark.quotation = current
            current = None
        elif (head is not None and head.role == "close" and previous.pos + len(previous.char) == mark.pos
              and not (len(para.quotations) >= 2 and para.quotations[-2].close is None and para.quotations[-2].open is not None)):
            # (after an inner quotation closed inside an open one, ``reason.""`` closes both: _nest reads it)
            mark.role = "extra"
            _push(para, "doubled", (head, mark))  # every extra mark of the run names the closing mark it repeats
        else:
            mark.role = "close"
            _push(para, "stray_closes", mark)
        previous = mark


_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
#: what follows a contraction's apostrophe, after the word it shortens (``isn"t``, ``it"s``, ``we"re``)
_CONTRACTION_END = re.compile(r"(?:t|s|re|ve|ll|d|m)(?![\w-])")
#: the words ``'re``, ``'ve``, ``'ll``, ``'d`` and ``'m`` shorten a verb after (``we"re``; not ``probable"re-``)
_PRONOUN_BEFORE = re.compile(r"(?<![A-Za-z])(?:I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Ww]ho|[Tt]here|[Tt]hat|[Ww]hat)\Z")


def _typed_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """Is the straight double mark at ``i`` a contraction's apostrophe typed double (``isn"t``, ``it"s``,
    ``we"re``, ``I"ll``): a letter before it, the end of a contraction after it, and ``n"t`` for ``t``?

    >>> [_typed_apostrophe(t, t.index('"'), 0, len(t)) for t in ('It isn"t fair', 'the firm"s plan', 'we"re in',
    ...  'said"so', 'a"t', 'probable"re-entry', 'the "A"s-list')]
    [True, True, True, False, False, False, False]
    """
    if i <= start or not text[i - 1].isalpha() or i + 1 >= end:
        return False
    m = _CONTRACTION_END.match(text, i + 1, end)
    if m is None:
        return False
    if m.group() == "t":
        return text[i - 1] == "n"
    return m.group() == "s" or _PRONOUN_BEFORE.search(text, max(start, i - 6), i) is not None


def _verb_before(text: str, pos: int, start: int) -> bool:
    """Is the word right before ``pos`` (no space between) a verb of saying (``said"It``)?

    >>> _verb_before('A banker said"It will', 13, 0), _verb_before('the word"It', 8, 0)
    (True, False)
    """
    word = _WORD_BEFORE.search(text, max(start, pos - 20), pos)
    return word is not None and word.group().lower() in rules()["verbs"]


def _attributes(text: str, pos: int, end: int) -> bool:
    """Does an attribution start at ``pos`` (``Reagan said``, ``said Ryan``): what a closing mark comes before?"""
    distance = _attribution_distance(text, pos, end)
    return distance is not None and distance <= 2


def _opens_words(text: str, pos: int, end: int) -> bool:
    """Do words follow right after ``pos`` (``""We``: a doubled opening mark), not a space or a separator
    (``"pre_tag": "",``: an empty string in code)?"""
    return pos < end and not text[pos].isspace() and text[pos] not in ",:;)}]"


def _past_run(text: str, pos: int, ch: str, end: int, known: int = -1) -> int:
    """The offset after the run of ``ch`` marks starting at ``pos`` (read in C). ``known``: the end of
    the run read last, for marks read in order: a mark before it is inside that run, which ends there
    too (each mark of a run of 16,000 read the rest of the run: quadratic).

    >>> _past_run('no.”””” Then', 3, '”', 12), _past_run('no.”””” Then', 5, '”', 12, known=7)
    (7, 7)
    """
    if pos < known:
        return known
    found = _RUNS[ch].match(text, pos, end)
    return found.end() if found is not None else pos


def _run_head(para: Para, previous: Optional[Mark]) -> Optional[Mark]:
    """The opening or closing mark a run of doubled marks ending at ``previous`` started with (``previous``
    itself when it is not an extra one), so every mark of ``““““We`` after the first is extra in one pass
    rather than one in three per fix round."""
    if previous is not None and previous.role == "extra" and para.doubled and para.doubled[-1][1] is previous:
        return para.doubled[-1][0]
    return previous


def _next_closes(text: str, pos: int, para: Para) -> bool:
    """Is the next double mark of the paragraph after ``pos`` a closing one by its surroundings?"""
    found = _DOUBLE.search(text, pos, para.end)
    return found is not None and _context(text, found.start(), para.start, para.end, len(found.group())) == "close"


def _nest(para: Para) -> None:
    """``“He said “no” to me.”``: an unclosed quotation, a closed one right after it and then a lone
    closing mark read as one quotation with another inside it (whose marks belong in single marks).

    Read with a stack, so a quotation closed that way can itself be the inner one of the unclosed
    quotation before it: every level of ``“a “b “c” d” e”`` is found at once. Found one level per fix
    round, a long line of random marks took a round per level (7 rounds at 1 MB, 5 at 250 KB).

    >>> p = build('He said “a “b “c” d” e” today.').paragraphs[0]
    >>> [(q.open.pos, q.close.pos) for q in p.nested], [(q.open.pos, q.close.pos) for q in p.quotations]
    ([(14, 16), (11, 19)], [(8, 22)])
    """
    if not para.stray_closes or len(para.quotations) < 2:
        return  # nesting needs a lone closing mark after two quotations
    marks = para.marks
    index = {id(m): k for k, m in enumerate(marks)}
    strays = {id(m) for m in para.stray_closes}
    kept: list = []
    for q in para.quotations:
        kept.append(q)
        while len(kept) >= 2 and kept[-1].close is not None:
            k = index[id(kept[-1].close)] + 1
            close = marks[k] if k < len(marks) else None
            if close is None or id(close) not in strays:
                break
            # the quotation left open below the closed ones just read (at most MAX_INNER of them: ``“I … (then
            # "BlightStatus," now "Civic Insight") … here.”``) takes the lone closing mark; they are inside it
            j = 1
            while j < len(kept) and j <= MAX_INNER and kept[-1 - j].close is not None:
                j += 1
            if j > MAX_INNER or j >= len(kept) or kept[-1 - j].open is None:
                break
            outer = kept[-1 - j]
            strays.discard(id(close))
            outer.close, close.quotation = close, outer
            for inner in kept[len(kept) - j:]:
                inner.open.role, inner.close.role = "nested_open", "nested_close"
                _push(para, "nested", inner)
            del kept[len(kept) - j:]
    para.quotations = kept
    para.stray_closes = [m for m in para.stray_closes if id(m) in strays]


#: how many closed quotations a quotation left open can hold before a lone closing mark ends it (bounds the look back)
MAX_INNER = 4
_ELISIONS = frozenset({"em", "til", "cause", "n", "tis", "twas", "bout", "round", "nuff", "s"})


_NEXT_WORD = re.compile(r"[A-Za-z]+|\d")


def _single_context(text: str, i: int, start: int, end: int) -> str:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    r = rules()
    left_open = prev.isspace() or prev in r["open_before"] or prev in DOUBLE_MARKS
    right_close = nxt.isspace() or nxt in r["close_after"] or nxt in DOUBLE_MARKS
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def _singles(text: str, para: Para) -> None:
    """Read the single marks of a paragraph: apostrophes, and quotations in single marks, each at the
    level of the double quotation it stands in (a stack per level)."""
    if _SINGLE.search(text, para.start, para.end) is None:
        return  # most paragraphs: no single mark at all
    spans = sorted(
        [(q.open.pos, q.close.pos if q.close is not None else para.end, q) for q in para.quotations if q.open is not None],
        key=lambda s: s[0],
    )
    k = 0
    stacks: dict = {}
    for found in _SINGLE.finditer(text, para.start, para.end):
        i, ch = found.start(), found.group()
        if (i + 1 < para.end and text[i + 1] == ch and ch != "'") or (i > para.start and text[i - 1] == ch and ch != "'"):
            continue  # ``‘‘`` / ``’’``: read as a double mark
        if i in para.single_closes:
            continue  # a double quotation's closing mark typed single (``_close_with_single``)
        while k < len(spans) and spans[k][1] < i:
            for pos in stacks.pop(id(spans[k][2]), []):
                _leftover(text, para, pos, spans[k][2])
            k += 1
        inside = spans[k][2] if k < len(spans) and spans[k][0] < i < spans[k][1] else None
        context = _single_context(text, i, para.start, para.end)
        stack = stacks.setdefault(id(inside), [])
        nxt_word = _NEXT_WORD.match(text, i + 1, i + 8)
        if context == "apostrophe" or (context == "open" and ch != "‘" and nxt_word and (nxt_word.group().lower() in _ELISIONS or nxt_word.group().isdigit())):
            _push(para, "apostrophes", i)
        elif context == "open":
            stack.append(i)
        elif context == "close" and stack:
            _push(para, "singles", SinglePair(stack.pop(), i, inside))
        elif context == "either":
            stack.clear()  # ``Jewels ‘ and``: a mark spaced on both sides; no quotation pairs across it
            _push(para, "apostrophes", i)
        else:
            _push(para, "apostrophes", i)  # ``parents’ views``: a plural possessive
    for key, positions in stacks.items():
        owner = next((s[2] for s in spans if id(s[2]) == key), None)
        for pos in positions:
            _leftover(text, para, pos, owner)


def _nested_closes(para: Para) -> None:
    """``‘a disgrace.””``: a doubled closing mark after a single-quoted quotation left open inside the
    same quotation is the inner closing mark turned double, not a doubled one."""
    if not para.doubled:
        return
    open_inside = {id(q) for _, q in para.unclosed_singles if q is not None}
    for first, extra in list(para.doubled):
        q = first.quotation
        if first.role == "close" and q is not None and id(q) in open_inside:
            para.doubled.remove((first, extra))
            first.role = "nested_close"
            para.unclosed_singles = [(pos, owner) for pos, owner in para.unclosed_singles if owner is not q]
            _push(para, "nested_closes", first)


def _leftover(text: str, para: Para, pos: int, inside) -> None:
    if text[pos] == "’":
        _push(para, "apostrophes", pos)  # an elision the list does not know
    else:
        _push(para, "unclosed_singles", (pos, inside))


_SPEECH = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|you|You|your|Your)\b|\b(?:I|we|you|We|You)['’]")
_BOUNDARY = re.compile(r"[.?!][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


def _intro(text: str, lo: int, hi: int) -> Optional[int]:
    """Where a quotation introduced in ``text[lo:hi]`` starts: after ``said:`` ``said,`` ``: `` (the last one), after a
    comma ending a clause a verb of saying heads (``said in a statement, The``), after a participle of saying and its
    comma before a capital (``quoted him as saying, We``, ``adding, The``), or right after a verb of saying that
    takes its quotation with no comma, wire style, before a word that starts sentences (``said The dollar``). A colon
    before a lower-case word starts a list or an explanation (``five types of visitors: explorers, …``), not a
    quotation, which starts with a capital after one.

    >>> t = 'He said: We will win. There are five types: explorers, makers."'
    >>> t[_intro(t, 0, len(t) - 1):]
    'We will win. There are five types: explorers, makers."'
    >>> t = 'He said in a statement, The idea is sound." Lund said We could not."'
    >>> t[_intro(t, 0, 42):42], t[_intro(t, 44, len(t) - 1):]
    ('The idea is sound.', 'We could not."')
    >>> t = 'It quoted him as saying, We will retaliate."'
    >>> t[_intro(t, 0, len(t) - 1):]
    'We will retaliate."'
    """
    verbs = rules()["verbs"]
    found = None
    for m in _INTRO.finditer(text, lo, hi):
        if (m.group(2) == ":" and not text[m.end()].islower()) or (m.group(1) or "").lower() in verbs \
                or (m.group(2) == "," and text[m.end()].isupper() and (m.group(1) or "").lower() in rules()["saying_forms"]) \
                or (m.group(2) == "," and text[m.end()].isupper() and _saying_clause(text, lo, m.start(2))):
            found = m.end()
    for m in _DIRECT.finditer(text, lo, hi):
        if m.group(1).lower() in rules()["direct_verbs"] and m.group(2) in rules()["sentence_words"] \
                and (found is None or m.start(2) > found) and not _after_close(text, lo, m.start()):
            found = m.start(2)
    return found


#: how many words a clause headed by a verb of saying runs to its comma (``told reporters,``, ``said in a statement,``)
_CLAUSE_REACH = 4
_CLAUSE_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
_DIRECT = re.compile(r"\b([A-Za-z]+) ([A-Z][a-z]*)\b")


def _saying_clause(text: str, lo: int, comma: int) -> bool:
    """Does a verb of saying head the clause that ends at ``comma``, with at most ``_CLAUSE_REACH`` words and no
    punctuation after it (``He said in a statement,``, ``Fitzwater told reporters,``), not one of reported speech
    (``He said it was late,``)?

    >>> t = 'He said in a statement, The. He said it was late, but the. Once told, They. According to Lee, Howard'
    >>> [_saying_clause(t, 0, t.index(",", k)) for k in (0, 30, 60, 80)]
    [True, False, True, False]
    """
    head = text[max(lo, comma - 60):comma]
    cut = max(head.rfind(ch) for ch in ",;:.?!\"“”()")
    words = _CLAUSE_WORDS.findall(head, cut + 1)[-_CLAUSE_REACH - 1:]
    r = rules()
    lower = [w.lower() for w in words]
    heads = [k for k, w in enumerate(lower) if w in r["verbs"] and w != "according"]  # (``According to Lee, Howard``: reported)
    # the words after the verb are its object or an adverbial (``in a statement``), not a clause of reported speech
    return bool(heads) and not any(w in r["subjects"] or w in r["clause_words"] for w in lower[heads[-1] + 1:])


def _after_close(text: str, lo: int, pos: int) -> bool:
    """Does ``pos`` follow a closing mark and its comma closely (``“Yes,” said The Times``): an attribution, no introduction?"""
    head = text[max(lo, pos - 40):pos].rstrip()
    return bool(re.search(r"[,?!][\"”’]\s*(?:\w+\s+){0,3}$", head))


def _introduced(text: str, para: Para, mark: Mark) -> bool:
    """Is the lone closing mark ``mark`` preceded, in its own paragraph and after every other mark, by a sure introduction
    (``the company said: We use …"``)? Then the quotation opened there, not paragraphs before.

    >>> t = 'A source said: We use all means available."'
    >>> _introduced(t, Para(0, 0, len(t)), Mark(len(t) - 1, '"', "close")), _introduced('It rose." Then', Para(0, 0, 14), Mark(7, '"', "close"))
    (True, False)
    """
    lo = max((m.pos + len(m.char) for m in para.marks if m.pos < mark.pos), default=para.start)
    intro = _intro(text, lo, mark.pos)
    return intro is not None and text[intro] not in "'‘’" and _said_before(text, para.start, intro) and not _label(text, para.start, intro)


_SAID_REACH = 120  # characters back to the sentence's start, for a verb of saying before a colon


def _said_before(text: str, start: int, intro: int) -> bool:
    """Does a verb of saying introduce the quotation that opens at ``intro`` with a capital: right before its comma or
    colon (``said, We``, ``wrote: The``; a participle too, ``as saying, We``), heading the clause before its comma
    (``said in a statement, The``), right
    before it with no comma (``said The``, wire style, ``_intro``), or anywhere in the colon's sentence (``told
    reporters: We``)? A bare colon heads a label or an explanation as often (``it bears repeating: The best
    content``), and a lower-case word after ``said,`` reports speech as often as it quotes it (``the company said, it
    has been unable``): judgements both.

    >>> t = 'He told reporters: We will win. It bears repeating: The best. She said, it was late. She said, It was.'
    >>> [_said_before(t, 0, t.index(w)) for w in ("We", "The best", "it was", "It was")]
    [True, False, False, True]
    >>> _said_before('It quoted him as saying, We will.', 0, 25)
    True
    """
    if not text[intro:intro + 1].isupper():
        return False
    head = text[max(start, intro - _SAID_REACH):intro].rstrip()
    verbs = rules()["verbs"]
    words = re.findall(r"\w+", head[_last_boundary(head):] if head.endswith(":") else head[-30:])
    if head.endswith(",") and _saying_clause(text, start, max(start, intro - _SAID_REACH) + len(head) - 1):
        return True
    forms = rules()["saying_forms"]
    if head.endswith(",") and words and words[-1].lower() in forms:
        return True
    return bool(words) and (words[-1].lower() in verbs or (head.endswith(":") and any(w.lower() in verbs or w.lower() in forms for w in words)))


def _last_boundary(s: str) -> int:
    """Where the last sentence of ``s`` starts (0: no sentence end in it)."""
    found = 0
    for m in _SENTENCE_END.finditer(s):
        if m.end() < len(s) and s[m.end()].isspace():
            found = m.end()
    return found


def _bare_colon(text: str, start: int, intro: int) -> bool:
    """Is ``intro`` right after a colon whose sentence holds no verb of saying (``Device searches: The``, ``One caveat:
    Although``), not after ``told reporters: We``?

    >>> t = 'Device searches: The number rose. He told reporters: We won.'
    >>> _bare_colon(t, 0, 17), _bare_colon(t, 0, t.index("We"))
    (True, False)
    """
    return text[start:intro].rstrip().endswith(":") and not _said_before(text, start, intro)


_LABEL_WORDS = 3


def _label(text: str, start: int, intro: int) -> bool:
    """Is the colon before ``intro`` a run-in label opening its paragraph (``Background: For the past …``, ``One
    caveat: Although …``, ``Reviews and/or Approves Invoices: The COR …``): three words or fewer, or a title, with
    no verb of saying? A label heads the writer's own text, so a lone closing mark after it is as likely stray as
    the end of a quotation it opened. (``The study found one thing: Explorers …`` is a sentence, introducing.)

    >>> t = 'Background: For three years we ran a survey." Then'
    >>> _label(t, 0, 12), _label('The minister told reporters: We will win."', 0, 29), _label('The study found one thing: It', 0, 27)
    (True, False, False)
    """
    head = text[start:intro].rstrip()
    if not head.endswith(":"):
        return False
    words = _WORD.findall(head)
    short = len(words) <= _LABEL_WORDS or (len(words) <= 8 and _titled(head))
    return short and not any(w.lower() in rules()["verbs"] for w in words)


_LOWER_AFTER = re.compile(r" [a-z]")
_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[a-z])\)")
_CODE = re.compile(r"[=\\{}<>|]|\w\(\w")


def _in_code(text: str, pos: int, start: int, end: int) -> bool:
    """Does the mark at ``pos`` stand in code: a token (no space, 80 characters each side at most) holding
    an operator, a brace or a call (``=sumif(A:A,”x”,C:C)``), where marks are strings, not quotations?

    >>> t = 'add: =sumif(A:A,”x”,C:C) to it'
    >>> _in_code(t, t.index("”"), 0, len(t)), _in_code('the “crowd”) said', 10, 0, 17)
    (True, False)
    """
    lo = text.rfind(" ", max(start, pos - 80), pos) + 1 or max(start, pos - 80)
    hi = text.find(" ", pos, min(end, pos + 80))
    return _CODE.search(text, lo, hi if hi >= 0 else min(end, pos + 80)) is not None


def _first_person_narration(text: str, paragraphs: list) -> bool:
    """Does the writer narrate in the first or second person (a blog: ``we``, ``I``, ``you`` in two
    paragraphs or more that quote nothing)? Then ``we`` before a lone closing mark is no sign of speech."""
    found = 0
    for para in paragraphs:
        if not para.marks and _SPEECH.search(text, para.start, para.end):
            found += 1
            if found >= 2:
                return True
    return False


def _lone_close(text: str, para: Para, mark: Mark, narrator=lambda: False, quoted=frozenset) -> None:
    """Decide what a closing mark with no opening mark calls for.

    After an introduction (``he said: We will win."``) its opening mark was lost and goes after it.
    Before an attribution (``We will win," he said``) with no introduction, the paragraph is quoted
    from its start, or from its last sentence when the sentences before it narrate (no first or second
    person: ``Costs rose in May. Prices will fall," he said``). After a sentence with no attribution, a paragraph that opens in the first or second
    person (``we``, ``I``, ``you``: speech, not narration) lost its opening mark at its start; a
    narrating one has a stray closing mark. After a word (``dynamic" moves``) or a comma with no
    attribution, nothing tells: reported only.
    """
    if _in_code(text, mark.pos, para.start, para.end):
        _push(para, "lone", LoneClose(mark, None, False, "code"))  # ``=sumif(A:A,”x”,C:C)``: a string in code
        return
    if text[mark.pos - 1:mark.pos] == "." and _after_attribution(text, para, mark):
        # ``… by the other states, the officials said." Under``: a quotation never holds its own attribution, and one
        # that ended before it would have closed at its comma: the mark is stray
        _push(para, "lone", LoneClose(mark, None, bool(text[mark.pos + len(mark.char):para.end].strip()), "stray"))
        return
    k = bisect.bisect_left(para.marks, mark.pos, key=lambda m: m.pos)  # the marks before it (sorted)
    while k >= 2 and para.marks[k - 1].role == "extra" and para.marks[k - 1].char == para.marks[k - 2].char \
            and para.marks[k - 2].pos + len(para.marks[k - 2].char) == para.marks[k - 1].pos:
        k -= 1  # ``sites,”” Wicentowski said``: a doubled closing mark reads as the one it repeats
    previous = para.marks[k - 1] if k else None
    lo = previous.pos + len(previous.char) if previous else para.start
    while lo < mark.pos and text[lo].isspace():
        lo += 1
    before = text[mark.pos - 1] if mark.pos > lo else ""
    after = text[mark.pos + len(mark.char):mark.pos + len(mark.char) + 1]
    shifted = before.isalnum() and (after in (".", ",") or (after in ("?", "!") and _LOWER_AFTER.match(text, mark.pos + len(mark.char) + 1) is not None))
    if shifted:
        # ``told us: Videos … for us”.``: the quotation's own stop knocked outside; ``from here"? a senior official said``:
        # a question or exclamation mark before a lower-case word belongs to the quotation (Q001 puts it back inside)
        before = after
    edge = "<mark>" if previous is not None else "<paragraph>"
    if before not in ",.?!…":
        found = _term_start(text, lo, mark.pos, quoted)
        _push(para, "lone", LoneClose(mark, found[0], True, found[1]) if found else _after_word(text, lo, mark, edge))
        return
    if previous is None and not shifted and before in ".?!" and _CREDIT.match(text, mark.pos + len(mark.char), para.end):
        # ``… for their families.” – President Obama, January 30, 2015``: a quotation credited after a dash (an epigraph, a
        # testimonial) is the paragraph's own words up to the dash; a stray mark after the writer's sentence stands before
        # more of it, not before a dash and a name
        _push(para, "lone", LoneClose(mark, lo, True, "credit"))
        return
    intro = _intro(text, lo, mark.pos)
    rest = text[mark.pos + len(mark.char):para.end].lstrip()
    if intro is not None and rest and rest[0] not in DOUBLE_MARKS and _bare_colon(text, para.start, intro):
        # ``Device searches: The number … rose.” If your site``: a colon with no verb of saying in its sentence heads a
        # label or an explanation, and a quotation follows one rarely (147 of 3,469 such colons before a capital in
        # ../shared/data/news_clean, against 461 of 566 after a verb of saying): mid-paragraph, the mark is read as if
        # the colon were not there (most often stray), not as a tie with a quotation opened after it; one that another
        # quotation follows (``such as: Legal advised it.” “The president said …”``) may close the first of a series
        intro = None
    if intro is None and previous is None and _colon_above(text, para, lo):
        # ``Today, I begin every design decision asking:\n\nWho might be eligible …?”``: the paragraph before introduced it
        _push(para, "lone", LoneClose(mark, lo, True, "introduction"))
        return
    boundaries = [m.end() for m in _BOUNDARY.finditer(text, lo, mark.pos - 1)
                  if not holds_stop(text, m.start(), (_LAST_WORD.search(text[lo:m.start()]) or [""])[0].rstrip(".") or "x")]
    first_end = boundaries[0] if boundaries else mark.pos
    attributed = before != "." and _attribution_distance(text, mark.pos + len(mark.char) + shifted, para.end) is not None
    interrupted = bool(boundaries) and previous is not None and previous.role == "close" and text[previous.pos - 1:previous.pos] in ",?!"
    resumed = _resumed(text, lo, mark.pos, boundaries) if interrupted or (previous is not None and previous.role == "close"
                                                                          and text[previous.pos - 1:previous.pos] in ",?!") else None
    if intro is not None:
        # sure unless a mark of another kind or a list's number stands where the quotation would open
        # (``say, 'We did …”``: the lost opening mark may be that one; ``bad ones: 1) do nothing``: a list)
        sure = text[intro] not in "'‘’" and not _ENUMERATOR.match(text, intro) and not _label(text, para.start, intro) \
            and _said_before(text, para.start, intro)
        _push(para, "lone", LoneClose(mark, intro, sure, "introduction"))
    elif resumed is not None:
        _push(para, "lone", LoneClose(mark, resumed, True, "resumed"))
    elif attributed:
        # a quotation before its attribution, never introduced: it opens at one of the paragraph's sentence starts
        at, sure = _quoted_from(text, [lo, *boundaries], mark.pos, narrator)
        _push(para, "lone", LoneClose(mark, at, sure and text[at].isupper(), "attribution"))
    elif before == ",":
        _push(para, "lone", _after_word(text, lo, mark, edge))
    elif interrupted and not text[mark.pos + len(mark.char):para.end].strip(" .,") \
            and _attribution_sentence(text, previous, boundaries[0]):
        # ``"X," he said. Y." `` ending its paragraph: the mark closes what the attribution sentence interrupted
        # (``"X," he said. "Y."``, news copy's own pattern): a lost opening mark, not a stray one, in a blog that
        # narrates in the first person too (the structure speaks, not the pronouns)
        _push(para, "lone", LoneClose(mark, boundaries[0], True, "resumed"))
    elif narrator() and shifted:
        # ``known as fair use”.``: a mark between a word and its stop ends a quotation in a blog that says ``we`` too (a
        # stray mark follows the stop); only the pronouns tell nothing there
        found = _term_start(text, lo, mark.pos, quoted)
        _push(para, "lone", LoneClose(mark, found[0], True, found[1]) if found else _after_word(text, lo, mark, edge))
    elif narrator():
        _push(para, "lone", LoneClose(mark, None, True, "stray"))  # the narration itself says ``we``
    elif _SPEECH.search(text, lo, _reported(text, lo, first_end)):
        # a judgement: on generated damage the paragraph's start was right 20 times in 105 (a stray mark after a
        # blog's own ``we`` or a quotation opened after ``told the committee,`` as often)
        _push(para, "lone", LoneClose(mark, lo, False, "speech"))
    elif boundaries and _SPEECH.search(text, boundaries[-1], mark.pos):
        _push(para, "lone", LoneClose(mark, boundaries[-1], False, "speech"))
    elif shifted and (found := _term_start(text, lo, mark.pos, quoted)):
        _push(para, "lone", LoneClose(mark, found[0], True, found[1]))  # ``the so-called back-stop”.``
    elif shifted:
        # ``… as well”.``: a mark between a word and its stop ends a quotation (a stray mark follows the stop);
        # where its lost opening mark stood nothing here tells
        _push(para, "lone", _after_word(text, lo, mark, edge))
    elif interrupted:
        # ``"X," the paper said. Costs rose." Then``: deleting the mark or re-opening after the attribution are one
        # edit each, a tie: reported, not guessed
        _push(para, "lone", LoneClose(mark, boundaries[0], False, "resumed"))
    else:
        # a closing mark that ends its paragraph ends a quotation as often as it is stray: deleting it and opening
        # the quotation at one of the sentences before are one edit each, a tie (reported); mid-paragraph it is stray
        _push(para, "lone", LoneClose(mark, None, bool(text[mark.pos + len(mark.char):para.end].strip()), "stray"))


_GLUED_WORD = re.compile(r"[A-Za-z][\w’'-]*\Z")


def glued_opening(text: str, pos: int) -> bool:
    """Is the straight mark at ``pos``, glued to a word on both sides, an opening mark that lost the space before it: the
    word before it is one that goes on into a phrase (a function word, a verb of saying or its participle, a word that
    names a term: ``saying"only one-third``, ``described as"severe``, ``for"semiconductor``), not the end of a quoted
    phrase (``a home run"for the team``)? A straight mark has no direction of its own (a curly one's glyph tells). On
    tune seeds 501-505 of ``bench/quote_damage.py``, 22 such marks after such a word were all opening marks (their
    quotation's closing mark lost too), and 118 of 137 after any other word were closing ones.

    >>> [glued_opening(t, 6) for t in ('saying"only one', 'as    "severe', 'runway"for the', 'saying“only')]
    [True, False, False, False]
    >>> glued_opening('described as"severe', 12), glued_opening('a home run"for the', 10)
    (True, False)
    """
    if text[pos:pos + 1] != STRAIGHT or not text[pos + 1:pos + 2].isalpha():
        return False
    word = _GLUED_WORD.search(text, max(0, pos - 30), pos)
    if word is None:
        return False
    r = rules()
    w = word.group().lower()
    return w in r["function_words"] or w in r["verbs"] or w in r["saying_forms"] or w in r["naming"]


def _after_word(text: str, lo: int, mark: Mark, edge: str) -> LoneClose:
    """A closing mark after a bare word (or a comma) that no evidence rule places: reported, with the likeliest site of
    its lost opening mark as a suggestion (``rank_open_site``).

    >>> t = 'He called it a real game changer" for the city.'
    >>> lone = _after_word(t, 0, Mark(t.index('"'), '"', "close"), "<paragraph>"); lone.rule, t[lone.ranked:lone.ranked + 6]
    ('after-word', 'real g')
    """
    ranked = None if glued_opening(text, mark.pos) else rank_open_site(text, lo, mark.pos, edge)
    return LoneClose(mark, None, False, "after-word", ranked[0] if ranked is not None else None)


#: a credit after a closing mark: a dash (``–`` ``—`` ``-`` ``--``), then a name's capital or the paragraph's end (``” –Sam
#: Droege``, ``" -- Ken Ambrose``, ``” —`` before the name's line); a dash before a lower-case word goes on with the sentence
_CREDIT = re.compile(r"[ \t\u00a0]{0,2}(?:[–—]|-{1,2})[ \t\u00a0]{0,2}(?:[A-Z]|$)", re.M)


def _colon_above(text: str, para: Para, lo: int) -> bool:
    """Does the paragraph before ``para`` end in a colon that introduces a quotation opening at ``para``'s first word
    ``lo``: a verb of saying heads the colon's sentence and a capital follows (``he said:\\n\\nThis is a wager …”``),
    as ``_said_before`` reads a colon in the paragraph itself? A bare colon or a run-in label (``the following
    advice:\\n\\nGo read …”``) heads a list or the writer's own text as often: the mark is judged in its paragraph.

    >>> t = 'Then he said:\\n\\nThis is a wager on it." Then'
    >>> _colon_above(t, Para(1, 15, len(t)), 15), _colon_above(t.replace("he said", "the advice"), Para(1, 18, 45), 18)
    (True, False)
    >>> _colon_above('He left.\\n\\nIt is late." Then', Para(1, 10, 28), 10)
    False
    """
    if lo != para.start or para.index == 0:
        return False
    head = text[max(0, para.start - _SAID_REACH):para.start].rstrip()
    if not head.endswith(":"):
        return False
    start = para.start - _SAID_REACH + (head.rfind("\n") + 1) if para.start > _SAID_REACH else head.rfind("\n") + 1
    return _said_before(text, start, lo) and not _label(text, start, lo)


def _reports(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a sentence of the writer's that reports speech: a verb of saying in it (``Eastman said he is
    alarmed.``, ``…, Iguchi says.``), and no first or second person (``I told him``: the speaker's own words)?

    >>> t = 'Eastman said he is alarmed. I told them so. The notes were lost.'
    >>> _reports(t, 0, 27), _reports(t, 28, 43), _reports(t, 44, len(t))
    (True, False, False)
    """
    reporting = rules()["reporting"]
    return not _SPEECH.search(text, start, end) and any(w.lower() in reporting for w in _WORD.findall(text, start, end))


def _quoted_from(text: str, starts: list, end: int, narrator) -> tuple:
    """Where a quotation ending at ``end`` before its attribution, with its opening mark lost, opened: one of the
    sentence ``starts`` of its paragraph (the first is the paragraph's, or the last mark's, start), and whether the
    text says so (safe) or the place is a guess (unsafe).

    The sentences are read for two kinds of evidence: the writer's report of speech (``_reports``) and the speaker's
    own first or second person or contractions (``_speaks``). After the last sentence that reports, the quotation opens at the next sentence when
    that one speaks (``Eastman said he is alarmed. We are getting half …," he said``) or is the last one; with no
    report, a paragraph whose first sentence speaks (in an article that does not narrate in the first person itself)
    is quoted from its start. A lone sentence is quoted whole. Anything else is a guess: sentences that neither report
    nor speak read as narration and as quotation alike. (Every lost opening mark of this kind in two sentences or more,
    one at a time, on the held-out articles of ``bench/corpus_split.py``: the old rule, "open at the last sentence unless
    the paragraph speaks", was applied 538 times and right 361; these rules apply 222 times, right 211, and suggest the
    other 318.)

    >>> t = 'Eastman said he is alarmed. We are getting half of it. It is bad," he said.'
    >>> s, sure = _quoted_from(t, [0, 28, 56], t.index('"'), lambda: False); t[s:s + 6], sure
    ('We are', True)
    >>> t = 'Costs rose in May. Prices will fall," he said.'
    >>> _quoted_from(t, [0, 19], t.index('"'), lambda: False)
    (0, False)
    """
    if len(starts) == 1:
        return starts[0], True
    ends = starts[1:] + [end]
    reported = [k for k in range(len(starts)) if _reports(text, starts[k], ends[k])]
    if reported:
        after = reported[-1] + 1
        if after == len(starts):
            return starts[0], False  # the last sentence reports: the quotation is in it, somewhere
        return starts[after], after == len(starts) - 1 or _speaks(text, starts[after], ends[after])
    if narrator():
        return starts[0], False  # the writer says ``we`` too: the first person tells nothing
    speaking = next((k for k in range(len(starts)) if _speaks(text, starts[k], ends[k])), None)
    if speaking is None:
        return starts[0], False
    return starts[speaking], speaking == 0


#: how many words back from a lone closing mark ``rank_open_site`` weighs (linear in a long paragraph)
RANK_REACH = 60
_TOKEN_RUN = re.compile(r"\S+")
_TOKEN_WORD = re.compile(r"[^\w'’-]")
_OPENS_TOKEN = re.compile(r"[^\W_]|[(‘']")
#: the first or second person (``_SPEECH``'s words, one token at a time)
_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "you", "your", "ours"})
_PERSON_PREFIX = re.compile(r"(?:i|we|you)['’]")
_LENGTHS = (1, 2, 3, 5, 8, 15, 30)


def _before_feature(token: Optional[str], known, edge: str) -> str:
    """What stands before a candidate opening site, as ``[open_sites] before`` names it: the paragraph's start or a mark
    (``edge``), a sentence end, a ``, : ;``, a closing bracket, a word of the table's own (lower case), else the word's
    shape (``<capital>``, ``<number>``, ``<lower>``).

    >>> [_before_feature(t, {"said"}, "<paragraph>") for t in (None, "said", "Said", "him.", "him,", "Lee", "2020")]
    ['<paragraph>', 'said', 'said', '<sentence>', ',', '<capital>', '<number>']
    """
    if token is None:
        return edge
    last = token[-1]
    if last in ".?!":
        return "<sentence>"
    if last in ",:;":
        return last
    if last == ")":
        return "<bracket>"
    word = _TOKEN_WORD.sub("", token).lower()
    if word in known:
        return word
    return "<capital>" if token[:1].isupper() else "<number>" if token[:1].isdigit() else "<lower>"


def _first_feature(token: str, known) -> str:
    """The first quoted word, as ``[open_sites] first`` names it: a word of the table's own as written (``the``,
    ``The``), else its shape.

    >>> [_first_feature(t, {"the", "The"}) for t in ("The", "the", "(the", "Ryan", "rate", "2020")]
    ['The', 'the', 'the', '<capital>', '<lower>', '<number>']
    """
    word = token.lstrip("(‘'")
    key = word.lower() if not word[:1].isupper() else word[:1] + word[1:].lower()
    key = _TOKEN_WORD.sub("", key)
    if key in known:
        return key
    return "<capital>" if word[:1].isupper() else "<number>" if word[:1].isdigit() else "<lower>"


def _length_bin(words: int) -> int:
    return next((k for k, most in enumerate(_LENGTHS) if words <= most), len(_LENGTHS))


def rank_open_site(text: str, lo: int, pos: int, edge: str = "<paragraph>") -> Optional[tuple]:
    """Where the lost opening mark of a quotation that closes at ``pos`` most likely stood, among the word starts of
    ``text[lo:pos]`` (``lo``: the paragraph's start, ``edge`` ``<paragraph>``, or the end of the mark before,
    ``<mark>``): ``(offset, share)``, the best site and its share of the weight of all sites, or None.

    Each site is weighed by a log-linear model of the phrase boundary, with weights in ``rules/quotes.toml``
    ``[open_sites]`` (fitted on quotations of clean copy, their opening marks removed one at a time; see the
    table): the word before the site, the first quoted word, the quotation's length in words for a closing mark
    after a word and after a stop, the first or second person inside and before the quotation, a verb of saying
    before it, and the sentence ends it would hold. Nothing here is sure: on clean copy the best site is the right
    one about half the time, so the repair it names is a suggestion (unsafe).

    >>> t = 'He described the plan as a real game changer" for the city.'
    >>> at, share = rank_open_site(t, 0, t.index('"')); t[at:t.index('"')], round(share, 2)
    ('real game changer', 0.36)
    >>> t = 'Costs rose, Lee told reporters, We will not pay for it." Then'
    >>> at, share = rank_open_site(t, 0, t.index('"')); t[at:t.index('"')]
    'We will not pay for it.'
    """
    table = rules()["open_sites"]
    tokens = [(m.start(), m.group()) for m in _TOKEN_RUN.finditer(text, max(lo, pos - 12 * RANK_REACH), pos)]
    if len(tokens) > RANK_REACH + 1:
        tokens = tokens[-(RANK_REACH + 1):]
        first = 1  # the first token kept stands before a site only
    else:
        first = 0
    if not tokens:
        return None
    after_word = text[pos - 1].isalnum()
    lengths = table["length_after_word" if after_word else "length_after_stop"]
    sentences = table["sentences_after_word" if after_word else "sentences_after_stop"]
    lows = [_TOKEN_WORD.sub("", t).lower() for _, t in tokens]
    person = [w in _PERSON or _PERSON_PREFIX.match(w) is not None for w in lows]
    said = [w in table["reporting"] for w in lows]
    ends = [t[-1] in ".?!" for _, t in tokens]
    n = len(tokens)
    person_after = [False] * (n + 1)
    ends_after = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        person_after[k] = person_after[k + 1] or person[k]
        ends_after[k] = ends_after[k + 1] + (ends[k] and k < n - 1)
    before_words, first_words = table["before"], table["first"]
    best = None
    weights = []
    person_before = said_before = False
    for k in range(n):
        if k >= first and _OPENS_TOKEN.match(tokens[k][1]):
            prev = tokens[k - 1][1] if k else None
            w = before_words.get(_before_feature(prev, before_words, edge), 0.0)
            w += first_words.get(_first_feature(tokens[k][1], first_words), 0.0)
            w += lengths[_length_bin(n - k)]
            w += table["person"][person_after[k]][person_before]
            w += table["reported"][said_before]
            w += sentences[min(ends_after[k], len(sentences) - 1)]
            weights.append((w, tokens[k][0]))
        person_before = person_before or person[k]
        said_before = said_before or said[k]
    if not weights:
        return None
    top = max(w for w, _ in weights)
    total = sum(math.exp(w - top) for w, _ in weights)
    best = max(weights)
    return best[1], 1.0 / total


#: a contraction (``It's``, ``there’s``, ``doesn't``): the spoken register, which wire narration does not write
_CONTRACTION = re.compile(r"\b(?:[Ii]t|[Tt]here|[Tt]hat|[Ww]hat|[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|[Hh]ere|[Ll]et)['’](?:s|re|ll|d|ve)\b"
                          r"|\b[A-Za-z]+n['’]t\b")


def _speaks(text: str, start: int, end: int) -> bool:
    """Does the sentence ``text[start:end]`` speak: the first or second person (``_SPEECH``), or a contraction (``It's
    clear that the Fed has firmed``, ``MFN doesn't really mean anything``), which news narration does not write?
    Read only where ``_quoted_from`` weighs the sentences of a paragraph that closes a quotation before its attribution
    (not where a blog's narration is told apart: a blog writes contractions in its own voice).

    >>> t = "It's clear the Fed has firmed. Rates rose. We will see."
    >>> _speaks(t, 0, 30), _speaks(t, 31, 42), _speaks(t, 43, len(t))
    (True, False, True)
    """
    return _SPEECH.search(text, start, end) is not None or _CONTRACTION.search(text, start, end) is not None


#: the rules that open a quoted term, not a quoted sentence (its stop and comma follow the article's placement)
TERM_RULES = ("quoted-elsewhere", "named", "listed", "compound", "titled-run")
_TERM_REACH = 8  # words: a quoted term is short; a longer quotation's start is no term's
_QUOTED = re.compile(r"(?<!\w)['‘]([^'‘’\n]{2,80}?)['’](?!\w)")
_TOKEN = re.compile(r"\S+")
_CLAUSE_MARK = re.compile(r"[.?!:;,)\]]$")


def quoted_phrases(text: str, paragraphs: list) -> frozenset:
    """The words this article quotes (in paired double marks, or in single marks at word edges), up to eight words
    each: a term quoted once is often quoted again, and then its words say where a lost opening mark stood."""
    out = set()
    for para in paragraphs:
        for q in para.quotations:
            if q.open is not None and q.close is not None:
                inner = text[q.open.pos + len(q.open.char):q.close.pos].strip(" ,.")
                if 3 <= len(inner) and len(inner.split()) <= _TERM_REACH:
                    out.add(inner)
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip(" ,.")
        if 3 <= len(inner) and len(inner.split()) <= _TERM_REACH:
            out.add(inner)
    return frozenset(out)


def _term_start(text: str, lo: int, pos: int, quoted) -> Optional[tuple]:
    """Where a quoted term ending at ``pos`` opened (``_find_term_start``), only where a word follows: a term starts with one."""
    found = _find_term_start(text, lo, pos, quoted)
    return found if found is not None and text[found[0]:found[0] + 1].isalnum() else None


def _find_term_start(text: str, lo: int, pos: int, quoted) -> Optional[tuple]:
    """Where a quoted term ending before the lone closing mark at ``pos`` opened, when the text says so: the
    longest run of words before it that the article quotes elsewhere (``quoted()``), the words after a naming word
    (``a feature called compatibility mode”``) or after the quoted term before it in a list (``“frivolous” and
    without substance”``), with no function word between; else None (the term's start is a guess). Reads at
    most eight words back: a bounded look per mark.

    >>> t = 'Use the “Ask Karen” feature. The Ask Karen” system works.'
    >>> _find_term_start(t, 29, t.index("” system"), lambda: frozenset({"Ask Karen"}))
    (33, 'quoted-elsewhere')
    >>> t = 'It has a feature called compatibility mode” that fools tools.'
    >>> _find_term_start(t, 0, t.index("”"), frozenset)
    (24, 'named')
    >>> t = 'He called it “frivolous” and without substance” and left.'
    >>> _find_term_start(t, 0, t.index("” and left"), frozenset)
    (29, 'listed')
    >>> _find_term_start('It was the recent hot wash” of it.', 0, 26, frozenset) is None
    True
    """
    r = rules()
    window = max(lo, pos - 200)
    tokens = list(_TOKEN.finditer(text, window, pos))[-_TERM_REACH - 1:]
    if window > lo and tokens:
        tokens = tokens[1:]  # (the first may be cut)
    for k in range(len(tokens) - 1, -1, -1):
        if k < len(tokens) - 1 and _CLAUSE_MARK.search(tokens[k].group()):
            tokens = tokens[k + 1:]
            break
    if not tokens:
        return None
    phrases = quoted()
    if phrases:
        for k in range(len(tokens)):  # the longest first
            start = tokens[k].start()
            while start < pos and text[start] in "([{—–/":
                start += 1
            if text[start:pos] in phrases:
                return start, "quoted-elsewhere"
    reach = r["naming_reach"]
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 2 - reach), -1):
        word = tokens[k].group().lower()
        if word not in ("and", "or") and _after_quoted(text, tokens[k].start(), lo, comma=True):
            return tokens[k].start(), "listed"  # ``“users,” “new users,” returning users”``
        if k == len(tokens) - 1:
            continue
        named = word in r["naming"] or (word == "as" and k > 0 and tokens[k - 1].group().lower() in r["naming_as"])
        if named:
            return tokens[k + 1].start(), "named"
        if word in ("and", "or") and _after_quoted(text, tokens[k].start(), lo):
            return tokens[k + 1].start(), "listed"  # ``dismissed the offer as “frivolous” and without substance”``
        if word in r["function_words"]:
            break
    return _shaped_term(text, tokens, pos)


_CAPITAL_WORD = re.compile(r"[A-Z0-9][\w’'&.:-]*")
_LOWER_WORD = re.compile(r"[a-z][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s")
_COMPOUND = re.compile(r"[^\W\d_][\w’']*(?:-[\w’']+)+")
_TERM_GOES_ON = re.compile(r"[ \t]+[a-z]")


def _shaped_term(text: str, tokens: list, pos: int) -> Optional[tuple]:
    """Where a quoted term ending at the lone closing mark ``pos`` opened, by the shape of its words, when the
    sentence goes on after the mark in lower case (a term inside the writer's sentence, not a quotation before
    its attribution or a sentence's end): a hyphenated compound (``a pre-compromise” and``), or a run of
    capitalised words (with ``of`` ``the`` ``as a`` … between them) after a lower-case word or a possessive,
    not at the sentence's start (``the app’s fun Thin Ice” game``, ``Infrastructure as a Service” to``); one
    capitalised word only after a determiner (``an ATO” and``). Else None: where the term starts is a guess.
    ``tokens``: the words before the mark back to the clause's start (at most ``_TERM_REACH`` + 1).

    >>> t = 'Play the fun Thin Ice” game and the Download the Data” section or a pre-compromise” and more.'
    >>> [_shaped_term(t, list(_TOKEN.finditer(t, 0, p)), p) for p in (21, 53, 82)]
    [(13, 'titled-run'), (36, 'titled-run'), (68, 'compound')]
    >>> t = 'He met a mobile Web” user. Made in France” and more, then the jungle” because'
    >>> [_shaped_term(t, list(_TOKEN.finditer(t, 0, p)), p) for p in (19, 41, 68)]
    [None, None, None]
    >>> t = 'We will meet President Obama” he said.'
    >>> _shaped_term(t, list(_TOKEN.finditer(t, 0, 28)), 28) is None
    True
    """
    if not tokens or not _TERM_GOES_ON.match(text, pos + 1) or _attributes(text, pos + 1, min(len(text), pos + 120)):
        return None
    last = tokens[-1]
    if _COMPOUND.fullmatch(last.group()) and len(tokens) >= 2:
        return last.start(), "compound"
    joiners = rules()["title_joiners"]
    k, start = len(tokens) - 1, None
    while k >= 0:
        word = tokens[k].group()
        if _CAPITAL_WORD.fullmatch(word) and not _POSSESSIVE.search(word):
            start, k = k, k - 1
            continue
        if start is not None and word in joiners:
            j = k
            while j > k - 2 and j >= 0 and tokens[j].group() in joiners:
                j -= 1
            if j >= 0 and _CAPITAL_WORD.fullmatch(tokens[j].group()) and not _POSSESSIVE.search(tokens[j].group()):
                k = j
                continue
        break
    if start is None or k < 0:
        return None  # no run, or one that starts the clause (``A Chalk Talk” session``: its ``A`` quoted or not)
    before = tokens[k].group()
    single = start == len(tokens) - 1
    if _POSSESSIVE.search(before) or (_LOWER_WORD.fullmatch(before) and (not single or before in rules()["determiners"])):
        return tokens[start].start(), "titled-run"
    return None


def _after_quoted(text: str, pos: int, lo: int, comma: bool = False) -> bool:
    """Does a closing mark (with a comma before or after it when ``comma``) stand right before the word at ``pos``: the
    last term of a list of quoted ones (``“frivolous” and``, ``“new users,”``)? A list quotes its terms alike."""
    before = text[max(0, pos - 4):pos].rstrip(" ")  # (before ``lo``, the last mark read: the list's previous term)
    if before.endswith(","):
        before = before[:-1]
    elif comma and before[-2:-1] != ",":
        return False
    return before[-1:] in (CURLY_CLOSE, STRAIGHT) and (len(before) < 2 or not before[-2].isspace())


def _opens_own(para: Para) -> bool:
    """Does ``para`` open with a quotation of its own that it closes? Then it is not the far end of a quotation
    run on from paragraphs before, and a lone closing mark at its end is read in the paragraph."""
    first = para.marks[0] if para.marks else None
    return first is not None and first.role == "open" and first.quotation is not None and first.quotation.close is not None


def _attribution_sentence(text: str, close: Mark, end: int) -> bool:
    """Is ``text`` from the closing mark ``close`` to ``end`` one attribution and nothing else (``," he said.``,
    ``," said Ann Lee of Acme.``): the sentence that interrupts a quotation, not the writer's own?

    >>> t = '"Yes," said Ann Lee of Acme. Costs rose."'
    >>> _attribution_sentence(t, Mark(5, '"', "close"), 29), _attribution_sentence('"Yes," and then it fell. So."', Mark(5, '"', "close"), 25)
    (True, False)
    """
    pos = close.pos + len(close.char)
    distance = _attribution_distance(text, pos, end)
    return distance is not None and distance <= 8


_CLAUSE_END = re.compile(r",\s+(?=\S)")
_REPORTED = re.compile(r"\bthat\b")


def _reported(text: str, lo: int, hi: int) -> int:
    """Where reported speech starts in ``text[lo:hi]`` (``Kinnear charged that … us``), else ``hi``: a first
    person after ``that`` is the speaker's, told by the narrator, not the paragraph's own voice."""
    found = _REPORTED.search(text, lo, hi)
    return found.start() if found is not None else hi


def _resumed(text: str, lo: int, hi: int, boundaries: list) -> Optional[int]:
    """Where a quotation interrupted by its attribution resumes before a lone closing mark at ``hi``, when the
    resumed words speak in the first or second person: after the attribution's comma (``“Remember,” Fildes
    tells his team, it’s about …”``) or after its sentence (``," she said. I have not …"``); else None.

    >>> t = '"Yes," she added. But I have not seen it."'
    >>> t[_resumed(t, 7, len(t) - 1, [18]):]
    'But I have not seen it."'
    >>> t = '"Yes," said the official, an economist. So it would help our plans."'
    >>> t[_resumed(t, 7, len(t) - 1, [40]):]
    'So it would help our plans."'
    """
    if _attribution_distance(text, lo, hi) is None:
        return None
    sentence = boundaries[0] if boundaries else hi
    comma = _CLAUSE_END.search(text, lo, sentence)
    if comma is not None and boundaries and not _SPEECH.search(text, comma.end(), sentence):
        comma = None  # ``," said the official, an economist. So it would …"``: the comma's words describe the speaker
    start = comma.end() if comma is not None else (sentence if boundaries else None)
    if start is None or not _SPEECH.search(text, start, hi):
        return None
    return start


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _candidates(text: str, lo: int, hi: int) -> list[int]:
    """Offsets after a ``, . ? !`` inside ``text[lo:hi]`` where a closing mark could stand."""
    out = []
    for m in re.finditer(r"[,.?!]", text[lo:hi]):
        i = lo + m.start()
        after = text[i + 1] if i + 1 < len(text) else ""
        if i + 1 < hi and not after.isspace():
            continue
        if text[i] == ".":
            word = _LAST_WORD.search(text[max(lo, i - 30):i])  # (30 characters, as ``sentence_end``: linear in a long paragraph)
            if word and holds_stop(text, i, word.group(1).rstrip(".")) and not (i + 1 >= hi):
                continue
            if i > 0 and text[i - 1] == ".":
                continue
        out.append(i + 1)
    return out


def _attribution_distance(text: str, pos: int, hi: int) -> Optional[int]:
    """Words between ``pos`` and an attribution verb (`, he said`, `, said Ryan`, `, the statement
    read`) when what lies between looks like the speaker, not a clause of the quotation; else None."""
    r = rules()
    end = sentence_end(text, pos, hi)
    found = list(islice(_WORD.finditer(text, pos, end), 17))  # 16 are read; 17 tells "more than 2"
    words = [m.group() for m in found]
    tail = text[pos:end] if len(words) == 2 else ""
    words = words[:16]
    for k, word in enumerate(words):
        if word.lower() in r["verbs"] and (k == 0 or word[0].islower()):
            if text[found[k].end():found[k].end() + 1] == ":":
                return None  # ``…, said: “The number``: the verb introduces the next quotation
            speaker = [w.lower() for w in words[:k]]
            if not speaker:
                return 0
            if not (words[0][0].isupper() or speaker[0] in r["speaker_starts"] or (k == 1 and speaker[0] in r["subjects"])
                    or (k == 1 and _PLURAL_SPEAKER.fullmatch(words[0]) and speaker[0] not in r["clause_words"])
                    or (k >= 2 and words[1][0].isupper() and speaker[0] not in r["function_words"] and speaker[0] not in r["verbs"])
                    or (k >= 2 and _POSSESSOR.fullmatch(words[0]) is not None)):
                # (the last but one: a lower-case title before the speaker's name, wire style: ``, analyst Michael Ellmann
                # said``; the last: a possessive, which determines its noun as ``the`` does: ``, today's survey said``)
                return None
            if any(w in r["subjects"] for w in speaker[:-1]) or any(w in r["clause_words"] for w in speaker):
                return None
            return k
    if len(words) == 2 and words[0].lower() in r["pronouns"] and _VERB_FORM.fullmatch(words[1]) and tail.rstrip()[-1:] not in ",;:":
        return 1  # ``! he enthuses.``: a pronoun and one verb form that end the sentence attribute, whatever the verb
    return None


_VERB_FORM = re.compile(r"[a-z]{3,}(?:s|ed)")
#: a lower-case possessive (``today's``, ``company’s``) that starts a speaker as a determiner does
_POSSESSOR = re.compile(r"[a-z]{2,}['’]s")
#: a bare plural noun as the whole speaker (``, delegates said``, ``, analysts said``: wire copy's unnamed sources)
_PLURAL_SPEAKER = re.compile(r"[a-z]{3,}[^s\W]s")


_LAST_WORD = re.compile(r"(\S+)$")


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Offset of the first sentence-ending ``. ? !`` in ``text[pos:hi]`` (``Mr.`` and ``U.S.`` do not end one).

    The stops within 30 characters of ``pos`` are judged here (their word may start before ``pos``);
    later ones are looked up in the text's sentence ends, found once: a long run with no sentence end
    (a 1 MB line of ``U.S.`` and no full stop) was read to its end again for every quotation.

    >>> sentence_end("He met Mr. Li. Then", 0, 19), sentence_end("The U.S. team " * 9 + "won. Yes", 0, 200)
    (13, 129)
    """
    near = min(hi, pos + 30)
    for m in _SENTENCE_END.finditer(text, pos, near):
        if m.group() == ".":
            word = _LAST_WORD.search(text[max(pos, m.start() - 30):m.start()])
            if word and holds_stop(text, m.start(), word.group(1)):
                continue
        return m.start()
    if near >= hi:
        return hi
    ends = _sentence_ends(text)
    i = bisect.bisect_left(ends, near)
    return ends[i] if i < len(ends) and ends[i] < hi else hi


_ends_of: tuple = ("", [])  # the last text asked about and its sentence ends: documents come one at a time


def _sentence_ends(text: str) -> list:
    """Offsets of every sentence-ending ``. ? !`` in ``text`` (judged on the 30 characters before each)."""
    global _ends_of
    last = _ends_of
    if last[0] is text:
        return last[1]
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if m.group() == ".":
            word = _LAST_WORD.search(text[max(0, m.start() - 30):m.start()])
            if word and holds_stop(text, m.start(), word.group(1)):
                continue
        ends.append(m.start())
    _ends_of = (text, ends)
    return ends


_SINGLE_CLOSE = re.compile(r"(?<=[^\W\ds])['’](?=[\s),.;:!?])")
_SINGLE_OPEN = re.compile(r"['‘](?<=[\s(\[\"“—–-]['‘])(?=[^\W\d_])")


def _unpaired_single_close(text: str, lo: int, hi: int) -> bool:
    """Is there a single mark in ``text[lo:hi]`` shaped as a closing one (after a letter, before a space or a stop) that no
    single opening mark before it pairs with (``"pik') certificates``: the lost double closing mark typed single, maybe)?
    A single-quoted term inside the quotation (``as part of a 'brain-net', he said``) closes its own opening mark.

    >>> t = 'He said “pik’) certificates and a ‘brain-net’, he said.'
    >>> _unpaired_single_close(t, 9, 20), _unpaired_single_close(t, 20, len(t))
    (True, False)
    """
    opened = 0
    for m in _SINGLE_EDGE.finditer(text, lo, hi):
        if _SINGLE_OPEN.match(text, m.start()):
            opened += 1
        elif _SINGLE_CLOSE.match(text, m.start()):
            if not opened:
                return True
            opened -= 1
    return False


_SINGLE_EDGE = re.compile(r"['‘’]")


def _next_open(marks: list, pos: int) -> Optional[Mark]:
    """The first opening mark after ``pos`` in ``marks`` (sorted by position), found from ``pos`` on:
    a paragraph of thousands of unclosed quotations read all its marks for each one (4,000: 12 s).

    >>> marks = [Mark(0, '"', "open", "open"), Mark(5, '"', "close", "close"), Mark(9, '"', "open", "open")]
    >>> _next_open(marks, 0).pos, _next_open(marks, 9)
    (9, None)
    """
    for i in range(bisect.bisect_right(marks, pos, key=lambda m: m.pos), len(marks)):
        if marks[i].role == "open":
            return marks[i]
    return None


def _place_missing_close(text: str, para: Para, q: Quotation) -> None:
    """Decide where the lost closing mark of ``q`` belongs.

    A lower-case phrase quote closes at its first punctuation; a quotation followed by its
    attribution closes before the speaker (the candidate farthest from the verb whose gap still reads
    as the speaker); otherwise at the end of the paragraph; before a later opening mark, the last
    punctuation followed by lower case (a judgement).
    """
    lo = q.open.pos + len(q.open.char)
    later = _next_open(para.marks, q.open.pos)
    hi = later.pos if later else para.end
    cands = _candidates(text, lo, hi)
    if not cands or _PRIME_CLOSE.search(text, lo, hi):
        return  # (``“1″ is``: a double prime after a digit, as WordPress writes a closing mark there, closes it)
    first_letter = re.search(r"[^\W\d_]", text[lo:hi])
    scored = []
    for c in cands:
        if text[c - 1] == "." and not re.match(r"\s+[a-z]", text[c:c + 3]):
            continue  # after a full stop a capital starts a new sentence, not an attribution
        d = _attribution_distance(text, c, para.end)
        if d is not None:
            scored.append((d, c))
    end_candidate = cands[-1] if not later and not text[cands[-1]:hi].strip(" .…") else None
    if first_letter and first_letter.group().islower() and (resumed := _narration_resumes(text, lo, cands[0])):
        # ``described the damage as “devastating and said the government would help``: the writer's sentence
        # goes on after the quoted words; a short phrase closes there, a longer one may hold the verb: a tie
        q.missing_close, q.missing_rule = resumed, "phrase"
        q.missing_sure = len(text[lo:resumed].split()) <= 3
    elif first_letter and first_letter.group().islower():
        q.missing_close, q.missing_rule = cands[0], "phrase"
        # one place to close, or an attribution, or a short phrase ending its sentence (``“hiring.” Then``);
        # a short phrase at a comma (``“unexpected, especially …``) may as well run on: a tie
        q.missing_sure = (len(cands) == 1 or any(c == cands[0] for d, c in scored)
                          or (text[cands[0] - 1] in ".?!" and len(text[lo:cands[0]].split()) <= 8)
                          or (text[cands[0] - 1] == "," and _named_term(text, para.start, q.open.pos, lo, cands[0]))
                          or (text[cands[0] - 1] == "," and len(text[lo:cands[0]].split()) <= PHRASE_WORDS
                              and _writer_resumes(text, cands[0])))
    elif _titled(text[lo:cands[0] - 1]) and text[cands[0] - 1] in ",?!" and cands[0] < hi \
            and text[para.start:q.open.pos].rstrip()[-1:].isalpha():
        # ``in “The API Briefing, I will``: a title quoted in a sentence closes where the title case ends (a
        # quotation that starts a sentence, ``“At Ex-Im Bank, we take``, merely starts with capitals)
        q.missing_close, q.missing_rule, q.missing_sure = cands[0], "title", True
    elif scored:
        # the first attribution ends the quotation (a quotation never holds its own attribution: ``swaps, one bond manager
        # said. If more …, he added.`` closes at ``swaps,``, not before the nearer ``he added``); of the candidates that
        # reach its verb, the farthest one starts the speaker's name
        earliest = min(c for d, c in scored)
        scored = [(d, c) for d, c in scored if _same_verb(text, earliest, c)]
        distance, nearest = min(scored, key=lambda dc: (dc[0], -dc[1]))
        # a candidate farther from the verb than the nearest one starts the speaker only with a name (``growth, John
        # Williams, the president of the bank, said``, ``too, Kenneth Leung, a Smith Barney analyst said``); ``Now, this
        # sounds like … out, said Edward Atorino`` and ``(the U.S. budget deficit), the exchange rate and … industry,
        # Denman said`` hold the quotation's own comma
        best = min(c for d, c in scored if _same_verb(text, c, nearest) and (c == nearest or _NAME_AFTER.match(text, c)))
        q.missing_close, q.missing_rule = best, "attribution"
        q.missing_sure = True
    elif end_candidate is not None and (first := _embedded_sentence_end(text, para, q, lo, cands)) is not None:
        # ``a report on “12 Trends Shaping Digital News. Some of these trends``: a capitalised quotation set in the
        # writer's sentence after a word ends with that sentence, unless the sentences after it speak in the first
        # or second person (then it may run on: a judgement)
        q.missing_close, q.missing_rule = first, "sentence-end"
        q.missing_sure = not _SPEECH.search(text, first, para.end)
    elif end_candidate is not None:
        # to the end of the paragraph, unless its last sentence is the writer's, attributing
        # (``… it endangers lives. She said residents …``): then before that sentence
        last = None
        for last in _BOUNDARY.finditer(text, lo, end_candidate - 1):
            pass
        q.missing_close, q.missing_rule, q.missing_sure = end_candidate, "paragraph-end", True
        said = _attribution_distance(text, last.end(), end_candidate) if last is not None else None
        if said is not None and said <= 2 and not _SPEECH.search(text, last.end(), end_candidate):
            # (a last sentence in the first or second person is the speaker's: ``Initially, they’d said … we would``)
            q.missing_close, q.missing_rule = last.start() + 1, "attribution"
    elif later:
        # the last punctuation the writer's own lower-case words follow; words in the first or second person
        # after it are still the speaker's (``“Listing would be one option, but we are flexible … yet. “We
        # want``: a quotation that ran over two paragraphs, the break lost, closes before the next one opens)
        ends = cands[1:] + [hi]
        lower = [c for c, e in zip(cands, ends) if re.match(r"\s+[a-z]", text[c:hi]) and not _SPEECH.search(text, c, e)]
        q.missing_close, q.missing_rule = (lower or cands)[-1], "next-open"
    if q.missing_close is not None and _unpaired_single_close(text, lo, q.missing_close):
        q.missing_sure = False  # ``"pik') certificates``: a closing mark of the wrong kind may be the lost one


#: how many words a quoted phrase that closes at a comma before the writer's own words holds at most (``“recent views,”
#: which``); a longer one may hold the clause after the comma
PHRASE_WORDS = 3
_NEXT_LOWER_WORD = re.compile(r"[ \t]{1,3}([a-z]+)\b")


def _writer_resumes(text: str, pos: int) -> bool:
    """Does the writer's sentence take up again right after the comma that ends at ``pos``: one of ``[lone_close]
    resuming_words`` next (``users could only see “recent views, which are calculated``, ``“for months, and said``)?
    Then a short quoted phrase that lost its closing mark closes at the comma.

    >>> t = 'see “recent views, which are new. It came “some assembly required, and they left. A “fine, thank you'
    >>> [_writer_resumes(t, i + 1) for i in range(len(t)) if t[i] == ","]
    [True, True, False]
    """
    m = _NEXT_LOWER_WORD.match(text, pos)
    return m is not None and m.group(1) in rules()["resuming"]


_RESUMED = re.compile(r"(?<![ \t])[ \t]+(?:and|but)[ \t]+([a-z]+)\b")  # (only a run's first blank starts a match: linear)


def _narration_resumes(text: str, lo: int, hi: int) -> Optional[int]:
    """Where, between ``lo`` and ``hi`` (the first punctuation), the writer's sentence takes up again after
    a quoted phrase with ``and`` or ``but`` and a past verb of saying (``as “devastating and said the
    government``, ``“a relief but warned that``): the offset right after the quoted words, or None.

    >>> t = 'He called it “devastating and said the state would help.'
    >>> t[:_narration_resumes(t, t.index("“") + 1, len(t) - 1)]
    'He called it “devastating'
    >>> _narration_resumes('a “sit and read” day', 3, 19) is None
    True
    """
    verbs = rules()["verbs"]
    for m in _RESUMED.finditer(text, lo, hi):
        verb = m.group(1)
        if verb in verbs and (verb.endswith("ed") or verb in ("said", "told", "wrote")):
            return m.start()
    return None


def _named_term(text: str, start: int, open_at: int, lo: int, comma: int) -> bool:
    """Is the quotation opening at ``open_at`` a short term (three words at most before its first comma) that a word
    right before it names (``termed “protectionist,``, ``certificates, or “certs,``)? A named term ends at its comma;
    a longer phrase at a comma may as well run on.

    >>> t = 'He would veto any bill he termed "protectionist, and his aides'
    >>> _named_term(t, 0, t.index('"'), t.index('"') + 1, t.index(",") + 1)
    True
    """
    if len(text[lo:comma].split()) > 3:
        return False
    end = open_at - 1 if text[open_at - 1:open_at] == " " else open_at
    word = _WORD_BEFORE.search(text, max(start, open_at - 20), end)
    r = rules()
    return word is not None and (word.group().lower() in r["naming"] or word.group().lower() in r["term_alternatives"])


def _embedded_sentence_end(text: str, para: Para, q: Quotation, lo: int, cands: list) -> Optional[int]:
    """Where a capitalised quotation opened after a word, mid-sentence (``the adage that "You can't change …``),
    reaches the end of the writer's sentence, when that is not the paragraph's end; else None.

    >>> t = 'It cited a report on "12 Trends in News. Some of them show growth.'
    >>> p = build(t).paragraphs[0]
    >>> t[:_embedded_sentence_end(t, p, p.quotations[0], 22, _candidates(t, 22, len(t)))]
    'It cited a report on "12 Trends in News.'
    """
    before = text[para.start:q.open.pos].rstrip()
    if not before or not before[-1].isalnum() or not text[lo:lo + 1].isalnum() or text[lo].islower():
        return None
    stop = sentence_end(text, lo, para.end)
    if stop + 1 not in cands or not text[stop + 1:para.end].strip():
        return None
    return stop + 1


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_PRIME_CLOSE = re.compile(r"″(?<=\d″)")
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _titled(run: str) -> bool:
    """Is ``run`` a title: two words or more, every word of four letters or more capitalised?

    >>> _titled("Which Data Tool Should I Use?"), _titled("The API Briefing"), _titled("We tried it and failed")
    (True, True, False)
    >>> _titled("Anything we do")
    False
    """
    words = _TITLE_WORD.findall(run)
    long = [w for w in words if len(w) >= 4]
    if len(words) < 2 or not long or not all(w[0].isupper() for w in long):
        return False
    return len(long) >= 2 or all(w[0].isupper() for w in words)  # ``Anything we do``: one capital starts a sentence


def _same_verb(text: str, a: int, b: int) -> bool:
    """Do the tails after candidates ``a`` <= ``b`` reach the same attribution verb (no sentence end between)?"""
    return a <= b and sentence_end(text, a, b) == b
