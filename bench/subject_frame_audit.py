"""Self-supervised audit of figure subjects: sentences whose subject vnie gets right, re-framed.

Takes the matched figures of the extraction-dev passages whose gold subject is named in the figure's
own sentence before the figure and whose vnie subject agrees with it, runs the extractor on that
sentence alone (`alone`, the control) and on re-framings that keep whose figure it is:

- `fronted-place`: a venue fronted before the sentence ("Tại xã Tân Phú, ...");
- `appended-place`: a place after the figure's text ("... 500 hộ ở xã Tân Phú ...");
- `other-before`: a sentence naming another body before it in the paragraph;
- `other-two-before`: as `other-before`, the figure's sentence the paragraph's third, after two
  sentences naming other bodies, the second with a figure of its own;
- `moved-parts`: as `moved-before`, the subject's sentence giving a figure of its own and one of a
  part of it named after it ("{S} có 3 mô hình; trong đó, Hội Nông dân xã Tân Phú có 2 mô hình.
  Theo đó, ..."): the sentence's actor is what the paragraph goes on with, not its part;
- `moved-rivals`: as `moved-parts`, the two side by side with no breakdown opener, the subject named
  last ("Hội Nông dân xã Tân Phú có 3 mô hình; {S} có 2 mô hình. Theo đó, ..."): the carry stays
  with the party named last (guards against carrying a sentence's first party);
- `moved-before`: the subject opening the sentence moved to a sentence before it, the figure's
  sentence going on with "Theo đó, ..." (only where the subject opens its sentence);
- `object-place`: a place qualifying a noun of the subject's predicate before the figure ("{S} trao
  quà cho hộ nghèo xã Tân Phú và kết nạp 50 đảng viên");
- `object-owner`: the place owning that noun ("{S} trao quà cho hộ nghèo của xã Tân Phú và ...");
- `object-place-clause`: the place qualifying the noun, the predicate going on after a semicolon
  in a clause opening on its verb ("{S} trao quà cho hộ nghèo xã Tân Phú; kết nạp 50 đảng viên");
- `moved-lead`: the subject moved to a lead paragraph of its own, the figure's sentence opening the
  next paragraph with "Theo đó, ..." (the article's topic decides);
- `moved-lead-purpose`: as `moved-lead`, the lead opening on a verb whose object is another body
  ("Hưởng ứng phong trào thi đua của Trung ương Hội Nông dân Việt Nam, {S} đã nỗ lực ...");
- `moved-lead-kin`: as `moved-lead`, the lead opening on a phrase that is no verb by its usual class
  whose object is a body of the subject's own kind ("Hướng tới kỷ niệm ngày thành lập Hội Nông dân
  Việt Nam, {S} đã nỗ lực ...");
- `moved-lead-address`: as `moved-lead`, the lead a headline-like phrase on a verb naming the
  subject with a place after its comma going on to a venue ("Báo cáo của {S}, xã Tân Phú tại hội
  nghị sơ kết.": the place is the subject's address, no actor);
- `moved-object-place`, `moved-object-owner`: the subject moved to a sentence before and the
  figure's sentence opening on its verb with the place in its predicate ("{S} đã nỗ lực vượt khó
  ... Theo đó, trao quà cho hộ nghèo (của) xã Tân Phú và kết nạp 50 đảng viên");
- `short-form`: a body whose name ends on its place ("Hội Nông dân xã Tân Phú") named at its full
  name in a sentence before, the figure's sentence writing it with the place left open ("Hội Nông
  dân xã"): the subject must be the full name (`strict`: the short form alone is not kept);
- `short-form-lead`: as `short-form`, the full name in a lead paragraph of its own;
- `short-form-capital`: as `short-form`, the level word of the short form capitalised as an office
  writes its own unit ("Hội Nông dân Xã", "UBND Thành phố").
- `short-form-place`: as `short-form`, the sentence before naming not the subject but another body
  of its place ("UBND xã Tân Phú tổ chức hội nghị sơ kết. Hội Nông dân xã kết nạp ..."): the one
  place of that level the article names completes the short form.
- `listed-places-clause`: the subject opening the sentence, its predicate listing places, the figure
  opening the clause after a semicolon with no name of its own ("{S} đã tổ chức hội nghị tại xã Tân
  Phú, xã Tân An và thị trấn Phú Lộc; 50 đảng viên mới."): the actor's, not the last place's;
- `list-label`: the subject (a name) a later item's label of a list right before its figure ("Nhiều
  đơn vị có kết quả cao như: Hội Nông dân xã Tân Phú đạt 7 đảng viên; {S} 50 đảng viên.");
- `list-label-linked`: as `list-label`, the label linked to its figure ("; {S} đạt 50 đảng viên.").
- `linked-topic`: the subject opening its clause linked straight to its figure by "đạt" ("{S} đạt 50
  đảng viên mới."; "khu vực dịch vụ đạt 9,99%"), where the figure's measure may read the subject in.

Per frame: kept (still agrees with the gold subject), changed (another subject), null, figure lost.

    PYTHONPATH=$PWD python bench/subject_frame_audit.py
    PYTHONPATH=$PWD python bench/subject_frame_audit.py --frame moved-before --details

The score-only `-test` files are scored only by `--test-half` alone (pooled rows, no details).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.frame_audits import FrameTally, frame_audit_args, verdict  # noqa: E402
from pipeline.evaluate import (  # noqa: E402
    _attribute_key,
    attribute_agrees,
    gold_documents,
    matched_figures,
)
from pipeline.extract import extract  # noqa: E402
from pipeline.extract.article_facts import PLACE_IN_NAME  # noqa: E402
from pipeline.extract.clauses import rules  # noqa: E402
from pipeline.extract.document import build_document  # noqa: E402
from pipeline.extract.org_rules import rules as org_rules  # noqa: E402

PLACE = "xã Tân Phú"
OTHER = "Hội Nông dân xã Tân Phú tổ chức hội nghị sơ kết."
OTHER_FIGURE = "UBND xã Tân Phú trao 20 suất quà cho hộ nghèo."  # another body's figure
PART = "Hội Nông dân xã Tân Phú"  # a part named after the subject in the subject's sentence
MOVED = "đã nỗ lực vượt khó trong thời gian qua. Theo đó,"  # the subject's own sentence, then a lead-in
# a fronted phrase opening on a verb, naming another body as its object ("Hưởng ứng ... của X, {S} ...")
PURPOSE = "Hưởng ứng phong trào thi đua của Trung ương Hội Nông dân Việt Nam,"
FRONTED = re.compile(r"^(?:[^,]{0,40},\s*)?")  # a short fronted phrase and its comma ("Năm 2020, ")


def _lower_first(text: str) -> str:
    """The sentence with its first letter lowered unless it opens a name (two capitals in a row)."""
    words = text.split(" ", 2)
    if len(words) > 1 and words[1][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def fronted_place(sentence: str, subject: str, figure: str) -> str | None:
    """A venue before a body's sentence; none before a place's (a commune fronted before a province
    contradicts it) or before a sentence opening on brackets or a speaker's source."""
    first = subject.split()[0].lower() if subject.split() else ""
    named_place = subject[:1].isupper() and not rules().has("body_heads", first) and len(subject.split()) <= 3
    if rules().has("place_words", first) or named_place:
        return None
    if sentence[:1] in "(“\"" or sentence.lower().startswith("theo"):
        return None
    return f"Tại {PLACE}, {_lower_first(sentence)}"


