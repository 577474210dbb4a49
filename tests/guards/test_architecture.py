"""The one import rule (design.md section 3), read from the code's own imports.

Imports flow one way: website (core) <- home <- members <- networks, and only website/urls.py
(the root URLconf) looks up. No two modules may import each other, directly or round a loop,
counting imports inside functions, which only hide a cycle from Python, not from a reader.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["website", "home", "members", "networks"]
MAY_LOOK_UP = {"website.urls"}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def project_modules():
    modules = {}
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def import_graph():
    """{module: {imported project module: line}}, every import statement at any depth."""
    modules = project_modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = {}
        for node in ast.walk(ast.parse(path.read_text())):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[
                        : len(package.split(".")) - node.level + 1
                    ]
                    base = ".".join(parts + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.setdefault(target, node.lineno)
        graph[name] = edges
    return graph


def test_imports_flow_down_the_layers():
    upward = []
    for module, edges in import_graph().items():
        if module in MAY_LOOK_UP:
            continue
        layer = LAYERS.index(module.split(".")[0])
        for target, line in edges.items():
            if LAYERS.index(target.split(".")[0]) > layer:
                upward.append(f"{module} (line {line}) imports {target}")
    assert upward == [], "upward imports:\n" + "\n".join(sorted(upward))


def find_cycles(graph):
    """Strongly connected groups of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(graph[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_import_cycles():
    graph = import_graph()
    described = []
    for group in find_cycles(graph):
        members = set(group)
        links = [
            f"  {a} (line {graph[a][b]}) -> {b}"
            for a in group
            for b in graph[a]
            if b in members
        ]
        described.append("cycle:\n" + "\n".join(links))
    assert described == [], "\n".join(described)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {}}) == [
        ["a", "b", "c"]
    ]


def test_no_module_is_longer_than_the_design_allows():
    long = [
        f"{path.relative_to(ROOT)} ({count} lines)"
        for path in project_modules().values()
        if (count := len(path.read_text().splitlines())) > 400
    ]
    assert long == []
