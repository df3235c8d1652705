"""Self-supervised audit of places: places vnie already finds, written again in the forms unseen pages
use, and names that are no place of their own put where a place stands.

Takes the gold places of the extraction-dev passages that vnie finds exactly there (with their gold
level), writes each into short texts and checks that one place entry of the extractor's output has a
mention exactly at the expected span, with the expected name (the administrative word dropped) and level:
- lower / capital / upper: after its administrative word in lower case mid-sentence, capitalised at a
  sentence start, and in a headline written in capitals ("HUYỆN TIỀN HẢI");
- city: a centrally-run city or a district-level city after "TP.", "TP", "Tp", "Tp.", "T.P", "Thành phố";
- alone: named alone after a first mention with its administrative word;
- list: three communes or districts of the passages after "các xã" / "các huyện": each a place;
- cue: a province's name after a cue word ("sân bay", "cảng", "bến xe", "khu công nghiệp", "KCN",
  "khu du lịch"): the cue and name as one place of level "other";
- abroad: a town and its state abroad, both unknown to the gazetteer, before a gold country
  ("ở Zapopan, Jalisco, Mexico"): each a place of level "other";
- cue-qualified: the same after a cue and "quốc tế" in either case ("Sân bay Quốc tế Đà Nẵng",
  "Cửa khẩu Quốc tế Cầu Treo"), the qualifier kept in the name;
- island: a district or commune after the word of an island unit ("huyện đảo Tiền Hải", "xã đảo Tân
  Thiềng"): the unit at its level, named without both words (not the island "đảo Tiền Hải");
- numbered: "quận 3", "Quận 10", "phường 12"; regions and roads ("QL1A", "quốc lộ 14") as written;
- dateline: a province or country of two words or more in capitals opening a paragraph before a dash;
- tag: a village after "Thôn" behind an outlet's tag and dash ("QTO - Thôn Văn Hùng có ...");
- hamlet-number: a commune's name of two words or more written as a hamlet with a number ("ấp Tân Thiềng
  2, ...", "thôn Tân Thiềng 3 với ...", "Làng Tân Thiềng 1 có ..."): the number is part of the name
  (level "other"); counted: the number counts the next noun ("Thôn Tân Thiềng 3 năm liền ..."): the
  hamlet's name without it;
- cue-capital: a province's name after a capitalised cue of nature ("Đảo", "Vịnh", "Núi", "Sông",
  "Đèo") mid-sentence or opening one: the cue and name as one place of level "other".
Negatives (`false`): a person vnie finds, written after "ông" (no place may cover it); a person's name
after "đường" (a street: the place, and no person there); an organisation vnie finds whose name holds a
place ("Công an tỉnh Thái Bình"): no place entry may hold a mention inside it.

    PYTHONPATH=$PWD python bench/place_audit.py [--details]

Reads every extraction-dev file by default; the score-only `-test` files only with `--test-half` alone
(pooled rows, no file named, no `--details`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from org_extent_audit import _surface, found_names  # noqa: E402

from bench.frame_audits import print_form_rows  # noqa: E402
from bench.halves import add_test_half, audit_paths  # noqa: E402
from pipeline.evaluate import _name, gold_documents  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.extract.gazetteer import gazetteer, place_key  # noqa: E402
from pipeline.ingest.decode import normalize_text  # noqa: E402

ADMIN = {"province": "tỉnh", "district": "huyện", "commune": "xã"}
PLURAL = {"district": "huyện", "commune": "xã"}
ISLAND = {"district": "huyện đảo", "commune": "xã đảo"}  # an island unit's word (`island`)
CITY_FORMS = ("TP. {X}", "TP {X}", "Tp {X}", "Tp. {X}", "T.P {X}", "Thành phố {X}", "thành phố {X}",
              "Thành Phố {X}")
CUES = ("sân bay", "cảng", "bến xe", "khu công nghiệp", "KCN", "khu du lịch")
# a cue with "quốc tế" (international) between it and the name, in either case (`cue-qualified`)
QUALIFIED_CUES = ("Sân bay Quốc tế", "sân bay Quốc tế", "Cảng hàng không Quốc tế", "Cửa khẩu Quốc tế",
                  "cửa khẩu quốc tế")
FIXED = {  # written form -> (expected name, level)
    "quận 3": ("Quận 3", "district"), "Quận 10": ("Quận 10", "district"),
    "phường 12": ("Phường 12", "commune"), "miền Bắc": ("miền Bắc", "other"),
    "miền Trung": ("miền Trung", "other"), "Tây Nguyên": ("Tây Nguyên", "other"),
    "Đồng bằng sông Cửu Long": ("Đồng bằng sông Cửu Long", "other"),
    "đồng bằng sông Cửu Long": ("đồng bằng sông Cửu Long", "other"),
    "quốc lộ 14": ("quốc lộ 14", "other"), "QL1A": ("QL1A", "other"), "QL 14": ("QL 14", "other"),
    "cao tốc Bắc - Nam": ("cao tốc Bắc - Nam", "other"),
    "cầu Mỹ Thuận": ("cầu Mỹ Thuận", "other"), "bến xe Miền Đông": ("bến xe Miền Đông", "other"),
    "Bắc Trung Bộ": ("Bắc Trung Bộ", "other"), "ĐBSCL": ("ĐBSCL", "other"),
    "thành phố New York": ("New York", "other"), "Bắc Kinh": ("Bắc Kinh", "other"),
}
# "các quận 1, 3 và 5": each number listed after a plural numbered word (written, name, level)
NUMBERED_LIST = ("Năm nay, các quận 1, 3 và 5 đã hoàn thành kế hoạch.",
                 (("quận 1", "Quận 1"), ("3", "Quận 3"), ("5", "Quận 5")), "district")
SENTENCE = "Hôm qua, đoàn công tác đã đến {S} để kiểm tra tình hình sản xuất."
# an outlet's tag and dash opening the first paragraph, before a capitalised village word (`tag`)
TAGS = ("QTO - ", "(HNMO) - ", "VOV.VN – ", "(Dân trí) - ")
TAGGED = "Tin tức trong tỉnh\n{T}Thôn {X} có 143 hộ, 737 nhân khẩu."
TAGGED_NAMES = 40  # people's given names (two syllables, no place the gazetteer knows) named as villages
# a town and its state abroad before a gold country (`abroad`): both places, level other
ABROAD = (("Zapopan", "Jalisco"), ("Encino", "California"), ("Bandra", "Maharashtra"))
ABROAD_FORM = "Bà sinh ra ở {T}, {S}, {C} và chuyển về nước năm 2010."
# a hamlet with a number after it (`hamlet-number`), and a number that counts the next noun (`counted`)
HAMLET_NUMBERED = ("Hộ ông Sáu ở ấp {X} 2, cách trung tâm 5 km.", "Năm nay, thôn {X} 3 với 120 hộ đạt chuẩn.",
                   "Làng {X} 1 có 300 hộ dân.")
HAMLET_COUNTED = "Thôn {X} 3 năm liền đạt danh hiệu văn hóa."
CAPITAL_CUES = ("Đảo", "Vịnh", "Núi", "Sông", "Đèo")  # capitalised cues of nature (`cue-capital`)
CAPITAL_CUE_FORMS = ("Du khách đã đến {S} vào sáng nay.", "{S} đón nhiều du khách trong dịp lễ.")
# a province or country of two words or more in capitals as a paragraph's dateline (`dateline`)
DATELINES = ("{X} – Sáng 5-4, hội nghị đã diễn ra tại trụ sở.", "{X} - Hội nghị đã diễn ra.")


def found_places(paths: list[str]) -> list[tuple[str, str]]:
    """(surface name, gold level) for each gold place vnie finds in its passage with that level."""
    out: dict[str, tuple[str, str]] = {}
    for path in paths:
        for gold, doc in gold_documents(path):
            text = normalize_text("\n".join(s.text for s in doc.segments))
            mine = {_name(x): x.get("level") for x in extract(doc).get("locations", [])}
            for item in gold.get("locations", []):
                if not isinstance(item, dict):
                    continue
                key, level = _name(item), item.get("level")
                surface = _surface(text, normalize_text(item.get("name", "")))
                if surface and surface.isupper() and all(w.isalpha() for w in surface.split(" ")):
                    # found in a line in capitals ("HUYỆN THUẬN CHÂU"): framed as prose writes it
                    surface = " ".join(w[:1] + w[1:].lower() for w in surface.split(" "))
                if surface and mine.get(key) == level and key not in out:
                    out[key] = (surface, level)
    return list(out.values())


def places_at(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, level) of each place mention the extractor finds in the text."""
    found = []
    for entry in extract(build_document(text)).get("locations", []):
        for mention in entry.get("mentions", []):
            if mention.get("field") == "text":
                found.append((mention["start"], mention["end"], entry["name"], entry.get("level")))
    return found


