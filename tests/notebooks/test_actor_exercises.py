"""The solutions of notebook 02's exercises give the answers the notebook promises."""
from __future__ import annotations

from tests.conftest import load_solutions


def test_an_added_actor_is_resolved_by_the_dictionary(sample_dir):
    mentions = load_solutions("02_actors").exercise_1(sample_dir)
    assert len(mentions) >= 1
    assert set(mentions["via"]) <= {"name", "alias", "coreference"}


def test_role_descriptions_follow_the_date():
    assert load_solutions("02_actors").exercise_2() == {"2023-06-01": "Sergei Shoigu", "2024-06-01": "Andrei Belousov"}


def test_outlets_are_ranked_by_distinct_actors(sample_dir):
    ranked = load_solutions("02_actors").exercise_3(sample_dir)
    assert ranked["mean_distinct_actors"].is_monotonic_decreasing
    assert len(ranked) >= 6 and ranked["mean_distinct_actors"].iloc[0] > ranked["mean_distinct_actors"].iloc[-1]
