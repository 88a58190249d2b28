"""Per-article cost of ``clean()`` beside its peers, CPU time, in one run.

    .venv/bin/python bench/speed.py               # both ratios, best of 3 passes each
    .venv/bin/python bench/speed.py --repeat 5

- text: ``clean(body)`` on the 121 human-annotated bodies (``fixtures/corpus/scrapinghub-bodies.json``)
  against ``ftfy.fix_text(body)`` (target <= 4x);
- HTML: ``clean(page)`` on the 121 ScrapingHub pages (``../shared/data/extraction/scrapinghub/html``)
  against ``trafilatura.extract(page)`` followed by ``ftfy.fix_text`` (target <= 1.3x).

Each side runs once to warm up (imports, word lists), then ``--repeat`` timed passes over all the
articles; the best pass of each counts (``time.process_time``, so other processes on the machine do not
count). The ratio is news-cleaner's CPU over the peer's.
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


def best_cpu(run, items, repeat: int) -> float:
    for item in items[:5]:
        run(item)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            run(item)
        best = min(best, time.process_time() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=Path, default=PAGES)
    args = parser.parse_args(argv)
    import ftfy
    import trafilatura

    from cleaner import Cleaner

    cleaner = Cleaner()
    bodies = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(args.pages.glob("*.html.gz"))]

    ftfy_cpu = best_cpu(ftfy.fix_text, bodies, args.repeat)
    text_cpu = best_cpu(lambda body: cleaner.clean(body, kind="text"), bodies, args.repeat)
    print(f"text: clean {text_cpu:.3f}s  ftfy.fix_text {ftfy_cpu:.3f}s  ratio {text_cpu / ftfy_cpu:.2f}x "
          f"(target <= 4x; {len(bodies)} bodies, CPU of the best of {args.repeat} passes)")
    if not pages:
        print(f"html: no pages under {args.pages}")
        return 0

    def peer(page):
        return ftfy.fix_text(trafilatura.extract(page) or "")

    peer_cpu = best_cpu(peer, pages, args.repeat)
    html_cpu = best_cpu(lambda page: cleaner.clean(page, kind="html"), pages, args.repeat)
    print(f"html: clean {html_cpu:.3f}s  trafilatura.extract + ftfy.fix_text {peer_cpu:.3f}s  "
          f"ratio {html_cpu / peer_cpu:.2f}x (target <= 1.3x; {len(pages)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
