"""Titles as English news writes them, and the dictionary roles each one asserts.

Read from ``data/lexicons/words/titles.yaml`` (checked as every word list is, see
:mod:`analysis.lexicons.wordlists`): a new title, qualifier or office word needs an edit there only.
"""
from __future__ import annotations

from pathlib import Path

from analysis.errors import LexiconError
from analysis.lexicons.io import did_you_mean
from analysis.lexicons.wordlists import read_word_file, word_list

__all__ = ["ROLES", "TITLE_ROLES", "ROLE_WORDS", "QUALIFIERS", "PAST_QUALIFIERS", "DEPUTY_QUALIFIERS",
           "FAMILY_NAME_FIRST", "LEADER_IS_HEAD_OF_GOVERNMENT", "CHANCELLOR_IS_FINANCE_MINISTER", "OFFICE_WORDS",
           "OFFICE_NAMES", "read_titles", "roles_for"]

# The roles a person's entry may hold (the dictionary's ``role:`` values).
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "finance_minister", "defence_minister",
         "central_bank_governor", "security_council_secretary", "economy_minister", "trade_minister", "other"}
QUALIFIER_KINDS = ("past", "deputy", "current")

_KEYS = ("titles", "role_words", "qualifiers", "family_name_first", "leader_is_head_of_government",
         "chancellor_is_finance_minister", "office_words", "office_names")


def _title_roles(path: Path, data: dict, key: str) -> dict[str, set[str]]:
    """A ``title: [role, ...]`` section, checked."""
    section = data.get(key)
    if not isinstance(section, dict) or not section:
        raise LexiconError(f"{path.name}: '{key}' must map titles to lists of roles (foreign minister: "
                           f"[foreign_minister]), found {section!r}")
    found = {}
    for title, roles in section.items():
        where = f"{path.name}: {key}: '{title}'"
        if not isinstance(title, str) or title != " ".join(title.lower().split()):
            raise LexiconError(f"{where}: write the title in lower case, one blank between words")
        if isinstance(roles, str):
            roles = [roles]
        if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
            raise LexiconError(f"{where}: must be a list of roles ([head_of_state])")
        for role in roles:
            if role not in ROLES:
                raise LexiconError(f"{where}: unknown role '{role}'{did_you_mean(role, sorted(ROLES))}; "
                                   f"the roles are {', '.join(sorted(ROLES))}")
        found[title] = set(roles)
    return found


def _qualifiers(path: Path, data: dict) -> dict[str, str]:
    """The ``qualifiers:`` section (word -> past, deputy or current), checked."""
    section = data.get("qualifiers")
    if not isinstance(section, dict) or not section:
        raise LexiconError(f"{path.name}: 'qualifiers' must map words to past, deputy or current (former: past)")
    for word, kind in section.items():
        if kind not in QUALIFIER_KINDS:
            raise LexiconError(f"{path.name}: qualifiers: '{word}' is {kind!r}{did_you_mean(kind, QUALIFIER_KINDS)}; "
                               f"use one of {', '.join(QUALIFIER_KINDS)}")
    return {str(word): kind for word, kind in section.items()}


def _countries(path: Path, data: dict, key: str) -> set[str]:
    codes = set(word_list(path, data, key))
    wrong = sorted(code for code in codes if not (len(code) == 3 and code.isupper()))
    if wrong:
        raise LexiconError(f"{path.name}: '{key}': {', '.join(wrong)}: write ISO 3166 alpha-3 codes in capitals (GBR)")
    return codes


def read_titles(folder: Path | str | None = None) -> dict:
    """Every section of ``titles.yaml`` (in ``folder``, default ``data/lexicons/words/``), checked: the
    values of this module's constants, by their names in lower case."""
    path, data = read_word_file("titles.yaml", _KEYS, folder)
    title_roles = _title_roles(path, data, "titles")
    qualifiers = _qualifiers(path, data)
    office_words = word_list(path, data, "office_words")
    return {
        "title_roles": title_roles, "role_words": {**title_roles, **_title_roles(path, data, "role_words")},
        "qualifiers": qualifiers,
        "past_qualifiers": tuple(word for word, kind in qualifiers.items() if kind == "past"),
        "deputy_qualifiers": tuple(word for word, kind in qualifiers.items() if kind == "deputy"),
        "family_name_first": _countries(path, data, "family_name_first"),
        "leader_is_head_of_government": _countries(path, data, "leader_is_head_of_government"),
        "chancellor_is_finance_minister": _countries(path, data, "chancellor_is_finance_minister"),
        "office_words": office_words,
        "office_names": (*(word.capitalize() for word in office_words), *word_list(path, data, "office_names")),
    }


_TITLES = read_titles()

# Titles as news writes them, and the dictionary roles each one asserts.
TITLE_ROLES: dict[str, set[str]] = _TITLES["title_roles"]
# Role descriptions: the titles and the words that are descriptions only ("the Russian leader").
ROLE_WORDS = _TITLES["role_words"]
# Words before a title: a past one dates the title before the article ("former president"); a deputy's
# names another office.
QUALIFIERS = _TITLES["qualifiers"]
PAST_QUALIFIERS = _TITLES["past_qualifiers"]
DEPUTY_QUALIFIERS = _TITLES["deputy_qualifiers"]
# Where a person's family name comes first ("Wang Yi", "Li Qiang", "Kim Jong Un"): the word that
# later mentions of that person by surname alone use.
FAMILY_NAME_FIRST = _TITLES["family_name_first"]
# "the Russian leader" means the head of state, except where the head of government leads.
LEADER_IS_HEAD_OF_GOVERNMENT = _TITLES["leader_is_head_of_government"]
# Britain's Chancellor (of the Exchequer) is its finance minister, Germany's and Austria's lead the government.
CHANCELLOR_IS_FINANCE_MINISTER = _TITLES["chancellor_is_finance_minister"]
# Words of an office or an honorific before a name, in lower case, and as written there, capitalised
# ("Chief Executive", "CEO", "Secretary-General").
OFFICE_WORDS = _TITLES["office_words"]
OFFICE_NAMES = _TITLES["office_names"]


def roles_for(title: str, country: str | None) -> set[str]:
    """The dictionary roles that ``title`` (lower case) names for ``country`` (ISO3).

    >>> sorted(roles_for("leader", "GBR")), sorted(roles_for("leader", "RUS"))
    (['head_of_government'], ['head_of_state'])
    >>> roles_for("chancellor", "GBR")
    {'finance_minister'}
    """
    if title == "leader":
        return {"head_of_government"} if country in LEADER_IS_HEAD_OF_GOVERNMENT else {"head_of_state"}
    if title == "chancellor" and country in CHANCELLOR_IS_FINANCE_MINISTER:
        return {"finance_minister"}
    return ROLE_WORDS.get(title, set())
