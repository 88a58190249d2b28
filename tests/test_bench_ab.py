"""The A/B benches (``bench/clean_ab.py``, ``bench/sg_ab.py``) run each version with its own code and its own
rule data: an editable install maps ``cleaner.rules`` to the tree that installed it, so a version exported
from git read the working tree's rules, and an A/B of rule data compared one set of rules with itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
sys.path.insert(0, "bench")
from sg_ab import use_tree
use_tree(sys.argv[1])
from cleaner.rulepacks import _builtin_root, load_builtin
print(_builtin_root())
print(load_builtin("encoding").get("marker"))
"""


def test_a_tree_under_test_reads_its_own_rules(tmp_path):
    tree = tmp_path / "before"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "cleaner", tree / "cleaner", ignore=ignore)
    shutil.copytree(ROOT / "rules", tree / "rules", ignore=ignore)
    encoding = tree / "rules" / "encoding.toml"
    encoding.write_text('marker = "the copy\'s rules"\n' + encoding.read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, NEWS_CLEANER_DATA_CACHE="off")
    done = subprocess.run([sys.executable, "-c", PROBE, str(tree)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    root, marker = done.stdout.strip().splitlines()[-2:]
    assert Path(root).resolve().is_relative_to(tree.resolve()) and marker == "the copy's rules"
