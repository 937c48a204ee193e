//! The strict checks of the five stored values, one per key. Each answers the value, or
//! every problem it has, each naming its field (`callingWindows[2].from: …`). A list with
//! one bad entry is refused whole: leaving out one window or holiday would silently widen
//! the hours an administrator set.

use super::calling_settings::{
    CALLING_HOLIDAYS, CALLING_HOURS, CALLING_WINDOWS, DO_NOT_CALL, DO_NOT_CALL_FIELD,
};
use super::date::Date;
use super::day::Day;
use super::error::CallingError;
use super::field::Field;
use super::holiday::Holiday;
use super::mode::Mode;
use super::scope::{Scope, EVERYWHERE};
use super::time_of_day::TimeOfDay;
use super::window::CallingWindow;
use crate::error::{Quoted, SettingsError, TargetError};
use crate::settings::field_name_at;
use crate::settings::StoredValue;

pub(crate) const MODE: &str = "\"off\", \"warn\" or \"block\"";
pub(crate) const WINDOW_LIST: &str = "a list of {\"region\", \"days\", \"from\", \"to\"} entries";
const WINDOW_ENTRY: &str = "an object with region, days, from and to";
const WINDOW_KEYS: &str = "region, days, from and to";
pub(crate) const HOLIDAY_LIST: &str = "a list of {\"region\", \"date\"} entries";
const HOLIDAY_ENTRY: &str = "an object with region and date";
const HOLIDAY_KEYS: &str = "region and date";
const SCOPE: &str = "a string such as \"*\", \"US\", \"US-FL\" or \"+1305\"";
const DAYS: &str = "a list of days such as [\"mon\", \"tue\"]";
const DAY: &str = "a day string such as \"mon\"";
const TIME: &str = "a time string such as \"08:00\"";
const DATE: &str = "a date string such as \"2026-12-25\"";
pub(crate) const FIELD_NAME: &str = "a field API name string such as \"DoNotCall\", or \"\"";

/// `callingHours`: `off`, `warn` or `block`.
pub fn check_calling_hours(value: &StoredValue) -> Result<Mode, Vec<SettingsError>> {
    mode(&Field::new(CALLING_HOURS, value)).map_err(|problem| vec![problem])
}

/// `doNotCall`: `off`, `warn` or `block`.
pub fn check_do_not_call(value: &StoredValue) -> Result<Mode, Vec<SettingsError>> {
    mode(&Field::new(DO_NOT_CALL, value)).map_err(|problem| vec![problem])
}

/// `callingWindows`: `[{region, days, from, to}]`.
pub fn check_calling_windows(
    value: &StoredValue,
) -> Result<Vec<CallingWindow>, Vec<SettingsError>> {
    let items = Field::new(CALLING_WINDOWS, value)
        .list(WINDOW_LIST)
        .map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let windows: Vec<CallingWindow> = items
        .iter()
        .filter_map(|item| window(item, &mut problems))
        .collect();
    if problems.is_empty() {
        Ok(windows)
    } else {
        Err(problems)
    }
}

/// `callingHolidays`: `[{region, date}]`, each region and date once.
pub fn check_calling_holidays(value: &StoredValue) -> Result<Vec<Holiday>, Vec<SettingsError>> {
    let items = Field::new(CALLING_HOLIDAYS, value)
        .list(HOLIDAY_LIST)
        .map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    // With where each was listed; a scan, as for days: lists are short, and a hash map
    // costs the wasm some 4 KB.
    let mut holidays: Vec<(Holiday, &str)> = Vec::new();
    for item in &items {
        let Some(holiday) = holiday(item, &mut problems) else {
            continue;
        };
        if let Some((_, first)) = holidays.iter().find(|(seen, _)| *seen == holiday) {
            problems.push(SettingsError::Duplicate {
                field: item.path().to_owned(),
                value: format!("{} on {}", holiday.region.code(), holiday.date),
                first: (*first).to_owned(),
            });
            continue;
        }
        holidays.push((holiday, item.path()));
    }
    if problems.is_empty() {
        Ok(holidays.into_iter().map(|(holiday, _)| holiday).collect())
    } else {
        Err(problems)
    }
}

/// `doNotCallField`: a Salesforce field API name, or `""` for none, by the rule of
/// `recordCallerIdField`.
pub fn check_do_not_call_field(value: &StoredValue) -> Result<String, Vec<SettingsError>> {
    let field = Field::new(DO_NOT_CALL_FIELD, value);
    let name = field.string(FIELD_NAME).map_err(|problem| vec![problem])?;
    field_name_at(DO_NOT_CALL_FIELD, name).map_err(|problem| vec![problem])
}

