//! Link: many [`DocFacts`] → one corpus graph (a `petgraph` graph).
//!
//! Merges document-local entities into corpus entities by normalised keys
//! (an index by name, never all pairs): people by surname key and given
//! name, organisations and countries by canonical name, agreements by name
//! or by shared subject words and parties; resolves offices whose country
//! the text left out; and counts the independent documents behind each
//! relation. Deterministic: the same set of `DocFacts`, in any order, gives
//! the same graph.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;

use crate::read::fingerprint::Fingerprint;
use crate::read::{DocFacts, DocMeta, LocalEntity, Span};
use crate::recognise::{fold, office_label, surname_key, Detail, EntityKind, EntityRef};
use crate::vocab;

/// A span of one document. Its document id and rule id are shared by all
/// the spans that have them: a corpus has millions of spans and few of
/// either.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocSpan {
    pub doc: Arc<str>,
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
    pub rule: Arc<str>,
}

/// The document ids of a corpus, each made once.
struct Names {
    docs: Vec<Arc<str>>,
}

impl Names {
    fn new(docs: &[DocFacts]) -> Self {
        Names {
            docs: docs.iter().map(|d| Arc::from(d.doc.id.as_str())).collect(),
        }
    }

    /// Span `s` of document `d`.
    fn span(&self, d: usize, s: &Span) -> DocSpan {
        DocSpan {
            doc: self.docs[d].clone(),
            start: s.start,
            end: s.end,
            text: s.text.clone(),
            rule: s.rule.clone(),
        }
    }
}

/// A corpus entity: a node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub iri: String,
    pub kind: EntityKind,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub mentions: Vec<DocSpan>,
    pub detail: Detail,
}

/// A relation: an edge of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// Local name of the predicate (`holdsOffice`, `signed`, `jurisdiction`).
    pub predicate: String,
    pub evidence: Vec<DocSpan>,
    /// How many documents support it.
    pub sources: usize,
}

/// One act of an agent on an agreement, as one sentence of one document
/// tells it: an n-ary node (who, what, which agreement, in the capacity of
/// which office, when, from which evidence). The direct relation
/// `agent → agreement` is its shortcut.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    pub iri: String,
    /// The involvement predicate (`signed`, `negotiated`, …).
    pub action: String,
    pub agent: String,
    pub agreement: String,
    /// The office the agent acted as: one they are said to hold in the same
    /// document, else the one post (not a former one) the corpus knows them
    /// to hold.
    pub capacity: Option<String>,
    /// When it happened, as ISO 8601, from a date in the evidence sentence
    /// (read against the article's date).
    pub date: Option<String>,
    /// The date of the document that tells it, when known.
    pub reported: Option<String>,
    pub evidence: DocSpan,
}

/// A person's holding of an office as the corpus attests it: the earliest
/// and latest dates at which a document (by its date, or an event done in
/// that capacity) shows them in the post.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tenure {
    pub iri: String,
    pub person: String,
    pub office: String,
    /// The country or body of the post.
    pub organization: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
    /// The documents that attest it.
    pub documents: Vec<String>,
}

/// The linked corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<Entity, Relation>,
    pub documents: Vec<DocMeta>,
    /// Events in IRI order.
    pub events: Vec<Event>,
    /// Tenures in IRI order.
    pub tenures: Vec<Tenure>,
    /// Each document that is a copy of an earlier story → the first
    /// document (by id) of that story.
    pub duplicate_of: BTreeMap<String, String>,
    /// Office mentions that name no holder, resolved to the person who held
    /// the post at the document's date.
    pub references: Vec<Reference>,
    /// Each agreement's status: agreement IRI → the furthest stage of its
    /// lifecycle that an event reached, and the earliest date known for it.
    pub status: BTreeMap<String, (String, Option<String>)>,
}

/// The stages of an agreement's lifecycle, in order; a rejection or a
/// withdrawal counts only while no one has signed or ratified.
const STAGES: &[(&str, &[&str])] = &[
    (
        "proposed",
        &["proposed", "drafted", "submitted", "received"],
    ),
    ("negotiated", &["negotiated", "endorsed"]),
    ("rejected", &["rejected", "withdrewFrom"]),
    ("agreed", &["finalized", "approved"]),
    ("signed", &["signed", "joined"]),
    ("ratified", &["ratified"]),
];

/// Each agreement's furthest stage, with the earliest date (the event's, or
/// else its report's) of an event at that stage.
fn agreement_status(events: &[Event]) -> BTreeMap<String, (String, Option<String>)> {
    let mut best: BTreeMap<String, (usize, Option<String>)> = BTreeMap::new();
    for e in events {
        let Some(stage) = STAGES
            .iter()
            .position(|(_, actions)| actions.contains(&e.action.as_str()))
        else {
            continue;
        };
        let date = e.date.clone().or_else(|| e.reported.clone());
        let entry = best.entry(e.agreement.clone()).or_insert((stage, None));
        if stage > entry.0 {
            *entry = (stage, date);
        } else if stage == entry.0 {
            entry.1 = match (entry.1.take(), date) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }
    best.into_iter()
        .map(|(a, (stage, date))| (a, (STAGES[stage].0.to_string(), date)))
        .collect()
}

/// "The Treasury Secretary" in an article: the person who held that post
/// then, from the tenures the corpus attests.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reference {
    pub mention: DocSpan,
    pub office: String,
    pub person: String,
}

/// 64-bit FNV-1a: a stable hash for IRIs of nodes that have no name
/// (assertions, events, tenures).
pub fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl KnowledgeGraph {
    /// Nodes in IRI order (the graph is built in that order).
    pub fn entities(&self) -> impl Iterator<Item = (NodeIndex, &Entity)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// Edges in (subject, predicate, object) IRI order.
    pub fn relations(&self) -> Vec<(&Entity, &Relation, &Entity)> {
        let mut out: Vec<_> = self
            .graph
            .edge_indices()
            .filter_map(|e| {
                let (s, o) = self.graph.edge_endpoints(e)?;
                Some((&self.graph[s], &self.graph[e], &self.graph[o]))
            })
            .collect();
        out.sort_by(|a, b| {
            (&a.0.iri, &a.1.predicate, &a.2.iri).cmp(&(&b.0.iri, &b.1.predicate, &b.2.iri))
        });
        out
    }
}

