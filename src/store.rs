//! The embedded store: an oxigraph RocksDB store in a directory, with the
//! documents' facts kept beside it (`newsgraph-docfacts.jsonl`) so that a
//! later `build` can add documents and link the whole corpus again.
//!
//! `build` into an existing store adds documents (a document read again
//! replaces its old facts); building A then B gives the graph of A and B at
//! once, because the linked graph is always recomputed from all documents'
//! facts and loaded whole.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParseError};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::LoaderError;
use oxigraph::store::{StorageError, Store};
use thiserror::Error;

use crate::read::DocFacts;
use crate::vocab::ID;

/// Memory the bulk loader may use for its sorted batches, in MB.
pub const LOADER_MEMORY_MB: usize = 128;

/// The file of documents' facts inside a store directory.
pub const DOCFACTS_FILE: &str = "newsgraph-docfacts.jsonl";

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("store {dir}: {source}")]
    Storage { dir: PathBuf, source: StorageError },
    #[error("store {dir} is in use by another newsgraph process; wait for it to finish")]
    InUse { dir: PathBuf },
    #[error("store {dir} does not exist (run `newsgraph build INPUT... --store {dir}` first)")]
    Missing { dir: PathBuf },
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    BadFacts {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation error: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    #[error("the query was stopped after {0:?}, its time limit")]
    Timeout(Duration),
    #[error("the answer has more than {0} results, the limit; add a LIMIT")]
    TooLarge(usize),
}

/// A store directory.
pub struct GraphStore {
    dir: PathBuf,
    store: Store,
    /// The writer's lock on `DIR/newsgraph.lock`, held while the store is
    /// open for writing; the system drops it when the process ends, however
    /// it ends.
    _lock: Option<fs::File>,
}

/// The lock file a writer holds inside a store directory.
pub const LOCK_FILE: &str = "newsgraph.lock";

/// Bounds on one query's work.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// Stop the query after this long.
    pub timeout: Option<Duration>,
    /// Refuse answers of more rows (or triples) than this.
    pub max_results: Option<usize>,
}

/// The answer to a query, collected.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Solutions {
        variables: Vec<String>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<oxigraph::model::Triple>),
}

