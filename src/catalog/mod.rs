//! Framework catalogs: the built-in ones, parsed on first use and shared.

mod capabilities;
#[cfg(test)]
mod corrections;
mod crosswalk;
mod error;
mod framework_index;
mod knowledge;
#[cfg(test)]
mod tests_crosswalks;
#[cfg(test)]
mod tests_specifications;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

pub use capabilities::{
    is_capability, unknown_capability, unknown_in, Capability, CAPABILITIES, VOCABULARY,
};
pub use crosswalk::{Crosswalk, CrosswalkView, ViewPair};
pub use error::CatalogError;
pub use framework_index::FrameworkIndex;

use crate::discover::{discover, Patterns};
use crate::embedded::{FRAMEWORKS, KNOWLEDGE, MAPPINGS};
use crate::load::{LoadError, LoadedFile, Loader};
use crate::located::Located;
use crate::model::Kind;
use crate::problem::Code;
use crate::source::SourceFile;
use crate::yaml::Limits;

/// The catalogs a run can resolve against, by framework id: the built-in
/// ones and a user's own (`--frameworks DIR`).
pub struct Catalog {
    limits: Limits,
    entries: BTreeMap<String, Entry>,
    /// Files of the user's own `Mapping` documents.
    user_mappings: Vec<Arc<LoadedFile>>,
    crosswalks: OnceLock<Result<Vec<Arc<Crosswalk>>, LoadError>>,
    /// Crosswalk views already worked out.
    views: Mutex<Views>,
}

/// Crosswalk views by `(from, to)`; `None` when no chain joins the two.
type Views = HashMap<(String, String), Option<Arc<CrosswalkView>>>;

struct Entry {
    origin: Origin,
    index: OnceLock<Result<Arc<FrameworkIndex>, LoadError>>,
}

enum Origin {
    /// Built into the binary, with srmcheck's knowledge file when there is one.
    Builtin {
        path: &'static str,
        text: &'static str,
        knowledge: Option<(&'static str, &'static str)>,
    },
    /// A user's file, already read.
    File(Arc<LoadedFile>),
}

impl Catalog {
    /// The catalogs built into the binary; each file is named after its framework id.
    pub fn builtin(limits: Limits) -> Self {
        let entries = FRAMEWORKS
            .iter()
            .map(|&(path, text)| {
                let id = file_stem(path);
                let knowledge = KNOWLEDGE.iter().find(|(k, _)| file_stem(k) == id).copied();
                let origin = Origin::Builtin {
                    path,
                    text,
                    knowledge,
                };
                (id.to_owned(), Entry::new(origin))
            })
            .collect();
        Catalog {
            limits,
            entries,
            user_mappings: Vec::new(),
            crosswalks: OnceLock::new(),
            views: Mutex::default(),
        }
    }

    /// The built-in catalogs plus the `Framework` and `Mapping` documents of
    /// the YAML files under `dirs` (one document per file).
    pub fn with_user_dirs(
        limits: Limits,
        dirs: &[PathBuf],
        loader: &Loader,
    ) -> Result<Self, CatalogError> {
        let mut catalog = Catalog::builtin(limits);
        for path in discover(dirs, &Patterns::default())?.files {
            let file = loader.load(&path)?;
            if file.of_kind(Kind::Mapping).next().is_some() {
                catalog.user_mappings.push(Arc::clone(&file));
            }
            let Some(document) = file.of_kind(Kind::Framework).next() else {
                continue;
            };
            let name = document.node.pointer("/metadata/name");
            let id = name.node.as_str().unwrap_or_default().to_owned();
            if catalog.entries.contains_key(&id) {
                let located = Located::new(&file.source, name.span, format!("framework `{id}` is already defined"))
                    .with_code(Code::Duplicate)
                    .with_hint("give your catalog its own id; built-in ids are listed by `srmcheck frameworks list`");
                return Err(LoadError::from(located).into());
            }
            catalog
                .entries
                .insert(id, Entry::new(Origin::File(Arc::clone(&file))));
        }
        Ok(catalog)
    }

