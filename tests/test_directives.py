"""The DIRECTIVE extractor: symbol canonical forms, resolution, spans and robustness."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.document import ArticleDoc, Segment
from pipeline.extract.kinds import directives
from pipeline.extract.merge import resolve_overlaps
from pipeline.model import Mention
from pipeline.rulebook import load_rules
from tests.growth import assert_linear


def _doc(text: str, title: str | None = None, captions: tuple[str, ...] = ()) -> ArticleDoc:
    """An article without segmentation: the extractor reads only the segments' strings."""
    fields = ([("title", title)] if title else []) + [("text", text)]
    fields += [(f"captions.{i}", caption) for i, caption in enumerate(captions)]
    return ArticleDoc([Segment(name, value, None) for name, value in fields])  # type: ignore[arg-type]


def _entries(text: str, **kwargs) -> list[dict]:
    doc = _doc(text, **kwargs)
    mentions = resolve_overlaps(directives.find(doc))
    return directives.build(mentions, doc, mentions)


def _ids(text: str, **kwargs) -> list[str]:
    return [entry["id"] for entry in _entries(text, **kwargs)]


def _assert_offsets(doc: ArticleDoc, mentions: list) -> None:
    texts = {segment.field: segment.text for segment in doc}
    for mention in mentions:
        assert texts[mention.field][mention.start:mention.end] == mention.text
        for document in mention.attrs["documents"]:
            if "span" in document:
                start, end, text = document["span"]
                assert texts[mention.field][start:end] == text


@pytest.mark.parametrize(
    ("num", "year", "codes", "dash_first", "expected"),
    [
        ("05", None, ["CT", "TW"], True, ("05-CT/TW", "Chỉ thị", None)),
        ("29", None, ["NQ", "TƯ"], False, ("29-NQ/TW", "Nghị quyết", None)),  # "29/NQ-TƯ"
        ("29", None, ["NQ", "TƯ"], True, ("29-NQ/TW", "Nghị quyết", None)),  # "29-NQ-TƯ"
        ("08", None, ["QĐI", "TW"], True, ("08-QĐi/TW", "Quy định", None)),
        ("12", None, ["CTR", "ĐU"], True, ("12-CTr/ĐU", "Chương trình", "Đảng ủy")),
        ("35", None, ["CT", "T.Ư"], True, ("35-CT/TW", "Chỉ thị", None)),  # "35-CT/T.Ư"
        ("42", None, ["HD", "ĐUK"], False, ("42-HD/ĐUK", "Hướng dẫn", "Đảng ủy Khối")),  # "42/HD/ĐUK"
        ("15", None, ["KH", "BTCTU"], False, ("15-KH/BTCTU", "Kế hoạch", "Ban Tổ chức Tỉnh ủy")),
        ("02", None, ["TT", "TW"], True, ("02-TT/TW", "Thông tri", None)),
        ("30", "2020", ["NĐ", "CP"], False, ("30/2020/NĐ-CP", "Nghị định", "Chính phủ")),
        ("59", "2020", ["QH14"], False, ("59/2020/QH14", "Luật", "Quốc hội")),
        ("89", None, ["QĐ", "TTG"], False, ("89/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ")),
        ("123", None, ["UBND", "VX"], False, ("123/UBND-VX", "Công văn", None)),
        ("02", "2021", ["TT", "BYT"], False, ("02/2021/TT-BYT", "Thông tư", "Bộ Y tế")),
    ],
)
def test_canonical_symbol(num, year, codes, dash_first, expected) -> None:
    assert directives.canonical_symbol(num, year, codes, dash_first) == expected


@pytest.mark.parametrize(
    ("codes", "slashed", "expected"),
    [
        (["BTP", "NĐ"], True, ("07/BTP/NĐ", "Nghị định", "Bộ Tư pháp")),  # "Nghị định số 07/BTP/NĐ"
        (["BTP", "NĐ"], False, ("07/BTP-NĐ", None, "Bộ Tư pháp")),  # "07/BTP-NĐ": as written
        (["UBND", "VX"], True, ("07/UBND-VX", "Công văn", None)),  # a letter's office code, no type
        (["QĐ", "UBND"], True, ("07/QĐ-UBND", "Quyết định", None)),  # type first: the State's form
    ],
)
def test_an_issuer_code_before_a_type_code_keeps_its_slashes(codes, slashed, expected) -> None:
    assert directives.canonical_symbol("07", None, codes, False, slashed=slashed) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theo Chỉ thị số 05-CT/TW.", "05-CT/TW"),
        ("theo Chỉ thị số 05 - CT/TW.", "05-CT/TW"),
        ("thực hiện Nghị quyết 29-NQ/TƯ, ngành giáo dục", "29-NQ/TW"),
        ("Nghị định số 116/2020/NĐ-CP.", "116/2020/NĐ-CP"),
        ("Thông tư số 01/2021/TT-BGDĐT", "01/2021/TT-BGDĐT"),
        ("Quyết định 1179/ QĐ BGDĐT", "1179/QĐ"),
    ],
)
def test_symbol_ids(text: str, expected: str) -> None:
    assert _ids(text) == [expected]


