//! `newsgraph`: parse the arguments, run, map the outcome to an exit code.

mod bench;
mod cli;

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use cli::{Cli, Command, ExportFormat, ExtractFormat, QueryFormat, RulesArgs};
use newsgraph::export::{self, RdfKind, ResultsKind};
use newsgraph::store::GraphStore;
use newsgraph::{
    link, read_all, read_inputs, read_stream, DocFacts, KnowledgeGraph, Plan, Progress, Reader,
    Rules,
};

/// Many small strings are made and dropped per document, and all of a
/// corpus's facts are held until they are linked: mimalloc is faster at
/// that than the system allocator and packs small blocks more tightly.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a run ended with.
enum Outcome {
    Ok,
    Skipped(usize),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run(cli);
    bench::report_peak_rss();
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Skipped(n)) => {
            eprintln!("newsgraph: {n} input(s) skipped; see the messages above");
            ExitCode::from(1)
        }
        Err(e) => {
            // A closed pipe (`newsgraph … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn reader(args: &RulesArgs) -> Result<Reader> {
    let mut rules = Rules::builtin().context("the built-in rules are broken")?;
    if let Some(dir) = &args.rules {
        rules = rules
            .with_user_dir(dir)
            .with_context(|| format!("cannot use the rules in {}", dir.display()))?;
    }
    let mut reader = Reader::new(rules)?;
    if let Some(date) = &args.date {
        let day = newsgraph::read::time::parse_iso(date)
            .filter(|_| date.trim().len() == 10)
            .with_context(|| format!("--date {date}: not a date of the form YYYY-MM-DD"))?;
        reader.default_date = Some(day.to_string());
    }
    Ok(reader)
}

/// Text read per batch: each batch is read in parallel, and only one is
/// held in memory at a time.
const BATCH_BYTES: usize = 4 << 20;

