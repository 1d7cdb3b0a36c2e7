"""Read a YAML file into a typed model; every error names the file, key path, value and line."""

from __future__ import annotations

import difflib
import errno
import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from revq.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def format_key_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _line_of(
    node: yaml.Node | None, loc: tuple[int | str, ...], *, key: bool = False
) -> int | None:
    """Line of the deepest YAML node that `loc` reaches (1-based); of the key itself if `key`."""
    line = None
    for i, part in enumerate(loc):
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part), None)
            if pair is not None and key and i == len(loc) - 1:
                return int(pair[0].start_mark.line) + 1
            node = pair[1] if pair is not None else None
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if 0 <= part < len(node.value) else None
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The sub-model a location points into, to list its allowed keys."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        current = _first_model(annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _describe(error: Any, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key{hint}; allowed keys: {', '.join(allowed)}"
    msg = str(error["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    value = error.get("input")
    if isinstance(value, dict | list) or ", got " in msg:
        return msg
    return f"{msg}, got {value!r}"


# libyaml's parser when PyYAML was built with it (the wheels are): parsing the built-in presets
# with the pure-Python one costs a third of a second on every run.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Plain YAML data (no line numbers kept), parsed by the fastest safe loader."""
    return yaml.load(text, Loader=SAFE_LOADER)


def parse_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(path, "", "file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "", f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ConfigError(path, "", "is a symbolic link loop") from None
        raise
    try:
        loader = SAFE_LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        # A reader error (a control character: a binary file) has no problem, and its text
        # runs over two lines.
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise ConfigError(path, "", f"invalid YAML: {problem}", line=line) from None
    if node is None:  # nothing but blanks and comments: a file emptied or not yet written
        raise ConfigError(
            path, "", "the file is empty: expected YAML keys (see revq config schema)"
        )
    return data, node


def validate_data(path: Path, data: Any, node: yaml.Node | None, model: type[M]) -> M:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            path, "", f"expected a mapping of keys at the top level, got {type(data).__name__}"
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        # An unknown key usually explains the errors after it (a misspelt 'point' is also a
        # missing 'points'), so it is reported first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        raw_loc = tuple(first["loc"])
        # A key that is not allowed is on its own line; a bad value may start on the next
        # (a block under the key), and a mapping key pydantic marks "[key]".
        is_key = "[key]" in raw_loc or first["type"] == "extra_forbidden"
        loc = tuple(p for p in raw_loc if p != "[key]")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ConfigError(
            path,
            format_key_path(loc),
            _describe(first, model) + more,
            line=_line_of(node, loc, key=is_key),
        ) from None


def split_key_path(key: str) -> tuple[int | str, ...]:
    """'fit.rules[2].when.in' -> ('fit', 'rules', 2, 'when', 'in')."""
    parts: list[int | str] = []
    for token in re.findall(r"[^.\[\]]+|\[\d+\]", key):
        parts.append(int(token[1:-1]) if token.startswith("[") else token)
    return tuple(parts)


def line_of_key(node: yaml.Node | None, key: str) -> int | None:
    return _line_of(node, split_key_path(key))


def load_model(path: Path, model: type[M]) -> M:
    """Parse and validate one YAML config file."""
    data, node = parse_yaml(path)
    return validate_data(path, data, node, model)
