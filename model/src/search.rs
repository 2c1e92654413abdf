//! Catalogue search: German folding, the compact index file and the matching and ranking that
//! run in the browser on every keystroke.
//!
//! The dataset writes the index ([`render`]) from the LeiKa catalogue, the curated services and
//! Lebenslagen and the curated synonyms; the app loads it lazily and builds an [`Index`] once
//! ([`Index::parse`]). A query is folded and split into tokens; each token matches vocabulary
//! words exactly, as a prefix (German compounds: "führerschein" finds "Führerscheinumtausch"),
//! through a synonym ("auto" → "fahrzeug"), or, when nothing else matches, with a typo
//! (bounded Damerau-Levenshtein). Documents matching every token come first; see [`Index::search`].

use crate::text::Localized;

/// The search form of a name or query: lower case, umlauts and accents to their base letter,
/// `ß` to `ss`, the spellings `ae`/`oe`/`ue` to `a`/`o`/`u` (so "Noerdlingen" finds
/// "Nördlingen"), combining marks dropped (NFD input), punctuation to single spaces. Folding
/// a prefix always gives a prefix of the folded text, so prefix search stays exact. The same
/// fold serves the catalogue search and the gateway's place search.
pub fn fold(s: &str) -> String {
    let mut base = String::with_capacity(s.len());
    let mut space = true; // no leading space
    for c in s.chars() {
        let mapped: &str = match c {
            'ä' | 'Ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' => {
                "a"
            }
            'ö' | 'Ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ø' => {
                "o"
            }
            'ü' | 'Ü' | 'ù' | 'ú' | 'û' | 'Ù' | 'Ú' | 'Û' => "u",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i",
            'ç' | 'Ç' => "c",
            'ñ' | 'Ñ' => "n",
            'ß' | 'ẞ' => "ss",
            // Combining marks of NFD input ("o\u{308}" is "ö").
            '\u{300}'..='\u{36f}' => continue,
            c if is_word_char(c) => {
                base.push(lower(c));
                space = false;
                continue;
            }
            _ => {
                if !space {
                    base.push(' ');
                    space = true;
                }
                continue;
            }
        };
        base.push_str(mapped);
        space = false;
    }
    if base.ends_with(' ') {
        base.pop();
    }
    // ae/oe/ue → a/o/u, left to right, each pair once: the pair becomes its first letter,
    // which keeps folded prefixes prefixes of folded names.
    let mut out = String::with_capacity(base.len());
    let mut chars = base.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    out
}

/// Whether `c` belongs to a word: ASCII letters and digits, and any letter beyond ASCII except
/// the punctuation and symbol blocks. Deliberately not `char::is_alphanumeric`: its Unicode
/// tables cost the wasm about 20 KB, and names in German administration are Latin script.
fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{bf}' | '×' | '÷' => false,
        // General punctuation (dashes, quotes „“), super/subscripts, currency, symbols, CJK
        // punctuation, specials.
        '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}' => false,
        '\u{fff0}'..='\u{ffff}' => false,
        _ => true,
    }
}

