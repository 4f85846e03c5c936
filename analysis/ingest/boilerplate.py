"""Line-level boilerplate removal for scraped news, precise rather than greedy.

Each rule names what it removes; removed lines are kept (with the rule's name) for
audit. Removing a sentence of the article is worse than keeping a junk line, so a
rule fires only on a whole line that matches it, and short title-like lines (which
are often real section headings) are removed only with positive evidence: an
advertising vocabulary, or a position after a "related stories" marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LINE_RULES", "RemovedLine", "is_title_like", "classify_line", "strip_boilerplate"]

_I = re.IGNORECASE
_SOCIAL = (r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|e-mail|mail|courriel|correo|print|drucken|"
           r"imprimer|imprimir|vk|pinterest|copy link|link kopieren|copier le lien|copiar (?:o )?link)")
# The same chrome in the corpus's other languages (Spanish, Portuguese, French, German): "Lesedauer: 3 Min.",
# "Lire aussi :", "Compartilhe:", "Anzeige". Each is a whole line that no article sentence is.
_READ_TIME_WORDS = r"(?:read time|reading time|lesedauer|lesezeit|temps de lecture|tempo de leitura|tiempo de lectura)"
_MINUTES = r"\d+\s*(?:min(?:ute)?s?|minuten|minutes|minutos)\.?"
_SEE_ALSO = (r"(?:see also|read also|also read|lesen sie auch|lesen sie mehr|mehr zum thema|siehe auch|lire aussi|"
             r"[àa] lire aussi|voir aussi|leia também|leia mais|veja também|lea también|lee también|ver también|"
             r"le puede interesar|te puede interesar)")
_SHARE = r"(?:share(?: this(?: article)?)?|share on|follow us(?: on)?|teilen|artikel teilen|partager|partagez|compartilhe|compartilhar|compartir|comparte)"

# (reason, pattern): a line matching the whole pattern is boilerplate.
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("read_time", re.compile(rf"{_READ_TIME_WORDS}\s*:?\s*{_MINUTES}(?:\s*,\s*\d+\s*sec(?:ond)?s?)?|"
                             rf"{_MINUTES}\s+(?:read|lesezeit|de lecture|de leitura|de lectura)", _I)),
    ("see_also", re.compile(rf"{_SEE_ALSO}\b.*|(?:read more|related|mehr dazu|en savoir plus|saiba mais|más información)\s*:.*", _I)),
    ("reader_prompt", re.compile(r"what do you think\s*\??|tell us what you think.*|share your thoughts.*", _I)),
    ("comment_form", re.compile(
        r"leave a (?:reply|comment)|cancel reply|post comment|required fields are marked\s*\*?|"
        r"your e-?mail address will not be (?:published|shared|displayed)\.?.*|"
        r"(?:comment|name|email|website)\s*\*?|save my name, email.*|"
        r"laisser un commentaire|laisser une réponse|deixe (?:um comentário|uma resposta)|deja (?:un comentario|una respuesta)|"
        r"schreibe einen kommentar|kommentar (?:schreiben|hinterlassen|verfassen)", _I)),
    ("hashtags", re.compile(r"(?:#[\w-]+[\s,]*)+")),
    ("empty_tag_line", re.compile(r"(?:in|tags?|categories|filed under)\s*:?\s*(?:,\s*)+,?|(?:tags?|categories)\s*:?", _I)),
    ("share_buttons", re.compile(rf"{_SHARE}\s*:?\s*(?:{_SOCIAL}[\s,|·•]*)*|(?:{_SOCIAL}[\s,|·•]*){{2,}}", _I)),
    ("breadcrumb", re.compile(r"(?:home|startseite|accueil|início|inicio|portada)\s*(?:»|›|>|/|\|)\s*.+", _I)),
    ("advertisement", re.compile(r"advertisement|sponsored(?: content)?|ad|scroll to continue(?: with content)?|"
                                 r"anzeige|werbung|publicité|publicidade|publicidad", _I)),
    ("crypto_ticker", re.compile(r"(?:\$[A-Z]{2,6}\s+[\d.,]+\s+[+\-−][\d.,]+%\s*)+")),
]

# Prompts that are only boilerplate when they stand as a short line without a full stop
# ("More interesting news - subscribe"); a sentence that mentions subscribing is kept.
_SHORT_PROMPTS = re.compile(r".*\b(?:subscribe|newsletter|sign up|follow us|abonnieren|abonnez-vous|"
                            r"s'abonner|inscreva-se|assine|suscríbete|suscribirse)\b.*", _I)

# Stray ad headings look like section headings; only these product words give them away.
_AD_WORDS = re.compile(
    r"\b(?:stocks?|shares to buy|etfs?|dividends?|brokers?|trading platforms?|credit cards?|loans?|"
    r"insurance|mortgages?|savings accounts?|forex|casinos?|betting|crypto exchanges?|passive income)\b", _I)

# Markers after which title-like lines are related-story links, not article text.
_RELATED_MARKERS = {"reader_prompt"}
_RELATED_HEADER = re.compile(r"(?:related (?:stories|posts|articles|news)|you may also like|more from .{1,40}|"
                             r"recommended(?: for you)?|most read|das könnte sie auch interessieren|meistgelesen|"
                             r"vous aimerez aussi|les plus lus|(?:as )?mais lidas|você também pode gostar|"
                             r"lo más leído|más leídas|también te puede interesar)\s*:?", _I)

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


@dataclass(frozen=True)
class RemovedLine:
    line_no: int
    text: str
    reason: str


def is_title_like(line: str, max_words: int = 16) -> bool:
    """A short line that does not end as a sentence does: a heading, a headline, a link.

    >>> is_title_like("Gold Buying Continues"), is_title_like("Central banks bought gold.")
    (True, False)
    """
    words = line.split()
    return 0 < len(words) <= max_words and not _SENTENCE_END.search(line)


def _is_ad_heading(line: str) -> bool:
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return is_title_like(line, max_words=8) and capitalised >= 0.6 * len(words) and bool(_AD_WORDS.search(line))


def classify_line(line: str) -> str | None:
    """The boilerplate rule that matches this whole (stripped) line, or ``None``.

    >>> classify_line("Share this article"), classify_line("Gold rose.")
    ('share_buttons', None)
    """
    for reason, pattern in LINE_RULES:
        if pattern.fullmatch(line):
            return reason
    if is_title_like(line, max_words=10) and _SHORT_PROMPTS.fullmatch(line):
        return "subscribe_prompt"
    if _is_ad_heading(line):
        return "advertisement"
    return None


def strip_boilerplate(lines: list[str]) -> tuple[list[tuple[int, str]], list[RemovedLine]]:
    """Split ``lines`` into kept ``(line_no, text)`` pairs and removed lines with reasons.

    Empty lines are dropped silently (they carry no text). After a related-stories
    marker ("What do you think?", "Related stories"), title-like lines are related
    headlines; a real sentence after them is kept.
    """
    kept: list[tuple[int, str]] = []
    removed: list[RemovedLine] = []
    in_related_block = False
    for number, line in enumerate(lines):
        if not line:
            continue
        reason = classify_line(line)
        if reason is None and _RELATED_HEADER.fullmatch(line):
            reason = "related_header"
        if reason is None and in_related_block and is_title_like(line):
            reason = "related_headline"
        if reason in _RELATED_MARKERS or reason == "related_header":
            in_related_block = True
        if reason is None:
            kept.append((number, line))
        else:
            removed.append(RemovedLine(number, line, reason))
    return kept, removed
