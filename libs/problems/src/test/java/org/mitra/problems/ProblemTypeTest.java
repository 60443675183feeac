package org.mitra.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void typesAreRelativePathsOnTheDeploymentsOwnHost() {
        assertThat(ProblemType.NOT_FOUND.uri()).isEqualTo(URI.create("/problems/not-found"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.uri().isAbsolute()).as(type.name()).isFalse();
            assertThat(type.uri().getPath()).isEqualTo("/problems/" + type.slug());
            assertThat(URI.create("https://gateway.example/api/referrals/42").resolve(type.uri()))
                    .isEqualTo(URI.create("https://gateway.example/problems/" + type.slug()));
        }
    }

    @Test
    void slugsAreUniqueLowerCaseWordsAndFoundAgain() {
        Map<String, ProblemType> bySlug = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::slug, Function.identity()));
        assertThat(bySlug).hasSize(ProblemType.values().length);
        bySlug.forEach((slug, type) -> {
            assertThat(slug).matches("[a-z]+(-[a-z]+)*");
            assertThat(ProblemType.forSlug(slug)).contains(type);
        });
        assertThat(ProblemType.forSlug("nothing")).isEmpty();
        assertThat(ProblemType.forSlug(null)).isEmpty();
    }

    @Test
    void everyTypeIsAnErrorWithATitleAndADescription() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.status()).as(type.name()).isBetween(400, 599);
            assertThat(type.title()).as(type.name()).isNotBlank().doesNotEndWith(".");
            assertThat(type.description()).as(type.name()).isNotBlank().endsWith(".");
        }
    }

    @Test
    void theGenericTypeOfAStatusHasThatStatus() {
        for (int status = 400; status < 600; status++) {
            int expected = status;
            ProblemType.forStatus(status).ifPresent(type -> assertThat(type.status()).isEqualTo(expected));
        }
        assertThat(ProblemType.forStatus(400)).contains(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(409)).contains(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(418)).isEmpty();
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::status).distinct())
                .allSatisfy(status -> assertThat(ProblemType.forStatus(status)).isPresent());
    }

    @Test
    void theServiceUnavailableTitleIsTheOneWording() {
        assertThat(ProblemType.SERVICE_UNAVAILABLE.title()).isEqualTo("Service unavailable");
    }
}
