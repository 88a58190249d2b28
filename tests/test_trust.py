"""What a repository's config may not do on its own: send articles off the machine, or read files
outside the project. The person running news-cleaner opts in, or names the path themselves."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cleaner.checks import languagetool
from cleaner.config import load_settings
from cleaner.errors import ConfigError

ARTICLE = "The city council approved the budget on Tuesday after a long debate about schools.\n"


class _Recorder(BaseHTTPRequestHandler):
    """A LanguageTool stand-in that only records which paths were asked for."""

    paths: list = []

    def log_message(self, *args):
        pass

    def _reply(self, body: bytes):
        type(self).paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._reply(b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]')

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self._reply(b'{"software": {"name": "LanguageTool"}, "language": {"code": "en-US"}, "matches": []}')


@pytest.fixture()
def repo_with_server(tmp_path, monkeypatch):
    """A project whose config points [languagetool] url at a local server; yields the recorded paths."""
    monkeypatch.delenv("NEWS_CLEANER_ALLOW_LANGUAGETOOL", raising=False)
    _Recorder.paths = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    (tmp_path / "news-cleaner.toml").write_text(f'select = ["LT"]\n[languagetool]\nurl = "{url}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    yield _Recorder.paths
    httpd.shutdown()
    httpd.server_close()
    languagetool.clear_clients()


def test_a_repository_languagetool_url_is_not_contacted_without_opt_in(cli, repo_with_server):
    code, out, err = cli("check", "--no-cache", "a.txt")
    assert code == 0
    assert repo_with_server == []  # nothing was sent
    assert "news-cleaner.toml sets [languagetool] url" in err
    assert "--allow-languagetool" in err and "NEWS_CLEANER_ALLOW_LANGUAGETOOL=1" in err


def test_the_allow_languagetool_flag_opts_in(cli, repo_with_server):
    code, _, err = cli("check", "--no-cache", "--allow-languagetool", "a.txt")
    assert code == 0, err
    assert "/v2/check" in repo_with_server
    assert "sets [languagetool] url" not in err


def test_the_environment_variable_opts_in(cli, repo_with_server, monkeypatch):
    monkeypatch.setenv("NEWS_CLEANER_ALLOW_LANGUAGETOOL", "1")
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert code == 0, err
    assert "/v2/check" in repo_with_server


def test_a_cached_result_without_languagetool_is_not_reused_once_opted_in(cli, repo_with_server):
    cli("check", "a.txt")
    assert repo_with_server == []
    cli("check", "--allow-languagetool", "a.txt")
    assert "/v2/check" in repo_with_server


def test_config_show_says_the_url_is_not_used(cli, repo_with_server):
    code, out, _ = cli("config", "--show")
    assert code == 0
    assert "# LanguageTool checks skipped" in out


# -- extend-rules: a config file's packs stay inside its project ------------------------------------

PACK = '[[rule]]\ncode = "B901"\nmessage = "house footer"\npattern = "^Printed from the house archive$"\n'


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("named", ["../outside/house.toml", "{outside}/house.toml", "link.toml"])
def test_a_config_file_may_not_load_a_pack_from_outside_its_folder(tmp_path, named):
    outside = _write(tmp_path / "outside" / "house.toml", PACK).parent
    project = tmp_path / "project"
    project.mkdir()
    (project / "link.toml").symlink_to(outside / "house.toml")  # a link out of the project is outside too
    name = named.format(outside=outside)
    config = _write(project / "news-cleaner.toml", f'extend-rules = ["{name}"]\n')
    with pytest.raises(ConfigError) as error:
        load_settings(str(config))
    message = str(error.value)
    assert str(config) in message and name in message and "outside the project" in message


def test_a_pack_inside_the_project_loads_and_runs(cli, tmp_path):
    _write(tmp_path / "rules" / "house.toml", PACK)
    _write(tmp_path / "news-cleaner.toml", 'extend-rules = ["rules/house.toml"]\n')
    _write(tmp_path / "a.txt", "The council met on Tuesday.\n\nPrinted from the house archive\n")
    code, out, err = cli("check", "--no-cache", "--select", "B", "a.txt")
    assert code == 1, err
    assert "B901" in out


def test_a_pack_given_on_the_command_line_may_be_anywhere(cli, tmp_path):
    pack = _write(tmp_path / "elsewhere" / "house.toml", PACK)
    _write(tmp_path / "project" / "a.txt", "The council met on Tuesday.\n\nPrinted from the house archive\n")
    code, out, err = cli("check", "--no-cache", "--select", "B", "--extend-rules", str(pack), "project/a.txt")
    assert code == 1, err
    assert "B901" in out


def test_a_refused_pack_is_a_config_error_on_the_command_line(cli, tmp_path):
    _write(tmp_path / "news-cleaner.toml", 'extend-rules = ["/etc/passwd"]\n')
    _write(tmp_path / "a.txt", ARTICLE)
    code, _, err = cli("check", "--no-cache", "a.txt")
    assert code == 2
    assert "'/etc/passwd'" in err and "outside the project" in err
