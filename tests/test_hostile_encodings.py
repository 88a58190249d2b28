"""Other encodings than issue 17's cp1252 reproducer: UTF-16 and UTF-32, with and without a byte-order
mark, were 'binary file (NUL bytes), not an article' (without a mark) or an uncertain guess between
utf_16 and cp1252 (with one); Mac Roman and DOS Latin text must never be rewritten as something else."""

from __future__ import annotations

import pytest

from cleaner.fileio import decode_bytes
from cleaner.toml_compat import tomllib

from conftest import FIXTURES

TEXT = "The naïve plan, said Zoë, was a déjà vu for the señor at the café; it cost 5 €.\n" * 3


@pytest.mark.parametrize("codec", ["utf_16_le", "utf_16_be", "utf_16", "utf_32_le", "utf_32_be", "utf_32"])
def test_utf16_and_utf32_are_read_and_fixed_to_the_same_text_in_utf8(cli, tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(codec))
    code, out, err = cli("check", "--no-cache", "--select", "E007", "a.txt")
    assert code == 1 and "Traceback" not in err
    assert "E007 [*] file is not valid UTF-8; decoded as utf_" in out
    code, _, _ = cli("fix", "--no-cache", "--select", "E007", "a.txt")
    assert code == 0 and path.read_bytes() == TEXT.encode("utf-8")


@pytest.mark.parametrize("codec, bom", [("utf_16_le", b""), ("utf_16_be", b"\xfe\xff"), ("utf_32_be", b"")])
def test_a_fix_without_e007_keeps_the_files_encoding_and_mark(cli, tmp_path, codec, bom):
    path = tmp_path / "a.txt"
    mark = "\ufeff".encode(codec) if bom else b""
    path.write_bytes(mark + "The  mayor spoke.\n".encode(codec))
    code, _, _ = cli("fix", "--no-cache", "--select", "E006", "a.txt")
    assert code == 0 and path.read_bytes() == mark + "The mayor spoke.\n".encode(codec)


@pytest.mark.parametrize("data", [b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20, bytes(range(256)) * 4,
                                  "a\x01b".encode("utf-16-le") * 50])
def test_binary_data_with_nul_bytes_is_still_refused(cli, tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert code == 2 and "binary file (NUL bytes), not an article" in err


@pytest.mark.parametrize("codec", ["mac_roman", "cp850", "iso8859_15", "latin_1"])
def test_other_western_code_pages_are_decoded_right_or_left_alone(cli, tmp_path, codec):
    text = TEXT.replace("€", "E") if codec in {"mac_roman", "cp850", "latin_1"} else TEXT
    data = text.encode(codec)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    cli("fix", "--no-cache", "--select", "E007", "a.txt")
    assert path.read_bytes() in (data, text.encode("utf-8"))  # never a wrong decoding written back


ASIAN = {"iso2022_jp": "市長は、二年間の工事の後、橋は五月に開通すると述べた。\n" * 3,
         "iso2022_kr": "시장은 2년간의 공사 끝에 다리가 5월에 개통될 것이라고 말했다.\n" * 3}


@pytest.mark.parametrize("codec", sorted(ASIAN))
def test_iso2022_text_is_read_by_its_escapes_not_rewritten_as_ascii_garbage(cli, tmp_path, codec):
    """7-bit ISO-2022 is valid ASCII: read as UTF-8, ``fix`` deleted its escape characters and wrote
    the rest back, a Japanese article turned into ``;TD9$O!"Fs`` and the like."""
    text, path = ASIAN[codec], tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    code, out, err = cli("check", "--no-cache", "--select", "E", "a.txt")
    assert "E007 [*] file is not valid UTF-8; decoded as iso2022_" in out and "Traceback" not in err
    cli("fix", "--no-cache", "a.txt")
    assert path.read_bytes().decode("utf-8") == text


def test_a_file_of_uncertain_encoding_counts_nothing_fixed(cli, tmp_path):
    """It is never rewritten (``test_encoding_guess``), so what a fix would change is left, not fixed:
    an EUC-KR article said 'Found 3 (2 fixed, 1 remaining)' and stayed as it was."""
    data = b"Xq\xf8zt  spoke.\n"  # one word that is no word in any code page, then a double space
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    code, out, _ = cli("fix", "--no-cache", "a.txt")
    assert "encoding is uncertain" in out and path.read_bytes() == data
    assert "(0 fixed," in out and "E006" in out  # the double space: reported, not fixed


WIDE = tomllib.loads((FIXTURES / "encodings" / "wide.toml").read_text(encoding="utf-8"))
WIDE_CODECS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


@pytest.mark.parametrize("codec", WIDE_CODECS)
@pytest.mark.parametrize("language", sorted(WIDE))
def test_utf16_and_utf32_of_other_scripts_without_a_mark_are_read_right(language, codec):
    """Cyrillic, Greek, CJK, Arabic... in UTF-16/32 with no byte-order mark were refused as binary: a
    NUL is then only the high byte of a space or a digit, so the Latin NUL pattern does not fit.
    One sentence, one word, and several paragraphs: each decodes to exactly its text, with no rival."""
    sentences = WIDE[language]["sentences"]
    for text in (sentences[0] + "\n", sentences[1].split()[0] + "\n", "\n\n".join(sentences) + "\n"):
        source = decode_bytes(text.encode(codec), "a.txt")
        assert (source.text, source.encoding, source.bom, source.rivals) == (text, codec, False, ())


@pytest.mark.parametrize("language, codec", [("ru", "utf_16_le"), ("el", "utf_16_be"), ("zh", "utf_16_be"),
                                             ("ja", "utf_32_le"), ("ar", "utf_16_le")])
def test_check_reports_and_fix_rewrites_markless_wide_text_as_the_same_text_in_utf8(cli, tmp_path, language, codec):
    text = "\n\n".join(WIDE[language]["sentences"]) + "\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    code, out, err = cli("check", "--no-cache", "--select", "E007", "a.txt")
    assert code == 1 and f"E007 [*] file is not valid UTF-8; decoded as {codec}" in out, (out, err)
    code, _, _ = cli("fix", "--no-cache", "--select", "E007", "a.txt")
    assert code == 0 and path.read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize("data", [b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
                                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(255, -1, -1)) * 8,
                                  "Мэр\x01заявил".encode("utf-16-le") * 40])
def test_binary_data_is_refused_with_how_to_convert_text_that_was_not_recognised(cli, tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert code == 2 and "binary file (NUL bytes), not an article" in err
    assert "convert it to UTF-8 first, e.g. `iconv -f UTF-16LE -t UTF-8" in err and (tmp_path / "a.txt").read_bytes() == data


def test_a_file_to_re_encode_is_not_said_to_lose_text(cli, tmp_path):
    """E007's fix re-encodes the file; its edit is empty and deletes nothing, yet the report read
    ``E007 [*] file is not valid UTF-8; decoded as cp1252 (fix writes it back as UTF-8) -> (delete)``."""
    (tmp_path / "a.txt").write_bytes(TEXT.encode("cp1252"))
    for form in ("text", "github"):
        code, out, _ = cli("check", "--no-cache", "--select", "E007", "--format", form, "a.txt")
        line = next(line for line in out.splitlines() if "E007" in line)
        assert code == 1 and line.endswith("(fix writes it back as UTF-8)") and "(delete)" not in out
    from cleaner.report import suggestion_html

    assert suggestion_html({"code": "E007", "start": 0, "end": 0, "suggestion": ""}) == "-"
    assert suggestion_html({"code": "B001", "start": 0, "end": 6, "suggestion": ""}) == "<em>(delete)</em>"
