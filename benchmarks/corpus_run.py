"""Run ``taro-compat check PATH --format json`` (no other flags, as a new user would) over every
real project of the corpus, and print the figures the default-run, real-world-input and
whole-project issues measure.

    python3 benchmarks/corpus_run.py --out /work/corpus-results/before
    python3 benchmarks/corpus_run.py --taro-compat '/work/venvs/x/bin/taro-compat' --out DIR
    python3 benchmarks/corpus_run.py --compare /work/corpus-results/before DIR

The corpus is a folder of plain checked-out trees, one per repository (``OWNER+REPO``), listed
with their commits in ``benchmarks/corpus.txt``; none of their code is in this repository.
Standard library only; always exits 0 (a report that fails to parse is counted, not fatal).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SOURCE_GLOB = "*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue}"  # the suffixes the scanner reads
SKIPPED_DIRS = ("node_modules", "dist", "build", "output", "out", "coverage", "release")
RG_PATTERN = r"Taro|wx\.|my\.|tt\.|swan\.|qq\.|jd\."
DECLARED = ("taroCompat", "taro-compat.yaml", "--targets", "settings")  # words in targets[].from
ENCODING_WORDS = re.compile(r"UTF|encod|decod|GBK|GB18030|charset", re.I)
DECODED_WORDS = re.compile(r"GBK|GB18030|GB2312|Big5|UTF-16|decoded", re.I)
ERROR_LINE = re.compile(r"\berror\b(?!\()")  # the severity word, not the "N error(s)" summary
CODE = re.compile(r"\bTC\d{3}\b")


def run_check(command: list[str], project: Path, fmt: str, cache: Path) -> tuple[int, str, str, float]:
    """Exit code, stdout, stderr and wall time of one check, with its own cache folder."""
    env = dict(os.environ, TARO_COMPAT_CACHE_DIR=str(cache))
    start = time.perf_counter()
    done = subprocess.run([*command, "check", str(project), "--format", fmt], capture_output=True, text=True, env=env)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def first_error_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if ERROR_LINE.search(line) and CODE.search(line):
            return number
    return None


def run_corpus(args: argparse.Namespace) -> None:
    command = shlex.split(args.taro_compat)
    out = Path(args.out or tempfile.mkdtemp(prefix="corpus-run-"))
    out.mkdir(parents=True, exist_ok=True)
    cache = out / ".cache"  # shared by the run: the first check builds the matrix cache, as on a user's machine
    names = sorted(p.name for p in Path(args.corpus).iterdir() if p.is_dir() and not p.name.startswith("."))

    def one(name: str) -> None:
        project = Path(args.corpus) / name
        rc, report, stderr, seconds = run_check(command, project, "json", cache)
        (out / f"{name}.json").write_text(report, encoding="utf-8")
        text_rc, text, _, _ = run_check(command, project, "text", cache)
        meta = {"name": name, "exit": rc, "seconds": round(seconds, 3), "stderr": stderr.strip()[:2000],
                "text_exit": text_rc, "first_error_text_line": first_error_line(text), "text_lines": len(text.splitlines())}
        (out / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        print(f"  {name}: exit {rc}, {seconds:.1f} s", file=sys.stderr)

    if not args.timing_only:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(one, names))
    summary = summarise(out)
    if not args.no_timing and summary["largest"]:
        summary["timing"] = time_against_rg(command, Path(args.corpus) / summary["largest"], args.timing_runs)
        (out / "timing.json").write_text(json.dumps(summary["timing"], indent=1), encoding="utf-8")
    print_summary(summary, out)


def load(directory: Path, name: str) -> tuple[dict | None, dict]:
    meta = json.loads((directory / f"{name}.meta.json").read_text(encoding="utf-8"))
    try:
        report = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        return (report if isinstance(report, dict) else None), meta
    except (OSError, ValueError):
        return None, meta


def reason_of(message: str) -> str:
    """A TC010 message without its line number, so that reasons can be counted."""
    return re.sub(r"\bline \d+\b:?\s*|\(line \d+\)", "", message).strip() or message


def summarise(directory: Path) -> dict:
    rows, codes, apis, reasons = [], Counter(), Counter(), Counter()
    unparsable_reports, dropped, encoding, decoded, places = [], [], [], [], []
    for meta_file in sorted(directory.glob("*.meta.json")):
        name = meta_file.name.removesuffix(".meta.json")
        report, meta = load(directory, name)
        if report is None:
            unparsable_reports.append(name)
            why = (meta.get("stderr") or "").splitlines()[-1:] or ["no output"]
            dropped.append(f"{name} (exit {meta['exit']}, report does not parse): {why[0]}")
            continue
        projects = report.get("projects") or []
        if meta["exit"] == 2 or not projects:
            dropped.append(f"{name} (exit {meta['exit']}, {len(projects)} projects read)")
        findings = [f for p in projects for f in p.get("findings") or []]
        targets, guessed = set(), False
        for p in projects:
            for t in p.get("targets") or []:
                targets.add(t.get("platform"))
                is_guessed = t.get("guessed")
                if is_guessed is None:
                    is_guessed = not any(word in (t.get("from") or "") for word in DECLARED)
                guessed = guessed or bool(is_guessed)
        for f in findings:
            codes[f.get("code")] += 1
            if f.get("severity") == "error" and f.get("api"):
                apis[f["api"]] += 1
            if f.get("code") == "TC010":
                reason = reason_of(f.get("message") or "")
                reasons[reason] += 1
                places.append(f"{name}/{f.get('file')}: {f.get('message')}")
                if ENCODING_WORDS.search(reason):
                    encoding.append(f"{name}/{f.get('file')}: {reason}")
            elif DECODED_WORDS.search(f.get("message") or ""):
                decoded.append(f"{name}/{f.get('file')}: {f.get('message')}")  # scanned after decoding: not skipped
        severities = Counter(f.get("severity") for f in findings)
        rows.append({
            "name": name, "findings": len(findings), "errors": severities["error"], "warnings": severities["warning"],
            "infos": severities["info"], "projects": len(projects), "targets": sorted(t for t in targets if t),
            "guessed": guessed, "files": sum(p.get("scanned_files") or 0 for p in projects),
            "tc010": sum(1 for f in findings if f.get("code") == "TC010"), "exit": meta["exit"],
            "seconds": meta["seconds"], "first_error_line": meta.get("first_error_text_line"),
            "problems": len(report.get("problems") or []),
        })
    largest = max(rows, key=lambda r: r["files"])["name"] if rows else None
    return {"rows": rows, "codes": codes, "error_apis": apis, "reasons": reasons, "dropped": dropped,
            "unparsable_reports": unparsable_reports, "encoding": encoding, "decoded": decoded, "places": places, "largest": largest}


def spread(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, max(0, round(0.9 * len(ordered)) - 1))]  # nearest rank
    return f"median {statistics.median(ordered):g}, p90 {p90:g}, max {ordered[-1]:g}"


def totals(summary: dict) -> dict[str, str]:
    rows = summary["rows"]
    firsts = [r["first_error_line"] for r in rows if r["first_error_line"]]
    largest = next((r for r in rows if r["name"] == summary["largest"]), None)
    return {
        "repositories checked": str(len(rows) + len(summary["unparsable_reports"])),
        "repositories with a report": str(len(rows)),
        "Taro projects read": str(sum(r["projects"] for r in rows)),
        "findings per repository": spread([r["findings"] for r in rows]),
        "errors in total": str(sum(r["errors"] for r in rows)),
        "warnings in total": str(sum(r["warnings"] for r in rows)),
        "infos in total": str(sum(r["infos"] for r in rows)),
        "repositories with an error": str(sum(1 for r in rows if r["errors"])),
        "targets per repository": spread([len(r["targets"]) for r in rows]),
        "repositories with guessed targets": str(sum(1 for r in rows if r["guessed"])),
        "text line of the first error": spread(firsts),
        "first error line, largest": str((largest or {}).get("first_error_line") or "-"),
        "dropped (exit 2 or no project)": str(len(summary["dropped"])),
        "reports that do not parse": str(len(summary["unparsable_reports"])),
        "TC010 (files skipped or partly parsed)": str(sum(r["tc010"] for r in rows)),
        "  of which 'does not parse'": str(sum(n for k, n in summary["reasons"].items() if "parse" in k)),
        "  of which encoding": str(len(summary["encoding"])),
        "sources decoded from another encoding": str(len(summary["decoded"])),
        "check wall time per repository (s)": spread([r["seconds"] for r in rows]),
        "check wall time in total (s)": f"{sum(r['seconds'] for r in rows):.1f}",
    }


def print_summary(summary: dict, directory: Path) -> None:
    print(f"\nReports in {directory}\n")
    print(f"{'repository':44} {'find':>6} {'err':>5} {'warn':>6} {'TC010':>5} {'files':>6} {'exit':>4} {'1st err':>7} {'s':>6}  targets")
    for r in sorted(summary["rows"], key=lambda r: -r["findings"]):
        targets = ",".join(r["targets"]) + (" (guessed)" if r["guessed"] else "")
        print(f"{r['name'][:44]:44} {r['findings']:6} {r['errors']:5} {r['warnings']:6} {r['tc010']:5} {r['files']:6} "
              f"{r['exit']:4} {str(r['first_error_line'] or '-'):>7} {r['seconds']:6.1f}  {len(r['targets'])}: {targets}")
    print("\nTotals")
    for key, value in totals(summary).items():
        print(f"  {key:42} {value}")
    print("\nFindings per code: " + ", ".join(f"{c} {n}" for c, n in sorted(summary["codes"].items())))
    print("Errors per API (top 15): " + ", ".join(f"{a} {n}" for a, n in summary["error_apis"].most_common(15)))
    print("\nTC010 reasons:")
    for reason, n in summary["reasons"].most_common():
        print(f"  {n:5}  {reason}")
    sections = (("Dropped", summary["dropped"]), ("Skipped for encoding", summary["encoding"]),
                ("Decoded from another encoding", summary["decoded"]),
                ("TC010 places", summary["places"]))
    for title, items in sections:
        print(f"\n{title}: {len(items)}")
        for item in items:
            print(f"  {item}")
    timing = summary.get("timing") or _saved_timing(directory)
    if timing:
        print(f"\nTiming on the largest project, {timing['project']} ({timing['files']} source files), "
              f"median of {timing['runs']} runs:")
        for key in ("rg", "cold", "warm"):
            wall, cpu = timing[f"{key}_ms"], timing.get(f"{key}_cpu_ms")
            line = f"  {key:5} wall {wall:8.0f} ms {wall / timing['rg_ms']:6.1f}x rg"
            if cpu is not None and timing.get("rg_cpu_ms"):
                line += f"   cpu {cpu:8.0f} ms {cpu / timing['rg_cpu_ms']:6.1f}x rg"
            print(line)


def _saved_timing(directory: Path) -> dict | None:
    try:
        return json.loads((directory / "timing.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_against_rg(command: list[str], project: Path, runs: int) -> dict:
    """The check cold (empty cache) and warm, against ripgrep over the same source files, same run."""
    rg = shutil.which("rg")
    globs = [a for d in SKIPPED_DIRS for a in ("-g", f"!{d}/")]
    rg_args = [rg or "rg", "-c", "--no-ignore", *globs, "-g", SOURCE_GLOB, RG_PATTERN, str(project)]
    files = [a for a in subprocess.run([rg or "rg", "--files", "--no-ignore", *globs, "-g", SOURCE_GLOB, str(project)],
                                       capture_output=True, text=True).stdout.splitlines() if a]

    def median_ms(action) -> tuple[float, float]:
        """Median wall time and median CPU time (user + system, child processes included), in ms: on a
        shared machine the wall time waits for a core, the CPU time does not."""
        walls, cpus = [], []
        for _ in range(runs):
            before, start = children_cpu(), time.perf_counter()
            action()
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((children_cpu() - before) * 1000)
        return statistics.median(walls), statistics.median(cpus)

    def cold() -> None:
        with tempfile.TemporaryDirectory() as empty:
            run_check(command, project, "json", Path(empty))  # a fresh runner: no matrix cache, no scan cache

    warm_cache = Path(tempfile.mkdtemp(prefix="corpus-warm-"))
    run_check(command, project, "json", warm_cache)
    result: dict = {"project": project.name, "files": len(files), "runs": runs}
    for key, action in (("rg", lambda: subprocess.run(rg_args, capture_output=True)), ("cold", cold),
                        ("warm", lambda: run_check(command, project, "json", warm_cache))):
        result[f"{key}_ms"], result[f"{key}_cpu_ms"] = median_ms(action)
    shutil.rmtree(warm_cache, ignore_errors=True)
    return result


def compare(before: Path, after: Path) -> None:
    a, b = summarise(before), summarise(after)
    ta, tb = totals(a), totals(b)
    print(f"{'':44} {'before':>34}   {'after':>34}")
    for key in ta:
        print(f"  {key:42} {ta[key]:>34}   {tb[key]:>34}")
    print("\nFindings per code (before -> after):")
    for code in sorted(set(a["codes"]) | set(b["codes"]), key=str):
        print(f"  {code}: {a['codes'][code]} -> {b['codes'][code]}")
    rows_b = {r["name"]: r for r in b["rows"]}
    print(f"\n{'repository':44} {'findings':>15} {'errors':>13} {'targets':>9}")
    for r in sorted(a["rows"], key=lambda r: -r["findings"]):
        s = rows_b.get(r["name"], {"findings": 0, "errors": 0, "targets": []})
        print(f"{r['name'][:44]:44} {r['findings']:6} -> {s['findings']:5} {r['errors']:5} -> {s['errors']:4} "
              f"{len(r['targets']):3} -> {len(s['targets']):2}")
    for title, t in (("before", _saved_timing(before)), ("after", _saved_timing(after))):
        if t:
            cpu = "".join(f", {k} cpu {t[k + '_cpu_ms'] / t['rg_cpu_ms']:.1f}x" for k in ("cold", "warm") if t.get("rg_cpu_ms"))
            print(f"timing {title}: rg {t['rg_ms']:.0f} ms, cold {t['cold_ms'] / t['rg_ms']:.1f}x, "
                  f"warm {t['warm_ms'] / t['rg_ms']:.1f}x{cpu} ({t['project']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/work/corpus", help="folder of checked-out projects")
    parser.add_argument("--taro-compat", default="taro-compat", help="the command to run (default: taro-compat)")
    parser.add_argument("--jobs", type=int, default=2, help="projects checked at once")
    parser.add_argument("--out", help="folder for each JSON report (default: a new temporary folder)")
    parser.add_argument("--compare", nargs=2, metavar=("DIR_A", "DIR_B"), help="print before/after from saved reports")
    parser.add_argument("--summary", metavar="DIR", help="print the figures of saved reports, without running")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing against ripgrep")
    parser.add_argument("--timing-runs", type=int, default=3)
    parser.add_argument("--timing-only", action="store_true", help="with --out DIR of saved reports: only the timing")
    args = parser.parse_args()
    try:
        if args.compare:
            compare(Path(args.compare[0]), Path(args.compare[1]))
        elif args.summary:
            print_summary(summarise(Path(args.summary)), Path(args.summary))
        else:
            run_corpus(args)
    except (OSError, subprocess.SubprocessError) as error:  # report and still exit 0: this is a measuring tool
        print(f"corpus_run: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
