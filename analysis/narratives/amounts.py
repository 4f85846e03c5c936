"""Money amounts and percentages as news writes them, with their literal text and offsets.

:func:`find_amounts` is pure (text in, :class:`Amount` list out) and reads forms such as
"$53.3 billion", "US$ 286 .3 million" (a stray space before the decimal point, common in
scraped text), "$8-10 billion" (a range), "130 billion yuan", "€5 bn", "Rs 2,000 crore",
"60%", "35 per cent" and "21.5 percent". Offsets point into the text it was given, so
``text[a.start:a.end] == a.text``.

Currency codes and official names come from ISO 4217 through pycountry's database; the
forms news writes ("greenback", "RMB", "rouble", "US$") are added by hand in
``data/lexicons/narratives/currencies.yaml``. Grammar-based numeric parsers (e.g. the
``price-parser`` or ``quantulum3`` libraries) were tried in spirit but either drop the
offsets, ignore news-style scales ("bn", "crore") or ranges, or need a model; the handful of
regular expressions below, compiled once, keep exact offsets and are easy to audit.

Conventions, chosen so that sums are never inflated:

* a **range** keeps ``low`` and ``high``; ``value`` is the **low** end ("$8-10 billion" has
  value 8e9, low 8e9, high 10e9) — a conservative reading of "between 8 and 10";
* ``amount_usd`` is filled only where the text itself gives US dollars ("$", "US$", "USD",
  "dollars"); nothing is converted at an exchange rate ("130 billion yuan" has currency CNY
  and amount_usd null);
* a bare "$" means US dollars (English-language news; other dollars carry a prefix: HK$, A$);
* a crypto-ticker line ("$BTC 88,304.4 +0.05%") is market chrome, not a stated amount: neither
  its price nor its percentage is reported.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicons.currencies import CurrencyTable, load_currencies
from analysis.lexicons.io import LEXICON_DIR

__all__ = ["SCALES", "Amount", "AmountParser", "find_amounts", "sentence_of", "amount_rows"]

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,   # South Asian: 1 lakh = 100,000; 1 crore = 10 million
}


# -- the grammar ---------------------------------------------------------------------------

# "1,234.5", "53.3", "286 .3" (a stray space before the decimal point, from scraped layouts)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?: ?\.\d+)?"
_WORD_SCALES = "|".join(sorted((s for s in SCALES if len(s) > 1), key=len, reverse=True))
# Scales after a space or a hyphen ("$5 billion", "$1.2-billion", "€5 bn"); single letters only glued to the
# number ("$5m", "$5B"): "$5 m" is not read.
_SCALE = rf"(?:[\s-]?(?i:{_WORD_SCALES})|[mMbBkK])(?![\w])"
_TICKER = re.compile(r"(?:\$[A-Z]{2,10}\b|\b(?:BTC|ETH|XRP|SOL|DOGE|USDT|BNB|ADA)(?:/[A-Z]{3,4})?\b)"
                     r"\s*[:=]?\s*\$?\d[\d,]*(?:\.\d+)?")
_YEAR_BEFORE = re.compile(r"\b(?i:in|of) (?:19|20)\d\d\s")
_PERCENT = re.compile(rf"(?<![\w.,])(?P<n1>{_NUM})(?:\s?[-–]\s?(?P<n2>{_NUM}))?\s?(?:%|(?i:per\s?cent|percent|pct)\b)")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    kind: str                  # money / percent
    value: float               # the low end of a range
    currency: str | None       # ISO 4217; null for percentages and unknown dollar signs
    amount_usd: float | None   # only where the text gives US dollars
    low: float
    high: float


class AmountParser:
    """The currency table compiled into regular expressions once; :meth:`find` runs per text."""

    def __init__(self, currencies: CurrencyTable | None = None):
        self.table = currencies or load_currencies()
        self.by_symbol = self.table.by_symbol
        self.by_name = self.table.by_name
        symbols = "|".join(re.escape(s) for s in sorted(self.by_symbol, key=len, reverse=True))
        codes = "|".join(sorted((s for s in self.by_symbol if re.fullmatch(r"[A-Z]{3}", s)), key=len, reverse=True))
        names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(self.by_name, key=len, reverse=True))
        # A symbol is not glued to a preceding letter ("Mrs 5" is not rupees) or another "$".
        self.prefixed = re.compile(
            rf"(?<![A-Za-z$])(?P<sym>{symbols})\s?(?P<n1>{_NUM})(?P<sc1>{_SCALE})?"
            rf"(?:\s?[-–]\s?(?:{symbols})?\s?(?P<n2>{_NUM})(?P<sc2>{_SCALE})?"
            rf"|\s+to\s+(?:{symbols})\s?(?P<n3>{_NUM})(?P<sc3>{_SCALE})?)?")
        self.suffixed = re.compile(
            rf"(?<![\w.,$€£¥₹₽])(?P<n1>{_NUM})(?:\s?[-–]\s?(?P<n2>{_NUM}))?(?P<sc1>{_SCALE})?\s+"
            rf"(?P<cur>(?i:{names})|{codes})(?![\w])")

    def find(self, text: str) -> list[Amount]:
        excluded = [(m.start(), _line_end(text, m.end())) for m in _TICKER.finditer(text)]
        found: list[Amount] = []
        for match in self.prefixed.finditer(text):
            code = self.by_symbol[match.group("sym")]
            n2, sc2 = (match.group("n2"), match.group("sc2")) if match.group("n2") else (match.group("n3"), match.group("sc3"))
            found.append(self._money(match, code, match.group("n1"), match.group("sc1"), n2, sc2))
        for match in self.suffixed.finditer(text):
            cur = match.group("cur")
            if not match.group("sc1") and _YEAR_BEFORE.search(text, max(0, match.start() - 4), match.end()):
                continue  # "in 2023 dollars": constant prices, not an amount
            code = self.by_symbol.get(cur) or self.by_name[" ".join(cur.lower().split())]
            found.append(self._money(match, code, match.group("n1"), match.group("sc1"), match.group("n2"), None))
        for match in _PERCENT.finditer(text):
            low = _number(match.group("n1"))
            high = _number(match.group("n2")) if match.group("n2") else low
            found.append(Amount(match.start(), match.end(), match.group(), "percent", low, None, None, low, high))
        kept, taken_until = [], -1
        for amount in sorted(found, key=lambda a: (a.start, -(a.end - a.start), a.kind)):
            if amount.start >= taken_until and not any(s <= amount.start < e for s, e in excluded):
                kept.append(amount)
                taken_until = amount.end
        return kept

    @staticmethod
    def _money(match: re.Match, code: str, n1: str, sc1: str | None, n2: str | None, sc2: str | None) -> Amount:
        # "$8-10 billion": the scale written once applies to both ends.
        scale1 = _scale(sc1) or _scale(sc2) or 1.0
        scale2 = _scale(sc2) or scale1
        low = _number(n1) * scale1
        high = _number(n2) * scale2 if n2 else low
        if high < low:  # "$10-8 billion" or a hyphenated code: keep what is written, in order
            low, high = min(low, high), max(low, high)
        return Amount(match.start(), match.end(), match.group(), "money", low, code,
                      low if code == "USD" else None, low, high)


def _number(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _scale(text: str | None) -> float | None:
    return SCALES[text.strip(" -\u00a0").strip().lower()] if text else None


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


@lru_cache(maxsize=4)
def _default_parser(folder: str) -> AmountParser:
    return AmountParser(load_currencies(folder))


def find_amounts(text: str, parser: AmountParser | None = None) -> list[Amount]:
    """Every money amount and percentage in ``text``, in order, non-overlapping.

    >>> [(a.text, a.value, a.currency) for a in find_amounts("It sold $8-10 billion, 35 per cent of it.")]
    [('$8-10 billion', 8000000000.0, 'USD'), ('35 per cent', 35.0, None)]
    """
    return (parser or _default_parser(str(LEXICON_DIR))).find(text)


def sentence_of(starts: list[int], position: int) -> int:
    """Index of the sentence (by its start offset, sorted) that contains ``position``."""
    return max(bisect.bisect_right(starts, position) - 1, 0)


def amount_rows(doc_id: str, text: str, sentences: list[dict], parser: AmountParser | None = None) -> list[dict]:
    """Rows of the ``amounts`` table for one document (pure: text and its sentences in, rows out)."""
    starts = [s["start"] for s in sentences]
    indices = [s["sent_idx"] for s in sentences]
    rows = []
    for a in find_amounts(text, parser):
        rows.append({"doc_id": doc_id, "sent_idx": indices[sentence_of(starts, a.start)] if starts else 0,
                     "start": a.start, "end": a.end, "text": a.text, "kind": a.kind, "value": a.value,
                     "currency": a.currency, "amount_usd": a.amount_usd, "low": a.low, "high": a.high})
    return rows
