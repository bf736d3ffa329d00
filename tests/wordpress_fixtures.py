"""The WordPress fixtures the import tests share (tests/fixtures/wordpress/)."""

from pathlib import Path

import yaml

from conftest import ROOT

# The demo's own old addresses, which an import keeps, first and in order.
DEMO_REDIRECTS = yaml.safe_load(
    (ROOT / "content/redirects.yaml").read_text(encoding="utf-8")
)["redirects"]

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
EXPORT = FIXTURES / "ekspor.xml"
BOILERPLATE = [
    "Tinggalkan Balasan",
    "Isikan data di bawah",
    "Logo WordPress.com",
    "You are commenting using",
    "Connecting to %s",
    "Iklan",
    "Bagikan ini",
    "Twitter",
    "Baca juga",
    "Kabar lama",
    "window.ads",
]
