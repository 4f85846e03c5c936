"""Claims in Spanish, Portuguese, French and German, on synthetic sentences: the same rules, each language's words."""
from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.narratives.amounts import find_amounts
from analysis.narratives.claim_words import load_claim_words
from analysis.narratives.claims import ClaimExtractor, load_claim_lexicon
from tests.unit.narratives.test_claims import document, summary

EXTRACTOR = ClaimExtractor()


def claims(text: str, language: str) -> list[dict]:
    sentences, mentions = document(text)
    return EXTRACTOR.extract("doc", text, sentences, mentions, find_amounts(text), language)


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Ruritania vendió bonos del Tesoro en marzo.", [("Ruritania", "sell", "US Treasuries", "away_from_usd")]),
    ("es", "Freedonia compró oro por tercer mes consecutivo.", [("Freedonia", "buy", "gold", "away_from_usd")]),
    ("es", "Ruritania amplió el swap de divisas con Freedonia.",
     [("Ruritania", "add", "currency swap line", "away_from_usd")]),
    ("pt", "Freedonia reduziu a participação do dólar nas reservas.",
     [("Freedonia", "reduce", "US dollar", "away_from_usd")]),
    ("pt", "Ruritania aumentou a participação da moeda chinesa.", [("Ruritania", "add", "yuan", "away_from_usd")]),
    ("fr", "Ruritania veut payer ses importations en yuans plutôt qu'en dollars.",
     [("Ruritania", "settle", "yuan", "away_from_usd")]),
    ("fr", "Freedonia a décidé de se couper de SWIFT.", [("Freedonia", "abandon", "SWIFT", "away_from_usd")]),
    ("de", "Ruritania hat ihre Reserven in Yuan und Gold aufgestockt.",
     [("Ruritania", "add", "yuan", "away_from_usd"), ("Ruritania", "add", "gold", "away_from_usd")]),
])
def test_verbs_and_objects_in_each_language(language, text, expected):
    assert summary(claims(text, language), "actor_name", "action", "asset", "direction") == expected


def test_the_contrary_words_turn_the_direction_around():
    rows = claims("Freedonia fechou no ano passado contratos de pagamento em moedas diferentes do dólar.", "pt")
    assert summary(rows, "asset", "direction") == [("US dollar", "away_from_usd")]


@pytest.mark.parametrize("language, text, status", [
    ("es", "Ruritania podría liquidar su comercio en yuanes.", "speculative"),
    ("es", "Ruritania planea pagar el petróleo en monedas locales.", "planned"),
    ("es", "Ruritania negó que fuera a vender bonos del Tesoro.", "denied"),
    ("pt", "Ruritania propôs liquidar o comércio em moedas locais.", "proposed"),
    ("fr", "Ruritania pourrait régler ses achats en monnaies nationales.", "speculative"),
    ("fr", "Ruritania n'a pas acheté d'or cette année.", "denied"),
    ("de", "Ruritania plant, künftig in Yuan abzurechnen und dafür Gold zu kaufen.", "planned"),
    ("de", "Freedonia könnte US-Staatsanleihen verkaufen.", "speculative"),
])
def test_status_from_each_languages_hedges(language, text, status):
    rows = claims(text, language)
    assert rows and {row["status"] for row in rows} == {status}


def test_a_speech_verb_starts_the_clause_of_the_subject():
    rows = claims("Freedonia dijo que Ruritania compró oro.", "es")
    assert summary(rows, "actor_name", "asset") == [("Ruritania", "gold")]


def test_an_actor_after_a_preposition_is_not_the_subject():
    rows = claims("Con Freedonia, Ruritania comenzó a liquidar el comercio en yuanes.", "es")
    assert summary(rows, "actor_name", "asset") == [("Ruritania", "yuan")]


def test_an_actor_joined_to_a_prepositions_object_is_not_the_subject():
    assert claims("Los pagos entre Freedonia y Ruritania se liquidan en yuanes.", "es") == []
    rows = claims("Ruritania liquida con Freedonia y Sylvania su comercio en yuanes.", "es")
    assert summary(rows, "actor_name", "asset") == [("Ruritania", "yuan")]


@pytest.mark.parametrize("language, text, speaker", [
    ("es", "Según Anna Berg, Ruritania compró oro.", "Anna Berg"),
    ("es", "Ruritania compró oro, dijo Anna Berg.", "Anna Berg"),
    ("fr", "Selon des analystes, Ruritania a acheté de l'or.", "des analystes"),
    ("de", "Laut Anna Berg hat Ruritania Gold gekauft.", "Anna Berg"),
    ("pt", "Segundo informou a imprensa local, Ruritania comprou ouro.", "a imprensa local"),
    ("fr", "Ruritania a ajouté de l'or à ses réserves.", None),
])
def test_attribution_in_each_language(language, text, speaker):
    rows = claims(text, language)
    assert [(row["asset"], row["attributed_to"]) for row in rows] == [("gold", speaker)]


def test_english_rules_do_not_read_other_languages():
    assert claims("Ruritania vendió bonos del Tesoro en marzo.", "en") == []


def test_claim_words_errors_name_the_file_the_language_and_the_list(tmp_path):
    (tmp_path / "claim_words.yaml").write_text("es:\n  speech: [dijo]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"claim_words.yaml, entry 'es': 'that' must be a non-empty list"):
        load_claim_words(tmp_path)
    (tmp_path / "claim_words.yaml").write_text("spanish: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"claim_words.yaml, entry 'spanish': expected a two-letter language code"):
        load_claim_words(tmp_path)


def test_forms_abroad_must_map_languages_to_lists(tmp_path):
    for name in ("assets.yaml", "systems.yaml", "currencies.yaml"):
        (tmp_path / name).write_text("[]\n", encoding="utf-8")
    (tmp_path / "claim_verbs.yaml").write_text("- action: sell\n  polarity: divest\n  forms: [sell]\n"
                                                "  forms_abroad: [vender]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"claim_verbs.yaml, entry 1 \(sell\): 'forms_abroad' must map language"):
        load_claim_lexicon(tmp_path)


def test_a_language_with_verb_forms_needs_its_claim_words():
    words = {"es": load_claim_words()["es"]}
    with pytest.raises(LexiconError, match=r"forms_abroad for 'pt' but claim_words.yaml has no 'pt' entry"):
        ClaimExtractor(load_claim_lexicon(), words)
