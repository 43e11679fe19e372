//! Values written into the pages' CSS: the running header of a printed page.

/// `text` as a CSS string literal, quotes included: backslashes, quotes and
/// control characters escaped, and `<` too, so that no value can end the
/// `<style>` element it is written in.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::string;

    #[test]
    fn values_cannot_leave_the_string_or_the_style_element() {
        assert_eq!(string("Acme · 2026-11-22"), "\"Acme · 2026-11-22\"");
        assert_eq!(string("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
        assert_eq!(
            string("</style><script>"),
            "\"\\3c /style\\3e \\3c script\\3e \""
        );
        assert_eq!(string("two\nlines"), "\"two\\a lines\"");
    }
}
