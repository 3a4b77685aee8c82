#!/usr/bin/env python3
"""Refresh the French translations, both regimes:

- the window (Qt): extract the tr() strings of pos/ui into
  resources/translations/guichet_fr.ts (pyside6-lupdate), fill the untranslated ones from
  resources/translations/fr/*.tsv ("English<TAB>French", plural forms "one || many"), and
  compile guichet_fr.qm (pyside6-lrelease);
- the core and the devices (gettext): extract their messages with Babel (babel.cfg,
  keywords below) and merge them into pos/locale/fr/LC_MESSAGES/guichet.po, where the
  French is written (new msgids arrive empty). The .po is compiled in memory at run time
  (pos.core.i18n), so no .mo is kept.

Prints the strings still untranslated (or fuzzy) and exits 1 if there are any.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "pos" / "locale" / "fr" / "LC_MESSAGES" / "guichet.po"
BABEL_KEYWORDS = ("-k", "lazy", "-k", "Nn_:1,2")
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


def extract_pot(pot: Path) -> None:
    """The msgids of pos/core and pos/devices, as Babel extracts them, into ``pot``."""
    subprocess.run([str(BIN / "pybabel"), "-q", "extract", "-F", str(ROOT / "babel.cfg"),
                    *BABEL_KEYWORDS, "--no-location", "--sort-output", "--no-wrap",
                    "--project", "guichet", "-o", str(pot), "."],
                   check=True, cwd=ROOT)


def refresh_gettext() -> list[str]:
    """Merge the extracted msgids into the French .po; the untranslated or fuzzy ones."""
    import tempfile

    from babel.messages.pofile import read_po, write_po

    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "guichet.pot"
        extract_pot(pot)
        with pot.open("rb") as f:
            template = read_po(f)
    if PO.exists():
        with PO.open("rb") as f:
            catalog = read_po(f, locale="fr")
    else:
        from babel.messages.catalog import Catalog
        catalog = Catalog(locale="fr", domain="guichet", project="guichet")
    created = catalog.creation_date  # kept: the .po changes only when a message does
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.project, catalog.version = "guichet", "0.1"
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = ""
    catalog.copyright_holder = "Guichet"
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalog, width=0, omit_header=False, sort_output=True,
                 ignore_obsolete=True, include_previous=False, no_location=True)
    return [m.id if isinstance(m.id, str) else m.id[0] for m in catalog
            if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple)
                                            else (m.string,)))]


def main() -> int:
    missing = refresh_gettext()
    sources = sorted(str(p) for p in (ROOT / "pos" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete",
                    "-silent"], check=True)
    TS.write_text(fill(TS.read_text(encoding="utf-8"), load_tables(), missing), encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
