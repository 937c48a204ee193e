//! The strict check, for saving from the popup and importing a file: any finding refuses.

use super::keys::check;
use super::{FieldMessage, Settings, StoredValue};
use crate::error::SettingsError;
use serde::Serialize;

/// What [`validate_settings`] returns: the settings and what is worth knowing about them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Validated {
    /// The settings, with defaults for missing keys.
    pub settings: Settings,
    /// Caller IDs accepted though the numbering plan does not list them.
    pub warnings: Vec<FieldMessage>,
}

/// The strict check for saving and import: the settings (defaults for missing keys), or the
/// first problem.
pub fn validate_settings(candidate: &StoredValue) -> Result<Validated, SettingsError> {
    let mut checked = check(candidate);
    if !checked.findings.is_empty() {
        return Err(checked.findings.swap_remove(0).error);
    }
    Ok(Validated {
        settings: checked.settings,
        warnings: checked.warnings.into_iter().map(|w| w.note).collect(),
    })
}

/// Every problem [`validate_settings`] would refuse `candidate` for; empty when valid.
pub fn settings_problems(candidate: &StoredValue) -> Vec<FieldMessage> {
    check(candidate)
        .findings
        .iter()
        .map(|finding| FieldMessage::from(&finding.error))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::keys::*;
    use super::super::test_values::*;
    use super::super::{NumberFormat, PoolNumber, Rule};
    use super::*;
    use crate::calling_hours::{
        CallingSettings, Mode, CALLING_HOURS, DO_NOT_CALL, DO_NOT_CALL_FIELD,
    };
    use crate::error::Quoted;

    #[test]
    fn good_values_are_used() {
        let stored = obj(&[
            (ENABLED, StoredValue::Bool(false)),
            (DEFAULT_COUNTRY, s("GB")),
            (DEFAULT_CALLER_ID, s("+442079460001")),
            (
                CALLER_IDS,
                list(&[
                    pool_entry("+13035550100", "Denver"),
                    obj(&[("number", s("+12125550100"))]),
                ]),
            ),
            (
                RULES,
                list(&[rule("US-CA", "+14155550100"), rule("+1212", "+12125550100")]),
            ),
            (LOCAL_PRESENCE, StoredValue::Bool(false)),
            (RECORD_CALLER_ID_FIELD, s("Caller_ID__c")),
            (LINK_TEMPLATE, s("tel:{number}")),
            (DIALED_NUMBER_FORMAT, s("national")),
            (CALLING_HOURS, s("block")),
            (DO_NOT_CALL, s("off")),
            (DO_NOT_CALL_FIELD, s("Do_Not_Call__c")),
        ]);
        let validated = validate_settings(&stored).expect("valid");
        assert_eq!(
            validated.settings,
            Settings {
                enabled: false,
                default_country: "GB".into(),
                default_caller_id: "+442079460001".into(),
                caller_ids: vec![
                    PoolNumber {
                        number: "+13035550100".into(),
                        label: "Denver".into()
                    },
                    PoolNumber {
                        number: "+12125550100".into(),
                        label: String::new()
                    },
                ],
                rules: vec![
                    Rule {
                        target: "US-CA".into(),
                        caller_id: "+14155550100".into()
                    },
                    Rule {
                        target: "+1212".into(),
                        caller_id: "+12125550100".into()
                    },
                ],
                local_presence: false,
                record_caller_id_field: "Caller_ID__c".into(),
                link_template: "tel:{number}".into(),
                dialed_number_format: NumberFormat::National,
                calling: CallingSettings {
                    calling_hours: Mode::Block,
                    do_not_call: Mode::Off,
                    do_not_call_field: "Do_Not_Call__c".into(),
                    ..CallingSettings::default()
                },
            }
        );
        assert_eq!(settings_problems(&stored), vec![]);
        // The empty record field turns the record step off.
        let off = validate_settings(&obj(&[(RECORD_CALLER_ID_FIELD, s(""))])).expect("valid");
        assert_eq!(off.settings.record_caller_id_field, "");
    }

    #[test]
    fn every_refusal_names_its_field() {
        let long_label = "L".repeat(61);
        // (key, stored value, [(field, message)])
        type Case<'a> = (&'a str, StoredValue, Vec<(&'a str, String)>);
        let cases: Vec<Case> = vec![
            (ENABLED, s("yes"), vec![("enabled", "enabled: must be true or false, not the string “yes”".into())]),
            (LOCAL_PRESENCE, StoredValue::Null, vec![("localPresence", "localPresence: must be true or false, not null".into())]),
            (DEFAULT_COUNTRY, s("XX"), vec![("defaultCountry", "defaultCountry: “XX” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US".into())]),
            (DEFAULT_COUNTRY, s("us"), vec![("defaultCountry", "defaultCountry: “us” is not a country the phone number database knows; use an upper-case ISO 3166-1 alpha-2 code such as US".into())]),
            (DEFAULT_COUNTRY, StoredValue::Number(1.0), vec![("defaultCountry", "defaultCountry: must be a country code string such as \"US\", not the number 1".into())]),
            (DEFAULT_CALLER_ID, s("+1 (888) 000-1111"), vec![("defaultCallerId", "defaultCallerId: caller ID “+1 (888) 000-1111” contains a space; write it in E.164, like +18880001111 (only + and digits) (did you mean +18880001111?)".into())]),
            (DEFAULT_CALLER_ID, s("8880001111"), vec![("defaultCallerId", "defaultCallerId: caller ID “8880001111” must start with + and the country calling code; write it in E.164, like +18880001111".into())]),
            (DEFAULT_CALLER_ID, list(&[]), vec![("defaultCallerId", "defaultCallerId: must be an E.164 string such as \"+18880001111\", or \"\", not an array".into())]),
            (CALLER_IDS, s("+18880001111"), vec![("callerIds", "callerIds: must be a list of {\"number\", \"label\"} entries, not the string “+18880001111”".into())]),
            (CALLER_IDS, list(&[s("+18880001111")]), vec![("callerIds[0]", "callerIds[0]: must be an object with number and label, not the string “+18880001111”".into())]),
            (CALLER_IDS, list(&[obj(&[("label", s("Main"))])]), vec![("callerIds[0].number", "callerIds[0].number: missing".into())]),
            (CALLER_IDS, list(&[obj(&[("number", StoredValue::Number(5.0))])]), vec![("callerIds[0].number", "callerIds[0].number: must be an E.164 string such as \"+18880001111\", not the number 5".into())]),
            (CALLER_IDS, list(&[pool_entry("", "Main")]), vec![("callerIds[0].number", "callerIds[0].number: the caller ID is empty; write it in E.164, like +18880001111".into())]),
            (CALLER_IDS, list(&[pool_entry("+1888", "Main")]), vec![("callerIds[0].number", "callerIds[0].number: caller ID “+1888” is too short for country calling code +1: 3 digits after +1, expected 10 digits".into())]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", &long_label)]), vec![("callerIds[0].label", format!("callerIds[0].label: label {} has 61 characters; at most 60 are allowed", Quoted::new(&long_label)))]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", "Main\nline")]), vec![("callerIds[0].label", "callerIds[0].label: label “Main\\u{000A}line” contains the control character U+000A".into())]),
            (CALLER_IDS, list(&[obj(&[("number", s("+18880001111")), ("label", StoredValue::Bool(true))])]), vec![("callerIds[0].label", "callerIds[0].label: must be a string, not the boolean true".into())]),
            (CALLER_IDS, list(&[obj(&[("number", s("+1")), ("label", s("a\u{7}"))])]), vec![
                ("callerIds[0].number", "callerIds[0].number: caller ID “+1” is too short for country calling code +1: 0 digits after +1, expected 10 digits".into()),
                ("callerIds[0].label", "callerIds[0].label: label “a\\u{0007}” contains the control character U+0007".into()),
            ]),
            (CALLER_IDS, list(&[obj(&[("number", s("+18880001111")), ("colour", s("red"))])]), vec![("callerIds[0].colour", "callerIds[0].colour: unknown key; an entry has number and label".into())]),
            (CALLER_IDS, list(&[pool_entry("+18880001111", "A"), pool_entry("+13035550100", "B"), pool_entry("+18880001111", "C")]), vec![("callerIds[2].number", "callerIds[2].number: +18880001111 is listed twice (first at callerIds[0])".into())]),
            (RULES, obj(&[]), vec![("rules", "rules: must be a list of {\"region\", \"callerId\"} entries, not an object".into())]),
            (RULES, list(&[StoredValue::Null]), vec![("rules[0]", "rules[0]: must be an object with region and callerId, not null".into())]),
            (RULES, list(&[obj(&[])]), vec![
                ("rules[0].region", "rules[0].region: missing".into()),
                ("rules[0].callerId", "rules[0].callerId: missing".into()),
            ]),
            (RULES, list(&[rule("GB", "+442079460001"), rule("CA-ON", "+14165550100"), rule("US-XX", "+12125550100")]), vec![("rules[2].region", "rules[2].region: “US-XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212)".into())]),
            (RULES, list(&[rule("+1 212", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+1 212” is not an E.164 prefix: it contains a space (write + and digits only, like +1212)".into())]),
            (RULES, list(&[rule("+999", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+999” is not an E.164 prefix: it does not start with a known country calling code".into())]),
            (RULES, list(&[rule("+1", "+12125550100")]), vec![("rules[0].region", "rules[0].region: “+1” is not an E.164 prefix: it has 1 digits after +, expected 2 to 15".into())]),
            (RULES, list(&[obj(&[("region", StoredValue::Number(44.0)), ("callerId", s("+12125550100"))])]), vec![("rules[0].region", "rules[0].region: must be a string such as \"GB\", \"US-CA\" or \"+1212\", not the number 44".into())]),
            (RULES, list(&[rule("GB", "020 7946 0001")]), vec![("rules[0].callerId", "rules[0].callerId: caller ID “020 7946 0001” must start with + and the country calling code; write it in E.164, like +18880001111".into())]),
            (RULES, list(&[rule("US-CA", "+14155550100"), rule("US-CA", "+14155550101")]), vec![("rules[1].region", "rules[1].region: US-CA is listed twice (first at rules[0])".into())]),
            (RULES, list(&[obj(&[("region", s("GB")), ("callerId", s("+442079460001")), ("note", s("x"))])]), vec![("rules[0].note", "rules[0].note: unknown key; an entry has region and callerId".into())]),
            (RECORD_CALLER_ID_FIELD, s("From Caller ID"), vec![("recordCallerIdField", "recordCallerIdField: “From Caller ID” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor \"\" for none".into())]),
            (RECORD_CALLER_ID_FIELD, s("_x"), vec![("recordCallerIdField", "recordCallerIdField: “_x” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor \"\" for none".into())]),
            (RECORD_CALLER_ID_FIELD, StoredValue::Bool(false), vec![("recordCallerIdField", "recordCallerIdField: must be a field API name string such as \"FromCallerID__c\", or \"\", not the boolean false".into())]),
            (LINK_TEMPLATE, s("javascript:alert({number})"), vec![("linkTemplate", "linkTemplate: link template “javascript:alert({number})” uses the scheme javascript:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:".into())]),
            (LINK_TEMPLATE, s("https://dial.example/{number}"), vec![("linkTemplate", "linkTemplate: link template “https://dial.example/{number}” uses the scheme https:, which does not call a dialer (it opens pages or files, or runs code); use the dialer's own scheme, such as callto:".into())]),
            (LINK_TEMPLATE, s("callto://{callerId}"), vec![("linkTemplate", "linkTemplate: link template “callto://{callerId}” has no {number} placeholder".into())]),
            (LINK_TEMPLATE, s("callto://{number}/{from}"), vec![("linkTemplate", "linkTemplate: link template “callto://{number}/{from}” has an unknown placeholder {from}".into())]),
            (LINK_TEMPLATE, StoredValue::Null, vec![("linkTemplate", "linkTemplate: must be a link template string such as \"callto://{number}/{callerId}\", not null".into())]),
            (DIALED_NUMBER_FORMAT, s("E164"), vec![("dialedNumberFormat", "dialedNumberFormat: “E164” is not a number format; use \"e164\" or \"national\"".into())]),
            (DIALED_NUMBER_FORMAT, StoredValue::Bool(true), vec![("dialedNumberFormat", "dialedNumberFormat: must be \"e164\" or \"national\", not the boolean true".into())]),
            ("theme", s("dark"), vec![("theme", "theme: unknown setting".into())]),
        ];
        for (key, value, want) in cases {
            let candidate = obj(&[(key, value.clone())]);
            let got = settings_problems(&candidate);
            let want: Vec<FieldMessage> = want
                .into_iter()
                .map(|(field, message)| FieldMessage {
                    field: field.to_owned(),
                    message,
                })
                .collect();
            assert_eq!(got, want, "{key} {value:?}");
            let first = validate_settings(&candidate).expect_err("refused");
            assert_eq!(Some(&FieldMessage::from(&first)), want.first());
        }
    }
}
