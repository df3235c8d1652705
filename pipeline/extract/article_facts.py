"""Article-wide facts a figure falls back on: names at their fullest, places, date and period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from pipeline.datetime_parse.patterns import grammar
from pipeline.extract.clauses import rules
from pipeline.extract.document import ArticleDoc
from pipeline.extract.fullest import at_fullest
from pipeline.extract.kinds import organizations, people
from pipeline.model import Mention
from pipeline.rulebook import compiled
from pipeline.text import SENTENCE_ENDS, alternation, casefold_words, sentence_initial

LABELLED_LINES = 3  # lines under an implementation label that may state its dates ("Ngày phát động: ...")
# a line's bullet or numbering before its first word ("- ", "II. ", "3) ")
LINE_LEAD = regex.compile(r"[\s\-–—•+*.):\dIVX]*")
LONGEST_PERIOD = 30  # years: a longer span dates an anniversary, not a figure
REVIEW_MONTHS = 3  # a page published in the first quarter may still review the year before
PLAN_REACH = 40  # characters a plan head and its field words may stand before the period it plans
CUE_REACH = 30  # characters before a date within which a two-word period cue ("trong năm") stands
CLAUSE_ENDS = SENTENCE_ENDS + ","  # what ends the clause before a date that opens the next
LEAD_ACTOR_REACH = 12  # characters between a lead's day and the person its clause opens on ("Ngày X, Bác Hồ")
ADMIN = regex.compile(r"(?i)^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s")
# a level word inside a name followed by the capitalised place name to the name's end
PLACE_IN_NAME = regex.compile(
    r"(?<=\s)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s+[\p{Lu}Đ][\p{L}\d]*)+$"
)


@dataclass
class Article:
    """Article-wide facts: names at their fullest, the places, the topic, the period."""

    names: dict[tuple[str, int, int], str]  # (field, start, end) of a body or person -> its record name
    places: dict[str, str]  # level -> the article's place of that level, as written ("huyện Chợ Lách")
    year: int | None  # publication year
    mentions: dict[str, list[Mention]]  # field -> its mentions, in order
    bodies: dict[str, str] = field(default_factory=dict)  # bare head ("đảng ủy") -> the article's body
    month: int | None = None  # publication month, when the page gives it
    topic: str | None = None
    scope: str | None = None  # the whole area the article reports over ("toàn tỉnh", "cả nước")
    find_scope: Callable[[], str | None] | None = None  # looks for `scope` the first time it is needed
    period: str | None = None
    term_year: int | None = None  # an undated page on a congress: its term's first year, the year of writing
    congress_term: str | None = None  # the term the congress the article reports opens ("2025/2030")
    dateline: str | None = None  # an undated page: the day its lead reports its event on, for its date
    reviewed_year: str | None = None  # an early-year page reviewing the year before (`reviewed_year`)
    stated_times: dict[tuple, str | None] = field(default_factory=dict)  # a count -> its first period
    body_names: list[str] = field(default_factory=list)  # the organisations' record names
    fullest: dict[str, str] = field(default_factory=dict)  # a name -> `at_fullest`, read once
    sole_places: dict[str, str] = field(default_factory=dict)  # level -> the article's one place of it

    def at_fullest(self, name: str) -> str:
        """A body's name at its fullest in the article (`fullest.at_fullest`), read once."""
        if name not in self.fullest:
            self.fullest[name] = at_fullest(name, self.body_names, self.sole_places)
        return self.fullest[name]

    def whole_area(self) -> str | None:
        """The whole area the article reports over, looked for once."""
        if self.find_scope is not None:
            self.scope, self.find_scope = self.find_scope(), None
        return self.scope


def led_body(article: Article, name: str | None) -> str | None:
    """The Party organisation a committee leads ("Đảng ủy Khối X" -> "Đảng bộ Khối X"), as the
    article names it; the name itself when it is no committee or the article names no such body."""
    if not name:
        return name
    words = name.split()
    table = rules().tables["committees"]
    for size in range(min(4, len(words)), 0, -1):
        body = table.get(" ".join(words[:size]).lower())
        if body is None:
            continue
        wanted = " ".join([body, *words[size:]]).lower()
        # at their fullest, as the committee's own name may be ("Đảng ủy Khối X tỉnh" -> "... tỉnh Y")
        named = {article.at_fullest(n) for n in article.names.values() if " " in n}
        for found in sorted(named, key=len, reverse=True):
            if " ".join(found.lower().split()) == wanted or (
                size < len(words) and " ".join(found.lower().split()).startswith(wanted + " ")
            ):
                return found
        return name
    return name


