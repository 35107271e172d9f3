"""The pipeline flows one way: no stage imports a later one, and the scanner knows nothing of the matrix."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "checker"

# module prefix -> modules it must never import (later stages, or the matrix for the scanner)
FORBIDDEN = {
    "checker.errors": ("checker.",),
    "checker.versions": ("checker.model", "checker.kb", "checker.project", "checker.scan", "checker.evaluate", "checker.render", "checker.cli"),
    "checker.model": ("checker.kb", "checker.project", "checker.scan", "checker.evaluate", "checker.render", "checker.cli"),
    "checker.kb": ("checker.project", "checker.scan", "checker.evaluate", "checker.rules", "checker.render", "checker.cli", "checker.planning"),
    # the project reader needs no matrix: it reads what the repository says, the targets stage weighs it
    "checker.project": ("checker.kb", "checker.model", "checker.usage", "checker.known_versions", "checker.targets", "checker.scan",
                        "checker.evaluate", "checker.rules", "checker.render", "checker.cli", "checker.planning"),
    "checker.known_versions": ("checker.kb", "checker.project", "checker.targets", "checker.scan", "checker.evaluate", "checker.render",
                               "checker.cli"),
    "checker.targets": ("checker.kb", "checker.scan", "checker.evaluate", "checker.rules", "checker.render", "checker.cli",
                        "checker.commands", "checker.planning", "checker.pipeline", "checker.api"),
    "checker.scan": ("checker.model", "checker.kb", "checker.project", "checker.evaluate", "checker.rules", "checker.render", "checker.cli",
                     "checker.support", "checker.usage"),
    "checker.support": ("checker.kb", "checker.project", "checker.scan", "checker.evaluate", "checker.render", "checker.cli"),
    "checker.evaluate": ("checker.render", "checker.cli", "checker.kb"),
    "checker.rules": ("checker.render", "checker.cli", "checker.kb", "checker.commands", "checker.evaluate", "checker.report", "checker.planning"),
    "checker.findings": ("checker.",),
    "checker.atomic": ("checker.",),
    "checker.names": ("checker.",),
    "checker.globs": ("checker.",),
    "checker.planning": ("checker.render", "checker.cli", "checker.kb"),
    "checker.render": ("checker.cli", "checker.commands", "checker.kb.build", "checker.kb.build_meta", "checker.kb.files"),
    # the step between the scan and evaluation: targets and call sites in, targets out
    "checker.contradicted": ("checker.evaluate", "checker.rules", "checker.render", "checker.cli", "checker.commands", "checker.kb",
                             "checker.planning", "checker.pipeline", "checker.api"),
    "checker.pipeline": ("checker.render", "checker.cli", "checker.commands"),
    "checker.api": ("checker.cli", "checker.commands", "checker.render"),
    "checker.commands": ("checker.cli",),
    "checker.importers": ("checker.cli", "checker.commands", "checker.render", "checker.scan", "checker.project"),
}


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_stage_imports_a_later_one(path: Path) -> None:
    name = module_name(path)
    rules = [banned for prefix, banned in FORBIDDEN.items() if name == prefix or name.startswith(prefix + ".")]
    for imported in imports_of(path):
        for banned in (b for group in rules for b in group):
            assert not (imported == banned.rstrip(".") or imported.startswith(banned if banned.endswith(".") else banned + ".") or imported == banned), (
                f"{name} imports {imported}"
            )


def imports_the_package_root(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name == "checker" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "checker" and node.level == 0:
            return True
    return False


def test_nothing_imports_the_package_root() -> None:
    """The root re-exports the Python API (checker.api), which imports every stage: an arrow back up from any of them."""
    users = sorted(module_name(p) for p in MODULES if imports_the_package_root(p) and module_name(p) != "checker")
    assert users == []


def test_the_targets_stage_runs_between_the_reader_and_evaluation() -> None:
    """The reader hands a profile to the targets stage; evaluation takes the resolved targets, not the profile's."""
    reader = [i for p in (PACKAGE / "project").glob("*.py") for i in imports_of(p)]
    assert not any(i.startswith(("checker.targets", "checker.model")) for i in reader)
    assert "checker.targets.resolve" in imports_of(PACKAGE / "evaluate.py")
    assert "checker.project.profile" in imports_of(PACKAGE / "targets" / "resolve.py")


def test_only_the_syntax_adapter_imports_tree_sitter() -> None:
    users = sorted(module_name(p) for p in MODULES if any(i.startswith("tree_sitter") for i in imports_of(p)))
    assert users == ["checker.syntax"]


def test_one_module_guesses_encodings_and_one_reads_yarn_1_grammar() -> None:
    users = sorted(module_name(p) for p in MODULES if any(i.startswith("charset_normalizer") for i in imports_of(p)))
    assert users == ["checker.scan.encoding"]
    readers = sorted(module_name(p) for p in MODULES if "checker.project.yarnlock" in imports_of(p))
    assert readers == ["checker.project.lockfiles"]


def test_the_site_renders_a_loaded_matrix_and_imports_no_loader() -> None:
    """The site's modules take the typed Matrix (and the docs-vs-code report, read at the command line):
    they never load the knowledge base or run an importer themselves."""
    site = [p for p in MODULES if module_name(p).startswith("checker.render.site")]
    assert len(site) >= 5
    for path in site:
        for imported in imports_of(path):
            assert not imported.startswith(("checker.kb", "checker.importers", "checker.project", "checker.scan")), (module_name(path), imported)


def test_check_reports_are_pure_and_words_come_from_one_place() -> None:
    """The check report renderers read no environment and no files but their templates (the command line
    hands them RenderOptions), and word findings only through checker.render.words."""
    reports = [p for p in MODULES if module_name(p) in {f"checker.render.{n}" for n in
               ("fmt_text", "fmt_markdown", "fmt_github", "fmt_sarif", "fmt_html", "view", "options", "rule_help")}]
    assert len(reports) == 8
    for path in reports:
        imported = imports_of(path)
        assert not any(i in ("os", "sys", "subprocess", "pathlib") or i.startswith("checker.commands") for i in imported), module_name(path)
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\benviron\b|\bopen\(|getenv", source), module_name(path)
        assert ".message" not in source.replace("entry.message", "").replace("e.message", ""), module_name(path)
    assert "checker.render.words" in imports_of(PACKAGE / "render" / "view.py")
