//! Pure state machines for running a lesson and a scenario. No terminal, no files: the
//! engine takes a checked course and the learner's actions, and returns events and ids.
