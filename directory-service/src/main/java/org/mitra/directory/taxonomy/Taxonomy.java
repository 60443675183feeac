package org.mitra.directory.taxonomy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Categories (not slices) by code, for validating what services and referrals name. */
    public Map<String, TaxonomyTerm> categoriesByCode() {
        return TaxonomyTerm.<TaxonomyTerm>list("parentId is not null").stream()
                .collect(Collectors.toMap(term -> term.code, Function.identity()));
    }
}
