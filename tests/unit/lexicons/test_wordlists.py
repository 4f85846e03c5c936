"""The actor stage's word lists (data/lexicons/words/*.yaml): checked on reading, and read into the patterns."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from analysis.actors.extractor import ActorExtractor
from analysis.actors.patterns import BEFORE_CONTEXT, NOT_IN_A_PERSONS_NAME, TITLE_BEFORE
from analysis.errors import LexiconError
from analysis.lexicons.actors import load_dictionary
from analysis.lexicons.titles import OFFICE_NAMES, ROLE_WORDS, read_titles
from analysis.lexicons.wordlists import (
    NO_NAME_WORDS,
    PERSON_TITLES,
    WORDS_DIR,
    read_word_file,
    word_list,
    words_by_language,
)


def test_an_unknown_list_is_named_with_the_closest_one(tmp_path):
    (tmp_path / "place_words.yaml").write_text("locative: {en: [in]}\nstate_voices: [officials]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"place_words.yaml: unknown list 'locative'; did you mean 'locatives'\?"):
        read_word_file("place_words.yaml", ("locatives", "state_voices"), tmp_path)


def test_a_missing_file_and_bad_yaml_name_the_file(tmp_path):
    with pytest.raises(LexiconError, match="word-list file not found"):
        read_word_file("nothing.yaml", ("words",), tmp_path)
    (tmp_path / "broken.yaml").write_text("words: [a, b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.yaml: not valid YAML"):
        read_word_file("broken.yaml", ("words",), tmp_path)
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="expected a mapping of list names"):
        read_word_file("list.yaml", ("words",), tmp_path)


def test_a_word_yaml_reads_as_a_boolean_must_be_quoted(tmp_path):
    (tmp_path / "words.yaml").write_text("complements: [of, on]\n", encoding="utf-8")
    path, data = read_word_file("words.yaml", ("complements",), tmp_path)
    with pytest.raises(LexiconError, match=r"words.yaml: 'complements': entry True is not a word; quote it"):
        word_list(path, data, "complements")


def test_a_list_per_language_needs_language_codes(tmp_path):
    (tmp_path / "words.yaml").write_text("speech_verbs: {german: [sagte]}\n", encoding="utf-8")
    path, data = read_word_file("words.yaml", ("speech_verbs",), tmp_path)
    with pytest.raises(LexiconError, match=r"'german' is no language code; use ISO 639-1"):
        words_by_language(path, data, "speech_verbs")


def test_titles_name_known_roles(tmp_path):
    shutil.copy(WORDS_DIR / "titles.yaml", tmp_path / "titles.yaml")
    assert read_titles(tmp_path)["role_words"] == ROLE_WORDS
    text = (tmp_path / "titles.yaml").read_text(encoding="utf-8")
    (tmp_path / "titles.yaml").write_text(text.replace("premier: [head_of_government]",
                                                       "premier: [head_of_govenment]"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"titles: 'premier': unknown role 'head_of_govenment'; "
                                           r"did you mean 'head_of_government'\?"):
        read_titles(tmp_path)


def test_qualifiers_have_a_kind(tmp_path):
    text = (WORDS_DIR / "titles.yaml").read_text(encoding="utf-8")
    (tmp_path / "titles.yaml").write_text(text.replace("former: past", "former: pats"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"qualifiers: 'former' is 'pats'; did you mean 'past'\?"):
        read_titles(tmp_path)


def test_every_person_title_of_the_yaml_reaches_the_pattern():
    for words in PERSON_TITLES.values():
        for title in words:
            assert BEFORE_CONTEXT.match(f" {title} "[::-1]).lastgroup == "title_before", title


def test_titles_and_offices_of_the_yaml_are_read():
    assert TITLE_BEFORE.search("Russia's former Defence Minister ").group("title") == "Defence Minister"
    assert {"Secretary-General", "Chairwoman"} <= set(OFFICE_NAMES) <= NOT_IN_A_PERSONS_NAME


def test_a_german_title_starts_no_name_and_makes_a_person():
    assert "Ökonomin" in NO_NAME_WORDS["de"]
    result = ActorExtractor(load_dictionary()).extract("Die Ökonomin Anna Weberin warnte vor Risiken.",
                                                       dt.date(2024, 5, 1), "de")
    assert [(c.name, c.kind) for c in result.candidates] == [("Anna Weberin", "title_before")]
