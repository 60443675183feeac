package org.mitra.gateway.problem;

import java.util.List;
import java.util.Locale;
import org.mitra.problems.ProblemLanguages;
import org.mitra.problems.ProblemType;

/** The HTML pages of the problem types: plain, self-contained, every text escaped. */
final class ProblemPages {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5}code{font-size:.95em}table{border-collapse:collapse}"
            + "td,th{text-align:left;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}";

    private ProblemPages() {
    }

    static String catalog(List<ProblemType> types, Locale language) {
        StringBuilder rows = new StringBuilder();
        for (ProblemType type : types) {
            rows.append("<tr><td><a href=\"").append(escape(type.uri().toString())).append("\"><code>")
                    .append(escape(type.slug())).append("</code></a></td><td>").append(type.status())
                    .append("</td><td>").append(escape(type.title(language))).append("</td><td>")
                    .append(escape(type.description(language))).append("</td></tr>\n");
        }
        String title = text("page.catalog.title", language);
        return document(title, "<h1>" + escape(title) + "</h1>\n"
                + "<p>" + text("page.catalog.intro", language) + "</p>\n"
                + "<table>\n<tr><th>type</th><th>status</th><th>title</th><th>" + text("page.catalog.meaning", language)
                + "</th></tr>\n" + rows + "</table>\n", language);
    }

    static String type(ProblemType type, Locale language) {
        return document(type.title(language) + " " + text("page.type.suffix", language),
                "<h1>" + escape(type.title(language)) + "</h1>\n"
                + "<p><code>type</code>: <code>" + escape(type.uri().toString()) + "</code><br>\n"
                + "<code>status</code>: " + type.status() + "<br>\n"
                + "<code>title</code>: " + escape(type.title(language)) + "</p>\n"
                + "<p>" + escape(type.description(language)) + "</p>\n"
                + "<p>" + text("page.type.outro", language) + "</p>\n", language);
    }

    /** Fixed text of the pages (GatewayMessages), already HTML. */
    private static String text(String key, Locale language) {
        return GatewayMessages.MESSAGES.text(key).render(language);
    }

    private static String document(String title, String body, Locale language) {
        return "<!DOCTYPE html>\n<html lang=\"" + ProblemLanguages.tag(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
