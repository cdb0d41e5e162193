"""SPARQL 1.1 over the graph: an embedded pyoxigraph store, results as table, CSV, TSV or JSON."""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import (BlankNode, Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat,
                        Store)

from .errors import InputError, QueryError
from .tables import render_table
from .vocab import PREFIXES

PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


def load_store(files: list[str | Path], store_dir: str | None = None) -> Store:
    """An in-memory store holding the files, or the on-disk store at store_dir."""
    if store_dir:
        if not Path(store_dir).is_dir():
            raise InputError(store_dir, "no store there (build one with `graph-builder build --store DIR`)")
        store = Store.read_only(str(store_dir))
        if not files:
            return store
    store = Store()
    for f in files:
        p = Path(f)
        try:
            fmt = RdfFormat.from_extension(p.suffix.lstrip(".")) or RdfFormat.TURTLE
        except ValueError:
            fmt = RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(p), format=fmt)
        except FileNotFoundError:
            raise InputError(str(p), "no such file") from None
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(str(p), f"cannot be read as {fmt.name}: {exc}") from None
    return store


def run_query(store: Store, text: str):
    """Run a query; the project's prefixes are declared for it unless it declares its own."""
    query = text if "PREFIX" in text.upper().split("SELECT")[0] and text.strip() else PREFIX_LINES + text
    try:
        return store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        iri = term.value
        for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and iri[len(ns):] and all(ch.isalnum() or ch in "_-" for ch in iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        return iri
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def rows(results) -> tuple[list[str], list[list[str]]]:
    if isinstance(results, QuerySolutions):
        names = [v.value for v in results.variables]
        return names, [[short(sol[n]) for n in names] for sol in results]
    if isinstance(results, QueryBoolean):
        return ["ask"], [[str(bool(results)).lower()]]
    raise QueryError("CONSTRUCT and DESCRIBE results: use --format with a SELECT or ASK query")


def format_results(results, fmt: str) -> str:
    if fmt in ("csv", "tsv", "json") and isinstance(results, (QuerySolutions, QueryBoolean)):
        rf = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}[fmt]
        return results.serialize(format=rf).decode("utf-8")
    names, data = rows(results)
    return render_table([tuple(names)] + [tuple(r) for r in data], limit=100) + f"\n({len(data)} rows)"
