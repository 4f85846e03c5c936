"""Titles as English news writes them, and the dictionary roles each one asserts."""
from __future__ import annotations

__all__ = ["TITLE_ROLES", "ROLE_WORDS", "FAMILY_NAME_FIRST", "LEADER_IS_HEAD_OF_GOVERNMENT",
           "CHANCELLOR_IS_FINANCE_MINISTER"]

# Titles as news writes them, and the dictionary roles each one asserts.
TITLE_ROLES: dict[str, set[str]] = {
    "president": {"head_of_state", "head_of_government"},
    "prime minister": {"head_of_government"}, "premier": {"head_of_government"},
    "chancellor": {"head_of_government"}, "king": {"head_of_state"}, "emir": {"head_of_state"},
    "crown prince": {"head_of_government", "other"}, "supreme leader": {"head_of_state"},
    "foreign minister": {"foreign_minister"}, "minister of foreign affairs": {"foreign_minister"},
    "foreign affairs minister": {"foreign_minister"}, "secretary of state": {"foreign_minister"},
    "external affairs minister": {"foreign_minister"}, "foreign secretary": {"foreign_minister"},
    "defense minister": {"defence_minister"}, "defence minister": {"defence_minister"},
    "minister of defense": {"defence_minister"}, "minister of defence": {"defence_minister"},
    "defense secretary": {"defence_minister"}, "secretary of defense": {"defence_minister"},
    "secretary of war": {"defence_minister"}, "war secretary": {"defence_minister"},  # US secondary title since 2025
    "finance minister": {"finance_minister"}, "minister of finance": {"finance_minister"},
    "treasury secretary": {"finance_minister"}, "secretary of the treasury": {"finance_minister"},
    "central bank governor": {"central_bank_governor"}, "central bank chief": {"central_bank_governor"},
    "fed chair": {"central_bank_governor"}, "fed chairman": {"central_bank_governor"},
    "security council secretary": {"security_council_secretary"},
}
# Where a person's family name comes first ("Wang Yi", "Li Qiang", "Kim Jong Un"): the word that
# later mentions of that person by surname alone use.
FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM"}
# "the Russian leader" means the head of state, except where the head of government leads.
LEADER_IS_HEAD_OF_GOVERNMENT = {"IND", "GBR", "JPN", "DEU", "ISR", "PAK", "ITA", "CAN", "AUS", "ESP", "MYS", "HUN", "ETH"}
# Britain's Chancellor (of the Exchequer) is its finance minister, Germany's and Austria's lead the government.
CHANCELLOR_IS_FINANCE_MINISTER = {"GBR"}
ROLE_WORDS = {**{title: roles for title, roles in TITLE_ROLES.items()}, "leader": {"head_of_state"}}
