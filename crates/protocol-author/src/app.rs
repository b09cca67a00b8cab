//! The page: the protocol's text, the council file with its problems beside their lines, the
//! situations one by one with the drafted candidates, the preview in the guide's own components,
//! and the downloads. The council file's text is the source of truth; every change to it is
//! checked by the loader, as the build checks it.

use crate::browser;
use crate::edit::{self, line_text, outcome_blocks, read_outcome, replace_outcome, OutcomeTable};
use crate::work::{self, Shared};
use gloo_timers::callback::Timeout;
use protocol_core::diagnostic::{Diagnostic, Diagnostics};
use protocol_core::draft::GuideDraft;
use protocol_core::loader::{refuse_drafts, LoadedCouncil};
use protocol_core::model::Clause;
use protocol_core::route::Route;
use protocol_guide_widget::app::{App, UrlMode};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

const FILE_AREA: &str = "council-file";
/// One field of the situation form changed: how the outcome takes the field's new value.
type FormChange = Box<dyn Fn(&mut OutcomeTable, String)>;
/// How long after the last keystroke in the council file it is checked again.
const CHECK_AFTER_MS: u32 = 400;

pub enum Msg {
    Id(String),
    Name(String),
    CouncilType(String),
    Document(String),
    Source(String),
    Open(Option<web_sys::File>),
    Opened(Result<String, String>),
    MakeDraft,
    Edit(String),
    CheckNow,
    GoToLine(u32),
    DraftGuide,
    Select(usize),
    Form(OutcomeTable),
    UseSelection { clause: String, area: String },
    Preview,
    PreviewFile(bool),
    DownloadToml,
    DownloadData,
}

/// A situation of the shared catalogue: the outcome id every council's guide answers it with.
struct SituationRow {
    id: String,
    label: String,
    topic: String,
}

pub struct Author {
    shared: Rc<Shared>,
    id: String,
    name: String,
    council_type: String,
    document: String,
    source: String,
    /// Problems with the first form, by the field's id.
    intro_errors: Vec<(&'static str, String)>,
    /// The council file: the source of truth.
    file: String,
    /// The loader's verdict on `file` as it now is (None before the first check).
    checked: Option<Result<LoadedCouncil, Diagnostics>>,
    /// The clauses of the last file that checked, for the candidates' text.
    clauses: Vec<Clause>,
    /// The candidates, once the guide is drafted.
    guide: Option<GuideDraft>,
    situations: Vec<SituationRow>,
    current: usize,
    pending: Option<Timeout>,
    /// The council shown in the preview, and a key that restarts it; or why it cannot be shown.
    preview: Option<Result<(String, u32), String>>,
    preview_runs: u32,
    preview_file: bool,
    /// The quote picker's or a download's message.
    notice: Option<String>,
    download_error: Option<String>,
}

impl Author {
    fn file_name(&self) -> String {
        work::file_name(&self.id)
    }

    fn run_check(&mut self) {
        self.pending = None;
        let result = work::check(&self.file_name(), &self.file, &self.source, &self.shared.topics);
        if let Ok(loaded) = &result {
            self.clauses = loaded.council.clauses.clone();
        }
        self.checked = Some(result);
    }

    fn problems(&self) -> &[Diagnostic] {
        match &self.checked {
            Some(Err(Diagnostics(found))) => found,
            _ => &[],
        }
    }

    fn current_id(&self) -> Option<&str> {
        self.situations.get(self.current).map(|row| row.id.as_str())
    }

    fn clause_text(&self, id: &str) -> Option<String> {
        let clause = self.clauses.iter().find(|clause| clause.id == id)?;
        Some(clause.pieces().collect::<Vec<_>>().join("\n\n"))
    }
}

fn input_value(event: &InputEvent) -> String {
    let target = event.target();
    if let Some(area) = target.clone().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
        return area.value();
    }
    target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|input| input.value()).unwrap_or_default()
}

