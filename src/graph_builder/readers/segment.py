"""Stage 2 for plain text: lines become clauses, footnotes find their markers.

Paragraph boundaries in PDF text are signalled by blank lines, by the first
line's indentation, by an operative paragraph's number ("8. Urges") or by a
clause verb opening a line after a clause-ending comma.  Ids follow the
extraction contract: ppN, opN, opN.a, II.op3, annex1.p4, fnN.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from graph_builder.find.verbs import is_operative_form, opening, starts_clause
from graph_builder.lang import Language, language
from graph_builder.models import (
    Diagnostic,
    DocumentInfo,
    MappedText,
    Marker,
    SourceClause,
    SourceDocument,
    SourceFootnote,
)
from graph_builder.readers import cover
from graph_builder.readers.normalize import Line, join_lines, normalize

# The lines that are words (the enacting formula "The General Assembly,", "Annex II", "the following draft
# resolution:") are the language's: lang/<code>.toml [reader].
# a section or part heading alone on its line: "I", "II.", "A", "B"
SECTION = re.compile(r"^\s*(?P<label>[IVXLC]{1,6}|[A-Z])\.?\s*$")
# "12. Requests" (an OCR'd "12 . " too)
NUMBERED = re.compile(r"^\s*(?P<num>\d{1,3})\s?\.(?:\s+(?=\S)|\s*$)")
# a paragraph number printed without its full stop, alone on its line after a finished clause: "6"
BARE_NUMBER = re.compile(r"^\s*(?P<num>\d{1,3})\s*$")
# "(a) ...", "(iv) ...", "(1) ...", and bullets; "(b). Trinitrophenylmethylnitramine" (S/RES/2776 (2025)) is a label too
SUBPARA = re.compile(r"^\s*(?:\((?P<label>[a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)\.?(?:\s+(?=\S)|\s*$)|(?P<bullet>[•\-–—]\.?)\s+(?=\S))")
ROMAN = re.compile(r"^[ivxlc]+$")
# a line that opens with a word in lower case ("and demands that ..."), not with a label ("xx) To ...")
LOWER_WORD = re.compile(r"^[a-z][a-z’'\-]*\s")
# digits glued to a lower-case word, left after the markers of the footnotes the text has: "Convention7"
STRAY_MARKER = re.compile(r"(?<![\w-])[A-Za-z][a-z]{2,}(?P<m>\d{1,2})(?=[\s,;:.)]|$)")

@dataclass
class Para:
    """A paragraph being assembled; its contract id is given once the whole text is read."""

    kind: str  # preambular | operative | annex | heading
    lines: list[Line] = field(default_factory=list)
    number: str = ""  # "12" for "12. Requests"
    sub: str = ""  # "a", "a.i", "bullet2" for sub-paragraphs
    section: int = 0  # index into Segmenter.sections
    annex: int = 0
    label_end: int = 0  # characters of the first line taken by the number/label
    id: str = ""
    role: str = ""  # for headings: marker ("II", "Annex"), title (the words after a marker) or free
    after_operative: bool = False  # an operative paragraph came before it in its statement
    quoted: bool = False  # it opens with a quotation mark: what the paragraph before it quotes


OPENING_QUOTES = "“\"‘"


def find_formula(lines: tuple[Line, ...], lang: Language) -> int:
    for i, ln in enumerate(lines):
        if lang.reader.formula.match(ln.text) and len(ln.text.strip()) < 90:
            return i
    return -1


def paragraph_end_char(p: Para | None) -> str:
    """The paragraph's last mark, a footnote marker after it aside ("2021–2022,1" ends with a comma)."""
    if p is None or not p.lines:
        return ""
    last = p.lines[-1].text.rstrip()
    return re.sub(r"(?<=[,;:.)])\s?\d{1,3}$", "", last)[-1:]


