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


@pytest.mark.parametrize("data", [b"\x00PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20, bytes(range(256)) * 4,
                                  "a\x01b".encode("utf-16-le") * 50])
def test_binary_data_with_nul_bytes_is_still_refused(cli, tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert code == 2 and "binary file (NUL bytes), not an article" in err


def _compressed(kind: str, data: bytes) -> bytes:
    import bz2
    import gzip
    import io
    import lzma
    import zipfile

    if kind == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("articles.jsonl", data)
        return buffer.getvalue()
    return {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[kind](data)


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("kind, name, hint", [
    ("gz", "gzip-compressed file", "news-cleaner batch articles.jsonl.gz -o OUT.jsonl"),
    ("zip", "zip archive", "extract the articles"),
    ("bz2", "bzip2-compressed file", "bunzip2 -k articles.jsonl.bz2"),
    ("xz", "xz-compressed file", "unxz -k articles.jsonl.xz"),
])
def test_a_compressed_file_is_refused_by_its_name_and_kept_and_the_others_are_checked(cli, tmp_path, command, kind, name, hint):
    """``check articles.jsonl.gz`` said 'binary file (NUL bytes)' and suggested converting UTF-16: the error names
    the format and what to do (``batch`` reads .gz), the file keeps its bytes, the run goes on to the next file."""
    records = b'{"id": 1, "text": "The  mayor spoke on Tuesday."}\n'
    data = _compressed(kind, records)
    path = tmp_path / f"articles.jsonl.{kind}"
    path.write_bytes(data)
    (tmp_path / "b.txt").write_text("The  council met on Monday.\n", encoding="utf-8")
    code, out, err = cli(command, "--no-cache", "--select", "E006", path.name, "b.txt")
    assert code == 2 and "Traceback" not in err
    assert f"{path.name}: {name}" in err and "not an article: " in err and hint in err
    assert "UTF-16" not in err and "NUL" not in err
    assert path.read_bytes() == data
    assert ("b.txt:1:4: E006" in out) if command == "check" else (tmp_path / "b.txt").read_text() == "The council met on Monday.\n"


def test_a_pdf_with_no_nul_byte_is_refused_not_read_as_an_article(cli, tmp_path):
    """Its binary streams read as a legacy code page: check reported E006 and E007 in it, fix guessed codecs."""
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 >>\nstream\nBT (Hello  world) Tj ET\nendstream\n"
    (tmp_path / "a.pdf").write_bytes(data)
    code, out, err = cli("fix", "--no-cache", "a.pdf")
    assert code == 2 and "a.pdf: PDF document, not an article: extract its text first" in err and "E00" not in out
    assert (tmp_path / "a.pdf").read_bytes() == data


def test_a_text_that_starts_like_a_format_is_still_an_article(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("%PDF-1.7 is the version the  archive asks for.\n", encoding="utf-8")
    code, _, _ = cli("fix", "--no-cache", "--select", "E006", "a.txt")
    assert code == 0 and path.read_text(encoding="utf-8") == "%PDF-1.7 is the version the archive asks for.\n"


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


@pytest.mark.parametrize("data, name", [(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "executable (ELF)"),
                                        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(255, -1, -1)) * 8, "PNG image"),
                                        ("Мэр\x01заявил".encode("utf-16-le") * 40, None)])
def test_binary_data_is_refused_with_how_to_convert_text_that_was_not_recognised(cli, tmp_path, data, name):
    (tmp_path / "a.txt").write_bytes(data)
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert (tmp_path / "a.txt").read_bytes() == data
    if name is not None:  # a format its leading bytes name: said so, with no hint about UTF-16
        assert code == 2 and f"a.txt: {name}, not an article" in err and "UTF-16" not in err
        return
    assert code == 2 and "binary file (NUL bytes), not an article" in err
    assert "convert it to UTF-8 first, e.g. `iconv -f UTF-16LE -t UTF-8" in err


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


@pytest.mark.parametrize("kind", ["zip", "bz2", "xz"])
def test_batch_refuses_a_compressed_file_it_cannot_read_by_its_name(cli, tmp_path, kind):
    """Each "line" of a zip, bzip2 or xz file was rejected as bad JSON, one reject per line of bytes."""
    data = _compressed(kind, b'{"id": 1, "text": "The  mayor spoke."}\n')
    (tmp_path / "in.data").write_bytes(data)
    code, _, err = cli("batch", "in.data", "-o", "out.jsonl")
    assert code == 2 and "in.data: " in err and "not JSON Lines: " in err and "invalid JSON" not in err
    assert not (tmp_path / "out.jsonl").exists() and (tmp_path / "in.data").read_bytes() == data


def test_batch_reads_a_gzip_file_whatever_its_name(cli, tmp_path):
    (tmp_path / "in.jsonl").write_bytes(_compressed("gz", b'{"id": 1, "text": "The  mayor spoke."}\n'))
    code, _, err = cli("batch", "in.jsonl", "-o", "out.jsonl", "--select", "E006")
    assert code == 0, err
    assert '"clean_text": "The mayor spoke."' in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_batch_reads_a_pipe_whole(tmp_path):
    """The format is told from the bytes already read: a pipe (``batch <(zcat dump.gz)``) is read once."""
    import os
    import threading

    from cleaner.batch import open_input

    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    lines = [f'{{"id": {i}, "text": "The mayor spoke on day {i}."}}\n' for i in range(2_000)]  # ~100 KB
    writer = threading.Thread(target=lambda: fifo.write_text("".join(lines), encoding="utf-8"))
    writer.start()
    with open_input(str(fifo)) as stream:
        assert stream.read() == "".join(lines)
    writer.join()
