"""Fast dictionary matching: every alias of every actor, compiled once into one automaton.

An Aho-Corasick automaton (ahocorasick_rs, the Rust ``aho-corasick`` crate's DFA) scans
each text once whatever the number of aliases, and hands back all its matches in one list
(Aho & Corasick, 1975, "Efficient string matching: an aid to bibliographic search", CACM 18(6)).
Text and aliases are normalised the same way, character for character (lower case, accents
dropped; anything but letters, digits and ``+`` becomes a space), and every key is wrapped in
spaces, so a key only matches whole words: hyphenated compounds ("China-Russia"), possessives
("Putin's") and punctuation split where they should. Offsets in the normalised text are
offsets in the original.

Accents are dropped both ways: "Yvan Gil" finds "Yván Gil", and the Spanish "Vladímir Putin"
finds "Vladimir Putin". Where two aliases differ only in accents, the one written as in the
text is chosen; if neither is, and they name different actors, the match is ambiguous.

Case is checked on the original text: acronyms match only as written ("US", not "us";
"WHO", not "who"); other aliases need the capitals they have ("Chinese", not "chinese").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ahocorasick_rs

__all__ = ["normalise", "is_acronym", "AliasMatch", "AliasMatcher", "longest_first"]

_NON_WORD = re.compile(r"[^\w+]|_")
# normalise() lower-cases and blanks what _NON_WORD matches without a pass of Python or regex
# code over every character: a byte table does ASCII, and each of the few distinct non-ASCII
# characters a text holds (curly quotes, dashes, accented letters) is replaced in the UTF-8
# bytes. UTF-8 encodes every non-ASCII character in bytes >= 0x80 only, so neither step can
# touch another character, and the decoded text has the same length, character for character.
_ASCII_LOWER_BLANKS = bytes(
    c if c >= 0x80 else ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "+" else 0x20 for c in range(256))
_ASCII = bytes(range(0x80))
_CAPITAL_SIGMA = "\u03a3"  # lower-cases to σ or ς depending on its neighbours: the one context rule


def normalise(text: str) -> str:
    """Lower-case ``text`` and blank out non-word characters, keeping its length.

    A character whose lower case is longer than itself ("İ") stays as it is.

    >>> normalise("Putin’s Kyiv-based Yván")
    'putin s kyiv based yvan'
    """
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) != len(text):  # not all ASCII
        others = set(encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
        if _CAPITAL_SIGMA in others:
            return _normalise_in_context(text)
        for char in others:
            replacement = _folded(char)
            if replacement != char:
                encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), replacement.encode("utf-8"))
    return encoded.translate(_ASCII_LOWER_BLANKS).decode("utf-8", "surrogatepass")


def _normalise_in_context(text: str) -> str:
    """:func:`normalise` with ``str.lower`` on the whole text, for its context rule (final sigma)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return "".join(_folded(c) if c >= "\x80" else c for c in _NON_WORD.sub(" ", lowered))


_FOLDED: dict[str, str] = {}


def _folded(char: str) -> str:
    """One non-ASCII character as :func:`normalise` writes it: lower case without its accents
    ("Í" -> "i"), a space if it is no letter or digit, or itself ("ł", "ø", "İ")."""
    folded = _FOLDED.get(char)
    if folded is None:
        lowered = char.lower()
        if len(lowered) != 1:  # "İ" lower-cases to two characters: kept, to keep the length
            lowered = char
        if not lowered.isalnum():
            folded = " "
        else:
            decomposed = unicodedata.normalize("NFD", lowered)
            base = decomposed[0]
            accents_only = all(unicodedata.combining(c) for c in decomposed[1:])
            folded = base if len(decomposed) > 1 and accents_only and base.isalnum() else lowered
        _FOLDED[char] = folded
    return folded


