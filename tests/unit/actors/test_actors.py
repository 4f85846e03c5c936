"""Actor extraction on our own synthetic sentences, with a small dictionary written here."""
from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from analysis.actors.extractor import ActorExtractor
from analysis.actors.matching import AliasMatcher
from analysis.actors.patterns import trie_pattern
from analysis.lexicons.actors import LexiconError, load_dictionary
from analysis.lexicons.titles import roles_for

PEOPLE = """
actors:
  - id: xi_jinping
    name: Xi Jinping
    type: person
    country: CHN
    aliases: [Xi]
    roles:
      - {role: head_of_state, country: CHN, title: President, start: 2013-03-14, end: null}
  - id: li_qiang
    name: Li Qiang
    type: person
    country: CHN
    roles:
      - {role: head_of_government, country: CHN, title: Premier, start: 2023-03-11, end: null}
  - id: sergei_shoigu
    name: Sergei Shoigu
    type: person
    country: RUS
    aliases: [Shoigu]
    roles:
      - {role: defence_minister, country: RUS, title: Defence Minister, start: 2012-11-06, end: 2024-05-12}
      - {role: security_council_secretary, country: RUS, start: 2024-05-12, end: null}
  - id: andrei_belousov
    name: Andrei Belousov
    type: person
    country: RUS
    aliases: [Belousov]
    roles:
      - {role: defence_minister, country: RUS, title: Defence Minister, start: 2024-05-14, end: null}
  - id: world_trade_organization
    name: World Trade Organization
    type: organization
    sector: intergovernmental
    aliases: [WTO]
  - id: world_health_organization
    name: World Health Organization
    type: organization
    sector: intergovernmental
    aliases: [WHO]
  - id: brics
    name: BRICS
    type: group
    sector: intergovernmental
  - id: beijing
    name: Beijing
    type: place
    country: CHN
    metonym_for: China
  - id: kremlin
    name: the Kremlin
    type: place
    country: RUS
    aliases: [Kremlin]
    metonym_for: Russia
"""


