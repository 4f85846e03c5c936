"""Reading the lexicons under ``data/lexicons/``: YAML files checked entry by entry.

Every reader here raises :class:`~analysis.errors.LexiconError` with the file, the entry and the fix, and offers the
closest allowed key when a key is misspelt ("unknown key 'alias'; did you mean 'aliases'?").
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from analysis import config
from analysis.errors import LexiconError

__all__ = ["LEXICON_DIR", "YAML_LOADER", "read_yaml", "check_lists", "read_lexicon", "entry_field", "did_you_mean"]

LEXICON_DIR = config.LEXICON_DIR / "narratives"
# libyaml's safe loader where PyYAML was built with it (the wheels are): the same documents, read several times
# faster, which matters because every run reads the whole actor dictionary and every word list once.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def did_you_mean(value: str, allowed) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``allowed``, or ``""`` when none is close.

    >>> did_you_mean("alias", ["aliases", "name"])
    "; did you mean 'aliases'?"
    >>> did_you_mean("zzz", ["aliases"])
    ''
    """
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def read_yaml(path: Path, missing: str):
    """The YAML document in ``path``; a missing file raises with ``missing`` (what to do), bad YAML with the line."""
    if not path.is_file():
        raise LexiconError(f"{path}: {missing}")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: not valid YAML ({error}); fix the syntax at the line shown") from error


def check_lists(name: str, data: dict, allowed) -> None:
    """Refuse a list name ``data`` has that ``allowed`` does not: a typo would otherwise be ignored without a word."""
    for key in data:
        if key not in allowed:
            raise LexiconError(f"{name}: unknown list '{key}'{did_you_mean(key, allowed)}; "
                               f"the lists are {', '.join(allowed)}")


def read_lexicon(name: str, folder: Path | str | None = None) -> tuple[Path, list[dict]]:
    """Entries of one narrative lexicon file (a YAML list of mappings), with its path for error messages."""
    path = Path(folder or LEXICON_DIR) / name
    data = read_yaml(path, "lexicon file not found; restore it from the repository or pass the folder that holds "
                           "currencies.yaml, scales.yaml, assets.yaml, systems.yaml, frames.yaml and claim_verbs.yaml")
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        raise LexiconError(f"{path}: expected a list of entries (each a mapping starting with '- '), "
                           f"found {type(data).__name__}")
    return path, data


def entry_field(path: Path, index: int, entry: dict, key: str, kind: type = str, required: bool = True,
                choices: set[str] | None = None):
    """One field of a lexicon entry, checked; errors name the file, the entry and the fix."""
    label = entry.get("id") or entry.get("code") or entry.get("action") or f"#{index + 1}"
    value = entry.get(key)
    if value is None:
        if required:
            raise LexiconError(f"{path.name}, entry {index + 1} ({label}): missing '{key}'")
        return [] if kind is list else None
    if kind is list:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value) or not value:
            raise LexiconError(f"{path.name}, entry {index + 1} ({label}): '{key}' must be a non-empty list of strings")
        return [str(v) for v in value]
    if not isinstance(value, kind):
        raise LexiconError(f"{path.name}, entry {index + 1} ({label}): '{key}' must be a {kind.__name__}, "
                           f"found {value!r}")
    if choices is not None and value not in choices:
        raise LexiconError(f"{path.name}, entry {index + 1} ({label}): '{key}' is {value!r}; "
                           f"use one of {', '.join(sorted(choices))}")
    return value
