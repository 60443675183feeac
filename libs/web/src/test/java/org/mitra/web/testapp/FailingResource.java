package org.mitra.web.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidTransitionException;
import org.mitra.web.problem.PreconditionFailedException;
import org.mitra.web.problem.ResourceNotFoundException;
import org.mitra.web.problem.UnprocessableException;

/** Test-only endpoints that fail in each way a Mitra service can. */
@Path("/test/failures")
@Produces(MediaType.APPLICATION_JSON)
public class FailingResource {
    public static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-00000000000f");

    public enum Kind { SHELTER, LEGAL_AID }

    @Inject
    TransactionManager transactions;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    public record Capacity(@NotNull @Min(0) Integer available, @Min(1) int total) {
    }

    public record WidgetRequest(@NotBlank String name, @NotNull @Valid Capacity capacity, @NotNull Kind kind,
            List<@NotBlank String> languages) {
    }

    public record Echo(String name, Kind kind) {
    }

    @GET
    @Path("not-found")
    public String notFound() {
        throw ResourceNotFoundException.of("Organization", MISSING);
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw new ConflictException("An organization with this registration number exists")
                .with("existingId", MISSING.toString());
    }

    @GET
    @Path("forbidden")
    public String forbidden() {
        throw new AccessDeniedException("Only the receiving organization may accept this referral");
    }

    @GET
    @Path("invalid-transition")
    public String invalidTransition() {
        throw new InvalidTransitionException("accept", "CLOSED", List.of("reopen"));
    }

    @GET
    @Path("precondition-failed")
    public String preconditionFailed() {
        throw new PreconditionFailedException("The referral has changed since you read it");
    }

    @GET
    @Path("unprocessable")
    public String unprocessable() {
        throw new UnprocessableException("The campaign has ended and takes no more pledges");
    }

    @GET
    @Path("database-down")
    public String databaseDown() {
        throw new IllegalStateException("JDBC commit failed for patient Siti",
                new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
    }

    /**
     * A transaction whose commit fails because the database went away between the last statement and the commit: the
     * connection pool's resource fails its commit, and the transaction manager reports that as a
     * {@code RollbackException} carrying the resource's failure as a suppressed exception, not as its cause.
     */
    @GET
    @Path("database-lost-at-commit")
    @Transactional
    public String databaseLostAtCommit() throws Exception {
        transactions.getTransaction().enlistResource(new ConnectionLostAtCommit());
        return "committed";
    }

    /** A transaction whose commit fails because another request changed the same row first. */
    @GET
    @Path("concurrent-change-at-commit")
    @Transactional
    public String concurrentChangeAtCommit() throws Exception {
        failAtCommit(new OptimisticLockException());
        return "committed";
    }

    /** A one-resource transaction whose resource loses its connection when told to commit. */
    private static final class ConnectionLostAtCommit implements XAResource {
        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            XAException failure = new XAException("Error trying to commit the local transaction of Siti");
            failure.errorCode = XAException.XA_RBCOMMFAIL;
            failure.initCause(new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
            throw failure;
        }

        @Override
        public void end(Xid xid, int flags) {
        }

        @Override
        public void forget(Xid xid) {
        }

        @Override
        public int getTransactionTimeout() {
            return 0;
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int prepare(Xid xid) {
            return XA_OK;
        }

        @Override
        public Xid[] recover(int flag) {
            return new Xid[0];
        }

        @Override
        public void rollback(Xid xid) {
        }

        @Override
        public boolean setTransactionTimeout(int seconds) {
            return false;
        }

        @Override
        public void start(Xid xid, int flags) {
        }
    }

    private void failAtCommit(RuntimeException failure) throws Exception {
        transactions.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                throw failure;
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** What JPA throws at commit when another request changed the same row (matched by name, as libs/web has no JPA). */
    public static final class OptimisticLockException extends RuntimeException {
        OptimisticLockException() {
            super("Row was updated or deleted by another transaction");
        }
    }

    @GET
    @Path("concurrent-change")
    public String concurrentChange() {
        throw new IllegalStateException("commit failed", new OptimisticLockException());
    }

    @GET
    @Path("deadlock")
    public String deadlock() {
        throw new IllegalStateException("could not execute statement",
                new java.sql.SQLException("deadlock detected", "40P01"));
    }

    @GET
    @Path("echo/{value}")
    public String echo(@jakarta.ws.rs.PathParam("value") String value, @QueryParam("q") String q) {
        return "{}";
    }

    @GET
    @Path("bug")
    public String bug() {
        throw new IllegalStateException("Survivor Siti Rahayu, +62 812 555 0199, at shelter 7");
    }

    /** Adds the same person twice: PostgreSQL refuses the second with a unique violation about the e-mail. */
    @POST
    @Path("duplicate-person")
    public String duplicatePerson(@QueryParam("email") String email) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO test_people (email) VALUES (?)")) {
            insert.setString(1, email);
            insert.executeUpdate();
            insert.executeUpdate();
        }
        return "never";
    }

    @POST
    @Path("widgets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Echo validated(@Valid @NotNull WidgetRequest request) {
        return new Echo(request.name(), request.kind());
    }

    @GET
    @Path("ranged")
    public String ranged(@QueryParam("limit") @Min(1) @Max(10) Integer limit) {
        return "ok";
    }

    @GET
    @Path("admin-only")
    @RolesAllowed("coalition-admin")
    public String adminOnly() {
        return "secret";
    }

    @GET
    @Path("request-id")
    @Produces(MediaType.TEXT_PLAIN)
    public String requestIdInLogContext() {
        Object requestId = MDC.get("requestId");
        return requestId == null ? "" : requestId.toString();
    }
}
