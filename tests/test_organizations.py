"""The organisations extractor: normalisation, scanning, acronyms, grouping and the offsets invariant."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import build_document
from pipeline.extract.kinds import organizations
from pipeline.extract.kinds.organizations import RULES_SCHEMA, modern_tones, rules
from pipeline.extract.merge import resolve_overlaps
from pipeline.text import name_key
from tests.growth import assert_linear


def orgs(text: str, **fields) -> list[dict]:
    """Entries of this extractor alone (others' mentions do not matter here)."""
    doc = build_document(text, **fields)
    mentions = resolve_overlaps(organizations.find(doc))
    return organizations.build(mentions, doc, mentions)


def names(text: str, **fields) -> list[str]:
    return [entry["name"] for entry in orgs(text, **fields)]


def check_offsets(doc, mentions) -> None:
    for mention in mentions:
        segment = doc.segment(mention.field)
        assert segment is not None
        assert segment.text[mention.start:mention.end] == mention.text
        assert mention.type == "ORG"


@pytest.mark.parametrize(("old", "new"), [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("Hoà Bình", "Hòa Bình"),
    ("quý", "quý"),  # "qu" is a consonant: the tone stays on the vowel after it
    ("hoàn thành", "hoàn thành"),  # closed syllables are written the same way in both styles
    ("", ""),
])
def test_modern_tones_keeps_length(old: str, new: str) -> None:
    assert modern_tones(old) == new
    assert len(modern_tones(old)) == len(old)


def test_fold_ignores_case_spacing_tones_and_hyphen_spacing() -> None:
    assert name_key("Đảng bộ Khối Cơ quan-Doanh nghiệp") == name_key("đảng bộ  khối cơ quan - doanh nghiệp")
    assert name_key("UỶ BAN") == name_key("Ủy ban")
    assert name_key("Bộ Y tế") != name_key("Bộ Y tế Việt Nam")


def test_rule_file_schema_rejects_unknown_keys() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"heads": [], "name_words": [], "admin_words": [], "bodies": [], "surnames": [],
                             "typo": []}, RULES_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"heads": [{"term": "Bộ"}], "name_words": [], "admin_words": [], "bodies": [],
                             "surnames": []}, RULES_SCHEMA)  # every entry needs a gloss


def test_rules_are_compiled_once() -> None:
    assert rules() is rules()


def test_the_ministry_and_the_bloc_are_one_head_each_of_the_rule_file() -> None:
    from pipeline.extract.org_rules import Head, _one_head
    from pipeline.rulebook import RulesError

    assert (rules().ministry_head, rules().bloc_head) == ("Bộ", "Khối")
    assert rules().heads["khối"].bloc and rules().heads["bộ"].ministry and not rules().heads["sở"].ministry
    with pytest.raises(RulesError, match="one head has `bloc`, not 2"):
        _one_head({"khối": Head("Khối", bloc=True), "đoàn khối": Head("Đoàn Khối", bloc=True)}, "bloc")
    assert rules().head_re.match("ban thường vụ").group() == "ban thường vụ"  # the longest head wins


def test_longest_name_is_one_organisation() -> None:
    assert names("Chi bộ Hội Nông dân tỉnh tổ chức cuộc thi.") == ["Chi bộ Hội Nông dân tỉnh"]


def test_person_after_a_name_is_not_part_of_it() -> None:
    assert names("Bộ trưởng Bộ Y tế Nguyễn Thanh Long phát biểu.") == ["Bộ Y tế"]
    assert names("Phó chủ tịch UBND tỉnh Thanh Hóa Đầu Thanh Tùng ký.") == ["UBND tỉnh Thanh Hóa"]


def test_generic_phrases_are_not_names() -> None:
    assert names("Các chi bộ, đảng bộ cơ sở và cấp ủy cơ sở; các cơ quan, đơn vị; tổ chức đảng.") == []


def test_acronym_defined_in_the_title_is_used_in_the_body() -> None:
    entries = orgs("Đảng ủy Khối CCQ tỉnh đã lãnh đạo các chi bộ.",
                   title="Đảng ủy Khối Các cơ quan (CCQ) tỉnh: nâng cao chất lượng")
    assert [e["name"] for e in entries] == ["Đảng ủy Khối Các cơ quan tỉnh"]
    assert [m["field"] for m in entries[0]["mentions"]] == ["title", "text"]


