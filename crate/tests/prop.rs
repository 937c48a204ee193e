//! Property tests: no input, however odd, makes the core panic, and whatever it accepts has
//! the shape it promises — raw values, caller IDs, stored settings (the user's and the
//! policy's, nested any way), settings built natively, and the context sent with each value
//! (the record's caller ID field, the agent's choice).

use dialer_core::{
    check_caller_id, countries, dial, dial_batch, normalize, read_settings, settings,
    settings_problems, suggest_caller_id, validate_settings, Dial, DialRequest, Dialer,
    NumberFormat, PoolNumber, Rule, Settings, StoredValue, PRESETS,
};
use proptest::prelude::*;

/// Strings shaped like phone fields: digits of several scripts, pluses, punctuation,
/// phone extension labels, RFC 3966 pieces, letters and invisible characters.
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

/// Strings that are sometimes valid settings values and often nearly so.
fn setting_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[A-Z]{2}",
        "(US|CA)-[A-Z]{2}",
        "\\+[0-9]{0,16}",
        "\\+1(303|212|415|888)[0-9]{7}",
        "[A-Za-z_][A-Za-z0-9_]{0,20}",
        Just("e164".to_owned()),
        Just("national".to_owned()),
        prop::sample::select(PRESETS.map(|p| p.template).to_vec()).prop_map(str::to_owned),
        "[a-z+.-]{1,12}:(//)?\\{number\\}[/?&=a-z]{0,8}(\\{callerId\\})?",
    ]
}

/// Object keys: the settings', the entries', and anything.
fn setting_key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            settings::KEYS
                .iter()
                .map(|key| key.name)
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_owned),
        prop::sample::select(vec!["number", "label", "region", "callerId"]).prop_map(str::to_owned),
        any::<String>(),
    ]
}

/// Any stored value, nested: settings objects, lists of entries, and everything else.
fn stored_value() -> impl Strategy<Value = StoredValue> {
    let leaf = prop_oneof![
        Just(StoredValue::Null),
        any::<bool>().prop_map(StoredValue::Bool),
        any::<f64>().prop_map(StoredValue::Number),
        setting_text().prop_map(StoredValue::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(StoredValue::Array),
            prop::collection::vec((setting_key(), inner), 0..6).prop_map(StoredValue::Object),
        ]
    })
}

/// A stored settings object (or, sometimes, anything else).
fn stored() -> impl Strategy<Value = StoredValue> {
    prop_oneof![
        1 => Just(StoredValue::Null),
        1 => stored_value(),
        6 => prop::collection::vec((setting_key(), stored_value()), 0..10).prop_map(StoredValue::Object),
    ]
}

/// A settings object of mostly valid values, so that the caller-ID choice runs in full.
fn plausible_stored() -> impl Strategy<Value = StoredValue> {
    let caller_id = || {
        prop_oneof![
            "\\+1(303|720|970|212|415|416|613|787|888)[0-9]{7}",
            "\\+44(20|161|7400)[0-9]{6}",
            "\\+49(30|151)[0-9]{7,8}",
        ]
        .prop_map(StoredValue::String)
    };
    let target = prop_oneof![
        "\\+1(303|212|4)",
        "\\+44(20)?",
        prop::sample::select(vec![
            "US", "CA", "GB", "DE", "PR", "US-CO", "US-NY", "US-PR", "CA-ON"
        ])
        .prop_map(str::to_owned),
    ]
    .prop_map(StoredValue::String);
    let entry = |a: &'static str,
                 b: &'static str,
                 x: BoxedStrategy<StoredValue>,
                 y: BoxedStrategy<StoredValue>| {
        (x, y).prop_map(move |(x, y)| StoredValue::object([(a, x), (b, y)]))
    };
    let label = "[A-Za-z ]{0,12}".prop_map(StoredValue::String).boxed();
    let pool = prop::collection::vec(entry("number", "label", caller_id().boxed(), label), 0..6);
    let rules = prop::collection::vec(
        entry("region", "callerId", target.boxed(), caller_id().boxed()),
        0..5,
    );
    (
        pool,
        rules,
        prop_oneof![Just(StoredValue::string("")), caller_id()],
        prop::sample::select(vec!["US", "GB", "DE", "CA"]),
        any::<bool>(),
        prop::sample::select(vec!["e164", "national"]),
        prop::sample::select(PRESETS.map(|p| p.template).to_vec()),
    )
        .prop_map(|(pool, rules, default, country, local, format, template)| {
            StoredValue::object([
                ("callerIds", StoredValue::Array(pool)),
                ("rules", StoredValue::Array(rules)),
                ("defaultCallerId", default),
                ("defaultCountry", StoredValue::string(country)),
                ("localPresence", StoredValue::Bool(local)),
                ("dialedNumberFormat", StoredValue::string(format)),
                ("linkTemplate", StoredValue::string(template)),
            ])
        })
}

