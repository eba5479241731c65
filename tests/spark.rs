//! The Spark example (`examples/spark/`) in local mode: the graph of shards
//! read in partitions and linked by `newsgraph load` equals one build.
//!
//! It needs `python3` with `pyspark` and a Java runtime. Without them the
//! test says so and passes, unless `NEWSGRAPH_REQUIRE_SPARK=1` (set by
//! `.ci/run`, which installs them), where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

fn have_pyspark() -> bool {
    Command::new("python3")
        .args(["-c", "import pyspark"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn spark_shards_equal_one_build() {
    if !have_pyspark() {
        assert!(
            std::env::var("NEWSGRAPH_REQUIRE_SPARK").as_deref() != Ok("1"),
            "pyspark is required (NEWSGRAPH_REQUIRE_SPARK=1) but cannot be imported"
        );
        eprintln!("skipped: python3 cannot import pyspark");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = env!("CARGO_BIN_EXE_newsgraph");
    let dir = tempfile::tempdir().unwrap();
    // The seeds as a JSON-lines corpus.
    let corpus = dir.path().join("corpus.jsonl");
    let mut lines = String::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("examples/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in &files {
        let id = f.file_stem().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(f).unwrap();
        lines.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let (shards, sharded, whole) = (
        dir.path().join("shards"),
        dir.path().join("sharded"),
        dir.path().join("whole"),
    );
    let status = Command::new("python3")
        .arg(root.join("examples/spark/newsgraph_spark.py"))
        .args([&corpus, &shards])
        .args(["--newsgraph", exe, "--partitions", "3", "--store"])
        .arg(&sharded)
        .status()
        .unwrap();
    assert!(status.success(), "the Spark job failed");
    let shard_count = std::fs::read_dir(&shards)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("part-")
        })
        .count();
    assert!(shard_count >= 2, "{shard_count} shards");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = Command::new(exe).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&[
        "build".as_ref(),
        corpus.as_os_str(),
        "--store".as_ref(),
        whole.as_os_str(),
    ]);
    for format in ["nquads", "jsonl"] {
        let export = |store: &Path| {
            run(&[
                "export".as_ref(),
                "--store".as_ref(),
                store.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ])
        };
        assert!(export(&sharded) == export(&whole), "{format} differs");
    }
}
