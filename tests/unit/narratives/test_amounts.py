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
