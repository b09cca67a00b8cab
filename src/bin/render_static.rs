//! Writes the static site: every page of the guide as real HTML, rendered by the widget's own
//! components through Yew's server-side rendering, into the folder Trunk has just built. The wasm
//! then takes over the page it lands on (`mount::mount_page`). Run by Trunk's post-build hook:
//!
//!   render-static --dist DIR --site-url https://example.org/guide/
//!
//! `DIR/index.html` (Trunk's output, with its script and style tags) is the template for every
//! page. The site URL goes into each page's canonical link and the sitemap.

use base64::Engine;
use protocol_core::route::Route;
use protocol_core::site::{static_routes, GUIDE_TITLE};
use protocol_core::text::html_escape;
use protocol_guide_widget::app::{App, AppProps, UrlMode};
use protocol_guide_widget::data;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yew::ServerRenderer;

/// Marks the page as scripted before it paints, so parts that need script show at once and the
/// links that stand in for them do not flash. Allowed by its hash in the page's CSP.
const MARK_SCRIPTED: &str = "document.documentElement.classList.add('pg-js')";

/// Where the guide sits in Trunk's `index.html`: replaced by each page's own markup.
const MOUNT_START: &str = "<protocol-guide sync-url>";
const MOUNT_END: &str = "</protocol-guide>";
const CSP_SCRIPTS: &str = "script-src 'self' 'wasm-unsafe-eval'";

struct Options {
    dist: PathBuf,
    site_url: String,
}

fn options() -> Result<Options, String> {
    let mut dist = None;
    let mut site_url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dist" => dist = args.next().map(PathBuf::from),
            "--site-url" => site_url = args.next(),
            "-h" | "--help" => return Err("usage: render-static --dist DIR --site-url URL".into()),
            other => return Err(format!("unknown argument {other:?}; usage: render-static --dist DIR --site-url URL")),
        }
    }
    let dist = dist.ok_or("--dist DIR is required: the folder Trunk built")?;
    let mut site_url =
        site_url.ok_or("--site-url URL is required: where the site will be served, for canonical links")?;
    if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
        return Err(format!("--site-url {site_url:?} must be an absolute http(s) URL"));
    }
    if !site_url.ends_with('/') {
        site_url.push('/');
    }
    Ok(Options { dist, site_url })
}

/// Trunk's page, split around the guide's element, with the CSP allowing the marking script.
struct Template {
    head_and_start: String,
    end: String,
}

impl Template {
    fn read(path: &Path) -> Result<Template, String> {
        let html =
            std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read the template: {e}", path.display()))?;
        let start = html
            .find(MOUNT_START)
            .ok_or_else(|| format!("{}: has no {MOUNT_START} element to render the guide into", path.display()))?;
        let end = html[start..]
            .find(MOUNT_END)
            .map(|end| start + end + MOUNT_END.len())
            .ok_or_else(|| format!("{}: {MOUNT_START} is not closed", path.display()))?;
        if !html.contains(CSP_SCRIPTS) || !html.contains(&title_element()) {
            return Err(format!("{}: expected a CSP with \"{CSP_SCRIPTS}\" and {}", path.display(), title_element()));
        }
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(MARK_SCRIPTED.as_bytes()));
        let head_and_start = html[..start].replace(CSP_SCRIPTS, &format!("{CSP_SCRIPTS} 'sha256-{hash}'"));
        Ok(Template { head_and_start, end: html[end..].to_string() })
    }

    fn page(&self, route: &Route, body: &str, site_url: &str) -> String {
        let prefix = route.root_prefix();
        let meta = data::page_meta(route);
        let head = format!(
            "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">\n  <link rel=\"canonical\" href=\"{}\">\n  <script>{MARK_SCRIPTED}</script>\n  <link rel=\"stylesheet\" href=\"{prefix}guide.css\">",
            html_escape(&meta.title),
            html_escape(&meta.description),
            html_escape(&format!("{site_url}{}", route.to_path())),
        );
        let before = self.head_and_start.replacen(&title_element(), &head, 1);
        let before =
            before.replace("href=\"./", &format!("href=\"{prefix}")).replace("src=\"./", &format!("src=\"{prefix}"));
        format!(
            "{before}<div class=\"pg-mount pg-static\" data-pg-static data-route=\"{}\" data-root=\"{prefix}\">{body}</div>{}",
            html_escape(&route.to_hash()),
            self.end
        )
    }
}

/// The template's own `<title>`, which each page replaces with its own.
fn title_element() -> String {
    format!("<title>{GUIDE_TITLE}</title>")
}

fn render(route: &Route) -> String {
    let route = route.clone();
    let renderer = ServerRenderer::<App>::with_props(move || {
        // The root is only read in the browser; the markup depends on the route alone.
        AppProps { url: UrlMode::Path { root: "./".into() }, start: route }
    })
    .hydratable(true);
    futures::executor::block_on(renderer.render())
}

fn run() -> Result<(), String> {
    let options = options()?;
    let template = Template::read(&options.dist.join("index.html"))?;
    let routes = static_routes(data::councils(), data::topics());
    let mut total = 0usize;
    let mut largest = (0usize, String::new());
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in &routes {
        let page = template.page(route, &render(route), &options.site_url);
        let folder = options.dist.join(route.page_path());
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let file = folder.join("index.html");
        std::fs::write(&file, &page).map_err(|e| format!("{}: {e}", file.display()))?;
        total += page.len();
        if page.len() > largest.0 {
            largest = (page.len(), route.to_path());
        }
        sitemap.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            html_escape(&format!("{}{}", options.site_url, route.to_path()))
        ));
    }
    sitemap.push_str("</urlset>\n");
    let file = options.dist.join("sitemap.xml");
    std::fs::write(&file, sitemap).map_err(|e| format!("{}: {e}", file.display()))?;
    println!(
        "render-static: {} pages, {:.1} MB in all, largest {} ({:.1} KB), into {}",
        routes.len(),
        total as f64 / 1e6,
        if largest.1.is_empty() { "index.html" } else { &largest.1 },
        largest.0 as f64 / 1e3,
        options.dist.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("render-static: error: {message}");
            ExitCode::FAILURE
        }
    }
}