impl GraphStore {
    /// Opens a store for writing, creating it if needed. Only one process
    /// may write a store at a time: a second gets [`StoreError::InUse`].
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let io = |source| StoreError::Io {
            file: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|source| StoreError::Io {
                file: lock_path.clone(),
                source,
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::InUse {
                    dir: dir.to_path_buf(),
                })
            }
            Err(fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    file: lock_path,
                    source,
                })
            }
        }
        let store = Store::open(dir).map_err(|source| StoreError::Storage {
            dir: dir.to_path_buf(),
            source,
        })?;
        Ok(GraphStore {
            dir: dir.to_path_buf(),
            store,
            _lock: Some(lock),
        })
    }

    /// Opens an existing store for reading.
    pub fn open_read_only(dir: &Path) -> Result<Self, StoreError> {
        if !dir.join("CURRENT").exists() {
            return Err(StoreError::Missing {
                dir: dir.to_path_buf(),
            });
        }
        let store = match Store::open_read_only(dir) {
            Ok(store) => store,
            Err(first) => {
                // A build killed while it was creating the store leaves
                // RocksDB's files without oxigraph's column families. When
                // no one is writing, opening it for writing completes it
                // (empty); then it is read. Otherwise the first error stands.
                let completed = GraphStore::open(dir).is_ok();
                match completed.then(|| Store::open_read_only(dir)) {
                    Some(Ok(store)) => store,
                    _ => {
                        return Err(StoreError::Storage {
                            dir: dir.to_path_buf(),
                            source: first,
                        })
                    }
                }
            }
        };
        Ok(GraphStore {
            dir: dir.to_path_buf(),
            store,
            _lock: None,
        })
    }

    /// oxigraph's bulk loader, held to [`LOADER_MEMORY_MB`] (its default is
    /// 2 GB a thread).
    fn bulk_loader(&self) -> oxigraph::store::BulkLoader<'_> {
        self.store
            .bulk_loader()
            .with_max_memory_size_in_megabytes(LOADER_MEMORY_MB)
    }

    fn storage(&self, source: StorageError) -> StoreError {
        StoreError::Storage {
            dir: self.dir.clone(),
            source,
        }
    }

    /// The documents' facts the store was built from, in document order.
    pub fn docfacts(&self) -> Result<Vec<DocFacts>, StoreError> {
        let file = self.dir.join(DOCFACTS_FILE);
        if !file.exists() {
            return Ok(vec![]);
        }
        read_docfacts(&file)
    }

    /// Replaces the store's content: the documents' facts, and the quads
    /// of their linked graph, which `quads` produces into the sink it is
    /// given; they are bulk-loaded in chunks as they come, never all held.
    /// The facts file is written first under a temporary name and renamed
    /// last, so it is never half-written. Returns the number of quads.
    pub fn replace(
        &self,
        facts: &[DocFacts],
        quads: impl FnOnce(&mut dyn FnMut(Quad)),
    ) -> Result<usize, StoreError> {
        const CHUNK: usize = 100_000;
        let file = self.dir.join(DOCFACTS_FILE);
        let tmp = self.dir.join(format!("{DOCFACTS_FILE}.tmp"));
        let io = |source| StoreError::Io {
            file: tmp.clone(),
            source,
        };
        {
            let mut w = std::io::BufWriter::new(fs::File::create(&tmp).map_err(io)?);
            for f in facts {
                let line = serde_json::to_string(f).map_err(|e| io(std::io::Error::other(e)))?;
                writeln!(w, "{line}").map_err(io)?;
            }
            w.flush().map_err(io)?;
        }
        self.clear_own_graphs()?;
        let mut loader = self.bulk_loader();
        let mut chunk: Vec<Quad> = Vec::with_capacity(CHUNK);
        let mut failure: Option<StorageError> = None;
        let mut count = 0;
        quads(&mut |q| {
            count += 1;
            chunk.push(q);
            if chunk.len() >= CHUNK && failure.is_none() {
                if let Err(e) = loader.load_quads(chunk.drain(..)) {
                    failure = Some(e);
                }
            }
            if failure.is_some() {
                chunk.clear();
            }
        });
        if let Some(e) = failure {
            return Err(self.storage(e));
        }
        loader.load_quads(chunk).map_err(|e| self.storage(e))?;
        // No flush: the loaded files are on disk once ingested, and a flush
        // would wait for RocksDB to compact them (half the build's time);
        // compaction runs later, in the background of the next writer.
        loader.commit().map_err(|e| self.storage(e))?;
        fs::rename(&tmp, &file).map_err(|source| StoreError::Io { file, source })?;
        Ok(count)
    }

    /// Removes the graphs newsgraph writes (`{ID}graph/…`, `{ID}doc/…`),
    /// keeping any other graph a user loaded with `newsgraph load`.
    fn clear_own_graphs(&self) -> Result<(), StoreError> {
        let own: Vec<_> = self
            .store
            .named_graphs()
            .filter_map(|g| match g {
                Ok(NamedOrBlankNode::NamedNode(n)) if n.as_str().starts_with(ID) => Some(Ok(n)),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()
            .map_err(|e| self.storage(e))?;
        for g in own {
            self.store
                .remove_named_graph(&g)
                .map_err(|e| self.storage(e))?;
        }
        Ok(())
    }

    /// Bulk-loads an N-Quads file as it is (triples without a graph go to
    /// the default graph). Rebuilding never removes these quads unless
    /// they are in newsgraph's own graphs.
    pub fn load_nquads(&self, file: &Path) -> Result<u64, StoreError> {
        let f = fs::File::open(file).map_err(|source| StoreError::Io {
            file: file.to_path_buf(),
            source,
        })?;
        let before = self.store.len().map_err(|e| self.storage(e))?;
        let mut loader = self.bulk_loader();
        loader
            .load_from_reader(RdfFormat::NQuads, BufReader::new(f))
            .map_err(|e| match e {
                LoaderError::Parsing(p) => StoreError::BadFacts {
                    file: file.to_path_buf(),
                    line: match &p {
                        RdfParseError::Syntax(e) => {
                            e.location().map_or(0, |l| l.start.line as usize + 1)
                        }
                        RdfParseError::Io(_) => 0,
                    },
                    message: p.to_string(),
                },
                LoaderError::Storage(s) => self.storage(s),
                other => StoreError::BadFacts {
                    file: file.to_path_buf(),
                    line: 0,
                    message: other.to_string(),
                },
            })?;
        loader.commit().map_err(|e| self.storage(e))?;
        let after = self.store.len().map_err(|e| self.storage(e))?;
        Ok(after.saturating_sub(before) as u64)
    }

    /// Runs a SPARQL query. The default graph is the union of all graphs,
    /// so queries need no `GRAPH` clause; `GRAPH ?g` still reaches the
    /// per-document graphs.
    pub fn query(&self, sparql: &str) -> Result<Answer, StoreError> {
        self.query_limited(sparql, &Limits::default())
    }

    /// Runs a SPARQL query within limits: it is stopped after
    /// `limits.timeout`, and refused once it gives more than
    /// `limits.max_results` rows or triples.
    pub fn query_limited(&self, sparql: &str, limits: &Limits) -> Result<Answer, StoreError> {
        let token = CancellationToken::new();
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token.clone())
            .parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        // A watchdog cancels the query when its time is up; finishing first
        // drops `done` and lets the watchdog go.
        let (done, finished) = mpsc::channel::<()>();
        if let Some(timeout) = limits.timeout {
            std::thread::spawn(move || {
                if let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(timeout) {
                    token.cancel();
                }
            });
        }
        let timed_out = |e: QueryEvaluationError| match (e, limits.timeout) {
            (QueryEvaluationError::Cancelled, Some(t)) => StoreError::Timeout(t),
            (e, _) => StoreError::Evaluation(e),
        };
        let too_many = |n: usize| n > limits.max_results.unwrap_or(usize::MAX);
        let answer = match prepared
            .on_store(&self.store)
            .execute()
            .map_err(timed_out)?
        {
            QueryResults::Solutions(solutions) => {
                let variables = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect::<Vec<_>>();
                let mut rows = Vec::new();
                for s in solutions {
                    rows.push(s.map_err(timed_out)?.values().to_vec());
                    if too_many(rows.len()) {
                        return Err(StoreError::TooLarge(rows.len() - 1));
                    }
                }
                Answer::Solutions { variables, rows }
            }
            QueryResults::Boolean(b) => Answer::Boolean(b),
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(t.map_err(timed_out)?);
                    if too_many(out.len()) {
                        return Err(StoreError::TooLarge(out.len() - 1));
                    }
                }
                Answer::Graph(out)
            }
        };
        drop(done);
        Ok(answer)
    }
}

/// Reads a file of documents' facts, one JSON object a line: the store's
/// own `newsgraph-docfacts.jsonl`, or a shard written by `newsgraph extract
/// --format docfacts`.
pub fn read_docfacts(file: &Path) -> Result<Vec<DocFacts>, StoreError> {
    let f = fs::File::open(file).map_err(|source| StoreError::Io {
        file: file.to_path_buf(),
        source,
    })?;
    let file = file.to_path_buf();
    let mut out = Vec::new();
    for (n, line) in BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|source| StoreError::Io {
            file: file.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let facts: DocFacts = serde_json::from_str(&line).map_err(|e| StoreError::BadFacts {
            file: file.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        out.push(facts);
    }
    Ok(out)
}
