//! One raw `tel:` value, with the settings and what the page knows of the call, to a dial
//! link — or the reason to leave it alone.
//!
//! [`Dialer`] checks the settings once, and [`dial_batch`] keeps the last one for the batches
//! that follow under the same settings (checking a pool of 1,000 costs more than a batch of
//! numbers); [`Dialer::dial`] reads the number, chooses
//! the caller ID ([`crate::choice`]) and fills the link template. `{number}` is E.164, or with
//! `dialedNumberFormat: national` the digits a caller in the default country dials for a
//! number of that country's calling code (`4155551212`, `02079460958`); a number of another
//! calling code stays E.164 then, as national digits would reach someone else from here.

use crate::choice::{Chooser, Reason};
use crate::error::{Skip, SkipCode};
use crate::link::Template;
use crate::numbering::country_plan;
use crate::numbering::number::parse;
use crate::place::{time_zones, Place};
use crate::settings::{
    country_at, template_at, NumberFormat, Settings, DEFAULT_COUNTRY, LINK_TEMPLATE,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

/// One value to dial and what the page knows about the call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialRequest {
    /// The raw `tel:` value or phone field text.
    pub raw: String,
    /// The raw text of the record's caller ID field, on that record's page.
    #[serde(default)]
    pub record_caller_id: Option<String>,
    /// The caller ID the agent chose for this call ("Call from…").
    #[serde(default)]
    pub choice: Option<String>,
}

impl DialRequest {
    /// A request for `raw` alone.
    pub fn raw(raw: &str) -> Self {
        DialRequest {
            raw: raw.to_owned(),
            ..DialRequest::default()
        }
    }
}

/// A number ready to dial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dial {
    /// The link to put in place of the `tel:` one.
    pub href: String,
    /// The number, E.164 (never with the phone extension), whatever `{number}` is in the
    /// link.
    pub number: String,
    /// The number for people, e.g. `+1 415-555-1212`.
    pub number_display: String,
    /// ISO 3166-1 alpha-2 country of the number (`001` for non-geographic numbers); `region`
    /// on the wire.
    #[serde(rename = "region")]
    pub country: String,
    /// The US state or Canadian province or territory (`US-CO`), when known.
    pub subdivision: Option<&'static str>,
    /// The NANP area code (`303`), for +1 numbers.
    pub area_code: Option<String>,
    /// The callee's IANA time zone, when exactly one is known.
    pub time_zone: Option<&'static str>,
    /// Every time zone the callee may be in ([`crate::place::time_zones`]): where the
    /// browser reads the local times calling hours are judged by.
    pub time_zones: Vec<&'static str>,
    /// The phone extension written after the number, if any (not dialled); `extension` on
    /// the wire.
    #[serde(rename = "extension")]
    pub phone_extension: Option<String>,
    /// The caller ID to present, E.164.
    pub caller_id: Option<String>,
    /// The caller ID for people.
    pub caller_id_display: Option<String>,
    /// The caller ID's pool label, when it is in the pool with one.
    pub caller_id_label: Option<String>,
    /// Why this caller ID: `reason` and `reasonDetail`.
    #[serde(flatten)]
    pub reason: Reason,
    /// The dialer the link is for: `8x8`, `Zoom Phone`, `Dialpad`, `phone` or `custom`.
    pub dialer: &'static str,
    /// Set when the record's caller ID field holds a value that is not used.
    pub warning: Option<String>,
}

/// Settings checked and ready to dial many numbers.
#[derive(Debug)]
pub struct Dialer {
    country: String,
    country_code: u16,
    template: Template,
    format: NumberFormat,
    chooser: Chooser,
}

impl Dialer {
    /// Checks `settings`: a skip with code `disabled` when the dialer is off, `settings` when
    /// a value is unusable (possible only for settings not read by [`crate::read_settings`]).
    pub fn new(settings: &Settings) -> Result<Dialer, Skip> {
        if !settings.enabled {
            return Err(Skip {
                code: SkipCode::Disabled,
                message: "the dialer is turned off in its settings".to_owned(),
            });
        }
        let unusable = |err: crate::error::SettingsError| Skip {
            code: SkipCode::Settings,
            message: err.to_string(),
        };
        let country = country_at(DEFAULT_COUNTRY, &settings.default_country).map_err(unusable)?;
        let country_code = country_plan::country(&country).map_or(0, |plan| plan.code());
        Ok(Dialer {
            country,
            country_code,
            template: template_at(LINK_TEMPLATE, &settings.link_template).map_err(unusable)?,
            format: settings.dialed_number_format,
            chooser: Chooser::new(settings).map_err(unusable)?,
        })
    }

