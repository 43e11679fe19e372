//! The result cache: cached runs print what uncached runs print, a change
//! re-checks exactly what it touches, and a bad entry is only a miss.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::harness::{copy, root, Output, Run, AS_OF};

const FORMATS: [&str; 7] = [
    "human", "concise", "json", "sarif", "junit", "github", "gitlab",
];

/// A scratch folder holding copies of the fixture portfolio (`portfolio/`)
/// and of the rule fixtures (`rules/`).
fn project() -> TempDir {
    let dir = TempDir::new().expect("a scratch folder");
    copy(
        &root().join("fixtures/portfolio"),
        &dir.path().join("portfolio"),
    );
    copy(&root().join("fixtures/rules"), &dir.path().join("rules"));
    dir
}

/// `check --verbose` of `paths` in `dir`, with the cache in `dir/cache`.
fn cached(dir: &Path, paths: &[&str]) -> Run {
    Run::check(paths)
        .args(["--verbose", "--cache-dir", "cache"])
        .in_dir(dir)
        .with_cache()
}

/// The hits and misses of a run's `cache:` line.
fn stats(output: &Output) -> (usize, usize) {
    let line = output
        .stderr
        .lines()
        .find(|l| l.starts_with("cache: "))
        .unwrap_or_else(|| panic!("no cache line in\n{}", output.stderr));
    let number = |word: &str| {
        let before = line.split(word).next().expect("the word");
        let digits = before
            .trim_end()
            .rsplit([' ', ','])
            .next()
            .expect("a count");
        digits
            .parse::<usize>()
            .unwrap_or_else(|_| panic!("count in {line}"))
    };
    (number(" hit"), number(" miss"))
}

/// The run with what the cache did taken out of standard error.
fn shown(output: &Output) -> (i32, String, String) {
    let stderr: Vec<&str> = output
        .stderr
        .lines()
        .filter(|l| !l.starts_with("cache: "))
        .collect();
    (output.code, output.stdout.clone(), stderr.join("\n"))
}

fn append(path: &Path, text: &str) {
    let mut contents = std::fs::read_to_string(path).expect("readable");
    contents.push_str(text);
    std::fs::write(path, contents).expect("written");
}

#[test]
fn cold_and_warm_runs_print_what_an_uncached_run_prints_in_every_format() {
    let dir = project();
    let paths = ["portfolio", "rules"];
    for threads in ["1", "2"] {
        let cache = format!("cache-{threads}");
        let run = |format: &str, cache: Option<&str>| {
            let mut run = Run::check(paths)
                .args(["--format", format, "--verbose"])
                .env("RAYON_NUM_THREADS", threads)
                .in_dir(dir.path())
                .with_cache();
            run = match cache {
                Some(cache) => run.args(["--cache-dir", cache]),
                None => run.args(["--no-cache"]),
            };
            run.run()
        };
        let cold = run("json", Some(&cache));
        assert_eq!(stats(&cold).0, 0, "a new cache has no entries");
        let uncached = run("json", None);
        assert_eq!(
            shown(&cold),
            shown(&uncached),
            "json, cold, {threads} threads"
        );
        for format in FORMATS {
            let warm = run(format, Some(&cache));
            let (hits, misses) = stats(&warm);
            assert!(hits > 60, "{format}: {hits} hits");
            // The rule fixtures' broken inputs are checked on every run.
            assert!(misses < 5, "{format}: {misses} misses");
            let uncached = run(format, None);
            assert_eq!(
                shown(&warm),
                shown(&uncached),
                "{format}, warm, {threads} threads"
            );
        }
    }
}

#[test]
fn a_changed_srm_is_checked_again_and_nothing_else() {
    let dir = project();
    let first = cached(dir.path(), &["portfolio"]).run().code(1);
    assert_eq!(stats(&first), (0, 6));
    let warm = cached(dir.path(), &["portfolio"]).run().code(1);
    assert_eq!(stats(&warm), (6, 0));
    assert_eq!(shown(&warm), shown(&first));

    let srm = dir.path().join("portfolio/clients/brightdesk/srm.yaml");
    append(&srm, "# reviewed\n");
    let changed = cached(dir.path(), &["portfolio"]).run().code(1);
    assert_eq!(stats(&changed), (5, 1));
    let uncached = Run::check(["portfolio", "--no-cache"])
        .in_dir(dir.path())
        .run();
    assert_eq!(shown(&changed), shown(&uncached));
}

#[test]
fn a_changed_srm_shows_its_new_lines() {
    let dir = project();
    cached(dir.path(), &["portfolio"]).run().code(1);
    let srm = dir.path().join("portfolio/clients/brightdesk/srm.yaml");
    let text = std::fs::read_to_string(&srm).expect("readable");
    std::fs::write(&srm, format!("# first line\n# second line\n{text}")).expect("written");
    let moved = cached(dir.path(), &["portfolio", "--format", "concise"]).run();
    assert_eq!(stats(&moved).1, 1);
    assert!(
        moved.stdout.contains("brightdesk/srm.yaml:21:7:"),
        "{}",
        moved.stdout
    );
}

