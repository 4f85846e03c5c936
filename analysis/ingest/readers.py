"""Readers: one input file in, raw documents (or reasons for skipping) out.

Formats: plain text (``.txt``, ``.md``), HTML pages (``.html``, ``.htm``; main text
and metadata by trafilatura), and exports with one record per line or row
(``.jsonl``, ``.json``, ``.csv``) whose column names are configurable. Every file
yields at least one item, so nothing in the corpus goes unreported.
"""
from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from analysis.ingest.textrepair import UnreadableText, decode_bytes

__all__ = ["TEXT_SUFFIXES", "HTML_SUFFIXES", "RECORD_SUFFIXES", "SUPPORTED_SUFFIXES", "ReaderOptions", "EXPORT_FIELDS",
           "RawDocument", "Skip", "list_corpus", "read_file", "markdown_to_text"]

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


@dataclass(frozen=True)
class ReaderOptions:
    """Where to find each field in JSON/CSV exports, and size limits."""

    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    outlet_field: str = "outlet"
    # One article is never this large; a bigger single-document file is a dump or a
    # mistake, and reading it whole would blow memory. Exports are streamed instead.
    max_file_mb: float = 20.0
    max_record_chars: int = 2_000_000


# The options naming the fields of JSONL/JSON/CSV exports (--text-field … of `run` and `report`).
EXPORT_FIELDS = ("text_field", "title_field", "date_field", "url_field", "outlet_field")


@dataclass
class RawDocument:
    """A document as read, before cleaning. ``hints`` hold metadata given by the format."""

    source: str
    format: str
    text: str
    encoding: str
    n_bytes: int
    record: int | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    hint_source: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skip:
    """An input that produced no document, and why."""

    source: str
    reason: str
    record: int | None = None


def list_corpus(corpus_dir: Path) -> list[str]:
    """All files below ``corpus_dir``, as sorted POSIX paths relative to it (links included)."""
    found = []
    for folder, dirs, files in os.walk(corpus_dir, followlinks=False):
        dirs.sort()
        for name in files:
            found.append(Path(folder, name).relative_to(corpus_dir).as_posix())
    return sorted(found)


