"""The synthetic sample corpus gives what its manifest (written by a careful reader) says."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis import config

MANIFEST = pd.read_csv(config.SAMPLE_DIR / "manifest.csv", dtype=str, keep_default_na=False)
SINGLE = MANIFEST[~MANIFEST["format"].isin(["jsonl", "csv"])]


def test_manifest_lists_every_file():
    assert sorted(MANIFEST["file"]) == sorted(p.name for p in config.SAMPLE_CORPUS.iterdir())


def test_status_of_every_file(sample_tables):
    report = sample_tables["ingest_report"].set_index("source")["status"]
    assert report.to_dict() == MANIFEST.set_index("file")["expected_status"].to_dict()


@pytest.mark.parametrize("row", SINGLE[SINGLE["expected_status"] == "ingested"].to_dict("records"), ids=lambda r: r["file"][:3])
def test_metadata_matches_the_manifest(sample_tables, row):
    article = sample_tables["articles"].set_index("source").loc[row["file"]]
    assert (article["title"] if pd.notna(article["title"]) else "") == row["title"]
    assert (article["outlet"] if pd.notna(article["outlet"]) else "") == row["outlet"]
    expected_date = dt.date.fromisoformat(row["published"]) if row["published"] else None
    assert (article["published"] if pd.notna(article["published"]) else None) == expected_date
    assert article["language"] == row["language"]


def test_syndicated_copy_points_to_its_original(sample_tables):
    report = sample_tables["ingest_report"].set_index("source")
    original = report.loc["004_pampas-post_brazil-china-local-currency.txt", "doc_ids"][0]
    assert report.loc["016_southern-cross-monitor_brazil-china-local-currency-syndicated.txt", "duplicate_of"] == original


def test_export_records(sample_tables):
    records = sample_tables["record_report"]
    jsonl = records[records["source"].str.endswith(".jsonl")]
    assert jsonl["status"].tolist() == ["ingested", "ingested", "skipped", "ingested", "ingested"]
    assert "malformed JSON" in jsonl["reason"].iloc[2]
    articles = sample_tables["articles"]
    csv = articles[articles["format"] == "csv"]
    assert set(csv["outlet"]) == {"Atlas Finance Review"} and csv["published"].notna().all()


def test_html_chrome_and_scripts_are_not_article_text(sample_tables):
    html = sample_tables["articles"].query("format == 'html'")
    assert len(html) == 4
    assert not html["text"].str.contains(r"alert\(|cookie|Les plus lus|La BCE maintient|Tous droits", case=False,
                                         regex=True).any()
    assert html["text"].str.contains("<b>", regex=False).any()  # escaped markup in the article is text


def test_noise_is_removed_and_repairs_are_recorded(sample_tables):
    articles = sample_tables["articles"].set_index("source")
    text = " ".join(articles["text"])
    for junk in ("Read Time", "in , , ,", "What do you think", "Leave a Reply", "$BTC", "Share this",
                 "Home \u00bb", "Best Dividend ETFs", "Savings Accounts", "subscribe", "\u00f0\u0178", "\u00e2\u20ac",
                 # the same chrome in German, French and Portuguese
                 "Lesedauer", "Teilen:", "Lesen Sie auch", "Anzeige", "Temps de lecture", "Partager", "lire aussi",
                 "Publicit", "Compartilhe", "Leia tamb\u00e9m", "Deixe um coment\u00e1rio"):
        assert junk not in text, junk
    assert "mojibake" in articles.filter(like="018_", axis=0)["repairs"].iloc[0]
    assert "Yv\u00e1n" in articles.filter(like="019_", axis=0)["text"].iloc[0]
    assert articles.filter(like="017_", axis=0)["encoding"].iloc[0] == "cp1252"