def test_short_mention_resolves_across_segments() -> None:
    doc = _doc("Việc thực hiện Chỉ thị 05 được chú trọng.", title="Thực hiện tốt Chỉ thị số 05-CT/TW")
    entries = directives.build(resolve_overlaps(directives.find(doc)), doc, [])
    assert [e["id"] for e in entries] == ["05-CT/TW"]
    assert [(m["field"], m["text"]) for m in entries[0]["mentions"]] == [
        ("title", "Chỉ thị số 05-CT/TW"), ("text", "Chỉ thị 05")]


def test_short_mention_needs_the_same_type() -> None:
    ids = _ids("Quyết định 58/QĐ-UBND và Nghị quyết 58 của HĐND tỉnh.")
    assert sorted(ids) == ["58/QĐ-UBND", "Nghị quyết 58"]


def test_a_party_qd_symbol_serves_both_types_a_state_one_does_not() -> None:
    assert _ids("Quyết định số 144-QĐ/TW được quán triệt. Quy định 144 nêu 5 chuẩn mực.") == ["144-QĐ/TW"]
    ids = _ids("Quyết định số 1234/QĐ-UBND được ban hành. Quy định 1234 thì khác.")
    assert sorted(ids) == ["1234/QĐ-UBND", "Quy định 1234"]


def test_year_of_short_form_must_agree() -> None:
    ids = _ids("Nghị định 99/2019/NĐ-CP thay cho Nghị định 99/2013.")
    assert ids == ["99/2019/NĐ-CP", "Nghị định 99/2013"]


def test_issue_date_and_issuer_stay_outside_the_span() -> None:
    text = "Nghị định số 116/2020/NĐ-CP ngày 25/9/2020 của Chính phủ quy định chính sách."
    mentions = directives.find(_doc(text))
    assert [m.text for m in mentions] == ["Nghị định số 116/2020/NĐ-CP"]
    assert mentions[0].attrs["issued"] == "2020-09-25"
    assert mentions[0].attrs["issuer"] == "Chính phủ"


def test_plan_and_resolution_are_two_entries_with_their_own_spans() -> None:
    plan_id = "Chương trình hành động của Ban Chấp hành Đảng bộ Khối thực hiện Nghị quyết 58-NQ/TW"
    doc = _doc(plan_id + " đã ban hành.")
    mentions = resolve_overlaps(directives.find(doc))
    _assert_offsets(doc, mentions)
    entries = {e["id"]: e for e in directives.build(mentions, doc, mentions)}
    assert set(entries) == {"58-NQ/TW", plan_id}
    span = {"text": plan_id, "start": 0, "end": len(plan_id), "field": "text"}
    assert entries[plan_id]["mentions"] == [span]
    assert entries[plan_id]["kind"] == "Chương trình hành động"
    assert [m.text for m in mentions] == ["Nghị quyết 58-NQ/TW"]  # merge sees only the resolution


@pytest.mark.parametrize(
    "text",
    [
        "xây dựng Chương trình hành động cá nhân thực hiện Nghị quyết Đại hội XII của Đảng",
        "Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX và Nghị quyết Đại hội "
        "Đảng bộ Khối lần thứ XX",
    ],
)
def test_no_plan_entry_for_personal_or_joint_programmes(text: str) -> None:
    assert not [i for i in _ids(text) if i.startswith("Chương trình")]


def test_one_entry_per_document_with_every_mention() -> None:
    text = "Chỉ thị 05-CT/TW đi vào cuộc sống. Thực hiện Chỉ thị 05-CT/TW, Chỉ thị 05 và Chỉ thị số 05-CT/TW."
    entries = _entries(text)
    assert len(entries) == 1
    assert entries[0]["text"] == "Chỉ thị 05-CT/TW"
    assert len(entries[0]["mentions"]) == 4
    assert set(entries[0]) == {"id", "kind", "number", "issuer", "issued", "title", "text", "mentions"}


def test_law_with_year_and_bare_name_share_an_id() -> None:
    entries = _entries("Theo Luật Dược 2016, thuốc phải đăng ký. Nghị định hướng dẫn Luật Dược đã ban hành.")
    assert [(e["id"], [m["text"] for m in e["mentions"]]) for e in entries] == [
        ("Luật Dược 2016", ["Luật Dược 2016", "Luật Dược"])]  # the year the id names is in its mention


@pytest.mark.parametrize(("text", "ids"), [
    # "quy định" is the word the "định" ends, not "định luật" (a scientific law)
    ("Việc này không phù hợp với quy định Luật Ngân sách nhà nước.", ["Luật Ngân sách nhà nước"]),
    ("Theo định luật Newton, vật rơi xuống.", []),
    ("Ông làm luật sư tại Công ty Luật Hà Nội.", []),
    ("Dữ liệu pháp Luật Đất đai còn phân tán.", []),  # "pháp luật" is commoner than "liệu pháp"
])
def test_word_before_law_blocks_it_only_as_a_whole_word(text: str, ids: list[str]) -> None:
    assert _ids(text) == ids


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\t",
        "Nghị quyết",
        "Chỉ thị số",
        "Luật ",
        "Nghị quyết “",
        "Nghị quyết “Chưa đóng ngoặc",
        'Đề án "',
        "05-CT/",
        "số 1/",
        "Nghị quyết Trung ương 4 (khóa",
        "Nghị\tquyết\u00a058-NQ/TW\tngày\t5-8-2020",
        "Chỉ thị 05 🎉 của Bộ Chính trị 🇻🇳 về “học tập”",
        "«Nghị quyết 58»  ‘Chỉ thị 05’ \"Luật Đất đai\"",
        "x" * 5000 + " Chỉ thị 05-CT/TW " + "y" * 5000,
        "Nghị quyết 58-NQ/TW, " * 300,
        "Kế hoạch thực hiện " * 200 + "Nghị quyết 58",
        "Luật Phòng, chống, chống, chống " * 50,
        "của Bộ Y tế và Bộ Tài chính và " * 100,
        "İstanbul Nghị quyết 58-NQ/TW İ",  # lower() changes this string's length
        "\u0301\u0300 Chỉ thị 05",
    ],
)
def test_messy_strings_keep_offsets(text: str) -> None:
    doc = _doc(text, title=text[:80] or None, captions=(text[-60:],))
    mentions = directives.find(doc)
    _assert_offsets(doc, mentions)
    directives.build(resolve_overlaps(mentions), doc, mentions)


