//! Reduces untrusted HTML from federation sources to the PVOG text allow-list.
//!
//! The texts of a service description (`details[].text`, …) are HTML written by many editors
//! and passed through several systems; `shared/reference/portalverbund-apis.md` §1.5 lists the
//! tags the federation's FAQ allows: `p, br, h1–h6, b/strong, i/em, sup/sub, ul, ol, li, a[href]`.
//! [`sanitize_html`] re-serialises a text from a small tokenizer of its own; the output holds
//! nothing but
//!
//! * the elements `p`, `br`, `h3`–`h6`, `b`, `strong`, `i`, `em`, `sup`, `sub`, `ul`, `ol`,
//!   `li` and `a`. **`h1` and `h2` become `h3`**: the page owns its `h1` (the service name) and
//!   `h2` (the module headings such as "Voraussetzungen"); a description must not add headings
//!   above or beside them. `h3`–`h6` stay as they are.
//! * no attributes, except `href` on `a` when it is an absolute `https:`, `http:`, `mailto:` or
//!   `tel:` URL (see [`safe_url`]); such links get `rel="noopener noreferrer"`. An `a` without a
//!   usable `href` is kept as a bare `<a>` (plain text in every browser).
//! * text, with `&`, `<`, `>` and `"` escaped (entities in the input are decoded first, so the
//!   output holds each character exactly once encoded); NUL characters are dropped.
//!
//! `script`, `style`, `iframe`, `object`, `embed`, `template`, `noscript`, `svg`, `math`,
//! `textarea`, `title`, `xmp` (and the obsolete `noembed`, `noframes`, `plaintext`) are removed
//! **with their content**. Any other element is unwrapped: its tags go, its text stays; where
//! it is not an inline element (`div`, `td`, …) a line break in the text keeps words apart.
//!
//! Why this is safe even where the tokenizer reads odd markup differently from a browser: the
//! output is *built*, not filtered. Only the fixed tag strings above, escaped text and an escaped
//! allow-listed URL are ever written, so a disagreement costs fidelity, never safety.
//!
//! Properties (tested in `model/tests/sanitize.rs`): the output is well-formed (every element
//! closed, properly nested, blocks never inside inline elements, `li` always inside `ul`/`ol`,
//! no `a` inside `a`) and at most [`MAX_DEPTH`] elements deep; sanitising it again returns it
//! unchanged; the work is linear in the input length.
//!
//! [`plain_text`] gives the text alone (for titles, summaries, `<meta>` descriptions).

use std::borrow::Cow;

/// How deeply allowed elements may nest in the output. Start tags beyond it are unwrapped
/// (their text is kept), which bounds the work per tag and the depth of the DOM.
pub const MAX_DEPTH: usize = 64;

/// Sanitises federation HTML to the allow-list described in the [module docs](self).
///
/// ```
/// use model::sanitize::sanitize_html;
/// assert_eq!(
///     sanitize_html(r#"<h1>Hinweis</h1><p onclick="x()">Mit <a href="https://www.bund.de">Link</a><script>alert(1)</script>"#),
///     r#"<h3>Hinweis</h3><p>Mit <a href="https://www.bund.de" rel="noopener noreferrer">Link</a></p>"#
/// );
/// ```
pub fn sanitize_html(input: &str) -> String {
    let mut writer = Writer {
        out: String::with_capacity(input.len() + input.len() / 8),
        open: Vec::new(),
        separate: false,
    };
    for token in Visible::new(input) {
        writer.token(token);
    }
    writer.finish()
}

/// The text of federation HTML: tags stripped (content of `script`, `style`, … dropped as in
/// [`sanitize_html`]), entities decoded, control characters dropped, whitespace collapsed to
/// single spaces and trimmed. Block elements and `br` separate words.
///
/// The result is **text, not HTML**: put it into a text node (Leptos escapes it), never into
/// `inner_html`.
///
/// ```
/// use model::sanitize::plain_text;
/// assert_eq!(plain_text("<p>Reisepass&nbsp;&amp; Kinder&shy;reisepass</p><p>beantragen</p>"),
///            "Reisepass & Kinder\u{ad}reisepass beantragen");
/// ```
pub fn plain_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len().min(4096));
    let mut space = false;
    for token in Visible::new(input) {
        match token {
            Token::Text(raw) => {
                for c in decode_entities(raw, false).chars() {
                    if c.is_whitespace() {
                        space = true;
                    } else if !c.is_control() {
                        if space && !out.is_empty() {
                            out.push(' ');
                        }
                        space = false;
                        out.push(c);
                    }
                }
            }
            Token::Start { name, .. } | Token::End { name } => {
                if !is_inline(name) {
                    space = true;
                }
            }
            Token::RawText => {}
        }
    }
    out
}

