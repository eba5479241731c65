//! The command line: `newsgraph build|extract|query|export`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// newsgraph reads news articles and builds a knowledge graph of who holds
/// which office and who negotiated, signed, proposed or rejected which
/// agreement. Every fact keeps the sentence it was read from.
///
/// Typical use:
///
///   newsgraph build examples/seeds                 # into ./newsgraph-store
///   newsgraph query --file examples/queries/who-negotiated.rq
///   newsgraph extract article.txt --format jsonl   # no store, to stdout
///   newsgraph export --format dot -o graph.dot     # then: dot -Tsvg graph.dot
///
/// Exit status: 0 all went well; 1 the run finished but some inputs were
/// skipped (each reported on stderr with its file and line); 2 an error
/// stopped the run (bad arguments, rule files, store).
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, verbatim_doc_comment)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads for reading documents (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar (it is only drawn when stderr is a terminal anyway).
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// Where extraction rules come from.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A directory of extra rule files laid out like `ontology/`
    /// (`lexicons/*.tsv`, `rules/triggers.tsv`); its rows are added to the
    /// built-in ones, and replace rows with the same key.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The date of articles that give none (no JSON-lines "date" and no
    /// dateline such as "01 May 2025, 20:03" near the top), as YYYY-MM-DD.
    /// Relative dates in the text ("on Wednesday", "last week") are read
    /// against an article's date; without one they are left out.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and load their graph into the embedded store.
    ///
    /// INPUT is a file, a directory (read recursively: `*.txt` is one
    /// article, `*.jsonl` one article a line as {"id","text"} with optional
    /// "title", "date", "url") or `-` for standard input. Building into an
    /// existing store adds the documents (a document read again replaces
    /// its old facts) and links the whole corpus again.
    Build {
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// The store directory (created if missing).
        #[arg(long, default_value = "newsgraph-store", value_name = "DIR")]
        store: PathBuf,
        #[command(flatten)]
        rules: RulesArgs,
        /// Stop at the first input that cannot be read.
        #[arg(long)]
        strict: bool,
    },
    /// Read articles and write their graph, without a store.
    Extract {
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        rules: RulesArgs,
        /// Stop at the first input that cannot be read.
        #[arg(long)]
        strict: bool,
    },
    /// Run a SPARQL query on the store.
    ///
    /// The default graph is the union of all graphs; `GRAPH ?g { … }`
    /// reaches one document's mentions and evidence. See
    /// `examples/queries/*.rq` for ready-made questions.
    Query {
        /// The store directory.
        #[arg(long, default_value = "newsgraph-store", value_name = "DIR")]
        store: PathBuf,
        /// The query text.
        #[arg(
            value_name = "QUERY",
            required_unless_present = "file",
            conflicts_with = "file"
        )]
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, value_name = "F.rq")]
        file: Option<PathBuf>,
        /// Output format: an aligned table for people, or a SPARQL results
        /// format for programs.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
    },
    /// Serve a store as a read-only SPARQL 1.1 endpoint.
    ///
    /// `GET /query?query=…` or `POST /query` (an `application/sparql-query`
    /// body, or a form with `query=`) answers in the format the `Accept`
    /// header asks for: `application/sparql-results+json` (the default),
    /// `application/sparql-results+xml`, `text/csv`,
    /// `text/tab-separated-values` (or `format=json|xml|csv|tsv`).
    /// `CONSTRUCT` and `DESCRIBE` answer in N-Triples. Updates are refused
    /// (403); a query that runs too long is stopped (503), one whose answer
    /// is too large is refused (413). Open `http://ADDR/` in a browser to
    /// type queries.
    ///
    ///   newsgraph serve --store newsgraph-store
    ///   curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query
    Serve {
        /// The store directory.
        #[arg(long, default_value = "newsgraph-store", value_name = "DIR")]
        store: PathBuf,
        /// Address to listen on; loopback by default. Port 0 picks a free one.
        #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
        bind: String,
        /// Time limit of one query, in seconds.
        #[arg(long, default_value_t = 10.0, value_name = "SECS")]
        timeout: f64,
        /// Most rows (or triples) an answer may have.
        #[arg(long, default_value_t = 10_000, value_name = "N")]
        max_results: usize,
    },
    /// Runs one query of `serve` (read from standard input) and writes
    /// `STATUS CONTENT-TYPE`, a newline and the answer. Internal.
    #[command(hide = true)]
    ServeQuery {
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        #[arg(long, value_enum, default_value_t = QueryFormat::Json)]
        format: QueryFormat,
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
        #[arg(long, default_value_t = 10_000)]
        max_results: usize,
    },
    /// Extract from INPUT and score the result against a gold file.
    ///
    /// The gold file has the format of `../shared/eval/seeds.gold.json`;
    /// the figures are those of `../shared/eval/score.py`: P/R/F1 per
    /// entity type and relation kind, what was missed and spurious, whether
    /// every mention's offsets slice its text, and a last line
    /// `summary: entity_f1=… relation_f1=… predicate_acc=…`.
    Eval {
        /// The gold file.
        #[arg(long, value_name = "GOLD.json")]
        gold: PathBuf,
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RulesArgs,
    },
    /// Link shards of documents' facts into the store, and bulk-load
    /// N-Quads files.
    ///
    /// A SHARD is a file written by `newsgraph extract --format docfacts`
    /// (one document's facts a line), or an N-Quads file (`*.nq`) loaded as
    /// it is. Documents from all shards and those already in the store are
    /// linked together, so shards read on separate machines load into the
    /// graph of one run over all of them. See `examples/spark/`.
    Load {
        #[arg(required = true, value_name = "SHARD")]
        shards: Vec<PathBuf>,
        /// The store directory (created if missing).
        #[arg(long, default_value = "newsgraph-store", value_name = "DIR")]
        store: PathBuf,
    },
    /// Measure throughput and peak memory on a corpus.
    ///
    /// Writes CORPUS (files, folders or JSON lines, as for `extract`)
    /// REPEAT times over into one temporary JSON-lines file, then times
    /// `extract --format jsonl` with all cores and with one thread, and
    /// `build` into a fresh RocksDB store, each in its own process, and
    /// prints documents, MB, seconds, MB/s and peak resident memory.
    ///
    ///   newsgraph bench ../shared/corpus/bbc-news-fulltext --repeat 10
    Bench {
        #[arg(value_name = "CORPUS", default_value = "examples/seeds")]
        corpus: Vec<PathBuf>,
        /// How many copies of the corpus to run over.
        #[arg(long, default_value_t = 1, value_name = "N")]
        repeat: usize,
    },
    /// Write the store's graph in a format.
    Export {
        /// The store directory.
        #[arg(long, default_value = "newsgraph-store", value_name = "DIR")]
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// DOT: draw only the entity with this name (label, alternate name
        /// or IRI) and its neighbourhood.
        #[arg(long, value_name = "NAME")]
        focus: Option<String>,
        /// DOT with --focus: how many relations away from it to draw.
        #[arg(long, default_value_t = 1, value_name = "N", requires = "focus")]
        depth: usize,
        /// DOT: render the picture with GraphViz's `dot` instead of writing
        /// DOT text (GraphViz must be installed).
        #[arg(long, value_enum, value_name = "FORMAT")]
        render: Option<RenderFormat>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Svg,
    Png,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// JSON lines: document, entity and relation records.
    Jsonl,
    /// N-Quads: one named graph per document, plus the linked facts.
    Nquads,
    /// Turtle: all graphs merged into one.
    Turtle,
    /// TriG: the named graphs kept.
    Trig,
    /// JSON-LD.
    Jsonld,
    /// GraphViz DOT.
    Dot,
    /// Each document's own facts, before linking, one JSON object a line:
    /// the map output that `newsgraph load` links into a store.
    Docfacts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Nquads,
    Turtle,
    Trig,
    Jsonld,
    Jsonl,
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}
