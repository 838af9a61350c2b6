//! Saving a run by ids and resuming it by replaying its choices.

use super::*;

/// A run saved by ids (not indices), so it can be stored and resumed exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSnapshot {
    /// The scenario's id.
    pub scenario: ItemId,
    /// The ids of the choices taken, in order.
    pub choices: Vec<ChoiceId>,
    /// The node the conversation is at.
    pub current: NodeId,
    /// The variable values.
    pub variables: BTreeMap<VarId, i32>,
    /// The nodes visited (left at least once), in scenario order.
    pub visited: Vec<NodeId>,
    /// The seed of the order the choices were shown in; absent in runs saved before
    /// choices were shuffled, which then get the scenario's first-attempt seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// Why a snapshot could not be resumed; the progress layer then starts the scenario afresh.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// The snapshot belongs to another scenario.
    #[error("the saved run is of scenario `{saved}`, not `{scenario}`")]
    OtherScenario {
        /// The snapshot's scenario id.
        saved: String,
        /// The scenario given.
        scenario: String,
    },
    /// Replaying the saved choices failed, e.g. a choice no longer exists.
    #[error("saved choice {step} (`{choice}`) cannot be replayed: {source}")]
    Replay {
        /// The number of the decision, from 0.
        step: usize,
        /// The saved choice id.
        choice: String,
        /// Why it failed.
        source: EngineError,
    },
    /// The replay arrived somewhere else than the saved state: the course changed.
    #[error("the saved run no longer matches the scenario ({what} differs)")]
    Mismatch {
        /// What differs: "node", "variables" or "visited nodes".
        what: &'static str,
    },
}

impl ScenarioRun {
    /// The run by ids, to save it.
    pub fn snapshot(&self, scenario: &Scenario) -> RunSnapshot {
        RunSnapshot {
            scenario: scenario.id.clone(),
            choices: self
                .decisions
                .iter()
                .filter_map(|d| self.choice_of(scenario, d).map(|c| c.id.clone()))
                .collect(),
            current: node_at(scenario, self.current)
                .map(|n| n.id.clone())
                .unwrap_or_default(),
            variables: scenario
                .variables
                .iter()
                .zip(&self.vars)
                .map(|(def, &v)| (def.id.clone(), v))
                .collect(),
            visited: self.visited_ids(scenario),
            seed: Some(self.seed),
        }
    }

    fn visited_ids(&self, scenario: &Scenario) -> Vec<NodeId> {
        scenario
            .nodes
            .iter()
            .zip(&self.visited)
            .filter(|(_, v)| **v)
            .map(|(n, _)| n.id.clone())
            .collect()
    }

    /// A run that took these choices (by id) from the start, in order.
    pub fn replay(scenario: &Scenario, choices: &[ChoiceId]) -> Result<Self, RestoreError> {
        Self::replay_seeded(
            scenario,
            crate::course::order::attempt_seed(scenario.id.as_str(), 0),
            choices,
        )
    }

    /// [`Self::replay`], with the choices shown in the order of `seed`.
    pub fn replay_seeded(
        scenario: &Scenario,
        seed: u64,
        choices: &[ChoiceId],
    ) -> Result<Self, RestoreError> {
        let mut run =
            ScenarioRun::seeded(scenario, seed).map_err(|source| RestoreError::Replay {
                step: 0,
                choice: String::new(),
                source,
            })?;
        for (step, id) in choices.iter().enumerate() {
            run.choose(scenario, id)
                .map_err(|source| RestoreError::Replay {
                    step,
                    choice: id.to_string(),
                    source,
                })?;
        }
        Ok(run)
    }

    /// Resumes a saved run by replaying its choices from the start, and checks that the
    /// replay arrives at the saved node with the saved variables and visited nodes.
    pub fn restore(scenario: &Scenario, saved: &RunSnapshot) -> Result<Self, RestoreError> {
        if saved.scenario != scenario.id {
            return Err(RestoreError::OtherScenario {
                saved: saved.scenario.to_string(),
                scenario: scenario.id.to_string(),
            });
        }
        let run = match saved.seed {
            Some(seed) => Self::replay_seeded(scenario, seed, &saved.choices)?,
            None => Self::replay(scenario, &saved.choices)?,
        };
        if node_at(scenario, run.current).map(|n| &n.id) != Ok(&saved.current) {
            return Err(RestoreError::Mismatch { what: "node" });
        }
        let vars_match = saved.variables.len() == run.vars.len()
            && scenario
                .variables
                .iter()
                .zip(&run.vars)
                .all(|(def, v)| saved.variables.get(&def.id) == Some(v));
        if !vars_match {
            return Err(RestoreError::Mismatch { what: "variables" });
        }
        let mut visited = run.visited_ids(scenario);
        let mut saved_visited = saved.visited.clone();
        visited.sort();
        saved_visited.sort();
        if visited != saved_visited {
            return Err(RestoreError::Mismatch {
                what: "visited nodes",
            });
        }
        Ok(run)
    }
}
