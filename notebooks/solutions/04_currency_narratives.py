"""Solutions to the exercises of notebook 04 · Currency-shift narratives (run by tests/test_narratives_seeds.py)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from analysis.narratives.amounts import LEXICON_DIR
from analysis.narratives.frames import FrameDetector, frame_rows, load_frames
from analysis.narratives.plausibility import TROY_OUNCES_PER_TONNE, load_reference


def exercise_1(tables_dir: Path) -> pd.DataFrame:
    """Who says it? Claims by status, split into those the article asserts itself and those it attributes."""
    claims = pd.read_parquet(Path(tables_dir) / "claims.parquet")
    voice = claims["asserted_by_article"].map({True: "article's own voice", False: "attributed"})
    table = pd.crosstab(claims["status"], voice).reindex(
        ["reported", "planned", "proposed", "speculative", "denied"], fill_value=0)
    return table.reindex(columns=["article's own voice", "attributed"], fill_value=0)


def exercise_2(tables_dir: Path, language: str = "es") -> pd.DataFrame:
    """What a language's cues add: the frames of the articles in ``language``, found with the lexicon as it is
    ("with") and with that language's ``cues_abroad`` removed from a copy of frames.yaml ("without")."""
    tables_dir = Path(tables_dir)
    articles = pd.read_parquet(tables_dir / "articles.parquet")
    sentences = pd.read_parquet(tables_dir / "sentences.parquet")
    chosen = articles[articles["language"] == language]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "narratives"
        shutil.copytree(LEXICON_DIR, folder)
        entries = yaml.safe_load((folder / "frames.yaml").read_text(encoding="utf-8"))
        for entry in entries:
            (entry.get("cues_abroad") or {}).pop(language, None)
        (folder / "frames.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
        without, with_cues = FrameDetector(load_frames(folder)), FrameDetector(load_frames())
        rows = []
        for article in chosen.itertuples():
            own = sentences[sentences["doc_id"] == article.doc_id].to_dict("records")
            for label, detector in (("without", without), ("with", with_cues)):
                found = [r["frame"] for r in frame_rows(article.doc_id, article.text, own, detector)]
                rows.append({"doc_id": article.doc_id, "lexicon": label, "frames": ", ".join(found) or "—"})
    return pd.DataFrame(rows)


def exercise_3(tables_dir: Path, year: str = "2023") -> pd.DataFrame:
    """Do the numbers hold up? For each gold claim with a USD amount, the tonnes it implies at the reference
    gold price of ``year``, next to the largest yearly purchase any central bank reported."""
    claims = pd.read_parquet(Path(tables_dir) / "claims.parquet")
    facts = load_reference()
    price = next(f.value for f in facts if f.measure == "gold_price_annual_average" and f.period == year)
    biggest = max(f.value for f in facts if f.measure == "net_gold_purchases" and f.subject != "Central banks")
    gold = claims[(claims["asset"] == "gold") & claims["amount_usd"].notna()].copy()
    gold["implied_tonnes"] = gold["amount_usd"] / (price * TROY_OUNCES_PER_TONNE)
    gold["largest_reported_yearly_purchase_t"] = biggest
    gold["plausible"] = gold["implied_tonnes"] <= 2 * biggest
    return gold[["doc_id", "sent_idx", "actor_name", "amount_text", "implied_tonnes",
                 "largest_reported_yearly_purchase_t", "plausible"]].reset_index(drop=True)
