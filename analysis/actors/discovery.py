"""Pass 5: people and organisations the dictionary does not know, found from their context.

Runs of capitalised words are names; their context decides whose: a title before ("analyst Maria
Lopes"), an appositive role after ("Ana Paz, a senior economist"), a speech verb ("... said Ana Paz")
or "according to" make a person's; an organisation's head noun ("Meridian Policy Lab", "Instituto ...")
or an affiliation ("an economist at the ...") an organisation's. They are kept as mentions (``via =
"discovered"``) and every name becomes a candidate for the dictionary, the cue-based approach of
rule-based named-entity recognition (Nadeau & Sekine, 2007, "A survey of named entity recognition
and classification", *Lingvisticae Investigationes* 30(1)).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from analysis.actors.patterns import (
    ACRONYM_WORD,
    AFFILIATION_BEFORE,
    AFTER_CAPITALISED_AND,
    AFTER_CONTEXT,
    BEFORE_CONTEXT,
    CAPITALISED_RUN,
    HEAD_COMPLEMENTS,
    HEADLINE_WORD,
    LOWER_CASE_ORGANISATION,
    NAME_OF,
    NOT_IN_A_PERSONS_NAME,
    OFFICE_INSIDE,
    ORDINAL_BEFORE,
    ORG_HEADS,
    ORG_HEADS_FIRST,
)
from analysis.actors.spans import ActorResult, Candidate, Mention, new_candidate, new_mention, overlaps

__all__ = ["DiscoveryPass", "capitalised_runs", "slug", "group_candidates"]


class DiscoveryPass:
    """The discovery pass of :class:`~analysis.actors.extractor.ActorExtractor`: reads ``dictionary``."""

    # 5: people and organisations the dictionary does not know; other names become candidates
    def _discovered_names(self, text: str, mentions: list[Mention], result: ActorResult, covered: list[tuple[int, int]],
                          leading: frozenset[str] = frozenset(), lower_case_names: bool = False
                          ) -> tuple[list[Mention], list[tuple[int, int]]]:
        """The new names' mentions, and the spans of ``mentions`` and ``covered``, sorted (as in
        :class:`SpanIndex`); ``leading``: capitalised words of the article's language that start no name
        (articles and titles: German capitalises every noun); ``lower_case_names``: whether the language
        writes institutions' names in lower case after their head (French, Spanish, Portuguese)."""
        spans = sorted([(m.start, m.end) for m in mentions] + covered)
        starts = [s for s, _ in spans]
        n_spans, below = len(spans), 0  # below: how many spans start before the current run ends
        found = []
        candidates = result.candidates
        for run_start, run_end, context_end, may_be_person in capitalised_runs(text):
            while below < n_spans and starts[below] < run_end:
                below += 1
            if overlaps(spans, starts, run_start, run_end, below):  # the count kept as the runs move right
                # The run overlaps a mention. Trimming leaves nothing when one mention covers a word of
                # every word of it ("Xi Jinping", "Xi Jinping’s"), or when it has two words or fewer
                # (a word overlapping the mention goes, and one word is no name).
                last_start, last_end = spans[below - 1]
                if last_start <= run_start and (last_end >= run_end or (
                        last_end > run_start and " " not in text[last_end - 1:run_end]
                        and "\t" not in text[last_end - 1:run_end])):
                    continue
                start, end = _trim_covered_run(text, run_start, run_end, spans, starts)
                if end - start < 3:
                    continue
                name = text[start:end]
                words = name.split()
                heads = not ORG_HEADS.isdisjoint(words)
                if heads and run_start < start and overlaps(spans, starts, run_start, start):
                    # Trimming removed a mention from the front. A demonym or a place belongs to the name
                    # ("Russian Direct Investment Fund", "Harbin Polytechnic University"); another mention
                    # does not ("BRICS Business Council"), and the rest is then no organisation's name.
                    origin = self._origin_before(text, mentions, run_start, start)
                    if origin is not None:
                        start, name = origin, text[origin:end]
                        words = name.split()
                    else:
                        heads = False
            else:
                # No word of the run can overlap a mention, so only function words and connectors at
                # the front go, and the run still ends where it ended.
                words = text[run_start:run_end].split()  # a run's words are separated by spaces and tabs only
                count, first = len(words), _name_start(words)
                if count - first < 2:
                    continue
                if first:
                    position = run_start
                    for word in words[:first]:
                        position = text.index(word, position) + len(word)
                    start = text.index(words[first], position)
                    name = text[start:run_end]
                    words = words[first:]
                else:
                    start, name = run_start, text[run_start:run_end]
                end = run_end
                if end - start < 3:
                    continue
                heads = not ORG_HEADS.isdisjoint(words) or words[0] in ORG_HEADS_FIRST
            if leading and words[0] in leading:  # "Der Ökonom Markus Weber": the article and the title go
                first = next((i for i, word in enumerate(words) if word not in leading), len(words))
                if len(words) - first < 2:
                    continue
                start = text.index(words[first], start + sum(len(word) for word in words[:first]))
                name, words = text[start:end], words[first:]
                heads = heads or words[0] in ORG_HEADS_FIRST  # "El Banco de la Nación"
            organisation = None  # how the name shows an organisation's, if it does
            if heads and _has_org_head(words):
                if ORDINAL_BEFORE.search(text, max(0, start - 16), start):
                    # "the fourth Russian-Chinese Forum on ...": one meeting of a series, an event, no actor
                    candidates.append(new_candidate(start, end, name, "event"))
                    continue
                if not AFTER_CAPITALISED_AND.search(text, max(0, start - 40), start):
                    organisation = "organisation_head"
            if organisation is None and AFFILIATION_BEFORE.search(text, max(0, start - 48), start):
                organisation = "affiliation"  # "an economist at the Volga Trade Monitor": whatever its head noun
            if organisation:
                candidates.append(new_candidate(start, end, name, organisation))
                found.append(new_mention(start, end, f"new:{slug(name)}", name, "organization", "discovered"))
                continue
            kind = (_person_context(text, start, max(end, context_end))
                    if may_be_person and _looks_like_person(name, words) else None)
            candidates.append(new_candidate(start, end, name, kind or "capitalised"))
            if kind:
                found.append(new_mention(start, end, f"new:{slug(name)}", name, "person", "discovered"))
        if lower_case_names:
            found += self._lower_case_organisations(text, spans, starts, candidates)
        return found, spans

    @staticmethod
    def _lower_case_organisations(text: str, spans: list[tuple[int, int]], starts: list[int],
                                  candidates: list[Candidate]) -> list[Mention]:
        """Institutions named in lower case after their head ("l’Observatoire lémanique des réserves
        monétaires"), where no mention and no candidate found so far overlaps them: a capitalised name after
        the head ("Instituto Cono Sur de ...", "Banco de la Nación") is a capitalised run, found already."""
        taken = [(candidate.start, candidate.end) for candidate in candidates]  # names found as capitalised runs
        new = []
        for start, end in _lower_case_organisation_spans(text):
            if overlaps(spans, starts, start, end) or any(s < end and start < e for s, e in taken):
                continue
            name = text[start:end]
            candidates.append(new_candidate(start, end, name, "organisation_head"))
            new.append(new_mention(start, end, f"new:{slug(name)}", name, "organization", "discovered"))
        return new

    def _origin_before(self, text: str, mentions: list[Mention], run_start: int, start: int) -> int | None:
        """Where the words that end just before ``start`` (a blank apart) begin, if they name where an
        organisation is from: a country's demonym ("Russian", "Saudi"), two joined by a hyphen
        ("Russian-Chinese"), or a place ("Harbin", "Moscow"), inside the run that starts at ``run_start``."""
        origins = {m.start: m.end for m in mentions if run_start <= m.start < start and (
            m.actor_type == "place" or m.via == "metonym"
            or (m.actor_type == "country" and text[m.start:m.end] in self.dictionary.actors[m.actor_id].adjectives))}
        ends = {end: begin for begin, end in origins.items()}
        end = start
        while end > run_start and text[end - 1] in " \t":
            end -= 1
        begin = ends.get(end)
        if begin is None:
            return None
        while text[begin - 1:begin] == "-" and ends.get(begin - 1) is not None:  # "Russian-" before "Chinese"
            begin = ends[begin - 1]
        return begin


