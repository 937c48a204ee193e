//! One raw `tel:` value plus the settings to a dial link, or the reason to leave it alone.

use crate::caller_id::check_caller_id;
use crate::error::{Skip, SkipCode};
use crate::link::Template;
use crate::number::parse;
use crate::settings::Settings;
use serde::Serialize;

/// Where the caller ID came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CallerIdReason {
    /// The default caller ID from settings.
    Default,
    /// No caller ID: 8x8 presents the user's own.
    None,
}

impl CallerIdReason {
    /// The reason as the extension sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            CallerIdReason::Default => "default",
            CallerIdReason::None => "none",
        }
    }
}

/// A number ready to dial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dial {
    /// The link to put in place of the `tel:` one.
    pub href: String,
    /// The number to dial, E.164 (never with the extension).
    pub number: String,
    /// The number for people, e.g. `+1 415-555-1212`.
    pub number_display: String,
    /// ISO 3166-1 alpha-2 region of the number (`001` for non-geographic numbers).
    pub region: String,
    /// The extension written after the number, if any (not dialled).
    pub extension: Option<String>,
    /// The caller ID to present, E.164.
    pub caller_id: Option<String>,
    /// The caller ID for people.
    pub caller_id_display: Option<String>,
    /// Where the caller ID came from.
    pub reason: CallerIdReason,
}

/// Reads `raw` with `settings` and builds the 8x8 link.
pub fn dial(raw: &str, settings: &Settings) -> Result<Dial, Skip> {
    dial_with(raw, settings, &Template::default())
}

