//! The `kruispunt` program; everything happens in [`kruispunt::cli`].

#![forbid(unsafe_code)]

/// mimalloc rather than the system allocator: loading a course makes millions of small
/// allocations, and with the system's malloc and free they were half of its time (issue 15).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    kruispunt::cli::main()
}
