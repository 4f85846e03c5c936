"""The amount parser: every money and percentage form news writes, malformed inputs, ticker lines."""
from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.lexicons.currencies import load_currencies
from analysis.lexicons.io import read_lexicon
from analysis.narratives.amounts import amount_rows, find_amounts


def only(text: str):
    found = find_amounts(text)
    assert len(found) == 1, found
    amount = found[0]
    assert text[amount.start:amount.end] == amount.text
    return amount


@pytest.mark.parametrize("text, literal, value, currency, usd", [
    ("Reserves fell by $53.3 billion last year.", "$53.3 billion", 53.3e9, "USD", 53.3e9),
    ("It paid US$ 286 .3 million in fees.", "US$ 286 .3 million", 286.3e6, "USD", 286.3e6),
    ("A fund of US$85bn was floated.", "US$85bn", 85e9, "USD", 85e9),
    ("A line worth 130 billion yuan was renewed.", "130 billion yuan", 130e9, "CNY", None),
    ("The bank issued €5 bn of notes.", "€5 bn", 5e9, "EUR", None),
    ("Refiners paid Rs 2,000 crore upfront.", "Rs 2,000 crore", 2000 * 1e7, "INR", None),
    ("The swap is worth 26 billion riyals.", "26 billion riyals", 26e9, "SAR", None),
    ("Imports of 3 billion US dollars were settled.", "3 billion US dollars", 3e9, "USD", 3e9),
    ("A USD 40 million loan closed.", "USD 40 million", 40e6, "USD", 40e6),
    ("Holdings peaked above $1.3 trillion.", "$1.3 trillion", 1.3e12, "USD", 1.3e12),
    ("The exchange listed HK$ 5 million of bonds.", "HK$ 5 million", 5e6, "HKD", None),
    ("Exports reached R$ 3 billion.", "R$ 3 billion", 3e9, "BRL", None),
    ("It costs 1,250 rubles a month.", "1,250 rubles", 1250, "RUB", None),
    ("They moved 5 billion Swiss francs.", "5 billion Swiss francs", 5e9, "CHF", None),  # from pycountry's names
    ("It signed a $1.2-billion loan.", "$1.2-billion", 1.2e9, "USD", 1.2e9),
    ("A $5B facility was agreed.", "$5B", 5e9, "USD", 5e9),
    ("Chipmakers raised NT$ 40 billion.", "NT$ 40 billion", 40e9, "TWD", None),
    ("Bonds worth 7 bn euros were sold.", "7 bn euros", 7e9, "EUR", None),
])
def test_money_forms(text, literal, value, currency, usd):
    amount = only(text)
    assert (amount.text, amount.kind, amount.currency) == (literal, "money", currency)
    assert amount.value == pytest.approx(value)
    assert (amount.amount_usd is None) == (usd is None)
    if usd is not None:
        assert amount.amount_usd == pytest.approx(usd)


def test_a_range_keeps_both_ends_and_its_value_is_the_low_end():
    amount = only("Flows of $8-10 billion a year are possible.")
    assert (amount.text, amount.value, amount.low, amount.high) == ("$8-10 billion", 8e9, 8e9, 10e9)
    spelled = only("Estimates run from $8 billion to $10 billion.")
    assert (spelled.low, spelled.high) == (8e9, 10e9)
    assert only("between 3–5% of trade").high == 5
    assert (only("a $3.5bn-$4bn range").low, only("a $3.5bn-$4bn range").high) == (3.5e9, 4e9)


@pytest.mark.parametrize("text, literal, value", [
    ("more than 60% of trade", "60%", 60),
    ("about 35 per cent of imports", "35 per cent", 35),
    ("up 21.5 percent on the year", "21.5 percent", 21.5),
    ("a 2 percent share", "2 percent", 2),
])
def test_percent_forms(text, literal, value):
    amount = only(text)
    assert (amount.text, amount.kind, amount.value, amount.currency, amount.amount_usd) == (literal, "percent", value,
                                                                                              None, None)


def test_a_crypto_ticker_line_is_neither_money_nor_a_percentage():
    text = "Markets\n$BTC 88,304.4 +0.05%\nThe yuan gained 0.3% on Monday."
    found = find_amounts(text)
    assert [a.text for a in found] == ["0.3%"]
    assert find_amounts("BTC/USD 91,200 -1.2%") == []


@pytest.mark.parametrize("text", [
    "The summit opened in 2023 with 1,000 delegates.",     # numbers without a currency
    "Central banks bought 1,000 tonnes of gold.",          # a quantity, not money
    "The index reached level 1. monthly low 104.20",       # a stray full stop is not a decimal point
    "Mrs 5 guests arrived.",                                # "Rs" inside a word is not rupees
    "prices in 2023 dollars",                               # constant prices, not an amount
    "a $ sign and US$ alone",
    "$BTC",
])
def test_malformed_or_non_amounts_give_nothing(text):
    assert find_amounts(text) == []