@pytest.fixture(scope="module")
def dictionary_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lexicon")
    (folder / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (folder / "countries.yaml").write_text("countries:\n  USA: {aliases: [US, U.S.]}\n  CHN: {aliases: [Sino]}\n",
                                           encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extractor(dictionary_dir):
    return ActorExtractor(load_dictionary(dictionary_dir))


@pytest.fixture(scope="module")
def project_extractor():
    """The extractor over the project's own dictionary."""
    return ActorExtractor(load_dictionary())


def names(result, text):
    return [(text[m.start:m.end], m.actor_name, m.via) for m in result.mentions]


def test_case_rules_word_boundaries_possessives_and_compounds(extractor):
    text = "Let us see: the US and Xi’s China-Russia ties, Sino-Russian trade, a taxi, the chinese tea, WHO and who."
    found = names(extractor.extract(text), text)
    assert ("US", "United States", "alias") in found
    assert ("Xi", "Xi Jinping", "alias") in found
    assert [n for s, n, _ in found].count("China") == 2       # "China-" and "Sino-"
    assert [n for s, n, _ in found].count("Russia") == 2      # "-Russia" and "-Russian"
    assert ("WHO", "World Health Organization", "alias") in found
    assert not any(s in {"us", "chinese", "who", "xi"} for s, _, _ in found)


def test_longest_match_wins():
    matcher = AliasMatcher({"Xi": ["xi"], "Xi Jinping": ["xi"], "Jinping": ["other"]})
    assert [(m.start, m.end) for m in matcher.find("Xi Jinping spoke.")] == [(0, 10)]


def test_wrong_title_is_flagged_and_the_person_kept(extractor):
    text = "Chinese Prime Minister Xi Jinping met the delegation."
    result = extractor.extract(text, dt.date(2024, 5, 17))
    assert names(result, text) == [("Xi Jinping", "Xi Jinping", "name")]   # "Chinese" belongs to the title
    [flag] = result.flags
    assert flag.flag == "title_mismatch" and "Prime Minister" in flag.detail and "President" in flag.detail


def test_right_title_is_not_flagged(extractor):
    for text in ("Chinese President Xi Jinping spoke.", "Premier Li Qiang spoke.", "Former Defence Minister Sergei Shoigu spoke."):
        assert extractor.extract(text, dt.date(2024, 8, 1)).flags == []


def test_a_qualifier_before_the_country_and_a_title_that_begins_a_role_are_no_slips(project_extractor):
    day = dt.date(2023, 8, 23)  # Rousseff was Brazil's president until 2016, the New Development Bank's since 2023
    for text in ("The swearing-in of former Brazilian president Dilma Rousseff.", "The bank's president Dilma Rousseff said.",
                 "Then-Russian defence minister Sergei Shoigu said."):
        assert project_extractor.extract(text, day).flags == [], text
    slip = project_extractor.extract("Brazilian president Dilma Rousseff said.", day)
    assert [f.flag for f in slip.flags] == ["title_mismatch"]


def test_title_outside_its_dates_is_flagged(extractor):
    result = extractor.extract("Defence Minister Sergei Shoigu visited.", dt.date(2024, 8, 1))
    assert [f.flag for f in result.flags] == ["title_mismatch"]


@pytest.mark.parametrize("day, expected", [(dt.date(2023, 6, 1), "Sergei Shoigu"), (dt.date(2024, 6, 1), "Andrei Belousov")])
def test_role_description_resolves_by_the_article_date(extractor, day, expected):
    text = "Russia’s defence minister arrived on Monday, and the Chinese president welcomed him."
    result = extractor.extract(text, day)
    resolved = [(s, n) for s, n, via in names(result, text) if via == "role_description"]
    assert resolved == [("Russia’s defence minister", expected), ("Chinese president", "Xi Jinping")]
    assert not any(n in {"Russia", "China"} for _, n, _ in names(result, text))


def test_undated_role_description_is_flagged_not_guessed(extractor):
    result = extractor.extract("The Chinese president spoke.", None)
    assert result.mentions == []
    assert [(f.flag, f.detail.split(":")[0]) for f in result.flags] == [("role_undated", "'Chinese president'")]


def test_metonyms_stand_for_the_state_but_not_as_locations(extractor):
    text = "Beijing said the Kremlin agreed. The talks in Beijing ended."
    found = names(extractor.extract(text), text)
    assert found == [("Beijing", "China", "metonym"), ("the Kremlin", "Russia", "metonym"), ("Beijing", "Beijing", "name")]


def test_new_people_are_discovered_and_surnames_follow_them(extractor):
    text = ("Iranian Ambassador to Russia Kazem Rahimi confirmed the plan.\n\nRahimi said trade had doubled, "
            "and Marta Okonjo, an analyst at the Meridian Policy Lab, agreed.")
    result = extractor.extract(text)
    found = names(result, text)
    assert ("Kazem Rahimi", "Kazem Rahimi", "discovered") in found
    assert ("Rahimi", "Kazem Rahimi", "coreference") in found
    assert ("Marta Okonjo", "Marta Okonjo", "discovered") in found
    assert ("Iranian", "Iran", "alias") in found
    assert ("Meridian Policy Lab", "Meridian Policy Lab", "discovered") in found
    assert next(m for m in result.mentions if m.actor_name == "Meridian Policy Lab").actor_type == "organization"
    assert {c.name for c in result.candidates} >= {"Kazem Rahimi", "Marta Okonjo", "Meridian Policy Lab"}


def test_a_discovered_organisation_contains_the_names_inside_it(extractor):
    text = "Analysts at the Harmattan Centre for BRICS Studies disagreed, and the BRICS Business Council did not."
    found = names(extractor.extract(text), text)
    assert ("Harmattan Centre for BRICS Studies", "Harmattan Centre for BRICS Studies", "discovered") in found
    assert ("BRICS", "BRICS", "name") in found                      # "BRICS Business Council" is not discovered
    assert not any(n == "Business Council" for _, n, _ in found)


def test_acronym_contradicting_its_expansion_is_flagged(extractor):
    text = "Both joined the World Trade Organization (WHO) talks."
    result = extractor.extract(text)
    assert [f.flag for f in result.flags] == ["acronym_mismatch"]
    assert {m.actor_name for m in result.mentions} == {"World Trade Organization"}


def test_truncated_paragraph_start_is_flagged(extractor):
    result = extractor.extract("First paragraph.\n\nident Xi Jinping arrived.")
    assert [(f.flag, f.start) for f in result.flags] == [("truncated_word", 18)]
    assert names(result, "First paragraph.\n\nident Xi Jinping arrived.")[0][1] == "Xi Jinping"


def write_lexicon(tmp_path, body: str):
    (tmp_path / "bad.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("body, message", [
    ("actors:\n  - {id: x, name: X}\n", r"bad.yaml: entry 1: missing type"),
    ("actors:\n  - {id: x, name: X, type: robot}\n", r"entry 1 \('x'\): type 'robot'"),
    ("actors:\n  - {id: x, name: X, type: person, roles: [{role: king}]}\n", r"role 1: role must be one of"),
    ("actors:\n  - {id: x, name: X, type: person, roles: [{role: other, start: 2020-13-01}]}\n", r"YYYY-MM-DD"),
    ("actors:\n  - {id: x, name: X, type: person, roles: [{role: other, start: 2020-01-01, end: 2019-01-01}]}\n", "ends"),
    ("actors:\n  - {id: x, name: X, type: person}\n  - {id: x, name: Y, type: person}\n",
     r"id 'x' is used twice: by bad.yaml and by bad.yaml: entry 2"),
    ("actor:\n  - {id: x, name: X, type: person}\n", r"bad.yaml: unknown key 'actor'; did you mean 'actors'\?"),
    ("actors:\n  - {id: x, name: X, type: person, alias: [Y]}\n", r"entry 1 \('x'\): unknown key 'alias'; did you mean 'aliases'"),
    ("actors:\n  - {id: x, name: X, type: person, roles: [{role: other, titel: Envoy}]}\n",
     r"role 1: unknown key 'titel'; did you mean 'title'"),
    ("actors:\n  - {id: x, name: X, type: person, country: RUSS}\n",
     r"bad.yaml \('x'\): country 'RUSS' is no country's ISO 3166 alpha-3 code \(did you mean 'RUS'\?\)"),
    ("actors:\n  - {id: x, name: X, type: person, roles: [{role: other, country: rus}]}\n", r"country 'rus' is no country's"),
    ("countries:\n  RUS: {alias: [Rossiya]}\n", r"bad.yaml: countries: RUS: unknown key 'alias'"),
    ("actors:\n  - {id: x, name: X, type: person, aliases: [NO, 'ok']}\n", "quote values"),
    ("actors: [\n", "not valid YAML"),
])
def test_schema_errors_name_the_file_and_entry(tmp_path, body, message):
    with pytest.raises(LexiconError, match=message):
        load_dictionary(write_lexicon(tmp_path, body))


def test_a_yml_file_is_read_too(tmp_path):
    (tmp_path / "mine.yml").write_text("actors:\n  - {id: x, name: Xenia Rurik, type: person}\n", encoding="utf-8")
    assert load_dictionary(tmp_path).actors["x"].name == "Xenia Rurik"


def test_actors_check_fails_on_a_conflict(tmp_path, capsys):
    from analysis.cli import main

    (tmp_path / "mine.yaml").write_text("actors:\n  - {id: a, name: Alpha Bank, type: organization, aliases: [AB]}\n"
                                        "  - {id: b, name: Alpha Bureau, type: organization, aliases: [AB]}\n")
    assert main(["actors", "check", "--dictionary", str(tmp_path)]) == 1
    assert "'AB': a, b" in capsys.readouterr().out
    (tmp_path / "mine.yaml").write_text("actors:\n  - {id: a, name: Alpha Bank, type: organization, aliases: [AB]}\n")
    assert main(["actors", "check", "--dictionary", str(tmp_path)]) == 0


def test_conflicts_list_aliases_with_two_owners(tmp_path):
    folder = write_lexicon(tmp_path, """
        actors:
          - {id: a, name: Alpha Bank, type: organization, aliases: [AB]}
          - {id: b, name: Alpha Bureau, type: organization, aliases: [AB]}
        """)
    dictionary = load_dictionary(folder)
    assert ("AB", ["a", "b"]) in dictionary.conflicts()
    result = ActorExtractor(dictionary).extract("The AB said so.")
    assert result.mentions == [] and result.flags[0].flag == "ambiguous_alias"


def test_people_who_share_an_alias_are_told_apart_by_the_articles_date(tmp_path):
    folder = write_lexicon(tmp_path, """
        actors:
          - {id: k1, name: Omar the Elder, type: person, country: JOR, aliases: [King Omar],
             roles: [{role: head_of_state, title: King, start: 1990-01-01, end: 2005-12-31}]}
          - {id: k2, name: Omar the Younger, type: person, country: SAU, aliases: [King Omar],
             roles: [{role: head_of_state, title: King, start: 2000-01-01, end: null}]}
        """)
    dictionary = load_dictionary(folder)
    assert dictionary.conflicts() == [] and dictionary.shared_by_date() == [("King Omar", ["k1", "k2"])]
    extractor = ActorExtractor(dictionary)
    found = {day: ([m.actor_name for m in r.mentions], [f.flag for f in r.flags])
             for day in (dt.date(1995, 1, 1), dt.date(2003, 1, 1), dt.date(2010, 1, 1), None)
             for r in [extractor.extract("King Omar spoke.", day)]}
    assert found == {dt.date(1995, 1, 1): (["Omar the Elder"], []), dt.date(2003, 1, 1): ([], ["ambiguous_alias"]),
                     dt.date(2010, 1, 1): (["Omar the Younger"], []), None: ([], ["ambiguous_alias"])}


@pytest.mark.parametrize("text, expected", [
    ("Jordan's King Abdullah spoke.", "Abdullah II of Jordan"),
    ("Saudi King Abdullah spoke.", "Abdullah bin Abdulaziz Al Saud"),
    ("King Abdullah of Jordan spoke.", "Abdullah II of Jordan"),
    ("King Abdullah of Saudi Arabia spoke.", "Abdullah bin Abdulaziz Al Saud"),
])
def test_people_who_share_an_alias_are_told_apart_by_the_country_named_beside_it(project_extractor, text, expected):
    for day in (dt.date(2010, 5, 1), None):  # both reigned in 2010; no date at all
        result = project_extractor.extract(text, day)
        assert [(m.actor_name, m.via) for m in result.mentions if m.actor_type == "person"] == [
            (expected, "alias_by_country")] and result.flags == []
    alone = project_extractor.extract("King Abdullah spoke, and France's King Abdullah too.", dt.date(2010, 5, 1))
    assert [f.flag for f in alone.flags] == ["ambiguous_alias", "ambiguous_alias"]


def test_countries_come_from_the_maintained_sources(extractor):
    countries = {a.name: a for a in extractor.dictionary.actors.values() if a.type == "country"}
    assert len(countries) > 190
    assert {"Russia", "China", "United States", "Iran", "Venezuela", "Belgium"} <= set(countries)
    assert "Russian" in countries["Russia"].aliases and "Belgian" in countries["Belgium"].aliases
    assert "IN" not in countries["India"].aliases  # short codes collide with words


def test_a_country_named_as_a_currency_issuer_is_not_an_actor(extractor):
    text = ("Payments skip the US dollar and the Australian and Canadian dollars; US$ 5 billion moved, "
            "China bought US Treasuries, and the US imposed sanctions.")
    found = names(extractor.extract(text), text)
    assert found == [("China", "China", "name"), ("US", "United States", "alias")]


def test_a_sea_or_territory_named_after_a_country_is_a_place():
    text = "Patrols in the South China Sea and the Indian Ocean, and New Mexico's laws, worried China and India."
    extractor = ActorExtractor(load_dictionary())  # the project's own dictionary, not the test lexicon
    found = [(m.actor_name, m.actor_type) for m in extractor.extract(text).mentions]
    assert found == [("South China Sea", "place"), ("Indian Ocean", "place"), ("New Mexico", "place"),
                     ("China", "country"), ("India", "country")]


def test_every_currency_of_the_table_makes_its_country_an_issuer():
    extractor = ActorExtractor(load_dictionary())  # the project's dictionary and currency table
    text = ("The Indonesian rupiah, the Thai baht, Turkey’s lira and Israeli shekels fell, while Russia’s gold "
            "reserves rose and Russia marks the day; the Bosnian mark held.")
    assert [m.actor_name for m in extractor.extract(text).mentions] == ["Russia", "Russia"]


@pytest.mark.parametrize("text, expected", [
    ("South Korea won the vote, and Iran won a concession.", ["South Korea", "Iran"]),
    ("China’s real estate slump and India's real GDP worried Brazil.", ["China", "India", "Brazil"]),
    ("Russia pounds its rivals while Brazil yields to pressure.", ["Russia", "Brazil"]),
    ("The South Korean won, the Brazilian real and British pounds fell against the yen.", []),
])
def test_a_word_with_an_everyday_sense_is_a_currency_only_after_a_demonym(extractor, text, expected):
    assert [name for _, name, _ in names(extractor.extract(text), text)] == expected


def test_according_to_the_kremlin_is_the_state_not_the_building(extractor):
    text = "According to the Kremlin, the talks went well."
    assert names(extractor.extract(text), text) == [("the Kremlin", "Russia", "metonym")]


def test_discovered_names_keep_particles_prepositions_and_en_dashes(extractor):
    text = ("Analysts at the Río de la Plata Trade Observatory agreed. The Andes Observatory on Asia did not. "
            "The Lagos–Lisbon Finance Lab was silent.")
    found = {n for _, n, via in names(extractor.extract(text), text) if via == "discovered"}
    assert {"Río de la Plata Trade Observatory", "Andes Observatory on Asia", "Lagos–Lisbon Finance Lab"} <= found


def test_metonym_must_name_a_known_actor(tmp_path):
    folder = write_lexicon(tmp_path, "actors:\n  - {id: atlantis_city, name: Poseidonia, type: place, metonym_for: Atlantis}\n")
    with pytest.raises(LexiconError, match="metonym_for 'Atlantis' names no actor"):
        load_dictionary(folder)


def test_the_shipped_dictionary_loads_without_conflicts():
    dictionary = load_dictionary()
    assert dictionary.conflicts() == []
    by_name = dictionary.by_name
    for name in ("Vladimir Putin", "Xi Jinping", "Li Qiang", "Sergei Lavrov", "BRICS", "Shanghai Cooperation Organisation",
                 "United Nations", "New Development Bank", "People's Bank of China", "Xinhua"):
        assert name in by_name, name
    assert by_name["Xinhua"].type == "media"
    # Heads of state and government of the ten focus countries are dated from 2014 on.
    day = dt.date(2024, 6, 1)
    holders = {iso3: {a.name for a in dictionary.holders("head_of_state", iso3, day)}
               for iso3 in ("RUS", "CHN", "USA", "BRA", "ZAF", "ARE")}
    assert holders == {"RUS": {"Vladimir Putin"}, "CHN": {"Xi Jinping"}, "USA": {"Joe Biden"},
                       "BRA": {"Luiz Inácio Lula da Silva"}, "ZAF": {"Cyril Ramaphosa"},
                       "ARE": {"Mohamed bin Zayed Al Nahyan"}}
    assert {a.name for a in dictionary.holders("foreign_minister", "RUS", day)} == {"Sergei Lavrov"}


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Rusia, Bielorrusia y Kazajistán frente a EE. UU. y Arabia Saudita.",
     [("Rusia", "Russia"), ("Bielorrusia", "Belarus"), ("Kazajistán", "Kazakhstan"), ("EE. UU.", "United States"),
      ("Arabia Saudita", "Saudi Arabia")]),
    ("pt", "A Rússia, a Índia, a África do Sul e os Estados Unidos (EUA).",
     [("Rússia", "Russia"), ("Índia", "India"), ("África do Sul", "South Africa"), ("Estados Unidos", "United States"),
      ("EUA", "United States")]),
    ("fr", "La Russie, l’Algérie et les États-Unis. Maurice Dupont a parlé.",
     [("Russie", "Russia"), ("Algérie", "Algeria"), ("États-Unis", "United States")]),
    ("de", "Russland, Island und die Vereinigten Staaten mit den Vereinigten Arabischen Emiraten.",
     [("Russland", "Russia"), ("Island", "Iceland"), ("Vereinigten Staaten", "United States"),
      ("Vereinigten Arabischen Emiraten", "United Arab Emirates")]),
])
def test_country_names_in_other_languages_resolve_in_articles_in_that_language(language, text, expected):
    extractor = ActorExtractor(load_dictionary())
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text, language=language).mentions]
    assert found == expected  # and "Maurice", a first name, is not Mauritius


