"""Facts about the five real seed articles, read from ../shared at test time (never copied here)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.conftest import seed_article


def raw_lines(seeds_dir, prefix: str) -> list[str]:
    path = next(seeds_dir.glob(f"{prefix}*"))
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_seed_file_is_accounted_for(seeds_dir, seeds_tables):
    report = seeds_tables["ingest_report"]
    assert sorted(report["source"]) == sorted(p.name for p in seeds_dir.iterdir())
    assert len(report) == 5
    assert set(report["status"]) == {"ingested"}


def test_orinoco_tribune_dateline_gives_outlet_date_and_title(seeds_dir, seeds_tables):
    article = seed_article(seeds_tables, "002")
    assert article["outlet"] == "Orinoco Tribune"
    assert article["published"] == dt.date(2024, 5, 17)
    assert article["date_source"] == "dateline"
    assert article["title"] == raw_lines(seeds_dir, "002")[0]
    assert not article["text"].startswith(article["title"])
    assert "Orinoco Tribune, May" not in article["text"]


def test_menafn_marker_gives_outlet_and_date_and_name_is_nfc(seeds_tables):
    article = seed_article(seeds_tables, "004")
    assert article["outlet"] == "The Rio Times"
    assert article["published"] == dt.date(2023, 11, 17)
    assert article["date_source"] == "date_marker"
    assert "Yv\u00e1n Gil" in article["text"]
    assert "Yva\u0301n" not in article["text"]
    assert "MENAFN" not in article["text"] and not article["text"].startswith("date")
    assert pd.isna(article["title"])  # the first line is a lead sentence, not a headline


def test_title_repeated_twice_is_kept_once(seeds_dir, seeds_tables):
    article = seed_article(seeds_tables, "003")
    first = raw_lines(seeds_dir, "003")[0]
    assert article["title"] == first
    assert first[:40] not in article["text"]
    assert sum(line["reason"] == "title" for line in article["removed_lines"]) == 2


def test_read_time_see_also_and_related_stories_are_removed(seeds_dir, seeds_tables):
    article = seed_article(seeds_tables, "001")
    text = article["text"]
    for junk in ("Read Time", "See also", "What do you think", "in , , ,"):
        assert junk not in text
    related = raw_lines(seeds_dir, "001")[-2:]
    assert all(headline not in text for headline in related)
    assert "South Korea" not in text  # only named in the see-also link
    reasons = {line["reason"] for line in article["removed_lines"]}
    assert {"read_time", "see_also", "reader_prompt", "related_headline", "empty_tag_line"} <= reasons


def test_undated_articles_stay_undated(seeds_tables):
    for prefix in ("000", "001", "003"):
        article = seed_article(seeds_tables, prefix)
        assert pd.isna(article["published"]), prefix
        assert pd.isna(article["date_source"]), prefix


def test_lead_sentence_is_not_promoted_to_title(seeds_tables):
    assert pd.isna(seed_article(seeds_tables, "000")["title"])


def test_content_headings_survive_and_junk_does_not(seeds_tables):
    text = seed_article(seeds_tables, "000")["text"]
    assert "BRICS is on the way" in text          # a section heading of the article
    assert "subscribe" not in text and "#Binance" not in text
    ad = seed_article(seeds_tables, "003")
    assert "Common Stocks in Emerging Markets" not in ad["text"]
    assert any(line["reason"] == "advertisement" for line in ad["removed_lines"])
    replies = seed_article(seeds_tables, "002")["text"]
    assert "Leave a Reply" not in replies and "email address" not in replies


def test_sentence_offsets_point_into_the_clean_text(seeds_tables):
    texts = seeds_tables["articles"].set_index("doc_id")["text"]
    sentences = seeds_tables["sentences"]
    assert len(sentences) > 50
    for row in sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_all_seeds_are_english(seeds_tables):
    assert set(seeds_tables["articles"]["language"]) == {"en"}