/// A progress bar on stderr: documents, MB, MB/s and ETA; hidden with
/// `--quiet` or when stderr is not a terminal.
fn progress_bar(total_bytes: u64, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = if total_bytes > 0 {
        (
            ProgressBar::new(total_bytes),
            "{elapsed_precise} {bar:30} {decimal_bytes}/{decimal_total_bytes} \
             {decimal_bytes_per_sec} ETA {eta} {msg}",
        )
    } else {
        (
            ProgressBar::new_spinner(),
            "{elapsed_precise} {spinner} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
        )
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Reads the inputs, streaming, and reports what was skipped as it goes.
fn read_documents(
    inputs: &[PathBuf],
    reader: &Reader,
    strict: bool,
    quiet: bool,
) -> Result<(Vec<DocFacts>, usize)> {
    let plan = Plan::new(inputs);
    let bar = progress_bar(plan.total_bytes, quiet);
    let read = read_stream(reader, &plan, BATCH_BYTES, strict, &mut |p| match p {
        Progress::Problem(p) => bar.suspend(|| eprintln!("newsgraph: skipped {p}")),
        Progress::Read { documents, bytes } => {
            bar.set_position(bytes);
            bar.set_message(format!("{documents} documents"));
        }
    });
    bar.finish_and_clear();
    if strict && !read.problems.is_empty() {
        anyhow::bail!("stopping (--strict): an input could not be read");
    }
    Ok((read.facts, read.problems.len()))
}

fn output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

fn write_graph(kg: &KnowledgeGraph, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    let rdf = match format {
        ExportFormat::Jsonl => return Ok(export::write_jsonl(kg, out)?),
        ExportFormat::Dot => return Ok(export::write_dot(kg, out)?),
        ExportFormat::Nquads => RdfKind::NQuads,
        ExportFormat::Turtle => RdfKind::Turtle,
        ExportFormat::Trig => RdfKind::TriG,
        ExportFormat::Jsonld => RdfKind::JsonLd,
    };
    export::write_rdf(&export::to_quads(kg), rdf, &mut *out)?;
    out.flush()?;
    Ok(())
}

/// Adds documents' facts to a store (a document already there is replaced),
/// links the whole corpus again and loads its graph.
fn store_documents(gs: &GraphStore, dir: &Path, facts: Vec<DocFacts>) -> Result<()> {
    let mut all = gs.docfacts()?;
    let new_ids: BTreeSet<&str> = facts.iter().map(|f| f.doc.id.as_str()).collect();
    all.retain(|f| !new_ids.contains(f.doc.id.as_str()));
    let added = facts.len();
    all.extend(facts);
    all.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let kg = newsgraph::link::link_slice(&all);
    let n_quads = gs.replace(&all, |sink| export::for_each_quad(&kg, sink))?;
    eprintln!(
        "newsgraph: {} document(s) read, {} in the store {}: {} entities, {} relations, {} quads",
        added,
        all.len(),
        dir.display(),
        kg.graph.node_count(),
        kg.graph.edge_count(),
        n_quads
    );
    Ok(())
}

/// Renders DOT text with GraphViz's `dot`.
fn render_dot(dot: &[u8], format: cli::RenderFormat) -> Result<Vec<u8>> {
    let flag = match format {
        cli::RenderFormat::Svg => "-Tsvg",
        cli::RenderFormat::Png => "-Tpng",
    };
    let mut child = match std::process::Command::new("dot")
        .arg(flag)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => anyhow::bail!(
            "--render needs GraphViz's `dot`, which is not installed: \
             `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS), \
             or drop --render to write the DOT text"
        ),
        Err(e) => return Err(e).context("cannot run GraphViz's `dot`"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(dot)
            .context("cannot hand the graph to `dot`")?;
    }
    let done = child
        .wait_with_output()
        .context("cannot run GraphViz's `dot`")?;
    if !done.status.success() {
        anyhow::bail!(
            "`dot` failed: {}",
            String::from_utf8_lossy(&done.stderr).trim()
        );
    }
    Ok(done.stdout)
}

fn seconds(s: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(s)
        .context("--timeout must be a positive number of seconds")
}

fn outcome(skipped: usize) -> Outcome {
    if skipped == 0 {
        Outcome::Ok
    } else {
        Outcome::Skipped(skipped)
    }
}

fn run(cli: Cli) -> Result<Outcome> {
    if let Some(n) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let quiet = cli.quiet;
    match cli.command {
        Command::Extract {
            inputs,
            format,
            output: out_path,
            rules,
            strict,
        } => {
            let reader = reader(&rules)?;
            let (facts, skipped) = read_documents(&inputs, &reader, strict, quiet)?;
            let mut out = output(out_path.as_deref())?;
            let format = match format {
                ExtractFormat::Docfacts => {
                    for f in &facts {
                        serde_json::to_writer(&mut out, f)?;
                        out.write_all(b"\n")?;
                    }
                    out.flush()?;
                    return Ok(outcome(skipped));
                }
                ExtractFormat::Jsonl => ExportFormat::Jsonl,
                ExtractFormat::Nquads => ExportFormat::Nquads,
                ExtractFormat::Turtle => ExportFormat::Turtle,
                ExtractFormat::Trig => ExportFormat::Trig,
                ExtractFormat::Jsonld => ExportFormat::Jsonld,
                ExtractFormat::Dot => ExportFormat::Dot,
            };
            let kg = link(facts);
            write_graph(&kg, format, &mut out)?;
            Ok(outcome(skipped))
        }
        Command::Build {
            inputs,
            store,
            rules,
            strict,
        } => {
            let reader = reader(&rules)?;
            let (facts, skipped) = read_documents(&inputs, &reader, strict, quiet)?;
            let gs = GraphStore::open(&store)?;
            store_documents(&gs, &store, facts)?;
            Ok(outcome(skipped))
        }
        Command::Query {
            store,
            query,
            file,
            format,
        } => {
            let text = match (query, file) {
                (Some(q), _) => q,
                (None, Some(f)) => std::fs::read_to_string(&f)
                    .with_context(|| format!("cannot read the query file {}", f.display()))?,
                (None, None) => anyhow::bail!("give a QUERY or --file F.rq"),
            };
            let gs = GraphStore::open_read_only(&store)?;
            let answer = gs.query(&text)?;
            let kind = match format {
                QueryFormat::Table => ResultsKind::Table,
                QueryFormat::Csv => ResultsKind::Csv,
                QueryFormat::Tsv => ResultsKind::Tsv,
                QueryFormat::Json => ResultsKind::Json,
                QueryFormat::Xml => ResultsKind::Xml,
            };
            let mut out = output(None)?;
            export::write_answer(&answer, kind, &mut out)?;
            out.flush()?;
            Ok(Outcome::Ok)
        }
        Command::Eval {
            gold,
            inputs,
            rules,
        } => {
            let gold_text = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read the gold file {}", gold.display()))?;
            let gold_data: newsgraph::eval::Gold = serde_json::from_str(&gold_text)
                .with_context(|| format!("{}: not a gold file", gold.display()))?;
            let reader = reader(&rules)?;
            let ingested = read_inputs(&inputs);
            for p in &ingested.problems {
                eprintln!("newsgraph: skipped {p}");
            }
            let texts = ingested
                .documents
                .iter()
                .map(|d| (d.id.clone(), d.text.chars().collect::<Vec<char>>()))
                .collect();
            let kg = link(read_all(&reader, &ingested.documents));
            let mut jsonl = Vec::new();
            export::write_jsonl(&kg, &mut jsonl)?;
            let records: Vec<serde_json::Value> = jsonl
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .map(serde_json::from_slice)
                .collect::<Result<_, _>>()?;
            let mut report = newsgraph::eval::score(&gold_data, &records);
            report.offsets = Some(newsgraph::eval::check_offsets(&records, &texts));
            let mut out = output(None)?;
            writeln!(out, "{report}")?;
            out.flush()?;
            Ok(outcome(ingested.problems.len()))
        }
        Command::Load { shards, store } => {
            let gs = GraphStore::open(&store)?;
            let mut facts: Vec<DocFacts> = Vec::new();
            let mut seen = BTreeSet::new();
            let mut skipped = 0;
            for shard in &shards {
                if shard.extension().and_then(|e| e.to_str()) == Some("nq") {
                    let n = gs.load_nquads(shard)?;
                    eprintln!("newsgraph: {}: {n} quads loaded", shard.display());
                    continue;
                }
                for f in newsgraph::store::read_docfacts(shard)? {
                    if seen.insert(f.doc.id.clone()) {
                        facts.push(f);
                    } else {
                        eprintln!(
                            "newsgraph: skipped {}: {}",
                            shard.display(),
                            newsgraph::ingest::duplicate(&f.doc.id)
                        );
                        skipped += 1;
                    }
                }
            }
            if !facts.is_empty() {
                store_documents(&gs, &store, facts)?;
            }
            Ok(outcome(skipped))
        }
        Command::Serve {
            store,
            bind,
            timeout,
            max_results,
        } => {
            // Fail now, not at the first query, when the store is missing.
            drop(GraphStore::open_read_only(&store)?);
            let options = newsgraph::serve::ServeOptions {
                bind,
                timeout: seconds(timeout)?,
                max_results,
                store: store.clone(),
                program: std::env::current_exe()
                    .context("cannot find the newsgraph program to run queries")?,
                ..Default::default()
            };
            newsgraph::serve::serve(&options, |addr| {
                eprintln!(
                    "newsgraph: serving {} read-only on http://{addr}/ (SPARQL endpoint http://{addr}/query)",
                    store.display()
                );
            })?;
            Ok(Outcome::Ok)
        }
        Command::ServeQuery {
            store,
            format,
            timeout,
            max_results,
        } => {
            let mut query = String::new();
            io::stdin()
                .read_to_string(&mut query)
                .context("cannot read the query")?;
            let kind = match format {
                QueryFormat::Csv => ResultsKind::Csv,
                QueryFormat::Tsv => ResultsKind::Tsv,
                QueryFormat::Xml => ResultsKind::Xml,
                QueryFormat::Json | QueryFormat::Table => ResultsKind::Json,
            };
            let limits = newsgraph::store::Limits {
                timeout: Some(seconds(timeout)?),
                max_results: Some(max_results),
            };
            let (status, content_type, body) = match GraphStore::open_read_only(&store) {
                Ok(gs) => newsgraph::serve::answer_query(&gs, &query, kind, &limits),
                Err(e) => (
                    500,
                    "text/plain; charset=utf-8".into(),
                    e.to_string().into_bytes(),
                ),
            };
            let mut out = output(None)?;
            writeln!(out, "{status} {content_type}")?;
            out.write_all(&body)?;
            out.flush()?;
            Ok(Outcome::Ok)
        }
        Command::Bench { corpus, repeat } => {
            let mut out = output(None)?;
            bench::run(&corpus, repeat, cli.threads, &mut out)?;
            out.flush()?;
            Ok(Outcome::Ok)
        }
        Command::Export {
            store,
            format,
            output: out_path,
            focus,
            depth,
            render,
        } => {
            if (focus.is_some() || render.is_some()) && format != ExportFormat::Dot {
                anyhow::bail!("--focus and --render go with --format dot");
            }
            let gs = GraphStore::open_read_only(&store)?;
            let kg = link(gs.docfacts()?);
            let mut out = output(out_path.as_deref())?;
            if format != ExportFormat::Dot {
                write_graph(&kg, format, &mut out)?;
                return Ok(Outcome::Ok);
            }
            let only = match &focus {
                Some(name) => Some(export::dot::neighbourhood(&kg, name, depth).with_context(
                    || format!("no entity is named {name:?} in {}", store.display()),
                )?),
                None => None,
            };
            let mut dot = Vec::new();
            export::dot::write_dot_of(&kg, only.as_ref(), &mut dot)?;
            match render {
                None => out.write_all(&dot)?,
                Some(r) => out.write_all(&render_dot(&dot, r)?)?,
            }
            out.flush()?;
            Ok(Outcome::Ok)
        }
    }
}