class Segmenter:
    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.phrases = lang.reader
        self.paras: list[Para] = []
        self.sections: list[str] = [""]  # section labels in order of appearance; 0 is "no section"
        self.statements: set[int] = set()  # sections that open with an enacting formula (parts A, B)
        self.components = 0  # draft resolutions recommended for adoption (C1, C2 ...)
        self.component_sections: set[int] = set()
        self.section = 0
        self.annex = 0
        self.seen_operative = False
        self.last_number = 0
        self.current: Para | None = None
        self.sub_labels: list[str] = []  # labels of the current paragraph's sub-paragraphs
        self.heading_open = False  # right after a section or annex line: the heading may follow
        self.closed = False  # past the closing lines: what follows is annexed

    def open(self, p: Para, line: Line) -> None:
        p.section = self.section
        p.annex = self.annex
        p.lines.append(line)
        self.paras.append(p)
        self.current = p

    def parent(self) -> Para | None:
        for p in reversed(self.paras):
            if p.kind in ("operative", "annex", "preambular") and not p.sub:
                return p
        return None

    def open_component(self) -> None:
        """'Recommends ... the adoption of the following draft resolution:': what follows is the
        draft's text, a component of its own (C1, C2 ...), as the UN's markup has it."""
        self.components += 1
        self.sections.append(f"C{self.components}")
        self.section = len(self.sections) - 1
        self.statements.add(self.section)
        self.component_sections.add(self.section)
        self.seen_operative = False
        self.last_number = 0

    def new_statement(self) -> None:
        """An enacting formula: a new preamble begins."""
        if self.section:
            self.statements.add(self.section)
        self.current = Para("heading", role="formula")
        self.seen_operative = False
        self.last_number = 0

    def feed(self, line: Line) -> None:
        text = line.text.strip()
        prev_end = paragraph_end_char(self.current)
        if prev_end == ":" and self.current is not None and not self.current.sub and self.phrases.draft_follows.search(
                " ".join(ln.text.strip() for ln in self.current.lines[-3:])) and (line.blank_before or line.indent):
            self.open_component()
        # the first line after the enacting formula opens a paragraph, blank line or not ("… Council,\nConscious")
        boundary = line.blank_before or (line.indent > 0 and not self.same_block(line)) or self.current is None \
            or self.current.role == "formula"
        if self.annex and self.phrases.formula.match(line.text):
            boundary = True  # "The States Parties to this Convention," opens the annexed text's preamble
        cur = self.current
        if cur is not None and (cur.number or cur.sub) and len(cur.lines) == 1 \
                and cur.label_end >= len(cur.lines[0].text.rstrip()) and not self.next_numbered(line):
            cur.lines.append(line)  # "1." or "(b)" alone on its line (plain pdftotext): its text follows
            return

        sm = SECTION.match(line.text)
        ends_and = self.current is not None and bool(self.current.lines) and bool(
            re.search(r"[;,]\s+and$", self.current.lines[-1].text.rstrip()))  # "… a breach of the peace; and" / "I"
        # plain pdftotext keeps no blank line around a section's number: the line alone after a finished clause says it
        if sm and (boundary or prev_end in ",;:.") and (self.current is None or prev_end in ",;:." or ends_and
                                                       or self.current.kind == "heading"):
            if not self.annex:
                self.sections.append(sm.group("label"))
                self.section = len(self.sections) - 1
            self.heading_open = True
            self.open(Para("heading", role="marker", after_operative=self.seen_operative), line)
            if not self.annex:
                self.seen_operative = False
            return
        if self.phrases.annex.match(line.text) and (boundary or prev_end in ",;:." or (self.current is not None and self.current.kind == "heading")):
            if not (self.paras and self.paras[-1].role == "marker" and self.paras[-1].annex):
                self.annex += 1  # "Annex" twice in a row (a heading over the annex's own heading) is one annex
            self.last_number = 0
            self.heading_open = True
            self.open(Para("heading", role="marker"), line)
            return

        if self.phrases.annex_titled.match(line.text) and not self.annex and (boundary or prev_end in ".;:" or self.closed):
            self.annex = 1
            self.last_number = 0
            self.heading_open = True
            self.open(Para("heading", role="title"), line)
            return

        nm = NUMBERED.match(line.text) or (BARE_NUMBER.match(line.text) if prev_end in ";:." else None)
        if nm and (boundary or prev_end in ",;:." or int(nm.group("num")) == self.last_number + 1 or (
                nm.group("num") == "1" and self.current is not None and self.current.kind == "heading")):
            num = int(nm.group("num"))
            # a number or two skipped after a finished clause: one printed without its full stop ("6" alone)
            if num == self.last_number + 1 or num == 1 or boundary or (
                    prev_end in ";:." and self.last_number < num <= self.last_number + 3):
                self.heading_open = False
                self.last_number = num
                kind = "annex" if self.annex else "operative"
                self.seen_operative = self.seen_operative or kind == "operative"
                self.sub_labels = []
                self.open(Para(kind, number=str(num), label_end=nm.end()), line)
                return

        sp = SUBPARA.match(line.text)
        parent = self.parent()
        if sp and parent is not None and parent.kind in ("operative", "annex") and (boundary or prev_end in ",;:"):
            label = sp.group("label")
            if label is None:
                label = f"bullet{sum(1 for x in self.sub_labels if x.startswith('bullet')) + 1}"
            elif ROMAN.match(label) and self.sub_labels and not self.follows(label):
                # (i) under (a): a second level
                lettered = [x for x in self.sub_labels if "." not in x and not x.startswith("bullet")]
                label = f"{lettered[-1]}.{label}" if lettered else label
            self.sub_labels.append(label)
            self.heading_open = False
            self.open(Para(parent.kind, number=parent.number, sub=label, label_end=sp.end()), line)
            return

        if line.blank_before and LOWER_WORD.match(text) and self.current is not None and self.current.sub \
                and self.current.kind in ("operative", "annex") and prev_end in ";.":
            # "(f) The fourth report …;" then, on a paragraph of its own, "and demands that …": the
            # paragraph goes on after its list, a paragraph of its own as the UN's markup has it
            self.heading_open = False
            self.open(Para(self.current.kind), line)
            return
        if boundary and self.starts_paragraph(text, prev_end):
            self.heading_open = False
            self.start_unnumbered(line, text)
            return
        if not boundary and prev_end in ",;." and text[:1].isupper() and starts_clause(text, self.lang) \
                and not (prev_end == "." and re.search(r"\d\.\s*$", self.current.lines[-1].text if self.current else "")) \
                and self.current is not None and (self.current.kind != "heading" or self.annex):
            # a clause verb opening a line after a clause-ending comma, with no blank line (OCR'd texts)
            self.start_unnumbered(line, text)
            return
        if self.current is None:
            self.open(Para("heading", role="free", after_operative=self.seen_operative), line)
            return
        if self.current.kind == "heading" and (boundary or self.current.role == "marker"):
            role = "title" if self.heading_open else "free"
            self.open(Para("heading", role=role, after_operative=self.seen_operative), line)
            return
        self.current.lines.append(line)

    def next_numbered(self, line: Line) -> bool:
        """Does the line open the next numbered paragraph?  Then it is no text of a label alone above it
        (S/RES/2551 (2020): "(i)" printed alone, then "9. Decides …")."""
        nm = NUMBERED.match(line.text)
        return nm is not None and int(nm.group("num")) == self.last_number + 1

    def same_block(self, line: Line) -> bool:
        """A line as far in as the unfinished line above it goes on the same indented block (a boxed
        strategy, a quotation), where PDF text indents every line against the page's margin."""
        if self.current is None or not self.current.lines or line.indent < 2:
            return False
        above = self.current.lines[-1]
        return above.indent == line.indent and not above.text.rstrip().endswith((".", ";", ":", ","))

    def follows(self, label: str) -> bool:
        """Is this roman-looking label simply the next letter ((h) then (i))?"""
        letters = [x for x in self.sub_labels if len(x) == 1]
        return bool(letters) and len(label) == 1 and ord(label) == ord(letters[-1]) + 1

    def starts_paragraph(self, text: str, prev_end: str) -> bool:
        if not (text[:1].isupper() or text[:1] in "“\"‘'("):
            return False
        if self.current is None or self.current.kind == "heading":
            return starts_clause(text, self.lang) or not self.heading_open
        return prev_end in ",;:." or starts_clause(text, self.lang)

    def start_unnumbered(self, line: Line, text: str) -> None:
        if looks_like_heading(text, self.lang):
            role = "title" if self.heading_open else "free"
            self.open(Para("heading", role=role, after_operative=self.seen_operative), line)
            return
        if self.annex:
            self.open(Para("annex"), line)
            return
        op = opening(text, self.lang)
        operative = is_operative_form(op.head, self.lang) if op.head else None
        if self.phrases.resolved.match(op.phrase):
            operative = True
        quoted = text[:1] in OPENING_QUOTES
        if self.seen_operative and quoted and paragraph_end_char(self.current) == ":":
            # what an operative paragraph quotes ("… on the following question: “Having particular regard
            # to …”", A/RES/77/276) is part of the operative part, whatever verb the quotation opens with
            operative = True
        if operative is None:
            operative = self.seen_operative
        self.seen_operative = self.seen_operative or operative
        self.open(Para("operative" if operative else "preambular", quoted=quoted), line)

    def section_tree(self) -> tuple[dict[int, int], dict[int, int]]:
        """(level, parent) of each section: parts with an enacting formula enclose roman
        sections, which enclose lettered ones."""
        level: dict[int, int] = {}
        parent: dict[int, int] = {}
        for k in range(1, len(self.sections)):
            label = self.sections[k]
            level[k] = 0 if k in self.statements else 1 if re.fullmatch(r"[IVXLC]+", label) else 2
            parent[k] = next((j for j in range(k - 1, 0, -1) if level[j] < level[k]), 0)
        return level, parent

    def sections_that_restart(self) -> dict[int, bool]:
        """Which sections are sections in their own right.  A part with its own enacting formula
        always is; a run of sibling sections is when the numbering starts again at 1 after the first
        of them, or one of the later ones has a preamble of its own."""
        first: dict[int, int] = {}
        preamble: dict[int, bool] = {}
        for p in self.paras:
            if p.kind == "heading" or p.annex:
                continue
            if p.number and not p.sub:
                first.setdefault(p.section, int(p.number))
            if p.kind == "preambular":
                preamble[p.section] = True
        level, parent = self.section_tree()
        parts = [k for k in level if level[k] == 0 and k not in self.component_sections]
        runs: dict[tuple[int, int], list[int]] = {}
        for k in level:
            if level[k]:
                runs.setdefault((parent[k], level[k]), []).append(k)
        restarts: dict[int, bool] = {0: False}
        # parts with their own formula are parts, unless there is only one ("75/251 C" printed alone)
        restarts.update({k: len(parts) > 1 or k in self.component_sections for k in level if level[k] == 0})
        unnumbered_only = {p.section for p in self.paras if p.kind == "operative" and not p.number and not p.sub}
        unnumbered_only -= {p.section for p in self.paras if p.number}
        for run in runs.values():
            later = run[1:] if len(run) > 1 else run
            # parts I, II, III of unnumbered paragraphs (S/RES/82 (1950)) each start their count again
            real = any(first.get(k, 0) == 1 or preamble.get(k, False) for k in later) or (
                len(run) > 1 and all(k in unnumbered_only for k in run))
            restarts.update({k: real for k in run})
        return restarts

    def section_prefixes(self, restarts: dict[int, bool]) -> dict[int, str]:
        """'B.' for part B, 'B.II.' for its section II when that is a section in its own right."""
        _, parent = self.section_tree()
        prefixes = {0: ""}
        for k in range(1, len(self.sections)):
            outer = prefixes[parent[k]]
            prefixes[k] = f"{outer}{self.sections[k]}." if restarts.get(k) else outer
        return prefixes

    def annex_label(self, k: int) -> bool:
        p = self.paras[k]
        return p.role == "marker" and bool(p.annex) and bool(self.phrases.annex.match(p.lines[0].text))

    def assign_ids(self) -> list[Para]:
        """Contract ids, from content.  A section's label prefixes its clauses only when the
        section restarts the numbering (or has a preamble of its own); a section that does not
        is no section in the UN's markup, and its heading lines count as paragraphs, as free
        headings do (the markup makes them paragraphs: ppN before the operative part, uopN after)."""
        restarts = self.sections_that_restart()
        paras: list[Para] = []
        labels = [self.annex_label(k) for k in range(len(self.paras))]  # before the loop below renames roles
        for k, p in enumerate(self.paras):
            if p.kind == "heading" and p.role in ("free", "title") and not looks_like_heading(
                    " ".join(ln.text.strip() for ln in p.lines), self.lang):
                # it read like a heading on its first line, but goes on as a clause
                p.kind = "annex" if p.annex else ("operative" if p.after_operative else "preambular")
                if p.kind == "operative" or (p.kind == "preambular" and is_operative_form(opening(p.lines[0].text, self.lang).head, self.lang)):
                    p.kind = "operative"
                p.role = ""
            if p.kind != "heading":
                paras.append(p)
            elif p.role == "free" or (p.role == "title" and p.annex) or (labels[k] and not (
                    k + 1 < len(self.paras) and self.paras[k + 1].annex == p.annex
                    and self.phrases.annex_start.match(self.paras[k + 1].lines[0].text))) or (
                    p.role in ("marker", "title") and not p.annex and not restarts.get(p.section) and self.sections[p.section]):
                # the annex's own label ("Annex", "Annex II") is its first paragraph, as the UN's markup has it
                # (a label printed twice, or again with the annex's title, "Annex Gearing up for …", is one)
                p.kind = "annex" if p.annex else ("operative" if p.after_operative else "preambular")
                p.role = "heading"
                paras.append(p)
        # an operative verb printed in the preamble ("Takes note of ..., " before paragraph 1) is preambular
        numbered = {p.section for p in paras if p.number and p.kind == "operative"}
        seen_number: set[int] = set()
        for p in paras:
            if p.number and p.kind == "operative":
                seen_number.add(p.section)
            elif (p.kind == "operative" and not p.number and not p.sub and p.role != "heading"
                  and p.section in numbered and p.section not in seen_number
                  and p.lines[-1].text.rstrip().endswith(",")):
                p.kind = "preambular"
        prefixes = self.section_prefixes(restarts)
        # a resolution that numbers none of its operative paragraphs (the early Security Council's) counts
        # them as its paragraphs: op1, op2 ...; where others are numbered, an unnumbered one is uopN
        # (one unnumbered paragraph alone, "Recommends the following: (a) …", stays uop1, as the markup has it;
        # a quotation it opens does not count)
        unnumbered = [p for p in paras if p.kind == "operative" and not p.sub and p.role != "heading" and not p.quoted]
        none_numbered = len(unnumbered) > 1 and not any(p.number for p in unnumbered)
        counts: dict[str, int] = {}
        for i, p in enumerate(paras):
            prefix = f"annex{p.annex}." if p.annex else prefixes[p.section]
            if p.sub:
                parent = next((q for q in reversed(paras[:i]) if not q.sub and q.kind == p.kind), None)
                p.id = f"{parent.id}.{p.sub}" if parent is not None and parent.id else f"{prefix}op{p.number}.{p.sub}"
                continue
            if p.number:
                p.id = f"{prefix}{'p' if p.kind == 'annex' else 'op'}{p.number}"
                continue
            stem = prefix + {"preambular": "pp", "operative": "op" if none_numbered else "uop", "annex": "up"}[p.kind]
            counts[stem] = counts.get(stem, 0) + 1
            p.id = f"{stem}{counts[stem]}"
        return paras


