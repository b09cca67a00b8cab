//! Plain HTML copies of every protocol: readable without JavaScript, linked from the widget's
//! no-JavaScript fallback and from its failure message.

use protocol_core::library::Library;
use protocol_core::model::{Block, Council};
use protocol_core::text::html_escape;
use std::fmt::Write;
use std::path::Path;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\">\n<title>{}</title>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        html_escape(title)
    )
}

fn council_page(council: &Council) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "<p><a href=\"index.html\">All protocols</a></p>");
    let _ = writeln!(body, "<h1>{}</h1>\n<p>{}</p>", html_escape(&council.document), html_escape(&council.name));
    if let Some(adopted) = &council.adopted {
        let _ = writeln!(body, "<p>{}</p>", html_escape(adopted));
    }
    let mut section = String::new();
    for clause in council.clauses.iter() {
        let heading = clause.headings.first().map(|h| h.to_string()).unwrap_or_default();
        if heading != section {
            let _ = writeln!(body, "<h2>{}</h2>", html_escape(&heading));
            section = heading;
        }
        let _ = writeln!(body, "<section id=\"clause-{}\">", html_escape(&clause.id));
        let title = clause.title.as_ref().map(|t| format!(": {}", html_escape(t))).unwrap_or_default();
        let _ = writeln!(body, "<h3>{}{title}</h3>", html_escape(&clause.label));
        for block in clause.blocks.iter() {
            match block {
                Block::Paragraph(text) => {
                    let _ = writeln!(body, "<p>{}</p>", html_escape(text));
                }
                Block::List(items) => {
                    let _ = writeln!(body, "<ul>");
                    for item in items.iter() {
                        let _ = writeln!(body, "<li>{}</li>", html_escape(item));
                    }
                    let _ = writeln!(body, "</ul>");
                }
            }
        }
        let _ = writeln!(body, "</section>");
    }
    page(&format!("{} – {}", council.document, council.name), &body)
}

pub fn write_all(library: &Library, out: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut index = String::from("<h1>Councillor and officer protocols</h1>\n<ul>\n");
    for loaded in &library.councils {
        let council = &loaded.council;
        let file = format!("{}.html", council.id);
        std::fs::write(out.join(&file), council_page(council)).map_err(|e| format!("cannot write {file}: {e}"))?;
        let _ = writeln!(
            index,
            "<li><a href=\"{file}\">{}</a>: {}</li>",
            html_escape(&council.name),
            html_escape(&council.document)
        );
    }
    index.push_str("</ul>\n");
    std::fs::write(out.join("index.html"), page("Councillor and officer protocols", &index))
        .map_err(|e| format!("cannot write index.html: {e}"))?;
    Ok(library.councils.len() + 1)
}
