//! Merging the answers of several PVOG-compatible federation sources: the pure part.
//!
//! The app asks every configured source in parallel, each within a time budget, and merges
//! whatever arrives. This module decides what the merged answer is ([`merge_service_descriptions`],
//! [`merge_by`], [`merge_locations`], [`merge_online_services`]) and when a failed request is
//! worth another try ([`RetryPolicy`]). The fetching itself (and the clock) live in the app.
//!
//! **Source order.** Every merge takes the answers as a list in the *configured* source order,
//! whatever order they arrived in: the position in that list is the source's priority when two
//! answers are otherwise equal, and it makes the result deterministic.
//!
//! **Failures.** A source that failed is reported in `missing` (so the page can say "the
//! information of source X is missing") and contributes nothing; the other sources' answers are
//! used as if it were not configured. [`Failure::NoHit`] (HTTP 404 on a lookup) is an answer,
//! not a failure: such a source contributes nothing and is not reported.
//!
//! Texts in the merged descriptions are passed on as the source sent them: render them through
//! [`crate::sanitize::sanitize_html`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ars::Ars;
use crate::leika::LeikaKey;
use crate::pvog::{Location, OnlineService, ServiceDescription};

/// The id of a configured federation source (`federation_sources[].id` of the operator
/// configuration), e.g. `"pvog"` or `"bayern"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl SourceId {
    pub fn new(id: impl Into<String>) -> SourceId {
        SourceId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SourceId {
    fn from(id: &str) -> SourceId {
        SourceId(id.to_string())
    }
}

impl From<String> for SourceId {
    fn from(id: String) -> SourceId {
        SourceId(id)
    }
}

/// Why a source gave no usable answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Failure {
    /// No response at all: network error, DNS, CORS, connection refused.
    Unreachable,
    /// No complete response within the time budget.
    TimedOut,
    /// A response with a status other than 2xx and 404.
    HttpStatus(u16),
    /// A response that is not valid JSON, or not of the expected shape.
    Malformed,
    /// A response larger than the app accepts (`limit` bytes).
    TooLarge { limit: usize },
    /// HTTP 404 on a detail or LeiKa lookup: the source has nothing for it. Not an error.
    NoHit,
}

impl Failure {
    /// The failure an HTTP status stands for: `None` for 2xx (a response to parse), [`NoHit`]
    /// for 404, [`HttpStatus`] for anything else. (404 means "no hit" on the lookups PVOG
    /// documents it for; the caller decides for other endpoints.)
    ///
    /// [`NoHit`]: Failure::NoHit
    /// [`HttpStatus`]: Failure::HttpStatus
    pub fn from_status(status: u16) -> Option<Failure> {
        match status {
            200..=299 => None,
            404 => Some(Failure::NoHit),
            _ => Some(Failure::HttpStatus(status)),
        }
    }

    /// Whether the page should report this source as missing: everything but [`Failure::NoHit`].
    pub fn is_error(&self) -> bool {
        *self != Failure::NoHit
    }

    /// Whether the same request may succeed later: the source was unreachable, timed out, was
    /// rate limited (429) or its gateway was (502, 503, 504). Malformed or too large answers,
    /// other 4xx and other 5xx will come back the same.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Failure::Unreachable | Failure::TimedOut | Failure::HttpStatus(429 | 502 | 503 | 504)
        )
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Unreachable => f.write_str("unreachable"),
            Failure::TimedOut => f.write_str("timed out"),
            Failure::HttpStatus(status) => write!(f, "HTTP status {status}"),
            Failure::Malformed => f.write_str("malformed response"),
            Failure::TooLarge { limit } => write!(f, "response larger than {limit} bytes"),
            Failure::NoHit => f.write_str("no hit"),
        }
    }
}

/// What one source gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceOutcome<T> {
    Answered(T),
    Failed(Failure),
}

impl<T> SourceOutcome<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> SourceOutcome<U> {
        match self {
            SourceOutcome::Answered(t) => SourceOutcome::Answered(f(t)),
            SourceOutcome::Failed(failure) => SourceOutcome::Failed(failure),
        }
    }

    pub fn answer(&self) -> Option<&T> {
        match self {
            SourceOutcome::Answered(t) => Some(t),
            SourceOutcome::Failed(_) => None,
        }
    }

    pub fn failure(&self) -> Option<Failure> {
        match self {
            SourceOutcome::Answered(_) => None,
            SourceOutcome::Failed(failure) => Some(*failure),
        }
    }
}