def mend_reordered(paras: list[Para], lang: Language) -> list[Para]:
    """Plain pdftotext prints a two-line paragraph out of order: its number, its last line, then, after a
    blank line, its first ("4." / "Agency;" / "" / "Appeals to Member States to continue to support the
    activities of the").  A numbered paragraph whose one line after the number opens no clause and ends
    one, followed by a one-line paragraph that opens with a clause verb and ends with no mark, before the
    next number or the end, is that paragraph: its first line goes back after the number."""
    out: list[Para] = []
    k = 0
    while k < len(paras):
        p = paras[k]
        q = paras[k + 1] if k + 1 < len(paras) else None
        after = paras[k + 2] if k + 2 < len(paras) else None
        if q is not None and p.number and not p.sub and len(p.lines) == 2 \
                and p.label_end >= len(p.lines[0].text.rstrip()) and q.kind == p.kind and not q.number \
                and not q.sub and len(q.lines) == 1 and q.lines[0].blank_before \
                and (after is None or (after.number and not after.sub)):
            tail, head = p.lines[1].text.strip(), q.lines[0].text.strip()
            if tail[-1:] in ";." and not starts_clause(tail, lang) and head[-1:] not in ",;:." \
                    and starts_clause(head, lang):
                p.lines = [p.lines[0], q.lines[0], p.lines[1]]
                out.append(p)
                k += 2
                continue
        out.append(p)
        k += 1
    return out


