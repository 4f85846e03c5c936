"""The actor stage: ``mentions``, ``flags`` and ``candidates`` from the ``articles`` and ``sentences`` of a run.

:func:`actor_rows` is pure (one article and its sentences in, rows out), so it is mapped over chunks of
articles by :func:`analysis.tables.stage_io.stream_tables`, in a process pool or on a Dask cluster;
:func:`extract_actor_tables` streams the input tables and writes the output. Rerun it after editing the
actor dictionary: ingestion need not run again.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache, partial
from pathlib import Path

import pyarrow.parquet as pq

from analysis.actors.extractor import ActorExtractor, SpanIndex, group_candidates, sentence_index
from analysis.errors import CorpusError
from analysis.lexicons.actors import DEFAULT_DIR, load_dictionary
from analysis.tables.stage_io import (
    Aligned,
    Mapper,
    TableSink,
    remove_table,
    rows_by_document,
    stream_tables,
    write_table,
)

__all__ = ["ACTOR_TABLES", "load_ner", "actor_rows", "extract_actor_tables"]

# The tables streamed article by article; ``candidates`` is written at the end, grouped by name.
ACTOR_TABLES = ("mentions", "flags")
_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def load_ner(model: str):
    """An installed spaCy model for optional candidate discovery; a clear error if it is missing."""
    try:
        import spacy
    except ImportError as error:
        raise CorpusError("statistical NER needs spaCy: pip install spacy (or .[bench]), then a model") from error
    try:
        return spacy.load(model, disable=["parser", "lemmatizer"])
    except OSError as error:
        raise CorpusError(f"spaCy model '{model}' is not installed; install it with "
                          f"`python -m spacy download {model}` (needs a network), or run without --ner") from error


def _ner_candidates(nlp, text: str, mentions) -> list[tuple[int, int, str]]:
    taken = SpanIndex((m.start, m.end) for m in mentions)
    return [(e.start_char, e.end_char, e.text) for e in nlp(text).ents
            if e.label_ in _NER_LABELS and not taken.overlaps(e.start_char, e.end_char)]


def actor_rows(extractor, article: dict, sentences: list[dict], nlp=None) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of ``mentions`` and ``flags``, and the candidate names, of one article.

    Pure apart from the optional spaCy model: the article (``doc_id``, ``text``, ``published``, ``language``)
    and its sentences in, rows out, so it can be mapped over batches in a process pool or on Dask.
    """
    doc_id, text = article["doc_id"], article["text"]
    starts = [row["start"] for row in sentences]
    result = extractor.extract(text, article["published"], article.get("language"))
    mentions = [{"doc_id": doc_id, "sent_idx": sentence_index(starts, m.start), "start": m.start, "end": m.end,
                 "surface": text[m.start:m.end], "actor_id": m.actor_id, "actor_name": m.actor_name,
                 "actor_type": m.actor_type, "via": m.via, "country": m.country, "sector": m.sector}
                for m in result.mentions]
    flags = [{"doc_id": doc_id, "sent_idx": sentence_index(starts, f.start), "start": f.start, "end": f.end,
              "flag": f.flag, "surface": text[f.start:f.end], "detail": f.detail} for f in result.flags]
    found = [(c.start, c.name, c.kind) for c in result.candidates]
    if nlp is not None:
        found += [(start, name, "ner") for start, _, name in _ner_candidates(nlp, text, result.mentions)]
    candidates = []
    for start, name, kind in found:
        index = sentence_index(starts, start)
        candidates.append({"doc_id": doc_id, "sent_idx": index, "name": name, "kind": kind,
                           "sentence": sentences[index]["text"] if sentences else ""})
    return mentions, flags, candidates


@lru_cache(maxsize=2)
def _actor_extractor(dictionary_dir: str) -> ActorExtractor:
    """One compiled extractor per dictionary and process (each pool or Dask worker builds its own once)."""
    return ActorExtractor(load_dictionary(dictionary_dir))


def _actor_batch(dictionary_dir: str, items: list[tuple[dict, list[dict]]]) -> list[tuple]:
    extractor = _actor_extractor(dictionary_dir)
    return [actor_rows(extractor, article, sentences) for article, sentences in items]


def _articles_with_sentences(tables_dir: Path) -> Iterator[list[tuple[dict, list[dict]]]]:
    """Batches of (article, its sentences), streamed in the articles' order."""
    sentences = Aligned(rows_by_document(tables_dir / "sentences.parquet",
                                         ["doc_id", "sent_idx", "start", "end", "text"]))
    articles = pq.ParquetFile(tables_dir / "articles.parquet")
    for batch in articles.iter_batches(batch_size=256, columns=["doc_id", "text", "published", "language"]):
        yield [(article, sentences.take(article["doc_id"])) for article in batch.to_pylist()]


def extract_actor_tables(tables_dir: Path | str, dictionary_dir: Path | str | None = None,
                         progress: bool = True, ner_model: str | None = None, workers: int = 1,
                         mapper: Mapper | None = None) -> dict[str, int]:
    """Write ``mentions``, ``flags`` and ``candidates`` from the ``articles`` and ``sentences`` of a run.

    Rerun it after editing the actor dictionary: ingestion need not run again. Articles are
    mapped in chunks with :func:`actor_rows`, in ``workers`` processes or by ``mapper`` (any
    ordered ``map``, e.g. ``lambda f, xs: client.gather(client.map(f, xs))`` for Dask). With
    ``ner_model`` (an installed spaCy model), its PERSON/ORG/GPE/NORP entities that no mention
    covers are added to the candidates (kind ``ner``; run in this process); nothing else changes.
    """
    tables_dir = Path(tables_dir)
    for table in (*ACTOR_TABLES, "candidates"):
        remove_table(tables_dir, table)
    folder = str(Path(dictionary_dir or DEFAULT_DIR).resolve())
    load_dictionary(folder)  # a malformed dictionary fails here, with its message, before any work
    nlp = load_ner(ner_model) if ner_model else None
    if nlp is not None:  # spaCy models do not travel to other processes: map in this one
        extractor = _actor_extractor(folder)
        work, workers, mapper = (lambda items: [actor_rows(extractor, a, s, nlp) for a, s in items]), 1, None
    else:
        work = partial(_actor_batch, folder)
    candidates: list[dict] = []

    def collect(_item, result: tuple, sink: TableSink) -> None:
        mentions, flags, found = result
        sink.extend("mentions", mentions)
        sink.extend("flags", flags)
        candidates.extend(found)

    total = pq.ParquetFile(tables_dir / "articles.parquet").metadata.num_rows
    counts = stream_tables(tables_dir, ACTOR_TABLES, work, _articles_with_sentences(tables_dir), collect,
                           chunk_size=32, workers=workers, mapper=mapper, progress=progress, desc="Actors",
                           unit="doc", total=total)
    counts["candidates"] = write_table(tables_dir, "candidates", group_candidates(candidates))
    return counts
