"""Generated spellings: accents dropped, and the other romanisations of Cyrillic-script names."""
from __future__ import annotations

from analysis.actors import ActorExtractor
from analysis.lexicon import load_dictionary
from analysis.spellings import romanisations, spelling_variants, without_accents


def test_accents_are_dropped_but_letters_without_a_decomposition_stay():
    assert without_accents("Yván Gil") == "Yvan Gil"
    assert without_accents("Côte d'Ivoire") == "Cote d'Ivoire"
    assert without_accents("Łódź Ørsted") == "Łodz Ørsted"  # ł and ø are letters of their own


def test_romanisations_swap_the_forms_systems_differ_on():
    assert set(romanisations("Sergei Shoigu")) == {"Sergey Shoigu", "Sergei Shoygu", "Sergey Shoygu"}
    assert set(romanisations("Dmitry Peskov")) == {"Dmitri Peskov"}
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy"} <= set(romanisations("Volodymyr Zelensky"))
    assert romanisations("Vladimir Putin") == []


def test_romanisations_only_for_people_of_countries_whose_names_are_cyrillic():
    assert spelling_variants("Sergei Shoigu", "RUS", is_person=True)
    assert spelling_variants("Andrei Pop", "ROU", is_person=True) == []
    assert spelling_variants("Sochi Forum", "RUS", is_person=False) == []


def write(folder, people: str):
    (folder / "people.yaml").write_text(people, encoding="utf-8")
    (folder / "countries.yaml").write_text("countries: {}\n", encoding="utf-8")
    return folder


def test_generated_spellings_are_aliases_unless_they_would_be_ambiguous(tmp_path):
    folder = write(tmp_path, """actors:
  - {id: sergei_a, name: Sergei Ivanov, type: person, country: RUS}
  - {id: sergey_b, name: Sergey Ivanov, type: person, country: RUS}
  - {id: yuri_c, name: Yuri Orlov, type: person, country: RUS}
  - {id: jose_d, name: José Pérez, type: person, country: VEN}
""")
    dictionary = load_dictionary(folder)
    assert dictionary.conflicts() == []
    # Each Ivanov's other spelling is the other one's name: neither gets it.
    assert dictionary.alias_owners["Sergei Ivanov"] == ["sergei_a"]
    assert dictionary.alias_owners["Sergey Ivanov"] == ["sergey_b"]
    assert dictionary.alias_owners["Yury Orlov"] == ["yuri_c"]
    assert dictionary.alias_owners["Jose Perez"] == ["jose_d"]


def test_news_spellings_resolve_to_the_dictionary_name():
    extractor = ActorExtractor(load_dictionary())
    text = "Sergey Shoygu met Yvan Gil and Nicolas Maduro in St. Petersburg; S. Jaishankar flew to Washington, D.C."
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions]
    assert found == [("Sergey Shoygu", "Sergei Shoigu"), ("Yvan Gil", "Yván Gil"), ("Nicolas Maduro", "Nicolás Maduro"),
                     ("St. Petersburg", "St. Petersburg"), ("S. Jaishankar", "S. Jaishankar"),
                     ("Washington, D.C.", "Washington")]  # after "to": the place, not the state
