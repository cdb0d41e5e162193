"""The extraction contract of eval/README.md: a Resolution as plain JSON-able data."""
from __future__ import annotations

from graph_builder.models import Reference, Resolution


def reference_dict(r: Reference) -> dict:
    d: dict[str, object] = {"kind": str(r.kind), "key": r.key, "text": r.text, "span": list(r.span)}
    if r.short_form:
        d["short_form"] = True
    if r.via != "text":
        d["via"] = r.via
    return d


def to_contract(res: Resolution) -> dict:
    info = res.info
    document: dict = {"symbol": info.symbol, "body": info.body}
    if info.session:
        document["session"] = int(info.session) if info.session.isdigit() else info.session
    for name in ("date", "title", "agenda_item", "agenda_item_title", "originating_document", "meeting", "work_uri"):
        value = getattr(info, name)
        if value:
            document[name] = value
    return {
        "document": document,
        "source": res.source,
        "clauses": [
            {
                "id": c.id,
                "kind": c.kind,
                "verb": c.verb,
                **({"verb_concept": c.verb_concept} if c.verb_concept else {}),
                "span": list(c.span),
                "addressees": [a.name for a in c.addressees],
                "addressee_details": [{"name": a.name, "kind": a.kind, "text": a.text, "span": list(a.span)}
                                      for a in c.addressees],
                "footnotes": list(c.footnotes),
                "references": [reference_dict(r) for r in c.references],
                **({"heading": True} if c.heading else {}),
            }
            for c in res.clauses
        ],
        "footnotes": [
            {"id": f.id, "marker": f.marker, "anchor": f.anchor, "span": list(f.span),
             "references": [reference_dict(r) for r in f.references]}
            for f in res.footnotes
        ],
        "diagnostics": [
            {"code": d.code, "message": d.message, "clause": d.clause, "severity": d.severity,
             **({"span": list(d.span)} if d.span else {})}
            for d in res.diagnostics
        ],
    }
