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

import bisect
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from functools import lru_cache
from operator import attrgetter

from analysis.actors.matching import AliasMatcher, longest_first
from analysis.lexicons.actors import Actor, ActorDictionary
from analysis.lexicons.currencies import CurrencyTable, load_currencies
from analysis.lexicons.io import read_lexicon
from analysis.lexicons.titles import (
    CHANCELLOR_IS_FINANCE_MINISTER,
    FAMILY_NAME_FIRST,
    LEADER_IS_HEAD_OF_GOVERNMENT,
    ROLE_WORDS,
)

_TITLES = "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True))
# A past qualifier dates a title before the article ("former president"); a deputy's names another office.
_PAST_QUALIFIERS = ("former", "then", "ex", "outgoing")
_DEPUTY_QUALIFIERS = ("deputy", "vice", "first")
_QUALIFIERS = ("new", *_PAST_QUALIFIERS, "acting", "incoming", "current", *_DEPUTY_QUALIFIERS)
_QUALIFIER = rf"(?:(?i:{'|'.join(_QUALIFIERS)})[\s-]+)?"
# The letters a qualifier or a title starts with (either case, as the patterns match them).
_ROLE_STARTS = "".join(sorted({word[0] for word in (*_QUALIFIERS, *ROLE_WORDS)}))
# A title ending right before a person's name: "Chinese Prime Minister ", "Russia's new Defense Minister ".
_TITLE_BEFORE = re.compile(rf"(?P<qualifier>{_QUALIFIER})(?P<title>(?i:{_TITLES}))\.?\s+(?:(?i:mr|ms|mrs|dr)\.?\s+)?$")
# What may follow a country mention to make a role description: "’s foreign minister", " president";
# ``name``: a name follows, so the title is the person's ("Indian Foreign Minister S. Jaishankar").
_ROLE_AFTER = re.compile(rf"(?:[’']s)?\s+(?P<qualifier>{_QUALIFIER})(?P<title>(?i:{_TITLES}))\b(?P<name>\s+[A-Z][\w.])?")
# At most this many characters of a _TITLE_BEFORE match are neither whitespace nor hyphens
# (qualifier, title, full stop, "Mrs."), so the search can start that close to the name.
_TITLE_BEFORE_SOLID = max(map(len, _QUALIFIERS)) + max(len(t.replace(" ", "")) for t in ROLE_WORDS) + 5
# _TITLE_BEFORE read backwards from the name, without the optional qualifier: whether the text
# before a name ends with a title at all, checked with one anchored match on the reversed text.
_TITLE_BEFORE_REVERSED = re.compile(r"\s+(?:\.?(?i:rm|sm|srm|rd)\s+)?\.?"
                                    + "(?=(?i:[" + "".join(sorted({t[-1] for t in ROLE_WORDS})) + "]))"  # a title's last letter
                                    + r"(?P<title>(?i:"
                                    + "|".join(sorted((re.escape(t[::-1]) for t in ROLE_WORDS), key=len, reverse=True))
                                    + "))")
# _TITLE_BEFORE for a search: a match starts with a qualifier or a title, so positions whose
# character starts neither are passed over at once (the same case folding as the pattern's).
_TITLE_BEFORE_SEARCH = re.compile(rf"(?=(?i:[{_ROLE_STARTS}])){_TITLE_BEFORE.pattern}")
_LONGEST_TITLE, _LONGEST_QUALIFIER = max(map(len, ROLE_WORDS)), max(map(len, _QUALIFIERS))
_LOCATIVE_WORDS = ("in", "at", "to", "from", "near", "outside", "inside", "across", "around", "via", "toward", "towards",
                   "visit", "visits", "visited", "visiting", "arrived in", "held in", "hosted in")
# Except after those who speak for a state: "officials in Tehran", "readouts from Moscow" are the state.
_STATE_VOICES = ("officials", "official", "authorities", "diplomats", "policymakers", "leaders", "lawmakers",
                 "regulators", "negotiators", "sources", "readouts", "readout", "statements", "statement")
# Whether a locative word (and "the") ends right before a name, not after "according" nor after a
# state voice: one anchored match on the text before the name, reversed, rather than a search of it.
_LOCATIVE_REVERSED = re.compile(r"(?i:(?:\s+eht)?\s+(?:" + "|".join(w[::-1] if w != "to" else "ot(?! gnidrocca)"
                                                             for w in _LOCATIVE_WORDS) + r")\b"
                                + r"(?!\s+(?:" + "|".join(w[::-1] for w in _STATE_VOICES) + r")\b))")
# The same words in the corpus's other languages ("en Moscú", "à Pékin", "nach Moskau"), read beside the
# English ones in articles in that language; Spanish and Portuguese "de" is left out: "de Caracas" is as
# often the state's ("los intereses de Caracas") as the place's.
_LOCATIVE_WORDS_ABROAD = {
    "es": ("en", "desde", "hacia", "cerca de", "visitó", "visita", "llegó a", "viajó a"),
    "pt": ("em", "no", "na", "desde", "perto de", "visitou", "visita", "chegou a", "viajou a", "viajou para"),
    "fr": ("à", "en", "depuis", "vers", "près de", "visité", "visite", "arrivé à"),
    "de": ("in", "nach", "aus", "bei", "besuchte", "besucht"),
}
_LOCATIVE_REVERSED_ABROAD = {
    language: re.compile(r"(?i:\s+(?:" + "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
                         + r")(?!\w))|" + _LOCATIVE_REVERSED.pattern)
    for language, words in _LOCATIVE_WORDS_ABROAD.items()}

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŠŽČŘ]"
_NAME_WORD = rf"{_CAP}[\w’'\-]*\w"
_PARTICLE = r"(?:da|de|do|dos|das|del|van|von|bin|al|ibn|la|le)"
_PERSON_TITLES = (r"ambassador|envoy|minister|president|governor|senator|spokesman|spokeswoman|spokesperson|analyst|"
                  r"strategist|economist|adviser|advisor|aide|director|chairman|chairwoman|chair|professor|secretary|"
                  r"commander|general|columnist|correspondent|editor|fellow|researcher|mr|ms|mrs|dr|"
                  r"chief|head|boss|executive|ceo|"  # "VTB chief Andrei Kostin", "IMF head Kristalina Georgieva"
                  # the same cues in the corpus's other languages (es, pt, fr, de)
                  r"analista|economista|ministro|ministra|presidente|presidenta|embajador|embajadora|embaixador|"
                  r"portavoz|porta-voz|directora|diretor|diretora|investigador|investigadora|profesor|profesora|"
                  r"professora|gobernador|gobernadora|governador|canciller|chanceler|ministre|présidente|"
                  r"ambassadeur|ambassadrice|porte-parole|directeur|directrice|chercheur|chercheuse|économiste|"
                  r"präsident|präsidentin|botschafter|botschafterin|sprecher|sprecherin|direktor|direktorin|"
                  r"ökonom|ökonomin|analystin|professorin|forscher|forscherin")
