"""Writes the `run:` script of every step of the given workflows and
actions to OUT_DIR, one bash file each (`${{ ... }}` expressions replaced
by a plain word), so that shellcheck can check what GitHub will run.

Usage: python run-blocks.py OUT_DIR FILE.yml...  (ruamel.yaml comes with
check-jsonschema, in the same venv.)
"""

import pathlib
import re
import sys

from ruamel.yaml import YAML


def steps(document):
    """Every step of a workflow's jobs, or of a composite action."""
    for job in (document.get("jobs") or {}).values():
        yield from job.get("steps") or []
    yield from (document.get("runs") or {}).get("steps") or []


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.sh"):
        old.unlink()
    for name in sys.argv[2:]:
        document = YAML(typ="safe").load(pathlib.Path(name))
        for number, step in enumerate(steps(document)):
            if "run" not in step:
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "expression", step["run"])
            stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")
            path = out / f"{stem}-{number}.sh"
            path.write_text(f"#!/usr/bin/env bash\n# {name}, step {number}\n{script}")
            print(path)


main()
