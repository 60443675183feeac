package org.mitra.referral.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a KPI report as an SVG a coalition admin can put in a report: one bar per row, as long as its referrals
 * (scaled to the longest), split by what became of them, with its acceptance rate and median time to accept beside
 * it, the whole period's figures in the title and a legend under the bars. Like the directory's coverage pie it has a
 * {@code viewBox} and no fixed size, and no style sheet (the API's Content-Security-Policy would block one): every
 * attribute is drawn inline, every text escaped.
 */
public final class KpiPicture {
    static final int MAX_ROWS = 40;
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 260;
    private static final int BAR_WIDTH = 400;
    private static final int ROW = 30;
    private static final int TOP = 84;
    private static final String INK = "#222222";
    /** What became of the referrals: colour, legend. */
    private static final String[][] PARTS = {
        {"#1b7f3b", "completed, got help"},
        {"#8cc79b", "completed, other outcome"},
        {"#2f6db5", "still open"},
        {"#c62828", "rejected"},
        {"#9e9e9e", "failed, cancelled or expired"},
    };

    private KpiPicture() {
    }

    public static String svg(KpiReport report) {
        List<KpiReport.Row> rows = report.rows().size() > MAX_ROWS ? report.rows().subList(0, MAX_ROWS) : report.rows();
        long longest = Math.max(1, rows.stream().mapToLong(row -> row.metrics().referrals()).max().orElse(1));
        int legendTop = TOP + rows.size() * ROW + 24;
        int height = legendTop + 40 + (report.rows().size() > MAX_ROWS ? 24 : 0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"title\" font-family=\"sans-serif\">");
        KpiReport.Metrics total = report.total();
        String title = "Referral KPIs " + report.from() + " to " + report.to() + ", by " + report.groupBy();
        svg.append("<title id=\"title\">").append(escape(title)).append("</title>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        text(svg, 16, 32, 20, true, INK, title);
        text(svg, 16, 58, 14, false, INK, total.referrals() + " referrals, " + percent(total.acceptanceRate()) + " accepted, median "
                + hours(total.timeToAccept()) + " to accept, " + total.completed() + " completed ("
                + percent(total.gotHelpShare()) + " got help), " + total.expired() + " expired, " + total.forwarded() + " forwarded");
        int y = TOP;
        for (KpiReport.Row row : rows) {
            text(svg, 16, y + 19, 13, false, INK, shorten(label(row), 36));
            KpiReport.Metrics metrics = row.metrics();
            long[] parts = parts(metrics);
            double x = LABEL_WIDTH;
            double scale = (double) BAR_WIDTH / longest;
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] == 0) {
                    continue;
                }
                double width = parts[i] * scale;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\">"
                        + "<title>%s</title></rect>", x, y + 4, width, PARTS[i][0], escape(PARTS[i][1] + ": " + parts[i])));
                x += width;
            }
            text(svg, LABEL_WIDTH + BAR_WIDTH + 12, y + 19, 13, false, INK, metrics.referrals() + " · "
                    + percent(metrics.acceptanceRate()) + " accepted · " + hours(metrics.timeToAccept()) + " to accept");
            y += ROW;
        }
        if (rows.isEmpty()) {
            text(svg, 16, y + 19, 13, false, INK, "No referral was submitted in this period.");
        }
        double x = 16;
        for (String[] part : PARTS) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>", x,
                    legendTop, part[0]));
            text(svg, x + 20, legendTop + 12, 12, false, INK, part[1]);
            x += 20 + part[1].length() * 7.2 + 18;
        }
        if (report.rows().size() > MAX_ROWS) {
            text(svg, 16, legendTop + 40, 12, false, INK, "The first " + MAX_ROWS + " of " + report.rows().size()
                    + " rows; the JSON report has them all.");
        }
        return svg.append("</svg>").toString();
    }

    /** The referrals of a row by what became of them, in the order of {@link #PARTS}. */
    static long[] parts(KpiReport.Metrics metrics) {
        long gotHelp = metrics.outcomes().getOrDefault(org.mitra.referral.lifecycle.ServiceOutcome.GOT_HELP, 0L);
        KpiReport.OpenByAge open = metrics.openByAge();
        long stillOpen = open.underOneDay() + open.oneToSevenDays() + open.sevenToThirtyDays() + open.overThirtyDays();
        long ended = metrics.referrals() - metrics.completed() - stillOpen - metrics.rejected();
        return new long[] {gotHelp, metrics.completed() - gotHelp, stillOpen, metrics.rejected(), Math.max(0, ended)};
    }

    private static String label(KpiReport.Row row) {
        List<String> parts = new ArrayList<>();
        if (row.organizationId() != null) {
            parts.add((row.organizationName() == null ? row.organizationId().toString() : row.organizationName())
                    + (row.side() == null ? "" : row.side() == org.mitra.referral.lifecycle.Side.SENDER ? " (sent)" : " (received)"));
        }
        if (row.categoryCode() != null) {
            parts.add(row.categoryCode());
        }
        if (row.regionCode() != null) {
            parts.add("region " + row.regionCode());
        }
        if (row.month() != null) {
            parts.add(row.month());
        }
        return String.join(", ", parts);
    }

    private static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }

    private static String hours(KpiReport.Hours hours) {
        return hours.median() == null ? "–" : String.format(Locale.ROOT, "%.1f h", hours.median());
    }

    private static String shorten(String text, int characters) {
        return text.length() <= characters ? text : text.substring(0, characters - 1) + "…";
    }

    private static void text(StringBuilder svg, double x, double y, int size, boolean bold, String fill, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s fill=\"%s\">%s</text>", x, y, size,
                bold ? " font-weight=\"bold\"" : "", fill, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
