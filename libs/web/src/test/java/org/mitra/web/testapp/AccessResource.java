package org.mitra.web.testapp;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operations open to two roles, to any signed-in caller and to anyone, as the OpenAPI document describes them. */
@Path("/test/access")
public class AccessResource {
    @GET
    @Path("two-roles")
    @RolesAllowed({"org-admin", "caseworker"})
    @Operation(operationId = "readWithTwoRoles", summary = "Staff only", description = "Reads what staff may read.")
    public String twoRoles() {
        return "staff";
    }

    @GET
    @Path("signed-in")
    @Authenticated
    @Operation(operationId = "readSignedIn", summary = "Any signed-in caller")
    public String signedIn() {
        return "signed-in";
    }

    @GET
    @Path("public")
    @Operation(operationId = "readPublic", summary = "Anyone")
    public String open() {
        return "public";
    }
}
