//! LeiKa keys: the identifiers of the federal service catalogue (Leistungskatalog).
//!
//! A key is `99` followed by twelve digits: Leistungsgruppierung (3), Leistungskennung (3),
//! Verrichtung (3) and Verrichtungsdetail (3), e.g. `99115005104000` (Wohnsitz Anmeldung).
//! Keys are identifiers; the catalogue texts behind them fall under the FIM portal's terms.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A validated LeiKa key (`^99\d{12}$`). Serialised as its 14-digit string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LeikaKey([u8; 14]);

/// Why a string is not a LeiKa key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeikaKeyError {
    /// Not exactly 14 characters.
    Length(usize),
    /// A character that is not an ASCII digit.
    NotDigits,
    /// Does not start with `99`.
    Prefix,
}

impl fmt::Display for LeikaKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeikaKeyError::Length(n) => write!(f, "a LeiKa key has 14 digits, not {n}"),
            LeikaKeyError::NotDigits => f.write_str("a LeiKa key has digits only"),
            LeikaKeyError::Prefix => f.write_str("a LeiKa key starts with 99"),
        }
    }
}

impl std::error::Error for LeikaKeyError {}

impl LeikaKey {
    /// Parses and validates a key. Surrounding whitespace is not accepted: callers trim.
    pub fn parse(s: &str) -> Result<LeikaKey, LeikaKeyError> {
        let bytes = s.as_bytes();
        if bytes.len() != 14 {
            return Err(LeikaKeyError::Length(s.chars().count()));
        }
        if !bytes.iter().all(u8::is_ascii_digit) {
            return Err(LeikaKeyError::NotDigits);
        }
        if &bytes[..2] != b"99" {
            return Err(LeikaKeyError::Prefix);
        }
        let mut out = [0u8; 14];
        out.copy_from_slice(bytes);
        Ok(LeikaKey(out))
    }

    /// Whether `s` is a valid key.
    pub fn is_valid(s: &str) -> bool {
        LeikaKey::parse(s).is_ok()
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.0).expect("ASCII digits")
    }

    fn part(&self, from: usize) -> &str {
        &self.as_str()[from..from + 3]
    }

    /// Leistungsgruppierung, e.g. `115` (Meldewesen).
    pub fn gruppierung(&self) -> &str {
        self.part(2)
    }

    /// Leistungskennung within the group.
    pub fn kennung(&self) -> &str {
        self.part(5)
    }

    /// Verrichtung, e.g. `104` Anmeldung, `012` Ausstellung; `000` for the bare Leistungsobjekt.
    pub fn verrichtung(&self) -> &str {
        self.part(8)
    }

    /// Verrichtungsdetail; `000` when none.
    pub fn verrichtungsdetail(&self) -> &str {
        self.part(11)
    }

    /// The key of the Leistungsobjekt this key belongs to (Verrichtung and detail zeroed),
    /// e.g. `99115005000000` for `99115005104000`.
    pub fn leistungsobjekt(&self) -> LeikaKey {
        let mut out = self.0;
        out[8..].copy_from_slice(b"000000");
        LeikaKey(out)
    }

    /// The URN used by FIT-Connect and XZuFi: `urn:de:fim:leika:leistung:<key>`.
    pub fn urn(&self) -> String {
        format!("urn:de:fim:leika:leistung:{}", self.as_str())
    }

    /// Parses a key from its URN form or plain form.
    pub fn from_urn_or_plain(s: &str) -> Result<LeikaKey, LeikaKeyError> {
        LeikaKey::parse(s.strip_prefix("urn:de:fim:leika:leistung:").unwrap_or(s))
    }
}

impl fmt::Display for LeikaKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LeikaKey {
    type Err = LeikaKeyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LeikaKey::parse(s)
    }
}

impl TryFrom<&str> for LeikaKey {
    type Error = LeikaKeyError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        LeikaKey::parse(s)
    }
}

impl Serialize for LeikaKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LeikaKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        LeikaKey::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Rng;

    #[test]
    fn valid_keys_parse_and_split_into_parts() {
        let key = LeikaKey::parse("99115005104000").unwrap();
        assert_eq!(key.gruppierung(), "115");
        assert_eq!(key.kennung(), "005");
        assert_eq!(key.verrichtung(), "104");
        assert_eq!(key.verrichtungsdetail(), "000");
        assert_eq!(key.leistungsobjekt().as_str(), "99115005000000");
        assert_eq!(key.urn(), "urn:de:fim:leika:leistung:99115005104000");
        assert_eq!(LeikaKey::from_urn_or_plain(&key.urn()), Ok(key));
    }

    #[test]
    fn invalid_keys_are_rejected_with_a_reason() {
        assert_eq!(LeikaKey::parse("9911500510400"), Err(LeikaKeyError::Length(13)));
        assert_eq!(LeikaKey::parse("991150051040000"), Err(LeikaKeyError::Length(15)));
        assert_eq!(LeikaKey::parse("98115005104000"), Err(LeikaKeyError::Prefix));
        assert_eq!(LeikaKey::parse("9911500510400x"), Err(LeikaKeyError::NotDigits));
        assert_eq!(LeikaKey::parse(" 9911500510400"), Err(LeikaKeyError::NotDigits));
        assert!(
            LeikaKey::parse("99115005104٠٠٠").is_err(),
            "non-ASCII digits are not digits"
        );
        assert!(LeikaKey::parse("").is_err());
    }

    #[test]
    fn serde_uses_the_plain_string_and_validates() {
        let key: LeikaKey = serde_json::from_str("\"99085001012000\"").unwrap();
        assert_eq!(serde_json::to_string(&key).unwrap(), "\"99085001012000\"");
        assert!(serde_json::from_str::<LeikaKey>("\"12345\"").is_err());
        assert!(
            serde_json::from_str::<LeikaKey>("99085001012000").is_err(),
            "numbers are not keys"
        );
    }

    #[test]
    fn property_every_generated_key_round_trips_and_every_mutation_is_caught() {
        let mut rng = Rng::new(0x1e1ca);
        for _ in 0..5_000 {
            let digits: String = (0..12).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            let s = format!("99{digits}");
            let key = LeikaKey::parse(&s).expect("valid by construction");
            assert_eq!(key.to_string(), s);
            let back: LeikaKey = serde_json::from_str(&serde_json::to_string(&key).unwrap()).unwrap();
            assert_eq!(back, key);
            assert_eq!(key.leistungsobjekt().gruppierung(), key.gruppierung());

            // Any single-character change to a non-digit, or a dropped/added digit, is rejected.
            let pos = rng.below(14) as usize;
            let mut bad: Vec<char> = s.chars().collect();
            bad[pos] = ['a', ' ', '-', '.', 'Z'][rng.below(5) as usize];
            assert!(LeikaKey::parse(&bad.iter().collect::<String>()).is_err());
            assert!(LeikaKey::parse(&s[..13]).is_err());
            assert!(LeikaKey::parse(&format!("{s}0")).is_err());
            // A key not starting with 99 is rejected.
            let first = char::from(b'0' + rng.below(9) as u8);
            assert!(LeikaKey::parse(&format!("{first}{}", &s[1..])).is_err());
        }
    }
}
