"""Dask: the batch engine for inputs that outgrow one machine, and ``clean_partition`` for dask.bag users.

``news-cleaner batch IN -o OUT --engine dask [--scheduler tcp://host:8786]``:

- the input (a path, glob or fsspec URL: ``s3://bucket/dump-*.jsonl.gz``) is cut into byte blocks on
  line boundaries (``--blocksize``; a compressed file is one block);
- site boilerplate is learned once on the client from the first ``--learn-limit`` records, exactly as
  the local engine does, and the Cleaner carrying it is scattered to the workers: one Cleaner per worker
  process, not one per record;
- each block becomes ``part-NNNNN.jsonl`` (plus ``rejects-NNNNN.jsonl`` and ``part-NNNNN.stats.json``),
  written under a temporary name and renamed, so a part either exists whole or not at all;
- a rerun skips the parts that exist (resume after a crash or kill); ``_manifest.json`` records what the
  parts were made from, and a rerun with another input, block size or settings is refused rather
  than mixing parts;
- when OUT ends in ``.jsonl``/``.jsonl.gz`` the parts are merged into it in order (and the part folder
  ``OUT.parts/`` removed); otherwise OUT is the folder of parts, finished with ``_SUCCESS``.

Output records are byte-for-byte what the local engine writes; rejects say ``part``/``index`` instead of
a line number (a block does not know its line numbers).
"""

from __future__ import annotations

import json
import posixpath
import time
import uuid
from collections import Counter
from typing import Any, Callable, Iterable, Optional

from ..atomic import AtomicOutput, write_fs_atomic
from ..batch import BatchOptions, BatchStats, clean_record, learn_pass, lost_line, process_line
from ..errors import CleanerError, InputError
from ..executor import DocTimeout, Executor
from ..pipeline import Cleaner
from ..records import RecordError, parse_line

MANIFEST = "_manifest.json"


# -- for dask.bag users ---------------------------------------------------------------------------

def clean_partition(
    records: Iterable[Any],
    config: Any = None,
    *,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
    output_field: str = "clean_text",
    cleaner_field: str = "cleaner",
    unsafe_fixes: Optional[bool] = None,
    batch: Optional[dict] = None,
    timeout: Optional[float] = None,
) -> list:
    """Clean one partition of records (dicts, or JSON lines) with one Cleaner; returns output dicts.

    ``bag.map_partitions(clean_partition, config={"select": ["E", "B"]})``. Nothing is dropped: a
    record that cannot be cleaned comes back with ``cleaner = {"verdict": "rejected", "reason": ...}``.
    ``batch`` is the result of ``Cleaner.learn(...)`` (site boilerplate) when you have one.
    """
    cleaner = Cleaner(config, unsafe_fixes=unsafe_fixes, batch=batch)
    opts = BatchOptions(text_field=text_field, html_field=html_field, output_field=output_field,
                        cleaner_field=cleaner_field, timeout=timeout)
    executor = Executor(1, processes=False, timeout=timeout,
                        lost=lambda record, reason: _rejected(record, reason, cleaner_field))
    wanted = (r for r in records if not (isinstance(r, (str, bytes, bytearray)) and not r.strip()))
    return list(executor.map(lambda record: _clean_one(cleaner, record, opts), wanted))


def _clean_one(cleaner: Cleaner, record: Any, opts: BatchOptions) -> dict:
    """One record of a partition, cleaned or marked rejected with its reason."""
    if isinstance(record, (bytes, bytearray)):
        record = record.decode("utf-8", "surrogateescape")
    try:
        data = parse_line(record) if isinstance(record, str) else record
        if not isinstance(data, dict):
            raise RecordError(f"a record must be a JSON object, not {type(data).__name__}")
        cleaned, _ = clean_record(cleaner, data, opts)
    except RecordError as exc:
        return _rejected(record, str(exc), opts.cleaner_field)
    except DocTimeout:
        raise  # the executor's time limit says what a timed-out record becomes
    except Exception as exc:  # keep the record and say why
        return _rejected(record, f"error: {type(exc).__name__}: {exc}", opts.cleaner_field)
    return cleaned


def _rejected(record: Any, reason: str, cleaner_field: str) -> dict:
    """The record (or, when it is not an object, ``{"_raw": record}``) marked rejected with the reason."""
    if isinstance(record, (bytes, bytearray)):
        record = record.decode("utf-8", "surrogateescape")
    if isinstance(record, str):
        try:
            record = parse_line(record)
        except RecordError:
            pass
    base = dict(record) if isinstance(record, dict) else {"_raw": record}
    return {**base, cleaner_field: {"verdict": "rejected", "reason": reason}}


