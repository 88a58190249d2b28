"""Q family: quotation and sentence punctuation, built on the quotation model (``quote_model.py``).

Each check is a pure function ``(text, model) -> list[Edit]`` with a before/after in its docstring;
``run`` turns the edits into findings. The model tells every check which marks open and close a
quotation, which paragraphs run on into the next (correct, never flagged) and the article's own
quote style, so a repair follows the article and leaves right copy alone. The punctuation checks
(Q003, Q004, Q005, Q008, Q012) visit the sentence marks the model found and match their pattern there,
never scanning the text from its start. Word lists live in ``rules/quotes.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from typing import NamedTuple, Optional

from . import quote_model as qm
from .quote_model import CURLY_CLOSE, CURLY_OPEN, DOUBLE_MARKS, STRAIGHT, QuoteModel, SINGLE_MARKS, build, is_abbreviation, rules


class Edit(NamedTuple):
    """One proposed finding: ``text[start:end]`` → ``suggestion`` (None: report only), with its safety."""

    code: str
    message: str
    start: int
    end: int
    suggestion: Optional[str]
    fix: str = "safe"
    confidence: float = 0.9


def _close_before(model: QuoteModel, pos: int) -> bool:
    mark = _mark_at(model, pos)
    return mark is not None and mark.role in {"close", "extra"}


def _mark_at(model: QuoteModel, pos: int):
    para = model.paragraph_at(pos)
    if para is None:
        return None
    for m in para.marks:
        if m.pos == pos:
            return m
    return None


def closing_glyph(model: QuoteModel, opening) -> str:
    """The closing mark that matches a quotation's opening mark (straight for straight, curly for curly)."""
    if opening is None or len(opening.char) != 1:
        return model.expected("close")
    return STRAIGHT if opening.char == STRAIGHT else CURLY_CLOSE


class _Closing(NamedTuple):
    """A closed quotation as the placement rules see it: its closing mark, whether it quotes a sentence
    (a capital and four words or more, not a title) and whether it is a capitalised quotation followed
    by its attribution (``Yes," he said``)."""

    quotation: object
    pos: int  # the closing mark
    sentence: bool
    attributed: bool
    said: bool  # a whole sentence: ``sentence``, or a quotation holding a sentence end (``… monthly. I talk``)
    stands: bool = False  # opens with a capital as a sentence of its own (``_whole``): after a sentence end, a colon, ``said,``

    @property
    def speech(self) -> bool:
        """Quoted speech, whose comma goes inside in British and American copy alike; a quoted
        fragment (lower case: ``“has gotten worse”, Cockrell said``) is the writer's sentence."""
        return self.sentence or self.attributed


def _closings(model: QuoteModel) -> list[_Closing]:
    """The closed quotations of the document, read once for the comma and the full-stop rules."""
    if "closings" in model.memo:
        return model.memo["closings"]
    text = model.text
    out = model.memo["closings"] = []
    for q in model.quotations:
        if q.open is None or q.close is None or len(q.close.char) != 1:
            continue
        quoted = text[q.open.pos + len(q.open.char):q.close.pos].lstrip(DOUBLE_MARKS)  # ``""There``: past a doubled mark
        capital = quoted[:1] in _CAPITALS
        start = para.start if (para := model.paragraph_at(q.open.pos)) is not None else 0
        stands = _whole(text, q.open.pos, start)
        titled = capital and stands and _title_case(quoted)  # (read once, where one of the two asks)
        sentence = capital and len(quoted.split()) >= 4 and not titled and stands
        said = sentence or bool(_INNER_SENTENCE.search(quoted))
        end = para.end if (para := model.paragraph_at(q.close.pos)) is not None else len(text)
        comma = text[q.close.pos - 1] == "," or text[q.close.pos + 1:q.close.pos + 2] == ","  # only commas ask
        attributed = capital and comma and qm._attribution_distance(text, q.close.pos + 2, end) is not None
        out.append(_Closing(q, q.close.pos, sentence, attributed, said, stands and capital and not titled))
    return out


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # (``re.match(r"[A-Z]", quoted)``: the ASCII capitals)
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.?!] [A-Z]")
_INTRODUCED = re.compile(r"(?:[.?!:…—–-]|[.?!,][\"”’])$|(\w+),?$")


def _whole(text: str, pos: int, start: int) -> bool:
    """Does a quotation opening at ``pos`` stand as a sentence of its own: at the paragraph's start, after
    a sentence end or a colon, or after ``said,`` (or ``said`` with no comma, wire style)? Not one set in the
    writer's sentence (``described as “Mourinho in a skirt”.``, ``when “I was very small”, but``), whose stop
    British copy puts outside.

    >>> _whole('Kinnear said, "We offered', 14, 0), _whole('described as "Mourinho in a', 13, 0), _whole('"We', 0, 0)
    (True, False, True)
    >>> _whole('Huckaby said "You build', 13, 0)
    True
    """
    before = text[max(start, pos - 40):pos].rstrip()
    if not before:
        return pos - 40 < start
    m = _INTRODUCED.search(before)
    return m is not None and (m.group(1) is None or m.group(1).lower() in rules()["verbs"])


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_case(quoted: str) -> bool:
    """A title (``The Beale Street Blues Boy``), not a sentence: nearly every word of four letters or more capitalised.

    >>> _title_case("The Beale Street Blues Boy"), _title_case("Use of Mobile Broadband"), _title_case("We will win the next one")
    (True, True, False)
    """
    words = [w for w in _TITLE_WORD.findall(quoted) if len(w) >= 4]  # ``and``, ``of`` stay lower case
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _placement(model: QuoteModel, closings: list, mark: str, kind) -> dict:
    """How this article places ``mark`` (``,`` or ``.``) at its closing quotes: counts of inside
    (American) and outside (British) placements, apart for quotations of each ``kind`` (True/False)."""
    text = model.text
    counts = {("in", False): 0, ("in", True): 0, ("out", False): 0, ("out", True): 0}
    for c in closings:
        if text[c.pos - 1] == mark and text[c.pos - 3:c.pos] != "...":
            counts["in", kind(c)] += 1
        elif text[c.pos + 1:c.pos + 2] == mark and text[c.pos - 1].isalnum() and text[c.pos + 2:c.pos + 3] != ".":
            counts["out", kind(c)] += 1
    return counts


def _outside_elsewhere(model: QuoteModel, closings: list) -> int:
    """How many commas and full stops this article puts outside its closing quotes (counted once per
    document): one besides the site at hand is the publisher's own placement (British copy, or copy
    that mixes the two), and then no placement is repaired."""
    if "outside" not in model.memo:
        text = model.text
        model.memo["outside"] = sum(_outside(text, c, ",") or _outside(text, c, ".") for c in closings)
    return model.memo["outside"]


#: how many other quoted fragments must put their full stop inside before one put outside is moved in (safe)
FRAGMENT_HABIT = 3


def _fragments_outside(model: QuoteModel, closings: list) -> int:
    """How many quoted fragments (quotations that do not stand as sentences) have their comma or full stop outside the
    closing quote, counted once per document. Copy that does so twice or more is British, or mixes the two placements,
    and there a whole quoted sentence's stop outside is the publisher's own too: of the standing sentences'
    stops that ``period_outside_quote`` moved on 3,000 clean tune articles of ``bench/corpus_split.py``, 3 of 11 were in
    such copy (``… millions of dollars”. Webb`` in an article with eight), and none of the 59 it moved back on five seeds of
    generated damage (``bench/quote_damage.py``, tune seeds 21-25).

    >>> m = build('He called it “a shambles”, then “a farce”. She said: “We won”.')
    >>> _fragments_outside(m, _closings(m))
    2
    """
    if "fragments outside" not in model.memo:
        text = model.text
        model.memo["fragments outside"] = sum(1 for c in closings if not c.stands and (_outside(text, c, ".") or _outside(text, c, ",")))
    return model.memo["fragments outside"]


def _outside(text: str, c: _Closing, mark: str) -> bool:
    """Is ``mark`` right after this closing quote, after a word, and before a space or the end?"""
    return text[c.pos + 1:c.pos + 2] == mark and text[c.pos - 1].isalnum() and (c.pos + 2 >= len(text) or text[c.pos + 2].isspace())


def _standing(c: _Closing) -> bool:
    return c.stands


def _sentence_habit(model: QuoteModel, closings: list, mark: str) -> bool:
    """Does this article put ``mark`` inside the closing quote of its quotations that stand as sentences (the
    site itself counted outside): inside at least once and not outside more often, or nowhere outside but here?
    Copy that puts a mark outside elsewhere and never inside a standing quotation may be a house style's.

    >>> m = build('He said: "We will win". She said: "We lost". Then: "No."')
    >>> _sentence_habit(m, _closings(m), "."), _sentence_habit(build('He said: "We will win". She said: "We lost".'), None, ".")
    (True, False)
    """
    key = "standing " + mark
    if key not in model.memo:
        closings = closings if closings is not None else _closings(model)
        counts = _placement(model, closings, mark, _standing)
        inside, outside = counts["in", True], counts["out", True] - 1
        model.memo[key] = outside <= inside and (inside > 0 or _outside_elsewhere(model, closings) <= 1)
    return model.memo[key]


def _quoted_speech(c: _Closing) -> bool:
    return c.speech


def _quoted_sentence(c: _Closing) -> bool:
    return c.said


_LAST_CLAUSE = re.compile(r"[,;:.?!—–]\s+")


def _quoted_question(text: str, c: _Closing) -> bool:
    """Is the quotation a question of its own (``“Couldn’t you just store it”? This``): three words or more,
    not a title, its last clause starting with an interrogative or an auxiliary? Then a ``?`` after its
    closing mark belongs inside it; ``Did he say “no”?`` (the writer's question) keeps it outside.

    >>> q = 'asked, “Couldn’t you just store every page”? This'
    >>> _quoted_question(q, _Closing(None, q.index("”"), True, False, True))
    True
    """
    q = c.quotation
    start = q.open.pos + len(q.open.char) if q is not None else text.rfind("“", 0, c.pos) + 1
    quoted = text[start:c.pos]
    if len(quoted.split()) < 3 or _title_case(quoted) or qm._titled(quoted):
        return False  # ``“How Might We Win”?``: a title, asked about
    clause = _LAST_CLAUSE.split(quoted)[-1].split()  # ``…themselves, how can they govern the country``
    return len(clause) >= 2 and clause[0].replace("’", "'").lower().strip("\"“‘(") in rules()["questions"]


_SENTENCE_BREAK = re.compile(r"[.?!:;][\"”’)]*\s+|[—–]\s*")
_WRITER_WORDS = re.compile(r"[A-Za-z’']+")
#: how far back the writer's sentence around a quotation is read (a bounded look per closing mark)
_SENTENCE_REACH = 300
#: words that ask or exclaim wherever they stand in the writer's words (``But what, exactly, do we mean by “service”?``)
_ASKING = frozenset({"who", "what", "when", "where", "why", "how", "which", "whose", "whom"})
_LINKING = frozenset({"but", "and", "so", "or", "yet", "then"})


def _owns_end_mark(text: str, model: QuoteModel, c: _Closing, mark: str) -> bool:
    """Does the ``?`` or ``!`` (``mark``) right after the closing mark of ``c`` belong to the quotation, by the writer's
    words before it in its sentence? A ``?`` does when the quotation stands as a sentence of its own (it starts its
    sentence or follows an introduction, ``said,``, ``:``; ``“You can do that”? he asked``) and the writer's words
    before it ask nothing (``Did he say “we will stay”?`` is the writer's question). A ``!`` does unless the writer's words exclaim (``What a “success”!``, ``How “fair”!``): news
    copy does not exclaim around a quotation (of the 5,174 tune articles of ``bench/corpus_split.py``, none has a
    ``!`` right after a closing mark, and none of their 18 ``?`` there is moved by this rule). The writer's own question about a quotation keeps its mark (``Did he say “no”?``,
    ``But have we reached “peak vape”?``), and so does one in brackets (``(“cgi-bin”? Really?)``).

    >>> t = 'Did he say “we will stay”? “Can we stay”? He called it “a disaster”! What a “success”!'
    >>> m = build(t)
    >>> [_owns_end_mark(t, m, c, t[c.pos + 1]) for c in _closings(m)]
    [False, True, True, False]
    """
    q = c.quotation
    para = model.paragraph_at(q.open.pos)
    start = para.start if para is not None else 0
    if text[q.open.pos - 1:q.open.pos] == "(" or not text[c.pos + 2:c.pos + 3].isspace() and c.pos + 2 < len(text):
        return False  # (``(“cgi-bin”? Really?)``, ``“commercial”?)``: a mark before more punctuation is the writer's)
    if mark == "?" and not _whole(text, q.open.pos, start):
        return False
    lo = begin = max(start, q.open.pos - _SENTENCE_REACH)
    for m in _SENTENCE_BREAK.finditer(text, lo, q.open.pos):
        begin = m.end()
    words = [w.replace("’", "'").lower() for w in _WRITER_WORDS.findall(text, begin, q.open.pos)]
    while words and words[0] in _LINKING:
        words = words[1:]
    return not (words and words[0] in rules()["questions"]) and not any(w in _ASKING for w in words)


