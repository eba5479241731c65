//! Rules are data: the lexicons and patterns under `ontology/` that drive
//! the recognisers and the relation patterns.
//!
//! The files of the repository's `ontology/` are compiled in as defaults, so
//! the binary works from anywhere; `--rules DIR` layers a user's files of the
//! same names and formats on top (rows added; a row whose key is already
//! known replaces it). Every bad row is an error naming `file:line`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use thiserror::Error;

/// A rule file that could not be used.
#[derive(Debug, Error)]
pub enum RulesError {
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{dir}: not a directory of rule files")]
    NotADirectory { dir: PathBuf },
    #[error("{file}: unknown rule file (known: {known})")]
    UnknownFile { file: PathBuf, known: String },
}

/// A country: its canonical name and the ways news text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    /// Capitals and seats of government, used as metonyms (`Kyiv`, `the Kremlin`).
    pub seats: Vec<String>,
    /// The top national titles it has (`President`, `Prime Minister`,
    /// `King` …, as in offices.tsv column 2); when given, a bare title the
    /// text leaves without a country is never guessed to be its if missing
    /// here (the United States has no prime minister).
    pub titles: Vec<String>,
}

/// An agreement known by a name that has no head noun to find it by
/// (`New START`, `JCPOA`, `USMCA`), or by an acronym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedAgreement {
    pub name: String,
    /// `Treaty`, `Agreement`, `Accord`, … as in `lexicons/agreements.tsv`.
    pub class: String,
    pub aliases: Vec<String>,
}

/// A named organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    /// `Organization`, `GovernmentOrganization`, `NewsOrganization`, …
    pub kind: String,
    pub aliases: Vec<String>,
    /// Canonical name of the country it belongs to, if any.
    pub country: Option<String>,
    /// Adjective forms (`European` for the European Union): they name the
    /// body as a party or an office's body ("the European constitution"),
    /// never as the subject of a verb.
    pub adjectives: Vec<String>,
    /// Places that stand for the body (`Brussels` for the European Union),
    /// as a capital stands for its government.
    pub seats: Vec<String>,
}

/// How an office title gets its jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeScope {
    /// A post of a country; taken from the context when not written.
    National,
    /// A post of an organisation (`Secretary-General`): needs `of X` or an
    /// organisation before it.
    Body,
    /// Only an office when followed by `of X` (`Head of the Presidential Office`).
    NeedsOf,
    /// A seat in a legislature (`MP`, `MEP`): its country or party only as
    /// written beside it, never guessed from the countries the text names.
    Member,
}

/// One surface form of an office title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeTitle {
    /// Lower-cased words of the title, as tokens (`treasury secretary`).
    pub surface: Vec<String>,
    /// Canonical title (`Secretary of the Treasury`).
    pub canonical: String,
    pub scope: OfficeScope,
}

/// What a trigger word does in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TriggerKind {
    /// A verb: agents before it, the agreement after (`X signed the deal`),
    /// or the agents after `by` (`the deal signed by X`).
    Verb,
    /// A noun: `negotiations with X on the deal`, `X's rejection of the deal`.
    Noun,
    /// A role noun: the agents listed in the sentence are in that role
    /// for the agreement named in it (`lists X and Y as signatories`).
    Role,
    /// Taking part in the talks: the subject (`X led the mediation`)
    /// negotiated the agreement the document is about, when it is about one.
    Talks,
    /// The agreement is the subject and its parties follow: `the pact brings
    /// together X, Y and Z`, `the accord links X and Y`.
    Members,
}

/// A word or phrase that signals an involvement in an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Lower-cased words.
    pub surface: Vec<String>,
    /// Local name of the predicate (`signed`, `negotiated`, …).
    pub predicate: String,
    pub kind: TriggerKind,
}

