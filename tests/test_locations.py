"""Locations extractor and the gazetteer helpers: names, levels, offsets, province lookups."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import build_document
from pipeline.extract.gazetteer import (
    PhraseIndex,
    ascii_fold,
    gazetteer,
    place_key,
    province_from_outlet,
    province_of,
    strip_admin,
)
from pipeline.extract.kinds import locations
from pipeline.extract.place_cues import cue_led_names
from pipeline.model import Mention
from pipeline.place_names import opening_place_words
from tests.conftest import assert_mention_offsets


def _places(text: str, title: str | None = None) -> dict[str, str]:
    doc = build_document(text, title=title)
    return {e["name"]: e["level"] for e in locations.build(locations.find(doc), doc, [])}


def _assert_offsets(doc) -> None:
    assert_mention_offsets(doc, locations.find(doc), "LOC")


@pytest.mark.parametrize(
    ("written", "same_as"),
    [("Thanh Hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"), ("thủy", "thuỷ"), ("  Hà   Nội ", "hà nội"),
     ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")],
)
def test_place_key_ignores_tone_placement_case_and_spacing(written: str, same_as: str) -> None:
    assert place_key(written) == place_key(same_as)


def test_ascii_fold_and_strip_admin() -> None:
    assert ascii_fold("Đắk Lắk") == "daklak"
    assert ascii_fold("Bà Rịa - Vũng Tàu") == "bariavungtau"
    assert strip_admin("Huyện Chợ Lách") == ("huyện", "Chợ Lách")
    assert strip_admin("Thành phố Thái Bình") == ("thành phố", "Thái Bình")
    assert strip_admin("Cần Thơ") == ("", "Cần Thơ")


@pytest.mark.parametrize(
    ("name", "province"),
    [("Chợ Lách", "Bến Tre"), ("huyện Tiền Hải", "Thái Bình"), ("Thanh Hoá", "Thanh Hóa"),
     ("TP.HCM", "Hồ Chí Minh"), ("Sài Gòn", "Hồ Chí Minh"), ("Ninh Thuận", "Ninh Thuận"),
     ("Châu Thành", None), ("Narnia", None), ("", None), (None, None)],
)
def test_province_of(name: str | None, province: str | None) -> None:
    assert province_of(name) == province


@pytest.mark.parametrize(
    ("host", "province"),
    [("baoninhthuan.com.vn", "Ninh Thuận"), ("www.baothanhhoa.vn", "Thanh Hóa"),
     ("baoquangbinh.vn", "Quảng Bình"), ("baodaklak.vn", "Đắk Lắk"),
     ("baobariavungtau.com.vn", "Bà Rịa - Vũng Tàu"), ("hanoimoi.com.vn", "Hà Nội"),
     ("lucngan.bacgiang.gov.vn", "Bắc Giang"), ("sotnmt.quangninh.gov.vn", "Quảng Ninh"),
     ("dantri.com.vn", None), ("vnexpress.net", None), ("", None), (None, None)],
)
def test_province_from_outlet(host: str | None, province: str | None) -> None:
    assert province_from_outlet(host) == province


def test_gazetteer_knows_every_level() -> None:
    gaz = gazetteer()
    assert gaz.level_of("Hà Nội") == "province"
    assert gaz.level_of("Chợ Lách") == "district"
    assert gaz.level_of("Tân Thiềng") == "commune"
    assert gaz.level_of("Việt Nam") == "country"
    assert gaz.level_of("châu Âu") == "other"
    assert gaz.level_of("Narnia") is None
    assert len(gaz.provinces) >= 63 and len(gaz.districts) > 600 and len(gaz.wards) > 5000


def test_phrase_index_matches_whole_tokens_and_not_across_lines() -> None:
    index = PhraseIndex()
    index.add("TP.HCM", "province")
    index.add("Hà Nội", "province")
    index.add("Hà Lan", "country")
    text = "Từ TP. HCM ra Hà Nội, không phải Hà\nNội, cũng không phải Hà Nộii."
    found = [(text[a:b], p) for a, b, p in index.find(text)]
    assert found == [("TP. HCM", "province"), ("Hà Nội", "province")]


def test_admin_word_gives_level_and_is_dropped_from_the_name() -> None:
    places = _places("Bà Nhung ở xã Tây Tiến, huyện Tiền Hải; bạn gái ở phường Kỳ Bá, thành phố Thái Bình.")
    assert places == {"Tây Tiến": "commune", "Tiền Hải": "district",
                      "Kỳ Bá": "commune", "Thái Bình": "district"}


def test_a_unit_abroad_is_named_after_its_administrative_word() -> None:
    """A run of words no Vietnamese syllable reads as, after the word of a unit, is a unit abroad."""
    places = _places("Hắn về sống ở thành phố Ansan; ca bệnh ở tỉnh Samut Prakan và quận Yongsan.")
    assert places == {"Ansan": "other", "Samut Prakan": "other", "Yongsan": "other"}
    # a unit of the Central Highlands written with an apostrophe the gazetteer spells without keeps its level
    assert _places("Thác K50 thuộc huyện K'bang; xã Quảng Sơn, huyện Đắk G'Long.") == {
        "K'bang": "district", "Quảng Sơn": "commune", "Đắk G'Long": "district"}


@pytest.mark.parametrize("text", [
    "Hộ dân ở xã Nông thôn mới đều vui.",  # a common phrase of Vietnamese syllables
    "Phó Chủ tịch tỉnh Trần Xuân Dưỡng phát biểu.",  # a person after his office's unit
    "Đại lộ là niềm tự hào của thành phố St. Petersburg.",  # two letters name nothing alone
    "Ai sẽ tìm được Thành phố Z đã mất?",
    "Người dân làng Kaoting và bản Galaxy đón Tết.",  # a village word keeps needing a known name
])
def test_a_run_of_vietnamese_syllables_or_letters_is_no_unit_abroad(text: str) -> None:
    assert _places(text) == {}


def test_centrally_run_city_stays_a_province() -> None:
    assert _places("Học sinh thành phố Đà Nẵng đi học trở lại.") == {"Đà Nẵng": "province"}


def test_title_place_before_a_colon() -> None:
    assert _places("Bài viết.", title="Chợ Lách: Kết quả 5 năm") == {"Chợ Lách": "district"}
    assert _places("Bài viết.", title="Thi đua: Kết quả 5 năm") == {}


def test_province_aliases_are_one_place() -> None:
    doc = build_document("Tại TP.HCM, TP HCM và thành phố Hồ Chí Minh, giá nhà tăng.")
    entries = locations.build(locations.find(doc), doc, [])
    assert [e["name"] for e in entries] == ["TP.HCM"]
    assert len(entries[0]["mentions"]) == 3


def test_mentions_keep_the_admin_word_and_field() -> None:
    doc = build_document("Thân bài.", title="Cháy nhà ở xã Tây Tiến",
                         captions=["Hiện trường ở huyện Tiền Hải."])
    found = [(m.field, m.text) for m in locations.find(doc)]
    assert found == [("title", "xã Tây Tiến"), ("captions.0", "huyện Tiền Hải")]


def test_meta_lines_are_skipped() -> None:
    doc = build_document("Thân bài.", meta=["Nguồn Thanh Hóa: http://baothanhhoa.vn"])
    assert locations.find(doc) == []


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "tỉnh", "xã ", "TP.", "Hà", "Anh", "\t Hà Nội\t", "“Hà Nội”", "(Hà Nội)",
     "Hà Nội😀Việt Nam", "🇻🇳 Việt Nam 🇻🇳", "xã Tân Thiềng,huyện Chợ Lách", "các xã , và",
     "Bà Rịa -  Vũng Tàu", "TP.HCMTP.HCM", "Hà  Nội", "x" * 5000 + " Hà Nội " + "y" * 5000, "Hà Nội " * 500,
     "\u00a0Hà\u00a0Nội\u00a0", "ĐỒNG NAI đồng nai"],
)
def test_offsets_hold_on_messy_strings(text: str) -> None:
    _assert_offsets(build_document(text, title=text[:80] or None, captions=[text[:200]]))


TOKENS = [
    "Hà Nội", "Việt Nam", "tỉnh", "xã", "huyện", "thành phố", "TP.", "HCM", "Anh", "Mỹ",
    "Tây Tiến", "các", "và", "Công an", "tiếng", ",", ":", "-", "(", ")", "\n", "\t", "“", "”",
    "😀", ".", " ", " ", " ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_find_never_raises_and_offsets_hold(text: str) -> None:
    _assert_offsets(build_document(text))


def test_bare_districts_of_the_outlets_province_are_places() -> None:
    text = "Số hộ nghèo tại các huyện, gồm: Ninh Sơn 2.638 hộ, Thuận Bắc 2.456 hộ và Bác Ái 2.601 hộ."
    doc = build_document(text, outlet="baoninhthuan.com.vn")
    found = {e["name"]: e["level"] for e in locations.build(locations.find(doc), doc, [])}
    assert found == {"Ninh Sơn": "district", "Thuận Bắc": "district", "Bác Ái": "district"}
    _assert_offsets(doc)
    elsewhere = build_document(text, outlet="baolamdong.vn")  # not Lâm Đồng's districts: not named alone
    assert locations.find(elsewhere) == []


def test_a_bare_rural_district_needs_its_word_somewhere_in_the_article() -> None:
    assert _places("Năm nay, Đức Trọng kết nạp được 39 đảng viên.") == {}
    found = _places("Năm nay, Đức Trọng kết nạp 39 đảng viên, nhiều nhất huyện Đức Trọng từ trước tới nay.")
    assert found == {"Đức Trọng": "district"}


def test_a_bare_rural_district_listed_beside_a_place_is_a_place() -> None:
    assert _places("Nhân dân Quảng Bình - Vĩnh Linh vượt qua khó khăn.") == {
        "Quảng Bình": "province", "Vĩnh Linh": "district"}
    found = _places("Đoàn đã đến Hà Giang, Mèo Vạc và Đồng Văn.")  # the list goes on from place to place
    assert found == {"Hà Giang": "province", "Mèo Vạc": "district", "Đồng Văn": "district"}
    assert _places("Năm nay, Vĩnh Linh kết nạp 39 đảng viên.") == {}  # alone, still no place
    assert "Đại Từ" not in _places("Phòng khám ở số 32 Đại Từ, Hoàng Mai.")  # an address: a street


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ABĐẢNGaăđhọc ,.-()0123\nǅªⅫ中ʰ")), max_size=60))
def test_a_line_in_capitals_is_told_as_by_counting_its_letters(line: str) -> None:
    """The count in C that rules prose out first changes no answer of the count letter by letter."""
    from pipeline.extract.upper_places import MIN_LETTERS, UPPER_SHARE, _in_capitals

    letters = [c for c in line if c.isalpha()]
    expected = len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= UPPER_SHARE * len(letters)
    assert _in_capitals(line) == expected
    assert _in_capitals("QUYẾT ĐỊNH CỦA TỈNH HẢI DƯƠNG") and not _in_capitals("Quyết định của tỉnh Hải Dương")


def test_a_bare_district_right_before_its_province_is_a_place() -> None:
    """"Cầu Giấy, Hà Nội", "Bình Chánh (TP.HCM)", and a comma closing the line before the province."""
    for text, district in (("Trụ sở đặt tại Cầu Giấy, Hà Nội.", "Cầu Giấy"),
                           ("Trụ sở đặt tại Cầu Giấy, \nHà Nội.", "Cầu Giấy"),
                           ("Anh sống ở Bình Chánh (TP.HCM) từ năm 2010.", "Bình Chánh")):
        assert _places(text).get(district) == "district", text


@pytest.mark.parametrize(("words", "size"), [
    ("BẠCH THÔNG RỘN RÀNG", 2),  # a district of Bắc Kạn opens it
    ("Hà Tĩnh hướng tới", 2),  # a province
    ("Trần Văn Thời", 3),  # a district of Cà Mau named after a person
    ("Minh Anh Tuấn", 0),  # a commune's name is a person's too: left out
    ("Nguyễn Văn An", 0),
])
def test_opening_place_words_counts_a_province_or_district_opening_the_words(words: str, size: int) -> None:
    assert opening_place_words(words.split()) == size


@pytest.mark.parametrize("cue", ["Tp", "T.P", "T.P.", "TP.", "Tp."])
def test_every_way_pages_shorten_thanh_pho_leads_a_city(cue: str) -> None:
    """"Tp Vinh", "T.P Hồ Chí Minh": a city, a centrally-run one staying a province."""
    assert _places(f"Đoàn công tác đến {cue} Vinh và {cue} Hồ Chí Minh hôm qua.") == {
        "Vinh": "district", "Hồ Chí Minh": "province"}


def test_a_place_in_capitals_closed_by_punctuation_needs_no_gazetteer() -> None:
    """"XÃ QUẾ TRUNG:" (a commune the gazetteer lacks) is read whole; an open run, a body's word ("TỈNH
    ĐOÀN BẮC NINH:") or a lower-case word ("HUYỆN ỦY") names no place."""
    assert _places("XÃ QUẾ TRUNG: HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua.") == {"Quế Trung": "commune"}
    assert _places("TỈNH HUẾ: HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua.") == {"Huế": "province"}
    assert _places("XÃ QUẾ TRUNG TỔ CHỨC HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua.") == {}
    assert _places("TỈNH ĐOÀN BẮC NINH: HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua.") == {}
    assert _places("HUYỆN ỦY ĐÔNG ANH: HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua.") == {}