/// Lower case for Latin script (ASCII, Latin-1, Latin Extended-A); other letters unchanged.
/// Not `char::to_lowercase`, for the same reason as [`is_word_char`].
fn lower(c: char) -> char {
    let code = c as u32;
    let shifted = match code {
        0x41..=0x5a => code + 0x20,
        0xc0..=0xde if code != 0xd7 => code + 0x20,
        // Latin Extended-A: pairs of capital (even) and small (odd) letters …
        0x100..=0x137 | 0x14a..=0x177 if code % 2 == 0 => code + 1,
        // … shifted by one in two runs.
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        0x178 => 0xff,
        _ => code,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// The words of a text as (folded, lower-case original) pairs: split where [`fold`] puts a
/// space, so each word folds to exactly one token.
fn words(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    text.split(|c: char| !(is_word_char(c) || ('\u{300}'..='\u{36f}').contains(&c)))
        .filter(|w| !w.is_empty())
        .map(|w| (fold(w), w.chars().map(lower).collect::<String>()))
        .filter(|(f, _)| !f.is_empty())
}

/// Words a query may contain that say nothing about the service (German and English).
const STOP_WORDS: &[&str] = &[
    "a", "als", "am", "an", "and", "auf", "bei", "das", "dem", "den", "der", "die", "ein", "eine",
    "einen", "einer", "for", "fur", "i", "ich", "im", "in", "ist", "mein", "meine", "meinen",
    "mit", "my", "of", "the", "to", "und", "von", "vom", "wie", "zu", "zum", "zur",
];

/// What a search result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A curated Lebenslage, linked to `/lebenslagen/<id>`.
    Lebenslage,
    /// A service, linked to `/leistungen/<LeiKa key>`.
    Leistung,
}

/// One searchable document, as written to and read from the index file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// Lebenslage slug or LeiKa key.
    pub id: String,
    /// The name shown (English only for curated content).
    pub name: Localized,
    /// Curated content (our own wording), ranked above raw catalogue entries.
    pub curated: bool,
    /// Further searchable text, matched with less weight: the catalogue wording of a curated
    /// service; description, steps and services of a Lebenslage.
    pub extra: String,
}

/// First line of the index file; a different format is rejected, not misread.
pub const INDEX_HEADER: &str = "lebenslagen-suchindex 1";

/// The index file: a header line, then one tab-separated record per line:
/// `S key targets…` (a synonym: folded query words → folded catalogue words, space-separated),
/// `L id name_de name_en extra` (Lebenslage), `C key name_de name_en extra` (curated service),
/// `K key name_de` (catalogue entry). Plain text because it is small, compresses well and needs
/// no JSON code in the wasm.
pub fn render(entries: &[Entry], synonyms: &[(String, Vec<String>)]) -> String {
    // Tabs and line breaks separate fields and records: any run of white space becomes one space.
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::from(INDEX_HEADER);
    out.push('\n');
    for (key, targets) in synonyms {
        out.push_str(&format!(
            "S\t{}\t{}\n",
            clean(key),
            clean(&targets.join(" "))
        ));
    }
    for e in entries {
        let (id, de, en, extra) = (
            clean(&e.id),
            clean(&e.name.de),
            clean(e.name.en.as_deref().unwrap_or("")),
            clean(&e.extra),
        );
        let line = match (e.kind, e.curated) {
            (Kind::Lebenslage, _) => format!("L\t{id}\t{de}\t{en}\t{extra}"),
            (Kind::Leistung, true) => format!("C\t{id}\t{de}\t{en}\t{extra}"),
            (Kind::Leistung, false) => format!("K\t{id}\t{de}"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A vocabulary word: folded, how it was written first (for "did you mean"), and the
/// documents containing it (`doc << 1 | 1` when only in the extra text).
struct Word {
    folded: Box<str>,
    display: Box<str>,
    postings: Vec<u32>,
    /// The letters a–z the word contains ([`letters`]), to skip hopeless typo candidates.
    letters: u32,
}

/// One bit per letter a–z that occurs in `word`; other characters are not counted.
fn letters(word: &str) -> u32 {
    word.bytes()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |set, b| set | 1 << (b - b'a'))
}

/// The in-memory index, built once per page from the index file.
pub struct Index {
    entries: Vec<Entry>,
    /// Sorted by `folded`, for exact and prefix lookups by binary search.
    vocabulary: Vec<Word>,
    /// Sorted by key.
    synonyms: Vec<(String, Vec<String>)>,
}

/// How a query token matched a document; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Exact = 0,
    Prefix = 1,
    Synonym = 2,
    Typo = 3,
}

/// Penalty for a match in the extra text rather than the name.
const EXTRA_PENALTY: u8 = 3;

/// A result: the entry, and whether it matched every query token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub complete: bool,
}

/// The ranked results of one query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub lebenslagen: Vec<Hit>,
    pub leistungen: Vec<Hit>,
    /// A corrected query, when a token matched only with a typo or not at all.
    pub suggestion: Option<String>,
}

