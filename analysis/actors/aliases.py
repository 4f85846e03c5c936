"""Passes 1 and 4: the dictionary's aliases in the text, and metonyms decided by their context.

Aliases (names, acronyms, demonyms, spellings) are found by :class:`analysis.actors.matching.AliasMatcher`.
A country's mention followed by a currency ("the US dollar") names only the currency's issuer; one
followed by a description of one of its bodies names that body ("Russia's central bank"). A capital
or seat of government stands for its country ("Beijing said"), except after a locative preposition
("talks in Beijing") or at the start of another name ("Moscow Nights"), where it is a place: the
metonymy of place for institution of Lakoff & Johnson, *Metaphors We Live By* (1980), ch. 8, and
Markert & Nissim (2002), "Metonymy resolution as a classification task", EMNLP.
"""
from __future__ import annotations

import datetime as dt
import re

from analysis.actors.matching import longest_first
from analysis.actors.patterns import (
    BESIDE_A_TITLE,
    CAPITALISED_NEXT,
    HYPHEN_BEFORE_CAPITAL,
    HYPHEN_BEFORE_LETTER,
    LOCATIVE_REVERSED,
    LOCATIVE_REVERSED_ABROAD,
    NAME_AFTER,
    NAME_BEFORE,
    NAME_GOES_ON,
    NOT_IN_A_PERSONS_NAME,
    STATE_BODY_WORDS,
)
from analysis.actors.spans import (
    ActorResult,
    Flag,
    Mention,
    fields_dict,
    mention_fields,
    new_from_fields,
    new_mention,
    sentence_start,
)
from analysis.lexicons.actors import Actor
from analysis.lexicons.io import read_lexicon

__all__ = ["AliasPass", "NO_ACTOR", "IDIOMS", "system_names"]


