"""The compiled query made for reading, without changing what it computes: branches decided
by constants taken, each step (CTE) keeping only the columns a later step reads, the steps in
the order a reader follows (each after the steps it reads, a table's load steps together), and
each opening with a comment saying what it computes.

Ibis writes every step as a projection of the one before: all columns carried, in the order
its graph walk met them. These passes work on the sqlglot tree Ibis compiles to, before any
dialect writes it, so every dialect gets the same query."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import sqlglot.expressions as sge

# A relation a column reference can read: a CTE by its name, or a derived table by its alias.
Relation = tuple[str, str]


def untuple(tree: sge.Expression) -> None:
    """Child lists Ibis builds as tuples made lists: sqlglot's walks step over tuples, so a
    column read only in a window's ORDER BY would look unread."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for key, value in list(node.args.items()):
            if isinstance(value, tuple):
                value = list(value)
                node.set(key, value)
            if isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, sge.Expression))
            elif isinstance(value, sge.Expression):
                stack.append(value)


def ctes_of(tree: sge.Expression) -> list[sge.CTE]:
    found = tree.args.get("with_")
    return list(found.expressions) if isinstance(found, sge.With) else []


class _Reads:
    """Which columns of each relation the query reads, counted so that a projection taken
    out takes its reads with it."""

    def __init__(self, tree: sge.Expression, ctes: list[sge.CTE]) -> None:
        names = {c.alias for c in ctes}
        self.binding: dict[str, Relation] = {}
        self.whole: set[Relation] = set()  # read by a star (or ambiguously): every column
        bound = [
            (t.alias_or_name, ("cte", t.name))
            for t in tree.find_all(sge.Table)
            if t.name in names and not t.db
        ]
        bound += [(s.alias, ("sub", s.alias)) for s in tree.find_all(sge.Subquery) if s.alias]
        for alias, relation in bound:
            other = self.binding.setdefault(alias, relation)
            if other != relation:  # one alias for two relations: left as they are
                self.whole |= {other, relation}
        self.names = names
        self.count: Counter[tuple[Relation, str]] = Counter()
        self.add(tree, 1)

    def add(self, node: sge.Expression, sign: int) -> None:
        for column in node.find_all(sge.Column):
            relation = self.binding.get(column.table)
            if relation is None:
                continue
            if isinstance(column.this, sge.Star):
                self.whole.add(relation)
            self.count[(relation, column.name)] += sign
        for star in node.find_all(sge.Star):
            select = star.parent
            if isinstance(select, sge.Select):
                source = _source(select)
                if isinstance(source, sge.Table) and source.name in self.names:
                    self.whole.add(("cte", source.name))
                elif isinstance(source, sge.Subquery) and source.alias:
                    self.whole.add(("sub", source.alias))

    def read(self, relation: Relation, column: str) -> bool:
        return relation in self.whole or self.count[(relation, column)] > 0


def _source(select: sge.Select) -> sge.Expression | None:
    found = select.args.get("from_")
    return found.this if isinstance(found, sge.From) else None


def _prunable(select: sge.Expression) -> bool:
    """A projection whose columns can be left out one by one: not DISTINCT (a column less
    would merge rows), not grouped (GROUP BY names projections by position), no star."""
    if not isinstance(select, sge.Select):
        return False
    if select.args.get("distinct") or select.args.get("group"):
        return False
    return not any(isinstance(p, sge.Star) or p.find(sge.Star) for p in select.expressions)


def prune_columns(tree: sge.Expression) -> int:
    """Leave out of each step the columns no later step reads; the number left out. The
    query's own SELECT (its result) keeps every column."""
    untuple(tree)
    ctes = ctes_of(tree)
    reads = _Reads(tree, ctes)
    dropped = 0

    def prune(select: sge.Expression, relation: Relation) -> None:
        nonlocal dropped
        if not _prunable(select) or relation in reads.whole:
            return
        kept = [p for p in select.expressions if reads.read(relation, p.alias_or_name)]
        if not kept:  # a step no one reads a column of still selects something
            kept = select.expressions[:1]
        gone = [p for p in select.expressions if not any(p is k for k in kept)]
        if gone:
            select.set("expressions", kept)
            for projection in gone:
                reads.add(projection, -1)
            dropped += len(gone)

    # Readers before what they read: the query's own SELECT and its derived tables, then the
    # steps from the last, each step's derived tables after it.
    for sub in _derived(tree, outside_steps=True):
        prune(sub.this, ("sub", sub.alias))
    for cte in reversed(ctes):
        prune(cte.this, ("cte", cte.alias))
        for sub in _derived(cte.this):
            prune(sub.this, ("sub", sub.alias))
    return dropped


