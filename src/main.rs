//! `newsgraph`: parse the arguments, run, map the outcome to an exit code.

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{Cli, Command, ExportFormat, ExtractFormat, QueryFormat, RulesArgs};
use newsgraph::export::{self, RdfKind, ResultsKind};
use newsgraph::store::GraphStore;
use newsgraph::{link, read_all, read_inputs, DocFacts, KnowledgeGraph, Reader, Rules};

/// What a run ended with.
enum Outcome {
    Ok,
    Skipped(usize),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
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
    Ok(Reader::new(rules)?)
}

/// Reads the inputs and reports what was skipped.
fn read_documents(
    inputs: &[PathBuf],
    reader: &Reader,
    strict: bool,
) -> Result<(Vec<DocFacts>, usize)> {
    let ingested = read_inputs(inputs);
    for p in &ingested.problems {
        eprintln!("newsgraph: skipped {p}");
    }
    if strict && !ingested.problems.is_empty() {
        anyhow::bail!("stopping (--strict): an input could not be read");
    }
    Ok((
        read_all(reader, &ingested.documents),
        ingested.problems.len(),
    ))
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

fn outcome(skipped: usize) -> Outcome {
    if skipped == 0 {
        Outcome::Ok
    } else {
        Outcome::Skipped(skipped)
    }
}

fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Extract {
            inputs,
            format,
            output: out_path,
            rules,
            strict,
        } => {
            let reader = reader(&rules)?;
            let (facts, skipped) = read_documents(&inputs, &reader, strict)?;
            let kg = link(facts);
            let format = match format {
                ExtractFormat::Jsonl => ExportFormat::Jsonl,
                ExtractFormat::Nquads => ExportFormat::Nquads,
                ExtractFormat::Turtle => ExportFormat::Turtle,
                ExtractFormat::Trig => ExportFormat::Trig,
                ExtractFormat::Jsonld => ExportFormat::Jsonld,
                ExtractFormat::Dot => ExportFormat::Dot,
            };
            let mut out = output(out_path.as_deref())?;
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
            let (facts, skipped) = read_documents(&inputs, &reader, strict)?;
            let gs = GraphStore::open(&store)?;
            // Documents already in the store stay, unless read again.
            let mut all = gs.docfacts()?;
            let new_ids: std::collections::BTreeSet<&str> =
                facts.iter().map(|f| f.doc.id.as_str()).collect();
            all.retain(|f| !new_ids.contains(f.doc.id.as_str()));
            let added = facts.len();
            all.extend(facts);
            all.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
            let kg = link(all.clone());
            let quads = export::to_quads(&kg);
            let n_quads = quads.len();
            gs.replace(&all, quads)?;
            eprintln!(
                "newsgraph: {} document(s) read, {} in the store {}: {} entities, {} relations, {} quads",
                added,
                all.len(),
                store.display(),
                kg.graph.node_count(),
                kg.graph.edge_count(),
                n_quads
            );
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
        Command::Export {
            store,
            format,
            output: out_path,
        } => {
            let gs = GraphStore::open_read_only(&store)?;
            let kg = link(gs.docfacts()?);
            let mut out = output(out_path.as_deref())?;
            write_graph(&kg, format, &mut out)?;
            Ok(Outcome::Ok)
        }
    }
}
