"""The first check on a fresh CI runner, and a warm one, against ripgrep on the largest corpus project.

    python3 benchmarks/fresh_runner.py                     # builds the wheel, installs it in a new venv
    python3 benchmarks/fresh_runner.py --before /work/venvs/main/bin/taro-compat --runs 5

It builds the wheel (isolated, so the build hook that compiles the matrix cache runs as it does for a
user), installs it with its dependencies into a new virtualenv, and times, in the same run:
ripgrep over the project's source files (the baseline), ``taro-compat check`` with an empty cache
directory (a fresh runner: no matrix cache, no scan cache), and the same check again with a warm one.
``--before`` times another command the same way (e.g. an install without a shipped cache).
Standard library only (plus corpus_run.py beside it); medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_run import RG_PATTERN, SKIPPED_DIRS, SOURCE_GLOB, run_check  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def largest_project(corpus: Path) -> Path:
    """The corpus project with the most source files the scanner reads (as ripgrep lists them)."""
    globs = [a for d in SKIPPED_DIRS for a in ("-g", f"!{d}/")]

    def count(project: Path) -> int:
        done = subprocess.run(["rg", "--files", "--no-ignore", *globs, "-g", SOURCE_GLOB, str(project)], capture_output=True, text=True)
        return len(done.stdout.splitlines())

    return max((p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")), key=count)


def _measure(action, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall time and median CPU time (user + system, of the child processes), in ms.

    On a shared machine the wall time moves with the other load; the CPU time much less."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        action()
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def time_against_rg(command: list[str], project: Path, runs: int) -> dict[str, float | str]:
    globs = [a for d in SKIPPED_DIRS for a in ("-g", f"!{d}/")]
    rg = [shutil.which("rg") or "rg", "-c", "--no-ignore", *globs, "-g", SOURCE_GLOB, RG_PATTERN, str(project)]

    def fresh() -> None:
        with tempfile.TemporaryDirectory() as empty:
            run_check(command, project, "json", Path(empty))

    warm_cache = Path(tempfile.mkdtemp(prefix="fresh-runner-warm-"))
    run_check(command, project, "json", warm_cache)
    result: dict[str, float | str] = {"project": project.name}
    for name, action in (("rg", lambda: subprocess.run(rg, capture_output=True)), ("fresh", fresh),
                         ("warm", lambda: run_check(command, project, "json", warm_cache))):
        result[f"{name}_ms"], result[f"{name}_cpu_ms"] = _measure(action, runs)
    shutil.rmtree(warm_cache, ignore_errors=True)
    return result


def install_wheel(where: Path) -> Path:
    """Build the wheel (isolated) and install it with its dependencies into a new virtualenv."""
    dist = where / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], check=True, capture_output=True)
    (wheel,) = dist.glob("taro_compat-*.whl")
    env = where / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--quiet", str(wheel)],
                   check=True, capture_output=True)
    return env / "bin" / "taro-compat"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/work/corpus")
    parser.add_argument("--project", help="a project folder (default: the corpus project with the most source files)")
    parser.add_argument("--before", help="another taro-compat command to time the same way")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = Path(args.project) if args.project else largest_project(Path(args.corpus))
    with tempfile.TemporaryDirectory(prefix="fresh-runner-") as scratch:
        commands = {"wheel (shipped matrix cache)": [str(install_wheel(Path(scratch)))]}
        if args.before:
            commands = {"before": [args.before], **commands}
        results: dict[str, dict[str, float | str]] = {}
        for label, command in commands.items():
            t = time_against_rg(command, project, args.runs)
            results[label] = t
            print(f"{label}, {t['project']}, median of {args.runs} runs (wall; CPU):\n"
                  f"  rg           {t['rg_ms']:8.0f} ms; {t['rg_cpu_ms']:7.0f} ms CPU\n"
                  f"  fresh runner {t['fresh_ms']:8.0f} ms = {t['fresh_ms'] / t['rg_ms']:5.1f}x rg; "
                  f"{t['fresh_cpu_ms']:7.0f} ms CPU = {t['fresh_cpu_ms'] / t['rg_cpu_ms']:5.1f}x rg\n"
                  f"  warm         {t['warm_ms']:8.0f} ms = {t['warm_ms'] / t['rg_ms']:5.1f}x rg; "
                  f"{t['warm_cpu_ms']:7.0f} ms CPU = {t['warm_cpu_ms'] / t['rg_cpu_ms']:5.1f}x rg")
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
