//! Plain mode's overview: the course, progress, numbered items with their status,
//! continue, the core path, and the settings (the interface language and the second-language
//! gloss).

use super::{Plain, Step, one_number, one_number_or_none};
use crate::course::checked::Item;
use crate::course::ids::{ItemId, Locale};
use crate::i18n::UiLocale;
use crate::msg_args;
use crate::progress::ItemStatus;
use crate::session;
use std::io::{self, BufRead, Write};

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn status(&self, item: &ItemId) -> ItemStatus {
        self.session
            .progress()
            .items
            .get(item)
            .map(|p| p.status)
            .unwrap_or_default()
    }

    fn status_word(&self, status: ItemStatus) -> String {
        let key = match status {
            ItemStatus::NotStarted => "not-started",
            ItemStatus::InProgress => "in-progress",
            ItemStatus::Completed => "done",
            ItemStatus::Skipped => "skipped",
        };
        self.i18n().msg("plain-status", &msg_args!("status" => key))
    }

    /// The item to continue with, as the session decides it for every front end.
    fn continue_item(&self) -> Option<ItemId> {
        self.session.continue_item()
    }

    /// The overview: course, progress, numbered items with their status, continue,
    /// settings. Returns after an item or the settings were visited.
    pub(super) fn home(&mut self) -> Step<()> {
        let items: Vec<ItemId> = self
            .session
            .course()
            .items_in_order()
            .map(|(_, item)| item.id().clone())
            .collect();
        let choice = loop {
            self.show_home(&items)?;
            let count = items.len();
            let has_continue = self.continue_item().is_some();
            let has_core_path = self.session.core_path().is_some();
            let picked = self.choose(
                |p| p.home_options(has_continue),
                |line| match line.to_lowercase().as_str() {
                    "c" | "" if has_continue => Some(HomeChoice::Continue),
                    "s" => Some(HomeChoice::Settings),
                    "p" if has_core_path => Some(HomeChoice::CorePath),
                    other => one_number(other, count).map(HomeChoice::Item),
                },
            )?;
            if let Some(picked) = picked {
                break picked;
            }
        };
        let item = match choice {
            HomeChoice::Settings => return self.settings(),
            HomeChoice::Continue => self.continue_item(),
            HomeChoice::CorePath => self.session.core_path().map(|core| core.next),
            HomeChoice::Item(index) => items.get(index).cloned(),
        };
        match item {
            Some(item) => self.open(&item),
            None => Ok(()),
        }
    }

    fn show_home(&mut self, items: &[ItemId]) -> io::Result<()> {
        let course = self.session.course_arc();
        self.gap()?;
        let title = self.text(&course.title);
        self.line(
            &self
                .i18n()
                .msg("plain-home-title", &msg_args!("title" => title)),
        )?;
        let language = self.i18n().current();
        if self.overview_notice_said != Some(language) {
            self.overview_notice_said = Some(language);
            self.say_fallbacks()?;
        }
        let done = items
            .iter()
            .filter(|id| self.status(id) == ItemStatus::Completed)
            .count();
        self.line(&self.i18n().msg(
            "plain-home-progress",
            &msg_args!("done" => done, "total" => items.len()),
        ))?;
        let mut number = 0usize;
        for (module_number, module) in course.modules.iter().enumerate() {
            let module_done = module
                .items
                .iter()
                .filter(|id| self.status(id) == ItemStatus::Completed)
                .count();
            self.gap()?;
            let module_title = self.text(&module.title);
            self.line(&self.i18n().msg(
                "plain-home-module",
                &msg_args!(
                    "number" => module_number + 1,
                    "title" => module_title,
                    "done" => module_done,
                    "total" => module.items.len(),
                ),
            ))?;
            for id in &module.items {
                let Some(item) = course.item(id.as_str()) else {
                    continue;
                };
                number += 1;
                let kind = match item {
                    Item::Lesson(_) => self.i18n().msg("home-kind-lesson", &msg_args!()),
                    Item::Scenario(_) => self.i18n().msg("home-kind-scenario", &msg_args!()),
                };
                let mut title = self.text(item.title());
                // A sentence of its own, read out with a pause; no second stop after `?`.
                if !title.ends_with(['.', '?', '!']) {
                    title.push('.');
                }
                let status = self.status_word(self.status(id));
                self.line(&self.i18n().msg(
                    "plain-home-item",
                    &msg_args!(
                        "number" => number,
                        "title" => title,
                        "kind" => kind,
                        "status" => status,
                    ),
                ))?;
            }
        }
        self.gap()
    }

    fn home_options(&mut self, has_continue: bool) -> io::Result<()> {
        if has_continue && let Some(item) = self.continue_item() {
            let title = self
                .session
                .course()
                .item(item.as_str())
                .map(|i| self.text(i.title()))
                .unwrap_or_default();
            self.line(
                &self
                    .i18n()
                    .msg("plain-home-continue", &msg_args!("title" => title)),
            )?;
        }
        if let Some(core) = self.session.core_path() {
            let title = self
                .session
                .course()
                .item(core.next.as_str())
                .map(|i| self.text(i.title()))
                .unwrap_or_default();
            self.line(&self.i18n().msg(
                "plain-home-core-path",
                &msg_args!(
                    "minutes" => core.minutes,
                    "done" => core.done,
                    "total" => core.total,
                    "title" => title
                ),
            ))?;
        }
        let language = self.i18n().msg("settings-language-name", &msg_args!());
        self.line(
            &self
                .i18n()
                .msg("plain-home-settings", &msg_args!("language" => language)),
        )?;
        self.line(&self.i18n().msg("plain-home-prompt", &msg_args!()))
    }

    /// Settings: the interface language and the second-language gloss, each numbered.
    fn settings(&mut self) -> Step<()> {
        loop {
            self.gap()?;
            self.line(&self.i18n().msg("plain-settings-title", &msg_args!()))?;
            let languages = UiLocale::ALL;
            let glosses: Vec<Locale> = self.session.course().locales.clone();
            let count = languages.len() + glosses.len() + 1;
            let picked = self.choose(
                |p| {
                    let now = p.i18n().current();
                    for (i, locale) in languages.iter().enumerate() {
                        let name = p
                            .i18n()
                            .msg_in("settings-language-name", *locale, &msg_args!())
                            .unwrap_or_else(|_| locale.tag().to_owned());
                        let key = if *locale == now { "current" } else { "other" };
                        p.line(&p.i18n().msg(
                            "plain-settings-language",
                            &msg_args!("number" => i + 1, "name" => name, "state" => key),
                        ))?;
                    }
                    for (i, locale) in glosses.iter().enumerate() {
                        let key = if p.session.gloss() == Some(locale) {
                            "current"
                        } else {
                            "other"
                        };
                        p.line(&p.i18n().msg(
                            "plain-settings-gloss",
                            &msg_args!(
                                "number" => languages.len() + i + 1,
                                "locale" => locale.as_str(),
                                "state" => key,
                            ),
                        ))?;
                    }
                    let key = if p.session.gloss().is_none() {
                        "current"
                    } else {
                        "other"
                    };
                    p.line(&p.i18n().msg(
                        "plain-settings-gloss-off",
                        &msg_args!("number" => count, "state" => key),
                    ))?;
                    p.line(&p.i18n().msg("plain-settings-prompt", &msg_args!()))
                },
                |line| one_number_or_none(line, count),
            )?;
            match picked {
                None => continue,
                Some(None) => return Ok(()),
                Some(Some(index)) => {
                    if let Some(locale) = languages.get(index) {
                        self.set_locale(*locale);
                    } else {
                        let gloss = glosses.get(index - languages.len()).cloned();
                        // Changing the gloss is never refused.
                        let _ = self.step(session::Command::SetGloss(gloss));
                    }
                }
            }
        }
    }
}

/// What was picked on the overview.
#[derive(Debug, Clone, Copy)]
enum HomeChoice {
    Continue,
    CorePath,
    Settings,
    Item(usize),
}
