"""Documents rendered to ESC/POS and read back with the strict decoder."""

from __future__ import annotations

import unicodedata

import pytest

from pos.core.documents import Barcode, Columns, Document, Feed, Heading, QRCode, Separator, Text
from pos.devices import cp858
from pos.devices.errors import DocumentNotPrintable, PrinterConfigError
from pos.devices.escpos_render import render, render_many
from tests.support.escpos_decoder import (
    QR,
    CodePage,
    Cut,
    DrawerPulse,
    Image,
    Init,
    TextLine,
    decode,
    text_lines,
)
from tests.support.escpos_decoder import Barcode as BarcodeEvent
from tests.support.escpos_decoder import Feed as FeedEvent


def doc(*blocks, cut: bool = True) -> Document:
    return Document(kind="test", blocks=tuple(blocks), cut=cut)


def test_job_starts_with_reset_and_one_cp858_table():
    events = decode(render(doc(Text("Zoé"), Text("€"), Text("’"), Barcode("A1"))))
    assert events[:2] == [Init(), CodePage(19)]
    assert [e for e in events if isinstance(e, (Init, CodePage))] == [Init(), CodePage(19)]


def test_french_text_and_euro_come_out_readable():
    events = decode(render(doc(Text("Théâtre — Zoé’s 2\u202f420,00\u00a0€"))))
    assert text_lines(events) == ["Théâtre - Zoé's 2 420,00 €"]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("«\u00a0Cœur\u00a0» … “Œdipe”", '« Coeur » ... "OEdipe"'),
        ("‘Ÿvette’ – ﬁn", "'Yvette' - fin"),
        ("Ça coûte 1\u202f000 £", "Ça coûte 1 000 £"),
        ("日本", "__"),
        ("tab\there\x1bESC", "tab here_ESC"),
    ],
)
def test_characters_outside_cp858_get_a_readable_fallback(text, printed):
    lines = text_lines(decode(render(doc(Text(text)))))
    assert lines == [printed]
    assert "?" not in lines[0]


def test_fallback_never_yields_question_marks_or_control_bytes():
    # Everything but the question marks themselves (⁇ is "??" in NFKD, rightly).
    chars = (chr(c) for c in range(0x20, 0x3000))
    sample = "".join(c for c in chars if "?" not in unicodedata.normalize("NFKD", c))
    encoded = cp858.encode(sample + "\x00\x07\x1b\x1d\x10\x7f")
    assert b"?" not in encoded
    assert not any(b < 0x20 or b == 0x7F for b in encoded)


@pytest.mark.parametrize(("paper_width", "columns"), [(80, 48), (58, 32)])
def test_columns_put_the_amount_flush_right(paper_width, columns):
    block = Columns("Orchestre plein tarif", "2\u202f420,00\u00a0€", bold=True)
    [line] = [
        e for e in decode(render(doc(block), paper_width=paper_width)) if isinstance(e, TextLine)
    ]
    assert len(line.text) == columns
    assert line.text.startswith("Orchestre plein tarif ")
    assert line.text.endswith(" 2 420,00 €")
    assert line.bold is True


@pytest.mark.parametrize(("paper_width", "columns"), [(80, 48), (58, 32)])
def test_columns_wrap_the_label_and_keep_the_amount(paper_width, columns):
    """A long label is wrapped, never cut (issue 9: "… - P" on the exchange receipt)."""
    label = "Abonnement saison complète catégorie A, placement libre"
    lines = text_lines(decode(render(doc(Columns(label, "99,00 €")), paper_width=paper_width)))
    assert len(lines) > 1 and all(len(line) <= columns for line in lines)
    assert lines[-1].endswith(" 99,00 €")
    assert " ".join(" ".join(line.split()) for line in lines) == label + " 99,00 €"


@pytest.mark.parametrize(("paper_width", "columns"), [(80, 48), (58, 32)])
def test_separator_fills_the_line(paper_width, columns):
    lines = text_lines(decode(render(doc(Separator("="), Separator("—")), paper_width=paper_width)))
    assert lines == ["=" * columns, "-" * columns]


def test_heading_is_double_bold_centred_and_wrapped_at_half_width():
    events = decode(render(doc(Heading("Théâtre de la Ville"), Text("après")), paper_width=58))
    lines = [e for e in events if isinstance(e, TextLine)]
    # 16 double-width characters fit on 58 mm paper.
    assert lines[:2] == [
        TextLine("Théâtre de la", bold=True, align="center", double=True),
        TextLine("Ville", bold=True, align="center", double=True),
    ]
    assert lines[2] == TextLine("après", bold=False, align="left", double=False)


