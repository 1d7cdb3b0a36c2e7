"""Patterns and texts on which regex engines disagree, for checking that a scoring regex
spelt for SQL (revq.engines.regex) matches what polars matches."""

from __future__ import annotations

PATTERNS = (
    r"\b(chief|ceo|cfo|cmo|cro|cto|coo|vp|vice president)\b",
    r"\b(director|head of)\b",
    r"\bmanager\b",
    r"^student$",
    r"\b(intern|student)\b",
    "manager",  # a match inside the value: polars searches
    r"^\s*vp",
    r"\d+",
    r"\w+\s+\w+",
    r"[a-z]+",
    r"[^a-z]",
    "a.b",
    r"(?s)a.b",
    "k",
    "s",
    "straße",
    "é",
    r"\bé",
    r"x\W",
    r"[\w-]+@",
    "",
    r"^$",
    "(?-i:Manager)",
    r"^\bvp",
    r"a \bb",
    r"colou?r",
    r"(ab){2,3}",
    "ı",
    "i",
)
TEXTS = (
    "VP Sales",
    "vp",
    "vpä",  # a Unicode letter right after: no word boundary for polars, one for RE2
    "vp-ä",
    "Vice President",
    "Sales Manager",
    "Managerin",
    "manager\n",
    "Student",
    "student\n",  # Java's $ would match before a final newline
    "ſtudent",  # long s: the same letter as s to Rust's case folding
    "\u212api",  # Kelvin sign: a k to Rust
    "STRASSE",
    "straße",
    "Straße",
    "É",
    "é",
    "e\u0301",  # e and a combining accent
    "café",
    "a\rb",  # '.' matches \r in Rust, not in Java
    "a\nb",
    "x\u00a0",  # a no-break space is not a word character
    "x_",
    "director\u2009of",
    "head of sales",
    "Head\u00a0of",
    "١٢٣",  # Arabic-Indic digits are \d to Rust
    "\u3000vp",  # an ideographic space is \s to Rust
    "KPI",
    "İstanbul",
    "ıi",
    "color",
    "colour",
    "ababab",
    "",
    "a b",
    "ab",
)
