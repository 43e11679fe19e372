//! Compiles the policy pack once and evaluates it against each resolved SRM.

use std::collections::BTreeMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::rvm::vm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;
use regorus::{Engine, Rc, Value};
use thread_local::ThreadLocal;

use super::error::PolicyError;
use super::failure::{deny_head, error};
use super::input::{build_input, portfolio_input, PortfolioClient};
use super::pack::PolicyPack;
use super::worker::Worker;
use crate::located::Located;
use crate::model::Date;
use crate::resolve::NodeRef;
use crate::resolve::Resolved;
use crate::rule::{Rule, RuleScope};

/// Longest the pack may run on one SRM, unless `SRMCHECK_TIME_LIMIT` says
/// otherwise.
const TIME_LIMIT: Duration = Duration::from_secs(5);

/// Seconds the pack may run on one SRM (a whole number, at least 1): for
/// profilers and emulators that run the program many times slower.
pub const TIME_LIMIT_VARIABLE: &str = "SRMCHECK_TIME_LIMIT";

/// A compiled policy pack, shared by the threads that evaluate SRMs: each
/// evaluation clones the regorus engine, or runs the thread's copy of the
/// compiled program.
pub struct PolicyEngine {
    engine: Engine,
    pack: PolicyPack,
    /// The SRM batch compiled to RVM bytecode: the built-in pack only, whose
    /// results the tests check against the interpreter's. Each thread
    /// evaluates a copy of it, kept in its worker.
    program: Option<Arc<Program>>,
    /// Each evaluating thread's program and static control fields.
    workers: ThreadLocal<Worker>,
}

/// Set to `interpreter` to evaluate every policy with regorus's interpreter.
pub const ENGINE_VARIABLE: &str = "SRMCHECK_ENGINE";

pub(super) fn timer() -> ExecutionTimerConfig {
    ExecutionTimerConfig {
        limit: time_limit(),
        check_interval: NonZeroU32::new(64).expect("64 is not zero"),
    }
}

/// The time limit: `SRMCHECK_TIME_LIMIT` seconds when it is a whole number
/// of at least 1, else the default, read once.
fn time_limit() -> Duration {
    static LIMIT: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| limit_of(std::env::var(TIME_LIMIT_VARIABLE).ok().as_deref()))
}

/// The time limit a `SRMCHECK_TIME_LIMIT` value gives.
pub(super) fn limit_of(value: Option<&str>) -> Duration {
    value
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|&seconds| seconds > 0)
        .map_or(TIME_LIMIT, Duration::from_secs)
}

/// What one rule said about one SRM.
#[derive(Debug)]
pub struct RuleOutcome {
    pub rule: Arc<Rule>,
    pub violations: Vec<Violation>,
}

/// One element of a rule's `deny` set.
#[derive(Debug)]
pub struct Violation {
    pub message: String,
    /// JSON pointer into the input; empty for the SRM as a whole.
    pub pointer: String,
    /// `(framework, control)` the finding is about, when it is about one:
    /// a current exception for it turns the finding into an excepted one.
    pub control: Option<(String, String)>,
}

