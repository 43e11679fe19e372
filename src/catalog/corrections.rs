//! The reviewed corrections of srmcheck's knowledge, asserted control by
//! control: each entry below was changed on review (its knowledge file says
//! why in a comment), with its counterparts in the other catalogs.

use super::Catalog;
use crate::model::Layer;
use crate::yaml::Limits;

/// Framework, control, layer, capabilities, round the clock, minimum maturity.
type Expected = (
    &'static str,
    &'static str,
    Layer,
    &'static [&'static str],
    bool,
    u8,
);

#[rustfmt::skip]
const CORRECTED: &[Expected] = &[
    ("nist-800-171r2", "3.1.3", Layer::Network, &["network-security"], false, 2),
    ("nist-800-171r2", "3.1.7", Layer::Identity, &["identity-administration"], false, 2),
    ("nist-800-171r2", "3.3.4", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-171r2", "3.3.5", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-171r2", "3.6.1", Layer::Governance, &["incident-response"], true, 2),
    ("nist-800-171r2", "3.9.1", Layer::People, &["personnel-security"], false, 1),
    ("nist-800-171r2", "3.9.2", Layer::People, &["personnel-security", "identity-administration"], false, 2),
    ("nist-800-171r2", "3.12.1", Layer::Governance, &["audit-assurance"], false, 2),
    ("nist-800-171r2", "3.12.3", Layer::Governance, &["risk-management", "audit-assurance"], false, 2),
    ("nist-800-171r2", "3.13.2", Layer::Application, &["security-architecture"], false, 2),
    ("nist-800-171r2", "3.13.16", Layer::Data, &["key-management"], false, 2),
    ("nist-800-171r2", "3.14.2", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("cmmc-2.0", "AC.L2-3.1.3", Layer::Network, &["network-security"], false, 2),
    ("cmmc-2.0", "AC.L2-3.1.7", Layer::Identity, &["identity-administration"], false, 2),
    ("cmmc-2.0", "AU.L2-3.3.4", Layer::Host, &["security-monitoring"], false, 2),
    ("cmmc-2.0", "AU.L2-3.3.5", Layer::Host, &["security-monitoring"], false, 2),
    ("cmmc-2.0", "IR.L2-3.6.1", Layer::Governance, &["incident-response"], true, 2),
    ("cmmc-2.0", "PS.L2-3.9.1", Layer::People, &["personnel-security"], false, 1),
    ("cmmc-2.0", "PS.L2-3.9.2", Layer::People, &["personnel-security", "identity-administration"], false, 2),
    ("cmmc-2.0", "CA.L2-3.12.1", Layer::Governance, &["audit-assurance"], false, 2),
    ("cmmc-2.0", "CA.L2-3.12.3", Layer::Governance, &["risk-management", "audit-assurance"], false, 2),
    ("cmmc-2.0", "SC.L2-3.13.2", Layer::Application, &["security-architecture"], false, 2),
    ("cmmc-2.0", "SC.L2-3.13.16", Layer::Data, &["key-management"], false, 2),
    ("cmmc-2.0", "SI.L1-b.1.xiii", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("cmmc-2.0", "SI.L2-3.14.2", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("nist-800-171r3", "03.01.03", Layer::Network, &["network-security"], false, 2),
    ("nist-800-171r3", "03.01.07", Layer::Identity, &["identity-administration"], false, 2),
    ("nist-800-171r3", "03.03.04", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-171r3", "03.03.05", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-171r3", "03.06.01", Layer::Governance, &["incident-response"], true, 2),
    ("nist-800-171r3", "03.09.01", Layer::People, &["personnel-security"], false, 1),
    ("nist-800-171r3", "03.09.02", Layer::People, &["personnel-security", "identity-administration"], false, 2),
    ("nist-800-171r3", "03.12.01", Layer::Governance, &["audit-assurance"], false, 2),
    ("nist-800-171r3", "03.12.03", Layer::Governance, &["risk-management", "audit-assurance"], false, 2),
    ("nist-800-171r3", "03.14.02", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("nist-800-171r3", "03.16.01", Layer::Application, &["security-architecture"], false, 2),
    ("nist-800-53r5", "AC-4", Layer::Network, &["network-security"], false, 2),
    ("nist-800-53r5", "AU-5", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-53r5", "AU-6", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-53r5", "AU-6(1)", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-53r5", "AU-6(3)", Layer::Host, &["security-monitoring"], false, 2),
    ("nist-800-53r5", "CA-2", Layer::Governance, &["audit-assurance"], false, 2),
    ("nist-800-53r5", "CA-2(1)", Layer::Governance, &["audit-assurance", "vendor-management"], false, 2),
    ("nist-800-53r5", "CA-2(2)", Layer::Governance, &["audit-assurance", "penetration-testing", "vulnerability-management"], false, 3),
    ("nist-800-53r5", "CA-2(3)", Layer::Governance, &["audit-assurance", "vendor-management"], false, 2),
    ("nist-800-53r5", "CA-7", Layer::Governance, &["risk-management", "audit-assurance"], false, 2),
    ("nist-800-53r5", "CA-7(1)", Layer::Governance, &["audit-assurance"], false, 2),
    ("nist-800-53r5", "CA-8", Layer::Host, &["penetration-testing", "audit-assurance"], false, 3),
    ("nist-800-53r5", "CA-8(1)", Layer::Host, &["penetration-testing"], false, 3),
    ("nist-800-53r5", "CA-8(2)", Layer::Host, &["penetration-testing", "threat-intelligence"], false, 4),
    ("nist-800-53r5", "CA-8(3)", Layer::Physical, &["penetration-testing", "physical-security"], false, 3),
    ("nist-800-53r5", "CP-2", Layer::Governance, &["business-continuity"], false, 2),
    ("nist-800-53r5", "CP-4", Layer::Governance, &["business-continuity"], false, 2),
    ("nist-800-53r5", "IR-4", Layer::Governance, &["incident-response"], true, 2),
    ("nist-800-53r5", "IR-4(1)", Layer::Governance, &["incident-response"], true, 2),
    ("nist-800-53r5", "PL-8", Layer::Governance, &["security-architecture", "risk-management"], false, 2),
    ("nist-800-53r5", "PS-2", Layer::People, &["personnel-security", "policy-governance"], false, 1),
    ("nist-800-53r5", "PS-3", Layer::People, &["personnel-security"], false, 1),
    ("nist-800-53r5", "PS-3(1)", Layer::People, &["personnel-security"], false, 2),
    ("nist-800-53r5", "PS-3(2)", Layer::People, &["personnel-security"], false, 2),
    ("nist-800-53r5", "PS-3(3)", Layer::People, &["personnel-security"], false, 2),
    ("nist-800-53r5", "PS-3(4)", Layer::People, &["personnel-security"], false, 1),
    ("nist-800-53r5", "PS-4", Layer::People, &["personnel-security", "identity-administration"], false, 2),
    ("nist-800-53r5", "PS-5", Layer::People, &["personnel-security", "identity-administration"], false, 2),
    ("nist-800-53r5", "PS-6", Layer::People, &["personnel-security"], false, 1),
    ("nist-800-53r5", "PS-7", Layer::People, &["personnel-security", "vendor-management"], false, 2),
    ("nist-800-53r5", "PS-8", Layer::People, &["personnel-security", "policy-governance"], false, 1),
    ("nist-800-53r5", "PT-2", Layer::Governance, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-3", Layer::Data, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-4", Layer::Data, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-5", Layer::Data, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-6", Layer::Governance, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-7", Layer::Data, &["privacy"], false, 2),
    ("nist-800-53r5", "PT-8", Layer::Governance, &["privacy"], false, 2),
    ("nist-800-53r5", "SA-8", Layer::Application, &["security-architecture"], false, 2),
    ("nist-800-53r5", "SA-17", Layer::Application, &["security-architecture", "secure-development"], false, 3),
    ("nist-800-53r5", "SC-28", Layer::Data, &["key-management"], false, 2),
    ("nist-800-53r5", "SI-3", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("nist-800-53r5", "SI-7(7)", Layer::Host, &["security-monitoring", "incident-response"], true, 2),
    ("iso27001-2022", "A.5.7", Layer::Governance, &["threat-intelligence"], false, 2),
    ("iso27001-2022", "A.5.26", Layer::Governance, &["incident-response"], true, 2),
    ("iso27001-2022", "A.5.28", Layer::Governance, &["forensics"], false, 3),
    ("iso27001-2022", "A.5.29", Layer::Governance, &["business-continuity", "risk-management"], false, 2),
    ("iso27001-2022", "A.5.30", Layer::Host, &["business-continuity", "backup-recovery"], false, 2),
    ("iso27001-2022", "A.5.34", Layer::Data, &["privacy"], false, 2),
    ("iso27001-2022", "A.5.35", Layer::Governance, &["audit-assurance"], false, 2),
    ("iso27001-2022", "A.6.1", Layer::People, &["personnel-security"], false, 1),
    ("iso27001-2022", "A.6.2", Layer::People, &["personnel-security", "policy-governance"], false, 1),
    ("iso27001-2022", "A.6.4", Layer::People, &["personnel-security", "policy-governance"], false, 1),
    ("iso27001-2022", "A.6.5", Layer::People, &["personnel-security", "identity-administration"], false, 1),
    ("iso27001-2022", "A.6.6", Layer::People, &["personnel-security", "policy-governance"], false, 1),
    ("iso27001-2022", "A.8.7", Layer::Host, &["endpoint-management", "security-monitoring"], false, 2),
    ("iso27001-2022", "A.8.27", Layer::Application, &["security-architecture", "secure-development"], false, 2),
    ("nist-csf-2.0", "ID.RA-02", Layer::Governance, &["threat-intelligence"], false, 2),
    ("nist-csf-2.0", "PR.DS-01", Layer::Data, &["key-management"], false, 2),
    ("nist-csf-2.0", "DE.CM-06", Layer::Host, &["security-monitoring", "vendor-management"], false, 2),
    ("nist-csf-2.0", "RS.MA-01", Layer::Governance, &["incident-response"], true, 2),
    ("nist-csf-2.0", "RS.AN-03", Layer::Governance, &["incident-response", "forensics"], false, 3),
    ("nist-csf-2.0", "RS.MI-01", Layer::Governance, &["incident-response"], true, 2),
    ("nist-csf-2.0", "RS.MI-02", Layer::Governance, &["incident-response"], true, 2),
    ("nist-csf-2.0", "RS.AN-07", Layer::Governance, &["forensics"], false, 3),
    ("hipaa-security", "164.308(a)(6)", Layer::Governance, &["incident-response"], false, 2),
    ("hipaa-security", "164.308(a)(6)(ii)", Layer::Governance, &["incident-response"], false, 2),
    ("hipaa-security", "164.308(a)(7)", Layer::Data, &["business-continuity", "backup-recovery"], false, 2),
    ("hipaa-security", "164.312(b)", Layer::Host, &["security-monitoring"], false, 2),
];

#[test]
fn every_corrected_entry_has_its_reviewed_values() {
    let catalog = Catalog::builtin(Limits::default());
    for &(framework, id, layer, capabilities, round_the_clock, maturity) in CORRECTED {
        let index = catalog.get(framework).expect("known").expect("loads");
        let control = &index.controls()[index.position(id).expect("a control")];
        let found = (
            control.layer,
            control
                .capabilities
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            control.round_the_clock,
            control.min_maturity.map(u8::from),
        );
        let expected = (
            Some(layer),
            capabilities.to_vec(),
            Some(round_the_clock),
            Some(maturity),
        );
        assert_eq!(found, expected, "{framework} {id}");
    }
}

/// The controls that needed no round-the-clock coverage after all, and those
/// whose minimum maturity is Managed as baseline requirements.
#[test]
fn the_listed_corrections_are_among_them() {
    let listed_not_round_the_clock = [
        "CA-7",
        "3.12.3",
        "03.12.03",
        "SI-3",
        "A.8.7",
        "3.14.2",
        "AU-5",
        "AU-6",
        "3.3.4",
        "164.312(b)",
        "164.308(a)(6)",
        "DE.CM-06",
        "RS.AN-03",
    ];
    let listed_managed = [
        "CA-7", "3.12.3", "03.12.03", "IR-4", "3.6.1", "A.5.26", "RS.MI-01", "RS.MI-02",
        "RS.MA-01", "3.3.5", "AU-6(3)", "A.5.7", "ID.RA-02",
    ];
    for id in listed_not_round_the_clock {
        assert!(CORRECTED.iter().any(|c| c.1 == id && !c.4), "{id}");
    }
    for id in listed_managed {
        assert!(CORRECTED.iter().any(|c| c.1 == id && c.5 == 2), "{id}");
    }
    let needs = |id: &str, capability: &str| {
        CORRECTED
            .iter()
            .any(|c| c.1 == id && c.3.contains(&capability))
    };
    for id in ["A.6.1", "3.9.1", "PS-3"] {
        assert!(needs(id, "personnel-security"), "{id}");
    }
    for id in ["A.5.35", "CA-2", "CA-8"] {
        assert!(needs(id, "audit-assurance"), "{id}");
    }
    for id in ["A.5.28", "RS.AN-07"] {
        assert!(needs(id, "forensics"), "{id}");
    }
    for id in ["3.13.2", "SA-8"] {
        assert!(needs(id, "security-architecture"), "{id}");
    }
    for id in ["3.1.3", "SC-28", "PR.DS-01", "3.13.16"] {
        assert!(!needs(id, "data-governance"), "{id}");
    }
    assert!(!needs("3.1.7", "security-monitoring"));
}
