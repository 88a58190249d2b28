"""The G family's fast regex forms find exactly what their plain forms find."""

from __future__ import annotations

import random
import re

import pytest

from cleaner.checks.acronyms import _ACRONYM_PLURAL


def test_acronym_plural_matches_its_plain_form():
    """The first capital before the look-behind: same spans and groups as the look-behind first."""
    plain = re.compile(r"(?<![\w.&/-])([A-Z]{2,6})s(?![\w&/])")
    rng = random.Random(11)
    texts = ["IRAs and CEOs", "the U.S.As", "NASAs-funded", "ABCDEFGs", "x/ABs", "(GPUs)", "ÉABs", "AB_s"]
    texts += ["".join(rng.choice("ABCDEFGs s.-&/_1aÉ\n") for _ in range(rng.randint(0, 24))) for _ in range(20000)]
    for text in texts:
        assert [m.span(1) for m in _ACRONYM_PLURAL.finditer(text)] == [m.span(1) for m in plain.finditer(text)], text
    assert _ACRONYM_PLURAL.findall("IRAs and CEOs, not NASAs-funded") == ["IRA", "CEO", "NASA"]


def _plain_spelled_in(text: str, token: str) -> bool:
    """The unindexed reading: every run of capitalised and joining words, each tested with ``_spells``."""
    from cleaner.checks.acronyms import _NAME_WORD, _spells, _words, SPELLED_MAX_WORDS

    joining = _words("acronyms", "definition_joining")
    runs, run, last_end = set(), [], -1
    for m in _NAME_WORD.finditer(text):
        w = m.group()
        capital = w[:1].isupper() and not w.isupper()
        if (capital or (run and w in joining)) and (not run or text[last_end:m.start()] in (" ", ", ")) \
                and len(run) < SPELLED_MAX_WORDS:
            run.append(w)
            if capital and len(run) >= 2:
                runs.add(tuple(run))
        else:
            run = [w] if capital else []
        last_end = m.end()
    return any(_spells(token, list(r)) for r in runs)


def test_spelled_in_index_finds_what_every_run_finds():
    """Runs filed by initial and last letter answer as testing every run does, on random names."""
    from cleaner.checks.acronyms import _spelled_in

    rng = random.Random(5)
    vocabulary = ["Pacific", "Islanders", "Asian", "Americans", "and", "of", "the", "The", "Inc", "Ltd", "DigitalGov",
                  "University", "Bank's", "Council", "Producers", "Pork", "NPPC", "said", "in", "Units", "&", "x-Ray"]
    for _ in range(300):
        text = "".join(rng.choice(vocabulary) + rng.choice([" ", " ", ", ", ". ", "\n"]) for _ in range(rng.randint(2, 40)))
        for token in ("AAPI", "PIA", "APIS", "NPPC", "PPC", "DG", "DGU", "UBC", "BC", "TPC", "PCS", "AIS", "DGI"):
            assert _spelled_in(text, token) == _plain_spelled_in(text, token), (text, token)


def test_initials_window_matches_every_window():
    """The pruned window search picks the window the plain search over every window picks."""
    from cleaner.checks.acronyms import _initials_window

    rng = random.Random(8)
    for _ in range(3000):
        words = [rng.choice(["Democratic", "republic", "Congo", "control", "Disease", "Centers", "for", "Bank"])
                 for _ in range(rng.randint(1, 9))]
        run = list(range(len(words)))
        at = rng.randrange(len(run))
        acronyms = {"".join(rng.choice("DRCB") for _ in range(rng.randint(3, 5))) for _ in range(4)} | {"DRC", "CDC"}
        heads = {a[:k] for a in acronyms for k in range(1, len(a) + 1)}
        plain = None
        for a in range(at + 1):
            for b in range(max(at, a + 2), len(run)):
                window = run[a:b + 1]
                if any(not words[k][:1].isupper() for k in window if k != run[at]):
                    continue
                initials = "".join(words[k][0].upper() for k in window)
                if initials in acronyms:
                    plain = (window, initials)
                    break
            if plain:
                break
        assert _initials_window(words, run, at, heads, acronyms) == plain, (words, at, acronyms)