def mark_headings(lines: tuple[Line, ...] | list[Line], lang: Language) -> list[Line]:
    """Headings in text with no blank lines and no indentation (plain pdftotext): a short line with no
    closing mark, after a finished clause and before a numbered paragraph, starts a paragraph of its own."""
    out = list(lines)
    for i in range(1, len(out) - 1):
        ln, above, below = out[i], out[i - 1], out[i + 1]
        t = ln.text.strip()
        if ln.blank_before or ln.indent or below.blank_before or below.indent:
            continue
        if not (above.text.rstrip().endswith((".", ";", ":")) and t[:1].isupper() and looks_like_heading(t, lang)):
            continue
        if NUMBERED.match(below.text) or SUBPARA.match(below.text) or SECTION.match(below.text):
            out[i] = replace(ln, blank_before=True)
    return out


def looks_like_heading(text: str, lang: Language) -> bool:
    """A short line that ends without punctuation and opens with no clause verb: a heading; so is one of a few
    words ending in a colon ("Reporting:", "United Nations and International Support:", S/RES/2779 (2025))."""
    end = text.rstrip()[-1:]
    return len(text) < 100 and (end not in ",;:." or (end == ":" and len(text.split()) <= HEADING_COLON_WORDS)) \
        and not starts_clause(text, lang)


