"""S: misspelt ordinary words — known misspellings (S001), unknown words with a suggestion (S002),
repeated words (S003), words a print line break divided at a hyphen (S004).

Only ordinary words are judged: a word capitalised inside a sentence is a name and belongs to the G
checks, and so are acronyms. Tokens glued to URLs, handles, numbers or code are skipped. The word
knowledge (SCOWL-70 dictionary, wordfreq frequencies, the known-misspelling table) is in
:mod:`cleaner.lexicon`; what counts as a legitimate doubled word is in ``rules/spelling.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
import itertools
from bisect import bisect_right
from itertools import compress, islice
from typing import Optional

from ..tokens import WORD_TOKEN as _TOKEN
from ..document import Document
from ..finding import Finding
from ..language import drop_other_language
from ..lexicon import (
    ADMIT_ZIPF, ADMIT_ZIPF_SHORT, CONTEXT_WEIGHT, MAX_SUGGEST_LENGTH, ZIPF_FLOOR, lexicon, neighbouring_keys, weighted_distance,
)
from ..rulepacks import load_builtin
from .search_budget import SearchBudget

SOURCE = "spelling"

# a sentence starts after . ! ? … : (and any closing quote) plus space, or at a line start; opening
# quotes and brackets may come first
_SENTENCE_START = re.compile(r"(?:^|[.!?…:][\"”’')\]]*[ \t]+|\n[ \t]*|[*•#>|-][ \t]+)[\"“‘'(\[]*$")
# "Gov. Deval Patrick", "D. Curr Opin": a full stop after a title or an initial ends no sentence
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rev|St|Mt|Ft|"
                           r"Jr|Sr|No|Nos|Vol|Fig|Inc|Co|Corp|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
                           r"Sept|Oct|Nov|Dec))\.[\"”’')\]]*[ \t]+[\"“‘'(\[]*$")
# possessive (++): the same matches (a letter run ends at a space, spaces at a letter), a fifth faster
_REPEAT = re.compile(r"\b([^\W\d_]++)([ \t]++)(\1)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pack() -> dict:
    return load_builtin("spelling")


def _allowed(ctx) -> frozenset:
    words = {w.lower() for w in getattr(ctx.settings, "allow_words", []) or []}
    batch = (ctx.batch or {}).get("S") or {}
    words.update(batch.get("words", ()))
    return frozenset(words)


def _match_case(original: str, fix: str) -> str:
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


#: the end of a contraction after its apostrophe (``n't``, ``'s``, ``'re``, ``'ve``, ``'ll``, ``'d``, ``'m``)
_CONTRACTION_AFTER_MARK = re.compile(r"(?:t|s|re|ve|ll|d|m)(?![\w-])")
FAR_SUGGESTION_CONFIDENCE = 0.45  # below G002's 0.5 for a lower-cased surname after a given name


def _skippable(text: str, start: int, end: int, word: str) -> bool:
    """Tokens that are parts of URLs, handles, file names, numbers, hyphenated particles, a compound's
    first part before a hanging hyphen (``Berliner Handels- und Frankfurter Bank``) or an editor's
    bracketed completion of a word.

    >>> text = "Berliner Handels- und Frankfurter Bank"
    >>> _skippable(text, 9, 16, "Handels"), _skippable("the Handels said", 4, 11, "Handels")
    (True, False)
    """
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in "@#/\\_=&%$+" or after in "@/\\_=&%+" or before.isdigit() or after.isdigit():
        return True
    if before == "." and start >= 2 and text[start - 2].isalnum():
        return True
    if before == "[" and after == "]" and start >= 2 and text[start - 2].isalpha():
        return True  # an editor's completion of the word before: "30 min[ute]", "gov[ernment]"
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    if (before == "-" or after == "-") and len(word) <= 3:
        return True
    if after == "-" and text[end + 1:end + 2] in (" ", "\t"):
        return True  # a compound's first part, its hyphen left hanging: "pre- and post-war", "Handels- und"
    if "(dot)" in text[max(0, start - 16):end + 16] or "(at)" in text[max(0, start - 16):end + 16]:
        return True  # an address spelt out against spam: "rpanzer (at) iqsolutions (dot) com"
    if _SIC.match(text, end):
        return True  # "Codeing [sic] is fun": the writer marks the quoted spelling as the original's
    if after == '"' and _CONTRACTION_AFTER_MARK.match(text, end + 1):
        return True  # "isn\"t": a contraction whose apostrophe was typed double (Q007's repair), no word "isn"
    left = text.rfind(" ", max(0, start - 80), start)
    chunk = text[left + 1:end + 40].split(None, 1)[0] if text[left + 1:end + 40].strip() else ""
    return "://" in chunk or "www." in chunk or "@" in chunk


_PREFIX_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,5})-$")


def _prefixed_word(text: str, start: int, low: str, words) -> bool:
    """Is the piece at ``start`` the second half of a prefixed word written with a hyphen, the halves
    one dictionary word when joined (``pre-empted``: ``preempted``; British house styles hyphenate
    what American dictionaries close up)?

    >>> words = {"preempted", "reelected"}
    >>> _prefixed_word("will be pre-empted by", 12, "empted", words), _prefixed_word("a well-knwon man", 7, "knwon", words)
    (True, False)
    """
    m = _PREFIX_BEFORE.search(text, max(0, start - 7), start)
    return m is not None and (m.group(1).lower() + low) in words


_SIC = re.compile(r"\W{0,3}[\[(]sic[\])]", re.IGNORECASE)
_PREV_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _possessive_or_plural(doc: Document, text: str, start: int, end: int, word: str, plural: str):
    """S002 (unsafe) for ``countrys`` where the possessive ``country's`` fits as well as the table's
    plural ``countries``: before a content word (``the countrys second-largest``). None where the next
    word or punctuation makes it a plural (``countrys in Europe``), for S001 to fix safely.

    >>> from cleaner.document import Document
    >>> d = Document("It is the countrys second-largest city.")
    >>> _possessive_or_plural(d, d.text, 10, 18, "countrys", "countries").suggestion
    "country's"
    >>> d = Document("Many countrys in Europe agreed.")
    >>> _possessive_or_plural(d, d.text, 5, 13, "countrys", "countries") is None
    True
    """
    config = _pack()["possessive_or_plural"]
    before, after = _neighbours(text, start, end)
    if not after or after in config["plural_before"]:
        return None
    possessive = word[:-1] + "'s"
    fix = possessive if before in config["singular_before"] else plural
    return doc.finding(
        "S002", f"'{word}' is the plural '{plural}' or the possessive '{possessive}'", start, end,
        suggestion=fix, fix="unsafe", confidence=0.6, source=SOURCE,
    )


def _lost_apostrophe(low: str, best: str, before: str, after: str) -> Optional[str]:
    """The possessive that an unknown ``…s`` word lost its apostrophe from, when the best suggestion is
    the word without its ``s`` and the neighbours read as a possessive: a determiner of one thing before
    it and a content word after it (``[possessive_or_plural]`` in ``rules/spelling.toml``). Dropping the
    ``s`` would leave ``the agency budget``; a lost apostrophe is the commoner slip in web copy.

    >>> _lost_apostrophe("agencys", "agency", "the", "budget"), _lost_apostrophe("citys", "city", "the", "east")
    ("agency's", "city's")
    >>> _lost_apostrophe("agencys", "agency", "the", "in"), _lost_apostrophe("agencys", "agency", "many", "budget")
    (None, None)
    >>> _lost_apostrophe("recieves", "receives", "the", "budget") is None
    True
    """
    if len(low) < 4 or low[-1] != "s" or best != low[:-1] or best[-1] == "s" or not after:
        return None
    config = _pack()["possessive_or_plural"]
    if before not in config["singular_before"] or after in config["plural_before"]:
        return None
    return best + "'s"


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The lower-cased words right before and after a token, when only spaces separate them."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    before = m.group(1).lower() if m else ""
    m = _NEXT_WORD.match(text, end)
    after = m.group(1).lower() if m else ""
    return before, after


def _sentence_initial(text: str, start: int) -> bool:
    """Does a sentence (or a line) start at ``start``?

    >>> _sentence_initial("He left. Meanwile", 9), _sentence_initial('at the "Caja Magica"', 8)
    (True, False)
    >>> _sentence_initial("former Massachusetts Gov. Deval Patrick", 26)
    False
    """
    before = text[max(0, start - 12):start]
    if start == 0 or not before.strip():
        return start == 0 or "\n" in before or len(before) < 12
    return bool(_SENTENCE_START.search(before)) and not _ABBREVIATION.search(before)


@lru_cache(maxsize=4096)
def function_word_slip(low: str) -> Optional[str]:
    """The function word of ``[sentence_start_slips]`` (``rules/spelling.toml``) that ``low``, no word of
    the dictionary nor a name it knows, is a cheap slip of, or None: at a sentence's start a capitalised
    slip of ``the`` is no name however often web text writes it (``Teh``).

    >>> function_word_slip("teh"), function_word_slip("adn"), function_word_slip("ther"), function_word_slip("tee")
    ('the', 'and', 'the', None)
    """
    config = _pack()["sentence_start_slips"]
    lex = lexicon()
    if len(low) > config["max_length"] or low in lex.lower or low in lex.names or low in lex.capitalised:
        return None
    costs = sorted((weighted_distance(low, w), w) for w in config["words"] if abs(len(w) - len(low)) <= 1)
    return costs[0][1] if costs and costs[0][0] <= config["max_cost"] else None


@lru_cache(maxsize=1 << 16)
def _suspect(t: str) -> bool:
    """Could token ``t`` be misspelt (allow-words aside)? Kept per process: news copy repeats its words.

    Capitalised, only a known misspelling of a common word or a rare non-name (judged later by its
    position); lower case, any word the lexicon does not know.
    """
    base = _unpossessed(t)
    if base != t:
        return _suspect(base)  # "the filn’s creator"
    lex = lexicon()
    if t[0].isupper():
        low = t.lower()
        if not t[1:].islower() or not t.isascii():
            return False
        if low in lex.misspellings and lex.zipf(low) < 3.0:
            return True
        return len(t) >= 3 and low not in lex.names and not lex.is_word(low) and (
            lex.zipf(low) < 2.5 or function_word_slip(low) is not None)
    if not t.isascii() or not t.islower() and not ("'" in t or "’" in t):
        return False
    if not lex.is_word(t):
        # two common words written as one, however rare (``hostnames``, ``soymeal``), or a regular
        # inflection of a word (``fidelities``, ``spriting``), is a coinage unless it is a cheap slip of
        # a common word too (``workhop``, ``runing``)
        parts = (lex.compound_parts(t) or (_inflected_from(t) if t not in lex.misspellings else ())) \
            if "'" not in t and "’" not in t else ()
        return not parts or _derived_slip(t, parts)
    if "'" in t or "’" in t or t in lex.lower or lex.zipf(t) >= (ADMIT_ZIPF_SHORT if len(t) <= 4 else ADMIT_ZIPF):
        return False
    return _derived_slip(t, lex.derivation(t))


_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def _inflections(t: str):
    """The words English's regular inflection could have made ``t`` from, with its spelling changes:
    a plural or third person (``-s``; ``-es`` after a sibilant or an ``o``; ``-ies`` for a consonant's
    ``y``), a participle or past (``-ing``, ``-ed``, a silent ``e`` dropped), a comparison of a
    consonant's ``y`` (``-ier``, ``-iest``), and the ``-ation`` noun of a verb in ``-ise`` or ``-ize``
    (``iodisation``: ``iodise``). Not a doubled consonant (``preferring`` but not
    ``centralled``: only the stress decides) nor a plain ``-er`` or ``-est``, which slips make of words
    that have no comparison (``abover``).

    >>> sorted(_inflections("fidelities")), sorted(_inflections("siloes")), sorted(_inflections("spriting"))
    ([('fidelity',)], [('silo',), ('siloe',)], [('sprit',), ('sprite',)])
    >>> sorted(_inflections("studys")), sorted(_inflections("centralled")), sorted(_inflections("hoppiest"))
    ([], [], [('hoppy',)])
    >>> sorted(_inflections("iodisation")), sorted(_inflections("ionization"))
    ([('iodise',)], [('ionize',)])
    """
    stem_min = _pack()["inflections"]["min_stem"]
    for end in ("ies", "ied", "ier", "iest"):
        if t.endswith(end) and len(t) - len(end) >= stem_min and t[-len(end) - 1] in _CONSONANTS:
            yield (t[:-len(end)] + "y",)
            return  # (a consonant's "y" becomes "i" before these endings, and nothing else does)
    if t.endswith(("isation", "ization")):
        yield (t[:-5] + "e",)  # the noun of a verb in -ise or -ize: "iodisation", "sanitization"
        return
    if t.endswith("ys") and t[-3:-2] in _CONSONANTS:
        return  # "studys": no English plural
    if t.endswith("es") and t[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        yield (t[:-2],)
    if t.endswith("s") and not t.endswith("ss"):
        yield (t[:-1],)
    for end in ("ing", "ed"):
        stem = t[:-len(end)]
        if not t.endswith(end) or len(stem) < stem_min or end == "ed" and stem.endswith("e"):
            continue  # ("-ed" after a silent "e" is "-d": "freed", not "free" + "ed")
        if stem[-1] == stem[-2:-1]:
            continue  # a doubled consonant: only a stressed last syllable doubles ("preferring", not
            # "centralled"), which no spelling shows
        yield (stem,)
        if stem[-1] in _CONSONANTS and stem[-2:-1] not in _CONSONANTS:
            yield (stem + "e",)  # a silent "e" dropped: "spriting", "liked"


def _inflected_from(t: str) -> tuple:
    """The word ``t`` is a regular inflection of (:func:`_inflections`): one the dictionary lists, or
    one web text writes at least ``[inflections] base_min_zipf`` often, but no function word as common
    as ``base_max_zipf``; else ``()``.

    >>> _inflected_from("fidelities"), _inflected_from("strategizes"), _inflected_from("studys")
    (('fidelity',), ('strategize',), ())
    >>> _inflected_from("withs"), _inflected_from("nces")
    ((), ())
    """
    lex = lexicon()
    config = _pack()["inflections"]
    for (base,) in _inflections(t):
        zipf = lex.zipf(base)
        if len(base) >= config["min_stem"] and (base in lex.lower or zipf >= config["base_min_zipf"]) \
                and zipf < config["base_max_zipf"]:
            return (base,)
    return ()


def _derived_slip(t: str, parts: tuple) -> bool:
    """Is a word that a prefix, suffix or compound rule builds from ``parts`` (``repoet`` = re + poet,
    ``undeer``, ``coyurt``) one cheap slip of a common word other than its own parts, or a regular
    plural written as an irregular one (``agencys``, ``theorys``)? Then it is judged as any unknown word
    is; ``unevidenced`` and ``automations`` stay words.

    >>> lex = lexicon()
    >>> _derived_slip("repoet", lex.derivation("repoet")), _derived_slip("agencys", lex.derivation("agencys"))
    (True, True)
    >>> _derived_slip("unevidenced", lex.derivation("unevidenced"))
    False
    """
    if not parts:
        return False
    if t.endswith("ys") and len(t) > 4 and t[-3] not in "aeiouy" and t[:-2] + "ies" in lexicon().lower:
        return True
    config = _pack()["derived_words"]
    return _has_close_word(t, config["min_zipf"], config["max_cost"], parts)


@lru_cache(maxsize=1024)
def _near_contraction(low: str):
    """The standard contraction (the dictionary's, with the endings of ``[bare_contractions]`` and
    ``'d``) that ``low`` misses by a cut-off ending (``you'l``, ``they'r``) or one cheap slip
    (``is'nt``, ``does'nt``: the apostrophe one letter off), when one is clearly nearest; else None."""
    config = _pack()["bare_contractions"]
    lex = lexicon()
    tails = tuple(config["tails"]) + ("'d",)
    base, _, tail = low.partition("'")
    scored = []
    for entry in lex.contractions:
        if not entry.endswith(tails):
            continue
        e_base, _, e_tail = entry.partition("'")
        cut = base == e_base and e_tail.startswith(tail) and len(e_tail) == len(tail) + 1
        scored.append((0.5 if cut else weighted_distance(low, entry, cutoff=1.0), entry))
    scored.sort()
    if not scored or scored[0][0] > 0.8 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return lex.contractions[scored[0][1]]  # as the dictionary writes it ("i'l" -> "I'll")


def _repeated_slip(t: str, uses: int) -> bool:
    """A lower-case word used more than once that is still a slip, not a term of the story: one of the
    known misspellings (``asist`` three times in a results table), or, twice, one cheap slip of one of
    the commonest words (``hte`` for ``the``)."""
    lex = lexicon()
    if not t.islower():
        return False
    if t in lex.misspellings:
        return True
    config = _pack()["repeated_slips"]
    if uses != 2:
        return False
    ranked = _ranked(t, 1, "", "")
    return bool(ranked) and lex.zipf(ranked[0][0]) >= config["min_zipf"] \
        and weighted_distance(t, ranked[0][0]) <= config["max_cost"]


_SIC_MARK = re.compile(r"[\[(]sic[\])]", re.IGNORECASE)
_WORD_BEFORE_MARK = re.compile(r"([^\W\d_]+)\W{0,3}$")


def _uses(t: str, counts, text) -> int:
    """How often the article writes ``t`` in lower case or in capitals, and with a capital where a
    sentence starts (a capital its place explains). A capital mid-sentence marks a name: beside it, the
    lower-case form is a slip of the name (``Wambugu Wa Nyingi`` ... ``wambugu wa nyingi``), not the
    writer's styling of a word. ``text`` None: capitalised uses are not read (a long text's many
    unknown words each finding its capitalised form would be words x text).

    >>> from collections import Counter
    >>> text = "Use dwellr. Dwellr lists cities."
    >>> _uses("dwellr", Counter(["dwellr", "Dwellr"]), text), _uses("Dwellr", Counter(["dwellr", "Dwellr"]), text)
    (2, 2)
    >>> _uses("nyingi", Counter(["Nyingi", "nyingi"]), "said Wa Nyingi. But wa nyingi")
    1
    """
    low = t.lower()
    title, upper = low[:1].upper() + low[1:], low.upper()
    written = counts.get(low, 0) + (counts.get(upper, 0) if upper != low else 0)
    titled = counts.get(title, 0) if title not in (low, upper) else 0
    if titled and text is not None and all(_sentence_initial(text, at) for at in _token_starts(text, title)):
        return written + titled
    return counts.get(t, 0) if t == title else written


def _capitalised_known_slip(t: str, counts) -> bool:
    """Is ``t``, capitalised as a name's word more than once, a known misspelling whose right spelling
    the article also writes (``the Comission`` and ``the Federal Trade Comission`` beside ``the
    European Commission``)? A writer's slip is as consistent in a name as in prose; without the right
    word beside it, a capitalised known misspelling is more often a name (``Markey``, ``Forsee``).

    >>> from collections import Counter
    >>> _capitalised_known_slip("Comission", Counter(["Commission"])), _capitalised_known_slip("Markey", Counter())
    (True, False)
    """
    if not t.istitle():
        return False
    right = lexicon().misspellings.get(t.lower())
    return bool(right) and any(counts.get(form, 0) for form in (right, right.capitalize(), right.upper()))


def _spelt_right_elsewhere(t: str, counts) -> bool:
    """Does the article also write the best suggestion for ``t`` (``recofey`` twice beside
    ``recovery``)? Then the twice-written form is a slip of the writer's own word, not a word of its own.
    Not when the suggestion is one of the commonest words (``[repeated_slips] min_zipf``): nearly every
    article writes ``well``, so ``well`` beside ``dwellr`` says nothing; the commonest words' slips are
    :func:`_repeated_slip`'s, which asks for a cheap slip.

    >>> from collections import Counter
    >>> _spelt_right_elsewhere("recofey", Counter(["recovery"])), _spelt_right_elsewhere("recofey", Counter(["economy"]))
    (True, False)
    >>> _spelt_right_elsewhere("dwellr", Counter(["well"]))
    False
    """
    if not t.islower():
        return False
    ranked = _ranked(t, 1, "", "")
    return bool(ranked) and counts.get(ranked[0][0], 0) > 0 \
        and lexicon().zipf(ranked[0][0]) < _pack()["repeated_slips"]["min_zipf"]


_INFLECTIONS = ("s", "es", "'s", "’s", "s'", "s’")


def _inflected_uses(t: str, counts) -> int:
    """How often the article writes ``t`` in another inflection that no dictionary knows either: its
    plural, its possessive or its singular (``grouplet`` beside ``grouplets`` and ``grouplet’s``,
    ``stemmers`` beside ``stemmer``). Those are the writer's own uses of one coinage; a slip stands once,
    in one form. A form the dictionary knows is no such use (``studys`` beside ``study`` is a slip of it).

    >>> from collections import Counter
    >>> _inflected_uses("grouplet", Counter({"grouplets": 5, "grouplet’s": 1}))
    6
    >>> _inflected_uses("stemmers", Counter({"stemmer": 1})), _inflected_uses("studys", Counter({"study": 3}))
    (1, 0)
    """
    base = _unpossessed(t)
    stems = {base}
    if base.endswith("es"):
        stems.add(base[:-2])
    if base.endswith("s"):
        stems.add(base[:-1])
    forms = {stem + end for stem in stems for end in _INFLECTIONS} | stems
    forms.discard(t)
    lex = lexicon()
    return sum(counts.get(f, 0) for f in forms
               if f in counts and _unpossessed(f).lower() not in lex.lower and not lex.is_word(_unpossessed(f).lower()))


def _marked_sic(text: str) -> frozenset:
    """The words the text marks ``[sic]``: the writer shows each spelling is a slip, so another
    mention of it is no usage of the writer's own. One scan of the text, however many words ask.

    >>> sorted(_marked_sic("“Codeing [sic] is fun,” and “teh (sic)” too. Codeing is hard."))
    ['Codeing', 'teh']
    """
    if "sic" not in text and "SIC" not in text and "Sic" not in text:
        return frozenset()
    words = set()
    for mark in _SIC_MARK.finditer(text):
        m = _WORD_BEFORE_MARK.search(text, max(0, mark.start() - 40), mark.start())
        if m is not None:
            words.add(m.group(1))
    return frozenset(words)


@lru_cache(maxsize=1 << 14)
def _has_close_word(low: str, min_zipf: float, max_cost: float, exclude: tuple = ()) -> bool:
    """``lexicon().has_close_word``, kept per process: names recur across a batch's articles."""
    return lexicon().has_close_word(low, min_zipf, max_cost, exclude)


