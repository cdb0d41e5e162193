"""Read a resolution marked up in AKN4UN (the UN's Akoma Ntoso XML) into a SourceDocument.

The XML is untrusted: it is parsed with defusedxml, which refuses DTDs, entity
declarations and external references, so neither an XXE file nor an entity
bomb is ever expanded.

The reader builds the document's plain text itself, in the shape of the
printed resolution (one paragraph a clause, a blank line between paragraphs):

    cover lines (symbol, organ, dates, session, agenda item, ...)
    the title lines
    <blank>
    The General Assembly,
    <blank>
    Guided by the purposes ...,1            <- footnote markers stay in the text
    <blank>
    1. Affirms ...
    <blank>
    (a) sub-paragraph ...
    _______________
    1 Resolution 217 A (III).              <- footnotes at the end, "N text"

Every span points into that text.  A clause's `body` is its text without the
paragraph number and without footnote markers, mapped back into the text.

Clause ids follow the extraction contract (eval/README.md) and are numbered the
way eval/akn_gold.py numbers them: ppN for preambular containers (per section
prefix), opN for numbered paragraphs, uopN for unnumbered ones, opN.a for
points, "I." / "A." prefixes for numbered sections and parts, "C1." for the
components of a statement, "A." / "B." for the statements of a collection, and
annexK.pN / annexK.upN (kind annex) for the paragraphs of attachments.
"""
from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _safe_fromstring

from graph_builder.errors import InputError, LimitError
from graph_builder.lang import bcp47
from graph_builder.models import (
    Diagnostic,
    DocumentInfo,
    Link,
    Marker,
    SourceClause,
    SourceDocument,
    SourceFootnote,
    TextBuilder,
)
from graph_builder.readers.limits import MAX_CLAUSES, MAX_FOOTNOTES, MAX_XML_DEPTH, check_count
from graph_builder.un.dates import iso_date
from graph_builder.un.organs import by_akn, find_issuer
from graph_builder.un.symbols import organ_of_symbol, session_of_symbol

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_AKN = "{" + AKN_NS + "}"
FOOTNOTE_RULE = "_______________"

_LOCAL: dict[str, str] = {}


