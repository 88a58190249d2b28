"""A user rule pack of thousands of tokens costs one pass of the text, not one search per token, and
takes tokens of any characters (issue 17: "a user pack with thousands of tokens")."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.errors import RulePackError
from cleaner.rule_engine import load_rules
from cleaner.rulepacks import load_user_pack
from cleaner.token_sets import TokenSet

ARTICLE = ("The city council voted on Tuesday to close the Riverside bridge for repairs, the mayor said.\n\n"
           "Sponsored content\n\n"
           "Zoë Martín, who runs a café beside it, said trade would suffer. “We were told nothing,” she said.\n\n"
           "#ad Read more: council budget\n")


def _pack(tmp_path, rules: list) -> str:
    lines = []
    for rule in rules:
        lines.append("[[rule]]")
        lines.extend(f"{key} = {_toml(value)}" for key, value in rule.items())
    path = tmp_path / "house.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _toml(value) -> str:
    """A value as TOML: JSON's strings, numbers, booleans and arrays are TOML's; a table is inline."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)


def _made_up(count: int) -> list:
    """``count`` distinct made-up words (none is English), as a newsroom's long list of banned terms."""
    import random

    rng, out = random.Random(17), set()
    while len(out) < count:
        out.add("".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)))
    return sorted(out)


def test_a_pack_of_5000_tokens_is_one_matcher_that_finds_its_words(tmp_path):
    """Each token was its own RE2 pattern, searched over every line: 5,000 tokens took 11.4 s on a
    58 KB article (0.3 s without the pack). Now a rule's tokens are one automaton."""
    tokens = _made_up(5000) + ["Sponsored content", "Riverside bridge"]
    pack = _pack(tmp_path, [{"code": "B901", "message": "banned: %s", "ignorecase": True, "tokens": tokens}])
    rules = load_rules(load_user_pack(pack), pack)
    assert len(rules[0].patterns) == 1 and isinstance(rules[0].patterns[0][0], TokenSet)
    found = Cleaner({"extend-rules": [pack]}, select=["B901"]).check(ARTICLE.replace("Riverside", "riverside")).findings
    assert [(f.code, f.excerpt) for f in found] == [("B901", "riverside bridge"), ("B901", "Sponsored content")]


def test_tokens_that_start_or_end_with_an_accent_or_a_mark_are_taken(tmp_path):
    """``(?<!\\w)Zoë(?!\\w)`` has look-arounds RE2 lacks: such a token was refused with an error about
    a pattern the user never wrote. Tokens still match whole words only (``Zoë`` not in ``Zoëy``)."""
    pack = _pack(tmp_path, [{"code": "B901", "message": "x", "tokens": ["#ad", "Zoë"]},
                            {"code": "G591", "message": "y", "tokens": ["café"], "replacement": "coffee shop"}])
    text = ARTICLE + "\nZoëy Lin said so.\n"
    cleaner = Cleaner({"extend-rules": [pack]}, select=["B901", "G591"])
    assert [(f.code, f.excerpt, f.suggestion) for f in cleaner.check(text).findings] == [
        ("B901", "Zoë", ""), ("G591", "café", "coffee shop"), ("B901", "#ad", "")]
    result = cleaner.clean(text)
    assert "Zoëy Lin" in result.text and "Martín, who" in result.text and " #ad " not in result.text


def test_tokens_that_are_not_strings_are_a_clear_error(tmp_path):
    from cleaner.errors import ConfigError

    pack = _pack(tmp_path, [{"code": "B901", "message": "x", "tokens": ["ok", 5]}])
    with pytest.raises((RulePackError, ConfigError), match="'tokens' must be a list of strings"):
        Cleaner({"extend-rules": [pack]}).check(ARTICLE)


def _per_token(tokens: list, flags: int, text: str) -> list:
    """What the engine found before: each token its own ``(?<!\\w)TOKEN(?!\\w)`` pattern."""
    spans = set()
    for token in dict.fromkeys(t for t in tokens if t):
        spans.update(m.span() for m in re.finditer(r"(?<!\w)" + re.escape(token) + r"(?!\w)", text, flags))
    return sorted(spans, key=lambda s: (s[0], -s[1]))


_LETTERS = "abAB é É-_.ſ\u212akK1 "  # (ſ and the Kelvin sign K are s and k to a case-insensitive match)


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(st.text(_LETTERS, min_size=1, max_size=4), min_size=1, max_size=6),
       text=st.text(_LETTERS, max_size=60), ignorecase=st.booleans())
def test_a_token_set_finds_what_a_pattern_per_token_finds(tokens, text, ignorecase):
    flags = re.IGNORECASE if ignorecase else 0
    found = sorted({m.span() for m in TokenSet(tokens, flags).finditer(text)}, key=lambda s: (s[0], -s[1]))
    assert found == _per_token(tokens, flags, text)


# -- many patterns: a rule or a pack runs only what the text can match --------------------------------

