"""The FIGURE extractor: number reading, units, refusals, targets and the offsets invariant."""

from __future__ import annotations

from decimal import Decimal

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import figure_lexicon, figure_reading
from pipeline.extract.document import build_document
from pipeline.extract.kinds import figures
from pipeline.extract.merge import resolve_overlaps
from pipeline.model import Mention
from pipeline.rulebook import load_rules


def _figures(text: str, title: str | None = None) -> list[dict]:
    """This extractor alone on one text (others are tested in their own files)."""
    doc = build_document(text, title=title, published="2021-04-21")
    mentions = resolve_overlaps(figures.find(doc))
    return figures.build(mentions, doc, mentions)


def _one(text: str) -> dict:
    found = _figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3.650", Decimal(3650)),
        ("12.000", Decimal(12000)),
        ("1.094.816", Decimal(1094816)),
        ("97,5", Decimal("97.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("4,500,000", Decimal(4500000)),
        ("1500", Decimal(1500)),
        ("1.5", Decimal("1.5")),
        ("0,064", Decimal("0.064")),
        ("2,000", Decimal(2000)),
        ("500,000", Decimal(500000)),
        ("1,300", Decimal("1.3")),
    ],
)
def test_parse_number_reads_vietnamese_and_english_formats(written: str, value: Decimal) -> None:
    assert figure_reading.parse_number(written) == value


@pytest.mark.parametrize("written", ["1.2.3", "1,2,3", "7.4.21"])
def test_parse_number_refuses_shapes_that_are_no_number(written: str) -> None:
    assert figure_reading.parse_number(written) is None


def test_plain_value_is_int_when_whole() -> None:
    assert figure_reading.plain_value(Decimal("1300000000.0")) == 1300000000
    assert isinstance(figure_reading.plain_value(Decimal("1300000000.0")), int)
    assert figure_reading.plain_value(Decimal("97.5")) == 97.5