#: unknown words an article may have ranked (search_budget.py), in text order: BASE plus PER_1000 for
#: each 1,000 of its words. The tune part of the clean news corpus reads at most 124 per 1,000 words
#: (p99.9 45, median 3) in this loop
SEARCH_BUDGET_BASE, SEARCH_BUDGET_PER_1000 = 100, 50


@lru_cache(maxsize=4096)
def _ranked(low: str, limit: int, before: str, after: str) -> tuple:
    """``lexicon().suggest``, kept per process: a slip between the same words recurs across a batch."""
    return tuple(lexicon().suggest(low, limit=limit, before=before, after=after))


_LETTER = re.compile(r"[^\W\d_]")


def _token_starts(text: str, word: str):
    """Where ``word`` stands as a whole _TOKEN match, as ``_TOKEN.finditer`` would find it: a few
    ``str.find`` calls instead of a Python step per token of the article."""
    at = text.find(word)
    while at != -1:
        inside = at and (_LETTER.match(text, at - 1) or text[at - 1] in "'’" and at >= 2 and _LETTER.match(text, at - 2))
        if not inside and _TOKEN.match(text, at).end() == at + len(word):
            yield at
        at = text.find(word, at + 1)


_FEW_WORDS = 32  # up to this many words are found by str.find; more by one pass over the tokens