def test_long_input_is_linear() -> None:
    sentence = "Theo Nghị quyết 58-NQ/TW ngày 5-8-2020 của Bộ Chính trị, Luật Dược 2016, kế hoạch 5 năm. "
    assert_linear(lambda n: _doc(sentence * n), directives.find, 100)  # 100 sentences, then 1000


FRAGMENTS = [
    "Nghị quyết", "nghị quyết", "Chỉ thị", "số", "05", "58", "-", "/", "CT", "NQ", "TW", "TƯ", "2020", "NĐ",
    "CP", "Luật", "luật", "Dược", "năm", "khóa", "XII", "(", ")", ",", "“", "”", '"', "Trung ương", "Đại hội",
    "lần thứ", "của", "Bộ Chính trị", "ngày", "5-8-2020", "Kế hoạch", "thực hiện", "gọi tắt là", "Đề án",
    "\n", "\t", " ", "  ", "🎉", "İ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40))
def test_find_never_raises_and_keeps_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = _doc(text, title=text[::-1][:50] or None)
    mentions = directives.find(doc)
    _assert_offsets(doc, mentions)
    for entry in directives.build(resolve_overlaps(mentions), doc, mentions):
        assert entry["id"] and entry["mentions"]


def test_rule_file_rejects_unknown_keys() -> None:
    data = copy.deepcopy(load_rules("directives", directives.SCHEMA))
    data["types"][0]["abbreviation"] = ["CT"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, directives.SCHEMA)
    data = copy.deepcopy(load_rules("directives", directives.SCHEMA))
    del data["count_words"][0]["gloss"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, directives.SCHEMA)


def test_the_issuer_named_before_an_issuing_verb_stops_before_the_signer() -> None:
    text = "Trước đó, Chủ tịch UBND tỉnh Phú Yên Trần Hữu Thế ký Quyết định 557 xử phạt vi phạm."
    doc = _doc(text)
    mentions = resolve_overlaps(directives.find(doc))
    signer = text.index("Trần Hữu Thế")
    person = Mention("PER", signer, signer + len("Trần Hữu Thế"), "Trần Hữu Thế")
    (entry,) = directives.build(mentions, doc, [*mentions, person])
    assert (entry["id"], entry["issuer"]) == ("Quyết định 557", "Chủ tịch UBND tỉnh Phú Yên")
    (unknown,) = directives.build(mentions, doc, mentions)  # no person found: the whole subject
    assert unknown["issuer"] == "Chủ tịch UBND tỉnh Phú Yên Trần Hữu Thế"
    assert _entries("Bộ Y tế đã ký kết hợp tác. Quyết định 557 có hiệu lực.")[0]["issuer"] is None


def test_a_generic_document_word_takes_the_one_symbol_with_its_number() -> None:
    text = "Bộ có văn bản số 3370/BGTVT-ĐTCT. Theo văn bản 3370, dự án dừng; văn bản số 12 nói khác."
    assert _ids(text) == ["3370/BGTVT-ĐTCT", "Văn bản 12"]
    two = "Có văn bản số 5/UBND-VX và 5/SYT-NV. Theo văn bản 5, việc dừng."
    assert "Văn bản 5" in _ids(two)  # two symbols numbered 5: which one is not certain


def test_a_headline_short_form_is_the_body_symbol() -> None:
    assert _ids("Tỉnh ủy triển khai Nghị quyết 35-NQ/TW.", title="Nghị quyết số 35 đi vào cuộc sống") == [
        "35-NQ/TW"]


def test_letterhead_is_the_page_document_of_its_type_only() -> None:
    """A letterhead's number names the page's own document: a plan of its type takes its id, one of
    another type keeps its own, and a number line deep in an article is no letterhead."""
    head = "Số: 12-KH/ĐU\nNgày 3 tháng 2 năm 2023\n"
    ids = _ids(head + "Đảng ủy ban hành Kế hoạch thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV và "
               "Chương trình công tác năm 2023 của chi bộ.")
    assert "12-KH/ĐU" in ids and "Chương trình công tác năm 2023" in ids
    assert not any(i.startswith("Kế hoạch") for i in ids)
    deep = "Đảng ủy họp bàn nhiều việc. " * 12 + "\n" + head + "Đảng ủy ban hành Kế hoạch công tác năm 2023."
    assert "Kế hoạch công tác năm 2023" in _ids(deep)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Căn cứ thông tư số: 22/2019/TT-BGDDT ngày 20/12/2019.", "22/2019/TT-BGDĐT"),  # D typed for Đ
        ("theo Quyết định số 1234/QD-UBND của tỉnh.", "1234/QĐ-UBND"),
        ("theo Nghị định 30/2020/ND-CP.", "30/2020/NĐ-CP"),
        ("Kế hoạch số 12-KH/DU của Đảng ủy xã.", "12-KH/ĐU"),
        ("theo Hướng dẫn số 09-HD/BTCTW.", "09-HD/BTCTW"),  # HD is known as written: no HĐ
    ],
)
def test_codes_typed_with_d_for_dj_take_the_known_spelling(text: str, expected: str) -> None:
    assert _ids(text) == [expected]


