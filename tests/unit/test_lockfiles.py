from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from checker.errors import CompatError
from checker.project.lockfiles import LOCKFILE_NAMES, LockfileError, Locked, read_lockfile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lockfiles"

WANTED = {
    "@tarojs/taro": "^3.6.8",
    "@tarojs/components": "^3.6.8",
    "@tarojs/cli": "3.6.8",
    "react": "^18.2.0",
    "left-pad": "^1.3.0",  # in no lock file: absent from every result
}


def read_whole(case: str, wanted: dict[str, str] = WANTED, importer: str = ".") -> dict[str, Locked]:
    (path,) = (FIXTURES / case).iterdir()
    return read_lockfile(path, f"{case}/{path.name}", wanted, importer=importer)


def read(case: str, wanted: dict[str, str] = WANTED, importer: str = ".") -> dict[str, Locked]:
    """Versions and places; the recorded specifiers are asserted on their own (test_*_records_*)."""
    return {name: dataclasses.replace(entry, specifier=None) for name, entry in read_whole(case, wanted, importer).items()}


def specifiers(case: str, wanted: dict[str, str] = WANTED, importer: str = ".") -> dict[str, str | None]:
    return {name: entry.specifier for name, entry in read_whole(case, wanted, importer).items()}


def error_of(path: Path, display: str, wanted: dict[str, str] = WANTED) -> str:
    with pytest.raises(LockfileError) as caught:
        read_lockfile(path, display, wanted)
    assert isinstance(caught.value, CompatError)
    return str(caught.value)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def locked(lockfile: str, **versions: tuple[str, int]) -> dict[str, Locked]:
    return {name: Locked(name, version, lockfile, line) for name, (version, line) in versions.items()}


def test_names() -> None:
    assert LOCKFILE_NAMES == ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml")


# --- npm ---------------------------------------------------------------------


def test_npm_v1_takes_the_top_level_entry_not_a_nested_copy() -> None:
    # @tarojs/components carries its own @tarojs/taro 3.6.8 (line 23); the project's is line 30
    assert read("npm-v1") == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "npm-v1/package-lock.json", 30),
        "@tarojs/components": Locked("@tarojs/components", "3.6.8", "npm-v1/package-lock.json", 15),
        "react": Locked("react", "18.2.0", "npm-v1/package-lock.json", 35),
    }


def test_npm_v2_reads_packages() -> None:
    assert read("npm-v2") == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "npm-v2/package-lock.json", 36),
        "@tarojs/components": Locked("@tarojs/components", "3.6.26", "npm-v2/package-lock.json", 28),
        "@tarojs/cli": Locked("@tarojs/cli", "3.6.8", "npm-v2/package-lock.json", 19),
        "react": Locked("react", "18.2.0", "npm-v2/package-lock.json", 41),
    }


def test_npm_v3() -> None:
    assert read("npm-v3") == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "npm-v3/package-lock.json", 30),
        "@tarojs/components": Locked("@tarojs/components", "3.6.12", "npm-v3/package-lock.json", 25),
        "@tarojs/cli": Locked("@tarojs/cli", "3.6.8", "npm-v3/package-lock.json", 19),
        "react": Locked("react", "18.2.0", "npm-v3/package-lock.json", 35),
    }


def test_npm_shrinkwrap_is_the_same_format() -> None:
    assert read("shrinkwrap") == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.20", "shrinkwrap/npm-shrinkwrap.json", 14),
    }


def test_npm_workspace_member_prefers_its_own_copy_then_the_hoisted_one() -> None:
    lockfile = "npm-workspace/package-lock.json"
    assert read("npm-workspace", importer="packages/legacy-app") == locked(
        lockfile, **{"@tarojs/taro": ("3.5.12", 38), "@tarojs/components": ("3.6.26", 12)}
    )
    assert read("npm-workspace", importer="packages/mp-app") == locked(
        lockfile, **{"@tarojs/taro": ("3.6.26", 17), "@tarojs/components": ("3.6.26", 12)}
    )


def test_importer_is_normalised() -> None:
    assert read("npm-workspace", importer="./packages/legacy-app/")["@tarojs/taro"].version == "3.5.12"


