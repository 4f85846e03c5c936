"""Every regular expression of the actor stage, compiled here from the word lists in one place.

The words come from ``data/lexicons/words/*.yaml`` (:mod:`analysis.lexicons.wordlists`,
:mod:`analysis.lexicons.titles`); what stays here is how they are written into patterns. Several
patterns are read backwards: a context that must end right before a name ("Prime Minister ",
"officials in ") is matched once, anchored, on the reversed text before the name, which tells the
same yes or no as a search that tries every position of a long sentence.
"""
from __future__ import annotations

import re

from analysis.lexicons.currencies import CurrencyTable
from analysis.lexicons.titles import (
    DEPUTY_QUALIFIERS,
    OFFICE_NAMES,
    OFFICE_WORDS,
    PAST_QUALIFIERS,
    QUALIFIERS,
    ROLE_WORDS,
)
from analysis.lexicons.wordlists import (
    ACCORDING_TO,
    HEAD_COMPLEMENTS,
    HEADLINE_WORDS,
    JOINING_WORDS,
    LOCATIVES,
    LOWER_CASE_NAME_ENDS,
    NO_NAME_WORDS,
    NOT_CURRENCY_WORDS,
    NOT_PERSON_WORDS,
    ORDINALS,
    ORG_HEADS_FIRST,
    ORG_HEADS_LAST,
    OTHER_SENSE,
    PERSON_TITLES,
    REGNAL_NUMBERS,
    SPEECH_VERBS,
    STATE_BODY_WORDS,
    STATE_VOICES,
)

__all__ = [
    "PAST_QUALIFIERS", "DEPUTY_QUALIFIERS", "TITLE_BEFORE", "TITLE_BEFORE_REVERSED", "TITLE_BEFORE_SEARCH",
    "TITLE_BEFORE_SOLID", "LONGEST_TITLE", "LONGEST_QUALIFIER", "LOCATIVE_REVERSED", "LOCATIVE_REVERSED_ABROAD",
    "NO_NAME_WORDS_ABROAD", "BEFORE_CONTEXT", "AFTER_CONTEXT", "OFFICE_NAMES", "NOT_IN_A_PERSONS_NAME",
    "CAPITALISED_RUN", "ORG_HEADS", "ORG_HEADS_FIRST", "LOWER_CASE_ORGANISATION", "LOWER_CASE_NAME_LANGUAGES",
    "HEAD_COMPLEMENTS", "OFFICE_INSIDE", "HEADLINE_WORD", "NAME_OF", "AFTER_CAPITALISED_AND", "ORDINAL_BEFORE",
    "TITLE_OWNER_TYPES", "OFFICE_BETWEEN", "NAME_BEFORE", "NAME_AFTER", "STATE_BODY_WORDS", "APPOSITION",
    "NAME_AFTER_DESCRIPTION", "HYPHEN_BEFORE_CAPITAL", "HYPHEN_BEFORE_LETTER", "REGNAL_NUMBERS", "ACRONYM_WORD",
    "CAPITALISED_NEXT", "NAME_GOES_ON", "QUALIFIER_BEFORE_COUNTRY", "AFFILIATION_BEFORE", "BESIDE_A_TITLE",
    "ACRONYM_AFTER", "TRUNCATED_START", "country_after", "trie_pattern", "description_patterns", "template_regex",
]

# Titles and role descriptions (passes 2 and 3) -------------------------------------------------------------------
_TITLES = "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True))
_QUALIFIERS = tuple(QUALIFIERS)
_QUALIFIER = rf"(?:(?i:{'|'.join(_QUALIFIERS)})[\s-]+)?"
# The letters a qualifier or a title starts with (either case, as the patterns match them).
_ROLE_STARTS = "".join(sorted({word[0] for word in (*_QUALIFIERS, *ROLE_WORDS)}))
# A title ending right before a person's name: "Chinese Prime Minister ", "Russia's new Defense Minister ".
TITLE_BEFORE = re.compile(rf"(?P<qualifier>{_QUALIFIER})(?P<title>(?i:{_TITLES}))\.?\s+(?:(?i:mr|ms|mrs|dr)\.?\s+)?$")
# What may follow a country mention to make a role description: "’s foreign minister", " president";
# ``name``: a name follows, so the title is the person's ("Indian Foreign Minister S. Jaishankar").
_ROLE_AFTER = re.compile(rf"(?:[’']s)?\s+(?P<qualifier>{_QUALIFIER})(?P<title>(?i:{_TITLES}))\b(?P<name>\s+[A-Z][\w.])?")
# At most this many characters of a TITLE_BEFORE match are neither whitespace nor hyphens
# (qualifier, title, full stop, "Mrs."), so the search can start that close to the name.
TITLE_BEFORE_SOLID = max(map(len, _QUALIFIERS)) + max(len(t.replace(" ", "")) for t in ROLE_WORDS) + 5
# TITLE_BEFORE read backwards from the name, without the optional qualifier: whether the text
# before a name ends with a title at all, checked with one anchored match on the reversed text.
TITLE_BEFORE_REVERSED = re.compile(r"\s+(?:\.?(?i:rm|sm|srm|rd)\s+)?\.?"
                                   + "(?=(?i:[" + "".join(sorted({t[-1] for t in ROLE_WORDS})) + "]))"  # a title's last letter
                                   + r"(?P<title>(?i:"
                                   + "|".join(sorted((re.escape(t[::-1]) for t in ROLE_WORDS), key=len, reverse=True))
                                   + "))")
