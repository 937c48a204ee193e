//! Link templates: where the number and the caller ID go in the dialer's URL.
//!
//! A template has a `{number}` placeholder and may have a `{callerId}` one; the 8x8 default is
//! `callto://{number}/{callerId}`, and [`PRESETS`] lists the dialers the popup offers. When
//! no caller ID applies, the `{callerId}` placeholder is removed together with what only
//! exists to carry it: a `/` path separator before it, or a whole `name={callerId}` query
//! parameter. Values in a query are percent-encoded (a `+` there would read as a space);
//! values in the path are inserted as they are.
//!
//! A template must hand the number to a dialer, never to a web page, a file, the browser or
//! a script: it must start with a scheme of the usual shape (a letter, then letters, digits,
//! `+`, `-` or `.`) that is not one of [`DENIED_SCHEMES`] (nor a `web+…` or `ext+…` handler,
//! which open web and extension pages), and may contain no space or control character.

use crate::error::{describe_char, Quoted, TemplateError};
use serde::Serialize;

/// The 8x8 Work for Desktop `callto:` protocol: number to dial, then caller ID to present.
pub const DEFAULT_TEMPLATE: &str = "callto://{number}/{callerId}";

/// What [`Template::dialer`] answers for a template that is not a preset.
pub const CUSTOM_DIALER: &str = "custom";

const NUMBER: &str = "{number}";
const CALLER_ID: &str = "{callerId}";

/// A dialer the popup offers, with its link template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// Stable id for the popup: `8x8`, `votel`, `zoom`, `dialpad`, `tel`.
    pub id: &'static str,
    /// The dialer's name, also what [`Template::dialer`] answers: `8x8` (both
    /// its forms), `Zoom Phone`, `Dialpad`, `phone`.
    pub name: &'static str,
    /// The link template.
    pub template: &'static str,
}

/// The dialers the popup offers; the first is the default.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "8x8",
        name: "8x8",
        template: DEFAULT_TEMPLATE,
    },
    // 8x8's second link form, documented for CRMs other than Salesforce.
    Preset {
        id: "votel",
        name: "8x8",
        template: "votel://{number}/{callerId}",
    },
    Preset {
        id: "zoom",
        name: "Zoom Phone",
        template: "zoomphonecall://{number}?callerid={callerId}",
    },
    Preset {
        id: "dialpad",
        name: "Dialpad",
        template: "dialpad://{number}?fromNumber={callerId}",
    },
    Preset {
        id: "tel",
        name: "phone",
        template: "tel:{number}",
    },
];

/// Schemes a template may not use (compared lower-case): scripts, web and file access,
/// browser and extension pages, and Windows handlers known to be abused from links.
pub const DENIED_SCHEMES: &[&str] = &[
    "about",
    "blob",
    "brave",
    "chrome",
    "chrome-extension",
    "chrome-search",
    "chrome-untrusted",
    "cifs",
    "data",
    "devtools",
    "edge",
    "file",
    "filesystem",
    "ftp",
    "ftps",
    "http",
    "https",
    "intent",
    "its",
    "jar",
    "javascript",
    "jscript",
    "livescript",
    "mk",
    "moz-extension",
    "ms-browser-extension",
    "ms-its",
    "ms-msdt",
    "ms-officecmd",
    "opera",
    "res",
    "resource",
    "safari-extension",
    "search",
    "search-ms",
    "sftp",
    "smb",
    "vbscript",
    "view-source",
    "vivaldi",
    "ws",
    "wss",
];

/// Scheme prefixes a template may not use: handlers registered by web pages and extensions.
const DENIED_SCHEME_PREFIXES: &[&str] = &["web+", "ext+"];

/// A checked link template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template(String);

impl Default for Template {
    fn default() -> Self {
        Template(DEFAULT_TEMPLATE.to_owned())
    }
}

impl Template {
    /// Checks a template: no space or control character, a safe scheme, `{number}`, and no
    /// other placeholder than `{callerId}`.
    pub fn new(template: &str) -> Result<Self, TemplateError> {
        if let Some(bad) = template
            .chars()
            .find(|c| c.is_whitespace() || c.is_control())
        {
            return Err(TemplateError::ForbiddenCharacter {
                template: Quoted::new(template),
                found: describe_char(bad),
            });
        }
        let scheme = scheme(template).ok_or_else(|| TemplateError::NoScheme {
            template: Quoted::new(template),
        })?;
        if DENIED_SCHEMES.contains(&scheme.as_str())
            || DENIED_SCHEME_PREFIXES
                .iter()
                .any(|prefix| scheme.starts_with(prefix))
        {
            return Err(TemplateError::UnsafeScheme {
                template: Quoted::new(template),
                scheme,
            });
        }
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

    /// The name of the preset dialer this template is (`8x8`, `Zoom Phone`, `Dialpad`,
    /// `phone`), or [`CUSTOM_DIALER`].
    pub fn dialer(&self) -> &'static str {
        PRESETS
            .iter()
            .find(|preset| preset.template == self.0)
            .map_or(CUSTOM_DIALER, |preset| preset.name)
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

/// The scheme of `template`, lower-case, when it starts with one of the usual shape.
fn scheme(template: &str) -> Option<String> {
    let (scheme, _) = template.split_once(':')?;
    let mut chars = scheme.chars();
    let shaped = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    shaped.then(|| scheme.to_ascii_lowercase())
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
    fn presets_with_and_without_caller_id() {
        // (template, dialer, with caller ID, without)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                DEFAULT_TEMPLATE,
                "8x8",
                "callto://+14155551212/+18880001111",
                "callto://+14155551212",
            ),
            (
                "zoomphonecall://{number}?callerid={callerId}",
                "Zoom Phone",
                "zoomphonecall://+14155551212?callerid=%2B18880001111",
                "zoomphonecall://+14155551212",
            ),
            (
                "votel://{number}/{callerId}",
                "8x8",
                "votel://+14155551212/+18880001111",
                "votel://+14155551212",
            ),
            (
                "dialpad://{number}?fromNumber={callerId}",
                "Dialpad",
                "dialpad://+14155551212?fromNumber=%2B18880001111",
                "dialpad://+14155551212",
            ),
            (
                "tel:{number}",
                "phone",
                "tel:+14155551212",
                "tel:+14155551212",
            ),
        ];
        assert_eq!(cases.len(), PRESETS.len());
        for (template, dialer, with, without) in cases {
            let t = Template::new(template).expect("presets are valid");
            assert_eq!(t.dialer(), *dialer, "{template}");
            assert_eq!(t.render("+14155551212", Some("+18880001111")), *with);
            assert_eq!(t.render("+14155551212", None), *without);
        }
        for preset in PRESETS {
            assert_eq!(
                Template::new(preset.template).map(|t| t.dialer()),
                Ok(preset.name)
            );
        }
        assert_eq!(Template::default().as_str(), PRESETS[0].template);
    }

