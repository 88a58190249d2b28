"""``news-cleaner batch``: streaming JSONL records in, cleaned records (or rejects with reasons) out."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time


from cleaner.batch import BatchOptions, _work_line, executor_for, process_line, run_batch
from cleaner.executor import DocTimeout, time_limit
from cleaner.pipeline import Cleaner

DIRTY = "Caf&eacute; owners in Paris said the new rules would hurt trade."
CLEAN = "The city council approved the budget on Tuesday after a long debate."


class SlowOrCrashingCleaner(Cleaner):
    """A Cleaner that sleeps on 'SLOW' and kills its process on 'CRASH' (a worker dying mid-record)."""

    def run(self, doc, *, fix=True):
        if "CRASH" in doc.text:
            os._exit(3)
        if "SLOW" in doc.text:
            time.sleep(30)  # far past any time limit a test sets, so a run that waits for it shows
        return super().run(doc, fix=fix)


def write_jsonl(path, records):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(record if isinstance(record, str) else json.dumps(record, ensure_ascii=False))
            handle.write("\n")


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_output_keeps_every_field_adds_clean_text_and_annotation(tmp_path, cli):
    records = [
        {"id": "a1", "url": "https://news.example.org/a1", "text": DIRTY, "tags": ["x", 1], "nested": {"k": None}},
        {"id": "a2", "text": CLEAN, "title": "Budget"},
    ]
    write_jsonl(tmp_path / "in.jsonl", records)
    code, out, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 0, err
    result = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in result] == ["a1", "a2"]
    for original, cleaned in zip(records, result):
        for key, value in original.items():
            assert cleaned[key] == value  # every input field kept, unchanged
        assert set(cleaned["cleaner"]) >= {"score", "verdict", "findings"}
        assert cleaned["cleaner"]["verdict"] in {"clean", "fixable", "garbled"}
    first = result[0]
    assert first["clean_text"] == DIRTY.replace("&eacute;", "é")
    e002 = [f for f in first["cleaner"]["findings"] if f["code"] == "E002"]
    assert e002 and e002[0]["applied"] is True and e002[0]["start"] == 3
    assert list(first)[:5] == ["id", "url", "text", "tags", "nested"]  # key order kept
    # the summary: records, verdicts, findings per code, time
    assert "2 records in" in err and "2 written, 0 rejected" in err
    assert "verdicts:" in err and "E002 1" in err


def test_fields_options_html_and_output_field(tmp_path, cli):
    html = ("<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>"
            "<p>The council voted on Tuesday to approve the new budget for the coming year after a long debate "
            "about schools and roads.</p><p>Caf&amp;eacute; owners said the plan was fair to everyone in town.</p>"
            "</article></body></html>")
    write_jsonl(tmp_path / "in.jsonl", [{"key": 7, "raw": html, "text": "not this one"}])
    code, out, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                         "--html-field", "raw", "--id-field", "key", "--output-field", "body_clean", "--quiet")
    assert code == 0, err
    assert err == ""  # --quiet: no summary
    [record] = read_jsonl(tmp_path / "out.jsonl")
    assert "council voted on Tuesday" in record["body_clean"]
    assert "<p>" not in record["body_clean"]
    assert record["text"] == "not this one" and record["raw"] == html
    assert record["cleaner"]["metadata"].get("title")


def test_gzip_in_and_out(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl.gz", [{"text": DIRTY}, {"text": CLEAN}])
    code, _, err = cli("batch", str(tmp_path / "in.jsonl.gz"), "-o", str(tmp_path / "out.jsonl.gz"), "-q")
    assert code == 0, err
    with open(tmp_path / "out.jsonl.gz", "rb") as handle:
        assert handle.read(2) == b"\x1f\x8b"
    assert [r["clean_text"] for r in read_jsonl(tmp_path / "out.jsonl.gz")] == [DIRTY.replace("&eacute;", "é"), CLEAN]


def test_every_record_is_in_output_or_rejects(tmp_path, cli):
    lines = [
        json.dumps({"id": 1, "text": DIRTY}),
        "{not json",
        json.dumps({"id": 3, "headline": "no body"}),
        json.dumps([1, 2]),
        json.dumps({"id": 5, "text": 42}),
        "",
        json.dumps({"id": 7, "text": CLEAN}),
    ]
    write_jsonl(tmp_path / "in.jsonl", lines)
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                       "--rejects", str(tmp_path / "rejects.jsonl"), "--jobs", "2")
    assert code == 0, err
    out = read_jsonl(tmp_path / "out.jsonl")
    rejects = read_jsonl(tmp_path / "rejects.jsonl")
    assert [r["id"] for r in out] == [1, 7]
    assert [r["line"] for r in rejects] == [2, 3, 4, 5]
    assert "invalid JSON" in rejects[0]["reason"] and rejects[0]["record"] == "{not json"
    assert rejects[1]["id"] == 3 and "no text field" in rejects[1]["reason"]
    assert rejects[1]["record"] == {"id": 3, "headline": "no body"}
    assert "JSON object" in rejects[2]["reason"]
    assert rejects[3]["id"] == 5
    assert len(out) + len(rejects) == 6  # six non-blank input lines
    assert "6 records" in err and "2 written, 4 rejected" in err


def test_rejects_without_a_rejects_file_are_reported_and_exit_1(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl", [{"text": CLEAN}, "{broken"])
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1
    assert "rejected line 2: invalid JSON" in err
    assert "--rejects FILE" in err
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 1


def test_explicit_text_field_missing_is_a_reject_with_the_field_named(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl", [{"text": CLEAN}])
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                       "--text-field", "body", "--rejects", str(tmp_path / "r.jsonl"))
    assert code == 0
    [reject] = read_jsonl(tmp_path / "r.jsonl")
    assert "no string field 'body'" in reject["reason"]


def test_output_order_and_content_do_not_depend_on_jobs(tmp_path, clean_bodies):
    bodies = list(clean_bodies.values())[:40]
    records = [{"id": i, "text": body if i % 3 else body.replace(" the ", " the the ", 1) + " Caf&eacute;"}
               for i, body in enumerate(bodies)]
    write_jsonl(tmp_path / "in.jsonl", records)
    one = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "one.jsonl"), Cleaner(), BatchOptions(chunk_size=3), jobs=1)
    two = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "two.jsonl"), Cleaner(), BatchOptions(chunk_size=3), jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert [r["id"] for r in read_jsonl(tmp_path / "two.jsonl")] == list(range(40))
    assert one.verdicts == two.verdicts and one.codes == two.codes and two.written == 40


def test_pool_keeps_a_bounded_number_of_records_in_flight():
    """Constant memory: the reader never runs more than the window ahead of the writer."""
    consumed = []

    def lines():
        for i in range(200):
            consumed.append(i)
            yield i + 1, json.dumps({"text": f"Record number {i} is here."})

    ahead = []
    with executor_for(Cleaner(), BatchOptions(learn=False, chunk_size=2), jobs=2) as executor:
        for index, outcome in enumerate(executor.map(_work_line, lines())):
            assert outcome.ok
            ahead.append(len(consumed) - index)
    assert len(consumed) == 200
    assert max(ahead) <= 4 * 2 * 2 + 1


def test_timeout_per_doc_rejects_only_the_slow_record(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": CLEAN}, {"id": 2, "text": "SLOW news day."}, {"id": 3, "text": DIRTY}])
    cleaner = SlowOrCrashingCleaner()
    cleaner.warm_up()  # loading the word lists can take seconds of wall time on a loaded machine: not timed
    started = time.perf_counter()
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), cleaner,
                      BatchOptions(timeout=0.3, learn=False), jobs=1, rejects_path=str(tmp_path / "r.jsonl"))
    assert time.perf_counter() - started < 15  # not the 30 s the slow record sleeps (wall time: loose, for loaded CI)
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == [1, 3]
    [reject] = read_jsonl(tmp_path / "r.jsonl")
    assert reject["id"] == 2 and "timed out after 0.3 s" in reject["reason"]
    assert stats.rejected == 1 and stats.written == 2


class ColdStartCleaner(Cleaner):
    """A Cleaner whose first run is slow, as a fresh process's is while it loads dictionaries and indexes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warm = False

    def run(self, doc, *, fix=True):
        if not self.warm:
            self.warm = True
            time.sleep(0.6)
        return super().run(doc, fix=fix)


