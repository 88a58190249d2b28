"""Guessing the code page of a file that is not UTF-8: right, or uncertain and then never rewritten."""

from __future__ import annotations

from cleaner.toml_compat import tomllib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner.fileio import decode_bytes
from cleaner.pipeline import Cleaner
from cleaner.runner import process_file

from conftest import FIXTURES

SAMPLES = tomllib.loads((FIXTURES / "encodings" / "sentences.toml").read_text(encoding="utf-8"))
FILLER = ["The council met on Tuesday.", "Officials said more details would follow.", "Prices rose again."]


def test_the_reported_cp1252_files_are_decoded_as_cp1252(cli, tmp_path):
    (tmp_path / "c.txt").write_bytes(b"The na\xefve plan, said Zo\xeb, was a d\xe9j\xe0 vu for the se\xf1or.\n")
    (tmp_path / "d.txt").write_bytes(b"The cr\xe8me br\xfbl\xe9e was served.\n")
    code, out, _ = cli("fix", "--no-cache", "--select", "E007", str(tmp_path / "c.txt"), str(tmp_path / "d.txt"))
    assert code == 0, out
    assert (tmp_path / "c.txt").read_text("utf-8") == "The naïve plan, said Zoë, was a déjà vu for the señor.\n"
    assert (tmp_path / "d.txt").read_text("utf-8") == "The crème brûlée was served.\n"


def test_sample_sentences_are_decoded_right_and_nearly_all_with_certainty():
    """Not only 'never wrong': on ordinary sentences the guess is nearly always certain (a sentence whose
    only word that two code pages read apart is short, like 'déjà' against 'déjŕ', may stay uncertain)."""
    certain = total = 0
    for language, sample in SAMPLES.items():
        for codec in sample["codecs"]:
            for sentence in sample["sentences"]:
                source = decode_bytes(sentence.encode(codec), "a.txt")
                assert source.text == sentence or source.rivals, (language, codec, source.encoding)
                certain += not source.rivals
                total += 1
    assert certain / total >= 0.9, f"{certain} of {total} certain"


def test_an_uncertain_file_is_reported_with_its_candidates_and_never_written(cli, tmp_path):
    path = tmp_path / "name.txt"
    data = b"Xq\xf8zt spoke.\n"  # one word that is no word in any code page
    path.write_bytes(data)
    code, out, _ = cli("fix", "--no-cache", "--unsafe-fixes", str(path))
    assert "E007 file is not valid UTF-8 and its encoding is uncertain: cp1252 or cp1250" in out
    assert path.read_bytes() == data


@pytest.mark.parametrize("word", ["економі", "Україні", "мої", "її"])
def test_a_koi8_u_word_with_a_letter_koi8_r_lacks_is_never_written_as_koi8_r(cli, tmp_path, word):
    """KOI8-R reads KOI8-U's і ї є ґ as box-drawing pieces, and "економ" + "╕" looked like a real word
    plus a symbol (found by hypothesis): a letter glued to a frame piece is no word."""
    path = tmp_path / "uk.txt"
    data = f"{word}\n".encode("koi8_u")
    path.write_bytes(data)
    cli("fix", "--no-cache", "--select", "E007", str(path))
    assert path.read_bytes() in (data, f"{word}\n".encode("utf-8"))


@st.composite
def legacy_files(draw):
    """(original text, its bytes): sentences of one language, words dropped, cut or repeated, ASCII filler
    between them, encoded with one of the language's code pages."""
    language = draw(st.sampled_from(sorted(SAMPLES)))
    codec = draw(st.sampled_from(SAMPLES[language]["codecs"]))
    parts = []
    for sentence in draw(st.lists(st.sampled_from(SAMPLES[language]["sentences"]), min_size=1, max_size=4)):
        words = sentence.split()
        keep = draw(st.lists(st.integers(0, len(words) - 1), min_size=1, max_size=len(words)))
        chosen = [words[i] for i in keep]
        if draw(st.booleans()):  # a cut word is no word in any language
            i = draw(st.integers(0, len(chosen) - 1))
            chosen[i] = chosen[i][: draw(st.integers(1, max(1, len(chosen[i]))))]
        parts.append(" ".join(chosen))
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(FILLER)))
    text = "\n\n".join(parts) + "\n"
    return text, text.encode(codec)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(legacy_files())
def test_a_legacy_file_is_decoded_right_or_reported_uncertain(sample):
    text, data = sample
    assume(not _valid_utf8(data))  # bytes valid as UTF-8 are UTF-8: see the test below
    source = decode_bytes(data, "a.txt")
    assert source.text == text or source.rivals, (source.encoding, source.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(legacy_files())
def test_fix_never_writes_a_decoding_that_differs_from_the_right_one(sample):
    text, data = sample
    report = process_file(Cleaner(select=["E007"]), "a.txt", fix=True, data=data)
    assert report.new_bytes is None or report.new_bytes.decode("utf-8") == text


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_bytes_that_are_valid_utf8_are_read_as_utf8_and_never_rewritten():
    """A few legacy bytes can happen to be valid UTF-8 (KOI8-U "лі" is the bytes of a combining comma,
    found by hypothesis): read as UTF-8, as every decoder does, and the file is left as it is."""
    data = "лі\n".encode("koi8_u")
    assert _valid_utf8(data)
    assert decode_bytes(data, "a.txt").encoding == "utf-8"
    report = process_file(Cleaner(select=["E007"]), "a.txt", fix=True, data=data)
    assert report.new_bytes is None
