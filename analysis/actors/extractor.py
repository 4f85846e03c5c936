"""Actor extraction: resolved mentions, quality flags and dictionary candidates per document.

:func:`extract_actors` is pure (one document in, rows out) and works on the clean text, so
boilerplate removed at ingestion can never produce a mention. The passes, in order:

1. **Dictionary aliases** (:mod:`analysis.actors.matching`): names, acronyms, demonyms, metonyms.
2. **Titles** before a person ("Chinese Prime Minister Xi Jinping"): checked against the
   person's date-bounded roles; a contradiction is flagged and the mention stays the person.
3. **Role descriptions** without a name ("the Chinese president", "Russia's foreign
   minister"): resolved through the roles held on the article's date; undated or
   ambiguous ones are flagged, never guessed. In Spanish, Portuguese, French and German
   articles, the descriptions of ``descriptions.yaml`` ("el presidente ruso", "la cancillería
   venezolana") resolve the same way.
4. **Metonyms**: a capital or seat of government stands for its country ("Beijing said"),
   except after a locative preposition ("talks in Beijing") or at the start of another name
   ("Moscow Nights"), where it is a place. A country
   followed by a description of one of its bodies names that body ("Russia's central bank",
   "the Chinese foreign ministry"); a description that is also an alias ("Security Council")
   names the body of the country its sentence names before it, if that country has one.
5. **New people** named in person contexts (a title before, an appositive role after, a
   speech verb) that the dictionary does not know: kept as mentions (``via =
   "discovered"``) and listed as candidates for the dictionary.
6. **Same-document coreference** of surnames ("Jalali said" after "Kazem Jalali").
7. **Flags**: acronyms that contradict their expansion ("World Trade Organization (WHO)"),
   words truncated at a paragraph start, ambiguous aliases.
"""
from __future__ import annotations

import datetime as dt
import re
from operator import attrgetter

from analysis.actors.aliases import IDIOMS, NO_ACTOR, AliasPass, system_names
from analysis.actors.coreference import CoreferencePass
from analysis.actors.discovery import DiscoveryPass, group_candidates, slug
from analysis.actors.flags import FlagPass, without_title_organisations
from analysis.actors.matching import AliasMatcher
from analysis.actors.patterns import (
    LOWER_CASE_NAME_LANGUAGES,
    NO_NAME_WORDS_ABROAD,
    country_after,
    description_patterns,
)
from analysis.actors.roles import RolePass
from analysis.actors.spans import (
    ActorResult,
    Candidate,
    Flag,
    Mention,
    SpanIndex,
    fields_dict,
    mention_fields,
    sentence_index,
)
from analysis.lexicons.actors import ActorDictionary
from analysis.lexicons.currencies import CurrencyTable, load_currencies

# The types and helpers the pipeline's actor stage reads from here, beside the extractor.
__all__ = ["ActorExtractor", "ActorResult", "Mention", "Flag", "Candidate", "SpanIndex", "sentence_index",
           "group_candidates", "slug"]


class ActorExtractor(AliasPass, RolePass, DiscoveryPass, CoreferencePass, FlagPass):
    """The dictionary and its automaton, compiled once; :meth:`extract` runs per document."""

    def __init__(self, dictionary: ActorDictionary, currencies: CurrencyTable | None = None,
                 systems: list[str] | None = None):
        """``currencies``: whose words after a country make it a currency's issuer (default: the
        project's table, :func:`analysis.lexicons.currencies.load_currencies`); ``systems``: names of payment
        systems, whose first words name no actor ("BRICS Pay"; default: the cues of the narratives'
        ``systems.yaml``)."""
        self.dictionary = dictionary
        # Payment systems named after an actor ("BRICS Pay", "China UnionPay") and idioms ("Fed up") are
        # keys of the automaton too, owned by no actor: the longest match wins, so their first words
        # are no mention there.
        named_after_actors = {name for name in [*(system_names() if systems is None else systems), *IDIOMS]
                              if name not in dictionary.alias_owners
                              and any(name.startswith(alias + " ") for alias in dictionary.alias_owners)}
        self.matcher = AliasMatcher({**dictionary.alias_owners, **dict.fromkeys(named_after_actors, [NO_ACTOR])})
        # forms matched only in articles in their language ("rusa", "brasileño": lower-case words in English)
        self.language_matchers = {language: AliasMatcher(aliases) for language, aliases in dictionary.language_aliases.items()}
        self.country_by_code = {a.country: a for a in dictionary.actors.values() if a.type == "country"}
        self._alias_cache: dict[str, tuple] = {}
        # Every description; one that some alias also is ("Security Council" of the UN) is resolved by
        # the sentence's country
        self._generic_words = {word for _, word in dictionary.institutions}
        self._country_after = country_after(self._generic_words, currencies or load_currencies())
        self._institution_fields = {actor.id: fields_dict(*mention_fields(actor, "institution_description"))
                                    for actor in dictionary.institutions.values()}
        self._combining_fields = {form: mention_fields(actor, "combining_form") for actor in self.country_by_code.values()
                                  for form in actor.combining_forms}
        # Each language's own combining forms, with the English ones (capitalised in its texts too)
        self._language_combining = {
            language: {**self._combining_fields, **{form: mention_fields(self.dictionary.actors[actor_id], "combining_form")
                                                  for form, actor_id in forms.items()}}
            for language, forms in dictionary.language_combining.items()}
        # Role and body descriptions of other languages ("el presidente ruso"), read in articles in them
        self._described_abroad = {language: [(*description_patterns(d.template), d) for d in descriptions]
                                  for language, descriptions in dictionary.language_descriptions.items() if descriptions}
        self._qualified_abroad = {language: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")[\s-]*$",
                                                       re.IGNORECASE)
                                  for language, words in dictionary.language_qualifiers.items() if words}

    def extract(self, text: str, published: dt.date | None = None, language: str | None = None) -> ActorResult:
        """``language`` (ISO 639-1, as the articles table has it) adds that language's own forms."""
        result = ActorResult()
        mentions, checks, not_names = self._dictionary_mentions(text, result, language, published)
        mentions, absorbed = self._titles_and_roles(text, published, mentions, checks, result)
        if language in self._described_abroad:
            mentions, described = self._descriptions_abroad(text, language, published, mentions, result)
            absorbed = absorbed + described
        discovered, spans = self._discovered_names(text, mentions, result, absorbed + not_names if not_names else absorbed,
                                                   NO_NAME_WORDS_ABROAD.get(language, frozenset()),
                                                   language in LOWER_CASE_NAME_LANGUAGES)
        if discovered:
            # A discovered organisation's name supersedes mentions inside it ("Centre for Global South Studies").
            superseded = {span for m in discovered if m.actor_type == "organization"
                          for span in spans if span[0] < m.end and span[1] > m.start}
            if superseded:
                mentions = [m for m in mentions if (m.start, m.end) not in superseded]
                spans = [span for span in spans if span not in superseded]
            mentions = mentions + discovered
            spans = sorted(spans + [(m.start, m.end) for m in discovered])
        mentions += self._surname_coreference(text, mentions, spans)
        self._acronym_flags(text, mentions, result)
        self._truncation_flags(text, result)
        result.mentions = without_title_organisations(text, sorted(mentions, key=attrgetter("start", "end")))
        result.flags.sort(key=attrgetter("start", "flag"))
        result.candidates.sort(key=attrgetter("start", "kind"))
        return result