# TITLE_BEFORE for a search: a match starts with a qualifier or a title, so positions whose
# character starts neither are passed over at once (the same case folding as the pattern's).
TITLE_BEFORE_SEARCH = re.compile(rf"(?=(?i:[{_ROLE_STARTS}])){TITLE_BEFORE.pattern}")
LONGEST_TITLE, LONGEST_QUALIFIER = max(map(len, ROLE_WORDS)), max(map(len, _QUALIFIERS))
QUALIFIER_BEFORE_COUNTRY = re.compile(r"\b(" + "|".join(PAST_QUALIFIERS) + r")[\s-]+$", re.IGNORECASE)  # "former Brazilian"
APPOSITION = re.compile(r",[ \t]+(?=[A-Z])")  # "Venezuela's foreign minister, Yván Gil"
NAME_AFTER_DESCRIPTION = re.compile(r",?[ \t]+(?=[A-Z])")  # "el canciller ruso, Serguéi Lavrov", "... Lavrov"
BESIDE_A_TITLE = re.compile(r"(?:[’']s)?[ \t]+")  # between a country and the title that starts an alias

# Metonyms (pass 4) -----------------------------------------------------------------------------------------------
_LOCATIVE_WORDS = LOCATIVES["en"]
# Whether a locative word (and "the") ends right before a name, not after "according" nor after a
# state voice: one anchored match on the text before the name, reversed, rather than a search of it.
LOCATIVE_REVERSED = re.compile(r"(?i:(?:\s+eht)?\s+(?:" + "|".join(re.escape(w[::-1]) if w != "to" else "ot(?! gnidrocca)"
                                                            for w in _LOCATIVE_WORDS) + r")\b"
                               + r"(?!\s+(?:" + "|".join(re.escape(w[::-1]) for w in STATE_VOICES) + r")\b))")
# The same words in the corpus's other languages ("en Moscú", "à Pékin", "nach Moskau"), read beside the
# English ones in articles in that language.
LOCATIVE_REVERSED_ABROAD = {
    language: re.compile(r"(?i:\s+(?:" + "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
                         + r")(?!\w))|" + LOCATIVE_REVERSED.pattern)
    for language, words in LOCATIVES.items() if language != "en"}
HYPHEN_BEFORE_CAPITAL = re.compile(r"-(?=[A-Z])")  # "Russo-Chinese", "Franco-German"
HYPHEN_BEFORE_LETTER = re.compile(r"-(?=[^\W\d_])")  # "sino-rusas", "franco-alemán"
CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
# A capitalised word after a capital or a seat of government goes on a name the dictionary does not
# know ("Moscow Nights", "Washington Consensus"), unless it is an office ("Kremlin Spokesman", "White
# House Aide": the government's), a weekday or a month ("Moscow Monday said").
NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:" + "|".join(sorted(map(re.escape, OFFICE_NAMES), key=len, reverse=True))
                          + r"|Aides?|Officials?|Press"
                          r"|Sources?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                          r"|July|August|September|October|November|December)\b)[A-Z][a-z]")
# Two capitalised words inside a sentence (after a lower-case word or a comma), not a longer run.
NAME_BEFORE = re.compile(r"(?<=[a-z,;] )(?P<word>[A-Z][a-z]+) $")
NAME_AFTER = re.compile(r" (?P<word>[A-Z][a-z]+)(?![\w’'\-]| +[A-Z])")