def committee_body(article: Article, name: str) -> str | None:
    """The organisation an elected committee named `name` leads ("Ban Chấp hành Đảng bộ" -> the
    article's "Đảng bộ Học viện X", "Cấp ủy chi bộ" -> "chi bộ"): a name of the article opening with
    the led body's head, the one naming the topic first; else the topic or, with none, the article's
    body of that head; else the head as written. None when `name` is no committee."""
    words = name.split()
    size = next((n for n in (3, 2, 1) if rules().has("executive_committees", " ".join(words[:n]))), 0)
    if not size or size == len(words):
        return None
    rest = words[size:]
    mapped = ((n, rules().get("committees", " ".join(rest[:n]))) for n in (2, 1))
    led = next((" ".join([body, *rest[n:]]) for n, body in mapped if body), " ".join(rest))
    head, topic = casefold_words(led), casefold_words(article.topic or "")
    named = sorted(
        {n for n in article.names.values() if casefold_words(n).startswith(head + " ")}, key=len, reverse=True
    )
    if topic and (of_topic := [n for n in named if topic in casefold_words(n)]):
        return of_topic[0]
    if topic.startswith(head + " "):
        return article.topic
    if not topic and (body := article.bodies.get(head)):
        return body
    return led[:1].upper() + led[1:] if rest[0][:1].isupper() else led


# how far before a term its congress may be named ("Đại hội đại biểu ... lần thứ VII, nhiệm kỳ ...")
CONGRESS_REACH = 160


@cache
def _congress_words() -> regex.Pattern:
    """A congress word of `congress_words`, in folded text."""
    words = alternation(casefold_words(t) for t in rules().tables["congress_words"])
    return regex.compile(rf"\b{words}\b")


def article_of(doc: ArticleDoc, context: list[Mention]) -> Article:
    """Names, places, publication year and the headline's period of the whole article."""
    by_field: dict[str, list[Mention]] = {}
    for m in sorted(context, key=lambda m: (m.field, m.start)):
        by_field.setdefault(m.field, []).append(m)
    names, bodies, uses, org_names = {}, {}, {}, []
    # only the extractors' own mentions carry what the builders group by
    for entry in people.build([m for m in context if m.type == "PER" and "kind" in m.attrs], doc, context):
        for m in entry["mentions"]:
            names[(m.get("field", "text"), m["start"], m["end"])] = entry["name"]
    for entry in organizations.build(
        [m for m in context if m.type == "ORG" and "name" in m.attrs], doc, context
    ):
        for m in entry["mentions"]:
            names[(m.get("field", "text"), m["start"], m["end"])] = entry["name"]
        org_names.append(entry["name"])
        lowered = " ".join(entry["name"].lower().split())
        for head in rules().tables["body_heads"]:
            if lowered.startswith(head + " ") and len(entry["mentions"]) > uses.get(head, 0):
                bodies[head], uses[head] = entry["name"], len(entry["mentions"])
    places: dict[str, str] = {}
    counts = Counter((m.attrs.get("level"), m.attrs.get("name")) for m in context if m.type == "LOC")
    for (level, name), _ in counts.most_common():
        if level and level not in places and (level != "country" or rules().has("country_names", name)):
            written = [m.text for m in context if m.type == "LOC" and m.attrs.get("name") == name]
            places[level] = next((w for w in written if ADMIN.match(w)), name)
    for name in org_names:
        for level, place in places_in_name(name):
            places.setdefault(level, place)
    year = int(doc.published[:4]) if doc.published and doc.published[:4].isdigit() else None
    article = Article(names, places, year, by_field, bodies, body_names=org_names)
    named_at: dict[str, set[str]] = {}  # level -> the places of it the article names, bodies' too
    for level, name in counts:
        if level and name:
            named_at.setdefault(level, set()).add(casefold_words(ADMIN.sub("", name)))
    for name in org_names:
        for level, place in places_in_name(name):
            named_at.setdefault(level, set()).add(casefold_words(ADMIN.sub("", place)))
    article.sole_places = {
        level: places[level] for level, named in named_at.items() if len(named) == 1 and level in places
    }
    if year and doc.published and doc.published[5:7].isdigit():
        article.month = int(doc.published[5:7])
    # a plan's own statement of its period is closer than its headline's
    stated = stated_period(doc, by_field.get("text", []))
    article.period = stated or headline_period(by_field.get("title", []))
    if article.period is None and year is None:
        article.period = latest_period(context, {s.field: s.text for s in doc})
        # the period an undated page reports on is the Party term it names only when it names no other
        # span ("Đại hội ... nhiệm kỳ 2024 – 2029"): the page reports the congress, held in its first
        # year (a page naming two terms reports on the one before: its last year is no "now" to go on)
        terms = {
            str(m.attrs.get("value"))
            for m in context
            if m.type == "DATE" and _names_term(m.text) and not m.attrs.get("inferred")  # not "nhiệm kỳ qua"
        }
        if article.period and terms == {article.period}:
            article.term_year = int(article.period[:4])
    if year is None:
        article.dateline = lead_day(doc, by_field.get("text", []))
    article.congress_term = congress_term(doc, by_field.get("text", []), year)
    article.reviewed_year = reviewed_year(doc, by_field, year, article.month)
    return article