HEADING_COLON_WORDS = 6


# -- footnote markers -------------------------------------------------------


@cache
def marker_patterns(label: str, lang: Language | None = None) -> tuple[re.Pattern[str], ...]:
    """Where a footnote marker can sit; group "m" is the marker itself."""
    words = (lang or language()).markers
    lab = re.escape(label)
    not_after = "".join(f"(?<!{re.escape(w)})" for w in words.unit_words)
    return (
        # glued to a word or a closing mark: "Rights1", "defenders2", "Rights,1", "(Paris Principles),10"
        re.compile(rf"(?<=[^\W\d_]|[)\]’”\"',;:])(?P<m>{lab})(?!\d)(?![^\W\d_])"),
        # glued to a year: "21 March 20197" is 2019 and marker 7, "2015–20302" is 2030 and 2 (never after "No. ")
        re.compile(rf"(?<![\d/.,])(?<!{re.escape(words.number_sign)})(?:19[4-9]\d|20[0-3]\d)(?P<m>{lab})(?!\d)"),
        # left alone after the clause's final comma: "of 25 and 27 May 1993, 10"
        re.compile(rf"(?<=[,;.])\s+(?P<m>{lab})\s*$"),
    ) + ((
        # OCR'd volumes (cr-unsc) print a spaced marker, numbered through the volume, before "and" or a comma:
        # "resolution 431 (1978) 61 and his", "the Namibian situation 64 and"; never after a unit word
        re.compile(rf"(?<=[a-z)]){not_after}\s(?P<m>{lab})(?=\s+{re.escape(words.conjunction)}\s|\s*,)"),
    ) if len(label) >= 2 else ())


def find_markers(paras: list[tuple[str, MappedText]], labels: list[str], lang: Language | None = None) -> tuple[dict[str, tuple[str, int, int]], list[str]]:
    """Place each footnote label in the paragraph that carries its marker, in order.

    Returns {label: (paragraph id, clean start, clean end)} and the labels not found."""
    found: dict[str, tuple[str, int, int]] = {}
    missing: list[str] = []
    k = 0
    for i, (pid, mt) in enumerate(paras):
        cursor = 0
        while k < len(labels):
            hit = first_match(mt.text, labels[k], cursor, lang)
            if hit is None:
                # the marker of labels[k] may be lost: if the next label is here and labels[k] is not in the
                # next few paragraphs either, give k up
                nxt = first_match(mt.text, labels[k + 1], cursor, lang) if k + 1 < len(labels) else None
                if nxt is not None and nxt[0] >= cursor and not any(
                        first_match(t.text, labels[k], 0, lang) for _, t in paras[i + 1:i + 4]):
                    missing.append(labels[k])
                    k += 1
                    continue
                break
            s, e = hit
            found[labels[k]] = (pid, s, e)
            cursor = e
            k += 1
    missing.extend(labels[k:])
    return found, missing


def first_match(text: str, label: str, cursor: int, lang: Language | None = None) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for pat in marker_patterns(label, lang):
        m = pat.search(text, cursor)
        if m and (best is None or m.start("m") < best[0]):
            best = (m.start("m"), m.end("m"))
    if best is None:
        best = spaced_marker(text, label, cursor, lang)
    return best