def test_timeout_per_doc_does_not_count_first_use_loading(tmp_path):
    """In one process too, the loading on first use happens before the first record's time limit starts."""
    write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": CLEAN}, {"id": 2, "text": DIRTY}])
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), ColdStartCleaner(),
                      BatchOptions(timeout=0.4, learn=False), jobs=1, rejects_path=str(tmp_path / "r.jsonl"))
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == [1, 2]
    assert stats.rejected == 0


def test_time_limit_works_off_the_main_thread():
    """Dask runs tasks in worker threads, where SIGALRM cannot be used."""
    outcome = {}

    def busy():
        try:
            with time_limit(0.2):
                end = time.perf_counter() + 5
                while time.perf_counter() < end:
                    pass
            outcome["result"] = "finished"
        except DocTimeout:
            outcome["result"] = "timeout"

    thread = threading.Thread(target=busy)
    started = time.perf_counter()
    thread.start()
    thread.join(10)
    assert outcome["result"] == "timeout"
    assert time.perf_counter() - started < 3


def test_a_worker_dying_rejects_its_records_and_the_run_goes_on(tmp_path):
    records = [{"id": i, "text": f"Story {i} about the council."} for i in range(30)]
    records[11] = {"id": 11, "text": "CRASH the worker."}
    records[25] = {"id": 25, "text": "CRASH it again, in another chunk."}
    write_jsonl(tmp_path / "in.jsonl", records)
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), SlowOrCrashingCleaner(),
                      BatchOptions(learn=False, chunk_size=4), jobs=2, rejects_path=str(tmp_path / "r.jsonl"))
    out_ids = [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")]
    rejects = read_jsonl(tmp_path / "r.jsonl")
    assert 11 not in out_ids and 25 not in out_ids
    reason = "the worker process died while cleaning this record"
    assert [(r["line"], r["reason"]) for r in rejects] == [(12, reason), (26, reason)]
    assert len(out_ids) == 28  # only the records that kill their worker are rejected
    assert out_ids == sorted(out_ids)
    assert stats.records == 30 and stats.rejected == 2


def test_output_is_written_atomically_and_nothing_is_left_on_error(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl", [{"text": CLEAN}])
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "missing-dir" / "out.jsonl"))
    assert code == 2 and "does not exist" in err
    code, _, err = cli("batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 2 and "nope.jsonl: no such file" in err
    assert not any(p.name.startswith(".out.jsonl") for p in tmp_path.iterdir())
    assert not (tmp_path / "out.jsonl").exists()


def test_learning_pass_reaches_the_checks(tmp_path, monkeypatch):
    """The first pass hands the first --learn-limit documents to the families' learn() and the result to run()."""
    from cleaner import checks

    seen = {}

    class Probe:
        @staticmethod
        def features(doc, settings):
            return doc.text

        @staticmethod
        def learn_from(items, settings):
            seen["docs"] = list(items)
            return {"learned": len(items)}

        @staticmethod
        def run(doc, ctx):
            seen.setdefault("batch", []).append(ctx.batch.get("PROBE"))
            return []

    monkeypatch.setitem(checks.FAMILY_MODULES, "PROBE", Probe)
    monkeypatch.setattr(checks.CheckContext, "enabled", lambda self, code: True)
    from cleaner import codes

    monkeypatch.setattr(codes.Selection, "any_in", lambda self, family: True)
    write_jsonl(tmp_path / "in.jsonl", [{"text": f"Article {i}."} for i in range(5)] + ["{bad"])
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Cleaner(),
                      BatchOptions(learn_limit=3), jobs=1, rejects_path=str(tmp_path / "r.jsonl"))
    assert seen["docs"] == ["Article 0.", "Article 1.", "Article 2."]
    assert seen["batch"] == [{"learned": 3}] * 5
    assert stats.learned_from == 3


