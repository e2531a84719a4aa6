"""Every public function, method and class in geo/ has a docstring (STYLE: shapes, units, errors, data source)."""

import ast
from pathlib import Path

GEO = Path(__file__).resolve().parent.parent / "geo"


def _undocumented(tree: ast.AST, path: Path, prefix: str = "") -> list[str]:
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        ) and not node.name.startswith("_"):
            if not ast.get_docstring(node):
                found.append(f"{path}:{node.lineno} {prefix}{node.name}")
            if isinstance(node, ast.ClassDef):
                found += _undocumented(node, path, f"{prefix}{node.name}.")
    return found


def test_public_names_in_geo_have_docstrings() -> None:
    files = sorted(GEO.rglob("*.py"))
    assert files, f"no modules found under {GEO}"
    missing = [
        line for path in files for line in _undocumented(ast.parse(path.read_text(encoding="utf-8")), path)
    ]
    assert not missing, "public names without a docstring:\n" + "\n".join(missing)


def test_the_check_finds_an_undocumented_name() -> None:
    tree = ast.parse('class Shown:\n    """Documented."""\n\n    def hidden(self):\n        return 1\n')
    assert _undocumented(tree, Path("example.py")) == ["example.py:4 Shown.hidden"]
