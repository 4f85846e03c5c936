"""Word lists shared by several rules: speech verbs, month names and date stamps (``data/lexicons/words/``).

Each reader checks its file and raises :class:`~analysis.errors.LexiconError` naming the file, the entry
and the fix; results are cached per file.

>>> speech_verbs()["reporting_to"]
('told',)
>>> [month.name for month in months()][:3]
['January', 'February', 'March']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis import config
from analysis.errors import LexiconError
from analysis.lexicons.io import check_lists, did_you_mean, read_yaml

__all__ = ["WORDS_DIR", "SPEECH_VERB_LISTS", "DATE_STAMP_LISTS", "Month", "speech_verbs", "months", "month_names",
           "month_numbers", "date_stamps", "alternation"]

WORDS_DIR = config.LEXICON_DIR / "words"
# The lists of speech_verbs.yaml, each read by one rule (see the file's comments).
SPEECH_VERB_LISTS = ("reporting", "reporting_to", "reporting_if_nothing_follows", "before_speaker", "after_group")

# The lists of date_stamps.yaml: words before a publication date, and before a date that is not one.
DATE_STAMP_LISTS = ("published", "updated")


@dataclass(frozen=True)
class Month:
    name: str            # "January"
    abbreviation: str    # "Jan"
    # Forms in other languages (or other English abbreviations), by ISO 639-1 code: {"es": ("enero", "ene")}
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)


def _read(path: Path, shape: str) -> dict:
    data = read_yaml(path, "word list not found; restore it from the repository (data/lexicons/words/)")
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping ({shape}), found {type(data).__name__}")
    return data


def speech_verbs(path: Path | str | None = None) -> dict[str, tuple[str, ...]]:
    """The lists of ``speech_verbs.yaml`` (:data:`SPEECH_VERB_LISTS`), each a tuple of forms in file order."""
    return _speech_verbs(str(path or WORDS_DIR / "speech_verbs.yaml"))


@lru_cache(maxsize=4)
def _speech_verbs(path: str) -> dict[str, tuple[str, ...]]:
    file = Path(path)
    data = _read(file, "list name: [forms]")
    check_lists(file.name, data, SPEECH_VERB_LISTS)
    lists = {}
    for key in SPEECH_VERB_LISTS:
        forms = data.get(key)
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise LexiconError(f"{file.name}: '{key}' must be a non-empty list of verb forms, e.g. {key}: [said, says]")
        lists[key] = tuple(forms)
    return lists


def months(path: Path | str | None = None) -> tuple[Month, ...]:
    """The twelve months of ``months.yaml``, January first."""
    return _months(str(path or WORDS_DIR / "months.yaml"))


@lru_cache(maxsize=4)
def _months(path: str) -> tuple[Month, ...]:
    file = Path(path)
    entries = _read(file, "months: [{name, abbreviation}, …]").get("months")
    if not isinstance(entries, list) or len(entries) != 12:
        raise LexiconError(f"{file.name}: 'months' must list the twelve months, January first, each as "
                           "{name: January, abbreviation: Jan}")
    found = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].isalpha()
                                                  for k in ("name", "abbreviation")):
            raise LexiconError(f"{file.name}, month {index + 1}: needs 'name' and 'abbreviation', each one word "
                               f"(e.g. {{name: January, abbreviation: Jan}}), found {entry!r}")
        unknown = sorted(set(entry) - {"name", "abbreviation", "names"})
        if unknown:
            raise LexiconError(f"{file.name}, month {index + 1}: unknown key '{unknown[0]}'"
                               f"{did_you_mean(unknown[0], ['name', 'abbreviation', 'names'])}")
        found.append(Month(entry["name"], entry["abbreviation"], _other_names(file, index, entry.get("names", {}))))
    owner: dict[str, int] = {}
    for index, month in enumerate(found):
        for form in {month.name.casefold(), month.abbreviation.casefold()} | {
                f.casefold() for forms in month.names.values() for f in forms}:
            if owner.setdefault(form, index) != index:
                raise LexiconError(f"{file.name}: '{form}' names both month {owner[form] + 1} and month {index + 1}; "
                                   "keep it under one month only (a form may not name two months)")
    return tuple(found)


def _other_names(file: Path, index: int, names) -> dict[str, tuple[str, ...]]:
    example = "names: {es: [enero, ene], fr: [janvier, janv]}"
    if not isinstance(names, dict):
        raise LexiconError(f"{file.name}, month {index + 1}: 'names' must map language codes to lists of forms, "
                           f"e.g. {example}; found {names!r}")
    checked = {}
    for language, forms in names.items():
        if not (isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language)):
            raise LexiconError(f"{file.name}, month {index + 1}: '{language}' is not a two-letter ISO 639-1 "
                               f"language code; write e.g. {example}")
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.isalpha() for f in forms):
            raise LexiconError(f"{file.name}, month {index + 1}, names.{language}: needs a non-empty list of "
                               f"one-word forms (letters only, no full stop), e.g. {example}; found {forms!r}")
        checked[language] = tuple(forms)
    return checked


def month_names(path: Path | str | None = None) -> tuple[str, ...]:
    """Full and abbreviated month names, lower-cased (how a date parser compares them).

    >>> month_names()[:3], len(month_names())
    (('january', 'february', 'march'), 24)
    """
    found = months(path)
    return tuple(m.name.lower() for m in found) + tuple(m.abbreviation.lower() for m in found)


def month_numbers(path: Path | str | None = None) -> dict[str, int]:
    """Every form of every month in ``months.yaml``, case-folded, to the month's number (1-12).

    >>> numbers = month_numbers()
    >>> numbers["may"], numbers["ноября"], numbers["mai"], numbers["décembre"]
    (5, 11, 5, 12)
    """
    return dict(_month_numbers(str(path or WORDS_DIR / "months.yaml")))


@lru_cache(maxsize=4)
def _month_numbers(path: str) -> tuple[tuple[str, int], ...]:
    numbers = {}
    for number, month in enumerate(months(path), start=1):
        for form in (month.name, month.abbreviation, *(f for forms in month.names.values() for f in forms)):
            numbers[form.casefold()] = number
    return tuple(numbers.items())


def date_stamps(path: Path | str | None = None) -> dict[str, tuple[str, ...]]:
    """The lists of ``date_stamps.yaml`` (:data:`DATE_STAMP_LISTS`), each the forms of every language, longest
    first (so that "last updated" is tried before "updated").

    >>> stamps = date_stamps()
    >>> "veröffentlicht" in stamps["published"], "last updated" in stamps["updated"]
    (True, True)
    """
    return _date_stamps(str(path or WORDS_DIR / "date_stamps.yaml"))


@lru_cache(maxsize=4)
def _date_stamps(path: str) -> dict[str, tuple[str, ...]]:
    file = Path(path)
    data = _read(file, "published: {en: [published]}, updated: {en: [updated]}")
    example = "{en: [published, posted], fr: [publié]}"
    check_lists(file.name, data, DATE_STAMP_LISTS)
    lists = {}
    for key in DATE_STAMP_LISTS:
        languages = data.get(key)
        if not isinstance(languages, dict) or not languages:
            raise LexiconError(f"{file.name}: '{key}' must map language codes to lists of words, e.g. {key}: {example}")
        forms = []
        for language, words in languages.items():
            if not (isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language)):
                raise LexiconError(f"{file.name}: '{key}': '{language}' is not a two-letter ISO 639-1 language code; "
                                   f"write e.g. {key}: {example}")
            if not isinstance(words, list) or not words or not all(
                    isinstance(w, str) and w.strip() and w == w.strip() for w in words):
                raise LexiconError(f"{file.name}: '{key}': {language}: needs a non-empty list of words (quote a word "
                                   f"YAML reads otherwise, drop blanks around it), e.g. {key}: {example}; "
                                   f"found {words!r}")
            forms += [w.casefold() for w in words]
        lists[key] = tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))
    return lists


def alternation(forms) -> str:
    """A regular-expression alternation of literal forms, in the order given.

    >>> alternation(["said", "U.S."])
    'said|U\\\\.S\\\\.'
    """
    return "|".join(map(re.escape, forms))
