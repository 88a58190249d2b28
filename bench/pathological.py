"""Hostile inputs, one per line: CPU time and peak memory of cleaning each, beside its size and its time
per MB against a normal article's (issue 17: every case linear, within 3x of a normal article per MB).

    python bench/pathological.py               # all cases; the big file is --big-mb MB (default 50)
    python bench/pathological.py --big-mb 5    # a quicker run
    python bench/pathological.py --article-mb 10   # also one 10 MB text article (cleaned in parts)
    python bench/pathological.py --record-mb 9.3   # also one JSONL record of 9.3 MB through ``batch``
    python bench/pathological.py --only "long line"   # only the cases so named (and the normal article)
    python bench/pathological.py --only dense         # the dense shapes (and plain prose of their size)
    python bench/pathological.py --big-from corpus --only "MB "   # the big file of distinct news records

Each text case runs in a fresh process (so peak memory is its own) after a warm-up clean of twenty
other fixture articles and ``Cleaner.warm_up`` (so the lexicon, the name indexes derived on first use
and other lazy loads are not timed, in the baseline either), and
is timed with ``time.process_time`` (CPU, not wall time: the machine is shared); its peak is that one
process's maximum RSS.

The file cases (``(file: check)``, ``(file: batch)``) run the command as a user does, default settings
(``--jobs`` = the cores; ``--isolated --no-cache`` so no config or cache answers): ``news-cleaner check
FILE`` and ``news-cleaner batch FILE -o OUT``, start-up and the learning pass included. For them CPU is
the user + system time of every process of the run (the command and its workers), wall is the elapsed
time (printed too: it depends on the machine's load), and peak is the largest sum of PSS over the
process tree, sampled every 0.2 s (PSS splits the pages forked workers share with the parent, so the
sum is the memory the run really holds). A case over ``--limit`` wall seconds is stopped and reported
as such. The big file is made of whole records up to ``--big-mb`` MB (10^6 bytes) and no more: each the
normal article (``--big-from article``, the default: one 62 KB record of twenty pages' bodies, repeated)
or the clean news corpus's ``tune`` articles in turn (``--big-from corpus``: distinct records of news
copy, a few KB each, as a real file of scraped articles has them; repeated past the corpus's size).

``one long line of distinct news copy (1 MB)`` is the corpus's ``tune`` articles on one line, no text
repeated: the held-back kind of a long line (a page whose paragraphs lost their breaks), where the
repeated-article line lets the checks' per-word caches answer most of it. Both need the corpus
(``../shared/data/news_clean``); without it they are left out, and the run says so.

The run ends with the acceptance figures of issue 17 (each case within 3x of a normal article per MB,
a 10,000-letter word and a 1 MB line under 2 s, the big file under 120 s wall and 1 GB), each with
what was measured and ``ok`` or ``MISSED``.

The ``dense`` cases are 200,000 characters of one kind of token each family reads (made-up names,
acronym definitions, unknown words in sentences, joining words, junk lines ...), generated from a fixed
seed; ``x prose`` compares each case's time per MB with plain prose of the same size (200,000
characters of other fixture bodies), since a longer text spreads a call's fixed costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from cleaner import Cleaner
case, path = sys.argv[1], sys.argv[2]
cleaner = Cleaner(CONFIG)
cleaner.clean(open(sys.argv[3], encoding="utf-8").read())  # warm: other articles, so lazy loads are not timed
cleaner.warm_up()  # and the name indexes derived on first use (a pool's workers get them so too)
data = open(path, encoding="utf-8", errors="surrogatepass").read()
def cpu_now():  # this process and any worker it waited for
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
start = cpu_now()
cleaner.clean(data, kind=KIND)
cpu = cpu_now() - start
print(json.dumps({"cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def normal_article(first: int = 0) -> str:
    """Twenty of the fixture bodies from ``first`` on as one article (0: the baseline; 20: the warm-up)."""
    bodies = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    return "\n\n".join(list(v["articleBody"] for v in bodies.values())[first:first + 20])


def _shuffled_line(article: str, size: int) -> str:
    """The article's words in a random order (fixed seed) on one line of about ``size`` characters: a
    long line whose repeats are not whole sentences."""
    import random

    words, rng, out, length = article.split(), random.Random(17), [], 0
    while length < size:
        out.append(rng.choice(words))
        length += len(out[-1]) + 1
    return " ".join(out)


DENSE_CHARS = 200_000

#: words and quotation shapes of every kind (German, angle, curly, straight, single, a contraction typed with a
#: double mark, mojibake of a sign and of a lost closing mark): the lead's 1 MB-line probe of stop 31
MARK_SHAPES = ("the council said on Monday that „Yes the mayor said.“ “homes, not excuses.’ ‘We will fight it,’ "
               'said Tom isn"t fair," Escalante said Brazil"s we"re Â© 2023 customers,â€\ufffd she said Region: Europe '
               "Theme: Politics ‘‘ „0„:„:„.„ The city ’ ' \" » « ” “").split(" ")


def _mixed_marks_line(size: int) -> str:
    """Words of ``MARK_SHAPES`` at random (fixed seed) on one line of about ``size`` characters: one
    paragraph of thousands of marks that pair by chance (Q011's holder search was quadratic in them)."""
    import random

    rng, out, length = random.Random(23), [], 0
    while length < size:
        out.append(rng.choice(MARK_SHAPES))
        length += len(out[-1]) + 1
    return " ".join(out)


def corpus_texts(limit=None) -> list:
    """The clean news corpus's ``tune`` articles (``bench/corpus_split.py``), or ``[]`` without the corpus."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus_split import CORPUS, articles

    if not CORPUS.exists():
        return []
    return [rec["text"] for rec in articles("tune", limit=limit)]


def distinct_line(texts: list, size: int) -> str:
    """``texts`` in turn, each with its whitespace folded to single spaces, on one line of at most
    ``size`` characters, cut at a space: a long line of distinct copy (each text once while they last).

    >>> distinct_line(["One two.\\n\\nThree.", "Four  five."], 20)
    'One two. Three. Four'
    """
    out, length = [], 0
    for text in texts:
        words = text.split()
        if not words:
            continue
        out.append(" ".join(words))
        length += len(out[-1]) + 1
        if length > size:
            break
    line = " ".join(out)
    return line if len(line) <= size else line[:line.rfind(" ", 0, size + 1)]


def dense_shapes(size: int = DENSE_CHARS, seed: int = 5) -> dict:
    """``{name: text}``: about ``size`` characters of one dense shape each (fixed seed). Made-up words
    are sentences' words, so the language check still reads the text as English."""
    import random

    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("aeioulnrstkmbdgpv") for _ in range(rng.randint(4, 9)))

    def cap() -> str:
        return word().capitalize()

    def acronym() -> str:
        words = [cap() for _ in range(3)]
        short = "".join(w[0] for w in words)
        return f"The {' '.join(words)} ({short}) said the {short} plan works."

    def slipped() -> str:  # a name, then its acronym with the last two letters swapped (G001's spelled-name slips)
        words = [cap() for _ in range(3)]
        return f"The {' '.join(words)} met on Monday. Later the {words[0][0]}{words[2][0]}{words[1][0]} said so."

    junk = ["Read more", "Advertisement", "Share this article", "Click here to subscribe", "Source link"]
    shapes = {
        "made-up names": lambda: f"{cap()} {cap()} said the bridge would open in May.",
        "acronym definitions": acronym,
        "unknown lower-case words in sentences": lambda: f"The council said the {word()} would {word()} the {word()} on Monday.",
        "unknown capitalised words in sentences": lambda: f"The council said {cap()} would meet {cap()} and {cap()} on Monday.",
        "unknown every other word": lambda: " ".join(
            rng.choice(["the", "said", "would", "and", "of", "in", "council"]) + " " + word() for _ in range(4)) + ".",
        "joining words between names": lambda: f"{cap()} of {cap()} and {cap()} in {cap()}",
        "the X of the Y": lambda: f"the {cap()} of the {cap()}",
        "quoted words": lambda: "The council said " + rng.choice(['"', "\u201c", "'", "\u2018"]) + word()
        + rng.choice(['"', "\u201d", "'", "\u2019"]) + " would open on Monday.",
        "mojibake inside words": lambda: "The council" + rng.choice(["\u00e2\u20ac\u2122", "\u00c3\u00a9", "\u00e2\u20ac\u0153"])
        + f"s {word()} plan would open on Monday.",
        "junk lines": lambda: rng.choice(junk),  # one boilerplate line per line: every line a deletion
        "slipped acronyms beside their names": slipped,
    }
    out = {}
    for name, make in shapes.items():
        pieces, length = [], -1  # the joined length: a separator between pieces
        while length < size:
            pieces.append(make())
            length += len(pieces[-1]) + 1
        out[name] = ("\n" if name == "junk lines" else " ").join(pieces)
    return out


