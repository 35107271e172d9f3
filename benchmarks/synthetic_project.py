"""A deterministic synthetic Taro project for the scan benchmarks (written here, no third-party code).

5,000 files of about 200 lines, a mix of .tsx pages, .ts services, .js utilities and .vue
components; about one file in five imports Taro and a few hundred call an API the matrix knows.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

__all__ = ["build_project", "API_NAMES"]

API_NAMES = ("getUserProfile", "getUserInfo", "login", "canIUse", "getOpenUserInfo")
OTHER_TARO = ("navigateTo", "showToast", "request", "getStorageSync", "setStorageSync", "redirectTo")

_FILLER = [
    "  const [state, setState] = useState<number>({n})",
    "  const total{n} = items.reduce((sum, item) => sum + item.price * item.count, 0)",
    "  if (total{n} > {n}) {{ setState(total{n} % 7) }}",
    "  // recompute the layout when the list changes ({n})",
    "  const label{n} = `item-${{state}}-{n}`",
    "  useEffect(() => {{ console.log('mounted {n}') }}, [])",
    "  const style{n} = {{ width: {n}, height: {n} * 2, color: '#333' }}",
    "  for (let i = 0; i < {n}; i++) {{ cache.set(i, i * {n}) }}",
]


def _body(rng: random.Random, lines: int) -> list[str]:
    return [rng.choice(_FILLER).format(n=rng.randint(1, 999)) for _ in range(lines)]


def _api_call(rng: random.Random, known: bool) -> list[str]:
    name = rng.choice(API_NAMES if known else OTHER_TARO)
    call = f"  Taro.{name}({{ desc: 'profile for the member page' }})" if name == "getUserProfile" else f"  Taro.{name}({{}})"
    if rng.random() < 0.3:
        return [f"  if (Taro.canIUse('{name}')) {{", "  " + call, "  }"]
    if rng.random() < 0.2:
        return ["  if (process.env.TARO_ENV === 'weapp') {", "  " + call, "  }"]
    return [call]


def build_project(root: Path, files: int = 5000, seed: int = 42) -> dict[str, int]:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({
        "name": "synthetic", "dependencies": {"@tarojs/taro": "3.6.26"},
        "scripts": {"build:weapp": "taro build --type weapp", "build:h5": "taro build --type h5"},
    }))
    (root / "project.config.json").write_text(json.dumps({"libVersion": "2.16.0", "appid": "touristappid"}))
    counts = {"files": 0, "taro_files": 0, "known_calls": 0, "lines": 0}
    for index in range(files):
        folder = root / "src" / f"module{index // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = rng.choices(["tsx", "ts", "js", "vue"], weights=[45, 25, 20, 10])[0]
        uses_taro = rng.random() < 0.2
        lines = [
            "import { useEffect, useState } from 'react'",
            "import { cache, items } from '../shared/store'",
        ]
        if uses_taro:
            lines.insert(0, "import Taro from '@tarojs/taro'")
        lines.append(f"export default function Component{index}() {{")
        body = _body(rng, rng.randint(170, 210))
        if uses_taro:
            for _ in range(rng.randint(1, 3)):
                known = rng.random() < 0.12
                counts["known_calls"] += known
                at = rng.randint(0, len(body))
                body[at:at] = _api_call(rng, known)
        lines += body
        lines.append("  return null" if kind != "tsx" else "  return <View className='page'>{state}</View>")
        lines.append("}")
        text = "\n".join(lines) + "\n"
        if kind == "vue":
            text = "<template>\n  <view class=\"page\">{{ label }}</view>\n</template>\n\n<script setup lang=\"ts\">\n" + text + "</script>\n"
        (folder / f"file{index:04d}.{kind}").write_text(text)
        counts["files"] += 1
        counts["taro_files"] += uses_taro
        counts["lines"] += text.count("\n")
    return counts
