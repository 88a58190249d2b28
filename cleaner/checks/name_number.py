"""G003 number-changed names, run from :mod:`cleaner.checks.names`: a gazetteer name with one word's
number flipped (``the Internal Revenue Services``, ``the United Nation``, ``the World Health
Organisations``).

Machine translation and non-native retyping change a noun's number inside a set name; each word is
still a dictionary word, so no spelling check sees it, and the name is no longer the gazetteer's. The
evidence is the gazetteer name itself: the flipped form is not another name. A name's last word in
the plural after a number, a plural determiner or a coordination, or in the plural twice in the
article, is the name used as a common noun (``two Federal Reserve Banks``, ``Orange and Los Angeles
Counties``) and is left alone.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..gazetteer import gazetteer
from ..lexicon import lexicon
from ..tokens import Tokens
from .name_tokens import (
    _FUNCTION_WORDS, SOURCE, Candidate, _claim, _known_names, _pack, _plain_context, _unpossessed, _within,
)

#: the most words of a capitalised run looked at for a name
MAX_WORDS = 7
#: subject pronouns: a word after them more often than after "the" is a verb
_SUBJECTS = ("he", "she", "it", "they", "we")
#: joining words that continue a name past a capitalised word, rather than start a place or date after it
_NAME_GOES_ON = frozenset(("of", "for", "and", "&"))
#: words after a plural that make it one of a coordination (``Range Rovers and BMWs``)
_COORDINATION = frozenset(("and", "or", "&"))


@lru_cache(maxsize=None)
def _config() -> tuple:
    config = _pack()["number_variants"]
    return config["min_length"], tuple(config["not_plural_endings"]), frozenset(config["plural_before"])


def other_numbers(word: str) -> tuple:
    """The other-number spellings of the lower-case ``word`` that are dictionary words, when it is one.

    >>> other_numbers("service"), other_numbers("nations"), other_numbers("agencies")
    (('services',), ('nation',), ('agency',))
    >>> other_numbers("congress"), other_numbers("of"), other_numbers("house")
    ((), (), ('houses',))
    """
    min_length, keep_endings, _ = _config()
    if len(word) < min_length or not word.isalpha():
        return ()
    lex = lexicon()
    if word not in lex.lower:
        return ()
    if word.endswith("s"):
        if word.endswith(keep_endings):
            return ()
        options = [word[:-3] + "y"] if word.endswith("ies") else [word[:-1]]
        if word.endswith(("ses", "xes", "ches", "shes", "zes")):
            options.append(word[:-2])
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        options = [word[:-1] + "ies"]
    elif word.endswith(("s", "x", "ch", "sh", "z")):
        options = [word + "es"]
    else:
        options = [word + "s"]
    return tuple(o for o in options if o in lex.lower)


def number_changed_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a gazetteer name with one word's number flipped, a whole run of capitalised
    words (``the Internal Revenue Services said`` -> ``Service``); not in a title-case headline, and
    not where the number is the writer's: a plural head before a joining word shared by a
    coordination (``the Departments of Education and Labor``), a plural last word used as a common
    noun (only ``the Internal Revenue Services`` is one name; not ``two Federal Reserve Banks``,
    ``Range Rovers``, nor a plural the article writes twice), a singular last word before the noun it
    describes (``Rocky Mountain states``, ``a Liberal Democrat party``)."""
    min_length, endings, plural_before = _config()
    index = gazetteer(_known_names(ctx)).number_variants(other_numbers, (min_length, endings))
    words, low, spans, gaps, cap = toks.words, toks.low_words, toks.spans, toks.gaps, toks.capitalised
    joining = _joining_words()
    n_words = len(words)
    lex = lexicon()
    hits = []
    after = 0
    for i in toks.caps:
        if i < after:
            continue
        j, hit = i, None
        while j + 1 < n_words and j - i < MAX_WORDS and gaps[j + 1] == " " and (cap[j + 1] or low[j + 1] in joining):
            j += 1
            if cap[j]:
                slot = index.get(" ".join(low[i:j]) + " " + _unpossessed(low[j]))
                if slot is not None:
                    hit = (j, slot)
        if hit is None:
            continue
        j, (entry, spelling, k) = hit
        after = j + 1
        if sum(w not in _FUNCTION_WORDS for w in low[i:j + 1]) < 2:
            continue  # "The Republican" of "The Republicans": one word is no name's evidence
        if not _whole_run(toks, i, j):
            continue  # "Evergreen Marine Corp", "Fox New York": part of a longer name
        flipped = i + k
        plural = len(_unpossessed(words[flipped])) > len(spelling.split(" ")[k])
        if plural and flipped < j and low[flipped + 1] in joining:
            continue  # "the Departments of Education and Labor": a head the coordination shares
        if plural and flipped == j and (i and (low[i - 1] in plural_before or low[i - 1][:1].isdigit())
                                        or j + 1 < n_words and low[j + 1] in _COORDINATION):
            continue  # "two Federal Reserve Banks", "Range Rovers and BMWs": a common noun's plural
        if not plural and flipped == j and j + 1 < n_words and gaps[j + 1] == " " and _describes(low[j + 1], lex):
            continue  # "Rocky Mountain states", "a Liberal Democrat party": the name as an adjective
        hits.append((i, j, flipped, plural, entry, spelling))
    if not hits:
        return []
    written: dict = {}
    for i, j, *_ in hits:
        key = " ".join(low[i:j + 1])
        written[key] = written.get(key, 0) + 1
    title_case = toks.headlines(doc)[1]
    findings = []
    for i, j, flipped, plural, entry, spelling in hits:
        start, end = spans[flipped]
        if plural and written[" ".join(low[i:j + 1])] > 1:
            continue  # "the Federal Reserve Banks" throughout: the article's own common noun
        if _within(title_case, start) or not _plain_context(toks.text, spans[i][0], spans[j][1]):
            continue
        right = spelling.split(" ")[flipped - i]
        bare = _unpossessed(words[flipped])
        text = toks.text
        if bare != words[flipped]:  # a possessive: "United Nation’s" -> "Nations’"
            apostrophe = words[flipped][len(bare)]
            right += apostrophe if right.endswith("s") else apostrophe + "s"
        elif text[end:end + 1] in ("'", "’") and not text[end + 1:end + 2].isalnum():
            right += text[end] + ("" if right.endswith("s") else "s")  # "Funds’ board" -> "Fund’s"
            end += 1
        found = toks.text[spans[i][0]:spans[j][1]]
        findings.append(_claim(doc.finding(
            "G003", f"'{found}' is written '{spelling}'", start, end, suggestion=right, fix="unsafe",
            confidence=0.6, source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
        )))
    return findings


