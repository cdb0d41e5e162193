from pathlib import Path

import pytest


@pytest.fixture
def shared_dir() -> Path:
    """../shared/ next to the repository (the corpus and the evaluation kit), or skip."""
    path = Path(__file__).parents[1] / ".." / "shared"
    if not path.is_dir():
        pytest.skip("../shared/ is not present")
    return path