def _inside_by_habit(counts: dict, kind: bool) -> Optional[str]:
    """Should a mark outside the closing quote of a quotation of this ``kind`` go inside, by the
    article's own habit for that kind (``counts`` include the site itself)? ``safe``, ``unsafe`` or None.

    >>> _inside_by_habit({("in", True): 3, ("out", True): 1, ("in", False): 0, ("out", False): 0}, True)
    'safe'
    >>> _inside_by_habit({("in", True): 3, ("out", True): 2, ("in", False): 0, ("out", False): 0}, True) is None
    True
    """
    inside, outside = counts["in", kind], counts["out", kind] - 1
    if outside or not inside:
        return None
    return "safe" if inside >= 2 or kind else "unsafe"


# Every pattern here starts with the punctuation mark it is about and looks behind only after it: ``re``
# then jumps from mark to mark instead of trying a look-behind at every character of the text.
_KNOCKED = re.compile(r"\.(?<=\w\.) , ([\"“”])")


def punctuation_outside_quote(text: str, model: QuoteModel) -> list[Edit]:
    """Q001: the comma that belongs before a closing quote knocked outside it.

    ``every day. , "Said`` → ``every day," Said`` (Q002 lowers the verb); ``day", said`` → ``day," said``
    when the article puts the comma inside quotations of the same kind: quoted speech (a sentence, or
    a quotation before its attribution) takes it inside in British and American copy alike, so the
    article's other speech decides; a quoted fragment (``“bit rot”, where``) takes it inside only in
    American copy, so only the article's other fragments decide. ``"Why"? he asked`` → ``"Why?" he
    asked``: a question or exclamation mark before a lower-case word belongs to the quotation.
    """
    edits = []
    for m in _at_sites(_KNOCKED, text, model, "."):
        mark = m.start(1)
        if not _close_before(model, mark):
            continue
        after = text[mark + 1] if mark + 1 < len(text) else ""
        found = _mark_at(model, mark)
        partner = found.quotation.open if found is not None and found.quotation is not None else None
        glyph = closing_glyph(model, partner)
        suggestion = "," + glyph + ("" if (not after or after.isspace()) else " ")
        edits.append(Edit("Q001", "comma outside the closing quote (with a stray full stop)", m.start(), m.end(), suggestion, "safe", 0.95))
    closings = _closings(model)
    counts = _placement(model, closings, ",", _quoted_speech)
    for c in closings:
        glyph = text[c.pos]
        if text[c.pos + 1:c.pos + 2] in ("?", "!") and text[c.pos - 1].isalnum() and (
                re.match(r" [a-z]", text[c.pos + 2:c.pos + 4]) or (text[c.pos + 1] == "?" and _quoted_question(text, c))
                or _owns_end_mark(text, model, c, text[c.pos + 1])):
            p = text[c.pos + 1]
            edits.append(Edit("Q001", f"{p!r} of the quotation outside its closing quote", c.pos, c.pos + 2, p + glyph, "safe", 0.85))
            continue
        if not _outside(text, c, ",") or _outside_elsewhere(model, closings) > 1:
            continue
        fix = _inside_by_habit(counts, c.speech)
        if fix is None and c.sentence and c.attributed and counts["out", True] == 1:
            # a quoted sentence before its attribution: inside in British and American copy alike, once the article puts
            # a mark inside a closing quote anywhere; an article that puts none inside may be a press release's house
            # style (``with Ascom”, adds Olivier Bosc``, a clean body of the dev split): only suggested there
            fix = "safe" if counts["in", False] or any(text[o.pos - 1] in ",.?!" for o in closings) else "unsafe"
        if fix is None:
            continue
        edits.append(Edit("Q001", "comma outside the closing quote; this article puts it inside", c.pos, c.pos + 2, "," + glyph, fix, 0.8))
    return edits


def period_outside_quote(text: str, model: QuoteModel) -> list[Edit]:
    """Q001 (full stop): a full stop knocked outside the closing quote.

    ``said: "We will win the next one". He left.`` → ``said: "We will win the next one." He left.``
    when the article puts the stop inside quotations of the same kind and never outside: a quoted
    sentence (a capital and four words or more) by its other quoted sentences, a quoted fragment by
    its other fragments (``“great success”.`` in British copy stays). An article that puts a comma or stop
    outside a closing quote anywhere else keeps every placement: it is British copy, or mixes the two.
    """
    closings = _closings(model)
    counts = _placement(model, closings, ".", _quoted_sentence)
    commas = None
    edits = []
    for c in closings:
        if not _outside(text, c, "."):
            continue
        if c.stands:
            # a quotation that stands as a sentence of its own takes its stop inside in British and American copy
            # alike (1,911 of 1,920 whole quoted sentences of the tune articles, British ones too), unless the
            # article puts the stop of its other standing quotations outside more often than inside, or puts the
            # marks of two of its fragments outside (``_fragments_outside``)
            if _sentence_habit(model, closings, ".") and _fragments_outside(model, closings) < 2:
                edits.append(Edit("Q001", "full stop outside the closing quote of a quoted sentence", c.pos, c.pos + 2, "." + text[c.pos], "safe", 0.8))
            continue
        if _outside_elsewhere(model, closings) > 1:
            continue
        fix = _inside_by_habit(counts, c.said)
        if fix is None and c.said and counts["out", True] == 1:
            fix = "safe"  # a whole quoted sentence takes its stop inside in British and American copy alike
        if fix is None and not c.said:
            commas = commas or _placement(model, closings, ",", _quoted_speech)
            fix = _inside_by_habit({k: counts[k] + commas[k] for k in counts}, False)  # a fragment: its commas tell too
        if fix == "safe" and not c.said and counts["in", False] < FRAGMENT_HABIT:
            # a quoted fragment's stop goes where the article's other fragments put theirs, which two of them do not yet
            # tell: on ten fresh seeds of held-out articles (501-505, 601-605), moved inside on two fragments' say the
            # stop was right 11 times and moved the publisher's own stop 4 times; on three or more, 6 times and never
            fix = "unsafe"
        if fix is not None:
            edits.append(Edit("Q001", "full stop outside the closing quote", c.pos, c.pos + 2, "." + text[c.pos], fix, 0.8))
    return edits


def punctuation_outside_reopened_quote(text: str, model: QuoteModel) -> list[Edit]:
    """Q001 (a quotation that lost its opening mark): the ``,`` or ``.`` of a quoted sentence knocked outside its
    closing mark, where the model re-opens the quotation as a sentence of speech.

    ``he said: We will win". Then`` → ``he said: We will win." Then`` (Q006 adds the opening mark). A
    quotation the model re-opens surely (after an introduction, before its attribution, resumed after one)
    quotes a whole sentence, whose stop and comma go inside in British and American copy alike; an article
    that puts a mark outside a closing quote anywhere else keeps this one too. The placement does not
    depend on where the lost opening mark went, so the two repairs are made together.
    """
    closings = _closings(model)
    edits = []
    american = None
    for para in model.paragraphs:
        for lone in para.lone:
            m = lone.mark
            if len(m.char) != 1 or not text[m.pos - 1].isalnum() or lone.rule == "code":
                continue
            p = text[m.pos + 1:m.pos + 2]
            if p in ("?", "!") and re.match(r" [a-z]", text[m.pos + 2:m.pos + 4]):
                # ``from here"? a senior official said``: before a lower-case word the mark is the quotation's (as Q001 reads
                # a closed quotation's), wherever it opened and whatever the article's placement
                edits.append(Edit("Q001", f"{p!r} of the quotation outside its closing quote", m.pos, m.pos + 2, p + m.char, "safe", 0.85))
                continue
            if p not in (",", ".") or (m.pos + 2 < len(text) and not text[m.pos + 2].isspace()):
                continue
            if _outside_elsewhere(model, closings):
                continue  # the article's own placement (British copy, or copy that mixes the two)
            sentence = lone.open_at is not None and lone.sure and lone.rule not in qm.TERM_RULES  # a term is no sentence
            if not sentence:
                # where the quotation opened is unknown, so whether it quotes a sentence is too: only American copy
                # (a quoted fragment's mark inside, and none outside anywhere; or, with no fragment to tell, American
                # spelling: ``_spelled_american``) puts every kind's mark inside
                if american is None:
                    counts = _placement(model, closings, ",", _quoted_speech)
                    stops = _placement(model, closings, ".", _quoted_sentence)
                    american = counts["in", False] + stops["in", False] > 0 or _spelled_american(model)
                if not american:
                    continue
            what = "comma" if p == "," else "full stop"
            edits.append(Edit("Q001", f"{what} outside the closing quote of a quotation that lost its opening mark", m.pos, m.pos + 2,
                              p + m.char, "safe", 0.8))
    return edits


#: how many more American than British spellings (``[dialect]``) make copy whose quoted fragments say nothing American
SPELLING_MARGIN = 2


def _spelled_american(model: QuoteModel) -> bool:
    """Does the article's house style read American (``QuoteModel.dialect``) on its fragments' placement, or, where that
    ties, on two American spellings or more beyond its British ones (one word, ``defense``, is thin evidence)? A lone
    closing mark is no paired quotation, so it casts no placement vote itself. On tune seeds 501-505 of
    ``bench/quote_damage.py`` this moved 10 more of 222 stops back inside, and it changed none of 1,621 clean texts
    (``bench/quotes.py --clean-edits 1500``).

    >>> _spelled_american(build('The center organized the labor talks. It was done".')), _spelled_american(build('The defense rested".'))
    (True, False)
    """
    if model.dialect != "us":
        return False
    inside, outside = qm.placement_votes(model.text, model.quotations)
    if inside != outside:
        return True
    british, american = qm.spelling_votes(model.text)
    return american - british >= SPELLING_MARGIN


def _attribution_after(text: str, pos: int) -> bool:
    tail = re.split(r"(?<=[a-z])[.?!](?:\s|$)", text[pos:pos + 160])[0]
    words = re.findall(r"[\w’'-]+", tail)[:14]
    return any(w.lower() in rules()["verbs"] for w in words)


_WORD_AFTER_CLOSE = re.compile(r"( ?)([A-Z][a-z]*)\b(?: (\w+))?")


_SPEAKER_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _described(text: str, pos: int, words: int) -> bool:
    """Is the speaker after a capitalised determiner at ``pos`` a description, not a name: a lower-case word among the
    ``words`` - 1 words before the verb (``," A State Department spokesman said``, ``," The senior Nomura analyst
    said``)? An outlet's name keeps its capital (``," The New York Times reported``). (Of the 5,174 tune articles of
    ``bench/corpus_split.py``, none has a capitalised determiner after ``,"`` that starts an attribution.)

    >>> t = ' State Department spokesman said. New York Times reported'
    >>> _described(t, 0, 4), _described(t, 33, 4)
    (True, False)
    """
    return any(w[0].islower() for w in _SPEAKER_WORD.findall(text, pos, pos + 120)[:words - 1])


_NEXT_TOKEN = re.compile(r" ([a-z]|\d)")


def _continues(text: str, m: re.Match, word: str) -> bool:
    """Is the capitalised ``word`` after a quotation's comma (``m``: ``_WORD_AFTER_CLOSE`` at the closing mark) a word that
    goes on with the writer's sentence (``[attribution] continuations``: ``," With``, ``," Which``, ``," Can``), with a
    lower-case word after it, or a number after one of three letters or more that is no auxiliary (``," With 10
    million``; ``," May 5`` is a date, ``," No 10 Downing Street`` a name)? A name that is also such a word stands before
    its verb or its other names (``," May said``, ``," Will Smith said``, ``," The New York Times``), and ``I`` is no
    continuation.

    >>> after = lambda t: [(m.group(2), _continues(t, m, m.group(2))) for m in (_WORD_AFTER_CLOSE.match(t, i + 1)
    ...                    for i in range(1, len(t)) if t[i - 1:i + 1] == ',"')]
    >>> after('day," With 10 million. "Yes," May said. "No," Will Smith said. "Go," Which one. "So," May 5 was')
    [('With', True), ('May', False), ('Will', False), ('Which', True), ('May', False)]
    >>> after('robot," A chatbot is. "Go," No 10 said. "Yes," The New Yorker')
    [('A', True), ('No', False), ('The', False)]
    """
    if word.lower() not in rules()["continuations"] or (m.group(3) or "").lower() in rules()["verbs"]:
        return False
    nxt = _NEXT_TOKEN.match(text, m.end(2))
    return nxt is not None and (nxt.group(1).islower()
                                or (nxt.group(1).isdigit() and len(word) > 2 and word.lower() not in rules()["finite"]))


