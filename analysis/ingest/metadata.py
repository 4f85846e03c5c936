"""Title, outlet and publication date from the top of a scraped article.

Sources, in the order they are tried (the one used is recorded as ``*_source``):
the reader's hints (HTML metadata, export fields), a leading ``date YYYY-MM-DD
(MENAFN- Outlet)`` marker, a dateline (``Outlet, May 17, 2024 —``), and for the
title a first line that is a headline rather than a lead sentence. Nothing is
guessed: an article that does not state its date keeps ``published = None``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.ingest.boilerplate import RemovedLine, is_title_like
from analysis.lexicons.words import month_names

__all__ = ["Metadata", "parse_date", "extract_metadata"]

_DATE_MARKER = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s*(?:\(([^)]*)\))?\s*", re.IGNORECASE)
_AGENCY_MARKER = re.compile(r"\((?:MENAFN|PRNewswire|GLOBE NEWSWIRE|Business Wire)\s*[-–]\s*([^)]+)\)\s*", re.IGNORECASE)
# "Outlet, <date> —" with an en or em dash; the date part is handed to dateparser,
# which reads month names in many languages ("17 de mayo de 2024").
_DATELINE = re.compile(r"(?P<who>[^,—–\d]{2,60}),\s*(?P<date>[^—–]{6,40}?)\s*[—–]\s*(?P<rest>.*)")
_MAX_TITLE_WORDS = 30
_ENGLISH_FORMS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
# The English forms need one of these words (data/lexicons/words/months.yaml) as a word of their own.
_ENGLISH_MONTHS = frozenset(month_names())


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@lru_cache(maxsize=4096)
def parse_date(value: str) -> dt.date | None:
    """A full calendar date (day, month and year all stated) from ``value``, else ``None``.

    >>> parse_date("May 17, 2024"), parse_date("2024-05-17T08:00"), parse_date("17 Sept")
    (datetime.date(2024, 5, 17), datetime.date(2024, 5, 17), None)
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    cleaned = value.replace(".", "").replace(",", "")
    # The common English forms, without dateparser's cost; strptime reads only English month names (those
    # of the C locale), each a whole word, so without one of them none of these forms can match.
    if _ENGLISH_MONTHS.intersection(cleaned.casefold().split()):
        for form in _ENGLISH_FORMS:
            try:
                return dt.datetime.strptime(cleaned, form).date()
            except ValueError:
                continue
    import dateparser  # lazily: importing it costs about half a second

    parsed = dateparser.parse(
        value,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                  "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


def extract_metadata(
    lines: list[tuple[int, str]],
    hints: dict[str, str | None],
    hint_sources: dict[str, str],
) -> tuple[Metadata, list[tuple[int, str]], list[RemovedLine]]:
    """Read metadata from ``hints`` and the first lines; return it, the body lines, the consumed lines.

    ``lines`` are the (line number, text) pairs left after boilerplate removal.
    """
    meta = Metadata(url=hints.get("url"))
    consumed: list[RemovedLine] = []
    body = list(lines)
    for key in ("title", "outlet"):
        if hints.get(key):
            setattr(meta, key, hints[key])
            meta.sources[key] = hint_sources.get(key, "hint")
    if hints.get("published"):
        meta.published = parse_date(hints["published"])
        if meta.published:
            meta.sources["published"] = hint_sources.get("published", "hint")
        else:
            meta.notes.append(f"date '{hints['published']}' not understood; published left empty")

    if body:
        _read_leading_markers(meta, body, consumed)
    _read_title(meta, body, consumed)
    if body:
        _read_dateline(meta, body, consumed)
    return meta, body, consumed


def _read_leading_markers(meta: Metadata, body: list[tuple[int, str]], consumed: list[RemovedLine]) -> None:
    number, line = body[0]
    marker = _DATE_MARKER.match(line)
    if marker:
        _set(meta, "published", parse_date(marker.group(1)), "date_marker")
        if marker.group(2):
            agency = _AGENCY_MARKER.fullmatch(f"({marker.group(2)})")
            _set(meta, "outlet", (agency.group(1) if agency else marker.group(2)).strip(), "date_marker")
        consumed.append(RemovedLine(number, marker.group(0).strip(), "date_marker"))
        line = line[marker.end():]
    agency = _AGENCY_MARKER.match(line)
    if agency:
        _set(meta, "outlet", agency.group(1).strip(), "agency_marker")
        consumed.append(RemovedLine(number, agency.group(0).strip(), "agency_marker"))
        line = line[agency.end():]
    if line:
        body[0] = (number, line.strip())
    else:
        body.pop(0)


def _read_title(meta: Metadata, body: list[tuple[int, str]], consumed: list[RemovedLine]) -> None:
    if meta.title:
        # The title given by metadata is often repeated as the first line(s) of the text.
        while body and _same_line(body[0][1], meta.title):
            consumed.append(RemovedLine(body[0][0], body[0][1], "title"))
            body.pop(0)
        return
    if len(body) < 2:
        return
    first, second = body[0][1], body[1][1]
    if _same_line(first, second):
        _set(meta, "title", second, "repeated_first_line")
        consumed.extend(RemovedLine(n, t, "title") for n, t in body[:2])
        del body[:2]
    elif is_title_like(first, _MAX_TITLE_WORDS) or (first.endswith("?") and _dateline(second)):
        _set(meta, "title", first, "first_line")
        consumed.append(RemovedLine(body[0][0], first, "title"))
        body.pop(0)


def _dateline(line: str) -> tuple[str, dt.date, str] | None:
    match = _DATELINE.fullmatch(line)
    if not match:
        return None
    date = parse_date(match.group("date"))
    if date is None:
        return None
    return match.group("who").strip(), date, match.group("rest").strip()


def _read_dateline(meta: Metadata, body: list[tuple[int, str]], consumed: list[RemovedLine]) -> None:
    number, line = body[0]
    found = _dateline(line)
    if not found:
        return
    who, date, rest = found
    _set(meta, "published", date, "dateline")
    # An all-capitals dateline names a place ("MOSCOW, May 17, 2024 —"), not an outlet.
    if not who.isupper():
        _set(meta, "outlet", who, "dateline")
    consumed.append(RemovedLine(number, line[: len(line) - len(rest)].strip(), "dateline"))
    if rest:
        body[0] = (number, rest)
    else:
        body.pop(0)


def _set(meta: Metadata, key: str, value, source: str) -> None:
    """Set a field found in the text unless a reader hint already gave it."""
    if value is not None and getattr(meta, key) is None:
        setattr(meta, key, value)
        meta.sources[key] = source
