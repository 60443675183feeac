package org.mitra.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code idempotency_keys} table, through plain JDBC on the service's datasource, so every
 * statement joins the caller's JTA transaction and the key commits (or rolls back) with the change.
 */
@ApplicationScoped
class IdempotencyRecords {
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };
    private static final String LOCATION = "Location";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    record Existing(String requestHash, Optional<StoredResponse> response) {
    }

    /**
     * Claims the key for this request, in one statement: a new key is inserted, an expired one is taken over (as if it
     * had been purged), a live one is left alone. A concurrent claim of the same key waits on the primary key until the
     * first transaction ends, then finds the key taken. (A retry of a live key locks its row until the retry's own
     * transaction ends, so retries of one key answer one after the other.)
     */
    boolean claim(IdempotencyScope scope, String requestHash, Duration retention) throws SQLException {
        return claim(scope, requestHash, retention, null);
    }

    /**
     * Claims the key as {@link #claim(IdempotencyScope, String, Duration)} does and, in the same statement, records the
     * answer the request is expected to give (null: none yet, {@link #complete} follows). No one else sees that answer
     * before this transaction commits: a concurrent claim waits for it, and a rollback takes it away with the key.
     */
    boolean claim(IdempotencyScope scope, String requestHash, Duration retention, StoredResponse expected)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = prepare(connection, """
                        INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, status, headers,
                            expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))
                        ON CONFLICT (caller, operation, idempotency_key) DO UPDATE
                        SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, content_type = NULL,
                            body = NULL, headers = EXCLUDED.headers, created_at = now(), expires_at = EXCLUDED.expires_at
                        WHERE idempotency_keys.expires_at < now()""", scope)) {
            upsert.setString(4, requestHash);
            if (expected == null) {
                upsert.setNull(5, Types.INTEGER);
            } else {
                upsert.setInt(5, expected.status());
            }
            upsert.setString(6, expected == null ? null : headers(expected));
            upsert.setLong(7, retention.toSeconds());
            return upsert.executeUpdate() == 1;
        }
    }

    /** Keeps the status and the Location of the first response: no body, no other header. */
    void complete(IdempotencyScope scope, StoredResponse response) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE idempotency_keys SET status = ?, content_type = NULL, body = NULL, headers = ?
                        WHERE caller = ? AND operation = ? AND idempotency_key = ?""")) {
            update.setInt(1, response.status());
            update.setString(2, headers(response));
            update.setString(3, scope.caller());
            update.setString(4, scope.operation());
            update.setString(5, scope.key());
            update.executeUpdate();
        }
    }

    /** The stored headers: the Location alone, or null. */
    private String headers(StoredResponse response) {
        try {
            return response.location() == null ? null
                    : json.writeValueAsString(Map.of(LOCATION, List.of(response.location().toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response's location", e);
        }
    }

    Optional<Existing> find(IdempotencyScope scope) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = prepare(connection, """
                        SELECT request_hash, status, content_type, body, headers FROM idempotency_keys
                        WHERE caller = ? AND operation = ? AND idempotency_key = ?""", scope);
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            int status = row.getInt("status");
            Optional<StoredResponse> response = row.wasNull() ? Optional.empty()
                    : Optional.of(new StoredResponse(status, location(row.getString("headers"))));
            return Optional.of(new Existing(row.getString("request_hash"), response));
        }
    }

    /** Removes expired keys; a service may call this from a scheduled job. Returns how many went. */
    int purgeExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_keys WHERE expires_at < now()")) {
            return delete.executeUpdate();
        }
    }

    private URI location(String stored) {
        try {
            List<String> location = stored == null ? null : json.readValue(stored, HEADERS).get(LOCATION);
            return location == null || location.isEmpty() ? null : URI.create(location.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response location is not readable", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, IdempotencyScope scope)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, scope.caller());
        statement.setString(2, scope.operation());
        statement.setString(3, scope.key());
        return statement;
    }
}
