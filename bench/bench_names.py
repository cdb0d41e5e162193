"""Output names over the shared corpus: every symbol the UN's markup gives its resolutions, and every
symbol their references cite, named as the builder names them.  Prints how many there are, how many keep
the plain name (no "~hash"), how many names changed from the previous scheme, and any two symbols that
share a name (there must be none).

    .venv/bin/python bench/bench_names.py [../shared/corpus]
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from graph_builder.build import name_of_symbol, readable
from graph_builder.models import DocumentInfo
from graph_builder.pipeline import complete_info

# the symbol of a resolution in AKN4UN markup, and the undocs.org links of what it cites
DOC_NUMBER = re.compile(r'<docNumber refersTo="#symbol">([^<]{1,400})</docNumber>')
UNDOCS_LINK = re.compile(r'href="https?://(?:www\.)?undocs\.org/(?:en/)?([^"#?]{1,400})"')


def main(root: str) -> int:
    own: set[str] = set()
    cited: set[str] = set()
    for path in sorted(Path(root).rglob("*.xml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in DOC_NUMBER.finditer(text):
            own.add(complete_info(DocumentInfo(symbol=m.group(1).strip())).symbol)
        for m in UNDOCS_LINK.finditer(text):
            cited.add(complete_info(DocumentInfo(symbol=m.group(1).strip())).symbol)
    status = 0
    for label, symbols in (("the resolutions' own symbols", own), ("the symbols their markup links", cited),
                           ("both", own | cited)):
        print(label + ":")
        status |= report(symbols)
    return status


def report(symbols: set[str]) -> int:
    by_name: dict[str, list[str]] = defaultdict(list)
    for s in symbols:
        by_name[name_of_symbol(s)].append(s)
    clashes = {n: ss for n, ss in by_name.items() if len(ss) > 1}
    hashed = sorted(s for s in symbols if "~" in name_of_symbol(s))
    changed = sum(1 for s in symbols if name_of_symbol(s) != readable(s))
    old_clashes = defaultdict(list)
    for s in symbols:
        old_clashes[readable(s)].append(s)
    print(f"{len(symbols)} symbols; {len(symbols) - len(hashed)} plain names, {len(hashed)} with a hash; "
          f"{changed} names differ from the previous scheme; {len(clashes)} clashes now, "
          f"{sum(1 for v in old_clashes.values() if len(v) > 1)} under the previous scheme")
    for s in hashed[:15]:
        print(f"  hashed: {s!r} -> {name_of_symbol(s)}")
    for n, ss in [(n, v) for n, v in old_clashes.items() if len(v) > 1][:5]:
        print(f"  previous scheme: {n}: {sorted(v for v in ss)} -> {[name_of_symbol(v) for v in sorted(ss)]}")
    for n, ss in list(clashes.items())[:10]:
        print(f"  CLASH: {n}: {ss}")
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parents[1] / ".." / "shared" / "corpus")))
