package org.mitra.directory.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.mitra.directory.region.Region;
import org.mitra.directory.region.RegionView;
import org.mitra.events.Slice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The coverage picture, drawn from a report made up here (no database). A text's box is estimated as the picture
 * estimates it ({@link PieText}), but from the SVG as written: 0.62 em per character for regular text and 0.70 em for
 * bold (at least the average advance of mixed-case Latin text in DejaVu Sans, the widest common sans-serif, and in
 * Liberation Sans or Arial), 0.95 em above the baseline and 0.25 em below it, turned as its transform turns it.
 */
class CoveragePieTest {
    private static final double REGULAR_EM = 0.62;
    private static final double BOLD_EM = 0.70;
    private static final Pattern ROTATE = Pattern.compile("rotate\\(([-\\d.]+) ([-\\d.]+) ([-\\d.]+)\\)");

    /** The categories of the seeded taxonomy, by slice (V1__taxonomy_and_regions.sql). */
    private static final Map<Slice, List<String>> TAXONOMY = new LinkedHashMap<>();

    static {
        TAXONOMY.put(Slice.ADVOCACY, List.of("Policy and law reform", "Public awareness",
                "Tourism and business engagement", "Responsible recruitment", "Coalition building and research",
                "Survivor leadership"));
        TAXONOMY.put(Slice.PREVENTION, List.of("Street children outreach", "Community and school education",
                "Safe migration", "Online safety", "Livelihoods for at-risk groups", "Civil registration",
                "Hotlines and reporting", "Frontline identification training"));
        TAXONOMY.put(Slice.INTERVENTION, List.of("Intake and screening", "Police report and investigation",
                "Removal from danger", "Emergency shelter", "Victim status decision", "Prosecution support",
                "Repatriation and immigration"));
        TAXONOMY.put(Slice.REHABILITATION, List.of("Shelter and safe housing", "Medical care", "Psychosocial care",
                "Legal aid", "Education", "Skills training", "Livelihood and job placement",
                "Family reintegration and follow-up"));
    }

    @Test
    void countsAreInTheSingularForOneAndThePluralOtherwise() {
        String svg = CoveragePie.svg(report("Bali", Map.of()));

        assertThat(svg).contains("Rehabilitation: COVERED, 1 provider<", "Advocacy: OVERLAP, 2 providers<",
                "Intervention: GAP, 0 providers<");
        assertThat(svg).doesNotContain("1 providers", "1 places", "1 referrals", "1 categories");
        assertThat(svg).contains(
                "Medical care: COVERED, 1 provider, 1 of 1 place available, 1 referral requested in 2026-11");
        assertThat(svg).contains("Intervention: GAP, 0 providers, 7 of 7 categories without a provider");
        assertThat(CoveragePie.count(0, "provider", "providers")).isEqualTo("0 providers");
        assertThat(CoveragePie.count(1, "provider", "providers")).isEqualTo("1 provider");
        assertThat(CoveragePie.count(12, "category", "categories")).isEqualTo("12 categories");
    }