def reviewed_year(
    doc: ArticleDoc, by_field: dict[str, list[Mention]], year: int | None, month: int | None
) -> str | None:
    """The year before publication, for a page of its first quarter (`REVIEW_MONTHS`) that opens a
    clause on that whole year (`_opens_clause`: "Năm 2023, Quỹ ... đã vận động ...", "Trong năm 2022,
    Cẩm Phả thu ...") and names no date of the publication year (a yearless day, which takes it, aside):
    a review of the year just ended, whose figures nothing else dates are of that year."""
    if not year or not month or month > REVIEW_MONTHS:
        return None
    framed = False
    for name in ("title", "text"):
        segment = doc.segment(name)
        for m in by_field.get(name, []):
            value = str(m.attrs.get("value") or "")
            if m.type != "DATE" or m.attrs.get("inferred") or not value[:4].isdigit():
                continue
            first, _, last = value.partition("/")
            last = {"": first, "..": str(year)}.get(last, last)  # a period open to now runs to now
            if not last[:4].isdigit() or int(first[:4]) <= year <= int(last[:4]):
                return None  # the page names its own year: it is about it
            if (
                segment
                and value == str(year - 1)
                and segment.text[m.end : m.end + 2].lstrip(" ").startswith(",")
            ):
                framed = framed or _opens_clause(segment.text, m.start)
    return str(year - 1) if framed else None


def _opens_clause(text: str, start: int) -> bool:
    """Whether a date at `start` opens its clause, alone or after a `period_cues` word ("Năm 2023, ...",
    "..., trong năm 2020, ..."), not a phrase ending in it ("Vào mùa hè năm 2020, ...")."""
    opens = start
    words = text[max(0, start - CUE_REACH) : start].split()
    for n in (2, 1):
        tail = words[-n:]
        if len(tail) == n and rules().has("period_cues", " ".join(tail).lower()):
            opens = text.rindex(tail[0], 0, start)
            break
    return sentence_initial(text, opens, ends=CLAUSE_ENDS)


def congress_term(doc: ArticleDoc, mentions: list[Mention], year: int | None) -> str | None:
    """The term the article's congress opens: a term written right after a congress word in its
    sentence ("Đại hội đại biểu Phụ nữ tỉnh lần I, nhiệm kỳ 2025-2030"), the latest such one (a report
    recalls the congress before: "Nghị quyết Đại hội ... nhiệm kỳ 2020-2025"), none that opens after
    the publication year."""
    segment = doc.segment("text")
    if segment is None:
        return None
    terms = []
    for m in mentions:
        value = str(m.attrs.get("value") or "")
        if m.type != "DATE" or m.attrs.get("inferred") or not _names_term(m.text) or len(value) != 9:
            continue
        if year and int(value[:4]) > year:
            continue
        before = segment.text[max(0, m.start - CONGRESS_REACH) : m.start]
        before = regex.split(r"[.!?\n]\s", before)[-1]  # the term's own sentence
        if _congress_words().search(casefold_words(before)):
            terms.append(value)
    return max(terms, default=None)


