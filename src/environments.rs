//! Zuora's environments: the base URLs of its REST API, by the names Zuora's
//! SDKs use (in kebab case) and by descriptive aliases.

/// One Zuora environment.
#[derive(Debug, PartialEq, Eq)]
pub struct Environment {
    /// Zuora's SDK name in kebab case (`PROD_EU` is `prod-eu`).
    pub name: &'static str,
    /// A descriptive name that also selects it.
    pub alias: &'static str,
    pub description: &'static str,
    pub base_url: &'static str,
}

/// The base URL used when neither an environment nor a base URL is given.
pub const DEFAULT_BASE_URL: &str = "https://rest.zuora.com";

/// Every environment Zuora documents (see shared/zuora-docs/FACTS.md).
pub const ENVIRONMENTS: &[Environment] = &[
    env(
        "prod",
        "us-cloud2-production",
        "US Production, Cloud 2",
        "https://rest.zuora.com",
    ),
    env(
        "prod-na",
        "us-cloud1-production",
        "US Production, Cloud 1",
        "https://rest.na.zuora.com",
    ),
    env(
        "prod-eu",
        "eu-production",
        "EU Production",
        "https://rest.eu.zuora.com",
    ),
    env(
        "prod-ap",
        "apac-production",
        "APAC Production",
        "https://rest.ap.zuora.com",
    ),
    env(
        "sbx",
        "us-cloud2-api-sandbox",
        "US API Sandbox, Cloud 2",
        "https://rest.apisandbox.zuora.com",
    ),
    env(
        "sbx-na",
        "us-cloud1-api-sandbox",
        "US API Sandbox, Cloud 1",
        "https://rest.sandbox.na.zuora.com",
    ),
    env(
        "sbx-eu",
        "eu-api-sandbox",
        "EU API Sandbox",
        "https://rest.sandbox.eu.zuora.com",
    ),
    env(
        "csbx",
        "us-central-sandbox",
        "US Developer & Central Sandbox",
        "https://rest.test.zuora.com",
    ),
    env(
        "csbx-eu",
        "eu-central-sandbox",
        "EU Developer & Central Sandbox",
        "https://rest.test.eu.zuora.com",
    ),
    env(
        "csbx-ap",
        "apac-central-sandbox",
        "APAC Developer & Central Sandbox",
        "https://rest.test.ap.zuora.com",
    ),
];

const fn env(
    name: &'static str,
    alias: &'static str,
    description: &'static str,
    base_url: &'static str,
) -> Environment {
    Environment {
        name,
        alias,
        description,
        base_url,
    }
}

/// Finds an environment by name or alias. Case and `_` versus `-` do not
/// matter, so Zuora's own SDK spelling (`PROD_EU`) works too.
pub fn find(name: &str) -> Option<&'static Environment> {
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    ENVIRONMENTS
        .iter()
        .find(|e| e.name == wanted || e.alias == wanted)
}

/// The valid names as a table, one environment a line, for an error message.
pub fn table() -> String {
    ENVIRONMENTS
        .iter()
        .map(|e| {
            format!(
                "  {:<8} {:<22} {} ({})",
                e.name, e.alias, e.description, e.base_url
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_sdk_spelling_find_the_same_environment() {
        let eu = find("prod-eu").unwrap();
        assert_eq!(eu.base_url, "https://rest.eu.zuora.com");
        assert_eq!(find("EU-Production"), Some(eu));
        assert_eq!(find("PROD_EU"), Some(eu));
        assert_eq!(find("prod-xx"), None);
    }

    #[test]
    fn names_and_aliases_are_unique() {
        let mut all: Vec<_> = ENVIRONMENTS
            .iter()
            .flat_map(|e| [e.name, e.alias])
            .collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 2 * ENVIRONMENTS.len());
    }
}