fn change_value(event: &Event) -> String {
    let target = event.target();
    if let Some(area) = target.clone().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
        return area.value();
    }
    target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|input| input.value()).unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Component for Author {
    type Message = Msg;
    type Properties = ();

    fn create(_ctx: &Context<Self>) -> Self {
        let shared = Rc::new(Shared::load());
        let situations = shared
            .topics
            .iter()
            .flat_map(|topic| {
                topic.situations.iter().map(|situation| SituationRow {
                    id: situation.id.to_string(),
                    label: situation.label.to_string(),
                    topic: topic.title.to_string(),
                })
            })
            .collect();
        Author {
            shared,
            id: String::new(),
            name: String::new(),
            council_type: String::new(),
            document: String::new(),
            source: String::new(),
            intro_errors: Vec::new(),
            file: String::new(),
            checked: None,
            clauses: Vec::new(),
            guide: None,
            situations,
            current: 0,
            pending: None,
            preview: None,
            preview_runs: 0,
            preview_file: false,
            notice: None,
            download_error: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Id(value) => self.id = value,
            Msg::Name(value) => self.name = value,
            Msg::CouncilType(value) => self.council_type = value,
            Msg::Document(value) => self.document = value,
            Msg::Source(value) => self.source = value,
            Msg::Open(None) => return false,
            Msg::Open(Some(file)) => {
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    link.send_message(Msg::Opened(browser::file_text(file).await));
                });
                return false;
            }
            Msg::Opened(Ok(text)) => {
                self.source = text;
                self.intro_errors.retain(|(field, _)| *field != "source");
            }
            Msg::Opened(Err(message)) => self.intro_errors = vec![("source-file", message)],
            Msg::MakeDraft => {
                let mut errors = Vec::new();
                let id = self.id.trim();
                if id.is_empty() {
                    errors.push(("council-id", "Enter the council's id".to_string()));
                } else if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                    errors.push(("council-id", "The id may hold only lower case letters, digits and hyphens".into()));
                }
                if self.name.trim().is_empty() {
                    errors.push(("council-name", "Enter the council's name".to_string()));
                }
                if self.source.trim().is_empty() {
                    errors.push(("source", "Paste the protocol's text, or open it as a text file".to_string()));
                }
                self.intro_errors = errors;
                if !self.intro_errors.is_empty() {
                    browser::focus_soon("intro-errors");
                    return true;
                }
                let file = work::clause_draft(&self.id, &self.name, &self.source);
                self.file = edit::fill_council(&file, &self.council_type, &self.document);
                self.guide = None;
                self.preview = None;
                self.run_check();
                browser::focus_soon("file-heading");
            }
            Msg::Edit(text) => {
                self.file = text;
                let link = ctx.link().clone();
                self.pending = Some(Timeout::new(CHECK_AFTER_MS, move || link.send_message(Msg::CheckNow)));
            }
            Msg::CheckNow => self.run_check(),
            Msg::GoToLine(line) => {
                browser::select_line(FILE_AREA, &self.file, line);
                return false;
            }
            Msg::DraftGuide => match work::draft(&self.file_name(), &self.file, &self.source, &self.shared) {
                Ok((file, guide)) => {
                    self.file = file;
                    self.guide = Some(guide);
                    self.current = 0;
                    self.run_check();
                    browser::focus_soon("situations-heading");
                }
                Err(problems) => {
                    self.checked = Some(Err(problems));
                    browser::focus_soon("file-status");
                }
            },
            Msg::Select(index) => {
                self.current = index.min(self.situations.len().saturating_sub(1));
                self.notice = None;
                browser::focus_soon("situation-heading");
            }
            Msg::Form(form) => {
                self.file = replace_outcome(&self.file, &form);
                self.run_check();
            }
            Msg::UseSelection { clause, area } => {
                let Some(id) = self.current_id() else { return false };
                match (browser::selected_words(&area), read_outcome(&self.file, id)) {
                    (Some(words), Ok(mut form)) => {
                        form.set_quote(&clause, &words);
                        self.notice = Some(format!("Clause {clause} is now quoted as \u{201C}{words}\u{201D}."));
                        self.file = replace_outcome(&self.file, &form);
                        self.run_check();
                    }
                    (None, _) => {
                        self.notice = Some(format!("Select the words to quote in the text of clause {clause} first."))
                    }
                    (_, Err(why)) => self.notice = Some(format!("This outcome cannot be edited here: {why}.")),
                }
            }
            Msg::Preview => {
                self.run_check();
                self.preview = Some(match &self.checked {
                    Some(Ok(loaded)) if edit::has_guide(&self.file) => {
                        let bytes = work::data_file(loaded, &self.shared.topics);
                        match protocol_guide_widget::data::replace_council(bytes) {
                            Ok(id) => {
                                self.preview_runs += 1;
                                Ok((id.to_string(), self.preview_runs))
                            }
                            Err(why) => Err(format!("The preview cannot show this council: {why}. Choose another council id (the guide already carries the project's councils).")),
                        }
                    }
                    Some(Ok(_)) => Err("Draft the guide first: the preview walks through its questions.".into()),
                    _ => Err("Fix the problems in the council file first.".into()),
                });
                browser::focus_soon("preview-heading");
            }
            Msg::PreviewFile(on) => self.preview_file = on,
            Msg::DownloadToml => {
                self.download_error = browser::download(&self.file_name(), self.file.as_bytes(), "application/toml")
                    .err()
                    .map(|_| "The browser did not offer the download.".to_string());
            }
            Msg::DownloadData => {
                self.run_check();
                let name = format!("{}.pgd", self.id.trim());
                self.download_error = match &self.checked {
                    Some(Ok(loaded)) => match refuse_drafts(loaded) {
                        Err(drafts) if !self.preview_file => Some(format!(
                            "{} not reviewed yet (the first at line {}). Review them, or tick \u{201C}Preview file\u{201D} to make a file for looking at drafts only.",
                            plural(drafts.0.len(), "outcome is", "outcomes are"),
                            drafts.0[0].line
                        )),
                        _ => browser::download(&name, &work::data_file(loaded, &self.shared.topics), "application/octet-stream")
                            .err()
                            .map(|_| "The browser did not offer the download.".to_string()),
                    },
                    _ => Some("Fix the problems in the council file first.".into()),
                };
                if self.download_error.is_some() {
                    browser::focus_soon("download-error");
                }
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        html! {
            <>
                <h1>{ "Write a council's guide" }</h1>
                <p class="author-lead">
                    { "Turn your council's Councillor/Officer Protocol into a guide, checked exactly as the project's build checks it. " }
                    <strong>{ "Nothing you paste or type here leaves your browser." }</strong>
                </p>
                { self.view_intro(ctx) }
                { self.view_file(ctx) }
                { self.view_situations(ctx) }
                { self.view_preview(ctx) }
                { self.view_download(ctx) }
            </>
        }
    }
}