# --- yarn v1 -----------------------------------------------------------------


def test_yarn_v1_exact_key_wins_then_highest_in_range() -> None:
    assert read("yarn-v1") == {
        # "@tarojs/taro@^3.6.8" is listed: that entry, not the 3.5.12 one
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "yarn-v1/yarn.lock", 32),
        # no "@tarojs/components@^3.6.8" key: 3.6.8 and 3.6.24 are both in range, the highest wins
        "@tarojs/components": Locked("@tarojs/components", "3.6.24", "yarn-v1/yarn.lock", 17),
        "@tarojs/cli": Locked("@tarojs/cli", "3.6.8", "yarn-v1/yarn.lock", 5),
        # unquoted keys; "react@^18.0.0" resolves 18.2.0, which satisfies ^18.2.0 (17.0.2 does not)
        "react": Locked("react", "18.2.0", "yarn-v1/yarn.lock", 44),
    }


def test_yarn_v1_second_key_of_an_entry_and_a_pinned_version() -> None:
    wanted = {"@tarojs/taro": "~3.6.0", "@tarojs/components": "3.6.8"}
    assert read("yarn-v1", wanted) == locked(
        "yarn-v1/yarn.lock", **{"@tarojs/taro": ("3.6.26", 32), "@tarojs/components": ("3.6.8", 12)}
    )


def test_yarn_v1_exact_key_wins_over_a_higher_version_in_range() -> None:
    # "@tarojs/components@^3.6.0" resolved 3.6.8, though 3.6.24 (from ~3.6.20) is in range too
    wanted = {"@tarojs/components": "^3.6.0"}
    assert read("yarn-v1", wanted) == locked("yarn-v1/yarn.lock", **{"@tarojs/components": ("3.6.8", 12)})


def test_yarn_v1_spec_that_is_not_a_range_and_not_listed_is_absent() -> None:
    assert read("yarn-v1", {"@tarojs/taro": "latest", "react": "^19.0.0"}) == {}


# --- yarn berry --------------------------------------------------------------


def test_yarn_berry_uses_the_workspace_range_and_npm_protocol() -> None:
    wanted = {"@tarojs/taro": "^3.6.8", "@tarojs/components": "^3.6.0", "@tarojs/cli": "3.6.8", "react": "^18.0.0"}
    assert read("yarn-berry", wanted) == locked(
        "yarn-berry/yarn.lock",
        **{
            "@tarojs/taro": ("3.6.26", 27),  # second descriptor of a three-descriptor key
            "@tarojs/components": ("3.6.26", 17),  # package.json says ^3.6.0, the workspace entry npm:^3.6.8
            "@tarojs/cli": ("3.6.8", 8),
            "react": ("18.2.0", 34),  # not a workspace dependency: the highest in range
        },
    )


def test_yarn_berry_declared_spec_may_carry_the_protocol() -> None:
    assert read("yarn-berry", {"@tarojs/taro": "npm:~3.6.0"}) == locked("yarn-berry/yarn.lock", **{"@tarojs/taro": ("3.6.26", 27)})


def test_yarn_berry_workspace_members() -> None:
    wanted = {"@tarojs/taro": "^3.5.0"}  # both 3.5.12 and 3.6.26 are in range: the workspace entry decides
    lockfile = "yarn-berry-workspace/yarn.lock"
    assert read("yarn-berry-workspace", wanted, "packages/legacy-app") == locked(lockfile, **{"@tarojs/taro": ("3.5.12", 8)})
    assert read("yarn-berry-workspace", wanted, "packages/mp-app") == locked(lockfile, **{"@tarojs/taro": ("3.6.26", 15)})
    assert read("yarn-berry-workspace", wanted, ".") == locked(lockfile, **{"@tarojs/taro": ("3.6.26", 15)})


# --- pnpm --------------------------------------------------------------------


