"""S checks: known misspellings, unknown words with suggestions, repeated words; names left alone."""

from cleaner import Cleaner, clean
from cleaner.lexicon import lexicon, weighted_distance


def _findings(text, **kw):
    return Cleaner(select=["S"], **kw).check(text).findings


def test_known_misspelling_is_a_safe_fix():
    text = "The council will recieve the report on Tuesday and publish it the next week."
    (f,) = _findings(text)
    assert f.code == "S001" and text[f.start:f.end] == "recieve" and f.suggestion == "receive" and f.fix == "safe"
    assert clean(text, select=["S"]).text == text.replace("recieve", "receive")


def test_a_possessive_that_lost_its_apostrophe_is_not_fixed_as_a_plural():
    # the table's "countrys -> countries" is safe before a preposition or a stop, only suggested before
    # a content word, where "the country's" fits as well
    text = "The flood hit many countrys in Europe, and the worst-hit countrys were poor."
    assert [(f.code, f.suggestion, f.fix) for f in _findings(text)] == [("S001", "countries", "safe")] * 2
    text = "Lagos is the countrys largest city, and a factorys owner said the port was shut."
    assert [(f.code, f.suggestion, f.fix) for f in _findings(text)] == [
        ("S002", "country's", "unsafe"), ("S002", "factory's", "unsafe")]
    assert clean(text, select=["S"]).text == text
    text = "Several countrys leaders met in Paris on Monday to discuss the plan."
    assert [(f.code, f.suggestion, f.fix) for f in _findings(text)] == [("S002", "countries", "unsafe")]


def test_a_possessive_that_lost_its_apostrophe_outside_the_table_is_suggested_as_the_possessive():
    # no table entry for "citys" or "agencys": the ranked suggestion was the word without its "s"
    # ("the city east side"); after "the" and before a content word it is the possessive
    text = "Power lines came down across the citys east side, and the agencys budget was cut on Monday."
    assert [(f.code, f.excerpt, f.suggestion) for f in _findings(text)] == [
        ("S002", "citys", "city's"), ("S002", "agencys", "agency's")]
    assert clean(text, select=["S"]).text == text  # unsafe: not applied by default
    # a number or a preposition around it reads as a plural: the ranked suggestion stands
    text = "Officials from two agencys said on Monday that crews had worked through the night."
    assert [f.suggestion for f in _findings(text)] != ["agency's"]


def test_unknown_word_gets_ranked_unsafe_suggestion():
    text = "The new car comes standard with six safety systems enculding automatic emergency braking."
    (f,) = _findings(text)
    assert f.code == "S002" and f.suggestion == "including" and f.fix == "unsafe" and 0 < f.confidence < 1
    assert clean(text, select=["S"]).text == text  # unsafe: not applied by default
    assert "including automatic" in clean(text, select=["S"], unsafe_fixes=True).text


def test_rare_names_and_capitalised_words_are_not_spelling_errors():
    text = ("Rami Abdurrahman said the strikes hit Hajin and the Buqan region, Commander-in-Chief "
            "Christopher Ghika told SANA and AMAQ reporters on Monday.")
    assert _findings(text) == []


def test_urls_handles_numbers_and_modern_words_are_skipped():
    text = ("Follow @newsdeskk or visit www.examplle.com/pagge for the livestream; the 20th touchscreen "
            "update ships with a 5kwh battery.")
    assert _findings(text) == []


def test_a_compounds_first_part_before_a_hanging_hyphen_is_skipped():
    # "Handels" is a known misspelling of "handles", but here it is half of a German compound
    text = "It also covered Berliner Handels- und Frankfurter Bank and pre- and post-war bonds."
    assert _findings(text) == []
    assert _flagged("The Handels said so.") == ["Handels"]


def test_allow_words_setting():
    text = "The engineers called the prototype a flurbish and then shipped it to the testers."
    assert [f.code for f in _findings(text)] == ["S002"]
    assert _findings(text, config={"allow-words": ["flurbish"]}) == []


def test_repeated_word_deleted_but_legit_doubles_kept():
    text = "He said that that was the the best result, and we had had enough of it."
    findings = _findings(text)
    assert [(f.code, text[f.start:f.end]) for f in findings] == [("S003", " the")]
    assert clean(text, select=["S"]).text == "He said that that was the best result, and we had had enough of it."


def test_a_double_english_may_write_on_purpose_is_reported_not_fixed():
    text = "This is the moment I have been waiting for for years, and it was worth it, said Moya on Monday."
    findings = _findings(text)
    assert [(f.code, text[f.start:f.end], f.fix) for f in findings] == [("S003", " for", "unsafe")]
    assert clean(text, select=["S"]).text == text
    reduplicated = "She will still jump onto a boda boda and save the balance, the riders said on Monday."
    assert [(f.code, f.fix) for f in _findings(reduplicated)] == [("S003", "unsafe")]
    assert clean(reduplicated, select=["S"]).text == reduplicated
    slip = "The unit could be sold for 300 mln dlrs to to a buyer in the spring, analysts said on Monday."
    assert clean(slip, select=["S"]).text == slip.replace("to to", "to")