impl Author {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.intro_errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    fn text_field(
        &self,
        ctx: &Context<Self>,
        id: &'static str,
        label: &str,
        hint: &str,
        value: &str,
        msg: fn(String) -> Msg,
    ) -> Html {
        let error = self.error_for(id);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described = match error {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        };
        html! {
            <div class={classes!("author-field", error.map(|_| "author-field-error"))}>
                <label for={id}>{ label }</label>
                <p class="author-hint" id={hint_id}>{ hint }</p>
                if let Some(error) = error { <p class="author-error" id={error_id}>{ error }</p> }
                <input type="text" id={id} name={id} value={value.to_string()} aria-describedby={described}
                    aria-invalid={error.map(|_| "true")} autocomplete="off" spellcheck="false"
                    oninput={ctx.link().callback(move |e: InputEvent| msg(input_value(&e)))} />
            </div>
        }
    }

    fn view_intro(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let onsubmit = link.callback(|e: SubmitEvent| {
            e.prevent_default();
            Msg::MakeDraft
        });
        let onopen = link.callback(|e: Event| {
            let input: Option<HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            Msg::Open(input.and_then(|input| input.files()).and_then(|files| files.get(0)))
        });
        let source_error = self.error_for("source");
        html! {
            <section class="author-step" aria-labelledby="intro-heading">
                <h2 id="intro-heading">{ "1. Your protocol's text" }</h2>
                if !self.intro_errors.is_empty() {
                    <div class="author-error-summary" id="intro-errors" tabindex="-1" role="alert" aria-labelledby="intro-errors-title">
                        <h3 id="intro-errors-title">{ "There is a problem" }</h3>
                        <ul>
                            { for self.intro_errors.iter().map(|(field, message)| html! {
                                <li><a href={format!("#{field}")}>{ message.clone() }</a></li>
                            }) }
                        </ul>
                    </div>
                }
                <form {onsubmit} novalidate=true>
                    { self.text_field(ctx, "council-id", "Council id", "Lower case letters, digits and hyphens, such as testshire. It names the files.", &self.id, Msg::Id) }
                    { self.text_field(ctx, "council-name", "Council name", "As people know it, such as Testshire Parish Council.", &self.name, Msg::Name) }
                    { self.text_field(ctx, "council-type", "Type of council", "Such as parish council or borough council.", &self.council_type, Msg::CouncilType) }
                    { self.text_field(ctx, "document", "Title of the protocol", "As the document calls itself.", &self.document, Msg::Document) }
                    <div class={classes!("author-field", self.error_for("source-file").map(|_| "author-field-error"))}>
                        <label for="source-file">{ "Open the protocol as a text file (optional)" }</label>
                        <p class="author-hint" id="source-file-hint">{ "A .txt file, such as the text copied out of the PDF. It fills the box below." }</p>
                        if let Some(error) = self.error_for("source-file") { <p class="author-error">{ error }</p> }
                        <input type="file" id="source-file" accept=".txt,text/plain" aria-describedby="source-file-hint" onchange={onopen} />
                    </div>
                    <div class={classes!("author-field", source_error.map(|_| "author-field-error"))}>
                        <label for="source">{ "The protocol's text" }</label>
                        <p class="author-hint" id="source-hint">{ "Paste the whole protocol, word for word. Every clause is checked against it." }</p>
                        if let Some(error) = source_error { <p class="author-error" id="source-error">{ error }</p> }
                        <textarea id="source" name="source" rows="12" spellcheck="false" value={self.source.clone()}
                            aria-describedby={if source_error.is_some() { "source-hint source-error" } else { "source-hint" }}
                            aria-invalid={source_error.map(|_| "true")}
                            oninput={link.callback(|e: InputEvent| Msg::Source(input_value(&e)))} />
                    </div>
                    <button type="submit" class="author-button">{ "Make the clause draft" }</button>
                </form>
            </section>
        }
    }