    /// Framework ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The framework with this id, parsed on first use; `None` when unknown.
    pub fn get(&self, id: &str) -> Option<Result<Arc<FrameworkIndex>, LoadError>> {
        let entry = self.entries.get(id)?;
        let index = entry.index.get_or_init(|| {
            let (file, knowledge) = match &entry.origin {
                Origin::Builtin {
                    path,
                    text,
                    knowledge,
                } => {
                    let source = Arc::new(SourceFile::embedded(path, text));
                    let file = Arc::new(LoadedFile::parse(source, &self.limits)?);
                    let knowledge =
                        knowledge.map(|(path, text)| Arc::new(SourceFile::embedded(path, text)));
                    (file, knowledge)
                }
                Origin::File(file) => (Arc::clone(file), None),
            };
            FrameworkIndex::new(&file, id, knowledge.as_ref(), &self.limits).map(Arc::new)
        });
        Some(index.clone())
    }
}

impl Entry {
    fn new(origin: Origin) -> Self {
        Entry {
            origin,
            index: OnceLock::new(),
        }
    }
}

impl Catalog {
    /// The shipped crosswalks and the user's own, read on first use. The
    /// user's pairs are checked against the catalogs here; the shipped ones
    /// are checked by the test suite, which keeps a run from parsing catalogs
    /// it does not select.
    pub fn crosswalks(&self) -> Result<&[Arc<Crosswalk>], LoadError> {
        let crosswalks = self.crosswalks.get_or_init(|| {
            let shipped = MAPPINGS.iter().map(|&(path, text)| {
                let source = Arc::new(SourceFile::embedded(path, text));
                let file = Arc::new(LoadedFile::parse(source, &self.limits)?);
                Crosswalk::read(file, None).map(Arc::new)
            });
            let user = self
                .user_mappings
                .iter()
                .map(|file| Crosswalk::read(Arc::clone(file), Some(self)).map(Arc::new));
            shipped.chain(user).collect()
        });
        crosswalks.as_deref().map_err(Clone::clone)
    }

    /// Checks every crosswalk's pairs against the catalogs (a test does, not every run).
    #[cfg(test)]
    pub fn check_crosswalks(&self) -> Result<(), LoadError> {
        for crosswalk in self.crosswalks()? {
            Crosswalk::read(Arc::clone(&crosswalk.file), Some(self))?;
        }
        Ok(())
    }

    /// The crosswalk from one framework to another: shipped, reversed, or
    /// derived through common frameworks; `None` when no chain joins them.
    pub fn crosswalk(&self, from: &str, to: &str) -> Result<Option<Arc<CrosswalkView>>, LoadError> {
        let key = (from.to_owned(), to.to_owned());
        if let Some(view) = self
            .views
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(view.clone());
        }
        let view = crosswalk::between(self.crosswalks()?, from, to).map(Arc::new);
        let mut views = self.views.lock().unwrap_or_else(|e| e.into_inner());
        Ok(views.entry(key).or_insert(view).clone())
    }
}

