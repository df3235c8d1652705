"""Self-supervised audit of date forms: the dates vnie finds exactly, re-written as the press writes them.

Takes the gold dates of the extraction-dev passages that vnie finds with the right value, writes each
value again in the other forms Vietnamese papers use for the same day, month, quarter, part of a year or
span ("7/4/2021", "7-4-2021", "07.04.2021", "ngày 7 tháng 4 năm 2021", "quý I/2021", "quý 1 năm 2021",
"từ ngày 3 đến 5/6/2021", "3-5/6/2021", a weekday before the day, a time of day before it, a school
year, a part of a month, yearless forms anchored on the passage's publication date...), puts each form
in a neutral sentence and in the passage's own sentence (in place of the date as written there), runs
the extractor with the passage's publication date and counts per form: same value, other value, missed,
extra (a date no one wrote). A quarter or the first months of a year are also written again without
their year in an undated article whose latest day is a deadline's ("again" forms). Numbers that are not
dates (scores, versions, document numbers, ranges of counts, "24/7", phone numbers, doses, classes "lớp
11/2", office hours, plates) are run too: any date is extra.

    PYTHONPATH=$PWD python bench/date_audit.py
    PYTHONPATH=$PWD python bench/date_audit.py --form day-dot --details
    PYTHONPATH=$PWD python bench/date_audit.py --test-half    # the score-only files, pooled rows only

The score-only `-test` files are scored only by `--test-half` (no named files, no details), which
prints the per-form rows pooled over them and nothing of any passage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.ingest.decode import normalize_text  # noqa: E402

KINDS = ("same", "other", "missed", "extra")
NEUTRAL = "Hội nghị được tổ chức {X} tại hội trường Tỉnh ủy."
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
ROMAN = ("I", "II", "III", "IV")
# a span's own frame: the range word belongs to the form
NEUTRAL_SPAN = "Hội nghị được tổ chức {X} tại hội trường Tỉnh ủy."
# numbers that are no dates, in a sentence each; every date found in them is extra
NEGATIVES = (
    "Ông đã bước sang những năm 60 tuổi nhưng vẫn làm việc.",
    "Đội tuyển thắng với tỷ số 3-1 trong trận chung kết.",
    "Chung cuộc, đội khách thắng 2-0.",
    "Ứng dụng phiên bản 2.1 được cập nhật.",
    "Ban Thường vụ triển khai Chỉ thị 05-CT/TW của Bộ Chính trị.",
    "Mỗi tổ có từ 3-5 người tham gia.",
    "Mỗi nhóm có 3 - 5 thành viên.",
    "Bản đồ tỷ lệ 1/2000 được phê duyệt.",
    "Có 2/3 số đại biểu tán thành.",
    "Đã có 8/10 xã đạt chuẩn nông thôn mới.",
    "Theo Quyết định số 1234/QĐ-UBND của UBND tỉnh.",
    "Theo Nghị định số 100/2019/NĐ-CP của Chính phủ.",
    "Liên hệ số điện thoại 0258.3822.111 để được hỗ trợ.",
    "Tại Km 12+500 quốc lộ 1 xảy ra tai nạn.",
    "Em Nguyễn Văn An, học sinh lớp 10/3, đạt giải nhất.",
    "Toàn huyện có 2.000 hộ được hỗ trợ.",
    "Khoảng 1500 người tham dự.",
    "Giá xăng tăng 1.250 đồng mỗi lít.",
    "Nhiệt độ dao động từ 25-30 độ C.",
    "Lượng mưa phổ biến 20-50 mm.",
    "Tỷ lệ đạt 3,5% so với kế hoạch.",
    "Đường dây nóng 1900 1234 hoạt động suốt ngày đêm.",
    "Có 12/15 chỉ tiêu đạt và vượt kế hoạch.",
    "Số 15/2020/TT-BTC quy định mức thu.",
    "Mỗi lớp học từ 30-35 em.",
    "Thời gian thi 90 phút, mỗi câu 0.25 điểm.",
    "Đường 3/2 quận 10 bị ngập; Quảng trường 2/9 rực rỡ cờ hoa.",
    "Hẻm 45/12 đường Nguyễn Trãi được nâng cấp.",
    "Xe khách 29B-123.45 gây tai nạn.",
    "Lãi suất 6-7%/năm.",
    "Mức lương tháng 7-8 triệu đồng là phổ biến.",
    "Mỗi tháng 2, 3 lần, đoàn về thăm các xã.",
    "Có 2021 thí sinh dự thi; cầu dài 2021 m.",
    "Căn hộ ở Q1 và Q.3 đắt nhất.",
    "Lúc 10.30 sáng, đoàn đến xã.",
    "Mức hỗ trợ từ 3-6 triệu đồng mỗi hộ.",
    "Mỗi suất quà trị giá 3/6 triệu đồng được trao tận tay.",
    "Hà Nội xếp thứ 6/63 tỉnh, thành phố về chỉ số chuyển đổi số.",
    "Thực hiện Kết luận số 01-KL/TW và Nghị quyết 26-NQ/TW của Trung ương.",
    "Thanh niên trong độ tuổi 15-24 chiếm 30% dân số.",
    "Năng suất tăng 3-4 lần so với trước.",
    "Đạt 9/10 điểm ở vòng chung kết.",
    "Bản quy hoạch tỷ lệ 1/500 được duyệt.",
    "Hệ điều hành được nâng lên phiên bản 5.1.2.",
    "Trận đấu kết thúc với tỷ số 2-1 nghiêng về đội chủ nhà.",
    "Tổng đài hỗ trợ hoạt động 24/7 trong mùa dịch.",
    "Gọi đường dây nóng 0912.345.678 hoặc 1900.1234 để được tư vấn.",
    "Uống thuốc 2-3 lần mỗi ngày, mỗi lần 1-2 viên.",
    "Người lao động trong độ tuổi 18-60 được hỗ trợ.",
    "Các em học sinh lớp 12A3 và lớp 11/2 đạt giải.",
    "Thời gian làm việc từ 7h30-11h30, chiều từ 13h30-17h.",
    "Xe mang biển số 51F-123.45 bị giữ; lô đất số 12/3 tại khu phố 4.",
    "Tầng 5/12 của tòa nhà bị cháy.",
    "Quy định số 08-QĐi/TW và Hướng dẫn 02-HD/TW được quán triệt.",
    "Mỗi ngày có 10-12 chuyến xe, giá vé 56,5-57 nghìn đồng.",
    "Bị cáo bị tuyên phạt 5 năm tù; hợp đồng có thời hạn 2 năm.",  # bare years counted before by nothing
)


def _span_parts(value: str) -> tuple[str, str] | None:
    lo, sep, hi = value.partition("/")
    return (lo, hi) if sep and hi != ".." else None


def forms_of(value: str, published: dt.date | None) -> Iterator[tuple[str, str]]:
    """(form name, text) for every way the press writes this value; yearless forms only when the
    publication date anchors them to this year."""
    same_year = published is not None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        yield "day-slash", f"ngày {d}/{mo}/{y}"
        yield "day-slash0", f"ngày {d:02d}/{mo:02d}/{y}"
        yield "day-dash", f"ngày {d}-{mo}-{y}"
        yield "day-dot", f"ngày {d:02d}.{mo:02d}.{y}"
        yield "day-words", f"ngày {d} tháng {mo} năm {y}"
        yield "day-spaced", f"ngày {d} / {mo} / {y}"
        yield "day-bare", f"{d}/{mo}/{y}"
        weekday = WEEKDAYS[dt.date(y, mo, d).weekday()]
        yield "day-weekday", f"({weekday}, {d}/{mo}/{y})"
        yield "day-weekday-ngay", f"{weekday.lower()}, ngày {d}/{mo}/{y}"
        yield "day-upper", f"NGÀY {d}/{mo}/{y}"  # headlines in capitals
        yield "day-endash", f"ngày {d}–{mo}–{y}"  # dashes set as en dashes, unspaced
        yield "day-clock", f"lúc 7h30 ngày {d}/{mo}/{y}"  # a time of day before it: the date part scores
        yield "day-clock-words", f"lúc 14 giờ 30 phút, ngày {d} tháng {mo} năm {y}"
        yield "day-sang", f"sáng {d}/{mo}/{y}"
        yield "day-weekday-after", f"ngày {d}/{mo}/{y} ({weekday.lower()})"
        if same_year and published and abs((dt.date(y, mo, d) - published).days) < 150:
            yield "yl-slash", f"ngày {d}/{mo}"
            yield "yl-slash0", f"ngày {d:02d}/{mo:02d}"
            yield "yl-dash", f"ngày {d}-{mo}"
            yield "yl-dot", f"ngày {d}.{mo}"
            yield "yl-words", f"ngày {d} tháng {mo}"
            yield "yl-sang", f"sáng {d}/{mo}"
            yield "yl-weekday", f"({weekday}, {d}/{mo})"
            yield "yl-weekday-ngay", f"{weekday.lower()}, ngày {d}/{mo}"
            yield "yl-weekday-bare", f"{weekday}, {d}/{mo}"
            yield "yl-weekday-paren", f"{weekday.lower()} ({d}/{mo})"
            yield "yl-clock", f"lúc 7h30 ngày {d}/{mo}"
            yield "yl-clock-sang", f"8 giờ sáng {d}-{mo}"
            # a day's proper name, capitalised, with its day in brackets or after it (session 21)
            yield "yl-named-paren", f"nhân Ngày Môi trường thế giới ({d}-{mo})"
            yield "yl-named-dash", f"hưởng ứng Ngày Môi trường thế giới {d}-{mo}"
        return
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        yield "month-slash", f"tháng {mo}/{y}"
        yield "month-slash0", f"tháng {mo:02d}/{y}"
        yield "month-dash", f"tháng {mo}-{y}"
        yield "month-words", f"tháng {mo} năm {y}"
        yield "month-spaced", f"tháng {mo} / {y}"
        yield "month-dot", f"tháng {mo}.{y}"
        yield "month-late", f"cuối tháng {mo}/{y}"  # a part of a month is that month
        yield "month-mid", f"trung tuần tháng {mo}/{y}"
        yield "month-early", f"đầu tháng {mo} năm {y}"
        if same_year and published and published.year == y:
            yield "yl-month", f"tháng {mo}"
        return
    if re.fullmatch(r"\d{4}", value):
        yield "year", f"năm {value}"
        yield "year-late", f"cuối năm {value}"
        yield "year-early", f"đầu năm {value}"
        yield "year-in", f"trong năm {value}"
        # an event named by its month, its year after a slash or dash (session 24): the year is the date
        yield "named-month-slash", f"nhân kỷ niệm Cách mạng tháng 8/{value}"
        yield "named-month-dash", f"nhân kỷ niệm Tổng khởi nghĩa tháng 8-{value}"
        return
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", value)
    if m and m[1] == m[3]:
        y, a, b = int(m[1]), int(m[2]), int(m[4])
        if b - a == 2 and a % 3 == 1:
            q = (a - 1) // 3
            yield "quarter-roman", f"quý {ROMAN[q]}/{y}"
            yield "quarter-digit", f"quý {q + 1}/{y}"
            yield "quarter-roman-words", f"quý {ROMAN[q]} năm {y}"
            yield "quarter-digit-words", f"quý {q + 1} năm {y}"
            yield "quarter-dash", f"quý {ROMAN[q]}-{y}"
            yield "quarter-spaced", f"quý {ROMAN[q]} / {y}"
            yield "quarter-upper", f"QUÝ {ROMAN[q]}/{y}"
            yield "quarter-q", f"Q{q + 1}/{y}"  # business pages
            if published and published.year == y:
                yield "yl-quarter", f"quý {ROMAN[q]}"
        if a == 1:
            yield "part-first", f"{b} tháng đầu năm {y}"
            yield "part-plain", f"{b} tháng năm {y}"
            yield "part-upper", f"{b} THÁNG ĐẦU NĂM {y}"
            if published and published.year == y:
                yield "yl-part", f"{b} tháng đầu năm"
                yield "yl-part-nay", f"{b} tháng đầu năm nay"
            if published and published.year == y + 1:
                yield "yl-part-ngoai", f"{b} tháng đầu năm ngoái"
            if b == 6:
                yield "part-half", f"nửa đầu năm {y}"
                yield "part-quarters", f"2 quý đầu năm {y}"
                if published and published.year == y:
                    yield "yl-half-nay", "nửa đầu năm nay"
        elif b == 12:
            yield "part-last", f"{13 - a} tháng cuối năm {y}"
        else:
            yield "months-from-to", f"từ tháng {a} đến tháng {b} năm {y}"
            yield "months-dash", f"tháng {a}-{b}/{y}"
            yield "months-full", f"từ tháng {a}/{y} đến tháng {b}/{y}"
            # a modifier before the range ("Trong tháng 7-8", "cuối tháng 9-10"): the range, not its first
            # month (session 25)
            yield "months-within", f"trong tháng {a}-{b}/{y}"
            yield "months-late", f"cuối tháng {a}-{b} năm {y}"
            if published and published.year == y:
                yield "yl-months-within", f"trong tháng {a}-{b}"
        return
    m = re.fullmatch(r"(\d{4})/(\d{4})", value)
    if m:
        a, b = m[1], m[2]
        yield "years-dash", f"giai đoạn {a}-{b}"
        yield "years-spaced", f"giai đoạn {a} - {b}"
        yield "years-endash", f"giai đoạn {a} – {b}"
        yield "years-from-to", f"từ năm {a} đến năm {b}"
        yield "years-bare-to", f"từ {a} đến {b}"
        if int(a) % 10 == 0 and int(b) == int(a) + 9 and 1930 <= int(a) <= 1990:
            # a decade written by its tens (session 24)
            yield "decade-tens", f"thập niên {int(a) % 100}"
            yield "decade-tens-century", f"những năm {int(a) % 100} của thế kỷ trước"
        if int(b) == int(a) + 1:  # a school year runs over two calendar years
            yield "school-year", f"năm học {a}-{b}"
            yield "school-year-spaced", f"năm học {a} - {b}"
        if published and published.year == int(b) and int(b) - int(a) == 5:
            # the term a dated article looks back on, naming none: the one ending in its year (session 24)
            yield "term-past", "nhiệm kỳ vừa qua"
        return
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)/(\d{4})-(\d\d)-(\d\d)", value)
    if m and m[1] == m[4]:
        # two days with their months, as each paper's style writes them ("17.10 - 18.11.2021")
        y, a, ma, b, mb = int(m[1]), int(m[3]), int(m[2]), int(m[6]), int(m[5])
        yield "pair-slash", f"{a}/{ma} - {b}/{mb}/{y}"
        yield "pair-slash-to", f"từ {a}/{ma} đến {b}/{mb}/{y}"
        yield "pair-dash", f"{a}-{ma} - {b}-{mb}-{y}"
        yield "pair-dot", f"{a}.{ma} - {b}.{mb}.{y}"
        yield "pair-dot-tight", f"({a}.{ma}-{b}.{mb}.{y})"
        yield "pair-dot-to", f"từ {a}.{ma} đến {b}.{mb}.{y}"
        yield "pair-words", f"từ ngày {a} tháng {ma} đến ngày {b} tháng {mb} năm {y}"
    if m and m[1] == m[4] and m[2] == m[5]:
        y, mo, a, b = int(m[1]), int(m[2]), int(m[3]), int(m[6])
        yield "span-to", f"từ ngày {a} đến {b}/{mo}/{y}"
        yield "span-dash", f"từ ngày {a}-{b}/{mo}/{y}"
        yield "span-spaced", f"ngày {a} - {b}/{mo}/{y}"
        yield "span-full", f"từ {a}/{mo} đến {b}/{mo}/{y}"
        yield "span-full-ngay", f"từ ngày {a}/{mo}/{y} đến ngày {b}/{mo}/{y}"
        yield "span-words", f"từ ngày {a} đến ngày {b} tháng {mo} năm {y}"
        yield "span-dashstyle", f"từ ngày {a} đến {b}-{mo}-{y}"
        yield "span-bare", f"{a}-{b}/{mo}/{y}"
        yield "span-dot", f"từ ngày {a} đến {b}.{mo}.{y}"
        if b == a + 1:  # two days in a row, listed
            yield "span-and", f"ngày {a} và {b}/{mo}/{y}"
        if b == a + 2:
            yield "span-list", f"các ngày {a}, {a + 1} và {b}/{mo}/{y}"
        if published and abs((dt.date(y, mo, a) - published).days) < 150:
            yield "yl-span-to", f"từ ngày {a} đến {b}/{mo}"
            yield "yl-span-dash", f"ngày {a}-{b}/{mo}"
            yield "yl-span-full", f"từ {a}/{mo} đến {b}/{mo}"
            yield "yl-span-spaced", f"ngày {a} - {b}/{mo}"
        return
    m = re.fullmatch(r"(\d{4})/\.\.", value)
    if m:
        yield "since-year", f"từ năm {m[1]} đến nay"
        yield "since-year-bare", f"từ {m[1]} đến nay"
        yield "since-year-toi", f"từ năm {m[1]} tới nay"
        return
    m = re.fullmatch(r"(\d{4})-(\d\d)/\.\.", value)
    if m:
        yield "since-month", f"từ tháng {int(m[2])}/{m[1]} đến nay"
        if m[2] == "01":
            yield "since-year-start", f"từ đầu năm {m[1]} đến nay"


def again_forms(value: str) -> Iterator[tuple[str, str, str]]:
    """(form name, the period with its year, the same period without it) for a quarter or the first
    months of a year: an undated article writes it once with its year and again without it, and its
    latest year is a deadline's (AGAIN), so only the period written before can date the bare one."""
    m = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", value)
    if not m or m[1] != m[3]:
        return
    y, a, b = int(m[1]), int(m[2]), int(m[4])
    if b - a == 2 and a % 3 == 1:
        yield "again-quarter", f"quý {ROMAN[(a - 1) // 3]}/{y}", f"quý {ROMAN[(a - 1) // 3]}"
    if a == 1:
        yield "again-part", f"{b} tháng đầu năm {y}", f"{b} tháng đầu năm"


