//! Merging the answers of several federation sources, and the retry policy.

use model::federation::*;
use model::pvog::{Location, OnlineService, ServiceDescription};
use model::{Ars, LeikaKey};

/// Nördlingen (Landkreis Donau-Ries, Bayern).
fn noerdlingen() -> Ars {
    Ars::parse("097790194194").unwrap()
}

const REISEPASS: &str = "99088001000000";
const ANMELDUNG: &str = "99115005104000";
const HUNDESTEUER: &str = "99012003000000";

fn key(s: &str) -> LeikaKey {
    LeikaKey::parse(s).unwrap()
}

fn desc(id: &str, keys: &[&str], areas: &[&str]) -> ServiceDescription {
    ServiceDescription {
        id: Some(id.into()),
        name: Some(format!("Beschreibung {id}")),
        leikakeys: keys.iter().map(|k| k.to_string()).collect(),
        ars: areas.iter().map(|a| a.to_string()).collect(),
        ..ServiceDescription::default()
    }
}

fn updated(mut d: ServiceDescription, at: &str) -> ServiceDescription {
    d.last_update = Some(at.into());
    d
}

fn src(id: &str) -> SourceId {
    SourceId::new(id)
}

type Answer = (SourceId, SourceOutcome<Vec<ServiceDescription>>);

fn answered(id: &str, descriptions: Vec<ServiceDescription>) -> Answer {
    (src(id), SourceOutcome::Answered(descriptions))
}

fn failed(id: &str, failure: Failure) -> Answer {
    (src(id), SourceOutcome::Failed(failure))
}

/// `(key, chosen description id, chosen source)` per merged key.
fn summary(merged: &Merged) -> Vec<(String, String, String)> {
    merged
        .by_key
        .iter()
        .map(|m| {
            (
                m.key.to_string(),
                m.description.id.clone().unwrap(),
                m.source.to_string(),
            )
        })
        .collect()
}

#[test]
fn the_more_local_description_wins_whatever_the_source_order() {
    let land = answered("bayern", vec![desc("land", &[REISEPASS], &["09"])]);
    let kreis = answered(
        "donau-ries",
        vec![desc("kreis", &[REISEPASS], &["097790000000"])],
    );
    let bund = answered("bund", vec![desc("bund", &[REISEPASS], &["000000000000"])]);

    for order in [
        vec![land.clone(), kreis.clone(), bund.clone()],
        vec![kreis.clone(), land.clone(), bund.clone()],
        vec![bund.clone(), land.clone(), kreis.clone()],
    ] {
        let configured: Vec<SourceId> = order.iter().map(|(s, _)| s.clone()).collect();
        let merged = merge_service_descriptions(order, &noerdlingen());
        assert_eq!(merged.by_key.len(), 1);
        let m = &merged.by_key[0];
        assert_eq!(m.key, key(REISEPASS));
        assert_eq!(m.description.id.as_deref(), Some("kreis"));
        assert_eq!(m.source, src("donau-ries"));
        assert_eq!(m.locality, 5);
        assert_eq!(
            m.sources, configured,
            "every contributing source, in configured order"
        );
        assert!(merged.is_complete());
    }

    // The Gemeinde's own description beats the Kreis's; a description listing several areas
    // counts with the most local one containing the place.
    let merged = merge_service_descriptions(
        vec![
            answered("a", vec![desc("kreis", &[ANMELDUNG], &["097790000000"])]),
            answered(
                "b",
                vec![desc(
                    "gemeinde",
                    &[ANMELDUNG],
                    &["091620000000", "097790194194", "09"],
                )],
            ),
        ],
        &noerdlingen(),
    );
    assert_eq!(merged.by_key[0].description.id.as_deref(), Some("gemeinde"));
    assert_eq!(merged.by_key[0].locality, 12);
    // Short area forms are read too.
    let merged = merge_service_descriptions(
        vec![
            answered("a", vec![desc("land", &[ANMELDUNG], &["09"])]),
            answered("b", vec![desc("verband", &[ANMELDUNG], &["097790194"])]),
        ],
        &noerdlingen(),
    );
    assert_eq!(merged.by_key[0].description.id.as_deref(), Some("verband"));
    assert_eq!(merged.by_key[0].locality, 9);
}