# Contexts that make a run of capitalised words a person's name (checked around each run).
_TITLE_CONTEXT = re.compile(rf"\b(?i:{_PERSON_TITLES})\.?(?:\s+(?:to|of|for|at)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*)?\s+$")
_ACCORDING_CONTEXT = re.compile(r"(?i:according to|said)\s+$")
_APPOSITIVE_CONTEXT = re.compile(rf",\s+(?:a|an|the)?\s*[^,.;\n]{{0,80}}?\b(?i:{_PERSON_TITLES}|official|diplomat|expert|head|chief)\b")
# The two patterns above read backwards from the name, as anchored matches on the reversed text:
# the same yes or no as searching for a match that ends at the name, without trying every position.
_NAME_WORD_REVERSED = rf"\w[\w’'\-]*{_CAP}"
_TITLE_CONTEXT_REVERSED = re.compile(
    rf"\s+(?:(?:{_NAME_WORD_REVERSED}\s+)*{_NAME_WORD_REVERSED}\s+(?:eht\s+)?(?:ot|fo|rof|ta)\s+)?\.?"
    rf"(?i:{'|'.join(word[::-1] for word in _PERSON_TITLES.split('|'))})\b")
# Capitalised words of the corpus's other languages that start no name: articles at a sentence's
# start and, in German, which capitalises every noun, the titles and occupations before a name.
_NO_NAME_WORDS_ABROAD = {
    "de": frozenset({"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen", "Laut",
                     "Ökonom", "Ökonomin", "Analyst", "Analystin", "Experte", "Expertin", "Sprecher", "Sprecherin", "Chef",
                     "Chefin", "Minister", "Ministerin", "Präsident", "Präsidentin", "Kanzler", "Kanzlerin", "Bundeskanzler",
                     "Finanzminister", "Finanzministerin", "Außenminister", "Außenministerin", "Wirtschaftsminister",
                     "Wirtschaftsministerin", "Verteidigungsminister", "Verteidigungsministerin", "Botschafter",
                     "Botschafterin", "Gouverneur", "Gouverneurin", "Professor", "Professorin", "Direktor", "Direktorin",
                     "Vorsitzende", "Vorsitzender", "Regierungschef", "Staatschef", "Premierminister",
                     "Ministerpräsident", "Zentralbankchef", "Notenbankchef", "Herr", "Frau", "Dr."}),
    "es": frozenset({"El", "La", "Los", "Las", "Un", "Una", "Según"}),
    "pt": frozenset({"O", "A", "Os", "As", "Um", "Uma", "Segundo"}),
    "fr": frozenset({"Le", "La", "Les", "Un", "Une", "Selon", "M.", "Mme"}),
}
# Speech verbs in the corpus's other languages, which also put them before the speaker ("«…», dijo
# Lucía Arámbula", "a déclaré Jean Dupont", "sagte Anna Weber"), and their "according to".
_SPEECH_VERBS_ABROAD = ("dijo", "afirmó", "señaló", "declaró", "explicó", "advirtió", "opinó", "aseguró", "indicó",
                        "disse", "afirmou", "declarou", "explicou", "alertou", "a déclaré", "a dit", "a affirmé",
                        "a expliqué", "a souligné", "sagte", "erklärte", "betonte", "warnte")
_ACCORDING_ABROAD = ("según", "segundo", "selon", "laut")
_ACCORDING_CONTEXT_REVERSED = re.compile(
    r"\s+(?i:ot gnidrocca|dias|(?:" + "|".join(re.escape(w[::-1]) for w in _SPEECH_VERBS_ABROAD + _ACCORDING_ABROAD)
    + r")(?!\w))")
_SPEECH_CONTEXT = re.compile(r"\s+(?:said|says|told|noted|added|wrote|argued|warned|explained|stressed|stated|announced|"
                             r"confirmed|" + "|".join(map(re.escape, _SPEECH_VERBS_ABROAD)) + r")\b")
# The context patterns in their order of precedence, one alternative (named for the kind) each.
_BEFORE_CONTEXT = re.compile(rf"(?P<title_before>{_TITLE_CONTEXT_REVERSED.pattern})|"
                             rf"(?P<according_to>{_ACCORDING_CONTEXT_REVERSED.pattern})")
_AFTER_CONTEXT = re.compile(rf"(?P<speech_verb>{_SPEECH_CONTEXT.pattern})|(?P<appositive>{_APPOSITIVE_CONTEXT.pattern})")
# Words of an office or an honorific, written before a name ("Deputy Prime Minister", "Managing Director",
# "Sheikh", "Mr"): they are no part of a new name, and between an organisation and a person's name
# they make the organisation part of the person's title.
_OFFICE_WORDS = ("minister", "president", "secretary", "governor", "prime", "premier", "vice", "deputy", "first",
                 "chancellor", "chief", "executive", "managing", "director", "head", "chair", "chairman",
                 "chairwoman", "chairperson", "general", "commissioner", "representative", "special", "high",
                 "officer", "spokesman", "spokeswoman", "spokesperson", "economist", "adviser", "advisor",
                 "ambassador", "envoy", "senator", "professor", "prof", "commander", "admiral", "colonel", "mayor",
                 "speaker", "crown", "prince", "princess", "king", "queen", "emir", "sheikh", "ayatollah", "supreme",
                 "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "former", "acting", "interim", "senior", "ceo")
# The office words as written before a name, capitalised ("Chief Executive", "CEO", "Secretary-General").
_OFFICE_NAMES = (*(word.capitalize() for word in _OFFICE_WORDS), "CEO", "CFO", "COO", "Secretary-General",
                 "Director-General")
# Function words that a headline in title case capitalises ("Xi Meets Putin As China And Russia ..."),
# and that no name written in a sentence has with a capital inside it.
_HEADLINE_WORDS = ("As", "And", "Or", "To", "For", "At", "Against", "With", "In", "On", "Of", "The", "Over", "After",
                   "Amid", "From", "By", "Into", "Is", "Are", "Was", "Will", "Its", "Their", "Says", "Say")
_NOT_PERSON_WORDS = {
    "The", "A", "An", "In", "On", "At", "This", "That", "These", "Those", "Both", "It", "He", "She", "They", "We",
    "But", "And", "Or", "If", "As", "When", "While", "After", "Before", "According", "Since", "Meanwhile",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Bank", "Ministry", "Council", "Organization", "Organisation", "Union", "Times", "News", "Agency", "Group",
    "Fund", "Forum", "Party", "Daily", "Post", "Review", "Monitor", "Wire", "Journal", "Ledger", "Tribune", "Lab",
    "Institute", "University", "Committee", "Commission", "Company", "Corporation", "Exchange", "Square",
    "Street", "Intelligence", "Research", "Markets", "Market", "Foundation", "Centre", "Center", "Summit",
    "System", "Systems", "Initiative", "Declaration", "Treasury", "Treasuries", "Federation", "Republic", "Kingdom",
    "Affairs", "Minister", "President", "Secretary", "Governor", "Foreign", "Defense", "Defence", "Finance",
    "Según", "Segundo", "Selon", "Laut",  # "according to" at the start of a sentence
    "Analyst", "Strategist", "Researcher", "Columnist", "Correspondent", "Editor",  # "Analyst Maria Lopes"
    # function words no person's name has ("Reporters Without Borders", "From Beijing With Love")
    *_HEADLINE_WORDS, "Without", "Under", "Between", "Through", "Across", "Beyond",
    # titles and honorifics written before a name ("Ambassador Lin Wei", "Deputy Prime Minister Anna
    # Kovac", "Mr Xi"): dropped from the front of a new name, which then keeps its context
    *_OFFICE_NAMES,
}
# Words joined by an en dash ("Lagos–Lisbon Finance Lab") and linked by particles or prepositions
# ("Río de la Plata Trade Observatory", "Andes Observatory on Asia") stay one name.
_CONNECTOR = rf"(?:{_PARTICLE}(?:[ \t]+{_PARTICLE})?|of|of[ \t]+the|for|on|für)"  # "Institut für ..."
_CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?|–){_NAME_WORD})+")
# A country named only as the issuer of a currency or a debt instrument ("the US dollar", "Hong Kong
# dollar", "Australian and Canadian dollars", "US Treasuries") is not an actor of the story. The
# currency words are those of the currency table (analysis.narratives.amounts: ISO 4217 names and the news forms
# of currencies.yaml), put where the regex comment stands by _country_after. Words with another
# everyday sense ("South Korea won the vote", "China's real estate", "Russia pounds Kyiv", "Russia
# marks the day") name a currency only after a demonym ("South Korean won", "Brazilian real", "British
# pounds"): the group ``other_sense`` tells them apart. "Yields to" is the verb ("Iran yields to pressure").
_DEBT = (r"Treasuries|Treasury[ \t]+(?:bonds?|bills?|notes?|securities|holdings|yields?|debt|market)|"
         r"government[ \t]+(?:bonds?|debt)|debt|bonds?|yields?(?![ \t]+to\b)")