def again_years(value: str) -> Iterator[tuple[str, str, str]]:
    """(form name, N years counted back with their period, the same N years bare) for a span of years:
    an undated article counts "N năm thực hiện (a-b)" once, then says "N năm" again (session 24)."""
    m = re.fullmatch(r"(\d{4})/(\d{4})", value)
    if m and 2 <= int(m[2]) - int(m[1]) <= 99:
        n = int(m[2]) - int(m[1])
        yield "again-years", f"{n} năm thực hiện Nghị quyết ({m[1]} - {m[2]})", f"{n} năm"


# an undated article's frame for AGAIN forms: the period with its year, then the sentence with it bare,
# then a deadline in the next year (the article's latest day, which must not date the bare period)
AGAIN = "Hội nghị đánh giá kết quả {FULL}. {OWN} Các đơn vị gửi báo cáo trước ngày 30/6/{NEXT}."


def _values(sentence: str, published: str | None) -> list[str]:
    doc = build_document(text=sentence, published=published)
    return [str(d["value"]).split("T")[0] for d in extract(doc).get("dates", [])]


def judge(before: list[str], after: list[str], target: str) -> str:
    """How the dates of the re-written sentence compare with those of the sentence as written."""
    lost, gained = Counter(before) - Counter(after), Counter(after) - Counter(before)
    if not lost and not gained:
        return "same"
    if target in lost:
        return "other" if gained else "missed"
    return "extra" if gained else "missed"