def _unknown_at(text: str, unknown: set, tokens=None) -> list:
    """(start, word) of every whole-token occurrence of the ``unknown`` words, in text order.

    A few words (an article's usual handful) are found by ``str.find``; many (a long document) by
    one pass over the tokens, so the cost stays linear in the text, never words x text: over the
    document's name tokens (``tokens``, :class:`cleaner.tokens.Tokens`) when they are built, else over
    the text's word tokens.

    >>> _unknown_at("teh cat and teh dgo", {"teh", "dgo"})
    [(0, 'teh'), (12, 'teh'), (16, 'dgo')]
    """
    if len(unknown) <= _FEW_WORDS:
        return sorted((start, word) for word in unknown for start in _token_starts(text, word))
    if tokens is None:
        return [(m.start(), m.group()) for m in _TOKEN.finditer(text) if m.group() in unknown]
    return _unknown_in_name_tokens(tokens.words, tokens.spans, unknown)


def _unknown_in_name_tokens(words: tuple, spans: tuple, unknown: set) -> list:
    r"""``_unknown_at`` read from a text's name tokens ``words`` and their ``spans``: a word token lies
    whole inside one name token, and a name token of letters only is one word token
    (:func:`cleaner.document.word_counts`), so each distinct name token is read once, and the mentions
    of those that hold an unknown word are picked out in C.

    >>> from cleaner.tokens import Tokens
    >>> toks = Tokens("Teh U.S. cat's ok-ish, teh dgo")
    >>> _unknown_in_name_tokens(toks.words, toks.spans, {"Teh", "teh", "S", "ish", "dgo"})
    [(0, 'Teh'), (6, 'S'), (18, 'ish'), (23, 'teh'), (27, 'dgo')]
    """
    held: dict = {}  # distinct name token -> ((offset in it, unknown word), ...)
    for token in set(words):
        if token in unknown:
            held[token] = ((0, token),)
        elif not token.isalpha():
            inside = tuple((m.start(), m.group()) for m in _TOKEN.finditer(token) if m.group() in unknown)
            if inside:
                held[token] = inside
    return [(spans[i][0] + offset, word) for i in compress(itertools.count(), map(held.__contains__, words))
            for offset, word in held[words[i]]]


