"""The examples of README.md, run as they stand (blocks marked ``<!-- tested -->``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"<!-- tested(?:: (?P<kind>[\w-]+))? -->\n```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)


def blocks(kind=None, lang=None):
    found = [(m["kind"], m["lang"], m["body"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    return [(k, lg, body) for k, lg, body in found if k == kind and (lang is None or lg == lang)]


def env() -> dict:
    environment = dict(os.environ)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    environment.pop("NEWS_CLEANER_CACHE_DIR", None)
    return environment


def test_the_doc_has_tested_examples():
    assert len(blocks(lang="sh")) >= 4 and len(blocks(lang="python")) >= 1
    assert blocks("yaml") and blocks("scrapy-settings")


@pytest.mark.parametrize("body", [b for _, _, b in blocks(lang="sh")], ids=lambda b: b.split("\n")[0][:40])
def test_shell_examples_run(body, tmp_path):
    proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", body], cwd=tmp_path, env=env(),
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, f"{body}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


@pytest.mark.parametrize("body", [b for _, _, b in blocks(lang="python")], ids=lambda b: b.split("\n")[0][:40])
def test_python_examples_run(body, tmp_path):
    proc = subprocess.run([sys.executable, "-c", body], cwd=tmp_path, env=env(), capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stderr


def test_shell_examples_say_what_they_claim(tmp_path):
    batch = next(b for _, _, b in blocks(lang="sh") if "scraped.jsonl" in b)
    proc = subprocess.run(["bash", "-e", "-c", batch], cwd=tmp_path, env=env(), capture_output=True, text=True,
                          timeout=240)
    assert "a1 fixable Café owners" in proc.stdout
    assert '"id": "a3"' in proc.stdout and "no text field" in proc.stdout
    assert "3 records in" in proc.stderr and "2 written, 1 rejected" in proc.stderr


def test_pre_commit_config_names_the_shipped_hooks():
    import yaml

    [(_, _, body)] = blocks("yaml")
    config = yaml.safe_load(body)
    hooks = yaml.safe_load((DOC.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    shipped = {hook["id"]: hook for hook in hooks}
    assert {h["id"] for h in config["repos"][0]["hooks"]} == set(shipped) == {"news-cleaner-check", "news-cleaner-fix"}
    for name, verb in (("news-cleaner-check", "check"), ("news-cleaner-fix", "fix")):
        hook = shipped[name]
        assert hook["entry"] == f"news-cleaner {verb} --force-exclude"
        assert hook["language"] == "python" and hook["types"] == ["text"] and hook["require_serial"] is True
        assert hook["files"] == r"\.(txt|md|markdown|html?|jsonl)$"


def test_scrapy_settings_example_builds_the_pipeline():
    pytest.importorskip("scrapy")
    from scrapy.utils.test import get_crawler

    from cleaner.integrations.scrapy import CleanArticlePipeline

    [(_, _, body)] = blocks("scrapy-settings")
    namespace: dict = {}
    exec(body, namespace)
    settings = {k: v for k, v in namespace.items() if k.isupper()}
    pipeline = CleanArticlePipeline.from_crawler(get_crawler(settings_dict=settings))
    assert pipeline.drop_verdicts == {"garbled"} and pipeline.threaded is True
    assert pipeline.cleaner.settings.select == ["E", "B", "Q"]
    assert pipeline.output_field == "text" and pipeline.findings_field == "cleaner"


def test_site_boilerplate_example_finds_the_tagline_in_every_story(tmp_path):
    body = next(b for _, _, b in blocks(lang="sh") if "mkdir -p daily" in b)
    proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", body], cwd=tmp_path, env=env(),
                          capture_output=True, text=True, timeout=240)
    assert proc.stdout.split("\n")[:4] == ["6", "All clean!", "Found 6 (6 fixed, 0 remaining).", "All clean!"]
    assert "independent newspaper" not in (tmp_path / "daily" / "story3.txt").read_text(encoding="utf-8")
