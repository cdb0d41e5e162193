"""Every error the builder raises, in one place.

The CLI maps them to exit codes: InputError (the input cannot be read as a
resolution) gives 2; findings (diagnostics under --strict) give 1.
"""
from __future__ import annotations


class GraphBuilderError(Exception):
    """Base class of the builder's own errors."""


class InputError(GraphBuilderError):
    """An input file that cannot be read or holds no resolution."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class SymbolError(GraphBuilderError, ValueError):
    """A string that is not a well-formed UN document symbol."""


class QueryError(GraphBuilderError):
    """A SPARQL query that cannot be parsed or run."""


class LimitError(InputError):
    """An input past one of the reader's limits (graph_builder.limits): too big, too deep, too many of a thing.

    An InputError, so the CLI gives its one line and exit code 2."""
