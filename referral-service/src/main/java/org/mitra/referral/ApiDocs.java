package org.mitra.referral;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the 403 {@code organization-not-verified} of every operation marked with the extension
 * {@value #REQUIRES_VERIFIED_ORGANIZATION} (issue 12 item 4): the operations an organization's staff or
 * partner system calls. The extension stays in the document, so clients can read which operations need it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocs implements OASFilter {
    public static final String REQUIRES_VERIFIED_ORGANIZATION = "x-requires-verified-organization";

    static final String STAFF_FORBIDDEN = "Forbidden: the caller's role may not do this, or (problem type "
            + "organization-not-verified, with organizationId and organizationStatus PENDING, SUSPENDED or UNKNOWN) the "
            + "caller's organization is not VERIFIED in the directory: the staff and partner systems of a pending or "
            + "suspended organization cannot act on, list or read referrals; a suspension applies within seconds of the "
            + "directory's event";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(REQUIRES_VERIFIED_ORGANIZATION)) {
            return operation;
        }
        APIResponses responses = operation.getResponses() != null ? operation.getResponses() : OASFactory.createAPIResponses();
        APIResponse forbidden = responses.getAPIResponse("403");
        if (forbidden == null) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description(STAFF_FORBIDDEN));
        } else {
            forbidden.setDescription(STAFF_FORBIDDEN);
        }
        operation.setResponses(responses);
        return operation;
    }
}
