//! XML escaping and a word wrapper that estimates text width without fonts.

use sotay_chars::fold_letter;

/// Escapes text for XML content and attribute values, and drops the
/// characters XML 1.0 forbids (titles and profiles come from users).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => {}
            c if sotay_chars::is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Estimated advance width of `c` in em for a sans-serif system font.
/// Measured against DejaVu Sans, the widest common fallback, so that
/// wrapped lines fit whatever font prints them.
fn char_width_em(c: char) -> f64 {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = fold_letter(lower).unwrap_or('m');
    let upper = c.is_uppercase();
    match base {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => {
            if upper && base != 'l' {
                0.36
            } else {
                0.3
            }
        }
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.42,
        'm' | 'w' => {
            if upper {
                1.0
            } else {
                0.98
            }
        }
        '0'..='9' => 0.64,
        _ if upper => 0.75,
        _ if c == '–' || c == '—' => 0.66,
        _ => 0.62,
    }
}

/// Estimated width of `text` in units of its font size.
pub fn text_width_em(text: &str, bold: bool) -> f64 {
    let width: f64 = text.chars().map(char_width_em).sum();
    if bold { width * 1.1 } else { width }
}

/// Wraps `text` at spaces into lines no wider than `max_width` (same unit as
/// `font_size`), breaking over-long words, at most `max_lines` lines; a cut
/// last line ends with "…".
pub fn wrap(
    text: &str,
    max_width: f64,
    font_size: f64,
    bold: bool,
    max_lines: usize,
) -> Vec<String> {
    let limit_em = if font_size > 0.0 {
        max_width / font_size
    } else {
        0.0
    };
    let fits = |line: &str| text_width_em(line, bold) <= limit_em;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word longer than a line (a long link, a run of digits) is cut.
        for c in word.chars() {
            current.push(c);
            if !fits(&current) && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::take(&mut current));
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if max_lines > 0 && lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && !fits(&format!("{last}…")) {
                last.pop();
            }
            let trimmed = last.trim_end().to_owned();
            *last = format!("{trimmed}…");
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml_escape("<script>\"a\" & 'b'</script>\u{0}\u{202E}\n"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt; "
        );
        assert_eq!(xml_escape("Phường Long Biên"), "Phường Long Biên");
        assert_eq!(
            xml_escape("\u{061C}0912\u{00AD}\u{180E}\u{FFF9}\u{E0041}345"),
            "0912345"
        );
    }

    #[test]
    fn wraps_within_width_and_line_limit() {
        let text = "Trung tâm phục vụ hành chính công phường Long Biên, thành phố Hà Nội";
        let lines = wrap(text, 60.0, 5.0, false, 0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(text_width_em(line, false) * 5.0 <= 60.0, "{line}");
        }
        let cut = wrap(text, 60.0, 5.0, false, 1);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'));
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let lines = wrap(&"x".repeat(200), 50.0, 5.0, true, 0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "x".repeat(200));
        assert!(wrap("", 50.0, 5.0, false, 2).is_empty());
    }
}
