//! End-to-end tests of esep: fixtures, validation rules, the command line and the pack.

mod cli;
mod documents;
mod fixtures;
mod hostile;
mod import;
mod mutation;
mod validation;
mod workbooks;