/// A lower-case, dash-separated slug of a name, for IRIs.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Where a local entity went: (document index, local index) → cluster.
type Assignment = BTreeMap<(usize, usize), usize>;

/// A cluster of local entities that are one corpus entity.
struct Cluster {
    kind: EntityKind,
    members: Vec<(usize, usize)>,
    detail: Detail,
}

/// Links documents' facts into one graph.
pub fn link(mut docs: Vec<DocFacts>) -> KnowledgeGraph {
    docs.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    docs.dedup_by(|a, b| a.doc.id == b.doc.id);
    // The fingerprints have done their work once the stories are known:
    // their memory is given back before the graph is built.
    let story = stories(&docs);
    for d in &mut docs {
        d.fingerprint = Default::default();
    }
    link_with_stories(&docs, story)
}

/// [`link`] without taking the documents: the same graph, from borrowed
/// facts (copied and sorted first only if they are not already in strictly
/// increasing id order).
pub fn link_slice(docs: &[DocFacts]) -> KnowledgeGraph {
    if docs.windows(2).all(|w| w[0].doc.id < w[1].doc.id) {
        link_sorted(docs)
    } else {
        link(docs.to_vec())
    }
}

fn link_sorted(docs: &[DocFacts]) -> KnowledgeGraph {
    link_with_stories(docs, stories(docs))
}

fn link_with_stories(docs: &[DocFacts], story: BTreeMap<String, String>) -> KnowledgeGraph {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assign: Assignment = BTreeMap::new();

    link_people(docs, &mut clusters, &mut assign);
    link_by_name(docs, &mut clusters, &mut assign);
    link_agreements(docs, &mut clusters, &mut assign);
    link_offices(docs, &mut clusters, &mut assign);

    build_graph(docs, clusters, &assign, &Names::new(docs), story)
}

fn new_cluster(clusters: &mut Vec<Cluster>, kind: EntityKind, detail: Detail) -> usize {
    clusters.push(Cluster {
        kind,
        members: Vec::new(),
        detail,
    });
    clusters.len() - 1
}

fn join(clusters: &mut [Cluster], assign: &mut Assignment, c: usize, member: (usize, usize)) {
    clusters[c].members.push(member);
    assign.insert(member, c);
}

/// People: by surname key; full names by given name; a surname alone joins
/// the one full name of that surname the corpus knows (or stays apart when
/// there are several).
fn link_people(docs: &[DocFacts], clusters: &mut Vec<Cluster>, assign: &mut Assignment) {
    let mut by_name: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut surname_only: Vec<(usize, usize, String)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (e, ent) in doc.entities.iter().enumerate() {
            let Detail::Person { given, surname } = &ent.detail else {
                continue;
            };
            let key = surname_key(surname);
            match given {
                Some(g) => {
                    let k = (key, fold(g));
                    let c = match by_name.get(&k) {
                        Some(&c) => c,
                        None => {
                            let c = new_cluster(clusters, EntityKind::Person, ent.detail.clone());
                            by_name.insert(k, c);
                            c
                        }
                    };
                    join(clusters, assign, c, (d, e));
                }
                None => surname_only.push((d, e, key)),
            }
        }
    }
    let mut alone: BTreeMap<String, usize> = BTreeMap::new();
    for (d, e, key) in surname_only {
        let full: Vec<usize> = by_name
            .range((key.clone(), String::new())..)
            .take_while(|((k, _), _)| *k == key)
            .map(|(_, &c)| c)
            .collect();
        let c = if full.len() == 1 {
            full[0]
        } else {
            match alone.get(&key) {
                Some(&c) => c,
                None => {
                    let c = new_cluster(
                        clusters,
                        EntityKind::Person,
                        docs[d].entities[e].detail.clone(),
                    );
                    alone.insert(key, c);
                    c
                }
            }
        };
        join(clusters, assign, c, (d, e));
    }
}

/// Bodies of a state (ministries, parliaments, parties) speak for their
/// country; companies and media do not.
pub fn is_state_body(org_type: &str) -> bool {
    matches!(
        org_type,
        "GovernmentOrganization" | "Legislature" | "PoliticalParty"
    )
}

/// The key an organisation's name is merged by: folded, `&` read as `and`,
/// a leading article dropped.
fn org_key(label: &str) -> String {
    let k = fold(label).replace(" & ", " and ");
    k.strip_prefix("the ").map(str::to_string).unwrap_or(k)
}

/// A name written as initials: two to six capitals or digits (`GM`, `G7`).
pub fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count())
        && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Initials of a name's capitalised words (`Oil and Natural Gas Corporation` → `ONGC`).
pub fn initials(label: &str) -> String {
    label
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "&" | "for" | "The"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Countries, organisations and dates: by canonical name; an organisation
/// named by its initials joins the one full name with those initials.
fn link_by_name(docs: &[DocFacts], clusters: &mut Vec<Cluster>, assign: &mut Assignment) {
    let first_cluster = clusters.len();
    link_by_key(docs, clusters, assign);
    let orgs: Vec<usize> = (first_cluster..clusters.len())
        .filter(|&c| clusters[c].kind == EntityKind::Organization)
        .collect();
    let label_of = |clusters: &[Cluster], c: usize| -> String {
        let (d, e) = clusters[c].members[0];
        docs[d].entities[e].label.clone()
    };
    for &a in &orgs {
        let acronym = label_of(clusters, a);
        if !is_acronym(&acronym) {
            continue;
        }
        let full: Vec<usize> = orgs
            .iter()
            .copied()
            .filter(|&b| b != a && !clusters[b].members.is_empty())
            .filter(|&b| {
                let l = label_of(clusters, b);
                l.contains(' ') && initials(&l) == acronym
            })
            .collect();
        if let [b] = full[..] {
            let moved = std::mem::take(&mut clusters[a].members);
            for m in moved {
                join(clusters, assign, b, m);
            }
        }
    }
}

fn link_by_key(docs: &[DocFacts], clusters: &mut Vec<Cluster>, assign: &mut Assignment) {
    let mut by_key: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (e, ent) in doc.entities.iter().enumerate() {
            if !matches!(
                ent.kind,
                EntityKind::Country | EntityKind::Organization | EntityKind::Date
            ) {
                continue;
            }
            let k = match ent.kind {
                EntityKind::Organization => (ent.kind, org_key(&ent.label)),
                _ => (ent.kind, ent.label.clone()),
            };
            let c = match by_key.get(&k) {
                Some(&c) => c,
                None => {
                    let c = new_cluster(clusters, ent.kind, ent.detail.clone());
                    by_key.insert(k, c);
                    c
                }
            };
            join(clusters, assign, c, (d, e));
        }
    }
}

