"""Synthetic republished copies of real articles: another outlet's chrome, a later date, light edits.

What provincial and national outlets and aggregators do to a story they take: wrap it in their own
header, menus, share widgets and related-article links; date it a day or three later; change the
headline; trim the last paragraph; swap a few words ("cho biết" -> "cho hay"); add "Theo báo ...".
Used by tests/test_stories.py (a small sample) and bench/stories_bench.py (the whole corpus).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import regex

from pipeline.model import RawArticle

# Made-up outlets' page furniture: the lines a scraper keeps around an article.
CHROME = (
    (["BÁO NINH THUẬN ĐIỆN TỬ", "Trang chủ Thời sự Kinh tế Văn hóa - Xã hội", "Đăng nhập"],
     ["Chia sẻ bài viết", "Phản hồi", "Thông tin người gửi phản hồi", "Các tin khác"]),
    (["Báo Quảng Bình", "Tìm kiếm", "Mới nhất", "Nổi bật"],
     ["BÌNH LUẬN", "(0) Bình luận", "Gửi bình luận của bạn", "Tin liên quan"]),
    (["Zalo", "Đăng nhập để trải nghiệm thêm những tính năng hữu ích", "Multimedia Đọc Báo in"],
     ["Ý kiến", "Đừng bỏ lỡ", "Liên kết website", "POWERED BY ONECMS"]),
    (["baomoi", "Tin mới", "Chủ đề nóng"],
     ["Chia sẻ", "Tin cùng chuyên mục", "Xem thêm"]),
)
OUTLETS = ("baoninhthuan.com.vn", "baoquangbinh.vn", "baothanhhoa.vn", "baomoi.com")
# Interchangeable wordings an editor swaps (each occurrence with some probability).
SWAPS = {
    "cho biết": "cho hay", "hiện nay": "hiện tại", "tuy nhiên": "song", "thực hiện": "triển khai",
    "người dân": "nhân dân", "để": "nhằm", "rất": "khá", "khoảng": "chừng", "nhiều": "rất nhiều",
    "Theo đó": "Theo", "đồng thời": "cùng lúc", "nhanh chóng": "kịp thời",
}
SWAP_RATE = 0.35
DROP_WORD_RATE = 0.003
HEADLINE_WORDS = 12  # a related-article link shows a headline, not a lead paragraph


@dataclass
class Page:
    """One synthetic page and what it is a copy of."""

    raw: RawArticle
    source: int  # index of the corpus article it copies
    published: str


def _swap_words(text: str, rng: random.Random) -> str:
    for old, new in SWAPS.items():
        text = regex.sub(rf"(?<!\p{{L}}){regex.escape(old)}(?!\p{{L}})",
                         lambda m, new=new: new if rng.random() < SWAP_RATE else m.group(0), text)
    words = text.split(" ")
    return " ".join(w for w in words if rng.random() >= DROP_WORD_RATE or not w.isalpha())


def edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Light edits: swapped words, a dropped word here and there, maybe the last paragraph cut."""
    edited = [_swap_words(p, rng) for p in paragraphs]
    if len(edited) >= 5 and rng.random() < 0.3:
        edited = edited[:-1]  # aggregators and rewrites often trim the tail
    return edited


def render(title: str, published: str, paragraphs: list[str], chrome: int, others: list[str],
           credit: str | None) -> str:
    """A page as a scraper dumps it: furniture, headline, dateline, body, source line, more furniture."""
    header, footer = CHROME[chrome % len(CHROME)]
    day = dt.date.fromisoformat(published[:10])
    weekday = "Chủ nhật" if day.isoweekday() == 7 else f"Thứ {day.isoweekday() + 1}"
    lines = [*header, title, f"{weekday}, {day:%d/%m/%Y} {published[11:16] or '07:30'}",
             *paragraphs]
    if credit:
        lines.append(f"Theo {credit}")
    lines += [footer[0], *(" ".join(o.split()[:HEADLINE_WORDS]) for o in others), *footer[1:]]
    return "\n".join(lines)


def republish(title: str, published: str, text: str, source: int, copies: int, rng: random.Random,
              others: list[str]) -> list[Page]:
    """The original page (chrome 0, its own date) and `copies` edited copies on later days elsewhere."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    pages = [Page(RawArticle(path=f"orig-{source}.txt", text=render(title, published, paragraphs, 0,
                                                                     others[:3], None),
                             url=f"https://{OUTLETS[0]}/{source}.htm", digest=f"o{source}"),
                  source, published)]
    for n in range(1, copies + 1):
        day = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=n if n < 3 else rng.randint(3, 9))
        when = f"{day.isoformat()}T{rng.randint(6, 21):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        headline = rng.choice((title, f"{title} ", f"Ninh Thuận: {title}", title.upper()[:1] + title[1:]))
        page = render(headline, when, edit(paragraphs, rng), n, others[3 * n:3 * n + 3], OUTLETS[0])
        pages.append(Page(RawArticle(path=f"copy-{source}-{n}.txt", text=page,
                                     url=f"https://{OUTLETS[n % len(OUTLETS)]}/{source}-{n}.htm",
                                     digest=f"c{source}-{n}"), source, when))
    return pages