def test_a_prefixed_word_written_with_a_hyphen_is_no_slip_of_its_second_half():
    text = "The speech will be pre-empted by the president, whose pre-emptive move surprised the allies on Monday."
    assert _findings(text) == []
    slip = "He is a well-knwon figure in the town, the officials said on Monday."
    assert [(f.code, f.suggestion) for f in _findings(slip)] == [("S001", "known")]


def test_a_listed_misspelling_inside_a_hyphenated_compound_is_reported_not_fixed():
    """The table's "hander" -> "handler" is the compound's own word in "left-hander"."""
    text = "The manager went with the left-hander Shota Imanaga, who threw a no-hitter last season."
    assert [(f.code, f.suggestion, f.fix) for f in _findings(text)] == [("S001", "handler", "unsafe")]
    assert clean(text, select=["S"]).text == text
    alone = "Officials will recieve the documents next week, the ministry said on Monday."
    assert [(f.code, f.fix) for f in _findings(alone)] == [("S001", "safe")]


def test_a_content_word_the_article_doubles_twice_is_its_usage_but_a_doubled_the_twice_is_two_slips():
    usage = "Remember the fabled pee pee tapes? Now witnesses confirm the pee pee tape exists, the report says."
    assert _findings(usage) == []
    slips = "He went to the the shop on Monday and then to the the bank on Tuesday, his lawyer said."
    assert [f.code for f in _findings(slips)] == ["S003", "S003"]


def test_a_double_across_a_compound_a_contraction_or_quotes_is_two_words():
    text = ("If you have gotten buy-in in Step 1, ban all non-bank bank activities, remind you you're not "
            "alone, and see the Project Open Data data.json file. That is the concept of \u201cdone done\u201d.")
    assert _findings(text) == []
    assert _flagged("Congratulations to the the team that launched it.") == [" the"]


def test_fix_is_idempotent():
    text = "Officials will recieve the the documents next week."
    once = clean(text, select=["S"]).text
    assert clean(once, select=["S"]).text == once


def test_a_line_in_another_language_inside_an_english_article_is_not_checked():
    text = ("The designer spoke at length about the new exhibition on Monday, and the curater said it was ready.\n\n"
            "Gemeinsam mit dem Grafikdesigner Rafa Galeano hat Brian die Frage beantwortet, was eigentlich passiert ist.\n\n"
            "The exhibition opens in Berlin next week.")
    found = [(f.code, text[f.start:f.end]) for f in Cleaner(select=["S", "G"]).check(text).findings]
    assert found == [("S002", "curater")]  # not "mit" -> MIT, not "passiert" -> passport


def test_not_target_language_skips():
    text = "Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet und recieve nicht."
    assert _findings(text) == []


def test_lexicon_knows_words_and_ranks_suggestions():
    lex = lexicon()
    assert lex.is_word("airstrikes") and lex.is_word("don't") and lex.is_word("unevidenced")
    assert not lex.is_word("equivelant") and not lex.is_word("definately")
    assert lex.suggest("equivelant")[0][0] == "equivalent"
    assert weighted_distance("adress", "address") < weighted_distance("adress", "adrenal")


def test_batch_learns_recurring_words():
    from cleaner.checks import spelling
    from cleaner.document import Document

    docs = [Document(f"Story {i}: the zorblax team met again today in the city.") for i in range(6)]
    knowledge = spelling.learn(docs, None)
    assert "zorblax" in knowledge["words"]
    cleaner = Cleaner(select=["S"], batch={"S": knowledge})
    assert cleaner.check("The zorblax team met again in the city on Monday.").findings == []


def test_capitalised_unknown_word_only_where_position_explains_the_capital():
    text = "The council met on Monday. Meanwile, the mayor said Buqan and Hajin were quiet."
    findings = _findings(text)
    assert [(f.code, text[f.start:f.end], f.suggestion) for f in findings] == [("S002", "Meanwile", "Meanwhile")]


def test_a_sentence_start_slip_of_a_function_word_web_text_writes_too():
    # "teh" is web slang (zipf 3.0) and a surname, yet at a sentence's start before a lower-case word it is
    # "The"; "Hte" is no title-cased acronym there either (S002 suggests the word, not "HTE")
    for text, word, right in (("Teh government said on Monday it would act.", "Teh", "The"),
                              ("Ther government fell on Monday.", "Ther", "The"),
                              ("Hte report was published on Monday.", "Hte", "The")):
        found = [(f.code, text[f.start:f.end], f.suggestion) for f in Cleaner(select=["S", "G"]).check(text).findings]
        assert found == [("S002", word, right)], text
    # before a capitalised word it may be a surname ("Teh Hong Piow"), and mid-sentence it is a name
    for text in ("Teh Hong Piow founded the bank in 1966.", "We met Mr Teh on Monday at the bank."):
        assert Cleaner(select=["S", "G"]).check(text).findings == [], text


def test_context_ranks_suggestions():
    from cleaner.lexicon import lexicon

    lex = lexicon()
    assert lex.suggest("creadit", before="tax")[0][0] == "credit"
    assert lex.suggest("thoy", after="were")[0][0] == "they"