/// [`dial`] with another link template.
pub fn dial_with(raw: &str, settings: &Settings, template: &Template) -> Result<Dial, Skip> {
    if !settings.enabled {
        return Err(Skip {
            code: SkipCode::Disabled,
            message: "the dialer is turned off in its settings".to_owned(),
        });
    }
    let caller = if settings.default_caller_id.is_empty() {
        None
    } else {
        Some(
            check_caller_id(&settings.default_caller_id).map_err(|err| Skip {
                code: SkipCode::Settings,
                message: format!("the default {err}"),
            })?,
        )
    };
    let number = parse(raw, &settings.default_country)?;
    let href = template.render(&number.e164, caller.as_ref().map(|c| c.value.as_str()));
    let reason = if caller.is_some() {
        CallerIdReason::Default
    } else {
        CallerIdReason::None
    };
    Ok(Dial {
        href,
        number: number.e164,
        number_display: number.display,
        region: number.region,
        extension: number.extension,
        caller_id_display: caller.as_ref().map(|c| c.display.clone()),
        caller_id: caller.map(|c| c.value),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(country: &str, caller_id: &str) -> Settings {
        Settings {
            enabled: true,
            default_country: country.to_owned(),
            default_caller_id: caller_id.to_owned(),
        }
    }

    #[test]
    fn the_product_example() {
        let d = dial("4155551212", &settings("US", "+18880001111")).expect("dials");
        assert_eq!(
            d,
            Dial {
                href: "callto://+14155551212/+18880001111".into(),
                number: "+14155551212".into(),
                number_display: "+1 415-555-1212".into(),
                region: "US".into(),
                extension: None,
                caller_id: Some("+18880001111".into()),
                caller_id_display: Some("+1 888-000-1111".into()),
                reason: CallerIdReason::Default,
            }
        );
    }

    #[test]
    fn links_for_crm_values() {
        // (raw, country, caller ID, href, extension)
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            ("(415) 555-1212", "US", "", "callto://+14155551212", None),
            (
                "+44 20 7946 0958",
                "US",
                "+18880001111",
                "callto://+442079460958/+18880001111",
                None,
            ),
            (
                "415.555.1212 x23",
                "US",
                "+18880001111",
                "callto://+14155551212/+18880001111",
                Some("23"),
            ),
            (
                "+49 151 20484846",
                "US",
                "",
                "callto://+4915120484846",
                None,
            ),
            ("+353 1 222 0624", "US", "", "callto://+35312220624", None),
            (
                "１-８００-３５６-９３７７",
                "US",
                "",
                "callto://+18003569377",
                None,
            ),
            ("1-800-FLOWERS", "US", "", "callto://+18003569377", None),
            ("1-800-GO-FEDEX", "US", "", "callto://+18004633339", None),
            ("٤١٥٥٥٥١٢١٢", "US", "", "callto://+14155551212", None),
            (
                "tel:+1-415-555-1212;ext=23",
                "US",
                "",
                "callto://+14155551212",
                Some("23"),
            ),
            ("020 7946 0958", "GB", "", "callto://+442079460958", None),
            ("415%20555%201212", "US", "", "callto://+14155551212", None),
        ];
        for (raw, country, caller, href, ext) in cases {
            let d = dial(raw, &settings(country, caller)).expect("dials");
            assert_eq!(d.href, *href, "{raw:?}");
            assert_eq!(d.extension.as_deref(), *ext, "{raw:?}");
            let want_reason = if caller.is_empty() {
                CallerIdReason::None
            } else {
                CallerIdReason::Default
            };
            assert_eq!(d.reason, want_reason, "{raw:?}");
            assert_eq!(d.caller_id.is_some(), !caller.is_empty(), "{raw:?}");
        }
    }

    #[test]
    fn values_not_read_with_confidence_are_skipped() {
        let cases: &[(&str, &str, &str)] = &[
            ("555-12", "invalid", "“555-12” is not a valid phone number for US"),
            ("", "empty", "the phone field is empty"),
            (
                "hello",
                "unreadable",
                "“hello” contains letters; only numbers spelt on the keypad (like 1-800-FLOWERS) are read",
            ),
            (
                "+999 555 1212",
                "unknown-country",
                "“+999 555 1212” does not continue with a known country calling code after +",
            ),
            (
                "४१५५५५१२१२",
                "unreadable",
                "“४१५५५५१२१२” is written with digits such as “४” that are not read; write it with 0-9",
            ),
            (
                "+1\u{200E}415 555 1212",
                "unreadable",
                "“+1\\u{200E}415 555 1212” contains U+200E, which is not part of a phone number",
            ),
            (
                "Order 100234567",
                "unreadable",
                "“Order 100234567” contains letters; only numbers spelt on the keypad (like 1-800-FLOWERS) are read",
            ),
            (
                "415-555-1212 ext",
                "invalid",
                "“415-555-1212 ext” is not a valid phone number for US",
            ),
        ];
        for (raw, code, message) in cases {
            let skip = dial(raw, &settings("US", "")).expect_err("skipped");
            assert_eq!(skip.code.as_str(), *code, "{raw:?}");
            assert_eq!(skip.message, *message, "{raw:?}");
        }
    }

    #[test]
    fn settings_can_stop_dialling() {
        let off = Settings {
            enabled: false,
            ..Settings::default()
        };
        assert_eq!(
            dial("4155551212", &off).map_err(|s| s.code),
            Err(SkipCode::Disabled)
        );
        let bad_caller = settings("US", "8880001111");
        let skip = dial("4155551212", &bad_caller).expect_err("bad caller ID");
        assert_eq!(skip.code, SkipCode::Settings);
        assert!(
            skip.message
                .starts_with("the default caller ID “8880001111”"),
            "{}",
            skip.message
        );
        let bad_country = settings("XX", "");
        let skip = dial("4155551212", &bad_country).expect_err("bad country");
        assert_eq!(skip.code, SkipCode::Settings);
        // A number with + does not need the default country.
        assert!(dial("+14155551212", &bad_country).is_ok());
    }

    #[test]
    fn other_templates_drop_a_missing_caller_id() {
        let t = Template::new("tel:{number}").expect("valid");
        let d = dial_with("4155551212", &settings("US", "+18880001111"), &t).expect("dials");
        assert_eq!(d.href, "tel:+14155551212");
    }
}
