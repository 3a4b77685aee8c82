"""Every string the window shows through tr() has its French translation, compiled."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "guichet_fr.ts"


def test_every_ui_string_is_translated_to_french(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    copy = tmp_path / "guichet_fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "pos" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-silent"], check=True)
    text = copy.read_text(encoding="utf-8")
    untranslated = [
        re.search(r"<source>(.*?)</source>", block, re.S).group(1)
        for block in re.findall(r"<message[^>]*>.*?</message>", text, re.S)
        if re.search(r"<translation type=\"(?:unfinished|vanished)\"", block)
    ]
    assert untranslated == [], "run `make translations` and fill resources/translations/fr/"


def test_the_compiled_french_is_up_to_date():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 1000
    # lrelease of the committed .ts gives the committed .qm
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = qm.parent / ".check.qm"
    try:
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == qm.read_bytes(), "run `make translations`"
    finally:
        fresh.unlink(missing_ok=True)
