package org.mitra.directory.coverage;

import static org.mitra.directory.coverage.PieText.escape;
import static org.mitra.directory.coverage.PieText.f;
import static org.mitra.directory.coverage.PieText.width;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mitra.directory.region.RegionView;
import org.mitra.events.Slice;

/**
 * Draws a coverage report as an SVG pie of pies: an outer ring of the four slices, named above and below the pie, an
 * inner ring of each slice's categories, named inside their segment where the name fits, gaps hatched in red, and a
 * legend under the pie. Every segment has a tooltip ({@code <title>}) with its name, verdict and figures.
 *
 * <p>The picture has a {@code viewBox} and no fixed size, so it scales to the width it is shown at. With the slices
 * named above and below the pie and the legend under it, it is hardly wider than the pie, so it stays readable at
 * 400 px, where the category names of the inner ring are small but inside their segments (the browser test draws it
 * at 400 and 1200 px). There is no style sheet: the API's Content-Security-Policy ({@code default-src 'none'}) would
 * block it when the picture is opened on its own, so everything is drawn with attributes. The {@code viewBox} is computed from the estimated size of
 * the text it holds ({@link PieText}), so every label lies inside it; names are shortened with an ellipsis beyond
 * {@value #MAX_LABEL_CHARACTERS} characters (the tooltips keep them whole).
 *
 * <p>Longer than 300 lines on purpose: it is one picture whose rings, labels, legend and bounds depend on each other's
 * geometry; measuring and writing text already lives in {@link PieText}, and splitting the rest would scatter one
 * layout over several files.
 */
public final class CoveragePie {
    static final int MAX_LABEL_CHARACTERS = 24;

    private static final double SLICE_INNER = 185;
    private static final double SLICE_OUTER = 225;
    private static final double CATEGORY_INNER = 72;
    private static final double CATEGORY_OUTER = 180;
    private static final double HOLE = 68;
    private static final double SLICE_LABEL_GAP = 6;
    private static final double CATEGORY_LABEL_MARGIN = 5;
    private static final double PAD = 16;
    private static final double LEGEND_GAP = 28;
    private static final double LINE = 26;
    private static final double SWATCH = 16;
    private static final int SLICE_FONT = 16;
    private static final int CATEGORY_FONT = 9;
    private static final int LEGEND_FONT = 15;
    private static final int REGION_FONT = 20;
    private static final int REGION_CODE_FONT = 13;
    private static final String INK = "#222222";
    private static final String RED = "#c62828";
    private static final Map<Slice, String> COLOURS = Map.of(
            Slice.ADVOCACY, "#2f6db5",
            Slice.PREVENTION, "#2e9a5a",
            Slice.INTERVENTION, "#d9822b",
            Slice.REHABILITATION, "#7d4fb2");
    private static final String GAP_FILL = "url(#gap)";
    private static final String[][] VERDICT_KEYS = {
        {GAP_FILL, "1", RED, "GAP: no provider"},
        {"#888888", "1", "#b71c1c", "STRAINED: demand above capacity"},
        {"#888888", "0.55", "#ffffff", "OVERLAP: several providers, little demand"},
        {"#888888", "1", "#ffffff", "COVERED"},
    };

    private CoveragePie() {
    }

