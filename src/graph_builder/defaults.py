"""Defaults the command line shows in its help, in a module that imports nothing.

`graph-builder CMD --help` reads them from here, so that asking for help loads no rdflib, networkx or
pyoxigraph; the modules that use them (vocab, build, serve) take them from here too, so each lives once.
"""

DEFAULT_BASE = "https://example.org/unres/"  # base of the IRIs minted for resolutions, clauses, citations
# a corpus input that takes longer than this is stopped and reported as failed, and the batch goes on;
# no real resolution comes near it (the largest build in well under a second); 0: no limit
DEFAULT_TIMEOUT = 120.0
DEFAULT_HOST = "127.0.0.1"  # serve listens on this machine only unless told otherwise
DEFAULT_PORT = 7878  # Oxigraph's own port, so clients configured for it find ours
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