def test_pair_count_matches_a_count_of_every_pair():
    from collections import Counter

    from cleaner.tokens import Tokens

    rng = random.Random(3)
    for n in [30] * 200 + [30000] * 2:  # (long texts: common words past the scan limit read the count)
        text = " ".join(rng.choice(["South", "Yorkshire", "police", "Police", "south", "said"]) for _ in range(n))
        toks = Tokens(text)
        pairs = Counter(zip(toks.words, toks.words[1:]))
        for a in ("South", "Yorkshire", "police", "said"):
            for b in ("Yorkshire", "police", "Police", "South"):
                assert toks.pair_count(a, b) == pairs[a, b]


def test_within_edits_keeps_every_word_within_the_weighted_distance():
    """The C filter of a slip's candidates (unit edits) drops no word the weighted distance accepts."""
    from cleaner.checks.name_slips import FEW_WORDS, _within_edits
    from cleaner.lexicon import weighted_distance

    rng = random.Random(21)
    letters = "aeioubcdkmnprst"

    def slip(word: str) -> str:  # one to three random edits: substitutions, doublings, drops, swaps
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(word))
            kind = rng.randrange(4)
            if kind == 0:
                word = word[:i] + rng.choice(letters) + word[i + 1:]
            elif kind == 1:
                word = word[:i] + word[i] + word[i:]
            elif kind == 2 and len(word) > 2:
                word = word[:i] + word[i + 1:]
            elif i + 1 < len(word):
                word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word

    dropped = 0
    for _ in range(400):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))
        pool = [slip(word) for _ in range(FEW_WORDS * 3)]
        for limit in (1.0, 1.5):
            kept = _within_edits(word, pool, int(2 * limit))
            assert [w for w in pool if weighted_distance(word, w, cutoff=limit) <= limit] == \
                [w for w in kept if weighted_distance(word, w, cutoff=limit) <= limit], (word, pool)
            dropped += len(pool) - len(kept)
    assert dropped > 1000  # (it does filter)


def test_whole_word_from_token_runs_matches_a_search_of_the_text():
    """Tokens.whole_word answers as a search of the text (or the lower-cased text) does, whenever it
    answers, on long random texts with joined tokens, underscores, digits and capitals past ASCII: the
    words of ``inner`` stand only inside joined tokens; ``İzz`` lower-cases to two characters before
    ``zz``, and ``ΑΣ:Β`` lower-cases its sigma by its neighbours."""
    from cleaner.gazetteer import _whole_word_in
    from cleaner.tokens import WHOLE_WORD_SETS_FROM, Tokens

    rng = random.Random(23)
    alone = ["ISIS", "isis", "held", "crisis", "U", "Éire", "éire", "x_y", "2020", "Ørsted", "Co", "rock", "AT"]
    inner = ["qq", "Qq", "S", "op", "roll", "T"]
    special = [[], ["İzz"], ["ΑΣ:Β"]]  # (never joined: ΑΣ’x lower-cases the same either way)
    joins = ["-", ".", "’", "'", "&"]
    gaps = [" ", ", ", ". ", "\n", " (", ") ", "“", "” ", ":"]
    answered = 0
    for trial in range(24):
        chunks, size = [], 0
        while size < WHOLE_WORD_SETS_FROM:
            word = rng.choice(alone + special[trial % 3])
            for _ in range(rng.choice([0, 0, 1, 2]) if word in alone else 0):
                word += rng.choice(joins) + rng.choice(inner + alone)
            chunks.append(word + rng.choice(gaps))
            size += len(chunks[-1])
        text = "".join(chunks)
        toks, lowered = Tokens(text), text.lower()
        for word in alone + inner + ["isis-held", "x", "y", "_", "zz", "ας", "ασ", "Β", "β", "qq", "crisis held",
                                     "rock-qq", "rock qq", "éire ørsted", "2020 (isis", "sis held", "ασ:β"]:
            for lower in (False, True):
                known = toks.whole_word(word, lower)
                if known is not None:
                    answered += 1
                    assert known == _whole_word_in(word, lowered if lower else text), (word, lower)
    assert answered > 600


