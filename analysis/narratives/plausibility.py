"""Do the numbers hold up? Claimed amounts against each other and against official figures.

Two kinds of check, both pure (a document's rows in, flags out):

* ``gold_value_vs_tonnage`` — a sentence that gives gold both in tonnes ("several tons",
  "1,000 tonnes") and in dollars is checked for internal consistency: one tonne is
  32,150.75 troy ounces, so at the reference gold prices (LBMA annual averages,
  ``data/reference/official_figures.csv``) a tonne is worth about $45–80 million, and
  "several tons" (at most 9 t) is worth well under a billion dollars, not $550 billion.
  Vague quantities get deliberately generous bounds (see :data:`VAGUE_TONNES`).
* ``reference_comparison`` — a claim with an amount whose actor and asset have official
  figures (China's US-Treasury holdings from the US Treasury's TIC data, the People's Bank of
  China's gold additions from the World Gold Council) is compared with them: more than the
  whole stock is ``high``; several times the largest yearly change is ``medium``; within range
  is reported as ``info`` so that every comparison is visible, not only failures.
* ``magnitude`` — any claimed amount above world GDP (about $105 trillion) is ``high``.

Severities: ``high`` (cannot be right as written), ``medium`` (far outside what the reference
shows; check the source), ``info`` (compared, consistent).
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import config

__all__ = ["REFERENCE_CSV", "TROY_OUNCES_PER_TONNE", "WORLD_GDP_USD", "VAGUE_TONNES", "PLAUSIBILITY_COLUMNS", "Fact",
           "load_reference", "gold_price_range", "tonnage", "check_gold_value", "check_against_reference",
           "claim_label", "plausibility_rows", "implausible_rows"]

REFERENCE_CSV = config.DATA_DIR / "reference" / "official_figures.csv"
TROY_OUNCES_PER_TONNE = 32_150.7466     # 1 tonne = 1,000,000 g / 31.1034768 g
WORLD_GDP_USD = 105e12                   # IMF World Economic Outlook, 2023, rounded
# Generous bounds for vague quantities, in tonnes: "several" rarely means more than nine.
# (A US short ton is 0.907 tonne; the difference is irrelevant at these tolerances.)
VAGUE_TONNES = {"a couple of": (2, 3), "a few": (2, 9), "few": (2, 9), "several": (3, 9), "some": (1, 99),
                "tens of": (20, 99), "dozens of": (24, 99), "hundreds of": (200, 999), "a ton of": (1, 1)}
_TONNAGE = re.compile(
    r"(?P<vague>a couple of|a few|several|dozens of|tens of|hundreds of)\s+(?:\w+\s+)?(?:metric\s+)?(?:tonnes|tons)\b"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<scale>thousand\s+)?(?:metric\s+)?"
    r"(?:tonnes|tons|t)\b", re.IGNORECASE)
_GOLD = re.compile(r"\b(?:gold|bullion)\b", re.IGNORECASE)
PLAUSIBILITY_COLUMNS = ("doc_id", "sent_idx", "claim", "check", "detail", "severity", "reference")


@dataclass(frozen=True)
class Fact:
    fact_id: str
    subject: str
    country: str          # ISO3 of the subject, or ""
    measure: str
    asset: str
    period: str
    value: float
    unit: str
    source: str


def load_reference(path: Path | str | None = None) -> tuple[Fact, ...]:
    """The reference figures (see ``data/reference/README.md``)."""
    return _load_reference(str(path or REFERENCE_CSV))


@lru_cache(maxsize=4)
def _load_reference(path: str) -> tuple[Fact, ...]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    facts = []
    for number, row in enumerate(rows, start=2):
        try:
            facts.append(Fact(row["fact_id"], row["subject"], row.get("country") or "", row["measure"], row["asset"], row["period"],
                              float(row["value"]), row["unit"], row["source"]))
        except (KeyError, ValueError, TypeError) as error:
            raise ValueError(f"{path}, line {number}: cannot read reference figure ({error}); "
                             "each row needs fact_id, subject, measure, asset, period, a numeric value, unit, source") from error
    return tuple(facts)


def gold_price_range(facts: tuple[Fact, ...], year: int | None = None) -> tuple[float, float, str, str]:
    """Lowest and highest reference gold price per troy ounce (of ``year`` when the table has it),
    the years they span and the fact ids behind them."""
    prices = [f for f in facts if f.measure == "gold_price_annual_average"]
    if year is not None and any(f.period == str(year) for f in prices):
        prices = [f for f in prices if f.period == str(year)]
    if not prices:
        raise ValueError("the reference table has no gold_price_annual_average rows; add LBMA annual averages")
    low, high = min(f.value for f in prices), max(f.value for f in prices)
    years = sorted(f.period for f in prices)
    label = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return low, high, label, ",".join(sorted(f.fact_id for f in prices))


def tonnage(text: str) -> tuple[float, float, str] | None:
    """The first gold quantity in tonnes written in ``text``: (low, high, as written)."""
    match = _TONNAGE.search(text)
    if not match:
        return None
    if match.group("vague"):
        low, high = VAGUE_TONNES[match.group("vague").lower()]
        return float(low), float(high), match.group()
    value = float(match.group("number").replace(",", "")) * (1000 if match.group("scale") else 1)
    return value, value, match.group()


def _billions(value: float) -> str:
    if value >= 1e9:
        return f"${value / 1e9:,.1f} billion"
    return f"${value / 1e6:,.0f} million"


def _year(period: str | None) -> int | None:
    found = re.findall(r"(?:19|20)\d\d", period or "")
    return int(found[-1]) if found else None


def check_gold_value(sentence_text: str, usd: float, facts: tuple[Fact, ...], year: int | None = None) -> dict | None:
    """A flag when a stated gold tonnage and dollar value in one sentence cannot both be right."""
    tons = tonnage(sentence_text)
    if tons is None or not _GOLD.search(sentence_text):
        return None
    low_t, high_t, written = tons
    low_p, high_p, years, ids = gold_price_range(facts, year)
    worth_low = low_t * TROY_OUNCES_PER_TONNE * low_p
    worth_high = high_t * TROY_OUNCES_PER_TONNE * high_p
    implied_low = usd / (TROY_OUNCES_PER_TONNE * high_p)
    implied_high = usd / (TROY_OUNCES_PER_TONNE * low_p)
    span = f"{low_t:,.0f} t" if low_t == high_t else f"{low_t:,.0f}–{high_t:,.0f} t"
    detail = (f"'{written}' ({span}) of gold at ${low_p:,.0f}–{high_p:,.0f}/oz (LBMA annual averages {years}) is "
              f"worth {_billions(worth_low)}–{_billions(worth_high)}; the text says {_billions(usd)}, which would need "
              f"about {implied_low:,.0f}–{implied_high:,.0f} t")
    ratio = max(usd / worth_high, worth_low / usd) if usd > 0 else float("inf")
    if ratio <= 2:
        return {"check": "gold_value_vs_tonnage", "detail": detail + " (consistent)", "severity": "info",
                "reference": ids}
    return {"check": "gold_value_vs_tonnage", "detail": detail + f" (off by a factor of about {ratio:,.0f})",
            "severity": "high" if ratio > 10 else "medium", "reference": ids}


def check_against_reference(claim: dict, facts: tuple[Fact, ...]) -> list[dict]:
    """Flags comparing one claim's USD amount with official figures for the same actor and asset."""
    usd = claim.get("amount_usd")
    if usd is None or math.isnan(usd):
        return []
    flags = []
    if usd > WORLD_GDP_USD:
        flags.append({"check": "magnitude", "severity": "high", "reference": None,
                      "detail": f"{_billions(usd)} is more than world GDP (about $105 trillion)"})
    subject, asset, country = claim.get("actor_name"), claim.get("asset"), claim.get("actor_country")
    # The actor or, for its institutions (a central bank, a ministry), its country.
    same = [f for f in facts if f.asset == asset and (f.subject == subject or (country and f.country == country))]
    if same:
        subject = same[0].subject
    stocks = [f for f in same if f.measure == "treasury_holdings" and f.unit == "usd_billion"]
    changes = [f for f in same if f.measure == "treasury_holdings_change" and f.unit == "usd_billion"]
    if asset == "US Treasuries" and stocks and claim.get("amount_role") == "level":
        peak = max(stocks, key=lambda f: f.value)
        near = min(stocks, key=lambda f: abs(f.value * 1e9 - usd))
        severity = "high" if usd > 1.5 * peak.value * 1e9 else "info"
        flags.append({"check": "reference_comparison", "severity": severity, "reference": near.fact_id,
                      "detail": f"holdings of {_billions(usd)}; {subject}'s reported holdings were ${near.value:,.1f} "
                                f"billion at {near.period} and peaked at ${peak.value:,.1f} billion ({peak.period}; "
                                f"{near.source})"})
    elif asset == "US Treasuries" and stocks:
        peak = max(stocks, key=lambda f: f.value)
        largest = max(changes, key=lambda f: abs(f.value)) if changes else None
        if usd > peak.value * 1e9:
            flags.append({"check": "reference_comparison", "severity": "high", "reference": peak.fact_id,
                          "detail": f"{_billions(usd)} is more than {subject}'s largest reported holdings of "
                                    f"US Treasuries (${peak.value:,.1f} billion, {peak.period}, {peak.source})"})
        elif largest and usd > 3 * abs(largest.value) * 1e9:
            flags.append({"check": "reference_comparison", "severity": "medium", "reference": largest.fact_id,
                          "detail": f"{_billions(usd)} is more than three times the largest yearly change in "
                                    f"{subject}'s reported holdings (${abs(largest.value):,.1f} billion in "
                                    f"{largest.period}, {largest.source})"})
        else:
            latest = max(stocks, key=lambda f: f.period)
            flags.append({"check": "reference_comparison", "severity": "info", "reference": latest.fact_id,
                          "detail": f"{_billions(usd)} is within the range of {subject}'s reported holdings "
                                    f"(${latest.value:,.1f} billion at {latest.period}) and their yearly changes"})
    additions = [f for f in same if f.measure == "net_gold_purchases" and f.unit == "tonnes"]
    if asset == "gold" and additions:
        biggest = max(additions, key=lambda f: f.value)
        _, high_p, _, _ = gold_price_range(facts, int(biggest.period))
        _, top_price, _, _ = gold_price_range(facts)
        worth = biggest.value * TROY_OUNCES_PER_TONNE * high_p
        stock = max((f for f in same if f.measure == "gold_reserves"), key=lambda f: f.value, default=None)
        severity = "info"
        detail = (f"{_billions(usd)} of gold; {subject}'s largest reported yearly addition was {biggest.value:,.0f} t "
                  f"({biggest.period}, worth about {_billions(worth)} at ${high_p:,.0f}/oz)")
        if stock and usd > stock.value * TROY_OUNCES_PER_TONNE * top_price:
            severity = "high"
            detail += f"; the amount exceeds the value of its entire reported gold reserves ({stock.value:,.0f} t)"
        elif usd > 5 * worth:
            severity = "medium"
            detail += "; the amount is more than five times that"
        flags.append({"check": "reference_comparison", "severity": severity, "reference": biggest.fact_id,
                      "detail": detail})
    return flags


