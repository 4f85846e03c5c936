"""How each language writes numbers: decimal mark, thousands marks, scale words, number words and "per cent".

The entries live in ``data/lexicons/narratives/scales.yaml`` (one per article language); the amount parser
(:mod:`analysis.narratives.amounts`) compiles them into regular expressions. English keeps its own grammar.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.errors import LexiconError
from analysis.lexicons.io import LEXICON_DIR, did_you_mean, entry_field, read_lexicon

__all__ = ["NumberForms", "load_number_forms"]

_KEYS = {"language", "decimal", "thousands", "scales", "numbers", "connectors", "percent", "percent_before",
         "dollar_sign"}
_MARKS = {",", ".", " "}


@dataclass(frozen=True)
class NumberForms:
    language: str                       # ISO 639-1
    decimal: str                        # "," or "."
    thousands: tuple[str, ...]          # ".", ",", " "
    scales: dict[str, float]            # lower-cased word -> multiplier
    numbers: dict[str, float]           # lower-cased number word -> value
    connectors: tuple[str, ...]         # "de", "d'"
    percent: tuple[str, ...]            # words after the number
    percent_before: tuple[str, ...]     # words before the number
    dollar_sign: str | None             # what a bare "$" means; None when unknown


def load_number_forms(folder: Path | str | None = None) -> dict[str, NumberForms]:
    """The entries of ``scales.yaml`` by language code.

    >>> load_number_forms()["es"].scales["billones"]
    1000000000000.0
    """
    return _load(str(folder or LEXICON_DIR))


@lru_cache(maxsize=8)
def _load(folder: str) -> dict[str, NumberForms]:
    path, entries = read_lexicon("scales.yaml", folder)
    forms: dict[str, NumberForms] = {}
    for index, entry in enumerate(entries):
        form = _entry(path, index, entry)
        if form.language in forms:
            raise LexiconError(f"{path.name}, entry {index + 1} ({form.language}): language given twice; "
                               "merge the two entries")
        forms[form.language] = form
    return forms


def _entry(path: Path, index: int, entry: dict) -> NumberForms:
    label = f"{path.name}, entry {index + 1} ({entry.get('language', '?')})"
    for key in entry:
        if key not in _KEYS:
            raise LexiconError(f"{label}: unknown key '{key}'{did_you_mean(key, _KEYS)}")
    language = entry_field(path, index, entry, "language")
    if len(language) != 2 or not language.isalpha() or not language.islower():
        raise LexiconError(f"{label}: language must be a two-letter ISO 639-1 code such as 'es', found {language!r}")
    decimal = entry_field(path, index, entry, "decimal", choices={",", "."})
    thousands = tuple(entry_field(path, index, entry, "thousands", list))
    if not set(thousands) <= _MARKS - {decimal}:
        raise LexiconError(f"{label}: thousands marks must be among '.', ',' and ' ' and differ from the "
                           f"decimal mark {decimal!r}; found {list(thousands)}")
    dollar = entry_field(path, index, entry, "dollar_sign", required=False) or "USD"
    if dollar != "unknown" and not (len(dollar) == 3 and dollar.isalpha() and dollar.isupper()):
        raise LexiconError(f"{label}: dollar_sign must be an ISO 4217 code such as 'USD' or 'unknown', found {dollar!r}")
    return NumberForms(language, decimal, thousands,
                       _mapping(label, entry, "scales", powers=True, required=True),
                       _mapping(label, entry, "numbers", powers=False, required=False),
                       tuple(entry_field(path, index, entry, "connectors", list, required=False)),
                       tuple(entry_field(path, index, entry, "percent", list, required=False)),
                       tuple(entry_field(path, index, entry, "percent_before", list, required=False)),
                       None if dollar == "unknown" else dollar)


def _mapping(label: str, entry: dict, key: str, powers: bool, required: bool) -> dict[str, float]:
    """A word -> number mapping; with ``powers`` the numbers are powers of ten (``millones: 6``)."""
    value = entry.get(key)
    if value is None and not required:
        return {}
    example = "{millones: 6, mil millones: 9}" if powers else "{dos: 2, tres: 3}"
    if not isinstance(value, dict) or not value:
        raise LexiconError(f"{label}: '{key}' must be a mapping of words to numbers, e.g. {example}")
    words: dict[str, float] = {}
    for word, number in value.items():
        if not isinstance(word, str) or not word.strip() or isinstance(number, bool) or not isinstance(number, int):
            raise LexiconError(f"{label}: '{key}' entry {word!r}: {number!r} must be a whole number, e.g. {example}")
        if powers and not 1 <= number <= 15:
            raise LexiconError(f"{label}: scale {word!r} is {number}; give the power of ten (6 for a million)")
        words[word.lower()] = float(10 ** number if powers else number)
    return words