def read_file(corpus_dir: Path, source: str, options: ReaderOptions = ReaderOptions()) -> Iterator[RawDocument | Skip]:
    """Read one corpus file; yield raw documents, or a :class:`Skip` naming the problem."""
    path = Path(corpus_dir, source)
    suffix = path.suffix.lower()
    if any(part.startswith(".") for part in Path(source).parts):
        yield Skip(source, "hidden file or folder (name starts with '.'); rename it to include it")
        return
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        yield Skip(source, f"unsupported format '{suffix or '(no extension)'}'; convert it to one of {supported}")
        return
    try:
        size = path.stat().st_size
        if suffix in RECORD_SUFFIXES:
            yield from _read_records(path, source, suffix, size, options)
            return
        if size > options.max_file_mb * 1_000_000:
            yield Skip(
                source,
                f"file too large for one article ({size / 1e6:.1f} MB > {options.max_file_mb:g} MB); "
                "split it, or raise --max-file-mb",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield Skip(source, f"cannot read file: {error.strerror or error}")
        return
    try:
        decoded = decode_bytes(data)
    except UnreadableText as error:
        yield Skip(source, str(error))
        return
    if suffix in HTML_SUFFIXES:
        yield _from_html(source, decoded.text, decoded.encoding, len(data))
    elif suffix == ".md":
        yield RawDocument(source, "md", markdown_to_text(decoded.text), decoded.encoding, len(data))
    else:
        yield RawDocument(source, suffix.lstrip("."), decoded.text, decoded.encoding, len(data))


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE)
_MD_TABLE_EDGES = re.compile(r"^[ \t]*\|[ \t]*(.*?)[ \t]*\|[ \t]*$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def markdown_to_text(text: str) -> str:
    """Markdown markup to plain lines: headings, bullets, emphasis, links and table rules.

    Hand-written because a full Markdown renderer would produce HTML to strip again;
    only the markup that changes what a line *says* is removed, line structure is kept.
    """
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_TABLE_RULE.sub("", text)
    text = _MD_TABLE_EDGES.sub(r"\1", text)
    text = _MD_BULLET.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _from_html(source: str, html: str, encoding: str, n_bytes: int) -> RawDocument | Skip:
    import trafilatura  # imported lazily: it is the slowest import of the package

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states in its markup; no guessing from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return Skip(source, "HTML page without a main text that the extractor could find")
    hints = {name: "html_metadata" for name, value in
             (("title", doc.title), ("outlet", doc.sitename), ("published", doc.date), ("url", doc.url)) if value}
    return RawDocument(
        source, "html", doc.text, encoding, n_bytes,
        title=doc.title, outlet=doc.sitename, published=doc.date, url=doc.url, hint_source=hints,
    )


def _read_records(path: Path, source: str, suffix: str, size: int, options: ReaderOptions) -> Iterator[RawDocument | Skip]:
    """Stream an export record by record; a bad record is skipped with its line or row number."""
    fmt = suffix.lstrip(".")
    if size == 0:
        yield Skip(source, "empty file (no text)")
        return
    if suffix == ".csv":
        records = _csv_records(path)
    elif suffix == ".json":
        records = _json_records(path)
    else:
        records = _jsonl_records(path)
    yielded = False
    for number, record in records:
        yielded = True
        if isinstance(record, Skip):
            yield Skip(source, record.reason, number)
            continue
        yield _record_to_document(source, fmt, number, record, options)
    if not yielded:
        yield Skip(source, "export contains no records")


def _record_to_document(source: str, fmt: str, number: int, record: dict, options: ReaderOptions) -> RawDocument | Skip:
    if options.text_field not in record:
        present = ", ".join(sorted(record)) or "none"
        return Skip(source, f"no '{options.text_field}' field (fields present: {present}); "
                            "name the text field with --text-field", number)
    text = record.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        return Skip(source, f"'{options.text_field}' field is empty", number)
    if len(text) > options.max_record_chars:
        return Skip(source, f"record text too long ({len(text):,} characters)", number)
    hints = {}

    def field_value(name: str, key: str) -> str | None:
        value = record.get(name)
        if value is None or not str(value).strip():
            return None
        hints[key] = f"field:{name}"
        return str(value).strip()

    return RawDocument(
        source, fmt, text, "utf-8", len(text.encode("utf-8")), record=number,
        title=field_value(options.title_field, "title"),
        outlet=field_value(options.outlet_field, "outlet"),
        published=field_value(options.date_field, "published"),
        url=field_value(options.url_field, "url"),
        hint_source=hints,
    )


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict | Skip]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield number, Skip("", f"malformed JSON ({error})")
                continue
            if not isinstance(record, dict):
                yield number, Skip("", f"expected a JSON object, found {type(record).__name__}")
                continue
            yield number, record


def _json_records(path: Path) -> Iterator[tuple[int, dict | Skip]]:
    try:
        data = json.loads(decode_bytes(path.read_bytes()).text)
    except (UnreadableText, json.JSONDecodeError) as error:
        yield 1, Skip("", f"malformed JSON ({error})")
        return
    items = data if isinstance(data, list) else [data]
    for number, record in enumerate(items, start=1):
        if isinstance(record, dict):
            yield number, record
        else:
            yield number, Skip("", f"expected a JSON object, found {type(record).__name__}")


def _csv_records(path: Path) -> Iterator[tuple[int, dict | Skip]]:
    # Field size limit raised: article bodies exceed csv's 128 KB default. Exports
    # are UTF-8 in practice; streamed so a large export never sits in memory whole.
    csv.field_size_limit(50_000_000)
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        number = 1  # the header is row 1, as in a spreadsheet
        try:
            for number, row in enumerate(reader, start=2):
                yield number, {key: value for key, value in row.items() if key is not None}
        except csv.Error as error:
            yield number + 1, Skip("", f"malformed CSV ({error})")
