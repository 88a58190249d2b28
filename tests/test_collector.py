"""The garbage collector around one article: paused while it is checked, the host's setting given
back after, and nothing of the article left for a collection to find."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from cleaner import Cleaner, clean
from cleaner.collector import paused


@pytest.fixture
def article(clean_bodies) -> str:
    return max(clean_bodies.values(), key=len)[:6000]


@pytest.fixture
def collector_enabled():
    """Each test starts with the collector enabled and leaves it so, whatever it asserts."""
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_checks_run_with_the_collector_paused(article, collector_enabled, monkeypatch):
    import cleaner.pipeline as pipeline

    seen = []
    real = pipeline.run_families

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run_families", spy)
    clean(article)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_host_that_disabled_the_collector_keeps_it_disabled(article, collector_enabled):
    gc.disable()
    result = clean(article)
    assert not gc.isenabled()
    assert result.text


def test_the_collector_comes_back_when_a_check_fails(article, collector_enabled, monkeypatch):
    import cleaner.pipeline as pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("a check failed")

    monkeypatch.setattr(pipeline, "run_families", broken)
    with pytest.raises(RuntimeError, match="a check failed"):
        clean(article)
    assert gc.isenabled()


def test_thresholds_are_left_as_the_host_set_them(article, collector_enabled):
    before = gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    try:
        clean(article)
        assert gc.get_threshold() == (1234, 5, 6)
    finally:
        gc.set_threshold(*before)


def test_articles_on_several_threads_give_the_setting_back_once_all_are_done(clean_bodies, collector_enabled):
    bodies = list(clean_bodies.values())[:6]
    cleaner = Cleaner()
    errors = []

    def work(texts):
        try:
            for text in texts:
                cleaner.clean(text, kind="text")
        except Exception as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(bodies[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert gc.isenabled()


def test_nested_pauses_restore_only_at_the_outermost(collector_enabled):
    with paused():
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_article_is_freed_when_its_result_goes_without_a_collection(article, collector_enabled):
    """No reference cycle keeps a document (and its token model) alive after the run: with the
    collector off, its memory would otherwise stay until the next collection."""
    cleaner = Cleaner()
    cleaner.clean(article, kind="text")  # loading done
    doc = cleaner.document(article, kind="text")
    gone = weakref.ref(doc)
    gc.disable()
    result = cleaner.run(doc)
    del doc
    assert result.findings is not None
    assert gone() is None
