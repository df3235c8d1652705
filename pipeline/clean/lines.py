"""Cleaning: every line of a page is title, meta, body, caption or boilerplate (spec section 2).

The classes come from `rules/boilerplate.yml` (phrases, patterns, byline and source prefixes) and
from structure: repeated lines, link lists after a tail marker, image placeholders, stray
punctuation. When unsure a line stays body: losing a sentence is worse than keeping furniture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pipeline.clean.published import parse_published
from pipeline.rulebook import compiled, lexicon_schema, load_rules, strict_object
from pipeline.text import alternation, casefold_words

TITLE, META, BODY, CAPTION, BOILERPLATE = "title", "meta", "body", "caption", "boilerplate"

BOILERPLATE_SCHEMA = strict_object(
    {
        "phrases": lexicon_schema(),
        "patterns": lexicon_schema({"name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}},
                                   required=["name"]),
        "tail_markers": lexicon_schema(),
        "byline_prefixes": lexicon_schema(),
        "credit_prefixes": lexicon_schema(),
        "source_prefixes": lexicon_schema(),
        "caption_markers": lexicon_schema(),
    },
)

IMAGE_PLACEHOLDER = "\xa0"  # sites leave a no-break space where an image was
SHORT_LINE_WORDS = 30  # link lists and captions are short; body paragraphs rarely are
CAPTION_MAX_WORDS = 45
NAME_WORD = r"[\p{Lu}][\p{Ll}\p{M}]*\.?"
LONE_NAME = regex.compile(rf"^{NAME_WORD}(?:[ \-]{NAME_WORD}){{1,4}}$")
INITIALS_NAME = regex.compile(r"^(?:\p{Lu}\.){1,3}\s?\p{Lu}[\p{Ll}]+$")  # D.My, N.T.Hà
URL = regex.compile(r"(?:https?://|www\.)[^\s)\]>\"']+", regex.IGNORECASE)
DATELINE = regex.compile(
    r"\b\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b",
    regex.IGNORECASE,
)
DATELINE_MAX_WORDS = 14
DATELINE_WORDS = regex.compile(
    r"\b(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|đăng|xuất bản|lúc|ngày|giờ|sáng|chiều|tối|trưa"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|gmt|utc|am|pm)\b|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?"
    r"|[+\-]\d{1,2}(?::?\d{2})?|[()\[\],:\-–|/]",
    regex.IGNORECASE,
)
NO_CONTENT = regex.compile(r"^[^\p{L}\p{N}]*$")


@dataclass
class Line:
    """One non-blank line of the page and its class."""

    text: str
    cls: str = BODY
    after_image: bool = False  # the previous line was an image placeholder
    author: str | None = None  # byline name(s) this line gives, if any


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled `rules/boilerplate.yml`."""

    phrases: frozenset[str]
    patterns: tuple[tuple[str, regex.Pattern], ...]  # (rule name, pattern)
    tail_markers: frozenset[str]
    byline: regex.Pattern
    credit: regex.Pattern
    source: regex.Pattern
    caption: regex.Pattern


fold = casefold_words  # lines are compared ignoring case and spacing


def _alternation(entries: list[dict[str, str]]) -> str:
    """The entries' terms, spaces optional: crawled bylines lose them ("Bàivàảnh")."""
    return alternation((e["term"] for e in entries), spaces="optional")


@compiled
def boilerplate_rules() -> BoilerplateRules:
    """Load and compile the boilerplate rules once per process."""
    data: dict[str, Any] = load_rules("boilerplate", BOILERPLATE_SCHEMA)
    flags = regex.IGNORECASE | regex.V1
    return BoilerplateRules(
        phrases=frozenset(fold(e["term"]) for e in data["phrases"]),
        patterns=tuple((e["name"], regex.compile(e["term"], flags)) for e in data["patterns"]),
        tail_markers=frozenset(fold(e["term"]) for e in data["tail_markers"]),
        byline=regex.compile(
            rf"^(?:{_alternation(data['byline_prefixes'])})\s*:\s*(?P<names>.+)$", flags
        ),
        credit=regex.compile(
            rf"^\(?(?:{_alternation(data['credit_prefixes'])})\s*:\s*(?P<names>.+?)\)?$", flags
        ),
        source=regex.compile(rf"^(?:{_alternation(data['source_prefixes'])})\b\s*(?P<rest>.*)$", flags),
        caption=regex.compile("|".join(f"(?:{e['term']})" for e in data["caption_markers"]), flags),
    )


