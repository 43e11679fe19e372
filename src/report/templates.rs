//! The templates: built into the binary, each replaceable by a file of the
//! same name in a `--templates` folder, which may also add partials.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use serde::Serialize;
use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

use super::budget::{Capped, Overrun, RENDER_BUDGET};
use super::css;
use super::error::ReportError;
use super::format::ReportFormat;
use super::markdown;
use crate::located::Located;
use crate::source::{display_name, SourceFile, Span};

/// The built-in templates, by name.
pub const BUILTIN: [(&str, &str); 8] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("client.html", include_str!("../../templates/client.html")),
    ("client.md", include_str!("../../templates/client.md")),
    ("index.html", include_str!("../../templates/index.html")),
    ("index.md", include_str!("../../templates/index.md")),
    (
        "provenance.html",
        include_str!("../../templates/provenance.html"),
    ),
    (
        "provenance.md",
        include_str!("../../templates/provenance.md"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

/// Largest template file read.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Parsed templates, with their sources for error messages.
pub struct Templates {
    /// Shared with the thread each page renders on.
    tera: Arc<Tera>,
    sources: BTreeMap<String, Arc<SourceFile>>,
    /// The files read from the `--templates` folder.
    files: Vec<PathBuf>,
}

impl Templates {
    /// The built-in templates, with the files of `dir` over them. Values are
    /// escaped for HTML in `.html` templates and for Markdown in `.md` ones
    /// when writing Markdown.
    pub fn load(dir: Option<&Path>, format: ReportFormat) -> Result<Self, ReportError> {
        let mut sources: BTreeMap<String, Arc<SourceFile>> = BUILTIN
            .iter()
            .map(|&(name, text)| {
                let source = SourceFile::embedded(&format!("templates/{name}"), text);
                (name.to_owned(), Arc::new(source))
            })
            .collect();
        let mut files = Vec::new();
        if let Some(dir) = dir {
            for (name, source) in read_dir(dir)? {
                files.push(source.path().to_path_buf());
                sources.insert(name, source);
            }
        }
        let mut tera = Tera::new();
        register_filters(&mut tera, format);
        if format == ReportFormat::Md {
            tera.autoescape_on([".md"]);
            tera.set_escape_fn(markdown::escape);
        }
        let templates = sources.iter().map(|(name, s)| (name.as_str(), s.text()));
        tera.add_raw_templates(templates)
            .map_err(|e| error(&sources, &e, None))?;
        Ok(Templates {
            tera: Arc::new(tera),
            sources,
            files,
        })
    }

    /// The files read from the `--templates` folder.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Renders template `name` with the fields of `page` as its variables,
    /// within the time budget and the size cap of a page. The page renders
    /// on a thread of its own, so that a template that never writes (a
    /// component calling itself) is given up on at the deadline all the same;
    /// that thread stops at its next write, or with the process.
    pub fn render(&self, name: &str, page: &impl Serialize) -> Result<Vec<u8>, ReportError> {
        let failed = |e: tera::Error| error(&self.sources, &e, Some(name));
        let context = Context::from_serialize(page).map_err(failed)?;
        let deadline = Instant::now() + RENDER_BUDGET;
        let (sender, receiver) = mpsc::channel();
        let tera = Arc::clone(&self.tera);
        let template = name.to_owned();
        let spawned = std::thread::Builder::new()
            .name(format!("render {name}"))
            .spawn(move || {
                let mut out = Capped::new(deadline);
                let result = tera.render_to(&template, &context, &mut out);
                let _ = sender.send((result, out));
            });
        if let Err(e) = spawned {
            return Err(self.overrun(name, None, &e.to_string()));
        }
        match receiver.recv_timeout(RENDER_BUDGET + std::time::Duration::from_millis(250)) {
            Ok((Ok(()), out)) => Ok(out.bytes),
            Ok((Err(e), out)) => match out.overrun {
                Some(overrun) => Err(self.overrun(name, Some(&e), &overrun.message())),
                None => Err(failed(e)),
            },
            Err(_) => Err(self.overrun(name, None, &Overrun::Time.message())),
        }
    }

    /// A page over its budget: at the place Tera was writing when it was
    /// stopped, when it says, else in the template's file.
    fn overrun(&self, name: &str, error: Option<&tera::Error>, message: &str) -> ReportError {
        let place = error.map(|e| self::error(&self.sources, e, Some(name)));
        match place {
            Some(ReportError::Template(located)) => {
                let mut located = *located;
                located.message = message.to_owned();
                ReportError::Template(Box::new(located.with_hint(BUDGET_HINT)))
            }
            _ => ReportError::TemplateBudget {
                template: template_name(&self.sources, Some(name)),
                message: message.to_owned(),
            },
        }
    }
}

/// The report's own filters: `markdown`, rule metadata's inline Markdown
/// rendered for the page's format, and `css_string`, a value as a CSS string
/// literal (for the running header of printed pages).
fn register_filters(tera: &mut Tera, format: ReportFormat) {
    let render = match format {
        ReportFormat::Md => markdown::inline_markdown,
        _ => markdown::inline_html,
    };
    tera.register_filter("markdown", move |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&render(text))
    });
    tera.register_filter("css_string", |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&css::string(text))
    });
}

