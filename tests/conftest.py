"""Shared test helpers: fixture paths and an in-process CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed"


def paragraphs(text: str) -> list[str]:
    """The seed contract compares paragraph by paragraph: split on blank lines, strip each."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


@pytest.fixture
def seed_text() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def clean_bodies() -> dict:
    data = json.loads((FIXTURES / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in data.items()}


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run the CLI in-process from an isolated cwd; returns (exit code, stdout, stderr)."""
    from cleaner.cli import main

    monkeypatch.chdir(tmp_path)

    def run(*argv: str):
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
