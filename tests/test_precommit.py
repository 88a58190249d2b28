"""The pre-commit hooks, run by the real ``pre-commit try-repo`` in a throw-away git repository.

pre-commit builds the hook's own virtualenv and ``pip install .``s this checkout into it. Tests must
not use the network, so installation is made offline: ``PIP_NO_INDEX=1`` forbids any download, and a
``sitecustomize.py`` appends the site-packages of the interpreter running the tests to the *end* of the
hook environment's ``sys.path``, so pip finds news-cleaner's dependencies already installed (and the
hook can import them) while the hook's own copy of ``cleaner`` comes first. Build isolation is turned
off (``PIP_NO_BUILD_ISOLATION=0``: pip's inverted env-var spelling) so the virtualenv's seeded
setuptools builds the package without downloading a build backend.

``try-repo`` copies modified tracked files of a checkout but not new untracked ones, so the hook repo
is a snapshot of this working tree (tracked and untracked-but-not-ignored files) committed into a temp
repo: the hooks run the same code the rest of the suite tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DIRTY = "Caf&eacute; owners in Paris said the new rules would hurt trade.\n"
CLEAN = "The city council approved the budget on Tuesday after a long debate.\n"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A git repo holding a snapshot of this working tree."""
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    target = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if not source.is_file():
            continue
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest)
    _git(target, "init", "-q", ".")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    return target


@pytest.fixture(scope="module")
def offline_env(tmp_path_factory) -> dict:
    shim = tmp_path_factory.mktemp("shim")
    site = sysconfig.get_paths()["purelib"]
    (shim / "sitecustomize.py").write_text(f"import sys\nsys.path.append({site!r})\n", encoding="utf-8")
    env = dict(os.environ)
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PYTHONPATH": str(shim),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    })
    env.pop("NEWS_CLEANER_CACHE_DIR", None)
    return env


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The user's repository: two articles and a pre-commit config, committed."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "articles" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    _git(tmp_path, "init", "-q", ".")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "articles")
    return tmp_path


def try_repo(project: Path, hook_repo: Path, env: dict, hook: str, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--verbose", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def test_check_hook_fails_on_dirty_and_passes_on_clean(project, hook_repo, offline_env):
    dirty = try_repo(project, hook_repo, offline_env, "news-cleaner-check", "articles/dirty.txt")
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "news-cleaner check" in dirty.stdout and "Failed" in dirty.stdout
    assert "articles/dirty.txt:1:4: E002" in dirty.stdout
    # the hook left the file alone and wrote its cache in the project
    assert (project / "articles" / "dirty.txt").read_text(encoding="utf-8") == DIRTY
    assert (project / ".news_cleaner_cache" / "CACHEDIR.TAG").is_file()
    entries = {p: p.stat().st_mtime_ns for p in (project / ".news_cleaner_cache").rglob("*.json.z")}
    assert len(entries) == 1

    again = try_repo(project, hook_repo, offline_env, "news-cleaner-check", "articles/dirty.txt")
    assert again.returncode == 1 and "articles/dirty.txt:1:4: E002" in again.stdout
    # served from the cache: the entry was read, not recomputed and rewritten
    assert {p: p.stat().st_mtime_ns for p in (project / ".news_cleaner_cache").rglob("*.json.z")} == entries

    clean = try_repo(project, hook_repo, offline_env, "news-cleaner-check", "articles/clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_fix_hook_rewrites_the_file(project, hook_repo, offline_env):
    result = try_repo(project, hook_repo, offline_env, "news-cleaner-fix", "articles/dirty.txt", "articles/clean.txt")
    # pre-commit fails a hook that modified files, even when it exits 0
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (project / "articles" / "dirty.txt").read_text(encoding="utf-8") == DIRTY.replace("&eacute;", "é")
    assert (project / "articles" / "clean.txt").read_text(encoding="utf-8") == CLEAN
    again = try_repo(project, hook_repo, offline_env, "news-cleaner-check", "articles/dirty.txt", "articles/clean.txt")
    assert again.returncode == 0, again.stdout + again.stderr


def test_force_exclude_applies_to_files_pre_commit_names(project, hook_repo, offline_env):
    """pre-commit passes file names explicitly; the entry's --force-exclude keeps `exclude` in force."""
    (project / "news-cleaner.toml").write_text('extend-exclude = ["articles/dirty.txt"]\n', encoding="utf-8")
    result = try_repo(project, hook_repo, offline_env, "news-cleaner-check", "articles/dirty.txt")
    assert result.returncode == 0, result.stdout + result.stderr
