"""The command line imports a command's module only when that command runs: asking for help loads
none of the heavy libraries, and the version comes from the installed package's metadata."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import pytest

from graph_builder import __version__
from graph_builder.cli import COMMANDS

HEAVY = ("rdflib", "networkx", "pyoxigraph", "pyshacl", "scipy", "numpy", "pyvis")

# runs the CLI's main() in a fresh interpreter and prints, as JSON, which of HEAVY it loaded
PROBE = """
import json, sys
from graph_builder import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout = sys.__stdout__
print(json.dumps({"heavy": sorted(m for m in HEAVY if m in sys.modules),
                  "commands": sorted(m for m in sys.modules if m.startswith("graph_builder.cli.commands."))}))
""".replace("HEAVY", repr(HEAVY), 1)


def probe(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_top_level_help_imports_no_command_and_no_heavy_library():
    seen = probe("--help")
    assert seen == {"heavy": [], "commands": []}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_help_imports_that_command_alone_and_no_heavy_library(command):
    seen = probe(command, "--help")
    assert seen["heavy"] == [], f"`graph-builder {command} --help` imported {seen['heavy']}"
    # build reuses extract's document options (--symbol, --date, --title, --body)
    allowed = {f"graph_builder.cli.commands.{command}"} | ({"graph_builder.cli.commands.extract"} if command == "build" else set())
    assert set(seen["commands"]) == allowed


def test_running_a_command_does_import_what_it_needs():
    # the probe can tell: a command that runs loads its libraries (else the tests above prove nothing)
    seen = probe("ontology")
    assert "rdflib" in seen["heavy"]


def test_help_still_lists_every_command_and_its_options():
    done = subprocess.run([sys.executable, "-m", "graph_builder", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0
    for name in COMMANDS:
        assert name in done.stdout
    done = subprocess.run([sys.executable, "-m", "graph_builder", "build", "--help"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0
    assert "--base-iri" in done.stdout and "https://example.org/unres/" in done.stdout and "--timeout" in done.stdout


def test_the_version_is_the_installed_packages():
    assert __version__ == version("graph-builder")
    done = subprocess.run([sys.executable, "-m", "graph_builder", "--version"], capture_output=True, text=True,
                          timeout=120)
    assert done.stdout.strip() == f"graph-builder {version('graph-builder')}"


def test_the_defaults_in_help_are_the_ones_the_library_uses():
    from graph_builder import build, defaults
    from graph_builder.graph import vocab
    from graph_builder.publish import serve

    assert vocab.DEFAULT_BASE is defaults.DEFAULT_BASE
    assert build.DEFAULT_TIMEOUT is defaults.DEFAULT_TIMEOUT
    assert serve.DEFAULT_HOST is defaults.DEFAULT_HOST and serve.LOOPBACK_NAMES is defaults.LOOPBACK_NAMES