impl PolicyEngine {
    /// Parses every file of the pack, each on its own first so that an error
    /// names its file, then probes each rule once so that unknown functions and
    /// unsafe variables surface now rather than on the first SRM.
    pub fn new(pack: PolicyPack) -> Result<Self, PolicyError> {
        super::limits::limit_process_memory();
        let mut engine = Engine::new();
        engine.set_execution_timer_config(timer());
        for file in &pack.files {
            Engine::new()
                .add_policy(file.source.name().to_owned(), file.source.text().to_owned())
                .map_err(|e| error(&pack, &e, Some(&file.source)))?;
            engine
                .add_policy(file.source.name().to_owned(), file.source.text().to_owned())
                .map_err(|e| error(&pack, &e, Some(&file.source)))?;
        }
        engine
            .add_policy(format!("{BATCH_PACKAGE}.rego"), batch_module(&pack))
            .map_err(|e| error(&pack, &e, None))?;
        let builtin = pack
            .files
            .iter()
            .all(|f| f.source.name().starts_with("builtin:"));
        let interpreter = std::env::var(ENGINE_VARIABLE).is_ok_and(|v| v == "interpreter");
        // The RVM program is compiled before the bounded builtins are
        // installed: they are the interpreter's (the built-in pack's ranges
        // are small).
        let program = match builtin && !interpreter {
            true => compile(&engine, &batch_path(RuleScope::Srm)),
            false => None,
        };
        super::limits::install(&mut engine).map_err(|e| error(&pack, &e, None))?;
        // The first evaluation analyses the modules (scheduling, loop
        // hoisting); doing it here on the engine every evaluation clones
        // spares each clone that work.
        engine.set_input(Value::new_object());
        for rule in pack.rules() {
            engine
                .eval_rule(deny_path(rule))
                .map_err(|e| error(&pack, &e, Some(&rule.file)))?;
        }
        for scope in [RuleScope::Srm, RuleScope::Portfolio] {
            engine
                .eval_rule(batch_path(scope))
                .map_err(|e| error(&pack, &e, None))?;
        }
        Ok(PolicyEngine {
            engine,
            pack,
            program,
            workers: ThreadLocal::new(),
        })
    }

    pub fn pack(&self) -> &PolicyPack {
        &self.pack
    }

    /// Evaluates every rule against one SRM.
    pub fn evaluate(&self, resolved: &Resolved, as_of: Date) -> Result<Evaluation, PolicyError> {
        let worker = self.workers.get_or(|| Worker::new(self.program.as_deref()));
        let input = build_input(resolved, as_of, &worker.controls);
        if let Some(program) = &worker.program {
            let mut vm = RegoVM::new();
            vm.load_program(Arc::clone(program));
            vm.set_max_instructions(usize::MAX);
            vm.set_execution_timer_config(Some(timer()));
            vm.set_memory_budget_config(Some(super::limits::evaluation_budget()));
            vm.set_input(input);
            match vm.execute() {
                Ok(batch) if batch != Value::Undefined => {
                    return self.read_batch(&batch, RuleScope::Srm)
                }
                Err(e) => {
                    if let Some(stopped) = super::failure::limit_error(&self.pack, program, &e) {
                        return Err(stopped);
                    }
                }
                Ok(_) => {}
            }
            // Rule by rule, so that an error names its rule.
            let mut engine = self.engine.clone();
            engine.set_input(build_input(resolved, as_of, &worker.controls));
            let outcomes = self.run_rules(&mut engine, RuleScope::Srm)?;
            return self.assess(&mut engine, outcomes);
        }
        let mut engine = self.engine.clone();
        engine.set_input(input);
        match engine.eval_rule(batch_path(RuleScope::Srm)) {
            Ok(batch) if batch != Value::Undefined => {
                return self.read_batch(&batch, RuleScope::Srm)
            }
            _ => engine = self.engine.clone(),
        }
        // The batch failed: rule by rule, so that an error names its rule.
        engine.set_input(build_input(resolved, as_of, &worker.controls));
        let outcomes = self.run_rules(&mut engine, RuleScope::Srm)?;
        self.assess(&mut engine, outcomes)
    }

    /// The assessments, one by one, on an engine whose input is set.
    fn assess(
        &self,
        engine: &mut Engine,
        outcomes: Vec<RuleOutcome>,
    ) -> Result<Evaluation, PolicyError> {
        let mut assessments = BTreeMap::new();
        for file in self.pack.files.iter().filter(|f| !f.is_test) {
            let Some(name) = file.package.strip_prefix(ASSESS_PREFIX) else {
                continue;
            };
            let result = engine
                .eval_rule(format!("data.{}.result", file.package))
                .map_err(|e| error(&self.pack, &e, Some(&file.source)))?;
            if result != Value::Undefined {
                let value = serde_json::to_value(&result).map_err(|e| PolicyError::Evaluation {
                    file: file.source.name().to_owned(),
                    message: format!("`result` is not plain data: {e}"),
                })?;
                assessments.insert(name.to_owned(), value);
            }
        }
        Ok(Evaluation {
            outcomes,
            assessments,
            facts: self.facts(engine, RuleScope::Srm)?,
        })
    }

