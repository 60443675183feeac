package org.mitra.web.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unexpected database error is logged so it can be fixed, but never with the values PostgreSQL quotes in its error
 * detail (a unique violation names the key's value: an e-mail, a name): every service's JDBC connections leave the
 * server's detail out of exception messages.
 */
@QuarkusTest
class DatabaseErrorLogTest {
    private static final String CANARY = "canary-" + System.nanoTime() + "@example.org";

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                line.append(" | ").append(cause);
            }
            synchronized (logged) {
                logged.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aUniqueViolationIsLoggedWithoutTheValueItQuotes() {
        given().queryParam("email", CANARY).post("/test/failures/duplicate-person").then().statusCode(500);
        List<String> lines;
        synchronized (logged) {
            lines = List.copyOf(logged);
        }
        assertThat(lines).as("the error is logged").anySatisfy(line -> assertThat(line).contains("duplicate key"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(CANARY));
    }
}
