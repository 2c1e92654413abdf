//! Our texts are written in a small plain-text markup and rendered to the PVOG HTML allow-list
//! (`p`, `ul`, `li`, `a`): blank lines separate paragraphs, lines starting with `- ` form a list.

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the markup. Lines of a paragraph are joined with a space.
pub fn render(src: &str) -> String {
    let mut out = String::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<&str> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, out: &mut String| {
        if !para.is_empty() {
            out.push_str("<p>");
            out.push_str(&escape(&para.join(" ")));
            out.push_str("</p>");
            para.clear();
        }
    };
    let flush_list = |list: &mut Vec<&str>, out: &mut String| {
        if !list.is_empty() {
            out.push_str("<ul>");
            for item in list.iter() {
                out.push_str("<li>");
                out.push_str(&escape(item));
                out.push_str("</li>");
            }
            out.push_str("</ul>");
            list.clear();
        }
    };
    for line in src.lines().map(str::trim) {
        if line.is_empty() {
            flush_para(&mut para, &mut out);
            flush_list(&mut list, &mut out);
        } else if let Some(item) = line.strip_prefix("- ") {
            flush_para(&mut para, &mut out);
            list.push(item.trim());
        } else {
            flush_list(&mut list, &mut out);
            para.push(line);
        }
    }
    flush_para(&mut para, &mut out);
    flush_list(&mut list, &mut out);
    out
}

/// Legal bases as written in the LeiKa extract, `Name [url], Name [url]`, as a linked list;
/// plain citations (no brackets) as one paragraph.
pub fn legal_bases(src: &str) -> String {
    let src = src.trim();
    if !src.contains('[') {
        return format!("<p>{}</p>", escape(src));
    }
    let mut out = String::from("<ul>");
    let mut rest = src;
    while let Some(open) = rest.find('[') {
        let name = rest[..open].trim().trim_start_matches(',').trim();
        let Some(close) = rest[open..].find(']') else { break };
        let url = rest[open + 1..open + close].trim().replacen(
            "http://www.gesetze-im-internet.de",
            "https://www.gesetze-im-internet.de",
            1,
        );
        if url.starts_with("https://") || url.starts_with("http://") {
            out.push_str(&format!("<li><a href=\"{}\">{}</a></li>", escape(&url), escape(name)));
        } else {
            out.push_str(&format!("<li>{}</li>", escape(name)));
        }
        rest = &rest[open + close + 1..];
    }
    let tail = rest.trim().trim_start_matches(',').trim();
    if !tail.is_empty() {
        out.push_str(&format!("<li>{}</li>", escape(tail)));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists() {
        assert_eq!(
            render("Eins\nzwei\n\n- a\n- b <c>\nDanach"),
            "<p>Eins zwei</p><ul><li>a</li><li>b &lt;c&gt;</li></ul><p>Danach</p>"
        );
        assert_eq!(render("Text:\n- a"), "<p>Text:</p><ul><li>a</li></ul>");
    }

    #[test]
    fn legal_bases_with_links() {
        assert_eq!(
            legal_bases("§ 1 HRV [http://www.gesetze-im-internet.de/hdlregvfg/], § 8 HGB [https://x.example/]"),
            "<ul><li><a href=\"https://www.gesetze-im-internet.de/hdlregvfg/\">§ 1 HRV</a></li><li><a href=\"https://x.example/\">§ 8 HGB</a></li></ul>"
        );
        assert_eq!(legal_bases("§ 19 BMG"), "<p>§ 19 BMG</p>");
    }
}
