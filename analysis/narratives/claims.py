"""Currency-shift claims: who is said to do what with which asset or system, which way, on whose word.

A **claim** is read from one sentence, in the tradition of rule-based event extraction over
dictionaries (the CAMEO/PETRARCH coders: an actor dictionary, a verb dictionary, patterns
between them; Schrodt 2012, *CAMEO Conflict and Mediation Event Observations Codebook*).
Here the verbs are those of ``claim_verbs.yaml`` (sell, dump, buy, add, settle, join, ban,
reduce dependence…, each with a polarity), the objects are the assets, systems and currencies
of ``assets.yaml``, ``systems.yaml`` and ``currencies.yaml`` (each on the dollar side or the
alternative side; read by :mod:`analysis.lexicons.narratives`), and the actors are the resolved mentions
of the actor stage. Per sentence:

1. **Verb and object**: each verb form takes the nearest asset after it (within a short
   window, with no other verb in between), or, for noun forms ("gold purchases"), the asset
   just before it.
2. **Direction**: acquire × alternative or divest × dollar side → ``away_from_usd``; acquire
   × dollar side or divest × alternative → ``toward_usd``; an exclusion (ban, cut off, freeze),
   or a neutral asset → ``neutral``.
3. **Actor**: the subject of the verb's clause, i.e. the first actor mention after the last
   speech verb ("X said that …") and outside prepositional phrases ("with Russia") and
   appositives (", a close US ally,"); coordinated subjects ("Russia and China") give one row
   each; a pronoun subject ("it would …") falls back to the speaker; with a noun form the
   place of adoption counts ("the implementation of Mir across Venezuela": Venezuela).
   Mentions that are part of an asset ("US" in "US Treasuries") or its owner ("Russia's
   Mir") are never actors. A claim without an actor is not reported.
4. **Amount and period**: the money amount nearest after the verb (else before it in the
   clause), and the first time expression ("the first quarter of 2024", "in 2023").
5. **Status** from hedges and modality before the verb (Hyland 1998, *Hedging in Scientific
   Research Articles*, on hedges as markers of epistemic commitment): ``denied`` (negation or
   denial), ``speculative`` (may, could, might), ``proposed`` (propose, urge, should),
   ``planned`` (will, plans to, agreed to), else ``reported`` (:mod:`analysis.narratives.attribution`).
6. **Attribution** (:mod:`analysis.narratives.attribution`): "according to X", "X said", "said X", and quotations whose speaker is
   named in the same or a neighbouring sentence. ``asserted_by_article`` is true when nobody
   is credited, i.e. the article states the claim in its own voice.
7. **Links** (:mod:`analysis.narratives.claim_links`): the members a subject lists ("countries, including A and
   B, have …"), the two sides of "trade … between A and B", the replacement of "replaced the dollar with the
   euro", and leaving the dollar folded into the switch of payments it goes with (one move, one claim).

:func:`claim_rows` is pure: a document's text, sentences, mentions and amounts in, rows out.
Other languages (es, pt, fr, de) are read by the same rules with their own words: the ``forms_abroad`` of
``claim_verbs.yaml``, the ``cues_abroad`` of the asset, system and currency lexicons, and the speech verbs,
hedges, negation, prepositions and conjunctions of ``claim_words.yaml`` (:mod:`analysis.narratives.claim_words`),
chosen by the article's language; adding a language is lexicon work. Rules, not a statistical parser: the claims must be explainable to a reader sentence by
sentence, and dependency parsers mis-attach exactly the scraped, run-on sentences this
corpus is made of; each rule is small and tested on synthetic sentences.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.actors.matching import AliasMatcher
from analysis.errors import LexiconError
from analysis.lexicons.io import LEXICON_DIR
from analysis.lexicons.narratives import POLARITIES, SIDES, STATUSES, AssetEntry, ClaimLexicon, load_claim_lexicon
from analysis.narratives import claim_links as links
from analysis.narratives.amounts import Amount
from analysis.narratives.attribution import CLAUSE_BREAK, Speakers, speaker_of_clause
from analysis.narratives.claim_details import amount_for, amount_role, period_of
from analysis.narratives.claim_words import ClaimWords, load_claim_words

__all__ = ["DIRECTION", "ACTOR_TYPES", "SIDES", "POLARITIES", "STATUSES", "AssetEntry", "ClaimLexicon",
           "load_claim_lexicon", "ClaimExtractor", "claim_rows"]

DIRECTION = {("acquire", "alternative"): "away_from_usd", ("divest", "usd"): "away_from_usd",
             ("acquire", "usd"): "toward_usd", ("divest", "alternative"): "toward_usd"}
ACTOR_TYPES = {"country", "organization", "person", "group"}

_OBJECT_WINDOW = 100      # characters from a verb to its object
_BEFORE_WINDOW = 25       # "gold purchases": object right before a noun form
_NOMINAL = re.compile(r"(?:tion|ment|ments|sal|al|ance|out|ion|sales|sale|off|ing)$")

_PREPOSITIONS = {"in", "with", "to", "from", "by", "between", "against", "on", "for", "at", "of", "into", "toward",
                 "towards", "across", "among", "than", "over", "about", "via", "like", "including"}
# Speech verbs; the weak ones ("added", "noted", "announced") only when no object follows: "China added gold".
_PRONOUN = re.compile(r"\s*(?:it|they|we|he|she|its|their|our|the country|the bank|the government)\b", re.IGNORECASE)
# "used to invoice in dollars", "stopped using the dollar": the practice is being given up.
_FORMERLY = re.compile(r"\b(?:used to|no longer|formerly|previously|stop|stops|stopped|stopping|cease|ceased|ceases|"
                       r"ceasing|halt|halted|halts|halting|suspend|suspended|suspends|suspending|quit|quits)\s+$",
                       re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|its|whose|which|who|led by|once|now|long)\b[^,;]*,")
_LOCATIVE_AFTER = re.compile(r"^[^.;,]{0,40}?\b(?:in|across|throughout|within|into)\s+(?:the\s+)?$")
# "settled outside the dollar", "trade without the dollar": the verb's sense turns around.
_CONTRARY = re.compile(r"\b(?:outside|without|instead of|rather than|away from|bypassing|other than|less on|"
                       r"relying less on|no longer)\b", re.IGNORECASE)
_ENGLISH = ClaimWords.english(_PREPOSITIONS, _CONTRARY, _BEFORE_WINDOW)
_OBJECT_STOP = re.compile(r"[;:]|,\s+(?:and|but|yet|while|which|where|who|whereas|although|though|according)\b|"
                          r"\b(?:in a bid to|in order to|so as to|in an (?:effort|attempt) to|with the aim of)\b")
_AND_CLAUSE = re.compile(r",\s+and\s+(?:the\s+)?")
_CUT_OFF = re.compile(r"\s+(?:[\w’'-]+\s+){1,5}?off\b")
_MODIFIER_AFTER = re.compile(r"[-‑](?:backed|led|based|owned|run|funded|brokered|made|style|linked)\b")
_BY_AFTER = re.compile(r"\bby\s+(?:the\s+)?$")

@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    key: str               # asset id or verb form


class ClaimExtractor:
    """The lexicons compiled into automata once; :meth:`extract` runs per document."""

    def __init__(self, lexicon: ClaimLexicon | None = None, words: dict[str, ClaimWords] | None = None):
        self.lexicon = lexicon or load_claim_lexicon()
        self.asset_matcher = AliasMatcher(self.lexicon.asset_cues)
        self.verb_matcher = AliasMatcher({form: [form] for form in self.lexicon.verbs})
        # Other languages (claim_words.yaml): their verb forms, their asset cues with the English ones ("SWIFT").
        self.words = load_claim_words() if words is None else words
        self.abroad: dict[str, tuple] = {}
        for language, verbs in self.lexicon.verbs_abroad.items():
            if self.words and language not in self.words:
                raise LexiconError(f"claim_verbs.yaml lists forms_abroad for '{language}' but claim_words.yaml has no "
                                   f"'{language}' entry; add its words (speech, negation, hedges ...) there")
            if language in self.words:
                cues = {cue: sorted({*ids, *self.lexicon.cues_abroad.get(language, {}).get(cue, ())})
                        for cue, ids in self.lexicon.asset_cues.items()}
                cues.update({c: ids for c, ids in self.lexicon.cues_abroad.get(language, {}).items() if c not in cues})
                self.abroad[language] = (self.words[language], AliasMatcher(cues),
                                         AliasMatcher({form: [form] for form in verbs}), verbs)

    def extract(self, doc_id: str, text: str, sentences: list[dict], mentions: list[dict],
                amounts: list[Amount] | list[dict], language: str | None = None) -> list[dict]:
        """Rows of the ``claims`` table for one document, in text order, read with ``language``'s words."""
        words, asset_matcher, verb_matcher, verb_table = self.abroad.get(
            language or "en", (_ENGLISH, self.asset_matcher, self.verb_matcher, self.lexicon.verbs))
        sentences = sorted(sentences, key=lambda s: s["start"])
        money = [a for a in map(_as_tuple, amounts) if a[3] == "money"]
        in_money = _Covered((a[0], a[1]) for a in money)
        assets = [_Span(m.start, m.end, m.owners[0]) for m in asset_matcher.find(text)
                  if not in_money.covers(m.start)]  # "dollars" inside "3 billion dollars"
        in_assets = _Covered((a.start, a.end) for a in assets)
        in_mentions = _Covered((n["start"], n["end"]) for n in mentions)
        sentence_starts = {s["start"] for s in sentences}
        # A verb form inside a name is not a verb: "New Development Bank", "Mir payment system".
        verbs = [_Span(m.start, m.end, m.alias.lower()) for m in verb_matcher.find(text)
                 if not in_assets.covers(m.start) and not in_mentions.covers(m.start)
                 and not (text[m.start].isupper() and m.start not in sentence_starts and not words.nouns_capitalised)]
        actors = sorted((m for m in mentions if m.get("actor_type") in ACTOR_TYPES), key=lambda m: (m["start"], m["end"]))
        speakers = Speakers(text, sentences, actors, None if words is _ENGLISH else words)
        starts = [s["start"] for s in sentences]
        by_sentence = {name: _group(items, starts, position)
                       for name, items, position in (("assets", assets, lambda a: a.start),
                                                     ("verbs", verbs, lambda v: v.start),
                                                     ("actors", actors, lambda m: m["start"]),
                                                     ("money", money, lambda a: a[0]))}
        rows: list[dict] = []
        for position, sentence in enumerate(sentences):
            s_end = sentence["end"]
            s_assets = [a for a in by_sentence["assets"].get(position, []) if a.start < s_end]
            s_verbs = [v for v in by_sentence["verbs"].get(position, []) if v.start < s_end]
            if not s_assets or not s_verbs:
                continue
            # Not actors: mentions inside an asset name ("US" of "US Treasuries") or modifying a noun
            # ("BRICS-backed New Development Bank": the bank is the actor).
            s_actors = [m for m in by_sentence["actors"].get(position, []) if m["start"] < s_end
                        and not in_assets.covers(m["start"]) and not _MODIFIER_AFTER.match(text, m["end"])]
            s_money = [a for a in by_sentence["money"].get(position, []) if a[0] < s_end]
            seen: set[tuple[str, str]] = set()
            for verb in s_verbs:
                if links.ADJECTIVAL.search(text, max(0, verb.start - 12), verb.start):
                    continue  # "the most traded currency": a description, not a move
                claimed = [r["end"] for r in rows if r["sent_idx"] == sentence["sent_idx"]]
                if claimed and links.PURPOSE.search(text, max(claimed), verb.start):
                    continue  # "joined mBridge in order to speed up payments using CBDCs": the motive of the move
                action, polarity = verb_table[verb.key]
                if _CUT_OFF.match(text, verb.end) and verb.key in {"cut", "cuts", "cutting"}:
                    action, polarity = self.lexicon.verbs.get("cut off", ("ban", "exclude"))  # "cut X off from SWIFT"
                if polarity == "exclude" and _PASSIVE.search(text, max(0, verb.start - 30), verb.start) and \
                        not verb.key.endswith("ing"):  # "will be discontinuing service" is no passive
                    action = "excluded"  # "Iran has been cut off from SWIFT": the subject is the one shut out
                first = _object_of(text, verb, s_verbs, s_assets, self.lexicon.object_side.get(action, "either"),
                                   words.object_before, words.likeness, words is _ENGLISH)
                first = links.measured(text, first, s_assets)
                if first is None:
                    continue
                if action in links.TRADED and self.lexicon.assets[first.key].kind == "currency" and \
                        links.IN_BEFORE.search(text, verb.end, first.start):
                    action, polarity = "settle", "acquire"  # "sold oil in yuan": the yuan is the means of payment
                # "Russia's Mir", "China's yuan": the owner of a system or currency is not its adopter; but
                # "Freedonia's gold reserves": the possessor of an asset is its holder.
                owners = ({id(m) for m in s_actors if _owns(text, m, first)}
                          if self.lexicon.assets[first.key].kind != "asset" else set())
                candidates = [m for m in s_actors if id(m) not in owners]
                subjects, clause_start = _subjects(text, sentence, verb, first, candidates,
                                                   "settle" if action == "settle" else polarity, words)
                pair = links.between_pair(text, verb, sentence, s_actors) if action in links.BILATERAL else None
                if pair:  # "trade in local currencies between A and B": the two sides are the actors
                    subjects = pair
                if not subjects and polarity == "exclude" and first.end <= verb.start and \
                        self.lexicon.assets[first.key].kind == "system":
                    # "SWIFT will disconnect the bank": the network that shuts someone out is the actor
                    subjects = [{"actor_name": self.lexicon.assets[first.key].name, "start": first.start}]
                if not subjects:
                    continue
                window = text[max(clause_start, verb.start - 100):verb.start]
                negated = bool(words.negation.search(window[-60:]))
                status = words.status(window, negated, self.lexicon.status_cap.get(action))
                speaker = (speaker_of_clause(text, sentence, clause_start, actors, words.speech)
                           or speakers.of(sentence["sent_idx"]))
                objects = _coordinated(text, first, s_assets, words)
                # "replaced the dollar with the euro", "ditch the dollar in favour of the yuan": the euro is taken up
                instead = links.replacement(text, objects[-1], s_assets) if polarity == "divest" else None
                for asset in objects + (_coordinated(text, instead, s_assets, words) if instead else []):
                    entry = self.lexicon.assets[asset.key]
                    turned = polarity if asset.start < objects[-1].end + 1 else "acquire"
                    if polarity != "exclude" and (words.contrary.search(text[verb.end:asset.start])
                                                  or _FORMERLY.search(window)):
                        turned = "divest" if polarity == "acquire" else "acquire"
                    direction = DIRECTION.get((turned, entry.side), "neutral")
                    amount = amount_for(text, verb, asset, clause_start, s_money)
                    self._add(rows, seen, doc_id, sentence, subjects, verb, asset, entry, action, direction, amount,
                              status, speaker, negated, text)
            links.fold_dollar(rows, sentence["sent_idx"], self.lexicon.assets["currency:USD"].name)
        return rows

    @staticmethod
    def _add(rows: list[dict], seen: set, doc_id: str, sentence: dict, subjects: list[dict], verb: _Span,
             asset: _Span, entry: AssetEntry, action: str, direction: str, amount: tuple | None, status: str,
             speaker: str | None, negated: bool, text: str) -> None:
        for subject in subjects:
            key = (subject["actor_name"], entry.name)
            if key in seen:  # "settle trade ... in yuan": two verb forms, one claim
                continue
            seen.add(key)
            rows.append({
                "doc_id": doc_id, "sent_idx": sentence["sent_idx"], "actor_name": subject["actor_name"],
                "actor_country": subject.get("country"),
                "action": action, "asset": entry.name, "direction": direction,
                "amount_usd": amount[5] if amount else None, "amount_text": amount[2] if amount else None,
                "amount_role": amount_role(text, action, amount),
                "start": min(subject["start"], verb.start), "end": max(asset.end, verb.end),
                "period": period_of(text, sentence, verb), "status": status, "attributed_to": speaker,
                "asserted_by_article": speaker is None, "negated": negated,
                "asset_kind": entry.kind, "verb": text[verb.start:verb.end],
            })


