//! Rebuilds the crate when the built-in course changes: `include_dir!` does not notice new
//! files on stable Rust, so Cargo is told to watch the whole directory.

fn main() {
    println!("cargo:rerun-if-changed=course");
}
