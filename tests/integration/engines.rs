//! The built-in pack runs compiled to RVM bytecode; regorus's interpreter is
//! the reference. Both must find the same on every fixture, every rule's
//! failing and passing examples among them.

use crate::harness::Run;

#[test]
fn the_compiled_pack_finds_what_the_interpreter_finds() {
    let compiled = Run::check(["fixtures", "--format", "json"]).in_root().run();
    let interpreted = Run::check(["fixtures", "--format", "json"])
        .in_root()
        .env("SRMCHECK_ENGINE", "interpreter")
        .run();
    assert_eq!(compiled.code, interpreted.code);
    assert!(compiled
        .stdout
        .contains("\"rule\": \"owner-lacks-capability\""));
    assert_eq!(compiled.stdout, interpreted.stdout);
}
