"""Type every callee that real projects spell (from corpus_run.py's JSON reports) into the site's
search, in Chromium, and count how often the API it calls comes first.

    python3 benchmarks/site_search_corpus.py /work/corpus-results/before

A miss is listed with what came first; local import aliases (``navigateToCore``) are not names a
reader types, and are counted apart. Needs Debian's Chromium and Playwright (the test extras).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.kb import load_matrix  # noqa: E402
from checker.render.site import build_site  # noqa: E402
from checker.resources import matrix_root  # noqa: E402

SEARCH_ALL = """names => {
  const search = document.getElementById('search'), found = {};
  for (const name of names) {
    search.value = name; search.dispatchEvent(new Event('input'));
    const first = document.querySelector('#matrix tbody tr:not([hidden])');
    found[name] = first ? first.dataset.api : null;
  }
  return found;
}"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results", type=Path, help="a folder of corpus_run.py JSON reports")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    calls: Counter[str] = Counter()
    api_of: dict[str, str] = {}
    for report in sorted(args.results.glob("*.json")):
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for project in data.get("projects", []):
            for site in project.get("call_sites", []):
                calls[site["callee"]] += 1
                api_of[site["callee"]] = site["api"]
    with tempfile.TemporaryDirectory() as scratch:
        build_site(load_matrix(matrix_root()), Path(scratch))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto((Path(scratch) / "index.html").as_uri())
            first = page.evaluate(SEARCH_ALL, sorted(api_of))
            browser.close()
    hits = [name for name in api_of if first[name] == api_of[name]]
    misses = [name for name in api_of if first[name] != api_of[name]]
    # a bare name that is not the API's own id is a local alias (import { navigateTo as go })
    aliases = [n for n in misses if "." not in n.replace("?.", ".") and n != api_of[n]]
    print(f"{len(api_of)} distinct callees ({sum(calls.values())} calls) in {args.results}")
    print(f"found first: {len(hits)} ({sum(calls[n] for n in hits)} calls)")
    print(f"local aliases, not names a reader types: {len(aliases)} ({sum(calls[n] for n in aliases)} calls)")
    for name in sorted(set(misses) - set(aliases), key=lambda n: -calls[n]):
        print(f"  miss: {name!r} ({calls[name]} calls) -> {first[name]!r}, wanted {api_of[name]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