def capitalised_attribution_verb(text: str, model: QuoteModel) -> list[Edit]:
    """Q002: an attribution capitalised after a quotation that ends in ``,`` ``?`` or ``!``.

    ``," Said Bruce Bagley`` → ``," said Bruce Bagley``; ``," He said`` → ``," he said``; after a comma,
    a speaker that starts with an article or determiner: ``," The company said`` → ``," the company said``.
    A verb's word before a verb is the speaker's name (``," Read said``, ``," Hope added``).

    >>> t = '"A sad song," Read said. "Yes," Said Ann.'
    >>> [t[e.start:e.end + 3] for e in capitalised_attribution_verb(t, build(t))]
    ['Said']
    """
    edits = []
    verbs, pronouns, starts = rules()["verbs"], rules()["pronouns"], rules()["determiners"]
    for mark in model.marks:  # the closing marks the model read, not a scan of the text
        if mark.role not in ("close", "extra") or len(mark.char) != 1:
            continue
        before = text[max(0, mark.pos - 4):mark.pos].rstrip()
        if not before or before[-1] not in ",?!":
            continue
        m = _WORD_AFTER_CLOSE.match(text, mark.pos + 1)
        if m is None:
            continue
        word, nxt = m.group(2), (m.group(3) or "")
        is_verb = word.lower() in verbs and nxt.lower() not in verbs  # ``," Read said``: a name before its verb
        if not is_verb and before[-1] == "," and _continues(text, m, word):
            edits.append(Edit("Q002", f"the sentence goes on after the quotation's comma: {word!r} should be lower-case",
                              m.start(2), m.start(2) + 1, word[0].lower(), "safe", 0.9))
            continue
        speaker = word.lower() in starts and not is_verb
        if not (is_verb or speaker or (word.lower() in pronouns and nxt in verbs)):
            continue
        if speaker:
            para = model.paragraph_at(m.start(2))
            said = qm._attribution_distance(text, m.start(2), para.end if para is not None else len(text))
            if before[-1] != "," or said is None or (said > 3 and not _described(text, m.end(2), said)):
                continue  # ``," The company said``: the speaker of an attribution, not a new sentence
        if not is_verb and before[-1] in "?!" and not re.match(r"\s*(?:[.,;:]|$)", text[m.end():m.end() + 2]):
            continue  # ``harder?” She wondered why …``: after a question a new sentence may start with a pronoun
        what = "attribution verb" if is_verb else "speaker of the attribution" if speaker else "pronoun of the attribution"
        edits.append(Edit("Q002", f"{what} after a quotation should be lower-case: {word!r}", m.start(2), m.start(2) + 1, word[0].lower(), "safe", 0.95))
    return edits


_SHORT_PAIR = re.compile(r"(?i)[b-df-hj-np-tv-xz]{1,2};[^\W\d_]{1,2}")  # ``tl;dr`` (no vowel before: no word, ``it;so``)


def _at_sites(pattern: re.Pattern, text: str, model: Optional[QuoteModel], marks: str, near: str = ""):
    """The matches of ``pattern`` (which starts with one of ``marks``) at the model's sites of those marks,
    in text order and never overlapping: what ``pattern.finditer(text)`` finds, read from the marks the
    model found instead of a scan of the text (a scan when there is no model, as in a doctest). With
    ``near``, only sites with one of those characters in the two after them are tried (a run's second mark)."""
    if model is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for pos in model.sites(marks):
        if near and text[pos + 1:pos + 2] not in near and text[pos + 2:pos + 3] not in near:
            continue
        if pos >= end and (m := pattern.match(text, pos)) is not None:
            end = m.end()
            yield m


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _run_start(text: str, pos: int, extra: str) -> int:
    """Where the run of word characters (and ``extra`` ones) ending before ``pos`` starts."""
    while pos > 0 and (_is_word(text[pos - 1]) or text[pos - 1] in extra):
        pos -= 1
    return pos


_STRAY_STOP = re.compile(r"(?<![\w.’'-])([A-Z][\w’'&-]*)\. ([a-z][\w’'-]*)")


def _stray_stops(text: str, model: QuoteModel):
    """The ``Name. word`` matches of ``_STRAY_STOP``, read at the model's full stops followed by a space and a
    lower-case letter: the name starts where its run of word characters does (or after an ``&`` in it)."""
    for pos in model.sites("."):
        if text[pos + 1:pos + 2] != " " or not ("a" <= text[pos + 2:pos + 3] <= "z"):
            continue
        start = _run_start(text, pos, "’'&-")
        for at in [start] + [i + 1 for i in range(start, pos) if text[i] == "&"]:
            if (m := _STRAY_STOP.match(text, at)) is not None:
                yield m
                break


_BEFORE_NUMBER = re.compile(r"\. \d")  # ``pp. 5-21``, ``vol. 3``: a lower-case abbreviation before its number


def stray_full_stop(text: str, model: QuoteModel) -> list[Edit]:
    """Q003: a full stop after a name, before a lower-case continuation of the same sentence.

    ``Colonel Sean Ryan. in an email`` → ``Colonel Sean Ryan in an email``; ``Co. in`` and ``U.S. in``
    are abbreviations and stay.
    """
    edits = []
    starters, abbreviations = rules()["starters"], rules()["abbreviations"]
    stopped = bare = None
    for m in _stray_stops(text, model):
        word, nxt = m.group(1), m.group(2)
        if is_abbreviation(word) or len(word) < 2 or nxt in starters or not nxt[1:].islower() and any(ch.isupper() for ch in nxt):
            continue  # ``Windows Phone. iLink-systems helped``: a capital inside the word makes it a name (``eBay``)
        if word.isupper() and stopped is None:
            stopped, bare = _acronym_usage(text)  # read only when an all-caps word asks
        acronym = word.isupper() and bare[word] > 0 and word not in stopped  # the article writes it bare elsewhere: ``the SEC``
        if word.isupper() and not acronym and (word.title() in abbreviations or word.lower() in abbreviations or word in stopped):
            continue  # ``ST.`` ``NO.`` are abbreviations themselves; an acronym the article writes with a stop elsewhere
        if re.match(r"(?:https?|www)\b", nxt) or "." in nxt or re.match(r"\.\w", text[m.end():m.end() + 2]) \
                or nxt.title() in rules()["tlds"] or (len(nxt) <= 4 and _BEFORE_NUMBER.match(text, m.end())):
            # an address (``Techcrunch. com``: a domain split by a space), a dotted abbreviation (``Gross. n.d.``), a
            # lower-case abbreviation before its number starting the next reference (``The MIT Press. pp. 5-21``)
            continue
        previous = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40):m.start()])
        if previous is not None and word.isupper() and re.fullmatch(r"[A-Z]{1,3}\.", previous.group(1)):
            continue  # ``EE. UU. y``: a spaced dotted abbreviation (Spanish ``EE. UU.``, ``U. S.``)
        if previous is not None and re.match(r"[\d¼½¾⅓⅔⅛]", previous.group(1)) and not acronym and not previous.group(1).endswith("."):
            continue  # ``1 Tbsp. fresh ginger``: a unit after a number (``40 US. billionaires``: the article's own acronym)
        multiword = previous is not None and previous.group(1)[:1].isupper() and not previous.group(1).endswith(".")
        edits.append(Edit("Q003", "stray full stop before a lower-case continuation", m.end(1), m.end(1) + 1, "", "safe", 0.9 if multiword else 0.75))
    return edits


_CAPS = re.compile(r"([A-Z](?<![\w.][A-Z])[A-Z]+)(?!\w)(\. (?=[a-z]))?")  # a capital first, then the look-behind: ``re`` skips to capitals


def _acronym_usage(text: str) -> tuple:
    """The article's own usage of its all-caps words, counted in one pass: the set of those it writes with a stop
    before a lower-case word more than once and at least as often as bare (a ticker, an abbreviation), and how
    often it writes each bare (no stop before a lower-case word: ``the SEC will``, ``40 US billionaires``).

    >>> stopped, bare = _acronym_usage("The SEC said. The SEC. will file. CO. in CO. up")
    >>> sorted(stopped), bare["SEC"], bare["CO"]
    (['CO'], 1, 0)
    """
    stopped: Counter = Counter()
    bare: Counter = Counter()
    for m in _CAPS.finditer(text):
        (stopped if m.group(2) else bare)[m.group(1)] += 1
    return {w for w, n in stopped.items() if n > 1 and n >= bare[w]}, bare


def _capital(ch: str) -> bool:
    return "A" <= ch <= "Z"


def _dotted_pairs(text: str, pos: int) -> int:
    """How many ``X.`` pairs end with the full stop at ``pos`` (``U.S.`` : 2), 0 when a word character or a
    stop stands right before them (``xU.S``, ``.U.S``: no abbreviation of its own).

    >>> _dotted_pairs("the U.S.The", 7), _dotted_pairs("xU.S.The", 4)
    (2, 0)
    """
    start, pairs = pos - 1, 1
    while start >= 2 and text[start - 1] == "." and _capital(text[start - 2]):
        start, pairs = start - 2, pairs + 1
    if start > 0 and (_is_word(text[start - 1]) or text[start - 1] == "."):
        return 0
    return pairs


def dotted_abbreviation(text: str, model: QuoteModel) -> list[Edit]:
    """Q012: a dotted abbreviation that lost its last stop (``U.S officials``) or the space after it at a
    sentence end (``the U.S.The``).

    ``U.S officials`` → ``U.S. officials``; ``in the U.S.The plan`` → ``in the U.S. The plan``.
    """
    lost, glued = [], []
    for pos in model.sites("."):  # the stop after the last letter but one: ``U.S`` ``U.S.The``
        if pos == 0 or not _capital(text[pos - 1]) or not _capital(text[pos + 1:pos + 2] or "x"):
            continue
        after = text[pos + 2:pos + 4]
        if after[:1] == " " and "a" <= after[1:] <= "z" and _dotted_pairs(text, pos):
            lost.append(Edit("Q012", "dotted abbreviation without its last stop", pos + 1, pos + 2, text[pos + 1] + ".", "safe", 0.85))
        elif "a" <= after[:1] <= "z" and _dotted_pairs(text, pos) >= 2:
            glued.append(Edit("Q012", "no space after a dotted abbreviation", pos, pos + 1, ". ", "safe", 0.85))
    return lost + glued


def _address_before(text: str, pos: int) -> bool:
    """Does the token ending at ``pos`` look like an address or code (``search.usa.gov``, ``$ORIGIN``)?

    >>> _address_before("$ORIGIN search.usa.gov ;", 23), _address_before("the AOL government .", 18)
    (True, False)
    """
    lo = max(0, pos - 80)  # a token is short: never a search back through the whole text
    token = text[text.rfind(" ", lo, max(lo, pos - 1)) + 1:pos].rstrip(". ")
    return bool(re.search(r"[^\W\d_]\.[^\W\d_]{2}|[/@$=_]", token))


_SPACED = re.compile(r"(?<=[\w)%”\"’])( +)([,;?!]|\.(?!\.))(?=\s|$|[\"”’)])")
_SPACED_COLON = re.compile(r"(?<=[a-z]{2})( +):(?= [\"“”'‘A-Za-z])")


def _spaces_before(text: str, pos: int) -> int:
    """Where the run of spaces before ``pos`` starts (``pos`` itself when there is none)."""
    start = pos
    while start > 0 and text[start - 1] == " ":
        start -= 1
    return start


def space_before_punctuation(text: str, model: QuoteModel) -> list[Edit]:
    """Q004: a space before ``,`` ``;`` ``?`` ``!``, a sentence-final ``.``, or a colon in running text.

    ``the statement read .`` → ``the statement read.``; ``day ," she said`` → ``day," she said``.
    Ellipses (`` ...``), tickers (`` .DJI``), decimals (`` .45``) and list layouts (``VIP : 60,000``) stay.
    """
    edits, colons = [], []
    for pos in model.sites(",;?!.:"):  # the marks with a space before them: the pattern is matched from its spaces
        if pos == 0 or text[pos - 1] != " ":
            continue
        start = _spaces_before(text, pos)
        if text[pos] == ":":
            m = _SPACED_COLON.match(text, start)
            if m is not None:
                # ``he said : "We`` (a spaced colon in running text; ``VIP : 60,000`` lists have no lower-case word before)
                colons.append(Edit("Q004", "space before ':'", m.start(1), m.end(1), "", "safe", 0.85))
            continue
        m = _SPACED.match(text, start)
        if m is None or _address_before(text, m.start()):
            continue
        edits.append(Edit("Q004", f"space before {m.group(2)!r}", m.start(1), m.end(1), "", "safe", 0.9))
    return edits + colons


