"""Language identification with py3langid (a bundled model: no download, deterministic)."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["MIN_LETTERS", "detect_language"]

# Below this many letters the guess is noise; such texts are labelled "und" (undetermined).
MIN_LETTERS = 40


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of ``text``'s language, or ``("und", 0.0)`` if too short."""
    if not _has_letters(text[:5000], MIN_LETTERS):
        return "und", 0.0
    language, probability = _identifier().classify(text[:3000])  # the opening is enough and keeps it fast
    return language, round(float(probability), 4)


def _has_letters(text: str, needed: int) -> bool:
    """Whether ``text`` holds at least ``needed`` letters, reading no further than the last one needed."""
    for char in text:
        if char.isalpha():
            needed -= 1
            if needed <= 0:
                return True
    return needed <= 0
