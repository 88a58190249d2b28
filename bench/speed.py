"""Per-article cost of ``clean()`` beside its peers, CPU time, in one run.

    .venv/bin/python bench/speed.py               # both ratios, best of 3 passes each
    .venv/bin/python bench/speed.py --repeat 5

- text: ``clean(body)`` on the 121 human-annotated bodies (``fixtures/corpus/scrapinghub-bodies.json``)
  against ``ftfy.fix_text(body)`` (target <= 4x);
- HTML: ``clean(page)`` on the 121 ScrapingHub pages (``../shared/data/extraction/scrapinghub/html``)
  against ``trafilatura.extract(page)`` followed by ``ftfy.fix_text`` (target <= 1.3x).

Each side runs once to warm up (imports, word lists), then ``--repeat`` timed passes over all the
articles, the two sides' passes taking turns (so a change of load on a shared machine meets both); the
best pass of each counts (``time.process_time``, so other processes on the machine do not count). The
ratio is news-cleaner's CPU over the peer's.

``--rounds`` adds one pass over each set that splits ``clean``'s CPU by check family and by fix round
(the first round, and the confirming rounds 2+ that run only on articles whose first round applied an
edit), and counts the articles that needed them: where a change to the fix loop can save. The
confirming rounds are split again by the families whose edits the round before applied (``Q``: only
quotation edits; ``BQ``: boilerplate and quotation edits): a family that skipped a confirming round
after other families' edits would save its CPU on that row (``bench/same_output.py --drift`` says
whether its findings would stay the same).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BODIES = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"
PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"


def best_cpu(runs: dict, items, repeat: int) -> dict:
    """{label: the CPU seconds of the best of ``repeat`` passes of ``runs[label]`` over ``items``},
    the labels' passes taking turns after one warm-up of each on a few items."""
    for run in runs.values():
        for item in items[:5]:
            run(item)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for label, run in runs.items():
            start = time.process_time()
            for item in items:
                run(item)
            best[label] = min(best[label], time.process_time() - start)
    return best


class _TimedFamilies:
    """Charges each check family's ``run`` to (family, "1" or "2+") while installed; the round is told
    by ``run_families``'s ``after`` argument (None in the first round)."""

    def __init__(self):
        import types

        import cleaner.checks as checks
        import cleaner.pipeline as pipeline

        self.checks, self.pipeline = checks, pipeline
        self.cpu: dict = {}
        self.rounds: dict = {}  # round -> articles checked in it
        self.after: dict = {}  # families whose edits the round before applied -> {family: CPU}, articles
        self._round = "1"
        self._trigger = ""
        self._modules = dict(checks.FAMILY_MODULES)
        self._run_families = pipeline.run_families
        self._proxies = {}
        for family, module in self._modules.items():
            proxy = types.SimpleNamespace(**{k: v for k, v in vars(module).items() if not k.startswith("__")})
            proxy.run = self._timed(family, module.run)
            if getattr(module, "recheck", None) is not None:  # (a family's own confirming-round hook is its CPU too)
                proxy.recheck = self._timed_recheck(family, module.recheck)
            self._proxies[family] = proxy

    def _timed(self, family, run):
        def timed(doc, ctx):
            start = time.process_time()
            try:
                return run(doc, ctx)
            finally:
                spent = time.process_time() - start
                key = (family, self._round)
                self.cpu[key] = self.cpu.get(key, 0.0) + spent
                if self._round == "2+":
                    by = self.after[self._trigger][0]
                    by[family] = by.get(family, 0.0) + spent
        return timed

    def _timed_recheck(self, family, recheck):
        def timed(doc, ctx, previous, after):
            return self._timed(family, lambda d, c: recheck(d, c, previous, after))(doc, ctx)
        return timed

    def _families(self, doc, ctx, extra=(), after=None):
        self._round = "1" if after is None else "2+"
        self.rounds[self._round] = self.rounds.get(self._round, 0) + 1
        if after is not None:
            edits = {id(edit) for edit in after.edits}
            self._trigger = "".join(sorted(family for family, found in after.previous.items()
                                           if any(id(f) in edits for f in found)))
            entry = self.after.setdefault(self._trigger, [{}, 0])
            entry[1] += 1
        return self._run_families(doc, ctx, extra, after)

    def __enter__(self):
        self.checks.FAMILY_MODULES.update(self._proxies)
        self.pipeline.run_families = self._families
        return self

    def __exit__(self, *exc):
        self.checks.FAMILY_MODULES.update(self._modules)
        self.pipeline.run_families = self._run_families


def round_split(label: str, run, items) -> str:
    """One pass of ``run`` over ``items``, its CPU split by family and fix round (``--rounds``)."""
    with _TimedFamilies() as timed:
        start = time.process_time()
        for item in items:
            run(item)
        total = time.process_time() - start
    families = list(timed._modules)

    def row(round_):
        return " ".join(f"{f} {timed.cpu.get((f, round_), 0.0):.3f}" for f in families)

    later = sum(v for (_, r), v in timed.cpu.items() if r == "2+")
    checks = sum(timed.cpu.values())
    by_edits = "".join(
        f"\n    after edits by {trigger or '-':<5} ({count} checks): "
        + " ".join(f"{f} {cpu.get(f, 0.0):.3f}" for f in families)
        for trigger, (cpu, count) in sorted(timed.after.items(), key=lambda kv: -sum(kv[1][0].values())))
    return (f"{label} rounds: clean {total:.3f}s, checks {checks:.3f}s, the rest {total - checks:.3f}s "
            f"({100 * (total - checks) / total:.1f}%)\n"
            f"  round 1   ({timed.rounds.get('1', 0)} checks): {row('1')}\n"
            f"  rounds 2+ ({timed.rounds.get('2+', 0)} checks): {row('2+')}  = {later:.3f}s, "
            f"{100 * later / total:.1f}% of clean{by_edits}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--rounds", action="store_true", help="also split clean's CPU by family and fix round")
    args = parser.parse_args(argv)
    import ftfy
    import trafilatura

    from cleaner import Cleaner

    cleaner = Cleaner()
    bodies = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(args.pages.glob("*.html.gz"))]

    best = best_cpu({"clean": lambda body: cleaner.clean(body, kind="text"), "ftfy": ftfy.fix_text}, bodies, args.repeat)
    text_cpu, ftfy_cpu = best["clean"], best["ftfy"]
    print(f"text: clean {text_cpu:.3f}s  ftfy.fix_text {ftfy_cpu:.3f}s  ratio {text_cpu / ftfy_cpu:.2f}x "
          f"(target <= 4x; {len(bodies)} bodies, CPU of the best of {args.repeat} passes)")
    if args.rounds:
        print(round_split("text", lambda body: cleaner.clean(body, kind="text"), bodies))
    if not pages:
        print(f"html: no pages under {args.pages}")
        return 0

    def peer(page):
        return ftfy.fix_text(trafilatura.extract(page) or "")

    best = best_cpu({"clean": lambda page: cleaner.clean(page, kind="html"), "peer": peer}, pages, args.repeat)
    html_cpu, peer_cpu = best["clean"], best["peer"]
    print(f"html: clean {html_cpu:.3f}s  trafilatura.extract + ftfy.fix_text {peer_cpu:.3f}s  "
          f"ratio {html_cpu / peer_cpu:.2f}x (target <= 1.3x; {len(pages)} pages)")
    if args.rounds:
        print(round_split("html", lambda page: cleaner.clean(page, kind="html"), pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