def test_numbers_listed_after_a_plural_numbered_admin_word_are_places_of_that_word() -> None:
    """"các quận 1, 3 và 5": each number a district; a decimal ("2,5 km") or a singular word ends it."""
    assert _places("Các quận 1, 3 và 5 đã hoàn thành kế hoạch.") == {
        "Quận 1": "district", "Quận 3": "district", "Quận 5": "district"}
    assert _places("Các phường 1, 2,5 km đường đã xong.") == {"Phường 1": "commune"}
    assert _places("Quận 1, 3 triệu người đã tiêm.") == {"Quận 1": "district"}


def test_an_admin_word_with_every_word_capitalised_still_leads_its_place() -> None:
    """"Thành Phố Hồ Chí Minh", "Thị Xã Sơn Tây": pages that capitalise each word of the unit's word."""
    assert _places("Đoàn đến Thành Phố Hồ Chí Minh và Thị Xã Sơn Tây hôm qua.") == {
        "Hồ Chí Minh": "province", "Sơn Tây": "district"}


def test_an_address_abbreviation_before_a_number_names_the_numbered_unit() -> None:
    """"P.7, Q.3": "Phường 7" and "Quận 3"; before a name ("P. Hùng", a person's initial) or a longer
    number ("P.201", a room) it names nothing."""
    found = _places("Trụ sở tại số 5 Lê Lợi, P.7, Q. 3 hôm qua.")
    assert found == {"Phường 7": "commune", "Quận 3": "district"}
    assert _places("Ảnh: P. Hùng tại phòng P.201.") == {}
    assert _places("Biến thể P.1 (phát hiện ở Brazil) lây nhanh.") == {"Brazil": "country"}  # no address
    assert _places("Anh sống ở Q.9, TPHCM.").get("Quận 9") == "district"


