package cn.fuyou.education.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** CommonMark to HTML with raw HTML escaped and unsafe link schemes removed: an article cannot inject script. */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    public static String toHtml(String markdown) {
        return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
    }
}