def appended_place(sentence: str, subject: str, figure: str) -> str | None:
    at = sentence.find(figure)
    if at < 0:
        return None
    end = at + len(figure)
    return f"{sentence[:end]} ở {PLACE}{sentence[end:]}"


def other_before(sentence: str, subject: str, figure: str) -> str | None:
    return f"{OTHER} {sentence}"


def other_two_before(sentence: str, subject: str, figure: str) -> str | None:
    return f"{OTHER} {OTHER_FIGURE} {sentence}"


def moved_parts(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> '{S} có 3 mô hình; trong đó, {part} có 2 mô hình. Theo đó,
    kết nạp 50 đảng viên.' when the subject opens the sentence."""
    opening = _opening_subject(sentence, subject, figure, lower_predicate=False)
    if opening is None:
        return None
    before, rest = opening
    return f"{before} có 3 mô hình điểm; trong đó, {PART} có 2 mô hình điểm. Theo đó, {rest}"


def moved_rivals(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> '{rival} có 3 mô hình; {S} có 2 mô hình. Theo đó, kết nạp 50
    đảng viên.' when the subject opens the sentence: side by side with no breakdown opener."""
    opening = _opening_subject(sentence, subject, figure, lower_predicate=False)
    if opening is None:
        return None
    before, rest = opening
    fronted = before[: len(before) - len(subject)]
    return f"{fronted}{PART} có 3 mô hình điểm; {subject} có 2 mô hình điểm. Theo đó, {rest}"


def moved_before(sentence: str, subject: str, figure: str) -> str | None:
    """'Năm 2020, {S} kết nạp 50 đảng viên.' -> 'Năm 2020, {S} đã nỗ lực vượt khó. Theo đó, kết nạp
    50 đảng viên.' when the subject opens the sentence (after at most a short fronted phrase)."""
    opening = _opening_subject(sentence, subject, figure, lower_predicate=False)
    if opening is None:
        return None
    before, rest = opening
    return f"{before} đã nỗ lực vượt khó trong thời gian qua. Theo đó, {rest}"


def _opening_subject(sentence: str, subject: str, figure: str,
                     lower_predicate: bool = True) -> tuple[str, str] | None:
    """(what comes before the subject with the subject, the predicate after it) when the subject
    opens the sentence (after at most a short fronted phrase) and the figure is in its predicate
    (which opens in lower case, unless `lower_predicate` is False)."""
    lead = FRONTED.match(sentence)
    start = lead.end() if lead else 0
    if not sentence[start:].startswith(subject):
        start = 0
        if not sentence.startswith(subject):
            return None
    rest = sentence[start + len(subject):].lstrip(" ,")
    if not rest or figure not in rest or (lower_predicate and not rest[:1].islower()):
        return None
    return sentence[: start + len(subject)], rest


def moved_lead(sentence: str, subject: str, figure: str, fronted: str = "") -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> '{S} đã nỗ lực vượt khó trong thời gian qua.\n\nTheo đó, kết
    nạp 50 đảng viên.': the subject named only in the lead paragraph, after `fronted` if given."""
    opening = _opening_subject(sentence, subject, figure, lower_predicate=False)
    if opening is None:
        return None
    before, rest = opening
    # a name keeps its capitals after the comma; only a common word opening the sentence is lowered
    named = before if before.startswith(subject) else _lower_first(before)
    lead = f"{fronted} {named}" if fronted else before
    return f"{lead} đã nỗ lực vượt khó trong thời gian qua.\n\nTheo đó, {rest}"


def moved_lead_purpose(sentence: str, subject: str, figure: str) -> str | None:
    """As `moved-lead`, the lead opening on a verb whose object is another body (`PURPOSE`)."""
    return moved_lead(sentence, subject, figure, PURPOSE)


def moved_lead_kin(sentence: str, subject: str, figure: str) -> str | None:
    """As `moved-lead`, the lead opening on "Hướng tới" (a noun by its usual class) whose object is
    the national body of the subject's kind: its name before its place ("Hội Nông dân huyện Tân
    Phú" -> "Hội Nông dân Việt Nam"); only for a body whose name ends on its place."""
    place = PLACE_IN_NAME.search(subject)
    kind = subject[: place.start()].strip() if place else ""
    if not kind or org_rules().head_re.match(kind.lower()) is None:
        return None
    return moved_lead(sentence, subject, figure, f"Hướng tới kỷ niệm ngày thành lập {kind} Việt Nam,")


def moved_lead_address(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> 'Báo cáo của {S}, xã Tân Phú tại hội nghị sơ kết.\n\nTheo
    đó, kết nạp 50 đảng viên.' (only for a body: a place's address would contradict it)."""
    opening = _opening_subject(sentence, subject, figure, lower_predicate=False)
    body = org_rules().head_re.match(subject.lower())
    if opening is None or not opening[0].startswith(subject) or body is None:
        return None
    return f"Báo cáo của {subject}, {PLACE} tại hội nghị sơ kết.\n\nTheo đó, {opening[1]}"


def object_place(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> '{S} trao quà cho hộ nghèo xã Tân Phú và kết nạp 50 đảng
    viên.': a place qualifying a noun of the actor's predicate, before the figure."""
    parts = _opening_subject(sentence, subject, figure)
    return f"{parts[0]} trao quà cho hộ nghèo {PLACE} và {parts[1]}" if parts else None


def object_owner(sentence: str, subject: str, figure: str) -> str | None:
    """As `object-place`, the place owning the noun ('trao quà cho hộ nghèo của xã Tân Phú và ...')."""
    parts = _opening_subject(sentence, subject, figure)
    return f"{parts[0]} trao quà cho hộ nghèo của {PLACE} và {parts[1]}" if parts else None


def object_place_clause(sentence: str, subject: str, figure: str) -> str | None:
    """As `object-place`, the predicate going on after a semicolon in a clause opening on its verb
    ('{S} trao quà cho hộ nghèo xã Tân Phú; kết nạp 50 đảng viên.')."""
    parts = _opening_subject(sentence, subject, figure)
    return f"{parts[0]} trao quà cho hộ nghèo {PLACE}; {parts[1]}" if parts else None


def moved_object_place(sentence: str, subject: str, figure: str) -> str | None:
    """`moved-before` with a place qualifying a noun of the predicate the next sentence opens on
    ('{S} đã nỗ lực ... Theo đó, trao quà cho hộ nghèo xã Tân Phú và kết nạp 50 đảng viên.')."""
    parts = _opening_subject(sentence, subject, figure)
    if not parts:
        return None
    return f"{parts[0]} {MOVED} trao quà cho hộ nghèo {PLACE} và {parts[1]}"


def moved_object_owner(sentence: str, subject: str, figure: str) -> str | None:
    """As `moved-object-place`, the place owning the noun ('... cho hộ nghèo của xã Tân Phú và ...')."""
    parts = _opening_subject(sentence, subject, figure)
    if not parts:
        return None
    return f"{parts[0]} {MOVED} trao quà cho hộ nghèo của {PLACE} và {parts[1]}"


def _short_form(sentence: str, subject: str, capital: bool = False) -> str | None:
    """The sentence writing the subject with its place left open ("Hội Nông dân xã Tân Phú" ->
    "Hội Nông dân xã", with `capital` "Hội Nông dân Xã"), when the subject ends on a level word and
    its place."""
    place = PLACE_IN_NAME.search(subject)
    if place is None or not subject[: place.start()].strip():
        return None
    level = place.group(1)
    return sentence.replace(subject, subject[: place.start()] + (level.capitalize() if capital else level), 1)


def short_form(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> '{S} tổ chức hội nghị sơ kết. {S short} kết nạp 50 đảng viên.'"""
    short = _short_form(sentence, subject)
    return f"{subject} tổ chức hội nghị sơ kết. {short}" if short else None


def short_form_lead(sentence: str, subject: str, figure: str) -> str | None:
    """As `short-form`, the full name in a lead paragraph of its own."""
    short = _short_form(sentence, subject)
    return f"{subject} tổ chức hội nghị sơ kết.\n\n{short}" if short else None


def short_form_capital(sentence: str, subject: str, figure: str) -> str | None:
    """As `short-form`, the short form's level word capitalised."""
    short = _short_form(sentence, subject, capital=True)
    return f"{subject} tổ chức hội nghị sơ kết. {short}" if short else None


def short_form_place(sentence: str, subject: str, figure: str) -> str | None:
    """As `short-form`, another body of the subject's place named before ('UBND xã Tân Phú ...')."""
    short, place = _short_form(sentence, subject), PLACE_IN_NAME.search(subject)
    return f"UBND {place.group(0).strip()} tổ chức hội nghị sơ kết. {short}" if short and place else None


def linked_topic(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên mới.' -> '{S} đạt 50 đảng viên mới.': the subject opening its
    clause linked straight to its figure, so the figure's measure may read the subject in."""
    opening = _opening_subject(sentence, subject, figure)
    if opening is None or any(mark in opening[1][: opening[1].find(figure)] for mark in ",;:()"):
        return None  # only a figure of the subject's own first clause
    before, rest = opening
    return f"{before} đạt {rest[rest.find(figure):]}"


def listed_places_clause(sentence: str, subject: str, figure: str) -> str | None:
    """'{S} kết nạp 50 đảng viên mới.' -> '{S} đã tổ chức hội nghị tại xã Tân Phú, xã Tân An và
    thị trấn Phú Lộc; 50 đảng viên mới.': the figure opening a clause that names no one, after a
    list of places in the subject's predicate (the actor of the sentence, not the list's last item)."""
    opening = _opening_subject(sentence, subject, figure)
    if opening is None:
        return None
    before, rest = opening
    places = f"{PLACE}, xã Tân An và thị trấn Phú Lộc"
    return f"{before} đã tổ chức hội nghị tại {places}; {rest[rest.find(figure):]}"


def list_label(sentence: str, subject: str, figure: str, link: str = "") -> str | None:
    """'{S} kết nạp 50 đảng viên.' -> 'Nhiều đơn vị có kết quả cao như: Hội Nông dân xã Tân Phú
    đạt 7 đảng viên; {S} 50 đảng viên.': the subject a later item's label right before its figure
    (`link`: a link verb between them); only for a name (capitalised) and a figure not of value 7."""
    if not subject[:1].isupper() or re.match(r"7(?!\d)", figure):
        return None
    joined = f"{link} {figure}" if link else figure
    return f"Nhiều đơn vị có kết quả cao như: Hội Nông dân {PLACE} đạt 7 đảng viên; {subject} {joined}."


def list_label_linked(sentence: str, subject: str, figure: str) -> str | None:
    """As `list-label`, the label linked to its figure by "đạt" ('; {S} đạt 50 đảng viên.')."""
    return list_label(sentence, subject, figure, "đạt")


FRAMES: dict[str, Callable[[str, str, str], str | None]] = {
    "alone": lambda sentence, subject, figure: sentence,
    "fronted-place": fronted_place,
    "appended-place": appended_place,
    "other-before": other_before,
    "other-two-before": other_two_before,
    "moved-before": moved_before,
    "moved-parts": moved_parts,
    "moved-rivals": moved_rivals,
    "object-place": object_place,
    "object-place-clause": object_place_clause,
    "object-owner": object_owner,
    "moved-lead": moved_lead,
    "moved-lead-purpose": moved_lead_purpose,
    "moved-lead-kin": moved_lead_kin,
    "moved-lead-address": moved_lead_address,
    "moved-object-place": moved_object_place,
    "moved-object-owner": moved_object_owner,
    "short-form": short_form,
    "short-form-lead": short_form_lead,
    "short-form-capital": short_form_capital,
    "short-form-place": short_form_place,
    "listed-places-clause": listed_places_clause,
    "list-label": list_label,
    "list-label-linked": list_label_linked,
    "linked-topic": linked_topic,
}
# frames whose subject must be the full name, not a part of it
STRICT = {"short-form", "short-form-lead", "short-form-capital", "short-form-place"}


def right_figures(paths: list[str]) -> list[tuple[str, str, str, str, float]]:
    """(file stem, sentence, gold subject, figure text, value) of the figures vnie attributes right,
    their subject named in their sentence before them, each sentence and figure once."""
    out, seen = [], set()
    for path in paths:
        for gold, doc in gold_documents(path):
            for mine, theirs in matched_figures(extract(doc).get("figures", []), gold.get("figures", [])):
                subject, text = theirs.get("subject"), theirs.get("text")
                sentence = mine.get("sentence") or ""
                if not subject or not text or not attribute_agrees("subject", mine.get("subject"), subject):
                    continue
                at = sentence.find(text)
                if at < 0 or subject not in sentence[:at] or (sentence, text) in seen:
                    continue
                seen.add((sentence, text))
                out.append((Path(path).stem, sentence, subject, text, float(mine["value"])))
    return out


def judge(framed: str, subject: str, text: str, value: float, strict: bool = False) -> tuple[str, str | None]:
    """Whether the framed text's figure of that value still takes the subject: (kind, what it took);
    `strict`: only a subject holding the whole of it is kept."""
    figures = extract(build_document(text=framed)).get("figures", [])
    same = [f for f in figures if f.get("value") == value]
    # the figure as written first ("500 hộ"), else any of that value
    same.sort(key=lambda f: _attribute_key(text) not in _attribute_key(f.get("text", "")))

    def holds(got: str) -> bool:
        if strict:
            return _attribute_key(subject) in _attribute_key(got)
        return attribute_agrees("subject", got, subject)

    return verdict(same[0] if same else None, "subject", holds)


def main() -> int:
    args, paths = frame_audit_args(__doc__, FRAMES, "figure")
    figures = right_figures(paths)
    frames = args.frame or list(FRAMES)
    tally = FrameTally(frames)
    for stem, sentence, subject, text, value in figures:
        for frame in frames:
            framed = FRAMES[frame](sentence, subject, text)
            if framed is None:
                continue
            kind, got = judge(framed, subject, text, value, frame in STRICT)
            tally.add(frame, kind, stem, f"{text!r}: {subject!r} -> {got!r}", framed[:220])
    stems = len({f[0] for f in figures})
    half = "test" if args.test_half else "dev"
    print(f"{len(figures)} figures vnie attributes right from their sentence, {stems} {half} files")
    tally.print(args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
