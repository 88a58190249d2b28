"""G002 and G004 casing passes, run from :mod:`cleaner.checks.names`: a word of a name written in the
wrong case, found from the article's own usage (a word it capitalises everywhere else, a pair it
capitalises elsewhere), from the dictionary (a word it knows only as a
name, a surname after a given name), from the gazetteer (a one-word name or acronym in lower case, a
place after ``University of``) and from the shape of names (a designator or name word lower-cased
after a name's capitalised words, a day or month in lower case).
"""

from __future__ import annotations

import gzip
import mimetypes
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Optional
from itertools import chain, compress, islice, repeat
from operator import itemgetter, methodcaller, not_

from .. import snapshot
from ..document import Document
from ..census_names import census_names
from ..gazetteer import gazetteer
from ..lexicon import _data, lexicon, weighted_distance
from .name_tokens import (
    _CAP_HEAD, _CONNECTORS, _derived, _FUNCTION_WORDS, _GUESSABLE_KINDS, _known_names, _pack, _pair_uses,
    _plain_context, _POSSESSIVE_ENDS, SOURCE, _within, _words, _claim, Candidate, _mostly_capitals,
)
from ..tokens import Tokens
from .spelling import function_word_slip

_POSSESSIVE = re.compile(r"['’]s$")
_NAME_HEAD = re.compile(r"([a-z]{3,})(?:['’]s\b|(-)\w)")  # a word's head: "japan's", "nasa-funded"


RECASED_MIN = 2  # capitalised mid-sentence at least this often elsewhere
HOUSE_FORM_MIN = 2  # a lower-case pair the article writes this often is its own usage, not a slip
DESCRIPTOR_MIN_ZIPF = 3.0  # a lower-case word after a name this common may describe it ...
DESCRIPTOR_MAX_ZIPF = 5.5  # ... but not a word as common as "one" or "new" ("Mars one" is a slip)
SENTENCE_WORD_MIN_ZIPF = 4.5  # a sentence's capitalised first word this common is no part of the name after it
# mentions of a word read for one piece of evidence: every article has fewer; on a long text the
# evidence comes from its first mentions, so a pass stays linear however often a word recurs
MENTIONS_SCANNED = 400


def lowered_descriptor(toks: Tokens, i: int, first: Optional[int] = None) -> bool:
    """Is lower-case word ``i`` a common noun describing the name before it (``the Space Shuttle
    program``, ``the Scottish parliament``, ``our YouTube channel``, ``Finance Committee chairman``),
    though the article capitalises the pair elsewhere (a title, a heading)? The word is an ordinary
    English noun (the dictionary has it in lower case, wordfreq zipf from ``DESCRIPTOR_MIN_ZIPF`` to
    ``DESCRIPTOR_MAX_ZIPF``) of three letters or more that ends the name (no capitalised word follows:
    ``the Brydge pro Keyboard`` is a slip inside a name), and the name before it (its capitalised words
    from ``first``, by default all those right before it, less a leading ``The`` or a sentence's
    ordinary first word: ``But Rafidain bank``) stands elsewhere in the article without the word: the
    name is whole without it, and lower-casing a descriptor after a name is a house style (``the Labor
    department``, ``our YouTube channel``, ``the Pacific coast``), not a slip in the name. (Whether the
    article also uses the noun on its own says little: a news story about a police department says
    ``the department``.)

    >>> t = Tokens("The Space Shuttle Program ended. The Space Shuttle program")
    >>> lowered_descriptor(t, 7)
    False
    >>> t = Tokens("The Space Shuttle Program ended. Space Shuttle flights stopped. The Space Shuttle program")
    >>> lowered_descriptor(t, 12)
    True
    >>> t = Tokens("Rafidain Bank paid. Rafidain lent more. But Rafidain bank stopped paying")
    >>> lowered_descriptor(t, 8)
    True
    >>> t = Tokens("The Columbus Police Department said. In Columbus, the Columbus Police department")
    >>> lowered_descriptor(t, 10)
    False
    >>> t = Tokens("Chrysler Corp said. Chrysler shares rose. Chrysler corp")
    >>> lowered_descriptor(t, 7)
    False
    """
    words, gaps = toks.words, toks.gaps
    w = _POSSESSIVE.sub("", words[i])  # "the Scottish parliament’s powers"
    lex = lexicon()
    if not i or not w.islower() or w not in lex.lower or not DESCRIPTOR_MIN_ZIPF <= lex.zipf(w) <= DESCRIPTOR_MAX_ZIPF \
            or w in _words("acronyms", "definition_trailing"):
        return False  # (a company's legal form is part of its name: "Chrysler corp" is a slip)
    low, memo = toks.low_words, per_text_memo(toks)
    if first is None:
        first = i
        while first and words[first - 1][:1].isupper() and gaps[first] == " ":
            first -= 1
        if first < i - 1 and (words[first].lower() in _FUNCTION_WORDS or (
                toks.sentence_initial(first) and low[first] in lex.lower and lex.zipf(low[first]) >= SENTENCE_WORD_MIN_ZIPF)):
            first += 1  # "The", or a sentence's ordinary first word: "But Rafidain bank", "Some Wall street"
    name, n = words[first:i], i - first
    if not n:
        return False
    if len(w) < 3 or (i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper()):
        return False  # a name's suffix ("James Kennedy jr."), a word inside a name ("the Brydge pro Keyboard")
    key = ("stands alone", tuple(name), w)
    alone = memo.get(key)
    if alone is None:  # (the mention here is followed by the noun, so it never counts)
        alone = memo[key] = any(words[j:j + n] == name and (j + n == len(words) or words[j + n].lower() != w)
                                for j in islice(toks.where(name[0].lower()), MENTIONS_SCANNED))
    return alone


def per_text_memo(toks: Tokens) -> dict:
    """A dict that lives as long as one text's tokens: answers a pass would otherwise recompute per
    candidate, scanning a word's mentions each time (quadratic on a long text)."""
    memo = getattr(toks, "_casing_memo", None)
    if memo is None:
        memo = toks._casing_memo = {}
    return memo