def _local(tag: object) -> str:
    """Local name of an element tag ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1]
    return name


# Characters the printed text shows differently: no-break hyphen, soft hyphen.
_TRANSLATE = str.maketrans({"\u2011": "-", "\u00ad": None})

_UNDOCS = re.compile(r"^\s*https?://(?:www\.)?undocs\.org/+(?:(?:en|fr|es|ar|ru|zh)/)?(.+)$", re.I | re.S)


def symbol_of(href: str) -> str:
    """The document symbol an undocs.org link points to, or '' if the link is no evidence."""
    m = _UNDOCS.match(href or "")
    if not m:
        return ""
    sym = "".join(urllib.parse.unquote(m.group(1)).split()).rstrip("/")
    if not sym or not sym[0].isalpha():  # "undocs.org/75/291": no organ prefix, no evidence
        return ""
    return sym


def _translated(s: str) -> str:
    # two searches for the two characters cost less than translating every character of every text
    return s.translate(_TRANSLATE) if "\u2011" in s or "\u00ad" in s else s


def _squash(s: str) -> str:
    return " ".join(_translated(s).split())


def _num(el: ET.Element) -> str:
    """The printed number of a paragraph or point: the text of its first <num>, "" if it has none."""
    return next((_all_text(c) for c in el if _local(c.tag) == "num"), "")


def _all_text(el: ET.Element) -> str:
    return _squash("".join(el.itertext()))


# Elements that start a new block of text inside a clause: keep a space around them.
_BLOCKS = {
    "p", "tr", "td", "th", "item", "listIntroduction", "listWrapUp", "blockList", "table", "embeddedStructure",
    "quotedStructure", "container", "paragraph", "point", "content", "intro", "wrapUp", "list", "num",
    "heading", "subheading", "block", "alinea", "eol", "br",
}
# Inline elements whose text is not part of the printed clause.
_SKIP_INLINE = {"img", "meta", "noteRef"}

# Group elements: their children carry a section prefix ("I.", "A.") when numbered by a roman numeral or a letter.
_GROUPS = {"section", "part", "subsection", "chapter", "hcontainer", "component", "division", "title", "book",
           "tome", "subpart", "subchapter", "subdivision", "subtitle"}
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")


class _Para:
    """One printed paragraph under construction: squashes whitespace, keeps the body, markers and links."""

    __slots__ = ("rd", "owner", "start", "body", "pending", "empty", "markers", "links", "open_links")

    def __init__(self, rd: _Reader, owner: str) -> None:
        self.rd = rd
        self.owner = owner  # clause or footnote id that owns markers and links ("" for none)
        self.start = rd.length
        self.body = TextBuilder()
        self.pending = False  # a space is due before the next word
        self.empty = True
        self.markers: list[Marker] = []
        self.links: list[Link] = []
        self.open_links: list[list] = []

    def _space(self) -> None:
        if self.pending and not self.empty:
            at = self.rd.write(" ")
            if len(self.body) and self.body.last_char() != " ":
                self.body.copy(" ", at)
        self.pending = False

    def _opened(self, at: int) -> None:
        for ln in self.open_links:
            if ln[1] < 0:
                ln[1] = at

    def label(self, s: str) -> None:
        """Text printed before the body (a paragraph number): in the text, not in the body."""
        s = _squash(s)
        if not s:
            return
        self._space()
        self.rd.write(s)
        self.empty = False
        self.pending = True

    def text(self, s: str | None) -> None:
        if not s:
            return
        s = _translated(s)
        words = s.split()
        if not words:
            self.pending = True
            return
        if s[0].isspace():
            self.pending = True
        self._space()
        chunk = " ".join(words)
        at = self.rd.write(chunk)
        if self.open_links:
            self._opened(at)
        self.body.copy(chunk, at)
        self.empty = False
        self.pending = s[-1].isspace()

    def marker(self, label: str) -> None:
        self._space()
        at = self.rd.write(label)
        self.markers.append(Marker(label, at))
        self.empty = False

    def open_link(self, symbol: str) -> list:
        ln = [symbol, -1]
        self.open_links.append(ln)
        return ln

    def close_link(self, ln: list) -> None:
        self.open_links.remove(ln)
        end = self.rd.length
        start = ln[1] if ln[1] >= 0 else end
        self.links.append(Link(ln[0], (start, end)))

    def inline(self, el: ET.Element) -> None:
        """Walk mixed content in reading order."""
        self.text(el.text)
        for child in el:
            name = _local(child.tag)
            if name == "authorialNote":
                self.rd.note(child, self)
            elif name in _BLOCKS:
                self.pending = True
                if name != "eol" and name != "br":
                    self.inline(child)
                    self.pending = True
            elif name == "a":
                sym = symbol_of(child.get("href", ""))
                if sym:
                    ln = self.open_link(sym)
                    self.inline(child)
                    self.close_link(ln)
                else:
                    self.inline(child)
            elif name and name not in _SKIP_INLINE:
                self.inline(child)
            self.text(child.tail)

    def span(self) -> tuple[int, int]:
        return (self.start, self.rd.length)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.clauses: list[SourceClause] = []
        self.footnotes: list[SourceFootnote] = []
        self.pending_notes: list[tuple[str, ET.Element, str]] = []  # (label, element, anchor)
        self.note_count = 0
        self.diagnostics: list[Diagnostic] = []
        self.counts: dict[str, int] = {}
        self.groups: dict[str, set[str]] = {}
        self.ids: set[str] = set()
        self.notes_mark = 0  # footnotes queued before this index belong to earlier clauses

    # -- text -------------------------------------------------------------
    def write(self, s: str) -> int:
        at = self.length
        self.parts.append(s)
        self.length += len(s)
        return at

    def line(self, s: str) -> None:
        """A line outside every clause (a cover line, a heading)."""
        if s:
            self.write(s + "\n")

    def para_start(self) -> None:
        """Paragraphs are separated by a blank line."""
        if self.parts and not self.parts[-1].endswith("\n\n"):
            self.write("\n" if self.parts[-1].endswith("\n") else "\n\n")

    def diag(self, code: str, message: str, span=None, clause: str = "") -> None:
        self.diagnostics.append(Diagnostic(code, message, span, clause))

    # -- ids ----------------------------------------------------------------
    def next_id(self, key: str) -> str:
        n = self.counts.get(key, 0) + 1
        self.counts[key] = n
        return f"{key}{n}"

    def clause(self, cid: str, kind: str, para: _Para, verb: str) -> str:
        """Record a clause; a repeated id (paragraph numbers restarting in an annex) gets a suffix ~2, ~3."""
        if cid in self.ids:
            k = 2
            while f"{cid}~{k}" in self.ids:
                k += 1
            self.diag("duplicate-clause-id", f"clause id {cid} occurs again; renamed {cid}~{k}", para.span(), cid)
            new = f"{cid}~{k}"
            para.owner = new
            for i, (label, el, anchor) in enumerate(self.pending_notes):
                if anchor == cid and i >= self.notes_mark:
                    self.pending_notes[i] = (label, el, new)
            cid = new
        self.ids.add(cid)
        check_count(len(self.clauses) + 1, MAX_CLAUSES, "clauses", self.source)  # stop early, not at the end
        self.notes_mark = len(self.pending_notes)
        self.clauses.append(SourceClause(
            id=cid, kind=kind, body=para.body.build(), span=para.span(), markers=tuple(para.markers),
            verb_hint=verb, links=tuple(para.links)))
        return cid

    # -- footnotes ----------------------------------------------------------
    def note(self, el: ET.Element, para: _Para) -> None:
        self.note_count += 1
        check_count(self.note_count, MAX_FOOTNOTES, "footnotes", self.source)
        label = (el.get("marker") or "").strip()
        if not label:
            label = str(self.note_count)
            self.diag("footnote-without-marker", f"footnote {self.note_count} has no marker; numbered {label}",
                      None, para.owner)
        para.marker(label)
        self.pending_notes.append((label, el, para.owner))

    def write_footnotes(self) -> None:
        if not self.pending_notes:
            return
        self.para_start()
        self.write(FOOTNOTE_RULE + "\n")
        seen: set[str] = set()
        i = 0
        while i < len(self.pending_notes):  # a footnote inside a footnote is queued behind it
            label, el, anchor = self.pending_notes[i]
            i += 1
            fid = f"fn{label}"
            if fid in seen:
                k = 2
                while f"{fid}-{k}" in seen:
                    k += 1
                self.diag("duplicate-footnote", f"footnote marker {label} occurs again; id {fid}-{k}", None, anchor)
                fid = f"{fid}-{k}"
            seen.add(fid)
            para = _Para(self, fid)
            self.write(label)
            para.pending = True
            para.empty = False
            body_start = self.length
            para.inline(el)
            if self.length == body_start:
                self.diag("empty-footnote", f"footnote {label} has no text", (para.start, self.length), anchor)
            if not anchor:
                self.diag("footnote-outside-clause", f"footnote {label} is not in a clause", None, "")
            self.footnotes.append(SourceFootnote(id=fid, marker=label, anchor=anchor, body=para.body.build(),
                                                 span=para.span(), links=tuple(para.links)))
            self.write("\n")
        nums = sorted(int(f.marker) for f in self.footnotes if f.marker.isdigit())
        if nums:
            missing = sorted(set(range(1, nums[-1] + 1)) - set(nums))
            if missing:
                self.diag("footnote-missing", "no footnote numbered " + ", ".join(map(str, missing)))

    # -- structure ----------------------------------------------------------
    def plain(self, el: ET.Element, owner: str = "") -> None:
        """A paragraph outside every clause (formula, heading, wrap-up)."""
        self.para_start()
        para = _Para(self, owner)
        para.inline(el)
        if para.empty:
            return
        self.write("\n")

    def preambular(self, el: ET.Element, prefix: str) -> None:
        cid = self.next_id(prefix + "pp")
        self.para_start()
        para = _Para(self, cid)
        para.inline(el)
        verb = el.get("name") or _first_italic(el)
        self.clause(cid, "preambular", para, _squash(verb))
        self.write("\n")

    def paragraph(self, el: ET.Element, prefix: str, kind: str) -> None:
        num = _num(el)
        base = "op" if kind == "operative" else "p"
        n = num.rstrip(".")
        cid = f"{prefix}{base}{n}" if n.isdigit() else self.next_id(f"{prefix}u{base}")
        self.para_start()
        para = _Para(self, cid)
        para.label(num)
        points: list[tuple[ET.Element, int]] = []  # (point, depth)
        after: list[ET.Element] = []
        for c in el:
            name = _local(c.tag)
            if name == "num" or not name:
                continue
            if name == "list":
                self._list(c, para, points, after, 0)
            elif name == "point":
                points.append((c, 0))
            elif points:  # text after the points (rare): printed after them
                after.append(c)
            else:
                para.pending = True
                para.inline(c)
                para.pending = True
        cid = self.clause(cid, kind, para, _squash(_first_italic(el)) if kind == "operative" else "")
        self.write("\n")
        parents = [cid]
        for pt, depth in points:
            parents[depth + 1:] = []
            pid = self.point(pt, parents[min(depth, len(parents) - 1)], kind)
            parents.append(pid)
        for c in after:
            self.plain(c, cid)

    def _list(self, lst: ET.Element, para: _Para, points: list, after: list, depth: int) -> None:
        for c in lst:
            name = _local(c.tag)
            if name in ("intro", "listIntroduction") and not points and depth == 0:
                para.pending = True
                para.inline(c)
                para.pending = True
            elif name == "point":
                points.append((c, depth))
            elif name in ("sublist", "list"):
                self._list(c, para, points, after, depth + 1)
            elif name:
                after.append(c)

    def point(self, el: ET.Element, parent: str, kind: str) -> str:
        num = _num(el)
        label = num.strip("().").strip()
        n = self.counts.get(parent + ".", 0) + 1
        self.counts[parent + "."] = n
        if not any(ch.isalnum() for ch in label):  # unlabelled, or a bullet or dash: number it
            label = str(n)
        pid = f"{parent}.{label}"
        self.para_start()
        para = _Para(self, pid)
        para.label(num)
        nested: list[tuple[ET.Element, int]] = []
        after: list[ET.Element] = []
        for c in el:
            name = _local(c.tag)
            if name == "num" or not name:
                continue
            if name in ("list", "sublist"):
                self._list(c, para, nested, after, 0)
            elif name == "point":
                nested.append((c, 0))
            else:
                para.pending = True
                para.inline(c)
                para.pending = True
        pid = self.clause(pid, kind, para, "")
        self.write("\n")
        parents = [pid]
        for pt, depth in nested:
            parents[depth + 1:] = []
            parents.append(self.point(pt, parents[min(depth, len(parents) - 1)], kind))
        for c in after:
            self.plain(c, pid)
        return pid

    def body(self, el: ET.Element, prefix: str, kind: str) -> None:
        here = prefix  # a section that holds only its heading owns the paragraphs that follow it
        for child in el:
            name = _local(child.tag)
            if name in _GROUPS:
                label = ""
                for c in child:
                    cn = _local(c.tag)
                    if cn == "p" and not label:  # <p><num>I</num></p>: a number the markup wraps in a p
                        for n in c:
                            if _local(n.tag) == "num" and _ROMAN_OR_LETTER.match(_all_text(n)):
                                label = _all_text(n).rstrip(".")
                    if cn in ("num", "subheading", "heading"):
                        t = _all_text(c)
                        if not label and _ROMAN_OR_LETTER.match(t):
                            label = t.rstrip(".")
                        if t:
                            self.para_start()
                            self.line(t)
                seen = self.groups.setdefault(prefix, set())
                label = label or str(len(seen) + 1)
                seen.add(label)
                self.body(child, f"{prefix}{label}.", kind)
                holds = any(_local(c.tag) in ("paragraph", "container", "blockContainer") or _local(c.tag) in _GROUPS
                            for c in child)
                here = prefix if holds else f"{prefix}{label}."
            elif name == "paragraph":
                self.paragraph(child, here, kind)
            elif name == "crossHeading" and kind == "operative":
                self.preambular(child, here)
            elif name in ("container", "blockContainer") and kind == "annex":
                self.para_start()
                cid = f"{here}p{self.counts.get(here + 'p', 0) + 1}"
                para = _Para(self, cid)
                para.inline(child)
                if para.empty:
                    continue
                self.counts[here + "p"] = self.counts.get(here + "p", 0) + 1
                self.clause(cid, kind, para, "")
                self.write("\n")
            elif name in ("num", "heading", "subheading") and _local(el.tag) in _GROUPS:
                continue  # printed with its group
            elif name in ("num", "heading", "subheading") and _ROMAN_OR_LETTER.match(_all_text(child)):
                # a flat body whose sections are only headed ("I", "II"): the heading opens a section
                label = _all_text(child).rstrip(".")
                self.groups.setdefault(prefix, set()).add(label)
                here = f"{prefix}{label}."
                self.plain(child)
            elif name and name not in ("meta", "eol"):
                self.plain(child)

    def preamble(self, el: ET.Element, prefix: str) -> None:
        for child in el:
            name = _local(child.tag)
            if name in ("container", "p"):
                self.preambular(child, prefix)
            elif name in ("recitals", "citations"):
                for item in child:
                    if _local(item.tag):
                        self.preambular(item, prefix)
            elif name:
                self.plain(child)  # the formula, a heading, a block

    def statement(self, st: ET.Element, prefix: str) -> None:
        for part in st:
            name = _local(part.tag)
            if name == "preamble":
                self.preamble(part, prefix)
            elif name == "mainBody":
                self.body(part, prefix, "operative")
            elif name == "components":
                i = 0
                for comp in part:
                    if not _local(comp.tag):
                        continue
                    i += 1
                    self.component(comp, f"{prefix}C{i}.")
            elif name == "attachments":
                atts = [a for a in part if _local(a.tag)]
                for i, att in enumerate(atts, 1):
                    self.para_start()
                    self.line(f"Annex {i}" if len(atts) > 1 else "Annex")
                    self.attachment(att, f"{prefix}annex{i}.")

    def component(self, comp: ET.Element, prefix: str) -> None:
        """A component of a statement (a draft recommended to another organ): its preface, preamble and body."""
        main = None
        for sub in comp.iter():
            if _local(sub.tag) == "mainBody":
                main = sub
                break
        holder = None
        for sub in comp.iter():
            if _local(sub.tag) in ("statement", "doc"):
                holder = sub
                break
        if holder is not None:
            for part in holder:
                name = _local(part.tag)
                if name == "preface":
                    self.para_start()
                    for p in part:
                        self.line(_all_text(p))
                elif name == "preamble":
                    self.preamble(part, prefix)
        if main is not None:
            self.body(main, prefix, "operative")

    def attachment(self, att: ET.Element, prefix: str) -> None:
        main = None
        for sub in att.iter():
            name = _local(sub.tag)
            if name == "mainBody":
                main = sub
                break
        for sub in att.iter():
            if _local(sub.tag) in ("preface", "coverPage"):
                self.para_start()
                for p in sub:
                    self.line(_all_text(p))
        if main is not None:
            self.body(main, prefix, "annex")

    def build(self) -> str:
        return "".join(self.parts)


def _first_italic(el: ET.Element) -> str:
    """The first italic span's text, before any footnote: the verb as printed."""
    for sp in el.iter():
        name = _local(sp.tag)
        if name == "authorialNote":
            break
        if name == "span" and "italic" in (sp.get("class") or ""):
            return "".join(sp.itertext())
    return ""


