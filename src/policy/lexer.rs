//! Just enough of Rego's lexical structure to read a policy's rules and the
//! references between them without regorus: names (dotted paths), the
//! punctuation after them, and where each starts, with comments and strings
//! skipped.

/// One name (`data.srmcheck.lib.parties.owners`, `count`, `x`) or one
/// punctuation character of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub text: &'a str,
    /// Byte offset of the token in the file.
    pub at: usize,
    /// Nesting in `()`, `[]` and `{}` at the token (outside of it, for a bracket).
    pub depth: usize,
    /// The token is the first of its line, at column 0.
    pub line_start: bool,
    /// The token is the first of its line, at any column.
    pub first_on_line: bool,
    /// The token is a name (else punctuation).
    pub name: bool,
}

/// The tokens of `text`: comments, strings and numbers left out; `:=` is one
/// token.
pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut depth, mut fresh) = (0, 0usize, true);
    while i < bytes.len() {
        let b = bytes[i];
        let line_start = i == 0 || bytes[i - 1] == b'\n';
        let first_on_line = std::mem::take(&mut fresh);
        match b {
            b'#' => {
                i = skip_to(bytes, i, b'\n');
                fresh = first_on_line;
            }
            b'"' => i = skip_string(bytes, i),
            b'`' => i = skip_to(bytes, i + 1, b'`') + 1,
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let end = path_end(bytes, i);
                tokens.push(Token {
                    text: &text[i..end],
                    at: i,
                    depth,
                    line_start,
                    first_on_line,
                    name: true,
                });
                i = end;
            }
            b if b.is_ascii_digit() => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                    i += 1;
                }
            }
            b'\n' => {
                fresh = true;
                i += 1;
            }
            b if b.is_ascii_whitespace() || !b.is_ascii() => {
                fresh = first_on_line;
                i += 1;
            }
            _ => {
                let token = punctuation(text, i, &mut depth, (line_start, first_on_line));
                i += token.text.len();
                tokens.push(token);
            }
        }
    }
    tokens
}

/// The punctuation token at `at`, with the nesting it changes.
fn punctuation<'a>(
    text: &'a str,
    at: usize,
    depth: &mut usize,
    (line_start, first_on_line): (bool, bool),
) -> Token<'a> {
    let bytes = &text.as_bytes()[at..];
    let len = match bytes {
        [b':', b'=', ..] => 2,
        _ => 1,
    };
    if matches!(bytes[0], b')' | b']' | b'}') {
        *depth = depth.saturating_sub(1);
    }
    let token = Token {
        text: &text[at..at + len],
        at,
        depth: *depth,
        line_start,
        first_on_line,
        name: false,
    };
    if matches!(bytes[0], b'(' | b'[' | b'{') {
        *depth += 1;
    }
    token
}

/// The offset of the next `stop` from `from`, or the end.
fn skip_to(bytes: &[u8], from: usize, stop: u8) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| b == stop)
        .map_or(bytes.len(), |p| from + p)
}

/// Past the string starting at `from` (a `"`), escapes included.
fn skip_string(bytes: &[u8], from: usize) -> usize {
    let mut i = from + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' | b'\n' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of the dotted name starting at `from`.
fn path_end(bytes: &[u8], from: usize) -> usize {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = from;
    loop {
        while i < bytes.len() && word(bytes[i]) {
            i += 1;
        }
        let next_is_word = bytes
            .get(i + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_');
        match bytes.get(i) {
            Some(b'.') if next_is_word => i += 1,
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tokens;

    fn names(text: &str) -> Vec<&str> {
        tokens(text)
            .into_iter()
            .filter(|t| t.name)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn names_skip_comments_strings_and_numbers() {
        assert_eq!(
            names("f(x) := data.a.b[x] # g(x)\ny := \"h(\\\"z\\\")\" + `raw g` + 1.5e3"),
            ["f", "x", "data.a.b", "x", "y"]
        );
    }

    #[test]
    fn depth_and_line_starts_are_kept() {
        let all = tokens("a := {\n  b: c(d)\n}\ne");
        let find = |text: &str| all.iter().find(|t| t.text == text).unwrap().clone();
        assert_eq!((find("a").depth, find("a").line_start), (0, true));
        assert_eq!((find("d").depth, find("b").line_start), (2, false));
        assert_eq!((find("}").depth, find("e").line_start), (0, true));
        assert_eq!(find(":=").text, ":=");
        assert!(find("b").first_on_line && !find("c").first_on_line);
    }
}