# -- the engine ----------------------------------------------------------------------------------

def _blocks(input_path: str, blocksize: int) -> tuple:
    """(fs, [(path, offset, length or None)]) covering every input file; compressed files are one block."""
    from fsspec.core import get_fs_token_paths
    from fsspec.utils import infer_compression

    fs, _, paths = get_fs_token_paths(input_path, mode="rb")
    if not paths:
        raise InputError(f"{input_path}: no such file")
    blocks = []
    for path in sorted(paths):
        if infer_compression(path):
            blocks.append((path, 0, None))
            continue
        size = fs.size(path)
        offsets = list(range(0, max(size, 1), blocksize))
        blocks.extend((path, offset, blocksize) for offset in offsets)
    return fs, blocks


def _read_lines(fs, path: str, offset: int, length: Optional[int]) -> list:
    from fsspec.utils import infer_compression, read_block

    if length is None:
        with fs.open(path, "rb", compression=infer_compression(path)) as handle:
            data = handle.read()
    else:
        with fs.open(path, "rb") as handle:
            data = read_block(handle, offset, length, delimiter=b"\n")
    return [line for line in data.decode("utf-8", "surrogateescape").split("\n") if line.strip()]


def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def _process_block(in_fs, block: tuple, index: int, out_fs, out_dir: str, cleaner: Cleaner, opts: BatchOptions) -> dict:
    """Clean one block and write its part files; the part itself is written last (it marks completion)."""
    path, offset, length = block
    stats = BatchStats()
    good, bad = [], []
    executor = Executor(1, processes=False, timeout=opts.timeout,
                        lost=lambda item, reason: lost_line(item[1], {"part": index, "index": item[0]}, opts, reason))
    work = executor.map(lambda item: process_line(cleaner, item[1], {"part": index, "index": item[0]}, opts),
                        enumerate(_read_lines(in_fs, path, offset, length)))
    for outcome in work:
        stats.add(outcome)
        (good if outcome.ok else bad).append(outcome.line)
    write_fs_atomic(out_fs, posixpath.join(out_dir, f"rejects-{index:05d}.jsonl"), bad)
    data = {**stats.to_dict(), "reject_samples": stats.reject_samples}
    write_fs_atomic(out_fs, posixpath.join(out_dir, f"part-{index:05d}.stats.json"), [json.dumps(data)])
    write_fs_atomic(out_fs, posixpath.join(out_dir, part_name(index)), good)
    return data


def _stats_from(data: dict) -> BatchStats:
    stats = BatchStats(records=data["records"], written=data["written"], rejected=data["rejected"],
                       verdicts=Counter(data["verdicts"]), codes=Counter(data["findings"]))
    stats.reject_samples = list(data.get("reject_samples", []))
    return stats


def _check_manifest(fs, out_dir: str, manifest: dict) -> bool:
    """Refuse parts of a different run; True when there is no manifest yet (a new output)."""
    path = posixpath.join(out_dir, MANIFEST)
    if not fs.exists(path):
        return True
    with fs.open(path, "rb") as handle:
        old = json.loads(handle.read())
    if old != manifest:
        changed = sorted(k for k in set(old) | set(manifest) if old.get(k) != manifest.get(k))
        raise CleanerError(f"{out_dir}: holds parts of a different run (changed: {', '.join(changed)}); "
                           "remove it or write to another output")
    return False


