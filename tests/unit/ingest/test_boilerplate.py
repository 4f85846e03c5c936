"""Boilerplate rules: each removes what it names, and article text survives."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.ingest.boilerplate import classify_line, strip_boilerplate


@pytest.mark.parametrize("line, reason", [
    ("Read Time:2 Minute, 5 Second", "read_time"),
    ("4 min read", "read_time"),
    ("See also  Gold climbs as central banks keep buying", "see_also"),
    ("Related: BRICS ministers meet in Rio", "see_also"),
    ("What do you think?", "reader_prompt"),
    ("Leave a Reply", "comment_form"),
    ("Your e-mail address will not be shared. Required fields are marked *", "comment_form"),
    ("Required fields are marked *", "comment_form"),
    ("More interesting news - subscribe", "subscribe_prompt"),
    ("Sign up for our newsletter", "subscribe_prompt"),
    ("#BRICS #Gold #Markets", "hashtags"),
    ("in , , ,", "empty_tag_line"),
    ("Share this: Facebook Twitter WhatsApp", "share_buttons"),
    ("Facebook | Telegram | Email", "share_buttons"),
    ("Home » World » Asia", "breadcrumb"),
    ("Advertisement", "advertisement"),
    ("Best Dividend ETFs for Beginners", "advertisement"),
    ("Common Stocks in Frontier Markets", "advertisement"),
    ("$BTC 88,304.4 +0.05%", "crypto_ticker"),
    # the same chrome in Spanish, Portuguese, French and German
    ("Lesedauer: 3 Min.", "read_time"),
    ("Temps de lecture : 4 min", "read_time"),
    ("5 min de leitura", "read_time"),
    ("Tiempo de lectura: 2 minutos", "read_time"),
    ("Lesen Sie auch: Wie der Yuan zur Reservewährung werden will", "see_also"),
    ("À lire aussi : Le yuan numérique gagne du terrain", "see_also"),
    ("Leia também: Indonésia estreia como membro pleno", "see_also"),
    ("Lea también: El oro sube otra vez", "see_also"),
    ("Teilen: Facebook · X · WhatsApp · E-Mail", "share_buttons"),
    ("Partager : Facebook · X · LinkedIn · Courriel", "share_buttons"),
    ("Compartilhe: Facebook · WhatsApp · X", "share_buttons"),
    ("Anzeige", "advertisement"),
    ("Publicité", "advertisement"),
    ("Publicidade", "advertisement"),
    ("Deixe um comentário", "comment_form"),
    ("Laisser un commentaire", "comment_form"),
    ("Startseite > Wirtschaft > Finanzen", "breadcrumb"),
    ("Newsletter abonnieren", "subscribe_prompt"),
    ("Inscreva-se na nossa newsletter", "subscribe_prompt"),
])
def test_boilerplate_lines_are_recognised(line, reason):
    assert classify_line(line) == reason


@pytest.mark.parametrize("line", [
    "Background",                                            # a section heading
    "Leaders meet in Beijing",                               # a section heading
    "Trade in national currencies",
    "Investors rushed to subscribe to the first panda bonds issued by the ministry.",
    "Related measures were adopted by the central bank in March.",
    "The stock of gold held by the central bank rose to 2,300 tonnes in 2024.",
    "Share prices in Moscow fell by 3 percent after the announcement.",
    "In a statement, the ministry said trade in rubles and yuan reached a record.",
    "Kazem Jalali",                                          # a speaker's name under a quotation
    "Sanktionen als Treiber",                                # section headings in other languages
    "Tarifas e moedas",
    "Die Anzeige der Zentralbank erschien am Montag in mehreren Zeitungen.",
    "Le ministre a refusé de partager les chiffres avec la presse.",
    "O governo decidiu compartilhar os dados com o Banco Central.",
])
def test_article_text_is_kept(line):
    assert classify_line(line) is None


def test_related_headlines_after_the_reader_prompt_are_removed_but_sentences_kept():
    lines = ["A first paragraph of the story.", "", "What do you think?", "",
             "Gold Hits Record as Banks Buy", "Moscow Hosts Finance Ministers",
             "An editor's note that is a full sentence, so it stays."]
    kept, removed = strip_boilerplate(lines)
    assert [text for _, text in kept] == [lines[0], lines[6]]
    assert [r.reason for r in removed] == ["reader_prompt", "related_headline", "related_headline"]
    assert [r.line_no for r in removed] == [2, 4, 5]


def test_related_headlines_after_a_most_read_header_in_another_language_are_removed():
    lines = ["Der letzte Absatz des Artikels.", "Meistgelesen", "Gold auf Rekordhoch", "Moskau empfängt Minister"]
    kept, removed = strip_boilerplate(lines)
    assert [text for _, text in kept] == [lines[0]]
    assert [r.reason for r in removed] == ["related_header", "related_headline", "related_headline"]


def test_headings_before_any_marker_are_kept():
    lines = ["The talks", "Both sides signed an agreement on energy.", "Background", "Trade doubled since 2020."]
    kept, removed = strip_boilerplate(lines)
    assert len(kept) == 4 and removed == []


WORDS = st.sampled_from("the bank said trade between both countries rose sharply in rubles yuan gold reserves "
                        "ministers agreed on a new payment link after talks held last week".split())


@given(st.lists(WORDS, min_size=12, max_size=40))
def test_long_sentences_are_never_boilerplate(words):
    sentence = " ".join(words).capitalize() + "."
    assert classify_line(sentence) is None
