"""Build ``rules/data/joining-bigrams-en.tsv.gz``: how often English web text writes each word before
and after a joining word (run by maintainers, not users).

    pip install wordsegment            # Grant Jenks's package: Apache-2.0, pure Python
    python tools/build_joining_counts.py            # rewrite the file
    python tools/build_joining_counts.py --check    # exit 1 when it differs from a fresh build

Why: the G003 joining-word check asks which of ``of``/``for``/``in``/``on``/``at``/``to`` English
writes after a name's head word (``Institute of``, ``Union of``) when the gazetteer's names say nothing
about that head. symspellpy's bigram list (``bigrams-en.tsv.gz``) is too sparse and uneven for those
pairs (it has no ``center of``); wordsegment ships the bigram counts of Peter Norvig's list from the
Google Web Trillion Word Corpus (``bigrams.txt``, the 286,358 commonest pairs, case-folded). Only the
pairs with a joining word are kept (about 51,000), one a line, ``first second<TAB>count``, sorted, the
larger count where the list repeats a pair. A pair missing from the list is rarer than its last entry
(count 100,000). Licence: ``rules/data/JOINING-BIGRAMS-LICENSE.txt``. The first line records the
wordsegment version; the file is gzipped with a zero timestamp, so a rebuild is byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from importlib import metadata, resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_output import write_or_check  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "joining-bigrams-en.tsv.gz"
JOINING = ("in", "on", "at", "of", "for", "to")


def joining_text() -> str:
    counts: dict = {}
    source = resources.files("wordsegment").joinpath("bigrams.txt")
    for line in source.read_text(encoding="utf-8").splitlines():
        pair, count = line.split("\t")
        first, _, second = pair.partition(" ")
        if first in JOINING or second in JOINING:
            counts[pair] = max(counts.get(pair, 0), int(count))
    head = f"# built by tools/build_joining_counts.py from wordsegment {metadata.version('wordsegment')}\n"
    return head + "".join(f"{pair}\t{count}\n" for pair, count in sorted(counts.items()))


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    data = gzip.compress(joining_text().encode("utf-8"), compresslevel=9, mtime=0)
    return write_or_check([(OUT, data)], args.check, "tools/build_joining_counts.py")


if __name__ == "__main__":
    sys.exit(main())
