"""Spellings of a name that news writes besides the dictionary's own.

One Russian name reaches English news in several romanisation systems (BGN/PCGN, ISO 9,
agency house styles): Sergei/Sergey, Dmitry/Dmitri, Shoigu/Shoygu, Zelensky/Zelenskyy/
Zelenskiy; German news writes yet another (Sergej Lawrow). The rules below swap the endings and
letter pairs on which those systems differ, and rewrite a name into the German system,
for people of the countries whose names are romanised from Cyrillic, when the dictionary
loads, so that nobody has to type them. No library does this from the Latin side
(transliteration libraries go from Cyrillic to one Latin system), hence the short table.

Accents need no spellings of their own: matching drops them from text and aliases alike
(:mod:`analysis.actors.matching`), so "Yvan Gil" finds "Yván Gil" and "Vladímir" finds "Vladimir".

A generated spelling that another actor already uses, or that two actors would both get,
is dropped rather than made ambiguous (see :func:`analysis.lexicons.actors.load_dictionary`).
"""
from __future__ import annotations

import itertools
import re

__all__ = ["CYRILLIC_NAME_COUNTRIES", "romanisations", "german_spelling", "spelling_variants"]

# People of these countries have names romanised from Cyrillic.
CYRILLIC_NAME_COUNTRIES = {"RUS", "BLR", "UKR", "KAZ", "KGZ", "TJK", "UZB", "TKM"}

# Each group lists the forms that romanisation systems write for one Cyrillic spelling, and
# where in a word they stand; a word with one of the forms there gets the others.
_POSITIONS = {"end": "{}$", "end_after_consonant": "(?<=[^aeiouy]){}$", "before_consonant": "{}(?=[^aeiou])",
              "start": "^{}", "anywhere": "{}"}
_ROMANISATION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("end", ("ei", "ey")),                      # Sergei / Sergey, Alexei / Alexey, Andrei / Andrey
    ("end", ("ai", "ay")),                      # Nikolai / Nikolay
    ("end_after_consonant", ("i", "y")),        # Dmitri / Dmitry, Yuri / Yury, Zelenski / Zelensky
    ("end", ("sky", "skyy", "skiy", "skii")),   # Zelensky / Zelenskyy / Zelenskiy
    ("before_consonant", ("oi", "oy")),         # Shoigu / Shoygu
    ("start", ("Alex", "Aleks")),               # Alexei / Aleksei
    ("anywhere", ("iye", "ie")),                # Matviyenko / Matvienko
)
_MAX_VARIANTS = 16  # per name: the product over its words grows fast


def _word_romanisations(word: str) -> list[str]:
    """``word`` and its other romanisations, every group applied to every form found so far."""
    forms = [word]
    for position, group in _ROMANISATION_GROUPS:
        found = []
        for form in forms:
            for written in group:
                pattern = _POSITIONS[position].format(re.escape(written))
                if re.search(pattern, form):
                    found += [re.sub(pattern, other, form, count=1) for other in group if other != written]
                    break
        forms += found
    return list(dict.fromkeys(forms))


def romanisations(name: str) -> list[str]:
    """Other romanisations of a Cyrillic-script name, word by word ("Sergei Shoigu" -> "Sergey Shoygu", ...).

    >>> romanisations("Sergei Shoigu")
    ['Sergei Shoygu', 'Sergey Shoigu', 'Sergey Shoygu']
    """
    words = name.split(" ")
    per_word = [_word_romanisations(word) for word in words]
    variants = (" ".join(combination) for combination in itertools.product(*per_word))
    return [variant for variant in itertools.islice(variants, _MAX_VARIANTS + 1) if variant != name][:_MAX_VARIANTS]


# German news transliterates Cyrillic names after Duden, not from the English forms: Wladimir Putin,
# Sergej Lawrow, Anton Siluanow, Maria Sacharowa, Wolodymyr Selenskyj. These rewrite an English
# romanisation into that one, letter group by letter group, the longest group first.
_GERMAN_GROUPS = {"shch": "schtsch", "zh": "sch", "sh": "sch", "kh": "ch", "ch": "tsch", "ts": "z", "yu": "ju",
                  "ya": "ja", "ye": "je", "yo": "jo", "v": "w", "z": "s"}
_GERMAN_GROUP = re.compile("|".join(sorted(_GERMAN_GROUPS, key=len, reverse=True)), re.IGNORECASE)
_GERMAN_ENDINGS = (("iew", "ijew"), ("ei", "ej"), ("ey", "ej"), ("ai", "aj"), ("yy", "yj"),
                   ("iy", "ij"), ("y", "i"))


def _german_word(word: str) -> str:
    """One word of an English romanisation as German writes it ("Lavrov" -> "Lawrow", "Yury" -> "Juri")."""
    def group(match: re.Match[str]) -> str:
        german = _GERMAN_GROUPS[match.group().lower()]
        return german.capitalize() if match.group()[0].isupper() else german
    german = _GERMAN_GROUP.sub(group, word)
    german = re.sub(r"(?<=[aeiouy])s(?=[aeiouy])", "ss", german)  # a voiceless s between vowels: Beloussow
    german = re.sub(r"^Y(?=[aeiou])", "J", german)  # Yury -> Juri
    for english, ending in _GERMAN_ENDINGS:
        if german.endswith(english) and len(german) > len(english) + 1:
            return german[: -len(english)] + ending
    return german


def german_spelling(name: str) -> str:
    """A Cyrillic-script name as German news writes it.

    >>> german_spelling("Sergei Lavrov"), german_spelling("Maria Zakharova")
    ('Sergej Lawrow', 'Maria Sacharowa')
    """
    return " ".join(_german_word(word) for word in name.split(" "))


def spelling_variants(name: str, country: str | None, is_person: bool) -> list[str]:
    """Every generated spelling of ``name``: for people of :data:`CYRILLIC_NAME_COUNTRIES`, its
    other romanisations and its German transliteration; ``name`` itself is left out.

    >>> spelling_variants("Dmitry Peskov", "RUS", True)
    ['Dmitri Peskov', 'Dmitri Peskow']
    >>> spelling_variants("Dmitry Peskov", "USA", True)
    []
    """
    if not (is_person and country in CYRILLIC_NAME_COUNTRIES):
        return []
    german = german_spelling(name)
    return list(dict.fromkeys([*romanisations(name), *([german] if german != name else [])]))
