"""How often English web text writes a word before or after a joining word (``institute of``,
``of statistics``): the G003 joining-word check's evidence where the gazetteer's names say nothing
about a head word.

The counts are Peter Norvig's, from the Google Web Trillion Word Corpus, as the ``wordsegment``
package ships them, cut to the pairs with one of :data:`JOINING` by ``tools/build_joining_counts.py``
(``rules/data/joining-bigrams-en.tsv.gz``, licence beside it). Read on the first question, never at
start (about 43,600 pairs).

:func:`head_counts` answers the same question for names alone: which joining word edited copy writes
after a capitalised head word inside a name (``the Office of Personnel Management``), counted by
``tools/build_joining_heads.py`` in public-domain news copy (``rules/data/joining-heads-en.tsv``,
licence beside it). :func:`name_joins` counts whole joins in the same copy, the head word after up to
three capitalised words of its name and the word after the joining word (``the National Academy of
Sciences``: ``rules/data/joining-names-en.tsv``).
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from functools import lru_cache

from .lexicon import _data

JOINING = ("in", "on", "at", "of", "for", "to")
#: The list keeps pairs written at least this often: a pair it lacks is rarer, so it counts half this.
FLOOR = 100_000


@lru_cache(maxsize=1)
def _lines() -> list:
    """The file's ``first second<TAB>count`` lines, sorted by pair as ``tools/build_joining_counts.py``
    writes them: a pair is found by bisection, so the first question costs a decompression and a
    split (about 0.006 s), not a dict of every pair (0.03 s, four articles' S and G checks)."""
    lines = gzip.decompress(_data("joining-bigrams-en.tsv.gz").read_bytes()).decode("utf-8").split("\n")
    first = next((k for k, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return lines[first:-1] if lines[-1] == "" else lines[first:]


def pair_count(first: str, second: str) -> int:
    """How often web text writes ``first second`` (lower case), half :data:`FLOOR` when the list lacks it.

    >>> pair_count("institute", "of") > 30 * pair_count("institute", "at"), pair_count("zzqx", "of")
    (True, 50000)
    """
    key = f"{first} {second}\t"
    lines = _lines()
    at = bisect_left(lines, key)
    if at < len(lines) and lines[at].startswith(key):
        return int(lines[at][len(key):])
    return FLOOR // 2


@lru_cache(maxsize=1)
def _head_rows() -> dict:
    rows: dict = {}
    for line in _data("joining-heads-en.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition("\t")
        pieces = rest.split(" ")
        rows[head] = dict(zip(pieces[0::2], map(int, pieces[1::2])))
    return rows


def head_counts(head: str) -> dict:
    """How often edited copy joins the capitalised head word ``head`` (lower case) to the next word of
    a name with each joining word; empty when the table does not hold the head.

    >>> head_counts("department")["of"] > 100 * head_counts("department").get("at", 1), head_counts("zzqx")
    (True, {})
    """
    return _head_rows().get(head, {})


@lru_cache(maxsize=1)
def _name_join_rows() -> tuple:
    rows: dict = {}
    heads: dict = {}
    for line in _data("joining-names-en.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        words, _, count = line.partition("\t")
        head, joining, nxt = words.split(" ")
        rows.setdefault((head, nxt), {})[joining] = int(count)
        row = heads.setdefault(head, {})
        row[joining] = row.get(joining, 0) + int(count)
    return rows, heads


def name_joins(head: str, nxt: str) -> dict:
    """How often edited copy joins the capitalised words ``head`` and ``nxt`` (lower case) inside a
    name with each joining word (``the National Academy of Sciences``); empty when it never does.

    >>> name_joins("academy", "sciences"), name_joins("zzqx", "sciences")
    ({'of': 1}, {})
    """
    return _name_join_rows()[0].get((head, nxt), {})


def name_head_joins(head: str) -> dict:
    """:func:`name_joins` summed over the next word: how often names join ``head`` with each word.

    >>> name_head_joins("department")["of"] > 50 * name_head_joins("department").get("for", 1)
    True
    """
    return _name_join_rows()[1].get(head, {})