class AliasPass:
    """The alias and metonym pass of :class:`~analysis.actors.extractor.ActorExtractor`, which sets the
    attributes it reads: ``dictionary``, ``matcher``, ``language_matchers``, ``_alias_cache``,
    ``_generic_words``, ``_country_after``, ``_institution_fields``, ``_combining_fields`` and
    ``_language_combining``."""

    # 1 and 4: aliases, with metonyms decided by context
    def _dictionary_mentions(self, text: str, result: ActorResult, language: str | None = None,
                             published: dt.date | None = None) -> tuple[list[Mention], list, list[tuple[int, int]]]:
        """Mentions of the dictionary's aliases; which of them the next stage checks: the index of
        each person (with ``None``) and of each country followed by a title (with the match); and
        the spans of countries named only as a currency's issuer and of payment systems named after
        an actor ("BRICS Pay"), which are no new names either."""
        mentions: list[Mention] = []
        append = mentions.append
        checks: list[tuple[int, re.Match[str] | None]] = []  # people (None), and countries followed by a title
        cache = self._alias_cache
        country_after = self._country_after.match  # a local name: faster
        locative_before = LOCATIVE_REVERSED_ABROAD.get(language, LOCATIVE_REVERSED).match
        not_names: list[tuple[int, int]] = []
        covered_until = -1  # the end of a body named by its country's description ("Russia’s Security Council")
        matches = self.matcher.spans(text)
        if language in self.language_matchers:  # the dictionary's own name first where both match ("China")
            own = {(start, end) for start, end, _, _ in matches}
            matches = longest_first(matches + [match for match in self.language_matchers[language].spans(text)
                                               if (match[0], match[1]) not in own])
        for start, end, alias, owners in matches:
            if start < covered_until:
                continue
            entry = cache.get(alias) or self._alias_entry(alias, owners)
            template, metonym_template, is_country, is_person, is_adjective, generic_word, personal_name = entry
            if not template:
                if template is False:  # "BRICS Pay" (a payment system, which the narratives stage follows), "Fed up"
                    not_names.append((start, end))
                    continue
                template = self._shared_alias_holder(text, start, end, owners, mentions, matches, published)
                if template is None:
                    result.flags.append(Flag(start, end, "ambiguous_alias",
                                             f"'{alias}' names {', '.join(owners)}; not resolved"))
                    continue
            role = None
            if is_country:
                if text.startswith("$", end) or (personal_name and self._in_a_persons_name(text, start, end)):
                    continue
                if text[start - 1:start] == "-" and mentions and mentions[-1].end == start - 1 \
                        and mentions[-1].actor_id == template["actor_id"]:
                    start = mentions.pop().start  # "US-American", "US-amerikanische": one country named twice
                role = country_after(text, end)
                if role and role.group("title") is None:
                    description = role.group("institution")
                    if description:
                        body = self._body(template["country"], description)
                        if body:  # "Russia’s central bank", "the Chinese foreign ministry": one mention of the body
                            template, metonym_template = self._institution_fields[body.id], None
                            end = covered_until = role.end("institution")
                        role = None
                    elif is_adjective or not role.group("other_sense"):
                        not_names.append((start, end))
                        continue  # the country issues a currency or a bond
                    else:
                        role = None  # "South Korea won": a verb, not the currency
            elif generic_word:
                template = self._institution_in_sentence(text, start, generic_word, mentions) or template
            elif is_adjective and CAPITALISED_NEXT.match(text, end):
                continue  # "Western Union", "Western Cape": a group's adjective starting another name
            if (metonym_template and not text.startswith("-based", end)  # "a Caracas-based analyst": a place
                    and not (NAME_GOES_ON.match(text, end) and not _in_a_headline(text, start))  # "Moscow Nights"
                    and not locative_before(text[max(0, start - 40):start][::-1])):
                template, role = metonym_template, None
                after = country_after(text, end)
                body = after and after.group("institution") and self._body(template["country"], after.group("institution"))
                if body:  # "Beijing’s central bank": the state's body, as after the country's name
                    template, end = self._institution_fields[body.id], after.end("institution")
                    covered_until = end
            elif role or is_person:
                checks.append((len(mentions), role))
            fields = template.copy()
            fields["start"], fields["end"] = start, end
            append(new_from_fields(fields))
        if language in self._language_combining:  # "sino-rusas", "franco-allemand": forms in lower case
            mentions += self._combining_forms(text, mentions, self._language_combining[language], HYPHEN_BEFORE_LETTER)
        elif self._combining_fields:
            mentions += self._combining_forms(text, mentions, self._combining_fields, HYPHEN_BEFORE_CAPITAL)
        return mentions, checks, not_names

    def _combining_forms(self, text: str, mentions: list[Mention], forms: dict[str, tuple],
                         hyphens: re.Pattern[str]) -> list[Mention]:
        """Mentions of the countries named by a combining form (``forms``: their mention fields) before a
        hyphen (``hyphens``) and another country's name, demonym or combining form: "Russo" and "Franco"
        of "Russo-Franco-German" (not "Indo-Pacific")."""
        found: list[Mention] = []
        countries_from: set[int] | None = None
        # From the last hyphen to the first: a chain's last form first. Found with a literal "-", which
        # the regex engine scans for quickly, and the word before it read here.
        for hyphen in reversed([match.start() for match in hyphens.finditer(text)]):
            start = hyphen
            while start and text[start - 1].isalpha():
                start -= 1
            fields = forms.get(text[start:hyphen]) or forms.get(text[start:hyphen].lower())
            if fields is None or (start and (text[start - 1].isalnum() or text[start - 1] == "_")):
                continue
            if countries_from is None:
                countries_from = {m.start for m in mentions if m.actor_type == "country"}
            if hyphen + 1 in countries_from and start not in countries_from:  # not a demonym found already ("ruso")
                found.append(new_mention(start, hyphen, *fields))
                countries_from.add(start)
        return found[::-1]

    def _alias_entry(self, alias: str, owners: tuple[str, ...]) -> tuple:
        """What every match of an alias shares: its mention's fields, as itself and as the country it
        stands for, whether the actor is a country or a person, whether the alias is a demonym, and
        the description it also is, if any ("Security Council") (``None`` fields: ambiguous; ``False``:
        the name of a payment system or an idiom, no actor's)."""
        if owners == (NO_ACTOR,):  # a payment system's name or an idiom
            entry = (False, None, False, False, False, None, False)
        elif len(owners) > 1:  # ambiguous, unless a country or the date tells the owners apart (_shared_alias_holder)
            entry = (None, None, False, False, False, None, False)
        else:
            actor = self.dictionary.actors[owners[0]]
            country = self.dictionary.by_name.get(actor.metonym_for) if actor.metonym_for else None
            generic = " ".join(alias.lower().split())
            entry = (fields_dict(*mention_fields(actor, "name" if alias == actor.name else "alias")),
                     fields_dict(*mention_fields(country, "metonym")) if country else None,
                     actor.type == "country", actor.type == "person" and bool(actor.roles), alias in actor.adjectives,
                     generic if generic in self._generic_words else None, alias in actor.personal_names)
        self._alias_cache[alias] = entry
        return entry

    def _shared_alias_holder(self, text: str, start: int, end: int, owners: tuple[str, ...], mentions: list[Mention],
                             matches: list[tuple], published: dt.date | None) -> dict | None:
        """The mention fields of the one person among ``owners`` (people with dated roles who share an alias,
        "King Abdullah") of the country named beside the alias, before it ("Jordan's King Abdullah", "Saudi
        King Abdullah") or after "of" ("King Abdullah of Jordan"); else of the one who held a role on
        ``published``; ``None`` when neither tells one person apart (or the owners are no such people)."""
        if not self.dictionary.dated(owners):
            return None
        people = [self.dictionary.actors[i] for i in owners]
        countries = set()
        if mentions and mentions[-1].actor_type == "country" and BESIDE_A_TITLE.fullmatch(text, mentions[-1].end, start):
            countries.add(mentions[-1].country)
        following = next((match for match in matches if match[0] >= end), None)
        if following and text[end:following[0]] == " of " and len(following[3]) == 1:
            actor = self.dictionary.actors.get(following[3][0])
            if actor is not None and actor.type == "country":
                countries.add(actor.country)
        of_country = [person for person in people if person.country in countries]
        if len(of_country) == 1:
            return fields_dict(*mention_fields(of_country[0], "alias_by_country"))
        holders = [person for person in people if published and any(r.held_on(published) for r in person.roles)]
        return fields_dict(*mention_fields(holders[0], "alias_by_date")) if len(holders) == 1 else None

    def _in_a_persons_name(self, text: str, start: int, end: int) -> bool:
        """Whether a country's name that is also a person's ("Jordan") is one of two capitalised words
        that form a name no entry knows, inside a sentence: after a first name ("met Jim Jordan") or
        before a surname ("Chad Smith said", "Israel Katz, the minister"). A word that names a state's
        body ("Israel Police", "Jordan Armed Forces") or another entry ("Israel Iran") keeps the country."""
        known = self.dictionary.alias_owners
        before = NAME_BEFORE.search(text, max(0, start - 40), start)
        if before and before.group("word") not in NOT_IN_A_PERSONS_NAME and before.group("word") not in known:
            return True
        after = NAME_AFTER.match(text, end)
        word = after.group("word") if after else None
        return bool(word) and word not in NOT_IN_A_PERSONS_NAME and word not in STATE_BODY_WORDS and word not in known

    def _body(self, country: str, description: str) -> Actor | None:
        """The body that ``description`` ("central bank", as written) names for ``country``, if any."""
        return self.dictionary.institutions.get((country, " ".join(description.lower().split())))

    def _institution_in_sentence(self, text: str, start: int, word: str, mentions: list[Mention]) -> dict | None:
        """The mention fields of the body that ``word`` ("security council") names for the country
        mentioned last before ``start`` in its sentence, if that country has one: "Sergei Shoigu,
        secretary of the Security Council" after "Russia’s" is Russia's council."""
        first = sentence_start(text, start)
        for mention in reversed(mentions):
            if mention.start < first:
                break
            if mention.actor_type == "country":
                body = self.dictionary.institutions.get((mention.country, word))
                return self._institution_fields[body.id] if body else None
        return None


NO_ACTOR = ""  # the owner of the automaton's keys that name no actor (payment systems, idioms)
IDIOMS = ["Fed up"]  # phrases that start with an alias and name nobody ("Fed up with sanctions, ...")


def system_names() -> list[str]:
    """Every name of a payment system in the narratives lexicon (``systems.yaml``)."""
    _, entries = read_lexicon("systems.yaml")
    return [cue for entry in entries for cue in [entry.get("name", ""), *(entry.get("cues") or [])] if cue]


def _in_a_headline(text: str, position: int) -> bool:
    """Whether the line around ``position`` is a headline in title case ("Moscow Rejects New Sanctions"):
    three words or more, every one of four letters or more capitalised."""
    end = text.find("\n", position)
    line = text[text.rfind("\n", 0, position) + 1:end if end >= 0 else len(text)]
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 3 and all(word[0].isupper() for word in words)