/// `iso27001-2022` of `frameworks/iso27001-2022.yaml`.
fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".yaml").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrameworkSelection;

    /// Control counts of the official sources (see `frameworks/README.md`).
    const COUNTS: &[(&str, usize, &str, &str)] = &[
        ("cmmc-2.0", 125, "AC.L1-b.1.i", "SI.L2-3.14.7"),
        ("hipaa-security", 68, "164.308(a)(1)", "164.316(b)(2)(iii)"),
        ("iso27001-2022", 123, "4.1", "A.8.34"),
        ("nist-800-171r2", 110, "3.1.1", "3.14.7"),
        ("nist-800-171r3", 97, "03.01.01", "03.17.03"),
        ("nist-800-53r5", 1007, "AC-1", "SR-12"),
        ("nist-csf-2.0", 106, "GV.OC-01", "RC.CO-04"),
    ];

    #[test]
    fn every_builtin_catalog_loads_with_exact_counts() {
        let catalog = Catalog::builtin(Limits::default());
        let ids: Vec<&str> = catalog.ids().collect();
        assert_eq!(ids, COUNTS.iter().map(|c| c.0).collect::<Vec<_>>());
        for &(id, count, first, last) in COUNTS {
            let framework = catalog.get(id).expect("known").expect("loads");
            let controls = framework.controls();
            assert_eq!(controls.len(), count, "{id}");
            assert_eq!(controls[0].id, first, "{id}");
            assert_eq!(controls[count - 1].id, last, "{id}");
        }
    }

    #[test]
    fn crosswalk_pairs_per_mapping() {
        let catalog = Catalog::builtin(Limits::default());
        let counts: Vec<(&str, usize)> = catalog
            .crosswalks()
            .expect("crosswalks load")
            .iter()
            .map(|c| (c.name(), c.mapping.spec.pairs.len()))
            .collect();
        assert_eq!(
            counts,
            [
                ("cmmc-2.0_to_nist-800-171r2", 127),
                ("nist-800-171r2_to_nist-800-53r5", 188),
                ("nist-800-171r3_to_nist-800-53r5", 157),
                ("nist-800-53r5_to_iso27001-2022", 642),
                ("nist-csf-2.0_to_iso27001-2022", 341),
            ]
        );
    }

    #[test]
    fn shipped_crosswalks_name_real_controls() {
        Catalog::builtin(Limits::default())
            .check_crosswalks()
            .expect("every pair names real controls");
    }

    #[test]
    fn crosswalks_reverse_and_derive() {
        let catalog = Catalog::builtin(Limits::default());
        let reverse = catalog
            .crosswalk("iso27001-2022", "nist-800-53r5")
            .expect("loads")
            .expect("joined");
        assert!(!reverse.derived);
        assert_eq!(reverse.pairs.len(), 642);
        assert!(reverse
            .pairs
            .iter()
            .any(|p| p.from == "A.5.1" && p.to == "AC-1"));
        let derived = catalog
            .crosswalk("cmmc-2.0", "iso27001-2022")
            .expect("loads")
            .expect("joined");
        assert!(derived.derived);
        assert_eq!(
            derived.through,
            [
                "cmmc-2.0_to_nist-800-171r2",
                "nist-800-171r2_to_nist-800-53r5",
                "nist-800-53r5_to_iso27001-2022"
            ]
        );
        assert!(derived.pairs.iter().any(|p| p.from == "AC.L2-3.1.1"));
        assert!(catalog
            .crosswalk("hipaa-security", "iso27001-2022")
            .expect("loads")
            .is_none());
    }

    #[test]
    fn every_control_of_every_builtin_catalog_is_tagged() {
        let catalog = Catalog::builtin(Limits::default());
        for id in catalog.ids().collect::<Vec<_>>() {
            let framework = catalog.get(id).expect("known").expect("loads");
            for control in framework.controls() {
                assert!(control.is_tagged(), "{id} {} has no knowledge", control.id);
                assert!(control.capabilities.len() <= 3, "{id} {}", control.id);
                for capability in &control.capabilities {
                    assert!(
                        CAPABILITIES.contains(&capability.as_str()),
                        "{id} {}: {capability}",
                        control.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_requirement_carries_the_same_knowledge_in_cmmc_and_800_171r2() {
        let catalog = Catalog::builtin(Limits::default());
        let cmmc = catalog.get("cmmc-2.0").expect("known").expect("loads");
        let r2 = catalog
            .get("nist-800-171r2")
            .expect("known")
            .expect("loads");
        for requirement in r2.controls() {
            let practice = cmmc
                .controls()
                .iter()
                .find(|c| c.id.ends_with(&format!("L2-{}", requirement.id)))
                .expect("every requirement is a Level 2 practice");
            assert_eq!(
                (
                    practice.layer,
                    &practice.capabilities,
                    practice.round_the_clock,
                    practice.min_maturity
                ),
                (
                    requirement.layer,
                    &requirement.capabilities,
                    requirement.round_the_clock,
                    requirement.min_maturity
                ),
                "{} and {}",
                practice.id,
                requirement.id
            );
        }
    }

    /// The leaf requirements of clauses 4-10, selectable apart from Annex A.
    const ISO_CLAUSES: [&str; 30] = [
        "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
        "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "9.1", "9.2.1",
        "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
    ];

    fn iso_selection(part: Option<&str>) -> FrameworkSelection {
        let value = serde_json::json!({"id": "iso27001-2022", "part": part});
        serde_json::from_value(value).expect("a selection")
    }

    #[test]
    fn iso_clauses_and_annex_a_are_parts_selected_together_by_default() {
        let catalog = Catalog::builtin(Limits::default());
        let iso = catalog.get("iso27001-2022").expect("known").expect("loads");
        assert_eq!(iso.parts(), ["clauses", "annex-a"]);
        let ids = |part| {
            let positions = iso.select(&iso_selection(part)).expect("selects");
            positions
                .into_iter()
                .map(|i| iso.controls()[i].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Some("clauses")), ISO_CLAUSES);
        let annex = ids(Some("annex-a"));
        assert_eq!(annex.len(), 93);
        assert!(annex.iter().all(|id| id.starts_with("A.")));
        let all = ids(None);
        assert_eq!(all.len(), 123);
        assert_eq!(all[..30], ISO_CLAUSES);
        assert_eq!(all[30..], annex[..]);
        let error = iso.select(&iso_selection(Some("annex-b"))).unwrap_err();
        assert_eq!(
            error,
            "framework `iso27001-2022` has no part `annex-b`; its parts are clauses, annex-a"
        );
        let cmmc = catalog.get("cmmc-2.0").expect("known").expect("loads");
        let mut selection = iso_selection(Some("clauses"));
        selection.id = "cmmc-2.0".into();
        assert_eq!(
            cmmc.select(&selection).unwrap_err(),
            "framework `cmmc-2.0` has no parts"
        );
    }

    #[test]
    fn the_olir_pairs_that_point_at_iso_clauses_are_kept() {
        let catalog = Catalog::builtin(Limits::default());
        for (from, all, to_clauses) in [("nist-800-53r5", 642, 203), ("nist-csf-2.0", 341, 97)] {
            let view = catalog
                .crosswalk(from, "iso27001-2022")
                .expect("loads")
                .expect("published");
            assert_eq!(view.pairs.len(), all, "{from}");
            let clauses = view
                .pairs
                .iter()
                .filter(|p| !p.to.starts_with("A."))
                .count();
            assert_eq!(clauses, to_clauses, "{from}");
        }
        let view = catalog
            .crosswalk("nist-800-53r5", "iso27001-2022")
            .expect("loads")
            .expect("published");
        assert!(view.pairs.iter().any(|p| p.from == "AC-1" && p.to == "5.2"));
        assert!(view
            .pairs
            .iter()
            .any(|p| p.from == "CA-2" && p.to == "9.2.2"));
    }

    #[test]
    fn cmmc_levels_and_aliases() {
        let catalog = Catalog::builtin(Limits::default());
        let cmmc = catalog.get("cmmc-2.0").expect("known").expect("loads");
        let level = |n| {
            cmmc.controls()
                .iter()
                .filter(|c| c.level == Some(n))
                .count()
        };
        assert_eq!((level(1), level(2)), (15, 110));
        assert_eq!(cmmc.position("AC.L1-3.1.1"), cmmc.position("AC.L1-b.1.i"));
        let weights: u32 = cmmc
            .controls()
            .iter()
            .filter_map(|c| c.weight)
            .map(u32::from)
            .sum();
        assert_eq!(
            weights, 313,
            "the DoD methodology's floor is 110 - 313 = -203"
        );
    }
}