def test_one_edit_neighbours_are_every_acronym_one_edit_away():
    """The look-ups find what comparing the token with every acronym of the article finds."""
    from cleaner.checks.acronyms import _one_edit, _one_edit_neighbours

    rng = random.Random(13)
    for _ in range(300):
        acronyms = {"".join(rng.choice("ABNS") for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(1, 30))}
        near = _one_edit_neighbours(dict.fromkeys(acronyms, 1))
        for token in list(acronyms)[:5] + ["".join(rng.choice("ABNS") for _ in range(rng.randint(2, 5)))]:
            assert near(token) == sorted(a for a in acronyms if a != token and _one_edit(token, a)), (acronyms, token)


def test_acronyms_pass_compares_few_pairs_on_text_dense_with_capitals(monkeypatch):
    """On random three-letter capitals (a table of codes, a hostile input), each distinct token's
    neighbours are looked up, not compared one by one: the old index compared ~35 pairs per token."""
    from cleaner.checks import acronyms as module
    from cleaner.document import Document
    from cleaner.pipeline import Cleaner

    rng = random.Random(17)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    words = "the council said on Monday that its members would vote again".split()
    text = " ".join("".join(rng.choice(letters) for _ in range(3)) if rng.random() < 0.2 else rng.choice(words)
                    for _ in range(20000))
    calls = []
    plain = module._one_edit
    monkeypatch.setattr(module, "_one_edit", lambda a, b: calls.append(1) or plain(a, b))
    cleaner = Cleaner(select=["G001"])
    doc = Document(text)
    distinct = len(set(m.group() for m in doc.tokens.acronyms))
    assert distinct > 2500
    found = cleaner.detect(doc)
    assert any(f.code == "G001" for f in found)  # the pass did run and judge them
    assert len(calls) < 2 * distinct


def test_joining_counts_by_bisection_match_a_dict_of_every_pair():
    """The shipped lines are sorted, so bisection finds each pair's count, and the floor for the rest."""
    import gzip

    from cleaner.joining_counts import FLOOR, _lines, pair_count
    from cleaner.lexicon import _data

    with gzip.open(_data("joining-bigrams-en.tsv.gz"), "rt", encoding="utf-8") as fh:
        every = {pair: int(count) for pair, _, count in (line.rstrip("\n").partition("\t") for line in fh)
                 if not pair.startswith("#")}
    assert _lines() == sorted(_lines()) and len(_lines()) == len(every) > 40000
    for pair, count in every.items():
        first, _, second = pair.partition(" ")
        assert pair_count(first, second) == count, pair
    for first, second in [("zzqx", "of"), ("institute", "at"), ("", ""), ("of", ""), ("centre", "of the")]:
        assert pair_count(first, second) == every.get(f"{first} {second}", FLOOR // 2)


def test_words_in_parentheses_are_the_tokens_standing_alone_in_them():
    """One search finds every token of three letters or more standing alone in parentheses, with its
    span, as a walk over the tokens finds it (what defined_in_title_case reads)."""
    from cleaner.checks.acronyms import _WORD_IN_PARENTHESES
    from cleaner.tokens import Tokens

    rng = random.Random(19)
    pieces = ["(", ")", " ", "Ksc", "Kpi", "ab", "Nato", "x", "É", "é", "\u0301", "’", "-", ".", "7", "_", "Ab2", "ǅ"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        toks = Tokens(text)
        walked = [(toks.words[i], toks.spans[i]) for i in range(len(toks.words))
                  if len(toks.words[i]) >= 3 and toks.words[i].isalpha() and text[toks.spans[i][0] - 1:toks.spans[i][0]] == "("
                  and text[toks.spans[i][1]:toks.spans[i][1] + 1] == ")" and toks.spans[i][0] > 0]
        searched = [(m.group(1), m.span(1)) for m in _WORD_IN_PARENTHESES.finditer(text)]
        assert [s for s in searched if s[0].isalpha()] == walked, text


@pytest.mark.parametrize("merge_per_word", [0, 3, 10**9])
def test_among_from_the_word_index_matches_a_scan_of_every_word(monkeypatch, merge_per_word):
    """``Tokens.among`` read from the word index gives the indexes a membership test per word gives,
    for key sets smaller and larger than the article's vocabulary, tuples with repeats included, whether
    it merges the index's positions or scans the words."""
    from itertools import compress, count

    from cleaner import tokens
    from cleaner.tokens import Tokens

    monkeypatch.setattr(tokens, "MERGE_PER_WORD", merge_per_word)
    rng = random.Random(23)
    vocabulary = ["of", "Of", "the", "The", "mice", "men", "İstanbul", "ǅemal", "U.S.", "AT&T", "x-ray", "7"]
    for _ in range(3000):
        toks = Tokens(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 30))))
        pool = [w.lower() for w in vocabulary] + ["cat", "dog", "istanbul"]
        for keys in (set(rng.sample(pool, rng.randint(0, len(pool)))), tuple(rng.choices(pool, k=3)),
                     dict.fromkeys(rng.sample(pool, 2)), frozenset(pool)):
            assert toks.among(keys) == list(compress(count(), map(keys.__contains__, toks.low_words))), keys