def test_the_look_alike_eth_names_the_same_document() -> None:
    text = "chấp hành nghiêm chỉnh Ðiều lệ Ðảng, nghị quyết của Ðảng."
    entries = _entries(text)
    assert [entry["id"] for entry in entries] == ["Điều lệ Đảng"]
    _assert_offsets(_doc(text), directives.find(_doc(text)))


def test_a_plenum_numbered_by_a_word_in_capitals_reads_as_that_number() -> None:
    # "SÁU" in a headline's capitals is the word six, not a Roman numeral (it raised KeyError)
    assert _ids("THỰC HIỆN NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG (KHÓA XIII)") == \
        ["Nghị quyết Trung ương 6 khóa XIII"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kì 2020-2025.",
         "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020-2025"),
        ("theo Qui chế bầu cử trong Đảng.", "Quy chế bầu cử trong Đảng"),
        ("quán triệt Nghị quyết Trung ương 4 - khóa XII đến cán bộ.", "Nghị quyết Trung ương 4 khóa XII"),
    ],
)
def test_spellings_of_a_term_and_its_separator_give_one_id(text: str, expected: str) -> None:
    # a final i for y ("kì", "Qui") and a dash before the term name the same document
    assert _ids(text) == [expected]
    _assert_offsets(_doc(text), directives.find(_doc(text)))


def test_a_short_form_without_the_leading_zero_takes_the_symbol() -> None:
    # "Chỉ thị 5" is the "05-CT/TW" of its article: one document, one id
    assert _ids("Thực hiện Chỉ thị số 05-CT/TW, tỉnh đạt kết quả. Sau 5 năm, Chỉ thị 5 tiếp tục được "
                "quán triệt.") == ["05-CT/TW"]


def test_a_lower_case_short_form_is_a_document_when_its_symbol_is_in_the_article() -> None:
    with_symbol = ("Thực hiện Kết luận số 100-KL/TW, tỉnh đạt kết quả. Sau 5 năm, kết luận 100 tiếp tục "
                   "được quán triệt.")
    entries = _entries(with_symbol)
    assert [entry["id"] for entry in entries] == ["100-KL/TW"]
    assert [m["text"] for m in entries[0]["mentions"]] == ["Kết luận số 100-KL/TW", "kết luận 100"]
    # no symbol: "kết luận 100" may be prose, as "kế hoạch 5" is
    assert _ids("Sau 5 năm, kết luận 100 tiếp tục được quán triệt.") == []


def test_a_types_abbreviation_written_as_its_word_owns_the_symbol() -> None:
    entries = _entries("Thực hiện CV số 409/STTTT-BCVT của Sở về chuyển đổi số.")
    assert [(e["id"], e["kind"], e["text"]) for e in entries] == \
        [("409/STTTT-BCVT", "Công văn", "CV số 409/STTTT-BCVT")]
    assert _ids("Mạng đạt tốc độ 4G/LTE, thu 12 TB/ngày.") == []  # no type abbreviation: no document


def test_a_titled_document_in_a_headlines_capitals_is_found() -> None:
    headline = 'THỰC HIỆN ĐỀ ÁN "PHÁT TRIỂN VĂN HÓA ĐỌC"'
    assert _ids("Tin tức", title=headline) == ["Đề án PHÁT TRIỂN VĂN HÓA ĐỌC"]
    assert _ids('Trường thực hiện đề án "Phát triển văn hóa đọc" năm nay.') == []  # lower case: prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QUÁN TRIỆT NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ NĂM (KHÓA XIII) ĐẾN CÁN BỘ",
         ["Nghị quyết Trung ương 5 khóa XIII"]),
        ("quán triệt Nghị quyết Hội nghị lần thứ 6 - khoá XII.", ["Nghị quyết Trung ương 6 khóa XII"]),
        ("thực hiện Nghị quyết Hội nghị lần thứ 6 của Tỉnh ủy.", []),  # no term: any conference
    ],
)
def test_a_plenum_named_by_number_and_term_alone_is_the_central_committees(text: str, expected: list) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theo quyết định số 420/QĐ-TV của Ban Thường vụ Đảng ủy khối.", "420-QĐ/TV"),
        ("theo Quyết định số 15/QĐ-BCĐ của Tỉnh ủy.", "15-QĐ/BCĐ"),
        ("theo Quyết định số 15/QĐ-BCĐ của UBND tỉnh.", "15/QĐ-BCĐ"),  # a State body: State order
        ("theo Quyết định số 15/QĐ-UBND của Đảng ủy xã.", "15/QĐ-UBND"),  # a known State code stays
    ],
)
def test_a_symbol_the_text_says_a_party_body_issued_is_in_party_order(text: str, expected: str) -> None:
    assert _ids(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thông qua nghị quyết Đại hội chi đoàn nhiệm kì 2009 – 2010.",
         ["Nghị quyết Đại hội chi đoàn nhiệm kỳ 2009 – 2010"]),
        ("thực hiện nghị quyết Đại hội chi bộ đề ra trong năm, nhiệm kỳ 2015 – 2020.", []),  # a comma between
        ("thực hiện nghị quyết Đại hội chi bộ.", []),  # lower case and no term: any congress
    ],
)
def test_a_lower_case_unit_closed_by_its_term_names_its_congress(text: str, expected: list) -> None:
    assert _ids(text) == expected


