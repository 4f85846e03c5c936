"""Passes 2 and 3: titles before people, and role descriptions without a name.

A title before a dictionary person ("Chinese Prime Minister Xi Jinping") is checked against the
person's date-bounded roles; a contradiction is flagged and the mention stays the person. A role
description ("the Chinese president", "Russia's foreign minister", and in Spanish, Portuguese,
French and German the descriptions of ``descriptions.yaml``: "el presidente ruso") resolves to whoever
held the role on the article's date; undated or ambiguous ones are flagged, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re

from analysis.actors.patterns import (
    APPOSITION,
    DEPUTY_QUALIFIERS,
    LONGEST_QUALIFIER,
    LONGEST_TITLE,
    NAME_AFTER_DESCRIPTION,
    PAST_QUALIFIERS,
    QUALIFIER_BEFORE_COUNTRY,
    TITLE_BEFORE_REVERSED,
    TITLE_BEFORE_SEARCH,
    TITLE_BEFORE_SOLID,
)
from analysis.actors.spans import ActorResult, Flag, Mention, mention_of, sentence_start
from analysis.lexicons.actors import Actor
from analysis.lexicons.titles import roles_for

__all__ = ["RolePass"]


class RolePass:
    """The title and role pass of :class:`~analysis.actors.extractor.ActorExtractor`: reads ``dictionary``,
    ``_described_abroad`` and ``_qualified_abroad``, and the bodies of :meth:`AliasPass._body`."""

    # 2 and 3: titles before people, role descriptions without a name
    def _titles_and_roles(self, text: str, published: dt.date | None, mentions: list[Mention], checks: list,
                          result: ActorResult) -> tuple[list[Mention], list[tuple[int, int]]]:
        """The mentions once titles and role descriptions are resolved, and the spans of the titles
        before people and of the country words that a title absorbed into a person's mention."""
        absorbed: set[int] = set()
        added: list[Mention] = []
        titles: set[tuple[int, int]] = set()  # "External Affairs Minister" before "S. Jaishankar"
        for index, role in checks:
            mention = mentions[index]
            if role is None:
                self._check_title(text, published, mention, mentions, index, absorbed, titles, result)
                continue
            absorbed.add(index)  # "Chinese" in "the Chinese president" designates the person
            if role.group("name") or self._names_the_holder(text, role, mention, mentions, index):
                titles.add(role.span("title"))
                continue  # a title before a name: the person's own mention carries it
            person = self._resolve_role(text, role.group("title").lower(), mention, role.group("qualifier"),
                                        published, result, role.start("title"), role.end("title"))
            if person:
                added.append(mention_of(mention.start, role.end("title"), person, "role_description"))
        if not absorbed:
            return mentions + added, sorted(titles)
        # The words a title absorbed ("Venezuelan" in "Venezuelan Foreign Minister Yván Gil") stay
        # covered for discovery, which would otherwise offer "Venezuelan Foreign Minister" as a name.
        covered = [(m.start, m.end) for i, m in enumerate(mentions)
                   if i in absorbed and not any(a.start <= m.start and m.end <= a.end for a in added)]
        return [m for i, m in enumerate(mentions) if i not in absorbed] + added, covered + sorted(titles)

    def _descriptions_abroad(self, text: str, language: str, published: dt.date | None, mentions: list[Mention],
                             result: ActorResult) -> tuple[list[Mention], list[tuple[int, int]]]:
        """The mentions once the roles and bodies that the language's descriptions name around a country
        are resolved ("el presidente ruso", "la cancillería venezolana", "der russische Präsident"), as
        their English equivalents are; and the spans of the descriptions, which are no new names."""
        patterns, qualified = self._described_abroad[language], self._qualified_abroad.get(language)
        people = {m.start: m for m in mentions if m.actor_type == "person"}
        kept: list[Mention] = []
        covered: list[tuple[int, int]] = []
        for mention in mentions:
            found = _longest_description(text, mention, patterns) if mention.actor_type == "country" else None
            if found is None:
                kept.append(mention)
                continue
            start, end, description = found
            english = description.english_for(mention.country)
            if description.kind == "body":
                body = self._body(mention.country, english)
                kept.append(mention_of(start, end, body, "institution_description") if body else mention)
                continue
            covered.append((start, end))
            if qualified and qualified.search(text, max(0, start - 24), start):
                continue  # "el ex presidente ruso": nobody the date tells
            after = NAME_AFTER_DESCRIPTION.match(text, end)
            person = people.get(after.end()) if after else None
            if person and self._holds(person, english, mention.country):
                continue  # "el presidente ruso, Vladímir Putin": the person's own mention carries it
            holder = self._resolve_role(text, english, mention, "", published, result, start, end)
            if holder:
                kept.append(mention_of(start, end, holder, "role_description"))
        return kept, covered

    def _holds(self, person_mention: Mention, title: str, country: str) -> bool:
        """Whether the person mentioned holds or held a role that ``title`` names for ``country``."""
        person = self.dictionary.actors.get(person_mention.actor_id)
        roles = roles_for(title, country)
        return person is not None and any(r.role in roles and (r.country or person.country) == country
                                          for r in person.roles)

    def _names_the_holder(self, text: str, role: re.Match[str], country_mention: Mention, mentions: list[Mention],
                          index: int) -> bool:
        """Whether the role description is followed by the name of someone who holds or held such a role, as an
        appositive: "Venezuela's foreign minister, Yván Gil," is one mention of Gil, by his name."""
        after = APPOSITION.match(text, role.end("title"))
        if not after:
            return False
        for mention in mentions[index + 1:index + 3]:
            if mention.start == after.end() and mention.actor_type == "person":
                return self._holds(mention, role.group("title").lower(), country_mention.country)
        return False

    def _check_title(self, text, published, person_mention, mentions, n_earlier, absorbed, titles, result) -> None:
        """Check the title before ``person_mention``, the ``n_earlier``-th of ``mentions``, and add its span to ``titles``."""
        person = self.dictionary.actors[person_mention.actor_id]  # a person with roles (see _alias_entry)
        title = _title_before(text, sentence_start(text, person_mention.start), person_mention.start)
        if not title:
            return
        titles.add(title.span("title"))
        name = title.group("title")
        country = None  # the mention of the country before the title ("Brazilian president"), if any
        for index in range(n_earlier - 1, -1, -1):
            modifier = mentions[index]
            if modifier.end <= title.start() and text[modifier.end:title.start()].strip(" ’'s") == "":
                if modifier.actor_type == "country":
                    country = modifier
                    absorbed.add(index)
                    role_countries = {r.country for r in person.roles} | {person.country}
                    if modifier.country not in role_countries:
                        result.flags.append(Flag(modifier.start, person_mention.end, "title_country_mismatch",
                                                 f"'{text[modifier.start:modifier.end]}' {name} for {person.name}"))
            break
        qualifier = title.group("qualifier").strip().lower()
        if not qualifier and country is not None:  # "former Brazilian president": before the country
            before = QUALIFIER_BEFORE_COUNTRY.search(text, max(0, country.start - 12), country.start)
            qualifier = before.group(1).lower() if before else ""
        if qualifier in DEPUTY_QUALIFIERS:
            return
        needed = roles_for(name.lower(), person.country)
        past = qualifier in PAST_QUALIFIERS
        day = None if past else published
        # Without a country, a title may begin the title of a role held ("its president" of the
        # New Development Bank's President)
        begins = f"{name.lower()} " if country is None else None
        held = [r for r in person.roles if (r.role in needed or (begins and (r.title or "").lower().startswith(begins)))
                and (day is None or r.held_on(day))]
        if not held:
            actual = "; ".join(sorted({f"{r.title or r.role} ({r.start or '?'}–{r.end or 'now'})" for r in person.roles}))
            when = f" on {published}" if day else ""
            result.flags.append(Flag(title.start("title"), person_mention.end, "title_mismatch",
                                     f"'{name}' for {person.name}{when}; the dictionary has: {actual}"))

    def _resolve_role(self, text: str, title: str, country_mention: Mention, qualifier: str, published, result,
                      start: int, end: int) -> Actor | None:
        qualifier = qualifier.strip().lower()
        if qualifier in PAST_QUALIFIERS or qualifier in DEPUTY_QUALIFIERS or qualifier == "incoming":
            return None
        roles = roles_for(title, country_mention.country)
        phrase = " ".join(text[min(start, country_mention.start):end].split())  # as written: "Chinese president"
        if published is None:
            result.flags.append(Flag(country_mention.start, end, "role_undated",
                                     f"'{phrase}': the article has no date, so who held the role is not guessed"))
            return None
        holders = {a.id: a for role in roles for a in self.dictionary.holders(role, country_mention.country, published)}
        titled = {i: a for i, a in holders.items()
                  if any((r.title or "").lower() == title for r in a.roles if r.held_on(published))}
        if titled or (title, country_mention.country) not in self.dictionary.titles:
            holders = titled or holders  # "president" of China: the President, not the Premier
        else:  # Iran between presidents: its head of state is the Supreme Leader, not a president
            holders = {}
        if len(holders) == 1:
            return next(iter(holders.values()))
        what = "nobody in the dictionary" if not holders else " and ".join(sorted(a.name for a in holders.values()))
        result.flags.append(Flag(country_mention.start, end, "role_unresolved",
                                 f"'{phrase}' on {published}: {what}"))
        return None