def test_a_region_named_by_a_common_noun_is_found_in_lower_case() -> None:
    places = _places("Tỉnh đứng đầu các tỉnh trung du và miền núi phía Bắc về tăng trưởng.")
    assert places == {"trung du và miền núi phía Bắc": "other"}


def test_a_village_word_after_an_outlets_tag_opens_the_sentence() -> None:
    assert _places("Tin trong tỉnh\n(HNMO) - Thôn Nà Lừa có 143 hộ.") == {"Nà Lừa": "other"}
    assert _places("Trong năm, Thôn Nà Lừa có 143 hộ.") == {}  # mid-sentence: a capital inside a name


def test_a_province_in_capitals_before_a_dash_is_the_dateline() -> None:
    assert _places("HÀ NỘI – Sáng 5-4, hội nghị đã diễn ra.") == {"Hà Nội": "province"}
    assert _places("BÌNH AN – Sáng 5-4, hội nghị đã diễn ra.") == {}


def test_one_admin_word_in_capitals_does_not_swallow_the_next() -> None:
    places = _places("Hội nghị đã diễn ra.", title="SẮP XẾP ĐƠN VỊ CẤP XÃ TRÊN ĐỊA BÀN HUYỆN THUẬN CHÂU")
    assert places == {"Thuận Châu": "district"}


