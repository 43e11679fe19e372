//! Markdown in the report: escaping of values in Markdown templates, for
//! GitHub's renderer, and the inline Markdown of rule metadata (code spans)
//! as HTML.

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

/// A piece of inline Markdown: text, or a code span's content.
#[derive(Clone, Copy)]
enum Piece<'a> {
    Text(char),
    Code(&'a str),
}

/// The pieces of `text`: code spans (`` `x` ``, ``` `` a ` b `` ```) and
/// the characters between them, a backslash before punctuation dropped (it
/// keeps the punctuation literal); nothing else is Markdown here.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let next = &rest[c.len_utf8()..];
        let escaped = next.chars().next().filter(|e| e.is_ascii_punctuation());
        if let (true, Some(e)) = (c == '\\', escaped) {
            found.push(Piece::Text(e));
            rest = &next[e.len_utf8()..];
            continue;
        }
        if c != '`' {
            found.push(Piece::Text(c));
            rest = next;
            continue;
        }
        let ticks = rest.bytes().take_while(|&b| b == b'`').count();
        match closing(&rest[ticks..], ticks) {
            Some(end) => {
                found.push(Piece::Code(&rest[ticks..ticks + end]));
                rest = &rest[2 * ticks + end..];
            }
            None => {
                found.extend(std::iter::repeat_n(Piece::Text('`'), ticks));
                rest = &rest[ticks..];
            }
        }
    }
    found
}

/// `text`, inline Markdown as rule metadata writes it, as HTML: code spans
/// become `<code>`, everything else is escaped text (no raw HTML, links or
/// emphasis); line breaks become spaces.
pub fn inline_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in pieces(text) {
        match piece {
            Piece::Text(c) => push_escaped(&mut out, c),
            Piece::Code(code) => {
                out.push_str("<code>");
                code_content(code)
                    .chars()
                    .for_each(|c| push_escaped(&mut out, c));
                out.push_str("</code>");
            }
        }
    }
    out
}

/// `text`, inline Markdown as rule metadata writes it, for a Markdown page:
/// code spans stay code spans, everything else is escaped as [`escape`]
/// escapes values.
pub fn inline_markdown(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 16);
    let mut buffer = [0u8; 4];
    for piece in pieces(text) {
        match piece {
            Piece::Text(c) => {
                let _ = escape(c.encode_utf8(&mut buffer), &mut out);
            }
            Piece::Code(code) => {
                let code = code_content(code).replace('|', "\\|");
                let longest = longest_run(&code);
                let fence = "`".repeat(longest + 1);
                let pad = match code.starts_with('`') || code.ends_with('`') {
                    true => " ",
                    false => "",
                };
                out.extend_from_slice(format!("{fence}{pad}{code}{pad}{fence}").as_bytes());
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The longest run of backticks in `text`.
fn longest_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Where the run of exactly `ticks` backticks that closes a code span
/// starts in `after`.
fn closing(after: &str, ticks: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = after[from..].find('`') {
        let start = from + at;
        let run = after[start..].bytes().take_while(|&b| b == b'`').count();
        if run == ticks {
            return Some(start);
        }
        from = start + run;
    }
    None
}

/// A code span's text as CommonMark reads it: line breaks as spaces, one
/// space stripped from each end when both have one.
fn code_content(content: &str) -> String {
    let content = content.replace(['\n', '\r'], " ");
    let padded = content.starts_with(' ') && content.ends_with(' ');
    match padded && !content.trim().is_empty() {
        true => content[1..content.len() - 1].to_owned(),
        false => content,
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\n' | '\r' => out.push(' '),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::{inline_html, inline_markdown};

    #[test]
    fn code_spans_become_code_and_the_rest_is_escaped() {
        assert_eq!(
            inline_html("Make the client accountable (`raci: {client: A}`)."),
            "Make the client accountable (<code>raci: {client: A}</code>)."
        );
        assert_eq!(inline_html("`` a ` b ``"), "<code>a ` b</code>");
        assert_eq!(
            inline_html("`<b>` & <i>"),
            "<code>&lt;b&gt;</code> &amp; &lt;i&gt;"
        );
        assert_eq!(inline_html("an `unclosed span"), "an `unclosed span");
        assert_eq!(inline_html("\\`not code\\`"), "`not code`");
        assert_eq!(
            inline_html("two\nlines `x\ny`"),
            "two lines <code>x y</code>"
        );
        assert_eq!(inline_html("*not* [a](link)"), "*not* [a](link)");
    }

    #[test]
    fn code_spans_stay_code_in_markdown_and_the_rest_is_escaped() {
        assert_eq!(
            inline_markdown("Set `hours: 24x7` | *now*"),
            "Set `hours: 24x7` \\| \\*now\\*"
        );
        assert_eq!(inline_markdown("`` a ` b ``"), "``a ` b``");
        assert_eq!(inline_markdown("`a|b` <x>"), "`a\\|b` &lt;x&gt;");
        assert_eq!(inline_markdown("`` `x` ``"), "`` `x` ``");
    }

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
