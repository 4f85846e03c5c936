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
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.lexicons.currencies import load_currencies
from analysis.lexicons.io import LEXICON_DIR
from analysis.lexicons.scales import load_number_forms
from analysis.narratives.amounts import AmountParser, amount_rows
from analysis.narratives.claim_words import load_claim_words
from analysis.narratives.claims import ClaimExtractor, load_claim_lexicon
from analysis.narratives.frames import FrameDetector, frame_rows, load_frames
from analysis.narratives.plausibility import Fact, load_reference, plausibility_rows
from analysis.tables.schemas import AMOUNTS, CLAIMS, FRAMES, PLAUSIBILITY
from analysis.tables.stage_io import Aligned, Mapper, TableSink, remove_table, rows_by_document, stream_tables

__all__ = ["SCHEMAS", "NarrativeExtractor", "extract_narratives", "write_narrative_tables"]

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
        self.amounts = AmountParser(load_currencies(folder), load_number_forms(folder))
        self.claims = ClaimExtractor(load_claim_lexicon(folder), load_claim_words(folder))
        self.frames = FrameDetector(load_frames(folder))
        self.facts = load_reference(self.reference)


def extract_narratives(doc_id: str, text: str, sentences: list[dict], mentions: list[dict],
                       extractor: NarrativeExtractor | None = None, language: str | None = None) -> dict[str, list[dict]]:
    """Rows of ``amounts``, ``claims``, ``frames`` and ``plausibility`` for one document.

    ``sentences`` and ``mentions`` are this document's rows of those tables (dicts with at
    least ``sent_idx``, ``start``, ``end``; mentions also ``actor_name`` and ``actor_type``). ``language`` (the
    article's ISO 639-1 code) chooses how numbers are read: "7.500 millones" in Spanish, "6,873 bilhões" in Portuguese,
    and the words claims are read with (``claim_words.yaml``).
    """
    extractor = extractor or _default_extractor()
    sentences = sorted(sentences, key=lambda s: s["start"])
    amounts = amount_rows(doc_id, text, sentences, extractor.amounts, language)
    claims = extractor.claims.extract(doc_id, text, sentences, mentions, amounts, language)
    return {
        "amounts": amounts,
        "claims": claims,
        "frames": frame_rows(doc_id, text, sentences, extractor.frames),
        "plausibility": plausibility_rows(doc_id, text, sentences, amounts, claims, extractor.facts),
    }


def _default_extractor() -> NarrativeExtractor:
    return _cached_extractor(None, None)


@lru_cache(maxsize=2)
def _cached_extractor(lexicon_dir: str | None, reference: str | None) -> NarrativeExtractor:
    """One compiled extractor per lexicon folder and process (each pool or Dask worker builds its own once)."""
    return NarrativeExtractor(Path(lexicon_dir) if lexicon_dir else None, Path(reference) if reference else None)


def _narrative_batch(lexicon_dir: str | None, reference: str | None, items: list[tuple]) -> list[dict]:
    extractor = _cached_extractor(lexicon_dir, reference)
    return [extract_narratives(doc_id, text, sentences, mentions, extractor, language)
            for doc_id, text, sentences, mentions, language in items]


def write_narrative_tables(tables_dir: Path | str, progress: bool = False, lexicon_dir: Path | str | None = None,
                           reference: Path | str | None = None, workers: int = 1,
                           mapper: Mapper | None = None) -> dict[str, int]:
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
    for name in SCHEMAS:
        remove_table(tables_dir, name)

    def collect(_item, result: dict[str, list[dict]], sink: TableSink) -> None:
        for name, rows in result.items():
            sink.extend(name, rows)

    total = pq.ParquetFile(articles_path).metadata.num_rows
    return stream_tables(tables_dir, list(SCHEMAS), partial(_narrative_batch, *folders), _documents(tables_dir),
                         collect, chunk_size=32, workers=workers, mapper=mapper, progress=progress,
                         desc="Narratives", unit="doc", total=total)


def _documents(tables_dir: Path) -> Iterator[list[tuple]]:
    """Batches of (doc_id, text, its sentences, its mentions, its language), streamed in the articles' order."""
    articles_path = tables_dir / "articles.parquet"
    order = {doc_id: i for i, doc_id in enumerate(pq.read_table(articles_path, columns=["doc_id"]).column(0).to_pylist())}
    sentences = Aligned(rows_by_document(tables_dir / "sentences.parquet", ["doc_id", "sent_idx", "start", "end"], order))
    mentions = Aligned(rows_by_document(tables_dir / "mentions.parquet",
                                        ["doc_id", "sent_idx", "start", "end", "actor_name", "actor_type", "country"],
                                        order))
    columns = ["doc_id", "text"] + (["language"] if "language" in pq.read_schema(articles_path).names else [])
    for batch in pq.ParquetFile(articles_path).iter_batches(batch_size=256, columns=columns):
        yield [(a["doc_id"], a["text"] or "", sentences.take(a["doc_id"]), mentions.take(a["doc_id"]), a.get("language"))
               for a in batch.to_pylist()]