    public static String svg(CoverageReport report) {
        List<SliceCoverage> slices = report.slices();
        double sliceSweep = 360.0 / Math.max(1, slices.size());
        // The pie with the slices' names around it, about its centre: its extent sets the picture's size.
        List<PieText> sliceLabels = new ArrayList<>();
        double[] extent = {-SLICE_OUTER, -SLICE_OUTER, SLICE_OUTER, SLICE_OUTER};
        for (int s = 0; s < slices.size(); s++) {
            SliceCoverage slice = slices.get(s);
            PieText label = sliceLabel(s * sliceSweep + sliceSweep / 2,
                    PieText.shorten(name(slice.names(), slice.slice().code()), MAX_LABEL_CHARACTERS),
                    slice.verdict() == Verdict.GAP ? RED : INK);
            sliceLabels.add(label);
            double[] box = label.box();
            extent = new double[] {Math.min(extent[0], box[0]), Math.min(extent[1], box[1]),
                Math.max(extent[2], box[2]), Math.max(extent[3], box[3])};
        }
        List<String> legendLines = legendLines(slices, report);
        double legendWidth = 0;
        for (String line : legendLines) {
            legendWidth = Math.max(legendWidth, SWATCH + 8 + width(line, LEGEND_FONT, true));
        }
        // The legend: a heading, the slices, a heading, the verdicts, the demand, with a gap before each heading.
        double legendHeight = LINE * (0.5 + slices.size() + 1.5 + VERDICT_KEYS.length + 1.5) + 0.25 * LEGEND_FONT;
        double pieWidth = extent[2] - extent[0];
        double width = Math.ceil(Math.max(pieWidth, legendWidth) + 2 * PAD);
        double cx = (width - pieWidth) / 2 - extent[0];
        double cy = PAD - extent[1];
        double legendTop = PAD + (extent[3] - extent[1]) + LEGEND_GAP;
        double height = Math.ceil(legendTop + legendHeight + PAD);

        StringBuilder svg = new StringBuilder(24_576);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(f(width)).append(' ')
                .append(f(height)).append("\" role=\"img\" aria-labelledby=\"pie-title\"")
                .append(" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n")
                .append("<title id=\"pie-title\">Coverage of anti-trafficking services in ")
                .append(escape(report.region().name())).append("</title>\n")
                .append("<defs><pattern id=\"gap\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"").append(RED)
                .append("\" stroke-width=\"3\"/></pattern></defs>\n")
                .append("<rect width=\"").append(f(width)).append("\" height=\"").append(f(height))
                .append("\" fill=\"#ffffff\"/>\n");
        for (int s = 0; s < slices.size(); s++) {
            SliceCoverage slice = slices.get(s);
            double start = s * sliceSweep;
            drawArc(svg, cx, cy, start, start + sliceSweep, SLICE_INNER, SLICE_OUTER, slice.slice(), slice.verdict(),
                    sliceTooltip(slice), "slice-" + slice.slice().code());
            List<CategoryCoverage> categories = slice.categories();
            double categorySweep = sliceSweep / Math.max(1, categories.size());
            for (int c = 0; c < categories.size(); c++) {
                CategoryCoverage category = categories.get(c);
                double from = start + c * categorySweep;
                drawArc(svg, cx, cy, from, from + categorySweep, CATEGORY_INNER, CATEGORY_OUTER, slice.slice(),
                        category.verdict(), categoryTooltip(category, report), "category-" + category.code());
                PieText label = categoryLabel(from + categorySweep / 2, categorySweep,
                        name(category.names(), category.code()), category.verdict());
                if (label != null) {
                    label.at(cx, cy).write(svg);
                }
            }
        }
        for (PieText label : sliceLabels) {
            label.at(cx, cy).write(svg);
        }
        svg.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" r=\"").append(f(HOLE))
                .append("\" fill=\"#ffffff\"/>\n");
        for (PieText label : regionLabels(report.region(), cx, cy)) {
            label.write(svg);
        }
        legend(svg, slices, legendLines, (width - legendWidth) / 2, legendTop);
        return svg.append("</svg>\n").toString();
    }

    /**
     * A slice's name outside the ring, about the pie's centre: above the pie for a slice of its upper half, below it
     * for one of its lower half, over the middle of the slice's side; beside the pie for a slice centred on a side.
     */
    private static PieText sliceLabel(double angle, String text, String fill) {
        double sin = Math.sin(Math.toRadians(angle));
        double cos = Math.cos(Math.toRadians(angle));
        if (Math.abs(cos) < 0.2) {
            return PieText.of(Math.signum(sin) * (SLICE_OUTER + SLICE_LABEL_GAP), 0.35 * SLICE_FONT,
                    sin > 0 ? "start" : "end", SLICE_FONT, true, text, fill);
        }
        double x = Math.abs(sin) < 0.2 ? 0 : Math.signum(sin) * 0.6 * SLICE_OUTER;
        double baseline = cos > 0 ? -SLICE_OUTER - SLICE_LABEL_GAP - 0.25 * SLICE_FONT
                : SLICE_OUTER + SLICE_LABEL_GAP + 0.95 * SLICE_FONT;
        return PieText.of(x, baseline, "middle", SLICE_FONT, true, text, fill);
    }