/// The countries and bodies a document ties to an agreement: written into
/// its name, or agents of a relation to it.
fn parties_in_doc(doc: &DocFacts, e: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Detail::Agreement { parties, .. } = &doc.entities[e].detail {
        out.extend(parties.iter().map(|p| p.name.clone()));
    }
    for r in doc.relations.iter().filter(|r| r.object == e) {
        let s = &doc.entities[r.subject];
        match &s.detail {
            Detail::Country => {
                out.insert(s.label.clone());
            }
            // A state body stands for its country (a parliament ratifying).
            Detail::Organization {
                country: Some(c),
                org_type,
            } if is_state_body(org_type) => {
                out.insert(c.clone());
            }
            Detail::Organization { .. } => {
                out.insert(s.label.clone());
            }
            _ => {}
        }
    }
    out
}

/// Agreements: named ones by folded name; described ones when they share a
/// subject word and their known parties agree (one side's within the
/// other's, or two in common).
fn link_agreements(docs: &[DocFacts], clusters: &mut Vec<Cluster>, assign: &mut Assignment) {
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    let mut described: Vec<Described> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (e, ent) in doc.entities.iter().enumerate() {
            let Detail::Agreement {
                topics,
                named: is_named,
                ..
            } = &ent.detail
            else {
                continue;
            };
            if *is_named || topics.is_empty() {
                // "a deal" with no subject words is known by its parties;
                // with none, it is its document's own ("the takeover" of
                // one article is not another's).
                let k = if *is_named {
                    fold(&ent.label)
                } else {
                    let p: Vec<String> = parties_in_doc(doc, e).into_iter().collect();
                    if p.is_empty() {
                        format!("{}#{d}", fold(&ent.label))
                    } else {
                        format!("{}|{}", fold(&ent.label), p.join("|"))
                    }
                };
                let c = match named.get(&k) {
                    Some(&c) => c,
                    None => {
                        let c = new_cluster(clusters, EntityKind::Agreement, ent.detail.clone());
                        named.insert(k, c);
                        c
                    }
                };
                join(clusters, assign, c, (d, e));
                continue;
            }
            let t: BTreeSet<String> = topics.iter().cloned().collect();
            let p = parties_in_doc(doc, e);
            // Parties known on both sides must overlap; when one side knows
            // none, the subjects must agree more closely than one shared
            // word ("debt relief deal" is not the "tsunami debt deal").
            // Two deals one document told apart (the old loan and the new
            // one) stay apart.
            // "the joint venture", "the memorandum of understanding": a
            // head that is its own subject says too little to tie two
            // articles' deals when either side knows no parties.
            let label_key: Vec<String> = ent
                .label
                .split_whitespace()
                .map(crate::recognise::topic_key)
                .collect();
            let label_key = label_key.join(" ");
            let head_only = t.len() == 1
                && t.iter().all(|x| {
                    label_key == *x
                        || label_key
                            .strip_suffix(x.as_str())
                            .is_some_and(|rest| rest.ends_with(' '))
                });
            let found = described.iter_mut().find(|x| {
                let shared = x.topics.intersection(&t).count();
                shared > 0
                    && !x.docs.contains(&d)
                    && if x.parties.is_empty() || p.is_empty() {
                        shared >= 2 || x.topics == t && !head_only && !x.head_only
                    } else {
                        // One side's parties within the other's, or two
                        // shared: China's deal with Venezuela is not its
                        // deal with Russia.
                        let both = x.parties.intersection(&p).count();
                        both >= 2 || both == x.parties.len().min(p.len())
                    }
            });
            let c = match found {
                Some(x) => {
                    x.topics.extend(t);
                    x.parties.extend(p);
                    x.docs.insert(d);
                    x.cluster
                }
                None => {
                    let c = new_cluster(clusters, EntityKind::Agreement, ent.detail.clone());
                    described.push(Described {
                        topics: t,
                        parties: p,
                        cluster: c,
                        docs: BTreeSet::from([d]),
                        head_only,
                    });
                    c
                }
            };
            join(clusters, assign, c, (d, e));
        }
    }
}

/// A cluster of described agreements while they are linked.
struct Described {
    topics: BTreeSet<String>,
    parties: BTreeSet<String>,
    cluster: usize,
    /// The documents that write it.
    docs: BTreeSet<usize>,
    /// Known by its head alone ("the joint venture").
    head_only: bool,
}

/// How high in its document's ranking a country must stand to be the post's
/// country of a holder whose sentences name it.
const NEAR_TOP: usize = 3;