def test_country_names_of_other_languages_are_not_read_in_english():
    extractor = ActorExtractor(load_dictionary())
    text = "Rhode Island and Long Island lawmakers met; Maurice Obstfeld spoke."
    assert extractor.extract(text, language="en").mentions == []


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Putin llegó a Moscú el lunes. Moscú respondió.", [("Moscú", "Moscow"), ("Moscú", "Russia")]),
    ("pt", "Lula esteve em Pequim. Pequim respondeu.", [("Pequim", "Beijing"), ("Pequim", "China")]),
    ("fr", "Il est arrivé à Moscou. Moscou a répondu.", [("Moscou", "Moscow"), ("Moscou", "Russia")]),
    ("de", "Er reiste nach Moskau. Der Sprecher des Kremls sagte, Moskau antworte.",
     [("Moskau", "Moscow"), ("Kremls", "Russia"), ("Moskau", "Russia")]),
])
def test_capitals_of_other_languages_are_places_after_their_locatives_and_states_elsewhere(language, text, expected):
    extractor = ActorExtractor(load_dictionary())
    mentions = extractor.extract(text, language=language).mentions
    assert [(text[m.start:m.end], m.actor_name) for m in mentions if m.actor_type != "person"] == expected


def test_the_tail_of_a_coordinated_name_is_not_an_organisation():
    extractor = ActorExtractor(load_dictionary())
    text = "Putin spoke at the Belt and Road Forum in October."
    result = extractor.extract(text, dt.date(2023, 10, 18))
    assert not any(m.via == "discovered" for m in result.mentions)
    assert "Road Forum" in {c.name for c in result.candidates}