def misspellings(doc: Document, ctx) -> list[Finding]:
    """S001 known misspelling (safe) and S002 unknown word with a ranked suggestion (unsafe).

    ``handleing and equivelant`` → ``handling and equivalent``.
    """
    lex = lexicon()
    allowed = _allowed(ctx)
    text = doc.text
    counts = doc.word_tokens
    # a dictionary word is never a suspect: one set difference (in C) settles most of an article's words
    lower = lex.lower
    unknown = {t for t in set(counts).difference(lower) if _suspect(t) and t.lower() not in allowed}
    if unknown:
        # the same unknown word twice or more in one article is the writer's own word ("grouplet",
        # lunar "landers"), not a slip: slips stand once, unless a known one or a slip of a common word
        # ... in any case: a brand the writer styles in lower case and capitalises at a sentence's
        # start ("dwellr" beside "Dwellr lets a user") is one word used twice, unless it is a known
        # misspelling ("goverment" beside "GOVERMENT")
        read = text if len(unknown) <= _FEW_WORDS else None
        uses = {t: _uses(t, counts, read) + _inflected_uses(t, counts) for t in unknown}
        twice = [t for t in unknown if uses[t] == 2]
        marked = _marked_sic(text) if twice else frozenset()
        unknown = {t for t in unknown if counts[t] < 2 and (uses[t] < 2 or t.lower() in lex.misspellings)
                   or _repeated_slip(t, uses[t]) or t in marked or uses[t] == 2 and _spelt_right_elsewhere(t, counts)
                   or _capitalised_known_slip(t, counts)}
    if not unknown:
        return []
    findings: list[Finding] = []
    want_suggestions = ctx.enabled("S002")
    # the article's suggestions, kept across its fix rounds (ctx.memo): a confirming round re-reads the
    # paragraphs an edit changed, and a text dense with unknown words outgrows _ranked's process cache
    suggested = ctx.memo.setdefault("S002 suggestions", {})
    budget = SearchBudget.of(ctx, "S002 budget", sum(counts.values()), SEARCH_BUDGET_BASE, SEARCH_BUDGET_PER_1000)

    def in_headline(start: int) -> bool:  # in a title-case paragraph (only the one holding it is judged)
        p = doc.paragraph_at(start)
        return p is not None and start < p.end and _title_case(p.text)

    joined: set = set()  # starts of words already reported as the second half of a split word
    for start, word in _unknown_at(text, unknown, doc.__dict__.get("tokens")):  # (tokens: if built)
        word = _unpossessed(word)  # "the filn’s creator": the word is "filn"
        end = start + len(word)
        if _skippable(text, start, end, word):
            continue
        low = word.lower().replace("’", "'")
        if _prefixed_word(text, start, low, lex.lower):
            continue  # "pre-empted": the hyphenated spelling of "preempted", not a slip of "emptied"
        if word[0].isupper() and low not in lex.misspellings:
            if not want_suggestions:
                continue
            if not budget.admits(low):
                continue
            finding = _capitalised(doc, text, start, end, word, low, counts, in_headline)
            if finding is not None:
                findings.append(finding)
            continue
        if word[0].isupper():
            if _beside_a_name(text, start, end) or _in_a_persons_name(text, start, end):
                continue  # "Sergey Brin", "Rachel Flagg", "Markey, R.": a surname spelt like a known misspelling
            fix = _match_case(word, lex.misspellings[low])
            if _sentence_initial(text, start) or in_headline(start):
                findings.append(doc.finding(
                    "S001", f"'{word}' is a common misspelling of '{fix}'", start, end,
                    suggestion=fix, fix="safe", source=SOURCE,
                ))
            else:  # capitalised mid-sentence: maybe a name spelt that way, so only a suggestion
                findings.append(doc.finding(
                    "S002", f"'{word}' looks like a misspelling of '{fix}' (or is it a name?)", start, end,
                    suggestion=fix, fix="unsafe", confidence=0.7, source=SOURCE,
                ))
            continue
        if start in joined:
            continue  # the second half of a split word, reported with the first
        if low not in lex.misspellings and "'" not in low and not budget.admits(low):
            continue  # past the article's search budget (a known misspelling or a contraction costs a look-up)
        # a half of a split word first: "ment" alone is a known misspelling of "meant", but
        # "enforce ment" is "enforcement"
        split = _split_word(text, start, end, low) if want_suggestions and "'" not in low else None
        if split is not None:
            span_start, span_end, whole = split
            joined.add(span_end - len(text[span_start:span_end].split(" ")[-1]))
            findings.append(doc.finding(
                "S002", f"'{text[span_start:span_end]}' is one word split by a space: '{whole}'", span_start,
                span_end, suggestion=whole, fix="unsafe", confidence=0.8, source=SOURCE,
            ))
            continue
        known = lex.misspellings.get(low)
        if known and known == low[:-2] + "ies" and low[:-1] in lex.lower:
            finding = _possessive_or_plural(doc, text, start, end, word, known)
            if finding is not None:
                findings.append(finding)
                continue
        if known:
            # after a word and a hyphen the piece may be the compound's own coinage ("left-hander", "Mao
            # Tse-tung"), which the table takes for a slip ("hander" -> "handler"): reported, not fixed
            in_compound = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
            findings.append(doc.finding(
                "S001", f"'{word}' is a common misspelling of '{known}'", start, end,
                suggestion=known, fix="unsafe" if in_compound else "safe", source=SOURCE,
            ))
            continue
        if "'" in low and want_suggestions:
            contraction = _near_contraction(low)
            if contraction is not None:
                fix = _match_case(word, contraction)
                findings.append(doc.finding(
                    "S002", f"'{word}' looks like a slip of the contraction '{fix}'", start, end, suggestion=fix,
                    fix="unsafe", confidence=0.7, source=SOURCE,
                ))
            continue  # other odd contractions are too often dialect or quotes to guess at
        if not want_suggestions or _abbreviation(low) or _coined_compound_part(text, start, end, low):
            continue
        if _apostrophe_after(text, end, low):
            continue  # "learnin’", "isn"t": the writer's elision, or an apostrophe typed as a quote
        before, after = _neighbours(text, start, end)
        ranked = suggested.get((low, before, after))
        if ranked is None:
            ranked = suggested[low, before, after] = _ranked(low, 3, before, after)
        if not ranked or not _better_explained(low, ranked[0][1], before, after):
            continue
        if _written_word(low) and not _better_explained_alone(low):
            continue  # "learnings", "backend", "uptime": only the neighbours' pairs make them slips
        best, score = ranked[0]
        margin = score - ranked[1][1] if len(ranked) > 1 else 2.0
        confidence = round(max(0.3, min(0.95, 0.5 + 0.2 * margin)), 2)
        possessive = _lost_apostrophe(low, best, before, after)
        if possessive is not None:  # "the agencys budget": the word lost its apostrophe, not a letter too many
            ranked = ((possessive, score), *ranked)
            best, confidence = possessive, min(confidence, 0.6)
        if weighted_distance(low, best) > 1.0:
            # two slips or more away ("murati" -> "multi"): a guess, below a reading of the word as a name
            # in its place ("Mira murati said": G002's surname), which wins the same span
            confidence = min(confidence, FAR_SUGGESTION_CONFIDENCE)
        alternatives = ", ".join(w for w, _ in ranked[1:])
        message = f"unknown word '{word}': did you mean '{best}'?"
        if alternatives:
            message += f" (or {alternatives})"
        findings.append(doc.finding(
            "S002", message, start, end, suggestion=best, fix="unsafe", confidence=confidence,
            source=SOURCE, alternatives=[w for w, _ in ranked[1:]],
        ))
    if budget.skipped:
        ctx.notice(f"S002: {budget.count_skipped('unknown word')} past the article's budget of {budget.size} "
                   f"{budget.were} not checked (a text this dense in unknown words is a list of names or of random words)")
    return findings


_QUOTE_APOSTROPHE = re.compile(r'"([^\W\d_]{1,2})(?![^\W\d_])')


def _apostrophe_after(text: str, end: int, low: str) -> bool:
    """Does an apostrophe right after the word make it English: a dropped ``g`` the apostrophe marks
    (``learnin’``, ``somethin'``: the ``-ing`` word is a dictionary word), or a contraction whose
    apostrophe was typed as a double quote, as old wire systems did (``isn"t``, ``don"t``)?

    >>> _apostrophe_after("down for some learnin’. Next", 21, "learnin"), _apostrophe_after('and it isn"t fair', 10, "isn")
    (True, True)
    >>> _apostrophe_after("the learnin of it", 11, "learnin"), _apostrophe_after('a "recieved" form', 11, "recieved")
    (False, False)
    """
    lex = lexicon()
    mark = text[end:end + 1]
    if mark in ("'", "’"):
        return low.endswith("in") and low + "g" in lex.lower
    if mark == '"':
        m = _QUOTE_APOSTROPHE.match(text, end)
        return m is not None and f"{low}'{m.group(1).lower()}" in lex.contractions
    return False


def _coined_compound_part(text: str, start: int, end: int, low: str) -> bool:
    """Is the unknown word a part of a hyphenated coinage that web text writes (``hack-a-thons``,
    ``flim-flam``, ``html-proofer``, ``cron-style``)? A slip inside a compound (``well-knwon``) is a
    word nobody writes; a part joined by a hyphen that web text uses is the writer's word.

    >>> _coined_compound_part("the hack-a-thons and", 11, 16, "thons"), _coined_compound_part("a well-knwon fact", 7, 12, "knwon")
    (True, False)
    """
    if text[start - 1:start] != "-" and text[end:end + 1] != "-":
        return False
    lex = lexicon()
    return max(lex.zipf(low), lex.rare_zipf(low)) >= _pack()["compounds"]["part_min_zipf"]


def _unpossessed(word: str) -> str:
    """A word without its possessive ending, when what is left is a plain word.

    >>> _unpossessed("filn’s"), _unpossessed("don't"), _unpossessed("o's")
    ('filn', "don't", "o's")
    """
    if len(word) > 4 and word[-2] in "'’" and word[-1] in "sS" and word[:-2].isalpha():
        return word[:-2]
    return word


def _abbreviation(low: str) -> bool:
    """A short lower-case token with no vowel is an abbreviation (wire copy's ``mln``, ``dlrs``, ``shrs``,
    ``bpd``; ``csv``, ``npm``), unless one vowel put back makes one of the commonest words (``frm``,
    ``wth``, ``tht``): slips rarely take every vowel out of a word.

    >>> _abbreviation("dlrs"), _abbreviation("frm"), _abbreviation("thw"), _abbreviation("thre")
    (True, False, False, False)
    """
    config = _pack()["abbreviations"]
    vowels = config["vowels"]
    if len(low) > config["max_length"] or not low.isalpha() or any(ch in vowels for ch in low):
        return False
    lex = lexicon()
    min_zipf = config["vowel_slip_min_zipf"]
    if any(lex.zipf(low[:k] + v + low[k:]) >= min_zipf for k in range(len(low) + 1) for v in vowels):
        return False  # a vowel left out: "frm", "tht"
    # a vowel's key missed for its neighbour: "thw" (the), "twst" (test)
    return not any(lex.zipf(low[:k] + v + low[k + 1:]) >= min_zipf
                   for k in range(len(low)) for v in neighbouring_keys(low[k]) if v in vowels)