def test_run_together_words_and_closed_compounds():
    text = "The mayor said inthe statement that the weeklong festival would return next summer."
    (f,) = _findings(text)
    assert f.code in ("S001", "S002") and text[f.start:f.end] == "inthe" and f.suggestion == "in the"
    assert lexicon().suggest("aswell")[0][0] == "as well"
    assert lexicon().is_word("roofline") and lexicon().is_word("weeklong")
    assert not lexicon().is_word("everythink")


def test_table_header_cells_are_not_a_repeated_word():
    assert _findings("Ticker Security Last change Change %") == []


def test_capitalised_known_misspelling_is_safe_only_where_position_explains_the_capital():
    text = "Definately a quiet day. The team met Accomodation Smith, the new coach, on the field."
    found = [(f.code, text[f.start:f.end], f.suggestion, f.fix) for f in _findings(text)]
    assert found == [("S001", "Definately", "Definitely", "safe"), ("S002", "Accomodation", "Accommodation", "unsafe")]


def test_suggestion_index_is_kept_between_runs(tmp_path, monkeypatch):
    from cleaner.lexicon import Lexicon

    from cleaner import lexicon as lexicon_module

    monkeypatch.setenv("NEWS_CLEANER_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicon_module, "INDEX_AFTER_SCANS", 2)
    monkeypatch.setattr(lexicon_module, "INDEX_LOAD_AFTER_SCANS", 1)
    first = Lexicon()
    found = first.candidates("equivelant")
    assert isinstance(first._index, lexicon_module._ScanIndex) and not list(tmp_path.iterdir())
    first.candidates("goverment"), first.candidates("recieve")  # enough look-ups: the index is built
    assert first.candidates("equivelant") == found and isinstance(first._index, lexicon_module._SuggestIndex)
    (cached,) = list(tmp_path.glob("suggest-index-*.marshal"))
    second = Lexicon()
    second._build_index = lambda: (_ for _ in ()).throw(AssertionError("the cached index was built again"))
    assert second.candidates("equivelant") == found and "equivalent" in found
    assert isinstance(second._index, lexicon_module._ScanIndex)  # one article's few look-ups scan
    second.candidates("goverment"), second.candidates("recieve")
    assert isinstance(second._index, lexicon_module._SuggestIndex)  # then the file is loaded, not built
    assert second.candidates("equivelant") == found
    cached.write_bytes(b"not marshal")  # a damaged cache is rebuilt, not an error
    assert "equivalent" in Lexicon().candidates("equivelant")


def test_unknown_word_is_found_only_as_a_whole_token():
    text = "The report said teh council met, not in tehran's old hall or at o'teh bar, on Monday."
    found = [(f.code, text[f.start:f.end], f.suggestion) for f in _findings(text)]
    assert found == [("S002", "teh", "the")]


def test_word_verdicts_are_kept_per_process_but_allow_words_still_apply():
    from cleaner.checks.spelling import _suspect

    text = "The engineers called the prototype a flurbish and then shipped it to the testers."
    assert [f.suggestion for f in _findings(text)] == ["furnish"]
    hits = _suspect.cache_info().hits
    assert [f.suggestion for f in _findings(text)] == ["furnish"]
    assert _suspect.cache_info().hits > hits  # the second article's words were judged already
    assert _findings(text, config={"allow-words": ["flurbish"]}) == []


def test_packed_suggestion_index_finds_exactly_the_words_sharing_a_deletion():
    from cleaner.lexicon import _deletes

    lex = lexicon()
    lex.candidates("warmup")
    vocabulary = [(w, _deletes(w)) for w in lex._index.words]
    for word in ("equivelant", "teh", "goverment", "seperetes"):
        deletes = _deletes(word)
        assert lex.candidates(word) == {w for w, d in vocabulary if not deletes.isdisjoint(d)}


def test_scanning_the_vocabulary_finds_what_the_packed_index_finds():
    """Without a built index (a fresh machine, a hook checking a few files) words are looked up by
    scanning the vocabulary: the same positions as the packed index, with and without near variants."""
    from cleaner.lexicon import _near_deletes, _ScanIndex, _SuggestIndex

    lex = lexicon()
    packed = lex._load_index()
    assert isinstance(packed, _SuggestIndex)
    scan = _ScanIndex(packed.words, packed.zipfs)
    for garble in ("equivelant", "teh", "goverment", "seperetes", "ofice", "offfice", "muic", "a", "qzxv",
                   "cneter", "untied", "recieve", "adress", "inthe", "thier", "wich"):
        assert scan.lookup(garble) == packed.lookup(garble), garble
        assert scan.lookup(garble, _near_deletes(garble)) == packed.lookup(garble, _near_deletes(garble)), garble


def test_suggestions_are_kept_per_process():
    from cleaner.checks.spelling import _ranked

    first = "The new car comes standard with six safety systems enculding automatic emergency braking."
    second = "Older models had fewer systems enculding automatic headlights."
    assert [f.suggestion for f in _findings(first)] == ["including"]
    hits = _ranked.cache_info().hits
    assert [f.suggestion for f in _findings(first)] == ["including"]
    assert _ranked.cache_info().hits == hits + 1  # same word between the same neighbours: not ranked again
    assert [f.suggestion for f in _findings(second)] == ["including"]


def test_letter_count_bound_never_exceeds_the_distance():
    """suggest() skips a candidate on this bound alone, so it must stay below the real distance."""
    from cleaner.lexicon import letter_gap_from

    pairs = [("recieve", "receive"), ("adress", "address"), ("teh", "the"), ("enculding", "including"),
             ("mispell", "misspell"), ("goverment", "government"), ("inthe", "in the"), ("wrot", "wrote"),
             ("aaab", "bbba"), ("xyz", "abcdef")]
    for a, b in pairs:
        assert letter_gap_from(a)(b) <= weighted_distance(a, b) + 1e-9, (a, b)
    assert abs(letter_gap_from("abc")("xyz") - 1.8) < 1e-9  # three substitutions, at least 0.6 each


def test_subsequence_bound_never_exceeds_the_distance():
    """suggest() orders its candidates by this bound and skips one on it alone: it must stay at or
    below the real distance of two different words, slips and unrelated words alike."""
    import random

    from cleaner.lexicon import lower_costs

    pairs = [("recieve", "receive"), ("adress", "address"), ("teh", "the"), ("enculding", "including"),
             ("mispell", "misspell"), ("goverment", "government"), ("wrot", "wrote"), ("aaab", "bbba"),
             ("xyz", "abcdef"), ("helo", "hello"), ("hello", "helo")]
    rng = random.Random(7)
    words = sorted(lexicon().frequent_words(4.0))
    pairs += [(rng.choice(words), rng.choice(words)) for _ in range(600)]
    for a, b in pairs:
        if abs(len(a) - len(b)) > 4:
            continue  # (weighted_distance only estimates these: suggest() never ranks such a pair)
        assert a == b or lower_costs(a, [b])[0] <= weighted_distance(a, b) + 1e-9, (a, b)


def _ranked_in_full(lex, w: str, limit: int, before: str, after: str) -> list:
    """suggest()'s ranking by its definition, every candidate's distance computed (no bounds, no
    pruning): for words with no known correction and no split into two words."""
    import math

    scored = []
    for cand in lex.candidates(w):
        cost = weighted_distance(w, cand)
        if cost > 2.0:
            continue
        score = lex.zipf(cand) - 2.2 * cost
        if before or after:
            e = sum(math.log10(1 + n) for n in (lex.bigram(before, cand) if before else 0,
                                                 lex.bigram(cand, after) if after else 0) if n)
            score = round(score + 0.3 * e, 3)
        scored.append((cand, score))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


def test_suggestions_are_the_best_candidates_by_the_full_ranking():
    """The bounds suggest() prunes by change how much it computes, never what it answers."""
    lex = lexicon()
    cases = [("enculding", "", ""), ("creadit", "tax", ""), ("thoy", "", "were"), ("goverment", "the", "said"),
             ("recieved", "", "a"), ("wrot", "he", "that"), ("beleive", "i", "it"), ("ther", "", "is"),
             ("picted", "was", "by"), ("hugues", "", ""), ("ahmado", "of", "the"), ("cheast", "the", "of")]
    for w, before, after in cases:
        assert w not in lex.misspellings or w in ("recieved", "beleive", "goverment")
        for limit in (1, 3):
            got = lex.suggest(w, limit, before, after)
            if w in lex.misspellings:
                assert got[0] == (lex.misspellings[w], 10.0)
                continue
            assert got == _ranked_in_full(lex, w, limit, before, after), (w, before, after, limit)


def test_word_split_by_a_space_is_joined():
    text = ("The minister said the infor mation was wrong, and the gov ernment would answer the "
            "question in the house on Tuesday.")
    found = [(f.code, text[f.start:f.end], f.suggestion, f.fix) for f in _findings(text)]
    assert found == [("S002", "infor mation", "information", "unsafe"), ("S002", "gov ernment", "government", "unsafe")]
    fixed = clean(text, select=["S"], unsafe_fixes=True).text
    assert "the information was wrong, and the government would" in fixed
    assert clean(fixed, select=["S"], unsafe_fixes=True).text == fixed  # idempotent


def test_two_real_words_are_not_joined():
    # "in formation" and "some times" are words either way: nothing unknown, nothing joined
    text = "The jets flew in formation over the city, and some times of day were busier than others."
    assert _findings(text) == []


def test_digit_for_a_lookalike_letter():
    text = "The c1ear message from the g0vernment was that the p0lice would act on Monday."
    found = [(text[f.start:f.end], f.suggestion) for f in _findings(text)]
    assert found == [("c1ear", "clear"), ("g0vernment", "government"), ("p0lice", "police")]


def test_model_numbers_and_codes_are_not_lookalikes():
    text = ("The A320 and 737 MAX jets, a 4x4 truck, H1N1 flu, mp3 files, the B52s, Web3 apps and "
            "the user c0ol_guy on the forum, at www.ex4mple.com, with code X5Y.")
    assert _findings(text) == []


def test_shift_held_one_letter_too_long():
    text = ("THe minister said the GOvernment would act. McDonald and DeSantis met at LaGuardia with CEOs, "
            "NGOs, IDs, the PGA and TVs. WHen asked, he left.")
    found = [(text[f.start:f.end], f.suggestion, f.fix) for f in _findings(text)]
    assert found == [("THe", "The", "unsafe"), ("GOvernment", "Government", "unsafe"), ("WHen", "When", "unsafe")]


def test_capitalised_slip_of_a_common_word_inside_a_name():
    text = ("The band stops at Blossom Muic Center on July 22, and the U.S. Attorney’s Ofice in Fort Wherth "
            "said the Exploration Uper Stage was ready.")
    found = {text[f.start:f.end]: f for f in _findings(text)}
    assert {w: f.suggestion for w, f in found.items()} == {
        "Muic": "Music", "Ofice": "Office", "Wherth": "Worth", "Uper": "Upper"}
    assert all(f.code == "S002" and f.fix == "unsafe" for f in found.values())
    assert clean(text, select=["S"]).text == text  # a name may be spelt that way: never applied by default


def test_capitalised_slip_after_an_ordinary_word_the_dictionary_also_capitalises():
    # "Federal" is an ordinary word of the name, not a given name before a surname
    text = "It lists each category in the Federal Acqiuisition Service (FAS) and more."
    assert [(text[f.start:f.end], f.suggestion) for f in _findings(text)] == [("Acqiuisition", "Acquisition")]
    # a surname after a given name the dictionary lists is still left alone
    assert _findings("The baby of the group is 60-year-old Jean Cunion, with Curt Tilmes.") == []


def test_a_word_split_into_pieces_that_are_not_both_words_is_one_word():
    # a suffix web text writes as a token ("ing"), a piece web text writes ("th"), a compound ("ass room")
    text = ("The match ended with England winning and collect ing three points, know ing the table. Water "
            "streams th rough the cl assroom.")
    found = [(text[f.start:f.end], f.suggestion, f.code, f.fix) for f in _findings(text)]
    assert found == [("collect ing", "collecting", "S002", "unsafe"), ("know ing", "knowing", "S002", "unsafe"),
                     ("th rough", "through", "S002", "unsafe"), ("cl assroom", "classroom", "S002", "unsafe")]
    # once only where misspellings already joined an unknown half to it
    text = "It led the digital transforma tion of the agency."
    assert [(text[f.start:f.end], f.suggestion) for f in _findings(text)] == [("transforma tion", "transformation")]
    # the ending named as an ending, a bank, two words ("per cent", "on line"), no word made
    for text in ("The suffix -ing and the 'ing' form are common.", "He works at ING bank in Amsterdam.",
                 "Each ion channel opens, up 5 per cent on line two.", "The data ing was lost."):
        assert _findings(text) == [], text


def test_an_s_after_a_hissing_sound_makes_no_word():
    # English writes "-es" there: the plural rule admits no "employeess" or "bargainss"
    text = "Sales rose in May. Employeess wishing to develop their skills left, and the bargainss went."
    found = _findings(text)
    assert [(text[f.start:f.end], f.code) for f in found] == [("Employeess", "S002"), ("bargainss", "S002")]
    assert found[0].suggestion == "Employees"


def test_a_sentences_first_word_one_slip_from_a_word_the_next_word_ranks_lower():
    # "will" after it ranks "analysis" first, two slips away; "analysts" is one
    text = "The figure fell to 6.48 million. Aanlysts will now be closely watching the company."
    assert [(text[f.start:f.end], f.suggestion) for f in _findings(text)] == [("Aanlysts", "Analysts")]


def test_capitalised_slip_of_a_word_wordfreq_has_seen_needs_the_name_around_it():
    text = ("Sui-Lee Wee of the New York Tims reported that the Centers for Desease Control knew. "
            "Police in Fort Werth said the suspect was not involved.")
    assert {(text[f.start:f.end], f.suggestion) for f in _findings(text)} == {
        ("Tims", "Times"), ("Desease", "Disease"), ("Werth", "Worth")}
    # the same words as names, with no name around them that they would complete
    text = "Police said Mr. Tims and Anna Desease met Werth on Tuesday, and the Mavic drone flew."
    assert _findings(text) == []


def test_rare_surnames_and_names_used_again_are_not_capitalised_slips():
    text = ("Mike Siever and Jane Starner met Jean-Julien Rojer and Gov. Noem, then Marybel Batjer spoke. "
            "A ship captain (Greez) flew Greez’s ship to Lugg, Instacart and DoorDash offices.")
    assert _findings(text) == []


def test_surnames_after_names_the_dictionary_lists_and_in_citations_are_not_capitalised_slips():
    # after a given name the dictionary also lists ("Jean", "Curt") or one web text writes ("Eleni"),
    # a double-barrelled name, a cited author, a word whose first letter no slip explains
    text = ("The baby of the group is 60-year-old Jean Cunion, with Curt Tilmes and Eleni Chappen. Thanks to "
            "Simchah Suveyke-Bogin. See Burns, M., and Catino, S. (2010). Tools: YSlow, Pingdom, AlertSite.")
    assert _findings(text) == []
    # a slip inside a name of ordinary words is still one
    assert _flagged("He visited the Blossom Muic Center on Monday.") == ["Muic"]
    # a storm's given name, however close to a common word
    assert _findings("Thousands of homes were without power after Storm Babet swept across Scotland.") == []


def test_a_slip_used_again_is_still_a_slip_but_a_story_term_is_not():
    text = ("NASA wants to land on hte Moon by 2024, and the crew would walk on hte surface for a week. "
            "The agency said the landers would be tested first. Two landers are planned and one more "
            "landers contract is open. The coach praised every asist and said each asist counted.")
    found = {(text[f.start:f.end], f.suggestion) for f in _findings(text)}
    assert found == {("hte", "the"), ("asist", "assist")}
    assert sum(text[f.start:f.end] == "hte" for f in _findings(text)) == 2
    # a word nobody writes, written twice the same way, is the writer's own; once, it is judged
    text = "One of the tricky parts of grouplet work is measuring it. Each grouplet chooses a topic."
    assert _findings(text) == []
    assert _flagged("One of the tricky parts of grouplet work is measuring it.") == ["grouplet"]
    # ... in any case: a brand styled in lower case, capitalised at a sentence's start
    assert _findings("Together with our mobile apps and dwellr, we serve data. Dwellr lets a user pick cities.") == []
    # a known misspelling in two cases is still a slip in each
    assert _flagged("The Goverment said so. Critics of the goverment disagreed.") == ["Goverment", "goverment"]
    # ... and capitalised as a name's word in every mention, beside the right word: a writer's slip is
    # as consistent in a name; without the right word, a capitalised one used twice is a name
    assert _flagged("The Comission will supervise them, the European Commission said. Officials at the "
                    "Federal Trade Comission agreed.") == ["Comission", "Comission"]
    assert _flagged("Senator Ed Markey wrote to the agency. Markey said he expected an answer.") == []
    # ... unless the article writes the word it is a slip of: then both mentions are slips
    text = ("Few expect a quick recofey in the economy. Strong earnings recofey could disappoint, "
            "and the recovery may stall.")
    assert _flagged(text) == ["recofey", "recofey"]
    # a title's abbreviation after a capitalised slip is no surname
    assert _flagged("He spoke to the negotiator. Wilh Mr. Trump away, talks stalled.") == ["Wilh"]


def test_a_coinage_in_another_inflection_is_the_writers_own_word():
    # its plural or possessive elsewhere is a second use of the same word, not a second slip
    text = "Each grouplet picks a topic, and grouplets meet weekly to share the grouplet’s notes."
    assert _findings(text) == []
    text = "Download the Snowball stemmer, or read about other stemmers in the docs."
    assert _findings(text) == []
    text = "You can swipe dwellr’s cool stats and reuse them; dwellr shows where to live."
    assert _findings(text) == []
    # an inflection the dictionary knows is no such use: the unknown form is a slip of it
    assert _flagged("Two studys were published, and the study found little.") == ["studys"]
    # a suggestion nearly every article writes ("well") says nothing about a word written twice
    text = "A good example is the dwellr app. Dwellr lets a user list cities, as well as towns."
    assert _findings(text) == []
    # ... a rarer one does ("recofey" beside "recovery": both mentions are slips, as above)


def test_a_regular_inflection_of_a_word_is_no_slip_but_a_cheap_slip_still_is():
    text = ("We tested prototypes of varying fidelities, broke the information siloes and used a gulp task "
            "for SVG spriting.")
    assert _findings(text) == []
    # a spelling no English inflection makes, or an inflection that is a cheap slip of a common word
    assert _flagged("Two studys were published, and a runing total was kept.") == ["studys", "runing"]
    # a doubled consonant or a plain comparison proves nothing: "centralled", "abover" stay slips
    assert _flagged("The centralled system sat abover the river.") == ["centralled", "abover"]


def test_contraction_without_its_apostrophe_is_a_known_misspelling():
    text = "He said he dont know why, but youre right and im sure they cant or wont wait, the mayor said."
    found = {(text[f.start:f.end], f.suggestion, f.fix) for f in _findings(text)}
    assert found == {("dont", "don't", "safe"), ("youre", "you're", "safe"), ("im", "I'm", "safe")}


def test_close_word_test_never_misses_a_suggestion_that_passes_it():
    lex = lexicon()
    for word in ("muic", "ofice", "uper", "cneter", "presedent", "wherth", "siever", "rojer", "greez", "batjer",
                 "zxqv", "abdurrahman", "hajin"):
        for max_cost in (0.6, 1.0, 2.0):
            passing = [w for w, _ in lex.suggest(word, limit=5)
                       if " " not in w and lex.zipf(w) >= 4.0 and weighted_distance(word, w) <= max_cost]
            assert lex.has_close_word(word, 4.0, max_cost) or not passing, (word, max_cost, passing)
    assert lex.has_close_word("muic", 4.0, 1.0) and not lex.has_close_word("zxqv", 4.0, 1.0)


def test_near_deletions_find_every_word_within_one_edit():
    from cleaner.lexicon import _near_deletes

    lex = lexicon()
    lex.candidates("warm")  # loads the index
    index = lex._index
    for garble in ("ofice", "offfice", "goverment", "recieve", "teh", "adress", "cneter", "muic", "untied"):
        near = index.lookup(garble, _near_deletes(garble))
        for i in index.lookup(garble) - near:
            assert weighted_distance(garble, index.words[i]) >= 1.1, (garble, index.words[i])


def test_slipped_contraction_gets_the_standard_one():
    text = ("He said it is'nt ready and they'r not sure, and you'l see why, y'know, at five o'clock, but "
            "i'l go, the minister said.")
    assert {(text[f.start:f.end], f.suggestion) for f in _findings(text)} == {
        ("is'nt", "isn't"), ("they'r", "they're"), ("you'l", "you'll"), ("i'l", "I'll")}


def test_an_editors_bracketed_completion_is_not_a_word_to_check():
    text = "Going upstairs to bed was a 30 min[ute] activity, he said, and the [sic] note was recieved."
    assert [(text[f.start:f.end], f.suggestion) for f in _findings(text)] == [("recieved", "received")]


def _flagged(text):
    return [text[f.start:f.end] for f in _findings(text)]


def test_wire_abbreviations_without_vowels_are_not_misspellings():
    text = ("The company earned 3.5 mln dlrs, or 12 cts a share, on avg shrs of 6.5 mln, and exported "
            "1.2 mln bpd in the quarter; thw board said more was to come.")
    assert _flagged(text) == ["thw"]  # one vowel key missed in "the" is still a slip


def test_a_possessive_does_not_hide_a_slip():
    text = "Lucas sold the studio to Disney, and the filn’s creator kept no stake in the franchise."
    (f,) = _findings(text)
    assert text[f.start:f.end] == "filn" and f.suggestion == "film"


def test_prefix_and_plural_rules_do_not_admit_slips_of_common_words():
    text = ("The repoet says many agencys could coyurt trouble, though the claims stay unevidenced and "
            "the automations preorder nothing.")
    assert _flagged(text) == ["repoet", "agencys", "coyurt"]


def test_words_web_text_uses_and_compounds_of_common_words_are_left_alone():
    text = ("The team built a webform for onboarding new vendors, kept the hostnames in one place and "
            "tracked each pageview.")
    assert _findings(text) == []
    assert _flagged("The team built a webfrom for onboarding new vendros.") == ["webfrom", "vendros"]
    # a word closed up with a phrasal verb's particle is a compound too
    assert _findings("Traders watched the runup in crude prices and the stopout rate at the auction.") == []
    # jargon web text uses keeps its reading unless a far commoner word is a cheap slip away
    assert _findings("Our devops team will fundraise for the review of the new regs this year.") == []
    assert _flagged("The televison network said the governmet would act.") == ["televison", "governmet"]


def test_a_word_web_text_writes_is_no_slip_only_by_its_neighbours_pairs():
    # "the backing", "our learning" are common pairs; "the backend", "our learnings" are in no list
    text = ("We used Google Sheets as the backend for this prototype and will share our learnings with the "
            "team, who monitor the uptime of the site.")
    assert _findings(text) == []
    # a long slip web text writes too, that its suggestion explains on frequency alone, is still one
    assert _flagged("Prices are not likely to change sinnificantly as a result, industry sources said.") \
        == ["sinnificantly"]


def test_a_capitalised_word_beside_a_persons_or_foreign_name_is_part_of_it():
    # after a given name or a word no dictionary lists, before an unlisted word: names, not slips
    text = ("Co-founder Sergey Brin met Nerio Nesi in Milan.\n\nAndrew Burnes with contributions from the team."
            "\n\nYuu Wakebe, a health ministry official, spoke. Celan Beausoleil, 31, agreed.")
    assert _findings(text) == []
    # a word web text writes before one the dictionary knows only as a name is a given name; a slip
    # nobody writes is still one there
    text = "The CEO of the Refugee Council Enver Solomon said so.\n\nJusto Marin Ludena agreed."
    assert _findings(text) == []
    assert _flagged("The author Jojhn Goodwin said so on Monday.") == ["Jojhn"]
    assert _flagged("Fences went up, as in Noth America. He made $80m. Spme Americans agreed.") == ["Noth", "Spme"]
    # a slip inside a name of ordinary words, or at a sentence's start, is still one
    text = "He visited Yellowstone Natioanl Park.\n\nThe trip was long. Meanwile, the council met."
    assert _flagged(text) == ["Natioanl", "Meanwile"]


def test_rare_words_web_text_uses_need_a_much_better_suggestion():
    # wordfreq's rare band (zipf 1.0-1.5) knows these: no weak suggestion overrides it
    text = "The server uses a crontab, and the utility or token mixins if needed, and the Snowball stemmer."
    assert _findings(text) == []
    assert lexicon().rare_zipf("crontab") > 1.0 and lexicon().rare_zipf("governmet") == 0.0
    # a slip the rare band also knows, with a far commoner word one slip away, is still flagged
    assert _flagged("Imports fell to 10.2 bilion dlrs from 11.4 billion in the period.") == ["bilion"]


def test_the_suggestion_vocabulary_and_its_zipfs_are_those_of_their_plain_definitions():
    """_suggestion_words and _zipfs compute in C what these comprehensions say (a cold start's 0.05 s)."""
    from cleaner.lexicon import SUGGEST_MIN_ZIPF

    lex = lexicon()
    threshold = 10 ** (SUGGEST_MIN_ZIPF - 9)
    words = lex._suggestion_words()
    assert words == [w for w in sorted(lex.lower) if lex.freq.get(w, 0.0) >= threshold and w.isalpha()]
    assert len(words) > 10000 and lex._zipfs(words) == [lex.zipf(w) for w in words]
    assert lex._zipfs(["Governmet", "the", "The"]) == [0.0, lex.zipf("the"), lex.zipf("the")]


def test_a_word_marked_sic_is_the_quoted_original_spelling():
    text = "The two girls later wrote this note: “Codeing [sic] is fun, but also tricky.” Codeing is hard."
    found = [(text[f.start:f.end], f.start) for f in _findings(text)]
    assert found == [("Codeing", text.rindex("Codeing"))]


def test_foreign_name_particles_compound_parts_and_spelt_out_addresses_are_no_slips():
    text = ("Belgian Transport Minister Herman de Croo said no crew were found. Manal al-Tahan and Muhammad "
            "al-Sufi were named. Teams ran hack-a-thons and design-a-thons all year. Write to rpanzer (at) "
            "iqsolutions (dot) com for details.")
    assert _findings(text) == []
    slips = "The Natioanl Park Service ran well-knwon hack-a-thnos all year."
    assert {slips[f.start:f.end] for f in _findings(slips)} >= {"Natioanl", "knwon"}


def test_finish_loading_loads_the_suggestion_index_and_the_rare_words_and_changes_no_answer():
    # a copy, as a fresh start has it: the process-wide lexicon stays lazy for the other tests
    import pickle

    from cleaner.lexicon import _ScanIndex, _SuggestIndex

    lex = pickle.loads(pickle.dumps(lexicon()))
    before = lex.suggest("equivelant", before="the", after="of"), lex.zipf("crontab"), lex.zipf("governmet")
    assert isinstance(lex._index, _ScanIndex) and lex._rare_shards  # lazily: a scan, one shard unpacked
    pairs = [("tax", "credit"), ("the", "zzqx"), ("zzqx", "the"), ("of", "the"), ("more", "than")]
    counts = [lex.bigram(a, b) for a, b in pairs]
    lex.finish_loading()
    assert isinstance(lex._index, _SuggestIndex) and not lex._rare_shards
    assert (lex.suggest("equivelant", before="the", after="of"), lex.zipf("crontab"), lex.zipf("governmet")) == before
    # every row of the bigram list is read now, each the row a look-up in its block finds
    from cleaner.lexicon import _raw_bigram_row

    rows = lex._raw_rows
    assert len(rows) > 10_000 and all(_raw_bigram_row(first) == row for first, row in rows.items())
    assert lex._raw_row("zzqx") is None and [lex.bigram(a, b) for a, b in pairs] == counts
    fresh = pickle.loads(pickle.dumps(lexicon()))
    assert [fresh.bigram(a, b) for a, b in pairs] == counts


def test_a_batch_warm_up_loads_the_whole_lexicon_only_when_a_selected_check_reads_it():
    # in a fresh process (warm_up freezes the garbage collector's view and loads for the process)
    import subprocess
    import sys

    code = (
        "from cleaner import Cleaner\n"
        "from cleaner.lexicon import lexicon, _SuggestIndex\n"
        "Cleaner(select=['B']).warm_up()\n"
        "print(lexicon.cache_info().currsize)\n"
        "Cleaner(select=['S']).warm_up()\n"
        "print(isinstance(lexicon()._index, _SuggestIndex), len(lexicon()._rare_shards))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "True", "0"]


def test_the_ation_noun_of_a_listed_ise_or_ize_verb_is_a_word():
    # "iodise" is a dictionary verb: its noun is English in either spelling, not a slip of "indication"
    for text in ('They call for "urgent implementation of mandatory iodisation of all edible salt."',
                 "Mandatory iodization of salt began in 1924."):
        assert _findings(text) == [], text
    # a slip inside such a noun is still one
    (f,) = _findings("The organisaton of the summit took months.")
    assert f.suggestion == "organisation"


def test_an_apostrophe_after_a_word_makes_it_english():
    # a dropped g the apostrophe marks, and a contraction whose apostrophe old wire copy typed as a quote
    text = 'They are always down for some learnin’. "It isn"t fair," he said, and they don"t agree.'
    assert _findings(text) == []
    # without the apostrophe, or with a quote mark that makes no contraction, the slips are reported
    assert [f.code for f in _findings("They are down for some learnin now.")] == ["S002"]
    assert [f.suggestion for f in _findings('They signed the "agrement" on Monday.')] == ["agreement"]


def test_a_function_word_capitalised_as_a_given_name_vouches_for_no_pair():
    # "Will" is a given name here; "will cause" is a verb phrase, no name, so "Cahoe" is a surname
    assert _findings("We thank 2022 honorees Jessica Dussault (18F) and Will Cahoe (10x) for it.") == []
    # a pair with a name's own word still makes a slip ("Fort Wherth" is "Fort Worth")
    assert [f.suggestion for f in _findings("The flight to Fort Wherth was late on Monday.")] == ["Worth"]