def boilerplate_rule(text: str) -> str | None:
    """The name of the rule that makes a line site furniture whatever page it is on, or None."""
    rules = boilerplate_rules()
    folded = fold(text)
    if folded in rules.phrases:
        return "phrase"
    if NO_CONTENT.match(text) is not None:
        return "no-content"
    return next((name for name, pattern in rules.patterns if pattern.search(folded)), None)


def is_boilerplate_line(text: str) -> bool:
    """A line that is site furniture whatever page it is on."""
    return boilerplate_rule(text) is not None


def split_names(names: str) -> list[str]:
    """Names of a byline: "Triều Dương - Minh Anh" → two names; drops trailing role words."""
    parts = regex.split(r"\s*(?:,|;|\s-\s|\s–\s|&|\bvà\b)\s*", names.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 6]


def looks_like_name(text: str) -> bool:
    """A short line that is just a person's name ("Xuân Bính", "D.My")."""
    stripped = text.strip()
    if len(stripped) > 40:
        return False
    return LONE_NAME.match(stripped) is not None or INITIALS_NAME.match(stripped) is not None


def _is_source_line(text: str) -> bool:
    match = boilerplate_rules().source.match(text.strip())
    return bool(match) and (URL.search(text) is not None or len(text.split()) <= 8)


def _is_dateline(text: str) -> bool:
    """A line that is a date (with time, weekday, "Cập nhật lúc", maybe a byline name), not a sentence."""
    if len(text.split()) > DATELINE_MAX_WORDS or DATELINE.search(text) is None:
        return False
    rest = DATELINE_WORDS.sub(" ", DATELINE.sub(" ", text))
    head, _, tail = rest.partition("|")
    leftover = tail if looks_like_name(head) else rest
    return len(regex.findall(r"\p{L}+", leftover)) <= 1


def _byline_names(text: str) -> list[str] | None:
    match = boilerplate_rules().byline.match(text.strip())
    if not match or len(text.split()) > 12:
        return None
    return split_names(match.group("names"))


def _is_credit(text: str) -> bool:
    return len(text.split()) <= 10 and boilerplate_rules().credit.match(text.strip()) is not None


def _split_lines(text: str) -> list[Line]:
    """Non-blank lines, remembering which follow an image placeholder."""
    lines: list[Line] = []
    after_image = False
    for raw in text.split("\n"):
        if not raw.strip():
            after_image = after_image or (IMAGE_PLACEHOLDER in raw)
            continue
        lines.append(Line(raw.strip(), after_image=after_image or raw.startswith(IMAGE_PLACEHOLDER)))
        after_image = False
    return lines


def _is_caption_copy(lines: list[Line], first: int | None, i: int) -> bool:
    """A repeated caption: the same line again right after it, or again after a line that is a caption."""
    if first is None:
        return False
    line, earlier = lines[i], lines[first]
    words = len(line.text.split())
    if earlier.cls == CAPTION:
        return True
    # a sentence said twice in a row is a caption echoed under its image, not dialogue ("- Không.")
    dialogue = line.text.startswith(("-", "–", "“", '"'))
    return first == i - 1 and 4 <= words <= CAPTION_MAX_WORDS and not dialogue


