"""The narratives stage: facts of the real seed articles, plausibility checks, the table writer.

The seed articles are read at run time from ../shared/corpus/seeds (skipped when absent);
only facts (actors, amounts, frames) appear here as expected values.
"""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.narratives.plausibility import (
    check_against_reference,
    check_gold_value,
    load_reference,
    plausibility_rows,
)
from analysis.narratives.stage import SCHEMAS, extract_narratives, write_narrative_tables
from tests.conftest import load_solutions, seed_article


def narratives_of(tables: dict[str, pd.DataFrame], prefix: str) -> dict[str, list[dict]]:
    article = seed_article(tables, prefix)
    doc_id = article["doc_id"]
    sentences = tables["sentences"][tables["sentences"]["doc_id"] == doc_id].to_dict("records")
    mentions = tables["mentions"][tables["mentions"]["doc_id"] == doc_id].to_dict("records")
    return extract_narratives(doc_id, article["text"], sentences, mentions)


@pytest.fixture(scope="module")
def seed_results(seeds_tables) -> dict[str, dict[str, list[dict]]]:
    return {prefix: narratives_of(seeds_tables, prefix) for prefix in ("000", "001", "002", "003", "004")}


def claim_facts(result) -> set[tuple]:
    return {(c["actor_name"], c["asset"], c["direction"], c["amount_usd"]) for c in result["claims"]}


def test_seed_treasury_sales_and_gold_purchase(seed_results):
    facts = claim_facts(seed_results["000"])
    assert ("China", "US Treasuries", "away_from_usd", 53.3e9) in facts
    assert ("Belgium", "US Treasuries", "away_from_usd", 22e9) in facts
    assert ("China", "gold", "away_from_usd", 550e9) in facts
    sale = next(c for c in seed_results["000"]["claims"] if c["amount_usd"] == 53.3e9)
    assert sale["action"] == "sell" and "2024" in sale["period"]


def test_seed_venezuela_implements_mir(seed_results):
    mir = [c for c in seed_results["004"]["claims"] if c["asset"] == "Mir"]
    assert mir and {c["actor_name"] for c in mir} == {"Venezuela"}
    assert {c["direction"] for c in mir} == {"away_from_usd"}


def test_seed_amounts_are_the_stated_usd_figures_and_nothing_else(seed_results, seeds_tables):
    money = [a for a in seed_results["000"]["amounts"] if a["kind"] == "money"]
    assert sorted(a["amount_usd"] for a in money) == [22e9, 53.3e9, 550e9]
    assert [a["value"] for a in seed_results["000"]["amounts"] if a["kind"] == "percent"] == [60]
    text = seed_article(seeds_tables, "000")["text"]
    assert all(text[a["start"]:a["end"]] == a["text"] for a in seed_results["000"]["amounts"])
    for prefix in ("001", "002", "003", "004"):
        assert [a for a in seed_results[prefix]["amounts"] if a["kind"] == "money"] == []


def test_seed_frames(seed_results):
    def frames(prefix):
        return {row["frame"] for row in seed_results[prefix]["frames"]}
    assert {"dedollarization", "reserve_diversification", "brics_currency"} <= frames("000")
    assert {"dedollarization", "payment_systems"} <= frames("004")
    assert {"local_currency_settlement", "payment_systems"} <= frames("002")
    assert "dedollarization" not in frames("001")


def test_seed_gold_claim_is_flagged_implausible(seed_results):
    flags = [f for f in seed_results["000"]["plausibility"] if f["check"] == "gold_value_vs_tonnage"]
    assert len(flags) == 1 and flags[0]["severity"] == "high"
    assert "China" in flags[0]["claim"] and "several tons" in flags[0]["detail"]


# -- plausibility on synthetic input ------------------------------------------------------

def test_a_few_tonnes_cannot_be_worth_hundreds_of_billions():
    facts = load_reference()
    flag = check_gold_value("The bank bought several tonnes of gold worth $300 billion.", 300e9, facts)
    assert flag["severity"] == "high" and "several tonnes" in flag["detail"]
    # 100 t at about $1,900/oz is about $6 billion: consistent.
    fine = check_gold_value("It bought 100 tonnes of gold worth $6 billion in 2023.", 6e9, facts, 2023)
    assert fine["severity"] == "info"
    assert check_gold_value("It bought gold worth $6 billion.", 6e9, facts) is None


