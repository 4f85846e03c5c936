"""Language identification: a language for texts with enough letters, "und" for the rest."""
from analysis.ingest.language import MIN_LETTERS, detect_language


def test_texts_with_too_few_letters_are_undetermined_however_long():
    assert detect_language("") == ("und", 0.0)
    assert detect_language("12,400 3.5% 2024-03-01 — $1,200 " * 50) == ("und", 0.0)
    assert detect_language("a" * (MIN_LETTERS - 1) + " 1234567890" * 20) == ("und", 0.0)


def test_enough_letters_among_digits_get_a_language_and_its_probability():
    english = "The central bank said on Monday that it would keep buying gold for its reserves. " * 2
    spanish = "El banco central dijo el lunes que seguirá comprando oro para sus reservas este año. " * 2
    assert detect_language("2024 " * 200 + english)[0] == "en"  # letters after 1,000 digits and blanks still count
    language, probability = detect_language(spanish)
    assert language == "es" and 0.5 < probability <= 1.0
