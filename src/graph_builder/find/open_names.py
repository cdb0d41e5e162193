"""Names the gazetteers do not know, read by how the UN builds them.

A name is capitalised modifiers, a head noun, and complements:

    United Nations African Institute  for the Prevention of Crime and the Treatment of Offenders
    ^modifiers              ^head      ^complements: capitalised words joined by connectors

The head says the kind (data/names.toml): "Institute" a body, "Director" an
office, "Guidelines" an instrument.  The scan works on words, never on a
pattern with nested repetition: each head found is extended word by word to
the left over capitalised modifiers and to the right over complements, and a
complement stops where a word cannot belong to it ("… and takes note of her
reports", "… and the annexes thereto", "… and the General Assembly").

Names the gazetteer found are atoms here: a new name may contain one
("General Conference of the International Atomic Energy Agency", "Economic
Commission for Africa Conference of African Ministers …") but never cuts one.

A head with one modifier or none and no complement ("the Institute", "the
General Conference") is a short form; a complement that is itself such a short
form ("Governing Board of the Institute") is left for the resolver to expand.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from graph_builder.find.gazetteer import fold
from graph_builder.find.tries import char_class, first_taken
from graph_builder.find.verbs import verb_table
from graph_builder.un.data import load_toml

# a word: letters or digits, with inner hyphens, slashes, apostrophes and dashes ("HIV/AIDS", "Trade-Related",
# "2021–2026", "Children’s"); punctuation marks are words of their own
TOKEN = re.compile(r"[\w’'][\w’']*(?:[-/–‑][\w’']+)*|[^\s\w]")
YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d(?:[–-](?:1[89]|20)?\d\d)?$")
NUMBER = re.compile(r"\d{1,4}$")
ROMAN_NUMBER = re.compile(r"(?:[IVX]{1,5}|\d{1,3})$")


@dataclass(frozen=True, slots=True)
class OpenName:
    start: int
    end: int
    text: str
    kind: str  # body | office | instrument
    head: str  # the head as printed ("Institute", "Plan of Action")
    modifiers: str  # the capitalised words before the head ("United Nations African")
    full: bool  # a full name; False: a short form ("the Institute", "the General Conference")
    of_short: str = ""  # "Governing Board of the Institute": "the Institute", for the resolver to expand
    acronym: str = ""  # "(UNAFRI)" printed right after it


@dataclass(frozen=True)
class NameWords:
    heads: dict[tuple[str, ...], str]  # head words -> kind
    lower_heads: dict[tuple[str, ...], str]
    max_head: int
    connectors: frozenset[str]
    not_modifiers: frozenset[str]
    never_in_names: frozenset[str]  # "Series" ("United Nations, Treaty Series"), "Permanent" ...
    ordinals: frozenset[str]
    officers_of_bodies: frozenset[str]  # office heads that are offices only of a body named after them
    generic: frozenset[str]  # folded generic complements ("experts", "the parties")
    verb_words: frozenset[str]  # first words of the clause verbs ("recalling", "requests")
    head_pattern: re.Pattern[str] = re.compile("(?!)")  # every head, longest first; last group "lower" for lower-case ones


@cache
def name_words() -> NameWords:
    data = load_toml("names.toml")
    heads: dict[tuple[str, ...], str] = {}
    for kind in ("body", "office", "instrument"):
        for h in data["heads"][kind]:
            heads.setdefault(tuple(h.split()), kind)
    lower = {tuple(h.split()): "instrument" for h in data["heads"]["lower_instrument"]}
    words = data["words"]
    verb_words = frozenset(f.split()[0].casefold() for c in verb_table().concepts for f in c.forms)
    generic = frozenset(fold(g).casefold() for g in words["generic_complements"])
    def taken(hs) -> tuple[set[str], str]:  # a trie: the longest head that ends a word wins, as longest-first would
        return first_taken([" ".join(h) for h in hs], exact=True, char=lambda ch: r"\s+" if ch == " " else re.escape(ch))

    cap_firsts, cap_rest = taken(heads)
    _, lower_rest = taken(lower)
    lower_firsts = {c for h in lower for c in (h[0][:1].lower(), h[0][:1].upper())}  # read in any case
    # a head as a whole word: not "Councils", not "Office-holders"; its first letter first, so that the scan
    # skips in C every position where no head starts
    head_pattern = re.compile(rf"{char_class(cap_firsts | lower_firsts)}(?<![\w’'\-](?s:.))"
                              rf"(?:(?P<cap>(?<={char_class(cap_firsts)}){cap_rest})"
                              rf"|(?P<lower>(?i:(?<={char_class(lower_firsts)}){lower_rest})))(?![\w\-])")
    return NameWords(heads, lower, max(len(h) for h in (*heads, *lower)), frozenset(words["connectors"]),
                     frozenset(words["not_modifiers"]), frozenset(words["never_in_names"]),
                     frozenset(words["ordinals"]), frozenset(data["heads"]["officers_of_bodies"]), generic, verb_words,
                     head_pattern)


def is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and bool(YEAR_RANGE.match(word)))


def find_open_names(text: str, atoms: list[tuple[int, int, str]]) -> list[OpenName]:
    """Every name built the UN way in `text`.  `atoms` are names found already (start, end, kind): a new name
    may contain them whole but not cut them."""
    w = name_words()
    found_heads = list(w.head_pattern.finditer(text))
    if not found_heads:
        return []  # no head, no name: most clauses end here
    inside = sorted((s, e) for s, e, _ in atoms)
    starts = [s for s, _ in inside]

    def in_atom(pos: int) -> bool:
        k = bisect_left(starts, pos + 1) - 1
        return any(s <= pos < e for s, e in inside[max(0, k - 2):k + 1])

    # words from a little before the first head outside the known names (modifiers run leftwards over
    # capitalised words only); none where every head is inside one ("Human Rights Council"), as no name
    # can grow from those
    first = next((hm.start() for hm in found_heads if not in_atom(hm.start())), None)
    lo = text.rfind(" ", 0, max(0, first - 200)) + 1 if first is not None else len(text)
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text, lo)]
    n = len(toks)
    atom_at_start = {s: (e, k) for s, e, k in atoms}
    atom_at_end = {e: (s, k) for s, e, k in atoms}

    def gap_ok(i: int) -> bool:
        """Only white space (no blank line) between token i-1 and token i."""
        between = text[toks[i - 1][1]:toks[i][0]]
        return between.count("\n") < 2 and not between.strip()

    def tok_index(pos: int, lo: int) -> int:
        """The index of the token that starts at pos (searching from lo), or -1."""
        for k in range(lo, n):
            if toks[k][0] == pos:
                return k
            if toks[k][0] > pos:
                break
        return -1

    # the heads, found by one pattern over the text rather than word by word: token index -> (words, kind, lower)
    index_of = {t[0]: k for k, t in enumerate(toks)}
    heads_at: dict[int, tuple[int, str, bool]] = {}
    for hm in found_heads:
        k = index_of.get(hm.start())
        if k is None or k in heads_at:
            continue
        head_words = tuple(hm.group(0).split())
        lower = hm.lastgroup == "lower"
        kind = w.lower_heads[tuple(x.casefold() for x in head_words)] if lower else w.heads[head_words]
        heads_at[k] = (len(head_words), kind, lower)
    head_starts = sorted(heads_at)

    def head_at(i: int) -> tuple[int, str, bool] | None:
        """(number of tokens, kind, lower) of the longest head starting at token i."""
        return heads_at.get(i)

    def cap_word(i: int) -> bool:
        t = toks[i][2]
        return is_cap(t) and t not in w.not_modifiers and t not in w.never_in_names and t.casefold() not in w.verb_words \
            and not in_atom(toks[i][0])

    def comp_word(i: int) -> bool:
        """A capitalised word a complement runs on through ("States Parties" too, which no modifier is)."""
        t = toks[i][2]
        if t.endswith(("’s", "'s")) and not (i + 1 < n and toks[i + 1][2][:1].isupper()):
            return False  # "… and of the Council’s decisions": a possessive opens another phrase
        return t[:1].isupper() and t.casefold() not in w.verb_words and t not in w.never_in_names \
            and not in_atom(toks[i][0])

    def run_reaches_head(k: int) -> bool:
        """Do the capitalised words from token k on, directly after a head, reach another head or a number
        ("Framework Convention", "Working Group III", "Strategy 2021–2026")?"""
        while k < n and gap_ok(k) and (is_cap(toks[k][2]) or ROMAN_NUMBER.match(toks[k][2])):
            if ROMAN_NUMBER.match(toks[k][2]) or toks[k][2][:1].isdigit() or ((h := head_at(k)) and not h[2]):
                return True
            k += 1
        return False

    def run_has_head(k: int) -> bool:
        """Do the capitalised words from token k on hold a head or start a known name?"""
        if toks[k][0] in atom_at_start:
            return True
        while k < n and is_cap(toks[k][2]):
            h = head_at(k)
            if (h and not h[2]) or (toks[k][2].endswith("s") and (toks[k][2][:-1],) in w.heads):
                return True  # "… and the Committee on …", "… and the Optional Protocols thereto"
            k += 1
            if k < n and not gap_ok(k):
                break
        return False

    out: list[OpenName] = []
    i = 0
    last_end = 0
    while True:
        nxt = bisect_left(head_starts, i)
        if nxt >= len(head_starts):
            break
        i = head_starts[nxt]
        s0 = toks[i][0]
        if s0 < last_end or in_atom(s0):
            i += 1
            continue
        h = heads_at[i]  # i is one of head_starts
        size, kind, lower = h
        head_text = text[toks[i][0]:toks[i + size - 1][1]]
        # -- modifiers, leftwards: capitalised words, or a known body ending just before a body's head
        left = i
        absorbed = -1  # the token index where an absorbed known name starts
        while left > 0 and gap_ok(left):
            prev = toks[left - 1]
            if prev[1] in atom_at_end:
                a_start, a_kind = atom_at_end[prev[1]]
                k = tok_index(a_start, max(0, left - 60))
                # a body's name before a body's head ("Economic Commission for Africa Conference of …"), or a
                # short one before an instrument's ("African Union Plan of Action on …")
                if k >= 0 and a_kind == "body" and (kind == "body" or (kind == "instrument" and left - k <= 3)):
                    absorbed = k
                break
            if lower or not cap_word(left - 1) or toks[left - 1][0] < last_end:
                break
            left -= 1
        modifiers = text[toks[left][0]:toks[i][0]].strip() if left < i else ""
        # -- a number or year: "No. 39 (2022)", "2021–2026", "(2019–2023)"
        end = i + size - 1
        j = end + 1
        if j + 1 < n and toks[j][2] == "No" and toks[j + 1][2] == "." and j + 2 < n and NUMBER.match(toks[j + 2][2]):
            end = j + 2
            j = end + 1
        if j < n and gap_ok(j) and YEAR_RANGE.match(toks[j][2]):
            end = j
            j += 1
        if j + 2 < n and toks[j][2] == "(" and YEAR_RANGE.match(toks[j + 1][2]) and toks[j + 2][2] == ")":
            end = j + 2
            j = end + 1
        complement_start = j
        of_short = ""
        generic_only = True
        if lower:
            # a lower-case head takes a lower-case topic: "on the rights of Indigenous women and girls"
            m = LOWER_TOPIC.match(text, toks[end][1])
            if m:
                end_pos = toks[end][1] + len(m.group(0))
                while j < n and toks[j][1] <= end_pos:
                    j += 1
                end = j - 1
                generic_only = False
            else:
                i += 1
                continue
        else:
            while j < n:
                t = toks[j][2]
                if not gap_ok(j) and t not in (",", ":", "("):
                    break
                if toks[j][0] in atom_at_start and j > end + 1 and toks[j - 1][2] in w.connectors and not (
                        atom_at_start[toks[j][0]][1] == "office" and toks[end + 1][2] != "of"):
                    # (an office only after "of": after "to" or "from" it is whom a letter went to or came from)
                    # a known name as complement: "General Conference of the International Atomic Energy Agency"
                    a_end = atom_at_start[toks[j][0]][0]
                    k = j
                    while k < n and toks[k][1] <= a_end:
                        k += 1
                    end, j = k - 1, k
                    generic_only = False
                    continue
                if j == complement_start and j == end + 1 and cap_word(j) and not run_reaches_head(j):
                    break  # "Programme Management Officer", "Bonn Conference Conclusions": the head ended the name
                if (comp_word(j) if j > complement_start or toks[j - 1][2] in w.connectors else cap_word(j)) and j == end + 1:
                    end = j
                    j += 1
                    if t.casefold() not in w.generic:
                        generic_only = False
                    continue
                if t in w.connectors or t == "relating":
                    k = j
                    while k < n and toks[k][2] in w.connectors and k - j < 4 and gap_ok(k):
                        k += 1
                    if k >= n or not gap_ok(k) or not (comp_word(k) or toks[k][0] in atom_at_start):
                        break
                    if toks[k][0] not in atom_at_start and not is_cap(toks[k][2]):
                        break
                    joined = [x[2] for x in toks[j:k]]
                    if "and" in joined and (kind == "office" or run_has_head(k) or not any(
                            x[2] in w.connectors and x[2] not in ("and", "the") for x in toks[complement_start:j])):
                        # "… and" joins words of a complement, never two names: "Pacific Islands Forum and the
                        # Caribbean Community", "West Bank and the Gaza Strip"
                        # an office is one person's: "Chair of the Special Committee and the Chief Minister"
                        break  # "… and the General Assembly", "… and the Committee on …": another name
                    if toks[k][0] in atom_at_start:
                        j = k
                        continue
                    j = k
                    end = k - 1  # provisional: a capitalised word must follow, checked next round
                    continue
                if t == ",":
                    m = COMMA_LIST.match(text, toks[j][0], toks[j][0] + COMMA_LIST_WINDOW)
                    inner: list[int] = []
                    while m and j + 1 + len(inner) < n and toks[j + 1 + len(inner)][0] < m.end():
                        inner.append(j + 1 + len(inner))
                    if m and not any(head_at(k) or in_atom(toks[k][0]) for k in inner):
                        stop = toks[j][0] + len(m.group(0))
                        while j < n and toks[j][1] <= stop:
                            j += 1
                        end = j - 1
                        generic_only = False
                        continue
                    break
                if t == ":" and kind == "instrument" and j + 1 < n and is_cap(toks[j + 1][2]):
                    end = j  # a subtitle, checked word by word from here
                    j += 1
                    generic_only = False
                    continue
                if t == "(" and j + 2 < n and YEAR_RANGE.match(toks[j + 1][2]) and toks[j + 2][2] == ")":
                    end = j + 2
                    j += 3
                    continue
                break
            # the name ends on its last capitalised word, never on a connector or a colon
            while end >= complement_start and (toks[end][2] in w.connectors or toks[end][2] in (":", ",")):
                end -= 1
        if not lower and end >= complement_start:
            comp = fold(text[toks[complement_start][0]:toks[end][1]])
            words = comp.split(" ")
            if words and words[0] in w.connectors:
                rest = " ".join(words[1:]).casefold()
                if rest in w.generic or rest.removeprefix("the ") in w.generic:
                    generic_only = True
                elif words[0] == "of" and len(words) > 1 and words[1] == "the":
                    tail = " ".join(words[2:])
                    short = SHORT_SHAPE.fullmatch(tail)
                    if short and not any(toks[k][0] in atom_at_start for k in range(complement_start, end + 1)):
                        of_short = "the " + tail
                        generic_only = False
                else:
                    generic_only = False
        mods = modifiers.split()
        if mods and mods[0] in w.ordinals and SESSION_OF.match(text, toks[i + size - 1][1]):
            # "the Fifth Conference of States Parties to …": a session of the Conference, which is the body
            left += 1
            mods = mods[1:]
            modifiers = " ".join(mods)
        full = not generic_only or len(mods) >= 2
        if absorbed >= 0 and (full or generic_only is False):
            left = absorbed  # "Economic Commission for Africa Conference of African Ministers of …"
        start, stop = toks[left][0], toks[end][1]
        if left > 0 and toks[left - 1][2] in w.never_in_names:
            i = end + 1  # "Permanent Representative of Austria": a State's
            continue
        if kind == "office" and head_text.split()[0] in w.officers_of_bodies and not of_short and not any(
                in_atom(toks[k][0]) or (head_at(k) or (0, ""))[1] == "body" for k in range(complement_start, end + 1)):
            i = end + 1  # "President of the South West Africa People’s Organization": not an office of the UN
            continue
        if not full:
            # a short form: "the Institute", "the General Conference"; only after "the"
            before = text[max(0, start - 5):start]
            if of_short or not re.search(r"(?<![\w-])the\s+$", before):
                i = end + 1
                continue
        # "(UNAFRI)" just after
        acr = ACRONYM_AFTER.match(text, stop)
        acronym = (acr.group(1) or fold("the " + acr.group(2))) if acr else ""
        # an office head printed in lower case counts only before "of the <Name>": "a director of the Institute"
        out.append(OpenName(start, stop, text[start:stop], kind, head_text, modifiers, full, of_short, acronym))
        last_end = stop
        i = end + 1
    # lower-case office titles of a named body: "a director of the Institute", "the president of the Council"
    lower_offices = LOWER_OFFICE.finditer(text) if any(h in text for h in LOWER_OFFICE_HEADS) else ()
    for m in lower_offices:
        if any(o.start < m.end() and m.start() < o.end and o.full for o in out) or in_atom(m.start()):
            continue
        out = [o for o in out if not (o.start < m.end() and m.start() < o.end)]
        tail = m.group("tail")
        if SHORT_SHAPE.fullmatch(re.sub(r"\s+", " ", tail)):
            out.append(OpenName(m.start(), m.end(), m.group(0), "office", m.group("head").capitalize(), "", True,
                                of_short=fold("the " + tail)))
    out.sort(key=lambda o: o.start)
    return out


# after a head, the complement of a standing body that meets in numbered sessions
SESSION_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:States\s+)?Parties\b")
# "on the rights of Indigenous women and girls": a topic in lower case, to the first word that cannot belong to it
LOWER_TOPIC = re.compile(
    r"\s+(?:of\s+the\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*\s+)?on\s+(?:the\s+)?[\w’'\-]+(?:\s+(?!and\s+(?:the|its|to|of|in)\b|including\b|which\b|adopted\b|in\s+which\b|as\b|by\b|at\b|that\b)[\w’'\-]+){0,12}?(?=\s*[,;.()]|\s+(?:and\s+(?:the|its|to|of|in|resolution)|including|which|adopted|in\s+which|as|by|at|that)\b)"
)
# ", Racial Discrimination, Xenophobia and Related Intolerance": a list of capitalised words that ends in "and"
_CAPS = r"[A-Z][\w’'\-/]*(?:\s+[A-Z][\w’'\-/]*)*"
COMMA_LIST = re.compile(rf",\s+{_CAPS}(?:,\s+{_CAPS})*,?\s+and\s+{_CAPS}")
COMMA_LIST_WINDOW = 300  # no name's list is longer; a bound keeps a hostile run of commas linear
# a short form's shape after "of the": up to three capitalised words, the last a head ("Institute", "General Conference")
SHORT_SHAPE = re.compile(r"(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*")
# "(UNAFRI)", "(the Hodeidah Agreement)", "(hereinafter “the Agreement”)": what the text will call it
ACRONYM_AFTER = re.compile(r"\s*\((?:([A-Z][A-Za-z]*[A-Z](?:-[A-Z]+)?)|(?:hereinafter\s+)?[“\"]?the\s+((?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*)[”\"]?)\)")
# the words every LOWER_OFFICE head holds: a text without one is not scanned (most clauses)
LOWER_OFFICE_HEADS = ("director", "president", "chair", "executive")
LOWER_OFFICE = re.compile(
    r"(?<![\w-])(?P<head>director|president|chair|chairperson|executive\s+director|executive\s+secretary)"
    r"\s+of\s+the\s+(?P<tail>(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*)(?![\w-])(?!\s+(?:of|on|for)\s+[A-Z])"
)


@cache  # the gazetteer's names come back in every resolution that names them
def head_short_forms(name: str) -> frozenset[str]:
    """The short forms a full name gives by its head noun, folded: "Durban Review Conference" -> "the conference",
    "the review conference", "the durban review conference"; "Governing Board of the …" -> "the governing board",
    "the board".  Empty when the name has no head."""
    w = name_words()
    words = name.split(" ")
    cut = next((i for i, x in enumerate(words) if x in w.connectors or x in (",", ":")), len(words))
    lead = words[:cut]
    for size in range(min(w.max_head, len(lead)), 0, -1):
        for i in range(len(lead) - size, -1, -1):
            if tuple(lead[i:i + size]) in w.heads and i + size == len(lead):
                head = " ".join(lead[i:i + size])
                mods = [m for m in lead[:i] if not m[:1].isdigit()]
                out = {fold("the " + head)}
                for k in range(1, min(3, len(mods)) + 1):
                    out.add(fold("the " + " ".join(mods[-k:]) + " " + head))
                return frozenset(out)
    return frozenset()
