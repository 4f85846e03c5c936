"""The dictionary's countries, generated rather than typed by hand.

Their names come from country_converter's table and their demonyms and alternative spellings from
countryinfo, corrected by ``countries.yaml``; their names in Spanish, Portuguese, French and German
from the Unicode CLDR (Babel) and countryinfo, matched only in articles in that language.
country_converter, countryinfo and Babel are loaded when the dictionary is first built.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.errors import LexiconError
from analysis.lexicons.actor_types import Actor

__all__ = ["OTHER_LANGUAGES", "country_actors", "country_names_abroad"]

OTHER_LANGUAGES = ("es", "pt", "fr", "de")  # the corpus's other languages: countries' names in them


@lru_cache(maxsize=1)
def _country_table():
    """country_converter's table (read directly: its class breaks on pandas 3's NA handling)."""
    import country_converter

    table = pd.read_csv(Path(country_converter.__file__).with_name("country_data.tsv"), sep="\t",
                        keep_default_na=False, dtype=str)
    return table[table["obsolete"] == ""]


@lru_cache(maxsize=1)
def _countryinfo_by_iso3() -> dict[str, dict]:
    """countryinfo's primary record per ISO3 code (it also lists constituent parts under one code)."""
    import countryinfo

    records: dict[str, dict] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        codes = info.get("ISO") or {}
        alt = info.get("altSpellings") or []
        if codes.get("alpha3") and codes.get("alpha2") in alt and codes["alpha3"] not in records:
            records[codes["alpha3"]] = info
    return records


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "s", "sh", "ch")) or " " in demonym:
        return None
    return demonym + "s"


def country_actors(overrides: dict) -> list[Actor]:
    """One actor per current country: canonical short name, official name, spellings, demonyms."""
    info = _countryinfo_by_iso3()
    demonym_claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    entries = []
    for row in _country_table().itertuples():
        iso3 = row.ISO3
        extra = overrides.get(iso3) or {}
        record = info.get(iso3, {})
        name = extra.get("name") or row.name_short
        aliases = [row.name_official, record.get("name") or "", row.name_short]
        # Short codes collide with words (IN, IT, NO, AND, CAN): only countries.yaml adds them.
        aliases += [a for a in record.get("altSpellings") or [] if not re.fullmatch(r"[A-Z]{2,3}", a) and "," not in a]
        aliases += extra.get("aliases") or []
        demonym = record.get("demonym") or ""
        if demonym:
            for form in (demonym, _plural(demonym)):
                if form:
                    demonym_claims[form].append((int(record.get("population") or 0), iso3))
        excluded = set(extra.get("exclude") or [])
        entries.append((iso3, name, [a for a in aliases if a and a not in excluded and a != name]))
    # A demonym claimed by several records (Chinese: China and Hong Kong) goes to the most populous.
    demonym_owner = {form: max(claims)[1] for form, claims in demonym_claims.items()}
    actors = []
    for iso3, name, aliases in entries:
        extra = overrides.get(iso3) or {}
        excluded = set(extra.get("exclude") or [])
        demonyms = [form for form, owner in sorted(demonym_owner.items()) if owner == iso3 and form not in excluded]
        aliases += demonyms
        # countries.yaml may name more adjectives among its aliases ("Saudi", which countryinfo lacks)
        demonyms += [form for form in extra.get("adjectives") or [] if form in aliases]
        personal_names = extra.get("personal_names") or []
        if not isinstance(personal_names, list) or not set(personal_names) <= {name, *aliases}:
            raise LexiconError(f"countries.yaml: {iso3}: personal_names must be a list of the country's names "
                               f"({personal_names!r})")
        combining_forms = extra.get("combining_forms") or []
        if not isinstance(combining_forms, list) or not all(isinstance(f, str) and f.isalpha() for f in combining_forms):
            raise LexiconError(f"countries.yaml: {iso3}: combining_forms must be a list of words ({combining_forms!r})")
        actors.append(Actor(id=f"country_{iso3.lower()}", name=name, type="country", country=iso3,
                            sector="government", aliases=tuple(dict.fromkeys(aliases)), origin="countries",
                            adjectives=tuple(dict.fromkeys(demonyms)), personal_names=tuple(personal_names),
                            combining_forms=tuple(combining_forms)))
    return actors


def country_names_abroad(actors: dict[str, Actor], overrides: dict) -> dict[str, dict[str, list[str]]]:
    """Every country's names in the corpus's other languages ("Estados Unidos", "Rússia", "États-Unis",
    "Vereinigte Staaten"): its short name in the Unicode CLDR as Babel ships it, and countryinfo's
    translation. They are matched only in articles in that language: the German "Island" (Iceland) is a
    word of "Rhode Island" in English.

    A name that is already a name of any actor is left out: of the country itself it is matched in every
    language already, and of another actor ("Guinea") it would make the name ambiguous.
    """
    from babel import Locale

    table = _country_table()
    alpha2 = dict(zip(table["ISO3"], table["ISO2"]))
    info = _countryinfo_by_iso3()
    taken = {name for actor in actors.values() for name in actor.names}
    found: dict[str, dict[str, list[str]]] = {}
    for language in OTHER_LANGUAGES:
        territories = Locale(language).territories
        forms: dict[str, list[str]] = defaultdict(list)
        for actor in sorted(actors.values(), key=lambda a: a.id):
            if actor.type != "country":
                continue
            translated = ((info.get(actor.country) or {}).get("translations") or {}).get(language)
            excluded = set((overrides.get(actor.country) or {}).get("exclude") or [])
            for form in dict.fromkeys([territories.get(alpha2.get(actor.country, "")), translated]):
                if form and not set(form) & set("(),") and form not in taken and form not in excluded:
                    forms[form].append(actor.id)
        found[language] = {form: owners for form, owners in forms.items() if len(owners) == 1}
    return found

