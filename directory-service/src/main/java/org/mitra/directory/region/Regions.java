package org.mitra.directory.region;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/** Reads the region tree. */
@ApplicationScoped
public class Regions {

    public List<RegionView> all() {
        return Region.<Region>listAll(Sort.by("path")).stream().map(RegionView::of).toList();
    }

    /** The region and every region below it, in tree order; empty if the code is unknown. */
    public List<RegionView> within(String code) {
        return find(code)
                .map(root -> Region.<Region>list("path = ?1 or path like ?2", Sort.by("path"), root.path, root.path + ".%")
                        .stream().map(RegionView::of).toList())
                .orElse(List.of());
    }

    /** Adds a region under an existing one (coalition admins): a country holds provinces, a province regencies and cities. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Region add(RegionRequest request) {
        Region parent = find(request.parent())
                .orElseThrow(() -> InvalidRequestException.of("parent", MESSAGES.text("field.region-unknown")));
        if (!fitsUnder(request.level(), parent.level)) {
            throw InvalidRequestException.of("level", MESSAGES.text("field.region-level", request.level(), parent.level));
        }
        if (find(request.code()).isPresent()) {
            throw new ConflictException(MESSAGES.text("region.exists", request.code())).with("code", request.code());
        }
        Region region = new Region();
        region.code = request.code();
        region.name = request.name().strip();
        region.level = request.level();
        region.parentCode = parent.code;
        region.path = parent.path + "." + request.code();
        region.updatedAt = Instant.now();
        region.persist();
        return region;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Region rename(String code, String ifMatch, RegionNameRequest request) {
        Region region = find(code).orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.region"), code));
        IfMatch.require(ifMatch, EntityTags.of(region.code, region.version));
        region.name = request.name().strip();
        region.updatedAt = Instant.now();
        Region.getEntityManager().flush();
        return region;
    }

    static boolean fitsUnder(Region.Level level, Region.Level parent) {
        return switch (parent) {
            case COUNTRY -> level == Region.Level.PROVINCE;
            case PROVINCE -> level == Region.Level.REGENCY || level == Region.Level.CITY;
            case REGENCY, CITY -> false;
        };
    }

    public Optional<Region> find(String code) {
        return Region.findByIdOptional(code);
    }

    /**
     * A region code a caller gave in {@code parameter}: letters and digits, at most 16 (the longest code there is), or
     * a 400 that does not repeat it. So a query parameter names an unknown region (404) only when it could be one.
     */
    public static String code(String parameter, String value) {
        if (value.length() > 16 || !value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw InvalidRequestException.of(parameter, MESSAGES.text("field.region-code"));
        }
        return value;
    }
}