    fn view_problem(&self, ctx: &Context<Self>, problem: &Diagnostic) -> Html {
        let line = problem.line;
        html! {
            <li class="author-problem">
                <p class="author-problem-where">
                    <strong>{ format!("Line {line}") }</strong>
                    <code class="author-line">{ line_text(&self.file, line).trim() }</code>
                </p>
                <p class="author-problem-message">{ problem.message.clone() }</p>
                { for problem.notes.iter().map(|note| html! { <p class="author-hint">{ note.clone() }</p> }) }
                <button type="button" class="author-button-secondary"
                    onclick={ctx.link().callback(move |_| Msg::GoToLine(line))}>
                    { format!("Go to line {line}") }
                </button>
            </li>
        }
    }

    fn view_file(&self, ctx: &Context<Self>) -> Html {
        if self.file.is_empty() {
            return html! {};
        }
        let link = ctx.link();
        let problems = self.problems();
        let status = match &self.checked {
            _ if self.pending.is_some() => "Checking when you stop typing\u{2026}".to_string(),
            None => String::new(),
            Some(Ok(loaded)) => {
                let drafts = match loaded.drafts.len() {
                    0 => String::new(),
                    n => format!(" {} not reviewed yet.", plural(n, "outcome is a draft,", "outcomes are drafts,")),
                };
                format!(
                    "No problems: {}, {:.1}% of the source's words; {}.{drafts}",
                    plural(loaded.council.clauses.len(), "clause", "clauses"),
                    loaded.coverage * 100.0,
                    plural(loaded.council.flow.outcomes().count(), "outcome", "outcomes"),
                )
            }
            Some(Err(_)) => {
                format!("{} found. Each is listed with its line.", plural(problems.len(), "problem", "problems"))
            }
        };
        let drafted = edit::has_guide(&self.file);
        html! {
            <section class="author-step" aria-labelledby="file-heading">
                <h2 id="file-heading" tabindex="-1">{ "2. The council file" }</h2>
                <p>{ "This is the file the project keeps. Correct anything the draft got wrong here; it is checked again as you type, with the build's own checks." }</p>
                <div class="author-file">
                    <div class="author-field">
                        <label for={FILE_AREA}>{ format!("Council file ({})", self.file_name()) }</label>
                        <textarea id={FILE_AREA} rows="24" spellcheck="false" wrap="off" value={self.file.clone()}
                            aria-describedby="file-status"
                            oninput={link.callback(|e: InputEvent| Msg::Edit(input_value(&e)))} />
                    </div>
                    <div class="author-problems">
                        <p id="file-status" class={classes!("author-status", (!problems.is_empty()).then_some("author-status-bad"))}
                            role="status" tabindex="-1">{ status }</p>
                        if !problems.is_empty() {
                            <h3>{ "Problems" }</h3>
                            <ol class="author-problem-list">
                                { for problems.iter().map(|p| self.view_problem(ctx, p)) }
                            </ol>
                        }
                        <div class="author-actions">
                            <button type="button" class="author-button-secondary" onclick={link.callback(|_| Msg::CheckNow)}>{ "Check again" }</button>
                            <button type="button" class="author-button" onclick={link.callback(|_| Msg::DraftGuide)}>
                                { if drafted { "Draft the guide again" } else { "Draft the guide" } }
                            </button>
                        </div>
                        if drafted {
                            <p class="author-hint">{ "Drafting again replaces every outcome in the file, reviewed or not." }</p>
                        }
                    </div>
                </div>
            </section>
        }
    }

