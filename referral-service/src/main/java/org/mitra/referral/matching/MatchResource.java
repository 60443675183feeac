package org.mitra.referral.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.mitra.referral.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.web.Roles;
import org.mitra.referral.referral.Gender;
import org.mitra.web.Caller;

@Path("/api/referrals/matches")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "matching", description = "Who could take a referral, from the directory read model")
public class MatchResource {
    @Inject
    Matching matching;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.ORG_ADMIN, Roles.PARTNER_APP, Roles.COALITION_ADMIN})
    @Operation(operationId = "findMatchingOrganizations",
            summary = "Verified organizations offering the category in the region or its parent region, "
            + "available capacity first, each with the reasons for its rank")
    @Extension(name = ApiDocs.REQUIRES_VERIFIED_ORGANIZATION, value = "true")
    public List<MatchView> find(
            @Parameter(example = "shelter-and-safe-housing") @QueryParam("category") @NotBlank String category,
            @Parameter(example = "5171") @QueryParam("region") @NotBlank
            @Pattern(regexp = "[0-9A-Z]{2}[0-9]{0,2}", message = "{org.mitra.referral.region}") String region,
            @Parameter(example = "16") @QueryParam("age") @Min(0) @Max(130) Integer age,
            @Parameter(example = "FEMALE") @QueryParam("gender") Gender gender,
            @Parameter(example = "id") @QueryParam("language") String language) {
        // An organization's staff match on its behalf (its own services left out), which needs it verified;
        // a coalition admin matches for the coalition.
        Optional<UUID> own = caller.hasRole(Roles.COALITION_ADMIN) && caller.staffOrganization().isEmpty()
                ? Optional.empty() : Optional.of(caller.verifiedStaffOrganization());
        return matching.find(category, region, age, gender, language, own);
    }
}
