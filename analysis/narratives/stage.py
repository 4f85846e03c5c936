"""The currency-shift narratives stage: amounts, claims, frames and plausibility flags per document.

Reads the ``articles``, ``sentences`` and ``mentions`` tables of a run and writes four more:

* ``amounts`` (:mod:`analysis.narratives.amounts`): every money amount and percentage, literal text and value;
* ``claims`` (:mod:`analysis.narratives.claims`): who is said to sell, buy, settle in, join, ban … which
  asset or system, in which direction relative to the dollar, with amount, period, status
  and attribution;
* ``frames`` (:mod:`analysis.narratives.frames`): which frames each article uses, with evidence sentences;
* ``plausibility`` (:mod:`analysis.narratives.plausibility`): claimed figures that contradict each other
  or official reference figures.

:func:`extract_narratives` is pure (one document's text, sentences and mentions in, rows
out), so it can be mapped over documents locally or on a Dask cluster;
:func:`write_narrative_tables` streams the input tables document by document and writes the
output with :mod:`pyarrow`, so memory stays flat. Every row carries ``doc_id`` and
``sent_idx`` (and offsets where they apply), so each number traces back to its sentence.
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from analysis.lexicons.currencies import load_currencies
from analysis.lexicons.io import LEXICON_DIR
from analysis.narratives.amounts import AmountParser, amount_rows
from analysis.narratives.claims import ClaimExtractor, load_claim_lexicon
from analysis.narratives.frames import FrameDetector, frame_rows, load_frames
from analysis.narratives.plausibility import Fact, load_reference, plausibility_rows
from analysis.tables.schemas import AMOUNTS, CLAIMS, FRAMES, PLAUSIBILITY

# The tables this stage writes (schemas in analysis.tables.schemas, the data contract).
SCHEMAS: dict[str, pa.Schema] = {"amounts": AMOUNTS, "claims": CLAIMS, "frames": FRAMES, "plausibility": PLAUSIBILITY}


@dataclass
class NarrativeExtractor:
    """Every lexicon compiled once; pass one to :func:`extract_narratives` when mapping many documents."""
    lexicon_dir: Path | None = None
    reference: Path | None = None
    amounts: AmountParser = field(init=False)
    claims: ClaimExtractor = field(init=False)
    frames: FrameDetector = field(init=False)
    facts: tuple[Fact, ...] = field(init=False)

    def __post_init__(self):
        folder = self.lexicon_dir or LEXICON_DIR
        self.amounts = AmountParser(load_currencies(folder))
        self.claims = ClaimExtractor(load_claim_lexicon(folder))
        self.frames = FrameDetector(load_frames(folder))
        self.facts = load_reference(self.reference)


def extract_narratives(doc_id: str, text: str, sentences: list[dict], mentions: list[dict],
                       extractor: NarrativeExtractor | None = None) -> dict[str, list[dict]]:
    """Rows of ``amounts``, ``claims``, ``frames`` and ``plausibility`` for one document.

    ``sentences`` and ``mentions`` are this document's rows of those tables (dicts with at
    least ``sent_idx``, ``start``, ``end``; mentions also ``actor_name`` and ``actor_type``).
    """
    extractor = extractor or _default_extractor()
    sentences = sorted(sentences, key=lambda s: s["start"])
    amounts = amount_rows(doc_id, text, sentences, extractor.amounts)
    claims = extractor.claims.extract(doc_id, text, sentences, mentions, amounts)
    return {
        "amounts": amounts,
        "claims": claims,
        "frames": frame_rows(doc_id, text, sentences, extractor.frames),
        "plausibility": plausibility_rows(doc_id, text, sentences, amounts, claims, extractor.facts),
    }


def _default_extractor() -> NarrativeExtractor:
    return _cached_extractor(None, None)


def _grouped(path: Path, columns: list[str], order: dict[str, int]) -> Iterator[tuple[str, list[dict]]]:
    """Rows of a table grouped by document, streamed; documents must come in the articles' order."""
    if not path.exists():
        return
    current, rows = None, []
    for batch in pq.ParquetFile(path).iter_batches(batch_size=4096, columns=columns):
        for row in batch.to_pylist():
            if row["doc_id"] != current:
                if rows:
                    yield current, rows
                if current is not None and order.get(row["doc_id"], -1) < order.get(current, -1):
                    raise ValueError(f"{path.name}: rows of document {row['doc_id']} come after those of {current}, "
                                     "unlike articles.parquet; rerun `python -m analysis run` to rewrite the tables")
                current, rows = row["doc_id"], []
            rows.append(row)
    if rows:
        yield current, rows


