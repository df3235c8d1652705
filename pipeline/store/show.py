"""`vnie show`: one article as a self-contained HTML page, every mention highlighted by type.

The highlighting is spaCy's displaCy (`style="ent"`, `manual=True`) fed with our own mentions,
field by field (title, text, captions), beside a table of the article's figures and directives.
Nothing is loaded from elsewhere: styles are inline, so the file can be mailed or archived.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.kinds import registered_kinds
from pipeline.store.query import vi_number
from pipeline.store.sqlite import StoreError, open_store


def colours() -> dict[str, str]:
    """Each registered kind's highlight colour, by entity type."""
    return {spec.label: spec.colour for spec in registered_kinds()}

QUALIFIERS = {"approx": "about", "more_than": "more than", "at_least": "at least", "at_most": "at most",
              "less_than": "less than"}

STYLE = """
body { margin: 0; font: 16px/1.5 -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #222;
       background: #fff; }
header { padding: 1.2rem 2rem 0.6rem; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 0.3rem; font-size: 1.5rem; }
.meta { color: #555; font-size: 0.9rem; }
.meta span + span::before { content: " · "; }
.legend { margin-top: 0.5rem; font-size: 0.85rem; }
.legend b { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 0.2em;
            margin: 0 0.25em 0 0.8em; vertical-align: -0.05em; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 430px; gap: 2rem; padding: 1rem 2rem; }
section h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: #777;
             margin: 1.2rem 0 0.3rem; }
aside table { border-collapse: collapse; width: 100%; font-size: 0.8rem; margin-bottom: 1rem; }
aside th, aside td { border-bottom: 1px solid #eee; padding: 0.25rem 0.35rem; text-align: left;
                     vertical-align: top; }
aside td.num { text-align: right; white-space: nowrap; }
aside .sentence { color: #555; }
aside .same { color: #aaa; font-style: italic; }
aside .who { color: #a0306a; font-size: 0.75rem; margin-top: 0.15rem; }
aside td:nth-child(2) { min-width: 5.5em; }
.empty { color: #999; font-style: italic; }
"""


class ShowError(Exception):
    """The article cannot be shown (unknown or ambiguous id), or the page cannot be written there."""


def resolve_id(conn: sqlite3.Connection, wanted: str) -> str:
    """The full id of the article whose id is `wanted` or starts with it (it must be unique)."""
    wanted = wanted.strip().lower()
    if not wanted:
        raise ShowError("give an article id or a prefix of one")
    rows = conn.execute("SELECT id FROM articles WHERE id = ? OR substr(id, 1, length(?)) = ? "
                        "ORDER BY id LIMIT 6", (wanted, wanted, wanted)).fetchall()
    ids = [row[0] for row in rows]
    if wanted in ids:
        return wanted
    if not ids:
        raise ShowError(f"no article id starts with {wanted!r}; `vnie query articles` lists them")
    if len(ids) > 1:
        more = ", ..." if len(ids) > 5 else ""
        raise ShowError(f"{wanted!r} is the start of several ids ({', '.join(ids[:5])}{more}); "
                        "give more of it")
    return ids[0]


