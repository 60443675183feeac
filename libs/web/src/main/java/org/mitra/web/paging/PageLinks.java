package org.mitra.web.paging;

import java.util.LinkedHashMap;
import java.util.Map;

/** The pages a client can go to from this one, by RFC 8288 relation: first, prev, next, last. */
public final class PageLinks {
    private PageLinks() {
    }

    public static Map<String, Long> of(long page, long totalPages) {
        long last = Math.max(totalPages - 1, 0);
        Map<String, Long> links = new LinkedHashMap<>();
        links.put("first", 0L);
        if (page > 0) {
            // From beyond the end, "prev" leads back to the last page that has items.
            links.put("prev", Math.min(page - 1, last));
        }
        if (page < last) {
            links.put("next", page + 1);
        }
        links.put("last", last);
        return links;
    }
}
