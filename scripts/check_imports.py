#!/usr/bin/env python3
"""Checks the shape of the code (docs/architecture.md, "What may import what"):

1. the apps import each other without a cycle (every import counts, also one inside a
   function);
2. no two modules of the project import each other, directly or round about;
3. no import of a project module inside a function, except in ``AppConfig.ready`` (where
   Django wants signal handlers connected): such an import only hides a cycle;
4. no app holds more than a quarter of the project's Python code.

Plain Python, no Django. Exit 1 with the reasons when a rule is broken. Run by ``make lint``.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_APPS = {"tests", "bench", "scripts", "frontend", "site", "templates", "locale", "search-node"}
MAX_SHARE = 0.25


def apps() -> list[str]:
    return sorted(
        p.name
        for p in ROOT.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name not in NOT_APPS
    )


def modules(app_names) -> dict[str, Path]:
    """{dotted module name: file} for every module of the apps, migrations left out."""
    found = {}
    for app in app_names:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The project module that ``name`` (a module or a name inside one) stands for."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str, path: Path, known: dict[str, Path]):
    """Yields (imported project module, line, inside a function, inside ready())."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, function or child.name)
                continue
            targets = []
            if isinstance(child, ast.Import):
                targets = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" for alias in child.names] or [base]
            for target in targets:
                resolved = _resolve(target, known)
                if resolved and resolved != module:
                    yield resolved, child.lineno, function is not None, function == "ready"
            yield from visit(child, function)

    yield from visit(tree)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def connect(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            connect(node)
    return result


def main() -> int:
    app_names = apps()
    known = modules(app_names)
    app_graph: dict[str, set[str]] = defaultdict(set)
    module_graph: dict[str, set[str]] = defaultdict(set)
    problems = []
    for module, path in sorted(known.items()):
        app = module.split(".")[0]
        for target, line, in_function, in_ready in imports(module, path, known):
            target_app = target.split(".")[0]
            if target_app != app:
                app_graph[app].add(target_app)
            if in_function and not in_ready:
                problems.append(f"{path.relative_to(ROOT)}:{line}: imports {target} in a function")
            elif not in_function:
                # Importing a.b.c runs a/__init__ and a/b/__init__ too.
                parts = target.split(".")
                for n in range(1, len(parts) + 1):
                    step = ".".join(parts[:n])
                    if step in known and step != module and not module.startswith(step + "."):
                        module_graph[module].add(step)

    for component in cycles(app_graph):
        problems.append("apps import each other in a circle: " + " -> ".join(component))
    for component in cycles(module_graph):
        problems.append("modules import each other in a circle: " + ", ".join(component))

    lines = dict.fromkeys(app_names, 0)
    for module, path in known.items():
        lines[module.split(".")[0]] += len(path.read_text(encoding="utf-8").splitlines())
    total = sum(lines.values())
    for app, count in sorted(lines.items()):
        if count > MAX_SHARE * total:
            problems.append(f"{app}/ holds {count} of {total} lines ({count / total:.0%})")

    if "--graph" in sys.argv:
        for app in app_names:
            print(f"{app:12} {lines[app]:5} lines -> {', '.join(sorted(app_graph[app])) or '-'}")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
