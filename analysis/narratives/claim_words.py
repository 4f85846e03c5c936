"""The words the claim rules read, per article language: speech verbs, hedges, negation, prepositions.

English keeps the lists of :mod:`analysis.narratives.attribution` and :mod:`analysis.narratives.claims`
(:meth:`ClaimWords.english`); every other language comes from ``data/lexicons/narratives/claim_words.yaml``
(:func:`load_claim_words`), checked on load: errors name the file, the language, the list and the fix. With the
``forms_abroad`` of ``claim_verbs.yaml`` and the ``cues_abroad`` of ``assets.yaml`` and ``systems.yaml``
(:mod:`analysis.lexicons.narratives`), adding a language is lexicon work: the rules stay as they are.

>>> words = load_claim_words()["es"]
>>> words.status("el banco central podría", negated=False)
'speculative'
>>> bool(words.speech.search("El ministro dijo que Ruritania compró oro"))
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.errors import LexiconError
from analysis.lexicons.io import LEXICON_DIR, read_yaml
from analysis.narratives.attribution import NEGATION, PLANNED, PROPOSED, SPECULATIVE, SPEECH, claim_status

__all__ = ["WORD_LISTS", "ClaimWords", "load_claim_words", "claim_languages"]

WORD_LISTS = ("speech", "that", "negation", "speculative", "proposed", "planned", "prepositions", "articles", "of",
              "and", "contrary", "like", "according")


@dataclass(frozen=True)
class ClaimWords:
    """One language's words, compiled for the claim rules."""
    speech: re.Pattern
    negation: re.Pattern
    speculative: re.Pattern
    proposed: re.Pattern
    planned: re.Pattern
    prepositions: frozenset[str]
    articles: frozenset[str]
    of: frozenset[str]
    coordinated: re.Pattern       # between two coordinated objects ("in rupees and dirhams")
    joined: re.Pattern            # between two coordinated subjects ("Russia and China")
    contrary: re.Pattern          # "settled outside the dollar": the verb's sense turns around
    object_before: int = 25       # how far before a verb its object may stand (characters)
    likeness: re.Pattern | None = None  # "algo como o euro": what follows is a comparison, not the object
    according: re.Pattern | None = None  # "según X", "selon X": the claim is X's (group "who")
    nouns_capitalised: bool = False
    coordinate_back: bool = False  # objects coordinated before the first one count too (verb-final clauses)
    preposition_chains: bool = False  # "entre X y Y": an actor joined to a preposition's object is not a subject

    def status(self, window: str, negated: bool, cap: str | None = None) -> str:
        """:func:`analysis.narratives.attribution.claim_status`, with this language's hedges."""
        return claim_status(window, negated, cap, (self.speculative, self.proposed, self.planned))

    @classmethod
    def english(cls, prepositions, contrary: re.Pattern, object_before: int) -> ClaimWords:
        """English, from the rules' own lists (so English claims are read exactly as before)."""
        return cls(SPEECH, NEGATION, SPECULATIVE, PROPOSED, PLANNED, frozenset(prepositions),
                   frozenset({"the", "a", "an"}), frozenset({"of"}),
                   re.compile(r"\s*(?:,|and|or|&|,\s*and|as well as)\s*(?:the\s+|in\s+)?"),
                   re.compile(r"\s*(?:,|and|&|as well as|,\s*and|or)\s*(?:the\s+)?"), contrary, object_before)


def _words(forms) -> str:
    """Whole words or phrases, longest first; an elided form ("n’", "qu'") needs no boundary after it."""
    parts = [re.escape(f) + ("" if f[-1] in "’'" else r"(?!\w)") for f in sorted(forms, key=len, reverse=True)]
    return r"(?<!\w)(?:" + "|".join(parts) + ")"