/// Offices: by canonical label; a national post whose country the text left
/// out takes it from its holder's other offices in the corpus, or else from
/// a country of the holder's own sentences among the [`NEAR_TOP`] its
/// document speaks of most, or else from the countries its document speaks
/// of most; always one that no other holder of that title in the document
/// has taken.
fn link_offices(docs: &[DocFacts], clusters: &mut Vec<Cluster>, assign: &mut Assignment) {
    // What the corpus says explicitly: (person cluster, title, modifier) → jurisdiction.
    let mut explicit: BTreeMap<(usize, String, Option<String>), EntityRef> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for r in doc
            .relations
            .iter()
            .filter(|r| r.predicate == "holdsOffice")
        {
            let Some(&p) = assign.get(&(d, r.subject)) else {
                continue;
            };
            if let Detail::Office {
                title,
                jurisdiction: Some(j),
                modifier,
                ..
            } = &doc.entities[r.object].detail
            {
                explicit
                    .entry((p, title.clone(), modifier.clone()))
                    .or_insert_with(|| j.clone());
            }
        }
    }
    let mut by_label: BTreeMap<String, usize> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let holders = |e: usize| -> Vec<usize> {
            doc.relations
                .iter()
                .filter(|r| r.predicate == "holdsOffice" && r.object == e)
                .filter_map(|r| assign.get(&(d, r.subject)).copied())
                .collect()
        };
        // Countries already taken per title (and modifier: a former
        // president takes nothing from the current one) in this document.
        let mut taken: BTreeMap<(String, Option<String>), BTreeSet<String>> = BTreeMap::new();
        // Of those, the countries whose post has a holder named.
        let mut held: BTreeMap<(String, Option<String>), BTreeSet<String>> = BTreeMap::new();
        let mut resolved: BTreeMap<usize, Detail> = BTreeMap::new();
        let mut pending: Vec<usize> = Vec::new();
        for (e, ent) in doc.entities.iter().enumerate() {
            let Detail::Office {
                title,
                jurisdiction,
                modifier,
                national,
            } = &ent.detail
            else {
                continue;
            };
            let from_holder = holders(e)
                .into_iter()
                .find_map(|p| explicit.get(&(p, title.clone(), modifier.clone())).cloned());
            let j = match (jurisdiction, from_holder) {
                (Some(j), _) => Some(j.clone()),
                (None, Some(j)) => Some(j),
                (None, None) if *national => {
                    pending.push(e);
                    None
                }
                (None, None) => None,
            };
            if let Some(j) = &j {
                taken
                    .entry((title.clone(), modifier.clone()))
                    .or_default()
                    .insert(j.name.clone());
                if !holders(e).is_empty() {
                    held.entry((title.clone(), modifier.clone()))
                        .or_default()
                        .insert(j.name.clone());
                }
            }
            resolved.insert(
                e,
                Detail::Office {
                    title: title.clone(),
                    jurisdiction: j,
                    modifier: modifier.clone(),
                    national: *national,
                },
            );
        }
        // In order of first mention; one country per holder and title.
        pending.sort_by_key(|&e| doc.entities[e].mentions.first().map(|m| m.start));
        let mut per_holder: BTreeMap<(String, Option<String>, Option<usize>), Option<String>> =
            BTreeMap::new();
        for e in pending {
            let Some(Detail::Office {
                title, modifier, ..
            }) = resolved.get(&e).cloned()
            else {
                continue;
            };
            let holder = holders(e).into_iter().next();
            let key = (title.clone(), modifier.clone(), holder);
            // The countries of the holder's own sentences first.
            let near: &[String] = doc
                .relations
                .iter()
                .find(|r| r.predicate == "holdsOffice" && r.object == e)
                .and_then(|r| doc.person_countries.get(&r.subject))
                .map_or(&[], Vec::as_slice);
            let country = match per_holder.get(&key) {
                Some(c) => c.clone(),
                None => {
                    let h = held.get(&(title.clone(), modifier.clone()));
                    let t = taken.entry((title.clone(), modifier.clone())).or_default();
                    // Only a country the document speaks much of: a
                    // passing place near the name is no post's country.
                    let top = &doc.country_rank[..doc.country_rank.len().min(NEAR_TOP)];
                    // "the U.S. Trade Representative" with no name, then
                    // "Michael Froman, Obama's trade representative, who led
                    // the U.S. team": the holder's own sentences may give
                    // the post a country that only an unheld mention took.
                    // "Prime Minister Justin Trudeau" in a story about the
                    // United States: never a country that has no such post.
                    let absent = doc.titles_absent.get(&title);
                    let has_post = |c: &String| !absent.is_some_and(|a| a.contains(c));
                    let own = near.first().filter(|c| {
                        top.contains(*c) && !h.is_some_and(|h| h.contains(*c)) && has_post(c)
                    });
                    let c = own
                        .into_iter()
                        .chain(
                            near.iter()
                                .filter(|c| top.contains(*c))
                                .chain(&doc.country_rank)
                                .find(|c| !t.contains(*c) && has_post(c)),
                        )
                        .next()
                        .cloned();
                    if let Some(c) = &c {
                        t.insert(c.clone());
                        // A holder's post, once given its country, is held.
                        if holder.is_some() {
                            held.entry((title, modifier)).or_default().insert(c.clone());
                        }
                    }
                    per_holder.insert(key, c.clone());
                    c
                }
            };
            if let Some(Detail::Office { jurisdiction, .. }) = resolved.get_mut(&e) {
                *jurisdiction = country.map(|name| EntityRef {
                    kind: EntityKind::Country,
                    name,
                });
            }
        }
        for (e, detail) in resolved {
            let Detail::Office {
                title,
                jurisdiction,
                modifier,
                ..
            } = &detail
            else {
                continue;
            };
            let label = office_label(title, jurisdiction.as_ref(), modifier.as_deref());
            let c = match by_label.get(&label) {
                Some(&c) => c,
                None => {
                    let c = new_cluster(clusters, EntityKind::Office, detail.clone());
                    by_label.insert(label, c);
                    c
                }
            };
            join(clusters, assign, c, (d, e));
        }
    }
}

/// The label of a cluster: its most frequent name, the longest on a tie.
fn cluster_label(docs: &[DocFacts], c: &Cluster) -> String {
    if let Detail::Office {
        title,
        jurisdiction,
        modifier,
        ..
    } = &c.detail
    {
        return office_label(title, jurisdiction.as_ref(), modifier.as_deref());
    }
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for &(d, e) in &c.members {
        *count.entry(docs[d].entities[e].label.as_str()).or_default() += 1;
    }
    count
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.split(' ').count().cmp(&b.0.split(' ').count()))
                .then(b.0.cmp(a.0))
        })
        .map(|(l, _)| l.to_string())
        .unwrap_or_default()
}

