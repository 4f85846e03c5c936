"""The ingestion stage: files of a corpus in; clean articles, their sentences and a reason for every file out.

:mod:`~analysis.ingest.readers` (files to raw documents) → :mod:`~analysis.ingest.textrepair` (bytes to clean
Unicode) → :mod:`~analysis.ingest.boilerplate` (page chrome removed, each line with its rule) →
:mod:`~analysis.ingest.metadata` (title, outlet, date) → :mod:`~analysis.ingest.language` →
:mod:`~analysis.ingest.segment` (sentences with offsets); :mod:`~analysis.ingest.document` chains them as one pure
function per document, :mod:`~analysis.ingest.dedup` finds copies across documents and
:mod:`~analysis.ingest.run` writes the ``articles``, ``sentences``, ``ingest_report`` and ``record_report`` tables.
"""