def found_dates(paths: list[str]) -> list[tuple[str, str, str, str, str | None]]:
    """(file stem, value, text, its sentence with {X} for the text, publication date) for each gold
    date vnie finds with the right value, once per value and form of text."""
    out: dict[tuple[str, str], tuple[str, str, str, str, str | None]] = {}
    for path in paths:
        for gold, doc in gold_documents(path):
            body = doc.segment("text")
            if body is None:
                continue
            text = normalize_text(body.text)
            mine = {(str(d["value"]).split("T")[0], d["text"]) for d in extract(doc).get("dates", [])
                    if d.get("field") == "text"}
            for item in gold.get("dates", []):
                value, written = str(item["value"]).split("T")[0], normalize_text(item.get("text", ""))
                if (value, written) not in mine or (value, written) in out:
                    continue
                at = text.find(written)
                if at < 0:
                    continue
                start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
                stops = [i for i in (text.find(". ", at + len(written)), text.find("\n", at)) if i >= 0]
                end = min(stops) + 1 if stops else len(text)
                sentence = text[start:end].strip()
                out[value, written] = (Path(path).stem, value, written, sentence.replace(written, "{X}", 1),
                                       gold.get("published") or None)
    return list(out.values())


def run(paths: list[str], want: Callable[[str], bool], details: bool) -> int:
    """Print the per-form table (and every wrong case when asked)."""
    dates = found_dates(paths)
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    wrong: list[str] = []
    for stem, value, written, own, published in dates:
        anchor = dt.date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
        own_before = _values(own.replace("{X}", written), published)
        for form, text in forms_of(value, anchor):
            if not want(form):
                continue
            framed = (("neutral", NEUTRAL.replace("{X}", text)), ("own", own.replace("{X}", text)))
            for frame, sentence in framed:
                if frame == "own" and value not in own_before:
                    continue  # the sentence alone does not date it: the article's context did
                before = [value] if frame == "neutral" else own_before
                after = _values(sentence, published)
                kind = judge(before, after, value)
                table[form, frame][kind] += 1
                if kind != "same":
                    files[form, frame].add(stem)
                    wrong.append(f"  {form:20} {frame:7} {kind:6} {stem:22} {value:24} "
                                 f"{sentence!r} -> {after}")
    for stem, value, written, own, _ in dates:
        # N years said again where the article counted N years ("5 năm qua"), not in a term's place
        counted = again_years(value) if re.search(r"\d+\s+năm", written, re.I) else ()
        for form, full, bare in itertools.chain(again_forms(value), counted):
            if not want(form):
                continue
            frame = AGAIN.replace("{FULL}", full).replace("{NEXT}", str(int(value[:4]) + 1))
            # N years said again are measured against their period written out, one date as they are
            written = f"giai đoạn {value.replace('/', ' - ')}" if form == "again-years" else full
            before = _values(frame.replace("{OWN}", own.replace("{X}", written)), None)
            if before.count(value) < 2:
                continue  # the sentence alone does not date it: the article's context did
            after = _values(frame.replace("{OWN}", own.replace("{X}", bare)), None)
            kind = judge(before, after, value)
            table[form, "again"][kind] += 1
            if kind != "same":
                files[form, "again"].add(stem)
                wrong.append(f"  {form:20} {'again':7} {kind:6} {stem:22} {value:24} "
                             f"{bare!r} in {own!r} -> {after}")
    negatives: Counter[str] = Counter()
    for sentence in NEGATIVES:
        after = _values(sentence, "2021-06-15")
        negatives["extra" if after else "same"] += 1
        if after:
            wrong.append(f"  {'negative':20} {'':7} extra  {'':22} {'':24} {sentence!r} -> {after}")
    half = "test" if any("-test" in p for p in paths) else "dev"
    print(f"{len(dates)} dates vnie finds exactly, from {len({d[0] for d in dates})} {half} files")
    print(f"{'form':22} {'frame':7} " + " ".join(f"{k:>6}" for k in KINDS) + "  files")
    for form, frame in sorted(table):
        row = table[form, frame]
        cells = " ".join(f"{row[k]:6d}" for k in KINDS)
        print(f"{form:22} {frame:7} {cells}  {len(files[form, frame])}")
    print(f"{'negatives':22} {'':7} {negatives['same']:6d} {0:6d} {0:6d} {negatives['extra']:6d}")
    if details:
        print("\n".join(wrong))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--form", action="append", help="only forms whose name starts with this")
    parser.add_argument("--details", action="store_true", help="print every case a form gets wrong")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]
    prefixes = tuple(args.form or ())
    return run(paths, lambda f: not prefixes or f.startswith(prefixes), args.details)


if __name__ == "__main__":
    raise SystemExit(main())