def test_several_amounts_in_order_with_offsets_into_the_text():
    text = "It sold $5 billion of bonds, bought 20 billion yuan of gold and kept 40%."
    found = find_amounts(text)
    assert [a.text for a in found] == ["$5 billion", "20 billion yuan", "40%"]
    assert all(text[a.start:a.end] == a.text for a in found)
    assert [a.start for a in found] == sorted(a.start for a in found)


def test_rows_carry_the_sentence_index():
    text = "First sentence has no amount. Second one has $2 billion."
    sentences = [{"sent_idx": 0, "start": 0, "end": 29}, {"sent_idx": 1, "start": 30, "end": len(text)}]
    rows = amount_rows("d1", text, sentences)
    assert [(r["sent_idx"], r["text"], r["amount_usd"]) for r in rows] == [(1, "$2 billion", 2e9)]


def test_currency_table_takes_codes_from_iso_4217_and_news_forms_from_the_lexicon():
    table = load_currencies()
    assert table.currencies["CNY"].name == "Yuan Renminbi"      # official name from pycountry
    assert table.by_name["greenback"] == "USD"
    assert table.by_name["roubles"] == "RUB"
    assert table.by_symbol["US$"] == "USD"


def test_lexicon_errors_name_the_file_and_the_entry(tmp_path):
    (tmp_path / "currencies.yaml").write_text("- code: XYZ\n  names: [zorkmid]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"currencies.yaml, entry 1 \(XYZ\).*ISO 4217"):
        load_currencies(tmp_path)
    (tmp_path / "currencies.yaml").write_text("- code: USD\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"currencies.yaml, entry 1 \(USD\): missing 'names'"):
        load_currencies(tmp_path / ".")
    (tmp_path / "broken.yaml").write_text("- code: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.yaml: not valid YAML"):
        read_lexicon("broken.yaml", tmp_path)


# -- other languages: synthetic sentences, one per form --------------------------------------

def only_in(text: str, language: str):
    found = find_amounts(text, language=language)
    assert len(found) == 1, found
    amount = found[0]
    assert text[amount.start:amount.end] == amount.text
    return amount


@pytest.mark.parametrize("language, text, literal, value, currency, usd", [
    ("es", "El país pagó 7.500 millones de dólares al fondo.", "7.500 millones de dólares", 7.5e9, "USD", 7.5e9),
    ("es", "Pidió ampliar el canje en USD 20.600 millones.", "USD 20.600 millones", 20.6e9, "USD", 20.6e9),
    ("es", "El canje suma 130.000 millones de yuanes.", "130.000 millones de yuanes", 130e9, "CNY", None),
    ("es", "La deuda llega a dos billones de euros.", "dos billones de euros", 2e12, "EUR", None),     # billón = 10^12
    ("es", "Se prestaron 3.5 millones de dólares.", "3.5 millones de dólares", 3.5e6, "USD", 3.5e6),  # Mexican decimal dot
    ("es", "Costó dos mil millones de dólares.", "dos mil millones de dólares", 2e9, "USD", 2e9),
    ("pt", "As reservas somam US$ 352,5 bilhões.", "US$ 352,5 bilhões", 352.5e9, "USD", 352.5e9),   # bilhão = 10^9
    ("pt", "O ouro vale US$ 6,873 bilhões.", "US$ 6,873 bilhões", 6.873e9, "USD", 6.873e9),
    ("pt", "O acordo prevê 20 bilhões de yuans.", "20 bilhões de yuans", 20e9, "CNY", None),
    ("fr", "La Chine détient 44,3 milliards de dollars.", "44,3 milliards de dollars", 44.3e9, "USD", 44.3e9),
    ("fr", "Le contrat vaut 12 millions d'euros.", "12 millions d'euros", 12e6, "EUR", None),
    ("fr", "La dette atteint 3 000 milliards de dollars.", "3 000 milliards de dollars", 3e12, "USD", 3e12),
    ("de", "Der Fonds verkaufte 5 Mrd. Dollar an Anleihen.", "5 Mrd. Dollar", 5e9, "USD", 5e9),
    ("de", "Es flossen 3,2 Milliarden US-Dollar ab.", "3,2 Milliarden US-Dollar", 3.2e9, "USD", 3.2e9),
    ("de", "Das Paket umfasst 1,5 Billionen Euro.", "1,5 Billionen Euro", 1.5e12, "EUR", None),       # Billion = 10^12
    ("ru", "Минфин продал валюту на 172,9 млрд руб. за месяц.", "172,9 млрд руб.", 172.9e9, "RUB", None),
    ("ru", "Было продано 13 227,4 млн юаней.", "13 227,4 млн юаней", 13227.4e6, "CNY", None),
    ("ru", "Фонд продал 13,2 млрд китайских юаней.", "13,2 млрд китайских юаней", 13.2e9, "CNY", None),
    ("ru", "Резервы выросли до $128,5 млрд.", "$128,5 млрд", 128.5e9, "USD", 128.5e9),
    ("ru", "Билет стоит 500 долларов.", "500 долларов", 500, "USD", 500),
    ("zh", "外汇储备为3.42万亿美元。", "3.42万亿美元", 3.42e12, "USD", 3.42e12),
    ("zh", "储备增加287亿美元的规模", "287亿美元", 28.7e9, "USD", 28.7e9),
    ("zh", "中國持有 1.1893 兆美元美債", "1.1893 兆美元", 1.1893e12, "USD", 1.1893e12),   # Taiwanese 兆 = 10^12
    ("zh", "持倉降至 8,650 億美元。", "8,650 億美元", 865e9, "USD", 865e9),
    ("zh", "交易額達 145 億元人民幣", "145 億元人民幣", 14.5e9, "CNY", None),
    ("zh", "融资300亿元用于建设", "300亿元", 30e9, "CNY", None),
])
def test_money_in_other_languages(language, text, literal, value, currency, usd):
    amount = only_in(text, language)
    assert (amount.text, amount.kind, amount.currency) == (literal, "money", currency)
    assert amount.value == pytest.approx(value)
    assert amount.amount_usd == (None if usd is None else pytest.approx(usd))


@pytest.mark.parametrize("language, text, literal, value", [
    ("pt", "A fatia do dólar caiu para 80,34% do total.", "80,34%", 80.34),
    ("fr", "Le yuan pèse 12,5 % des échanges.", "12,5 %", 12.5),
    ("es", "Subió un 3,5 por ciento en el año.", "3,5 por ciento", 3.5),
    ("de", "Rund 74 Prozent der Karten sind betroffen.", "74 Prozent", 74),
    ("ru", "Доля выросла на 5 процентов за год.", "5 процентов", 5),
    ("zh", "占比达百分之70,创新高", "百分之70", 70),
])
def test_percentages_in_other_languages(language, text, literal, value):
    amount = only_in(text, language)
    assert (amount.text, amount.kind, amount.value, amount.currency, amount.amount_usd) == (literal, "percent", value,
                                                                                              None, None)


def test_a_portuguese_range_in_dollars_keeps_both_ends():
    amount = only_in("O barril saiu por US$ 50-52 no mês.", "pt")
    assert (amount.text, amount.low, amount.high, amount.currency) == ("US$ 50-52", 50, 52, "USD")


def test_a_bare_dollar_sign_in_spanish_is_not_taken_for_us_dollars():
    amount = only_in("El gobierno giró $ 1.000 millones a las provincias.", "es")
    assert (amount.text, amount.value, amount.currency, amount.amount_usd) == ("$ 1.000 millones", 1e9, None, None)


def test_a_number_word_without_a_scale_is_not_an_amount():
    assert find_amounts("Compró una dólar de plata y dos dólares más.", language="es") == []


def test_english_or_an_unknown_language_keeps_the_english_reading():
    text = "It paid US$ 6,873 in fees and 20 billion yuan."
    english = [(a.text, a.value) for a in find_amounts(text)]
    assert english == [("US$ 6,873", 6873), ("20 billion yuan", 20e9)]
    assert [(a.text, a.value) for a in find_amounts(text, language="en")] == english
    assert [(a.text, a.value) for a in find_amounts(text, language="sw")] == english


def test_offsets_are_exact_in_a_mixed_russian_sentence():
    text = "Минфин продал 200 млн руб., а доля юаня — 22,9%; резервы — $6 млрд."
    found = find_amounts(text, language="ru")
    assert [a.text for a in found] == ["200 млн руб.", "22,9%", "$6 млрд"]
    assert all(text[a.start:a.end] == a.text for a in found)


def test_rows_take_the_article_language():
    text = "Pagó 2.800 millones de dólares."
    rows = amount_rows("d1", text, [{"sent_idx": 0, "start": 0, "end": len(text)}], language="es")
    assert [(r["text"], r["amount_usd"]) for r in rows] == [("2.800 millones de dólares", 2.8e9)]


def test_number_forms_errors_name_the_file_and_the_fix(tmp_path):
    from analysis.lexicons.scales import load_number_forms
    (tmp_path / "scales.yaml").write_text("- language: es\n  decimal: ','\n  thousands: ['.']\n  scale: {mil: 3}\n",
                                          encoding="utf-8")
    with pytest.raises(LexiconError, match=r"scales.yaml, entry 1 \(es\): unknown key 'scale'; did you mean 'scales'"):
        load_number_forms(tmp_path)
    (tmp_path / "scales.yaml").write_text("- language: es\n  decimal: ','\n  thousands: ['.']\n"
                                          "  scales: {millones: 1000000}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"scales.yaml, entry 1 \(es\): scale 'millones' is 1000000; give the power"):
        load_number_forms(tmp_path / ".")
    (tmp_path / "scales.yaml").write_text("- language: es\n  decimal: ','\n  thousands: [',']\n"
                                          "  scales: {millones: 6}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"thousands marks .* differ from the decimal mark"):
        load_number_forms(tmp_path / "./.")