    /// The `facts` of the libraries and assessments of one scope, one by
    /// one, on an engine whose input is set.
    fn facts(
        &self,
        engine: &mut Engine,
        scope: RuleScope,
    ) -> Result<BTreeMap<String, serde_json::Value>, PolicyError> {
        let mut facts = BTreeMap::new();
        for (name, file) in fact_packages(&self.pack, scope) {
            let value = engine
                .eval_rule(format!("data.{}.facts", file.package))
                .map_err(|e| error(&self.pack, &e, Some(&file.source)))?;
            if value != Value::Undefined {
                facts.insert(name.to_owned(), plain(&value, file, "facts")?);
            }
        }
        Ok(facts)
    }
}

/// The library and assessment packages of the pack that one scope's
/// evaluation returns the `facts` of, each with its name below `srmcheck.`
/// (`lib.review`, `assess.maturity`). The libraries below `lib.portfolio`
/// read the portfolio input; the others, an SRM's.
fn fact_packages(
    pack: &PolicyPack,
    scope: RuleScope,
) -> impl Iterator<Item = (&str, &super::PolicyFile)> {
    pack.files
        .iter()
        .filter(|f| !f.is_test)
        .filter_map(move |file| {
            let name = file.package.strip_prefix(FACTS_PREFIX)?;
            let portfolio = name == PORTFOLIO_LIBRARY
                || name
                    .strip_prefix(PORTFOLIO_LIBRARY)
                    .is_some_and(|rest| rest.starts_with('.'));
            let of_scope = match scope {
                RuleScope::Srm => {
                    !portfolio && (name.starts_with("lib.") || name.starts_with("assess."))
                }
                RuleScope::Portfolio => portfolio,
            };
            of_scope.then_some((name, file))
        })
}

/// The libraries at and below this package (below `srmcheck.`) are
/// evaluated with the portfolio input.
const PORTFOLIO_LIBRARY: &str = "lib.portfolio";

/// A Rego value as JSON, or an error naming the file and the rule.
fn plain(
    value: &Value,
    file: &super::PolicyFile,
    rule: &str,
) -> Result<serde_json::Value, PolicyError> {
    serde_json::to_value(value).map_err(|e| PolicyError::Evaluation {
        file: file.source.name().to_owned(),
        message: format!("`{rule}` is not plain data: {e}"),
    })
}

impl PolicyEngine {
    /// Evaluates the portfolio rules for one MSSP: its `Provider` spec and
    /// the MSSP hours each of its clients in the run takes.
    pub fn evaluate_portfolio(
        &self,
        provider: &NodeRef,
        clients: &[PortfolioClient],
    ) -> Result<Evaluation, PolicyError> {
        let mut engine = self.engine.clone();
        engine.set_input(portfolio_input(provider, clients));
        match engine.eval_rule(batch_path(RuleScope::Portfolio)) {
            Ok(batch) if batch != Value::Undefined => {
                return self.read_batch(&batch, RuleScope::Portfolio)
            }
            _ => engine = self.engine.clone(),
        }
        engine.set_input(portfolio_input(provider, clients));
        Ok(Evaluation {
            outcomes: self.run_rules(&mut engine, RuleScope::Portfolio)?,
            assessments: BTreeMap::new(),
            facts: self.facts(&mut engine, RuleScope::Portfolio)?,
        })
    }