def test_a_comma_between_two_programmes_ends_the_first_name() -> None:
    first = "Chương trình mục tiêu quốc gia giảm nghèo bền vững"
    second = "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"
    assert _ids(f"Tỉnh lồng ghép {first}, {second}.") == [first, second]
    titled = "Đề án Đổi mới và nâng cao hiệu quả hoạt động Quỹ Hỗ trợ nông dân"  # its title ends it
    assert _ids(f"Tỉnh lồng ghép {titled}, {second}.") == [
        "Đề án đổi mới và nâng cao hiệu quả hoạt động Quỹ Hỗ trợ nông dân", second]
    # a comma before a lower-case word still leaves the name open: one document, or none
    assert _ids(f"Tỉnh lồng ghép {first}, các xã đạt chuẩn trong năm nay.") == []


def test_and_before_a_verb_after_a_complete_subject_ends_the_name() -> None:
    # "và" and a verb after a noun or adjective: the clause's second act, not the name's words
    assert _ids("Xã thực hiện Chương trình an sinh xã hội và phát động tháng cao điểm năm 2022.") == []
    plan = "Chương trình xây dựng nông thôn mới giai đoạn 2021-2025"
    assert _ids(f"Tỉnh thực hiện {plan} và phát động phong trào thi đua.") == [plan]
    # two acts joined, or "và" before a noun, are one subject
    assert _ids("Tỉnh phê chuẩn Đề án Đổi mới và nâng cao hiệu quả hoạt động Quỹ năm 2023.") == [
        "Đề án đổi mới và nâng cao hiệu quả hoạt động Quỹ năm 2023"]
    assert _ids("Tỉnh thực hiện Chương trình công tác Đoàn và phong trào thanh niên năm 2023.") == [
        "Chương trình công tác Đoàn và phong trào thanh niên năm 2023"]


def test_a_time_after_a_comma_ends_a_lower_case_subject() -> None:
    plan = "Chương trình mục tiêu quốc gia giảm nghèo bền vững"
    assert _ids(f"Về {plan}, đến tháng 7-2017, các xã đạt trung bình 12 tiêu chí.") == [plan]
    assert _ids(f"Tỉnh thực hiện {plan}, năm 2022 giảm 2% hộ nghèo.") == [plan]
    # no time after the comma: the name stays open, one document or none
    assert _ids(f"Tỉnh thực hiện {plan}, các xã đạt chuẩn trong năm nay.") == []
    # however short the subject, the time after the comma is the next clause's, not the name's period
    assert _ids("Theo Quy hoạch điện VIII, đến năm 2030 công suất điện gió đạt 6.000 MW.") == [
        "Quy hoạch điện VIII"]
    # a period of its own after the comma is still the name's ("..., tầm nhìn đến năm 2050")
    vision = "Quy hoạch tỉnh Hậu Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"
    assert _ids(f"Bộ công bố {vision}, ngày 5/3 tỉnh tổ chức hội nghị.") == [vision]


@pytest.mark.parametrize(("text", "ids"), [
    ("Bộ Công Thương trình Quy hoạch điện VIII.", ["Quy hoạch điện VIII"]),
    ("Vì sao cần bổ sung thủy điện tích năng vào Quy hoạch điện VIII?", ["Quy hoạch điện VIII"]),
    ("Bài học từ Quy hoạch điện VII, Quy hoạch điện VIII.", ["Quy hoạch điện VII", "Quy hoạch điện VIII"]),
    ("Tỉnh thực hiện Kế hoạch công tác.", []),  # two words without a numeral name any plan
    ("Thực hiện Quy hoạch điện VIII điều chỉnh trong năm nay.", []),  # words after it: no end to trust
])
def test_an_edition_numeral_closes_a_short_subject(text: str, ids: list[str]) -> None:
    assert _ids(text) == ids


def test_and_between_two_documents_ends_a_capitalised_title() -> None:
    titled = "Đề án Phát triển kinh tế nông thôn bền vững"
    plan = "Chương trình phát triển du lịch cộng đồng giai đoạn 2021-2025"
    assert _ids(f"Tỉnh lồng ghép {titled} và {plan} trong cùng một kế hoạch.") == [
        "Đề án phát triển kinh tế nông thôn bền vững", plan]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a symbol writing no type code of its own takes the list's type word
        ("Theo Nghị quyết số 35, 72/2023/UBTVQH15.", ["35/2023/UBTVQH15", "72/2023/UBTVQH15"]),
        ("Theo văn bản số 145 và số 182-TB/TW.", ["145-TB/TW", "182-TB/TW"]),  # a generic type word
        ("Theo Công văn số 409, 446/STTTT-BCVT.", ["409/STTTT-BCVT", "446/STTTT-BCVT"]),  # unknown codes
        ("Theo Thông tư số 32, 69/2015-BGDĐT.", ["32/2015-BGDĐT", "69/2015-BGDĐT"]),  # issuer-implied kind
        ("Theo Chỉ thị 05, 35-NQ/TW.", ["Chỉ thị 05", "35-NQ/TW"]),  # a symbol of another type
    ],
)
def test_numbers_listed_before_one_symbol_share_it(text: str, expected: list) -> None:
    assert _ids(text) == expected