/// The URL of an `href` if it may be linked: entities decoded, leading and trailing spaces and
/// control characters trimmed, ASCII control characters (tab, newline, NUL, …) removed
/// everywhere (browsers ignore tabs and newlines in URLs, so `java&#x09;script:` reads as
/// `javascript:`), spaces inside the scheme removed, the scheme lower-cased; then kept only for
/// the schemes `https`, `http`, `mailto` and `tel`. Relative URLs (no scheme) are not kept: a
/// federation text's relative link would point into this app.
///
/// `raw` is the attribute value as written in HTML (entities not yet decoded). The result is
/// the normalised URL, not yet escaped for HTML.
///
/// ```
/// use model::sanitize::safe_url;
/// assert_eq!(safe_url(" HTTPS://example.org/a?b=1&amp;c=2 ").as_deref(), Some("https://example.org/a?b=1&c=2"));
/// assert_eq!(safe_url("java&#x09;script:alert(1)"), None);
/// assert_eq!(safe_url("/relative"), None);
/// ```
pub fn safe_url(raw: &str) -> Option<String> {
    let decoded = decode_entities(raw, true);
    let url: String = decoded
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !c.is_ascii_control())
        .collect();
    let colon = url.find(':')?;
    let scheme: String = url[..colon]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if !URL_SCHEMES.contains(&scheme.as_str()) {
        return None;
    }
    let mut out = scheme;
    out.push_str(&url[colon..]);
    Some(out)
}

/// Schemes a kept link may have.
const URL_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

// ---------------------------------------------------------------------------------------------
// Output

/// An allowed element (after `h1`/`h2` → `h3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum El {
    P,
    H3,
    H4,
    H5,
    H6,
    B,
    Strong,
    I,
    Em,
    Sup,
    Sub,
    Ul,
    Ol,
    Li,
    A,
}

/// What an allowed element may contain, which decides what a start tag closes first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text-level (`b`, `a`, …): inline content only.
    Inline,
    /// `p`, `h3`–`h6`: inline content only, never inside inline elements or each other.
    Para,
    /// `ul`, `ol`: anything allowed; never inside inline or `Para` elements.
    List,
    /// `li`: anything allowed; always directly inside `ul`/`ol`.
    Item,
}

impl El {
    fn name(self) -> &'static str {
        match self {
            El::P => "p",
            El::H3 => "h3",
            El::H4 => "h4",
            El::H5 => "h5",
            El::H6 => "h6",
            El::B => "b",
            El::Strong => "strong",
            El::I => "i",
            El::Em => "em",
            El::Sup => "sup",
            El::Sub => "sub",
            El::Ul => "ul",
            El::Ol => "ol",
            El::Li => "li",
            El::A => "a",
        }
    }

    fn kind(self) -> Kind {
        match self {
            El::P | El::H3 | El::H4 | El::H5 | El::H6 => Kind::Para,
            El::Ul | El::Ol => Kind::List,
            El::Li => Kind::Item,
            _ => Kind::Inline,
        }
    }

    fn is_heading(self) -> bool {
        matches!(self, El::H3 | El::H4 | El::H5 | El::H6)
    }
}

enum Allowed {
    El(El),
    Br,
}

/// The allowed element a tag name stands for (ASCII case-insensitive).
fn allowed(name: &str) -> Option<Allowed> {
    if name.len() > 6 {
        return None;
    }
    let mut buf = [0u8; 6];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    Some(Allowed::El(match &*lower {
        b"br" => return Some(Allowed::Br),
        b"p" => El::P,
        b"h1" | b"h2" | b"h3" => El::H3,
        b"h4" => El::H4,
        b"h5" => El::H5,
        b"h6" => El::H6,
        b"b" => El::B,
        b"strong" => El::Strong,
        b"i" => El::I,
        b"em" => El::Em,
        b"sup" => El::Sup,
        b"sub" => El::Sub,
        b"ul" => El::Ul,
        b"ol" => El::Ol,
        b"li" => El::Li,
        b"a" => El::A,
        _ => return None,
    }))
}

