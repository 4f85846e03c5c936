"""The ingestion stage: every file of a corpus read, cleaned, deduplicated and written as tables.

Per-file work (:func:`process_file`) is a pure function mapped over batches of files by
:func:`analysis.tables.stage_io.stream_tables` (in this process, in a process pool, or by any ordered
``map`` such as a Dask client's), and rows are streamed to Parquet, so memory stays flat as the corpus
grows. Only duplicate detection keeps state across documents. Every input file gets a row in
``ingest_report`` (and every record of an export one in ``record_report``); a failure inside one file
becomes a ``skipped`` row with the error, never a crash of the run.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.ingest.dedup import DuplicateDetector
from analysis.ingest.document import Article, process_document
from analysis.ingest.readers import ReaderOptions, Skip, read_file
from analysis.tables.schemas import SCHEMAS
from analysis.tables.stage_io import Mapper, TableSink, batches, stream_tables

__all__ = ["INGEST_TABLES", "IngestCounts", "process_file", "ingest_corpus"]

# The tables ingestion writes; each is always present, even when empty.
INGEST_TABLES = ("articles", "ingest_report", "record_report", "sentences")


@dataclass
class IngestCounts:
    """What ingestion found, for the run's summary (the fields of the same names there)."""
    ingested: int = 0
    duplicate: int = 0
    skipped: int = 0
    articles: int = 0
    sentences: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # ingested articles by language (ISO 639-1, "und")
    skip_reasons: dict[str, int] = field(default_factory=dict)
    # Skipped records of exports by kind, each under the full reason of its first record.
    record_skip_reasons: dict[str, int] = field(default_factory=dict)


def process_file(corpus_dir: Path, reader: ReaderOptions, source: str) -> list[Article | Skip]:
    """Read and clean one file. Pure apart from reading it; never raises."""
    try:
        return [item if isinstance(item, Skip) else process_document(item)
                for item in read_file(corpus_dir, source, reader)]
    except ImportError as error:  # an install that lacks a package one kind of file needs (lxml_html_clean for HTML)
        return [Skip(source, f"a package needed to read this file is missing ({error}); install the project's "
                             "dependencies again (`make install`, or `pip install -e .`)")]
    except Exception as error:  # a bug or an exotic input must not end the whole run
        return [Skip(source, f"internal error while processing ({type(error).__name__}: {error}); please report it")]


def ingest_corpus(corpus_dir: Path, out_dir: Path, sources: list[str], reader: ReaderOptions = ReaderOptions(),
                  near_duplicate_threshold: float = 0.8, batch_size: int = 128, workers: int = 1,
                  mapper: Mapper | None = None, progress: bool = False) -> IngestCounts:
    """Write ``articles``, ``sentences``, ``ingest_report`` and ``record_report`` for ``sources`` (paths
    relative to ``corpus_dir``, in the order given) into ``out_dir``; return the counts."""
    counts = IngestCounts()
    detector = DuplicateDetector(threshold=near_duplicate_threshold)
    copies: dict[str, list[str]] = defaultdict(list)  # kept doc_id -> labels of its duplicates

    def collect(source: str, items, sink: TableSink) -> None:
        _record_file(source, list(items), detector, copies, sink, counts)

    work = partial(process_file, corpus_dir.resolve(), reader)  # a worker elsewhere (Dask) has another cwd
    stream_tables(out_dir, INGEST_TABLES, work, batches(sources, batch_size), collect, workers=workers,
                  mapper=mapper, finish={"articles": partial(_finish_articles, copies=copies)},
                  progress=progress, desc="Ingesting", unit="file", total=len(sources))
    return counts


def _article_row(article: Article) -> dict:
    row = {name: getattr(article, name) for name in SCHEMAS["articles"].names if hasattr(article, name)}
    row["n_chars"] = len(article.text)
    row["n_sentences"] = len(article.sentences)
    row["removed_lines"] = [asdict(line) for line in article.removed_lines]
    row["duplicates"] = []
    return row


def _label(source: str, record: int | None) -> str:
    return source if record is None else f"{source}#{record}"


