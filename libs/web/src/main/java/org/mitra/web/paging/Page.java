package org.mitra.web.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every Mitra list endpoint returns it. A resource returning a {@code Page}
 * also gets {@code Link} (first, prev, next, last) and {@code X-Total-Count} headers.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages(totalItems, request.size()));
    }

    public static long totalPages(long totalItems, int size) {
        return (totalItems + size - 1) / size;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
