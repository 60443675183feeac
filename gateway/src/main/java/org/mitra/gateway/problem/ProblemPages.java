package org.mitra.gateway.problem;

import java.util.List;
import org.mitra.problems.ProblemType;

/** The HTML pages of the problem types: plain, self-contained, every text escaped. */
final class ProblemPages {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5}code{font-size:.95em}table{border-collapse:collapse}"
            + "td,th{text-align:left;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}";

    private ProblemPages() {
    }

    static String catalog(List<ProblemType> types) {
        StringBuilder rows = new StringBuilder();
        for (ProblemType type : types) {
            rows.append("<tr><td><a href=\"").append(escape(type.uri().toString())).append("\"><code>")
                    .append(escape(type.slug())).append("</code></a></td><td>").append(type.status())
                    .append("</td><td>").append(escape(type.title())).append("</td><td>")
                    .append(escape(type.description())).append("</td></tr>\n");
        }
        return document("Mitra problem types", "<h1>Mitra problem types</h1>\n"
                + "<p>Every error of a Mitra API is an RFC 9457 problem (<code>application/problem+json</code>) whose "
                + "<code>type</code> is one of these, written <code>/problems/&lt;slug&gt;</code> relative to the "
                + "address that answered. Clients switch on <code>type</code>; the <code>title</code> is fixed per "
                + "type and the <code>detail</code> is for people.</p>\n"
                + "<table>\n<tr><th>type</th><th>status</th><th>title</th><th>meaning</th></tr>\n" + rows
                + "</table>\n");
    }

    static String type(ProblemType type) {
        return document(type.title() + " (Mitra problem type)", "<h1>" + escape(type.title()) + "</h1>\n"
                + "<p><code>type</code>: <code>" + escape(type.uri().toString()) + "</code><br>\n"
                + "<code>status</code>: " + type.status() + "<br>\n"
                + "<code>title</code>: " + escape(type.title()) + "</p>\n"
                + "<p>" + escape(type.description()) + "</p>\n"
                + "<p>The problem's <code>detail</code> says what happened in the case at hand, and its "
                + "<code>requestId</code> names the request when you report it. <a href=\"/problems\">All problem "
                + "types</a>.</p>\n");
    }

    private static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
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
