package org.mitra.directory.coverage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.events.Slice;

/**
 * Draws a coverage report as an SVG pie of pies: an outer ring of the four slices, an inner ring of
 * each slice's categories, gaps hatched in red, and a legend. Every arc has a tooltip with its figures.
 */
public final class CoveragePie {
    private static final double CX = 250;
    private static final double CY = 250;
    private static final Map<Slice, String> COLOURS = Map.of(
            Slice.ADVOCACY, "#2f6db5",
            Slice.PREVENTION, "#2e9a5a",
            Slice.INTERVENTION, "#d9822b",
            Slice.REHABILITATION, "#7d4fb2");
    private static final String GAP_FILL = "url(#gap)";

    private CoveragePie() {
    }

    public static String svg(CoverageReport report) {
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"820\" height=\"520\" viewBox=\"0 0 820 520\"")
                .append(" role=\"img\" aria-labelledby=\"pie-title\" font-family=\"sans-serif\">\n")
                .append("<title id=\"pie-title\">Coverage of anti-trafficking services in ")
                .append(escape(report.region().name())).append("</title>\n")
                .append("<defs><pattern id=\"gap\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c62828\" stroke-width=\"3\"/></pattern></defs>\n")
                .append("<rect width=\"820\" height=\"520\" fill=\"#ffffff\"/>\n");
        List<SliceCoverage> slices = report.slices();
        double sliceSweep = 360.0 / Math.max(1, slices.size());
        for (int s = 0; s < slices.size(); s++) {
            SliceCoverage slice = slices.get(s);
            double start = s * sliceSweep;
            drawArc(svg, start, start + sliceSweep, 175, 235, fill(slice.slice(), slice.verdict()), slice.verdict(),
                    slice.names().get("en") + ": " + slice.verdict() + ", " + slice.providers() + " providers, "
                            + slice.gapCategories() + " of " + slice.categories().size() + " categories without a provider",
                    "slice-" + slice.slice().code());
            drawLabel(svg, start + sliceSweep / 2, 205, slice.names().get("en"), "#ffffff", 14,
                    slice.verdict() == Verdict.GAP ? "#c62828" : null);
            List<CategoryCoverage> categories = slice.categories();
            double categorySweep = sliceSweep / Math.max(1, categories.size());
            for (int c = 0; c < categories.size(); c++) {
                CategoryCoverage category = categories.get(c);
                double from = start + c * categorySweep;
                drawArc(svg, from, from + categorySweep, 85, 170, fill(slice.slice(), category.verdict()), category.verdict(),
                        category.names().get("en") + ": " + category.verdict() + ", " + category.providers()
                                + " providers, " + category.availableCapacity() + " of " + category.totalCapacity()
                                + " places available, " + (category.demand().requested() == null ? "withheld (few or none)"
                                        : category.demand().requested().toString()) + " referrals requested"
                                + (report.demandPeriod() == null ? "" : " in " + report.demandPeriod()),
                        "category-" + category.code());
            }
        }
        svg.append("<circle cx=\"").append(CX).append("\" cy=\"").append(CY).append("\" r=\"80\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(CX).append("\" y=\"").append(CY - 4)
                .append("\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">")
                .append(escape(report.region().name())).append("</text>\n");
        svg.append("<text x=\"").append(CX).append("\" y=\"").append(CY + 18)
                .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555555\">region ")
                .append(escape(report.region().code())).append("</text>\n");
        legend(svg, slices, report);
        return svg.append("</svg>\n").toString();
    }

    private static String fill(Slice slice, Verdict verdict) {
        return verdict == Verdict.GAP ? GAP_FILL : COLOURS.get(slice);
    }

    private static void drawArc(StringBuilder svg, double fromDegrees, double toDegrees, double inner, double outer,
            String fill, Verdict verdict, String tooltip, String id) {
        double sweep = toDegrees - fromDegrees;
        int largeArc = sweep > 180 ? 1 : 0;
        double[] outerStart = point(fromDegrees, outer);
        double[] outerEnd = point(toDegrees, outer);
        double[] innerEnd = point(toDegrees, inner);
        double[] innerStart = point(fromDegrees, inner);
        String opacity = switch (verdict) {
            case OVERLAP -> "0.55";
            case STRAINED, COVERED, GAP -> "1";
        };
        svg.append("<path id=\"").append(escape(id)).append("\" class=\"").append(verdict.name().toLowerCase(Locale.ROOT))
                .append("\" d=\"M").append(f(outerStart[0])).append(' ').append(f(outerStart[1]))
                .append(" A").append(f(outer)).append(' ').append(f(outer)).append(" 0 ").append(largeArc).append(" 1 ")
                .append(f(outerEnd[0])).append(' ').append(f(outerEnd[1]))
                .append(" L").append(f(innerEnd[0])).append(' ').append(f(innerEnd[1]))
                .append(" A").append(f(inner)).append(' ').append(f(inner)).append(" 0 ").append(largeArc).append(" 0 ")
                .append(f(innerStart[0])).append(' ').append(f(innerStart[1]))
                .append(" Z\" fill=\"").append(fill).append("\" fill-opacity=\"").append(opacity)
                .append("\" stroke=\"").append(verdict == Verdict.STRAINED ? "#b71c1c" : "#ffffff")
                .append("\" stroke-width=\"").append(verdict == Verdict.STRAINED ? "3" : "1.5")
                .append(verdict == Verdict.STRAINED ? "\" stroke-dasharray=\"6 3" : "")
                .append("\"><title>").append(escape(tooltip)).append("</title></path>\n");
    }

    private static void drawLabel(StringBuilder svg, double angle, double radius, String text, String colour, int size,
            String overrideColour) {
        double[] at = point(angle, radius);
        svg.append("<text x=\"").append(f(at[0])).append("\" y=\"").append(f(at[1] + size / 3.0))
                .append("\" text-anchor=\"middle\" font-size=\"").append(size).append("\" font-weight=\"bold\" fill=\"")
                .append(overrideColour != null ? overrideColour : colour).append("\">").append(escape(text)).append("</text>\n");
    }

    private static void legend(StringBuilder svg, List<SliceCoverage> slices, CoverageReport report) {
        double y = 40;
        svg.append("<g id=\"legend\" font-size=\"13\">\n");
        svg.append("<text x=\"520\" y=\"").append(f(y)).append("\" font-weight=\"bold\">Slices</text>\n");
        for (SliceCoverage slice : slices) {
            y += 24;
            svg.append("<rect x=\"520\" y=\"").append(f(y - 12)).append("\" width=\"16\" height=\"16\" fill=\"")
                    .append(COLOURS.get(slice.slice())).append("\"/>")
                    .append("<text x=\"544\" y=\"").append(f(y + 1)).append("\">").append(escape(slice.names().get("en")))
                    .append(": ").append(slice.verdict()).append(", ").append(slice.providers()).append(" providers")
                    .append("</text>\n");
        }
        y += 40;
        svg.append("<text x=\"520\" y=\"").append(f(y)).append("\" font-weight=\"bold\">Categories (inner ring)</text>\n");
        String[][] keys = {
            {GAP_FILL, "1", "#c62828", "GAP: no provider"},
            {"#888888", "1", "#b71c1c", "STRAINED: demand above capacity"},
            {"#888888", "0.55", "#ffffff", "OVERLAP: several providers, little demand"},
            {"#888888", "1", "#ffffff", "COVERED"},
        };
        for (String[] key : keys) {
            y += 24;
            svg.append("<rect x=\"520\" y=\"").append(f(y - 12)).append("\" width=\"16\" height=\"16\" fill=\"")
                    .append(key[0]).append("\" fill-opacity=\"").append(key[1]).append("\" stroke=\"").append(key[2])
                    .append("\" stroke-width=\"2\"/><text x=\"544\" y=\"").append(f(y + 1)).append("\">")
                    .append(escape(key[3])).append("</text>\n");
        }
        y += 40;
        svg.append("<text id=\"demand-period\" x=\"520\" y=\"").append(f(y)).append("\">")
                .append(escape(report.demandPeriod() == null ? "Demand: exact and live (coalition admins)"
                        : "Demand: referrals of " + report.demandPeriod() + ", as published"))
                .append("</text>\n");
        svg.append("</g>\n");
    }

    private static double[] point(double degreesFromTop, double radius) {
        double radians = Math.toRadians(degreesFromTop - 90);
        return new double[] {CX + radius * Math.cos(radians), CY + radius * Math.sin(radians)};
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
