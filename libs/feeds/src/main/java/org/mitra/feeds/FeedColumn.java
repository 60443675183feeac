package org.mitra.feeds;

/**
 * A column of a feed table: its name, its HXL hashtag (so humanitarian tools can read it) and what
 * it holds.
 */
public record FeedColumn(String name, String hxl, String description) {
}