_DOUBLED = re.compile(r",(?<=[^\W\d_)\]\"”’],)(?: ?,)+|;(?<=\w;);+|\.(?<=[^\W\d_)\]\"”’]\.)\.(?=\s|$)")
_STOP_COMMA = re.compile(r"\.(?<=[\w)]\.) ,(?= )")


def doubled_punctuation(text: str, model: QuoteModel) -> list[Edit]:
    """Q005: doubled punctuation: ``,,`` ``..`` (not an ellipsis) ``;;`` and a full stop before a comma.

    ``shareholder. , Japanese`` → ``shareholder, Japanese``; ``breathing.. Amid`` → ``breathing. Amid``.
    ``!!`` and ``??`` are the writer's emphasis and stay.
    """
    edits = []
    for m in _at_sites(_DOUBLED, text, model, ",;.", ",;."):
        edits.append(Edit("Q005", f"doubled punctuation {m.group()!r}", m.start(), m.end(), m.group()[0], "safe", 0.9))
    for m in _at_sites(_STOP_COMMA, text, model, "."):
        if re.match(r"\s*[\"“”]", text[m.end():m.end() + 3]):
            continue  # ``day. , "Said``: Q001 repairs the whole site
        word = re.search(r"(\S+)$", text[max(0, m.start() - 30):m.start()])
        if word and is_abbreviation(word.group(1)):
            edits.append(Edit("Q005", "space before a comma after an abbreviation", m.start() + 1, m.end() - 1, "", "safe", 0.85))
        else:
            edits.append(Edit("Q005", "full stop before a comma", m.start(), m.end(), ",", "safe", 0.9))
    edits += punctuation_runs(text, model)
    return edits


#: ``[quotes] emphasis-runs``: ``keep`` a run of ``!``/``?`` as the writer's emphasis, or ``collapse`` it
EMPHASIS_RUNS = ("keep", "collapse")
# one mark repeated, ending a word (not ``!!x`` or ``a ?? b`` in code), never part of a mixed ``?!`` run
_EMPHASIS = re.compile(r"(?<=[^\s!?])(?:!{2,}|\?{2,})(?![!?])(?=[\s\"”’')\]]|$)")
# chess annotation after a move (``Nf3!!``, ``Qxh7??``, ``O-O!!``): notation, not emphasis
_CHESS_MOVE = re.compile(r"(?<![^\s.(])(?:[KQRBN][a-h]?[1-8]?x?[a-h][1-8]|[a-h](?:x[a-h])?[1-8](?:=[QRBN])?|O-O(?:-O)?)[+#]?$")


def _emphasis(text: str, model: Optional[QuoteModel]):
    """The ``_EMPHASIS`` runs, matched at the model's first ``!`` or ``?`` of each run (its look-behind first)."""
    if model is None:
        yield from _EMPHASIS.finditer(text)
        return
    end = 0
    for pos in model.sites("!?"):
        if pos >= end and pos > 0 and text[pos - 1] not in "!?" and (m := _EMPHASIS.match(text, pos)) is not None:
            end = m.end()
            yield m


def emphasis_runs(text: str, model: QuoteModel) -> list[Edit]:
    """Q005 with ``[quotes] emphasis-runs = "collapse"``: a run of one mark (``!!`` ``??`` ``!!!``)
    becomes that mark once. A mixed run (``?!``, ``?!!``), chess annotation and code stay.

    >>> [(e.start, e.end, e.suggestion) for e in emphasis_runs("Who came?? Nobody!!! Really?!", None)]
    [(8, 10, '?'), (17, 20, '!')]
    >>> emphasis_runs("After 23.Nf3!! and 24. e5?? Black resigned. Use a ?? b or !!flag.", None)
    []
    >>> [e.suggestion for e in emphasis_runs("Web3!! Cheers!!", None)]
    ['!', '!']
    """
    edits: list[Edit] = []
    if "!!" not in text and "??" not in text:
        return edits  # what every run holds: a fast test before the regex walks the text
    for m in _emphasis(text, model):
        lo = max(0, m.start() - 12)  # a move or a token is short: never a search back through the text
        if _CHESS_MOVE.search(text, lo, m.start()) or _address_before(text, m.start()):
            continue
        edits.append(Edit("Q005", f"emphasis run {m.group()!r} collapsed ([quotes] emphasis-runs)",
                          m.start(), m.end(), m.group()[0], "safe", 0.9))
    return edits


_RUN = re.compile(r"([,;:.])(?<=[^\W\d_][,;:.])( ?)([,;:.])(?=[\s\"”’)]|$)")  # \s: a CRLF or CR line end too


def punctuation_runs(text: str, model: Optional[QuoteModel] = None) -> list[Edit]:
    """Q005: two different sentence marks in a row (``,.`` ``.,`` ``;,`` ``, .`` ``. .``): the one the
    next word calls for stays (a lower-case word continues the sentence, a capital starts one).

    ``value,. and`` → ``value, and``; ``said., The`` → ``said. The``. ``Inc., and`` (an abbreviation's
    stop before a comma) and ellipses, spaced ``. . .`` ones too, stay.
    """
    edits = []
    names: dict = {}
    for m in _at_sites(_RUN, text, model, ",;:.", ",;:."):
        a, gap, b = m.groups()
        if a == b and not gap:
            continue  # ``,,`` and ``..``: the doubled-mark rule above
        if _address_before(text, m.start() + 1):
            continue  # ``service.gov. ;``: code, not prose
        if text[m.end():m.end() + 1] == "." or text[m.start() - 1:m.start()] == ".":
            continue  # part of an ellipsis
        if a == b == "." and text[m.end():m.end() + 2] == " .":
            continue  # a spaced ellipsis ``. . .`` (or ``. . . .`` ending a sentence): one stop a round would eat it
        word = re.search(r"([^\W\d_]*)$", text[max(0, m.start() - 30):m.start()]).group(1)
        if a == "." and b != "." and (is_abbreviation(word) or (word[:1].isupper() and len(word) <= 5
                                                                 and word not in _bare_words(text, model))):
            continue  # ``Inc., and`` ``D-Minn., in``: the stop belongs to an abbreviation (not ``Ohio., seeks`` in
            # an article that writes ``Ohio`` elsewhere with no stop: its own usage says it is a word)
        nxt = re.match(r"[\s\"”’)]*(\S)", text[m.end():m.end() + 6])
        lower = nxt is not None and nxt.group(1).islower()
        if "." in (a, b) and a != b:
            keep = b if a == "." else a
            if not lower and keep == "," and not _comma_before_name(text, m.start(), m.end(), names) \
                    and not _in_list(text, m.start(), m.end()) and not _opening_phrase(text, m.start()) \
                    and not _subordinate_opening(text, m.start()) \
                    and not _acronym_after(text, m.start(), m.end()) and not _postpositive_after(text, m.end()):
                keep = "."
        else:
            keep = a if a != "," else b  # ``;,`` ``:,``: the stronger mark; ``. .``: one stop
        if keep == "." and lower:
            continue  # no mark of the run fits: leave it to a reader
        edits.append(Edit("Q005", f"punctuation run {m.group()!r}", m.start(), m.end(), keep, "safe", 0.85))
    return edits


_ABBREVIATED_WORD = re.compile(r"[ \t]{1,3}([A-Z][A-Za-z]{0,5})\.")


def _postpositive_after(text: str, pos: int) -> bool:
    """Does an abbreviation that stands after what it shortens follow ``pos`` (a state, a company's designator, a name's
    suffix: ``[abbreviations] ends_sentence`` of ``rules/quotes.toml``)? Such a word starts no sentence, so a comma
    before it is the writer's (``Pontiac., Mich.,`` → ``Pontiac, Mich.,``; ``Smith., Jr.`` → ``Smith, Jr.``).

    >>> t = "in Pontiac., Mich., and Acme., Inc. said"
    >>> _postpositive_after(t, t.index(".,") + 2), _postpositive_after(t, t.index("Acme.,") + 6), _postpositive_after("it., Then", 4)
    (True, True, False)
    """
    word = _ABBREVIATED_WORD.match(text, pos)
    return word is not None and word.group(1) in rules()["ends_sentence"]


_BARE_SHORT = re.compile(r"\b[A-Z][a-z]{1,4}\b(?!\.)")


def _bare_words(text: str, model: Optional[QuoteModel]) -> frozenset:
    """The short capitalised words the article writes with no stop after them (``Ohio`` in ``Ohio and``),
    found in one pass per document, when a punctuation run first asks.

    >>> sorted(_bare_words("Ohio is big. In Ohio., it", None))
    ['In', 'Ohio']
    """
    return _memoised(model, "bare", lambda: frozenset(m.group() for m in _BARE_SHORT.finditer(text)))


def _memoised(model: Optional[QuoteModel], key: str, compute):
    """``compute()`` once per document (kept in the model's memo; computed each time with no model, as in a doctest)."""
    if model is None:
        return compute()
    if key not in model.memo:
        model.memo[key] = compute()
    return model.memo[key]


_NAME_INSIDE = re.compile(r"[A-Z](?<=[a-z,] [A-Z])[\w’'-]+")  # the capital first (see ``_CAPS``)
_SENTENCE_START = re.compile(r"(?:^|[.?!][\"”’)]?\s+|\n)(?=[^.?!\n]*$)")


def _comma_before_name(text: str, start: int, end: int, names: dict) -> bool:
    """Before a capital, is the comma of a run (``,.`` ``, .``) the mark to keep? When an attribution follows
    and ends the sentence (``results,. Watanabe said.``), or when the capital is a name the article writes mid-sentence elsewhere
    (its own usage) after a short opening phrase (``However,. Kay told``, ``Last month, . Japan's``).

    >>> _comma_before_name("It rose, . Watanabe said.", 7, 10, {})
    True
    >>> _comma_before_name("It rose. However,. Kay told us. We met Kay there.", 16, 18, {})
    True
    >>> _comma_before_name("It rose sharply,. Then it fell.", 15, 17, {})
    False
    """
    pos = end + (len(text[end:end + 2]) - len(text[end:end + 2].lstrip()))
    hi = min(len(text), pos + 200)
    said = qm._attribution_distance(text, pos, hi)
    if said is not None and said <= 2 and len(text[pos:qm.sentence_end(text, pos, hi)].split()) <= 3:
        return True  # the attribution ends the sentence: ``, Watanabe said.``, not ``. She said no cuts …``
    word = re.match(r"[A-Z][\w’'-]+", text[pos:pos + 40])
    if word is None:
        return False
    if "set" not in names:
        names["set"] = set(_NAME_INSIDE.findall(text))  # read once per document, when a run asks
    opening = _SENTENCE_START.search(text, max(0, start - 60), start)
    short = opening is not None and len(text[opening.end():start].split()) <= 3
    return short and word.group() in names["set"]


_LIST_ITEM = re.compile(r",\s+(?:[^\s,.;:?!]+\s+){0,3}[^\s,.;:?!]+$")
_LIST_END = re.compile(r"\s*(?:[^\s,.;:?!]+\s+){1,5}(?:and|or)\s")


def _in_list(text: str, start: int, end: int) -> bool:
    """Is the run at ``text[start:end]`` between two items of a list of short names (``France, Italy,. Britain and
    Canada``): a comma-separated item of at most four words before it and the list's ``and`` or ``or`` within six
    words after it? A list goes on past its commas, so its comma stays.

    >>> t = "They met France, Italy,. Britain and Canada. It rose sharply,. Then it fell and rose."
    >>> _in_list(t, 22, 24), _in_list(t, 60, 62)
    (True, False)
    """
    return bool(_LIST_ITEM.search(text, max(0, start - 60), start)) and bool(_LIST_END.match(text, end, min(len(text), end + 60)))


_OPENING = re.compile(r"(?:^|(?<=[.?!] )|(?<=\n))([A-Z][a-z]+)((?: [^\s.,;:?!\"“”]+){0,11})$")


def _opening_phrase(text: str, start: int) -> bool:
    """Does the sentence before the run at ``start`` consist of an opening phrase (``In an interview with Reuters,.``,
    ``For that reason,.``, ``Because 18F works in the open,.``): a preposition or a subordinating conjunction (rules/quotes.toml)
    and at most eleven more words, with no subject pronoun or auxiliary? Such a phrase ends with a comma (1,846 of 1,874
    such openings of up to eight words in ../shared/data/news_clean; most of the 28 stops there end abbreviations such as
    ``Dr.``). Up to seven more words, 23 of 91 such openings of nine to twelve words in the held-out articles of
    ``bench/corpus_split.py``, their comma damaged to ``.,`` or ``,.``, were restored; up to eleven, 64 of 91, while of 8
    whole sentences of that length and shape with a comma damaged in beside their stop 3 kept it where 6 did.

    >>> t = "In an interview with Reuters,. Lyng said. In 1984 it fell,. The"
    >>> _opening_phrase(t, 28), _opening_phrase(t, t.index(",. The"))
    (True, False)
    """
    found = _OPENING.search(text, max(0, start - 130), start)
    if found is None or found.group(1) not in rules()["openers"]:
        return False
    return not any(w.lower() in rules()["finite"] for w in found.group(2).split())


