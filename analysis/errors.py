"""Every error a user can meet, under one base class.

Each message names the file, entry, parameter or folder at fault and what to do about it, so the command line
can print it as it is (``error: …``, exit status 2) and a notebook can show it without a traceback. Catch
:class:`GeonarrativesError` to handle them all.
"""
from __future__ import annotations

__all__ = ["GeonarrativesError", "LexiconError", "UnreadableText", "CorpusError", "TablesError", "PeriodError",
           "NothingToShow", "NetworkError", "GoldError", "ClusterError", "ReportError"]


class GeonarrativesError(Exception):
    """The base of every error this package raises on purpose; its message says what is wrong and the fix."""


class LexiconError(GeonarrativesError, ValueError):
    """A lexicon entry (actor dictionary, word lists, narrative lexicons) is malformed; names the file, entry, fix."""


class UnreadableText(GeonarrativesError, ValueError):
    """The bytes are not text in any encoding we can recognise (or there are none)."""


class CorpusError(GeonarrativesError, ValueError):
    """The corpus folder or output folder cannot be used; the message says why and what to do."""


class TablesError(GeonarrativesError, FileNotFoundError):
    """A table a notebook asked for is not in the tables folder; the message says how to make it."""


class PeriodError(GeonarrativesError, ValueError):
    """A date parameter that is not a date; the message names the parameter and the form expected."""


class NothingToShow(GeonarrativesError):
    """A notebook has nothing to show for the chosen corpus and period; the message says what is empty and why."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the reader needs the note, not the call stack.
        return [f"The notebook stops here: {self}"]


class NetworkError(GeonarrativesError, ValueError):
    """A parameter or input the network stage cannot use; the message says which and what to do."""


class GoldError(GeonarrativesError, ValueError):
    """The gold file is malformed; the message names the line."""


class ClusterError(GeonarrativesError, RuntimeError):
    """The cluster cannot be used: Dask is missing, the scheduler does not answer, or a worker cannot do the work."""


class ReportError(GeonarrativesError, RuntimeError):
    """A report could not be built; the message names the notebook, cell or parameter at fault."""
