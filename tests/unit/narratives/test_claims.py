"""Claim extraction on synthetic sentences: actors, verbs, objects, direction, amounts, status, attribution."""
from __future__ import annotations

import re

import pytest

from analysis.errors import LexiconError
from analysis.narratives.amounts import find_amounts
from analysis.narratives.claims import claim_rows, load_claim_lexicon

# Surface -> (canonical name, type): a stand-in for the actor stage's mentions.
ACTORS = {
    "Ruritania": ("Ruritania", "country"), "Ruritanian": ("Ruritania", "country"),
    "Freedonia": ("Freedonia", "country"), "Freedonian": ("Freedonia", "country"),
    "Sylvania": ("Sylvania", "country"), "US": ("United States", "country"),
    "Anna Berg": ("Anna Berg", "person"), "Berg": ("Anna Berg", "person"),
    "Bank of Ruritania": ("Bank of Ruritania", "organization"),
    "Northern Development Fund": ("Northern Development Fund", "organization"),
}


def document(text: str):
    sentences = [{"sent_idx": i, "start": m.start(), "end": m.end()}
                 for i, m in enumerate(re.finditer(r"[^\s].*?(?:[.!?][”\"]?(?=\s|$)|$)", text))]
    mentions, taken = [], []
    for surface in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            name, kind = ACTORS[surface]
            mentions.append({"start": m.start(), "end": m.end(), "actor_name": name, "actor_type": kind,
                             "sent_idx": next(s["sent_idx"] for s in sentences if s["start"] <= m.start() < s["end"])})
    return sentences, sorted(mentions, key=lambda m: m["start"])


def claims(text: str) -> list[dict]:
    sentences, mentions = document(text)
    return claim_rows("doc", text, sentences, mentions, find_amounts(text))


def summary(rows, *fields):
    return [tuple(r[f] for f in fields) for r in rows]


def test_a_sale_of_treasuries_with_its_amount_and_period():
    rows = claims("Ruritania sold $12.5 billion of US Treasuries in the second quarter of 2023.")
    assert summary(rows, "actor_name", "action", "asset", "direction", "amount_usd", "amount_text", "period") == [
        ("Ruritania", "sell", "US Treasuries", "away_from_usd", 12.5e9, "$12.5 billion", "in the second quarter of 2023")]
    row = rows[0]
    assert (row["status"], row["negated"], row["asserted_by_article"], row["attributed_to"]) == ("reported", False, True, None)


def test_us_inside_an_asset_name_is_not_an_actor():
    rows = claims("Freedonia dumped US government debt worth $3 billion.")
    assert summary(rows, "actor_name", "action", "asset") == [("Freedonia", "dump", "US Treasuries")]


def test_an_amount_after_the_object_is_tied_to_the_claim():
    rows = claims("Last year Sylvania added gold to its reserves, worth about $9 billion.")
    assert summary(rows, "actor_name", "action", "asset", "amount_usd", "period") == [
        ("Sylvania", "add", "gold", 9e9, "Last year")]


def test_coordinated_subjects_give_one_claim_each():
    rows = claims("Ruritania and Freedonia will settle their trade in rubles and yuan.")
    assert sorted(summary(rows, "actor_name", "asset", "direction", "status")) == [
        ("Freedonia", "ruble", "away_from_usd", "planned"), ("Freedonia", "yuan", "away_from_usd", "planned"),
        ("Ruritania", "ruble", "away_from_usd", "planned"), ("Ruritania", "yuan", "away_from_usd", "planned")]


def test_a_list_of_subjects_and_a_new_clause_after_a_comma_and():
    rows = claims("Ruritania, Freedonia, and Sylvania bought gold.")
    assert sorted(summary(rows, "actor_name")) == [("Freedonia",), ("Ruritania",), ("Sylvania",)]
    rows = claims("The Bank of Ruritania bought gold, and Freedonian officials promoted the yuan.")
    assert summary(rows, "actor_name", "asset") == [("Bank of Ruritania", "gold"), ("Freedonia", "yuan")]