    /**
     * A category's name along the radius of its segment, about the pie's centre, never upside down; null when it does
     * not fit: longer than the ring is deep, or the segment too narrow at the text's inner end.
     */
    private static PieText categoryLabel(double angle, double sweep, String text, Verdict verdict) {
        double length = width(text, CATEGORY_FONT, false);
        double innerEnd = (CATEGORY_INNER + CATEGORY_OUTER) / 2 - length / 2;
        if (length > CATEGORY_OUTER - CATEGORY_INNER - 2 * CATEGORY_LABEL_MARGIN
                || 2 * innerEnd * Math.sin(Math.toRadians(sweep / 2)) < 1.3 * CATEGORY_FONT) {
            return null;
        }
        double[] middle = point(0, 0, angle, (CATEGORY_INNER + CATEGORY_OUTER) / 2);
        double rotate = angle % 360 < 180 ? angle - 90 : angle + 90;
        // The baseline lies 0.35 em below the radius, across the turned text, so that the text is centred on it.
        double shift = 0.35 * CATEGORY_FONT;
        double radians = Math.toRadians(rotate);
        boolean light = verdict == Verdict.COVERED || verdict == Verdict.STRAINED;
        return new PieText(middle[0] - Math.sin(radians) * shift, middle[1] + Math.cos(radians) * shift, "middle",
                CATEGORY_FONT, false, rotate, text, light ? "#ffffff" : INK,
                " class=\"category-label\" pointer-events=\"none\" aria-hidden=\"true\""
                        + (light ? "" : " stroke=\"#ffffff\" stroke-width=\"2.5\" paint-order=\"stroke\""));
    }

    /**
     * The region's name and code in the hole: the name on as few lines as fit (at most three, broken between words)
     * and as large as fits, down to 12 on one line and 10 on more; else on one line, shortened with an ellipsis.
     */
    private static List<PieText> regionLabels(RegionView region, double cx, double cy) {
        String name = region.name() == null ? "" : region.name();
        double room = 2 * HOLE - 16;
        List<String> lines = null;
        int size = 10;
        for (int count = 1; count <= 3 && lines == null; count++) {
            for (int candidate = REGION_FONT; candidate >= (count == 1 ? 12 : 10) && lines == null; candidate--) {
                List<String> wrapped = PieText.wrap(name, candidate, room);
                if (wrapped != null && wrapped.size() <= count) {
                    lines = wrapped;
                    size = candidate;
                }
            }
        }
        if (lines == null) {
            lines = List.of(PieText.shortenTo(name, size, room));
        }
        List<PieText> labels = new ArrayList<>();
        double lineHeight = 1.15 * size;
        double baseline = cy - ((lines.size() - 1) * lineHeight + 20) / 2 + 0.4 * size;
        for (String line : lines) {
            labels.add(PieText.of(cx, baseline, "middle", size, true, line, INK));
            baseline += lineHeight;
        }
        labels.add(PieText.of(cx, baseline - lineHeight + 20, "middle", REGION_CODE_FONT, false,
                "region " + region.code(), "#555555"));
        return labels;
    }

    private static String sliceTooltip(SliceCoverage slice) {
        return name(slice.names(), slice.slice().code()) + ": " + slice.verdict() + ", "
                + count(slice.providers(), "provider", "providers") + ", " + slice.gapCategories() + " of "
                + count(slice.categories().size(), "category", "categories") + " without a provider";
    }

    private static String categoryTooltip(CategoryCoverage category, CoverageReport report) {
        Long requested = category.demand().requested();
        return name(category.names(), category.code()) + ": " + category.verdict() + ", "
                + count(category.providers(), "provider", "providers") + ", " + category.availableCapacity() + " of "
                + count(category.totalCapacity(), "place", "places") + " available, "
                + (requested == null ? "referrals withheld (few or none)"
                        : count(requested, "referral", "referrals") + " requested")
                + (report.demandPeriod() == null ? "" : " in " + report.demandPeriod());
    }

    private static List<String> legendLines(List<SliceCoverage> slices, CoverageReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Slices");
        for (SliceCoverage slice : slices) {
            lines.add(PieText.shorten(name(slice.names(), slice.slice().code()), MAX_LABEL_CHARACTERS) + ": "
                    + slice.verdict() + ", " + count(slice.providers(), "provider", "providers"));
        }
        lines.add("Categories (inner ring)");
        for (String[] key : VERDICT_KEYS) {
            lines.add(key[3]);
        }
        lines.add(report.demandPeriod() == null ? "Demand: exact and live (coalition admins)"
                : "Demand: referrals of " + report.demandPeriod() + ", as published");
        return lines;
    }

