"""Geonarratives: parsing and metrics for news about geopolitical alignment and de-dollarization.

Stages, one module each: :mod:`analysis.ingest` (files to clean articles),
:mod:`analysis.segment` (sentences with offsets), and the tables they write
(:mod:`analysis.tables`). ``python -m analysis --help`` lists the commands.
"""
__version__ = "0.1.0"