    fn view_situations(&self, ctx: &Context<Self>) -> Html {
        if !edit::has_guide(&self.file) {
            return html! {};
        }
        let link = ctx.link();
        let blocks = outcome_blocks(&self.file);
        let problems = self.problems();
        let status_of = |id: &str| -> (String, &'static str) {
            let Some(block) = blocks.iter().find(|b| b.id.as_deref() == Some(id)) else {
                return ("No outcome".into(), "author-tag-missing");
            };
            let count = problems.iter().filter(|p| (block.first..=block.last).contains(&p.line)).count();
            if count > 0 {
                return (plural(count, "problem", "problems"), "author-tag-bad");
            }
            match read_outcome(&self.file, id) {
                Ok(form) if form.draft => ("Draft".into(), "author-tag-draft"),
                Ok(_) => ("Reviewed".into(), "author-tag-done"),
                Err(_) => ("Cannot read".into(), "author-tag-bad"),
            }
        };
        let reviewed = self.situations.iter().filter(|row| status_of(&row.id).0 == "Reviewed").count();
        html! {
            <section class="author-step" aria-labelledby="situations-heading">
                <h2 id="situations-heading" tabindex="-1">{ "3. The situations" }</h2>
                <p>{ format!("Every guide answers the same {} situations. {} reviewed so far. Work through them one by one: each draft cites the clauses the drafter found, quoting their best sentence.", self.situations.len(), reviewed) }</p>
                <div class="author-situations">
                    <nav aria-label="Situations">
                        <ol class="author-situation-list">
                            { for self.situations.iter().enumerate().map(|(index, row)| {
                                let (status, class) = status_of(&row.id);
                                let current = index == self.current;
                                html! {
                                    <li>
                                        <button type="button" class={classes!("author-situation", current.then_some("author-situation-current"))}
                                            aria-current={current.then_some("step")}
                                            onclick={link.callback(move |_| Msg::Select(index))}>
                                            <span class="author-situation-label">{ row.label.clone() }</span>
                                            <span class={classes!("author-tag", class)}>{ status }</span>
                                        </button>
                                    </li>
                                }
                            }) }
                        </ol>
                    </nav>
                    { self.view_situation(ctx, &blocks) }
                </div>
            </section>
        }
    }