def lead_day(doc: ArticleDoc, mentions: list[Mention]) -> str | None:
    """The day an undated page's lead reports its event on ("Sáng ngày 28/3/2013, Đảng bộ ... tổ chức
    lễ trao tặng Huy hiệu"; "..., ngày 24/02/2018, nhà trường đã tổ chức thu gom"): the body's first
    date, in its first paragraph, a day written with its year that frames a clause (a comma after it;
    a document's day, "Quyết định số 44-QĐ/ĐU ngày 29/6/2009 của ...", frames none), of the latest
    year the body names."""
    segment = doc.segment("text")
    dated = [m for m in mentions if m.type == "DATE" and str(m.attrs.get("value") or "")[:4].isdigit()]
    if segment is None or not dated:
        return None
    text = segment.text
    first, value = dated[0], str(dated[0].attrs["value"])
    opening = len(text) - len(text.lstrip())
    paragraph_end = text.find("\n", opening)
    if len(value) != 10 or first.attrs.get("inferred") or 0 <= paragraph_end < first.start:
        return None
    if not text[first.end : first.end + 2].lstrip(" ").startswith(","):
        return None
    if any(m.type == "PER" and 0 <= m.start - first.end <= LEAD_ACTOR_REACH for m in mentions):
        return None  # a person's act of history ("Ngày 15/10/1949, Chủ tịch Hồ Chí Minh viết ..."), no news
    values = [str(m.attrs["value"]) for m in dated if not m.attrs.get("inferred")]
    return value if value[:4] == max(v.rpartition("/")[2][:4] for v in values) else None


def stated_period(doc: ArticleDoc, dates: list[Mention]) -> str | None:
    """A plan's implementation period, stated under a label opening a line ("THỜI GIAN THỰC HIỆN: từ
    15/12/2021 đến 21/4/2022"), or by the dates of the lines right after a label standing alone."""
    segment = doc.segment("text")
    if segment is None:
        return None
    dated = [(m.start, str(m.attrs["value"])) for m in dates if m.type == "DATE" and m.attrs.get("value")]
    lines, start = [], 0
    for line in segment.text.split("\n"):
        if line.strip():
            lines.append((start, start + len(line), line))
        start += len(line) + 1
    for n, (low, high, line) in enumerate(lines):
        lead = LINE_LEAD.match(line).end()
        label = _implementation_label(line[lead:])
        if label is None:
            continue
        scope = [(low + lead + label, high)]
        if not any(scope[0][0] <= at < high for at, _ in dated):
            # the label is a heading: the dates are on the lines under it, as long as each holds one
            scope = []
            for after_low, after_high, _ in lines[n + 1 : n + 1 + LABELLED_LINES]:
                if not any(after_low <= at < after_high for at, _ in dated):
                    break
                scope.append((after_low, after_high))
        values = [v for at, v in dated if any(a <= at < b for a, b in scope) and ".." not in v]
        if values:
            first, last = values[0].partition("/")[0], values[-1].rpartition("/")[2]
            if first < last and not anniversary(f"{first}/{last}"):
                return f"{first}/{last}"  # a day alone is no period
    return None


def _implementation_label(rest: str) -> int | None:
    """Where the implementation_labels term a line opens with (after its bullet or number) ends."""
    found = implementation_label_pattern().match(rest)
    return found.end() if found else None


@compiled
def implementation_label_pattern() -> regex.Pattern:
    """An implementation_labels term at the start of a line's text, any spacing, any case."""
    labels = alternation(rules().tables["implementation_labels"], spaces="any")  # the longest first
    return regex.compile(rf"\s*{labels}(?!\p{{L}})", regex.IGNORECASE)


