package org.mitra.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mitra.web.problem.InvalidRequestException;

class PageArithmeticTest {

    @Test
    void countsPagesRoundingUp() {
        assertThat(Page.totalPages(0, 20)).isZero();
        assertThat(Page.totalPages(1, 20)).isEqualTo(1);
        assertThat(Page.totalPages(20, 20)).isEqualTo(1);
        assertThat(Page.totalPages(21, 20)).isEqualTo(2);
    }

    @Test
    void offsetIsPageTimesSizeAndNeverDeeperThanAMillionRows() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(60);
        assertThat(new PageRequest(10_000, 100).offset()).isEqualTo(PageRequest.MAX_OFFSET);
        assertThatThrownBy(() -> new PageRequest(10_001, 100)).isInstanceOf(InvalidRequestException.class);
        // A page number whose offset would overflow an int (Panache computes page × size as one) is a 400, not a 500.
        assertThatThrownBy(() -> PageRequest.of(1_031_848_841, 20)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void defaultsApplyToAbsentParameters() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void sizeMustBeOneToAHundred() {
        assertThat(new PageRequest(0, 1).size()).isEqualTo(1);
        assertThat(new PageRequest(0, 100).size()).isEqualTo(100);
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void firstPageLinksOnlyForwardAndToTheEnds() {
        assertThat(PageLinks.of(0, 3)).containsExactly(entry("first", 0L), entry("next", 1L), entry("last", 2L));
    }

    @Test
    void lastPageLinksOnlyBackward() {
        assertThat(PageLinks.of(2, 3)).containsExactly(entry("first", 0L), entry("prev", 1L), entry("last", 2L));
    }

    @Test
    void anEmptyListHasOnePageToLinkTo() {
        assertThat(PageLinks.of(0, 0)).containsExactly(entry("first", 0L), entry("last", 0L));
    }

    @Test
    void beyondTheEndPrevLeadsBackToTheLastPage() {
        assertThat(PageLinks.of(9, 3)).containsEntry("prev", 2L).doesNotContainKey("next");
    }

    @Test
    void mappingKeepsTheCounts() {
        Page<String> page = Page.of(List.of(1, 2), new PageRequest(1, 2), 5).map(String::valueOf);
        assertThat(page).isEqualTo(new Page<>(List.of("1", "2"), 1, 2, 5, 3));
    }
}
