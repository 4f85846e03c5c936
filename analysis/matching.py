"""Fast dictionary matching: every alias of every actor, compiled once into one automaton.

An Aho-Corasick automaton (pyahocorasick, C) scans each text once whatever the number
of aliases. Text and aliases are normalised the same way, character for character
(lower case; anything but letters, digits and ``+`` becomes a space), and every key is
wrapped in spaces, so a key only matches whole words: hyphenated compounds
("China-Russia"), possessives ("Putin's") and punctuation split where they should.
Offsets in the normalised text are offsets in the original.

Case is checked on the original text: acronyms match only as written ("US", not "us";
"WHO", not "who"); other aliases need the capitals they have ("Chinese", not "chinese").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

_NON_WORD = re.compile(r"[^\w+]|_")


def normalise(text: str) -> str:
    """Lower-case ``text`` and blank out non-word characters, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _NON_WORD.sub(" ", lowered)


def is_acronym(alias: str) -> bool:
    """"US", "U.S.", "G20", "OPEC+", "BRICS": no lower-case letter and at least two capitals."""
    return not any(c.islower() for c in alias) and sum(c.isupper() for c in alias) >= 2


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    alias: str
    owners: tuple[str, ...]   # actor ids that claim this alias (more than one: ambiguous)


class AliasMatcher:
    """Finds the longest non-overlapping alias matches in a text."""

    def __init__(self, aliases: dict[str, list[str]]):
        """``aliases`` maps each alias to the ids of the actors that claim it."""
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[tuple[str, tuple[str, ...], tuple[bool, ...] | None]]] = {}
        for alias, owners in sorted(aliases.items()):
            key = " ".join(normalise(alias).split())
            if not key:
                continue
            capitals = None if is_acronym(alias) else tuple(w[:1].isupper() for w in _words(alias))
            by_key.setdefault(key, []).append((alias, tuple(owners), capitals))
        for key, variants in by_key.items():
            self._automaton.add_word(f" {key} ", (len(key), tuple(variants)))
        self._automaton.make_automaton()
        self.size = len(by_key)

    def find(self, text: str) -> list[AliasMatch]:
        padded = f" {normalise(text)} "
        candidates = []
        for end_index, (length, variants) in self._automaton.iter(padded):
            # The key " k " ends at end_index in padded text; the alias spans [start, end) of text.
            end = end_index - 1
            start = end - length
            surface = text[start:end]
            for alias, owners, capitals in variants:
                if _case_fits(surface, alias, capitals):
                    if alias.endswith(".") and text[end:end + 1] == ".":
                        end += 1  # "U.S." keeps its final dot
                    candidates.append(AliasMatch(start, end, alias, owners))
                    break
        return _longest_first(candidates)


def _words(text: str) -> list[str]:
    return [w for w in _NON_WORD.split(text) if w]


def _case_fits(surface: str, alias: str, capitals: tuple[bool, ...] | None) -> bool:
    if capitals is None:  # an acronym: its letters exactly as written ("U.S" of "U.S." at a full stop)
        return _words(surface) == _words(alias)
    if surface.isupper() and len(surface) > 3:  # a headline in capitals
        return True
    words = _words(surface)
    return len(words) == len(capitals) and all(w[:1].isupper() for w, cap in zip(words, capitals) if cap)


def _longest_first(matches: list[AliasMatch]) -> list[AliasMatch]:
    chosen: list[AliasMatch] = []
    taken_until = -1
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if match.start >= taken_until:
            chosen.append(match)
            taken_until = match.end
    return chosen
