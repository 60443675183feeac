package org.mitra.web.problem;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.restassured.response.ValidatableResponse;
import org.mitra.problems.ProblemType;

/** What every problem response must look like, whatever went wrong. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static ValidatableResponse isProblem(ValidatableResponse response, ProblemType type) {
        return isProblem(response, type.status(), type.uri().toString(), type.title());
    }

    public static ValidatableResponse isProblem(ValidatableResponse response, int status, String type, String title) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("type", equalTo(type))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("requestId", not(emptyOrNullString()))
                .body("$", not(hasKey("extensions")));
    }
}