/// The countries and bodies involved in each described agreement, by the
/// corpus's relations: they name it ("Turkmenistan–Ukraine gas deal").
fn agreement_parties(
    docs: &[DocFacts],
    clusters: &[Cluster],
    assign: &Assignment,
) -> BTreeMap<usize, BTreeSet<String>> {
    // Per cluster: the parties, and those that only rejected or endorsed it.
    let mut out: BTreeMap<usize, [BTreeSet<String>; 2]> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        // Parties written into the mention ("the Bolivia deal").
        for (e, ent) in doc.entities.iter().enumerate() {
            if let (
                Detail::Agreement {
                    named: false,
                    parties,
                    ..
                },
                Some(&c),
            ) = (&ent.detail, assign.get(&(d, e)))
            {
                out.entry(c).or_default()[0].extend(parties.iter().map(|p| p.name.clone()));
            }
        }
        for r in &doc.relations {
            // Who rejects or endorses a deal need not be a party to it
            // ("Poland rejected the EU–Mercosur deal"): named by it only
            // when the parties are few enough with them.
            let side = usize::from(matches!(r.predicate.as_str(), "rejected" | "endorsed"));
            let (Some(&s), Some(&o)) = (assign.get(&(d, r.subject)), assign.get(&(d, r.object)))
            else {
                continue;
            };
            let described = matches!(&clusters[o].detail, Detail::Agreement { named: false, .. });
            let party = match &clusters[s].detail {
                Detail::Country => Some(cluster_label(docs, &clusters[s])),
                // A parliament ratifying stands for its country.
                Detail::Organization {
                    country: Some(c),
                    org_type,
                } if is_state_body(org_type) => Some(c.clone()),
                Detail::Organization { .. } => Some(cluster_label(docs, &clusters[s])),
                _ => None,
            };
            if let (true, Some(p)) = (described, party) {
                out.entry(o).or_default()[side].insert(p);
            }
        }
    }
    out.into_iter()
        .filter_map(|(c, [parties, others])| {
            let all: BTreeSet<String> = parties.union(&others).cloned().collect();
            let named_by = if all.len() <= MAX_NAMING_PARTIES {
                all
            } else {
                parties
            };
            (1..=MAX_NAMING_PARTIES)
                .contains(&named_by.len())
                .then_some((c, named_by))
        })
        .collect()
}

/// The most parties an agreement's label is written with.
const MAX_NAMING_PARTIES: usize = 3;

