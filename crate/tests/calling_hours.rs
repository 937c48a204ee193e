//! Calling hours at real moments: each case is a UTC instant, read in every possible time
//! zone of the number with the IANA database (chrono-tz, as the browser's `Intl` does in
//! production), and judged. The opening the verdict gives in local times is turned back into
//! an instant the same way, so each case says "opens in N minutes" as the dialog will.
//!
//! Covered: the US and EU daylight-saving changes of 2026, Arizona and Hawaii (none),
//! half-hour offsets (India, Newfoundland), midnight and day boundaries, holidays, numbers
//! with several zones, the most specific region, unknown zones, and Do Not Call.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use dialer_core::calling_hours::{
    judge, Action, CallFacts, CallingSettings, Date, Day, Mode, Opening, Reason, TimeOfDay,
    Verdict, ZoneTime,
};
use dialer_core::place::time_zones;
use serde_json::json;

/// What the verdict says of the next opening.
enum Opens {
    /// No calling-hours reason, or one without an opening to check.
    Nothing,
    /// Each zone's local opening (`zone date time`), and the minutes from the click to the
    /// latest of their instants.
    At(&'static [&'static str], i64),
    /// Not within the days searched.
    NotWithin,
    /// The zones never agree.
    NeverAgree,
}

struct Case {
    what: &'static str,
    number: &'static str,
    /// UTC, `YYYY-MM-DD HH:MM`.
    at: &'static str,
    /// Stored settings (JSON); missing keys take their defaults: warn outside 08:00-21:00
    /// every day, anywhere.
    settings: &'static str,
    do_not_call: bool,
    /// Each zone at the click, `zone date weekday time`, followed by `in`, `out` or
    /// `holiday REGION` when the verdict reads the zones.
    local: &'static [&'static str],
    action: Action,
    /// The reasons' kinds, in order.
    reasons: &'static [&'static str],
    opens: Opens,
}

const DEFAULTS: &str = "{}";
const BLOCK: &str = r#"{ "callingHours": "block" }"#;
const WEEKDAYS_9_TO_5: &str = r#"{ "callingWindows": [
    { "region": "US", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }
] }"#;
const LUNCH_BREAK: &str = r#"{ "callingWindows": [
    { "region": "+1312", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "12:00" },
    { "region": "+1312", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "13:00", "to": "17:00" }
] }"#;
const EVENINGS_TO_MIDNIGHT: &str = r#"{ "callingWindows": [
    { "region": "*", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "20:00", "to": "24:00" }
] }"#;
const NESTED_REGIONS: &str = r#"{ "callingWindows": [
    { "region": "*", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "08:00", "to": "21:00" },
    { "region": "US", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "08:00", "to": "21:00" },
    { "region": "US-FL", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "08:00", "to": "20:00" },
    { "region": "+1305", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" },
    { "region": "+130555", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "10:00", "to": "12:00" }
] }"#;
const US_CHRISTMAS: &str = r#"{ "callingHolidays": [{ "region": "US", "date": "2026-12-25" }] }"#;
const EVERYWHERE_CHRISTMAS: &str =
    r#"{ "callingHolidays": [{ "region": "*", "date": "2026-12-25" }] }"#;
const ILLINOIS_HOLIDAY: &str =
    r#"{ "callingHolidays": [{ "region": "US-IL", "date": "2026-03-02" }] }"#;
const ALL_DAY_EXCEPT_CHRISTMAS: &str = r#"{
    "callingWindows": [
        { "region": "*", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "00:00", "to": "24:00" }
    ],
    "callingHolidays": [{ "region": "*", "date": "2026-12-25" }]
}"#;
const CHRISTMAS_WEEKEND: &str = r#"{
    "callingWindows": [
        { "region": "*", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "08:00", "to": "21:00" }
    ],
    "callingHolidays": [{ "region": "*", "date": "2026-12-25" }, { "region": "*", "date": "2026-12-28" }]
}"#;
const CLOSED_FOR_NINE_DAYS: &str = r#"{
    "callingHours": "block",
    "callingHolidays": [
        { "region": "US", "date": "2026-12-24" }, { "region": "US", "date": "2026-12-25" },
        { "region": "US", "date": "2026-12-26" }, { "region": "US", "date": "2026-12-27" },
        { "region": "US", "date": "2026-12-28" }, { "region": "US", "date": "2026-12-29" },
        { "region": "US", "date": "2026-12-30" }, { "region": "US", "date": "2026-12-31" },
        { "region": "US", "date": "2027-01-01" }
    ]
}"#;
const BLOCK_ONE_HOUR: &str = r#"{ "callingHours": "block", "callingWindows": [
    { "region": "*", "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "09:00", "to": "10:00" }
] }"#;
const DNC_BLOCK: &str = r#"{ "doNotCall": "block" }"#;
const DNC_OFF: &str = r#"{ "doNotCall": "off" }"#;
const HOURS_OFF: &str = r#"{ "callingHours": "off" }"#;

