//! How the user's settings are laid out in a storage area, so that pools and rules of real
//! size fit `chrome.storage.sync`'s quotas (docs/decisions/0004-settings-in-chunks.md).
//!
//! Each setting that is not a list keeps its plain key. The four lists (the pool, the rules,
//! calling windows and holidays) are written compactly, each entry as the array of its values
//! in a fixed order, and split into chunks `callerIds.0`, `callerIds.1`, … of at most
//! [`QUOTA_BYTES_PER_ITEM`] bytes each, key included, counted as Chrome counts them. The key
//! [`LAYOUT_KEY`] says which chunks make each list, how many entries they hold and a checksum
//! of them: a save is one `set` of the changed items with that manifest, and a list whose
//! chunks do not match it (a save from another device still arriving) is never read.
//!
//! When the whole set does not fit [`SYNC_BUDGET`], or a chunk cannot fit one item, it is
//! kept in `chrome.storage.local` (this device only), with a manifest in sync that says so;
//! it goes back to sync when it fits again. An area without a manifest holds the plain keys
//! of the versions before this one, read as they are and rewritten on the next save.

use super::{FieldMessage, StoredValue, KEYS};
use crate::calling_hours::{CALLING_HOLIDAYS, CALLING_WINDOWS};
use crate::settings::{CALLER_IDS, RULES};
use serde::Serialize;

/// The key of the manifest.
pub const LAYOUT_KEY: &str = "layout";
/// The manifest's version: the first with one.
const VERSION: f64 = 2.0;
/// `chrome.storage.sync.QUOTA_BYTES_PER_ITEM`: an item's key and its value as JSON.
pub const QUOTA_BYTES_PER_ITEM: usize = 8_192;
/// What the settings may take of `chrome.storage.sync.QUOTA_BYTES` (102,400): the rest is
/// room for the manifest to grow between a check and a write.
pub const SYNC_BUDGET: usize = 96 * 1_024;

/// A list written in chunks, with the keys of its entries in the order they are written.
struct ListLayout {
    key: &'static str,
    fields: &'static [&'static str],
}

const LISTS: [ListLayout; 4] = [
    ListLayout {
        key: CALLER_IDS,
        fields: &["number", "label"],
    },
    ListLayout {
        key: RULES,
        fields: &["region", "callerId"],
    },
    ListLayout {
        key: CALLING_WINDOWS,
        fields: &["region", "days", "from", "to"],
    },
    ListLayout {
        key: CALLING_HOLIDAYS,
        fields: &["region", "date"],
    },
];

/// A storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// `chrome.storage.sync`: follows the user to every browser signed in to the account.
    Sync,
    /// `chrome.storage.local`: this browser only.
    Local,
}

/// The user's settings as stored, whatever the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct UserSettings {
    /// The settings as plain keys, as the settings checks read them.
    pub values: StoredValue,
    /// The area that holds them.
    pub area: Area,
    /// Lists that could not be read, named by their key; they take their default.
    pub problems: Vec<FieldMessage>,
}

/// One call to a storage area: `set`, then `remove`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// The area.
    pub area: Area,
    /// The items to write, all in one call.
    pub set: StoredValue,
    /// The keys to remove afterwards: stale chunks and keys of the old layout.
    pub remove: Vec<String>,
}

/// How to save: the steps in order, and where the settings end up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoragePlan {
    /// The area that holds the settings after the save.
    pub area: Area,
    /// Their size as the sync quota counts it (whichever area they go to).
    pub bytes: usize,
    /// The storage calls, in order; the one that writes the manifest of the area read makes
    /// the save visible.
    pub steps: Vec<Step>,
}

/// The user's settings from the two areas: from `local` when sync's manifest says so.
pub fn user_settings(sync: &StoredValue, local: &StoredValue) -> UserSettings {
    let area = area_of(sync);
    let (values, problems) = decode(if area == Area::Local { local } else { sync });
    UserSettings {
        values,
        area,
        problems,
    }
}

