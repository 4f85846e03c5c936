"""Title, outlet and date rules on synthetic article heads."""
from __future__ import annotations

import datetime as dt

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
