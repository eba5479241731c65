//! `newsgraph eval`: score extracted JSON lines against a gold file, by the
//! rules of `../shared/eval/score.py` (see its README): entities matched
//! one-to-one within a type group by name tokens and shared documents,
//! relations scored on matched entities, and the predicate accuracy of the
//! involvement relations. The figures agree with `score.py`'s.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;
use serde_json::Value;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const GROUPS: &[(&str, &[&str])] = &[
    ("Person", &["person"]),
    ("Office", &["office", "post", "role", "position"]),
    (
        "Agreement",
        &[
            "agreement",
            "treaty",
            "deal",
            "declaration",
            "memorandum",
            "accord",
        ],
    ),
    (
        "Org",
        &[
            "org",
            "organization",
            "organisation",
            "country",
            "governmentorganization",
            "government",
            "governmentbody",
            "state",
            "party",
            "gpe",
            "media",
            "newsorganization",
            "institution",
            "body",
            "agency",
            "alliance",
        ],
    ),
];
const INVOLVEMENT: &[&str] = &[
    "negotiated",
    "signed",
    "proposed",
    "rejected",
    "partyto",
    "ratified",
    "drafted",
    "submitted",
    "received",
    "finalized",
    "finalised",
    "endorsed",
    "joined",
    "approved",
    "withdrewfrom",
    "declinedtosign",
    "refusedtosign",
    "negotiates",
    "signs",
    "proposes",
    "rejects",
    "involvedin",
    "participatedin",
];
const DEMONYMS: &[(&str, &str)] = &[
    ("ukrainian", "ukraine"),
    ("american", "us"),
    ("russian", "russia"),
    ("british", "uk"),
    ("iranian", "iran"),
    ("israeli", "israel"),
    ("chinese", "china"),
    ("german", "germany"),
    ("french", "france"),
    ("turkish", "turkey"),
];
const STOP: &[&str] = &["the", "of", "a", "an", "and", "for", "on", "in", "to", "s"];

#[allow(clippy::expect_used)] // constant patterns, checked by the tests
static PATTERNS: LazyLock<[Regex; 6]> = LazyLock::new(|| {
    [
        Regex::new(r"\bu\.\s?s\.?(\W|$)").expect("us"),
        Regex::new(r"\bu\.\s?k\.?(\W|$)").expect("uk"),
        Regex::new(r"'s\b").expect("possessive"),
        Regex::new(r"[^a-z0-9]+").expect("punctuation"),
        Regex::new(r"\bunited states( of america)?\b").expect("united states"),
        Regex::new(r"\bunited kingdom\b").expect("united kingdom"),
    ]
});

/// The scorer's name tokens: lower case, accents and punctuation dropped,
/// `U.S.` → `us`, demonyms → country, a plural `s` dropped, stop words out.
pub fn tokens(text: &str) -> BTreeSet<String> {
    let t: String = text.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    let t = t.to_lowercase().replace('’', "'");
    let [us, uk, poss, punct, states, kingdom] = &*PATTERNS;
    let t = us.replace_all(&t, " us $1");
    let t = uk.replace_all(&t, " uk $1");
    let t = poss.replace_all(&t, " ");
    let t = punct.replace_all(&t, " ");
    let t = states.replace_all(&t, "us");
    let t = kingdom.replace_all(&t, "uk");
    let mut out = BTreeSet::new();
    for w in t.split_whitespace() {
        let mut w = DEMONYMS
            .iter()
            .find(|(d, _)| *d == w)
            .map_or(w, |(_, c)| *c)
            .to_string();
        if w.chars().count() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            w.pop();
        }
        if !STOP.contains(&w.as_str()) {
            out.insert(w);
        }
    }
    out
}

fn group_of(type_name: &str) -> Option<&'static str> {
    let t: String = type_name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase())
        .collect();
    GROUPS
        .iter()
        .find(|(_, names)| names.contains(&t.as_str()))
        .map(|(g, _)| *g)
}