def test_stdin_to_stdout(tmp_path):
    data = json.dumps({"id": 1, "text": DIRTY}) + "\n"
    proc = subprocess.run([sys.executable, "-m", "cleaner", "batch", "-", "-o", "-", "--isolated"],
                          input=data, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["clean_text"] == DIRTY.replace("&eacute;", "é")
    assert "learning needs two passes" in proc.stderr


def test_progress_bar_only_on_a_terminal(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"text": CLEAN}] * 3)
    args = [sys.executable, "-m", "cleaner", "batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl"),
            "--isolated", "--jobs", "1"]
    piped = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert piped.returncode == 0
    assert "rec/s" not in piped.stderr and "3 records in" in piped.stderr

    import pty

    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, cwd=tmp_path)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(60)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "news-cleaner batch" in shown and "rec/s" in shown and "3/3" in shown


def test_process_line_reason_names_line_and_id():
    outcome = process_line(Cleaner(), json.dumps({"id": "x9", "text": 5}), {"line": 12}, BatchOptions())
    assert not outcome.ok and outcome.reason.startswith("line 12 (id x9): ")


def test_clean_many_streams_with_a_bounded_window_and_keeps_order():
    consumed = []

    def items():
        for i in range(300):
            consumed.append(i)
            yield {"text": f"Caf&eacute; story {i}.", "url": f"https://example.org/{i}"}

    results = Cleaner(select=["E"]).clean_many(items(), jobs=2, chunksize=4)
    first = next(results)
    assert first.text == "Café story 0."
    assert len(consumed) <= 4 * 2 * 4 + 4  # not the whole generator
    rest = list(results)
    assert [r.text for r in rest][-1] == "Café story 299." and len(rest) == 299