def load_claim_words(folder: Path | str | None = None) -> dict[str, ClaimWords]:
    """Language -> :class:`ClaimWords` of the folder's ``claim_words.yaml`` (English is not in the file)."""
    return _load(str(Path(folder or LEXICON_DIR) / "claim_words.yaml"))


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, ClaimWords]:
    name = Path(path).name
    data = read_yaml(Path(path), "claim word lists not found; restore the file from the repository "
                                 "(data/lexicons/narratives/)")
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping of language codes (es, pt ...) to word lists")
    found: dict[str, ClaimWords] = {}
    for language, lists in data.items():
        if not (isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language)) or not isinstance(lists, dict):
            raise LexiconError(f"{name}, entry '{language}': expected a two-letter language code (ISO 639-1) "
                               f"mapping to the lists {', '.join(WORD_LISTS)}")
        unknown = set(lists) - set(WORD_LISTS) - {"nouns_capitalised", "object_before"}
        if unknown:
            raise LexiconError(f"{name}, entry '{language}': unknown list(s) {', '.join(sorted(unknown))}; "
                               f"the lists are {', '.join(WORD_LISTS)}, with nouns_capitalised and object_before")
        words: dict[str, list[str]] = {}
        for key in WORD_LISTS:
            value = lists.get(key)
            if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
                raise LexiconError(f"{name}, entry '{language}': '{key}' must be a non-empty list of words, quoted "
                                   f"where YAML would read another type ('no') (add it, e.g. {key}: [word, word])")
            words[key] = value
        capitalised = lists.get("nouns_capitalised", False)
        if not isinstance(capitalised, bool):
            raise LexiconError(f"{name}, entry '{language}': nouns_capitalised must be true or false")
        before = lists.get("object_before", 25)
        if not isinstance(before, int) or isinstance(before, bool) or not 0 <= before <= 200:
            raise LexiconError(f"{name}, entry '{language}': object_before must be a number of characters "
                               "(0 to 200), e.g. object_before: 25")
        flags = re.IGNORECASE
        speech = _words(words["speech"])
        # "según informó en la red X": no speaker named (a preposition that is neither "of" nor an article)
        places = _words(set(words["prepositions"]) - set(words["of"]) - set(words["articles"]))
        conj = "|".join(map(re.escape, sorted(words["and"], key=len, reverse=True)))
        articles = "|".join(map(re.escape, sorted(words["articles"], key=len, reverse=True)))
        found[language] = ClaimWords(
            speech=re.compile(speech + rf"(?:\s*,?\s*{_words(words['that'])})?", flags),
            negation=re.compile(_words(words["negation"]), flags),
            speculative=re.compile(_words(words["speculative"]), flags),
            proposed=re.compile(_words(words["proposed"]), flags),
            planned=re.compile(_words(words["planned"]), flags),
            prepositions=frozenset(w.lower() for w in words["prepositions"]),
            articles=frozenset(w.lower() for w in words["articles"]),
            of=frozenset(w.lower() for w in words["of"]),
            coordinated=re.compile(rf"\s*(?:,|(?:{conj})(?!\w)|,\s*(?:{conj})(?!\w))\s*(?:(?:{articles})\s+)?",
                                   flags),
            joined=re.compile(rf"\s*(?:,|(?:{conj})(?!\w)|,\s*(?:{conj})(?!\w))\s*(?:(?:{articles})\s+)?", flags),
            contrary=re.compile(_words(words["contrary"]), flags),
            object_before=before, nouns_capitalised=capitalised, coordinate_back=True, preposition_chains=True,
            according=re.compile(rf"{_words(words['according'])}\s+(?:{speech}\s+)?(?!{places}|{speech})"
                                 r"(?P<who>[^,.;:“”\"«»]{2,80})", flags),
            likeness=re.compile(_words(words["like"]) + rf"\s+(?:(?:{articles})\s+)?$", flags))
    return found


def claim_languages(folder: Path | str | None = None) -> tuple[str, ...]:
    """The languages whose claims the rules read: English and every language of ``claim_words.yaml``.

    >>> "en" in claim_languages() and "es" in claim_languages()
    True
    """
    return tuple(sorted({"en", *load_claim_words(folder)}))
