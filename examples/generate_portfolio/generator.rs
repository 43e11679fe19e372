//! A deterministic portfolio of SRMs for scale tests and benchmarks: one MSSP and
//! N clients on ISO/IEC 27001:2022 and CMMC 2.0 Level 2 (about 150 rows each),
//! hybrid, SaaS-only and on-prem, about a fifth of them with planted defects
//! listed in `planted.json`. Std only, with its own PRNG: the output depends on
//! the seed, the as-of date and the catalogs alone.
//!
//! Shared by the `generate_portfolio` example, the `pipeline` benchmark and the
//! `scale` integration test; each uses part of it.
#![allow(dead_code)]

mod catalog;
mod client;
mod plant;
mod render;
mod surroundings;
mod tables;

use std::fs;
use std::path::{Path, PathBuf};

pub use catalog::Catalogs;
use client::{Client, Defect};

/// The date the generated documents are valid on (review dates, expiries).
pub const DEFAULT_AS_OF: &str = "2026-11-22";

/// What to generate and where.
pub struct Options {
    pub clients: usize,
    pub seed: u64,
    pub out: PathBuf,
    /// The folder of the framework catalogs and `knowledge/` (the repository's `frameworks/`).
    pub frameworks: PathBuf,
    pub as_of: String,
}

/// What was written.
pub struct Summary {
    pub clients: usize,
    pub defective: usize,
    pub defects: usize,
    pub rows: usize,
    pub files: usize,
    pub bytes: u64,
}

/// The folder of the repository's framework catalogs.
pub fn default_frameworks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks")
}

/// Writes `provider.yaml`, `clients/<name>/srm.yaml` (and `environment.yaml`
/// for hybrid and on-prem clients) and `planted.json` under `options.out`.
/// Refuses to write into an existing `clients/` folder.
pub fn generate(options: &Options) -> Result<Summary, String> {
    let as_of = Day::parse(&options.as_of)?;
    let catalogs = Catalogs::read(&options.frameworks)?;
    let clients_dir = options.out.join("clients");
    if clients_dir.exists() {
        return Err(format!(
            "{} already exists: remove it first",
            clients_dir.display()
        ));
    }
    fs::create_dir_all(&clients_dir).map_err(|e| io_error(&clients_dir, e))?;
    let names = tables::names(options.seed, options.clients);
    let by_index = write_clients(options, &catalogs, &names, &clients_dir, as_of);
    let mut summary = Summary {
        clients: names.len(),
        defective: 0,
        defects: 0,
        rows: 0,
        files: 2,
        bytes: 0,
    };
    let mut mssp_hours = 0u64;
    let mut planted = Vec::new();
    for (name, w) in names.iter().zip(by_index) {
        let w = w?;
        summary.defective += usize::from(!w.defects.is_empty());
        summary.defects += w.defects.len();
        summary.rows += w.rows;
        summary.files += w.files;
        summary.bytes += w.bytes;
        mssp_hours += w.mssp_hours;
        planted.push((name.as_str(), w.defects));
    }
    // Room for every client's MSSP hours with a quarter to spare, in hundreds.
    let capacity = (mssp_hours * 5 / 4).div_ceil(100).max(1) * 100;
    let provider = render::provider(capacity);
    summary.bytes += provider.len() as u64;
    write(&options.out.join("provider.yaml"), &provider)?;
    let json = render::planted(options.seed, &options.as_of, &planted);
    summary.bytes += json.len() as u64;
    write(&options.out.join("planted.json"), &json)?;
    Ok(summary)
}

/// Builds and writes every client, on as many threads as there are cores,
/// client `i` from its own seed; the results in client order.
fn write_clients(
    options: &Options,
    catalogs: &Catalogs,
    names: &[String],
    clients_dir: &Path,
    as_of: Day,
) -> Vec<Result<Written, String>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let written: Vec<Vec<(usize, Result<Written, String>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..names.len())
                        .step_by(threads)
                        .map(|i| {
                            let mut rng = Rng::new(mix(options.seed, i as u64));
                            let client = Client::build(catalogs, &mut rng, &names[i], as_of);
                            (i, write_client(clients_dir, &client, options.seed, i))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a generator thread"))
            .collect()
    });
    let mut by_index: Vec<Option<Result<Written, String>>> =
        (0..names.len()).map(|_| None).collect();
    for (i, w) in written.into_iter().flatten() {
        by_index[i] = Some(w);
    }
    by_index
        .into_iter()
        .map(|w| w.expect("every client generated"))
        .collect()
}

/// One client as written.
struct Written {
    defects: Vec<Defect>,
    mssp_hours: u64,
    rows: usize,
    files: usize,
    bytes: u64,
}

fn write_client(
    clients_dir: &Path,
    client: &Client,
    seed: u64,
    index: usize,
) -> Result<Written, String> {
    let dir = clients_dir.join(&client.name);
    fs::create_dir_all(&dir).map_err(|e| io_error(&dir, e))?;
    let srm = render::srm(client, seed, index);
    write(&dir.join("srm.yaml"), &srm)?;
    let mut written = Written {
        defects: client.defects.clone(),
        mssp_hours: client.rows.iter().map(|r| u64::from(r.effort.0)).sum(),
        rows: client.rows.len(),
        files: 1,
        bytes: srm.len() as u64,
    };
    if let Some(environment) = render::environment_file(client) {
        write(&dir.join("environment.yaml"), &environment)?;
        written.files += 1;
        written.bytes += environment.len() as u64;
    }
    Ok(written)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, error: std::io::Error) -> String {
    format!("{}: {error}", path.display())
}

/// splitmix64: a tiny PRNG whose output never changes with crate versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True `p` times in a hundred.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// The seed of client `index`'s own stream: independent of the order of generation.
fn mix(seed: u64, index: u64) -> u64 {
    Rng::new(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03)).next_u64()
}

/// A calendar day, counted from 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(i64);

impl Day {
    pub fn parse(text: &str) -> Result<Day, String> {
        let bad = || format!("`{text}` is not a date (YYYY-MM-DD)");
        let mut parts = text.split('-').map(|p| p.parse::<i64>().map_err(|_| bad()));
        let (y, m, d) = (
            parts.next().ok_or_else(bad)??,
            parts.next().ok_or_else(bad)??,
            parts.next().ok_or_else(bad)??,
        );
        if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return Err(bad());
        }
        // Days from civil (H. Hinnant's algorithm).
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Ok(Day(era * 146_097 + doe - 719_468))
    }

    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}