/// Settings built natively, with anything in every field.
fn native_settings() -> impl Strategy<Value = Settings> {
    let pool = prop::collection::vec(
        (setting_text(), any::<String>()).prop_map(|(number, label)| PoolNumber { number, label }),
        0..5,
    );
    let rules = prop::collection::vec(
        (setting_text(), setting_text()).prop_map(|(target, caller_id)| Rule { target, caller_id }),
        0..5,
    );
    (
        (any::<bool>(), country(), setting_text(), pool, rules),
        (
            any::<bool>(),
            setting_text(),
            setting_text(),
            prop_oneof![Just(NumberFormat::E164), Just(NumberFormat::National)],
        ),
    )
        .prop_map(
            |(
                (enabled, default_country, default_caller_id, caller_ids, rules),
                (local_presence, record_caller_id_field, link_template, dialed_number_format),
            )| Settings {
                enabled,
                default_country,
                default_caller_id,
                caller_ids,
                rules,
                local_presence,
                record_caller_id_field,
                link_template,
                dialed_number_format,
                // The chooser never reads calling hours; they are judged at the click.
                calling: Default::default(),
            },
        )
}

/// A value to dial with whatever the page might send along.
fn request() -> impl Strategy<Value = DialRequest> {
    let caller_text = || {
        prop_oneof![
            6 => Just(None),
            1 => setting_text().prop_map(Some),
            1 => phone_like().prop_map(Some),
            1 => "\\+1(303|212|416)[0-9]{7}".prop_map(Some),
        ]
    };
    let raw = prop_oneof![
        phone_like(),
        "\\+?1?(303|720|970|212|512|416|613|787|888)[0-9]{7}",
        "\\+44(20|161|7400)[0-9]{6}",
        "0(20|30|151)[0-9]{7,8}",
    ];
    (raw, caller_text(), caller_text()).prop_map(|(raw, record_caller_id, choice)| DialRequest {
        raw,
        record_caller_id,
        choice,
    })
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
        prop_assert!(!d.country.is_empty());
        if let Some(ext) = &d.phone_extension {
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
    fn stored_settings_never_panic_and_always_give_usable_settings(
        sync in stored(),
        managed in stored(),
    ) {
        let reading = read_settings(&sync, &managed);
        let s = &reading.settings;
        prop_assert!(countries().contains(&s.default_country));
        // Whatever was stored, the settings read can dial.
        let enabled = Settings { enabled: true, ..s.clone() };
        prop_assert!(Dialer::new(&enabled).is_ok(), "{:?}", Dialer::new(&enabled).err());
        for problem in &reading.problems {
            prop_assert!(!problem.message.is_empty());
            prop_assert!(problem.message.starts_with(problem.field.as_str()));
        }
        for locked in &reading.locked {
            prop_assert!(settings::KEYS.iter().any(|key| key.name == *locked));
        }
        let problems = settings_problems(&sync);
        match validate_settings(&sync) {
            Ok(valid) => {
                prop_assert!(problems.is_empty());
                prop_assert_eq!(&valid.settings, &read_settings(&sync, &StoredValue::Null).settings);
            }
            Err(first) => prop_assert_eq!(problems.first().map(|p| p.message.clone()), Some(first.to_string())),
        }
    }

    #[test]
    fn any_settings_and_requests_never_panic(
        settings in native_settings(),
        requests in prop::collection::vec(request(), 0..4),
    ) {
        let results = dial_batch(&requests, &settings);
        prop_assert_eq!(results.len(), requests.len());
        for (request, result) in requests.iter().zip(&results) {
            if let Ok(d) = result {
                check_result_shape(request, d, &settings)?;
            }
        }
    }

    #[test]
    fn stored_settings_dial_any_request(
        sync in prop_oneof![1 => stored(), 3 => plausible_stored()],
        managed in stored(),
        requests in prop::collection::vec(request(), 0..4),
    ) {
        let settings = read_settings(&sync, &managed).settings;
        for (request, result) in requests.iter().zip(dial_batch(&requests, &settings)) {
            match result {
                Ok(d) => check_result_shape(request, &d, &settings)?,
                Err(skip) => prop_assert!(!skip.message.is_empty()),
            }
        }
    }
}

/// What every dial result promises about its caller ID.
fn check_result_shape(
    request: &DialRequest,
    d: &Dial,
    settings: &Settings,
) -> Result<(), TestCaseError> {
    let reason = d.reason.code();
    prop_assert!(!d.href.is_empty() && d.number.starts_with('+'));
    prop_assert_eq!(d.caller_id.is_none(), reason == "none");
    prop_assert_eq!(d.caller_id.is_some(), d.caller_id_display.is_some());
    if reason == "choice" {
        prop_assert_eq!(d.caller_id.as_deref(), request.choice.as_deref());
    }
    if let Some(label) = &d.caller_id_label {
        prop_assert!(settings
            .caller_ids
            .iter()
            .any(|p| &p.label == label && Some(&p.number) == d.caller_id.as_ref()));
    }
    if let Some(id) = &d.caller_id {
        prop_assert!(check_caller_id(id).is_ok());
    }
    Ok(())
}
