"""The whole ingestion run: nothing lost, bad input reported, same input same output."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis.pipeline import CorpusError, RunOptions, RunSummary, run
from tests.conftest import TABLES, read_tables
from tests.unit.ingest.test_dedup import STORY, syndicated

GOOD = ("Gold Buying Continues\n\nHarbor Street Journal, January 31, 2024 \u2014\n\n"
        "Central banks bought more than a thousand tonnes of gold for a second year, industry data showed. "
        "Buyers included the central banks of China, Poland and Turkey.\n\nRead Time:1 Minute, 5 Second\n\n"
        "Analysts at the fictional Lantern Research said reserve managers wanted assets beyond the reach of "
        "sanctions.\n\n#Gold #Reserves")


@pytest.fixture
def messy_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "b_story.txt").write_text(STORY, encoding="utf-8")
    (corpus / "c_copy.txt").write_text(syndicated(STORY), encoding="utf-8")
    (corpus / "d_exact.md").write_text(STORY, encoding="utf-8")
    (corpus / "e_empty.txt").write_bytes(b"")
    (corpus / "f_binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "g_cp1252.txt").write_bytes(("Bol\u00edvar \u201cnotes\u201d \u2013 " + STORY[:200]).encode("cp1252"))
    (corpus / "h_nfd.txt").write_text("Foreign Minister Yva\u0301n Gil met his counterpart in Moscow on Thursday.",
                                      encoding="utf-8")
    (corpus / "i_export.jsonl").write_text(
        json.dumps({"text": "The first exported story is about swap lines.", "date": "2024-02-02"}) + "\n"
        + '{"text": "truncated\n'
        + json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    (corpus / "j_export.csv").write_text("title,body\nA,B\n", encoding="utf-8")
    (corpus / "k_only_junk.txt").write_text("Read Time:1 Minute\n\n#Tag\n\nLeave a Reply", encoding="utf-8")
    (corpus / "sub" / "l_page.pdf").write_bytes(b"%PDF-1.4")
    with (corpus / "m_huge.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    return corpus


def test_every_file_is_in_the_report_with_a_status_and_reason(messy_corpus, tmp_path):
    summary = run(messy_corpus, tmp_path / "out", RunOptions(progress=False))
    tables = read_tables(tmp_path / "out")
    report = tables["ingest_report"].set_index("source")
    expected = {
        "a_good.txt": "ingested", "b_story.txt": "ingested", "c_copy.txt": "duplicate", "d_exact.md": "duplicate",
        "e_empty.txt": "skipped", "f_binary.txt": "skipped", "g_cp1252.txt": "ingested", "h_nfd.txt": "ingested",
        "i_export.jsonl": "ingested", "j_export.csv": "skipped", "k_only_junk.txt": "skipped",
        "sub/l_page.pdf": "skipped", "m_huge.txt": "skipped",
    }
    assert report["status"].to_dict() == expected
    assert report["reason"].notna().all() and (report["reason"].str.len() > 0).all()
    assert "empty file" in report.loc["e_empty.txt", "reason"]
    assert "binary" in report.loc["f_binary.txt", "reason"]
    assert "near-duplicate" in report.loc["c_copy.txt", "reason"]
    assert "exact copy" in report.loc["d_exact.md", "reason"]
    assert "no article text left" in report.loc["k_only_junk.txt", "reason"]
    assert "--text-field" in report.loc["j_export.csv", "reason"]
    assert "1 of 3 records ingested; 1 duplicate; 1 skipped (record 2: malformed JSON" in report.loc["i_export.jsonl", "reason"]
    assert "malformed JSON" in report.loc["i_export.jsonl", "reason"]
    assert (summary.files, summary.ingested, summary.duplicate, summary.skipped) == (13, 5, 2, 6)

    articles = tables["articles"].set_index("source")
    story_id = report.loc["b_story.txt", "doc_ids"][0]
    assert report.loc["c_copy.txt", "duplicate_of"] == story_id == report.loc["d_exact.md", "duplicate_of"]
    assert list(articles.loc["b_story.txt", "duplicates"]) == ["c_copy.txt", "d_exact.md"]
    assert "Yv\u00e1n" in articles.loc["h_nfd.txt", "text"]
    assert articles.loc["g_cp1252.txt", "text"].startswith("Bol\u00edvar \u201cnotes\u201d")

    records = tables["record_report"]
    assert records["source"].tolist() == ["i_export.jsonl"] * 3 + ["j_export.csv"]
    assert records["record"].tolist() == [1, 2, 3, 2]
    assert records["status"].tolist() == ["ingested", "skipped", "duplicate", "skipped"]
    assert records["duplicate_of"].iloc[2] == report.loc["a_good.txt", "doc_ids"][0]

    # The summary says how to fix a skipped record, not only that records were skipped
    printed = summary.render()
    assert "1  no record ingested: 1 skipped" in printed
    assert "Records  skipped in JSONL/JSON/CSV exports" in printed
    assert "1  no 'text' field (fields present: body, title); name the text field with --text-field" in printed
    assert "1  malformed JSON (" in printed


def test_the_summary_counts_articles_by_language_and_says_what_unread_languages_give():
    summary = RunSummary(corpus="c", out="o", articles=5, languages={"es": 1, "en": 2, "ru": 1, "zh": 1})
    printed = summary.render()
    assert "Language en 2, es 1, ru 1, zh 1" in printed
    assert ("currency-shift claims are read in de, en, es, fr, pt; the 2 articles in other languages add actors, "
            "network ties and frames") in printed
    assert "the article in another language adds" in RunSummary("c", "o", languages={"en": 3, "ru": 1}).render()
    assert "claims are read" not in RunSummary("c", "o", languages={"en": 3, "pt": 1}).render()  # all read
    assert "Language" not in RunSummary("c", "o", languages={"en": 3}).render()  # nothing to say


def test_same_input_same_tables(messy_corpus, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    run(messy_corpus, first, RunOptions(progress=False))
    run(messy_corpus, second, RunOptions(progress=False, batch_size=3))
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(first / f"{name}.parquet"),
                                      pd.read_parquet(second / f"{name}.parquet"))
    assert (first / "run.json").read_text() == (second / "run.json").read_text()


def test_doc_ids_survive_renames(tmp_path):
    for folder, name in (("x", "story.txt"), ("y", "renamed-copy.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(GOOD, encoding="utf-8")
        run(tmp_path / folder, tmp_path / f"out_{folder}", RunOptions(progress=False))
    ids = [pd.read_parquet(tmp_path / f"out_{f}" / "articles.parquet")["doc_id"].item() for f in "xy"]
    assert ids[0] == ids[1]


def test_process_pool_gives_the_same_tables(messy_corpus, tmp_path):
    run(messy_corpus, tmp_path / "serial", RunOptions(progress=False))
    run(messy_corpus, tmp_path / "pool", RunOptions(progress=False, workers=2))
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "serial" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "pool" / f"{name}.parquet"))


def report_with_one_failing_file(corpus, out, monkeypatch, error: Exception) -> pd.DataFrame:
    """The ingest report of a run in which processing ``h_nfd.txt`` raises ``error``."""
    import analysis.ingest.run as ingest_run

    real = ingest_run.process_document

    def failing(raw):
        if raw.source == "h_nfd.txt":
            raise error
        return real(raw)

    monkeypatch.setattr(ingest_run, "process_document", failing)
    run(corpus, out, RunOptions(progress=False))
    return pd.read_parquet(out / "ingest_report.parquet").set_index("source")


def test_an_internal_error_in_one_file_does_not_stop_the_run(messy_corpus, tmp_path, monkeypatch):
    report = report_with_one_failing_file(messy_corpus, tmp_path / "out", monkeypatch, RuntimeError("boom"))
    assert report.loc["h_nfd.txt", "status"] == "skipped"
    assert "RuntimeError: boom" in report.loc["h_nfd.txt", "reason"]
    assert report.loc["a_good.txt", "status"] == "ingested"


def test_a_file_whose_reader_lacks_a_package_says_how_to_install_it(messy_corpus, tmp_path, monkeypatch):
    # as trafilatura fails on an install without lxml's HTML cleaner
    missing = ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
    report = report_with_one_failing_file(messy_corpus, tmp_path / "out", monkeypatch, missing)
    reason = report.loc["h_nfd.txt", "reason"]
    assert report.loc["h_nfd.txt", "status"] == "skipped"
    assert "package needed to read this file is missing" in reason and "lxml_html_clean" in reason
    assert "make install" in reason and "please report it" not in reason
    assert report.loc["a_good.txt", "status"] == "ingested"


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        run(tmp_path / "nowhere", tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="contains no files"):
        run(tmp_path / "empty", tmp_path / "out")


def test_cli_run_prints_a_summary_and_help_explains_options(messy_corpus, tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(messy_corpus),
                             "--out", str(tmp_path / "cli"), "--no-progress"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "13 read: 5 ingested, 2 duplicate, 6 skipped" in result.stdout
    assert "empty file" in result.stdout
    help_text = subprocess.run([sys.executable, "-m", "analysis", "run", "--help"], capture_output=True, text=True).stdout
    for option in ("--corpus", "--out", "--text-field", "--max-file-mb", "--near-duplicate-threshold", "--workers"):
        assert option in help_text
    missing = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(tmp_path / "nope")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr


def test_sample_corpus_twice_gives_identical_tables_at_every_stage(sample_dir, tmp_path):
    from analysis import config

    again = tmp_path / "again"
    run(config.SAMPLE_CORPUS, again, RunOptions(progress=False, batch_size=5))
    names = sorted(p.name for p in sample_dir.glob("*.parquet"))
    assert names == sorted(p.name for p in again.glob("*.parquet"))
    assert {"mentions.parquet", "edges.parquet"} <= set(names)
    for name in names:
        pd.testing.assert_frame_equal(pd.read_parquet(sample_dir / name), pd.read_parquet(again / name), obj=name)


def test_a_mapper_runs_every_per_document_stage_with_the_same_tables(messy_corpus, tmp_path):
    """Any ordered ``map`` (a Dask client's map + gather, say) receives ingestion, actors and narratives."""
    from collections import Counter

    calls = Counter()

    def mapper(function, items):
        calls[getattr(function, "func", function).__name__] += 1
        return list(map(function, items))

    run(messy_corpus, tmp_path / "mapped", RunOptions(progress=False), mapper=mapper)
    run(messy_corpus, tmp_path / "plain", RunOptions(progress=False))
    assert calls["process_file"] and calls["_actor_batch"] and calls["_narrative_batch"]
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "mapped" / f"{name}.parquet"),
                                      pd.read_parquet(tmp_path / "plain" / f"{name}.parquet"), obj=name)


