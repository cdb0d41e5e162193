"""The one reader of the package's data files (src/graph_builder/data/): TOML tables, plain text, TSV rows.

Every module that needs a data file reads it through here, each on first use (importing does no work),
so that where the data lives and how it is decoded is said once.
"""
from __future__ import annotations

import tomllib
from importlib import resources


def data_text(name: str) -> str:
    """The text of data/NAME (a path under data/, "view/network.html" too); FileNotFoundError if absent."""
    return resources.files("graph_builder").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


def load_toml(name: str) -> dict:
    """data/NAME parsed as TOML."""
    with resources.files("graph_builder").joinpath("data", *name.split("/")).open("rb") as fh:
        return tomllib.load(fh)


def load_tsv(name: str, columns: int, header: str = "") -> list[list[str]]:
    """The rows of data/NAME, a tab-separated table, each padded or cut to `columns` cells; blank lines,
    "#" comments and the header line (the one whose first cell is `header`) are left out."""
    skip = ("#", header + "\t") if header else ("#",)
    return [(line.split("\t") + [""] * columns)[:columns]
            for line in data_text(name).splitlines() if line.strip() and not line.startswith(skip)]
