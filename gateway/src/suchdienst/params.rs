//! Query parameters of the Suchdienst endpoints, parsed and validated the same way in both
//! modes, so a malformed request is a `400` before the dataset or the upstream is asked.
//!
//! Spring conventions, as the real Suchdienst (a Spring Boot service) reads them: `+` is a
//! space, a list parameter may be repeated or comma-separated (`leikaIds=a,b` or
//! `leikaIds=a&leikaIds=b`), the first of several values of a single parameter wins, unknown
//! parameters are ignored.

use model::{Ars, LeikaKey};

use super::response::Problem;

/// Which endpoint a request is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Locations,
    LeikaHierarchy,
    /// `v6/servicedescriptions/{id}/detail`, with the (decoded) id.
    ServiceDetail(String),
    OrganisationUnitTitles,
    OrganisationUnitDetail,
    OnlineServices,
}

/// A validated request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Locations {
        q: String,
        limit: usize,
    },
    LeikaHierarchy {
        ars: Ars,
        keys: Vec<LeikaKey>,
        page: usize,
        size: usize,
    },
    ServiceDetail {
        id: String,
        ars: Option<Ars>,
    },
    OrganisationUnitTitles {
        ars: Ars,
        lb_id: Option<String>,
    },
    OrganisationUnitDetail {
        q: String,
        lb_id: Option<String>,
        ars: Option<Ars>,
    },
    OnlineServices {
        ars: Ars,
        keys: Vec<LeikaKey>,
        offset: usize,
        page_size: usize,
    },
}

/// Most LeiKa keys one request may name.
pub const MAX_KEYS: usize = 100;
/// Default and largest page of `leikahierarchy` (Spring's default page size is 20).
pub const DEFAULT_SIZE: usize = 20;
pub const MAX_SIZE: usize = 100;
/// Default and largest number of places `locations` returns.
pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 50;
/// Longest place query, in characters.
pub const MAX_QUERY: usize = 100;

struct Params(Vec<(String, String)>);