def test_an_apostrophe_and_a_space_join_a_one_letter_syllable_to_the_next() -> None:
    places = _places("Trao quà ở huyện Đắk R' Lấp tỉnh Đắk Nông.")
    assert places == {"Đắk R' Lấp": "district", "Đắk Nông": "province"}


def test_a_line_in_capitals_reads_a_name_joined_by_an_apostrophe() -> None:
    assert _places("Hội nghị đã diễn ra.", title="HỘI NGHỊ TẠI HUYỆN IA H'DRAI TỈNH KON TUM") == {
        "Ia H'Drai": "district", "Kon Tum": "province"}


def test_peninsula_is_a_cue_of_its_own() -> None:
    """"bán đảo" is one segmenter word, so the island cue inside it opens nothing; the peninsula leads."""
    places = _places("Nga sáp nhập bán đảo Crimea năm 2014; du khách lên Bán đảo Sơn Trà.")
    assert places.get("bán đảo Crimea") == "other"
    assert places.get("Bán đảo Sơn Trà") == "other"
    assert "bán đảo ngũ cốc" not in _places("Người dân mua bán đảo ngũ cốc.")


def test_international_between_a_cue_and_its_name_in_either_case_is_kept() -> None:
    """"quốc tế" between a cue and its name, capitalised or not, is part of the place's name; the city
    inside the airport's name is no place of its own."""
    places = _places("Bệnh nhân nhập cảnh Sân bay Quốc tế Đà Nẵng, rồi qua Cửa khẩu quốc tế Cầu Treo "
                     "và Cảng hàng không Quốc tế Vinh.")
    assert places == {"Sân bay Quốc tế Đà Nẵng": "other", "Cửa khẩu quốc tế Cầu Treo": "other",
                      "Cảng hàng không Quốc tế Vinh": "other"}