    fn view_situation(&self, ctx: &Context<Self>, blocks: &[edit::OutcomeBlock]) -> Html {
        let link = ctx.link();
        let Some(row) = self.situations.get(self.current) else { return html! {} };
        let id = row.id.clone();
        let block = blocks.iter().find(|b| b.id.as_deref() == Some(id.as_str()));
        let problems: Vec<&Diagnostic> = match block {
            Some(block) => self.problems().iter().filter(|p| (block.first..=block.last).contains(&p.line)).collect(),
            None => Vec::new(),
        };
        let drafted = self.guide.as_ref().and_then(|guide| guide.situations.iter().find(|s| s.id == id));
        let count = self.situations.len();
        let previous = self.current.checked_sub(1);
        let next = (self.current + 1 < count).then_some(self.current + 1);
        let form = read_outcome(&self.file, &id);
        html! {
            <div class="author-situation-panel">
                <p class="author-caption">{ format!("Situation {} of {count} \u{00B7} {}", self.current + 1, row.topic) }</p>
                <h3 id="situation-heading" tabindex="-1">{ row.label.clone() }</h3>
                <p class="author-hint">{ format!("Outcome id: {id}") }
                    if let Some(block) = block { { format!(", lines {}\u{2013}{} of the file", block.first, block.last) } }
                </p>
                if let Some(drafted) = drafted {
                    <p class="author-hint">{ format!("Suggested coverage: {}: {}.", drafted.coverage.as_str(), drafted.reason) }</p>
                }
                if !problems.is_empty() {
                    <div class="author-situation-problems" role="group" aria-label="Problems with this outcome">
                        <ol class="author-problem-list">{ for problems.iter().map(|p| self.view_problem(ctx, p)) }</ol>
                    </div>
                }
                if let Some(notice) = &self.notice {
                    <p class="author-notice" role="status">{ notice.clone() }</p>
                }
                { match form {
                    Ok(form) => self.view_form(ctx, form),
                    Err(why) => html! {
                        <p class="author-error">{ format!("This outcome cannot be edited here ({why}). Correct it in the council file above.") }</p>
                    },
                } }
                <div class="author-actions">
                    if let Some(previous) = previous {
                        <button type="button" class="author-button-secondary" onclick={link.callback(move |_| Msg::Select(previous))}>{ "Previous situation" }</button>
                    }
                    if let Some(next) = next {
                        <button type="button" class="author-button-secondary" onclick={link.callback(move |_| Msg::Select(next))}>{ "Next situation" }</button>
                    }
                </div>
            </div>
        }
    }