def test_a_surname_that_comes_first_is_the_one_later_mentions_use():
    extractor = ActorExtractor(load_dictionary())
    text = "Foreign Minister Wang Yi met Sergei Lavrov. Wang said the talks went well; Lavrov agreed."
    found = [(text[m.start:m.end], m.actor_name, m.via) for m in extractor.extract(text).mentions]
    assert ("Wang", "Wang Yi", "coreference") in found and ("Lavrov", "Sergei Lavrov", "alias") in found


def test_an_initial_before_a_name_keeps_the_title_with_the_person():
    extractor = ActorExtractor(load_dictionary())
    text = "Indian External Affairs Minister S. Jaishankar spoke."
    result = extractor.extract(text, dt.date(2024, 10, 1))
    assert [(text[m.start:m.end], m.via) for m in result.mentions] == [("S. Jaishankar", "name")]
    assert result.flags == []


def test_connectors_left_at_the_edge_of_a_run_make_no_name(extractor):
    text = "Secretary of State Antony Blinken spoke on Wednesday. The Ministry of Foreign Affairs of the PRC agreed."
    result = extractor.extract(text)
    assert not [c.name for c in result.candidates if c.name.split()[0].islower() or c.name.split()[-1].islower()]
    assert "discovered" not in {m.via for m in result.mentions}


def test_titles_before_a_new_name_are_not_part_of_it():
    extractor = ActorExtractor(load_dictionary())
    text = "Ambassador Lin Weiguo met Deputy Prime Minister Anna Kovac. Vice Premier He Lifeng joined. He said so."
    found = [(m.actor_name, m.via) for m in extractor.extract(text).mentions]
    assert found == [("Lin Weiguo", "discovered"), ("Anna Kovac", "discovered"), ("He Lifeng", "name")]


@pytest.mark.parametrize("text, person, organisation", [
    ("«El veto muestra mucho», opinó Lucía Arámbula, analista del Instituto Cono Sur de Estudios Monetarios.",
     "Lucía Arámbula", "Instituto Cono Sur de Estudios Monetarios"),
    ("Laut Anna Weber vom Kieler Zentrum sinkt der Dollar.", "Anna Weber", "Kieler Zentrum"),
    ("Economists at the Institute of International Finance agreed, said Mark Halloway.",
     "Mark Halloway", "Institute of International Finance"),
])
def test_new_people_and_organisations_are_found_in_spanish_german_and_english(extractor, text, person, organisation):
    found = {(m.actor_name, m.actor_type) for m in extractor.extract(text).mentions if m.via == "discovered"}
    assert found == {(person, "person"), (organisation, "organization")}


def test_a_generic_ministry_is_not_a_new_organisation(extractor):
    assert extractor.extract("The Ministry of Finance said so.").mentions == []


def test_a_title_nobody_holds_that_day_is_flagged_not_given_to_another_office():
    # Between Ebrahim Raisi's death and Masoud Pezeshkian's inauguration (2024) Iran had no
    # president in the dictionary; its head of state, the Supreme Leader, is not "the president".
    extractor = ActorExtractor(load_dictionary())
    text = "The Iranian president spoke."
    between = extractor.extract(text, dt.date(2024, 6, 1))
    assert between.mentions == [] and [f.flag for f in between.flags] == ["role_unresolved"]
    after = extractor.extract(text, dt.date(2024, 8, 15))
    assert [m.actor_name for m in after.mentions] == ["Masoud Pezeshkian"]


def test_the_us_defence_secretary_under_the_title_secretary_of_war():
    extractor = ActorExtractor(load_dictionary())
    text = "The US war secretary met Secretary of War Pete Hegseth's aides."
    result = extractor.extract(text, dt.date(2025, 10, 1))
    assert [(m.actor_name, m.via) for m in result.mentions] == [("Pete Hegseth", "role_description"),
                                                                  ("Pete Hegseth", "name")]
    assert result.flags == []


def test_an_organisation_that_only_names_a_persons_office_is_not_a_mention():
    extractor = ActorExtractor(load_dictionary())
    text = ("UN Secretary-General António Guterres met ECB President Christine Lagarde; "
            "the IMF and Xi Jinping disagreed, and Fed Chair Jerome Powell said the Fed would wait.")
    found = [m.actor_name for m in extractor.extract(text).mentions]
    assert found == ["António Guterres", "Christine Lagarde", "International Monetary Fund", "Xi Jinping",
                     "Jerome Powell", "Federal Reserve"]


INSTITUTIONS = """
actors:
  - {id: bank_of_russia, name: Bank of Russia, type: organization, country: RUS, sector: central_bank,
     descriptions: [central bank]}
  - {id: russian_security_council, name: Security Council of Russia, type: organization, country: RUS, sector: security,
     descriptions: [Security Council]}
  - {id: un_security_council, name: United Nations Security Council, type: organization, sector: intergovernmental,
     aliases: [UN Security Council, Security Council]}
  - {id: us_treasury, name: United States Department of the Treasury, type: organization, country: USA,
     sector: government, descriptions: [Treasury, Treasury Department]}
  - {id: janet_yellen, name: Janet Yellen, type: person, country: USA,
     roles: [{role: finance_minister, country: USA, title: Treasury Secretary, start: 2021-01-26, end: 2025-01-20}]}
"""


@pytest.fixture(scope="module")
def institutions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("institutions")
    (folder / "organizations.yaml").write_text(INSTITUTIONS, encoding="utf-8")
    (folder / "countries.yaml").write_text("countries:\n  USA: {aliases: [US]}\n", encoding="utf-8")
    return ActorExtractor(load_dictionary(folder))


