"""The shared token model (cleaner.tokens): one per document, spans that point at their words."""

import gc

from cleaner.document import Document
from cleaner.tokens import NAME_TOKEN, WORD_TOKEN, Tokens


def test_one_token_model_per_document_and_its_spans_point_at_its_words():
    doc = Document("The U.S. House of Representatives met AT&T’s chief, NASA-funded.\n\nHe said no.")
    toks = doc.tokens
    assert toks is doc.tokens  # built once, shared by every check of the document
    assert toks.words[:3] == ("The", "U.S", "House")
    assert "AT&T’s" in toks.words and "NASA-funded" in toks.words
    assert all(doc.text[s:e] == w for w, (s, e) in zip(toks.words, toks.spans))
    # the gaps and the words rebuild the text up to the last word
    assert "".join(g + w for g, w in zip(toks.gaps, toks.words)) == doc.text[:toks.spans[-1][1]]
    assert toks.sentence_initial(toks.words.index("He")) and not toks.sentence_initial(1)


def test_the_two_tokenisations_differ_only_where_they_say():
    text = "O’Brien’s NASA-funded AT&T deal, don't 2020s"
    assert WORD_TOKEN.findall(text) == ["O’Brien’s", "NASA", "funded", "AT", "T", "deal", "don't", "s"]
    assert NAME_TOKEN.findall(text) == ["O’Brien’s", "NASA-funded", "AT&T", "deal", "don't", "2020s"]
    assert list(Tokens(text).words) == NAME_TOKEN.findall(text)


def test_the_token_sequences_drop_out_of_the_garbage_collectors_walks():
    # lists would be walked element by element at every full collection: on a long text, a cost per
    # collection that grows with the text, paid more often the longer the text
    toks = Tokens("The Associated press said on Monday that NASA-funded work ended. " * 40)
    toks.where("said")
    toks._starts()  # (the token starts, built on first use)
    names = ("words", "gaps", "spans", "low_words", "capitalised", "caps", "lower", "lower_alpha",
             "joined", "joined_alpha", "cap_pairs")
    for name in names:  # (the index sequences too are built on first use)
        getattr(toks, name)
    gc.collect()
    gc.collect()  # (a tuple of tuples: the inner ones first)
    for name in names:
        assert isinstance(getattr(toks, name), tuple) and not gc.is_tracked(getattr(toks, name)), name
    assert toks.where("said") == tuple(range(3, len(toks.words), 10)) and not gc.is_tracked(toks.where("said"))
    assert not gc.is_tracked(toks._starts())


def test_the_lower_case_indexes_hold_the_lower_case_words_and_of_those_the_all_letter_ones():
    toks = Tokens("In the 2020s, Palm bay's mayor-elect and NASA met")
    words = toks.words
    assert [words[i] for i in toks.lower] == ["the", "2020s", "bay's", "mayor-elect", "and", "met"]
    assert [words[i] for i in toks.lower_alpha] == ["the", "and", "met"]
    # one plain space after a capitalised word ("In", "Palm", "NASA")
    assert [words[i] for i in toks.joined] == ["the", "bay's", "met"]
    assert [words[i] for i in toks.joined_alpha] == ["the", "met"] and toks.cap_pairs == ()


def test_word_counts_from_name_tokens_are_the_scan_of_the_text():
    """Document.word_tokens and word_count taken from the name tokens (when G built them first) are the
    scans' counts, on random texts dense in what splits or joins tokens: apostrophes, joiners, digits,
    underscores, combining marks, superscripts, non-Latin letters."""
    import random
    import re
    from collections import Counter

    from cleaner.document import word_counts

    rng = random.Random(5)
    pieces = ["a", "Zé", "ß", "Σ", "ω", "и", "1", "²", "_", "'", "’", "&", ".", "-", " ", "\n", "e\u0301", "\u00a0", "n't"]
    split = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        expected = Counter(WORD_TOKEN.findall(text))
        assert word_counts(Tokens(text).words) == expected, repr(text)
        doc = Document(text)
        doc.tokens
        assert doc.word_tokens == expected
        assert doc.word_count == len(re.findall(r"\w+", text)) == Document(text).word_count, repr(text)
        split += any(not t.isalpha() for t in Tokens(text).words)
    assert split > 1000  # most texts had name tokens that are not one word
