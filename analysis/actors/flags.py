"""Pass 7: flags on the text itself, and the last clean-up of the mentions.

Acronyms that contradict their expansion ("World Trade Organization (WHO)"), words truncated at a
paragraph start; and organisations that only name a person's office ("UN" in "UN Secretary-General
António Guterres") are dropped.
"""
from __future__ import annotations

from analysis.actors.patterns import ACRONYM_AFTER, OFFICE_BETWEEN, TITLE_OWNER_TYPES, TRUNCATED_START
from analysis.actors.spans import ActorResult, Flag, Mention

__all__ = ["FlagPass", "without_title_organisations"]


class FlagPass:
    """The flag pass of :class:`~analysis.actors.extractor.ActorExtractor`."""

    # 7: flags on the text itself
    def _acronym_flags(self, text: str, mentions: list[Mention], result: ActorResult) -> None:
        if "(" not in text:  # no acronym in brackets anywhere
            return
        # Where a mention must end for a bracket to follow it (after whitespace, if any).
        before_brackets = set()
        bracket = text.find("(")
        while bracket >= 0:
            position = bracket
            before_brackets.add(position)
            while position and text[position - 1].isspace():
                position -= 1
                before_brackets.add(position)
            bracket = text.find("(", bracket + 1)
        by_start = {m.start: m for m in mentions}
        for mention in mentions:
            if mention.end not in before_brackets:
                continue
            acronym = ACRONYM_AFTER.match(text, mention.end)
            if not acronym or len(text[mention.start:mention.end]) <= len(acronym.group("acronym")):
                continue
            inner = by_start.get(acronym.start("acronym"))
            if inner and inner.actor_id != mention.actor_id and inner.actor_type == mention.actor_type:
                result.flags.append(Flag(mention.start, acronym.end(), "acronym_mismatch",
                                         f"'{acronym.group('acronym')}' is {inner.actor_name}, but it follows "
                                         f"{mention.actor_name}; the mention stays {mention.actor_name}"))
                mentions[mentions.index(inner)] = Mention(inner.start, inner.end, mention.actor_id, mention.actor_name,
                                                          mention.actor_type, "acronym_of_expansion",
                                                          mention.country, mention.sector)

    @staticmethod
    def _truncation_flags(text: str, result: ActorResult) -> None:
        offset = 0
        for paragraph in text.split("\n\n"):
            word = TRUNCATED_START.match(paragraph)
            if word:
                result.flags.append(Flag(offset, offset + word.end(), "truncated_word",
                                         f"paragraph starts with lower-case '{word.group()}': a word may be cut"))
            offset += len(paragraph) + 2


def without_title_organisations(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted) without the organisations that only name a person's office ("UN" in "UN
    Secretary-General António Guterres", "ECB" in "ECB President Christine Lagarde"): like the country
    words a title absorbs, they would otherwise tie the person to the organisation in every network."""
    kept = mentions
    for index in range(len(mentions) - 1, 0, -1):
        person, before = mentions[index], mentions[index - 1]
        if (person.actor_type == "person" and before.actor_type in TITLE_OWNER_TYPES
                and person.start - before.end < 40 and OFFICE_BETWEEN.fullmatch(text, before.end, person.start)):
            if kept is mentions:
                kept = list(mentions)
            del kept[index - 1]
    return kept

