//! SPARQL answers for people (an aligned table) and for programs (the
//! SPARQL 1.1 results formats: CSV, TSV, JSON, XML).

use std::io::{self, Write};

use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::Variable;

use crate::store::Answer;

/// How to print an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsKind {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

/// A term as a person reads it: a literal's value, an IRI as is.
fn plain(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Writes an answer.
pub fn write_answer<W: Write>(answer: &Answer, kind: ResultsKind, mut out: W) -> io::Result<()> {
    match answer {
        Answer::Boolean(b) => match kind {
            ResultsKind::Table => writeln!(out, "{b}"),
            _ => {
                let ser = QueryResultsSerializer::from_format(format(kind));
                ser.serialize_boolean_to_writer(&mut out, *b)?;
                Ok(())
            }
        },
        Answer::Graph(triples) => {
            for t in triples {
                writeln!(out, "{t} .")?;
            }
            Ok(())
        }
        Answer::Solutions { variables, rows } => {
            if kind == ResultsKind::Table {
                return table(variables, rows, out);
            }
            let vars: Vec<Variable> = variables
                .iter()
                .map(|v| Variable::new_unchecked(v.clone()))
                .collect();
            let ser = QueryResultsSerializer::from_format(format(kind));
            let mut w = ser.serialize_solutions_to_writer(&mut out, vars.clone())?;
            for row in rows {
                let pairs = vars
                    .iter()
                    .zip(row)
                    .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
                w.serialize(pairs)?;
            }
            w.finish()?;
            Ok(())
        }
    }
}

fn format(kind: ResultsKind) -> QueryResultsFormat {
    match kind {
        ResultsKind::Csv => QueryResultsFormat::Csv,
        ResultsKind::Tsv => QueryResultsFormat::Tsv,
        ResultsKind::Json | ResultsKind::Table => QueryResultsFormat::Json,
        ResultsKind::Xml => QueryResultsFormat::Xml,
    }
}

fn table<W: Write>(variables: &[String], rows: &[Vec<Option<Term>>], mut out: W) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| t.as_ref().map(plain).unwrap_or_default())
                .collect()
        })
        .collect();
    let mut width: Vec<usize> = variables.iter().map(|v| v.chars().count()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = width.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |out: &mut W, cols: &[String]| -> io::Result<()> {
        let mut s = String::new();
        for (i, c) in cols.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            s.push_str(c);
            let pad = width
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(c.chars().count());
            if i + 1 < cols.len() {
                s.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&mut out, variables)?;
    let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in &cells {
        line(&mut out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        cells.len(),
        if cells.len() == 1 { "" } else { "s" }
    )
}
