//! Escaping of values in Markdown templates, for GitHub's renderer.

use std::io::Write;

/// Writes `input` so that Markdown shows it as text: emphasis, code, link
/// and table characters are backslash-escaped, `<`, `>` and `&` become
/// entities (no raw HTML), and line breaks become spaces (a value never
/// ends a table row or a list item).
pub fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut start = 0;
    for (i, c) in input.char_indices() {
        let replacement: &[u8] = match c {
            '\\' => b"\\\\",
            '`' => b"\\`",
            '*' => b"\\*",
            '_' => b"\\_",
            '[' => b"\\[",
            ']' => b"\\]",
            '|' => b"\\|",
            '~' => b"\\~",
            '#' => b"\\#",
            '<' => b"&lt;",
            '>' => b"&gt;",
            '&' => b"&amp;",
            '\n' | '\r' => b" ",
            _ => continue,
        };
        out.write_all(&input.as_bytes()[start..i])?;
        out.write_all(replacement)?;
        start = i + c.len_utf8();
    }
    out.write_all(&input.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        super::escape(text, &mut out).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn table_and_markup_characters_are_escaped() {
        assert_eq!(escaped("a | b"), "a \\| b");
        assert_eq!(
            escaped("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(
            escaped("*bold* _it_ `code` [l](u)"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)"
        );
        assert_eq!(escaped("two\nlines"), "two lines");
        assert_eq!(escaped("Décision & Co"), "Décision &amp; Co");
    }
}
