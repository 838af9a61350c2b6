//! The document model: each renderer escapes hostile text with its one escaper, and the
//! group report and the session handout both go through it.

use super::*;
use scraper::{Html, Selector};

/// Text that tries every trick: a column break, a heading, a script, a remote image, a
/// line break, quotes, an entity, and a formula after a separator.
const HOSTILE: &str =
    "x | y\n# Kop <script>alert(1)</script> ![p](http://t/p.png) & \"q\" 'a' ;=cmd|' /C calc'!A0";

fn bar(label: &str, value: u32, total: u32, chosen: bool) -> Bar {
    Bar {
        label: label.to_owned(),
        context: Some(HOSTILE.to_owned()),
        value,
        total,
        caption: format!("{value} of {total}"),
        chosen,
    }
}

/// A document with the hostile text in every place a text can be.
fn hostile_document() -> Document {
    let chart = |id: &str, layout: Layout| Chart {
        id: format!("{id}\"><script>"),
        title: HOSTILE.to_owned(),
        titled: true,
        subtitle: Some(HOSTILE.to_owned()),
        layout,
        bars: vec![bar(HOSTILE, 2, 3, false), bar("b", 1, 3, true)],
    };
    Document {
        language: "en\" onload=\"x".to_owned(),
        title: HOSTILE.to_owned(),
        blocks: vec![
            Block::heading(2, HOSTILE),
            Block::paragraph(HOSTILE),
            Block::Paragraph(Paragraph::new(HOSTILE).with_class("a\"b").strong()),
            Block::List(vec![HOSTILE.to_owned(), "- 1. ~~~".to_owned()]),
            Block::Section(Section {
                id: Some("s\" onclick=\"x".to_owned()),
                class: None,
                blocks: vec![
                    Block::Table(Table {
                        head: vec![HOSTILE.to_owned(), "b".to_owned()],
                        rows: vec![vec![
                            Cell::code(HOSTILE),
                            Cell::count(HOSTILE).with_context(Some(HOSTILE.to_owned())),
                        ]],
                    }),
                    Block::Chart(chart(
                        "shares",
                        Layout::Shares {
                            columns: [HOSTILE.to_owned(), "n".to_owned()],
                        },
                    )),
                    Block::Chart(chart("votes", Layout::Votes)),
                ],
            }),
        ],
    }
}

#[test]
fn bars_round_to_the_nearest_cell_and_never_overflow() {
    assert_eq!(filled(0, 5, 20), 0);
    assert_eq!(filled(5, 5, 20), 20);
    assert_eq!(filled(1, 3, 20), 7);
    assert_eq!(filled(9, 3, 20), 20);
    assert_eq!(filled(1, 0, 20), 0);
    assert_eq!(filled(2, 3, 100), 67);
}

#[test]
fn markdown_lets_no_hostile_text_inject_html_headings_images_or_rows() {
    let md = markdown(&hostile_document());
    // Headings: only the title and the ones the document has, never one from the text.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 4, "{md}");
    assert!(headings[0].starts_with("# x \\| y \\# Kop"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Kop")), "{md}");
    // No tag, no image, no link.
    assert!(!md.replace("\\<", "").contains('<'), "{md}");
    assert!(!md.contains("!["), "{md}");
    assert!(!md.replace("\\[", "").contains('['), "{md}");
    // The list entry that looks like a list and a fence stays words.
    assert!(md.contains("\n- \\- 1. ~~~\n"), "{md}");
    // Every table row has its own number of cells: the line break and `|` in a cell
    // neither start a row nor a column.
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3 + 4, "two tables: {md}");
    for row in rows {
        assert_eq!(row.replace("\\|", "").matches('|').count(), 3, "{row}");
    }
    // The hostile text, escaped once, everywhere it was put.
    let escaped = markdown::md_inline(HOSTILE);
    assert!(md.matches(escaped.as_str()).count() >= 10, "{md}");
    // The vote is a list of text bars, the chosen one marked.
    assert!(
        md.contains("- `███████░░░░░░░░░░░░░` 1 of 3 ✓ — b (x"),
        "{md}"
    );
}

#[test]
fn html_escapes_every_text_and_attribute_so_the_page_parses_as_written() {
    let page = html(&hostile_document());
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("onclick=\""), "{page}");
    let parsed = Html::parse_document(&page);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let select = |css: &str| {
        let selector = Selector::parse(css).expect("a selector");
        parsed.select(&selector).collect::<Vec<_>>()
    };
    assert!(select("script, img, link").is_empty());
    // Texts and attribute values come back exactly as given.
    let h1: String = select("h1")[0].text().collect();
    assert_eq!(h1, HOSTILE);
    let li: String = select("li")[0].text().collect();
    assert_eq!(li, HOSTILE);
    assert_eq!(
        select("html")[0].value().attr("lang"),
        Some("en\" onload=\"x")
    );
    assert_eq!(
        select("section")[0].value().attr("id"),
        Some("s\" onclick=\"x")
    );
    assert_eq!(select("p.a\\\"b strong").len(), 1);
    assert_eq!(
        select("figure")[0].value().attr("data-chart"),
        Some("shares\"><script>")
    );
    assert_eq!(select("svg")[0].value().attr("aria-label"), Some(HOSTILE));
    let code: String = select("td code")[0].text().collect();
    assert_eq!(code, HOSTILE);
    // A chart of shares: one bar per entry, the width its share of the full bar.
    let rects = select("figure[data-chart^=\"shares\"] rect");
    assert_eq!(rects[0].value().attr("data-count"), Some("2"));
    assert_eq!(rects[0].value().attr("width"), Some("240.0"));
    // A vote: the chosen bar marked in words and by class, with its own darker colour.
    let votes = select("figure[data-chart^=\"votes\"] rect");
    assert_eq!(votes[1].value().attr("data-votes"), Some("1"));
    assert_eq!(votes[1].value().attr("class"), Some("chosen"));
    assert!(page.contains("rect.chosen{fill"), "{page}");
}

