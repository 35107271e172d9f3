"""taro-compat check against ESLint configured the way a team would without it: the rule
`no-restricted-properties` for the same API names on Taro and the native globals, with the parsers a
Taro project needs (TypeScript/TSX, Vue). Same 5,000-file tree, same run. ESLint is not a dependency:
point ESLINT_DIR at a folder where `npm install eslint@9 @typescript-eslint/parser@8 vue-eslint-parser@9`
was run (the script says so and stops when it is missing).

    ESLINT_DIR=/path/to/eslint-folder python3 benchmarks/eslint_compare.py [--files 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _timing import timed_ms  # noqa: E402
from synthetic_project import build_project  # noqa: E402

from checker.kb import load_matrix  # noqa: E402

CONFIG = """
import {{ createRequire }} from "module";
const require = createRequire({package_json});
const tsParser = require("@typescript-eslint/parser");
const vueParser = require("vue-eslint-parser");
const restricted = {restricted};
const rules = {{ "no-restricted-properties": ["error", ...restricted] }};
export default [
  {{ files: ["**/*.js", "**/*.jsx"], languageOptions: {{ parserOptions: {{ ecmaFeatures: {{ jsx: true }} }} }}, rules }},
  {{ files: ["**/*.ts", "**/*.tsx"], languageOptions: {{ parser: tsParser, parserOptions: {{ ecmaFeatures: {{ jsx: true }} }} }}, rules }},
  {{ files: ["**/*.vue"], languageOptions: {{ parser: vueParser, parserOptions: {{ parser: tsParser }} }}, rules }},
];
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    args = parser.parse_args()
    folder = Path(os.environ.get("ESLINT_DIR", ""))
    eslint = folder / "node_modules" / ".bin" / "eslint"
    if not eslint.exists():
        print("set ESLINT_DIR to a folder with eslint@9, @typescript-eslint/parser@8 and vue-eslint-parser@9 installed")
        return 2
    matrix = load_matrix(REPO / "matrix")
    names = sorted({api_id.rsplit(".", 1)[-1] for api_id in matrix.api_ids()})
    objects = ["Taro"] + sorted(p.native_global for p in matrix.platforms.values() if p.native_global)
    restricted = [{"object": o, "property": n} for o in objects for n in names]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        build_project(root, args.files)
        config = root / "eslint.config.mjs"  # ESLint 9 lints only below its config file
        config.write_text(CONFIG.format(restricted=json.dumps(restricted), package_json=json.dumps(str(folder / "package.json"))))
        eslint_command = [str(eslint), "--format", "json", "--output-file", str(Path(scratch) / "eslint.json"), "src"]
        eslint_ms = timed_ms(lambda: subprocess.run(eslint_command, capture_output=True, cwd=root))
        linted = json.loads((Path(scratch) / "eslint.json").read_text())
        hits = sum(len(f["messages"]) for f in linted)
        fatal = sum(1 for f in linted for m in f["messages"] if m.get("fatal"))
        print(f"ESLint linted {len(linted)} files: {hits} messages ({fatal} parse failures)")
        env = {**os.environ, "TARO_COMPAT_CACHE_DIR": str(Path(scratch) / "cache")}
        check = [sys.executable, "-m", "checker", "check", str(root), "--format", "json", "--output", str(Path(scratch) / "r.json")]
        cold = timed_ms(lambda: subprocess.run(check, env=env, capture_output=True))
        warm = timed_ms(lambda: subprocess.run(check, env=env, capture_output=True))
        print(f"{args.files} files; {len(restricted)} restricted properties")
        print(f"ESLint no-restricted-properties (TS + Vue parsers) : {eslint_ms:9.1f} ms")
        print(f"taro-compat check, cold                             : {cold:9.1f} ms = {eslint_ms / cold:5.1f}x faster than ESLint")
        print(f"taro-compat check, warm                             : {warm:9.1f} ms = {eslint_ms / warm:5.1f}x faster than ESLint")
    return 0


if __name__ == "__main__":
    sys.exit(main())