_CURRENCY_AFTER = rf"(?:[’']s)?(?:[ \t]+(?:and|or)[ \t]+{_CAP}\w+)?[ \t]+(?:(?#currencies)|{_DEBT})\b"
_OTHER_SENSE = {"real", "won", "pound", "mark", "sol", "sum", "colon"}
# Last words of the table's names that name no currency after a country: "Russia's gold" (XAU), SDR's
# "special drawing rights", and the words of fund units ("Unidad de Fomento", "Peso Uruguayo ...").
_NOT_CURRENCY_WORDS = {"gold", "oro", "rights", "sdr", "sdrs", "fomento", "previsional", "uruguayo", "omani", "mvdol",
                       "soberano"}
# What follows a country mention, in one match: a currency (neither ``title`` nor ``institution``
# group), else a role, else (see _country_after) one of its bodies' descriptions ("’s central bank").
# All need whitespace first, and a role's next word starts with one of _ROLE_STARTS: lookaheads
# that turn most countries away before the alternatives are tried.
_COUNTRY_AFTER_PATTERN = (rf"(?=(?:[’']s)?\s)(?:(?:{_CURRENCY_AFTER})|"
                          + _ROLE_AFTER.pattern.replace(r"\s+(?P<qualifier>", rf"\s+(?=(?i:[{_ROLE_STARTS}]))(?P<qualifier>", 1)
                          + "(?#institutions))")  # a regex comment, where _country_after puts the descriptions
# Head nouns that make an unknown capitalised name an organisation ("Meridian Policy Lab").
# Publication heads (Review, Monitor, Times...) are left out: outlets are sources, not actors.
_ORG_HEADS = {"Institute", "Institution", "Lab", "Laboratory", "Centre", "Center", "Forum", "Group", "Observatory",
              "Network", "Analytics", "Advisory", "Partners", "Fund", "Bank", "Council", "Desk", "Research",
              "Foundation", "University", "Academy", "Association", "Commission", "Committee", "Authority",
              "Corporation", "Exchange", "Ministry", "Studies", "Agency", "Consultancy", "Associates", "Capital",
              "Securities", "Economics", "Investments", "Holdings", "Management", "Consulting", "Ratings", "Insights",
              "Strategies", "Zentrum", "Stiftung", "Gruppe", "Institut"}
# Spanish, Portuguese and French names put the head first ("Instituto Cono Sur de Estudios Monetarios").
_ORG_HEADS_FIRST = {"Instituto", "Centro", "Banco", "Fundación", "Fundação", "Observatorio", "Observatório", "Consejo",
                    "Conselho", "Institut", "Fondation", "Conseil", "Observatoire", "Banque", "Grupo", "Groupe", "Foro",
                    "Universidad", "Universidade", "Université", "Núcleo", "Centre", "Fórum", "Forum"}
# French, Spanish and Portuguese write an institution's name in lower case after its first word
# ("l’Observatoire lémanique des réserves monétaires", "el Instituto de estudios monetarios"): a
# capitalised head, its adjectives, and at least one complement joined by de/des/du/da/do..., up to
# punctuation, a capitalised word or a word that ends the name (a verb of saying, a preposition).
_ENDS_A_LOWER_CASE_NAME = tuple(dict.fromkeys((
    "le", "la", "les", "el", "lo", "los", "las", "o", "os", "as", "a", "à", "au", "aux", "ont", "est", "sont", "et", "ou",
    "qui", "que", "dont", "où", "en", "dans", "pour", "par", "avec", "sur", "sous", "depuis", "vers", "chez",
    "entre", "contre", "y", "es", "son", "ha", "han", "con", "para", "por", "desde", "sobre", "sin", "e", "é",
    "são", "tem", "têm", "em", "no", "na", "nos", "nas", "com", "un", "une", "um", "uma", "una",
    # verbs of saying in the present and past, beside the speech verbs and "according to" words read before a speaker
    "estime", "indique", "affirme", "souligne", "note", "explique", "prévoit", "publie", "annonce",
    "estima", "indica", "señala", "prevé", "publicó", "anunció", "aponta", "prevê", "publicou", "anunciou",
    *(word for word in _SPEECH_VERBS_ABROAD + _ACCORDING_ABROAD if " " not in word))))
_JOINING_WORDS = ("de", "des", "du", "del", "da", "do", "das", "dos")
# A word of the name: neither one that ends it nor one that joins a complement (which the pattern reads apart,
# so that each word can be read one way only and a failed match gives up at once).
_LOWER_WORD = (r"(?!(?:" + "|".join(sorted(_ENDS_A_LOWER_CASE_NAME + _JOINING_WORDS, key=len, reverse=True))
               + r")(?![\w’'\-]))[a-zà-öø-ÿ][\w\-]*")