    /// Reads one value and builds its link.
    pub fn dial(&self, request: &DialRequest) -> Result<Dial, Skip> {
        let number = parse(&request.raw, &self.country)?;
        let digits = number.e164.strip_prefix('+').unwrap_or_default();
        let place = Place::of(digits);
        let choice = self.chooser.choose(
            digits,
            &place,
            request.choice.as_deref(),
            request.record_caller_id.as_deref(),
        )?;
        let dialed = match self.format {
            NumberFormat::National if number.calling_code == self.country_code => {
                number.national_digits()
            }
            _ => number.e164.clone(),
        };
        let caller_id = choice.caller_id;
        Ok(Dial {
            href: self
                .template
                .render(&dialed, caller_id.as_ref().map(|id| id.value.as_str())),
            number_display: number.display,
            country: number.country,
            subdivision: place.subdivision(),
            area_code: place.area_code,
            time_zone: place.time_zone,
            time_zones: time_zones(digits),
            phone_extension: number.phone_extension,
            caller_id_display: caller_id.as_ref().map(|id| id.display.clone()),
            caller_id: caller_id.map(|id| id.value),
            caller_id_label: choice.label,
            reason: choice.reason,
            dialer: self.template.dialer(),
            warning: choice.warning,
            number: number.e164,
        })
    }
}

/// Dials each request with `settings`; when the settings stop all dialling (off, or
/// unusable), every request gets that skip.
pub fn dial_batch(requests: &[DialRequest], settings: &Settings) -> Vec<Result<Dial, Skip>> {
    match ready_dialer(settings).as_ref() {
        Ok(dialer) => requests.iter().map(|r| dialer.dial(r)).collect(),
        Err(skip) => requests.iter().map(|_| Err(skip.clone())).collect(),
    }
}

type Ready = Rc<Result<Dialer, Skip>>;

thread_local! {
    /// The settings of the last batch and their dialer.
    static LAST_DIALER: RefCell<Option<(Settings, Ready)>> = const { RefCell::new(None) };
}

/// The dialer for `settings`: the last batch's when they are the same.
fn ready_dialer(settings: &Settings) -> Ready {
    LAST_DIALER.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((cached, dialer)) = last.as_ref() {
            if cached == settings {
                return Rc::clone(dialer);
            }
        }
        let dialer = Rc::new(Dialer::new(settings));
        *last = Some((settings.clone(), Rc::clone(&dialer)));
        dialer
    })
}

