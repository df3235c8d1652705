"""The province an article is about: outlet first, then a clear majority of its places; its canonical
name as of the article's date and after the 1 July 2025 merger."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from pipeline.extract.gazetteer import gazetteer
from pipeline.extract.province import decide_province, place_mentions, province_fields
from pipeline.extract.province_list import province_list


def record(text: str, title: str = "", outlet: str | None = None) -> dict:
    return {"title": title, "text": text, "source": {"outlet": outlet}}


def test_outlet_names_the_province() -> None:
    assert decide_province(record("Không có địa danh.", outlet="baoninhthuan.com.vn")) == "Ninh Thuận"


def test_districts_point_to_their_province() -> None:
    text = "Huyện ủy Chợ Lách chỉ đạo. Nhân dân huyện Chợ Lách đóng góp; huyện Chợ Lách về đích."
    assert decide_province(record(text)) == "Bến Tre"


def test_districts_abolished_before_the_address_data_still_resolve() -> None:
    from pipeline.extract.gazetteer import province_of
    assert province_of("huyện Long Điền") == "Bà Rịa - Vũng Tàu"  # merged into Long Đất on 2025-01-01
    assert province_of("Hoành Bồ") == "Quảng Ninh"
    assert province_of("Kỳ Sơn") is None  # Nghệ An has one too, and Hòa Bình had one
    assert province_of("Long Hải") is None  # a commune's name is no district


def test_numbered_districts_resolve_with_their_administrative_word() -> None:
    from pipeline.extract.gazetteer import province_of
    assert province_of("Quận 3") == province_of("quận 9") == "Hồ Chí Minh"
    assert province_of("3") is None and province_of("Phường 3") is None  # many cities number wards
    text = "Dịch bệnh ở quận 3 và Quận 10 được kiểm soát; phường 5 phong tỏa."
    assert [p for p, _ in place_mentions(text)] == ["Hồ Chí Minh", "Hồ Chí Minh"]


def test_central_highlands_names_resolve_split_or_joined() -> None:
    from pipeline.extract.gazetteer import joined_forms, province_of
    assert province_of("Đakrông") == province_of("Đa Krông") == "Quảng Trị"
    assert joined_forms("Đa Krông") == ["Đakrông"]
    assert joined_forms("Ba Tri") == joined_forms("Long Điền") == []  # Vietnamese onsets ("tr") stay split
    assert province_of("Đắk Glong") == province_of("Đăk Glong") == province_of("Đắkglong") == "Đắk Nông"


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


# --- canonical names, the Huế renaming and the 1 July 2025 merger (rules/provinces.yml) ---


def dated(text: str, published: str | None, outlet: str | None = None, title: str = "") -> dict:
    return {"title": title, "text": text, "published": published, "source": {"outlet": outlet}}


def test_the_merger_list_is_the_one_underthesea_ships() -> None:
    """63 provinces into 34 as Nghị quyết 202/2025/QH15 has it, checked against an independent copy."""
    shipped = resources.files("underthesea") / "address" / "data" / "mapping.json"
    data = json.loads(shipped.read_text("utf-8"))
    provinces = province_list()
    old, new = data["old_province_names"], data["province_names"]
    expected = {provinces.unit(old[o]["name"]): new[n]["short"] for o, n in data["province_mapping"].items()}
    assert expected == provinces.in_2025
    assert len(provinces.units) == 63 and len(provinces.after) == 34
    assert {provinces.units[u].code for u in provinces.units} == {e["code"] for e in old.values()}
    assert "202/2025/QH15" in provinces.merger_reference and provinces.merger_effective == "2025-07-01"


@pytest.mark.parametrize(("written", "unit"), [
    ("Huế", "Thừa Thiên Huế"), ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
    ("tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
    ("TP.HCM", "Hồ Chí Minh"), ("TP Hồ Chí Minh", "Hồ Chí Minh"), ("Sài Gòn", "Hồ Chí Minh"),
    ("thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("Đăk Lăk", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"),
    ("Thanh Hoá", "Thanh Hóa"), ("BR-VT", "Bà Rịa - Vũng Tàu"), ("Narnia", None), ("ĐBSCL", None),
])
def test_every_written_form_is_one_province(written: str, unit: str | None) -> None:
    assert province_list().unit(written) == unit


def test_a_province_has_a_name_at_each_date() -> None:
    provinces = province_list()
    assert provinces.as_of("Thừa Thiên Huế", "2020-05-01") == "Thừa Thiên Huế"
    assert provinces.as_of("Thừa Thiên Huế", "2025-03-01") == "Huế"  # a centrally-run city since 1 Jan 2025
    assert provinces.as_of("Ninh Thuận", "2025-06-30") == "Ninh Thuận"
    assert provinces.as_of("Ninh Thuận", "2025-07-01T08:00") == "Khánh Hòa"
    assert provinces.as_of("Ninh Thuận", None) == "Ninh Thuận"
    assert provinces.names("Huế") == provinces.names("Thừa Thiên Huế") == {"Thừa Thiên Huế", "Huế"}
    assert provinces.names("Ninh Thuận") == {"Ninh Thuận"}  # the merged Khánh Hòa is another province


def test_an_article_gets_its_province_as_of_its_date_and_after_the_merger() -> None:
    text = "Không có địa danh."
    before = province_fields(dated(text, "2021-04-12", "baoninhthuan.com.vn"))
    after = province_fields(dated(text, "2025-08-01", "baoninhthuan.com.vn"))
    assert before == {"province": "Ninh Thuận", "province_2025": "Khánh Hòa"}
    assert after == {"province": "Khánh Hòa", "province_2025": "Khánh Hòa"}
    hue = "Tại tỉnh Thừa Thiên Huế, UBND tỉnh Thừa Thiên Huế cho biết."
    assert province_fields(dated(hue, "2020-10-01")) == {"province": "Thừa Thiên Huế", "province_2025": "Huế"}
    assert province_fields(dated("Không có địa danh.", None)) == {"province": None, "province_2025": None}


def test_a_commune_of_the_2025_map_points_to_its_province() -> None:
    gaz = gazetteer()
    # communes only the 2025 map has, each in one province (their names come from the data, not from here)
    new_only = sorted(k for k, v in gaz.wards_2025.items() if k not in gaz.wards and k not in gaz.districts
                      and len(v) == 1 and " " in k and k.replace(" ", "").isalpha())
    assert len(new_only) > 100
    for key in new_only[:20]:
        name = " ".join(w.capitalize() for w in key.split())
        text = f"Người dân phường {name} vui mừng. Phường {name} đổi mới."
        fields = province_fields(dated(text, "2025-09-01"))
        assert fields["province"] == fields["province_2025"] == next(iter(gaz.wards_2025[key])), name


def test_every_known_province_of_the_sample_runs_is_canonical(gold_run) -> None:
    provinces = province_list()
    canonical = {*provinces.units, *provinces.after}
    records, _ = gold_run
    known = [r for r in records if r["province"]]
    assert len(known) >= 6
    for record in known:
        assert record["province"] in canonical
        assert record["province_2025"] == provinces.in_2025[provinces.unit(record["province"])]