def test_whole_acronym_is_a_second_form_of_the_name() -> None:
    entries = orgs("Tổng công ty Điện lực TP.HCM (EVN HCMC) cảnh báo. Đại diện EVN HCMC cho biết thêm.")
    assert len(entries) == 1
    entry = entries[0]
    assert (entry["name"], entry["acronym"]) == ("Tổng công ty Điện lực TP.HCM", "EVN HCMC")
    assert [m["text"] for m in entry["mentions"]] == ["Tổng công ty Điện lực TP.HCM", "EVN HCMC", "EVN HCMC"]


def test_acronym_table_is_shared_through_the_cache() -> None:
    doc = build_document("Có 95 tổ chức cơ sở đảng (TCCSĐ) trong Khối.")
    organizations.find(doc)
    assert doc.cache["org_acronyms"]["TCCSĐ"][0] == "whole"


def test_short_form_joins_the_long_name() -> None:
    entries = orgs("Huyện ủy đã triển khai. Huyện ủy Chợ Lách đề ra phương hướng.")
    assert [(e["name"], len(e["mentions"])) for e in entries] == [("Huyện ủy Chợ Lách", 2)]


def test_brand_without_its_head_joins_the_company() -> None:
    entries = orgs("Tập đoàn Hòa Phát họp cổ đông. Năm nay Hòa Phát đặt mục tiêu lớn.")
    assert [(e["name"], len(e["mentions"])) for e in entries] == [("Tập đoàn Hòa Phát", 2)]


def test_listed_aliases_group_under_the_most_used_form() -> None:
    entries = orgs("Bộ Giáo dục trả lời. Bộ GD&ĐT cho biết. Lãnh đạo Bộ GD&ĐT nói thêm.")
    assert [e["name"] for e in entries] == ["Bộ GD&ĐT"]


def test_meta_lines_are_not_read() -> None:
    doc = build_document("Nội dung bài viết.", meta=["Phó Bí thư Thường trực Đảng ủy Khối CCQ tỉnh"])
    assert organizations.find(doc) == []


def test_party_counts_only_beside_another_national_body() -> None:
    assert names("Chủ trương của Đảng và Nhà nước.") == ["Đảng"]
    assert names("Xây dựng, chỉnh đốn Đảng trong sạch.") == []
    assert names("Đảng Cộng sản Việt Nam lãnh đạo.") == ["Đảng Cộng sản Việt Nam"]


MESSY = [
    "",
    "   \t  ",
    "\n\n\n",
    "Sở\tY tế  tỉnh   Thanh Hóa\tcho biết",
    "“Công ty Coolcat” và ‘Tập đoàn Hòa Phát’ 🙂🙂 Ủy ban MTTQ 🚀 huyện Chợ Lách",
    "(((CCQ))) (EVN) ( ) (Bộ Y tế (WHO)) Đảng ủy Khối (CCQ",
    "Bộ " * 3000,
    "UBND tỉnh " + "Ninh Thuận " * 500,
    "Công ty TNHH MTV - - - & & & Hòa - Phát -",
    "ǅ İstanbul Bộ Y tế ﬁ ǈ Ⅷ",  # letters whose case changes length
    "Trường\nSa Bộ\n\nY tế Đảng bộ\tKhối\n(CCQ)\ntỉnh",
]


@pytest.mark.parametrize("text", MESSY)
def test_messy_text_keeps_offsets(text: str) -> None:
    doc = build_document(text, title=text[:200] or None, captions=[text[:50]])
    mentions = organizations.find(doc)
    check_offsets(doc, mentions)
    kept = resolve_overlaps(mentions)
    for entry in organizations.build(kept, doc, kept):
        assert entry["mentions"] and entry["name"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("BộSởỦyban ĐảngKhối Công ty(CCQ)-&,.\n\tHòaPhát🙂TP.HCMtỉnh")),
               max_size=120))
def test_find_never_raises_and_offsets_hold(text: str) -> None:
    doc = build_document(text)
    mentions = organizations.find(doc)
    check_offsets(doc, mentions)
    kept = resolve_overlaps(mentions)
    organizations.build(kept, doc, kept)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=80))
def test_find_never_raises_on_any_string(text: str) -> None:
    doc = build_document(text)
    check_offsets(doc, organizations.find(doc))


