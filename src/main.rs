//! The `kruispunt` program; everything happens in [`kruispunt::cli`].

fn main() -> std::process::ExitCode {
    kruispunt::cli::main()
}