class _Aligned:
    """The rows of one table for each document in turn, from a stream in article order."""

    def __init__(self, stream: Iterator[tuple[str, list[dict]]]):
        self.stream = stream
        self.pending = next(stream, (None, []))

    def take(self, doc_id: str) -> list[dict]:
        if self.pending[0] != doc_id:
            return []
        rows = self.pending[1]
        self.pending = next(self.stream, (None, []))
        return rows


@lru_cache(maxsize=2)
def _cached_extractor(lexicon_dir: str | None, reference: str | None) -> NarrativeExtractor:
    """One compiled extractor per lexicon folder and process (each pool or Dask worker builds its own once)."""
    return NarrativeExtractor(Path(lexicon_dir) if lexicon_dir else None, Path(reference) if reference else None)


def _narrative_batch(lexicon_dir: str | None, reference: str | None, items: list[tuple]) -> list[dict]:
    extractor = _cached_extractor(lexicon_dir, reference)
    return [extract_narratives(doc_id, text, sentences, mentions, extractor) for doc_id, text, sentences, mentions in items]


def write_narrative_tables(tables_dir: Path | str, progress: bool = False, lexicon_dir: Path | str | None = None,
                           reference: Path | str | None = None, workers: int = 1, mapper=None) -> dict[str, int]:
    """Write ``amounts``, ``claims``, ``frames`` and ``plausibility`` from a run's tables; return row counts.

    Rerun it after editing the lexicons in ``data/lexicons/narratives/``: ingestion and actor
    extraction need not run again. Each table is written even when empty, with its schema.
    Documents are mapped in chunks with :func:`extract_narratives`, in ``workers`` processes or
    by ``mapper`` (any ordered ``map``, e.g. ``lambda f, xs: client.gather(client.map(f, xs))`` for Dask).
    """
    tables_dir = Path(tables_dir)
    articles_path = tables_dir / "articles.parquet"
    if not articles_path.exists():
        raise FileNotFoundError(f"{articles_path} not found; run `python -m analysis run --corpus DIR --out "
                                f"{tables_dir}` first")
    folders = (str(lexicon_dir) if lexicon_dir else None, str(reference) if reference else None)
    _cached_extractor(*folders)  # a malformed lexicon fails here, with its message, before any work
    work = partial(_narrative_batch, *folders)
    pool = ProcessPoolExecutor(workers) if workers > 1 and mapper is None else None
    map_chunks = mapper or (pool.map if pool else map)
    for name in SCHEMAS:
        (tables_dir / f"{name}.parquet").unlink(missing_ok=True)
    articles = pq.ParquetFile(articles_path)
    order = {doc_id: i for i, doc_id in enumerate(pq.read_table(articles_path, columns=["doc_id"]).column(0).to_pylist())}
    sentences = _Aligned(_grouped(tables_dir / "sentences.parquet", ["doc_id", "sent_idx", "start", "end"], order))
    mentions = _Aligned(_grouped(tables_dir / "mentions.parquet",
                                 ["doc_id", "sent_idx", "start", "end", "actor_name", "actor_type", "country"], order))
    writers: dict[str, pq.ParquetWriter] = {}
    counts = {name: 0 for name in SCHEMAS}
    bar = tqdm(total=articles.metadata.num_rows, unit="doc", desc="Narratives", disable=not progress)
    try:
        for batch in articles.iter_batches(batch_size=256, columns=["doc_id", "text"]):
            buffered: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
            items = [(a["doc_id"], a["text"] or "", sentences.take(a["doc_id"]), mentions.take(a["doc_id"]))
                     for a in batch.to_pylist()]
            chunks = [items[i:i + 32] for i in range(0, len(items), 32)]
            for results in map_chunks(work, chunks):
                for result in results:
                    for name, rows in result.items():
                        buffered[name].extend(rows)
                    bar.update()
            for name, rows in buffered.items():
                if not rows:
                    continue
                if name not in writers:
                    writers[name] = pq.ParquetWriter(tables_dir / f"{name}.parquet", SCHEMAS[name])
                writers[name].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
                counts[name] += len(rows)
    finally:
        bar.close()
        for writer in writers.values():
            writer.close()
        if pool:
            pool.shutdown()
    for name, schema in SCHEMAS.items():
        if not (tables_dir / f"{name}.parquet").exists():
            pq.write_table(schema.empty_table(), tables_dir / f"{name}.parquet")
    return counts