/// Text-level elements: unwrapping them (or stripping them for [`plain_text`]) must not put
/// a space between the words around them.
fn is_inline(name: &str) -> bool {
    const INLINE: [&str; 32] = [
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ];
    INLINE.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Builds the output: a stack of open allowed elements, closed as the content model requires.
struct Writer {
    out: String,
    open: Vec<El>,
    /// An unwrapped block-level tag was seen: separate the next output from the text before.
    separate: bool,
}

impl Writer {
    fn token(&mut self, token: Token<'_>) {
        match token {
            Token::Text(raw) => {
                let text = decode_entities(raw, false);
                if !text.is_empty() {
                    if text.starts_with(|c: char| c.is_ascii_whitespace()) {
                        self.separate = false;
                    }
                    self.separator();
                    escape_into(&mut self.out, &text);
                }
            }
            Token::Start { name, href, .. } => match allowed(name) {
                Some(Allowed::El(el)) => self.start(el, href),
                Some(Allowed::Br) => self.br(),
                None => self.unwrap(name),
            },
            Token::End { name } => match allowed(name) {
                Some(Allowed::El(el)) => self.end(el),
                // Browsers read `</br>` as `<br>`.
                Some(Allowed::Br) => self.br(),
                None => self.unwrap(name),
            },
            Token::RawText => {}
        }
    }

    fn unwrap(&mut self, name: &str) {
        if !is_inline(name) {
            self.separate = true;
        }
    }

    /// A line break (whitespace, rendered as a space) between text that an unwrapped block
    /// element separated, unless there is whitespace on either side already.
    fn separator(&mut self) {
        if std::mem::take(&mut self.separate)
            && self
                .out
                .as_bytes()
                .last()
                .is_some_and(|b| !b.is_ascii_whitespace())
        {
            self.out.push('\n');
        }
    }

    fn br(&mut self) {
        self.separator();
        self.out.push_str("<br>");
    }

    fn start(&mut self, el: El, href: Option<&str>) {
        match el.kind() {
            Kind::Inline => {
                // No link inside a link: the new one ends the open one (browsers do the same).
                if el == El::A {
                    if let Some(i) = self.open.iter().rposition(|&e| e == El::A) {
                        self.close_from(i);
                    }
                }
            }
            Kind::Para | Kind::List => self.close_text_level(),
            Kind::Item => {
                self.close_text_level();
                if self.open.last() == Some(&El::Li) {
                    self.close_from(self.open.len() - 1);
                }
                if !matches!(self.open.last(), Some(El::Ul | El::Ol)) {
                    // A list item outside a list gets a list of its own.
                    if self.open.len() + 2 > MAX_DEPTH {
                        self.separate = true;
                        return;
                    }
                    self.push(El::Ul, None);
                }
            }
        }
        if self.open.len() >= MAX_DEPTH {
            if el.kind() != Kind::Inline {
                self.separate = true;
            }
            return;
        }
        self.push(el, href);
    }

    fn push(&mut self, el: El, href: Option<&str>) {
        self.separator();
        if el == El::A {
            match href.and_then(safe_url) {
                Some(url) => {
                    self.out.push_str("<a href=\"");
                    escape_into(&mut self.out, &url);
                    self.out.push_str("\" rel=\"noopener noreferrer\">");
                }
                None => self.out.push_str("<a>"),
            }
        } else {
            self.out.push('<');
            self.out.push_str(el.name());
            self.out.push('>');
        }
        self.open.push(el);
    }

    fn end(&mut self, el: El) {
        // Any heading end tag ends the open heading, as in browsers.
        let target = if el.is_heading() {
            self.open.iter().rposition(|e| e.is_heading())
        } else {
            self.open.iter().rposition(|&e| e == el)
        };
        match target {
            Some(i) => self.close_from(i),
            // A stray block end tag (`</p>` without `<p>`) still separates words.
            None if el.kind() != Kind::Inline => self.separate = true,
            None => {}
        }
    }

    /// Closes inline and paragraph elements at the top of the stack, so a block can start.
    fn close_text_level(&mut self) {
        while let Some(&el) = self.open.last() {
            if !matches!(el.kind(), Kind::Inline | Kind::Para) {
                break;
            }
            self.pop();
        }
    }

    /// Closes the element at stack index `i` and everything opened after it.
    fn close_from(&mut self, i: usize) {
        while self.open.len() > i {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(el) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(el.name());
            self.out.push('>');
        }
    }

    fn finish(mut self) -> String {
        self.close_from(0);
        self.out
    }
}

/// Appends `s` with `&`, `<`, `>` and `"` escaped and NUL dropped: safe as text and as a
/// double-quoted attribute value.
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            0 => "",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

/// A piece of the input. Comments, doctypes, CDATA sections and processing instructions
/// produce no token; neither do tags cut off by the end of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token<'a> {
    /// Character data as written (entities not decoded).
    Text(&'a str),
    /// A start tag: its name as written, its first `href` attribute's raw value (the only
    /// attribute anything here uses) and whether it ends in `/>`.
    Start {
        name: &'a str,
        href: Option<&'a str>,
        self_closing: bool,
    },
    End {
        name: &'a str,
    },
    /// The content of a raw-text element (`script`, `style`, …); always dropped.
    RawText,
}

/// Raw-text elements: their content is not markup and runs to their end tag (HTML's
/// RAWTEXT/RCDATA/script data states; `noscript` as in a browser with scripting on).
const RAW_TEXT: [&str; 9] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

#[derive(Clone, Copy, Debug)]
enum RawEnd {
    /// Up to `</name` followed by whitespace, `/` or `>`.
    Tag(&'static str),
    /// `plaintext`: up to the end of the input.
    Eof,
}

/// A single-pass tokenizer after the HTML standard's tokenization, reduced to what the
/// sanitizer needs. Every byte is looked at a bounded number of times.
struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<RawEnd>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn find_byte(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    hay[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|i| from + i)
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
        }
    }

    /// Markup starting at the `<` at `lt`; `None` when it produces no token (comment, …).
    fn markup(&mut self, lt: usize) -> Option<Token<'a>> {
        let bytes = self.src.as_bytes();
        match bytes.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 1, false),
            Some(b'/') => match bytes.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 2, true),
                Some(_) => {
                    // `</>` is ignored, `</3 …>` is a bogus comment.
                    self.skip_past_gt(lt + 2);
                    None
                }
                None => {
                    self.pos = bytes.len();
                    Some(Token::Text(&self.src[lt..]))
                }
            },
            Some(b'!') if bytes[lt + 2..].starts_with(b"--") => {
                self.comment(lt + 4);
                None
            }
            // `<!doctype …>`, `<![CDATA[…]]>` (a bogus comment in HTML content: it ends at the
            // first `>`), `<?xml …?>`.
            Some(b'!' | b'?') => {
                self.skip_past_gt(lt + 2);
                None
            }
            // A `<` that starts no markup is text.
            _ => {
                self.pos = lt + 1;
                Some(Token::Text(&self.src[lt..lt + 1]))
            }
        }
    }

    fn skip_past_gt(&mut self, from: usize) {
        let bytes = self.src.as_bytes();
        self.pos = find_byte(bytes, from.min(bytes.len()), b'>').map_or(bytes.len(), |i| i + 1);
    }

    /// A comment whose `<!--` ends before `from`: up to `-->` or `--!>`; `<!-->` and `<!--->`
    /// are empty comments; an unclosed comment runs to the end of the input.
    fn comment(&mut self, from: usize) {
        let bytes = self.src.as_bytes();
        let rest = &bytes[from..];
        if rest.starts_with(b">") {
            self.pos = from + 1;
            return;
        }
        if rest.starts_with(b"->") {
            self.pos = from + 2;
            return;
        }
        let mut i = from;
        while let Some(dash) = find_byte(bytes, i, b'-') {
            let tail = &bytes[dash..];
            if tail.starts_with(b"-->") {
                self.pos = dash + 3;
                return;
            }
            if tail.starts_with(b"--!>") {
                self.pos = dash + 4;
                return;
            }
            i = dash + 1;
        }
        self.pos = bytes.len();
    }

    /// A start or end tag whose name starts at `name_start`.
    fn tag(&mut self, name_start: usize, end: bool) -> Option<Token<'a>> {
        let src = self.src;
        let bytes = src.as_bytes();
        let len = bytes.len();
        let mut i = name_start;
        while i < len && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = &src[name_start..i];
        let mut href = None;
        let mut self_closing = false;
        loop {
            while i < len && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                // A tag cut off by the end of the input is dropped.
                None => {
                    self.pos = len;
                    return None;
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    i += 1;
                    if bytes.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    continue;
                }
                Some(_) => {}
            }
            // Attribute name; a leading `=` belongs to it.
            let attr_start = i;
            if bytes[i] == b'=' {
                i += 1;
            }
            while i < len && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_name = &src[attr_start..i];
            while i < len && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = "";
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < len && is_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => match find_byte(bytes, i + 1, quote) {
                        // `>` inside quotes is part of the value.
                        Some(close) => {
                            value = &src[i + 1..close];
                            i = close + 1;
                        }
                        None => {
                            self.pos = len;
                            return None;
                        }
                    },
                    // `a=>`: an empty value; the end of input is handled above.
                    Some(b'>') | None => {}
                    Some(_) => {
                        let start = i;
                        while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = &src[start..i];
                    }
                }
            }
            // The first of duplicate attributes counts, as in browsers.
            if !end && href.is_none() && attr_name.eq_ignore_ascii_case("href") {
                href = Some(value);
            }
        }
        self.pos = i;
        if end {
            return Some(Token::End { name });
        }
        self.raw = if name.eq_ignore_ascii_case("plaintext") {
            Some(RawEnd::Eof)
        } else {
            RAW_TEXT
                .iter()
                .copied()
                .find(|r| r.eq_ignore_ascii_case(name))
                .map(RawEnd::Tag)
        };
        Some(Token::Start {
            name,
            href,
            self_closing,
        })
    }
}