def test_pnpm_v5_strips_peer_suffixes() -> None:
    assert read("pnpm-v5") == locked(
        "pnpm-v5/pnpm-lock.yaml",
        **{
            "@tarojs/taro": ("3.6.26", 11),
            "@tarojs/components": ("3.6.26", 10),  # 3.6.26_@tarojs+taro@3.6.26
            "react": ("18.2.0", 12),
            "@tarojs/cli": ("3.6.8", 15),  # devDependencies
        },
    )


def test_pnpm_v5_workspace() -> None:
    wanted = {**WANTED, "shared-ui": "workspace:*"}
    lockfile = "pnpm-v5-workspace/pnpm-lock.yaml"
    # shared-ui is link:../shared-ui, a folder: absent
    assert read("pnpm-v5-workspace", wanted, "packages/mp-app") == locked(
        lockfile, **{"@tarojs/taro": ("3.6.26", 21), "@tarojs/components": ("3.6.26", 20)}
    )
    assert read("pnpm-v5-workspace", wanted, "packages/legacy-app") == locked(lockfile, **{"@tarojs/taro": ("3.5.12", 12)})
    assert read("pnpm-v5-workspace", wanted, ".") == {}


def test_pnpm_v6_strips_peer_parentheses_and_reads_aliases() -> None:
    wanted = {**WANTED, "taro-next": "npm:@tarojs/taro@4.0.0-beta.75"}
    assert read("pnpm-v6", wanted) == locked(
        "pnpm-v6/pnpm-lock.yaml",
        **{
            "@tarojs/taro": ("3.6.26", 11),
            "@tarojs/components": ("3.6.26", 8),  # 3.6.26(@tarojs/taro@3.6.26)(react@18.2.0)
            "react": ("18.2.0", 14),
            "taro-next": ("4.0.0-beta.75", 17),  # /@tarojs/taro@4.0.0-beta.75
            "@tarojs/cli": ("3.6.8", 22),
        },
    )


def test_pnpm_v6_workspace() -> None:
    wanted = {**WANTED, "shared-ui": "workspace:*"}
    lockfile = "pnpm-v6-workspace/pnpm-lock.yaml"
    assert read("pnpm-v6-workspace", wanted) == locked(lockfile, **{"@tarojs/cli": ("3.6.8", 11)})
    assert read("pnpm-v6-workspace", wanted, "packages/mp-app") == locked(
        lockfile, **{"@tarojs/taro": ("3.6.26", 20), "@tarojs/components": ("3.6.26", 17)}
    )


def test_pnpm_v9() -> None:
    assert read("pnpm-v9") == locked(
        "pnpm-v9/pnpm-lock.yaml",
        **{
            "@tarojs/taro": ("3.6.26", 14),
            "@tarojs/components": ("3.6.26", 11),
            "react": ("18.2.0", 17),
            "@tarojs/cli": ("3.6.8", 21),
        },
    )


def test_pnpm_v9_workspace() -> None:
    wanted = {"@tarojs/taro": "^3.6.8", "taro-next": "npm:@tarojs/taro@4.0.0-beta.75", "@tarojs/plugin-platform-alipay": "^3.6.8"}
    lockfile = "pnpm-v9-workspace/pnpm-lock.yaml"
    assert read("pnpm-v9-workspace", wanted, "packages/mp-app") == locked(
        lockfile,
        **{
            "@tarojs/taro": ("3.6.26", 19),
            "taro-next": ("4.0.0-beta.75", 22),  # '@tarojs/taro@4.0.0-beta.75'
            "@tarojs/plugin-platform-alipay": ("3.6.26", 26),  # optionalDependencies
        },
    )
    assert read("pnpm-v9-workspace", wanted, "packages/legacy-app") == locked(lockfile, **{"@tarojs/taro": ("3.5.12", 13)})
    assert read("pnpm-v9-workspace", wanted, ".") == {}
    assert read("pnpm-v9-workspace", wanted, "packages/not-a-member") == {}