# a marker printed as a word of its own, as PDF text gives a superscript: "Human Rights, 1 the", "Peoples 3 and";
# the words a number before or after belongs to are the language's (lang/<code>.toml [markers])


@cache
def spaced_pattern(label: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\W_]|[)\]’”\"',;:.])\s(?P<m>{re.escape(label)})(?=\s|$)")


def spaced_marker(text: str, label: str, cursor: int, lang: Language | None = None) -> tuple[int, int] | None:
    """The label as a word of its own where no number of the sentence can be meant."""
    lang = lang or language()
    months, words = lang.words.month_numbers, lang.markers
    for m in spaced_pattern(label).finditer(text, cursor):
        before = text[max(0, m.start("m") - 80):m.start("m")].split()  # a bounded look: no scan of the whole text
        after = text[m.end("m"):m.end("m") + 80].split()
        prev = before[-1] if before else ""
        prev2 = before[-2].strip(",;:.()[]’”\"'").casefold() if len(before) > 1 else ""
        word = prev.strip(",;:.()[]’”\"'").casefold()
        if (word in words.number_before or word in months) and not prev.endswith((",", ";", ")")):
            continue  # "paragraph 3", "Goal 13"; but "at its session, 1 which" ends the phrase first
        if re.fullmatch(r"\d{1,4}[,;:.)]?", prev):
            # "paragraphs 3, 4" and "3, 4" are numbers in a list; "Agenda 21, 4 the" ends a title;
            # "of 1 March 2024 5 on" ends a date
            year_of_date = re.fullmatch(r"(?:19|20)\d\d", prev) and prev2 in months
            if not year_of_date and (prev2 in words.list_units or re.fullmatch(r"\d{1,4}", prev2) or not prev.endswith(",")):
                continue
        if after:
            nxt = after[0]
            w = nxt.strip(",;:.()[]’”\"'").casefold()
            if nxt.startswith(("(", "%", "–", "-", "/")) or w in words.number_after or w in months or (
                    re.fullmatch(r"\d[\d,.]*", w) and not re.fullmatch(r"(?:19|20)\d\d", w)):
                continue  # "3 4" and "1,622" are numbers; "held in 2011, 1 2014 and 2018" has a marker
            if w in words.joining and len(after) > 1 and re.match(r"\d", after[1]):
                continue  # "3 and 4", "21 to 23 May"
        return m.start("m"), m.end("m")
    return None


# -- the stage --------------------------------------------------------------


# the longest heading the contract folds away ("a short unnumbered paragraph with no opening verb"):
# the golds made from the UN's XML count fifteen words as short
HEADING_WORDS = 15
TOP_LEVEL = re.compile(r"(?:[A-Za-z0-9]+\.)*?u?(?:pp|op|p)\d+")


def operative_headings(clauses, lang: Language) -> tuple[set[str], set[str]]:
    """The headings of the operative part (after an operative paragraph, or between the preamble's
    last paragraph and the first operative one): those the contract folds away, and those it keeps
    as unnumbered operative paragraphs.  A heading inside the preamble, with preambular paragraphs
    after it, stays a paragraph, as the UN's markup has it; so do an annex's.  Only a short heading
    is folded (HEADING_WORDS words at most: the contract's "short unnumbered paragraph"); a long one
    ("Group of Independent Eminent Experts on the Implementation of the Durban Declaration and
    Programme of Action") is an unnumbered operative paragraph, whatever the text reader took it for."""
    folded: set[str] = set()
    kept: set[str] = set()
    seen_operative = False
    pending: list[str] = []  # headings since the last preambular paragraph, before any operative one
    for c in clauses:
        if c.kind == "annex" or not TOP_LEVEL.fullmatch(c.id):
            continue
        if c.heading or is_title(c, lang, plain=not seen_operative):
            short = len(c.body.text.split()) <= HEADING_WORDS
            if seen_operative:
                (folded if short else kept).add(c.id)
            else:
                pending.append(c.id)
            continue
        if c.kind == "operative":
            seen_operative = True
            for cid, heading in ((h, next(x for x in clauses if x.id == h)) for h in pending):
                (folded if len(heading.body.text.split()) <= HEADING_WORDS else kept).add(cid)
        pending = []
    return folded, kept


def is_title(c, lang: Language, plain: bool = False) -> bool:
    """A preambular "paragraph" that ends with no mark at all is a heading printed in the preamble
    ("Degrading the threat posed by Al-Shabaab", the title of an adopted outcome document): every
    preambular paragraph ends with a comma, a semicolon, a colon or a full stop, unless its mark was
    left out (S/RES/2504 (2020): "Underscoring that … the Council’s decisions"), so one that opens with
    a clause verb is a paragraph all the same.  In text with no type to
    go by (plain=True) a marker left after the final mark ("… resolution 79/16, 2") is no end, and a
    paragraph with a comma in it is a clause the heading after it ran into ("… United Nations, Arms
    Embargo"), not a title; the operative part has no preambular paragraph, so there it is one all the same."""
    text = c.body.text.rstrip()
    if plain:
        text = re.sub(r"(?<=[,;:.)])\s?\d{1,3}$", "", text)
        if "," in text:
            return False
    return c.kind == "preambular" and "." not in c.id and len(text) < 400 and not text.endswith((",", ";", ":", ".", "…")) \
        and not starts_clause(text, lang)