def test_long_text_is_linear() -> None:
    sentence = "Đảng bộ Công ty Điện lực Ninh Thuận phối hợp với Sở Tài nguyên và Môi trường và UBND tỉnh. "
    assert len(organizations.find(build_document(sentence * 400))) == 1200
    assert_linear(lambda n: build_document(sentence * n), organizations.find, 40)  # 40 sentences, then 400


def test_word_classes_ship_with_the_package_and_read_as_classes() -> None:
    from pipeline.extract.word_classes import word_class

    assert word_class("doanh nghiệp") == "noun"
    assert word_class("của") == "preposition"
    assert word_class("đã") == "adverb"
    assert word_class("xây dựng") == "verb"
    assert word_class("không có từ này") is None


def test_a_head_the_segmenter_glued_to_an_acronym_still_closes_the_name() -> None:
    """underthesea reads "UBKT Tỉnh" as one word and "ủy" as another: the name is not cut at "Tỉnh"."""
    assert names("Lãnh đạo Cơ quan UBKT Tỉnh ủy và các đảng viên dự họp.") == ["Cơ quan UBKT Tỉnh ủy"]
    assert names("Quốc Hội đã thông qua luật.") == ["Quốc hội"]  # one word: no nested head inside it


def test_a_fund_is_no_organisation_nor_entity() -> None:
    from pipeline.extract import extract

    text = "Quỹ Hỗ trợ nông dân tăng trưởng 3 tỷ đồng. Ban Điều hành Quỹ Hỗ trợ nông dân huyện họp."
    result = extract(build_document(text))
    assert [o["name"] for o in result["organizations"]] == ["Ban Điều hành Quỹ Hỗ trợ nông dân huyện"]
    org_texts = [e["text"] for e in result["entities"] if e["type"] == "ORG"]
    assert org_texts == ["Ban Điều hành Quỹ Hỗ trợ nông dân huyện"]


def test_stopped_initials_are_an_abbreviation_not_shouting() -> None:
    from pipeline.extract.org_words import shouting

    assert not shouting("T.Ư") and shouting("TỈNH") and not shouting("UBND")
    assert names("Ban Tổ chức T.Ư đã có hướng dẫn mới.") == ["Ban Tổ chức T.Ư"]


