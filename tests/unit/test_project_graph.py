"""The project pass: getEnv() guards, platform files, guards imported across files, platform packages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checker.project.module_paths import read_module_paths
from checker.project.taro_config import read_taro_config
from checker.scan.files import source_files
from checker.scan.graph import ModuleMap, replaced_on
from checker.scan.runner import ScanOptions, scan_files

OPTIONS = ScanOptions(
    globals_=frozenset({"wx", "my"}),
    env_values=frozenset({"weapp", "alipay", "h5"}),
    env_types=(("ALIPAY", "alipay"), ("WEAPP", "weapp"), ("WEB", "h5")),
    platform_packages=(("@tarojs/taro-h5", "h5"), ("@tarojs/taro-weapp", "weapp")),
)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def guards_by_line(root: Path, modules: ModuleMap = ModuleMap(), cache: Path | None = None) -> dict[tuple[str, int], list[tuple[object, ...]]]:
    files, _ = source_files(root)
    scans = scan_files(files, OPTIONS, modules=modules, cache_path=cache).files
    return {
        (s.file, s.line): [(g.kind, g.negated, ",".join(g.envs) or g.api or "") for g in s.guards]
        for scan in scans for s in scan.call_sites if s.api == "getUserProfile"
    }


def test_get_env_compared_to_env_type_or_its_value_switch_and_early_return(tmp_path: Path) -> None:
    write(tmp_path, {"a.ts": """import Taro, { getEnv, ENV_TYPE } from '@tarojs/taro'
if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP) Taro.getUserProfile()
if (getEnv() !== ENV_TYPE.WEB) Taro.getUserProfile()
if (Taro.getEnv() === 'ALIPAY') Taro.getUserProfile()
switch (getEnv()) {
  case ENV_TYPE.WEAPP:
  case ENV_TYPE.ALIPAY:
    Taro.getUserProfile()
    break
  default:
    Taro.getUserProfile()
}
function f() {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return
  Taro.getUserProfile()
}
const env = Taro.getEnv()
if (env === Taro.ENV_TYPE.QUICKAPP) Taro.getUserProfile()
if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP.toLowerCase()) Taro.getUserProfile()
"""})
    assert guards_by_line(tmp_path) == {
        ("a.ts", 2): [("taro_env", False, "weapp")],
        ("a.ts", 3): [("taro_env", True, "h5")],
        ("a.ts", 4): [("taro_env", False, "alipay")],
        ("a.ts", 8): [("taro_env", False, "alipay,weapp")],
        ("a.ts", 11): [("taro_env", True, "weapp,alipay")],
        ("a.ts", 15): [("taro_env", False, "weapp")],  # after the early return: weapp only
        ("a.ts", 18): [("taro_env", False, "")],  # a platform the matrix does not know: none of the targets
        ("a.ts", 19): [],  # not a comparison with a value the scanner can read
    }


def test_platform_file_replaces_the_generic_one_for_its_platform(tmp_path: Path) -> None:
    files = frozenset({"src/x.tsx", "src/x.h5.tsx", "src/y.ts", "src/y.weapp.tsx", "src/c/index.tsx", "src/c.alipay/index.js",
                       "src/z.tsx", "src/z.weapp.ts", "src/w.weapp.ts"})
    envs = ("weapp", "alipay", "h5")
    assert replaced_on("src/x.tsx", files, envs) == ("h5",)
    assert replaced_on("src/y.ts", files, envs) == ()  # webpack tries .ts before .tsx: y.ts wins over y.weapp.tsx
    assert replaced_on("src/z.tsx", files, envs) == ("weapp",)
    assert replaced_on("src/c/index.tsx", files, envs) == ("alipay",)  # ./c/index -> ./c.alipay/index
    assert replaced_on("src/w.weapp.ts", files, envs) == ()
    assert replaced_on("src/x.h5.tsx", files, envs) == ()


def test_platform_file_guard_reaches_the_call_sites(tmp_path: Path) -> None:
    write(tmp_path, {"x.ts": "import Taro from '@tarojs/taro'\nTaro.getUserProfile()\n", "x.h5.ts": "export {}\n"})
    assert guards_by_line(tmp_path) == {("x.ts", 2): [("platform_file", True, "h5")]}


def test_guards_imported_through_alias_index_reexports_and_namespaces(tmp_path: Path) -> None:
    write(tmp_path, {
        "src/utils/env.ts": """import Taro from '@tarojs/taro'