def test_pnpm_reads_the_last_document(tmp_path: Path) -> None:
    # pnpm 10 may write a first document for its own install; the lock file proper is the last
    text = (
        "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    configDependencies: {}\n"
        "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n"
        "      '@tarojs/taro':\n        specifier: ^3.6.8\n        version: 3.6.26\n"
    )
    path = write(tmp_path, "pnpm-lock.yaml", text)
    assert read_lockfile(path, "pnpm-lock.yaml", WANTED) == {"@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "pnpm-lock.yaml", 11, "^3.6.8")}


# --- bad input ---------------------------------------------------------------


def fixture_error(case: str) -> str:
    (path,) = (FIXTURES / case).iterdir()
    return error_of(path, f"{case}/{path.name}")


def test_truncated_json() -> None:
    assert fixture_error("bad-json") == "bad-json/package-lock.json:22:20: invalid JSON: Unterminated string"


def test_invalid_yaml() -> None:
    assert fixture_error("bad-yaml") == "bad-yaml/pnpm-lock.yaml:34:1: invalid YAML: could not find expected ':'"


def test_yarn_v1_cut_mid_line() -> None:
    assert fixture_error("bad-yarn-cut") == "bad-yarn-cut/yarn.lock:24:5: the file ends mid-line: it looks cut short"


def test_yarn_v1_cut_after_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "yarn.lock", '# yarn lockfile v1\n\n\nreact@^18.0.0:\n  version "18.2.0"\n\n"@tarojs/taro@^3.6.8":\n')
    assert error_of(path, "yarn.lock") == "yarn.lock:7:1: entry has no version: the file looks cut short"


def test_yarn_v1_unterminated_string(tmp_path: Path) -> None:
    path = write(tmp_path, "yarn.lock", '# yarn lockfile v1\n\nreact@^18.0.0:\n  version "18.2.0\n  resolved "x"\n')
    assert error_of(path, "yarn.lock") == "yarn.lock:4:11: unterminated string: the file looks cut short"


def test_yarn_lock_written_as_yaml_is_read_as_yarn_does(tmp_path: Path) -> None:
    # yarn 1.22 falls back to YAML when its own grammar refuses the file
    path = write(tmp_path, "yarn.lock", 'react@^18.0.0:\n  version: "18.2.0"\n')
    assert read_lockfile(path, "yarn.lock", {"react": "^18.0.0"}) == {"react": Locked("react", "18.2.0", "yarn.lock", 1, "^18.0.0")}


def test_yarn_lock_in_neither_format(tmp_path: Path) -> None:
    path = write(tmp_path, "yarn.lock", "hello world\n")
    assert error_of(path, "yarn.lock") == 'yarn.lock:1:1: not a yarn lock file: no "# yarn lockfile v1" header and no __metadata'


def test_unknown_npm_lockfile_version() -> None:
    assert fixture_error("bad-version-npm") == "bad-version-npm/package-lock.json:4: unsupported lockfileVersion 99"


def test_unknown_pnpm_lockfile_version() -> None:
    assert fixture_error("bad-version-pnpm") == "bad-version-pnpm/pnpm-lock.yaml:1:1: unsupported lockfileVersion 99"


def test_unknown_yarn_berry_version() -> None:
    assert fixture_error("bad-yarn-berry-version") == "bad-yarn-berry-version/yarn.lock:5:3: unsupported yarn lock file version 99"


def test_npm_lockfile_version_must_be_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, "package-lock.json", '{\n  "lockfileVersion": true\n}\n')
    assert error_of(path, "package-lock.json") == "package-lock.json:2: unsupported lockfileVersion true"


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "package-lock.json", b'{\n  "name": "caf\xe9",\n  "lockfileVersion": 3\n}\n')
    assert error_of(path, "package-lock.json") == "package-lock.json:2:15: not UTF-8 text (byte 0xe9)"


def test_over_64_mb_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pnpm-lock.yaml"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)  # sparse: nothing is written
    assert error_of(path, "pnpm-lock.yaml") == "pnpm-lock.yaml: file is 67108865 bytes, over the 64 MB limit for a lock file"


def test_unknown_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "bun.lockb", b"\x00")
    assert error_of(path, "app/bun.lockb") == "app/bun.lockb: unknown lock file format"


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "yarn.lock", "yarn.lock") == "yarn.lock: cannot read: No such file or directory"


