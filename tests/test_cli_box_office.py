"""``guichet fees``, ``guichet performance cancel`` and ``guichet revocations export`` as a
box-office manager runs them: real processes on a real SQLite file."""

import json
import shutil
import subprocess

import pytest

from tests.test_cli import env, guichet  # noqa: F401 - the fixture

RULES = """
[[rule]]
name = "Organisateur"
requested_by = "organiser"

[[rule]]
name = "Dernières 24 heures"
until_hours = 24
percent = "50"
"""


def test_fees_import_and_show_need_the_supervisor_s_pin(env, tmp_path):  # noqa: F811
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    (tmp_path / "frais.toml").write_text(RULES)
    wrong = guichet("fees", "import", str(tmp_path / "frais.toml"), "--supervisor", "CHEF",
                    env={**env, "GUICHET_PIN": "0000"})
    assert wrong.returncode == 1 and "guichet :" in wrong.stderr
    done = guichet("fees", "import", str(tmp_path / "frais.toml"), "--supervisor", "CHEF",
                   env={**env, "GUICHET_PIN": "1234"})
    assert done.returncode == 0 and "2 règles de frais importées" in done.stdout, done.stderr
    shown = guichet("fees", "show", env=env)
    assert " 2. Dernières 24 heures : 50 % par billet" in shown.stdout
    assert "moins de 24 h avant" in shown.stdout
    (tmp_path / "bad.toml").write_text('[[rule]]\nname = "X"\nfixed = 2.5\n')
    bad = guichet("fees", "import", str(tmp_path / "bad.toml"), "--supervisor", "CHEF",
                  env={**env, "GUICHET_PIN": "1234"})
    assert bad.returncode == 1 and "entre guillemets" in bad.stderr


def test_cancel_a_performance_refund_it_in_bulk_then_export_its_revocations(
        env, tmp_path):  # noqa: F811
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    listed = guichet("performance", "list", env=env).stdout
    joyaux = next(line.split()[0] for line in listed.splitlines() if "Joyaux" in line)
    pdf = tmp_path / "rapport.pdf"
    run = guichet("performance", "cancel", joyaux, "--policy", "credit-note", "--supervisor",
                  "CHEF", "--reason", "Grève", "--report", str(pdf),
                  env={**env, "GUICHET_PIN": "1234"})
    assert run.returncode == 0, run.stderr
    assert "2 dossiers remboursés, 0 refusés" in run.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "(annulée)" in guichet("performance", "list", env=env).stdout
    again = guichet("performance", "cancel", joyaux, "--policy", "credit-note",
                    "--supervisor", "CHEF", "--report", str(pdf),
                    env={**env, "GUICHET_PIN": "1234"})
    assert "Reprise du remboursement" in again.stdout and "0 dossiers remboursés" in again.stdout

    exported = guichet("revocations", "export", "--since", "2000-01-01",
                       str(tmp_path / "portes"), env=env)
    assert exported.returncode == 0 and "26 billets révoqués" in exported.stdout
    body = json.loads((tmp_path / "portes.json").read_text())
    assert body["count"] == 26 and body["revocations"][0]["reason"].startswith("remboursé")
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (coreutils) missing")
    checked = subprocess.run(["sha256sum", "-c", "portes.sha256"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