fn letters(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase())
        .collect()
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    #[serde(default)]
    id: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "match")]
    alternatives: Vec<Vec<String>>,
    #[serde(default)]
    docs: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldRelation {
    s: String,
    kind: String,
    o: String,
    #[serde(default)]
    accept: Vec<String>,
}

/// A gold file in the format of `../shared/eval/seeds.gold.json`.
#[derive(Debug, Deserialize)]
pub struct Gold {
    entities: Vec<GoldEntity>,
    #[serde(default)]
    optional: Vec<GoldEntity>,
    relations: Vec<GoldRelation>,
    #[serde(default)]
    optional_relations: Vec<GoldRelation>,
}

/// Precision, recall and F1 of one type or relation kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
}

impl Prf {
    pub fn scores(&self) -> (f64, f64, f64) {
        prf(self.tp, self.fp, self.fn_)
    }
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The whole report.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Person, Office, Agreement, Org.
    pub types: Vec<(&'static str, Prf)>,
    /// holdsOffice, involvedIn.
    pub relations: Vec<(&'static str, Prf)>,
    pub entity: (f64, f64, f64),
    pub relation: (f64, f64, f64),
    pub predicate_accuracy: f64,
    /// Mentions whose offsets slice their text, those that do not, and
    /// those whose document is unknown.
    pub offsets: Option<(usize, usize, usize)>,
}

/// Checks that every mention's `[start, end)` (code points) slices its
/// `text` out of its document; `texts` maps document ids to their text.
pub fn check_offsets(
    records: &[Value],
    texts: &HashMap<String, Vec<char>>,
) -> (usize, usize, usize) {
    let (mut ok, mut bad, mut missing) = (0, 0, 0);
    for r in records.iter().filter(|r| r["record"] == "entity") {
        for m in r["mentions"].as_array().into_iter().flatten() {
            let doc = m["doc"].as_str().unwrap_or_default();
            let (Some(text), Some(s), Some(e)) =
                (texts.get(doc), m["start"].as_u64(), m["end"].as_u64())
            else {
                missing += 1;
                continue;
            };
            let (s, e) = (s as usize, e as usize);
            let slice: Option<String> =
                (s < e && e <= text.len()).then(|| text[s..e].iter().collect());
            match (slice, m["text"].as_str()) {
                (Some(sl), Some(t)) if sl == t => ok += 1,
                (Some(_), None) => ok += 1,
                _ => bad += 1,
            }
        }
    }
    (ok, bad, missing)
}

fn alt_sets(e: &GoldEntity) -> Vec<BTreeSet<String>> {
    e.alternatives
        .iter()
        .map(|a| tokens(&a.join(" ")))
        .collect()
}

fn names_match(names: &[BTreeSet<String>], alts: &[BTreeSet<String>]) -> bool {
    alts.iter()
        .any(|a| !a.is_empty() && names.iter().any(|n| a.is_subset(n)))
}

/// Scores JSON-lines records (entity and relation records; others are
/// ignored) against a gold file.
pub fn score(gold: &Gold, records: &[Value]) -> Report {
    // Predicted entities in file order (a later record with the same id wins).
    let mut order: Vec<String> = Vec::new();
    let mut pred: HashMap<String, &Value> = HashMap::new();
    let mut relations: Vec<&Value> = Vec::new();
    for r in records {
        match r["record"].as_str() {
            Some("entity") => {
                let id = r["id"].as_str().unwrap_or_default().to_string();
                if pred.insert(id.clone(), r).is_none() {
                    order.push(id);
                }
            }
            Some("relation") => relations.push(r),
            _ => {}
        }
    }
    struct Info {
        group: &'static str,
        names: Vec<BTreeSet<String>>,
    }
    let mut info: HashMap<&str, Info> = HashMap::new();
    let mut candidates: Vec<((u8, usize), &str, &str)> = Vec::new();
    for pid in &order {
        let e = pred[pid];
        let Some(g) = group_of(e["type"].as_str().unwrap_or_default()) else {
            continue;
        };
        let mut names = vec![tokens(e["label"].as_str().unwrap_or_default())];
        if let Some(aliases) = e["aliases"].as_array() {
            names.extend(
                aliases
                    .iter()
                    .map(|a| tokens(a.as_str().unwrap_or_default())),
            );
        }
        let docs: HashSet<&str> = e["mentions"]
            .as_array()
            .map(|ms| ms.iter().filter_map(|m| m["doc"].as_str()).collect())
            .unwrap_or_default();
        for ge in gold.entities.iter().filter(|ge| ge.kind == g) {
            let alts = alt_sets(ge);
            if !names_match(&names, &alts) {
                continue;
            }
            let gdocs: HashSet<&str> = ge.docs.iter().map(String::as_str).collect();
            let overlap = docs.intersection(&gdocs).count();
            if !docs.is_empty() && !gdocs.is_empty() && overlap == 0 {
                continue;
            }
            let label_score = if names_match(&names[..1], &alts) {
                2
            } else {
                1
            };
            candidates.push(((label_score, overlap), pid.as_str(), ge.id.as_str()));
        }
        info.insert(pid.as_str(), Info { group: g, names });
    }
    // Stable, best first, as Python's sort(reverse=True).
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut assigned: HashMap<&str, &str> = HashMap::new();
    let mut used: HashSet<&str> = HashSet::new();
    for (_, pid, gid) in candidates {
        if assigned.contains_key(pid) || used.contains(gid) {
            continue;
        }
        assigned.insert(pid, gid);
        used.insert(gid);
    }
    let mut ignored: HashSet<&str> = HashSet::new();
    for (pid, i) in &info {
        if assigned.contains_key(pid) {
            continue;
        }
        if gold
            .optional
            .iter()
            .any(|oe| oe.kind == i.group && names_match(&i.names, &alt_sets(oe)))
        {
            ignored.insert(pid);
        }
    }
    let mut report = Report::default();
    let (mut tp_all, mut fp_all, mut fn_all) = (0, 0, 0);
    for (group, _) in GROUPS {
        let gold_ids: BTreeSet<&str> = gold
            .entities
            .iter()
            .filter(|g| g.kind == *group)
            .map(|g| g.id.as_str())
            .collect();
        let pred_ids: Vec<&str> = order
            .iter()
            .map(String::as_str)
            .filter(|p| info.get(p).is_some_and(|i| i.group == *group))
            .collect();
        let tp = pred_ids
            .iter()
            .filter(|p| assigned.contains_key(*p))
            .count();
        let fp = pred_ids
            .iter()
            .filter(|p| !assigned.contains_key(*p) && !ignored.contains(*p))
            .count();
        let found: BTreeSet<&str> = pred_ids
            .iter()
            .filter_map(|p| assigned.get(p).copied())
            .collect();
        let fn_ = gold_ids.difference(&found).count();
        let all_found: BTreeSet<&str> = assigned.values().copied().collect();
        let mut spurious: Vec<String> = pred_ids
            .iter()
            .filter(|p| !assigned.contains_key(*p) && !ignored.contains(*p))
            .map(|p| pred[*p]["label"].as_str().unwrap_or(p).to_string())
            .collect();
        spurious.sort();
        spurious.truncate(25);
        tp_all += tp;
        fp_all += fp;
        fn_all += fn_;
        report.types.push((
            group,
            Prf {
                tp,
                fp,
                fn_,
                missed: gold_ids
                    .difference(&all_found)
                    .map(|s| s.to_string())
                    .collect(),
                spurious,
            },
        ));
    }
    report.entity = prf(tp_all, fp_all, fn_all);

    let gold_rel: BTreeMap<(String, String, String), &GoldRelation> = gold
        .relations
        .iter()
        .map(|r| ((r.s.clone(), r.kind.clone(), r.o.clone()), r))
        .collect();
    let optional_rel: HashSet<(String, String, String)> = gold
        .optional_relations
        .iter()
        .map(|r| (r.s.clone(), r.kind.clone(), r.o.clone()))
        .collect();
    let mut pred_rel: BTreeSet<(String, String, String)> = BTreeSet::new();
    let (mut fine_ok, mut fine_total) = (0usize, 0usize);
    for rel in relations {
        let raw = rel["predicate"].as_str().unwrap_or_default();
        let local = raw.rsplit('#').next().unwrap_or(raw);
        let local = local.rsplit('/').next().unwrap_or(local);
        let p = letters(local);
        let kind = if p == "holdsoffice" {
            "holdsOffice"
        } else if INVOLVEMENT.contains(&p.as_str()) {
            "involvedIn"
        } else {
            continue;
        };
        let (s, o) = (
            rel["subject"].as_str().unwrap_or_default(),
            rel["object"].as_str().unwrap_or_default(),
        );
        if ignored.contains(s) || ignored.contains(o) {
            continue;
        }
        if !info.contains_key(s) || !info.contains_key(o) {
            continue;
        }
        let end = |x: &str| assigned.get(x).map_or(format!("?{x}"), |g| g.to_string());
        let key = (end(s), kind.to_string(), end(o));
        if optional_rel.contains(&key) {
            continue;
        }
        if !pred_rel.contains(&key) && kind == "involvedIn" {
            if let Some(g) = gold_rel.get(&key) {
                fine_total += 1;
                if g.accept.iter().any(|a| letters(a) == p) {
                    fine_ok += 1;
                }
            }
        }
        pred_rel.insert(key);
    }
    let gold_keys: BTreeSet<(String, String, String)> = gold_rel.keys().cloned().collect();
    for kind in ["holdsOffice", "involvedIn"] {
        let g: BTreeSet<_> = gold_keys.iter().filter(|k| k.1 == kind).cloned().collect();
        let pr: BTreeSet<_> = pred_rel.iter().filter(|k| k.1 == kind).cloned().collect();
        let join = |k: &(String, String, String)| format!("{}|{}|{}", k.0, k.1, k.2);
        let mut spurious: Vec<String> = pr.difference(&g).map(join).collect();
        spurious.truncate(25);
        report.relations.push((
            kind,
            Prf {
                tp: g.intersection(&pr).count(),
                fp: pr.difference(&g).count(),
                fn_: g.difference(&pr).count(),
                missed: g.difference(&pr).map(join).collect(),
                spurious,
            },
        ));
    }
    report.relation = prf(
        gold_keys.intersection(&pred_rel).count(),
        pred_rel.difference(&gold_keys).count(),
        gold_keys.difference(&pred_rel).count(),
    );
    report.predicate_accuracy = if fine_total > 0 {
        fine_ok as f64 / fine_total as f64
    } else {
        0.0
    };
    report
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, t) in self.types.iter().chain(&self.relations) {
            let (p, r, f1) = t.scores();
            writeln!(
                f,
                "{name:<10} P={p:.3} R={r:.3} F1={f1:.3}  tp={} fp={} fn={}",
                t.tp, t.fp, t.fn_
            )?;
            if !t.missed.is_empty() {
                writeln!(f, "   missed:   {}", t.missed.join(", "))?;
            }
            if !t.spurious.is_empty() {
                writeln!(f, "   spurious: {}", t.spurious.join(", "))?;
            }
        }
        if let Some((ok, bad, missing)) = self.offsets {
            writeln!(f, "offsets    ok={ok} bad={bad} missing={missing}")?;
        }
        write!(
            f,
            "summary: entity_f1={:.3} relation_f1={:.3} predicate_acc={:.3}",
            self.entity.2, self.relation.2, self.predicate_accuracy
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_as_the_scorer_makes_them() {
        let t = |s: &str| tokens(s).into_iter().collect::<Vec<_>>();
        assert_eq!(
            t("U.S. Treasury Secretary"),
            ["secretary", "treasury", "us"]
        );
        assert_eq!(t("President of the United States"), ["president", "us"]);
        assert_eq!(
            t("Ukraine’s Presidential Office"),
            ["office", "presidential", "ukraine"]
        );
        assert_eq!(
            t("Ukrainian minerals deals"),
            ["deal", "mineral", "ukraine"]
        );
        assert_eq!(t("Zelenskyy Émile"), ["emile", "zelenskyy"]);
        assert_eq!(t("the U.K."), ["uk"]);
    }
}
