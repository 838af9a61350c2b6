# Kruispunt interface strings: English.
#
# Every message here must also exist in locales/nl and locales/fr, with the same
# variables. See docs/translating.md. Run `cargo test --test i18n` after editing.

## Generic

# Shown instead of a message that exists in no locale; a bug, caught by the tests.
missing-text = (text missing)

# After a course text shown in another locale than the chosen one.
text-fallback-marker = [{ $locale }]

# The one notice of a screen whose course texts are partly not translated, in the header
# after the language; $languages: the languages shown instead (course-language-name, joined
# with list-separator).
text-fallback-notice = partly in { $languages }
# The same, said once when an item opens in plain mode.
text-fallback-sentence = This part is not fully translated yet: what is missing is in { $languages }.
# The name of a course language in the two messages above.
course-language-name = { $locale ->
        [nl] Dutch
        [en] English
        [fr] French
       *[other] “{ $locale }”
    }
list-separator = {", "}

## Choosing the interface language

# $value: what was given; $source: flag, env or system; $fallback: nl, en or fr.
locale-unknown = Unknown language “{ $value }” ({ $source ->
        [flag] from --lang
        [env] from KRUISPUNT_LANG
       *[system] from the system settings
    }); using { $fallback ->
        [nl] Dutch
        [fr] French
       *[en] English
    }. Available: nl, en, fr.

## The config file, kruispunt.toml (kruispunt config path|show)

# Where in the config file. $file: the file; $line, $column: from 1.
config-place = { $file }:{ $line }:{ $column }
# $file: the file; $origin: flag or env; $variable: KRUISPUNT_CONFIG.
config-missing = the config file { $file } ({ $origin ->
        [flag] given with --config
       *[env] named by { $variable }
    }) does not exist
# $file: the file; $reason: why, from the system.
config-unreadable = cannot read the config file { $file }: { $reason }
# $place: file:line:column; $detail: what the TOML parser said (in English).
config-syntax = { $place }: this is not valid TOML: { $detail }
# $place: file:line:column; $key: the unknown key; $keys: the keys there are.
config-unknown-key = { $place }: unknown setting “{ $key }”; the settings are { $keys }
# $suggestion: the known key it is probably a typo of.
config-unknown-key-suggestion = { $place }: unknown setting “{ $key }” (did you mean “{ $suggestion }”?); the settings are { $keys }
config-lrs-credentials = { $place }: “{ $key }” does not belong in the config file: the LRS user name and password are kept private in lrs.json by kruispunt xapi configure
# $expected: string, integer or table.
config-wrong-type = { $place }: “{ $key }” must be { $expected ->
        [integer] a whole number
        [table] a table ([lrs])
       *[string] text in quotes
    }
# $found: the version in the file; $supported: the one this program reads.
config-bad-version = { $place }: version { $found } of the config file is not known to this Kruispunt, which reads version { $supported }
config-bad-lang = { $place }: lang “{ $value }” is not a language of the interface: nl, en or fr
# $key: course or data_dir.
config-empty-path = { $place }: “{ $key }” is empty; leave the line out to use the default
config-bad-endpoint = { $place }: lrs.endpoint { $value } is not a URL starting with https:// or http:// (without a user, password, ? or #)
config-bad-delimiter = { $place }: csv_delimiter “{ $value }” must be one character such as ; or , (not a letter, digit, quote or line break)
config-no-dir = cannot find a config directory; give --config FILE or set { $variable }
# kruispunt config show. $file: the config file.
config-show-file = Config file: { $file }
config-show-file-absent = Config file: { $file } (there is none; the defaults apply)
config-show-no-file = Config file: none (no home directory; give --config FILE or set { $variable })
# One setting. $key: its name in the file; $value: its value; $source: flag, env, file, lrs-file or default; $variable: its environment variable.
config-show-setting = { $key }: { $value } ({ $source ->
        [flag] command line
        [env] { $variable }
        [file] config file
        [lrs-file] lrs.json
       *[default] default
    })
config-default-course = the built-in course
config-default-lang = the profile’s language, else the system’s, else the course’s
config-default-lrs-endpoint = not set
config-default-csv-delimiter = follows the interface language
config-default-data-dir-none = none (no home directory)
config-delimiter-tab = tab

## Diagnostics of `kruispunt validate`

severity-error = error
severity-warning = warning

# FILE:LINE:COL: SEVERITY[CODE]: MESSAGE, the format editors understand.
diagnostic = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message }
diagnostic-with-path = { $file }:{ $line }:{ $column }: { $severity }[{ $code }]: { $message } (at { $path })
diagnostic-message-at-path = { $message } (at { $path })
sarif-rule = Course problem “{ $code }”: see “Problem codes” in docs/course-format.md

problem-unreadable = cannot read the file: { $reason }
problem-missing-manifest = there is no course.json in this directory
problem-json-syntax = invalid JSON: { $message }
problem-json-type = { $message }
problem-format-version = format_version { $found } is not supported; this version of Kruispunt reads { $supported }
problem-unknown-file = this file is not part of the course: lessons go in lessons/, scenarios in scenarios/
# $what: the kind of thing with the duplicate id.
problem-duplicate-id = duplicate { $what ->
        [module] module
        [item] lesson or scenario
        [scene] scene
        [option] option
        [quiz-option] quiz option
        [checklist-entry] checklist entry
        [node] node
        [choice] choice
        [character] character
        [variable] variable
        [competency] competency
        [locale] locale
       *[other] { $what }
    } id `{ $id }` (first used at { $first })
problem-missing-item = no lesson or scenario has the id `{ $id }`
problem-missing-node = no node has the id `{ $id }` in this scenario
problem-missing-character = no character has the id `{ $id }` in this scenario
problem-undeclared-variable = variable `{ $id }` is not declared in this scenario’s variables
problem-unknown-competency = competency `{ $id }` is not declared in course.json competencies
problem-unused-item = no module uses `{ $id }`; add it to a module’s items in course.json or remove the file
problem-unreachable-node = no path from the start reaches node `{ $id }`
problem-dead-end = node `{ $id }` is not an ending, and no ending can be reached from it
problem-all-choices-conditional = every choice of node `{ $id }` has a condition; when none holds the learner is stuck
problem-no-reachable-ending = no ending can be reached from the start node
problem-node-kind = a node needs exactly one of `choices`, `next` or `ending` (found { $found })
problem-scene-kind = a scene needs exactly one of `text`, `testimony`, `key_points`, `glossary`, `quiz`, `reflection` or `checklist` (found { $found })
problem-bad-range = variable `{ $id }`: need min <= start <= max (min { $min }, start { $start }, max { $max })
problem-out-of-range = this effect can take `{ $id }` to { $reached }, outside its range { $min }..{ $max } (the value will be clamped)
problem-no-correct-answer = this quiz question has no correct option
problem-several-correct-answers = this quiz allows one answer but { $count } options are correct; set "multiple": true
# $what: the field or list that is empty, as named in the file.
problem-empty = { $what } is empty
problem-missing-locale = missing the `{ $locale }` text
problem-undeclared-locale = locale `{ $locale }` is not declared in course.json locales
problem-default-locale-undeclared = the default locale `{ $locale }` is not in locales
# $code: the code point in hexadecimal, e.g. 001B.
problem-control-character = the `{ $locale }` text contains the control character U+{ $code }; course text may not drive the terminal
problem-id-control-character = this id, key, version or file name contains the control character U+{ $code }; only printable characters are allowed
problem-not-fictional = a testimony must set "fictional_composite": true; personas are never real people
problem-old-format-version = format_version { $found } is read by migrating it: { $inferred } choice qualities were inferred and thoughts given to the last speaker; run `kruispunt migrate` to update the files to version { $current }
problem-route-fallback = the route of node `{ $id }` must end with an arm without `if`, taken when no other holds
problem-missing-choice = there is no choice `{ $id }` (write "node/choice")
problem-missing-quality = choice `{ $id }` has no `quality` (best, acceptable, weak or harmful)
problem-missing-thinker = choice `{ $id }` has a `thought` but no `thinker`: say whose thought it is
problem-decorative-variable = variable `{ $id }` is never read by a condition or route, so it cannot change what happens
problem-harmful-good-ending = the good ending `{ $ending }` can be reached after the harmful choice `{ $choice }`, e.g. by { $path }
problem-positional-answer = in { $same } of { $total } fixed-order decision points the best choice is number { $position }; trainees learn the position, not the skill
problem-quality-mismatch = choice `{ $id }` is `{ $quality }` but { $reason }
problem-length-tell = in { $longest } of { $total } decision points the best choice is the longest by more than 40%; trainees learn to pick the longest answer
problem-unreadable-directory = cannot read the directory: { $reason }
problem-linked-directory = this is a link to a directory; links to directories are not followed
problem-not-a-file = this is not a regular file (a FIFO, device or socket), so it is not read
problem-file-too-large = the file is larger than { $limit } MiB, the limit for one file; it is not read
problem-course-too-large = the course is larger than { $limit } MiB, the limit for all files together; this file and the ones after it are not read
problem-too-many-files = the course has more than { $limit } .json files, the limit; this file and the ones after it are not read
problem-text-too-long = this text is { $length } bytes long; the limit is { $limit } bytes
# $what: nodes, choices, scenes, lessons or scenarios.
problem-too-many = { $what ->
        [nodes] this scenario has { $count } nodes
        [choices] this node has { $count } choices
        [scenes] this lesson has { $count } scenes
        [lessons] the course has { $count } files in lessons/
       *[scenarios] the course has { $count } files in scenarios/
    }; the limit is { $limit }
problem-byte-order-mark = the file starts with two or more byte-order marks (U+FEFF); they are ignored, but save the file as UTF-8 without them

## Summary of `kruispunt validate`

# $root: the course directory as shown; $errors and $warnings: counts, at least one above 0.
validate-summary = { $root }: { $errors ->
        [0] { $warnings ->
                [one] { $warnings } warning
               *[other] { $warnings } warnings
            }
        [one] { $errors } error{ $warnings ->
                [0] {""}
                [one] , { $warnings } warning
               *[other] , { $warnings } warnings
            }
       *[other] { $errors } errors{ $warnings ->
                [0] {""}
                [one] , { $warnings } warning
               *[other] , { $warnings } warnings
            }
    }
