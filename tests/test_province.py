"""The province an article is about: outlet first, then a clear majority of its places."""

from __future__ import annotations

from pipeline.extract.province import decide_province, place_mentions


def record(text: str, title: str = "", outlet: str | None = None) -> dict:
    return {"title": title, "text": text, "source": {"outlet": outlet}}


def test_outlet_names_the_province() -> None:
    assert decide_province(record("Không có địa danh.", outlet="baoninhthuan.com.vn")) == "Ninh Thuận"


def test_districts_point_to_their_province() -> None:
    text = "Huyện ủy Chợ Lách chỉ đạo. Nhân dân huyện Chợ Lách đóng góp; huyện Chợ Lách về đích."
    assert decide_province(record(text)) == "Bến Tre"


def test_a_person_named_like_a_city_is_not_the_city() -> None:
    text = "Học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh. Làm theo phong cách Hồ Chí Minh."
    assert place_mentions(text) == []
    assert decide_province(record(text)) is None
    assert [p for p, _ in place_mentions("tại TP Hồ Chí Minh và TP.HCM")] == ["Hồ Chí Minh", "Hồ Chí Minh"]


def test_one_passing_mention_or_a_list_of_provinces_is_no_province() -> None:
    assert decide_province(record("Cuộc họp diễn ra.", title="Đại hội cổ đông tại Hà Nội")) is None
    listing = "Người chơi ở Hà Nội, Hà Nội, Vĩnh Phúc, Thái Nguyên, Hải Dương, Thanh Hóa, Hải Phòng."
    assert decide_province(record(listing)) is None


def test_a_clear_majority_decides() -> None:
    text = "UBND tỉnh Thanh Hóa báo cáo. Giáo viên tỉnh Thanh Hóa được hỗ trợ. Bộ GD&ĐT ở Hà Nội nhận."
    assert decide_province(record(text)) == "Thanh Hóa"
