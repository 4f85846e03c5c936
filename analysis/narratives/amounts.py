"""Money amounts and percentages as news writes them, with their literal text and offsets.

:func:`find_amounts` is pure (text in, :class:`Amount` list out) and reads forms such as
"$53.3 billion", "US$ 286 .3 million" (a stray space before the decimal point, common in
scraped text), "$8-10 billion" (a range), "130 billion yuan", "€5 bn", "Rs 2,000 crore",
"60%", "35 per cent" and "21.5 percent". Offsets point into the text it was given, so
``text[a.start:a.end] == a.text``.

Given the article's language, it reads that language's forms instead: "7.500 millones de dólares"
and "USD 20.600 millones" (Spanish), "US$ 352,5 bilhões" (Portuguese), "44,3 milliards de dollars"
(French), "3,2 Mrd. US-Dollar" (German), "172,9 млрд руб." and "13 227,4 млн юаней" (Russian),
"34278亿美元", "1.1893 兆美元" and "300 億元" (Chinese), percentages such as "99,1%", "12,5 %",
"74 Prozent", "5 процентов" and "百分之10". The decimal mark, the thousands marks, the scale words
(mind the long scale: Spanish "billón" and German "Billion" are 10^12, Brazilian "bilhão" 10^9),
number words ("dos mil millones"), connectors ("de", "d'") and per-cent words come from
``data/lexicons/narratives/scales.yaml`` (:mod:`analysis.lexicons.scales`); the expressions are built
from them here. English, and any language without an entry, keeps the English grammar unchanged.

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
* a bare "$" means US dollars (English-language news; other dollars carry a prefix: HK$, A$); a
  language's entry may say otherwise (in Spanish it is mostly the peso: currency and amount_usd null);
* with a decimal comma, a dot before groups of three digits separates thousands ("7.500" is 7500),
  any other dot is a decimal point ("3.5 millones", as Mexico writes it); a comma is always decimal;
* Chinese 元 alone is read as the yuan (CNY) and 兆 as 10^12 (Taiwanese usage);
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
from analysis.lexicons.scales import NumberForms, load_number_forms

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

    def __init__(self, currencies: CurrencyTable | None = None, forms: dict[str, NumberForms] | None = None):
        self.table = currencies or load_currencies()
        self.forms = load_number_forms() if forms is None else forms
        self._grammars: dict[str, _LanguageGrammar] = {}
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

    def find(self, text: str, language: str | None = None) -> list[Amount]:
        """Amounts of ``text`` read with the grammar of ``language`` (English when it has no entry in scales.yaml)."""
        excluded = [(m.start(), _line_end(text, m.end())) for m in _TICKER.finditer(text)]
        forms = self.forms.get((language or "").split("-")[0].lower())
        found = self._grammar(forms).find(text) if forms else self._find_english(text)
        kept, taken_until = [], -1
        for amount in sorted(found, key=lambda a: (a.start, -(a.end - a.start), a.kind)):
            if amount.start >= taken_until and not any(s <= amount.start < e for s, e in excluded):
                kept.append(amount)
                taken_until = amount.end
        return kept

    def _grammar(self, forms: NumberForms) -> "_LanguageGrammar":
        if forms.language not in self._grammars:
            self._grammars[forms.language] = _LanguageGrammar(forms, self.by_symbol, self.by_name)
        return self._grammars[forms.language]

    def _find_english(self, text: str) -> list[Amount]:
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
        return found

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


# -- other languages: the grammar built from one entry of scales.yaml -----------------------

# Letters that glue to a number or a word ("todos" is not "dos"); CJK is left out, as it is written without spaces.
_LETTERS = "A-Za-z\u00c0-\u024f\u0400-\u04ff"
_NOT_GLUED = rf"(?<![{_LETTERS}\d.,])"
_MARK_CLASS = {".": r"\.", ",": ",", " ": " \u00a0\u202f"}


def _words(words, case_sensitive: bool = False) -> str:
    """An alternation of ``words``, longest first, spaces as any white space; a word ending in a letter is not
    followed by another letter ("bi" is not the start of "bilateral")."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        pattern = re.escape(word).replace(r"\ ", r"\s+")
        parts.append(pattern + (rf"(?![{_LETTERS}])" if re.match(rf"[{_LETTERS}]", word[-1]) else ""))
    body = "|".join(parts) or r"(?!)"
    return f"(?:{body})" if case_sensitive else f"(?i:{body})"


def _number_pattern(forms: NumberForms) -> str:
    """Digits with the language's marks: "7.500", "352,5", "13 227,4"; with a decimal comma, "3.5" is 3.5."""
    marks = "".join(_MARK_CLASS[m] for m in forms.thousands)
    decimal = re.escape(forms.decimal)
    dotted = r"|\d+\.\d+" if forms.decimal == "," else ""
    return rf"(?:\d{{1,3}}(?:[{marks}]\d{{3}})+(?:{decimal}\d+)?{dotted}|\d+(?:{decimal}\d+)?)"


def _connector(forms: NumberForms) -> str:
    """What stands between the scale and the currency: "de", "d'", or nothing ("亿美元", "млрд руб.")."""
    words = [re.escape(c) + (r"\s+" if c[-1].isalpha() else r"\s*") for c in forms.connectors]
    return rf"(?:\s+(?i:{'|'.join(words)})|\s*)" if words else r"\s*"