def test_deep_yaml_is_refused_before_libyaml_recurses(tmp_path: Path) -> None:
    # libyaml's composer would overflow the C stack (a crash, not an exception) near 30 000 levels
    path = write(tmp_path, "pnpm-lock.yaml", "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    # refused at a place on line 1, whichever layer sees it first (libyaml >= 0.2.5's own limit, or ours)
    assert re.fullmatch(r"pnpm-lock\.yaml:1:\d+: .*(nested deeper|nesting depth).*", error_of(path, "pnpm-lock.yaml"))


def test_deep_json(tmp_path: Path) -> None:
    path = write(tmp_path, "package-lock.json", "[" * 100_000 + "]" * 100_000)
    assert error_of(path, "package-lock.json") == "package-lock.json:1:1: invalid JSON: nested too deeply"


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "pnpm-lock.yaml", "lockfileVersion: '9.0'\na: &x [1, 2]\nb: *x\n")
    assert error_of(path, "pnpm-lock.yaml") == "pnpm-lock.yaml:3:4: YAML aliases (*name) are not allowed here: write the value out"


def test_yaml_control_character(tmp_path: Path) -> None:
    path = write(tmp_path, "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters: \x01\n")
    assert error_of(path, "pnpm-lock.yaml") == "pnpm-lock.yaml:2:12: invalid YAML: control characters are not allowed"


def test_empty_and_non_mapping_yaml(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "pnpm-lock.yaml", "# nothing\n"), "pnpm-lock.yaml") == "pnpm-lock.yaml:1:1: empty file"
    path = write(tmp_path, "pnpm-lock.yaml", "- 1\n")
    assert error_of(path, "pnpm-lock.yaml") == "pnpm-lock.yaml:1:1: not a lock file: the top level is not a mapping"


# --- what yarn 1's parser accepts, as real lock files write it ------------------

# npm (when it updates a yarn lock) quotes every key and value; comments may follow a value
QUOTED = """# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@babel/runtime@^7.7.7":
  "integrity" "sha512-AAAA"
  "resolved" "https://registry.npmjs.org/@babel/runtime/-/runtime-7.22.5.tgz"
  "version" "7.22.5"
  "dependencies":
    "regenerator-runtime" "^0.13.11"

"@tarojs/taro@3.6.8", "@tarojs/taro@^3.6.0", "@tarojs/taro@~3.6.8":
  "dependencies":
    "@tarojs/api" "3.6.8"
    "@tarojs/runtime" "3.6.8"
  "integrity" "sha512-BBBB"
  "resolved" "https://registry.npmjs.org/@tarojs/taro/-/taro-3.6.8.tgz"
  "version" "3.6.8"

react@^18.0.0, react@^18.2.0:  # unquoted keys, as yarn writes them
  version "18.2.0"
  optionalDependencies:
    fsevents "~2.3.2"
  optional false
"""


def test_yarn_v1_quoted_keys_and_values_comments_and_several_specifiers(tmp_path: Path) -> None:
    path = write(tmp_path, "yarn.lock", QUOTED)
    wanted = {"@tarojs/taro": "~3.6.8", "react": "^18.2.0", "@babel/runtime": "^7.7.7"}
    assert read_lockfile(path, "yarn.lock", wanted) == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.8", "yarn.lock", 12, "~3.6.8"),  # the third of three specifiers
        "react": Locked("react", "18.2.0", "yarn.lock", 20, "^18.2.0"),
        "@babel/runtime": Locked("@babel/runtime", "7.22.5", "yarn.lock", 5, "^7.7.7"),
    }


def test_yarn_v1_crlf_line_ends(tmp_path: Path) -> None:
    path = write(tmp_path, "yarn.lock", QUOTED.replace("\n", "\r\n"))
    assert read_lockfile(path, "yarn.lock", {"@tarojs/taro": "^3.6.0"})["@tarojs/taro"].version == "3.6.8"