fn mode(field: &Field) -> Result<Mode, SettingsError> {
    let text = field.string(MODE)?;
    Mode::parse(text).ok_or_else(|| {
        field.refuse(CallingError::Mode {
            value: Quoted::new(text),
        })
    })
}

fn window(item: &Field, problems: &mut Vec<SettingsError>) -> Option<CallingWindow> {
    let [region_field, days_field, from_field, to_field] = item.entry(
        ["region", "days", "from", "to"],
        WINDOW_ENTRY,
        WINDOW_KEYS,
        problems,
    )?;
    let region = keep(scope(&region_field), problems);
    let days = day_list(&days_field, problems);
    let from = keep(time(&from_field), problems);
    let to = keep(time(&to_field), problems);
    let (region, days, (from_text, from), (to_text, to)) = (region?, days?, from?, to?);
    if from >= to {
        problems.push(to_field.refuse(CallingError::EndNotAfterStart {
            from: Quoted::new(from_text),
            to: Quoted::new(to_text),
        }));
        return None;
    }
    Some(CallingWindow {
        region,
        days,
        from,
        to,
    })
}

fn holiday(item: &Field, problems: &mut Vec<SettingsError>) -> Option<Holiday> {
    let [region, date] = item.entry(["region", "date"], HOLIDAY_ENTRY, HOLIDAY_KEYS, problems)?;
    let scope = keep(scope(&region), problems);
    let day = keep(
        date.string(DATE)
            .and_then(|text| Date::parse(text).map_err(|err| date.refuse(err))),
        problems,
    );
    Some(Holiday {
        region: scope?,
        date: day?,
    })
}

/// `*` or a region as the rules read it; an unknown region's message also offers `*`.
fn scope(field: &Field) -> Result<Scope, SettingsError> {
    let text = field.string(SCOPE)?;
    Scope::parse(text).map_err(|err| match err {
        TargetError::Unknown { .. } => {
            field.refuse(format!("{err}, or \"{EVERYWHERE}\" for everywhere"))
        }
        other => field.refuse(other),
    })
}

/// The days of a window: at least one, each once.
fn day_list(field: &Field, problems: &mut Vec<SettingsError>) -> Option<Vec<Day>> {
    let items = keep(field.list(DAYS), problems)?;
    if items.is_empty() {
        problems.push(field.refuse(CallingError::NoDays));
        return None;
    }
    let before = problems.len();
    let mut days: Vec<(Day, &Field)> = Vec::new();
    for item in &items {
        let Some(text) = keep(item.string(DAY), problems) else {
            continue;
        };
        let Some(day) = Day::parse(text) else {
            problems.push(item.refuse(CallingError::Day {
                value: Quoted::new(text),
            }));
            continue;
        };
        if let Some((_, first)) = days.iter().find(|(seen, _)| *seen == day) {
            problems.push(SettingsError::Duplicate {
                field: item.path().to_owned(),
                value: day.as_str().to_owned(),
                first: first.path().to_owned(),
            });
            continue;
        }
        days.push((day, item));
    }
    (problems.len() == before).then(|| days.into_iter().map(|(day, _)| day).collect())
}

/// A time as written, with the text (for messages about the window).
fn time<'a>(field: &Field<'a>) -> Result<(&'a str, TimeOfDay), SettingsError> {
    let text = field.string(TIME)?;
    TimeOfDay::parse(text)
        .map(|time| (text, time))
        .ok_or_else(|| {
            field.refuse(CallingError::Time {
                value: Quoted::new(text),
            })
        })
}

