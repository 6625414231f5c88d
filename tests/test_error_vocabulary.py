"""One error vocabulary: input errors are ValueErrors, wrong calls TypeErrors, and the library's
messages name options as the library spells them — command-line flags only in command-line code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import socialtools
from socialtools.errors import InputError, SocialToolsError, UsageError
from socialtools.io.loading import parse_model
from socialtools.quadrant.model import StrengthsQuadrant

PACKAGE = Path(socialtools.__file__).parent
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def _is_command_line(path: Path, tree: ast.Module) -> bool:
    """``cli.py``, or a module that registers a command (it defines ``register``), is command-line code."""
    return path.name == "cli.py" or any(isinstance(node, ast.FunctionDef) and node.name == "register"
                                        for node in tree.body)


def flags_in_library_errors(root: Path = PACKAGE) -> list[str]:
    """``file:line: --flag`` for every flag named in an error raised outside command-line code."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _is_command_line(path, tree):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for part in ast.walk(node.exc):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found += [f"{path.relative_to(root)}:{node.lineno}: {m}" for m in FLAG.findall(part.value)]
    return found


def test_library_errors_name_no_command_line_flags() -> None:
    assert flags_in_library_errors() == []


def test_the_flag_check_finds_a_flag_in_a_raised_message(tmp_path: Path) -> None:
    (tmp_path / "lib.py").write_text('def f():\n    raise ValueError("use " + "--lenient to draw anyway")\n')
    (tmp_path / "cli.py").write_text('def register(c):\n    raise ValueError("--focus needs a file")\n')
    assert flags_in_library_errors(tmp_path) == ["lib.py:2: --lenient"]


def test_input_errors_are_value_errors_and_usage_errors_type_errors() -> None:
    assert issubclass(InputError, ValueError) and issubclass(InputError, SocialToolsError)
    assert issubclass(UsageError, TypeError) and issubclass(UsageError, SocialToolsError)
    with pytest.raises(ValueError, match="all four cells are empty"):
        StrengthsQuadrant(client="PK")
    with pytest.raises(TypeError, match="has no option 'colour'"):
        socialtools.QuadrantDiagram(StrengthsQuadrant(personal_strengths=["jujur"]), colour="red")  # type: ignore[call-arg]


def test_parse_model_names_the_record_not_the_class() -> None:
    """Callers used to patch the class name out of ``record`` (one by testing ``record[:1].isupper()``)."""
    with pytest.raises(InputError) as caught:
        parse_model(StrengthsQuadrant, {"client": "PK"}, "case.yaml", record="strengths")
    assert caught.value.record == "strengths" and "StrengthsQuadrant" not in str(caught.value)
    with pytest.raises(InputError) as caught:
        parse_model(StrengthsQuadrant, {"client": "PK", "personal_strengths": "jujur", "extra": 1}, record="strengths")
    assert caught.value.field == "extra" and caught.value.record == "strengths"