def places_in_name(name: str) -> list[tuple[str, str]]:
    """The places an organisation's name ends on, as (level, place): "UBND huyện Tri Tôn" names
    "huyện Tri Tôn", so "của huyện" in its article points there even when no place is named alone."""
    found = []
    for match in PLACE_IN_NAME.finditer(name):
        level = rules().get("place_words", match.group(1))
        if level and level != "country":
            found.append((level, match.group(0).strip()))
    return found


def latest_period(context: list[Mention], texts: dict[str, str]) -> str | None:
    """An undated article's period: the latest-ending closed interval it names ("Qua 5 năm (2016 -
    2020)"), the span it reports on, before a Party term, which names a congress ("Đại hội ... nhiệm
    kỳ 2021 – 2026" reports on the term before), or the span a plan ahead is for (`_planned`: "sơ kết
    ... 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023" reports on the first half); an
    anniversary's span of generations is none. A
    span whose year the page leaves out ("Trong Quý III") counts only in a year of which the page
    writes a month or a day in full ("Trong tháng 10-2012, ... trong 10 tháng"): the year of one
    named alone ("rà soát các cuộc thanh tra ... năm 2018") may be one the report looks back on."""
    full = {
        value[:4]
        for m in context
        if m.type == "DATE"
        and not m.attrs.get("inferred")
        and len(value := str(m.attrs.get("value") or "")) >= 7
    }
    named = _named_periods(context)
    # (the plan's period named again is still the plan's: "Trong 6 tháng cuối năm, Hội ... chuẩn bị ...")
    planned = {str(m.attrs.get("value")) for m in context if m.type == "DATE" and _planned(m, texts)}
    spans = [
        (not _names_term(m.text) and value not in planned, value)
        for m in context
        if m.type == "DATE"
        and m not in named
        and "/" in (value := str(m.attrs.get("value") or ""))
        and ".." not in value
        and not anniversary(value)
        and (not m.attrs.get("inferred") or value[:4] in full)
    ]
    best = max(spans, key=lambda s: (s[0], s[1].split("/")[1], s[1].split("/")[0]), default=None)
    return best[1] if best else None


def _planned(date: Mention, texts: dict[str, str]) -> bool:
    """Whether a date is the period a plan ahead is for: right after a plan head, a few words naming
    its field between ("triển khai nhiệm vụ 6 tháng cuối năm", "phương hướng hoạt động năm học
    2010 – 2011"), not one carried out or reviewed ("thực hiện nhiệm vụ năm 2024": the date
    grammar's `plan` look-back)."""
    return grammar().before("plan", texts.get(date.field, ""), date.start, width=PLAN_REACH) is not None


def _names_term(written: str) -> bool:
    """Whether a date is written as a Party term ("nhiệm kỳ 2021 – 2026", "khóa XIII")."""
    words = written.lower().split()
    return any(rules().has("qualifying_periods", " ".join(words[:n])) for n in (1, 2))


def _named_periods(mentions: list[Mention]) -> list[Mention]:
    """The dates inside a document's name ("Đề án \"... giai đoạn 2022-2027\""): the document's period,
    not the one the article reports on."""
    names = [m for m in mentions if m.type == "DIRECTIVE"]
    return [
        m
        for m in mentions
        if m.type == "DATE"
        and any(n.field == m.field and n.start <= m.start and m.end <= n.end for n in names)
    ]


def anniversary(value: str) -> bool:
    """Whether a span is an anniversary's: longer than any reported period ("132 năm ngày sinh ...
    (19/5/1890 - 19/5/2022)"), or from a day to the same day whole years later ("kỷ niệm 30 năm
    ngày truyền thống (6/12/1989 - 6/12/2019)"): a reported period of days ends on another day."""
    first, _, last = value.partition("/")
    if not (last[:4].isdigit() and first[:4].isdigit()):
        return False
    if len(first) == len(last) == 10 and first[4:] == last[4:] and first[:4] < last[:4]:
        return True
    return int(last[:4]) - int(first[:4]) > LONGEST_PERIOD


def headline_period(title: list[Mention]) -> str | None:
    """The period the article is about: the first period (not a day) its headline names."""
    named = _named_periods(title)
    for m in title:
        value = str(m.attrs.get("value") or "")
        if m.type == "DATE" and m not in named and value and len(value.split("/")[0]) <= 7:
            return value
    return None