#[test]
fn csv_quotes_and_guards_every_hostile_field() {
    let table = Table {
        head: vec!["a".to_owned(), "=b".to_owned()],
        rows: vec![
            vec![Cell::text(HOSTILE), Cell::text("plain")],
            vec![
                Cell::text("a,=1"),
                Cell::text("two\nlines;@x").with_context(None),
            ],
        ],
    };
    let comma = CsvDelimiter::COMMA;
    let out = csv(&table, comma).unwrap();
    assert!(out.starts_with("\u{feff}a,'=b\r\n"), "{out}");
    assert!(out.contains(&csv::field(HOSTILE, comma)));
    assert!(out.contains("\"a,'=1\",\"two\nlines;'@x\"\r\n"), "{out}");
    // No formula start after any separator, whatever separator a spreadsheet splits on.
    for separator in [",", ";", "\"", "\n"] {
        for start in ['=', '+', '-', '@'] {
            assert!(!out.contains(&format!("{separator}{start}")), "{out}");
        }
    }
    // The hostile field is one quoted field: its quotes doubled, its line break kept.
    assert!(csv::field(HOSTILE, comma).starts_with("\"x | y\n# Kop"));
    assert!(csv::field(HOSTILE, comma).contains("\"\"q\"\""));
}

/// A group report whose one trainee is called [`HOSTILE`] (as with `--names`).
fn hostile_report() -> crate::report::GroupReport {
    use crate::report::{Chart as ReportChart, GroupReport, Section as ReportSection};
    GroupReport {
        language: "en",
        title: "Report".to_owned(),
        summary: "Summary".to_owned(),
        anonymity: "Named".to_owned(),
        sections: vec![ReportSection {
            id: "trainees",
            heading: "Trainees".to_owned(),
            intro: "Intro".to_owned(),
            note: None,
            label_heading: "Trainee".to_owned(),
            value_heading: "Completed".to_owned(),
            charts: vec![ReportChart {
                id: "trainees".to_owned(),
                title: "Trainees".to_owned(),
                subtitle: None,
                bars: vec![crate::report::Bar {
                    id: HOSTILE.to_owned(),
                    label: HOSTILE.to_owned(),
                    context: None,
                    value: 1,
                    total: 2,
                    caption: "1 of 2".to_owned(),
                }],
            }],
        }],
        unmatched_heading: "Unmatched".to_owned(),
        unmatched_intro: String::new(),
        unmatched_columns: Default::default(),
        unmatched: Vec::new(),
        all_matched: "All matched".to_owned(),
    }
}