# "(a) ..." opening a paragraph: a list item
LIST_ITEM = re.compile(r"^\(([a-z]{1,3}|[ivx]{1,5})\)\s")
# an unnumbered paragraph's id, counted in its section ("II.pp3", "uop2", "annex1.up4"), and its sub-paragraph part
UNNUMBERED = re.compile(r"^(?P<prefix>(?:[A-Za-z0-9]+\.)*?)(?P<stem>pp|uop|up)(?P<n>\d+)(?P<sub>\..+)?$")


class Recount:
    """The contract's ids counted again, clause by clause, once the headings are out: "(a) …" after a
    preambular paragraph ending in a colon is its sub-paragraph, the unnumbered paragraphs are counted again
    (pp, uop, up; a heading kept as a paragraph of the operative part is a uop), and a sub-paragraph follows
    its paragraph's new id.  `renamed` maps the old ids to the new."""

    def __init__(self, operative: set[str]) -> None:
        self.operative = operative
        self.renamed: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.parent = ""  # a preambular paragraph that opens a lettered list ("... as follows:")

    def clause(self, c: SourceClause) -> SourceClause:
        renamed = self.renamed
        lm = LIST_ITEM.match(c.body.text)
        if c.kind == "preambular" and self.parent and lm:
            renamed[c.id] = f"{renamed.get(self.parent, self.parent)}.{lm.group(1)}"
            return replace(c, id=renamed[c.id])
        self.parent = c.id if c.kind == "preambular" and "." not in c.id and c.body.text.rstrip().endswith(":") else ""
        m = UNNUMBERED.match(c.id)
        if m and not m.group("sub"):
            key = m.group("prefix") + ("uop" if c.id in self.operative else m.group("stem"))
            self.counts[key] = self.counts.get(key, 0) + 1
            renamed[c.id] = f"{key}{self.counts[key]}"
            if c.id in self.operative and c.kind != "operative":
                c = replace(c, kind="operative")
        elif m:
            self.parent = c.id[: len(c.id) - len(m.group("sub"))]
            renamed[c.id] = renamed.get(self.parent, self.parent) + m.group("sub")
        return replace(c, id=renamed[c.id]) if renamed.get(c.id, c.id) != c.id else c


def fold_headings(clauses: list[SourceClause], footnotes: list[SourceFootnote], diagnostics: list[Diagnostic],
                  lang: Language) -> tuple[list[SourceClause], list[SourceFootnote], list[Diagnostic]]:
    """The contract's ids where the text reader kept the markup's: a short heading of the operative part
    ("I", "Capacity-building") is no clause, a long one is an unnumbered operative paragraph, "(a) …" after
    a preambular paragraph ending in a colon is its sub-paragraph, and the unnumbered paragraphs after
    them are counted again (pp, uop, up).  A footnote marked in a folded
    heading keeps no anchor, as one marked in a dropped paragraph of the PDF reader's."""
    dropped, operative = operative_headings(clauses, lang)
    counting = Recount(operative)
    out = [counting.clause(c) for c in clauses if c.id not in dropped]
    renamed = counting.renamed
    notes = [replace(fn, anchor="" if fn.anchor in dropped else renamed.get(fn.anchor, fn.anchor))
             if fn.anchor in dropped or fn.anchor in renamed else fn for fn in footnotes]
    diags = [replace(d, clause=renamed.get(d.clause, d.clause)) if d.clause in renamed else d for d in diagnostics]
    return out, notes, diags


def unique_ids(paras: list[Para], diagnostics: list[Diagnostic]) -> None:
    """A repeated id (numbering that restarts with no section the text marks: the articles of an agreement
    in S/RES/21 (1947)) gets a suffix ~2, ~3, as the AKN reader gives it: one clause, one IRI."""
    seen: set[str] = set()
    for p in paras:
        if p.id in seen:
            k = 2
            while f"{p.id}~{k}" in seen:
                k += 1
            first = p.lines[0]
            diagnostics.append(Diagnostic("duplicate-clause-id", f"clause id {p.id} occurs again; renamed {p.id}~{k}",
                                          (first.start, first.start + len(first.text.rstrip())), f"{p.id}~{k}"))
            p.id = f"{p.id}~{k}"
        seen.add(p.id)