/// All the rules newsgraph reads by.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub named_agreements: Vec<NamedAgreement>,
    pub given_names: HashSet<String>,
    pub honorifics: HashSet<String>,
    pub offices: Vec<OfficeTitle>,
    /// Portfolio word (lower case) → canonical portfolio (`economy` → `Economy`).
    pub portfolios: BTreeMap<String, String>,
    /// Lower-case office modifiers kept apart: `former`, `acting`, `deputy`.
    pub office_modifiers: BTreeMap<String, String>,
    /// Agreement head nouns (lower case) → (class, plural).
    pub agreement_heads: BTreeMap<String, (String, bool)>,
    /// Words before an agreement head that say nothing of its subject (`draft`, `new`).
    pub agreement_non_topics: HashSet<String>,
    /// Nouns that refer back to the agreement under discussion (`document`, `text`).
    pub agreement_anaphors: HashSet<String>,
    /// Agreement heads that name their own subject (`ceasefire`, `truce`).
    pub agreement_self_topics: HashSet<String>,
    /// Agreement heads that name none without subject words or parties
    /// (`the alliance` is NATO; `the Fiat-GM alliance` a deal).
    pub agreement_needs_subject: HashSet<String>,
    pub triggers: Vec<Trigger>,
    /// Last words of organisation names (`Council`, `Ministry`).
    pub org_heads: HashSet<String>,
    /// Nouns that, after a country, stand for its government (`government`).
    pub government_words: HashSet<String>,
    /// Common nouns that, right before a capitalised name, say it is an
    /// organisation ("brokerage Merrill Lynch", "bank Standard Chartered").
    pub org_descriptors: HashSet<String>,
    /// Phrases (lower case) that mark a line as page furniture.
    pub boilerplate: HashSet<String>,
    /// Capitalised words that never start or make a person's name.
    pub not_names: HashSet<String>,
    /// Verbs of saying, after which a capitalised pair is taken as a name.
    pub speech_verbs: HashSet<String>,
    /// Nouns of people's roles: a capitalised pair after "the <role> …,"
    /// in apposition is a name ("the special envoy for the region, Ana Ruiz,").
    pub person_roles: HashSet<String>,
    /// Abbreviations whose dot does not end a sentence.
    pub abbreviations: HashSet<String>,
    /// Canonical office titles (lower case) whose holder speaks for the
    /// country or body of the post (`minister of foreign affairs`, `chief
    /// executive`), besides the countries' top titles (countries.tsv).
    pub leader_titles: HashSet<String>,
}

/// The rule files newsgraph knows, with their compiled-in defaults.
const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "lexicons/countries.tsv",
        include_str!("../ontology/lexicons/countries.tsv"),
    ),
    (
        "lexicons/organisations.tsv",
        include_str!("../ontology/lexicons/organisations.tsv"),
    ),
    (
        "lexicons/named_agreements.tsv",
        include_str!("../ontology/lexicons/named_agreements.tsv"),
    ),
    (
        "lexicons/given_names.txt",
        include_str!("../ontology/lexicons/given_names.txt"),
    ),
    (
        "lexicons/honorifics.txt",
        include_str!("../ontology/lexicons/honorifics.txt"),
    ),
    (
        "lexicons/offices.tsv",
        include_str!("../ontology/lexicons/offices.tsv"),
    ),
    (
        "lexicons/portfolios.tsv",
        include_str!("../ontology/lexicons/portfolios.tsv"),
    ),
    (
        "lexicons/office_modifiers.tsv",
        include_str!("../ontology/lexicons/office_modifiers.tsv"),
    ),
    (
        "lexicons/agreements.tsv",
        include_str!("../ontology/lexicons/agreements.tsv"),
    ),
    (
        "lexicons/org_heads.txt",
        include_str!("../ontology/lexicons/org_heads.txt"),
    ),
    (
        "lexicons/words.tsv",
        include_str!("../ontology/lexicons/words.tsv"),
    ),
    (
        "rules/triggers.tsv",
        include_str!("../ontology/rules/triggers.tsv"),
    ),
];

impl Rules {
    /// The rules compiled in from the repository's `ontology/`.
    pub fn builtin() -> Result<Rules, RulesError> {
        let mut rules = Rules::default();
        for (name, text) in DEFAULT_FILES {
            rules.add_file(Path::new("ontology").join(name).as_path(), name, text)?;
        }
        Ok(rules)
    }