class _Covered:
    """Is a position inside one of a set of spans? (Spans of one kind do not overlap; bisect, not a scan.)"""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.spans[index][0] <= position < self.spans[index][1]


def _group(items: list, starts: list[int], position) -> dict[int, list]:
    """Items by the index of the sentence (sorted starts) they begin in, keeping their order."""
    groups: dict[int, list] = {}
    for item in items:
        index = bisect.bisect_right(starts, position(item)) - 1
        if index >= 0:
            groups.setdefault(index, []).append(item)
    return groups


def _as_tuple(a: Amount | dict) -> tuple:
    if isinstance(a, dict):
        return (a["start"], a["end"], a["text"], a["kind"], a["value"], a["amount_usd"])
    return (a.start, a.end, a.text, a.kind, a.value, a.amount_usd)


def _object_of(text: str, verb: _Span, verbs: list[_Span], assets: list[_Span], side: str = "either",
               before_window: int = _BEFORE_WINDOW, likeness: re.Pattern | None = None,
               english: bool = True) -> _Span | None:
    """The asset a verb is about: the nearest after it, unless another verb is nearer; else the asset just before
    it ("gold purchases", "holdings of Treasuries fell"). ``side`` restricts the search to one side; ``english``:
    only what English word order lets stand between an object and a verb after it (a verb-final clause of
    another language, "in Yuan abzurechnen", puts the object first)."""
    for asset in assets if side != "before" else ():
        if asset.start >= verb.end and asset.start - verb.end <= _OBJECT_WINDOW:
            between = text[verb.end:asset.start]
            if _OBJECT_STOP.search(between) or any(verb.end <= v.start < asset.start for v in verbs):
                break
            if likeness and likeness.search(between):  # "criar algo como o euro": a comparison, not the object
                continue
            return asset
        if asset.start >= verb.end:
            break
    for asset in reversed(assets) if side != "after" else ():
        if asset.end <= verb.start and verb.start - asset.end <= before_window:
            between = text[asset.end:verb.start]
            if not re.search(r"[,;:.“”\"]", between) and not any(asset.end <= v.start < verb.start for v in verbs) \
                    and (not english or links.BEFORE_LINK[
                        side == "before" or bool(_NOMINAL.search(text[verb.start:verb.end].lower()))].fullmatch(between)):
                return asset
            break
    return None


