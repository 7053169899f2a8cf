"""``manage.py determine``: JSON out, exit 0; bad input prints only {"errors": [...]} and exits 2."""

import io
import json

import pytest
from django.core.management import call_command

from tests.rules.builders import load_public_cases

CASE = load_public_cases()[0]


def run(tmp_path, monkeypatch, content: str, use_stdin=False):
    out = io.StringIO()
    if use_stdin:
        monkeypatch.setattr("sys.stdin", io.StringIO(content))
        target = "-"
    else:
        target = tmp_path / "input.json"
        target.write_text(content, encoding="utf-8")
        target = str(target)
    code = 0
    try:
        call_command("determine", target, stdout=out)
    except SystemExit as exc:
        code = exc.code
    return code, json.loads(out.getvalue())


def test_file_with_one_situation(tmp_path, monkeypatch):
    code, body = run(tmp_path, monkeypatch, json.dumps(CASE["situation"]))
    assert code == 0
    assert body["legislation"] == "NL"
    assert body["provision"] == {"instrument": "883/2004", "article": "12(1)"}


def test_stdin_list_keeps_order(tmp_path, monkeypatch):
    cases = load_public_cases()[:3]
    code, body = run(tmp_path, monkeypatch, json.dumps([c["situation"] for c in cases]), use_stdin=True)
    assert code == 0
    assert [b["legislation"] for b in body] == [c["expected"]["legislation"] for c in cases]


def test_bad_item_in_list_exits_2_with_prefixed_fields(tmp_path, monkeypatch):
    bad = json.loads(json.dumps(CASE["situation"]))
    bad["work"][0]["country"] = "XX"
    code, body = run(tmp_path, monkeypatch, json.dumps([CASE["situation"], bad]))
    assert code == 2
    assert set(body) == {"errors"}
    assert body["errors"][0]["field"] == "[1].work[0].country"


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2", "\u00ff"])
def test_invalid_json_is_a_clean_error(tmp_path, monkeypatch, content):
    code, body = run(tmp_path, monkeypatch, content)
    assert code == 2
    assert body["errors"][0]["field"] == ""


def test_missing_file(tmp_path):
    out = io.StringIO()
    with pytest.raises(SystemExit) as exc:
        call_command("determine", str(tmp_path / "nope.json"), stdout=out)
    assert exc.value.code == 2
    assert "errors" in json.loads(out.getvalue())


def test_subprocess_prints_only_json(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "bad.json"
    path.write_text('{"reference_date": "x"}', encoding="utf-8")
    import os

    env = {**os.environ, "PORTAL_ENV": "test"}
    proc = subprocess.run(
        [sys.executable, "manage.py", "determine", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 2
    body = json.loads(proc.stdout)
    assert {e["field"] for e in body["errors"]} >= {"reference_date", "residence"}