# New names (pass 5) ----------------------------------------------------------------------------------------------
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŠŽČŘ]"
_NAME_WORD = rf"{_CAP}[\w’'\-]*\w"
_PARTICLE = r"(?:da|de|do|dos|das|del|van|von|bin|al|ibn|la|le)"
# Occupations and titles before a name, in every language (the lists are alternatives: their order is no matter).
_PERSON_TITLES = "|".join(dict.fromkeys(word for words in PERSON_TITLES.values() for word in words))
_APPOSITIVE_CONTEXT = re.compile(rf",\s+(?:a|an|the)?\s*[^,.;\n]{{0,80}}?\b"
                                 rf"(?i:{'|'.join(map(re.escape, _PERSON_TITLES.split('|')))}"
                                 rf"|official|diplomat|expert|head|chief)\b")
# A title before the name ("analyst Maria Lopes", "adviser to the Central Bank Ana Paz"), read backwards
# from the name, as an anchored match on the reversed text: the same yes or no as searching for a
# match that ends at the name, without trying every position.
_NAME_WORD_REVERSED = rf"\w[\w’'\-]*{_CAP}"
_TITLE_CONTEXT_REVERSED = re.compile(
    rf"\s+(?:(?:{_NAME_WORD_REVERSED}\s+)*{_NAME_WORD_REVERSED}\s+(?:eht\s+)?(?:ot|fo|rof|ta)\s+)?\.?"
    rf"(?i:{'|'.join(re.escape(word[::-1]) for word in _PERSON_TITLES.split('|'))})\b")
# Speech verbs of the corpus's other languages, which also put them before the speaker ("«…», dijo
# Lucía Arámbula", "a déclaré Jean Dupont", "sagte Anna Weber"), and their "according to".
_SPEECH_VERBS_ABROAD = tuple(word for language, words in SPEECH_VERBS.items() if language != "en" for word in words)
_ACCORDING_ABROAD = tuple(word for language, words in ACCORDING_TO.items() if language != "en" for word in words)
_ACCORDING_CONTEXT_REVERSED = re.compile(
    r"\s+(?i:ot gnidrocca|dias|(?:" + "|".join(re.escape(w[::-1]) for w in _SPEECH_VERBS_ABROAD + _ACCORDING_ABROAD)
    + r")(?!\w))")
_SPEECH_CONTEXT = re.compile(r"\s+(?:" + "|".join(map(re.escape, SPEECH_VERBS.get("en", ()) + _SPEECH_VERBS_ABROAD))
                             + r")\b")
# The context patterns in their order of precedence, one alternative (named for the kind) each:
# a title, then "according to" (or a speech verb) before the name, read backwards; a speech verb,
# then an appositive after it.
BEFORE_CONTEXT = re.compile(rf"(?P<title_before>{_TITLE_CONTEXT_REVERSED.pattern})|"
                            rf"(?P<according_to>{_ACCORDING_CONTEXT_REVERSED.pattern})")
AFTER_CONTEXT = re.compile(rf"(?P<speech_verb>{_SPEECH_CONTEXT.pattern})|(?P<appositive>{_APPOSITIVE_CONTEXT.pattern})")
# Capitalised words of the corpus's other languages that start no name (articles, German titles).
NO_NAME_WORDS_ABROAD = NO_NAME_WORDS
# Capitalised words that no person's name has: function words, weekdays, organisations' words, and
# titles and honorifics written before a name ("Ambassador Lin Wei", "Deputy Prime Minister Anna
# Kovac", "Mr Xi"), dropped from the front of a new name, which then keeps its context.
NOT_IN_A_PERSONS_NAME = frozenset({*NOT_PERSON_WORDS, *HEADLINE_WORDS, *OFFICE_NAMES})
# Words joined by an en dash ("Lagos–Lisbon Finance Lab") and linked by particles or prepositions
# ("Río de la Plata Trade Observatory", "Andes Observatory on Asia") stay one name.
_CONNECTOR = rf"(?:{_PARTICLE}(?:[ \t]+{_PARTICLE})?|of|of[ \t]+the|for|on|für)"  # "Institut für ..."
CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?|–){_NAME_WORD})+")
# Head nouns that make an unknown capitalised name an organisation ("Meridian Policy Lab"), and those
# that Spanish, Portuguese and French put first ("Instituto Cono Sur de Estudios Monetarios").
ORG_HEADS = ORG_HEADS_LAST
# French, Spanish and Portuguese write an institution's name in lower case after its first word
# ("l’Observatoire lémanique des réserves monétaires"): a capitalised head, its adjectives, and at
# least one complement joined by de/des/du/da/do..., up to punctuation, a capitalised word or a word
# that ends the name (a verb of saying, a preposition).
_ENDS_A_LOWER_CASE_NAME = tuple(dict.fromkeys((
    *(word for words in LOWER_CASE_NAME_ENDS.values() for word in words),
    *(word for word in _SPEECH_VERBS_ABROAD + _ACCORDING_ABROAD if " " not in word))))