def test_a_year_like_number_is_a_documents_when_the_article_writes_its_symbol() -> None:
    text = "Theo Quyết định 1980/QĐ-TTg. Sau 5 năm, Quyết định 1980 được tổng kết."
    assert _ids(text) == ["1980/QĐ-TTg"]
    assert [m["text"] for m in _entries(text)[0]["mentions"]] == ["Quyết định 1980/QĐ-TTg", "Quyết định 1980"]
    assert _ids("Tỉnh ban hành Kế hoạch 2020 về chuyển đổi số.") == []


def test_year_like_number_listed_before_a_symbol_is_a_document() -> None:
    # "Quyết định 1980" alone may be a year's; the symbol closing the list makes it a number
    assert _ids("Tỉnh thực hiện Quyết định 1980, 2217/QĐ-TTg về vốn.") == ["1980/QĐ-TTg", "2217/QĐ-TTg"]
    assert _ids("Tỉnh ban hành Kế hoạch 2020 về chuyển đổi số.") == []


def test_qualified_type_shares_the_symbol_of_its_list() -> None:
    # a lower-case qualifier between the type and "số": "Kết luận thanh tra", "Thông báo khẩn"
    assert _ids("Thực hiện Kết luận thanh tra số 929, 966/KL-TTCP, các bộ đã xử lý.") == [
        "929/KL-TTCP", "966/KL-TTCP"]
    assert _ids("Theo Thông báo khẩn số 342 và 379/TB-UBND, tỉnh đã phân bổ vốn.") == [
        "342/TB-UBND", "379/TB-UBND"]
    # alone, with no symbol in the article, the qualified number names nothing vnie can write
    assert _ids("Theo Quyết định xử phạt số 12 của công an, ông A nộp phạt.") == []


def test_abbreviated_type_short_form_needs_the_symbol() -> None:
    entries = _entries("Tỉnh thực hiện Nghị quyết 57-NQ/TW về khoa học. NQ số 57 và QĐi 08-QĐi/TW."
                       " QĐi 08 nêu rõ.")
    texts = {entry["id"]: [m["text"] for m in entry["mentions"]] for entry in entries}
    assert texts["57-NQ/TW"] == ["Nghị quyết 57-NQ/TW", "NQ số 57"]
    assert "QĐi 08" in texts["08-QĐi/TW"]
    assert _ids("Tỉnh thực hiện QĐ 1234 về giá đất.") == []


def test_lower_case_symbol_after_its_type_word() -> None:
    # codes typed in lower case take their official case; the type word before must own the code
    assert _ids("Tỉnh quán triệt Chỉ thị số 05-ct/tw và Nghị quyết số 22/2019/nq-hđnd.") == [
        "05-CT/TW", "22/2019/NQ-HĐND"]
    assert _ids("Tỉnh quán triệt Quy định số 08-qđi/t.ư của Bộ Chính trị.") == ["08-QĐi/TW"]
    # lower-case units, even after a type word: no code the rules know
    assert _ids("Xe chạy 60 km/h, lắp 12 tb/ngày.") == []
    assert _ids("Kế hoạch 2 ca/ngày được áp dụng, quyết định 12/tháng.") == []


def test_symbol_codes_typed_capital_then_lower_after_their_type_word() -> None:
    # a code typed capital-then-lower ("Ctr" for "CTr", "Qđ" for "QĐ") takes its official case
    assert _ids("Thành ủy tổng kết Chương trình số 06-Ctr/TU ngày 29/6/2016 về kinh tế.") == ["06-CTr/TU"]
    assert _ids("Theo Quyết định số 1496/Qđ-UBND và Kế hoạch số 05-Kh/Tu của tỉnh.") == [
        "1496/QĐ-UBND",
        "05-KH/TU",
    ]
    # capitalised words after a number, even after a type word: no code the rules know
    assert _ids("Nghị quyết 12-Hà Nội đã ban hành, Kế hoạch 5-Ba năm.") == []
    assert _ids("Theo Chương trình 135-Ca sĩ hát.") == []


def test_a_reference_a_hard_wrap_splits_is_one_reference() -> None:
    assert _ids("Thực hiện Nghị quyết\nsố 26 của Tỉnh ủy, các cấp đã quán triệt.") == ["Nghị quyết 26"]
    assert _ids("Quán triệt Chỉ thị số\n05-CT/TW trong toàn Đảng bộ.") == ["05-CT/TW"]
    # a break after a sentence's close still ends it: two lines, two references
    assert _ids("Thực hiện Chỉ thị 05;\nKế hoạch 12 của Huyện ủy.") == ["Chỉ thị 05", "Kế hoạch 12"]


