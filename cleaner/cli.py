"""The command line: ``news-cleaner check|fix|clean|rules|rule|config`` (ruff's shape).

Exit codes: 0 nothing left; 1 findings remain, ``--diff`` non-empty, or a score under
``--fail-under``; 2 usage or config error, or an unreadable input (the run goes on with other files).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from typing import Optional, Sequence

from . import __version__, snapshot, surrogates
from .atomic import signals_end_the_run
from .codes import FAMILIES, all_codes, lookup
from .config import apply_mapping, load_settings, toml_value
from .errors import CleanerError, ConfigError
from .output import one_line
from .pipeline import Cleaner

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 already; keep its message on one line
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


REPORT_FORMATS = {"text": "text (default)", "json": "json", "jsonl": "jsonl", "github": "github (workflow annotations)",
                  "sarif": "sarif (2.1.0)", "html": "html (a visual report)"}


def _common(parser: argparse.ArgumentParser, formats: tuple = tuple(REPORT_FORMATS)) -> None:
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to enable (ALL for all)")
    parser.add_argument("--extend-select", metavar="CODES", help="codes or prefixes to enable on top of select")
    parser.add_argument("--ignore", metavar="CODES", help="codes or prefixes to disable")
    parser.add_argument("--config", metavar="FILE", help="read settings from this file instead of discovering one")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument("--format", dest="output_format", choices=formats, default="text",
                        help=", ".join(REPORT_FORMATS[name] for name in formats))
    parser.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only findings (no summary, no notices)")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name (and so the type) of input read from '-'")
    _trust_options(parser)


def _trust_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--extend-rules", action="append", metavar="FILE",
                        help="also load this rule pack (any path; a config file's packs must be inside its folder)")
    parser.add_argument("--allow-languagetool", action="store_true",
                        help="let a config file's [languagetool] url receive the articles (also: "
                             "NEWS_CLEANER_ALLOW_LANGUAGETOOL=1)")


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files or directories; - for stdin")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    parser.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when fix changed anything")
    parser.add_argument("--fail-under", type=float, metavar="SCORE", help="exit 1 when an article scores under SCORE")
    parser.add_argument("--statistics", action="store_true", help="print counts per code instead of findings")
    parser.add_argument("--force-exclude", action="store_true", help="apply exclude to files named explicitly too")
    parser.add_argument("--text-field", metavar="NAME", help="JSONL field holding the article text")
    parser.add_argument("--html-field", metavar="NAME", help="JSONL field holding the article HTML")
    parser.add_argument("--unsafe-fixes", action="store_true", default=None,
                        help="also apply (fix) or count as fixable (check) the unsafe fixes")
    parser.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false")
    parser.add_argument("--no-learn", action="store_true",
                        help="skip the first pass that learns each site's repeated lines (B011) across the files")
    parser.add_argument("--timeout-per-file", type=float, metavar="SEC",
                        help="report a file that takes longer than SEC seconds (with the reason) and go on")
    _run_options(parser)


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    parser.add_argument("--cache-dir", metavar="DIR", help="where the cache lives (default .news_cleaner_cache)")


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number, not {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="news-cleaner", description="Clean scraped news articles and say how trustworthy each one is.")
    parser.add_argument("--version", action="version", version=f"news-cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="report findings; never writes")
    _common(check)
    _file_options(check)

    fix = sub.add_parser("fix", help="apply safe fixes in place (atomic)")
    _common(fix)
    _file_options(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff of the fixes; write nothing")
    fix.add_argument("--show-fixes", action="store_true", help="list the fixes applied")

    clean = sub.add_parser("clean", help="filter: HTML or text in, cleaned text (or --format json) out")
    _common(clean, formats=("text", "json", "jsonl"))
    clean.add_argument("path", nargs="?", default="-", metavar="PATH")
    clean.add_argument("--url", help="the article's URL (metadata, site grouping)")
    clean.add_argument("--unsafe-fixes", action="store_true", default=None)

    _batch_parser(sub)

    report = sub.add_parser("report", help="build the HTML report from a finished run's output (no re-cleaning)")
    report.add_argument("inputs", nargs="+", metavar="JSONL",
                        help="batch output (.jsonl, .jsonl.gz or a dask output folder) or check --format jsonl findings")
    report.add_argument("--output", "-o", required=True, metavar="FILE", help="the HTML file to write (- for stdout)")
    report.add_argument("--rejects", metavar="FILE", help="the run's rejects file (counted with their reasons)")
    report.add_argument("--summary-json", metavar="FILE", help="the run's --summary-json (its time is shown)")
    report.add_argument("--output-field", default="clean_text", metavar="NAME", help="field with the cleaned text (default: clean_text)")
    report.add_argument("--text-field", metavar="NAME", help="field with the original text (default: text, body, articleBody, content)")
    report.add_argument("--id-field", default="id", metavar="NAME", help="field naming a record (default: id)")

    sub.add_parser("rules", help="list every rule code")
    rule = sub.add_parser("rule", help="explain one rule code")
    rule.add_argument("code")
    rule.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")

    config = sub.add_parser("config", help="show the effective settings and where each came from")
    config.add_argument("--show", action="store_true", default=True)
    config.add_argument("--config", metavar="FILE")
    config.add_argument("--isolated", action="store_true")
    return parser


def _split(value: Optional[str]) -> Optional[list]:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _settings(args):
    overrides = {
        "select": _split(getattr(args, "select", None)),
        "extend-select": _split(getattr(args, "extend_select", None)),
        "ignore": _split(getattr(args, "ignore", None)),
        "unsafe-fixes": getattr(args, "unsafe_fixes", None),
        "fail-under": getattr(args, "fail_under", None),
        "timeout-per-file": getattr(args, "timeout_per_file", None),
    }
    codes = {key: overrides.pop(key) for key in ("select", "extend-select", "ignore")}
    settings = load_settings(args.config, isolated=args.isolated, overrides=overrides)
    if getattr(args, "extend_rules", None):  # added to the config's packs; the person running it chose them
        codes["extend-rules"] = settings.extend_rules + args.extend_rules
    # one mapping, so --select and --ignore may name a code the packs of --extend-rules add
    settings = apply_mapping(settings, {k: v for k, v in codes.items() if v is not None}, "command line")
    settings.allow_languagetool = bool(getattr(args, "allow_languagetool", False))
    return settings


#: The command's garbage-collector thresholds. CPython's default (700, 10, 10) collects the young
#: objects every 700 allocations and often traverses everything alive, word lists and gazetteer
#: included: about a tenth of the CPU of a cold check and of cleaning each article. At 20,000 the
#: collections are thirty times rarer and peak memory stays where it was (mypy's 200,000 saved a few
#: per cent more CPU but added ~30 MB a process in ``batch``). Only the command sets them: the
#: library leaves its host's collector alone.
GC_THRESHOLDS = (20_000, 20, 20)


def main(argv: Optional[Sequence[str]] = None) -> int:
    gc.set_threshold(*GC_THRESHOLDS)
    parser = build_parser()
    args = parser.parse_args(argv)
    _names_keep_their_bytes()
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        with signals_end_the_run():  # SIGTERM/SIGHUP: temporary files removed, workers stopped, exit 128+N
            return _dispatch(args)
    except (ConfigError, CleanerError, UsageError) as exc:
        print(one_line(f"news-cleaner: error: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. `news-cleaner check . | head`
        return EXIT_OK


def run() -> None:
    """The ``news-cleaner`` command (and ``python -m cleaner``): :func:`main`, then the process ends
    without tearing the interpreter down. Freeing the word lists, gazetteer and indexes object by
    object at exit cost a one-file check 0.1 s of its ~0.55 s CPU; by then every output file is closed
    (each is written in a ``with`` or ``try``/``finally``) and every worker pool shut down, so only
    the standard streams need flushing. :func:`main` itself returns, for callers in a process of
    their own (tests, other tools).

    The process is ours from start to end, so what lives as long as it (the modules imported, the
    start-up snapshot's parts when they load) is frozen out of the garbage collector's walks
    (``gc.freeze``): a one-article ``check`` spent about 0.04 s of 0.26 s CPU walking them."""
    gc.freeze()
    snapshot.freeze_loaded_parts()
    code = main()
    snapshot.save_learned()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or broken pipe: nothing more can reach it
            pass
    os._exit(code if isinstance(code, int) else EXIT_ERROR)


def _names_keep_their_bytes() -> None:
    """Print a file name that is not valid UTF-8 with its own bytes instead of failing with
    UnicodeEncodeError (Python does so by itself only in its UTF-8 mode or the C locale)."""
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
            try:
                stream.reconfigure(errors=surrogates.ERRORS)
            except (AttributeError, ValueError, OSError):  # a captured or replaced stream: left as it is
                pass


def _dispatch(args) -> int:
    if args.command == "rules":
        for code, doc in all_codes().items():
            print(f"{code:6s} {doc.name:32s} {doc.fix:7s} {doc.summary}")
        print(f"{'LT':6s} {'languagetool':32s} {'unsafe':7s} LanguageTool matches (LT:<RULE_ID>) when a server is configured")
        return EXIT_OK
    if args.command == "rule":
        doc = lookup(args.code.upper())  # codes are case-insensitive on input: `rule g001`
        if doc is None:
            known = ", ".join(sorted(all_codes()))
            raise UsageError(f"unknown rule code '{args.code}' (known: {known})")
        if args.output_format == "json":
            print(json.dumps({**vars(doc), "family": FAMILIES.get(doc.family, doc.family)}, indent=2))
        else:
            print(doc.render(), end="")
        return EXIT_OK
    if args.command == "config":
        settings = load_settings(args.config, isolated=args.isolated)
        print(f"# config file: {settings.config_file or '(none: defaults)'}")
        for key, value in sorted(settings.fingerprint_data().items()):
            toml_key = key.replace("_", "-")
            origin = settings.sources.get(toml_key, "default")
            if key == "languagetool":
                value = {k.replace("_", "-"): v for k, v in value.items()}
            written = toml_value(value)
            if written is None:
                print(f"# {toml_key} is not set    # {origin}")
            else:
                print(f"{toml_key} = {written}    # {origin}")
        blocked = settings.languagetool_blocked()
        if blocked:
            print(f"# {blocked}")
        return EXIT_OK
    if args.command == "batch":
        return _batch(args)
    if args.command == "clean":
        return _clean(args)
    if args.command == "report":
        return _report(args)
    return _check_or_fix(args, fix=args.command == "fix")


def _clean(args) -> int:
    settings = _settings(args)
    cleaner = Cleaner(settings)
    from .fileio import decode_bytes, read_input, read_stream

    if args.path == "-":  # decoded as a file is (a cp1252 é was U+FFFD, binary input was cleaned)
        name = args.stdin_filename or "-"
        text = decode_bytes(read_stream(sys.stdin.buffer, settings.max_file_size, name), name).text
    else:
        text, name = read_input(args.path, settings.max_file_size).text, args.path
    kind = "html" if name.lower().endswith((".html", ".htm")) else None
    from . import parts
    from .extract import looks_like_html

    if kind is None and len(text) > parts.PART_CHARS and not args.url and not looks_like_html(text):
        result = parts.run_in_parts(cleaner, text, fix=True, path=None if name == "-" else name)
    else:
        result = cleaner.clean(text, args.url, kind=kind, path=None if name == "-" else name)
    out = _open_output(args.output_file) if args.output_file else sys.stdout
    try:
        if args.output_format in {"json", "jsonl"}:
            out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=None if args.output_format == "jsonl" else 2) + "\n")
        else:
            out.write(result.text if result.text.endswith("\n") else result.text + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        for notice in result.notices:
            print(one_line(f"news-cleaner: {notice}"), file=sys.stderr)
    return EXIT_OK


def _write_fixed_stdin(report, data: bytes, *, rest: bool) -> None:
    """``fix -`` writes to stdout the bytes a fix of a file would write, else the input unchanged: a
    filter in a pipeline (``fix - < a > b``) never turns input it refuses (binary, a bad record, an
    uncertain encoding) into an empty or transcoded output. Input over max-file-size was read only up
    to the limit (``rest``): the rest is copied through after it."""
    import shutil

    sys.stdout.flush()
    sys.stdout.buffer.write(report.new_bytes if report.new_bytes is not None and not report.error else data)
    if rest:
        shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _check_or_fix(args, *, fix: bool) -> int:
    from itertools import chain
    from pathlib import Path

    from .discovery import is_dir, iter_paths
    from .output import summary_line, write_json, write_statistics, write_text
    from .runner import process_file

    settings = _settings(args)
    if args.output_format == "html":
        from .report import ensure_available

        ensure_available()
    started = time.perf_counter()
    cleaner = Cleaner(settings)
    diff_only = fix and getattr(args, "diff", False)
    first = []
    had_error = False
    paths = list(args.paths)
    stdin, rest = b"", False
    if "-" in paths:
        from .fileio import read_stream
        from .runner import FileReport

        name = args.stdin_filename or "-"
        try:
            stdin = read_stream(sys.stdin.buffer, settings.max_file_size, name)
        except CleanerError as exc:  # over max-file-size: what was read is passed through by fix -
            stdin, rest = getattr(exc, "head", b""), hasattr(exc, "head")
            first.append(FileReport(path=name, error=str(exc)))
        else:
            first.append(process_file(cleaner, name, fix=fix, data=stdin, text_field=args.text_field,
                                      html_field=args.html_field, kind=None if args.stdin_filename else "text"))
        paths = [p for p in paths if p != "-"]
    files = list(iter_paths(paths, settings, force_exclude=args.force_exclude))
    if args.output_file:  # the report is no article: never read it, never overwrite one before it is read
        named = [p for p in paths if not is_dir(Path(p))]
        _refuse_overwriting_inputs(named, [("report", args.output_file)], "is also an input: it would overwrite the article")
        files = _without(files, args.output_file)
    for argument in paths:
        from .fileio import resolved_path

        p = Path(argument)
        if is_dir(p) and not any(resolved_path(p) in resolved_path(f).parents for f in files):
            print(one_line(f"news-cleaner: error: {argument}: no article files found (.txt, .md, .html, .jsonl)"), file=sys.stderr)
            had_error = True
    if fix and not diff_only:
        _remove_stale_temps(files, quiet=args.quiet)
    # Reports are written out as the files finish (fix writes each file first, in _Tally.watch), so a
    # run holds a bounded number of them whatever the number of files, and a big file's findings are
    # never all held at once. Only the HTML page takes every report first; GitHub annotations (which
    # give a file with a bad record as its error alone) take a checked file whole, not in pieces.
    stream = args.output_format != "html"
    pieces = stream and (fix or args.output_format != "github")
    tally = _Tally(write=fix and not diff_only)
    reports = tally.watch(chain(first, _run_files(args, cleaner, settings, files, fix=fix, stream=pieces)))
    if not stream:
        reports = list(reports)

    stdin_fix = fix and not diff_only and "-" in args.paths
    # When fixed text goes to stdout (fix -), the report goes to stderr so the two never mix.
    report_stream = sys.stderr if stdin_fix else sys.stdout
    out = _open_output(args.output_file) if args.output_file else report_stream
    try:
        if diff_only:
            wrote, n = False, 0
            for r in reports:  # each file's diff as it comes
                if r.changed or (r.old_text != r.new_text and r.path.endswith((".html", ".htm")) is False):
                    diff_text = r.diff()
                    out.write(diff_text)
                    wrote = wrote or bool(diff_text)
                n += r.changed
            if not args.quiet:
                print(f"Would fix {n} file{'s' if n != 1 else ''}.", file=sys.stderr)
            return EXIT_ERROR if had_error or tally.errors else (EXIT_FINDINGS if wrote and not args.exit_zero else EXIT_OK)
        if stdin_fix and first:  # (the report of standard input, made before the files')
            _write_fixed_stdin(first[0], stdin, rest=rest)
        if args.statistics:
            write_statistics(reports, out)
        elif args.output_format in {"github", "sarif"}:
            from .formats_ci import write_github, write_sarif

            (write_github if args.output_format == "github" else write_sarif)(reports, out, fix_mode=fix)
        elif args.output_format == "html":
            from .report import page_for_files

            out.write(page_for_files(reports, inputs=list(args.paths), settings=settings,
                                     seconds=time.perf_counter() - started))
        elif args.output_format == "text":
            counts = write_text(reports, out, fix_mode=fix, show_fixes=getattr(args, "show_fixes", False),
                                unsafe_fixes=settings.unsafe_fixes)
            if not args.quiet:
                errors = tally.errors + (had_error and not tally.errors)
                print(summary_line(counts, fix_mode=fix, unsafe_fixes=settings.unsafe_fixes, errors=errors), file=out)
                if not fix and counts["remaining"] and not args.output_file:
                    print(report_hint(args.paths), file=out)
        else:
            write_json(reports, out, fix_mode=fix, lines=args.output_format == "jsonl")
    finally:
        if args.output_file:
            out.close()
    if not args.quiet:
        for path, notice in tally.notices:
            print(one_line(f"news-cleaner: {path}: {notice}"), file=sys.stderr)
    counts = tally.counts
    if had_error or tally.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    fail_under = settings.fail_under
    if fail_under is not None and tally.lowest_score < fail_under:
        return EXIT_FINDINGS
    if counts["remaining"]:
        return EXIT_FINDINGS
    if fix and args.exit_non_zero_on_fix and counts["fixed"]:
        return EXIT_FINDINGS
    return EXIT_OK


class _Tally:
    """What the end of a ``check``/``fix`` run needs from reports that are written out as they come:
    each report's error said (and, with ``write``, its fixed file written) as it passes, the findings
    counted, the lowest score and the notices kept; never the reports themselves."""

    def __init__(self, *, write: bool):
        from collections import Counter

        self.write = write
        self.errors = 0
        self.counts: Counter = Counter()
        self.lowest_score = float("inf")
        self.notices: list = []  # (path, notice), each once per file
        self._file_notices: dict = {}  # the notices of the file being read (it may come in pieces)

    def watch(self, reports):
        from .runner import write_report

        for report in reports:
            if report.error:
                print(one_line(f"news-cleaner: error: {report.error}"), file=sys.stderr)
            elif self.write and report.path != "-" and report.changed:
                try:
                    write_report(report)
                except CleanerError as exc:  # a write failure names the path; the run goes on
                    print(one_line(f"news-cleaner: error: {exc}"), file=sys.stderr)
                    report.error = str(exc)
            self.errors += bool(report.error)
            for _, finding in report.findings:  # a file left alone (a bad record, a failed write) fixed nothing
                self.counts["total"] += 1
                self.counts["fixed" if finding.applied and not report.error else "remaining"] += 1
            for outcome in report.articles:
                self.lowest_score = min(self.lowest_score, outcome.result.score)
            self._file_notices.update(dict.fromkeys(report.notices))
            if not report.more:
                self.notices.extend((report.path, notice) for notice in self._file_notices)
                self._file_notices = {}
            yield report


def _batch_parser(sub) -> None:
    batch = sub.add_parser("batch", help="stream JSONL records: cleaned text and verdicts out (constant memory)")
    batch.add_argument("input", metavar="IN", help="JSONL input (.gz is decompressed; - is stdin; fsspec URLs with --engine dask)")
    batch.add_argument("--output", "-o", required=True, metavar="OUT",
                       help="JSONL output (.gz is compressed; - is stdout); with --engine dask also a directory for part files")
    batch.add_argument("--text-field", metavar="NAME", help="field holding the article text (default: text, body, articleBody, content)")
    batch.add_argument("--html-field", metavar="NAME", help="field holding the article HTML (default: html, raw_html, page)")
    batch.add_argument("--id-field", default="id", metavar="NAME", help="field naming a record in the rejects (default: id)")
    batch.add_argument("--output-field", default="clean_text", metavar="NAME", help="field that receives the cleaned text (default: clean_text)")
    batch.add_argument("--rejects", metavar="FILE", help="write records that cannot be processed here, with the reason")
    batch.add_argument("--timeout-per-doc", type=float, metavar="SEC", help="reject a record whose cleaning takes longer")
    batch.add_argument("--no-learn", action="store_true", help="skip the site-boilerplate learning pass")
    batch.add_argument("--learn-limit", type=int, default=2000, metavar="N", help="learn site boilerplate from the first N records (default 2000)")
    batch.add_argument("--engine", choices=["local", "dask"], default="local")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler address (default: a LocalCluster with --jobs workers)")
    batch.add_argument("--blocksize", default="64MiB", metavar="SIZE", help="dask: bytes of input per partition (default 64MiB)")
    batch.add_argument("--summary-json", metavar="FILE", help="also write the end-of-run summary as JSON")
    batch.add_argument("--report", metavar="FILE", help="also write the HTML quality report (read back from the output)")
    batch.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N", help="worker processes (default: the number of cores)")
    batch.add_argument("--select", metavar="CODES")
    batch.add_argument("--extend-select", metavar="CODES")
    batch.add_argument("--ignore", metavar="CODES")
    batch.add_argument("--unsafe-fixes", action="store_true", default=None)
    batch.add_argument("--config", metavar="FILE")
    batch.add_argument("--isolated", action="store_true")
    _trust_options(batch)
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")


def _batch(args) -> int:
    from .batch import BatchOptions, run_batch
    from .pipeline import default_jobs

    settings = _settings(args)
    if args.input != "-":
        _refuse_overwriting_inputs([args.input], [("output", args.output), ("rejects", args.rejects),
                                                  ("summary", args.summary_json), ("report", args.report)],
                                   "cannot be the input file")
    if args.report:
        from .report import ensure_available

        if args.output == "-" or "://" in args.output:
            raise UsageError("--report reads the output back: give -o a local file or folder, not "
                             f"{'-' if args.output == '-' else 'a URL'} (or run `news-cleaner report` on a local copy)")
        ensure_available()
    cleaner = Cleaner(settings)
    opts = BatchOptions(text_field=args.text_field, html_field=args.html_field, id_field=args.id_field,
                        output_field=args.output_field, timeout=args.timeout_per_doc,
                        learn=not args.no_learn, learn_limit=args.learn_limit)
    jobs = args.jobs or default_jobs()

    def notice(message: str) -> None:
        print(one_line(f"news-cleaner: {message}"), file=sys.stderr)

    if args.engine == "dask":
        from .integrations.dask import run_dask

        stats = run_dask(args.input, args.output, cleaner, opts, scheduler=args.scheduler, jobs=jobs,
                         blocksize=args.blocksize, rejects_path=args.rejects, progress=not args.quiet and sys.stderr.isatty(),
                         on_notice=notice)
    else:
        if args.scheduler:
            raise UsageError("--scheduler needs --engine dask")
        stats = run_batch(args.input, args.output, cleaner, opts, jobs=jobs, rejects_path=args.rejects,
                          progress=not args.quiet and sys.stderr.isatty(), on_notice=notice)
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as handle:
            json.dump(stats.to_dict(), handle, indent=2)
            handle.write("\n")
    if not args.quiet:
        print(stats.summary(), file=sys.stderr)
    if args.report:
        from .report import page_for_outputs, write_page

        page, _ = page_for_outputs([args.output], rejects=args.rejects, summary=stats.to_dict(),
                                   run={"inputs": [args.input], "output": args.output, "settings": settings.fingerprint_data()},
                                   output_field=args.output_field, text_field=args.text_field, id_field=args.id_field)
        write_page(args.report, page)
    if stats.rejected and not args.rejects:
        print(f"news-cleaner: {stats.rejected} record(s) could not be processed (reasons above); "
              f"keep them with --rejects FILE", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def report_hint(paths: list) -> str:
    """The line after ``check``'s summary that says how to see the findings as a page."""
    where = " ".join(paths) if len(" ".join(paths)) <= 60 else "PATH..."
    return one_line(f"See them as one HTML page: news-cleaner check {where} --format html -o report.html")


def _report(args) -> int:
    import os

    from .fileio import load_json
    from .report import ensure_available, page_for_outputs, write_page

    ensure_available()
    for path in [*args.inputs, *([args.rejects] if args.rejects else []), *([args.summary_json] if args.summary_json else [])]:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file or folder")
    summary = None
    if args.summary_json:
        with open(args.summary_json, "rb") as handle:
            try:
                summary = load_json(handle.read().decode("utf-8"))
            except json.JSONDecodeError as exc:
                raise UsageError(f"{args.summary_json}: not JSON ({exc.msg})") from None
            except UnicodeDecodeError:
                raise UsageError(f"{args.summary_json}: not JSON (not UTF-8 text)") from None
    page, _ = page_for_outputs(args.inputs, rejects=args.rejects, summary=summary if isinstance(summary, dict) else None,
                               output_field=args.output_field, text_field=args.text_field, id_field=args.id_field)
    write_page(args.output, page)
    return EXIT_OK


def _run_files(args, cleaner, settings, files: list, *, fix: bool, stream: bool = False):
    """The files' reports in input order, each as it is ready: cached where unchanged, the rest over
    ``--jobs`` processes (``stream``: a big file's pieces one by one, see ``filerun.iter_files``)."""
    from .cache import FileCache, resolve_cache_dir
    from .filerun import iter_files
    from .pipeline import default_jobs

    cache = None if args.no_cache else FileCache(resolve_cache_dir(settings, args.cache_dir), settings)
    jobs = args.jobs or default_jobs()
    return iter_files(cleaner, files, fix=fix, jobs=jobs, cache=cache, text_field=args.text_field,
                      html_field=args.html_field, learn=not args.no_learn, timeout=settings.timeout_per_file,
                      stream=stream)


def _remove_stale_temps(files: list, *, quiet: bool) -> None:
    """What a ``kill -9`` of an earlier ``fix`` left beside the files (``.a.txt.<pid>-<random>.tmp``):
    removed with a notice, once per folder."""
    import os

    from .atomic import remove_stale_in

    def notice(message: str) -> None:
        if not quiet:
            print(one_line(f"news-cleaner: {message}"), file=sys.stderr)

    for folder in dict.fromkeys(os.path.dirname(os.path.abspath(path)) for path in files):
        remove_stale_in(folder, notice)


def _refuse_overwriting_inputs(inputs: list, outputs: list, why: str) -> None:
    """A usage error when an output file (``(role, path)``) is one of ``inputs``: ``check a.txt -o a.txt``
    replaced the article by its report, ``batch in.jsonl -o in.jsonl`` the records by the output (the
    rejected ones were then nowhere)."""
    from .atomic import same_file

    for role, path in outputs:
        if path and path != "-" and "://" not in path and any(same_file(path, name) for name in inputs if name != "-"):
            raise UsageError(f"{path}: the {role} file {why}")


def _without(files: list, output: str) -> list:
    """``files`` less the report file ``output`` (a folder's walk finds the report an earlier run wrote
    inside it, ``check DIR -o DIR/report.txt``: it was checked, or fixed, as an article). One ``stat`` a file."""
    try:
        written = os.stat(output)
    except (OSError, ValueError):
        target = os.path.abspath(output)
        return [f for f in files if os.path.abspath(f) != target]

    def is_report(name: str) -> bool:
        try:
            found = os.stat(name)
        except (OSError, ValueError):
            return False
        return (found.st_dev, found.st_ino) == (written.st_dev, written.st_ino)

    return [f for f in files if not is_report(f)]


def _open_output(path: str):
    """``--output-file`` opened for writing; a path that cannot be written is a usage error naming it."""
    try:  # a file name that is not UTF-8 keeps its own bytes, as on stdout (surrogateescape)
        return open(path, "w", encoding="utf-8", errors=surrogates.ERRORS)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