#: the longest subordinate clause opening a sentence that ``_subordinate_opening`` reads, in words
_CLAUSE_WORDS = 16


def _subordinate_opening(text: str, start: int) -> bool:
    """Does the sentence before the run at ``start`` consist of a subordinate clause, opened by a word that opens nothing
    else (rules/quotes.toml ``subordinators``: ``When asked if the U.S. would give more,.``, ``Asked whether regulators
    might object,.``), with no comma in it and at most ``_CLAUSE_WORDS`` words? Such a clause cannot end its sentence, so
    it ends with its comma, finite verbs and all. (Its sentence starts after the last stop that ends one, ``U.S.`` none.)

    >>> t = "It rose. When asked if the U.S. would give more,. Yeutter replied. If so,. Then"
    >>> _subordinate_opening(t, t.index(",. Y")), _subordinate_opening(t, t.index(",. T")), _subordinate_opening(t, 7)
    (True, True, False)
    """
    lo = max(0, start - 200)
    begin = text.rfind("\n", lo, start) + 1 or lo
    for b in qm._BOUNDARY.finditer(text, begin, start):
        word = re.search(r"(\S+)$", text[begin:b.start()])
        if word is None or not qm.holds_stop(text, b.start(), word.group(1).rstrip(".")):
            begin = b.end()
    if begin == lo and lo > 0 or "," in text[begin:start]:
        return False  # (no sentence start within reach, or a comma inside: not the clause's own comma)
    words = text[begin:start].split()
    return 2 <= len(words) <= _CLAUSE_WORDS and words[0].lstrip("\"“‘(") in rules()["subordinators"]


_CAPITAL_WORDS = re.compile(r"(?:[A-Z][\w’'-]*|of|the|and|for|on|in) ?")


def _acronym_after(text: str, start: int, end: int) -> bool:
    """Is the word after the run the acronym of the capitalised words before it, set off by commas (``the Association
    of Tin Producing Countries,. ATPC, has``)? An apposition inside the sentence: the comma stays.

    >>> t = "by the Commodity Futures Trading Commission,. CFTC, to raise"
    >>> _acronym_after(t, t.index(",."), t.index(",.") + 2)
    True
    """
    found = re.match(r"\s*([A-Z]{2,6})s?,", text[end:end + 12])
    if found is None:
        return False
    acronym = found.group(1)
    words = re.findall(r"[A-Za-z][\w’'-]*", text[max(0, start - 80):start])
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.endswith(acronym) and len(acronym) >= 2


def _runs(doubled: list) -> list:
    """``(first, first extra mark, how many)`` per run of extra marks after the same mark, so a run of
    20,000 marks is one edit, not 20,000 (its marks are all alike and adjacent).

    >>> from types import SimpleNamespace as M
    >>> head = M(pos=0, char='"')
    >>> runs = _runs([(head, M(pos=1, char='"')), (head, M(pos=2, char='"')), (M(), M(pos=9, char='"'))])
    >>> [(extra.pos, count) for _, extra, count in runs]
    [(1, 2), (9, 1)]
    """
    runs: list = []
    for first, extra in doubled:
        if runs and runs[-1][0] is first and runs[-1][1].pos + runs[-1][2] * len(extra.char) == extra.pos:
            runs[-1][2] += 1
        else:
            runs.append([first, extra, 1])
    return [tuple(run) for run in runs]


_WORD_CHAR = re.compile(r"[^\W_]")
#: a guessed quotation holds a word of two letters or more (``Ó”“”“”…``: a mark after one letter of noise quotes nothing)
_TWO_WORD_CHARS = re.compile(r"[^\W_]{2}")


def unbalanced_quotes(text: str, model: QuoteModel) -> list[Edit]:
    """Q006: a quotation whose closing mark was lost or doubled (run-on quotations are right and stay).

    ``"Hands! Let me see your hands! an officer ordered.`` → ``... your hands!" an officer ordered.``;
    ``inevitable.””`` → ``inevitable.”``
    """
    edits = []
    for para in model.paragraphs:
        for first, extra, count in _runs(para.doubled):
            which = "opening" if first.role == "open" else "closing"
            what = f"doubled {which} quotation mark" + (f" ({count} extra)" if count > 1 else "")
            edits.append(Edit("Q006", what, extra.pos, extra.pos + count * len(extra.char), "", "safe", 0.95))
        if para.unpaired:
            strays = {id(m) for m in para.stray_closes}  # (``m in para.stray_closes`` compared every pair: quadratic)
            first = next(m for m in para.marks if m.role == "open" and m.quotation.close is None or id(m) in strays)
            edits.append(Edit("Q006", f"{para.unpaired} quotation marks in this paragraph pair with nothing", first.pos,
                              first.pos + len(first.char), None, "none", 0.5))
            continue
        if para.reopen:
            first = para.marks[0]
            glyph = STRAIGHT if first.char == STRAIGHT else CURLY_OPEN
            edits.append(Edit("Q006", "opening quotation mark missing (run-on paragraph)", para.start, para.start + 1,
                              glyph + text[para.start], "unsafe", 0.6))
        searched = para.search is not None and not para.search.tied and para.search.cost[0] > 0
        if searched:
            edits.extend(_searched_edits(text, model, para.search))
        for lone in para.lone:
            m = lone.mark
            if searched and lone.rule == "after-word":
                continue
            if lone.rule == "after-word" and lone.ranked is not None and _TWO_WORD_CHARS.search(text, lone.ranked, m.pos):
                # a closing mark after a bare word, no evidence rule placing its lost opening mark: only the phrase
                # boundary's weight tells (``rank_open_site``), and on generated damage the likeliest site was the right
                # one about two times in five, so it is suggested (unsafe), never applied as a safe fix
                tie = "two repairs of one edit or more, equally small; " if para.search is not None and para.search.tied else ""
                glyph = STRAIGHT if m.char == STRAIGHT else CURLY_OPEN
                at = lone.ranked
                edits.append(Edit("Q006", f"opening quotation mark missing ({tie}the likeliest phrase boundary, a guess)", at,
                                  at + 1, glyph + text[at], "unsafe", 0.4))
            elif lone.rule in ("after-word", "run-on", "code"):
                tie = " (two repairs of one edit or more, equally small)" if para.search is not None and para.search.tied else ""
                edits.append(Edit("Q006", "closing quotation mark with no opening one" + tie, m.pos, m.pos + len(m.char), None, "none", 0.5))
            elif lone.open_at is None:
                edits.append(Edit("Q006", "stray closing quotation mark", m.pos, m.pos + len(m.char), "", "safe" if lone.sure else "unsafe", 0.8))
            elif not _WORD_CHAR.search(text, lone.open_at, m.pos):
                # ``“…“…“…”``: a quotation holds a word; one opened before nothing but marks and dots would quote nothing
                # (and with the doubled marks around it, each round of fix undid the last: not idempotent)
                edits.append(Edit("Q006", "closing quotation mark with no opening one", m.pos, m.pos + len(m.char), None, "none", 0.5))
            else:
                glyph = STRAIGHT if m.char == STRAIGHT else CURLY_OPEN
                at = lone.open_at
                edits.append(Edit("Q006", f"opening quotation mark missing ({lone.rule})", at, at + 1, glyph + text[at],
                                  "safe" if lone.sure else "unsafe", 0.8 if lone.sure else 0.5))
        for pos, inside in para.unclosed_singles:
            if inside is None and _opens_single(text, model, para, pos):
                edits.append(Edit("Q006", "quotation in single marks opened but never closed", pos, pos + 1, None, "none", 0.5))
        for q in para.quotations:
            if not q.unclosed:
                continue
            if q.missing_close is None and searched:
                continue
            if q.missing_close is None:
                edits.append(Edit("Q006", "quotation opened but never closed", q.open.pos, q.open.pos + 1, None, "none", 0.6))
                continue
            p = q.missing_close
            glyph = closing_glyph(model, q.open)
            sure = q.missing_sure
            edits.append(Edit(
                "Q006", f"closing quotation mark missing ({q.missing_rule})", p - 1, p, text[p - 1] + glyph,
                "safe" if sure else "unsafe", 0.9 if sure else 0.6,
            ))
    return edits


def _opens_single(text: str, model: QuoteModel, para, pos: int) -> bool:
    """Does the single mark at ``pos``, which the model left open at the top level of its paragraph, open a quotation
    that is never closed (``the party had ‘run out of ideas.`` ending its paragraph): a word follows it, and the next
    paragraph does not re-open a quotation in single marks (a quotation run on over paragraphs)?

    >>> t = "He said the party had 'run out of ideas.\\n\\nLabour denied it."
    >>> m = build(t); p = m.paragraphs[0]
    >>> [_opens_single(t, m, p, pos) for pos, _ in p.unclosed_singles]
    [True]
    >>> t = "He said: 'We ran out of ideas.\\n\\n'Then we left,' he said."
    >>> m = build(t); p = m.paragraphs[0]
    >>> [_opens_single(t, m, p, pos) for pos, _ in p.unclosed_singles]
    [False]
    """
    word = qm._NEXT_WORD.match(text, pos + 1, pos + 8)
    if not text[pos + 1:pos + 2].isascii() or not text[pos + 1:pos + 2].isalpha() \
            or (word is not None and word.group().lower() in qm._ELISIONS):
        return False  # (Korean copy glues its particles to a closing mark: ``‘리벤지’의``; ``‘Twas``, ``drag ‘n drop``: elisions)
    nxt = model.paragraphs[para.index + 1] if para.index + 1 < len(model.paragraphs) else None
    return nxt is None or text[nxt.start] not in "'‘’"


def _searched_edits(text: str, model: QuoteModel, found) -> list[Edit]:
    """The edits of the one fewest-edit reading of a paragraph the evidence rules left unbalanced (``quote_search``),
    as a suggestion applied only with ``--unsafe-fixes``: on fresh damage seeds the one cheapest reading was the
    right repair about one time in four (the search's places are where quotations open and close, not where this
    one did)."""
    fix = "unsafe"
    why = f"fewest edits: {found.cost[0]}, no other reading as small"
    out = []
    for e in found.edits:
        if e.kind == "open":
            out.append(Edit("Q006", f"opening quotation mark missing ({why})", e.pos, e.pos + 1, model.expected("open") + text[e.pos], fix, 0.6))
        elif e.kind == "close":
            out.append(Edit("Q006", f"closing quotation mark missing ({why})", e.pos - 1, e.pos, text[e.pos - 1] + model.expected("close"), fix, 0.6))
        else:
            out.append(Edit("Q006", f"stray quotation mark ({why})", e.pos, e.pos + 1, "", fix, 0.6))
    return out


def _is_straight(mark) -> bool:
    return mark.char == STRAIGHT


def _style_vote(other) -> Optional[str]:
    """What a consistent quotation says of the style: ``straight``, ``curly``, or None (open, or mixed)."""
    if other.open is None or other.close is None or len(other.open.char) != 1 or len(other.close.char) != 1:
        return None
    if _is_straight(other.open) != _is_straight(other.close):
        return None
    return "straight" if _is_straight(other.open) else "curly"


def _paragraph_votes(model: QuoteModel) -> list:
    """Each paragraph's style votes, counted once per document (``model.memo``): asked for every mark of
    a paragraph, a recount read all its quotations each time (a 1 MB line of marks: 26 s)."""
    votes = model.memo.get("style votes")
    if votes is None:
        votes = model.memo["style votes"] = [
            Counter(v for v in map(_style_vote, para.quotations) if v is not None) for para in model.paragraphs]
    return votes


def _local_style(model: QuoteModel, q) -> Optional[str]:
    """The style of the consistent quotations nearest to ``q`` (same paragraph first, then ±3)."""
    counted = _paragraph_votes(model)
    own = _style_vote(q)  # (a quotation of its paragraph, counted there; a probe with no marks has no vote)
    for radius in (0, 1, 3):
        votes = Counter()
        for counts in counted[max(0, q.paragraph - radius):q.paragraph + radius + 1]:
            votes.update(counts)
        if own is not None:
            votes[own] -= 1  # ``q`` itself does not vote
            votes = +votes
        if votes:
            (style, n), *rest = votes.most_common()
            if not rest or rest[0][1] < n:
                return style
    return None


