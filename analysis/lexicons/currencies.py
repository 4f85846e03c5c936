"""Currencies: ISO 4217 codes and official names from pycountry, with the forms news writes.

The news forms ("greenback", "RMB", "rouble", "US$") are added by hand in ``data/lexicons/narratives/currencies.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from analysis.errors import LexiconError
from analysis.lexicons.io import LEXICON_DIR, entry_field, read_lexicon

__all__ = ["Currency", "CurrencyTable", "load_currencies"]


@dataclass(frozen=True)
class Currency:
    code: str                   # ISO 4217 alpha-3
    name: str                   # official name (pycountry)
    names: tuple[str, ...]      # news forms written after a number: "yuan", "greenback"
    symbols: tuple[str, ...]    # written before a number: "US$", "Rs"

    @property
    def label(self) -> str:
        """A short readable name: the first news form, else the official name."""
        return self.names[0] if self.names else self.name


@dataclass(frozen=True)
class CurrencyTable:
    currencies: dict[str, Currency]

    @property
    def by_symbol(self) -> dict[str, str]:
        return {s: c.code for c in self.currencies.values() for s in c.symbols}

    @property
    def by_name(self) -> dict[str, str]:
        """Lower-cased names (news forms, official names and their plurals) to codes; news forms win."""
        names: dict[str, str] = {}
        for currency in sorted(self.currencies.values(), key=lambda c: c.code):
            for official in (currency.name, currency.name + "s"):
                names.setdefault(official.lower(), currency.code)
        for currency in sorted(self.currencies.values(), key=lambda c: c.code):
            for name in currency.names:
                names[name.lower()] = currency.code
        return names


def load_currencies(folder: Path | str | None = None) -> CurrencyTable:
    """ISO 4217 currencies from pycountry, with the news forms of ``currencies.yaml``."""
    return _load_currencies(str(folder or LEXICON_DIR))


@lru_cache(maxsize=8)
def _load_currencies(folder: str) -> CurrencyTable:
    currencies: dict[str, Currency] = {}
    for record in pycountry.currencies:
        # Funds, precious metals and test codes (X..) and bracketed technical names are not news currencies.
        if record.alpha_3.startswith("X") or "(" in record.name:
            continue
        currencies[record.alpha_3] = Currency(record.alpha_3, record.name, (), ())
    path, entries = read_lexicon("currencies.yaml", folder)
    for index, entry in enumerate(entries):
        code = entry_field(path, index, entry, "code")
        official = pycountry.currencies.get(alpha_3=code)
        if official is None:
            raise LexiconError(f"{path.name}, entry {index + 1} ({code}): '{code}' is not an ISO 4217 code "
                               "in pycountry's table; use the three-letter code (e.g. USD, CNY, RUB)")
        currencies[code] = Currency(code, official.name,
                                    tuple(entry_field(path, index, entry, "names", list)),
                                    tuple(entry_field(path, index, entry, "symbols", list, required=False)))
    symbols: dict[str, str] = {}
    for currency in currencies.values():
        for symbol in currency.symbols:
            if symbols.setdefault(symbol, currency.code) != currency.code:
                raise LexiconError(f"{path.name}: symbol '{symbol}' is given to both {symbols[symbol]} and "
                                   f"{currency.code}; keep it on one entry")
    return CurrencyTable(currencies)