/// Where the content of the raw-text element `name` starting at `from` ends: at its end tag,
/// or the end of the input.
fn raw_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(lt) = find_byte(bytes, i, b'<') {
        let name_at = lt + 2;
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(name_at..name_at + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_at + name.len())
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return lt;
        }
        i = lt + 1;
    }
    bytes.len()
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.src.as_bytes();
        if let Some(raw) = self.raw.take() {
            let start = self.pos;
            self.pos = match raw {
                RawEnd::Eof => bytes.len(),
                RawEnd::Tag(name) => raw_end(bytes, start, name),
            };
            if self.pos > start {
                return Some(Token::RawText);
            }
        }
        while self.pos < bytes.len() {
            let start = self.pos;
            if bytes[start] != b'<' {
                self.pos = find_byte(bytes, start, b'<').unwrap_or(bytes.len());
                return Some(Token::Text(&self.src[start..self.pos]));
            }
            if let Some(token) = self.markup(start) {
                return Some(token);
            }
        }
        None
    }
}

/// Elements removed with their content.
const DROPPED: [&str; 15] = [
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "svg",
    "math",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

fn dropped(name: &str) -> Option<&'static str> {
    DROPPED
        .iter()
        .copied()
        .find(|d| d.eq_ignore_ascii_case(name))
}

