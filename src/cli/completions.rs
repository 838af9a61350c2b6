//! `kruispunt completions SHELL` and `kruispunt man`: shell completion scripts and manual
//! pages, generated from the same clap definition as the command line itself, so they
//! follow every new subcommand and option without being written by hand.

use super::messages::Ui;
use super::{Cli, Failure, finish_output};
use crate::msg_args;
use clap::CommandFactory;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// The program's name as a shell calls it, in scripts and page titles.
const BIN_NAME: &str = "kruispunt";

/// `kruispunt completions SHELL`: the completion script on stdout.
pub(super) fn completions(shell: clap_complete::Shell, ui: &Ui) -> Result<ExitCode, Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN_NAME, &mut script);
    let mut out = io::stdout().lock();
    finish_output(out.write_all(&script).and_then(|()| out.flush()), ui)?;
    Ok(ExitCode::SUCCESS)
}

/// `kruispunt man`: the main page (roff) on stdout, or with `-o DIR` one page per command
/// and subcommand in DIR (`kruispunt.1`, `kruispunt-session-list.1`…).
pub(super) fn man(output: Option<&Path>, ui: &Ui) -> Result<ExitCode, Failure> {
    let command = Cli::command();
    let Some(dir) = output else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut page)
            .map_err(|e| Failure::usage(ui.error(&e)))?;
        let mut out = io::stdout().lock();
        finish_output(out.write_all(&page).and_then(|()| out.flush()), ui)?;
        return Ok(ExitCode::SUCCESS);
    };
    let cannot = |error: io::Error| {
        Failure::usage(ui.msg(
            "error-cannot-write-path",
            &msg_args!("path" => dir.display().to_string(), "reason" => ui.error(&error)),
        ))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    clap_mangen::generate_to(command, dir).map_err(cannot)?;
    let written = ui.msg(
        "man-written",
        &msg_args!("pages" => page_count(&Cli::command()), "dir" => dir.display().to_string()),
    );
    let _ = writeln!(io::stderr().lock(), "{written}");
    Ok(ExitCode::SUCCESS)
}

/// How many pages `-o DIR` writes: one for `command` and one for each of its subcommands,
/// at every depth (clap_mangen leaves out the hidden ones and `help`).
fn page_count(command: &clap::Command) -> usize {
    1 + command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
        .map(page_count)
        .sum::<usize>()
}
