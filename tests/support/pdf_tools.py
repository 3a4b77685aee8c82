"""Read PDFs back as a customer's scanner would: poppler-utils and zbar-tools (Debian).

``pdftoppm`` renders each page to PNG, ``zbarimg`` decodes the barcodes in it,
``pdftotext``/``pdfinfo`` give the text and page sizes. Missing tools skip the
test on a workstation and fail it in CI (``$CI`` set), where they must exist.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGES = {"pdftoppm": "poppler-utils", "pdftotext": "poppler-utils",
            "pdfinfo": "poppler-utils", "zbarimg": "zbar-tools"}


def require(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if not missing:
        return
    why = ", ".join(f"{t} ({PACKAGES.get(t, '?')})" for t in missing) + " missing"
    if os.environ.get("CI"):
        pytest.fail(f"{why}: scripts/system-deps test installs them; they must exist in CI")
    pytest.skip(why)


def page_images(pdf: bytes, folder: Path, dpi: int = 150) -> list[Path]:
    """Every page as a PNG at ``dpi``, in page order."""
    require("pdftoppm")
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")],
                   check=True, capture_output=True)
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def symbols(image: Path) -> list[tuple[str, str]]:
    """(symbology, data) of every barcode zbarimg finds, e.g. ("CODE-128", "0101...")."""
    require("zbarimg")
    done = subprocess.run(["zbarimg", "-q", str(image)], capture_output=True, text=True)
    assert done.returncode in (0, 4), done.stderr  # 4: no symbol found
    return sorted(tuple(line.split(":", 1)) for line in done.stdout.splitlines() if ":" in line)


def raw_payloads(image: Path) -> list[str]:
    """``zbarimg --raw``: the payloads only, as a scanner at the door sends them."""
    require("zbarimg")
    done = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True)
    assert done.returncode in (0, 4), done.stderr
    return sorted(done.stdout.split())


def text(pdf: bytes, folder: Path) -> list[str]:
    """The text of each page (pdftotext -layout), in page order."""
    require("pdftotext")
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "text.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(source), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return out.split("\f")[: page_count(pdf, folder)]


def page_count(pdf: bytes, folder: Path) -> int:
    return len(page_sizes_mm(pdf, folder))


def page_sizes_mm(pdf: bytes, folder: Path) -> list[tuple[float, float]]:
    """(width, height) of each page in millimetres, rounded to 0.1."""
    require("pdfinfo")
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "info.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(source)],
                         check=True, capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    return [(round(float(w) * 25.4 / 72, 1), round(float(h) * 25.4 / 72, 1)) for w, h in sizes]