validate-ok = { $root }: no problems ({ $lessons ->
        [one] { $lessons } lesson
       *[other] { $lessons } lessons
    }, { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenarios
    }, { $nodes ->
        [one] { $nodes } node
       *[other] { $nodes } nodes
    })

# `kruispunt validate --watch`. $dir: the course directory as given.
validate-watching = Watching { $dir }: the course is checked again each time a file in it is saved. Ctrl-C stops.
validate-watch-needs-dir = --watch needs a course directory (kruispunt validate --watch DIR): the built-in course does not change
# $cause: the operating system's reason, in English.
validate-watch-failed = cannot watch { $dir } for changes: { $cause }

## Translation coverage of the course, printed by `kruispunt validate`

coverage-heading = Translation coverage:
# $locale: a locale the course declares; $present of $total texts exist in it.
coverage-line = { $locale }: { $present }/{ $total } texts ({ $percent }%)
coverage-line-default = { $locale } (default): { $present }/{ $total } texts ({ $percent }%)

## The course outline, shown by `kruispunt` without a command

outline-version = Version { $version }
outline-module = Module { $number }: { $title }
outline-kind-lesson = lesson
outline-kind-scenario = scenario
outline-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
# $minutes is 0 when no item gives a duration.
outline-totals = { $lessons ->
        [one] { $lessons } lesson
       *[other] { $lessons } lessons
    } and { $scenarios ->
        [one] { $scenarios } scenario
       *[other] { $scenarios } scenarios
    }{ $minutes ->
        [0] .
       *[other] , about { $minutes } minutes in total.
    }

## Errors of the command line

# $message: what went wrong, possibly with its causes.
error-fatal = kruispunt: error: { $message }
# Joins an error and its cause: “cannot read the course in X: <cause>”.
error-with-cause = { $error }: { $cause }
error-cannot-read-course = cannot read the course in { $dir }
error-cannot-read-path = cannot read { $path }: { $reason }
error-two-course-dirs = two course directories given ({ $positional } and --course { $option }); give one
new-needs-course = kruispunt new writes into a course directory: give it with --course DIR
new-invalid-id = “{ $id }” cannot be the id of a lesson or scenario: use lowercase letters, digits and single hyphens (for example “first-conversation”), at most 64 characters
new-id-exists = the course already has a lesson or scenario “{ $id }”; choose another id
new-no-such-module = the course has no module “{ $module }”; its modules are: { $modules }
new-course-has-errors = the course has errors (listed above): fix them first, then add to it
new-manifest-malformed = the modules and their items cannot be found in { $path }
new-written = Wrote { $file } and added “{ $id }” to module “{ $module }” in { $manifest }.
    Its texts start with “TODO”: write them, then check the course with: kruispunt validate { $dir }
l10n-status-summary = { $locale }: { $missing } missing, { $identical } identical to { $default }
l10n-status-summary-since = { $locale }: { $missing } missing, { $identical } identical to { $default }, { $stale } not updated after a change in { $default } since { $since }
l10n-status-text = { $kind ->
        [missing] missing
        [identical] identical
       *[stale] not updated
    }: { $file }: { $path }
l10n-since-needs-course = --since compares with an older version in git: give the course directory with --course DIR
l10n-not-a-git-repository = { $dir } is not in a git repository, which --since needs
l10n-unknown-revision = git does not know the revision “{ $rev }” in { $dir }
l10n-git-failed = cannot run git: { $reason }
error-cannot-write-output = cannot write the output
migrate-nothing = Nothing to migrate: every file is at the current format version.
migrate-done = { $files ->
    [one] Migrated 1 file.
   *[other] Migrated { $files } files.
}
migrate-dry-run = { $files ->
    [one] 1 file would be migrated (nothing was written).
   *[other] { $files } files would be migrated (nothing was written).
}
migrate-review = Review every inferred quality and thinker: they are guesses from version 1, which had neither. Then run `kruispunt validate --strict`.
error-cannot-write-path = cannot write { $path }: { $reason }
error-cannot-serialize-report = cannot serialize the report
error-bad-argument = invalid argument: { $detail }
# $command: the command whose help is meant, e.g. kruispunt or kruispunt schema.
error-usage-hint = Run “{ $command } --help” for more information.
# A command line that was refused, with what was expected. $arg: an option or argument as
# the usage line writes it (--format <FORMAT>, <KIND>); $value: what was given for it.
# $args: the missing arguments, joined with commas; $count: how many.
argument-missing = { $count ->
        [one] a required argument is missing: { $args }
       *[other] required arguments are missing: { $args }
    }
argument-invalid-value = invalid value “{ $value }” for { $arg }
argument-needs-value = { $arg } needs a value
argument-unexpected = unexpected argument “{ $arg }”
argument-unexpected-value = unexpected value “{ $value }” for { $arg }; no more were expected
argument-value-count = wrong number of values for { $arg }
argument-needs-equals = { $arg } needs an equals sign before its value
argument-not-utf8 = an argument is not valid UTF-8
# $name: what was typed where a command was expected.
argument-unknown-command = unknown command “{ $name }”
# $command: the command typed so far, e.g. kruispunt session.
argument-needs-command = “{ $command }” needs a command
# $other: the option or options it cannot be used with.
argument-conflict = { $arg } cannot be used with { $other }
argument-repeated = { $arg } can be given only once
# $command: e.g. kruispunt schema; $options: the options written before its name that it
# has no use for, joined with commas.
argument-not-for-command = “{ $command }” does not take { $options }
# Lines under the error; $values and $names are joined with commas.
argument-possible-values = possible values: { $values }
argument-possible-values-of = possible values of { $arg }: { $values }
argument-commands = commands: { $names }
argument-similar-command = { $count ->
        [one] a similar command exists: { $names }
       *[other] similar commands exist: { $names }
    }
argument-similar-option = a similar option exists: { $arg }
argument-similar-value = a similar value exists: { $value }
# $fixed: how to write it so that it is read as a value, e.g. -- --plain.
argument-as-value = to pass “{ $arg }” as a value, write “{ $fixed }”
# $command: another command that has the option, with the option: kruispunt validate --strict.
argument-other-command = did you mean “{ $command }”?
# $usage: how the command is written, e.g. kruispunt schema [OPTIONS] <KIND>.
argument-usage = Usage: { $usage }

## Shell completions and manual pages: `kruispunt completions`, `kruispunt man`

# $pages: how many pages were written; $dir: where.
man-written = { $pages ->
        [one] Wrote 1 manual page in { $dir }.
       *[other] Wrote { $pages } manual pages in { $dir }.
    }

## Profiles: `kruispunt profiles` and `kruispunt forget`

# $dir: the data directory.
profiles-heading = Profiles in { $dir }:
profiles-none = No profiles in { $dir } yet; one is made when you start the course.
# Dates and times, as DATETIME() writes them in messages (in the user's time zone).
# The months, January to December.
datetime-month-1 = January
datetime-month-2 = February
datetime-month-3 = March
datetime-month-4 = April
datetime-month-5 = May
datetime-month-6 = June
datetime-month-7 = July
datetime-month-8 = August
datetime-month-9 = September
datetime-month-10 = October
datetime-month-11 = November
datetime-month-12 = December
# $day, $month, $year: 6, December, 2026.
datetime-date-long = { $day } { $month } { $year }
# $hour, $minute: two digits each, 14 and 05.
datetime-time-short = { $hour }:{ $minute }
# $date, $time: the two above together.
datetime-date-and-time = { $date } at { $time }

