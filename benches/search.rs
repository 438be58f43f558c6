//! Search latency on a built database: runs a fixed mix of queries (common and rare words,
//! prefixes, Cyrillic, Hangul, Chinese, hostile input) many times and prints p50, p95 and p99.
//!
//!     cargo bench --bench search -- DB_FILE [ROUNDS]
//!
//! Used by bench/run on the 100,000-site corpus; the figures go into docs/performance.md.

use std::time::{Duration, Instant};

use memorial_atlas::db::Database;

const QUERIES: &[&str] = &[
    "memorial",
    "cemetery",
    "victory day",
    "soviet soldiers",
    "pyong",
    "liberation monument",
    "Korea",
    "obelisk",
    "war graves 1945",
    "Памятник",
    "освобождения",
    "해방",
    "기념비",
    "纪念",
    "烈士陵园",
    "\"unbalanced",
    "NEAR(a b",
    "a:b-c*",
    "zzzqqq",
    "the",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench search -- DB_FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let db = match Database::open(std::path::Path::new(path), false) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    // Warm the page cache and the prepared statements once.
    for q in QUERIES {
        let _ = db.search(q, memorial_atlas::lang::Lang::En, 20, 0);
    }
    let mut all = Vec::with_capacity(rounds * QUERIES.len());
    let mut per_query: Vec<(String, Vec<Duration>, i64)> = QUERIES
        .iter()
        .map(|q| (q.to_string(), Vec::new(), 0))
        .collect();
    for _ in 0..rounds {
        for (q, times, total) in per_query.iter_mut() {
            let t = Instant::now();
            let r = db
                .search(q, memorial_atlas::lang::Lang::En, 20, 0)
                .map(|r| r.total)
                .unwrap_or(-1);
            let d = t.elapsed();
            times.push(d);
            all.push(d);
            *total = r;
        }
    }
    all.sort();
    println!("query\tresults\tp50_ms\tp95_ms");
    for (q, mut times, total) in per_query {
        times.sort();
        println!(
            "{q}\t{total}\t{:.3}\t{:.3}",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3
        );
    }
    println!(
        "ALL\t{} searches\tp50={:.3} ms\tp95={:.3} ms\tp99={:.3} ms",
        all.len(),
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.95).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3
    );
}
