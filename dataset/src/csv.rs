//! A small RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes,
//! an optional UTF-8 BOM. Enough for the Destatis, OSM and LeiKa extracts, with no dependency.

/// A parsed CSV file with a header row.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn parse(text: &str) -> Result<Table, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut records = parse_records(text)?;
        if records.is_empty() {
            return Err("empty CSV".into());
        }
        let header = records.remove(0);
        for (i, row) in records.iter().enumerate() {
            if row.len() != header.len() {
                return Err(format!(
                    "row {} has {} fields, header has {}",
                    i + 2,
                    row.len(),
                    header.len()
                ));
            }
        }
        Ok(Table { header, rows: records })
    }

    /// Index of a column, or an error naming it.
    pub fn col(&self, name: &str) -> Result<usize, String> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("missing column {name:?}"))
    }
}

fn parse_records(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if in_quotes {
        return Err("unterminated quoted field".into());
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_newlines_and_bom() {
        let t = Table::parse("\u{feff}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,,\"multi\nline\"\n").unwrap();
        assert_eq!(t.header, vec!["a", "b", "c"]);
        assert_eq!(t.rows[0], vec!["1", "x, y", "say \"hi\""]);
        assert_eq!(t.rows[1], vec!["2", "", "multi\nline"]);
        assert!(Table::parse("a,b\n1\n").is_err());
        assert!(Table::parse("a\n\"open\n").is_err());
    }
}