def test_a_town_abroad_before_its_state_and_country_is_a_place() -> None:
    """"ở Encino, California, Mỹ": a foreign-looking town before a state abroad (known or foreign-looking
    itself) and its country; a Vietnamese place still needs its administrative word."""
    places = _places("Bà sinh ra ở Zapopan, Jalisco, Mexico; biệt thự ở Encino, California.")
    assert places == {"Zapopan": "other", "Jalisco": "other", "Mexico": "country", "Encino": "other",
                      "California": "other"}
    assert "Hoàng Gia" not in _places("Bà làm ở Hoàng Gia, California, Mỹ.")  # Vietnamese syllables


def test_oceans_are_places_unless_a_capitalised_word_runs_into_them() -> None:
    """An ocean named after a country's syllables ("Ấn Độ Dương") is the ocean, not "Ấn Độ"."""
    places = _places("Tàu đi từ Ấn Độ Dương sang Thái Bình Dương.")
    assert places.get("Ấn Độ Dương") == "other" and places.get("Thái Bình Dương") == "other"
    assert "Ấn Độ" not in places
    assert "Thái Bình Dương" not in _places("Cựu hoa hậu Hàn Quốc Thái Bình Dương còn khoe.")


def test_compass_point_after_region_word_leaves_the_place() -> None:
    """"miền Đông Ukraine": the region's compass point does not run into the country's name."""
    assert _places("Giao tranh ở miền Đông Ukraine tiếp diễn.").get("Ukraine") == "country"
    assert "Nam Định" not in _places("Bà Nguyễn Thị Miền Nam Định nói.")


def test_a_number_after_a_hamlet_or_a_known_ward_is_part_of_its_name() -> None:
    """"ấp Bình An 2" and "ấp Bình An 1" are two hamlets; a ward is named with its number where the
    gazetteer knows it so ("phường Cổ Nhuế 1"); a number makes a village of one syllable a name."""
    places = _places("Tại ấp Bình An 2, xã Bình Hòa có 50 hộ; phường Cổ Nhuế 1 và thôn Đoài 1 có nhiều hộ. "
                     "Làng Linh Đông 1 có 300 hộ.")
    assert places == {"Bình An 2": "other", "Bình Hòa": "commune", "Cổ Nhuế 1": "commune",
                      "Đoài 1": "other", "Linh Đông 1": "other"}


def test_a_number_counting_the_next_noun_is_no_part_of_a_hamlet() -> None:
    """"thôn Phú Mỹ 3 năm liền": the number counts years; a village of one syllable stays no name."""
    places = _places("Thôn Phú Mỹ 3 năm liền đạt danh hiệu; huyện Đông Anh 3 năm liền dẫn đầu; "
                     "thôn Trung 5 hộ.")
    assert places == {"Phú Mỹ": "other", "Đông Anh": "district"}