_LOWER_CASE_ORGANISATION = re.compile(
    r"(?<![\w\-])(?:" + "|".join(sorted(_ORG_HEADS_FIRST, key=len, reverse=True)) + r")"  # "l’Institut" too
    rf"(?:[ \t]+{_LOWER_WORD})*"
    rf"(?:(?:[ \t]+(?:{'|'.join(_JOINING_WORDS)})(?:[ \t]+(?:la|las|los|les))?[ \t]+|[ \t]+d[’']){_LOWER_WORD}"
    rf"(?:[ \t]+{_LOWER_WORD})*)+(?![\w’'\-])")
_LOWER_CASE_NAME_LANGUAGES = {"fr", "es", "pt"}
# Words that join a head to its complement ("Institute of International Finance", "Council on Foreign
# Relations"): a head followed by one stays at the front of a new name.
_HEAD_COMPLEMENTS = {"of", "for", "on", "de", "del", "da", "do", "des", "du", "für"}
# "Belt and Road Forum": a run that follows "<Capitalised> and " may be the tail of a longer name whose
# start is unknown, so it stays a candidate rather than becoming an organisation named "Road Forum".
# Office words inside a run, before a name: " CEO ", " Chief Executive ", " Governor " (see _OFFICE_WORDS).
_OFFICE_INSIDE = re.compile(r"[ \t]+(?:(?:" + "|".join(sorted(_OFFICE_NAMES, key=len, reverse=True)) + r")[ \t]+)+(?=[A-Z])")
# A headline word inside a run of capitalised words: the run is a headline in title case.
_HEADLINE_WORD = re.compile(r"[ \t](?:" + "|".join(_HEADLINE_WORDS) + r")[ \t]")
# A run whose front is joined to the rest by "of": "Tomasz Rurik of the Aldersgate Institute".
_NAME_OF = re.compile(rf"(?P<front>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*)[ \t]+of(?:[ \t]+the)?[ \t]+(?={_CAP})")
_AFTER_CAPITALISED_AND = re.compile(r"[A-Z][\w’'\-]*[ \t]+and[ \t]+$")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "annual", "inaugural")
_ORDINAL_BEFORE = re.compile(r"\b(?:" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th))[ \t]+$")
# An office written between an organisation and a person's name: " Secretary-General ", " Managing
# Director ", "’s chief economist ", " President " (see _OFFICE_WORDS).
_TITLE_OWNER_TYPES = {"organization", "group"}
_OFFICE_BETWEEN = re.compile(r"(?:[’']s)?\s+(?i:(?:" + "|".join(sorted(_OFFICE_WORDS, key=len, reverse=True))
                             + r")(?:[\s-]+|$))+")  # "Secretary-General": two office words joined by a hyphen
# Two capitalised words inside a sentence (after a lower-case word or a comma), not a longer run.
_NAME_BEFORE = re.compile(r"(?<=[a-z,;] )(?P<word>[A-Z][a-z]+) $")
_NAME_AFTER = re.compile(r" (?P<word>[A-Z][a-z]+)(?![\w’'\-]| +[A-Z])")
_STATE_BODY_WORDS = {"Army", "Navy", "Air", "Armed", "Forces", "Police", "Embassy", "Government", "Parliament",
                     "Central", "National", "Royal", "Crown", "King", "Queen", "Prime", "Security", "Border",
                     "State", "Supreme", "Ambassador", "Envoy", "Consulate", "Customs", "Coast"}
_APPOSITION = re.compile(r",[ \t]+(?=[A-Z])")  # "Venezuela's foreign minister, Yván Gil"
_NAME_AFTER_DESCRIPTION = re.compile(r",?[ \t]+(?=[A-Z])")  # "el canciller ruso, Serguéi Lavrov", "... Lavrov"
_HYPHEN_BEFORE_CAPITAL = re.compile(r"-(?=[A-Z])")  # "Russo-Chinese", "Franco-German"
_HYPHEN_BEFORE_LETTER = re.compile(r"-(?=[^\W\d_])")  # "sino-rusas", "franco-alemán"
_REGNAL_NUMBERS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
# A word in capitals that no person's name has, unlike regnal numbers and "Jr" ("Charles III").
_ACRONYM_WORD = re.compile(r"(?<![\w.])(?!(?:" + "|".join(sorted(_REGNAL_NUMBERS | {"JR", "SR"}, key=len, reverse=True))
                           + r")\b)[A-Z]{2,}(?![\w.])")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
# A capitalised word after a capital or a seat of government goes on a name the dictionary does not
# know ("Moscow Nights", "Washington Consensus"), unless it is an office ("Kremlin Spokesman", "White
# House Aide": the government's), a weekday or a month ("Moscow Monday said").
_NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:" + "|".join(sorted(_OFFICE_NAMES, key=len, reverse=True)) + r"|Aides?|Officials?|Press"
                           r"|Sources?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
                           r"|July|August|September|October|November|December)\b)[A-Z][a-z]")
_QUALIFIER_BEFORE_COUNTRY = re.compile(r"\b(" + "|".join(_PAST_QUALIFIERS) + r")[\s-]+$", re.IGNORECASE)  # "former Brazilian"
# An occupation and "at" before a name: the name is where the person works ("a strategist at ",
# "an economist with the state-run ").
_AFFILIATION_BEFORE = re.compile(r"\b(?:economist|analyst|researcher|strategist|fellow|professor|lecturer|scholar|expert|"
                                 r"adviser|advisor|trader|editor)s?\s+(?:at|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$")
_BESIDE_A_TITLE = re.compile(r"(?:[’']s)?[ \t]+")  # between a country and the title that starts an alias
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9+.&\-]{1,11})\)")
_TRUNCATED_START = re.compile(r"[a-z][\w’'\-]*")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor_id: str
    actor_name: str
    actor_type: str
    via: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    flag: str
    detail: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    kind: str


