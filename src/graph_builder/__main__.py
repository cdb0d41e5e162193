"""`python -m graph_builder` runs the command line, as the `graph-builder` script does."""
import sys

from graph_builder.cli import main

if __name__ == "__main__":
    sys.exit(main())