def _better_explained(low: str, best_score: float, before: str, after: str) -> bool:
    """Does the best suggestion explain the token better than the token itself (a noisy channel)?

    The suggestion's score is its frequency less the cost of the slip, plus its bigram evidence with
    the neighbours (lexicon.suggest); the token's own is its wordfreq frequency plus its own bigram
    evidence. A token web text uses (``onboarding``, ``backend``, ``repo``; rarely, ``crontab``) keeps
    its reading unless a much commoner word is a cheap slip away; a token nobody uses needs a
    suggestion above a floor.

    >>> _better_explained("crontab", -0.26, "", ""), _better_explained("governmet", 3.37, "", "")
    (False, True)
    """
    config = _pack()["channel"]
    lex = lexicon()
    zipf = lex.zipf(low)
    margin = config["seen_margin"]
    if zipf <= 0.0:
        zipf = lex.rare_zipf(low)  # web text's rare words ("crontab", "mixins") are in use too
        if zipf <= 0.0:
            return best_score >= config["unseen_min_score"]
        margin = config["rare_margin"]
    own = zipf
    for count in (lex.bigram(before, low) if before else 0, lex.bigram(low, after) if after else 0):
        if count:
            own += CONTEXT_WEIGHT * math.log10(1 + count)
    return best_score >= own + margin


def _written_word(low: str) -> bool:
    """Is ``low`` a word web text writes (wordfreq zipf at least ``[channel] written_min_zipf``), long
    enough (``written_min_length``) that its count is no abbreviation's or name's?

    >>> _written_word("learnings"), _written_word("backend"), _written_word("governmet"), _written_word("naw")
    (True, True, False, False)
    """
    config = _pack()["channel"]
    return len(low) >= config["written_min_length"] and lexicon().zipf(low) >= config["written_min_zipf"]


def _better_explained_alone(low: str) -> bool:
    """:func:`_better_explained` with no neighbours on either side. The bigram list holds only common
    pairs, so a rare word never has pair evidence of its own while a common suggestion often does
    (``the backend`` has none, ``the backing`` plenty): for a word web text writes, the suggestion must
    win on frequency and the slip's cost alone too.

    >>> _better_explained_alone("learnings"), _better_explained_alone("sinnificantly")
    (False, True)
    """
    ranked = _ranked(low, 1, "", "")
    return bool(ranked) and _better_explained(low, ranked[0][1], "", "")


_SPLIT_NEXT = re.compile(r" ([a-z]+)\b")
_SPLIT_PREV = re.compile(r"\b([a-z]+) $")


def _split_word(text: str, start: int, end: int, low: str):
    """(start, end, word) when the unknown ``low`` at ``start`` and a lower-case neighbour across one
    space are one common word split in two (``infor mation``, ``gov ernment``), else None."""
    lex = lexicon()
    min_zipf = _pack()["split_words"]["min_zipf"]
    m = _SPLIT_NEXT.match(text, end)
    if m is not None:  # (a compound or a possessive may follow: "custo mer-centric", "custo mer's")
        whole = low + m.group(1)
        if whole in lex.lower and lex.zipf(whole) >= min_zipf:
            return start, m.end(), whole
    m = _SPLIT_PREV.search(text, max(0, start - 30), start)
    if m is not None:  # (or precede: "low-res olution")
        whole = m.group(1) + low
        if whole in lex.lower and lex.zipf(whole) >= min_zipf:
            return m.start(), end, whole
    return None


def split_pairs(doc: Document, ctx) -> list[Finding]:
    """S002: a common word split by a space into two lower-case pieces that are not both dictionary
    words (``collect ing three points``, ``th rough broken cornicing``, ``cl assroom``): one word, when
    the two pieces make a common word (``[split_words] min_zipf``) that English does not write as
    the pair (no bigram count: ``per cent``, ``on line`` are both words anyway). A piece may be a token
    web text writes (``ing``, ``th``) or a compound of words (``ass room``), which the unknown-word
    search never reads. The pairs are read around the article's words no dictionary has, found once.

    >>> from cleaner.document import Document
    >>> [(f.suggestion, f.start, f.end) for f in split_pairs(Document("and collect ing three points"), None)]
    [('collecting', 4, 15)]
    >>> split_pairs(Document("the ad hoc group and per cent"), None)
    []
    """
    toks = doc.tokens
    lex = lexicon()
    words, gaps, spans = toks.words, toks.gaps, toks.spans
    # both pieces are lower-case letters, so a pair is read only around a word written so that no
    # dictionary has (not around numbers, names or "U.S", a quarter of the mentions to visit); one
    # test per distinct word, in C
    odd = set(map(words.__getitem__, toks.lower_alpha)).difference(lex.lower)
    if not odd:
        return []
    min_zipf = _pack()["split_words"]["min_zipf"]
    text = doc.text
    last = len(words) - 1
    seen: set = set()
    findings = []
    for i in toks.among(odd):
        for a in (i - 1, i):
            if a < 0 or a >= last or a in seen or gaps[a + 1] != " ":
                continue
            seen.add(a)
            first, second = words[a], words[a + 1]
            if not (first.isalpha() and first.islower() and second.isalpha() and second.islower()):
                continue
            s, e = spans[a][0], spans[a + 1][1]
            if s and (text[s - 1].isalnum() or text[s - 1] in "-'’") or text[e:e + 1] in ("-", "'", "’"):
                continue  # a piece of a longer token ("e-mail", "don't")
            whole = first + second
            if whole in lex.lower and lex.zipf(whole) >= min_zipf and not lex.bigram(first, second):
                findings.append(doc.finding(
                    "S002", f"'{text[s:e]}' is one word split by a space: '{whole}'", s, e, suggestion=whole,
                    fix="unsafe", confidence=0.8, source=SOURCE,
                ))
    return findings


_DIGIT_IN_WORD = re.compile(r"[013589](?<=[^\W\d_][013589])(?=[^\W\d_])")


def digit_lookalikes(doc: Document, ctx) -> list[Finding]:
    """S002: a digit in place of the letter it looks like (``the c1ear message``, ``g0vernment``).

    Found from the digits that stand between two letters (a scan that skips everything else at C
    speed); reported when reading the digit as a letter makes a common word."""
    text = doc.text
    config = _pack()["digit_lookalikes"]
    letters, min_zipf, min_length = config["letters"], config["min_zipf"], config["min_length"]
    lex = lexicon()
    findings: list[Finding] = []
    last_end = -1
    for m in _DIGIT_IN_WORD.finditer(text):
        at = m.start()
        if at < last_end:
            continue
        start, end = at, at + 1
        while start and (text[start - 1].isalpha() or text[start - 1] in letters):
            start -= 1
        while end < len(text) and (text[end].isalpha() or text[end] in letters):
            end += 1
        last_end = end
        token = text[start:end]
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_/@#.")) or not token.strip("0123456789"):
            continue
        if end < len(text) and (text[end] in "_/@" or (text[end] == "." and text[end + 1:end + 2].isalnum())):
            continue
        if any(ch.isdigit() and ch not in letters for ch in token):
            continue
        readings = [""]  # every way of reading the digits as letters ("1" is an l or an i)
        for ch in token:
            readings = [r + o for r in readings for o in letters.get(ch, ch)]
        best = max((r for r in readings if len(r) >= min_length and r.lower() in lex.lower
                    and lex.zipf(r.lower()) >= min_zipf), key=lambda r: lex.zipf(r.lower()), default=None)
        if best is None:
            continue
        findings.append(doc.finding(
            "S002", f"'{token}' has a digit for a letter: '{best}'", start, end, suggestion=best, fix="unsafe",
            confidence=0.8, source=SOURCE,
        ))
    return findings


# the first capital before the look-behind: most positions fail at once (as name_tokens._ACRONYM)
_DOUBLE_CAPITALS = re.compile(r"[A-Z](?<![\w@#.-][A-Z])[A-Z][a-z]+(?![\w@-])")


def double_capitals(doc: Document, ctx) -> list[Finding]:
    """S002: the shift key held a letter too long (``THe minister``, ``GOvernment``)."""
    lex = lexicon()
    config = _pack()["double_capitals"]
    min_zipf, short_words = config["min_zipf"], set(config["short_words"])
    findings: list[Finding] = []
    for m in _DOUBLE_CAPITALS.finditer(doc.text):
        word = m.group()
        low = word.lower()
        if len(word) == 3 and low not in short_words:
            continue  # "IDs", "TVs": an acronym's plural
        if low not in lex.lower or lex.zipf(low) < min_zipf:
            continue
        fixed = word[0] + word[1:].lower()
        findings.append(doc.finding(
            "S002", f"'{word}' has one capital too many: '{fixed}'", m.start(), m.end(), suggestion=fixed,
            fix="unsafe", confidence=0.9, source=SOURCE,
        ))
    return findings