@pytest.mark.parametrize("text, expected", [
    ("Russia’s central bank sold yuan.", [("Russia’s central bank", "Bank of Russia")]),
    ("The Russian Central Bank sold yuan.", [("Russian Central Bank", "Bank of Russia")]),
    ("US Treasury data showed it.", [("US Treasury", "United States Department of the Treasury")]),
    ("Russia's Security Council met.", [("Russia's Security Council", "Security Council of Russia")]),
    # no body of that kind in the dictionary: the country stays the actor
    ("Chile’s central bank and the Russian foreign ministry agreed.", [("Chile", "Chile"), ("Russian", "Russia")]),
    # a currency or a title after the country goes first
    ("US Treasury bonds and US Treasury yields fell.", []),
    ("US Treasury Secretary Janet Yellen spoke.", [("Janet Yellen", "Janet Yellen")]),
])
def test_a_country_with_a_description_names_its_body(institutions, text, expected):
    result = institutions.extract(text, dt.date(2024, 5, 1))
    assert [(s, n) for s, n, _ in names(result, text)] == expected
    assert not result.candidates  # neither the body's words nor an issuer's name is offered as a new name


@pytest.mark.parametrize("text, expected", [
    ("Shoigu’s Russia is back; he is now secretary of the Security Council.", "Security Council of Russia"),
    ("Moscow backs the UN and its Security Council.", "United Nations Security Council"),
    ("Russia spoke. The Security Council met.", "United Nations Security Council"),  # another sentence
])
def test_a_description_alone_is_the_body_of_the_sentence_country(institutions, text, expected):
    found = [n for s, n, _ in names(institutions.extract(text), text) if s == "Security Council"]
    assert found == [expected]


def test_a_description_needs_a_country_and_one_body(tmp_path):
    folder = write_lexicon(tmp_path, "actors:\n  - {id: cb, name: Central Bank, type: organization, descriptions: [central bank]}\n")
    with pytest.raises(LexiconError, match=r"bad.yaml: entry 1 \('cb'\): descriptions .* add the entry's country"):
        load_dictionary(folder)
    folder = write_lexicon(tmp_path, "actors:\n"
                           "  - {id: cb, name: Bank of Russia, type: organization, country: RUS, descriptions: [central bank]}\n"
                           "  - {id: cb2, name: Other Bank, type: organization, country: RUS, descriptions: [Central Bank]}\n")
    with pytest.raises(LexiconError, match="description 'Central Bank' of RUS is already"):
        load_dictionary(folder)


@pytest.mark.parametrize("text, people, organisations, others", [
    ("Lena Varga of the Danube Policy Institute said the swap was symbolic.",
     ["Lena Varga"], ["Danube Policy Institute"], []),
    ("Analyst Tomas Rey of Harbour Capital Partners expects more.", ["Tomas Rey"], ["Harbour Capital Partners"], []),
    # the affiliation after "of" is no person, even before a speech verb
    ("Omar Haddad of Crescent Ledger said so.", ["Omar Haddad"], [], ["Crescent Ledger"]),
    # an organisation's head before "of" keeps the name whole
    ("The Institute of Monsoon Finance said so.", [], ["Institute of Monsoon Finance"], []),
])
def test_a_person_of_an_organisation_is_two_names(extractor, text, people, organisations, others):
    result = extractor.extract(text)
    discovered = [(m.actor_name, m.actor_type) for m in result.mentions if m.via == "discovered"]
    assert discovered == [(p, "person") for p in people] + [(o, "organization") for o in organisations]
    assert [c.name for c in result.candidates] == people + organisations + others


def test_a_title_before_a_known_person_is_no_new_name():
    extractor = ActorExtractor(load_dictionary())  # the project's dictionary: S. Jaishankar's title
    text = "India's External Affairs Minister S. Jaishankar met Supreme Leader Ali Khamenei."
    result = extractor.extract(text, dt.date(2024, 1, 10))
    assert [m.actor_name for m in result.mentions] == ["S. Jaishankar", "Ali Khamenei"]
    assert result.candidates == []


def test_british_house_style_acronyms_are_the_same_actors():
    extractor = ActorExtractor(load_dictionary())
    text = "Opec+ and Opec, Nato, Asean and Apec watched the Brics summit; the brics of a wall did not."
    assert [m.actor_name for m in extractor.extract(text).mentions] == [
        "OPEC+", "OPEC", "NATO", "Association of Southeast Asian Nations", "Asia-Pacific Economic Cooperation", "BRICS"]


def test_a_groups_adjective_starting_another_name_is_no_mention():
    extractor = ActorExtractor(load_dictionary())
    text = "Western sanctions pushed migrants from Western Union to crypto, Western officials said."
    result = extractor.extract(text)
    assert [(text[m.start:m.end], m.actor_name) for m in result.mentions] == [("Western", "the West"),
                                                                             ("Western", "the West")]
    assert [c.name for c in result.candidates] == ["Western Union"]


def test_adjectives_must_be_aliases(tmp_path):
    folder = write_lexicon(tmp_path, "actors:\n  - {id: w, name: the West, type: group, aliases: [Western], adjectives: [Westerly]}\n")
    with pytest.raises(LexiconError, match=r"\('w'\): adjectives must be a list of the entry's aliases"):
        load_dictionary(folder)


@pytest.mark.parametrize("text, person", [
    ("Northgate CEO Dana Whitcombe said clients were switching to yuan.", "Dana Whitcombe"),
    ("Reserve Bank Governor Sanjay Mehra said so.", "Sanjay Mehra"),
    ("Harbour Bank chief Ivo Marek urged faster settlement.", "Ivo Marek"),
    ("Fund head Lucia Brandt warned of fragmentation.", "Lucia Brandt"),
    # an acronym is no part of a person's name, whatever the title before it
    ("Ana Ruiz, the bank's chief Asia FX strategist, disagreed.", "Ana Ruiz"),
])
def test_business_titles_mark_new_people(extractor, text, person):
    people = [m.actor_name for m in extractor.extract(text).mentions if m.actor_type == "person"]
    assert people == [person]


def test_firms_named_by_their_business_are_organisations(extractor):
    text = "Analysts at Coromandel Securities expect cuts. Tagus Economics does not."
    found = [(m.actor_name, m.actor_type) for m in extractor.extract(text).mentions]
    assert found == [("Coromandel Securities", "organization"), ("Tagus Economics", "organization")]


def test_a_demonym_belongs_to_the_organisation_it_starts():
    extractor = ActorExtractor(load_dictionary())
    text = ("The Saudi Public Investment Fund, the Russian-Chinese Forum on Harbour Trade and the BRICS Business "
            "Council met in Kazan.")
    found = [(m.actor_name, m.actor_type) for m in extractor.extract(text).mentions]
    assert found == [("Saudi Public Investment Fund", "organization"),
                     ("Russian-Chinese Forum on Harbour Trade", "organization"),
                     ("BRICS Business Council", "organization"), ("Kazan", "place")]