    #[test]
    fn custom_templates() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "x-dialer:call?to={number}&from={callerId}",
                Some("+18880001111"),
                "x-dialer:call?to=%2B14155551212&from=%2B18880001111",
            ),
            (
                "x-dialer:call?to={number}&from={callerId}",
                None,
                "x-dialer:call?to=%2B14155551212",
            ),
            (
                "x-dialer:call?from={callerId}&to={number}",
                None,
                "x-dialer:call?to=%2B14155551212",
            ),
            (
                "x-dialer://call/{number}?from={callerId}",
                None,
                "x-dialer://call/+14155551212",
            ),
            (
                "x-dialer://call/{number}?from={callerId}",
                Some("+18880001111"),
                "x-dialer://call/+14155551212?from=%2B18880001111",
            ),
            ("x:{callerId}:{number}", None, "x::+14155551212"),
            (
                "callto://{number}/{callerId}/{callerId}",
                None,
                "callto://+14155551212",
            ),
            (
                "sip:{number}@pbx.example",
                None,
                "sip:+14155551212@pbx.example",
            ),
            ("CallTo:{number}", None, "CallTo:+14155551212"),
        ];
        for (template, caller, want) in cases {
            let t = Template::new(template).expect("valid template");
            assert_eq!(t.dialer(), CUSTOM_DIALER, "{template}");
            assert_eq!(t.render("+14155551212", *caller), *want, "{template}");
        }
    }

    #[test]
    fn templates_are_checked() {
        let cases: &[(&str, &str)] = &[
            (
                "callto://{callerId}",
                "link template “callto://{callerId}” has no {number} placeholder",
            ),
            (
                "callto://{number}/{from}",
                "link template “callto://{number}/{from}” has an unknown placeholder {from}",
            ),
            (
                "callto://{number",
                "link template “callto://{number” has an unknown placeholder {number",
            ),
            (
                "callto://{number} ",
                "link template “callto://{number} ” contains a space, which a link cannot contain",
            ),
            (
                "java\tscript:{number}",
                "link template “java\\u{0009}script:{number}” contains a tab, which a link cannot contain",
            ),
            (
                "{number}",
                "link template “{number}” must start with the dialer's scheme, such as callto: (a letter, then letters, digits, +, - or ., then :)",
            ),
            (
                "",
                "link template “” must start with the dialer's scheme, such as callto: (a letter, then letters, digits, +, - or ., then :)",
            ),
            (
                "1tel:{number}",
                "link template “1tel:{number}” must start with the dialer's scheme, such as callto: (a letter, then letters, digits, +, - or ., then :)",
            ),
            (
                "//evil.example/{number}",
                "link template “//evil.example/{number}” must start with the dialer's scheme, such as callto: (a letter, then letters, digits, +, - or ., then :)",
            ),
        ];
        for (template, message) in cases {
            assert_eq!(
                Template::new(template).map_err(|e| e.to_string()),
                Err((*message).to_owned()),
                "{template:?}"
            );
        }
    }

    #[test]
    fn unsafe_schemes_are_refused() {
        let cases: &[(&str, &str)] = &[
            ("javascript:alert({number})", "javascript"),
            ("JavaScript:alert({number})", "javascript"),
            ("vbscript:{number}", "vbscript"),
            ("data:text/html,{number}", "data"),
            ("http://dial.example/{number}", "http"),
            ("https://dial.example/?n={number}", "https"),
            ("HTTPS://dial.example/?n={number}", "https"),
            ("file:///C:/dial.exe?{number}", "file"),
            ("blob:https://x.example/{number}", "blob"),
            ("about:blank#{number}", "about"),
            ("chrome://settings/{number}", "chrome"),
            ("chrome-extension://abc/{number}", "chrome-extension"),
            ("moz-extension://abc/{number}", "moz-extension"),
            ("view-source:{number}", "view-source"),
            ("ftp://x.example/{number}", "ftp"),
            ("wss://x.example/{number}", "wss"),
            ("ms-msdt:{number}", "ms-msdt"),
            ("search-ms:query={number}", "search-ms"),
            ("web+dial:{number}", "web+dial"),
            ("ext+dial:{number}", "ext+dial"),
        ];
        for (template, scheme) in cases {
            let message = format!(
                "link template {} uses the scheme {scheme}:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:",
                Quoted::new(template)
            );
            assert_eq!(
                Template::new(template).map_err(|e| e.to_string()),
                Err(message),
                "{template}"
            );
        }
    }
}
