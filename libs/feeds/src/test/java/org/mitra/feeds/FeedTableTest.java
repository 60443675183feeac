package org.mitra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTableTest {
    @Test
    void csvHasNamesThenHxlHashtagsThenRowsWithSuppressedCellsEmpty() {
        FeedTable table = new FeedTable("Coverage", "2026-Q4", Instant.EPOCH, Instant.EPOCH, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("region", "#adm2+code", "Region code"),
                        new FeedColumn("category", "#sector+code", "Category"),
                        new FeedColumn("requested", "#affected+referred", "Referrals requested")),
                List.of(Arrays.asList("5103", "legal-aid, \"urgent\"", 15L), Arrays.asList("5171", "medical-care", null)));
        String[] lines = table.csv().split("\r\n");
        assertThat(lines).containsExactly(
                "region,category,requested",
                "#adm2+code,#sector+code,#affected+referred",
                "5103,\"legal-aid, \"\"urgent\"\"\",15",
                "5171,medical-care,");
        assertThat(table.records().get(1)).containsEntry("requested", null).containsEntry("region", "5171");
    }

    @Test
    void noCellCanStartAFormulaInASpreadsheet() {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                "\tTAB", "\rCR", "\uFF1D1+1", "safe = text");
        FeedTable table = new FeedTable("Reach", "2026-Q4", Instant.EPOCH, Instant.EPOCH, 11, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("title", "#activity+name", "Campaign title"),
                        new FeedColumn("pledges", "#reached", "Pledges")),
                hostile.stream().map(text -> Arrays.<Object>asList(text, 15L)).toList());
        String[] lines = table.csv().split("\r\n", -1);
        assertThat(lines).containsSubsequence(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",15",
                "\"'+1+cmd|' /C calc'!A0\",15",
                "\"'-2+3\",15",
                "\"'@SUM(A1)\",15",
                "\"'\tTAB\",15");
        assertThat(table.csv()).contains("\"'\rCR\",15").contains("\"'\uFF1D1+1\",15").contains("\r\nsafe = text,15\r\n");
        for (String line : table.csv().split("\r\n")) {
            String first = line.startsWith("\"") ? line.substring(1) : line;
            assertThat(first).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
        assertThat(table.records().get(0)).as("JSON keeps the text as it is").containsEntry("title", hostile.get(0));
    }

    @Test
    void numbersAreWrittenAsNumbers() {
        FeedTable table = table(Instant.EPOCH, 11, 15L);
        assertThat(table.csv()).endsWith("5103,15\r\n");
    }

    @Test
    void theContentHashFollowsTheFiguresAndThePolicyNotTheTimeOfGeneration() {
        FeedTable table = table(Instant.EPOCH, 11, 15L);
        assertThat(table(Instant.parse("2026-11-24T10:00:00Z"), 11, 15L).contentHash()).isEqualTo(table.contentHash());
        assertThat(table(Instant.EPOCH, 11, 20L).contentHash()).isNotEqualTo(table.contentHash());
        assertThat(table(Instant.EPOCH, 15, 15L).contentHash()).as("a new threshold is a new publication")
                .isNotEqualTo(table.contentHash());
    }

    private static FeedTable table(Instant generatedAt, int threshold, Long requested) {
        return new FeedTable("Coverage", "2026-Q4", generatedAt, generatedAt, threshold, 5, FeedTable.LICENCE,
                List.of(new FeedColumn("region", "#adm2+code", "Region code"),
                        new FeedColumn("requested", "#affected+referred", "Referrals requested")),
                List.of(Arrays.asList("5103", requested)));
    }
}
