package org.mitra.referral.overdue;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.web.Roles;
import org.mitra.referral.followup.ContactAttempts;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralView;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

@Path("/api/referrals/overdue")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "overdue", description = "Referrals nobody answered in time, for the coalition to escalate")
public class OverdueResource {
    @Inject
    Deadlines deadlines;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.COALITION_ADMIN)
    @Operation(operationId = "listOverdueReferrals",
            summary = "Referrals still REQUESTED past their deadline or, sent open, escalated unclaimed, oldest deadline "
            + "first, then those whose follow-up "
            + "was due before today and is not done, oldest first (metadata only)")
    public Page<ReferralView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        PanacheQuery<Referral> query = Referral.find("(status = :requested and (overdueAt is not null or escalatedAt is not null)) or (followUpDueOn < :today "
                + "and followUpDoneOn is null and consentWithdrawnAt is null and status in :followedUp)", Sort.ascending("deadline")
                .and("followUpDueOn").and("id"), Parameters.with("requested", ReferralStatus.REQUESTED)
                .and("today", LocalDate.now(clock.withZone(deadlines.zone()))).and("followedUp", ContactAttempts.FOLLOWED_UP));
        return Page.of(query.page(request.page(), request.size()).list().stream().map(ReferralView::metadata).toList(),
                request, query.count());
    }
}