def test_appositives_and_prepositional_phrases_are_not_subjects():
    rows = claims("Sylvania, a close US ally, sold Treasuries after talks with Freedonia.")
    assert summary(rows, "actor_name", "action") == [("Sylvania", "sell")]


def test_buying_treasuries_moves_toward_the_dollar_and_selling_gold_too():
    assert summary(claims("Ruritania bought US Treasuries."), "direction") == [("toward_usd",)]
    assert summary(claims("Freedonia sold gold."), "direction") == [("toward_usd",)]


def test_settling_outside_the_dollar_is_away_from_it():
    rows = claims("Freedonia settles most trade without the US dollar.")
    assert summary(rows, "actor_name", "asset", "direction") == [("Freedonia", "US dollar", "away_from_usd")]


def test_an_exclusion_is_neutral_and_in_the_passive_names_who_is_shut_out():
    rows = claims("Sylvania banned Ruritanian lenders from SWIFT.")
    assert summary(rows, "actor_name", "action", "asset", "direction") == [("Sylvania", "ban", "SWIFT", "neutral")]
    rows = claims("Freedonia has been cut off from SWIFT since 2019.")
    assert summary(rows, "actor_name", "action", "direction", "period") == [
        ("Freedonia", "excluded", "neutral", "since 2019")]


def test_giving_up_a_practice_turns_its_direction_around():
    rows = claims("Ruritania has stopped using the dollar in its trade.")
    assert summary(rows, "actor_name", "asset", "direction") == [("Ruritania", "US dollar", "away_from_usd")]


def test_holdings_that_fall_or_rise_and_cuts():
    rows = claims("Ruritania's holdings of US Treasuries fell to $759 billion in December.")
    assert summary(rows, "actor_name", "action", "asset", "direction", "amount_text") == [
        ("Ruritania", "decline", "US Treasuries", "away_from_usd", "$759 billion")]
    assert rows[0]["amount_role"] == "level"
    rows = claims("Freedonia's gold reserves rose again.")   # the possessor of an asset holds it
    assert summary(rows, "actor_name", "action", "asset", "direction") == [("Freedonia", "grow", "gold", "away_from_usd")]
    rows = claims("Ruritania cut its holdings of US Treasuries by $20 billion.")
    assert summary(rows, "action", "direction", "amount_usd", "amount_role") == [
        ("reduce", "away_from_usd", 20e9, "transaction")]
    rows = claims("Sylvania cut several Ruritanian banks off from SWIFT.")   # "cut ... off" is an exclusion
    assert summary(rows, "actor_name", "action", "direction") == [("Sylvania", "ban", "neutral")]
    assert claims("Anna Berg spoke of the decline of the dollar.") == []   # "decline" takes no object after it


def test_the_owner_of_a_system_is_not_its_adopter():
    rows = claims("Officials praised the rollout of Ruritania's Mir payment system across Freedonia.")
    assert summary(rows, "actor_name", "action", "asset", "direction") == [("Freedonia", "use", "Mir", "away_from_usd")]


@pytest.mark.parametrize("text, status, negated", [
    ("Ruritania did not sell Treasuries.", "denied", True),
    ("Ruritania denied selling Treasuries.", "denied", True),
    ("Ruritania could sell Treasuries.", "speculative", False),
    ("Ruritania might join mBridge next year.", "speculative", False),
    ("Ruritania plans to join mBridge.", "planned", False),
    ("Ruritania will buy gold.", "planned", False),
    ("Ruritania proposed a common currency.", "proposed", False),
    ("Ruritania should dump Treasuries.", "proposed", False),
    ("Ruritania joined mBridge.", "reported", False),
])
def test_status_from_hedges_modality_and_negation(text, status, negated):
    rows = claims(text)
    assert len(rows) == 1, rows
    assert (rows[0]["status"], rows[0]["negated"]) == (status, negated)


def test_attribution_by_speech_verb_and_according_to():
    rows = claims("Anna Berg said Freedonia had sold $2 billion of Treasuries.")
    assert summary(rows, "actor_name", "attributed_to", "asserted_by_article") == [("Freedonia", "Anna Berg", False)]
    rows = claims("Sylvania bought gold, according to customs data.")
    assert summary(rows, "actor_name", "attributed_to") == [("Sylvania", "customs data")]
    rows = claims("Freedonian officials said Freedonia would switch to the yuan.")
    assert summary(rows, "actor_name", "attributed_to", "status") == [("Freedonia", "Freedonian officials", "planned")]