def _title_case(paragraph: str) -> bool:
    words = [m.group() for m in islice(_TOKEN.finditer(paragraph), 13)]  # over 12 words is no heading
    return 0 < len(words) <= 12 and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _capitalised(doc, text, start, end, word, low, tokens, in_headline):
    """S002 for a capitalised unknown word, only where the capital comes from its position (a
    sentence's first word, a title-case heading), the word occurs once, and a common word is one
    cheap slip away: ``Meanwile, the council`` → ``Meanwhile``. Elsewhere a capitalised word is a name."""
    if len(low) > MAX_SUGGEST_LENGTH:
        return None  # no word is suggested for it on either path below (nor its pieces indexed: a
        # 100,000-letter CamelCase token made every piece of it, 3 GB and more)
    lex = lexicon()
    positional = _sentence_initial(text, start) or in_headline(start)
    if tokens.get(word, 0) > 1 or _inside_another_token(word, tokens, text, start, end):
        return None  # used again, if only in a possessive or a compound ("Greez’s ship"): a name
    if _beside_a_name(text, start, end):
        return None
    if not positional:
        return _capitalised_slip(doc, text, start, end, word, low)
    before, after = _neighbours(text, start, end)
    if lex.zipf(low) >= 2.5 and function_word_slip(low) is not None:
        m = _NEXT_WORD.match(text, end)
        if m is not None and m.group(1)[:1].isupper():
            return None  # "Teh Hong Piow": maybe a surname before a name, not "The"
    ranked = _ranked(low, 3, "", after)
    if not ranked:
        return None
    # the best-ranked word, or a lower-ranked one a cheap slip away when the next word's pairs rank a
    # dearer one first ("Aanlysts will" is "Analysts", not "Analysis", two slips away)
    best, score = next(((w, s) for w, s in ranked if weighted_distance(low, w) <= 1.0 and lex.zipf(w) >= 3.5),
                       ranked[0])
    if weighted_distance(low, best) > 1.0 or lex.zipf(best) < 3.5:
        return None
    if lex.zipf(low) >= ZIPF_FLOOR and not _better_explained(low, score, "", after):
        return None  # a word web text uses, and no better explained as a slip ("Audis were", "Nahh")
    fix = _match_case(word, best)
    return doc.finding(
        "S002", f"unknown word '{word}': did you mean '{fix}'?", start, end, suggestion=fix, fix="unsafe",
        confidence=0.5, source=SOURCE,
    )


_SHORT_TEXT = 20_000  # characters: up to this length a search of the whole text is cheaper than an index


def _inside_another_token(word: str, tokens: Counter, text: str, start: int, end: int) -> bool:
    """Whether a word that occurs once as a token also stands inside another token (a possessive, a
    compound: ``Greez’s``, ``McGreez``).

    Any occurrence of a word of letters is inside one token, so in a long text this is a look-up in
    the capitalised inner pieces of the text's distinct tokens (built once per text), not a search
    of the whole text per word.

    >>> from collections import Counter
    >>> _inside_another_token("Greez", Counter(["Greez", "Greez’s"]), "x" * 30_000, 0, 5)
    True
    """
    if len(text) <= _SHORT_TEXT:
        return text.find(word, end) != -1 or text.rfind(word, 0, start) != -1
    return word in _capitalised_pieces(tokens, len(word))


_PIECES: dict = {}  # "last" -> (tokens, longest piece, pieces): the index of the last long text


def _capitalised_pieces(tokens: Counter, length: int) -> set:
    """Every proper substring, up to ``length`` characters and starting at a capital, of the tokens."""
    cached = _PIECES.get("last")
    if cached is not None and cached[0] is tokens and cached[1] >= length:
        return cached[2]
    longest = max(length, 24)
    pieces = set()
    for token in tokens:
        for i, char in enumerate(token):
            if char.isupper():
                stop = min(len(token), i + longest) + 1
                pieces.update(token[i:j] for j in range(i + 1, stop) if j - i < len(token))
    _PIECES["last"] = (tokens, longest, pieces)
    return pieces


# the capitalised word before a token, hyphenated parts included ("Jean-Julien Rojer")
_PREV_CAPITALISED = re.compile(r"([A-Z][\w-]*)[ \t]+$")
_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][a-z]+)")


def _unlisted(word: str) -> bool:
    """Is ``word`` in no form in the dictionary, lower-case or capitalised, nor built by its affix and
    compound rules (``Wakebe``, ``Olesya``, ``Sergey``)? Web text may still use it, as it uses names."""
    lex = lexicon()
    low = word.lower()
    return low not in lex.lower and low not in lex.capitalised and not lex.derivation(low)


def _beside_a_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at ``start`` part of a person's or a foreign name, by the word beside it:
    after a given name (``Andrew Burnes``), or, when web text uses the word itself (wordfreq, its rare
    band included), beside a capitalised word no dictionary lists (``Sergey Brin``, ``Yuu Wakebe``) or
    before one it knows only as a name (``Enver Solomon``, ``Justo Marin``)? A
    slip inside a name of ordinary words (``Natioanl Park``) has listed words beside it, and one before
    a foreign name (``Prime Minisster Silvio``) is a word nobody writes.

    >>> _beside_a_name("He met Sergey Brin there", 14, 18), _beside_a_name("Yuu Wakebe, an official", 0, 3)
    (True, True)
    >>> _beside_a_name("CEO of the Refugee Council Enver Solomon told", 27, 32), _beside_a_name("Wilh Mr. Trump", 0, 4)
    (True, False)
    >>> _beside_a_name("as occurs in Noth America and", 13, 17), _beside_a_name("paid $80m. Spme Americans", 11, 15)
    (False, False)
    >>> _beside_a_name("the Natioanl Park Service", 4, 12), _beside_a_name("Prime Minisster Silvio", 6, 15)
    (False, False)
    """
    prev = _PREV_CAPITALISED.search(text, max(0, start - 40), start)
    last = prev.group(1).rsplit("-", 1)[-1] if prev is not None else ""
    if last.lower() in _given_names() or _beside_a_particle(text, start, end):
        return True
    lex = lexicon()
    low = text[start:end].lower()
    if not (lex.zipf(low) or lex.rare_zipf(low)):
        return False  # a word nobody writes
    if last[1:].islower() and _unlisted(last):
        return True
    nxt = _NEXT_CAPITALISED.match(text, end)
    if nxt is None:
        return False
    after = nxt.group(1)
    if _unlisted(after):
        return True
    if not _name_only(after) or not lex.zipf(low) or len(after) <= 3 and text[nxt.end(1):nxt.end(1) + 1] == ".":
        return False  # a given name is one web text writes often enough for wordfreq's main list (only
        # its rare band: "Spme Americans", "Beofre Greece"); a title's abbreviation is no name ("Wilh Mr.")
    # a slip whose correction makes a common pair with the name is a slip: "Noth America"
    ranked = _ranked(low, 1, "", "")
    return not ranked or lex.bigram(ranked[0][0], after.lower()) < _pack()["capitalised_slips"]["min_pair_count"]


def _name_only(word: str) -> bool:
    """Does the dictionary know ``word`` only as a name, never as a lower-case word (``Solomon``,
    ``Adams``, ``Marin``; not ``Park`` or ``Center``)?

    >>> _name_only("Solomon"), _name_only("Adams"), _name_only("Center"), _name_only("Park")
    (True, True, False, False)
    """
    lex = lexicon()
    low = word.lower()
    return low not in lex.lower and (low in lex.names or low in lex.capitalised)


@lru_cache(maxsize=1)
def _particle_names() -> tuple:
    """Patterns of a capitalised word beside a name particle (``name_particles`` of
    rules/names_config.toml) with a capitalised word on its other side: the text before the word
    (``Herman de ``), and after it (`` de France``)."""
    particles = "|".join(map(re.escape, load_builtin("names_config")["words"]["name_particles"]))
    return (re.compile(rf"[A-Z][\w-]*[ \t]+(?:{particles})[ \t]+$"),
            re.compile(rf"[ \t]+(?:{particles})(?:[ \t]+|-)[A-Z]"))


def _beside_a_particle(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at ``start`` part of a foreign name, by a name particle beside it?

    >>> _beside_a_particle("Minister Herman de Croo said", 19, 23), _beside_a_particle("Electricite de France", 0, 11)
    (True, True)
    >>> _beside_a_particle("Muhammad al-Sufi and Manal al-Tahan", 21, 26)
    True
    >>> _beside_a_particle("the Natioanl Park Service", 4, 12)
    False
    """
    before, after = _particle_names()
    return before.search(text, max(0, start - 40), start) is not None or after.match(text, end) is not None


@lru_cache(maxsize=1)
def _given_names() -> frozenset:
    return frozenset(load_builtin("names_config")["given_names"]["names"])