def _info(root: ET.Element, covers: list[ET.Element], meta: ET.Element | None) -> DocumentInfo:
    v: dict[str, str] = {}
    authorities: dict[str, str] = {}
    session_el = None
    adoption_date = ""
    meeting = ""
    for cover in covers:
        for e in cover.iter():
            name = _local(e.tag)
            if name == "docNumber" and "symbol" not in v:
                v["symbol"] = _all_text(e)
            elif name == "docAuthority":
                authorities.setdefault(e.get("refersTo") or "", _all_text(e))
            elif name == "session" and session_el is None:
                session_el = e
            elif name == "inline":
                n = e.get("name") or ""
                if n == "agenda item" and "agenda_item" not in v:
                    v["agenda_item"] = re.sub(r"^Agenda items?\s*", "", _all_text(e), flags=re.I)
                elif n == "agenda item name" and "agenda_item_title" not in v:
                    v["agenda_item_title"] = _all_text(e)
                elif n == "adoptionMeeting" and not meeting:
                    meeting = _all_text(e)
            elif name == "docProponent" and "originating_document" not in v:
                v["originating_document"] = _all_text(e)
            elif name == "docDate" and (e.get("refersTo") or "") == "#adoptionDate" and not adoption_date:
                adoption_date = e.get("date") or iso_date(_all_text(e))
    work_this = work_uri = frbr_date = author = language = ""
    if meta is not None:
        for ident in meta:
            if _local(ident.tag) != "identification":
                continue
            for work in ident:
                if _local(work.tag) == "FRBRExpression":
                    for f in work:
                        if _local(f.tag) == "FRBRlanguage" and not language:
                            language = bcp47(f.get("language") or "")
                if _local(work.tag) != "FRBRWork":
                    continue
                for f in work:
                    name = _local(f.tag)
                    if name == "FRBRthis":
                        work_this = f.get("value") or ""
                    elif name == "FRBRuri":
                        work_uri = f.get("value") or ""
                    elif name == "FRBRdate" and (f.get("name") or "") == "adoption":
                        frbr_date = f.get("date") or ""
                    elif name == "FRBRauthor" and not author:
                        author = (f.get("href") or "").lstrip("#").lower()
    symbol = v.get("symbol", "")
    by_author = by_akn(author) if author else None
    body = authorities.get("#subsidiaryBody") or authorities.get("#issuingBody") or (
        by_author.name if by_author is not None else "")
    of_symbol = organ_of_symbol(symbol) if symbol else None
    if of_symbol is not None and of_symbol.within:  # A/HRC/RES/...: the Council's, though its files say "ga"
        body = of_symbol.name
    session = ""
    if session_el is not None:
        val = (session_el.get("value") or "").strip()
        label = _all_text(session_el).lower()
        if val:
            if "emergency" in label:
                val = "ES-" + val
            elif "special" in label:
                val = "S-" + val
            session = val
    session = session or session_of_symbol(symbol)
    date = adoption_date if re.match(r"^\d{4}-\d\d-\d\d$", adoption_date or "") else ""
    if not date and re.match(r"^\d{4}-\d\d-\d\d$", frbr_date) and not frbr_date.startswith("0001"):
        date = frbr_date
    organ = find_issuer(body) if body else None
    if not session and organ is not None and organ.session_is_year and date:
        session = date[:4]
    if "!main" in work_this:
        work_iri = work_uri or work_this.replace("!main/", "").replace("!main", "")
    else:
        work_iri = work_this or work_uri
    return DocumentInfo(
        symbol=symbol, body=body, session=session, date=date, title=v.get("title", ""),
        agenda_item=v.get("agenda_item", ""), agenda_item_title=v.get("agenda_item_title", ""),
        originating_document=v.get("originating_document", ""), meeting=meeting, work_uri=work_iri, language=language)


