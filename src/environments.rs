//! Zuora's environments: the base URLs of its REST API, by the names Zuora's
//! SDKs use (in kebab case) and by descriptive aliases.

/// One Zuora environment.
#[derive(Debug, PartialEq, Eq)]
pub struct Environment {
    /// Zuora's SDK name in kebab case (`PROD_EU` is `prod-eu`).
    pub name: &'static str,
    /// A descriptive name that also selects it.
    pub alias: &'static str,
    /// Zuora's name for it: `EU Production`.
    pub description: &'static str,
    /// The base URL of its REST API: `https://rest.eu.zuora.com`.
    pub base_url: &'static str,
}

/// Every environment Zuora documents, in the order of its API reference.
const ALL: &[Environment] = &[
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

impl Environment {
    /// Every environment Zuora documents: production and sandboxes, by
    /// region and cloud.
    pub const ALL: &'static [Environment] = ALL;

    /// The environment used when none is named: US Production, Cloud 2
    /// (`https://rest.zuora.com`), the host of Zuora's API reference.
    pub const DEFAULT: &'static Environment = &ALL[0];

    /// Finds an environment by name or alias. Case and `_` versus `-` do
    /// not matter, so Zuora's own SDK spelling (`PROD_EU`) works too.
    ///
    /// ```
    /// use zuora_token::Environment;
    ///
    /// let eu = Environment::find("PROD_EU").unwrap();
    /// assert_eq!(eu.base_url, "https://rest.eu.zuora.com");
    /// assert_eq!(Environment::find("eu-production"), Some(eu));
    /// ```
    pub fn find(name: &str) -> Option<&'static Environment> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        ALL.iter().find(|e| e.name == wanted || e.alias == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_sdk_spelling_find_the_same_environment() {
        let eu = Environment::find("prod-eu").unwrap();
        assert_eq!(eu.base_url, "https://rest.eu.zuora.com");
        assert_eq!(Environment::find("EU-Production"), Some(eu));
        assert_eq!(Environment::find("PROD_EU"), Some(eu));
        assert_eq!(Environment::find("prod-xx"), None);
        assert_eq!(Environment::DEFAULT.base_url, "https://rest.zuora.com");
    }

    #[test]
    fn names_and_aliases_are_unique() {
        let mut all: Vec<_> = ALL.iter().flat_map(|e| [e.name, e.alias]).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 2 * ALL.len());
    }
}