#[test]
fn descriptions_for_other_areas_are_ignored() {
    let merged = merge_service_descriptions(
        vec![
            answered(
                "a",
                vec![
                    // Baden-Württemberg, the Landkreis München, a neighbouring Gemeinde.
                    desc("bw", &[REISEPASS], &["08"]),
                    desc("muenchen", &[ANMELDUNG], &["091840000000"]),
                    desc("nachbar", &[HUNDESTEUER], &["097790194195"]),
                    // No valid area at all.
                    desc("ohne", &[HUNDESTEUER], &[]),
                    desc("kaputt", &[HUNDESTEUER], &["97", "abc"]),
                ],
            ),
            answered("b", vec![desc("bayern", &[ANMELDUNG], &["09"])]),
        ],
        &noerdlingen(),
    );
    assert_eq!(
        summary(&merged),
        vec![(ANMELDUNG.into(), "bayern".into(), "b".into())],
        "only the Bayern description applies in Nördlingen"
    );
    assert_eq!(
        merged.by_key[0].sources,
        vec![src("b")],
        "a had nothing valid here"
    );
    assert_eq!(merged.get(&key(REISEPASS)), None);
}

#[test]
fn same_locality_goes_to_the_configured_order_then_the_newer_update() {
    let a = desc("from-a", &[REISEPASS], &["09"]);
    let b = updated(
        desc("from-b", &[REISEPASS], &["09"]),
        "2030-01-01T00:00:00Z",
    );
    let merged = merge_service_descriptions(
        vec![
            answered("a", vec![a.clone()]),
            answered("b", vec![b.clone()]),
        ],
        &noerdlingen(),
    );
    assert_eq!(
        summary(&merged)[0].1,
        "from-a",
        "configured order beats a newer lastUpdate"
    );
    let merged = merge_service_descriptions(
        vec![answered("b", vec![b]), answered("a", vec![a])],
        &noerdlingen(),
    );
    assert_eq!(summary(&merged)[0].1, "from-b");

    // Within one source: the newer lastUpdate, compared as instants.
    let old = updated(desc("old", &[REISEPASS], &["09"]), "2024-05-01T10:00:00.5Z");
    let new = updated(
        desc("new", &[REISEPASS], &["09"]),
        "2024-05-01T12:00:00+01:00",
    );
    let none = desc("none", &[REISEPASS], &["09"]);
    let garbage = updated(desc("garbage", &[REISEPASS], &["09"]), "gestern");
    for list in [
        vec![old.clone(), new.clone(), none.clone()],
        vec![none.clone(), new.clone(), old.clone()],
        vec![garbage.clone(), new.clone(), old.clone()],
    ] {
        let merged = merge_service_descriptions(vec![answered("a", list)], &noerdlingen());
        assert_eq!(summary(&merged)[0].1, "new");
        assert_eq!(
            merged.by_key[0].sources,
            vec![src("a")],
            "a source is listed once"
        );
    }
    let merged =
        merge_service_descriptions(vec![answered("a", vec![none.clone(), old])], &noerdlingen());
    assert_eq!(summary(&merged)[0].1, "old", "a timestamp beats none");
    let merged =
        merge_service_descriptions(vec![answered("a", vec![garbage, none])], &noerdlingen());
    assert_eq!(
        summary(&merged)[0].1,
        "garbage",
        "unreadable timestamps tie with none: the first wins"
    );
}

