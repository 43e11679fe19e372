//! The shipped crosswalks' corrections: SP 800-171r2 pairs whose Rev. 4 id was
//! withdrawn map to its Rev. 5 successor, SP 800-171r3 has its own crosswalk,
//! CMMC Level 1 practices are mapped, and every mapping file says its method.

use super::Catalog;
use crate::embedded::MAPPINGS;
use crate::yaml::Limits;

fn pairs(catalog: &Catalog, from: &str, to: &str) -> Vec<(String, String, String)> {
    let view = catalog
        .crosswalk(from, to)
        .expect("loads")
        .expect("published");
    view.pairs
        .iter()
        .map(|p| {
            let relationship = serde_json::to_value(p.relationship).expect("a name");
            let relationship = relationship.as_str().unwrap_or_default().to_owned();
            (p.from.clone(), p.to.clone(), relationship)
        })
        .collect()
}

#[test]
fn withdrawn_rev4_ids_map_to_their_rev5_successors() {
    let catalog = Catalog::builtin(Limits::default());
    let r2 = pairs(&catalog, "nist-800-171r2", "nist-800-53r5");
    assert_eq!(r2.len(), 188);
    // SP 800-171r2 Appendix D names the Rev. 4 id on the left; the Rev. 5
    // catalog says what it became.
    for (requirement, successor) in [
        ("3.3.3", "AU-2"),     // AU-2(3)
        ("3.3.7", "SC-45(1)"), // AU-8(1)
        ("3.5.3", "IA-2(1)"),  // IA-2(3)
        ("3.5.4", "IA-2(8)"),  // IA-2(9)
        ("3.8.6", "SC-28(1)"), // MP-5(4)
        ("3.8.8", "MP-7"),     // MP-7(1)
    ] {
        assert!(
            r2.iter()
                .any(|(a, b, _)| a == requirement && b == successor),
            "{requirement} -> {successor}"
        );
    }
    for withdrawn in [
        "AU-2(3)", "AU-8(1)", "IA-2(3)", "IA-2(9)", "MP-5(4)", "MP-7(1)", "SC-19",
    ] {
        assert!(r2.iter().all(|(_, b, _)| b != withdrawn), "{withdrawn}");
    }
    assert!(r2.iter().all(|(_, _, rel)| rel == "related"));
}

#[test]
fn sp_800_171r3_maps_every_requirement_to_its_source_controls() {
    let catalog = Catalog::builtin(Limits::default());
    let r3 = pairs(&catalog, "nist-800-171r3", "nist-800-53r5");
    assert_eq!(r3.len(), 157);
    let requirements: std::collections::BTreeSet<&str> =
        r3.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(requirements.len(), 97);
    let r3_catalog = catalog
        .get("nist-800-171r3")
        .expect("known")
        .expect("loads");
    assert!(r3_catalog
        .controls()
        .iter()
        .all(|c| requirements.contains(c.id.as_str())));
    for (requirement, control) in [
        ("03.01.01", "AC-2"),
        ("03.01.01", "AC-2(3)"),
        ("03.09.01", "PS-3"),
        ("03.13.10", "SC-12"),
    ] {
        assert!(
            r3.iter().any(|(a, b, _)| a == requirement && b == control),
            "{requirement} -> {control}"
        );
    }
    let not_published = catalog
        .crosswalk("nist-800-171r3", "nist-800-53r5")
        .expect("loads")
        .expect("published");
    assert!(!not_published.derived);
}

#[test]
fn cmmc_level_1_practices_map_to_their_sp_800_171r2_requirements() {
    let catalog = Catalog::builtin(Limits::default());
    let cmmc = pairs(&catalog, "cmmc-2.0", "nist-800-171r2");
    assert_eq!(cmmc.len(), 127);
    let level1: Vec<_> = cmmc.iter().filter(|(a, _, _)| a.contains(".L1-")).collect();
    assert_eq!(level1.len(), 17);
    let practices: std::collections::BTreeSet<&str> =
        level1.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(practices.len(), 15);
    let pair = |a: &str, b: &str, rel: &str| (a.to_owned(), b.to_owned(), rel.to_owned());
    assert!(cmmc.contains(&pair("AC.L1-b.1.i", "3.1.1", "equivalent")));
    assert!(cmmc.contains(&pair("SI.L1-b.1.xv", "3.14.5", "equivalent")));
    for requirement in ["3.10.3", "3.10.4", "3.10.5"] {
        assert!(cmmc.contains(&pair("PE.L1-b.1.ix", requirement, "superset-of")));
    }
}

#[test]
fn every_mapping_file_says_its_source_and_method() {
    assert_eq!(MAPPINGS.len(), 5);
    for (path, text) in MAPPINGS {
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(header.iter().any(|l| l.starts_with("# Source: ")), "{path}");
        assert!(header.iter().any(|l| l.starts_with("# Method: ")), "{path}");
    }
}
