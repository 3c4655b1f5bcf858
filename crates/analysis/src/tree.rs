//! The department's tree of units: which bodies each unit covers, and the order of the report.

use std::collections::HashMap;

use polars::prelude::*;

/// The units of a department as frames.
pub(crate) struct Tree {
    /// (`ancestor`, `unit`) for every unit and each of its bodies, itself included: joined to a
    /// source and grouped by `ancestor`, it gives each unit's figures over all its bodies.
    pub members: DataFrame,
    /// One row per unit in input order: `unit`, `parent`, `depth`, `group`, `population` and
    /// `population_previous` (the previous year's, else this year's).
    pub units: DataFrame,
    /// Unit codes in report order: the department, then each body after its parent, siblings
    /// in input order.
    pub order: Vec<String>,
}

/// Builds the tree from the `units` frame (validated: one root, no cycles).
pub(crate) fn tree(units: &DataFrame) -> PolarsResult<Tree> {
    let codes: Vec<String> =
        units.column("code")?.str()?.iter().map(|c| c.unwrap_or_default().to_string()).collect();
    let parents: Vec<Option<String>> =
        units.column("parent")?.str()?.iter().map(|p| p.map(str::to_string)).collect();
    let parent_of: HashMap<&str, Option<&str>> =
        codes.iter().map(String::as_str).zip(parents.iter().map(Option::as_deref)).collect();
    // Ancestors of each unit, itself first; the guard ends a chain that validation let loop.
    let ancestors = |code: &str| -> Vec<String> {
        let mut chain = Vec::new();
        let mut current = Some(code);
        while let Some(c) = current {
            if chain.len() > codes.len() {
                break;
            }
            chain.push(c.to_string());
            current = parent_of.get(c).copied().flatten();
        }
        chain
    };
    let (mut anc, mut unit, mut depth) = (Vec::new(), Vec::new(), Vec::new());
    for code in &codes {
        let chain = ancestors(code);
        depth.push(chain.len() as u32 - 1);
        for a in chain {
            anc.push(a);
            unit.push(code.clone());
        }
    }
    let members = DataFrame::new(
        anc.len(),
        vec![Column::new("ancestor".into(), anc), Column::new("unit".into(), unit)],
    )?;
    let population = units.column("population")?.cast(&DataType::Float64)?;
    // The previous year's rates use the previous year's population where the units give it.
    let previous = units.column("population_previous")?.cast(&DataType::Float64)?;
    let previous = previous.f64()?.zip_with(&previous.f64()?.is_not_null(), population.f64()?)?;
    let groups: Vec<&str> = units
        .column("level")?
        .str()?
        .iter()
        .map(|l| crate::ranks::level_group(l.unwrap_or_default()))
        .collect();
    let table = DataFrame::new(
        codes.len(),
        vec![
            Column::new("unit".into(), codes.clone()),
            Column::new("parent".into(), parents.clone()),
            Column::new("depth".into(), depth),
            Column::new("group".into(), groups),
            population.with_name("population".into()),
            previous.into_column().with_name("population_previous".into()),
        ],
    )?;
    Ok(Tree { members, units: table, order: report_order(&codes, &parents) })
}

/// Department first, then each body after its parent, siblings in input order: a walk with a
/// stack of its own, so no depth of the tree can overflow the program's.
fn report_order(codes: &[String], parents: &[Option<String>]) -> Vec<String> {
    let children = |parent: Option<&str>| -> Vec<usize> {
        (0..codes.len()).filter(|&k| parents[k].as_deref() == parent).collect()
    };
    let mut seen = vec![false; codes.len()];
    let mut out = Vec::with_capacity(codes.len());
    let mut stack: Vec<usize> = children(None).into_iter().rev().collect();
    while let Some(k) = stack.pop() {
        if std::mem::replace(&mut seen[k], true) {
            continue;
        }
        out.push(codes[k].clone());
        stack.extend(children(Some(&codes[k])).into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_follow_their_parent_in_input_order() {
        let codes: Vec<String> = ["D", "C1", "R1", "C1-A", "C1-B", "R2"].map(String::from).to_vec();
        let parents: Vec<Option<String>> = [None, Some("D"), Some("D"), Some("C1"), Some("C1"), Some("D")]
            .map(|p| p.map(String::from))
            .to_vec();
        assert_eq!(report_order(&codes, &parents), ["D", "C1", "C1-A", "C1-B", "R1", "R2"]);
    }

    #[test]
    fn a_deep_chain_is_walked_without_recursion() {
        let n = 5_000;
        let codes: Vec<String> = (0..n).map(|k| format!("U{k}")).collect();
        let parents: Vec<Option<String>> = (0..n).map(|k| (k > 0).then(|| format!("U{}", k - 1))).collect();
        let order = report_order(&codes, &parents);
        assert_eq!(order.len(), n);
        assert_eq!(order.last().map(String::as_str), Some("U4999"));
    }
}
