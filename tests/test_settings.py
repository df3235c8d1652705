"""One settings object per run: the rules folder it names is the one every extractor reads."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.clean.lines import BODY, BOILERPLATE, classify
from pipeline.rulebook import RulesError, activate, active_rulebook
from pipeline.settings import PACKAGED_RULES, Settings

PAGE = ("Tiêu đề bài viết\n\nNội dung chính của bài viết có đủ một câu dài để là thân bài.\n\n"
        "Xem thêm ở chuyên mục\n\nĐoạn cuối của bài viết cũng là một câu đầy đủ.\n")


@pytest.fixture
def restore_rules() -> Iterator[None]:
    yield
    activate(Settings())


def _classes(text: str) -> dict[str, str]:
    return {line.text: line.cls for line in classify(text, None)}


def test_a_rules_folder_of_the_settings_is_what_extractors_read(tmp_path: Path, restore_rules: None) -> None:
    assert _classes(PAGE)["Xem thêm ở chuyên mục"] == BODY
    rules = tmp_path / "rules"
    shutil.copytree(PACKAGED_RULES, rules)
    boilerplate = rules / "boilerplate.yml"
    text = boilerplate.read_text(encoding="utf-8")
    boilerplate.write_text(text.replace(
        "phrases:\n", 'phrases:\n  - {term: "Xem thêm ở chuyên mục", gloss: "See more in the section"}\n', 1),
        encoding="utf-8")
    rulebook = activate(Settings(rules_dir=rules))
    assert active_rulebook() is rulebook and rulebook.rules_dir == rules
    assert _classes(PAGE)["Xem thêm ở chuyên mục"] == BOILERPLATE
    activate(Settings())
    assert _classes(PAGE)["Xem thêm ở chuyên mục"] == BODY


def test_activating_the_same_settings_keeps_what_was_compiled(restore_rules: None) -> None:
    first = activate(Settings())
    assert activate(Settings(timeout=5)) is first


def test_a_broken_rule_file_names_the_file_and_the_place(tmp_path: Path, restore_rules: None) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(PACKAGED_RULES, rules)
    (rules / "boilerplate.yml").write_text("phrases:\n  - {term: x}\n", encoding="utf-8")
    activate(Settings(rules_dir=rules))
    with pytest.raises(RulesError, match=r"boilerplate\.yml"):
        classify(PAGE, None)


def test_the_environment_is_read_when_settings_are_made_not_at_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNIE_RULES", str(tmp_path))
    assert Settings.from_environment().rules_dir == tmp_path
    assert Settings().rules_dir == PACKAGED_RULES


@pytest.mark.parametrize("bad", [{"timeout": float("nan")}, {"timeout": -1}, {"timeout": 0},
                                 {"timeout": float("inf")}, {"timeout": 86_401}, {"max_bytes": 0},
                                 {"max_bytes": 100_000_001}, {"memory_limit": 1_000_000}])
def test_settings_refuse_values_that_would_turn_a_limit_off(bad: dict) -> None:
    with pytest.raises(ValueError):
        Settings(**bad)


def test_the_command_line_builds_the_settings_with_their_defaults_and_checks() -> None:
    from pipeline.cli import build_parser

    args = build_parser().parse_args(["run", "page.html"])
    made = Settings(timeout=args.timeout, max_bytes=args.max_bytes, memory_limit=args.max_memory * 1_000_000)
    assert made == Settings()
    for option, value in (("--timeout", "86401"), ("--max-bytes", "100000001"), ("--max-memory", "1")):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["run", "page.html", option, value])
