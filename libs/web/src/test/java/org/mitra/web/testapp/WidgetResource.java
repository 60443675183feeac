package org.mitra.web.testapp;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.mitra.web.idempotency.Idempotency;

/** Test-only create operation with a visible effect (a row), guarded by an Idempotency-Key. */
@Path("/test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {
    @Inject
    Idempotency idempotency;

    @Inject
    DataSource dataSource;

    public record CreateWidget(@NotBlank String name, long workMillis) {
    }

    public record Widget(UUID id, String name) {
    }

    @POST
    @Transactional
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid CreateWidget request) {
        return idempotency.execute(key, "widgets.create", request, () -> {
            Widget widget = insert(request);
            return Response.created(URI.create("/test/widgets/" + widget.id())).entity(widget).build();
        }, location -> Response.ok(read(UUID.fromString(location.getPath().substring("/test/widgets/".length())))).build());
    }

    /**
     * The same create through {@link Idempotency#executeCreate}: the widget's id is made before it runs, so the key's
     * claim records the answer at once. With {@code answer=200} the create answers 200 elsewhere instead, which the
     * record must then say.
     */
    @POST
    @Path("known-location")
    @Transactional
    public Response createAtKnownLocation(@HeaderParam(Idempotency.HEADER) String key,
            @QueryParam("answer") Integer answer, @Valid CreateWidget request) {
        UUID id = UUID.randomUUID();
        return idempotency.executeCreate(key, "widgets.create-known", request, URI.create("/test/widgets/" + id), () -> {
            Widget widget = insert(id, request);
            if (answer != null && answer == 200) {
                return Response.ok(widget).location(URI.create("/test/widgets/" + id + "?elsewhere")).build();
            }
            return Response.created(URI.create("/test/widgets/" + widget.id())).entity(widget).build();
        }, location -> Response.ok(read(UUID.fromString(location.getPath().substring("/test/widgets/".length())))).build());
    }

    private Widget read(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT name FROM test_widgets WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Widget(id, row.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("count")
    @Produces(MediaType.TEXT_PLAIN)
    public long count(@QueryParam("name") String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM test_widgets WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Widget insert(CreateWidget request) {
        return insert(UUID.randomUUID(), request);
    }

    private Widget insert(UUID id, CreateWidget request) {
        Widget widget = new Widget(id, request.name());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO test_widgets (id, name) VALUES (?, ?)")) {
            insert.setObject(1, widget.id());
            insert.setString(2, widget.name());
            insert.executeUpdate();
            // Keeps the transaction open long enough for a concurrent duplicate to arrive meanwhile.
            Thread.sleep(request.workMillis());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return widget;
    }
}
