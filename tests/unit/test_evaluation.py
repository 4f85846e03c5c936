"""Scoring a run against a gold-facts file: small tables written here, with answers known by hand."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml

from analysis.errors import GoldError
from analysis.evaluation import asset_keys, evaluate_facts, render_facts

GOLD = {"files": {
    "a.txt": {"language": "en", "published": "2024-05", "actors": ["Russia", "China"],
              "amounts": [{"text": "$5 billion", "value": 5e9, "currency": "USD", "value_usd": 5e9},
                          {"text": "130 billion yuan", "value": 130e9, "currency": "CNY", "value_usd": None}],
              "frames": ["dedollarization"],
              "claims": [{"actor": ["Russia", "China"], "action": "settle", "asset": "national currencies",
                          "direction": "away_from_usd", "status": "reported"},
                         {"actor": "Russia", "action": "buy", "asset": "gold", "direction": "away_from_usd",
                          "status": "planned"}]},
    "b.txt": {"language": "es", "published": None, "actors": ["Brazil"], "frames": [], "claims": []},
}}


def write_run(folder, claims: list[dict], published_b=None):
    pd.DataFrame({"doc_id": ["d1", "d2"], "source": ["a.txt", "b.txt"], "published": ["2024-05-17", published_b],
                  "language": ["en", "es"], "duplicates": [[], []]}).to_parquet(folder / "articles.parquet")
    pd.DataFrame({"doc_id": ["d1", "d1", "d1", "d2"], "actor_name": ["Russia", "China", "Moscow Times", "Brazil"],
                  "actor_type": ["country", "country", "media", "country"]}).to_parquet(folder / "mentions.parquet")
    pd.DataFrame({"doc_id": ["d1", "d1"], "text": ["$5 billion", "$7 million"], "kind": ["money", "money"],
                  "value": [5e9, 7e6], "currency": ["USD", "USD"]}).to_parquet(folder / "amounts.parquet")
    pd.DataFrame({"doc_id": ["d1", "d1"], "frame": ["dedollarization", "sanctions"]}).to_parquet(folder / "frames.parquet")
    pd.DataFrame([{"doc_id": "d1", "sent_idx": i, "start": 0, "actor_country": None, **claim}
                  for i, claim in enumerate(claims)]).to_parquet(folder / "claims.parquet")


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    return path


def claim(actor, asset, direction="away_from_usd", status="reported"):
    return {"actor_name": actor, "asset": asset, "direction": direction, "status": status}


def test_joint_actors_are_one_claim_each_and_repeated_rows_count_once(gold, tmp_path):
    write_run(tmp_path, [claim("Russia", "local currencies"), claim("China", "local currencies"),
                         claim("China", "local currencies"), claim("Russia", "gold", status="reported")])
    claims = evaluate_facts(gold, tmp_path)["claims"]
    assert (claims["tp"], claims["fp"], claims["fn"]) == (3, 0, 0)
    assert claims["status"]["accuracy"] == pytest.approx(2 / 3, abs=1e-3)   # gold says the gold purchase is planned


def test_a_wrong_direction_is_a_miss_and_lowers_direction_accuracy(gold, tmp_path):
    write_run(tmp_path, [claim("Russia", "gold", direction="toward_usd"), claim("Iran", "gold")])
    claims = evaluate_facts(gold, tmp_path)["claims"]
    assert (claims["tp"], claims["fp"], claims["fn"]) == (0, 2, 3)
    assert claims["direction"] == {"accuracy": 0.0, "n": 1, "by_language": {"en": {"accuracy": 0.0, "n": 1}}}
    assert any("found toward_usd" in miss for miss in claims["misses"])


def test_a_central_bank_stands_for_its_country(gold, tmp_path):
    write_run(tmp_path, [claim("Bank of Russia", "gold", status="planned")])
    claims = evaluate_facts(gold, tmp_path)["claims"]
    assert claims["tp"] == 1 and claims["status"]["accuracy"] == 1.0


def test_actors_amounts_frames_and_dates_are_scored_per_file(gold, tmp_path):
    write_run(tmp_path, [], published_b="2020-01-01")
    result = evaluate_facts(gold, tmp_path)
    assert (result["actors"]["tp"], result["actors"]["fp"], result["actors"]["fn"]) == (3, 0, 0)  # media left out
    assert (result["amounts_usd"]["tp"], result["amounts_usd"]["fp"]) == (1, 1)
    assert result["amounts_other"]["recall"] == 0.0
    assert (result["frames"]["tp"], result["frames"]["fp"]) == (1, 1)
    assert result["dates"]["accuracy"] == 1.0 and result["dates"]["invented"] == ["b.txt: 2020-01-01"]
    assert "claims" in render_facts(result)


def test_assets_match_on_the_lexicons_keys():
    assert asset_keys("national currencies") & asset_keys("local currencies")
    assert {"CNY"} <= asset_keys("yuan swap line") and "CNY" in asset_keys("renminbi")
    assert not asset_keys("gold") & asset_keys("US Treasuries")


def test_a_gold_file_without_files_is_refused(tmp_path):
    (tmp_path / "gold.yaml").write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(GoldError, match="files:"):
        evaluate_facts(tmp_path / "gold.yaml", tmp_path)
