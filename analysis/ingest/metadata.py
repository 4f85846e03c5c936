"""Title, outlet and publication date from the top of a scraped article.

Sources, in the order they are tried (the one used is recorded as ``*_source``): the reader's hints (HTML
metadata, export fields); a leading ``date YYYY-MM-DD (MENAFN- Outlet)`` marker (``date_marker``; a marker of
the month only, ``date 2021-07``, gives the month's first day as ``date_marker_month``); at the head of the
article, down to the first paragraph of the story, a "published" stamp (``date_stamp``: "Publié le 17 mai
2024", "发布时间：2023-11-17 10:32") or a line that is a date, perhaps with a time, an outlet or a byline
(``date_line``: "2023-10-23 15:19", "Ana Ruiz, 17 May 2024"); a dateline (``dateline``: "Outlet, May 17,
2024 —"); and for the title a first line that is a headline rather than a lead sentence.

Month names of every language come from ``data/lexicons/words/months.yaml``, the stamps' words from
``date_stamps.yaml``. Nothing is guessed: a date inside a sentence ("on May 17, 2024 the bank…"), a "last
updated" stamp, a date without a year ("MOSCOW, Nov 17 —") or a numeric date whose day and month could be
swapped (06/02/2016, unless a dateline gives the month and day) is not a publication date, and an article
that does not state its date keeps ``published = None``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from analysis.ingest.boilerplate import RemovedLine, is_title_like
from analysis.lexicons.words import date_stamps, month_numbers

__all__ = ["Metadata", "parse_date", "extract_metadata"]

_DATE_MARKER = re.compile(r"\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*(?:\(([^)]*)\))?\s*", re.IGNORECASE)
_AGENCY_MARKER = re.compile(r"\((?:MENAFN|PRNewswire|GLOBE NEWSWIRE|Business Wire)\s*[-–]\s*([^)]+)\)\s*", re.IGNORECASE)
# "Outlet, <date> —" with an en or em dash; the date part is read by parse_date.
_DATELINE = re.compile(r"(?P<who>[^,—–\d]{2,60}),\s*(?P<date>[^—–]{6,40}?)\s*[—–]\s*(?P<rest>.*)")
_MAX_TITLE_WORDS = 30

# Month names of every language (data/lexicons/words/months.yaml), longest first so "sept" wins over "sep".
_MONTH_NUMBERS = month_numbers()
_MONTH = "(?:" + "|".join(re.escape(w) for w in sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The written forms of a full date, each with day, month and year. Month names: "17 de mayo de 2024",
# "17 mai 2024", "17. Mai 2024", "17 ноября 2023 года", "May 17, 2024", "1er mars 2024"; numbers:
# ISO "2023-11-17", "2023/11/17", "2023年11月17日", "2023.11.17", and day first "17.11.2023".
_NAMED_DATE = (rf"{_DAY}(?:\.|º|°|er|st|nd|rd|th)?\s*(?:de\s+)?(?P<month>{_MONTH}),?\s*(?:de\s+)?{_YEAR}"
               rf"(?:\s*(?:года|г\.))?"
               rf"|(?P<month2>{_MONTH})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)")
_NUMERIC_DATE = (r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)"
                 r"|(?P<y2>(?:19|20)\d\d)\s*年\s*(?P<m2>[01]?\d)\s*月\s*(?P<d2>[0-3]?\d)\s*日"
                 r"|(?P<d3>[0-3]?\d)\.(?P<m3>[01]?\d)\.(?P<y3>(?:19|20)\d\d)"
                 r"|(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y4>(?:19|20)\d\d)")
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2}|\(?(?:UTC|GMT|MSK|HKT|CST|EST|EDT|CET|CEST|BST|IST)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?)"
_TIME = (r"(?:[T\s,]*(?:à\s+|um\s+|às\s+|a\s+las\s+|в\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*Uhr)?"
         rf"(?:\s*{_ZONE})?)?")
_ANY_DATE = re.compile(rf"(?<![\w.])(?:{_NAMED_DATE}|{_NUMERIC_DATE})(?!\w)", re.IGNORECASE)
_DATE_WITH_TIME = re.compile(rf"(?<![\w.])(?:{_NAMED_DATE}|{_NUMERIC_DATE}){_TIME}(?!\w)", re.IGNORECASE)
_TIME_FIRST = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s+(?=\d{4}[-/.]\d)")   # "11:34 2026-03-07 HKT"
# A month and a day without a year ("Tehran, Feb 6, IRNA –", "МОСКВА, 17 ноя — РИА Новости"): never a date of
# its own, but it tells which of two readings a numeric date such as 06/02/2016 has.
_YEARLESS_DATELINE = re.compile(
    rf"[^\d,—–]{{2,60}},\s*(?:(?P<day>[0-3]?\d)\.?\s*(?:de\s+)?(?P<month>{_MONTH})|(?P<month2>{_MONTH})\s+"
    rf"(?P<day2>[0-3]?\d))(?!\d)\s*(?:[,—–-]|$)", re.IGNORECASE)


def _words(forms) -> str:
    """An alternation of word-list forms, a space in a form matching any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)


