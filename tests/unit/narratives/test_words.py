"""The shared word lists (speech verbs, months): read from data/lexicons/words/, refused with the fix when malformed."""
from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.lexicons.words import SPEECH_VERB_LISTS, month_names, months, speech_verbs
from analysis.narratives.attribution import SPEECH


def test_the_project_lists_are_read():
    verbs = speech_verbs()
    assert set(verbs) == set(SPEECH_VERB_LISTS) and "said" in verbs["reporting"]
    assert [m.name for m in months()][0::11] == ["January", "December"]
    assert {"sep", "september", "may"} <= set(month_names())


@pytest.mark.parametrize("text, found", [("Officials said that", "said that"), ("She told reporters", "told reporters"),
                                          ("China added gold", None), ("China added that", "added that")])
def test_speech_verbs_keep_their_rules(text, found):
    match = SPEECH.search(text)
    assert (match.group() if match else None) == found


@pytest.mark.parametrize("content, message", [
    ("reporting: [said]\n", "'reporting_to' must be a non-empty list"),
    ("reportng: [said]\n", "did you mean 'reporting'"),
    ("- said\n", "expected a mapping"),
    ("reporting: [said\n", "not valid YAML"),
])
def test_a_malformed_speech_verb_list_names_the_file_and_the_fix(tmp_path, content, message):
    path = tmp_path / "speech_verbs.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        speech_verbs(path)


def test_months_must_be_twelve_with_a_name_and_an_abbreviation(tmp_path):
    path = tmp_path / "months.yaml"
    path.write_text("months:\n  - {name: January, abbreviation: Jan}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="twelve months"):
        months(path)
    path.write_text("months:\n" + "  - {name: January, abbrev: Jan}\n" * 12, encoding="utf-8")
    with pytest.raises(LexiconError, match="months.yaml, month 1: needs 'name' and 'abbreviation'"):
        months(path)
    with pytest.raises(LexiconError, match="not found"):
        months(tmp_path / "missing.yaml")


def test_month_names_of_other_languages_are_read_with_their_month():
    from analysis.lexicons.words import month_numbers
    numbers = month_numbers()
    assert (numbers["enero"], numbers["maio"], numbers["août"], numbers["märz"], numbers["ноября"]) == (1, 5, 8, 3, 11)
    assert len(month_names()) == 24   # the English names and abbreviations only


def _twelve(extra_for_january: str) -> str:
    rows = [f"  - {{name: M{chr(97 + i) * 3}, abbreviation: A{chr(97 + i) * 2}}}\n" for i in range(12)]
    rows[0] = f"  - {{name: Maaa, abbreviation: Aaa, {extra_for_january}}}\n"
    return "months:\n" + "".join(rows)


@pytest.mark.parametrize("extra, message", [
    ("names: [enero]", r"months.yaml, month 1: 'names' must map language codes"),
    ("names: {spanish: [enero]}", r"months.yaml, month 1: 'spanish' is not a two-letter ISO 639-1"),
    ("names: {es: enero}", r"months.yaml, month 1, names.es: needs a non-empty list of one-word forms"),
    ("names: {fr: [janv.]}", r"names.fr: needs a non-empty list of one-word forms \(letters only, no full stop\)"),
    ("names: {es: [Abb]}", r"months.yaml: 'abb' names both month 1 and month 2; keep it under one month only"),
    ("nmes: {es: [enero]}", r"unknown key 'nmes'; did you mean 'names'\?"),
])
def test_a_malformed_list_of_month_names_names_the_file_the_month_and_the_fix(tmp_path, extra, message):
    path = tmp_path / "months.yaml"
    path.write_text(_twelve(extra), encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        months(path)


@pytest.mark.parametrize("content, message", [
    ("published: {en: [published]}\nupdatd: {en: [updated]}\n",
     r"date_stamps.yaml: unknown list 'updatd'; did you mean 'updated'\?"),
    ("published: {en: [published]}\n", r"date_stamps.yaml: 'updated' must map language codes to lists of words"),
    ("published: {english: [published]}\nupdated: {en: [updated]}\n", r"'english' is not a two-letter ISO 639-1"),
    ("published: {en: [published, 'on']}\nupdated: {de: []}\n", r"'updated': de: needs a non-empty list of words"),
])
def test_a_malformed_list_of_date_stamps_names_the_file_the_list_and_the_fix(tmp_path, content, message):
    from analysis.lexicons.words import date_stamps
    path = tmp_path / "date_stamps.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        date_stamps(path)
