"""The data contract: Parquet schemas of the tables that ``python -m analysis run`` writes.

Tables are the interface between stages. Column names and meanings of the contract
are fixed (see README, "Data contract"); extra columns are documented here.
"""
from __future__ import annotations

import pyarrow as pa

__all__ = ["REMOVED_LINE", "ARTICLES", "INGEST_REPORT", "RECORD_REPORT", "SENTENCES", "MENTIONS", "FLAGS", "EXAMPLE",
           "CANDIDATES", "EDGES", "INTERACTIONS", "AMOUNTS", "CLAIMS", "FRAMES", "PLAUSIBILITY", "SCHEMAS"]

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
    ("via", pa.string()),             # name, alias, alias_by_country, alias_by_date, metonym, role_description, institution_description, combining_form, coreference, discovered, acronym_of_expansion
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
    ("kind", pa.string()),            # how they were found: title_before, appositive, speech_verb, according_to, organisation_head, affiliation, event, capitalised, ner
    ("n_mentions", pa.int32()),
    ("n_docs", pa.int32()),
    ("examples", pa.list_(EXAMPLE)),
])

EDGES = pa.schema([
    ("source", pa.string()),          # canonical names, source < target alphabetically
    ("target", pa.string()),
    ("weight", pa.float64()),         # the chosen weight (one of the columns below)
    ("n_sentences", pa.int32()),      # windows in which both occur (sentences, for the sentence window)
    ("n_docs", pa.int32()),           # documents in which both occur in one window
    ("count", pa.int32()),            # raw co-occurrence count (= n_sentences)
    ("jaccard", pa.float64()),
    ("pmi", pa.float64()),            # bits
    ("npmi", pa.float64()),           # in [-1, 1]
    ("sentence_ids", pa.list_(pa.string())),  # "doc_id:sent_idx" behind the edge, in text order
])

INTERACTIONS = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("start", pa.int32()),            # the sentence's offsets into articles.text
    ("end", pa.int32()),
    ("source", pa.string()),          # canonical name of the actor doing it
    ("target", pa.string()),          # canonical name of the actor it is done to
    ("verb", pa.string()),            # the verb phrase as written ("imposed sanctions on")
    ("lemma", pa.string()),           # the lexicon entry
    ("cameo", pa.string()),           # the CAMEO code the verb usually stands for
    ("quad_class", pa.string()),      # verbal_cooperation / material_cooperation / verbal_conflict / material_conflict
    ("sign", pa.int8()),              # +1 cooperation, -1 conflict
    ("source_start", pa.int32()),     # offsets into articles.text of the two mentions and the verb
    ("source_end", pa.int32()),
    ("verb_start", pa.int32()),
    ("verb_end", pa.int32()),
    ("target_start", pa.int32()),
    ("target_end", pa.int32()),
])

AMOUNTS = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("start", pa.int32()),            # character offsets into articles.text
    ("end", pa.int32()),
    ("text", pa.string()),            # literal, as written: "US$ 286 .3 million"
    ("kind", pa.string()),            # money / percent
    ("value", pa.float64()),          # number × scale; the low end of a range
    ("currency", pa.string()),        # ISO 4217; null for percentages
    ("amount_usd", pa.float64()),     # only where the text gives US dollars; never converted
    ("low", pa.float64()),            # a range's ends ("$8-10 billion"); both = value otherwise
    ("high", pa.float64()),
])

CLAIMS = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("actor_name", pa.string()),      # canonical name from the mentions table
    ("actor_country", pa.string()),   # ISO3 of the actor (mentions.country), where it applies
    ("action", pa.string()),          # sell, dump, buy, add, settle, use, join, connect, ban, ... (claim_verbs.yaml);
                                      # "excluded" for a passive exclusion ("was cut off from SWIFT")
    ("asset", pa.string()),           # US Treasuries, gold, Mir, yuan, local currencies, ... (assets/systems/currencies)
    ("direction", pa.string()),       # away_from_usd / toward_usd / neutral
    ("amount_usd", pa.float64()),
    ("amount_text", pa.string()),     # the amount as written, also when not in USD
    ("amount_role", pa.string()),     # transaction (what was sold/bought), level ("fell to $X") or change ("by $X")
    ("start", pa.int32()),            # span from the actor (or verb) to the object, offsets into articles.text
    ("end", pa.int32()),
    ("period", pa.string()),          # "in the first quarter of 2024", "since 2014", as written
    ("status", pa.string()),          # reported / planned / proposed / speculative / denied
    ("attributed_to", pa.string()),   # who the sentence is credited to; null when the article says it itself
    ("asserted_by_article", pa.bool_()),
    ("negated", pa.bool_()),
    ("asset_kind", pa.string()),      # asset / system / currency
    ("verb", pa.string()),            # the verb form as written
])

FRAMES = pa.schema([
    ("doc_id", pa.string()),
    ("frame", pa.string()),           # dedollarization, brics_currency, ... (frames.yaml)
    ("n_evidence", pa.int32()),       # sentences with at least one cue
    ("evidence", pa.list_(pa.int32())),  # their sent_idx
    ("cues", pa.list_(pa.string())),  # the cue phrases found, lower-cased
])

PLAUSIBILITY = pa.schema([
    ("doc_id", pa.string()),
    ("sent_idx", pa.int32()),
    ("claim", pa.string()),           # "China add gold $550 billion"
    ("check", pa.string()),           # gold_value_vs_tonnage / reference_comparison / magnitude
    ("detail", pa.string()),          # the arithmetic, with the reference figure and its source
    ("severity", pa.string()),        # high / medium / info
    ("reference", pa.string()),       # fact_id(s) of data/reference/official_figures.csv
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "ingest_report": INGEST_REPORT,
    "record_report": RECORD_REPORT,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "flags": FLAGS,
    "candidates": CANDIDATES,
    "edges": EDGES,
    "interactions": INTERACTIONS,
    "amounts": AMOUNTS,
    "claims": CLAIMS,
    "frames": FRAMES,
    "plausibility": PLAUSIBILITY,
}