def test_a_stop_before_a_capitalised_word_is_a_lost_sentence_space() -> None:
    from pipeline.extract.org_view import SYLLABLE_RE

    assert SYLLABLE_RE.findall("TP.HCM T.Ư Tp.HCM") == ["TP.HCM", "T.Ư", "Tp.HCM"]
    assert SYLLABLE_RE.findall("Mỹ.Trường") == ["Mỹ", "Trường"]
    assert names("Trường Tiểu học Tân Mỹ.Trường có 20 lớp học.") == ["Trường Tiểu học Tân Mỹ"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Công ty cà phê 706 là một đơn vị thành viên.", ["Công ty cà phê 706"]),
    ("Công ty cà phê 706 và Công ty cà phê 715 đã họp.", ["Công ty cà phê 706", "Công ty cà phê 715"]),
    ("Công ty cà phê 50% vốn nhà nước.", []),
    ("Công ty sữa 2 tháng qua tăng trưởng.", []),
    ("Công ty xây dựng 3 cây cầu.", []),
])
def test_a_number_ends_a_numbered_heads_lower_case_description(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_listed_body_keeps_its_longer_written_form_when_used_more() -> None:
    text = ("Nghị quyết Ban Chấp hành Trung ương Đảng khóa XIII. Học tập Nghị quyết Ban Chấp hành Trung ương "
            "Đảng. Ban Chấp hành Trung ương đã ban hành. Ban Chấp hành Trung ương Đảng chỉ đạo.")
    assert "Ban Chấp hành Trung ương Đảng" in names(text)
    # written as often in its short listed form: the listed name stays
    once_each = "Ban Chấp hành Trung ương Đảng họp. Ban Chấp hành Trung ương quyết định."
    assert "Ban Chấp hành Trung ương" in names(once_each)


def test_a_name_written_without_its_school_word_groups_under_the_long_form() -> None:
    text = ("Đại hội đảng viên Chi bộ trường TH Nguyễn Đình Chiểu lần thứ VI. Hôm nay chi bộ TH Nguyễn Đình "
            "Chiểu tiến hành Đại hội. Đảng viên chi bộ TH Nguyễn Đình Chiểu bầu chi ủy.")
    assert names(text) == ["Chi bộ trường TH Nguyễn Đình Chiểu"]


@pytest.mark.parametrize(("text", "expected"), [
    # a history of one firm's names, one per line, each with the body above it after a spaced dash
    ("Năm 1976: Nhà máy Cơ khí công trình - Xí nghiệp liên hợp công trình 4.",
     ["Nhà máy Cơ khí công trình", "Xí nghiệp liên hợp công trình 4"]),
    ("Ông A, Trưởng phòng Chính trị tư tưởng - Sở Giáo dục và Đào tạo TP. Cần Thơ chia sẻ.",
     ["phòng Chính trị tư tưởng", "Sở Giáo dục và Đào tạo TP. Cần Thơ"]),
])
def test_a_spaced_dash_ends_a_lower_case_description(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after the name's listed words or its capitalised words and their description, a numbered head's number
    ("Năm 1996: Công ty Cơ khí giao thông 2 - Bộ Giao thông vận tải.", ["Công ty Cơ khí giao thông 2",
                                                                          "Bộ Giao thông vận tải"]),
    ("Công ty Thương mại dịch vụ 2 đã ký hợp đồng.", ["Công ty Thương mại dịch vụ 2"]),
    ("Bí thư Chi đoàn 15B phát biểu.", ["Chi đoàn 15B"]),
    # a count after the description is no number of the name
    ("Công ty Thương mại 20 năm qua phát triển.", ["Công ty Thương mại"]),
    ("Công ty Du lịch dịch vụ 2 tỷ đồng.", ["Công ty Du lịch"]),
])
def test_a_number_ends_a_numbered_heads_name_after_its_words(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Đây là lần thứ 4 Forbes Việt Nam công bố danh sách này.", ["Forbes Việt Nam"]),
    ("Bà A, Tổng giám đốc Nielsen Việt Nam, chia sẻ.", ["Nielsen Việt Nam"]),
    # a person's name right after the country: the brand alone, as after a province
    ("Cựu giám đốc Google Việt Nam Nguyễn Văn A phát biểu.", ["Google"]),
])
def test_the_home_country_after_a_listed_firm_names_its_company_here(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a charter's grassroots unit type is `local` as the body it is a kind of: its place names it
    ("Sân chơi được bàn giao cho Đoàn cơ sở xã Triệu Sơn.", ["Đoàn cơ sở xã Triệu Sơn"]),
    ("Đảng bộ cơ sở xã Tân Phú tổ chức đại hội.", ["Đảng bộ cơ sở xã Tân Phú"]),
    # any body of a unit (a head that closes names) takes the unit's lower-case head and its name
    ("Sáng nay, Công đoàn cơ sở trường THCS Thái Nguyên tổ chức Đại hội.",
     ["Công đoàn cơ sở trường THCS Thái Nguyên"]),
    ("Sáng nay, Liên đội trường TH&THCS Hải Quế đã tổ chức đại hội.", ["Liên đội trường TH&THCS Hải Quế"]),
    # not a verb written like a unit's common noun after a body named whole
    ("Trước đó, Huyện đoàn tổ chức Lễ Dâng hoa.", ["Huyện đoàn"]),
])
def test_the_body_of_a_named_unit_or_place_is_one_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a lower-case Party head before a unit's head and the unit's name names that unit's cell
    ("Chiều nay, chi bộ trường THPT Phạm Hồng Thái đã họp.", ["chi bộ trường THPT Phạm Hồng Thái"]),
    ("Anh là đảng viên đảng bộ Công ty Than Hà Lầm, đã 10 năm.", ["đảng bộ Công ty Than Hà Lầm"]),
    # before a unit's common noun with no name, the common noun
    ("Các chi bộ trường học đã tổ chức đại hội.", []),
])
def test_a_lower_case_party_head_before_a_named_unit(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a known district written whole after the head is its place, though its first syllable is a surname
    ("Hôm qua, Huyện ủy Triệu Phong tổ chức hội nghị.", ["Huyện ủy Triệu Phong"]),
    ("Hôm qua, Ban Thường vụ Huyện đoàn Hoàng Su Phì đã họp.", ["Ban Thường vụ Huyện đoàn Hoàng Su Phì"]),
    # so too with the officer's name right after it
    ("Bí thư Huyện ủy Lương Tài Nguyễn Văn A phát biểu.", ["Huyện ủy Lương Tài"]),
])
def test_a_district_written_whole_after_a_head_is_no_person(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "người" and a noun describing it, the description running on to the body's named place: a class
    # of people the body serves, not a count
    ("Hôm qua, Hội Bảo trợ người khuyết tật tỉnh Cao Bằng đã tổ chức vận động.",
     ["Hội Bảo trợ người khuyết tật tỉnh Cao Bằng"]),
    ("Hôm qua, Hội Bảo trợ người khuyết tật và bảo vệ quyền trẻ em tỉnh Cao Bằng đã họp.",
     ["Hội Bảo trợ người khuyết tật và bảo vệ quyền trẻ em tỉnh Cao Bằng"]),
    # with no place closing it, "người" still ends the name
    ("Hôm qua, Công ty Điện lực Hà Giang người lao động đã nghỉ.", ["Công ty Điện lực Hà Giang"]),
])
def test_a_class_of_people_the_description_runs_on_from_to_a_place(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two kinds a bloc groups, joined by "và" and written the same way: one bloc of both
    ("Hôm qua, Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh đã họp.",
     ["Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh"]),
    ("Hôm qua, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Trà Vinh đã họp.",
     ["Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Trà Vinh"]),
    # "và" and another body: two bodies
    ("Hôm qua, Đảng ủy Khối Doanh nghiệp và Sở Y tế đã họp.", ["Đảng ủy Khối Doanh nghiệp", "Sở Y tế"]),
])
def test_a_bloc_of_two_kinds_joined_by_va_is_one_bloc(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body of members named in full, then the unit it belongs to with the unit's lower-case head
    ("Hôm qua, Liên Đội TNTP Hồ Chí Minh trường TH Hùng Vương tổ chức đại hội.",
     ["Liên Đội TNTP Hồ Chí Minh trường TH Hùng Vương"]),
    ("Hôm qua, Hội Cựu chiến binh bệnh viện Bạch Mai tổ chức đại hội.",
     ["Hội Cựu chiến binh bệnh viện Bạch Mai"]),
    # the common noun of an agency or a firm, read as a noun by the segmenter, names the unit too
    ("Hôm qua, Hội Cựu chiến binh cơ quan BHXH Việt Nam tổ chức đại hội.",
     ["Hội Cựu chiến binh cơ quan BHXH Việt Nam"]),
    ("Sáng 20/4, Chi bộ Đảng công ty CP Đầu tư TDT đã tổ chức sinh hoạt.",
     ["Chi bộ Đảng công ty CP Đầu tư TDT"]),
    # the verb "tổ chức" (an organisation's head as a noun) is the predicate, the event a name of its own
    ("Hôm qua, Hội Phụ nữ tổ chức Hội thi nấu ăn.", ["Hội Phụ nữ"]),
    # a body of a place is no unit's: the school after it is a name of its own
    ("Hội Nông dân tỉnh trường THPT Nguyễn Du", ["Hội Nông dân tỉnh", "trường THPT Nguyễn Du"]),
])
def test_a_body_of_members_before_its_unit(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # lower-case words of a name, then a verb whose object is a body: the name ends before the verb
    ("Hôm qua, Trung tâm Dịch vụ việc làm phối hợp Công an huyện kiểm tra địa bàn.",
     ["Trung tâm Dịch vụ việc làm", "Công an huyện"]),
    ("Hôm qua, Nhà máy Cơ khí công trình phối hợp Công an huyện kiểm tra.",
     ["Nhà máy Cơ khí công trình", "Công an huyện"]),
])
def test_a_verb_with_a_body_as_object_ends_a_named_tail(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a reporting verb that is often a noun ("thông tin"), then its content after a comma or a colon:
    # the body's predicate, after a field, a closing head, a level word or a described tail
    ("Sở Y tế thông tin, năm nay có 120 ca mắc mới.", ["Sở Y tế"]),
    ("Ban Thường vụ Tỉnh ủy thông tin, đợt này có 13 đảng viên.", ["Ban Thường vụ Tỉnh ủy"]),
    ("Ban chỉ đạo phòng chống lụt bão Trung ương thông tin, mưa lũ làm 12 người chết.",
     ["Ban chỉ đạo phòng chống lụt bão Trung ương"]),
    ("Trung tâm Y tế thông tin: có 3 ca.", ["Trung tâm Y tế"]),
    ("Trung tâm Dịch vụ việc làm thông tin, năm nay có 3 ca.", ["Trung tâm Dịch vụ việc làm"]),
    ("Công ty Điện lực 1 thông tin, năm nay có 3 ca.", ["Công ty Điện lực 1"]),  # after its number
    # the segmenter glued the verb to the proper name's last syllable ("Ấp Bắc thông tin")
    ("Báo Ấp Bắc thông tin, năm nay có 3 ca.", ["Báo Ấp Bắc"]),
    # the noun of a name, then its parent body after the comma: no reporting verb
    ("Theo Cục An toàn thông tin, Bộ TT&TT, có 3 vụ.", ["Cục An toàn thông tin", "Bộ TT&TT"]),
])
def test_a_reporting_verb_and_its_content_end_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the verb, then "về" + what it reports on, "thêm" (more), or the sentence's end
    ("Bệnh viện Nhi Trung ương thông tin về ca bệnh mới.", ["Bệnh viện Nhi Trung ương"]),
    ("Ban Công tác đại biểu thông tin thêm, năm nay có 3 ca.", ["Ban Công tác đại biểu"]),
    ("Năm nay có 20 ca, Ban Tổ chức Trung ương thông tin.", ["Ban Tổ chức Trung ương"]),
    # the word capitalised, or inside the segmenter's longer word, is the name's
    ("Anh làm việc tại Trung tâm Thông tin về môi trường.", ["Trung tâm Thông tin"]),
    ("Anh làm việc tại Trung tâm Công nghệ thông tin.", ["Trung tâm Công nghệ thông tin"]),
])
def test_a_reporting_verb_then_about_or_a_full_stop_ends_a_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a Party committee, then the verb "tổ chức" and the event it holds: the committee alone
    ("Hôm qua, Tỉnh ủy tổ chức Hội nghị tổng kết công tác năm.", ["Tỉnh ủy"]),
    ("Hôm qua, Huyện ủy tổ chức Lễ kỷ niệm ngày thành lập.", ["Huyện ủy"]),
    # the same word as the noun of the unit's agency still names the unit ("cơ quan")
    ("Hôm qua, Đảng bộ cơ quan Khối dân tỉnh đã họp.", ["Đảng bộ cơ quan Khối dân tỉnh"]),
])
def test_a_lower_case_unit_head_is_a_noun_not_the_predicate(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a company's trade in lower case, verbs too, closed by a unit's number or a proper name
    ("Hôm qua, Tổng công ty phát điện 2 tổ chức hội nghị.", ["Tổng công ty phát điện 2"]),
    ("Công ty vận tải Hoàng Long đã mua 20 xe.", ["Công ty vận tải Hoàng Long"]),
    # predicates: a count after the verb, a brand, a person named whole
    ("Công ty đầu tư 5 tỷ đồng vào dự án.", []),
    ("Công ty xây dựng 3 cây cầu.", []),
    ("Công ty sản xuất Iphone tại Việt Nam.", []),
    ("Hôm qua, Công ty hỗ trợ Nguyễn Văn An 5 triệu đồng.", []),
])
def test_a_company_named_by_its_trade(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_quoted_campaign_after_a_description_is_part_of_the_name() -> None:
    """A body that needs a name, described in lower case, then a quoted title its place closes."""
    assert names("Ban Chỉ đạo phong trào thi đua “Dân vận khéo” huyện Vĩnh Thuận tổ chức hội nghị.") == [
        "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” huyện Vĩnh Thuận"]
    undated = names("Ban Chỉ đạo phong trào thi đua “Dân vận khéo” năm 2024 đã họp.")
    assert "Ban Chỉ đạo phong trào thi đua" not in undated


def test_abbreviated_heads_start_names() -> None:
    """TCT (Tổng công ty) and Đoàn ĐBQH (Đoàn đại biểu Quốc hội) start names as the heads written whole."""
    assert names("Công ty trực thuộc TCT cà phê Việt Nam, chuyên sản xuất.") == ["TCT cà phê Việt Nam"]
    assert names("Ông A, Trưởng Đoàn ĐBQH tỉnh, đã đến thăm.") == ["Đoàn ĐBQH tỉnh"]


def test_a_share_numbers_no_unit() -> None:
    """A number before "%" is a share ("Công ty 100% vốn Nhà nước"), not a numbered unit."""
    assert names("Đây là Công ty 100% vốn Nhà nước, đóng trên địa bàn huyện.") == []
    assert names("Tổng Công ty 28 ký kết hợp đồng.") == ["Tổng Công ty 28"]


def test_a_lower_case_kind_then_the_person_the_institution_is_named_after() -> None:
    """"Trường chính trị Hoàng Văn Thụ" as "Trường Chính trị Tôn Đức Thắng"; not after a company's trade."""
    assert names("Hôm qua, Trường chính trị Nguyễn Văn Cừ tổ chức lễ.") == ["Trường chính trị Nguyễn Văn Cừ"]
    assert names("Trường có đồng chí Nguyễn Ngọc Hiển phát biểu.") == []
    assert names("Hôm qua, Công ty xây dựng Trần Văn Hùng tổ chức lễ.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # "cấp nước" is one word of the segmenter (water supply): a trade, not the level word "cấp"
    ("Sáng 19/8, Đảng bộ Tổng Công ty cấp nước Sài Gòn đã tổ chức Đại hội.",
     ["Đảng bộ Tổng Công ty cấp nước Sài Gòn"]),
    ("Hôm qua, Công ty Cổ phần cấp thoát nước Quảng Ngãi đã tổ chức Đại hội.",
     ["Công ty Cổ phần cấp thoát nước Quảng Ngãi"]),
    # the level word alone still makes a kind of body at each unit
    ("Hôm qua, Mặt trận cấp xã đã tổ chức Đại hội.", []),
])
def test_a_scope_word_is_read_only_as_a_whole_word(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verb that ends a known place's name written whole is the place's syllable ("Biên Hòa"), no
    # action of the name whose object follows
    ("Hôm qua, CTCP Vinacafe Biên Hòa nhận bằng khen.", ["CTCP Vinacafe Biên Hòa"]),
    ("Hôm qua, Cục Quản lý Khám chữa bệnh đã họp.", ["Cục Quản lý Khám chữa bệnh"]),
])
def test_a_place_syllable_is_no_action_of_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a form of address and a person's name end the name, glued to its last word ("Xã hội đồng chí",
    # "Giáo hội đồng chí" as one word of the segmenter) or read as an action's object ("Vận tải")
    ("Thay mặt Văn phòng Trung ương Giáo hội đồng chí Nguyễn Văn An phát biểu.",
     ["Văn phòng Trung ương Giáo hội"]),
    ("Thay mặt Ngân hàng Chính sách Xã hội đồng chí Nguyễn Văn An phát biểu.",
     ["Ngân hàng Chính sách xã hội"]),
    ("Thay mặt Trường Đại học Giao thông Vận tải đồng chí Nguyễn Văn An phát biểu.",
     ["Trường Đại học Giao thông Vận tải"]),
    ("Thay mặt Công ty TNHH Kỹ thuật Quản lý bay đồng chí Nguyễn Văn An phát biểu.",
     ["Công ty TNHH Kỹ thuật Quản lý bay"]),
])
def test_a_person_addressed_after_the_name_ends_it(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("Sáp nhập trường Trung học Sư phạm Mầm non (năm 2007) vào trường.", "trường Trung học Sư phạm Mầm non"),
    ("Sáp nhập các trường: Sư phạm Kỹ thuật Phổ thông (năm 1993).", "Sư phạm Kỹ thuật Phổ thông"),
])
def test_school_level_after_its_field_before_a_bracket(text: str, name: str) -> None:
    # the level a teacher-training field serves ends the name; a bracket closes it as a comma does
    assert name in names(text)


def test_nameless_school_levels_still_dropped() -> None:
    assert names("Các trường Tiểu học, THCS (công lập) đã khai giảng.") == []


@pytest.mark.parametrize("text", [
    "Đại hội Viện Khoa học Thanh tra nhiệm kỳ 2020 - 2025 thành công.",
    "Hôm qua, Viện Khoa học Thanh tra đã tổ chức hội nghị.",
    "Thay mặt Viện Khoa học Thanh tra đồng chí Nguyễn Văn An phát biểu.",
])
def test_field_head_closed_by_a_term_or_a_clause_word(text: str) -> None:
    # a field written like a head ends the name before the body's term, the clause's verb or a person
    assert "Viện Khoa học Thanh tra" in names(text)
