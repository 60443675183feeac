package org.mitra.directory.hsds;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.mitra.web.paging.PageRequest;
import org.mitra.web.problem.FieldMessage;

/** The page and format query parameters every HSDS list takes (a {@code @BeanParam}). */
public class HsdsPaging {
    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;

    @QueryParam("page")
    @Parameter(description = "1-based page number")
    String page;

    @QueryParam("per_page")
    @Parameter(description = "Items a page, 1 to 100 (20 by default)")
    String perPage;

    @Parameter(description = "json (default) or ndjson")
    @QueryParam("format")
    String format;

    /** The checked page, size and format; bad values are added to {@code violations}. */
    Checked check(List<FieldMessage> violations) {
        int size = HsdsParams.number(violations, "per_page", perPage, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        int number = HsdsParams.number(violations, "page", page, 1, 1, PageRequest.MAX_OFFSET / size + 1);
        boolean ndjson = "ndjson".equals(format);
        if (format != null && !format.isBlank() && !"json".equals(format) && !ndjson) {
            violations.add(new FieldMessage("format", MESSAGES.text("field.format")));
        }
        return new Checked(number, size, ndjson);
    }

    record Checked(int page, int perPage, boolean ndjson) {
    }
}
