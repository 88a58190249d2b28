"""``Cleaner.warm_up`` builds every index the name checks derive lazily (issue 17: the acronym and casing
passes built four gazetteer indexes on first use: the English word endings and starts, the near-miss
and all-acronym deletion indexes, about a second of CPU. A pool's workers are forked after the
warm-up, so each built them again on its first such article, and a long article paid them inside
its own time: a fifth of the 1 MB line of ``bench/pathological.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys
from cleaner import Cleaner
from cleaner.gazetteer import gazetteer
cleaner = Cleaner()
cleaner.warm_up()
warm = set(gazetteer(()).indexes)
for text in json.loads(sys.stdin.read()):
    cleaner.clean(text)
print(json.dumps(sorted(str(key)[:60] for key in set(gazetteer(()).indexes) - warm)))
"""


def test_articles_after_the_warm_up_build_no_name_index():
    bodies = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in bodies.values()][:60]
    env = {**os.environ, "NEWS_CLEANER_DATA_CACHE": "off"}  # (no start-up snapshot holding them already)
    done = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(texts), capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
