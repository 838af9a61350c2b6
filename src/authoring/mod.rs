//! Tools for course authors: seeing a scenario as a graph ([`graph`]).

pub mod graph;