def test_a_pronoun_subject_after_a_speech_verb_is_the_speaker():
    rows = claims("Sylvania said it has no interest in weakening the dollar.")
    assert summary(rows, "actor_name", "action", "asset", "status", "negated") == [
        ("Sylvania", "undermine", "US dollar", "denied", True)]


def test_a_quotation_is_credited_to_the_speaker_named_after_it():
    text = "“Ruritania is selling Treasuries every month.” Berg said on Monday."
    rows = claims(text)
    assert summary(rows, "actor_name", "attributed_to", "asserted_by_article") == [("Ruritania", "Anna Berg", False)]


def test_the_bank_of_a_country_is_a_subject_despite_its_of():
    rows = claims("The central Bank of Ruritania added gold.")
    assert summary(rows, "actor_name") == [("Bank of Ruritania",)]


def test_a_hyphenated_modifier_is_not_the_subject_and_a_verb_inside_a_name_is_no_verb():
    rows = claims("The Ruritania-backed Northern Development Fund lends in rubles.")
    assert summary(rows, "actor_name", "action", "asset", "direction") == [
        ("Northern Development Fund", "settle", "ruble", "away_from_usd")]
    rows = claims("The Northern Development Fund lends in member currencies rather than in dollars.")
    assert summary(rows, "asset", "direction") == [("US dollar", "away_from_usd")]


def test_each_clause_is_credited_to_its_own_speaker():
    text = "Officials in Sylvania said nothing changed, and Freedonia has repeatedly said it will not dump Treasuries."
    rows = claims(text)
    assert summary(rows, "actor_name", "attributed_to", "status") == [("Freedonia", "Freedonia", "denied")]


def test_no_claim_without_an_actor_or_without_an_object():
    assert claims("Gold was sold in large quantities.") == []
    assert claims("Ruritania sold its old embassy building.") == []


def test_offsets_cover_actor_to_object():
    text = "Ruritania sold Treasuries."
    row = claims(text)[0]
    assert text[row["start"]:row["end"]] == "Ruritania sold Treasuries"


def test_verb_lexicon_errors_name_file_entry_and_choices(tmp_path):
    for name in ("assets.yaml", "systems.yaml", "currencies.yaml"):
        (tmp_path / name).write_text("[]\n", encoding="utf-8")
    (tmp_path / "claim_verbs.yaml").write_text("- action: sell\n  polarity: sideways\n  forms: [sell]\n",
                                                encoding="utf-8")
    with pytest.raises(LexiconError, match=r"claim_verbs.yaml, entry 1 \(sell\): 'polarity' is 'sideways'; use one of"):
        load_claim_lexicon(tmp_path)


def test_earlier_this_year_ruritania_and_freedonia_paid_in_yuan():
    rows = claims("Earlier this year, Ruritania and Freedonia completed their first transaction, valued at $5 million, "
                  "using the yuan.")
    assert {r["actor_name"] for r in rows} == {"Ruritania", "Freedonia"}


def test_a_shared_currency_as_the_group_hopes_to_rival_western_finance_is_no_move_toward_the_dollar():
    rows = claims("Ruritania backed a shared currency as the group hopes to rival Western finance.")
    assert all(r["direction"] != "toward_usd" for r in rows)


def test_the_euro_in_oil_sales_is_not_a_sale_of_euros():
    rows = claims("Freedonia now receives the euro in oil sales.")
    assert not any(r["action"] == "sell" for r in rows)


def test_freedonia_replaced_the_dollar_with_the_euro_in_oil_sales():
    rows = claims("Freedonia replaced the dollar with the euro in oil sales.")
    assert [(r["actor_name"], r["asset"], r["direction"]) for r in rows] == [("Freedonia", "euro", "away_from_usd")]