/// A session log with one note from the facilitator: [`HOSTILE`].
fn hostile_log() -> crate::facilitator::SessionLog {
    use crate::course::ids::CourseId;
    use crate::facilitator::{Entry, SessionId, SessionLog};
    use crate::progress::{CourseStamp, Timestamp};
    let mut log = SessionLog::new(
        SessionId::new(Timestamp(1_764_000_000), 1),
        CourseStamp {
            id: CourseId::from("c"),
            version: "1".into(),
        },
        Timestamp(1_764_000_000),
    );
    log.push(Entry::Note {
        at: Timestamp(1_764_000_060),
        item: None,
        text: HOSTILE.into(),
    });
    log
}

#[test]
fn the_report_and_the_handout_escape_the_same_text_the_same_way() {
    use crate::facilitator::export;
    use crate::i18n::{Localizer, UiLocale};
    let report = hostile_report();
    let log = hostile_log();
    let en = Localizer::new(UiLocale::En);
    // Both are documents, and their files are exactly those documents rendered.
    let handout = export::handout(&log, None, &en);
    assert_eq!(
        crate::report::markdown(&report),
        markdown(&report.document())
    );
    assert_eq!(crate::report::html(&report), html(&report.document()));
    let semicolon = CsvDelimiter::SEMICOLON;
    assert_eq!(
        crate::report::csv(&report, semicolon).unwrap(),
        csv(&report.table(), semicolon).unwrap()
    );
    assert_eq!(export::markdown(&log, None, &en), markdown(&handout));
    assert_eq!(export::html(&log, None, &en), html(&handout));
    // So the same hostile text comes out escaped the same way in both.
    let (report_md, handout_md) = (markdown(&report.document()), markdown(&handout));
    let md = markdown::md_inline(HOSTILE);
    assert!(report_md.contains(&md), "{report_md}");
    assert!(handout_md.contains(&md), "{handout_md}");
    for out in [&report_md, &handout_md] {
        assert!(!out.replace("\\<", "").contains('<'), "{out}");
        assert!(!out.contains("!["), "{out}");
        assert!(!out.lines().any(|l| l.starts_with("# Kop")), "{out}");
    }
    let (report_html, handout_html) = (html(&report.document()), html(&handout));
    let escaped = html::escape(HOSTILE);
    assert!(report_html.contains(&escaped), "{report_html}");
    assert!(handout_html.contains(&escaped), "{handout_html}");
    for out in [&report_html, &handout_html] {
        assert!(!out.contains("<script"), "{out}");
        assert!(Html::parse_document(out).errors.is_empty(), "{out}");
    }
    assert!(
        crate::report::csv(&report, semicolon)
            .unwrap()
            .contains(&csv::field(HOSTILE, semicolon))
    );
}

/// A 121-character answer, as in the issue.
const LONG_ANSWER: &str = "“I hear you would rather not talk about this here at the desk; shall we go to the office, where nobody else can listen?!”";

/// A page with one chart in `layout`: the answer `first`, chosen, then a short one.
fn one_chart(layout: Layout, first: &str) -> Html {
    let bar = |label: &str, value: u32, chosen: bool| Bar {
        label: label.to_owned(),
        context: None,
        value,
        total: 4,
        caption: value.to_string(),
        chosen,
    };
    let document = Document {
        language: "en".to_owned(),
        title: "T".to_owned(),
        blocks: vec![Block::Chart(Chart {
            id: "c".to_owned(),
            title: "Decision 1".to_owned(),
            titled: false,
            subtitle: None,
            layout,
            bars: vec![bar(first, 4, true), bar("Short.", 2, false)],
        })],
    };
    Html::parse_document(&html(&document))
}

