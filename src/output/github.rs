//! `--format github`: GitHub Actions workflow commands, which annotate the
//! lines of a pull request: `::error file=PATH,line=L,col=C,endLine=..,
//! endColumn=..,title=RULE::MESSAGE` (`warning`, `notice` for the other
//! severities and for excepted findings), then the summary line.

use termcolor::WriteColor;

use super::human::summary_line;
use super::shared::{self, message, region};
use crate::check::CheckReport;
use crate::severity::Severity;

pub fn write(report: &CheckReport, out: &mut dyn WriteColor) -> std::io::Result<()> {
    for finding in shared::ordered(report) {
        let command = match (finding.excepted, finding.severity) {
            (true, _) | (false, Severity::Info) => "notice",
            (false, Severity::Warning) => "warning",
            (false, Severity::Error) => "error",
        };
        let region = region(finding);
        let properties = [
            ("file", finding.file.name().to_owned()),
            ("line", region.line.to_string()),
            ("col", region.column.to_string()),
            ("endLine", region.end_line.to_string()),
            ("endColumn", region.end_column.to_string()),
            ("title", finding.rule.id.clone()),
        ];
        writeln!(
            out,
            "::{command} {}::{}",
            join(&properties),
            escape_data(&message(finding))
        )?;
    }
    for problem in shared::problems(report) {
        let mut properties = Vec::new();
        if let Some(file) = &problem.file {
            properties.push(("file", file.clone()));
        }
        if let Some(position) = problem.position() {
            properties.push(("line", position.line.to_string()));
            properties.push(("col", position.column.to_string()));
        }
        properties.push(("title", "srmcheck".to_owned()));
        let mut text = problem.message.clone();
        if let Some(hint) = &problem.hint {
            text.push_str(&format!("\nhelp: {hint}"));
        }
        writeln!(out, "::error {}::{}", join(&properties), escape_data(&text))?;
    }
    writeln!(out, "{}.", summary_line(report))
}

fn join(properties: &[(&str, String)]) -> String {
    properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect::<Vec<_>>()
        .join(",")
}

/// The message of a workflow command: `%`, CR and LF are escaped.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value of a workflow command: as data, and `:` and `,` too.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(
            escape_property("dir,x/a:b%.yaml\n"),
            "dir%2Cx/a%3Ab%25.yaml%0A"
        );
    }
}