impl Params {
    fn parse(query: Option<&str>) -> Params {
        Params(
            form_urlencoded::parse(query.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value, trimmed; an empty value counts as absent.
    fn one(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// Every value of a list parameter, repeated and/or comma-separated.
    fn list(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }
}

fn required<'a>(params: &'a Params, name: &str) -> Result<&'a str, Problem> {
    params
        .one(name)
        .ok_or_else(|| Problem::bad_request(format!("the parameter {name} is required")))
}

fn ars(value: &str) -> Result<Ars, Problem> {
    Ars::parse(value).map_err(|e| {
        Problem::bad_request(format!(
            "ars: {:?} is not an Amtlicher Regionalschlüssel ({e})",
            shorten(value)
        ))
    })
}

fn optional_ars(params: &Params) -> Result<Option<Ars>, Problem> {
    params.one("ars").map(ars).transpose()
}

fn leika_keys(params: &Params) -> Result<Vec<LeikaKey>, Problem> {
    let values = params.list("leikaIds");
    if values.len() > MAX_KEYS {
        return Err(Problem::bad_request(format!(
            "leikaIds: at most {MAX_KEYS} keys per request, not {}",
            values.len()
        )));
    }
    let mut keys: Vec<LeikaKey> = Vec::with_capacity(values.len());
    for value in values {
        let key = LeikaKey::from_urn_or_plain(value).map_err(|e| {
            Problem::bad_request(format!(
                "leikaIds: {:?} is not a LeiKa key ({e})",
                shorten(value)
            ))
        })?;
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    Ok(keys)
}

fn number(
    params: &Params,
    name: &str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, Problem> {
    match params.one(name) {
        None => Ok(default),
        Some(value) => value
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                Problem::bad_request(format!(
                    "{name}: expected a whole number from {} to {}, not {:?}",
                    range.start(),
                    range.end(),
                    shorten(value)
                ))
            }),
    }
}

fn id(params: &Params, name: &str) -> Result<Option<String>, Problem> {
    match params.one(name) {
        None => Ok(None),
        Some(value) if value.chars().count() <= 200 && !value.chars().any(char::is_control) => {
            Ok(Some(value.to_string()))
        }
        Some(value) => Err(Problem::bad_request(format!(
            "{name}: {:?} is not an id",
            shorten(value)
        ))),
    }
}

/// `validDate` (yyyy-MM-dd): accepted and checked, not used (the snapshot has one state).
fn valid_date(params: &Params) -> Result<(), Problem> {
    let Some(value) = params.one("validDate") else {
        return Ok(());
    };
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = value.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|m| (1..=12).contains(&m))
        && digits(8..10).is_some_and(|d| (1..=31).contains(&d));
    if ok {
        Ok(())
    } else {
        Err(Problem::bad_request(format!(
            "validDate: expected yyyy-MM-dd, not {:?}",
            shorten(value)
        )))
    }
}

/// At most 40 characters of a bad value go into an error message.
fn shorten(value: &str) -> String {
    let mut out: String = value.chars().take(40).collect();
    if value.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Validates the query of a request for `endpoint`.
pub fn parse(endpoint: &Endpoint, query: Option<&str>) -> Result<Request, Problem> {
    let params = Params::parse(query);
    Ok(match endpoint {
        Endpoint::Locations => {
            let q = required(&params, "q")?;
            if q.chars().count() > MAX_QUERY {
                return Err(Problem::bad_request(format!(
                    "q: at most {MAX_QUERY} characters"
                )));
            }
            Request::Locations {
                q: q.to_string(),
                limit: number(&params, "limit", DEFAULT_LIMIT, 1..=MAX_LIMIT)?,
            }
        }
        Endpoint::LeikaHierarchy => {
            let ars = ars(required(&params, "ars")?)?;
            let keys = leika_keys(&params)?;
            if keys.is_empty() {
                return Err(Problem::bad_request(
                    "the parameter leikaIds is required".to_string(),
                ));
            }
            Request::LeikaHierarchy {
                ars,
                keys,
                page: number(&params, "page", 0, 0..=100_000)?,
                size: number(&params, "size", DEFAULT_SIZE, 1..=MAX_SIZE)?,
            }
        }
        Endpoint::ServiceDetail(id) => {
            valid_date(&params)?;
            Request::ServiceDetail {
                id: id.clone(),
                ars: optional_ars(&params)?,
            }
        }
        Endpoint::OrganisationUnitTitles => Request::OrganisationUnitTitles {
            ars: ars(required(&params, "ars")?)?,
            lb_id: id(&params, "lbId")?,
        },
        Endpoint::OrganisationUnitDetail => {
            valid_date(&params)?;
            let q = required(&params, "q")?;
            Request::OrganisationUnitDetail {
                q: id(&params, "q")?.unwrap_or_else(|| q.to_string()),
                lb_id: id(&params, "lbId")?,
                ars: optional_ars(&params)?,
            }
        }
        Endpoint::OnlineServices => {
            let ars = ars(required(&params, "ars")?)?;
            let keys = leika_keys(&params)?;
            let offset = match params.one("nextPageToken") {
                None => 0,
                Some(token) => token
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n <= 1_000_000)
                    .ok_or_else(|| {
                        Problem::bad_request(format!(
                            "nextPageToken: {:?} is not a token this service issued",
                            shorten(token)
                        ))
                    })?,
            };
            Request::OnlineServices {
                ars,
                keys,
                offset,
                page_size: number(&params, "pageSize", DEFAULT_SIZE, 1..=MAX_SIZE)?,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(e: Result<Request, Problem>) -> String {
        e.unwrap_err().detail
    }

    #[test]
    fn lists_are_repeated_or_comma_separated_and_deduplicated() {
        let r = parse(
            &Endpoint::LeikaHierarchy,
            Some("ars=09779&leikaIds=99036008007002,%2099036008007001&leikaIds=urn:de:fim:leika:leistung:99036008007002&page=1&size=5"),
        )
        .unwrap();
        let Request::LeikaHierarchy {
            ars,
            keys,
            page,
            size,
        } = r
        else {
            panic!()
        };
        assert_eq!(ars.as_str(), "097790000000");
        assert_eq!(keys.len(), 2);
        assert_eq!((page, size), (1, 5));
    }

    #[test]
    fn malformed_values_name_the_parameter() {
        let e = detail(parse(
            &Endpoint::LeikaHierarchy,
            Some("ars=0977&leikaIds=99036008007002"),
        ));
        assert!(
            e.starts_with("ars: \"0977\" is not an Amtlicher Regionalschlüssel"),
            "{e}"
        );
        let e = detail(parse(
            &Endpoint::LeikaHierarchy,
            Some("ars=09779&leikaIds=12345"),
        ));
        assert!(
            e.starts_with("leikaIds: \"12345\" is not a LeiKa key"),
            "{e}"
        );
        let e = detail(parse(&Endpoint::LeikaHierarchy, Some("ars=09779")));
        assert_eq!(e, "the parameter leikaIds is required");
        let e = detail(parse(
            &Endpoint::LeikaHierarchy,
            Some("ars=09779&leikaIds=99036008007002&size=0"),
        ));
        assert!(
            e.starts_with("size: expected a whole number from 1 to 100"),
            "{e}"
        );
        let e = detail(parse(&Endpoint::Locations, Some("q=+")));
        assert_eq!(e, "the parameter q is required");
        let e = detail(parse(
            &Endpoint::OrganisationUnitDetail,
            Some("q=x&validDate=2024-13-01"),
        ));
        assert!(e.starts_with("validDate"), "{e}");
        assert!(parse(
            &Endpoint::OrganisationUnitDetail,
            Some("q=x&validDate=2024-02-29")
        )
        .is_ok());
        let e = detail(parse(
            &Endpoint::OnlineServices,
            Some("ars=09&nextPageToken=abc"),
        ));
        assert!(e.starts_with("nextPageToken"), "{e}");
        let long = "9".repeat(500);
        let e = detail(parse(
            &Endpoint::OrganisationUnitTitles,
            Some(&format!("ars={long}")),
        ));
        assert!(e.len() < 200, "bad values are shortened: {e}");
    }

    #[test]
    fn plus_is_a_space_and_the_first_value_wins() {
        let r = parse(&Endpoint::Locations, Some("q=Neustadt+an&q=x&limit=3")).unwrap();
        assert_eq!(
            r,
            Request::Locations {
                q: "Neustadt an".into(),
                limit: 3
            }
        );
    }
}
