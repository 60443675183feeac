package org.mitra.web.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/** Test-only echo of two flags, one boxed and one primitive, as a resource reads them. */
@Path("/test/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagsResource {

    @GET
    public Map<String, Object> flags(@QueryParam("boxed") Boolean boxed, @QueryParam("primitive") boolean primitive) {
        Map<String, Object> flags = new HashMap<>();
        flags.put("boxed", boxed == null ? "absent" : boxed);
        flags.put("primitive", primitive);
        return flags;
    }
}
