#!/usr/bin/env python3
"""Refresh the French translation: extract the tr() strings of pos/ui into
resources/translations/guichet_fr.ts (pyside6-lupdate), fill the untranslated ones from
resources/translations/fr/*.tsv ("English<TAB>French", plural forms "one || many"), and
compile guichet_fr.qm (pyside6-lrelease). Prints the strings still untranslated and
exits 1 if there are any.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "guichet_fr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def load_tables() -> dict[str, str]:
    table: dict[str, str] = {}
    for tsv in sorted((TS.parent / "fr").glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                source, _, french = line.partition("\t")
                table[source] = french
    return table


def fill(text: str, table: dict[str, str], missing: list[str]) -> str:
    def one(match: re.Match[str]) -> str:
        block = match.group(0)
        source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
        if 'type="unfinished"' not in block and "<translation" in block:
            return block
        french = table.get(source)
        if french is None:
            missing.append(source)
            return block
        if 'numerus="yes"' in block:
            forms = "".join(f"<numerusform>{html.escape(f.strip(), quote=False)}</numerusform>"
                            for f in french.split("||"))
            body = f"<translation>{forms}</translation>"
        else:
            body = f"<translation>{html.escape(french, quote=False)}</translation>"
        return re.sub(r"<translation[^>]*?(/>|>.*?</translation>)", body, block, flags=re.S)

    return re.sub(r"<message[^>]*>.*?</message>", one, text, flags=re.S)


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "pos" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete",
                    "-silent"], check=True)
    missing: list[str] = []
    TS.write_text(fill(TS.read_text(encoding="utf-8"), load_tables(), missing), encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