/// The value of a check, or `None` with its problem recorded.
fn keep<T>(checked: Result<T, SettingsError>, problems: &mut Vec<SettingsError>) -> Option<T> {
    checked.map_err(|problem| problems.push(problem)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(json: &str) -> StoredValue {
        serde_json::from_str(json).expect("JSON")
    }

    fn messages(problems: Vec<SettingsError>) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    fn window_problems(json: &str) -> Vec<String> {
        messages(check_calling_windows(&stored(json)).expect_err("refused"))
    }

    #[test]
    fn modes_are_read_with_a_reason_for_anything_else() {
        for mode in Mode::ALL {
            let value = StoredValue::string(mode.as_str());
            assert_eq!(check_calling_hours(&value), Ok(mode));
            assert_eq!(check_do_not_call(&value), Ok(mode));
        }
        let cases: &[(&str, &str)] = &[
            (
                r#""Block""#,
                r#"callingHours: “Block” is not a mode; use "off", "warn" or "block""#,
            ),
            (
                r#""""#,
                r#"callingHours: “” is not a mode; use "off", "warn" or "block""#,
            ),
            (
                "true",
                r#"callingHours: must be "off", "warn" or "block", not the boolean true"#,
            ),
            (
                "null",
                r#"callingHours: must be "off", "warn" or "block", not null"#,
            ),
        ];
        for (json, message) in cases {
            let problems = check_calling_hours(&stored(json)).expect_err("refused");
            assert_eq!(messages(problems), [*message], "{json}");
        }
        let problems = check_do_not_call(&stored(r#""never""#)).expect_err("refused");
        assert_eq!(
            messages(problems),
            [r#"doNotCall: “never” is not a mode; use "off", "warn" or "block""#]
        );
    }

    #[test]
    fn windows_are_read() {
        let json = r#"[
            { "region": "*", "days": ["mon","tue","wed","thu","fri","sat","sun"], "from": "08:00", "to": "21:00" },
            { "to": "18:00", "from": "09:00", "days": ["fri", "mon"], "region": "US-RI" },
            { "region": "+1305", "days": ["sat"], "from": "20:00", "to": "24:00" },
            { "region": "GB", "days": ["sun"], "from": "00:00", "to": "00:01" }
        ]"#;
        let windows = check_calling_windows(&stored(json)).expect("valid");
        let shapes: Vec<(String, Vec<Day>, String, String)> = windows
            .iter()
            .map(|w| {
                (
                    w.region.code(),
                    w.days.clone(),
                    w.from.to_string(),
                    w.to.to_string(),
                )
            })
            .collect();
        assert_eq!(
            shapes,
            [
                (
                    "*".into(),
                    Day::ALL.to_vec(),
                    "08:00".into(),
                    "21:00".into()
                ),
                (
                    "US-RI".into(),
                    vec![Day::Fri, Day::Mon],
                    "09:00".into(),
                    "18:00".into()
                ),
                (
                    "+1305".into(),
                    vec![Day::Sat],
                    "20:00".into(),
                    "24:00".into()
                ),
                ("GB".into(), vec![Day::Sun], "00:00".into(), "00:01".into()),
            ]
        );
        assert_eq!(check_calling_windows(&stored("[]")), Ok(Vec::new()));
    }

    #[test]
    fn bad_windows_are_refused_with_every_reason() {
        let cases: &[(&str, &[&str])] = &[
            (
                r#"[{ "region": "*", "days": ["mon"], "from": "08:00", "to": "21:00" },
                    { "region": "*", "days": ["mon"], "from": "08:00", "to": "21:00" },
                    { "region": "*", "days": ["mon"], "from": "8:00", "to": "21:00" }]"#,
                &[r#"callingWindows[2].from: “8:00” is not a time; write HH:MM such as "08:00""#],
            ),
            (
                r#"[{ "region": "*", "days": ["mon"], "from": "09:00", "to": "09:00" }]"#,
                &[r#"callingWindows[0].to: “09:00” is not after from (“09:00”); a window starts and ends on the same day (write "24:00" to end it at midnight)"#],
            ),
            (
                r#"[{ "region": "*", "days": ["mon"], "from": "21:00", "to": "08:00" }]"#,
                &[r#"callingWindows[0].to: “08:00” is not after from (“21:00”); a window starts and ends on the same day (write "24:00" to end it at midnight)"#],
            ),
            (
                r#"[{ "region": "*", "days": ["mon"], "from": "24:00", "to": "24:00" }]"#,
                &[r#"callingWindows[0].to: “24:00” is not after from (“24:00”); a window starts and ends on the same day (write "24:00" to end it at midnight)"#],
            ),
            (
                r#"[{ "region": "*", "days": ["mon"], "from": "08:00", "to": "24:30" }]"#,
                &[r#"callingWindows[0].to: “24:30” is not a time; write HH:MM such as "08:00""#],
            ),
            (
                r#"[{ "region": "*", "days": ["mon", "Tue", "monday", "mon", 3], "from": "08:00", "to": "21:00" }]"#,
                &[
                    "callingWindows[0].days[1]: “Tue” is not a day; write mon, tue, wed, thu, fri, sat or sun",
                    "callingWindows[0].days[2]: “monday” is not a day; write mon, tue, wed, thu, fri, sat or sun",
                    "callingWindows[0].days[3]: mon is listed twice (first at callingWindows[0].days[0])",
                    r#"callingWindows[0].days[4]: must be a day string such as "mon", not the number 3"#,
                ],
            ),
            (
                r#"[{ "region": "*", "days": [], "from": "08:00", "to": "21:00" }]"#,
                &["callingWindows[0].days: no day is listed; list at least one of mon, tue, wed, thu, fri, sat and sun"],
            ),
            (
                r#"[{ "region": "*", "days": "mon", "from": "08:00", "to": "21:00" }]"#,
                &[r#"callingWindows[0].days: must be a list of days such as ["mon", "tue"], not the string “mon”"#],
            ),
            (
                r#"[{ "region": "XX", "days": ["mon"], "from": "08:00", "to": "21:00" }]"#,
                &[r#"callingWindows[0].region: “XX” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212), or "*" for everywhere"#],
            ),
            (
                r#"[{ "region": "+1 305", "days": ["mon"], "from": "08:00", "to": "21:00" }]"#,
                &["callingWindows[0].region: “+1 305” is not an E.164 prefix: it contains a space (write + and digits only, like +1212)"],
            ),
            (
                r#"[{ "region": "US-FL", "days": ["mon"], "from": "08:00" , "until": "21:00" }]"#,
                &[
                    "callingWindows[0].until: unknown key; an entry has region, days, from and to",
                    "callingWindows[0].to: missing",
                ],
            ),
            (
                r#"[{ "region": "us-fl", "days": ["sun", "sun"], "from": "8", "to": 21 }]"#,
                &[
                    r#"callingWindows[0].region: “us-fl” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212), or "*" for everywhere"#,
                    "callingWindows[0].days[1]: sun is listed twice (first at callingWindows[0].days[0])",
                    r#"callingWindows[0].from: “8” is not a time; write HH:MM such as "08:00""#,
                    r#"callingWindows[0].to: must be a time string such as "08:00", not the number 21"#,
                ],
            ),
            (
                r#"["*"]"#,
                &[r#"callingWindows[0]: must be an object with region, days, from and to, not the string “*”"#],
            ),
            (
                r#"{ "region": "*" }"#,
                &[r#"callingWindows: must be a list of {"region", "days", "from", "to"} entries, not an object"#],
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(window_problems(json), *expected, "{json}");
        }
    }

    #[test]
    fn holidays_are_read_with_a_reason_for_bad_ones() {
        let json = r#"[{ "region": "US", "date": "2026-12-25" }, { "region": "*", "date": "2027-01-01" },
                       { "region": "US-RI", "date": "2026-12-25" }]"#;
        let holidays = check_calling_holidays(&stored(json)).expect("valid");
        let shapes: Vec<(String, String)> = holidays
            .iter()
            .map(|h| (h.region.code(), h.date.to_string()))
            .collect();
        assert_eq!(
            shapes,
            [
                ("US".to_owned(), "2026-12-25".to_owned()),
                ("*".to_owned(), "2027-01-01".to_owned()),
                ("US-RI".to_owned(), "2026-12-25".to_owned()),
            ]
        );
        let json = r#"[{ "region": "US", "date": "2026-02-30" }, { "region": "US", "date": "12/25/2026" },
                       { "region": "US", "date": "2026-12-25" }, { "region": "Texas", "date": "2026-12-25" },
                       { "region": "US", "date": "2026-12-25" }, { "date": "2026-07-04" },
                       { "region": "US", "date": "2026-13-01", "name": "Christmas" }]"#;
        let problems = messages(check_calling_holidays(&stored(json)).expect_err("refused"));
        assert_eq!(
            problems,
            [
                "callingHolidays[0].date: “2026-02-30” is not a day of the calendar: February 2026 has 28 days",
                r#"callingHolidays[1].date: “12/25/2026” is not a date; write YYYY-MM-DD such as "2026-12-25""#,
                r#"callingHolidays[3].region: “Texas” is not a known country, state or province (write a country as GB, a state or province as US-CA or CA-ON, a number prefix as +1212), or "*" for everywhere"#,
                "callingHolidays[4]: US on 2026-12-25 is listed twice (first at callingHolidays[2])",
                "callingHolidays[5].region: missing",
                "callingHolidays[6].name: unknown key; an entry has region and date",
                "callingHolidays[6].date: “2026-13-01” is not a day of the calendar: there is no month 13",
            ]
        );
    }

    #[test]
    fn the_field_name_follows_the_record_caller_id_field_rule() {
        for good in ["DoNotCall", "Do_Not_Call__c", ""] {
            assert_eq!(
                check_do_not_call_field(&StoredValue::string(good)),
                Ok(good.to_owned())
            );
        }
        let cases: &[(&str, &str)] = &[
            (
                r#""Do Not Call""#,
                r#"doNotCallField: “Do Not Call” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor "" for none"#,
            ),
            (
                r#""_DoNotCall""#,
                r#"doNotCallField: “_DoNotCall” is not a Salesforce field API name (letters, digits and _, starting with a letter, such as FromCallerID__c), nor "" for none"#,
            ),
            (
                "false",
                r#"doNotCallField: must be a field API name string such as "DoNotCall", or "", not the boolean false"#,
            ),
        ];
        for (json, message) in cases {
            let problems = check_do_not_call_field(&stored(json)).expect_err("refused");
            assert_eq!(messages(problems), [*message], "{json}");
        }
    }
}