def test_reuse_keeps_tables_made_from_the_same_inputs_and_remakes_them_after_a_change(messy_corpus, tmp_path):
    out = tmp_path / "out"
    options = RunOptions(progress=False, actors=False, reuse=True)
    first = run(messy_corpus, out, options)
    made = (out / "articles.parquet").stat().st_mtime_ns
    again = run(messy_corpus, out, options)
    assert again == first and (out / "articles.parquet").stat().st_mtime_ns == made  # kept, not rewritten
    run(messy_corpus, out, RunOptions(progress=False, actors=False, reuse=True, near_duplicate_threshold=0.9))
    assert (out / "articles.parquet").stat().st_mtime_ns != made  # another option: made again
    made = (out / "articles.parquet").stat().st_mtime_ns
    (messy_corpus / "added.txt").write_text("A new article about the yuan.\n\nIt has two paragraphs.", encoding="utf-8")
    changed = run(messy_corpus, out, options)
    assert changed.files == first.files + 1 and (out / "articles.parquet").stat().st_mtime_ns != made
    (out / "sentences.parquet").unlink()
    assert run(messy_corpus, out, options) == changed and (out / "sentences.parquet").is_file()  # a lost table: made again


def test_a_broken_link_in_the_corpus_is_skipped_with_its_reason(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia and China met in Moscow to talk about trade.\n\nIt went well.", encoding="utf-8")
    (corpus / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    summary = run(corpus, tmp_path / "out", RunOptions(progress=False, actors=False))
    assert (summary.ingested, summary.skipped) == (1, 1)
    report = pd.read_parquet(tmp_path / "out" / "ingest_report.parquet").set_index("source")
    assert report.loc["broken.txt", "status"] == "skipped" and "cannot read" in report.loc["broken.txt", "reason"]


def _frames_rows(doc_id: str) -> dict:
    return {"doc_id": doc_id, "frame": "f", "n_evidence": 1, "evidence": [0], "cues": ["c"]}


def test_stream_tables_writes_each_table_whole_or_not_at_all(tmp_path):
    from analysis.tables.schemas import FRAMES
    from analysis.tables.stage_io import stream_tables

    def collect(item, result, sink):
        sink.add("frames", result)

    counts = stream_tables(tmp_path, ["frames", "amounts"], _frames_rows, [["a", "b"], ["c"]], collect)
    assert counts == {"frames": 3, "amounts": 0}
    frames = pq.read_table(tmp_path / "frames.parquet")
    assert frames.schema == FRAMES and frames.column("doc_id").to_pylist() == ["a", "b", "c"]
    assert pq.ParquetFile(tmp_path / "frames.parquet").num_row_groups == 2  # one per batch
    assert pq.read_table(tmp_path / "amounts.parquet").num_rows == 0  # empty, with its schema

    def failing(item, result, sink):
        if item == "c":
            raise RuntimeError("boom")
        collect(item, result, sink)

    with pytest.raises(RuntimeError, match="boom"):
        stream_tables(tmp_path, ["frames", "amounts"], _frames_rows, [["a", "b"], ["c"]], failing)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no stale table, no half-written one


def test_a_pool_and_chunks_give_the_same_rows_in_order(tmp_path):
    from analysis.tables.stage_io import stream_tables

    def collect(item, result, sink):
        sink.extend("frames", result)

    inputs = [[f"d{i}" for i in range(7)], ["d7"]]
    (tmp_path / "pool").mkdir()
    (tmp_path / "serial").mkdir()
    stream_tables(tmp_path / "pool", ["frames"], _frames_chunk, inputs, collect, chunk_size=3, workers=2)
    stream_tables(tmp_path / "serial", ["frames"], _frames_chunk, inputs, collect, chunk_size=3)
    assert (tmp_path / "pool" / "frames.parquet").read_bytes() == (tmp_path / "serial" / "frames.parquet").read_bytes()
    assert pq.read_table(tmp_path / "pool" / "frames.parquet").column("doc_id").to_pylist() == [f"d{i}" for i in range(8)]


def _frames_chunk(items: list[str]) -> list[list[dict]]:
    return [[_frames_rows(item)] for item in items]