def is_acronym(alias: str) -> bool:
    """"US", "U.S.", "G20", "OPEC+", "BRICS": no lower-case letter and at least two capitals.

    >>> is_acronym("OPEC+"), is_acronym("Fed")
    (True, False)
    """
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
        by_key: dict[str, list[tuple[str, tuple[str, ...], tuple[bool, ...] | None]]] = {}
        for alias, owners in sorted(aliases.items()):
            # Blanks stay as normalise() leaves them, as in the text: "S. Jaishankar" and "Washington,
            # D.C." keep two blanks where the punctuation and the space were, and match.
            key = normalise(alias).strip()
            if not key:
                continue
            capitals = None if is_acronym(alias) else tuple(w[:1].isupper() for w in _words(alias))
            by_key.setdefault(key, []).append((alias, tuple(owners), capitals))
        # Which variant (if any) a surface form fits depends only on the surface and the key's
        # variants, and the same surfaces recur in every text: decided once, kept with the key.
        self._keys = [(tuple(variants), {}) for variants in by_key.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(
            [f" {key} " for key in by_key], matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA)  # the fastest scan, built once
        self.size = len(by_key)

    def find(self, text: str) -> list[AliasMatch]:
        return [AliasMatch(start, end, alias, owners) for start, end, alias, owners in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """:meth:`find` as plain ``(start, end, alias, owners)`` tuples, for callers in a hurry."""
        padded = f" {normalise(text)} "
        candidates = []
        append = candidates.append
        last_end, disjoint = -1, True  # whether each match starts after the one before ends
        unseen = _UNSEEN
        keys = self._keys
        for index, start, end in self._automaton.find_matches_as_indexes(padded, overlapping=True):
            # The key " k " spans [start, end) of padded text; the alias, [start, end - 2) of text.
            end -= 2
            variants, fits = keys[index]
            surface = text[start:end]
            fit = fits.get(surface, unseen)
            if fit is unseen:
                fit = _fit(surface, variants)
                if len(fits) < 256:  # the case variants of one key are few; odd ones are not kept
                    fits[surface] = fit
            if fit is not None:
                alias, owners, final_dot = fit
                if final_dot and text[end:end + 1] == ".":
                    end += 1  # "U.S." keeps its final dot
                append((start, end, alias, owners))
                if start < last_end:
                    disjoint = False
                last_end = end
        # The automaton reports matches by their end: if none overlaps the one before, they are
        # already the leftmost-longest choice, in order.
        return candidates if disjoint else longest_first(candidates)


_UNSEEN = object()


def _fit(surface: str, variants) -> tuple[str, tuple[str, ...], bool] | None:
    """The variant whose case ``surface`` fits: its alias, owners and whether it ends with a dot.

    Of several, the first written with the surface's letters ("Yván Gil", not "Yvan Gil"), else
    the first; when none has the surface's letters and they name different actors, all of them.
    """
    fitting = [(alias, owners) for alias, owners, capitals in variants if _case_fits(surface, alias, capitals)]
    if not fitting:
        return None
    letters = _words(surface.lower())
    exact = [(alias, owners) for alias, owners in fitting if _words(alias.lower()) == letters]
    alias, owners = (exact or fitting)[0]
    if not exact and len({owners for _, owners in fitting}) > 1:
        owners = tuple(sorted({owner for _, each in fitting for owner in each}))
    return alias, owners, alias.endswith(".")


def _words(text: str) -> list[str]:
    return [w for w in _NON_WORD.split(text) if w]


def _case_fits(surface: str, alias: str, capitals: tuple[bool, ...] | None) -> bool:
    if capitals is None:  # an acronym: its letters exactly as written ("U.S" of "U.S." at a full stop)
        return _words(surface) == _words(alias)
    if surface.isupper() and len(surface) > 3:  # a headline in capitals
        return True
    words = _words(surface)
    return len(words) == len(capitals) and all(w[:1].isupper() for w, cap in zip(words, capitals) if cap)


def longest_first(matches: list[tuple]) -> list[tuple]:
    """The leftmost match, the longest of those starting there, then on from its end.

    Two matches never share both start and end, so sorting the tuples themselves orders them
    by start, then end: of matches starting at one place, the last one seen is the longest.

    >>> longest_first([(0, 5, "Bank"), (0, 13, "Bank of China"), (8, 13, "China")])
    [(0, 13, 'Bank of China')]
    """
    matches.sort()
    chosen = []
    taken_until = last_start = -1
    for match in matches:
        start = match[0]
        if start >= taken_until:
            chosen.append(match)
            taken_until, last_start = match[1], start
        elif start == last_start:  # a longer match from where the last chosen one starts
            chosen[-1] = match
            taken_until = match[1]
    return chosen
