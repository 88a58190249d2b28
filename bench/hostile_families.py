"""Fresh-seed figures for four hostile-input families (issue 17), on the articles of one part of
``bench/corpus_split.py`` (Reuters left out); one JSON line a seed, then the mean and spread.

- ``copies``: five stories, each saved 8 times as records of one site with a short heading line
  (``More``): the B011 reports on the copies (a copy is no template: 0 is right); and 8 different
  stories of one site ending in its tagline: how often the tagline is found (8) and what else is.
- ``check-fix``: stories whose quotation marks in one paragraph are the mojibake of marks that lost
  their third byte (``â€œ``, ``â€``), with the two paragraphs around it: ``check``'s safe edits that
  ``fix`` never makes (``check_only``), ``fix``'s edits ``check`` did not list (``fix_only``), both.
- ``ligatures``: stories given a PDF scrape's ligatures (60% of the ``fi fl ff ffi ffl`` pairs, a gap
  beside half of those): the words ``clean(select=["E"])`` still gets wrong against the clean story
  (a word diff), and E009 findings on the story's own text.
- ``hyphenation``: stories set in lines of 38 to 70 characters, a word crossing a line end divided at a
  syllable-like point (70% of those of six letters or more) or at its own hyphen, then the line breaks
  read as spaces, as a PDF or print scrape reads them (``rein- stated``): the words
  ``clean(select=["S"])`` still gets wrong against the clean story, and S004 findings on the story's
  own text.

    python bench/hostile_families.py --family ligatures --part heldout --seeds 1 2 3 4 5
    python bench/hostile_families.py --family copies --tree /tmp/old   # a git archive: its own code and rules
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WORD = re.compile(r"\w+")
TAGLINE = "The Example Courier is published by Example Media Group in Springfield."
LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
_PAIRS = re.compile("ffi|ffl|ff|fi|fl")


def with_ligatures(text: str, rng: random.Random, share: float = 0.6) -> tuple[str, int]:
    """``text`` with ``share`` of its letter pairs a font sets as one glyph written as that ligature,
    a gap beside half of them where letters lie on that side (as PDF-to-text tools leave them), and how
    many were put.

    >>> with_ligatures("The office staff define the flow.", random.Random(4))
    ('The o \ufb03ce sta \ufb00 de \ufb01 ne the flow.', 3)
    """
    out, pos, count = [], 0, 0
    for match in _PAIRS.finditer(text):
        if rng.random() >= share:
            continue
        start, end, ligature = match.start(), match.end(), LIGATURES[match.group()]
        before, after = start > 0 and text[start - 1].isalpha(), end < len(text) and text[end].isalpha()
        roll = rng.random()
        if roll < 0.2 and before:
            ligature = " " + ligature
        elif roll < 0.4 and after:
            ligature = ligature + " "
        elif roll < 0.5 and before and after:
            ligature = " " + ligature + " "
        out += [text[pos:start], ligature]
        pos, count = end, count + 1
    out.append(text[pos:])
    return "".join(out), count


def mojibake_marks(paragraph: str) -> str:
    """A paragraph's curly double marks as UTF-8 read as Windows-1252 that lost the closing mark's
    third byte (a byte that code page leaves undefined).

    >>> mojibake_marks("\\u201cWe won,\\u201d she said.")
    'â€œWe won,â€ she said.'
    """
    return paragraph.replace("\u201c", "\u00e2\u20ac\u0153").replace("\u201d", "\u00e2\u20ac")


def copies(stories: list, rng: random.Random) -> dict:
    from cleaner import Cleaner

    cleaner = Cleaner(select=["B011"])
    reports = lines = 0
    for story in rng.sample([s for s in stories if len(s["text"]) > 800], 5):
        text = story["title"] + "\n\n" + story["text"].replace("\n\n", "\n\nMore\n\n", 1)
        docs = [cleaner.document(text, kind="text", url=f"https://copies.example/{story['id']}/{k}") for k in range(8)]
        cleaner.learn(docs)
        reports += sum(len(cleaner.run(doc, fix=False).findings) for doc in docs)
        lines += 8 * (text.count("\n") + 1)
    docs = [cleaner.document(s["text"] + "\n\nMore\n\n" + TAGLINE, kind="text", url=f"https://courier.example/{k}")
            for k, s in enumerate(rng.sample(stories, 8))]
    cleaner.learn(docs)
    found = [f for doc in docs for f in cleaner.run(doc, fix=False).findings]
    tagged = sum(1 for f in found if "Example Courier" in f.excerpt)
    return {"copy_reports": reports, "copy_lines": lines, "tagline_found": tagged, "other_reports": len(found) - tagged}


def check_fix(stories: list, rng: random.Random) -> dict:
    from cleaner import Cleaner

    cleaner = Cleaner()
    counts = {"check_only": 0, "fix_only": 0, "both": 0}
    for story in rng.sample([s for s in stories if "\u201d" in s["text"]], 40):
        paragraphs = story["text"].split("\n\n")
        k = next(i for i, p in enumerate(paragraphs) if "\u201d" in p)
        paragraphs[k] = mojibake_marks(paragraphs[k])
        text = "\n\n".join(paragraphs[max(0, k - 2):k + 3])
        listed = {(f.code, f.start, f.end, f.suggestion) for f in cleaner.check(text).findings if f.fix == "safe"}
        applied = {(f.code, f.start, f.end, f.suggestion) for f in cleaner.clean(text).findings if f.applied}
        counts["check_only"] += len(listed - applied)
        counts["fix_only"] += len(applied - listed)
        counts["both"] += len(listed & applied)
    return counts


def _damaged_words(stories: list, rng: random.Random, damage, family: str, code: str, put: str) -> dict:
    """For 60 stories: ``code``'s findings on the story's own text, how many damages ``damage(text, rng)``
    put (``put``), and the words ``clean(select=[family])`` still gets wrong against the clean story."""
    from cleaner import Cleaner

    cleaner = Cleaner(select=[family])
    counts = {put: 0, "words_wrong": 0, f"{code.lower()}_on_own_text": 0}
    for story in rng.sample(stories, 60):
        text = story["text"]
        counts[f"{code.lower()}_on_own_text"] += sum(1 for f in cleaner.check(text).findings if f.code == code)
        damaged, count = damage(text, rng)
        counts[put] += count
        counts["words_wrong"] += words_wrong(cleaner.clean(text).text, cleaner.clean(damaged).text)
    return counts


def ligatures(stories: list, rng: random.Random) -> dict:
    return _damaged_words(stories, rng, with_ligatures, "E", "E009", "ligatures")


_VOWELS = frozenset("aeiouy")


def _break_at(word: str, room: int):
    """Where a typesetter may divide ``word`` with at most ``room`` letters before the hyphen, two or
    more on each side, a vowel in each part: before a consonant after a vowel (``na-tion``), or between
    two consonants after a vowel (``rein-stated``, ``in-ter``); the last such point that fits, or None.

    >>> _break_at("reinstated", 5), _break_at("international", 6), _break_at("street", 6)
    (4, 5, None)
    """
    low = word.lower()
    points = [i for i in range(2, min(room, len(word) - 2) + 1) if low[i] not in _VOWELS
              and (low[i - 1] in _VOWELS or low[i - 2] in _VOWELS)
              and not _VOWELS.isdisjoint(low[:i]) and not _VOWELS.isdisjoint(low[i:])]
    return points[-1] if points else None


def printed(text: str, rng: random.Random, share: float = 0.7) -> tuple[str, int]:
    """``text`` set in lines of 38 to 70 characters (one width a story), a word of six letters or more
    that crosses a line end divided with a hyphen ``share`` of the time (at :func:`_break_at`), a
    hyphenated compound at its own hyphen as often, then every line break in a paragraph read as a
    space; and how many words were divided (compounds not counted: their hyphen is theirs).

    >>> printed("The order was reinstated on Monday by the international court in The Hague.", random.Random(18))
    ('The order was reinstated on Monday by the inter- national court in The Hague.', 1)
    """
    width, count, paragraphs = rng.randint(38, 70), 0, []
    for paragraph in text.split("\n\n"):
        lines, line = [], ""
        for word in paragraph.split():
            if not line or len(line) + 1 + len(word) <= width:
                line = f"{line} {word}" if line else word
                continue
            room = width - len(line) - 2  # letters that fit before a hyphen
            letters = re.match(r"[^\W\d_]+", word)
            if letters and letters.end() >= 6 and (at := _break_at(letters.group(), room)) and rng.random() < share:
                lines.append(f"{line} {word[:at]}-")
                line, count = word[at:], count + 1
            elif 0 < word.find("-") <= room and word.find("-") < len(word) - 1 and rng.random() < share:
                k = word.find("-") + 1
                lines.append(f"{line} {word[:k]}")
                line = word[k:]
            else:
                lines.append(line)
                line = word
        paragraphs.append(" ".join(lines + [line] if line else lines))
    return "\n\n".join(paragraphs), count


def hyphenation(stories: list, rng: random.Random) -> dict:
    return _damaged_words(stories, rng, printed, "S", "S004", "divided")


def words_wrong(want: str, got: str) -> int:
    """How many words ``got`` has wrong against ``want``: each differing stretch of a word diff counts
    the longer of its two sides.

    >>> words_wrong("It benefits the office.", "It bene fits the office.")
    2
    """
    want_words, got_words = WORD.findall(want), WORD.findall(got)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in
               difflib.SequenceMatcher(None, want_words, got_words, autojunk=False).get_opcodes() if tag != "equal")


FAMILIES = {"copies": copies, "check-fix": check_fix, "ligatures": ligatures, "hyphenation": hyphenation}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=sorted(FAMILIES), required=True)
    parser.add_argument("--part", choices=("tune", "heldout"), default="heldout")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--tree", help="a git archive of another version: its own code and rules (asserted)")
    args = parser.parse_args(argv)
    if args.tree:
        from sg_ab import use_tree

        use_tree(args.tree)
    from corpus_split import articles

    stories = [r for r in articles(args.part) if not r["source"].startswith("reuters")]
    rows = []
    for seed in args.seeds:
        rows.append(FAMILIES[args.family](stories, random.Random(seed)))
        print(json.dumps({"seed": seed, **rows[-1]}), flush=True)
    for key in rows[0]:
        values = [row[key] for row in rows]
        spread = statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"{key:18s} {statistics.mean(values):10.1f} +- {spread:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
