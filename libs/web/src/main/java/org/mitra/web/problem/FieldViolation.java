package org.mitra.web.problem;

/**
 * One bad field of a request: its path relative to the body or the parameter ({@code name},
 * {@code capacity.available}, {@code languages[1]}) and what is wrong, never the rejected value.
 */
public record FieldViolation(String field, String message) {
}