class _LanguageGrammar:
    """The money and percent expressions of one language, compiled once per parser."""

    def __init__(self, forms: NumberForms, by_symbol: dict[str, str], by_name: dict[str, str]):
        self.forms, self.by_symbol, self.by_name = forms, by_symbol, by_name
        num = _number_pattern(forms)
        lead = rf"(?:{num}|{_words(forms.numbers)}(?=\s))" if forms.numbers else num
        scale = rf"\s?{_words(forms.scales)}"
        symbols = "|".join(re.escape(s) for s in sorted(by_symbol, key=len, reverse=True))
        codes = "|".join(sorted((s for s in by_symbol if re.fullmatch(r"[A-Z]{3}", s)), key=len, reverse=True))
        self.prefixed = re.compile(
            rf"(?<![A-Za-z$])(?P<sym>{symbols})\s?(?P<n1>{num})(?P<sc1>{scale})?"
            rf"(?:\s?[-–]\s?(?:{symbols})?\s?(?P<n2>{num})(?P<sc2>{scale})?)?")
        self.suffixed = re.compile(
            rf"{_NOT_GLUED}(?P<n1>{lead})(?:\s?[-–]\s?(?P<n2>{num}))?(?P<sc1>{scale})?{_connector(forms)}"
            rf"(?P<cur>{_words(by_name)}|{codes}(?![{_LETTERS}]))")
        after = rf"\s?(?:%|{_words(forms.percent)})" if forms.percent else r"\s?%"
        self.percent = re.compile(rf"{_NOT_GLUED}(?P<n1>{num})(?:\s?[-–]\s?(?P<n2>{num}))?{after}")
        self.percent_before = re.compile(rf"{_words(forms.percent_before)}\s?(?P<n1>{num})") \
            if forms.percent_before else None

    def find(self, text: str) -> list[Amount]:
        found = []
        for match in self.prefixed.finditer(text):
            sym = match.group("sym")
            code = self.forms.dollar_sign if sym == "$" else self.by_symbol[sym]
            found.append(self._money(match, code, match.group("sc2")))
        for match in self.suffixed.finditer(text):
            if not match.group("sc1") and not match.group("n1")[0].isdigit():
                continue  # a number word needs its scale: "dos millones de dólares", not "una dólar"
            cur = match.group("cur")
            code = self.by_symbol.get(cur) or self.by_name[" ".join(cur.lower().split())]
            found.append(self._money(match, code, None))
        for pattern in filter(None, (self.percent, self.percent_before)):
            for match in pattern.finditer(text):
                low = self.number(match.group("n1"))
                high = self.number(match.group("n2")) if "n2" in pattern.groupindex and match.group("n2") else low
                found.append(Amount(match.start(), match.end(), match.group(), "percent", low, None, None, low, high))
        return found

    def _money(self, match: re.Match, code: str | None, sc2: str | None) -> Amount:
        scale1 = self.scale(match.group("sc1")) or self.scale(sc2) or 1.0
        low = self.number(match.group("n1")) * scale1
        high = self.number(match.group("n2")) * (self.scale(sc2) or scale1) if match.group("n2") else low
        low, high = min(low, high), max(low, high)
        return Amount(match.start(), match.end(), match.group(), "money", low, code,
                      low if code == "USD" else None, low, high)

    def number(self, text: str) -> float:
        """"7.500" -> 7500, "352,5" -> 352.5, "13 227,4" -> 13227.4, "dos" -> 2 (Spanish)."""
        if not text[0].isdigit():
            return self.forms.numbers[text.lower()]
        digits = re.sub(r"\s", "", text)
        if self.forms.decimal == ",":
            if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
                digits = digits.replace(".", "")
            return float(digits.replace(",", "."))
        return float(digits.replace(",", ""))

    def scale(self, text: str | None) -> float | None:
        return self.forms.scales[" ".join(text.split()).lower()] if text else None


def _number(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _scale(text: str | None) -> float | None:
    return SCALES[text.strip(" -\u00a0").strip().lower()] if text else None


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


@lru_cache(maxsize=4)
def _default_parser(folder: str) -> AmountParser:
    return AmountParser(load_currencies(folder), load_number_forms(folder))


def find_amounts(text: str, parser: AmountParser | None = None, language: str | None = None) -> list[Amount]:
    """Every money amount and percentage in ``text``, in order, non-overlapping.

    ``language`` is the article's ISO 639-1 code; it chooses how numbers, scales and currencies are read.

    >>> [(a.text, a.value, a.currency) for a in find_amounts("It sold $8-10 billion, 35 per cent of it.")]
    [('$8-10 billion', 8000000000.0, 'USD'), ('35 per cent', 35.0, None)]
    >>> [(a.text, a.value, a.amount_usd) for a in find_amounts("Pagó 7.500 millones de dólares, el 12,5%.", language="es")]
    [('7.500 millones de dólares', 7500000000.0, 7500000000.0), ('12,5%', 12.5, None)]
    """
    return (parser or _default_parser(str(LEXICON_DIR))).find(text, language)


def sentence_of(starts: list[int], position: int) -> int:
    """Index of the sentence (by its start offset, sorted) that contains ``position``."""
    return max(bisect.bisect_right(starts, position) - 1, 0)


def amount_rows(doc_id: str, text: str, sentences: list[dict], parser: AmountParser | None = None,
                language: str | None = None) -> list[dict]:
    """Rows of the ``amounts`` table for one document (pure: text and its sentences in, rows out)."""
    starts = [s["start"] for s in sentences]
    indices = [s["sent_idx"] for s in sentences]
    rows = []
    for a in find_amounts(text, parser, language):
        rows.append({"doc_id": doc_id, "sent_idx": indices[sentence_of(starts, a.start)] if starts else 0,
                     "start": a.start, "end": a.end, "text": a.text, "kind": a.kind, "value": a.value,
                     "currency": a.currency, "amount_usd": a.amount_usd, "low": a.low, "high": a.high})
    return rows