def _derived(scope: sge.Expression, *, outside_steps: bool = False) -> Iterator[sge.Subquery]:
    """The derived tables (FROM (SELECT ...) AS tN) in a scope, each before those inside it;
    with `outside_steps`, only those of the query's own SELECT."""
    for sub in scope.find_all(sge.Subquery, bfs=True):
        if not sub.alias or not isinstance(sub.parent, sge.From | sge.Join):
            continue
        if outside_steps and sub.find_ancestor(sge.CTE) is not None:
            continue
        yield sub


def order_steps(tree: sge.Expression) -> None:
    """The steps in reading order: each right after the steps it reads, depth first from the
    query's result, so that a table's chain of load steps stays together."""
    ctes = ctes_of(tree)
    if not ctes:
        return
    by_name = {c.alias: c for c in ctes}
    position = {c.alias: i for i, c in enumerate(ctes)}

    def reads(node: sge.Expression) -> list[str]:
        names = {t.name for t in node.find_all(sge.Table) if t.name in by_name and not t.db}
        return sorted(names, key=position.__getitem__)

    ordered: list[sge.CTE] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        done.add(name)
        for dependency in reads(by_name[name].this):
            visit(dependency)
        ordered.append(by_name[name])

    read_by_result = {
        t.name
        for t in tree.find_all(sge.Table)
        if t.name in by_name and not t.db and t.find_ancestor(sge.CTE) is None
    }
    for name in sorted(read_by_result, key=position.__getitem__):
        visit(name)
    for cte in ctes:  # a step nothing reads (none is expected) keeps its place at the end
        visit(cte.alias)
    tree.args["with_"].set("expressions", ordered)


def annotate_steps(tree: sge.Expression, note: Callable[[sge.CTE], str]) -> None:
    """Each step opens with a comment: what `note` says it computes."""
    for cte in ctes_of(tree):
        text = note(cte).replace("*/", "* /")
        first = cte.this
        while isinstance(first, sge.SetOperation):  # a union's comment opens its first part
            first = first.this
        first.add_comments([f" {text} "], prepend=True)


_SMALL = 2**31
_COMPARE: dict[type[sge.Expression], Callable[[int, int], bool]] = {
    sge.EQ: lambda a, b: a == b,
    sge.NEQ: lambda a, b: a != b,
    sge.GT: lambda a, b: a > b,
    sge.GTE: lambda a, b: a >= b,
    sge.LT: lambda a, b: a < b,
    sge.LTE: lambda a, b: a <= b,
}


def fold_constants(tree: sge.Expression) -> sge.Expression:
    """Whole-number arithmetic on literals done, and a branch whose test compares two whole
    numbers taken: Ibis writes a regex group's extraction as IF(1 = 0, <the whole match>,
    <the group>), and a substring from the start as IF((0 + 1) >= 1, 0 + 1, ...), each branch
    spelling the pattern out again."""

    def fold(node: sge.Expression) -> sge.Expression:
        inner = node.this if isinstance(node, sge.Paren) else None
        if isinstance(inner, sge.Literal) and _whole(inner) is not None:
            return inner
        if isinstance(node, sge.Add | sge.Sub):
            a, b = _whole(node.this), _whole(node.expression)
            if a is not None and b is not None:
                value = a + b if isinstance(node, sge.Add) else a - b
                if abs(value) < _SMALL:  # far from any engine's integer overflow
                    return sge.Literal.number(value)
        if isinstance(node, sge.If):
            test = node.this
            compare = _COMPARE.get(type(test))
            if compare is not None:
                a, b = _whole(test.this), _whole(test.expression)
                if a is not None and b is not None:
                    taken = node.args.get("true") if compare(a, b) else node.args.get("false")
                    return taken if taken is not None else sge.Null()
        return node

    untuple(tree)
    # children before their parents, so that a test sees its operands folded
    for node in reversed([n for n in tree.walk(bfs=False) if isinstance(n, sge.Expression)]):
        folded = fold(node)
        if folded is not node:
            if node is tree:
                return folded
            node.replace(folded)
    return tree


def _whole(node: sge.Expression | None) -> int | None:
    """The value of a whole-number literal (a non-negative one: a minus is an operator)."""
    if isinstance(node, sge.Literal) and not node.is_string and node.this.isdigit():
        return int(node.this)
    return None