def test_yarn_v1_with_merge_conflict_markers_is_read_on_both_sides(tmp_path: Path) -> None:
    # yarn merges such a file itself (the second side wins); lines keep their numbers
    text = """# yarn lockfile v1


<<<<<<< HEAD
"@tarojs/taro@^3.6.0":
  version "3.6.8"
=======
"@tarojs/taro@^3.6.0":
  version "3.6.26"
>>>>>>> upgrade-taro

react@^18.2.0:
  version "18.2.0"
"""
    path = write(tmp_path, "yarn.lock", text)
    assert read_lockfile(path, "yarn.lock", {"@tarojs/taro": "^3.6.0", "react": "^18.2.0"}) == {
        "@tarojs/taro": Locked("@tarojs/taro", "3.6.26", "yarn.lock", 8, "^3.6.0"),
        "react": Locked("react", "18.2.0", "yarn.lock", 12, "^18.2.0"),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('# yarn lockfile v1\n\na@^1.0.0:\n   version "1.0.0"\n', "yarn.lock:4:1: an odd number of spaces: yarn indents with two spaces"),
        ('# yarn lockfile v1\n\na@^1.0.0:\n  version "1.0.0"\n      resolved "x"\n', "yarn.lock:5:1: indented deeper than the line above allows"),
        ('# yarn lockfile v1\n\na@^1.0.0:\n  version "1.0.0" ] \n', "yarn.lock:4:19: unexpected character ']'"),
        ('# yarn lockfile v1\n\na@^1.0.0:\n  version\n', "yarn.lock:4:3: 'version' has no value and no ':'"),
        ('# yarn lockfile v1\n\n"a@^1.0.0", :\n  version "1.0.0"\n', "yarn.lock:3:12: expected a key after ','"),
    ],
)
def test_yarn_v1_grammar_errors_are_located(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(write(tmp_path, "yarn.lock", text), "yarn.lock") == message


# --- what each format records of the project's own declaration ------------------


def test_npm_v2_v3_record_the_root_package_declarations() -> None:
    assert specifiers("npm-v3") == {"@tarojs/taro": "^3.6.8", "@tarojs/components": "~3.6.0", "@tarojs/cli": "3.6.8", "react": "^18.2.0"}
    assert specifiers("npm-workspace", importer="packages/legacy-app") == {"@tarojs/taro": "3.5.12", "@tarojs/components": "^3.6.8"}


def test_npm_v1_records_no_declarations() -> None:
    assert set(specifiers("npm-v1").values()) == {None}


def test_yarn_v1_records_the_range_of_the_key_it_matched() -> None:
    # ^3.6.8 has its own key; no key says ^3.6.8 for components: the entry was written for ~3.6.20
    assert specifiers("yarn-v1") == {"@tarojs/taro": "^3.6.8", "@tarojs/components": "~3.6.20", "@tarojs/cli": "3.6.8", "react": "^18.0.0"}


def test_yarn_berry_records_the_workspace_range() -> None:
    wanted = {"@tarojs/taro": "^3.6.8", "@tarojs/components": "^3.6.0"}
    assert specifiers("yarn-berry", wanted) == {"@tarojs/taro": "^3.6.8", "@tarojs/components": "^3.6.8"}


@pytest.mark.parametrize("case", ["pnpm-v5", "pnpm-v6", "pnpm-v9"])
def test_pnpm_records_the_importer_specifiers(case: str) -> None:
    assert specifiers(case)["@tarojs/taro"] == "^3.6.8"


def test_yarn_v1_strings_are_json(tmp_path: Path) -> None:
    text = '# yarn lockfile v1\n\n"left-pad@^1.3.0":\n  version "1.3.0"\n  resolved "https://x/left-pad-1.3.0.tgz#\\"quoted\\" \\u00e9"\n'
    path = write(tmp_path, "yarn.lock", text)
    assert read_lockfile(path, "yarn.lock", {"left-pad": "^1.3.0"}) == {"left-pad": Locked("left-pad", "1.3.0", "yarn.lock", 3, "^1.3.0")}
    bad = write(tmp_path, "yarn.lock", '# yarn lockfile v1\n\n"left-pad@^1.3.0":\n  version "1.3.0\\x"\n')
    assert error_of(bad, "yarn.lock") == "yarn.lock:4:11: invalid string (yarn reads it as JSON)"