def _quotes_in_double(text: str, model: QuoteModel) -> bool:
    """Does the article quote in double marks: a quotation paired in double marks, and at least half as
    many as it quotes in single ones (as Q010 counts them)?

    >>> _quotes_in_double('"Yes," he said. "No," she said.', build('"Yes," he said. "No," she said.'))
    True
    """
    doubles = sum(1 for q in model.quotations if q.open is not None and q.close is not None
                  and q.open.char not in SINGLE_MARKS and q.close.char not in SINGLE_MARKS)
    singles = sum(1 for para in model.paragraphs for pair in para.singles
                  if pair.inside is None and _speech(text, pair.open + 1, pair.close))
    return doubles >= 1 and 2 * doubles >= singles


def mixed_quote_marks(text: str, model: QuoteModel) -> list[Edit]:
    """Q007: one mark of a quotation in the other style (curly/straight), or a curly mark turned the wrong way.

    In curly copy ``"Hey, Siri” and`` → ``“Hey, Siri” and``; ``“no.“ That’s`` → ``“no.” That’s``.
    In straight copy ``“end of an era,"`` → ``"end of an era,"``. A quotation whose two marks agree is
    the publisher's choice and stays; the fix follows the style of the quotations around it.
    """
    strong = model.strong
    edits = []
    verdict: list = []

    def quotes_in_double() -> bool:
        # a quotation with one single and one double mark reads both ways (``‘no.”``: the double mark typed
        # for a single one, or the reverse), one edit each; an article that quotes in double marks decides it
        if not verdict:
            verdict.append(_quotes_in_double(text, model))
        return verdict[0]

    def emit(mark, want, sure, why):
        role = "opening" if mark.role == "open" else "closing"
        edits.append(Edit("Q007", f"{role} quotation mark {why}", mark.pos, mark.pos + 1, want,
                          "safe" if sure else "unsafe", 0.85 if sure else 0.5))

    for q in (q for para in model.paragraphs if not para.unpaired for q in para.quotations):  # noise has no roles
        marks = [m for m in (q.open, q.close) if m is not None and len(m.char) == 1]
        if q.open is not None and q.close is not None and len(marks) == 2:
            o, c = marks
            if c.char in SINGLE_MARKS:  # ``“homes, not excuses.’``: the closing mark typed single
                emit(c, STRAIGHT if _is_straight(o) else CURLY_CLOSE, quotes_in_double(), "typed as a single mark")
                continue
            if o.char in SINGLE_MARKS:  # ``‘homes, not excuses.”``: the opening mark typed single
                emit(o, STRAIGHT if _is_straight(c) else CURLY_OPEN, quotes_in_double(), "typed as a single mark")
                continue
            if _is_straight(o) == _is_straight(c):
                if o.char == CURLY_CLOSE:
                    emit(o, CURLY_OPEN, o.context == "open", "turned the wrong way")
                if c.char == CURLY_OPEN:
                    emit(c, CURLY_CLOSE, c.context == "close", "turned the wrong way")
                continue
            curly = c if _is_straight(o) else o
            turned = (curly is o and o.char == CURLY_CLOSE) or (curly is c and c.char == CURLY_OPEN)
            if turned:
                # a curly mark of the wrong direction beside a straight partner: the curly one is the damage
                emit(curly, STRAIGHT, curly.context == curly.role, "in the other quote style")
                continue
            style = model.style if strong else (_local_style(model, q) or model.style)
            wrong = o if _is_straight(o) != (style == "straight") else c
            want = STRAIGHT if style == "straight" else (CURLY_OPEN if wrong.role == "open" else CURLY_CLOSE)
            sure = strong and (style == "straight" or wrong.context in (wrong.role, "either"))
            emit(wrong, want, sure, "in the other quote style")
        else:
            for mark in marks:
                if mark.role not in ("open", "close"):
                    continue
                want = model.expected(mark.role)
                if mark.char == want:
                    continue
                wrong_way = mark.char != STRAIGHT and want != STRAIGHT
                if wrong_way:
                    emit(mark, want, mark.context == mark.role, "turned the wrong way")
                elif strong:
                    emit(mark, want, False, "in the other quote style")
    return edits




_MISSING_SPACE = re.compile(r"(?<![\w.@/:’'-])([A-Za-z][a-z’'-]*[a-z]|\d{2,})\.([A-Z][a-z’']*)(?=[\s,;:!?\"”’)]|$)")


_SPACE_OR_END = re.compile(r"\s|$")
#: a mark glued to the next word after a word, or after a number before a word (``in 2015,the``, ``at 10:30,and``; not
#: ``1,500`` or ``3:1``)
_GLUED = re.compile(r"([,;:])(?<=[^\W\d_]{2}[,;:])(?=[^\W_])|([,;:])(?<=\d[,;:])(?=[^\W\d_]{2})")


def _glued_stops(text: str, model: QuoteModel):
    """The ``word.Word`` matches of ``_MISSING_SPACE``, read at the model's full stops with a capital after
    them: the pattern is matched from the start of the word before the stop."""
    for pos in model.sites("."):
        if pos == 0 or not _capital(text[pos + 1:pos + 2] or "x") or not (text[pos - 1].islower() or text[pos - 1].isdigit()):
            continue
        m = _MISSING_SPACE.match(text, _run_start(text, pos, "’'-"))
        if m is not None and m.end(1) == pos:
            yield m
_GLUED_BEFORE = re.compile(r"[,;:][^\W\d_]+$")  # the word before a glued mark follows a glued mark itself: a list (not a number: ``40,679,against``)
_GLUED_MARK = re.compile(r"([?!])(?<=[a-z]{2}[?!])(?=[A-Z][a-z’']+\b)")


_ELIDED = re.compile(r"(?:s|t|d|ll|re|ve|m)\b")  # ``Office"s``: an apostrophe typed as a double mark, not a glued closing one


#: how far a glued stop or comma looks for the ends of its token: a run of 25,000 glued ``amp;`` copied
#: the whole 100,000-character token at every one (20 s)
TOKEN_REACH = 1000


def _token_start(text: str, start: int) -> int:
    """Where the space-delimited token holding ``text[start]`` begins, looking back at most
    ``TOKEN_REACH`` characters (a token longer than that is an address or code, which the callers
    test for by what it contains near the stop; they look as far ahead at most).

    >>> _token_start("see www.example.com,now", 19), _token_start("x" * 5000 + ";y", 5000)
    (4, 4000)
    """
    low = max(0, start - TOKEN_REACH)
    begin = text.rfind(" ", low, start)
    return low if begin < 0 else begin + 1


def _ends_words(text: str, pos: int) -> bool:
    """Does the mark at ``pos`` stand right after a word, or after a word and its ``,`` ``?`` ``!`` (``significant,"but``):
    where a closing mark stands, so a word glued after it lost a space?

    >>> [_ends_words(t, 3) for t in ('so,"but', 'sod"but', ' ,"but', 'so:"but')]
    [True, True, False, False]
    """
    before = text[pos - 1:pos]
    return before.isalnum() or (before in (",", "?", "!") and text[pos - 2:pos - 1].isalnum())


_GLUED_PAIR = re.compile(r"(?<![^\W_])([A-Z][^\W_]{0,30})([.,;:])(?=([^\W_]{1,30})(?![^\W_]))")


def glued_names(text: str, model: Optional[QuoteModel] = None) -> Counter:
    """How often the article writes each capitalised word glued to the next by ``. , ; :`` (``Dry:Soon``).

    A slip that lost a space does not repeat itself letter for letter; a brand written with its own mark
    does (``One.Tel``, ``Dry:Soon``, ``SM:tv`` as the article spells them each time), so a pair the article
    writes twice is its own spelling, as S treats a word the article writes twice the same way.

    >>> glued_names("The Dry:Soon airer. I found the Dry:Soon took hours, he said.The end")[("Dry", ":", "Soon")]
    2
    """
    return _memoised(model, "glued names", lambda: Counter(m.groups() for m in _GLUED_PAIR.finditer(text)))


def _own_glued_name(text: str, model: Optional[QuoteModel], mark: int) -> bool:
    """Is the mark at ``mark`` inside a capitalised pair the article writes twice (:func:`glued_names`)?

    >>> t = "Shops sell One.Tel phones. One.Tel said.The"
    >>> _own_glued_name(t, None, 14), _own_glued_name(t, None, t.rindex("."))
    (True, False)
    """
    left = _GLUED_PAIR.match(text, _word_start(text, mark))
    return left is not None and left.end() == mark + 1 and glued_names(text, model)[left.groups()] >= 2


def _word_start(text: str, pos: int) -> int:
    """Where the run of letters and digits that ends at ``pos`` begins (at most 31 back).

    >>> _word_start("say One.Tel", 7)
    4
    """
    start = pos
    while start > max(0, pos - 31) and (text[start - 1].isalnum()):
        start -= 1
    return start


def missing_space_after_stop(text: str, model: QuoteModel) -> list[Edit]:
    """Q008: no space after a sentence-final full stop.

    ``the release said.The company`` → ``the release said. The company``. Addresses (``example.com``,
    ``Node.js``) and dotted abbreviations are left alone.
    """
    edits = []
    tlds = rules()["tlds"]
    for m in _glued_stops(text, model):
        token_start = _token_start(text, m.start())
        token_end = _SPACE_OR_END.search(text, m.end(), m.end() + TOKEN_REACH).start()  # no copy of the rest of the text
        token = text[token_start:token_end]
        if any(s in token for s in ("/", "@", "www", "http", "=")) or m.group(2) in tlds:
            continue
        if len(m.group(2)) == 1 and m.group(2) not in {"I", "A"}:
            continue
        if m.group(1)[0].isupper() and (is_abbreviation(m.group(1)) or m.group(2) in ("Net", "Com", "Js")):
            continue  # ``St.Louis``
        dot = m.end(1)
        if _own_glued_name(text, model, dot):
            continue  # ``One.Tel`` twice: the brand's own spelling
        edits.append(Edit("Q008", "missing space after a full stop", dot, dot + 1, ". ", "safe", 0.9))
    for m in _at_sites(_GLUED, text, model, ",;:"):
        mark = m.group(1) or m.group(2)
        start = _token_start(text, m.start())
        token = text[start:m.end() + 20].split(" ")[0]
        if any(s in token for s in ("/", "@", "www", "http", "=", "_", "&")) or re.match(r"[^\W_]+[,;:]\S", text[m.end():m.end() + 40]) \
                or _GLUED_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            continue  # addresses, code, lists such as ``a,b,c`` (its last mark too: spaced, the one before it was next, a
            # round each: ``aa,aa,…,aa, `` took the rounds past the last, bench/fuzz.py chain-text seed 20261207)
        if text[m.start() - 1].isupper() and text[m.end()].isupper() or _SHORT_PAIR.fullmatch(token.rstrip(".,:!?")):
            continue  # ``TL;DR``, ``tl;dr``: one abbreviation
        if mark != "," and text[m.end()].isdigit():
            continue  # a reference or a ratio: ``2020 Jun;39(3):619``, ``Matthew 5:3``
        if _own_glued_name(text, model, m.start()):
            continue  # ``Dry:Soon`` twice: the brand's own spelling
        edits.append(Edit("Q008", f"missing space after {mark!r}", m.start(), m.end(), mark + " ", "safe", 0.85))
    for para in model.paragraphs:
        # a lone closing mark whose opening mark was lost, or that can only close (``heavier”as``: curly, or the
        # paragraph's last mark): spaced from the next word wherever its opening mark went
        reopened = {id(lone.mark) for lone in para.lone if lone.open_at is not None
                    or (lone.rule == "after-word" and _ends_words(text, lone.mark.pos) and not _ELIDED.match(text, lone.mark.pos + 1)
                        and (lone.mark.char == CURLY_CLOSE or lone.mark is para.marks[-1]))}
        opening = {id(lone.mark) for lone in para.lone if lone.rule == "after-word" and text[lone.mark.pos - 1:lone.mark.pos].isalpha()
                   and qm.glued_opening(text, lone.mark.pos)}
        for mark in para.marks:
            end = mark.pos + len(mark.char)
            if id(mark) in opening:
                # ``saying"only one-third …``: a straight mark glued to a word that goes on into a phrase opens the quotation
                # (whose closing mark the next round places); the space before it was lost
                edits.append(Edit("Q008", "missing space after a word before a quotation", mark.pos, end, " " + mark.char, "safe", 0.85))
                continue
            if mark.role == "close" and end < para.end and text[end].isalpha() and (mark.quotation is not None or id(mark) in reopened) \
                    and not (text[mark.pos - 1].isalpha() and _ELIDED.match(text, end)):  # ``isn"t``: an apostrophe typed as a double mark
                edits.append(Edit("Q008", "missing space after a closing quote", mark.pos, end, mark.char + " ", "safe", 0.85))
            elif mark.role == "open" and mark.pos > para.start and mark.quotation is not None and mark.quotation.close is not None \
                    and (text[mark.pos - 1] in ",:.?!" or text[mark.pos - 1].isalpha()):
                # ``said,"The`` ``said"It`` ``it is"outdated"``: an opening mark glued to the sentence or the word before it
                what = f"after {text[mark.pos - 1]!r}" if not text[mark.pos - 1].isalpha() else (
                    "after the verb that introduces it" if qm._verb_before(text, mark.pos, para.start) else "after a word")
                edits.append(Edit("Q008", f"missing space {what} before a quotation", mark.pos, end, " " + mark.char, "safe", 0.85))
    for m in _at_sites(_GLUED_MARK, text, model, "?!"):
        token_start = text.rfind(" ", 0, m.start()) + 1
        token = text[token_start:m.end() + 20].split(" ")[0]
        if any(s in token for s in ("/", "@", "www", "http", "=")):
            continue
        edits.append(Edit("Q008", f"missing space after {m.group(1)!r}", m.start(), m.end(), m.group(1) + " ", "safe", 0.85))
    for m in _GLUED_YEAR.finditer(text) if _HAS_GLUED_YEAR.search(text) else ():
        edits.append(Edit("Q008", "missing space after a year", m.start(), m.end(), m.group() + " ", "safe", 0.85))
    return edits