def test_tokens_share_one_string_per_distinct_word_and_gap():
    from cleaner.tokens import Tokens

    rng = random.Random(7)
    vocabulary = ["The", "the", "THE", "Bank", "bank", "of", "Of", "England", "O'Brien", "U.S", "AT&T"]
    text = "".join(rng.choice(vocabulary) + rng.choice([" ", ", ", ". ", " - "]) for _ in range(3000))
    toks = Tokens(text)
    # the same words as a plain split, each distinct word, gap and lower-cased form one object
    assert toks.words == tuple(re.findall(r"\w+(?:['’&.-]\w+)*", text))
    assert toks.low_words == tuple(w.lower() for w in toks.words)
    for sequence in (toks.words, toks.gaps, toks.low_words):
        assert len({id(s) for s in sequence}) == len(set(sequence))
    # a word already lower case is its own lower-cased form
    assert all(low is word for word, low in zip(toks.words, toks.low_words) if word.islower())


def test_pair_counts_read_from_a_words_neighbours_are_the_plain_counts():
    """Pairs of words with many mentions are read from the rarer word's neighbours, counted once: the
    same counts as counting every pair, exact case included (``The new`` is no ``the new``)."""
    from cleaner.tokens import PAIR_SCAN_MAX, Tokens

    rng = random.Random(5)
    vocabulary = ["the", "The", "new", "New", "york", "York", "of", "said", "bank", "Bank", "a", "rare"]
    weights = [400, 80, 200, 60, 30, 90, 250, 100, 40, 40, 300, 1]
    words = rng.choices(vocabulary, weights, k=20_000)
    toks = Tokens(" ".join(words))
    assert len(toks.where("rare")) < PAIR_SCAN_MAX < len(toks.where("york"))  # both ways are taken
    plain: dict = {}
    for pair in zip(words, words[1:]):
        plain[pair] = plain.get(pair, 0) + 1
    for first in vocabulary + ["absent"]:
        for second in vocabulary + ["absent"]:
            assert toks.pair_count(first, second) == plain.get((first, second), 0), (first, second)


def test_definitions_read_before_each_mark_are_a_search_of_the_whole_text():
    """Searching back from each " (XX)" finds the definitions, spans and groups, a whole-text search finds."""
    from cleaner.checks.acronyms import _DEFINITION, _definitions

    rng = random.Random(23)
    pieces = ["Federal", "Reserve", "of", "the", "and", "&", "Bank", "O’Neil", "x-Ray", "Zürich", "data", "(FR)", "(FRB)",
              "(fr)", "(ABCDEFG)", "Ab1", "said", ",", ".", "(", "\n", "Á", "_U"]
    texts = ["It said: Federal Reserve (FR)", "(AB)", " (AB) (CD)", "A" * 3000 + " (AB)", "Bank (B)" * 3]
    texts += ["".join(rng.choice(pieces) + rng.choice([" ", " ", "", ", "]) for _ in range(rng.randint(1, 40)))
              for _ in range(3000)]
    for text in texts:
        assert [(m.span(), m.groups()) for m in _definitions(text)] == \
            [(m.span(), m.groups()) for m in _DEFINITION.finditer(text)], text


def test_mostly_capitals_counts_as_every_letter_does():
    """The ASCII count decides a line only where counting every letter agrees."""
    from cleaner.checks.name_tokens import _mostly_capitals

    rng = random.Random(29)
    alphabet = "aAbZ zÉé1.\nΣσ'’ÆⅠⓐ\ud800"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        letters = "".join(filter(str.isalpha, text[start:end]))
        assert _mostly_capitals(text, start, end) == (2 * sum(map(str.isupper, letters)) > len(letters)), text