def claim_label(claim: dict) -> str:
    amount = f" {claim['amount_text']}" if claim.get("amount_text") else ""
    return f"{claim['actor_name']} {claim['action']} {claim['asset']}{amount}"


def plausibility_rows(doc_id: str, text: str, sentences: list[dict], amounts: list[dict], claims: list[dict],
                      facts: tuple[Fact, ...] | None = None) -> list[dict]:
    """Rows of the ``plausibility`` table for one document (pure: its rows in, flags out)."""
    facts = facts if facts is not None else load_reference()
    by_sentence = {s["sent_idx"]: s for s in sentences}
    rows: list[dict] = []
    money = [a for a in amounts if a["kind"] == "money" and a.get("amount_usd") is not None]
    for sent_idx in sorted({a["sent_idx"] for a in money}):
        sentence = by_sentence.get(sent_idx)
        if sentence is None:
            continue
        body = text[sentence["start"]:sentence["end"]]
        if not _GOLD.search(body):
            continue
        claims_here = [c for c in claims if c["sent_idx"] == sent_idx and c["asset"] == "gold"]
        amount = next((a for a in money if a["sent_idx"] == sent_idx and
                       (not claims_here or a["text"] == claims_here[0].get("amount_text"))), None)
        if amount is None:
            continue
        flag = check_gold_value(body, amount["amount_usd"], facts, _year(claims_here[0]["period"]) if claims_here else None)
        if flag:
            label = claim_label(claims_here[0]) if claims_here else f"gold {amount['text']}"
            rows.append({"doc_id": doc_id, "sent_idx": sent_idx, "claim": label, **flag})
    for claim in claims:
        for flag in check_against_reference(claim, facts):
            rows.append({"doc_id": doc_id, "sent_idx": claim["sent_idx"], "claim": claim_label(claim), **flag})
    return sorted(({k: row.get(k) for k in PLAUSIBILITY_COLUMNS} for row in rows),
                  key=lambda r: (r["sent_idx"], r["check"], r["claim"]))


def implausible_rows(plausibility: pd.DataFrame) -> pd.DataFrame | None:
    """Rows of the ``plausibility`` table that fail a check: severity ``high`` or ``medium`` (``info`` rows record
    comparisons that held), else a false ``plausible`` or an "implausible" verdict; ``None`` if it cannot tell."""
    if "severity" in plausibility.columns:
        return plausibility[plausibility["severity"].isin(["high", "medium"])]
    if "plausible" in plausibility.columns:
        return plausibility[plausibility["plausible"].eq(False)]
    for column in ("verdict", "status", "plausibility", "check"):
        if column in plausibility.columns and pd.api.types.is_string_dtype(plausibility[column]):
            return plausibility[plausibility[column].astype(str).str.contains("implausib", case=False, na=False)]
    return None
