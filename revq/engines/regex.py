"""A scoring regex as polars matches it, spelt for the SQL engines' regex dialects.

revq's `regex` conditions and lookups are polars' `str.contains("(?i)" + pattern)`: Rust's
regex crate, searching (a match anywhere in the value), case-insensitive by Unicode simple
case folding, with Unicode word characters, digits and whitespace. DuckDB and BigQuery use RE2
(ASCII \\b, \\w, \\s), Spark and Databricks java.util.regex (ASCII case-insensitivity, `.` not
matching \\r, `$` before a final newline). The pattern is parsed and written again with every
such meaning explicit: each letter as the class of letters it matches, \\w \\d \\s as Unicode
classes, `.` as [^\\n], `$` as \\z, and \\b resolved from the characters on either side of it.
What cannot be spelt that way (a \\b between two characters that are not fixed, lookaround,
back-references) raises NotCompiled naming the rule.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import polars as pl

from revq.engines.errors import NotCompiled
from revq.engines.unicode import (
    DIGIT_ITEMS,
    WHITE_SPACE,
    WORD_ITEMS,
    case_orbits,
    class_items,
    escape_char,
    is_word,
    merge_ranges,
    orbit,
)

WORD, NONWORD, START, END, FREE = "w", "n", "start", "end", "free"
Kinds = frozenset[str]
NEVER = r"[^\x{0}-\x{10FFFF}]"  # matches no character: a boundary that cannot hold
MAX_REPEAT = 1000  # RE2's largest counted repetition
_BIG_RANGE = 4096  # a class range wider than this is taken to hold both kinds of character
_SPACE_ITEMS = class_items(merge_ranges({ord(c) for c in WHITE_SPACE}))
_CATEGORY = {
    sre.CATEGORY_DIGIT: (DIGIT_ITEMS, False, frozenset({WORD})),
    sre.CATEGORY_NOT_DIGIT: (DIGIT_ITEMS, True, frozenset({WORD, NONWORD})),
    sre.CATEGORY_WORD: (WORD_ITEMS, False, frozenset({WORD})),
    sre.CATEGORY_NOT_WORD: (WORD_ITEMS, True, frozenset({NONWORD})),
    sre.CATEGORY_SPACE: (_SPACE_ITEMS, False, frozenset({NONWORD})),
    sre.CATEGORY_NOT_SPACE: (_SPACE_ITEMS, True, frozenset({WORD, NONWORD})),
}
# Rust syntax that Python's parser reads as something else.
_RUST_ONLY = (
    (r"\<", "a start-of-word assertion (\\<)"),
    (r"\>", "an end-of-word assertion (\\>)"),
    (r"\b{", "a word-boundary assertion \\b{...}"),
    (r"\B{", "a word-boundary assertion \\B{...}"),
    ("[[:", "a POSIX class [[:name:]]"),
)


@dataclass(frozen=True)
class _Flags:
    ignore_case: bool
    dotall: bool


def search_pattern(pattern: str, where: str) -> str:
    """`pattern` as polars' `(?i)` search means it, in syntax RE2 and Java read alike.

    Raises:
        NotCompiled: a construct that cannot be spelt with the same meaning; `where` names
            the rule in the message.
    """
    _check_polars_reads(pattern, where)
    for token, what in _RUST_ONLY:
        if token in pattern:
            raise NotCompiled(where, f"regex '{pattern}' uses {what}, which SQL engines lack")
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)  # nested sets and set operations
        try:
            parsed = sre_parse.parse(pattern, re.IGNORECASE)
        except (re.error, FutureWarning) as exc:
            why = f"regex '{pattern}' is read differently by SQL ({exc})"
            raise NotCompiled(where, why) from None
    flags = parsed.state.flags
    _refuse_flags(flags, pattern, where)
    translator = _Translator(pattern, where)
    start = _Flags(ignore_case=True, dotall=bool(flags & re.DOTALL))
    free = frozenset({FREE})
    return translator.sequence(list(parsed.data), start, free, free)


def _check_polars_reads(pattern: str, where: str) -> None:
    try:
        pl.Series([""], dtype=pl.String).str.contains(f"(?i){pattern}")
    except pl.exceptions.PolarsError as exc:
        lines = [line.strip() for line in str(exc).splitlines()]
        why = next((line for line in lines if line.startswith("error:")), lines[0])
        message = f"regex '{pattern}' is not valid for polars either ({why})"
        raise NotCompiled(where, message) from None


def _refuse_flags(flags: int, pattern: str, where: str) -> None:
    for flag, name in (
        (re.MULTILINE, "multi-line (?m)"),
        (re.VERBOSE, "verbose (?x)"),
        (re.ASCII, "ASCII (?a)"),
        (re.LOCALE, "locale (?L)"),
    ):
        if flags & flag:
            raise NotCompiled(where, f"regex '{pattern}': the {name} flag is not compiled")


class _Translator:
    def __init__(self, pattern: str, where: str) -> None:
        self.pattern = pattern
        self.where = where

    def fail(self, why: str) -> NotCompiled:
        return NotCompiled(self.where, f"regex '{self.pattern}': {why}")

    # -- writing ---------------------------------------------------------------------------

    def sequence(self, items: list[Any], flags: _Flags, before: Kinds, after: Kinds) -> str:
        out = []
        for i, (op, av) in enumerate(items):
            prev = self.last_kinds(items[:i], flags, before)
            nxt = self.first_kinds(items[i + 1 :], flags, after)
            out.append(self.node(op, av, flags, prev, nxt))
        return "".join(out)

    def node(self, op: Any, av: Any, flags: _Flags, prev: Kinds, nxt: Kinds) -> str:
        if op is sre.LITERAL:
            return self.literal(av, flags)
        if op is sre.NOT_LITERAL:
            return "[^" + self.members({av}, flags) + "]"
        if op is sre.ANY:
            return "(?s:.)" if flags.dotall else r"[^\n]"
        if op is sre.IN:
            return self.char_class(av, flags)
        if op is sre.BRANCH:
            return "(?:" + "|".join(self.sequence(list(b), flags, prev, nxt) for b in av[1]) + ")"
        if op is sre.SUBPATTERN:
            _, add, remove, sub = av
            inner = self.scoped(flags, add, remove)
            return "(?:" + self.sequence(list(sub), inner, prev, nxt) + ")"
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return self.repeat(av, flags, prev, nxt)
        if op is sre.AT:
            return self.at(av, prev, nxt)
        what = {
            sre.GROUPREF: "a back-reference",
            sre.GROUPREF_EXISTS: "a conditional group",
            sre.ASSERT: "a lookahead or lookbehind",
            sre.ASSERT_NOT: "a negative lookahead or lookbehind",
        }.get(op, f"the construct {op}")
        raise self.fail(f"{what} is not compiled (polars does not read it either)")

    def scoped(self, flags: _Flags, add: int, remove: int) -> _Flags:
        for flag, name in ((re.MULTILINE, "(?m)"), (re.VERBOSE, "(?x)"), (re.ASCII, "(?a)")):
            if (add | remove) & flag:
                raise self.fail(f"the {name} flag is not compiled")
        ignore = (flags.ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        dotall = (flags.dotall or bool(add & re.DOTALL)) and not remove & re.DOTALL
        return _Flags(ignore, dotall)

    def literal(self, cp: int, flags: _Flags) -> str:
        members = orbit(cp) if flags.ignore_case else frozenset((cp,))
        if len(members) == 1:
            return escape_char(chr(cp))
        return "[" + class_items(merge_ranges(set(members))) + "]"

    def members(self, points: Iterable[int], flags: _Flags) -> str:
        chosen = set(points)
        if flags.ignore_case:
            for cp in list(chosen):
                chosen |= orbit(cp)
        return class_items(merge_ranges(chosen))

    def char_class(self, items: list[Any], flags: _Flags) -> str:
        negate = False
        ranges: list[tuple[int, int]] = []
        positive: list[str] = []
        negated: list[str] = []
        for op, av in items:
            if op is sre.NEGATE:
                negate = True
            elif op is sre.LITERAL:
                ranges.append((av, av))
            elif op is sre.RANGE:
                ranges.append(av)
            elif op is sre.CATEGORY:
                text, negative, _ = _CATEGORY[av]
                (negated if negative else positive).append(text)
            else:  # pragma: no cover - Python's parser puts nothing else in a class
                raise self.fail(f"the class member {op} is not compiled")
        body = self.fold_ranges(ranges, flags) + "".join(positive)
        if negate:
            if negated:
                raise self.fail("a negated class holding \\W, \\D or \\S is not compiled")
            return "[^" + body + "]"
        alternatives = (["[" + body + "]"] if body else []) + ["[^" + n + "]" for n in negated]
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    def fold_ranges(self, ranges: list[tuple[int, int]], flags: _Flags) -> str:
        """The class members of `ranges`, with every case variant when ignoring case."""
        if not ranges:
            return ""
        base = sorted(set(ranges))
        if not flags.ignore_case:
            return class_items(base)
        variants: set[int] = set()
        for cp, members in case_orbits().items():
            if _inside(cp, base):
                variants |= members
        outside = {cp for cp in variants if not _inside(cp, base)}
        return class_items(base + merge_ranges(outside))

    def repeat(self, av: Any, flags: _Flags, prev: Kinds, nxt: Kinds) -> str:
        low, high, sub = av
        sub = list(sub)
        if low > MAX_REPEAT or (high != sre.MAXREPEAT and high > MAX_REPEAT):
            raise self.fail(f"a repetition over {MAX_REPEAT} times is not compiled")
        if high != 1:  # a later round follows an earlier one
            prev = prev | self.last_kinds(sub, flags, frozenset())
            nxt = nxt | self.first_kinds(sub, flags, frozenset())
        inner = self.sequence(sub, flags, prev, nxt)
        one_atom = len(sub) == 1 and sub[0][0] not in (sre.AT, sre.MAX_REPEAT, sre.MIN_REPEAT)
        atom = inner if one_atom else f"(?:{inner})"
        if (low, high) == (0, sre.MAXREPEAT):
            quantifier = "*"
        elif (low, high) == (1, sre.MAXREPEAT):
            quantifier = "+"
        elif (low, high) == (0, 1):
            quantifier = "?"
        elif high == sre.MAXREPEAT:
            quantifier = f"{{{low},}}"
        elif low == high:
            quantifier = f"{{{low}}}"
        else:
            quantifier = f"{{{low},{high}}}"
        return atom + quantifier

    def at(self, code: Any, prev: Kinds, nxt: Kinds) -> str:
        if code in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
            return "^"
        if code is sre.AT_END:
            return r"\z"  # Rust's $ is the end of the text; Java's would allow a final newline
        if code in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
            return self.boundary(code is sre.AT_BOUNDARY, prev, nxt)
        raise self.fail(f"the assertion {code} is not compiled")  # \Z: polars refuses it too

    def boundary(self, word_boundary: bool, prev: Kinds, nxt: Kinds) -> str:
        """A \\b (or \\B) spelt without RE2's ASCII idea of a word character: decided when
        both sides are known, or a class consuming the free side at the pattern's edge (a
        search does not mind what it consumes before or after the match)."""
        word = "[" + WORD_ITEMS + "]"
        nonword = "[^" + WORD_ITEMS + "]"
        prev_kind, next_kind = _definite(prev, START), _definite(nxt, END)
        if prev_kind is not None and next_kind is not None:
            holds = (prev_kind == WORD) != (next_kind == WORD)
            return "" if holds == word_boundary else NEVER
        if prev == frozenset({FREE}) and next_kind is not None:
            want_word_before = (next_kind != WORD) == word_boundary
            return word if want_word_before else f"(?:^|{nonword})"
        if nxt == frozenset({FREE}) and prev_kind is not None:
            want_word_after = (prev_kind != WORD) == word_boundary
            return word if want_word_after else rf"(?:{nonword}|\z)"
        raise self.fail(
            "a word boundary (\\b) between characters that are not fixed (a letter on one "
            "side, not one on the other) is not compiled"
        )

    # -- what characters can come first or last ---------------------------------------------

    def first_kinds(self, items: list[Any], flags: _Flags, after: Kinds) -> Kinds:
        found: set[str] = set()
        for op, av in items:
            kinds, nullable = self.edge_kinds(op, av, flags, first=True)
            found |= kinds
            if not nullable:
                return frozenset(found)
        return frozenset(found | after)

    def last_kinds(self, items: list[Any], flags: _Flags, before: Kinds) -> Kinds:
        found: set[str] = set()
        for op, av in reversed(items):
            kinds, nullable = self.edge_kinds(op, av, flags, first=False)
            found |= kinds
            if not nullable:
                return frozenset(found)
        return frozenset(found | before)

    def edge_kinds(self, op: Any, av: Any, flags: _Flags, *, first: bool) -> tuple[Kinds, bool]:
        """(kinds of the first or last character a node consumes, whether it may consume
        nothing)."""
        if op is sre.LITERAL:
            members = orbit(av) if flags.ignore_case else frozenset((av,))
            return frozenset(WORD if is_word(cp) else NONWORD for cp in members), False
        if op in (sre.NOT_LITERAL, sre.ANY):
            return frozenset({WORD, NONWORD}), False
        if op is sre.IN:
            return self.class_kinds(av), False
        if op is sre.AT:
            if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                return (frozenset(), True) if first else (frozenset({START}), False)
            if av is sre.AT_END:
                return (frozenset({END}), False) if first else (frozenset(), True)
            return frozenset(), True
        if op is sre.SUBPATTERN:
            inner = self.scoped(flags, av[1], av[2])
            return self._sub_kinds(list(av[3]), inner, first)
        if op is sre.BRANCH:
            kinds: set[str] = set()
            nullable = False
            for branch in av[1]:
                k, n = self._sub_kinds(list(branch), flags, first)
                kinds |= k
                nullable = nullable or n
            return frozenset(kinds), nullable
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _, sub = av
            k, n = self._sub_kinds(list(sub), flags, first)
            return k, n or low == 0
        return frozenset({WORD, NONWORD}), True

    def _sub_kinds(self, items: list[Any], flags: _Flags, first: bool) -> tuple[Kinds, bool]:
        marker = frozenset({"?"})
        kinds = (
            self.first_kinds(items, flags, marker)
            if first
            else self.last_kinds(items, flags, marker)
        )
        return kinds - marker, "?" in kinds

    def class_kinds(self, items: list[Any]) -> Kinds:
        kinds: set[str] = set()
        for op, av in items:
            if op is sre.NEGATE:
                return frozenset({WORD, NONWORD})
            if op is sre.CATEGORY:
                kinds |= _CATEGORY[av][2]
            elif op is sre.LITERAL:
                kinds.add(WORD if is_word(av) else NONWORD)
            elif op is sre.RANGE:
                low, high = av
                if high - low > _BIG_RANGE:
                    return frozenset({WORD, NONWORD})
                kinds |= {WORD if is_word(cp) else NONWORD for cp in range(low, high + 1)}
        return frozenset(kinds)


def _definite(kinds: Kinds, edge: str) -> str | None:
    """WORD or NONWORD when every possibility agrees (the text's edge counts as NONWORD)."""
    if FREE in kinds or not kinds:
        return None
    if kinds == {WORD}:
        return WORD
    if kinds <= {NONWORD, edge}:
        return NONWORD
    return None


def _inside(cp: int, ranges: list[tuple[int, int]]) -> bool:
    return any(low <= cp <= high for low, high in ranges)
