"""Scoring against gold: hand-computed precision and recall on small tables."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis.actors.evaluate import GoldError, Score, evaluate, render


@pytest.fixture
def tables(tmp_path):
    pd.DataFrame({"doc_id": ["d1", "d2"], "source": ["a.txt", "x.jsonl"], "record": [None, 2], "language": ["en", "es"]}) \
        .to_parquet(tmp_path / "articles.parquet")
    rows = [("d1", "Putin", "Vladimir Putin", "person"), ("d1", "Putin’s", "Vladimir Putin", "person"),
            ("d1", "Beijing", "China", "country"), ("d1", "Reuters", "Reuters", "media"),
            ("d2", "the Kremlin", "Russia", "country"), ("d2", "IMF", "International Monetary Fund", "organization")]
    pd.DataFrame(rows, columns=["doc_id", "surface", "actor_name", "actor_type"]).to_parquet(tmp_path / "mentions.parquet")
    return tmp_path


def write_gold(path, entries):
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries), encoding="utf-8")
    return path


def test_document_and_mention_scores_are_hand_computed(tables, tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", [
        {"source": "a.txt", "actors": ["Vladimir Putin", "Xi Jinping"],
         "mentions": [{"surface": "Putin", "actor": "Vladimir Putin"}, {"surface": "Putin", "actor": "Vladimir Putin"},
                      {"surface": "Xi", "actor": "Xi Jinping"}]},
        {"source": "x.jsonl#2", "actors": ["Russia"], "mentions": [{"surface": "Kremlin", "actor": "Russia"}]},
    ])
    result = evaluate(gold, tables)
    # documents: TP = Putin, Russia; FP = China, IMF; FN = Xi  (Reuters is media, not scored)
    assert result["document_level"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714, "tp": 2, "fp": 2, "fn": 1}
    # mentions: TP = Putin ×2 (possessive stripped), Kremlin ("the" stripped); FP = Beijing, IMF; FN = Xi
    assert result["mention_level"] == {"precision": 0.6, "recall": 0.75, "f1": 0.6667, "tp": 3, "fp": 2, "fn": 1}
    assert result["errors"][0] == {"source": "a.txt", "missed": ["Xi Jinping"], "spurious": ["China"]}
    assert result["mention_errors"] == [
        {"source": "a.txt", "missed": ["Xi -> Xi Jinping"], "spurious": ["Beijing -> China"]},
        {"source": "x.jsonl#2", "missed": [], "spurious": ["IMF -> International Monetary Fund"]}]
    assert "a.txt: missed ['Xi -> Xi Jinping']; spurious ['Beijing -> China']" in render(result)
    # the same counts per article language: a.txt is English, the export's record 2 Spanish
    assert result["by_language"]["en"]["document_level"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5,
                                                             "tp": 1, "fp": 1, "fn": 1}
    assert result["by_language"]["es"]["mention_level"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667,
                                                            "tp": 1, "fp": 1, "fn": 0}
    assert "  es                     1   0.500   1.000      0.500      1.000" in render(result)


def test_a_gold_of_actor_sets_only_scores_no_mentions(tables, tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", [{"source": "a.txt", "actors": ["Vladimir Putin", "China"]}])
    result = evaluate(gold, tables)
    assert result["document_level"]["tp"] == 2 and result["document_level"]["fp"] == 0
    assert result["mention_level"] is None
    assert "mention level     not scored: the gold lists no mentions" in render(result)


def test_empty_sets_score_as_perfect():
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall) == (1.0, 1.0)


def test_malformed_gold_names_the_line(tmp_path, tables):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"source": "a.txt", "actors": []}\n{"source": "b.txt"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 2: needs 'source' and 'actors'"):
        evaluate(bad, tables)


def test_cli_prints_the_scores(tables, tmp_path):
    gold = write_gold(tmp_path / "gold.jsonl", [{"source": "a.txt", "actors": ["Vladimir Putin", "China"]}])
    out = subprocess.run([sys.executable, "-m", "analysis", "evaluate", "--gold", str(gold), "--tables", str(tables)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "document level" in out.stdout and "1.000" in out.stdout


def test_a_reader_that_stops_early_is_no_error(tables, tmp_path):
    """``python -m analysis evaluate ... | head -1``: the pipe closes before the scores are written."""
    gold = write_gold(tmp_path / "gold.jsonl", [{"source": "a.txt", "actors": ["Vladimir Putin", "China"]}])
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        out = subprocess.run([sys.executable, "-m", "analysis", "evaluate", "--gold", str(gold), "--tables", str(tables)],
                             stdout=write_end, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert out.returncode == 0 and "BrokenPipeError" not in out.stderr, out.stderr


def test_missing_ner_model_is_a_clear_error(tmp_path):
    from analysis.pipeline import CorpusError, load_ner

    pytest.importorskip("spacy", reason="spaCy is an optional extra (.[bench])")
    with pytest.raises(CorpusError, match="not installed.*spacy download"):
        load_ner("xx_no_such_model")


def test_the_sample_corpus_meets_the_bar_against_its_gold(sample_dir):
    from analysis import config

    result = evaluate(config.SAMPLE_DIR / "gold_actors.jsonl", sample_dir)
    assert result["document_level"]["precision"] >= 0.9 and result["document_level"]["recall"] >= 0.9, result
    assert result["mention_level"]["f1"] >= 0.9, result


@pytest.mark.parametrize("command", [["evaluate", "--gold", "gold.jsonl"], ["actors", "extract"], ["actors", "candidates"]])
def test_commands_on_missing_tables_say_how_to_write_them(tmp_path, capsys, command):
    from analysis.cli import main

    assert main([*command, "--tables", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert f"not found in {tmp_path}" in error and "python -m analysis run" in error and "make report" in error