def test_a_swap_table_of_3000_phrases_runs_only_the_phrases_a_paragraph_holds(tmp_path):
    """A newsroom's style table (one ``swap`` rule, a pattern a phrase) was 3,000 RE2 searches of each
    paragraph: 1,000 phrases took 2.1 s on a 58 KB article (0.3 s without). Each paragraph now runs the
    patterns whose literals it holds."""
    from cleaner.rule_engine import pattern_filter

    swap = {f"{word} {word}s": word for word in _made_up(3000)}
    swap["according to people familiar"] = "sources said"
    pack = _pack(tmp_path, [{"code": "G591", "message": "house style: %s", "fix": "safe", "swap": swap}])
    rules = load_rules(load_user_pack(pack), pack)
    paragraph = "The plan was approved, according to people familiar with the talks."
    assert pattern_filter(rules[0]).live(paragraph) == {3000}
    result = Cleaner({"extend-rules": [pack]}, select=["G591"]).clean(ARTICLE + "\n" + paragraph + "\n")
    assert "approved, sources said with the talks." in result.text
    assert [f.code for f in result.findings] == ["G591"]


def test_a_pack_of_2000_rules_is_read_through_their_anchors(tmp_path):
    from cleaner.rule_engine import anchor_index

    words = _made_up(2000)
    pack = _pack(tmp_path, [{"code": f"B9{n % 100:02d}", "message": "x", "pattern": f"{word} [0-9]+"}
                            for n, word in enumerate(words)] + [{"code": "B999", "message": "gone", "pattern": "#ad\\b"}])
    rules = load_rules(load_user_pack(pack), pack)
    index = anchor_index(tuple(rules))
    assert all(index.anchored)  # each runs only where its literal is (they ran on every line)
    found = Cleaner({"extend-rules": [pack]}, select=["B9"]).check(ARTICLE + f"\n{words[7]} 42\n").findings
    assert sorted((f.code, f.excerpt) for f in found) == [("B907", f"{words[7]} 42"), ("B999", "#ad")]


def test_a_user_pattern_reads_its_inline_flags(tmp_path):
    """``(?m)`` set inline was not seen by the engine: a paragraph rule ``(?m)^Fin\\.$`` was searched in
    the paragraph's last characters only, so a line ending a paragraph's first line was missed.
    ``(?i)`` set inline is what the anchors fold by; a case-insensitive literal beyond ASCII (``café``)
    leaves its rule run everywhere, RE2's case folding being its own."""
    pack = _pack(tmp_path, [
        {"code": "B901", "message": "end mark", "scope": "paragraph", "pattern": "(?m)^Fin\\.$"},
        {"code": "B902", "message": "promo", "pattern": "(?i)sponsored content"},
        {"code": "B903", "message": "café", "pattern": "(?i)café crème"},
    ])
    text = "The council met.\nFin.\nIt adjourned.\n\nSPONSORED CONTENT\n\nA CAFÉ CRÈME costs more now."
    found = Cleaner({"extend-rules": [pack]}, select=["B90"]).check(text).findings
    assert [(f.code, f.excerpt) for f in found] == [
        ("B901", "Fin."), ("B902", "SPONSORED CONTENT"), ("B903", "CAFÉ CRÈME")]


def test_a_user_pack_does_not_rebuild_the_rule_tables_for_each_article(tmp_path, monkeypatch):
    """The shipped rules plus a user pack's were a new tuple at each call, and the tables kept by its
    identity (the whole-line rules' anchor index) were built again four times an article: one rule
    in a pack made the 121 fixture bodies cost 2.2x, and a full-match rule of 200,000 tokens 9 s."""
    from cleaner.checks import boilerplate

    pack = _pack(tmp_path, [{"code": "B901", "message": "x", "pattern": "Sponsored content"}])
    cleaner = Cleaner({"extend-rules": [pack]})
    cleaner.clean(ARTICLE)
    built = []

    class Counted(boilerplate.AnchorIndex):
        def __init__(self, rules):
            built.append(len(rules))
            super().__init__(rules)

    monkeypatch.setattr(boilerplate, "AnchorIndex", Counted)
    result = cleaner.clean(ARTICLE.replace("Tuesday", "Wednesday"))
    assert built == [] and "Sponsored content" not in result.text


_TEXT_CHARS = "abikKsSI \n\u212a\u017f\u0130\u0131\u00e9\u00c9"  # (RE2 folds K and ſ with k and s; İ, ı are Turkish)


@settings(max_examples=200, deadline=None)
@given(literals=st.lists(st.text("abikKsSIé ", min_size=1, max_size=3), min_size=1, max_size=3),
       text=st.text(_TEXT_CHARS, max_size=50), ignorecase=st.booleans(), inline=st.booleans())
def test_a_user_rule_run_through_its_anchors_finds_what_it_finds_on_every_line(literals, text, ignorecase, inline):
    """A user pattern runs on RE2, but its anchors are found by Python's folding: an anchored rule must
    find exactly what it finds when run on every line, whatever the case and the letters RE2 folds."""
    import tempfile

    from cleaner.document import Document
    from cleaner.rule_engine import rule_findings, run_rules

    source = ("(?i)" if inline else "") + "|".join(map(re.escape, literals))
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as handle:
        handle.write('[[rule]]\ncode = "B901"\nmessage = "m"\n'
                     f"pattern = {json.dumps(source)}\nignorecase = {str(ignorecase).lower()}\n")
    rules = load_rules(load_user_pack(handle.name), handle.name)
    doc = Document(text)
    spans = lambda found: sorted((f.start, f.end) for f in found)  # noqa: E731
    assert spans(run_rules(doc, None, rules)) == spans(rule_findings(doc, rules[0]))
