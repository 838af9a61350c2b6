//! The `kruispunt` program; everything happens in [`kruispunt::cli`].

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    kruispunt::cli::main()
}
