"""Status and attribution of a claim: how sure its sentence is, and on whose word it is given.

- **Status** from hedges and modality before the verb (Hyland 1998, *Hedging in Scientific Research
  Articles*, on hedges as markers of epistemic commitment): ``denied`` (negation or denial),
  ``speculative`` (may, could, might), ``proposed`` (propose, urge, should), ``planned`` (will, plans
  to, agreed to), else ``reported`` (:func:`claim_status`).
- **Attribution**: "according to X", "X said", "said X", and quotations whose speaker is named in the
  same or a neighbouring sentence (:class:`Speakers`, :func:`speaker_of_clause`). Nobody credited means
  the article states the claim in its own voice.

The speech verbs come from ``data/lexicons/words/speech_verbs.yaml`` (:func:`analysis.lexicons.words.speech_verbs`),
one list per rule.

>>> claim_status("the central bank could", negated=False)
'speculative'
>>> bool(SPEECH.search("Officials said that Ruritania sold gold"))
True
"""
from __future__ import annotations

import re

from analysis.lexicons.words import alternation, speech_verbs

__all__ = ["SPEECH", "CLAUSE_BREAK", "NEGATION", "SPECULATIVE", "PROPOSED", "PLANNED", "claim_status", "speaker_of_clause", "Speakers"]

_VERBS = speech_verbs()
# Speech verbs; the weak ones ("added", "noted", "announced") only when no object follows: "China added gold".
SPEECH = re.compile(rf"\b(?:(?:{alternation(_VERBS['reporting'])}|(?:{alternation(_VERBS['reporting_to'])})\s+\w+)\b"
                    rf"|(?:{alternation(_VERBS['reporting_if_nothing_follows'])})(?=\s*(?:that\b|[,:.”\"]|$)))"
                    r"(?:\s+that\b)?")
CLAUSE_BREAK = re.compile(r"[;:]|\s[–—]\s|,\s+(?:while|but|whereas|although|though)\b")
NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|cannot|denied|denies|deny|denying|rejected|rejects|reject|"
                      r"ruled out|rules out|refused|refuses|declined|declines|dismissed|dismisses)\b|n[’']t\b",
                      re.IGNORECASE)
SPECULATIVE = re.compile(r"\b(?:could|might|may|threat(?:en|ens|ened|ening)|possibly|perhaps|potentially|likely|"
                          r"unlikely|expected to|"
                          r"speculat\w*|rumou?r\w*|if)\b", re.IGNORECASE)
PROPOSED = re.compile(r"\b(?:propos\w*|suggest\w*|insist(?:s|ed|ing)? on|call(?:s|ed|ing)? for|urg\w*|should|push(?:es|ed|ing)? for|"
                       r"advocat\w*|consider\w*|discuss\w*|study|studying|feasibility|idea)\b", re.IGNORECASE)
PLANNED = re.compile(r"\b(?:will|would|shall|[’']ll|plan(?:s|ned|ning)?(?: to)?|intend\w*|intention|aim(?:s|ed)? to|"
                      r"set to|due to|going to|agreed to|agree to|prepared to|ready to|pledg\w*|seek\w*|"
                      r"is to|are to|commit\w* to)\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]{2,80})")
_SAID_NAME = re.compile(rf"(?:{alternation(_VERBS['before_speaker'])})\s+(?P<who>[A-Z][\w’'.-]*"
                        r"(?:\s+(?:[A-Z][\w’'.-]*|de|da|van|von|bin|al))*)")
_GROUP_SPEAKER = re.compile(r"(?P<who>(?:[A-Z][\w’'-]*\s+)*(?i:officials|analysts|sources|diplomats|economists|"
                            r"experts|traders|bankers|people familiar with [\w ]+|spokesman|spokeswoman|spokesperson|"
                            r"ministry|government|observers|commentators|supporters|sceptics|skeptics))\s+"
                            rf"(?:have\s+|had\s+)?(?:also\s+)?(?i:{alternation(_VERBS['after_group'])})\b")
_QUOTE_OPEN, _QUOTE_CLOSE = "“\"«", "”\"»"


def claim_status(window: str, negated: bool, cap: str | None = None,
                 hedges: tuple[re.Pattern, re.Pattern, re.Pattern] | None = None) -> str:
    """The status the words before a verb give its claim; ``hedges``: another language's (speculative,
    proposed, planned) patterns instead of the English ones; ``cap``: the most a verb can assert."""
    speculative, proposed, planned = hedges or (SPECULATIVE, PROPOSED, PLANNED)
    if negated:
        return "denied"
    if speculative.search(window):
        return "speculative"
    if proposed.search(window) or cap == "proposed":
        return "proposed"
    if planned.search(window) or cap == "planned":
        return "planned"
    return "reported"