def test_rule_file_loads_and_unknown_keys_are_errors() -> None:
    rules = load_rules("figures", figure_lexicon.SCHEMA)
    assert {"scales", "currencies", "labels_before", "target_cues"} <= set(rules)
    broken = dict(rules, scales=[{"term": "triệu", "gloss": "million", "factor": 1e6, "typo": 1}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, figure_lexicon.SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(rules, unknown_table=[]), figure_lexicon.SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(rules, currencies=[{"term": "USD"}]), figure_lexicon.SCHEMA)  # no gloss


def test_scale_words_fold_into_the_value() -> None:
    assert _one("Lãi 1,5 tỷ đồng.")["value"] == 1_500_000_000
    assert _one("Vốn tăng lên 5.700 tỷ đồng.")["value"] == 5_700_000_000_000
    assert _one("Có 2 triệu khách hàng.")["value"] == 2_000_000
    assert _one("Tổng cộng 3 nghìn tỷ đồng.")["value"] == 3_000_000_000_000


def test_a_rate_keeps_its_per_part_in_the_unit() -> None:
    found = _one("Giá chào bán là 10.000 đồng/cp cho cổ đông.")
    assert (found["text"], found["unit"]) == ("10.000 đồng/cp", "đồng/cp")
    assert _one("Vàng miếng 68,5 triệu đồng/lượng.")["unit"] == "đồng/lượng"
    assert _one("Lãi suất 5,02%/năm.")["unit"] == "%/năm"
    assert _one("Sản phẩm có 3 sản phẩm/khách hàng.")["unit"] == "sản phẩm/khách hàng"


def test_a_range_gives_two_figures_sharing_unit_and_scale() -> None:
    low, high = _figures("GDP của họ tận 11.000 - 12.000 tỷ USD.")
    assert (low["text"], low["value"], low["unit"]) == ("11.000", 11_000_000_000_000, "USD")
    assert (high["text"], high["value"]) == ("12.000 tỷ USD", 12_000_000_000_000)


def test_descending_pairs_are_scores_not_ranges() -> None:
    assert _figures("Đội khách thua 2-1 và hòa 1-1.") == []


def test_sentence_time_and_subject_come_from_context() -> None:
    text = "Năm 2020, ngân hàng lãi 1.368 tỷ đồng. Câu khác."
    doc = build_document(text, published="2021-04-21")
    mentions = resolve_overlaps(figures.find(doc))
    date = Mention("DATE", 0, 8, text[0:8], attrs={"value": "2020"})
    org = Mention("ORG", 10, 19, text[10:19])
    (entry,) = figures.build(mentions, doc, [date, org, *mentions])
    assert (entry["time"], entry["subject"]) == ("2020", "ngân hàng")
    assert entry["sentence"] == "Năm 2020, ngân hàng lãi 1.368 tỷ đồng."
    assert (entry["field"], text[entry["start"]:entry["end"]]) == ("text", "1.368 tỷ đồng")


@pytest.mark.parametrize(
    "text",
    [
        "Vụ cháy xảy ra khoảng 23h50 ngày 23/4 tại nhà bà N. (SN 1955).",
        "Căn cứ Điều 125 Nghị định 53/2017/NĐ-CP và khoản 2 Điều 5.",
        "Nghị quyết Trung ương 4 (khóa XII) và Chỉ thị 05-CT/TW.",
        "Gọi tổng đài 1900545454 hoặc 0912 345 678.",
        "Tuyến huyện lộ 41 và quốc lộ 1A, số 10 phố Hàng Bông.",
        "Qua 5 năm (2016 - 2020) và trong 10 năm tới.",
        "Thứ hai, tôi mua gói 3 rồi lên cấp 4.",
        "Họ bán hàng trăm sản phẩm cho hàng nghìn khách.",
        "(1) Thuộc danh mục; (2) Không thuộc trường hợp hạn chế.",
        "Điện thoại iPhone 12 và mạng 5G ra mắt năm 2020.",
    ],
)
def test_refused_numbers(text: str) -> None:
    assert _figures(text) == []


def test_a_duration_before_the_period_it_frames_is_no_figure() -> None:
    framing = ["Trong 2 ngày (16 và 17/10) tại Kon Tum đã diễn ra Đại hội.",
               "Cách đây đúng 5 năm (ngày 24/5/2016), nhà máy phát điện.",
               "Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021 - 2025."]
    for text in framing:
        assert _figures(text) == [], text
    # brackets that hold no period leave the duration a figure, and so does a verb of length before it
    assert [f["text"] for f in _figures("Thời gian đào tạo 4 năm (8 học kỳ).")] == ["4 năm", "8 học kỳ"]
    assert [f["text"] for f in _figures("Kỳ nghỉ lễ kéo dài 4 ngày (từ 30/4 đến 3/5).")] == ["4 ngày"]


def test_a_list_that_repeats_its_unit_after_names_counts_each_item() -> None:
    items = _figures("Huyện Ngân Sơn được hỗ trợ 35 nhà; huyện Bạch Thông 35 nhà; huyện Pác Nặm 30 nhà.")
    assert [(f["value"], f["unit"]) for f in items] == [(35, "nhà"), (35, "nhà"), (30, "nhà")]
    # a number after a name with no earlier number of its unit, or after a code, stays the name's
    assert _figures("Nhà máy lọc dầu Dung Quất 2 xây xong.") == []
    assert _figures("Bộ sách gồm Toán 6 tập một; Toán 6 tập hai; Tiếng Việt 6 tập một.") == []
    rice = _figures("Lúa OM 5451 giá 6.000 đồng/kg; OM 18 giá 5.700 đồng/kg.")
    assert [f["value"] for f in rice] == [6000, 5700]


def test_a_voltage_rating_names_an_installation() -> None:
    assert _figures("Trạm 220kV Hà Đông bị ngập; tách các máy biến áp 220, 110 kV ra khỏi hệ thống.") == []
    assert [f["unit"] for f in _figures("Nhà máy có công suất 108MW.")] == ["MW"]


def test_targets_need_a_cue_before_the_number() -> None:
    target = _one("Mục tiêu đến năm 2025 đạt 2 triệu khách hàng.")
    assert target["is_target"] is True
    result = _one("Lợi nhuận đạt 1.368 tỷ đồng, tương đương kế hoạch.")
    assert result["is_target"] is False


def test_a_slash_pair_is_a_result_over_a_target_or_a_part_of_a_whole() -> None:
    result, target = _figures("Toàn tỉnh kết nạp 2.415/2.000 đảng viên.")
    assert (result["value"], result["is_target"]) == (2415, False)
    assert (target["value"], target["is_target"]) == (2000, True)
    assert result["unit"] == target["unit"] == "đảng viên" and result["of"] is None
    part = _one("Có 180/200 đảng viên dự học.")  # not more than the whole: a part of it
    assert (part["value"], part["of"], part["unit"]) == (180, 200, "đảng viên")
    assert [f["value"] for f in _figures("Tỷ lệ đạt 91,4%/85%.")] == [91.4, 85]
    assert _figures("Ngày 7/9 chi bộ họp; năm học 2019/2020 có 3/6 tháng nghỉ.") == []


def test_a_breakdown_in_brackets_must_close_and_list_two_items() -> None:
    items = _figures("Kỷ luật 740 đảng viên (khiển trách 512, cảnh cáo 171).")
    assert [(f["value"], f["unit"]) for f in items] == [(740, "đảng viên"), (512, "đảng viên"),
                                                         (171, "đảng viên")]
    assert len(_figures("Kỷ luật 740 đảng viên (khiển trách 512, cảnh cáo 171 và")) == 1
    assert len(_figures("Giá 240.000 đồng/lượt (loại xe nhóm 5).")) == 1


def test_a_number_glued_to_a_word_counts_only_as_money_percent_or_scaled() -> None:
    assert _one("Kinh phí2.350 triệu đồng.")["value"] == 2_350_000_000
    assert _figures("Biến chủng covid19 người bệnh và lần2 học sinh.") == []


def test_the_whole_of_a_part_reaches_the_table_row() -> None:
    (entry,) = _figures("Có 7/9 chi bộ hoàn thành.")
    columns = [c.name for c in figures.KIND.columns]
    row = dict(zip(columns, figures.KIND.row(entry), strict=False))
    assert (row["value"], row["of"]) == (7.0, 9.0)


@pytest.mark.parametrize(
    "text",
    [
        "Có   3.650\tđảng viên và  gần 12.000 cán bộ ,công chức.",
        "“Tăng 97,5 %” – 40-50% 😀 và 200.000 - 300.000 đồng/cp!!",
        "Giá\u00a0100 triệu đồng; 2 mấy tỷ; 1,3 tỷ đồng.\n\n\nHai người đến.",
        "x" * 5000 + " 12 người " + "9" * 400 + " 5%",
        "",
        "   ",
        "%%% --- /// 1/2/3/4 5-6-7 ,,, ... 0,0 00 000.000,000",
    ],
)
def test_offsets_invariant_on_messy_strings(text: str) -> None:
    doc = build_document(text)
    for mention in figures.find(doc):
        segment = doc.segment(mention.field)
        assert segment.text[mention.start:mention.end] == mention.text
        assert mention.type == "FIGURE"


NUMBERISH = st.text(
    alphabet=st.sampled_from(list("0123456789.,-–/:%() \t\nđồngtỷriệunghìnnămngàyHaingườiUSDkmh“”")),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(NUMBERISH, st.text(max_size=40)))
def test_find_never_raises_and_keeps_offsets(text: str) -> None:
    doc = build_document(text)
    for mention in figures.find(doc):
        assert doc.segment(mention.field).text[mention.start:mention.end] == mention.text
        assert isinstance(mention.attrs["value"], int | float)


@pytest.mark.parametrize(
    ("reporter", "subject"),
    [("UBND huyện Tri Tôn", "huyện Tri Tôn"), ("Sở Y tế", "huyện")],
)
def test_a_bare_level_word_takes_the_place_an_organisation_name_ends_on(reporter: str, subject: str) -> None:
    from pipeline.extract import extract

    text = f"Theo {reporter}, năm 2023 số hộ nghèo của huyện giảm còn 2.900 hộ."
    record = extract(build_document(text, title="Giảm nghèo", published="2024-01-02"))
    assert [f["subject"] for f in record["figures"]] == [subject]


@pytest.mark.parametrize(
    ("owner", "company"),
    [("của Công ty", True), ("của công nhân", False)],  # a body head after "của"; a group is no body
)
def test_a_bare_body_head_owning_a_measure_is_the_articles_body(owner: str, company: bool) -> None:
    from pipeline.extract import extract

    text = (
        "Ông Vũ Mạnh Thái, Phó Tổng giám đốc Công ty Apatit Việt Nam cho biết như vậy. "
        "Trong khi đó, Cục thuế tỉnh Lào Cai đến làm việc.\n\n"
        f"Dự kiến, tổng doanh thu {owner} đạt trên 2.000 tỷ đồng."
    )
    record = extract(build_document(text, title="Tin", published="2024-01-02"))
    subjects = [f["subject"] for f in record["figures"]]
    assert (subjects == ["Công ty Apatit Việt Nam"]) is company, subjects


@pytest.mark.parametrize(
    ("named", "subject"),
    [
        ("Mặt trận Tổ quốc xã Thanh Sơn, huyện Thanh Hà", "Mặt trận Tổ quốc xã Thanh Sơn"),  # wider: address
        ("xã Thanh Sơn, xã Thanh Hải", "xã Thanh Hải"),  # same level: a list, the nearest
        ("chợ đầu mối Thủ Đức, TP Hồ Chí Minh", "chợ đầu mối Thủ Đức"),  # a named site: narrowest
    ],
)
def test_a_wider_place_after_a_comma_is_the_address_of_the_name_before(named: str, subject: str) -> None:
    from pipeline.extract import extract

    text = f"Nhiệm kỳ qua, {named} vận động Nhân dân hiến hơn 10.000 mét vuông đất."
    record = extract(build_document(text, title="Tin", published="2024-01-02"))
    assert [f["subject"] for f in record["figures"]] == [subject]


def test_a_bare_amount_takes_the_currency_the_article_counts_in() -> None:
    """A headline's amount with a scale word and no unit is in the currency of the body's money;
    with no money written out anywhere it keeps no unit."""
    body = "Tổng vốn đầu tư các dự án là 74.300 tỷ đồng, trong đó vốn ngân sách 3.840 tỷ đồng."
    found = _figures(body, title="Khánh Hòa có 3 khu đô thị hơn 74.3 ngàn tỷ")
    headline = next(f for f in found if f["field"] == "title" and f["text"].endswith("tỷ"))
    assert headline["unit"] == "đồng"
    alone = _figures("Dư nợ ngắn hạn tăng hơn 20.000 tỷ so với cuối 2019.", title="Hòa Phát tăng dư nợ")
    assert [f["unit"] for f in alone] == [None]
