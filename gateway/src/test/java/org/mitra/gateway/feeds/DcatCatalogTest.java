package org.mitra.gateway.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mitra.feeds.Period.Granularity;

/** The vocabulary mappings of the DCAT view: update periods, licences, granularities and temporal coverage. */
class DcatCatalogTest {

    @Test
    void updatePeriodsMapToTheEuFrequencyTable() {
        assertThat(DcatCatalog.frequency("PT1H")).contains("HOURLY");
        assertThat(DcatCatalog.frequency("PT60M")).contains("HOURLY");
        assertThat(DcatCatalog.frequency("P1D")).contains("DAILY");
        assertThat(DcatCatalog.frequency("PT24H")).contains("DAILY");
        assertThat(DcatCatalog.frequency("P1W")).contains("WEEKLY");
        assertThat(DcatCatalog.frequency("P7D")).contains("WEEKLY");
        assertThat(DcatCatalog.frequency("P1M")).contains("MONTHLY");
        assertThat(DcatCatalog.frequency("P3M")).contains("QUARTERLY");
        assertThat(DcatCatalog.frequency("P6M")).contains("ANNUAL_2");
        assertThat(DcatCatalog.frequency("P1Y")).contains("ANNUAL");
        assertThat(DcatCatalog.frequency("P12M")).contains("ANNUAL");
        assertThat(DcatCatalog.frequency("PT7M")).contains("UNKNOWN");
        assertThat(DcatCatalog.frequency("P1M3D")).contains("UNKNOWN");
        assertThat(DcatCatalog.frequency("daily")).isEmpty();
        assertThat(DcatCatalog.frequency(null)).isEmpty();
    }

    @Test
    void licencesResolveToTheirCanonicalIris() {
        assertThat(DcatCatalog.licenceIri("CC-BY-4.0")).contains("http://creativecommons.org/licenses/by/4.0/");
        assertThat(DcatCatalog.licenceIri("CC-BY-SA-4.0")).contains("http://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(DcatCatalog.licenceIri("CC-BY-NC-ND-4.0")).contains("http://creativecommons.org/licenses/by-nc-nd/4.0/");
        assertThat(DcatCatalog.licenceIri("CC0-1.0")).contains("http://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(DcatCatalog.licenceIri("ODbL-1.0")).contains("https://spdx.org/licenses/ODbL-1.0.html");
        assertThat(DcatCatalog.licenceIri("https://example.org/licence")).contains("https://example.org/licence");
        assertThat(DcatCatalog.licenceIri("not a licence")).isEmpty();
        assertThat(DcatCatalog.licenceIri(null)).isEmpty();
    }

    @Test
    void theFinestGranularityDecidesTheCoverage() {
        assertThat(DcatCatalog.finest(List.of("quarter", "month"))).contains(Granularity.MONTH);
        assertThat(DcatCatalog.finest(List.of("quarter"))).contains(Granularity.QUARTER);
        assertThat(DcatCatalog.finest(List.of("decade"))).isEmpty();
        assertThat(DcatCatalog.finest(List.of())).isEmpty();

        Instant now = Instant.parse("2026-12-03T13:00:00Z");
        var monthly = DcatCatalog.temporal(Granularity.MONTH, Optional.of(LocalDate.parse("2026-01-01")), now);
        assertThat(monthly.get("dcat:startDate").get("@value").asText()).isEqualTo("2026-01-01");
        assertThat(monthly.get("dcat:endDate").get("@value").asText()).isEqualTo("2026-11-30");
        var quarterly = DcatCatalog.temporal(Granularity.QUARTER, Optional.empty(), now);
        assertThat(quarterly.has("dcat:startDate")).isFalse();
        assertThat(quarterly.get("dcat:endDate").get("@value").asText()).isEqualTo("2026-09-30");
        // Data since a day after the last ended period: no start is claimed before an end.
        var early = DcatCatalog.temporal(Granularity.QUARTER, Optional.of(LocalDate.parse("2026-11-01")), now);
        assertThat(early.has("dcat:startDate")).isFalse();
    }
}