/// Dials one raw value with `settings` and no context.
pub fn dial(raw: &str, settings: &Settings) -> Result<Dial, Skip> {
    Dialer::new(settings)?.dial(&DialRequest::raw(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{PoolNumber, Rule};

    #[test]
    fn batches_follow_changed_settings() {
        let with = |caller_id: &str| Settings {
            default_caller_id: caller_id.to_owned(),
            ..Settings::default()
        };
        let request = [DialRequest::raw("(415) 555-1212")];
        for caller_id in ["+18880001111", "+12125550100", "+18880001111"] {
            let results = dial_batch(&request, &with(caller_id));
            let dialed = results.first().and_then(|r| r.as_ref().ok());
            assert_eq!(dialed.and_then(|d| d.caller_id.as_deref()), Some(caller_id));
        }
        let off = Settings {
            enabled: false,
            ..with("+18880001111")
        };
        assert!(dial_batch(&request, &off).iter().all(Result::is_err));
    }

    fn settings(country: &str, caller_id: &str) -> Settings {
        Settings {
            default_country: country.to_owned(),
            default_caller_id: caller_id.to_owned(),
            ..Settings::default()
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
                country: "US".into(),
                subdivision: Some("US-CA"),
                area_code: Some("415".into()),
                time_zone: Some("America/Los_Angeles"),
                time_zones: vec!["America/Los_Angeles"],
                phone_extension: None,
                caller_id: Some("+18880001111".into()),
                caller_id_display: Some("+1 888-000-1111".into()),
                caller_id_label: None,
                reason: Reason::Default,
                dialer: "8x8",
                warning: None,
            }
        );
    }

    #[test]
    fn links_for_crm_values() {
        // (raw, country, caller ID, href, phone extension)
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
            assert_eq!(d.phone_extension.as_deref(), *ext, "{raw:?}");
            let want_reason = if caller.is_empty() {
                Reason::None
            } else {
                Reason::Default
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
                "unreadable",
                "“415-555-1212 ext” contains letters; only numbers spelt on the keypad (like 1-800-FLOWERS) are read",
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
        // (settings, code, message)
        let cases: Vec<(Settings, SkipCode, &str)> = vec![
            (
                Settings {
                    enabled: false,
                    default_caller_id: "bad".into(),
                    ..Settings::default()
                },
                SkipCode::Disabled,
                "the dialer is turned off in its settings",
            ),
            (
                settings("US", "8880001111"),
                SkipCode::Settings,
                "defaultCallerId: caller ID “8880001111” must start with + and the country calling code; write it in E.164, like +18880001111",
            ),
            (
                settings("XX", ""),
                SkipCode::Settings,
                "defaultCountry: “XX” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US",
            ),
            (
                Settings {
                    link_template: "javascript:{number}".into(),
                    ..Settings::default()
                },
                SkipCode::Settings,
                "linkTemplate: link template “javascript:{number}” uses the scheme javascript:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:",
            ),
            (
                Settings {
                    rules: vec![Rule {
                        target: "US-XX".into(),
                        caller_id: "+13035550100".into(),
                    }],
                    ..Settings::default()
                },
                SkipCode::Settings,
                "rules[0].region: “US-XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)",
            ),
            (
                Settings {
                    caller_ids: vec![PoolNumber {
                        number: "+1303".into(),
                        label: String::new(),
                    }],
                    ..Settings::default()
                },
                SkipCode::Settings,
                "callerIds[0].number: caller ID “+1303” is too short for country calling code +1: 3 digits after +1, expected 10 digits",
            ),
        ];
        for (s, code, message) in cases {
            let results = dial_batch(
                &[DialRequest::raw("+14155551212"), DialRequest::raw("x")],
                &s,
            );
            assert_eq!(results.len(), 2);
            for result in results {
                let skip = result.expect_err("stopped");
                assert_eq!((skip.code, skip.message.as_str()), (code, message));
            }
        }
    }

    #[test]
    fn templates_and_dialers() {
        // (template, dialer, href with the default caller ID, href without)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "callto://{number}/{callerId}",
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
            (
                "sip:{number}@pbx.example",
                "custom",
                "sip:+14155551212@pbx.example",
                "sip:+14155551212@pbx.example",
            ),
        ];
        for (template, dialer, with, without) in cases {
            for (caller, want) in [("+18880001111", with), ("", without)] {
                let s = Settings {
                    link_template: (*template).to_owned(),
                    ..settings("US", caller)
                };
                let d = dial("4155551212", &s).expect("dials");
                assert_eq!((d.href.as_str(), d.dialer), (*want, *dialer), "{template}");
            }
        }
    }

    #[test]
    fn national_format_is_used_within_the_default_country_calling_code() {
        // (raw, default country, template, href)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("(415) 555-1212", "US", "tel:{number}", "tel:4155551212"),
            ("+1 416 555 0123", "US", "tel:{number}", "tel:4165550123"),
            ("020 7946 0958", "GB", "tel:{number}", "tel:02079460958"),
            (
                "07400 123456",
                "GB",
                "callto://{number}/{callerId}",
                "callto://07400123456",
            ),
            ("030 123456", "DE", "tel:{number}", "tel:030123456"),
            ("+49 151 20484846", "DE", "tel:{number}", "tel:015120484846"),
            // Another calling code: national digits would reach someone else from here.
            (
                "+44 20 7946 0958",
                "US",
                "tel:{number}",
                "tel:+442079460958",
            ),
            ("+1 415 555 1212", "GB", "tel:{number}", "tel:+14155551212"),
        ];
        for (raw, country, template, href) in cases {
            let s = Settings {
                link_template: (*template).to_owned(),
                dialed_number_format: NumberFormat::National,
                ..settings(country, "")
            };
            let d = dial(raw, &s).expect("dials");
            assert_eq!(d.href, *href, "{raw:?}");
            assert!(d.number.starts_with('+'), "the number stays E.164");
        }
    }

    #[test]
    fn places_of_callees_are_returned() {
        // (raw, country, subdivision, area code, time zone)
        type Case = (
            &'static str,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "303-555-1234",
                "US",
                Some("US-CO"),
                Some("303"),
                Some("America/Denver"),
            ),
            (
                "+1 416 555 0123",
                "CA",
                Some("CA-ON"),
                Some("416"),
                Some("America/Toronto"),
            ),
            (
                "+1 787 555 1234",
                "PR",
                None,
                Some("787"),
                Some("America/Puerto_Rico"),
            ),
            ("1-800-FLOWERS", "US", None, Some("800"), None),
            ("+44 20 7946 0958", "GB", None, None, Some("Europe/London")),
            ("+800 1234 5678", "001", None, None, None),
        ];
        for &(raw, country, subdivision, area, zone) in cases {
            let d = dial(raw, &settings("US", "")).expect("dials");
            assert_eq!(d.country, country, "{raw}");
            assert_eq!(d.subdivision, subdivision, "{raw}");
            assert_eq!(d.area_code.as_deref(), area, "{raw}");
            assert_eq!(d.time_zone, zone, "{raw}");
        }
    }

    #[test]
    fn requests_carry_the_choice_and_the_record_value() {
        let s = Settings {
            caller_ids: vec![PoolNumber {
                number: "+13035550100".into(),
                label: "Denver".into(),
            }],
            ..settings("US", "+18880001111")
        };
        // (choice, record value, href, reason, label, warning)
        type Case = (
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (None, None, "callto://+14155551212/+18880001111", "default", None, None),
            (
                Some("+13035550100"),
                Some("+12125550100"),
                "callto://+14155551212/+13035550100",
                "choice",
                Some("Denver"),
                None,
            ),
            (
                None,
                Some(" +12125550100 "),
                "callto://+14155551212/+12125550100",
                "record",
                None,
                None,
            ),
            (
                None,
                Some("(212) 555-0100"),
                "callto://+14155551212/+18880001111",
                "default",
                None,
                Some("the record's FromCallerID__c value is not used: caller ID “(212) 555-0100” must start with + and the country calling code; write it in E.164, like +18880001111"),
            ),
        ];
        for &(choice, record, href, reason, label, warning) in cases {
            let request = DialRequest {
                raw: "4155551212".into(),
                record_caller_id: record.map(str::to_owned),
                choice: choice.map(str::to_owned),
            };
            let d = dial_batch(&[request], &s)
                .pop()
                .expect("one result")
                .expect("dials");
            assert_eq!(d.href, href, "{choice:?} {record:?}");
            assert_eq!(d.reason.code(), reason, "{choice:?} {record:?}");
            assert_eq!(d.caller_id_label.as_deref(), label, "{choice:?} {record:?}");
            assert_eq!(d.warning.as_deref(), warning, "{choice:?} {record:?}");
        }
        let bad_choice = DialRequest {
            raw: "4155551212".into(),
            record_caller_id: None,
            choice: Some("+1303".into()),
        };
        let skip = dial_batch(&[bad_choice], &s)
            .pop()
            .expect("one result")
            .expect_err("an unusable choice is not replaced by another caller ID");
        assert_eq!(skip.code, SkipCode::CallerId);
        assert_eq!(
            skip.message,
            "the chosen caller ID “+1303” is too short for country calling code +1: 3 digits after +1, expected 10 digits"
        );
    }

    #[test]
    fn requests_deserialize_from_js_shapes() {
        let cases: &[(&str, DialRequest)] = &[
            (r#"{"raw":"4155551212"}"#, DialRequest::raw("4155551212")),
            (
                r#"{"raw":"1","recordCallerId":null,"choice":"+18880001111","other":1}"#,
                DialRequest {
                    raw: "1".into(),
                    record_caller_id: None,
                    choice: Some("+18880001111".into()),
                },
            ),
            (
                r#"{"raw":"1","recordCallerId":"+18880001111"}"#,
                DialRequest {
                    raw: "1".into(),
                    record_caller_id: Some("+18880001111".into()),
                    choice: None,
                },
            ),
        ];
        for (json, want) in cases {
            let got: DialRequest = serde_json::from_str(json).expect("a request");
            assert_eq!(&got, want, "{json}");
        }
    }

    #[test]
    fn results_serialize_in_the_js_shape() {
        let d = dial("4155551212", &settings("US", "+18880001111")).expect("dials");
        let json = serde_json::to_value(&d).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({
                "href": "callto://+14155551212/+18880001111",
                "number": "+14155551212",
                "numberDisplay": "+1 415-555-1212",
                "region": "US",
                "subdivision": "US-CA",
                "areaCode": "415",
                "timeZone": "America/Los_Angeles",
                "timeZones": ["America/Los_Angeles"],
                "extension": null,
                "callerId": "+18880001111",
                "callerIdDisplay": "+1 888-000-1111",
                "callerIdLabel": null,
                "reason": "default",
                "reasonDetail": null,
                "dialer": "8x8",
                "warning": null,
            })
        );
    }
}
