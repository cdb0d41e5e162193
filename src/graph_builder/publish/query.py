"""SPARQL 1.1 over the graph: an embedded pyoxigraph store, results as table, CSV, TSV or JSON.

The project's prefixes (gb:, eli:, cito:, dcterms: ...) are declared for every query; a query's own
PREFIX lines add to them (or redefine one).  A query file declares its parameters in comments:

    # param resolution = ?symbol (string, default "A/RES/57/209"): the resolution's symbol

and `run_query(store, text, {"resolution": "A/RES/78/10"})` binds ?symbol to that value, typed as
declared (string, integer, date or iri): the value is made an RDF term first and enters the query only
as that term's escaped form in a VALUES block, so no value can change the query itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, Store

from graph_builder.errors import QueryError
from graph_builder.graph.export import curie
from graph_builder.graph.vocab import PREFIXES
from graph_builder.publish.tables import render_table

PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


XSD = "http://www.w3.org/2001/XMLSchema#"
# a parameter declaration: "# param NAME = ?VARIABLE (TYPE[, default VALUE]): what it is"
# one read only: a default and a description start at their first non-space (no space both could take)
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*=\s*\?(\w+)\s*\((string|integer|date|iri)(?:,\s*default\s+([^)\s][^)]*))?\)\s*:\s*(\S.*)?$")


@dataclass(frozen=True)
class Parameter:
    name: str  # as given on the command line: --param NAME=VALUE
    variable: str  # the query variable it binds
    type: str  # string, integer, date, iri
    default: str  # "" for none
    doc: str

    def term(self, value: str):
        """The value as an RDF term of the declared type (QueryError if it is not one)."""
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d{1,18}", value.strip()):
                raise QueryError(f"parameter {self.name}: {value!r} is not an integer")
            return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
        if self.type == "date":
            from graph_builder.un.dates import iso_date

            iso = iso_date(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()) else ""
            if not iso:
                raise QueryError(f"parameter {self.name}: {value!r} is not a date (YYYY-MM-DD)")
            return Literal(iso, datatype=NamedNode(XSD + "date"))
        if self.type == "iri":
            iri = value.strip().removeprefix("<").removesuffix(">")
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*", iri):
                raise QueryError(f"parameter {self.name}: {value!r} is not an absolute IRI")
            return NamedNode(iri)
        return Literal(value)


def parameters(text: str) -> dict[str, Parameter]:
    """The parameters a query declares in its comments, by name."""
    found = {}
    for line in text.splitlines():
        m = _PARAM.match(line.strip())
        if m:
            default = (m.group(4) or "").strip()
            if len(default) >= 2 and default[0] == default[-1] == '"':
                default = default[1:-1]
            found[m.group(1)] = Parameter(m.group(1), m.group(2), m.group(3), default, (m.group(5) or "").strip())
    return found


def substitutions(text: str, given: dict[str, str]) -> dict[str, str]:
    """The variable bindings for a query: the given parameters, else the declared defaults."""
    declared = parameters(text)
    unknown = sorted(set(given) - set(declared))
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise QueryError(f"the query has no parameter {unknown[0]} (its parameters: {known})")
    out = {}
    for name, p in declared.items():
        value = given.get(name, p.default)
        if value:
            out[f"?{p.variable}"] = str(p.term(value))  # the term's N-Triples form: quotes and escapes
    return out


def where_brace(text: str) -> int:
    """The offset of the brace that opens the query's WHERE group (the first group if there is no
    WHERE), found outside comments, strings and IRIs; -1 if there is none."""
    i, first, after_where = 0, -1, False
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif ch in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:i + 2000]):
            i = text.index(">", i) + 1
            continue
        elif ch == "{":
            if after_where:
                return i
            if first < 0:
                first = i
        elif text[i:i + 5].upper() == "WHERE" and not text[i - 1:i].isalnum() and not text[i + 5:i + 6].isalnum():
            after_where = True
        i += 1
    return first


def bind_parameters(text: str, params: dict[str, str] | None = None) -> tuple[str, tuple[int, int]]:
    """The query with its declared parameters bound (given values, else defaults), as text that any SPARQL
    endpoint runs, and (line, length) of what was inserted; the text itself when it declares none."""
    bound = substitutions(text, params or {})
    if not bound:
        return text, (0, 0)
    at = where_brace(text)
    if at < 0:
        raise QueryError("the query has no { ... } group to bind its parameters in")
    # one VALUES block of one row, as a question with several parameters would write it by hand
    block = f" VALUES ({' '.join(bound)}) {{ ({' '.join(bound.values())}) }}"
    return text[:at + 1] + block + text[at + 1:], (text.count("\n", 0, at) + 1, len(block))


def with_parameters(text: str, params: dict[str, str] | None = None) -> str:
    """The query text with its parameters bound, for another SPARQL endpoint (see bind_parameters)."""
    return bind_parameters(text, params)[0]


def run_query(store: Store, text: str, params: dict[str, str] | None = None):
    """Run a query over the union of the store's graphs.  The project's prefixes are declared for it
    (its own PREFIX lines add to them); params bind its declared parameters.

    A parameter's value becomes a typed RDF term, written in its escaped N-Triples form into a VALUES
    block that opens the WHERE group: a value can never be read as query syntax."""
    query, inserted = bind_parameters(text, params)
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL: {syntax_problem(str(exc), text, inserted)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {first_line(str(exc))}") from None


def first_line(message: str) -> str:
    return " ".join(message.split("\n", 1)[0].split())


def syntax_problem(message: str, text: str, inserted: tuple[int, int] = (0, 0)) -> str:
    """The parser's message in one readable line: where (the user's own line and column), what is there,
    and what could come instead, without the character-class lists the parser prints.  inserted: the
    line and length of the parameters' VALUES block, taken off the column again."""
    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if not m:
        return first_line(message)
    line, column, rest = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if line == inserted[0] and column > inserted[1]:
        column -= inserted[1]
    lines = text.splitlines()
    here = lines[line - 1][column - 1:column + 19].strip() if 0 < line <= len(lines) else ""
    where = f"line {line}, column {column}" + (f' (at "{here}")' if here else " (at the end)")
    if "Prefix not found" in rest:
        declared = set(PREFIXES) | set(re.findall(r"(?i)PREFIX\s+([A-Za-z][\w.-]*):", text))
        before = lines[line - 1][:column] if 0 < line <= len(lines) else ""
        unknown = [p for p in re.findall(r"(?<![\w?$-])([A-Za-z][\w-]*):", before) if p not in declared]
        name = f"the prefix {unknown[-1]}:" if unknown else "a prefix"
        if unknown:
            column = before.rindex(unknown[-1] + ":") + 1
            where = f"line {line}, column {column}"
        return f"{where}: {name} is not declared (declare it with PREFIX, or use one of {', '.join(sorted(PREFIXES))})"
    expected = rest.removeprefix("expected one of ")
    tokens = [t for t in re.findall(r'"(?:[^"\\]|\\.)*"|[A-Za-z][A-Za-z0-9_]*', expected.split("[", 1)[0]) if t]
    if not tokens:
        return f"{where}: unexpected text"
    if not here and '"}"' in tokens:
        return f"{where}: the query ends before its {{ ... }} groups are closed"
    shown = ", ".join(tokens[:8]) + (", ..." if len(tokens) > 8 else "")
    return f"{where}: expected {shown}"


def rows(results) -> tuple[list[str], list[list[str]]]:
    if isinstance(results, QuerySolutions):
        names = [v.value for v in results.variables]
        return names, [[curie(sol[n]) for n in names] for sol in results]
    if isinstance(results, QueryBoolean):
        return ["ask"], [[str(bool(results)).lower()]]
    raise QueryError("CONSTRUCT and DESCRIBE results: use --format with a SELECT or ASK query")


def format_results(results, fmt: str) -> str:
    if fmt in ("csv", "tsv", "json") and isinstance(results, (QuerySolutions, QueryBoolean)):
        rf = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}[fmt]
        out = results.serialize(format=rf)
        assert out is not None  # given no file to write, serialize returns the bytes
        return out.decode("utf-8")
    names, data = rows(results)
    return render_table([tuple(names)] + [tuple(r) for r in data], limit=100) + f"\n({len(data)} rows)"