def _capitalised_slip(doc, text, start, end, word, low):
    """S002 for a word capitalised inside a sentence, as in a name, that is one cheap slip of a common
    word (``Blossom Muic Center``, ``the U.S. Attorney’s Ofice``, ``Exploration Uper Stage``).

    Rare surnames are as unknown as slips (``Mike Siever``, ``Jane Starner``), so the word must be
    used once, not after a given name (after a word only known as a name, only a transposition or a
    vowel slip: ``Victoria Hopsital``), and either one wordfreq has never seen, one cheap edit from a
    common word, or a dearer slip (or one of a word wordfreq has seen, as names are) that makes a common
    pair with the capitalised word beside it (``Fort Wherth`` → ``Fort Worth``, ``New York Tims``). A word
    before it that English writes often in lower case (``the Federal Acqiuisition Service``) is an
    ordinary word of the name, not a given name, though the dictionary also capitalises it.
    Unsafe: it may still be a name spelt that way."""
    config = _pack()["capitalised_slips"]
    lex = lexicon()
    if len(low) < config["min_length"]:
        return None
    seen = lex.zipf(low) >= ZIPF_FLOOR  # wordfreq knows it: a name in use, unless the name around it says not
    if _ABBREVIATION.search(text, max(0, start - 12), start):
        return None  # after a title or an initial: "Gov. Noem", "J. Batko"
    if _in_a_persons_name(text, start, end):
        return None
    prev = _PREV_CAPITALISED.search(text, max(0, start - 40), start)
    follows_name = False  # after a word the dictionary knows as a name ("Victoria", "Jean", "Curt")
    if prev is not None:
        last = prev.group(1).rsplit("-", 1)[-1].lower()
        if last in _given_names() or last in config["name_introducers"]:
            return None  # a surname: "Mike Siever", "Jane Starner"; a storm's name: "Storm Babet"
        follows_name = (last in lex.names or last in lex.capitalised or (
            last not in lex.lower and lex.zipf(last) >= ZIPF_FLOOR)) and not (  # a name in use: "Eleni", "Olesya"
            last in lex.lower and lex.zipf(last) >= config["max_zipf_name_before"])  # ... not "Federal", "Oxford"
    nxt = _NEXT_CAPITALISED.match(text, end)
    if nxt is not None and lex.zipf(nxt.group(1)) < ZIPF_FLOOR and not lex.is_word(nxt.group(1).lower()):
        return None  # a given name before a surname no list knows either: "Marybel Batjer"
    # the capitalised words beside it, as parts of one name with the correction
    name_before = prev.group(1).lower() if prev is not None else ""
    if name_before and lex.zipf(name_before) >= config["max_zipf_first_word"]:
        name_before = ""  # "The Mavic": a sentence's first word, capitalised for its place; mid-sentence a
        # given name ("and Will Cahoe"): the pair it makes as a function word ("will cause") is no name
    name_after = nxt.group(1).lower() if nxt is not None else ""
    if seen and not (name_before or name_after):
        return None  # (before any suggestion is ranked: most capitalised words are names)
    reach = config["max_cost"] if seen or not (name_before or name_after) else config["max_cost_in_pair"]
    if not _has_close_word(low, config["min_zipf"], reach):
        return None  # no common word near enough: a name (and no ranking paid for it)
    before, after = _neighbours(text, start, end)
    # the best-ranked common word, or a lower-ranked one a transposition or a vowel slip away: "Space
    # Cneter" is "Center", though "space centre" is the commoner pair
    ranked = [(weighted_distance(low, w), w) for w, _ in _ranked(low, 3, before, after) if " " not in w]
    if not ranked:
        return None
    cost, best = ranked[0]
    if cost > config["max_cost"] or lex.zipf(best) < config["min_zipf"]:
        cost, best = next(((c, w) for c, w in ranked[1:]
                           if c <= config["max_cost_after_name"] and lex.zipf(w) >= config["min_zipf"]), ranked[0])
    if lex.zipf(best) < config["min_zipf"] or best[0] != low[0]:
        return None  # (a slip rarely takes a word's first letter: "Pingdom" is no "Kingdom")
    if follows_name and cost > config["max_cost_after_name"] and (
            not name_before or lex.bigram(name_before, best) < config["min_pair_count"]):
        return None  # a surname: "Jean-Julien Rojer", not "Victoria Hopsital" nor "New York Tims"
    if cost > config["max_cost"] or seen:
        pair = max(lex.bigram(name_before, best) if name_before else 0, lex.bigram(best, name_after) if name_after else 0)
        if cost > (config["max_cost"] if seen else config["max_cost_in_pair"]) or pair < config["min_pair_count"]:
            return None
        if seen and (lex.bigram(name_before, low) or lex.bigram(low, name_after)):
            return None  # the pair as written is a phrase of its own
    fix = _match_case(word, best)
    return doc.finding(
        "S002", f"'{word}' is capitalised as a name but looks like a slip of '{fix}'", start, end, suggestion=fix,
        fix="unsafe", confidence=0.4, source=SOURCE,
    )


def _part_of_another_token(text: str, start: int, end: int) -> bool:
    """Is the first word of a double the tail of a compound, or the second the head of a compound, a
    contraction or a file name (``buy-in in``, ``non-bank bank``, ``remind you you're``, ``Open Data
    data.json``)? Then the two are different words.

    >>> _part_of_another_token("if you have gotten buy-in in Step 1", 23, 28)
    True
    >>> _part_of_another_token("can remind you you're not alone", 11, 18), _part_of_another_token("at the the end", 3, 10)
    (True, False)
    """
    before = text[start - 1:start]
    after = text[end:end + 2]
    return before in ("-", "/", ".") or after[:1] in ("-", "'", "’", "/") or (after[:1] == "." and after[1:2].isalnum())


def _quoted(text: str, start: int, end: int) -> bool:
    """Is the double a quoted term of its own (``the concept of “done done” in agile``)?

    >>> _quoted("the concept of “done done” in agile", 16, 25), _quoted("at the the end", 3, 10)
    (True, False)
    """
    return text[start - 1:start] in ("“", '"', "‘", "'") and text[end:end + 1] in ("”", '"', "’", "'") \
        or text[start - 1:start] in ("“", '"') and text[end:end + 2][-1:] in ("”", '"') and text[end:end + 1] in ".,!?"


_CITED_SURNAME = re.compile(r",[ \t]+[A-Z]\.")