def _record_file(source: str, items: list[Article | Skip], detector: DuplicateDetector,
                 copies: dict[str, list[str]], sink: TableSink, summary: IngestCounts) -> None:
    """Deduplicate and write one file's documents, and its row in the ingest report."""
    is_export = any(item.record is not None for item in items)
    kept_ids: list[str] = []
    duplicate_of: list[tuple[str, str]] = []  # (doc_id of the original, description)
    skips: list[Skip] = []
    for item in items:
        if isinstance(item, Skip):
            skips.append(item)
            if is_export:
                sink.add("record_report", {"source": source, "record": item.record, "status": "skipped",
                                           "reason": item.reason, "doc_id": None, "duplicate_of": None})
                _count_kind(summary.record_skip_reasons, item.reason)
            continue
        match = detector.check(item.doc_id, item.text)
        if match:
            copies[match.of_doc_id].append(_label(source, item.record))
            what = "exact copy" if match.kind == "exact" else f"near-duplicate (similarity {match.similarity:.2f})"
            duplicate_of.append((match.of_doc_id, f"{what} of article {match.of_doc_id}"))
            status, reason, original = "duplicate", duplicate_of[-1][1], match.of_doc_id
        else:
            kept_ids.append(item.doc_id)
            sink.add("articles", _article_row(item))
            for sentence in item.sentences:
                sink.add("sentences", {"doc_id": item.doc_id, **asdict(sentence)})
            summary.articles += 1
            summary.sentences += len(item.sentences)
            summary.languages[item.language] = summary.languages.get(item.language, 0) + 1
            status, reason, original = "ingested", _ingest_note(item), None
        if is_export:
            sink.add("record_report", {"source": source, "record": item.record, "status": status,
                                       "reason": reason, "doc_id": item.doc_id, "duplicate_of": original})

    n_records = len(items)
    if kept_ids:
        status = "ingested"
        if is_export:
            reason = f"{len(kept_ids)} of {n_records} records ingested" + _tally(duplicate_of, skips)
        else:
            reason = _ingest_note(next(i for i in items if isinstance(i, Article)))
    elif duplicate_of:
        status = "duplicate"
        reason = duplicate_of[0][1] if not is_export else f"all {len(duplicate_of)} ingestible records are duplicates" + _tally([], skips)
    else:
        status = "skipped"
        reason = skips[0].reason if len(skips) == 1 and not is_export else f"no record ingested: {_tally([], skips).lstrip('; ')}"
        key = reason.split(" (")[0]
        summary.skip_reasons[key] = summary.skip_reasons.get(key, 0) + 1
    setattr(summary, status, getattr(summary, status) + 1)
    fmt = next((i.format for i in items if isinstance(i, Article)), Path(source).suffix.lstrip(".").lower() or None)
    sink.add("ingest_report", {
        "source": source, "status": status, "reason": reason, "format": fmt,
        "n_bytes": next((i.n_bytes for i in items if isinstance(i, Article) and not is_export), None),
        "n_records": n_records, "n_ingested": len(kept_ids), "doc_ids": kept_ids,
        "duplicate_of": duplicate_of[0][0] if status == "duplicate" else None,
    })


def _count_kind(counts: dict[str, int], reason: str) -> None:
    """Count ``reason`` under the first reason of its kind (its text before any detail in parentheses).

    >>> counts = {}
    >>> _count_kind(counts, "bad date (line 3)"); _count_kind(counts, "bad date (line 9)")
    >>> counts
    {'bad date (line 3)': 2}
    """
    kind = reason.split(" (")[0]
    key = next((known for known in counts if known.split(" (")[0] == kind), reason)
    counts[key] = counts.get(key, 0) + 1


def _ingest_note(article: Article) -> str:
    parts = [f"{len(article.sentences)} sentences"]
    boilerplate = Counter(line.reason for line in article.removed_lines)
    if boilerplate:
        parts.append("removed " + ", ".join(f"{reason} ×{n}" for reason, n in sorted(boilerplate.items())))
    if article.repairs:
        parts.append("repaired " + ", ".join(article.repairs))
    return "; ".join(parts)


def _tally(duplicates: list, skips: list[Skip]) -> str:
    text = ""
    if duplicates:
        text += f"; {len(duplicates)} duplicate"
    if skips:
        text += f"; {len(skips)} skipped (" + "; ".join(
            (f"record {s.record}: " if s.record is not None else "") + s.reason for s in skips[:5]) + (
            "; …" if len(skips) > 5 else "") + ")"
    return text


def _finish_articles(partial_path: Path, final_path: Path, copies: dict[str, list[str]]) -> None:
    """Rewrite the streamed articles with each kept article's list of duplicates."""
    if not partial_path.exists():
        pq.write_table(SCHEMAS["articles"].empty_table(), final_path)
        return
    source = pq.ParquetFile(partial_path)
    with pq.ParquetWriter(final_path, SCHEMAS["articles"]) as writer:
        for batch in source.iter_batches(batch_size=1024):
            ids = batch.column("doc_id").to_pylist()
            duplicates = pa.array([sorted(copies.get(doc_id, [])) for doc_id in ids], pa.list_(pa.string()))
            index = SCHEMAS["articles"].get_field_index("duplicates")
            writer.write_table(pa.Table.from_batches([batch]).set_column(index, "duplicates", duplicates))
