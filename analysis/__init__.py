"""Geonarratives: parsing and metrics for news about geopolitical alignment and de-dollarization.

Stages, one module each: :mod:`analysis.ingest.document` (files to clean articles),
:mod:`analysis.ingest.segment` (sentences with offsets), and the tables they write
(:mod:`analysis.tables.schemas`). ``python -m analysis --help`` lists the commands.
"""
__version__ = "0.1.0"
