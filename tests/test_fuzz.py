"""Hostile input, generated: clean, check, fix on files and batch records keep their promises on news
copy with hostile parts mixed in (``tests/hostile_inputs.py``). A bounded run (about a minute in all);
``bench/fuzz.py`` runs the same properties over 100,000 examples and more."""

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.pipeline import Cleaner
from hostile_inputs import (
    assert_batch_properties, assert_check_properties, assert_clean_properties, assert_fix_file_properties,
    chain_texts, file_bytes, html_pages, news_texts, record_lines,
)

BOUNDED = settings(max_examples=150, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CLEANER = Cleaner()
UNSAFE = Cleaner(unsafe_fixes=True)


@BOUNDED
@given(news_texts())
def test_clean_keeps_its_promises_on_hostile_text(text):
    assert_clean_properties(CLEANER, text, kind="text")


@settings(BOUNDED, max_examples=100)
@given(news_texts())
def test_clean_with_unsafe_fixes_keeps_its_promises(text):
    assert_clean_properties(UNSAFE, text, kind="text")


@settings(BOUNDED, max_examples=60)
@given(html_pages())
def test_clean_keeps_its_promises_on_hostile_html(page):
    assert_clean_properties(CLEANER, page, kind="html")


@settings(BOUNDED, max_examples=60)
@given(news_texts())
def test_check_keeps_its_promises(text):
    assert_check_properties(CLEANER, text)


@settings(BOUNDED, max_examples=100)
@given(file_bytes())
def test_fix_on_files_loses_nothing_and_is_idempotent(suffix_and_bytes):
    suffix, data = suffix_and_bytes
    with tempfile.TemporaryDirectory() as folder:
        assert_fix_file_properties(CLEANER, folder, suffix, data)


@settings(BOUNDED, max_examples=100)
@given(record_lines())
def test_a_batch_line_becomes_a_record_or_a_reject_with_its_reason(raw):
    assert_batch_properties(CLEANER, raw)


@settings(BOUNDED, max_examples=30)
@given(st.sampled_from(["http://[bad", "http://[::1", "http://:99999", "https://exa mple.org/", "http://a:b:c"]),
       news_texts(max_pieces=3))
def test_a_bad_url_is_an_input_error_never_a_crash(url, text):
    assert_clean_properties(CLEANER, text, url=url)


@settings(BOUNDED, max_examples=40)
@given(chain_texts())
def test_fix_reaches_its_fixed_point_where_one_repair_makes_the_next(text):
    """Repeated runs of mojibake and quotation characters, paragraphs of mixed marks (``bench/fuzz.py
    --only chain-text chain-text-unsafe`` runs thousands)."""
    assert_clean_properties(UNSAFE, text, kind="text")
