package org.mitra.gateway.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mitra.feeds.Period;
import org.mitra.feeds.Period.Granularity;
import org.mitra.gateway.GatewayConfig;

/**
 * The feed catalog as DCAT-AP 3 in JSON-LD: a {@code dcat:Catalog} whose datasets are the very feeds of the JSON
 * listing (same list, nothing added or left out), each with its distributions (one per format). The {@code @context}
 * is inline and every IRI-valued term is written as {@code {"@id": ...}} and every typed literal with its
 * {@code @type}, so a JSON-LD processor expands the document without fetching anything.
 *
 * <p>IRIs and access URLs start with the gateway's public address ({@code mitra.gateway.dcat.public-url}), never the
 * request's Host header.
 */
@ApplicationScoped
public class DcatCatalog {
    public static final String MEDIA_TYPE = "application/ld+json";

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";
    static final String HXL = "https://hxlstandard.org/standard/";
    static final String CSV = "text/csv";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREATIVE_COMMONS = Pattern.compile("CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\\d\\.\\d)",
            Pattern.CASE_INSENSITIVE);

    /** A format's label in English and Bahasa Indonesia, and its code in the EU file-type table (null: none). */
    private record Format(String en, String id, String fileType, boolean ianaRegistered) {
    }

    private static final Map<String, Format> FORMATS = Map.of(
            "application/json", new Format("JSON", "JSON", "JSON", true),
            CSV, new Format("CSV with HXL hashtags (second row)", "CSV dengan tagar HXL (baris kedua)", "CSV", true),
            "image/svg+xml", new Format("SVG image", "Gambar SVG", "SVG", true),
            "application/x-ndjson", new Format("Newline-delimited JSON (NDJSON)", "JSON per baris (NDJSON)", null, false));

    @Inject
    GatewayConfig config;