export const WEAPP = process.env.TARO_ENV === 'weapp'
export function isH5() { return Taro.getEnv() === Taro.ENV_TYPE.WEB }
export const notAlipay = () => process.env.TARO_ENV !== 'alipay'
const local = process.env.TARO_ENV === 'alipay'
export { local as ALIPAY }
export const CAN = Taro.canIUse('getUserProfile')
export const computed = Math.random() > 0.5
""",
        "src/utils/index.ts": "export * from './env'\nexport { WEAPP as IS_WX } from './env'\n",
        "src/utils/more.ts": "import { WEAPP } from './env'\nexport const MINI = WEAPP\nexport { WEAPP as AGAIN }\n",
        "src/pages/p.tsx": """import Taro from '@tarojs/taro'
import { WEAPP, isH5, notAlipay, ALIPAY, IS_WX, CAN, computed } from '@/utils'
import * as env from '../utils/env'
import { MINI, AGAIN } from '~/utils/more'
import { missing } from './nowhere'
if (WEAPP) Taro.getUserProfile()
if (!isH5()) Taro.getUserProfile()
if (notAlipay()) Taro.getUserProfile()
if (ALIPAY || IS_WX) Taro.getUserProfile()
if (env.WEAPP) Taro.getUserProfile()
if (MINI && AGAIN) Taro.getUserProfile()
if (CAN) Taro.getUserProfile()
if (computed || missing) Taro.getUserProfile()
if (isH5) Taro.getUserProfile()
""",
    })
    modules = ModuleMap(aliases=(("@", "src"), ("~", "src")))
    assert guards_by_line(tmp_path, modules) == {
        ("src/pages/p.tsx", 6): [("taro_env", False, "weapp")],
        ("src/pages/p.tsx", 7): [("taro_env", True, "h5")],
        ("src/pages/p.tsx", 8): [("taro_env", True, "alipay")],
        ("src/pages/p.tsx", 9): [],  # an "or" of names from other modules is not read
        ("src/pages/p.tsx", 10): [("taro_env", False, "weapp")],
        ("src/pages/p.tsx", 11): [("taro_env", False, "weapp"), ("taro_env", False, "weapp")],
        ("src/pages/p.tsx", 12): [("can_i_use", False, "getUserProfile")],
        ("src/pages/p.tsx", 13): [],
        ("src/pages/p.tsx", 14): [],  # a function, not called: always true, no guard
    }


def test_modules_read_once_for_their_exports_are_cached(tmp_path: Path) -> None:
    write(tmp_path, {
        "env.js": "export const WEAPP = process.env.TARO_ENV === 'weapp'\n",  # no Taro, no API: the pre-filter skips it
        "a.js": "import Taro from '@tarojs/taro'\nimport { WEAPP } from './env'\nif (WEAPP) Taro.getUserProfile()\n",
    })
    cache = tmp_path / ".cache" / "scan.json"
    first = guards_by_line(tmp_path, cache=cache)
    assert first == {("a.js", 3): [("taro_env", False, "weapp")]}
    files, _ = source_files(tmp_path)
    again = scan_files(files, OPTIONS, cache_path=cache)
    assert (again.parsed, again.from_cache) == (0, 2)
    assert guards_by_line(tmp_path, cache=cache) == first


def test_import_cycles_end(tmp_path: Path) -> None:
    write(tmp_path, {
        "a.ts": "export { X } from './b'\n",
        "b.ts": "export { X } from './a'\n",
        "c.ts": "import Taro from '@tarojs/taro'\nimport { X } from './a'\nif (X) Taro.getUserProfile()\n",
    })
    assert guards_by_line(tmp_path) == {("c.ts", 3): []}


def test_taro_from_a_platform_package_is_taro_for_that_platform(tmp_path: Path) -> None:
    write(tmp_path, {"a.js": "import Taro from '@tarojs/taro-h5'\nTaro.getUserProfile()\n",
                     "b.js": "const Taro = require('@tarojs/taro-weapp')\nTaro.getUserProfile()\n"})
    assert guards_by_line(tmp_path) == {("a.js", 2): [("platform_package", False, "h5")], ("b.js", 2): [("platform_package", False, "weapp")]}


def test_module_paths_from_tsconfig_and_config_alias(tmp_path: Path) -> None:
    write(tmp_path, {
        "tsconfig.base.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["src/*"]}}}',
        "tsconfig.json": '{\n  // tsc allows comments\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": {"paths": {"@/*": ["./src/*"], "@u": ["src/utils/index.ts"]}}\n}',
        "config/index.js": "const path = require('path')\nmodule.exports = { alias: { '@': path.resolve(__dirname, '..', 'src'),"
                           " '@c': path.join(__dirname, '../src/components'), outside: path.resolve(__dirname, '../..'), dyn: x } }\n",
    })
    paths = read_module_paths(tmp_path)
    assert (paths.aliases, paths.base_url, paths.notes) == ((("@", "src"), ("@u", "src/utils/index.ts")), None, ())
    assert read_taro_config(tmp_path / "config" / "index.js", "config/index.js").aliases == (("@", "src"), ("@c", "src/components"))


def test_a_broken_tsconfig_is_a_note_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, {"tsconfig.json": '{"compilerOptions": '})
    (note,) = read_module_paths(tmp_path).notes
    assert (note.code, note.location.path) == ("TC010", "tsconfig.json")


def test_a_tested_native_global_is_an_existence_guard(tmp_path: Path) -> None:
    write(tmp_path, {"a.js": """if (typeof my !== 'undefined') my.getUserProfile()