def speaker_of_clause(text: str, sentence: dict, clause_start: int, actors: list[dict],
                      speech_verbs: re.Pattern = SPEECH) -> str | None:
    """Who speaks when the claim's clause follows a speech verb: "India has repeatedly said it …" -> India."""
    speech = None
    for match in speech_verbs.finditer(text, sentence["start"], clause_start):
        if match.end() == clause_start:
            speech = match
    if speech is None:
        return None
    start = sentence["start"]
    for brk in CLAUSE_BREAK.finditer(text, sentence["start"], speech.start()):
        start = brk.end()
    group = _GROUP_SPEAKER.search(text, start, speech.end()) if speech_verbs is SPEECH else None
    if group and group.end("who") >= speech.start() - 20:
        return " ".join(group.group("who").split())
    named = [m for m in actors if start <= m["start"] and m["end"] <= speech.start()
             and re.fullmatch(r"[\s,]*(?:[\w’']+\s+){0,2}", text[m["end"]:speech.start()])]
    return named[-1]["actor_name"] if named else None


class Speakers:
    """Who each sentence is credited to, where the text says so; worked out only for sentences with a claim."""

    def __init__(self, text: str, sentences: list[dict], actors: list[dict], words=None):
        self.text, self.sentences, self.actors = text, sentences, actors
        self.words = words  # another language's ClaimWords (analysis.narratives.claim_words); None: English
        self.position = {s["sent_idx"]: i for i, s in enumerate(sentences)}
        self.direct: dict[int, str | None] = {}

    def _direct(self, position: int) -> str | None:
        sentence = self.sentences[position]
        if sentence["sent_idx"] not in self.direct:
            self.direct[sentence["sent_idx"]] = _speaker_in(self.text, sentence, self.actors, self.words)
        return self.direct[sentence["sent_idx"]]

    def of(self, sent_idx: int) -> str | None:
        position = self.position[sent_idx]
        who = self._direct(position)
        if who is None and _in_quotation(self.text, self.sentences[position]):
            # The quote's speaker is named in a neighbouring sentence ("X noted:" before, "X said" after).
            for i in (position + 1, position + 2, position - 1):
                if 0 <= i < len(self.sentences) and (who := self._direct(i)):
                    break
        return who


def _speaker_in(text: str, sentence: dict, actors: list[dict], words=None) -> str | None:
    s_start, s_end = sentence["start"], sentence["end"]
    body = text[s_start:s_end]
    inside = [m for m in actors if s_start <= m["start"] < s_end]

    def resolve(start: int, end: int, fallback: str) -> str:
        named = [m for m in inside if start <= m["start"] < end]
        people = [m for m in named if m["actor_type"] == "person"]
        chosen = (people or named)
        return chosen[0]["actor_name"] if chosen else " ".join(fallback.split())

    english = words is None  # other languages: their "according to" and speech verbs, not the English-only rules
    match = (_ACCORDING if english else words.according).search(body)
    if match:  # a named person, or an actor that is the whole source ("according to the Kremlin"); else as written
        who = match.group("who").strip()
        start, end = s_start + match.start("who"), s_start + match.start("who") + len(who)
        people = [m for m in inside if start <= m["start"] < end and m["actor_type"] == "person"]
        whole = [m for m in inside if m["end"] == end and re.fullmatch(r"(?:the\s+)?", text[start:m["start"]])]
        chosen = people or whole
        return chosen[0]["actor_name"] if chosen else " ".join(who.split())
    match = _GROUP_SPEAKER.search(body) if english else None
    if match:
        return " ".join(match.group("who").split())
    for match in _SAID_NAME.finditer(body) if english else ():
        if re.search(r"[”\"]\s*,?\s*$", body[:match.start()]) or match.start() > len(body) / 2:
            return resolve(s_start + match.start("who"), s_start + match.end("who"), match.group("who"))
    for speech in (SPEECH if english else words.speech).finditer(body):
        if speech.group().startswith(("expects", "believes", "estimated")) and not inside:
            continue
        named = [m for m in inside if m["end"] <= s_start + speech.start() and
                 re.fullmatch(r"[\s,]*(?:[\w’']+\s+){0,2}" if english else r"\s*(?:[\w’']+\s+){0,2}",
                              text[m["end"]:s_start + speech.start()])]
        if not english and not named:  # "dijo el ministro X", "a déclaré X": the speaker after the verb
            named = [m for m in inside if s_start + speech.end() <= m["start"] and
                     re.fullmatch(r"\s*(?:[\w’']+\s+){0,3}", text[s_start + speech.end():m["start"]])][:1]
        if named:
            people = [m for m in named if m["actor_type"] == "person"]
            return (people or named)[-1]["actor_name"]
    if body.rstrip().endswith(":"):
        people = [m for m in inside if m["actor_type"] == "person"]
        if people:
            return people[-1]["actor_name"]
    return None


def _in_quotation(text: str, sentence: dict) -> bool:
    """The sentence opens with a quotation mark, or sits inside a quotation opened earlier in its paragraph."""
    body = text[sentence["start"]:sentence["end"]].lstrip()
    if body[:1] in _QUOTE_OPEN:
        return True
    paragraph_start = text.rfind("\n", 0, sentence["start"]) + 1
    before = text[paragraph_start:sentence["start"]]
    return sum(before.count(q) for q in "“«") > sum(before.count(q) for q in "”»")