def _in_a_persons_name(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at ``start`` the second half of a double-barrelled name or a cited
    author's surname (``Simchah Suveyke-Bogin``, ``Peterson, J., and Catino, S.``)?

    >>> _in_a_persons_name("Simchah Suveyke-Bogin, Stephanie", 16, 21), _in_a_persons_name("and Catino, S. (2010)", 4, 10)
    (True, True)
    >>> _in_a_persons_name("the Blossom Muic Center", 12, 16)
    False
    """
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    return _CITED_SURNAME.match(text, end) is not None


# S004: a word a print or PDF line break divided at a hyphen, the break read as a space ("rein- stated"):
# letters, a hyphen and one space, lower-case letters; neither side part of a longer hyphenated run
_HYPHEN_REMNANT = re.compile(r"(?<![\w-])([^\W\d_]{1,30})-[ ]([a-z]{1,30})(?![\w-])")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]++-[^\W\d_]++(?![\w-])")  # (read from a word's start only)
_LIGATURE = re.compile("[\ufb00-\ufb06]")  # (E009's characters: a PDF or print scrape)
_HYPHEN_AT_BREAK = re.compile(r"[^\W\d_]-\n[a-z]")  # a word divided at a line break that was kept
_WRAPPED = re.compile(r"[a-z,;]\n[a-z]")  # a sentence going on after a line break: hard-wrapped lines


def _remnant_matches(text: str) -> list:
    """``_HYPHEN_REMNANT.finditer(text)``, read only where a hyphen and a space stand: the pattern is
    matched from the start of the letters before each (a scan of the whole text tried its look-behind
    at every character, 9 ms for a 58 KB text that holds one dash).

    >>> [m.group() for m in _remnant_matches("Re- elected, a- b- c and x2- y, rein- stated- x")]
    ['Re- elected', 'b- c', 'stated- x']
    """
    found = []
    at = text.find("- ")
    while at != -1:
        start = at
        while start > 0 and at - start <= 30 and _LETTER.match(text, start - 1):
            start -= 1  # (31 letters: the pattern's look-behind fails there, as in a scan)
        if start < at:
            m = _HYPHEN_REMNANT.match(text, start)
            if m is not None:
                found.append(m)
        at = text.find("- ", at + 1)
    return found


def _remnant_word(first: str, second: str, config: dict) -> Optional[str]:
    """The word ``first- second`` makes joined, when it is one a line break divided: a dictionary word
    (a name's when ``first`` is capitalised) that English does not write as the two pieces. Pieces that
    are both words must make a common word (``[hyphenation] min_zipf``) with no bigram count (``rein-
    stated``, not ``best- selling``, ``spin- off``); with a piece no word (``orga- nise``, ``inter- natio``
    is none), the word need only be listed (``min_zipf_pieces``).

    >>> config = _pack()["hyphenation"]
    >>> [_remnant_word(a, b, config) for a, b in (("rein", "stated"), ("inter", "national"), ("orga", "nise"), ("Rus", "sia"))]
    ['reinstated', 'international', 'organise', 'Russia']
    >>> [_remnant_word(a, b, config) for a, b in (("best", "selling"), ("middle", "class"), ("long", "term"), ("pre", "and"))]
    [None, None, None, None]
    """
    if not (first.islower() or first.istitle()):
        return None  # (``INTER- national``: no word is written so)
    lex = lexicon()
    low = first.lower() + second
    if low not in lex.lower and not (first[0].isupper() and low in lex.capitalised):
        return None
    if lex.is_word(first.lower()) and lex.is_word(second):
        if lex.zipf(low) < config["min_zipf"] or lex.bigram(first.lower(), second):
            return None
    elif lex.zipf(low) < config["min_zipf_pieces"]:
        return None
    return first + second


def _print_evidence(text: str, config: dict) -> bool:
    r"""Does the text show that it was set in lines by print or a PDF: a ligature character, a word
    divided at a line break that was kept, or ``[hyphenation] wrapped_lines`` sentences going on
    across a line break?

    >>> config = _pack()["hyphenation"]
    >>> _print_evidence("The ofﬁce said", config), _print_evidence("It was rein-\nstated.", config)
    (True, True)
    >>> _print_evidence("One line.\n\nAnother, on\nthe next line.", config)
    False
    """
    if _LIGATURE.search(text) or _HYPHEN_AT_BREAK.search(text):
        return True
    wrapped = config["wrapped_lines"]
    return sum(1 for _ in islice(_WRAPPED.finditer(text), wrapped)) >= wrapped


def hyphenation_remnants(doc: Document, ctx) -> list[Finding]:
    """S004: ``rein- stated``, ``inter- national``: a word a print or PDF line break divided at a
    hyphen, the break since read as a space, joined again (:func:`_remnant_word`). Only in a text that
    was set in lines: two such words or more, or other print evidence (:func:`_print_evidence`); a
    hyphen and a space are also a compound broken at its own hyphen (``middle- class``) or a hanging
    hyphen (``pre- and post-war``), which join into no word English does not write as two. Safe, but
    where the first piece is a prefix that also takes a hyphen and the rest is a word (``co- operate``:
    ``co-operate`` is a spelling too; ``[hyphenation] hyphen_prefixes``), or the article writes the
    hyphenated form elsewhere: unsafe.

    >>> text = "The order was rein- stated and the inter- national panel met. A middle- class town."
    >>> [(f.excerpt, f.suggestion, f.fix) for f in hyphenation_remnants(Document(text), None)]
    [('rein- stated', 'reinstated', 'safe'), ('inter- national', 'international', 'unsafe')]
    >>> hyphenation_remnants(Document("The order was rein- stated on Monday."), None)
    []
    """
    text = doc.text
    if "- " not in text:
        return []
    config = _pack()["hyphenation"]
    found = [(m, word) for m in _remnant_matches(text)
             if (word := _remnant_word(m.group(1), m.group(2), config)) is not None]
    if not found or len(found) < 2 and not _print_evidence(text, config):
        return []
    prefixes = frozenset(config["hyphen_prefixes"])
    hyphenated = {w.lower() for w in _HYPHENATED.findall(text)}
    findings = []
    for m, word in found:
        first, second = m.group(1), m.group(2)
        unsure = first.lower() in prefixes and lexicon().is_word(second) or f"{first.lower()}-{second}" in hyphenated
        findings.append(doc.finding(
            "S004", f"'{m.group()}' is one word a print line break divided: '{word}'", m.start(), m.end(),
            suggestion=word, fix="unsafe" if unsure else "safe", confidence=0.6 if unsure else 0.9, source=SOURCE,
        ))
    return findings


def _inside(finding: Finding, spans: list, starts: list) -> bool:
    """Does ``finding`` lie inside one of ``spans`` (findings in text order, none overlapping; ``starts``
    their starts)?"""
    k = bisect_right(starts, finding.start) - 1
    return k >= 0 and finding.end <= spans[k].end


def repeated_words(doc: Document, ctx) -> list[Finding]:
    """S003: the same word twice in a row, except doubles English allows (``that that``, ``had had``).

    ``at the the station`` → ``at the station``. A doubled preposition that can end a clause is
    reported, not fixed: ``the moment I've been waiting for for years`` is English; so is a doubled word no
    dictionary has (``a boda boda driver``: East African English for a motorcycle taxi). A content word the
    article doubles twice or more is its usage, not a slip.

    >>> [f.message for f in repeated_words(Document("the pee pee tapes and the pee pee tape at the the end"), None)]
    ["repeated word 'the'"]
    """
    toks = doc.__dict__.get("tokens")
    if toks is not None and not toks.may_repeat():
        return []  # (the names family built the tokens: they tell, in C, that no word repeats)
    legit = set(_pack()["repeated"]["allowed"])
    stranded = set(_pack()["repeated"]["stranded"])
    words = lexicon().lower
    findings = []
    doubled = []  # each finding's word, lower-cased
    covered = 0  # the end of the last run found: a pair inside it is part of it
    for match in _REPEAT.finditer(doc.text):
        if match.start() < covered:
            continue
        first, second = match.group(1), match.group(3)
        if first.lower() in legit or not (second == first or (first[:1].isupper() and second == first.lower())):
            continue  # "change Change" in a table header is two cells, not a doubled word
        if first[0].isupper() and second[0].isupper() and first.lower() not in _pack()["repeated"]["function_words"]:
            continue  # "Sirhan Sirhan", "Duran Duran": names may repeat
        if _part_of_another_token(doc.text, match.start(1), match.end(3)) or _quoted(doc.text, match.start(1), match.end(3)):
            continue
        start, covered = match.start(2), _run_end(doc.text, match.end(3), second)
        # a clause may end with the preposition the next phrase starts with ("checked in in March"); a word no
        # dictionary has may be doubled on purpose: a reduplication of another English ("a boda boda"), a cry
        fix = "unsafe" if second.lower() in stranded or second.lower() not in words else "safe"
        findings.append(doc.finding(
            "S003", f"repeated word '{second}'", start, covered, suggestion="", fix=fix, source=SOURCE,
        ))
        doubled.append(second.lower())
    # a content word the article doubles twice or more is its own usage ("the pee pee tapes" ... "the pee pee
    # tape"), as an unknown word used twice is (S002); a function word doubled twice is two slips
    times = Counter(doubled)
    small = _pack()["repeated"]["function_words"]
    return [f for f, w in zip(findings, doubled) if times[w] < 2 or w in small]


_NEXT_WORD = re.compile(r"[ \t]++([^\W\d_]++)\b")


def _run_end(text: str, end: int, word: str) -> int:
    """Where a run of ``word`` that goes on after ``end`` ends: ``the the the the`` is one deletion, not
    one more fix round per copy (2,000 copies were still ``the the`` after the ten rounds fix allows).
    A copy that heads a compound or contraction ends the run, as it ends a double.

    >>> text = "at the the the the end"
    >>> text[:3 + 3] + text[_run_end(text, 10, "the"):], _run_end("the the the-end", 7, "the")
    ('at the end', 7)
    """
    while True:
        match = _NEXT_WORD.match(text, end)
        if match is None or match.group(1) != word or _part_of_another_token(text, match.start(1), match.end(1)):
            return end
        end = match.end(1)


def run(doc: Document, ctx) -> list[Finding]:
    if not ctx.is_target_language:
        return []
    findings: list[Finding] = []
    if ctx.enabled("S001") or ctx.enabled("S002"):
        findings.extend(misspellings(doc, ctx))
    if ctx.enabled("S002"):
        findings.extend(digit_lookalikes(doc, ctx))
        findings.extend(double_capitals(doc, ctx))
        # (a half no dictionary has is reported with its suffix by misspellings: "transforma tion"; each
        # split is looked up by where its words start, not compared with every finding)
        starts = {g.start for g in findings if g.code == "S002"}
        findings.extend(f for f in split_pairs(doc, ctx)
                        if f.start not in starts and doc.text.rfind(" ", f.start, f.end) + 1 not in starts)
    if ctx.enabled("S003"):
        findings.extend(repeated_words(doc, ctx))
    if ctx.enabled("S004"):
        remnants = hyphenation_remnants(doc, ctx)
        if remnants:  # (a piece of a divided word is no misspelling of its own: "inter- national")
            starts = [f.start for f in remnants]  # (in text order, none overlapping)
            findings = [f for f in findings if f.code == "S003" or not _inside(f, remnants, starts)]
            findings.extend(remnants)
    return drop_other_language(doc.text, findings, ctx.settings.language)  # (a quoted German line is no English)


def features(doc: Document, settings) -> frozenset:
    """What the batch pass takes from one article: its lower-case words the lexicon does not know.

    >>> sorted(features(Document("The glorbent report was flimbly written, the mayor said."), None))
    ['flimbly', 'glorbent']
    """
    lex = lexicon()
    # the words from the name tokens when the names family built them already (``learning_features``
    # builds them first): the same words as a scan of the text, in two thirds of its time
    words = doc.word_tokens if "tokens" in vars(doc) else _TOKEN.findall(doc.text)
    # a dictionary word is a word: one set difference (in C) settles most of them before ``is_word``
    return frozenset(t for t in set(words).difference(lex.lower)
                     if t.islower() and not lex.is_word(t) and t not in lex.misspellings)


def learn_from(items: list, settings) -> dict:
    """Batch pass over every article's ``features``: lower-case words that recur across many articles
    of the batch count as words."""
    seen: Counter = Counter()
    for words in items:
        seen.update(words)
    threshold = max(3, len(items) // 20)
    return {"words": frozenset(w for w, n in seen.items() if n >= threshold)}


def learn(docs, settings) -> dict:
    """``learn_from`` the ``features`` of ``docs``."""
    return learn_from([features(doc, settings) for doc in docs], settings)
