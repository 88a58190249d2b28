"""Does ``fix`` reach its fixed point in one run on input where the edits can interact? Fresh cases of
one family per seed, each cleaned twice (safe fixes, then with ``--unsafe-fixes``): a second clean that
still changes the text is a failure, counted by the codes of the edits it applied.

The family (``runs``): mojibake of one character (``Ã“`` for ``Ó``, ``â€™`` for ``’``) beside a run of
a repeated short pattern made of its own characters and quotation marks (``Ã“”“”…“” ``, ``â€“““…``),
with another piece of mojibake, a quotation or a sentence after it. The diff of ftfy's repair can be
laid out anywhere in such a run, and a fix that applied only part of it took a round per repetition
(``bench/fuzz.py``, seed 20261218). Quotation-mark runs also reach the Q checks, so their convergence is
measured too (the failures name the codes).

The family ``low-high``: a sentence with a run of German opening marks ``„`` (two to fifteen, a few
words after each) and one closing mark, ``“`` or ``”``. Q009 turned the last ``„ “`` pair into ``“ ”``,
whose ``“`` then closed the ``„`` before it: a fix round per mark, past the last round.

The family ``noise``: one paragraph of random words with marks of every kind around them (``„``, ``«``,
curly, straight, single, ``isn"t``, mojibake). Its marks pair by chance, and each Q009 or Q011 repair made a
new pair for the next round (the lead's 1 MB-line probe, stop 31).

    python bench/fix_convergence.py --seeds 2 3 4 5 6 --cases 1000
    python bench/fix_convergence.py --seeds 1 --cases 300 --show 5      # and the failing inputs
    python bench/fix_convergence.py --family low-high --seeds 2 3 4 5 6 --cases 100
    python bench/fix_convergence.py --family noise --seeds 2 3 4 5 6 --cases 300
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from statistics import mean, pstdev
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHARS = "éÓöüñçàèÉÖÜ“”‘’—–…€•™"
MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "—", "…", ".", " "]
AFTER = ["", " ", " she said.", "\n", ".", " the cafÃ© said.", None, " â€œNo,â€ she said. "]


def mojibake(char: str) -> Optional[str]:
    """``char``'s UTF-8 bytes read as Windows-1252, or None when a byte is no character there.

    >>> mojibake("é"), mojibake("’"), mojibake("Ý")
    ('Ã©', 'â€™', None)
    """
    try:
        return char.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None


def case(rng: random.Random) -> Optional[str]:
    """One input of the family (None when the drawn character has no cp1252 mojibake).

    >>> case(random.Random(7))
    'Ãœ’’’ the cafÃ© said.'
    """
    char = rng.choice(CHARS)
    broken = mojibake(char)
    if broken is None:
        return None
    pool = sorted(set(broken) | {char}) + MARKS
    unit = "".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
    run = unit * rng.randint(2, 20)
    before = rng.choice(["", "The cafe said ", "x", run[:rng.randint(0, len(run))]])
    after = rng.choice(AFTER + ["\n" + run + "Ã©"])
    if after is None:
        after = mojibake(rng.choice(CHARS)) or ""
    return before + broken + run + after if rng.random() < 0.7 else before + run + broken + after


WORDS = "the mayor said we will stay and fight for our town today".split()


def low_high_case(rng: random.Random) -> str:
    """One input of the ``low-high`` family.

    >>> low_high_case(random.Random(1))
    'He said „mayor will mayor „fight fight „and we mayor „the and” and left.'
    """
    parts = ["He said"]
    for _ in range(rng.randint(2, 15)):
        parts.append("„" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))))
    closing = rng.choice(["“", "”"])
    return " ".join(parts) + closing + rng.choice([" and left.", ", she said.", ". “Yes,” he said.", ""])


NOISE_WORDS = ("the council said on Monday that mayor will stay and fight for our town today budget police "
               "homes not excuses We Tom Escalante fair she it city Europe Politics 2023").split()
NOISE_MARKS = ["„", "“", "”", "‘", "’", "'", '"', "«", "»", "‹", "›"]
NOISE_SHAPES = ['isn"t', 'Brazil"s', 'we"re', "Â©", "â€\ufffd", "‘‘", "’’", "„0„:„.„", "Region:", "said.“", "it,’"]


def noise_case(rng: random.Random) -> str:
    """One input of the ``noise`` family: a paragraph of 10 to 400 words, a tenth of them shapes of this stop's
    quotation families, with a mark of any kind before, after or between words at a density of 10% to 100%.

    >>> noise_case(random.Random(3))[:60]
    'excuses «excuses Escalante budget will police ‹Brazil"s city'
    """
    n = rng.choice([10, 20, 40, 80, 160, 400])
    density = rng.choice([0.1, 0.25, 0.5, 1.0])
    out = []
    for _ in range(n):
        word = rng.choice(NOISE_WORDS) if rng.random() > 0.1 else rng.choice(NOISE_SHAPES)
        if rng.random() < density:
            mark, where = rng.choice(NOISE_MARKS), rng.random()
            word = mark + word if where < 0.4 else word + mark if where < 0.8 else mark
        out.append(word)
    return " ".join(out) + rng.choice([".", "", "”", " she said."])


FAMILIES = {"runs": case, "low-high": low_high_case, "noise": noise_case}


def run_seed(seed: int, cases: int, family: str = "runs") -> dict:
    """Failures of one seed: {"cases": n, "safe": Counter(codes), "unsafe": Counter(codes), "inputs": [...]}."""
    from cleaner.pipeline import Cleaner

    rng = random.Random(seed)
    cleaners = {"safe": Cleaner(), "unsafe": Cleaner(unsafe_fixes=True)}
    out = {"cases": 0, "safe": Counter(), "unsafe": Counter(), "inputs": []}
    for _ in range(cases):
        text = FAMILIES[family](rng)
        if text is None:
            continue
        out["cases"] += 1
        for mode, cleaner in cleaners.items():
            once = cleaner.clean(text, kind="text")
            again = cleaner.clean(once.text, kind="text")
            if again.text != once.text:
                codes = "+".join(sorted({f.code for f in again.findings if f.applied}))
                out[mode][codes] += 1
                out["inputs"].append((mode, codes, text))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[2, 3, 4, 5, 6])
    parser.add_argument("--cases", type=int, default=1000, help="cases drawn per seed")
    parser.add_argument("--show", type=int, default=0, help="print this many failing inputs per seed")
    parser.add_argument("--family", choices=sorted(FAMILIES), default="runs")
    args = parser.parse_args(argv)
    totals = {"safe": [], "unsafe": []}
    for seed in args.seeds:
        row = run_seed(seed, args.cases, args.family)
        for mode in totals:
            totals[mode].append(sum(row[mode].values()))
        print(f"seed {seed}: {row['cases']} cases; not idempotent: safe {sum(row['safe'].values())} "
              f"{dict(row['safe'])}, unsafe {sum(row['unsafe'].values())} {dict(row['unsafe'])}", flush=True)
        for mode, codes, text in row["inputs"][:args.show]:
            print(f"    {mode:6s} {codes:12s} {text!r}")
    for mode, counts in totals.items():
        print(f"{mode}: {mean(counts):.1f} +- {pstdev(counts):.1f} not idempotent a seed ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
