//! IRIs of the newsgraph vocabulary (`ontology/newsgraph.ttl`) and of the
//! standard vocabularies it is aligned with. A test checks that every `ng:`
//! term used here is declared in the Turtle file.

/// The newsgraph vocabulary namespace.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";
/// Where entity, document and evidence IRIs live.
pub const ID: &str = "https://w3id.org/newsgraph/id/";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const SCHEMA: &str = "https://schema.org/";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const TIME: &str = "http://www.w3.org/2006/time#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";

/// The local names of the involvement predicates newsgraph writes: who did
/// what with an agreement. The scorer of `../shared/eval` reads the same names.
pub const INVOLVEMENT_PREDICATES: &[&str] = &[
    "negotiated",
    "signed",
    "proposed",
    "rejected",
    "ratified",
    "drafted",
    "submitted",
    "received",
    "finalized",
    "endorsed",
    "joined",
    "approved",
    "withdrewFrom",
    "partyTo",
];

/// The other `ng:` local names the code writes (classes and properties);
/// each, like the involvement predicates, is declared in the ontology.
pub const NG_TERMS: &[&str] = &[
    // classes
    "Person",
    "Office",
    "Agreement",
    "Organization",
    "Country",
    "Document",
    "Mention",
    "Assertion",
    "Evidence",
    "AgreementEvent",
    "Tenure",
    // properties
    "holdsOffice",
    "jurisdiction",
    "mentionOf",
    "inDocument",
    "rule",
    "assertedBy",
    "subject",
    "predicate",
    "object",
    "sources",
    "documentId",
    "agreementClass",
    "organizationType",
    "modifier",
    "action",
    "agent",
    "agreement",
    "inCapacityOf",
    "date",
    "reportedOn",
    "reportedIn",
    "post",
    "attestedFrom",
    "attestedUntil",
    "attestedIn",
    "duplicateOf",
    "refersTo",
    "status",
    "statusDate",
];

/// `ng:` + local name.
pub fn ng(local: &str) -> String {
    format!("{NG}{local}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_declared_in_the_ontology() {
        let ttl = include_str!("../ontology/newsgraph.ttl");
        for term in NG_TERMS.iter().chain(INVOLVEMENT_PREDICATES) {
            let declared = ttl.contains(&format!("\nng:{term} a "))
                || ttl.contains(&format!("\nng:{term}\n    a "));
            assert!(
                declared,
                "ng:{term} is not declared in ontology/newsgraph.ttl"
            );
        }
    }
}