def _longest_description(text: str, country: Mention, patterns: list) -> tuple[int, int, object] | None:
    """The longest description around a country's mention: ``(start, end, description)``, or ``None``."""
    best = None
    for before, after, description in patterns:
        front = before.search(text, max(0, country.start - 120), country.start) if before else None
        back = after.match(text, country.end) if after else None
        if (before and not front) or (after and not back):
            continue
        start, end = front.start() if front else country.start, back.end() if back else country.end
        if best is None or end - start > best[1] - best[0]:
            best = (start, end, description)
    return best


def _title_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``TITLE_BEFORE.search(text, start, end)``, without trying every position of a long sentence.

    Most names have no title before them, which one match on the reversed text tells; it also
    tells where the title ends, which is the same in every match (only whitespace, a full stop
    and "Mr." follow it). A match then starts at most a title, a qualifier and their separator
    before that end, and a separator longer than one character would cover the character just
    before the longest title: when that one is neither whitespace nor a hyphen, the search can
    start there. Failing that, a match has at most ``TITLE_BEFORE_SOLID`` characters other
    than whitespace and hyphens, so when the last 64 characters hold more, it starts in them.
    """
    backwards = TITLE_BEFORE_REVERSED.match(text[start:end][::-1])
    if not backwards:
        return None
    title_end = end - backwards.start("title")
    near = title_end - LONGEST_TITLE - LONGEST_QUALIFIER - 1
    if near > start:
        before_title = text[title_end - LONGEST_TITLE - 1]
        if not before_title.isspace() and before_title != "-":
            start = near
        else:
            near = end - 64
            if near > start and len("".join(text[near:end].split()).replace("-", "")) > TITLE_BEFORE_SOLID:
                start = near
    return TITLE_BEFORE_SEARCH.search(text, start, end)

