"""Spellings news writes besides the dictionary's: other romanisations of Cyrillic-script names, and accents."""
from __future__ import annotations

import pytest

from analysis.actors.extractor import ActorExtractor
from analysis.actors.matching import AliasMatcher, normalise
from analysis.lexicons.actors import load_dictionary
from analysis.lexicons.spellings import german_spelling, romanisations, spelling_variants


def test_matching_drops_accents_but_keeps_letters_without_a_decomposition():
    assert normalise("Yván Gil, Côte d'Ivoire") == "yvan gil  cote d ivoire"
    assert normalise("Łódź Ørsted") == "łodz ørsted"  # ł and ø are letters of their own
    matcher = AliasMatcher({"Yván Gil": ["gil"], "Vladimir Putin": ["putin"]})
    text = "Yvan Gil met Vladímir Putin and YVÁN GIL."
    assert [(text[m.start:m.end], m.alias) for m in matcher.find(text)] == [
        ("Yvan Gil", "Yván Gil"), ("Vladímir Putin", "Vladimir Putin"), ("YVÁN GIL", "Yván Gil")]


def test_aliases_that_differ_only_in_accents_follow_the_text():
    matcher = AliasMatcher({"Pará": ["para_state"], "Para": ["para_river"]})
    text = "Pará, Para and Parà."
    assert [(text[m.start:m.end], m.owners) for m in matcher.find(text)] == [
        ("Pará", ("para_state",)), ("Para", ("para_river",)), ("Parà", ("para_river", "para_state"))]  # ambiguous


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
""")
    dictionary = load_dictionary(folder)
    assert dictionary.conflicts() == []
    # Each Ivanov's other spelling is the other one's name: neither gets it.
    assert dictionary.alias_owners["Sergei Ivanov"] == ["sergei_a"]
    assert dictionary.alias_owners["Sergey Ivanov"] == ["sergey_b"]
    assert dictionary.alias_owners["Yury Orlov"] == ["yuri_c"]


def test_news_spellings_resolve_to_the_dictionary_name():
    extractor = ActorExtractor(load_dictionary())
    text = "Sergey Shoygu met Yvan Gil and Nicolas Maduro in St. Petersburg; S. Jaishankar flew to Washington, D.C."
    found = [(text[m.start:m.end], m.actor_name) for m in extractor.extract(text).mentions]
    assert found == [("Sergey Shoygu", "Sergei Shoigu"), ("Yvan Gil", "Yván Gil"), ("Nicolas Maduro", "Nicolás Maduro"),
                     ("St. Petersburg", "St. Petersburg"), ("S. Jaishankar", "S. Jaishankar"),
                     ("Washington, D.C.", "Washington")]  # after "to": the place, not the state


@pytest.mark.parametrize("name, german", [
    ("Vladimir Putin", "Wladimir Putin"), ("Sergei Lavrov", "Sergej Lawrow"), ("Andrei Belousov", "Andrej Beloussow"),
    ("Maria Zakharova", "Maria Sacharowa"), ("Yury Ushakov", "Juri Uschakow"), ("Volodymyr Zelenskyy", "Wolodymyr Selenskyj"),
    ("Kirill Dmitriev", "Kirill Dmitrijew"), ("Alexei Overchuk", "Alexej Owertschuk"), ("Yevgeny Prigozhin", "Jewgeni Prigoschin"),
])
def test_cyrillic_names_as_german_news_writes_them(name, german):
    assert german_spelling(name) == german


def test_a_german_article_finds_people_organisations_and_no_titles_as_names():
    extractor = ActorExtractor(load_dictionary())
    text = ("Finanzminister Anton Siluanow sagte, Sergej Lawrow und die Europäischen Union seien uneins. "
            "Der Ökonom Markus Weber erwartet, dass die Deutsche Bundesbank und die Europäische Zentralbank handeln.")
    result = extractor.extract(text, None, "de")
    assert [(text[m.start:m.end], m.actor_name) for m in result.mentions] == [
        ("Anton Siluanow", "Anton Siluanov"), ("Sergej Lawrow", "Sergei Lavrov"), ("Europäischen Union", "European Union"),
        ("Markus Weber", "Markus Weber"), ("Deutsche Bundesbank", "Deutsche Bundesbank"),
        ("Europäische Zentralbank", "European Central Bank")]
    assert [c.name for c in result.candidates] == ["Markus Weber"]