def test_one_meeting_of_a_series_is_an_event_not_an_organisation():
    extractor = ActorExtractor(load_dictionary())
    text = ("He will open the fourth Russian-Chinese Forum on Harbour Trade and the 12th Kazan Grain Forum, "
            "then the annual Alborz Policy Forum. The Kazan Grain Forum said it expects 900 guests.")
    result = extractor.extract(text)
    assert [(c.name, c.kind) for c in result.candidates] == [
        ("Russian-Chinese Forum on Harbour Trade", "event"), ("Kazan Grain Forum", "event"),
        ("Alborz Policy Forum", "event"), ("Kazan Grain Forum", "organisation_head")]
    discovered = [(text[m.start:m.end], m.start) for m in result.mentions if m.via == "discovered"]
    assert discovered == [("Kazan Grain Forum", text.rindex("Kazan Grain Forum"))]


def test_a_capital_standing_for_its_state_names_the_states_bodies_too():
    extractor = ActorExtractor(load_dictionary())
    text = "Beijing’s central bank bought gold, and Moscow's finance ministry sold yuan in Moscow's central district."
    assert [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions] == [
        ("Beijing’s central bank", "People's Bank of China"), ("Moscow's finance ministry", "Ministry of Finance of Russia"),
        ("Moscow", "Moscow")]


def test_trie_pattern_matches_exactly_its_words_longest_first():
    pattern = re.compile(rf"(?:{trie_pattern({'rial', 'rials', 'riyal', 'central bank', 'central bank chief'})})\b")
    assert [m.group() for m in pattern.finditer("rials, riyal, rial, central  bank chief, ria, randy")] == [
        "rials", "riyal", "rial", "central  bank chief"]
    assert re.compile(trie_pattern(set())).search("anything") is None


def test_a_place_belongs_to_the_organisation_it_starts():
    extractor = ActorExtractor(load_dictionary())
    text = "Students of the Kazan Monetary Academy met traders from the Shanghai Gold Exchange in Kazan."
    found = [(m.actor_name, m.actor_type) for m in extractor.extract(text).mentions]
    assert found == [("Kazan Monetary Academy", "organization"), ("Shanghai Gold Exchange", "organization"),
                     ("Kazan", "place")]


def test_a_headline_in_title_case_offers_no_new_names(extractor):
    text = "Xi Meets Putin As China And Russia Deepen Ties Against Dollar\n\nThe Danube Policy Institute said so."
    result = extractor.extract(text)
    assert [c.name for c in result.candidates] == ["Danube Policy Institute"]
    assert {"Xi Jinping", "China", "Russia"} <= {m.actor_name for m in result.mentions}


def test_demonyms_of_other_languages_are_matched_only_in_that_language():
    extractor = ActorExtractor(load_dictionary())
    text = "La economía rusa y el gobierno brasileno firmaron; la china y Rusia también."
    spanish = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text, language="es").mentions]
    assert spanish == [("rusa", "Russia"), ("brasileno", "Brazil"), ("china", "China"), ("Rusia", "Russia")]
    assert extractor.extract(text, language="en").mentions == []  # the Spanish name "Rusia" too
    german = "Die russische Regierung sprach mit chinesischen Banken; die Türken und Inder warteten."
    assert [(german[m.start:m.end], m.actor_name) for m in extractor.extract(german, language="de").mentions] == [
        ("russische", "Russia"), ("chinesischen", "China"), ("Türken", "Turkey"), ("Inder", "India")]


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Las relaciones sino-rusas y ruso-chinas, no sino otras; el eje franco-alemán.",
     [("sino", "China"), ("rusas", "Russia"), ("ruso", "Russia"), ("chinas", "China"), ("franco", "France"),
      ("alemán", "Germany")]),
    ("fr", "Les relations sino-russes et le couple franco-allemand; l'Indo-Pacifique.",
     [("sino", "China"), ("russes", "Russia"), ("franco", "France"), ("allemand", "Germany")]),
    ("pt", "O eixo sino-brasileiro e o governo egípcio.", [("sino", "China"), ("brasileiro", "Brazil"), ("egípcio", "Egypt")]),
    ("de", "Die sino-amerikanischen Beziehungen und die deutsche Regierung.",
     [("sino", "China"), ("amerikanischen", "United States"), ("deutsche", "Germany")]),
])
def test_combining_forms_and_demonyms_of_other_languages(project_extractor, language, text, expected):
    assert [(text[m.start:m.end], m.actor_name) for m in project_extractor.extract(text, None, language).mentions] == expected
    assert "China" not in {m.actor_name for m in project_extractor.extract(text, None, "en").mentions}


@pytest.mark.parametrize("body, message", [
    ("demonyms:\n  spanish: {RUS: [ruso]}\n", "'spanish' must be a two-letter language code"),
    ("demonyms:\n  es: {XYZ: [equis]}\n", "'XYZ' is no country's ISO 3166 alpha-3 code"),
    ("demonyms:\n  es: {RUS: ruso}\n", "es: RUS: forms must be a list of words"),
    ("demonyms:\n  es: {RUS: [Chinese]}\n", "es: 'Chinese' is already a name of country_chn"),
    ("combining_forms:\n  es: {XYZ: [equis]}\n", "'XYZ' is no country's ISO 3166 alpha-3 code"),
    ("combining_forms:\n  es: {CHN: [sino chino]}\n", "forms are single words"),
])
def test_demonyms_are_checked(tmp_path, body, message):
    with pytest.raises(LexiconError, match=f"bad.yaml: (demonyms|combining_forms): .*{message}"):
        load_dictionary(write_lexicon(tmp_path, body))


@pytest.mark.parametrize("language, text, expected", [
    ("es", "La cancillería venezolana reaccionó y el presidente ruso recibió al canciller venezolano.",
     [("cancillería venezolana", "Ministry of Foreign Affairs of Venezuela", "institution_description"),
      ("presidente ruso", "Vladimir Putin", "role_description"), ("canciller venezolano", "Yván Gil", "role_description")]),
    ("es", "El presidente ruso, Vladimir Putin, habló con el ministro de Exteriores ruso y el ex presidente brasileño.",
     [("Vladimir Putin", "Vladimir Putin", "name"), ("ministro de Exteriores ruso", "Sergei Lavrov", "role_description")]),
    ("de", "Der russische Präsident empfing den chinesischen Außenminister; die russische Zentralbank schwieg.",
     [("russische Präsident", "Vladimir Putin", "role_description"), ("chinesischen Außenminister", "Wang Yi", "role_description"),
      ("russische Zentralbank", "Bank of Russia", "institution_description")]),
    ("fr", "Le président russe et le ministre chinois des Affaires étrangères. Le chef de la diplomatie russe parla.",
     [("président russe", "Vladimir Putin", "role_description"),
      ("ministre chinois des Affaires étrangères", "Wang Yi", "role_description"),
      ("chef de la diplomatie russe", "Sergei Lavrov", "role_description")]),
    ("pt", "O presidente russo e o chanceler brasileiro falaram com o Banco Central russo.",
     [("presidente russo", "Vladimir Putin", "role_description"), ("chanceler brasileiro", "Mauro Vieira", "role_description"),
      ("Banco Central russo", "Bank of Russia", "institution_description")]),
])
def test_role_and_body_descriptions_of_other_languages_resolve_as_in_english(project_extractor, language, text, expected):
    result = project_extractor.extract(text, dt.date(2024, 10, 25), language)
    assert [(text[m.start:m.end], m.actor_name, m.via) for m in result.mentions] == expected
    assert result.flags == [] and result.candidates == []


