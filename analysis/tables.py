"""The data contract: Parquet schemas of the tables that ``python -m analysis run`` writes.

Tables are the interface between stages. Column names and meanings of the contract
are fixed (see README, "Data contract"); extra columns are documented here.
"""
from __future__ import annotations

import pyarrow as pa

REMOVED_LINE = pa.struct([("line_no", pa.int32()), ("text", pa.string()), ("reason", pa.string())])

ARTICLES = pa.schema([
    ("doc_id", pa.string()),          # sha256 of the clean text, 16 hex digits
    ("source", pa.string()),          # path relative to the corpus folder
    ("record", pa.int32()),           # line (JSONL) or row (CSV) in an export; null otherwise
    ("format", pa.string()),
    ("title", pa.string()),
    ("outlet", pa.string()),
    ("published", pa.date32()),       # null when the document does not state it
    ("language", pa.string()),        # ISO 639-1, "und" when too short to tell
    ("text", pa.string()),            # clean body: paragraphs joined by blank lines
    ("url", pa.string()),
    ("title_source", pa.string()),    # how each value was found
    ("outlet_source", pa.string()),
    ("date_source", pa.string()),
    ("language_score", pa.float64()),
    ("encoding", pa.string()),
    ("n_bytes", pa.int64()),
    ("n_chars", pa.int64()),
    ("n_sentences", pa.int32()),
    ("repairs", pa.list_(pa.string())),
    ("removed_lines", pa.list_(REMOVED_LINE)),   # boilerplate and metadata lines, for audit
    ("notes", pa.list_(pa.string())),
    ("duplicates", pa.list_(pa.string())),      # sources of the copies reported as duplicates of it
])

INGEST_REPORT = pa.schema([
    ("source", pa.string()),
    ("status", pa.string()),          # ingested / duplicate / skipped
    ("reason", pa.string()),
    ("format", pa.string()),
    ("n_bytes", pa.int64()),
    ("n_records", pa.int32()),        # documents read from the file (1 except for exports)
    ("n_ingested", pa.int32()),
    ("doc_ids", pa.list_(pa.string())),
    ("duplicate_of", pa.string()),    # doc_id of the kept article, for a duplicate file
])

RECORD_REPORT = pa.schema([         # one row per record of a JSONL/JSON/CSV export
    ("source", pa.string()),
    ("record", pa.int32()),
    ("status", pa.string()),
    ("reason", pa.string()),
    ("doc_id", pa.string()),
    ("duplicate_of", pa.string()),
])

SENTENCES = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("start", pa.int32()),            # character offsets into articles.text
    ("end", pa.int32()),
    ("text", pa.string()),
    ("para_idx", pa.int32()),
])

MENTIONS = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("start", pa.int32()),            # character offsets into articles.text
    ("end", pa.int32()),
    ("surface", pa.string()),         # the text as written
    ("actor_id", pa.string()),        # dictionary id; "new:<slug>" for people the dictionary lacks
    ("actor_name", pa.string()),      # canonical name
    ("actor_type", pa.string()),      # person/country/organization/place/group/media
    ("via", pa.string()),             # name, alias, metonym, role_description, coreference, discovered, ...
    ("country", pa.string()),         # ISO 3166-1 alpha-3 of the actor, where it applies
    ("sector", pa.string()),
])

FLAGS = pa.schema([                 # quality flags shown to the reader
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("flag", pa.string()),            # title_mismatch, acronym_mismatch, truncated_word, role_undated, ...
    ("surface", pa.string()),
    ("detail", pa.string()),
])

EXAMPLE = pa.struct([("doc_id", pa.string()), ("sent_idx", pa.int32()), ("sentence", pa.string())])
CANDIDATES = pa.schema([            # names the dictionary does not know, most frequent first
    ("name", pa.string()),
    ("kind", pa.string()),            # how they were found: title_before, appositive, speech_verb, capitalised, ner
    ("n_mentions", pa.int32()),
    ("n_docs", pa.int32()),
    ("examples", pa.list_(EXAMPLE)),
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "ingest_report": INGEST_REPORT,
    "record_report": RECORD_REPORT,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "flags": FLAGS,
    "candidates": CANDIDATES,
}

# Later stages define their tables' schemas beside the code that fills them.
from analysis.interactions import INTERACTIONS  # noqa: E402
from analysis.narratives import SCHEMAS as NARRATIVE_SCHEMAS  # noqa: E402
from analysis.network import EDGES  # noqa: E402

SCHEMAS.update({"edges": EDGES, "interactions": INTERACTIONS, **NARRATIVE_SCHEMAS})