fn build_graph(
    docs: &[DocFacts],
    clusters: Vec<Cluster>,
    assign: &Assignment,
    names: &Names,
    story: BTreeMap<String, String>,
) -> KnowledgeGraph {
    let parties = agreement_parties(docs, &clusters, assign);
    // Entities with IRIs from their labels.
    let mut entities: Vec<Entity> = Vec::new();
    let mut iri_of_cluster: Vec<String> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    // Names (normalised) every country and organisation goes by, for the
    // jurisdictions of offices.
    // An acronym (`GM`) is looked up by the initials of full names.
    let name_key = |kind: EntityKind, name: &str| match kind {
        EntityKind::Organization if is_acronym(name) => (kind, format!("#{name}")),
        EntityKind::Organization => (kind, org_key(name)),
        _ => (kind, name.to_string()),
    };
    let mut by_name: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
    for c in &clusters {
        if c.members.is_empty() {
            // Merged into another (an acronym into its full name).
            iri_of_cluster.push(String::new());
            continue;
        }
        if matches!(c.kind, EntityKind::Country | EntityKind::Organization) {
            for &(d, e) in &c.members {
                let label = &docs[d].entities[e].label;
                by_name
                    .entry(name_key(c.kind, label))
                    .or_insert(entities.len());
                if c.kind == EntityKind::Organization && label.contains(' ') {
                    by_name
                        .entry((c.kind, format!("#{}", initials(label))))
                        .or_insert(entities.len());
                }
            }
        }
        let mut label = cluster_label(docs, c);
        let mut extra_alias = None;
        if let Some(p) = parties.get(&iri_of_cluster.len()) {
            extra_alias = Some(label.clone());
            label = format!(
                "{} {label}",
                p.iter().cloned().collect::<Vec<_>>().join("–")
            );
        }
        let base = format!("{}{}/{}", vocab::ID, c.kind.slug(), slug(&label));
        let mut iri = base.clone();
        let mut n = 2;
        while used.contains(&iri) {
            iri = format!("{base}-{n}");
            n += 1;
        }
        used.insert(iri.clone());
        let mut aliases: BTreeSet<String> = extra_alias.into_iter().collect();
        // Sized once: a country's mentions across a corpus are many, and a
        // vector grown by doubling would hold up to twice their memory.
        let mut mentions = Vec::with_capacity(
            c.members
                .iter()
                .map(|&(d, e)| docs[d].entities[e].mentions.len())
                .sum(),
        );
        let mut detail = c.detail.clone();
        for &(d, e) in &c.members {
            let ent = &docs[d].entities[e];
            if ent.label != label && c.kind != EntityKind::Office {
                aliases.insert(ent.label.clone());
            }
            aliases.extend(ent.aliases.iter().filter(|a| **a != label).cloned());
            // "agreement", "deal": a bare head names nothing.
            if c.kind == EntityKind::Agreement {
                aliases.retain(|a| {
                    a.contains(' ') || a.chars().next().is_some_and(char::is_uppercase)
                });
            }
            mentions.extend(ent.mentions.iter().map(|m| names.span(d, m)));
            detail.absorb_agreement(&ent.detail);
        }
        if let Detail::Agreement {
            topics, parties, ..
        } = &mut detail
        {
            topics.sort();
            parties.sort();
        }
        mentions.sort();
        mentions.dedup();
        mentions.shrink_to_fit();
        iri_of_cluster.push(iri.clone());
        entities.push(Entity {
            iri,
            kind: c.kind,
            label,
            aliases,
            mentions,
            detail,
        });
    }
    // A body named by the first words of a name the corpus knows
    // ("Mitsubishi's chief executive", "Mitsubishi Motors") is that body,
    // when only one name starts so.
    let mut by_first_words: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Organization {
            continue;
        }
        let key = org_key(&e.label);
        let words: Vec<&str> = key.split(' ').collect();
        for n in 1..words.len() {
            by_first_words
                .entry(words[..n].join(" "))
                .and_modify(|v| {
                    if *v != Some(i) {
                        *v = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    for e in &entities {
        if let Detail::Office {
            jurisdiction: Some(j),
            ..
        } = &e.detail
        {
            if j.kind != EntityKind::Organization || is_acronym(&j.name) {
                continue;
            }
            let key = name_key(j.kind, &j.name);
            if by_name.contains_key(&key) {
                continue;
            }
            if let Some(Some(i)) = by_first_words.get(&org_key(&j.name)) {
                by_name.insert(key, *i);
            }
        }
    }
    // Jurisdictions named only inside an office title still become nodes.
    let mut extra = Vec::new();
    for e in &entities {
        if let Detail::Office {
            jurisdiction: Some(j),
            ..
        } = &e.detail
        {
            if let std::collections::btree_map::Entry::Vacant(slot) =
                by_name.entry(name_key(j.kind, &j.name))
            {
                let iri = format!("{}{}/{}", vocab::ID, j.kind.slug(), slug(&j.name));
                slot.insert(entities.len() + extra.len());
                extra.push(Entity {
                    iri,
                    kind: j.kind,
                    label: j.name.clone(),
                    aliases: BTreeSet::new(),
                    mentions: vec![],
                    detail: if j.kind == EntityKind::Country {
                        Detail::Country
                    } else {
                        Detail::Organization {
                            org_type: "Organization".into(),
                            country: None,
                        }
                    },
                });
            }
        }
    }
    entities.extend(extra);
    // Relations: (subject iri, predicate, object iri) → evidence.
    let mut rels: BTreeMap<(String, String, String), Vec<DocSpan>> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for r in &doc.relations {
            let (Some(&s), Some(&o)) = (assign.get(&(d, r.subject)), assign.get(&(d, r.object)))
            else {
                continue;
            };
            if s == o {
                continue;
            }
            let ev = rels
                .entry((
                    iri_of_cluster[s].clone(),
                    r.predicate.clone(),
                    iri_of_cluster[o].clone(),
                ))
                .or_default();
            ev.extend(r.evidence.iter().map(|m| names.span(d, m)));
        }
    }
    for e in &entities {
        if let Detail::Office {
            jurisdiction: Some(j),
            ..
        } = &e.detail
        {
            if let Some(&ji) = by_name.get(&name_key(j.kind, &j.name)) {
                rels.entry((
                    e.iri.clone(),
                    "jurisdiction".into(),
                    entities[ji].iri.clone(),
                ))
                .or_default();
            }
        }
    }
    let office_of: BTreeMap<&str, &Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Office)
        .map(|e| (e.iri.as_str(), e))
        .collect();
    let jurisdiction_of = |office: &str| -> Option<String> {
        rels.range(
            (
                office.to_string(),
                "jurisdiction".to_string(),
                String::new(),
            )..,
        )
        .next()
        .filter(|((s, p, _), _)| s == office && p == "jurisdiction")
        .map(|((_, _, o), _)| o.clone())
    };
    let (events, tenures) = events_and_tenures(
        docs,
        names,
        assign,
        &iri_of_cluster,
        &rels,
        &office_of,
        &jurisdiction_of,
    );
    // The graph, nodes in IRI order.
    entities.sort_by(|a, b| a.iri.cmp(&b.iri));
    let mut graph = DiGraph::new();
    let mut node_of: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for e in entities {
        let iri = e.iri.clone();
        let n = graph.add_node(e);
        node_of.insert(iri, n);
    }
    for ((s, p, o), mut evidence) in rels {
        let (Some(&si), Some(&oi)) = (node_of.get(&s), node_of.get(&o)) else {
            continue;
        };
        evidence.sort();
        evidence.dedup();
        // Copies of one story are one source.
        let sources = evidence
            .iter()
            .map(|e| story.get(&*e.doc).map_or(&*e.doc, String::as_str))
            .collect::<BTreeSet<_>>()
            .len();
        graph.add_edge(
            si,
            oi,
            Relation {
                predicate: p,
                evidence,
                sources,
            },
        );
    }
    let kept = |iri: &str| node_of.contains_key(iri);
    let tenures: Vec<Tenure> = tenures
        .into_iter()
        .filter(|t| kept(&t.person) && kept(&t.office))
        .collect();
    let office_by_label: BTreeMap<&str, &str> = graph
        .node_weights()
        .filter(|e| e.kind == EntityKind::Office)
        .map(|e| (e.label.as_str(), e.iri.as_str()))
        .collect();
    let references = office_references(
        docs,
        names,
        assign,
        &iri_of_cluster,
        &office_by_label,
        &tenures,
    );
    let events: Vec<Event> = events
        .into_iter()
        .filter(|e| kept(&e.agent) && kept(&e.agreement))
        .collect();
    KnowledgeGraph {
        graph,
        documents: docs.iter().map(|d| d.doc.clone()).collect(),
        status: agreement_status(&events),
        events,
        tenures,
        duplicate_of: story,
        references,
    }
}

/// How far (in days) from the dates a tenure is attested at a document's
/// date may be for its office mention to name that holder.
const TENURE_REACH_DAYS: i64 = 730;

/// A day count for distances between dates (exact to a day or so, which is
/// all [`TENURE_REACH_DAYS`] needs).
fn day_number(iso: &str) -> Option<i64> {
    let d = crate::read::time::parse_iso(iso)?;
    let y = i64::from(d.year()) - 1;
    Some(y * 365 + y / 4 - y / 100 + y / 400 + i64::from(d.day_of_year()))
}

/// The one person whose attested tenure of a post is nearest `day`
/// (within [`TENURE_REACH_DAYS`]; none on a tie between two people).
fn holder_at<'a>(holders: &[(&'a str, i64, i64)], day: i64) -> Option<&'a str> {
    let mut near: Vec<(i64, &str)> = holders
        .iter()
        .map(|&(p, from, until)| {
            let gap = if day < from {
                from - day
            } else if day > until {
                day - until
            } else {
                0
            };
            (gap, p)
        })
        .filter(|(gap, _)| *gap <= TENURE_REACH_DAYS)
        .collect();
    near.sort();
    match near.as_slice() {
        [only] => Some(only.1),
        [a, b, ..] if a.0 < b.0 || a.1 == b.1 => Some(a.1),
        _ => None,
    }
}

