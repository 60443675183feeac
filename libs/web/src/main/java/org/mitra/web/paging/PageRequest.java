package org.mitra.web.paging;

import java.util.ArrayList;
import java.util.List;
import org.mitra.web.problem.FieldViolation;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Which slice of a list the client asked for: {@code page} counts from 0, {@code size} is 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}), and a page starts at most {@value #MAX_OFFSET} rows in.
 * Anything else is a 400 naming the parameter.
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Rows a page may start after: deeper lists are for filters or exports, not for OFFSET (and page × size fits an int). */
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        List<FieldViolation> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldViolation("page", "must be 0 or more (pages count from 0)"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (errors.isEmpty() && (long) page * size > MAX_OFFSET) {
            errors.add(new FieldViolation("page", "must be at most " + MAX_OFFSET / size + " with size " + size
                    + " (at most " + MAX_OFFSET + " rows are skipped; narrow the list with its filters)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** From the query parameters {@code page} and {@code size}, either of which may be absent. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** Rows to skip, for SQL {@code OFFSET} or {@code PanacheQuery.page(page, size)}. */
    public long offset() {
        return (long) page * size;
    }
}