def test_text_style_and_word_wrap():
    events = decode(
        render(
            doc(Text("Merci de votre visite, à bientôt au théâtre !", align="right")),
            paper_width=58,
        )
    )
    lines = [e for e in events if isinstance(e, TextLine)]
    assert [line.text for line in lines] == ["Merci de votre visite, à bientôt", "au théâtre !"]
    assert {line.align for line in lines} == {"right"}


def test_code128_barcode_payload_round_trips():
    events = decode(render(doc(Barcode("R-000042"), Barcode("a{b"))))
    assert [e for e in events if isinstance(e, BarcodeEvent)] == [
        BarcodeEvent("CODE128", "R-000042"),
        BarcodeEvent("CODE128", "a{b"),
    ]


def test_barcode_is_an_image_when_the_printer_has_no_code128():
    # NT-5890K: CP858 is its table 53, and it has no hardware barcodes or QR.
    job = render(
        doc(Barcode("R-000042"), QRCode("https://x.test/r/42")), paper_width=58, profile="NT-5890K"
    )
    events = decode(job, tables={53: "cp858"})
    assert CodePage(53) in events
    assert not [e for e in events if isinstance(e, (BarcodeEvent, QR))]
    images = [e for e in events if isinstance(e, Image)]
    assert len(images) == 2 and all(0 < i.width <= 384 for i in images)


def test_qr_code_is_native_with_its_payload():
    events = decode(render(doc(QRCode("https://billetterie.test/r/42?é=1"))))
    assert [e for e in events if isinstance(e, QR)] == [QR("https://billetterie.test/r/42?é=1")]
    assert not [e for e in events if isinstance(e, Image)]


def test_cut_is_partial_after_a_feed_and_only_when_asked():
    assert decode(render(doc(Text("a"))))[-2:] == [FeedEvent(6), Cut(partial=True)]
    assert not [e for e in decode(render(doc(Text("a"), cut=False))) if isinstance(e, Cut)]


def test_feed_block():
    assert FeedEvent(3) in decode(render(doc(Feed(3))))


@pytest.mark.parametrize("pin", [2, 5])
def test_drawer_pulse_comes_last_on_the_configured_pin(pin):
    events = decode(render(doc(Text("a")), kick_pin=pin))
    assert events[-1] == DrawerPulse(pin=pin, on_ms=100, off_ms=100)
    assert events[-2] == Cut(partial=True)


def test_no_drawer_pulse_without_pin():
    assert not [e for e in decode(render(doc(Text("a")))) if isinstance(e, DrawerPulse)]


def test_render_many_is_one_job_with_each_document_cut_and_one_kick():
    job = render_many([doc(Text("reçu")), doc(Text("avoir"))], kick_pin=2)
    events = decode(job)
    kinds = [type(e).__name__ for e in events if not isinstance(e, FeedEvent)]
    assert kinds == ["Init", "CodePage", "TextLine", "Cut", "TextLine", "Cut", "DrawerPulse"]
    assert text_lines(events) == ["reçu", "avoir"]


def test_python_escpos_chatter_does_not_reach_stdout(capsys):
    render(doc(Barcode("R-1"), QRCode("x")))
    assert capsys.readouterr().out == ""


def test_unknown_profile_is_a_config_error():
    with pytest.raises(PrinterConfigError) as info:
        render(doc(Text("a")), profile="no-such-printer")
    assert info.value.code == "printer_config"
    assert "no-such-printer" in info.value.message


def test_profile_without_cp858_is_a_config_error():
    with pytest.raises(PrinterConfigError, match="CP858"):
        render(doc(Text("a")), profile="simple")


def test_bad_paper_width_and_pin_are_config_errors():
    with pytest.raises(PrinterConfigError):
        render(doc(Text("a")), paper_width=110)
    with pytest.raises(PrinterConfigError):
        render(doc(Text("a")), kick_pin=3)


def test_barcode_with_accents_is_not_printable():
    with pytest.raises(DocumentNotPrintable) as info:
        render(doc(Barcode("Zoé")))
    assert info.value.message.startswith("Document impossible à imprimer")