const BUDGET_HINT: &str = "bound the template's loops and component calls by the page's data";

/// A Tera error as a report error at its place in the template's source;
/// `rendering` is the template being rendered, if any.
fn error(
    sources: &BTreeMap<String, Arc<SourceFile>>,
    error: &tera::Error,
    rendering: Option<&str>,
) -> ReportError {
    let (report, hint) = match error.kind() {
        ErrorKind::SyntaxError(report) => (report, SYNTAX_HINT),
        ErrorKind::RenderingError(report) => (report, RENDER_HINT),
        ErrorKind::Msg(text) => {
            if let Some(located) = reported(sources, text) {
                return ReportError::Template(Box::new(located.with_hint(REFERENCE_HINT)));
            }
            return ReportError::TemplateFile {
                template: template_name(sources, rendering),
                message: text.clone(),
            };
        }
        other => {
            return ReportError::TemplateFile {
                template: template_name(sources, rendering),
                message: other.to_string(),
            };
        }
    };
    let Some(source) = sources.get(report.filename()) else {
        return ReportError::TemplateFile {
            template: report.filename().to_owned(),
            message: report.message().to_owned(),
        };
    };
    let len = source.text().len();
    let start = report.span().range.start.min(len);
    let end = report.span().range.end.clamp(start, len);
    let located = Located::new(source, Span::new(start, end), report.message()).with_hint(hint);
    ReportError::Template(Box::new(located))
}

/// The file a template name stands for, or `templates` when none is named.
fn template_name(sources: &BTreeMap<String, Arc<SourceFile>>, name: Option<&str>) -> String {
    match name {
        Some(name) => sources
            .get(name)
            .map_or_else(|| name.to_owned(), |s| s.name().to_owned()),
        None => "templates".to_owned(),
    }
}

/// The first problem of a message in which Tera reports problems found while
/// checking templates' references (an unknown filter, function or included
/// template) as text: `error: MESSAGE`, ` --> NAME:LINE:COLUMN`, the source
/// line and a `^^^` underline.
fn reported(sources: &BTreeMap<String, Arc<SourceFile>>, text: &str) -> Option<Located> {
    let mut lines = text.lines();
    let message = lines.next()?.strip_prefix("error: ")?;
    let place = lines.next()?.trim_start().strip_prefix("--> ")?;
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let source = sources.get(parts.next()?)?;
    let width = lines
        .take(3)
        .find(|l| l.contains('^'))
        .map_or(1, |l| l.matches('^').count());
    let start = source.offset(line, column.saturating_sub(1));
    let end = (start + width).min(source.text().len());
    Some(Located::new(source, Span::new(start, end), message))
}

const SYNTAX_HINT: &str =
    "Tera syntax: `{{ value }}`, `{% if ... %}...{% endif %}`, `{% for x in list %}...{% endfor %}`";
const REFERENCE_HINT: &str = "a template may include the built-in templates (client.html, client.md, index.html, index.md, provenance.html, provenance.md, style.css) and the files of the --templates folder, and use Tera's built-in filters, tests and functions and the report's `markdown` and `css_string` filters";
const RENDER_HINT: &str = "the variables of each page are listed under `Report templates` in the README; `srmcheck report --format json` writes them for these inputs";

/// The template files of `dir` (not its subfolders), by file name.
fn read_dir(dir: &Path) -> Result<Vec<(String, Arc<SourceFile>)>, ReportError> {
    let failed = |path: &Path, reason: String| ReportError::TemplateRead {
        path: display_name(path),
        reason,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| failed(dir, e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| failed(dir, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !path.is_file() {
            continue;
        }
        let size = entry
            .metadata()
            .map_err(|e| failed(&path, e.to_string()))?
            .len();
        if size > MAX_TEMPLATE_BYTES {
            return Err(failed(
                &path,
                format!("{size} bytes, over the limit of {MAX_TEMPLATE_BYTES}"),
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| failed(&path, e.to_string()))?;
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        files.push((name, Arc::new(SourceFile::new(path, text))));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