#: a year glued to the capitalised word after it: an embedded post's sign-off date (``— Jane Doe (@jdoe)
#: December 31, 2017``) run into the next sentence when a dump lost its line breaks (``2017Trump said``);
#: a date's year (after ``31, ``) never runs into a capitalised word in edited copy
_GLUED_YEAR = re.compile(r"(?<=\d, )(?:1[6-9]|20)\d\d(?=[A-Z][a-z]{1,30}\b)")
_HAS_GLUED_YEAR = re.compile(r"\d\d[A-Z][a-z]")


def _style_near(model: QuoteModel, pos: int) -> tuple[str, str]:
    """Opening and closing marks to use at ``pos``: the article's style, or in copy that mixes styles,
    the style of the nearest consistent quotations."""
    if not model.strong:
        para = model.paragraph_at(pos)
        probe = qm.Quotation(None, None, para.index if para is not None else 0)
        style = _local_style(model, probe)
        if style == "straight":
            return STRAIGHT, STRAIGHT
        if style == "curly":
            return CURLY_OPEN, CURLY_CLOSE
    return model.expected("open"), model.expected("close")


# the next quotation mark (or line end) after a position
_NEXT_DOUBLE_MARK = re.compile('[\n"“”„«»‹›]')


def _opens_a_quotation(text: str, pos: int) -> bool:
    """Is the ``“`` at ``pos`` an English opening mark, closed by the next mark on its line (a ``”``)?

    >>> _opens_a_quotation("„a„b“c” and", 4), _opens_a_quotation("„a“ und “b”", 2)
    (True, False)
    """
    after = _NEXT_DOUBLE_MARK.search(text, pos + 1)
    return after is not None and after.group() == CURLY_CLOSE


def _shaped_as(text: str, pos: int, role: str) -> bool:
    """Is the mark at ``pos`` shaped as a closing mark (a word or a stop before it, a space or the end after it) or as
    an opening one (a space or the start before it, a word after it)? A mark glued on both sides, or spaced on both
    (French spacing), is shaped as neither.

    >>> t = "»a« and »b«"
    >>> _shaped_as(t, 2, "close"), _shaped_as(t, 8, "open"), _shaped_as("« a »", 0, "close"), _shaped_as("said«we", 4, "close")
    (True, True, False, False)
    """
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if role == "close":
        return (before.isalnum() or before in ".,;:?!…") and after.isspace()
    return before.isspace() and after.isalnum()


def foreign_quote_marks(text: str, model: QuoteModel) -> list[Edit]:
    """Q009: a quotation in foreign marks (« », „ “, ‹ ›, 「 」) in English copy, converted to the article's style.

    ``he said «we will stay»`` → ``he said “we will stay”`` (or straight marks in straight copy).
    A lone ``»`` (a "more" arrow) has no partner and stays. A ``“`` that opens an English quotation
    (closed by the next mark, a ``”``) closes no ``„``: else each ``„ “`` turned into ``“ ”`` gave the
    ``„`` before it a closing mark, and a run of them took a fix round each
    (``„a„b„c“`` → ``„a„b“c”`` → ``„a“b”c”`` …, past the last round).
    """
    edits = []
    taken: set[int] = set()
    for open_mark, close_mark, name in rules()["foreign"]:
        pattern = re.compile(re.escape(open_mark) + r"([ \u00a0\u202f]?)([^\n«»„“”‹›「」『』]+?)([ \u00a0\u202f]?)" + re.escape(close_mark))
        for m in _at_sites(pattern, text, model, open_mark):
            if m.start() in taken or m.end() - 1 in taken or not m.group(2).strip():
                continue
            if _shaped_as(text, m.start(), "close") or _shaped_as(text, m.end() - 1, "open"):
                continue  # ``»a« and »b«``: the ``« and »`` between two quotations closes one and opens the next
            if close_mark == CURLY_OPEN and _opens_a_quotation(text, m.end() - 1):
                continue
            taken.update({m.start(), m.end() - 1})
            opening, closing = _style_near(model, m.start())
            edits.append(Edit("Q009", f"foreign quotation mark ({name})", m.start(), m.start(1) + len(m.group(1)), opening, "safe", 0.9))
            edits.append(Edit("Q009", f"foreign quotation mark ({name})", m.start(3), m.end(), closing, "safe", 0.9))
    return edits