    /** The listing (exactly the feeds the JSON answer lists) as a DCAT-AP 3 catalog, dated by {@code now}. */
    public String render(List<FeedView> feeds, Instant now) {
        GatewayConfig.Dcat dcat = config.dcat();
        String base = stripSlash(dcat.publicUrl());
        String catalogIri = base + "/api/feeds";
        ObjectNode catalog = JSON.createObjectNode();
        catalog.set("@context", context());
        catalog.put("@id", catalogIri);
        catalog.put("@type", "dcat:Catalog");
        catalog.set("dct:title", bilingual(dcat.title(), Optional.of(dcat.titleId())));
        catalog.set("dct:description", bilingual(dcat.description(), Optional.of(dcat.descriptionId())));
        catalog.set("dct:publisher", publisher(dcat, catalogIri));
        catalog.set("foaf:homepage", iri(base + "/"));
        catalog.set("dct:language", JSON.createArrayNode().add(iri(EU + "language/ENG")).add(iri(EU + "language/IND")));
        catalog.set("dct:spatial", spatial(dcat, catalogIri));
        ArrayNode datasets = catalog.putArray("dcat:dataset");
        for (FeedView feed : feeds) {
            datasets.add(dataset(feed, dcat, base, catalogIri, now));
        }
        try {
            return JSON.writeValueAsString(catalog);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode dataset(FeedView feed, GatewayConfig.Dcat dcat, String base, String catalogIri, Instant now) {
        String datasetIri = catalogIri + "#" + feed.id();
        Optional<String> titleId = Optional.empty();
        Optional<String> descriptionId = Optional.empty();
        GatewayConfig.Feed configured = config.feeds().get(feed.id());
        GatewayConfig.Translation translated = config.feedTranslations().get(feed.id());
        if (configured != null && feed.title() != null && feed.title().equals(configured.title())) {
            titleId = configured.titleId();
            descriptionId = configured.descriptionId();
        } else if (translated != null) {
            titleId = Optional.of(translated.titleId());
            descriptionId = Optional.of(translated.descriptionId());
        }
        ObjectNode dataset = JSON.createObjectNode();
        dataset.put("@id", datasetIri);
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", feed.id());
        dataset.set("dct:title", bilingual(orEmpty(feed.title()), titleId));
        dataset.set("dct:description", bilingual(orEmpty(feed.description()), descriptionId));
        dataset.set("dct:publisher", publisher(dcat, catalogIri));
        dataset.set("dcat:contactPoint", contactPoint(dcat, catalogIri));
        Optional<String> licence = licenceIri(feed.licence());
        licence.ifPresent(iri -> dataset.set("dct:license", iri(iri)));
        dataset.set("dct:accessRights", iri(EU + "access-right/" + ("public".equals(feed.access()) ? "PUBLIC" : "RESTRICTED")));
        dataset.set("dct:spatial", spatial(dcat, catalogIri));
        finest(feed.periods()).ifPresent(granularity -> {
            dataset.set("dct:temporal", temporal(granularity, dcat.dataSince(), now));
            dataset.set("dcat:temporalResolution", typed(granularity == Granularity.MONTH ? "P1M" : "P3M", "xsd:duration"));
        });
        frequency(feed.updatePeriod()).ifPresent(code -> dataset.set("dct:accrualPeriodicity", iri(EU + "frequency/" + code)));
        ArrayNode themes = dataset.putArray("dcat:theme");
        dcat.themes().forEach(theme -> themes.add(iri(EU + "data-theme/" + theme)));
        ArrayNode keywords = dataset.putArray("dcat:keyword");
        dcat.keywordsEn().forEach(keyword -> keywords.add(text(keyword, "en")));
        dcat.keywordsId().forEach(keyword -> keywords.add(text(keyword, "id")));
        ArrayNode distributions = dataset.putArray("dcat:distribution");
        for (String format : feed.formats()) {
            distributions.add(distribution(feed, format, base, datasetIri, licence));
        }
        return dataset;
    }

    private static ObjectNode distribution(FeedView feed, String mediaType, String base, String datasetIri,
            Optional<String> licence) {
        String type = mediaType.toLowerCase(Locale.ROOT).strip();
        Format format = FORMATS.getOrDefault(type, new Format(type, type, null, true));
        ObjectNode distribution = JSON.createObjectNode();
        distribution.put("@id", datasetIri + "/" + type.replaceAll("[^a-z0-9]+", "-"));
        distribution.put("@type", "dcat:Distribution");
        distribution.set("dct:title", bilingual(format.en(), Optional.of(format.id())));
        distribution.set("dcat:accessURL", iri(absolute(base, feed.url())));
        if (format.ianaRegistered()) {
            distribution.set("dcat:mediaType", iri(IANA_MEDIA_TYPES + type));
        }
        if (format.fileType() != null) {
            distribution.set("dct:format", iri(EU + "file-type/" + format.fileType()));
        }
        licence.ifPresent(iri -> distribution.set("dct:license", iri(iri)));
        boolean periodic = !feed.periods().isEmpty();
        String suffix = CSV.equals(type) ? ".csv" : "";
        StringBuilder en = new StringBuilder();
        StringBuilder id = new StringBuilder();
        if (periodic) {
            en.append("The access URL lists the ended periods; each one is at <access URL>/<period>").append(suffix)
                    .append(" (a quarter such as 2026-Q3 or a month such as 2026-11).");
            id.append("Alamat akses mencantumkan periode yang sudah berakhir; setiap periode tersedia di <alamat akses>/<periode>")
                    .append(suffix).append(" (kuartal seperti 2026-Q3 atau bulan seperti 2026-11).");
        }
        if (CSV.equals(type)) {
            ObjectNode hxl = iri(HXL);
            hxl.put("@type", "dct:Standard");
            hxl.set("dct:title", text("Humanitarian Exchange Language (HXL)", "en"));
            distribution.set("dct:conformsTo", hxl);
            en.append(en.isEmpty() ? "" : " ").append("RFC 4180 CSV: a header row of column names, a second row of HXL "
                    + "hashtags, then the data; withheld counts are empty cells.");
            id.append(id.isEmpty() ? "" : " ").append("CSV RFC 4180: baris judul berisi nama kolom, baris kedua berisi "
                    + "tagar HXL, lalu data; jumlah yang disembunyikan berupa sel kosong.");
        }
        if (!en.isEmpty()) {
            distribution.set("dct:description", bilingual(en.toString(), Optional.of(id.toString())));
        }
        distribution.set("adms:status", iri(EU + "distribution-status/"
                + ("planned".equals(feed.status()) ? "DEVELOP" : "COMPLETED")));
        return distribution;
    }

    private static ObjectNode publisher(GatewayConfig.Dcat dcat, String catalogIri) {
        ObjectNode publisher = iri(dcat.publisher().uri().orElse(catalogIri + "#publisher"));
        publisher.put("@type", "foaf:Agent");
        publisher.set("foaf:name", JSON.createObjectNode().put("@value", dcat.publisher().name()));
        return publisher;
    }

    private static ObjectNode contactPoint(GatewayConfig.Dcat dcat, String catalogIri) {
        ObjectNode contact = iri(catalogIri + "#contact");
        contact.put("@type", "vcard:Organization");
        contact.set("vcard:fn", JSON.createObjectNode().put("@value", dcat.contact().name()));
        dcat.contact().url().ifPresent(url -> contact.set("vcard:hasURL", iri(url)));
        return contact;
    }

    /** The coalition's region as a dct:Location with its BPS code as skos:notation, and the country. */
    private static ArrayNode spatial(GatewayConfig.Dcat dcat, String catalogIri) {
        GatewayConfig.Dcat.Region region = dcat.region();
        ObjectNode location = iri(region.uri().orElse(catalogIri + "#region-" + region.code()));
        location.put("@type", "dct:Location");
        location.set("skos:notation", JSON.createObjectNode().put("@value", region.code()));
        location.set("skos:prefLabel", JSON.createObjectNode().put("@value", region.name()));
        return JSON.createArrayNode().add(location).add(iri(EU + "country/" + dcat.country()));
    }

    /**
     * From {@code data-since} (when set) to the last day of the last ended period of the feed's finest granularity:
     * every feed publishes ended periods only, so the newest published period is the last one that has ended.
     */
    static ObjectNode temporal(Granularity granularity, Optional<LocalDate> since, Instant now) {
        Period current = Period.containing(now, granularity);
        LocalDate end = current.start().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        ObjectNode period = JSON.createObjectNode();
        period.put("@type", "dct:PeriodOfTime");
        since.filter(start -> !start.isAfter(end))
                .ifPresent(start -> period.set("dcat:startDate", typed(start.toString(), "xsd:date")));
        period.set("dcat:endDate", typed(end.toString(), "xsd:date"));
        return period;
    }

    /** The finest granularity among the feed's periods ({@code month} before {@code quarter}); empty for live views. */
    static Optional<Granularity> finest(List<String> periods) {
        Optional<Granularity> finest = Optional.empty();
        for (String period : periods) {
            try {
                Granularity granularity = Granularity.valueOf(period.strip().toUpperCase(Locale.ROOT));
                if (finest.isEmpty() || granularity == Granularity.MONTH) {
                    finest = Optional.of(granularity);
                }
            } catch (IllegalArgumentException unknown) {
                // A granularity this gateway does not know adds no temporal coverage.
            }
        }
        return finest;
    }

    /**
     * The EU frequency table's code for an ISO 8601 update period: PT1H HOURLY, P1D DAILY, P1W WEEKLY, P1M MONTHLY,
     * P3M QUARTERLY, P1Y ANNUAL, ...; a period the table has no code for is UNKNOWN, an unreadable one none at all.
     */
    static Optional<String> frequency(String updatePeriod) {
        if (updatePeriod == null || updatePeriod.isBlank()) {
            return Optional.empty();
        }
        String text = updatePeriod.strip().toUpperCase(Locale.ROOT);
        try {
            if (text.contains("T")) {
                long minutes = Duration.parse(text).toMinutes();
                return Optional.of(switch ((int) Math.min(minutes, Integer.MAX_VALUE)) {
                    case 1 -> "1MIN";
                    case 5 -> "5MIN";
                    case 10 -> "10MIN";
                    case 15 -> "15MIN";
                    case 30 -> "30MIN";
                    case 60 -> "HOURLY";
                    case 120 -> "BIHOURLY";
                    case 180 -> "TRIHOURLY";
                    case 720 -> "12HRS";
                    case 1440 -> "DAILY";
                    default -> "UNKNOWN";
                });
            }
            java.time.Period period = java.time.Period.parse(text).normalized();
            long months = period.toTotalMonths();
            int days = period.getDays();
            if (months == 0) {
                return Optional.of(switch (days) {
                    case 1 -> "DAILY";
                    case 2 -> "DAILY_2";
                    case 7 -> "WEEKLY";
                    case 14 -> "BIWEEKLY";
                    default -> "UNKNOWN";
                });
            }
            if (days != 0) {
                return Optional.of("UNKNOWN");
            }
            return Optional.of(switch ((int) months) {
                case 1 -> "MONTHLY";
                case 2 -> "BIMONTHLY";
                case 3 -> "QUARTERLY";
                case 4 -> "ANNUAL_3";
                case 6 -> "ANNUAL_2";
                case 12 -> "ANNUAL";
                case 24 -> "BIENNIAL";
                case 36 -> "TRIENNIAL";
                default -> "UNKNOWN";
            });
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The licence's own canonical IRI: a Creative Commons licence id (SPDX spelling, CC-BY-4.0) is its
     * creativecommons.org address, CC0-1.0 the public domain dedication's, an IRI stays as it is, any other SPDX id
     * its spdx.org page.
     */
    static Optional<String> licenceIri(String licence) {
        if (licence == null || licence.isBlank()) {
            return Optional.empty();
        }
        String id = licence.strip();
        if (id.startsWith("http://") || id.startsWith("https://")) {
            return Optional.of(id);
        }
        Matcher cc = CREATIVE_COMMONS.matcher(id);
        if (cc.matches()) {
            return Optional.of("http://creativecommons.org/licenses/" + cc.group(1).toLowerCase(Locale.ROOT) + "/"
                    + cc.group(2) + "/");
        }
        if (id.equalsIgnoreCase("CC0-1.0")) {
            return Optional.of("http://creativecommons.org/publicdomain/zero/1.0/");
        }
        if (!id.matches("[A-Za-z0-9.+-]+")) {
            return Optional.empty();
        }
        return Optional.of("https://spdx.org/licenses/" + id + ".html");
    }

    private static ObjectNode context() {
        ObjectNode context = JSON.createObjectNode();
        context.put("dcat", DCAT);
        context.put("dct", DCT);
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("skos", "http://www.w3.org/2004/02/skos/core#");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("adms", "http://www.w3.org/ns/adms#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return context;
    }

    private static ArrayNode bilingual(String english, Optional<String> indonesian) {
        ArrayNode values = JSON.createArrayNode().add(text(english, "en"));
        indonesian.filter(text -> !text.isBlank()).ifPresent(text -> values.add(text(text, "id")));
        return values;
    }

    private static ObjectNode text(String value, String language) {
        return JSON.createObjectNode().put("@value", value).put("@language", language);
    }

    private static ObjectNode typed(String value, String type) {
        return JSON.createObjectNode().put("@value", value).put("@type", type);
    }

    private static ObjectNode iri(String iri) {
        return JSON.createObjectNode().put("@id", iri);
    }

    private static String absolute(String base, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    private static String stripSlash(String url) {
        String stripped = url.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