# Stamps (data/lexicons/words/date_stamps.yaml): words that say the date after them is the publication's, and
# those that say it is not ("Last updated").
_STAMPS = date_stamps()
_PUBLISHED_STAMP = re.compile(
    rf"(?:{_words(_STAMPS['published'])})(?:\s*(?:(?:on|em|el|le|am)(?!\w)|[:：\-–—]))*\s*", re.IGNORECASE)
_UPDATED_STAMP = re.compile(rf"(?<!\w)(?:{_words(_STAMPS['updated'])})", re.IGNORECASE)
# A story's own dates come after a preposition ("on May 17, 2024", "el 17 de mayo de 2024"); a stated date doesn't.
_STORY_WORD_BEFORE = re.compile(
    r"(?:\b(?:on|in|since|until|till|by|from|to|before|after|of|el|en|desde|hasta|em|de|desde|le|en|depuis|au|du|"
    r"am|seit|bis|vom|zum|im|с|до|в|на|от|к|по)|[自从於于至到截])\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_HEAD_LINES = 6            # how far down a stated date is looked for
_PARAGRAPH_CHARS = 200     # a longer line is the story itself: nothing below it is the head
_MAX_DATE_LINE_REST = 40   # characters besides the date on a date line ("By Ana Ruiz | 17 May 2024")


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

    Month names come from ``months.yaml`` in every language it lists; a time and a time zone may follow. A
    numeric date with slashes whose day and month could be swapped (06/02/2016) is left unread.

    >>> parse_date("May 17, 2024"), parse_date("2024-05-17T08:00"), parse_date("17 Sept")
    (datetime.date(2024, 5, 17), datetime.date(2024, 5, 17), None)
    >>> parse_date("17 de mayo de 2024"), parse_date("17. Mai 2024"), parse_date("2023年11月17日")
    (datetime.date(2024, 5, 17), datetime.date(2024, 5, 17), datetime.date(2023, 11, 17))
    >>> parse_date("17 ноября 2023 года"), parse_date("17.11.2023 10:32"), parse_date("06/02/2016")
    (datetime.date(2023, 11, 17), datetime.date(2023, 11, 17), None)
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    written = _DATE_WITH_TIME.fullmatch(value.rstrip("., "))
    if written:
        return _date_of(written)
    if not re.search(r"[^\W\d_]", value):
        return None   # digits only, in no form above
    import dateparser  # lazily: importing it costs about half a second

    parsed = dateparser.parse(
        value,
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                  "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed.date() if parsed else None


def _date_of(match: re.Match, known: frozenset[tuple[int, int]] = frozenset()) -> dt.date | None:
    """The date a match of :data:`_ANY_DATE` / :data:`_DATE_WITH_TIME` states; ``known`` holds (month, day)
    pairs stated elsewhere in the head, which decide between the two readings of 06/02/2016."""
    group = match.groupdict()
    if group["month"] or group["month2"]:
        month = _MONTH_NUMBERS[(group["month"] or group["month2"]).rstrip(".").casefold()]
        day, year = (group["day"], group["year"]) if group["month"] else (group["day2"], group["year2"])
    elif group["y"] or group["y2"]:
        year, month, day = ((group["y"], group["m"], group["d"]) if group["y"]
                            else (group["y2"], group["m2"], group["d2"]))
    elif group["y3"]:
        year, month, day = group["y3"], group["m3"], group["d3"]
    else:
        a, b, year = int(group["a"]), int(group["b"]), group["y4"]
        if a > 12 or a == b or (b, a) in known and (a, b) not in known:
            month, day = b, a
        elif b > 12 or (a, b) in known and (b, a) not in known:
            month, day = a, b
        else:
            return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month_days(line: str) -> set[tuple[int, int]]:
    """(month, day) of a dateline that gives no year ("Tehran, Feb 6, IRNA –")."""
    match = _YEARLESS_DATELINE.match(line)
    if not match:
        return set()
    month = match.group("month") or match.group("month2")
    return {(_MONTH_NUMBERS[month.rstrip(".").casefold()], int(match.group("day") or match.group("day2")))}


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
    _read_head_dates(meta, body, consumed)
    _read_title(meta, body, consumed)
    if body:
        _read_dateline(meta, body, consumed)
    return meta, body, consumed


def _read_leading_markers(meta: Metadata, body: list[tuple[int, str]], consumed: list[RemovedLine]) -> None:
    number, line = body[0]
    marker = _DATE_MARKER.match(line)
    if marker:
        stated = marker.group(1)
        if len(stated) == 7:   # "date 2021-07": the month only, kept as its first day
            year, month = map(int, stated.split("-"))
            _set(meta, "published", dt.date(year, month, 1) if 1 <= month <= 12 else None, "date_marker_month")
        else:
            _set(meta, "published", parse_date(stated), "date_marker")
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


def _read_head_dates(meta: Metadata, body: list[tuple[int, str]], consumed: list[RemovedLine]) -> None:
    """A date the head of the article states: a "published" stamp first, else a line that is a date (with a
    time, an outlet or a byline at most). The head is the first lines, down to the first paragraph of the story."""
    head = []
    for index, (_, line) in enumerate(body[:_HEAD_LINES]):
        if len(line) > _PARAGRAPH_CHARS:
            break
        head.append(index)
    if not head:
        return
    known = frozenset(pair for index in head for pair in _month_days(body[index][1]))
    for reader, source in ((_stamp_date, "date_stamp"), (_date_line, "date_line")):
        for index in head:
            found = reader(body[index][1], known)
            if found is None:
                continue
            date, rest = found
            _set(meta, "published", date, source)
            if meta.published == date and len(rest) <= _MAX_DATE_LINE_REST:
                number, line = body[index]
                consumed.append(RemovedLine(number, line, source))
                body.pop(index)
            return


def _segments(line: str) -> list[str]:
    return [part.strip() for part in re.split(r"[|｜]|\s[·•]\s", line) if part.strip()]


def _stamp_date(line: str, known) -> tuple[dt.date, str] | None:
    """The date of a "Published: …" stamp on ``line`` (one of its | separated parts) and the rest of the line."""
    for segment in _segments(line):
        if _UPDATED_STAMP.match(segment):
            continue
        stamp = _PUBLISHED_STAMP.match(segment)
        if not stamp:
            continue
        text = _TIME_FIRST.sub("", segment[stamp.end():], count=1)
        written = _DATE_WITH_TIME.match(text)
        date = _date_of(written, known) if written else None
        if date:
            return date, line.replace(segment, "").strip(" |｜")
    return None


def _date_line(line: str, known) -> tuple[dt.date, str] | None:
    """The date of a line that is a date ("2023-10-23 15:19", "17 mai 2024"), maybe with an outlet or a byline
    ("Ana Ruiz, 17 May 2024"), and what else the line says; ``None`` for a sentence that mentions a date."""
    if _UPDATED_STAMP.search(line) or _dateline(line):
        return None   # a dateline ("Outlet, May 17, 2024 —") is read after the title, with its outlet
    text = _TIME_FIRST.sub("", line, count=1)
    written = _DATE_WITH_TIME.search(text)
    if not written or _STORY_WORD_BEFORE.search(text[:written.start()]):
        return None
    rest = (text[:written.start()] + " " + text[written.end():]).strip(" |｜,;:-–—·•()[]")
    if len(rest) > _MAX_DATE_LINE_REST or _SENTENCE_END.search(rest) or _ANY_DATE.search(rest):
        return None
    date = _date_of(written, known)
    return (date, rest) if date else None


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