def test_number_written_after_the_issuer_or_the_issue_date() -> None:
    # a letter's order: the type, who issued it and when, then "số" and its number
    entries = _entries("Thực hiện Chỉ thị của Ban Bí thư số 05 về học tập và làm theo tư tưởng Hồ Chí Minh.")
    assert [(e["id"], e["issuer"]) for e in entries] == [("Chỉ thị 05", "Ban Bí thư")]
    entries = _entries("Thực hiện Nghị quyết của HĐND tỉnh ngày 10 tháng 12 năm 2020 số 20/2020 về giá đất.")
    assert [(e["id"], e["issuer"], e["issued"]) for e in entries] == [
        ("Nghị quyết 20/2020", "HĐND tỉnh", "2020-12-10")]
    assert _ids("Huyện triển khai Kế hoạch ngày 5/3/2021 số 20 của UBND tỉnh.") == ["Kế hoạch 20"]
    assert _ids("Thực hiện Quyết định của Thủ tướng Chính phủ số 1234 và 1235 về phê duyệt.") == [
        "Quyết định 1234", "Quyết định 1235"]
    # the type word owns a symbol written after them, codes the rules do not know included
    assert _ids("Thực hiện Công văn của UBND tỉnh số 278/PGD&ĐT-THCS về tuyển sinh.") == ["278/PGD&ĐT-THCS"]
    assert _ids("Thực hiện Công văn ngày 25/10/2017 số 409/STTTT-BCVT về viễn thông.") == ["409/STTTT-BCVT"]
    # the short form takes the symbol the article writes
    assert _ids("Thực hiện kế hoạch của Ban Thường vụ Tỉnh ủy số 35, huyện đã triển khai. "
                "Kế hoạch số 35-KH/TU nêu rõ.") == ["35-KH/TU"]
    # "số" after the issuer counting things, or after a comma opening a new clause, is no number
    assert _ids("Theo báo cáo của UBND tỉnh số 12 ca mắc mới đều là ca nhập cảnh.") == []
    assert _ids("Theo Kế hoạch của UBND tỉnh, số 20 hộ dân được hỗ trợ nhà ở.") == []
    assert _ids("Ông cho biết quyết định của UBND huyện số tiền bồi thường 12 triệu.") == []


def test_capitalised_programme_closed_by_a_span_of_years() -> None:
    # a state programme runs over a span of years; a capitalised name of one year is an event's
    assert _ids("Tỉnh tiếp tục triển khai Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến "
                "năm 2030 trên địa bàn.") == [
        "Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030"]
    assert _ids("Tỉnh thực hiện Chương trình Mỗi xã một sản phẩm giai đoạn 2021-2025 hiệu quả.") == [
        "Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025"]
    assert _ids("Đoàn trường tổ chức Chương trình Xuân yêu thương năm 2023 cho học sinh nghèo.") == []
    assert _ids("Sinh viên theo học Chương trình Kỹ sư Tự động hóa tại Khoa Quốc tế.") == []


def test_constitution_named_by_the_state_before_its_year() -> None:
    # the state's full name stands between the type word and the year: the edition is the year's
    assert _ids("Căn cứ vào Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992; Luật này quy định "
                "về phòng, chống ma túy.") == ["Hiến pháp 1992"]
    assert _ids("Dấu ấn trong Hiến pháp nước Cộng hoà XHCN Việt Nam năm 2013.") == ["Hiến pháp 2013"]
    assert _ids("HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM NĂM 2013 ĐƯỢC THÔNG QUA") == [
        "Hiến pháp 2013"]
    # a headline's title case ("Tuyên Truyền Hiến Pháp Năm 2013"), as such sites write every word
    assert _ids("Tuyên Truyền Hiến Pháp Năm 2013 Cho Đoàn Viên") == ["Hiến pháp 2013"]
    assert _ids("Đã có 5 bản: Hiến pháp Việt Nam Dân chủ Cộng hòa 1959; Hiến pháp Cộng hòa xã hội chủ nghĩa "
                "Việt Nam 1992.") == ["Hiến pháp 1959", "Hiến pháp 1992"]
    # without a year no edition is named; another state's constitution is none either
    assert _ids("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;") == []
    assert _ids("Theo Hiến pháp Mỹ năm 1787, quyền lực được phân chia.") == []


def test_document_number_with_a_letter() -> None:
    # "30a", "30c": a series' documents numbered with a letter, in a symbol or a short form
    assert _ids("Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011 của Chính phủ.") == ["30c/NQ-CP"]
    assert _ids("Chính phủ ra Nghị quyết số 30a/2008/NQ-CP. Các huyện nghèo theo Nghị quyết 30a được "
                "hỗ trợ.") == ["30a/2008/NQ-CP"]
    assert _ids("Huyện được hưởng chính sách theo Nghị quyết 30a của Chính phủ.") == ["Nghị quyết 30a"]
    # a letter glued to a word is no number's
    assert _ids("Kế hoạch 5năm được giao, Quyết định 12ab chưa có.") == []