impl Results {
    pub fn is_empty(&self) -> bool {
        self.lebenslagen.is_empty() && self.leistungen.is_empty()
    }

    pub fn len(&self) -> usize {
        self.lebenslagen.len() + self.leistungen.len()
    }
}

/// One token of a query (or a phrase of two, when a synonym names the phrase).
struct Term {
    /// Folded; `None` for a phrase, which matches through its synonyms only.
    text: Option<String>,
    synonyms: Vec<String>,
}

/// Queries shorter than this (folded, without spaces) give no results: one letter matches
/// most of the catalogue.
pub const MIN_QUERY_CHARS: usize = 2;

/// Whether `query` is long enough to search for (see [`MIN_QUERY_CHARS`]).
pub fn is_searchable(query: &str) -> bool {
    fold(query).chars().filter(|c| *c != ' ').count() >= MIN_QUERY_CHARS
}

/// Most query tokens considered (one bit each).
const MAX_TERMS: usize = 8;

/// Typos allowed for a token of this many bytes: none below 4, 1 up to 7, 2 from 8.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl Index {
    /// Builds the index from its entries and synonyms (keys and targets folded).
    pub fn new(entries: Vec<Entry>, mut synonyms: Vec<(String, Vec<String>)>) -> Index {
        let mut map: std::collections::BTreeMap<String, (String, Vec<u32>)> = Default::default();
        for (i, e) in entries.iter().enumerate() {
            let i = i as u32;
            let names = [Some(e.name.de.as_str()), e.name.en.as_deref()];
            for (text, extra) in names
                .into_iter()
                .flatten()
                .map(|t| (t, false))
                .chain(std::iter::once((e.extra.as_str(), true)))
            {
                for (folded, display) in words(text) {
                    let slot = map.entry(folded).or_insert_with(|| (display, Vec::new()));
                    let posting = i << 1 | u32::from(extra);
                    match slot.1.last_mut() {
                        // Seen in this entry already: keep the better (name) posting.
                        Some(last) if *last >> 1 == i => *last &= posting | !1,
                        _ => slot.1.push(posting),
                    }
                }
            }
        }
        let vocabulary = map
            .into_iter()
            .map(|(folded, (display, postings))| Word {
                letters: letters(&folded),
                folded: folded.into(),
                display: display.into(),
                postings,
            })
            .collect();
        synonyms.sort();
        Index {
            entries,
            vocabulary,
            synonyms,
        }
    }

    /// Reads an index file written by [`render`].
    pub fn parse(text: &str) -> Result<Index, String> {
        let mut lines = text.lines();
        if lines.next() != Some(INDEX_HEADER) {
            return Err("not a search index of this format".into());
        }
        let mut entries = Vec::new();
        let mut synonyms = Vec::new();
        for (n, line) in lines.enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let name = |de: &str, en: &str| Localized {
                de: de.to_string(),
                en: (!en.is_empty()).then(|| en.to_string()),
            };
            let entry = |kind, curated, f: &[&str]| Entry {
                kind,
                id: f[1].to_string(),
                name: name(f[2], f[3]),
                curated,
                extra: f[4].to_string(),
            };
            match (f[0], f.len()) {
                ("S", 3) => synonyms.push((
                    f[1].to_string(),
                    f[2].split(' ').map(str::to_string).collect(),
                )),
                ("L", 5) => entries.push(entry(Kind::Lebenslage, true, &f)),
                ("C", 5) => entries.push(entry(Kind::Leistung, true, &f)),
                ("K", 3) => entries.push(Entry {
                    kind: Kind::Leistung,
                    id: f[1].to_string(),
                    name: name(f[2], ""),
                    curated: false,
                    extra: String::new(),
                }),
                _ => return Err(format!("line {}: not an index record", n + 2)),
            }
        }
        Ok(Index::new(entries, synonyms))
    }

    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The vocabulary words starting with `prefix` (all of them for an empty prefix).
    fn with_prefix(&self, prefix: &str) -> &[Word] {
        &self.vocabulary[self.byte_range(prefix.as_bytes())]
    }

    /// The positions of the vocabulary words whose folded bytes start with `prefix` (`str`
    /// orders by bytes, so this is the same range for a prefix given as text).
    fn byte_range(&self, prefix: &[u8]) -> std::ops::Range<usize> {
        let start = self
            .vocabulary
            .partition_point(|w| w.folded.as_bytes() < prefix);
        let len = self.vocabulary[start..]
            .partition_point(|w| w.folded.as_bytes().starts_with(prefix));
        start..start + len
    }

    fn terms(&self, folded: &str) -> Vec<Term> {
        let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
        if tokens.iter().any(|t| !STOP_WORDS.contains(t)) {
            tokens.retain(|t| !STOP_WORDS.contains(t));
        }
        let mut terms = Vec::new();
        let mut i = 0;
        while i < tokens.len() && terms.len() < MAX_TERMS {
            // A two-word phrase with synonyms of its own ("child benefit", "hartz 4").
            if let Some(next) = tokens.get(i + 1) {
                let phrase = format!("{} {next}", tokens[i]);
                if let Some((_, targets)) = self.synonyms.iter().find(|(k, _)| *k == phrase) {
                    terms.push(Term {
                        text: None,
                        synonyms: targets.clone(),
                    });
                    i += 2;
                    continue;
                }
            }
            let token = tokens[i];
            // Synonyms of the word, or of words it begins while the citizen is still typing.
            let synonyms = self
                .synonyms
                .iter()
                .filter(|(k, _)| {
                    *k == token || (token.len() >= 3 && !k.contains(' ') && k.starts_with(token))
                })
                .flat_map(|(_, t)| t.iter().cloned())
                .collect();
            terms.push(Term {
                text: Some(token.to_string()),
                synonyms,
            });
            i += 1;
        }
        terms
    }

    /// Searches for `query`. Every token of the query is matched against the vocabulary;
    /// results are ranked by: matched every token (others only when nothing matches every
    /// token), curated before raw catalogue entries, match quality summed over the tokens
    /// (exact < prefix < synonym < typo; a match in the extra text counts less), shorter names.
    pub fn search(&self, query: &str) -> Results {
        if !is_searchable(query) {
            return Results::default();
        }
        let folded = fold(query);
        let terms = self.terms(&folded);
        let n = self.entries.len();
        let mut mask = vec![0u8; n];
        let mut quality = vec![0u16; n];
        let mut best = vec![u8::MAX; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut corrected: Vec<Option<String>> = Vec::with_capacity(terms.len());
        let mut needs_correction = false;

        for (bit, term) in terms.iter().enumerate() {
            let mut add = |word: &Word, how: Match| {
                for &p in &word.postings {
                    let doc = (p >> 1) as usize;
                    let q = how as u8 + if p & 1 == 1 { EXTRA_PENALTY } else { 0 };
                    if best[doc] == u8::MAX {
                        touched.push(doc as u32);
                    }
                    best[doc] = best[doc].min(q);
                }
            };
            let mut matched = false;
            if let Some(text) = &term.text {
                for word in self.with_prefix(text) {
                    add(
                        word,
                        if *word.folded == **text {
                            Match::Exact
                        } else {
                            Match::Prefix
                        },
                    );
                    matched = true;
                }
            }
            for target in &term.synonyms {
                for word in self.with_prefix(target) {
                    add(word, Match::Synonym);
                    matched = true;
                }
            }
            let mut correction = None;
            if !matched {
                if let Some(text) = &term.text {
                    let max = allowed_typos(text.len());
                    let mut closest: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
                    for (w, full, prefix) in self.typos(text, max + 1) {
                        let word = &self.vocabulary[w];
                        if full <= max || prefix <= max {
                            add(word, Match::Typo);
                        }
                        // "Did you mean": the closest whole word (one typo more than matching
                        // allows), the more frequent on a tie.
                        let rank = (full, std::cmp::Reverse(word.postings.len()), w);
                        if full <= max + 1 && closest.is_none_or(|c| rank < c) {
                            closest = Some(rank);
                        }
                    }
                    correction = closest.map(|(_, _, w)| self.vocabulary[w].display.to_string());
                    needs_correction = true;
                }
            }
            corrected.push(correction.or_else(|| term.text.clone()));
            for &doc in &touched {
                let doc = doc as usize;
                mask[doc] |= 1 << bit;
                quality[doc] += u16::from(best[doc]);
                best[doc] = u8::MAX;
            }
            touched.clear();
        }

        let all = if terms.is_empty() {
            0
        } else {
            (1u16 << terms.len()) - 1
        } as u8;
        let mut hits: Vec<u64> = Vec::new();
        for (i, &m) in mask.iter().enumerate() {
            if m != 0 {
                let e = &self.entries[i];
                let missing = (all & !m).count_ones();
                hits.push(rank(missing, e.curated, quality[i], e.name.de.len(), i as u32));
            }
        }
        if hits.iter().any(|&key| missing(key) == 0) {
            hits.retain(|&key| missing(key) == 0);
        }
        hits.sort_unstable();
        let mut results = Results::default();
        for key in hits {
            let i = (key & ENTRY_BITS) as u32;
            let hit = Hit {
                entry: i,
                complete: missing(key) == 0,
            };
            match self.entries[i as usize].kind {
                Kind::Lebenslage => results.lebenslagen.push(hit),
                Kind::Leistung => results.leistungen.push(hit),
            }
        }
        if needs_correction {
            let suggestion: Vec<String> = corrected.into_iter().flatten().collect();
            let suggestion = suggestion.join(" ");
            if !suggestion.is_empty() && fold(&suggestion) != folded {
                results.suggestion = Some(suggestion);
            }
        }
        results
    }

    /// Vocabulary words within `max` typos of `token` as a whole word or as a word's beginning:
    /// (word, whole-word distance, beginning distance), distances capped at `max + 1`. To stay
    /// fast on every keystroke, only words of a fitting length whose first letter matches (or
    /// the first two swapped) and that lack at most `max` of the token's letters are compared,
    /// and only for tokens of 4 to 48 bytes.
    fn typos(&self, token: &str, max: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let t = token.as_bytes();
        if t.len() < 4 || t.len() > MAX_TYPO_LEN {
            return out;
        }
        let wanted = letters(token);
        // The words starting with the token's first letter, and those starting with its first
        // two letters swapped (contained in the first when the two are equal).
        let swapped = if t[0] == t[1] {
            0..0
        } else {
            self.byte_range(&[t[1], t[0]])
        };
        for i in self.byte_range(&t[..1]).chain(swapped) {
            let word = &self.vocabulary[i];
            let w = word.folded.as_bytes();
            if w.len() + max < t.len() {
                continue;
            }
            // Each letter of the token that the word lacks costs at least one edit, against the
            // whole word and against any beginning of it: a cheap lower bound on both distances.
            if (wanted & !word.letters).count_ones() as usize > max {
                continue;
            }
            let (full, prefix) = distance(t, w, max);
            if prefix <= max {
                out.push((i, full, prefix));
            }
        }
        out
    }
}

