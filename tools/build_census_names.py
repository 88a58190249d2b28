"""Build ``rules/data/census-names-en.tsv.gz``: the given names and surnames of the US Census 1990 name
frequency lists, ranked (run by maintainers, not users).

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    python tools/build_census_names.py --source names-0.3.0/names            # rewrite the file
    python tools/build_census_names.py --source names-0.3.0/names --check    # exit 1 when it differs

Why: the G002 person-name passes ask whether a word is a given name or a surname (``Richard jolly``,
``said mark gorman``). The dictionary (SCOWL) lists the commonest names capitalised; the Census
lists name the people of a whole country, thousands of surnames and given names more (``Gorman``,
``Jolly``, ``Burg``, ``Tracey``).

The source: the US Census Bureau's 1990 name frequency files ``dist.all.last``, ``dist.male.first``
and ``dist.female.first`` (``NAME  frequency%  cumulative%  rank``), public domain (a work of the US
Government), as shipped inside the MIT-licensed PyPI package ``names`` 0.3.0 (Trey Hunner), whose
README states that these files are public domain, derived from 1990 Census data. Licence note:
``rules/data/CENSUS-NAMES-LICENSE.txt``.

Kept: every given name (male and female, one row per name, its better rank), and the surnames held
by at least ``SURNAME_MIN_PERCENT`` per cent of the people (the list's first 18,839; below that the
file's frequencies read 0.000 and hold any spelling one family used). One line each,
``name<TAB>given rank<TAB>surname rank`` in lower case (``-`` where the name is not of that kind),
sorted by name, gzip-compressed (no time stamp: a rebuild is byte-identical).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from build_output import write_or_check  # noqa: E402

OUT = ROOT / "rules" / "data" / "census-names-en.tsv.gz"
SURNAME_MIN_PERCENT = 0.001
FILES = {"given": ("dist.male.first", "dist.female.first"), "surname": ("dist.all.last",)}


def ranks(lines, min_percent: float = 0.0) -> dict:
    """{name lower-cased: rank} from a Census list's lines, those held by at least ``min_percent``.

    >>> ranks(["SMITH          1.006  1.006      1", "AALUND         0.000 90.483  88798"], 0.001)
    {'smith': 1}
    """
    out: dict = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= min_percent and parts[0].isalpha():
            out.setdefault(parts[0].lower(), int(parts[3]))
    return out


def table_text(given: dict, surnames: dict) -> str:
    """The file's text: a header, then ``name<TAB>given rank<TAB>surname rank`` sorted by name.

    >>> table_text({"mary": 1, "james": 1}, {"james": 19, "smith": 1}).splitlines()[1:]
    ['james\\t1\\t19', 'mary\\t1\\t-', 'smith\\t-\\t1']
    """
    lines = ["# US Census 1990 name frequency lists (public domain), via the names 0.3.0 package: "
             "tools/build_census_names.py\n"]
    for name in sorted(set(given) | set(surnames)):
        lines.append(f"{name}\t{given.get(name, '-')}\t{surnames.get(name, '-')}\n")
    return "".join(lines)


def build(source: Path) -> str:
    given: dict = {}
    for name in FILES["given"]:
        for word, rank in ranks((source / name).read_text(encoding="ascii").splitlines()).items():
            given[word] = min(rank, given.get(word, rank))
    surnames = ranks((source / FILES["surname"][0]).read_text(encoding="ascii").splitlines(), SURNAME_MIN_PERCENT)
    return table_text(given, surnames)


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True,
                        help="the names package's directory holding dist.all.last, dist.male.first, dist.female.first")
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    packed = gzip.compress(build(args.source).encode("utf-8"), compresslevel=9, mtime=0)
    return write_or_check([(OUT, packed)], args.check, "tools/build_census_names.py")


if __name__ == "__main__":
    sys.exit(main())