/// How to save `changes` (validated settings, plain keys; `null` removes a key) over what the
/// areas hold. Refused, with the reason, while a list stored earlier cannot be read, as the
/// save would lose it.
pub fn storage_plan(
    changes: &StoredValue,
    sync: &StoredValue,
    local: &StoredValue,
) -> Result<StoragePlan, String> {
    let StoredValue::Object(changes) = changes else {
        return Err("the settings to save must be an object".to_owned());
    };
    let current = user_settings(sync, local);
    if let Some(problem) = current
        .problems
        .iter()
        .find(|p| !changes.iter().any(|(key, _)| *key == p.field))
    {
        return Err(format!(
            "{}; nothing was saved, so that it is not lost",
            problem.message
        ));
    }
    let mut full: Vec<(String, StoredValue)> = match current.values {
        StoredValue::Object(pairs) => pairs,
        _ => Vec::new(),
    };
    for (key, value) in changes {
        full.retain(|(k, _)| k != key);
        if *value != StoredValue::Null {
            full.push((key.clone(), value.clone()));
        }
    }
    let items = encode(&full, Area::Sync);
    let bytes: usize = items.iter().map(|(k, v)| item_size(k, v)).sum();
    let fits = bytes <= SYNC_BUDGET
        && items
            .iter()
            .all(|(k, v)| item_size(k, v) <= QUOTA_BYTES_PER_ITEM);
    let mut steps = Vec::new();
    if fits {
        steps.push(step(Area::Sync, sync, items));
        if current.area == Area::Local {
            steps.push(step(Area::Local, local, Vec::new()));
        }
    } else {
        // The settings first, then the manifest in sync that sends readers to them.
        steps.push(step(Area::Local, local, encode(&full, Area::Local)));
        let pointer = vec![(LAYOUT_KEY.to_owned(), manifest(Area::Local, Vec::new()))];
        steps.push(step(Area::Sync, sync, pointer));
    }
    steps.retain(|s| s.set != StoredValue::Object(Vec::new()) || !s.remove.is_empty());
    Ok(StoragePlan {
        area: if fits { Area::Sync } else { Area::Local },
        bytes,
        steps,
    })
}

/// The items of `area` (stored as `stored`) to write so that it holds `items`, and the keys
/// of the settings it holds besides them.
fn step(area: Area, stored: &StoredValue, items: Vec<(String, StoredValue)>) -> Step {
    let stored: &[(String, StoredValue)] = match stored {
        StoredValue::Object(pairs) => pairs,
        _ => &[],
    };
    let remove = stored
        .iter()
        .map(|(key, _)| key)
        .filter(|key| is_settings_key(key) && !items.iter().any(|(k, _)| k == *key))
        .cloned()
        .collect();
    let set = items
        .into_iter()
        .filter(|(key, value)| !stored.iter().any(|(k, v)| k == key && v == value))
        .collect();
    Step {
        area,
        set: StoredValue::Object(set),
        remove,
    }
}

/// Whether the layout owns `key`: a setting, a chunk of a list, or the manifest.
fn is_settings_key(key: &str) -> bool {
    key == LAYOUT_KEY
        || KEYS.iter().any(|k| k.name == key)
        || LISTS
            .iter()
            .any(|list| chunk_index(list.key, key).is_some())
}

