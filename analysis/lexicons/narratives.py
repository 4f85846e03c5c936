"""The claim lexicons of ``data/lexicons/narratives/``: assets, systems, currencies and claim verbs, checked.

``assets.yaml`` and ``systems.yaml`` list what a claim can be about (each on the dollar side, the
alternative side or neutral), ``currencies.yaml`` the currencies news names, and ``claim_verbs.yaml`` the
verbs (sell, dump, buy, settle, join, ban …, each with its polarity). Errors name the file, the entry and
the fix (:mod:`analysis.lexicons.io`). :mod:`analysis.narratives.claims` reads claims with them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.errors import LexiconError
from analysis.lexicons.currencies import load_currencies
from analysis.lexicons.io import LEXICON_DIR, entry_field, read_lexicon

__all__ = ["SIDES", "POLARITIES", "STATUSES", "AssetEntry", "ClaimLexicon", "load_claim_lexicon"]

SIDES = {"usd", "alternative", "neutral"}
POLARITIES = {"acquire", "divest", "exclude"}
STATUSES = ("reported", "planned", "proposed", "speculative", "denied")


@dataclass(frozen=True)
class AssetEntry:
    id: str
    name: str
    side: str
    kind: str            # asset / system / currency


@dataclass(frozen=True)
class ClaimLexicon:
    assets: dict[str, AssetEntry]
    asset_cues: dict[str, list[str]]      # cue -> asset ids
    verbs: dict[str, tuple[str, str]]     # form -> (action, polarity)
    status_cap: dict[str, str] = field(default_factory=dict)  # action -> strongest status ("promote": proposed)
    object_side: dict[str, str] = field(default_factory=dict)  # action -> where its object is: before/after/either
    verbs_abroad: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # language -> form -> verb
    cues_abroad: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # language -> cue -> asset ids


def _abroad(path: Path, index: int, entry: dict, key: str) -> dict[str, list[str]]:
    """``forms_abroad`` / ``cues_abroad``: language (ISO 639-1) -> phrases; checked, empty when absent."""
    value = entry.get(key)
    if value is None:
        return {}
    label = entry.get("id") or entry.get("action") or f"#{index + 1}"
    if not isinstance(value, dict) or not all(
            isinstance(lang, str) and re.fullmatch(r"[a-z]{2}", lang) and isinstance(forms, list)
            and all(isinstance(f, str) and f.strip() for f in forms) for lang, forms in value.items()):
        raise LexiconError(f"{path.name}, entry {index + 1} ({label}): '{key}' must map language codes (es, pt, "
                           f"fr, de ...) to lists of phrases, e.g. {key}: {{es: [phrase, phrase]}}")
    return value


def load_claim_lexicon(folder: Path | str | None = None) -> ClaimLexicon:
    """Assets, systems, currencies and claim verbs, validated (errors name the file, entry and fix)."""
    return _load_claim_lexicon(str(folder or LEXICON_DIR))


@lru_cache(maxsize=8)
def _load_claim_lexicon(folder: str) -> ClaimLexicon:
    assets: dict[str, AssetEntry] = {}
    cues: dict[str, set[str]] = {}
    cues_abroad: dict[str, dict[str, set[str]]] = {}
    for file, kind in (("assets.yaml", "asset"), ("systems.yaml", "system")):
        path, entries = read_lexicon(file, folder)
        for index, entry in enumerate(entries):
            asset_id = entry_field(path, index, entry, "id")
            if asset_id in assets:
                raise LexiconError(f"{path.name}, entry {index + 1} ({asset_id}): id already used; ids must be unique "
                                   "across assets.yaml and systems.yaml")
            assets[asset_id] = AssetEntry(asset_id, entry_field(path, index, entry, "name"),
                                          entry_field(path, index, entry, "side", choices=SIDES), kind)
            for cue in entry_field(path, index, entry, "cues", list):
                cues.setdefault(cue, set()).add(asset_id)
            for language, forms in _abroad(path, index, entry, "cues_abroad").items():
                for cue in forms:
                    cues_abroad.setdefault(language, {}).setdefault(cue, set()).add(asset_id)
    table = load_currencies(folder)
    path, entries = read_lexicon("currencies.yaml", folder)
    for index, entry in enumerate(entries):  # the currencies news names (hand-listed), not all of ISO 4217
        currency = table.currencies[entry["code"]]
        asset_id = f"currency:{currency.code}"
        assets[asset_id] = AssetEntry(asset_id, "US dollar" if currency.code == "USD" else currency.label,
                                      "usd" if currency.code == "USD" else "alternative", "currency")
        for cue in (*currency.names, *(s for s in currency.symbols if re.fullmatch(r"[A-Z]{3}", s))):
            cues.setdefault(cue, set()).add(asset_id)
        for language, forms in _abroad(path, index, entry, "cues_abroad").items():
            for cue in forms:
                cues_abroad.setdefault(language, {}).setdefault(cue, set()).add(asset_id)
    path, entries = read_lexicon("claim_verbs.yaml", folder)
    verbs: dict[str, tuple[str, str]] = {}
    caps: dict[str, str] = {}
    sides: dict[str, str] = {}
    verbs_abroad: dict[str, dict[str, tuple[str, str]]] = {}
    for index, entry in enumerate(entries):
        action = entry_field(path, index, entry, "action")
        polarity = entry_field(path, index, entry, "polarity", choices=POLARITIES)
        cap = entry_field(path, index, entry, "status", required=False, choices=set(STATUSES))
        if cap:
            caps[action] = cap
        sides[action] = entry_field(path, index, entry, "object", required=False,
                                    choices={"before", "after", "either"}) or "either"
        for form in entry_field(path, index, entry, "forms", list):
            key = form.lower()
            if key in verbs and verbs[key] != (action, polarity):
                raise LexiconError(f"{path.name}, entry {index + 1} ({action}): form '{form}' is also listed under "
                                   f"'{verbs[key][0]}'; keep it in one entry")
            verbs[key] = (action, polarity)
        for language, forms in _abroad(path, index, entry, "forms_abroad").items():
            known = verbs_abroad.setdefault(language, {})
            for form in forms:
                key = form.lower()
                if key in known and known[key] != (action, polarity):
                    raise LexiconError(f"{path.name}, entry {index + 1} ({action}): form '{form}' ({language}) is "
                                       f"also listed under '{known[key][0]}'; keep it in one entry")
                known[key] = (action, polarity)
    return ClaimLexicon(assets, {cue: sorted(ids) for cue, ids in cues.items()}, verbs, caps, sides, verbs_abroad,
                        {language: {cue: sorted(ids) for cue, ids in found.items()}
                         for language, found in cues_abroad.items()})
