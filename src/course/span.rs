//! Positions of fields in a JSON text, computed only for files that have problems.