#[test]
fn healthy_sources_survive_every_kind_of_failure() {
    let healthy = || {
        answered(
            "healthy",
            vec![
                desc("r", &[REISEPASS], &["09"]),
                desc("a", &[ANMELDUNG], &["09779"]),
            ],
        )
    };
    let alone = merge_service_descriptions(vec![healthy()], &noerdlingen());
    assert_eq!(alone.by_key.len(), 2);

    let failures = [
        Failure::Unreachable,
        Failure::TimedOut,
        Failure::HttpStatus(500),
        Failure::HttpStatus(503),
        Failure::HttpStatus(403),
        Failure::Malformed,
        Failure::TooLarge { limit: 5_000_000 },
        Failure::NoHit,
    ];
    for failure in failures {
        for failing_first in [true, false] {
            let answers = if failing_first {
                vec![failed("broken", failure), healthy()]
            } else {
                vec![healthy(), failed("broken", failure)]
            };
            let merged = merge_service_descriptions(answers, &noerdlingen());
            assert_eq!(merged.by_key, alone.by_key, "{failure:?}");
            if failure == Failure::NoHit {
                assert!(
                    merged.missing.is_empty(),
                    "no hit is an answer, not a failure"
                );
                assert!(merged.is_complete());
            } else {
                assert_eq!(merged.missing, vec![(src("broken"), failure)]);
                assert!(!merged.is_complete());
            }
        }
    }

    // Everything failed: nothing merged, every failure reported in configured order.
    let merged = merge_service_descriptions(
        vec![
            failed("c", Failure::TimedOut),
            failed("a", Failure::NoHit),
            failed("b", Failure::Malformed),
        ],
        &noerdlingen(),
    );
    assert!(merged.by_key.is_empty());
    assert_eq!(
        merged.missing,
        vec![
            (src("c"), Failure::TimedOut),
            (src("b"), Failure::Malformed)
        ]
    );
    assert_eq!(
        merge_service_descriptions(Vec::new(), &noerdlingen()),
        Merged::default()
    );
}

#[test]
fn keys_are_ordered_by_first_appearance_in_configured_order() {
    let answers = vec![
        answered(
            "a",
            vec![
                desc("a-anm", &[ANMELDUNG], &["09"]),
                desc("a-bw", &[HUNDESTEUER], &["08"]), // not valid here: does not place the key
                desc("a-pass", &[REISEPASS], &["09"]),
            ],
        ),
        answered(
            "b",
            vec![
                desc("b-hund", &[HUNDESTEUER], &["09779"]),
                desc("b-pass", &[REISEPASS], &["097790194194"]),
            ],
        ),
    ];
    let merged = merge_service_descriptions(answers.clone(), &noerdlingen());
    assert_eq!(
        summary(&merged),
        vec![
            (ANMELDUNG.into(), "a-anm".into(), "a".into()),
            (REISEPASS.into(), "b-pass".into(), "b".into()),
            (HUNDESTEUER.into(), "b-hund".into(), "b".into()),
        ]
    );
    assert_eq!(
        merged.get(&key(REISEPASS)).unwrap().sources,
        vec![src("a"), src("b")]
    );
    // Deterministic: the same input gives the same output.
    for _ in 0..5 {
        assert_eq!(
            merge_service_descriptions(answers.clone(), &noerdlingen()),
            merged
        );
    }
}

#[test]
fn a_description_is_filed_under_its_first_valid_key() {
    let merged = merge_service_descriptions(
        vec![answered(
            "a",
            vec![
                // Invalid entries are skipped; the URN form counts.
                desc(
                    "multi",
                    &[
                        "kein-schluessel",
                        &format!("urn:de:fim:leika:leistung:{REISEPASS}"),
                        ANMELDUNG,
                    ],
                    &["09"],
                ),
                desc("anm", &[ANMELDUNG], &["09"]),
                desc("keyless", &["12345"], &["09"]),
                desc("empty", &[], &["09"]),
            ],
        )],
        &noerdlingen(),
    );
    assert_eq!(
        summary(&merged),
        vec![
            (REISEPASS.into(), "multi".into(), "a".into()),
            (ANMELDUNG.into(), "anm".into(), "a".into()),
        ]
    );
    assert_eq!(
        merge_key(&desc("x", &[" 99088001000000 "], &[])),
        Some(key(REISEPASS))
    );
    assert_eq!(
        locality_at(&desc("x", &[], &["09", "09779"]), &noerdlingen()),
        Some(5)
    );
    assert_eq!(
        locality_at(&desc("x", &[], &["000000000000"]), &noerdlingen()),
        Some(0)
    );
    assert_eq!(locality_at(&desc("x", &[], &["08"]), &noerdlingen()), None);
}