def people_at(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person mention the extractor finds in the text."""
    return [(m["start"], m["end"]) for e in extract(build_document(text)).get("people", [])
            for m in e.get("mentions", []) if m.get("field") == "text"]


def judge(text: str, written: str, name: str, level: str, after: int = 0) -> str:
    """"ok" when a place mention sits exactly on `written` (from `after` on) with the name and level;
    else what went wrong: missed, extent, name or level."""
    at = text.find(written, after)
    span = (at, at + len(written))
    best = "missed"
    for start, end, got, got_level in places_at(text):
        if (start, end) == span:
            if place_key(got) != place_key(name):
                best = "name"
            elif got_level != level:
                best = "level"
            else:
                return "ok"
        elif start < span[1] and end > span[0] and best == "missed":
            best = "extent"
    return best


def _a_name(surface: str) -> bool:
    """Is every word of the surface a capitalised word of letters ("Tân Thiềng"; not "TP.HCM", "Phường 1")?"""
    return all(word[:1].isupper() and word[1:].islower() and word.isalpha() for word in surface.split(" "))


def positive_cases(places: list[tuple[str, str]]) -> list[tuple[str, str, str, str, str, int]]:
    """(form, text, written, name, level, after) for each positive frame of each found place."""
    gaz = gazetteer()
    cases: list[tuple[str, str, str, str, str, int]] = []
    for surface, level in places:
        admin = ADMIN.get(level)
        if admin:
            written = f"{admin} {surface}"
            cases.append(("lower", SENTENCE.replace("{S}", written), written, surface, level, 0))
            head = f"{admin.capitalize()} {surface} đạt kết quả tốt trong năm qua."
            cases.append(("capital", head, head[:len(written)], surface, level, 0))
            upper = f"{written.upper()}: HỘI NGHỊ TỔNG KẾT NĂM\nHôm qua, hội nghị đã diễn ra."
            cases.append(("upper", upper, written.upper(), surface, level, 0))
            first = f"Hôm qua, {written} tổ chức hội nghị. "
            cases.append(("alone", first + f"Tại {surface}, nhiều mô hình mới đã ra đời.",
                          surface, surface, level, len(first)))
        if level in ISLAND:
            written = f"{ISLAND[level]} {surface}"
            cases.append(("island", SENTENCE.replace("{S}", written), written, surface, level, 0))
        key = place_key(surface)
        city = (level == "province" and key in gaz.province_cities) or (
            level == "district" and "thành phố" in gaz.district_kinds.get(key, set()))
        if city:
            for form in CITY_FORMS:
                written = form.replace("{X}", surface)
                cases.append(("city", SENTENCE.replace("{S}", written), written, surface, level, 0))
        if level == "country":
            written = surface
            cases.append(("country", f"Sản phẩm được xuất khẩu sang {surface} và nhiều nước khác.",
                          written, surface, level, 0))
            for town, state in ABROAD if key != "việt nam" else ():  # Vietnam's own need their word
                text = ABROAD_FORM.replace("{T}", town).replace("{S}", state).replace("{C}", surface)
                cases.extend(("abroad", text, name, name, "other", 0) for name in (town, state))
        if level == "province":
            for cue in CUES:
                written = f"{cue} {surface}"
                cases.append(("cue", SENTENCE.replace("{S}", written), written, written, "other", 0))
            for cue in QUALIFIED_CUES:
                written = f"{cue} {surface}"
                text = SENTENCE.replace("{S}", written)
                cases.append(("cue-qualified", text, written, written, "other", 0))
            for cue in CAPITAL_CUES if _a_name(surface) else ():
                written = f"{cue} {surface}"
                cases.extend(("cue-capital", form.replace("{S}", written), written, written, "other", 0)
                             for form in CAPITAL_CUE_FORMS)
        if level == "commune" and " " in surface and _a_name(surface):
            for form in HAMLET_NUMBERED:
                before, after = form.split("{X}")
                name = f"{surface} {after.split()[0].strip(',')}"  # "Tân Thiềng 2"
                written = f"{before.split()[-1]} {name}"  # "ấp Tân Thiềng 2"
                cases.append(("hamlet-number", form.replace("{X}", surface), written, name, "other", 0))
            text = HAMLET_COUNTED.replace("{X}", surface)
            cases.append(("counted", text, f"Thôn {surface}", surface, "other", 0))
    for level, admin in PLURAL.items():
        names = [s for s, lv in places if lv == level and len(s.split()) == 2]
        for i in range(0, len(names) - 2, 3):
            a, b, c = names[i:i + 3]
            text = f"Năm nay, các {admin} {a}, {b} và {c} đã hoàn thành kế hoạch."
            cases.append(("list", text, f"{admin} {a}", a, level, 0))
            cases.extend(("list", text, n, n, level, 0) for n in (b, c))
    for surface, level in places:
        if level in ("province", "country") and " " in surface and surface.replace(" ", "").isalpha():
            for form in DATELINES:
                text = form.replace("{X}", surface.upper())
                cases.append(("dateline", text, surface.upper(), surface, level, 0))
    for written, (name, level) in FIXED.items():
        cases.append(("fixed", SENTENCE.replace("{S}", written), written, name, level, 0))
    address = "Trụ sở ở số 10 Lê Lợi, P. 7, Q.3, TP.HCM."  # abbreviations name units in an address only
    cases.append(("fixed", address, "P. 7", "Phường 7", "commune", 0))
    cases.append(("fixed", address, "Q.3", "Quận 3", "district", 0))
    text, items, level = NUMBERED_LIST
    cases.extend(("fixed", text, written, name, level, text.index(written)) for written, name in items)
    return cases


def tagged_cases(paths: list[str]) -> list[tuple[str, str, str, str, str, int]]:
    """(form, text, written, name, level, after): a village named by the last two syllables of a
    person vnie finds, after "Thôn" capitalised behind an outlet's tag and dash."""
    gaz = gazetteer()
    names = []
    for _stem, person in found_names(paths, "people"):
        words = person.split()
        given = " ".join(words[-2:])
        if len(words) >= 3 and not gaz.level_of(given) and given not in names:
            names.append(given)
    cases = []
    for given in names[:TAGGED_NAMES]:
        for tag in TAGS:
            text = TAGGED.replace("{T}", tag).replace("{X}", given)
            cases.append(("tag", text, f"Thôn {given}", given, "other", 0))
    return cases


def negative_cases(paths: list[str]) -> list[tuple[str, str, str, int]]:
    """(form, text, written, how) for names where no place (or no person) may stand."""
    cases: list[tuple[str, str, str, int]] = []
    for _stem, person in found_names(paths, "people"):
        if len(person.split()) >= 3:
            cases.append(("person", f"Ông {person} phát biểu tại hội nghị.", person, 0))
            cases.append(("street", f"Trụ sở mới nằm trên đường {person}, gần chợ.", f"đường {person}", 1))
    for _stem, org in found_names(paths):
        if any(f" {w} " in f" {org} " for w in ("tỉnh", "huyện", "xã", "thành phố", "quận", "phường")):
            cases.append(("org", f"Hôm qua, {org} đã tổ chức hội nghị tổng kết.", org, 2))
    return cases


def judge_negative(text: str, written: str, how: int) -> bool:
    """Is the negative frame read right? person: no place over it; street: the place, no person;
    org: no place mention inside the organisation's name."""
    at = text.find(written)
    span = (at, at + len(written))
    places = places_at(text)
    if how == 0:
        return not any(s < span[1] and e > span[0] for s, e, _n, _l in places)
    if how == 1:
        placed = any((s, e) == span for s, e, _n, _l in places)
        return placed and not any(s >= span[0] and e <= span[1] for s, e in people_at(text))
    return not any(s >= span[0] and e <= span[1] for s, e, _n, _l in places)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", help="extraction-dev files (default: every dev file)")
    parser.add_argument("--details", action="store_true", help="print each failure")
    add_test_half(parser)
    args = parser.parse_args()
    paths = [str(p) for p in audit_paths(parser, "extraction", args.gold, args.test_half, args.details)]
    results: Counter[tuple[str, str]] = Counter()
    details: list[str] = []
    for form, text, written, name, level, after in positive_cases(found_places(paths)) + tagged_cases(paths):
        verdict = judge(text, written, name, level, after)
        results[(form, verdict)] += 1
        if verdict != "ok" and args.details:
            details.append(f"{form:8} {verdict:7} {written!r} [{level}]  in: {text[:90]}")
    for form, text, written, how in negative_cases(paths):
        ok = judge_negative(text, written, how)
        results[(f"not-{form}", "ok" if ok else "wrong")] += 1
        if not ok and args.details:
            details.append(f"not-{form:4} wrong   {written!r}  in: {text[:90]}")
    print("form           ok/all     share   failures")
    print_form_rows(results, 14)
    if details:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
