//! Validation: every check of the course format, and the conversion to checked types.