    /// Reads what one evaluation of the batch module of a scope returned.
    fn read_batch(&self, batch: &Value, scope: RuleScope) -> Result<Evaluation, PolicyError> {
        let outcomes = self
            .pack
            .rules()
            .filter(|rule| rule.scope == scope)
            .map(|rule| {
                Ok(RuleOutcome {
                    rule: Arc::clone(rule),
                    violations: violations(rule, &batch["deny"][rule.package.as_str()])?,
                })
            })
            .collect::<Result<Vec<_>, PolicyError>>()?;
        let mut assessments = BTreeMap::new();
        if let Value::Object(results) = &batch["assess"] {
            for (name, result) in results.iter() {
                let Ok(name) = name.as_string() else { continue };
                // `[result]`, or `[]` when the assessment has no result.
                let result = match result {
                    Value::Array(items) => match items.first() {
                        None | Some(Value::Undefined) => continue,
                        Some(first) => first,
                    },
                    other => other,
                };
                let file = self
                    .pack
                    .files
                    .iter()
                    .find(|f| f.package.strip_prefix(ASSESS_PREFIX) == Some(&**name));
                let value = serde_json::to_value(result).map_err(|e| PolicyError::Evaluation {
                    file: file.map_or_else(|| "policy".to_owned(), |f| f.source.name().to_owned()),
                    message: format!("`result` is not plain data: {e}"),
                })?;
                assessments.insert(name.to_string(), value);
            }
        }
        let mut facts = BTreeMap::new();
        for (name, file) in fact_packages(&self.pack, scope) {
            // `[facts]`, or `[]` when the package has none.
            if let Value::Array(items) = &batch["facts"][name] {
                if let Some(value) = items.first().filter(|v| **v != Value::Undefined) {
                    facts.insert(name.to_owned(), plain(value, file, "facts")?);
                }
            }
        }
        Ok(Evaluation {
            outcomes,
            assessments,
            facts,
        })
    }

    /// Evaluates the `deny` set of every rule of one scope on an engine whose
    /// input is set.
    fn run_rules(
        &self,
        engine: &mut Engine,
        scope: RuleScope,
    ) -> Result<Vec<RuleOutcome>, PolicyError> {
        self.pack
            .rules()
            .filter(|rule| rule.scope == scope)
            .map(|rule| {
                let result = engine
                    .eval_rule(deny_path(rule))
                    .map_err(|e| error(&self.pack, &e, Some(&rule.file)))?;
                Ok(RuleOutcome {
                    rule: Arc::clone(rule),
                    violations: violations(rule, &result)?,
                })
            })
            .collect()
    }
}

/// Packages below this prefix assess an SRM as a whole (partnership
/// maturity, SPRS score): their `result` is reported beside the findings.
pub const ASSESS_PREFIX: &str = "srmcheck.assess.";

/// Everything the pack said about one SRM.
#[derive(Debug)]
pub struct Evaluation {
    pub outcomes: Vec<RuleOutcome>,
    /// `result` of each assessment package, by name (`maturity`, `sprs`).
    pub assessments: BTreeMap<String, serde_json::Value>,
    /// `facts` of each library and assessment package that has them, by
    /// package below `srmcheck.` (`lib.review`, `assess.sprs`): what the pack
    /// works out that the evidence report shows (due dates, exception
    /// standing, effort, scales), so that it is worked out in one place.
    pub facts: BTreeMap<String, serde_json::Value>,
}

/// Packages whose `facts` are returned are below this prefix, then `lib.` or
/// `assess.`.
const FACTS_PREFIX: &str = "srmcheck.";

/// The package of the module generated for the pack: it gathers every rule of
/// a scope into one rule, so that one evaluation computes the libraries the
/// rules share once rather than once per rule.
const BATCH_PACKAGE: &str = "srmcheck_batch";

fn batch_path(scope: RuleScope) -> String {
    match scope {
        RuleScope::Srm => format!("data.{BATCH_PACKAGE}.srm"),
        RuleScope::Portfolio => format!("data.{BATCH_PACKAGE}.portfolio"),
    }
}

