//! Where an author previews a scenario (`kruispunt play --at NODE --set VAR=VALUE`): a node
//! other than the start and chosen variable values, checked against the scenario so that a
//! typo is told with what exists.

use crate::course::checked::{NodeIdx, Scenario};

/// A checked place to open a scenario at, with the value of every variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewStart {
    /// The node the attempt begins at.
    pub node: NodeIdx,
    /// One value per variable of the scenario, in declared order.
    pub values: Vec<i32>,
}

/// Why a preview cannot start as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    /// No node has this id.
    #[error("the scenario has no node `{id}`")]
    UnknownNode {
        /// The id asked for.
        id: String,
        /// The scenario's nodes, in file order.
        nodes: Vec<String>,
    },
    /// `--set` names a variable the scenario does not declare.
    #[error("the scenario has no variable `{id}`")]
    UnknownVariable {
        /// The id given.
        id: String,
        /// The scenario's variables, in declared order.
        variables: Vec<String>,
    },
    /// A value outside the variable's range.
    #[error("`{id}` goes from {min} to {max}, not {value}")]
    OutOfRange {
        /// The variable.
        id: String,
        /// The value given.
        value: i64,
        /// Its lowest value.
        min: i32,
        /// Its highest value.
        max: i32,
    },
    /// A `--set` that is not `VARIABLE=WHOLE-NUMBER`.
    #[error("`{setting}` is not VARIABLE=NUMBER")]
    BadSetting {
        /// What was given.
        setting: String,
    },
}

/// Where to start `scenario`: at node `at` (its start when `None`), with the variables at
/// their start values but for `settings` (`trust=40`, the later of two for one variable).
pub fn preview_start(
    scenario: &Scenario,
    at: Option<&str>,
    settings: &[String],
) -> Result<PreviewStart, PreviewError> {
    let node = match at {
        None => scenario.start,
        Some(id) => scenario
            .node_idx(id)
            .ok_or_else(|| PreviewError::UnknownNode {
                id: id.to_owned(),
                nodes: scenario.nodes.iter().map(|n| n.id.to_string()).collect(),
            })?,
    };
    let mut values: Vec<i32> = scenario.variables.iter().map(|v| v.start).collect();
    for setting in settings {
        let bad = || PreviewError::BadSetting {
            setting: setting.clone(),
        };
        let (id, value) = setting.split_once('=').ok_or_else(bad)?;
        let (id, value) = (id.trim(), value.trim());
        let value: i64 = value.parse().map_err(|_| bad())?;
        let index = scenario
            .variables
            .iter()
            .position(|v| v.id.as_str() == id)
            .ok_or_else(|| PreviewError::UnknownVariable {
                id: id.to_owned(),
                variables: scenario
                    .variables
                    .iter()
                    .map(|v| v.id.to_string())
                    .collect(),
            })?;
        let variable = &scenario.variables[index];
        let in_range = i32::try_from(value)
            .ok()
            .filter(|v| (variable.min..=variable.max).contains(v));
        let Some(value) = in_range else {
            return Err(PreviewError::OutOfRange {
                id: id.to_owned(),
                value,
                min: variable.min,
                max: variable.max,
            });
        };
        if let Some(slot) = values.get_mut(index) {
            *slot = value;
        }
    }
    Ok(PreviewStart { node, values })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load_builtin;
    use crate::engine::ScenarioRun;

    fn scenario() -> Scenario {
        let course = load_builtin().expect("the built-in course loads");
        course
            .scenarios
            .values()
            .find(|s| !s.variables.is_empty() && s.nodes.len() > 3)
            .cloned()
            .expect("a scenario with variables")
    }

    #[test]
    fn a_preview_starts_at_the_node_with_the_values_given() {
        let scenario = scenario();
        let node = &scenario.nodes[2];
        let var = &scenario.variables[0];
        let value = var.max;
        let start = preview_start(
            &scenario,
            Some(node.id.as_str()),
            &[format!("{}={value}", var.id)],
        )
        .expect("a valid preview");
        let run = ScenarioRun::with_values(&scenario, start.node, &start.values).expect("runs");
        assert_eq!(run.variables()[0], value);
        assert!(run.entered().first() == Some(&start.node));
    }

    #[test]
    fn unknown_nodes_variables_and_values_out_of_range_list_what_exists() {
        let scenario = scenario();
        let error = preview_start(&scenario, Some("nergens"), &[]).expect_err("refused");
        let PreviewError::UnknownNode { nodes, .. } = error else {
            panic!("{error:?}");
        };
        assert_eq!(nodes.len(), scenario.nodes.len());
        let error = preview_start(&scenario, None, &["geduld=3".into()]).expect_err("refused");
        assert!(
            matches!(error, PreviewError::UnknownVariable { ref variables, .. } if variables.len() == scenario.variables.len())
        );
        let var = &scenario.variables[0];
        let too_high = format!("{}={}", var.id, i64::from(var.max) + 1);
        assert!(matches!(
            preview_start(&scenario, None, &[too_high]),
            Err(PreviewError::OutOfRange { .. })
        ));
        for bad in ["trust", "trust=veel", "=3"] {
            assert!(
                matches!(
                    preview_start(&scenario, None, &[bad.to_owned()]),
                    Err(PreviewError::BadSetting { .. } | PreviewError::UnknownVariable { .. })
                ),
                "{bad}"
            );
        }
    }
}
