//! Criterion benchmarks of the hot stages on the bundled seed articles:
//! segmentation, reading one document (recognise + relations), and linking.
//! Whole-corpus throughput and peak memory: `newsgraph bench CORPUS`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsgraph::{link, read_all, read_inputs, Reader, Rules};

fn stages(c: &mut Criterion) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds");
    let docs = read_inputs(&[seeds]).documents;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let rules = Rules::builtin().unwrap();
    let abbreviations = rules.abbreviations.clone();
    let reader = Reader::new(rules).unwrap();

    let mut g = c.benchmark_group("seeds");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(newsgraph::segment::segment(&d.text, &abbreviations));
            }
        })
    });
    g.bench_function("read", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(reader.read(d));
            }
        })
    });
    let facts = read_all(&reader, &docs);
    g.bench_function("link", |b| b.iter(|| black_box(link(facts.clone()))));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