def run_dask(
    input_path: str,
    output_path: str,
    cleaner: Cleaner,
    opts: BatchOptions,
    *,
    scheduler: Optional[str] = None,
    jobs: int = 1,
    blocksize: Any = "64MiB",
    rejects_path: Optional[str] = None,
    progress: bool = False,
    on_notice: Callable[[str], None] = lambda message: None,
    client: Any = None,
) -> BatchStats:
    """Run the batch on a Dask cluster (``scheduler`` address, a given ``client``, or a LocalCluster)."""
    from dask.utils import parse_bytes
    from fsspec.core import url_to_fs

    from ..cache import settings_key

    started = time.perf_counter()
    size = parse_bytes(blocksize) if isinstance(blocksize, str) else int(blocksize)
    in_fs, blocks = _blocks(input_path, size)
    merge_into = output_path if output_path.endswith((".jsonl", ".jsonl.gz", ".ndjson")) else None
    if merge_into and "://" in merge_into:
        raise CleanerError(f"{output_path}: a remote output must be a folder of part files (drop the .jsonl suffix)")
    out_dir = f"{output_path}.parts" if merge_into else output_path.rstrip("/")
    out_fs, out_dir = url_to_fs(out_dir)

    stats = BatchStats()
    if opts.learn:
        def lines():
            for path in dict.fromkeys(path for path, _, _ in blocks):
                from fsspec.utils import infer_compression

                with in_fs.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="\n",
                                compression=infer_compression(path)) as handle:  # as _read_lines splits them
                    for number, line in enumerate(handle, 1):
                        if line.strip():
                            yield number, line.rstrip("\r\n")
        learn_pass(cleaner, lines(), opts, stats)

    manifest = {
        "input": input_path, "blocks": [list(b) for b in blocks], "settings": settings_key(cleaner.settings, code=False),
        "options": {k: v for k, v in vars(opts).items()},
    }
    new_output = _check_manifest(out_fs, out_dir, manifest)
    done = set() if new_output else {posixpath.basename(p) for p in out_fs.ls(out_dir, detail=False)}
    todo = [i for i in range(len(blocks)) if part_name(i) not in done]
    if len(todo) < len(blocks):
        on_notice(f"resuming: {len(blocks) - len(todo)} of {len(blocks)} parts already done in {out_dir}")

    results: dict = {}
    if todo:
        own_cluster = None
        if client is None:
            from distributed import Client, LocalCluster

            if scheduler:
                try:
                    client = Client(scheduler)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise CleanerError(f"cannot connect to the dask scheduler at {scheduler}: {exc}") from None
            else:
                import logging

                own_cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(own_cluster)
            owns_client = True
        else:
            owns_client = False
        try:
            from distributed import as_completed

            if new_output:  # only now that a cluster is there: a failed connection leaves nothing behind
                out_fs.makedirs(out_dir, exist_ok=True)
                write_fs_atomic(out_fs, posixpath.join(out_dir, MANIFEST), [json.dumps(manifest, sort_keys=True)])
            shared = client.scatter(cleaner, broadcast=True)
            futures = {
                client.submit(_process_block, in_fs, blocks[i], i, out_fs, out_dir, shared, opts,
                              key=f"news-cleaner-part-{i}-{uuid.uuid4().hex[:8]}", pure=False): i
                for i in todo
            }
            bar = None
            if progress:
                from tqdm import tqdm

                bar = tqdm(total=len(todo), unit="part", desc="news-cleaner batch (dask)")
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if bar is not None:
                    bar.update(1)
            if bar is not None:
                bar.close()
        finally:
            if owns_client:
                client.close()
                if own_cluster is not None:
                    own_cluster.close()

    for index in range(len(blocks)):
        data = results.get(index)
        if data is None:
            with out_fs.open(posixpath.join(out_dir, f"part-{index:05d}.stats.json"), "rb") as handle:
                data = json.loads(handle.read())
        stats.merge(_stats_from(data))

    _finish(out_fs, out_dir, len(blocks), merge_into, rejects_path, on_notice)
    stats.seconds = time.perf_counter() - started
    return stats


def _finish(fs, out_dir: str, parts: int, merge_into: Optional[str], rejects_path: Optional[str],
            on_notice: Callable[[str], None]) -> None:
    """Merge part files (in order) into the output and rejects files; report rejects when not kept."""
    def lines(name_of):
        for index in range(parts):
            with fs.open(posixpath.join(out_dir, name_of(index)), "rb") as handle:
                for line in handle.read().decode("utf-8", "surrogateescape").split("\n"):
                    if line:
                        yield line

    if rejects_path:
        sink = AtomicOutput(rejects_path)
        try:
            for line in lines(lambda i: f"rejects-{i:05d}.jsonl"):
                sink.write_line(line)
            sink.commit()
        except BaseException:
            sink.discard()
            raise
    else:
        for line in lines(lambda i: f"rejects-{i:05d}.jsonl"):
            reject = json.loads(line)
            place = f"part {reject.get('part')} record {reject.get('index')}"
            if reject.get("id") is not None:
                place += f" (id {reject['id']})"
            on_notice(f"rejected {place}: {reject['reason']}")
    if merge_into:
        sink = AtomicOutput(merge_into)
        try:
            for line in lines(part_name):
                sink.write_line(line)
            sink.commit()
        except BaseException:
            sink.discard()
            raise
        fs.rm(out_dir, recursive=True)
    else:
        write_fs_atomic(fs, posixpath.join(out_dir, "_SUCCESS"), [])