    /** The legend's lines ({@link #legendLines}) from {@code top}: the slices, the verdicts, whose demand is shown. */
    private static void legend(StringBuilder svg, List<SliceCoverage> slices, List<String> lines, double x,
            double top) {
        svg.append("<g id=\"legend\">\n");
        double y = top + LINE / 2;
        int line = 0;
        PieText.of(x, y, "start", LEGEND_FONT, true, lines.get(line++), INK).write(svg);
        for (SliceCoverage slice : slices) {
            y += LINE;
            swatch(svg, x, y, COLOURS.get(slice.slice()), "1", COLOURS.get(slice.slice()));
            PieText.of(x + SWATCH + 8, y, "start", LEGEND_FONT, false, lines.get(line++), INK).write(svg);
        }
        y += LINE * 1.5;
        PieText.of(x, y, "start", LEGEND_FONT, true, lines.get(line++), INK).write(svg);
        for (String[] key : VERDICT_KEYS) {
            y += LINE;
            swatch(svg, x, y, key[0], key[1], key[2]);
            PieText.of(x + SWATCH + 8, y, "start", LEGEND_FONT, false, lines.get(line++), INK).write(svg);
        }
        y += LINE * 1.5;
        PieText.of(x, y, "start", LEGEND_FONT, false, lines.get(line), INK).with(" id=\"demand-period\"").write(svg);
        svg.append("</g>\n");
    }

    private static void swatch(StringBuilder svg, double x, double baseline, String fill, String opacity,
            String stroke) {
        svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(baseline - 13)).append("\" width=\"")
                .append(f(SWATCH)).append("\" height=\"").append(f(SWATCH)).append("\" fill=\"").append(fill)
                .append("\" fill-opacity=\"").append(opacity).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\"/>\n");
    }

    private static void drawArc(StringBuilder svg, double cx, double cy, double fromDegrees, double toDegrees,
            double inner, double outer, Slice slice, Verdict verdict, String tooltip, String id) {
        int largeArc = toDegrees - fromDegrees > 180 ? 1 : 0;
        double[] outerStart = point(cx, cy, fromDegrees, outer);
        double[] outerEnd = point(cx, cy, toDegrees, outer);
        double[] innerEnd = point(cx, cy, toDegrees, inner);
        double[] innerStart = point(cx, cy, fromDegrees, inner);
        String opacity = switch (verdict) {
            case OVERLAP -> "0.55";
            case STRAINED, COVERED, GAP -> "1";
        };
        svg.append("<path id=\"").append(escape(id)).append("\" class=\"")
                .append(verdict.name().toLowerCase(Locale.ROOT))
                .append("\" d=\"M").append(f(outerStart[0])).append(' ').append(f(outerStart[1]))
                .append(" A").append(f(outer)).append(' ').append(f(outer)).append(" 0 ").append(largeArc).append(" 1 ")
                .append(f(outerEnd[0])).append(' ').append(f(outerEnd[1]))
                .append(" L").append(f(innerEnd[0])).append(' ').append(f(innerEnd[1]))
                .append(" A").append(f(inner)).append(' ').append(f(inner)).append(" 0 ").append(largeArc).append(" 0 ")
                .append(f(innerStart[0])).append(' ').append(f(innerStart[1]))
                .append(" Z\" fill=\"").append(verdict == Verdict.GAP ? GAP_FILL : COLOURS.get(slice))
                .append("\" fill-opacity=\"").append(opacity)
                .append("\" stroke=\"").append(verdict == Verdict.STRAINED ? "#b71c1c" : "#ffffff")
                .append("\" stroke-width=\"").append(verdict == Verdict.STRAINED ? "3" : "1.5")
                .append(verdict == Verdict.STRAINED ? "\" stroke-dasharray=\"6 3" : "")
                .append("\"><title>").append(escape(tooltip)).append("</title></path>\n");
    }

    /** "1 provider", "0 providers", "2 providers". */
    static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String name(Map<String, String> names, String code) {
        String english = names == null ? null : names.get("en");
        return english == null || english.isBlank() ? code : english;
    }

    private static double[] point(double cx, double cy, double degreesFromTop, double radius) {
        double radians = Math.toRadians(degreesFromTop - 90);
        return new double[] {cx + radius * Math.cos(radians), cy + radius * Math.sin(radians)};
    }
}