def test_output_to_a_pipe_is_written_in_place_not_renamed_over(tmp_path):
    """`-o /dev/stdout`, a FIFO or /dev/null must stay what they are (no temp file renamed over them)."""
    import stat

    write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": DIRTY}])
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    run_batch(str(tmp_path / "in.jsonl"), str(fifo), Cleaner(), BatchOptions(learn=False), jobs=1)
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["clean_text"] == DIRTY.replace("&eacute;", "é")


def test_html_records_are_extracted_once_learning_included(tmp_path, monkeypatch):
    """The learning pass's Documents are the ones cleaned: a page is not extracted a second time."""
    from cleaner import pipeline

    extracted = []
    real = pipeline.extract_html

    def counting(html, url=None, **kwargs):
        extracted.append(url)
        return real(html, url, **kwargs)

    monkeypatch.setattr(pipeline, "extract_html", counting)
    page = ("<html><body><article><p>Story {i}: the harbour reopened on Monday after a month of repairs to "
            "the quay.</p><p>The Daily Example is an independent newspaper owned by its readers.</p></article>"
            "</body></html>")
    records = [{"id": i, "url": f"https://daily.example.org/{i}", "html": page.format(i=i)} for i in range(8)]
    write_jsonl(tmp_path / "in.jsonl", records)
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Cleaner(select=["B"]),
                      BatchOptions(learn_limit=6), jobs=1)
    assert stats.learned_from == 6 and stats.written == 8
    assert sorted(extracted) == sorted(r["url"] for r in records)  # each page once: 6 learned, 2 after
    # and what was learned from them reaches their cleaning: the tagline, reported on every page
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [sum(f["code"] == "B011" for f in r["cleaner"]["findings"]) for r in out] == [1] * 8