if (my && my.getUserProfile) my.getUserProfile()
if (typeof wx === 'undefined') return
wx.getUserProfile()
"""})
    assert guards_by_line(tmp_path) == {
        ("a.js", 1): [("exists", False, "")],
        ("a.js", 2): [("exists", False, ""), ("exists", False, "getUserProfile")],
        ("a.js", 4): [("exists", False, "")],
    }
    files, _ = source_files(tmp_path)
    (scan,) = scan_files(files, OPTIONS).files
    assert [[g.receiver for g in s.guards] for s in scan.call_sites] == [["my"], ["my", "my"], ["wx"]]


def test_a_wrapper_function_is_judged_at_each_caller(tmp_path: Path) -> None:
    write(tmp_path, {
        "src/auth.ts": """import Taro from '@tarojs/taro'
export async function login() {
  return Taro.getUserProfile({ desc: 'login' })
}
function local() { Taro.getUserProfile() }
export function useLocal() { if (process.env.TARO_ENV === 'weapp') local() }
const unused = () => Taro.getUserProfile()
""",
        "src/index.ts": "export * from './auth'\n",
        "src/pages/b.tsx": "import { login } from '@/index'\nif (process.env.TARO_ENV === 'weapp') login()\n",
        "src/pages/c.js": "import { login as signIn } from '../auth'\nexport const onTap = signIn\n",  # a reference: it may be called anywhere
        "src/pages/d.js": "import { login } from '../auth'\n",  # not parsed by the pre-filter; imports only
    })
    files, _ = source_files(tmp_path)
    options = replace(OPTIONS, project_prefixes=("@",))
    scans = scan_files(files, options, modules=ModuleMap(aliases=(("@", "src"),))).files
    auth = next(scan for scan in scans if scan.file == "src/auth.ts")
    assert [(s.line, s.within, s.caller, [(g.kind, ",".join(g.envs)) for g in s.guards]) for s in auth.call_sites if s.api == "getUserProfile"] == [
        (3, "login", "src/pages/b.tsx:2", [("taro_env", "weapp")]),
        (3, "login", "src/pages/c.js:2", []),
        (5, "local", "src/auth.ts:6", [("taro_env", "weapp")]),
        (7, "unused", None, []),
    ]


def test_a_function_declared_inside_another_is_judged_at_its_callers(tmp_path: Path) -> None:
    write(tmp_path, {
        "env.ts": "export const WEAPP = process.env.TARO_ENV === 'weapp'\n",
        "pay.tsx": """import Taro from '@tarojs/taro'
import { WEAPP } from './env'
export function Pay() {
  const payWeapp = () => {
    Taro.requestPayment({})
  }
  const check = () => Taro.getSetting()
  const onTap = () => {
    if (WEAPP) {
      payWeapp()
    }
    check()
  }
  function shadow() {
    const payWeapp = () => Taro.login()
    payWeapp()
  }
  return <button onClick={onTap} />
}
""",
        "page.tsx": "import { Pay } from './pay'\nexport const page = process.env.TARO_ENV === 'h5' ? null : <Pay />\n",
    })
    files, _ = source_files(tmp_path)
    scans = {scan.file: scan for scan in scan_files(files, OPTIONS).files}
    assert scans["pay.tsx"].nesting == (("check@7", "Pay"), ("payWeapp@15", "shadow@14"), ("payWeapp@4", "Pay"), ("shadow@14", "Pay"))
    assert [(s.api, s.within, s.caller, [(g.kind, g.negated, ",".join(g.envs)) for g in s.guards]) for s in scans["pay.tsx"].call_sites] == [
        # judged at its one caller, under the platform test there
        ("requestPayment", "payWeapp@4", "pay.tsx:10", [("taro_env", False, "weapp")]),
        # no caller guards check(): judged as part of Pay, at Pay's guarded use in page.tsx
        ("getSetting", "Pay", "page.tsx:2", [("taro_env", True, "h5")]),
        # the inner payWeapp is another binding: its own caller, in shadow, which Pay never calls
        ("login", "Pay", "page.tsx:2", [("taro_env", True, "h5")]),
    ]


def test_a_function_kept_by_use_callback_is_a_nested_wrapper(tmp_path: Path) -> None:
    write(tmp_path, {"login.tsx": """import Taro from '@tarojs/taro'