def non_overlapping(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spans sorted by start, dropping any that overlaps one already kept (longer ones first)."""
    kept: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s["end"] - s["start"]), s["start"])):
        if all(span["end"] <= a or span["start"] >= b for a, b in taken):
            kept.append(span)
            taken.append((span["start"], span["end"]))
    return sorted(kept, key=lambda s: s["start"])


ATTRIBUTION = ("measure", "subject", "time", "source")  # what hovering a figure shows


def attribution_text(figure: dict[str, Any]) -> str:
    """One line naming what a figure measures, whose it is, for when and who says so."""
    parts = [f"{key}: {figure[key]}" for key in ATTRIBUTION if figure.get(key)]
    if figure.get("of") is not None:
        parts.insert(1, f"of: {_number(figure['of'])}")
    return " · ".join(parts)


def highlight(text: str, mentions: list[dict[str, Any]],
              hover: dict[tuple[int, int], str] | None = None) -> str:
    """displaCy markup of one field with its mentions (those whose offsets match the text); a mention
    whose (start, end) is in `hover` gets that text as its tooltip."""
    from spacy import displacy

    spans = [{"start": m["start"], "end": m["end"], "label": m["type"]} for m in mentions
             if 0 <= m["start"] < m["end"] <= len(text) and text[m["start"]:m["end"]] == m["text"]]
    kept = non_overlapping(spans)
    doc = {"text": text, "ents": kept, "title": None}
    markup = displacy.render(doc, style="ent", manual=True, page=False, jupyter=False,
                             options={"colors": colours()})
    if not hover:
        return markup
    # displaCy writes one <mark class="entity" ...> per span, in order: give figures their tooltip
    pieces = markup.split('<mark class="entity"')
    for i, span in enumerate(kept, start=1):
        tip = hover.get((span["start"], span["end"]))
        if tip and i < len(pieces) and (close := pieces[i].find(">")) > 0:
            pieces[i] = f'{pieces[i][:close]} title="{escape(tip)}"{pieces[i][close:]}'

    return '<mark class="entity"'.join(pieces)


def load_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """The article row, its mentions by field, its figures and its directives."""
    article = dict(conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone())
    by_field: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute('SELECT type, text, field, start, "end" FROM mentions WHERE article_id = ? '
                            "ORDER BY seq", (article_id,)):
        by_field.setdefault(row["field"] or "text", []).append(dict(row))
    figures = [dict(r) for r in conn.execute("SELECT * FROM figures WHERE article_id = ? ORDER BY seq",
                                             (article_id,))]
    directives = [dict(r) for r in conn.execute("SELECT * FROM directives WHERE article_id = ? ORDER BY seq",
                                                (article_id,))]
    return {"article": article, "mentions": by_field, "figures": figures, "directives": directives}


def _number(value: Any) -> str:
    """A cell as the page shows it: numbers in the Vietnamese format, nothing for null."""
    return vi_number(value) if isinstance(value, int | float) else str(value or "")


def safe_link(url: str | None) -> str | None:
    """The URL when it is http(s) and so safe to link to; a crawler's javascript: or data: URL is not."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unbalanced [ in the host
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _sentence_cell(figure: dict[str, Any], previous: str | None, who: str = "") -> str:
    """The figure's sentence with the figure in bold (a ditto mark when the row above has it), and
    under it what the figure measures, whose it is, for when and who says so."""
    sentence = figure["sentence"] or ""
    attribution = f"<div class=who>{escape(who)}</div>" if who else ""
    if sentence and sentence == previous:
        return f"<td><span class=same>(same sentence)</span>{attribution}</td>"
    text, at = figure["text"] or "", sentence.find(figure["text"] or "\0")
    if not text or at < 0:
        return f"<td class=sentence>{escape(sentence)}{attribution}</td>"
    return (f"<td class=sentence>{escape(sentence[:at])}<b>{escape(text)}</b>"
            f"{escape(sentence[at + len(text):])}{attribution}</td>")


def side_tables(figures: list[dict[str, Any]], directives: list[dict[str, Any]]) -> str:
    """The directives and figures tables of the side column."""
    out = [f"<section><h2>Directives ({len(directives)})</h2>"]
    if directives:
        out.append("<table><tr><th>id</th><th>kind</th><th>issuer</th><th>issued</th><th>mentions</th></tr>")
        for d in directives:
            out.append(
                f"<tr><td>{escape(d['directive_id'] or '')}</td><td>{escape(d['kind'] or '')}</td>"
                f"<td>{escape(d['issuer'] or '')}</td><td>{escape(d['issued'] or '')}</td>"
                f"<td class=num>{d['mentions']}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p class=empty>none</p>")
    out.append(f"</section><section><h2>Figures ({len(figures)})</h2>")
    if figures:
        out.append("<table><tr><th>value</th><th>unit</th><th>qualifier</th><th>target</th>"
                   "<th>sentence</th></tr>")
        previous = None
        for f in figures:
            who = attribution_text(f)
            out.append(
                f"<tr><td class=num>{escape(_number(f['value']))}</td>"
                f"<td>{escape(f['unit'] or '')}</td>"
                f"<td>{escape(QUALIFIERS.get(f['qualifier'] or '', ''))}</td>"
                f"<td>{'yes' if f['is_target'] else ''}</td>{_sentence_cell(f, previous, who)}</tr>")
            previous = f["sentence"]
        out.append("</table>")
    else:
        out.append("<p class=empty>none</p>")
    out.append("</section>")
    return "".join(out)


def _section(name: str, markup: str) -> str:
    """One headed section of the article page."""
    return f"<section><h2>{name}</h2>{markup}</section>"


def render_html(data: dict[str, Any]) -> str:
    """The whole page for one loaded article."""
    article, mentions = data["article"], data["mentions"]
    captions = json.loads(article["captions"] or "[]")
    authors = json.loads(article["authors"] or "[]")
    meta = [article["outlet"], article["published"], article["province"], ", ".join(authors) or None,
            f"id {article['id']}"]
    meta_html = "".join(f"<span>{escape(m)}</span>" for m in meta if m)
    link = safe_link(article["url"])
    if link:
        meta_html += f'<span><a href="{escape(link)}" rel="noopener noreferrer">original</a></span>'
    elif article["url"]:  # shown, never followed: a crawler may have recorded javascript:... as the URL
        meta_html += f"<span>URL {escape(article['url'])}</span>"
    shown = Counter(m["type"] for ms in mentions.values() for m in ms)
    legend = "".join(f'<b style="background:{spec.colour}"></b>{spec.noun} ({shown[spec.label]})'
                     for spec in registered_kinds())
    hover: dict[str, dict[tuple[int, int], str]] = {}
    for f in data["figures"]:
        hover.setdefault(f["field"] or "text", {})[(f["start"], f["end"])] = attribution_text(f)
    body = []

    def marked(field: str, text: str) -> str:
        return highlight(text, mentions.get(field, []), hover.get(field))

    if article["title"]:
        body.append(_section("Title", marked("title", article["title"])))
    body.append(_section("Text", marked("text", article["text"] or "")))
    if captions:
        body.append(_section("Captions", "".join(marked(f"captions.{i}", c) for i, c in enumerate(captions))))
    title = escape(article["title"] or article["id"])
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
        f"<body><header><h1>{title}</h1><div class=meta>{meta_html}</div>"
        f"<div class=legend>{legend}</div></header>"
        f"<main><div>{''.join(body)}</div><aside>{side_tables(data['figures'], data['directives'])}</aside>"
        "</main></body></html>\n"
    )


def check_output(out: Path | str) -> Path:
    """The page's path when it can be a file: its folder must exist (none is made behind the user's back)."""
    path = Path(out)
    if path.is_dir():
        raise ShowError(f"--html {path} is a folder; give a file name, e.g. {path / 'article.html'}")
    if not path.parent.is_dir():
        raise ShowError(f"--html {path}: the folder {path.parent} does not exist; create it first "
                        f"(mkdir -p {path.parent}) or give another path")
    return path


def show(db_path: Path | str, wanted: str, out: Path | str) -> str:
    """Write the HTML page of article `wanted` (id or unique prefix) to `out`; its full id."""
    path = check_output(out)
    conn = open_store(db_path)
    try:
        article_id = resolve_id(conn, wanted)
        page = render_html(load_article(conn, article_id))
    finally:
        conn.close()
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ShowError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return article_id


def run(args: Any) -> int:
    """The `vnie show` command."""
    try:
        article_id = show(args.db, args.id, args.html)
    except (StoreError, ShowError, sqlite3.Error) as exc:
        print(f"vnie show: {exc}", file=sys.stderr)
        return 2
    print(f"vnie show: article {article_id} -> {args.html}", file=sys.stderr)
    return 0
