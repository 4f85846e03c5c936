"""Title, outlet and date rules on synthetic article heads."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.ingest.metadata import extract_metadata, parse_date


def head(*lines: str):
    return list(enumerate(lines))


def meta_of(*lines: str, hints=None, sources=None):
    return extract_metadata(head(*lines), hints or {}, sources or {})


def test_leading_date_marker_with_agency_gives_date_and_outlet_and_keeps_the_sentence():
    meta, body, consumed = meta_of(" date 2024-10-23 (MENAFN- Caspian Wire) Leaders met in Kazan on Tuesday.",
                                   "A second paragraph.")
    assert meta.published == dt.date(2024, 10, 23)
    assert meta.outlet == "Caspian Wire"
    assert meta.sources == {"published": "date_marker", "outlet": "date_marker"}
    assert body[0] == (0, "Leaders met in Kazan on Tuesday.")
    assert meta.title is None
    assert consumed[0].reason == "date_marker"


def test_title_then_dateline():
    meta, body, consumed = meta_of("Gold Buying Reaches a New High", "Pampas Post, May 17, 2024 \u2014",
                                   "Central banks bought more gold.")
    assert (meta.title, meta.outlet, meta.published) == ("Gold Buying Reaches a New High", "Pampas Post",
                                                         dt.date(2024, 5, 17))
    assert meta.sources == {"title": "first_line", "outlet": "dateline", "published": "dateline"}
    assert [text for _, text in body] == ["Central banks bought more gold."]
    assert [c.reason for c in consumed] == ["title", "dateline"]


def test_dateline_followed_by_text_on_the_same_line():
    meta, body, _ = meta_of("Eastbridge Daily, 3 March 2023 \u2013 Trade grew again.")
    assert meta.outlet == "Eastbridge Daily" and meta.published == dt.date(2023, 3, 3)
    assert body == [(0, "Trade grew again.")]


def test_spanish_dateline():
    meta, _, _ = meta_of("Venezuela y Brasil", "Pampas Post, 17 de mayo de 2024 \u2014", "El comercio creci\u00f3.")
    assert meta.published == dt.date(2024, 5, 17)


def test_capital_letters_dateline_is_a_place_not_an_outlet():
    meta, _, _ = meta_of("MOSCOW, March 21, 2023 \u2014 The leaders signed two statements.")
    assert meta.published == dt.date(2023, 3, 21)
    assert meta.outlet is None


def test_repeated_title_counts_once():
    meta, body, consumed = meta_of("Ruble and Yuan Gain  Ground", "Ruble and Yuan Gain Ground", "Body text here.")
    assert meta.title == "Ruble and Yuan Gain Ground"
    assert meta.sources["title"] == "repeated_first_line"
    assert body == [(2, "Body text here.")]
    assert len(consumed) == 2


def test_a_lead_sentence_is_not_a_title():
    meta, body, _ = meta_of("Russia and China agreed on Tuesday to expand trade in national currencies.",
                            "The deal covers energy.")
    assert meta.title is None and len(body) == 2


def test_a_single_line_document_has_no_title():
    meta, body, _ = meta_of("Short note without a full stop")
    assert meta.title is None and len(body) == 1


def test_reader_hints_win_and_a_repeated_title_line_is_dropped():
    meta, body, _ = meta_of("BRICS Pay Debated in Kazan", "The summit discussed payments.",
                            hints={"title": "BRICS Pay Debated in Kazan", "outlet": "Caspian Wire",
                                   "published": "2024-10-24T09:00:00Z"},
                            sources={"title": "html_metadata", "outlet": "html_metadata",
                                     "published": "html_metadata"})
    assert meta.title == "BRICS Pay Debated in Kazan"
    assert meta.published == dt.date(2024, 10, 24)
    assert meta.sources["published"] == "html_metadata"
    assert body == [(1, "The summit discussed payments.")]


def test_unparseable_date_hint_is_noted_not_guessed():
    meta, _, _ = meta_of("Text.", hints={"published": "sometime last spring"})
    assert meta.published is None
    assert "not understood" in meta.notes[0]


def test_dates_need_day_month_and_year():
    assert parse_date("May 2024") is None
    assert parse_date("May 17, 2024") == dt.date(2024, 5, 17)
    assert parse_date("2023-11-17") == dt.date(2023, 11, 17)


# Stated dates in every language: written forms, and where in the article a date counts as stated.

@pytest.mark.parametrize("written, date", [
    ("17 de mayo de 2024", dt.date(2024, 5, 17)),
    ("17 de maio de 2024", dt.date(2024, 5, 17)),
    ("17 mai 2024", dt.date(2024, 5, 17)),
    ("1er mars 2024", dt.date(2024, 3, 1)),
    ("17. Mai 2024", dt.date(2024, 5, 17)),
    ("17 ноября 2023 года", dt.date(2023, 11, 17)),
    ("17.11.2023", dt.date(2023, 11, 17)),
    ("2023年11月17日", dt.date(2023, 11, 17)),
    ("2023-11-17 10:32", dt.date(2023, 11, 17)),
    ("2023/11/17", dt.date(2023, 11, 17)),
    ("Sept. 5, 2023", dt.date(2023, 9, 5)),
    ("16/02/2016", dt.date(2016, 2, 16)),
])
def test_a_full_date_is_read_in_each_language_and_numeric_form(written, date):
    assert parse_date(written) == date


@pytest.mark.parametrize("written", ["17 Sept", "May 2024", "2024", "31.02.2024", "06/02/2016"])
def test_a_date_without_day_month_and_year_or_with_swappable_day_and_month_is_not_read(written):
    assert parse_date(written) is None


@pytest.mark.parametrize("stamp, date", [
    ("Published: May 17, 2024 10:32 a.m. EDT", dt.date(2024, 5, 17)),
    ("Publicado el 17 de mayo de 2024", dt.date(2024, 5, 17)),
    ("Publicado em 17 de maio de 2024 às 10h32", dt.date(2024, 5, 17)),
    ("Publié le 17 mai 2024 à 10h32", dt.date(2024, 5, 17)),
    ("Veröffentlicht am 17. Mai 2024 um 10:32 Uhr", dt.date(2024, 5, 17)),
    ("Опубликовано 17 ноября 2023 года, 10:32", dt.date(2023, 11, 17)),
    ("Опубликовано: 17.11.2023", dt.date(2023, 11, 17)),
    ("发布时间：2023-11-17 10:32", dt.date(2023, 11, 17)),
    ("发布于 2023年11月17日 10:32", dt.date(2023, 11, 17)),
    ("发布时间：10:32 2023-11-17 HKT", dt.date(2023, 11, 17)),
])
def test_a_published_stamp_under_the_title_gives_the_date_in_each_language(stamp, date):
    meta, body, consumed = meta_of("Yuan Settlement Keeps Growing", stamp, "Trade in yuan grew again this year.")
    assert meta.published == date and meta.sources["published"] == "date_stamp"
    assert meta.title == "Yuan Settlement Keeps Growing"
    assert [text for _, text in body] == ["Trade in yuan grew again this year."]
    assert "date_stamp" in [c.reason for c in consumed]


def test_a_published_stamp_counts_and_an_updated_stamp_beside_it_does_not():
    meta, _, _ = meta_of("Yuan Settlement Keeps Growing", "更新时间：2023-11-18 09:00",
                         "Updated: Nov 18, 2023 | Published: Nov 17, 2023", "Trade grew.")
    assert meta.published == dt.date(2023, 11, 17)


@pytest.mark.parametrize("line, date", [
    ("2023-11-17 10:32", dt.date(2023, 11, 17)),
    ("2023-11-17 10:32:46 Harbour Television", dt.date(2023, 11, 17)),
    ("By Ana Ruiz | May 17, 2024", dt.date(2024, 5, 17)),
    ("Ana Ruiz, 17 May 2024", dt.date(2024, 5, 17)),
    ("Hafenblatt-Redaktion 17.05.2024", dt.date(2024, 5, 17)),
    ("东港新闻 编译 张明 2025-04-14 15:20", dt.date(2025, 4, 14)),
])
def test_a_line_that_is_a_date_or_a_byline_with_a_date_gives_the_date(line, date):
    meta, body, _ = meta_of("Yuan Settlement Keeps Growing", line, "Trade in yuan grew again this year.")
    assert meta.published == date and meta.sources["published"] == "date_line"
    assert [text for _, text in body] == ["Trade in yuan grew again this year."]


@pytest.mark.parametrize("line", [
    "МОСКВА, 17 ноября 2023 — Торговля в юанях выросла.",
    "Pampas Post, 17 de mayo de 2024 — El comercio creció.",
    "Hafenblatt, 17. Mai 2024 — Der Handel wuchs.",
])
def test_a_dateline_in_another_language_gives_the_date(line):
    meta, _, _ = meta_of(line)
    assert meta.published is not None and meta.sources["published"] == "dateline"


def test_a_month_precision_date_marker_keeps_the_month_as_its_first_day():
    meta, body, _ = meta_of(" date 2021-07 BRASÍLIA - O banco comprou ouro.")
    assert meta.published == dt.date(2021, 7, 1) and meta.sources["published"] == "date_marker_month"
    assert body == [(0, "BRASÍLIA - O banco comprou ouro.")]


def test_a_numeric_date_whose_day_and_month_could_swap_is_read_by_the_dateline_below_it():
    head_lines = ("Ref: 4411 | Date: 06/02/2016 | Time: 19:42", "Oil Sold in Euros",
                  "Harbourtown, Feb 6, WIRE \u2013 Oil will be sold in euros.")
    assert meta_of(*head_lines)[0].published == dt.date(2016, 2, 6)
    assert meta_of(*head_lines[:2], "Oil will be sold in euros.")[0].published is None


@pytest.mark.parametrize("line", [
    "Last updated: May 17, 2024",
    "Updated 17 May 2024 10:32",
    "Actualizado el 17 de mayo de 2024",
    "Mis à jour le 17 mai 2024",
    "Dernière mise à jour à 09h05 le 03/02",
    "Aktualisiert am 17. Mai 2024",
    "Обновлено 17 ноября 2023 года",
    "更新时间：2023-11-17 10:32",
    "On May 17, 2024 the bank sold its bonds.",
    "Trade grew on May 17, 2024",
    "El banco vendió bonos el 17 de mayo de 2024.",
    "The bank sold bonds in 2023.",
    "May 2024",
    "Published: 17 Sept",
    "МОСКВА, 17 ноя — Торговля выросла.",
    "KUALA LUMPUR, 18 octobre (Wire) – La compagnie a signé.",
])
def test_no_date_from_an_updated_stamp_a_date_inside_the_story_or_a_date_without_a_year(line):
    meta, _, _ = meta_of("Yuan Settlement Keeps Growing", line, "Trade in yuan grew again this year.")
    assert meta.published is None


def test_no_date_below_the_first_paragraph_of_the_story():
    paragraph = "Central banks kept buying gold for a second year, and several said they would go on. " * 3
    meta, _, _ = meta_of("Gold Buying Goes On", paragraph, "Published: May 17, 2024", "2024-05-17 10:32")
    assert meta.published is None


def test_an_editor_byline_with_a_date_is_a_date_line_not_an_update():
    meta, _, _ = meta_of("Yuan Settlement Keeps Growing", "Edited by Ana Ruiz | 17.05.2024", "Trade grew.")
    assert meta.published == dt.date(2024, 5, 17)
