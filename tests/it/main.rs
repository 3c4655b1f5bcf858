//! End-to-end tests of esep: fixtures, validation rules, the command line and the pack.

mod cli;
#[cfg(feature = "client-tests")]
mod clients;
mod compliance;
mod documents;
mod fixtures;
mod followup;
mod hostile;
mod import;
mod messages;
mod mutation;
mod pdf;
mod protocol;
mod public;
mod scale;
mod schedule;
mod validation;
mod workbooks;
