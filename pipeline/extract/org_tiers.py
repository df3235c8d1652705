"""The tiers a body's name counts right after it ("Viện Kiểm sát nhân dân hai cấp", "Tòa án nhân dân 2
cấp"): the bodies of every tier, one organisation, so the tier count is part of its name."""

from __future__ import annotations

import re

from pipeline.extract.org_parts import Scan
from pipeline.extract.org_view import View

# a small count of tiers, in words or digits, then the noun "cấp" (tier)
TIERS = re.compile(r"[ \t\xa0]+(?:hai|ba|[23])[ \t\xa0]+cấp(?![\w-])", re.IGNORECASE)


def tier_end(view: View, scan: Scan) -> int:
    """End of a tier count right after a real name ("... nhân dân" + " hai cấp"), read as structure
    rather than left to the tagger's reading of the lower-case tail; else the scan's end. "cấp" must
    be a word of its own ("hai cấp độ" rates, it counts no tiers)."""
    if not scan.named or scan.acronym is not None:
        return scan.end
    tiers = TIERS.match(view.norm, scan.end)
    if tiers is None:
        return scan.end
    after = view.next_word(tiers.end())
    glued = after is not None and view.token(after[0]) == view.token(tiers.end() - 1)
    return scan.end if glued else tiers.end()
