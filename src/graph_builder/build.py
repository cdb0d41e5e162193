"""Building: input files become Resolutions and triples; the corpus path runs them in parallel."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .iri import Minter
from .models import DocumentInfo, Resolution
from .pipeline import extract, read_path
from .rdf import resolution_triples

INPUT_SUFFIXES = (".txt", ".xml", ".akn")


@dataclass(frozen=True)
class Built:
    path: str
    resolution: Resolution
    triples: list

    @property
    def name(self) -> str:
        return output_name(self.resolution, self.path)


def output_name(res: Resolution, path: str) -> str:
    """A file name for a resolution's outputs: its symbol, else its input's name."""
    if res.info.symbol:
        return re.sub(r"[^A-Za-z0-9.\-]+", "_", res.info.symbol).strip("_")
    return Path(path).stem


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files as given, directories searched recursively for .txt and .xml; sorted, each once."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in INPUT_SUFFIXES)
        else:
            out.append(p)
    seen: set[Path] = set()
    unique = []
    for p in sorted(out):
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def build_file(path: str | Path, given: DocumentInfo = DocumentInfo(), minter: Minter = Minter()) -> Built:
    res = extract(read_path(path, given))
    if not res.clauses:
        raise InputError(str(path), "holds no resolution clauses (no preambular or operative paragraphs found)")
    return Built(str(path), res, resolution_triples(res, minter))
