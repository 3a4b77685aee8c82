"""Configuration: one TOML file, every key declared once with its type and default.

The file is looked up in this order: ``--config FILE``, ``$GUICHET_CONFIG``, the
platform config folder (``guichet.toml``). A missing default file means "all
defaults"; a wrong key or value stops the start with one line naming it.
``$GUICHET_DATABASE_URL`` overrides ``[database] url``.

This module knows no Qt, no device and no database: it is plain data that each
layer reads.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "guichet"
CONFIG_FILE_NAME = "guichet.toml"


class ConfigError(Exception):
    """A configuration the program refuses to start with; the message is one line."""


def data_dir() -> Path:
    return Path(os.environ.get("GUICHET_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'guichet.sqlite3'}"


def _choice(*allowed: str):
    def check(value: Any) -> str | None:
        return None if value in allowed else "attendu : " + " | ".join(f'"{a}"' for a in allowed)

    return check


def _port(value: Any) -> str | None:
    return None if 0 < value < 65536 else "attendu : un port entre 1 et 65535"


def _positive(value: Any) -> str | None:
    return None if value > 0 else "attendu : un nombre positif"


def _key(default: Any, check=None, doc: str = ""):
    return field(default=default, metadata={"check": check, "doc": doc})


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = _key("", doc="SQLAlchemy URL; empty = the embedded SQLite file in the data folder")
    probe_seconds: float = _key(
        5.0, _positive, "how often the window checks that the database answers (every "
        "second while it is away)")
    busy_timeout_ms: int = _key(
        10_000, _positive, "SQLite: how long a write waits for another counter's before "
        "\"Base de données occupée\"")


@dataclass(frozen=True)
class CounterConfig:
    name: str = _key("Guichet 1", doc="this counter (numbering of operations is per counter)")
    sales_point: str = _key("Guichet", doc="the sales point the counter belongs to")
    venue_name: str = _key("Théâtre de la Ville", doc="printed at the top of receipts")
    training: bool = _key(False, doc="training mode (FORMATION): settlements are checked, "
                          "then rolled back; only their documents print, marked FORMATION")


@dataclass(frozen=True)
class PrinterConfig:
    connection: str = _key(
        "file", _choice("network", "serial", "usb", "cups", "file", "none"),
        "how the printer is reached",
    )
    host: str = _key("", doc="network: host name or IPv4 address")
    port: int = _key(9100, _port, "network: TCP port")
    timeout: float = _key(5.0, _positive,
                          "network/serial: seconds before the printer is unreachable; "
                          "cups: seconds for CUPS to print a job")
    device: str = _key("", doc="serial: a stable path such as /dev/serial/by-id/...")
    baudrate: int = _key(19200, _positive, "serial: speed")
    flow_control: str = _key("none", _choice("none", "rtscts", "dsrdtr", "xonxoff"),
                             "serial: flow control")
    vendor_id: int = _key(0, doc="usb: vendor id (e.g. 0x04b8)")
    product_id: int = _key(0, doc="usb: product id")
    cups_name: str = _key("", doc="cups: the queue name")
    cups_server: str = _key("", doc="cups: host[:port] or socket path of the CUPS server; "
                            "empty = the system's (CUPS_SERVER, client.conf)")
    path: str = _key("",
                     doc="file: where the bytes go; empty = printer-output.bin in the data folder")
    profile: str = _key("default", doc="python-escpos printer profile")
    paper_width: int = _key(80, lambda v: None if v in (58, 80) else "attendu : 58 ou 80", "mm")
    codepage: str = _key("CP858", _choice("CP858"), "the one code page forced at every job (has €)")


@dataclass(frozen=True)
class DrawerConfig:
    kind: str = _key("printer", _choice("printer", "serial", "none"), "how the drawer is kicked")
    pin: int = _key(2, lambda v: None if v in (2, 5) else "attendu : 2 ou 5", "printer kick pin")
    open_level: str = _key("low", _choice("low", "high"),
                           "level of the printer's drawer sensor (pin 3) when the drawer is open")
    device: str = _key("", doc="serial drawer: its port")
    baudrate: int = _key(9600, _positive, "serial drawer: speed")


@dataclass(frozen=True)
class ScannerConfig:
    kind: str = _key("keyboard", _choice("keyboard", "serial"), "keyboard wedge or serial scanner")
    port: str = _key("", doc="serial: a stable path such as /dev/serial/by-id/...")
    baudrate: int = _key(9600, _positive, "serial: speed")
    terminator: str = _key("CR", _choice("CR", "LF", "CRLF"), "serial: end of a scan")
    prefix: str = _key(
        "", lambda v: None if v == "" or re.fullmatch(r"F([1-9]|1[0-9]|2[0-4])", v)
        else 'attendu : "" ou une touche de fonction "F1" à "F24"',
        "keyboard: key the scanner sends first (e.g. F12); empty = timing only")
    suffix: str = _key("Enter", _choice("Enter", "Tab"), "keyboard: key ending a scan")
    max_gap_ms: int = _key(35, _positive, "keyboard: longest pause between two keys of a burst")
    min_length: int = _key(4, _positive, "keyboard: shortest burst taken as a scan")
    duplicate_window_ms: int = _key(1000, _positive, "the same code again within this is one scan")


def _amount_or_empty(value: Any) -> str | None:
    if value == "":
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount != round(amount, 2):
        return 'attendu : un montant en euros, par exemple "300.00", ou "" (aucun seuil)'
    return None


@dataclass(frozen=True)
class RefundsConfig:
    credit_note_validity_days: int = _key(365, _positive, "a credit note expires after this")
    supervisor_above: str = _key(
        "300.00", _amount_or_empty,
        'money given back above this amount (euros, a string: "300.00") needs a supervisor; '
        '"" = no threshold')
    causes: tuple = _key(
        ("Échange", "Annulation de la séance", "Changement de date", "Erreur de vente",
         "Geste commercial"),
        lambda v: None if v and all(isinstance(c, str) and c for c in v)
        else "attendu : une liste de textes non vides",
        "the causes a cashier picks from",
    )
    other_modes: tuple = _key(
        ("card", "cheque", "transfer", "other"),
        lambda v: None if v and set(v) <= {"card", "cheque", "transfer", "other"}
        else 'attendu : une liste parmi "card", "cheque", "transfer", "other"',
        "the modes of AUTRE PAIEMENT",
    )

    @property
    def supervisor_threshold(self) -> Decimal | None:
        """``supervisor_above`` as an exact amount (None: no threshold)."""
        return Decimal(self.supervisor_above).quantize(Decimal("0.01")) \
            if self.supervisor_above else None


@dataclass(frozen=True)
class HoldsConfig:
    seat_minutes: int = _key(15, _positive,
                             "a held exchange's seats are refused to other sales this long")


@dataclass(frozen=True)
class MailConfig:
    host: str = _key("", doc="SMTP server; empty = no server: documents are saved to outbox_dir")
    port: int = _key(587, _port, "SMTP port (587 STARTTLS, 465 SSL, 25 none)")
    security: str = _key("starttls", _choice("starttls", "ssl", "none"), "how the link is secured")
    username: str = _key("", doc="SMTP login; empty = no authentication")
    password: str = _key("", doc="SMTP password")
    sender: str = _key(
        "", lambda v: None if v == "" or "@" in v else "attendu : une adresse e-mail",
        "From: address (required with a host)")
    timeout: float = _key(10.0, _positive, "seconds before the server is unreachable")
    outbox_dir: str = _key("", doc="mails saved here without a server; empty = data folder/outbox")


@dataclass(frozen=True)
class CashConfig:
    reports_dir: str = _key("", doc="Z reports (PDF) are saved here at each close; "
                                    "empty = data folder/reports")


@dataclass(frozen=True)
class Config:
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    counter: CounterConfig = field(default_factory=CounterConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    drawer: DrawerConfig = field(default_factory=DrawerConfig)
    scanner: ScannerConfig = field(default_factory=ScannerConfig)
    refunds: RefundsConfig = field(default_factory=RefundsConfig)
    mail: MailConfig = field(default_factory=MailConfig)
    holds: HoldsConfig = field(default_factory=HoldsConfig)
    cash: CashConfig = field(default_factory=CashConfig)
    source: Path | None = None

    @property
    def database_url(self) -> str:
        return (
            os.environ.get("GUICHET_DATABASE_URL") or self.database.url or default_database_url()
        )

    @property
    def printer_file_path(self) -> Path:
        return Path(self.printer.path) if self.printer.path else data_dir() / "printer-output.bin"

    @property
    def mail_outbox_dir(self) -> Path:
        return Path(self.mail.outbox_dir) if self.mail.outbox_dir else data_dir() / "outbox"

    @property
    def cash_reports_dir(self) -> Path:
        return Path(self.cash.reports_dir) if self.cash.reports_dir else data_dir() / "reports"


_SECTIONS = {f.name: f.type for f in dataclasses.fields(Config) if f.name != "source"}
_SECTION_CLASSES = {
    "database": DatabaseConfig,
    "counter": CounterConfig,
    "printer": PrinterConfig,
    "drawer": DrawerConfig,
    "scanner": ScannerConfig,
    "refunds": RefundsConfig,
    "mail": MailConfig,
    "holds": HoldsConfig,
    "cash": CashConfig,
}


def _parse_section(name: str, raw: Any) -> Any:
    cls = _SECTION_CLASSES[name]
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] doit être une section, pas une valeur")
    known = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        spec = known.get(key)
        if spec is None:
            raise ConfigError(
                f"[{name}] {key} : clé inconnue (clés possibles : {', '.join(sorted(known))})"
            )
        expected = type(spec.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is tuple and isinstance(value, list):
            value = tuple(value)
        if type(value) is not expected:
            kind = {str: "une chaîne", int: "un entier", float: "un nombre", bool: "vrai/faux",
                    tuple: "une liste"}
            raise ConfigError(f"[{name}] {key} = {value!r} : attendu {kind[expected]}")
        check = spec.metadata.get("check")
        problem = check(value) if check else None
        if problem:
            raise ConfigError(f"[{name}] {key} = {value!r} : {problem}")
        values[key] = value
    return cls(**values)


def _require(config: Config) -> None:
    p = config.printer
    needs = {"network": ("host",), "serial": ("device",), "usb": ("vendor_id", "product_id"),
             "cups": ("cups_name",)}
    for key in needs.get(p.connection, ()):
        if not getattr(p, key):
            raise ConfigError(f'[printer] {key} : obligatoire quand connection = "{p.connection}"')
    if config.scanner.kind == "serial" and not config.scanner.port:
        raise ConfigError('[scanner] port : obligatoire quand kind = "serial"')
    if config.drawer.kind == "serial" and not config.drawer.device:
        raise ConfigError('[drawer] device : obligatoire quand kind = "serial"')
    if config.drawer.kind == "printer" and p.connection == "none":
        raise ConfigError('[drawer] kind = "printer" : aucune imprimante (connection = "none")')
    if config.mail.host and not config.mail.sender:
        raise ConfigError("[mail] sender : obligatoire quand host est renseigné")


def parse_config(text: str, source: Path | None = None) -> Config:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML illisible : {exc}") from None
    sections: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _SECTIONS:
            raise ConfigError(
                f"[{name}] : section inconnue (sections possibles : {', '.join(_SECTIONS)})"
            )
        sections[name] = _parse_section(name, value)
    config = Config(**sections, source=source)
    _require(config)
    return config


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read the configuration; ``path`` wins over ``$GUICHET_CONFIG`` over the default file."""
    explicit = path or os.environ.get("GUICHET_CONFIG")
    file = Path(explicit) if explicit else default_config_path()
    if not file.exists():
        if explicit:
            raise ConfigError(f"{file} : fichier de configuration introuvable")
        return Config()
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file} : illisible ({exc})") from None
    try:
        return parse_config(text, source=file)
    except ConfigError as exc:
        raise ConfigError(f"{file} : {exc}") from None
