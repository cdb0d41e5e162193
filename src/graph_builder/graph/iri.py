"""The one place where IRIs are minted, always from content (a symbol, a clause id,
a gazetteer id, a name), never from the order in which things were parsed."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from graph_builder.find.gazetteer import fold, gazetteer
from graph_builder.graph.vocab import DEFAULT_BASE, UNDOCS, VERBS_NS

# characters kept as they are in a symbol's path: "A/RES/2200(XXI)", "E/CN.4/2002/106/Add.1"
SYMBOL_SAFE = "/().-"


# what a base IRI may hold (RFC 3987's iunreserved, sub-delims, ":", "@", "/" and percent-escapes), minus what
# would break the IRIs minted under it: "?" and "#" (a clause is a fragment of its resolution's IRI)
_BASE_PATH = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]|%[0-9A-Fa-f]{2})*")
# a DNS name or an IPv4 address: dot-separated labels of letters and digits, hyphens inside only
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*")


def check_base(base: str) -> str:
    """The base IRI every IRI is minted under, checked and normalised, or a UsageError saying what is wrong.

    Only http and https bases are accepted.  The scheme and host are lowercased (HTTPS://X.ORG/ is
    https://x.org/); a path that does not end with "/" gets one (https://x.org/unres is
    https://x.org/unres/, so resolutions are https://x.org/unres/doc/..., never .../unresdoc/...)."""
    from urllib.parse import urlsplit

    from graph_builder.errors import UsageError

    def bad(problem: str) -> UsageError:
        return UsageError("--base-iri", f"{base!r} {problem}")

    for ch in base:
        if ch.isspace() or ch in '"<>\\^`{|}' or ord(ch) < 0x20 or 0x7f <= ord(ch) < 0xa0:
            raise bad(f"holds {ch!r}, which no IRI may hold")
    try:
        parts = urlsplit(base)
        port = parts.port
    except ValueError as exc:
        raise bad(f"is not an IRI ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise bad("is not an http or https IRI (e.g. https://example.org/unres/)")
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address, written in brackets
        import ipaddress

        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise bad("has no valid host name") from None
    elif not parts.netloc or not _HOST.fullmatch(host):
        raise bad("has no valid host name")
    if parts.username is not None or parts.password is not None:
        raise bad("holds a user name or password")
    if "#" in base or "?" in base:
        raise bad("holds a '#' or '?': the minted IRIs put their own fragment after the path")
    if not _BASE_PATH.fullmatch(parts.path):
        raise bad("holds a malformed percent-escape or a character no IRI path may hold")
    if any(seg in (".", "..") for seg in parts.path.split("/")):
        raise bad("holds a '.' or '..' path segment")
    netloc = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}[scheme]
    if port is not None and port != default:
        netloc += f":{port}"
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{scheme}://{netloc}{path}"


def slug(text: str) -> str:
    """'Commission on Human Rights' -> 'commission-on-human-rights'."""
    t = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t[:120] or "x"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Minter:
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", check_base(self.base))

    def document(self, symbol: str) -> str:
        return f"{self.base}doc/{quote(symbol.replace(' ', ''), safe=SYMBOL_SAFE)}"

    def unnamed_document(self, text: str) -> str:
        """A resolution whose symbol is unknown: named by its content."""
        return f"{self.base}doc/text-{short_hash(text)}"

    @staticmethod
    def clause(document: str, clause_id: str) -> str:
        return f"{document}#{quote(clause_id, safe='.-')}"

    @staticmethod
    def citation(document: str, unit_id: str, kind: str, key: str) -> str:
        return f"{document}#{quote(unit_id, safe='.-')}-{kind}-{short_hash(key)}"

    @staticmethod
    def diagnostic(document: str, code: str, start: int, end: int, unplaced: str = "") -> str:
        """A diagnostic, by its code and span; one with no span by what it says (`unplaced`: its clause and
        message), so that two of one code in one resolution stay two nodes."""
        if unplaced:
            return f"{document}#diagnostic-{code}-{short_hash(unplaced)}"
        return f"{document}#diagnostic-{code}-{start}-{end}"

    def instrument(self, title: str) -> str:
        e = gazetteer().by_name.get(("instrument", fold(title)))
        return f"{self.base}instrument/{e.id if e else slug(title)}"

    def entity(self, kind: str, name: str) -> str:
        """A body, an office, or another actor."""
        e = gazetteer().by_name.get((kind, fold(name))) if kind in ("body", "office") else None
        return f"{self.base}{kind}/{e.id if e else slug(name)}"

    def provision(self, target: str, unit: str, number: str, target_is_resolution: bool) -> str:
        """'paragraph 5 of resolution 2334 (2016)' is that resolution's clause op5."""
        if target_is_resolution:
            doc = self.document(target)
            if unit.lower() == "paragraph" and re.fullmatch(r"\d+", number):
                return self.clause(doc, f"op{number}")
            return self.clause(doc, f"{slug(unit)}-{slug(number)}")
        return f"{self.instrument(target)}/{slug(unit)}-{slug(number)}"

    def subject(self, thesaurus: str, label: str, unbis_id: str = "") -> str:
        """A subject heading: the UN's own UNBIS IRI where the record gives the concept's id."""
        if unbis_id:
            return f"http://metadata.un.org/thesaurus/{unbis_id}"
        name = slug(label)
        if len(name) == 120:  # cut short: two long headings alike in their first words must stay two subjects
            name += "-" + short_hash(label)
        return f"{self.base}subject/{slug(thesaurus)}/{name}"

    def thesaurus(self, name: str) -> str:
        """A subject scheme (UNBIS Thesaurus, DHLAUTH): a scheme, not a subject."""
        return f"{self.base}scheme/{slug(name)}"

    def state(self, code: str) -> str:
        """A Member or observer State, by its ISO 3166-1 alpha-3 code."""
        return f"{self.base}state/{code.lower()}"

    def session(self, key: str) -> str:
        return f"{self.base}session/{slug(key)}"

    def agenda_item(self, title: str) -> str:
        return f"{self.base}agenda-item/{slug(title)}"

    def shared_graph(self) -> str:
        """The named graph of the descriptions no one resolution owns (instruments, bodies, States, subjects)."""
        return f"{self.base}graph/shared"

    @staticmethod
    def verb(concept_id: str) -> str:
        return VERBS_NS + concept_id

    @staticmethod
    def undocs(symbol: str) -> str:
        return UNDOCS + quote(symbol.replace(" ", ""), safe=SYMBOL_SAFE)
