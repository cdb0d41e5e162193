"""Read the UN's JSON-lines metadata records (one resolution a line) that come with the AKN4UN XML.

    records, problems = read_metadata(path)

`records` maps the resolution's symbol to a MetadataRecord; `problems` lists
(line number, reason) for the lines that could not be read.  Fields missing
from a record are empty.  The Human Rights Council files wrap each object in a
stray `"` (sometimes on a line of its own); that is tolerated.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from os import PathLike

from graph_builder.un.dates import iso_date


@dataclass(frozen=True, slots=True)
class MetadataRecord:
    symbol: str
    title: str = ""
    adoption_date: str = ""  # ISO 8601
    meeting: str = ""  # "53rd plenary meeting"
    pv: str = ""  # verbatim record of the meeting: A/76/PV.53, S/PV.8444
    draft: str = ""  # draft resolution symbol
    originating_document: str = ""  # report the resolution was adopted on: "A/76/462/Add.2, para. 114"
    committee: str = ""
    agenda_item: str = ""  # "74 (b)"
    agenda_item_name: str = ""
    session: str = ""  # as printed: "Seventy-sixth session"
    adoption_type: str = ""  # "Without a vote", "Recorded vote", "Adopted unanimously, 8444th meeting"
    voting_type: str = ""  # HRC: adoptedRecordedVote, adoptedWithoutVote
    in_favour: tuple[str, ...] = ()  # Member State names as the record gives them
    against: tuple[str, ...] = ()
    abstaining: tuple[str, ...] = ()
    in_favour_count: int | None = None
    against_count: int | None = None
    abstaining_count: int | None = None
    sponsors: tuple[str, ...] = ()
    additional_sponsors: tuple[str, ...] = ()
    sdgs: tuple[str, ...] = ()
    # (label, scheme), e.g. ("RACIAL DISCRIMINATION", "UNBIS Thesaurus"); "scheme|id" where the record gives an id
    subjects: tuple[tuple[str, str], ...] = ()


def _str(o: dict, *keys: str) -> str:
    for k in keys:
        v = o.get(k)
        if isinstance(v, (str, int, float)) and not isinstance(v, bool):
            s = " ".join(str(v).split())
            if s and s.upper() not in ("N.A.", "N/A"):
                return s
    return ""


def _names(o: dict, key: str) -> tuple[str, ...]:
    v = o.get(key)
    if isinstance(v, str):
        v = [v] if v.strip() else []
    if not isinstance(v, list):
        return ()
    return tuple(" ".join(str(x).split()) for x in v if isinstance(x, (str, int)) and str(x).strip())


def _count(o: dict, key: str) -> int | None:
    v = o.get(key)
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


def _subjects(o: dict) -> tuple[tuple[str, str], ...]:
    out = []
    for s in o.get("subjects") or []:
        if isinstance(s, (list, tuple)) and s and isinstance(s[0], str):
            scheme = str(s[1]).strip() if len(s) > 1 and s[1] is not None else ""
            if len(s) > 2 and isinstance(s[2], (str, int)) and str(s[2]).strip():
                scheme += "|" + str(s[2]).strip()  # the concept's id in its scheme, where the record gives one
            out.append((s[0].strip(), scheme))
        elif isinstance(s, str) and s.strip():
            out.append((s.strip(), ""))
    return tuple(out)


def record_from_json(o: dict) -> MetadataRecord:
    """One metadata object -> MetadataRecord (ValueError if it has no symbol)."""
    symbol = _str(o, "symbol")
    if not symbol:
        raise ValueError("record has no symbol")
    agenda = re.sub(r"^Agenda items?\s*", "", _str(o, "agenda_item"), flags=re.I)
    return MetadataRecord(
        symbol=symbol,
        title=_str(o, "title", "resolution_title"),
        adoption_date=iso_date(_str(o, "adoption_date")),
        meeting=_str(o, "adoption_meeting"),
        pv=_str(o, "pv", "outcome_letter"),
        draft=_str(o, "draft_resolution"),
        originating_document=_str(o, "originating_document"),
        committee=_str(o, "committee"),
        agenda_item=agenda,
        agenda_item_name=_str(o, "agenda_item_name"),
        session=_str(o, "session"),
        adoption_type=_str(o, "adoption_type"),
        voting_type=_str(o, "voting_type"),
        in_favour=_names(o, "MS_in_favour"),
        against=_names(o, "MS_against"),
        abstaining=_names(o, "MS_abstaining"),
        in_favour_count=_count(o, "MS_in_favour_count"),
        against_count=_count(o, "MS_against_count"),
        abstaining_count=_count(o, "MS_abstaining_count"),
        sponsors=_names(o, "sponsors"),
        additional_sponsors=_names(o, "additional_sponsors"),
        sdgs=_names(o, "SDGs"),
        subjects=_subjects(o),
    )


def parse_line(line: str) -> dict | None:
    """The JSON object on one line (None for a blank line or a lone quote); ValueError if unreadable."""
    s = line.strip().lstrip("\ufeff").strip().strip('"').strip()
    if not s:
        return None
    try:
        obj, _end = json.JSONDecoder().raw_decode(s)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:  # "[[[[...": the decoder recurses once per level
        raise ValueError("not JSON the reader takes: nested too deeply") from None
    if not isinstance(obj, dict):
        raise ValueError(f"not a JSON object but {type(obj).__name__}")
    if _SURROGATE.search(s) and _has_lone_surrogate(obj):
        raise ValueError("holds a lone surrogate (\\ud800-\\udfff escape without its pair), which is no text")
    return obj


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")  # an escaped surrogate: only then can the object hold a lone one


def _has_lone_surrogate(obj) -> bool:
    """Any string, key or value, with a surrogate code point left unpaired (walked without recursion)."""
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, str):
            try:
                o.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, list):
            stack.extend(o)
    return False


def read_metadata(path: str | PathLike) -> tuple[dict[str, MetadataRecord], list[tuple[int, str]]]:
    """Read one JSON-lines metadata file; never raises on a bad line (OSError if the file cannot be opened)."""
    records: dict[str, MetadataRecord] = {}
    problems: list[tuple[int, str]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            try:
                obj = parse_line(line)
                if obj is None:
                    continue
                rec = record_from_json(obj)
            except (ValueError, TypeError, AttributeError, IndexError) as exc:
                problems.append((n, str(exc)))
                continue
            if rec.symbol in records:
                problems.append((n, f"duplicate record for {rec.symbol}; the first is kept"))
                continue
            records[rec.symbol] = rec
    return records, problems


# -- Member States, as the records name them ----------------------------------------------------------
#
# The records' vote and sponsor lists name States in many spellings ("COTE D'IVOIRE", "Côte d’Ivoire"),
# sometimes several in one entry ("UNITED STATES AND VIET NAM", "Albania, Belgium (on behalf of ...), the
# United Kingdom and Viet Nam"), sometimes with a word broken by a space ("GE RMANY"), and sometimes not
# a State at all ("SUBMITTED BY THE CHAIR OF THE COMMITTEE").  Every State is read to its one short name
# from data/countries.toml and data/member_states.toml; what names no State is left out, never guessed at.

@dataclass(frozen=True, slots=True)
class MemberStates:
    code: dict[str, str]  # short name -> ISO 3166-1 alpha-3
    by_key: dict[str, str]  # state_key(any known spelling) -> short name
    pattern: re.Pattern  # any known spelling, as whole words (state_key form)


def state_key(text: str) -> str:
    """A spelling's comparable form: no accents, no case, one apostrophe style, single spaces."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'").replace("`", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


_states: MemberStates | None = None


def member_states() -> MemberStates:
    """The Member and observer States (read once, on first use)."""
    global _states
    if _states is None:
        from graph_builder.un.data import load_toml

        data = load_toml("member_states.toml")
        countries = load_toml("countries.toml")
        states = [c for c in countries.get("country", []) if c.get("status") in ("member", "observer")]
        missing = [c["name"] for c in states if not c.get("iso")]
        if missing:
            raise ValueError(f"countries.toml: no iso code for the States {missing}")
        code = {c["name"]: c["iso"] for c in states}
        by_key = {state_key(name): name for name in code}
        for c in states:
            for other in c.get("names", []):
                by_key.setdefault(state_key(other), c["name"])
        for spelling, name in data.get("record_names", {}).items():
            if name not in code:
                raise ValueError(f"member_states.toml: {spelling!r} stands for {name!r}, which is not a State there")
            by_key[state_key(spelling)] = name
        # longest spelling first, so that "Democratic Republic of the Congo" wins over "Congo", and "Republic
        # of Korea" does not match inside "Democratic People's Republic of Korea" (which starts earlier)
        alternatives = "|".join(re.escape(k) for k in sorted(by_key, key=lambda k: (-len(k), k)))
        # a spelling is a whole run of words: not preceded or followed by a letter or digit
        pattern = re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])")
        _states = MemberStates(code, by_key, pattern)
    return _states


# an entry that names who introduced or submitted a draft, not the States sponsoring it
_NOT_A_LIST = re.compile(r"\b(?:submitted|introduced|representative of|on the basis of|informal consultations|pursuant to"
                         r"|by the|annex|staffing|committee on|report of|amendment)\b")
# between two States' names: commas, "and", "the", full stops, semicolons, empty parentheses
_SEPARATOR = re.compile(r"(?:[\s,.;()]|\band\b|\bthe\b)*")


def without_on_behalf(text: str) -> str:
    """The entry without "(on behalf of ...)", "(in its capacity as ...)" and ", on behalf of ..." asides:
    the group a State speaks for is not a sponsor.  Parentheses are matched by depth, not by pattern."""
    out, depth, skip_from = [], 0, -1
    low = text.casefold()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            if depth == 0 and low.startswith(("(on behalf", "(of behalf", "(in its capacity"), i):
                skip_from = 0
            depth += 1
            if skip_from < 0:
                out.append(ch)
        elif ch == ")":
            depth = max(depth - 1, 0)
            if skip_from < 0:
                out.append(ch)
            elif depth == 0:
                skip_from = -1
        elif skip_from < 0:
            if depth == 0 and low.startswith((", on behalf of", " on behalf of"), i):
                # to the next comma that starts another State, or the end: the group's name has no commas
                nxt = text.find(",", i + 2)
                i = nxt if nxt >= 0 else len(text)
                continue
            out.append(ch)
        i += 1
    return "".join(out)


def read_states(entry: str) -> tuple[tuple[str, ...], str]:
    """One vote or sponsor entry -> (the States it names, by short name; what was left unread).  An entry
    with anything unread gives no State at all: "GUINEA BISSAU" is not Guinea, "NORTHERN IRELAND" not Ireland."""
    states = member_states()
    key = state_key(without_on_behalf(entry))
    if not key or _NOT_A_LIST.search(key):
        return (), key
    whole = states.by_key.get(key) or states.by_key.get(key.replace(" ", "")) or _spaced(states, key)
    if whole:
        return (whole,), ""
    found, rest, end = [], [], 0
    for m in states.pattern.finditer(key):
        gap = key[end:m.start()]
        if not _SEPARATOR.fullmatch(gap):
            rest.append(gap.strip(" ,.;"))
        found.append(states.by_key[m.group(0)])
        end = m.end()
    if not _SEPARATOR.fullmatch(key[end:]):
        rest.append(key[end:].strip(" ,.;"))
    rest = [r for r in rest if r]
    return (() if rest else tuple(dict.fromkeys(found))), " | ".join(rest)


def read_state_list(entries: tuple[str, ...]) -> tuple[str, ...]:
    """A record's list of vote or sponsor entries -> the States it names, each once, in order.  A name
    broken over two entries ("CÔTE." and "D'IVOIRE", "SOLOMON" and "ISLANDS") is read as one."""
    out: list[str] = []
    i = 0
    while i < len(entries):
        found, rest = read_states(entries[i])
        if rest and i + 1 < len(entries):
            joined, joined_rest = read_states(entries[i].rstrip(" .") + " " + entries[i + 1])
            if joined and not joined_rest:
                out += joined
                i += 2
                continue
        out += found
        i += 1
    return tuple(dict.fromkeys(out))


_SPACED: dict[str, str] = {}  # every spelling without its spaces, made once from the one list of States


def _spaced(states: MemberStates, key: str) -> str | None:
    """A single name with a space inside a word ("ge rmany", "czechi a"): the spellings without spaces."""
    squeezed = key.replace(" ", "")
    if not _SPACED:
        _SPACED.update((k.replace(" ", ""), v) for k, v in states.by_key.items())
    # and with a glued article: "THEREPUBLIC OF KOREA"
    return _SPACED.get(squeezed) or _SPACED.get(squeezed.removeprefix("the"))