fn number(element: scraper::ElementRef<'_>, name: &str) -> f64 {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn a_long_svg_label_wraps_onto_more_lines_and_the_chart_grows() {
    assert_eq!(LONG_ANSWER.chars().count(), 121);
    fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
        let selector = Selector::parse(css).expect("a selector");
        page.select(&selector).collect()
    }
    for layout in [
        Layout::Votes,
        Layout::Shares {
            columns: ["Answer".to_owned(), "Trainees".to_owned()],
        },
    ] {
        let short = one_chart(layout.clone(), "Short too.");
        let long = one_chart(layout.clone(), LONG_ANSWER);
        // Every word of the answer is in the image, on more than one line, none cut.
        let first = select(&long, "g.bar")[0];
        let label = Selector::parse("text").expect("a selector");
        let texts: Vec<scraper::ElementRef<'_>> = first.select(&label).collect();
        let words: String = texts[0].text().collect::<Vec<_>>().join(" ");
        assert_eq!(words, format!("{LONG_ANSWER} ✓"), "{layout:?}");
        let lines = Selector::parse("tspan").expect("a selector");
        let lines: Vec<_> = texts[0].select(&lines).collect();
        assert!(lines.len() >= 2, "{layout:?}: {words}");
        let ys: Vec<f64> = lines.iter().map(|l| number(*l, "y")).collect();
        assert!(ys.windows(2).all(|w| w[1] > w[0]), "{ys:?}");
        assert!(!words.contains('…'), "{words}");
        // The image grows by the extra lines, and the next bar moves down with it.
        let height = |page: &Html| number(select(page, "svg")[0], "height");
        let extra = ys[ys.len() - 1] - ys[0];
        assert_eq!(height(&long), height(&short) + extra, "{layout:?}");
        let second_label = |page: &Html| number(select(page, "g.bar text")[2], "y");
        assert_eq!(second_label(&long), second_label(&short) + extra);
        // A label above its bar pushes the bar down; one beside it does not.
        let bar_y = |page: &Html| number(select(page, "g.bar rect")[0], "y");
        match layout {
            Layout::Votes => assert_eq!(bar_y(&long), bar_y(&short) + extra),
            Layout::Shares { .. } => assert_eq!(bar_y(&long), bar_y(&short)),
        }
    }
}

/// A session log with one vote: `a` (4 votes, chosen) and `b` (2).
fn voting_log() -> crate::facilitator::SessionLog {
    use crate::course::ids::{ChoiceId, ItemId, NodeId};
    use crate::facilitator::{ChoiceVotes, Entry};
    use crate::progress::Timestamp;
    let mut log = hostile_log();
    let votes = |choice: &str, votes: u32| ChoiceVotes {
        choice: ChoiceId::from(choice),
        votes,
    };
    log.push(Entry::Vote {
        at: Timestamp(1_764_000_090),
        item: ItemId::from("s"),
        node: NodeId::from("n"),
        counts: vec![votes("a", 4), votes("b", 2)],
        chosen: ChoiceId::from("a"),
    });
    log
}

#[test]
fn every_chart_image_has_an_accessible_name_that_says_what_it_shows() {
    use crate::facilitator::export;
    use crate::i18n::{Localizer, UiLocale};
    let en = Localizer::new(UiLocale::En);
    let untitled = Document {
        language: "en".to_owned(),
        title: "T".to_owned(),
        blocks: vec![
            Block::Chart(Chart {
                id: "shares".to_owned(),
                title: String::new(),
                titled: false,
                subtitle: None,
                layout: Layout::Shares {
                    columns: ["Answer".to_owned(), "Trainees".to_owned()],
                },
                bars: vec![bar("x", 1, 2, false)],
            }),
            Block::Chart(Chart {
                id: "votes".to_owned(),
                title: String::new(),
                titled: false,
                subtitle: None,
                layout: Layout::Votes,
                bars: vec![bar("y", 1, 1, true)],
            }),
        ],
    };
    let pages = [
        html(&hostile_report().document()),
        html(&export::handout(&voting_log(), None, &en)),
        html(&hostile_document()),
        html(&untitled),
    ];
    let mut charts = 0;
    for page in &pages {
        let parsed = Html::parse_document(page);
        let figures = Selector::parse("figure").expect("a selector");
        for figure in parsed.select(&figures) {
            let svg = Selector::parse("svg").expect("a selector");
            let svgs: Vec<_> = figure.select(&svg).collect();
            assert_eq!(svgs.len(), 1, "{page}");
            assert_eq!(svgs[0].value().attr("role"), Some("img"));
            let name = svgs[0].value().attr("aria-label").unwrap_or_default();
            assert!(!name.trim().is_empty(), "no accessible name: {page}");
            charts += 1;
            // A chart with no table under it says every bar in its name: the room's
            // votes are not only in the picture.
            let table = Selector::parse("table").expect("a selector");
            if figure.select(&table).next().is_none() {
                let titles = Selector::parse("g.bar title").expect("a selector");
                for title in figure.select(&titles) {
                    let said: String = title.text().collect();
                    assert!(name.contains(&said), "{name:?} lacks {said:?}");
                }
            }
        }
    }
    assert_eq!(charts, 1 + 1 + 2 + 2);
    let handout = html(&export::handout(&voting_log(), None, &en));
    assert!(
        handout.contains("aria-label=\"Decision 1 · s · n — a: 4 ✓; b: 2\""),
        "{handout}"
    );
}
