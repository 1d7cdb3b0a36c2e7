"""The registry of vendor presets: one YAML file each under `presets/`.

Adding a vendor is one file here and one test case.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from revq.config.loader import load_yaml
from revq.config.models import Preset

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def squash_header(header: str) -> str:
    """The last resort of header matching: letters and digits only, so that the upper-case API
    names of a Salesforce Data Loader extract ('CREATEDDATE') meet 'CreatedDate'."""
    return _NON_ALNUM.sub("", header.lower())


def norm_header(header: str) -> str:
    """Comparable form of a header: 'Create Date', 'CreatedDate' and 'created_date' align."""
    spaced = _CAMEL.sub("_", header.strip())
    return _NON_ALNUM.sub("_", spaced.lower()).strip("_")


@cache
def presets() -> dict[str, Preset]:
    """All built-in presets by vendor name, in a stable order (generic last)."""
    found: dict[str, Preset] = {}
    folder = resources.files("revq.io") / "presets"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            preset = Preset.model_validate(load_yaml(entry.read_text(encoding="utf-8")))
            found[preset.vendor] = preset
    generic = found.pop("generic")
    found["generic"] = generic
    return found
