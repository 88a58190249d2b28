"""The Dask engine on a real ``distributed.LocalCluster`` (2 worker processes), driven through the CLI
with the cluster's scheduler address, exactly as a user with a remote cluster would run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from cleaner.batch import BatchOptions, run_batch  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    import logging

    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    yield cluster.scheduler_address, client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, clean_bodies):
    """60 records (some damaged, one broken line) from the shared article bodies."""
    folder = tmp_path_factory.mktemp("dask-data")
    bodies = list(clean_bodies.items())
    lines = []
    for index in range(60):
        key, body = bodies[index % len(bodies)]
        text = body if index % 4 else body.replace(". ", ".  ", 1) + "\n\nCaf&eacute; owners\u200b agreed."
        lines.append(json.dumps({"id": index, "url": f"https://site{index % 3}.example.org/{key[:8]}", "text": text}))
    lines.insert(30, "{not json")
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = folder / "local.jsonl"
    rejects = folder / "local-rejects.jsonl"
    run_batch(str(path), str(local), Cleaner(), BatchOptions(), jobs=1, rejects_path=str(rejects))
    return path, local, rejects


def batch_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", "batch", *args, "--isolated"],
                          capture_output=True, text=True, cwd=cwd, timeout=180)


def read_parts(folder: Path) -> list:
    return [line for part in sorted(folder.glob("part-*.jsonl")) for line in part.read_text(encoding="utf-8").splitlines()]


def test_dask_output_equals_the_local_engine_record_for_record(cluster, dataset, tmp_path):
    address, _ = cluster
    path, local, local_rejects = dataset
    result = batch_cli(str(path), "-o", str(tmp_path / "out.jsonl"), "--engine", "dask", "--scheduler", address,
                       "--blocksize", "40kB", "--rejects", str(tmp_path / "rejects.jsonl"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == local.read_bytes()
    assert "61 records" in result.stderr and "60 written, 1 rejected" in result.stderr
    [reject] = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    [local_reject] = [json.loads(line) for line in local_rejects.read_text().splitlines()]
    assert reject["record"] == local_reject["record"] == "{not json" and "part" in reject
    assert not (tmp_path / "out.jsonl.parts").exists()  # merged, then the parts are removed


def test_killed_run_resumes_without_duplicates(cluster, dataset, tmp_path):
    address, _ = cluster
    path, local, _ = dataset
    out = tmp_path / "parts"
    args = [sys.executable, "-m", "cleaner", "batch", str(path), "-o", str(out), "--engine", "dask",
            "--scheduler", address, "--blocksize", "8kB", "--isolated", "--rejects", str(tmp_path / "r.jsonl")]
    proc = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.glob("part-*.jsonl")) and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    finished_before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("part-*.jsonl")}
    manifest = json.loads((out / "_manifest.json").read_text())
    total_parts = len(manifest["blocks"])
    assert finished_before and total_parts > 10
    assert not (out / "_SUCCESS").exists()
    # a write the kill interrupted leaves only a temporary file, never a partial part
    (out / ".part-00001.jsonl.tmp-deadbeef").write_text('{"id": "half a rec', encoding="utf-8")

    # tasks of the killed client that were already running may still land their parts: wait until none
    # has for 3 s (a fixed 1.5 s was too short on a loaded machine)
    settled = time.time() + 60
    count, quiet_since = -1, time.time()
    while time.time() < settled and time.time() - quiet_since < 3:
        now = len(list(out.glob("part-*.jsonl")))
        if now != count:
            count, quiet_since = now, time.time()
        time.sleep(0.1)
    finished_before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("part-*.jsonl")}
    again = batch_cli(str(path), "-o", str(out), "--engine", "dask", "--scheduler", address, "--blocksize", "8kB",
                      "--rejects", str(tmp_path / "r.jsonl"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    print(f"killed with {len(finished_before)} of {total_parts} parts done")
    if len(finished_before) < total_parts:
        assert f"resuming: {len(finished_before)} of {total_parts} parts already done" in again.stderr
    for name, identity in finished_before.items():  # finished parts were skipped, not rewritten
        part = out / name
        assert (part.stat().st_ino, part.stat().st_mtime_ns) == identity
    assert (out / "_SUCCESS").exists()
    lines = read_parts(out)
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == len(set(ids)) == 60
    assert "\n".join(lines) + "\n" == local.read_text(encoding="utf-8")
    assert "61 records" in again.stderr  # the summary counts the skipped parts too


def test_rerun_with_other_settings_is_refused(cluster, dataset, tmp_path):
    address, _ = cluster
    path, _, _ = dataset
    out = tmp_path / "parts"
    first = batch_cli(str(path), "-o", str(out), "--engine", "dask", "--scheduler", address, "--blocksize", "40kB",
                      "--rejects", str(tmp_path / "r.jsonl"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = batch_cli(str(path), "-o", str(out), "--engine", "dask", "--scheduler", address, "--blocksize", "20kB",
                       "--rejects", str(tmp_path / "r.jsonl"), cwd=tmp_path)
    assert second.returncode == 2
    assert "holds parts of a different run (changed: blocks)" in second.stderr


def test_clean_partition_for_dask_bag_users(cluster, dataset):
    import dask.bag as db

    from cleaner.integrations.dask import clean_partition

    _, client = cluster
    path, local, _ = dataset
    bag = db.read_text(str(path), blocksize="30kB").map_partitions(clean_partition, config={"select": ["E"]})
    records = bag.compute(scheduler=client.get)
    assert len(records) == 61
    rejected = [r for r in records if r["cleaner"]["verdict"] == "rejected"]
    assert len(rejected) == 1 and rejected[0]["_raw"].startswith("{not json")
    good = [r for r in records if r["cleaner"]["verdict"] != "rejected"]
    assert [r["id"] for r in good] == list(range(60))
    damaged = good[0]
    assert "Café owners agreed." in damaged["clean_text"]
    assert {f["code"] for f in damaged["cleaner"]["findings"]} >= {"E002", "E004"}
    assert all(f["code"].startswith("E") for r in good for f in r["cleaner"]["findings"])
    assert os.path.exists(path)
