"""Scoring a run's tables against a gold-facts file: actors, amounts, dates, frames and currency-shift claims.

The gold file is YAML (the development set's format): ``files:`` maps each file of the corpus (its path relative
to the corpus folder, as in ``articles.source``) to what a careful reader lists — ``language``, ``published``,
``actors``, ``amounts`` (``text``, ``value``, ``currency``, ``value_usd``), ``percents``, ``frames``, ``no_claim``
and ``claims`` (``actor``, ``action``, ``asset`` or ``system``, ``direction``, ``status``, ``attributed_to`` …).
Every score is micro-averaged over files, overall and per article language.

How things are matched, so the figures can be read:

- **actors**: the set of canonical names per file (people, countries, organisations, groups; places and media
  are left out, as the gold leaves them out).
- **amounts**: a gold amount is found when a money row of its file has the same literal text (white space
  folded) or the same value and currency; each row finds at most one gold amount. Recall is given for amounts in
  US dollars and in other currencies apart; precision over every money row.
- **dates**: a stated date is right when ``published`` begins with it (month-precision gold, ``2023-08``, takes
  any day of that month); a date the gold leaves empty and the run fills is counted as invented.
- **frames**: the set of frame ids per file.
- **claims**: a claim is the tuple (file, actor, asset or system, direction). A gold claim with several joint
  actors stands for one claim per actor. Actors match by canonical name, or at another granularity when one side
  is a country and the other an actor of that country (a central bank or minister for its country). Assets
  match when they name a common asset, system or currency of the narrative lexicons (``yuan swap line`` names the
  swap line and the yuan); an asset the lexicons do not know matches its own words only. Rows of the run that
  state the same tuple in several sentences count once. Pairs are first made on (file, actor, asset); a pair
  whose directions agree is a hit; direction accuracy is over all pairs, status accuracy over the hits.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.actors.evaluate import Score
from analysis.errors import GoldError
from analysis.lexicons.actors import load_dictionary
from analysis.lexicons.currencies import load_currencies
from analysis.lexicons.io import read_lexicon
from analysis.tables.store import optional_table, read_table

__all__ = ["evaluate_facts", "render_facts", "read_gold_facts", "asset_keys", "canonical"]

ACTOR_TYPES = ("person", "country", "organization", "group")
MAX_LISTED = 40   # misses and extras listed per kind


def read_gold_facts(path: Path | str) -> dict[str, dict]:
    """The ``files:`` mapping of a gold-facts YAML file; errors name the file and what is wrong."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read it as YAML ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise GoldError(f"{path}: expected a mapping with 'files:' (file name -> facts), as in the development set")
    return {str(name): facts or {} for name, facts in data["files"].items()}


# -- assets -----------------------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Lower case, accents dropped, white space folded; other scripts kept as they are.

    >>> _fold("  Banco  Central do Brasil ") == _fold("banco central do brasil"), _fold("Yván"), _fold("美元")
    (True, 'yvan', '美元')
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", kept).lower().split())


