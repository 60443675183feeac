package org.mitra.web.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;

/** Test-only resource that is always at version 3. */
@Path("/test/versioned/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class VersionedResource {
    static final long VERSION = 3;

    public record View(UUID id, long version) {
    }

    @GET
    public Response read(@PathParam("id") UUID id) {
        return Response.ok(new View(id, VERSION)).tag(EntityTags.of(id, VERSION)).build();
    }

    @PUT
    public Response update(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        EntityTag current = EntityTags.of(id, VERSION);
        IfMatch.check(ifMatch, current);
        return Response.ok(new View(id, VERSION + 1)).tag(EntityTags.of(id, VERSION + 1)).build();
    }

    @PUT
    @Path("strict")
    public Response strictUpdate(@PathParam("id") UUID id, @HeaderParam(IfMatch.HEADER) String ifMatch) {
        IfMatch.require(ifMatch, EntityTags.of(id, VERSION));
        return Response.ok(new View(id, VERSION + 1)).tag(EntityTags.of(id, VERSION + 1)).build();
    }
}
