//! `newsgraph bench`: throughput and peak memory of `extract` and `build`
//! on a corpus, each run as a child process of this same binary so that its
//! peak memory is its own.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use newsgraph::Plan;

/// A child reports its peak resident memory into the file this variable
/// names, when it ends.
pub const PEAK_RSS_ENV: &str = "NEWSGRAPH_PEAK_RSS_FILE";

/// Writes this process's peak resident set (kB, from `/proc/self/status`)
/// to the file named by [`PEAK_RSS_ENV`], when it is set.
pub fn report_peak_rss() {
    let Some(path) = std::env::var_os(PEAK_RSS_ENV) else {
        return;
    };
    if let Some(kb) = peak_rss_kb() {
        // Best effort: a bench that cannot read it prints "?".
        let _ = fs::write(path, kb.to_string());
    }
}

fn peak_rss_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One measured run.
struct Run {
    name: String,
    seconds: f64,
    peak_kb: Option<u64>,
}

/// Runs the benchmark and prints its table.
pub fn run(
    corpus: &[PathBuf],
    repeat: usize,
    threads: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    let work = tempdir()?;
    let jsonl = work.join("corpus.jsonl");
    let (documents, bytes) = write_corpus(corpus, repeat, &jsonl)?;
    if documents == 0 {
        bail!("no documents in {}", show(corpus));
    }
    let mb = bytes as f64 / 1e6;
    let exe = std::env::current_exe().context("cannot find the newsgraph binary")?;
    let threads_arg = |n: Option<usize>| n.map(|n| vec!["--threads".to_string(), n.to_string()]);
    let mut runs = Vec::new();
    let extract = |n: Option<usize>| -> Vec<String> {
        let mut a = vec![
            "extract".to_string(),
            jsonl.display().to_string(),
            "--format".into(),
            "jsonl".into(),
            "-o".into(),
            "/dev/null".into(),
        ];
        a.extend(threads_arg(n).unwrap_or_default());
        a
    };
    let all = match threads {
        Some(n) => format!("extract, {n} threads"),
        None => "extract, all cores".to_string(),
    };
    runs.push(child(&exe, &work, &all, &extract(threads))?);
    if threads != Some(1) {
        runs.push(child(&exe, &work, "extract, 1 thread", &extract(Some(1)))?);
    }
    let store = work.join("store");
    let mut build = vec![
        "build".to_string(),
        jsonl.display().to_string(),
        "--store".into(),
        store.display().to_string(),
    ];
    build.extend(threads_arg(threads).unwrap_or_default());
    runs.push(child(&exe, &work, "build (RocksDB store)", &build)?);

    writeln!(
        out,
        "corpus: {} ×{repeat}: {documents} documents, {mb:.1} MB",
        show(corpus)
    )?;
    writeln!(
        out,
        "{:<24} {:>10} {:>9} {:>9} {:>8} {:>13}",
        "stage", "documents", "MB", "seconds", "MB/s", "peak RSS (MB)"
    )?;
    for r in &runs {
        let peak = r
            .peak_kb
            .map(|kb| format!("{:.0}", kb as f64 / 1024.0))
            .unwrap_or_else(|| "?".into());
        writeln!(
            out,
            "{:<24} {:>10} {:>9.1} {:>9.2} {:>8.1} {:>13}",
            r.name,
            documents,
            mb,
            r.seconds,
            mb / r.seconds.max(1e-9),
            peak
        )?;
    }
    fs::remove_dir_all(&work).with_context(|| format!("cannot remove {}", work.display()))?;
    Ok(())
}

fn show(corpus: &[PathBuf]) -> String {
    corpus
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fresh working directory under the system's temporary directory.
fn tempdir() -> Result<PathBuf> {
    let base = std::env::temp_dir();
    for n in 0..1000u32 {
        let dir = base.join(format!("newsgraph-bench-{}-{n}", std::process::id()));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", dir.display())),
        }
    }
    bail!("cannot create a working directory in {}", base.display())
}

/// Writes the corpus `repeat` times over as one JSON-lines file (copy k's
/// ids prefixed `k/`), streaming: one document in memory at a time.
fn write_corpus(corpus: &[PathBuf], repeat: usize, path: &Path) -> Result<(usize, u64)> {
    let plan = Plan::new(corpus);
    let file = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut w = BufWriter::new(file);
    let (mut documents, mut bytes) = (0usize, 0u64);
    let mut failure: Option<anyhow::Error> = None;
    for k in 0..repeat.max(1) {
        plan.for_each(&mut |item| {
            let Ok(doc) = item else {
                return ControlFlow::Continue(());
            };
            let record = serde_json::json!({"id": format!("{k}/{}", doc.id), "text": doc.text});
            let written = serde_json::to_writer(&mut w, &record)
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(w.write_all(b"\n")?));
            if let Err(e) = written {
                failure = Some(e);
                return ControlFlow::Break(());
            }
            documents += 1;
            bytes += doc.text.len() as u64;
            ControlFlow::Continue(())
        });
        if let Some(e) = failure.take() {
            return Err(e.context(format!("cannot write {}", path.display())));
        }
    }
    w.flush()?;
    Ok((documents, bytes))
}

fn child(exe: &Path, work: &Path, name: &str, args: &[String]) -> Result<Run> {
    let peak_file = work.join("peak-rss");
    let _ = fs::remove_file(&peak_file);
    let start = Instant::now();
    let status = Command::new(exe)
        .args(args)
        .arg("--quiet")
        .env(PEAK_RSS_ENV, &peak_file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    if !status.success() {
        bail!("`newsgraph {}` failed ({status})", args.join(" "));
    }
    let peak_kb = fs::read_to_string(&peak_file)
        .ok()
        .and_then(|s| s.trim().parse().ok());
    Ok(Run {
        name: name.to_string(),
        seconds,
        peak_kb,
    })
}
