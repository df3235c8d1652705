"""The rule file's flag behind the tail words' cases; the cases themselves (the name a sentence gives
when "số", a time word or a lower-case word follows it) are examples in rules/examples/organizations.yml."""

from __future__ import annotations

from pipeline.extract.org_rules import rules


def test_the_department_head_is_a_flag_of_the_rule_file() -> None:
    """The heads read as a ministry's department come from rules/organizations.yml (`department`)."""
    assert rules().departments == ("Sở",)
    assert rules().heads["sở"].department and not rules().heads["bộ"].department