def _lower_case_organisation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`LOWER_CASE_ORGANISATION` in ``text``, tried only where a head is written: finding
    the heads with ``str.find`` is several times faster than the regex's search at every position. A set: a
    head that begins another ("Institut" of "Instituto", "Universidad" of "Universidade") finds its place too."""
    found = set()
    for head in ORG_HEADS_FIRST:
        position = text.find(head)
        while position >= 0:
            match = LOWER_CASE_ORGANISATION.match(text, position)
            if match:
                found.add(match.span())
            position = text.find(head, position + len(head))
    return sorted(found)


def _trim_covered_run(text: str, start: int, end: int, spans: list[tuple[int, int]],
                      starts: list[int]) -> tuple[int, int]:
    """Drop the words of a capitalised run that are mentions, titles or function words, at either end.

    For a run that overlaps a mention (``spans``, sorted, with their ``starts``): the words at
    the front that overlap a mention or are function words, and those at the back that overlap
    a mention; and at either end, the connectors left there ("of", "the": a run's only words in
    lower case), so that "Secretary of State Antony Blinken" leaves no name "of State". An empty
    span ``(start, start)`` when fewer than two words are left.
    """
    run = text[start:end]
    words = run.split()  # a run's words are separated by spaces and tabs only
    count = len(words)
    if count < 3:  # a word overlapping a mention goes, and one word left is no name
        return start, start
    word_spans, position = [], start
    if "  " not in run and "\t" not in run:  # one space between words
        for word in words:
            word_spans.append((position, position + len(word)))
            position += len(word) + 1
    else:
        for word in words:
            position = text.index(word, position)
            word_spans.append((position, position + len(word)))
            position += len(word)
    first, last = 0, count
    while first < last:
        covered = overlaps(spans, starts, *word_spans[first])
        if not (covered or words[first].strip("’'") in NOT_IN_A_PERSONS_NAME or words[first][0].islower()):
            break
        if _heads_its_complement(words, first) and not covered:
            break
        first += 1
    while first < last:
        if not (overlaps(spans, starts, *word_spans[last - 1]) or words[last - 1][0].islower()):
            break
        last -= 1
    return (word_spans[first][0], word_spans[last - 1][1]) if last - first >= 2 else (start, start)


def capitalised_runs(text: str):
    """``(start, end, context_end, may_be_person)`` of every run of capitalised words (CAPITALISED_RUN),
    where a person's name after an office ("Northgate CEO Dana Whitcombe"), or followed by "of" and
    an affiliation ("Tomasz Rurik of the Aldersgate Institute", "John Smith of Goldman Sachs"), is a
    run of its own, and so is an organisation after "of" and words that name none ("Students of the
    Kazan Monetary Academy"). ``context_end``: for the person, the end
    of the affiliation, after which its context is read ("... of Goldman Sachs said"), else 0; the
    affiliation itself is no person (``may_be_person`` false)."""
    for run in CAPITALISED_RUN.finditer(text):
        start, end = run.span()
        if text.count(" ", start, end) < 2:  # most runs: two words, nothing to split
            yield start, end, 0, True
            continue
        if HEADLINE_WORD.search(text, start, end):
            continue  # a headline in title case ("Xi Meets Putin As China And Russia Deepen Ties"), no name
        office = None
        for office in OFFICE_INSIDE.finditer(text, start, end):
            pass  # the last office inside the run: "Northgate Chief Executive Dana Whitcombe"
        if office:
            person = text[office.end():end].split()
            if len(person) >= 2 and _looks_like_person(" ".join(person), person):
                yield start, office.start(), 0, True  # what the person heads ("Northgate"), if a name
                yield office.end(), end, 0, True
                continue
        split = NAME_OF.match(text, start, end) if text.find(" of ", start, end) >= 0 else None
        if split:
            front = split.group("front").split()
            if ORG_HEADS.isdisjoint(front) and front[0] not in ORG_HEADS_FIRST:  # not "Bank of Russia"
                person = front[_name_start(front):]  # "Analyst Maria Lopes of ...": what follows the title
                if len(person) >= 2 and _looks_like_person(" ".join(person), person):
                    yield start, split.end("front"), end, True
                    yield split.end(), end, 0, False
                    continue
                if _has_org_head(text[split.end():end].split()):  # "Students of the Kazan Monetary Academy"
                    yield start, split.end("front"), 0, True
                    yield split.end(), end, 0, True
                    continue
        yield start, end, 0, True


def _name_start(words: list[str]) -> int:
    """How many words at the front of a run are no part of a new name: function words, titles and
    connectors ("The", "Deputy Prime Minister", "of"), up to an organisation's head with its
    complement ("Institute of ...")."""
    first = 0
    while first < len(words) and (words[first].strip("’'") in NOT_IN_A_PERSONS_NAME or words[first][0].islower()):
        if _heads_its_complement(words, first):
            break
        first += 1
    return first


def _has_org_head(words: list[str]) -> bool:
    """An organisation's head noun ends the name or precedes its complement ("Observatory on Asia"),
    or, in Spanish, Portuguese and French, starts it ("Instituto Cono Sur de Estudios Monetarios")."""
    return words[-1] in ORG_HEADS or words[0] in ORG_HEADS_FIRST or any(
        word in ORG_HEADS and following in HEAD_COMPLEMENTS for word, following in zip(words, words[1:]))


def _heads_its_complement(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is an organisation's head followed by its complement ("Institute of ...").
    Not "Ministry": "Ministry of Finance" names a different body in every country."""
    return (index + 2 < len(words) and words[index + 1] in HEAD_COMPLEMENTS and words[index] != "Ministry"
            and (words[index] in ORG_HEADS or words[index] in ORG_HEADS_FIRST))


def _person_context(text: str, start: int, end: int) -> str | None:
    """How the context marks the name as a person's, or ``None``."""
    # A title, then "according to", in the text before (read backwards: BEFORE_CONTEXT); then a
    # speech verb, then an appositive, matched after (AFTER_CONTEXT): one match each side.
    context = BEFORE_CONTEXT.match(text[max(0, start - 80):start][::-1]) or AFTER_CONTEXT.match(text[end:end + 120])
    return context.lastgroup if context else None


def _looks_like_person(name: str, words: list[str]) -> bool:
    """Two words or more (``words``: those of ``name``), none of them (quotes stripped) a function
    word or title, not all capitals, and no acronym among them ("Asia FX" after "chief")."""
    if len(words) < 2 or not NOT_IN_A_PERSONS_NAME.isdisjoint(words) or name.isupper() or ACRONYM_WORD.search(name):
        return False
    # Only a word with a quote at either end can differ from itself stripped.
    return ("’" not in name and "'" not in name) or not any(w.strip("’'") in NOT_IN_A_PERSONS_NAME for w in words)


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """A name as an identifier: lower case, runs of other characters as one underscore.

    >>> slug("Ana Sfeir"), slug("Lagos–Lisbon Finance Lab")
    ('ana_sfeir', 'lagos_lisbon_finance_lab')
    """
    return re.sub(r"[^\w]+", "_", name.lower()).strip("_")


def group_candidates(rows: list[dict], examples: int = 3) -> list[dict]:
    """Corpus-level candidate list: one row per name, ranked by mentions, with example sentences."""
    grouped: dict[str, dict] = defaultdict(lambda: {"n_mentions": 0, "docs": set(), "kinds": set(), "examples": []})
    for row in rows:
        entry = grouped[row["name"]]
        entry["n_mentions"] += 1
        entry["docs"].add(row["doc_id"])
        entry["kinds"].add(row["kind"])
        if len(entry["examples"]) < examples:
            entry["examples"].append({"doc_id": row["doc_id"], "sent_idx": row["sent_idx"], "sentence": row["sentence"]})
    ranked = sorted(grouped.items(), key=lambda kv: (-kv[1]["n_mentions"], -len(kv[1]["docs"]), kv[0]))
    return [{"name": name, "kind": ",".join(sorted(v["kinds"])), "n_mentions": v["n_mentions"],
             "n_docs": len(v["docs"]), "examples": v["examples"]} for name, v in ranked]