#[test]
fn a_changed_provider_or_environment_re_checks_the_srms_that_use_it() {
    let dir = project();
    cached(dir.path(), &["portfolio"]).run().code(1);
    // acme's environment: that file and acme's SRM.
    append(
        &dir.path()
            .join("portfolio/clients/acme-manufacturing/environment.yaml"),
        "# reviewed\n",
    );
    let environment = cached(dir.path(), &["portfolio"]).run();
    assert_eq!(stats(&environment), (4, 2));
    // The provider: it and every client.
    append(&dir.path().join("portfolio/provider.yaml"), "# reviewed\n");
    let provider = cached(dir.path(), &["portfolio"]).run();
    assert_eq!(stats(&provider), (2, 4));
    let uncached = Run::check(["portfolio", "--no-cache"])
        .in_dir(dir.path())
        .run();
    assert_eq!(shown(&provider), shown(&uncached));
}

#[test]
fn a_changed_vendor_responsibilities_file_or_unwalked_provider_re_checks_its_srm() {
    let dir = project();
    let fire = "rules/vendor-responsibility-unowned/fire";
    let first = cached(dir.path(), &[fire]).run().code(1);
    assert_eq!(stats(&first), (0, 2));
    append(
        &dir.path().join(fire).join("aws-responsibilities.yaml"),
        "# reviewed\n",
    );
    assert_eq!(stats(&cached(dir.path(), &[fire]).run()), (0, 2));
    // The provider, outside the folder walked, is a dependency all the same.
    append(&dir.path().join("rules/provider.yaml"), "# reviewed\n");
    assert_eq!(stats(&cached(dir.path(), &[fire]).run()), (1, 1));
    assert_eq!(stats(&cached(dir.path(), &[fire]).run()), (2, 0));
}

#[test]
fn own_policies_configuration_and_the_date_are_part_of_the_key() {
    let dir = project();
    let rule = "# METADATA\n# title: Always\n# description: Always.\n# custom:\n#   id: always-fires\n#   severity: warning\npackage srmcheck.rules.always\n\nimport rego.v1\n\ndeny contains {\"msg\": \"always\"} if true\n";
    std::fs::create_dir_all(dir.path().join("org")).expect("folder");
    std::fs::write(dir.path().join("org/always.rego"), rule).expect("policy");
    let all = |run: Run| stats(&run.run());
    cached(dir.path(), &["portfolio"]).run();
    assert_eq!(all(cached(dir.path(), &["portfolio"])), (6, 0));
    let with_policy = || cached(dir.path(), &["portfolio", "--policy", "org"]);
    assert_eq!(all(with_policy()), (0, 6));
    assert_eq!(all(with_policy()), (6, 0));
    append(&dir.path().join("org/always.rego"), "# changed\n");
    assert_eq!(all(with_policy()), (0, 6));
    let severity = ["portfolio", "--severity", "uncovered-control=warning"];
    assert_eq!(all(cached(dir.path(), &severity)), (0, 6));
    let later = Run::new(["check", "--as-of", "2027-01-05", "portfolio", "--verbose"])
        .args(["--cache-dir", "cache"])
        .in_dir(dir.path())
        .with_cache();
    assert_eq!(all(later), (0, 6));
    std::fs::write(
        dir.path().join("srmcheck.yaml"),
        "severity: {uncovered-control: info}\n",
    )
    .expect("config");
    let configured = cached(dir.path(), &["portfolio"]).run();
    assert_eq!(stats(&configured), (0, 6));
    assert!(
        configured.stdout.contains("note[uncovered-control]"),
        "{}",
        configured.stdout
    );
    // How results are printed is not part of it.
    let formats = cached(
        dir.path(),
        &["portfolio", "--format", "sarif", "--fail-on", "never"],
    );
    assert_eq!(all(formats), (6, 0));
    // Each key's results stay: back to the first, all hits.
    std::fs::remove_file(dir.path().join("srmcheck.yaml")).expect("removed");
    assert_eq!(all(cached(dir.path(), &["portfolio"])), (6, 0));
}

/// Every entry file of the cache at `dir`.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for bucket in std::fs::read_dir(dir).expect("the cache").flatten() {
        if bucket.path().is_dir() {
            for entry in std::fs::read_dir(bucket.path())
                .expect("a bucket")
                .flatten()
            {
                found.push(entry.path());
            }
        }
    }
    found
}