# $name: the profile; $completed of the $total items of the current course are done;
# $updated: the moment of the last save (shown in the user's time zone).
profiles-line = { $name }: { $completed } of { $total ->
        [one] { $total } item
       *[other] { $total } items
    } completed, last updated on { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# The progress was saved for another course; $course: that course's id.
profiles-line-other-course = { $name }: progress of another course (`{ $course }`), last updated on { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
# The current course could not be loaded, so there is nothing to count against.
profiles-line-no-course = { $name }: last updated on { DATETIME($updated, dateStyle: "long", timeStyle: "short") }
profiles-line-newer = { $name }: written by a newer version of Kruispunt (progress format { $found }); update Kruispunt to use this profile
# $damage: what is wrong with the file, one of the damage-* messages.
profiles-line-damaged = { $name }: the progress file is damaged ({ $damage }); it is set aside, not deleted, when the profile is next opened
profiles-line-not-a-file = { $name }: the progress file is not a regular file (a symbolic link, a directory or a device); remove or rename it to use this profile
damage-empty = the file is empty
damage-unreadable = the file cannot be read: { $reason }
damage-not-json = not valid JSON: { $reason }
damage-no-version = no schema_version
damage-wrong-shape = not a progress file: { $reason }

# $name: the profile; $dir: the data directory.
forget-confirm = This deletes all progress and reflections of profile “{ $name }” in { $dir }. It cannot be undone.
# Keep the word in quotes equal to forget-confirm-word.
forget-prompt = Type “yes” to delete, anything else to cancel:
# The answer that confirms; “yes”, “ja” and “oui” are accepted in every language.
forget-confirm-word = yes
forget-cancelled = Cancelled; profile “{ $name }” is kept.
forget-done = Profile “{ $name }” forgotten: { $files ->
        [one] { $files } file
       *[other] { $files } files
    } deleted.
forget-needs-confirmation = not forgetting profile “{ $name }” without confirmation, and no answer could be read; run “kruispunt forget --profile { $name } --yes” to delete it without asking

## Errors about profiles and progress files

error-no-such-profile = there is no profile “{ $name }” in { $dir }
error-profile-in-use = profile “{ $name }” is in use by another running Kruispunt (process { $pid }); close that one first, or choose another profile with --profile NAME
error-profile-in-use-no-pid = profile “{ $name }” is in use by another running Kruispunt; close that one first, or choose another profile with --profile NAME
error-profile-name-empty = a profile name cannot be empty
error-profile-name-too-long = the profile name is { $len } characters long; at most { $max } are allowed
error-profile-name-character = the profile name “{ $name }” contains “{ $found }”; use only the letters a–z and A–Z, digits, - and _
error-no-data-dir = cannot find a place to keep progress (no home directory); pass --data-dir DIR or set KRUISPUNT_DATA_DIR
error-newer-progress = { $path } was written by a newer version of Kruispunt (progress format { $found }; this version reads up to { $supported }); it was left untouched: update Kruispunt to continue with this profile
# $action: what was being done to the file.
error-progress-io = could not { $action ->
        [create] create
        [list] list
        [lock] lock
        [move-aside] move aside
        [open] open
        [read] read
        [remove] remove
        [replace] replace
        [sync] sync
       *[write] write
    } { $path }: { $reason }
error-progress-encode = could not encode the progress: { $reason }
error-not-a-regular-file = { $path } is not a regular file (a symbolic link, a directory or a device); Kruispunt does not follow or overwrite it: remove or rename it
# After a failed last save. $time: when the progress file last received everything (an RFC 3339 instant, shown in the user's time zone).
save-failed-not-saved = What you did after { DATETIME($time, dateStyle: "long", timeStyle: "short") } is not saved; { $file } still holds your progress as it was then.

## Errors that every interface can show: the command line, the terminal interface and plain mode

# Why the system refused a file operation. $kind: what went wrong; $detail: the system's
# own words, shown for every other case.
error-io-reason = { $kind ->
        [not-found] it does not exist
        [permission-denied] permission denied
        [already-exists] it already exists
        [is-a-directory] it is a directory
        [not-a-directory] a part of the path is not a directory
        [directory-not-empty] the directory is not empty
        [storage-full] the disk is full
        [read-only] the file system is read-only
        [quota-exceeded] the disk quota is used up
        [file-too-large] the file is too large
        [broken-pipe] the other end of the pipe was closed
       *[other] { $detail }
    }
error-read-not-a-file = it is not a regular file
error-read-too-large = it is larger than { $limit } bytes
# $errors: how many errors the course has.
error-course-invalid = the course has { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }; `kruispunt validate` lists them
error-migrate-unreadable = not a valid course file: { $reason }
error-migrate-too-new = format_version { $found } is newer than this version of Kruispunt reads
error-progress-migration-not-an-object = the progress file is not a JSON object
error-progress-migration-malformed = field `{ $field }` of a version { $version } progress file is malformed
error-progress-migration-too-old = progress format { $version } is too old to read
error-no-such-session = there is no session { $id }
error-session-damaged = { $path } is not a session log this version can read: { $reason }
# What the course engine refused. These should not happen with a course that passes
# `kruispunt validate`; ids are the course's own, in backticks.
engine-error-run-ended = the conversation has ended
# $number: the answer asked for, from 1; $count: how many answers there are.
engine-error-no-choice-at = there is no answer number { $number } here; this step offers { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    }
engine-error-unknown-choice = there is no answer `{ $id }` here
engine-error-choice-not-offered = the answer `{ $id }` is not offered now
engine-error-auto-cycle = the conversation goes round in circles at node `{ $id }`, without a decision or an ending
engine-error-no-route = no branch of the route at node `{ $id }` applies
engine-error-no-such-node = node number { $number } is not in this scenario
# $number: the decision asked for, from 1; $taken: how many decisions were made.
engine-error-no-such-decision = there is no decision { $number } to go back to (decisions made: { $taken })
engine-error-unknown-scene = the lesson has no scene `{ $id }`
preview-error-unknown-node = the scenario has no node `{ $id }`; its nodes are: { $nodes }
preview-error-unknown-variable = the scenario has no variable `{ $id }`; its variables are: { $variables }
preview-error-no-variables = the scenario has no variable `{ $id }`: it has no variables at all
preview-error-out-of-range = `{ $id }` goes from { $min } to { $max }, not { $value }
preview-error-bad-setting = `{ $setting }` is not VARIABLE=NUMBER (for example trust=40)
play-no-such-scenario = the course has no scenario `{ $id }`; its scenarios are: { $scenarios }
play-bye = End of the preview: nothing was saved.
engine-error-wrong-scene-kind = this can only be done in { $kind ->
        [glossary] a glossary
        [reflection] a reflection
        [checklist] a checklist
       *[quiz] a quiz
    }
engine-error-content-note-pending = the content note has not been accepted yet
engine-error-unknown-option = there is no option `{ $id }` here
engine-error-duplicate-option = option `{ $id }` was selected twice
engine-error-selection-count = select { $expected ->
        [one] exactly one option
       *[at-least-one] at least one option
    }, not { $selected }
engine-restore-other-scenario = the saved conversation belongs to scenario `{ $saved }`, not `{ $scenario }`
# $number: the saved answer, from 1; $reason: one of the engine-error-* messages.
engine-restore-replay = saved answer { $number } (`{ $choice }`) cannot be replayed: { $reason }
engine-restore-mismatch = the saved conversation no longer matches the scenario: { $what ->
        [node] it ends at another node
        [visited-nodes] it passes other nodes
       *[variables] its variables differ
    }

## Terminal interface: frame, help, home, settings

tui-too-small = Make the window larger: Kruispunt needs at least { $width } columns and { $height } rows.
help-title = Help
help-screen-keys = On this screen
help-global-keys = Everywhere
help-close = Press ?, Esc or Enter to close this help.
# $count: lines of the help below (or above) the part shown, on a small terminal.
help-more-below = ↓ { $count } more (↓)
help-more-above = ↑ { $count } more (↑)
# Key names in the key bar and the help (the keys themselves are not translated).
key-name-enter = Enter
key-name-esc = Esc
key-name-space = Space
key-name-tab = Tab
key-name-shift-tab = Shift-Tab
key-name-page-up = PgUp
key-name-page-down = PgDn
key-name-ctrl-c = Ctrl-C
key-help = help
key-quit = quit
key-interrupt = save and quit at once
key-language = switch language
key-gloss = second-language gloss on/off
key-theme = switch theme (default / high contrast)
key-move = move
key-open = open
key-continue = continue where you left off
key-settings = settings
key-change = change
key-back = back
home-title = Overview
home-progress = Progress: { $done } of { $total } { $total ->
        [one] part
       *[other] parts
    } done
home-module = Module { $number }: { $title }
home-kind-lesson = Lesson
home-kind-scenario = Practice conversation
home-minutes = { $minutes } min
home-continue = Continue where you left off: { $title }
home-start = Start the course: { $title }
# The short core path of the course (about an hour), next to "continue"; $title: its next item.
home-core-path = Core path (about { $minutes } min), { $done } of { $total } done: { $title }
home-settings = Settings: language, theme, second-language gloss
settings-title = Settings
settings-language = Language
settings-language-name = English
settings-theme = Theme
settings-theme-default = default
settings-theme-high-contrast = high contrast
settings-gloss = Second-language gloss
settings-gloss-off = off
settings-hint = Changes apply at once and are kept in your profile.
settings-no-color = NO_COLOR is set: the interface uses no colours, only bold, underline and reverse.

## Starting the interactive course (`kruispunt` without a command)

start-needs-terminal = the interactive course needs a terminal, but the output goes to a pipe or a file. Run `kruispunt` in a terminal window; `kruispunt outline` prints the course outline, and `kruispunt --help` lists the other commands.
# --plain with --facilitator.
facilitator-no-plain = facilitator mode has no plain version: it is made for a group in front of a projector and needs a terminal. Run `kruispunt --facilitator` in a terminal window, or `kruispunt --plain` to take the course yourself, line by line.
# $reason: the system's description of the problem.
start-terminal-failed = the terminal could not be used for the interactive course: { $reason }
# $reason: why the save failed (file and system error).
tui-save-failed = Your progress could not be saved ({ $reason }). Kruispunt tries again at the next step and when you quit.
start-notice-damaged-restored = Your progress file was damaged; the previous saved version was loaded, so your last step may be missing.
start-notice-damaged-fresh = Your progress file was damaged and there was no usable copy, so your progress starts afresh.
# $file: the name of the damaged file, now set aside in the data directory.
start-notice-damaged-kept = The damaged file is kept unchanged as { $file } in the data directory.
start-notice-backup-damaged-kept = Its backup copy was damaged too and is kept as { $file }.
start-notice-journal-damaged-kept = Your latest steps could not all be read back: what could be read is kept, and the damaged file is kept unchanged as { $file } in the data directory.
start-notice-restored-from-backup = Your progress file was missing; its backup copy was loaded.
start-notice-migrated = Your progress was saved by an older version of Kruispunt and has been updated; the old file is kept as a backup.
# $saved, $current: the course version in the progress file and now.
start-notice-course-version-changed = The course was updated (version { $saved } → { $current }). Your progress is kept; progress on parts that no longer exist is not shown.
# $course: the id of the course the profile was used with.
start-notice-other-course = This profile was used with another course ({ $course }); that progress is kept but not shown here.
outline-start-hint = Start the interactive course with `kruispunt` in a terminal.

## kruispunt graph

# $outcome: good, mixed or poor; $title: the ending's title, shortened.
graph-ending = { $outcome ->
        [good] good ending
        [mixed] mixed ending
       *[poor] poor ending
    }: { $title }
# The legend under the title of an SVG graph: what each shape and line means.
graph-legend = ◇ decision point · ▢ passes on (next, route) · ⬡ ending · dashed arrow: only under its condition · red dashed border: unreachable or dead end
graph-unreachable = unreachable
graph-dead-end = dead end
# $id: the id asked for; $known: the course's scenario ids, joined by ", "; $count: how many.
graph-unknown-scenario = { $count ->
        [0] there is no scenario “{ $id }”: this course has no scenarios
       *[other] there is no scenario “{ $id }” in this course; its scenarios are: { $known }
    }
# $scenario: the scenario id; $file: the file written.
graph-written = Graph of { $scenario } written to { $file }

## Terminal interface: lesson screen

lesson-missing = This lesson is not in the course. Press any key to go back to the overview.
lesson-scene-position = Scene { $number } of { $total }
lesson-kind-text = Text
lesson-kind-testimony = Testimony
lesson-kind-key-points = Key points
lesson-kind-glossary = Glossary
lesson-kind-quiz = Quiz
lesson-kind-reflection = Reflection
lesson-kind-checklist = Checklist
lesson-more-below = ↓ more below: ↓ or PgDn
lesson-more-above = ↑ more above: ↑ or PgUp
lesson-note-title = Content note
lesson-note-choice = Press Enter to read this scene, or s to skip it. You can come back to it later with ←.
lesson-testimony-fictional = Fictional composite: { $name } is not a real person. This story is put together from experiences that come up often.
lesson-testimony-persona-age = { $name }, { $age } years old
lesson-card-position = Card { $number } of { $total }
lesson-card-front = front
lesson-card-back = back
lesson-card-turn-hint = Space or Enter turns the card over.
lesson-card-note = Note
lesson-card-keys = Space or Enter: turn over · n p: other cards · ← →: other scenes
lesson-quiz-single = Choose one answer.
lesson-quiz-multiple = Choose every answer that is right.
lesson-quiz-how = Select with ↑ ↓ and Space, or with a number key; then press Enter to answer.
lesson-quiz-pick-one = Choose an answer first (Space or a number key), then press Enter.
lesson-quiz-pick-some = Choose at least one answer first (Space or a number key), then press Enter.
lesson-option-correct = correct answer
lesson-option-incorrect = not correct
lesson-option-chosen = you chose this
lesson-quiz-right = Your answer is right.
lesson-quiz-wrong = Your answer is not quite right. Read the feedback under each option.
lesson-quiz-explanation = Explanation
lesson-quiz-retry-hint = Press r to try again. Your first answer is the one that counts.
lesson-quiz-not-yet = Not correct yet. Read the feedback on your choice, then try again.
lesson-quiz-shown = Here is the right answer, as you asked.
lesson-quiz-retry-or-reveal-hint = Press r to try again, or a to see the right answer. Your first answer is the one that counts.
# $result: "right" or "wrong", how the first answer went.
lesson-quiz-first-counts = Another try: your first answer is the one that counts, and it was { $result ->
        [right] right
       *[wrong] not quite right
    }.
lesson-reflection-hint = To get started
lesson-reflection-private = What you write stays on this computer, in your profile. Nobody else reads it.
lesson-reflection-how-start = Press Enter or e to write; Esc when you are done.
lesson-reflection-how-stop = You are writing: Esc when you are done. Your text is saved as you type.
lesson-reflection-your-answer = Your answer
lesson-reflection-editing = Writing (Esc: done)
lesson-reflection-empty = Nothing written yet. Press Enter or e to write.
lesson-checklist-count = { $done } of { $total } ticked
lesson-done-title = Lesson done
lesson-done = You finished the lesson “{ $title }”.
lesson-done-scenes = You went through { $done } of { $total } scenes.
lesson-done-quizzes = Quizzes right at the first try: { $right } of { $total }.
lesson-done-quizzes-unanswered = { $count ->
        [one] One quiz was not answered.
       *[other] { $count } quizzes were not answered.
    }
lesson-done-skipped = You skipped { $count } { $count ->
        [one] scene
       *[other] scenes
    }; you can go back to { $count ->
        [one] it
       *[other] them
    } with ←.
lesson-done-home = Press Enter to go back to the overview, or ← to look at the last scene again.
lesson-key-next = next scene
lesson-key-previous = previous scene
lesson-key-scroll = scroll
lesson-key-read-on = read this scene
lesson-key-skip = skip this scene
lesson-key-turn = turn the card over
lesson-key-card = other card
lesson-key-select = select
lesson-key-answer = answer
lesson-key-retry = try again
lesson-key-reveal = show the answer
lesson-key-write = write
lesson-key-stop-writing = stop writing
lesson-key-tick = tick
lesson-key-home = back to the overview

## Scenario screen: conversation, ending, rewind, branch map, compare

scenario-missing = This practice conversation is not in the course. Press Esc to go back.
scenario-engine-error = This practice conversation cannot go on: { $reason }
scenario-fell-back = The course changed since your last visit: this conversation starts again from the beginning.
scenario-content-note = Content note
scenario-setting = Setting
scenario-goal = Your goal
scenario-note-continue = Enter: start the conversation · s: skip it for now (back to the overview)
scenario-intro-continue = Enter: start the conversation · Esc: back to the overview
scenario-speaker = { $name } ({ $role })
# $mood: how a character comes across in a line.
scenario-mood = { $mood ->
        [neutral] neutral
        [calm] calm
        [hopeful] hopeful
        [relieved] relieved
        [warm] warm
        [guarded] guarded
        [anxious] anxious
        [confused] confused
        [sad] sad
        [hurt] hurt
        [angry] angry
       *[other] { $mood }
    }
# $outcome: good, mixed or poor.
scenario-outcome = { $outcome ->
        [good] good
        [mixed] mixed
       *[poor] poor
    }
scenario-you = You
scenario-transcript = Conversation
scenario-choices = Your answer
scenario-stuck = No answer is available here. Go back a decision (b) or start again (r).
scenario-coach = Coach
scenario-thought = Inner thought of { $name }
scenario-more-below = ↓ { $count } more { $count ->
        [one] line
       *[other] lines
    } below (PgDn)
scenario-key-start = start
scenario-key-skip = skip for now
scenario-key-number = pick that answer
scenario-key-choose = choose an answer
scenario-key-select = select an answer (for a tie)
scenario-key-scroll = scroll the conversation
scenario-key-back-one = back one decision
scenario-key-rewind = go back to a decision
scenario-key-replay = play again from the start
scenario-key-map = branch map
scenario-key-compare = compare attempts
scenario-key-scroll-page = scroll
scenario-key-pick-decision = pick a decision
scenario-key-go-back = go back to it
scenario-key-compare-side = left or right attempt
scenario-key-compare-attempt = another attempt
ending-heading = Ending: { $outcome } · { $title }
ending-debrief = Debrief
ending-final = Where it ended (change since the start)
ending-path = Your path, with the coach’s feedback
ending-none = none
ending-next = r play again · w go back to a decision · m branch map · c compare
# $quality: best, acceptable, weak or harmful (how good a choice is).
scenario-quality = { $quality ->
        [best] best
        [acceptable] acceptable
        [weak] weak
       *[harmful] harmful
    }
# $score: shown, breached or not_met (what an attempt says about a competency).
scenario-score = { $score ->
        [shown] shown
        [breached] breached
       *[not_met] not met
    }
ending-competencies = Competencies
ending-qualities = Your answers by quality
# $quality: a quality's symbol and word, e.g. "++ best".
ending-quality-count = { $quality }: { $count }
ending-turning = Turning points: where another answer would have helped more
ending-turning-none = At every decision you took one of the best answers offered.
# $number: the decision's number in the attempt; $point: who said what just before it.
ending-turning-decision = Decision { $number }: { $point }
# $quality: the quality's symbol and word (or, in plain mode, the word).
ending-turning-taken = You answered ({ $quality }):
ending-turning-better = A better answer ({ $quality }):
ending-turning-feedback = The coach on that better answer:
# $outcome: good or mixed, the best ending still possible after the better answer.
ending-turning-lost = { $outcome ->
        [good] Your answer here closed off the good ending; after the better answer it was still within reach.
       *[other] Your answer here closed off a better ending; after the better answer a mixed ending was still within reach.
    }
# $outcome: good, mixed or poor, the best ending still possible after your answer.
ending-turning-kept = { $outcome ->
        [good] After your answer a good ending was still within reach.
        [mixed] After your answer a mixed ending was still within reach.
       *[poor] After your answer only a poor ending was left.
    }
rewind-title = Go back to a decision
rewind-hint = Pick the decision to take again (↑↓ or its number, then Enter). This attempt stays saved.
rewind-empty = You have not taken any decision yet.
rewind-answered = you answered: { $answer }
map-title = Branch map: what you explored in all your attempts
map-summary = Answers explored: { $explored } of { $total } · endings reached: { $endings } of { $all_endings }
map-legend = ✓ explored · ? not explored yet · ■ ending reached · ◀ where you are
# $qualities: each quality's symbol and word, e.g. "++ best · + acceptable · …".
map-legend-quality = Quality of an answer you tried: { $qualities }
map-ending = Ending: { $outcome } · { $title }
map-ending-unknown = an ending you have not reached yet
map-here = you are here
map-shown-above = continues as shown above
compare-title = Compare two attempts
compare-need-two = You need at least two attempts to compare. Play again (r) or go back to a decision (w), then come back here.
compare-hint = Tab: left or right · ←→: another attempt · ↑↓: scroll · Esc: back
compare-same-start = Both attempts start with the same { $count ->
        [one] answer
       *[other] { $count } answers
    }.
compare-differ-at-once = The attempts differ from the first answer on.
compare-split = They split at decision { $number }: { $point }
compare-identical = These attempts took the same answers so far.
compare-attempt = Attempt { $number }
compare-no-ending = not finished
compare-after = From the split on you answered:
compare-nothing-after = nothing yet

## Facilitator mode (kruispunt --facilitator)
facilitator-title = Facilitator
facilitator-jump-title = Jump to any module, lesson, scene or decision point
facilitator-jump-session = Session { $id } · the log is saved as you go
facilitator-module = Module { $number }: { $title }
facilitator-kind-lesson = lesson
facilitator-kind-scenario = scenario
facilitator-scene = scene { $number }: { $title }
facilitator-node-start = start: { $label }
facilitator-node = decision: { $label }
facilitator-ending = ending ({ $outcome }): { $title }
facilitator-notes-title = Facilitator notes
facilitator-notes-none = No facilitator notes here.
facilitator-notes-questions = Questions for the group
facilitator-notes-minutes = Suggested time: { $minutes } min
facilitator-note-title = Note for the session log
facilitator-note-hint = Type your note. Esc saves it and closes, Ctrl-X discards it. An empty note is not saved.
facilitator-note-key-save = save and close
facilitator-note-key-cancel = discard
facilitator-note-saved = Note saved in the session log.
facilitator-note-cancelled = Note not saved.
facilitator-key-jump = jump menu
facilitator-key-notes = show or hide the notes panel
facilitator-key-note = write a note
facilitator-key-open = open
facilitator-key-fold = fold or unfold
facilitator-ended = Session { $id } saved. Make the handout with: kruispunt session export { $id } --format html
vote-title = Group vote
vote-key-add = add a vote
vote-key-remove = remove a vote
vote-key-reveal = show or hide the votes
vote-key-pick = go with the answer
vote-counted = { $total ->
        [one] 1 vote counted
       *[other] { $total } votes counted
    } · shown with v
vote-remove-armed = Remove a vote: press the answer’s number
vote-winner = Most votes: answer { $number }. Enter goes with it.
# $tied: the numbers of the answers that share the most votes, e.g. "1, 2".
vote-tie = A tie between answers { $tied }: select one of them with ↑↓, then Enter.
# $number: the selected answer, not one of the tied ones; $tied: the numbers of the tied answers.
vote-tie-refused = Answer { $number } did not get the most votes: select one of the tied answers ({ $tied }) with ↑↓, then Enter.
vote-none = No votes yet: Enter goes with the selected answer.
vote-bar = { $votes ->
        [one] 1 vote
       *[other] { $votes } votes
    }
timer-label = Discussion
timer-running = running
timer-paused = paused
timer-ready = ready (t starts)
timer-over = time is up
timer-key-toggle = timer start or pause
timer-key-minutes = timer minutes
timer-key-reset = timer reset
session-list-empty = No facilitated sessions in { $dir }.
session-list-heading = Facilitated sessions in { $dir }:
session-list-line = { $id } · { DATETIME($start, dateStyle: "long", timeStyle: "short") } · { $course } · { $votes ->
        [one] 1 vote
       *[other] { $votes } votes
    }
session-list-unreadable = Cannot read a session file: { $reason }
session-bad-id = “{ $id }” is not a session id; `kruispunt session list` shows them.
session-not-found = There is no session { $id } in { $dir }; `kruispunt session list` shows them.
session-read-failed = Could not read the session: { $reason }
session-export-written = Handout written to { $file }.
session-export-title = Session { $id }
session-export-course = Course: { $course } (version { $version })
session-export-when = From { DATETIME($start, dateStyle: "long", timeStyle: "short") } to { DATETIME($end, dateStyle: "long", timeStyle: "short") }
session-export-shown = What was shown
session-export-rewound = Went back: { $item } › { $node }
session-export-votes = Votes and the path the group chose
session-export-vote-heading = Decision { $number } · { $item } · { $node }
# $choices: the answers that shared the most votes, joined by " · ".
session-export-tie = A tie between: { $choices }. The facilitator chose between them.
session-export-chosen = The group went with: { $choice }
# $choice: an answer; $quality: its quality (report-quality).
session-export-choice = { $choice } · { $quality }
# $qualities: the votes per quality, each a session-export-quality-votes, joined by " · ".
session-export-vote-qualities = The room’s votes by quality: { $qualities }
# $quality: a quality (report-quality); $votes: the votes for answers of that quality.
session-export-quality-votes = { $quality }: { $votes }
session-export-time = Time per item
session-export-duration = { $minutes } min { $seconds } s
session-export-notes = Notes from the facilitator
session-export-none = Nothing.

## Plain mode (kruispunt --plain): a line-by-line conversation for screen readers.
plain-welcome = Kruispunt in plain mode. Type ? or help at any prompt to hear the commands.
plain-bye = Your progress is saved. Goodbye.
plain-bye-not-saved = Your progress could not be saved (see above). Goodbye.
plain-not-understood = “{ $answer }” was not understood. You can answer:
plain-lang-usage = Type lang followed by a language: lang nl for Nederlands, lang en for English, lang fr for Français.
plain-save-failed = Your progress could not be saved: { $reason }. Kruispunt tries again at the next step.
plain-help-title = Help: these commands work at every prompt.
plain-help-numbers = Type the number or the letter of an option and press Enter. An empty line takes the option marked Enter.
plain-help-help = ? or help: this help.
plain-help-lang = lang nl, lang en or lang fr: switch the language (kept in your profile).
plain-help-home = home or back: back to the overview.
plain-help-letters = The letters mean what they mean in the full-screen interface: r tries a quiz again or plays a conversation again from the start, w goes back to an earlier answer, v reads the values.
plain-help-quit = q or quit: stop. Your progress is kept and you continue where you were, in plain mode or in the full-screen interface.
plain-help-saved = Your progress is saved after every step; reflections stay on this computer.
plain-home-title = Overview: { $title }
plain-home-progress = Progress: { $done } of { $total } { $total ->
        [one] part
       *[other] parts
    } done.
plain-home-module = Module { $number }: { $title }, { $done } of { $total } done.
plain-home-item = { $number }. { $title } { $kind }, { $status }.
# $status: not-started, in-progress, done or skipped.
plain-status = { $status ->
        [in-progress] in progress
        [done] done
        [skipped] skipped
       *[other] not started
    }
plain-home-continue = c or Enter: continue with { $title }
plain-home-core-path = p: the core path (about { $minutes } minutes, { $done } of { $total } done), next: { $title }
plain-home-settings = s: settings (language: { $language })
plain-home-prompt = Type the number of a part to open it.
plain-settings-title = Settings
# $state: current or other.
plain-settings-language = { $number }. Language: { $name }{ $state ->
        [current] , chosen
       *[other] {""}
    }
plain-settings-gloss = { $number }. Show course text also in { $locale }{ $state ->
        [current] , chosen
       *[other] {""}
    }
plain-settings-gloss-off = { $number }. Course text in one language only{ $state ->
        [current] , chosen
       *[other] {""}
    }
plain-settings-prompt = Type a number to change a setting, or an empty line to go back. Changes are kept in your profile.
plain-lesson-title = Lesson: { $title }
plain-scene-heading = Scene { $number } of { $total }: { $title }
plain-scene-position = Scene { $number } of { $total }
plain-content-note = Content note:
plain-note-continue = 1 or Enter: continue and show this part
plain-note-skip = 2 or s: skip this part
plain-nav-next = n or Enter: next
plain-nav-previous = p: previous scene
# $who: the name, perhaps with the age; $kind: composite or real.
plain-testimony = { $kind ->
        [composite] Testimony (fictional composite): { $who }
       *[other] Testimony: { $who }
    }
plain-testimony-age = { $name }, { $age }
plain-key-points = Key points:
plain-card = Term { $number } of { $total }: { $term }
plain-card-definition = Definition:
plain-card-note = Note:
plain-quiz-question = Question:
plain-quiz-how-single = Type the number of your answer.
plain-quiz-how-multiple = More than one answer can be right: type the numbers of your answers, separated by spaces, for example 1 3.
plain-quiz-skip = n: go on without answering
plain-quiz-correct = Correct.
plain-quiz-incorrect = Not quite.
# $chosen, $correct: yes or no.
plain-quiz-option = { $chosen ->
        [yes] You chose this.
       *[other] You did not choose this.
    } { $correct ->
        [yes] It is correct.
       *[other] It is not correct.
    }
plain-quiz-explanation = Explanation:
plain-quiz-first-counts = Only your first answer counts for your score.
plain-quiz-retry = r: try again
plain-quiz-reveal = a: show the right answer
plain-quiz-not-yet = Not correct yet. Read the feedback on your choice, then try again, or see the right answer.
plain-quiz-your-choice = You chose this.
plain-quiz-shown = Here is the right answer, as you asked.
plain-reflection-prompt = Reflection:
plain-reflection-hint = Hint:
plain-reflection-private = What you write stays on this computer, in your progress file. Nobody else sees it.
plain-reflection-how = Type your reflection, over several lines if you like, and end it with an empty line. An empty line right away writes nothing.
plain-reflection-saved = Your reflection is kept.
plain-reflection-yours = What you wrote:
plain-reflection-rewrite = e: write it again
plain-checklist-entry = { $number }. { $state ->
        [ticked] Ticked
       *[other] Not ticked
    }: { $text }
plain-checklist-hint = Hint:
plain-checklist-how = Type the numbers of entries to tick or untick them, separated by spaces. An empty line goes on.
plain-lesson-done = End of the lesson { $title }.
plain-lesson-score = Quizzes: { $correct } of { $total } right at the first answer.
plain-lesson-skipped = Skipped: { $scenes }
plain-lesson-back = n or Enter: back to the overview
plain-scenario-title = Practice conversation: { $title }
plain-scenario-fell-back = The course changed since your last visit, so this conversation starts again from the beginning.
plain-scenario-resumed = You continue where you were, after { $decisions } { $decisions ->
        [one] answer
       *[other] answers
    }.
plain-scenario-error = This conversation cannot be run: { $reason }
plain-scenario-setting = Setting:
plain-scenario-goal = Goal:
plain-scenario-characters = Characters:
plain-scenario-character = { $name }, { $role }: { $bio }
plain-scenario-start = 1 or Enter: start the conversation
plain-scenario-skip = 2: back to the overview
plain-line = { $name } ({ $details }): { $text }
plain-thought = { $name } thinks:
plain-you = You:
plain-coach = Coach:
# $direction: up, down, limit (the change was cut off at the end of the range) or none.
plain-variable = { $label }: { $value } of { $max }{ $direction ->
        [up] , up { $change }
        [down] , down { $change }
        [limit] , unchanged (at its limit)
       *[other] {""}
    }
plain-variable-total = { $label }: { $value } of { $max }{ $direction ->
        [up] , up { $change } since the start
        [down] , down { $change } since the start
       *[other] , as at the start
    }
plain-scenario-what-now = What do you say? Type a number.
plain-scenario-rewind = w: go back to an earlier answer
plain-scenario-values = v: hear the values
plain-scenario-stuck = No answer is possible here. Go back to an earlier answer, or type home.
plain-rewind-title = Go back to which answer? The answers after it are undone; the road you took stays in your progress.
plain-rewind-decision = Answer { $number }: { $text }
plain-rewind-cancel = Type a number, or an empty line to stay where you are.
plain-rewound = You are back before answer { $number }.
plain-outcome = { $outcome ->
        [good] good
        [mixed] mixed
       *[poor] poor
    }
plain-ending = Ending: { $outcome }. { $title }
plain-ending-debrief = Debrief:
plain-ending-values = Where it ended:
plain-ending-path = Your path, with the coach’s feedback:
plain-ending-competencies = Competencies:
# $name: a competency; $score: its score as a word (scenario-score).
plain-competency = { $name }: { $score }
# How many answers of each quality the attempt took.
plain-ending-qualities = Your answers: { $best } best, { $acceptable } acceptable, { $weak } weak, { $harmful } harmful.
plain-ending-turning = Turning points, where another answer would have helped more:
# $quality: the quality as a word (scenario-quality); $text: the answer.
plain-turning-taken = You answered ({ $quality }): { $text }
plain-turning-better = A better answer ({ $quality }): { $text }
plain-turning-feedback = The coach on that better answer:
plain-none = none
plain-ending-replay = 1 or r: play again from the start
plain-ending-rewind = 2 or w: go back to an earlier answer
plain-ending-overview = 3 or Enter: back to the overview

## The workshop server (`kruispunt serve`)

# The start message on stdout. $title: the course; $address: the address and port listened
# on; $workshop: the workshop id; $code: the join code; $fingerprint: the host key's
# fingerprint (SHA256:…); $port: the port alone.
serve-started =
    Kruispunt workshop server: { $title }
    Address: { $address }
    Workshop: { $workshop }
    Join code: { $code }
    Host key fingerprint: { $fingerprint }
    Trainees type: ssh -p { $port } NAME@THIS-COMPUTER, then the join code.
    Stop with Ctrl-C: every trainee’s progress is saved.
# After serve-started when only this computer can connect (the default).
serve-only-this-computer = Only this computer can connect now. To let the trainees in the room connect, start again with --listen 0.0.0.0 and allow TCP port { $port } in this computer’s firewall.
# After serve-started when the server listens on the network.
serve-open-to-network = Trainees on the network can connect: allow TCP port { $port } in the firewall, and let trainees check the fingerprint above against what ssh shows them.
# $file: where the key was saved.
serve-host-key-created = A new host key was made and saved in { $file }. Its fingerprint stays the same on every start.
# The prompt of ssh’s keyboard-interactive login.
serve-code-prompt = Join code:
serve-join-welcome = Welcome to this workshop. Your progress is kept on the facilitator’s computer, under the name you choose.
serve-join-prompt = Type your name (letters, digits, - and _) and press Enter. Esc leaves.
# $name: the name typed.
serve-join-name-in-use = The name { $name } is in use in this workshop. Choose another one.
# $max: the most trainees at once.
serve-join-full = The workshop is full ({ $max } trainees). Ask the facilitator.
serve-needs-pty = The course needs a terminal: connect without -T.
serve-goodbye = Your progress is saved. See you next time.
# The trainee left the join screen without joining.
serve-goodbye-left = Goodbye.
serve-goodbye-idle = You were disconnected after a long time without typing. Your progress is saved: connect again to continue.
serve-goodbye-not-saved = Your last steps could not be saved: { $reason }. Tell the facilitator.
serve-goodbye-ended = The workshop has ended. Your progress is saved.
# The server’s log on stderr. $count: trainees connected now.
serve-log-joined = { $name } joined ({ $count } connected).
serve-log-left = { $name } left; their progress is saved.
serve-log-not-saved = { $name } left, but their last steps could not be saved: { $reason }
# $ip: the address; $seconds: how long it must wait before its next try.
serve-log-wrong-code = Wrong join code from { $ip }: it waits { $seconds } s before its next try.
serve-log-backing-off = Refused a login from { $ip }: it still waits { $seconds } s after wrong join codes.
# $request: what was asked for (exec, subsystem sftp).
serve-log-refused = Refused { $request } from { $ip }.
# A connection closed at once: $max connections are open already.
serve-log-too-many = Closed a connection from { $ip }: { $max } connections are open already.
serve-log-stopping = Stopping: every trainee is saved and told the workshop has ended.
serve-log-stopped = The workshop server has stopped.
serve-error-workshop-id = This workshop id cannot be used: { $reason }
serve-error-empty-code = The join code cannot be empty.
serve-error-read-host-key = Cannot read the host key { $file }: { $reason }
serve-error-write-host-key = Cannot save the host key { $file }: { $reason }
serve-error-random = The operating system gave no random numbers: { $reason }
serve-error-bind = Cannot listen on { $address }: { $reason }
serve-error-io = The workshop server stopped: { $reason }
serve-error-facilitator-keys = Cannot read the facilitator keys { $file }: { $reason }
serve-log-facilitator = The facilitator logged in with their key from { $ip }.
serve-log-dashboard = A facilitator dashboard was opened.
serve-log-group-step = Group step: in { $scenario } at { $node }, the room went with { $choice }.
serve-log-group-log = The group steps are kept in session log { $id }; afterwards, kruispunt session export { $id } --format html makes the handout.
serve-log-group-log-failed = The group steps cannot be written to a session log: { $reason }
serve-banner-message = Facilitator: { $message }
serve-banner-group-step = Group step: your answer is your vote; the facilitator moves the room on.
dashboard-title = Workshop { $workshop } · join code { $code } · { $view }
dashboard-view-presenter = presenter view
dashboard-view-private = private view (names and notes: do not project)
dashboard-room-title = Room · { $count } connected
dashboard-room-empty = Nobody has joined yet.
dashboard-trainee-number = Trainee { $number }
dashboard-col-who = Who
dashboard-col-where = Where
dashboard-col-idle = Idle
dashboard-col-endings = Endings
dashboard-col-modules = Modules
dashboard-where-overview = overview
dashboard-idle = { $minutes } min
dashboard-group-title = Group step · { $scenario }
dashboard-group-none = No group step: g picks a decision point for everyone.
# $label: the decision point; $voters of $present trainees voted.
dashboard-group-point = { $label } · { $voters } of { $present } voted
dashboard-group-moved = The room went with answer { $number }. n: the next decision point · f: free play.
dashboard-tie-pick = A tie: select one of the tied answers with ↑↓ or its number, then Enter.
dashboard-no-next = No next decision point: the room reached an ending. f: free play.
dashboard-not-a-decision = Pick a decision point of a scenario (→ unfolds a scenario).
dashboard-play-title = Free play
dashboard-play-line = { $scenario }: endings reached { $endings } · turning points: { $points }
dashboard-play-none = No endings reached yet.
dashboard-locked = The room is locked to { $item } (l unlocks).
dashboard-message = On every screen: { $message }
dashboard-message-prompt = Message to every screen (Enter sends, empty clears, Esc cancels):
dashboard-keys = g group step · v votes · ↑↓ pick · Enter move on · n next · f free play · l lock · m message · p view · t timer · q leave
dashboard-keys-pick = ↑↓ move · → unfold · Enter start here for everyone · Esc back

## Workshops kept by the server: `kruispunt workshop forget`

# $id: the workshop; $dir: its directory.
workshop-forget-confirm = This deletes the progress and reflections of every trainee of workshop “{ $id }” in { $dir }. It cannot be undone.
workshop-forget-cancelled = Cancelled; workshop “{ $id }” is kept.
# $trainees: how many trainees’ progress was deleted.
workshop-forget-done = Workshop “{ $id }” forgotten: { $trainees ->
        [one] the progress of 1 trainee was deleted.
       *[other] the progress of { $trainees } trainees was deleted.
    }
workshop-forget-needs-confirmation = not forgetting workshop “{ $id }” without confirmation, and no answer could be read; run “kruispunt workshop forget { $id } --yes” to delete it without asking
# $dir: the data directory.
workshop-forget-none = there is no workshop “{ $id }” in { $dir }

## kruispunt export and kruispunt report (the facilitator's group report).
# $name: profile name; $file: the export file written.
export-written = Results of profile “{ $name }” written to { $file } (without reflections).
export-written-with-reflections = Results of profile “{ $name }” written to { $file }, with the reflections.
# $file: where the damaged progress file was moved.
export-damaged-profile = warning: the progress file of this profile was damaged and set aside as { $file }; the export holds what could be recovered.
# kruispunt xapi export. $count: how many statements; $name: the profile; $file: the output file.
xapi-written = { $count ->
        [one] { $count } xAPI statement
       *[other] { $count } xAPI statements
    } of profile “{ $name }” written to { $file } (without reflections).
# As xapi-written, with the trainee named by a pseudonym ($name is not shown).
xapi-written-pseudonymised = { $count ->
        [one] { $count } xAPI statement
       *[other] { $count } xAPI statements
    } written to { $file }, with the trainee pseudonymised (without reflections).
# $value: what was given.
xapi-bad-base-iri = --base-iri { $value } is not an absolute IRI starting with https:// or http:// (without ? or #)
xapi-bad-home-page = --home-page { $value } is not an absolute URL starting with https:// or http://
# $variable: the environment variable with the salt.
xapi-no-salt = --pseudonymise needs a secret salt in the environment variable { $variable }; keep the same salt to keep the same pseudonyms
# $length: the salt's length; $minimum: the fewest characters accepted.
xapi-short-salt = the salt for --pseudonymise has { $length } characters; use at least { $minimum }, or the pseudonyms can be guessed
# kruispunt xapi export --workshop. $count: how many statements; $id: the workshop; $file: the output file.
xapi-written-workshop = { $count ->
        [one] { $count } xAPI statement
       *[other] { $count } xAPI statements
    } of workshop “{ $id }” written to { $file } (without reflections).
xapi-workshop-or-profile = give either --workshop or --profile, not both
# $id: the workshop id; $dir: the data directory.
xapi-no-workshop = there is no workshop “{ $id }” in { $dir }
xapi-lrs-missing-endpoint = no LRS endpoint: give --endpoint URL, set KRUISPUNT_LRS_ENDPOINT, or save it with kruispunt xapi configure
xapi-lrs-missing-username = no LRS user name: give --username NAME, set KRUISPUNT_LRS_USERNAME, or save it with kruispunt xapi configure
xapi-lrs-missing-password = no LRS password: give --password-file FILE, set KRUISPUNT_LRS_PASSWORD, or save it with kruispunt xapi configure
# $value: the endpoint given (any user and password in it left out).
xapi-lrs-bad-endpoint = the LRS endpoint { $value } is not a URL starting with https:// or http:// (without a user, password, ? or #)
# $file: the config or password file; $reason: the system's message.
xapi-lrs-unreadable = cannot read { $file }: { $reason }
# $file: the config file; $where: the line and column.
xapi-lrs-damaged = { $file } is not an LRS config file (a JSON object with endpoint, username and password): error at { $where }
# $variable: the environment variable naming the config file.
xapi-lrs-no-config-dir = cannot find a config directory for the LRS settings; set { $variable } to a file
# $endpoint: the LRS endpoint; $status: 401 or 403.
xapi-lrs-unauthorized = the LRS at { $endpoint } refused the user name and password (HTTP { $status }); check them, or run kruispunt xapi configure
# $endpoint: the LRS endpoint; $detail: what the TLS library said.
xapi-lrs-tls = no secure connection to the LRS at { $endpoint } ({ $detail }); check that the endpoint speaks HTTPS and that its certificate is valid for that name
# $endpoint: the LRS endpoint; $attempts: how many tries; $last: the last failure.
xapi-lrs-gave-up = the LRS at { $endpoint } could not be reached or stayed busy through { $attempts } tries (last: { $last })
# $endpoint: the LRS endpoint; $detail: what was wrong with the answer.
xapi-lrs-malformed = the LRS at { $endpoint } answered something that is not an xAPI answer: { $detail }
# kruispunt xapi configure. $file: the config file.
xapi-configured = LRS settings saved in { $file } (readable by you only).
# One statement the LRS refused. $id: the statement id; $verb: its verb; $status: the HTTP status; $message: the LRS's message.
xapi-send-refused = statement { $id } ({ $verb }) refused by the LRS (HTTP { $status }): { $message }
# kruispunt xapi send's summary. $sent, $already, $refused, $waiting, $posts: numbers.
xapi-send-summary = sent { $sent }, already there { $already }, rejected { $refused }; { $waiting } waiting in the outbox ({ $posts ->
        [one] { $posts } request
       *[other] { $posts } requests
    })
# $count: statements left in the outbox.
xapi-send-waiting = { $count ->
        [one] { $count } statement waits in the outbox; run kruispunt xapi send again to deliver it.
       *[other] { $count } statements wait in the outbox; run kruispunt xapi send again to deliver them.
    }
# Shown once when live sending (--lrs) fails, and again only after a delivery succeeded.
xapi-live-failed = Learning records could not be sent; they are kept and sent later (kruispunt xapi send).
# --lrs without a usable LRS. $reason: what is missing or wrong.
xapi-live-no-lrs = --lrs needs an LRS to send the learning records to: { $reason }
xapi-live-missing-endpoint = no LRS endpoint: set KRUISPUNT_LRS_ENDPOINT or lrs.endpoint in kruispunt.toml, or save it with kruispunt xapi configure
xapi-live-missing-username = no LRS user name: set KRUISPUNT_LRS_USERNAME, or save it with kruispunt xapi configure
xapi-live-missing-password = no LRS password: set KRUISPUNT_LRS_PASSWORD, or save it with kruispunt xapi configure
report-course-errors = the course has errors; fix them first (see kruispunt validate)
# $file: the output file; $reason: the system's message.
report-cannot-write = cannot write { $file }: { $reason }
# $file: an input file; $reason: one of the report-reason-* messages.
report-skipped = skipped { $file }: { $reason }
# $file: an export given more than once; $first: the file it was first given as.
report-duplicate = counted once: { $file } is the same export as { $first }
report-reason-unreadable = cannot read it ({ $detail })
report-reason-not-json = it is not a JSON file ({ $detail })
report-reason-foreign = it is not a Kruispunt export
report-reason-newer = it was exported by a newer Kruispunt (export format { $found }; this version reads up to { $supported })
report-reason-damaged = the export is damaged ({ $detail })
report-reason-other-course = it is an export of another course (“{ $found }”, not “{ $expected }”)
report-reason-not-a-file = it is not a regular file
report-reason-too-large = it is larger than { $limit } MiB
# $what: items, attempts or choices.
report-reason-too-many = { $what ->
        [items] it has { $count } items
        [attempts] an item has { $count } attempts
       *[choices] an attempt has { $count } choices
    }; the limit is { $limit }
# $option: --csv-delimiter or --layout.
report-csv-option-without-csv = { $option } only goes with --format csv
# $given: what was given as --csv-delimiter.
csv-delimiter-not-one-character = a CSV delimiter is one character (or tab), not “{ $given }”
csv-delimiter-not-ascii = a CSV delimiter is an ASCII character such as ; , or |, not “{ $given }”
csv-delimiter-unusable = “{ $given }” cannot separate CSV fields; choose for example ; , | or tab
report-xlsx-needs-file = a workbook is not text: write it to a file with -o FILE.xlsx
# The names of the two sheets of an .xlsx report (at most 31 characters; no [ ] : * ? / \).
report-sheet-report = Report
report-sheet-trainees = Trainees × items
report-too-many-files = { $files } files were given; a report reads at most { $limit }, so no file was read
report-none-usable = { $files ->
        [one] the file given is not
       *[other] none of the { $files } files given is
    } a usable export; no report was made
report-skipped-summary = { $skipped ->
        [one] 1 file was
       *[other] { $skipped } files were
    } skipped; the report uses { $used ->
        [one] 1 export
       *[other] { $used } exports
    }.
report-title = Group report: { $course }
report-summary = Course { $id }, version { $version } · { $trainees ->
        [one] 1 trainee
       *[other] { $trainees } trainees
    }
report-anonymous = Trainees are numbered in the order their exports were given; their names are not in this report.
report-named = Trainees are shown by their profile names.
report-trainee = Trainee { $number }
report-count-of = { $count } of { $total }
# $version: the course version of an export that differs from the current course.
report-other-version = exported from course version { $version }
report-trainees-heading = Trainees
report-trainees-intro = Items completed by each trainee, out of all lessons and scenarios of the course.
report-completion-heading = Completion per module
report-completion-intro = How many trainees completed each item, and the whole module.
report-whole-module = Whole module
report-quizzes-heading = Quiz questions
report-quizzes-intro = Trainees whose first answer was right, out of those who answered; least often right first.
report-decisions-heading = Decision points
report-decisions-intro = What trainees chose the first time they reached each decision point, out of those who reached it.
# $scenario: scenario title; $number: decision point number in the scenario.
report-decision-title = { $scenario } · decision point { $number }
# $count: decision points no trainee reached, left out of this section.
report-decisions-unreached = { $count ->
        [one] One decision point that no trainee reached is left out.
       *[other] { $count } decision points that no trainee reached are left out.
    }
report-endings-heading = Endings reached
report-endings-intro = Trainees who reached each ending in at least one attempt.
# $outcome: good, mixed or poor.
report-outcome = { $outcome ->
        [good] good ending
        [mixed] mixed ending
       *[poor] poor ending
    }
report-competencies-heading = Competencies of the group
report-competencies-intro = Trainees who showed each competency in at least one finished conversation and breached it in none; “missed by” counts trainees who passed up an answer showing it and never showed it.
report-missed-by = missed by { $count }
report-qualities-heading = Quality of the answers
report-qualities-intro = How good the answer was that trainees chose the first time they reached each decision point, out of those who reached it. The quality is the one the course gives the answer, so older exports count too.
# $symbol: a quality's symbol (++, +, -, !!); $word: the quality as a word (scenario-quality).
report-quality = { $symbol } { $word }
report-turning-heading = Turning points of the group
report-turning-intro = Where trainees took an answer while a better one was offered: per decision point, the answer most often taken there instead of the better one, and how many trainees took it, out of those who reached that point. Most often first.
report-turning-none = No trainee took an answer where a better one was offered.
# $number: the decision point's number in the scenario; $quality, $better_quality: report-quality of the answer taken and of the better one; $better: the better answer.
report-turning-context = decision point { $number } · this answer: { $quality } · a better answer, { $better_quality }: { $better }
report-breaches-heading = Competencies breached
report-breaches-intro = Trainees who took, in at least one conversation, an answer that goes against each competency. A breached competency is not counted as shown for that trainee.
report-breaches-trainee-heading = Competencies breached per trainee
report-breaches-trainee-intro = How many of the course’s competencies each trainee breached in at least one conversation, and which ones.
report-breached-none = none
report-column-quality = Quality
report-column-turning = Answer taken instead of a better one
report-column-took-it = Trainees who took it
report-column-breached = Breached by
report-column-breached-count = Competencies breached
report-column-trainee = Trainee
report-column-completed = Completed
report-column-item = Lesson or scenario
report-column-question = Question
report-column-correct = Right the first time
report-column-answer = Answer
report-column-trainees = Trainees
report-column-ending = Ending
report-column-competency = Competency
report-column-shown = Shown by
report-column-version = Course version
report-column-id = Id
report-column-what = No longer in the course
report-unmatched-heading = No longer in the course
report-unmatched-intro = Exports made with another version of the course refer to these, which this version no longer has; they are not counted above.
report-unmatched-none = Every export matches the course.
report-unmatched-item = lesson or scenario
report-unmatched-quiz = quiz question
report-unmatched-decision = decision point
report-unmatched-choice = answer at a decision point
report-unmatched-ending = ending
report-unmatched-competency = competency
# $reason: the system's description of the problem.
plain-io-failed = plain mode stopped: the input or the output failed: { $reason }
plain-try-plain = `kruispunt --plain` runs the course as a line-by-line conversation that works in a pipe and with a screen reader.
# Scenario screen: the feedback panel and the introduction scroll when they do not fit.
scenario-feedback = Feedback
# $count: lines of feedback cut below the panel.
scenario-feedback-more = ↓ { $count } more { $count ->
        [one] line
       *[other] lines
    } (Tab, PgDn)
# $count: lines cut below, while the text has the focus.
scenario-scroll-more = ↓ { $count } more { $count ->
        [one] line
       *[other] lines
    } (↓, PgDn)
# $count: lines cut above, at the end of the text.
scenario-scroll-above = ↑ { $count } more { $count ->
        [one] line
       *[other] lines
    } above (↑, PgUp)
scenario-key-panes = conversation, answers or feedback
scenario-key-scroll-feedback = scroll the feedback

## Printable take-aways: `kruispunt certificate` (a trainee's certificate) and `kruispunt print` (the whole course as one document).

certificate-title = Certificate of participation
# $name: the profile name; $course: the course title; $version: the course version.
certificate-awarded = { $name } took part in the course “{ $course }” (version { $version }).
# $date: when it is issued (an RFC 3339 instant), shown as a date in the user's time zone.
certificate-issued = Issued on { DATETIME($date, dateStyle: "long") }
certificate-modules-heading = Modules completed
# $completed: modules with every lesson and conversation completed; $total: modules in the course.
certificate-modules-count = { $completed } of { $total } modules completed.
certificate-column-module = Module
certificate-column-completed-on = Completed on
certificate-column-time = Time spent
certificate-column-estimated = Estimated time
certificate-not-recorded = not recorded
certificate-modules-note = Kruispunt records when each lesson was opened and completed and when each practice conversation started and ended: the date is when the module’s last lesson or conversation ended, the time is their time together. Progress saved before Kruispunt recorded the times of lessons counts only the conversations, or says “not recorded”.
# $hours, $minutes: a duration.
certificate-duration = { $hours ->
        [0] { $minutes } min
       *[other] { $hours } h { $minutes } min
    }
certificate-endings-heading = Endings reached
certificate-endings-none = No practice conversation reached an ending yet.
certificate-column-conversation = Conversation
certificate-column-reached-on = First reached on
certificate-competencies-heading = Competencies
certificate-competencies-intro = What the finished practice conversations show, as their endings do: a competency breached in one conversation is not counted as shown.
certificate-column-result = Result
# $status: shown, breached, missed (passed up, never shown) or unpractised.
certificate-competency = { $status ->
        [shown] shown
        [breached] breached
        [missed] not shown yet
       *[unpractised] not practised yet
    }
certificate-plan-heading = My action plan
certificate-plan-intro = The points of the checklists you went through that you have not ticked yet: what to work on next.
certificate-plan-all-ticked = You ticked every point of the checklists you went through.
certificate-plan-no-checklist = You have not gone through a checklist yet.
certificate-reflections-heading = My reflections
certificate-reflections-none = No reflections written.
# $name: the profile; $file: the output file.
certificate-written = Certificate of “{ $name }” written to { $file } (without the reflections).
certificate-written-with-reflections = Certificate of “{ $name }” written to { $file }, with the reflections.

# $version: the course version; $lessons, $scenarios: how many; $language: the language code of this document.
print-meta = Version { $version } · { $lessons ->
        [one] { $lessons } lesson
       *[other] { $lessons } lessons
    } and { $scenarios ->
        [one] { $scenarios } conversation
       *[other] { $scenarios } conversations
    } · language: { $language }
print-competencies-heading = The competencies of the course
print-column-meaning = What it means
# $label: what the text is (print-goal, print-hint…); $text: the text.
print-labelled = { $label }: { $text }
print-facilitator-notes = For the facilitator
print-content-note = Content note
print-goal = Goal
print-hint = Hint
print-explanation = Explanation
# $minutes: the estimated time.
print-minutes = About { $minutes } min
# $title: the lesson's title.
print-lesson = Lesson: { $title }
# $number: the scene's number in the lesson; $title: its title (may be empty).
print-scene = Scene { $number }. { $title }
# $name, $background: the persona; $age: their age.
print-testimony = Testimony of { $name } (fictional composite): { $background }
print-testimony-aged = Testimony of { $name }, { $age } (fictional composite): { $background }
print-column-term = Term
print-column-definition = Definition
print-column-usage = Usage
print-quiz-single = Quiz: one right answer.
print-quiz-multiple = Quiz: several right answers.
print-column-right = Right?
print-column-feedback = Feedback
print-right = ✓ right
print-wrong = ✗ wrong
# $text: a checklist point; $hint: its hint.
print-checklist-entry = ☐ { $text } ({ $hint })
# $title: the scenario's title.
print-scenario = Practice conversation: { $title }
print-characters = Characters
print-column-character = Character
print-column-role = Role
print-column-about = About
print-variables = Variables
print-column-variable = Variable
print-column-start = Start
print-column-range = Range
print-nodes = Decision points
print-column-node = Point
print-column-said = What is said
print-column-effects = Effects
print-column-next = Next
print-endings = Endings
print-column-outcome = Outcome
print-column-debrief = Debrief
# $name: who speaks; $text: what they say.
print-line = { $name }: { $text }
# $text: the inner thought of whoever speaks.
print-thought = (thinks: { $text })
print-goes-on = (goes on by itself)
# $condition: a condition, in ids and symbols.
print-route-when = route, when { $condition }
print-route-otherwise = route, otherwise
# $title: the ending's title.
print-ends = ends: { $title }
print-offered-when = offered only when { $condition }
# $competencies: competency titles, comma-separated.
print-shows = shows: { $competencies }
print-breaches = breaches: { $competencies }
# $node: a decision point's id.
print-cond-visited = visited { $node }
# $quality: a quality (report-quality).
print-cond-chose-quality = took a { $quality } answer
# $node, $choice: ids.
print-cond-chose = took { $choice } at { $node }
# $condition: when this part shows; $text: the part.
print-debrief-when = [when { $condition }] { $text }
# $file: the output file.
print-written = The course is written to { $file }.

## The session core refused a step.
session-error-no-such-item = The course has no lesson or scenario `{ $id }`.
session-error-not-here = That cannot be done here.
session-error-nothing-selected = No answer was selected.

## kruispunt import twee, export twee (docs/twee.md)

# One line of the import’s report. $place: FILE:LINE of the Twee file; $message: one of the twee-note-… or twee-add-… messages.
twee-line-warning = { $place }: warning: { $message }
twee-line-to-add = { $place }: to add: { $message }
twee-error-not-utf8 = line { $line }: the file is not UTF-8 text; save it as UTF-8 (Twine’s “Export as Twee” does)
twee-error-too-large = the file is larger than { $limit } bytes
twee-error-too-many-passages = the file has more than { $limit } passages
twee-error-no-passages = no passage: no line starts with “::” (is this a Twee file?)
twee-error-no-passage-name = line { $line }: a passage header without a name
twee-error-duplicate-passage = line { $line }: a second passage named “{ $passage }” (the first is on line { $first }); rename one of them, since links find a passage by its name
twee-error-no-texts = scenario “{ $scenario }” has no texts in “{ $locale }”; choose another language with --lang
twee-error-unusable-node-id = node “{ $node }” cannot be a Twee passage name that links point at; rename the node
twee-error-no-scenario = no scenario “{ $id }” in the course
twee-note-text-before-first-passage = the text before the first passage header is ignored
twee-note-bad-story-data = StoryData is not a JSON object and is ignored
twee-note-bad-metadata = passage “{ $passage }”: the header’s metadata is not JSON and is ignored
twee-note-unclosed-tags = passage “{ $passage }”: the tag block has no closing “]”
twee-note-construct = passage “{ $passage }”: { $format } code “{ $construct }” cannot be part of a scenario and is kept as text; rewrite it with the Kruispunt convention or remove it
twee-note-chapbook-vars = passage “{ $passage }”: the Chapbook vars section is kept as text; change variables with “@effect” after a link instead
twee-note-setter-link = passage “{ $passage }”: the link’s setter is left out; change variables with “@effect” after the link instead
twee-note-skipped-passage = passage “{ $passage }” is code, style or a special passage of its story format, and is not imported
twee-note-unknown-directive = passage “{ $passage }”: the unknown line “{ $directive }” is left out
twee-note-misplaced-directive = passage “{ $passage }”: “{ $directive }” means nothing here (it goes after a link, a spoken line or a debrief part) and is left out
twee-note-bad-value = passage “{ $passage }”: “{ $directive } { $value }” cannot be read and is left out
twee-note-links-in-ending = passage “{ $passage }”: an ending has no choices, so its links are left out
twee-note-extra-links = passage “{ $passage }”: a “next” passage goes on to its first link only; the other links are left out
twee-note-first-passage-starts = StoryData names no start and there is no passage “Start”: the first passage starts the scenario
twee-add-feedback = passage “{ $passage }”, the link to “{ $target }”: add “@feedback” with the coach’s feedback on this choice
twee-add-quality = passage “{ $passage }”, the link to “{ $target }”: add “@quality” with best, acceptable, weak or harmful
twee-add-thinker = passage “{ $passage }”, the link to “{ $target }”: add “@thinker” with the character whose thought it is
twee-add-passage = passage “{ $passage }”: the link goes to “{ $target }”, which does not exist; add a passage of that name
twee-add-way-on = passage “{ $passage }” has no link and no ending tag: add links, or tag it ending-good, ending-mixed or ending-poor
twee-add-outcome = passage “{ $passage }” is tagged “ending” without an outcome: tag it ending-good, ending-mixed or ending-poor
twee-add-debrief = passage “{ $passage }”: add “@debrief” with what the trainee takes from this ending
twee-add-setting = add “@setting” to the Kruispunt passage: where and when the conversation takes place
twee-add-goal = add “@goal” to the Kruispunt passage: what the trainee tries to achieve
twee-add-role = add “@role” under “@character { $character }” in the Kruispunt passage
twee-add-bio = add “@bio” under “@character { $character }” in the Kruispunt passage
twee-import-written = Wrote { $path }: scenario “{ $id }” with { $nodes ->
        [one] { $nodes } node
       *[other] { $nodes } nodes
    } and { $choices ->
        [one] { $choices } choice
       *[other] { $choices } choices
    }, texts in “{ $locale }”; { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $todo ->
        [0] nothing to add.
        [one] 1 thing to add.
       *[other] { $todo } things to add.
    }
twee-import-valid = The scenario passes validation.
twee-import-invalid = Validation of { $path } still reports:
twee-import-untranslated = { $texts ->
        [one] { $texts } text is
       *[other] { $texts } texts are
    } not yet translated into { $locales }, the course’s other languages (warnings, see docs/translating.md).
twee-import-how-to-add = To add it to a course: copy it into the course’s scenarios/ folder, add “{ $id }” to the items of a module in course.json, and run “kruispunt validate DIR” (or import with --course DIR to check it against that course).
twee-import-not-in-module = “{ $id }” is in no module of the course yet: add it to the items of a module in course.json, for example of “{ $module }” (checked here as if it were).
twee-export-written = Wrote { $path }: { $passages } passages, texts in “{ $locale }”.