def test_other_body_after_the_congress_number() -> None:
    # a mass organisation names its congress by the number first: its resolution, not the Party's
    assert _ids("Công đoàn hoàn thành chỉ tiêu của Nghị quyết Đại hội XII Công đoàn Việt Nam đề ra, qua đó "
                "khẳng định vai trò.") == ["Nghị quyết Đại hội XII Công đoàn Việt Nam"]
    assert _ids("Thực hiện Nghị quyết Đại hội lần thứ XII Hội Cựu chiến binh Việt Nam, hội viên đoàn "
                "kết.") == ["Nghị quyết Đại hội lần thứ XII Hội Cựu chiến binh Việt Nam"]
    assert _ids("Quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XIII Hội LHPN Việt Nam "
                "nhiệm kỳ 2022-2027.") == [
        "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội XIII Hội LHPN Việt Nam"]
    # ... and listed after another congress without its own type word
    assert _ids("Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, Đại hội VII Hội Nông dân Việt Nam, "
                "hội viên đoàn kết.") == ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
                                      "Nghị quyết Đại hội VII Hội Nông dân Việt Nam"]
    # an organ that holds no congress after the number opens the next clause; the Party is the Party's
    assert _ids("Thực hiện Nghị quyết Đại hội XIII Ban Chấp hành Trung ương đã ban hành chương trình.") == [
        "Nghị quyết Đại hội XIII"]
    assert _ids("Thực hiện Nghị quyết Đại hội XIII Hội đồng nhân dân tỉnh đã ban hành nghị quyết.") == [
        "Nghị quyết Đại hội XIII"]
    assert _ids("Thực hiện Nghị quyết Đại hội XIII Đảng Cộng sản Việt Nam, tỉnh đạt kết quả.") == [
        "Nghị quyết Đại hội XIII"]


def test_the_party_body_after_the_congress_number_in_capitals_or_title_case() -> None:
    # a headline's capitals or title case: the province's congress, not the national one of that number
    assert _ids("QUÁN TRIỆT NGHỊ QUYẾT ĐẠI HỘI XX ĐẢNG BỘ TỈNH VÀO CUỘC SỐNG") == [
        "Nghị quyết Đại hội XX Đảng bộ tỉnh"]
    assert _ids("Các chi bộ quán triệt Nghị Quyết Đại Hội XV Đảng Bộ Huyện tại hội nghị.") == [
        "Nghị quyết Đại hội XV Đảng bộ huyện"]
    # the same words in the body's case keep their id; the Party's own congress stays the national one
    assert _ids("Các chi bộ quán triệt Nghị quyết Đại hội XX Đảng bộ tỉnh tại hội nghị.") == [
        "Nghị quyết Đại hội XX Đảng bộ tỉnh"]
    assert _ids("ĐƯA NGHỊ QUYẾT ĐẠI HỘI XIII CỦA ĐẢNG VÀO CUỘC SỐNG") == ["Nghị quyết Đại hội XIII"]
    # a congress named by its body before its number: the number's words in the body's case
    assert _ids("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XIX") == [
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX"]


def test_a_congress_written_shorter_in_the_headline_takes_the_bodys_fuller_id() -> None:
    """One congress, one id (spec 3): the fullest of its names, not the headline's short one."""
    entries = _entries(
        "Tỉnh đoàn quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025.",
        title="Học tập Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
    )
    assert [e["id"] for e in entries] == ["Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX"]
    assert len(entries[0]["mentions"]) == 2


def test_a_congress_written_alike_keeps_its_first_id() -> None:
    entries = _entries(
        "Tỉnh đoàn quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025.",
        title="Học tập Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX",
    )
    assert [e["id"] for e in entries] == ["Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"]


@pytest.mark.parametrize(
    ("written", "plenum"),
    [("mười một", "11"), ("mười hai", "12"), ("tư", "4"), ("mười", "10")],
)
def test_a_plenum_written_in_words_takes_its_number(written: str, plenum: str) -> None:
    # "mười một" (eleventh) is an ordinal the grammar matches: it once raised KeyError('một'), losing the page
    text = (f"Thực hiện Nghị quyết Hội nghị lần thứ {written} Ban Chấp hành Trung ương khóa X, "
            "tỉnh ủy ban hành kế hoạch.")
    assert _ids(text) == [f"Nghị quyết Trung ương {plenum} khóa X"]


@pytest.mark.parametrize(
    "written", ["QĐ 206-CĐSTV.pdf", "QD772-TTg.pdf", "Nghị quyết 18-NQ/TW.docx", "15-KL-TW.rar"])
def test_a_symbol_glued_to_a_file_extension_is_an_attachment_not_a_reference(written: str) -> None:
    assert _ids(f"Số/ký hiệu: 206/QĐ-TTg. Nội dung đính kèm: {written}") == ["206/QĐ-TTg"]


def test_a_symbol_closing_its_sentence_before_a_word_is_still_a_reference() -> None:
    assert _ids("Thực hiện Nghị quyết 18-NQ/TW. Docx và pdf được gửi kèm.") == ["18-NQ/TW"]


def test_an_amending_law_joined_by_va_has_the_one_id() -> None:
    text = "Theo Luật sửa đổi và bổ sung một số điều của Luật Giáo dục Đại học, hội đồng trường có quyền."
    assert _ids(text) == ["Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học"]


def test_an_amended_law_in_lower_case_counts_only_when_dated() -> None:
    dated = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật giáo dục ngày 25 tháng 11 năm 2009;"
    assert _ids(dated) == ["Luật sửa đổi, bổ sung một số điều của Luật Giáo dục"]
    assert _ids("Luật sửa đổi, bổ sung một số điều của luật giáo dục đang được bàn thảo.") == []
