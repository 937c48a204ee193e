//! One pattern of the metadata, anchored the way libphonenumber uses it and compiled on first
//! use: a region holds up to a few hundred patterns (Germany's formats alone are dozens), and
//! reading one number needs a handful of them. Compiling a region's patterns up front made
//! the first number of every new country cost milliseconds.

use regex::{Match, Regex, RegexBuilder};
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Pattern {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// A pattern (already free of whitespace, as libphonenumber's metadata build leaves it)
    /// anchored at the start, and at the end too when `whole` (Java's `lookingAt()` and
    /// `matches()`). `None` for an empty pattern or `NA`, the metadata's "none".
    pub fn new(body: &str, whole: bool) -> Option<Pattern> {
        if body.is_empty() || body == "NA" {
            return None;
        }
        let source = if whole {
            format!("^(?:{body})$")
        } else {
            format!("^(?:{body})")
        };
        Some(Pattern {
            source,
            compiled: OnceLock::new(),
        })
    }

    /// The compiled pattern; `None` if it does not compile (then it never matches, and the
    /// `every_pattern_compiles` test fails).
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                // Inputs are ASCII digits only, so ASCII `\d` is enough and far cheaper.
                RegexBuilder::new(&self.source).unicode(false).build().ok()
            })
            .as_ref()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_some_and(|re| re.is_match(text))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.regex()?.find(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_like_matches_and_looking_at() {
        let whole = Pattern::new(r"\d{3}", true).expect("a pattern");
        assert!(whole.is_match("415"));
        assert!(!whole.is_match("4155"));
        assert!(!whole.is_match("x415"));
        let start = Pattern::new("011", false).expect("a pattern");
        assert_eq!(start.find("01144").map(|m| m.end()), Some(3));
        assert!(start.find("1011").is_none());
        assert!(Pattern::new("NA", true).is_none());
        assert!(Pattern::new("", true).is_none());
        let broken = Pattern::new("(", true).expect("kept until used");
        assert!(broken.regex().is_none());
        assert!(!broken.is_match("("));
    }
}