def test_descriptions_of_other_languages_are_read_only_in_them_and_undated_ones_are_flagged(project_extractor):
    text = "El presidente ruso habló."
    assert [m.actor_name for m in project_extractor.extract(text, dt.date(2024, 10, 25), "en").mentions] == []
    undated = project_extractor.extract(text, None, "es")
    assert undated.mentions == [] and [(f.flag, f.detail.split(":")[0]) for f in undated.flags] == [
        ("role_undated", "'presidente ruso'")]


@pytest.mark.parametrize("body, message", [
    ("descriptions:\n  es: {roles: {'presidente': president}}\n", "es: roles: 'presidente': write {} once"),
    ("descriptions:\n  es: {roles: {'presidente {}': presidnet}}\n", "'presidnet' is not one of the English titles"),
    ("descriptions:\n  es: {bodies: {'banco {}': central bnak}}\n", "'central bnak' is not one of the English descriptions"),
    ("descriptions:\n  es: {roles: {'canciller {}': {title: foreign minister, XYZ: chancellor}}}\n",
     "'XYZ' is no country's ISO 3166 alpha-3 code"),
    ("descriptions:\n  spanish: {roles: {}}\n", "'spanish' must be a two-letter language code"),
])
def test_descriptions_are_checked(tmp_path, body, message):
    with pytest.raises(LexiconError, match=re.escape("bad.yaml: descriptions: ") + ".*" + re.escape(message)):
        load_dictionary(write_lexicon(tmp_path, body))


def test_a_name_with_a_capitalised_preposition_is_no_person(extractor):
    text = "Reporters Without Borders said so."
    result = extractor.extract(text)
    assert [m.actor_type for m in result.mentions] == [] and [c.kind for c in result.candidates] == ["capitalised"]


def test_a_capital_after_those_who_speak_for_the_state_is_the_state(extractor):
    text = "Officials in Beijing welcomed talks in Beijing; readouts from Beijing agreed."
    assert [(text[m.start:m.end], m.actor_name, m.via) for m in extractor.extract(text).mentions] == [
        ("Beijing", "China", "metonym"), ("Beijing", "Beijing", "name"), ("Beijing", "China", "metonym")]


# Vacancies and acting holders the dictionary does not list (30 June of the year).
KNOWN_ROLE_GAPS = {("IRN", "finance_minister", 2025), ("IRN", "central_bank_governor", 2021),
                   ("VEN", "finance_minister", 2016), ("VEN", "finance_minister", 2017),
                   ("VEN", "central_bank_governor", 2017), ("VEN", "central_bank_governor", 2024),
                   ("VEN", "central_bank_governor", 2025), ("ARE", "finance_minister", 2021)}


@pytest.mark.parametrize("country", ["GBR", "DEU", "FRA", "ITA", "JPN", "CAN", "KOR", "ISR", "PAK", "MEX", "ARG", "COL",
                                     "BOL", "UKR", "KAZ", "TUR", "IDN", "MYS", "HUN", "ETH"])
def test_other_countries_often_in_the_news_have_one_leader_on_every_date_from_2014(country):
    dictionary = load_dictionary()
    roles = roles_for("leader", country)  # "the British leader": its head of government
    leaders = {year: {a.name for role in roles for a in dictionary.holders(role, country, dt.date(year, 6, 30))}
               for year in range(2014, 2026)}
    assert {year: names for year, names in leaders.items() if len(names) != 1} == {}


def test_the_chancellor_is_britains_finance_minister_and_germanys_head_of_government():
    extractor = ActorExtractor(load_dictionary())
    text = "The British chancellor met the German chancellor. Chancellor Rishi Sunak spoke."
    result = extractor.extract(text, dt.date(2021, 5, 1))
    assert [(text[m.start:m.end], m.actor_name) for m in result.mentions] == [
        ("British chancellor", "Rishi Sunak"), ("German chancellor", "Angela Merkel"), ("Rishi Sunak", "Rishi Sunak")]
    assert result.flags == []
    later = extractor.extract(text, dt.date(2023, 6, 30))  # Sunak is prime minister by then
    assert [f.flag for f in later.flags] == ["title_mismatch"]
    assert [m.actor_name for m in later.mentions][0] == "Jeremy Hunt"


def test_a_country_named_like_a_person_is_no_country_inside_a_persons_name():
    extractor = ActorExtractor(load_dictionary())
    text = ("Reporters met Jim Jordan. Chad Smith said Jordan and Chad agreed. The Georgia Senate voted. "
            "Israel Police and the Israel Iran talks. Neighbouring Jordan said no. Israel Strikes Iran As Talks Fail.")
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions]
    assert ("Chad Smith", "Chad Smith") in found
    countries = [(m.start, m.actor_name) for m in extractor.extract(text).mentions if m.actor_type == "country"]
    assert countries == [(text.index("Jordan and"), "Jordan"), (text.index("Chad agreed"), "Chad"),
                         (text.index("Israel Police"), "Israel"), (text.index("Israel Iran"), "Israel"),
                         (text.index("Iran talks"), "Iran"), (text.index("Jordan said no"), "Jordan"),
                         (text.index("Israel Strikes"), "Israel"), (text.index("Iran As"), "Iran")]
    assert {"Jim Jordan", "Georgia Senate"} <= {c.name for c in extractor.extract(text).candidates}


def test_personal_names_of_a_country_must_be_its_names():
    from analysis.lexicons.actors import country_actors

    with pytest.raises(LexiconError, match="JOR: personal_names"):
        country_actors({"JOR": {"personal_names": ["Jordan River"]}})


def test_combining_forms_name_countries_only_before_a_hyphen_and_another_country():
    extractor = ActorExtractor(load_dictionary())
    text = "Russo-Franco-German talks, Indo-Chinese trade, the Indo-Pacific, Greco-Roman art and Joe Russo's film."
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions if m.actor_type == "country"]
    assert found == [("Russo", "Russia"), ("Franco", "France"), ("German", "Germany"), ("Indo", "India"),
                     ("Chinese", "China")]


def test_a_role_followed_by_its_holders_name_is_one_mention_of_the_name():
    extractor = ActorExtractor(load_dictionary())
    text = "Venezuela’s foreign minister, Yván Gil, met the press. It was a talk with the Chinese president, Putin said."
    found = [(text[m.start:m.end], m.actor_name, m.via) for m in extractor.extract(text, dt.date(2024, 6, 1)).mentions]
    assert found == [("Yván Gil", "Yván Gil", "name"), ("Chinese president", "Xi Jinping", "role_description"),
                     ("Putin", "Vladimir Putin", "alias")]