impl<T> From<Result<T, Failure>> for SourceOutcome<T> {
    fn from(result: Result<T, Failure>) -> Self {
        match result {
            Ok(t) => SourceOutcome::Answered(t),
            Err(failure) => SourceOutcome::Failed(failure),
        }
    }
}

/// The description chosen for one LeiKa key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedService {
    /// The merge key: the first valid LeiKa key of the chosen description.
    pub key: LeikaKey,
    pub description: ServiceDescription,
    /// The source the chosen description came from.
    pub source: SourceId,
    /// Significant digits of the chosen description's validity area that contains the place:
    /// 12 Gemeinde, 9 Gemeindeverband, 5 Kreis, 3 Regierungsbezirk, 2 Land, 0 Bund.
    pub locality: usize,
    /// Every source that had a description for this key valid at the place, in configured
    /// order (the chosen one among them).
    pub sources: Vec<SourceId>,
}

/// The merged answer of all sources for a place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// One entry per LeiKa key, in order of first appearance: the first source's descriptions
    /// in their order, then the keys only the second source has, and so on.
    pub by_key: Vec<MergedService>,
    /// The sources that failed (not those that answered "no hit"), in configured order.
    pub missing: Vec<(SourceId, Failure)>,
}

impl Merged {
    pub fn get(&self, key: &LeikaKey) -> Option<&MergedService> {
        self.by_key.iter().find(|m| &m.key == key)
    }

    /// Whether every source answered.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Merges the service descriptions of several sources for the place `place`.
///
/// `answers` are in configured source order (see the [module docs](self)). The rules:
///
/// 1. **Key.** A description is filed under its *first valid* LeiKa key (`leikakeys` in the
///    order the source sent them; URN and plain forms accepted, invalid entries skipped). A
///    description listing several keys therefore appears once, under the key its source put
///    first; one without a valid key is ignored.
/// 2. **Validity.** A description counts only if one of its validity areas (`ars`) contains
///    the place; its locality is the longest such area's significant prefix. Descriptions
///    without a valid area are ignored.
/// 3. **Choice.** Per key the description with the highest locality wins (most local: a
///    Gemeinde's own text beats the Land's, which beats the Bund's); on a tie the earlier
///    source in configured order; within one source the newer `lastUpdate` (a description
///    with a readable timestamp beats one without); then the first in the source's list.
/// 4. **Order.** Keys appear in the order of their first valid description, sources in
///    configured order, each source's list in its order.
pub fn merge_service_descriptions(
    answers: Vec<(SourceId, SourceOutcome<Vec<ServiceDescription>>)>,
    place: &Ars,
) -> Merged {
    struct Candidate {
        rank: usize,
        locality: usize,
        updated: Option<(i64, u32)>,
        source: SourceId,
        description: ServiceDescription,
    }
    impl Candidate {
        fn beats(&self, other: &Candidate) -> bool {
            (self.locality, std::cmp::Reverse(self.rank), self.updated)
                > (other.locality, std::cmp::Reverse(other.rank), other.updated)
        }
    }
    struct Group {
        key: LeikaKey,
        best: Candidate,
        sources: Vec<SourceId>,
    }

    let mut missing = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut index: BTreeMap<LeikaKey, usize> = BTreeMap::new();
    for (rank, (source, outcome)) in answers.into_iter().enumerate() {
        let descriptions = match outcome {
            SourceOutcome::Answered(descriptions) => descriptions,
            SourceOutcome::Failed(failure) => {
                note_failure(&mut missing, source, failure);
                continue;
            }
        };
        for description in descriptions {
            let Some(key) = merge_key(&description) else {
                continue;
            };
            let Some(locality) = locality_at(&description, place) else {
                continue;
            };
            let candidate = Candidate {
                rank,
                locality,
                updated: description.last_update.as_deref().and_then(parse_timestamp),
                source: source.clone(),
                description,
            };
            match index.get(&key) {
                Some(&i) => {
                    let group = &mut groups[i];
                    if !group.sources.contains(&source) {
                        group.sources.push(source.clone());
                    }
                    if candidate.beats(&group.best) {
                        group.best = candidate;
                    }
                }
                None => {
                    index.insert(key, groups.len());
                    groups.push(Group {
                        key,
                        sources: vec![source.clone()],
                        best: candidate,
                    });
                }
            }
        }
    }
    Merged {
        by_key: groups
            .into_iter()
            .map(|g| MergedService {
                key: g.key,
                description: g.best.description,
                source: g.best.source,
                locality: g.best.locality,
                sources: g.sources,
            })
            .collect(),
        missing,
    }
}

/// The key a description is merged under: its first valid LeiKa key.
pub fn merge_key(description: &ServiceDescription) -> Option<LeikaKey> {
    description
        .leikakeys
        .iter()
        .find_map(|k| LeikaKey::from_urn_or_plain(k.trim()).ok())
}

/// The significant prefix length of the most local validity area of `description` that
/// contains `place`; `None` when no area does.
pub fn locality_at(description: &ServiceDescription, place: &Ars) -> Option<usize> {
    description
        .areas()
        .iter()
        .filter(|area| place.is_within(area))
        .map(Ars::prefix_len)
        .max()
}

/// An item and the source it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    pub source: SourceId,
    pub item: T,
}

