//! Link templates: where the number and the caller ID go in the dialer's URL.
//!
//! A template has a `{number}` placeholder and may have a `{callerId}` one; the 8x8 default is
//! `callto://{number}/{callerId}`. When no caller ID applies, the `{callerId}` placeholder is
//! removed together with what only exists to carry it: a `/` path separator before it, or a
//! whole `name={callerId}` query parameter. Values in a query are percent-encoded (a `+`
//! there would read as a space); values in the path are inserted as they are.

use crate::error::{Quoted, TemplateError};

/// The 8x8 Work for Desktop `callto:` protocol: number to dial, then caller ID to present.
pub const DEFAULT_TEMPLATE: &str = "callto://{number}/{callerId}";

const NUMBER: &str = "{number}";
const CALLER_ID: &str = "{callerId}";

/// A checked link template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template(String);

impl Default for Template {
    fn default() -> Self {
        Template(DEFAULT_TEMPLATE.to_owned())
    }
}

impl Template {
    /// Checks a template: it needs `{number}` and may use no other placeholder than
    /// `{callerId}`.
    pub fn new(template: &str) -> Result<Self, TemplateError> {
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let tail = rest.get(start..).unwrap_or_default();
            let end = tail.find('}').map_or(tail.len(), |i| i + 1);
            let placeholder = tail.get(..end).unwrap_or(tail);
            if placeholder != NUMBER && placeholder != CALLER_ID {
                return Err(TemplateError::UnknownPlaceholder {
                    template: Quoted::new(template),
                    placeholder: placeholder.to_owned(),
                });
            }
            rest = tail.get(end..).unwrap_or_default();
        }
        if !template.contains(NUMBER) {
            return Err(TemplateError::MissingNumber {
                template: Quoted::new(template),
            });
        }
        Ok(Template(template.to_owned()))
    }

    /// The template text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The link for an E.164 number and, when one applies, an E.164 caller ID.
    pub fn render(&self, number: &str, caller_id: Option<&str>) -> String {
        let mut out = match caller_id {
            Some(id) => fill(&self.0, CALLER_ID, id),
            None => drop_caller_id(&self.0),
        };
        out = fill(&out, NUMBER, number);
        out
    }
}

/// Replaces every `placeholder` with `value`, percent-encoding it when it sits in the query.
fn fill(template: &str, placeholder: &str, value: &str) -> String {
    let query_start = template.find('?');
    let mut out = String::with_capacity(template.len() + value.len());
    let mut last = 0;
    for (at, _) in template.match_indices(placeholder) {
        out.push_str(template.get(last..at).unwrap_or_default());
        if query_start.is_some_and(|q| q < at) {
            out.push_str(&encode_query_value(value));
        } else {
            out.push_str(value);
        }
        last = at + placeholder.len();
    }
    out.push_str(template.get(last..).unwrap_or_default());
    out
}

/// Percent-encodes what a query value cannot carry as is (`+`, `&`, `=`, `#`, `%`, space).
fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '+' => out.push_str("%2B"),
            '&' => out.push_str("%26"),
            '=' => out.push_str("%3D"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// Removes each `{callerId}` with the separator or query parameter that carries it.
fn drop_caller_id(template: &str) -> String {
    let mut out = template.to_owned();
    while let Some(at) = out.find(CALLER_ID) {
        let before = out.get(..at).unwrap_or_default();
        let after = out.get(at + CALLER_ID.len()..).unwrap_or_default();
        // `?name={callerId}` or `&name={callerId}`: drop the parameter.
        let param_start = before.rfind(['?', '&']).filter(|&p| {
            let name = before.get(p + 1..).unwrap_or_default();
            name.ends_with('=') && !name.contains(['/', '{', '}'])
        });
        out = match param_start {
            Some(p) => {
                let sep = before.get(p..=p).unwrap_or_default();
                let head = before.get(..p).unwrap_or_default();
                match (sep, after.strip_prefix('&')) {
                    ("?", Some(rest)) => format!("{head}?{rest}"),
                    (_, _) => format!("{head}{after}"),
                }
            }
            None => {
                let head = before.strip_suffix('/').unwrap_or(before);
                format!("{head}{after}")
            }
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_template_with_and_without_caller_id() {
        let t = Template::default();
        assert_eq!(
            t.render("+14155551212", Some("+18880001111")),
            "callto://+14155551212/+18880001111"
        );
        assert_eq!(t.render("+14155551212", None), "callto://+14155551212");
    }

    #[test]
    fn other_templates() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("tel:{number}", Some("+18880001111"), "tel:+14155551212"),
            ("tel:{number}", None, "tel:+14155551212"),
            (
                "https://dial.example/call?to={number}&from={callerId}",
                Some("+18880001111"),
                "https://dial.example/call?to=%2B14155551212&from=%2B18880001111",
            ),
            (
                "https://dial.example/call?to={number}&from={callerId}",
                None,
                "https://dial.example/call?to=%2B14155551212",
            ),
            (
                "https://dial.example/call?from={callerId}&to={number}",
                None,
                "https://dial.example/call?to=%2B14155551212",
            ),
            (
                "https://dial.example/call/{number}?from={callerId}",
                None,
                "https://dial.example/call/+14155551212",
            ),
            (
                "https://dial.example/call/{number}?from={callerId}",
                Some("+18880001111"),
                "https://dial.example/call/+14155551212?from=%2B18880001111",
            ),
            ("x:{callerId}:{number}", None, "x::+14155551212"),
            (
                "callto://{number}/{callerId}/{callerId}",
                None,
                "callto://+14155551212",
            ),
        ];
        for (template, caller, want) in cases {
            let t = Template::new(template).expect("valid template");
            assert_eq!(t.render("+14155551212", *caller), *want, "{template}");
        }
    }

    #[test]
    fn templates_are_checked() {
        assert_eq!(
            Template::new("callto://{callerId}").map_err(|e| e.to_string()),
            Err("link template “callto://{callerId}” has no {number} placeholder".to_owned())
        );
        assert_eq!(
            Template::new("callto://{number}/{from}").map_err(|e| e.to_string()),
            Err(
                "link template “callto://{number}/{from}” has an unknown placeholder {from}"
                    .to_owned()
            )
        );
        assert!(Template::new("callto://{number").is_err());
        assert_eq!(
            Template::new(DEFAULT_TEMPLATE).map(|t| t.as_str().to_owned()),
            Ok(DEFAULT_TEMPLATE.to_owned())
        );
    }
}