# A word of the name: neither one that ends it nor one that joins a complement (which the pattern reads apart,
# so that each word can be read one way only and a failed match gives up at once).
_LOWER_WORD = (r"(?!(?:" + "|".join(sorted(map(re.escape, _ENDS_A_LOWER_CASE_NAME + JOINING_WORDS), key=len, reverse=True))
               + r")(?![\w’'\-]))[a-zà-öø-ÿ][\w\-]*")
LOWER_CASE_ORGANISATION = re.compile(
    r"(?<![\w\-])(?:" + "|".join(sorted(map(re.escape, ORG_HEADS_FIRST), key=len, reverse=True)) + r")"  # "l’Institut" too
    rf"(?:[ \t]+{_LOWER_WORD})*"
    rf"(?:(?:[ \t]+(?:{'|'.join(map(re.escape, JOINING_WORDS))})(?:[ \t]+(?:la|las|los|les))?[ \t]+|[ \t]+d[’']){_LOWER_WORD}"
    rf"(?:[ \t]+{_LOWER_WORD})*)+(?![\w’'\-])")
LOWER_CASE_NAME_LANGUAGES = frozenset(LOWER_CASE_NAME_ENDS)
# Office words inside a run, before a name: " CEO ", " Chief Executive ", " Governor ".
OFFICE_INSIDE = re.compile(r"[ \t]+(?:(?:" + "|".join(sorted(map(re.escape, OFFICE_NAMES), key=len, reverse=True))
                           + r")[ \t]+)+(?=[A-Z])")
# A headline word inside a run of capitalised words: the run is a headline in title case.
HEADLINE_WORD = re.compile(r"[ \t](?:" + "|".join(map(re.escape, HEADLINE_WORDS)) + r")[ \t]")
# A run whose front is joined to the rest by "of": "Tomasz Rurik of the Aldersgate Institute".
NAME_OF = re.compile(rf"(?P<front>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*)[ \t]+of(?:[ \t]+the)?[ \t]+(?={_CAP})")
# "Belt and Road Forum": a run that follows "<Capitalised> and " may be the tail of a longer name whose
# start is unknown, so it stays a candidate rather than becoming an organisation named "Road Forum".
AFTER_CAPITALISED_AND = re.compile(r"[A-Z][\w’'\-]*[ \t]+and[ \t]+$")
ORDINAL_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, ORDINALS)) + r"|\d+(?:st|nd|rd|th))[ \t]+$")
# A word in capitals that no person's name has, unlike regnal numbers and "Jr" ("Charles III").
ACRONYM_WORD = re.compile(r"(?<![\w.])(?!(?:" + "|".join(sorted(REGNAL_NUMBERS | {"JR", "SR"}, key=len, reverse=True))
                          + r")\b)[A-Z]{2,}(?![\w.])")
# An occupation and "at" before a name: the name is where the person works ("a strategist at ",
# "an economist with the state-run ").
AFFILIATION_BEFORE = re.compile(r"\b(?:economist|analyst|researcher|strategist|fellow|professor|lecturer|scholar|expert|"
                                r"adviser|advisor|trader|editor)s?\s+(?:at|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$")

# Flags (pass 7) and the final clean-up -----------------------------------------------------------------------------
# An office written between an organisation and a person's name: " Secretary-General ", " Managing
# Director ", "’s chief economist ", " President ".
TITLE_OWNER_TYPES = {"organization", "group"}
OFFICE_BETWEEN = re.compile(r"(?:[’']s)?\s+(?i:(?:" + "|".join(sorted(map(re.escape, OFFICE_WORDS), key=len, reverse=True))
                            + r")(?:[\s-]+|$))+")  # "Secretary-General": two office words joined by a hyphen
ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9+.&\-]{1,11})\)")
TRUNCATED_START = re.compile(r"[a-z][\w’'\-]*")