#[test]
fn lists_are_merged_keeping_the_first_per_key() {
    let loc = |ars: &str, name: &str| Location {
        ars: Some(ars.into()),
        name: Some(name.into()),
        ..Location::default()
    };
    let merged = merge_locations(vec![
        (
            src("a"),
            SourceOutcome::Answered(vec![
                loc("097790194194", "Nördlingen (a)"),
                loc("kaputt", "ohne ARS"),
            ]),
        ),
        (src("x"), SourceOutcome::Failed(Failure::HttpStatus(502))),
        (
            src("b"),
            SourceOutcome::Answered(vec![
                loc("097790194194", "Nördlingen (b)"),
                loc("097790147147", "Deiningen"),
            ]),
        ),
        (src("n"), SourceOutcome::Failed(Failure::NoHit)),
    ]);
    let names: Vec<(&str, &str)> = merged
        .items
        .iter()
        .map(|s| (s.source.as_str(), s.item.name.as_deref().unwrap()))
        .collect();
    assert_eq!(names, vec![("a", "Nördlingen (a)"), ("b", "Deiningen")]);
    assert_eq!(merged.missing, vec![(src("x"), Failure::HttpStatus(502))]);

    let svc = |id: Option<&str>, name: &str| OnlineService {
        id: id.map(str::to_string),
        name: Some(name.into()),
        ..OnlineService::default()
    };
    let merged = merge_online_services(vec![
        (
            src("a"),
            SourceOutcome::Answered(vec![
                svc(Some("os-1"), "a1"),
                svc(None, "ohne id"),
                svc(Some(" "), "leer"),
            ]),
        ),
        (
            src("b"),
            SourceOutcome::Answered(vec![svc(Some(" os-1 "), "b1"), svc(Some("os-2"), "b2")]),
        ),
    ]);
    let names: Vec<&str> = merged
        .items
        .iter()
        .map(|s| s.item.name.as_deref().unwrap())
        .collect();
    assert_eq!(names, vec!["a1", "b2"]);
    assert!(merged.missing.is_empty());

    // The generic helper with a key of its own.
    let merged = merge_by(
        vec![
            (src("a"), SourceOutcome::Answered(vec![1, 2, 3, 4])),
            (src("b"), SourceOutcome::Answered(vec![5, 6, 7])),
        ],
        |n: &i32| Some(n % 3),
    );
    let items: Vec<(String, i32)> = merged
        .items
        .into_iter()
        .map(|s| (s.source.to_string(), s.item))
        .collect();
    assert_eq!(
        items,
        vec![("a".into(), 1), ("a".into(), 2), ("a".into(), 3)]
    );
}

#[test]
fn failures_from_http_statuses() {
    assert_eq!(Failure::from_status(200), None);
    assert_eq!(Failure::from_status(204), None);
    assert_eq!(Failure::from_status(404), Some(Failure::NoHit));
    assert_eq!(Failure::from_status(503), Some(Failure::HttpStatus(503)));
    assert_eq!(Failure::from_status(301), Some(Failure::HttpStatus(301)));
    assert!(!Failure::NoHit.is_error());
    assert!(Failure::Malformed.is_error());
    assert_eq!(
        Failure::TooLarge { limit: 10 }.to_string(),
        "response larger than 10 bytes"
    );
    let outcome: SourceOutcome<u8> = Err(Failure::TimedOut).into();
    assert_eq!(outcome.failure(), Some(Failure::TimedOut));
    assert_eq!(SourceOutcome::Answered(2).map(|n| n * 2).answer(), Some(&4));
    assert_eq!(serde_json::to_string(&src("pvog")).unwrap(), "\"pvog\"");
    assert_eq!(
        serde_json::to_string(&Failure::HttpStatus(503)).unwrap(),
        "{\"http-status\":503}"
    );
}

