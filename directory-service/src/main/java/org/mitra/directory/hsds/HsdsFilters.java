package org.mitra.directory.hsds;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.mitra.web.problem.FieldMessage;

/** The filters of the HSDS service lists, combined with AND (a {@code @BeanParam}). */
public class HsdsFilters {
    @QueryParam("search")
    @Parameter(description = "Free text, at most 200 characters")
    String search;

    @QueryParam("taxonomy_term_id")
    @Parameter(description = "UUID of a taxonomy term")
    String taxonomyTermId;

    @QueryParam("taxonomy_id")
    @Parameter(description = "UUID of a taxonomy")
    String taxonomyId;

    @QueryParam("organization_id")
    @Parameter(description = "UUID of an organization")
    String organizationId;

    @Parameter(description = "ISO-8601 date or date-time")
    @QueryParam("modified_after")
    String modifiedAfter;

    /** The checked filters, with {@code postcode} for the lists that take one; bad values go to {@code violations}. */
    HsdsExport.Filters check(List<FieldMessage> violations, String postcode) {
        String text = HsdsParams.search(violations, search);
        if (postcode != null && postcode.strip().length() > 16) {
            violations.add(new FieldMessage("postcode", MESSAGES.text("field.at-most-characters", 16)));
        }
        return new HsdsExport.Filters(text, HsdsParams.uuid(violations, "taxonomy_term_id", taxonomyTermId),
                HsdsParams.uuid(violations, "taxonomy_id", taxonomyId),
                HsdsParams.uuid(violations, "organization_id", organizationId),
                HsdsParams.instant(violations, modifiedAfter), HsdsParams.blankToNull(postcode));
    }
}
