"""The data contract's tables: their schemas (:mod:`analysis.tables.schemas`), and one reader with the period
selection every notebook and report applies (:mod:`analysis.tables.store`). The lowest stage: it imports no
other stage."""

__all__: list[str] = []