def segment(text: str, source: str, given: DocumentInfo = DocumentInfo()) -> SourceDocument:
    """Read a plain-text resolution, in the language `given` names (English by default), into clauses
    and footnotes."""
    lang = language(given.language)
    phrases = lang.reader
    layout = normalize(text, given.symbol, lang)
    lines = layout.lines
    f = find_formula(lines, lang)
    diagnostics: list[Diagnostic] = []
    closing_at = next((i for i, ln in enumerate(lines) if phrases.closing.match(ln.text) and i > max(f, 0)), len(lines))
    if f >= 0:
        head = list(lines[:f])
        # a part letter printed just above the formula ("A" / "The General Assembly,") belongs to the body
        body_start = f
        while head and SECTION.match(head[-1].text):
            head.pop()
            body_start -= 1
        cover_lines = head
        formula = phrases.formula.match(lines[f].text)
        assert formula is not None  # line f was found by this pattern
        organ = formula.group("organ")
    else:
        cover_lines, body_start, organ = cover.split_without_formula(lines, lang)
    # annexes printed after the closing lines ("45th plenary meeting" / "7 December 2023") are part of the text
    annex_at = next((i for i in range(closing_at, len(lines))
                     if phrases.annex.match(lines[i].text) or phrases.annex_titled.match(lines[i].text)), len(lines))
    info = cover.read_cover(cover_lines, lines[closing_at:annex_at], organ, lang).with_defaults(DocumentInfo())
    if not info.symbol and layout.header_symbol:
        info = replace(info, symbol=re.sub(r"(?<!\s)\s+(?=\()", "", layout.header_symbol))  # the running headers say it
    info = given.with_defaults(info)

    seg = Segmenter(lang)
    prev = ""
    for i, ln in enumerate(mark_headings(lines[body_start:closing_at] + lines[annex_at:], lang)):
        seg.closed = i >= closing_at - body_start
        # the enacting formula is no clause; "Council," ending a wrapped sentence ("… the President of the
        # Security / Council,") is no formula, nor a clause ("Noting the Durban Review Conference,")
        if phrases.formula.match(ln.text) and len(ln.text.strip()) < 90 and not seg.annex and not starts_clause(ln.text.strip(), lang) \
                and (ln.blank_before or not prev or prev[-1:] in ",;:." or phrases.formula_lead.match(ln.text)):
            seg.new_statement()
            prev = ""
            continue
        seg.feed(ln)
        prev = ln.text.rstrip()
    seg.paras = mend_reordered(seg.paras, lang)
    paras = seg.assign_ids()
    unique_ids(paras, diagnostics)

    # join each paragraph's lines, find footnote markers in order, then rebuild without them
    joined: list[tuple[str, MappedText]] = []
    for p in paras:
        parts = [(ln.start, ln.text) for ln in p.lines]
        joined.append((p.id, join_lines(parts, lang)))
    notes = [n for n in layout.notes if n.marker.isdigit()]
    labels = [n.marker for n in notes]
    found, missing = find_markers(joined, labels, lang)
    for lab in missing:
        note = next(n for n in notes if n.marker == lab)
        diagnostics.append(Diagnostic("footnote-without-marker", f"footnote {lab} has no marker in the text",
                                      note.span, f"fn{lab}"))

    clauses: list[SourceClause] = []
    markers_of: dict[str, list[tuple[str, int, int]]] = {}
    for lab, (pid, s, e) in found.items():
        markers_of.setdefault(pid, []).append((lab, s, e))
    for p, (pid, mt) in zip(paras, joined):
        cut = sorted(markers_of.get(pid, []), key=lambda x: x[1])
        marks = tuple(Marker(lab, mt.source_offset(s)) for lab, s, _ in cut)
        body = strip_ranges(mt, [(s, e) for _, s, e in cut])
        # drop the paragraph number from the body: "8. Urges" -> "Urges"
        first = p.lines[0]
        lead = len(first.text) - len(first.text.lstrip())
        number_chars = max(0, p.label_end - lead)
        body = drop_prefix(body, number_chars)
        span = (first.start + lead, max(ln.start + len(ln.text.rstrip()) for ln in p.lines))
        clauses.append(SourceClause(p.id, p.kind, body, span, marks, heading=p.role == "heading"))
        for m in STRAY_MARKER.finditer(body.text):
            diagnostics.append(Diagnostic("marker-without-footnote",
                                          f"“{m.group(0)}” looks like footnote marker {m.group('m')}, but the text "
                                          "has no such footnote", body.source_span(m.start("m"), m.end("m")), p.id))

    footnotes = []
    for n in notes:
        anchor = found.get(n.marker, ("", 0, 0))[0]
        footnotes.append(SourceFootnote(f"fn{n.marker}", n.marker, anchor, n.body, n.span))
    clauses, footnotes, diagnostics = fold_headings(clauses, footnotes, diagnostics, lang)
    if not clauses:
        diagnostics.append(Diagnostic("no-clauses", "no resolution clauses were found in the text", None, "", "error"))
    return SourceDocument(source, text, info, tuple(clauses), tuple(footnotes), tuple(diagnostics))


def strip_ranges(mt: MappedText, ranges: list[tuple[int, int]]) -> MappedText:
    """The same text without the given clean ranges (footnote markers), offsets preserved."""
    if not ranges:
        return mt
    keep: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(ranges):
        if s > pos:
            keep.append((pos, s))
        pos = max(pos, e)
    if pos < len(mt.text):
        keep.append((pos, len(mt.text)))
    return mt.slice(keep)


def drop_prefix(mt: MappedText, n: int) -> MappedText:
    if n <= 0:
        return mt
    while n < len(mt.text) and mt.text[n] == " ":
        n += 1
    return mt.slice([(n, len(mt.text))])
