"""Pass 6: same-document coreference of surnames ("Jalali said" after "Kazem Jalali").

A person named in full once is the person meant by a later mention of the surname alone, in the
same document: the one-sense-per-discourse heuristic (Gale, Church & Yarowsky, 1992, "One sense per
discourse", DARPA Speech and Natural Language Workshop) as name-matching coreference systems apply it.
"""
from __future__ import annotations

from analysis.actors.matching import longest_first
from analysis.actors.patterns import NOT_IN_A_PERSONS_NAME, REGNAL_NUMBERS
from analysis.actors.spans import Mention, new_mention, overlaps
from analysis.lexicons.titles import FAMILY_NAME_FIRST

__all__ = ["CoreferencePass", "whole_words"]


class CoreferencePass:
    """The coreference pass of :class:`~analysis.actors.extractor.ActorExtractor`: reads ``dictionary``."""

    # 6: surnames of people named in full elsewhere in the document
    def _surname_coreference(self, text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
        """Later mentions of a person by surname alone; ``spans``: those of ``mentions``, sorted."""
        surnames: dict[str, Mention] = {}
        for mention in mentions:
            if mention.actor_type == "person" and " " in mention.actor_name:
                words = mention.actor_name.split()
                surname = words[0] if mention.country in FAMILY_NAME_FIRST else words[-1]
                if surname in NOT_IN_A_PERSONS_NAME or surname in REGNAL_NUMBERS:  # "He" of He Lifeng is also the
                    continue  # pronoun; "Charles III" has no surname
                if surname not in self.dictionary.alias_owners or mention.via == "discovered":
                    surnames.setdefault(surname, mention)
        if not surnames:
            return []
        starts = [s for s, _ in spans]
        added = []
        for start, end, surname in whole_words(text, surnames):
            if not overlaps(spans, starts, start, end):
                person = surnames[surname]
                added.append(new_mention(start, end, person.actor_id, person.actor_name, "person",
                                     "coreference", person.country, person.sector))
        return added


def whole_words(text: str, words) -> list[tuple[int, int, str]]:
    r"""Occurrences of any of ``words`` not inside a longer word or hyphenated compound, left to right.

    What ``re.finditer`` gives for ``(?<![\w-])(?:longest|...|shortest)(?![\w-])``: the leftmost
    occurrence, the longest there, then on from its end. Found with ``str.find`` instead, since
    the set of words changes with every document and a regex would be compiled for each.

    >>> whole_words("Jalali met Jalaliyan; Jalali-style talks, then Jalali said", {"Jalali"})
    [(0, 6, 'Jalali'), (47, 53, 'Jalali')]
    """
    found = []
    size = len(text)
    for word in words:
        length = len(word)
        i = text.find(word)
        while i >= 0:
            j = i + length
            before = text[i - 1] if i else " "
            after = text[j] if j < size else " "
            # neither side is [\w-] (\w: str.isalnum() or an underscore): not inside a longer word or compound
            if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
                found.append((i, j, word))
            i = text.find(word, i + 1)
    return longest_first(found)  # one (start, end) is one word, so the tuples never tie

