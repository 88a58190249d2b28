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


FUZZ_PROBE = """
import sys
sys.path.insert(0, sys.argv[1] + "/bench")
import fuzz
code, rules = fuzz.use_own_tree()
from cleaner.rulepacks import load_builtin
print(code)
print(rules)
print(load_builtin("encoding").get("marker"))
"""


def test_the_fuzz_bench_of_an_exported_tree_fuzzes_that_trees_code_and_rules(tmp_path):
    """``bench/fuzz.py`` run from a commit exported from git (fuzzing a fixed commit of main while the
    working tree moves on) read the installing tree's rules with the export's code: every example
    failed with a KeyError of a rule section the export had added."""
    tree = tmp_path / "exported"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "cleaner", tree / "cleaner", ignore=ignore)
    shutil.copytree(ROOT / "rules", tree / "rules", ignore=ignore)
    (tree / "bench").mkdir()
    shutil.copy(ROOT / "bench" / "fuzz.py", tree / "bench" / "fuzz.py")
    encoding = tree / "rules" / "encoding.toml"
    encoding.write_text('marker = "the export\'s rules"\n' + encoding.read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, NEWS_CLEANER_DATA_CACHE="off")
    done = subprocess.run([sys.executable, "-c", FUZZ_PROBE, str(tree)], cwd=tmp_path, capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stderr
    code, rules, marker = done.stdout.strip().splitlines()[-3:]
    assert Path(code).is_relative_to(tree.resolve()) and Path(rules).is_relative_to(tree.resolve())
    assert marker == "the export's rules"
