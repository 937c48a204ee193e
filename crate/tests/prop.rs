//! Property tests: no input, however odd, makes the core panic, and whatever it accepts has
//! the shape it promises.

use dialer_core::{
    check_caller_id, countries, dial, normalize, read_settings, suggest_caller_id,
    validate_settings, Settings, Stored, StoredValue,
};
use proptest::prelude::*;

/// Strings shaped like phone fields: digits of several scripts, pluses, punctuation,
/// extension labels, RFC 3966 pieces, letters and invisible characters.
fn phone_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,4}",
        "[０-９]{1,3}",
        "[٠-٩]{1,3}",
        "[۰-۹]{1,3}",
        "[०-९]{1,3}",
        Just("+".to_owned()),
        Just("＋".to_owned()),
        "[ ()\\-./\\[\\]~#,;:]",
        Just(" x".to_owned()),
        Just(" ext. ".to_owned()),
        Just(";ext=".to_owned()),
        Just(";phone-context=".to_owned()),
        Just("tel:".to_owned()),
        Just("%20".to_owned()),
        Just("%".to_owned()),
        "[A-Za-z]{1,3}",
        "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{00A0}\u{00AD}\u{3000}]",
        "\\PC",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|parts| parts.concat())
}

fn stored_value() -> impl Strategy<Value = StoredValue> {
    prop_oneof![
        Just(StoredValue::Null),
        any::<bool>().prop_map(StoredValue::Bool),
        any::<f64>().prop_map(StoredValue::Number),
        any::<String>().prop_map(StoredValue::String),
        "[A-Z]{2}".prop_map(StoredValue::String),
        "\\+[0-9]{0,16}".prop_map(StoredValue::String),
        Just(StoredValue::Array),
        Just(StoredValue::Object),
    ]
}

fn stored() -> impl Strategy<Value = Stored> {
    let key = prop_oneof![
        Just("enabled".to_owned()),
        Just("defaultCountry".to_owned()),
        Just("defaultCallerId".to_owned()),
        any::<String>(),
    ];
    prop_oneof![
        Just(Stored::Missing),
        any::<String>().prop_map(Stored::NotAnObject),
        prop::collection::vec((key, stored_value()), 0..6).prop_map(Stored::Object),
    ]
}

fn country() -> impl Strategy<Value = String> {
    let known = countries();
    prop_oneof![
        prop::sample::select(known),
        "[A-Za-z0-9]{0,3}",
        any::<String>(),
    ]
}

/// What every accepted dial must look like.
fn check_dial_shape(raw: &str, settings: &Settings) -> Result<(), TestCaseError> {
    if let Ok(d) = dial(raw, settings) {
        let digits = d.number.strip_prefix('+').unwrap_or("");
        prop_assert!(!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
        prop_assert!(d.number.len() <= 21, "{}", d.number);
        prop_assert!(
            d.href.starts_with(&format!("callto://{}", d.number)),
            "{}",
            d.href
        );
        prop_assert!(d.number_display.starts_with('+'));
        prop_assert!(!d.region.is_empty());
        if let Some(ext) = &d.extension {
            prop_assert!(!ext.is_empty() && ext.bytes().all(|b| b.is_ascii_digit()));
        }
    }
    Ok(())
}

// 256 cases each by default; `PROPTEST_CASES=20000` runs a deeper search.
proptest! {
    #[test]
    fn arbitrary_strings_never_panic(raw in any::<String>(), country in country()) {
        let settings = Settings { default_country: country, ..Settings::default() };
        let _ = normalize(&raw);
        check_dial_shape(&raw, &settings)?;
        let _ = check_caller_id(&raw);
        let _ = suggest_caller_id(&raw);
    }

    #[test]
    fn phone_like_strings_never_panic(raw in phone_like(), country in country()) {
        let settings = Settings {
            default_country: country,
            default_caller_id: "+18880001111".to_owned(),
            ..Settings::default()
        };
        let _ = normalize(&raw);
        check_dial_shape(&raw, &settings)?;
        if let Ok(id) = check_caller_id(&raw) {
            prop_assert_eq!(&id.value, &raw);
        }
        if let Some(suggestion) = suggest_caller_id(&raw) {
            prop_assert!(check_caller_id(&suggestion).is_ok());
        }
    }

    #[test]
    fn caller_ids_never_panic(value in "\\+?[0-9 ()\\-]{0,20}") {
        match check_caller_id(&value) {
            Ok(id) => {
                prop_assert_eq!(&id.value, &value);
                prop_assert!(value.starts_with('+'));
                prop_assert!(value[1..].bytes().all(|b| b.is_ascii_digit()));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        let _ = suggest_caller_id(&value);
    }

    #[test]
    fn settings_never_panic_and_always_give_usable_settings(stored in stored()) {
        let reading = read_settings(&stored);
        let s = &reading.settings;
        prop_assert!(countries().contains(&s.default_country));
        prop_assert!(s.default_caller_id.is_empty() || check_caller_id(&s.default_caller_id).is_ok());
        for problem in &reading.problems {
            prop_assert!(!problem.message.is_empty());
        }
        if let Ok(valid) = validate_settings(&stored) {
            prop_assert_eq!(&valid, s);
            prop_assert!(reading.problems.is_empty());
        }
    }
}