def test_a_number_counting_the_next_noun_is_no_part_of_a_known_ward() -> None:
    """"huyện Phú Hòa 1 thôn": the number counts hamlets, though a ward elsewhere is "Phú Hòa 1"; an
    administrative word after the number starts the next unit, and the ward keeps its number."""
    places = _places("Huyện Sơn Hòa 37 thôn, huyện Phú Hòa 1 thôn; "
                     "phường Mỹ Đình 2 quận Nam Từ Liêm có 5 tổ.")
    assert places == {"Sơn Hòa": "district", "Phú Hòa": "district", "Mỹ Đình 2": "commune",
                      "Nam Từ Liêm": "district"}


def test_first_level_units_and_seas_abroad_are_places() -> None:
    """Closed sets from ISO 3166-2 and the IHO's seas: "Minnesota", "Cam Túc", "Biển Đen"."""
    places = _places("Tàu chìm ở Biển Đen; ông sống ở Minnesota rồi về Cam Túc, sau đó tới Bắc Carolina.")
    assert places == {"Biển Đen": "other", "Minnesota": "other", "Cam Túc": "other", "Bắc Carolina": "other"}
    assert "Massachusetts" not in _places("Giáo sư Đại học Massachusetts Viện Công nghệ cho biết.")


def test_a_capitalised_cue_of_nature_opens_a_place_of_its_own() -> None:
    """"Đảo Phú Quý", "Vịnh Nha Trang", "dọc Sông Hương": the cue is a part of the name; not a unit of the
    gazetteer ("Sông Công") nor after a capitalised word ("Nguyễn Sông Thao")."""
    places = _places("Đảo Phú Quý là điểm du lịch. Du khách thăm Vịnh Nha Trang, đi dọc Sông Hương, "
                     "rồi về Ga Hà Nội.")
    assert places == {"Đảo Phú Quý": "other", "Vịnh Nha Trang": "other", "Sông Hương": "other",
                      "Ga Hà Nội": "other"}
    assert _places("Thành phố Sông Công và thầy Nguyễn Sông Thao.") == {"Sông Công": "district"}


def test_number_word_between_a_numbered_unit_and_its_number_stays_in_the_name() -> None:
    """"Tổ dân phố số 6": "số" (number) may stand between the word and its number; "văn bản số 3370"
    names no place ("bản" takes no number)."""
    places = _places("Lễ ra mắt tại Tổ dân phố số 6 phường Tương Mai; Bộ có văn bản số 3370.")
    assert places == {"Tổ dân phố số 6": "other", "Tương Mai": "commune"}


def test_a_foreign_name_after_the_word_for_a_state_abroad_is_a_place() -> None:
    """"bang Karen", "bang Sabah": "bang" names units abroad only, so one foreign-looking word after it is
    a state; "liên bang" (federal) is one word, and a capitalised "Bang" is a given name."""
    places = _places("Quân đội tấn công ở bang Karen; ở bang Sabah của Malaysia có mưa; cựu thống đốc "
                     "bang Alaska Sarah Palin phát biểu.")
    assert places == {"Karen": "other", "Sabah": "other", "Malaysia": "country", "Alaska": "other"}
    places = _places("Ông Trịnh Bang Dũng cho biết, Ủy ban Truyền thông liên bang Hoa Kỳ đã duyệt.")
    assert "Dũng" not in places and places.get("Hoa Kỳ") != "other"


def test_an_island_unit_is_named_as_the_unit_not_as_the_island() -> None:
    """"huyện đảo Lý Sơn", "thành phố đảo Phú Quốc": "đảo" qualifies the administrative word, so the
    place is the unit at its level, named without both words; "đảo" alone still leads an island."""
    places = _places("Cả nước có 11 huyện đảo và 1 thành phố đảo Phú Quốc; Huyện đảo Vân Đồn có hơn 600 "
                     "đảo; ngư dân xã đảo Thạnh An ra đảo Hòn Khoai.")
    assert places == {"Phú Quốc": "district", "Vân Đồn": "district", "Thạnh An": "commune",
                      "đảo Hòn Khoai": "other"}


def test_a_cue_led_place_gives_the_names_after_its_cue_word() -> None:
    """Each tail of two to four words after the cue's first word, folded; a ward gives none."""
    bridge = Mention("LOC", 0, 24, "cầu vượt Nguyễn Hữu Cảnh", attrs={"level": "other"})
    ward = Mention("LOC", 30, 45, "phường Bến Nghé", attrs={"level": "commune"})
    assert cue_led_names([bridge, ward], 4) == {
        ("vuot", "nguyen", "huu", "canh"), ("nguyen", "huu", "canh"), ("huu", "canh")}
