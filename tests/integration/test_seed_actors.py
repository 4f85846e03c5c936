"""Actor facts on the five real seed articles (read from ../shared at test time)."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.actors.evaluate import evaluate
from tests.conftest import seed_article

# Each seed article's actors (people, countries, organisations, groups) as a careful reader lists
# them, with the sample gold's conventions: a demonym names its country ("Soviet soldiers"), "Western"
# names the West, a currency names no issuer ("the US dollar"), an event is no actor (the
# "Russian-Chinese Forum on Interregional Cooperation" that 002 says is held), media are not scored.
# Each article's mentions too, as (surface, actor) pairs, from a reading of the whole article: a song's
# title is no mention of a country (002), and an undated "the Chinese president" is Xi Jinping (003).
SEED_GOLD = Path(__file__).parents[1] / "data" / "seed_gold_actors.jsonl"

EXPECTED = {
    "000": {"Vladimir Putin", "Xi Jinping", "Andrei Belousov", "Sergei Shoigu", "Russia", "China", "United States",
            "BRICS", "Belgium", "Iran", "Kazem Jalali", "Stephen Chiu"},
    "004": {"Venezuela", "Russia", "Yván Gil", "Sergei Lavrov", "BRICS"},
    "002": {"Vladimir Putin", "Xi Jinping", "Li Qiang", "Russia", "China", "United Nations", "World Trade Organization",
            "G20", "Asia-Pacific Economic Cooperation"},
    "001": {"Vladimir Putin", "Xi Jinping", "Russia", "China", "United States", "Yury Ushakov", "Ukraine", "Taiwan"},
    "003": {"Vladimir Putin", "Xi Jinping", "Russia", "China", "United States", "Ukraine"},
}


def actors_of(tables, prefix: str) -> set[str]:
    doc_id = seed_article(tables, prefix)["doc_id"]
    mentions = tables["mentions"]
    return set(mentions.loc[mentions["doc_id"] == doc_id, "actor_name"])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_clearly_named_actors_are_found_under_canonical_names(seeds_tables, prefix):
    missing = EXPECTED[prefix] - actors_of(seeds_tables, prefix)
    assert not missing, f"{prefix}: missing {sorted(missing)}"


def test_see_also_link_gives_no_actor(seeds_tables):
    assert "South Korea" not in actors_of(seeds_tables, "001")


def test_xi_is_never_resolved_to_the_premier(seeds_tables):
    mentions = seeds_tables["mentions"]
    xi = mentions[mentions["surface"].str.contains(r"\bXi\b", regex=True)]
    assert len(xi) >= 10
    assert set(xi["actor_name"]) == {"Xi Jinping"}
    li = mentions[mentions["actor_name"] == "Li Qiang"]
    assert set(li["surface"]) == {"Li Qiang"}


def test_the_slips_are_flagged(seeds_tables):
    flags = seeds_tables["flags"]
    by_doc = {prefix: flags[flags["doc_id"] == seed_article(seeds_tables, prefix)["doc_id"]] for prefix in ("000", "002")}
    title = by_doc["000"][by_doc["000"]["flag"] == "title_mismatch"]
    assert len(title) == 1 and "Prime Minister" in title["surface"].item() and "Xi Jinping" in title["surface"].item()
    acronym = by_doc["002"][by_doc["002"]["flag"] == "acronym_mismatch"]
    assert len(acronym) == 1 and "(WHO)" in acronym["surface"].item()
    assert "World Health Organization" not in actors_of(seeds_tables, "002")
    truncated = by_doc["000"][by_doc["000"]["flag"] == "truncated_word"]
    assert truncated["surface"].tolist() == ["dent"]


def test_mentions_point_into_their_sentences(seeds_tables):
    texts = seeds_tables["articles"].set_index("doc_id")["text"]
    sentences = seeds_tables["sentences"].set_index(["doc_id", "sent_idx"])
    for m in seeds_tables["mentions"].itertuples():
        assert texts[m.doc_id][m.start:m.end] == m.surface
        sentence = sentences.loc[(m.doc_id, m.sent_idx)]
        assert sentence["start"] <= m.start and m.end <= sentence["end"] + 1, m.surface


def test_media_are_typed_as_media(seeds_tables):
    mentions = seeds_tables["mentions"]
    assert set(mentions.loc[mentions["actor_name"].isin({"Bloomberg Intelligence", "Bloomberg"}), "actor_type"]) <= {"media"}


def test_document_actor_sets_meet_the_bar_for_real_articles(seeds_out):
    result = evaluate(SEED_GOLD, seeds_out)
    assert result["documents"] == 5
    scores = result["document_level"]
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9, result["errors"]


def test_mentions_meet_a_higher_bar_for_real_articles(seeds_out):
    scores = evaluate(SEED_GOLD, seeds_out)["mention_level"]
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95, scores