#[test]
fn retry_policy_table() {
    use Failure::*;
    let p = RetryPolicy::DEFAULT; // 3 attempts, 250 ms doubling, capped at 2 s, 8 s budget
    assert_eq!(RetryPolicy::default(), p);
    /// Failures so far, elapsed ms, Retry-After s, expected wait ms.
    type Row = (Vec<Failure>, u32, Option<u32>, Option<u32>);
    #[rustfmt::skip]
    let table: Vec<Row> = vec![
        // failures so far,            elapsed, Retry-After, → wait
        (vec![Unreachable],                  0, None,    Some(250)),
        (vec![HttpStatus(502)],            100, None,    Some(250)),
        (vec![HttpStatus(503)],            100, None,    Some(250)),
        (vec![HttpStatus(504)],            100, None,    Some(250)),
        (vec![HttpStatus(429)],            100, None,    Some(250)),
        (vec![HttpStatus(429)],            100, Some(1), Some(1_000)),
        (vec![HttpStatus(503)],            100, Some(0), Some(250)),
        (vec![HttpStatus(503)],            100, Some(2), Some(2_000)),
        (vec![HttpStatus(503)],            100, Some(5), None),        // asks for longer than the cap
        (vec![HttpStatus(503)],            100, Some(u32::MAX), None),
        (vec![TimedOut],                 3_000, None,    Some(250)),
        (vec![TimedOut, TimedOut],       6_000, None,    None),        // a timeout is retried once
        (vec![Unreachable, TimedOut],    3_000, None,    Some(500)),
        (vec![TimedOut, Unreachable],    3_500, None,    Some(500)),
        (vec![Unreachable, Unreachable],   400, None,    Some(500)),
        (vec![Unreachable; 3],           1_000, None,    None),        // three attempts made
        (vec![Malformed],                    0, None,    None),
        (vec![TooLarge { limit: 1 }],        0, None,    None),
        (vec![NoHit],                        0, None,    None),
        (vec![HttpStatus(400)],              0, None,    None),
        (vec![HttpStatus(401)],              0, None,    None),
        (vec![HttpStatus(403)],              0, None,    None),
        (vec![HttpStatus(404)],              0, None,    None),
        (vec![HttpStatus(408)],              0, None,    None),
        (vec![HttpStatus(422)],              0, None,    None),
        (vec![HttpStatus(500)],              0, None,    None),
        (vec![HttpStatus(501)],              0, None,    None),
        (vec![Unreachable, Malformed],     500, None,    None),
        (vec![],                             0, None,    None),
        (vec![Unreachable],              7_700, None,    Some(250)),
        (vec![Unreachable],              7_750, None,    None),        // the wait would end the budget
        (vec![HttpStatus(429)],          6_500, Some(2), None),
    ];
    for (failures, elapsed, retry_after, expected) in table {
        assert_eq!(
            p.retry_delay(&failures, elapsed, retry_after),
            expected,
            "{failures:?} after {elapsed} ms, Retry-After {retry_after:?}"
        );
    }

    // Exponential growth up to the cap, and never more than max_attempts requests.
    let long = RetryPolicy {
        max_attempts: 8,
        ..p
    };
    let waits: Vec<Option<u32>> = (1..=8)
        .map(|attempt| long.next_delay(attempt, None))
        .collect();
    assert_eq!(
        waits,
        vec![
            Some(250),
            Some(500),
            Some(1_000),
            Some(2_000),
            Some(2_000),
            Some(2_000),
            Some(2_000),
            None
        ]
    );
    let huge = RetryPolicy {
        max_attempts: u32::MAX,
        max_delay_ms: u32::MAX,
        ..p
    };
    assert_eq!(huge.next_delay(40, None), Some(u32::MAX), "no overflow");
    assert_eq!(
        p.next_delay(0, None),
        Some(250),
        "attempt 0 counts as the first"
    );
    assert_eq!(RetryPolicy::NONE.retry_delay(&[Unreachable], 0, None), None);
    assert_eq!(p.remaining_ms(3_000), 5_000);
    assert_eq!(p.remaining_ms(9_000), 0);

    // Transient classification, for the app's own use.
    for f in [
        Unreachable,
        TimedOut,
        HttpStatus(429),
        HttpStatus(502),
        HttpStatus(503),
        HttpStatus(504),
    ] {
        assert!(f.is_transient(), "{f:?}");
    }
    for f in [
        Malformed,
        TooLarge { limit: 1 },
        NoHit,
        HttpStatus(400),
        HttpStatus(500),
        HttpStatus(418),
    ] {
        assert!(!f.is_transient(), "{f:?}");
    }
}
