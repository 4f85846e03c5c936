"""Ingestion: a raw document in, a clean article with its sentences out (a pure function).

:func:`process_document` does no I/O and keeps no state, so the pipeline can map it
over batches locally or on a Dask cluster. The steps, each auditable in the output:
text repair → boilerplate removal → metadata → language → sentences → content id.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from analysis.ingest.boilerplate import RemovedLine, strip_boilerplate
from analysis.ingest.language import detect_language
from analysis.ingest.metadata import extract_metadata
from analysis.ingest.readers import RawDocument, Skip
from analysis.ingest.segment import PARAGRAPH_BREAK, Sentence, split_sentences
from analysis.ingest.textrepair import repair_text

__all__ = ["Article", "content_id", "process_document"]


@dataclass
class Article:
    doc_id: str
    source: str
    record: int | None
    format: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    language: str
    language_score: float
    text: str
    encoding: str
    n_bytes: int
    title_source: str | None = None
    outlet_source: str | None = None
    date_source: str | None = None
    repairs: list[str] = field(default_factory=list)
    removed_lines: list[RemovedLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


def content_id(text: str) -> str:
    """A stable id from the clean text: the same article gets the same id under any file name.

    >>> content_id("Hello")
    '185f8db32271fe25'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def process_document(raw: RawDocument) -> Article | Skip:
    """Clean one raw document. Returns a :class:`Skip` when no article text survives cleaning."""
    repaired = repair_text(raw.text)
    lines = repaired.text.split("\n")
    kept, removed = strip_boilerplate(lines)
    hints = {"title": raw.title, "outlet": raw.outlet, "published": raw.published, "url": raw.url}
    hints = {key: (repair_text(value).text if value else None) for key, value in hints.items()}
    meta, body, consumed = extract_metadata(kept, hints, raw.hint_source)
    text = PARAGRAPH_BREAK.join(line for _, line in body)
    if not text.strip():
        what = f"{len(removed)} boilerplate lines removed" if removed else "no lines of text"
        return Skip(raw.source, f"no article text left after cleaning ({what})", raw.record)
    language, score = detect_language(text)
    return Article(
        doc_id=content_id(text),
        source=raw.source,
        record=raw.record,
        format=raw.format,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        url=meta.url,
        language=language,
        language_score=score,
        text=text,
        encoding=raw.encoding,
        n_bytes=raw.n_bytes,
        title_source=meta.sources.get("title"),
        outlet_source=meta.sources.get("outlet"),
        date_source=meta.sources.get("published"),
        repairs=repaired.repairs,
        removed_lines=sorted(removed + consumed, key=lambda r: (r.line_no, r.reason)),
        notes=meta.notes,
        sentences=split_sentences(text),
    )
