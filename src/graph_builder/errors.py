"""Every error the builder raises, in one place.

The CLI maps them to exit codes: InputError (the input cannot be read as a
resolution), OutputError (the output cannot be written) and UsageError (an
option's value is malformed) give 2; findings (diagnostics under --strict) give 1.
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


class PushError(GraphBuilderError):
    """An upload that stopped partway: `pushed` graphs went through before the failure (the CLI exits 1
    when some did, 2 when none did)."""

    def __init__(self, endpoint: str, problem: str, pushed: int, total: int | None = None) -> None:
        of = f" of {total}" if total is not None else ""
        went = f"{pushed}{of} graph{'' if pushed == 1 and not of else 's'} went through before it"
        super().__init__(f"{endpoint}: {problem}; {went}")
        self.endpoint, self.problem, self.pushed, self.total = endpoint, problem, pushed, total


class OutputError(GraphBuilderError):
    """An output that cannot be written: a read-only or full folder, a folder or store another process holds."""

    def __init__(self, target: str, problem: str) -> None:
        super().__init__(f"{target}: {problem}")
        self.target = target
        self.problem = problem


class UsageError(GraphBuilderError, ValueError):
    """An option with a value the builder cannot use (a malformed --base-iri or --date)."""

    def __init__(self, option: str, problem: str) -> None:
        super().__init__(f"{option}: {problem}")
        self.option = option
        self.problem = problem


class LimitError(InputError):
    """An input past one of the reader's limits (graph_builder.readers.limits): too big, too deep, too many of a thing.

    An InputError, so the CLI gives its one line and exit code 2."""


class LanguageError(InputError):
    """A text in a language the builder has no phrases for (graph_builder.lang), or a broken phrase file.

    An InputError: the text cannot be read, so the CLI gives its one line and exit code 2."""

    def __init__(self, code: str, problem: str) -> None:
        super().__init__(f"language {code!r}", problem)


class KindError(GraphBuilderError, ValueError):
    """A reference of a kind the kinds table (graph/kinds.py) does not hold: a finder's bug, which the graph
    must not paper over by writing the thing as some other kind."""