def test_claims_are_compared_with_official_figures():
    facts = load_reference()
    too_big = check_against_reference({"actor_name": "China", "asset": "US Treasuries", "amount_usd": 2e12}, facts)
    assert [(f["check"], f["severity"], f["reference"]) for f in too_big] == [
        ("reference_comparison", "high", "china_ust_2013_peak")]
    ordinary = check_against_reference({"actor_name": "China", "asset": "US Treasuries", "amount_usd": 50e9}, facts)
    assert [f["severity"] for f in ordinary] == ["info"]
    # a level ("holdings fell to $800 billion") is compared with the holdings, not with yearly changes
    level = check_against_reference({"actor_name": "China", "asset": "US Treasuries", "amount_usd": 800e9,
                                     "amount_role": "level"}, facts)
    assert [(f["severity"], f["reference"]) for f in level] == [("info", "china_ust_2023")]
    change = check_against_reference({"actor_name": "China", "asset": "US Treasuries", "amount_usd": 800e9,
                                      "amount_role": "transaction"}, facts)
    assert [f["severity"] for f in change] == ["medium"]
    absurd = check_against_reference({"actor_name": "Nowhere", "asset": "gold", "amount_usd": 2e14}, facts)
    assert [f["check"] for f in absurd] == ["magnitude"]
    assert check_against_reference({"actor_name": "China", "asset": "gold", "amount_usd": None}, facts) == []
    # a country's central bank is compared with the country's figures
    bank = check_against_reference({"actor_name": "People's Bank of China", "actor_country": "CHN", "asset": "gold",
                                    "amount_usd": 400e9}, facts)
    assert [(f["severity"], f["reference"]) for f in bank] == [("high", "pboc_gold_added_2023")]


def test_plausibility_rows_point_to_the_sentence():
    text = "Intro. Last year the bank added a few tonnes of gold worth $90 billion."
    sentences = [{"sent_idx": 0, "start": 0, "end": 6}, {"sent_idx": 1, "start": 7, "end": len(text)}]
    amounts = [{"sent_idx": 1, "kind": "money", "text": "$90 billion", "amount_usd": 90e9}]
    rows = plausibility_rows("d", text, sentences, amounts, [])
    assert [(r["sent_idx"], r["check"], r["severity"]) for r in rows] == [(1, "gold_value_vs_tonnage", "high")]


# -- the stage ----------------------------------------------------------------------------

def write_inputs(tables: dict[str, pd.DataFrame], folder) -> None:
    for name in ("articles", "sentences", "mentions"):
        tables[name].to_parquet(folder / f"{name}.parquet", index=False)


def test_stage_writes_four_tables_with_their_schemas_deterministically(sample_tables, tmp_path):
    write_inputs(sample_tables, tmp_path)
    counts = write_narrative_tables(tmp_path)
    first = {name: pd.read_parquet(tmp_path / f"{name}.parquet") for name in SCHEMAS}
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(tmp_path / f"{name}.parquet").names == schema.names
        assert counts[name] == len(first[name])
    assert counts["amounts"] > 0 and counts["claims"] > 0 and counts["frames"] > 0
    assert write_narrative_tables(tmp_path) == counts
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(first[name], pd.read_parquet(tmp_path / f"{name}.parquet"))
    # every amount points into its article's text
    texts = dict(zip(sample_tables["articles"]["doc_id"], sample_tables["articles"]["text"]))
    amounts = first["amounts"]
    assert all(texts[d][s:e] == t for d, s, e, t in zip(amounts["doc_id"], amounts["start"], amounts["end"], amounts["text"]))
    # the sample's implausible gold figure is caught
    assert (first["plausibility"]["severity"] == "high").any()


def test_stage_writes_empty_tables_when_nothing_is_found(sample_tables, tmp_path):
    tables = {name: frame.iloc[0:0] for name, frame in sample_tables.items()}
    write_inputs(tables, tmp_path)
    assert write_narrative_tables(tmp_path) == {name: 0 for name in SCHEMAS}
    assert all(pq.read_table(tmp_path / f"{name}.parquet").num_rows == 0 for name in SCHEMAS)


def test_stage_needs_the_articles_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles.parquet not found"):
        write_narrative_tables(tmp_path)


# -- notebook 04's exercise solutions, on the sample tables (conftest's sample_dir: a full run) ---

@pytest.fixture(scope="module")
def solutions():
    return load_solutions("04_currency_narratives")


def test_exercise_1_splits_every_claim_by_status_and_voice(solutions, sample_dir):
    table = solutions.exercise_1(sample_dir)
    assert list(table.index) == ["reported", "planned", "proposed", "speculative", "denied"]
    assert table.to_numpy().sum() == len(pd.read_parquet(sample_dir / "claims.parquet"))
    assert table.loc["denied", "article's own voice"] == 0   # denials in the sample are all someone's words


def test_exercise_2_the_spanish_cues_give_the_spanish_article_its_frames(solutions, sample_dir):
    table = solutions.exercise_2(sample_dir)
    without = table[table["lexicon"] == "without"]["frames"].iloc[0]
    with_cues = table[table["lexicon"] == "with"]["frames"].iloc[0]
    assert "local_currency_settlement" not in without and "dedollarization" not in without
    assert "local_currency_settlement" in with_cues and "dedollarization" in with_cues
    assert "payment_systems" in without  # "Mir", a name, is a cue in every language


def test_exercise_3_the_implausible_gold_claim_needs_thousands_of_tonnes(solutions, sample_dir):
    table = solutions.exercise_3(sample_dir)
    assert len(table) >= 1
    worst = table.sort_values("implied_tonnes").iloc[-1]
    assert worst["implied_tonnes"] > 1000 and not worst["plausible"]