def _speech(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` read as quoted speech (a capitalised run of three words or more that ends
    in its own punctuation or before an attribution), not a term in scare quotes (``‘mobile first’``)?"""
    quoted = text[start:end]
    if not quoted[:1].isupper() or len(quoted.split()) < 3 or _title_case(quoted):
        return False  # a term or a title (``‘First Responders and Use of Mobile Broadband’``)
    return quoted[-1] in ",.?!…" or (bool(re.match(r",? [a-z]", text[end + 1:end + 4])) and _attribution_after(text, end + 1))


def headline_single_quotes(text: str, model: QuoteModel) -> list[Edit]:
    """Q010: a quotation in single marks at the top level of body copy that quotes in double marks.

    ``'We will not leave the city,' the mayor said.`` → ``"We will not leave the city," the mayor said.``;
    ``He said. ‘But you might…’`` → ``He said. “But you might…”``. Only speech: a term in single
    marks (``‘mobile first’``) is a house style and stays. The quotation model pairs the single
    marks (apostrophes, ``’90s`` and ``parents’`` never pair); a quotation within a quotation and
    headline lines keep their single marks. Safe when the article quotes in double marks at least
    half as often as in single ones, or when it quotes nothing in double marks and only once or twice in
    single ones (an article that quotes in single marks quotes more often).
    """
    tops = sorted((pair.open, pair.close) for para in model.paragraphs for pair in para.singles if pair.inside is None)
    # (a quotation in double marks inside one in single marks is British copy's inner level, not its style)
    doubles = sum(1 for q in model.quotations if q.open is not None and q.close is not None
                  and not _within(tops, q.open.pos, q.close.pos))
    spans = []
    for para in model.paragraphs:
        heading = None  # (read once a paragraph: read for each pair, a line of 10,000 quotations was quadratic)
        for pair in para.singles:
            if pair.inside is None and _speech(text, pair.open + 1, pair.close) and text[pair.close + 1:pair.close + 2] != ":":
                if heading is None:
                    heading = qm._heading(text, para)
                if not heading:
                    spans.append((pair.open, pair.close))
    if not spans:
        return _lone_single_term(text, model, doubles)
    if not doubles and len(spans) > 2:
        return []
    # body copy quotes in double marks: one or two quotations in single marks in an article that quotes
    # nothing in double marks are the headline style too (a single-quoting article quotes more often)
    fix = "safe" if 2 * doubles >= len(spans) or not doubles else "unsafe"
    edits = []
    for start, end in spans:
        edits.append(Edit("Q010", "quotation in headline-style single quotes", start, start + 1, model.expected("open"), fix, 0.7))
        edits.append(Edit("Q010", "quotation in headline-style single quotes", end, end + 1, model.expected("close"), fix, 0.7))
    return edits


def _within(spans: list, start: int, end: int) -> bool:
    """Does one of the sorted, non-overlapping ``spans`` (start, end) hold ``start``..``end``?

    >>> _within([(0, 40), (50, 90)], 10, 20), _within([(0, 40), (50, 90)], 35, 45), _within([], 1, 2)
    (True, False, False)
    """
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] < start and end < spans[i][1]


def _lone_single_term(text: str, model: QuoteModel, doubles: int) -> list[Edit]:
    """Q010 (a term or title): the one quotation in single marks of copy that quotes in double marks, in American style.

    ``to place the debt 'within the terms proposed' by Brazil`` in an article that quotes its speakers in ``"`` marks
    and writes American: American and wire copy set terms in the marks they quote with (single marks only nested), so a
    lone single-quoted term there lost its double marks; curly copy alike (``our ‘mobile first’ strategy`` → ``our
    “mobile first” strategy``). British copy sets its terms in single marks beside double-quoted speech (the BBC's
    ``'bumping'``), so the house style (``QuoteModel.dialect``: the article's own fragment placement first, its spelling
    only as the tie-break) decides: British plain-text copy has the conversion suggested (unsafe), typeset copy converts
    only in American style, and plain-text copy where nothing tells converts as before (wire copy: asking for American
    evidence there cost single_quotes 72.8% → 67.0% on held-out seeds 111-115 of ``bench/quotes.py --generated``). On
    the 1,074 BBC stories of ``bench/bbc_clean.py --part tune`` the safe conversions went from 19 terms to 3 (in stories
    where nothing tells); on the 1,621 clean texts of ``bench/quotes.py --clean-edits 1500`` 27 lone terms of
    American-style blogs (``a ‘beta’ experience``) take double marks, listed there as mark swaps. A
    quoted stretch of more than one sentence is no term; a decimal point (``5.0 billion``) ends no sentence; a publisher
    that sets terms in single marks does so more than once (two or more single-quoted terms stay).

    Copy whose double marks mix straight and curly ones converts only where one kind is the article's clear majority
    (``QuoteModel.strong``: a mark typed in the other kind is a slip Q007 turns), in the majority's marks.

    Copy that quotes nothing in double marks has its one or two single-quoted phrases converted too, as Q010 does for
    speech: of the 2,088 straight-marked tune articles of ``bench/corpus_split.py`` with at most one double quotation,
    619 quote one phrase in double marks and 1 quotes one in single marks with none in double marks.
    """
    straight = model.style == "straight"
    if not model.strong and any(q.open is not None and (q.open.char == STRAIGHT) != straight for q in model.quotations):
        return []  # copy that mixes straight and curly double marks with no clear majority: which marks to write is unclear
    pairs = [(para, pair) for para in model.paragraphs for pair in para.singles if pair.inside is None]
    terms = _double_terms(text, model) if len(pairs) > 1 or model.dialect != "us" else 0
    if not pairs or len(pairs) > max(1 if doubles else 2, terms):
        return []
    opening, closing = ("'", "'") if straight else ("‘", "’")
    edits = []
    for para, pair in pairs:
        inner = text[pair.open + 1:pair.close]
        if text[para.start:para.end].rstrip(" '\"’”)")[-1:] not in tuple(".?!…:;"):
            return []  # a title or crosshead line (no sentence end): headlines quote in single marks
        if text[pair.open] != opening or text[pair.close] != closing or not inner.lstrip("(")[:1].isalpha() \
                or qm._heading(text, para) or text[pair.close + 1:pair.close + 2] == ":" or _INNER_SENTENCE.search(inner):
            return []
        edits.append((pair.open, pair.close))
    if model.dialect != "us" and not straight and terms < TERM_HABIT:
        return []  # typeset British (or unknown) copy: single-quoted terms are as often its house style as not
    # plain-text copy where nothing tells is wire copy as often as not (Reuters: no quoted fragment, no spelling pair)
    fix = "unsafe" if model.dialect == "uk" else "safe"
    why = "term in single quotes in copy that quotes in double marks" + ("" if fix == "safe" else " (British house style)")
    return [Edit("Q010", why, at, at + 1, model.expected(role), fix, 0.7)
            for start, end in edits for at, role in ((start, "open"), (end, "close"))]


#: how many terms the article sets in double marks itself before its single-quoted ones are read as damage
TERM_HABIT = 2
_TERM_WORDS = 4


def _double_terms(text: str, model: QuoteModel) -> int:
    """How many short quotations (four words at most, no sentence end inside) the article sets in double marks in its
    own sentence, after a lower-case word (``the “Disease Detectives” who``, ``takes "very seriously" the``): the
    house style for terms. Copy that sets two terms or more in double marks sets its terms in double marks, so as many
    single-quoted ones beside them are lost double marks, whatever the spelling says.

    >>> _double_terms('It was "very serious" and the "new normal" came. "We will win this one," he said.', build(""))
    0
    >>> t = 'It was "very serious" and the "new normal" came. "We will win this one," he said.'
    >>> _double_terms(t, build(t))
    2
    """
    count = 0
    for q in model.quotations:
        if q.open is None or q.close is None:
            continue
        inner = text[q.open.pos + len(q.open.char):q.close.pos]
        words = inner.split()
        if not words or len(words) > _TERM_WORDS or _INNER_SENTENCE.search(inner) or inner[-1:] in ".?!":
            continue
        if qm._FRAGMENT_BEFORE.search(text, max(0, q.open.pos - 30), q.open.pos) is not None:
            count += 1
    return count


def _holder(quotations: list):
    """A function giving, for a nested quotation, the first of ``quotations`` (closed ones, in their order)
    that holds it, or None. Each nested quotation scanned the paragraph's quotations: a paragraph of noise
    with thousands of them (a 1 MB line of random words and marks) spent half of ``clean()`` there.
    Quotations come in order of their opening marks: the first holder is then the first whose closing mark
    is past the nested one's (a running maximum, searched by halves), if it opens before it.

    >>> from types import SimpleNamespace as N
    >>> q = lambda a, b: N(open=N(pos=a), close=N(pos=b))
    >>> find = _holder([q(0, 3), q(5, 20), q(22, 30)])
    >>> find(q(8, 12)).open.pos, find(q(23, 25)).open.pos, find(q(4, 21))
    (5, 22, None)
    """
    closed = [o for o in quotations if o.open is not None and o.close is not None]
    opens = [o.open.pos for o in closed]
    if any(a > b for a, b in zip(opens, opens[1:])):  # (never in a model's paragraph: the scan, then)
        return lambda q: next((o for o in closed if o.open.pos < q.open.pos and o.close.pos > q.close.pos), None)
    reach = list(accumulate((o.close.pos for o in closed), max))

    def find(q):
        i = bisect_right(reach, q.close.pos)
        return closed[i] if i < len(closed) and closed[i].open.pos < q.open.pos else None
    return find


def nested_quotation_marks(text: str, model: QuoteModel) -> list[Edit]:
    """Q011: a quotation inside a quotation written in the wrong marks.

    ``“He said “no” to me.”`` → ``“He said ‘no’ to me.”``; ``‘a disgrace.””`` → ``‘a disgrace.’”``; an
    inner mark turned the wrong way (``’no’``) or in the other style (``'no’`` in curly copy).
    """
    edits = []

    def emit(pos, want, why):
        edits.append(Edit("Q011", f"quotation inside a quotation: {why}", pos, pos + 1, want, "safe", 0.85))

    for para in model.paragraphs:
        holder = _holder(para.quotations) if para.nested else None
        for q in para.nested:
            outer = holder(q)  # the one holding it
            if outer is not None and (outer.open.char == STRAIGHT) != (q.open.char == STRAIGHT):
                continue  # straight marks inside curly ones (or the reverse): the publisher told them apart
            emit(q.open.pos, model.single("open"), "its opening mark should be single")
            emit(q.close.pos, model.single("close"), "its closing mark should be single")
        for mark in para.nested_closes:
            emit(mark.pos, model.single("close"), "its closing mark should be single")
        for pair in para.singles:
            if pair.inside is None:
                continue
            o, c = text[pair.open], text[pair.close]
            if model.style == "curly" and o == c == "'":
                continue  # straight single marks inside curly double ones: the publisher's own habit
            if model.style == "curly":
                if o != "‘":
                    emit(pair.open, "‘", "opening single mark turned or straight")
                if c != "’":
                    emit(pair.close, "’", "closing single mark turned or straight")
            elif (o == "'") != (c == "'"):
                curly = pair.open if o != "'" else pair.close
                emit(curly, "'", "curly single mark in straight copy")
            elif o == "’" and c == "’":
                emit(pair.open, "‘", "opening single mark turned")
        for pos in para.apostrophes:
            if text[pos] == "‘" and model.apostrophe == "’" and text[pos - 1:pos].isalpha() and text[pos + 1:pos + 2].isalpha():
                edits.append(Edit("Q007", "apostrophe turned the wrong way", pos, pos + 1, "’", "safe", 0.9))
        for pos in para.double_apostrophes:  # ``isn"t``: a contraction's apostrophe typed as a double mark
            edits.append(Edit("Q007", "apostrophe typed as a double quotation mark", pos, pos + 1, model.apostrophe, "safe", 0.9))
    return edits


CHECKS = (
    foreign_quote_marks,
    punctuation_outside_quote,
    period_outside_quote,
    punctuation_outside_reopened_quote,
    capitalised_attribution_verb,
    stray_full_stop,
    space_before_punctuation,
    doubled_punctuation,
    unbalanced_quotes,
    mixed_quote_marks,
    missing_space_after_stop,
    headline_single_quotes,
    nested_quotation_marks,
    dotted_abbreviation,
)


def detect(text: str, *, foreign: bool = True, emphasis: str = "keep") -> list[Edit]:
    """Every Q edit on ``text``. Paragraphs with foreign marks wait for Q009 before the model judges them.
    ``emphasis`` is the ``[quotes] emphasis-runs`` setting."""
    model = build(text)
    edits: list[Edit] = []
    foreign_paras: set[int] = set()
    converted: list[Edit] = []
    for check in CHECKS:
        if check is foreign_quote_marks and not foreign:
            continue
        found = check(text, model)
        if check is foreign_quote_marks:
            foreign_paras = {p.index for e in found if (p := model.paragraph_at(e.start)) is not None}
            # a paragraph of three low or angle marks or more that Q009 could not pair is marks' noise, no English
            # paragraph to repair either: a closing mark added there pairs them next round (``„0„:„.„ The …``
            # gained a ``”`` every round); one or two such marks are left to the English model as before
            if _FOREIGN_OPENERS.search(text) is not None:  # (most articles have none: no paragraph to count)
                foreign_paras |= {p.index for p in model.paragraphs
                                  if len(_FOREIGN_OPENERS.findall(text, p.start, min(p.end, p.start + NOISE_REACH))) >= 3}
        elif check in (unbalanced_quotes, mixed_quote_marks) and foreign_paras:
            found = [e for e in found if (p := model.paragraph_at(e.start)) is None or p.index not in foreign_paras]
        if check is foreign_quote_marks:
            converted = found
        edits.extend(found)
    if noisy := noise_paragraphs(text, model, converted):
        edits = [e for e in edits if e.code not in _NOISE_QUIET or (p := model.paragraph_at(e.start)) is None or p.index not in noisy]
        edits.extend(Edit("Q006", f"{count} quotation marks in this paragraph pair with nothing", pos, pos + 1, None, "none", 0.5)
                     for count, pos in noisy.values())  # (the one finding of the paragraph, GARBLED's too)
    if emphasis == "collapse":
        edits.extend(emphasis_runs(text, model))
    if "\ufffd" in text:
        edits = _unsure_beside_lost_characters(text, model, edits)
    return [_no_doubled_mark(text, e) for e in edits]


def _no_doubled_mark(text: str, e: Edit) -> Edit:
    """``e``, reported only when it would put an opening mark right after another quotation mark (``isn"t``
    read as a closing mark, the opening one put before ``t``: ``isn""t``): a mark beside a mark is no repair.

    >>> _no_doubled_mark('isn"t', Edit("Q006", "m", 4, 5, '"t', "unsafe", 0.5)).suggestion is None
    True
    """
    if e.code == "Q006" and e.suggestion and e.suggestion[0] in DOUBLE_MARKS and e.start \
            and text[e.start - 1] in DOUBLE_MARKS:
        return e._replace(suggestion=None, fix="none")
    return e


def _unsure_beside_lost_characters(text: str, model: QuoteModel, edits: list) -> list:
    """``edits`` with the safe ones that add or move a mark or a space, in a paragraph holding U+FFFD,
    made unsafe: a character lost in an earlier decoding may be the very mark the paragraph lacks
    (``“We lost half our customers,�� she said``: a closing quotation mark, not one to add at the end).

    >>> t = '“We lost half our customers, �� she said.'
    >>> [(e.code, e.fix) for e in detect(t)]
    [('Q006', 'unsafe')]
    """
    lost = {p.index for p in model.paragraphs if "\ufffd" in text[p.start:p.end]}
    kept = []
    for e in edits:
        p = model.paragraph_at(e.start)
        if e.fix == "safe" and p is not None and p.index in lost and e.code in _STRUCTURAL:
            e = e._replace(fix="unsafe")
        kept.append(e)
    return kept


#: the codes whose repairs read the paragraph's marks and spacing as a whole
_STRUCTURAL = frozenset({"Q001", "Q006", "Q007", "Q008", "Q010", "Q011"})


#: unpaired quotation marks of every kind (double, single, foreign) from which a paragraph's marks are noise, when
#: they are also a quarter of its marks or more: a paragraph of news copy holds one or two, a damaged one at most
#: four (bench/quote_damage.py, tune seeds 11-15: none of 5,160 paragraphs with marks held more); the marks of a
#: line of random words and marks (``„Yes … isn"t … ‘We … said.“ … » ”``) pair by chance, and each repair made a
#: new pair for the next round to repair (Q009 and Q011 a step a round, past the last round: fix was not idempotent)
NOISE_MARKS = 6
_FOREIGN_MARKS = re.compile("[„«»‹›「」]")
#: what a paragraph of noise is spared: every repair that reads its marks' pairs, but Q009's of a whole foreign pair
_NOISE_QUIET = _STRUCTURAL


def noise_paragraphs(text: str, model: QuoteModel, converted: list) -> dict:
    """The paragraphs whose quotation marks are noise, by index: (how many marks pair with nothing, the first
    such mark's offset). A mark pairs with nothing when the model left it a stray closing mark, an opening mark
    never closed (a quotation run on into the next paragraph is closed there), a single mark opened and never
    closed, a doubled mark (a run of them counts once: Q006 deletes it in one edit), or a foreign mark Q009 did
    not convert (``converted``: its edits). No structural repair is made there (Q009 still converts a whole
    foreign pair, which makes no new one), and the paragraph is reported once.

    >>> t = 'He said „Yes the „mayor said.“ “homes, ‘We isn"t » « fair," ” said “ Tom ’ „0„:„.„ it,’ we"re.'
    >>> model = build(t)
    >>> noise_paragraphs(t, model, foreign_quote_marks(t, model))
    {0: (10, 8)}
    >>> t = '“We will stay,” she said. He called it “a disgrace. ‘Not now,’ he said, and left » more'
    >>> noise_paragraphs(t, build(t), [])
    {}
    """
    foreign: Counter = Counter()
    firsts: dict = {}
    for m in _FOREIGN_MARKS.finditer(text):
        if (para := model.paragraph_at(m.start())) is not None:
            foreign[para.index] += 1
            firsts.setdefault(para.index, m.start())
    done = Counter(p.index for e in converted if (p := model.paragraph_at(e.start)) is not None)
    noisy = {}
    for para in model.paragraphs:
        if not (para.marks or para.singles or para.unclosed_singles or para.index in foreign):
            continue
        loose = [m.pos for m in para.stray_closes] + [q.open.pos for q in para.quotations if q.unclosed] \
            + [pos for pos, _ in para.unclosed_singles] + [extra.pos for _, extra, _ in _runs(para.doubled)]
        unpaired = len(loose) + max(0, foreign[para.index] - done[para.index])
        paired = 2 * sum(1 for q in para.quotations if q.open is not None and q.close is not None) \
            + 2 * len(para.singles) + done[para.index]
        if unpaired >= NOISE_MARKS and 3 * unpaired >= paired:
            noisy[para.index] = (unpaired, min(loose + [firsts.get(para.index, para.end)]))
    return noisy


_FOREIGN_OPENERS = re.compile("[„«»‹›「]")
NOISE_REACH = 2000  # characters of a paragraph read for foreign marks' noise (bounded on a 1 MB line)

LANGUAGE_NEUTRAL = {"Q005"}


def run(doc, ctx) -> list:
    """The Q findings on ``doc``.

    The quotation and spacing rules are English news style: they run when the configured language is
    English and the text is in it (then foreign marks are converted too). Other text gets only the
    language-neutral checks (doubled punctuation), since French spaces before ``?`` and German
    quotes with „ “ are right in their own languages.
    """
    english = ctx.settings.language.lower().startswith("en") and ctx.is_target_language
    return [
        doc.finding(e.code, e.message, e.start, e.end, suggestion=e.suggestion, fix=e.fix, confidence=e.confidence, source=f"quotes.{e.code}")
        for e in detect(doc.text, foreign=english, emphasis=ctx.settings.quotes["emphasis-runs"])
        if ctx.enabled(e.code) and (english or e.code in LANGUAGE_NEUTRAL)
    ]
