"""`make test` runs every test module in the project: a new app's tests cannot be left out."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_test_collects_every_test_module_in_the_project():
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("test_*.py")
        if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
    }
    # What `make test` runs: pytest from the project folder, without arguments.
    listing = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    collected = {line.split("::")[0] for line in listing.stdout.splitlines() if "::" in line}

    assert listing.returncode == 0, listing.stdout[-2000:]
    assert on_disk - collected == set()
    assert {"proposals/tests/test_views.py", "polls/tests/test_polls.py"} <= collected
