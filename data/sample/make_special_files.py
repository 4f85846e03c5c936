#!/usr/bin/env python3
"""Regenerate the "special" files of the synthetic Geonarratives sample corpus.

Everything written here is SYNTHETIC text composed for the Geonarratives
project (see README.md in this folder). Outlets and commentators are fictional.

Files produced (all under data/sample/):

* articles/empty.txt                       0 bytes
* articles/corrupt.txt                     2,000 random bytes (random.Random(7)), not UTF-8
* articles/017_..._saudi-mbridge.txt       saved in cp1252 (Windows-1252), not valid UTF-8
* articles/018_..._dollar-reserve-share.txt UTF-8 with mojibake spans (UTF-8 read as cp1252)
* articles/019_..._venezuela-mir-cards.txt NFD combining accent, no-break spaces, double spaces
* articles/025_export_wire-digest.jsonl    4 valid records + 1 truncated line in the middle
* articles/026_export_atlas-newsletter.csv 3 records, written with the csv module
* manifest.csv                             one row per file in articles/

The script is deterministic: running it twice gives byte-identical output.
The other article files are plain hand-written files and are not touched.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"


def mojibake(span: str) -> str:
    """Return what `span` looks like after UTF-8 bytes were decoded as cp1252."""
    return span.encode("utf-8").decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------
# 017: cp1252-encoded article (curly quotes, en dash, e-acute)
# ---------------------------------------------------------------------------
CP1252_NAME = "017_harbor-street-journal_saudi-mbridge.txt"
CP1252_TEXT = """Riyadh Joins mBridge as Gulf Tests New Payment Rails

Harbor Street Journal, June 6, 2024 \u2014

Saudi Arabia\u2019s central bank has become a full participant in mBridge, a cross-border payments project that links the digital currency systems of several central banks, the Bank for International Settlements said on Wednesday.

The project, developed at the BIS Innovation Hub centre in Hong Kong, already brings together the People\u2019s Bank of China, the Hong Kong Monetary Authority, the Bank of Thailand and the Central Bank of the United Arab Emirates. It is designed to let commercial banks settle cross-border transfers directly in central bank digital currencies, cutting out several layers of correspondent banks.

The step follows a three-year currency swap agreement signed last November between the Saudi central bank and the People\u2019s Bank of China, worth 50 billion yuan, or about 26 billion riyals.

The peg is not in question

The riyal has been pegged to the dollar since 1986, and Saudi officials have given no sign that this will change. Most of the kingdom\u2019s oil exports are still priced and paid for in dollars, and the pilot handles only a tiny volume of real transactions.

\u201cJoining a pilot is not the same as walking away from the dollar,\u201d said H\u00e9l\u00e8ne Marchetti, who covers Gulf monetary policy for the fictional Corniche Research Group. \u201cBut over 2023\u20132024 the Gulf central banks have made it plain that they want more than one set of rails.\u201d