@lru_cache(maxsize=None)
def _joining_words() -> frozenset:
    return frozenset(_pack()["function_words"]["swap_words"])


def _whole_run(toks: Tokens, i: int, j: int) -> bool:
    """Are words ``i``..``j`` a whole run of capitalised words: no capitalised word (or ``of``, ``for``,
    ``and`` and a capitalised word: ``Federal Reserve Banks of New York``) right after, none before but
    a sentence's article or an acronym (``The``, ``U.S.``)? (``on Monday``, ``in London`` say where or when.)"""
    words, low, gaps, cap = toks.words, toks.low_words, toks.gaps, toks.capitalised
    n = len(words)
    if j + 1 < n and gaps[j + 1] == " " and (
            cap[j + 1] or low[j + 1] in _NAME_GOES_ON and j + 2 < n and gaps[j + 2] == " " and cap[j + 2]):
        return False
    if i and gaps[i] == " " and cap[i - 1]:
        before = words[i - 1]
        return low[i - 1] in _FUNCTION_WORDS or before.isupper() or "." in before
    return True


def _describes(word: str, lex) -> bool:
    """Is the lower-case ``word`` after a name a noun the name describes (``states``, ``party``,
    ``shares``), not a verb or a function word that ends the name (``said``, ``has``, ``and``)? A noun
    by the pairs English writes: after ``the`` more often than after a subject pronoun.

    >>> from cleaner.lexicon import lexicon
    >>> [_describes(w, lexicon()) for w in ("states", "party", "said", "says", "has", "and")]
    [True, True, False, False, False, False]
    """
    if not (word.isalpha() and word.islower() and word in lex.lower) or word in _FUNCTION_WORDS:
        return False
    return lex.bigram("the", word) > max(lex.bigram(subject, word) for subject in _SUBJECTS)
