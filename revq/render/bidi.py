"""Unicode's bidirectional controls, from an export's values: seen, never obeyed.

An embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069) or a directional mark
(U+200E, U+200F, U+061C) reorders the text after it: a company named "Acme" and U+202E makes
the rest of its line read backwards ("Trojan source"), so a message or a report could say
other than what revq wrote. Where an export's value is written beside revq's own words, the
controls are shown as their code points (`<U+202E>`), or the value is isolated (HTML)."""

from __future__ import annotations

CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Each control as its code point: text that names the character, which a reader can look up.
SHOWN = {ord(c): f"<U+{ord(c):04X}>" for c in CONTROLS}


def bidi_shown(text: str) -> str:
    """`text` with each bidirectional control written as its code point, `<U+202E>`."""
    return text.translate(SHOWN)


def has_bidi_control(text: str) -> bool:
    return not CONTROLS.isdisjoint(text)
