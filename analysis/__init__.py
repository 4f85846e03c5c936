"""Geonarratives: parsing and metrics for news about geopolitical alignment and de-dollarization.

A folder of scraped news goes in; Parquet tables come out, one subpackage per stage, each reading the tables of
the stages before it (the data contract: :mod:`analysis.tables.schemas`):

1. :mod:`analysis.ingest` — files to clean articles with metadata, language and sentences with offsets
   (``articles``, ``ingest_report``, ``sentences``).
2. :mod:`analysis.actors` — actors resolved to canonical names from the dictionary in ``data/lexicons/actors``
   (``mentions``, ``flags``, ``candidates``).
3. :mod:`analysis.network` — who appears with whom: co-occurrence edges, their backbone, centralities and
   directed interactions (``edges``, ``interactions``).
4. :mod:`analysis.narratives` — amounts, currency-shift claims, frames and checks against official figures
   (``amounts``, ``claims``, ``frames``, ``plausibility``).
5. :mod:`analysis.report` — the numbered notebooks run with papermill into an HTML report.

Below the stages: :mod:`analysis.config` (every path), :mod:`analysis.errors` (every error a user can meet),
:mod:`analysis.tables` (schemas, the one table reader and period selection, the one batch-to-Parquet loop) and
:mod:`analysis.lexicons` (the human-edited YAML word lists and dictionaries, checked on load). Above them:
:mod:`analysis.pipeline` runs the stages in order, :mod:`analysis.cluster` maps them on Dask, and
:mod:`analysis.cli` is ``python -m analysis``. Imports run one way, from a stage to the layers below it
(``tests/unit/test_layers.py`` checks it). ``python -m analysis --help`` lists the commands.
"""
__version__ = "0.1.0"
