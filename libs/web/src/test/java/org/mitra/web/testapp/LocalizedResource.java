package org.mitra.web.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.mitra.problems.ProblemMessages;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.ResourceNotFoundException;
import org.mitra.web.validation.PublicWebAddress;

/** Problems with keyed details (TestMessages.properties and _id), and one still in English only. */
@Path("/test/localized")
public class LocalizedResource {
    public static final UUID MISSING = UUID.fromString("0b7e7a52-59c1-4a0f-b6a4-3c1d6b6f1e01");
    static final ProblemMessages MESSAGES = ProblemMessages.of(LocalizedResource.class);

    public record Site(@NotNull @PublicWebAddress String website) {
    }

    public record Coded(@NotNull @Pattern(regexp = "[a-z]+", message = "must be lower-case letters") String code) {
    }

    @GET
    @Path("not-found")
    public String notFound() {
        throw ResourceNotFoundException.of(MESSAGES.text("organization"), MISSING);
    }

    @GET
    @Path("closed")
    public String closed() {
        throw new ConflictException(MESSAGES.text("campaign.closed", MISSING, "ENDED"));
    }

    @GET
    @Path("english-only")
    public String englishOnly() {
        throw new ConflictException("Campaign " + MISSING + " is ENDED and takes no pledges");
    }

    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_JSON)
    public String site(@Valid @NotNull Site site) {
        return "ok";
    }

    @POST
    @Path("codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public String code(@Valid @NotNull Coded coded) {
        return "ok";
    }
}