/// A hit's place in the ranking as one number, so that sorting compares integers (a query of two
/// letters can find a thousand entries): fewer query tokens missing, curated before raw
/// catalogue entries, better match quality, shorter name, then catalogue order.
fn rank(missing: u32, curated: bool, quality: u16, name_len: usize, entry: u32) -> u64 {
    debug_assert!(missing < 16 && u64::from(entry) <= ENTRY_BITS);
    u64::from(missing) << 60
        | u64::from(!curated) << 59
        | u64::from(quality) << 43
        | (name_len.min(0xFFFF) as u64) << 27
        | u64::from(entry)
}

/// The low bits of a [`rank`]: the entry.
const ENTRY_BITS: u64 = (1 << 27) - 1;

/// How many query tokens a hit of this [`rank`] lacks.
fn missing(rank: u64) -> u32 {
    (rank >> 60) as u32
}

/// Longest token (in bytes) compared for typos; the distance rows live on the stack.
const MAX_TYPO_LEN: usize = 48;

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance between `a` and `b`,
/// and between `a` and the closest beginning of `b`; both capped at `max + 1`.
///
/// Only the diagonal band of cells within `max` of the diagonal is computed: a cell further
/// off needs more than `max` insertions or deletions, so it cannot lead to a distance within
/// `max`. Typing a long word that is not in the catalogue ("Bauantrag") compares it with every
/// word of its first letter at every keystroke; the band keeps each comparison to a few cells
/// per letter instead of a whole row.
fn distance(a: &[u8], b: &[u8], max: usize) -> (usize, usize) {
    let over = max + 1;
    // Columns beyond `a.len() + max` cannot be within `max` of `a`: a whole word that long is
    // too far, and no longer beginning is needed.
    let whole = b.len() <= a.len() + max;
    let b = &b[..b.len().min(a.len() + max)];
    let cols = b.len() + 1;
    if a.len() > MAX_TYPO_LEN || cols > MAX_TYPO_LEN + 4 {
        return (over, over);
    }
    // Three rows on the stack: two back (transpositions), previous, current. Cells outside a
    // row's band read as `over`.
    let mut rows = [[over; MAX_TYPO_LEN + 4]; 3];
    for (j, cell) in rows[0][..cols.min(over)].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(cols - 1);
        // The cell left of the band: column 0, or one the row three back may have written.
        rows[cur][lo - 1] = if lo == 1 { i } else { over };
        let mut row_min = if lo == 1 { i } else { over };
        // `lo..hi + 1`, not `lo..=hi`: the inclusive range compiles to a slower loop here (9% more
        // instructions for "Bauantrag", callgrind).
        for j in lo..hi + 1 {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        // The cell right of the band, read by the next row as "above".
        if hi + 1 < cols {
            rows[cur][hi + 1] = over;
        }
        if row_min > max {
            return (over, over);
        }
    }
    let last = &rows[a.len() % 3];
    let lo = a.len().saturating_sub(max);
    let hi = (a.len() + max).min(cols - 1);
    let full = if whole && cols - 1 >= lo {
        last[cols - 1].min(over)
    } else {
        over
    };
    let prefix = last[lo..=hi].iter().copied().min().unwrap_or(over).min(over);
    (full, prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_umlauts_spellings_and_punctuation() {
        assert_eq!(fold("Nördlingen"), "nordlingen");
        assert_eq!(fold("NOERDLINGEN"), "nordlingen");
        assert_eq!(fold("No\u{308}rdlingen"), "nordlingen", "NFD");
        assert_eq!(fold("Neustadt a.d.Aisch"), "neustadt a d aisch");
        assert_eq!(fold("  Straße -- Süd "), "strasse sud");
        assert_eq!(fold("Strasse Sued"), "strasse sud");
        assert_eq!(fold("Île-de-Ré"), "ile de re");
        assert_eq!(fold("fuehrerschein"), fold("Führerschein"));
        assert_eq!(fold("Fuhrerschein"), fold("FÜHRERSCHEIN"));
    }

    #[test]
    fn latin_lower_case_and_word_characters_agree_with_unicode() {
        // Latin-1's ª º ¹ ² ³ µ ¼ ½ ¾ count as punctuation here, unlike in Unicode.
        let latin = ('\u{0}'..='\u{7f}').chain('\u{c0}'..='\u{17f}');
        for c in latin.chain("„“–—«»§°€".chars()) {
            if c.is_alphanumeric() {
                assert!(is_word_char(c), "{c:?} is a word character");
                let unicode: Vec<char> = c.to_lowercase().collect();
                if unicode.len() == 1 {
                    assert_eq!(lower(c), unicode[0], "{c:?}");
                }
            } else if !c.is_control() && !c.is_whitespace() {
                assert!(!is_word_char(c), "{c:?} is not a word character");
            }
        }
        assert_eq!(fold("ŁÓDŹ Škoda"), "łodź škoda");
    }

    #[test]
    fn folded_prefixes_are_prefixes_of_folded_names() {
        for name in [
            "Nördlingen",
            "Michaelisdonn",
            "Neuenstadt am Kocher",
            "Baesweiler",
            "Bad Säckingen",
            "Queue",
            "Aeaeae",
        ] {
            let full = fold(name);
            for (i, _) in name.char_indices().skip(1) {
                let prefix = fold(&name[..i]);
                assert!(full.starts_with(&prefix), "{name}: {prefix:?} vs {full:?}");
            }
        }
    }

    #[test]
    fn distances_count_typos_and_swaps() {
        assert_eq!(distance(b"kindergled", b"kindergeld", 2).0, 1, "swap");
        assert_eq!(distance(b"kindergelt", b"kindergeld", 2).0, 1);
        assert_eq!(distance(b"kindergeld", b"kindergeld", 2).0, 0);
        assert_eq!(distance(b"abc", b"xyz", 1).0, 2, "capped at max + 1");
        assert_eq!(
            distance(b"fuhrerschien", b"fuhrerscheinumtausch", 2),
            (3, 1)
        );
    }

    /// The whole-table distance, as written in the textbook: the oracle for the banded one.
    fn distance_in_full(a: &[u8], b: &[u8], max: usize) -> (usize, usize) {
        let over = max + 1;
        let whole = b.len() <= a.len() + max;
        let b = &b[..b.len().min(a.len() + max)];
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for j in 0..=b.len() {
            d[0][j] = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        let full = if whole { d[a.len()][b.len()].min(over) } else { over };
        let prefix = d[a.len()].iter().copied().min().unwrap_or(over).min(over);
        (full, prefix)
    }

    #[test]
    fn the_banded_distance_agrees_with_the_whole_table() {
        // Words of the real vocabulary against misspellings made from them: dropped, doubled,
        // swapped and replaced letters, at every position, for every allowed number of typos.
        let words: Vec<&str> = real().vocabulary.iter().map(|w| &*w.folded).step_by(7).take(300).collect();
        let mut compared = 0;
        for (n, word) in words.iter().enumerate() {
            let w = word.as_bytes();
            let other = words[(n * 31 + 5) % words.len()].as_bytes();
            let mut typed: Vec<Vec<u8>> = vec![w.to_vec(), other.to_vec()];
            for k in 0..w.len() {
                let mut dropped = w.to_vec();
                dropped.remove(k);
                let mut doubled = w.to_vec();
                doubled.insert(k, w[k]);
                let mut replaced = w.to_vec();
                replaced[k] = b'x';
                typed.extend([dropped, doubled, replaced]);
                if k + 1 < w.len() {
                    let mut swapped = w.to_vec();
                    swapped.swap(k, k + 1);
                    typed.push(swapped);
                }
                typed.push(w[..k].to_vec());
            }
            for t in &typed {
                if t.len() > MAX_TYPO_LEN {
                    continue;
                }
                for max in 0..=3 {
                    for (a, b) in [(t.as_slice(), w), (w, t.as_slice()), (t.as_slice(), other)] {
                        assert_eq!(distance(a, b, max), distance_in_full(a, b, max), "{:?} {:?} max {max}",
                            String::from_utf8_lossy(a), String::from_utf8_lossy(b));
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    fn real() -> &'static Index {
        static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            Index::parse(include_str!("../../data/generated/search-index.txt"))
                .expect("the generated index parses")
        })
    }

    fn first_service(q: &str) -> &'static Entry {
        let r = real().search(q);
        let hit = r
            .leistungen
            .first()
            .unwrap_or_else(|| panic!("{q}: no service"));
        real().entry(hit.entry)
    }

    fn first_lebenslage(q: &str) -> &'static str {
        let r = real().search(q);
        let hit = r
            .lebenslagen
            .first()
            .unwrap_or_else(|| panic!("{q}: no Lebenslage"));
        &real().entry(hit.entry).id
    }

    #[test]
    fn kindergeld_finds_the_kindergeld_service() {
        assert_eq!(first_service("kindergeld").id, "99041008000000");
        assert_eq!(first_service("Kindergeld").id, "99041008000000");
        assert_eq!(
            first_service("kinderg").id,
            "99041008000000",
            "while typing"
        );
    }

    #[test]
    fn colloquial_terms_find_the_right_service_and_lebenslage() {
        assert_eq!(
            first_service("Auto anmelden").id,
            "99036008007002",
            "Neues Fahrzeug zulassen"
        );
        assert_eq!(first_lebenslage("Auto anmelden"), "rund-ums-fahrzeug");
        assert_eq!(first_lebenslage("Baby"), "ein-neues-kind-ist-angekommen");
        assert_eq!(first_service("child benefit").id, "99041008000000");
        assert_eq!(first_service("register car").id, "99036008007002");
    }

    #[test]
    fn umlaut_spellings_give_the_same_results() {
        let a = real().search("Führerschein");
        assert_eq!(real().search("fuehrerschein"), a);
        assert_eq!(real().search("Fuhrerschein"), a);
        assert!(real()
            .entry(a.leistungen[0].entry)
            .name
            .de
            .contains("Führerschein"));
        assert!(
            real().entry(a.leistungen[0].entry).curated,
            "curated services first"
        );
    }

    #[test]
    fn typos_still_find_the_service_and_suggest_the_spelling() {
        // Including the first two letters swapped.
        for q in ["kindergled", "Kindergelt", "kindrgeld", "ikndergeld"] {
            let r = real().search(q);
            assert_eq!(
                real().entry(r.leistungen[0].entry).id,
                "99041008000000",
                "{q}"
            );
            assert_eq!(r.suggestion.as_deref(), Some("kindergeld"), "{q}");
        }
        let r = real().search("Fuehrerschien");
        assert!(real()
            .entry(r.leistungen[0].entry)
            .name
            .de
            .contains("Führerschein"));
        assert_eq!(r.suggestion.as_deref(), Some("führerschein"));
    }

    #[test]
    fn nonsense_and_tiny_queries_give_nothing() {
        assert!(real().search("xqzvwk").is_empty());
        assert!(real().search("k").is_empty());
        assert!(real().search("  ").is_empty());
    }

    #[test]
    fn every_token_matched_beats_some() {
        let r = real().search("Gewerbe anmelden");
        assert!(r.leistungen.iter().all(|h| h.complete));
        assert_eq!(real().entry(r.leistungen[0].entry).id, "99050012104000");
    }

    #[test]
    fn the_index_file_round_trips() {
        let entries = vec![
            Entry {
                kind: Kind::Lebenslage,
                id: "umzug".into(),
                name: Localized::new("Umzug", "Moving"),
                curated: true,
                extra: "Wohnsitz ummelden".into(),
            },
            Entry {
                kind: Kind::Leistung,
                id: "99001001000000".into(),
                name: Localized::de("Abfallgebühr"),
                curated: false,
                extra: String::new(),
            },
        ];
        let synonyms = vec![("mull".to_string(), vec!["abfall".to_string()])];
        let text = render(&entries, &synonyms);
        let index = Index::parse(&text).unwrap();
        assert_eq!(index.entries(), &entries[..]);
        assert_eq!(render(index.entries(), &index.synonyms), text);
        assert_eq!(
            index.entry(index.search("Müll").leistungen[0].entry).id,
            "99001001000000"
        );
        assert!(Index::parse("something else").is_err());
    }
}
