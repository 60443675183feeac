package org.mitra.feeds;

import java.util.List;

/**
 * A feed as a catalog lists it (DCAT-like): what it is, where to pull it, in which formats, how
 * often it changes and under which licence.
 *
 * @param url          path of the feed's period list, relative to the platform's public address
 * @param periods      the granularities it can be pulled in ({@code quarter} by default, {@code month} at most)
 * @param updatePeriod ISO-8601 duration between updates of the current period's figures
 * @param access       the roles that may pull it
 */
public record FeedDescription(String id, String title, String description, String url, List<String> formats,
        List<String> periods, String updatePeriod, String licence, List<String> access) {
}