/// A merged list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedList<T> {
    pub items: Vec<Sourced<T>>,
    /// The sources that failed (not those that answered "no hit"), in configured order.
    pub missing: Vec<(SourceId, Failure)>,
}

impl<T> Default for MergedList<T> {
    fn default() -> Self {
        MergedList {
            items: Vec::new(),
            missing: Vec::new(),
        }
    }
}

/// Concatenates the lists of all sources (in configured order), keeping the first item per
/// `key` and dropping items without one (`key` returns `None`).
pub fn merge_by<T, K: Ord>(
    answers: Vec<(SourceId, SourceOutcome<Vec<T>>)>,
    mut key: impl FnMut(&T) -> Option<K>,
) -> MergedList<T> {
    let mut merged = MergedList::default();
    let mut seen = BTreeSet::new();
    for (source, outcome) in answers {
        match outcome {
            SourceOutcome::Answered(items) => {
                for item in items {
                    if key(&item).is_some_and(|k| seen.insert(k)) {
                        merged.items.push(Sourced {
                            source: source.clone(),
                            item,
                        });
                    }
                }
            }
            SourceOutcome::Failed(failure) => note_failure(&mut merged.missing, source, failure),
        }
    }
    merged
}

/// Places (`/v2/locations`) of all sources, one per ARS (the first); places without a valid
/// ARS are dropped.
pub fn merge_locations(
    answers: Vec<(SourceId, SourceOutcome<Vec<Location>>)>,
) -> MergedList<Location> {
    merge_by(answers, Location::ars)
}

/// Online services (`/v1beta2/onlineservices`) of all sources, one per id (the first);
/// services without an id are dropped.
pub fn merge_online_services(
    answers: Vec<(SourceId, SourceOutcome<Vec<OnlineService>>)>,
) -> MergedList<OnlineService> {
    merge_by(answers, |service| {
        service
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string)
    })
}

/// The online services that handle `key` at `place`: one of their service references names
/// the key and has a validity area containing the place (no area given counts as everywhere,
/// as PVOG leaves it empty for nationwide services).
pub fn online_services_for<'a>(
    services: &'a [OnlineService],
    key: &LeikaKey,
    place: &Ars,
) -> Vec<&'a OnlineService> {
    services
        .iter()
        .filter(|service| {
            service.service_descriptions.iter().any(|reference| {
                let names_key = reference
                    .leikakeys
                    .iter()
                    .any(|k| LeikaKey::from_urn_or_plain(k.trim()).ok().as_ref() == Some(key));
                let areas: Vec<Ars> = reference
                    .ars
                    .iter()
                    .filter_map(|a| Ars::parse(a.trim()).ok())
                    .collect();
                names_key && (areas.is_empty() || areas.iter().any(|area| place.is_within(area)))
            })
        })
        .collect()
}

fn note_failure(missing: &mut Vec<(SourceId, Failure)>, source: SourceId, failure: Failure) {
    if failure.is_error() {
        missing.push((source, failure));
    }
}

