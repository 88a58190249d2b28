"""One damage at a time, on every quotation of one part of the corpus split: how the Q repairs of one family decide.

``bench/quotes.py --generated`` scores a sample of articles with several damages each; this script asks one
question of every site instead, so a rule's precision (applied as safe and right, applied as safe and wrong,
only suggested) is read on thousands of cases, with no other damage around them:

- ``lost-open``: each quotation's opening mark deleted (the ``missing_open`` family of ``bench/quote_damage.py``);
  counts of safe right, safe wrong (a misplaced opening mark, or the closing mark deleted as stray), suggested
  and not repaired, per variant (paragraph start, after a colon, inline).
- ``attribution``: of those, the ones the model reopens before an attribution in a paragraph of two sentences or
  more (``Eastman said he is alarmed. We are getting …," he said``): safe right, safe wrong, suggested.
- ``end-mark``: each quotation's own ``?`` or ``!`` moved after its closing mark, and each ``?``/``!`` a clean
  article puts there itself: restored, and clean marks moved (harm).
- ``single-mark``: one mark of each double quotation typed single (``“homes, not excuses.’``, ``‘homes, not
  excuses.”``; ``'`` for ``"`` in straight copy), per variant (the opening mark; the closing mark at the
  paragraph's end, before an attribution, elsewhere): turned back safely, suggested (unsafe: the article does
  not say whether it quotes in double or single marks), wrong (a safe edit elsewhere at the mark) or not repaired.

    .venv/bin/python bench/quote_sites.py --part heldout --family attribution

Only counts are printed (the held-out part's texts are never shown).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quote_damage as qd  # noqa: E402
from corpus_split import articles  # noqa: E402


def _lone_at(text: str, pos: int):
    from cleaner.checks import quote_model as qm

    model = qm.build(text)
    para = model.paragraph_at(pos)
    lone = next((lone for lone in (para.lone if para is not None else ()) if lone.mark.pos == pos), None)
    return model, para, lone


def lost_open(part: str, attribution_only: bool = False) -> Counter:
    """(variant, verdict) counts for every quotation of ``part`` with its opening mark deleted."""
    counts: Counter = Counter()
    for rec in articles(part, sources=qd.QUOTE_SOURCES):
        text = rec["text"]
        for q in qd.quotations(text):
            if not text[q.open + 1:q.open + 2].isalpha() or (q.open == q.para_start and qd._runs_into(text, q.para_start)):
                continue
            where = "para_start" if q.open == q.para_start else ("after_colon" if text[q.open - 2:q.open] == ": " else "inline")
            damaged = text[:q.open] + text[q.open + 1:]
            _, para, lone = _lone_at(damaged, q.close - 1)
            if attribution_only:
                if lone is None or lone.rule != "attribution" or not _sentences_before(damaged, para.start, lone.mark.pos):
                    continue
            if lone is not None and lone.open_at is None and lone.sure:
                verdict = "mark deleted"  # read as a stray closing mark: a safe edit, and a wrong one here
            elif lone is None or lone.open_at is None or not lone.sure:
                verdict = "suggested" if lone is not None and lone.open_at is not None else "not repaired"
            else:
                verdict = "safe right" if lone.open_at == q.open else "safe wrong"
            counts[where, verdict] += 1
    return counts


def _sentences_before(text: str, start: int, pos: int) -> bool:
    """Does the paragraph hold a sentence end before the closing mark at ``pos`` (two sentences or more)?

    >>> t = 'Costs rose in May. Prices will fall," he said.'
    >>> _sentences_before(t, 0, t.index('"')), _sentences_before(t, 19, t.index('"'))
    (True, False)
    """
    return re.search(r"[a-z0-9][.?!] +[A-Z“\"]", text[start:pos]) is not None


def end_marks(part: str) -> Counter:
    """Restored ``?``/``!`` moved outside, and clean ones moved (harm)."""
    from cleaner.checks.quotes import detect

    counts: Counter = Counter()
    for rec in articles(part, sources=qd.QUOTE_SOURCES):
        text = rec["text"]
        for q in qd.quotations(text):
            after = text[q.close + 1:q.close + 2]
            if after in ("?", "!") and text[q.close - 1].isalnum():
                moved = any(e.fix == "safe" and e.start <= q.close < e.end and (e.suggestion or "")[:1] == after for e in detect(text))
                counts[f"clean {after} outside", "moved (harm)" if moved else "kept"] += 1
            mark = text[q.close - 1]
            if mark in ("?", "!") and text[q.close - 2].isalnum():
                damaged = text[:q.close - 1] + text[q.close] + mark + text[q.close + 1:]
                fixed = any(e.fix == "safe" and e.start <= q.close - 1 < e.end and (e.suggestion or "")[:1] == mark for e in detect(damaged))
                counts[f"{mark} moved outside", "restored" if fixed else "not restored"] += 1
    return counts


_SINGLE_OF = {'"': "'", "“": "‘", "”": "’"}


def single_marks(part: str) -> Counter:
    """(variant, verdict) counts for every double quotation of ``part`` with one of its marks typed single."""
    from cleaner.checks.quotes import detect

    counts: Counter = Counter()
    for rec in articles(part, sources=qd.QUOTE_SOURCES):
        text = rec["text"]
        for q in qd.quotations(text):
            for pos in (q.open, q.close):
                if text[pos] not in _SINGLE_OF:
                    continue
                if pos == q.open:
                    where = "open"
                elif not text[pos + 1:].split("\n", 1)[0].strip():
                    where = "close, paragraph end"
                elif re.match(r" (?:[A-Za-z]+ ){0,3}(?:said|says|added|told|asked)\b", text[pos + 1:pos + 40]):
                    where = "close, attribution"
                else:
                    where = "close, elsewhere"
                damaged = text[:pos] + _SINGLE_OF[text[pos]] + text[pos + 1:]
                at = [e for e in detect(damaged) if e.start <= pos < e.end]
                if any(e.fix == "safe" and (e.suggestion or "")[:1] == text[pos] for e in at):
                    verdict = "safe right"
                elif any(e.fix == "safe" for e in at):
                    verdict = "safe wrong"
                elif at:
                    verdict = "suggested"
                else:
                    verdict = "not repaired"
                counts[where, verdict] += 1
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "heldout"))
    parser.add_argument("--family", default="lost-open", choices=("lost-open", "attribution", "end-mark", "single-mark"))
    args = parser.parse_args(argv)
    if args.family == "single-mark":
        counts = single_marks(args.part)
    else:
        counts = end_marks(args.part) if args.family == "end-mark" else lost_open(args.part, args.family == "attribution")
    for (what, verdict), n in sorted(counts.items()):
        print(f"{what:24} {verdict:14} {n:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
