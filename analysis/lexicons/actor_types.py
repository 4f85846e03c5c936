"""The actor dictionary's types: actors, their date-bounded roles, descriptions in other languages.

:func:`analysis.lexicons.actors.load_dictionary` builds an :class:`ActorDictionary` from the YAML files.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from analysis.errors import LexiconError
from analysis.lexicons.titles import ROLES

__all__ = ["ACTOR_TYPES", "SECTORS", "ROLES", "Role", "Actor", "Description", "ActorDictionary"]

ACTOR_TYPES = {"person", "country", "organization", "place", "group", "media"}
SECTORS = {"government", "military", "central_bank", "intergovernmental", "legislature", "media", "business",
           "security", "party", "civil_society", "other"}


@dataclass(frozen=True)
class Role:
    role: str
    country: str | None
    title: str | None
    start: dt.date | None
    end: dt.date | None
    approx: bool = False

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    titles_ok: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    metonym_for: str | None = None
    origin: str = ""
    # The aliases that are adjectives: a country's demonyms ("Chinese", "South Korean"), a group's
    # "Western". Before a capitalised word, a group's adjective is part of another name ("Western Union").
    adjectives: tuple[str, ...] = ()
    # A country's names that are also people's names ("Jordan", "Chad", "Israel"): beside a capitalised
    # word that no entry knows, inside a sentence, they are part of a person's name ("Jim Jordan").
    personal_names: tuple[str, ...] = ()
    # A country's forms that join another's name with a hyphen ("Russo" of "Russo-Chinese", "Franco" of
    # "Franco-German"): matched only there, since alone they are surnames and first names.
    combining_forms: tuple[str, ...] = ()
    # Generic words that name this body after its country's name or demonym: "central bank" makes
    # "Russia's central bank" and "the Russian central bank" the Bank of Russia.
    descriptions: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Description:
    """A role or a body described in another language around a country's name or demonym: the
    ``template`` "(presidente|presidenta) {}" (``{}``: the country) is the English title "president",
    a body's "cancillería {}" the description "foreign ministry", which the extractor resolves as
    it resolves "the Russian president" and "the Venezuelan foreign ministry"."""
    template: str
    kind: str  # "role" or "body"
    english: str
    by_country: tuple[tuple[str, str], ...] = ()  # (ISO3, English title) where a country's office differs

    def english_for(self, country: str | None) -> str:
        return dict(self.by_country).get(country or "", self.english)


@dataclass
class ActorDictionary:
    actors: dict[str, Actor]
    alias_owners: dict[str, list[str]] = field(default_factory=dict)
    # language -> alias -> actor ids: forms matched only in articles in that language ("rusa" in Spanish)
    language_aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # language -> role and body descriptions, and the words before a title that name no holder on the
    # article's date ("ex", "vice"), read only in articles in that language
    language_descriptions: dict[str, list[Description]] = field(default_factory=dict)
    language_qualifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # language -> combining form -> country id: "sino" of "sino-rusas", matched only before a hyphen
    language_combining: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self):
        owners: dict[str, set[str]] = defaultdict(set)
        for actor in self.actors.values():
            for alias in actor.names:
                owners[alias].add(actor.id)
        self.alias_owners = {alias: sorted(ids) for alias, ids in owners.items()}
        self.by_name = {actor.name: actor for actor in self.actors.values()}
        # (title in lower case, country) of every role: which titles a country's offices use at all
        self.titles = {((role.title or "").lower(), role.country) for actor in self.actors.values()
                       for role in actor.roles}
        # (country, description in lower case) -> the body it names ("RUS", "central bank") -> Bank of Russia
        self.institutions: dict[tuple[str, str], Actor] = {}
        for actor in sorted(self.actors.values(), key=lambda a: a.id):
            for description in actor.descriptions:
                key = (actor.country, " ".join(description.lower().split()))
                if key in self.institutions:
                    other = self.institutions[key]
                    raise LexiconError(f"{actor.origin} ('{actor.id}'): description '{description}' of {actor.country} "
                                       f"is already {other.origin} ('{other.id}'); keep it on one entry")
                self.institutions[key] = actor

    def conflicts(self) -> list[tuple[str, list[str]]]:
        """Aliases claimed by more than one actor that an article's date cannot tell apart (flagged, not
        resolved, wherever they occur): all but those of :meth:`shared_by_date`."""
        return sorted((alias, ids) for alias, ids in self.alias_owners.items()
                      if len(ids) > 1 and not self.dated(ids))

    def shared_by_date(self) -> list[tuple[str, list[str]]]:
        """Aliases claimed by several people with dated roles ("King Abdullah": Saudi Arabia's until 2015,
        Jordan's since 1999), resolved to the one of the country named beside the alias ("Jordan's King
        Abdullah"), else to the one who held a role on the article's date, if only one did."""
        return sorted((alias, ids) for alias, ids in self.alias_owners.items() if len(ids) > 1 and self.dated(ids))

    def dated(self, ids) -> bool:
        """Whether the actors ``ids`` are all people with dated roles, whom an article's date can tell apart."""
        return all(self.actors[i].type == "person" and self.actors[i].roles for i in ids)

    def holders(self, role: str, country: str, day: dt.date) -> list[Actor]:
        """People who held ``role`` for ``country`` on ``day``."""
        return [actor for actor in self.actors.values()
                if any(r.role == role and r.country == country and r.held_on(day) for r in actor.roles)]

    def country_by_code(self, iso3: str) -> Actor | None:
        return self.actors.get(f"country_{iso3.lower()}")

