"""``check``/``fix`` over many files: answered from the cache where possible, the rest spread over a
process pool, reports returned in input order (so output is the same whatever ``--jobs`` is).

A pool costs a fork per worker, and each worker then loads the word lists, gazetteers and spelling
index for itself (a few tenths of a second, seconds for the suggestion index), so for a handful of
files (a typical pre-commit run) one process is as fast: the pool is used from POOL_MIN_FILES files
needing work; cached files never reach it.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional

from .cache import FileCache
from .errors import InputError
from .pipeline import Cleaner
from .runner import FileReport, process_file

POOL_MIN_FILES = 8

_WORKER: Optional[Cleaner] = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def _work(task: tuple) -> FileReport:
    path, data, fix, text_field, html_field = task
    assert _WORKER is not None
    return process_file(_WORKER, path, fix=fix, data=data, text_field=text_field, html_field=html_field)


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def run_files(
    cleaner: Cleaner,
    paths: list,
    *,
    fix: bool,
    jobs: int = 1,
    cache: Optional[FileCache] = None,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
) -> list:
    """One FileReport per path, in the order of ``paths``."""
    reports: list = [None] * len(paths)
    todo: list = []  # (index, cache key, task)
    options = (text_field, html_field)
    for index, path in enumerate(paths):
        try:
            data = _read(path)
        except InputError as exc:
            reports[index] = FileReport(path=path, error=str(exc))
            continue
        key = None
        if cache is not None:
            key = cache.key(data, path, fix=fix, options=options)
            hit = cache.get(key, path)
            if hit is not None:
                reports[index] = hit
                continue
        todo.append((index, key, (path, data, fix, text_field, html_field)))

    if jobs > 1 and len(todo) >= POOL_MIN_FILES:
        workers = min(jobs, len(todo))
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(cleaner,)) as pool:
            results = pool.map(_work, [task for _, _, task in todo], chunksize=max(1, len(todo) // (workers * 4)))
            for (index, key, _), report in zip(todo, results):
                reports[index] = report
    else:
        for index, key, (path, data, _, tf, hf) in todo:
            reports[index] = process_file(cleaner, path, fix=fix, data=data, text_field=tf, html_field=hf)
    if cache is not None:
        for index, key, _ in todo:
            if key is not None:
                cache.put(key, reports[index])
    return reports
