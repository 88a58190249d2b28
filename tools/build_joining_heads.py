"""Build ``rules/data/joining-heads-en.tsv``: which joining word edited copy writes after a capitalised
head word inside a name, and ``rules/data/joining-names-en.tsv``: which one it writes between a name's
head word and the word after it (run by maintainers, not users).

    python tools/build_joining_heads.py            # rewrite the file
    python tools/build_joining_heads.py --check    # exit 1 when it differs from a fresh build

Why: the G003 joining-word checks ask which of ``of``/``for``/``in``/``on``/``at``/``to`` a name's head
word takes (``Department of``, ``Centers for``). Web text's word pairs (``joining-bigrams-en.tsv.gz``)
are case-folded, so they count ``the office in the basement`` with ``the Office of Management``; the
names of the gazetteer know only the heads they hold. This table counts the joining word only where a
name is written: a capitalised head inside a sentence (after a lower-case word, a comma, a semicolon
or a colon and one space), one joining word, maybe ``the``, and another capitalised word
(``the Office of Personnel Management``, ``the Centers for Disease Control``).

The text: the ``tune`` part (``bench/corpus_split.py``) of ``../shared/data/news_clean``'s public-domain
sources only, ``digitalgov`` and ``18f`` (US Government works, dedicated to the public domain under CC0
1.0; licence note: ``rules/data/JOINING-HEADS-LICENSE.txt``); never the held-out part, which the
benchmarks measure, nor the research-only Reuters copy. A head is kept when it is written so at least
``MIN_TOTAL`` times: one line each, ``head<TAB>word count word count ...`` (most written first), sorted
by head.

The second file counts whole joins, ``head joining next<TAB>count`` (lower case, sorted), where the
head may follow up to three capitalised words of the name (``the National Academy of Sciences``,
``the Federal Bureau of Investigation``): what a name of several words joins its words with, which
neither the head nor web text's case-folded pairs say (``Academy of Sciences``, not ``for``). Every
join written at least once is kept. A rebuild is byte-identical.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

from build_output import write_or_check  # noqa: E402

OUT = ROOT / "rules" / "data" / "joining-heads-en.tsv"
NAMES_OUT = ROOT / "rules" / "data" / "joining-names-en.tsv"
SOURCES = ("digitalgov", "18f")
MIN_TOTAL = 10
#: a capitalised head inside a sentence, a joining word, maybe "the", and a capitalised word
NAME_JOIN = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{1,30}) (in|on|at|of|for|to) (?:the )?[A-Z]")
#: the same after up to three capitalised words of the name, with the next word whole
WHOLE_JOIN = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-z]{1,30} ){0,3}([A-Z][a-z]{1,30}) (in|on|at|of|for|to) (?:the )?"
                        r"([A-Z][a-z]{1,30})\b")


def counts(texts) -> dict:
    """{head lower-cased: Counter of joining words} over ``texts``.

    >>> dict(counts(["a job at the Office of Personnel Management, the Office for Civil Rights."])["office"])
    {'of': 1, 'for': 1}
    """
    table: dict = defaultdict(Counter)
    for text in texts:
        for m in NAME_JOIN.finditer(text):
            table[m.group(1).lower()][m.group(2)] += 1
    return table


def joins(texts) -> Counter:
    """{(head, joining word, next word) lower-cased: count} over ``texts``.

    >>> sorted(joins(["a grant from the National Academy of Sciences and the Centers for Disease"]).items())
    [(('academy', 'of', 'sciences'), 1), (('centers', 'for', 'disease'), 1)]
    """
    table: Counter = Counter()
    for text in texts:
        for m in WHOLE_JOIN.finditer(text):
            table[m.group(1).lower(), m.group(2), m.group(3).lower()] += 1
    return table


def _texts() -> list:
    from corpus_split import articles  # the benchmarks' fixed split of the clean corpus

    return [rec["text"] for rec in articles("tune", sources=set(SOURCES))]


def names_text(texts: list) -> str:
    lines = ["# built by tools/build_joining_heads.py from the tune part of news_clean's digitalgov and 18f "
             "records (public domain, CC0 1.0)\n"]
    table = joins(texts)
    lines.extend(f"{h} {j} {n}\t{table[h, j, n]}\n" for h, j, n in sorted(table))
    return "".join(lines)


def heads_text(texts: list) -> str:
    table = counts(texts)
    lines = ["# built by tools/build_joining_heads.py from the tune part of news_clean's digitalgov and 18f "
             "records (public domain, CC0 1.0)\n"]
    for head in sorted(table):
        row = table[head]
        if sum(row.values()) >= MIN_TOTAL:
            ranked = sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append(head + "\t" + " ".join(f"{w} {n}" for w, n in ranked) + "\n")
    return "".join(lines)


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    texts = _texts()
    return write_or_check([(OUT, heads_text(texts).encode("utf-8")), (NAMES_OUT, names_text(texts).encode("utf-8"))],
                          args.check, "tools/build_joining_heads.py")


if __name__ == "__main__":
    sys.exit(main())