    /// The built-in rules with a user's directory layered on top. The
    /// directory has the layout of `ontology/` (`lexicons/*.tsv`,
    /// `rules/*.tsv`); files of other names are refused.
    pub fn with_user_dir(mut self, dir: &Path) -> Result<Rules, RulesError> {
        if !dir.is_dir() {
            return Err(RulesError::NotADirectory {
                dir: dir.to_path_buf(),
            });
        }
        let known: Vec<&str> = DEFAULT_FILES.iter().map(|(n, _)| *n).collect();
        let mut files = Vec::new();
        for sub in ["lexicons", "rules"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_file() {
                    files.push(path);
                }
            }
        }
        files.sort();
        for path in files {
            let rel = path
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let Some(name) = known.iter().find(|k| **k == rel) else {
                return Err(RulesError::UnknownFile {
                    file: path.clone(),
                    known: known.join(", "),
                });
            };
            let text = std::fs::read_to_string(&path).map_err(|source| RulesError::Io {
                file: path.clone(),
                source,
            })?;
            self.add_file(&path, name, &text)?;
        }
        Ok(self)
    }

    /// Adds the rows of one rule file's text, as if read from `name`
    /// (`lexicons/offices.tsv`, …) under a user's rules directory.
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<(), RulesError> {
        let known = DEFAULT_FILES.iter().find(|(n, _)| *n == name);
        let Some((name, _)) = known else {
            return Err(RulesError::UnknownFile {
                file: PathBuf::from(name),
                known: DEFAULT_FILES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        self.add_file(Path::new(name), name, text)
    }

    /// The names of the rule files, as [`Rules::add_text`] takes them.
    pub fn file_names() -> impl Iterator<Item = &'static str> {
        DEFAULT_FILES.iter().map(|(n, _)| *n)
    }

    fn add_file(&mut self, path: &Path, name: &str, text: &str) -> Result<(), RulesError> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            self.add_row(name, &fields)
                .map_err(|message| RulesError::Syntax {
                    file: path.to_path_buf(),
                    line: n + 1,
                    message,
                })?;
        }
        Ok(())
    }

    fn add_row(&mut self, file: &str, f: &[&str]) -> Result<(), String> {
        match file {
            "lexicons/countries.tsv" => {
                // Optional fifth column: the country's top national titles.
                let (f4, titles) = match f {
                    [a, b, c, d, e] => (vec![*a, *b, *c, *d], list(e)),
                    _ => (f.to_vec(), Vec::new()),
                };
                let [name, aliases, demonyms, seats] =
                    columns(&f4, "name, aliases, demonyms, seats[, titles]")?;
                let c = Country {
                    name: non_empty(name, "name")?,
                    aliases: list(aliases),
                    demonyms: list(demonyms),
                    seats: list(seats),
                    titles,
                };
                replace_or_push(&mut self.countries, c, |a, b| a.name == b.name);
            }
            "lexicons/organisations.tsv" => {
                // Optional fifth and sixth columns: adjective forms, seats.
                let (f4, adjectives, seats) = match f {
                    [a, b, c, d, e, g] => (vec![*a, *b, *c, *d], list(e), list(g)),
                    [a, b, c, d, e] => (vec![*a, *b, *c, *d], list(e), Vec::new()),
                    _ => (f.to_vec(), Vec::new(), Vec::new()),
                };
                let [name, kind, aliases, country] =
                    columns(&f4, "name, type, aliases, country[, adjectives[, seats]]")?;
                const KINDS: &[&str] = &[
                    "Organization",
                    "GovernmentOrganization",
                    "NewsOrganization",
                    "Alliance",
                    "Company",
                    "PoliticalParty",
                    "Legislature",
                ];
                one_of(kind, "organisation type", KINDS)?;
                let o = Organisation {
                    name: non_empty(name, "name")?,
                    kind: kind.to_string(),
                    aliases: list(aliases),
                    country: (!country.is_empty()).then(|| country.to_string()),
                    adjectives,
                    seats,
                };
                replace_or_push(&mut self.organisations, o, |a, b| a.name == b.name);
            }
            "lexicons/named_agreements.tsv" => {
                let [name, class, aliases] = columns(f, "name, class, aliases")?;
                const CLASSES: &[&str] = &[
                    "Agreement",
                    "Treaty",
                    "Accord",
                    "Deal",
                    "Declaration",
                    "Memorandum",
                ];
                one_of(class, "agreement class", CLASSES)?;
                let a = NamedAgreement {
                    name: non_empty(name, "name")?,
                    class: class.to_string(),
                    aliases: list(aliases),
                };
                replace_or_push(&mut self.named_agreements, a, |a, b| a.name == b.name);
            }
            "lexicons/given_names.txt" => {
                let [name] = columns(f, "name")?;
                self.given_names.insert(non_empty(name, "name")?);
            }
            "lexicons/honorifics.txt" => {
                let [word] = columns(f, "honorific")?;
                self.honorifics.insert(non_empty(word, "honorific")?);
            }
            "lexicons/offices.tsv" => {
                let [surface, canonical, scope] = columns(f, "surface, canonical, scope")?;
                let scope = match scope {
                    "national" => OfficeScope::National,
                    "body" => OfficeScope::Body,
                    "needs-of" => OfficeScope::NeedsOf,
                    "member" => OfficeScope::Member,
                    other => {
                        return Err(format!(
                            "unknown scope {other:?} (one of national, body, needs-of, member)"
                        ))
                    }
                };
                let o = OfficeTitle {
                    surface: words(surface),
                    canonical: non_empty(canonical, "canonical")?,
                    scope,
                };
                if o.surface.is_empty() {
                    return Err("empty surface".into());
                }
                replace_or_push(&mut self.offices, o, |a, b| a.surface == b.surface);
            }
            "lexicons/portfolios.tsv" => {
                let [word, canonical] = columns(f, "word, canonical")?;
                self.portfolios
                    .insert(word.to_lowercase(), non_empty(canonical, "canonical")?);
            }
            "lexicons/office_modifiers.tsv" => {
                let [word, canonical] = columns(f, "word, canonical")?;
                self.office_modifiers
                    .insert(word.to_lowercase(), non_empty(canonical, "canonical")?);
            }
            "lexicons/agreements.tsv" => {
                let [word, class, number] = columns(f, "word, class, number")?;
                let plural = match number {
                    "singular" => false,
                    "plural" => true,
                    other => {
                        return Err(format!("number {other:?} is neither singular nor plural"))
                    }
                };
                // A head of several words ("letter of intent") is kept with
                // single spaces.
                let words: Vec<String> = word.split_whitespace().map(str::to_lowercase).collect();
                if words.is_empty() {
                    return Err("an agreement head is empty".to_string());
                }
                self.agreement_heads
                    .insert(words.join(" "), (non_empty(class, "class")?, plural));
            }
            "lexicons/org_heads.txt" => {
                let [word] = columns(f, "word")?;
                self.org_heads.insert(non_empty(word, "word")?);
            }
            "lexicons/words.tsv" => {
                let [set, word] = columns(f, "set, word")?;
                let word = non_empty(word, "word")?;
                let target = match set {
                    "not-name" => &mut self.not_names,
                    "speech-verb" => &mut self.speech_verbs,
                    "person-role" => &mut self.person_roles,
                    "government" => &mut self.government_words,
                    "org-descriptor" => &mut self.org_descriptors,
                    "boilerplate" => {
                        self.boilerplate.insert(word.to_lowercase());
                        return Ok(());
                    }
                    "agreement-non-topic" => &mut self.agreement_non_topics,
                    "agreement-anaphor" => &mut self.agreement_anaphors,
                    "agreement-self-topic" => &mut self.agreement_self_topics,
                    "agreement-needs-subject" => &mut self.agreement_needs_subject,
                    "abbreviation" => &mut self.abbreviations,
                    "leader-title" => {
                        self.leader_titles.insert(word.to_lowercase());
                        return Ok(());
                    }
                    other => return Err(format!(
                        "unknown word set {other:?} (one of not-name, speech-verb, person-role, government, org-descriptor, boilerplate, agreement-non-topic, agreement-anaphor, agreement-self-topic, agreement-needs-subject, abbreviation, leader-title)"
                    )),
                };
                target.insert(word);
            }
            "rules/triggers.tsv" => {
                let [surface, predicate, kind] = columns(f, "surface, predicate, kind")?;
                let kind = match kind {
                    "verb" => TriggerKind::Verb,
                    "noun" => TriggerKind::Noun,
                    "role" => TriggerKind::Role,
                    "talks" => TriggerKind::Talks,
                    "members" => TriggerKind::Members,
                    other => {
                        return Err(format!(
                        "unknown trigger kind {other:?} (one of verb, noun, role, talks, members)"
                    ))
                    }
                };
                let predicate = non_empty(predicate, "predicate")?;
                one_of(
                    &predicate,
                    "predicate",
                    crate::vocab::INVOLVEMENT_PREDICATES,
                )?;
                let t = Trigger {
                    surface: words(surface),
                    predicate,
                    kind,
                };
                if t.surface.is_empty() {
                    return Err("empty surface".into());
                }
                replace_or_push(&mut self.triggers, t, |a, b| a.surface == b.surface);
            }
            other => return Err(format!("no reader for {other}")),
        }
        Ok(())
    }
}

