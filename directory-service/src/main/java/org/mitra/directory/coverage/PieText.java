package org.mitra.directory.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of text of the coverage picture ({@link CoveragePie}): where it is anchored on its baseline (and turns
 * about), how wide it is estimated to be, and how it is written.
 *
 * <p>No font is embedded, so widths are estimated: {@value #REGULAR_EM} em per character for regular and
 * {@value #BOLD_EM} em for bold text. That is at least the average advance of mixed-case Latin text in DejaVu Sans
 * (the widest common sans-serif, measured at 0.50 to 0.60 em regular and 0.57 to 0.67 em bold) and in Liberation Sans
 * or Arial (0.43 to 0.59 em); text set in capitals or in a wider script may be wider. A line reaches 0.95 em above
 * its baseline and 0.25 em below it.
 *
 * @param anchor     {@code start}, {@code middle} or {@code end}
 * @param rotate     degrees clockwise about {@code (x, y)}
 * @param attributes further attributes, written as they are (each with a leading space)
 */
record PieText(double x, double y, String anchor, int size, boolean bold, double rotate, String text, String fill,
        String attributes) {
    static final double REGULAR_EM = 0.62;
    static final double BOLD_EM = 0.70;

    static PieText of(double x, double y, String anchor, int size, boolean bold, String text, String fill) {
        return new PieText(x, y, anchor, size, bold, 0, text, fill, "");
    }

    PieText at(double dx, double dy) {
        return new PieText(x + dx, y + dy, anchor, size, bold, rotate, text, fill, attributes);
    }

    PieText with(String moreAttributes) {
        return new PieText(x, y, anchor, size, bold, rotate, text, fill, attributes + moreAttributes);
    }

    /** Left, top, right and bottom of the text before it is turned, as estimated. */
    double[] box() {
        double width = width(text, size, bold);
        double left = switch (anchor) {
            case "end" -> x - width;
            case "middle" -> x - width / 2;
            default -> x;
        };
        return new double[] {left, y - 0.95 * size, left + width, y + 0.25 * size};
    }

    void write(StringBuilder svg) {
        svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append('"');
        if (rotate != 0) {
            svg.append(" transform=\"rotate(").append(f(rotate)).append(' ').append(f(x)).append(' ').append(f(y))
                    .append(")\"");
        }
        svg.append(" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size).append('"')
                .append(bold ? " font-weight=\"bold\"" : "").append(" fill=\"").append(fill).append('"')
                .append(attributes).append('>').append(escape(text)).append("</text>\n");
    }

    /** The estimated width of a line of text. */
    static double width(String text, double size, boolean bold) {
        return text.codePointCount(0, text.length()) * size * (bold ? BOLD_EM : REGULAR_EM);
    }

    /** At most {@code characters} characters, an ellipsis ending a shortened text. */
    static String shorten(String text, int characters) {
        if (text.codePointCount(0, text.length()) <= characters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, characters - 1)).stripTrailing() + "…";
    }

    /** The text shortened with an ellipsis until it is no wider than {@code room} at {@code size} (bold). */
    static String shortenTo(String text, int size, double room) {
        String shortened = text;
        int characters = text.codePointCount(0, text.length());
        while (characters > 2 && width(shortened, size, true) > room) {
            shortened = shorten(text, --characters);
        }
        return shortened;
    }

    /**
     * The words of a text on lines no wider than {@code room} at {@code size} (bold), each as full as it can be; null
     * when a word alone is wider.
     */
    static List<String> wrap(String text, int size, double room) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.trim().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (width(longer, size, true) <= room) {
                line = longer;
            } else if (width(word, size, true) <= room) {
                lines.add(line);
                line = word;
            } else {
                return null;
            }
        }
        lines.add(line);
        return lines;
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
