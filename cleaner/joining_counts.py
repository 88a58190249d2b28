"""How often English web text writes a word before or after a joining word (``institute of``,
``of statistics``): the G003 joining-word check's evidence where the gazetteer's names say nothing
about a head word.

The counts are Peter Norvig's, from the Google Web Trillion Word Corpus, as the ``wordsegment``
package ships them, cut to the pairs with one of :data:`JOINING` by ``tools/build_joining_counts.py``
(``rules/data/joining-bigrams-en.tsv.gz``, licence beside it). Read on the first question, never at
start (about 43,600 pairs).
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