/// `n` when `key` is `{list}.{n}`.
fn chunk_index(list: &str, key: &str) -> Option<usize> {
    let digits = key.strip_prefix(list)?.strip_prefix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The area sync's manifest names; sync without one.
fn area_of(sync: &StoredValue) -> Area {
    match field(sync, LAYOUT_KEY).and_then(|m| field(m, "area")) {
        Some(StoredValue::String(area)) if area == "local" => Area::Local,
        _ => Area::Sync,
    }
}

fn field<'a>(value: &'a StoredValue, name: &str) -> Option<&'a StoredValue> {
    match value {
        StoredValue::Object(pairs) => pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

/// The settings `full` (plain keys) laid out for `area`: plain keys for what is not a list,
/// chunks for the lists, and the manifest.
fn encode(full: &[(String, StoredValue)], area: Area) -> Vec<(String, StoredValue)> {
    let mut items = Vec::new();
    let mut lists = Vec::new();
    for (key, value) in full
        .iter()
        .filter(|(key, _)| KEYS.iter().any(|k| k.name == *key))
    {
        match (LISTS.iter().find(|l| l.key == *key), value) {
            (Some(list), StoredValue::Array(entries)) => {
                let entries: Vec<StoredValue> =
                    entries.iter().map(|e| compact(e, list.fields)).collect();
                let chunks = chunks(list.key, &entries);
                lists.push((
                    key.clone(),
                    StoredValue::object([
                        ("chunks", number(chunks.len())),
                        ("entries", number(entries.len())),
                        ("check", StoredValue::Number(f64::from(checksum(&entries)))),
                    ]),
                ));
                items.extend(chunks);
            }
            _ => items.push((key.clone(), value.clone())),
        }
    }
    items.push((LAYOUT_KEY.to_owned(), manifest(area, lists)));
    items
}

fn manifest(area: Area, lists: Vec<(String, StoredValue)>) -> StoredValue {
    let area = match area {
        Area::Sync => "sync",
        Area::Local => "local",
    };
    let mut pairs = vec![
        ("version".to_owned(), StoredValue::Number(VERSION)),
        ("area".to_owned(), StoredValue::string(area)),
    ];
    if !lists.is_empty() {
        pairs.push(("lists".to_owned(), StoredValue::Object(lists)));
    }
    StoredValue::Object(pairs)
}

fn number(n: usize) -> StoredValue {
    StoredValue::Number(n as f64)
}

/// An entry as the array of its values in `fields` order; an entry of another shape as it is
/// (validated settings have none).
fn compact(entry: &StoredValue, fields: &[&str]) -> StoredValue {
    match entry {
        StoredValue::Object(pairs)
            if pairs.len() == fields.len() && fields.iter().all(|f| field(entry, f).is_some()) =>
        {
            StoredValue::Array(
                fields
                    .iter()
                    .filter_map(|f| field(entry, f).cloned())
                    .collect(),
            )
        }
        other => other.clone(),
    }
}

/// An entry back as an object; anything else as it is, for the checks to report.
fn expand(entry: &StoredValue, fields: &[&str]) -> StoredValue {
    match entry {
        StoredValue::Array(values) if values.len() == fields.len() => StoredValue::Object(
            fields
                .iter()
                .zip(values)
                .map(|(f, v)| ((*f).to_owned(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `entries` in items `{list}.0`, `{list}.1`, … of at most [`QUOTA_BYTES_PER_ITEM`] each,
/// unless one entry alone is larger.
fn chunks(list: &str, entries: &[StoredValue]) -> Vec<(String, StoredValue)> {
    let mut chunks = Vec::new();
    let mut current: Vec<StoredValue> = Vec::new();
    // `[` and `]`, and the commas between entries.
    let mut size = 2;
    for entry in entries {
        let entry_size = json_size(entry);
        let key_size = format!("{list}.{}", chunks.len()).len();
        let comma = usize::from(!current.is_empty());
        if !current.is_empty() && key_size + size + comma + entry_size > QUOTA_BYTES_PER_ITEM {
            chunks.push(StoredValue::Array(std::mem::take(&mut current)));
            size = 2;
        }
        size += usize::from(!current.is_empty()) + entry_size;
        current.push(entry.clone());
    }
    if !current.is_empty() {
        chunks.push(StoredValue::Array(current));
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| (format!("{list}.{i}"), chunk))
        .collect()
}

/// The plain settings an area holds, and the lists that could not be read.
fn decode(stored: &StoredValue) -> (StoredValue, Vec<FieldMessage>) {
    let Some(manifest) = field(stored, LAYOUT_KEY) else {
        return (stored.clone(), Vec::new());
    };
    let StoredValue::Object(pairs) = stored else {
        return (stored.clone(), Vec::new());
    };
    let lists = field(manifest, "lists");
    let chunked = |key: &str| lists.and_then(|l| field(l, key)).is_some();
    let mut values: Vec<(String, StoredValue)> = pairs
        .iter()
        .filter(|(key, _)| {
            key != LAYOUT_KEY
                && !chunked(key)
                && !LISTS
                    .iter()
                    .any(|list| chunk_index(list.key, key).is_some())
        })
        .cloned()
        .collect();
    let mut problems = Vec::new();
    if field(manifest, "version") != Some(&StoredValue::Number(VERSION)) {
        problems.push(FieldMessage {
            field: LAYOUT_KEY.to_owned(),
            message: format!(
                "{LAYOUT_KEY}: the settings were saved by another version of the extension, in a form this one does not read; using the defaults"
            ),
        });
        return (StoredValue::Object(Vec::new()), problems);
    }
    for list in LISTS.iter().filter(|l| chunked(l.key)) {
        match read_list(stored, list, lists.and_then(|l| field(l, list.key))) {
            Some(entries) => values.push((list.key.to_owned(), StoredValue::Array(entries))),
            None => problems.push(FieldMessage {
                field: list.key.to_owned(),
                message: format!(
                    "{}: its stored parts do not match (a save from another browser may still be arriving); using the default until they do",
                    list.key
                ),
            }),
        }
    }
    (StoredValue::Object(values), problems)
}

/// The entries of `list` as objects, when its chunks are all there and match the manifest's
/// entry count and checksum.
fn read_list(
    stored: &StoredValue,
    list: &ListLayout,
    described: Option<&StoredValue>,
) -> Option<Vec<StoredValue>> {
    let described = described?;
    let count = |name| match field(described, name) {
        Some(StoredValue::Number(n)) if *n >= 0.0 && n.fract() == 0.0 => Some(*n as usize),
        _ => None,
    };
    let mut entries = Vec::new();
    for i in 0..count("chunks")? {
        let StoredValue::Array(chunk) = field(stored, &format!("{}.{i}", list.key))? else {
            return None;
        };
        entries.extend(chunk.iter().cloned());
    }
    let check = field(described, "check")?;
    if entries.len() != count("entries")?
        || *check != StoredValue::Number(f64::from(checksum(&entries)))
    {
        return None;
    }
    Some(entries.iter().map(|e| expand(e, list.fields)).collect())
}

/// FNV-1a of the entries' JSON: tells a list's chunks from a mix of two saves.
fn checksum(entries: &[StoredValue]) -> u32 {
    let json = serde_json::to_string(entries).unwrap_or_default();
    json.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The bytes an item takes of the sync quota: its key and its value as JSON, as Chromium
/// writes it (`<`, U+2028 and U+2029 escaped as `\uXXXX`), never less than Firefox's count.
pub fn item_size(key: &str, value: &StoredValue) -> usize {
    key.len() + json_size(value)
}

fn json_size(value: &StoredValue) -> usize {
    let json = serde_json::to_string(value).unwrap_or_default();
    let escaped: usize = json
        .chars()
        .map(|c| match c {
            '<' => 5,
            '\u{2028}' | '\u{2029}' => 3,
            _ => 0,
        })
        .sum();
    json.len() + escaped
}

#[cfg(test)]
mod tests {
    use super::super::test_values::{list, obj, pool_entry, rule, s};
    use super::*;
    use crate::settings::{read_stored_settings, Settings, DEFAULT_COUNTRY, ENABLED};
    use proptest::prelude::*;

    /// `chrome.storage.sync`'s total quota.
    const QUOTA_BYTES: usize = 102_400;

    /// The two areas as a browser keeps them; `sync` refuses what Chrome's quotas refuse.
    #[derive(Default)]
    struct Areas {
        sync: Vec<(String, StoredValue)>,
        local: Vec<(String, StoredValue)>,
    }

    impl Areas {
        fn with_sync(pairs: &[(&str, StoredValue)]) -> Self {
            Areas {
                sync: pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.clone()))
                    .collect(),
                local: Vec::new(),
            }
        }
        fn sync(&self) -> StoredValue {
            StoredValue::Object(self.sync.clone())
        }
        fn local(&self) -> StoredValue {
            StoredValue::Object(self.local.clone())
        }
        fn read(&self) -> UserSettings {
            user_settings(&self.sync(), &self.local())
        }
        fn save(&mut self, changes: &StoredValue) -> StoragePlan {
            let plan = storage_plan(changes, &self.sync(), &self.local()).expect("a plan");
            for step in &plan.steps {
                let area = match step.area {
                    Area::Sync => &mut self.sync,
                    Area::Local => &mut self.local,
                };
                let StoredValue::Object(set) = &step.set else {
                    panic!("set is an object")
                };
                let mut after = area.clone();
                for (key, value) in set {
                    after.retain(|(k, _)| k != key);
                    after.push((key.clone(), value.clone()));
                }
                if step.area == Area::Sync {
                    for (key, value) in set {
                        let size = item_size(key, value);
                        assert!(size <= QUOTA_BYTES_PER_ITEM, "{key}: {size} bytes");
                    }
                    let total: usize = after.iter().map(|(k, v)| item_size(k, v)).sum();
                    assert!(total <= QUOTA_BYTES, "{total} bytes in sync");
                }
                after.retain(|(k, _)| !step.remove.contains(k));
                *area = after;
            }
            plan
        }
    }

    fn pool(count: usize, label_chars: usize) -> StoredValue {
        let entries: Vec<StoredValue> = (0..count)
            .map(|i| {
                let label = format!("{i} <Office> “{}”", "x".repeat(label_chars));
                let label: String = label.chars().take(label_chars).collect();
                pool_entry(&format!("+1{}555{:04}", 201 + i % 700, i), &label)
            })
            .collect();
        list(&entries)
    }

    fn rules(count: usize) -> StoredValue {
        let entries: Vec<StoredValue> = (0..count)
            .map(|i| rule(&format!("+1{}", 200_000 + i), "+13035550100"))
            .collect();
        list(&entries)
    }

    fn windows() -> StoredValue {
        list(&[obj(&[
            ("region", s("US-FL")),
            ("days", list(&[s("mon"), s("fri")])),
            ("from", s("08:00")),
            ("to", s("20:00")),
        ])])
    }

    fn settings(stored: &StoredValue) -> Settings {
        read_stored_settings(stored, &StoredValue::Null, &StoredValue::Null).settings
    }

    fn effective(areas: &Areas) -> Settings {
        read_stored_settings(&areas.sync(), &areas.local(), &StoredValue::Null).settings
    }

    #[test]
    fn large_settings_round_trip_in_sync_in_chunks_within_the_quotas() {
        let changes = obj(&[
            (ENABLED, StoredValue::Bool(false)),
            (CALLER_IDS, pool(1_000, 20)),
            (RULES, rules(500)),
            (CALLING_WINDOWS, windows()),
            (
                CALLING_HOLIDAYS,
                list(&[obj(&[("region", s("US")), ("date", s("2026-12-25"))])]),
            ),
        ]);
        let mut areas = Areas::default();
        let plan = areas.save(&changes);
        assert_eq!(plan.area, Area::Sync);
        assert_eq!(plan.steps.len(), 1, "one write");
        assert!(plan.bytes <= SYNC_BUDGET, "{} bytes", plan.bytes);
        let chunk_keys: Vec<&str> = areas
            .sync
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| k.starts_with("callerIds."))
            .collect();
        assert!(chunk_keys.len() > 1, "{chunk_keys:?}");
        assert!(areas.local.is_empty());
        let read = areas.read();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.area, Area::Sync);
        assert_eq!(effective(&areas), settings(&changes));
        assert_eq!(effective(&areas).caller_ids.len(), 1_000);
        println!(
            "1,000 caller IDs (20-character labels) and 500 rules: {} bytes in sync",
            plan.bytes
        );
    }

    #[test]
    fn a_later_save_writes_only_what_changed_and_removes_stale_chunks() {
        let mut areas = Areas::default();
        areas.save(&obj(&[(CALLER_IDS, pool(600, 20)), (RULES, rules(10))]));
        let plan = areas.save(&obj(&[(CALLER_IDS, pool(5, 20))]));
        let [step] = plan.steps.as_slice() else {
            panic!("{plan:?}")
        };
        let StoredValue::Object(set) = &step.set else {
            panic!()
        };
        let written: Vec<&str> = set.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            written,
            ["callerIds.0", LAYOUT_KEY],
            "the rules are not written again"
        );
        assert!(
            step.remove.contains(&"callerIds.1".to_owned()),
            "{:?}",
            step.remove
        );
        assert!(!areas.sync.iter().any(|(k, _)| k == "callerIds.1"));
        assert_eq!(effective(&areas).caller_ids.len(), 5);
        assert_eq!(effective(&areas).rules.len(), 10);
    }

    #[test]
    fn settings_too_large_for_sync_go_to_local_and_come_back_when_they_fit() {
        let mut areas = Areas::with_sync(&[(DEFAULT_COUNTRY, s("GB"))]);
        let large = obj(&[(CALLER_IDS, pool(2_000, 60)), (RULES, rules(1_000))]);
        let plan = areas.save(&large);
        assert_eq!(plan.area, Area::Local);
        assert!(plan.bytes > SYNC_BUDGET);
        assert_eq!(
            plan.steps.iter().map(|s| s.area).collect::<Vec<_>>(),
            [Area::Local, Area::Sync],
            "the settings before the manifest that points to them"
        );
        let sync_keys: Vec<&str> = areas.sync.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(sync_keys, [LAYOUT_KEY]);
        let read = areas.read();
        assert_eq!(read.area, Area::Local);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let got = effective(&areas);
        assert_eq!(got.default_country, "GB", "kept from before");
        assert_eq!(got.caller_ids.len(), 2_000);
        assert_eq!(got.rules.len(), 1_000);
        println!(
            "2,000 caller IDs (60-character labels) and 1,000 rules: {} bytes",
            plan.bytes
        );

        let plan = areas.save(&obj(&[(CALLER_IDS, pool(300, 20)), (RULES, rules(5))]));
        assert_eq!(plan.area, Area::Sync);
        assert!(areas.local.is_empty(), "{:?}", areas.local);
        let got = effective(&areas);
        assert_eq!(
            (got.default_country.as_str(), got.caller_ids.len()),
            ("GB", 300)
        );
    }

    #[test]
    fn settings_of_the_previous_version_are_read_and_migrated_on_the_next_save() {
        let plain = [
            (DEFAULT_COUNTRY, s("CA")),
            (CALLER_IDS, pool(3, 10)),
            (RULES, rules(2)),
            ("somethingElse", s("not ours")),
        ];
        let mut areas = Areas::with_sync(&plain);
        let before = effective(&areas);
        assert_eq!(before.caller_ids.len(), 3);
        assert_eq!(before.default_country, "CA");
        areas.save(&obj(&[(ENABLED, StoredValue::Bool(false))]));
        let keys: Vec<&str> = areas.sync.iter().map(|(k, _)| k.as_str()).collect();
        assert!(
            !keys.contains(&CALLER_IDS) && !keys.contains(&RULES),
            "{keys:?}"
        );
        assert!(keys.contains(&"somethingElse"), "what is not ours stays");
        assert_eq!(
            effective(&areas),
            Settings {
                enabled: false,
                ..before
            }
        );
    }

    #[test]
    fn a_half_arrived_save_is_never_read_nor_saved_over() {
        let mut areas = Areas::default();
        areas.save(&obj(&[(CALLER_IDS, pool(400, 20))]));
        let mut newer = Areas::default();
        newer.save(&obj(&[(CALLER_IDS, pool(400, 19))]));
        // Another browser's chunk 1 arrived, its manifest and chunk 0 not yet.
        let chunk = newer.sync.iter().find(|(k, _)| k == "callerIds.1").cloned();
        let chunk = chunk.expect("two chunks");
        areas.sync.retain(|(k, _)| k != "callerIds.1");
        areas.sync.push(chunk);
        let reading = read_stored_settings(&areas.sync(), &areas.local(), &StoredValue::Null);
        assert!(reading.settings.caller_ids.is_empty());
        assert_eq!(reading.problems.len(), 1);
        assert!(
            reading.problems[0]
                .message
                .starts_with("callerIds: its stored parts do not match"),
            "{:?}",
            reading.problems
        );
        let refused = storage_plan(
            &obj(&[(ENABLED, StoredValue::Bool(false))]),
            &areas.sync(),
            &areas.local(),
        );
        assert!(refused
            .expect_err("refused")
            .ends_with("nothing was saved, so that it is not lost"));
        // Saving the list itself replaces it whole.
        areas.save(&obj(&[(CALLER_IDS, pool(2, 5))]));
        assert_eq!(effective(&areas).caller_ids.len(), 2);
    }

    #[test]
    fn item_sizes_count_the_key_and_the_value_as_chrome_writes_it() {
        assert_eq!(item_size("a", &s("b")), 4);
        assert_eq!(item_size("k", &StoredValue::Number(2.0)), 2);
        assert_eq!(item_size("k", &s("<")), 1 + 8);
        assert_eq!(item_size("k", &s("é")), 1 + 4);
        assert_eq!(item_size("k", &s("\"")), 1 + 4);
        assert_eq!(
            item_size("k", &list(&[s("a"), StoredValue::Bool(true)])),
            1 + 10
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any pool and rules, saved over anything of either layout, read back as saved.
        #[test]
        fn any_pool_round_trips(
            labels in prop::collection::vec("\\PC{0,60}", 0..1_200),
            rule_count in 0usize..600,
            previous in 0usize..900,
        ) {
            let entries: Vec<StoredValue> = labels
                .iter()
                .enumerate()
                .map(|(i, label)| pool_entry(&format!("+1{}555{:04}", 201 + i % 700, i), label))
                .collect();
            let mut areas = Areas::default();
            areas.save(&obj(&[(CALLER_IDS, pool(previous, 40))]));
            let changes = obj(&[(CALLER_IDS, list(&entries)), (RULES, rules(rule_count))]);
            areas.save(&changes);
            let read = areas.read();
            prop_assert!(read.problems.is_empty());
            let StoredValue::Object(values) = &read.values else { panic!() };
            prop_assert_eq!(values.iter().find(|(k, _)| k == CALLER_IDS).map(|(_, v)| v), Some(&list(&entries)));
            prop_assert_eq!(values.iter().find(|(k, _)| k == RULES).map(|(_, v)| v), Some(&rules(rule_count)));
        }
    }
}