import { useCallback } from 'react'
export function Login() {
  const alipayLogin = useCallback(async () => {
    await Taro.getOpenUserInfo()
  }, [])
  const total = useMemo(() => Taro.getSystemInfoSync(), [])
  const onTap = () => { if (process.env.TARO_ENV === 'alipay') alipayLogin() }
  return onTap
}
"""})
    files, _ = source_files(tmp_path)
    (scan,) = scan_files(files, OPTIONS).files
    assert [(s.api, s.within, s.caller, [",".join(g.envs) for g in s.guards]) for s in scan.call_sites] == [
        ("getOpenUserInfo", "alipayLogin@4", "login.tsx:8", ["alipay"]),
        ("getSystemInfoSync", "Login", None, []),  # useMemo calls its function at once: the code runs in Login
    ]


def test_a_class_method_or_arrow_field_is_judged_where_the_class_uses_it(tmp_path: Path) -> None:
    write(tmp_path, {"picker.jsx": """import Taro from '@tarojs/taro'
export default class Picker extends Component {
  onPick = () => {
    my.multiLevelSelect({})
  }
  login() { my.getAuthCode({}) }
  share() { my.showSharePanel() }
  componentDidMount() { if (process.env.TARO_ENV === 'alipay') this.login() }
  render() {
    this.share()
    return process.env.TARO_ENV === 'alipay' ? <View onClick={this.onPick} /> : null
  }
}
"""})
    files, _ = source_files(tmp_path)
    (scan,) = scan_files(files, OPTIONS).files
    assert [(s.api, s.within, s.caller, [",".join(g.envs) for g in s.guards]) for s in scan.call_sites] == [
        ("multiLevelSelect", "this.onPick@3", "picker.jsx:11", ["alipay"]),
        ("getAuthCode", "this.login@6", "picker.jsx:8", ["alipay"]),
        ("showSharePanel", "this.share@7", None, []),  # its one caller adds no guard: the site as it is
    ]


def test_callers_in_files_the_pre_filter_left_out_are_found(tmp_path: Path) -> None:
    write(tmp_path, {
        "auth.ts": "import Taro from '@tarojs/taro'\nexport function login() { Taro.getUserProfile() }\n",
        "guarded.js": "import { login } from './auth'\nif (process.env.TARO_ENV === 'weapp') login()\n",
        "plain.js": "import { login } from './auth'\nlogin()\n",
    })
    files, _ = source_files(tmp_path)
    (auth,) = [scan for scan in scan_files(files, OPTIONS).files if scan.file == "auth.ts"]
    assert [(s.caller, len(s.guards)) for s in auth.call_sites] == [("guarded.js:2", 1), ("plain.js:2", 0)]


def test_render_level_guards_around_a_component_and_pages_that_nobody_calls(tmp_path: Path) -> None:
    write(tmp_path, {
        "LoginButton.tsx": """import Taro from '@tarojs/taro'
export function LoginButton() {
  const onTap = () => Taro.getUserProfile({ desc: 'x' })
  return <button onClick={onTap} />
}
""",
        "page.tsx": """import Taro from '@tarojs/taro'
import { LoginButton } from './LoginButton'
export default function Page() {
  return <view>{Taro.canIUse('getUserProfile') && <LoginButton />}</view>
}
""",
        "other.tsx": """import Taro from '@tarojs/taro'
function Other() { Taro.getUserProfile() }
Other.config = {}
export default Other
""",
    })
    files, _ = source_files(tmp_path)
    scans = {scan.file: scan for scan in scan_files(files, OPTIONS).files}
    assert [(s.caller, [g.kind for g in s.guards]) for s in scans["LoginButton.tsx"].call_sites] == [("page.tsx:4", ["can_i_use"])]
    assert [(s.within, s.caller, s.guards) for s in scans["other.tsx"].call_sites] == [("Other", None, ())]


def test_a_constant_computed_by_an_immediately_invoked_function(tmp_path: Path) -> None:
    write(tmp_path, {
        "utils/tools.ts": "export const WEAPP = (() => {\n  return process.env.TARO_ENV === 'weapp'\n})()\nexport const N = (() => 1)()\n",
        "utils/index.ts": "export * from './tools'\n",
        "app.ts": "import Taro from '@tarojs/taro'\nimport { WEAPP, N } from './utils'\nif (WEAPP) Taro.getUserProfile()\nif (N) Taro.getUserProfile()\n",
    })
    assert guards_by_line(tmp_path) == {("app.ts", 3): [("taro_env", False, "weapp")], ("app.ts", 4): []}
