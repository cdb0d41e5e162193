"""graph-builder extract FILE: what one resolution cites, as the contract's JSON or a table."""
from __future__ import annotations

import argparse

from graph_builder.cli import EXIT_FINDINGS, emit, emit_json, warn
from graph_builder.contract import to_contract
from graph_builder.errors import InputError, UsageError
from graph_builder.models import DocumentInfo
from graph_builder.publish.tables import render_table


def add_document_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--symbol", help="the resolution's symbol, when the text does not print it (A/RES/57/209)")
    p.add_argument("--date", help="adoption date, ISO 8601 (2002-12-18)")
    p.add_argument("--title", help="the resolution's title")
    p.add_argument("--body", help="the issuing organ (General Assembly, Security Council, ...)")
    p.add_argument("--language", metavar="CODE",
                   help="the language the text is in (en, fr; as lang/CODE.toml has its phrases); by default an AKN "
                        "file's FRBRlanguage, else en")


def add_reader_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pdf-tags", action=argparse.BooleanOptionalAction, default=True,
                   help="read a tagged PDF's paragraphs and footnotes from its tag tree where it has one (default); "
                        "--no-pdf-tags reads the layout alone")


def given_info(args) -> DocumentInfo:
    for option in ("symbol", "date", "title", "body"):
        checked_text(f"--{option}", getattr(args, option, None) or "")
    return DocumentInfo(symbol=args.symbol or "", date=checked_date(args.date or ""), title=args.title or "",
                        body=getattr(args, "body", None) or "", language=checked_language(getattr(args, "language", None)))


def checked_language(code: str | None) -> str:
    """--language as the graph tags it ("fra" -> "fr"), when there are phrases for it; a LanguageError otherwise."""
    if not code:
        return ""
    from graph_builder.lang import bcp47, language

    return language(bcp47(checked_text("--language", code))).code


def checked_text(option: str, text: str) -> str:
    """An option's value, when it is text; a UsageError for bytes that are not UTF-8 (Python hands them on as
    lone surrogates, which no output can hold)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UsageError(option, f"is not valid UTF-8 text (at character {exc.start + 1})") from None
    return text


def checked_date(text: str) -> str:
    """--date as given, when it is a real date in ISO 8601 (2002-12-18); a UsageError otherwise, never dropped."""
    import re
    from datetime import date

    if not text:
        return ""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            date.fromisoformat(text)
            return text
        except ValueError:
            pass
    raise UsageError("--date", f"{text!r} is not a date in ISO 8601 form, YYYY-MM-DD (e.g. 2002-12-18)")


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a resolution: the UN's PDF, plain text (as pulled from a PDF) or AKN4UN XML")
    add_document_options(p)
    add_reader_options(p)
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are diagnostics")


def run(args) -> int:
    from graph_builder.pipeline import (
        extract_path,  # here, not above: `extract --help` and `build --help` need no reader
    )

    res = extract_path(args.file, given_info(args), args.pdf_tags)
    if not res.clauses:
        raise InputError(args.file, "holds no resolution clauses (no preambular or operative paragraph was found)")
    if args.format == "json":
        emit_json(to_contract(res))
    else:
        emit(table(res))
    for d in res.diagnostics:
        where = f" at {d.span[0]}-{d.span[1]}" if d.span else ""
        warn(f"{args.file}: {d.clause or 'document'}{where}: {d.code}: {d.message}")
    return EXIT_FINDINGS if args.strict and res.diagnostics else 0


def table(res) -> str:
    rows = [("clause", "verb", "addressees", "kind", "key", "text")]
    for c in res.clauses:
        first = True
        items = c.references or ()
        if not items:
            rows.append((c.id, c.verb, ", ".join(a.name for a in c.addressees), "", "", ""))
        for r in items:
            rows.append((c.id if first else "", c.verb if first else "",
                         ", ".join(a.name for a in c.addressees) if first else "", r.kind, r.key, r.text))
            first = False
    for f in res.footnotes:
        for i, r in enumerate(f.references):
            rows.append((f"{f.id}→{f.anchor}" if i == 0 else "", "", "", r.kind, r.key, r.text))
    return render_table(rows)