def test_the_learning_pass_keeps_no_token_model_of_the_documents_it_learned_from(seed_text):
    """Learning from 2,000 records held each one's cached token model (~190 KB a document): the pass
    drops a document's derived state once a learner has read it, and learns the same."""
    from cleaner import Cleaner, checks
    from cleaner.document import Document

    docs = [Document(seed_text.replace("the", "a", k % 3), kind="text", metadata={"site": f"s{k % 4}.example"})
            for k in range(30)]
    cleaner = Cleaner()
    learned = cleaner.learn(docs)
    assert not [name for doc in docs for name in ("tokens", "paragraphs", "word_tokens") if name in vars(doc)]
    plain = Cleaner()
    original = checks._Forgetting
    try:
        checks._Forgetting = list
        assert plain.learn(docs) == learned
    finally:
        checks._Forgetting = original
    assert any("tokens" in vars(doc) for doc in docs)  # (the plain list kept them: the test can fail)


def test_the_learning_pass_learns_the_same_in_worker_processes(clean_bodies):
    """With several jobs, each record's learning features are taken in the workers and only combined
    in the parent: the knowledge must be what one process learns from the same Documents."""
    from cleaner.batch import learn_pass
    from cleaner.records import document_for

    tagline = "The Northfield Ledger is an independent newsroom funded by its readers."
    lines = [(i + 1, json.dumps({"id": i, "url": f"https://site{i % 2}.example/{i}",
                                 "text": f"{body}\n\nThe Quorvex Mining Syndicate sold its glorbent stake.\n\n{tagline}"}))
             for i, body in enumerate(list(clean_bodies.values())[:14])]
    learned = {}
    for jobs in (1, 2):
        cleaner = Cleaner()
        learn_pass(cleaner, iter(lines), BatchOptions(chunk_size=2, learn_limit=12), jobs=jobs)
        learned[jobs] = cleaner.batch
    plain = Cleaner()
    direct = plain.learn([document_for(plain, json.loads(raw), None, None) for _, raw in lines[:12]])
    assert learned[1] == learned[2] == direct
    assert "Quorvex Mining Syndicate" in direct["G"]["names"] and "glorbent" in direct["S"]["words"]
    repeated = frozenset({tagline, "The Quorvex Mining Syndicate sold its glorbent stake."})
    assert direct["B"] == {"site0.example": repeated, "site1.example": repeated}


def test_a_batch_learns_only_the_knowledge_its_selected_checks_read(clean_bodies, monkeypatch):
    """A record's name and word features cost the learning pass more than its site lines: a batch whose
    selection reads no name or spelling knowledge (``--select B,E``) does not take them, and cleans
    exactly as when it did; one that ignores B011 learns no site lines."""
    from cleaner.batch import learn_pass
    from cleaner.records import document_for

    assert Cleaner(select=["B", "E"]).learning_families() == ("B",)
    assert Cleaner(ignore=["B011"]).learning_families() == ("S", "G")
    assert Cleaner(select=["E", "Q"]).learning_families() == ()
    tagline = "The Northfield Ledger is an independent newsroom funded by its readers."
    lines = [(i + 1, json.dumps({"id": i, "url": f"https://site{i % 2}.example/{i}", "text": f"{body}\n\n{tagline}"}))
             for i, body in enumerate(list(clean_bodies.values())[:10])]
    selective, everything = Cleaner(select=["B", "E"]), Cleaner(select=["B", "E"])
    monkeypatch.setattr(everything, "learning_families", lambda: ("B", "S", "G"))
    for cleaner in (selective, everything):
        learn_pass(cleaner, iter(lines), BatchOptions(learn_limit=10), jobs=1)
    assert set(selective.batch) == {"B"} and set(everything.batch) == {"B", "S", "G"}
    assert selective.batch["B"] == everything.batch["B"] == {"site0.example": frozenset({tagline}),
                                                             "site1.example": frozenset({tagline})}
    for _, raw in lines:
        one, other = (c.run(document_for(c, json.loads(raw), None, None)) for c in (selective, everything))
        assert one.to_dict() == other.to_dict()
        assert [f.excerpt for f in one.findings if f.code == "B011"] == [tagline]  # the learned site line