# Currencies and bodies after a country (passes 1 and 4) ----------------------------------------------------------
# A country named only as the issuer of a currency or a debt instrument ("the US dollar", "Hong Kong
# dollar", "Australian and Canadian dollars", "US Treasuries") is not an actor of the story. The
# currency words are those of the currency table (ISO 4217 names and the news forms of currencies.yaml),
# put where the regex comment stands by country_after. Words with another everyday sense ("South Korea
# won the vote") name a currency only after a demonym ("South Korean won"): the group ``other_sense``
# tells them apart. "Yields to" is the verb ("Iran yields to pressure").
_DEBT = (r"Treasuries|Treasury[ \t]+(?:bonds?|bills?|notes?|securities|holdings|yields?|debt|market)|"
         r"government[ \t]+(?:bonds?|debt)|debt|bonds?|yields?(?![ \t]+to\b)")
_CURRENCY_AFTER = rf"(?:[’']s)?(?:[ \t]+(?:and|or)[ \t]+{_CAP}\w+)?[ \t]+(?:(?#currencies)|{_DEBT})\b"
# What follows a country mention, in one match: a currency (neither ``title`` nor ``institution``
# group), else a role, else (see country_after) one of its bodies' descriptions ("’s central bank").
# All need whitespace first, and a role's next word starts with one of _ROLE_STARTS: lookaheads
# that turn most countries away before the alternatives are tried.
_COUNTRY_AFTER_PATTERN = (rf"(?=(?:[’']s)?\s)(?:(?:{_CURRENCY_AFTER})|"
                          + _ROLE_AFTER.pattern.replace(r"\s+(?P<qualifier>", rf"\s+(?=(?i:[{_ROLE_STARTS}]))(?P<qualifier>", 1)
                          + "(?#institutions))")  # a regex comment, where country_after puts the descriptions


def country_after(descriptions: set[str], currencies: CurrencyTable) -> re.Pattern[str]:
    """What may follow a country's mention (a currency, a title, a body), with the currency table's
    words and the bodies' ``descriptions``, put where the pattern's regex comments stand."""
    words = {name.split()[-1].lower() for currency in currencies.currencies.values()
             for name in (currency.name, *currency.names)} - NOT_CURRENCY_WORDS
    words = {word for word in words if word.isalpha()}
    other_sense = {word for word in words if word in OTHER_SENSE or word[:-1] in OTHER_SENSE}  # and plurals
    currency_words = rf"(?i:{trie_pattern(words - other_sense)})s?"
    if other_sense:
        currency_words += rf"|(?P<other_sense>(?i:{trie_pattern(other_sense)})s?)"
    return re.compile(_COUNTRY_AFTER_PATTERN.replace("(?#currencies)", currency_words).replace(
        "(?#institutions)", rf"|(?:[’']s)?\s+(?P<institution>(?i:{trie_pattern(descriptions)}))\b"))


def trie_pattern(words: set[str]) -> str:
    """A regex for any of ``words`` (a blank in one matches any whitespace), longest first, written
    as a trie ("b(?:aht|irr)"): the regex engine tries a letter, not each of some hundred words.
    Matches nothing when ``words`` is empty.

    >>> trie_pattern({"baht", "birr"})
    'b(?:aht|irr)'
    >>> re.fullmatch(trie_pattern({"rial", "rials"}), "rials") is not None
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + branch(node[char]) for char in sorted(node) if char]
        if "" in node:
            branches.append("")  # the word may end here: tried last, so the longest match wins
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return branch(trie) if trie else "(?!)"


def description_patterns(template: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """What a description's template ("(ministro|ministra) {} de Defensa") has before the country, as
    a pattern that ends where the country starts, and after it, as one that starts where it ends."""
    before, after = (template_regex(part) for part in template.split("{}"))
    return (re.compile(rf"(?<!\w){before}\s*$", re.IGNORECASE) if before else None,
            re.compile(rf"\s+{after}(?!\w)", re.IGNORECASE) if after else None)


def template_regex(words: str) -> str:
    r"""A template's words as a pattern: "(a|b)" alternatives, any blank between words.

    >>> template_regex("(ministro|ministra) de  Defensa")
    '(?:ministro|ministra)\\s+de\\s+Defensa'
    """
    pattern = re.escape(" ".join(words.split())).replace(r"\(", "(?:").replace(r"\)", ")").replace(r"\|", "|")
    return pattern.replace(r"\ ", r"\s+")
