package org.mitra.directory.taxonomy;

import static org.mitra.directory.DirectoryMessages.MESSAGES;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mitra.events.Slice;
import org.mitra.web.etag.EntityTags;
import org.mitra.web.etag.IfMatch;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ResourceNotFoundException;

/** Reads the coalition's taxonomy: the four slices and the categories within each. */
@ApplicationScoped
public class Taxonomy {

    public List<TermView> slicesWithCategories() {
        // Pie order (advocacy, prevention, intervention, rehabilitation), not alphabetical.
        List<TaxonomyTerm> terms = TaxonomyTerm.<TaxonomyTerm>listAll(Sort.by("code")).stream()
                .sorted(Comparator.comparing(term -> term.slice))
                .toList();
        Map<UUID, List<TaxonomyTerm>> categoriesByParent = terms.stream()
                .filter(term -> !term.isSlice())
                .collect(Collectors.groupingBy(term -> term.parentId));
        return terms.stream()
                .filter(TaxonomyTerm::isSlice)
                .map(slice -> TermView.of(slice, null, categoriesByParent.getOrDefault(slice.id, List.of()).stream()
                        .map(category -> TermView.of(category, slice.code, List.of()))
                        .toList()))
                .toList();
    }

    public Optional<TermView> term(String code) {
        Optional<TaxonomyTerm> found = TaxonomyTerm.find("code", code).firstResultOptional();
        return found.map(term -> {
            if (term.isSlice()) {
                return slicesWithCategories().stream().filter(view -> view.code().equals(code)).findFirst().orElseThrow();
            }
            TaxonomyTerm parent = TaxonomyTerm.findById(term.parentId);
            return TermView.of(term, parent.code, List.of());
        });
    }

    /** Adds a category under one of the four slices (coalition admins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaxonomyTerm addCategory(CategoryRequest request) {
        Slice slice = Slice.fromCode(request.slice());
        if (slice == null) {
            throw InvalidRequestException.of("slice", MESSAGES.text("field.slice"));
        }
        if (TaxonomyTerm.count("code", request.code()) > 0) {
            throw new ConflictException(MESSAGES.text("taxonomy.term-exists", request.code())).with("code", request.code());
        }
        TaxonomyTerm parent = TaxonomyTerm.find("code", slice.code()).firstResult();
        TaxonomyTerm category = new TaxonomyTerm();
        // The one rule for term ids, the database's mitra_term_id (V1), as for the seeded terms: partners may hard-code
        // them. (UUID.nameUUIDFromBytes, used here before, sets version bits and gave other ids.)
        category.id = UUID.fromString((String) TaxonomyTerm.getEntityManager()
                .createNativeQuery("SELECT mitra_term_id(:code)::text").setParameter("code", request.code()).getSingleResult());
        category.code = request.code();
        category.slice = slice;
        category.parentId = parent.id;
        category.nameEn = request.nameEn().strip();
        category.nameId = request.nameId().strip();
        category.description = request.description();
        category.requiresLawEnforcement = parent.requiresLawEnforcement;
        category.updatedAt = Instant.now();
        category.persist();
        return category;
    }

    /** Renames a slice or category (coalition admins, If-Match required). */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaxonomyTerm rename(String code, String ifMatch, TermNamesRequest request) {
        TaxonomyTerm term = TaxonomyTerm.<TaxonomyTerm>find("code", code).firstResultOptional()
                .orElseThrow(() -> ResourceNotFoundException.of(MESSAGES.text("noun.taxonomy-term"), code));
        IfMatch.require(ifMatch, EntityTags.of(term.code, term.version));
        term.nameEn = request.nameEn().strip();
        term.nameId = request.nameId().strip();
        term.description = request.description();
        term.updatedAt = Instant.now();
        TaxonomyTerm.getEntityManager().flush();
        return term;
    }

    public Optional<TaxonomyTerm> find(String code) {
        return TaxonomyTerm.find("code", code).firstResultOptional();
    }

    /** Categories (not slices) by code, for validating what services and referrals name. */
    public Map<String, TaxonomyTerm> categoriesByCode() {
        return TaxonomyTerm.<TaxonomyTerm>list("parentId is not null").stream()
                .collect(Collectors.toMap(term -> term.code, Function.identity()));
    }
}
