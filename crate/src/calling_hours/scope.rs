//! Where a calling window or holiday applies: everywhere (`*`), or a region as the
//! caller-ID rules write it (a country `US`, a state or province `US-FL`, a prefix `+1305`).

use crate::error::TargetError;
use crate::place::Place;
use crate::target::Target;
use serde::{Serialize, Serializer};

/// How the settings write "everywhere".
pub const EVERYWHERE: &str = "*";

/// Everywhere, or one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every callee (`*`).
    Everywhere,
    /// The callees in one region.
    Target(Target),
}

impl Scope {
    /// Reads `*` or a region.
    pub fn parse(text: &str) -> Result<Scope, TargetError> {
        if text == EVERYWHERE {
            return Ok(Scope::Everywhere);
        }
        Target::parse(text).map(Scope::Target)
    }

    /// As the settings write it: `*`, `US`, `US-FL`, `+1305`.
    #[must_use]
    pub fn code(&self) -> String {
        match self {
            Scope::Everywhere => EVERYWHERE.to_owned(),
            Scope::Target(region) => region.code(),
        }
    }

    /// How specific the scope is, for choosing among the windows a number matches: as the
    /// rules rank regions (a longer prefix, then any prefix, then a state or province, then a
    /// country), everywhere below them all.
    #[must_use]
    pub fn specificity(&self) -> Option<(u8, usize)> {
        match self {
            Scope::Everywhere => None,
            Scope::Target(region) => Some(region.specificity()),
        }
    }

    /// Whether the number with E.164 `digits` (no `+`) at `place` is in scope.
    #[must_use]
    pub fn contains(&self, digits: &str, place: &Place) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::Target(region) => region.contains(digits, place),
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_rank_below_and_above_each_other() {
        let ranked = ["*", "US", "US-FL", "+13", "+130", "+1305", "+130555"];
        let scopes: Vec<Scope> = ranked
            .iter()
            .map(|text| Scope::parse(text).expect("a scope"))
            .collect();
        for pair in scopes.windows(2) {
            assert!(pair[0].specificity() < pair[1].specificity(), "{pair:?}");
        }
        for (scope, text) in scopes.iter().zip(ranked) {
            assert_eq!(scope.code(), text);
            assert!(
                scope.contains("13055551234", &Place::of("13055551234")),
                "{text}"
            );
        }
        assert!(Scope::Everywhere.contains("", &Place::of("")));
        assert!(!scopes[2].contains("13125551234", &Place::of("13125551234")));
        assert!(Scope::parse("**").is_err());
        assert!(Scope::parse("").is_err());
    }
}