/// Office mentions whose document names no holder for the post, resolved
/// to the person who held the post at the document's date ([`holder_at`]).
/// A title written without its country ("the Treasury Secretary") is
/// resolved only when, of the countries the document speaks of, exactly
/// one has such a post with a holder then: "the president" of an article
/// about two presidents stays unresolved.
fn office_references(
    docs: &[DocFacts],
    names: &Names,
    assign: &Assignment,
    iri_of_cluster: &[String],
    office_by_label: &BTreeMap<&str, &str>,
    tenures: &[Tenure],
) -> Vec<Reference> {
    let mut by_office: BTreeMap<&str, Vec<(&str, i64, i64)>> = BTreeMap::new();
    for t in tenures {
        let (Some(from), Some(until)) = (
            t.from.as_deref().and_then(day_number),
            t.until.as_deref().and_then(day_number),
        ) else {
            continue;
        };
        by_office
            .entry(t.office.as_str())
            .or_default()
            .push((t.person.as_str(), from, until));
    }
    let person_at = |office: &str, day: i64| {
        by_office
            .get(office)
            .and_then(|holders| holder_at(holders, day))
    };
    let mut out = Vec::new();
    let mut refer = |d: usize, ent: &LocalEntity, office: &str, person: &str| {
        for m in &ent.mentions {
            out.push(Reference {
                mention: names.span(d, m),
                office: office.to_string(),
                person: person.to_string(),
            });
        }
    };
    for (d, doc) in docs.iter().enumerate() {
        let Some(day) = doc.doc.date.as_deref().and_then(day_number) else {
            continue;
        };
        let held: BTreeSet<usize> = doc
            .relations
            .iter()
            .filter(|r| r.predicate == "holdsOffice")
            .map(|r| r.object)
            .collect();
        for (e, ent) in doc.entities.iter().enumerate() {
            if ent.kind != EntityKind::Office || held.contains(&e) {
                continue;
            }
            let Some(office) = assign
                .get(&(d, e))
                .and_then(|&c| iri_of_cluster.get(c))
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            if let Some(person) = person_at(office, day) {
                refer(d, ent, office, person);
            }
        }
        for ent in &doc.bare_offices {
            let Detail::Office {
                title, modifier, ..
            } = &ent.detail
            else {
                continue;
            };
            let answers: BTreeSet<(&str, &str)> = doc
                .country_rank
                .iter()
                .filter_map(|country| {
                    let j = EntityRef {
                        kind: EntityKind::Country,
                        name: country.clone(),
                    };
                    let label = office_label(title, Some(&j), modifier.as_deref());
                    let office = *office_by_label.get(label.as_str())?;
                    Some((office, person_at(office, day)?))
                })
                .collect();
            if let [(office, person)] = answers.into_iter().collect::<Vec<_>>()[..] {
                refer(d, ent, office, person);
            }
        }
    }
    out.sort();
    out
}