    fn view_form(&self, ctx: &Context<Self>, form: OutcomeTable) -> Html {
        let link = ctx.link();
        // The candidates drafted, then any other clause the outcome cites.
        let mut clauses: Vec<(String, Option<f32>)> = self
            .guide
            .as_ref()
            .and_then(|guide| guide.situations.iter().find(|s| s.id == form.id))
            .map(|s| s.candidates.iter().map(|c| (c.clause.clone(), Some(c.score))).collect())
            .unwrap_or_default();
        for cite in &form.cites {
            if !clauses.iter().any(|(c, _)| *c == cite.clause) {
                clauses.push((cite.clause.clone(), None));
            }
        }
        let coverage = form.coverage_word().to_string();
        let edit = |change: FormChange| {
            let form = form.clone();
            link.callback(move |e: Event| {
                let mut form = form.clone();
                change(&mut form, change_value(&e));
                Msg::Form(form)
            })
        };
        let radio = |value: &'static str, label: &'static str| {
            let id = format!("coverage-{value}");
            let onchange = edit(Box::new(move |form, _| form.coverage = Some(value.to_string())));
            html! {
                <div class="author-radio">
                    <input type="radio" id={id.clone()} name="coverage" value={value} checked={coverage == value} {onchange} />
                    <label for={id}>{ label }</label>
                </div>
            }
        };
        let reviewed_change = {
            let form = form.clone();
            link.callback(move |e: Event| {
                let checked =
                    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                let mut form = form.clone();
                form.draft = !checked;
                Msg::Form(form)
            })
        };
        html! {
            <>
                <h4>{ "Clauses" }</h4>
                if clauses.is_empty() {
                    <p>{ "The drafter found no clause that shares words with this situation." }</p>
                }
                <ol class="author-candidates">
                    { for clauses.iter().enumerate().map(|(rank, (clause, score))| self.view_candidate(ctx, &form, rank, clause, *score)) }
                </ol>
                <h4>{ "The outcome" }</h4>
                <fieldset class="author-fieldset">
                    <legend>{ "How far does the protocol answer this situation?" }</legend>
                    { radio("full", "Fully") }
                    { radio("partial", "In part") }
                    { radio("none", "Not at all") }
                </fieldset>
                if coverage == "partial" {
                    <div class="author-field">
                        <label for="outcome-gap">{ "What the protocol leaves out" }</label>
                        <input type="text" id="outcome-gap" value={form.gap.clone().unwrap_or_default()}
                            onchange={edit(Box::new(|form, value| form.gap = Some(value)))} />
                    </div>
                }
                <div class="author-field">
                    <label for="outcome-title">{ "Title" }</label>
                    <p class="author-hint" id="outcome-title-hint">{ "What the page says first. A reviewed outcome that the protocol answers needs one." }</p>
                    <input type="text" id="outcome-title" aria-describedby="outcome-title-hint" value={form.title.clone().unwrap_or_default()}
                        onchange={edit(Box::new(|form, value| form.title = Some(value)))} />
                </div>
                <div class="author-field">
                    <label for="outcome-guidance">{ "Guidance" }</label>
                    <p class="author-hint" id="outcome-guidance-hint">{ "One line each, in plain words, ending with the clauses it rests on: \u{2026} [8.7, 8.8]. A draft's lines are the quotes themselves." }</p>
                    <textarea id="outcome-guidance" rows="5" aria-describedby="outcome-guidance-hint" value={form.guidance.join("\n")}
                        onchange={edit(Box::new(|form, value| {
                            form.guidance = value.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
                        }))} />
                </div>
                <div class="author-checkbox">
                    <input type="checkbox" id="outcome-reviewed" checked={!form.draft} onchange={reviewed_change} />
                    <label for="outcome-reviewed">{ "Reviewed: I have checked this outcome against the protocol" }</label>
                </div>
            </>
        }
    }

    fn view_candidate(
        &self,
        ctx: &Context<Self>,
        form: &OutcomeTable,
        rank: usize,
        clause: &str,
        score: Option<f32>,
    ) -> Html {
        let link = ctx.link();
        let cited = form.cites.iter().find(|c| c.clause == clause);
        let area = format!("clause-text-{rank}");
        let check = format!("cite-{rank}");
        let toggle = {
            let (form, clause) = (form.clone(), clause.to_string());
            let quote = self
                .guide
                .as_ref()
                .and_then(|g| g.situations.iter().find(|s| s.id == form.id))
                .and_then(|s| s.candidates.iter().find(|c| c.clause == clause))
                .map(|c| c.quote.clone());
            link.callback(move |e: Event| {
                let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                let mut form = form.clone();
                if on {
                    form.cite(&clause, quote.as_deref().unwrap_or(""));
                } else {
                    form.uncite(&clause);
                }
                Msg::Form(form)
            })
        };
        let use_selection = {
            let (clause, area) = (clause.to_string(), area.clone());
            link.callback(move |_| Msg::UseSelection { clause: clause.clone(), area: area.clone() })
        };
        let text = self.clause_text(clause);
        html! {
            <li class="author-candidate">
                <div class="author-checkbox">
                    <input type="checkbox" id={check.clone()} checked={cited.is_some()} onchange={toggle} />
                    <label for={check}>
                        { format!("Cite clause {clause}") }
                        if let Some(score) = score { <span class="author-hint">{ format!(" (score {score:.3})") }</span> }
                    </label>
                </div>
                if let Some(cite) = cited {
                    <p class="author-quote">{ "Quoted: \u{201C}" }{ cite.quote.clone() }{ "\u{201D}" }</p>
                }
                if let Some(text) = text {
                    <div class="author-field">
                        <label for={area.clone()}>{ format!("Text of clause {clause}") }</label>
                        <p class="author-hint" id={format!("{area}-hint")}>{ "Select the words to quote (with the mouse, or Shift and the arrow keys), then use them." }</p>
                        // Not `readonly`: Chromium moves no caret in a read-only textarea, so its
                        // words could not be selected from the keyboard. Edits are refused
                        // instead (browser::refuse_edits).
                        <textarea id={area.clone()} class="author-clause-text" aria-readonly="true" rows="6" value={text}
                            spellcheck="false" aria-describedby={format!("{area}-hint")} />
                    </div>
                    <button type="button" class="author-button-secondary" onclick={use_selection}>
                        { format!("Use selected words as the quote from clause {clause}") }
                    </button>
                } else {
                    <p class="author-error">{ format!("The file has no clause {clause} that checks.") }</p>
                }
            </li>
        }
    }