const CHICAGO: &str = "+13125550100";
const NEW_YORK: &str = "+12125550100";
const BERLIN: &str = "+493012345678";
const LONDON: &str = "+442079460958";
const PHOENIX: &str = "+16025550100";
const DENVER: &str = "+13035550100";
/// Tuba City, Arizona (Navajo Nation): Denver's time or Phoenix's.
const NAVAJO: &str = "+19282831234";
const HONOLULU: &str = "+18085550100";
const INDIA: &str = "+919876543210";
const ST_JOHNS: &str = "+17092271234";
/// A 709 number the data places in Newfoundland or in Puerto Rico's zone.
const NEWFOUNDLAND_OR_PR: &str = "+17095551234";
const MIAMI: &str = "+13054441234";
const MIAMI_CENTRE: &str = "+13055551234";
const ORLANDO: &str = "+14075550100";
const TOLL_FREE: &str = "+18005550100";
/// An Indonesian number the data places in Jakarta's zone or Jayapura's.
const JAKARTA_OR_JAYAPURA: &str = "+6291512345678";
/// International freephone: no time zone at all.
const FREEPHONE: &str = "+80012345678";

use Action::{Block, Call, Warn};

#[rustfmt::skip]
const CASES: &[Case] = &[
    // US spring forward, Sunday 2026-03-08 at 02:00 local (Chicago: 08:00Z).
    Case { what: "Chicago the day before, CST", number: CHICAGO, at: "2026-03-07 13:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Chicago 2026-03-07 sat 07:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-07 08:00"], 30) },
    Case { what: "Chicago before the change: a night an hour short", number: CHICAGO, at: "2026-03-08 07:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Chicago 2026-03-08 sun 01:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-08 08:00"], 330) },
    Case { what: "Chicago after the change, CDT", number: CHICAGO, at: "2026-03-08 12:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Chicago 2026-03-08 sun 07:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-08 08:00"], 30) },
    Case { what: "Chicago at 08:00 CDT", number: CHICAGO, at: "2026-03-08 13:00", settings: DEFAULTS, do_not_call: false,
        local: &["America/Chicago 2026-03-08 sun 08:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Chicago at 20:59, the last minute", number: CHICAGO, at: "2026-03-09 01:59", settings: DEFAULTS, do_not_call: false,
        local: &["America/Chicago 2026-03-08 sun 20:59"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Chicago at 21:00, closed until Monday 08:00", number: CHICAGO, at: "2026-03-09 02:00", settings: BLOCK, do_not_call: false,
        local: &["America/Chicago 2026-03-08 sun 21:00 out"], action: Block, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-09 08:00"], 660) },
    // US fall back, Sunday 2026-11-01 at 02:00 local (New York: 06:00Z).
    Case { what: "New York Saturday 20:59 EDT", number: NEW_YORK, at: "2026-11-01 00:59", settings: DEFAULTS, do_not_call: false,
        local: &["America/New_York 2026-10-31 sat 20:59"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "New York Saturday 21:00 EDT: a night an hour long", number: NEW_YORK, at: "2026-11-01 01:00", settings: DEFAULTS, do_not_call: false,
        local: &["America/New_York 2026-10-31 sat 21:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/New_York 2026-11-01 08:00"], 720) },
    Case { what: "New York 07:59 EST", number: NEW_YORK, at: "2026-11-01 12:59", settings: DEFAULTS, do_not_call: false,
        local: &["America/New_York 2026-11-01 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/New_York 2026-11-01 08:00"], 1) },
    Case { what: "New York 08:00 EST", number: NEW_YORK, at: "2026-11-01 13:00", settings: DEFAULTS, do_not_call: false,
        local: &["America/New_York 2026-11-01 sun 08:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    // EU summer time from Sunday 2026-03-29 01:00Z to Sunday 2026-10-25 01:00Z.
    Case { what: "Berlin 08:30 CEST (07:30 had the change been missed)", number: BERLIN, at: "2026-03-29 06:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/Berlin 2026-03-29 sun 08:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Berlin the day before, 07:30 CET", number: BERLIN, at: "2026-03-28 06:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/Berlin 2026-03-28 sat 07:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/Berlin 2026-03-28 08:00"], 30) },
    Case { what: "London 07:59 BST", number: LONDON, at: "2026-03-29 06:59", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/London 2026-03-29 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-03-29 08:00"], 1) },
    Case { what: "London 00:30 GMT, opening after the change", number: LONDON, at: "2026-03-29 00:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/London 2026-03-29 sun 00:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-03-29 08:00"], 390) },
    Case { what: "Berlin 07:30 CET after the autumn change", number: BERLIN, at: "2026-10-25 06:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/Berlin 2026-10-25 sun 07:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/Berlin 2026-10-25 08:00"], 30) },
    Case { what: "Berlin 08:30 CEST the day before", number: BERLIN, at: "2026-10-24 06:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/Berlin 2026-10-24 sat 08:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "London Saturday 21:30 BST, opening Sunday 08:00 GMT", number: LONDON, at: "2026-10-24 20:30", settings: DEFAULTS, do_not_call: false,
        local: &["Europe/London 2026-10-24 sat 21:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-10-25 08:00"], 690) },
    // Arizona keeps MST all year; Denver does not.
    Case { what: "Phoenix 07:59 MST on the US change day", number: PHOENIX, at: "2026-03-08 14:59", settings: DEFAULTS, do_not_call: false,
        local: &["America/Phoenix 2026-03-08 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Phoenix 2026-03-08 08:00"], 1) },
    Case { what: "Denver at the same instant, 08:59 MDT", number: DENVER, at: "2026-03-08 14:59", settings: DEFAULTS, do_not_call: false,
        local: &["America/Denver 2026-03-08 sun 08:59"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Phoenix 21:00 in July", number: PHOENIX, at: "2026-07-02 04:00", settings: DEFAULTS, do_not_call: false,
        local: &["America/Phoenix 2026-07-01 wed 21:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Phoenix 2026-07-02 08:00"], 660) },
    Case { what: "Navajo Nation in January: Denver and Phoenix agree", number: NAVAJO, at: "2026-01-15 03:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Denver 2026-01-14 wed 20:30", "America/Phoenix 2026-01-14 wed 20:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Navajo Nation in March: inside in Denver, not in Phoenix", number: NAVAJO, at: "2026-03-10 14:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Denver 2026-03-10 tue 08:30 in", "America/Phoenix 2026-03-10 tue 07:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Denver 2026-03-10 09:00", "America/Phoenix 2026-03-10 08:00"], 30) },
    Case { what: "Navajo Nation in July: Denver closed, Phoenix open", number: NAVAJO, at: "2026-07-02 03:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Denver 2026-07-01 wed 21:30 out", "America/Phoenix 2026-07-01 wed 20:30 in"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Denver 2026-07-02 09:00", "America/Phoenix 2026-07-02 08:00"], 690) },
    Case { what: "Navajo Nation across the spring change: the latest zone's instant is the opening", number: NAVAJO, at: "2026-03-08 04:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/Denver 2026-03-07 sat 21:30 out", "America/Phoenix 2026-03-07 sat 21:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Denver 2026-03-08 08:00", "America/Phoenix 2026-03-08 08:00"], 630) },
    // Hawaii: no daylight saving.
    Case { what: "Honolulu 07:59 HST in March", number: HONOLULU, at: "2026-03-08 17:59", settings: DEFAULTS, do_not_call: false,
        local: &["Pacific/Honolulu 2026-03-08 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Pacific/Honolulu 2026-03-08 08:00"], 1) },
    Case { what: "Honolulu 08:00 HST in November", number: HONOLULU, at: "2026-11-01 18:00", settings: DEFAULTS, do_not_call: false,
        local: &["Pacific/Honolulu 2026-11-01 sun 08:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Honolulu 21:00 HST, the next morning", number: HONOLULU, at: "2026-03-09 07:00", settings: DEFAULTS, do_not_call: false,
        local: &["Pacific/Honolulu 2026-03-08 sun 21:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Pacific/Honolulu 2026-03-09 08:00"], 660) },
    // Half-hour offsets.
    Case { what: "India 07:59 IST (UTC+5:30)", number: INDIA, at: "2026-03-08 02:29", settings: DEFAULTS, do_not_call: false,
        local: &["Asia/Calcutta 2026-03-08 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Asia/Calcutta 2026-03-08 08:00"], 1) },
    Case { what: "India 08:00 IST", number: INDIA, at: "2026-03-08 02:30", settings: DEFAULTS, do_not_call: false,
        local: &["Asia/Calcutta 2026-03-08 sun 08:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "India 21:00 IST", number: INDIA, at: "2026-03-08 15:30", settings: DEFAULTS, do_not_call: false,
        local: &["Asia/Calcutta 2026-03-08 sun 21:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Asia/Calcutta 2026-03-09 08:00"], 660) },
    Case { what: "St. John's 07:59 NST (UTC-3:30)", number: ST_JOHNS, at: "2026-03-07 11:29", settings: DEFAULTS, do_not_call: false,
        local: &["America/St_Johns 2026-03-07 sat 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/St_Johns 2026-03-07 08:00"], 1) },
    Case { what: "St. John's 07:59 NDT (UTC-2:30)", number: ST_JOHNS, at: "2026-03-08 10:29", settings: DEFAULTS, do_not_call: false,
        local: &["America/St_Johns 2026-03-08 sun 07:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/St_Johns 2026-03-08 08:00"], 1) },
    Case { what: "St. John's 08:00 NDT", number: ST_JOHNS, at: "2026-03-08 10:30", settings: DEFAULTS, do_not_call: false,
        local: &["America/St_Johns 2026-03-08 sun 08:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "709 number: Puerto Rico's zone not yet open, Newfoundland open", number: NEWFOUNDLAND_OR_PR, at: "2026-03-08 11:45", settings: DEFAULTS, do_not_call: false,
        local: &["America/Puerto_Rico 2026-03-08 sun 07:45 out", "America/St_Johns 2026-03-08 sun 09:15 in"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Puerto_Rico 2026-03-08 08:00", "America/St_Johns 2026-03-08 09:30"], 15) },
    // Days and midnight.
    Case { what: "Friday 17:00 with weekday hours: Monday 09:00", number: CHICAGO, at: "2026-03-13 22:00", settings: WEEKDAYS_9_TO_5, do_not_call: false,
        local: &["America/Chicago 2026-03-13 fri 17:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-16 09:00"], 3840) },
    Case { what: "Sunday 23:59 with weekday hours", number: CHICAGO, at: "2026-03-16 04:59", settings: WEEKDAYS_9_TO_5, do_not_call: false,
        local: &["America/Chicago 2026-03-15 sun 23:59 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-16 09:00"], 541) },
    Case { what: "Weekday hours are the US's only: London is free", number: LONDON, at: "2026-03-15 03:00", settings: WEEKDAYS_9_TO_5, do_not_call: false,
        local: &["Europe/London 2026-03-15 sun 03:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Two windows of one prefix: the lunch break", number: CHICAGO, at: "2026-03-10 17:30", settings: LUNCH_BREAK, do_not_call: false,
        local: &["America/Chicago 2026-03-10 tue 12:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-10 13:00"], 30) },
    Case { what: "A window to midnight: 23:59 inside", number: LONDON, at: "2026-06-01 22:59", settings: EVENINGS_TO_MIDNIGHT, do_not_call: false,
        local: &["Europe/London 2026-06-01 mon 23:59"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "A window to midnight: 00:00 outside", number: LONDON, at: "2026-06-01 23:00", settings: EVENINGS_TO_MIDNIGHT, do_not_call: false,
        local: &["Europe/London 2026-06-02 tue 00:00 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-06-02 20:00"], 1200) },
    // Holidays.
    Case { what: "A US holiday in Chicago", number: CHICAGO, at: "2026-12-25 16:00", settings: US_CHRISTMAS, do_not_call: false,
        local: &["America/Chicago 2026-12-25 fri 10:00 holiday US"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-12-26 08:00"], 1320) },
    Case { what: "A US holiday does not close London", number: LONDON, at: "2026-12-25 10:00", settings: US_CHRISTMAS, do_not_call: false,
        local: &["Europe/London 2026-12-25 fri 10:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "A holiday everywhere closes London", number: LONDON, at: "2026-12-25 10:00", settings: EVERYWHERE_CHRISTMAS, do_not_call: false,
        local: &["Europe/London 2026-12-25 fri 10:00 holiday *"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-12-26 08:00"], 1320) },
    Case { what: "An Illinois holiday in Chicago", number: CHICAGO, at: "2026-03-02 16:00", settings: ILLINOIS_HOLIDAY, do_not_call: false,
        local: &["America/Chicago 2026-03-02 mon 10:00 holiday US-IL"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Chicago 2026-03-03 08:00"], 1320) },
    Case { what: "An Illinois holiday does not close New York", number: NEW_YORK, at: "2026-03-02 16:00", settings: ILLINOIS_HOLIDAY, do_not_call: false,
        local: &["America/New_York 2026-03-02 mon 11:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "A holiday on one zone's date only", number: NEWFOUNDLAND_OR_PR, at: "2026-12-25 03:45", settings: ALL_DAY_EXCEPT_CHRISTMAS, do_not_call: false,
        local: &["America/Puerto_Rico 2026-12-24 thu 23:45 in", "America/St_Johns 2026-12-25 fri 00:15 holiday *"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/Puerto_Rico 2026-12-26 00:00", "America/St_Johns 2026-12-26 00:30"], 1455) },
    Case { what: "Holidays and a weekend: the next Tuesday", number: LONDON, at: "2026-12-25 10:00", settings: CHRISTMAS_WEEKEND, do_not_call: false,
        local: &["Europe/London 2026-12-25 fri 10:00 holiday *"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["Europe/London 2026-12-29 08:00"], 5640) },
    Case { what: "Closed for nine days: no opening within the search, still blocked", number: CHICAGO, at: "2026-12-24 16:00", settings: CLOSED_FOR_NINE_DAYS, do_not_call: false,
        local: &["America/Chicago 2026-12-24 thu 10:00 holiday US"], action: Block, reasons: &["outsideHours"], opens: Opens::NotWithin },
    // The most specific region wins, all its windows.
    Case { what: "Miami: the +1305 window (09:00-17:00 weekdays), not Florida's", number: MIAMI, at: "2026-03-10 21:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/New_York 2026-03-10 tue 17:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/New_York 2026-03-11 09:00"], 930) },
    Case { what: "Orlando at 17:30: Florida's 08:00-20:00", number: ORLANDO, at: "2026-03-10 21:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/New_York 2026-03-10 tue 17:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Orlando at 20:30: Florida's, not the US's", number: ORLANDO, at: "2026-03-11 00:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/New_York 2026-03-10 tue 20:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/New_York 2026-03-11 08:00"], 690) },
    Case { what: "Chicago at 20:30: the US's", number: CHICAGO, at: "2026-03-11 01:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/Chicago 2026-03-10 tue 20:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "The longest prefix: +130555 closes at noon", number: MIAMI_CENTRE, at: "2026-03-10 16:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/New_York 2026-03-10 tue 12:30 out"], action: Warn, reasons: &["outsideHours"],
        opens: Opens::At(&["America/New_York 2026-03-11 10:00"], 1290) },
    Case { what: "+1305 outside +130555 at 12:30: open", number: MIAMI, at: "2026-03-10 16:30", settings: NESTED_REGIONS, do_not_call: false,
        local: &["America/New_York 2026-03-10 tue 12:30"], action: Call, reasons: &[], opens: Opens::Nothing },
    // Zones unknown, or too many.
    Case { what: "Toll-free +1: tied to no place (no zone of its own, not the 42 of +1); block warns", number: TOLL_FREE, at: "2026-03-10 18:00", settings: BLOCK, do_not_call: false,
        local: &[], action: Warn, reasons: &["localTimeUnknown"], opens: Opens::Nothing },
    Case { what: "Jakarta or Jayapura, two hours apart: a one-hour window never fits both; block warns", number: JAKARTA_OR_JAYAPURA, at: "2026-03-10 00:00", settings: BLOCK_ONE_HOUR, do_not_call: false,
        local: &["Asia/Jakarta 2026-03-10 tue 07:00 out", "Asia/Jayapura 2026-03-10 tue 09:00 in"], action: Warn, reasons: &["outsideHours"], opens: Opens::NeverAgree },
    Case { what: "No zone known: block warns", number: FREEPHONE, at: "2026-03-10 18:00", settings: BLOCK, do_not_call: false,
        local: &[], action: Warn, reasons: &["localTimeUnknown"], opens: Opens::Nothing },
    // Do Not Call.
    Case { what: "Do Not Call warns inside hours", number: CHICAGO, at: "2026-03-10 18:00", settings: DEFAULTS, do_not_call: true,
        local: &["America/Chicago 2026-03-10 tue 13:00"], action: Warn, reasons: &["doNotCall"], opens: Opens::Nothing },
    Case { what: "Do Not Call blocks, hours warn: block, both said", number: CHICAGO, at: "2026-03-10 10:00", settings: DNC_BLOCK, do_not_call: true,
        local: &["America/Chicago 2026-03-10 tue 05:00 out"], action: Block, reasons: &["outsideHours", "doNotCall"],
        opens: Opens::At(&["America/Chicago 2026-03-10 08:00"], 180) },
    Case { what: "Do Not Call off", number: CHICAGO, at: "2026-03-10 18:00", settings: DNC_OFF, do_not_call: true,
        local: &["America/Chicago 2026-03-10 tue 13:00"], action: Call, reasons: &[], opens: Opens::Nothing },
    Case { what: "Calling hours off at 05:00, Do Not Call still warns", number: CHICAGO, at: "2026-03-10 10:00", settings: HOURS_OFF, do_not_call: true,
        local: &["America/Chicago 2026-03-10 tue 05:00"], action: Warn, reasons: &["doNotCall"], opens: Opens::Nothing },
    Case { what: "Calling hours off at 05:00", number: CHICAGO, at: "2026-03-10 10:00", settings: HOURS_OFF, do_not_call: false,
        local: &["America/Chicago 2026-03-10 tue 05:00"], action: Call, reasons: &[], opens: Opens::Nothing },
];

fn utc(text: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("YYYY-MM-DD HH:MM");
    Utc.from_utc_datetime(&naive)
}

fn tz(zone: &str) -> Tz {
    zone.parse().expect("an IANA zone chrono-tz knows")
}

/// The local time in `zone` at `at`, as the browser reads it.
fn local(zone: &str, at: DateTime<Utc>) -> ZoneTime {
    let there = at.with_timezone(&tz(zone));
    let date = format!(
        "{:04}-{:02}-{:02}",
        there.year(),
        there.month(),
        there.day()
    );
    let time = format!("{:02}:{:02}", there.hour(), there.minute());
    let local = ZoneTime {
        zone: zone.to_owned(),
        date: Date::parse(&date).expect("a date"),
        time: TimeOfDay::parse(&time).expect("a time"),
    };
    let weekday = Day::ALL[there.weekday().num_days_from_monday() as usize];
    assert_eq!(local.date.weekday(), weekday, "{date}");
    local
}

/// The click: every zone of the number read at `at`.
fn facts(number: &str, at: DateTime<Utc>, do_not_call: bool) -> CallFacts {
    let digits = number.strip_prefix('+').unwrap_or_default();
    CallFacts {
        number: number.to_owned(),
        zones: time_zones(digits)
            .iter()
            .map(|zone| local(zone, at))
            .collect(),
        do_not_call,
    }
}

/// The instant of a local time (the earliest, if the clock shows it twice).
fn instant(local: &ZoneTime) -> DateTime<Utc> {
    let date = NaiveDate::parse_from_str(&local.date.to_string(), "%Y-%m-%d").expect("a date");
    let time = local.time.minutes();
    let naive = date
        .and_hms_opt(u32::from(time / 60), u32::from(time % 60), 0)
        .expect("a time");
    tz(&local.zone)
        .from_local_datetime(&naive)
        .earliest()
        .expect("not in a gap")
        .with_timezone(&Utc)
}

fn describe(local: &ZoneTime) -> String {
    format!("{} {} {}", local.zone, local.date, local.time)
}

fn zone_lines(call: &CallFacts, verdict: &Verdict) -> Vec<String> {
    for reason in &verdict.reasons {
        if let Reason::OutsideHours(outside) = reason {
            return outside
                .zones
                .iter()
                .map(|reading| {
                    let state = match (&reading.holiday, reading.inside) {
                        (Some(holiday), _) => format!("holiday {}", holiday.region.code()),
                        (None, true) => "in".to_owned(),
                        (None, false) => "out".to_owned(),
                    };
                    let local = &reading.local;
                    let weekday = reading.weekday.as_str();
                    format!(
                        "{} {} {weekday} {} {state}",
                        local.zone, local.date, local.time
                    )
                })
                .collect();
        }
    }
    call.zones
        .iter()
        .map(|local| {
            let weekday = local.date.weekday().as_str();
            format!("{} {} {weekday} {}", local.zone, local.date, local.time)
        })
        .collect()
}

fn opening(verdict: &Verdict) -> Option<&Opening> {
    verdict.reasons.iter().find_map(|reason| match reason {
        Reason::OutsideHours(outside) => Some(&outside.opening),
        _ => None,
    })
}

/// Checks what the dialog will say, "opens in N minutes": the latest of the zones'
/// instants; and that the callee may be called then, and not a minute before.
fn opens_in(case: &Case, settings: &CallingSettings, zones: &[ZoneTime], minutes: i64) {
    let (what, at) = (case.what, utc(case.at));
    let opens = zones.iter().map(instant).max().expect("a zone");
    assert_eq!((opens - at).num_minutes(), minutes, "{what}");
    let then = judge(&facts(case.number, opens, false), settings);
    assert_eq!(then.action, Action::Call, "{what}: at {opens}");
    let before = opens - chrono::Duration::minutes(1);
    let earlier = judge(&facts(case.number, before, false), settings);
    assert_ne!(earlier.action, Action::Call, "{what}: at {before}");
}

#[test]
fn calling_hours_at_real_moments() {
    for case in CASES {
        let what = case.what;
        let settings: CallingSettings = serde_json::from_str(case.settings).expect(what);
        let at = utc(case.at);
        let call = facts(case.number, at, case.do_not_call);
        let verdict = judge(&call, &settings);
        let json = serde_json::to_value(&verdict).expect("serializes");

        if !case.local.is_empty() {
            assert_eq!(zone_lines(&call, &verdict), case.local, "{what}");
        }
        assert_eq!(verdict.action, case.action, "{what}: {json}");
        let kinds: Vec<&str> = json["reasons"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|reason| reason["kind"].as_str().expect("a kind"))
            .collect();
        assert_eq!(kinds, case.reasons, "{what}");

        match (&case.opens, opening(&verdict)) {
            (Opens::Nothing, None) => {}
            (Opens::At(expected, minutes), Some(Opening::At { zones })) => {
                let said: Vec<String> = zones.iter().map(describe).collect();
                assert_eq!(said, *expected, "{what}");
                opens_in(case, &settings, zones, *minutes);
            }
            (Opens::NotWithin, Some(Opening::NotWithin { days })) => assert_eq!(*days, 8),
            (Opens::NeverAgree, Some(Opening::ZonesNeverAgree)) => {}
            (_, found) => panic!("{what}: opening {found:?}"),
        }
        holds_until(case, &settings, &call, &verdict);
    }
}

/// Checks the verdict's `until` as the browser uses it: the earliest of its zones' instants
/// is after the click, and the click judged a minute before then gets the same answer (the
/// link's verdict may serve every click until then). No `until` only when no clock matters.
fn holds_until(case: &Case, settings: &CallingSettings, call: &CallFacts, verdict: &Verdict) {
    let what = case.what;
    let kinds = |verdict: &Verdict| -> Vec<String> {
        let json = serde_json::to_value(verdict).expect("serializes");
        json["reasons"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|reason| reason["kind"].to_string())
            .collect()
    };
    let clock_free = settings.calling_hours == Mode::Off
        || kinds(verdict).contains(&"\"localTimeUnknown\"".to_owned());
    assert_eq!(verdict.until.is_empty(), clock_free, "{what}");
    let Some(until) = verdict.until.iter().map(instant).min() else {
        return;
    };
    let at = utc(case.at);
    assert!(
        until > at && until - at <= chrono::Duration::days(1),
        "{what}: until {until}"
    );
    let last = until - chrono::Duration::minutes(1);
    let then = judge(&facts(case.number, last, call.do_not_call), settings);
    assert_eq!(
        (then.action, kinds(&then)),
        (verdict.action, kinds(verdict)),
        "{what}: at {last}, before {until}"
    );
}

#[test]
fn the_verdict_has_the_documented_json_shape() {
    let settings = CallingSettings::default();
    let call = facts(NAVAJO, utc("2026-03-10 14:30"), true);
    let verdict = serde_json::to_value(judge(&call, &settings)).expect("serializes");
    let every_day = json!(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    assert_eq!(
        verdict,
        json!({
            "action": "warn",
            "reasons": [
                {
                    "kind": "outsideHours",
                    "windows": [{ "region": "*", "days": every_day, "from": "08:00", "to": "21:00" }],
                    "zones": [
                        { "zone": "America/Denver", "date": "2026-03-10", "time": "08:30",
                          "weekday": "tue", "inside": true, "holiday": null },
                        { "zone": "America/Phoenix", "date": "2026-03-10", "time": "07:30",
                          "weekday": "tue", "inside": false, "holiday": null }
                    ],
                    "opening": {
                        "kind": "at",
                        "zones": [
                            { "zone": "America/Denver", "date": "2026-03-10", "time": "09:00" },
                            { "zone": "America/Phoenix", "date": "2026-03-10", "time": "08:00" }
                        ]
                    }
                },
                { "kind": "doNotCall", "field": "DoNotCall" }
            ],
            "until": [
                { "zone": "America/Denver", "date": "2026-03-10", "time": "09:00" },
                { "zone": "America/Phoenix", "date": "2026-03-10", "time": "08:00" }
            ]
        })
    );
    let unknown = serde_json::to_value(judge(
        &facts(FREEPHONE, utc("2026-03-10 14:30"), false),
        &settings,
    ))
    .expect("serializes");
    assert_eq!(
        unknown,
        json!({ "action": "warn", "reasons": [{ "kind": "localTimeUnknown", "zones": [] }], "until": [] })
    );
}

#[test]
fn facts_arrive_as_json_and_missing_zones_make_the_time_unknown() {
    let settings: CallingSettings = serde_json::from_str(BLOCK).expect("valid");
    let call: CallFacts = serde_json::from_value(json!({
        "number": NAVAJO,
        "zones": [{ "zone": "America/Denver", "date": "2026-03-10", "time": "08:30" }],
        "doNotCall": false
    }))
    .expect("the facts' shape");
    let verdict = judge(&call, &settings);
    assert_eq!(verdict.action, Action::Warn, "block cannot know: it warns");
    assert_eq!(
        verdict.reasons,
        [Reason::LocalTimeUnknown {
            zones: vec!["America/Phoenix".to_owned()]
        }]
    );

    // A zone the number does not have changes nothing; a number not in E.164 has no zone.
    let extra: CallFacts = serde_json::from_value(json!({
        "number": CHICAGO,
        "zones": [
            { "zone": "America/Chicago", "date": "2026-03-10", "time": "12:00" },
            { "zone": "Asia/Tokyo", "date": "2026-03-11", "time": "03:00" }
        ],
        "doNotCall": false
    }))
    .expect("the facts' shape");
    assert_eq!(judge(&extra, &settings).action, Action::Call);
    let national = CallFacts {
        number: "13125550100".to_owned(),
        ..extra
    };
    assert_eq!(
        judge(&national, &settings).reasons,
        [Reason::LocalTimeUnknown { zones: Vec::new() }]
    );

    for bad in [
        json!({ "number": CHICAGO, "zones": [{ "zone": "America/Chicago", "date": "2026-03-10", "time": "24:00" }], "doNotCall": false }),
        json!({ "number": CHICAGO, "zones": [{ "zone": "America/Chicago", "date": "2026-02-30", "time": "12:00" }], "doNotCall": false }),
        json!({ "number": CHICAGO, "zones": [], "doNotCall": "yes" }),
        json!({ "number": CHICAGO, "zones": [], "doNotCall": false, "extra": 1 }),
    ] {
        assert!(
            serde_json::from_value::<CallFacts>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}