/// Whether a start tag of the dropped element `name` has no content to drop: `embed` is void,
/// and `<svg/>` and `<math/>` are empty (self-closing counts in foreign content). Everywhere
/// else `/>` means nothing in HTML: `<script/>` still starts a script.
fn has_no_content(name: &str, self_closing: bool) -> bool {
    name == "embed" || (self_closing && matches!(name, "svg" | "math"))
}

/// The tokens outside dropped elements.
struct Visible<'a> {
    tokens: Tokenizer<'a>,
    /// The dropped element being skipped, and how many of it are open (they can nest).
    dropping: Option<(&'static str, usize)>,
}

impl<'a> Visible<'a> {
    fn new(input: &'a str) -> Self {
        Visible {
            tokens: Tokenizer::new(input),
            dropping: None,
        }
    }
}

impl<'a> Iterator for Visible<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let token = self.tokens.next()?;
            if let Some((element, depth)) = self.dropping {
                match token {
                    Token::Start {
                        name, self_closing, ..
                    } if name.eq_ignore_ascii_case(element)
                        && !has_no_content(element, self_closing) =>
                    {
                        self.dropping = Some((element, depth + 1));
                    }
                    Token::End { name } if name.eq_ignore_ascii_case(element) => {
                        self.dropping = (depth > 1).then_some((element, depth - 1));
                    }
                    _ => {}
                }
                continue;
            }
            match token {
                Token::Start {
                    name, self_closing, ..
                } => match dropped(name) {
                    Some(element) => {
                        if !has_no_content(element, self_closing) {
                            self.dropping = Some((element, 1));
                        }
                    }
                    None => return Some(token),
                },
                // A stray `</script>` and the like.
                Token::End { name } if dropped(name).is_some() => {}
                Token::RawText => {}
                _ => return Some(token),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Character references

/// Decodes character references as HTML does: numeric ones (`&#228;`, `&#xE4;`, semicolon
/// optional, invalid code points → U+FFFD, 0x80–0x9F read as Windows-1252) and the named ones
/// in [`ENTITIES`] (with semicolon; the legacy Latin-1 ones and `amp`, `lt`, `gt`, `quot` also
/// without, except in attribute values before `=` or an alphanumeric, as browsers do). Unknown
/// references stay as written.
fn decode_entities(raw: &str, in_attribute: bool) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = raw[i..].find('&') {
        let amp = i + offset;
        match char_ref(raw, amp + 1, in_attribute) {
            Some((c, end)) => {
                out.push_str(&raw[copied..amp]);
                out.push(c);
                copied = end;
                i = end;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(&raw[copied..]);
    Cow::Owned(out)
}

/// The character referenced after an `&` (at `at`), and where the reference ends.
fn char_ref(s: &str, at: usize, in_attribute: bool) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(at) == Some(&b'#') {
        let mut i = at + 1;
        let radix = if matches!(bytes.get(i), Some(b'x' | b'X')) {
            i += 1;
            16
        } else {
            10
        };
        let digits = i;
        let mut value: u32 = 0;
        while let Some(d) = bytes.get(i).and_then(|&b| char::from(b).to_digit(radix)) {
            value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
            i += 1;
        }
        if i == digits {
            return None;
        }
        if bytes.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((numeric_char(value), i));
    }
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let name = &s[at..end];
    if name.is_empty() {
        return None;
    }
    match bytes.get(end) {
        Some(b';') => named_entity(name).map(|c| (c, end + 1)),
        // `?a=1&copy=2` in a URL is not `©=2`.
        Some(b'=') if in_attribute => None,
        _ if in_attribute => legacy_entity(name).map(|c| (c, end)),
        // In text the longest legacy name that starts the run counts: `&auml` → ä,
        // `&amplifier` → &lifier.
        _ => (2..=name.len().min(LEGACY_MAX_LEN))
            .rev()
            .find_map(|n| legacy_entity(&name[..n]).map(|c| (c, at + n))),
    }
}

fn numeric_char(value: u32) -> char {
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        // Surrogates and values beyond U+10FFFF.
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

/// What HTML makes of the references `&#128;` … `&#159;`.
const WINDOWS_1252: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

fn named_entity(name: &str) -> Option<char> {
    let i = ENTITIES
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()?;
    char::from_u32(u32::from(ENTITIES[i].1))
}

/// The named references browsers also read without a semicolon: the Latin-1 ones and `amp`,
/// `lt`, `gt`, `quot` (in either case).
fn legacy_entity(name: &str) -> Option<char> {
    named_entity(name).filter(|&c| {
        ('\u{A0}'..='\u{FF}').contains(&c)
            || matches!(
                name,
                "amp" | "lt" | "gt" | "quot" | "AMP" | "LT" | "GT" | "QUOT"
            )
    })
}

/// The longest legacy entity name.
const LEGACY_MAX_LEN: usize = 6;

/// A subset of the HTML named character references, sorted by name (bytewise): every Latin-1
/// one (German umlauts, `szlig`, `nbsp`, `shy`, `sect`, …), typographic punctuation, a few
/// symbols, and the ASCII ones (`colon`, `Tab`, `NewLine`, …) that obfuscated URLs use. The
/// full list has 2 231 names; unknown references are left as written, which is safe (their `&`
/// is escaped) and rare in federation texts.
#[rustfmt::skip]
const ENTITIES: [(&str, u16); 186] = [
    ("AElig", 0x00c6), ("AMP", 0x0026), ("Aacute", 0x00c1), ("Acirc", 0x00c2), ("Agrave", 0x00c0),
    ("Aring", 0x00c5), ("Atilde", 0x00c3), ("Auml", 0x00c4), ("COPY", 0x00a9), ("Ccedil", 0x00c7),
    ("Dagger", 0x2021), ("ETH", 0x00d0), ("Eacute", 0x00c9), ("Ecirc", 0x00ca), ("Egrave", 0x00c8),
    ("Euml", 0x00cb), ("GT", 0x003e), ("Hat", 0x005e), ("Iacute", 0x00cd), ("Icirc", 0x00ce),
    ("Igrave", 0x00cc), ("Iuml", 0x00cf), ("LT", 0x003c), ("NewLine", 0x000a), ("Ntilde", 0x00d1),
    ("OElig", 0x0152), ("Oacute", 0x00d3), ("Ocirc", 0x00d4), ("Ograve", 0x00d2), ("Oslash", 0x00d8),
    ("Otilde", 0x00d5), ("Ouml", 0x00d6), ("Prime", 0x2033), ("QUOT", 0x0022), ("REG", 0x00ae),
    ("Scaron", 0x0160), ("THORN", 0x00de), ("Tab", 0x0009), ("Uacute", 0x00da), ("Ucirc", 0x00db),
    ("Ugrave", 0x00d9), ("Uuml", 0x00dc), ("Yacute", 0x00dd), ("Yuml", 0x0178), ("aacute", 0x00e1),
    ("acirc", 0x00e2), ("acute", 0x00b4), ("aelig", 0x00e6), ("agrave", 0x00e0), ("amp", 0x0026),
    ("apos", 0x0027), ("aring", 0x00e5), ("ast", 0x002a), ("asymp", 0x2248), ("atilde", 0x00e3),
    ("auml", 0x00e4), ("bdquo", 0x201e), ("brvbar", 0x00a6), ("bsol", 0x005c), ("bull", 0x2022),
    ("ccedil", 0x00e7), ("cedil", 0x00b8), ("cent", 0x00a2), ("check", 0x2713), ("circ", 0x02c6),
    ("colon", 0x003a), ("comma", 0x002c), ("commat", 0x0040), ("copy", 0x00a9), ("cross", 0x2717),
    ("curren", 0x00a4), ("dagger", 0x2020), ("darr", 0x2193), ("deg", 0x00b0), ("divide", 0x00f7),
    ("dollar", 0x0024), ("eacute", 0x00e9), ("ecirc", 0x00ea), ("egrave", 0x00e8), ("emsp", 0x2003),
    ("ensp", 0x2002), ("equals", 0x003d), ("eth", 0x00f0), ("euml", 0x00eb), ("euro", 0x20ac),
    ("excl", 0x0021), ("fnof", 0x0192), ("frac12", 0x00bd), ("frac14", 0x00bc), ("frac34", 0x00be),
    ("ge", 0x2265), ("grave", 0x0060), ("gt", 0x003e), ("hArr", 0x21d4), ("harr", 0x2194),
    ("hellip", 0x2026), ("hyphen", 0x2010), ("iacute", 0x00ed), ("icirc", 0x00ee), ("iexcl", 0x00a1),
    ("igrave", 0x00ec), ("infin", 0x221e), ("iquest", 0x00bf), ("iuml", 0x00ef), ("lArr", 0x21d0),
    ("laquo", 0x00ab), ("larr", 0x2190), ("lcub", 0x007b), ("ldquo", 0x201c), ("le", 0x2264),
    ("lowbar", 0x005f), ("lpar", 0x0028), ("lrm", 0x200e), ("lsaquo", 0x2039), ("lsqb", 0x005b),
    ("lsquo", 0x2018), ("lt", 0x003c), ("macr", 0x00af), ("mdash", 0x2014), ("micro", 0x00b5),
    ("middot", 0x00b7), ("minus", 0x2212), ("nbsp", 0x00a0), ("ndash", 0x2013), ("ne", 0x2260),
    ("not", 0x00ac), ("ntilde", 0x00f1), ("num", 0x0023), ("oacute", 0x00f3), ("ocirc", 0x00f4),
    ("oelig", 0x0153), ("ograve", 0x00f2), ("ordf", 0x00aa), ("ordm", 0x00ba), ("oslash", 0x00f8),
    ("otilde", 0x00f5), ("ouml", 0x00f6), ("para", 0x00b6), ("percnt", 0x0025), ("period", 0x002e),
    ("permil", 0x2030), ("plus", 0x002b), ("plusmn", 0x00b1), ("pound", 0x00a3), ("prime", 0x2032),
    ("quest", 0x003f), ("quot", 0x0022), ("rArr", 0x21d2), ("raquo", 0x00bb), ("rarr", 0x2192),
    ("rcub", 0x007d), ("rdquo", 0x201d), ("reg", 0x00ae), ("rlm", 0x200f), ("rpar", 0x0029),
    ("rsaquo", 0x203a), ("rsqb", 0x005d), ("rsquo", 0x2019), ("sbquo", 0x201a), ("scaron", 0x0161),
    ("sect", 0x00a7), ("semi", 0x003b), ("shy", 0x00ad), ("sol", 0x002f), ("sup1", 0x00b9),
    ("sup2", 0x00b2), ("sup3", 0x00b3), ("szlig", 0x00df), ("thinsp", 0x2009), ("thorn", 0x00fe),
    ("tilde", 0x02dc), ("times", 0x00d7), ("trade", 0x2122), ("uacute", 0x00fa), ("uarr", 0x2191),
    ("ucirc", 0x00fb), ("ugrave", 0x00f9), ("uml", 0x00a8), ("uuml", 0x00fc), ("verbar", 0x007c),
    ("vert", 0x007c), ("yacute", 0x00fd), ("yen", 0x00a5), ("yuml", 0x00ff), ("zwj", 0x200d),
    ("zwnj", 0x200c),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    fn start<'a>(name: &'a str, href: Option<&'a str>) -> Token<'a> {
        Token::Start {
            name,
            href,
            self_closing: false,
        }
    }

    #[test]
    fn entity_table_is_sorted_and_legacy_names_are_short() {
        for pair in ENTITIES.windows(2) {
            assert!(
                pair[0].0.as_bytes() < pair[1].0.as_bytes(),
                "{:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for (name, _) in ENTITIES {
            assert!(named_entity(name).is_some(), "{name}");
            if legacy_entity(name).is_some() {
                assert!(name.len() <= LEGACY_MAX_LEN, "{name}");
            }
        }
        // All 96 Latin-1 names (U+00A0 … U+00FF) are there, in code point order of the HTML 4 list.
        let latin1 = ENTITIES
            .iter()
            .filter(|(_, v)| (0xA0..=0xFF).contains(v))
            .count();
        assert_eq!(latin1, 96 + 2, "96 names plus COPY and REG");
    }

    #[test]
    fn tokenizer_reads_tags_attributes_and_text() {
        assert_eq!(
            tokens(r#"a<A HREF='x>y' href=z>b</a >"#),
            vec![
                Token::Text("a"),
                start("A", Some("x>y")),
                Token::Text("b"),
                Token::End { name: "a" }
            ]
        );
        assert_eq!(
            tokens("<a title=\"h\" data-x href = \"u\" / >"),
            vec![start("a", Some("u"))]
        );
        assert_eq!(
            tokens("<br/><a href=u/>"),
            vec![
                Token::Start {
                    name: "br",
                    href: None,
                    self_closing: true
                },
                start("a", Some("u/"))
            ]
        );
        assert_eq!(tokens("<a href>"), vec![start("a", Some(""))]);
        assert_eq!(tokens("<a =href=1 href=>"), vec![start("a", Some(""))]);
    }

    #[test]
    fn tokenizer_skips_comments_doctypes_and_cut_off_tags() {
        assert_eq!(
            tokens("<!doctype html>a<!-- <p> -->b<!-->c<!--->d<?x y>e"),
            vec![
                Token::Text("a"),
                Token::Text("b"),
                Token::Text("c"),
                Token::Text("d"),
                Token::Text("e")
            ]
        );
        assert_eq!(
            tokens("a<!-- x --!>b"),
            vec![Token::Text("a"), Token::Text("b")]
        );
        assert_eq!(tokens("a<!-- never closed <p>"), vec![Token::Text("a")]);
        assert_eq!(
            tokens("a<![CDATA[<b>]]>"),
            vec![Token::Text("a"), Token::Text("]]>")]
        );
        assert_eq!(tokens("a<b c=\"d>"), vec![Token::Text("a")]);
        assert_eq!(tokens("a<b"), vec![Token::Text("a")]);
        assert_eq!(
            tokens("a</>b</ x>c"),
            vec![Token::Text("a"), Token::Text("b"), Token::Text("c")]
        );
        assert_eq!(
            tokens("1 < 2 <3"),
            vec![
                Token::Text("1 "),
                Token::Text("<"),
                Token::Text(" 2 "),
                Token::Text("<"),
                Token::Text("3")
            ]
        );
        assert_eq!(tokens("a</"), vec![Token::Text("a"), Token::Text("</")]);
    }

    #[test]
    fn raw_text_runs_to_its_own_end_tag() {
        assert_eq!(
            tokens("<script>if (a</b) x = '</script'; </SCRIPT >z"),
            vec![
                start("script", None),
                Token::RawText,
                Token::End { name: "SCRIPT" },
                Token::Text("z")
            ]
        );
        assert_eq!(
            tokens("<title><b>x</b></title>"),
            vec![
                start("title", None),
                Token::RawText,
                Token::End { name: "title" }
            ]
        );
        assert_eq!(
            tokens("<style>never closed</styl"),
            vec![start("style", None), Token::RawText]
        );
        assert_eq!(
            tokens("<plaintext></plaintext>x"),
            vec![start("plaintext", None), Token::RawText]
        );
    }

    #[test]
    fn character_references() {
        let d = |s| decode_entities(s, false).into_owned();
        let a = |s| decode_entities(s, true).into_owned();
        assert_eq!(
            d("&auml;&Ouml;&szlig;&euro;&nbsp;&amp;&lt;&gt;&quot;&apos;"),
            "äÖß€\u{a0}&<>\"'"
        );
        assert_eq!(d("&#228;&#xE4;&#Xe4&#65x"), "äääAx");
        assert_eq!(
            d("&#0;&#xD800;&#x110000;&#99999999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(d("&#128;&#150;&#x9F;"), "€–Ÿ");
        assert_eq!(
            d("&amp &auml &copy2024 &aumlaut &notin; &unknown; & &# &#x;"),
            "& ä ©2024 äaut &notin; &unknown; & &# &#x;"
        );
        assert_eq!(
            a("?a=1&copy=2&amp=3&ampx&amp;y&auml"),
            "?a=1&copy=2&amp=3&ampx&yä"
        );
        assert_eq!(d("java&Tab;script&colon;"), "java\tscript:");
        assert!(matches!(
            decode_entities("no references", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn urls() {
        for ok in [
            "https://www.bund.de/x?a=1&amp;b=2",
            "HTTP://example.org",
            "  mailto:buergeramt@example.org",
            "tel:+49 9081 840",
            "ht\ntps://example.org",
            "h t t p s://example.org",
        ] {
            let url = safe_url(ok).unwrap_or_else(|| panic!("{ok:?} kept"));
            assert!(
                ["https:", "http:", "mailto:", "tel:"]
                    .iter()
                    .any(|s| url.starts_with(s)),
                "{url}"
            );
            assert!(!url.chars().any(|c| c.is_ascii_control()));
            assert_eq!(
                safe_url(&url).as_deref(),
                Some(url.as_str()),
                "normalised form is stable"
            );
        }
        assert_eq!(
            safe_url("https://a.de/?x=1&amp;y=2").as_deref(),
            Some("https://a.de/?x=1&y=2")
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " jav&#x0A;ascript:alert(1)",
            "java&#x09;script:alert(1)",
            "java&#9script:alert(1)",
            "java\0script:alert(1)",
            "javascript&colon;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#x6A;avascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "file:///etc/passwd",
            "//evil.example/",
            "/relative",
            "relative/path",
            "#fragment",
            "",
            "https",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn content_model_closes_what_must_close() {
        let s = sanitize_html;
        assert_eq!(s("<p>a<p>b"), "<p>a</p><p>b</p>");
        assert_eq!(s("<b>a<p>b</p>c</b>"), "<b>a</b><p>b</p>c");
        assert_eq!(
            s("<p>a<ul><li>b<li>c</ul>d"),
            "<p>a</p><ul><li>b</li><li>c</li></ul>d"
        );
        assert_eq!(s("<li>a<li>b"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            s("<ul><li>a<ol><li>b</ol>c</li></ul>"),
            "<ul><li>a<ol><li>b</li></ol>c</li></ul>"
        );
        assert_eq!(s("<a href=https://a.de>x<a href=https://b.de>y</a>z</a>"),
            "<a href=\"https://a.de\" rel=\"noopener noreferrer\">x</a><a href=\"https://b.de\" rel=\"noopener noreferrer\">y</a>z");
        assert_eq!(
            s("<h1>a</h2><h4>b<h5>c</h6>"),
            "<h3>a</h3><h4>b</h4><h5>c</h5>"
        );
        assert_eq!(s("</p></b>a</br>"), "a<br>");
        assert_eq!(s("<div>a</div><div>b</div><span>c</span>d"), "a\nb\ncd");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<b>".repeat(1000) + "x" + &"</b>".repeat(1000);
        let out = sanitize_html(&deep);
        assert_eq!(
            out,
            "<b>".repeat(MAX_DEPTH) + "x" + &"</b>".repeat(MAX_DEPTH)
        );
        let lists = "<ul><li>".repeat(100) + "x";
        let out = sanitize_html(&lists);
        assert_eq!(depth(&out), MAX_DEPTH);
        assert!(
            out.ends_with(&format!("<li>x{}", "</li></ul>".repeat(MAX_DEPTH / 2))),
            "{out}"
        );
        assert_eq!(sanitize_html(&out), out);
    }

    /// The deepest nesting of elements in sanitised output.
    fn depth(out: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0);
        for tag in out.split('<').skip(1) {
            if tag.starts_with('/') {
                depth -= 1;
            } else if !tag.starts_with("br>") {
                depth += 1;
                max = max.max(depth);
            }
        }
        assert_eq!(depth, 0);
        max
    }
}
