"""The stage table: the pipeline in order, why each stage is there, and the steps one article takes.

The README's stage table mirrors `STAGES` (a test holds them together). Ingest hands each article
to the per-article steps below; store and engine are around them: every step reads the article, the
record so far and the run's `Settings` (the one object the engine hands every worker), and fills its
own fields.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.clean import lines as clean
from pipeline.clean.language import detect_language
from pipeline.engine import guards
from pipeline.extract import build_document, extract
from pipeline.extract.province import province_fields
from pipeline.model import ArticleTimeout, Failed, RawArticle, VnieError, empty_record
from pipeline.settings import Settings

Record = dict[str, Any]
Step = Callable[[RawArticle, Record, Settings], None]
PLAIN_RUN = Settings()  # every default: no URL dates, no site templates (what tests and benches process with)


def clean_stage(raw: RawArticle, record: Record, settings: Settings) -> None:
    """Split the page into line classes and read title, date, byline and outlet."""
    # the lines the page's sites repeat on their pages, when the run learned or loaded site templates
    template = settings.templates.lines_for(raw) if settings.templates is not None else frozenset()
    lines = clean.classify(raw.text, raw.title, raw.url, template)
    body = clean.body_paragraphs(lines)
    if not body and raw.title is None:
        # a one-paragraph page: the line taken as headline is all the article there is
        for line in lines:
            if line.cls == clean.TITLE:
                line.cls, body = clean.BODY, [line.text]
    if not body:  # a photo story: its captions are all the text it has
        for line in lines:
            if line.cls == clean.CAPTION:
                line.cls = clean.BODY
                body.append(line.text)
    if not body:
        raise VnieError("no_body", "no article text is left once title, meta lines and site boilerplate "
                                   "are removed; check that the input holds the article itself")
    title_line = clean.title_from(lines, raw.url)
    # a container's headline may carry the dateline a CMS glued to it too ("Headline | 12/03/2021")
    container_title, title_dateline = clean.split_glued_dateline((raw.title or "").strip())
    record["title"] = container_title or title_line
    # or inside the page's headline element, which the reader hands over as printed (the body drops it)
    title_dateline = title_dateline or clean.heading_dateline(raw.heading, record["title"])
    record["text"] = "\n\n".join(body)
    record["captions"] = list(dict.fromkeys(clean.body_paragraphs(lines, clean.CAPTION)))
    record["meta"] = [line.text for line in lines if line.cls == clean.META]
    record["boilerplate"] = [line.text for line in lines if line.cls == clean.BOILERPLATE]
    authors = clean.container_authors(raw.authors)
    for line in lines:
        if line.cls == clean.META and line.author is None and (name := clean.author_from_dateline(line)):
            line.author = name
    authors += [a for a in clean.authors_from(lines) if a not in authors]
    record["authors"] = authors
    record["published"] = clean.published_from(lines, raw.published, raw.published_guess,
                                               raw.guess_printed_in, title_dateline,
                                               raw.url if settings.url_dates else None)
    record["source"]["outlet"] = clean.outlet_from_url(raw.url) or clean.outlet_from_lines(lines)
    if template:  # lines removed only because the site repeats them: the run's summary counts them
        record["source"]["template_lines"] = sum(clean.removed_as_template(line) for line in lines)


def language_stage(raw: RawArticle, record: Record, settings: Settings) -> None:
    """Record the language; only Vietnamese goes on to extraction."""
    record["lang"] = detect_language(f"{record['title'] or ''}\n{record['text']}")


def extract_stage(raw: RawArticle, record: Record, settings: Settings) -> None:
    """Tokenize title, body, captions and meta lines, then run every extractor."""
    if record["lang"] != "vi":
        return
    read = guards.record_fields(record)  # pathological spans (100,000 digits...) blanked, offsets kept
    doc = build_document(
        read["text"],
        title=read.get("title", record["title"]),
        captions=[read[f"captions.{i}"] for i in range(len(record["captions"]))],
        meta=[read[f"meta.{i}"] for i in range(len(record["meta"]))],
        published=record["published"],
        outlet=record["source"]["outlet"],
        province=record["province"],  # "UBND tỉnh" in a Ninh Thuận article is Ninh Thuận's
    )
    record.update(extract(doc))
    guards.settle(record, read)  # nothing found across the blanks; sentences as written


def province_stage(raw: RawArticle, record: Record, settings: Settings) -> None:
    """The province the article is about, as of its date and after the 2025 merger."""
    record.update(province_fields(record))


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline: its package, why it is there, and its steps on one article."""

    name: str
    package: str
    why: str
    steps: tuple[Step, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "pipeline/ingest/",
          "crawlers leave text, HTML, JSON Lines and WARC in any encoding: one raw article per page, NFC"),
    Stage("clean", "pipeline/clean/",
          "a page is mostly not the article: title, meta, body, captions and boilerplate apart; the language "
          "told, so other languages are recorded, not forced through Vietnamese rules",
          (clean_stage, language_stage)),
    Stage("extract", "pipeline/extract/",
          "the province from the outlet, then from the places named (as of the article's date and after "
          "the 2025 merger); each field segmented once, every registered kind found, overlaps resolved "
          "once", (province_stage, extract_stage)),
    Stage("store", "pipeline/store/",
          "JSON Lines flushed per article so nothing is lost, and an SQLite database to query, serve and "
          "export; republished copies of one story (in the batch or the store) share a story id, and a "
          "canonical name keeps the spelling the store first wrote, so counts take a story and a body once"),
    Stage("engine", "pipeline/engine/",
          "one process, a pool of workers or a Dask cluster, with per-article limits: same records, same "
          "order"),
)


def process(raw: RawArticle, settings: Settings = PLAIN_RUN) -> Record:
    """One article through every stage, configured by the run's settings (trafilatura's `Extractor`);
    raises VnieError for an input that cannot become a record."""
    record = empty_record(raw)
    for stage in STAGES:
        for step in stage.steps:
            step(raw, record, settings)
    return record


def process_safely(item: RawArticle | Failed, settings: Settings = PLAIN_RUN) -> tuple[str, Record]:
    """("record", record) or ("error", error record): one bad page never stops a batch."""
    if isinstance(item, Failed):
        return "error", item.record()
    try:
        return "record", process(item, settings)
    except VnieError as exc:
        return "error", Failed(item.path, exc.kind, exc.message, item.digest, item.url).record()
    except Exception as exc:  # a bug on one page must not end the batch; the record says what broke
        if isinstance(exc, (ArticleTimeout, MemoryError)):
            raise  # the per-article limits are the engine's to report, as `timeout`/`out_of_memory` errors
        message = f"internal error while processing this article ({type(exc).__name__}: {exc}); " \
                  "please report it with the input attached"
        error = Failed(item.path, "internal_error", message, item.digest, item.url).record()
        if settings.debug:
            error["error"]["traceback"] = traceback.format_exc()
        return "error", error
