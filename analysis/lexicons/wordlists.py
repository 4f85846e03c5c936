"""The actor stage's word lists, read from ``data/lexicons/words/*.yaml`` and checked.

Each file is a mapping of list names to words, or to one list of words per language (ISO 639-1:
``en``, ``es``, ``pt``, ``fr``, ``de``). A linguist adds a word (a German title, a French verb of
saying) by editing the YAML only: the actor stage builds its regular expressions from these lists
(:mod:`analysis.actors.patterns`). Every reader here raises :class:`~analysis.errors.LexiconError`
naming the file, the list and the fix, and offers the closest list name for a misspelt one.

The lists of ``titles.yaml`` are read by :mod:`analysis.lexicons.titles`.
"""
from __future__ import annotations

import re
from pathlib import Path

from analysis import config
from analysis.errors import LexiconError
from analysis.lexicons.io import check_lists, read_yaml

__all__ = ["WORDS_DIR", "read_word_file", "word_list", "words_by_language", "PERSON_TITLES", "SPEECH_VERBS",
           "ACCORDING_TO", "NO_NAME_WORDS", "HEADLINE_WORDS", "NOT_PERSON_WORDS", "REGNAL_NUMBERS",
           "STATE_BODY_WORDS", "LOCATIVES", "STATE_VOICES", "ORG_HEADS_LAST", "ORG_HEADS_FIRST", "HEAD_COMPLEMENTS",
           "ORDINALS", "LOWER_CASE_NAME_ENDS", "JOINING_WORDS", "OTHER_SENSE", "NOT_CURRENCY_WORDS"]

WORDS_DIR = config.LEXICON_DIR / "words"


def read_word_file(name: str, keys: tuple[str, ...], folder: Path | str | None = None) -> tuple[Path, dict]:
    """One word-list file (a mapping of list names), with its path for error messages; ``keys``: the
    list names it may have (any other is a typo that would otherwise be ignored without a word)."""
    path = Path(folder or WORDS_DIR) / name
    data = read_yaml(path, "word-list file not found; restore it from the repository")
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of list names at the top ({', '.join(keys)}), "
                           f"found {type(data).__name__}")
    check_lists(path.name, data, keys)
    return path, data


def word_list(path: Path, data: dict, key: str, where: str | None = None) -> tuple[str, ...]:
    """The words of list ``key`` of ``data`` (read from ``path``), in their order, each once; a list of
    lists (groups of words, each with its comment) is read as one.

    >>> word_list(Path("x.yaml"), {"heads": ["Institute", ["Lab", "Institute"]]}, "heads")
    ('Institute', 'Lab')
    """
    where = where or f"{path.name}: '{key}'"
    value = data.get(key)
    if value is None:
        raise LexiconError(f"{where}: missing; add the list (e.g. {key}: [word, other word])")
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: must be a non-empty list of words ([word, other word]), found {value!r}")
    flat = [word for item in value for word in (item if isinstance(item, list) else [item])]
    for word in flat:
        # YAML reads some bare words as other types (no, on, 1): they need quotes
        if not isinstance(word, str) or not word.strip() or word != word.strip():
            raise LexiconError(f"{where}: entry {word!r} is not a word; quote it ('no', 'on') and drop blanks "
                               "around it")
    return tuple(dict.fromkeys(flat))


def words_by_language(path: Path, data: dict, key: str) -> dict[str, tuple[str, ...]]:
    """List ``key`` of ``data`` as language -> words, each language's list checked as :func:`word_list`.

    >>> words_by_language(Path("x.yaml"), {"verbs": {"es": ["dijo"], "de": ["sagte"]}}, "verbs")
    {'es': ('dijo',), 'de': ('sagte',)}
    """
    languages = data.get(key)
    if not isinstance(languages, dict) or not languages:
        raise LexiconError(f"{path.name}: '{key}' must map two-letter language codes to lists of words "
                           f"({key}: {{de: [word, other word]}}), found {languages!r}")
    for language in languages:
        if not re.fullmatch(r"[a-z]{2}", str(language)):
            raise LexiconError(f"{path.name}: '{key}': '{language}' is no language code; use ISO 639-1 "
                               "(en, es, pt, fr, de)")
    return {language: word_list(path, languages, language, f"{path.name}: '{key}': {language}")
            for language in languages}


_PERSON_FILE = read_word_file("person_words.yaml", ("person_titles", "speech_verbs", "according_to", "no_name_words",
                                                    "headline_words", "not_person_words", "regnal_numbers",
                                                    "state_body_words"))
_PLACE_FILE = read_word_file("place_words.yaml", ("locatives", "state_voices"))
_ORGANISATION_FILE = read_word_file("organisation_words.yaml", ("heads_last", "heads_first", "complements", "ordinals",
                                                                "lower_case_names", "joining_words"))
_ISSUER_FILE = read_word_file("issuer_words.yaml", ("other_sense", "not_currency_words"))

# Occupations and titles that mark a capitalised name as a person's, per language.
PERSON_TITLES = words_by_language(*_PERSON_FILE, "person_titles")
# Verbs of saying next to a speaker, and "according to" before one, per language (English's "according
# to" is part of the patterns).
SPEECH_VERBS = words_by_language(*_PERSON_FILE, "speech_verbs")
ACCORDING_TO = words_by_language(*_PERSON_FILE, "according_to")
# Capitalised words of a language that start no name (articles; German titles).
NO_NAME_WORDS = {language: frozenset(words) for language, words in words_by_language(*_PERSON_FILE,
                                                                                     "no_name_words").items()}
HEADLINE_WORDS = word_list(*_PERSON_FILE, "headline_words")
# Capitalised words that no person's name has, before the headline words and offices are added.
NOT_PERSON_WORDS = word_list(*_PERSON_FILE, "not_person_words")
REGNAL_NUMBERS = frozenset(word_list(*_PERSON_FILE, "regnal_numbers"))
STATE_BODY_WORDS = frozenset(word_list(*_PERSON_FILE, "state_body_words"))
LOCATIVES = words_by_language(*_PLACE_FILE, "locatives")
STATE_VOICES = word_list(*_PLACE_FILE, "state_voices")
ORG_HEADS_LAST = frozenset(word_list(*_ORGANISATION_FILE, "heads_last"))
ORG_HEADS_FIRST = frozenset(word_list(*_ORGANISATION_FILE, "heads_first"))
HEAD_COMPLEMENTS = frozenset(word_list(*_ORGANISATION_FILE, "complements"))
ORDINALS = word_list(*_ORGANISATION_FILE, "ordinals")
# Words that end an institution's name written in lower case, per language (also the languages that write them).
LOWER_CASE_NAME_ENDS = words_by_language(*_ORGANISATION_FILE, "lower_case_names")
JOINING_WORDS = word_list(*_ORGANISATION_FILE, "joining_words")
OTHER_SENSE = frozenset(word_list(*_ISSUER_FILE, "other_sense"))
NOT_CURRENCY_WORDS = frozenset(word_list(*_ISSUER_FILE, "not_currency_words"))
