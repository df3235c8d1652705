"""A bare unit's label before its number: a noun phrase a link predicates of, past an estimate."""

from __future__ import annotations

import pytest

from tests.conftest import figure_measures


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # "ước đạt" (estimated at) is one word and the figure's qualifier: still the link to the label
        ("Trong quý I, khách quốc tế đến tỉnh ước đạt 12.500 lượt.", "12.500 lượt", "khách quốc tế đến tỉnh"),
        # a noun phrase closing on the verb that qualifies it, before a link, is what is counted
        ("Năm 2021, khách đến tham quan đạt 210.000 lượt.", "210.000 lượt", "khách đến tham quan"),
        # a label opening on a word the tagger does not know ("nhà ở" glued, "heroin"), closing on its verb
        ("Nhà ở liền kề đạt 467 căn.", "467 căn", "Nhà ở liền kề"),
        ("Heroin thu giữ đạt 4 bánh.", "4 bánh", "Heroin thu giữ"),
        # the next item of a list after "và" is a label too
        (
            "Năm 2021, khách nội địa đạt 98.000 lượt và khách quốc tế đạt 12.000 lượt.",
            "12.000 lượt",
            "khách quốc tế",
        ),
    ],
)
def test_a_label_before_a_link_names_what_a_unit_counts(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2021, Huyện ủy đã kết nạp được 11 đồng chí.",  # a predicate's object, no link
        "Năm 2021, huyện bồi dưỡng và kết nạp được 11 đồng chí.",  # "và" joins a verb phrase
    ],
)
def test_a_verb_phrase_before_a_bare_unit_is_no_label(sentence: str) -> None:
    assert figure_measures(sentence)["11 đồng chí"] == "đồng chí"


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # a passive clause qualifies the noun before it: the whole is what a link's number counts
        ("Năm 2021, học sinh được tuyên dương đạt 19 em.", "19 em", "học sinh được tuyên dương"),
        ("Số học sinh ưu tú được kết nạp Đoàn là 46 em.", "46 em", "học sinh ưu tú được kết nạp Đoàn"),
        ("Diện tích lúa bị úng lụt giảm 3%.", "3%", "Diện tích lúa bị úng lụt"),
    ],
)
def test_a_passive_clause_before_a_link_stays_in_the_label(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # money after a passive is what the noun got: the act, not the noun, says what the money is
        ("Mỗi hộ được vay từ 20 triệu đồng.", "20 triệu đồng", "vay"),
        # "được" after a verb is its result, no passive: the phrase after it is what is measured
        ("Ông Trump từng nhận được tỷ lệ ủng hộ của nhóm cử tri năm 2016 là 80%.", "80%", "tỷ lệ ủng hộ"),
        # no link between the passive clause and the number: the count is the verb's object
        ("Năm 2021, Huyện ủy được giao kết nạp 11 đồng chí.", "11 đồng chí", "đồng chí"),
    ],
)
def test_a_passive_is_read_past_only_for_a_linked_count(sentence: str, figure: str, measure: str) -> None:
    assert figure_measures(sentence)[figure] == measure


def test_a_name_the_tagger_does_not_know_opens_no_label() -> None:
    # the name acts: what it recruited is not a label of the count
    assert figure_measures("Năm 2021, Vinamilk tuyển dụng đạt 500 người.")["500 người"] == "người"


@pytest.mark.parametrize(
    ("sentence", "figure", "measure"),
    [
        # the sentence's opening is another clause: the label before "là" in the item's own clause counts
        (
            "Tính riêng trong năm 2021, huyện đã khám cho 64.373 lượt bệnh nhân, "
            "trong đó khám tại trạm y tế xã là 30.002 lượt.",
            "30.002 lượt",
            "khám tại trạm y tế xã",
        ),
        (
            "(QBĐT) - Năm 2021, toàn tỉnh kết nạp được 603 đảng viên mới, "
            "trong đó: đảng viên nữ là 359 đồng chí.",
            "359 đồng chí",
            "đảng viên nữ",
        ),
        # the opening is in the clause of the link, cut by a passive and "và": it is what is counted
        ("Tổng số bệnh nhân được khám và tư vấn là 1000 lượt.", "1000 lượt", "bệnh nhân"),
        (
            "Nhu cầu đào tạo giáo viên mầm non của tỉnh đến năm 2021 là 599 người.",
            "599 người",
            "Nhu cầu đào tạo giáo viên mầm non",
        ),
    ],
)
def test_a_clause_opening_labels_a_linked_count_only_in_its_own_clause(
    sentence: str, figure: str, measure: str
) -> None:
    assert figure_measures(sentence)[figure] == measure
