"""The LanguageTool adapter against a local HTTP server speaking LanguageTool's /v2 API."""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cleaner import Cleaner
from cleaner.checks import languagetool

TEXT = "Rami Abdurrahman go to the market every day. He said 😀 it were fine."


class _Handler(BaseHTTPRequestHandler):
    requests: list = []
    delay = 0.0
    languages_asked = 0

    def log_message(self, *args):
        pass

    def _json(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (the timeout test)
            pass

    def do_GET(self):
        if self.path == "/v2/languages":
            type(self).languages_asked += 1
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self.send_error(404)

    def do_POST(self):
        if self.path != "/v2/check":
            self.send_error(404)
            return
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        type(self).requests.append(form)
        time.sleep(type(self).delay)
        text = form["text"][0]
        matches = []

        def utf16(i):  # LanguageTool counts UTF-16 code units
            return len(text[:i].encode("utf-16-le")) // 2

        def context(i, length):  # LanguageTool's context: the text around the match (here, all of it)
            return {"text": text, "offset": utf16(i), "length": length}

        i = text.index("Abdurrahman")
        matches.append({"message": "Possible spelling mistake found.", "offset": utf16(i), "length": 11,
                        "context": context(i, 11),
                        "replacements": [{"value": "Abdur Rahman"}],
                        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                                 "category": {"id": "TYPOS", "name": "Possible Typo"}}})
        i = text.index("go to")
        matches.append({"message": "The verb 'go' does not agree with the subject.", "offset": utf16(i), "length": 2,
                        "context": context(i, 2),
                        "replacements": [{"value": "goes"}, {"value": "went"}],
                        "rule": {"id": "HE_VERB_AGR", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "Grammar"}}})
        i = text.index("were fine")
        matches.append({"message": "Did you mean 'was'?", "offset": utf16(i), "length": 4,
                        "context": context(i, 4),
                        "replacements": [{"value": "was"}],
                        "rule": {"id": "IT_VBZ", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "Grammar"}}})
        self._json({"software": {"name": "LanguageTool", "version": "6.4"}, "language": {"code": "en-US"}, "matches": matches})


@pytest.fixture()
def server():
    _Handler.requests = []
    _Handler.delay = 0.0
    _Handler.languages_asked = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    languagetool.clear_clients()


def test_matches_become_lt_findings_and_names_are_dropped(server):
    config = {"languagetool": {"url": server, "disabled-rules": ["EN_QUOTES"], "disabled-categories": ["STYLE"]}}
    findings = [f for f in Cleaner(config, select=["LT"]).check(TEXT).findings]
    codes = [f.code for f in findings]
    assert codes == ["LT:HE_VERB_AGR", "LT:IT_VBZ"]  # the speller's match on a name is dropped
    go, were = findings
    assert TEXT[go.start:go.end] == "go" and go.suggestion == "goes" and go.fix == "unsafe"
    # offsets after the emoji are converted from UTF-16 units to code points
    assert TEXT[were.start:were.end] == "were" and were.suggestion == "was"
    sent = _Handler.requests[0]
    assert sent["language"] == ["en-US"]
    assert sent["disabledRules"] == ["EN_QUOTES"] and sent["disabledCategories"] == ["STYLE"]


def test_one_client_per_process_through_language_tool_python(server):
    import language_tool_python

    a = languagetool.client(server, 5.0)
    assert languagetool.client(server, 5.0) is a
    cleaner = Cleaner({"languagetool": {"url": server}}, select=["LT"])
    cleaner.check(TEXT)
    cleaner.check(TEXT)
    assert len(_Handler.requests) == 2
    assert _Handler.languages_asked == 1  # the client was made once, and asked the server's languages then
    tool = languagetool.client(server, 10.0)._tool
    assert isinstance(tool, language_tool_python.LanguageTool) and tool.is_remote
    assert tool._TIMEOUT == 10.0  # our timeout, not language-tool-python's 300 s


def test_our_timeout_skips_with_a_notice(server):
    _Handler.delay = 1.5
    result = Cleaner({"languagetool": {"url": server, "timeout": 0.3}}, select=["LT"]).check(TEXT)
    assert result.findings == []
    assert any("LanguageTool checks skipped" in n for n in result.notices)


def test_unreachable_server_is_a_notice_not_a_crash():
    result = Cleaner({"languagetool": {"url": "http://127.0.0.1:9/"}}, select=["LT"]).check(TEXT)
    assert result.findings == [] and any("LanguageTool" in n for n in result.notices)
    languagetool.clear_clients()


def test_without_url_nothing_is_contacted():
    result = Cleaner(select=["LT"]).check(TEXT)
    assert result.findings == []
    assert any("no [languagetool] url" in n for n in result.notices)


def test_bad_url_is_a_clear_error():
    with pytest.raises(languagetool.LanguageToolError, match="http"):
        languagetool.LanguageToolClient("ftp://example.org")


def test_without_the_extra_lt_is_skipped_with_a_notice_naming_it(server, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # as if the extra were not installed
    result = Cleaner({"languagetool": {"url": server}}, select=["LT"]).check(TEXT)
    assert result.findings == [] and _Handler.requests == []
    assert any("news-cleaner[languagetool]" in n for n in result.notices)