/// Reads an ISO 8601 / RFC 3339 timestamp (`2022-10-10T09:12:27.031512400Z`, `2024-05-01`,
/// `2024-05-01T10:00:00+02:00`) as seconds since 1970 (UTC) and nanoseconds, for comparing.
/// A missing offset counts as UTC. `None` for anything else.
fn parse_timestamp(s: &str) -> Option<(i64, u32)> {
    let b = s.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let digits = b.get(from..from + len)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let sep = |at: usize, c: u8| b.get(at) == Some(&c);
    let year = num(0, 4)?;
    let month = num(5, 2).filter(|m| (1..=12).contains(m))?;
    let day = num(8, 2).filter(|d| (1..=31).contains(d))?;
    if !sep(4, b'-') || !sep(7, b'-') {
        return None;
    }
    let (mut seconds, mut nanos, mut i) = (0, 0u32, 10);
    if matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        let hour = num(11, 2).filter(|h| *h <= 23)?;
        let minute = num(14, 2).filter(|m| *m <= 59)?;
        if !sep(13, b':') {
            return None;
        }
        seconds = hour * 3600 + minute * 60;
        i = 16;
        if sep(16, b':') {
            seconds += num(17, 2).filter(|s| *s <= 60)?;
            i = 19;
            if sep(19, b'.') || sep(19, b',') {
                i = 20;
                let mut scale = 100_000_000;
                while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                    nanos += u32::from(d - b'0') * scale;
                    scale /= 10;
                    i += 1;
                }
                if i == 20 {
                    return None;
                }
            }
        }
    }
    let offset = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let hours = num(i + 1, 2)?;
            let minutes = match b.len() - (i + 3) {
                0 => 0,
                2 => num(i + 3, 2)?,
                3 if sep(i + 3, b':') => num(i + 4, 2)?,
                _ => return None,
            };
            let offset = hours * 3600 + minutes * 60;
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        _ => return None,
    };
    Some((
        days_from_civil(year, month, day) * 86_400 + seconds - offset,
        nanos,
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// When to ask a source again after a failed request: pure logic, the app keeps the clock.
///
/// Only [transient](Failure::is_transient) failures are retried (`Unreachable`, `TimedOut`,
/// HTTP 429, 502, 503, 504), a timeout only once (a second one would spend the budget on a
/// source that is evidently slow); never `Malformed`, `TooLarge`, `NoHit` or another status.
/// Waits grow exponentially from `base_delay_ms`, capped at `max_delay_ms`, and are at least
/// what a `Retry-After` header asks for. At most `max_attempts` requests are made (the first
/// included), and no retry is started that could not begin within `budget_ms`.
///
/// ```
/// use model::federation::{Failure, RetryPolicy};
/// let policy = RetryPolicy::default();
/// let mut failures = vec![Failure::HttpStatus(503)];
/// assert_eq!(policy.retry_delay(&failures, 400, None), Some(250));
/// failures.push(Failure::Unreachable);
/// assert_eq!(policy.retry_delay(&failures, 1_200, None), Some(500));
/// failures.push(Failure::Unreachable);
/// assert_eq!(policy.retry_delay(&failures, 2_000, None), None, "three attempts made");
/// assert_eq!(policy.retry_delay(&[Failure::Malformed], 0, None), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RetryPolicy {
    /// Requests in total, the first included (1 = never retry).
    pub max_attempts: u32,
    /// The wait after the first failure; doubled after each further one.
    pub base_delay_ms: u32,
    /// The longest wait. A `Retry-After` asking for longer ends the retries.
    pub max_delay_ms: u32,
    /// The time budget of one source: all attempts and waits, from the first request's start.
    pub budget_ms: u32,
}

impl RetryPolicy {
    pub const DEFAULT: RetryPolicy = RetryPolicy {
        max_attempts: 3,
        base_delay_ms: 250,
        max_delay_ms: 2_000,
        budget_ms: 8_000,
    };

    /// Never retry.
    pub const NONE: RetryPolicy = RetryPolicy {
        max_attempts: 1,
        ..RetryPolicy::DEFAULT
    };

    /// The wait before the next request after `attempt` requests (1 after the first) failed
    /// transiently: `base_delay_ms · 2^(attempt−1)` capped at `max_delay_ms`, and at least
    /// `retry_after_secs` (a `Retry-After` header in seconds; the app passes `None` for an
    /// HTTP-date). `None` when `max_attempts` requests have been made, or when `Retry-After`
    /// asks for more than `max_delay_ms`. Does not look at the failure or the budget: see
    /// [`RetryPolicy::retry_delay`].
    pub fn next_delay(&self, attempt: u32, retry_after_secs: Option<u32>) -> Option<u32> {
        let attempt = attempt.max(1);
        if attempt >= self.max_attempts {
            return None;
        }
        let backoff = 1u32
            .checked_shl(attempt - 1)
            .map_or(u32::MAX, |factor| self.base_delay_ms.saturating_mul(factor))
            .min(self.max_delay_ms);
        match retry_after_secs.map(|s| s.saturating_mul(1_000)) {
            Some(asked) if asked > self.max_delay_ms => None,
            Some(asked) => Some(backoff.max(asked)),
            None => Some(backoff),
        }
    }

    /// The decision after a failed request: `Some(wait_ms)` to wait and ask again, `None` to
    /// give up and report the source as missing.
    ///
    /// `failures` are all failures of this source so far, the latest last (their number is the
    /// number of requests made); `elapsed_ms` is the time since the first request started;
    /// `retry_after_secs` is the latest response's `Retry-After`, if any.
    pub fn retry_delay(
        &self,
        failures: &[Failure],
        elapsed_ms: u32,
        retry_after_secs: Option<u32>,
    ) -> Option<u32> {
        let latest = failures.last()?;
        if !latest.is_transient() {
            return None;
        }
        if *latest == Failure::TimedOut
            && failures.iter().filter(|f| **f == Failure::TimedOut).count() > 1
        {
            return None;
        }
        let attempts = u32::try_from(failures.len()).unwrap_or(u32::MAX);
        let delay = self.next_delay(attempts, retry_after_secs)?;
        (elapsed_ms.saturating_add(delay) < self.budget_ms).then_some(delay)
    }

    /// The time left of the budget: the timeout to give the next request.
    pub fn remaining_ms(&self, elapsed_ms: u32) -> u32 {
        self.budget_ms.saturating_sub(elapsed_ms)
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn online_services_are_found_by_key_and_area() {
        let services: crate::pvog::OnlineServices = serde_json::from_str(
            r#"{"onlineservices":[
                {"id":"by","serviceDescriptions":[{"leikakeys":["99036008007002"],"ars":["09"]}],"trustLevel":"hoch"},
                {"id":"nrw","serviceDescriptions":[{"leikakeys":["99036008007002"],"ars":["05"]}]},
                {"id":"bund","serviceDescriptions":[{"leikakeys":["urn:de:fim:leika:leistung:99036008007002"],"ars":[]}]},
                {"id":"other","serviceDescriptions":[{"leikakeys":["99036008071000"],"ars":["09"]}]}
            ]}"#,
        )
        .unwrap();
        let key = LeikaKey::parse("99036008007002").unwrap();
        let noerdlingen = Ars::parse("097790194194").unwrap();
        let ids: Vec<_> = online_services_for(&services.onlineservices, &key, &noerdlingen)
            .iter()
            .map(|s| s.id.as_deref().unwrap())
            .collect();
        assert_eq!(ids, ["by", "bund"]);
    }

    #[test]
    fn timestamps_compare_as_instants() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(parse_timestamp("1970-01-02"), Some((86_400, 0)));
        assert_eq!(
            parse_timestamp("2000-03-01T00:00:00Z"),
            Some((951_868_800, 0))
        );
        assert_eq!(
            parse_timestamp("2022-10-10T09:12:27.031512400Z"),
            Some((1_665_393_147, 31_512_400))
        );
        assert_eq!(
            parse_timestamp("2024-05-01T10:00:00+02:00"),
            parse_timestamp("2024-05-01T08:00:00Z")
        );
        assert_eq!(
            parse_timestamp("2024-05-01T10:00:00+0200"),
            parse_timestamp("2024-05-01T08:00Z")
        );
        assert_eq!(
            parse_timestamp("2024-05-01T06:30:00-01:30"),
            parse_timestamp("2024-05-01 08:00:00")
        );
        assert!(
            parse_timestamp("2024-05-01T10:00:00.5Z") > parse_timestamp("2024-05-01T10:00:00.031Z")
        );
        for bad in [
            "",
            "gestern",
            "2024-13-01",
            "2024-05-01T25:00",
            "2024-05-01T10:00:00.Z",
            "2024-05-01X",
            "2024-05-01T10:00:00Zx",
            "20240501",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}
