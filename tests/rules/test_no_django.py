"""The engine is pure Python: no module in rules/ imports Django (DESIGN.md)."""

import ast
import subprocess
import sys
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_no_django_import_in_source():
    offenders = []
    for path in RULES.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in {"django", "rest_framework"}
            ]
    assert not offenders


def test_importing_rules_does_not_load_django():
    code = (
        "import sys, json, rules;"
        "rules.determine(json.load(open(sys.argv[1]))[0]['situation']);"
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if m.startswith('django'))"
    )
    cases = Path(__file__).resolve().parent / "data" / "cases-public.json"
    subprocess.run(
        [sys.executable, "-c", code, str(cases)],
        check=True,
        cwd=RULES.parent,
        env={"PYTHONPATH": str(RULES.parent)},
    )