    @Test
    void everyCategorySegmentHasATitleWithItsNameProvidersAndVerdict() throws Exception {
        CoverageReport report = report("Bali", Map.of());
        Document svg = parse(CoveragePie.svg(report));

        SoftAssertions softly = new SoftAssertions();
        int segments = 0;
        for (SliceCoverage slice : report.slices()) {
            for (CategoryCoverage category : slice.categories()) {
                Element path = byId(svg, "category-" + category.code());
                softly.assertThat(path).as(category.code()).isNotNull();
                if (path == null) {
                    continue;
                }
                NodeList titles = path.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
                softly.assertThat(titles.getLength()).as(category.code()).isEqualTo(1);
                softly.assertThat(titles.item(0).getTextContent()).as(category.code())
                        .startsWith(category.names().get("en") + ": " + category.verdict() + ", "
                                + category.providers() + (category.providers() == 1 ? " provider," : " providers,"));
                segments++;
            }
        }
        softly.assertAll();
        assertThat(segments).isEqualTo(29);
        // Named in the ring where the name fits: the short names are, the long ones are left to the tooltip.
        List<String> named = new ArrayList<>();
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            if (((Element) texts.item(i)).getAttribute("class").equals("category-label")) {
                named.add(texts.item(i).getTextContent());
            }
        }
        assertThat(named).contains("Legal aid", "Medical care", "Online safety")
                .doesNotContain("Family reintegration and follow-up");
    }

    @Test
    void everyLabelLiesInsideThePicture() throws Exception {
        for (CoverageReport report : List.of(report("Bali", Map.of()),
                report("Kabupaten Administrasi Kepulauan Seribu & <Sekitarnya>", Map.of()),
                report("Province " + "X".repeat(190), Map.of(Slice.REHABILITATION, "Rehabilitation " + "y".repeat(185),
                        Slice.ADVOCACY, "Advocacy, lobbying & <awareness> for better systems")))) {
            Document svg = parse(CoveragePie.svg(report));
            String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").split(" ");
            double width = Double.parseDouble(viewBox[2]);
            double height = Double.parseDouble(viewBox[3]);
            assertThat(Double.parseDouble(viewBox[0])).isZero();
            assertThat(Double.parseDouble(viewBox[1])).isZero();

            NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
            assertThat(texts.getLength()).isGreaterThan(15);
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < texts.getLength(); i++) {
                Element text = (Element) texts.item(i);
                double[] box = box(text);
                softly.assertThat(box[0]).as("left of %s", text.getTextContent()).isGreaterThanOrEqualTo(0);
                softly.assertThat(box[1]).as("top of %s", text.getTextContent()).isGreaterThanOrEqualTo(0);
                softly.assertThat(box[2]).as("right of %s", text.getTextContent()).isLessThanOrEqualTo(width);
                softly.assertThat(box[3]).as("bottom of %s", text.getTextContent()).isLessThanOrEqualTo(height);
            }
            softly.assertAll();
        }
    }

    @Test
    void everySliceIsNamedOutsideThePieRehabilitationWhole() throws Exception {
        Document svg = parse(CoveragePie.svg(report("Bali", Map.of())));
        Element hole = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").item(0);
        double cx = Double.parseDouble(hole.getAttribute("cx"));
        double cy = Double.parseDouble(hole.getAttribute("cy"));
        double radius = 0;
        NodeList paths = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        for (int i = 0; i < paths.getLength(); i++) {
            Matcher arc = Pattern.compile("A([\\d.]+) ").matcher(((Element) paths.item(i)).getAttribute("d"));
            while (arc.find()) {
                radius = Math.max(radius, Double.parseDouble(arc.group(1)));
            }
        }
        assertThat(radius).isPositive();

        Map<String, double[]> labels = new LinkedHashMap<>();
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            String text = texts.item(i).getTextContent();
            if (List.of("Advocacy", "Prevention", "Intervention", "Rehabilitation").contains(text)) {
                labels.put(text, box((Element) texts.item(i)));
            }
        }
        assertThat(labels).hasSize(4);
        for (Map.Entry<String, double[]> label : labels.entrySet()) {
            double[] box = label.getValue();
            // The point of the box nearest the centre is outside the pie.
            double nearestX = Math.max(box[0], Math.min(cx, box[2]));
            double nearestY = Math.max(box[1], Math.min(cy, box[3]));
            assertThat(Math.hypot(nearestX - cx, nearestY - cy)).as(label.getKey()).isGreaterThan(radius);
        }
        double[] rehabilitation = labels.get("Rehabilitation");
        assertThat(rehabilitation[0]).as("Rehabilitation, top left: whole").isGreaterThanOrEqualTo(0);
        assertThat(rehabilitation[2]).as("over the left half").isLessThanOrEqualTo(cx);
        assertThat(rehabilitation[3]).as("above the pie").isLessThanOrEqualTo(cy - radius);
    }

    @Test
    void namesAreEscapedAndThereIsNoScript() throws Exception {
        String svg = CoveragePie.svg(report("Tabanan <script>alert(1)</script> & \"co\"",
                Map.of(Slice.PREVENTION, "Prevention <b>&</b>")));

        assertThat(svg).doesNotContainIgnoringCase("<script").doesNotContain("<b>")
                .contains("Tabanan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;")
                .contains("Prevention &lt;b&gt;&amp;&lt;/b&gt;");
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(document.getDocumentElement().hasAttribute("width")).as("scales to where it is shown").isFalse();
    }

    /** Left, top, right, bottom of a text element's estimated box, turned as its transform turns it. */
    private static double[] box(Element text) {
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        double size = Double.parseDouble(text.getAttribute("font-size"));
        boolean bold = "bold".equals(text.getAttribute("font-weight"));
        String content = text.getTextContent();
        double width = content.codePointCount(0, content.length()) * size * (bold ? BOLD_EM : REGULAR_EM);
        double left = switch (text.getAttribute("text-anchor")) {
            case "end" -> x - width;
            case "middle" -> x - width / 2;
            default -> x;
        };
        double[][] corners = {{left, y - 0.95 * size}, {left + width, y - 0.95 * size}, {left, y + 0.25 * size},
            {left + width, y + 0.25 * size}};
        Matcher rotate = ROTATE.matcher(text.getAttribute("transform"));
        if (rotate.find()) {
            double angle = Math.toRadians(Double.parseDouble(rotate.group(1)));
            double ox = Double.parseDouble(rotate.group(2));
            double oy = Double.parseDouble(rotate.group(3));
            for (double[] corner : corners) {
                double dx = corner[0] - ox;
                double dy = corner[1] - oy;
                corner[0] = ox + dx * Math.cos(angle) - dy * Math.sin(angle);
                corner[1] = oy + dx * Math.sin(angle) + dy * Math.cos(angle);
            }
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] corner : corners) {
            box[0] = Math.min(box[0], corner[0]);
            box[1] = Math.min(box[1], corner[1]);
            box[2] = Math.max(box[2], corner[0]);
            box[3] = Math.max(box[3], corner[1]);
        }
        return box;
    }

    private static Element byId(Document document, String id) {
        NodeList paths = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        for (int i = 0; i < paths.getLength(); i++) {
            if (id.equals(((Element) paths.item(i)).getAttribute("id"))) {
                return (Element) paths.item(i);
            }
        }
        return null;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /**
     * Bali's pie: advocacy overlaps (2 providers each), prevention is covered, intervention is a gap, and
     * rehabilitation has 1 provider per category with 1 place and 1 referral; {@code sliceNames} renames slices.
     */
    private static CoverageReport report(String region, Map<Slice, String> sliceNames) {
        List<SliceCoverage> slices = new ArrayList<>();
        for (Map.Entry<Slice, List<String>> entry : TAXONOMY.entrySet()) {
            Slice slice = entry.getKey();
            Verdict verdict = switch (slice) {
                case ADVOCACY -> Verdict.OVERLAP;
                case PREVENTION, REHABILITATION -> Verdict.COVERED;
                case INTERVENTION -> Verdict.GAP;
            };
            long providers = switch (slice) {
                case ADVOCACY -> 2;
                case PREVENTION -> 3;
                case INTERVENTION -> 0;
                case REHABILITATION -> 1;
            };
            List<CategoryCoverage> categories = new ArrayList<>();
            for (String name : entry.getValue()) {
                categories.add(new CategoryCoverage(name.toLowerCase(Locale.ROOT).replace(' ', '-'),
                        Map.of("en", name, "id", name), verdict, providers, providers, providers,
                        PublishedDemand.published(providers, null, null)));
            }
            String sliceName = sliceNames.getOrDefault(slice,
                    slice.code().substring(0, 1).toUpperCase(Locale.ROOT) + slice.code().substring(1));
            slices.add(new SliceCoverage(slice, Map.of("en", sliceName, "id", sliceName), verdict, providers, providers,
                    providers, PublishedDemand.WITHHELD, verdict == Verdict.GAP ? categories.size() : 0, categories));
        }
        return new CoverageReport(new RegionView("51", region, Region.Level.PROVINCE, "ID"),
                Instant.parse("2026-12-02T10:00:00Z"), false, "2026-11", Instant.parse("2026-12-02T00:00:00Z"), slices);
    }
}
