//! What each rule of a policy pack costs on its own: compiles each SRM rule's
//! `deny`, each assessment's `result` and each library's `facts` of POLICIES
//! to RVM bytecode on its own, as the engine compiles the whole pack, then
//! evaluates each one over every input of INPUT... (`srmcheck input FILE`
//! output: one input, or an array of them), and last the whole pack in one
//! batch as `srmcheck check` evaluates it.
//!
//! ```sh
//! cargo run --release --example rule_profile -- policies INPUT.json...
//! ```
//!
//! It prints one line per part, `name<TAB>inputs<TAB>milliseconds`, in the
//! order it evaluated them. Each part ends with a call of `profile_mark`, so
//! that `valgrind --tool=callgrind --dump-before='*profile_mark*'` writes one
//! profile dump per part: dump 1 is the set-up (reading, compiling), dump
//! k + 1 the k-th part printed; `bench/callgrind.py` (run by `bench/portfolio.sh --callgrind`) turns those into
//! instructions per SRM. A part evaluated on its own includes the libraries
//! it calls, so the parts add up to more than the batch.
#![warn(clippy::too_many_lines)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::rvm::vm::RegoVM;
use regorus::{Engine, Rc, Value};

/// One entry point of the pack, evaluated on its own.
struct Part {
    name: String,
    program: Arc<Program>,
}

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let Some((policies, inputs)) = args.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        eprintln!("usage: rule_profile POLICIES INPUT.json...");
        return ExitCode::from(2);
    };
    match run(policies, inputs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rule_profile: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(policies: &Path, input_files: &[PathBuf]) -> Result<(), String> {
    let (engine, packages) = load_pack(policies)?;
    let inputs = read_inputs(input_files)?;
    let mut parts = Vec::new();
    for package in &packages {
        if package.starts_with("srmcheck.rules.") {
            parts.push(part(&engine, package, "deny")?);
        } else if package.starts_with("srmcheck.assess.") {
            parts.push(part(&engine, package, "result")?);
        }
    }
    for package in packages.iter().filter(|p| has_facts(p)) {
        // A library without `facts` has nothing to profile there.
        if let Ok(facts) = part(&engine, package, "facts") {
            parts.push(facts);
        }
    }
    parts.push(part(&engine, "srmcheck_profile_batch", "srm")?);
    profile_mark("set-up");
    for part in &parts {
        let start = Instant::now();
        for input in &inputs {
            evaluate(&part.program, input).map_err(|e| format!("{}: {e}", part.name))?;
        }
        let millis = start.elapsed().as_secs_f64() * 1000.0;
        profile_mark(&part.name);
        println!("{}\t{}\t{millis:.1}", part.name, inputs.len());
    }
    Ok(())
}

/// Where callgrind dumps the cost of the part just evaluated.
#[inline(never)]
fn profile_mark(name: &str) {
    black_box(name);
}

/// Whether the engine's batch returns the package's `facts`: the SRM
/// libraries and the assessments.
fn has_facts(package: &str) -> bool {
    let Some(name) = package.strip_prefix("srmcheck.") else {
        return false;
    };
    let portfolio = name == "lib.portfolio" || name.starts_with("lib.portfolio.");
    !portfolio && (name.starts_with("lib.") || name.starts_with("assess."))
}

/// The engine with every non-test policy of `folder` and a batch module of
/// them all; the packages in file order.
fn load_pack(folder: &Path) -> Result<(Engine, Vec<String>), String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "rego"))
        .filter(|p| !p.to_string_lossy().ends_with("_test.rego"))
        .collect();
    paths.sort();
    let mut engine = Engine::new();
    let mut packages = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let package = engine
            .add_policy(path.display().to_string(), text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        packages.push(package.trim_start_matches("data.").to_owned());
    }
    engine
        .add_policy("batch.rego".to_owned(), batch_module(&packages))
        .map_err(|e| format!("batch module: {e}"))?;
    Ok((engine, packages))
}

/// The batch the engine evaluates per SRM: every rule's `deny`, every
/// assessment's `result`, every library's `facts`.
fn batch_module(packages: &[String]) -> String {
    let mut deny = String::new();
    let mut assess = String::new();
    let mut facts = String::new();
    for package in packages {
        if package.starts_with("srmcheck.rules.") {
            deny.push_str(&format!("\t{package:?}: data.{package}.deny,\n"));
        }
        if let Some(name) = package.strip_prefix("srmcheck.assess.") {
            assess.push_str(&format!("\t{name:?}: [r | r := data.{package}.result],\n"));
        }
        if has_facts(package) {
            let name = package.trim_start_matches("srmcheck.");
            facts.push_str(&format!("\t{name:?}: [f | f := data.{package}.facts],\n"));
        }
    }
    format!(
        "package srmcheck_profile_batch\n\nimport rego.v1\n\n\
         srm := {{\"deny\": {{\n{deny}}}, \"assess\": {{\n{assess}}}, \"facts\": {{\n{facts}}}}}\n"
    )
}

/// `data.PACKAGE.RULE` compiled to RVM bytecode on its own.
fn part(engine: &Engine, package: &str, rule: &str) -> Result<Part, String> {
    let path = format!("data.{package}.{rule}");
    let compiled = engine
        .clone()
        .compile_with_entrypoint(&Rc::from(path.as_str()))
        .map_err(|e| format!("{path}: {e}"))?;
    let program =
        Compiler::compile_from_policy(&compiled, &[&path]).map_err(|e| format!("{path}: {e}"))?;
    Ok(Part {
        name: path,
        program,
    })
}

/// Every input of the files: a file holds one input or an array of them.
fn read_inputs(files: &[PathBuf]) -> Result<Vec<Value>, String> {
    let mut inputs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        match Value::from_json_str(&text).map_err(|e| format!("{}: {e}", file.display()))? {
            Value::Array(items) => inputs.extend(items.iter().cloned()),
            one => inputs.push(one),
        }
    }
    Ok(inputs)
}

fn evaluate(program: &Arc<Program>, input: &Value) -> Result<Value, String> {
    let mut vm = RegoVM::new();
    vm.load_program(Arc::clone(program));
    // As the engine runs it: no bound on the instructions of one evaluation.
    vm.set_max_instructions(usize::MAX);
    vm.set_input(input.clone());
    vm.execute().map_err(|e| e.to_string())
}