/// `srm` is `{deny: {package: deny set}, assess: {name: [result]}, facts:
/// {name: [facts]}}` for the SRM rules, assessments and libraries,
/// `portfolio` the same for the portfolio rules.
/// An undefined `deny` leaves the whole batch undefined: the rules are then
/// evaluated one by one.
fn batch_module(pack: &PolicyPack) -> String {
    let assess: Vec<String> = pack
        .files
        .iter()
        .filter(|f| !f.is_test)
        .filter_map(|file| {
            let name = file.package.strip_prefix(ASSESS_PREFIX)?;
            Some(format!(
                "\t{name:?}: [result | result := data.{}.result],\n",
                file.package
            ))
        })
        .collect();
    let facts = |scope| -> String {
        fact_packages(pack, scope)
            .map(|(name, file)| {
                format!(
                    "\t{name:?}: [facts | facts := data.{}.facts],\n",
                    file.package
                )
            })
            .collect()
    };
    let mut text = format!("package {BATCH_PACKAGE}\n\nimport rego.v1\n");
    for (scope, name) in [(RuleScope::Srm, "srm"), (RuleScope::Portfolio, "portfolio")] {
        let denies: Vec<String> = pack
            .rules()
            .filter(|rule| rule.scope == scope)
            .map(|rule| format!("\t{:?}: data.{}.deny,\n", rule.package, rule.package))
            .collect();
        let assess = match scope {
            RuleScope::Srm => assess.concat(),
            RuleScope::Portfolio => String::new(),
        };
        let facts = facts(scope);
        text.push_str(&format!(
            "\n{name} := {{\"deny\": {{\n{}}}, \"assess\": {{\n{assess}}}, \"facts\": {{\n{facts}}}}}\n",
            denies.concat()
        ));
    }
    text
}

/// The batch rule at `path` compiled to RVM bytecode, or `None` when the RVM
/// cannot compile it (the interpreter then evaluates it).
fn compile(engine: &Engine, path: &str) -> Option<Arc<Program>> {
    let compiled = engine
        .clone()
        .compile_with_entrypoint(&Rc::from(path))
        .ok()?;
    Compiler::compile_from_policy(&compiled, &[path]).ok()
}

fn deny_path(rule: &Rule) -> String {
    format!("data.{}.deny", rule.package)
}

/// Reads the `deny` set of a rule: objects with a string `msg`, an optional
/// string `pointer` into the input, and optional `framework` and `control`.
fn violations(rule: &Rule, result: &Value) -> Result<Vec<Violation>, PolicyError> {
    let items: Vec<&Value> = match result {
        Value::Undefined => return Ok(Vec::new()),
        Value::Set(set) => set.iter().collect(),
        Value::Array(array) => array.iter().collect(),
        other => return Err(malformed(rule, &format!("`deny` is {other}, not a set"))),
    };
    items
        .into_iter()
        .map(|item| {
            let text = |key: &str| match &item[key] {
                Value::String(s) => Some(s.to_string()),
                _ => None,
            };
            let message = text("msg").ok_or_else(|| {
                malformed(rule, &format!("a finding has no string `msg`: {item}"))
            })?;
            let pointer = match &item["pointer"] {
                Value::Undefined | Value::Null => String::new(),
                Value::String(s) if s.is_empty() || s.starts_with('/') => s.to_string(),
                other => {
                    return Err(malformed(
                        rule,
                        &format!("`pointer` must be a JSON pointer string, found {other}"),
                    ))
                }
            };
            let control = text("framework").zip(text("control"));
            Ok(Violation {
                message,
                pointer,
                control,
            })
        })
        .collect()
}

/// A finding the rule's `deny` returned that is not one: at the rule's first
/// `deny` head.
fn malformed(rule: &Rule, problem: &str) -> PolicyError {
    let message = format!("rule `{}` returned a malformed finding: {problem}", rule.id);
    match deny_head(&rule.file) {
        Some(span) => {
            let located = Located::new(&rule.file, span, message).with_hint(
                "each element of `deny` is an object with a string `msg` and, optionally, a JSON pointer `pointer` into the input",
            );
            PolicyError::Invalid(Box::new(located))
        }
        None => PolicyError::Evaluation {
            file: rule.file.name().to_owned(),
            message,
        },
    }
}