def _coordinated(text: str, first: _Span, assets: list[_Span], words: ClaimWords = _ENGLISH) -> list[_Span]:
    """The object and those joined to it: "in rupees and dirhams", "gold, yuan or euros"."""
    chosen = [first]
    for asset in assets:
        if asset.start >= chosen[-1].end and words.coordinated.fullmatch(text[chosen[-1].end:asset.start]):
            chosen.append(asset)
    if words.coordinate_back:  # "ihre Reserven in Yuan und Gold aufgestockt": the object stands before the verb
        for asset in reversed([a for a in assets if a.end <= first.start]):
            if not words.coordinated.fullmatch(text[asset.end:chosen[0].start]):
                break
            chosen.insert(0, asset)
    return chosen


def _owns(text: str, mention: dict, asset: _Span) -> bool:
    """"Russia's Mir", "China’s CIPS system": the owner of a system is not the one adopting it."""
    return re.fullmatch(r"\s*[’']s\s+", text[mention["end"]:asset.start]) is not None


def _subjects(text: str, sentence: dict, verb: _Span, asset: _Span, mentions: list[dict],
              polarity: str, words: ClaimWords = _ENGLISH) -> tuple[list[dict], int]:
    """The actor mentions that do the verb (several when coordinated), and where the verb's clause starts."""
    clause_start = sentence["start"]
    for brk in CLAUSE_BREAK.finditer(text, sentence["start"], verb.start):
        clause_start = brk.end()
    listed = links.members(text, clause_start, verb, mentions)
    if listed:
        return listed, clause_start
    # ", and" starts a new clause; a list of actors ending in one ("Brazil, Russia, and China sold ...") is
    # joined up again below.
    own_start = clause_start
    for brk in _AND_CLAUSE.finditer(text, clause_start, verb.start):
        clause_start = brk.end()
    and_start = clause_start
    speech_end = None
    for speech in words.speech.finditer(text, clause_start, verb.start):
        speech_end = speech.end()
    if speech_end is not None:
        clause_start = speech_end
    verb_form = text[verb.start:verb.end].lower()
    # A noun form with a place of adoption: "the implementation of Mir across Venezuela".
    if _NOMINAL.search(verb_form) and verb.end <= asset.start:
        for m in mentions:
            if m["actor_type"] == "country" and asset.end <= m["start"] < sentence["end"] and \
                    _LOCATIVE_AFTER.match(text[asset.end:m["start"]]):
                return [m], clause_start
    appositives = [(a.start(), a.end()) for a in _APPOSITIVE.finditer(text, clause_start, verb.start)
                   if not (links.INTRO.match(text, clause_start) and
                           not any(clause_start <= m["start"] < a.start() for m in mentions))]
    asked = [a.end() for a in links.ASKED.finditer(text, clause_start, verb.start)
             if any(m["start"] == a.end() for m in mentions)]  # "suggested that Freedonia consider ...": Freedonia
    before = [m for m in mentions if max([clause_start, *asked]) <= m["start"] and m["end"] <= verb.start
              and not any(s < m["start"] < e for s, e in appositives)
              and not _after_preposition(text, m, clause_start, words)]
    if words.preposition_chains:  # "zwischen Russland und China": both are objects of the preposition
        inside = [m for m in mentions if clause_start <= m["start"] and m["end"] <= verb.start]
        for m, nxt in zip(inside, inside[1:]):
            gap = text[m["end"]:nxt["start"]]
            if m not in before and nxt in before and gap.strip() != "," and words.joined.fullmatch(gap):
                before.remove(nxt)
    if before:
        first = before[0]
        group = [first]
        for m in before[1:]:
            link = text[group[-1]["end"]:m["start"]]
            if words.joined.fullmatch(link) or (
                    m["actor_type"] == "person" and links.TITLED_LINK.fullmatch(link)):  # "and Ruritanian finance minister X"
                group.append(m)
            else:
                break
        if group[0]["start"] == clause_start and _AND_CLAUSE.search(text[max(0, clause_start - 8):clause_start]):
            earlier = [m for m in mentions if sentence["start"] <= m["start"] and m["end"] < clause_start]
            while earlier and re.fullmatch(r"\s*,\s*(?:and\s+)?(?:the\s+)?", text[earlier[-1]["end"]:group[0]["start"]]):
                group.insert(0, earlier.pop())
        return group, clause_start
    if own_start < and_start and links.VERB_FIRST.match(text, and_start):
        # "Ruritania refused X, and insisted on Y": the verb phrase shares the subject before ", and"
        shared = [m for m in mentions if own_start <= m["start"] < and_start
                  and not _after_preposition(text, m, own_start)]
        if shared:  # its clause starts at its verb, speech verb or not ("and insisted on ...")
            return shared[:1], and_start
    if speech_end is not None and _PRONOUN.match(text, clause_start):
        for m in reversed([m for m in mentions if sentence["start"] <= m["start"] < clause_start]):
            return [m], clause_start
    if polarity == "acquire":  # "Mir cards were brought into wider use in Venezuela" (not "settle ... in China")
        for m in mentions:
            if m["actor_type"] == "country" and verb.end <= m["start"] < sentence["end"] and \
                    _LOCATIVE_AFTER.match(text[verb.end:m["start"]]):
                return [m], clause_start
    for m in mentions:  # a passive or noun form: "purchases by China"
        if verb.end <= m["start"] < sentence["end"] and _BY_AFTER.search(text[max(verb.end, m["start"] - 12):m["start"]]):
            return [m], clause_start
    return [], clause_start


def _after_preposition(text: str, mention: dict, clause_start: int, lexicon: ClaimWords = _ENGLISH) -> bool:
    """"with Russia", "in the Chinese market": not a subject. "Bank of China" (a name) is kept."""
    before = text[clause_start:mention["start"]]
    words = re.findall(r"[\w’']+", before)
    while words and words[-1].lower() in lexicon.articles:
        words.pop()
    if not words or words[-1].lower() not in lexicon.prepositions:
        return False
    return not (words[-1] in lexicon.of and len(words) > 1 and words[-2][:1].isupper())


@lru_cache(maxsize=4)
def _default_extractor(folder: str) -> ClaimExtractor:
    return ClaimExtractor(load_claim_lexicon(folder))


def claim_rows(doc_id: str, text: str, sentences: list[dict], mentions: list[dict], amounts: list,
               extractor: ClaimExtractor | None = None) -> list[dict]:
    """Rows of the ``claims`` table for one document (pure: text, sentences, mentions, amounts in)."""
    return (extractor or _default_extractor(str(LEXICON_DIR))).extract(doc_id, text, sentences, mentions, amounts)
