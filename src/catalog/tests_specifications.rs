//! The HIPAA Security Rule's implementation specifications, against the
//! regulation (45 CFR 164.308-316): each is a control of `hipaa-security`
//! right after its standard, with its standard and its status.

use std::sync::Arc;

use super::{Catalog, FrameworkIndex};
use crate::model::{Layer, SpecificationStatus};
use crate::yaml::Limits;

use SpecificationStatus::{Addressable as A, Required as R};

/// `(standard, specification, status)`, in the regulation's order.
const SPECIFICATIONS: &[(&str, &str, SpecificationStatus)] = &[
    ("164.308(a)(1)", "164.308(a)(1)(ii)(A)", R),
    ("164.308(a)(1)", "164.308(a)(1)(ii)(B)", R),
    ("164.308(a)(1)", "164.308(a)(1)(ii)(C)", R),
    ("164.308(a)(1)", "164.308(a)(1)(ii)(D)", R),
    ("164.308(a)(3)", "164.308(a)(3)(ii)(A)", A),
    ("164.308(a)(3)", "164.308(a)(3)(ii)(B)", A),
    ("164.308(a)(3)", "164.308(a)(3)(ii)(C)", A),
    ("164.308(a)(4)", "164.308(a)(4)(ii)(A)", R),
    ("164.308(a)(4)", "164.308(a)(4)(ii)(B)", A),
    ("164.308(a)(4)", "164.308(a)(4)(ii)(C)", A),
    ("164.308(a)(5)", "164.308(a)(5)(ii)(A)", A),
    ("164.308(a)(5)", "164.308(a)(5)(ii)(B)", A),
    ("164.308(a)(5)", "164.308(a)(5)(ii)(C)", A),
    ("164.308(a)(5)", "164.308(a)(5)(ii)(D)", A),
    ("164.308(a)(6)", "164.308(a)(6)(ii)", R),
    ("164.308(a)(7)", "164.308(a)(7)(ii)(A)", R),
    ("164.308(a)(7)", "164.308(a)(7)(ii)(B)", R),
    ("164.308(a)(7)", "164.308(a)(7)(ii)(C)", R),
    ("164.308(a)(7)", "164.308(a)(7)(ii)(D)", A),
    ("164.308(a)(7)", "164.308(a)(7)(ii)(E)", A),
    ("164.308(b)(1)", "164.308(b)(3)", R),
    ("164.310(a)", "164.310(a)(2)(i)", A),
    ("164.310(a)", "164.310(a)(2)(ii)", A),
    ("164.310(a)", "164.310(a)(2)(iii)", A),
    ("164.310(a)", "164.310(a)(2)(iv)", A),
    ("164.310(d)", "164.310(d)(2)(i)", R),
    ("164.310(d)", "164.310(d)(2)(ii)", R),
    ("164.310(d)", "164.310(d)(2)(iii)", A),
    ("164.310(d)", "164.310(d)(2)(iv)", A),
    ("164.312(a)", "164.312(a)(2)(i)", R),
    ("164.312(a)", "164.312(a)(2)(ii)", R),
    ("164.312(a)", "164.312(a)(2)(iii)", A),
    ("164.312(a)", "164.312(a)(2)(iv)", A),
    ("164.312(c)", "164.312(c)(2)", A),
    ("164.312(e)(1)", "164.312(e)(2)(i)", A),
    ("164.312(e)(1)", "164.312(e)(2)(ii)", A),
    ("164.314(a)", "164.314(a)(2)(i)", R),
    ("164.314(a)", "164.314(a)(2)(ii)", R),
    ("164.314(a)", "164.314(a)(2)(iii)", R),
    ("164.314(b)", "164.314(b)(2)(i)", R),
    ("164.314(b)", "164.314(b)(2)(ii)", R),
    ("164.314(b)", "164.314(b)(2)(iii)", R),
    ("164.314(b)", "164.314(b)(2)(iv)", R),
    ("164.316(b)", "164.316(b)(2)(i)", R),
    ("164.316(b)", "164.316(b)(2)(ii)", R),
    ("164.316(b)", "164.316(b)(2)(iii)", R),
];

/// The built-in HIPAA Security Rule catalog.
fn hipaa() -> Arc<FrameworkIndex> {
    let catalog = Catalog::builtin(Limits::default());
    catalog
        .get("hipaa-security")
        .expect("known")
        .expect("loads")
}

#[test]
fn every_specification_is_a_control_with_its_standard_and_status() {
    let hipaa = hipaa();
    let found: Vec<(&str, &str, SpecificationStatus)> = hipaa
        .controls()
        .iter()
        .filter_map(|c| Some((c.standard.as_deref()?, c.id.as_str(), c.status?)))
        .collect();
    assert_eq!(found, SPECIFICATIONS);
    let count = |status| SPECIFICATIONS.iter().filter(|s| s.2 == status).count();
    // The Appendix A matrix's 36 (14 required, 22 addressable), and the ten
    // required specifications of 164.314 and 164.316.
    assert_eq!((SPECIFICATIONS.len(), count(R), count(A)), (46, 24, 22));
    let standards = hipaa.controls().iter().filter(|c| c.standard.is_none());
    assert_eq!(standards.count(), 22);
    for &(standard, id, _) in SPECIFICATIONS {
        let at = hipaa.position(id).expect("indexed");
        let of = hipaa.position(standard).expect("indexed");
        assert!(at > of, "{id} follows its standard");
        let listed = &hipaa.controls()[of].specifications;
        assert!(listed.iter().any(|s| s.id == id), "{standard} lists {id}");
        assert_eq!(hipaa.controls()[at].family, hipaa.controls()[of].family);
    }
}

/// Specifications whose knowledge differs from their standard's: layer,
/// capabilities (any one suffices) and round-the-clock coverage.
#[rustfmt::skip]
const SPECIFICATION_KNOWLEDGE: &[(&str, Layer, &[&str], bool)] = &[
    ("164.308(a)(1)(ii)(D)", Layer::Host, &["security-monitoring"], false),
    ("164.308(a)(1)(ii)(C)", Layer::People, &["personnel-security", "policy-governance"], false),
    ("164.308(a)(3)(ii)(B)", Layer::People, &["personnel-security"], false),
    ("164.308(a)(5)(ii)(B)", Layer::Host, &["endpoint-management"], false),
    ("164.308(a)(5)(ii)(C)", Layer::Host, &["security-monitoring"], false),
    ("164.308(a)(6)(ii)", Layer::Governance, &["incident-response"], false),
    ("164.308(a)(7)(ii)(B)", Layer::Governance, &["business-continuity"], false),
    ("164.310(d)(2)(iv)", Layer::Data, &["backup-recovery"], false),
    ("164.312(a)(2)(iv)", Layer::Data, &["key-management"], false),
];

#[test]
fn specifications_carry_their_own_knowledge() {
    let hipaa = hipaa();
    let knowledge = |id: &str| {
        let control = &hipaa.controls()[hipaa.position(id).expect("known")];
        (
            control.layer.expect("tagged"),
            control.capabilities.clone(),
            control.round_the_clock.expect("tagged"),
        )
    };
    let caps = |list: &[&str]| list.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    for &(id, layer, capabilities, round_the_clock) in SPECIFICATION_KNOWLEDGE {
        assert_eq!(
            knowledge(id),
            (layer, caps(capabilities), round_the_clock),
            "{id}"
        );
    }
    assert_ne!(
        knowledge("164.308(a)(1)(ii)(D)"),
        knowledge("164.308(a)(1)"),
        "the activity review is not its standard's governance work"
    );
}