def dense_words(count: int, seed: int = 11) -> list:
    """``count`` made-up words of four to nine letters (fixed seed)."""
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice("aeioulnrstkmbdgpv") for _ in range(rng.randint(4, 9))) for _ in range(count)]


def plain_prose(size: int = DENSE_CHARS) -> str:
    """Fixture bodies not in the normal article or the warm-up (the 41st on), to ``size`` characters:
    the dense cases' baseline (distinct text: repeating one article let caches answer its repeats)."""
    bodies = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    return "\n\n".join(list(v["articleBody"] for v in bodies.values())[40:])[:size]


def cases(big_mb: float, tmp: Path, article_mb: float = 0.0, record_mb: float = 0.0, big_from: str = "article") -> list:
    """(name, file, kind, config) for each hostile input."""
    article = normal_article()
    news = corpus_texts()
    if not news:
        print("no clean news corpus (../shared/data/news_clean): the distinct long line and --big-from corpus are "
              "left out", file=sys.stderr)
    pack = tmp / "pack.toml"
    pack.write_text('[[rule]]\ncode = "B901"\nmessage = "x"\npattern = "a*a*a*a*a*a*b"\n', encoding="utf-8")
    line = " ".join(article.split())
    big_pack = tmp / "tokens.toml"  # a newsroom's long list of banned terms: 5,000 made-up words, two rules
    words = sorted(set(dense_words(5000)))
    big_pack.write_text(f'[[rule]]\ncode = "B902"\nmessage = "x"\nignorecase = true\ntokens = {json.dumps(words)}\n'
                        f'[[rule]]\ncode = "G591"\nmessage = "y"\nreplacement = "z"\ntokens = {json.dumps(words[::2])}\n',
                        encoding="utf-8")
    style_pack = tmp / "style.toml"  # a newsroom's style table: 2,498 phrases in one swap rule
    style = dict(zip((f"{a} {b}" for a, b in zip(words[::2], words[1::2])), words[::2]))
    style_pack.write_text('[[rule]]\ncode = "G592"\nmessage = "style"\n[rule.swap]\n'
                          + "".join(f"{json.dumps(k)} = {json.dumps(v)}\n" for k, v in style.items()),
                          encoding="utf-8")
    out = [
        ("normal article", article, "text", None),
        ("one long word (10,000 letters)", "The mayor said " + "a" * 10000 + " today.", "text", None),
        ("one long line (1 MB)", (line + " ") * (1_000_000 // (len(line) + 1)), "text", None),
        ("many quote marks (20,000)", '"' * 20000, "text", None),
        ("tabs mid-line (100,000)", "The mayor" + "\t" * 100_000 + "spoke today.", "text", None),
        ("entity escaped 25,000 times", "The caf&" + "amp;" * 25_000 + "eacute; opened.", "text", None),
        ("glued semicolons (100,000 chars)", "The code was x" + "ab;c" * 25_000 + " and it ran.", "text", None),
        ("one long line, shuffled words (1 MB)", _shuffled_line(article, 1_000_000), "text", None),
        *([("one long line of distinct news copy (1 MB)", distinct_line(news, 1_000_000), "text", None)] if news else []),
        ("short lines of 'a<tab>' (100,000 chars)", "a\t\n" * 33_333, "text", None),
        ("mixed quote runs (100,000 chars)", "\u201ca\u2019 " * 25_000, "text", None),
        ("ligatures, each beside a gap (200,000 chars)", "\ufb01 " * 100_000, "text", None),  # E009 per ligature
        ("words divided at a hyphen (200,000 chars)", "The ban was rein- stated by the inter- national court. "
         * 3_700, "text", None),  # S004 per divided word
        ("hyphen and space runs (180,000 chars)", "a- " * 60_000, "text", None),
        ("one line of words in mixed quote marks (1 MB)", _mixed_marks_line(1_000_000), "text", None),
        ("lone surrogates (100,000 chars)", "a\ud800b " * 25_000, "text", None),
        ("one word repeated (100,000 chars)", "The mayor said " + "the " * 25_000 + "bridge opened.", "text", None),
        ("deep HTML (5,000 nested divs)", "<html><body>" + "<div>" * 5000 + "<p>The mayor spoke.</p>"
         + "</div>" * 5000 + "</body></html>", "html", None),
        ("unclosed <p> (50,000)", "<html><body>" + "<p>The mayor spoke. " * 50_000 + "</body></html>", "html", None),
        ("one tag of 50,000 attributes", "<html><body><p " + " ".join(f"a{i}='v'" for i in range(50_000))
         + ">The mayor spoke.</p></body></html>", "html", None),
        ("200,000 <br> in a paragraph", "<html><body><p>The mayor" + "<br>" * 200_000 + "spoke.</p></body></html>",
         "html", None),
        ("catastrophic user regex (2,000 lines)", "".join(f"The mayor said {'a' * (100 + i % 50)}c today.\n"
                                                         for i in range(2000)), "text",
         {"extend-rules": [str(pack)]}),  # (many lines: one line's time per MB was the run's fixed cost)
        ("normal article + 5,000-token user pack", article, "text", {"extend-rules": [str(big_pack)]}),
        ("normal article + 2,498-phrase swap pack", article, "text", {"extend-rules": [str(style_pack)]}),
    ]
    out.append(("plain prose (dense baseline)", plain_prose(), "text", None))
    out.extend((f"dense: {name}", text, "text", None) for name, text in dense_shapes().items())
    records = _records_up_to(article, big_mb * 1e6)
    out.append(("deep JSON line + records (file: check)", None, "file:jsonl", ["[" * 100000] + records[:50]))
    big = "article file"
    if big_from == "corpus" and news:
        records, big = distinct_records_up_to(news, big_mb * 1e6), "file of distinct news records"
    out.append((f"{big_mb:g} MB {big} (file: check)", None, "file:check:jsonl", records))
    out.append((f"{big_mb:g} MB {big} (file: batch)", None, "file:batch:jsonl", records))
    if article_mb:  # one article: cleaned in parts of cleaner.parts.PART_CHARS, so memory stays bounded
        copies = int(article_mb * 1e6 // len(article)) + 1
        out.append((f"{article_mb:g} MB single article (file: check)", None, "file:txt", ["\n\n".join([article] * copies)]))
    if record_mb:  # one record: cleaned in parts too, its findings and output line grow with it
        copies = int(record_mb * 1e6 // len(article)) + 1
        out.append((f"{record_mb:g} MB single record (file: batch)", None, "file:batch:jsonl",
                    [json.dumps({"id": 1, "text": "\n\n".join([article] * copies)}), records[0]]))
    return out


def _records_up_to(article: str, size: float) -> list:
    """JSONL lines of ``article`` (one per record, numbered) whose bytes with their newlines add up to at
    most ``size``: the big file is the size it says (JSON escapes made the first version 60.2 MB for 50)."""
    records, total = [], 0
    while True:
        line = json.dumps({"id": len(records), "text": article})
        if total + len(line) + 1 > size and records:
            return records
        records.append(line)
        total += len(line) + 1


def distinct_records_up_to(texts: list, size: float) -> list:
    """JSONL lines of ``texts`` in turn (numbered; again from the first once all are used) whose bytes
    with their newlines add up to at most ``size``.

    >>> [len(line) + 1 for line in distinct_records_up_to(["a" * 10, "b" * 20], 120)]
    [32, 42, 32]
    """
    records, total = [], 0
    while texts:
        line = json.dumps({"id": len(records), "text": texts[len(records) % len(texts)]})
        if total + len(line) + 1 > size and records:
            return records
        records.append(line)
        total += len(line) + 1
    return records


def acceptance(rows: list, per_mb: float) -> list:
    """Issue 17's figures: ``(target, measured, met)`` for each case within 3x of a normal article per MB,
    the 10,000-letter word and each 1 MB line under 2 s CPU, the big file under 120 s wall and 1 GB.

    >>> rows = [{"name": "one long line (1 MB)", "mb": 1.0, "cpu": 2.5, "peak_mb": 300},
    ...         {"name": "50 MB article file (file: check)", "mb": 50.0, "cpu": 200.0, "wall": 110.0, "peak_mb": 600}]
    >>> [(t, ok) for t, _, ok in acceptance(rows, 5.0)]
    [('every case within 3x of a normal article per MB', True), ('one long line (1 MB) under 2 s', False), ('50 MB article file (file: check) under 120 s wall, 1 GB', True)]
    """
    measured = [row for row in rows if "cpu" in row]
    worst = max(measured, key=lambda row: row["cpu"] / max(row["mb"], 1e-9), default=None)
    out = []
    if worst is not None:
        ratio = worst["cpu"] / max(worst["mb"], 1e-9) / per_mb
        out.append(("every case within 3x of a normal article per MB", f"worst {ratio:.2f}x ({worst['name']})",
                    ratio <= 3 and len(measured) == len(rows)))
    for row in rows:
        name = row["name"]
        if name.startswith("one long word") or name.startswith("one long line"):
            out.append((f"{name} under 2 s", row.get("error") or f"{row['cpu']:.2f} s CPU", row.get("cpu", 1e9) < 2))
        elif "file:" in name and row["mb"] >= 49:
            got = row.get("error") or f"{row['wall']:.1f} s wall, {row['peak_mb']:.0f} MB peak, {row['cpu']:.1f} s CPU"
            out.append((f"{name} under 120 s wall, 1 GB", got, "wall" in row and row["wall"] < 120 and row["peak_mb"] <= 1024))
    return out


def run_case(name: str, text, kind: str, extra, tmp: Path, limit: float) -> dict:
    if kind.startswith("file"):
        return run_file_case(name, kind, extra, tmp, limit)
    path = tmp / f"case-{abs(hash(name))}.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")  # (lone surrogates: the str clean() gets)
    code = CHILD.replace("CONFIG", repr(extra)).replace("KIND", repr(kind))
    size = path.stat().st_size
    try:
        done = subprocess.run([sys.executable, "-c", code, "text", str(path), str(tmp / "warm.txt")], capture_output=True,
                              text=True, timeout=limit, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"name": name, "mb": size / 1e6, "error": f"over {limit:g} s (wall)"}
    if done.returncode:
        return {"name": name, "mb": size / 1e6, "error": done.stderr.strip().splitlines()[-1][:120]}
    return {"name": name, "mb": size / 1e6, **json.loads(done.stdout.strip().splitlines()[-1])}


def run_file_case(name: str, kind: str, lines: list, tmp: Path, limit: float) -> dict:
    """The command on a file, as a user runs it: CPU of all its processes, wall, peak summed PSS."""
    parts = kind.split(":")  # file:EXT (check) or file:COMMAND:EXT
    command, ext = (parts[1] if len(parts) == 3 else "check"), parts[-1]
    path = tmp / f"case-{abs(hash(name))}.{ext}"
    if not path.exists():
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = path.stat().st_size
    args = [sys.executable, "-m", "cleaner", command, "--isolated", "--quiet"]
    if command == "batch":
        args += [str(path), "-o", str(tmp / "out.jsonl"), "--rejects", str(tmp / "rejects.jsonl")]
    else:
        args += ["--no-cache", "--exit-zero", "--output-file", os.devnull, str(path)]
    return {"name": name, "mb": size / 1e6, **tree_usage(args, limit)}


def tree_usage(args: list, limit: float) -> dict:
    """Wall seconds, CPU seconds of the command and every worker it waited for, and the largest sum of
    PSS over its process tree (sampled every 0.2 s), or the error that ended it."""
    import resource
    import time

    import psutil

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    cpu_before, started = children_cpu(), time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        if time.perf_counter() - started > limit:
            proc.kill()
            proc.wait()
            return {"error": f"over {limit:g} s (wall)"}
        try:
            peak = max(peak, sum(p.memory_full_info().pss for p in [root, *root.children(recursive=True)]))
        except psutil.Error:  # a worker ended while being read
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read()
    if proc.returncode not in (0, 1, 2) or "Traceback" in stderr:  # 2: a bad record named, the rest checked
        return {"error": (stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1][:120]}
    return {"cpu": children_cpu() - cpu_before, "wall": wall, "peak_mb": peak / 2**20}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--big-mb", type=float, default=50.0, help="size of the big article file (MB)")
    parser.add_argument("--article-mb", type=float, default=0.0,
                        help="also one text article of this many MB (0: none), checked as a file")
    parser.add_argument("--record-mb", type=float, default=0.0,
                        help="also one JSONL record of this many MB (0: none), through batch")
    parser.add_argument("--big-from", choices=("article", "corpus"), default="article",
                        help="the big file's records: the normal article repeated, or distinct corpus articles")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds a case may take")
    parser.add_argument("--only", action="append", default=[],
                        help="run only the cases whose name contains this text (repeatable; the normal article always runs)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "warm.txt").write_text(normal_article(20), encoding="utf-8")
        chosen = [case for number, case in enumerate(cases(args.big_mb, tmp, args.article_mb, args.record_mb,
                                                                     args.big_from))
                  if not number or not args.only or any(part in case[0] for part in args.only)]
        rows = []
        for case in chosen:  # each row as it is done (a long run stopped early keeps what it measured)
            rows.append(run_case(*case, tmp, args.limit))
            print(f"done: {json.dumps(rows[-1])}", file=sys.stderr, flush=True)
    base = rows[0]
    per_mb = base["cpu"] / base["mb"]
    prose = next((row for row in rows if row["name"].startswith("plain prose") and "cpu" in row), None)
    prose_mb = prose["cpu"] / prose["mb"] if prose else None
    print("CPU: this process (text cases) or every process of the command (file cases); peak: the process's max RSS\n"
          "(text cases) or the largest sum of PSS over the command's processes (file cases); wall only for file cases")
    print(f"{'case':42s} {'size MB':>9s} {'CPU s':>8s} {'s/MB':>8s} {'x normal':>9s} {'x prose':>8s} {'peak MB':>8s} {'wall s':>8s}")
    for row in rows:
        if "error" in row:
            print(f"{row['name']:42s} {row['mb']:9.3f}  {row['error']}")
            continue
        rate = row["cpu"] / max(row["mb"], 1e-9)
        wall = f"{row['wall']:8.1f}" if "wall" in row else f"{'':>8s}"
        versus = f"{rate / prose_mb:8.2f}" if prose_mb and (row["name"].startswith(("dense", "plain prose"))) else f"{'':>8s}"
        print(f"{row['name']:42s} {row['mb']:9.3f} {row['cpu']:8.2f} {rate:8.2f} {rate / per_mb:9.2f} {versus} "
              f"{row['peak_mb']:8.0f} {wall}")
    print("\nissue 17's acceptance figures (of the cases run):")
    for target, measured, met in acceptance(rows, per_mb):
        print(f"  {'ok    ' if met else 'MISSED'} {target}: {measured}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