Some commentators have linked the move to debates inside BRICS about payment systems. Saudi Arabia was invited to join the group in 2023 but has not formally confirmed its membership.
"""

# ---------------------------------------------------------------------------
# 018: UTF-8 file with mojibake spans
# ---------------------------------------------------------------------------
MOJIBAKE_NAME = "018_atlas-finance-review_dollar-reserve-share.txt"
MOJIBAKE_TEXT = (
    "Dollar Share of Global Reserves Edges Lower, Slowly\n"
    "\n"
    "By the Atlas Finance Review markets desk\n"
    "\n"
    + mojibake("\U0001F4C8")
    + " Chart of the week: the greenback still dominates, but its lead is narrowing one decimal point at a time.\n"
    "\n"
    "The US dollar accounted for about 58% of the world\u2019s disclosed foreign exchange reserves in the latest "
    "IMF figures, down from roughly 71 percent around the turn of the century. The euro holds about a fifth "
    "of the total, and the Chinese yuan a little over 2 per cent.\n"
    "\n"
    "That slide is real but gradual, and it has not mainly benefited the yuan. IMF economists have noted that "
    "much of the ground lost by the dollar has gone to smaller \u201cnon-traditional\u201d currencies such as "
    "the Australian and Canadian dollars, the South Korean won and the Singapore dollar, which reserve managers "
    "buy for diversification and yield.\n"
    "\n"
    "Gold is not counted in those currency shares, yet it has become the fastest-growing reserve asset. "
    "Central banks bought more than 1,000 tonnes in each of 2022, 2023 and 2024, according to industry tallies.\n"
    "\n"
    "\u201cThe story people want is a sudden collapse. The data show erosion,\u201d said Grace Oyelaran, "
    "a reserve-management consultant at the fictional Tidewater Sovereign Partners. \u201cThe dollar"
    + mojibake("\u2019")
    + "s position is being worn down at the edges, not stormed.\u201d\n"
    "\n"
    "Why it matters\n"
    "\n"
    "The dollar also dominates trade invoicing, foreign-currency debt and the foreign exchange market, where it "
    "sits on one side of close to nine in ten trades. Those roles reinforce one another, which is why most "
    "economists expect change to be slow even if political pressure for alternatives keeps growing.\n"
    "\n"
    "For now, the numbers suggest diversification rather than replacement. That "
    + mojibake("isn\u2019t")
    + " a headline that sells, but it is the one the reserve data support.\n"
)

# ---------------------------------------------------------------------------
# 019: NFD combining accent, no-break spaces, double spaces
# ---------------------------------------------------------------------------
NFD_NAME = "019_pampas-post_venezuela-mir-cards.txt"
NBSP = "\u00a0"
YVAN_NFD = "Yva\u0301n"  # "Yván" with a combining acute accent (NFD)
NFD_TEXT = (
    "Caracas Leans on Mir Cards and BRICS Hopes After Moscow Talks\n"
    "\n"
    "Pampas Post, November 18, 2023 \u2014\n"
    "\n"
    f"Venezuela\u2019s foreign minister, {YVAN_NFD} Gil, returned from Moscow this week with pledges of closer "
    "banking cooperation and renewed Russian backing for his country\u2019s bid to join BRICS.  After meeting "
    f"Sergei{NBSP}Lavrov, Gil said the two central banks would work on smoother financial communication between "
    "them, and that cards from Russia\u2019s Mir payment system were being brought into wider use in Venezuela.\n"
    "\n"
    "For Russian visitors and businesses, the cards offer a way to pay without Visa or Mastercard, both of which "
    "suspended operations in Russia in 2022.  For Caracas, which has lived under US financial sanctions for "
    "years, the appeal is a channel that Washington cannot easily switch off.\n"
    "\n"
    "The timing is awkward.  Only a month ago the United States temporarily eased some oil sanctions on "
    "Venezuela after the government and opposition agreed on conditions for next year\u2019s presidential "
    f"election.  Deeper financial ties with Moscow may complicate that{NBSP}thaw.\n"
    "\n"
    f"Caracas has been seeking BRICS membership this year.  {YVAN_NFD} Gil described joining as a natural "
    "step, though the group has not yet said when it will consider new applications after inviting six "
    "countries in August.\n"
    "\n"
    f"\u201cA payment card is a small thing, but it is a very visible one,\u201d said Mateo{NBSP}Quispe, a "
    "Caracas-based analyst at the fictional Orinoco Basin Policy Center.  \u201cIt tells people which network "
    "their government is betting on.\u201d\n"
    "\n"
    "Venezuela\u2019s trade with Russia remains modest compared with its commerce with China or, before "
    "sanctions, with the United States.\n"
)

# ---------------------------------------------------------------------------
# 025: JSON Lines export, 4 valid records and 1 truncated line in the middle
# ---------------------------------------------------------------------------
JSONL_NAME = "025_export_wire-digest.jsonl"
JSONL_RECORDS = [
    {
        "url": "https://caspianwire.example/2023/04/14/lula-shanghai-ndb",
        "title": "Lula Questions Dollar Dominance During Shanghai Stop",
        "date": "2023-04-14",
        "outlet": "Caspian Wire",
        "text": (
            "Brazil\u2019s President Luiz In\u00e1cio Lula da Silva used a visit to the Shanghai headquarters of "
            "the New Development Bank on Thursday to question why so much of world trade still has to pass "
            "through the US dollar.\n\n"
            "Lula was attending the swearing-in of former Brazilian president Dilma Rousseff as head of the "
            "bank, which was founded by the BRICS countries. In his speech he asked why emerging economies "
            "could not finance and settle their trade in their own currencies, and he urged the bank to lend "
            "more in local money.\n\n"
            "The remarks came days after Brazil and China agreed to let companies settle bilateral trade in "
            "reais and yuan. Lula is due to hold talks with Xi Jinping in Beijing on Friday.\n\n"
            "\u201cHe is saying out loud what many finance ministries only say in private,\u201d said Ana Sfeir, "
            "a fellow at the fictional Atlantic South Policy Network. \u201cSaying it is not the same as building "
            "the markets that would make it possible.\u201d"
        ),
    },
    {
        "url": "https://meridianledger.example/markets/2023/07/01/argentina-imf-yuan",
        "title": "Argentina Pays Part of IMF Bill in Yuan",
        "date": "2023-07-01",
        "outlet": "The Meridian Ledger",
        "text": (
            "Argentina settled a payment of about $2.7 billion due to the International Monetary Fund on "
            "Friday partly in Chinese yuan, officials said, an unusual step for a country with some of the "
            "scarcest dollar reserves in the region.\n\n"
            "The yuan came from Argentina\u2019s currency swap line with the People\u2019s Bank of China, which "
            "the government of President Alberto Fern\u00e1ndez had already tapped to pay for imports from China. "
            "The rest of the payment was made with the IMF\u2019s own reserve asset, special drawing rights.\n\n"
            "The country has been struggling with a severe drought that cut farm exports, inflation above "
            "100 percent and a widening gap between official and parallel exchange rates.\n\n"
            "\u201cThis is not de-dollarisation by choice, it is de-dollarisation by necessity,\u201d said "
            "Bruno Lacanna, an economist at the fictional Rosario Macro Group."
        ),
    },
    {
        "url": "https://harborstreet.example/world/2024/12/01/trump-brics-tariff-threat",
        "title": "Trump Threatens 100% Tariffs Over Any BRICS Currency",
        "date": "2024-12-01",
        "outlet": "Harbor Street Journal",
        "text": (
            "President-elect Donald Trump said on Saturday that BRICS countries would face tariffs of 100% on "
            "their exports to the United States if they created a new currency or backed another currency to "
            "replace the dollar.\n\n"
            "In a social media post, Trump demanded a commitment from the group\u2019s members that they would "
            "do neither. The warning came weeks after a summit in Kazan at which members discussed payment "
            "systems but did not endorse a common currency.\n\n"
            "Officials in several BRICS capitals have said in recent months that no joint currency is under "
            "consideration, and India has repeatedly said it has no interest in weakening the dollar.\n\n"
            "\u201cHe is threatening to punish a plan that does not exist, which makes it a cheap threat to "
            "issue,\u201d said Petra Vukovi\u0107, a trade lawyer quoted by the fictional Lakeshore Trade Brief."
        ),
    },
    {
        "url": "https://southerncrossmonitor.example/world/2025/01/07/indonesia-joins-brics",
        "title": "Indonesia Becomes Full Member of BRICS",
        "date": "2025-01-07",
        "outlet": "Southern Cross Monitor",
        "text": (
            "Indonesia has become a full member of BRICS, Brazil announced on Monday in its role as the "
            "group\u2019s chair for 2025, making South-East Asia\u2019s largest economy the first new member of "
            "the year.\n\n"
            "Members had endorsed Indonesia\u2019s candidacy in 2023, but Jakarta asked to delay a decision "
            "until after its 2024 elections. The government of President Prabowo Subianto confirmed its "
            "interest after taking office in October.\n\n"
            "Indonesia has long promoted local-currency settlement in trade with its neighbours and has "
            "arrangements of that kind with several Asian partners. Its accession adds the world\u2019s "
            "fourth most populous country to a group that already includes China and India.\n\n"
            "\u201cJakarta wants a seat at every table, and BRICS is now one of the tables,\u201d said "
            "Rizal Hartono, who tracks ASEAN diplomacy at the fictional Java Sea Policy Forum."
        ),
    },
]
# A record cut off mid-string (as if the export job died while writing it).
JSONL_TRUNCATED = (
    '{"url": "https://harborstreet.example/markets/2024/06/13/moscow-exchange-dollar-halt", '
    '"title": "Moscow Exchange Halts Dollar and Euro Trading", "date": "2024-06-13", '
    '"outlet": "Harbor Street Journal", "text": "The Moscow Exchange stopped trading in dollars and eu'
)

# ---------------------------------------------------------------------------
# 026: CSV export, 3 records, paragraphs separated by blank lines in the text
# ---------------------------------------------------------------------------
CSV_NAME = "026_export_atlas-newsletter.csv"
CSV_RECORDS = [
    {
        "url": "https://atlasfinancereview.example/newsletter/2023/07/04/india-russia-oil-yuan",
        "title": "Indian Refiners Settle Some Russian Oil Cargoes in Yuan",
        "date": "2023-07-04",
        "outlet": "Atlas Finance Review",
        "text": (
            "Some Indian refiners have begun paying for Russian crude in Chinese yuan, according to people "
            "familiar with the deals, as buyers and sellers look for ways around the dollar and the rupee.\n\n"
            "Russia has become India\u2019s largest crude supplier since 2022, at times providing more than "
            "35 per cent of its oil imports, according to ship-tracking estimates. Paying for those barrels "
            "has been harder than buying them.\n\n"
            "Russian officials have complained that their companies have built up large rupee balances in "
            "Indian banks that they cannot easily spend or convert. The yuan, which Russian firms can use "
            "to pay for Chinese goods, offers a partial way out.\n\n"
            "The practice may irritate New Delhi, which is wary of raising the profile of China\u2019s currency "
            "in its own trade. \u201cIndia wants the discount without the yuan,\u201d said Arjun Sethi-Varma, a "
            "commodities analyst at the fictional Malabar Energy Review. \u201cIt may not be able to have both.\u201d"
        ),
    },
    {
        "url": "https://atlasfinancereview.example/newsletter/2024/11/01/bis-exits-mbridge",
        "title": "BIS Steps Back From mBridge Payments Project",
        "date": "2024-11-01",
        "outlet": "Atlas Finance Review",
        "text": (
            "The Bank for International Settlements is withdrawing from mBridge, the multi-central-bank "
            "digital currency platform it helped build, its general manager Agust\u00edn Carstens said on Thursday.\n\n"
            "Carstens said the project had matured to the point where the participating central banks, from "
            "China, Hong Kong, Thailand, the UAE and Saudi Arabia, could run it themselves. He rejected "
            "suggestions that the decision was political.\n\n"
            "The exit came a week after a BRICS summit in Kazan where Russia promoted plans for cross-border "
            "payment links, and some commentators had described mBridge as a template for such a system. "
            "The platform began as a joint experiment in 2021 and was declared to have reached a minimum "
            "viable product stage in mid-2024.\n\n"
            "\u201cThe BIS is leaving before the platform becomes a geopolitical symbol rather than a technical "
            "experiment,\u201d said Lena Hofstadter of the fictional Rhine Payments Observatory."
        ),
    },
    {
        "url": "https://atlasfinancereview.example/newsletter/2023/08/23/ndb-local-currency-lending",
        "title": "New Development Bank Aims to Lend More in Local Currencies",
        "date": "2023-08-23",
        "outlet": "Atlas Finance Review",
        "text": (
            "The BRICS-backed New Development Bank wants to provide about 30% of its loans in the currencies "
            "of member countries rather than in dollars, its president Dilma Rousseff said on the sidelines "
            "of the Johannesburg summit.\n\n"
            "The Shanghai-based lender has issued bonds in Chinese yuan and South African rand and plans to "
            "expand the practice, although most of its funding is still raised in dollars.\n\n"
            "The bank has been constrained by sanctions on Russia, one of its founding shareholders, and "
            "froze new business with Moscow in 2022 to protect its credit rating. It was founded by the five "
            "original BRICS members in 2015 and has since admitted Bangladesh, the United Arab Emirates and "
            "Egypt.\n\n"
            "\u201cLocal-currency lending sounds easy until you have to hedge it,\u201d said Thabo Mkhize, a "
            "development-finance specialist at the fictional Highveld Capital Institute."
        ),
    },
]

# ---------------------------------------------------------------------------
# manifest.csv: what a careful reader would extract from each input file
# ---------------------------------------------------------------------------
MANIFEST_FIELDS = ["file", "format", "expected_status", "outlet", "published", "title", "language", "notes"]
MANIFEST_ROWS = [
    ("001_meridian-ledger_no-limits-statement-anniversary.txt", "txt", "ingested", "The Meridian Ledger", "2023-02-04",
     "One Year On, the \u201cNo Limits\u201d Pledge Still Shapes Moscow\u2013Beijing Ties", "en",
     "title + own-line dateline; legitimate section subheadings; curly quotes; '60%'"),
    ("002_caspian-wire_russian-banks-swift-spfs.txt", "txt", "ingested", "Caspian Wire", "2022-03-02", "", "en",
     "no title; leading ' date ... (MENAFN- Caspian Wire)' marker on the same line as the lead; triple blank lines; subheading; hashtag line"),
    ("003_unattributed_xi-moscow-state-visit.txt", "txt", "ingested", "", "",
     "Xi Arrives in Moscow for First Foreign Trip of His Third Term", "en",
     "undated, no outlet; 'in , , ,' first line; Read Time; 'See also'; 'What do you think?' + 3 related headlines at end"),
    ("004_pampas-post_brazil-china-local-currency.txt", "txt", "ingested", "Pampas Post", "2023-03-30",
     "Brazil and China Agree to Settle Trade Without the Dollar", "en",
     "own-line dateline; 'Leave a Reply' comment-form footer; '$8-10 billion', '27 per cent'; original of the syndicated copy 016"),
    ("005_unattributed_central-banks-gold-buying.txt", "txt", "ingested", "", "", "", "en",
     "undated, no outlet, no title (first line is lead sentence); implausible figure (a few tonnes of gold worth $400 billion); stray ad heading; 'More interesting news - subscribe'; hashtags"),
    ("006_southern-cross-monitor_johannesburg-brics-expansion.txt", "txt", "ingested", "Southern Cross Monitor", "2023-08-24",
     "BRICS Invites Six Countries to Join at Johannesburg Summit", "en",
     "title repeated twice (second copy with double spaces); own-line dateline; subheading; double space in body"),
    ("007_harbor-street-journal_india-uae-rupee-dirham.txt", "txt", "ingested", "Harbor Street Journal", "2023-07-16", "", "en",
     "no title; MENAFN marker line; legitimate subheadings; 'US$ 85 billion', '$3-5 billion'"),
    ("008_meridian-ledger_putin-belt-and-road-forum.txt", "txt", "ingested", "The Meridian Ledger", "2023-10-18",
     "Putin Joins Xi as Guest of Honour at Belt and Road Forum", "en",
     "'Home \u00bb World \u00bb Asia' breadcrumb first line; truncated word at paragraph start ('ident Xi Jinping'); 'See also'; share crumbs; '350 billion yuan'"),
    ("009_eastbridge-daily_putin-state-visit-beijing-harbin.txt", "txt", "ingested", "Eastbridge Daily", "2024-05-17",
     "Putin Picks Beijing for First Trip of New Term", "en",
     "factual slip: calls Xi Jinping 'Chinese Prime Minister'; subheadings; 'Leave a Reply' footer"),
    ("010_caspian-wire_kazan-summit-brics-pay.txt", "txt", "ingested", "Caspian Wire", "2024-10-23", "", "en",
     "no title; MENAFN marker line; subheadings; stray ad heading between paragraphs"),
    ("011_unattributed_china-treasury-holdings.txt", "txt", "ingested", "", "",
     "Beijing Trims Its Treasury Pile as Reserve Managers Spread Their Bets", "en",
     "undated, no outlet; title repeated (second copy with double space); crypto ticker line '$BTC 88,304.4 +0.05%'; '$240.1 billion'; 'More interesting news - subscribe'; hashtags"),
    ("012_unattributed_xi-putin-video-call.txt", "txt", "ingested", "", "",
     "Xi and Putin Hold Video Call a Day After Washington Changes Hands", "en",
     "undated, no outlet; 'in , , ,' first line; Read Time; 'See also'; 'What do you think?' + 3 related headlines at end"),
    ("013_pampas-post_xi-victory-day-moscow.txt", "txt", "ingested", "Pampas Post", "2025-05-09",
     "Xi Stands Beside Putin as Moscow Marks 80 Years Since Victory", "en",
     "own-line dateline; truncated word at paragraph start ('sident Putin'); share crumbs; 'Leave a Reply' footer"),
    ("014_unattributed_iran-russia-mir-shetab.txt", "txt", "ingested", "", "", "", "en",
     "undated, no outlet, no title; factual slip 'World Trade Organization (WHO)'; unbalanced opening quote"),
    ("015_caspian-wire_russia-china-trade-ruble-yuan.txt", "txt", "ingested", "Caspian Wire", "2024-01-13", "", "en",
     "no title; MENAFN marker line; subheadings; '$240.1 billion', '26.3 percent', '90 percent'"),
    ("016_southern-cross-monitor_brazil-china-local-currency-syndicated.txt", "txt", "duplicate", "Southern Cross Monitor", "2023-03-30",
     "Brazil and China Agree to Settle Trade Without the Dollar", "en",
     "syndicated near-duplicate of 004 (~92% identical): other outlet dateline, one sentence reworded, republication boilerplate line added"),
    (CP1252_NAME, "txt", "ingested", "Harbor Street Journal", "2024-06-06",
     "Riyadh Joins mBridge as Gulf Tests New Payment Rails", "en",
     "encoded in cp1252 (not valid UTF-8): curly quotes, en dash, e-acute; '50 billion yuan'; subheading"),
    (MOJIBAKE_NAME, "txt", "ingested", "", "",
     "Dollar Share of Global Reserves Edges Lower, Slowly", "en",
     "undated; outlet named only in a byline line, which stays article text (not read as the outlet); mojibake spans (UTF-8 read as cp1252): chart emoji, two right single quotes; '58%', '71 percent', '2 per cent'"),
    (NFD_NAME, "txt", "ingested", "Pampas Post", "2023-11-18",
     "Caracas Leans on Mir Cards and BRICS Hopes After Moscow Talks", "en",
     "NFD combining accent in 'Yvan Gil' (Yva + U+0301 + n); no-break spaces U+00A0; double spaces after sentences"),
    ("020_faro-austral_es_venezuela-brasil-brics.txt", "txt", "ingested", "El Faro Austral", "2024-10-25",
     "Brasil frena el ingreso de Venezuela como pa\u00eds socio de los BRICS", "es",
     "Spanish; own-line dateline with Spanish date; subheading"),
    ("021_meridian-ledger_explainer-swift-spfs-cips.md", "md", "ingested", "", "",
     "Explainer: SWIFT, SPFS and CIPS in Plain Terms", "en",
     "Markdown: '#' title, '##' subheadings, bullet list, bold, table; undated; outlet only in an italic byline line (kept as text)"),
    ("022_eastbridge-daily_kazan-declaration-payments.html", "html", "ingested", "Eastbridge Daily", "2024-10-24",
     "Kazan Declaration Nods to Payment Links but Skips a Common Currency", "en",
     "full page: nav, header, sidebar, cookie footer; <script>alert('x')</script> in sidebar; article paragraph with escaped &lt;b&gt;; title from <h1> (<title> adds ' | Eastbridge Daily')"),
    ("023_atlas-finance-review_central-bank-gold-third-year.html", "html", "ingested", "Atlas Finance Review", "2025-02-05",
     "Central Banks Log a Third Straight Year of Heavy Gold Buying", "en",
     "full page: nav, header menu, related-links aside, cookie/copyright footer; '27 percent'"),
    ("024_southern-cross-monitor_argentina-declines-brics.html", "html", "ingested", "Southern Cross Monitor", "2023-12-29",
     "Argentina Formally Turns Down BRICS Invitation", "en",
     "full page: nav, header date strip, 'Most read' sidebar, cookie footer; '130 billion yuan'"),
    ("027_rhein-kurier_de_rubel-yuan-handel.txt", "txt", "ingested", "Rhein-Kurier", "2024-05-17",
     "Russland und China rechnen fast nur noch in Rubel und Yuan ab", "de",
     "German; own-line dateline with German date; 'Lesedauer', 'Teilen' share line, 'Lesen Sie auch' link and 'Anzeige' "
     "(boilerplate in German); subheading; 'Kremls', 'Moskau', 'Peking' (metonyms and a place in German)"),
    ("028_gazette-du-leman_fr_banques-centrales-or.html", "html", "ingested", "La Gazette du L\u00e9man", "2024-02-14",
     "L\u2019or, valeur refuge des banques centrales pour la deuxi\u00e8me ann\u00e9e", "fr",
     "French; full page: nav, 'Temps de lecture' and 'Partager' lines, '\u00c0 lire aussi' link, most-read aside, "
     "'Publicit\u00e9' footer; institution named in lower case after its head ('Observatoire l\u00e9manique des ...')"),
    ("029_correio-do-cerrado_pt_cupula-brics-rio.txt", "txt", "ingested", "Correio do Cerrado", "2025-07-06",
     "Lula abre c\u00fapula do BRICS no Rio e defende com\u00e9rcio em moedas locais", "pt",
     "Portuguese; own-line dateline with Portuguese date; 'Compartilhe' share line, 'Leia tamb\u00e9m' link, "
     "'Publicidade' and 'Deixe um coment\u00e1rio' (boilerplate in Portuguese); subheading"),
    (JSONL_NAME, "jsonl", "ingested", "", "", "", "en",
     "5 lines: line 1 Caspian Wire 2023-04-14 'Lula Questions Dollar Dominance During Shanghai Stop'; "
     "line 2 The Meridian Ledger 2023-07-01 'Argentina Pays Part of IMF Bill in Yuan'; "
     "line 3 MALFORMED (truncated JSON, should be skipped); "
     "line 4 Harbor Street Journal 2024-12-01 'Trump Threatens 100% Tariffs Over Any BRICS Currency'; "
     "line 5 Southern Cross Monitor 2025-01-07 'Indonesia Becomes Full Member of BRICS'"),
    (CSV_NAME, "csv", "ingested", "", "", "", "en",
     "3 records, all Atlas Finance Review: 2023-07-04 'Indian Refiners Settle Some Russian Oil Cargoes in Yuan'; "
     "2024-11-01 'BIS Steps Back From mBridge Payments Project'; "
     "2023-08-23 'New Development Bank Aims to Lend More in Local Currencies'; multi-paragraph quoted text fields"),
    ("corrupt.txt", "txt", "skipped", "", "", "", "",
     "2,000 random bytes from random.Random(7), includes NUL bytes; not decodable as text"),
    ("empty.txt", "txt", "skipped", "", "", "", "", "0 bytes"),
]


def write_special_files() -> None:
    ARTICLES.mkdir(parents=True, exist_ok=True)

    (ARTICLES / "empty.txt").write_bytes(b"")

    rng = random.Random(7)
    blob = bytes(rng.getrandbits(8) for _ in range(2000))
    assert b"\x00" in blob
    (ARTICLES / "corrupt.txt").write_bytes(blob)

    (ARTICLES / CP1252_NAME).write_bytes(CP1252_TEXT.encode("cp1252"))
    (ARTICLES / MOJIBAKE_NAME).write_bytes(MOJIBAKE_TEXT.encode("utf-8"))
    (ARTICLES / NFD_NAME).write_bytes(NFD_TEXT.encode("utf-8"))

    lines = [json.dumps(r, ensure_ascii=False) for r in JSONL_RECORDS]
    lines.insert(2, JSONL_TRUNCATED)
    (ARTICLES / JSONL_NAME).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))

    with open(ARTICLES / CSV_NAME, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "title", "date", "outlet", "text"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(CSV_RECORDS)


def write_manifest() -> None:
    on_disk = sorted(p.name for p in ARTICLES.iterdir() if p.is_file())
    listed = sorted(row[0] for row in MANIFEST_ROWS)
    if on_disk != listed:
        raise SystemExit(f"manifest out of sync with articles/: {sorted(set(on_disk) ^ set(listed))}")
    with open(HERE / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(MANIFEST_FIELDS)
        for row in sorted(MANIFEST_ROWS, key=lambda r: r[0]):
            writer.writerow(row)


if __name__ == "__main__":
    write_special_files()
    write_manifest()