@lru_cache(maxsize=1)
def _asset_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """(key, pattern) for every asset, system and currency name the narrative lexicons know, longest first."""
    cues: dict[str, str] = {}
    for name in ("assets.yaml", "systems.yaml"):
        _, entries = read_lexicon(name)
        for entry in entries:
            for cue in [entry.get("name"), *(entry.get("cues") or []), *(entry.get("names") or [])]:
                if cue:
                    cues.setdefault(_fold(cue), entry["id"])
    for name, code in load_currencies().by_name.items():
        cues.setdefault(_fold(name), code)
    # An empty cue would match everywhere.
    ordered = sorted(((cue, key) for cue, key in cues.items() if any(c.isalnum() for c in cue)),
                     key=lambda item: -len(item[0]))
    return tuple((key, re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")) for cue, key in ordered)


def asset_keys(asset: str) -> frozenset[str]:
    """The lexicon keys an asset's description names; its folded words when it names none.

    >>> sorted(asset_keys("yuan swap line"))
    ['CNY', 'swap_line']
    >>> sorted(asset_keys("US Treasuries"))
    ['us_treasuries']
    """
    text, keys = _fold(asset), set()
    for key, pattern in _asset_cues():
        if pattern.search(text):
            keys.add(key)
            text = pattern.sub(" ", text)   # "US Treasuries" is not also "Treasuries"
    return frozenset(keys) if keys else frozenset({_fold(asset)})


# -- actors -----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """Canonical name -> country code, and country code -> the country's canonical name."""
    dictionary = load_dictionary()
    of_actor = {actor.name: actor.country for actor in dictionary.actors.values() if actor.country}
    country_name = {actor.country: actor.name for actor in dictionary.actors.values() if actor.type == "country"}
    return of_actor, country_name


@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    """Folded alias -> canonical name, so a gold file that writes another of an actor's names
    ("Central Bank of Russia" for the dictionary's "Bank of Russia") names the same actor."""
    names: dict[str, str] = {}
    for actor in sorted(load_dictionary().actors.values(), key=lambda a: a.name):
        for alias in actor.aliases:
            names.setdefault(_fold(alias), actor.name)
    for actor in load_dictionary().actors.values():
        names[_fold(actor.name)] = actor.name
    return names


def canonical(name: str) -> str:
    """The dictionary's canonical name for ``name`` (one of its aliases), else ``name`` itself.

    >>> canonical("Central Bank of Russia")
    'Bank of Russia'
    """
    return _canonical_names().get(_fold(name), name)


def _same_actor(gold: str, found: str, found_country: str | None) -> bool:
    gold = canonical(gold)
    if _fold(gold) == _fold(found):
        return True
    of_actor, country_name = _countries()
    gold_country = of_actor.get(gold)
    found_country = found_country or of_actor.get(found)
    # one side is a country, the other an actor of that country
    return bool(gold_country and found_country == gold_country
                and (country_name.get(gold_country) in (gold, found)))


# -- the scores -------------------------------------------------------------------------------------

@dataclass
class Tally:
    """A score overall and per language, with the items missed and found in excess."""
    overall: Score = field(default_factory=lambda: Score(0, 0, 0))
    by_language: dict[str, Score] = field(default_factory=lambda: defaultdict(lambda: Score(0, 0, 0)))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def count(self, language: str, tp: int, fp: int, fn: int) -> None:
        for score in (self.overall, self.by_language[language]):
            score.true_positives += tp
            score.false_positives += fp
            score.false_negatives += fn

    def as_dict(self) -> dict:
        return {**self.overall.as_dict(),
                "by_language": {lang: score.as_dict() for lang, score in sorted(self.by_language.items())},
                "misses": self.misses[:MAX_LISTED], "extras": self.extras[:MAX_LISTED]}


@dataclass
class Ratio:
    """Right out of asked, overall and per language."""
    right: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)

    def count(self, language: str, ok: bool) -> None:
        for key in ("all", language):
            self.asked[key] += 1
            self.right[key] += bool(ok)

    def as_dict(self) -> dict:
        def value(key):
            return round(self.right[key] / self.asked[key], 4) if self.asked[key] else None
        return {"accuracy": value("all"), "n": self.asked["all"],
                "by_language": {k: {"accuracy": value(k), "n": self.asked[k]} for k in sorted(self.asked) if k != "all"}}


def _documents(tables_dir: Path) -> dict[str, str]:
    """File name -> doc_id, for kept articles and for the copies each one lists as its duplicates."""
    articles = read_table(tables_dir, "articles")
    ids = dict(zip(articles["source"], articles["doc_id"]))
    if "duplicates" in articles.columns:
        for doc_id, copies in zip(articles["doc_id"], articles["duplicates"]):
            for copy in copies if copies is not None else []:
                ids.setdefault(str(copy), doc_id)
    return ids


def _rows(tables_dir: Path, name: str) -> dict[str, pd.DataFrame]:
    table = optional_table(tables_dir, name)
    if table is None or table.empty:
        return {}
    return {doc_id: rows for doc_id, rows in table.groupby("doc_id", sort=True)}


def _actors(tally: Tally, file: str, lang: str, gold: dict, mentions: pd.DataFrame | None) -> None:
    expected = {canonical(name) for name in gold.get("actors") or []}
    found = set() if mentions is None else set(mentions.loc[mentions["actor_type"].isin(ACTOR_TYPES), "actor_name"])
    tally.count(lang, len(expected & found), len(found - expected), len(expected - found))
    tally.misses += [f"{file}: {name}" for name in sorted(expected - found)]
    tally.extras += [f"{file}: {name}" for name in sorted(found - expected)]


def _same_value(a, b) -> bool:
    return a is not None and b is not None and not pd.isna(a) and not pd.isna(b) and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def _amounts(usd: Tally, other: Tally, file: str, lang: str, gold: dict, rows: pd.DataFrame | None) -> None:
    money = [] if rows is None else [row for row in rows.itertuples() if row.kind == "money"]
    used: set[int] = set()
    for item in gold.get("amounts") or []:
        currency = item.get("currency") or ("USD" if item.get("value_usd") is not None else None)
        tally = usd if currency == "USD" else other
        text = _fold(item.get("text", ""))
        hit = next((i for i, row in enumerate(money) if i not in used and (
            _fold(row.text) == text or (row.currency == currency and _same_value(row.value, item.get("value"))))), None)
        if hit is None:
            tally.count(lang, 0, 0, 1)
            tally.misses.append(f"{file}: {item.get('text')!r} ({currency})")
        else:
            used.add(hit)
            tally.count(lang, 1, 0, 0)
    for i, row in enumerate(money):
        if i not in used:
            (usd if row.currency == "USD" else other).count(lang, 0, 1, 0)
            (usd if row.currency == "USD" else other).extras.append(f"{file}: {row.text!r} ({row.currency})")


def _date(dates: Ratio, invented: list[str], file: str, lang: str, gold: dict, published) -> None:
    stated = gold.get("published")
    found = None if published is None or pd.isna(published) else str(published)[:10]
    if stated:
        dates.count(lang, found is not None and found.startswith(str(stated)))
    elif found:
        invented.append(f"{file}: {found}")


def _frames(tally: Tally, file: str, lang: str, gold: dict, frames: pd.DataFrame | None) -> None:
    expected = set(gold.get("frames") or [])
    found = set() if frames is None else set(frames["frame"])
    tally.count(lang, len(expected & found), len(found - expected), len(expected - found))
    tally.misses += [f"{file}: {name}" for name in sorted(expected - found)]
    tally.extras += [f"{file}: {name}" for name in sorted(found - expected)]


def _gold_claims(gold: dict) -> list[dict]:
    claims = []
    for claim in gold.get("claims") or []:
        actors = claim.get("actor")
        for actor in actors if isinstance(actors, list) else [actors]:
            claims.append({"actor": str(actor), "asset": str(claim.get("asset") or claim.get("system") or ""),
                           "direction": claim.get("direction"), "status": claim.get("status")})
    return claims


def _found_claims(rows: pd.DataFrame | None) -> list[dict]:
    if rows is None:
        return []
    seen, claims = set(), []
    for row in rows.sort_values(["sent_idx", "start"]).itertuples():
        key = (row.actor_name, asset_keys(row.asset), row.direction)
        if key not in seen:
            seen.add(key)
            country = getattr(row, "actor_country", None)
            claims.append({"actor": row.actor_name, "country": None if pd.isna(country) else country,
                           "asset": row.asset, "direction": row.direction, "status": row.status})
    return claims


def _claims(tally: Tally, direction: Ratio, status: Ratio, file: str, lang: str, gold: dict,
            rows: pd.DataFrame | None) -> None:
    expected, found = _gold_claims(gold), _found_claims(rows)
    free = list(range(len(found)))
    hits = 0
    for claim in expected:
        keys = asset_keys(claim["asset"])
        candidates = [i for i in free if _same_actor(claim["actor"], found[i]["actor"], found[i]["country"])
                      and keys & asset_keys(found[i]["asset"])]
        if not candidates:
            tally.misses.append(f"{file}: {claim['actor']} · {claim['asset']} · {claim['direction']}")
            continue
        best = next((i for i in candidates if found[i]["direction"] == claim["direction"]), candidates[0])
        free.remove(best)
        direction.count(lang, found[best]["direction"] == claim["direction"])
        if found[best]["direction"] == claim["direction"]:
            hits += 1
            status.count(lang, found[best]["status"] == claim["status"])
        else:
            tally.misses.append(f"{file}: {claim['actor']} · {claim['asset']} · {claim['direction']} "
                                f"(found {found[best]['direction']})")
    tally.count(lang, hits, len(found) - hits, len(expected) - hits)
    tally.extras += [f"{file}: {found[i]['actor']} · {found[i]['asset']} · {found[i]['direction']}" for i in free]


def evaluate_facts(gold_path: Path | str, tables_dir: Path | str) -> dict:
    """Every score of the module docstring, for the run in ``tables_dir`` against the gold file."""
    gold, tables_dir = read_gold_facts(gold_path), Path(tables_dir)
    ids = _documents(tables_dir)
    articles = read_table(tables_dir, "articles").set_index("doc_id")
    mentions, amounts, frames, claims = (_rows(tables_dir, name) for name in ("mentions", "amounts", "frames", "claims"))
    actors, usd, other, frame_tally, claim_tally = Tally(), Tally(), Tally(), Tally(), Tally()
    dates, direction, status, invented, missing = Ratio(), Ratio(), Ratio(), [], []
    for file, facts in sorted(gold.items()):
        lang, doc_id = str(facts.get("language") or "unknown"), ids.get(file)
        if doc_id is None:
            missing.append(file)
        _actors(actors, file, lang, facts, mentions.get(doc_id))
        _amounts(usd, other, file, lang, facts, amounts.get(doc_id))
        _date(dates, invented, file, lang, facts, articles["published"].get(doc_id) if doc_id else None)
        _frames(frame_tally, file, lang, facts, frames.get(doc_id))
        _claims(claim_tally, direction, status, file, lang, facts, claims.get(doc_id))
    return {"files": len(gold), "files_without_article": missing,
            "actors": actors.as_dict(), "amounts_usd": usd.as_dict(), "amounts_other": other.as_dict(),
            "dates": {**dates.as_dict(), "invented": invented}, "frames": frame_tally.as_dict(),
            "claims": {**claim_tally.as_dict(), "direction": direction.as_dict(), "status": status.as_dict()}}


def render_facts(result: dict) -> str:
    """A plain-text summary of :func:`evaluate_facts`: one line a score, then per language, then the misses."""
    lines = [f"{result['files']} files in the gold; {len(result['files_without_article'])} without an article"
             + (f" ({', '.join(result['files_without_article'])})" if result["files_without_article"] else "")]
    prf = ("actors", "amounts_usd", "amounts_other", "frames", "claims")
    for name in prf:
        s = result[name]
        lines.append(f"{name:<14} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                     f"({s['tp']} found, {s['fp']} extra, {s['fn']} missed)")
    for name, ratio in (("dates", result["dates"]), ("claim status", result["claims"]["status"]),
                        ("claim direction", result["claims"]["direction"])):
        accuracy = "n/a" if ratio["accuracy"] is None else f"{ratio['accuracy']:.3f}"
        lines.append(f"{name:<14} accuracy {accuracy} of {ratio['n']}")
    lines.append(f"dates invented: {len(result['dates']['invented'])}")
    languages = sorted({lang for name in prf for lang in result[name]["by_language"]})
    lines.append("\nby language (F1; claims P/R):")
    for lang in languages:
        cells = [f"{name} {result[name]['by_language'].get(lang, {}).get('f1', float('nan')):.2f}" for name in prf[:-1]]
        c = result["claims"]["by_language"].get(lang)
        cells.append(f"claims {c['precision']:.2f}/{c['recall']:.2f}" if c else "claims -")
        lines.append(f"  {lang}: " + ", ".join(cells))
    for name in ("claims", "amounts_usd", "amounts_other"):
        for kind in ("misses", "extras"):
            if result[name][kind]:
                lines.append(f"\n{name} {kind}:")
                lines += [f"  {item}" for item in result[name][kind]]
    return "\n".join(lines)
