"""Directive symbols in canonical form (spec section 3): Party or State order, official codes.

"29/NQ-TƯ" is the Party's `29-NQ/TW`, "30/2020/NĐ-CP" the State's; codes typed with D for Đ are
respelled ("QD" -> "QĐ") and a type glued to its issuer is cut ("QĐUB" -> QĐ, UB).
"""

from __future__ import annotations

import regex

from pipeline.extract.directive_grammar import rules
from pipeline.text import casefold_words

STATE_ORDER = regex.compile(r"^(?P<num>\d+)/(?P<type>[^-/]+)-(?P<issuer>[^-/]+)$")  # "420/QĐ-TV", no year


def canonical_symbol(num: str, year: str | None, codes: list[str], dash_first: bool,
                     year_dash: bool = False, slashed: bool = False) -> tuple[str, str | None, str | None]:
    """A symbol's id, the type its abbreviation names, and the issuer its codes imply.

    `year_dash`: a dash between the year and the codes ("32/2015-BGDĐT"); without a type code to
    put a slash before, nothing tells the symbol's official form, and it stays as written.
    `slashed`: the codes were written apart by slashes; a ministry's code before its type code
    ("Nghị định số 07/BTP/NĐ", an older order) then stays as written: the State's TYPE-ISSUER form
    is for a type code first, and a dash there would make a symbol no page writes."""
    rule = rules()
    official = [rule.kind_by_abbr[c.upper()][0] if c.upper() in rule.kind_by_abbr
                else (party_code(c) or (None, None))[0] or _issuer_code(c)[0] for c in codes]
    first = codes[0].upper()
    if slashed and not year and len(codes) == 2 and _issuer_first(codes):
        kind = rule.kind_by_abbr[codes[1].upper()][1]
        return f"{num}/{official[0]}/{official[1]}", kind, _issuer_code(codes[0])[1]
    # Party symbols are "05-CT/TW"; "29/NQ-TƯ", "29-NQ-TƯ" and "42/HD/ĐUK" are ones written badly.
    if not year and len(codes) >= 2 and (dash_first or party_code(codes[-1]) is not None):
        symbol = f"{num}-{official[0]}/{'-'.join(official[1:])}"
        kind = rule.party_kind_by_abbr.get(first) or rule.kind_by_abbr.get(first, ("", None))[1]
    else:
        symbol = "/".join([num, *([year] if year else []), "-".join(official)])
        kind = rule.kind_by_abbr.get(first, ("", None))[1]
        if year_dash and first not in rule.kind_by_abbr:
            symbol = f"{num}/{year}-{'-'.join(official)}"
        if kind is None and first.casefold() in rule.words["letter_issuers"]:
            kind = "Công văn"
        elif kind is None and year and first.startswith("QH"):
            kind = "Luật"
    issuer = next((body for code in codes if (body := _issuer_code(code)[1] or _party_body(code))), None)
    return symbol, kind, issuer


def _issuer_first(codes: list[str]) -> bool:
    """Whether two codes are a State issuer the rules know, then a type abbreviation ("BTP", "NĐ")."""
    issuer, kind = codes[0].upper(), codes[1].upper()
    return (issuer not in rules().kind_by_abbr and _issuer_code(codes[0])[1] is not None
            and kind in rules().kind_by_abbr and party_code(codes[1]) is None)


def _party_body(code: str) -> str | None:
    return (party_code(code) or ("", None))[1]


def party_code(code: str) -> tuple[str, str | None] | None:
    """A Party issuer code in official spelling and the body it implies, or None for another code.

    A committee ("TW", "TƯ", "T.Ư", "TU", "HU", "ĐUK"...) or a board of one ("BTCTU": Ban Tổ chức
    Tỉnh ủy, "UBKTHU"). The centre alone implies no body: a "05-CT/TW" may be the Politburo's or the
    Secretariat's, which only the text says.
    """
    rule, upper = rules(), code.upper()
    if entry := rule.party_issuers.get(upper):
        return entry["canonical"], entry["name"] if entry.get("implied") else None
    for board_code, board in rule.party_boards.items():
        committee = rule.party_issuers.get(upper[len(board_code):]) if upper.startswith(board_code) else None
        if committee:
            return board["canonical"] + committee["canonical"], f"{board['name']} {committee['name']}"
    return None


def _issuer_code(code: str) -> tuple[str, str | None]:
    """An issuer code in official case and the body it names, when the rules know it."""
    upper = code.upper()
    head = upper.rstrip("0123456789")  # "QH14": the 14th National Assembly
    entry = rules().issuer_codes.get(upper) or rules().issuer_codes.get(head, {"prefix": False})
    if entry.get("prefix") or upper == entry.get("term", "").upper():
        return entry["canonical"] + code[len(entry["term"]):], entry["body"]
    return code, None


def known_code(code: str) -> bool:
    """Whether a symbol part is a type abbreviation or an issuer the rules know."""
    rule, upper = rules(), code.upper()
    return (upper in rule.kind_by_abbr or party_code(code) is not None
            or upper.casefold() in rule.words["letter_issuers"] or _issuer_code(code)[1] is not None)


MAX_RESPELT = 3  # a code holds few Đ: "BGDĐT", "ĐUKCQTW"


def respelled(code: str) -> str:
    """A code typed with D for Đ ("QD", "BGDDT", "DU"), as the rules know it ("QĐ", "BGDĐT", "ĐU").

    Pages typed without Vietnamese keys, and file names, write Đ as D; a code the rules know as
    written stays ("HD" is a guidance, no "HĐ"), and so does one no respelling makes known.
    """
    if "D" not in code.upper() or known_code(code):
        return code
    at = [i for i, char in enumerate(code) if char in "Dd"]
    if len(at) > MAX_RESPELT:
        return code
    for mask in range(1, 2 ** len(at)):
        chars = list(code)
        for bit, i in enumerate(at):
            if mask >> bit & 1:
                chars[i] = "Đ" if chars[i] == "D" else "đ"
        if known_code(candidate := "".join(chars)):
            return candidate
    return code


def unglued(codes: list[str]) -> list[str]:
    """Codes whose first, the type's place, glues a type abbreviation to a known issuer: "QĐUB" -> QĐ, UB.

    Only the first: a later code is an issuer, "929/KL-TTCP" is the Government Inspectorate's. Each
    code is `respelled` first ("QD-UBND" is QĐ-UBND).
    """
    codes = [respelled(code) for code in codes]
    first, kinds = codes[0], rules().kind_by_abbr
    if known_code(first):
        return codes
    cut = next((n for n in range(len(first) - 2, 1, -1)
                if respelled(first[:n]).upper() in kinds and known_code(respelled(first[n:]))), None)
    return [respelled(first[:cut]), respelled(first[cut:]), *codes[1:]] if cut else codes


def party_order(symbol: str, issuer: str) -> str:
    """A symbol in State order ("420/QĐ-TV") put in Party order ("420-QĐ/TV") when the text names a
    Party body as its issuer and the symbol's issuer code is none the rules know (spec section 3)."""
    match = STATE_ORDER.match(symbol)
    rule = rules()
    if not match or match["type"].upper() not in rule.kind_by_abbr or known_code(match["issuer"]):
        return symbol
    words = f" {casefold_words(issuer, modern=True)} "
    if not any(f" {word} " in words for word in rule.words["party_body_words"]):
        return symbol
    return f"{match['num']}-{match['type']}/{match['issuer']}"