def classify(text: str, title: str | None = None) -> list[Line]:
    """Classify every non-blank line; `title` is the container's headline when it gave one."""
    rules = boilerplate_rules()
    lines = _split_lines(text)
    seen: dict[str, int] = {}
    title_folded = fold(title) if title else None
    in_tail = False
    for i, line in enumerate(lines):
        folded = fold(line.text)
        words = len(line.text.split())
        if is_boilerplate_line(line.text):
            line.cls = BOILERPLATE
            in_tail = in_tail or folded in rules.tail_markers
        elif in_tail and words <= SHORT_LINE_WORDS:
            line.cls = BOILERPLATE  # titles of other articles listed after this one
        elif title_folded is None and _is_dateline(line.text) and words <= 8:
            line.cls = META  # a dateline above the headline
        elif title_folded is None and all(x.cls in (BOILERPLATE, META) for x in lines[:i]):
            line.cls = TITLE
            title_folded = folded
        elif folded == title_folded or _is_caption_copy(lines, seen.get(folded), i):
            line.cls = BOILERPLATE  # second copy of the title or of a caption
            first = lines[seen[folded]] if folded in seen else None
            if first is not None and first.cls == BODY:
                first.cls = CAPTION
        elif (names := _byline_names(line.text)) is not None:
            line.cls, line.author = META, ", ".join(names)
        elif _is_credit(line.text) or _is_source_line(line.text) or _is_dateline(line.text):
            line.cls = META
        elif words <= CAPTION_MAX_WORDS and (line.after_image or rules.caption.search(line.text)):
            line.cls = CAPTION
        else:
            in_tail = in_tail and words <= SHORT_LINE_WORDS
        seen.setdefault(folded, i)
    _classify_signature(lines)
    return lines


def _classify_signature(lines: list[Line]) -> None:
    """The author's name alone on a line after the last paragraph, and the role line under it."""
    last = len(lines) - 1
    while last >= 0 and lines[last].cls in (BOILERPLATE, META):
        last -= 1
    if last < 0 or lines[last].cls != BODY:
        return
    if looks_like_name(lines[last].text):
        lines[last].cls, lines[last].author = META, lines[last].text
        return
    role, name = lines[last], lines[last - 1] if last > 0 else None
    # "Nguyễn Thanh Lam" then "Phó Bí thư Thường trực Đảng ủy Khối CCQ tỉnh": a name and its role
    role_like = len(role.text.split()) <= 12 and not role.text.endswith((".", "!", "?", "”", '"'))
    if name is not None and name.cls == BODY and looks_like_name(name.text) and role_like:
        name.cls, name.author = META, name.text
        role.cls = META


def authors_from(lines: list[Line]) -> list[str]:
    """Byline names in page order, each once."""
    authors: list[str] = []
    for line in lines:
        for name in split_names(line.author or ""):
            if name not in authors:
                authors.append(name)
    return authors


def outlet_from_url(url: str | None) -> str | None:
    """Host of a URL without "www." ("https://www.baoquangbinh.vn/x" → "baoquangbinh.vn")."""
    if not url:
        return None
    match = regex.match(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([^/\s:?#]+)", url.strip(), regex.IGNORECASE)
    host = match.group(1).lower().rstrip(".") if match else ""
    return host if "." in host else None


def outlet_from_lines(lines: list[Line]) -> str | None:
    """The outlet named by a source line: "Theo http://baoninhthuan.com.vn", "Nguồn X: http://..."."""
    for line in lines:
        if line.cls == META and _is_source_line(line.text):
            found = URL.search(line.text)
            if found:
                return outlet_from_url(found.group(0))
    return None


def published_from(lines: list[Line], container_value: str | None) -> str | None:
    """Publication time: the container's field if it parses, else the first dateline of the page."""
    if container_value and (parsed := parse_published(container_value)):
        return parsed
    for line in lines:
        if line.cls == META and _is_dateline(line.text):
            parsed = parse_published(line.text)
            if parsed:
                return parsed
    return None


def author_from_dateline(line: Line) -> str | None:
    """The name before the date in a combined line: "Lam Giang| 24/10/2017 10:03" → "Lam Giang"."""
    head = regex.split(r"\s*[|｜•·]\s*|\s+-\s+", line.text, maxsplit=1)[0]
    return head.strip() if head != line.text and looks_like_name(head) else None
