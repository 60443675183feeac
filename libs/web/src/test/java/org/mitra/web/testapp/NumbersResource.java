package org.mitra.web.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.LongStream;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

/** Test-only list of the numbers 0 to {@code total - 1}, paged the Mitra way. */
@Path("/test/numbers")
@Produces(MediaType.APPLICATION_JSON)
public class NumbersResource {

    @GET
    public Page<Long> list(@QueryParam("total") long total, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Long> items = LongStream.range(request.offset(), Math.min(request.offset() + request.size(), total))
                .boxed().toList();
        return Page.of(items, request, total);
    }
}
