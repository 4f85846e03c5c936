"""The actor dictionary: who can be named in the news, under which names, in which roles when.

Entries live in human-editable YAML under ``data/lexicons/actors/`` (people with
date-bounded roles, organisations, groups, places and metonyms, media), following the
event-coding tradition of the PETRARCH/Phoenix actor dictionaries. Countries are not
typed by hand: their names come from country_converter's table and their demonyms and
alternative spellings from countryinfo, corrected by ``countries.yaml``; their names in Spanish,
Portuguese, French and German from the Unicode CLDR (Babel) and countryinfo, matched only in
articles in that language, beside the demonyms of ``demonyms.yaml``.

``load_dictionary()`` validates every entry and raises :class:`LexiconError` naming the
file, the entry and the fix. ``python -m analysis actors check`` prints the conflicts
(one alias, several actors).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml

from analysis import config
from analysis.errors import LexiconError
from analysis.lexicons.actor_types import ACTOR_TYPES, ROLES, SECTORS, Actor, ActorDictionary, Description, Role
from analysis.lexicons.countries import OTHER_LANGUAGES, country_actors, country_names_abroad
from analysis.lexicons.io import YAML_LOADER
from analysis.lexicons.spellings import spelling_variants
from analysis.lexicons.titles import ROLE_WORDS

__all__ = ["ACTOR_TYPES", "SECTORS", "ROLES", "DEFAULT_DIR", "OTHER_LANGUAGES", "FILE_KEYS", "ENTRY_KEYS", "ROLE_KEYS",
           "COUNTRY_KEYS", "LexiconError", "Role", "Actor", "Description", "ActorDictionary", "country_actors",
           "load_dictionary"]

DEFAULT_DIR = config.LEXICON_DIR / "actors"


def _date(value, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise LexiconError(f"{where}: date '{value}' is not YYYY-MM-DD") from error


# The keys a file, an entry, a role and a country's overrides may have: any other is a typo
# ("alias:", "titel:") that would otherwise be ignored without a word.
FILE_KEYS = ("actors", "countries", "demonyms", "descriptions", "combining_forms")
ENTRY_KEYS = ("id", "name", "type", "country", "sector", "aliases", "descriptions", "adjectives", "roles", "titles_ok",
              "metonym_for")
ROLE_KEYS = ("role", "country", "title", "start", "end", "approx")
COUNTRY_KEYS = ("name", "aliases", "exclude", "adjectives", "personal_names", "combining_forms")


def _check_keys(mapping: dict, allowed: tuple[str, ...], where: str) -> None:
    """A :class:`LexiconError` naming the first key of ``mapping`` not in ``allowed``, and the closest allowed."""
    for key in mapping:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise LexiconError(f"{where}: unknown key '{key}'; {hint}the keys are {', '.join(allowed)}")


def _actor_from_entry(entry: dict, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: expected a mapping with id, name, type; found {type(entry).__name__}")
    _check_keys(entry, ENTRY_KEYS, f"{where} ('{entry.get('id', '?')}')")
    missing = [key for key in ("id", "name", "type") if not entry.get(key)]
    if missing:
        raise LexiconError(f"{where}: missing {', '.join(missing)}; every entry needs id, name and type")
    where = f"{where} ('{entry['id']}')"
    if not re.fullmatch(r"[a-z0-9_]+", str(entry["id"])):
        raise LexiconError(f"{where}: id must be lowercase letters, digits and underscores")
    if entry["type"] not in ACTOR_TYPES:
        raise LexiconError(f"{where}: type '{entry['type']}' is not one of {sorted(ACTOR_TYPES)}")
    if entry.get("sector") and entry["sector"] not in SECTORS:
        raise LexiconError(f"{where}: sector '{entry['sector']}' is not one of {sorted(SECTORS)}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise LexiconError(f"{where}: aliases must be a list of non-empty strings (quote values such as NO or ON)")
    descriptions = entry.get("descriptions") or []
    if not isinstance(descriptions, list) or not all(isinstance(d, str) and d.strip() for d in descriptions):
        raise LexiconError(f"{where}: descriptions must be a list of non-empty strings ('central bank')")
    if descriptions and not entry.get("country"):
        raise LexiconError(f"{where}: descriptions name a body after its country: add the entry's country "
                           "(ISO 3166 alpha-3, e.g. country: RUS)")
    adjectives = entry.get("adjectives") or []
    if not isinstance(adjectives, list) or not set(adjectives) <= set(aliases):
        raise LexiconError(f"{where}: adjectives must be a list of the entry's aliases ({adjectives!r})")
    roles = []
    for n, role in enumerate(entry.get("roles") or [], start=1):
        role_where = f"{where}, role {n}"
        if not isinstance(role, dict) or role.get("role") not in ROLES:
            raise LexiconError(f"{role_where}: role must be one of {sorted(ROLES)}")
        _check_keys(role, ROLE_KEYS, role_where)
        start, end = _date(role.get("start"), role_where), _date(role.get("end"), role_where)
        if start and end and end < start:
            raise LexiconError(f"{role_where}: ends ({end}) before it starts ({start})")
        roles.append(Role(role["role"], role.get("country") or entry.get("country"), role.get("title"),
                          start, end, bool(role.get("approx"))))
    return Actor(
        id=str(entry["id"]), name=str(entry["name"]), type=entry["type"], country=entry.get("country"),
        sector=entry.get("sector"),
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases if a.strip() != entry["name"])),
        titles_ok=tuple(entry.get("titles_ok") or ()), roles=tuple(roles),
        metonym_for=entry.get("metonym_for"), origin=where.split(":")[0],
        descriptions=tuple(dict.fromkeys(d.strip() for d in descriptions)), adjectives=tuple(adjectives),
    )


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a date YAML cannot build (2020-13-01)
        raise LexiconError(f"{path}: not valid YAML ({error}); check indentation, quoting and dates "
                           "(YYYY-MM-DD)") from error
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top (actors: [...] or countries: {{...}})")
    _check_keys(data, FILE_KEYS, str(path))
    return data



def _with_spelling_variants(actors: dict[str, Actor]) -> dict[str, Actor]:
    """Every actor with the spellings of its names that :mod:`analysis.lexicons.spellings` generates, except
    those already in the dictionary and those two actors would get (they would make an alias ambiguous)."""
    claimed: dict[str, set[str]] = defaultdict(set)
    generated: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for name in actor.names:
            claimed[name].add(actor.id)
    for actor in actors.values():
        for name in actor.names:
            for variant in spelling_variants(name, actor.country, actor.type == "person"):
                generated[variant].add(actor.id)
    added: dict[str, list[str]] = defaultdict(list)
    for variant, owners in sorted(generated.items()):
        if len(owners) == 1 and variant not in claimed:
            added[next(iter(owners))].append(variant)
    return {actor_id: replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *added[actor_id]))))
            if added.get(actor_id) else actor for actor_id, actor in actors.items()}


def load_dictionary(folder: Path | str = DEFAULT_DIR) -> ActorDictionary:
    """Load and validate every ``*.yaml`` file in ``folder`` plus the generated countries."""
    folder = Path(folder)
    if not folder.is_dir():
        raise LexiconError(f"actor dictionary folder '{folder}' not found; pass the folder holding the *.yaml files")
    files = tuple(sorted([*folder.resolve().glob("*.yaml"), *folder.resolve().glob("*.yml")]))
    # Loaded once per state of the files: an edit (the notebook's exercise) is read at the next call.
    return _load(files, tuple((path.stat().st_mtime_ns, path.stat().st_size) for path in files))


@lru_cache(maxsize=4)
def _load(files: tuple[Path, ...], _state: tuple) -> ActorDictionary:
    actors: dict[str, Actor] = {}
    overrides: dict = {}
    demonyms: list[tuple[Path, dict]] = []
    descriptions: list[tuple[Path, dict]] = []
    combining: list[tuple[Path, dict]] = []
    for path in files:
        data = _read_yaml(path)
        for iso3, extra in (data.get("countries") or {}).items():
            _check_keys(extra or {}, COUNTRY_KEYS, f"{path.name}: countries: {iso3}")
        overrides.update(data.get("countries") or {})
        if data.get("demonyms"):
            demonyms.append((path, data["demonyms"]))
        if data.get("descriptions"):
            descriptions.append((path, data["descriptions"]))
        if data.get("combining_forms"):
            combining.append((path, data["combining_forms"]))
        for n, entry in enumerate(data.get("actors") or [], start=1):
            actor = _actor_from_entry(entry, f"{path.name}: entry {n}")
            if actor.id in actors:
                raise LexiconError(f"id '{actor.id}' is used twice: by {actors[actor.id].origin} and by "
                                   f"{path.name}: entry {n}; ids must be unique across files, rename one")
            actors[actor.id] = actor
    for actor in country_actors(overrides):
        actors.setdefault(actor.id, actor)
    actors = _with_spelling_variants(actors)
    names = {actor.name for actor in actors.values()}
    codes = {actor.country for actor in actors.values() if actor.type == "country"}
    for actor in actors.values():
        for code in {actor.country, *(role.country for role in actor.roles)} - {None}:
            if code not in codes:
                close = difflib.get_close_matches(str(code), sorted(codes), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise LexiconError(f"{actor.origin} ('{actor.id}'): country '{code}' is no country's ISO 3166 alpha-3 "
                                   f"code{hint}; write it in capitals, e.g. RUS, CHN, USA")
        if actor.metonym_for and actor.metonym_for not in names:
            raise LexiconError(f"{actor.origin} ('{actor.id}'): metonym_for '{actor.metonym_for}' names no actor; "
                               "use the canonical name of a country or organisation (e.g. 'United States')")
    language_aliases = _language_aliases(demonyms, actors)
    for language, forms in country_names_abroad(actors, overrides).items():
        written = language_aliases.setdefault(language, {})
        for form, owners in forms.items():
            written.setdefault(form, owners)  # demonyms.yaml, written by hand, has the last word
    dictionary = ActorDictionary(actors, language_aliases=language_aliases)
    for path, languages in combining:
        for language, forms in _language_aliases([(path, languages)], actors, "combining_forms").items():
            if not all(re.fullmatch(r"[^\W\d_]+", form) for form in forms):
                raise LexiconError(f"{path.name}: combining_forms: {language}: forms are single words ('sino')")
            dictionary.language_combining.setdefault(language, {}).update(
                {form.lower(): owners[0] for form, owners in forms.items()})
    for path, languages in descriptions:
        _add_descriptions(dictionary, path, languages)
    return dictionary


def _add_descriptions(dictionary: ActorDictionary, path: Path, languages) -> None:
    """A ``descriptions:`` section (language -> qualifiers, roles, bodies), checked, into ``dictionary``."""
    where = f"{path.name}: descriptions"
    if not isinstance(languages, dict):
        raise LexiconError(f"{where} must map a language code to qualifiers, roles and bodies "
                           "(es: {roles: {'presidente {}': president}})")
    bodies = {word for _, word in dictionary.institutions}
    countries = {actor.country for actor in dictionary.actors.values() if actor.type == "country"}
    for language, section in languages.items():
        if not re.fullmatch(r"[a-z]{2}", str(language)) or not isinstance(section, dict) \
                or set(section) - {"qualifiers", "roles", "bodies"}:
            raise LexiconError(f"{where}: '{language}' must be a two-letter language code mapping to "
                               "qualifiers, roles and bodies")
        qualifiers = section.get("qualifiers") or []
        if not isinstance(qualifiers, list) or not all(isinstance(q, str) and q.strip() for q in qualifiers):
            raise LexiconError(f"{where}: {language}: qualifiers must be a list of words")
        dictionary.language_qualifiers[language] = tuple(q.strip().lower() for q in qualifiers)
        found = dictionary.language_descriptions.setdefault(language, [])
        for kind, known in (("roles", set(ROLE_WORDS)), ("bodies", bodies)):
            for template, value in (section.get(kind) or {}).items():
                at = f"{where}: {language}: {kind}: '{template}'"
                if str(template).count("{}") != 1:
                    raise LexiconError(f"{at}: write {{}} once, where the country's name or demonym goes")
                english, by_country = (value, {}) if isinstance(value, str) else (
                    (value.get("title"), {k: v for k, v in value.items() if k != "title"}) if isinstance(value, dict)
                    else (None, {}))
                for code, title in [(None, english), *by_country.items()]:
                    if code is not None and code not in countries:
                        raise LexiconError(f"{at}: '{code}' is no country's ISO 3166 alpha-3 code")
                    if not isinstance(title, str) or title.lower() not in known:
                        raise LexiconError(f"{at}: '{title}' is not one of the English "
                                           f"{'titles' if kind == 'roles' else 'descriptions of bodies'}: "
                                           f"{', '.join(sorted(known))}")
                found.append(Description(str(template), "role" if kind == "roles" else "body", english.lower(),
                                         tuple(sorted((c, t.lower()) for c, t in by_country.items()))))


def _language_aliases(files: list[tuple[Path, dict]], actors: dict[str, Actor],
                      section: str = "demonyms") -> dict[str, dict[str, list[str]]]:
    """``demonyms:`` (or ``section``) sections (language -> ISO3 -> forms) as language -> form -> [country id]."""
    found: dict[str, dict[str, list[str]]] = defaultdict(dict)
    names: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for name in actor.names:
            names[name].add(actor.id)
    for path, languages in files:
        if not isinstance(languages, dict):
            raise LexiconError(f"{path.name}: {section} must map a language code to countries (es: {{RUS: [ruso, rusa]}})")
        for language, countries in languages.items():
            if not re.fullmatch(r"[a-z]{2}", str(language)) or not isinstance(countries, dict):
                raise LexiconError(f"{path.name}: {section}: '{language}' must be a two-letter language code "
                                   "mapping ISO3 codes to forms")
            for iso3, forms in countries.items():
                actor_id = f"country_{str(iso3).lower()}"
                if actor_id not in actors:
                    raise LexiconError(f"{path.name}: {section}: {language}: '{iso3}' is no country's ISO 3166 alpha-3 code")
                if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                    raise LexiconError(f"{path.name}: {section}: {language}: {iso3}: forms must be a list of words")
                for form in forms:
                    others = names.get(form.strip(), set()) - {actor_id}
                    if others:  # matching keeps one entry per written form
                        raise LexiconError(f"{path.name}: {section}: {language}: '{form}' is already a name of "
                                           f"{', '.join(sorted(others))}; drop it from one of them")
                    owners = found[language].setdefault(form.strip(), [])
                    if actor_id not in owners:
                        owners.append(actor_id)
    return dict(found)