def _parse(data: bytes, source: str) -> ET.Element:
    try:
        root = _safe_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(source, f"refused unsafe XML ({type(exc).__name__})") from None
    except ET.ParseError as exc:
        raise InputError(source, f"malformed XML: {exc}") from None
    except (ValueError, TypeError) as exc:
        raise InputError(source, f"cannot parse XML: {exc}") from None
    if root.tag != _AKN + "akomaNtoso":
        raise InputError(source, f"not AKN4UN: root element is {root.tag!r}, expected akomaNtoso in {AKN_NS}")
    _check_depth(root, source)
    return root


def _check_depth(root: ET.Element, source: str) -> None:
    """The reader walks the tree recursively: refuse a nesting deeper than MAX_XML_DEPTH before it does
    (5,000 nested spans would end in a RecursionError).  Measured without recursion, a level at a time."""
    level, depth = [root], 1
    while level:
        if depth > MAX_XML_DEPTH:
            raise LimitError(source, f"nests XML elements more than {MAX_XML_DEPTH} deep")
        level = [c for el in level for c in el]
        depth += 1


def read_akn(data: bytes, source: str) -> SourceDocument:
    """Read one AKN4UN resolution; InputError if it is not well-formed AKN4UN."""
    root = _parse(data, source)
    kids = [c for c in root if _local(c.tag)]
    if kids and kids[0].tag == _AKN + "statement":
        statements = [kids[0]]
        top = kids[0]
    else:
        statements = [e for e in root.iter(_AKN + "statement")]
        top = kids[0] if kids else root
    if not statements:
        raise InputError(source, "not a resolution: no AKN statement")
    if not any(c.tag in (_AKN + "preamble", _AKN + "mainBody") for st in statements for c in st):
        raise InputError(source, "not a resolution: no preamble or mainBody")

    rd = _Reader(source)
    meta = next((c for c in top if c.tag == _AKN + "meta"), None)
    cover = next((c for c in top if c.tag == _AKN + "coverPage"), None)
    preface = next((c for c in top if c.tag == _AKN + "preface"), None)
    if cover is None:
        cover = next(root.iter(_AKN + "coverPage"), None)
    if preface is None:
        preface = next(root.iter(_AKN + "preface"), None)
    if meta is None:
        meta = next(root.iter(_AKN + "meta"), None)
    # Cover lines, then the title lines (one line per <p>)
    title = ""
    for block in (cover, preface):
        if block is None:
            continue
        for p in block:
            if not _local(p.tag):
                continue
            para = _Para(rd, "")
            para.inline(p)
            if not para.empty:
                rd.write("\n")
            if block is preface and not title:
                for t in p.iter(_AKN + "docTitle"):
                    title = _all_text(t)
                    break
    conclusions = [c for st in statements for c in st if c.tag == _AKN + "conclusions"]
    info = _info(root, [c for c in (cover, preface) if c is not None] + conclusions, meta)
    if title:
        info = DocumentInfo(**{**{f: getattr(info, f) for f in info.__dataclass_fields__}, "title": title})
    for n, st in enumerate(statements):
        prefix = f"{chr(65 + n)}." if len(statements) > 1 else ""
        if prefix:
            rd.para_start()
            rd.line(prefix[:-1])
            if st is not top:
                for c in st:
                    if c.tag == _AKN + "preface":
                        for p in c:
                            rd.line(_all_text(p))
        rd.statement(st, prefix)
    rd.write_footnotes()
    text = rd.build()
    if not rd.clauses:
        rd.diag("no-clauses", "the statement holds no preambular or operative paragraph")
    return SourceDocument(source=source, text=text, info=info, clauses=tuple(rd.clauses),
                          footnotes=tuple(rd.footnotes), diagnostics=tuple(rd.diagnostics))
