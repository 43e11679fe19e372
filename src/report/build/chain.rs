//! The portfolio's responsibility chain: per vendor, the clients that leave
//! some of what it publishes for its customers unowned — the findings (that
//! count) pointing into the vendor's published responsibilities.

use std::collections::BTreeMap;

use crate::report::model::{ChainClient, ClientPage, VendorChain};
use crate::report::paths::normal;

/// Per vendor name, each client with findings in its published responsibilities.
pub fn vendor_chain(clients: &[ClientPage]) -> Vec<VendorChain> {
    let mut by_vendor: BTreeMap<String, Vec<ChainClient>> = BTreeMap::new();
    for page in clients {
        let dir = page.file.rsplit_once('/').map_or("", |(dir, _)| dir);
        let published: Vec<(String, &str)> = page
            .parties
            .vendors
            .iter()
            .filter_map(|v| {
                let path = v.responsibilities.as_deref()?;
                let file = match dir.is_empty() {
                    true => normal(path),
                    false => normal(&format!("{dir}/{path}")),
                };
                Some((file, v.name.as_str()))
            })
            .collect();
        let mut left: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for item in page.findings.iter().flat_map(|r| &r.findings) {
            let file = normal(&item.file);
            let Some((_, vendor)) = published.iter().find(|(f, _)| *f == file) else {
                continue;
            };
            if !item.excepted {
                let what = item.control.clone().unwrap_or_else(|| item.message.clone());
                left.entry(vendor).or_default().push(what);
            }
        }
        for (vendor, mut controls) in left {
            controls.dedup();
            by_vendor
                .entry(vendor.to_owned())
                .or_default()
                .push(ChainClient {
                    name: page.title.clone(),
                    link: page.links.page.clone(),
                    controls,
                });
        }
    }
    by_vendor
        .into_iter()
        .map(|(vendor, clients)| VendorChain { vendor, clients })
        .collect()
}
