"""Reading date expressions: the shapes of Vietnamese dates, turned into unresolved atoms.

Every pattern starts at a digit or a keyword ("tháng", "năm", "quý"); the words before it
(triggers such as "ngày" or "sáng", modifiers such as "cuối", period words such as "giai đoạn")
are checked by look-back regexes on a short window, which keeps the scan fast. An atom is a point
or an interval whose year may still be unknown; `pipeline.extract.kinds.dates` places it in the article.
"""

from pipeline.datetime_parse.atoms import Atom, Clock, Point, clock_from, iso_point, months_later, valid_date
from pipeline.datetime_parse.lexicon import (
    AGE_YEARS,
    DASH,
    DASHES,
    DAY,
    FLAGS,
    HSPACE,
    MONTH,
    NUM_END,
    NUM_START,
    QUARTERS,
    RULES_SCHEMA,
    TIME,
    YEAR,
    Grammar,
    Handler,
    birth_heads,
    date_rules,
    founding_verbs,
)
from pipeline.datetime_parse.patterns import grammar
from pipeline.text import alternation  # the cleaner's published-time patterns use it too

__all__ = [
    "AGE_YEARS", "DASH", "DASHES", "DAY", "FLAGS", "HSPACE", "MONTH", "NUM_END", "NUM_START", "QUARTERS",
    "RULES_SCHEMA", "TIME", "YEAR", "Atom", "Clock", "Grammar", "Handler", "Point", "alternation",
    "birth_heads", "clock_from", "date_rules", "founding_verbs", "grammar", "iso_point", "months_later",
    "valid_date",
]