def test_a_capital_before_based_is_a_place():
    extractor = ActorExtractor(load_dictionary())
    text = "A Beijing-based fund and a Moscow-based bank agreed, Beijing said."
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions]
    assert found == [("Beijing", "Beijing"), ("Moscow", "Moscow"), ("Beijing", "China")]


def test_a_payment_system_named_after_an_actor_is_no_mention_of_it():
    extractor = ActorExtractor(load_dictionary())
    text = "BRICS leaders discussed BRICS Pay, BRICS Bridge and China UnionPay cards with the BRICS Payments Council."
    result = extractor.extract(text)
    assert [(m.start, m.actor_name) for m in result.mentions] == [(0, "BRICS"), (text.rindex("BRICS"), "BRICS")]
    assert not {"BRICS Pay", "BRICS Bridge", "China UnionPay"} & {c.name for c in result.candidates}  # nor new names
    own = ActorExtractor(load_dictionary(), systems=["BRICS Payments Council"]).extract(text)
    assert [m.start for m in own.mentions if m.actor_name == "BRICS"] == [0, text.index("BRICS Pay"),
                                                                           text.index("BRICS Bridge")]


def test_a_country_named_twice_in_one_compound_is_one_mention():
    extractor = ActorExtractor(load_dictionary())
    german = "Die US-amerikanische Regierung und US-russische Gespräche."
    assert [(german[m.start:m.end], m.actor_name) for m in extractor.extract(german, language="de").mentions] == [
        ("US-amerikanische", "United States"), ("US", "United States"), ("russische", "Russia")]
    english = "The US-American alliance and US-Russian talks."
    assert [english[m.start:m.end] for m in extractor.extract(english).mentions] == ["US-American", "US", "Russian"]


def test_an_idiom_that_starts_with_an_alias_names_nobody():
    extractor = ActorExtractor(load_dictionary())
    text = "Fed up with sanctions, traders waited. The Fed, up to then silent, spoke; the Fed upped rates."
    result = extractor.extract(text)
    assert [m.start for m in result.mentions] == [text.index("Fed,"), text.index("Fed upped")]
    assert "Fed up" not in {c.name for c in result.candidates}


def test_a_capital_that_starts_another_name_is_a_place(project_extractor):
    text = ("They sang Moscow Nights and praised the Washington Consensus. Moscow Monday said no; "
            "Kremlin Spokesman Dmitry Peskov and White House Aides agreed.")
    found = [(text[m.start:m.end], m.actor_name) for m in project_extractor.extract(text).mentions]
    assert found == [("Moscow", "Moscow"), ("Washington", "Washington"), ("Moscow", "Russia"), ("Kremlin", "Russia"),
                     ("Dmitry Peskov", "Dmitry Peskov"), ("White House", "United States")]
    headline = "Moscow Rejects New Sanctions\n\nThey sang Moscow Nights."  # a headline in title case: Moscow is the state
    assert [m.actor_name for m in project_extractor.extract(headline).mentions] == ["Russia", "Moscow"]


def test_where_someone_works_is_an_organisation_whatever_its_head_noun(project_extractor):
    text = "“Prices will fall,” said Mara Ionescu, an economist at the Kestrel Ridge Monitor, and analysts with Halden Vale agreed."
    result = project_extractor.extract(text)
    assert [(m.actor_name, m.actor_type) for m in result.mentions if m.via == "discovered"] == [
        ("Mara Ionescu", "person"), ("Kestrel Ridge Monitor", "organization"), ("Halden Vale", "organization")]
    assert {c.name: c.kind for c in result.candidates}["Kestrel Ridge Monitor"] == "affiliation"


def test_a_regnal_number_is_no_surname():
    extractor = ActorExtractor(load_dictionary())
    text = "King Charles III spoke of World War II and of Henry III."
    assert [m.actor_name for m in extractor.extract(text, dt.date(2023, 6, 1)).mentions] == ["Charles III"]


def test_the_focus_countries_offices_have_holders_from_2014():
    dictionary = load_dictionary()
    offices = ("head_of_state", "head_of_government", "foreign_minister", "finance_minister", "defence_minister",
               "central_bank_governor")
    gaps = {(country, office, year) for country in ("RUS", "CHN", "USA", "IRN", "VEN", "IND", "BRA", "ZAF", "SAU", "ARE")
            for office in offices for year in range(2014, 2026)
            if not dictionary.holders(office, country, dt.date(year, 6, 30))}
    assert gaps == KNOWN_ROLE_GAPS


@pytest.mark.parametrize("language, text, organisation", [
    ("fr", "« Oui », estime Claire Duvernois, chercheuse à l’Observatoire lémanique des réserves monétaires, un centre.",
     "Observatoire lémanique des réserves monétaires"),
    ("fr", "L’Institut national de la statistique et des études économiques a publié ses chiffres.",
     "Institut national de la statistique"),
    ("es", "dijo Ana Pérez, investigadora del Centro de estudios monetarios de la región andina.",
     "Centro de estudios monetarios de la región andina"),
    ("es", "El Banco de la Nación compró oro.", "Banco de la Nación"),
    ("pt", "disse Renata Albuquerque, pesquisadora do Núcleo Cerrado de Estudos Financeiros.",
     "Núcleo Cerrado de Estudos Financeiros"),
    ("de", "sagte Markus Weber, Ökonom am Institut für Osteuropäische Finanzstudien in Leipzig.",
     "Institut für Osteuropäische Finanzstudien"),
])
def test_institutions_are_discovered_as_each_language_writes_their_names(language, text, organisation):
    result = ActorExtractor(load_dictionary()).extract(text, language=language)
    found = [(text[m.start:m.end], m.actor_type) for m in result.mentions if m.via == "discovered"]
    assert (organisation, "organization") in found
    assert (organisation, "organisation_head") in {(c.name, c.kind) for c in result.candidates}


def test_a_head_that_begins_another_head_gives_its_institution_once():
    text = "Segundo o Instituto de estudos monetários, o real caiu. A Universidade de economia aplicada publicou dados."
    result = ActorExtractor(load_dictionary()).extract(text, language="pt")  # "Institut", "Universidad" are heads too
    found = [text[m.start:m.end] for m in result.mentions if m.via == "discovered"]
    assert found == ["Instituto de estudos monetários", "Universidade de economia aplicada"]
    assert [c.name for c in result.candidates] == found


@pytest.mark.parametrize("language, text", [
    ("fr", "L’Institut estime que le Centre a raison."),         # a head and a verb: no name
    ("fr", "Le Centre de Moscou a fermé."),                      # the run overlaps a mention (Moscou)
    ("en", "The Institute of the lower case is not French."),    # English is read as capitalised runs only
])
def test_a_head_without_a_lower_case_complement_names_no_institution(language, text):
    result = ActorExtractor(load_dictionary()).extract(text, language=language)
    assert not [m for m in result.mentions if m.via == "discovered" and m.actor_type == "organization"]