def recased_words(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G004: a word the article otherwise always capitalises, lower-cased once after a capitalised word.

    ``Trump said ... Trump's lawyers ... President Donald trump`` → ``President Donald Trump``.
    """
    words, spans = toks.words, toks.spans
    # (a possessive counts as its word: "President trump's call"; the few possessives are moved onto
    # their heads after a count of every word, in C)
    lower_count = Counter(map(words.__getitem__, toks.lower))
    for w in list(compress(lower_count, map(str.endswith, lower_count, repeat(_POSSESSIVE_ENDS)))):
        lower_count[w[:-2]] += lower_count.pop(w)
    once = {w for w, c in lower_count.items() if c == 1 and len(w) >= 3 and w not in _CONNECTORS}
    if not once:
        return _recased_surnames(doc, toks, lexicon(), _words("given_names", "names")) \
            + _recased_places(doc, toks, lexicon(), gazetteer(_known_names(ctx)))
    low_words = toks.low_words
    capital_mid: Counter = Counter()
    caps = toks.caps
    for i in compress(caps, map(once.__contains__, map(low_words.__getitem__, caps))):  # (the few, found in C)
        if words[i][1:].islower() and i and not toks.sentence_initial(i):
            capital_mid[low_words[i]] += 1
    findings = []
    lex = lexicon()
    given = _words("given_names", "names")
    capital_pairs = None  # (word before, word) of the capitalised pairs, when first needed
    for i in toks.joined:
        w = words[i]
        if w[-1:] == "s":
            w = _POSSESSIVE.sub("", w)
        if w not in once or capital_mid[w] < RECASED_MIN:
            continue
        prev = words[i - 1]
        if toks.gaps[i] != " " or not prev[:1].isupper() or toks.sentence_initial(i - 1):
            continue
        if prev.endswith(("'s", "’s")):
            continue  # "Taylor Swift's big night": after a possessive the word is ordinary
        if lowered_descriptor(toks, i):
            continue  # "Senate Finance Committee chairman Lloyd Bentsen": the name is whole before it
        if w in lex.lower and prev.lower() not in given and not (prev[1:].islower() and prev.lower() in lex.names):
            # an English word ("the three main UK party leaders", "a US radio show") capitalised in other
            # names ("the Labour Party", "The Moth Radio Hour") is ordinary here, unless the article
            # capitalises it after the same word; after a given name it is a surname ("Jack gallant")
            if capital_pairs is None:
                capital_pairs = {(low_words[k - 1], low_words[k]) for k in toks.cap_pairs}
            if (prev.lower(), w) not in capital_pairs:
                continue
            if _title_before_names(toks, w):
                continue  # "Senate Republican Leader Robert Dole" elsewhere: a title capitalised before a
                # name, as styles do (and others do not), says nothing of "Senate Republican leader"
        findings.append(_recased_finding(doc, w, spans[i][0]))
    findings.extend(_recased_anywhere(doc, toks))
    findings.extend(_recased_surnames(doc, toks, lex, given))
    findings.extend(_recased_places(doc, toks, lex, gazetteer(_known_names(ctx))))
    return findings


def _recased_places(doc: Document, toks: Tokens, lex, gaz) -> list[Candidate]:
    """G004: a country or place whose name the dictionary also has as a word (``China``, ``Jordan``),
    capitalised mid-sentence elsewhere in the article, lower-cased right after a preposition of place
    or motion and before punctuation or a function word (``barred Nvidia from selling chips to china
    without a licence``). The ordinary word takes a determiner or stands in a compound there (``to the
    china cabinet``, ``in china plates``): left alone.

    >>> from cleaner.document import Document
    >>> t = "Exports to China fell. Firms may not sell chips to china without a licence. They sold china plates."
    >>> [t[c.finding.start:c.finding.end] for c in _recased_places(Document(t), Tokens(t), lexicon(), gazetteer(()))]
    ['china']
    """
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    places = set()
    caps = toks.caps
    # (only the capitalised words whose lower case is a dictionary word and a country's or a place's
    # name are read below: those few found in C)
    wanted = _derived(gaz, "place words in the dictionary", lambda g: frozenset(
        k for k, (entry, _) in g.forms.items() if entry.kind in ("country", "place") and k in lex.lower))
    for i in compress(caps, map(wanted.__contains__, map(low.__getitem__, caps))):
        w = words[i]
        if not i or toks.sentence_initial(i) or not w.isalpha() or not w[1:].islower() or low[i] not in lex.lower:
            continue
        slot = gaz.forms.get(low[i])
        if slot is None or slot[0].kind not in ("country", "place") or w not in slot[1]:
            continue
        if i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper():
            continue  # inside a longer name ("China Southern Airlines")
        places.add(low[i])
    if not places:
        return []
    before = _words("recased", "place_prepositions")
    findings = []
    for w in places:
        for i in toks.where(w):
            if words[i] != w or not i or gaps[i] != " " or low[i - 1] not in before or not words[i - 1].islower():
                continue
            if i + 1 < len(words) and gaps[i + 1] == " " and low[i + 1] not in _FUNCTION_WORDS \
                    and low[i + 1] not in _CONNECTORS:
                continue  # "in china plates": a compound, or a word the place does not end before
            start = toks.spans[i][0]
            if _plain_context(toks.text, start, start + len(w)):
                findings.append(_recased_finding(doc, w, start))
    return findings


_CLAUSE_GAP = frozenset(",\"“”'‘’—–-(: ")  # what may stand between a clause's end and a bare subject


def _recased_surnames(doc: Document, toks: Tokens, lex, given: frozenset) -> list[Candidate]:
    """G004: a surname that is also an English word, which the article introduces after a given name
    (``Andrew Bailey said``), lower-cased later where the ordinary word cannot stand: as the bare
    subject of a verb of saying, with no article or other word before it (``"We are not there
    yet," bailey told reporters``; ``may said``). Only where the introduction ends the name (not
    ``Columbus Police Department``, whose ``police said`` is ordinary) and follows a person's given
    name, not a place's (``Springfield Police said``: an institution).

    >>> from cleaner.document import Document
    >>> t = ('Governor Andrew Bailey spoke. "Not yet," bailey told reporters. The baker said so. '
    ...      'Springfield Police said it ended, police said.')
    >>> [doc_text[c.finding.start:c.finding.end] for doc_text in [t] for c in _recased_surnames(Document(t), Tokens(t), lexicon(), _words("given_names", "names"))]
    ['bailey']
    """
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    verbs = _words("recased", "speech_verbs")
    introduced = set()
    caps = toks.caps
    # (only the words after a given name or a word the dictionary knows as a name are read below: those
    # few found in C; the word before the first is the last, which the test below rules out)
    before = _given_or_name_words(given, lex)
    for i in compress(caps, map(before.__contains__, map(low.__getitem__, map((-1).__add__, caps)))):
        w = words[i]
        if not i or gaps[i] != " " or not w.isalpha() or not w[1:].islower() or low[i] not in lex.lower:
            continue
        prev = words[i - 1]
        if not (prev[:1].isupper() and prev[1:].islower() and (low[i - 1] in given or (
                low[i - 1] in lex.names and low[i - 1] not in _city_words() and low[i - 1] not in _place_words()))):
            continue  # (after a place's name, not a given name: "Springfield Police said" names an institution)
        if i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper():
            continue  # the name goes on ("Columbus Police Department")
        introduced.add(low[i])
    findings = []
    for w in introduced:
        for i in toks.where(w):
            if words[i] != w or not i or i + 1 >= len(words) or gaps[i + 1] != " " or low[i + 1] not in verbs:
                continue
            gap = gaps[i]
            if gap == " " or not set(gap) <= _CLAUSE_GAP:
                continue  # "the baker said": a word before it; ". may said": a sentence start, another slip
            start = toks.spans[i][0]
            if _plain_context(toks.text, start, start + len(w)):
                findings.append(_recased_finding(doc, w, start))
    return findings


@lru_cache(maxsize=4)
def _given_or_name_words(given: frozenset, lex) -> frozenset:
    """The configured given names and the words the dictionary knows only as names, lower-cased: what
    :func:`_recased_surnames` asks of the word before a surname."""
    return frozenset(given).union(lex.names)


def _title_before_names(toks: Tokens, w: str) -> bool:
    """Is every capitalised use of the dictionary word ``w`` mid-sentence a title right before a
    person's name, a capitalised word (``Senate Majority Leader Robert Byrd``, ``Committee Chairman Dan
    Rostenkowski``)? Styles capitalise a title there only, so the capital is no evidence that ``w`` is
    a name elsewhere.

    >>> t = Tokens("Senate Majority Leader Robert Byrd spoke. The Senate Republican leader agreed.")
    >>> _title_before_names(t, "leader")
    True
    >>> t = Tokens("The Labour Leader spoke. The Labour leader agreed.")
    >>> _title_before_names(t, "leader")
    False
    """
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    uses = [i for i in toks.where(w) if words[i][:1].isupper() and not toks.sentence_initial(i)]
    return bool(uses) and all(i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper()
                              and words[i + 1][1:].islower() and low[i + 1] not in _FUNCTION_WORDS
                              for i in uses)


def surname_case(word: str) -> str:
    """``word`` capitalised as a surname is: ``Mc`` and ``O'`` capitalise the letter after them too
    (``McGregor``, ``O'Brien``); ``Mac`` does not always (``Macdonald`` and ``MacDonald`` are both
    names), so it is left as one capital.

    >>> surname_case("mcgregor"), surname_case("o'brien"), surname_case("o’neill"), surname_case("macdonald")
    ('McGregor', "O'Brien", 'O’Neill', 'Macdonald')
    >>> surname_case("newsom"), surname_case("mc"), surname_case("mcgregor's")
    ('Newsom', 'Mc', "McGregor's")
    """
    low = word.lower()
    if low.startswith("mc") and len(word) > 3 and word[2:3].isalpha():
        return "Mc" + word[2:3].upper() + word[3:]
    if low.startswith(("o'", "o’")) and len(word) > 3 and word[2:3].isalpha():
        return "O" + word[1] + word[2:3].upper() + word[3:]
    return word[:1].upper() + word[1:]


def _recased_finding(doc: Document, word: str, start: int) -> Candidate:
    """G004 for ``word`` at ``start``, which the article writes capitalised elsewhere."""
    end = start + len(word)
    proper = word[:1].upper() + word[1:]
    return _claim(doc.finding(
        "G004", f"'{word}' is written '{proper}' everywhere else in this article", start, end,
        suggestion=proper, fix="unsafe", confidence=0.6, source=f"{SOURCE}:article-word",
    ))


_LOWER_HEAD = re.compile(r"([a-z]{3,})(?:['’]s)?")  # "biden", "obama’s"


def _unknown_lowered(toks: Tokens, lex) -> frozenset:
    """The distinct lower-cased words of the text that no dictionary has in lower case: one look-up in
    the dictionary's large set per distinct word, made once per text for the passes that ask (a
    look-up there costs a cache miss or two; the text's own few hundred words stay in the cache).

    >>> sorted(_unknown_lowered(Tokens("Biden said biden's plan, the Plan"), lexicon()))
    ['biden', "biden's"]
    """
    memo = per_text_memo(toks)
    known = memo.get("unknown lowered")
    if known is None:
        known = memo["unknown lowered"] = frozenset(toks.distinct_lowered()).difference(lex.lower)
    return known


def _recased_anywhere(doc: Document, toks: Tokens) -> list[Candidate]:
    """G004: a word that is no dictionary word, lower-cased once anywhere, that the article capitalises
    mid-sentence at least twice, or twice in all with one mid-sentence (``Biden said ... Biden's ... as
    biden put it``, ``obama’s legacy``, ``Tedros Adhanom spoke ... Dr Tedros ... tedros added``), or
    twice in all after a given name (``Saka opened ... Saka sealed ... Bukayo saka scored``).
    A dictionary word lower-cased (``china``, ``turkey``) may be the ordinary word: left alone."""
    lex = lexicon()
    words, spans, low = toks.words, toks.spans, toks.low_words
    heads: dict = {}  # lower-case head -> token indexes
    # the lower-case words no dictionary has: the distinct words told apart by one set difference (in
    # C), then their mentions (a few in a hundred words), in text order
    unknown = _unknown_lowered(toks, lex)
    for i in sorted(j for w in unknown for j in toks.where(w) if words[j].islower()):
        m = _LOWER_HEAD.fullmatch(words[i])
        if m is not None and m.group(1) not in lex.lower:
            heads.setdefault(m.group(1), []).append(i)
    heads = {h: at for h, at in heads.items() if len(at) == 1}
    if not heads:
        return []
    capital_mid: Counter = Counter()
    capital_any: Counter = Counter()
    introduced: set = set()  # heads written mid-sentence after a person's first name ("Vadim Backman")
    caps = toks.caps
    # the capitalised uses of those heads: whole words (found in C) and possessives or compounds
    for i in chain(compress(caps, map(heads.__contains__, map(low.__getitem__, caps))),
                   compress(caps, map(not_, map(str.isalpha, map(words.__getitem__, caps))))):
        m = _CAP_HEAD.fullmatch(words[i]) if not words[i].isalpha() else None
        head = m.group(1) if m is not None else words[i]
        if head.lower() in heads and head[1:].islower():
            capital_any[head.lower()] += 1
            if i and not toks.sentence_initial(i):
                capital_mid[head.lower()] += 1
                if _after_given_name(toks, i, lex, sentence_start=True):
                    introduced.add(head.lower())
    findings = []
    for head, (i,) in heads.items():
        # capitalised twice mid-sentence, or twice in all with one of them mid-sentence (``Tedros
        # Adhanom spoke. ... Dr Tedros urged calm. ... tedros added``): never at sentence starts only;
        # once is enough after a first name, where the article introduces a person by full name
        # (``Vadim Backman led the study ... backman said``)
        if capital_mid[head] < RECASED_MIN and not (capital_mid[head] and capital_any[head] >= RECASED_MIN) \
                and not (capital_any[head] >= RECASED_MIN and _after_given_name(toks, i, lex)) \
                and head not in introduced:
            continue
        start = spans[i][0]
        if not _plain_context(toks.text, start, start + len(head)):
            continue
        findings.append(_recased_finding(doc, head, start))
    return findings


def _after_given_name(toks: Tokens, i: int, lex, sentence_start: bool = False) -> bool:
    """Is word ``i`` right after a capitalised word that reads as a given name: mid-sentence (or, with
    ``sentence_start``, anywhere), no dictionary word nor acronym, or a listed given name that is also a
    word (``Bukayo saka``, ``Ange postecoglou``, ``Vadim Backman``, ``Martin Odegaard``; not ``UK
    fintech``, ``Professor Backman``)? A surname the article writes
    capitalised only at sentence starts (``Saka opened ... Saka sealed``) is then still the person's;
    one it writes once after a given name is introduced with it (``Vadim Backman ... backman said``).

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("Saka scored. Arsenal's Bukayo saka ran. The UK fintech firm grew.")
    >>> _after_given_name(t, 4, lexicon()), _after_given_name(t, 9, lexicon())
    (True, False)
    >>> t = Tokens("Vadim Backman led it. Professor Backman agreed.")
    >>> _after_given_name(t, 1, lexicon()), _after_given_name(t, 1, lexicon(), True), _after_given_name(t, 5, lexicon(), True)
    (False, True, False)
    """
    if not i or toks.gaps[i] != " " or not toks.capitalised[i - 1] or (
            toks.sentence_initial(i - 1) and not sentence_start):
        return False
    before = toks.words[i - 1]
    return before.isalpha() and before[1:].islower() and (
        toks.low_words[i - 1] not in lex.lower or toks.low_words[i - 1] in _words("given_names", "names"))


def _word_as_surname(toks: Tokens, i: int, w: str, possessive: bool, lex, roles: frozenset) -> bool:
    """Is ``w`` (word ``i``, lower case, after a given name) a surname that is also an English word
    (``Elizabeth truss,``, ``Christine balls, 62``, ``Paul volcker's letter``)? Only where the name plainly
    ends after it: a possessive, punctuation, or a verb or a word that starts a clause about the
    person next (``Steve jobs founded``, ``Anne veil, who``); and not a verb or adverb itself
    (``Sarah emailed me``, ``Charles occasionally uses``), nor after a longer name the given name ends
    (``Treasury Bill auction``, ``St. Louis hub``) unless that is a title (``Chairman Paul``)."""
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    if len(w) < 3 or not w.isalpha() or not lex.is_word(w) or w in _FUNCTION_WORDS or w in _CONNECTORS \
            or w.endswith("ly") or _verb(w, lex) or w.endswith("ed") and w in lex.lower:
        return False
    if i >= 2 and gaps[i - 1] in (" ", ". ") and words[i - 2][:1].isupper() and (
            low[i - 2] not in roles or _verb(low[i - 2], lex)):
        return False
    if possessive or i + 1 >= len(words):
        return True
    if gaps[i + 1] != " ":
        return not gaps[i + 1].startswith((" (", "-", "'", "’"))  # "Craig films (as ...", "chain-link"
    nxt = low[i + 1]
    return nxt in _words("given_names", "after_name") or nxt not in _FUNCTION_WORDS and _verb(nxt, lex)


def _unknown_surname(toks: Tokens, i: int, lex, given: set, w: str = "") -> bool:
    """Is ``words[i]``, no English word nor a known misspelling, a lower-cased part of a person's name
    nobody's dictionary has? Between two capitalised words (``Manager fumihiko Hazama``), or after a
    given name (the configured list, or a word the dictionary knows only as a name) when what follows
    ends the name: punctuation, a function word or a verb-like word (``Adam neumann,``, ``Bruno
    tonioli and``), not a noun it could be a slip before (``Thomas wod shift``). After a people's or
    place's adjective, a word built of two English words or with no vowel is a noun it describes
    (``Japanese chipmakers were``, ``500,000 Australian dlrs``), not a surname. One cheap edit from an
    English word, it is a misspelling (``Mark wrot,``), unless web text writes it as often as names are
    written (``Alexander huth,``).

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("judge Bruno tonioli and 500 Australian dlrs and")
    >>> _unknown_surname(t, 2, lexicon(), {"bruno"}), _unknown_surname(t, 6, lexicon(), {"bruno"})
    (True, False)
    """
    words = toks.words
    w, prev = w or words[i], words[i - 1]
    if len(w) < 3 or not w.isalpha() or not prev[1:].islower() or w in lex.misspellings or lex.is_word(w):
        return False
    nxt = words[i + 1] if i + 1 < len(words) and toks.gaps[i + 1] == " " else ""
    if w != words[i]:
        nxt = ""  # a possessive ends the name ("Edward snowden’s revelations")
    if nxt[:1].isupper() and nxt[1:].islower():
        return True
    if prev.lower() not in given and prev.lower() not in lex.names:
        return False
    if _adjective_of_place(prev, lex) and (lex.compound_parts(w) or not any(map(w.__contains__, "aeiouy"))):
        return False  # a noun a people's adjective describes: two English words ("Japanese chipmakers"),
        # an abbreviation ("Australian dlrs"), not a surname ("Giovanni agnelli")
    if not (not nxt or nxt in _FUNCTION_WORDS or (nxt.islower() and nxt.endswith(("ed", "s")))):
        return False
    # one cheap edit from a word ("Mark wrot,", "Thomas wod"): a misspelling, S's business; unless web
    # text writes it as often as a surname and it has a vowel as names do ("Alexander huth,")
    return (lex.zipf(w) >= SURNAME_SEEN_ZIPF and any(map(w.__contains__, "aeiouy"))) \
        or all(weighted_distance(w, c) > 1.0 for c, _ in lex.suggest(w, 3))


SURNAME_SEEN_ZIPF = 1.5  # a word no dictionary or misspelling list has, written this often in web text: a name's


def lowercase_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): a word the dictionary knows only as a name, lower-cased after a capitalised word.

    ``Attorney General Letitia james`` → ``Letitia James``; ``veteran Chris smith`` → ``Chris Smith``.
    """
    lex = lexicon()
    configured, given = _words("given_names", "names"), _person_given()
    allowed = {w.lower() for w in getattr(ctx.settings, "allow_words", []) or []}
    findings = []
    words, spans = toks.words, toks.spans
    particles = _words("words", "name_particles")
    roles = None
    for i in toks.joined:
        w = words[i]
        if w in allowed or w in particles:
            continue  # "Pointe du Hoc", "Dieter zur Loye": a particle is lower case inside a name
        prev = words[i - 1]
        if prev.isupper():
            continue
        if w in lex.lower and w.isalpha() and w not in lex.names and prev.lower() not in given:
            continue  # an English word, no name, after no given name: nothing below can take it
        possessive = _POSSESSIVE.search(w)
        if possessive is not None and possessive.start() >= 3:
            w = w[:possessive.start()]  # "Edward snowden’s revelations": the name is before the possessive
        proper = lex.names.get(w)
        confidence = 0.6
        # after a given name only the Census lists hold, the word must be a Census surname that is no
        # common English word, in a name that starts with the given name and ends with the word ("Marcus
        # berg"; not "Merrill acts as dealer", though the dictionary capitalises "Acts", nor "We wish
        # Jacques well", "Chelsea winger Arjen Robben", "the Queen Mary liner")
        capital_next = i + 1 < len(words) and toks.gaps[i + 1] == " " and words[i + 1][:1].isupper()
        after_given = prev.lower() in configured or prev.lower() in given and _census_surname(w, lex) \
            and not _after_a_capital(toks, i - 1) and not capital_next
        if proper is None and after_given and lex.zipf(w) < 5.0:
            proper = lex.capitalised.get(w)  # "Chris smith": a surname after a given name
        if proper is None and (possessive is None or w.isalpha()) and _unknown_surname(toks, i, lex, given, w):
            proper, confidence = surname_case(w), 0.5  # "Adam neumann, ...": no word, after a given name
        if proper is None and after_given:
            if roles is None:
                roles = _words("name_parts", "roles") | _words("abbreviations", "titles")
            if _word_as_surname(toks, i, w, possessive is not None, lex, roles):
                proper, confidence = surname_case(w), 0.5  # "Elizabeth truss, said": a word as a surname
            elif _census_surname(w, lex) and not _verb(w, lex) and not (w.endswith("ly") and w[:-2] in lex.lower) \
                    and not capital_next and not (_after_a_capital(toks, i - 1) and toks.low_words[i - 2] not in roles):
                proper, confidence = surname_case(w), 0.5  # "Richard jolly,": a surname of the Census list
                # (not after a longer name the given name ends, "the Queen Mary liner", nor before a name
                # it is a role of, "Chelsea winger Arjen Robben")
        if proper is None:
            continue
        gap = toks.gaps[i]
        if gap != " " or not prev[:1].isupper() or prev.isupper():
            continue
        if toks.sentence_initial(i - 1) and (prev.lower() in lex.lower or (
                prev.lower() not in given and prev.lower() not in lex.names)):
            continue  # a sentence's first word may be any word; one the dictionary knows only as a given
            # name is a name there too ("Elaine wyllie, headteacher of ...")
        memo = per_text_memo(toks)
        running = memo.get(("in running text", w))
        if running is None:  # (here the word follows a capital, so this mention never counts)
            running = memo["in running text", w] = any(
                words[j] == w and toks.gaps[j] == " " and words[j - 1].islower()
                for j in islice(toks.where(w), MENTIONS_SCANNED) if j)
        if running:
            continue  # "165 mln Canadian dlrs" beside "mln dlrs" in running text: the article's own word
        start = spans[i][0]
        end = start + len(w)
        if not _plain_context(toks.text, start, end):
            continue  # "Federal Computer Weekly http://fcw.com": a URL, an address, a tag line
        findings.append(Candidate(doc.finding(
            "G002", f"'{w}' is a name here: '{proper}'", start, end, suggestion=proper, fix="unsafe",
            confidence=confidence, source=f"{SOURCE}:dictionary",
        ), test=(start, end)))
    return findings


@lru_cache(maxsize=1)
def _place_words() -> dict:
    """One-word place names, lower-cased -> canonical, from the gazetteer's places: countries, US
    states, and the place names of US counties (``York`` of ``York County``). Kept in the start-up
    snapshot (a fact of the shipped gazetteer): building it cost every start 2 ms."""
    return snapshot.memo("place words", None, _one_word_places)


def _one_word_places() -> dict:
    places: dict = {}
    for entry in gazetteer(()).entries:  # (): the key every pass uses; gazetteer() would build a second copy
        name = entry.name
        if entry.kind == "county" and name.endswith(" County"):
            name = name[:-7]
        elif entry.kind not in ("country", "place"):
            continue
        if name.isalpha():
            places.setdefault(name.lower(), name)
    return places


@lru_cache(maxsize=1)
def _city_words() -> frozenset:
    """Lower-cased one-word cities of 100,000 people or more (GeoNames, ``rules/data/city-words.txt.gz``,
    built by ``tools/build_data.py``; the gazetteer holds the multiword ones): a word the dictionary
    knows only as a name is a place when it is one of them (``flew in amsterdam``).

    >>> "amsterdam" in _city_words(), "lagos" in _city_words(), "london" in _city_words()
    (True, True, True)
    """
    return snapshot.memo("city words", None, _read_city_words)  # (reading the file cost every start 2 ms)


def _read_city_words() -> frozenset:
    with gzip.open(_data("city-words.txt.gz"), "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _census_given() -> frozenset:
    """The commonest given names of the US Census 1990 lists (:func:`cleaner.census_names.census_names`,
    ranked ``CENSUS_GIVEN_MAX_RANK`` or better among men's or women's names) that no dictionary has in
    lower case and that name no place, city, month or day (``Tracey``, ``Marcus``; not ``Mark``,
    ``Georgia``, ``June``, nor the rarer ones that are mostly places: ``America``, ``Venice``), nor a
    class of people or things whose plural the dictionary capitalises (``Tory``/``Tories``,
    ``Oscar``/``Oscars``: ``the Tory leader``): with the configured given names, what the person-name
    passes take for a given name.

    >>> [w in _census_given() for w in ("tracey", "mark", "georgia", "venice", "tory", "carlos")]
    [True, False, False, False, False, True]
    """
    lex, places, cities = lexicon(), _place_words(), _city_words()
    calendar = _pack()["calendar"]
    dates = set(calendar["days"]) | set(calendar["months"]) | set(calendar["ambiguous_months"])
    return frozenset(w for w, rank in census_names()[0].items()
                     if rank <= CENSUS_GIVEN_MAX_RANK and len(w) >= 3 and w not in lex.lower and w not in places
                     and w not in cities and w not in dates
                     and (w.endswith("s") or _other_number(w) not in lex.capitalised))


CENSUS_GIVEN_MAX_RANK = 1000  # rarer Census given names are as often places or words (America 1702, Venice 2497)


def _after_a_capital(toks: Tokens, i: int) -> bool:
    """Does word ``i`` follow a capitalised word, one space before it (``Queen Mary``: then a given name
    only the Census lists hold is no person's first name, ``the Queen Mary liner``)?

    >>> t = Tokens("the Queen Mary liner, as Mary said")
    >>> _after_a_capital(t, 2), _after_a_capital(t, 5)
    (True, False)
    """
    return i >= 1 and toks.gaps[i] == " " and toks.words[i - 1][:1].isupper()


def _person_given() -> frozenset:
    """The configured given names and the Census ones of :func:`_census_given`."""
    return _given_union(_words("given_names", "names"))


@lru_cache(maxsize=4)
def _given_union(configured: frozenset) -> frozenset:
    return configured | _census_given()


def _census_surname(w: str, lex) -> bool:
    """Is lower-case ``w`` a surname of the US Census 1990 list that is no common English word (web
    text writes it in any case under ``CENSUS_SURNAME_MAX_ZIPF``: ``jolly``, ``gorman``, ``burg``; not
    ``brown``, ``hazard``)?

    >>> from cleaner.lexicon import lexicon
    >>> [_census_surname(w, lexicon()) for w in ("gorman", "jolly", "brown", "zzyzx")]
    [True, True, False, False]
    """
    return w in census_names()[1] and lex.zipf(w) < CENSUS_SURNAME_MAX_ZIPF


CENSUS_SURNAME_MAX_ZIPF = 3.8  # a Census surname web text writes this often or more is an English word first


def place_after_of(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): a place lower-cased after ``of`` in an institution's name (``the University of
    york``, ``the Bank of england``); the word before ``of`` must be a capitalised head word that names
    places (``University``, ``Museum``, ``Mayor``), not a person's role (``Head of mobile``)."""
    config = _pack()["place_names"]
    heads = set(config["heads"])
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(("of",)):
        i += 1  # the word after "of"
        if i < 2 or i >= len(words) or words[i - 1] != "of" or toks.low_words[i - 2] not in heads:
            continue
        w = words[i]
        if not w.islower() or not w.isalpha():
            continue
        if not words[i - 2][:1].isupper() or text[spans[i - 2][1]:spans[i][0]] != " of ":
            continue
        proper = _place_words().get(w)
        start, end = spans[i]
        if proper is None:
            continue
        findings.append(_claim(doc.finding(
            "G002", f"'{w}' is the place '{proper}' in '{words[i - 2]} of {proper}'", start, end,
            suggestion=proper, fix="unsafe", confidence=0.7, source=f"{SOURCE}:place",
        )))
    return findings


def _inside_name(word: str, nxt: str, lex, given: set, roles: set, designators: frozenset = frozenset(),
                 kinds: frozenset = frozenset()) -> bool:
    """Is a lower-case word between capitalised words part of one name (``Goddard Space flight Center``)?

    The next word must be capitalised, be an ordinary word itself (``Center``, ``Systems``, ``Panel``:
    names are built from them) and not a given name; a word between a title and a person's name
    (``Pentagon correspondent Carla Babb``, ``Democrat leader Nick Clegg``) fails that test. A possessive
    next word counts as the word (``the Russian defense Ministry's``).
    """
    if not nxt[:1].isupper() or nxt.isupper() or word in _CONNECTORS or word in _FUNCTION_WORDS:
        return False
    if word in _words("words", "name_particles"):
        return False  # "Luiz Inácio Lula da Silva": a particle names write in lower case
    if nxt.lower() in _FUNCTION_WORDS or _verb(word, lex):
        return False  # "American magazine The Atlantic", "Goodwin wrote Team of Rivals": no name goes on
    low = _POSSESSIVE.sub("", nxt.lower())
    if word in kinds and low not in designators:
        return False  # "Leeds band Kaiser Chiefs": the kind of the thing named after it, not the "Africa movie
        # Academy Awards", where a word that ends names goes on
    if word in roles or word.endswith(("s", "ed", "ing")) and not word.endswith("ss") and low not in designators \
            and not (_plural_noun(word, lex) and low not in lex.capitalised):
        return False  # "Steelers quarterback Mason Rudolph", "Rose-Lynn worships Patsy Cline"; but
        # "Global lighting Technologies": a word that ends a name follows, and "Agile Delivery Services
        # blankets Purchase Agreement": a noun's plural, no verb's, before a word that is no name
    return low in lex.lower and low not in given and lex.zipf(word) < 6.0


_MODALS = ("will", "would", "can", "could")
_PEOPLE_AFTER = ("who", "said")  # words English writes after nouns of people and firms


def _plural_noun(word: str, lex) -> bool:
    """Is ``word`` the plural of a dictionary noun of things that no verb shares: its singular follows
    no modal verb (``will manage``), it follows no subject pronoun (:func:`_verb`), and English's pairs
    never put ``who`` or ``said`` after it, as after people and firms (``experts who``, ``analysts
    said``: a description before a name, ``Dutch Salvage experts Smit Tak``)? ``improvements``,
    ``managements``; not ``reports``, ``leads``, ``studies``, ``firms``.

    >>> from cleaner.lexicon import lexicon
    >>> [_plural_noun(w, lexicon()) for w in ("improvements", "managements", "reports", "studies", "firms", "says", "flight")]
    [True, True, False, False, False, False, False]
    """
    if not word.endswith("s") or word.endswith("ss"):
        return False
    single = _other_number(word)
    return single in lex.lower and not _verb(word, lex) \
        and all(lex.bigram(modal, single) < VERB_MIN_PAIRS for modal in _MODALS) \
        and all(lex.bigram(word, after) < VERB_MIN_PAIRS for after in _PEOPLE_AFTER)


MODIFIER_MIN_PAIRS = 1_000_000  # a designator and the next word this common a pair: a modifier, not a name
_SUBJECTS = ("he", "she", "they", "we")
VERB_MIN_PAIRS = 1_000_000  # a word after a subject pronoun this often (symspellpy's bigram counts) is a verb


def _phrase_ends_after(toks: Tokens, i: int, lex) -> bool:
    """Does the noun phrase end with word ``i``: punctuation or the text's end after it (not a hyphen),
    or a lower-case function word or verb (not a capitalised word: the name goes on)?

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("another Colorado city, and a Syracuse university economist said the rest")
    >>> [_phrase_ends_after(t, k, lexicon()) for k in (2, 6, 7)]
    [True, False, True]
    """
    words, gaps = toks.words, toks.gaps
    if i + 1 >= len(words):
        return True
    if gaps[i + 1] != " ":
        return not gaps[i + 1].startswith("-")
    if toks.capitalised[i + 1]:
        return False  # the name goes on ("a Tax preparation Service")
    nxt = toks.low_words[i + 1]
    return nxt in _FUNCTION_WORDS or _verb(nxt, lex)


def _verb(word: str, lex) -> bool:
    """Is ``word`` a verb, by the pairs English writes: one that follows ``he``, ``she``, ``they`` or
    ``we`` (``wrote``, ``did``, ``brought``)? A verb between capitalised words joins two names
    (``Doris Kearns Goodwin wrote Team of Rivals``), it is no word of one.

    >>> from cleaner.lexicon import lexicon
    >>> [_verb(w, lexicon()) for w in ("wrote", "did", "flight", "school", "around")]
    [True, True, False, False, False]
    """
    return any(lex.bigram(subject, word) >= VERB_MIN_PAIRS for subject in _SUBJECTS)


def _adjective_of_place(word: str, lex) -> bool:
    """Is ``word`` an adjective of a people or place (``British``, ``Norwegian``, ``Danish``), which
    describes the noun after it rather than naming it: a word the dictionary knows only capitalised,
    with an adjective's ending.

    >>> from cleaner.lexicon import lexicon
    >>> [_adjective_of_place(w, lexicon()) for w in ("British", "Norwegian", "Moroccan", "Virunga", "Sloan")]
    [True, True, True, False, False]
    """
    low = word.lower()
    return (low.endswith(_PLACE_ADJECTIVE_ENDS) or len(low) >= 6 and low.endswith("an")) \
        and low not in lex.lower and low in lex.capitalised


_PLACE_ADJECTIVE_ENDS = ("ish", "ese", "ian", "can", "ean", "ern", "ic", "ch", "i")


def _other_number(word: str) -> str:
    """``word`` in the other number, by the regular endings (``services`` -> ``service``, ``agencies``
    -> ``agency``, ``board`` -> ``boards``).

    >>> [_other_number(w) for w in ("services", "agencies", "crosses", "board", "city")]
    ['service', 'agency', 'cross', 'boards', 'cities']
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[-3:-2] in ("s", "x", "h"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def name_parts(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): a name-ending word lower-cased right after the capitalised words of a name.

    ``SoftBank Group corp`` → ``SoftBank Group Corp``; ``Goddard Space flight Center`` → ``Flight``;
    also after a sentence's first word when the word is a legal form (``Chrysler corp said`` → ``Corp``).
    """
    designators = _words("name_parts", "designators")
    after_two = _words("name_parts", "designators_after_two")
    given = _words("given_names", "names")
    roles = _words("name_parts", "roles")
    kinds = _words("name_parts", "kinds_before_names")
    descriptive_after = _words("name_parts", "descriptive_after")
    lower_case = _words("name_parts", "lower_case_designators")
    legal_forms = _words("name_parts", "legal_forms")
    title_small = _words("name_parts", "title_small_words")
    indefinite = _words("name_parts", "indefinite_before")
    lex = lexicon()
    findings = []
    words, spans, text = toks.words, toks.spans, toks.text
    headline_spans = toks.headlines(doc)[0]
    calendar = _pack()["calendar"]
    dates = set(calendar["days"]) | set(calendar["months"]) | set(calendar["ambiguous_months"])
    low_words = toks.low_words
    # a lower-case word the article writes twice or more after the same word is its style
    # ("the House Agriculture committee" four times)
    pairs = Counter((low_words[i - 1], words[i]) for i in toks.joined_alpha)
    gaps, n_words = toks.gaps, len(words)
    for i in toks.joined_alpha:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n_words and gaps[i + 1] == " " else ""
        if w not in designators and w not in after_two and (
                not nxt[:1].isupper() or nxt.isupper() or w in _CONNECTORS or w in _FUNCTION_WORDS):
            other = _other_number(w)
            if other not in designators and other not in after_two:
                continue  # (most words: no designator in either number, and _inside_name's first test
                # fails; the tests below would all end in that same "continue")
        prev = words[i - 1]
        if toks.gaps[i] != " " or not prev[:1].isupper() or prev.isupper() and len(prev) > 1 and i < 2:
            continue
        if pairs[low_words[i - 1], w] >= HOUSE_FORM_MIN or prev == "I" or w in lower_case:
            continue  # ... and "I became Director" is a sentence, not a name; "Barclays plc" is written so
        if prev.endswith(("'s", "’s")):
            continue  # "the British Medical Association's council chair": the name's own council
        first = i - 1
        # (a possessive ends the name before it: "GM's Buick division" is Buick's)
        while first > 0 and words[first - 1][:1].isupper() and toks.gaps[first] == " " \
                and not words[first - 1].endswith(("'s", "’s")):
            first -= 1
        if first and low_words[first - 1] in indefinite and toks.gaps[first] == " " and w not in legal_forms \
                and _phrase_ends_after(toks, i, lex):
            continue  # "another Colorado city.", "a Human Resources department, and": a proper name takes
            # "the" or nothing, a description of one thing among others a determiner like these (unless
            # a noun follows that the determiner is for: "a European Space agency co-author")
        if toks.sentence_initial(first) and first == i - 1 and (w not in legal_forms or prev.lower() in _FUNCTION_WORDS):
            continue  # "Police said": a capitalised first word of a sentence is not a name; but a legal
            # form follows only a company's name ("Chrysler corp said")
        if first == i - 1 and len(prev) > 1 and prev.isupper():
            continue  # "our TTS partners", "the GSA auditorium": an acronym before a common noun
        if first == i - 1 and ("-" in prev or _adjective_of_place(prev, lex)) and not nxt[:1].isupper() and not (
                nxt in _CONNECTORS and i + 2 < len(words) and words[i + 2][:1].isupper()):
            continue  # "the next-ranking British city", "a German-speaking city": a description, unless
            # the name goes on ("the European environment Agency", "the Australian centre for Control")
        if nxt.lower() in dates:
            continue  # "the White House last March": a date after the name
        if w not in designators and w not in after_two and i - first >= 2 and not toks.sentence_initial(first) \
                and (_other_number(w) in designators or _other_number(w) in after_two) \
                and words[first].lower() not in given:  # not "as Chris Bowen heralds": a person's verb
            w_is = "in the other number "  # "Agricultural Transformation agencies"
        else:
            w_is = ""
        if w_is or w in designators or (w in after_two and i - first >= 2 and not toks.sentence_initial(first)):
            if nxt[:1].isupper():
                continue  # "Sabres center Casey Mittelstadt": a role before a person's name
            if words[i - 1].lower() in descriptive_after:
                continue  # "the Mill Street bridge": a common noun describing a thing on a street
            if nxt == "of" and i + 2 < len(words) and words[i + 2][:1].isupper():
                continue  # "the southern Taiwan city of Kaohsiung": the noun that introduces a name
            if nxt.islower() and nxt not in _FUNCTION_WORDS and lex.bigram(w, nxt) >= MODIFIER_MIN_PAIRS \
                    and not _verb(nxt, lex):
                continue  # "New Orleans city government", "the Stanford university students": a modifier
        elif not _inside_name(w, nxt, lex, given, roles, designators, kinds):
            continue
        if nxt[:1].isupper() and _title_follows(toks, i + 1, title_small):
            continue  # "the Oasis track Half the World Away": the noun introduces a title of its own
        if not nxt[:1].isupper() and lowered_descriptor(toks, i, first):
            continue  # "the Virunga park" beside "Virunga National Park": a descriptor after the name
        start, end = spans[i]
        if _within(headline_spans, start):
            continue
        findings.append(_claim(doc.finding(
            "G002", f"'{w}' looks like part of the name '{text[spans[first][0]:end]}' {w_is}: '{w.capitalize()}'",
            start, end, suggestion=w[:1].upper() + w[1:], fix="unsafe", confidence=0.5, source=f"{SOURCE}:name-part",
        )))
    findings.extend(_plural_possessives(doc, toks, lex))
    findings.extend(_plural_surnames(doc, toks, lex, _person_given()))
    return findings


def _plural_surnames(doc: Document, toks: Tokens, lex, given: frozenset) -> list[Candidate]:
    """G002 (unsafe): a plural of things lower-cased right after a configured given name, where the singular is a
    surname the dictionary writes capitalised (``Jon booths``, ``Marc hills``): the
    person's surname, lower-cased and put in the other number. Not a plural a verb shares or one of
    people (:func:`_plural_noun`: ``Anne hopes``), nor a word before a capitalised one (the name goes
    on), nor after a given name that is an English word at a sentence's start (``Will bells ring?``).

    >>> from cleaner.document import Document
    >>> t = "It dented the hopes of Kate bells. Anne hopes to win. Will bells ring?"
    >>> [(t[c.finding.start:c.finding.end], c.finding.suggestion) for c in _plural_surnames(Document(t), Tokens(t), lexicon(), _words("given_names", "names"))]
    [('bells', 'Bell')]
    """
    findings = []
    words, low, gaps = toks.words, toks.low_words, toks.gaps
    configured = _words("given_names", "names")
    joined = toks.joined_alpha
    # (only after a given name: the few such words found in C before the tests below)
    for i in compress(joined, map(given.__contains__, map(low.__getitem__, map((-1).__add__, joined)))):
        prev, w = words[i - 1], words[i]
        if not (prev.istitle() and prev.isalpha()) or not w.endswith("s"):
            continue
        first = low[i - 1]
        if first not in given or first in lex.lower and toks.sentence_initial(i - 1):
            continue
        single = _other_number(w)
        if first not in configured and (single not in census_names()[1] or _after_a_capital(toks, i - 1)):
            continue  # after a given name only the Census lists hold, a Census surname ("Vanessa bells"; not
            # "Cornell maps"), the given name first in the name
        if i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper():
            continue
        surname = lex.capitalised.get(single)
        if surname is None or not surname.istitle() or not _plural_noun(w, lex):
            continue
        start, end = toks.spans[i]
        if _plain_context(toks.text, start, end):
            findings.append(_claim(doc.finding(
                "G002", f"'{prev} {w}': a surname after a given name, lower-cased in the other number: '{surname}'",
                start, end, suggestion=surname, fix="unsafe", confidence=0.5, source=f"{SOURCE}:name-part",
            )))
    return findings


_PLURAL_POSSESSIVE = re.compile(r"([a-z]{3,}s)(['’])s")
_PLURAL_POSSESSIVE_ENDS = ("s's", "s’s")  # how every word the pattern matches ends


def _plural_possessives(doc: Document, toks: Tokens, lex) -> list[Candidate]:
    """G002 (unsafe): a plural noun lower-cased after a name's capitalised words with a singular's
    possessive (``the Federal Communications commissions’s``, ``the Department of justices's``): a
    plural's possessive takes the apostrophe alone, so the ``’s`` is the name's, whose last word was
    lower-cased and put in the other number. Its singular, capitalised, is suggested.

    >>> from cleaner.document import Document
    >>> t = "The Federal Communications commissions’s rules changed. The Jones's dog and the news's reach."
    >>> [(t[c.finding.start:c.finding.end], c.finding.suggestion) for c in _plural_possessives(Document(t), Tokens(t), lexicon())]
    [('commissions’s', 'Commission’s')]
    """
    findings = []
    words, spans = toks.words, toks.spans
    joined = toks.joined
    # (the pattern ends "s's" or "s’s": the few such words found in C before the pattern is tried)
    for i in compress(joined, map(str.endswith, map(words.__getitem__, joined), repeat(_PLURAL_POSSESSIVE_ENDS))):
        m = _PLURAL_POSSESSIVE.fullmatch(words[i])
        if m is None or toks.sentence_initial(i - 1):
            continue
        plural = m.group(1)
        single = _other_number(plural)
        if len(single) >= len(plural) or single not in lex.lower or plural not in lex.lower:
            continue  # ("news", "series": no plural of a dictionary word)
        start, end = spans[i]
        proper = single[:1].upper() + single[1:] + m.group(2) + "s"
        if _plain_context(toks.text, start, end):
            findings.append(_claim(doc.finding(
                "G002", f"'{words[i]}': a plural with a singular's possessive after a name: '{proper}'",
                start, end, suggestion=proper, fix="unsafe", confidence=0.5, source=f"{SOURCE}:name-part",
            )))
    return findings


@lru_cache(maxsize=1)
def _file_extensions() -> frozenset:
    """File name extensions with a registered media type, from Python's own table (not the machine's):
    web copy names a file type by its extension in lower case (``pdf``, ``html``, ``csv``).

    >>> sorted(e for e in _file_extensions() if e in (".pdf", ".html", ".csv", ".gdp"))
    ['.csv', '.html', '.pdf']
    """
    return frozenset(mimetypes.MimeTypes().types_map[True])


TITLE_RUN_MAX = 12  # words of a capitalised run read after a candidate: titles are short


def _title_follows(toks: Tokens, j: int, small: frozenset) -> bool:
    """Does the capitalised run starting at word ``j`` hold one of the ``small`` words right between two
    capitalised words, as a title does (``Half the World Away``) and a name's joining word does not
    (``Bank of the West`` ends at ``of``)? At most ``TITLE_RUN_MAX`` words are read.

    >>> small = frozenset({"the", "a", "an"})
    >>> _title_follows(Tokens("the Oasis track Half the World Away reinterpreted"), 3, small)
    True
    >>> _title_follows(Tokens("the Irish finance Minister Dilson"), 3, small), _title_follows(Tokens("a west Bank of the West"), 2, small)
    (False, False)
    """
    words, gaps = toks.words, toks.gaps
    end = min(len(words), j + TITLE_RUN_MAX)
    k = j
    while k < end and words[k][:1].isupper() and (k == j or gaps[k] == " "):
        if k + 2 < end and gaps[k + 1] == " " and words[k + 1] in small and gaps[k + 2] == " " \
                and words[k + 2][:1].isupper():
            return True
        k += 1
    return False


def _single_keys(gaz) -> frozenset:
    """Lower-case one-word forms and acronyms of the gazetteer: what :func:`single_names` can flag."""
    return _derived(gaz, "single", lambda g: frozenset(
        [k for k in g.forms if " " not in k] + [a.lower() for a in g.acronyms]))


def single_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002: a one-word gazetteer name or acronym written lower case (``in france``, ``nato troops``,
    ``japan's``, ``nasa-funded``): safe. A title-cased acronym (``Nato``) only when the same
    article also writes it ``NATO``, or an initialism (three letters, or no vowel) no dictionary knows as a
    word, well-known or one the dictionary writes in capitals (``Fbi``, ``Ceo``, ``Gsa``, ``Html``; one the
    dictionary writes only in capitals also beside a number: ``Html 5``, ``1300 Gmt``):
    unsafe, since some house styles write acronyms read as words that way.
    """
    gaz = gazetteer(_known_names(ctx))
    lex = lexicon()
    words, spans, text, low_words = toks.words, toks.spans, toks.text, toks.low_words
    given = _words("given_names", "names")
    surnames: dict = {}  # title-case words the article gives as a person's surname, asked once per word
    # everyday acronyms (CEO, GDP, GPS) are no gazetteer entries; written lower case, they are flagged too
    everyday = _everyday_acronyms(lex)
    candidates = _derived(gaz, "single+everyday", lambda g: _single_keys(g) | everyday)
    # initialisms the dictionary writes in capitals, in title case ("Gsa", "Html"): whole words only
    dictionary = _dictionary_initialisms(lex)
    # (token index, the word, its span, only an acronym may count): whole words, and the lower-case
    # head of a possessive or a hyphenated compound ("japan's", "nasa-funded": only acronyms there);
    # the names and the initialisms in one scan of the words (sets made once, not per article), less
    # the English words, which are never flagged whole ("china", "who")
    listed = _derived(gaz, "single+everyday+initialisms", lambda g: (candidates | dictionary) - lex.lower)
    items = [(i, words[i], spans[i][0], spans[i][1], False) for i in toks.among(listed)]
    # any acronym of three letters or more the article writes in capitals: in title case elsewhere it
    # is the same acronym ("the PSV ... at Psv Eindhoven"), whether or not a list knows it
    written = _acronyms_in_prose(toks, lex)
    title_uses: dict = {}  # a word's title-case mentions, counted once per word, not once per mention
    in_title_case = set(written) - listed  # (a set less a set: its own size, not the list's)
    # a title-case word read letter by letter that no list has but web text writes: an acronym no
    # list of ours knows ("Rss feeds", "Xslt support"); its lower-case forms
    # (not a company designator, "AE Plc", nor an interjection, "Hmmm"); a word of that shape starts
    # with a capital, so only the capitalised words are tried
    caps = toks.caps
    unlisted = {low_words[i] for i in compress(caps, map(_UNLISTED_SHAPE.fullmatch, map(words.__getitem__, caps)))
                if low_words[i] not in lex.lower and low_words[i] not in lex.capitalised and _unpronounceable(words[i])
                and lex.zipf(low_words[i]) >= UNLISTED_MIN_ZIPF and not _DRAWN_OUT.search(low_words[i])
                } - listed - in_title_case - _words("name_parts", "designators")
    # (both in one scan of the words: the two sets share no word)
    items.extend((i, words[i], spans[i][0], spans[i][1], False) for i in toks.among(in_title_case | unlisted)
                 if low_words[i] in unlisted or words[i].istitle())
    for k in toks.not_alpha:
        m = _NAME_HEAD.match(words[k])
        if m is not None and m.group(1) in candidates:
            start = spans[k][0]
            items.append((k, m.group(1), start, start + m.end(1), m.group(2) is not None))
        elif words[k][:1].isupper():
            # "the Fcc’s site": the possessive of an initialism no name is spelt like (not "Gao’s")
            m = _TITLE_POSSESSIVE.fullmatch(words[k])
            if m is not None and (m.group(1).lower() in written or _unpronounceable(m.group(1)) and (
                    m.group(1).lower() in candidates or m.group(1).lower() in dictionary)):
                start = spans[k][0]
                items.append((k, m.group(1), start, start + m.end(1), False))
    findings = []
    for i, w, start, end, compound in sorted(items):
        if len(w) < 3 or not w.isalpha():
            continue
        if compound and w.upper() not in gaz.acronyms:
            continue  # "uber-rich": a prefix, not the company
        if w.islower():
            if w in lex.lower:
                continue  # an English word too ("nature", "china", "who")
            nxt = words[i + 1] if i + 1 < len(words) and toks.gaps[i + 1] == " " else ""
            if nxt.isalpha() and nxt.islower() and not lex.is_word(nxt):
                continue  # "pla tforms": half of a word split by a space (S's business), not the PLA
            slot = gaz.forms.get(w)
            if slot is not None and slot[0].kind not in _GUESSABLE_KINDS:
                entry, proper = slot[0], min(slot[1])
                fix, confidence = "safe", 1.0
            elif w.upper() in gaz.acronyms and w not in gaz.acronyms:  # ("dpa": the agency's own lower case)
                entry, proper = gaz.acronyms[w.upper()], w.upper()
                fix, confidence = "safe", 1.0
            elif w in everyday:
                if len(toks.where(w)) >= HOUSE_FORM_MIN:
                    continue  # "url" throughout: the article's own style for the word
                if "." + w in _file_extensions():
                    continue  # "published (pdf)", "an html or pdf offering": a file type by its extension
                entry, proper = None, w.upper()
                fix, confidence = "unsafe", 0.7  # "ceo", "gdp": as in an informal post or a tag
            else:
                continue
        elif w[0].isupper() and w[1:].islower() and w.lower() not in lex.lower and (
                w.upper() in gaz.acronyms or w.lower() in everyday or w.lower() in dictionary
                or written[w.lower()] >= _memo(title_uses, w.lower(), lambda low: _title_case_uses(toks, low))
                or w.lower() in unlisted and (not _name_or_abbreviation(toks, i, given)
                                              or _unpronounceable(w) and _among_english_capitals(toks, i, lex))):
            # the article's own capitals are evidence, not a shouted quote or headline ("NATO WASN'T
            # THERE" above a body that writes "Nato" throughout)
            if not written[w.lower()] and not (_initialism(w) and (
                    (not toks.sentence_initial(i) and not _name_or_abbreviation(toks, i, given, lex))
                    or (_unpronounceable(w) and not _abbreviation(toks, i) and not _beside_number(toks, i)
                        and (_vowelless(w) or not _name_or_abbreviation(toks, i, given, lex))))) \
                    and not _capitals_beside_number(toks, i, w, dictionary):
                continue  # "Nato" throughout: a house style for acronyms read as words; not for
                # initialisms of three letters or without a vowel ("Fbi", "Ceo", "Html"), which no
                # style writes so; and one without a vowel is no name nor a sentence's word either
                # ("Bbc News", "Cbp Jobs App", "Csv files" at a sentence's start); one with a vowel that
                # starts as no English word does is a name beside a name ("Ngo Dinh Diem", "Jho Low",
                # "Tsz Wing": romanised Vietnamese, Malay, Cantonese names), as the other title-case words
            if not written[w.lower()] and toks.sentence_initial(i) and function_word_slip(w.lower()) is not None:
                continue  # "Hte report was": a slip of "The" at a sentence's start (S002's), no acronym
            if not written[w.lower()] and w.lower() not in everyday and _memo(
                    surnames, w.lower(), lambda low: _surname_in_article(toks, low, lex)):
                continue  # "Mohammed Yousuf Dar ... Dar said": a surname the article gives, not DAR
            entry, proper = gaz.acronyms.get(w.upper()), w.upper()
            fix, confidence = "unsafe", 0.6
        else:
            continue
        if proper == w or not _plain_context(text, start, end):
            continue
        findings.append(_claim(doc.finding(
            "G002", f"'{w}' is written '{proper}'", start, end, suggestion=proper, fix=fix,
            confidence=confidence, source=f"{SOURCE}:{entry.kind if entry else 'acronym'}",
            canonical=entry.name if entry else proper,
        )))
    return findings


_UNLISTED_SHAPE = re.compile(r"[A-Z][a-z]{2,5}")
_DRAWN_OUT = re.compile(r"(.)\1\1")  # a letter three times: a sound drawn out ("Hmmm", "Brrr"), no acronym
UNLISTED_MIN_ZIPF = 1.5  # a title-case initialism no list has must be this common in web text (an acronym)


def _acronyms_in_prose(toks: Tokens, lex) -> Counter:
    r"""How often the text writes each acronym of three letters or more in capitals as an acronym, by
    lower-case form: not in an all-caps line or beside another all-caps word (a wire headline shouts
    ``KEPCO`` above a body that writes ``Kepco``; ``LEGOS DOWN!``), and not one the dictionary knows as
    a name or word in another case (``DAWSON``, ``NORSE`` in a heading).

    >>> from cleaner.lexicon import lexicon
    >>> dict(_acronyms_in_prose(Tokens("KEPCO SIGNS DEAL\nThe PSV and DAWSON fans met the PSV. A US team."), lexicon()))
    {'psv': 2}
    """
    text = toks.text
    out: Counter = Counter()
    shouting: dict = {}
    datelines: dict = {}  # line start -> where the place of a dateline opening it ends (-1: none)
    line_start = searched = 0  # the acronyms come in text order: look for line breaks once, forward
    for m in toks.acronyms:
        token = m.group()
        low = token.lower()
        if len(token) < 3 or low in lex.lower or lex.capitalised.get(low, token) != token:
            continue
        line_start = text.rfind("\n", searched, m.start()) + 1 or line_start
        searched = m.start()
        shouted = shouting.get(line_start)
        if shouted is None:
            line_end = text.find("\n", m.end())
            shouted = shouting[line_start] = _mostly_capitals(text, line_start, line_end if line_end >= 0 else len(text))
        if shouted or _CAPS_BESIDE.search(text[max(0, m.start() - 12):m.start()]) \
                or _CAPS_AFTER.match(text, m.end()):
            continue
        if line_start not in datelines:  # (asked once a line, at its first acronym)
            datelines[line_start] = _dateline_place_end(text, line_start)
        if m.end() <= datelines[line_start]:
            continue
        out[low] += 1
    return out


def _memo(memo: dict, key, compute):
    """``memo[key]``, computed once: a count over every mention of a word, asked at each mention, was
    quadratic in a text that repeats a word (a 1 MB line: G 0.75 s at 125 KB, 2.39 s at 250 KB)."""
    if key not in memo:
        memo[key] = compute(key)
    return memo[key]


def _title_case_uses(toks: Tokens, low: str) -> int:
    """How often the text writes ``low`` in title case, its possessive included.

    >>> _title_case_uses(Tokens("Kepco said so, Kepco’s plants and KEPCO's too."), "kepco")
    2
    """
    words = toks.words
    return sum(1 for form in (low, low + "'s", low + "’s") for k in toks.where(form) if words[k][:1].isupper()
               and words[k][1:len(low)].islower())


def _dateline_place_end(text: str, start: int) -> int:
    """Where the place in capitals of a wire dateline opening the line at ``start`` ends, or -1.

    A dateline writes its city in capitals (``KYIV, Ukraine (AP) —``, ``WASHINGTON (Reuters) -``):
    house style for the place, not evidence that the article writes the name as an acronym.

    >>> t = "KYIV, Ukraine (AP) — Officials said Kyiv needed more."
    >>> t[:_dateline_place_end(t, 0)]
    'KYIV'
    >>> _dateline_place_end("NEW YORK, May 3 (Reuters) - Stocks fell.", 0), _dateline_place_end("GAZA CITY — Strikes hit.", 0)
    (8, 9)
    >>> _dateline_place_end("NASA, the space agency, said on Monday.", 0), _dateline_place_end("NASA - the agency - said.", 0)
    (-1, -1)
    """
    m = _DATELINE.match(text, start)
    return m.end(1) if m is not None else -1


# the place in capitals (words joined by one space), then a state, country or date after a comma, the
# agency in brackets, and a dash before a sentence's start; every repeat needs its own separator, so a
# match cannot backtrack far
_DATELINE = re.compile(r"[ \t]*([A-Z][A-Z'.-]*(?: [A-Z][A-Z'.-]*){0,3})(?:, [A-Z][\w.]*(?: [\w.]+){0,3})?"
                       r"(?: \([A-Z][\w ./&-]{0,30}\))? ?(?:—|–|--?) (?=[A-Z0-9\"“‘'])")


_CAPS_BESIDE = re.compile(r"\b[A-Z]{2,}[!?,]? $")  # an all-caps word just before: shouting, or a run of them
_CAPS_AFTER = re.compile(r"[!?,]? [A-Z]{2,}\b")


def _abbreviation(toks: Tokens, i: int) -> bool:
    """Is title-case word ``i`` an abbreviation: one of ``[abbreviations]`` (``Sgt``, ``Adm``), or
    followed by a full stop that ends no sentence (no capitalised word follows: ``Dr.-Ing. H.C.
    Porsche``)? A full stop before a capitalised word after an acronym ends the sentence
    (``products for McDonald's and Kfc. In Europe``)."""
    low = toks.low_words[i]
    if low in _words("abbreviations", "not_sentence_end") or low in _words("abbreviations", "titles"):
        return True
    end = toks.spans[i][1]
    text = toks.text
    if text[end:end + 1] != ".":
        return False
    return _SENTENCE_AFTER.match(text, end + 1) is None


_SENTENCE_AFTER = re.compile(r" [A-Z][a-z]")  # what follows a full stop that ends a sentence

_TITLE_POSSESSIVE = re.compile(r"([A-Z][a-z]{2,5})['’]s")


def _vowelless(word: str) -> bool:
    """Has ``word`` no vowel after its first letter (``Bbc``, ``Html``; not ``Ngo``)? Read letter by
    letter in any language: no name is written so.

    >>> [_vowelless(w) for w in ("Bbc", "Html", "Ngo", "Tsz")]
    [True, True, False, True]
    """
    return not any(c in "aeiouy" for c in word[1:].lower())


def _unpronounceable(word: str) -> bool:
    """Is a title-case word read letter by letter: no vowel after its first letter (``Bbc``, ``Html``,
    ``Cbp``), or two consonants first that start no common English word (``Gsa``, ``Tgi``, ``Ncc``;
    not ``Gao``, ``Tas``, ``Stan``)? No English word is written so.

    >>> [_unpronounceable(w) for w in ("Bbc", "Html", "Cbp", "Nasa", "Mit", "Lynx")]
    [True, True, True, False, False, False]
    >>> [_unpronounceable(w) for w in ("Gsa", "Tgi", "Gao", "Tas", "Stan", "Blair")]
    [True, True, False, False, False, False]
    """
    if _vowelless(word):
        return True
    low = word.lower()
    return len(low) >= 3 and low[0] not in "aeiouy" and low[1] not in "aeiouy" and low[:2] not in _english_onsets()


ONSET_MIN_ZIPF = 3.0  # the first two letters of dictionary words web text writes this often: how English words start


def _english_onsets() -> frozenset:
    """The two-consonant starts of common English words (``bl``, ``st``, ``th``, ...), from the
    dictionary and wordfreq, not a list: a title-case word that starts otherwise is read letter by letter.
    Reading the whole dictionary cost every start about 45 ms: the set is kept with the built-in
    gazetteer's derived indexes, in the start-up snapshot."""
    return _derived(gazetteer(()), ("english-onsets", ONSET_MIN_ZIPF), lambda _gaz: _onsets(lexicon()))


def _onsets(lex) -> frozenset:
    return frozenset(w[:2] for w in lex.frequent_words(ONSET_MIN_ZIPF)
                     if len(w) >= 4 and w[0] not in "aeiouy" and w[1] not in "aeiouy" and w[:2].isalpha())


def _name_or_abbreviation(toks: Tokens, i: int, given: frozenset, lex=None) -> bool:
    """Is title-case word ``i`` rather part of a person's or place's name (beside another capitalised
    word: ``Sam Nunn``, ``Uncle Sam``, ``Dar es Salaam``; a given name), an abbreviation (``Adm.``) or a
    unit or date beside a number (``mln Btu``, ``Apr 16``)? Then its title case is no slip. Given
    ``lex``, a word the dictionary writes only in capitals (``USA``, ``USDA``) is still an acronym
    beside a capitalised word (``the Usa Freedom Act``, ``the Usda Forest Service``), unless a given
    name comes before (``John Doe``), or a name's particle (``Dar es Salaam``) or a capitalised word
    no dictionary has in lower case (``Avi Mandell``) after; one the dictionary also lists as a name
    (``Mia``, ``Ira`` beside ``MIA``, ``IRA``) is the name beside a capitalised word (``Mia Khan``)."""
    words, gaps = toks.words, toks.gaps
    if words[i].lower() in given or _abbreviation(toks, i) or _beside_number(toks, i):
        return True
    nxt = words[i + 1] if i + 1 < len(words) and gaps[i + 1] == " " else ""
    prev = words[i - 1] if i and gaps[i] == " " else ""
    if lex is not None and lex.capitalised.get(words[i].lower(), "").isupper() and words[i].lower() not in lex.name_too:
        return prev.lower() in given or nxt in _words("words", "name_particles") \
            or (nxt[:1].isupper() and nxt.lower() not in lex.lower)
    if nxt[:1].isupper():
        return True
    return bool(prev) and prev[:1].isupper() and not prev.isupper()


def _among_english_capitals(toks: Tokens, i: int, lex) -> bool:
    """Are the capitalised words beside word ``i`` English words capitalised for a name, none a name's
    own word, a company's legal form or a number (``the Mnd Association``, ``Ssl Labs``, ``the Windows
    Sdk``; not ``Sdn Bhd``, ``Mr Nkt``, ``Broken Hill Pty Co Ltd``, ``Nine Mths``), and is there one? A
    title-case initialism there is an acronym in a name, not a name's word, a designator or a unit.

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("the Mnd Association said. Sdn Bhd said. Mr Nkt said. Hill Pty Co Ltd said. Nine Mths to")
    >>> [_among_english_capitals(t, k, lexicon()) for k in (1, 4, 8, 11, 16)]
    [True, False, False, False, False]
    """
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    beside = [k for k in (i - 1, i + 1) if 0 <= k < len(words) and gaps[max(k, i)] == " " and words[k][:1].isupper()]
    designators = _words("acronyms", "definition_trailing")  # a company's legal form: "Ltd", "Co"
    numbers = _words("words", "number_words")
    return bool(beside) and all(words[k][1:].islower() and _POSSESSIVE.sub("", low[k]) in lex.lower
                                and low[k] not in lex.names and not _abbreviation(toks, k)
                                and low[k] not in designators and low[k] not in numbers for k in beside)


def _surname_in_article(toks: Tokens, low: str, lex) -> bool:
    """Does the article write title-case ``low`` right after a capitalised word no dictionary has in
    lower case, as a surname after its given names (``Mohammed Yousuf Dar``)? Then it is that person's
    name in every mention (``Dar said``), not an acronym in the wrong case.

    >>> from cleaner.lexicon import lexicon
    >>> _surname_in_article(Tokens("Mohammed Yousuf Dar saw it. Dar said so."), "dar", lexicon())
    True
    >>> _surname_in_article(Tokens("The Dar said so. Dar staff agreed."), "dar", lexicon())
    False
    """
    words, gaps, lower = toks.words, toks.gaps, lex.lower
    for k in toks.where(low):
        prev = words[k - 1] if k and gaps[k] == " " else ""
        if words[k].istitle() and prev.isalpha() and prev.istitle() and prev.lower() not in lower:
            return True
    return False


def _beside_number(toks: Tokens, i: int) -> bool:
    """Is title-case word ``i`` a unit or date beside a number (``mln Btu``, ``Apr 16``, ``5 Kwh``)? A
    possessive is no unit (``Gsa’s 10x team``, ``the Fbi's 2019 report``).

    >>> _beside_number(Tokens("at 5 Kwh a day"), 2), _beside_number(Tokens("powered by Gsa’s 10x team"), 2)
    (True, False)
    """
    words, gaps = toks.words, toks.gaps
    if words[i].endswith(("’s", "'s")):
        return False
    nxt = words[i + 1] if i + 1 < len(words) and gaps[i + 1] == " " else ""
    prev = words[i - 1] if i and gaps[i] == " " else ""
    return nxt[:1].isdigit() or prev[:1].isdigit() or prev in ("mln", "bln", "per")


def _capitals_beside_number(toks: Tokens, i: int, w: str, dictionary: frozenset) -> bool:
    """Is title-case ``w`` (word ``i``) an initialism the dictionary writes only in capitals before a
    number (``Html 5``) or after a clock time (``15:11 Gmt``, ``1300 Gmt``), not a unit's or a date's
    own abbreviation: not after a quantity (``mln Btu``, ``5 Btu``), no day's or month's name starts so
    (``Apr 16``, ``Sat 5``) and no stop follows (``Adm.``)?

    >>> from cleaner.lexicon import lexicon
    >>> d = _dictionary_initialisms(lexicon())
    >>> def at(text, w):
    ...     t = Tokens(text)
    ...     return _capitals_beside_number(t, t.words.index(w), w, d)
    >>> [at("as of 15:11 Gmt", "Gmt"), at("at 1300 Gmt", "Gmt"), at("the new Html 5 page", "Html")]
    [True, True, True]
    >>> [at("the meeting Apr 16", "Apr"), at("per mln Btu here", "Btu"), at("rose 2.50 Btu", "Btu")]
    [False, False, False]
    """
    low = w.lower()
    if low not in dictionary or _abbreviation(toks, i):
        return False
    words, gaps = toks.words, toks.gaps
    nxt = words[i + 1] if i + 1 < len(words) and gaps[i + 1] == " " else ""
    prev = words[i - 1] if i and gaps[i] == " " else ""
    clock = _CLOCK_TIME.fullmatch(prev) or (prev.isdigit() and len(prev) == 2 and i >= 2 and gaps[i - 1] == ":"
                                            and words[i - 2].isdigit())  # "15:11" read as two numbers
    if not (nxt[:1].isdigit() or clock):
        return False
    calendar = _pack()["calendar"]
    return not any(name.startswith(low) for name in (*calendar["days"], *calendar["months"], *calendar["ambiguous_months"]))


_CLOCK_TIME = re.compile(r"[0-2]\d[0-5]\d")  # 1300 (15:11 is read as two numbers)


def _initialism(word: str) -> bool:
    """Is a title-case acronym read letter by letter: three letters, or no vowel after the first?

    >>> [_initialism(w) for w in ("Fbi", "Html", "Lgbt", "Nato", "Unicef")]
    [True, True, True, False, False]
    """
    return len(word) == 3 or not any(c in "aeiouy" for c in word[1:].lower())


@lru_cache(maxsize=1)
def _dictionary_initialisms(lex) -> frozenset:
    """Lower-case forms of the acronyms the dictionary writes in capitals (``gsa``, ``html``), three
    letters or more, no English word: a title-case one of them is an initialism written wrong."""
    return frozenset(low for low, form in lex.capitalised.items()
                     if len(form) >= 3 and form.isupper() and form.isalpha() and low not in lex.lower)


@lru_cache(maxsize=1)
def _everyday_acronyms(lex) -> frozenset:
    """The lower-case forms of the ubiquitous acronyms of three letters or more that are no English
    word (``ceo``, ``gdp``, ``gps``; not ``who``, ``aids`` or ``led``)."""
    return frozenset(a.lower() for a in _pack()["acronyms"]["ubiquitous"]
                     if len(a) >= 3 and a.isupper() and a.isalpha() and a.lower() not in lex.lower)


def calendar_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (safe): a day or month name written lower case (``on monday``, ``june 5``, ``on may 2``)."""
    config = _pack()["calendar"]
    always = set(config["days"]) | set(config["months"])
    ambiguous = set(config["ambiguous_months"])
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(always | ambiguous):
        w = words[i]
        if w not in always and w not in ambiguous:
            continue  # capitalised as it should be
        start, end = spans[i]
        if w in ambiguous:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            prev = words[i - 1] if i else ""
            day = nxt.rstrip("stndrh").isdigit() and len(nxt.rstrip("stndrh")) <= 2 and text[end:spans[i + 1][0]] == " "
            dated = prev.isdigit() and len(prev) <= 2 and nxt.isdigit() and len(nxt) == 4
            if not (day or dated):
                continue
        if not _plain_context(text, start, end):
            continue
        proper = w.capitalize()
        findings.append(_claim(doc.finding(
            "G002", f"'{w}' is a name: '{proper}'", start, end, suggestion=proper,
            fix="unsafe" if w in ambiguous else "safe", confidence=0.8 if w in ambiguous else 1.0,
            source=f"{SOURCE}:calendar",
        )))
    return findings


_PAIR = "{} {}"  # two words as one key (a token holds no space)
_TAIL = itemgetter(slice(1, None))  # a word without its first letter


def name_evidence(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G004 (unsafe): a lower-case word after a capitalised one where the article gives other evidence
    that the pair is a name.

    - the article writes the pair capitalised elsewhere (``Palm bay`` beside ``Palm Bay``);
    - the word stands between a capitalised word and ``& Capitalised`` (``Nissan sales & Regional
      Operations``): an ampersand joins the parts of one name;
    - a title abbreviation is lower-cased before a name (``South Dakota gov. Kristi Noem``), or an
      honorific written without its full stop (``said mr Blair``).
    """
    words, spans, text = toks.words, toks.spans, toks.text
    titles = _words("abbreviations", "titles")
    roles = _words("name_parts", "roles")
    pronouns = _words("words", "pronouns")
    # title-case lines ("'We Got Her!' Video Shows Rescue") are no evidence; tables of names are
    headlines, title_case = toks.headlines(doc)
    # the pairs are counted by "first second" strings, not tuples: a string is no work for the garbage
    # collector, and on a long text the tuples made it walk the whole heap again and again
    # capitalised pairs that are a whole name, neither the start of a longer one ("American Farm Bureau")
    # nor its end ("the Senate Banking Committee" is no evidence for "the House Banking committee"; a
    # longer name's own casing is the consistency pass's to judge)
    whole: Counter = Counter()
    # A word is reported for a reason below: its pair written capitalised (a pair of ``whole``), a title
    # abbreviation before it, or " & " after it. Most lower-case words after a capital have none, so
    # the pairs are first matched without the second word's first letter, by look-ups in C, and only
    # the words that match, the titles and the words before " & " are judged one by one; the lower-case
    # pairs are counted among the matches, which hold every pair a reason asks about.
    joined_alpha = toks.joined_alpha
    lower_alpha, low_words = toks.lower_alpha, toks.low_words
    honorifics = _words("abbreviations", "honorifics")
    others = set(_before_ampersand(toks, joined_alpha)).union(compress(
        lower_alpha, map((titles | honorifics).__contains__, map(low_words.__getitem__, lower_alpha))))
    heads = list(map(_PAIR.format, map(words.__getitem__, [i - 1 for i in joined_alpha]), map(_TAIL, map(words.__getitem__, joined_alpha))))
    cap_pairs = toks.cap_pairs
    # (a word's pair is in ``whole`` only if the article writes it capitalised somewhere: in most
    # articles no word asked about has its pair so, and ``whole`` is not counted)
    if not set(map(_PAIR.format, map(words.__getitem__, [i - 1 for i in cap_pairs]), map(_TAIL, map(
            words.__getitem__, cap_pairs)))).isdisjoint(chain(heads, (f"{words[i - 1]} {words[i][1:]}" for i in others if i))):
        for i in cap_pairs:
            if _within(title_case, spans[i][0]) or _inside_longer_name(toks, i - 1, i):
                continue
            whole[f"{words[i - 1]} {words[i]}"] += 1
    unheaded = {f"{prev} {second[1:]}" for prev, _, second in map(methodcaller("partition", " "), whole)}
    paired = tuple(compress(joined_alpha, map(unheaded.__contains__, heads)))
    lower_pairs = Counter(map(_PAIR.format, map(words.__getitem__, [i - 1 for i in paired]), map(words.__getitem__, paired)))
    findings = []
    # every reason but a title abbreviation needs a capitalised word before
    candidates = sorted(others.union(paired))
    for i in candidates:
        w = words[i]
        if w in _CONNECTORS or w in _FUNCTION_WORDS:
            continue
        prev = words[i - 1] if i else ""
        joined = i and toks.gaps[i] == " " and prev[:1].isupper()
        if not joined and w not in titles and w not in honorifics:
            continue  # every reason but a title abbreviation needs a capitalised word before
        start, end = spans[i]
        proper = w[:1].upper() + w[1:]
        why = None
        # only where the pair ends a name: "Iranian oil" beside "National Iranian Oil Company", "Web
        # managers" beside "Federal Web Managers Council" are ordinary words after a name's word
        pair, proper_pair = f"{prev} {w}", f"{prev} {proper}"
        evidence = whole.get(proper_pair, 0)
        if not evidence and w not in titles and w not in honorifics and text[end:end + 3] != " & ":
            continue  # no reason below can hold (most words here): the tests that follow are not run
        if joined and toks.sentence_initial(i - 1):
            # "Customer experience is ...", "Ice cream is ...": a pair that starts a sentence in lower
            # case is an ordinary phrase, whatever a heading or a longer name capitalises
            evidence = 0
        if joined and _pair_uses(toks, prev, w) >= HOUSE_FORM_MIN:
            evidence = 0  # the article writes the pair this way more than once (a possessive too): its own usage
        if joined and evidence and lowered_descriptor(toks, i):
            evidence = 0  # "the Scottish parliament" beside one "Scottish Parliament": a descriptor
        if joined and evidence >= max(1, lower_pairs.get(pair, 0)) and w not in roles and w not in pronouns:
            why = f"'{prev} {proper}' elsewhere in this article"
        elif i + 1 < len(words) and text[end:spans[i + 1][0]] == " & " and words[i + 1][:1].isupper() and joined:
            why = f"joined by '&' to '{words[i + 1]}'"
        elif (w in titles and text[end:end + 2] == ". " and i + 1 < len(words) and spans[i + 1][0] == end + 2
              and words[i + 1][:1].isupper() and words[i + 1][1:].islower()
              and words[i + 1].lower() not in _FUNCTION_WORDS and words[i + 1].lower() not in pronouns):
            why = f"a title before the name '{words[i + 1]}'"
        elif (w in honorifics and i + 1 < len(words) and spans[i + 1][0] == end + 1 and text[end] == " "
              and words[i + 1][:1].isupper() and not words[i + 1].isupper()
              and words[i + 1].lower() not in _FUNCTION_WORDS and words[i + 1].lower() not in pronouns
              and not (i and words[i - 1].isdigit())):
            why = f"an honorific before the name '{words[i + 1]}'"
        confidence = 0.7
        if why is None or _within(headlines, start):
            continue
        findings.append(_claim(doc.finding(
            "G004", f"'{w}' is written '{proper}' here: {why}", start, end, suggestion=proper, fix="unsafe",
            confidence=confidence, source=f"{SOURCE}:evidence",
        )))
    return findings


def _inside_longer_name(toks: Tokens, first: int, last: int) -> bool:
    """Do the capitalised words ``first`` .. ``last`` stand inside a longer name: another capitalised
    word right before them (not a sentence's first word, capitalised for its place) or after them, or
    a joining word and a capitalised word after them (``Robert Maxwell's British Printing and
    Communications Corp``)?

    >>> t = Tokens("The Senate Banking Committee met. This Valentine’s Day we met. British Printing and Communications Corp")
    >>> _inside_longer_name(t, 2, 3), _inside_longer_name(t, 6, 7), _inside_longer_name(t, 10, 11)
    (True, False, True)
    """
    words, gaps = toks.words, toks.gaps
    if first and gaps[first] == " " and words[first - 1][:1].isupper() and not toks.sentence_initial(first - 1):
        return True
    nxt = last + 1
    if nxt < len(words) and gaps[nxt] == " " and words[nxt][:1].isupper():
        return True
    return nxt + 1 < len(words) and gaps[nxt] == " " and words[nxt] in _CONNECTORS and gaps[nxt + 1] == " " \
        and words[nxt + 1][:1].isupper()


def _before_ampersand(toks: Tokens, among: tuple) -> list:
    """The indexes in ``among`` (ascending) of the words right before `` & `` (``sales & Regional``),
    found by searching the text for `` & ``: there are few.

    >>> toks = Tokens("Nissan sales & Regional Operations, R & D and Smith & Wesson")
    >>> _before_ampersand(toks, toks.joined_alpha)
    [1]
    """
    starts, spans, found = toks._starts(), toks.spans, []
    at = toks.text.find(" & ")
    while at >= 0:
        i = bisect_left(starts, at) - 1
        if i >= 0 and spans[i][1] == at:
            k = bisect_left(among, i)
            if k < len(among) and among[k] == i:
                found.append(i)
        at = toks.text.find(" & ", at + 1)
    return found


def _prefixed_word(w: str, lex) -> bool:
    """Is lower-case ``w`` an English prefix before a listed word (``reimagined``, ``premade``)? Names
    are not built so; a closed compound is no evidence (``sundance``).

    >>> from cleaner.lexicon import lexicon
    >>> [_prefixed_word(w, lexicon()) for w in ("reimagined", "premade", "sundance", "delphine")]
    [True, True, False, False]
    """
    parts = lex.derivation(w)
    return len(parts) == 1 and w.endswith(parts[0]) and len(parts[0]) < len(w)


def _before_a_title(toks: Tokens, i: int) -> bool:
    """Does a person's title follow word ``i`` (``influencer Mrs Hinch``, ``spokesman Dr Lee``)? A
    word before a title describes the person; it is no part of a name."""
    k = i + 1
    return k < len(toks.words) and toks.gaps[k] == " " and toks.words[k][:1].isupper() \
        and toks.low_words[k] in _words("abbreviations", "not_sentence_end")


NAME_WORD_MIN_ZIPF = 2.0  # a word no dictionary has that web text writes this often is a name's (zurich, delphine)


def _lower_alpha_counts(toks: Tokens) -> tuple:
    """(the lower-case all-letter words of ``toks`` in text order, their counts), made once per text
    for the passes that read them (read them, never change them)."""
    memo = per_text_memo(toks)
    known = memo.get("lower alpha counts")
    if known is None:
        written = list(map(toks.words.__getitem__, toks.lower_alpha))
        known = memo["lower alpha counts"] = (written, Counter(written))
    return known


def lowered_name_words(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): a name's word in lower case in running text, where nothing else explains it.

    - a word the dictionary knows only capitalised: anywhere when it is a place of the gazetteer, a
      common given name or a people's adjective (``earlier venezuelan proposals``), any other only
      before a capitalised word (``defeated debutants Panama``);
    - a word no dictionary has but web text writes (a name of its own) right before a capitalised
      word (``said delphine Pando``, ``the sundance Film Festival``) or after ``of`` in a
      capitalised name (``the University of zurich``).

    Not after a capitalised word (:func:`lowercase_names`), nor a pair English writes in lower case
    (``pro bono``), an address spelt out against spam, a search operator's value (``filetype:json``).
    Not a word of a handle, address or all-lower-case line, a word the article writes in lower
    case twice or more (its own style: ``the iphone``), nor one the settings allow.
    """
    lex = lexicon()
    allowed = {w.lower() for w in getattr(ctx.settings, "allow_words", []) or []}
    words, spans, gaps, text = toks.words, toks.spans, toks.gaps, toks.text
    written, counts = _lower_alpha_counts(toks)
    places, cities, given = _place_words(), _city_words(), _words("given_names", "names")
    findings = []
    # a dictionary word that is no given name is never one, nor a word written twice or under four
    # letters: those tests once per distinct word (set operations in C), one look-up per word
    distinct = counts.keys()
    picked = {w for w in chain(_unknown_lowered(toks, lex).intersection(distinct), given.intersection(distinct))
              if counts[w] == 1 and len(w) >= 4}
    for i in compress(toks.lower_alpha, map(picked.__contains__, written)):
        w = words[i]
        if w in allowed or w in lex.misspellings:
            continue
        form = lex.names.get(w)
        why = "the dictionary knows it only as a name"
        if w in lex.lower:
            if w not in given or not _before_a_surname(toks, i, lex):
                continue
            form, why = w[:1].upper() + w[1:], "a given name before a surname"  # "Actor matt Damon"
        elif form is None and w in cities and w not in lex.capitalised and lex.zipf(w) >= NAME_WORD_MIN_ZIPF:
            form, why = w[:1].upper() + w[1:], "a city no dictionary has in lower case"  # "to kyiv"
        elif form is None:
            if w in lex.capitalised or lex.zipf(w) < NAME_WORD_MIN_ZIPF or not _in_a_name(toks, i):
                continue
            if _prefixed_word(w, lex) or _before_a_title(toks, i) or w in _words("name_parts", "roles"):
                continue  # "the reimagined Main Lodge", "premade Raspberry ... Mule": English built from
                # a prefix and a word; "cleaning influencer Mrs Hinch", "freelance videographer Mohamed
                # El Saife": a description of the person, before a title or as a role
            form, why = surname_case(w), "no dictionary has it, and it stands in a name"
        elif not (form[:1].isupper() and form[1:] == w[1:]):
            continue  # an acronym ("sam" -> "SAM") or an inner capital: other passes' business
        elif i and gaps[i] == " " and words[i - 1][:1].isupper() and not _opens_sentence(toks, i - 1, lex, given):
            continue  # after a capitalised word: lowercase_names' finding ("Letitia james"); not after a
            # sentence's first word that may be any word, which that pass leaves ("Although margaret Chan")
        elif w not in places and w not in cities and w not in given and not _adjective_of_place(form, lex) \
                and not _in_a_name(toks, i):
            continue  # a brand or a loan word no list vouches for as a name ("rolodex", "eurobond")
        start, end = spans[i]
        if not _plain_context(text, start, end) or "(dot)" in text[max(0, start - 12):end + 12] \
                or text[start - 1:start] == ":":
            continue  # ... or an address spelt out against spam ("ryan (dot) day (at) gsa (dot) gov"),
            # or a search operator's value ("filetype:json")
        if (w in places or w in cities) and _lower_compound(toks, i):
            continue  # "brussels sprouts", "plaster of paris": English writes the compound in lower case
        if _lower_pair(lex, toks, i, place=w in places or w in cities):
            continue  # "carte blanche", "pro bono", "per diem": English writes the pair in lower case
        findings.append(_claim(doc.finding(
            "G002", f"'{w}' is a name here ({why}): '{form}'", start, end, suggestion=form, fix="unsafe",
            confidence=0.5, source=f"{SOURCE}:name-word",
        )))
    return findings


def _opens_sentence(toks: Tokens, i: int, lex, given: set) -> bool:
    """Is word ``i`` a sentence's first word capitalised for its place, not as a name: one the dictionary
    has in lower case, or no given name nor name at all (:func:`lowercase_names` leaves the word after it)?

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("Although margaret Chan spoke. Letitia james spoke.")
    >>> _opens_sentence(t, 0, lexicon(), {"letitia"}), _opens_sentence(t, 5, lexicon(), {"letitia"})
    (True, False)
    """
    low = toks.low_words[i]
    return toks.sentence_initial(i) and (low in lex.lower or (low not in given and low not in lex.names))


def lowered_person_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): a person's whole name in lower case, two words that are names and nothing else
    (``said marco patavino``, ``according to allan clelland``, ``actor matt damon``): a given name (the
    configured list) or a word the dictionary knows only as a name, then a name-only word or one no
    dictionary has that web text seldom writes (a surname). Not a people's or place's adjective or a
    place (``latin american``, ``peruvian andes``), a pair English writes in lower case (``bona fide``),
    a word the article writes in lower case twice, nor outside running text."""
    lex = lexicon()
    given, places = _person_given(), _place_words()
    words, spans, gaps, text = toks.words, toks.spans, toks.gaps, toks.text
    written, counts = _lower_alpha_counts(toks)

    def name_only(w: str) -> bool:
        form = lex.names.get(w)
        return form is not None and w not in lex.lower and len(w) >= 3 and w not in places \
            and not _adjective_of_place(form, lex)

    # the first word is written once and is a given name or a name-only word: judged once per distinct
    # word, its place found by one look-up per word in C (a Python step per word cost the pass 2/3)
    # (name_only asks lex.names first: only the words it or the given names hold, found by set operations)
    distinct = counts.keys()
    firsts = {w for w in chain(given.intersection(distinct), distinct & lex.names.keys())
              if counts[w] == 1 and (w in given or name_only(w))}
    findings = []
    for i in compress(toks.lower_alpha, map(firsts.__contains__, written)):
        first = words[i]
        if i + 1 >= len(words) or gaps[i + 1] != " ":
            continue
        second = _POSSESSIVE.sub("", words[i + 1])
        if not second.isalpha() or not second.islower() or counts[second] > 1 or len(second) < 3:
            continue
        if not (name_only(second) or (second not in lex.lower and second not in lex.misspellings and (
                _census_surname(second, lex) or second not in lex.capitalised and lex.zipf(second) < SURNAME_MAX_ZIPF))):
            continue
        start, end = spans[i][0], spans[i + 1][0] + len(second)
        if not _plain_context(text, start, end) or _lower_pair(lex, toks, i):
            continue
        proper = f"{first[:1].upper()}{first[1:]} {surname_case(second)}"
        findings.append(_claim(doc.finding(
            "G002", f"'{text[start:end]}' is a person's name here: '{proper}'", start, end, suggestion=proper,
            fix="unsafe", confidence=0.5, source=f"{SOURCE}:person-name",
        )))
    return findings


SURNAME_MAX_ZIPF = 3.0  # a word no dictionary has that web text writes this often is a common noun of its own (repo)


def _before_a_surname(toks: Tokens, i: int, lex) -> bool:
    """Is lower-case word ``i`` followed by a title-case word no dictionary has in lower case, a
    surname (``matt Damon``), not a sentence's first word? (``the bill Trump signed``: ``Trump`` is
    in no lower-case list either, so the caller takes only the configured given names, and the
    word before must not be one that takes a noun: a determiner or a verb.)

    >>> from cleaner.lexicon import lexicon
    >>> [_before_a_surname(Tokens(t), 1, lexicon()) for t in ("Actor matt Damon said", "the bill Trump signed", "Actor matt Smith")]
    [True, False, False]
    """
    words, gaps = toks.words, toks.gaps
    if i + 1 >= len(words) or gaps[i + 1] != " " or toks.sentence_initial(i + 1):
        return False
    nxt = _POSSESSIVE.sub("", words[i + 1])
    if not (nxt[:1].isupper() and nxt[1:].islower()) or nxt.lower() in lex.lower and not _census_surname(nxt.lower(), lex):
        return False
    prev = toks.low_words[i - 1] if i and gaps[i] == " " else ""
    return prev not in _FUNCTION_WORDS and not _verb(prev, lex)


def _in_a_name(toks: Tokens, i: int) -> bool:
    """Does lower-case word ``i`` stand in a name: right before a capitalised word, or after ``of``
    after one (``the University of zurich``)? (Not after one: a word no dictionary has after a name
    is mostly a new common noun, ``GitHub repo``, and a name-only word there is
    :func:`lowercase_names`' finding.)"""
    words, gaps, low = toks.words, toks.gaps, toks.low_words
    if i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1][:1].isupper() and words[i + 1][1:].islower():
        return True
    return i >= 2 and low[i - 1] == "of" and gaps[i] == " " and gaps[i - 1] == " " \
        and words[i - 2][:1].isupper() and not toks.sentence_initial(i - 2)


def _lower_compound(toks: Tokens, i: int) -> bool:
    """Does place word ``i`` stand in a compound English writes in lower case (``[place_names]
    lower_compounds`` of ``rules/names_config.toml``: ``brussels sprouts``, ``plaster of paris``)?

    >>> t = Tokens("She cooked brussels sprouts with plaster of paris")
    >>> _lower_compound(t, 2), _lower_compound(t, 7)
    (True, True)
    """
    compounds = _words("place_names", "lower_compounds")
    low = toks.low_words
    return any(" ".join(low[k:k + n]) in compounds for n in (2, 3) for k in range(max(0, i - n + 1), i + 1))


def _lower_pair(lex, toks: Tokens, i: int, place: bool = False) -> bool:
    """Does English (the bigram list) write word ``i`` in lower case beside the lower-case word before
    or after it (``carte blanche``, ``bona fide``)? Never for a ``place``: the list lower-cases web
    text's pairs of places too (``in paris``, ``paris on``, ``in houston``).

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("He works pro bono in paris")
    >>> _lower_pair(lexicon(), t, 3), _lower_pair(lexicon(), t, 5, place=True)
    (True, False)
    """
    words, gaps, w = toks.words, toks.gaps, toks.words[i]
    if place:
        return False
    if i and gaps[i] == " " and words[i - 1].islower() and lex.bigram(words[i - 1], w):
        return True
    return i + 1 < len(words) and gaps[i + 1] == " " and words[i + 1].islower() and lex.bigram(w, words[i + 1]) > 0