def test_ruritania_sold_oil_in_yuan_is_a_settlement():
    rows = claims("Ruritania sold its oil in yuan last year.")
    assert [(r["action"], r["asset"], r["direction"]) for r in rows] == [("settle", "yuan", "away_from_usd")]


def test_a_move_that_could_increase_local_currency_trade_between_ruritania_and_freedonia():
    rows = claims("The Bank of Ruritania joined the platform, a move that could increase local currency transactions "
                  "between Ruritania and Freedonia.")
    assert {r["actor_name"] for r in rows if r["asset"] == "local currencies"} == {"Ruritania", "Freedonia"}


def test_switching_to_national_currencies_to_move_away_from_the_dollar_is_one_claim():
    rows = claims("Ruritania and Freedonia agreed to switch to national currencies in trade as they move away from "
                  "the US dollar.")
    assert {(r["actor_name"], r["asset"]) for r in rows} == {("Ruritania", "local currencies"),
                                                             ("Freedonia", "local currencies")}


def test_ruritania_sold_dollars_and_bought_gold_are_two_reserve_moves():
    rows = claims("Ruritania sold dollars and bought gold.")
    assert {r["asset"] for r in rows} == {"US dollar", "gold"}


def test_anna_berg_and_finance_minister_sylvia_holm_touted_a_common_currency():
    ACTORS["Sylvia Holm"] = ("Sylvia Holm", "person")
    try:
        rows = claims("Anna Berg and finance minister Sylvia Holm touted the idea of a common currency.")
    finally:
        del ACTORS["Sylvia Holm"]
    assert {(r["actor_name"], r["asset"], r["status"]) for r in rows} == {
        ("Anna Berg", "BRICS currency", "proposed"), ("Sylvia Holm", "BRICS currency", "proposed")}


def test_swift_will_be_discontinuing_service_to_the_bank_of_ruritania():
    rows = claims("Officials said SWIFT will be discontinuing service to the Bank of Ruritania.")
    assert [(r["actor_name"], r["asset"], r["direction"], r["action"]) for r in rows] == [
        ("SWIFT", "SWIFT", "neutral", "ban")]


def test_three_countries_including_ruritania_freedonia_and_sylvania_have_been_using_local_currencies():
    rows = claims("Since last year, three countries, including Ruritania, Freedonia, and Sylvania, have been "
                  "working together to use local currencies for their trade.")
    assert {r["actor_name"] for r in rows} == {"Ruritania", "Freedonia", "Sylvania"}


def test_ruritania_suggested_that_freedonia_consider_using_the_yuan():
    rows = claims("Ruritania has suggested that Freedonia consider options such as using the yuan in trade.")
    assert [(r["actor_name"], r["asset"], r["status"]) for r in rows] == [("Freedonia", "yuan", "proposed")]


def test_ruritania_refused_payment_in_yuan_and_insisted_on_payment_in_rubles():
    rows = claims("Initially, Ruritania refused to accept payment in yuan, and insisted on payment in rubles.")
    assert {(r["actor_name"], r["asset"], r["status"]) for r in rows} == {
        ("Ruritania", "yuan", "denied"), ("Ruritania", "ruble", "proposed")}


def test_ruritania_threatened_to_sell_a_trillion_dollars_in_us_securities():
    rows = claims("Ruritania has threatened to sell a trillion dollars in U.S. securities.")
    assert [(r["asset"], r["direction"], r["status"]) for r in rows] == [
        ("US dollar assets", "away_from_usd", "speculative")]


def test_the_most_traded_currency_followed_by_the_euro_is_no_claim():
    assert claims("Ruritania said the US is still the most traded currency, followed by the euro.") == []


def test_trading_with_freedonia_in_a_bid_to_ease_a_strong_dollar_is_no_claim_on_the_dollar():
    rows = claims("Ruritania wants firms to keep trading with Freedonia in a bid to soften the effects of a strong dollar.")
    assert rows == []


def test_ruritania_joined_mbridge_in_order_to_speed_up_payments_using_digital_currencies():
    rows = claims("Ruritania joined mBridge in order to speed up cross-border payments using central bank digital "
                  "currencies.")
    assert [(r["actor_name"], r["asset"]) for r in rows] == [("Ruritania", "mBridge")]