@dataclass
class ActorResult:
    mentions: list[Mention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


class ActorExtractor:
    """The dictionary and its automaton, compiled once; :meth:`extract` runs per document."""

    def __init__(self, dictionary: ActorDictionary, currencies: CurrencyTable | None = None,
                 systems: list[str] | None = None):
        """``currencies``: whose words after a country make it a currency's issuer (default: the
        project's table, :func:`analysis.narratives.amounts.load_currencies`); ``systems``: names of payment
        systems, whose first words name no actor ("BRICS Pay"; default: the cues of the narratives'
        ``systems.yaml``)."""
        self.dictionary = dictionary
        # Payment systems named after an actor ("BRICS Pay", "China UnionPay") and idioms ("Fed up") are
        # keys of the automaton too, owned by no actor: the longest match wins, so their first words
        # are no mention there.
        named_after_actors = {name for name in [*(_system_names() if systems is None else systems), *_IDIOMS]
                              if name not in dictionary.alias_owners
                              and any(name.startswith(alias + " ") for alias in dictionary.alias_owners)}
        self.matcher = AliasMatcher({**dictionary.alias_owners, **dict.fromkeys(named_after_actors, [_NO_ACTOR])})
        # forms matched only in articles in their language ("rusa", "brasileño": lower-case words in English)
        self.language_matchers = {language: AliasMatcher(aliases) for language, aliases in dictionary.language_aliases.items()}
        self.country_by_code = {a.country: a for a in dictionary.actors.values() if a.type == "country"}
        self._alias_cache: dict[str, tuple] = {}
        # Every description; one that some alias also is ("Security Council" of the UN) is resolved by
        # the sentence's country
        self._generic_words = {word for _, word in dictionary.institutions}
        self._country_after = _country_after(self._generic_words, currencies or load_currencies())
        self._institution_fields = {actor.id: _fields_dict(*_mention_fields(actor, "institution_description"))
                                    for actor in dictionary.institutions.values()}
        self._combining_fields = {form: _mention_fields(actor, "combining_form") for actor in self.country_by_code.values()
                                  for form in actor.combining_forms}
        # Each language's own combining forms, with the English ones (capitalised in its texts too)
        self._language_combining = {
            language: {**self._combining_fields, **{form: _mention_fields(self.dictionary.actors[actor_id], "combining_form")
                                                  for form, actor_id in forms.items()}}
            for language, forms in dictionary.language_combining.items()}
        # Role and body descriptions of other languages ("el presidente ruso"), read in articles in them
        self._described_abroad = {language: [(*_description_patterns(d.template), d) for d in descriptions]
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
                                                   _NO_NAME_WORDS_ABROAD.get(language, frozenset()),
                                                   language in _LOWER_CASE_NAME_LANGUAGES)
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
        result.mentions = _without_title_organisations(text, sorted(mentions, key=attrgetter("start", "end")))
        result.flags.sort(key=attrgetter("start", "flag"))
        result.candidates.sort(key=attrgetter("start", "kind"))
        return result

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
        country_after, new, set_attribute = self._country_after.match, _object_new, _object_setattr  # local names: faster
        locative_before = _LOCATIVE_REVERSED_ABROAD.get(language, _LOCATIVE_REVERSED).match
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
            elif is_adjective and _CAPITALISED_NEXT.match(text, end):
                continue  # "Western Union", "Western Cape": a group's adjective starting another name
            if (metonym_template and not text.startswith("-based", end)  # "a Caracas-based analyst": a place
                    and not (_NAME_GOES_ON.match(text, end) and not _in_a_headline(text, start))  # "Moscow Nights"
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
            mention = new(Mention)
            set_attribute(mention, "__dict__", fields)
            append(mention)
        if language in self._language_combining:  # "sino-rusas", "franco-allemand": forms in lower case
            mentions += self._combining_forms(text, mentions, self._language_combining[language], _HYPHEN_BEFORE_LETTER)
        elif self._combining_fields:
            mentions += self._combining_forms(text, mentions, self._combining_fields, _HYPHEN_BEFORE_CAPITAL)
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
                found.append(_new_mention(start, hyphen, *fields))
                countries_from.add(start)
        return found[::-1]

    def _alias_entry(self, alias: str, owners: tuple[str, ...]) -> tuple:
        """What every match of an alias shares: its mention's fields, as itself and as the country it
        stands for, whether the actor is a country or a person, whether the alias is a demonym, and
        the description it also is, if any ("Security Council") (``None`` fields: ambiguous; ``False``:
        the name of a payment system or an idiom, no actor's)."""
        if owners == (_NO_ACTOR,):  # a payment system's name or an idiom
            entry = (False, None, False, False, False, None, False)
        elif len(owners) > 1:  # ambiguous, unless a country or the date tells the owners apart (_shared_alias_holder)
            entry = (None, None, False, False, False, None, False)
        else:
            actor = self.dictionary.actors[owners[0]]
            country = self.dictionary.by_name.get(actor.metonym_for) if actor.metonym_for else None
            generic = " ".join(alias.lower().split())
            entry = (_fields_dict(*_mention_fields(actor, "name" if alias == actor.name else "alias")),
                     _fields_dict(*_mention_fields(country, "metonym")) if country else None,
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
        if mentions and mentions[-1].actor_type == "country" and _BESIDE_A_TITLE.fullmatch(text, mentions[-1].end, start):
            countries.add(mentions[-1].country)
        following = next((match for match in matches if match[0] >= end), None)
        if following and text[end:following[0]] == " of " and len(following[3]) == 1:
            actor = self.dictionary.actors.get(following[3][0])
            if actor is not None and actor.type == "country":
                countries.add(actor.country)
        of_country = [person for person in people if person.country in countries]
        if len(of_country) == 1:
            return _fields_dict(*_mention_fields(of_country[0], "alias_by_country"))
        holders = [person for person in people if published and any(r.held_on(published) for r in person.roles)]
        return _fields_dict(*_mention_fields(holders[0], "alias_by_date")) if len(holders) == 1 else None

    def _in_a_persons_name(self, text: str, start: int, end: int) -> bool:
        """Whether a country's name that is also a person's ("Jordan") is one of two capitalised words
        that form a name no entry knows, inside a sentence: after a first name ("met Jim Jordan") or
        before a surname ("Chad Smith said", "Israel Katz, the minister"). A word that names a state's
        body ("Israel Police", "Jordan Armed Forces") or another entry ("Israel Iran") keeps the country."""
        known = self.dictionary.alias_owners
        before = _NAME_BEFORE.search(text, max(0, start - 40), start)
        if before and before.group("word") not in _NOT_PERSON_WORDS and before.group("word") not in known:
            return True
        after = _NAME_AFTER.match(text, end)
        word = after.group("word") if after else None
        return bool(word) and word not in _NOT_PERSON_WORDS and word not in _STATE_BODY_WORDS and word not in known

    def _body(self, country: str, description: str) -> Actor | None:
        """The body that ``description`` ("central bank", as written) names for ``country``, if any."""
        return self.dictionary.institutions.get((country, " ".join(description.lower().split())))

    def _institution_in_sentence(self, text: str, start: int, word: str, mentions: list[Mention]) -> dict | None:
        """The mention fields of the body that ``word`` ("security council") names for the country
        mentioned last before ``start`` in its sentence, if that country has one: "Sergei Shoigu,
        secretary of the Security Council" after "Russia’s" is Russia's council."""
        sentence_start = _sentence_start(text, start)
        for mention in reversed(mentions):
            if mention.start < sentence_start:
                break
            if mention.actor_type == "country":
                body = self.dictionary.institutions.get((mention.country, word))
                return self._institution_fields[body.id] if body else None
        return None

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
                added.append(_mention(mention.start, role.end("title"), person, "role_description"))
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
                kept.append(_mention(start, end, body, "institution_description") if body else mention)
                continue
            covered.append((start, end))
            if qualified and qualified.search(text, max(0, start - 24), start):
                continue  # "el ex presidente ruso": nobody the date tells
            after = _NAME_AFTER_DESCRIPTION.match(text, end)
            person = people.get(after.end()) if after else None
            if person and self._holds(person, english, mention.country):
                continue  # "el presidente ruso, Vladímir Putin": the person's own mention carries it
            holder = self._resolve_role(text, english, mention, "", published, result, start, end)
            if holder:
                kept.append(_mention(start, end, holder, "role_description"))
        return kept, covered

    def _holds(self, person_mention: Mention, title: str, country: str) -> bool:
        """Whether the person mentioned holds or held a role that ``title`` names for ``country``."""
        person = self.dictionary.actors.get(person_mention.actor_id)
        roles = _roles_for(title, country)
        return person is not None and any(r.role in roles and (r.country or person.country) == country
                                          for r in person.roles)

    def _names_the_holder(self, text: str, role: re.Match[str], country_mention: Mention, mentions: list[Mention],
                          index: int) -> bool:
        """Whether the role description is followed by the name of someone who holds or held such a role, as an
        appositive: "Venezuela's foreign minister, Yván Gil," is one mention of Gil, by his name."""
        after = _APPOSITION.match(text, role.end("title"))
        if not after:
            return False
        for mention in mentions[index + 1:index + 3]:
            if mention.start == after.end() and mention.actor_type == "person":
                return self._holds(mention, role.group("title").lower(), country_mention.country)
        return False

    def _check_title(self, text, published, person_mention, mentions, n_earlier, absorbed, titles, result) -> None:
        """Check the title before ``person_mention``, the ``n_earlier``-th of ``mentions``, and add its span to ``titles``."""
        person = self.dictionary.actors[person_mention.actor_id]  # a person with roles (see _alias_entry)
        title = _title_before(text, _sentence_start(text, person_mention.start), person_mention.start)
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
            before = _QUALIFIER_BEFORE_COUNTRY.search(text, max(0, country.start - 12), country.start)
            qualifier = before.group(1).lower() if before else ""
        if qualifier in _DEPUTY_QUALIFIERS:
            return
        needed = _roles_for(name.lower(), person.country)
        past = qualifier in _PAST_QUALIFIERS
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
        if qualifier in _PAST_QUALIFIERS or qualifier in _DEPUTY_QUALIFIERS or qualifier == "incoming":
            return None
        roles = _roles_for(title, country_mention.country)
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
        for run_start, run_end, context_end, may_be_person in _capitalised_runs(text):
            while below < n_spans and starts[below] < run_end:
                below += 1
            # SpanIndex.overlaps(run_start, run_end), with the index kept as the runs move right
            if (below and spans[below - 1][1] > run_start) or (below > 1 and spans[below - 2][1] > run_start):
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
                heads = not _ORG_HEADS.isdisjoint(words)
                if heads and run_start < start and _overlaps(spans, starts, run_start, start):
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
                heads = not _ORG_HEADS.isdisjoint(words) or words[0] in _ORG_HEADS_FIRST
            if leading and words[0] in leading:  # "Der Ökonom Markus Weber": the article and the title go
                first = next((i for i, word in enumerate(words) if word not in leading), len(words))
                if len(words) - first < 2:
                    continue
                start = text.index(words[first], start + sum(len(word) for word in words[:first]))
                name, words = text[start:end], words[first:]
                heads = heads or words[0] in _ORG_HEADS_FIRST  # "El Banco de la Nación"
            organisation = None  # how the name shows an organisation's, if it does
            if heads and _has_org_head(words):
                if _ORDINAL_BEFORE.search(text, max(0, start - 16), start):
                    # "the fourth Russian-Chinese Forum on ...": one meeting of a series, an event, no actor
                    candidates.append(_new_candidate(start, end, name, "event"))
                    continue
                if not _AFTER_CAPITALISED_AND.search(text, max(0, start - 40), start):
                    organisation = "organisation_head"
            if organisation is None and _AFFILIATION_BEFORE.search(text, max(0, start - 48), start):
                organisation = "affiliation"  # "an economist at the Volga Trade Monitor": whatever its head noun
            if organisation:
                candidates.append(_new_candidate(start, end, name, organisation))
                found.append(_new_mention(start, end, f"new:{slug(name)}", name, "organization", "discovered"))
                continue
            kind = (_person_context(text, start, max(end, context_end))
                    if may_be_person and _looks_like_person(name, words) else None)
            candidates.append(_new_candidate(start, end, name, kind or "capitalised"))
            if kind:
                found.append(_new_mention(start, end, f"new:{slug(name)}", name, "person", "discovered"))
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
            if _overlaps(spans, starts, start, end) or any(s < end and start < e for s, e in taken):
                continue
            name = text[start:end]
            candidates.append(_new_candidate(start, end, name, "organisation_head"))
            new.append(_new_mention(start, end, f"new:{slug(name)}", name, "organization", "discovered"))
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

    # 6: surnames of people named in full elsewhere in the document
    def _surname_coreference(self, text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
        """Later mentions of a person by surname alone; ``spans``: those of ``mentions``, sorted."""
        surnames: dict[str, Mention] = {}
        for mention in mentions:
            if mention.actor_type == "person" and " " in mention.actor_name:
                words = mention.actor_name.split()
                surname = words[0] if mention.country in FAMILY_NAME_FIRST else words[-1]
                if surname in _NOT_PERSON_WORDS or surname in _REGNAL_NUMBERS:  # "He" of He Lifeng is also the
                    continue  # pronoun; "Charles III" has no surname
                if surname not in self.dictionary.alias_owners or mention.via == "discovered":
                    surnames.setdefault(surname, mention)
        if not surnames:
            return []
        starts = [s for s, _ in spans]
        added = []
        for start, end, surname in _whole_words(text, surnames):
            if not _overlaps(spans, starts, start, end):
                person = surnames[surname]
                added.append(_new_mention(start, end, person.actor_id, person.actor_name, "person",
                                     "coreference", person.country, person.sector))
        return added

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
            acronym = _ACRONYM_AFTER.match(text, mention.end)
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
            word = _TRUNCATED_START.match(paragraph)
            if word:
                result.flags.append(Flag(offset, offset + word.end(), "truncated_word",
                                         f"paragraph starts with lower-case '{word.group()}': a word may be cut"))
            offset += len(paragraph) + 2


def _without_title_organisations(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted) without the organisations that only name a person's office ("UN" in "UN
    Secretary-General António Guterres", "ECB" in "ECB President Christine Lagarde"): like the country
    words a title absorbs, they would otherwise tie the person to the organisation in every network."""
    kept = mentions
    for index in range(len(mentions) - 1, 0, -1):
        person, before = mentions[index], mentions[index - 1]
        if (person.actor_type == "person" and before.actor_type in _TITLE_OWNER_TYPES
                and person.start - before.end < 40 and _OFFICE_BETWEEN.fullmatch(text, before.end, person.start)):
            if kept is mentions:
                kept = list(mentions)
            del kept[index - 1]
    return kept


_NO_ACTOR = ""  # the owner of the automaton's keys that name no actor (payment systems, idioms)
_IDIOMS = ["Fed up"]  # phrases that start with an alias and name nobody ("Fed up with sanctions, ...")


def _system_names() -> list[str]:
    """Every name of a payment system in the narratives lexicon (``systems.yaml``)."""
    _, entries = read_lexicon("systems.yaml")
    return [cue for entry in entries for cue in [entry.get("name", ""), *(entry.get("cues") or [])] if cue]


def _country_after(descriptions: set[str], currencies: CurrencyTable) -> re.Pattern[str]:
    """_COUNTRY_AFTER_PATTERN with the currency table's words and the bodies' ``descriptions``."""
    words = {name.split()[-1].lower() for currency in currencies.currencies.values()
             for name in (currency.name, *currency.names)} - _NOT_CURRENCY_WORDS
    words = {word for word in words if word.isalpha()}
    other_sense = {word for word in words if word in _OTHER_SENSE or word[:-1] in _OTHER_SENSE}  # and plurals
    currency_words = rf"(?i:{_trie_pattern(words - other_sense)})s?"
    if other_sense:
        currency_words += rf"|(?P<other_sense>(?i:{_trie_pattern(other_sense)})s?)"
    return re.compile(_COUNTRY_AFTER_PATTERN.replace("(?#currencies)", currency_words).replace(
        "(?#institutions)", rf"|(?:[’']s)?\s+(?P<institution>(?i:{_trie_pattern(descriptions)}))\b"))


def _trie_pattern(words: set[str]) -> str:
    """A regex for any of ``words`` (a blank in one matches any whitespace), longest first, written
    as a trie ("b(?:aht|irr)"): the regex engine tries a letter, not each of some hundred words.
    Matches nothing when ``words`` is empty."""
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


def _lower_case_organisation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_LOWER_CASE_ORGANISATION` in ``text``, tried only where a head is written: finding
    the heads with ``str.find`` is several times faster than the regex's search at every position. A set: a
    head that begins another ("Institut" of "Instituto", "Universidad" of "Universidade") finds its place too."""
    found = set()
    for head in _ORG_HEADS_FIRST:
        position = text.find(head)
        while position >= 0:
            match = _LOWER_CASE_ORGANISATION.match(text, position)
            if match:
                found.add(match.span())
            position = text.find(head, position + len(head))
    return sorted(found)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts, near enough for context: after the last ". " or line break."""
    return max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1


def _roles_for(title: str, country: str | None) -> set[str]:
    if title == "leader":
        return {"head_of_government"} if country in LEADER_IS_HEAD_OF_GOVERNMENT else {"head_of_state"}
    if title == "chancellor" and country in CHANCELLOR_IS_FINANCE_MINISTER:
        return {"finance_minister"}
    return ROLE_WORDS.get(title, set())


def _in_a_headline(text: str, position: int) -> bool:
    """Whether the line around ``position`` is a headline in title case ("Moscow Rejects New Sanctions"):
    three words or more, every one of four letters or more capitalised."""
    end = text.find("\n", position)
    line = text[text.rfind("\n", 0, position) + 1:end if end >= 0 else len(text)]
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def _description_patterns(template: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """What a description's template ("(ministro|ministra) {} de Defensa") has before the country, as
    a pattern that ends where the country starts, and after it, as one that starts where it ends."""
    before, after = (_template_regex(part) for part in template.split("{}"))
    return (re.compile(rf"(?<!\w){before}\s*$", re.IGNORECASE) if before else None,
            re.compile(rf"\s+{after}(?!\w)", re.IGNORECASE) if after else None)


def _template_regex(words: str) -> str:
    """A template's words as a pattern: "(a|b)" alternatives, any blank between words."""
    pattern = re.escape(" ".join(words.split())).replace(r"\(", "(?:").replace(r"\)", ")").replace(r"\|", "|")
    return pattern.replace(r"\ ", r"\s+")


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


def _mention(start: int, end: int, actor: Actor, via: str) -> Mention:
    return _new_mention(start, end, *_mention_fields(actor, via))


_object_new, _object_setattr = object.__new__, object.__setattr__
_NEW_MENTION_FIELDS = ("start", "end", "actor_id", "actor_name", "actor_type", "via", "country", "sector")
if tuple(f.name for f in dataclass_fields(Mention)) != _NEW_MENTION_FIELDS:  # keep _new_mention in step with Mention
    raise RuntimeError("Mention's fields changed: update _new_mention and _NEW_MENTION_FIELDS")
if tuple(f.name for f in dataclass_fields(Candidate)) != ("start", "end", "name", "kind"):
    raise RuntimeError("Candidate's fields changed: update _new_candidate")


def _new_mention(start: int, end: int, actor_id: str, actor_name: str, actor_type: str, via: str,
                 country: str | None = None, sector: str | None = None) -> Mention:
    """``Mention(...)`` in a quarter of the time, for the hot loops: the same frozen object.

    A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__``;
    this sets the instance's attribute dictionary at once (Mention has no ``__post_init__``).
    """
    mention = _object_new(Mention)
    _object_setattr(mention, "__dict__", {"start": start, "end": end, "actor_id": actor_id, "actor_name": actor_name,
                                          "actor_type": actor_type, "via": via, "country": country, "sector": sector})
    return mention


def _new_candidate(start: int, end: int, name: str, kind: str) -> Candidate:
    """``Candidate(...)`` made the way :func:`_new_mention` makes a mention."""
    candidate = _object_new(Candidate)
    _object_setattr(candidate, "__dict__", {"start": start, "end": end, "name": name, "kind": kind})
    return candidate


def _fields_dict(*fields) -> dict:
    """A mention's attribute dictionary for the fields after its offsets (offsets to be filled in)."""
    return dict(zip(_NEW_MENTION_FIELDS, (0, 0, *fields)))


def _mention_fields(actor: Actor, via: str) -> tuple:
    """A mention's fields after its offsets."""
    return (actor.id, actor.name, actor.type if actor.type != "country" else "country", via, actor.country, actor.sector)


def _whole_words(text: str, words) -> list[tuple[int, int, str]]:
    r"""Occurrences of any of ``words`` not inside a longer word or hyphenated compound, left to right.

    What ``re.finditer`` gives for ``(?<![\w-])(?:longest|...|shortest)(?![\w-])``: the leftmost
    occurrence, the longest there, then on from its end. Found with ``str.find`` instead, since
    the set of words changes with every document and a regex would be compiled for each.
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


class SpanIndex:
    """Non-overlapping (start, end) spans, sorted, for fast overlap tests."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`; the last two can reach `start`
        spans = self.spans
        return (i > 0 and spans[i - 1][1] > start) or (i > 1 and spans[i - 2][1] > start)


def _title_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_TITLE_BEFORE.search(text, start, end)``, without trying every position of a long sentence.

    Most names have no title before them, which one match on the reversed text tells; it also
    tells where the title ends, which is the same in every match (only whitespace, a full stop
    and "Mr." follow it). A match then starts at most a title, a qualifier and their separator
    before that end, and a separator longer than one character would cover the character just
    before the longest title: when that one is neither whitespace nor a hyphen, the search can
    start there. Failing that, a match has at most ``_TITLE_BEFORE_SOLID`` characters other
    than whitespace and hyphens, so when the last 64 characters hold more, it starts in them.
    """
    backwards = _TITLE_BEFORE_REVERSED.match(text[start:end][::-1])
    if not backwards:
        return None
    title_end = end - backwards.start("title")
    near = title_end - _LONGEST_TITLE - _LONGEST_QUALIFIER - 1
    if near > start:
        before_title = text[title_end - _LONGEST_TITLE - 1]
        if not before_title.isspace() and before_title != "-":
            start = near
        else:
            near = end - 64
            if near > start and len("".join(text[near:end].split()).replace("-", "")) > _TITLE_BEFORE_SOLID:
                start = near
    return _TITLE_BEFORE_SEARCH.search(text, start, end)


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """:meth:`SpanIndex.overlaps` on sorted ``spans`` and their ``starts``, without building an index."""
    i = bisect.bisect_left(starts, end)
    return (i > 0 and spans[i - 1][1] > start) or (i > 1 and spans[i - 2][1] > start)


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
    bisect_left = bisect.bisect_left
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
        word_start, word_end = word_spans[first]
        i = bisect_left(starts, word_end)
        if not ((i > 0 and spans[i - 1][1] > word_start) or (i > 1 and spans[i - 2][1] > word_start)
                or words[first].strip("’'") in _NOT_PERSON_WORDS or words[first][0].islower()):
            break
        if _heads_its_complement(words, first) and not (
                (i > 0 and spans[i - 1][1] > word_start) or (i > 1 and spans[i - 2][1] > word_start)):
            break
        first += 1
    while first < last:
        word_start, word_end = word_spans[last - 1]
        i = bisect_left(starts, word_end)
        if not ((i > 0 and spans[i - 1][1] > word_start) or (i > 1 and spans[i - 2][1] > word_start)
                or words[last - 1][0].islower()):
            break
        last -= 1
    return (word_spans[first][0], word_spans[last - 1][1]) if last - first >= 2 else (start, start)


def _capitalised_runs(text: str):
    """``(start, end, context_end, may_be_person)`` of every run of capitalised words (_CAPITALISED_RUN),
    where a person's name after an office ("Northgate CEO Dana Whitcombe"), or followed by "of" and
    an affiliation ("Tomasz Rurik of the Aldersgate Institute", "John Smith of Goldman Sachs"), is a
    run of its own, and so is an organisation after "of" and words that name none ("Students of the
    Kazan Monetary Academy"). ``context_end``: for the person, the end
    of the affiliation, after which its context is read ("... of Goldman Sachs said"), else 0; the
    affiliation itself is no person (``may_be_person`` false)."""
    for run in _CAPITALISED_RUN.finditer(text):
        start, end = run.span()
        if text.count(" ", start, end) < 2:  # most runs: two words, nothing to split
            yield start, end, 0, True
            continue
        if _HEADLINE_WORD.search(text, start, end):
            continue  # a headline in title case ("Xi Meets Putin As China And Russia Deepen Ties"), no name
        office = None
        for office in _OFFICE_INSIDE.finditer(text, start, end):
            pass  # the last office inside the run: "Northgate Chief Executive Dana Whitcombe"
        if office:
            person = text[office.end():end].split()
            if len(person) >= 2 and _looks_like_person(" ".join(person), person):
                yield start, office.start(), 0, True  # what the person heads ("Northgate"), if a name
                yield office.end(), end, 0, True
                continue
        split = _NAME_OF.match(text, start, end) if text.find(" of ", start, end) >= 0 else None
        if split:
            front = split.group("front").split()
            if _ORG_HEADS.isdisjoint(front) and front[0] not in _ORG_HEADS_FIRST:  # not "Bank of Russia"
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
    while first < len(words) and (words[first].strip("’'") in _NOT_PERSON_WORDS or words[first][0].islower()):
        if _heads_its_complement(words, first):
            break
        first += 1
    return first


def _has_org_head(words: list[str]) -> bool:
    """An organisation's head noun ends the name or precedes its complement ("Observatory on Asia"),
    or, in Spanish, Portuguese and French, starts it ("Instituto Cono Sur de Estudios Monetarios")."""
    return words[-1] in _ORG_HEADS or words[0] in _ORG_HEADS_FIRST or any(
        word in _ORG_HEADS and following in _HEAD_COMPLEMENTS for word, following in zip(words, words[1:]))


def _heads_its_complement(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is an organisation's head followed by its complement ("Institute of ...").
    Not "Ministry": "Ministry of Finance" names a different body in every country."""
    return (index + 2 < len(words) and words[index + 1] in _HEAD_COMPLEMENTS and words[index] != "Ministry"
            and (words[index] in _ORG_HEADS or words[index] in _ORG_HEADS_FIRST))


def _person_context(text: str, start: int, end: int) -> str | None:
    """How the context marks the name as a person's, or ``None``."""
    # _TITLE_CONTEXT, then _ACCORDING_CONTEXT, searched in the text before (read backwards);
    # then _SPEECH_CONTEXT, then _APPOSITIVE_CONTEXT, matched after: one match each side.
    context = _BEFORE_CONTEXT.match(text[max(0, start - 80):start][::-1]) or _AFTER_CONTEXT.match(text[end:end + 120])
    return context.lastgroup if context else None


def _looks_like_person(name: str, words: list[str]) -> bool:
    """Two words or more (``words``: those of ``name``), none of them (quotes stripped) a function
    word or title, not all capitals, and no acronym among them ("Asia FX" after "chief")."""
    if len(words) < 2 or not _NOT_PERSON_WORDS.isdisjoint(words) or name.isupper() or _ACRONYM_WORD.search(name):
        return False
    # Only a word with a quote at either end can differ from itself stripped.
    return ("’" not in name and "'" not in name) or not any(w.strip("’'") in _NOT_PERSON_WORDS for w in words)


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """A name as an identifier: lower case, runs of other characters as one underscore ("Ana Sfeir" -> "ana_sfeir")."""
    return re.sub(r"[^\w]+", "_", name.lower()).strip("_")


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sorted sentence starts."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


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
