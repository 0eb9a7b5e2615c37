//! The release: the packaging script's archive (`scripts/package`, which
//! CI and the release workflow run), and cargo binstall's metadata in
//! Cargo.toml, which must name the archives the script makes for every
//! target the release workflow builds.
//!
//! The archive here is the build under test packed by the script
//! (`--bin-dir`), labelled as the Linux x86_64 archive, which is what a
//! Linux X64 runner downloads: so it runs on whatever machine runs the
//! tests. They skip, saying so, where bash, tar or gzip is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use zuora_token_testkit::{have, run};

use crate::bin;

/// The target a Linux X64 runner downloads.
pub const LINUX_X64: &str = "x86_64-unknown-linux-musl";

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    text.parse().unwrap()
}

/// `[package]`'s `key`.
pub fn package(key: &str) -> String {
    manifest()["package"][key].as_str().unwrap().to_owned()
}

/// `scripts/package ARGS`, run by bash; its stdout, trimmed.
fn package_script(args: &[&str]) -> String {
    let script = repo().join("scripts/package");
    let out = run(assert_cmd::Command::new("bash").arg(script).args(args));
    out.ok().stdout.trim().to_owned()
}

/// The name the script gives `target`'s archive.
pub fn archive_name(target: &str) -> String {
    package_script(&["--archive-name", target])
}

/// The build under test packed by the script as the Linux x86_64 archive,
/// made once per test run; `None`, saying so, where a tool it needs is
/// missing.
pub fn archive() -> Option<&'static Path> {
    static ARCHIVE: OnceLock<Option<PathBuf>> = OnceLock::new();
    if !["bash", "tar", "gzip"].into_iter().all(have) {
        return None;
    }
    ARCHIVE
        .get_or_init(|| {
            let bin_dir = Path::new(bin()).parent().unwrap().to_str().unwrap();
            let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("release-archive");
            let _ = std::fs::remove_dir_all(&out);
            let archive = package_script(&[
                "--bin-dir",
                bin_dir,
                "--out",
                out.to_str().unwrap(),
                LINUX_X64,
            ]);
            Some(PathBuf::from(archive))
        })
        .as_deref()
}

/// The archive's members, directories with their trailing `/`.
fn members(archive: &Path) -> Vec<String> {
    let out = Command::new("tar")
        .arg("-tzf")
        .arg(archive)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut members: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    members.sort();
    members
}

/// The names of the files in `dir` of this repository.
fn files_in(dir: &str) -> Vec<String> {
    std::fs::read_dir(repo().join(dir))
        .unwrap()
        .map(|entry| format!("{dir}/{}", entry.unwrap().file_name().to_str().unwrap()))
        .collect()
}

#[test]
fn the_archive_holds_both_programs_the_docs_the_licences_completions_and_man_pages() {
    let Some(archive) = archive() else { return };
    let base = format!("zuora-token-{}-{LINUX_X64}", package("version"));
    assert_eq!(
        archive.file_name().unwrap().to_str().unwrap(),
        format!("{base}.tar.gz")
    );
    let mut expected: Vec<String> = [
        "",
        "zuora-token",
        "zuora-token-keyring",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "SOURCES.sha256",
        "completions/",
        "man/",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(files_in("completions"))
    .chain(files_in("man"))
    .map(|member| format!("{base}/{member}"))
    .collect();
    expected.sort();
    assert_eq!(members(archive), expected);
    assert!(files_in("completions").len() >= 5 && files_in("man").len() >= 10);
}

/// The targets `.github/workflows/release.yml` builds: its `target:` lines.
fn released_targets() -> Vec<String> {
    let workflow = std::fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- target: "))
        .map(str::to_owned)
        .collect()
}

/// cargo binstall's template `text` with `vars` put in (`{ name }`).
fn expand(text: &str, vars: &[(&str, &str)]) -> String {
    let mut text = text.to_owned();
    for (name, value) in vars {
        text = text.replace(&format!("{{ {name} }}"), value);
    }
    assert!(!text.contains('{'), "a variable left in {text}");
    text
}

#[test]
fn binstalls_template_finds_the_scripts_archive_for_every_released_target() {
    let targets = released_targets();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "aarch64-apple-darwin",
            "x86_64-pc-windows-msvc",
        ]
    );
    let manifest = manifest();
    let binstall = manifest["package"]["metadata"]["binstall"]
        .as_table()
        .unwrap();
    let (name, version) = (package("name"), package("version"));
    let repository = package("repository");
    for target in &targets {
        // The overrides for the target, as binstall applies them.
        let overrides = binstall
            .get("overrides")
            .and_then(|o| o.get(target.as_str()))
            .and_then(|o| o.as_table());
        let setting = |key: &str| {
            overrides
                .and_then(|o| o.get(key))
                .or_else(|| binstall.get(key))
                .and_then(|v| v.as_str())
                .unwrap()
                .to_owned()
        };
        // binstall tries the format's every suffix (its PkgFmt::extensions).
        let suffixes: &[&str] = match setting("pkg-fmt").as_str() {
            "tgz" => &[".tgz", ".tar.gz"],
            "zip" => &[".zip"],
            other => panic!("pkg-fmt {other}"),
        };
        let binary_ext = if target.contains("windows") {
            ".exe"
        } else {
            ""
        };
        let vars_with = |suffix| {
            [
                ("repo", repository.as_str()),
                ("name", &name),
                ("version", &version),
                ("target", target),
                ("archive-suffix", suffix),
                ("binary-ext", binary_ext),
            ]
        };
        let tried: Vec<String> = suffixes
            .iter()
            .map(|suffix| expand(&setting("pkg-url"), &vars_with(suffix)))
            .collect();
        let released = format!(
            "{repository}/releases/download/v{version}/{}",
            archive_name(target)
        );
        assert!(
            tried.contains(&released),
            "{target}: {released} is not in {tried:?}"
        );
        let vars = vars_with(suffixes[0]);
        // Where binstall looks for each program in the archive: where the
        // script put it (the Linux x86_64 archive, the one made here).
        if target == LINUX_X64
            && let Some(archive) = archive()
        {
            let members = members(archive);
            for bin in ["zuora-token", "zuora-token-keyring"] {
                let path = expand(
                    &setting("bin-dir"),
                    &[vars.as_slice(), &[("bin", bin)]].concat(),
                );
                assert!(members.contains(&path), "{path} is not in {members:?}");
            }
        }
    }
}