#[test]
fn corrupt_truncated_and_foreign_entries_are_misses() {
    let dir = project();
    let first = cached(dir.path(), &["portfolio"]).run().code(1);
    let stored = entries(&dir.path().join("cache"));
    assert_eq!(stored.len(), 6);
    let damage: [&dyn Fn(&str) -> String; 4] = [
        &|_| "\u{0}\u{1}garbage{{".to_owned(),
        &|text| text[..text.len() / 2].to_owned(),
        &|text| text.replacen("\"tool\":\"", "\"tool\":\"0.0.0-", 1),
        &|text| text.replace("\"hash\":\"", "\"hash\":\"0"),
    ];
    for (i, damaged) in damage.iter().enumerate() {
        for entry in entries(&dir.path().join("cache")) {
            let text = std::fs::read_to_string(&entry).unwrap_or_default();
            std::fs::write(&entry, damaged(&text)).expect("damaged");
        }
        let run = cached(dir.path(), &["portfolio"]).run();
        assert_eq!(stats(&run), (0, 6), "damage {i}");
        assert_eq!(shown(&run), shown(&first), "damage {i}");
        let again = cached(dir.path(), &["portfolio"]).run();
        assert_eq!(stats(&again), (6, 0), "rewritten after damage {i}");
    }
    // A finding placed outside the lines its entry keeps: that entry misses.
    for entry in entries(&dir.path().join("cache")) {
        let text = std::fs::read_to_string(&entry).expect("readable");
        std::fs::write(&entry, text.replace("\"start\":", "\"start\":9999999")).expect("damaged");
    }
    let run = cached(dir.path(), &["portfolio"]).run();
    assert!(stats(&run).1 >= 1, "{}", run.stderr);
    assert_eq!(shown(&run), shown(&first));
}

#[test]
fn the_cache_is_tagged_ignored_and_beside_the_configuration() {
    let dir = project();
    Run::check(["portfolio"])
        .in_dir(dir.path())
        .with_cache()
        .run()
        .code(1);
    let cache = dir.path().join(".srmcheck_cache");
    let tag = std::fs::read_to_string(cache.join("CACHEDIR.TAG")).expect("a tag");
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
    assert_eq!(
        std::fs::read_to_string(cache.join(".gitignore")).expect("ignored"),
        "*\n"
    );

    // From a folder below the configuration file: beside the file.
    std::fs::write(dir.path().join("srmcheck.yaml"), "failOn: error\n").expect("config");
    std::fs::remove_dir_all(&cache).expect("removed");
    Run::check(["."])
        .in_dir(&dir.path().join("portfolio"))
        .with_cache()
        .run()
        .code(1);
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert!(!dir.path().join("portfolio/.srmcheck_cache").exists());

    // `cacheDir`, relative to the configuration file.
    std::fs::write(
        dir.path().join("srmcheck.yaml"),
        "cacheDir: build/results\n",
    )
    .expect("config");
    Run::check(["portfolio"])
        .in_dir(dir.path())
        .with_cache()
        .run()
        .code(1);
    assert!(dir.path().join("build/results/CACHEDIR.TAG").is_file());
}

#[test]
fn no_cache_writes_nothing() {
    let dir = project();
    let run = Run::check(["portfolio", "--no-cache", "--verbose"])
        .in_dir(dir.path())
        .with_cache()
        .run()
        .code(1);
    assert!(!run.stderr.contains("cache:"), "{}", run.stderr);
    let env = Run::check(["portfolio"])
        .env("SRMCHECK_NO_CACHE", "1")
        .in_dir(dir.path())
        .with_cache()
        .run();
    env.code(1);
    std::fs::write(dir.path().join("srmcheck.yaml"), "cache: false\n").expect("config");
    Run::check(["portfolio"])
        .in_dir(dir.path())
        .with_cache()
        .run()
        .code(1);
    assert!(!dir.path().join(".srmcheck_cache").exists());
    assert!(!dir.path().join("portfolio/.srmcheck_cache").exists());
}

#[test]
fn files_with_problems_are_checked_on_every_run() {
    let dir = project();
    std::fs::write(dir.path().join("portfolio/broken.yaml"), "kind: [").expect("written");
    let first = cached(dir.path(), &["portfolio"]).run().code(2);
    let again = cached(dir.path(), &["portfolio"]).run().code(2);
    assert_eq!(stats(&again), (6, 1));
    assert_eq!(shown(&again), shown(&first));
    assert!(again.text().contains("broken.yaml"));
}

#[test]
fn the_report_command_leaves_the_cache_alone() {
    let dir = project();
    Run::new([
        "report",
        "portfolio",
        "--as-of",
        AS_OF,
        "--out",
        "out",
        "--format",
        "json",
    ])
    .in_dir(dir.path())
    .with_cache()
    .run();
    assert!(dir.path().join("out/index.json").is_file());
    assert!(!dir.path().join(".srmcheck_cache").exists());
}
