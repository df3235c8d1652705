"""A standing board's head after a title is part of the officer's title, in either case."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.document import build_document


def _names(text: str) -> list[str]:
    return [o["name"] for o in extract(build_document(text=text)).get("organizations", [])]


@pytest.mark.parametrize("board", ["Ban thường trực", "Ban Thường trực"])
def test_a_standing_board_after_a_title_is_the_title_in_either_case(board: str) -> None:
    text = f"Ông Trần Văn An, Phó trưởng {board} Ban chỉ đạo phòng, chống dịch tỉnh Hà Nam chủ trì."
    assert _names(text) == ["Ban chỉ đạo phòng, chống dịch tỉnh Hà Nam"]


def test_a_standing_board_with_no_title_before_it_is_the_board() -> None:
    assert _names("Ban thường trực Ban chỉ đạo phòng, chống dịch tỉnh Hà Nam đã họp.") == [
        "Ban thường trực Ban chỉ đạo phòng, chống dịch tỉnh Hà Nam"]  # no title before: the board itself
