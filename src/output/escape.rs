//! Control characters from sources and messages, made visible: raw ESC, BEL,
//! CR and the like would otherwise drive the terminal (or a CI log) that
//! shows srmcheck's output. Every format prints through [`Escaping`]; the
//! colours the output layer sets itself pass through `set_color`, untouched.

use std::borrow::Cow;
use std::io::Write;

use termcolor::{ColorSpec, WriteColor};

/// The visible form of one control character: `\x1b`, `\x07`, `\u{9b}`.
fn visible(c: char) -> String {
    match u32::from(c) {
        code @ 0..=0x7f => format!("\\x{code:02x}"),
        code => format!("\\u{{{code:x}}}"),
    }
}

/// Whether `c` is shown escaped: C0 controls but tab and line feed, DEL and
/// the C1 controls. A carriage return is kept only before a line feed.
fn hidden(c: char, next: Option<char>) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        c => c.is_control(),
    }
}

/// `text` with its control characters escaped (see [`Escaping`]).
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars().peekable();
    let mut plain = true;
    while let Some(c) = chars.next() {
        if hidden(c, chars.peek().copied()) {
            plain = false;
            break;
        }
    }
    if plain {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match hidden(c, chars.peek().copied()) {
            true => out.push_str(&visible(c)),
            false => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes the control characters of the text written to it
/// and passes colours through. Text arrives in pieces that may split a
/// character or a CR LF pair: the unfinished tail waits for the next piece
/// (or for a colour change, a flush or the end).
pub(crate) struct Escaping<'a> {
    inner: &'a mut dyn WriteColor,
    pending: Vec<u8>,
}

impl<'a> Escaping<'a> {
    pub(crate) fn new(inner: &'a mut dyn WriteColor) -> Self {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes what is pending, escaped, keeping an unfinished tail (an
    /// incomplete character, a final CR) unless `all`.
    fn drain(&mut self, all: bool) -> std::io::Result<()> {
        let (text, rest) = match std::str::from_utf8(&self.pending) {
            Ok(text) => (text, self.pending.len()),
            Err(e) if e.error_len().is_none() && !all => {
                let valid = e.valid_up_to();
                (
                    std::str::from_utf8(&self.pending[..valid]).unwrap_or_default(),
                    valid,
                )
            }
            // Not UTF-8 at all: lossily, so that nothing raw gets through.
            Err(_) => {
                let lossy = String::from_utf8_lossy(&self.pending).into_owned();
                let escaped = escape_controls(&lossy).into_owned();
                self.pending.clear();
                return self.inner.write_all(escaped.as_bytes());
            }
        };
        let keep_cr = !all && text.ends_with('\r');
        let text = match keep_cr {
            true => &text[..text.len() - 1],
            false => text,
        };
        let escaped = escape_controls(text).into_owned();
        let used = rest - usize::from(keep_cr);
        self.inner.write_all(escaped.as_bytes())?;
        self.pending.drain(..used);
        Ok(())
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

impl WriteColor for Escaping<'_> {
    fn supports_color(&self) -> bool {
        self.inner.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.set_color(spec)
    }

    fn reset(&mut self) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.reset()
    }

    fn is_synchronous(&self) -> bool {
        self.inner.is_synchronous()
    }
}

impl Drop for Escaping<'_> {
    fn drop(&mut self) {
        let _ = self.drain(true);
    }
}

#[cfg(test)]
mod tests {
    use termcolor::{Buffer, ColorSpec, WriteColor};

    use super::{escape_controls, Escaping};
    use std::io::Write;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(escape_controls("a\x1b[2Jb\x07"), "a\\x1b[2Jb\\x07");
        assert_eq!(escape_controls("tab\tline\r\nnext"), "tab\tline\r\nnext");
        assert_eq!(escape_controls("over\rwrite"), "over\\x0dwrite");
        assert_eq!(escape_controls("c1\u{9b}31m"), "c1\\u{9b}31m");
        assert_eq!(escape_controls("del\x7f é"), "del\\x7f é");
        assert!(matches!(
            escape_controls("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn pieces_are_escaped_as_a_whole_and_colours_pass() {
        let mut buffer = Buffer::ansi();
        {
            let mut out = Escaping::new(&mut buffer);
            out.write_all(b"x\r").unwrap();
            out.write_all(b"\ny\xc2").unwrap();
            out.write_all(b"\x9b\x1b").unwrap();
            out.set_color(ColorSpec::new().set_bold(true)).unwrap();
            out.write_all("é".as_bytes()).unwrap();
            out.reset().unwrap();
            out.flush().unwrap();
        }
        let text = String::from_utf8(buffer.into_inner()).unwrap();
        assert_eq!(text, "x\r\ny\\u{9b}\\x1b\x1b[0m\x1b[1mé\x1b[0m");
    }
}
