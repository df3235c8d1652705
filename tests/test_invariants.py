"""Invariants over messy pages: every mention's offsets index its field exactly; nothing raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.engine.stages import process_safely
from pipeline.model import RawArticle

MESSY_PAGES = [
    "Tiêu đề: Chỉ thị 05-CT/TW\n\n\tCó  3.650   đảng viên, đạt 97,5 %.\r\nNgày 7-4-2021 ông Lê Văn A nói.",
    "TIÊU ĐỀ VIẾT HOA\n\n“Nghị quyết 58-NQ/TW, ngày 5-8-2020” của Bộ Chính trị 🙂 với 1,5 tỷ đồng…"
    "\n\nPhản hồi",
    "Tin\n\nUBND tỉnh Thanh Hóa (UBND) cấp 40-50% cho 200.000 - 300.000 đồng/tháng; huyện lộ 41."
    "\n\nA B",
    "x\n\n" + "Đảng ủy Khối Các cơ quan (CCQ) tỉnh có 12.000 cán bộ. " * 200,
    "Tiêu đề\n\n\xa0\n\nẢnh: D.My\n\nÔng\u00a0Nguyễn  Văn\tB, Chủ tịch UBND xã Tân Thiềng, huyện Chợ Lách.",
]


def field_text(record: dict, field: str) -> str:
    """The string a mention's field names."""
    if field in ("text", "title"):
        return record[field] or ""
    name, index = field.split(".")
    return record[name][int(index)]


def check_offsets(record: dict) -> None:
    for entity in record["entities"]:
        text = field_text(record, entity.get("field", "text"))
        assert text[entity["start"]:entity["end"]] == entity["text"], entity
    for kind in ("directives", "organizations", "people", "locations"):
        for entry in record[kind]:
            for mention in entry["mentions"]:
                text = field_text(record, mention.get("field", "text"))
                assert text[mention["start"]:mention["end"]] == mention["text"], (kind, mention)
    for kind in ("figures", "dates"):
        for entry in record[kind]:
            text = field_text(record, entry.get("field", "text"))
            assert text[entry["start"]:entry["end"]] == entry["text"], (kind, entry)


def test_offsets_on_messy_pages() -> None:
    for i, page in enumerate(MESSY_PAGES):
        kind, record = process_safely(RawArticle(path=f"messy{i}.txt", text=page, digest=str(i)))
        assert kind == "record", record
        assert record["entities"], page[:40]
        check_offsets(record)


def test_offsets_on_the_gold_inputs(gold_run) -> None:
    for record in gold_run[0]:
        check_offsets(record)


PIECES = st.sampled_from([
    "Chỉ thị số 05-CT/TW", "Nghị quyết Trung ương 4 (khóa XI, XII)", "3.650 đảng viên", "97,5%", "gần 12.000",
    "ngày 7-4-2021", "năm 2016", "Đảng ủy Khối", "UBND tỉnh", "ông Lê Đức Khai", "xã Tân Thiềng", "Hà Nội",
    "\n\n", " ", "\t", ", ", ". ", "“", "”", "(", ")", "…", "🙂", "\xa0", "Phản hồi", "1,5 tỷ đồng", "40-50%",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=40).map("".join))
def test_offsets_on_generated_pages(body: str) -> None:
    kind, record = process_safely(RawArticle(path="gen.txt", text="Tiêu đề\n\n" + body, digest="g"))
    assert kind in ("record", "error")
    if kind == "record":
        check_offsets(record)
    else:
        assert record["error"]["type"] != "internal_error", record
