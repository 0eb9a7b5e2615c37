//! The reference in `docs/`, held to the code: `docs/settings.md` is made
//! from the settings table (run `ZUORA_TOKEN_WRITE_DOCS=1 cargo test --bin
//! zuora-token docs` to write it after changing the table), every setting
//! is in it and in the man page, and the other pages name every exit code,
//! output format and source path there is.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use zuora_token::ErrorKind;

use super::commands::api::HTTP_ERROR;
use super::output::{Format, Report, Shell};
use super::report::exit_code;
use super::settings::table::{PROFILE_ONLY, Setting};

/// The page: every setting's flag, variable, profile key, value and help,
/// then the keys only a profile gives.
fn settings_page() -> String {
    let mut page = String::from(
        "# Settings\n\n\
         <!-- Made from the settings table (src/cli/settings/table.rs) by\n\
         `ZUORA_TOKEN_WRITE_DOCS=1 cargo test --bin zuora-token docs`; a test fails\n\
         when this page and the table differ. -->\n\n\
         Each setting is taken from the first of: its flag, its environment variable,\n\
         its key in the selected profile of the config file, its default. A profile\n\
         named by `--profile` beats environment variables for the keys it sets (with a\n\
         warning for each variable so ignored). Flags stand before or after the\n\
         subcommand. A variable set to the empty string counts as unset.\n\n\
         | Flag | Environment variable | Profile key | Value | What it does |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for setting in Setting::ALL {
        let row = setting.row();
        let flag = match row.short {
            Some(short) => format!("`-{short}`, `--{}`", row.flag),
            None => format!("`--{}`", row.flag),
        };
        let key = row.profile_key.map_or("-".to_owned(), |k| format!("`{k}`"));
        page.push_str(&format!(
            "| {flag} | `{}` | {key} | {} ({}) | {} |\n",
            row.env_var,
            row.value_name,
            row.kind.describe(),
            cell(row.help)
        ));
    }
    page.push_str(
        "\nA profile alone can also say where the client secret comes from:\n\n\
         | Profile key | Value | What it does |\n\
         | --- | --- | --- |\n",
    );
    for key in PROFILE_ONLY {
        page.push_str(&format!(
            "| `{}` | {} | {} |\n",
            key.key,
            key.kind.describe(),
            cell(key.help)
        ));
    }
    page.push_str(
        "\nWith no secret named anywhere, the OS keyring's entry for the base URL and\n\
         client id is used (where this build has a keyring). Two sources of the secret\n\
         at the same level are an error, not a guess.\n",
    );
    page
}

/// `text` as a Markdown table cell: `<` would start an HTML tag.
fn cell(text: &str) -> String {
    text.replace('<', "&lt;").replace('|', "\\|")
}

fn committed(path: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    (path, text)
}

#[test]
fn docs_settings_md_is_made_from_the_table() {
    let (path, text) = committed("docs/settings.md");
    let page = settings_page();
    if std::env::var_os("ZUORA_TOKEN_WRITE_DOCS").is_some() {
        std::fs::write(&path, &page).unwrap();
        return;
    }
    assert!(
        text == page,
        "docs/settings.md is stale; write it with: \
         ZUORA_TOKEN_WRITE_DOCS=1 cargo test --bin zuora-token docs"
    );
}

#[test]
fn every_setting_of_the_table_is_in_the_man_page_and_the_docs() {
    let (_, docs) = committed("docs/settings.md");
    let (_, man) = committed("man/zuora-token.1");
    let man = man
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let environment = man
        .split("\n.SH ENVIRONMENT\n")
        .nth(1)
        .expect("the man page has an ENVIRONMENT section");
    for setting in Setting::ALL {
        let row = setting.row();
        let (flag, var) = (format!("--{}", row.flag), row.env_var);
        assert!(docs.contains(&format!("`{flag}`")), "docs lack {flag}");
        assert!(docs.contains(&format!("`{var}`")), "docs lack {var}");
        assert!(man.contains(&flag), "the man page lacks {flag}");
        assert!(
            environment.contains(&format!("\n{var}\n")),
            "the man page's ENVIRONMENT lacks {var}"
        );
        if let Some(key) = row.profile_key {
            assert!(docs.contains(&format!("`{key}`")), "docs lack {key}");
            assert!(man.contains(key), "the man page lacks {key}");
        }
    }
    for key in PROFILE_ONLY.map(|k| k.key) {
        assert!(docs.contains(&format!("`{key}`")), "docs lack {key}");
        assert!(man.contains(key), "the man page lacks {key}");
    }
}

#[test]
fn the_docs_name_every_exit_code() {
    let (_, docs) = committed("docs/behaviour.md");
    let codes = ErrorKind::ALL.into_iter().map(exit_code);
    for code in [0, HTTP_ERROR, 126, 127].into_iter().chain(codes) {
        assert!(
            docs.contains(&format!("\n| {code} |")),
            "docs/behaviour.md lacks exit code {code}"
        );
    }
}

/// The values of an output format's flag, as the command line takes them.
fn names<T: ValueEnum>() -> Vec<String> {
    let values = T::value_variants().iter().filter_map(T::to_possible_value);
    values.map(|v| v.get_name().to_owned()).collect()
}

#[test]
fn the_docs_name_every_output_format() {
    let (_, docs) = committed("docs/commands.md");
    let names = [names::<Format>(), names::<Shell>(), names::<Report>()];
    for name in names.iter().flatten() {
        assert!(
            docs.contains(&format!("`{name}`")),
            "docs/commands.md lacks the output format {name}"
        );
    }
}

#[test]
fn every_path_the_development_guide_names_exists() {
    let (_, guide) = committed("docs/development.md");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named = 0;
    for path in guide.split('`').skip(1).step_by(2) {
        if path.starts_with("src/") && !path.contains(' ') {
            assert!(root.join(path).exists(), "docs/development.md names {path}");
            named += 1;
        }
    }
    assert!(named > 10, "docs/development.md names only {named} paths");
}