/// Groups the documents into stories by their fingerprints: each document
/// that is a copy of an earlier one (by id) → the first of its story.
/// Candidates come from an index of lead trigrams (trigrams shared by more
/// than [`COMMON_TRIGRAM`] documents are stock phrases and not looked up),
/// so the work grows with the corpus, not with its pairs.
fn stories(docs: &[DocFacts]) -> BTreeMap<String, String> {
    const COMMON_TRIGRAM: usize = 200;
    // Each document's lead trigrams, once each.
    let leads: Vec<Vec<u32>> = docs
        .iter()
        .map(|doc| {
            let mut l: Vec<u32> = doc.fingerprint.lead.iter().flatten().copied().collect();
            l.sort_unstable();
            l.dedup();
            l
        })
        .collect();
    // Union-find, the root of a set its smallest document.
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // A document whose fingerprint (with a lead) is that of an earlier one
    // is a copy of it outright, as a corpus repeated holds; only the first
    // of such a group is looked up.
    let mut first_of: FxHashMap<&Fingerprint, usize> = FxHashMap::default();
    let mut looked_up = vec![true; docs.len()];
    for (d, doc) in docs.iter().enumerate() {
        if doc.fingerprint.lead.is_empty() {
            continue;
        }
        if let Some(&first) = first_of.get(&doc.fingerprint) {
            parent[d] = first;
            looked_up[d] = false;
        } else {
            first_of.insert(&doc.fingerprint, d);
        }
    }
    // How many documents hold each lead trigram (all of them: a stock
    // phrase is common however its documents are grouped), and which of
    // those looked up do.
    let mut count: FxHashMap<u32, usize> = FxHashMap::default();
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (d, lead) in leads.iter().enumerate() {
        for &h in lead {
            *count.entry(h).or_default() += 1;
            if looked_up[d] {
                index.entry(h).or_default().push(d);
            }
        }
    }
    for (d, doc) in docs.iter().enumerate() {
        if !looked_up[d] {
            continue;
        }
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for h in &leads[d] {
            if count.get(h).is_some_and(|&c| c > COMMON_TRIGRAM) {
                continue;
            }
            if let Some(posting) = index.get(h) {
                for &other in posting.iter().filter(|&&o| o < d) {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        for (other, n) in shared {
            if n < 3 {
                continue;
            }
            let (a, b) = (root(&mut parent, other), root(&mut parent, d));
            // Already one story (a third copy of it): nothing to compare.
            if a != b && docs[other].fingerprint.same_story(&doc.fingerprint) {
                let (lo, hi) = (a.min(b), a.max(b));
                parent[hi] = lo;
            }
        }
    }
    let mut out = BTreeMap::new();
    for d in 0..docs.len() {
        let r = root(&mut parent, d);
        if r != d {
            out.insert(docs[d].doc.id.clone(), docs[r].doc.id.clone());
        }
    }
    out
}

type Rels = BTreeMap<(String, String, String), Vec<DocSpan>>;

/// The events told by each document's involvement relations, and the
/// tenures attested by the holdsOffice relations, their documents' dates
/// and the events done in office.
fn events_and_tenures(
    docs: &[DocFacts],
    names: &Names,
    assign: &Assignment,
    iri_of_cluster: &[String],
    rels: &Rels,
    office_of: &BTreeMap<&str, &Entity>,
    jurisdiction_of: &dyn Fn(&str) -> Option<String>,
) -> (Vec<Event>, Vec<Tenure>) {
    let iri = |d: usize, e: usize| -> Option<&str> {
        let c = *assign.get(&(d, e))?;
        iri_of_cluster
            .get(c)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    };
    let current = |office: &str| {
        office_of.get(office).is_some_and(
            |e| !matches!(&e.detail, Detail::Office { modifier: Some(m), .. } if m == "former"),
        )
    };
    // The posts the corpus knows each person to hold (not former ones).
    let mut posts: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (s, p, o) in rels.keys() {
        if p == "holdsOffice" && current(o) {
            posts.entry(s.as_str()).or_default().insert(o.as_str());
        }
    }
    let mut events = Vec::new();
    // (person, office) → (dates, documents)
    let mut attested: BTreeMap<(String, String), (BTreeSet<String>, BTreeSet<String>)> =
        BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let reported = doc
            .doc
            .date
            .as_deref()
            .and_then(crate::read::time::parse_iso)
            .map(|d| d.to_string());
        // Offices held in this document, by holder, with where it says so.
        let mut held: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
        for r in doc
            .relations
            .iter()
            .filter(|r| r.predicate == "holdsOffice")
        {
            let (Some(s), Some(o)) = (iri(d, r.subject), iri(d, r.object)) else {
                continue;
            };
            let at = r.evidence.first().map_or(0, |e| e.start);
            held.entry(s).or_default().push((at, o));
            let entry = attested.entry((s.to_string(), o.to_string())).or_default();
            entry.1.insert(doc.doc.id.clone());
            if let Some(r) = &reported {
                entry.0.insert(r.clone());
            }
        }
        // Dates written in this document, by where.
        let dates: Vec<(usize, usize, &str)> = doc
            .entities
            .iter()
            .filter_map(|e| match &e.detail {
                Detail::Date { iso: Some(iso) } => Some((e, iso.as_str())),
                _ => None,
            })
            .flat_map(|(e, iso)| e.mentions.iter().map(move |m| (m.start, m.end, iso)))
            .collect();
        for r in &doc.relations {
            if !crate::vocab::INVOLVEMENT_PREDICATES.contains(&r.predicate.as_str()) {
                continue;
            }
            let (Some(agent), Some(agreement)) = (iri(d, r.subject), iri(d, r.object)) else {
                continue;
            };
            if agent == agreement {
                continue;
            }
            for ev in &r.evidence {
                // The office held nearest before the act, else the first.
                let capacity = held
                    .get(agent)
                    .and_then(|offices| {
                        offices
                            .iter()
                            .filter(|(_, o)| current(o))
                            .filter(|(at, _)| *at <= ev.start)
                            .max()
                            .or_else(|| offices.iter().filter(|(_, o)| current(o)).min())
                            .map(|(_, o)| *o)
                    })
                    .or_else(|| match posts.get(agent) {
                        Some(p) if p.len() == 1 => p.iter().next().copied(),
                        _ => None,
                    });
                let date = dates
                    .iter()
                    .filter(|(s, e, _)| ev.start <= *s && *e <= ev.end)
                    .min()
                    .map(|(_, _, iso)| (*iso).to_string());
                let span = names.span(d, ev);
                let key = format!(
                    "{} {} {} {} {} {}",
                    span.doc, span.start, span.end, agent, r.predicate, agreement
                );
                if let Some(office) = capacity {
                    let entry = attested
                        .entry((agent.to_string(), office.to_string()))
                        .or_default();
                    if let Some(day) = date.as_deref().filter(|d| d.len() == 10) {
                        entry.0.insert(day.to_string());
                    }
                }
                events.push(Event {
                    iri: format!("{}event/{:016x}", vocab::ID, stable_hash(&key)),
                    action: r.predicate.clone(),
                    agent: agent.to_string(),
                    agreement: agreement.to_string(),
                    capacity: capacity.map(str::to_string),
                    date,
                    reported: reported.clone(),
                    evidence: span,
                });
            }
        }
    }
    events.sort();
    events.dedup_by(|a, b| a.iri == b.iri);
    let tenures = attested
        .into_iter()
        .map(|((person, office), (dates, documents))| Tenure {
            iri: format!(
                "{}tenure/{:016x}",
                vocab::ID,
                stable_hash(&format!("{person} {office}"))
            ),
            organization: jurisdiction_of(&office),
            from: dates.first().cloned(),
            until: dates.last().cloned(),
            documents: documents.into_iter().collect(),
            person,
            office,
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    (events, tenures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_dashed() {
        assert_eq!(slug("Volodymyr Zelenskyy"), "volodymyr-zelenskyy");
        assert_eq!(
            slug("Secretary of the Treasury of the United States"),
            "secretary-of-the-treasury-of-the-united-states"
        );
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("¿?"), "_");
    }
}