    fn view_preview(&self, ctx: &Context<Self>) -> Html {
        if !edit::has_guide(&self.file) {
            return html! {};
        }
        let link = ctx.link();
        html! {
            <section class="author-step" aria-labelledby="preview-heading">
                <h2 id="preview-heading" tabindex="-1">{ "4. Preview" }</h2>
                <p>{ "The guide as people will see it, in the guide's own pages, with the file as it is now. Draft outcomes carry a \u{201C}Draft, not reviewed\u{201D} banner." }</p>
                <button type="button" class="author-button" onclick={link.callback(|_| Msg::Preview)}>
                    { if matches!(self.preview, Some(Ok(_))) { "Update the preview" } else { "Show the preview" } }
                </button>
                { match &self.preview {
                    Some(Ok((council, key))) => html! {
                        <div class="author-preview pg-static" role="region" aria-label="Preview of the guide">
                            <App key={*key} url={UrlMode::Memory} start={Route::Guide { council: council.clone(), answers: vec![] }} />
                        </div>
                    },
                    Some(Err(why)) => html! { <p class="author-error" role="alert">{ why.clone() }</p> },
                    None => html! {},
                } }
            </section>
        }
    }

    fn view_download(&self, ctx: &Context<Self>) -> Html {
        if self.file.is_empty() {
            return html! {};
        }
        let link = ctx.link();
        let id = self.id.trim();
        html! {
            <section class="author-step" aria-labelledby="download-heading">
                <h2 id="download-heading">{ "5. Download" }</h2>
                <p>{ "The council file is what the project keeps (send it with the protocol's text, saved as " }
                    <code>{ work::source_path(id) }</code>{ " beside it). The data file is what your own website's guide loads with " }
                    <code>{ "<protocol-guide council-src=\u{2026}>" }</code>{ "." }</p>
                <p>{ "This page keeps nothing once it is closed: download the council file before you leave it." }</p>
                if let Some(error) = &self.download_error {
                    <p class="author-error" id="download-error" role="alert" tabindex="-1">{ error.clone() }</p>
                }
                <div class="author-actions">
                    <button type="button" class="author-button" onclick={link.callback(|_| Msg::DownloadToml)}>
                        { format!("Download the council file ({})", self.file_name()) }
                    </button>
                </div>
                <div class="author-checkbox">
                    <input type="checkbox" id="preview-file" checked={self.preview_file}
                        onchange={link.callback(|e: Event| Msg::PreviewFile(e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())))} />
                    <label for="preview-file">{ "Preview file: let the data file hold draft outcomes (for looking at them only, never to publish)" }</label>
                </div>
                <div class="author-actions">
                    <button type="button" class="author-button" onclick={link.callback(|_| Msg::DownloadData)}>
                        { format!("Download the data file ({id}.pgd)") }
                    </button>
                </div>
            </section>
        }
    }
}