fn columns<'a, const N: usize>(f: &[&'a str], names: &str) -> Result<[&'a str; N], String> {
    <[&str; N]>::try_from(f).map_err(|_| {
        format!(
            "expected {N} tab-separated column(s) ({names}), found {}",
            f.len()
        )
    })
}

/// `value` when it is one of `allowed`, else what is wrong with it.
fn one_of(value: &str, what: &str, allowed: &[&str]) -> Result<(), String> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(format!(
            "unknown {what} {value:?} (one of {})",
            allowed.join(", ")
        ))
    }
}

fn non_empty(s: &str, what: &str) -> Result<String, String> {
    if s.is_empty() {
        Err(format!("empty {what}"))
    } else {
        Ok(s.to_string())
    }
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}
fn replace_or_push<T>(v: &mut Vec<T>, item: T, same: impl Fn(&T, &T) -> bool) {
    match v.iter_mut().find(|x| same(x, &item)) {
        Some(slot) => *slot = item,
        None => v.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.countries.iter().any(|c| c.name == "Ukraine"));
        assert!(rules.offices.len() > 10);
        assert!(rules.triggers.iter().any(|t| t.predicate == "signed"));
    }

    #[test]
    fn a_bad_row_names_file_and_line() {
        let mut rules = Rules::default();
        let err = rules
            .add_file(
                Path::new("x/offices.tsv"),
                "lexicons/offices.tsv",
                "# comment\nPresident\tPresident\tnational\nChief\tChief\n",
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x/offices.tsv:3: expected 3 tab-separated column(s) (surface, canonical, scope), found 2"
        );
    }
}
